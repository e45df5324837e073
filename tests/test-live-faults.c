/* test-live-faults.c — faults during a live turn against a real chamberd (issue 7): its data
 * folder fills up while the chair runs a turn. (kill -9 of chamberd mid-turn is
 * test-live-server's /live-server/kill-restart; a clock that jumps mid-turn is
 * test-clock-jump's /clock-jump/live-turn.)
 *
 *   /live-faults/server-disk-full: chamberd serves from a small tmpfs that the test fills to
 *     the last byte while a turn runs. Commands are sent until the store cannot take one: that
 *     command is answered 507 with a sentence saying the disk is full, the live state is the one
 *     before it, a delegate following the channel sees no event for it, and every event
 *     recorded before is still there after kill -9 and a restart. Once space is freed, the
 *     next command works and reaches the follower with the next number. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "chamber-client.h"
#include "chamber-live-client.h"
#include "chamber-store.h"
#include "chamber-test-util.h"

/* The most commands sent to fill what SQLite's write-ahead log still had room for. */
#define MAX_COMMANDS 2000

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

/* POSTs a live command with a plain libsoup session, to see the status itself. */
static guint
post_command (const char *url, const char *token, gint64 session, const char *json,
              char **out_body)
{
  g_autoptr (SoupSession) soup = soup_session_new ();
  g_autofree char *uri = g_strdup_printf ("%s/api/v1/sessions/%lld/live/commands", url,
                                          (long long) session);
  g_autofree char *authorization = g_strdup_printf ("Bearer %s", token);
  g_autoptr (SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr (GBytes) request = g_bytes_new (json, strlen (json));
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                authorization);
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  answer = soup_session_send_and_read (soup, msg, NULL, &error);
  g_assert_no_error (error);
  *out_body = g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
  return soup_message_get_status (msg);
}

/* Writes a file of zeros into @dir until the filesystem is full; returns its path. */
static char *
fill_disk (const char *dir)
{
  char *path = g_build_filename (dir, "filler", NULL);
  static const char zeros[64 * 1024];
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);

  g_assert_cmpint (fd, >=, 0);
  for (;;)
    {
      gssize n = write (fd, zeros, sizeof zeros);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_assert_cmpint (errno, ==, ENOSPC);
          break;
        }
      if (n < (gssize) sizeof zeros)
        {
          /* The last bytes that fitted: fill the remainder byte by byte. */
          while (write (fd, zeros, 1) == 1)
            ;
          break;
        }
    }
  close (fd);
  return path;
}

typedef struct {
  ChamberLiveClient *live;
  gint64 max_seq;  /* the highest event number the follower received */
  gint64 want;
} Follower;

static void
event_cb (ChamberLiveClient *live, JsonObject *event, gpointer user_data)
{
  Follower *follower = user_data;

  follower->max_seq = MAX (follower->max_seq, json_object_get_int_member (event, "seq"));
}

