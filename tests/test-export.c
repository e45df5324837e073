/* test-export.c — `chamberd export` against a real chamberd's data folder, and the sync engine
 * against a plain static HTTP server (python3 -m http.server) serving the export: a
 * confidential document never reaches the export, hash and all; the public one syncs with its
 * bytes identical, again on a second run, with or without a token; a document made
 * confidential after an export leaves the next one; a new version reaches a laptop that asks
 * for what changed since, from a server that ignores the question. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>

#include "chamber-blob-store.h"
#include "chamber-client.h"
#include "chamber-manifest.h"
#include "chamber-store.h"
#include "chamber-sync.h"
#include "chamber-test-util.h"

#define CONFIDENTIAL_ACCESS "group:Ban Kinh tế – Ngân sách"

typedef struct {
  ChamberTestServer *server;
  ChamberClient *admin;
  char *work_dir;
  char *out_dir;
  gint64 session_id;
  ChamberDocument *open_document;
  ChamberDocument *confidential;
  char *open_path;
} Fixture;

static Fixture *
fixture_new (void)
{
  Fixture *fx = g_new0 (Fixture, 1);
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) created_item = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *confidential_path = NULL;
  const char *const confidential_access[] = { CONFIDENTIAL_ACCESS, NULL };

  fx->server = chamber_test_server_start ();
  fx->admin = chamber_client_new (fx->server->url, fx->server->admin_token, &error);
  g_assert_no_error (error);
  fx->work_dir = chamber_test_make_temp_dir ("chamber-export-XXXXXX");
  fx->out_dir = g_build_filename (fx->work_dir, "out", NULL);

  session->number = 10;
  session->kind = CHAMBER_SESSION_REGULAR;
  session->title = g_strdup ("Kỳ họp thứ mười, HĐND tỉnh An Hòa");
  created = chamber_client_create_session (fx->admin, session, NULL, &error);
  g_assert_no_error (error);
  fx->session_id = created->id;

  item->session_id = fx->session_id;
  item->position = -1;
  item->title = g_strdup ("Dự toán ngân sách năm 2025");
  created_item = chamber_client_add_item (fx->admin, item, NULL, &error);
  g_assert_no_error (error);

  fx->open_path = g_build_filename (fx->work_dir, "to-trinh.pdf", NULL);
  chamber_test_write_pdf (fx->open_path, 3, "Tờ trình dự toán ngân sách");
  fx->open_document = chamber_client_publish (fx->admin, created_item->id, fx->open_path,
                                              "Tờ trình dự toán ngân sách",
                                              CHAMBER_DOCUMENT_SUBMISSION, NULL, &error);
  g_assert_no_error (error);

  confidential_path = g_build_filename (fx->work_dir, "bao-cao-mat.pdf", NULL);
  chamber_test_write_pdf (confidential_path, 2, "Báo cáo thẩm tra (mật)");
  fx->confidential = chamber_client_publish_full (fx->admin, created_item->id,
                                                  confidential_path, "Báo cáo thẩm tra (mật)",
                                                  CHAMBER_DOCUMENT_REPORT, confidential_access,
                                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fx->open_document->sha256, !=, fx->confidential->sha256);
  return fx;
}

static void
fixture_free (Fixture *fx)
{
  chamber_test_server_free (fx->server);
  g_clear_object (&fx->admin);
  chamber_test_rm_rf (fx->work_dir);
  g_free (fx->work_dir);
  g_free (fx->out_dir);
  g_free (fx->open_path);
  chamber_document_free (fx->open_document);
  chamber_document_free (fx->confidential);
  g_free (fx);
}

/* Runs `chamberd --data DIR export --session ID --out OUT` and checks its summary line. */
static void
run_export (Fixture *fx, guint documents, gint64 bytes)
{
  g_autofree char *session = g_strdup_printf ("%lld", (long long) fx->session_id);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  const char *const env[] = { "LC_ALL=C.UTF-8", "LANGUAGE=", NULL };
  int status;

  status = chamber_test_run ((const char *const[]) { chamber_test_chamberd_path (), "--data",
                                                     fx->server->data_dir, "export",
                                                     "--session", session, "--out",
                                                     fx->out_dir, NULL },
                             env, &out, &err);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  expected = g_strdup_printf ("exported session %lld: %u %s, %lld bytes to %s\n",
                              (long long) fx->session_id, documents,
                              documents == 1 ? "document" : "documents", (long long) bytes,
                              fx->out_dir);
  g_assert_cmpstr (out, ==, expected);
}

