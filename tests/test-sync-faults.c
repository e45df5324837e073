/* test-sync-faults.c — the sync survives faults (issue 7), each against real processes: a real
 * chamberd on an ephemeral loopback port, often behind the fault proxy (chamber-fault-proxy.h).
 *
 * Every test first syncs one session (the documents a delegate already has), then publishes a
 * second one with a big document and syncs it while something breaks: the answer cut mid-body,
 * a reset connection, a 500 on a blob or on a manifest, bytes that are not HTTP, chamberd killed
 * with SIGKILL mid-download, `chamberctl sync` killed with SIGKILL mid-download, a full disk on
 * the laptop and on the server. After each: the run ended with a clear error, the SQLite stores
 * pass PRAGMA integrity_check, every document synced before is still there with the right
 * bytes and its rows, no partial download is shown as a document, and the next run repairs
 * everything (resuming what it can). */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>

#include "chamber-client.h"
#include "chamber-fault-proxy.h"
#include "chamber-hash.h"
#include "chamber-sync.h"
#include "chamber-test-util.h"

#define BIG_BYTES    (16 * 1024 * 1024)  /* far more than loopback socket buffers hold */
#define FAULT_AFTER  (1024 * 1024)       /* body bytes forwarded before a cut, reset or stall */
#define WAIT_MS      60000               /* a bound for waiting on a condition, never reached */

typedef struct {
  ChamberTestServer *server;
  ChamberClient *admin;
  ChamberFaultProxy *proxy;
  char *work_dir;
  char *local_dir;        /* the laptop's folder */
  gint64 first_session;   /* synced before the fault */
  gint64 second_session;  /* published after it; the fault hits its sync */
  GPtrArray *synced;      /* ChamberDocument of the first session */
  GPtrArray *pending;     /* ChamberDocument of the second session */
  ChamberDocument *big;   /* in @pending */
} Fixture;

/* The big PDF is made once for the whole program: every test publishes the same file. */
static char *big_pdf_path;

static const char *
big_pdf (void)
{
  if (big_pdf_path == NULL)
    {
      g_autofree char *dir = chamber_test_make_temp_dir ("chamber-faults-pdf-XXXXXX");

      big_pdf_path = g_build_filename (dir, "ban-do-quy-hoach.pdf", NULL);
      chamber_test_write_noise_pdf (big_pdf_path, BIG_BYTES, 20241209, 24);
    }
  return big_pdf_path;
}

static gint64
create_session (ChamberClient *admin, int number, const char *title)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (GError) error = NULL;

  session->number = number;
  session->kind = CHAMBER_SESSION_REGULAR;
  session->title = g_strdup (title);
  session->starts_on = g_strdup ("2024-12-09");
  session->ends_on = g_strdup ("2024-12-11");
  created = chamber_client_create_session (admin, session, NULL, &error);
  g_assert_no_error (error);
  return created->id;
}

static gint64
add_item (ChamberClient *admin, gint64 session_id, const char *title)
{
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) created = NULL;
  g_autoptr (GError) error = NULL;

  item->session_id = session_id;
  item->position = -1;
  item->title = g_strdup (title);
  created = chamber_client_add_item (admin, item, NULL, &error);
  g_assert_no_error (error);
  return created->id;
}

