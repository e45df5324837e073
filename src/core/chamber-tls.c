/* chamber-tls.c — certificate fingerprints (see chamber-tls.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

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
