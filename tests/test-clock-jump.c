/* test-clock-jump.c — a system clock that jumps (issue 7), against real processes: chamberd and
 * `chamberctl sync` run under libfaketime (Debian package faketime) with a timestamp file that
 * the test rewrites while they run, so their wall clock jumps a day back or forward at once —
 * as a wrong clock corrected by NTP or by hand does — while the monotonic clock goes on.
 *
 *   /clock-jump/server-during-sync: chamberd's clock jumps back a day, then forward two, in the
 *     middle of a sync; documents published while it is behind and while it is ahead still
 *     reach the laptop on the next sync (a manifest's ETag and revision must not go back with
 *     the clock), and an unchanged session then costs one request.
 *   /clock-jump/client-during-sync: the laptop's clock jumps a day back in the middle of a
 *     download held by a stalling proxy, then a day forward before the next run, which resumes.
 *   /clock-jump/live-turn: chamberd's clock jumps an hour back and two forward while a turn
 *     runs: what the server shows for the turn never goes backwards or negative and never jumps
 *     by the hour, event times never go back, and kill -9 and a restart keep it all.
 *   /clock-jump/live-client: the laptop's clock jumps an hour back, then forward, while it
 *     follows a running turn (ChamberLiveClient, as the app's screens do, in a copy of this test
 *     program run under libfaketime): the countdown it shows goes down, never up, and never
 *     jumps by the hour.
 *
 * After each: the stores pass PRAGMA integrity_check and every document held is re-hashed. */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "chamber-client.h"
#include "chamber-fault-proxy.h"
#include "chamber-live-client.h"
#include "chamber-hash.h"
#include "chamber-sync.h"
#include "chamber-test-util.h"

static const char *const faketime_libraries[] = {
  "/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1",
  "/usr/lib/faketime/libfaketime.so.1",
};

/* A wall clock that the test moves: the processes started with fake_clock_apply() in their
 * environment read their offset from @rc_path on every clock call. */
typedef struct {
  char *dir;
  char *rc_path;
  const char *library;
} FakeClock;

static FakeClock *
fake_clock_new (void)
{
  FakeClock *clock = g_new0 (FakeClock, 1);

  for (gsize i = 0; i < G_N_ELEMENTS (faketime_libraries); i++)
    if (g_file_test (faketime_libraries[i], G_FILE_TEST_EXISTS))
      clock->library = faketime_libraries[i];
  clock->dir = chamber_test_make_temp_dir ("chamber-clock-XXXXXX");
  clock->rc_path = g_build_filename (clock->dir, "faketimerc", NULL);
  g_assert_true (g_file_set_contents (clock->rc_path, "+0\n", -1, NULL));
  return clock;
}

static void
fake_clock_free (FakeClock *clock)
{
  chamber_test_rm_rf (clock->dir);
  g_free (clock->dir);
  g_free (clock->rc_path);
  g_free (clock);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeClock, fake_clock_free)

/* FALSE (the test skipped) when libfaketime is not installed. */
static gboolean
fake_clock_available (FakeClock *clock)
{
  if (clock->library != NULL)
    return TRUE;
  g_test_skip ("a clock that jumps needs libfaketime: apt-get install faketime "
               "(build-aux/run installs it)");
  return FALSE;
}

/* "+0", "-1d", "+2h": libfaketime's relative offset from the real time. */
static void
fake_clock_set (FakeClock *clock, const char *offset)
{
  g_autofree char *text = g_strdup_printf ("%s\n", offset);
  g_autofree char *tmp = g_strdup_printf ("%s.new", clock->rc_path);

  /* Renamed into place, so a process never reads a half-written offset. */
  g_assert_true (g_file_set_contents (tmp, text, -1, NULL));
  g_assert_cmpint (g_rename (tmp, clock->rc_path), ==, 0);
  g_test_message ("clock now %s", offset);
}

/* The environment that puts a process on @clock: only the wall clock is faked (the monotonic
 * clock of a real machine does not jump either). */
