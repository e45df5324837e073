/* test-live-server.c — the live channel against a real chamberd (docs/protocol.md, “Live
 * channel”): roles enforced by the server, two chairs acting at once, a client that drops and
 * catches up with no lost or repeated event, kill -9 of chamberd mid-turn and a restart with the
 * same state, the WebSocket's authentication, and hostile input (malformed and huge bodies,
 * unknown commands, ids of another session, a client that talks on the one-way channel). */
#include "config.h"

#include <libsoup/soup.h>
#include <locale.h>

#include "chamber-client.h"
#include "chamber-live-client.h"
#include "chamber-protocol.h"
#include "chamber-test-util.h"

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *admin;
  ChamberClient     *chair;
  ChamberClient     *chair2;
  ChamberClient     *secretariat;
  ChamberClient     *delegate_a;
  ChamberClient     *delegate_b;
  ChamberClient     *official;
  gint64             session, session2, item, item2, other_item;
  gint64             official_id, delegate_a_id;
} World;

static gint64
add_person (World *w, const char *name, ChamberRole role, ChamberClient **out_client)
{
  return chamber_test_add_person (w->server, w->admin, name, role, NULL, NULL, out_client, NULL);
}

static gint64
add_session (World *w, int number)
{
  return chamber_test_add_session (w->admin, number, NULL, NULL, NULL);
}

static void
connect_clients (World *w)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&w->admin);
  w->admin = chamber_client_new (w->server->url, w->server->admin_token, &error);
  g_assert_no_error (error);
}

static World *
world_new (void)
{
  World *w = g_new0 (World, 1);

  w->server = chamber_test_server_start ();
  connect_clients (w);
  w->session = add_session (w, 10);
  w->session2 = add_session (w, 11);
  w->item = chamber_test_add_item (w->admin, w->session, "Chất vấn và trả lời chất vấn");
  w->item2 = chamber_test_add_item (w->admin, w->session, "Bế mạc");
  w->other_item = chamber_test_add_item (w->admin, w->session2, "Khai mạc");
  add_person (w, "Chủ tọa", CHAMBER_ROLE_CHAIR, &w->chair);
  add_person (w, "Phó Chủ tọa", CHAMBER_ROLE_CHAIR, &w->chair2);
  add_person (w, "Văn phòng", CHAMBER_ROLE_SECRETARIAT, &w->secretariat);
  w->delegate_a_id = add_person (w, "Đại biểu A", CHAMBER_ROLE_DELEGATE, &w->delegate_a);
  add_person (w, "Đại biểu B", CHAMBER_ROLE_DELEGATE, &w->delegate_b);
  w->official_id = add_person (w, "Giám đốc Sở", CHAMBER_ROLE_OFFICIAL, &w->official);
  return w;
}

