/* test-sync-load.c — 200 delegates sync the same pack from one chamberd at the same time
 * (issue 4's scale bar, as a test: no timing is asserted, only that every one completes).
 *
 * 200 delegates get a token each; 200 threads of this process, each with the core ChamberSync,
 * its own local folder and the default parallel downloads (so about 600 connections at once),
 * wait at a common start line and sync the session together. Every run must succeed with every
 * document held, byte-identical (the same SHA-256 everywhere), and a sound store. chamberd is
 * started with a soft limit of open files far below what 600 connections need (as many systems
 * give a service by default): it must lift its own limit rather than stop accepting
 * connections, and still answer afterwards. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "chamber-client.h"
#include "chamber-hash.h"
#include "chamber-sync.h"
#include "chamber-test-util.h"

/* 200 delegates; CHAMBER_TEST_LOAD_DELEGATES lowers it for the sanitizer build (build-aux/run),
 * whose chamberd is several times slower: that run looks for memory errors, this one for
 * capacity. */
#define DEFAULT_DELEGATES 200
static int DELEGATES = DEFAULT_DELEGATES;
/* Below what DELEGATES × the default parallel downloads need, above what start-up needs. */
#define LOW_FILE_LIMIT 256

typedef struct {
  const char *url;
  GPtrArray *documents;  /* ChamberDocument of the pack */
  /* The start line: every thread waits until all are ready. */
  GMutex lock;
  GCond cond;
  int ready;
  gboolean go;
} Load;

typedef struct {
  Load *load;
  char *token;
  char *dir;
  GThread *thread;
  /* Outcome, read after the thread is joined. */
  gboolean ok;
  char *error;
  int fetched;
  gboolean same_bytes;
  gboolean sound;
} Delegate;

static gpointer
delegate_thread (gpointer data)
{
  Delegate *delegate = data;
  Load *load = delegate->load;
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  sync = chamber_sync_new (load->url, delegate->token, delegate->dir, &error);
  /* The server is under test, not 200 laptops' preview rendering on this machine's 2 cores. */
  if (sync != NULL)
    chamber_sync_set_previews (sync, FALSE);

  g_mutex_lock (&load->lock);
  load->ready++;
  g_cond_broadcast (&load->cond);
  while (!load->go)
    g_cond_wait (&load->cond, &load->lock);
  g_mutex_unlock (&load->lock);

  if (sync == NULL)
    {
      delegate->error = g_strdup (error->message);
      return NULL;
    }
  delegate->ok = chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error);
  if (!delegate->ok)
    {
      delegate->error = g_strdup (error->message);
      return NULL;
    }
  delegate->fetched = report->documents_fetched;

  delegate->same_bytes = TRUE;
  for (guint i = 0; i < load->documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (load->documents, i);
      g_autofree char *path = chamber_blob_store_path (chamber_sync_get_blobs (sync),
                                                       document->sha256);
      char hex[65] = "";
      gint64 bytes = 0;

      if (!chamber_sha256_file (path, hex, &bytes, NULL, NULL)
          || strcmp (hex, document->sha256) != 0 || bytes != document->bytes
          || !chamber_store_is_blob_held (chamber_sync_get_store (sync), document->sha256))
        delegate->same_bytes = FALSE;
    }
  delegate->sound = chamber_store_check_integrity (chamber_sync_get_store (sync), NULL);
  return NULL;
}

