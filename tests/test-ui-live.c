/* test-ui-live.c — the live sitting's screens in the chamber app, under a real display
 * (xvfb-run + dbus-run-session), against a real chamberd.
 *
 * A session with one agenda item, a chair, two delegates, the secretariat and an official is
 * made on a fresh chamberd. The app connects as one of them and opens the live window from the
 * main window (win.live): the chair's console opens the item, reorders the queue that
 * delegates filled through the API and grants the floor (the countdown shows), adds time and
 * calls the respondent; a delegate's panel registers a question and shows its place in the
 * queue, and never holds a chair's control; the secretariat's summary reaches the server
 * (GET /api/v1/sessions/ID/live) and so does a commitment; the hall display shows the speaker
 * and the next ones and turns red in overtime (a 1-second limit set through the session's
 * rules). Every wait pumps the main loop until a condition holds. The clock's format is checked
 * too. With CHAMBER_TEST_SCREENSHOTS set to a folder, each screen is saved there as a PNG. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "chamber-application.h"
#include "chamber-client.h"
#include "chamber-connection.h"
#include "chamber-live-chair.h"
#include "chamber-live-delegate.h"
#include "chamber-live-format.h"
#include "chamber-live-hall.h"
#include "chamber-live-secretariat.h"
#include "chamber-live-window.h"
#include "chamber-protocol.h"
#include "chamber-test-ui.h"
#include "chamber-test-util.h"
#include "chamber-window.h"

#define WAIT_MS (60 * 1000)

static char *test_home;

/* ---- the sitting on the server ---------------------------------------------------------- */

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *admin;
  gint64             session_id;
  gint64             item_id;
  gint64             chair_id, delegate_a, delegate_b, secretariat_id, official_id;
  char              *chair_token, *delegate_a_token, *delegate_b_token, *secretariat_token;
} Sitting;

static gint64
add_person (Sitting *st, const char *name, ChamberRole role, const char *title, char **out_token)
{
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autoptr (GError) error = NULL;

  person->name = g_strdup (name);
  person->role = role;
  person->title = g_strdup (title);
  person->active = TRUE;
  added = chamber_client_add_person (st->admin, person, NULL, &error);
  g_assert_no_error (error);
  if (out_token != NULL)
    {
      *out_token = chamber_client_issue_token (st->admin, added->id, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return added->id;
}

static void
sitting_setup (Sitting *st)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) added = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *config = chamber_connection_get_config_path ();

  memset (st, 0, sizeof *st);
  g_unlink (config);
  st->server = chamber_test_server_start ();
  st->admin = chamber_client_new (st->server->url, st->server->admin_token, &error);
  g_assert_no_error (error);

  session->number = 10;
  session->title = g_strdup ("Kỳ họp thứ mười — phiên chất vấn");
  created = chamber_client_create_session (st->admin, session, NULL, &error);
  g_assert_no_error (error);
  st->session_id = created->id;
  item->session_id = created->id;
  item->title = g_strdup ("Chất vấn và trả lời chất vấn");
  item->position = -1;
  added = chamber_client_add_item (st->admin, item, NULL, &error);
  g_assert_no_error (error);
  st->item_id = added->id;

  st->chair_id = add_person (st, "Nguyễn Thanh Sơn", CHAMBER_ROLE_CHAIR, "Chủ tịch HĐND tỉnh",
                             &st->chair_token);
  st->delegate_a = add_person (st, "Trần Thị Thu Hà", CHAMBER_ROLE_DELEGATE, NULL,
                               &st->delegate_a_token);
  st->delegate_b = add_person (st, "Lê Quang Minh", CHAMBER_ROLE_DELEGATE, NULL,
                               &st->delegate_b_token);
  st->secretariat_id = add_person (st, "Trần Văn Phúc", CHAMBER_ROLE_SECRETARIAT,
                                   "Chánh Văn phòng", &st->secretariat_token);
  st->official_id = add_person (st, "Lê Văn Dũng", CHAMBER_ROLE_OFFICIAL,
                                "Giám đốc Sở Tài chính", NULL);
}

static void
sitting_teardown (Sitting *st)
{
  g_free (st->chair_token);
  g_free (st->delegate_a_token);
  g_free (st->delegate_b_token);
  g_free (st->secretariat_token);
  g_clear_object (&st->admin);
  chamber_test_server_free (st->server);
}