static gboolean
follower_at (gpointer data)
{
  Follower *follower = data;

  return chamber_live_client_get_connection_state (follower->live)
           == CHAMBER_LIVE_CONNECTION_ONLINE
         && chamber_live_client_get_last_seq (follower->live) >= follower->want;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static void
assert_store_sound (const char *db)
{
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GError) error = NULL;

  store = chamber_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

static void
test_server_disk_full (void)
{
  g_autofree char *mount_dir = chamber_test_make_temp_dir ("chamberd-live-disk-XXXXXX");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *db = NULL;
  g_autofree char *filler = NULL;
  g_autofree char *open_item = NULL;
  g_autofree char *add = NULL;
  g_autofree char *refusal = NULL;
  g_autofree char *delegate_token = NULL;
  g_autoptr (ChamberClient) admin = NULL;
  g_autoptr (ChamberClient) delegate = NULL;
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autoptr (ChamberSession) session_in = chamber_session_new ();
  g_autoptr (ChamberSession) session_out = NULL;
  g_autoptr (JsonObject) before = NULL;
  g_autoptr (JsonObject) after = NULL;
  g_autoptr (JsonObject) restarted = NULL;
  g_autoptr (GError) error = NULL;
  ChamberTestServer *server;
  Follower follower = { 0 };
  gint64 session, item, accepted = 0;
  guint status = 0;
  int sent = 0;

  if (!chamber_test_mount_small_disk (mount_dir, "8m"))
    {
      g_rmdir (mount_dir);
      return;
    }

  /* A server of the test utilities on the small disk: init there, then serve from there. */
  server = g_new0 (ChamberTestServer, 1);
  server->data_dir = g_strdup (mount_dir);
  g_assert_cmpint (chamber_test_run ((const char *const[]) { chamber_test_chamberd_path (),
                                                             "--data", mount_dir, "init", NULL },
                                     NULL, &out, &err),
                   ==, 0);
  server->admin_token = g_strdup (g_strstrip (out));
  chamber_test_server_restart (server);
  admin = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);

  session_in->number = 40;
  session_in->title = g_strdup ("Kỳ họp thứ 40");
  session_out = chamber_client_create_session (admin, session_in, NULL, &error);
  g_assert_no_error (error);
  session = session_out->id;
  item = chamber_test_add_item (admin, session, "Chất vấn và trả lời chất vấn");
  person->name = g_strdup ("Đại biểu A");
  person->role = CHAMBER_ROLE_DELEGATE;
  added = chamber_client_add_person (admin, person, NULL, &error);
  g_assert_no_error (error);
  delegate_token = chamber_client_issue_token (admin, added->id, NULL, NULL, &error);
  g_assert_no_error (error);
  delegate = chamber_client_new (server->url, delegate_token, &error);
  g_assert_no_error (error);

  /* A turn runs, and a delegate follows the channel. */
  open_item = g_strdup_printf ("{\"type\":\"open-item\",\"item\":%lld}", (long long) item);
  add = g_strdup_printf ("{\"type\":\"add\",\"person\":%lld,\"kind\":\"discussion\"}",
                         (long long) added->id);
  for (const char *const *json = (const char *const[]) { open_item, add,
                                                          "{\"type\":\"grant\",\"request\":1}",
                                                          NULL };
       *json != NULL; json++)
    {
      g_autoptr (JsonObject) event = chamber_test_post_live_command (admin, session, *json,
                                                                     &error);

      g_assert_no_error (error);
      accepted = json_object_get_int_member (event, "seq");
    }
  follower.live = chamber_live_client_new (delegate, session);
  g_signal_connect (follower.live, "event", G_CALLBACK (event_cb), &follower);
  chamber_live_client_start (follower.live);
  follower.want = accepted;
  g_assert_true (chamber_test_pump_until (follower_at, &follower, 10000));

  /* The disk fills up; the chair goes on pausing and resuming until the store cannot keep a
   * command. */
  filler = fill_disk (mount_dir);
  for (sent = 0; sent < MAX_COMMANDS; sent++)
    {
      g_autofree char *body = NULL;
      const char *json = sent % 2 == 0 ? "{\"type\":\"pause\"}" : "{\"type\":\"resume\"}";

      g_clear_pointer (&before, json_object_unref);
      before = get_live (admin, session);
      status = post_command (server->url, server->admin_token, session, json, &body);
      if (status != SOUP_STATUS_OK)
        {
          refusal = g_steal_pointer (&body);
          break;
        }
      accepted++;
    }
  g_test_message ("%d commands kept on the full disk; then %u: %s", sent, status, refusal);
  g_assert_cmpint (sent, <, MAX_COMMANDS);
  g_assert_cmpuint (status, ==, SOUP_STATUS_INSUFFICIENT_STORAGE);
  g_assert_nonnull (strstr (refusal, "disk is full"));

  /* The state is the one before the refused command, and the follower heard of no event for
   * it (the channel is given time to deliver one if it were sent). */
  after = get_live (admin, session);
  g_assert_cmpint (json_object_get_int_member (after, "seq"), ==, accepted);
  g_assert_cmpint (json_object_get_int_member (before, "seq"), ==, accepted);
  g_assert_cmpint (json_object_get_boolean_member (json_object_get_object_member (after,
                                                                                  "current_turn"),
                                                   "paused"),
                   ==,
                   json_object_get_boolean_member (json_object_get_object_member (before,
                                                                                  "current_turn"),
                                                   "paused"));
  follower.want = accepted;
  g_assert_true (chamber_test_pump_until (follower_at, &follower, 10000));
  chamber_test_pump_until (never, NULL, 500);
  g_assert_cmpint (follower.max_seq, ==, accepted);
  g_assert_cmpint (chamber_live_client_get_last_seq (follower.live), ==, accepted);

  /* Space freed: the next command works, numbered on, and reaches the follower. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  {
    g_autofree char *body = NULL;
    const char *json = sent % 2 == 0 ? "{\"type\":\"pause\"}" : "{\"type\":\"resume\"}";

    status = post_command (server->url, server->admin_token, session, json, &body);
    g_assert_cmpuint (status, ==, SOUP_STATUS_OK);
    accepted++;
  }
  follower.want = accepted;
  g_assert_true (chamber_test_pump_until (follower_at, &follower, 10000));
  g_assert_cmpint (follower.max_seq, ==, accepted);

  /* Nothing recorded is lost: the store is sound, and kill -9 and a restart give the same
   * state. */
  db = g_build_filename (mount_dir, "chamber.db", NULL);
  assert_store_sound (db);
  chamber_live_client_stop (follower.live);
  g_clear_object (&follower.live);
  g_clear_pointer (&after, json_object_unref);
  after = get_live (admin, session);
  chamber_test_server_kill (server);
  assert_store_sound (db);
  chamber_test_server_restart (server);
  g_clear_object (&admin);
  admin = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);
  restarted = get_live (admin, session);
  g_assert_cmpint (json_object_get_int_member (restarted, "seq"), ==, accepted);
  g_assert_cmpint (
    json_object_get_boolean_member (json_object_get_object_member (restarted, "current_turn"),
                                    "paused"),
    ==,
    json_object_get_boolean_member (json_object_get_object_member (after, "current_turn"),
                                    "paused"));

  chamber_test_server_stop (server);
  chamber_test_unmount_small_disk (mount_dir);
  chamber_test_server_free (server);
  g_rmdir (mount_dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/live-faults/server-disk-full", test_server_disk_full);
  return g_test_run ();
}
