/* chamber-activity-report.h — the delegate activity report (issue 9): per delegate and per
 * delegate group over a term, the sitting days attended, questions, debates, speaking time,
 * voters' petitions followed and supervision findings taken part in, each weighed by a weight
 * the council sets (table report_criteria, schema step 9; defaults below), and the score
 * Σ weight × value, printed with the weights so that anyone can recompute it by hand.
 *
 * A term is "YYYY-YYYY" (the years of a council's term, e.g. "2021-2026": 1 January of the first
 * to 31 December of the last) or "YYYY-MM-DD..YYYY-MM-DD"; a session belongs to it when its
 * first day (starts_on, else ends_on) is in that range. Sessions without dates belong to none.
 *
 * Attendance: a delegate attended a sitting day (a day in Asia/Ho_Chi_Minh of a session) when
 * the secretariat recorded them present that day (table attendance, `chamberctl attendance
 * set`); on a day of a session with no record at all, when they sent a live command that day or
 * spoke in a turn that started that day. Values are counted from the sessions' live events
 * replayed (chamber-live-stats.h): questions and debates are the turns they spoke of that kind;
 * speaking time is every turn they spoke (pauses excluded), in minutes rounded to a tenth.
 * Petitions followed are the voters' petitions raised at the voters' meetings of their delegate
 * group (a group meets voters together) whose meeting day — else the day received — is in the
 * term; supervision findings are those recorded in the term on samples assigned to their
 * delegate group or committee, or recorded by them (schema step 10, chamber-petitions.h and
 * chamber-supervision.h). A store without those tables counts both 0.
 *
 * Integers keep the arithmetic exact: weights are hundredths, values tenths, scores thousandths. */
#pragma once

#include <json-glib/json-glib.h>

#include "chamber-store.h"

G_BEGIN_DECLS

typedef enum {
  CHAMBER_CRITERION_SITTINGS,
  CHAMBER_CRITERION_QUESTIONS,
  CHAMBER_CRITERION_DEBATES,
  CHAMBER_CRITERION_SPEAKING_MINUTES,
  CHAMBER_CRITERION_PETITIONS,
  CHAMBER_CRITERION_FINDINGS,
  CHAMBER_N_CRITERIA
} ChamberCriterion;

#define CHAMBER_CRITERION_MAX_WEIGHT_CENTI 100000  /* a weight of at most 1000.00 */

/* "sittings", "questions", "debates", "speaking_minutes", "petitions", "findings" */
const char *chamber_criterion_to_string (ChamberCriterion criterion);
gboolean    chamber_criterion_from_string (const char *str, ChamberCriterion *out);
/* Translated name and how it is counted. */
const char *chamber_criterion_get_label (ChamberCriterion criterion);
const char *chamber_criterion_get_description (ChamberCriterion criterion);
/* The default weight, in hundredths: sittings 2, questions 3, debates 2, speaking minutes 0.5,
 * petitions 1, findings 2. */
int         chamber_criterion_get_default_weight (ChamberCriterion criterion);

/* Parses a weight "3", "0.5", "1.25" (at most two decimals, 0 to 1000) into hundredths. */
gboolean chamber_report_parse_weight (const char *text, int *out_centi);
/* "1.25" from 125. */
char    *chamber_report_format_centi (gint64 centi);
/* The weights in force (the council's, else the defaults), in hundredths. */
gboolean chamber_report_get_weights (ChamberStore *store, int out_centi[CHAMBER_N_CRITERIA],
                                     GError **error);
/* Sets the weight of @criterion (@weight_centi 0 … CHAMBER_CRITERION_MAX_WEIGHT_CENTI, or -1 to
 * go back to the default), by @person_id. CONSTRAINT when out of range. */
gboolean chamber_report_set_weight (ChamberStore *store, ChamberCriterion criterion,
                                    int weight_centi, gint64 person_id, GError **error);

/* Records whether delegate @person_id attended the sitting of session @session_id on @day
 * ("YYYY-MM-DD"), by @recorded_by. NOT_FOUND for an unknown session or person, CONSTRAINT for
 * a bad day. */
gboolean chamber_report_set_attendance (ChamberStore *store, gint64 session_id,
                                        gint64 person_id, const char *day, gboolean present,
                                        gint64 recorded_by, GError **error);

/* Parses a term as described above; CHAMBER_PROTOCOL_ERROR_INVALID with the reason otherwise. */
gboolean chamber_report_parse_term (const char *term, char **out_from, char **out_to,
                                    GError **error);

typedef struct {
  gint64  person_id;      /* 0 for a group's row */
  char   *name;           /* the delegate's, or the group's (NULL: no group) */
  char   *group;          /* a delegate's group, or NULL */
  guint   delegates;      /* a group's: its delegates */
  gint64  counts[CHAMBER_N_CRITERIA];  /* sittings, questions, …; speaking: tenths of a minute */
  gint64  speaking_ms;
  gint64  score_milli;    /* Σ weight (hundredths) × value (tenths) */
} ChamberActivityRow;

typedef struct {
  char      *term;
  char      *from;
  char      *to;
  char      *council_name;     /* or NULL */
  gint64     generated_at;     /* ms */
  GPtrArray *sessions;         /* ChamberSession in the term, by number */
  int        weights[CHAMBER_N_CRITERIA];  /* hundredths */
  gboolean   petitions_recorded;  /* whether the store has petitions and supervision */
  GPtrArray *delegates;        /* ChamberActivityRow, by group then name */
  GPtrArray *groups;           /* ChamberActivityRow, by name (no group last) */
} ChamberActivityReport;

/* The report over @term at @now_ms; only the row of @only_person (> 0) and no groups when it is
 * given (a delegate sees their own activity). */
ChamberActivityReport *chamber_activity_report_compute (ChamberStore *store, const char *term,
                                                        gint64 now_ms, gint64 only_person,
                                                        GError **error);
void                   chamber_activity_report_free (ChamberActivityReport *report);

/* A score in thousandths as "12.345". */
char     *chamber_report_format_score (gint64 score_milli);
/* {"term": {"name", "from", "to"}, "generated_at", "sessions": [{"id", "number", "title",
 *  "starts_on", "ends_on"}], "criteria": [{"key", "label", "description", "weight"}],
 *  "petitions_recorded", "delegates": [Row], "groups": [Row]} with Row {"person" (id; delegates
 *  only), "name", "group", "delegates" (groups only), "sittings", "questions", "debates",
 *  "speaking_ms", "speaking_minutes" (a string, one decimal), "petitions", "findings", "score"
 *  (a string, three decimals), "score_milli"} */
JsonNode *chamber_activity_report_to_json (const ChamberActivityReport *report);
/* UTF-8 with a byte order mark, RFC 4180: a row per delegate ("delegate"), per group ("group"),
 * and the weights ("weight") in the same columns. */
GBytes   *chamber_activity_report_to_csv (const ChamberActivityReport *report);
/* Landscape A4, in the language of the messages (Vietnamese for the council). */
GBytes   *chamber_activity_report_to_pdf (const ChamberActivityReport *report, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberActivityReport, chamber_activity_report_free)

G_END_DECLS