static void
world_free (World *w)
{
  g_clear_object (&w->admin);
  g_clear_object (&w->chair);
  g_clear_object (&w->chair2);
  g_clear_object (&w->secretariat);
  g_clear_object (&w->delegate_a);
  g_clear_object (&w->delegate_b);
  g_clear_object (&w->official);
  chamber_test_server_free (w->server);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (World, world_free)

static gint64
ok (ChamberClient *client, gint64 session, const char *member, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static gint64
ok (ChamberClient *client, gint64 session, const char *member, const char *format, ...)
{
  g_autoptr (JsonObject) event = NULL;
  va_list args;

  va_start (args, format);
  event = chamber_test_live_ok_v (client, session, format, args);
  va_end (args);
  return json_object_get_int_member (event, member != NULL ? member : "seq");
}

static void
refused (ChamberClient *client, gint64 session, ChamberClientError code, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) event = chamber_test_post_live_command (client, session, json, &error);

  if (event != NULL)
    g_error ("%s was accepted", json);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, (gint) code);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

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
live_seq (ChamberClient *client, gint64 session)
{
  g_autoptr (JsonObject) live = get_live (client, session);

  return json_object_get_int_member (live, "seq");
}

/* ---- Roles ---------------------------------------------------------------------------------- */

static const char *const chair_commands[] = {
  "{\"type\":\"open-item\",\"item\":%lld}", "{\"type\":\"close-item\",\"item\":%lld}",
  "{\"type\":\"close-list\"}", "{\"type\":\"open-list\"}",
  "{\"type\":\"add\",\"person\":%lld,\"kind\":\"discussion\"}",
  "{\"type\":\"remove\",\"request\":1}", "{\"type\":\"readd\",\"request\":1}",
  "{\"type\":\"reorder\",\"request\":1,\"position\":0}", "{\"type\":\"grant\",\"request\":1}",
  "{\"type\":\"answer\",\"turn\":1}", "{\"type\":\"start-turn\",\"kind\":\"conclusion\"}",
  "{\"type\":\"pause\"}", "{\"type\":\"resume\"}", "{\"type\":\"add-time\",\"seconds\":30}",
  "{\"type\":\"end\"}", "{\"type\":\"define-group\",\"name\":\"G\"}",
  "{\"type\":\"group\",\"group\":0,\"requests\":[1]}",
  "{\"type\":\"settings\",\"speak_once\":false}",
};

static const char *const secretariat_commands[] = {
  "{\"type\":\"summary\",\"turn\":1,\"text\":\"x\"}",
  "{\"type\":\"commit\",\"turn\":1,\"owner\":%lld,\"what\":\"x\"}",
  "{\"type\":\"uncommit\",\"commitment\":1}",
};

static void
refuse_all (World *w, ChamberClient *client, const char *const *commands, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *json = g_strdup_printf (commands[i], (long long) w->item);

      refused (client, w->session, CHAMBER_CLIENT_ERROR_FORBIDDEN, json);
    }
}

static void
test_roles (void)
{
  g_autoptr (World) w = world_new ();
  gint64 before;

  ok (w->chair, w->session, NULL, "{\"type\":\"open-item\",\"item\":%lld}", (long long) w->item);
  ok (w->delegate_a, w->session, NULL,
      "{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\",\"to\":%lld}",
      (long long) w->item, (long long) w->official_id);
  ok (w->chair, w->session, NULL, "{\"type\":\"grant\",\"request\":1}");
  before = live_seq (w->admin, w->session);

  refuse_all (w, w->delegate_b, chair_commands, G_N_ELEMENTS (chair_commands));
  refuse_all (w, w->delegate_b, secretariat_commands, G_N_ELEMENTS (secretariat_commands));
  refuse_all (w, w->secretariat, chair_commands, G_N_ELEMENTS (chair_commands));
  refuse_all (w, w->chair, secretariat_commands, G_N_ELEMENTS (secretariat_commands));
  refuse_all (w, w->official, chair_commands, G_N_ELEMENTS (chair_commands));
  refuse_all (w, w->official, secretariat_commands, G_N_ELEMENTS (secretariat_commands));
  refused (w->official, w->session, CHAMBER_CLIENT_ERROR_FORBIDDEN,
           "{\"type\":\"request\",\"item\":1,\"kind\":\"discussion\"}");
  refused (w->chair, w->session, CHAMBER_CLIENT_ERROR_FORBIDDEN,
           "{\"type\":\"request\",\"item\":1,\"kind\":\"discussion\"}");
  /* A delegate withdraws only their own request. */
  ok (w->delegate_b, w->session, NULL,
      "{\"type\":\"request\",\"item\":%lld,\"kind\":\"discussion\"}", (long long) w->item);
  refused (w->delegate_a, w->session, CHAMBER_CLIENT_ERROR_FORBIDDEN,
           "{\"type\":\"withdraw\",\"request\":2}");
  /* Nothing refused reached the log. */
  g_assert_cmpint (live_seq (w->admin, w->session), ==, before + 1);
  ok (w->delegate_b, w->session, NULL, "{\"type\":\"withdraw\",\"request\":2}");
  ok (w->secretariat, w->session, NULL, "{\"type\":\"summary\",\"turn\":1,\"text\":\"Tóm tắt\"}");
  /* Every role reads the state. */
  g_assert_cmpint (live_seq (w->official, w->session), ==, before + 3);
  g_assert_cmpint (live_seq (w->delegate_a, w->session), ==, before + 3);
}

