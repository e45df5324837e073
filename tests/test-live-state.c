/* test-live-state.c — the live session's state machine (chamber-live-state.h) with every rule
 * and edge of issue 5: items, the queue (speak once, closed list, points of order first, debate
 * priority, issue groups, reorder, remove, re-add), turns (grant, answer to a round of questions,
 * pause, resume, add time, overtime, end), summaries and commitments, the role of every sender,
 * stale and malformed commands, and replay: the events rebuild the same state. */
#include "config.h"

#include <locale.h>

#include "chamber-live-format.h"
#include "chamber-live-state.h"
#include "chamber-protocol.h"

enum {
  CHAIR = 1, SECRETARIAT = 2, ADMIN = 3,
  DELEGATE_A = 10, DELEGATE_B = 11, DELEGATE_C = 12, DELEGATE_D = 13,
  OFFICIAL_X = 20, OFFICIAL_Y = 21,
  ITEM_1 = 100, ITEM_2 = 101,
};

#define S(ms) ((gint64) (ms) * 1000)
#define T0    G_GINT64_CONSTANT (1765000000000)

typedef struct {
  ChamberLiveState *state;
  GPtrArray        *events;  /* JsonObject, every event applied */
} Fixture;

static void
add_person (ChamberLiveState *state, gint64 id, const char *name, ChamberRole role,
            const char *title)
{
  g_autoptr (ChamberPerson) person = chamber_person_new ();

  person->id = id;
  person->name = g_strdup (name);
  person->role = role;
  person->title = g_strdup (title);
  person->active = TRUE;
  chamber_live_state_add_person (state, person);
}

static void
add_context (ChamberLiveState *state)
{
  chamber_live_state_add_item (state, ITEM_1, "Chất vấn và trả lời chất vấn");
  chamber_live_state_add_item (state, ITEM_2, "Thảo luận tổ");
  add_person (state, CHAIR, "Chủ tọa", CHAMBER_ROLE_CHAIR, NULL);
  add_person (state, SECRETARIAT, "Văn phòng", CHAMBER_ROLE_SECRETARIAT, NULL);
  add_person (state, ADMIN, "Quản trị", CHAMBER_ROLE_ADMIN, NULL);
  add_person (state, DELEGATE_A, "Đại biểu A", CHAMBER_ROLE_DELEGATE, NULL);
  add_person (state, DELEGATE_B, "Đại biểu B", CHAMBER_ROLE_DELEGATE, NULL);
  add_person (state, DELEGATE_C, "Đại biểu C", CHAMBER_ROLE_DELEGATE, NULL);
  add_person (state, DELEGATE_D, "Đại biểu D", CHAMBER_ROLE_DELEGATE, NULL);
  add_person (state, OFFICIAL_X, "Nguyễn Văn X", CHAMBER_ROLE_OFFICIAL,
              "Giám đốc Sở Tài nguyên và Môi trường");
  add_person (state, OFFICIAL_Y, "Trần Thị Y", CHAMBER_ROLE_OFFICIAL,
              "Giám đốc Sở Tài chính");
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->state = chamber_live_state_new (7);
  add_context (f->state);
  f->events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  chamber_live_state_free (f->state);
  g_ptr_array_unref (f->events);
}

static JsonObject *
parse (const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonObject *object = chamber_protocol_parse_object (json, strlen (json), 1 << 20, &error);

  g_assert_no_error (error);
  return object;
}

/* Runs a command that must succeed; returns its event (owned by the fixture). */
static JsonObject *
run (Fixture *f, gint64 person, ChamberRole role, gint64 at, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) command = parse (json);
  JsonObject *event = chamber_live_state_execute (f->state, command, person, role, at, &error);

  if (error != NULL)
    g_error ("command %s refused: %s", json, error->message);
  g_assert_nonnull (event);
  g_assert_cmpint (json_object_get_int_member (event, "seq"), ==,
                   chamber_live_state_get_seq (f->state));
  g_ptr_array_add (f->events, event);
  return event;
}

/* Runs a command that must be refused with @code; the state must not change. */
static void
refused (Fixture *f, gint64 person, ChamberRole role, gint64 at, const char *json,
         ChamberLiveError code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) command = parse (json);
  g_autoptr (JsonNode) before = chamber_live_state_to_json (f->state, at);
  g_autoptr (JsonNode) after = NULL;
  g_autofree char *before_text = chamber_json_to_string (before, NULL);
  g_autofree char *after_text = NULL;
  JsonObject *event;

  event = chamber_live_state_execute (f->state, command, person, role, at, &error);
  if (event != NULL)
    g_error ("command %s was accepted", json);
  g_assert_error (error, CHAMBER_LIVE_ERROR, (gint) code);
  g_assert_cmpuint (strlen (error->message), >, 10);
  after = chamber_live_state_to_json (f->state, at);
  after_text = chamber_json_to_string (after, NULL);
  g_assert_cmpstr (before_text, ==, after_text);
}

static gint64
chair (Fixture *f, gint64 at, const char *json, const char *member)
{
  JsonObject *event = run (f, CHAIR, CHAMBER_ROLE_CHAIR, at, json);

  return member ? json_object_get_int_member (event, member) : 0;
}

static gint64
ask (Fixture *f, gint64 person, gint64 at, const char *json)
{
  JsonObject *event = run (f, person, CHAMBER_ROLE_DELEGATE, at, json);

  return json_object_get_int_member (event, "request");
}

static GArray *
queue_of (Fixture *f, gint64 item_id)
{
  const ChamberLiveItem *item = chamber_live_state_get_item (f->state, item_id);

  g_assert_nonnull (item);
  return item->queue;
}

static void
assert_queue (Fixture *f, gint64 item_id, const gint64 *expected, guint n)
{
  GArray *queue = queue_of (f, item_id);

  g_assert_cmpuint (queue->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (queue, gint64, i), ==, expected[i]);
}

static char *
question (gint64 to, const char *topic)
{
  return g_strdup_printf ("{\"type\":\"request\",\"item\":%d,\"kind\":\"question\",\"to\":%lld,"
                          "\"topic\":\"%s\"}",
                          ITEM_1, (long long) to, topic);
}

/* ---- Items -------------------------------------------------------------------------------- */

static void
test_items (Fixture *f, gconstpointer data)
{
  g_assert_null (chamber_live_state_get_current_item (f->state));
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"open-item\",\"item\":999}",
           CHAMBER_LIVE_ERROR_NOT_FOUND);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"close-item\",\"item\":100}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"open-item\"}",
           CHAMBER_LIVE_ERROR_INVALID);

  chair (f, T0, "{\"type\":\"open-item\",\"item\":100}", NULL);
  g_assert_cmpint (chamber_live_state_get_current_item (f->state)->id, ==, ITEM_1);
  g_assert_cmpint (chamber_live_state_get_item (f->state, ITEM_1)->state, ==,
                   CHAMBER_ITEM_STATE_OPEN);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"open-item\",\"item\":100}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"open-item\",\"item\":101}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  chair (f, T0 + S (5), "{\"type\":\"close-item\",\"item\":100}", NULL);
  g_assert_null (chamber_live_state_get_current_item (f->state));
  g_assert_cmpint (chamber_live_state_get_item (f->state, ITEM_1)->state, ==,
                   CHAMBER_ITEM_STATE_CLOSED);
  chair (f, T0 + S (6), "{\"type\":\"open-item\",\"item\":101}", NULL);
  chair (f, T0 + S (7), "{\"type\":\"close-item\"}", NULL);
  /* A closed item may be opened again (closed by mistake). */
  chair (f, T0 + S (8), "{\"type\":\"open-item\",\"item\":100}", NULL);
  g_assert_cmpint (chamber_live_state_get_seq (f->state), ==, 5);
}

