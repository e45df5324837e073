/* chamber-fault-proxy.c — see chamber-fault-proxy.h.
 *
 * One thread accepts; each accepted connection gets a thread that reads the request head,
 * decides (under the proxy's lock) which rule fires, and then either answers by itself or opens
 * a connection to the upstream server, sends the head with "Connection: close" and copies bytes
 * both ways (the client's side on a second thread) until the answer ends or the rule breaks it.
 * Blocking I/O throughout, each wait cancellable, so chamber_fault_proxy_free() ends everything. */
#include "chamber-fault-proxy.h"

#include <string.h>
#include <sys/socket.h>

#define MAX_HEAD   (64 * 1024)
#define BUFFER_LEN (64 * 1024)

typedef struct
{
  ChamberFaultKind kind;
  char *path_prefix;
  guint nth;
  gint64 after_bytes;
  guint seen;
} Rule;

struct _ChamberFaultProxy
{
  GSocket *listener;
  char *url;
  GThread *accept_thread;
  GCancellable *cancellable;  /* cancelled when the proxy stops */

  GMutex lock;
  GCond cond;
  char *upstream_host;
  guint16 upstream_port;
  GPtrArray *rules;          /* Rule */
  GPtrArray *paths;          /* char *: the path of every request received */
  GPtrArray *threads;        /* GThread: connection threads, joined when the proxy stops */
  guint faults;
  guint stalled;
  guint release_generation;
  gboolean stopping;
};

typedef struct
{
  ChamberFaultProxy *proxy;
  GSocket *client;
  GSocket *upstream;
  GCancellable *pump_cancellable;
} Connection;

static void
rule_free (Rule *rule)
{
  g_free (rule->path_prefix);
  g_free (rule);
}

static void
parse_upstream (const char *url, char **out_host, guint16 *out_port)
{
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GError) error = NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_uri_get_scheme (uri), ==, "http");
  g_assert_cmpint (g_uri_get_port (uri), >, 0);
  *out_host = g_strdup (g_uri_get_host (uri));
  *out_port = (guint16) g_uri_get_port (uri);
}

static gboolean
send_all (GSocket *socket, const char *data, gsize len, GCancellable *cancellable)
{
  while (len > 0)
    {
      gssize n = g_socket_send (socket, data, len, cancellable, NULL);

      if (n <= 0)
        return FALSE;
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* Ends @socket with a reset: SO_LINGER 0 makes close(2) send RST and drop unsent bytes. */
static void
close_with_reset (GSocket *socket)
{
  struct linger linger = { 1, 0 };

  setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
  g_socket_close (socket, NULL);
}

/* Ends @socket with FIN after what was sent. */
static void
close_gracefully (GSocket *socket)
{
  g_socket_shutdown (socket, FALSE, TRUE, NULL);
  g_socket_close (socket, NULL);
}

/* Reads until the end of the request head; returns the head and the bytes after it in @rest. */
static GString *
read_head (Connection *connection, GByteArray *rest)
{
  g_autoptr (GString) head = g_string_new (NULL);
  char buffer[4096];

  for (;;)
    {
      const char *end = strstr (head->str, "\r\n\r\n");
      gssize n;

      if (end != NULL)
        {
          gsize head_len = (gsize) (end - head->str) + 4;

          g_byte_array_append (rest, (const guint8 *) head->str + head_len,
                               (guint) (head->len - head_len));
          g_string_truncate (head, head_len);
          return g_steal_pointer (&head);
        }
      if (head->len > MAX_HEAD)
        return NULL;
      n = g_socket_receive (connection->client, buffer, sizeof buffer - 1,
                            connection->proxy->cancellable, NULL);
      if (n <= 0)
        return NULL;
      /* A NUL in a request head ends the string view: such a request is not HTTP anyway. */
      g_string_append_len (head, buffer, n);
      if (memchr (buffer, '\0', (gsize) n) != NULL)
        return NULL;
    }
}

/* The head with every Connection / Keep-Alive field replaced by "Connection: close". */
static GString *
rewrite_head (const GString *head)
{
  g_auto (GStrv) lines = g_strsplit (head->str, "\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      if (i > 0 && (g_ascii_strncasecmp (lines[i], "connection:", 11) == 0
                    || g_ascii_strncasecmp (lines[i], "keep-alive:", 11) == 0))
        continue;
      g_string_append (out, lines[i]);
      g_string_append (out, "\r\n");
    }
  g_string_append (out, "Connection: close\r\n\r\n");
  return out;
}

