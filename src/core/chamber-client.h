/* chamber-client.h — a blocking client of chamberd's /api/v1, used by chamberctl, the sync
 * engine and (from a worker thread) the app. One ChamberClient per thread: it owns its
 * SoupSession. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "chamber-model.h"
#include "chamber-people-import.h"

G_BEGIN_DECLS

#define CHAMBER_CLIENT_ERROR (chamber_client_error_quark ())

typedef enum {
  CHAMBER_CLIENT_ERROR_NETWORK,       /* cannot reach the server, or the connection broke */
  CHAMBER_CLIENT_ERROR_UNAUTHORIZED,  /* 401: wrong, revoked or expired token */
  CHAMBER_CLIENT_ERROR_FORBIDDEN,     /* 403: the token's role may not do this */
  CHAMBER_CLIENT_ERROR_NOT_FOUND,     /* 404 */
  CHAMBER_CLIENT_ERROR_REJECTED,      /* 400/409/413/422: the server refused the input; message says why */
  CHAMBER_CLIENT_ERROR_SERVER,        /* 5xx */
  CHAMBER_CLIENT_ERROR_PROTOCOL,      /* the answer is not what the protocol says */
  CHAMBER_CLIENT_ERROR_INVALID_URL,
  CHAMBER_CLIENT_ERROR_CERTIFICATE,   /* https: the server's certificate is not trusted or not the pinned one */
} ChamberClientError;

GQuark chamber_client_error_quark (void);

#define CHAMBER_TYPE_CLIENT (chamber_client_get_type ())
G_DECLARE_FINAL_TYPE (ChamberClient, chamber_client, CHAMBER, CLIENT, GObject)

/* @server_url like "http://127.0.0.1:8080" (a trailing slash is fine). Fails with INVALID_URL. */
ChamberClient *chamber_client_new (const char *server_url, const char *token, GError **error);
const char    *chamber_client_get_server_url (ChamberClient *self);
/* The SoupSession (a SoupSession *) for callers that stream, like the sync engine. */
gpointer       chamber_client_get_soup_session (ChamberClient *self);
/* Builds the absolute URI string of @path ("/api/v1/…"). */
char          *chamber_client_build_uri (ChamberClient *self, const char *path);
/* Adds "Authorization: Bearer …" to a SoupMessage. */
void           chamber_client_authorize (ChamberClient *self, gpointer soup_message);

/* Pins the server's certificate: from now on a TLS connection is accepted only when the
 * certificate the server presents has the SHA-256 fingerprint @sha256_hex (64 lowercase hex
 * digits, see chamber-tls.h), whether or not this computer trusts it otherwise — also a
 * certificate a public authority signed is refused when it is not the pinned one. NULL removes
 * the pin: then only certificates this computer trusts are accepted. Every request sent through
 * the client's SoupSession, also by the sync engine, is checked. */
void           chamber_client_set_pinned_certificate (ChamberClient *self, const char *sha256_hex);
const char    *chamber_client_get_pinned_certificate (ChamberClient *self);
/* After a send of @soup_message through the client's session failed: when the reason is that
 * the server's certificate was refused, sets CERTIFICATE on @error (the message names the
 * fingerprint presented, and the pinned one when there is a pin) and returns TRUE. */
gboolean       chamber_client_take_certificate_error (ChamberClient *self, gpointer soup_message,
                                                      GError **error);

/* Sends a request with an optional JSON body and returns the parsed JSON answer (NULL for an
 * empty 2xx body or a 304). A non-2xx answer becomes a CHAMBER_CLIENT_ERROR whose message is
 * the server's error message. @out_status may be NULL. */
JsonNode *chamber_client_request_json (ChamberClient *self, const char *method, const char *path,
                                       JsonNode *body, guint *out_status,
                                       GCancellable *cancellable, GError **error);

/* GET with If-None-Match; returns the body (NULL on 304, with *out_status = 304). */
GBytes *chamber_client_get_bytes (ChamberClient *self, const char *path,
                                  const char *if_none_match, char **out_etag, guint *out_status,
                                  GCancellable *cancellable, GError **error);