static void
fake_clock_apply (FakeClock *clock)
{
  g_setenv ("LD_PRELOAD", clock->library, TRUE);
  g_setenv ("FAKETIME_TIMESTAMP_FILE", clock->rc_path, TRUE);
  g_setenv ("FAKETIME_NO_CACHE", "1", TRUE);
  g_setenv ("DONT_FAKE_MONOTONIC", "1", TRUE);
}

static void
fake_clock_unapply (void)
{
  g_unsetenv ("LD_PRELOAD");
  g_unsetenv ("FAKETIME_TIMESTAMP_FILE");
  g_unsetenv ("FAKETIME_NO_CACHE");
  g_unsetenv ("DONT_FAKE_MONOTONIC");
}

/* chamberd on @clock. */
static ChamberTestServer *
server_start_on (FakeClock *clock)
{
  ChamberTestServer *server;

  fake_clock_apply (clock);
  server = chamber_test_server_start ();
  fake_clock_unapply ();
  return server;
}

static void
server_restart_on (ChamberTestServer *server, FakeClock *clock)
{
  fake_clock_apply (clock);
  chamber_test_server_restart (server);
  fake_clock_unapply ();
}

/* ---- Set-up ----------------------------------------------------------------------------- */

static gint64
create_session (ChamberClient *admin, int number)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (GError) error = NULL;

  session->number = number;
  session->kind = CHAMBER_SESSION_REGULAR;
  session->title = g_strdup_printf ("Kỳ họp thứ %d", number);
  created = chamber_client_create_session (admin, session, NULL, &error);
  g_assert_no_error (error);
  return created->id;
}

static ChamberDocument *
publish (ChamberClient *admin, gint64 item, const char *dir, const char *name, gint64 noise_bytes)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  ChamberDocument *document;

  if (noise_bytes > 0)
    chamber_test_write_noise_pdf (path, noise_bytes, (guint32) g_str_hash (name), 24);
  else
    chamber_test_write_pdf (path, 2, name);
  document = chamber_client_publish (admin, item, path, name, CHAMBER_DOCUMENT_REPORT, NULL,
                                     &error);
  g_assert_no_error (error);
  return document;
}

static void
assert_store_sound (const char *db_path)
{
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GError) error = NULL;

  store = chamber_store_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

