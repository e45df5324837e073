/* chamber-client.c — the blocking /api/v1 client (see chamber-client.h, docs/protocol.md).
 *
 * One SoupSession per ChamberClient, used synchronously from the thread that made it.
 * Every answer body is read in chunks with a limit, so a misbehaving server cannot make the
 * client hold an unbounded answer in memory.
 *
 * Error domain CHAMBER_CLIENT_ERROR:
 *   NETWORK       the server cannot be reached or the connection broke; the message names the
 *                 address and says what to check
 *   UNAUTHORIZED  401          FORBIDDEN  403          NOT_FOUND  404
 *   REJECTED      other 4xx (400, 409, 413, 416, 422…): the server refused the input
 *   SERVER        5xx
 *   PROTOCOL      an answer that is not what docs/protocol.md says (not JSON, a member missing)
 *   INVALID_URL   the server address is not an http:// or https:// URL with a host
 *   CERTIFICATE   https: the server presented a certificate with another fingerprint than the
 *                 pinned one, or, without a pin, one this computer does not trust; the message
 *                 shows the fingerprint(s) so a person can compare them with the handover sheet
 * For the non-2xx answers, the message is the server's own (from its error body) when it sent
 * one. A cancelled request fails with G_IO_ERROR_CANCELLED, unchanged. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include <libsoup/soup.h>
#include <string.h>

#include "chamber-client.h"
#include "chamber-desk-store.h"
#include "chamber-hash.h"
#include "chamber-manifest.h"
#include "chamber-protocol.h"
#include "chamber-tls.h"

G_DEFINE_QUARK (chamber-client-error-quark, chamber_client_error)

/* Seconds a request may wait on the network without progress. */
#define IO_TIMEOUT 30
/* Seconds an unused keep-alive connection stays open. */
#define IDLE_TIMEOUT 60
/* The server checks every page of an uploaded PDF before it answers; allow it time to. */
#define PUBLISH_TIMEOUT 600
/* The largest JSON answer read: the largest manifest. */
#define MAX_JSON_ANSWER CHAMBER_MANIFEST_MAX_BYTES
/* The largest answer chamber_client_get_bytes() holds in memory (a GByteArray's limit is
 * 4 GiB; documents are streamed by the sync engine, not read this way). */
#define MAX_BYTES_ANSWER G_MAXINT
/* The most memory reserved up front from an answer's Content-Length. */
#define MAX_PREALLOCATION (64 * 1024 * 1024)
/* Answers are read in pieces of this size. */
#define READ_CHUNK (64 * 1024)
/* The most records one list answer may hold. */
#define MAX_LIST_RECORDS 100000
/* Set on a SoupMessage whose server certificate was refused: its fingerprint. */
#define REFUSED_FINGERPRINT "chamber-refused-fingerprint"

struct _ChamberClient
{
  GObject      parent_instance;

  char        *server_url;  /* scheme://host[:port][/path], no trailing slash */
  char        *token;       /* may be NULL */
  char        *pin;         /* the pinned certificate's fingerprint, or NULL */
  SoupSession *session;
  ChamberClientUploadProgress upload_progress;  /* see chamber_client_set_upload_progress() */
  gpointer     upload_progress_data;
};

G_DEFINE_FINAL_TYPE (ChamberClient, chamber_client, G_TYPE_OBJECT)

static void
chamber_client_finalize (GObject *object)
{
  ChamberClient *self = CHAMBER_CLIENT (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_pointer (&self->server_url, g_free);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->pin, g_free);

  G_OBJECT_CLASS (chamber_client_parent_class)->finalize (object);
}

static void
chamber_client_class_init (ChamberClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chamber_client_finalize;
}

static void
chamber_client_init (ChamberClient *self)
{
}

/* ---- The server address ------------------------------------------------------------------ */

static void
set_invalid_url (GError **error, const char *url, const char *reason)
{
  g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_INVALID_URL,
               _("“%s” is not a server address Chamber can use: %s. Write it like "
                 "http://192.168.1.10:8080."),
               url, reason);
}

/* Returns the normalised base URL (no trailing slash) of @url. */
static char *
normalise_server_url (const char *url, GError **error)
{
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GError) parse_error = NULL;
  g_autofree char *path = NULL;
  const char *scheme;
  const char *host;

  if (url == NULL || *url == '\0')
    {
      g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_INVALID_URL,
                   _("No server address was given. Write it like http://192.168.1.10:8080."));
      return NULL;
    }

  if (strstr (url, "://") == NULL)
    {
      set_invalid_url (error, url, _("it must start with http:// or https://"));
      return NULL;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &parse_error);
  if (uri == NULL)
    {
      set_invalid_url (error, url, parse_error->message);
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      set_invalid_url (error, url, _("it must start with http:// or https://"));
      return NULL;
    }
  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    {
      set_invalid_url (error, url, _("it has no host name"));
      return NULL;
    }
  if (g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL
      || g_uri_get_fragment (uri) != NULL)
    {
      set_invalid_url (error, url,
                       _("it must not contain a user name, a query (?…) or a fragment (#…)"));
      return NULL;
    }

  /* A server behind a reverse proxy may live under a path; keep it without trailing slashes. */
  path = g_strdup (g_uri_get_path (uri));
  while (*path != '\0' && path[strlen (path) - 1] == '/')
    path[strlen (path) - 1] = '\0';

  {
    g_autofree char *lower_scheme = g_ascii_strdown (scheme, -1);

    return g_uri_join (G_URI_FLAGS_NONE, lower_scheme, NULL, host, g_uri_get_port (uri), path,
                       NULL, NULL);
  }
}

/* ---- The server's certificate ----------------------------------------------------------- */

/* Called for a certificate with errors — with a pin, for every certificate, since the session
 * then has no certificate database to trust any by. */
