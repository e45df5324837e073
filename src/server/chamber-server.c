/* chamber-server.c — chamberd's HTTP front: listening, routing, authentication, request bodies
 * and the shape of every answer. The resources live in chamber-server-sessions.c,
 * chamber-server-people.c and chamber-server-documents.c.
 *
 * Each request is resolved when its headers arrive (libsoup's early handler): route, method,
 * token and role are checked and an oversized body is refused before it is read. The body is
 * then collected by the "got-chunk" signal, into memory for JSON and into a temporary file of
 * the blob store for an upload, never by libsoup itself. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/socket.h>

#include "chamber-audit.h"
#include "chamber-protocol.h"
#include "chamber-pdf.h"
#include "chamber-server-private.h"
#include "chamber-token.h"

#define API_PREFIX      "/api/v1/"
#define REQUEST_DATA    CHAMBER_SERVER_REQUEST_DATA
#define MAX_TOKEN_BYTES 256
/* The bound of the table of addresses with failed authentications. */
#define MAX_AUTH_FAILURE_ENTRIES 4096
/* RFC 6585; libsoup 3.2 has no name for it. */
#define STATUS_TOO_MANY_REQUESTS 429

G_DEFINE_QUARK (chamber-server-error-quark, chamber_server_error)

G_DEFINE_FINAL_TYPE (ChamberServer, chamber_server, G_TYPE_OBJECT)

static const ChamberRoute routes[] = {
  { "me", chamber_server_get_me, NULL, NULL, FALSE },
  { "sessions", chamber_server_get_sessions, chamber_server_post_sessions, NULL, FALSE },
  { "sessions/#", chamber_server_get_session, NULL, NULL, FALSE, chamber_server_put_session },
  { "sessions/#/copy-agenda", NULL, chamber_server_post_session_copy_agenda, NULL, FALSE },
  { "items/#", NULL, NULL, NULL, FALSE, chamber_server_put_item, FALSE,
    chamber_server_delete_item },
  { "people/#", NULL, NULL, NULL, FALSE, chamber_server_put_person },
  { "people/import", NULL, chamber_server_post_people_import,
    chamber_server_prepare_people_import, FALSE },
  { "sessions/#/items", chamber_server_get_session_items, chamber_server_post_session_items,
    NULL, FALSE },
  { "sessions/#/documents", chamber_server_get_session_documents, NULL, NULL, FALSE },
  { "sessions/#/manifest", chamber_server_get_session_manifest, NULL, NULL, FALSE },
  { "people", chamber_server_get_people, chamber_server_post_people, NULL, FALSE },
  { "people/#/tokens", chamber_server_get_person_tokens, chamber_server_post_person_tokens, NULL,
    FALSE },
  { "tokens/#/revoke", NULL, chamber_server_post_token_revoke, NULL, FALSE },
  { "items/#/documents", NULL, chamber_server_post_item_documents,
    chamber_server_prepare_upload, TRUE },
  { "documents/#", chamber_server_get_document, NULL, NULL, FALSE },
  { "documents/#/access", NULL, NULL, NULL, FALSE, chamber_server_put_document_access },
  { "documents/#/versions", NULL, chamber_server_post_document_versions,
    chamber_server_prepare_version_upload, TRUE },
  { "documents/#/publish", NULL, chamber_server_post_document_publish, NULL, FALSE },
  { "sessions/#/publish", NULL, chamber_server_post_session_publish, NULL, FALSE },
  { "items/#/publish", NULL, chamber_server_post_item_publish, NULL, FALSE },
  { "blobs/*", chamber_server_get_blob, NULL, NULL, FALSE },
  { "audit", chamber_server_get_audit, NULL, NULL, FALSE },
  { "sessions/#/delivery", chamber_server_get_session_delivery, NULL, NULL, FALSE },
  { "live", chamber_server_get_live, NULL, NULL, FALSE },
  { "sessions/#/live", chamber_server_get_session_live, NULL, NULL, FALSE },
  { "sessions/#/live/commands", NULL, chamber_server_post_live_command, NULL, FALSE, NULL,
    TRUE },
  { "live/events", chamber_server_get_live_events, NULL, NULL, FALSE },
  { "sessions/#/minutes", chamber_server_get_session_minutes, NULL, NULL, FALSE },
  { "commitments", chamber_server_get_commitments, NULL, NULL, FALSE },
  { "commitments/#", NULL, NULL, NULL, FALSE, chamber_server_put_commitment },
  { "commitments/#/updates", chamber_server_get_commitment_updates,
    chamber_server_post_commitment_update, chamber_server_prepare_commitment_update, TRUE },
  { "commitment-updates/#/evidence", chamber_server_get_commitment_evidence, NULL, NULL, FALSE },
  { "sessions/#/carry", NULL, chamber_server_post_session_carry, NULL, FALSE },
  { "sessions/#/attendance", NULL, chamber_server_post_session_attendance, NULL, FALSE },
  { "reports/delegates", chamber_server_get_report_delegates, NULL, NULL, FALSE },
  { "reports/criteria", chamber_server_get_report_criteria, NULL, NULL, FALSE,
    chamber_server_put_report_criteria },
  { "petitions", chamber_server_get_petitions, chamber_server_post_petitions, NULL, FALSE },
  { "petitions/import", NULL, chamber_server_post_petition_import,
    chamber_server_prepare_petition_import, FALSE },
  { "petitions/report", chamber_server_get_petition_report, NULL, NULL, FALSE },
  { "petitions/#", chamber_server_get_petition, NULL, NULL, FALSE,
    chamber_server_put_petition },
  { "petitions/#/answer", chamber_server_get_petition_answer, chamber_server_post_petition_answer,
    chamber_server_prepare_petition_answer, TRUE },
  { "supervision/draws", chamber_server_get_supervision_draws,
    chamber_server_post_supervision_draws, NULL, FALSE },
  { "supervision/draws/#", chamber_server_get_supervision_draw, NULL, NULL, FALSE },
  { "supervision/draws/#/checks", chamber_server_get_supervision_checks, NULL, NULL, FALSE },
  { "supervision/samples", chamber_server_get_supervision_samples, NULL, NULL, FALSE },
  { "supervision/samples/#", NULL, NULL, NULL, FALSE, chamber_server_put_supervision_sample },
  { "supervision/samples/#/findings", NULL, chamber_server_post_supervision_finding,
    chamber_server_prepare_supervision_finding, TRUE, NULL, TRUE },
  { "supervision/findings/#/evidence", chamber_server_get_supervision_evidence, NULL, NULL,
    FALSE },
  { "supervision/recommendation", chamber_server_get_supervision_recommendation, NULL, NULL,
    FALSE },
};