/* Every document of @documents is in @local_dir's blob store with its exact bytes, and held. */
static void
assert_held (const char *local_dir, GPtrArray *documents)
{
  g_autofree char *db = g_build_filename (local_dir, "chamber.db", NULL);
  g_autofree char *blob_dir = g_build_filename (local_dir, "blobs", NULL);
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GError) error = NULL;

  assert_store_sound (db);
  store = chamber_store_open (db, &error);
  g_assert_no_error (error);
  blobs = chamber_blob_store_new (blob_dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *path = chamber_blob_store_path (blobs, document->sha256);
      char hex[65];
      gint64 bytes = 0;

      g_assert_true (chamber_store_is_blob_held (store, document->sha256));
      g_assert_true (chamber_sha256_file (path, hex, &bytes, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (hex, ==, document->sha256);
      g_assert_cmpint (bytes, ==, document->bytes);
    }
}

/* ---- chamberd's clock jumps during a sync ------------------------------------------------ */

typedef struct {
  FakeClock *clock;
  int jumps;
} JumpDuringSync;

static void
jump_during_sync_cb (const ChamberSyncProgress *progress, gpointer user_data)
{
  JumpDuringSync *jump = user_data;

  /* Back a day once the first bytes arrived, forward a day past the real time at half. */
  if (jump->jumps == 0 && progress->bytes_done > 0)
    {
      fake_clock_set (jump->clock, "-1d");
      jump->jumps++;
    }
  else if (jump->jumps == 1 && progress->bytes_done * 2 >= progress->bytes_total)
    {
      fake_clock_set (jump->clock, "+1d");
      jump->jumps++;
    }
}

static void
sync_once (ChamberSync *sync, gint64 session, ChamberSyncProgressFunc progress,
           gpointer progress_data, int expect_fetched)
{
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (chamber_sync_run (sync, session, progress, progress_data, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->documents_fetched, ==, expect_fetched);
  g_assert_cmpint (report->documents_failed, ==, 0);
}

static void
test_server_during_sync (void)
{
  g_autoptr (FakeClock) clock = fake_clock_new ();
  g_autoptr (ChamberTestServer) server = NULL;
  g_autoptr (ChamberClient) admin = NULL;
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (ChamberSyncReport) again = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *work = NULL;
  g_autofree char *local = NULL;
  g_autofree char *server_db = NULL;
  JumpDuringSync jump = { 0 };
  gint64 session, item;

  if (!fake_clock_available (clock))
    return;
  work = chamber_test_make_temp_dir ("chamber-clock-sync-XXXXXX");
  local = g_build_filename (work, "laptop", NULL);
  server = server_start_on (clock);
  admin = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);
  session = create_session (admin, 30);
  item = chamber_test_add_item (admin, session, "Dự toán ngân sách");
  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *name = g_strdup_printf ("tai-lieu-%d.pdf", i);

      g_ptr_array_add (documents, publish (admin, item, work, name, 4 * 1000 * 1000));
    }

  /* The clock jumps back, then forward, while the documents stream in. */
  sync = chamber_sync_new (server->url, server->admin_token, local, &error);
  g_assert_no_error (error);
  chamber_sync_set_previews (sync, FALSE);
  chamber_sync_set_max_parallel (sync, 1);
  jump.clock = clock;
  sync_once (sync, session, jump_during_sync_cb, &jump, 4);
  g_assert_cmpint (jump.jumps, ==, 2);
  assert_held (local, documents);

  /* Published while the server's clock is a day ahead, then after it fell two days back: each
   * reaches the laptop on the next sync. */
  g_ptr_array_add (documents, publish (admin, item, work, "phu-luc-1.pdf", 0));
  sync_once (sync, session, NULL, NULL, 1);
  fake_clock_set (clock, "-1d");
  g_ptr_array_add (documents, publish (admin, item, work, "phu-luc-2.pdf", 0));
  sync_once (sync, session, NULL, NULL, 1);
  fake_clock_set (clock, "+0");
  g_ptr_array_add (documents, publish (admin, item, work, "phu-luc-3.pdf", 0));
  sync_once (sync, session, NULL, NULL, 1);
  assert_held (local, documents);

  /* Nothing changed since: one request, no body. */
  g_assert_true (chamber_sync_run (sync, session, NULL, NULL, &again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again->sessions_unchanged, ==, 1);
  g_assert_cmpint (again->bytes_fetched, ==, 0);

  g_clear_object (&sync);
  chamber_test_server_stop (server);
  server_db = g_build_filename (server->data_dir, "chamber.db", NULL);
  assert_store_sound (server_db);
  chamber_test_rm_rf (work);
}

/* ---- The laptop's clock jumps during a sync ---------------------------------------------- */

static int
chamberctl_sync (FakeClock *clock, const char *url, const char *token, const char *local,
                 gint64 session, char **out_err)
{
  g_autofree char *session_text = g_strdup_printf ("%lld", (long long) session);
  g_autofree char *token_env = g_strdup_printf ("CHAMBER_TOKEN=%s", token);
  g_autofree char *preload = g_strdup_printf ("LD_PRELOAD=%s", clock->library);
  g_autofree char *rc = g_strdup_printf ("FAKETIME_TIMESTAMP_FILE=%s", clock->rc_path);
  g_autofree char *out = NULL;

  return chamber_test_run ((const char *const[]) { chamber_test_chamberctl_path (), "--server",
                                                   url, "sync", "--dir", local, "--session",
                                                   session_text, NULL },
                           (const char *const[]) { token_env, preload, rc,
                                                   "FAKETIME_NO_CACHE=1",
                                                   "DONT_FAKE_MONOTONIC=1", NULL },
                           &out, out_err);
}

typedef struct {
  ChamberFaultProxy *proxy;
  FakeClock *clock;
} StallJump;

static gpointer
stall_then_jump_thread (gpointer data)
{
  StallJump *stall = data;
  gboolean stalled = chamber_fault_proxy_wait_stalled (stall->proxy, 60000);

  /* The download is half-way, its connection held: the laptop's clock jumps a day back, then
   * the connection is cut. */
  if (stalled)
    {
      fake_clock_set (stall->clock, "-1d");
      g_usleep (200 * 1000);
    }
  chamber_fault_proxy_release (stall->proxy);
  return GINT_TO_POINTER (stalled);
}

static void
test_client_during_sync (void)
{
  g_autoptr (FakeClock) clock = fake_clock_new ();
  g_autoptr (ChamberTestServer) server = NULL;
  g_autoptr (ChamberClient) admin = NULL;
  g_autoptr (ChamberFaultProxy) proxy = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *work = NULL;
  g_autofree char *local = NULL;
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *err3 = NULL;
  g_autofree char *blob_prefix = NULL;
  ChamberDocument *big;
  StallJump stall;
  GThread *thread;
  gint64 session, item;
  int status;

  if (!fake_clock_available (clock))
    return;
  work = chamber_test_make_temp_dir ("chamber-clock-laptop-XXXXXX");
  local = g_build_filename (work, "laptop", NULL);
  server = chamber_test_server_start ();
  admin = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);
  session = create_session (admin, 31);
  item = chamber_test_add_item (admin, session, "Quy hoạch");
  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  g_ptr_array_add (documents, publish (admin, item, work, "to-trinh.pdf", 0));
  big = publish (admin, item, work, "ban-do.pdf", 6 * 1000 * 1000);
  g_ptr_array_add (documents, big);

  /* The big document's answer stalls after 2 MB; meanwhile the laptop's clock jumps back. */
  proxy = chamber_fault_proxy_new (server->url);
  blob_prefix = g_strdup_printf ("/api/v1/blobs/%s", big->sha256);
  chamber_fault_proxy_add_rule (proxy, CHAMBER_FAULT_STALL, blob_prefix, 1, 2 * 1000 * 1000);
  stall.proxy = proxy;
  stall.clock = clock;
  thread = g_thread_new ("stall-jump", stall_then_jump_thread, &stall);
  status = chamberctl_sync (clock, chamber_fault_proxy_get_url (proxy), server->admin_token,
                            local, session, &err);
  g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));
  g_test_message ("cut run: %d %s", status, err);
  g_assert_cmpint (status, !=, 0);

  /* A day forward now: the next run resumes from the bytes kept and completes. */
  fake_clock_set (clock, "+1d");
  status = chamberctl_sync (clock, chamber_fault_proxy_get_url (proxy), server->admin_token,
                            local, session, &err2);
  g_test_message ("next run: %d %s", status, err2);
  g_assert_cmpint (status, ==, 0);
  assert_held (local, documents);

  /* And back to the real time: nothing to do, nothing lost. */
  fake_clock_set (clock, "+0");
  status = chamberctl_sync (clock, server->url, server->admin_token, local, session, &err3);
  g_assert_cmpint (status, ==, 0);
  assert_held (local, documents);
  chamber_test_rm_rf (work);
}

