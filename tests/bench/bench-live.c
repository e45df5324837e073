/* bench-live.c — the live channel under a full hall (issue 5's bar: a chair's action reaches
 * 500 connected clients within 50 ms at p99, on loopback).
 *
 * Starts a real chamberd on a fresh data folder, sets up a session whose sitting has a running
 * turn, and connects 500 WebSocket clients (libsoup, in this one process, spread over a few
 * threads each with its own main context and SoupSession) to the session's live channel. The
 * chair then sends commands over HTTP — pause, resume, pause, … — one at a time, each once
 * every client has the previous event: for every event and every client the time from sending
 * the command to the event's arrival is one latency sample (p50, p99, max). Then the chair
 * sends as fast as chamberd answers, and the time until every client has every event gives
 * the sustained events per second.
 *
 * The reference, in the same run and measured by the SAME client code: a Node.js broadcast
 * server with the `ws` package (tests/bench/ws-broadcast.js), where a POST /broadcast sends its
 * body to every WebSocket client. `ws` is installed with npm into a cache folder under the
 * build folder on first use; when node or npm is not there, the reference is "not measured"
 * and the benchmark still runs. Prints a table; exits 1 when the bar is missed.
 *
 * Usage: bench-live [--clients N] [--events N] [--threads N] */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>

#include "chamber-client.h"
#include "chamber-test-util.h"

#define BAR_P99_MS        50.0
#define EVENT_TIMEOUT_US  (10 * G_USEC_PER_SEC)
#define CONNECT_TIMEOUT_S 120

typedef struct _Run Run;

typedef struct {
  Run          *run;
  guint         first;      /* index of its first client */
  guint         count;
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupSession  *soup;
  GPtrArray    *connections;
} Worker;

typedef struct {
  Worker *worker;
  guint   index;
} ClientSlot;

struct _Run {
  const char *url;          /* ws:// address the clients connect to */
  const char *token;        /* NULL: none */
  guint       n_clients;
  guint       n_events;     /* both phases */
  gint64      base_seq;     /* the number before the first measured event */
  gint64     *arrivals;     /* n_events × n_clients, monotonic µs */
  gint       *received;     /* per event */
  gint        connected;
  gint        failed;
  Worker     *workers;
  guint       n_workers;
};

typedef struct {
  gboolean measured;
  double   p50_ms, p99_ms, max_ms;
  double   events_per_s;
  guint    lost;
} Result;

/* ---- Clients ------------------------------------------------------------------------------ */

static void
message_cb (SoupWebsocketConnection *conn,
            gint                     type,
            GBytes                  *message,
            gpointer                 user_data)
{
  gint64 now = g_get_monotonic_time ();
  ClientSlot *slot = user_data;
  Run *run = slot->worker->run;
  gsize size = 0;
  const char *data = g_bytes_get_data (message, &size);
  g_autofree char *text = g_strndup (data, MIN (size, 256));
  const char *seq_text;
  gint64 seq, index;

  if (strstr (text, "\"control\"") != NULL || (seq_text = strstr (text, "\"seq\":")) == NULL)
    return;
  seq = g_ascii_strtoll (seq_text + 6, NULL, 10);
  index = seq - run->base_seq - 1;
  if (index < 0 || index >= run->n_events)
    return;
  run->arrivals[index * run->n_clients + slot->index] = now;
  g_atomic_int_inc (&run->received[index]);
}

static void
slot_free (gpointer data, GClosure *closure)
{
  g_free (data);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ClientSlot *slot = user_data;
  g_autoptr (GError) error = NULL;
  SoupWebsocketConnection *conn = soup_session_websocket_connect_finish (SOUP_SESSION (source),
                                                                         result, &error);

  if (conn == NULL)
    {
      if (g_atomic_int_add (&slot->worker->run->failed, 1) == 0)
        fprintf (stderr, "bench-live: a client could not connect: %s\n", error->message);
      return;
    }
  g_signal_connect_data (conn, "message", G_CALLBACK (message_cb), slot,
                         slot_free, 0);
  g_ptr_array_add (slot->worker->connections, conn);
  g_atomic_int_inc (&slot->worker->run->connected);
}