/* ---- Two chairs at once ---------------------------------------------------------------------- */

typedef struct {
  JsonObject *event;
  GError     *error;
  gboolean    done;
} Sent;

static void
sent_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Sent *sent = user_data;

  sent->event = chamber_live_client_send_finish (CHAMBER_LIVE_CLIENT (source), result,
                                                 &sent->error);
  sent->done = TRUE;
}

static gboolean
both_sent (gpointer data)
{
  Sent *sent = data;

  return sent[0].done && sent[1].done;
}

static void
test_concurrent_chairs (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (ChamberLiveClient) first = NULL;
  g_autoptr (ChamberLiveClient) second = NULL;
  g_autoptr (JsonObject) grant_a = NULL;
  g_autoptr (JsonObject) grant_b = NULL;
  g_autoptr (JsonObject) live = NULL;
  Sent sent[2] = { { 0 } };
  gint64 seq;
  int winner;

  ok (w->chair, w->session, NULL, "{\"type\":\"open-item\",\"item\":%lld}", (long long) w->item);
  ok (w->delegate_a, w->session, NULL,
      "{\"type\":\"request\",\"item\":%lld,\"kind\":\"discussion\"}", (long long) w->item);
  seq = ok (w->delegate_b, w->session, NULL,
            "{\"type\":\"request\",\"item\":%lld,\"kind\":\"discussion\"}", (long long) w->item);

  /* Both chairs saw event @seq and give the floor to different speakers at once. */
  first = chamber_live_client_new (w->chair, w->session);
  second = chamber_live_client_new (w->chair2, w->session);
  grant_a = json_object_new ();
  json_object_set_string_member (grant_a, "type", "grant");
  json_object_set_int_member (grant_a, "request", 1);
  json_object_set_int_member (grant_a, "expected_seq", seq);
  grant_b = json_object_new ();
  json_object_set_string_member (grant_b, "type", "grant");
  json_object_set_int_member (grant_b, "request", 2);
  json_object_set_int_member (grant_b, "expected_seq", seq);
  chamber_live_client_send_async (first, grant_a, NULL, sent_cb, &sent[0]);
  chamber_live_client_send_async (second, grant_b, NULL, sent_cb, &sent[1]);
  g_assert_true (chamber_test_pump_until (both_sent, sent, 10000));

  g_assert_true ((sent[0].event == NULL) != (sent[1].event == NULL));
  winner = sent[0].event != NULL ? 0 : 1;
  g_assert_error (sent[1 - winner].error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_REJECTED);
  g_assert_nonnull (strstr (sent[1 - winner].error->message, "acted first"));
  g_assert_cmpint (json_object_get_int_member (sent[winner].event, "seq"), ==, seq + 1);

  /* One deterministic state: one turn, the winner's. */
  live = get_live (w->admin, w->session);
  g_assert_cmpint (json_object_get_int_member (live, "seq"), ==, seq + 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (live,
                                                                              "current_turn"),
                                               "request"),
                   ==, winner + 1);
  for (int i = 0; i < 2; i++)
    {
      g_clear_pointer (&sent[i].event, json_object_unref);
      g_clear_error (&sent[i].error);
    }
}

/* ---- Reconnect and catch up ------------------------------------------------------------------ */

typedef struct {
  ChamberLiveClient *live;
  GArray            *seqs;    /* every "event" signal's number */
  gint64             target;
} Follower;

static void
follower_event_cb (ChamberLiveClient *live, JsonObject *event, gpointer user_data)
{
  Follower *f = user_data;
  gint64 seq = json_object_get_int_member (event, "seq");

  g_array_append_val (f->seqs, seq);
}

static gboolean
follower_at (gpointer data)
{
  Follower *f = data;

  return chamber_live_client_get_connection_state (f->live) == CHAMBER_LIVE_CONNECTION_ONLINE
         && chamber_live_client_get_last_seq (f->live) >= f->target;
}

static gboolean
follower_offline (gpointer data)
{
  Follower *f = data;

  return chamber_live_client_get_connection_state (f->live) == CHAMBER_LIVE_CONNECTION_OFFLINE;
}