static char *
request_path (const GString *head)
{
  const char *space = strchr (head->str, ' ');
  const char *end;

  if (space == NULL)
    return g_strdup ("");
  end = strpbrk (space + 1, " \r\n");
  return g_strndup (space + 1, end != NULL ? (gsize) (end - space - 1) : strlen (space + 1));
}

/* Records the request and returns a copy of the rule that fires for it, or NULL. */
static Rule *
match_rule (ChamberFaultProxy *proxy, const char *path)
{
  Rule *fired = NULL;

  g_mutex_lock (&proxy->lock);
  g_ptr_array_add (proxy->paths, g_strdup (path));
  for (guint i = 0; i < proxy->rules->len; i++)
    {
      Rule *rule = g_ptr_array_index (proxy->rules, i);

      if (rule->path_prefix != NULL && !g_str_has_prefix (path, rule->path_prefix))
        continue;
      rule->seen++;
      if (fired == NULL && (rule->nth == 0 || rule->seen == rule->nth))
        {
          fired = g_memdup2 (rule, sizeof *rule);
          fired->path_prefix = NULL;
          proxy->faults++;
        }
    }
  g_mutex_unlock (&proxy->lock);
  return fired;
}

/* The client's bytes (a request body, if any) to the upstream server until cancelled. */
static gpointer
pump_request_thread (gpointer data)
{
  Connection *connection = data;
  g_autofree char *buffer = g_malloc (BUFFER_LEN);

  for (;;)
    {
      gssize n = g_socket_receive (connection->client, buffer, BUFFER_LEN,
                                   connection->pump_cancellable, NULL);

      if (n <= 0 || !send_all (connection->upstream, buffer, (gsize) n,
                               connection->pump_cancellable))
        break;
    }
  return NULL;
}

static void
answer_instead (Connection *connection, ChamberFaultKind kind)
{
  static const char body_500[] = "Internal Server Error\n";
  static const char garbage[] = "\x16\x03\x01\x02\x00 this is \xff\xfe not HTTP {{{\r\n\r\n"
                                "\x00\x01\x02\x03 garbage garbage garbage\r\n";
  g_autofree char *answer = NULL;

  if (kind == CHAMBER_FAULT_STATUS_500)
    {
      answer = g_strdup_printf ("HTTP/1.1 500 Internal Server Error\r\n"
                                "Content-Type: text/plain\r\n"
                                "Content-Length: %zu\r\n"
                                "Connection: close\r\n\r\n%s",
                                strlen (body_500), body_500);
      send_all (connection->client, answer, strlen (answer), connection->proxy->cancellable);
    }
  else
    send_all (connection->client, garbage, sizeof garbage - 1, connection->proxy->cancellable);
  close_gracefully (connection->client);
}

/* Holds a stalled answer until chamber_fault_proxy_release() or the proxy stops. */
static void
stall (ChamberFaultProxy *proxy)
{
  guint generation;

  g_mutex_lock (&proxy->lock);
  generation = proxy->release_generation;
  proxy->stalled++;
  g_cond_broadcast (&proxy->cond);
  while (!proxy->stopping && proxy->release_generation == generation)
    g_cond_wait (&proxy->cond, &proxy->lock);
  proxy->stalled--;
  g_mutex_unlock (&proxy->lock);
}

/* Copies the answer to the client until it ends or @rule breaks it; returns TRUE when the
 * client's connection must end with a reset. */
static gboolean
forward_answer (Connection *connection, const Rule *rule)
{
  ChamberFaultProxy *proxy = connection->proxy;
  g_autofree char *buffer = g_malloc (BUFFER_LEN);
  g_autoptr (GString) head = g_string_new (NULL);
  gboolean in_body = FALSE;
  gint64 body_sent = 0;

  for (;;)
    {
      gssize n = g_socket_receive (connection->upstream, buffer, BUFFER_LEN, proxy->cancellable,
                                   NULL);
      gsize body_start = 0;
      gsize allowed;

      if (n <= 0)
        break;
      if (!in_body)
        {
          const char *end;

          g_string_append_len (head, buffer, n);
          end = g_strstr_len (head->str, (gssize) head->len, "\r\n\r\n");
          if (end == NULL)
            {
              if (!send_all (connection->client, buffer, (gsize) n, proxy->cancellable))
                break;
              continue;
            }
          in_body = TRUE;
          /* The head ended in this chunk, (head->len - n) bytes of it came before. */
          body_start = (gsize) (end - head->str) + 4 - (head->len - (gsize) n);
        }

      allowed = (gsize) n;
      if (rule != NULL && body_sent + ((gsize) n - body_start) > (guint64) rule->after_bytes)
        allowed = body_start + (gsize) (rule->after_bytes - body_sent);
      if (!send_all (connection->client, buffer, allowed, proxy->cancellable))
        break;
      body_sent += (gint64) (allowed - body_start);
      if (allowed < (gsize) n)
        {
          if (rule->kind == CHAMBER_FAULT_STALL)
            stall (proxy);
          return rule->kind == CHAMBER_FAULT_RESET;
        }
    }
  return FALSE;
}

