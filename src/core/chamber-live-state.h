/* chamber-live-state.h — the live session as a pure state machine (issue 5): the current agenda
 * item and its state, per item a queue of requests to speak and the log of turns, and the rules
 * the chair runs them by (docs/protocol.md, “Live channel”).
 *
 * Commands and events are JSON objects. A command ({"type": "grant", "request": 4}) is checked
 * against the state and the role of whoever sent it by chamber_live_state_decide(), which
 * answers the event it turns into (numbered, timestamped, with every id and position it
 * assigns) or a CHAMBER_LIVE_ERROR saying why it is refused. chamber_live_state_apply() applies
 * an event; it is deterministic and reads nothing but the event, so replaying the events of a
 * session from the first rebuilds the same state — on chamberd after a restart, and in every
 * client. Time is never read here: the caller passes server timestamps (ms since the epoch), and
 * remaining seconds are computed from the events' timestamps and the @now_ms a caller passes.
 *
 * The items of the session and the people directory are context, not events: the server sets
 * them from its store (chamber_live_state_add_item(), chamber_live_state_add_person()) before
 * deciding, so that commands naming an unknown item or respondent are refused, and
 * chamber_live_state_to_json() decorates turns with names and titles. No I/O, no main loop. */
#pragma once

#include <json-glib/json-glib.h>

#include "chamber-model.h"

G_BEGIN_DECLS

#define CHAMBER_LIVE_ERROR (chamber_live_error_quark ())

/* Why a command was refused (the message is a sentence a person can act on). */
typedef enum {
  CHAMBER_LIVE_ERROR_INVALID,    /* malformed: not a known command, a member missing or wrong */
  CHAMBER_LIVE_ERROR_FORBIDDEN,  /* the sender's role (or person) may not do this */
  CHAMBER_LIVE_ERROR_NOT_FOUND,  /* no such item, request, turn, group, commitment or person */
  CHAMBER_LIVE_ERROR_CONFLICT,   /* the state does not allow it now (a turn in progress, …) */
  CHAMBER_LIVE_ERROR_STALE,      /* "expected_seq" is not the state's number: someone acted first */
} ChamberLiveError;

GQuark chamber_live_error_quark (void);

/* Limits of commands and events. */
#define CHAMBER_LIVE_MAX_TEXT      4096    /* bytes of a topic, summary, quote or commitment */
#define CHAMBER_LIVE_MAX_ADD_TIME  3600    /* seconds added to a turn at once */
#define CHAMBER_LIVE_MAX_LIMIT     86400   /* seconds of a time limit per kind */
#define CHAMBER_LIVE_MAX_LIST      64      /* ids in one list member ("turns", "requests", …) */
#define CHAMBER_LIVE_MAX_QUOTE     1024    /* bytes of an anchor's quoted passage once its white
                                            * space is folded (a few sentences) */

typedef enum {
  CHAMBER_LIVE_QUESTION,        /* chất vấn, addressed to a respondent */
  CHAMBER_LIVE_ANSWER,          /* trả lời chất vấn: responds to one or more questions */
  CHAMBER_LIVE_EXPLANATION,     /* giải trình: a respondent's opening statement */
  CHAMBER_LIVE_DEBATE,          /* tranh luận: debates an answer */
  CHAMBER_LIVE_DISCUSSION,      /* thảo luận */
  CHAMBER_LIVE_POINT_OF_ORDER,  /* goes before everyone */
  CHAMBER_LIVE_CONCLUSION,      /* kết luận: the chair's conclusion */
  CHAMBER_LIVE_N_KINDS
} ChamberLiveKind;

/* "question", "answer", "explanation", "debate", "discussion", "point-of-order", "conclusion" */
const char *chamber_live_kind_to_string (ChamberLiveKind kind);
gboolean    chamber_live_kind_from_string (const char *str, ChamberLiveKind *out);
/* A translated, human-readable name ("Chất vấn"). */
const char *chamber_live_kind_get_label (ChamberLiveKind kind);