static ChamberDocument *
publish (Fixture *fx, gint64 item_id, const char *path, const char *title)
{
  g_autoptr (GError) error = NULL;
  ChamberDocument *document;

  document = chamber_client_publish (fx->admin, item_id, path, title,
                                     CHAMBER_DOCUMENT_REPORT, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static ChamberDocument *
publish_small (Fixture *fx, gint64 item_id, const char *name, int pages, const char *title)
{
  g_autofree char *path = g_build_filename (fx->work_dir, name, NULL);

  chamber_test_write_pdf (path, pages, title);
  return publish (fx, item_id, path, title);
}

/* Publishes the first session (two small documents) and the second (two small, one big). */
static void
publish_sessions (Fixture *fx)
{
  gint64 item;

  fx->first_session = create_session (fx->admin, 10, "Kỳ họp thứ 10");
  item = add_item (fx->admin, fx->first_session, "Báo cáo kinh tế — xã hội");
  g_ptr_array_add (fx->synced, publish_small (fx, item, "bao-cao.pdf", 3, "Báo cáo tình hình"));
  g_ptr_array_add (fx->synced, publish_small (fx, item, "to-trinh.pdf", 2, "Tờ trình dự toán"));

  fx->second_session = create_session (fx->admin, 11, "Kỳ họp chuyên đề");
  item = add_item (fx->admin, fx->second_session, "Quy hoạch tỉnh");
  g_ptr_array_add (fx->pending, publish_small (fx, item, "du-thao.pdf", 2,
                                               "Dự thảo nghị quyết"));
  fx->big = publish (fx, item, big_pdf (), "Bản đồ quy hoạch");
  g_ptr_array_add (fx->pending, fx->big);
  g_ptr_array_add (fx->pending, publish_small (fx, item, "phu-luc.pdf", 1, "Phụ lục"));
}

/* A fixture whose server's data folder is @server_dir (a mount point), or a temporary one. */
static Fixture *
fixture_new_full (const char *local_dir)
{
  Fixture *fx = g_new0 (Fixture, 1);
  g_autoptr (GError) error = NULL;

  fx->server = chamber_test_server_start ();
  fx->admin = chamber_client_new (fx->server->url, fx->server->admin_token, &error);
  g_assert_no_error (error);
  fx->work_dir = chamber_test_make_temp_dir ("chamber-faults-XXXXXX");
  fx->local_dir = local_dir != NULL ? g_strdup (local_dir)
                                    : g_build_filename (fx->work_dir, "laptop", NULL);
  fx->synced = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  fx->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  publish_sessions (fx);
  fx->proxy = chamber_fault_proxy_new (fx->server->url);
  return fx;
}

static Fixture *
fixture_new (void)
{
  return fixture_new_full (NULL);
}

static void
fixture_free (Fixture *fx)
{
  chamber_fault_proxy_free (fx->proxy);
  g_clear_object (&fx->admin);
  chamber_test_server_free (fx->server);
  chamber_test_rm_rf (fx->work_dir);
  g_free (fx->work_dir);
  g_free (fx->local_dir);
  g_ptr_array_unref (fx->synced);
  g_ptr_array_unref (fx->pending);
  g_free (fx);
}

static ChamberSync *
open_sync (Fixture *fx, const char *url)
{
  g_autoptr (GError) error = NULL;
  ChamberSync *sync = chamber_sync_new (url, fx->server->admin_token, fx->local_dir, &error);

  g_assert_no_error (error);
  return sync;
}

/* The blob of @document is in place with the right bytes and recorded as held. */
static void
assert_held (ChamberSync *sync, const ChamberDocument *document)
{
  g_autofree char *path = chamber_blob_store_path (chamber_sync_get_blobs (sync),
                                                   document->sha256);
  g_autofree char *part = chamber_blob_store_partial_path (chamber_sync_get_blobs (sync),
                                                           document->sha256);
  g_autoptr (GError) error = NULL;
  char hex[65];
  gint64 bytes = 0;

  g_assert_true (chamber_blob_store_has (chamber_sync_get_blobs (sync), document->sha256));
  g_assert_true (chamber_store_is_blob_held (chamber_sync_get_store (sync), document->sha256));
  g_assert_true (chamber_sha256_file (path, hex, &bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hex, ==, document->sha256);
  g_assert_cmpint (bytes, ==, document->bytes);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
}

/* Nothing but whole, verified files carry a document's name; only blobs/tmp holds .part files. */
static void
assert_no_partial_shown (ChamberSync *sync, GPtrArray *documents)
{
  ChamberBlobStore *blobs = chamber_sync_get_blobs (sync);

  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *path = chamber_blob_store_path (blobs, document->sha256);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          char hex[65];
          gint64 bytes = 0;

          g_assert_true (chamber_sha256_file (path, hex, &bytes, NULL, NULL));
          g_assert_cmpstr (hex, ==, document->sha256);
        }
      else
        g_assert_false (chamber_store_is_blob_held (chamber_sync_get_store (sync),
                                                    document->sha256));
    }
}

/* After a fault: the store is sound, the first session is whole, nothing half-written shows. */
static void
assert_intact (Fixture *fx, ChamberSync *sync)
{
  ChamberStore *store = chamber_sync_get_store (sync);
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (chamber_store_check_integrity (store, &error));
  g_assert_no_error (error);
  session = chamber_store_get_session (store, fx->first_session, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (session->title, ==, "Kỳ họp thứ 10");
  documents = chamber_store_list_documents (store, fx->first_session, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, fx->synced->len);
  for (guint i = 0; i < fx->synced->len; i++)
    assert_held (sync, g_ptr_array_index (fx->synced, i));
  assert_no_partial_shown (sync, fx->pending);
}

/* Size of the partial download of @document, 0 when there is none. */
static gint64
part_size (ChamberSync *sync, const ChamberDocument *document)
{
  g_autofree char *part = chamber_blob_store_partial_path (chamber_sync_get_blobs (sync),
                                                           document->sha256);
  GStatBuf st;

  return g_stat (part, &st) == 0 ? st.st_size : 0;
}

/* Bytes of every partial download in the store: a run with several downloads at once may
 * leave more than one .part when it stops. */
static gint64
parts_total (ChamberSync *sync)
{
  g_autofree char *probe = chamber_blob_store_partial_path (chamber_sync_get_blobs (sync),
                                                            "0000000000000000000000000000000000000000000000000000000000000000");
  g_autofree char *dir_path = g_path_get_dirname (probe);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  gint64 total = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      GStatBuf st;

      if (g_str_has_suffix (name, ".part") && g_stat (path, &st) == 0)
        total += st.st_size;
    }
  return total;
}

/* Syncs the first session through the proxy, before anything breaks. */
static ChamberSync *
sync_first_session (Fixture *fx)
{
  ChamberSync *sync = open_sync (fx, chamber_fault_proxy_get_url (fx->proxy));
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (chamber_sync_run (sync, fx->first_session, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->documents_fetched, ==, (int) fx->synced->len);
  assert_intact (fx, sync);
  return sync;
}

/* The next run, with nothing broken, brings everything: returns its report. */
static ChamberSyncReport *
assert_next_run_repairs (Fixture *fx, ChamberSync *sync)
{
  ChamberSyncReport *report = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;

  chamber_fault_proxy_clear_rules (fx->proxy);
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->documents_failed, ==, 0);
  assert_intact (fx, sync);
  for (guint i = 0; i < fx->pending->len; i++)
    assert_held (sync, g_ptr_array_index (fx->pending, i));
  documents = chamber_store_list_documents (chamber_sync_get_store (sync), fx->second_session,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, fx->pending->len);
  return report;
}

static char *
blob_path_of (const ChamberDocument *document)
{
  return g_strdup_printf ("/api/v1/blobs/%s", document->sha256);
}

static char *
manifest_path_of (gint64 session_id)
{
  return g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/manifest", session_id);
}

/* The answer of the big blob stops after FAULT_AFTER bytes of its body, with a FIN or a reset:
 * the run ends with NETWORK naming the document, the bytes received are kept in the .part, and
 * the next run asks only for the rest. */
static void
check_broken_body (ChamberFaultKind kind)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) sync = sync_first_session (fx);
  g_autoptr (ChamberSyncReport) failed = NULL;
  g_autoptr (ChamberSyncReport) repaired = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = blob_path_of (fx->big);
  gint64 kept, parts;

  chamber_fault_proxy_add_rule (fx->proxy, kind, path, 1, FAULT_AFTER);
  g_assert_false (chamber_sync_run (sync, 0, NULL, NULL, &failed, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "Bản đồ quy hoạch"));
  g_assert_null (failed);
  g_assert_cmpuint (chamber_fault_proxy_count_faults (fx->proxy), ==, 1);
  assert_intact (fx, sync);

  kept = part_size (sync, fx->big);
  if (kind == CHAMBER_FAULT_CUT)
    g_assert_cmpint (kept, ==, FAULT_AFTER);
  else
    /* A reset drops what the proxy had not sent yet: at most that much arrived. */
    g_assert_cmpint (kept, <=, FAULT_AFTER);
  /* Other documents downloading at the same time may have left a .part too. */
  parts = parts_total (sync);

  repaired = assert_next_run_repairs (fx, sync);
  g_assert_cmpint (repaired->bytes_resumed, ==, parts);
  g_assert_cmpint (repaired->hash_mismatches, ==, 0);
  /* The big blob was asked for twice in all: once broken, once for the rest. */
  g_assert_cmpuint (chamber_fault_proxy_count_requests (fx->proxy, path), ==, 2);

  g_clear_object (&sync);
  fixture_free (fx);
}