/* Request bodies */

static ChamberRequestBody *
request_body_new (gsize limit)
{
  ChamberRequestBody *body = g_new0 (ChamberRequestBody, 1);

  body->limit = limit;
  return body;
}

/* Drops the temporary file of an upload that will not be stored, at once rather than when
 * libsoup finally releases the message, so a refused upload leaves nothing behind. */
static void
request_body_discard_file (ChamberRequestBody *body)
{
  if (body->out != NULL)
    g_output_stream_close (body->out, NULL, NULL);
  g_clear_object (&body->out);
  if (body->temp_path != NULL)
    g_unlink (body->temp_path);
  g_clear_pointer (&body->temp_path, g_free);
}

static void
request_body_free (ChamberRequestBody *body)
{
  if (body == NULL)
    return;
  request_body_discard_file (body);
  g_clear_pointer (&body->data, g_byte_array_unref);
  g_clear_error (&body->write_error);
  g_free (body);
}

static void
request_free (ChamberRequest *request)
{
  request_body_free (request->body);
  g_clear_pointer (&request->caller, chamber_person_free);
  g_clear_pointer (&request->query, g_hash_table_unref);
  g_clear_pointer (&request->access, g_ptr_array_unref);
  g_free (request->segment);
  g_free (request);
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           user_data)
{
  ChamberRequestBody *body = user_data;
  gsize size = g_bytes_get_size (chunk);

  body->received += size;
  if (body->received > body->limit)
    {
      /* Keep reading (HTTP/1.1 needs the body consumed) but store nothing more. */
      body->too_large = TRUE;
      request_body_discard_file (body);
      g_clear_pointer (&body->data, g_byte_array_unref);
      return;
    }

  if (body->data != NULL)
    g_byte_array_append (body->data, g_bytes_get_data (chunk, NULL), size);
  else if (body->out != NULL && body->write_error == NULL)
    g_output_stream_write_all (body->out, g_bytes_get_data (chunk, NULL), size, NULL, NULL,
                               &body->write_error);
}

void
chamber_request_reply_too_large (ChamberRequest *request)
{
  g_autofree char *message = NULL;

  if (request->route->post_is_upload)
    message = g_strdup_printf (_("The file is larger than this server's upload limit of "
                                 "%lld MiB."),
                               (long long) (request->server->max_upload_bytes / (1024 * 1024)));
  else
    message = g_strdup_printf (_("The request body is larger than the limit of %d KiB."),
                               CHAMBER_PROTOCOL_MAX_BODY / 1024);
  chamber_server_reply_error (request->msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
                              message);
}

JsonObject *
chamber_request_read_object (ChamberRequest *request,
                             gboolean        empty_is_object)
{
  ChamberRequestBody *body = request->body;
  g_autoptr (GError) error = NULL;
  JsonObject *object;

  g_return_val_if_fail (body != NULL, NULL);

  if (body->too_large)
    {
      chamber_request_reply_too_large (request);
      return NULL;
    }
  if (body->data->len == 0 && empty_is_object)
    return json_object_new ();

  object = chamber_protocol_parse_object ((const char *) body->data->data, body->data->len,
                                          CHAMBER_PROTOCOL_MAX_BODY, &error);
  if (object == NULL)
    {
      if (g_error_matches (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_TOO_LARGE))
        chamber_server_reply_error (request->msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                    "too-large", error->message);
      else
        chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request",
                                    error->message);
    }
  return object;
}