/* Sends @command_json as the holder of @token; returns the event. */
static JsonObject *
command (Sitting *st, const char *token, const char *command_json)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) body = json_from_string (command_json, &error);
  g_autoptr (JsonNode) answer = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/live/commands",
                                           (long long) st->session_id);

  g_assert_no_error (error);
  client = chamber_client_new (st->server->url, token, &error);
  g_assert_no_error (error);
  answer = chamber_client_request_json (client, "POST", path, body, NULL, NULL, &error);
  g_assert_no_error (error);
  return json_object_ref (json_object_get_object_member (json_node_get_object (answer),
                                                         "event"));
}

static gint64
command_id (Sitting *st, const char *token, const char *member, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static gint64
command_id (Sitting *st, const char *token, const char *member, const char *format, ...)
{
  va_list args;
  g_autofree char *json = NULL;
  g_autoptr (JsonObject) event = NULL;

  va_start (args, format);
  json = g_strdup_vprintf (format, args);
  va_end (args);
  event = command (st, token, json);
  return member != NULL ? json_object_get_int_member_with_default (event, member, 0) : 0;
}

/* GET /api/v1/sessions/ID/live: the server's LiveState. */
static JsonObject *
server_state (Sitting *st)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/live",
                                           (long long) st->session_id);
  g_autoptr (JsonNode) answer = chamber_client_request_json (st->admin, "GET", path, NULL, NULL,
                                                             NULL, &error);

  g_assert_no_error (error);
  return json_object_ref (json_object_get_object_member (json_node_get_object (answer),
                                                         "live"));
}

/* The server's turn @turn_id, or NULL. */
static JsonObject *
server_turn (JsonObject *live, gint64 turn_id)
{
  JsonArray *items = json_object_get_array_member (live, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonArray *turns = json_object_get_array_member (json_array_get_object_element (items, i),
                                                       "turns");

      for (guint j = 0; j < json_array_get_length (turns); j++)
        {
          JsonObject *turn = json_array_get_object_element (turns, j);

          if (json_object_get_int_member (turn, "id") == turn_id)
            return turn;
        }
    }
  return NULL;
}

/* ---- running the app -------------------------------------------------------------------- */

static void
run_in_app (ChamberTestAppBody body, gpointer data)
{
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_CLOSE_LIVE
                           | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           body, data);
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
after_paint_cb (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

/* With CHAMBER_TEST_SCREENSHOTS set to a folder, @window as it is drawn now goes to
 * NAME-LANGUAGE.png there, for people to look at; the tests do not depend on it. */
static void
save_screenshot (GtkWidget *window, const char *name)
{
  const char *dir = g_getenv ("CHAMBER_TEST_SCREENSHOTS");
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;
  int width, height;

  if (dir == NULL)
    return;
  clock = gtk_widget_get_frame_clock (window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (window);
  chamber_test_pump_until (flag_set, &painted, 10000);
  g_signal_handler_disconnect (clock, handler);

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s-%s.png", name,
                          language != NULL && *language != '\0' ? language : "en");
  path = g_build_filename (dir, file, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    g_test_message ("the screenshot %s could not be written", path);
}

/* ---- waiting ---------------------------------------------------------------------------- */

typedef gboolean (*Condition) (gpointer data);

#define WAIT_FOR(condition, data, what) \
  G_STMT_START { \
    if (!chamber_test_pump_until ((condition), (data), WAIT_MS)) \
      g_error ("%s: not within %d s", (what), WAIT_MS / 1000); \
  } G_STMT_END

static gboolean
main_page_synced (gpointer data)
{
  ChamberWindow *window = data;
  ChamberSessionView *view = chamber_window_get_session_view (window);

  return g_strcmp0 (chamber_window_get_page_name (window), "main") == 0
         && chamber_session_view_get_syncs_completed (view) >= 1
         && !chamber_session_view_get_syncing (view)
         && chamber_session_view_get_session_id (view) > 0;
}

static gboolean
on_welcome (gpointer data)
{
  return g_strcmp0 (chamber_window_get_page_name (data), "welcome") == 0;
}

static void
connect_app (ChamberTestApp *app, const char *url, const char *token)
{
  ChamberConnectPage *connect_page = chamber_window_get_connect_page (app->window);

  WAIT_FOR (on_welcome, app->window, "the welcome page");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.show-connect", NULL));
  chamber_connect_page_set_values (connect_page, url, token);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (connect_page), "connect-page.connect",
                                             NULL));
  WAIT_FOR (main_page_synced, app->window, "the first sync");
  g_assert_cmpstr (chamber_session_view_get_sync_error (
                     chamber_window_get_session_view (app->window)),
                   ==, NULL);
}

