/* chamber-server-private.h — what the resource files of chamberd share: the server's state,
 * one request being answered, and the helpers that write answers (docs/protocol.md). */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "chamber-blob-store.h"
#include "chamber-manifest.h"
#include "chamber-model.h"
#include "chamber-server.h"
#include "chamber-store.h"

G_BEGIN_DECLS

struct _ChamberServer
{
  GObject           parent_instance;

  char             *data_dir;
  char             *db_path;
  char             *blob_dir;
  ChamberStore     *store;
  ChamberBlobStore *blobs;
  SoupServer       *soup;
  gint64            max_upload_bytes;
  guint             jobs_running;  /* uploads being checked in worker threads */
  gboolean          stopping;      /* chamber_server_shutdown() was called */
  GHashTable       *auth_failures; /* remote address → AuthFailures (chamber-server.c) */
  guint             auth_failure_limit;
  guint             auth_window_seconds;
  GHashTable       *live_sessions; /* session id → its live sitting (chamber-server-live.c) */
  /* Kept-alive connections and their reaper (chamber-server-connections.c). */
  GHashTable       *connections;   /* GSocket → Connection */
  guint             idle_timeout_seconds;
  guint             max_idle_connections;
  guint             connections_reap_id;
  guint             connections_close_id;
};

/* The key of the ChamberRequest on its SoupServerMessage. */
#define CHAMBER_SERVER_REQUEST_DATA "chamber-request"
/* The live channel's WebSocket (a fixed path: libsoup finds WebSocket handlers by path). */
#define CHAMBER_SERVER_LIVE_EVENTS_PATH "/api/v1/live/events"

/* What the body of a request turned into while it arrived: bytes in memory (JSON) or a
 * temporary file in the blob store (an upload). Reading stops storing past @limit. */
typedef struct
{
  gsize          limit;
  guint64        received;
  gboolean       too_large;
  GByteArray    *data;       /* JSON requests */
  char          *temp_path;  /* uploads; deleted when the body is freed unless stolen */
  GOutputStream *out;
  GError        *write_error;
} ChamberRequestBody;

typedef struct _ChamberRoute ChamberRoute;

/* One request on its way through chamberd: resolved in the got-headers phase (route, path id,
 * caller, body sink), answered once the body has arrived. */
typedef struct
{
  ChamberServer      *server;
  SoupServerMessage  *msg;
  const ChamberRoute *route;
  const char         *method;   /* SOUP_METHOD_GET, _HEAD, _POST, _PUT or _DELETE */
  gint64              id;       /* the numeric path segment, 0 when the route has none */
  char               *segment;  /* the raw last path segment (a blob's hash) */
  ChamberPerson      *caller;
  ChamberRequestBody *body;     /* POST and PUT only */
  GHashTable         *query;    /* decoded query parameters (last value wins), or NULL */
  GPtrArray          *access;   /* upload: the access list from repeated `access=` parameters */
} ChamberRequest;

typedef void (*ChamberRouteFunc) (ChamberRequest *request);
/* Runs in the got-headers phase of a POST, after authentication and the role check; returns
 * FALSE having answered when the request is refused before its body is read. */
typedef gboolean (*ChamberRoutePrepareFunc) (ChamberRequest *request);

struct _ChamberRoute
{
  const char             *pattern;  /* "sessions/#/items": "#" an id, "*" any segment */
  ChamberRouteFunc        get;      /* also answers HEAD */
  ChamberRouteFunc        post;     /* secretariat and admin only */
  ChamberRoutePrepareFunc prepare_post;
  gboolean                post_is_upload;
  ChamberRouteFunc        put;      /* secretariat and admin only; a JSON body */
  gboolean                post_any_role;  /* every role may POST; the handler checks */
  ChamberRouteFunc        delete;   /* secretariat and admin only; no body */
};

/* Roles that may write (docs/protocol.md): secretariat and admin. */
gboolean chamber_server_role_may_write (ChamberRole role);
/* Only an admin creates or issues tokens for admins and the secretariat. */
gboolean chamber_server_role_may_manage (ChamberRole caller_role, ChamberRole person_role);

/* Answers with a JSON body; @node is consumed. */
void chamber_server_reply_json (SoupServerMessage *msg, guint status, JsonNode *node);
/* Answers {"@member": @node}; @node is consumed. */
void chamber_server_reply_member (SoupServerMessage *msg, guint status, const char *member,
                                  JsonNode *node);