/* Answers */

void
chamber_server_reply_json (SoupServerMessage *msg,
                           guint              status,
                           JsonNode          *node)
{
  gsize len = 0;
  char *text = chamber_json_to_string (node, &len);

  json_node_unref (node);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text, len);
}

void
chamber_server_reply_member (SoupServerMessage *msg,
                             guint              status,
                             const char        *member,
                             JsonNode          *node)
{
  JsonObject *object = json_object_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);

  json_object_set_member (object, member, node);
  json_node_take_object (root, object);
  chamber_server_reply_json (msg, status, root);
}

void
chamber_server_reply_array (SoupServerMessage *msg,
                            const char        *member,
                            JsonArray         *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  chamber_server_reply_member (msg, SOUP_STATUS_OK, member, node);
}

void
chamber_server_reply_error (SoupServerMessage *msg,
                            guint              status,
                            const char        *code,
                            const char        *message)
{
  char *body = chamber_protocol_error_body (code, message);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (status == SOUP_STATUS_UNAUTHORIZED)
    soup_message_headers_replace (headers, "WWW-Authenticate", "Bearer realm=\"chamber\"");
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, body,
                                    strlen (body));
}

static const char *
pdf_error_code (int code)
{
  switch ((ChamberPdfError) code)
    {
    case CHAMBER_PDF_ERROR_EMPTY:
      return "empty-file";
    case CHAMBER_PDF_ERROR_NOT_PDF:
      return "not-pdf";
    case CHAMBER_PDF_ERROR_ENCRYPTED:
      return "encrypted-pdf";
    case CHAMBER_PDF_ERROR_NO_PAGES:
      return "no-pages";
    case CHAMBER_PDF_ERROR_DAMAGED:
    case CHAMBER_PDF_ERROR_BAD_PAGE:
      return "damaged-pdf";
    case CHAMBER_PDF_ERROR_IO:
    default:
      return NULL;
    }
}