static gpointer
connection_thread (gpointer data)
{
  Connection *connection = data;
  ChamberFaultProxy *proxy = connection->proxy;
  g_autoptr (GByteArray) rest = g_byte_array_new ();
  g_autoptr (GString) head = NULL;
  g_autoptr (GString) rewritten = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autofree char *path = NULL;
  g_autofree Rule *rule = NULL;
  g_autofree char *host = NULL;
  GThread *pump = NULL;
  gboolean reset;
  guint16 port;

  head = read_head (connection, rest);
  if (head == NULL)
    {
      close_gracefully (connection->client);
      goto out;
    }
  path = request_path (head);
  rule = match_rule (proxy, path);
  if (rule != NULL
      && (rule->kind == CHAMBER_FAULT_STATUS_500 || rule->kind == CHAMBER_FAULT_GARBAGE))
    {
      answer_instead (connection, rule->kind);
      goto out;
    }

  g_mutex_lock (&proxy->lock);
  host = g_strdup (proxy->upstream_host);
  port = proxy->upstream_port;
  g_mutex_unlock (&proxy->lock);
  address = g_inet_socket_address_new_from_string (host, port);
  connection->upstream = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                       G_SOCKET_PROTOCOL_TCP, NULL);
  if (address == NULL || connection->upstream == NULL
      || !g_socket_connect (connection->upstream, address, proxy->cancellable, NULL))
    {
      /* The server is gone: the client sees its connection closed, as without a proxy. */
      close_gracefully (connection->client);
      goto out;
    }

  rewritten = rewrite_head (head);
  if (!send_all (connection->upstream, rewritten->str, rewritten->len, proxy->cancellable)
      || !send_all (connection->upstream, (const char *) rest->data, rest->len,
                    proxy->cancellable))
    {
      close_gracefully (connection->client);
      goto out;
    }
  pump = g_thread_new ("fault-proxy-pump", pump_request_thread, connection);
  reset = forward_answer (connection, rule);
  /* The pump reads the client's socket: it is done with it before the socket is closed. */
  g_cancellable_cancel (connection->pump_cancellable);
  g_thread_join (pump);
  if (reset)
    close_with_reset (connection->client);
  else
    close_gracefully (connection->client);

out:
  if (connection->upstream != NULL)
    g_socket_close (connection->upstream, NULL);
  g_clear_object (&connection->upstream);
  g_socket_close (connection->client, NULL);
  g_clear_object (&connection->client);
  g_clear_object (&connection->pump_cancellable);
  g_free (connection);
  return NULL;
}

static gpointer
accept_thread (gpointer data)
{
  ChamberFaultProxy *proxy = data;

  for (;;)
    {
      GSocket *client = g_socket_accept (proxy->listener, proxy->cancellable, NULL);
      Connection *connection;

      if (client == NULL)
        {
          if (g_cancellable_is_cancelled (proxy->cancellable))
            break;
          continue;
        }
      connection = g_new0 (Connection, 1);
      connection->proxy = proxy;
      connection->client = client;
      connection->pump_cancellable = g_cancellable_new ();
      g_socket_set_blocking (client, TRUE);
      g_mutex_lock (&proxy->lock);
      g_ptr_array_add (proxy->threads,
                       g_thread_new ("fault-proxy-connection", connection_thread, connection));
      g_mutex_unlock (&proxy->lock);
    }
  return NULL;
}