static void
test_cut_mid_body (void)
{
  check_broken_body (CHAMBER_FAULT_CUT);
}

static void
test_reset_mid_body (void)
{
  check_broken_body (CHAMBER_FAULT_RESET);
}

/* A 500 instead of one blob: that document fails, the others of the run arrive and are
 * recorded, the run says how many could not be fetched and why. */
static void
test_500_on_blob (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) sync = sync_first_session (fx);
  g_autoptr (ChamberSyncReport) failed = NULL;
  g_autoptr (ChamberSyncReport) repaired = NULL;
  g_autoptr (GError) error = NULL;
  const ChamberDocument *victim = g_ptr_array_index (fx->pending, 0);
  g_autofree char *path = blob_path_of (victim);

  chamber_fault_proxy_add_rule (fx->proxy, CHAMBER_FAULT_STATUS_500, path, 1, 0);
  g_assert_false (chamber_sync_run (sync, 0, NULL, NULL, &failed, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "Dự thảo nghị quyết"));
  g_assert_nonnull (strstr (error->message, "500"));
  g_assert_nonnull (failed);
  g_assert_cmpint (failed->documents_failed, ==, 1);
  g_assert_cmpint (failed->documents_fetched, ==, 2);
  assert_intact (fx, sync);
  g_assert_false (chamber_blob_store_has (chamber_sync_get_blobs (sync), victim->sha256));
  g_assert_cmpint (part_size (sync, victim), ==, 0);
  /* What did arrive in the failed run is recorded. */
  assert_held (sync, fx->big);
  assert_held (sync, g_ptr_array_index (fx->pending, 2));

  repaired = assert_next_run_repairs (fx, sync);
  g_assert_cmpint (repaired->documents_fetched, ==, 1);
  g_assert_cmpint (repaired->bytes_fetched, ==, victim->bytes);

  g_clear_object (&sync);
  fixture_free (fx);
}