static gboolean
live_ready (gpointer data)
{
  ChamberLiveWindow *live = data;

  return chamber_live_window_get_panel (live) != NULL
         && chamber_live_context_get_connection_state (chamber_live_window_get_context (live))
              == CHAMBER_LIVE_CONNECTION_ONLINE;
}

/* Opens the live window from the main window, as the “Live” button does. */
static ChamberLiveWindow *
open_live (ChamberTestApp *app)
{
  ChamberLiveWindow *live;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.live", NULL));
  live = chamber_live_window_get_for (GTK_WINDOW (app->window));
  g_assert_nonnull (live);
  gtk_window_set_default_size (GTK_WINDOW (live), 1366, 740);
  WAIT_FOR (live_ready, live, "the live window's panel, online");
  g_assert_cmpstr (chamber_live_window_get_connection_text (live), ==, "");
  return live;
}

typedef struct {
  ChamberLiveWindow *live;
  gint64             seq;
} SeqWait;

static gboolean
seq_reached (gpointer data)
{
  SeqWait *wait = data;

  return chamber_live_client_get_last_seq (
           chamber_live_context_get_client (chamber_live_window_get_context (wait->live)))
         >= wait->seq;
}

/* Waits until the app has applied the event numbered @seq. */
static void
wait_for_seq (ChamberLiveWindow *live, gint64 seq)
{
  SeqWait wait = { live, seq };

  WAIT_FOR (seq_reached, &wait, "the live event");
}

static gint64
last_seq (ChamberLiveWindow *live)
{
  return chamber_live_client_get_last_seq (
    chamber_live_context_get_client (chamber_live_window_get_context (live)));
}

static gboolean
answered_more (gpointer data)
{
  gpointer *args = data;

  return chamber_live_context_get_n_answered (args[0]) > GPOINTER_TO_UINT (args[1]);
}

/* Activates @action on @widget and waits for the server's answer to the command it sent, and
 * for the event it became; asserts the server did not refuse it. */
static void
act (ChamberLiveWindow *live, GtkWidget *widget, const char *action, GVariant *parameter)
{
  ChamberLiveContext *context = chamber_live_window_get_context (live);
  guint before = chamber_live_context_get_n_answered (context);
  gpointer args[2] = { context, GUINT_TO_POINTER (before) };
  gint64 seq = last_seq (live);
  g_autofree char *what = g_strdup_printf ("the answer to %s", action);

  g_assert_true (gtk_widget_activate_action_variant (widget, action, parameter));
  WAIT_FOR (answered_more, args, what);
  if (chamber_live_context_get_last_error (context) != NULL)
    g_error ("%s was refused: %s", action, chamber_live_context_get_last_error (context));
  wait_for_seq (live, seq + 1);
}

/* Whether any widget under @widget is the chair's console or is bound to a chair's action. */
static gboolean
has_chair_controls (GtkWidget *widget)
{
  if (CHAMBER_IS_LIVE_CHAIR (widget))
    return TRUE;
  if (GTK_IS_ACTIONABLE (widget))
    {
      const char *name = gtk_actionable_get_action_name (GTK_ACTIONABLE (widget));

      if (name != NULL && g_str_has_prefix (name, "chair."))
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_chair_controls (child))
      return TRUE;
  return FALSE;
}