static char *
state_text (ChamberLiveState *state)
{
  g_autoptr (JsonNode) node = chamber_live_state_to_json (state, 0);

  return chamber_json_to_string (node, NULL);
}

static void
assert_consecutive (GArray *seqs, gint64 last)
{
  g_assert_cmpint (seqs->len, ==, last);
  for (guint i = 0; i < seqs->len; i++)
    g_assert_cmpint (g_array_index (seqs, gint64, i), ==, (gint64) i + 1);
}

static void
test_reconnect (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (ChamberLiveClient) reference = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  Follower f = { 0 };
  gint64 seq;

  f.seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  f.live = chamber_live_client_new (w->delegate_a, w->session);
  g_signal_connect (f.live, "event", G_CALLBACK (follower_event_cb), &f);

  ok (w->chair, w->session, NULL, "{\"type\":\"open-item\",\"item\":%lld}", (long long) w->item);
  f.target = ok (w->delegate_a, w->session, NULL,
                 "{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\",\"to\":%lld,"
                 "\"topic\":\"Đất đai\"}",
                 (long long) w->item, (long long) w->official_id);
  chamber_live_client_start (f.live);
  g_assert_true (chamber_test_pump_until (follower_at, &f, 10000));
  g_assert_cmpint (chamber_live_client_get_last_seq (f.live), ==, 2);

  /* Live events arrive as they happen. */
  f.target = ok (w->chair, w->session, NULL, "{\"type\":\"grant\",\"request\":1}");
  g_assert_true (chamber_test_pump_until (follower_at, &f, 10000));

  /* The laptop drops off; the sitting goes on without it. */
  chamber_live_client_stop (f.live);
  g_assert_true (follower_offline (&f));
  ok (w->chair, w->session, NULL, "{\"type\":\"pause\"}");
  ok (w->chair, w->session, NULL, "{\"type\":\"resume\"}");
  ok (w->chair, w->session, NULL, "{\"type\":\"end\"}");
  ok (w->chair, w->session, NULL, "{\"type\":\"answer\",\"turn\":1}");
  ok (w->delegate_b, w->session, NULL,
      "{\"type\":\"request\",\"item\":%lld,\"kind\":\"debate\"}", (long long) w->item);
  seq = ok (w->secretariat, w->session, NULL,
            "{\"type\":\"summary\",\"turn\":2,\"text\":\"Trả lời\"}");

  /* Back: it catches up on everything after the last event it saw, once each. */
  f.target = seq;
  chamber_live_client_start (f.live);
  g_assert_true (chamber_test_pump_until (follower_at, &f, 10000));
  /* More events while online and more drops in between. */
  for (int round = 0; round < 3; round++)
    {
      ok (w->chair, w->session, NULL, "{\"type\":\"add-time\",\"seconds\":10}");
      chamber_live_client_stop (f.live);
      f.target = ok (w->chair, w->session, NULL, "{\"type\":\"add-time\",\"seconds\":5}");
      chamber_live_client_start (f.live);
      g_assert_true (chamber_test_pump_until (follower_at, &f, 10000));
    }
  assert_consecutive (f.seqs, f.target);
  g_assert_cmpint (f.target, ==, live_seq (w->admin, w->session));

  /* Its state is the server's: the same as a client that followed from the start. */
  reference = chamber_live_client_new (w->admin, w->session);
  {
    Follower r = { reference, g_array_new (FALSE, FALSE, sizeof (gint64)), f.target };

    g_signal_connect (reference, "event", G_CALLBACK (follower_event_cb), &r);
    chamber_live_client_start (reference);
    g_assert_true (chamber_test_pump_until (follower_at, &r, 10000));
    assert_consecutive (r.seqs, f.target);
    g_array_unref (r.seqs);
  }
  expected = state_text (chamber_live_client_get_state (reference));
  actual = state_text (chamber_live_client_get_state (f.live));
  g_assert_cmpstr (expected, ==, actual);
  g_assert_cmpint (chamber_live_turn_remaining_s (
                     chamber_live_state_get_current_turn (chamber_live_client_get_state (f.live)),
                     chamber_live_client_now_ms (f.live)), >, 0);

  chamber_live_client_stop (reference);
  chamber_live_client_stop (f.live);
  g_object_unref (f.live);
  g_array_unref (f.seqs);
}