ChamberPerson   *chamber_client_get_me (ChamberClient *self, GCancellable *cancellable,
                                        GError **error);
GPtrArray       *chamber_client_list_sessions (ChamberClient *self, GCancellable *cancellable,
                                               GError **error);
ChamberSession  *chamber_client_create_session (ChamberClient *self,
                                                const ChamberSession *session,
                                                GCancellable *cancellable, GError **error);
ChamberItem     *chamber_client_add_item (ChamberClient *self, const ChamberItem *item,
                                          GCancellable *cancellable, GError **error);
ChamberPerson   *chamber_client_add_person (ChamberClient *self, const ChamberPerson *person,
                                            GCancellable *cancellable, GError **error);
/* Returns the new token (shown once) and its id. */
char            *chamber_client_issue_token (ChamberClient *self, gint64 person_id,
                                             gint64 *out_token_id, GCancellable *cancellable,
                                             GError **error);
/* The same with an expiry (ISO 8601, NULL for none); the server refuses one in the past. */
char            *chamber_client_issue_token_full (ChamberClient *self, gint64 person_id,
                                                  const char *expires_at, gint64 *out_token_id,
                                                  GCancellable *cancellable, GError **error);
/* Revokes a token by its id: from then on the server answers it 401. */
gboolean         chamber_client_revoke_token (ChamberClient *self, gint64 token_id,
                                              GCancellable *cancellable, GError **error);
/* Called on the client's thread while an upload (publish, replace) sends its body: @sent of
 * @total bytes have been written to the network so far. */
typedef void (*ChamberClientUploadProgress) (goffset sent, goffset total, gpointer user_data);
/* Sets (or with NULL removes) the function told of every upload's progress from now on. */
void             chamber_client_set_upload_progress (ChamberClient *self,
                                                     ChamberClientUploadProgress progress,
                                                     gpointer user_data);
/* Uploads @pdf_path to @item_id. The server checks it; a refusal is REJECTED with its reason. */
ChamberDocument *chamber_client_publish (ChamberClient *self, gint64 item_id,
                                         const char *pdf_path, const char *title,
                                         ChamberDocumentKind kind, GCancellable *cancellable,
                                         GError **error);
/* The same with an access list ("all", "group:NAME", "person:ID"; NULL or empty for all). */
ChamberDocument *chamber_client_publish_full (ChamberClient *self, gint64 item_id,
                                              const char *pdf_path, const char *title,
                                              ChamberDocumentKind kind,
                                              const char *const *access,
                                              GCancellable *cancellable, GError **error);
/* The same, as a draft when @draft (docs/protocol.md, “Drafts”): seen only by the secretariat
 * and admin until published. */
ChamberDocument *chamber_client_upload_document (ChamberClient *self, gint64 item_id,
                                                 const char *pdf_path, const char *title,
                                                 ChamberDocumentKind kind,
                                                 const char *const *access, gboolean draft,
                                                 GCancellable *cancellable, GError **error);
/* Uploads @pdf_path as a new version of document @document_id (POST /documents/ID/versions):
 * same item and title, the kind and access of the replaced one unless @kind (>= 0) or @access
 * (not NULL nor empty) are given. Returns the new version. */
ChamberDocument *chamber_client_replace_document (ChamberClient *self, gint64 document_id,
                                                  const char *pdf_path, int kind,
                                                  const char *const *access,
                                                  GCancellable *cancellable, GError **error);
/* The same, as a draft when @draft: the published version stays in every manifest until the
 * draft is published. */
ChamberDocument *chamber_client_replace_document_full (ChamberClient *self, gint64 document_id,
                                                       const char *pdf_path, int kind,
                                                       const char *const *access, gboolean draft,
                                                       GCancellable *cancellable,
                                                       GError **error);
/* Publishes draft @document_id (POST /documents/ID/publish); *@out_was_draft is FALSE when it
 * was published already (nothing changed). Returns the document as it is now. */
ChamberDocument *chamber_client_publish_document (ChamberClient *self, gint64 document_id,
                                                  gboolean *out_was_draft,
                                                  GCancellable *cancellable, GError **error);