/* The first widget of @type under @widget, depth first. */
static GtkWidget *
find_widget (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ---- the clock's format ------------------------------------------------------------------ */

static void
test_clock_format (void)
{
  static const struct { gint64 seconds; const char *text; } cases[] = {
    { 0, "0:00" }, { 5, "0:05" }, { 59, "0:59" }, { 60, "1:00" }, { 179, "2:59" },
    { 600, "10:00" }, { 3599, "59:59" }, { 3600, "1:00:00" }, { 3723, "1:02:03" },
    { -12, "0:12" }, { -61, "1:01" }, { G_MININT64, "2562047788015215:30:08" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = chamber_live_format_seconds (cases[i].seconds);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  /* A fifth of the turn, at least 10 s and at most 30 s, is its end. */
  g_assert_cmpint (chamber_live_clock_warning_s (180), ==, 30);
  g_assert_cmpint (chamber_live_clock_warning_s (60), ==, 12);
  g_assert_cmpint (chamber_live_clock_warning_s (1), ==, 10);
  g_assert_cmpint (chamber_live_clock_phase (31, 180), ==, CHAMBER_LIVE_CLOCK_RUNNING);
  g_assert_cmpint (chamber_live_clock_phase (30, 180), ==, CHAMBER_LIVE_CLOCK_ENDING);
  g_assert_cmpint (chamber_live_clock_phase (1, 180), ==, CHAMBER_LIVE_CLOCK_ENDING);
  g_assert_cmpint (chamber_live_clock_phase (0, 180), ==, CHAMBER_LIVE_CLOCK_OVERTIME);
  g_assert_cmpint (chamber_live_clock_phase (-5, 180), ==, CHAMBER_LIVE_CLOCK_OVERTIME);
}

/* ---- the chair's console ----------------------------------------------------------------- */

typedef struct {
  ChamberLiveChair *chair;
  gint64            first, second;
} QueueWait;

static gboolean
queue_is (gpointer data)
{
  QueueWait *wait = data;
  GArray *ids = chamber_live_chair_get_queue_ids (wait->chair);
  guint n = (wait->first != 0) + (wait->second != 0);

  return ids->len == n && (n < 1 || g_array_index (ids, gint64, 0) == wait->first)
         && (n < 2 || g_array_index (ids, gint64, 1) == wait->second);
}

static gboolean
timer_shows (gpointer data)
{
  ChamberLiveNow *now = data;

  return chamber_live_now_get_phase (now) >= 0 && *chamber_live_now_get_timer_text (now) != '\0';
}

static gboolean
answer_runs (gpointer data)
{
  const ChamberLiveTurn *turn = chamber_live_state_get_current_turn (data);

  return turn != NULL && turn->kind == CHAMBER_LIVE_ANSWER;
}

static void
chair_body (ChamberTestApp *app, gpointer data)
{
  Sitting *st = data;
  ChamberLiveWindow *live;
  ChamberLiveChair *chair;
  ChamberLiveState *state;
  const ChamberLiveTurn *turn;
  QueueWait wait = { NULL, 0, 0 };
  gint64 request_a, request_b;
  g_autoptr (JsonObject) server = NULL;
  JsonArray *queue;

  connect_app (app, st->server->url, st->chair_token);
  live = open_live (app);
  g_assert_true (CHAMBER_IS_LIVE_CHAIR (chamber_live_window_get_panel (live)));
  chair = CHAMBER_LIVE_CHAIR (chamber_live_window_get_panel (live));
  state = chamber_live_context_get_state (chamber_live_window_get_context (live));
  wait.chair = chair;

  /* The item opens from the agenda. */
  act (live, GTK_WIDGET (chair), "chair.open-item", g_variant_new_int64 (st->item_id));
  g_assert_nonnull (chamber_live_state_get_current_item (state));
  g_assert_cmpint (chamber_live_state_get_current_item (state)->id, ==, st->item_id);

  /* Two delegates ask to speak, through the API, and the queue shows them in order. */
  request_a = command_id (st, st->delegate_a_token, "request",
                          "{\"type\": \"request\", \"item\": %lld, \"kind\": \"question\", "
                          "\"to\": %lld, \"topic\": \"Tiến độ giải ngân vốn đầu tư công\"}",
                          (long long) st->item_id, (long long) st->official_id);
  request_b = command_id (st, st->delegate_b_token, "request",
                          "{\"type\": \"request\", \"item\": %lld, \"kind\": \"discussion\"}",
                          (long long) st->item_id);
  wait.first = request_a;
  wait.second = request_b;
  WAIT_FOR (queue_is, &wait, "the queue of two requests");
  save_screenshot (GTK_WIDGET (live), "live-chair-queue");

  /* “Move down” reorders it on the server. */
  act (live, GTK_WIDGET (chair), "chair.move-down", g_variant_new_int64 (request_a));
  wait.first = request_b;
  wait.second = request_a;
  WAIT_FOR (queue_is, &wait, "the reordered queue");
  server = server_state (st);
  queue = json_object_get_array_member (json_array_get_object_element (
                                          json_object_get_array_member (server, "items"), 0),
                                        "queue");
  g_assert_cmpint (json_array_get_length (queue), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (queue, 0), "id"),
                   ==, request_b);

  /* The chair grants the floor to the question: its speaker and countdown show. */
  act (live, GTK_WIDGET (chair), "chair.grant", g_variant_new_int64 (request_a));
  turn = chamber_live_state_get_current_turn (state);
  g_assert_nonnull (turn);
  g_assert_cmpint (turn->kind, ==, CHAMBER_LIVE_QUESTION);
  WAIT_FOR (timer_shows, chamber_live_chair_get_now (chair), "the countdown");
  g_assert_cmpstr (chamber_live_now_get_speaker_text (chamber_live_chair_get_now (chair)), ==,
                   "Trần Thị Thu Hà");
  g_assert_cmpint (chamber_live_now_get_phase (chamber_live_chair_get_now (chair)), ==,
                   CHAMBER_LIVE_CLOCK_RUNNING);
  /* Three minutes, give or take the second that passed. */
  g_assert_true (g_str_equal (chamber_live_now_get_timer_text (chamber_live_chair_get_now (chair)),
                              "3:00")
                 || g_str_has_prefix (chamber_live_now_get_timer_text (
                                        chamber_live_chair_get_now (chair)), "2:5"));
  wait.first = request_b;
  wait.second = 0;
  WAIT_FOR (queue_is, &wait, "the queue without the granted request");

  /* +1 min: the turn is allotted 240 s. */
  act (live, GTK_WIDGET (chair), "chair.add-time", g_variant_new_int32 (60));
  g_assert_cmpint (chamber_live_state_get_current_turn (state)->allotted_s, ==, 240);
  save_screenshot (GTK_WIDGET (live), "live-chair");

  /* An issue group named in the console, and the waiting request put in it. */
  {
    GtkEditable *entry = GTK_EDITABLE (find_widget (GTK_WIDGET (chair), GTK_TYPE_ENTRY));
    const ChamberLiveItem *item = chamber_live_state_get_current_item (state);
    const ChamberLiveGroup *group;
    g_autoptr (JsonObject) after = NULL;
    JsonArray *requests;

    gtk_editable_set_text (entry, "Đầu tư công");
    act (live, GTK_WIDGET (chair), "chair.define-group", NULL);
    g_assert_cmpuint (item->groups->len, ==, 1);
    group = g_ptr_array_index (item->groups, 0);
    g_assert_cmpstr (group->name, ==, "Đầu tư công");
    g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
    act (live, GTK_WIDGET (chair), "chair.set-group",
         g_variant_new ("(xx)", (gint64) request_b, (gint64) group->id));
    after = server_state (st);
    requests = json_object_get_array_member (json_array_get_object_element (
                                               json_object_get_array_member (after, "items"), 0),
                                             "requests");
    for (guint i = 0; i < json_array_get_length (requests); i++)
      {
        JsonObject *request = json_array_get_object_element (requests, i);

        if (json_object_get_int_member (request, "id") == request_b)
          g_assert_cmpint (json_object_get_int_member (request, "group"), ==, group->id);
      }
  }

  /* “Call the respondent” ends the question and starts the official's answer to it. */
  act (live, GTK_WIDGET (chair), "chair.call-respondent", NULL);
  WAIT_FOR (answer_runs, state, "the respondent's answer");
  turn = chamber_live_state_get_current_turn (state);
  g_assert_nonnull (turn);
  g_assert_cmpint (turn->kind, ==, CHAMBER_LIVE_ANSWER);
  g_assert_cmpint (turn->speaker_id, ==, st->official_id);
  g_assert_cmpuint (turn->responds_to->len, ==, 1);

  /* Pause, then resume. */
  act (live, GTK_WIDGET (chair), "chair.pause", NULL);
  g_assert_true (chamber_live_turn_is_paused (chamber_live_state_get_current_turn (state)));
  act (live, GTK_WIDGET (chair), "chair.resume", NULL);
  g_assert_false (chamber_live_turn_is_paused (chamber_live_state_get_current_turn (state)));
}

static void
test_chair (void)
{
  Sitting st;

  sitting_setup (&st);
  run_in_app (chair_body, &st);
  sitting_teardown (&st);
}

/* ---- the delegate's panel ---------------------------------------------------------------- */

typedef struct {
  ChamberLiveDelegate *panel;
  const char          *text;
} PositionWait;

static gboolean
position_is (gpointer data)
{
  PositionWait *wait = data;

  return g_strcmp0 (chamber_live_delegate_get_position_text (wait->panel), wait->text) == 0;
}

static gboolean
speaker_is (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (chamber_live_now_get_speaker_text (args[0]), args[1]) == 0;
}

static void
delegate_body (ChamberTestApp *app, gpointer data)
{
  Sitting *st = data;
  ChamberLiveWindow *live;
  ChamberLiveDelegate *panel;
  PositionWait wait;
  g_autoptr (JsonObject) server = NULL;
  JsonArray *queue;
  JsonObject *mine;
  gpointer args[2];
  gint64 turn;

  /* The chair opened the item; the other delegate asked first. */
  command_id (st, st->chair_token, NULL, "{\"type\": \"open-item\", \"item\": %lld}",
              (long long) st->item_id);
  command_id (st, st->delegate_b_token, NULL,
              "{\"type\": \"request\", \"item\": %lld, \"kind\": \"discussion\"}",
              (long long) st->item_id);

  connect_app (app, st->server->url, st->delegate_a_token);
  live = open_live (app);
  g_assert_true (CHAMBER_IS_LIVE_DELEGATE (chamber_live_window_get_panel (live)));
  panel = CHAMBER_LIVE_DELEGATE (chamber_live_window_get_panel (live));

  /* A delegate's window holds none of the chair's controls, and cannot reach their actions. */
  g_assert_false (has_chair_controls (GTK_WIDGET (live)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (panel), "chair.grant", "x",
                                              (gint64) 1));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (panel), "chair.end", NULL));

  /* A question to the official, registered from the panel: second in the queue. */
  chamber_live_delegate_fill (panel, CHAMBER_LIVE_QUESTION, st->official_id,
                              "Giải phóng mặt bằng dự án đường ven biển");
  act (live, GTK_WIDGET (panel), "delegate.register", NULL);
  wait.panel = panel;
  wait.text = _("Number 2 in the queue");
  WAIT_FOR (position_is, &wait, "the delegate's place in the queue");
  save_screenshot (GTK_WIDGET (live), "live-delegate");

  server = server_state (st);
  queue = json_object_get_array_member (json_array_get_object_element (
                                          json_object_get_array_member (server, "items"), 0),
                                        "queue");
  g_assert_cmpint (json_array_get_length (queue), ==, 2);
  mine = json_array_get_object_element (queue, 1);
  g_assert_cmpstr (json_object_get_string_member (mine, "kind"), ==, "question");
  g_assert_cmpstr (json_object_get_string_member (mine, "topic"), ==,
                   "Giải phóng mặt bằng dự án đường ven biển");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (mine, "person"),
                                               "id"), ==, st->delegate_a);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (mine, "to"), "id"),
                   ==, st->official_id);

  /* The chair gives the floor to the other delegate: the panel shows them speaking, and this
   * delegate is next. */
  turn = command_id (st, st->chair_token, "turn", "{\"type\": \"grant\", \"request\": %lld}",
                     (long long) json_object_get_int_member (json_array_get_object_element (queue,
                                                                                            0),
                                                             "id"));
  g_assert_cmpint (turn, >, 0);
  args[0] = chamber_live_delegate_get_now (panel);
  args[1] = (gpointer) "Lê Quang Minh";
  WAIT_FOR (speaker_is, args, "the speaker on the delegate's panel");
  wait.text = _("You speak next");
  WAIT_FOR (position_is, &wait, "the delegate being next");
  g_assert_false (has_chair_controls (GTK_WIDGET (live)));

  /* Withdrawn, the request leaves the queue. */
  {
    ChamberLiveState *state =
      chamber_live_context_get_state (chamber_live_window_get_context (live));
    const ChamberLiveItem *item = chamber_live_state_get_current_item (state);
    gint64 request = g_array_index (item->queue, gint64, 0);

    act (live, GTK_WIDGET (panel), "delegate.withdraw", g_variant_new_int64 (request));
    wait.text = "";
    WAIT_FOR (position_is, &wait, "the withdrawn request gone");
    g_assert_cmpint (chamber_live_state_get_request (state, request)->state, ==,
                     CHAMBER_LIVE_REQUEST_WITHDRAWN);
  }
}