static gboolean
connect_all_cb (gpointer data)
{
  Worker *worker = data;
  Run *run = worker->run;

  for (guint i = 0; i < worker->count; i++)
    {
      SoupMessage *msg = soup_message_new ("GET", run->url);
      ClientSlot *slot = g_new0 (ClientSlot, 1);

      slot->worker = worker;
      slot->index = worker->first + i;
      if (run->token != NULL)
        {
          g_autofree char *header = g_strdup_printf ("Bearer %s", run->token);

          soup_message_headers_replace (soup_message_get_request_headers (msg),
                                        "Authorization", header);
        }
      soup_session_websocket_connect_async (worker->soup, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                            NULL, connected_cb, slot);
      g_object_unref (msg);
    }
  return G_SOURCE_REMOVE;
}

static gpointer
worker_main (gpointer data)
{
  Worker *worker = data;
  GSource *source;

  g_main_context_push_thread_default (worker->context);
  worker->soup = g_object_new (SOUP_TYPE_SESSION, "max-conns", 4096, "max-conns-per-host", 4096,
                               "timeout", 60, NULL);
  source = g_idle_source_new ();
  g_source_set_callback (source, connect_all_cb, worker, NULL);
  g_source_attach (source, worker->context);
  g_source_unref (source);
  g_main_loop_run (worker->loop);

  for (guint i = 0; i < worker->connections->len; i++)
    {
      SoupWebsocketConnection *conn = g_ptr_array_index (worker->connections, i);

      g_signal_handlers_disconnect_matched (conn, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, message_cb,
                                            NULL);
    }
  g_ptr_array_set_size (worker->connections, 0);
  g_clear_object (&worker->soup);
  while (g_main_context_iteration (worker->context, FALSE))
    ;
  g_main_context_pop_thread_default (worker->context);
  return NULL;
}