void
chamber_server_reply_gerror (SoupServerMessage *msg,
                             const GError      *error)
{
  guint status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  const char *code = "internal";

  if (error->domain == CHAMBER_STORE_ERROR)
    {
      if (error->code == CHAMBER_STORE_ERROR_NOT_FOUND)
        status = SOUP_STATUS_NOT_FOUND, code = "not-found";
      else if (error->code == CHAMBER_STORE_ERROR_CONSTRAINT)
        status = SOUP_STATUS_CONFLICT, code = "conflict";
      else if (error->code == CHAMBER_STORE_ERROR_FULL)
        status = SOUP_STATUS_INSUFFICIENT_STORAGE;
    }
  else if (error->domain == CHAMBER_PROTOCOL_ERROR)
    {
      if (error->code == CHAMBER_PROTOCOL_ERROR_TOO_LARGE)
        status = SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, code = "too-large";
      else
        status = SOUP_STATUS_BAD_REQUEST, code = "bad-request";
    }
  else if (error->domain == CHAMBER_PDF_ERROR && pdf_error_code (error->code) != NULL)
    {
      status = SOUP_STATUS_BAD_REQUEST;
      code = pdf_error_code (error->code);
    }
  else if (g_error_matches (error, CHAMBER_BLOB_ERROR, CHAMBER_BLOB_ERROR_NO_SPACE)
           || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    {
      status = SOUP_STATUS_INSUFFICIENT_STORAGE;
    }
  else if (g_error_matches (error, CHAMBER_BLOB_ERROR, CHAMBER_BLOB_ERROR_INVALID_HASH))
    {
      status = SOUP_STATUS_BAD_REQUEST, code = "bad-request";
    }

  if (status >= 500)
    g_message ("chamberd: %s", error->message);
  chamber_server_reply_error (msg, status, code, error->message);
}

/* Small parsers */

gboolean
chamber_server_parse_id (const char *segment,
                         gint64     *out_id)
{
  guint64 value = 0;

  if (segment == NULL || segment[0] < '1' || segment[0] > '9')
    return FALSE;
  for (const char *p = segment; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (!g_ascii_string_to_unsigned (segment, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *out_id = (gint64) value;
  return TRUE;
}

gboolean
chamber_server_etag_matches (const char *if_none_match,
                             const char *etag)
{
  g_auto (GStrv) tags = NULL;

  if (if_none_match == NULL || etag == NULL)
    return FALSE;
  tags = g_strsplit (if_none_match, ",", -1);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *tag = g_strstrip (tags[i]);

      if (g_str_equal (tag, "*"))
        return TRUE;
      if (g_str_has_prefix (tag, "W/"))
        tag += 2;
      if (g_str_equal (tag, etag))
        return TRUE;
    }
  return FALSE;
}

gboolean
chamber_server_role_may_write (ChamberRole role)
{
  return role == CHAMBER_ROLE_SECRETARIAT || role == CHAMBER_ROLE_ADMIN;
}

gboolean
chamber_server_role_may_manage (ChamberRole caller_role,
                                ChamberRole person_role)
{
  if (caller_role == CHAMBER_ROLE_ADMIN)
    return TRUE;
  if (caller_role == CHAMBER_ROLE_SECRETARIAT)
    return person_role != CHAMBER_ROLE_ADMIN && person_role != CHAMBER_ROLE_SECRETARIAT;
  return FALSE;
}

/* Routing */

static const ChamberRoute *
match_route (const char *path,
             gint64     *out_id,
             char      **out_segment)
{
  g_auto (GStrv) segments = NULL;
  guint n_segments;

  if (path == NULL || !g_str_has_prefix (path, API_PREFIX))
    return NULL;
  segments = g_strsplit (path + strlen (API_PREFIX), "/", -1);
  n_segments = g_strv_length (segments);

  for (gsize r = 0; r < G_N_ELEMENTS (routes); r++)
    {
      g_auto (GStrv) pattern = g_strsplit (routes[r].pattern, "/", -1);
      gint64 id = 0;
      gboolean matched;

      if (g_strv_length (pattern) != n_segments)
        continue;
      matched = TRUE;
      for (guint i = 0; matched && i < n_segments; i++)
        {
          if (g_str_equal (pattern[i], "#"))
            matched = chamber_server_parse_id (segments[i], &id);
          else if (g_str_equal (pattern[i], "*"))
            matched = segments[i][0] != '\0';
          else
            matched = g_str_equal (pattern[i], segments[i]);
        }
      if (matched)
        {
          *out_id = id;
          *out_segment = g_strdup (segments[n_segments - 1]);
          return &routes[r];
        }
    }
  return NULL;
}

static char *
allowed_methods (const ChamberRoute *route)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  if (route->get != NULL)
    {
      g_ptr_array_add (names, (gpointer) "GET");
      g_ptr_array_add (names, (gpointer) "HEAD");
    }
  if (route->post != NULL)
    g_ptr_array_add (names, (gpointer) "POST");
  if (route->put != NULL)
    g_ptr_array_add (names, (gpointer) "PUT");
  if (route->delete != NULL)
    g_ptr_array_add (names, (gpointer) "DELETE");
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/* Slowing down guessed tokens: per remote address, the failed authentications since the first
 * of the current window. */

typedef struct
{
  gint64 window_start;  /* monotonic µs */
  guint  count;
} AuthFailures;

static gboolean
auth_failures_expired (ChamberServer      *self,
                       const AuthFailures *failures,
                       gint64              now)
{
  return now - failures->window_start >= (gint64) self->auth_window_seconds * G_USEC_PER_SEC;
}

/* Seconds until @address may try again, or 0 when it may now. */
static guint
auth_retry_after (ChamberServer *self,
                  const char    *address)
{
  AuthFailures *failures = g_hash_table_lookup (self->auth_failures, address);
  gint64 now = g_get_monotonic_time ();
  gint64 left;

  if (failures == NULL)
    return 0;
  if (auth_failures_expired (self, failures, now))
    {
      g_hash_table_remove (self->auth_failures, address);
      return 0;
    }
  if (failures->count < self->auth_failure_limit)
    return 0;
  left = failures->window_start + (gint64) self->auth_window_seconds * G_USEC_PER_SEC - now;
  return (guint) MAX (1, (left + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

static void
auth_failure_record (ChamberServer *self,
                     const char    *address)
{
  AuthFailures *failures = g_hash_table_lookup (self->auth_failures, address);
  gint64 now = g_get_monotonic_time ();

  if (failures != NULL && !auth_failures_expired (self, failures, now))
    {
      failures->count++;
      return;
    }

  /* Keep the table bounded: forget the windows that passed, then the oldest one. */
  if (failures == NULL && g_hash_table_size (self->auth_failures) >= MAX_AUTH_FAILURE_ENTRIES)
    {
      GHashTableIter iter;
      gpointer key, value;
      const char *oldest = NULL;
      gint64 oldest_start = G_MAXINT64;

      g_hash_table_iter_init (&iter, self->auth_failures);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (auth_failures_expired (self, value, now))
          g_hash_table_iter_remove (&iter);
      if (g_hash_table_size (self->auth_failures) >= MAX_AUTH_FAILURE_ENTRIES)
        {
          g_hash_table_iter_init (&iter, self->auth_failures);
          while (g_hash_table_iter_next (&iter, &key, &value))
            if (((AuthFailures *) value)->window_start < oldest_start)
              {
                oldest = key;
                oldest_start = ((AuthFailures *) value)->window_start;
              }
          g_hash_table_remove (self->auth_failures, oldest);
        }
    }

  failures = g_new0 (AuthFailures, 1);
  failures->window_start = now;
  failures->count = 1;
  g_hash_table_replace (self->auth_failures, g_strdup (address), failures);
}

/* Authentication */

typedef enum {
  AUTH_OK,
  AUTH_MISSING,
  AUTH_INVALID,
  AUTH_FAILED,
} AuthResult;

static AuthResult
authenticate (ChamberServer      *self,
              SoupServerMessage  *msg,
              ChamberPerson     **out_person,
              GError            **error)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  ChamberPerson *person;

  if (value == NULL)
    return AUTH_MISSING;
  if (g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    return AUTH_INVALID;
  token = g_strstrip (g_strdup (value + 7));
  if (*token == '\0' || strlen (token) > MAX_TOKEN_BYTES)
    return AUTH_INVALID;

  hash = chamber_token_hash (token);
  person = chamber_store_lookup_token (self->store, hash, error);
  if (person == NULL)
    return (error != NULL && *error != NULL) ? AUTH_FAILED : AUTH_INVALID;
  *out_person = person;
  return AUTH_OK;
}

/* Handlers called by libsoup */

static void
early_handler_cb (SoupServer        *soup,
                  SoupServerMessage *msg,
                  const char        *path,
                  GHashTable        *query,
                  gpointer           user_data)
{
  ChamberServer *self = user_data;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  const char *method = soup_server_message_get_method (msg);
  const ChamberRoute *route;
  ChamberRequest *request;
  g_autoptr (GError) error = NULL;
  g_autofree char *segment = NULL;
  ChamberPerson *caller = NULL;
  const char *address = soup_server_message_get_remote_host (msg);
  gint64 id = 0;
  gboolean is_post, is_put, is_delete;
  guint retry_after;

  /* Bodies are collected by got_chunk_cb() for the requests that have one, never by libsoup:
   * a refused or unexpected body is read and dropped. */
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);

  /* Connections are kept alive between requests; chamber-server-connections.c closes the idle
   * ones (libsoup 3.2 would leave those their clients closed open for good). */
  chamber_server_connections_request_started (
    self, msg, soup_message_headers_get_one (request_headers, "Upgrade") != NULL);

  route = match_route (path, &id, &segment);
  if (route == NULL)
    {
      chamber_server_reply_error (msg, SOUP_STATUS_NOT_FOUND, "not-found",
                                  _("There is nothing at this address. Check the path against "
                                    "the Chamber protocol (/api/v1/…)."));
      return;
    }

  is_post = g_str_equal (method, SOUP_METHOD_POST);
  is_put = g_str_equal (method, SOUP_METHOD_PUT);
  is_delete = g_str_equal (method, SOUP_METHOD_DELETE);
  if ((is_post && route->post == NULL)
      || (is_put && route->put == NULL)
      || (is_delete && route->delete == NULL)
      || (!is_post && !is_put && !is_delete
          && (route->get == NULL
              || !(g_str_equal (method, SOUP_METHOD_GET)
                   || g_str_equal (method, SOUP_METHOD_HEAD)))))
    {
      g_autofree char *allow = allowed_methods (route);
      g_autofree char *message =
        g_strdup_printf (_("This address does not accept %s; it accepts %s."), method, allow);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                    allow);
      chamber_server_reply_error (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, "bad-request", message);
      return;
    }

  if (address == NULL)
    address = "";
  retry_after = auth_retry_after (self, address);
  if (retry_after > 0)
    {
      g_autofree char *seconds = g_strdup_printf ("%u", retry_after);
      g_autofree char *message =
        g_strdup_printf (_("Too many requests with a wrong access token came from your "
                           "address. Wait %u seconds, then try again with a valid token."),
                         retry_after);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Retry-After", seconds);
      chamber_server_reply_error (msg, STATUS_TOO_MANY_REQUESTS, "too-many-requests", message);
      soup_server_message_set_status (msg, STATUS_TOO_MANY_REQUESTS, "Too Many Requests");
      return;
    }

  switch (authenticate (self, msg, &caller, &error))
    {
    case AUTH_OK:
      break;
    case AUTH_MISSING:
      chamber_server_reply_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                                  _("This request needs an access token: send the header "
                                    "“Authorization: Bearer chm_…”."));
      return;
    case AUTH_INVALID:
      auth_failure_record (self, address);
      chamber_server_reply_error (msg, SOUP_STATUS_UNAUTHORIZED, "unauthorized",
                                  _("The access token is not valid: it is mistyped, revoked or "
                                    "expired, or its person was deactivated. Ask the "
                                    "secretariat for a new one."));
      return;
    case AUTH_FAILED:
    default:
      chamber_server_reply_gerror (msg, error);
      return;
    }

  request = g_new0 (ChamberRequest, 1);
  request->server = self;
  request->msg = msg;
  request->route = route;
  request->method = is_post     ? SOUP_METHOD_POST
                    : is_put    ? SOUP_METHOD_PUT
                    : is_delete ? SOUP_METHOD_DELETE
                                : method;
  request->id = id;
  request->segment = g_steal_pointer (&segment);
  request->caller = caller;
  g_object_set_data_full (G_OBJECT (msg), REQUEST_DATA, request,
                          (GDestroyNotify) request_free);

  if (!is_post && !is_put && !is_delete)
    return;

  if (!(is_post && route->post_any_role) && !chamber_server_role_may_write (caller->role))
    {
      chamber_server_reply_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                                  _("Only the secretariat or an administrator may make this "
                                    "change."));
      return;
    }
  if (is_delete)
    return;

  request->body = request_body_new (is_post && route->post_is_upload
                                    ? (gsize) self->max_upload_bytes
                                    : (gsize) CHAMBER_PROTOCOL_MAX_BODY);
  if (is_post && route->prepare_post != NULL && !route->prepare_post (request))
    return;
  if (soup_message_headers_get_encoding (request_headers) == SOUP_ENCODING_CONTENT_LENGTH
      && (guint64) soup_message_headers_get_content_length (request_headers)
         > request->body->limit)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Connection", "close");
      request_body_discard_file (request->body);
      chamber_request_reply_too_large (request);
      return;
    }

  if (is_put || !route->post_is_upload)
    request->body->data = g_byte_array_new ();
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), request->body);
}