typedef enum {
  CHAMBER_LIVE_REQUEST_WAITING,    /* in the queue */
  CHAMBER_LIVE_REQUEST_GRANTED,    /* became a turn */
  CHAMBER_LIVE_REQUEST_WITHDRAWN,  /* by the delegate */
  CHAMBER_LIVE_REQUEST_REMOVED,    /* by the chair */
} ChamberLiveRequestState;

/* "waiting", "granted", "withdrawn", "removed" */
const char *chamber_live_request_state_to_string (ChamberLiveRequestState state);

/* A place in a document a request or turn is about; document_id 0 means none. */
typedef struct {
  gint64  document_id;
  int     page;         /* from 1 */
  char   *quote;        /* the passage, or NULL: white space folded to single spaces, no
                         * control or bidirectional-override characters */
} ChamberLiveAnchor;

typedef struct {
  gint64                  id;
  gint64                  item_id;
  gint64                  person_id;      /* who asks to speak */
  ChamberLiveKind         kind;           /* question, debate, discussion or point-of-order */
  gint64                  respondent_id;  /* the official a question is addressed to, or 0 */
  gint64                  debates_turn_id;/* the answer a debate is about, or 0 */
  gint64                  group_id;       /* the issue group (nhóm vấn đề), or 0 */
  char                   *topic;          /* may be NULL */
  ChamberLiveAnchor       anchor;
  gboolean                priority;       /* a debate by the asker of the answered question */
  ChamberLiveRequestState state;
  gint64                  requested_at;   /* ms */
  gint64                  added_by;       /* the chair who added it for the person, or 0 */
  gint64                  turn_id;        /* the turn it became, or 0 */
} ChamberLiveRequest;

typedef struct {
  gint64  id;
  gint64  turn_id;
  char   *what;
  gint64  owner_id;     /* the person who committed */
  char   *due;          /* "YYYY-MM-DD" or NULL */
  gint64  created_at;   /* ms */
  gint64  created_by;
} ChamberLiveCommitment;

typedef struct {
  gint64  from;  /* ms */
  gint64  to;    /* ms, 0 while the pause lasts */
} ChamberLivePause;

typedef struct {
  gint64            id;
  gint64            item_id;
  ChamberLiveKind   kind;
  gint64            speaker_id;
  gint64            respondent_id;  /* a question's respondent, or 0 */
  gint64            request_id;     /* the request granted, or 0 */
  GArray           *responds_to;    /* gint64: the questions an answer answers, the answer a
                                     * debate debates */
  char             *topic;          /* may be NULL */
  ChamberLiveAnchor anchor;
  gint64            started_at;     /* ms */
  gint64            ended_at;       /* ms, 0 while it runs */
  GArray           *pauses;         /* ChamberLivePause */
  int               allotted_s;     /* the limit of its kind plus the time added */
  char             *summary;        /* by the secretariat, or NULL */
  GPtrArray        *commitments;    /* ChamberLiveCommitment */
} ChamberLiveTurn;

typedef struct {
  gint64  id;
  gint64  item_id;
  char   *name;          /* "Đất đai", "Ngân sách" */
  GArray *respondents;   /* gint64 */
} ChamberLiveGroup;

typedef struct {
  gint64            id;
  char             *title;      /* from the agenda (context), may be NULL */
  ChamberItemState  state;
  gboolean          list_closed;
  GArray           *queue;      /* gint64: the waiting requests, in the order they will speak */
  GPtrArray        *groups;     /* ChamberLiveGroup, in the order the queue follows */
} ChamberLiveItem;

typedef struct {
  int      limit_s[CHAMBER_LIVE_N_KINDS];  /* seconds allotted per kind */
  gboolean speak_once;       /* one waiting request per delegate per item */
  gboolean debate_priority;  /* the asker of an answered question debates first */
} ChamberLiveSettings;

typedef struct _ChamberLiveState ChamberLiveState;

/* A new, empty live state of session @session_id (event number 0, default settings:
 * question 180 s, answer 300 s, explanation 300 s, debate 120 s, discussion 300 s,
 * point of order 60 s, conclusion 600 s; speak once and debate priority on). */
ChamberLiveState *chamber_live_state_new (gint64 session_id);
void              chamber_live_state_free (ChamberLiveState *self);