static void
connection_free (gpointer data)
{
  SoupWebsocketConnection *conn = data;

  if (soup_websocket_connection_get_state (conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_object_unref (conn);
}

static gboolean
start_clients (Run *run, guint n_threads)
{
  gint64 deadline = g_get_monotonic_time () + CONNECT_TIMEOUT_S * G_USEC_PER_SEC;

  run->arrivals = g_new0 (gint64, (gsize) run->n_events * run->n_clients);
  run->received = g_new0 (gint, run->n_events);
  run->n_workers = n_threads;
  run->workers = g_new0 (Worker, n_threads);
  for (guint t = 0; t < n_threads; t++)
    {
      Worker *worker = &run->workers[t];

      worker->run = run;
      worker->first = run->n_clients * t / n_threads;
      worker->count = run->n_clients * (t + 1) / n_threads - worker->first;
      worker->context = g_main_context_new ();
      worker->loop = g_main_loop_new (worker->context, FALSE);
      worker->connections = g_ptr_array_new_with_free_func (connection_free);
      worker->thread = g_thread_new ("bench-live-clients", worker_main, worker);
    }
  while (g_atomic_int_get (&run->connected) + g_atomic_int_get (&run->failed)
         < (gint) run->n_clients)
    {
      if (g_get_monotonic_time () > deadline)
        break;
      g_usleep (2000);
    }
  return g_atomic_int_get (&run->connected) == (gint) run->n_clients;
}

static void
stop_clients (Run *run)
{
  for (guint t = 0; t < run->n_workers; t++)
    g_main_loop_quit (run->workers[t].loop);
  for (guint t = 0; t < run->n_workers; t++)
    {
      Worker *worker = &run->workers[t];

      g_thread_join (worker->thread);
      g_ptr_array_unref (worker->connections);
      g_main_loop_unref (worker->loop);
      g_main_context_unref (worker->context);
    }
  g_clear_pointer (&run->workers, g_free);
  g_clear_pointer (&run->arrivals, g_free);
  g_clear_pointer (&run->received, g_free);
}

/* ---- Measuring ---------------------------------------------------------------------------- */

/* Sends the command of event @index (a POST of @body to @url); returns when it was answered. */
typedef gboolean (*SendFunc) (gpointer data, guint index, GError **error);

static gboolean
wait_event (Run *run, guint index)
{
  gint64 deadline = g_get_monotonic_time () + EVENT_TIMEOUT_US;

  while (g_atomic_int_get (&run->received[index]) < (gint) run->n_clients)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (50);
    }
  return TRUE;
}

static int
compare_gint64 (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

/* The first half of the events one at a time (latency), the second half back to back
 * (throughput). */
static gboolean
measure (Run *run, SendFunc send, gpointer data, Result *result)
{
  guint half = run->n_events / 2;
  g_autofree gint64 *sent = g_new0 (gint64, run->n_events);
  g_autoptr (GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                  half * run->n_clients);
  g_autoptr (GError) error = NULL;
  gint64 start, end = 0;

  for (guint e = 0; e < half; e++)
    {
      sent[e] = g_get_monotonic_time ();
      if (!send (data, e, &error))
        {
          fprintf (stderr, "bench-live: command %u refused: %s\n", e, error->message);
          return FALSE;
        }
      if (!wait_event (run, e))
        result->lost++;
    }
  for (guint e = 0; e < half; e++)
    for (guint c = 0; c < run->n_clients; c++)
      {
        gint64 at = run->arrivals[(gsize) e * run->n_clients + c];

        if (at != 0)
          {
            gint64 latency = at - sent[e];

            g_array_append_val (samples, latency);
          }
      }
  g_array_sort (samples, compare_gint64);
  if (samples->len == 0)
    return FALSE;
  result->p50_ms = g_array_index (samples, gint64, samples->len / 2) / 1000.0;
  result->p99_ms = g_array_index (samples, gint64, (gsize) (samples->len * 0.99)) / 1000.0;
  result->max_ms = g_array_index (samples, gint64, samples->len - 1) / 1000.0;

  start = g_get_monotonic_time ();
  for (guint e = half; e < run->n_events; e++)
    if (!send (data, e, &error))
      {
        fprintf (stderr, "bench-live: command %u refused: %s\n", e, error->message);
        return FALSE;
      }
  for (guint e = half; e < run->n_events; e++)
    if (!wait_event (run, e))
      result->lost++;
  for (guint e = half; e < run->n_events; e++)
    for (guint c = 0; c < run->n_clients; c++)
      end = MAX (end, run->arrivals[(gsize) e * run->n_clients + c]);
  result->events_per_s = (run->n_events - half) / ((end - start) / (double) G_USEC_PER_SEC);
  result->measured = TRUE;
  return TRUE;
}

/* ---- chamberd ----------------------------------------------------------------------------- */

typedef struct {
  ChamberClient *chair;
  gint64         session;
} Chamber;

static gboolean
chamber_send (gpointer data, guint index, GError **error)
{
  Chamber *chamber = data;
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/live/commands",
                                           (long long) chamber->session);
  g_autoptr (JsonNode) body = json_from_string (index % 2 == 0 ? "{\"type\":\"pause\"}"
                                                               : "{\"type\":\"resume\"}",
                                                NULL);
  g_autoptr (JsonNode) answer = chamber_client_request_json (chamber->chair, "POST", path, body,
                                                             NULL, NULL, error);

  return answer != NULL;
}

static gint64
command (ChamberClient *client, gint64 session, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/live/commands",
                                           (long long) session);
  g_autoptr (JsonNode) body = json_from_string (json, NULL);
  g_autoptr (JsonNode) answer = chamber_client_request_json (client, "POST", path, body, NULL,
                                                             NULL, &error);

  if (answer == NULL)
    g_error ("bench-live: %s: %s", json, error->message);
  return json_object_get_int_member (json_object_get_object_member (json_node_get_object (answer),
                                                                    "event"),
                                     "seq");
}

static ChamberClient *
person (ChamberClient *admin, const char *url, const char *name, ChamberRole role,
        gint64 *out_id, char **out_token)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberPerson) p = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autofree char *token = NULL;
  ChamberClient *client;

  p->name = g_strdup (name);
  p->role = role;
  added = chamber_client_add_person (admin, p, NULL, &error);
  if (added == NULL)
    g_error ("bench-live: %s", error->message);
  token = chamber_client_issue_token (admin, added->id, NULL, NULL, &error);
  if (token == NULL)
    g_error ("bench-live: %s", error->message);
  client = chamber_client_new (url, token, &error);
  if (out_id != NULL)
    *out_id = added->id;
  if (out_token != NULL)
    *out_token = g_steal_pointer (&token);
  return client;
}

