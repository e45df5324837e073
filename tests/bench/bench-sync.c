/* bench-sync.c — how fast the sync brings a session pack, next to curl fetching the same files
 * on the same machine in the same run (issue 4's benchmark):
 *
 *   (a) from chamberd on loopback: the core sync engine (ChamberSync, as the app and chamberctl
 *       run it, --parallel downloads) vs `curl --parallel` fetching the same blob URLs with the
 *       same token and the same parallelism, into files. Chamber's time runs from the start of
 *       the run until every document is verified and in place (its progress says so); the
 *       whole run, with search indexing and previews, is reported beside it. Best of N
 *       alternating runs, each into a new folder. Bar: Chamber ≥ 90 % of curl's MB/s.
 *   (b) an unchanged session synced again: the requests the server sees (counted by a loopback
 *       proxy in front of it, tests/chamber-fault-proxy.h) and the bytes of documents. Bar: one
 *       request, no document bytes.
 *   (c) from nginx serving `chamberd export` of the session (nginx started here with a
 *       generated configuration on an ephemeral port): the core engine as in (a) vs curl from
 *       the same nginx (bar: ≥ 90 % of curl), and `chamberctl sync` as a whole command (with
 *       the indexing and previews every sync does after its downloads) beside it.
 *   (d) 200 delegates syncing a smaller session at once (threads of this process, each with its
 *       own ChamberSync and folder), from chamberd and from nginx: aggregate MB/s and errors.
 *       Bar: no error.
 *
 * The pack: N PDFs made with cairo, each a page holding an image of noise that no compression
 * shrinks (drawn small, so that rendering previews costs little: the transfer is measured).
 *
 * Usage: bench-sync [--documents N] [--mb-each N] [--parallel N] [--runs N] [--delegates N]
 * Prints a table on stdout; exits 1 when a bar is missed, 77 when curl or nginx is missing. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chamber-client.h"
#include "chamber-fault-proxy.h"
#include "chamber-sync.h"
#include "chamber-test-util.h"

#define BAR_RATIO 0.90

static int opt_documents = 20;
static int opt_mb_each = 8;
static int opt_parallel = 3;
static int opt_runs = 3;
static int opt_delegates = 200;

typedef struct {
  const char *name;
  char *chamber;
  char *reference;
  double ratio;      /* < 0: none */
  char *bar;
  gboolean pass;
  gboolean has_bar;
} Row;

static GArray *rows;

static void
add_row (const char *name, char *chamber, char *reference, double ratio, const char *bar,
         gboolean has_bar, gboolean pass)
{
  Row row = { name, chamber, reference, ratio, g_strdup (bar), pass, has_bar };

  g_array_append_val (rows, row);
}

static double
mb_per_s (gint64 bytes, double seconds)
{
  return seconds > 0 ? (double) bytes / 1e6 / seconds : 0;
}

/* ---- Chamber: the core engine ---------------------------------------------------------- */

typedef struct {
  gint64 started;
  gint64 downloaded;  /* when every document was in place */
} SyncClock;

static void
clock_progress_cb (const ChamberSyncProgress *progress, gpointer user_data)
{
  SyncClock *clock = user_data;

  if (clock->downloaded == 0 && progress->documents_total > 0
      && progress->documents_done == progress->documents_total)
    clock->downloaded = g_get_monotonic_time ();
}

/* One sync of @session_id into a new folder under @work; returns the download seconds and
 * sets @out_total to the whole run's. */