/* A 500 instead of the second manifest a run asks for, after the first one answered: the run
 * ends with SERVER before anything of the second session is written (every manifest is read
 * before anything is recorded), the first session is untouched. */
static void
test_500_on_manifest (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) sync = sync_first_session (fx);
  g_autoptr (ChamberSyncReport) failed = NULL;
  g_autoptr (ChamberSyncReport) repaired = NULL;
  g_autoptr (GPtrArray) second = NULL;
  g_autoptr (GError) error = NULL;
  const char *manifests = "/api/v1/sessions/";
  guint before = chamber_fault_proxy_count_requests (fx->proxy, manifests);

  chamber_fault_proxy_add_rule (fx->proxy, CHAMBER_FAULT_STATUS_500, manifests, 2, 0);
  g_assert_false (chamber_sync_run (sync, 0, NULL, NULL, &failed, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "500"));
  g_assert_null (failed);
  g_assert_cmpuint (chamber_fault_proxy_count_requests (fx->proxy, manifests), ==, before + 2);
  g_clear_error (&error);
  assert_intact (fx, sync);
  /* Nothing of the second session is recorded. */
  second = chamber_store_list_documents (chamber_sync_get_store (sync), fx->second_session,
                                         &error);
  if (second == NULL)
    g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  else
    g_assert_cmpuint (second->len, ==, 0);
  g_clear_error (&error);

  repaired = assert_next_run_repairs (fx, sync);
  g_assert_cmpint (repaired->documents_fetched, ==, (int) fx->pending->len);
  g_assert_cmpint (repaired->sessions_unchanged, ==, 1);

  g_clear_object (&sync);
  fixture_free (fx);
}

