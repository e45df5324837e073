/* chamber-tls.c — certificate fingerprints (see chamber-tls.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

#include "chamber-client.h"
#include "chamber-hash.h"
#include "chamber-tls.h"

/* Seconds to wait for a server's TLS handshake. */
#define FETCH_TIMEOUT 30

char *
chamber_tls_certificate_fingerprint (GTlsCertificate *certificate)
{
  g_autoptr (GByteArray) der = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  g_return_val_if_fail (der != NULL, NULL);
  return chamber_sha256_hex (der->data, der->len);
}

char *
chamber_tls_normalise_fingerprint (const char *text)
{
  g_autoptr (GString) hex = NULL;

  if (text == NULL)
    return NULL;
  hex = g_string_sized_new (64);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ':' || *p == ' ')
        continue;
      if (!g_ascii_isxdigit (*p) || hex->len == 64)
        return NULL;
      g_string_append_c (hex, g_ascii_tolower (*p));
    }
  if (hex->len != 64)
    return NULL;
  return g_string_free (g_steal_pointer (&hex), FALSE);
}

/* Any certificate is accepted here: it is only read, and nothing is sent to its server. */
static gboolean
accept_any_certificate_cb (GTlsConnection      *connection,
                           GTlsCertificate     *certificate,
                           GTlsCertificateFlags errors,
                           gpointer             user_data)
{
  return TRUE;
}

static void
socket_client_event_cb (GSocketClient     *client,
                        GSocketClientEvent event,
                        GSocketConnectable *connectable,
                        GIOStream         *connection,
                        gpointer           user_data)
{
  if (event == G_SOCKET_CLIENT_TLS_HANDSHAKING && G_IS_TLS_CONNECTION (connection))
    g_signal_connect (connection, "accept-certificate", G_CALLBACK (accept_any_certificate_cb),
                      NULL);
}

gboolean
chamber_tls_fetch_fingerprint (const char   *url,
                               char        **out_sha256_hex,
                               GCancellable *cancellable,
                               GError      **error)
{
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GSocketClient) client = NULL;
  g_autoptr (GSocketConnection) connection = NULL;
  g_autoptr (GError) local_error = NULL;
  GIOStream *tls;
  GTlsCertificate *certificate;

  g_return_val_if_fail (url != NULL, FALSE);
  g_return_val_if_fail (out_sha256_hex != NULL, FALSE);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0
      || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_INVALID_URL,
                   _("“%s” is not an https:// server address: only a server with TLS has a "
                     "certificate. Write it like https://192.168.1.10:8443."),
                   url);
      return FALSE;
    }

  client = g_socket_client_new ();
  g_socket_client_set_tls (client, TRUE);
  g_socket_client_set_timeout (client, FETCH_TIMEOUT);
  g_signal_connect (client, "event", G_CALLBACK (socket_client_event_cb), NULL);
  connection = g_socket_client_connect_to_uri (client, url, 443, cancellable, &local_error);
  if (connection == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK,
                   _("Cannot read the certificate of the server at %s: %s. Check the address "
                     "and that chamberd is running with --tls-cert."),
                   url, local_error->message);
      return FALSE;
    }

  /* With TLS on, the client hands back the TLS connection wrapped in a GTcpWrapperConnection. */
  tls = G_IS_TCP_WRAPPER_CONNECTION (connection)
          ? g_tcp_wrapper_connection_get_base_io_stream (G_TCP_WRAPPER_CONNECTION (connection))
          : G_IO_STREAM (connection);
  certificate = G_IS_TLS_CONNECTION (tls)
                  ? g_tls_connection_get_peer_certificate (G_TLS_CONNECTION (tls))
                  : NULL;
  if (certificate == NULL)
    {
      g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK,
                   _("The server at %s presented no certificate."), url);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
      return FALSE;
    }
  *out_sha256_hex = chamber_tls_certificate_fingerprint (certificate);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