/* Answers 200 {"@member": @array}; @array is consumed. */
void chamber_server_reply_array (SoupServerMessage *msg, const char *member, JsonArray *array);
/* Answers a JSON error body (and WWW-Authenticate for 401). */
void chamber_server_reply_error (SoupServerMessage *msg, guint status, const char *code,
                                 const char *message);
/* Maps a GError of the store, blob store, protocol or PDF domain to its answer. */
void chamber_server_reply_gerror (SoupServerMessage *msg, const GError *error);

/* Answers 413 for a body over the limit of the request's route. */
void chamber_request_reply_too_large (ChamberRequest *request);
/* The JSON object a POST carried, or NULL having answered 400/413. An empty body reads as {}
 * when @empty_is_object. */
JsonObject *chamber_request_read_object (ChamberRequest *request, gboolean empty_is_object);

/* chamber-server-request.c: reading a request's members and refusing it. */
/* Answers 400 "bad-request" with @message. */
void chamber_request_reply_bad_request (ChamberRequest *request, const char *message);
/* Answers a failed lookup by the path id: 404 "not-found" with @not_found when @error is NULL
 * or the store's NOT_FOUND, else @error's answer. */
void chamber_request_reply_lookup_failed (ChamberRequest *request, const GError *error,
                                          const char *not_found);
/* A string member of @object, trimmed, into *@out (NULL when absent, null or blank); a blank
 * one is refused when @required. FALSE having answered 400. */
gboolean chamber_request_read_text (ChamberRequest *request, JsonObject *object,
                                    const char *member, gboolean required, char **out);
/* An optional string member of a PUT: absent leaves *@out alone; null or blank clears it (NULL).
 * FALSE having answered 400. */
gboolean chamber_request_read_changed_text (ChamberRequest *request, JsonObject *object,
                                            const char *member, char **out);

/* Parses a strict path id: digits only, no leading zero, 1 … G_MAXINT64. */
gboolean chamber_server_parse_id (const char *segment, gint64 *out_id);

/* Whether an If-None-Match header value names @etag (a quoted entity tag) or "*". */
gboolean chamber_server_etag_matches (const char *if_none_match, const char *etag);

/* The manifest of session @session_id as @reader sees it (documents they may not read absent,
 * hash and all), read again while an upload moves the session's revision so that it is one
 * revision. An unknown session is CHAMBER_STORE_ERROR_NOT_FOUND. The one builder of manifests:
 * GET /sessions/ID/manifest and `chamberd export` both use it. */
ChamberManifest *chamber_server_read_manifest (ChamberStore *store, gint64 session_id,
                                               const ChamberPerson *reader, GError **error);

/* Resource handlers (chamber-server-sessions.c, -people.c, -documents.c, -audit.c). */
void     chamber_server_get_me (ChamberRequest *request);
void     chamber_server_get_sessions (ChamberRequest *request);
void     chamber_server_post_sessions (ChamberRequest *request);
void     chamber_server_get_session (ChamberRequest *request);
void     chamber_server_get_session_items (ChamberRequest *request);
void     chamber_server_post_session_items (ChamberRequest *request);
void     chamber_server_get_session_documents (ChamberRequest *request);
void     chamber_server_get_session_manifest (ChamberRequest *request);
void     chamber_server_get_people (ChamberRequest *request);
void     chamber_server_post_people (ChamberRequest *request);
void     chamber_server_post_person_tokens (ChamberRequest *request);
void     chamber_server_post_token_revoke (ChamberRequest *request);
gboolean chamber_server_prepare_upload (ChamberRequest *request);
void     chamber_server_post_item_documents (ChamberRequest *request);
gboolean chamber_server_prepare_version_upload (ChamberRequest *request);
void     chamber_server_post_document_versions (ChamberRequest *request);
void     chamber_server_get_document (ChamberRequest *request);
void     chamber_server_put_document_access (ChamberRequest *request);
void     chamber_server_post_document_publish (ChamberRequest *request);
void     chamber_server_post_session_publish (ChamberRequest *request);
void     chamber_server_post_item_publish (ChamberRequest *request);
void     chamber_server_get_blob (ChamberRequest *request);
void     chamber_server_get_audit (ChamberRequest *request);
void     chamber_server_get_session_delivery (ChamberRequest *request);
/* The secretariat's desk (chamber-server-sessions.c, chamber-server-people.c) */
void     chamber_server_put_session (ChamberRequest *request);
void     chamber_server_post_session_copy_agenda (ChamberRequest *request);
void     chamber_server_put_item (ChamberRequest *request);
void     chamber_server_delete_item (ChamberRequest *request);
void     chamber_server_put_person (ChamberRequest *request);
void     chamber_server_get_person_tokens (ChamberRequest *request);
gboolean chamber_server_prepare_people_import (ChamberRequest *request);
void     chamber_server_post_people_import (ChamberRequest *request);
void     chamber_server_get_live (ChamberRequest *request);
void     chamber_server_get_session_live (ChamberRequest *request);
void     chamber_server_post_live_command (ChamberRequest *request);
void     chamber_server_get_live_events (ChamberRequest *request);
/* chamber-server-minutes.c and chamber-server-commitments.c */
void     chamber_server_get_session_minutes (ChamberRequest *request);
void     chamber_server_get_commitments (ChamberRequest *request);
void     chamber_server_put_commitment (ChamberRequest *request);
/* chamber-server-commitments.c (follow-up) and chamber-server-reports.c */
gboolean chamber_server_prepare_commitment_update (ChamberRequest *request);
void     chamber_server_post_commitment_update (ChamberRequest *request);
void     chamber_server_get_commitment_updates (ChamberRequest *request);
void     chamber_server_get_commitment_evidence (ChamberRequest *request);
void     chamber_server_post_session_carry (ChamberRequest *request);
/* Carries the commitments still open into the new session @session (its revision updated);
 * a failure is logged, never refused: the session stands. */
