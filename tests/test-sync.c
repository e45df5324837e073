/* test-sync.c — the sync engine against a real chamberd on an ephemeral loopback port: publish →
 * sync → bytes identical; unchanged sessions; delegate tokens; interrupted downloads resume;
 * blobs whose hash does not match are rejected and repaired; a wrong token and a dead server
 * leave the local store intact; the async variant on a main loop. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "chamber-client.h"
#include "chamber-sync.h"
#include "chamber-test-util.h"
#include "chamber-updates.h"

#define VIETNAMESE_TITLE "Tờ trình về dự toán ngân sách địa phương năm 2025"

typedef struct {
  ChamberTestServer *server;
  ChamberClient *admin;
  char *work_dir;          /* source PDFs and local sync folders */
  gint64 session_id;
  gint64 item_id;
  gint64 sub_item_id;
  GPtrArray *documents;    /* ChamberDocument published in the main session */
  GHashTable *sources;     /* sha256 → path of the published file */
} Fixture;

typedef struct {
  int calls;
  gint64 last_done;
  gint64 last_total;
  gboolean monotonic;
  gboolean bounded;
  GCancellable *cancel_after_first_chunk;
  gint64 cancelled_at;
  GThread *expected_thread;
  gboolean wrong_thread;
} ProgressLog;

static void
progress_log_init (ProgressLog *log)
{
  memset (log, 0, sizeof *log);
  log->monotonic = TRUE;
  log->bounded = TRUE;
}

static void
progress_cb (const ChamberSyncProgress *progress, gpointer user_data)
{
  ProgressLog *log = user_data;

  log->calls++;
  if (progress->bytes_done < log->last_done)
    log->monotonic = FALSE;
  if (progress->bytes_done > progress->bytes_total
      || progress->documents_done > progress->documents_total)
    log->bounded = FALSE;
  log->last_done = progress->bytes_done;
  log->last_total = progress->bytes_total;
  if (log->expected_thread != NULL && g_thread_self () != log->expected_thread)
    log->wrong_thread = TRUE;
  if (log->cancel_after_first_chunk != NULL && progress->bytes_done > 0
      && !g_cancellable_is_cancelled (log->cancel_after_first_chunk))
    {
      log->cancelled_at = progress->bytes_done;
      g_cancellable_cancel (log->cancel_after_first_chunk);
    }
}

static char *
work_path (Fixture *fx, const char *name)
{
  return g_build_filename (fx->work_dir, name, NULL);
}