static void
bench_chamberd (guint n_clients, guint n_events, guint n_threads, Result *result)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberClient) admin = chamber_client_new (server->url, server->admin_token, &error);
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) added = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) added_item = NULL;
  g_autoptr (ChamberClient) chair = NULL;
  g_autoptr (ChamberClient) delegate = NULL;
  g_autoptr (ChamberClient) hall = NULL;
  g_autofree char *hall_token = NULL;
  g_autofree char *url = NULL;
  g_autofree char *json = NULL;
  gint64 official = 0;
  Chamber chamber = { 0 };
  Run run = { 0 };

  session->number = 10;
  session->title = g_strdup ("Kỳ họp thứ mười");
  added = chamber_client_create_session (admin, session, NULL, &error);
  g_assert_no_error (error);
  item->session_id = added->id;
  item->title = g_strdup ("Chất vấn và trả lời chất vấn");
  item->position = -1;
  added_item = chamber_client_add_item (admin, item, NULL, &error);
  g_assert_no_error (error);
  chair = person (admin, server->url, "Chủ tọa", CHAMBER_ROLE_CHAIR, NULL, NULL);
  delegate = person (admin, server->url, "Đại biểu", CHAMBER_ROLE_DELEGATE, NULL, NULL);
  hall = person (admin, server->url, "Màn hình hội trường", CHAMBER_ROLE_DELEGATE, NULL,
                 &hall_token);
  g_object_unref (person (admin, server->url, "Giám đốc Sở", CHAMBER_ROLE_OFFICIAL, &official,
                          NULL));

  command (chair, added->id, json = g_strdup_printf ("{\"type\":\"open-item\",\"item\":%lld}",
                                                     (long long) added_item->id));
  g_free (json);
  command (delegate, added->id,
           json = g_strdup_printf ("{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\","
                                   "\"to\":%lld,\"topic\":\"Đất đai\"}",
                                   (long long) added_item->id, (long long) official));
  run.base_seq = command (chair, added->id, "{\"type\":\"grant\",\"request\":1}");

  url = g_strdup_printf ("%s/api/v1/live/events?session=%lld&after=%lld", server->url,
                         (long long) added->id, (long long) run.base_seq);
  memcpy (url, "ws", 2);
  run.url = url;
  run.token = hall_token;
  run.n_clients = n_clients;
  run.n_events = n_events;
  chamber.chair = chair;
  chamber.session = added->id;
  fprintf (stderr, "bench-live: connecting %u clients to chamberd…\n", n_clients);
  if (!start_clients (&run, n_threads))
    fprintf (stderr, "bench-live: only %d of %u clients connected to chamberd\n",
             g_atomic_int_get (&run.connected), n_clients);
  else
    {
      fprintf (stderr, "bench-live: measuring chamberd (%u events)…\n", n_events);
      measure (&run, chamber_send, &chamber, result);
    }
  stop_clients (&run);
}

/* ---- Node.js ws --------------------------------------------------------------------------- */

typedef struct {
  SoupSession *soup;
  char        *url;
  gint64       base_seq;
} Node;

static gboolean
node_send (gpointer data, guint index, GError **error)
{
  Node *node = data;
  g_autoptr (SoupMessage) msg = soup_message_new ("POST", node->url);
  g_autoptr (GBytes) answer = NULL;
  /* Shaped like a chamberd event of the same command. */
  g_autofree char *body =
    g_strdup_printf ("{\"seq\":%lld,\"at\":%lld,\"type\":\"%s\",\"actor\":2,\"role\":\"chair\"}",
                     (long long) (node->base_seq + index + 1),
                     (long long) (g_get_real_time () / 1000), index % 2 ? "resume" : "pause");
  g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));

  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  answer = soup_session_send_and_read (node->soup, msg, NULL, error);
  if (answer == NULL)
    return FALSE;
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "HTTP %u",
                   soup_message_get_status (msg));
      return FALSE;
    }
  return TRUE;
}