static gboolean
accept_certificate_cb (SoupMessage         *msg,
                       GTlsCertificate     *certificate,
                       GTlsCertificateFlags errors,
                       gpointer             user_data)
{
  ChamberClient *self = user_data;
  g_autofree char *fingerprint = chamber_tls_certificate_fingerprint (certificate);

  if (self->pin != NULL && g_str_equal (fingerprint, self->pin))
    return TRUE;
  g_object_set_data_full (G_OBJECT (msg), REFUSED_FINGERPRINT, g_steal_pointer (&fingerprint),
                          g_free);
  return FALSE;
}

static void
request_queued_cb (SoupSession *session,
                   SoupMessage *msg,
                   gpointer     user_data)
{
  g_signal_connect_object (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb),
                           user_data, 0);
}

void
chamber_client_set_pinned_certificate (ChamberClient *self,
                                       const char    *sha256_hex)
{
  g_return_if_fail (CHAMBER_IS_CLIENT (self));
  g_return_if_fail (sha256_hex == NULL || chamber_sha256_is_valid (sha256_hex));

  if (g_strcmp0 (self->pin, sha256_hex) == 0)
    return;
  g_clear_pointer (&self->pin, g_free);
  self->pin = g_strdup (sha256_hex);
  /* No database: no certificate is trusted by itself, each one reaches accept_certificate_cb
   * and only the pinned one passes. Without a pin, the system's trusted authorities decide. */
  if (self->pin != NULL)
    soup_session_set_tls_database (self->session, NULL);
  else
    soup_session_set_tls_database (self->session,
                                   g_tls_backend_get_default_database (
                                     g_tls_backend_get_default ()));
  /* Connections kept alive were accepted under the old rule. */
  soup_session_abort (self->session);
}

const char *
chamber_client_get_pinned_certificate (ChamberClient *self)
{
  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  return self->pin;
}

gboolean
chamber_client_take_certificate_error (ChamberClient *self,
                                       gpointer       soup_message,
                                       GError       **error)
{
  const char *fingerprint;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), FALSE);
  g_return_val_if_fail (SOUP_IS_MESSAGE (soup_message), FALSE);

  fingerprint = g_object_get_data (G_OBJECT (soup_message), REFUSED_FINGERPRINT);
  if (fingerprint == NULL)
    return FALSE;
  if (self->pin != NULL)
    g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_CERTIFICATE,
                 _("The server's certificate has changed (expected %s, got %s). Do not "
                   "continue unless the secretariat confirms the new certificate."),
                 self->pin, fingerprint);
  else
    g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_CERTIFICATE,
                 _("The server at %s presents a certificate this computer does not trust, "
                   "with the SHA-256 fingerprint %s. Compare it with the fingerprint on the "
                   "handover sheet from the secretariat; connect with it pinned only if they "
                   "are the same."),
                 self->server_url, fingerprint);
  return TRUE;
}

ChamberClient *
chamber_client_new (const char *server_url, const char *token, GError **error)
{
  g_autoptr (ChamberClient) self = NULL;
  g_autofree char *base = normalise_server_url (server_url, error);

  if (base == NULL)
    return NULL;

  self = g_object_new (CHAMBER_TYPE_CLIENT, NULL);
  self->server_url = g_steal_pointer (&base);
  self->token = (token != NULL && *token != '\0') ? g_strdup (token) : NULL;
  self->session = soup_session_new_with_options ("user-agent", "chamber/" PACKAGE_VERSION,
                                                 "timeout", IO_TIMEOUT,
                                                 "idle-timeout", IDLE_TIMEOUT,
                                                 NULL);
  g_signal_connect_object (self->session, "request-queued", G_CALLBACK (request_queued_cb),
                           self, 0);
  return g_steal_pointer (&self);
}

const char *
chamber_client_get_server_url (ChamberClient *self)
{
  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);

  return self->server_url;
}

gpointer
chamber_client_get_soup_session (ChamberClient *self)
{
  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);

  return self->session;
}

char *
chamber_client_build_uri (ChamberClient *self, const char *path)
{
  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (path[0] == '/')
    return g_strconcat (self->server_url, path, NULL);
  return g_strconcat (self->server_url, "/", path, NULL);
}

void
chamber_client_authorize (ChamberClient *self, gpointer soup_message)
{
  SoupMessageHeaders *headers;

  g_return_if_fail (CHAMBER_IS_CLIENT (self));
  g_return_if_fail (SOUP_IS_MESSAGE (soup_message));

  headers = soup_message_get_request_headers (soup_message);
  if (self->token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
    }
  else
    soup_message_headers_remove (headers, "Authorization");
}

/* ---- Sending and reading ----------------------------------------------------------------- */

/* Why @cause kept us from the server, in words for the sentence around it. */
static char *
describe_network_failure (const GError *cause)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_strdup (_("connection refused"));
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_strdup (_("no answer in time"));
  if (cause->domain == G_RESOLVER_ERROR)
    return g_strdup (_("the host name is not known"));
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE)
      || g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE))
    return g_strdup (_("the network cannot reach it"));
  if (cause->domain == G_TLS_ERROR)
    return g_strdup_printf (_("the secure connection failed (%s)"), cause->message);
  return g_strdup (cause->message);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Turns a failure of the connection into NETWORK (or passes a cancellation through). */
static void
propagate_network_error (ChamberClient *self, GError *cause, gboolean while_reading,
                         GError **error)
{
  g_autofree char *reason = NULL;

  if (is_cancelled (cause))
    {
      g_propagate_error (error, cause);
      return;
    }

  if (cause->domain == SOUP_SESSION_ERROR)
    {
      g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                   _("The server at %s did not answer in HTTP as expected (%s). Check that the "
                     "address points to chamberd."),
                   self->server_url, cause->message);
      g_error_free (cause);
      return;
    }

  reason = describe_network_failure (cause);
  if (while_reading)
    g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK,
                 _("The connection to the server at %s broke: %s. Check the network and try "
                   "again."),
                 self->server_url, reason);
  else
    g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK,
                 _("Cannot reach the server at %s: %s. Check the address and that chamberd is "
                   "running."),
                 self->server_url, reason);
  g_error_free (cause);
}