/* ---- kill -9 mid-turn ------------------------------------------------------------------------ */

static void
strip_now (JsonObject *live)
{
  json_object_remove_member (live, "now");
}

static void
test_kill_restart (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (JsonObject) before = NULL;
  g_autoptr (JsonObject) after = NULL;
  g_autoptr (JsonNode) before_node = NULL;
  g_autoptr (JsonNode) after_node = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  JsonObject *turn;
  gint64 seq;

  ok (w->chair, w->session, NULL, "{\"type\":\"open-item\",\"item\":%lld}", (long long) w->item);
  ok (w->delegate_a, w->session, NULL,
      "{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\",\"to\":%lld}",
      (long long) w->item, (long long) w->official_id);
  ok (w->delegate_b, w->session, NULL,
      "{\"type\":\"request\",\"item\":%lld,\"kind\":\"discussion\"}", (long long) w->item);
  ok (w->chair, w->session, NULL, "{\"type\":\"grant\",\"request\":1}");
  ok (w->chair, w->session, NULL, "{\"type\":\"add-time\",\"seconds\":45}");
  /* Paused, so the clock stands still across the restart and the states compare whole. */
  seq = ok (w->chair, w->session, NULL, "{\"type\":\"pause\"}");
  before = get_live (w->admin, w->session);

  chamber_test_server_kill (w->server);
  chamber_test_server_restart (w->server);
  connect_clients (w);
  after = get_live (w->admin, w->session);
  strip_now (before);
  strip_now (after);
  before_node = json_node_init_object (json_node_alloc (), before);
  after_node = json_node_init_object (json_node_alloc (), after);
  before_text = chamber_json_to_string (before_node, NULL);
  after_text = chamber_json_to_string (after_node, NULL);
  g_assert_cmpstr (before_text, ==, after_text);
  turn = json_object_get_object_member (after, "current_turn");
  g_assert_nonnull (turn);
  g_assert_true (json_object_get_boolean_member (turn, "paused"));
  g_assert_cmpint (json_object_get_int_member (turn, "allotted_s"), ==, 225);

  /* The sitting goes on where it was, numbered on (the clients of the other roles point at
   * the old port; the admin's was made again). */
  /* The admin may run the queue too. */
  g_assert_cmpint (ok (w->admin, w->session, NULL, "{\"type\":\"resume\"}"), ==, seq + 1);
  g_assert_cmpint (ok (w->admin, w->session, NULL, "{\"type\":\"end\"}"), ==, seq + 2);
  g_assert_cmpint (ok (w->admin, w->session, "turn", "{\"type\":\"grant\",\"request\":2}"), ==,
                   2);
}

/* ---- The WebSocket's door ---------------------------------------------------------------------- */

static gboolean
client_failed (gpointer data)
{
  return chamber_live_client_get_error (data) != NULL;
}