/* ---- The empty queue and turns that are not there ----------------------------------------- */

static void
test_empty (Fixture *f, gconstpointer data)
{
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"end\"}", CHAMBER_LIVE_ERROR_CONFLICT);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"pause\"}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"resume\"}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"add-time\",\"seconds\":30}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"grant\",\"request\":1}",
           CHAMBER_LIVE_ERROR_NOT_FOUND);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"close-list\"}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  chair (f, T0, "{\"type\":\"open-item\",\"item\":100}", NULL);
  g_assert_cmpuint (queue_of (f, ITEM_1)->len, ==, 0);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"end\"}", CHAMBER_LIVE_ERROR_CONFLICT);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"answer\",\"turn\":1}",
           CHAMBER_LIVE_ERROR_NOT_FOUND);
  refused (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0,
           "{\"type\":\"summary\",\"turn\":1,\"text\":\"x\"}", CHAMBER_LIVE_ERROR_NOT_FOUND);
  g_assert_null (chamber_live_state_get_current_turn (f->state));
}

/* ---- Grant, double grant ------------------------------------------------------------------ */

static void
test_grant (Fixture *f, gconstpointer data)
{
  g_autofree char *q1 = question (OFFICIAL_X, "Giải phóng mặt bằng");
  g_autofree char *q2 = question (OFFICIAL_Y, "Giải ngân vốn đầu tư công");
  g_autofree char *grant = NULL;
  const ChamberLiveTurn *turn;
  const ChamberLiveRequest *request;
  gint64 r1, r2, turn_id;

  /* Registration before the item opens is allowed; granting is not. */
  r1 = ask (f, DELEGATE_A, T0, q1);
  r2 = ask (f, DELEGATE_B, T0 + 1, q2);
  g_assert_cmpint (r1, ==, 1);
  g_assert_cmpint (r2, ==, 2);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"grant\",\"request\":1}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  chair (f, T0 + S (1), "{\"type\":\"open-item\",\"item\":100}", NULL);
  turn_id = chair (f, T0 + S (2), "{\"type\":\"grant\",\"request\":1}", "turn");
  turn = chamber_live_state_get_current_turn (f->state);
  g_assert_nonnull (turn);
  g_assert_cmpint (turn->id, ==, turn_id);
  g_assert_cmpint (turn->kind, ==, CHAMBER_LIVE_QUESTION);
  g_assert_cmpint (turn->speaker_id, ==, DELEGATE_A);
  g_assert_cmpint (turn->respondent_id, ==, OFFICIAL_X);
  g_assert_cmpint (turn->allotted_s, ==, 180);
  g_assert_cmpint (turn->started_at, ==, T0 + S (2));
  g_assert_cmpstr (turn->topic, ==, "Giải phóng mặt bằng");
  request = chamber_live_state_get_request (f->state, r1);
  g_assert_cmpint (request->state, ==, CHAMBER_LIVE_REQUEST_GRANTED);
  g_assert_cmpint (request->turn_id, ==, turn_id);
  assert_queue (f, ITEM_1, (gint64[]) { r2 }, 1);

  /* Double grant: the same request again, or another while a turn runs. */
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0 + S (3), "{\"type\":\"grant\",\"request\":1}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0 + S (3), "{\"type\":\"grant\",\"request\":2}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0 + S (3), "{\"type\":\"close-item\",\"item\":100}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  chair (f, T0 + S (60), "{\"type\":\"end\"}", NULL);
  g_assert_null (chamber_live_state_get_current_turn (f->state));
  turn = chamber_live_state_get_turn (f->state, turn_id);
  g_assert_cmpint (turn->ended_at, ==, T0 + S (60));
  g_assert_cmpint (chamber_live_turn_used_ms (turn, T0 + S (500)), ==, S (58));
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0 + S (61), "{\"type\":\"end\"}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  grant = g_strdup_printf ("{\"type\":\"grant\",\"request\":%lld}", (long long) r2);
  chair (f, T0 + S (62), grant, NULL);
  g_assert_cmpint (chamber_live_state_get_current_turn (f->state)->speaker_id, ==, DELEGATE_B);
}

/* ---- Speak once ---------------------------------------------------------------------------- */

static void
test_speak_once (Fixture *f, gconstpointer data)
{
  g_autofree char *q1 = question (OFFICIAL_X, "Một");
  gint64 r1;

  chair (f, T0, "{\"type\":\"open-item\",\"item\":100}", NULL);
  r1 = ask (f, DELEGATE_A, T0, q1);
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0,
           "{\"type\":\"request\",\"item\":100,\"kind\":\"discussion\"}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  /* A point of order is always possible; another item is another list. */
  ask (f, DELEGATE_A, T0, "{\"type\":\"request\",\"item\":100,\"kind\":\"point-of-order\"}");
  ask (f, DELEGATE_A, T0, "{\"type\":\"request\",\"item\":101,\"kind\":\"discussion\"}");
  /* After the first request became a turn, the delegate may register again. */
  chair (f, T0 + S (1), "{\"type\":\"remove\",\"request\":2}", NULL);
  chair (f, T0 + S (1), "{\"type\":\"grant\",\"request\":1}", NULL);
  chair (f, T0 + S (2), "{\"type\":\"end\"}", NULL);
  ask (f, DELEGATE_A, T0 + S (3), "{\"type\":\"request\",\"item\":100,\"kind\":\"discussion\"}");
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0,
           "{\"type\":\"request\",\"item\":100,\"kind\":\"discussion\"}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  /* The rule is a setting. */
  chair (f, T0 + S (4), "{\"type\":\"settings\",\"speak_once\":false}", NULL);
  g_assert_false (chamber_live_state_get_settings (f->state)->speak_once);
  ask (f, DELEGATE_A, T0 + S (5), "{\"type\":\"request\",\"item\":100,\"kind\":\"discussion\"}");
  g_assert_cmpint (r1, ==, 1);
}

/* ---- Points of order, closed list ----------------------------------------------------------- */

static void
test_point_of_order_first (Fixture *f, gconstpointer data)
{
  g_autofree char *qa = question (OFFICIAL_X, "A");
  g_autofree char *qb = question (OFFICIAL_X, "B");
  g_autofree char *qc = question (OFFICIAL_Y, "C");
  gint64 a, b, c, p1, p2;

  chair (f, T0, "{\"type\":\"open-item\",\"item\":100}", NULL);
  a = ask (f, DELEGATE_A, T0, qa);
  b = ask (f, DELEGATE_B, T0, qb);
  c = ask (f, DELEGATE_C, T0, qc);
  p1 = ask (f, DELEGATE_D, T0, "{\"type\":\"request\",\"item\":100,\"kind\":\"point-of-order\"}");
  p2 = ask (f, DELEGATE_B, T0,
            "{\"type\":\"request\",\"item\":100,\"kind\":\"point-of-order\"}");
  assert_queue (f, ITEM_1, (gint64[]) { p1, p2, a, b, c }, 5);
}

static void
test_close_list (Fixture *f, gconstpointer data)
{
  g_autofree char *qa = question (OFFICIAL_X, "A");
  g_autofree char *qb = question (OFFICIAL_X, "B");
  gint64 a, p, added;

  chair (f, T0, "{\"type\":\"open-item\",\"item\":100}", NULL);
  a = ask (f, DELEGATE_A, T0, qa);
  p = ask (f, DELEGATE_D, T0, "{\"type\":\"request\",\"item\":100,\"kind\":\"point-of-order\"}");
  chair (f, T0 + S (1), "{\"type\":\"close-list\"}", NULL);
  g_assert_true (chamber_live_state_get_item (f->state, ITEM_1)->list_closed);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"close-list\"}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  refused (f, DELEGATE_B, CHAMBER_ROLE_DELEGATE, T0 + S (2), qb, CHAMBER_LIVE_ERROR_CONFLICT);
  /* The point of order already pending stays first; a new one is still heard. */
  assert_queue (f, ITEM_1, (gint64[]) { p, a }, 2);
  ask (f, DELEGATE_C, T0 + S (2), "{\"type\":\"request\",\"item\":100,\"kind\":\"point-of-order\"}");
  /* The chair may still add a speaker. */
  added = chair (f, T0 + S (3),
                 "{\"type\":\"add\",\"person\":11,\"kind\":\"question\",\"to\":20,\"topic\":\"B\"}",
                 "request");
  g_assert_cmpint (chamber_live_state_get_request (f->state, added)->added_by, ==, CHAIR);
  assert_queue (f, ITEM_1, (gint64[]) { p, 3, a, added }, 4);
  chair (f, T0 + S (4), "{\"type\":\"grant\",\"request\":2}", NULL);
  g_assert_cmpint (chamber_live_state_get_current_turn (f->state)->kind, ==,
                   CHAMBER_LIVE_POINT_OF_ORDER);
  g_assert_cmpint (chamber_live_state_get_current_turn (f->state)->allotted_s, ==, 60);
  chair (f, T0 + S (5), "{\"type\":\"end\"}", NULL);
  chair (f, T0 + S (6), "{\"type\":\"open-list\"}", NULL);
  ask (f, DELEGATE_C, T0 + S (7), qb);
}

/* ---- Reorder, remove, re-add, withdraw ------------------------------------------------------ */

static void
test_reorder_during_turn (Fixture *f, gconstpointer data)
{
  g_autofree char *qa = question (OFFICIAL_X, "A");
  g_autofree char *qb = question (OFFICIAL_X, "B");
  g_autofree char *qc = question (OFFICIAL_Y, "C");
  g_autofree char *qd = question (OFFICIAL_Y, "D");
  const ChamberLiveTurn *turn;
  gint64 a, b, c, d;

  chair (f, T0, "{\"type\":\"open-item\",\"item\":100}", NULL);
  a = ask (f, DELEGATE_A, T0, qa);
  b = ask (f, DELEGATE_B, T0, qb);
  c = ask (f, DELEGATE_C, T0, qc);
  d = ask (f, DELEGATE_D, T0, qd);
  chair (f, T0 + S (1), "{\"type\":\"grant\",\"request\":1}", NULL);
  turn = chamber_live_state_get_current_turn (f->state);
  chair (f, T0 + S (2), "{\"type\":\"reorder\",\"request\":4,\"position\":0}", NULL);
  assert_queue (f, ITEM_1, (gint64[]) { d, b, c }, 3);
  chair (f, T0 + S (3), "{\"type\":\"reorder\",\"request\":2,\"position\":2}", NULL);
  assert_queue (f, ITEM_1, (gint64[]) { d, c, b }, 3);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"reorder\",\"request\":2,\"position\":3}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"reorder\",\"request\":1,\"position\":0}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  /* The running turn is untouched. */
  g_assert_true (turn == chamber_live_state_get_current_turn (f->state));
  g_assert_cmpint (turn->speaker_id, ==, DELEGATE_A);
  g_assert_cmpint (turn->ended_at, ==, 0);
  g_assert_cmpint (a, ==, 1);
}

static void
test_withdraw_remove_readd (Fixture *f, gconstpointer data)
{
  g_autofree char *qa = question (OFFICIAL_X, "A");
  g_autofree char *qb = question (OFFICIAL_X, "B");
  g_autofree char *qc = question (OFFICIAL_X, "C");
  gint64 a, b, c;

  a = ask (f, DELEGATE_A, T0, qa);
  b = ask (f, DELEGATE_B, T0, qb);
  c = ask (f, DELEGATE_C, T0, qc);
  refused (f, DELEGATE_B, CHAMBER_ROLE_DELEGATE, T0, "{\"type\":\"withdraw\",\"request\":1}",
           CHAMBER_LIVE_ERROR_FORBIDDEN);
  run (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0, "{\"type\":\"withdraw\",\"request\":1}");
  g_assert_cmpint (chamber_live_state_get_request (f->state, a)->state, ==,
                   CHAMBER_LIVE_REQUEST_WITHDRAWN);
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0, "{\"type\":\"withdraw\",\"request\":1}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0, "{\"type\":\"withdraw\",\"request\":99}",
           CHAMBER_LIVE_ERROR_NOT_FOUND);
  chair (f, T0, "{\"type\":\"remove\",\"request\":2}", NULL);
  g_assert_cmpint (chamber_live_state_get_request (f->state, b)->state, ==,
                   CHAMBER_LIVE_REQUEST_REMOVED);
  assert_queue (f, ITEM_1, (gint64[]) { c }, 1);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"remove\",\"request\":2}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"readd\",\"request\":3}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  chair (f, T0, "{\"type\":\"readd\",\"request\":2}", NULL);
  chair (f, T0, "{\"type\":\"readd\",\"request\":1}", NULL);
  assert_queue (f, ITEM_1, (gint64[]) { c, b, a }, 3);
  g_assert_cmpint (chamber_live_state_get_request (f->state, a)->state, ==,
                   CHAMBER_LIVE_REQUEST_WAITING);
}

/* ---- Time: pause, resume, add time, overtime ------------------------------------------------ */

static void
test_timer (Fixture *f, gconstpointer data)
{
  g_autofree char *qa = question (OFFICIAL_X, "A");
  g_autoptr (ChamberLiveState) late = NULL;
  const ChamberLiveTurn *turn;
  g_autoptr (JsonNode) node = NULL;
  JsonObject *current;

  chair (f, T0, "{\"type\":\"open-item\",\"item\":100}", NULL);
  ask (f, DELEGATE_A, T0, qa);
  chair (f, T0, "{\"type\":\"grant\",\"request\":1}", NULL);
  turn = chamber_live_state_get_current_turn (f->state);
  g_assert_cmpint (chamber_live_turn_remaining_s (turn, T0), ==, 180);
  g_assert_cmpint (chamber_live_turn_remaining_s (turn, T0 + 400), ==, 180);
  g_assert_cmpint (chamber_live_turn_remaining_s (turn, T0 + S (10)), ==, 170);
  chair (f, T0 + S (10), "{\"type\":\"pause\"}", NULL);
  g_assert_true (chamber_live_turn_is_paused (turn));
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0 + S (20), "{\"type\":\"pause\"}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  /* The clock stands while paused. */
  g_assert_cmpint (chamber_live_turn_remaining_s (turn, T0 + S (60)), ==, 170);
  chair (f, T0 + S (70), "{\"type\":\"resume\"}", NULL);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0 + S (71), "{\"type\":\"resume\"}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  g_assert_cmpint (chamber_live_turn_used_ms (turn, T0 + S (100)), ==, S (40));
  g_assert_cmpint (chamber_live_turn_remaining_s (turn, T0 + S (100)), ==, 140);
  chair (f, T0 + S (100), "{\"type\":\"add-time\",\"seconds\":30}", NULL);
  g_assert_cmpint (turn->allotted_s, ==, 210);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"add-time\",\"seconds\":0}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"add-time\",\"seconds\":3601}",
           CHAMBER_LIVE_ERROR_INVALID);
  /* Overtime is shown, not prevented. */
  g_assert_cmpint (chamber_live_turn_remaining_s (turn, T0 + S (300)), ==, -30);

  /* A late joiner rebuilt from the events shows the same time. */
  late = chamber_live_state_new (7);
  for (guint i = 0; i < f->events->len; i++)
    g_assert_true (chamber_live_state_apply (late, g_ptr_array_index (f->events, i), NULL));
  g_assert_cmpint (chamber_live_turn_remaining_s (chamber_live_state_get_current_turn (late),
                                                  T0 + S (300)), ==, -30);

  /* Ended while paused: the pause closes at the end. */
  chair (f, T0 + S (290), "{\"type\":\"pause\"}", NULL);
  chair (f, T0 + S (400), "{\"type\":\"end\"}", NULL);
  g_assert_cmpint (chamber_live_turn_used_ms (turn, T0 + S (999)), ==, S (230));
  g_assert_cmpint (chamber_live_turn_remaining_s (turn, T0 + S (999)), ==, -20);
  node = chamber_live_state_to_json (f->state, T0 + S (999));
  current = json_object_get_object_member (json_node_get_object (node), "current_turn");
  g_assert_null (current);
  {
    JsonArray *items = json_object_get_array_member (json_node_get_object (node), "items");
    JsonObject *item = json_array_get_object_element (items, 0);
    JsonObject *t = json_array_get_object_element (json_object_get_array_member (item, "turns"),
                                                   0);

    g_assert_cmpint (json_object_get_int_member (t, "used_s"), ==, 230);
    g_assert_cmpint (json_object_get_int_member (t, "overtime_s"), ==, 20);
    g_assert_cmpint (json_object_get_int_member (t, "allotted_s"), ==, 210);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (t, "pauses")), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (t, "respondent"), "title"),
                     ==, "Giám đốc Sở Tài nguyên và Môi trường");
  }
}