/* Reads @stream to its end, failing with PROTOCOL past @max_bytes. */
static GBytes *
read_body (ChamberClient *self, GInputStream *stream, gsize max_bytes, gsize expected,
           GCancellable *cancellable, GError **error)
{
  /* The announced length only sizes the first allocation, within reason. */
  g_autoptr (GByteArray) body = g_byte_array_sized_new ((guint) MIN (expected,
                                                                     MIN (max_bytes,
                                                                          MAX_PREALLOCATION)));
  g_autofree guint8 *chunk = g_malloc (READ_CHUNK);

  for (;;)
    {
      GError *read_error = NULL;
      gssize n = g_input_stream_read (stream, chunk, READ_CHUNK, cancellable, &read_error);

      if (n < 0)
        {
          propagate_network_error (self, read_error, TRUE, error);
          return NULL;
        }
      if (n == 0)
        break;
      if ((gsize) n > max_bytes - body->len)
        {
          g_autofree char *limit = g_format_size (max_bytes);

          g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                       _("The server at %s sent an answer larger than %s, more than Chamber "
                         "accepts."),
                       self->server_url, limit);
          return NULL;
        }
      g_byte_array_append (body, chunk, (guint) n);
    }

  g_input_stream_close (stream, NULL, NULL);
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}

/* Sends @msg and reads its whole answer, up to @max_bytes. */
static GBytes *
send_message (ChamberClient *self, SoupMessage *msg, gsize max_bytes,
              GCancellable *cancellable, GError **error)
{
  g_autoptr (GInputStream) stream = NULL;
  GError *send_error = NULL;
  goffset length;

  chamber_client_authorize (self, msg);
  stream = soup_session_send (self->session, msg, cancellable, &send_error);
  if (stream == NULL)
    {
      if (chamber_client_take_certificate_error (self, msg, error))
        {
          g_error_free (send_error);
          return NULL;
        }
      propagate_network_error (self, send_error, FALSE, error);
      return NULL;
    }

  length = soup_message_headers_get_content_length (soup_message_get_response_headers (msg));
  return read_body (self, stream, max_bytes, length > 0 ? (gsize) length : 0, cancellable,
                    error);
}

static ChamberClientError
error_code_for_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      return CHAMBER_CLIENT_ERROR_UNAUTHORIZED;
    case SOUP_STATUS_FORBIDDEN:
      return CHAMBER_CLIENT_ERROR_FORBIDDEN;
    case SOUP_STATUS_NOT_FOUND:
      return CHAMBER_CLIENT_ERROR_NOT_FOUND;
    default:
      if (status >= 400 && status < 500)
        return CHAMBER_CLIENT_ERROR_REJECTED;
      if (status >= 500 && status < 600)
        return CHAMBER_CLIENT_ERROR_SERVER;
      return CHAMBER_CLIENT_ERROR_PROTOCOL;
    }
}

/* The error for a non-2xx answer, with the server's message when its body carries one. */
static void
set_status_error (ChamberClient *self, SoupMessage *msg, GBytes *body, GError **error)
{
  guint status = soup_message_get_status (msg);
  ChamberClientError code = error_code_for_status (status);
  g_autofree char *message = NULL;
  gsize len = 0;
  const char *data = body ? g_bytes_get_data (body, &len) : NULL;

  if (data != NULL
      && chamber_protocol_parse_error_body (data, len, NULL, &message)
      && *message != '\0')
    {
      g_set_error_literal (error, CHAMBER_CLIENT_ERROR, code, message);
      return;
    }

  switch (code)
    {
    case CHAMBER_CLIENT_ERROR_UNAUTHORIZED:
      g_set_error (error, CHAMBER_CLIENT_ERROR, code,
                   _("The server at %s does not accept this access token. Ask the "
                     "secretariat for a new one."),
                   self->server_url);
      break;
    case CHAMBER_CLIENT_ERROR_FORBIDDEN:
      g_set_error (error, CHAMBER_CLIENT_ERROR, code,
                   _("Your role may not do this on the server at %s."), self->server_url);
      break;
    case CHAMBER_CLIENT_ERROR_NOT_FOUND:
      g_set_error (error, CHAMBER_CLIENT_ERROR, code,
                   _("The server at %s has no such record. It may have been removed."),
                   self->server_url);
      break;
    case CHAMBER_CLIENT_ERROR_SERVER:
      g_set_error (error, CHAMBER_CLIENT_ERROR, code,
                   _("The server at %s failed (%u %s). Try again later or ask its "
                     "administrator to look at its log."),
                   self->server_url, status, soup_message_get_reason_phrase (msg));
      break;
    case CHAMBER_CLIENT_ERROR_NETWORK:
    case CHAMBER_CLIENT_ERROR_REJECTED:
    case CHAMBER_CLIENT_ERROR_PROTOCOL:
    case CHAMBER_CLIENT_ERROR_INVALID_URL:
    case CHAMBER_CLIENT_ERROR_CERTIFICATE:
    default:
      g_set_error (error, CHAMBER_CLIENT_ERROR, code,
                   _("The server at %s answered %u %s."), self->server_url, status,
                   soup_message_get_reason_phrase (msg));
      break;
    }
}

static void
set_protocol_error (ChamberClient *self, const char *detail, GError **error)
{
  g_autofree char *reason = g_strdup (detail);
  gsize len = strlen (reason);

  /* The detail is often a sentence of its own; it goes inside parentheses here. */
  if (len > 0 && reason[len - 1] == '.')
    reason[len - 1] = '\0';

  g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
               _("The server at %s sent an answer Chamber cannot read (%s). Check that the "
                 "address is that of a Chamber server running the same version as this "
                 "program."),
               self->server_url, reason);
}

static SoupMessage *
new_message (ChamberClient *self, const char *method, const char *path, GError **error)
{
  g_autofree char *uri = chamber_client_build_uri (self, path);
  SoupMessage *msg = soup_message_new (method, uri);

  if (msg == NULL)
    set_invalid_url (error, uri, _("the request path is not valid"));
  return msg;
}