/* Every regular file under @dir, as paths. */
static void
collect_files (const char *dir, GPtrArray *files)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (handle);
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_files (path, files);
      else
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
}

/* No file under OUT is named by @sha256, and no file that is not a blob mentions it. */
static void
assert_hash_absent (Fixture *fx, const char *sha256)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *blob_dir = g_build_filename (fx->out_dir, "api", "v1", "blobs", NULL);

  collect_files (fx->out_dir, files);
  g_assert_cmpuint (files->len, >=, 2);
  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *parent = g_path_get_dirname (path);
      g_autofree char *text = NULL;

      g_assert_null (strstr (base, sha256));
      if (g_str_equal (parent, blob_dir))
        continue;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_assert_null (strstr (text, sha256));
    }
}

static void
assert_files_equal (const char *a, const char *b)
{
  g_autofree char *a_data = NULL;
  g_autofree char *b_data = NULL;
  gsize a_len = 0, b_len = 0;

  g_assert_true (g_file_get_contents (a, &a_data, &a_len, NULL));
  g_assert_true (g_file_get_contents (b, &b_data, &b_len, NULL));
  g_assert_cmpuint (a_len, ==, b_len);
  g_assert_true (memcmp (a_data, b_data, a_len) == 0);
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

/* A port that was free a moment ago on 127.0.0.1. */
static guint16
pick_free_port (void)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  g_autoptr (GError) error = NULL;
  guint16 port;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                         &error);
  g_assert_no_error (error);
  g_socket_bind (socket, any, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, NULL);
  return port;
}

/* `python3 -m http.server` serving @root on loopback, once it accepts connections; NULL (with
 * the test skipped) when python3 is not installed. */
static GSubprocess *
start_static_server (const char *root, char **out_url)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GSocketClient) connector = g_socket_client_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *python = g_find_program_in_path ("python3");
  g_autofree char *port_text = NULL;
  guint16 port;

  if (python == NULL)
    {
      g_test_skip ("python3 is not installed: it serves the export as a plain static server");
      return NULL;
    }
  port = pick_free_port ();
  port_text = g_strdup_printf ("%u", port);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  process = g_subprocess_launcher_spawnv (
    launcher,
    (const char *const[]) { python, "-m", "http.server", port_text, "--bind", "127.0.0.1",
                            "--directory", root, NULL },
    &error);
  g_assert_no_error (error);

  for (int attempt = 0; attempt < 200; attempt++)
    {
      g_autoptr (GSocketConnection) connection = NULL;

      connection = g_socket_client_connect_to_host (connector, "127.0.0.1", port, NULL, NULL);
      if (connection != NULL)
        {
          *out_url = g_strdup_printf ("http://127.0.0.1:%u", port);
          return g_steal_pointer (&process);
        }
      g_usleep (50 * 1000);
    }
  g_error ("python3 -m http.server did not answer on port %u within 10 s", port);
  return NULL;
}

static void
stop_static_server (GSubprocess *process)
{
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
  g_object_unref (process);
}