/* ---- Fast format, answers, debate priority --------------------------------------------------- */

static void
test_answer_and_debate (Fixture *f, gconstpointer data)
{
  g_autofree char *qa = question (OFFICIAL_X, "A");
  g_autofree char *qb = question (OFFICIAL_X, "B");
  g_autofree char *qc = question (OFFICIAL_X, "C");
  const ChamberLiveTurn *answer;
  gint64 t1, t2, t3, ta, d_other, d_asker, p, late;

  chair (f, T0, "{\"type\":\"open-item\",\"item\":100}", NULL);
  ask (f, DELEGATE_A, T0, qa);
  ask (f, DELEGATE_B, T0, qb);
  ask (f, DELEGATE_C, T0, qc);
  t1 = chair (f, T0 + S (1), "{\"type\":\"grant\",\"request\":1}", "turn");
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0 + S (2), "{\"type\":\"answer\",\"turn\":1}",
           CHAMBER_LIVE_ERROR_CONFLICT);
  chair (f, T0 + S (60), "{\"type\":\"end\"}", NULL);
  t2 = chair (f, T0 + S (61), "{\"type\":\"grant\",\"request\":2}", "turn");
  chair (f, T0 + S (120), "{\"type\":\"end\"}", NULL);
  t3 = chair (f, T0 + S (121), "{\"type\":\"grant\",\"request\":3}", "turn");
  chair (f, T0 + S (180), "{\"type\":\"end\"}", NULL);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"answer\",\"turns\":[1,99]}",
           CHAMBER_LIVE_ERROR_NOT_FOUND);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"answer\",\"turns\":[]}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"answer\",\"turn\":1,\"turns\":[2]}",
           CHAMBER_LIVE_ERROR_INVALID);
  /* One answer to the round of three questions (hỏi nhanh, đáp gọn). */
  ta = chair (f, T0 + S (181), "{\"type\":\"answer\",\"turns\":[1,2,3]}", "turn");
  answer = chamber_live_state_get_current_turn (f->state);
  g_assert_cmpint (answer->id, ==, ta);
  g_assert_cmpint (answer->kind, ==, CHAMBER_LIVE_ANSWER);
  g_assert_cmpint (answer->speaker_id, ==, OFFICIAL_X);
  g_assert_cmpint (answer->allotted_s, ==, 300);
  g_assert_cmpuint (answer->responds_to->len, ==, 3);
  g_assert_cmpint (g_array_index (answer->responds_to, gint64, 0), ==, t1);
  g_assert_cmpint (g_array_index (answer->responds_to, gint64, 2), ==, t3);
  chair (f, T0 + S (400), "{\"type\":\"end\"}", NULL);
  /* An answer turn is not a question to answer. */
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"answer\",\"turn\":4}",
           CHAMBER_LIVE_ERROR_NOT_FOUND);

  /* D did not ask: no priority. B asked: B debates first. */
  d_other = ask (f, DELEGATE_D, T0 + S (401), "{\"type\":\"request\",\"item\":100,\"kind\":\"debate\"}");
  d_asker = ask (f, DELEGATE_B, T0 + S (402), "{\"type\":\"request\",\"item\":100,\"kind\":\"debate\"}");
  g_assert_false (chamber_live_state_get_request (f->state, d_other)->priority);
  g_assert_true (chamber_live_state_get_request (f->state, d_asker)->priority);
  g_assert_cmpint (chamber_live_state_get_request (f->state, d_asker)->debates_turn_id, ==, ta);
  assert_queue (f, ITEM_1, (gint64[]) { d_asker, d_other }, 2);
  /* A point of order still goes before the priority debate. */
  p = ask (f, DELEGATE_C, T0 + S (403),
           "{\"type\":\"request\",\"item\":100,\"kind\":\"point-of-order\"}");
  assert_queue (f, ITEM_1, (gint64[]) { p, d_asker, d_other }, 3);
  g_assert_cmpint (p, ==, 6);
  chair (f, T0 + S (404), "{\"type\":\"remove\",\"request\":6}", NULL);
  chair (f, T0 + S (405), "{\"type\":\"grant\",\"request\":5}", NULL);
  g_assert_cmpint (chamber_live_state_get_current_turn (f->state)->kind, ==,
                   CHAMBER_LIVE_DEBATE);
  g_assert_cmpint (chamber_live_state_get_current_turn (f->state)->allotted_s, ==, 120);
  g_assert_cmpint (g_array_index (chamber_live_state_get_current_turn (f->state)->responds_to,
                                  gint64, 0), ==, ta);
  chair (f, T0 + S (500), "{\"type\":\"end\"}", NULL);
  /* Another official adds to the answer; the chair concludes. */
  chair (f, T0 + S (501), "{\"type\":\"answer\",\"turn\":2,\"speaker\":21}", NULL);
  g_assert_cmpint (chamber_live_state_get_current_turn (f->state)->speaker_id, ==, OFFICIAL_Y);
  chair (f, T0 + S (560), "{\"type\":\"end\"}", NULL);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"start-turn\",\"kind\":\"question\"}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"start-turn\",\"kind\":\"explanation\"}",
           CHAMBER_LIVE_ERROR_INVALID);
  chair (f, T0 + S (561), "{\"type\":\"start-turn\",\"kind\":\"conclusion\"}", NULL);
  g_assert_cmpint (chamber_live_state_get_current_turn (f->state)->speaker_id, ==, CHAIR);
  g_assert_cmpint (chamber_live_state_get_current_turn (f->state)->allotted_s, ==, 600);
  g_assert_cmpint (t2, ==, 2);

  /* With the priority rule off, the asker queues like everyone. */
  chair (f, T0 + S (600), "{\"type\":\"end\"}", NULL);
  chair (f, T0 + S (601), "{\"type\":\"settings\",\"debate_priority\":false,"
                          "\"limits\":{\"debate\":90}}", NULL);
  late = ask (f, DELEGATE_A, T0 + S (602),
              "{\"type\":\"request\",\"item\":100,\"kind\":\"debate\",\"debates\":4}");
  g_assert_cmpint (late, ==, 7);
  g_assert_false (chamber_live_state_get_request (f->state, late)->priority);
  assert_queue (f, ITEM_1, (gint64[]) { d_other, late }, 2);
  g_assert_cmpint (chamber_live_state_get_settings (f->state)->limit_s[CHAMBER_LIVE_DEBATE], ==,
                   90);
}