/* One side of the handshake chamber_tls_check_key_pair() runs with itself. */
typedef struct
{
  gboolean done;
  GError *error;
} Handshake;

static void
handshake_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  Handshake *side = data;

  if (!g_tls_connection_handshake_finish (G_TLS_CONNECTION (source), result, &side->error))
    /* Let the other side stop waiting at once. */
    g_io_stream_close (G_IO_STREAM (source), NULL, NULL);
  side->done = TRUE;
}

/* A GIOStream over one end of a new socket pair, reads and writes bounded by FETCH_TIMEOUT. */
static GIOStream *
socket_pair_end (int fd, GError **error)
{
  g_autoptr (GSocket) socket = g_socket_new_from_fd (fd, error);

  if (socket == NULL)
    {
      close (fd);
      return NULL;
    }
  g_socket_set_timeout (socket, FETCH_TIMEOUT);
  return G_IO_STREAM (g_socket_connection_factory_create_connection (socket));
}

gboolean
chamber_tls_check_key_pair (GTlsCertificate *certificate,
                            const char      *cert_file,
                            const char      *key_file,
                            GError         **error)
{
  g_autoptr (GIOStream) server_end = NULL;
  g_autoptr (GIOStream) client_end = NULL;
  g_autoptr (GIOStream) server = NULL;
  g_autoptr (GIOStream) client = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GMainContext) context = NULL;
  Handshake server_side = { FALSE, NULL };
  Handshake client_side = { FALSE, NULL };
  int fds[2];

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), FALSE);

  if (socketpair (AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot check the TLS certificate and key: %s."), g_strerror (saved_errno));
      return FALSE;
    }
  server_end = socket_pair_end (fds[0], &local_error);
  client_end = socket_pair_end (fds[1], local_error == NULL ? &local_error : NULL);
  if (server_end != NULL && client_end != NULL)
    server = G_IO_STREAM (g_tls_server_connection_new (server_end, certificate, &local_error));
  if (server != NULL)
    client = G_IO_STREAM (g_tls_client_connection_new (client_end, NULL, &local_error));
  if (client == NULL)
    {
      g_set_error (error, G_TLS_ERROR, G_TLS_ERROR_UNAVAILABLE,
                   _("Cannot check the TLS certificate and key: %s."),
                   local_error != NULL ? local_error->message : g_strerror (EBADF));
      return FALSE;
    }

  /* The server side signs the handshake with the key; the client side checks the signature
   * with the public key in the certificate, whose trust does not matter here. Both sides run
   * at once on a main context of this call (no thread of our own, which would take gnutls's
   * thread-local state with it when it ends). */
  g_signal_connect (client, "accept-certificate", G_CALLBACK (accept_any_certificate_cb), NULL);
  context = g_main_context_new ();
  g_main_context_push_thread_default (context);
  g_tls_connection_handshake_async (G_TLS_CONNECTION (server), G_PRIORITY_DEFAULT, NULL,
                                    handshake_done_cb, &server_side);
  g_tls_connection_handshake_async (G_TLS_CONNECTION (client), G_PRIORITY_DEFAULT, NULL,
                                    handshake_done_cb, &client_side);
  while (!server_side.done || !client_side.done)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);

  if (client_side.error != NULL || server_side.error != NULL)
    {
      /* The server side's reason is the telling one ("key mismatch"); the client side only
       * sees the handshake fail. */
      const GError *reason = server_side.error != NULL ? server_side.error : client_side.error;

      g_set_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE,
                   _("The private key in %s does not belong to the certificate in %s: a test "
                     "connection with them failed (%s). Give the key that was made together "
                     "with this certificate."),
                   key_file, cert_file, reason->message);
      g_clear_error (&server_side.error);
      g_clear_error (&client_side.error);
      return FALSE;
    }
  g_io_stream_close (client, NULL, NULL);
  g_io_stream_close (server, NULL, NULL);
  return TRUE;
}