/* Publishes every draft of agenda item @item_id when above 0, else of session @session_id
 * (POST /items/ID/publish, /sessions/ID/publish); returns the ids (gint64) published. */
GArray          *chamber_client_publish_drafts (ChamberClient *self, gint64 session_id,
                                                gint64 item_id, GCancellable *cancellable,
                                                GError **error);
/* Replaces who may read a document; returns the document as it is now. */
ChamberDocument *chamber_client_set_document_access (ChamberClient *self, gint64 document_id,
                                                     const char *const *access,
                                                     GCancellable *cancellable,
                                                     GError **error);

/* The secretariat's desk (docs/protocol.md, “The secretariat's desk”). @changes holds only the
 * members to change, as the protocol names them (a null member clears an optional string).
 * Each returns the record as the server stored it; a refusal is REJECTED (400/409) with the
 * server's reason, FORBIDDEN or NOT_FOUND. */
ChamberSession *chamber_client_update_session (ChamberClient *self, gint64 session_id,
                                               JsonObject *changes, GCancellable *cancellable,
                                               GError **error);
/* Copies the agenda of session @from_id into session @session_id (which has no items yet);
 * returns its new items (ChamberItem *) in tree order. */
GPtrArray      *chamber_client_copy_agenda (ChamberClient *self, gint64 session_id,
                                            gint64 from_id, GCancellable *cancellable,
                                            GError **error);
ChamberItem    *chamber_client_update_item (ChamberClient *self, gint64 item_id,
                                            JsonObject *changes, GCancellable *cancellable,
                                            GError **error);
gboolean        chamber_client_delete_item (ChamberClient *self, gint64 item_id,
                                            GCancellable *cancellable, GError **error);
ChamberPerson  *chamber_client_update_person (ChamberClient *self, gint64 person_id,
                                              JsonObject *changes, GCancellable *cancellable,
                                              GError **error);
/* The tokens issued to @person_id, newest first: ChamberTokenInfo * (chamber-desk-store.h). */
GPtrArray      *chamber_client_list_tokens (ChamberClient *self, gint64 person_id,
                                            GCancellable *cancellable, GError **error);
/* Sends @csv to POST /api/v1/people/import (with ?dry_run=1 when @dry_run: a preview that
 * saves nothing) and returns the answer read: every row with its problems, the counts, and
 * with @dry_run FALSE the rows saved (each person's id set). A file the server cannot read is
 * CHAMBER_CLIENT_ERROR_REJECTED with its reason; an unreadable answer is
 * CHAMBER_CLIENT_ERROR_PROTOCOL. */
ChamberPeopleImport *chamber_client_import_people (ChamberClient *self, GBytes *csv,
                                                   gboolean dry_run, GCancellable *cancellable,
                                                   GError **error);

/* POSTs @body (NULL or empty: an empty body) as @content_type to @path and returns the parsed
 * JSON answer, like chamber_client_request_json() (errors the same way): for the endpoints
 * that take a file — evidence, an answer PDF, a CSV import. */
JsonNode       *chamber_client_post_bytes (ChamberClient *self, const char *path,
                                           const char *content_type, GBytes *body,
                                           guint *out_status, GCancellable *cancellable,
                                           GError **error);

/* Fetches the file at @path (an answer PDF, a finding's evidence) into @dir as
 * "<@sha256><@suffix>" and returns that path. The name is made here, never from the network:
 * @sha256 must be 64 lowercase hex digits and @suffix one of ".pdf", ".png", ".jpg"
 * (CHAMBER_CLIENT_ERROR_PROTOCOL otherwise). The bytes are checked against @sha256 before they
 * are renamed into place (a mismatch is CHAMBER_CLIENT_ERROR_PROTOCOL and leaves nothing); a
 * file already there with the right hash is used without asking the server. An answer over
 * @max_bytes is refused. */
char           *chamber_client_download_checked (ChamberClient *self, const char *path,
                                                 const char *sha256, const char *suffix,
                                                 const char *dir, gsize max_bytes,
                                                 GCancellable *cancellable, GError **error);

G_END_DECLS