static ChamberDocument *
publish (Fixture *fx, gint64 item_id, const char *path, const char *title,
         ChamberDocumentKind kind)
{
  g_autoptr (GError) error = NULL;
  ChamberDocument *document;

  document = chamber_client_publish (fx->admin, item_id, path, title, kind, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_hash_table_insert (fx->sources, g_strdup (document->sha256), g_strdup (path));
  return document;
}

static ChamberDocument *
publish_generated (Fixture *fx, gint64 item_id, const char *file_name, int pages,
                   const char *title, ChamberDocumentKind kind)
{
  g_autofree char *path = work_path (fx, file_name);

  chamber_test_write_pdf (path, pages, title);
  return publish (fx, item_id, path, title, kind);
}

static gint64
create_session (Fixture *fx, int number, const char *title)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (GError) error = NULL;

  session->number = number;
  session->kind = CHAMBER_SESSION_REGULAR;
  session->title = g_strdup (title);
  session->place = g_strdup ("Hội trường UBND tỉnh");
  session->starts_on = g_strdup ("2024-12-09");
  session->ends_on = g_strdup ("2024-12-11");
  created = chamber_client_create_session (fx->admin, session, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (created->id, >, 0);
  return created->id;
}

static gint64
add_item (Fixture *fx, gint64 session_id, gint64 parent_id, const char *title)
{
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) created = NULL;
  g_autoptr (GError) error = NULL;

  item->session_id = session_id;
  item->parent_id = parent_id;
  item->position = -1;
  item->title = g_strdup (title);
  item->planned_minutes = 30;
  created = chamber_client_add_item (fx->admin, item, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (created->id, >, 0);
  return created->id;
}

/* A server with one session, two items and three published PDFs (one with a Vietnamese title). */
static Fixture *
fixture_new (void)
{
  Fixture *fx = g_new0 (Fixture, 1);
  g_autoptr (GError) error = NULL;

  fx->server = chamber_test_server_start ();
  fx->admin = chamber_client_new (fx->server->url, fx->server->admin_token, &error);
  g_assert_no_error (error);
  fx->work_dir = chamber_test_make_temp_dir ("chamber-sync-test-XXXXXX");
  fx->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  fx->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  fx->session_id = create_session (fx, 10, "Kỳ họp thứ 10, HĐND tỉnh khóa X");
  fx->item_id = add_item (fx, fx->session_id, 0, "Báo cáo kinh tế — xã hội");
  fx->sub_item_id = add_item (fx, fx->session_id, fx->item_id, "Dự toán ngân sách");

  g_ptr_array_add (fx->documents, publish_generated (fx, fx->item_id, "to-trinh.pdf", 3,
                                                     VIETNAMESE_TITLE,
                                                     CHAMBER_DOCUMENT_SUBMISSION));
  g_ptr_array_add (fx->documents, publish_generated (fx, fx->item_id, "report.pdf", 2,
                                                     "Annual report",
                                                     CHAMBER_DOCUMENT_REPORT));
  g_ptr_array_add (fx->documents, publish_generated (fx, fx->sub_item_id, "draft.pdf", 4,
                                                     "Draft resolution",
                                                     CHAMBER_DOCUMENT_DRAFT_RESOLUTION));
  return fx;
}

static void
fixture_free (Fixture *fx)
{
  g_clear_object (&fx->admin);
  chamber_test_server_free (fx->server);
  chamber_test_rm_rf (fx->work_dir);
  g_free (fx->work_dir);
  g_ptr_array_unref (fx->documents);
  g_hash_table_unref (fx->sources);
  g_free (fx);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

static void
assert_same_bytes (const char *expected_path, const char *actual_path)
{
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  gsize expected_len = 0, actual_len = 0;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (expected_path, &expected, &expected_len, &error);
  g_assert_no_error (error);
  g_file_get_contents (actual_path, &actual, &actual_len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (actual, actual_len, expected, expected_len);
}

/* The blob of @document is in its final place, identical to its source, and marked held. */
static void
assert_held (Fixture *fx, ChamberSync *sync, const ChamberDocument *document)
{
  g_autofree char *path = chamber_blob_store_path (chamber_sync_get_blobs (sync),
                                                   document->sha256);
  g_autofree char *part = chamber_blob_store_partial_path (chamber_sync_get_blobs (sync),
                                                           document->sha256);
  const char *source = g_hash_table_lookup (fx->sources, document->sha256);

  g_assert_nonnull (source);
  g_assert_true (chamber_blob_store_has (chamber_sync_get_blobs (sync), document->sha256));
  g_assert_true (chamber_store_is_blob_held (chamber_sync_get_store (sync), document->sha256));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  assert_same_bytes (source, path);
}

/* Nothing of @document is visible locally: no final file and not marked held. */
static void
assert_not_held (ChamberSync *sync, const ChamberDocument *document)
{
  g_autofree char *path = chamber_blob_store_path (chamber_sync_get_blobs (sync),
                                                   document->sha256);

  g_assert_false (chamber_blob_store_has (chamber_sync_get_blobs (sync), document->sha256));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (chamber_store_is_blob_held (chamber_sync_get_store (sync),
                                              document->sha256));
}

static gint64
total_bytes (GPtrArray *documents)
{
  gint64 total = 0;

  for (guint i = 0; i < documents->len; i++)
    total += ((ChamberDocument *) g_ptr_array_index (documents, i))->bytes;
  return total;
}

/* The local mirror holds the main session, its two items and its documents. */
static void
assert_mirror (Fixture *fx, ChamberSync *sync)
{
  ChamberStore *store = chamber_sync_get_store (sync);
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  gboolean found_vietnamese = FALSE;

  g_assert_true (chamber_store_check_integrity (store, &error));
  g_assert_no_error (error);
  session = chamber_store_get_session (store, fx->session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (session->title, ==, "Kỳ họp thứ 10, HĐND tỉnh khóa X");
  g_assert_cmpint (session->number, ==, 10);

  items = chamber_store_list_items (store, fx->session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpint (((ChamberItem *) g_ptr_array_index (items, 0))->id, ==, fx->item_id);
  g_assert_cmpint (((ChamberItem *) g_ptr_array_index (items, 1))->parent_id, ==, fx->item_id);

  documents = chamber_store_list_documents (store, fx->session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, fx->documents->len);
  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);

      if (g_strcmp0 (document->title, VIETNAMESE_TITLE) == 0)
        found_vietnamese = TRUE;
      g_assert_true (g_hash_table_contains (fx->sources, document->sha256));
    }
  g_assert_true (found_vietnamese);
}

static ChamberSync *
new_sync (Fixture *fx, const char *token, const char *local_name)
{
  g_autofree char *dir = work_path (fx, local_name);
  g_autoptr (GError) error = NULL;
  ChamberSync *sync = chamber_sync_new (fx->server->url, token, dir, &error);

  g_assert_no_error (error);
  g_assert_nonnull (sync);
  return sync;
}

static void
test_sync_publish_and_sync (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "laptop");
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (ChamberSyncReport) again = NULL;
  g_autoptr (ChamberSyncReport) update = NULL;
  g_autoptr (ChamberDocument) added = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *etag_key = g_strdup_printf ("manifest-etag:%" G_GINT64_FORMAT,
                                               fx->session_id);
  g_autofree char *etag = NULL;
  ProgressLog log;

  progress_log_init (&log);
  g_assert_true (chamber_sync_run (sync, 0, progress_cb, &log, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->sessions_checked, ==, 1);
  g_assert_cmpint (report->sessions_unchanged, ==, 0);
  g_assert_cmpint (report->documents_fetched, ==, 3);
  g_assert_cmpint (report->documents_failed, ==, 0);
  g_assert_cmpint (report->hash_mismatches, ==, 0);
  g_assert_cmpint (report->bytes_resumed, ==, 0);
  g_assert_cmpint (report->bytes_fetched, ==, total_bytes (fx->documents));
  g_assert_cmpuint (report->fetched->len, ==, 3);

  g_assert_cmpint (log.calls, >, 0);
  g_assert_true (log.monotonic);
  g_assert_true (log.bounded);
  g_assert_cmpint (log.last_total, ==, total_bytes (fx->documents));
  g_assert_cmpint (log.last_done, ==, log.last_total);

  for (guint i = 0; i < fx->documents->len; i++)
    assert_held (fx, sync, g_ptr_array_index (fx->documents, i));
  assert_mirror (fx, sync);
  etag = chamber_store_get_setting (chamber_sync_get_store (sync), etag_key);
  g_assert_nonnull (etag);
  g_assert_cmpstr (etag, !=, "");

  /* Nothing changed: one 304 and no bytes. */
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again->sessions_checked, ==, 1);
  g_assert_cmpint (again->sessions_unchanged, ==, 1);
  g_assert_cmpint (again->documents_fetched, ==, 0);
  g_assert_cmpint (again->bytes_fetched, ==, 0);
  g_assert_cmpuint (again->fetched->len, ==, 0);

  /* A new document: only it is downloaded, the session is no longer unchanged. */
  added = publish_generated (fx, fx->sub_item_id, "annex.pdf", 1, "Phụ lục kèm theo",
                             CHAMBER_DOCUMENT_OTHER);
  g_ptr_array_add (fx->documents, chamber_document_copy (added));
  g_assert_true (chamber_sync_run (sync, fx->session_id, NULL, NULL, &update, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (update->sessions_checked, ==, 1);
  g_assert_cmpint (update->sessions_unchanged, ==, 0);
  g_assert_cmpint (update->documents_fetched, ==, 1);
  g_assert_cmpint (update->bytes_fetched, ==, added->bytes);
  g_assert_cmpstr (((ChamberDocument *) g_ptr_array_index (update->fetched, 0))->title, ==,
                   "Phụ lục kèm theo");
  for (guint i = 0; i < fx->documents->len; i++)
    assert_held (fx, sync, g_ptr_array_index (fx->documents, i));
  assert_mirror (fx, sync);

  g_clear_object (&sync);
  fixture_free (fx);
}

static void
test_sync_delegate (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (ChamberPerson) delegate = NULL;
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 token_id = 0;

  person->name = g_strdup ("Nguyễn Thị Hồng Nhung");
  person->role = CHAMBER_ROLE_DELEGATE;
  person->group_name = g_strdup ("Tổ đại biểu số 3");
  person->active = TRUE;
  delegate = chamber_client_add_person (fx->admin, person, NULL, &error);
  g_assert_no_error (error);
  token = chamber_client_issue_token (fx->admin, delegate->id, &token_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (token, "chm_"));

  sync = new_sync (fx, token, "delegate-laptop");
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->documents_fetched, ==, 3);
  for (guint i = 0; i < fx->documents->len; i++)
    assert_held (fx, sync, g_ptr_array_index (fx->documents, i));
  assert_mirror (fx, sync);

  g_clear_object (&sync);
  fixture_free (fx);
}

/* Publishes a document of at least @min_mb MB in a session of its own; returns it and sets
 * @out_session. */
static ChamberDocument *
publish_big (Fixture *fx, int min_mb, gint64 *out_session)
{
  g_autofree char *path = work_path (fx, "big.pdf");
  gint64 session_id = create_session (fx, 11, "Kỳ họp chuyên đề");
  gint64 item_id = add_item (fx, session_id, 0, "Quy hoạch tỉnh");
  ChamberDocument *document;

  chamber_test_write_noise_pdf (path, (gint64) min_mb * 1024 * 1024 + 65536, 20241209, 595);
  g_assert_cmpint (file_size (path), >, (gint64) min_mb * 1024 * 1024);
  document = publish (fx, item_id, path, "Bản đồ quy hoạch", CHAMBER_DOCUMENT_REPORT);
  g_assert_cmpint (document->bytes, ==, file_size (path));
  *out_session = session_id;
  return document;
}

static void
test_sync_resume_after_cancel (void)
{
  Fixture *fx = fixture_new ();
  gint64 big_session = 0;
  g_autoptr (ChamberDocument) big = publish_big (fx, 3, &big_session);
  g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "laptop");
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (ChamberSyncReport) resumed = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *part = chamber_blob_store_partial_path (chamber_sync_get_blobs (sync),
                                                           big->sha256);
  g_autofree char *etag_key = g_strdup_printf ("manifest-etag:%" G_GINT64_FORMAT, big_session);
  g_autofree char *etag = NULL;
  gint64 part_size;
  ProgressLog log;

  progress_log_init (&log);
  log.cancel_after_first_chunk = cancellable;
  g_assert_false (chamber_sync_run (sync, big_session, progress_cb, &log, &report, cancellable,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  g_clear_error (&error);

  /* Half a download: kept for resuming, never visible, never recorded. */
  g_assert_true (g_file_test (part, G_FILE_TEST_IS_REGULAR));
  part_size = file_size (part);
  g_assert_cmpint (part_size, >, 0);
  g_assert_cmpint (part_size, ==, log.cancelled_at);
  g_assert_cmpint (part_size, <, big->bytes);
  assert_not_held (sync, big);
  etag = chamber_store_get_setting (chamber_sync_get_store (sync), etag_key);
  g_assert_true (etag == NULL || *etag == '\0');

  g_assert_true (chamber_sync_run (sync, big_session, NULL, NULL, &resumed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (resumed->documents_fetched, ==, 1);
  g_assert_cmpint (resumed->bytes_resumed, ==, part_size);
  g_assert_cmpint (resumed->bytes_fetched, ==, big->bytes - part_size);
  g_assert_cmpint (resumed->bytes_fetched, <, big->bytes);
  g_assert_cmpint (resumed->hash_mismatches, ==, 0);
  assert_held (fx, sync, big);

  g_clear_object (&sync);
  fixture_free (fx);
}

static void
plant_part (ChamberSync *sync, const char *sha256, const char *data, gsize len)
{
  g_autofree char *part = chamber_blob_store_partial_path (chamber_sync_get_blobs (sync),
                                                           sha256);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (part, data, (gssize) len, &error);
  g_assert_no_error (error);
}

static void
test_sync_resume_planted_part (void)
{
  Fixture *fx = fixture_new ();
  gint64 big_session = 0;
  g_autoptr (ChamberDocument) big = publish_big (fx, 3, &big_session);
  const char *source = g_hash_table_lookup (fx->sources, big->sha256);
  g_autofree char *bytes = NULL;
  gsize len = 0;
  gsize half;
  g_autoptr (GError) error = NULL;

  g_file_get_contents (source, &bytes, &len, &error);
  g_assert_no_error (error);
  half = len / 2;

  /* The correct first half: only the second half travels. */
  {
    g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "half-right");
    g_autoptr (ChamberSyncReport) report = NULL;

    plant_part (sync, big->sha256, bytes, half);
    g_assert_true (chamber_sync_run (sync, big_session, NULL, NULL, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (report->bytes_resumed, ==, (gint64) half);
    g_assert_cmpint (report->bytes_fetched, ==, (gint64) (len - half));
    g_assert_cmpint (report->hash_mismatches, ==, 0);
    assert_held (fx, sync, big);
  }

  /* A wrong first half: the result does not match, is discarded, and the retry from zero
   * brings the right bytes. */
  {
    g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "half-wrong");
    g_autoptr (ChamberSyncReport) report = NULL;
    g_autofree char *wrong = g_malloc (half);

    memset (wrong, 'x', half);
    plant_part (sync, big->sha256, wrong, half);
    g_assert_true (chamber_sync_run (sync, big_session, NULL, NULL, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (report->hash_mismatches, ==, 1);
    g_assert_cmpint (report->documents_fetched, ==, 1);
    g_assert_cmpint (report->documents_failed, ==, 0);
    assert_held (fx, sync, big);
  }

  /* A .part longer than the document cannot be a prefix of it: the whole file is fetched. */
  {
    g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "too-long");
    g_autoptr (ChamberSyncReport) report = NULL;
    g_autofree char *longer = g_malloc0 (len + 10);

    plant_part (sync, big->sha256, longer, len + 10);
    g_assert_true (chamber_sync_run (sync, big_session, NULL, NULL, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (report->bytes_resumed, ==, 0);
    g_assert_cmpint (report->bytes_fetched, ==, (gint64) len);
    assert_held (fx, sync, big);
  }

  /* Every byte already there (the run stopped before the rename): nothing travels. */
  {
    g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "complete");
    g_autoptr (ChamberSyncReport) report = NULL;

    plant_part (sync, big->sha256, bytes, len);
    g_assert_true (chamber_sync_run (sync, big_session, NULL, NULL, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (report->bytes_resumed, ==, (gint64) len);
    g_assert_cmpint (report->bytes_fetched, ==, 0);
    assert_held (fx, sync, big);
  }

  fixture_free (fx);
}

/* The path of a blob in chamberd's data folder: DATA/blobs/ab/abcdef…. */
static char *
server_blob_path (Fixture *fx, const char *sha256)
{
  g_autofree char *prefix = g_strndup (sha256, 2);

  return g_build_filename (fx->server->data_dir, "blobs", prefix, sha256, NULL);
}

static void
test_sync_hash_mismatch (void)
{
  Fixture *fx = fixture_new ();
  const ChamberDocument *victim = g_ptr_array_index (fx->documents, 1);
  g_autofree char *blob_path = server_blob_path (fx, victim->sha256);
  g_autofree char *original = NULL;
  g_autofree char *damaged = NULL;
  g_autofree char *etag_key = g_strdup_printf ("manifest-etag:%" G_GINT64_FORMAT,
                                               fx->session_id);
  g_autofree char *etag = NULL;
  g_autofree char *part = NULL;
  g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "laptop");
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (ChamberSyncReport) repaired = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  gsize len = 0;

  g_file_get_contents (blob_path, &original, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpint ((gint64) len, ==, victim->bytes);
  damaged = g_memdup2 (original, len);
  for (gsize i = 0; i < len; i++)
    damaged[i] = (char) (damaged[i] ^ 0x5a);
  g_file_set_contents (blob_path, damaged, (gssize) len, &error);
  g_assert_no_error (error);

  g_assert_false (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_INCOMPLETE);
  g_assert_nonnull (report);
  g_assert_cmpint (report->hash_mismatches, >=, 1);
  g_assert_cmpint (report->documents_failed, ==, 1);
  g_assert_cmpint (report->documents_fetched, ==, 2);
  g_clear_error (&error);

  /* The damaged bytes are nowhere: not in place, not half-kept, not recorded. */
  assert_not_held (sync, victim);
  part = chamber_blob_store_partial_path (chamber_sync_get_blobs (sync), victim->sha256);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  assert_held (fx, sync, g_ptr_array_index (fx->documents, 0));
  assert_held (fx, sync, g_ptr_array_index (fx->documents, 2));
  /* The mirror lists the session, but without an ETag so the next run looks again. */
  documents = chamber_store_list_documents (chamber_sync_get_store (sync), fx->session_id,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 3);
  etag = chamber_store_get_setting (chamber_sync_get_store (sync), etag_key);
  g_assert_true (etag == NULL || *etag == '\0');

  /* The server's file is restored: the next run repairs the laptop. */
  g_file_set_contents (blob_path, original, (gssize) len, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &repaired, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (repaired->documents_fetched, ==, 1);
  g_assert_cmpint (repaired->hash_mismatches, ==, 0);
  g_assert_cmpint (repaired->bytes_fetched, ==, victim->bytes);
  for (guint i = 0; i < fx->documents->len; i++)
    assert_held (fx, sync, g_ptr_array_index (fx->documents, i));
  assert_mirror (fx, sync);

  g_clear_object (&sync);
  fixture_free (fx);
}

static void
test_sync_wrong_token (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) good = new_sync (fx, fx->server->admin_token, "laptop");
  g_autoptr (ChamberSync) bad = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (ChamberSyncReport) refused = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (chamber_sync_run (good, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&good);

  bad = new_sync (fx, "chm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "laptop");
  g_assert_false (chamber_sync_run (bad, 0, NULL, NULL, &refused, NULL, &error));
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_null (refused);
  g_clear_error (&error);

  /* What the good token brought is all still there. */
  for (guint i = 0; i < fx->documents->len; i++)
    assert_held (fx, bad, g_ptr_array_index (fx->documents, i));
  assert_mirror (fx, bad);

  g_clear_object (&bad);
  fixture_free (fx);
}

static void
test_sync_server_killed (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "laptop");
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (ChamberSyncReport) failed = NULL;
  g_autoptr (ChamberDocument) added = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);

  added = publish_generated (fx, fx->item_id, "late.pdf", 2, "Báo cáo bổ sung",
                             CHAMBER_DOCUMENT_REPORT);
  chamber_test_server_kill (fx->server);

  g_assert_false (chamber_sync_run (sync, 0, NULL, NULL, &failed, NULL, &error));
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK);
  g_assert_null (failed);
  g_clear_error (&error);

  for (guint i = 0; i < fx->documents->len; i++)
    assert_held (fx, sync, g_ptr_array_index (fx->documents, i));
  assert_mirror (fx, sync);
  assert_not_held (sync, added);

  g_clear_object (&sync);
  fixture_free (fx);
}

/* An unchanged session (304) still gets back a blob the laptop lost. */
static void
test_sync_unchanged_repairs_missing_blob (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "laptop");
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (ChamberSyncReport) repaired = NULL;
  g_autoptr (GError) error = NULL;
  const ChamberDocument *lost = g_ptr_array_index (fx->documents, 2);
  g_autofree char *path = NULL;

  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  path = chamber_blob_store_path (chamber_sync_get_blobs (sync), lost->sha256);
  g_assert_cmpint (g_unlink (path), ==, 0);

  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &repaired, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (repaired->sessions_unchanged, ==, 1);
  g_assert_cmpint (repaired->documents_fetched, ==, 1);
  g_assert_cmpint (repaired->bytes_fetched, ==, lost->bytes);
  for (guint i = 0; i < fx->documents->len; i++)
    assert_held (fx, sync, g_ptr_array_index (fx->documents, i));

  g_clear_object (&sync);
  fixture_free (fx);
}

typedef struct {
  ChamberTestServer *server;
  gint64 killed_at;
} KillState;

static void
kill_after_first_chunk_cb (const ChamberSyncProgress *progress, gpointer user_data)
{
  KillState *state = user_data;

  if (state->killed_at == 0 && progress->bytes_done > 0)
    {
      state->killed_at = progress->bytes_done;
      chamber_test_server_kill (state->server);
    }
}

/* The server dies in the middle of a download far larger than what socket buffers hold: the
 * run ends with NETWORK, the .part stays, and a run against the restarted server resumes. */
static void
test_sync_server_dies_mid_download (void)
{
  Fixture *fx = fixture_new ();
  gint64 big_session = 0;
  g_autoptr (ChamberDocument) big = publish_big (fx, 20, &big_session);
  g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "laptop");
  g_autoptr (ChamberSync) again = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (ChamberSyncReport) resumed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *part = chamber_blob_store_partial_path (chamber_sync_get_blobs (sync),
                                                           big->sha256);
  KillState state = { fx->server, 0 };
  gint64 part_size;

  g_assert_false (chamber_sync_run (sync, big_session, kill_after_first_chunk_cb, &state,
                                    &report, NULL, &error));
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK);
  g_assert_null (report);
  g_clear_error (&error);
  g_assert_cmpint (state.killed_at, >, 0);
  part_size = file_size (part);
  g_test_message ("server killed after %" G_GINT64_FORMAT " bytes; %" G_GINT64_FORMAT
                  " of %" G_GINT64_FORMAT " bytes kept", state.killed_at, part_size, big->bytes);
  g_assert_cmpint (part_size, >=, state.killed_at);
  g_assert_cmpint (part_size, <, big->bytes);
  assert_not_held (sync, big);
  g_clear_object (&sync);

  chamber_test_server_restart (fx->server);
  again = new_sync (fx, fx->server->admin_token, "laptop");
  g_assert_true (chamber_sync_run (again, big_session, NULL, NULL, &resumed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (resumed->bytes_resumed, ==, part_size);
  g_assert_cmpint (resumed->bytes_fetched, ==, big->bytes - part_size);
  assert_held (fx, again, big);

  g_clear_object (&again);
  fixture_free (fx);
}

typedef struct {
  gboolean done;
  gboolean ok;
  ChamberSyncReport *report;
  GError *error;
} AsyncResult;

static void
sync_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AsyncResult *outcome = user_data;

  outcome->ok = chamber_sync_run_finish (CHAMBER_SYNC (source), result, &outcome->report,
                                         &outcome->error);
  outcome->done = TRUE;
}

static gboolean
is_done (gpointer data)
{
  return ((AsyncResult *) data)->done;
}

static void
test_sync_async (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "laptop");
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  AsyncResult outcome = { 0 };
  AsyncResult cancel_outcome = { 0 };
  ProgressLog log;

  progress_log_init (&log);
  log.expected_thread = g_thread_self ();
  chamber_sync_run_async (sync, 0, progress_cb, &log, NULL, sync_done_cb, &outcome);
  g_assert_true (chamber_test_pump_until (is_done, &outcome, 60000));
  g_assert_no_error (outcome.error);
  g_assert_true (outcome.ok);
  g_assert_nonnull (outcome.report);
  g_assert_cmpint (outcome.report->documents_fetched, ==, 3);
  g_assert_cmpint (outcome.report->bytes_fetched, ==, total_bytes (fx->documents));
  g_assert_cmpint (log.calls, >, 0);
  g_assert_false (log.wrong_thread);
  g_assert_true (log.monotonic);
  g_assert_cmpint (log.last_done, ==, total_bytes (fx->documents));

  /* The worker wrote through its own connection; this thread's store sees it. */
  for (guint i = 0; i < fx->documents->len; i++)
    assert_held (fx, sync, g_ptr_array_index (fx->documents, i));
  assert_mirror (fx, sync);
  chamber_sync_report_free (outcome.report);

  /* A cancelled run ends with CANCELLED, on this thread too. */
  g_cancellable_cancel (cancelled);
  chamber_sync_run_async (sync, 0, NULL, NULL, cancelled, sync_done_cb, &cancel_outcome);
  g_assert_true (chamber_test_pump_until (is_done, &cancel_outcome, 60000));
  g_assert_false (cancel_outcome.ok);
  g_assert_error (cancel_outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (cancel_outcome.report);
  g_clear_error (&cancel_outcome.error);

  g_clear_object (&sync);
  fixture_free (fx);
}

typedef struct {
  int fd;
  gboolean released;
} HeldLock;

static gboolean
release_lock_cb (gpointer data)
{
  HeldLock *lock = data;

  close (lock->fd);
  lock->released = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
cancel_cb (gpointer data)
{
  g_cancellable_cancel (G_CANCELLABLE (data));
  return G_SOURCE_REMOVE;
}

static int
hold_folder_lock (ChamberSync *sync)
{
  g_autofree char *lock_path = g_build_filename (chamber_sync_get_local_dir (sync), "sync.lock",
                                                 NULL);
  int fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);
  return fd;
}

/* Two runs into one folder would write the same .part: the second waits for the first (here a
 * lock held by the test) and can be cancelled while it waits. */
static void
test_sync_one_run_per_folder (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "laptop");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  AsyncResult waited = { 0 };
  AsyncResult cancelled = { 0 };
  HeldLock lock = { hold_folder_lock (sync), FALSE };

  /* Cancelled while waiting: nothing happens to the folder. */
  g_timeout_add (200, cancel_cb, cancellable);
  chamber_sync_run_async (sync, 0, NULL, NULL, cancellable, sync_done_cb, &cancelled);
  g_assert_true (chamber_test_pump_until (is_done, &cancelled, 60000));
  g_assert_false (cancelled.ok);
  g_assert_error (cancelled.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&cancelled.error);
  for (guint i = 0; i < fx->documents->len; i++)
    assert_not_held (sync, g_ptr_array_index (fx->documents, i));

  /* The lock is let go: the waiting run goes ahead. */
  g_timeout_add (300, release_lock_cb, &lock);
  chamber_sync_run_async (sync, 0, NULL, NULL, NULL, sync_done_cb, &waited);
  g_assert_true (chamber_test_pump_until (is_done, &waited, 60000));
  g_assert_true (lock.released);
  g_assert_no_error (waited.error);
  g_assert_true (waited.ok);
  g_assert_cmpint (waited.report->documents_fetched, ==, 3);
  chamber_sync_report_free (waited.report);
  for (guint i = 0; i < fx->documents->len; i++)
    assert_held (fx, sync, g_ptr_array_index (fx->documents, i));

  g_clear_object (&sync);
  fixture_free (fx);
}

typedef struct {
  GHashTable *sizes;         /* title → size, of the documents expected */
  GHashTable *seen;          /* titles reported with their bytes */
  int calls;
  gint64 last_done;
  gboolean monotonic;
  gboolean rate_when_flowing;
  gboolean seconds_consistent;
  gboolean documents_right;
  int last_seconds_left;
  GCancellable *cancel;      /* cancelled once bytes_done reaches cancel_at */
  gint64 cancel_at;
} ParallelLog;

static void
parallel_log_init (ParallelLog *log, GPtrArray *documents)
{
  memset (log, 0, sizeof *log);
  log->sizes = g_hash_table_new (g_str_hash, g_str_equal);
  log->seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < documents->len; i++)
    {
      ChamberDocument *document = g_ptr_array_index (documents, i);

      g_hash_table_insert (log->sizes, document->title, &document->bytes);
    }
  log->monotonic = TRUE;
  log->rate_when_flowing = TRUE;
  log->seconds_consistent = TRUE;
  log->documents_right = TRUE;
}

static void
parallel_log_clear (ParallelLog *log)
{
  g_hash_table_unref (log->sizes);
  g_hash_table_unref (log->seen);
}

static void
parallel_progress_cb (const ChamberSyncProgress *progress, gpointer user_data)
{
  ParallelLog *log = user_data;

  log->calls++;
  if (progress->bytes_done < log->last_done || progress->bytes_done > progress->bytes_total)
    log->monotonic = FALSE;
  log->last_done = progress->bytes_done;
  /* A fresh folder: every byte counted was received. */
  if (progress->bytes_done > 0 && progress->bytes_per_second <= 0)
    log->rate_when_flowing = FALSE;
  if (progress->seconds_left < -1
      || (progress->bytes_per_second > 0 && progress->seconds_left < 0)
      || (progress->bytes_done == progress->bytes_total && progress->seconds_left != 0))
    log->seconds_consistent = FALSE;
  log->last_seconds_left = progress->seconds_left;
  if (progress->document_title != NULL)
    {
      const gint64 *size = g_hash_table_lookup (log->sizes, progress->document_title);

      if (size == NULL || progress->document_bytes_total != *size
          || progress->document_bytes_done < 0
          || progress->document_bytes_done > progress->document_bytes_total)
        log->documents_right = FALSE;
      else
        g_hash_table_add (log->seen, (gpointer) progress->document_title);
    }
  else if (progress->document_bytes_done != 0 || progress->document_bytes_total != 0)
    log->documents_right = FALSE;
  /* Cancelled inside a document less than half received, so that its worker still has reads
   * to make and leaves a partial file, however the threads were scheduled: a cancellation
   * just as a document completed could find the next ones not started yet. */
  if (log->cancel != NULL && progress->bytes_done >= log->cancel_at
      && progress->document_title != NULL && progress->document_bytes_done > 0
      && progress->document_bytes_done * 2 < progress->document_bytes_total
      && !g_cancellable_is_cancelled (log->cancel))
    g_cancellable_cancel (log->cancel);
}

/* A session of eight documents of about 1 MB each; returns the session. */
static gint64
publish_eight (Fixture *fx, GPtrArray *documents)
{
  gint64 session_id = create_session (fx, 12, "Kỳ họp thường lệ cuối năm");
  gint64 item_id = add_item (fx, session_id, 0, "Các báo cáo của UBND tỉnh");

  for (int i = 0; i < 8; i++)
    {
      g_autofree char *name = g_strdup_printf ("eight-%d.pdf", i);
      g_autofree char *path = work_path (fx, name);
      g_autofree char *title = g_strdup_printf ("Báo cáo số %d", i + 1);

      chamber_test_write_noise_pdf (path, (gint64) (512 + 64 * i) * (512 + 64 * i) * 3,
                                    20241209 + (guint32) i, 595);
      g_ptr_array_add (documents, publish (fx, item_id, path, title, CHAMBER_DOCUMENT_REPORT));
    }
  return session_id;
}

/* Eight documents on four download threads: every byte identical, the report and the progress
 * right (monotonic bytes, a rate once bytes flowed, time left, each document's own bytes). */
static void
test_sync_parallel (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (
      (GDestroyNotify) chamber_document_free);
  gint64 session_id = publish_eight (fx, documents);
  g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "laptop");
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  ParallelLog log;

  g_assert_cmpint (chamber_sync_get_max_parallel (sync), ==, 3);
  chamber_sync_set_max_parallel (sync, 4);
  parallel_log_init (&log, documents);
  g_assert_true (chamber_sync_run (sync, session_id, parallel_progress_cb, &log, &report, NULL,
                                   &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->documents_fetched, ==, 8);
  g_assert_cmpuint (report->fetched->len, ==, 8);
  g_assert_cmpint (report->documents_failed, ==, 0);
  g_assert_cmpint (report->hash_mismatches, ==, 0);
  g_assert_cmpint (report->bytes_resumed, ==, 0);
  g_assert_cmpint (report->bytes_fetched, ==, total_bytes (documents));
  for (guint i = 0; i < documents->len; i++)
    assert_held (fx, sync, g_ptr_array_index (documents, i));

  g_assert_cmpint (log.calls, >, 0);
  g_assert_true (log.monotonic);
  g_assert_cmpint (log.last_done, ==, total_bytes (documents));
  g_assert_true (log.rate_when_flowing);
  g_assert_true (log.seconds_consistent);
  g_assert_true (log.last_seconds_left == 0 || log.last_seconds_left == -1);
  g_assert_true (log.documents_right);
  g_assert_cmpuint (g_hash_table_size (log.seen), ==, 8);
  parallel_log_clear (&log);

  g_clear_object (&sync);
  fixture_free (fx);
}

/* Cancelled with four downloads under way: the .part files stay, nothing is half-placed, and
 * the next run resumes them and completes. */
static void
test_sync_parallel_cancel (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (
      (GDestroyNotify) chamber_document_free);
  gint64 session_id = publish_eight (fx, documents);
  g_autoptr (ChamberSync) sync = new_sync (fx, fx->server->admin_token, "laptop");
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (ChamberSyncReport) resumed = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  gint64 kept = 0, placed = 0;
  int parts = 0;
  ParallelLog log;

  chamber_sync_set_max_parallel (sync, 4);
  parallel_log_init (&log, documents);
  log.cancel = cancellable;
  log.cancel_at = total_bytes (documents) / 3;
  g_assert_false (chamber_sync_run (sync, session_id, parallel_progress_cb, &log, &report,
                                    cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (report);
  g_clear_error (&error);
  parallel_log_clear (&log);

  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *part = chamber_blob_store_partial_path (chamber_sync_get_blobs (sync),
                                                               document->sha256);
      g_autofree char *path = chamber_blob_store_path (chamber_sync_get_blobs (sync),
                                                       document->sha256);

      g_assert_false (chamber_store_is_blob_held (chamber_sync_get_store (sync),
                                                  document->sha256));
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          /* Placed before the cancellation: whole and verified. */
          assert_same_bytes (g_hash_table_lookup (fx->sources, document->sha256), path);
          g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
          placed += document->bytes;
        }
      else if (g_file_test (part, G_FILE_TEST_EXISTS))
        {
          gint64 size = file_size (part);

          g_assert_cmpint (size, <=, document->bytes);
          kept += size;
          parts++;
        }
    }
  g_assert_cmpint (parts, >, 0);
  g_assert_cmpint (kept + placed, <, total_bytes (documents));

  g_assert_true (chamber_sync_run (sync, session_id, NULL, NULL, &resumed, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (resumed->bytes_resumed, ==, kept);
  g_assert_cmpint (resumed->bytes_fetched, ==, total_bytes (documents) - kept - placed);
  g_assert_cmpint (resumed->hash_mismatches, ==, 0);
  g_assert_cmpint (resumed->documents_failed, ==, 0);
  for (guint i = 0; i < documents->len; i++)
    assert_held (fx, sync, g_ptr_array_index (documents, i));

  g_clear_object (&sync);
  fixture_free (fx);
}

static void
test_sync_bad_address (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-sync-url-XXXXXX");
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (GError) error = NULL;

  sync = chamber_sync_new ("not a url", "chm_x", dir, &error);
  g_assert_null (sync);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_INVALID_URL);
  chamber_test_rm_rf (dir);
}

/* Versions and incremental sync */

/* Every item and document of @session_id in @sync's mirror, as one text, for comparing two
 * mirrors record for record. */
static char *
describe_mirror (ChamberSync *sync, gint64 session_id)
{
  ChamberStore *store = chamber_sync_get_store (sync);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  GString *text = g_string_new (NULL);

  items = chamber_store_list_items (store, session_id, &error);
  g_assert_no_error (error);
  documents = chamber_store_list_documents (store, session_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (text, "item %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d %s\n",
                              item->id, item->parent_id, item->position, item->title);
    }
  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *access = g_strjoinv (",", document->access);

      g_string_append_printf (text, "document %" G_GINT64_FORMAT " %s v%d %s %s replaces %"
                              G_GINT64_FORMAT " v%d %s held %d\n",
                              document->id, document->title, document->version,
                              document->sha256, access, document->replaces_id,
                              document->replaces_version, document->replaces_sha256,
                              chamber_store_is_blob_held (store, document->sha256));
    }
  return g_string_free (text, FALSE);
}

static ChamberSyncReport *
sync_ok (ChamberSync *sync, gint64 session_id)
{
  ChamberSyncReport *report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (chamber_sync_run (sync, session_id, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* A laptop that synced once asks only for what changed (?since=), downloads only the new
 * version and the new document, records the update, and ends with the same mirror as a laptop
 * that syncs everything afresh; an unchanged session costs one 304. */
static void
test_sync_incremental_versions (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberSync) laptop = new_sync (fx, fx->server->admin_token, "laptop");
  g_autoptr (ChamberSync) fresh = NULL;
  g_autoptr (ChamberSyncReport) first = NULL;
  g_autoptr (ChamberSyncReport) second = NULL;
  g_autoptr (ChamberSyncReport) third = NULL;
  g_autoptr (ChamberSyncReport) full = NULL;
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (ChamberDocument) added = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *v2_path = work_path (fx, "to-trinh-v2.pdf");
  g_autofree char *incremental_mirror = NULL;
  g_autofree char *full_mirror = NULL;
  const ChamberDocument *v1 = g_ptr_array_index (fx->documents, 0);

  first = sync_ok (laptop, fx->session_id);
  g_assert_cmpint (first->manifests_incremental, ==, 0);
  g_assert_cmpint (first->documents_added, ==, 3);
  g_assert_cmpint (first->documents_updated, ==, 0);

  /* The secretariat replaces the submission and publishes one more document. */
  chamber_test_write_pdf (v2_path, 5, "Tờ trình (sửa đổi)");
  v2 = chamber_client_replace_document (fx->admin, v1->id, v2_path, -1, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (v2->version, ==, 2);
  g_assert_cmpint (v2->replaces_id, ==, v1->id);
  g_assert_cmpstr (v2->title, ==, v1->title);
  g_hash_table_insert (fx->sources, g_strdup (v2->sha256), g_strdup (v2_path));
  added = publish_generated (fx, fx->sub_item_id, "phu-luc.pdf", 2, "Phụ lục",
                             CHAMBER_DOCUMENT_OTHER);

  second = sync_ok (laptop, fx->session_id);
  g_assert_cmpint (second->manifests_incremental, ==, 1);
  g_assert_cmpint (second->sessions_unchanged, ==, 0);
  g_assert_cmpint (second->documents_fetched, ==, 2);
  g_assert_cmpint (second->bytes_fetched, ==, v2->bytes + added->bytes);
  g_assert_cmpint (second->documents_updated, ==, 1);
  g_assert_cmpint (second->documents_added, ==, 1);
  assert_held (fx, laptop, v2);
  assert_held (fx, laptop, added);
  /* The new version shows as updated until someone opens it; version 1 left the mirror. */
  g_assert_true (chamber_updates_is_updated (chamber_sync_get_store (laptop), 0, v2->id));
  g_assert_false (chamber_updates_is_updated (chamber_sync_get_store (laptop), 0, added->id));
  {
    g_autoptr (ChamberDocument) gone = chamber_store_get_document (chamber_sync_get_store (laptop),
                                                                   v1->id, &error);

    g_assert_null (gone);
    g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_true (chamber_updates_mark_opened (chamber_sync_get_store (laptop), 7, v2, &error));
  g_assert_no_error (error);
  g_assert_false (chamber_updates_is_updated (chamber_sync_get_store (laptop), 7, v2->id));
  g_assert_true (chamber_updates_is_updated (chamber_sync_get_store (laptop), 8, v2->id));

  /* Nothing changed since: one request, answered 304. */
  third = sync_ok (laptop, fx->session_id);
  g_assert_cmpint (third->sessions_unchanged, ==, 1);
  g_assert_cmpint (third->documents_fetched, ==, 0);

  /* A laptop that syncs everything afresh ends with the same mirror. */
  fresh = new_sync (fx, fx->server->admin_token, "fresh-laptop");
  full = sync_ok (fresh, fx->session_id);
  g_assert_cmpint (full->manifests_incremental, ==, 0);
  g_assert_cmpint (full->documents_fetched, ==, 4);
  incremental_mirror = describe_mirror (laptop, fx->session_id);
  full_mirror = describe_mirror (fresh, fx->session_id);
  g_assert_cmpstr (incremental_mirror, ==, full_mirror);
  g_assert_nonnull (strstr (full_mirror, " v2 "));

  g_clear_object (&laptop);
  g_clear_object (&fresh);
  fixture_free (fx);
}

/* A delegate loses access to one document and gains another: the incremental sync drops the
 * first from the mirror (hash and all), brings the second, and matches a fresh sync. A mirror
 * that does not hold what the server counts on gets the full manifest. */
static void
test_sync_incremental_access (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (ChamberPerson) delegate = NULL;
  g_autoptr (ChamberSync) laptop = NULL;
  g_autoptr (ChamberSync) fresh = NULL;
  g_autoptr (ChamberSyncReport) first = NULL;
  g_autoptr (ChamberSyncReport) second = NULL;
  g_autoptr (ChamberSyncReport) repaired = NULL;
  g_autoptr (ChamberSyncReport) full = NULL;
  g_autoptr (ChamberDocument) secret = NULL;
  g_autoptr (ChamberDocument) changed = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *secret_path = work_path (fx, "mat.pdf");
  g_autofree char *incremental_mirror = NULL;
  g_autofree char *full_mirror = NULL;
  const ChamberDocument *report_doc = g_ptr_array_index (fx->documents, 1);
  static const char *const group_2[] = { "group:Tổ 2", NULL };
  static const char *const group_1[] = { "group:Tổ 1", NULL };
  gint64 token_id = 0;

  person->name = g_strdup ("Trần Văn Bình");
  person->role = CHAMBER_ROLE_DELEGATE;
  person->group_name = g_strdup ("Tổ 1");
  person->active = TRUE;
  delegate = chamber_client_add_person (fx->admin, person, NULL, &error);
  g_assert_no_error (error);
  token = chamber_client_issue_token (fx->admin, delegate->id, &token_id, NULL, &error);
  g_assert_no_error (error);

  chamber_test_write_pdf (secret_path, 1, "Tài liệu mật");
  secret = chamber_client_publish_full (fx->admin, fx->item_id, secret_path, "Tài liệu mật",
                                        CHAMBER_DOCUMENT_OTHER, group_2, NULL, &error);
  g_assert_no_error (error);
  g_hash_table_insert (fx->sources, g_strdup (secret->sha256), g_strdup (secret_path));

  laptop = new_sync (fx, token, "delegate-laptop");
  first = sync_ok (laptop, fx->session_id);
  g_assert_cmpint (first->documents_fetched, ==, 3);
  assert_not_held (laptop, secret);

  /* The report goes to group 2 only; the confidential document opens to group 1. */
  changed = chamber_client_set_document_access (fx->admin, report_doc->id, group_2, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&changed, chamber_document_free);
  changed = chamber_client_set_document_access (fx->admin, secret->id, group_1, NULL, &error);
  g_assert_no_error (error);

  second = sync_ok (laptop, fx->session_id);
  g_assert_cmpint (second->manifests_incremental, ==, 1);
  g_assert_cmpint (second->documents_fetched, ==, 1);
  assert_held (fx, laptop, secret);
  {
    g_autoptr (ChamberDocument) gone = chamber_store_get_document (chamber_sync_get_store (laptop),
                                                                   report_doc->id, &error);

    g_assert_null (gone);
    g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  fresh = new_sync (fx, token, "fresh-laptop");
  full = sync_ok (fresh, fx->session_id);
  incremental_mirror = describe_mirror (laptop, fx->session_id);
  full_mirror = describe_mirror (fresh, fx->session_id);
  g_assert_cmpstr (incremental_mirror, ==, full_mirror);
  g_assert_null (strstr (full_mirror, report_doc->sha256));

  /* The report opens to group 1 again (it comes in full: its access changed), and the mirror
   * lost one document the server still lists unchanged, as a damaged mirror would: the server
   * names its id but not its record, so the client asks for the full manifest and ends as a
   * fresh sync would. */
  g_clear_pointer (&changed, chamber_document_free);
  changed = chamber_client_set_document_access (fx->admin, report_doc->id, group_1, NULL, &error);
  g_assert_no_error (error);
  {
    ChamberStore *store = chamber_sync_get_store (laptop);
    g_autoptr (ChamberSession) held = chamber_store_get_session (store, fx->session_id, &error);
    g_autoptr (GPtrArray) items = chamber_store_list_items (store, fx->session_id, &error);
    g_autoptr (GPtrArray) documents = chamber_store_list_documents (store, fx->session_id,
                                                                   &error);
    g_autofree char *etag_key = g_strdup_printf ("manifest-etag:%" G_GINT64_FORMAT,
                                                 fx->session_id);

    g_assert_no_error (error);
    g_ptr_array_remove_index (documents, 0);
    g_assert_true (chamber_store_replace_session_mirror (store, held, items, documents,
                                                         NULL, &error));
    g_assert_no_error (error);
    g_assert_true (chamber_store_set_setting (store, etag_key, "", &error));
    g_assert_no_error (error);
  }
  repaired = sync_ok (laptop, fx->session_id);
  g_assert_cmpint (repaired->manifests_incremental, ==, 0);
  g_clear_pointer (&incremental_mirror, g_free);
  g_clear_pointer (&full_mirror, g_free);
  g_clear_object (&fresh);
  g_clear_pointer (&full, chamber_sync_report_free);
  fresh = new_sync (fx, token, "fresh-laptop-2");
  full = sync_ok (fresh, fx->session_id);
  incremental_mirror = describe_mirror (laptop, fx->session_id);
  full_mirror = describe_mirror (fresh, fx->session_id);
  g_assert_cmpstr (incremental_mirror, ==, full_mirror);
  g_assert_nonnull (strstr (full_mirror, report_doc->sha256));

  g_clear_object (&laptop);
  g_clear_object (&fresh);
  fixture_free (fx);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync/publish-and-sync", test_sync_publish_and_sync);
  g_test_add_func ("/sync/delegate", test_sync_delegate);
  g_test_add_func ("/sync/resume-after-cancel", test_sync_resume_after_cancel);
  g_test_add_func ("/sync/resume-planted-part", test_sync_resume_planted_part);
  g_test_add_func ("/sync/hash-mismatch", test_sync_hash_mismatch);
  g_test_add_func ("/sync/wrong-token", test_sync_wrong_token);
  g_test_add_func ("/sync/server-killed", test_sync_server_killed);
  g_test_add_func ("/sync/server-dies-mid-download", test_sync_server_dies_mid_download);
  g_test_add_func ("/sync/unchanged-repairs-missing-blob",
                   test_sync_unchanged_repairs_missing_blob);
  g_test_add_func ("/sync/one-run-per-folder", test_sync_one_run_per_folder);
  g_test_add_func ("/sync/async", test_sync_async);
  g_test_add_func ("/sync/parallel", test_sync_parallel);
  g_test_add_func ("/sync/parallel-cancel", test_sync_parallel_cancel);
  g_test_add_func ("/sync/bad-address", test_sync_bad_address);
  g_test_add_func ("/sync/incremental-versions", test_sync_incremental_versions);
  g_test_add_func ("/sync/incremental-access", test_sync_incremental_access);

  return g_test_run ();
}