/* ---- chamberd's clock jumps during a live turn ------------------------------------------- */

static JsonObject *
get_live (ChamberClient *client, gint64 session)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/live", (long long) session);
  g_autoptr (JsonNode) answer = chamber_client_request_json (client, "GET", path, NULL, NULL,
                                                             NULL, &error);

  g_assert_no_error (error);
  return json_object_ref (json_object_get_object_member (json_node_get_object (answer), "live"));
}

static gint64
command (ChamberClient *client, gint64 session, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) event = chamber_test_post_live_command (client, session, json, &error);

  if (error != NULL)
    g_error ("%s refused: %s", json, error->message);
  return json_object_get_int_member (event, "at");
}

/* What the server shows of the running turn now, checked against the real time the test
 * measured since the grant (@elapsed_s, monotonic) and against what it showed before. */
static void
check_turn (ChamberClient *client, gint64 session, gint64 grant_mono, gint64 paused_s,
            gint64 *last_used_s, const char *when)
{
  g_autoptr (JsonObject) live = get_live (client, session);
  JsonObject *turn = json_object_get_object_member (live, "current_turn");
  gint64 elapsed_s = (g_get_monotonic_time () - grant_mono) / G_USEC_PER_SEC;
  gint64 used_s, remaining_s, allotted_s;

  g_assert_nonnull (turn);
  used_s = json_object_get_int_member (turn, "used_s");
  remaining_s = json_object_get_int_member (turn, "remaining_s");
  allotted_s = json_object_get_int_member (turn, "allotted_s");
  g_test_message ("%s: used %llds, remaining %llds (real time since the grant %llds)", when,
                  (long long) used_s, (long long) remaining_s, (long long) elapsed_s);
  /* Never negative, never backwards, never more than the real time (give or take the
   * rounding of a second on each side). */
  g_assert_cmpint (used_s, >=, 0);
  g_assert_cmpint (used_s, >=, *last_used_s);
  g_assert_cmpint (used_s, <=, elapsed_s - paused_s + 1);
  g_assert_cmpint (remaining_s, >=, allotted_s - used_s - 1);
  g_assert_cmpint (remaining_s, >, 0);
  *last_used_s = used_s;
}

