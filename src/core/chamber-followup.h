/* chamber-followup.h — following up the commitments register between sessions (issue 9):
 * status updates with their history (open, in progress, done; a note; optional evidence — a PDF,
 * PNG or JPEG checked like an upload and kept in the blob store — who and when; schema step 9,
 * table commitment_updates), the reminders of what is due soon or overdue, and the follow-up
 * item carried into a new session's agenda with the commitments still open, as a generated PDF
 * document attached to it (table commitment_carryovers: once per session).
 *
 * "Today" is the day in Asia/Ho_Chi_Minh (chamber_commitments_today()); dates are "YYYY-MM-DD". */
#pragma once

#include <json-glib/json-glib.h>

#include "chamber-blob-store.h"
#include "chamber-commitments.h"
#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_FOLLOWUP_MAX_EVIDENCE     (16 * 1024 * 1024)  /* bytes of one evidence file */
#define CHAMBER_FOLLOWUP_MAX_IMAGE_PIXELS (60 * 1000 * 1000)  /* width × height of an image */
#define CHAMBER_FOLLOWUP_MAX_IMAGE_SIDE   20000               /* pixels */
#define CHAMBER_FOLLOWUP_DEFAULT_DUE_DAYS 14
#define CHAMBER_FOLLOWUP_MAX_DUE_DAYS     3660

typedef struct {
  gint64  id;
  gint64  commitment_id;    /* the register id */
  char   *status;           /* "open", "in-progress" or "done" */
  char   *note;             /* or NULL */
  char   *evidence_sha256;  /* or NULL */
  char   *evidence_type;    /* "application/pdf", "image/png", "image/jpeg", or NULL */
  gint64  evidence_bytes;
  char   *at;               /* ISO 8601 UTC */
  gint64  by;               /* the person, or 0 */
  char   *by_name;          /* or NULL */
} ChamberCommitmentUpdate;

void chamber_commitment_update_free (ChamberCommitmentUpdate *update);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberCommitmentUpdate, chamber_commitment_update_free)

/* TRUE for "open", "in-progress" and "done" (the statuses one records; "overdue" is computed). */
gboolean chamber_followup_status_is_valid (const char *status);

/* Checks the evidence file at @path: not empty, at most CHAMBER_FOLLOWUP_MAX_EVIDENCE bytes, and
 * a PDF that opens with every page rendered (chamber_pdf_check(): CHAMBER_PDF_ERROR), a PNG that
 * decodes, or a JPEG whose markers up to its frame header are sound and which ends with its end
 * marker, of at most CHAMBER_FOLLOWUP_MAX_IMAGE_SIDE pixels a side and
 * CHAMBER_FOLLOWUP_MAX_IMAGE_PIXELS in all. Anything else is CHAMBER_PROTOCOL_ERROR_INVALID
 * (TOO_LARGE over the size) with a message saying why. *@out_type is a static string. */
gboolean chamber_followup_check_evidence (const char *path, const char **out_type,
                                          gint64 *out_bytes, GError **error);

/* Records a status update of commitment @id: @status as chamber_followup_status_is_valid(),
 * @note (NULL or "" for none; UTF-8, at most CHAMBER_COMMITMENTS_MAX_NOTE bytes), and the file
 * @evidence_path (NULL for none) checked with chamber_followup_check_evidence() and imported
 * into @blobs, by @person_id, in one transaction with the commitment's status (done or not) and
 * note. Nothing is stored when anything is refused. NOT_FOUND for an unknown id, CONSTRAINT for
 * a bad status or note. *@out_update (may be NULL) is the update stored. */
gboolean chamber_followup_record_update (ChamberStore *store, ChamberBlobStore *blobs, gint64 id,
                                         const char *status, const char *note,
                                         const char *evidence_path, gint64 person_id,
                                         ChamberCommitmentUpdate **out_update, GError **error);
/* The updates of commitment @id, oldest first (NOT_FOUND for an unknown commitment).
 * Element type ChamberCommitmentUpdate. */
GPtrArray *chamber_followup_list_updates (ChamberStore *store, gint64 id, GError **error);
/* One update by its id; NOT_FOUND when there is none. */
ChamberCommitmentUpdate *chamber_followup_get_update (ChamberStore *store, gint64 update_id,
                                                      GError **error);
/* {"id", "commitment", "status", "note", "evidence": {"sha256", "type", "bytes"} | null, "at",
 *  "by": {"id", "name"} | null} */
JsonNode  *chamber_commitment_update_to_json (const ChamberCommitmentUpdate *update);

/* @day ("YYYY-MM-DD") moved by @days (negative: back); NULL for a date that is not valid. */
char      *chamber_followup_add_days (const char *day, int days);
/* Days from @today to @due (negative when @due is before), or G_MININT for an invalid date. */
int        chamber_followup_days_until (const char *today, const char *due);
/* The reminders: the commitments not done with a deadline on or before @today + @within_days
 * (the overdue ones included), by deadline then id. Element type ChamberCommitment. */
GPtrArray *chamber_followup_list_due (ChamberStore *store, const char *today, int within_days,
                                      GError **error);

typedef struct {
  gboolean created;      /* FALSE: carried before (or nothing to carry) */
  gint64   item_id;      /* the follow-up item, 0 when there is none */
  gint64   document_id;  /* its PDF document */
  guint    commitments;  /* commitments listed in it */
} ChamberCarryOver;

/* The commitments carried into session @session: those not done of the sessions numbered before
 * it, on @today. Element type ChamberCommitment. */
GPtrArray *chamber_followup_list_carried (ChamberStore *store, const ChamberSession *session,
                                          const char *today, GError **error);
/* The PDF listing @commitments (ChamberCommitment) for session @session. */
GBytes    *chamber_followup_to_pdf (const ChamberSession *session, const char *council_name,
                                    GPtrArray *commitments, const char *today, GError **error);
/* Adds to the agenda of session @session_id, once, the item "Follow-up of commitments made at
 * earlier sessions" with chamber_followup_to_pdf() published to it (by @person_id, 0 for
 * chamberd), when any commitment is to be carried; records that it did, so that a second call
 * adds nothing and answers what the first added. NOT_FOUND for an unknown session. */
gboolean   chamber_followup_carry (ChamberStore *store, ChamberBlobStore *blobs,
                                   gint64 session_id, gint64 person_id, const char *today,
                                   ChamberCarryOver *out, GError **error);

G_END_DECLS