/* Bytes that are not HTTP instead of the manifest, then instead of a blob. */
static void
test_garbage (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) sync = sync_first_session (fx);
  g_autoptr (ChamberSyncReport) failed = NULL;
  g_autoptr (ChamberSyncReport) repaired = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *manifest = manifest_path_of (fx->second_session);
  g_autofree char *blob = blob_path_of (fx->big);

  chamber_fault_proxy_add_rule (fx->proxy, CHAMBER_FAULT_GARBAGE, manifest, 1, 0);
  g_assert_false (chamber_sync_run (sync, 0, NULL, NULL, &failed, NULL, &error));
  g_test_message ("manifest: %s", error->message);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL);
  g_assert_null (failed);
  assert_intact (fx, sync);
  g_clear_error (&error);

  chamber_fault_proxy_clear_rules (fx->proxy);
  chamber_fault_proxy_add_rule (fx->proxy, CHAMBER_FAULT_GARBAGE, blob, 1, 0);
  g_assert_false (chamber_sync_run (sync, 0, NULL, NULL, &failed, NULL, &error));
  g_test_message ("blob: %s", error->message);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL);
  g_assert_nonnull (strstr (error->message, "Bản đồ quy hoạch"));
  assert_intact (fx, sync);
  g_assert_cmpint (part_size (sync, fx->big), ==, 0);

  /* (Other documents cut short when the run ended may resume: their .part files are sound.) */
  repaired = assert_next_run_repairs (fx, sync);

  g_clear_object (&sync);
  fixture_free (fx);
}

typedef struct {
  ChamberTestServer *server;
  const char *sha256;
  gint64 killed_at;
} KillState;

/* Kills chamberd (SIGKILL) once the big document has started to arrive. Progress is reported
 * on the run's thread before the worker writes its next chunk, so the download is mid-way. */
static void
kill_server_cb (const ChamberSyncProgress *progress, gpointer user_data)
{
  KillState *state = user_data;

  if (state->killed_at == 0 && progress->document_title != NULL
      && g_str_equal (progress->document_title, "Bản đồ quy hoạch")
      && progress->document_bytes_done > 0)
    {
      state->killed_at = progress->document_bytes_done;
      chamber_test_server_kill (state->server);
    }
}

/* chamberd killed with SIGKILL mid-download, restarted on another port: the laptop is pointed
 * at the new address and the next run resumes. The server's store survives the kill. */
static void
test_server_killed (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) sync = open_sync (fx, fx->server->url);
  g_autoptr (ChamberSync) again = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (ChamberSyncReport) failed = NULL;
  g_autoptr (ChamberSyncReport) repaired = NULL;
  g_autoptr (ChamberStore) server_store = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *old_url = g_strdup (fx->server->url);
  g_autofree char *db = g_build_filename (fx->server->data_dir, "chamber.db", NULL);
  KillState state = { fx->server, fx->big->sha256, 0 };
  gint64 kept, parts;

  g_assert_true (chamber_sync_run (sync, fx->first_session, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);

  chamber_sync_set_max_parallel (sync, 1);
  g_assert_false (chamber_sync_run (sync, fx->second_session, kill_server_cb, &state, &failed,
                                    NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK);
  g_assert_cmpint (state.killed_at, >, 0);
  assert_intact (fx, sync);
  kept = part_size (sync, fx->big);
  g_assert_cmpint (kept, >=, state.killed_at);
  g_assert_cmpint (kept, <, fx->big->bytes);
  parts = parts_total (sync);
  g_clear_error (&error);

  /* The server's own store came through the kill. */
  server_store = chamber_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_store_check_integrity (server_store, &error));
  g_assert_no_error (error);
  g_clear_object (&server_store);

  chamber_test_server_restart (fx->server);
  g_assert_cmpstr (fx->server->url, !=, old_url);
  g_clear_object (&sync);
  again = open_sync (fx, fx->server->url);
  repaired = assert_next_run_repairs (fx, again);
  g_assert_cmpint (repaired->bytes_resumed, ==, parts);

  g_clear_object (&again);
  fixture_free (fx);
}