/* ---- Issue groups --------------------------------------------------------------------------- */

static void
test_groups (Fixture *f, gconstpointer data)
{
  g_autofree char *qa = question (OFFICIAL_Y, "Ngân sách 1");
  g_autofree char *qb = question (OFFICIAL_X, "Đất đai 1");
  g_autofree char *qc = question (OFFICIAL_Y, "Ngân sách 2");
  gint64 land, budget, a, b, c, d;

  chair (f, T0, "{\"type\":\"open-item\",\"item\":100}", NULL);
  land = chair (f, T0, "{\"type\":\"define-group\",\"name\":\"Đất đai\",\"respondents\":[20]}",
                "group");
  budget = chair (f, T0, "{\"type\":\"define-group\",\"name\":\"Ngân sách\",\"respondents\":[21]}",
                  "group");
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0,
           "{\"type\":\"define-group\",\"name\":\"X\",\"respondents\":[10]}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"define-group\",\"name\":\" \"}",
           CHAMBER_LIVE_ERROR_INVALID);
  a = ask (f, DELEGATE_A, T0, qa);
  b = ask (f, DELEGATE_B, T0, qb);
  c = ask (f, DELEGATE_C, T0, qc);
  /* The chair sorts the registered questions into groups: the queue follows the groups. */
  chair (f, T0, "{\"type\":\"group\",\"group\":2,\"requests\":[1,3]}", NULL);
  chair (f, T0, "{\"type\":\"group\",\"group\":1,\"requests\":[2]}", NULL);
  assert_queue (f, ITEM_1, (gint64[]) { b, a, c }, 3);
  /* A new question of the first group joins the end of that group. */
  d = ask (f, DELEGATE_D, T0,
           "{\"type\":\"request\",\"item\":100,\"kind\":\"question\",\"to\":20,\"group\":1}");
  assert_queue (f, ITEM_1, (gint64[]) { b, d, a, c }, 4);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"group\",\"group\":9,\"requests\":[1]}",
           CHAMBER_LIVE_ERROR_NOT_FOUND);
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0,
           "{\"type\":\"request\",\"item\":101,\"kind\":\"discussion\",\"group\":1}",
           CHAMBER_LIVE_ERROR_NOT_FOUND);
  g_assert_cmpint (land, ==, 1);
  g_assert_cmpint (budget, ==, 2);
  g_assert_cmpint (chamber_live_state_get_request (f->state, a)->group_id, ==, budget);
}

