/* chamber-audit.h — the server's audit log (table `audit`, schema 5): who published a document,
 * changed who may read it, issued or revoked a token, and downloaded which document version,
 * and when; and from it the delivery of a session: which documents reached whom.
 *
 * Each change is recorded in the transaction of the change itself: the caller opens it with
 * chamber_store_begin(), makes the change, calls chamber_audit_record() and commits, so a
 * change is never stored without its row nor a row without its change. A download changes
 * nothing and is recorded on its own by chamber_audit_record_download().
 *
 * Errors are CHAMBER_STORE_ERROR. Functions run on the store's thread. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "chamber-model.h"
#include "chamber-store.h"

G_BEGIN_DECLS

typedef enum {
  CHAMBER_AUDIT_PUBLISH,       /* a document (or a new version of one) was published */
  CHAMBER_AUDIT_ACCESS,        /* who may read a document was changed */
  CHAMBER_AUDIT_TOKEN_ISSUE,   /* an access token was issued */
  CHAMBER_AUDIT_TOKEN_REVOKE,  /* an access token was revoked */
  CHAMBER_AUDIT_DOWNLOAD,      /* a document's bytes were sent whole (or the last range) */
  CHAMBER_AUDIT_REPLACE,       /* a document was replaced by a new version (schema 6) */
  CHAMBER_N_AUDIT_ACTIONS
} ChamberAuditAction;

/* "publish", "access", "token-issue", "token-revoke", "download", "replace" */
const char *chamber_audit_action_to_string (ChamberAuditAction action);
gboolean    chamber_audit_action_from_string (const char *str, ChamberAuditAction *out);

typedef struct {
  gint64             id;
  char              *at;              /* UTC, ISO 8601 ("2024-12-09T07:30:00Z") */
  gint64             person_id;       /* who acted; 0 for chamberd itself (`init`, the seed) */
  char              *person_name;     /* NULL when person_id is 0 */
  ChamberAuditAction action;
  gint64             document_id;     /* 0 when the event concerns no document */
  char              *document_title;  /* NULL then, or when the document was removed */
  int                version;         /* the document's version; 0 when none */
  gint64             session_id;      /* 0 when the event concerns no session */
  char              *detail;          /* what changed, in the words of the log; may be NULL */
} ChamberAuditEvent;

void chamber_audit_event_free (ChamberAuditEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberAuditEvent, chamber_audit_event_free)
JsonNode *chamber_audit_event_to_json (const ChamberAuditEvent *event);

/* Records one event now. @person_id, @document_id and @session_id 0 mean none; with a document
 * and no session, the document's session is recorded. One statement: atomic on its own, and
 * part of the caller's transaction when one is open. */
gboolean chamber_audit_record (ChamberStore *store, gint64 person_id, ChamberAuditAction action,
                               gint64 document_id, gint64 session_id, const char *detail,
                               GError **error);

/* The detail of a token event: "token ID of person ID (NAME)". */
char    *chamber_audit_token_detail (gint64 token_id, const ChamberPerson *owner);

/* Records that @person received the blob @sha256: one "download" row for each document with
 * that hash that @person may read (several versions or sessions may share the bytes), in one
 * transaction. @detail may be NULL. */
gboolean chamber_audit_record_download (ChamberStore *store, const ChamberPerson *person,
                                        const char *sha256, const char *detail,
                                        GError **error);

/* Element type ChamberAuditEvent, newest first, at most @limit (> 0); @session_id 0 lists the
 * events of every session and those of none (tokens). */
GPtrArray *chamber_audit_list (ChamberStore *store, gint64 session_id, guint limit,
                               GError **error);

/* One document as it reached (or not) one person. */
typedef struct {
  gint64 document_id;
  char  *title;
  int    version;
  char  *downloaded_at;  /* the first download of this version; NULL when not yet */
} ChamberDeliveredDocument;

typedef struct {
  ChamberPerson *person;
  GPtrArray     *documents;  /* ChamberDeliveredDocument: the newest version of every document
                              * of the session the person may read, in agenda order */
  guint          n_missing;  /* those with downloaded_at NULL */
} ChamberDelivery;

void chamber_delivery_free (ChamberDelivery *delivery);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberDelivery, chamber_delivery_free)
/* {person_id, name, group, documents: [{document_id, title, version, downloaded_at}],
 *  missing: [document_id…]} */
JsonNode *chamber_delivery_to_json (const ChamberDelivery *delivery);

/* Element type ChamberDelivery: every active delegate, chair and official (by role, then
 * name), with what of session @session_id reached their laptop. NOT_FOUND for an unknown
 * session. */
GPtrArray *chamber_audit_delivery (ChamberStore *store, gint64 session_id, GError **error);

G_END_DECLS