/* Sends @msg (already carrying its body) and parses a JSON object answer. */
static JsonNode *
exchange_json (ChamberClient *self, SoupMessage *msg, guint *out_status,
               GCancellable *cancellable, GError **error)
{
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (GError) parse_error = NULL;
  const char *data;
  gsize len;
  guint status;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept",
                                "application/json");
  answer = send_message (self, msg, MAX_JSON_ANSWER, cancellable, error);
  if (answer == NULL)
    return NULL;

  status = soup_message_get_status (msg);
  if (out_status != NULL)
    *out_status = status;
  if (status == SOUP_STATUS_NOT_MODIFIED)
    return NULL;
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      set_status_error (self, msg, answer, error);
      return NULL;
    }

  data = g_bytes_get_data (answer, &len);
  if (len == 0)
    return NULL;

  object = chamber_protocol_parse_object (data, len, MAX_JSON_ANSWER, &parse_error);
  if (object == NULL)
    {
      set_protocol_error (self, parse_error->message, error);
      return NULL;
    }
  return json_node_init_object (json_node_alloc (), object);
}

JsonNode *
chamber_client_request_json (ChamberClient *self, const char *method, const char *path,
                             JsonNode *body, guint *out_status, GCancellable *cancellable,
                             GError **error)
{
  g_autoptr (SoupMessage) msg = NULL;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (out_status != NULL)
    *out_status = 0;

  msg = new_message (self, method, path, error);
  if (msg == NULL)
    return NULL;

  if (body != NULL)
    {
      gsize len = 0;
      char *text = chamber_json_to_string (body, &len);
      g_autoptr (GBytes) bytes = g_bytes_new_take (text, len);

      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  return exchange_json (self, msg, out_status, cancellable, error);
}

GBytes *
chamber_client_get_bytes (ChamberClient *self, const char *path, const char *if_none_match,
                          char **out_etag, guint *out_status, GCancellable *cancellable,
                          GError **error)
{
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) answer = NULL;
  SoupMessageHeaders *response_headers;
  guint status;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (out_etag != NULL)
    *out_etag = NULL;
  if (out_status != NULL)
    *out_status = 0;

  msg = new_message (self, SOUP_METHOD_GET, path, error);
  if (msg == NULL)
    return NULL;
  if (if_none_match != NULL && *if_none_match != '\0')
    soup_message_headers_replace (soup_message_get_request_headers (msg), "If-None-Match",
                                  if_none_match);

  answer = send_message (self, msg, MAX_BYTES_ANSWER, cancellable, error);
  if (answer == NULL)
    return NULL;

  status = soup_message_get_status (msg);
  if (out_status != NULL)
    *out_status = status;
  response_headers = soup_message_get_response_headers (msg);

  if (status == SOUP_STATUS_NOT_MODIFIED || SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if (out_etag != NULL)
        *out_etag = g_strdup (soup_message_headers_get_one (response_headers, "ETag"));
      if (status == SOUP_STATUS_NOT_MODIFIED)
        return NULL;
      return g_steal_pointer (&answer);
    }

  set_status_error (self, msg, answer, error);
  return NULL;
}

char *
chamber_client_download_checked (ChamberClient *self, const char *path, const char *sha256,
                                 const char *suffix, const char *dir, gsize max_bytes,
                                 GCancellable *cancellable, GError **error)
{
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) answer = NULL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *got = NULL;
  char have[65];

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (path != NULL && dir != NULL, NULL);

  if (sha256 == NULL || !chamber_sha256_is_valid (sha256) || suffix == NULL
      || !(g_str_equal (suffix, ".pdf") || g_str_equal (suffix, ".png")
           || g_str_equal (suffix, ".jpg")))
    {
      g_set_error_literal (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                           _("The server named the file in a way Chamber does not accept."));
      return NULL;
    }
  name = g_strconcat (sha256, suffix, NULL);
  target = g_build_filename (dir, name, NULL);
  if (chamber_sha256_file (target, have, NULL, cancellable, NULL) && g_str_equal (have, sha256))
    return g_steal_pointer (&target);

  msg = new_message (self, SOUP_METHOD_GET, path, error);
  if (msg == NULL)
    return NULL;
  answer = send_message (self, msg, max_bytes, cancellable, error);
  if (answer == NULL)
    return NULL;
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    {
      set_status_error (self, msg, answer, error);
      return NULL;
    }
  got = chamber_sha256_hex (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
  if (!g_str_equal (got, sha256))
    {
      g_set_error_literal (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                           _("The file received is not the one the server described (its "
                             "SHA-256 differs). Try again; if it persists, tell the "
                             "secretariat."));
      return NULL;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Chamber could not make the folder “%s”: %s"), dir,
                   g_strerror (saved_errno));
      return NULL;
    }
  /* g_file_set_contents() writes a temporary file and renames it into place. */
  if (!g_file_set_contents_full (target, g_bytes_get_data (answer, NULL),
                                 (gssize) g_bytes_get_size (answer),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;
  return g_steal_pointer (&target);
}

/* ---- Typed requests ---------------------------------------------------------------------- */

/* The object member @member of the answer @answer, or a PROTOCOL error. */
static JsonObject *
answer_object (ChamberClient *self, JsonNode *answer, const char *member, GError **error)
{
  JsonNode *node;

  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      g_autofree char *detail = g_strdup_printf (_("the answer has no “%s”"), member);

      set_protocol_error (self, detail, error);
      return NULL;
    }

  node = json_object_get_member (json_node_get_object (answer), member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *detail = g_strdup_printf (_("the answer has no “%s” object"), member);

      set_protocol_error (self, detail, error);
      return NULL;
    }
  return json_node_get_object (node);
}

/* Re-labels a decoding error of the server's answer as PROTOCOL. */
static void
propagate_decode_error (ChamberClient *self, GError *cause, GError **error)
{
  set_protocol_error (self, cause->message, error);
  g_error_free (cause);
}