static void
test_live_turn (void)
{
  g_autoptr (FakeClock) clock = fake_clock_new ();
  g_autoptr (ChamberTestServer) server = NULL;
  g_autoptr (ChamberClient) admin = NULL;
  g_autoptr (JsonObject) before = NULL;
  g_autoptr (JsonObject) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberPerson) delegate = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autofree char *server_db = NULL;
  g_autofree char *open_item = NULL;
  g_autofree char *request = NULL;
  JsonObject *turn;
  JsonArray *items;
  JsonArray *turns = NULL;
  gint64 session, item, grant_mono, last_used = 0, at, last_at;

  if (!fake_clock_available (clock))
    return;
  server = server_start_on (clock);
  admin = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);
  session = create_session (admin, 32);
  item = chamber_test_add_item (admin, session, "Chất vấn");
  delegate->name = g_strdup ("Đại biểu A");
  delegate->role = CHAMBER_ROLE_DELEGATE;
  added = chamber_client_add_person (admin, delegate, NULL, &error);
  g_assert_no_error (error);

  open_item = g_strdup_printf ("{\"type\":\"open-item\",\"item\":%lld}", (long long) item);
  command (admin, session, open_item);
  request = g_strdup_printf ("{\"type\":\"add\",\"person\":%lld,\"kind\":\"discussion\"}",
                             (long long) added->id);
  command (admin, session, request);
  last_at = command (admin, session, "{\"type\":\"grant\",\"request\":1}");
  grant_mono = g_get_monotonic_time ();
  check_turn (admin, session, grant_mono, 0, &last_used, "running");

  /* An hour back while the turn runs: it does not start over. */
  fake_clock_set (clock, "-1h");
  check_turn (admin, session, grant_mono, 0, &last_used, "an hour back");
  g_usleep (1100 * 1000);
  check_turn (admin, session, grant_mono, 0, &last_used, "a second later");
  at = command (admin, session, "{\"type\":\"add-time\",\"seconds\":30}");
  g_assert_cmpint (at, >=, last_at);
  last_at = at;
  check_turn (admin, session, grant_mono, 0, &last_used, "time added");

  /* An hour forward past the real time: no hour of overtime. */
  fake_clock_set (clock, "+1h");
  check_turn (admin, session, grant_mono, 0, &last_used, "an hour forward");
  at = command (admin, session, "{\"type\":\"pause\"}");
  g_assert_cmpint (at, >=, last_at);
  last_at = at;
  fake_clock_set (clock, "-2h");
  at = command (admin, session, "{\"type\":\"resume\"}");
  g_assert_cmpint (at, >=, last_at);
  last_at = at;
  check_turn (admin, session, grant_mono, 0, &last_used, "paused and resumed, two hours back");

  /* kill -9 and a restart on the same jumping clock: the turn goes on where it was. */
  at = command (admin, session, "{\"type\":\"pause\"}");
  g_assert_cmpint (at, >=, last_at);
  before = get_live (admin, session);
  chamber_test_server_kill (server);
  server_db = g_build_filename (server->data_dir, "chamber.db", NULL);
  assert_store_sound (server_db);
  fake_clock_set (clock, "+1d");
  server_restart_on (server, clock);
  g_clear_object (&admin);
  admin = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);
  after = get_live (admin, session);
  g_assert_cmpint (json_object_get_int_member (after, "seq"), ==,
                   json_object_get_int_member (before, "seq"));
  turn = json_object_get_object_member (after, "current_turn");
  g_assert_true (json_object_get_boolean_member (turn, "paused"));
  g_assert_cmpint (json_object_get_int_member (turn, "used_s"), ==,
                   json_object_get_int_member (json_object_get_object_member (before,
                                                                              "current_turn"),
                                               "used_s"));
  command (admin, session, "{\"type\":\"resume\"}");
  command (admin, session, "{\"type\":\"end\"}");

  /* The turn recorded: used no more than the real time, allotted with the 30 s added. */
  g_clear_pointer (&after, json_object_unref);
  after = get_live (admin, session);
  items = json_object_get_array_member (after, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_get_int_member (json_array_get_object_element (items, i), "id") == item)
      turns = json_object_get_array_member (json_array_get_object_element (items, i), "turns");
  g_assert_nonnull (turns);
  g_assert_cmpuint (json_array_get_length (turns), ==, 1);
  turn = json_array_get_object_element (turns, 0);
  g_assert_false (json_object_get_boolean_member (turn, "running"));
  g_assert_cmpint (json_object_get_int_member (turn, "used_s"), >=, last_used);
  g_assert_cmpint (json_object_get_int_member (turn, "used_s"), <=,
                   (g_get_monotonic_time () - grant_mono) / G_USEC_PER_SEC + 1);
  g_assert_cmpint (json_object_get_int_member (turn, "ended_at"), >=,
                   json_object_get_int_member (turn, "started_at"));

  chamber_test_server_stop (server);
  assert_store_sound (server_db);
}