static gboolean
wait_for_part (ChamberSync *sync, const ChamberDocument *document, gint64 size)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) WAIT_MS * 1000;

  while (part_size (sync, document) < size && g_get_monotonic_time () < deadline)
    g_usleep (10 * 1000);
  return part_size (sync, document) >= size;
}

/* `chamberctl sync` killed with SIGKILL while its download is stalled mid-body (the proxy holds
 * the answer after FAULT_AFTER bytes, and the test waits until they are in the .part): the
 * folder's lock is gone with the process, the store is sound, and the next run resumes. */
static void
test_client_killed (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) sync = sync_first_session (fx);
  g_autoptr (ChamberSyncReport) repaired = NULL;
  g_autoptr (GSubprocess) ctl = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = blob_path_of (fx->big);
  gint64 parts;
  g_autofree char *session = g_strdup_printf ("%" G_GINT64_FORMAT, fx->second_session);

  chamber_fault_proxy_add_rule (fx->proxy, CHAMBER_FAULT_STALL, path, 1, FAULT_AFTER);
  ctl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                          &error, chamber_test_chamberctl_path (), "--server",
                          chamber_fault_proxy_get_url (fx->proxy), "--token",
                          fx->server->admin_token, "sync", "--dir", fx->local_dir,
                          "--session", session, "--parallel", "1", NULL);
  g_assert_no_error (error);
  g_assert_true (chamber_fault_proxy_wait_stalled (fx->proxy, WAIT_MS));
  g_assert_true (wait_for_part (sync, fx->big, FAULT_AFTER));
  g_subprocess_send_signal (ctl, SIGKILL);
  g_subprocess_wait (ctl, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (ctl));
  g_assert_cmpint (g_subprocess_get_term_sig (ctl), ==, SIGKILL);
  chamber_fault_proxy_release (fx->proxy);

  assert_intact (fx, sync);
  g_assert_cmpint (part_size (sync, fx->big), ==, FAULT_AFTER);
  parts = parts_total (sync);
  repaired = assert_next_run_repairs (fx, sync);
  g_assert_cmpint (repaired->bytes_resumed, ==, parts);

  g_clear_object (&sync);
  fixture_free (fx);
}

/* The laptop's folder is on a 2 MiB filesystem: the first session fits, the big document does
 * not. The run ends with an error that says the disk is full; once there is room, the next
 * run resumes and completes. */