typedef gpointer (*RecordFromJson) (JsonObject *object, GError **error);

static gpointer
decode_answer (ChamberClient *self, JsonNode *answer, const char *member,
               RecordFromJson from_json, GError **error)
{
  JsonObject *object = answer_object (self, answer, member, error);
  GError *decode_error = NULL;
  gpointer record;

  if (object == NULL)
    return NULL;
  record = from_json (object, &decode_error);
  if (record == NULL)
    propagate_decode_error (self, decode_error, error);
  return record;
}

static gpointer
session_from_json (JsonObject *object, GError **error)
{
  return chamber_session_from_json (object, error);
}

static gpointer
item_from_json (JsonObject *object, GError **error)
{
  return chamber_item_from_json (object, error);
}

static gpointer
person_from_json (JsonObject *object, GError **error)
{
  return chamber_person_from_json (object, error);
}

static gpointer
document_from_json (JsonObject *object, GError **error)
{
  return chamber_document_from_json (object, error);
}


static void
set_optional (JsonObject *object, const char *member, const char *value)
{
  if (value != NULL && *value != '\0')
    json_object_set_string_member (object, member, value);
}

ChamberPerson *
chamber_client_get_me (ChamberClient *self, GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonNode) answer = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);

  answer = chamber_client_request_json (self, SOUP_METHOD_GET, "/api/v1/me", NULL, NULL,
                                        cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return decode_answer (self, answer, "person", person_from_json, error);
}

GPtrArray *
chamber_client_list_sessions (ChamberClient *self, GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  GError *local_error = NULL;
  JsonNode *list;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);

  answer = chamber_client_request_json (self, SOUP_METHOD_GET, "/api/v1/sessions", NULL, NULL,
                                        cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  list = (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
           ? json_object_get_member (json_node_get_object (answer), "sessions")
           : NULL;
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      set_protocol_error (self, _("the answer has no “sessions” list"), error);
      return NULL;
    }

  array = json_node_get_array (list);
  n = json_array_get_length (array);
  if (n > MAX_LIST_RECORDS)
    {
      set_protocol_error (self, _("the list of sessions is too long"), error);
      return NULL;
    }

  sessions = g_ptr_array_new_full (n, (GDestroyNotify) chamber_session_free);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      ChamberSession *session;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          set_protocol_error (self, _("an entry of the list of sessions is not an object"),
                              error);
          return NULL;
        }
      session = chamber_session_from_json (json_node_get_object (element), &local_error);
      if (session == NULL)
        {
          propagate_decode_error (self, local_error, error);
          return NULL;
        }
      g_ptr_array_add (sessions, session);
    }

  return g_steal_pointer (&sessions);
}

/* POSTs @body (consumed) to @path and decodes the record @member of the answer. */
static gpointer
post_record (ChamberClient *self, const char *path, JsonObject *body, const char *member,
             RecordFromJson from_json, GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonNode) request = chamber_json_node_take_object (body);
  g_autoptr (JsonNode) answer = NULL;
  GError *local_error = NULL;

  answer = chamber_client_request_json (self, SOUP_METHOD_POST, path, request, NULL,
                                        cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return decode_answer (self, answer, member, from_json, error);
}

ChamberSession *
chamber_client_create_session (ChamberClient *self, const ChamberSession *session,
                               GCancellable *cancellable, GError **error)
{
  JsonObject *body;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (session != NULL, NULL);

  body = json_object_new ();
  json_object_set_int_member (body, "number", session->number);
  json_object_set_string_member (body, "title", session->title ? session->title : "");
  json_object_set_string_member (body, "kind", chamber_session_kind_to_string (session->kind));
  set_optional (body, "place", session->place);
  set_optional (body, "starts_on", session->starts_on);
  set_optional (body, "ends_on", session->ends_on);
  return post_record (self, "/api/v1/sessions", body, "session", session_from_json, cancellable,
                      error);
}

ChamberItem *
chamber_client_add_item (ChamberClient *self, const ChamberItem *item,
                         GCancellable *cancellable, GError **error)
{
  g_autofree char *path = NULL;
  JsonObject *body;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (item != NULL, NULL);

  path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/items", item->session_id);
  body = json_object_new ();
  json_object_set_string_member (body, "title", item->title ? item->title : "");
  if (item->parent_id > 0)
    json_object_set_int_member (body, "parent_id", item->parent_id);
  json_object_set_int_member (body, "planned_minutes", item->planned_minutes);
  /* A negative position leaves the place to the server: last among the siblings. */
  if (item->position >= 0)
    json_object_set_int_member (body, "position", item->position);
  return post_record (self, path, body, "item", item_from_json, cancellable, error);
}

ChamberPerson *
chamber_client_add_person (ChamberClient *self, const ChamberPerson *person,
                           GCancellable *cancellable, GError **error)
{
  JsonObject *body;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (person != NULL, NULL);

  body = json_object_new ();
  json_object_set_string_member (body, "name", person->name ? person->name : "");
  json_object_set_string_member (body, "role", chamber_role_to_string (person->role));
  set_optional (body, "group", person->group_name);
  set_optional (body, "title", person->title);
  set_optional (body, "agency", person->agency);
  return post_record (self, "/api/v1/people", body, "person", person_from_json, cancellable,
                      error);
}

char *
chamber_client_issue_token (ChamberClient *self, gint64 person_id, gint64 *out_token_id,
                            GCancellable *cancellable, GError **error)
{
  return chamber_client_issue_token_full (self, person_id, NULL, out_token_id, cancellable,
                                          error);
}