/* ---- The laptop's clock jumps while it follows a live turn -------------------------------- */

static const char *self_path;

static gboolean
turn_known (gpointer data)
{
  ChamberLiveClient *live = data;

  return chamber_live_client_get_connection_state (live) == CHAMBER_LIVE_CONNECTION_ONLINE
         && chamber_live_state_get_current_turn (chamber_live_client_get_state (live)) != NULL;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static gint64
shown_remaining (ChamberLiveClient *live)
{
  const ChamberLiveTurn *turn =
    chamber_live_state_get_current_turn (chamber_live_client_get_state (live));

  return chamber_live_turn_remaining_s (turn, chamber_live_client_now_ms (live));
}

/* In the copy of this program that runs under libfaketime: follows the turn, moves its own
 * clock and prints what the countdown showed. Exits 0 when it never went up or jumped. */
static int
live_client_child (const char *spec)
{
  g_auto (GStrv) parts = g_strsplit (spec, " ", 3);
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberLiveClient) live = NULL;
  g_autoptr (GError) error = NULL;
  FakeClock clock = { 0 };
  gint64 shown[4];

  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  clock.rc_path = (char *) g_getenv ("FAKETIME_TIMESTAMP_FILE");
  client = chamber_client_new (parts[0], parts[1], &error);
  g_assert_no_error (error);
  live = chamber_live_client_new (client, g_ascii_strtoll (parts[2], NULL, 10));
  chamber_live_client_start (live);
  if (!chamber_test_pump_until (turn_known, live, 20000))
    return 2;
  shown[0] = shown_remaining (live);
  fake_clock_set (&clock, "-1h");
  chamber_test_pump_until (never, NULL, 1200);
  shown[1] = shown_remaining (live);
  fake_clock_set (&clock, "+1h");
  chamber_test_pump_until (never, NULL, 300);
  shown[2] = shown_remaining (live);
  fake_clock_set (&clock, "+1d");
  chamber_test_pump_until (never, NULL, 300);
  shown[3] = shown_remaining (live);
  g_print ("countdown shown: %lld %lld %lld %lld\n", (long long) shown[0], (long long) shown[1],
           (long long) shown[2], (long long) shown[3]);
  chamber_live_client_stop (live);
  for (int i = 1; i < 4; i++)
    if (shown[i] > shown[i - 1] || shown[i] < shown[0] - 3 || shown[i] <= 0)
      return 1;
  return 0;
}

