/* test-keep-alive.c — chamberd keeps HTTP connections alive and reaps the idle ones
 * (chamber-server-connections.c), against a real chamberd started with --idle-timeout 2:
 *
 *   /keep-alive/many-requests: one client sends 300 requests one after another on one TCP
 *     connection; every answer is 200, none says "Connection: close", and the server holds one
 *     descriptor for it, not one per request.
 *   /keep-alive/idle-reaped: 120 clients each send a request and keep the connection. Half of
 *     them hang up: chamberd closes their side (libsoup 3.2 alone would keep those descriptors in
 *     CLOSE_WAIT for good). The rest stay idle past the timeout: chamberd closes them, they read
 *     the end of the stream, and the server's open descriptors (/proc/PID/fd) come back to what
 *     they were before; the server still answers. Beyond 64 idle connections the oldest are
 *     closed at once. */
#include "config.h"

#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "chamber-test-util.h"

#define CLIENTS 120

static guint
count_fds (ChamberTestServer *server)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/fd",
                                           g_subprocess_get_identifier (server->process));
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  guint count = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    count++;
  return count;
}

static GSocketConnection *
connect_to (ChamberTestServer *server)
{
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GError) error = NULL;
  const char *host_port = server->url + strlen ("http://");
  GSocketConnection *connection;

  connection = g_socket_client_connect_to_host (client, host_port, 80, NULL, &error);
  g_assert_no_error (error);
  return connection;
}

/* Sends one GET of /api/v1/me and reads its whole answer; returns the status, and whether the
 * answer said "Connection: close" in @out_close. */
static guint
get_me (GSocketConnection *connection, const char *token, gboolean *out_close)
{
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  g_autofree char *request = g_strdup_printf ("GET /api/v1/me HTTP/1.1\r\nHost: chamber\r\n"
                                              "Authorization: Bearer %s\r\n\r\n",
                                              token);
  g_autoptr (GString) answer = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (SoupMessageHeaders) headers = NULL;
  guint status = 0;
  gsize head_len;
  goffset length;
  char *end;

  g_assert_true (g_output_stream_write_all (out, request, strlen (request), NULL, NULL, &error));
  g_assert_no_error (error);
  while ((end = strstr (answer->str, "\r\n\r\n")) == NULL)
    {
      char buffer[4096];
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      g_string_append_len (answer, buffer, n);
    }
  head_len = (gsize) (end - answer->str) + 4;
  headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_assert_true (soup_headers_parse_response (answer->str, (int) head_len, headers, NULL,
                                              &status, NULL));
  length = soup_message_headers_get_content_length (headers);
  while ((goffset) (answer->len - head_len) < length)
    {
      char buffer[4096];
      gssize n = g_input_stream_read (in, buffer, sizeof buffer, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      g_string_append_len (answer, buffer, n);
    }
  *out_close = soup_message_headers_header_contains (headers, "Connection", "close");
  return status;
}

/* TRUE when the server closed @connection: a read returns the end of the stream. */
static gboolean
closed_by_server (GSocketConnection *connection)
{
  GSocket *socket = g_socket_connection_get_socket (connection);
  char byte;
  g_autoptr (GError) error = NULL;
  gssize n;

  if (!g_socket_condition_timed_wait (socket, G_IO_IN, 0, NULL, NULL))
    return FALSE;
  n = g_socket_receive (socket, &byte, 1, NULL, &error);
  return n == 0 || error != NULL;
}

static ChamberTestServer *
start_server (void)
{
  return chamber_test_server_start_with_args ((const char *const[]) { "--idle-timeout", "2",
                                                                      NULL });
}

static void
test_many_requests (void)
{
  g_autoptr (ChamberTestServer) server = start_server ();
  g_autoptr (GSocketConnection) connection = NULL;
  guint baseline, during = 0;

  baseline = count_fds (server);
  connection = connect_to (server);
  for (int i = 0; i < 300; i++)
    {
      gboolean close = TRUE;

      g_assert_cmpuint (get_me (connection, server->admin_token, &close), ==, 200);
      g_assert_false (close);
      if (i % 50 == 0)
        during = MAX (during, count_fds (server));
    }
  /* One connection: one descriptor more than before (and the database's, when it opened). */
  g_test_message ("descriptors: %u before, at most %u during 300 requests", baseline, during);
  g_assert_cmpuint (during, <=, baseline + 3);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
}

typedef struct {
  ChamberTestServer *server;
  guint at_most;
} FdWait;

static gboolean
fds_at_most (gpointer data)
{
  FdWait *wait = data;

  g_usleep (50 * 1000);
  return count_fds (wait->server) <= wait->at_most;
}

static void
test_idle_reaped (void)
{
  g_autoptr (ChamberTestServer) server = start_server ();
  g_autoptr (GPtrArray) connections = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GSocketConnection) again = NULL;
  FdWait wait = { 0 };
  guint baseline, peak, closed = 0;
  gboolean close = TRUE;

  /* Warm up (the store's files are open after the first request), then measure. */
  again = connect_to (server);
  g_assert_cmpuint (get_me (again, server->admin_token, &close), ==, 200);
  g_io_stream_close (G_IO_STREAM (again), NULL, NULL);
  g_clear_object (&again);
  wait.server = server;
  wait.at_most = count_fds (server);
  g_assert_true (chamber_test_pump_until (fds_at_most, &wait, 10000));
  baseline = count_fds (server);

  for (int i = 0; i < CLIENTS; i++)
    {
      GSocketConnection *connection = connect_to (server);

      g_assert_cmpuint (get_me (connection, server->admin_token, &close), ==, 200);
      g_assert_false (close);
      g_ptr_array_add (connections, connection);
    }
  peak = count_fds (server);
  g_test_message ("descriptors: %u before, %u with %d clients kept alive", baseline, peak,
                  CLIENTS);
  /* No more than the cap of idle connections stays open: those beyond it are closed at once
   * (shut down, then closed a moment later). */
  wait.at_most = baseline + 64;
  g_assert_true (chamber_test_pump_until (fds_at_most, &wait, 10000));

  /* Half the clients hang up: their descriptors are given back. */
  for (guint i = 0; i < connections->len; i += 2)
    g_io_stream_close (G_IO_STREAM (g_ptr_array_index (connections, i)), NULL, NULL);
  wait.at_most = baseline + CLIENTS / 2;
  g_assert_true (chamber_test_pump_until (fds_at_most, &wait, 10000));

  /* The others stay idle past the timeout: the server closes them, they see the end. */
  wait.at_most = baseline;
  g_assert_true (chamber_test_pump_until (fds_at_most, &wait, 15000));
  for (guint i = 1; i < connections->len; i += 2)
    if (closed_by_server (g_ptr_array_index (connections, i)))
      closed++;
  g_test_message ("descriptors back to %u; %u idle clients saw the server close", count_fds (server),
                  closed);
  g_assert_cmpuint (closed, ==, connections->len / 2);

  /* And the server still answers, on a new connection kept alive as before. */
  again = connect_to (server);
  g_assert_cmpuint (get_me (again, server->admin_token, &close), ==, 200);
  g_assert_cmpuint (get_me (again, server->admin_token, &close), ==, 200);
  g_assert_false (close);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keep-alive/many-requests", test_many_requests);
  g_test_add_func ("/keep-alive/idle-reaped", test_idle_reaped);
  return g_test_run ();
}