static double
chamber_sync_once (const char *url, const char *token, const char *work, gint64 session_id,
                   gint64 expected_bytes, double *out_total)
{
  g_autofree char *dir = g_build_filename (work, "chamber-XXXXXX", NULL);
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  SyncClock clock = { 0 };
  gint64 ended;

  g_assert_nonnull (g_mkdtemp (dir));
  sync = chamber_sync_new (url, token, dir, &error);
  g_assert_no_error (error);
  chamber_sync_set_max_parallel (sync, opt_parallel);
  clock.started = g_get_monotonic_time ();
  if (!chamber_sync_run (sync, session_id, clock_progress_cb, &clock, &report, NULL, &error))
    g_error ("the sync failed: %s", error->message);
  ended = g_get_monotonic_time ();
  g_assert_cmpint (report->bytes_fetched, ==, expected_bytes);
  g_clear_object (&sync);
  chamber_test_rm_rf (dir);
  *out_total = (double) (ended - clock.started) / G_USEC_PER_SEC;
  return (double) (clock.downloaded - clock.started) / G_USEC_PER_SEC;
}

/* ---- curl: the reference --------------------------------------------------------------- */

static double
curl_once (const char *base_url, const char *token, const char *work, GPtrArray *documents,
           gint64 expected_bytes)
{
  g_autofree char *dir = g_build_filename (work, "curl-XXXXXX", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *parallel = g_strdup_printf ("%d", opt_parallel);
  g_autofree char *err = NULL;
  gint64 started, total = 0;
  double seconds;
  int status;

  g_assert_nonnull (g_mkdtemp (dir));
  g_ptr_array_add (argv, g_strdup ("curl"));
  g_ptr_array_add (argv, g_strdup ("--silent"));
  g_ptr_array_add (argv, g_strdup ("--show-error"));
  g_ptr_array_add (argv, g_strdup ("--fail"));
  g_ptr_array_add (argv, g_strdup ("--parallel"));
  g_ptr_array_add (argv, g_strdup ("--parallel-max"));
  g_ptr_array_add (argv, g_strdup (parallel));
  if (token != NULL)
    {
      g_ptr_array_add (argv, g_strdup ("--header"));
      g_ptr_array_add (argv, g_strdup_printf ("Authorization: Bearer %s", token));
    }
  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);

      g_ptr_array_add (argv, g_strdup ("--output"));
      g_ptr_array_add (argv, g_build_filename (dir, document->sha256, NULL));
      g_ptr_array_add (argv, g_strdup_printf ("%s/api/v1/blobs/%s", base_url, document->sha256));
    }
  g_ptr_array_add (argv, NULL);

  started = g_get_monotonic_time ();
  status = chamber_test_run ((const char *const *) argv->pdata, NULL, NULL, &err);
  seconds = (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC;
  if (status != 0)
    g_error ("curl failed (%d): %s", status, err);
  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *path = g_build_filename (dir, document->sha256, NULL);
      GStatBuf st;

      g_assert_cmpint (g_stat (path, &st), ==, 0);
      total += st.st_size;
    }
  g_assert_cmpint (total, ==, expected_bytes);
  chamber_test_rm_rf (dir);
  return seconds;
}

/* ---- chamberctl sync: the whole command ------------------------------------------------ */