char *
chamber_client_issue_token_full (ChamberClient *self, gint64 person_id, const char *expires_at,
                                 gint64 *out_token_id, GCancellable *cancellable,
                                 GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr (JsonNode) request = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autofree char *token = NULL;
  GError *local_error = NULL;
  JsonObject *object;
  gint64 token_id = 0;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);

  if (out_token_id != NULL)
    *out_token_id = 0;

  path = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT "/tokens", person_id);
  request = chamber_json_node_take_object (json_object_new ());
  set_optional (json_node_get_object (request), "expires_at", expires_at);
  answer = chamber_client_request_json (self, SOUP_METHOD_POST, path, request, NULL,
                                        cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      set_protocol_error (self, _("the answer has no “token”"), error);
      return NULL;
    }

  object = json_node_get_object (answer);
  if (!chamber_json_get_string (object, "token", TRUE, CHAMBER_PROTOCOL_MAX_STRING, &token,
                                &local_error)
      || !chamber_json_get_int (object, "token_id", TRUE, 1, G_MAXINT64, &token_id,
                                &local_error))
    {
      propagate_decode_error (self, local_error, error);
      return NULL;
    }

  if (out_token_id != NULL)
    *out_token_id = token_id;
  return g_steal_pointer (&token);
}

gboolean
chamber_client_revoke_token (ChamberClient *self, gint64 token_id, GCancellable *cancellable,
                             GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr (JsonNode) request = NULL;
  g_autoptr (JsonNode) answer = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), FALSE);

  path = g_strdup_printf ("/api/v1/tokens/%" G_GINT64_FORMAT "/revoke", token_id);
  request = chamber_json_node_take_object (json_object_new ());
  answer = chamber_client_request_json (self, SOUP_METHOD_POST, path, request, NULL,
                                        cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

static JsonNode *
access_to_json (const char *const *access)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; access != NULL && access[i] != NULL; i++)
    json_array_add_string_element (array, access[i]);
  json_node_take_array (node, array);
  return node;
}

ChamberDocument *
chamber_client_set_document_access (ChamberClient *self, gint64 document_id,
                                    const char *const *access, GCancellable *cancellable,
                                    GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr (JsonNode) request = NULL;
  g_autoptr (JsonNode) answer = NULL;
  JsonObject *body = json_object_new ();
  GError *local_error = NULL;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);

  json_object_set_member (body, "access", access_to_json (access));
  request = chamber_json_node_take_object (body);
  path = g_strdup_printf ("/api/v1/documents/%" G_GINT64_FORMAT "/access", document_id);
  answer = chamber_client_request_json (self, SOUP_METHOD_PUT, path, request, NULL, cancellable,
                                        &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return decode_answer (self, answer, "document", document_from_json, error);
}

ChamberDocument *
chamber_client_publish (ChamberClient *self, gint64 item_id, const char *pdf_path,
                        const char *title, ChamberDocumentKind kind, GCancellable *cancellable,
                        GError **error)
{
  return chamber_client_publish_full (self, item_id, pdf_path, title, kind, NULL, cancellable,
                                      error);
}

void
chamber_client_set_upload_progress (ChamberClient *self, ChamberClientUploadProgress progress,
                                    gpointer user_data)
{
  g_return_if_fail (CHAMBER_IS_CLIENT (self));

  self->upload_progress = progress;
  self->upload_progress_data = user_data;
}

typedef struct {
  ChamberClient *client;
  goffset        sent;
  goffset        total;
} UploadProgress;

static void
wrote_body_data_cb (SoupMessage *msg, guint chunk_size, gpointer user_data)
{
  UploadProgress *progress = user_data;

  progress->sent += chunk_size;
  progress->client->upload_progress (progress->sent, progress->total,
                                     progress->client->upload_progress_data);
}

/* Sends the PDF at @pdf_path to @path (with its query) and decodes the document answered. */
static ChamberDocument *
upload_pdf (ChamberClient *self, const char *path, const char *pdf_path,
            GCancellable *cancellable, GError **error)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (JsonNode) answer = NULL;
  GError *local_error = NULL;
  guint saved_timeout;
  UploadProgress progress = { NULL, 0, 0 };

  file = g_file_new_for_path (pdf_path);
  stream = g_file_read (file, cancellable, &local_error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable,
                                           &local_error);
  if (info == NULL)
    {
      g_prefix_error (&local_error, _("Cannot read “%s”: "), pdf_path);
      g_propagate_error (error, local_error);
      return NULL;
    }

  msg = new_message (self, SOUP_METHOD_POST, path, error);
  if (msg == NULL)
    return NULL;
  soup_message_set_request_body (msg, "application/pdf", G_INPUT_STREAM (stream),
                                 (gssize) g_file_info_get_size (info));
  progress.client = self;
  progress.total = g_file_info_get_size (info);
  if (self->upload_progress != NULL)
    g_signal_connect (msg, "wrote-body-data", G_CALLBACK (wrote_body_data_cb), &progress);

  /* The server renders every page before it answers: give it a fresh connection with a
   * timeout long enough for a large document, closed afterwards so that the long timeout
   * stays with this one request. */
  soup_message_add_flags (msg, SOUP_MESSAGE_NEW_CONNECTION);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Connection", "close");
  saved_timeout = soup_session_get_timeout (self->session);
  soup_session_set_timeout (self->session, PUBLISH_TIMEOUT);
  answer = exchange_json (self, msg, NULL, cancellable, &local_error);
  soup_session_set_timeout (self->session, saved_timeout);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return decode_answer (self, answer, "document", document_from_json, error);
}

static void
append_access (GString *path, const char *const *access)
{
  for (guint i = 0; access != NULL && access[i] != NULL; i++)
    {
      g_autofree char *escaped = g_uri_escape_string (access[i], NULL, FALSE);

      g_string_append_printf (path, "&access=%s", escaped);
    }
}

ChamberDocument *
chamber_client_publish_full (ChamberClient *self, gint64 item_id, const char *pdf_path,
                             const char *title, ChamberDocumentKind kind,
                             const char *const *access, GCancellable *cancellable,
                             GError **error)
{
  return chamber_client_upload_document (self, item_id, pdf_path, title, kind, access, FALSE,
                                         cancellable, error);
}