static void
test_delegate (void)
{
  Sitting st;

  sitting_setup (&st);
  run_in_app (delegate_body, &st);
  sitting_teardown (&st);
}

/* ---- the secretariat's panel -------------------------------------------------------------- */

typedef struct {
  Sitting    *st;
  gint64      turn_id;
  const char *summary;
} SummaryWait;

static gboolean
server_has_summary (gpointer data)
{
  SummaryWait *wait = data;
  g_autoptr (JsonObject) live = server_state (wait->st);
  JsonObject *turn = server_turn (live, wait->turn_id);

  return turn != NULL
         && g_strcmp0 (json_object_get_string_member_with_default (turn, "summary", NULL),
                       wait->summary) == 0;
}

static gboolean
saved (gpointer data)
{
  return chamber_live_secretariat_get_save_state (data) == CHAMBER_LIVE_SAVE_SAVED;
}

static gboolean
turn_followed (gpointer data)
{
  gpointer *args = data;

  return chamber_live_secretariat_get_turn_id (args[0]) == *(gint64 *) args[1];
}

static void
secretariat_body (ChamberTestApp *app, gpointer data)
{
  Sitting *st = data;
  ChamberLiveWindow *live;
  ChamberLiveSecretariat *panel;
  SummaryWait wait;
  gint64 request, turn;
  gpointer args[2];
  const char *summary = "Đại biểu chất vấn về tiến độ giải ngân vốn đầu tư công; "
                        "đề nghị Sở Tài chính báo cáo cụ thể.";
  g_autoptr (JsonObject) server = NULL;
  JsonArray *commitments;

  command_id (st, st->chair_token, NULL, "{\"type\": \"open-item\", \"item\": %lld}",
              (long long) st->item_id);
  request = command_id (st, st->delegate_a_token, "request",
                        "{\"type\": \"request\", \"item\": %lld, \"kind\": \"question\", "
                        "\"to\": %lld, \"topic\": \"Giải ngân vốn đầu tư công\"}",
                        (long long) st->item_id, (long long) st->official_id);
  turn = command_id (st, st->chair_token, "turn", "{\"type\": \"grant\", \"request\": %lld}",
                     (long long) request);

  connect_app (app, st->server->url, st->secretariat_token);
  live = open_live (app);
  g_assert_true (CHAMBER_IS_LIVE_SECRETARIAT (chamber_live_window_get_panel (live)));
  panel = CHAMBER_LIVE_SECRETARIAT (chamber_live_window_get_panel (live));
  g_assert_false (has_chair_controls (GTK_WIDGET (live)));
  args[0] = panel;
  args[1] = &turn;
  WAIT_FOR (turn_followed, args, "the summary editor on the turn that has the floor");

  /* Typed as the delegate speaks: saved when typing stops, and the server has it. */
  gtk_text_buffer_set_text (
    gtk_text_view_get_buffer (chamber_live_secretariat_get_summary_view (panel)), summary, -1);
  g_assert_cmpint (chamber_live_secretariat_get_save_state (panel), ==, CHAMBER_LIVE_SAVE_EDITED);
  WAIT_FOR (saved, panel, "the summary saved");
  wait.st = st;
  wait.turn_id = turn;
  wait.summary = summary;
  WAIT_FOR (server_has_summary, &wait, "the summary on the server");

  /* A commitment of the official, with a deadline. */
  chamber_live_secretariat_fill_commitment (panel, "Báo cáo bằng văn bản trước ngày 30/6",
                                            st->official_id, "2025-06-30");
  act (live, GTK_WIDGET (panel), "secretariat.commit", NULL);
  server = server_state (st);
  commitments = json_object_get_array_member (server_turn (server, turn), "commitments");
  g_assert_cmpint (json_array_get_length (commitments), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (commitments, 0),
                                                  "what"),
                   ==, "Báo cáo bằng văn bản trước ngày 30/6");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (commitments, 0),
                                                  "due"),
                   ==, "2025-06-30");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                                                 json_array_get_object_element (commitments, 0),
                                                 "owner"),
                                               "id"),
                   ==, st->official_id);
  save_screenshot (GTK_WIDGET (live), "live-secretariat");

  /* A bad date is refused in the form and sends nothing. */
  {
    guint answered = chamber_live_context_get_n_answered (chamber_live_window_get_context (live));

    chamber_live_secretariat_fill_commitment (panel, "Không hợp lệ", st->official_id,
                                              "2025-02-30");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "secretariat.commit", NULL));
    g_assert_cmpuint (chamber_live_context_get_n_answered (chamber_live_window_get_context (live)),
                      ==, answered);
  }
}