/* `ws` in @cache (installed with npm when missing); its version, or NULL with the reason. */
static char *
ensure_ws (const char *cache, char **out_reason)
{
  g_autofree char *package = g_build_filename (cache, "node_modules", "ws", "package.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (!g_file_test (package, G_FILE_TEST_EXISTS))
    {
      const char *argv[] = { "npm", "install", "--prefix", cache, "--no-audit", "--no-fund",
                             "--no-save", "--loglevel=error", "ws@8", NULL };
      g_autofree char *out = NULL, *err = NULL;
      int status;

      if (g_find_program_in_path ("npm") == NULL)
        {
          *out_reason = g_strdup ("npm is not installed");
          return NULL;
        }
      g_mkdir_with_parents (cache, 0755);
      fprintf (stderr, "bench-live: installing ws with npm into %s…\n", cache);
      status = chamber_test_run (argv, NULL, &out, &err);
      if (status != 0 || !g_file_test (package, G_FILE_TEST_EXISTS))
        {
          *out_reason = g_strdup_printf ("npm install ws failed (%d): %s", status,
                                         err != NULL ? g_strstrip (err) : "");
          return NULL;
        }
    }
  if (!g_file_get_contents (package, &text, NULL, NULL)
      || !json_parser_load_from_data (parser, text, -1, NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      *out_reason = g_strdup ("ws/package.json cannot be read");
      return NULL;
    }
  return g_strdup (json_object_get_string_member_with_default (
    json_node_get_object (json_parser_get_root (parser)), "version", "?"));
}

static void
bench_node (guint n_clients, guint n_events, guint n_threads, Result *result,
            char **out_version, char **out_node_version, char **out_reason)
{
  const char *cache = g_getenv ("CHAMBER_BENCH_CACHE");
  const char *scripts = g_getenv ("CHAMBER_BENCH_SCRIPTS");
  g_autofree char *node_path = NULL;
  g_autofree char *script = NULL;
  g_autofree char *modules = NULL;
  g_autofree char *line = NULL;
  g_autofree char *ws_url = NULL;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autoptr (GError) error = NULL;
  Node node = { 0 };
  Run run = { 0 };

  if (cache == NULL || scripts == NULL)
    {
      *out_reason = g_strdup ("CHAMBER_BENCH_CACHE or CHAMBER_BENCH_SCRIPTS is not set");
      return;
    }
  node_path = g_find_program_in_path ("node");
  if (node_path == NULL)
    {
      *out_reason = g_strdup ("node is not installed");
      return;
    }
  {
    const char *version_argv[] = { node_path, "--version", NULL };
    char *version = NULL;

    if (chamber_test_run (version_argv, NULL, &version, NULL) == 0 && version != NULL)
      *out_node_version = g_strdup (g_strstrip (version));
    g_free (version);
  }
  *out_version = ensure_ws (cache, out_reason);
  if (*out_version == NULL)
    return;

  script = g_build_filename (scripts, "ws-broadcast.js", NULL);
  modules = g_build_filename (cache, "node_modules", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_setenv (launcher, "NODE_PATH", modules, TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, node_path, script, NULL);
  if (process == NULL)
    {
      *out_reason = g_strdup_printf ("node did not start: %s", error->message);
      return;
    }
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  if (line == NULL || !g_str_has_prefix (line, "listening on http://"))
    {
      *out_reason = g_strdup_printf ("ws-broadcast.js did not start: %s",
                                     error != NULL ? error->message : line ? line : "no output");
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
      return;
    }
  node.soup = soup_session_new ();
  node.url = g_strdup_printf ("%s/broadcast", line + strlen ("listening on "));
  ws_url = g_strdup_printf ("ws%s/", line + strlen ("listening on http"));
  run.url = ws_url;
  run.n_clients = n_clients;
  run.n_events = n_events;
  fprintf (stderr, "bench-live: connecting %u clients to node ws %s…\n", n_clients,
           *out_version);
  if (!start_clients (&run, n_threads))
    *out_reason = g_strdup_printf ("only %d of %u clients connected",
                                   g_atomic_int_get (&run.connected), n_clients);
  else
    {
      fprintf (stderr, "bench-live: measuring node ws (%u events)…\n", n_events);
      measure (&run, node_send, &node, result);
    }
  stop_clients (&run);
  g_object_unref (node.soup);
  g_free (node.url);
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
}

/* ---- The table ---------------------------------------------------------------------------- */

static void
row (const char *measure, const char *unit, double chamber, const Result *reference,
     double reference_value, const char *bar, const char *verdict)
{
  g_autofree char *ref = reference->measured ? g_strdup_printf ("%.2f %s", reference_value, unit)
                                             : g_strdup ("not measured");
  g_autofree char *ratio = reference->measured && reference_value > 0
                             ? g_strdup_printf ("%.2f×", chamber / reference_value)
                             : g_strdup ("–");
  g_autofree char *value = g_strdup_printf ("%.2f %s", chamber, unit);

  printf ("| %-32s | %14s | %16s | %7s | %10s | %-6s |\n", measure, value, ref, ratio, bar,
          verdict);
}

int
main (int argc, char **argv)
{
  int clients = 500, events = 400, threads = 2;
  g_autoptr (GOptionContext) context = g_option_context_new ("— the live channel under 500 clients");
  g_autoptr (GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *node_version = NULL;
  g_autofree char *reference_lost = NULL;
  g_autofree char *reason = NULL;
  Result chamber = { 0 }, reference = { 0 };
  struct rlimit limit;
  gboolean pass;
  const GOptionEntry entries[] = {
    { "clients", 0, 0, G_OPTION_ARG_INT, &clients, "WebSocket clients (500)", "N" },
    { "events", 0, 0, G_OPTION_ARG_INT, &events,
      "Events in all: half one at a time, half back to back (400)", "N" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, "Client threads (2)", "N" },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-live: %s\n", error->message);
      return 2;
    }
  if (clients < 1 || events < 2 || threads < 1 || threads > clients)
    {
      fprintf (stderr, "bench-live: --clients, --events (≥ 2) and --threads must be positive\n");
      return 2;
    }
  /* Two sockets per client in this process and chamberd (which inherits the limit). */
  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      setrlimit (RLIMIT_NOFILE, &limit);
    }

  bench_chamberd (clients, events, threads, &chamber);
  bench_node (clients, events, threads, &reference, &version, &node_version, &reason);
  reference_lost = reference.measured ? g_strdup_printf ("%u", reference.lost)
                                      : g_strdup ("not measured");

  pass = chamber.measured && chamber.lost == 0 && chamber.p99_ms < BAR_P99_MS;
  printf ("\nLive channel: %d WebSocket clients on loopback, %d chair commands (pause/resume): "
          "%d one at a time, %d back to back; reference: Node.js %s with ws %s "
          "(tests/bench/ws-broadcast.js), same clients\n\n",
          clients, events, events / 2, events - events / 2,
          node_version != NULL ? node_version : "(none)",
          version != NULL ? version : "(not measured)");
  printf ("| %-32s | %14s | %16s | %7s | %10s | %-6s |\n", "measure", "chamberd",
          "reference (ws)", "ratio", "bar", "result");
  printf ("|----------------------------------|----------------|------------------|---------|"
          "------------|--------|\n");
  if (chamber.measured)
    {
      row ("latency p50, command to client", "ms", chamber.p50_ms, &reference, reference.p50_ms,
           "", "");
      row ("latency p99, command to client", "ms", chamber.p99_ms, &reference, reference.p99_ms,
           "< 50 ms", pass ? "PASS" : "FAIL");
      row ("latency max", "ms", chamber.max_ms, &reference, reference.max_ms, "", "");
      row ("sustained events/s (to all)", "/s", chamber.events_per_s, &reference,
           reference.events_per_s, "", "");
      printf ("| %-32s | %14u | %16s | %7s | %10s | %-6s |\n", "events lost", chamber.lost,
              reference_lost, "",
              "0", chamber.lost == 0 ? "PASS" : "FAIL");
    }
  else
    printf ("| %-32s | %14s | %16s | %7s | %10s | %-6s |\n", "chamberd", "not measured", "", "",
            "", "FAIL");
  if (reason != NULL)
    printf ("\nreference not measured: %s\n", reason);
  printf ("live: %s (p99 %.2f ms, bar %.0f ms)\n", pass ? "pass" : "FAIL", chamber.p99_ms,
          BAR_P99_MS);
  return pass ? 0 : 1;
}