ChamberDocument *
chamber_client_upload_document (ChamberClient *self, gint64 item_id, const char *pdf_path,
                                const char *title, ChamberDocumentKind kind,
                                const char *const *access, gboolean draft,
                                GCancellable *cancellable, GError **error)
{
  g_autoptr (GString) path = NULL;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (pdf_path != NULL, NULL);

  path = g_string_new (NULL);
  g_string_append_printf (path, "/api/v1/items/%" G_GINT64_FORMAT "/documents?", item_id);
  if (title != NULL && *title != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (title, NULL, FALSE);

      g_string_append_printf (path, "title=%s&", escaped);
    }
  g_string_append_printf (path, "kind=%s", chamber_document_kind_to_string (kind));
  if (draft)
    g_string_append (path, "&draft=true");
  append_access (path, access);
  return upload_pdf (self, path->str, pdf_path, cancellable, error);
}

ChamberDocument *
chamber_client_replace_document (ChamberClient *self, gint64 document_id, const char *pdf_path,
                                 int kind, const char *const *access,
                                 GCancellable *cancellable, GError **error)
{
  return chamber_client_replace_document_full (self, document_id, pdf_path, kind, access, FALSE,
                                               cancellable, error);
}

ChamberDocument *
chamber_client_replace_document_full (ChamberClient *self, gint64 document_id,
                                      const char *pdf_path, int kind,
                                      const char *const *access, gboolean draft,
                                      GCancellable *cancellable, GError **error)
{
  g_autoptr (GString) path = NULL;
  g_autoptr (GString) query = NULL;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (pdf_path != NULL, NULL);
  g_return_val_if_fail (kind < CHAMBER_N_DOCUMENT_KINDS, NULL);

  path = g_string_new (NULL);
  g_string_append_printf (path, "/api/v1/documents/%" G_GINT64_FORMAT "/versions", document_id);
  query = g_string_new (NULL);
  if (kind >= 0)
    g_string_append_printf (query, "&kind=%s",
                            chamber_document_kind_to_string ((ChamberDocumentKind) kind));
  if (draft)
    g_string_append (query, "&draft=true");
  append_access (query, access);
  /* Each parameter was written after an "&": the first one's becomes the "?". */
  if (query->len > 0)
    g_string_append_printf (path, "?%s", query->str + 1);
  return upload_pdf (self, path->str, pdf_path, cancellable, error);
}

/* The ids of the answer's "published" array, or NULL with a PROTOCOL error. */
static GArray *
published_ids (ChamberClient *self,
               JsonNode      *answer,
               GError       **error)
{
  JsonArray *array = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer)
                       ? chamber_json_peek_array (json_node_get_object (answer), "published")
                       : NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (array == NULL)
    {
      set_protocol_error (self, _("no “published” in the answer"), error);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64
          || (id = json_node_get_int (element)) <= 0)
        {
          set_protocol_error (self, _("“published” holds something other than ids"), error);
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

ChamberDocument *
chamber_client_publish_document (ChamberClient *self, gint64 document_id,
                                 gboolean *out_was_draft, GCancellable *cancellable,
                                 GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr (JsonNode) request = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GArray) ids = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);

  path = g_strdup_printf ("/api/v1/documents/%lld/publish", (long long) document_id);
  request = chamber_json_node_take_object (json_object_new ());
  answer = chamber_client_request_json (self, SOUP_METHOD_POST, path, request, NULL,
                                        cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  ids = published_ids (self, answer, error);
  if (ids == NULL)
    return NULL;
  if (out_was_draft != NULL)
    *out_was_draft = ids->len > 0;
  return decode_answer (self, answer, "document", document_from_json, error);
}

GArray *
chamber_client_publish_drafts (ChamberClient *self, gint64 session_id, gint64 item_id,
                               GCancellable *cancellable, GError **error)
{
  g_autofree char *path = NULL;
  g_autoptr (JsonNode) request = NULL;
  g_autoptr (JsonNode) answer = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (session_id > 0 || item_id > 0, NULL);

  path = item_id > 0 ? g_strdup_printf ("/api/v1/items/%lld/publish", (long long) item_id)
                     : g_strdup_printf ("/api/v1/sessions/%lld/publish", (long long) session_id);
  request = chamber_json_node_take_object (json_object_new ());
  answer = chamber_client_request_json (self, SOUP_METHOD_POST, path, request, NULL,
                                        cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return published_ids (self, answer, error);
}

/* The secretariat's desk */

/* The object member @member of @answer, or NULL with a PROTOCOL error. */
static JsonObject *
answer_member (ChamberClient *self,
               JsonNode      *answer,
               const char    *member,
               GError       **error)
{
  JsonObject *object = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer)
                         ? json_node_get_object (answer) : NULL;
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *reason = g_strdup_printf (_("no “%s” in the answer"), member);

      set_protocol_error (self, reason, error);
      return NULL;
    }
  return json_node_get_object (node);
}

/* Sends @changes (borrowed) with @method to @path; the answer's @member object. */
static JsonNode *
send_changes (ChamberClient *self,
              const char    *method,
              const char    *path,
              JsonObject    *changes,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr (JsonNode) body = json_node_new (JSON_NODE_OBJECT);

  if (changes != NULL)
    json_node_set_object (body, changes);
  else
    json_node_take_object (body, json_object_new ());
  return chamber_client_request_json (self, method, path, body, NULL, cancellable, error);
}

/* A decoder of one record (chamber_session_from_json and its kin). */
typedef gpointer (*RecordFromJson) (JsonObject *object, GError **error);

/* Sends @changes with @method to @path and decodes the answer's @member object with
 * @from_json; NULL with the error (a PROTOCOL one when the answer is not the record). */