void     chamber_server_carry_commitments (ChamberServer *server, ChamberSession *session,
                                           gint64 person_id);
void     chamber_server_get_report_delegates (ChamberRequest *request);
void     chamber_server_get_report_criteria (ChamberRequest *request);
void     chamber_server_put_report_criteria (ChamberRequest *request);
void     chamber_server_post_session_attendance (ChamberRequest *request);

/* chamber-server-petitions.c: voter petitions and sample supervision */
void     chamber_server_get_petitions (ChamberRequest *request);
void     chamber_server_post_petitions (ChamberRequest *request);
gboolean chamber_server_prepare_petition_import (ChamberRequest *request);
void     chamber_server_post_petition_import (ChamberRequest *request);
void     chamber_server_get_petition_report (ChamberRequest *request);
void     chamber_server_get_petition (ChamberRequest *request);
void     chamber_server_put_petition (ChamberRequest *request);
void     chamber_server_get_petition_answer (ChamberRequest *request);
gboolean chamber_server_prepare_petition_answer (ChamberRequest *request);
void     chamber_server_post_petition_answer (ChamberRequest *request);
void     chamber_server_get_supervision_draws (ChamberRequest *request);
void     chamber_server_post_supervision_draws (ChamberRequest *request);
void     chamber_server_get_supervision_draw (ChamberRequest *request);
void     chamber_server_get_supervision_checks (ChamberRequest *request);
void     chamber_server_get_supervision_samples (ChamberRequest *request);
void     chamber_server_put_supervision_sample (ChamberRequest *request);
gboolean chamber_server_prepare_supervision_finding (ChamberRequest *request);
void     chamber_server_post_supervision_finding (ChamberRequest *request);
void     chamber_server_get_supervision_evidence (ChamberRequest *request);
void     chamber_server_get_supervision_recommendation (ChamberRequest *request);

/* The live channel (chamber-server-live.c): its table of sessions, its WebSocket handler, and
 * closing every WebSocket when the server stops. */
void chamber_server_live_setup (ChamberServer *self);
void chamber_server_live_listen (ChamberServer *self);
void chamber_server_live_close_all (ChamberServer *self);
void chamber_server_live_teardown (ChamberServer *self);

/* Called by an upload when its worker thread starts and ends, so shutdown can wait. */
/* chamber-server-connections.c: every request marks its connection busy (a WebSocket one is
 * never reaped); libsoup's request-finished marks it idle. */
void chamber_server_connections_init (ChamberServer *self);
void chamber_server_connections_request_started (ChamberServer *self, SoupServerMessage *msg,
                                                 gboolean websocket);
void chamber_server_connections_clear (ChamberServer *self);

void chamber_server_job_started (ChamberServer *self);
void chamber_server_job_finished (ChamberServer *self);

G_END_DECLS