static void
handler_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  ChamberRequest *request = g_object_get_data (G_OBJECT (msg), REQUEST_DATA);

  if (request == NULL)
    {
      chamber_server_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                                  _("The server lost track of this request. Send it again."));
      return;
    }

  /* Only blobs answer byte ranges; keep libsoup from cutting other answers into parts. */
  if (request->route->get != chamber_server_get_blob)
    soup_message_headers_remove (soup_server_message_get_request_headers (msg), "Range");

  if (request->method == SOUP_METHOD_POST)
    request->route->post (request);
  else if (request->method == SOUP_METHOD_PUT)
    request->route->put (request);
  else if (request->method == SOUP_METHOD_DELETE)
    request->route->delete (request);
  else
    request->route->get (request);
}

/* The object */

static void
chamber_server_dispose (GObject *object)
{
  ChamberServer *self = CHAMBER_SERVER (object);

  chamber_server_connections_clear (self);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  chamber_server_live_close_all (self);
  g_clear_object (&self->soup);
  chamber_server_live_teardown (self);
  g_clear_object (&self->blobs);
  g_clear_object (&self->store);
  g_clear_pointer (&self->auth_failures, g_hash_table_unref);

  G_OBJECT_CLASS (chamber_server_parent_class)->dispose (object);
}