static void
test_secretariat (void)
{
  Sitting st;

  sitting_setup (&st);
  run_in_app (secretariat_body, &st);
  sitting_teardown (&st);
}

/* ---- the hall display --------------------------------------------------------------------- */

static gboolean
hall_overtime (gpointer data)
{
  ChamberLiveNow *now = data;

  return chamber_live_now_get_phase (now) == CHAMBER_LIVE_CLOCK_OVERTIME
         && gtk_widget_has_css_class (chamber_live_now_get_timer_label (now),
                                      "chamber-live-overtime");
}

static gboolean
hall_open (gpointer data)
{
  ChamberLiveHall *hall = chamber_live_window_get_hall (data);

  return hall != NULL && gtk_widget_get_mapped (GTK_WIDGET (hall));
}

static gboolean
shows_offline (gpointer data)
{
  ChamberLiveWindow *live = data;

  return g_strcmp0 (chamber_live_window_get_connection_text (live),
                    chamber_live_connection_describe (CHAMBER_LIVE_CONNECTION_OFFLINE)) == 0
         && g_strcmp0 (chamber_live_hall_get_connection_text (chamber_live_window_get_hall (live)),
                       chamber_live_connection_describe (CHAMBER_LIVE_CONNECTION_OFFLINE)) == 0;
}