static void
test_client_disk_full (void)
{
  g_autofree char *mount_dir = chamber_test_make_temp_dir ("chamber-small-disk-XXXXXX");
  Fixture *fx;
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (ChamberSyncReport) failed = NULL;
  g_autoptr (ChamberSyncReport) repaired = NULL;
  g_autoptr (GError) error = NULL;
  gint64 parts;

  if (!chamber_test_mount_small_disk (mount_dir, "2m"))
    {
      g_rmdir (mount_dir);
      return;
    }
  fx = fixture_new_full (mount_dir);
  sync = sync_first_session (fx);

  g_assert_false (chamber_sync_run (sync, 0, NULL, NULL, &failed, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_assert_null (failed);
  assert_intact (fx, sync);
  g_assert_cmpint (part_size (sync, fx->big), <, fx->big->bytes);
  parts = parts_total (sync);

  chamber_test_resize_small_disk (mount_dir, "64m");
  repaired = assert_next_run_repairs (fx, sync);
  g_assert_cmpint (repaired->bytes_resumed, ==, parts);

  g_clear_object (&sync);
  chamber_test_unmount_small_disk (mount_dir);
  fixture_free (fx);
  g_rmdir (mount_dir);
}

static gboolean
tmp_is_empty (const char *data_dir)
{
  g_autofree char *tmp = g_build_filename (data_dir, "blobs", "tmp", NULL);
  g_autoptr (GDir) dir = g_dir_open (tmp, 0, NULL);

  return dir == NULL || g_dir_read_name (dir) == NULL;
}

/* chamberd's data folder is on a 4 MiB filesystem: a 16 MB upload is refused with 507 and a
 * sentence saying the server's disk is full, nothing of it is left behind, the server's store
 * is sound, and the server keeps serving (a small upload and a sync work); once there is room,
 * the same upload is accepted. */
static void
test_server_disk_full (void)
{
  g_autofree char *mount_dir = chamber_test_make_temp_dir ("chamberd-small-disk-XXXXXX");
  g_autofree char *work_dir = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *db = NULL;
  g_autofree char *small = NULL;
  g_autofree char *local = NULL;
  ChamberTestServer *server;
  g_autoptr (ChamberClient) admin = NULL;
  g_autoptr (ChamberDocument) refused = NULL;
  g_autoptr (ChamberDocument) fits = NULL;
  g_autoptr (ChamberDocument) accepted = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  gint64 session_id, item_id;
  int status;

  if (!chamber_test_mount_small_disk (mount_dir, "4m"))
    {
      g_rmdir (mount_dir);
      return;
    }
  work_dir = chamber_test_make_temp_dir ("chamberd-disk-full-XXXXXX");

  /* A server of the test utilities, on the small disk: init there, then serve from there. */
  server = g_new0 (ChamberTestServer, 1);
  server->data_dir = g_strdup (mount_dir);
  status = chamber_test_run ((const char *const[]) { chamber_test_chamberd_path (), "--data",
                                                     mount_dir, "init", NULL },
                             NULL, &out, &err);
  g_assert_cmpint (status, ==, 0);
  server->admin_token = g_strdup (g_strstrip (out));
  chamber_test_server_restart (server);
  admin = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);

  session_id = create_session (admin, 12, "Kỳ họp thứ 12");
  item_id = add_item (admin, session_id, "Quy hoạch");
  refused = chamber_client_publish (admin, item_id, big_pdf (), "Bản đồ quy hoạch",
                                    CHAMBER_DOCUMENT_REPORT, NULL, &error);
  g_test_message ("%s", error ? error->message : "(accepted)");
  g_assert_null (refused);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_SERVER);
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);
  g_assert_true (tmp_is_empty (mount_dir));

  /* The store is sound, and the server still serves: a small document goes in and syncs. */
  db = g_build_filename (mount_dir, "chamber.db", NULL);
  store = chamber_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_store_check_integrity (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  small = g_build_filename (work_dir, "to-trinh.pdf", NULL);
  chamber_test_write_pdf (small, 2, "Tờ trình");
  fits = chamber_client_publish (admin, item_id, small, "Tờ trình", CHAMBER_DOCUMENT_SUBMISSION,
                                 NULL, &error);
  g_assert_no_error (error);
  local = g_build_filename (work_dir, "laptop", NULL);
  sync = chamber_sync_new (server->url, server->admin_token, local, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->documents_fetched, ==, 1);

  /* With room, the same upload is accepted. */
  chamber_test_resize_small_disk (mount_dir, "96m");
  accepted = chamber_client_publish (admin, item_id, big_pdf (), "Bản đồ quy hoạch",
                                     CHAMBER_DOCUMENT_REPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (accepted);

  g_clear_object (&sync);
  chamber_test_server_stop (server);
  store = chamber_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_store_check_integrity (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  chamber_test_unmount_small_disk (mount_dir);
  chamber_test_server_free (server);
  chamber_test_rm_rf (work_dir);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync-faults/cut-mid-body", test_cut_mid_body);
  g_test_add_func ("/sync-faults/reset-mid-body", test_reset_mid_body);
  g_test_add_func ("/sync-faults/500-on-blob", test_500_on_blob);
  g_test_add_func ("/sync-faults/500-on-manifest", test_500_on_manifest);
  g_test_add_func ("/sync-faults/garbage", test_garbage);
  g_test_add_func ("/sync-faults/server-killed", test_server_killed);
  g_test_add_func ("/sync-faults/client-killed", test_client_killed);
  g_test_add_func ("/sync-faults/client-disk-full", test_client_disk_full);
  g_test_add_func ("/sync-faults/server-disk-full", test_server_disk_full);
  status = g_test_run ();

  if (big_pdf_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (big_pdf_path);

      chamber_test_rm_rf (dir);
      g_clear_pointer (&big_pdf_path, g_free);
    }
  return status;
}