static void
chamber_server_finalize (GObject *object)
{
  ChamberServer *self = CHAMBER_SERVER (object);

  g_free (self->data_dir);
  g_free (self->db_path);
  g_free (self->blob_dir);

  G_OBJECT_CLASS (chamber_server_parent_class)->finalize (object);
}

static void
chamber_server_class_init (ChamberServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chamber_server_dispose;
  object_class->finalize = chamber_server_finalize;
}

static void
chamber_server_init (ChamberServer *self)
{
  self->max_upload_bytes = (gint64) CHAMBER_SERVER_DEFAULT_MAX_UPLOAD_MB * 1024 * 1024;
  self->auth_failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->auth_failure_limit = CHAMBER_SERVER_DEFAULT_AUTH_FAILURES;
  self->auth_window_seconds = CHAMBER_SERVER_DEFAULT_AUTH_WINDOW_S;
}

ChamberServer *
chamber_server_new (const char *data_dir,
                    GError    **error)
{
  g_autoptr (ChamberServer) self = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_SERVER, NULL);
  self->data_dir = g_strdup (data_dir);
  self->db_path = g_build_filename (data_dir, "chamber.db", NULL);
  self->blob_dir = g_build_filename (data_dir, "blobs", NULL);

  if (!g_file_test (self->db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, CHAMBER_SERVER_ERROR, CHAMBER_SERVER_ERROR_DATA,
                   _("The folder “%s” holds no Chamber database. Run “chamberd --data %s init” "
                     "first."),
                   data_dir, data_dir);
      return NULL;
    }
  self->store = chamber_store_open (self->db_path, error);
  if (self->store == NULL)
    return NULL;
  self->blobs = chamber_blob_store_new (self->blob_dir, error);
  if (self->blobs == NULL)
    return NULL;

  self->soup = soup_server_new ("raw-paths", TRUE, "server-header", "chamberd/" PACKAGE_VERSION,
                                NULL);
  soup_server_add_early_handler (self->soup, NULL, early_handler_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handler_cb, self, NULL);
  /* The live channel's WebSocket path has handlers of its own: the same checks, then the
   * handshake. */
  chamber_server_live_setup (self);
  soup_server_add_early_handler (self->soup, CHAMBER_SERVER_LIVE_EVENTS_PATH, early_handler_cb,
                                 self, NULL);
  soup_server_add_handler (self->soup, CHAMBER_SERVER_LIVE_EVENTS_PATH, handler_cb, self, NULL);
  chamber_server_live_listen (self);
  chamber_server_connections_init (self);
  return g_steal_pointer (&self);
}

const char *
chamber_server_get_data_dir (ChamberServer *self)
{
  g_return_val_if_fail (CHAMBER_IS_SERVER (self), NULL);
  return self->data_dir;
}

void
chamber_server_set_max_upload_bytes (ChamberServer *self,
                                     gint64         max_bytes)
{
  g_return_if_fail (CHAMBER_IS_SERVER (self));
  if (max_bytes <= 0)
    max_bytes = (gint64) CHAMBER_SERVER_DEFAULT_MAX_UPLOAD_MB * 1024 * 1024;
  self->max_upload_bytes = max_bytes;
}