static double
chamberctl_once (const char *url, const char *work, gint64 session_id)
{
  g_autofree char *dir = g_build_filename (work, "chamberctl-XXXXXX", NULL);
  g_autofree char *session = g_strdup_printf ("%" G_GINT64_FORMAT, session_id);
  g_autofree char *parallel = g_strdup_printf ("%d", opt_parallel);
  g_autofree char *err = NULL;
  gint64 started;
  double seconds;
  int status;

  g_assert_nonnull (g_mkdtemp (dir));
  started = g_get_monotonic_time ();
  status = chamber_test_run ((const char *const[]) { chamber_test_chamberctl_path (),
                                                     "--server", url, "sync", "--dir", dir,
                                                     "--session", session, "--parallel",
                                                     parallel, NULL },
                             NULL, NULL, &err);
  seconds = (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC;
  if (status != 0)
    g_error ("chamberctl sync failed (%d): %s", status, err);
  chamber_test_rm_rf (dir);
  return seconds;
}

/* ---- nginx ------------------------------------------------------------------------------ */

typedef struct {
  char *dir;
  char *pid_file;
  GSubprocess *process;
} Nginx;

static guint16
free_port (void)
{
  g_autoptr (GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                             G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr (GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

/* Starts nginx in the foreground serving each of @roots on a port of its own (returned in
 * @ports), with every file it writes under a temporary folder. */
static Nginx *
nginx_start (const char *nginx_path, const char *const *roots, guint16 *ports)
{
  Nginx *nginx = g_new0 (Nginx, 1);
  g_autoptr (GString) config = g_string_new (NULL);
  g_autofree char *config_path = NULL;
  g_autoptr (GError) error = NULL;

  nginx->dir = chamber_test_make_temp_dir ("bench-nginx-XXXXXX");
  nginx->pid_file = g_build_filename (nginx->dir, "nginx.pid", NULL);
  if (geteuid () == 0)
    g_string_append (config, "user root;\n");
  g_string_append_printf (config,
                          "daemon off;\nworker_processes 2;\npid %s;\nerror_log %s/error.log;\n"
                          "events { worker_connections 4096; }\n"
                          "http {\n  access_log off;\n  sendfile on;\n  tcp_nopush on;\n"
                          "  keepalive_requests 100000;\n"
                          "  client_body_temp_path %s/body;\n  proxy_temp_path %s/proxy;\n"
                          "  fastcgi_temp_path %s/fastcgi;\n  uwsgi_temp_path %s/uwsgi;\n"
                          "  scgi_temp_path %s/scgi;\n  default_type application/octet-stream;\n",
                          nginx->pid_file, nginx->dir, nginx->dir, nginx->dir, nginx->dir,
                          nginx->dir, nginx->dir);
  for (guint i = 0; roots[i] != NULL; i++)
    {
      ports[i] = free_port ();
      /* As the README's configuration: the session list without a redirect. */
      g_string_append_printf (config,
                              "  server {\n    listen 127.0.0.1:%u;\n    root %s;\n"
                              "    location = /api/v1/sessions { try_files "
                              "/api/v1/sessions/index.html =404; }\n"
                              "    location ~ ^/api/v1/sessions/[0-9]+/manifest$ { "
                              "default_type application/json; }\n  }\n",
                              ports[i], roots[i]);
    }
  g_string_append (config, "}\n");
  config_path = g_build_filename (nginx->dir, "nginx.conf", NULL);
  g_assert_true (g_file_set_contents (config_path, config->str, -1, NULL));

  nginx->process = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, nginx_path, "-p",
                                     nginx->dir, "-c", config_path, NULL);
  g_assert_no_error (error);
  /* Ready when it answers. */
  for (int attempt = 0; attempt < 200; attempt++)
    {
      g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/", ports[0]);
      g_autofree char *out = NULL;

      if (chamber_test_run ((const char *const[]) { "curl", "-s", "-o", "/dev/null", url, NULL },
                            NULL, &out, NULL) == 0)
        return nginx;
      g_usleep (25 * 1000);
    }
  g_error ("nginx did not start: see %s/error.log", nginx->dir);
}

static void
nginx_stop (Nginx *nginx)
{
  g_subprocess_send_signal (nginx->process, SIGQUIT);
  g_subprocess_wait (nginx->process, NULL, NULL);
  g_object_unref (nginx->process);
  chamber_test_rm_rf (nginx->dir);
  g_free (nginx->dir);
  g_free (nginx->pid_file);
  g_free (nginx);
}

/* ---- many delegates at once ------------------------------------------------------------ */

typedef struct {
  const char *url;
  const char *token;
  char *dir;
  gint64 session_id;
  gint64 bytes;
  char *error;
  GThread *thread;
} Delegate;

static gpointer
delegate_thread (gpointer data)
{
  Delegate *delegate = data;
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  sync = chamber_sync_new (delegate->url, delegate->token, delegate->dir, &error);
  if (sync != NULL
      && chamber_sync_run (sync, delegate->session_id, NULL, NULL, &report, NULL, &error))
    delegate->bytes = report->bytes_fetched;
  else
    delegate->error = g_strdup (error->message);
  return NULL;
}

/* @tokens: one per delegate, or NULL (a static export needs none). Returns the errors. */
static int
many_delegates (const char *url, char **tokens, const char *work, gint64 session_id,
                gint64 pack_bytes, double *out_mb_s)
{
  Delegate *delegates = g_new0 (Delegate, opt_delegates);
  gint64 started, bytes = 0;
  int errors = 0;

  started = g_get_monotonic_time ();
  for (int i = 0; i < opt_delegates; i++)
    {
      delegates[i].url = url;
      delegates[i].token = tokens != NULL ? tokens[i] : NULL;
      delegates[i].dir = g_strdup_printf ("%s/delegate-%03d", work, i);
      delegates[i].session_id = session_id;
      delegates[i].thread = g_thread_new ("delegate", delegate_thread, &delegates[i]);
    }
  for (int i = 0; i < opt_delegates; i++)
    {
      g_thread_join (delegates[i].thread);
      if (delegates[i].error != NULL || delegates[i].bytes != pack_bytes)
        {
          if (errors++ == 0)
            fprintf (stderr, "bench-sync: delegate %d: %s\n", i,
                     delegates[i].error ? delegates[i].error : "wrong byte count");
        }
      bytes += delegates[i].bytes;
    }
  *out_mb_s = mb_per_s (bytes, (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC);
  for (int i = 0; i < opt_delegates; i++)
    {
      chamber_test_rm_rf (delegates[i].dir);
      g_free (delegates[i].dir);
      g_free (delegates[i].error);
    }
  g_free (delegates);
  return errors;
}

/* ---- set-up ----------------------------------------------------------------------------- */

static gint64
create_session_with_item (ChamberClient *admin, int number, const char *title, gint64 *item_id)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) created_item = NULL;
  g_autoptr (GError) error = NULL;

  session->number = number;
  session->kind = CHAMBER_SESSION_REGULAR;
  session->title = g_strdup (title);
  created = chamber_client_create_session (admin, session, NULL, &error);
  g_assert_no_error (error);
  item->session_id = created->id;
  item->position = -1;
  item->title = g_strdup ("Tài liệu kỳ họp");
  created_item = chamber_client_add_item (admin, item, NULL, &error);
  g_assert_no_error (error);
  *item_id = created_item->id;
  return created->id;
}

static ChamberDocument *
publish_noise (ChamberClient *admin, gint64 item_id, const char *work, int number, gint64 bytes)
{
  g_autofree char *path = g_strdup_printf ("%s/tai-lieu-%02d.pdf", work, number);
  g_autofree char *title = g_strdup_printf ("Tài liệu số %d", number);
  g_autoptr (GError) error = NULL;
  ChamberDocument *document;

  chamber_test_write_noise_pdf (path, bytes, (guint32) number, 24);
  document = chamber_client_publish (admin, item_id, path, title, CHAMBER_DOCUMENT_REPORT,
                                     NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return document;
}

static char *
delegate_token (ChamberClient *admin, int number)
{
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autoptr (GError) error = NULL;
  char *token;

  person->name = g_strdup_printf ("Đại biểu số %d", number);
  person->role = CHAMBER_ROLE_DELEGATE;
  person->active = TRUE;
  added = chamber_client_add_person (admin, person, NULL, &error);
  g_assert_no_error (error);
  token = chamber_client_issue_token (admin, added->id, NULL, NULL, &error);
  g_assert_no_error (error);
  return token;
}

static void
export_session (ChamberTestServer *server, gint64 session_id, const char *out)
{
  g_autofree char *session = g_strdup_printf ("%" G_GINT64_FORMAT, session_id);
  g_autofree char *err = NULL;
  int status;

  status = chamber_test_run ((const char *const[]) { chamber_test_chamberd_path (), "--data",
                                                     server->data_dir, "export", "--session",
                                                     session, "--out", out, NULL },
                             NULL, NULL, &err);
  if (status != 0)
    g_error ("chamberd export failed (%d): %s", status, err);
}

static void
print_table (void)
{
  printf ("\nSync of a session pack (%d documents of %d MB, %d in parallel, best of %d) on "
          "loopback\n\n",
          opt_documents, opt_mb_each, opt_parallel, opt_runs);
  printf ("| %-44s | %14s | %14s | %7s | %-12s | %-6s |\n", "case", "Chamber", "reference",
          "ratio", "bar", "result");
  printf ("|----------------------------------------------|----------------|----------------|"
          "---------|--------------|--------|\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      g_autofree char *ratio = row->ratio >= 0 ? g_strdup_printf ("%6.2f×", row->ratio)
                                               : g_strdup ("");

      /* printf pads bytes: pad what holds “≥” and “×” by the characters shown. */
      printf ("| %-44s | %14s | %14s | %*s | %-*s | %-6s |\n", row->name, row->chamber,
              row->reference, 7 + (int) (strlen (ratio) - g_utf8_strlen (ratio, -1)), ratio,
              12 + (int) (strlen (row->bar) - g_utf8_strlen (row->bar, -1)), row->bar,
              row->has_bar ? (row->pass ? "PASS" : "FAIL") : "");
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("— sync throughput benchmark");
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberTestServer) server = NULL;
  g_autoptr (ChamberClient) admin = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GPtrArray) small_documents = NULL;
  g_autoptr (ChamberFaultProxy) proxy = NULL;
  g_autofree char *nginx_path = NULL;
  g_autofree char *curl_path = NULL;
  g_autofree char *work = NULL;
  g_autofree char *export_pack = NULL;
  g_autofree char *export_small = NULL;
  g_autofree char *token = NULL;
  g_autofree char *nginx_pack_url = NULL;
  g_autofree char *nginx_small_url = NULL;
  g_auto (GStrv) tokens = NULL;
  gint64 pack_session, small_session, item_id, small_item, pack_bytes = 0, small_bytes = 0;
  double best_dl = G_MAXDOUBLE, best_total = G_MAXDOUBLE, best_curl = G_MAXDOUBLE;
  double best_ctl = G_MAXDOUBLE, best_nginx_curl = G_MAXDOUBLE, best_nginx_dl = G_MAXDOUBLE;
  double chamber_rate, curl_rate, many_rate;
  gboolean all_pass = TRUE;
  guint16 ports[3];
  Nginx *nginx;
  int errors;
  const GOptionEntry entries[] = {
    { "documents", 0, 0, G_OPTION_ARG_INT, &opt_documents, "Documents in the pack (20)", "N" },
    { "mb-each", 0, 0, G_OPTION_ARG_INT, &opt_mb_each, "MB of each document (8)", "N" },
    { "parallel", 0, 0, G_OPTION_ARG_INT, &opt_parallel, "Parallel downloads (3)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Alternating runs of each (3)", "N" },
    { "delegates", 0, 0, G_OPTION_ARG_INT, &opt_delegates, "Concurrent delegates (200)", "N" },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-sync: %s\n", error->message);
      return 2;
    }
  if (opt_documents < 1 || opt_mb_each < 1 || opt_runs < 1 || opt_delegates < 1
      || opt_parallel < 1 || opt_parallel > CHAMBER_SYNC_MAX_PARALLEL)
    {
      fprintf (stderr, "bench-sync: every number must be positive, --parallel at most %d\n",
               CHAMBER_SYNC_MAX_PARALLEL);
      return 2;
    }
  curl_path = g_find_program_in_path ("curl");
  nginx_path = g_find_program_in_path ("nginx");
  if (nginx_path == NULL && g_file_test ("/usr/sbin/nginx", G_FILE_TEST_IS_EXECUTABLE))
    nginx_path = g_strdup ("/usr/sbin/nginx");
  if (curl_path == NULL || nginx_path == NULL)
    {
      fprintf (stderr, "bench-sync: needs curl and nginx (build-aux/run installs them)\n");
      return 77;
    }

  rows = g_array_new (FALSE, TRUE, sizeof (Row));
  work = chamber_test_make_temp_dir ("bench-sync-XXXXXX");
  server = chamber_test_server_start ();
  admin = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);

  fprintf (stderr, "bench-sync: publishing %d documents of %d MB…\n", opt_documents,
           opt_mb_each);
  pack_session = create_session_with_item (admin, 20, "Kỳ họp thứ 20", &item_id);
  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  for (int i = 1; i <= opt_documents; i++)
    {
      ChamberDocument *document = publish_noise (admin, item_id, work, i,
                                                 (gint64) opt_mb_each * 1000 * 1000);

      pack_bytes += document->bytes;
      g_ptr_array_add (documents, document);
    }
  small_session = create_session_with_item (admin, 21, "Kỳ họp chuyên đề", &small_item);
  small_documents = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  g_ptr_array_add (small_documents, publish_noise (admin, small_item, work, 99, 2000 * 1000));
  small_bytes = ((ChamberDocument *) g_ptr_array_index (small_documents, 0))->bytes;
  token = delegate_token (admin, 1);

  /* (a) chamberd: warm the server's page cache once, then alternate. */
  fprintf (stderr, "bench-sync: (a) %d runs each from chamberd…\n", opt_runs);
  curl_once (server->url, token, work, documents, pack_bytes);
  for (int run = 0; run < opt_runs; run++)
    {
      double total = 0;
      double dl = chamber_sync_once (server->url, token, work, pack_session, pack_bytes, &total);

      best_dl = MIN (best_dl, dl);
      best_total = MIN (best_total, total);
      best_curl = MIN (best_curl, curl_once (server->url, token, work, documents, pack_bytes));
    }
  chamber_rate = mb_per_s (pack_bytes, best_dl);
  curl_rate = mb_per_s (pack_bytes, best_curl);
  add_row ("chamberd: sync (verified, in place) vs curl", g_strdup_printf ("%.0f MB/s",
                                                                          chamber_rate),
           g_strdup_printf ("%.0f MB/s", curl_rate), chamber_rate / curl_rate, "≥ 0.90×", TRUE,
           chamber_rate >= BAR_RATIO * curl_rate);
  add_row ("chamberd: whole run, + search index, previews",
           g_strdup_printf ("%.0f MB/s", mb_per_s (pack_bytes, best_total)),
           g_strdup_printf ("%.0f MB/s", curl_rate), mb_per_s (pack_bytes, best_total) / curl_rate,
           "", FALSE, TRUE);

  /* (b) the unchanged session again, through a counting proxy. */
  {
    g_autofree char *dir = g_build_filename (work, "resync", NULL);
    g_autoptr (ChamberSync) sync = NULL;
    g_autoptr (ChamberSyncReport) first = NULL;
    g_autoptr (ChamberSyncReport) again = NULL;
    guint before, requests;
    gboolean pass;

    proxy = chamber_fault_proxy_new (server->url);
    sync = chamber_sync_new (chamber_fault_proxy_get_url (proxy), token, dir, &error);
    g_assert_no_error (error);
    g_assert_true (chamber_sync_run (sync, pack_session, NULL, NULL, &first, NULL, &error));
    g_assert_no_error (error);
    before = chamber_fault_proxy_count_requests (proxy, NULL);
    g_assert_true (chamber_sync_run (sync, pack_session, NULL, NULL, &again, NULL, &error));
    g_assert_no_error (error);
    requests = chamber_fault_proxy_count_requests (proxy, NULL) - before;
    pass = requests == 1 && again->sessions_unchanged == 1 && again->bytes_fetched == 0;
    add_row ("unchanged session again: requests, doc bytes",
             g_strdup_printf ("%u, %lld B", requests, (long long) again->bytes_fetched),
             g_strdup_printf ("(first: %u)", before), -1, "1, 0 B", TRUE, pass);
    g_clear_object (&sync);
  }

  /* (c) nginx serving the export. */
  export_pack = g_build_filename (work, "export-pack", NULL);
  export_small = g_build_filename (work, "export-small", NULL);
  export_session (server, pack_session, export_pack);
  export_session (server, small_session, export_small);
  nginx = nginx_start (nginx_path, (const char *const[]) { export_pack, export_small, NULL },
                       ports);
  nginx_pack_url = g_strdup_printf ("http://127.0.0.1:%u", ports[0]);
  nginx_small_url = g_strdup_printf ("http://127.0.0.1:%u", ports[1]);
  fprintf (stderr, "bench-sync: (c) %d runs each from nginx…\n", opt_runs);
  curl_once (nginx_pack_url, NULL, work, documents, pack_bytes);
  for (int run = 0; run < opt_runs; run++)
    {
      double total = 0;

      best_nginx_dl = MIN (best_nginx_dl, chamber_sync_once (nginx_pack_url, NULL, work,
                                                             pack_session, pack_bytes, &total));
      best_ctl = MIN (best_ctl, chamberctl_once (nginx_pack_url, work, pack_session));
      best_nginx_curl = MIN (best_nginx_curl, curl_once (nginx_pack_url, NULL, work, documents,
                                                         pack_bytes));
    }
  add_row ("nginx export: sync (verified, in place) vs curl",
           g_strdup_printf ("%.0f MB/s", mb_per_s (pack_bytes, best_nginx_dl)),
           g_strdup_printf ("%.0f MB/s", mb_per_s (pack_bytes, best_nginx_curl)),
           best_nginx_curl / best_nginx_dl, "≥ 0.90×", TRUE,
           best_nginx_curl / best_nginx_dl >= BAR_RATIO);
  add_row ("nginx export: chamberctl sync, whole command",
           g_strdup_printf ("%.0f MB/s", mb_per_s (pack_bytes, best_ctl)),
           g_strdup_printf ("%.0f MB/s", mb_per_s (pack_bytes, best_nginx_curl)),
           best_nginx_curl / best_ctl, "", FALSE, TRUE);

  /* (d) many delegates at once. */
  fprintf (stderr, "bench-sync: (d) %d delegates at once…\n", opt_delegates);
  tokens = g_new0 (char *, opt_delegates + 1);
  for (int i = 0; i < opt_delegates; i++)
    tokens[i] = delegate_token (admin, i + 2);
  errors = many_delegates (server->url, tokens, work, small_session, small_bytes, &many_rate);
  add_row (g_strdup_printf ("%d delegates at once from chamberd", opt_delegates),
           g_strdup_printf ("%.0f MB/s", many_rate), g_strdup_printf ("%d errors", errors), -1,
           "0 errors", TRUE, errors == 0);
  errors = many_delegates (nginx_small_url, NULL, work, small_session, small_bytes, &many_rate);
  add_row (g_strdup_printf ("%d delegates at once from nginx", opt_delegates),
           g_strdup_printf ("%.0f MB/s", many_rate), g_strdup_printf ("%d errors", errors), -1,
           "0 errors", TRUE, errors == 0);
  nginx_stop (nginx);

  print_table ();
  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, Row, i).has_bar && !g_array_index (rows, Row, i).pass)
      all_pass = FALSE;
  printf ("\nsync: %s\n", all_pass ? "pass" : "FAIL");

  chamber_fault_proxy_free (g_steal_pointer (&proxy));
  chamber_test_rm_rf (work);
  return all_pass ? 0 : 1;
}