/* Context. An item of the session (with its title) may be added any time; adding one known
 * already updates its title. People are copied; adding a known id replaces the entry. */
void                 chamber_live_state_add_item (ChamberLiveState *self, gint64 item_id,
                                                  const char *title);
void                 chamber_live_state_add_person (ChamberLiveState *self,
                                                    const ChamberPerson *person);
/* The person with @person_id, or NULL when the directory does not have them. */
const ChamberPerson *chamber_live_state_lookup_person (ChamberLiveState *self, gint64 person_id);
/* Whether the directory is in use (some person was added): only then are respondents and
 * owners checked against it. */
gboolean             chamber_live_state_has_people (ChamberLiveState *self);

/* Checks @command sent by @person_id with @role at server time @now_ms and answers its event
 * (a new object numbered get_seq() + 1), without changing the state; NULL with @error set when
 * it is refused. The commands, their members and who may send them are listed in
 * docs/protocol.md (“Live channel”). */
JsonObject *chamber_live_state_decide (ChamberLiveState *self, JsonObject *command,
                                       gint64 person_id, ChamberRole role, gint64 now_ms,
                                       GError **error);
/* Applies @event, which must be numbered get_seq() + 1 (INVALID otherwise, or when it names
 * what the state does not hold; the state is then unchanged). */
gboolean    chamber_live_state_apply (ChamberLiveState *self, JsonObject *event,
                                      GError **error);
/* decide() then apply(): the event that was applied (a new reference), or NULL. */
JsonObject *chamber_live_state_execute (ChamberLiveState *self, JsonObject *command,
                                        gint64 person_id, ChamberRole role, gint64 now_ms,
                                        GError **error);

gint64                     chamber_live_state_get_session_id (ChamberLiveState *self);
/* The number of the last event applied (0 before any). */
gint64                     chamber_live_state_get_seq (ChamberLiveState *self);
/* The timestamp of the last event applied (0 before any). */
gint64                     chamber_live_state_get_last_at (ChamberLiveState *self);
const ChamberLiveSettings *chamber_live_state_get_settings (ChamberLiveState *self);
/* The open item, or NULL. */
const ChamberLiveItem     *chamber_live_state_get_current_item (ChamberLiveState *self);
const ChamberLiveItem     *chamber_live_state_get_item (ChamberLiveState *self, gint64 item_id);
/* Element type ChamberLiveItem (owned by the state), in the order they became known. */
GPtrArray                 *chamber_live_state_get_items (ChamberLiveState *self);
/* The turn that has started and not ended (perhaps paused), or NULL. */
const ChamberLiveTurn     *chamber_live_state_get_current_turn (ChamberLiveState *self);
const ChamberLiveTurn     *chamber_live_state_get_turn (ChamberLiveState *self, gint64 turn_id);
/* Element type ChamberLiveTurn (owned by the state), in the order they started. */
GPtrArray                 *chamber_live_state_get_turns (ChamberLiveState *self);
const ChamberLiveRequest  *chamber_live_state_get_request (ChamberLiveState *self,
                                                           gint64 request_id);
/* Element type ChamberLiveRequest (owned by the state), in the order they were made. */
GPtrArray                 *chamber_live_state_get_requests (ChamberLiveState *self);

/* Milliseconds @turn has been spoken at @now_ms (pauses excluded; up to its end once ended). */
gint64 chamber_live_turn_used_ms (const ChamberLiveTurn *turn, gint64 now_ms);
/* Seconds left at @now_ms (negative in overtime), rounded towards the speaker: a turn with
 * 0.4 s left shows 1. */
gint64 chamber_live_turn_remaining_s (const ChamberLiveTurn *turn, gint64 now_ms);
gboolean chamber_live_turn_is_paused (const ChamberLiveTurn *turn);

/* The whole state as JSON at @now_ms (what GET /api/v1/sessions/ID/live answers): settings,
 * the current item and turn with its remaining seconds, every item with its queue, requests,
 * groups and turns, and the people the state names. */
JsonNode *chamber_live_state_to_json (ChamberLiveState *self, gint64 now_ms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberLiveState, chamber_live_state_free)

G_END_DECLS