void
chamber_server_set_auth_limit (ChamberServer *self,
                               guint          failures,
                               guint          window_seconds)
{
  g_return_if_fail (CHAMBER_IS_SERVER (self));
  self->auth_failure_limit = failures > 0 ? failures : CHAMBER_SERVER_DEFAULT_AUTH_FAILURES;
  self->auth_window_seconds = window_seconds > 0 ? window_seconds
                                                 : CHAMBER_SERVER_DEFAULT_AUTH_WINDOW_S;
  g_hash_table_remove_all (self->auth_failures);
}

gint64
chamber_server_get_max_upload_bytes (ChamberServer *self)
{
  g_return_val_if_fail (CHAMBER_IS_SERVER (self), 0);
  return self->max_upload_bytes;
}

GSocketAddress *
chamber_server_parse_address (const char *address,
                              GError    **error)
{
  g_autofree char *host = NULL;
  g_autoptr (GInetAddress) inet = NULL;
  const char *colon;
  guint64 port = 0;

  g_return_val_if_fail (address != NULL, NULL);

  colon = strrchr (address, ':');
  if (colon == NULL || colon == address || colon[1] == '\0'
      || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    {
      g_set_error (error, CHAMBER_SERVER_ERROR, CHAMBER_SERVER_ERROR_ADDRESS,
                   _("“%s” is not an address to listen on: write HOST:PORT, like "
                     "127.0.0.1:8080, [::1]:8080 or 0.0.0.0:8080."),
                   address);
      return NULL;
    }

  host = g_strndup (address, colon - address);
  if (host[0] == '[' && g_str_has_suffix (host, "]"))
    {
      g_autofree char *inner = g_strndup (host + 1, strlen (host) - 2);
      inet = g_inet_address_new_from_string (inner);
      if (inet != NULL && g_inet_address_get_family (inet) != G_SOCKET_FAMILY_IPV6)
        g_clear_object (&inet);
    }
  else if (g_ascii_strcasecmp (host, "localhost") == 0)
    inet = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else if (strchr (host, ':') == NULL)
    inet = g_inet_address_new_from_string (host);

  if (inet == NULL)
    {
      g_set_error (error, CHAMBER_SERVER_ERROR, CHAMBER_SERVER_ERROR_ADDRESS,
                   _("“%s” is not an IP address to listen on: use an IPv4 address, an IPv6 "
                     "address in brackets or “localhost”."),
                   host);
      return NULL;
    }
  return g_inet_socket_address_new (inet, (guint16) port);
}

/* Reads @path whole, or fails with TLS naming it as the certificate or (@is_key) key file. */
static char *
read_pem_file (const char *path,
               gboolean    is_key,
               GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  char *contents = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, CHAMBER_SERVER_ERROR, CHAMBER_SERVER_ERROR_TLS,
                   is_key ? _("The private key file %s does not exist.")
                          : _("The certificate file %s does not exist."),
                   path);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, NULL, &local_error))
    {
      g_set_error (error, CHAMBER_SERVER_ERROR, CHAMBER_SERVER_ERROR_TLS,
                   is_key ? _("Cannot read the private key file: %s")
                          : _("Cannot read the certificate file: %s"),
                   local_error->message);
      return NULL;
    }
  return contents;
}

GTlsCertificate *
chamber_server_load_certificate (const char *cert_file,
                                 const char *key_file,
                                 GError    **error)
{
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *cert_pem = NULL;
  g_autofree char *key_pem = NULL;

  g_return_val_if_fail (cert_file != NULL, NULL);
  g_return_val_if_fail (key_file != NULL, NULL);

  cert_pem = read_pem_file (cert_file, FALSE, error);
  if (cert_pem == NULL)
    return NULL;
  key_pem = read_pem_file (key_file, TRUE, error);
  if (key_pem == NULL)
    return NULL;

  /* The certificate alone first, so that a failure of both together is the key's. */
  certificate = g_tls_certificate_new_from_pem (cert_pem, -1, &local_error);
  if (certificate == NULL)
    {
      g_set_error (error, CHAMBER_SERVER_ERROR, CHAMBER_SERVER_ERROR_TLS,
                   _("%s holds no certificate in PEM format (%s). Give the certificate file "
                     "with --tls-cert."),
                   cert_file, local_error->message);
      return NULL;
    }
  g_clear_object (&certificate);
  certificate = g_tls_certificate_new_from_files (cert_file, key_file, &local_error);
  if (certificate == NULL)
    {
      g_set_error (error, CHAMBER_SERVER_ERROR, CHAMBER_SERVER_ERROR_TLS,
                   _("%s holds no unencrypted private key in PEM format (%s). Give the key "
                     "file with --tls-key."),
                   key_file, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&certificate);
}

void
chamber_server_set_tls_certificate (ChamberServer   *self,
                                    GTlsCertificate *certificate)
{
  g_return_if_fail (CHAMBER_IS_SERVER (self));
  g_return_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate));

  soup_server_set_tls_certificate (self->soup, certificate);
}