static ChamberDocument *
publish (ChamberClient *admin, gint64 item_id, const char *path, const char *title)
{
  g_autoptr (GError) error = NULL;
  ChamberDocument *document = chamber_client_publish (admin, item_id, path, title,
                                                      CHAMBER_DOCUMENT_REPORT, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Starts chamberd with a soft limit of LOW_FILE_LIMIT open files (the child inherits it). */
static ChamberTestServer *
start_server_with_low_file_limit (void)
{
  struct rlimit saved, low;
  ChamberTestServer *server;

  g_assert_cmpint (getrlimit (RLIMIT_NOFILE, &saved), ==, 0);
  low = saved;
  low.rlim_cur = MIN (saved.rlim_cur, LOW_FILE_LIMIT);
  g_assert_cmpint (setrlimit (RLIMIT_NOFILE, &low), ==, 0);
  server = chamber_test_server_start ();
  g_assert_cmpint (setrlimit (RLIMIT_NOFILE, &saved), ==, 0);
  return server;
}

static void
test_200_delegates (void)
{
  g_autoptr (ChamberTestServer) server = start_server_with_low_file_limit ();
  g_autofree char *work_dir = chamber_test_make_temp_dir ("chamber-load-XXXXXX");
  g_autoptr (ChamberClient) admin = NULL;
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) created_item = NULL;
  g_autoptr (ChamberPerson) me = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *big = g_build_filename (work_dir, "ban-do.pdf", NULL);
  Delegate *delegates;

  if (g_getenv ("CHAMBER_TEST_LOAD_DELEGATES") != NULL)
    DELEGATES = CLAMP (atoi (g_getenv ("CHAMBER_TEST_LOAD_DELEGATES")), 1, DEFAULT_DELEGATES);
  delegates = g_new0 (Delegate, DELEGATES);
  Load load = { 0 };
  struct rlimit limit;
  gint64 started;
  int failures = 0;

  /* This process holds 200 stores and about 600 connections at once. */
  g_assert_cmpint (getrlimit (RLIMIT_NOFILE, &limit), ==, 0);
  if (limit.rlim_cur < 4096 && limit.rlim_max > limit.rlim_cur)
    {
      limit.rlim_cur = MIN (limit.rlim_max, 8192);
      g_assert_cmpint (setrlimit (RLIMIT_NOFILE, &limit), ==, 0);
    }

  admin = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);
  session->number = 14;
  session->kind = CHAMBER_SESSION_REGULAR;
  session->title = g_strdup ("Kỳ họp thứ 14");
  created = chamber_client_create_session (admin, session, NULL, &error);
  g_assert_no_error (error);
  item->session_id = created->id;
  item->position = -1;
  item->title = g_strdup ("Dự toán ngân sách");
  created_item = chamber_client_add_item (admin, item, NULL, &error);
  g_assert_no_error (error);

  load.documents = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  /* Big on the wire; every laptop still indexes its text in this process. */
  chamber_test_write_noise_pdf (big, 1024 * 1024, 14, 24);
  g_ptr_array_add (load.documents, publish (admin, created_item->id, big, "Bản đồ quy hoạch"));
  for (int i = 1; i <= 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("to-trinh-%d.pdf", i);
      g_autofree char *path = g_build_filename (work_dir, name, NULL);
      g_autofree char *title = g_strdup_printf ("Tờ trình số %d", i);

      chamber_test_write_pdf (path, 1, title);
      g_ptr_array_add (load.documents, publish (admin, created_item->id, path, title));
    }

  for (int i = 0; i < DELEGATES; i++)
    {
      g_autoptr (ChamberPerson) person = chamber_person_new ();
      g_autoptr (ChamberPerson) added = NULL;
      g_autofree char *name = g_strdup_printf ("laptop-%03d", i);

      person->name = g_strdup_printf ("Đại biểu số %d", i + 1);
      person->role = CHAMBER_ROLE_DELEGATE;
      person->group_name = g_strdup_printf ("Tổ đại biểu số %d", i % 12 + 1);
      person->active = TRUE;
      added = chamber_client_add_person (admin, person, NULL, &error);
      g_assert_no_error (error);
      delegates[i].token = chamber_client_issue_token (admin, added->id, NULL, NULL, &error);
      g_assert_no_error (error);
      delegates[i].dir = g_build_filename (work_dir, name, NULL);
      delegates[i].load = &load;
    }

  g_test_message ("%d delegates with a token each; syncing %u documents each",
                  DELEGATES, load.documents->len);
  started = g_get_monotonic_time ();
  load.url = server->url;
  g_mutex_init (&load.lock);
  g_cond_init (&load.cond);
  for (int i = 0; i < DELEGATES; i++)
    delegates[i].thread = g_thread_new ("delegate", delegate_thread, &delegates[i]);
  g_mutex_lock (&load.lock);
  while (load.ready < DELEGATES)
    g_cond_wait (&load.cond, &load.lock);
  load.go = TRUE;
  g_cond_broadcast (&load.cond);
  g_mutex_unlock (&load.lock);

  for (int i = 0; i < DELEGATES; i++)
    {
      Delegate *delegate = &delegates[i];

      g_thread_join (delegate->thread);
      if (!delegate->ok || delegate->fetched != (int) load.documents->len
          || !delegate->same_bytes || !delegate->sound)
        {
          g_test_message ("delegate %d: %s, %d documents fetched, bytes %s, store %s", i,
                          delegate->ok ? "synced" : delegate->error, delegate->fetched,
                          delegate->same_bytes ? "identical" : "DIFFERENT",
                          delegate->sound ? "sound" : "DAMAGED");
          failures++;
        }
    }
  /* Reported, never asserted: speed is for tests/bench/bench-sync.c. */
  g_test_message ("%d concurrent syncs ended after %.1f s, %d failed", DELEGATES,
                  (double) (g_get_monotonic_time () - started) / G_USEC_PER_SEC, failures);
  g_assert_cmpint (failures, ==, 0);

  /* The server still answers. */
  me = chamber_client_get_me (admin, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (me);

  for (int i = 0; i < DELEGATES; i++)
    {
      g_free (delegates[i].token);
      g_free (delegates[i].dir);
      g_free (delegates[i].error);
    }
  g_free (delegates);
  g_ptr_array_unref (load.documents);
  g_mutex_clear (&load.lock);
  g_cond_clear (&load.cond);
  chamber_test_rm_rf (work_dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sync-load/200-delegates", test_200_delegates);
  return g_test_run ();
}