static void
hall_body (ChamberTestApp *app, gpointer data)
{
  Sitting *st = data;
  ChamberLiveWindow *live;
  ChamberLiveHall *hall;
  ChamberLiveNow *now;
  gint64 request;
  gpointer args[2];
  g_autofree char *next = NULL;
  g_auto (GStrv) words = NULL;

  /* Questions get one second: the turn is in overtime right after it starts. */
  command_id (st, st->chair_token, NULL,
              "{\"type\": \"settings\", \"limits\": {\"question\": 1}}");
  command_id (st, st->chair_token, NULL, "{\"type\": \"open-item\", \"item\": %lld}",
              (long long) st->item_id);
  request = command_id (st, st->delegate_a_token, "request",
                        "{\"type\": \"request\", \"item\": %lld, \"kind\": \"question\", "
                        "\"to\": %lld, \"topic\": \"Nợ đọng xây dựng cơ bản\"}",
                        (long long) st->item_id, (long long) st->official_id);
  command_id (st, st->delegate_b_token, NULL,
              "{\"type\": \"request\", \"item\": %lld, \"kind\": \"discussion\"}",
              (long long) st->item_id);
  command_id (st, st->chair_token, "turn", "{\"type\": \"grant\", \"request\": %lld}",
              (long long) request);

  connect_app (app, st->server->url, st->delegate_b_token);
  live = open_live (app);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (live), "win.hall-display", NULL));
  WAIT_FOR (hall_open, live, "the hall display");
  hall = chamber_live_window_get_hall (live);
  gtk_window_unfullscreen (GTK_WINDOW (hall));
  gtk_window_set_default_size (GTK_WINDOW (hall), 1366, 768);
  now = chamber_live_hall_get_now (hall);

  args[0] = now;
  args[1] = (gpointer) "Trần Thị Thu Hà";
  WAIT_FOR (speaker_is, args, "the speaker on the hall display");
  /* The next speakers, each kept on one line with no-break spaces. */
  next = g_strjoinv (" ", (words = g_strsplit (chamber_live_hall_get_next_text (hall),
                                               "\u00a0", -1)));
  g_assert_nonnull (strstr (next, "Lê Quang Minh"));
  /* The limit passes while the main loop runs: the countdown turns red. */
  WAIT_FOR (hall_overtime, now, "the hall display in overtime");
  g_assert_true (g_str_has_prefix (chamber_live_now_get_timer_text (now), "+"));
  save_screenshot (GTK_WIDGET (hall), "live-hall");
  /* The live window's own countdown runs too. */
  WAIT_FOR (hall_overtime,
            chamber_live_delegate_get_now (
              CHAMBER_LIVE_DELEGATE (chamber_live_window_get_panel (live))),
            "the delegate's panel in overtime");

  /* The server stops: the live window and the hall display say they are offline, and keep
   * showing the last state. */
  chamber_test_server_stop (st->server);
  WAIT_FOR (shows_offline, live, "the offline notice");
  g_assert_cmpstr (chamber_live_window_get_connection_text (live), ==,
                   chamber_live_hall_get_connection_text (hall));
  g_assert_cmpstr (chamber_live_now_get_speaker_text (now), ==, "Trần Thị Thu Hà");
  save_screenshot (GTK_WIDGET (live), "live-offline");

  /* Closing the connection closes the live window and its hall display. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.disconnect", NULL));
  g_assert_null (chamber_live_window_get_for (GTK_WINDOW (app->window)));
}

static void
test_hall (void)
{
  Sitting st;

  sitting_setup (&st);
  run_in_app (hall_body, &st);
  sitting_teardown (&st);
}

static void
test_hall_vietnamese (void)
{
  if (!chamber_test_ui_use_locale ("vi_VN.UTF-8", "vi"))
    {
      g_test_skip ("the vi_VN.UTF-8 locale is not installed");
      return;
    }
  test_hall ();
  test_chair ();
  chamber_test_ui_use_locale ("C.UTF-8", NULL);
}

int
main (int argc, char *argv[])
{
  int status;

  test_home = chamber_test_ui_init (&argc, &argv, "chamber-ui-live-home-XXXXXX",
                                   CHAMBER_TEST_UI_INIT_DEFAULT);
  if (test_home == NULL)
    return 77;

  g_test_add_func ("/ui/live/clock-format", test_clock_format);
  g_test_add_func ("/ui/live/chair", test_chair);
  g_test_add_func ("/ui/live/delegate", test_delegate);
  g_test_add_func ("/ui/live/secretariat", test_secretariat);
  g_test_add_func ("/ui/live/hall", test_hall);
  g_test_add_func ("/ui/live/vietnamese", test_hall_vietnamese);
  status = g_test_run ();

  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