ChamberFaultProxy *
chamber_fault_proxy_new (const char *upstream_url)
{
  ChamberFaultProxy *proxy = g_new0 (ChamberFaultProxy, 1);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;

  g_mutex_init (&proxy->lock);
  g_cond_init (&proxy->cond);
  proxy->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) rule_free);
  proxy->paths = g_ptr_array_new_with_free_func (g_free);
  proxy->threads = g_ptr_array_new ();
  proxy->cancellable = g_cancellable_new ();
  parse_upstream (upstream_url, &proxy->upstream_host, &proxy->upstream_port);

  proxy->listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                  G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_socket_bind (proxy->listener, any, TRUE, &error);
  g_assert_no_error (error);
  g_socket_set_listen_backlog (proxy->listener, 512);
  g_socket_listen (proxy->listener, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (proxy->listener, &error);
  g_assert_no_error (error);
  proxy->url = g_strdup_printf ("http://127.0.0.1:%u",
                                g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  proxy->accept_thread = g_thread_new ("fault-proxy-accept", accept_thread, proxy);
  return proxy;
}

void
chamber_fault_proxy_free (ChamberFaultProxy *proxy)
{
  if (proxy == NULL)
    return;

  g_mutex_lock (&proxy->lock);
  proxy->stopping = TRUE;
  g_cond_broadcast (&proxy->cond);
  g_mutex_unlock (&proxy->lock);
  g_cancellable_cancel (proxy->cancellable);
  g_thread_join (proxy->accept_thread);
  /* No thread is added once the accept thread has returned. */
  for (guint i = 0; i < proxy->threads->len; i++)
    g_thread_join (g_ptr_array_index (proxy->threads, i));

  g_socket_close (proxy->listener, NULL);
  g_object_unref (proxy->listener);
  g_object_unref (proxy->cancellable);
  g_ptr_array_unref (proxy->threads);
  g_ptr_array_unref (proxy->rules);
  g_ptr_array_unref (proxy->paths);
  g_free (proxy->upstream_host);
  g_free (proxy->url);
  g_mutex_clear (&proxy->lock);
  g_cond_clear (&proxy->cond);
  g_free (proxy);
}

const char *
chamber_fault_proxy_get_url (ChamberFaultProxy *proxy)
{
  return proxy->url;
}

void
chamber_fault_proxy_set_upstream (ChamberFaultProxy *proxy, const char *upstream_url)
{
  g_autofree char *host = NULL;
  guint16 port;

  parse_upstream (upstream_url, &host, &port);
  g_mutex_lock (&proxy->lock);
  g_free (proxy->upstream_host);
  proxy->upstream_host = g_steal_pointer (&host);
  proxy->upstream_port = port;
  g_mutex_unlock (&proxy->lock);
}

void
chamber_fault_proxy_add_rule (ChamberFaultProxy *proxy, ChamberFaultKind kind,
                              const char *path_prefix, guint nth, gint64 after_bytes)
{
  Rule *rule = g_new0 (Rule, 1);

  g_assert_cmpint (after_bytes, >=, 0);
  rule->kind = kind;
  rule->path_prefix = g_strdup (path_prefix);
  rule->nth = nth;
  rule->after_bytes = after_bytes;
  g_mutex_lock (&proxy->lock);
  g_ptr_array_add (proxy->rules, rule);
  g_mutex_unlock (&proxy->lock);
}

void
chamber_fault_proxy_clear_rules (ChamberFaultProxy *proxy)
{
  g_mutex_lock (&proxy->lock);
  g_ptr_array_set_size (proxy->rules, 0);
  g_mutex_unlock (&proxy->lock);
}

guint
chamber_fault_proxy_count_requests (ChamberFaultProxy *proxy, const char *path_prefix)
{
  guint count = 0;

  g_mutex_lock (&proxy->lock);
  for (guint i = 0; i < proxy->paths->len; i++)
    if (path_prefix == NULL || g_str_has_prefix (g_ptr_array_index (proxy->paths, i),
                                                 path_prefix))
      count++;
  g_mutex_unlock (&proxy->lock);
  return count;
}

guint
chamber_fault_proxy_count_faults (ChamberFaultProxy *proxy)
{
  guint faults;

  g_mutex_lock (&proxy->lock);
  faults = proxy->faults;
  g_mutex_unlock (&proxy->lock);
  return faults;
}

gboolean
chamber_fault_proxy_wait_stalled (ChamberFaultProxy *proxy, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gboolean stalled;

  g_mutex_lock (&proxy->lock);
  while (proxy->stalled == 0 && g_cond_wait_until (&proxy->cond, &proxy->lock, deadline))
    ;
  stalled = proxy->stalled > 0;
  g_mutex_unlock (&proxy->lock);
  return stalled;
}

void
chamber_fault_proxy_release (ChamberFaultProxy *proxy)
{
  g_mutex_lock (&proxy->lock);
  proxy->release_generation++;
  g_cond_broadcast (&proxy->cond);
  g_mutex_unlock (&proxy->lock);
}