/* ---- Summaries and commitments ------------------------------------------------------------- */

static void
test_summary_commit (Fixture *f, gconstpointer data)
{
  g_autofree char *qa = question (OFFICIAL_X, "A");
  const ChamberLiveTurn *turn;
  gint64 commitment;

  chair (f, T0, "{\"type\":\"open-item\",\"item\":100}", NULL);
  ask (f, DELEGATE_A, T0, qa);
  chair (f, T0, "{\"type\":\"grant\",\"request\":1}", NULL);
  chair (f, T0 + S (60), "{\"type\":\"end\"}", NULL);
  chair (f, T0 + S (61), "{\"type\":\"answer\",\"turn\":1}", NULL);
  /* The secretariat writes while the answer runs. */
  run (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0 + S (70),
       "{\"type\":\"summary\",\"turn\":2,\"text\":\"Sở cam kết hoàn thành bồi thường.\"}");
  commitment = json_object_get_int_member (
    run (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0 + S (80),
         "{\"type\":\"commit\",\"turn\":2,\"owner\":20,\"due\":\"2026-06-30\","
         "\"what\":\"Hoàn thành giải phóng mặt bằng dự án đường ven biển\"}"),
    "commitment");
  refused (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0,
           "{\"type\":\"commit\",\"turn\":2,\"owner\":20,\"due\":\"30/06/2026\",\"what\":\"x\"}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0,
           "{\"type\":\"commit\",\"turn\":2,\"owner\":20,\"due\":\"2026-02-30\",\"what\":\"x\"}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0,
           "{\"type\":\"commit\",\"turn\":2,\"owner\":999,\"what\":\"x\"}",
           CHAMBER_LIVE_ERROR_NOT_FOUND);
  refused (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0,
           "{\"type\":\"commit\",\"turn\":2,\"owner\":20,\"what\":\"  \"}",
           CHAMBER_LIVE_ERROR_INVALID);
  run (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0 + S (81),
       "{\"type\":\"commit\",\"turn\":1,\"owner\":20,\"what\":\"Trả lời bằng văn bản\"}");
  turn = chamber_live_state_get_turn (f->state, 2);
  g_assert_cmpstr (turn->summary, ==, "Sở cam kết hoàn thành bồi thường.");
  g_assert_cmpuint (turn->commitments->len, ==, 1);
  g_assert_cmpstr (((ChamberLiveCommitment *) g_ptr_array_index (turn->commitments, 0))->due, ==,
                   "2026-06-30");
  g_assert_cmpint (commitment, ==, 1);
  run (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0 + S (82),
       "{\"type\":\"uncommit\",\"commitment\":1}");
  g_assert_cmpuint (turn->commitments->len, ==, 0);
  refused (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0,
           "{\"type\":\"uncommit\",\"commitment\":1}", CHAMBER_LIVE_ERROR_NOT_FOUND);
  /* An empty summary clears it. */
  run (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0 + S (83),
       "{\"type\":\"summary\",\"turn\":2,\"text\":\"\"}");
  g_assert_null (turn->summary);
}