static void
test_websocket_auth (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberClient) wrong = chamber_client_new (w->server->url,
                                                        "chm_wrongwrongwrongwrongwrongwrongwrongwrongwro",
                                                        &error);
  g_autoptr (ChamberClient) none = chamber_client_new (w->server->url, NULL, &error);
  g_autoptr (ChamberLiveClient) live_wrong = NULL;
  g_autoptr (ChamberLiveClient) live_none = NULL;
  g_autoptr (ChamberLiveClient) live_unknown = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autofree char *path = NULL;

  live_wrong = chamber_live_client_new (wrong, w->session);
  chamber_live_client_start (live_wrong);
  g_assert_true (chamber_test_pump_until (client_failed, live_wrong, 10000));
  g_assert_error ((GError *) chamber_live_client_get_error (live_wrong), CHAMBER_CLIENT_ERROR,
                  CHAMBER_CLIENT_ERROR_UNAUTHORIZED);
  g_assert_cmpint (chamber_live_client_get_connection_state (live_wrong), ==,
                   CHAMBER_LIVE_CONNECTION_OFFLINE);
  chamber_live_client_stop (live_wrong);

  live_none = chamber_live_client_new (none, w->session);
  chamber_live_client_start (live_none);
  g_assert_true (chamber_test_pump_until (client_failed, live_none, 10000));
  g_assert_error ((GError *) chamber_live_client_get_error (live_none), CHAMBER_CLIENT_ERROR,
                  CHAMBER_CLIENT_ERROR_UNAUTHORIZED);
  chamber_live_client_stop (live_none);

  live_unknown = chamber_live_client_new (w->admin, 999);
  chamber_live_client_start (live_unknown);
  g_assert_true (chamber_test_pump_until (client_failed, live_unknown, 10000));
  g_assert_error ((GError *) chamber_live_client_get_error (live_unknown), CHAMBER_CLIENT_ERROR,
                  CHAMBER_CLIENT_ERROR_NOT_FOUND);
  chamber_live_client_stop (live_unknown);

  /* The WebSocket's own handshake with a bad token, straight. */
  {
    g_autoptr (SoupSession) session = soup_session_new ();
    g_autofree char *uri = g_strdup_printf ("%s/api/v1/live/events?session=%lld&after=0",
                                            w->server->url, (long long) w->session);
    g_autoptr (SoupMessage) msg = soup_message_new ("GET", uri);
    g_autoptr (GBytes) body = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                  "Bearer chm_nope");
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Upgrade", "websocket");
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Connection", "Upgrade");
    soup_message_headers_replace (soup_message_get_request_headers (msg), "Sec-WebSocket-Key",
                                  "dGhlIHNhbXBsZSBub25jZQ==");
    soup_message_headers_replace (soup_message_get_request_headers (msg),
                                  "Sec-WebSocket-Version", "13");
    body = soup_session_send_and_read (session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
  }

  /* Plain HTTP on the WebSocket's address, and bad parameters, are clear 400s. */
  path = g_strdup_printf ("/api/v1/live/events?session=%lld", (long long) w->session);
  answer = chamber_client_request_json (w->admin, "GET", path, NULL, NULL, NULL, &error);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_REJECTED);
  g_assert_nonnull (strstr (error->message, "WebSocket"));
  g_clear_error (&error);
  answer = chamber_client_request_json (w->admin, "GET", "/api/v1/live/events?session=abc",
                                        NULL, NULL, NULL, &error);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_REJECTED);
  g_clear_error (&error);
  answer = chamber_client_request_json (w->admin, "GET",
                                        "/api/v1/live/events?session=1&after=-3", NULL, NULL,
                                        NULL, &error);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_REJECTED);
  g_clear_error (&error);
}

/* ---- Hostile input -------------------------------------------------------------------------- */

static void
post_raw (World *w, const char *body, gsize len, guint expected_status)
{
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strdup_printf ("%s/api/v1/sessions/%lld/live/commands",
                                          w->server->url, (long long) w->session);
  g_autoptr (SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr (GBytes) bytes = g_bytes_new (body, len);
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  g_autofree char *auth = g_strdup_printf ("Bearer %s", w->server->admin_token);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, expected_status);
  g_assert_true (chamber_protocol_parse_error_body (g_bytes_get_data (answer, NULL),
                                                   g_bytes_get_size (answer), &code, &message));
  g_assert_cmpuint (strlen (message), >, 10);
}

typedef struct {
  SoupWebsocketConnection *conn;
  GError                  *error;
  gboolean                 done;
  gboolean                 closed;
} RawSocket;

static void
raw_connected_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RawSocket *raw = user_data;

  raw->conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &raw->error);
  raw->done = TRUE;
}

static gboolean
raw_done (gpointer data)
{
  return ((RawSocket *) data)->done;
}

static void
raw_closed_cb (SoupWebsocketConnection *conn, gpointer user_data)
{
  ((RawSocket *) user_data)->closed = TRUE;
}

static gboolean
raw_closed (gpointer data)
{
  return ((RawSocket *) data)->closed;
}

