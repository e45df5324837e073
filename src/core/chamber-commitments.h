/* chamber-commitments.h — the commitments register (issue 5, “Records”): every commitment
 * recorded in the live sittings of every session (a `commit` event of the live channel), with
 * who made it, what, by when, the turn it was made in, and its follow-up status.
 *
 * A commitment lives in its session's live events; its register id is the id of the stored
 * `commit` event (table live_events), stable across sessions and restarts. Whether it was done
 * is kept beside it (schema step 8, table commitment_status) by the secretariat, with every
 * status update since schema step 9 (table commitment_updates, chamber-followup.h); "overdue" is
 * never stored: a commitment not done whose deadline is before today (in Asia/Ho_Chi_Minh) is
 * overdue. A commitment taken back in the sitting (`uncommit`) leaves the register. */
#pragma once

#include <json-glib/json-glib.h>

#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_COMMITMENTS_MAX_NOTE 4096  /* bytes of a follow-up note */

typedef enum {
  CHAMBER_COMMITMENT_OPEN,
  CHAMBER_COMMITMENT_DONE,
  CHAMBER_COMMITMENT_OVERDUE,  /* not done, and the deadline has passed */
  CHAMBER_COMMITMENT_IN_PROGRESS,  /* the secretariat recorded work under way */
  CHAMBER_N_COMMITMENT_STATUSES
} ChamberCommitmentStatus;

/* "open", "done", "overdue", "in-progress" */
const char *chamber_commitment_status_to_string (ChamberCommitmentStatus status);
gboolean    chamber_commitment_status_from_string (const char *str,
                                                   ChamberCommitmentStatus *out);
/* A translated, human-readable name ("Quá hạn"). */
const char *chamber_commitment_status_get_label (ChamberCommitmentStatus status);

typedef struct {
  gint64                  id;             /* the register's id */
  gint64                  session_id;
  int                     session_number;
  char                   *session_title;
  gint64                  item_id;
  char                   *item_title;     /* may be NULL */
  gint64                  turn_id;        /* within the session */
  char                   *turn_kind;      /* "answer", … */
  gint64                  commitment_id;  /* within the session */
  char                   *what;
  gint64                  owner_id;
  char                   *owner_name;     /* NULL when the person is unknown */
  char                   *owner_title;
  char                   *owner_agency;
  char                   *due;            /* "YYYY-MM-DD" or NULL */
  gint64                  created_at;     /* ms */
  ChamberCommitmentStatus status;         /* as of the day the register was read */
  char                   *note;           /* the secretariat's follow-up note, or NULL */
  char                   *updated_at;     /* when the status was last set, or NULL */
  gint64                  updated_by;
  gboolean                in_progress;    /* the last update said "in-progress" */
  guint                   updates;        /* status updates recorded (chamber-followup.h) */
} ChamberCommitment;

void chamber_commitment_free (ChamberCommitment *commitment);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberCommitment, chamber_commitment_free)

/* What to list: @status -1 for every status; @owner_id and @session_id 0 for any. */
typedef struct {
  int    status;
  gint64 owner_id;
  gint64 session_id;
} ChamberCommitmentFilter;

/* Today as "YYYY-MM-DD" in the council's time zone, Asia/Ho_Chi_Minh (the day overdue is
 * judged by), whatever the server's own time zone. */
char      *chamber_commitments_today (void);
/* The day of @ms (milliseconds since the epoch) as "YYYY-MM-DD" in Asia/Ho_Chi_Minh. */
char      *chamber_commitments_day_of (gint64 ms);

/* The commitments matching @filter (NULL: all), by session then commitment, their status
 * judged on @today ("YYYY-MM-DD"). Element type ChamberCommitment. */
GPtrArray *chamber_commitments_list (ChamberStore *store, const ChamberCommitmentFilter *filter,
                                     const char *today, GError **error);
/* One commitment by its register id; CHAMBER_STORE_ERROR_NOT_FOUND when there is none (or it
 * was taken back). */
ChamberCommitment *chamber_commitments_get (ChamberStore *store, gint64 id, const char *today,
                                            GError **error);
/* Marks commitment @id done (@done) or open again, with @note (NULL or "" for none; at most
 * CHAMBER_COMMITMENTS_MAX_NOTE bytes of UTF-8), by person @person_id, as a status update of its
 * history (chamber_followup_record_update()). NOT_FOUND for an unknown id, CONSTRAINT for a bad
 * note. */
gboolean   chamber_commitments_set_done (ChamberStore *store, gint64 id, gboolean done,
                                         const char *note, gint64 person_id, GError **error);

/* {"id", "session": {"id", "number", "title"}, "item": {"id", "title"}, "turn", "turn_kind",
 *  "commitment", "what", "owner": {"id", "name", "title", "agency"}, "due", "created_at",
 *  "status", "progress" ("open"|"in-progress"|"done": what was last recorded), "note",
 *  "updated_at", "updated_by", "updates"} */
JsonNode *chamber_commitment_to_json (const ChamberCommitment *commitment);
/* The register as CSV (RFC 4180, CRLF, UTF-8 with a byte order mark so that spreadsheets on
 * Windows read Vietnamese), one row per commitment after a header row. */
GBytes   *chamber_commitments_to_csv (GPtrArray *commitments);

/* Appends @field to @csv quoted as RFC 4180 asks (always quoted: "" doubles a quote). */
void      chamber_csv_append_field (GString *csv, const char *field);

G_END_DECLS