/* ---- Roles ---------------------------------------------------------------------------------- */

static const char *const chair_commands[] = {
  "{\"type\":\"open-item\",\"item\":100}", "{\"type\":\"close-item\",\"item\":100}",
  "{\"type\":\"close-list\"}", "{\"type\":\"open-list\"}",
  "{\"type\":\"add\",\"person\":10,\"kind\":\"discussion\"}", "{\"type\":\"remove\",\"request\":1}",
  "{\"type\":\"readd\",\"request\":1}", "{\"type\":\"reorder\",\"request\":1,\"position\":0}",
  "{\"type\":\"grant\",\"request\":1}", "{\"type\":\"answer\",\"turn\":1}",
  "{\"type\":\"start-turn\",\"kind\":\"conclusion\"}", "{\"type\":\"pause\"}",
  "{\"type\":\"resume\"}", "{\"type\":\"add-time\",\"seconds\":30}", "{\"type\":\"end\"}",
  "{\"type\":\"define-group\",\"name\":\"G\"}", "{\"type\":\"group\",\"group\":0,\"requests\":[1]}",
  "{\"type\":\"settings\",\"speak_once\":false}",
};

static const char *const secretariat_commands[] = {
  "{\"type\":\"summary\",\"turn\":1,\"text\":\"x\"}",
  "{\"type\":\"commit\",\"turn\":1,\"owner\":20,\"what\":\"x\"}",
  "{\"type\":\"uncommit\",\"commitment\":1}",
};

static const char *const delegate_commands[] = {
  "{\"type\":\"request\",\"item\":100,\"kind\":\"discussion\"}",
  "{\"type\":\"withdraw\",\"request\":1}",
};

static void
refuse_all (Fixture *f, gint64 person, ChamberRole role, const char *const *commands, gsize n)
{
  for (gsize i = 0; i < n; i++)
    refused (f, person, role, T0 + S (10), commands[i], CHAMBER_LIVE_ERROR_FORBIDDEN);
}

static void
test_roles (Fixture *f, gconstpointer data)
{
  g_autofree char *qa = question (OFFICIAL_X, "A");

  /* A state where every command would otherwise be possible to consider. */
  chair (f, T0, "{\"type\":\"open-item\",\"item\":100}", NULL);
  ask (f, DELEGATE_A, T0, qa);
  chair (f, T0, "{\"type\":\"grant\",\"request\":1}", NULL);

  refuse_all (f, DELEGATE_B, CHAMBER_ROLE_DELEGATE, chair_commands,
              G_N_ELEMENTS (chair_commands));
  refuse_all (f, DELEGATE_B, CHAMBER_ROLE_DELEGATE, secretariat_commands,
              G_N_ELEMENTS (secretariat_commands));
  refuse_all (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, chair_commands,
              G_N_ELEMENTS (chair_commands));
  refuse_all (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, delegate_commands,
              G_N_ELEMENTS (delegate_commands));
  refuse_all (f, CHAIR, CHAMBER_ROLE_CHAIR, secretariat_commands,
              G_N_ELEMENTS (secretariat_commands));
  refuse_all (f, CHAIR, CHAMBER_ROLE_CHAIR, delegate_commands, G_N_ELEMENTS (delegate_commands));
  refuse_all (f, OFFICIAL_X, CHAMBER_ROLE_OFFICIAL, chair_commands,
              G_N_ELEMENTS (chair_commands));
  refuse_all (f, OFFICIAL_X, CHAMBER_ROLE_OFFICIAL, secretariat_commands,
              G_N_ELEMENTS (secretariat_commands));
  refuse_all (f, OFFICIAL_X, CHAMBER_ROLE_OFFICIAL, delegate_commands,
              G_N_ELEMENTS (delegate_commands));
  /* The admin may do everything: end the turn and withdraw someone's request. */
  run (f, ADMIN, CHAMBER_ROLE_ADMIN, T0 + S (20), "{\"type\":\"end\"}");
  ask (f, DELEGATE_B, T0 + S (21), "{\"type\":\"request\",\"item\":100,\"kind\":\"discussion\"}");
  run (f, ADMIN, CHAMBER_ROLE_ADMIN, T0 + S (22), "{\"type\":\"withdraw\",\"request\":2}");
  run (f, ADMIN, CHAMBER_ROLE_ADMIN, T0 + S (23),
       "{\"type\":\"summary\",\"turn\":1,\"text\":\"Tóm tắt\"}");
}

/* ---- Stale and malformed commands ----------------------------------------------------------- */

static void
test_stale (Fixture *f, gconstpointer data)
{
  g_autofree char *qa = question (OFFICIAL_X, "A");
  g_autofree char *qb = question (OFFICIAL_X, "B");

  chair (f, T0, "{\"type\":\"open-item\",\"item\":100,\"expected_seq\":0}", NULL);
  ask (f, DELEGATE_A, T0, qa);
  ask (f, DELEGATE_B, T0, qb);
  /* Two chairs saw event 3 and grant at once: the first wins, the second is refused. */
  chair (f, T0 + S (1), "{\"type\":\"grant\",\"request\":1,\"expected_seq\":3}", NULL);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0 + S (1),
           "{\"type\":\"grant\",\"request\":2,\"expected_seq\":3}", CHAMBER_LIVE_ERROR_STALE);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0 + S (1),
           "{\"type\":\"end\",\"expected_seq\":\"4\"}", CHAMBER_LIVE_ERROR_INVALID);
  chair (f, T0 + S (2), "{\"type\":\"end\",\"expected_seq\":4}", NULL);
}

