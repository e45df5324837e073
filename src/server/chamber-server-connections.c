/* chamber-server-connections.c — chamberd keeps HTTP connections alive between requests and
 * reaps the idle ones itself.
 *
 * libsoup 3.2 (Debian 12 ships 3.2.3) reads the end of a kept-alive connection that its client
 * closed between two requests, then stops watching the socket without closing it: the file
 * descriptor stays open in CLOSE_WAIT for good (fixed upstream in libsoup 3.3 by commit
 * d20c6601). So chamberd watches every connection itself: a request arriving marks its socket
 * busy, an answer finished marks it idle. Once a second the reaper shuts down the sockets idle
 * for longer than the idle timeout and those whose client has hung up (a zero-byte peek), and
 * the idle ones beyond a cap, oldest first; libsoup then reads the end of the stream and lets go
 * of the socket, and a moment later the reaper closes it, which gives the descriptor back.
 * Shutting down first and closing after means libsoup never polls a descriptor number that was
 * closed under it. WebSocket connections (the live channel) are never reaped here. */
#include "config.h"

#include <errno.h>
#include <sys/socket.h>

#include "chamber-server-private.h"

/* How often the reaper looks, and how soon it closes what it shut down. */
#define REAP_INTERVAL_MS 1000
#define CLOSE_DELAY_MS 50

typedef struct
{
  GSocket *socket;
  gint64   idle_since;  /* monotonic µs; 0 while a request is in flight */
  gboolean shut;        /* shut down; closed at the next pass */
  gboolean exempt;      /* a WebSocket: its owner closes it */
} Connection;

static void
connection_free (Connection *connection)
{
  g_object_unref (connection->socket);
  g_free (connection);
}

/* TRUE when the client closed its end: the socket reads as ended (no byte is consumed). */
static gboolean
peer_closed (GSocket *socket)
{
  char byte;
  gssize n;

  if ((g_socket_condition_check (socket, G_IO_IN | G_IO_HUP | G_IO_ERR) & (G_IO_IN | G_IO_HUP
                                                                           | G_IO_ERR)) == 0)
    return FALSE;
  n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  return n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR);
}

static void
shut (Connection *connection)
{
  if (connection->shut)
    return;
  connection->shut = TRUE;
  g_socket_shutdown (connection->socket, TRUE, TRUE, NULL);
}

static gboolean close_shut_cb (gpointer user_data);

static void
schedule_close (ChamberServer *self)
{
  if (self->connections_close_id == 0)
    self->connections_close_id = g_timeout_add (CLOSE_DELAY_MS, close_shut_cb, self);
}

/* Closes the sockets shut down before (libsoup has read their end meanwhile) and forgets those
 * closed by libsoup itself. */
static void
close_shut (ChamberServer *self)
{
  GHashTableIter iter;
  Connection *connection;

  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &connection))
    {
      if (g_socket_is_closed (connection->socket))
        g_hash_table_iter_remove (&iter);
      else if (connection->shut)
        {
          g_socket_close (connection->socket, NULL);
          g_hash_table_iter_remove (&iter);
        }
    }
}

static gboolean
close_shut_cb (gpointer user_data)
{
  ChamberServer *self = user_data;

  self->connections_close_id = 0;
  close_shut (self);
  return G_SOURCE_REMOVE;
}

static int
compare_idle_since (gconstpointer a,
                    gconstpointer b)
{
  const Connection *first = *(Connection *const *) a;
  const Connection *second = *(Connection *const *) b;

  return first->idle_since < second->idle_since ? -1 : first->idle_since > second->idle_since;
}

/* Shuts down the oldest idle connections beyond the cap. */
static void
enforce_cap (ChamberServer *self)
{
  g_autoptr (GPtrArray) idle = g_ptr_array_new ();
  GHashTableIter iter;
  Connection *connection;

  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &connection))
    if (!connection->exempt && !connection->shut && connection->idle_since != 0
        && !g_socket_is_closed (connection->socket))
      g_ptr_array_add (idle, connection);
  if (idle->len <= self->max_idle_connections)
    return;
  g_ptr_array_sort (idle, compare_idle_since);
  for (guint i = 0; i < idle->len - self->max_idle_connections; i++)
    shut (g_ptr_array_index (idle, i));
  schedule_close (self);
}

static gboolean
reap_cb (gpointer user_data)
{
  ChamberServer *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 timeout = (gint64) self->idle_timeout_seconds * G_USEC_PER_SEC;
  GHashTableIter iter;
  Connection *connection;
  gboolean any_shut = FALSE;

  close_shut (self);
  g_hash_table_iter_init (&iter, self->connections);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &connection))
    {
      if (connection->exempt || connection->idle_since == 0)
        continue;
      if (now - connection->idle_since >= timeout || peer_closed (connection->socket))
        {
          shut (connection);
          any_shut = TRUE;
        }
    }
  enforce_cap (self);
  if (any_shut)
    schedule_close (self);
  return G_SOURCE_CONTINUE;
}

static Connection *
lookup (ChamberServer     *self,
        SoupServerMessage *msg)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  Connection *connection;

  if (socket == NULL)
    return NULL;
  connection = g_hash_table_lookup (self->connections, socket);
  if (connection == NULL)
    {
      connection = g_new0 (Connection, 1);
      connection->socket = g_object_ref (socket);
      g_hash_table_insert (self->connections, socket, connection);
    }
  return connection;
}

static void
request_done_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 gpointer           user_data)
{
  ChamberServer *self = user_data;
  Connection *connection = lookup (self, msg);

  if (connection == NULL || connection->exempt)
    return;
  connection->idle_since = MAX (g_get_monotonic_time (), 1);
  if (g_hash_table_size (self->connections) > self->max_idle_connections)
    enforce_cap (self);
}

void
chamber_server_connections_init (ChamberServer *self)
{
  self->connections = g_hash_table_new_full (NULL, NULL, NULL,
                                             (GDestroyNotify) connection_free);
  if (self->idle_timeout_seconds == 0)
    self->idle_timeout_seconds = CHAMBER_SERVER_DEFAULT_IDLE_TIMEOUT;
  if (self->max_idle_connections == 0)
    self->max_idle_connections = CHAMBER_SERVER_DEFAULT_MAX_IDLE;
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_done_cb), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (request_done_cb), self);
  self->connections_reap_id = g_timeout_add (REAP_INTERVAL_MS, reap_cb, self);
}

void
chamber_server_connections_request_started (ChamberServer     *self,
                                            SoupServerMessage *msg,
                                            gboolean           websocket)
{
  Connection *connection = lookup (self, msg);

  if (connection == NULL)
    return;
  connection->idle_since = 0;
  if (websocket)
    connection->exempt = TRUE;
}

void
chamber_server_connections_clear (ChamberServer *self)
{
  g_clear_handle_id (&self->connections_reap_id, g_source_remove);
  g_clear_handle_id (&self->connections_close_id, g_source_remove);
  if (self->soup != NULL)
    g_signal_handlers_disconnect_by_func (self->soup, request_done_cb, self);
  g_clear_pointer (&self->connections, g_hash_table_unref);
}

void
chamber_server_set_idle_timeout (ChamberServer *self,
                                 guint          seconds)
{
  g_return_if_fail (CHAMBER_IS_SERVER (self));

  self->idle_timeout_seconds = seconds > 0 ? seconds : CHAMBER_SERVER_DEFAULT_IDLE_TIMEOUT;
}
