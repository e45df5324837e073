/* chamber-live-stats.h — the statistics of a live sitting (issue 5, “Records”), computed from a
 * session's ChamberLiveState: per delegate (questions, debates, other turns, speaking time),
 * per respondent (questions addressed to them, answers, answer time) and per delegate group
 * (Tổ đại biểu). The minutes print them (chamber-minutes.h) and chamberd answers them in the
 * minutes' JSON. Pure computation: no I/O. */
#pragma once

#include <json-glib/json-glib.h>

#include "chamber-live-state.h"

G_BEGIN_DECLS

/* One person's figures. A delegate's counts come from the turns they spoke (question, debate,
 * discussion, point of order); a respondent's from the questions addressed to them and the
 * answers and explanations they gave. Times are milliseconds spoken, pauses excluded. */
typedef struct {
  gint64  person_id;
  char   *name;        /* from the directory, or NULL when the person is unknown */
  char   *title;       /* an official's title, or NULL */
  char   *agency;
  char   *group;       /* the delegate group, or NULL */
  guint   questions;
  guint   debates;
  guint   discussions;
  guint   points_of_order;
  gint64  speaking_ms;           /* the delegate's turns */
  guint   questions_received;    /* questions addressed to this respondent */
  guint   answers;               /* answers and explanations given */
  gint64  answer_ms;
  guint   overtime_turns;        /* turns of this person that ran past their time */
} ChamberLiveStatsPerson;

/* A delegate group: the delegates of the group who spoke and what they said. */
typedef struct {
  char   *name;        /* NULL: delegates of no group */
  guint   delegates;   /* delegates of the group who spoke */
  guint   questions;
  guint   debates;
  guint   discussions;
  gint64  speaking_ms;
} ChamberLiveStatsGroup;

typedef struct {
  GPtrArray *delegates;    /* ChamberLiveStatsPerson, in the order they first spoke */
  GPtrArray *respondents;  /* ChamberLiveStatsPerson, in the order they were first involved */
  GPtrArray *groups;       /* ChamberLiveStatsGroup, by name (no group last) */
  guint      turns;        /* every turn counted (conclusions too) */
  gint64     total_ms;     /* their time */
} ChamberLiveStats;

/* The statistics of the turns of item @item_id of @state (0: every item) at @now_ms (a turn
 * still running counts the time spoken so far). */
ChamberLiveStats *chamber_live_stats_compute (ChamberLiveState *state, gint64 item_id,
                                              gint64 now_ms);
void              chamber_live_stats_free (ChamberLiveStats *stats);

/* {"turns", "total_ms", "delegates": [{"person": {"id", "name", "title", "agency", "group"},
 *  "questions", "debates", "discussions", "points_of_order", "speaking_ms", "overtime_turns"}],
 *  "respondents": [{"person", "questions_received", "answers", "answer_ms", "overtime_turns"}],
 *  "groups": [{"name" (null: no group), "delegates", "questions", "debates", "discussions",
 *  "speaking_ms"}]}. */
JsonNode         *chamber_live_stats_to_json (const ChamberLiveStats *stats);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberLiveStats, chamber_live_stats_free)

G_END_DECLS