static void
test_malformed (Fixture *f, gconstpointer data)
{
  g_autofree char *huge = NULL;
  GString *topic = g_string_new ("{\"type\":\"request\",\"item\":100,\"kind\":\"discussion\","
                                 "\"topic\":\"");

  for (int i = 0; i < CHAMBER_LIVE_MAX_TEXT + 1; i++)
    g_string_append_c (topic, 'a');
  g_string_append (topic, "\"}");
  huge = g_string_free (topic, FALSE);

  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{}", CHAMBER_LIVE_ERROR_INVALID);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":42}", CHAMBER_LIVE_ERROR_INVALID);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"explode\"}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"open-item\",\"item\":\"100\"}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"open-item\",\"item\":-1}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"open-item\",\"item\":1.5}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0, huge, CHAMBER_LIVE_ERROR_INVALID);
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0,
           "{\"type\":\"request\",\"item\":100,\"kind\":\"answer\"}", CHAMBER_LIVE_ERROR_INVALID);
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0,
           "{\"type\":\"request\",\"item\":100,\"kind\":\"question\"}",
           CHAMBER_LIVE_ERROR_INVALID);
  /* A question goes to an official, not to a delegate. */
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0,
           "{\"type\":\"request\",\"item\":100,\"kind\":\"question\",\"to\":11}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0,
           "{\"type\":\"request\",\"item\":100,\"kind\":\"question\",\"to\":999}",
           CHAMBER_LIVE_ERROR_NOT_FOUND);
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0,
           "{\"type\":\"request\",\"item\":100,\"kind\":\"discussion\",\"anchor\":\"p3\"}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0,
           "{\"type\":\"request\",\"item\":100,\"kind\":\"discussion\","
           "\"anchor\":{\"document\":4,\"page\":0}}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0,
           "{\"type\":\"request\",\"item\":100,\"kind\":\"discussion\",\"debates\":1}",
           CHAMBER_LIVE_ERROR_INVALID);
  refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0,
           "{\"type\":\"request\",\"item\":999,\"kind\":\"discussion\"}",
           CHAMBER_LIVE_ERROR_NOT_FOUND);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0,
           "{\"type\":\"settings\",\"limits\":{\"question\":0}}", CHAMBER_LIVE_ERROR_INVALID);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0,
           "{\"type\":\"settings\",\"limits\":{\"speech\":60}}", CHAMBER_LIVE_ERROR_INVALID);
  refused (f, CHAIR, CHAMBER_ROLE_CHAIR, T0, "{\"type\":\"settings\",\"speak_once\":1}",
           CHAMBER_LIVE_ERROR_INVALID);
  /* The anchor is kept as given. */
  ask (f, DELEGATE_A, T0, "{\"type\":\"request\",\"item\":100,\"kind\":\"question\",\"to\":20,"
                          "\"anchor\":{\"document\":4,\"page\":12,\"quote\":\"đất đai\"}}");
  g_assert_cmpint (chamber_live_state_get_request (f->state, 1)->anchor.page, ==, 12);
  g_assert_cmpstr (chamber_live_state_get_request (f->state, 1)->anchor.quote, ==, "đất đai");
}

/* A request with @quote_json (a JSON string, as sent) anchored to page 3 of document 4. */
static char *
quoted_request (const char *quote_json)
{
  return g_strdup_printf ("{\"type\":\"request\",\"item\":%d,\"kind\":\"question\","
                          "\"to\":%d,\"anchor\":{\"document\":4,\"page\":3,"
                          "\"quote\":%s}}", ITEM_1, OFFICIAL_X, quote_json);
}

/* The quoted passage of an anchor: its white space folded, and empty, oversized and hostile
 * quotes refused with the state unchanged; the quote reaches the turn and the JSON state. */
static void
test_anchor_quote (Fixture *f, gconstpointer data)
{
  static const char *const hostile[] = {
    "\"\"",                                  /* empty */
    "\" \\n\\t  \"",                          /* only white space */
    "\"chi \\u0000 ngân sách\"",               /* NUL inside */
    "\"đất\\u0007 đai\"",                      /* a bell */
    "\"đất\\u001b[2J đai\"",                   /* a terminal escape */
    "\"abc\\u202egnp.exe\"",                   /* right-to-left override */
    "\"\\u2066hidden\\u2069 text\"",            /* isolates */
    "\"x\\u200f y\"",                          /* right-to-left mark */
    "\"\\u0085 next line\"",                   /* a C1 control */
    "\"a\\u007f\"",                            /* DEL */
    "12",                                      /* not a string */
    "[\"a\"]",
    "{\"text\":\"a\"}",
    "\"\\ud800\"",                             /* a lone surrogate */
  };
  g_autofree char *long_text = g_strnfill (CHAMBER_LIVE_MAX_QUOTE + 1, 'a');
  g_autofree char *long_json = g_strdup_printf ("\"%s\"", long_text);
  g_autofree char *huge_text = g_strnfill (CHAMBER_LIVE_MAX_TEXT + 1, ' ');
  g_autofree char *huge_json = g_strdup_printf ("\"%s\"", huge_text);
  g_autoptr (GString) spaced = g_string_new ("\"");
  g_autofree char *max_text = g_strnfill (CHAMBER_LIVE_MAX_QUOTE, 'b');
  g_autofree char *max_json = g_strdup_printf ("\"  %s \\n\"", max_text);
  g_autofree char *ok = NULL;
  g_autoptr (JsonNode) node = NULL;
  JsonObject *request, *anchor;
  const ChamberLiveTurn *turn;
  gint64 id;

  chair (f, T0, "{\"type\":\"open-item\",\"item\":100}", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autofree char *json = quoted_request (hostile[i]);

      g_autoptr (GError) error = NULL;
      g_autoptr (JsonObject) command =
        chamber_protocol_parse_object (json, strlen (json), 1 << 20, &error);

      /* A NUL or a lone surrogate does not even get past the protocol's parser, which
       * refuses it with a reason (as chamberd does, before the state machine sees it). */
      if (command == NULL)
        {
          g_assert_true (strstr (hostile[i], "u0000") != NULL
                         || strstr (hostile[i], "ud800") != NULL);
          g_assert_nonnull (error);
          g_assert_true (error->domain == CHAMBER_PROTOCOL_ERROR);
          g_assert_cmpuint (strlen (error->message), >, 10);
          continue;
        }
      refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0, json, CHAMBER_LIVE_ERROR_INVALID);
    }
  /* Too long once folded, and too long as sent (even if it would fold to nothing). */
  {
    g_autofree char *json = quoted_request (long_json);
    g_autofree char *json2 = quoted_request (huge_json);

    refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0, json, CHAMBER_LIVE_ERROR_INVALID);
    refused (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0, json2, CHAMBER_LIVE_ERROR_INVALID);
  }
  g_assert_cmpuint (chamber_live_state_get_requests (f->state)->len, ==, 0);

  /* Exactly the limit once its white space is folded away: accepted. */
  {
    g_autofree char *json = quoted_request (max_json);

    id = ask (f, DELEGATE_A, T0, json);
    g_assert_cmpstr (chamber_live_state_get_request (f->state, id)->anchor.quote, ==, max_text);
    run (f, DELEGATE_A, CHAMBER_ROLE_DELEGATE, T0,
         "{\"type\":\"withdraw\",\"request\":1}");
  }

  /* Lines of a PDF's text, folded into one; the anchor goes with the granted turn. */
  g_string_append (spaced, "  Điều 5.\\n Thu hồi\\r\\n\\tđất   để phát triển \"");
  ok = quoted_request (spaced->str);
  id = ask (f, DELEGATE_B, T0, ok);
  g_assert_cmpstr (chamber_live_state_get_request (f->state, id)->anchor.quote, ==,
                   "Điều 5. Thu hồi đất để phát triển");
  chair (f, T0 + S (1), "{\"type\":\"grant\",\"request\":2}", NULL);
  turn = chamber_live_state_get_current_turn (f->state);
  g_assert_nonnull (turn);
  g_assert_cmpint (turn->anchor.document_id, ==, 4);
  g_assert_cmpint (turn->anchor.page, ==, 3);
  g_assert_cmpstr (turn->anchor.quote, ==, "Điều 5. Thu hồi đất để phát triển");
  node = chamber_live_state_to_json (f->state, T0 + S (2));
  request = json_array_get_object_element (
    json_object_get_array_member (json_array_get_object_element (
                                    json_object_get_array_member (json_node_get_object (node),
                                                                  "items"), 0),
                                  "requests"), 1);
  anchor = json_object_get_object_member (request, "anchor");
  g_assert_cmpstr (json_object_get_string_member (anchor, "quote"), ==,
                   "Điều 5. Thu hồi đất để phát triển");
  anchor = json_object_get_object_member (
    json_object_get_object_member (json_node_get_object (node), "current_turn"), "anchor");
  g_assert_cmpint (json_object_get_int_member (anchor, "page"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (anchor, "quote"), ==,
                   "Điều 5. Thu hồi đất để phát triển");
}