char *
chamber_server_listen (ChamberServer *self,
                       const char    *address,
                       GError       **error)
{
  g_autoptr (GSocketAddress) wanted = NULL;
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *host = NULL;
  GSList *listeners;
  GSocket *socket;
  GInetAddress *inet;
  gboolean https;
  const char *scheme;

  g_return_val_if_fail (CHAMBER_IS_SERVER (self), NULL);

  https = soup_server_get_tls_certificate (self->soup) != NULL;
  scheme = https ? "https" : "http";
  wanted = chamber_server_parse_address (address, error);
  if (wanted == NULL)
    return NULL;
  if (!soup_server_listen (self->soup, wanted, https ? SOUP_SERVER_LISTEN_HTTPS : 0,
                           &local_error))
    {
      g_set_error (error, CHAMBER_SERVER_ERROR, CHAMBER_SERVER_ERROR_LISTEN,
                   _("Cannot listen on %s: %s"), address, local_error->message);
      return NULL;
    }

  listeners = soup_server_get_listeners (self->soup);
  socket = g_slist_last (listeners)->data;
  g_slist_free (listeners);
  /* libsoup listens with GLib's backlog of 10 connections waiting to be accepted: a hall of
   * delegates starting their syncs at once overflows it and their connections wait seconds
   * for a retry. Listening again on a listening socket only sets a longer queue. */
  if (listen (g_socket_get_fd (socket), SOMAXCONN) != 0)
    g_message ("chamberd: cannot lengthen the queue of connections: %s", g_strerror (errno));
  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return NULL;

  inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (bound));
  host = g_inet_address_to_string (inet);
  if (g_inet_address_get_family (inet) == G_SOCKET_FAMILY_IPV6)
    return g_strdup_printf ("%s://[%s]:%u", scheme, host,
                            g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  return g_strdup_printf ("%s://%s:%u", scheme, host,
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

void
chamber_server_job_started (ChamberServer *self)
{
  self->jobs_running++;
}

void
chamber_server_job_finished (ChamberServer *self)
{
  g_return_if_fail (self->jobs_running > 0);
  self->jobs_running--;
}

void
chamber_server_shutdown (ChamberServer *self)
{
  g_return_if_fail (CHAMBER_IS_SERVER (self));

  self->stopping = TRUE;
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  /* A PDF being checked is stored or refused in one transaction; let it end. */
  while (self->jobs_running > 0)
    g_main_context_iteration (NULL, TRUE);
  /* Let the closed connections finish closing, so that nothing is left half-freed at exit. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

char *
chamber_server_init_data_dir (const char *data_dir,
                              GError    **error)
{
  g_autofree char *db_path = NULL;
  g_autofree char *blob_dir = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  g_autofree char *detail = NULL;
  g_autoptr (ChamberPerson) admin = NULL;
  gint64 admin_id = 0;
  gint64 token_id = 0;

  g_return_val_if_fail (data_dir != NULL, NULL);

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, CHAMBER_SERVER_ERROR, CHAMBER_SERVER_ERROR_DATA,
                   _("Cannot create the data folder “%s”: %s"), data_dir,
                   g_strerror (saved_errno));
      return NULL;
    }

  db_path = g_build_filename (data_dir, "chamber.db", NULL);
  blob_dir = g_build_filename (data_dir, "blobs", NULL);
  store = chamber_store_open (db_path, error);
  if (store == NULL)
    return NULL;
  blobs = chamber_blob_store_new (blob_dir, error);
  if (blobs == NULL)
    return NULL;

  people = chamber_store_list_people (store, error);
  if (people == NULL)
    return NULL;
  for (guint i = 0; i < people->len && admin_id == 0; i++)
    {
      const ChamberPerson *person = g_ptr_array_index (people, i);

      if (person->role == CHAMBER_ROLE_ADMIN && person->active)
        admin_id = person->id;
    }

  if (!chamber_store_begin (store, error))
    return NULL;
  if (admin_id == 0)
    {
      g_autoptr (ChamberPerson) created = chamber_person_new ();

      created->name = g_strdup ("Administrator");
      created->role = CHAMBER_ROLE_ADMIN;
      created->active = TRUE;
      if (!chamber_store_insert_person (store, created, error))
        {
          chamber_store_rollback (store);
          return NULL;
        }
      admin_id = created->id;
    }

  token = chamber_token_generate ();
  token_hash = chamber_token_hash (token);
  admin = chamber_store_get_person (store, admin_id, error);
  if (admin == NULL
      || !chamber_store_insert_token (store, admin_id, token_hash, NULL, &token_id, error))
    {
      chamber_store_rollback (store);
      return NULL;
    }
  detail = chamber_audit_token_detail (token_id, admin);
  if (!chamber_audit_record (store, 0, CHAMBER_AUDIT_TOKEN_ISSUE, 0, 0, detail, error))
    {
      chamber_store_rollback (store);
      return NULL;
    }
  if (!chamber_store_commit (store, error))
    return NULL;
  return g_steal_pointer (&token);
}