static void
test_live_client (void)
{
  g_autoptr (FakeClock) clock = fake_clock_new ();
  g_autoptr (ChamberTestServer) server = NULL;
  g_autoptr (ChamberClient) admin = NULL;
  g_autoptr (ChamberPerson) delegate = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *open_item = NULL;
  g_autofree char *request = NULL;
  g_autofree char *spec = NULL;
  g_autofree char *preload = NULL;
  g_autofree char *rc = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 session, item;
  int status;

  if (!fake_clock_available (clock))
    return;
  server = chamber_test_server_start ();
  admin = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);
  session = create_session (admin, 33);
  item = chamber_test_add_item (admin, session, "Chất vấn");
  delegate->name = g_strdup ("Đại biểu B");
  delegate->role = CHAMBER_ROLE_DELEGATE;
  added = chamber_client_add_person (admin, delegate, NULL, &error);
  g_assert_no_error (error);
  open_item = g_strdup_printf ("{\"type\":\"open-item\",\"item\":%lld}", (long long) item);
  command (admin, session, open_item);
  request = g_strdup_printf ("{\"type\":\"add\",\"person\":%lld,\"kind\":\"discussion\"}",
                             (long long) added->id);
  command (admin, session, request);
  command (admin, session, "{\"type\":\"grant\",\"request\":1}");

  spec = g_strdup_printf ("CHAMBER_CLOCK_JUMP_CHILD=%s %s %lld", server->url,
                          server->admin_token, (long long) session);
  preload = g_strdup_printf ("LD_PRELOAD=%s", clock->library);
  rc = g_strdup_printf ("FAKETIME_TIMESTAMP_FILE=%s", clock->rc_path);
  status = chamber_test_run ((const char *const[]) { self_path, NULL },
                             (const char *const[]) { spec, preload, rc, "FAKETIME_NO_CACHE=1",
                                                     "DONT_FAKE_MONOTONIC=1", NULL },
                             &out, &err);
  g_test_message ("laptop on a jumping clock: %s%s", out, status != 0 ? err : "");
  g_assert_cmpint (status, ==, 0);
}

int
main (int argc, char **argv)
{
  const char *child = g_getenv ("CHAMBER_CLOCK_JUMP_CHILD");

  setlocale (LC_ALL, "");
  if (child != NULL)
    return live_client_child (child);
  self_path = argv[0];
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock-jump/server-during-sync", test_server_during_sync);
  g_test_add_func ("/clock-jump/client-during-sync", test_client_during_sync);
  g_test_add_func ("/clock-jump/live-turn", test_live_turn);
  g_test_add_func ("/clock-jump/live-client", test_live_client);
  return g_test_run ();
}