static void
test_hostile (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *huge = NULL;
  g_autofree char *json = NULL;
  Follower f = { 0 };
  RawSocket raw = { 0 };
  gsize huge_len = 2 * 1024 * 1024;

  post_raw (w, "{\"type\":", 8, 400);
  post_raw (w, "[1,2,3]", 7, 400);
  post_raw (w, "", 0, 400);
  post_raw (w, "{\"type\":\"self-destruct\"}", 25, 400);
  huge = g_malloc (huge_len);
  memset (huge, ' ', huge_len);
  huge[0] = '{';
  huge[huge_len - 1] = '}';
  post_raw (w, huge, huge_len, 413);

  /* Ids of another session are unknown here. */
  ok (w->chair, w->session, NULL, "{\"type\":\"open-item\",\"item\":%lld}", (long long) w->item);
  ok (w->delegate_a, w->session, NULL,
      "{\"type\":\"request\",\"item\":%lld,\"kind\":\"discussion\"}", (long long) w->item);
  json = g_strdup_printf ("{\"type\":\"open-item\",\"item\":%lld}", (long long) w->other_item);
  refused (w->chair, w->session, CHAMBER_CLIENT_ERROR_NOT_FOUND, json);
  g_free (json);
  json = g_strdup_printf ("{\"type\":\"open-item\",\"item\":%lld}", (long long) w->item);
  refused (w->chair, w->session2, CHAMBER_CLIENT_ERROR_NOT_FOUND, json);
  refused (w->chair, w->session2, CHAMBER_CLIENT_ERROR_NOT_FOUND,
           "{\"type\":\"grant\",\"request\":1}");
  refused (w->chair, 999, CHAMBER_CLIENT_ERROR_NOT_FOUND, "{\"type\":\"end\"}");
  refused (w->chair, w->session, CHAMBER_CLIENT_ERROR_REJECTED,
           "{\"type\":\"grant\",\"request\":1,\"expected_seq\":-1}");
  g_assert_cmpint (live_seq (w->admin, w->session), ==, 2);
  g_assert_cmpint (live_seq (w->admin, w->session2), ==, 0);

  /* A client that talks on the one-way channel is cut off; the others do not notice. */
  f.seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  f.live = chamber_live_client_new (w->delegate_b, w->session);
  g_signal_connect (f.live, "event", G_CALLBACK (follower_event_cb), &f);
  f.target = 2;
  chamber_live_client_start (f.live);
  g_assert_true (chamber_test_pump_until (follower_at, &f, 10000));
  {
    g_autoptr (SoupSession) session = soup_session_new ();
    g_autofree char *uri = g_strdup_printf ("%s/api/v1/live/events?session=%lld&after=0",
                                            w->server->url, (long long) w->session);
    g_autoptr (SoupMessage) msg = soup_message_new ("GET", uri);
    g_autofree char *auth = g_strdup_printf ("Bearer %s", w->server->admin_token);

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                          raw_connected_cb, &raw);
    g_assert_true (chamber_test_pump_until (raw_done, &raw, 10000));
    g_assert_no_error (raw.error);
    g_signal_connect (raw.conn, "closed", G_CALLBACK (raw_closed_cb), &raw);
    for (int i = 0; i < 100; i++)
      soup_websocket_connection_send_text (raw.conn, "{\"type\":\"grant\",\"request\":1}");
    g_assert_true (chamber_test_pump_until (raw_closed, &raw, 10000));
    g_assert_cmpint (soup_websocket_connection_get_close_code (raw.conn), ==,
                     SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION);
    g_clear_object (&raw.conn);
  }
  f.target = ok (w->chair, w->session, NULL, "{\"type\":\"grant\",\"request\":1}");
  g_assert_true (chamber_test_pump_until (follower_at, &f, 10000));
  g_assert_cmpint (f.target, ==, 3);
  assert_consecutive (f.seqs, 3);
  chamber_live_client_stop (f.live);
  g_object_unref (f.live);
  g_array_unref (f.seqs);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/live-server/roles", test_roles);
  g_test_add_func ("/live-server/concurrent-chairs", test_concurrent_chairs);
  g_test_add_func ("/live-server/reconnect", test_reconnect);
  g_test_add_func ("/live-server/kill-restart", test_kill_restart);
  g_test_add_func ("/live-server/websocket-auth", test_websocket_auth);
  g_test_add_func ("/live-server/hostile", test_hostile);
  return g_test_run ();
}