/* A quote shortened for a screen: at a word's end when one is near, with an ellipsis. */
static void
test_format_quote (void)
{
  g_autofree char *same = chamber_live_format_quote ("đất đai", 20);
  g_autofree char *word = chamber_live_format_quote ("Thu hồi đất để phát triển kinh tế", 16);
  g_autofree char *hard = chamber_live_format_quote ("ngânsáchnhànướctrungương", 10);

  g_assert_null (chamber_live_format_quote (NULL, 10));
  g_assert_cmpstr (same, ==, "đất đai");
  g_assert_cmpstr (word, ==, "Thu hồi đất để…");
  g_assert_cmpuint (g_utf8_strlen (word, -1), <=, 16);
  g_assert_cmpstr (hard, ==, "ngânsáchn…");
  g_assert_cmpuint (g_utf8_strlen (hard, -1), ==, 10);
  g_assert_true (g_utf8_validate (hard, -1, NULL));
}

/* A clock that goes back does not make time run backwards. */
static void
test_clock_back (Fixture *f, gconstpointer data)
{
  JsonObject *event;

  chair (f, T0 + S (100), "{\"type\":\"open-item\",\"item\":100}", NULL);
  event = run (f, CHAIR, CHAMBER_ROLE_CHAIR, T0,
               "{\"type\":\"start-turn\",\"kind\":\"explanation\",\"speaker\":20}");
  g_assert_cmpint (json_object_get_int_member (event, "at"), ==, T0 + S (100));
  g_assert_cmpint (chamber_live_state_get_current_turn (f->state)->allotted_s, ==, 300);
}

/* ---- Replay --------------------------------------------------------------------------------- */

static char *
state_text (ChamberLiveState *state, gint64 now)
{
  g_autoptr (JsonNode) node = chamber_live_state_to_json (state, now);

  return chamber_json_to_string (node, NULL);
}

static void
test_replay (Fixture *f, gconstpointer data)
{
  g_autoptr (ChamberLiveState) rebuilt = chamber_live_state_new (7);
  g_autoptr (ChamberLiveState) other = chamber_live_state_new (7);
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;

  /* A sitting with something of everything. */
  test_answer_and_debate (f, data);
  run (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0 + S (700),
       "{\"type\":\"commit\",\"turn\":4,\"owner\":20,\"due\":\"2026-06-30\",\"what\":\"Báo cáo\"}");
  run (f, SECRETARIAT, CHAMBER_ROLE_SECRETARIAT, T0 + S (701),
       "{\"type\":\"summary\",\"turn\":4,\"text\":\"Trả lời ba câu hỏi\"}");
  chair (f, T0 + S (702), "{\"type\":\"define-group\",\"name\":\"Đất đai\"}", NULL);
  chair (f, T0 + S (703), "{\"type\":\"group\",\"group\":1,\"requests\":[7]}", NULL);
  chair (f, T0 + S (704), "{\"type\":\"reorder\",\"request\":7,\"position\":0}", NULL);
  chair (f, T0 + S (705), "{\"type\":\"grant\",\"request\":7}", NULL);
  chair (f, T0 + S (706), "{\"type\":\"pause\"}", NULL);

  add_context (rebuilt);
  for (guint i = 0; i < f->events->len; i++)
    {
      chamber_live_state_apply (rebuilt, g_ptr_array_index (f->events, i), &error);
      g_assert_no_error (error);
    }
  expected = state_text (f->state, T0 + S (800));
  actual = state_text (rebuilt, T0 + S (800));
  g_assert_cmpstr (expected, ==, actual);
  g_assert_cmpint (chamber_live_state_get_seq (rebuilt), ==, f->events->len);

  /* Events go in order, once: a repeat, a gap or garbage is refused and changes nothing. */
  g_assert_false (chamber_live_state_apply (rebuilt, g_ptr_array_index (f->events, 3), &error));
  g_assert_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (chamber_live_state_apply (other, g_ptr_array_index (f->events, 1), &error));
  g_assert_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr (JsonObject) bogus = parse ("{\"seq\":1,\"at\":5,\"type\":\"grant\",\"request\":77,"
                                          "\"turn\":1}");
    g_autoptr (JsonObject) unknown = parse ("{\"seq\":1,\"at\":5,\"type\":\"teleport\"}");

    g_assert_false (chamber_live_state_apply (other, bogus, &error));
    g_assert_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_false (chamber_live_state_apply (other, unknown, &error));
    g_assert_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_cmpint (chamber_live_state_get_seq (other), ==, 0);
  }
  g_free (actual);
  actual = state_text (rebuilt, T0 + S (800));
  g_assert_cmpstr (expected, ==, actual);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/live-state/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("items", test_items);
  ADD ("empty", test_empty);
  ADD ("grant", test_grant);
  ADD ("speak-once", test_speak_once);
  ADD ("point-of-order-first", test_point_of_order_first);
  ADD ("close-list", test_close_list);
  ADD ("reorder-during-turn", test_reorder_during_turn);
  ADD ("withdraw-remove-readd", test_withdraw_remove_readd);
  ADD ("timer", test_timer);
  ADD ("answer-and-debate", test_answer_and_debate);
  ADD ("groups", test_groups);
  ADD ("summary-commit", test_summary_commit);
  ADD ("roles", test_roles);
  ADD ("stale", test_stale);
  ADD ("malformed", test_malformed);
  ADD ("clock-back", test_clock_back);
  ADD ("replay", test_replay);
  ADD ("anchor-quote", test_anchor_quote);
#undef ADD
  g_test_add_func ("/live-state/format-quote", test_format_quote);
  return g_test_run ();
}