/* Syncs every session from @url into @dir and returns the report. */
static ChamberSyncReport *
sync_from (const char *url, const char *token, const char *dir, ChamberSync **out_sync)
{
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (GError) error = NULL;
  ChamberSyncReport *report = NULL;

  sync = chamber_sync_new (url, token, dir, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  *out_sync = g_steal_pointer (&sync);
  return report;
}

/* The local store of @sync lists exactly the open document, and holds no manifest ETag: the
 * static server sent none, so the next run fetches the manifest again. */
static void
assert_local_copy (Fixture *fx, ChamberSync *sync)
{
  ChamberStore *store = chamber_sync_get_store (sync);
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *key = g_strdup_printf ("manifest-etag:%lld", (long long) fx->session_id);
  g_autofree char *etag = chamber_store_get_setting (store, key);
  g_autofree char *blob = chamber_blob_store_path (chamber_sync_get_blobs (sync),
                                                   fx->open_document->sha256);
  const ChamberDocument *document;

  documents = chamber_store_list_documents (store, fx->session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  document = g_ptr_array_index (documents, 0);
  g_assert_cmpstr (document->sha256, ==, fx->open_document->sha256);
  g_assert_cmpstr (document->title, ==, fx->open_document->title);
  g_assert_true (chamber_store_is_blob_held (store, fx->open_document->sha256));
  g_assert_false (chamber_blob_store_has (chamber_sync_get_blobs (sync),
                                          fx->confidential->sha256));
  assert_files_equal (blob, fx->open_path);
  g_assert_true (etag == NULL || *etag == '\0');
}

static void
test_export_holds_only_open_documents (void)
{
  Fixture *fx = fixture_new ();
  g_autofree char *manifest_path = NULL;
  g_autofree char *blob_path = NULL;
  g_autofree char *manifest_text = NULL;
  g_autofree char *sessions_text = NULL;
  g_autofree char *sessions_path = NULL;
  g_autoptr (ChamberManifest) manifest = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *session_segment = g_strdup_printf ("%lld", (long long) fx->session_id);
  gsize len = 0;

  run_export (fx, 1, fx->open_document->bytes);

  manifest_path = g_build_filename (fx->out_dir, "api", "v1", "sessions", session_segment,
                                    "manifest", NULL);
  g_assert_true (g_file_get_contents (manifest_path, &manifest_text, &len, NULL));
  manifest = chamber_manifest_parse (manifest_text, len, &error);
  g_assert_no_error (error);
  g_assert_cmpint (manifest->session->id, ==, fx->session_id);
  g_assert_cmpuint (manifest->documents->len, ==, 1);
  g_assert_cmpstr (((ChamberDocument *) g_ptr_array_index (manifest->documents, 0))->sha256, ==,
                   fx->open_document->sha256);
  g_assert_null (strstr (manifest_text, fx->confidential->sha256));
  g_assert_null (strstr (manifest_text, "Báo cáo thẩm tra (mật)"));

  sessions_path = g_build_filename (fx->out_dir, "api", "v1", "sessions", "index.html", NULL);
  g_assert_true (g_file_get_contents (sessions_path, &sessions_text, NULL, NULL));
  g_assert_nonnull (strstr (sessions_text, "\"sessions\""));
  g_assert_nonnull (strstr (sessions_text, "Kỳ họp thứ mười"));

  blob_path = g_build_filename (fx->out_dir, "api", "v1", "blobs", fx->open_document->sha256,
                                NULL);
  assert_files_equal (blob_path, fx->open_path);
  assert_hash_absent (fx, fx->confidential->sha256);

  /* Exporting again over the same folder gives the same files. */
  run_export (fx, 1, fx->open_document->bytes);
  assert_files_equal (blob_path, fx->open_path);
  assert_hash_absent (fx, fx->confidential->sha256);

  fixture_free (fx);
}

static void
test_export_syncs_from_static_server (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) first = NULL;
  g_autoptr (ChamberSync) second = NULL;
  g_autoptr (ChamberSync) third = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *local_dir = g_build_filename (fx->work_dir, "laptop", NULL);
  g_autofree char *url = NULL;
  g_autofree char *old_blob = NULL;
  const char *const confidential_access[] = { CONFIDENTIAL_ACCESS, NULL };
  g_autoptr (ChamberDocument) changed = NULL;
  GSubprocess *http;

  run_export (fx, 1, fx->open_document->bytes);
  http = start_static_server (fx->out_dir, &url);
  if (http == NULL)
    {
      fixture_free (fx);
      return;
    }

  /* No token: a static server needs none. The session list comes from sessions/index.html. */
  report = sync_from (url, NULL, local_dir, &first);
  g_assert_cmpint (report->sessions_checked, ==, 1);
  g_assert_cmpint (report->documents_fetched, ==, 1);
  assert_local_copy (fx, first);
  g_clear_pointer (&report, chamber_sync_report_free);
  g_clear_object (&first);

  /* Again, with a token the static server ignores: the manifest is fetched again (there was
   * no ETag to ask with) and nothing is downloaded twice. */
  report = sync_from (url, fx->server->admin_token, local_dir, &second);
  g_assert_cmpint (report->sessions_checked, ==, 1);
  g_assert_cmpint (report->sessions_unchanged, ==, 0);
  g_assert_cmpint (report->documents_fetched, ==, 0);
  assert_local_copy (fx, second);
  g_clear_pointer (&report, chamber_sync_report_free);
  g_clear_object (&second);

  /* The open document becomes confidential: the next export removes its blob and entry, and
   * the laptop's next sync drops it. */
  changed = chamber_client_set_document_access (fx->admin, fx->open_document->id,
                                                confidential_access, NULL, &error);
  g_assert_no_error (error);
  run_export (fx, 0, 0);
  assert_hash_absent (fx, fx->open_document->sha256);
  assert_hash_absent (fx, fx->confidential->sha256);
  old_blob = g_build_filename (fx->out_dir, "api", "v1", "blobs", fx->open_document->sha256,
                               NULL);
  g_assert_false (g_file_test (old_blob, G_FILE_TEST_EXISTS));

  report = sync_from (url, NULL, local_dir, &third);
  g_assert_cmpint (report->documents_fetched, ==, 0);
  documents = chamber_store_list_documents (chamber_sync_get_store (third), fx->session_id,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 0);

  stop_static_server (http);
  fixture_free (fx);
}

static void
test_export_errors (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  g_autofree char *work_dir = chamber_test_make_temp_dir ("chamber-export-XXXXXX");
  g_autofree char *out_dir = g_build_filename (work_dir, "out", NULL);
  const char *const env[] = { "LC_ALL=C.UTF-8", "LANGUAGE=", NULL };
  const char *chamberd = chamber_test_chamberd_path ();
  g_autofree char *err = NULL;
  int status;

  /* An unknown session: one line, exit 1, nothing written. */
  status = chamber_test_run ((const char *const[]) { chamberd, "--data", server->data_dir,
                                                     "export", "--session", "99", "--out",
                                                     out_dir, NULL },
                             env, NULL, &err);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "There is no session 99"));
  g_assert_false (g_file_test (out_dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* Bad usage: exit 2. */
  status = chamber_test_run ((const char *const[]) { chamberd, "--data", server->data_dir,
                                                     "export", "--out", out_dir, NULL },
                             env, NULL, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--session ID"));
  g_clear_pointer (&err, g_free);
  status = chamber_test_run ((const char *const[]) { chamberd, "--data", server->data_dir,
                                                     "export", "--session", "1", NULL },
                             env, NULL, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--out OUT"));
  g_clear_pointer (&err, g_free);
  status = chamber_test_run ((const char *const[]) { chamberd, "--data", server->data_dir,
                                                     "--out", out_dir, NULL },
                             env, NULL, &err);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "export command only"));

  chamber_test_rm_rf (work_dir);
}

/* A new version published after an export: the next export lists it (and only it), and a
 * laptop that synced the first export asks with ?since=, which the static server ignores; the
 * full manifest it gets is taken as it is, the new version is recorded as an update and the
 * old one leaves the mirror. */
static void
test_export_new_version (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) first = NULL;
  g_autoptr (ChamberSync) second = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *local_dir = g_build_filename (fx->work_dir, "laptop", NULL);
  g_autofree char *v2_path = g_build_filename (fx->work_dir, "to-trinh-v2.pdf", NULL);
  g_autofree char *url = NULL;
  GSubprocess *http;

  run_export (fx, 1, fx->open_document->bytes);
  http = start_static_server (fx->out_dir, &url);
  if (http == NULL)
    {
      fixture_free (fx);
      return;
    }
  report = sync_from (url, NULL, local_dir, &first);
  g_assert_cmpint (report->documents_fetched, ==, 1);
  g_clear_pointer (&report, chamber_sync_report_free);
  g_clear_object (&first);

  chamber_test_write_pdf (v2_path, 4, "Tờ trình dự toán ngân sách (sửa đổi)");
  v2 = chamber_client_replace_document (fx->admin, fx->open_document->id, v2_path, -1, NULL,
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (v2->version, ==, 2);
  run_export (fx, 1, v2->bytes);

  report = sync_from (url, NULL, local_dir, &second);
  g_assert_cmpint (report->manifests_incremental, ==, 0);
  g_assert_cmpint (report->documents_fetched, ==, 1);
  g_assert_cmpint (report->documents_updated, ==, 1);
  g_assert_cmpint (report->documents_added, ==, 0);
  documents = chamber_store_list_documents (chamber_sync_get_store (second), fx->session_id,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 1);
  g_assert_cmpint (((ChamberDocument *) documents->pdata[0])->id, ==, v2->id);
  g_assert_cmpint (((ChamberDocument *) documents->pdata[0])->replaces_id, ==,
                   fx->open_document->id);
  g_assert_true (chamber_store_is_blob_held (chamber_sync_get_store (second), v2->sha256));

  stop_static_server (http);
  fixture_free (fx);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/only-open-documents", test_export_holds_only_open_documents);
  g_test_add_func ("/export/sync-from-static-server", test_export_syncs_from_static_server);
  g_test_add_func ("/export/new-version", test_export_new_version);
  g_test_add_func ("/export/errors", test_export_errors);
  return g_test_run ();
}