static gpointer
send_changes_for_record (ChamberClient  *self,
                         const char     *method,
                         const char     *path,
                         JsonObject     *changes,
                         const char     *member,
                         RecordFromJson  from_json,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) parse_error = NULL;
  GError *local_error = NULL;
  JsonObject *object;
  gpointer record;

  answer = send_changes (self, method, path, changes, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  object = answer_member (self, answer, member, error);
  if (object == NULL)
    return NULL;
  record = from_json (object, &parse_error);
  if (record == NULL)
    set_protocol_error (self, parse_error->message, error);
  return record;
}

ChamberSession *
chamber_client_update_session (ChamberClient *self, gint64 session_id, JsonObject *changes,
                               GCancellable *cancellable, GError **error)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld", (long long) session_id);

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);

  return send_changes_for_record (self, SOUP_METHOD_PUT, path, changes, "session",
                                  (RecordFromJson) chamber_session_from_json, cancellable, error);
}

/* The items of an answer's "items" array, or NULL with a PROTOCOL error. */
static GPtrArray *
items_of_answer (ChamberClient *self,
                 JsonNode      *answer,
                 GError       **error)
{
  JsonObject *object = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer)
                         ? json_node_get_object (answer) : NULL;
  JsonNode *node = object != NULL ? json_object_get_member (object, "items") : NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_item_free);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_protocol_error (self, _("no “items” in the answer"), error);
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr (GError) parse_error = NULL;
      ChamberItem *item = JSON_NODE_HOLDS_OBJECT (element)
                            ? chamber_item_from_json (json_node_get_object (element),
                                                      &parse_error)
                            : NULL;

      if (item == NULL)
        {
          set_protocol_error (self, parse_error != NULL ? parse_error->message
                                                        : _("an item is not an object"),
                              error);
          return NULL;
        }
      g_ptr_array_add (items, item);
    }
  return g_steal_pointer (&items);
}

GPtrArray *
chamber_client_copy_agenda (ChamberClient *self, gint64 session_id, gint64 from_id,
                            GCancellable *cancellable, GError **error)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/copy-agenda",
                                           (long long) session_id);
  g_autoptr (JsonObject) changes = json_object_new ();
  g_autoptr (JsonNode) answer = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);

  json_object_set_int_member (changes, "from", from_id);
  answer = send_changes (self, SOUP_METHOD_POST, path, changes, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return items_of_answer (self, answer, error);
}

ChamberItem *
chamber_client_update_item (ChamberClient *self, gint64 item_id, JsonObject *changes,
                            GCancellable *cancellable, GError **error)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/items/%lld", (long long) item_id);

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);

  return send_changes_for_record (self, SOUP_METHOD_PUT, path, changes, "item",
                                  (RecordFromJson) chamber_item_from_json, cancellable, error);
}

gboolean
chamber_client_delete_item (ChamberClient *self, gint64 item_id, GCancellable *cancellable,
                            GError **error)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/items/%lld", (long long) item_id);
  g_autoptr (JsonNode) answer = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), FALSE);

  answer = chamber_client_request_json (self, SOUP_METHOD_DELETE, path, NULL, NULL,
                                        cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

ChamberPerson *
chamber_client_update_person (ChamberClient *self, gint64 person_id, JsonObject *changes,
                              GCancellable *cancellable, GError **error)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/people/%lld", (long long) person_id);

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);

  return send_changes_for_record (self, SOUP_METHOD_PUT, path, changes, "person",
                                  (RecordFromJson) chamber_person_from_json, cancellable, error);
}

GPtrArray *
chamber_client_list_tokens (ChamberClient *self, gint64 person_id, GCancellable *cancellable,
                            GError **error)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/people/%lld/tokens", (long long) person_id);
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GPtrArray) tokens = NULL;
  GError *local_error = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *array;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);

  answer = chamber_client_request_json (self, SOUP_METHOD_GET, path, NULL, NULL, cancellable,
                                        &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  object = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer)
                                                             : NULL;
  node = object != NULL ? json_object_get_member (object, "tokens") : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      set_protocol_error (self, _("no “tokens” in the answer"), error);
      return NULL;
    }
  array = json_node_get_array (node);
  tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_token_info_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr (GError) parse_error = NULL;
      ChamberTokenInfo *info = JSON_NODE_HOLDS_OBJECT (element)
                                 ? chamber_token_info_from_json (json_node_get_object (element),
                                                                 &parse_error)
                                 : NULL;

      if (info == NULL)
        {
          set_protocol_error (self, parse_error != NULL ? parse_error->message
                                                        : _("a token is not an object"),
                              error);
          return NULL;
        }
      g_ptr_array_add (tokens, info);
    }
  return g_steal_pointer (&tokens);
}

ChamberPeopleImport *
chamber_client_import_people (ChamberClient *self, GBytes *csv, gboolean dry_run,
                              GCancellable *cancellable, GError **error)
{
  ChamberPeopleImport *import;
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (JsonNode) answer = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (csv != NULL, NULL);

  msg = new_message (self, SOUP_METHOD_POST,
                     dry_run ? "/api/v1/people/import?dry_run=1" : "/api/v1/people/import",
                     error);
  if (msg == NULL)
    return NULL;
  soup_message_set_request_body_from_bytes (msg, "text/csv", csv);
  answer = exchange_json (self, msg, NULL, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      set_protocol_error (self, _("the answer is empty"), error);
      return NULL;
    }
  import = chamber_people_import_from_json (json_node_get_object (answer), &local_error);
  if (import == NULL)
    {
      set_protocol_error (self, local_error->message, error);
      g_error_free (local_error);
    }
  return import;
}

JsonNode *
chamber_client_post_bytes (ChamberClient *self,
                           const char    *path,
                           const char    *content_type,
                           GBytes        *body,
                           guint         *out_status,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) empty = NULL;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  msg = new_message (self, SOUP_METHOD_POST, path, error);
  if (msg == NULL)
    return NULL;
  if (body == NULL)
    body = empty = g_bytes_new (NULL, 0);
  soup_message_set_request_body_from_bytes (msg, content_type != NULL
                                                   ? content_type : "application/octet-stream",
                                            body);
  return exchange_json (self, msg, out_status, cancellable, error);
}
