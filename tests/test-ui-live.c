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
 * rules) and amber near the end, with the next speakers in the server's order. The chair's
 * console also opens the debate on an answer, concludes, closes and opens the list (the server
 * refuses a request meanwhile) and reorders the queue by a drag from one row's drag source to
 * another's drop target. A question anchored to the passage selected in the reader carries it
 * to the server, the chair's queue, the hall display and the minutes PDF; anchors chamberd must
 * refuse (unknown, unreadable or other-session documents, pages past the end, quotes of
 * confidential documents, hostile and oversized quotes) are refused. An official's panel lists
 * the questions addressed to them as the sitting moves. chamberd's cached context of a sitting
 * follows people and items changed while it runs. Every wait pumps the main loop until a
 * condition holds; every check of an action reads the server's state too. The clock's format is
 * checked too. With CHAMBER_TEST_SCREENSHOTS set to a folder, each screen is saved there as a
 * PNG. */

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
#include "chamber-pdf.h"
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
  char              *official_token;
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
                                "Giám đốc Sở Tài chính", &st->official_token);
}

static void
sitting_teardown (Sitting *st)
{
  g_free (st->chair_token);
  g_free (st->delegate_a_token);
  g_free (st->delegate_b_token);
  g_free (st->secretariat_token);
  g_free (st->official_token);
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

/* The server's request @request_id, or NULL. */
static JsonObject *
server_request (JsonObject *live, gint64 request_id)
{
  JsonArray *items = json_object_get_array_member (live, "items");

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonArray *requests =
        json_object_get_array_member (json_array_get_object_element (items, i), "requests");

      for (guint j = 0; j < json_array_get_length (requests); j++)
        {
          JsonObject *request = json_array_get_object_element (requests, j);

          if (json_object_get_int_member (request, "id") == request_id)
            return request;
        }
    }
  return NULL;
}

/* The ids of the server's queue of the first item, in order. */
static GArray *
server_queue (Sitting *st)
{
  g_autoptr (JsonObject) live = server_state (st);
  JsonArray *queue = json_object_get_array_member (
    json_array_get_object_element (json_object_get_array_member (live, "items"), 0), "queue");
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < json_array_get_length (queue); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (queue, i), "id");

      g_array_append_val (ids, id);
    }
  return ids;
}

/* Writes a real PDF of @pages (as chamber_test_ui_write_document() takes them) and publishes it
 * to the sitting's item as @title, readable by @access (NULL: everyone); returns its id. */
static gint64
publish (Sitting *st, const char *title, const char *const *const *pages,
         const char *const *access)
{
  g_autofree char *name = g_strdup_printf ("live-%s.pdf", title);
  g_autofree char *path = g_build_filename (test_home, name, NULL);
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  chamber_test_ui_write_document (path, pages);
  document = chamber_client_publish_full (st->admin, st->item_id, path, title,
                                          CHAMBER_DOCUMENT_REPORT, access, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  return document->id;
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
  chamber_test_ui_save_screenshot (GTK_WIDGET (live), "live-chair-queue");

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
  chamber_test_ui_save_screenshot (GTK_WIDGET (live), "live-chair");

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
  chamber_test_ui_save_screenshot (GTK_WIDGET (live), "live-delegate");

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
    /* The server agrees: the request is withdrawn and no longer queued. */
    {
      g_autoptr (JsonObject) after = server_state (st);
      JsonObject *item = json_array_get_object_element (
        json_object_get_array_member (after, "items"), 0);

      g_assert_cmpint (json_array_get_length (json_object_get_array_member (item, "queue")), ==,
                       0);
      g_assert_cmpstr (json_object_get_string_member (server_request (after, request), "state"),
                       ==, "withdrawn");
    }
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
  chamber_test_ui_save_screenshot (GTK_WIDGET (live), "live-secretariat");

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
  chamber_test_ui_save_screenshot (GTK_WIDGET (hall), "live-hall");
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
  chamber_test_ui_save_screenshot (GTK_WIDGET (live), "live-offline");

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

/* ---- the chair's console: debate, conclusion, the list, dragging ------------------------- */

/* The row of @chair's queue for request @request_id. */
static GtkWidget *
queue_row_of (GtkWidget *widget, gint64 request_id)
{
  if (GTK_IS_LIST_BOX_ROW (widget)
      && (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (widget), "request-id"))
           == request_id)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = queue_row_of (child, request_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget under @widget bound to @action. */
static GtkWidget *
actionable_of (GtkWidget *widget, const char *action)
{
  if (GTK_IS_ACTIONABLE (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = actionable_of (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first event controller of @type on @widget. */
static GtkEventController *
controller_of (GtkWidget *widget, GType type)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;  /* the widget keeps it */
    }
  return NULL;
}

/* Drags the row of request @dragged onto the row of request @onto, through the rows' own drag
 * source and drop target: the source prepares the content a drag carries, and the target
 * receives it as a drop. Returns what the drop handler answered. */
static gboolean
drag_row (ChamberLiveChair *chair, gint64 dragged, gint64 onto)
{
  GtkWidget *from = queue_row_of (GTK_WIDGET (chair), dragged);
  GtkWidget *to = queue_row_of (GTK_WIDGET (chair), onto);
  GtkEventController *source, *target;
  g_autoptr (GdkContentProvider) content = NULL;
  g_auto (GValue) value = G_VALUE_INIT;
  g_autoptr (GError) error = NULL;
  gboolean accepted = FALSE;

  g_assert_nonnull (from);
  g_assert_nonnull (to);
  source = controller_of (from, GTK_TYPE_DRAG_SOURCE);
  target = controller_of (to, GTK_TYPE_DROP_TARGET);
  g_assert_nonnull (source);
  g_assert_nonnull (target);
  g_assert_true (gdk_content_formats_contain_gtype (
    gtk_drop_target_get_formats (GTK_DROP_TARGET (target)), G_TYPE_INT64));
  g_signal_emit_by_name (source, "prepare", 10.0, 10.0, &content);
  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_INT64);
  g_assert_true (gdk_content_provider_get_value (content, &value, &error));
  g_assert_no_error (error);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  return accepted;
}

typedef struct {
  Sitting     *st;
  const gint64 *ids;
  guint        n;
} ServerQueueWait;

static gboolean
server_queue_is (gpointer data)
{
  ServerQueueWait *wait = data;
  g_autoptr (GArray) ids = server_queue (wait->st);

  if (ids->len != wait->n)
    return FALSE;
  for (guint i = 0; i < wait->n; i++)
    if (g_array_index (ids, gint64, i) != wait->ids[i])
      return FALSE;
  return TRUE;
}

/* A label named "anchor" under @widget, or NULL. */
static GtkWidget *
anchor_label_of (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_widget_get_name (widget), "anchor") == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = anchor_label_of (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *const anchor_page1[] = {
  "Báo cáo về đất đai năm 2025",
  "Thu hồi đất để phát triển kinh tế",
  "Bồi thường và tái định cư",
  NULL
};
static const char *const anchor_page2[] = { "Phụ lục", NULL };
static const char *const *const anchor_pages[] = { anchor_page1, anchor_page2, NULL };
#define ANCHOR_TITLE "Báo cáo đất đai"

static void
chair_flow_body (ChamberTestApp *app, gpointer data)
{
  Sitting *st = data;
  ChamberLiveWindow *live;
  ChamberLiveChair *chair;
  ChamberLiveState *state;
  gint64 request_a, request_b, request_c = 0, question_turn, answer_turn, document_id;
  g_autoptr (JsonObject) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) event = NULL;
  JsonObject *item, *turn;
  ServerQueueWait server_wait;
  QueueWait wait = { NULL, 0, 0 };

  document_id = publish (st, ANCHOR_TITLE, anchor_pages, NULL);
  connect_app (app, st->server->url, st->chair_token);
  live = open_live (app);
  chair = CHAMBER_LIVE_CHAIR (chamber_live_window_get_panel (live));
  state = chamber_live_context_get_state (chamber_live_window_get_context (live));
  wait.chair = chair;
  act (live, GTK_WIDGET (chair), "chair.open-item", g_variant_new_int64 (st->item_id));

  /* Three requests; the question quotes a passage, which the queue shows. */
  request_a = command_id (st, st->delegate_a_token, "request",
                          "{\"type\": \"request\", \"item\": %lld, \"kind\": \"question\", "
                          "\"to\": %lld, \"topic\": \"Thu hồi đất\", \"anchor\": {\"document\": "
                          "%lld, \"page\": 1, \"quote\": \"Thu hồi đất để phát triển kinh tế\"}}",
                          (long long) st->item_id, (long long) st->official_id,
                          (long long) document_id);
  request_b = command_id (st, st->delegate_b_token, "request",
                          "{\"type\": \"request\", \"item\": %lld, \"kind\": \"discussion\"}",
                          (long long) st->item_id);
  {
    const gint64 order[] = { request_a, request_b };

    wait.first = request_a;
    wait.second = request_b;
    WAIT_FOR (queue_is, &wait, "the queue of two requests");
    server_wait = (ServerQueueWait) { st, order, 2 };
    g_assert_true (server_queue_is (&server_wait));
  }
  {
    GtkWidget *row = queue_row_of (GTK_WIDGET (chair), request_a);
    GtkWidget *label = row != NULL ? anchor_label_of (row) : NULL;
    const char *text;

    g_assert_nonnull (label);
    text = gtk_label_get_text (GTK_LABEL (label));
    g_assert_nonnull (strstr (text, ANCHOR_TITLE));
    g_assert_nonnull (strstr (text, "Thu hồi đất để phát triển kinh tế"));
    g_assert_null (anchor_label_of (queue_row_of (GTK_WIDGET (chair), request_b)));
  }
  chamber_test_ui_save_screenshot (GTK_WIDGET (live), "live-chair-anchor");

  /* Dragging the second row onto the first puts it first, on the server. */
  {
    const gint64 order[] = { request_b, request_a };
    ChamberLiveContext *context = chamber_live_window_get_context (live);
    gpointer args[2] = { context, GUINT_TO_POINTER (chamber_live_context_get_n_answered (
                                    context)) };

    g_assert_true (drag_row (chair, request_b, request_a));
    WAIT_FOR (answered_more, args, "the answer to the drop");
    g_assert_null (chamber_live_context_get_last_error (context));

    server_wait = (ServerQueueWait) { st, order, 2 };
    WAIT_FOR (server_queue_is, &server_wait, "the dragged order on the server");
    wait.first = request_b;
    wait.second = request_a;
    WAIT_FOR (queue_is, &wait, "the dragged order in the console");
  }
  /* A row dropped on itself changes nothing, and sends nothing. */
  g_assert_false (drag_row (chair, request_a, request_a));
  /* And back with the keyboard's alternative, “Move Up”. */
  act (live, GTK_WIDGET (chair), "chair.move-up", g_variant_new_int64 (request_a));
  {
    const gint64 order[] = { request_a, request_b };

    server_wait = (ServerQueueWait) { st, order, 2 };
    g_assert_true (server_queue_is (&server_wait));
  }

  /* Close the list: the server refuses a new request, then takes one once it is open again. */
  act (live, GTK_WIDGET (chair), "chair.close-list", NULL);
  server = server_state (st);
  item = json_array_get_object_element (json_object_get_array_member (server, "items"), 0);
  g_assert_true (json_object_get_boolean_member (item, "list_closed"));
  g_assert_true (chamber_live_state_get_current_item (state)->list_closed);
  g_clear_pointer (&server, json_object_unref);
  {
    g_autoptr (ChamberClient) client = chamber_client_new (st->server->url,
                                                           st->delegate_b_token, &error);
    g_autofree char *json = g_strdup_printf ("{\"type\": \"request\", \"item\": %lld, "
                                             "\"kind\": \"question\", \"to\": %lld}",
                                             (long long) st->item_id,
                                             (long long) st->official_id);

    g_assert_no_error (error);
    /* With "speak once" off (B's discussion waits already), only the closed list stops it. */
    command_id (st, st->chair_token, NULL, "{\"type\": \"settings\", \"speak_once\": false}");
    event = chamber_test_post_live_command (client, st->session_id, json, &error);
    g_assert_null (event);
    g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_REJECTED);
    g_clear_error (&error);
    act (live, GTK_WIDGET (chair), "chair.open-list", NULL);
    server = server_state (st);
    item = json_array_get_object_element (json_object_get_array_member (server, "items"), 0);
    g_assert_false (json_object_get_boolean_member (item, "list_closed"));
    g_clear_pointer (&server, json_object_unref);
    event = chamber_test_post_live_command (client, st->session_id, json, &error);
    g_assert_no_error (error);
    request_c = json_object_get_int_member (event, "request");
    g_assert_cmpint (request_c, >, 0);
  }

  /* The question, then the respondent called from the console, then the debate opened
   * (once the console has seen B's request: the grant is refused when it acts on an older
   * state). */
  {
    g_autoptr (JsonObject) now = server_state (st);

    wait_for_seq (live, json_object_get_int_member (now, "seq"));
  }
  act (live, GTK_WIDGET (chair), "chair.grant", g_variant_new_int64 (request_a));
  question_turn = chamber_live_state_get_current_turn (state)->id;
  {
    g_autofree char *anchor = g_strdup (chamber_live_now_get_anchor_text (
                                          chamber_live_chair_get_now (chair)));

    g_assert_nonnull (strstr (anchor, ANCHOR_TITLE));
  }
  act (live, GTK_WIDGET (chair), "chair.call-respondent", NULL);
  WAIT_FOR (answer_runs, state, "the answer turn");
  answer_turn = chamber_live_state_get_current_turn (state)->id;
  server = server_state (st);
  turn = json_object_get_object_member (server, "current_turn");
  g_assert_cmpstr (json_object_get_string_member (turn, "kind"), ==, "answer");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (turn, "speaker"),
                                               "id"), ==, st->official_id);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (turn,
                                                                             "responds_to"), 0),
                   ==, question_turn);
  g_clear_pointer (&server, json_object_unref);
  /* No debate while the answer runs: the console's button is off. */
  g_assert_false (gtk_widget_get_sensitive (actionable_of (GTK_WIDGET (chair),
                                                           "chair.open-debate")));
  act (live, GTK_WIDGET (chair), "chair.end", NULL);
  g_assert_true (gtk_widget_get_sensitive (actionable_of (GTK_WIDGET (chair),
                                                          "chair.open-debate")));
  act (live, GTK_WIDGET (chair), "chair.open-debate", NULL);
  server = server_state (st);
  {
    JsonObject *first = json_array_get_object_element (
      json_object_get_array_member (json_array_get_object_element (
                                      json_object_get_array_member (server, "items"), 0),
                                    "queue"), 0);

    /* The asker of the question debates the answer first. */
    g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "debate");
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (first,
                                                                                "person"),
                                                 "id"), ==, st->delegate_a);
    g_assert_cmpint (json_object_get_int_member (first, "debates"), ==, answer_turn);
    g_assert_true (json_object_get_boolean_member (first, "priority"));
  }
  g_clear_pointer (&server, json_object_unref);

  /* The conclusion: the chair's own turn. */
  act (live, GTK_WIDGET (chair), "chair.conclude", NULL);
  server = server_state (st);
  turn = json_object_get_object_member (server, "current_turn");
  g_assert_nonnull (turn);
  g_assert_cmpstr (json_object_get_string_member (turn, "kind"), ==, "conclusion");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (turn, "speaker"),
                                               "id"), ==, st->chair_id);
  g_assert_cmpint (json_object_get_int_member (turn, "allotted_s"), ==, 600);
  g_clear_pointer (&server, json_object_unref);
  act (live, GTK_WIDGET (chair), "chair.end", NULL);
  g_assert_null (chamber_live_state_get_current_turn (state));
}

static void
test_chair_flow (void)
{
  Sitting st;

  sitting_setup (&st);
  run_in_app (chair_flow_body, &st);
  sitting_teardown (&st);
}

/* ---- the hall display's colours and next speakers ---------------------------------------- */

static gboolean
hall_ending (gpointer data)
{
  ChamberLiveNow *now = data;

  return chamber_live_now_get_phase (now) == CHAMBER_LIVE_CLOCK_ENDING
         && gtk_widget_has_css_class (chamber_live_now_get_timer_label (now),
                                      "chamber-live-ending");
}

static gboolean
server_in_overtime (gpointer data)
{
  g_autoptr (JsonObject) live = server_state (data);
  JsonObject *turn = json_object_get_object_member (live, "current_turn");

  return turn != NULL && json_object_get_int_member (turn, "remaining_s") <= 0;
}

static void
hall_colours_body (ChamberTestApp *app, gpointer data)
{
  Sitting *st = data;
  ChamberLiveWindow *live;
  ChamberLiveHall *hall;
  ChamberLiveNow *now;
  gint64 request_a, request_b, request_c;
  gpointer args[2];
  g_autoptr (JsonObject) server = NULL;
  JsonObject *turn;
  g_autofree char *next = NULL;
  g_auto (GStrv) words = NULL;
  const char *minh, *ha;

  /* Ten seconds a question: a turn of 10 s is near its end (its last 10 s) from the start. */
  command_id (st, st->chair_token, NULL,
              "{\"type\": \"settings\", \"limits\": {\"question\": 10}, \"speak_once\": false}");
  command_id (st, st->chair_token, NULL, "{\"type\": \"open-item\", \"item\": %lld}",
              (long long) st->item_id);
  request_a = command_id (st, st->delegate_a_token, "request",
                          "{\"type\": \"request\", \"item\": %lld, \"kind\": \"question\", "
                          "\"to\": %lld, \"topic\": \"Nợ đọng xây dựng cơ bản\"}",
                          (long long) st->item_id, (long long) st->official_id);
  request_b = command_id (st, st->delegate_b_token, "request",
                          "{\"type\": \"request\", \"item\": %lld, \"kind\": \"discussion\"}",
                          (long long) st->item_id);
  request_c = command_id (st, st->delegate_a_token, "request",
                          "{\"type\": \"request\", \"item\": %lld, \"kind\": \"discussion\"}",
                          (long long) st->item_id);
  /* The chair puts A's discussion before B's. */
  command_id (st, st->chair_token, NULL,
              "{\"type\": \"reorder\", \"request\": %lld, \"position\": 1}",
              (long long) request_c);
  command_id (st, st->chair_token, "turn", "{\"type\": \"grant\", \"request\": %lld}",
              (long long) request_a);

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

  /* Amber near the end (the server's turn is the one shown, allotted 10 s) … */
  WAIT_FOR (hall_ending, now, "the hall display's countdown near its end");
  g_assert_false (gtk_widget_has_css_class (chamber_live_now_get_timer_label (now),
                                            "chamber-live-overtime"));
  server = server_state (st);
  turn = json_object_get_object_member (server, "current_turn");
  g_assert_cmpint (json_object_get_int_member (turn, "allotted_s"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (turn, "speaker"),
                                               "id"), ==, st->delegate_a);
  chamber_test_ui_save_screenshot (GTK_WIDGET (hall), "live-hall-ending");

  /* The next speakers, in the server's order: A's discussion (moved up), then B. */
  next = g_strjoinv (" ", (words = g_strsplit (chamber_live_hall_get_next_text (hall),
                                               "\u00a0", -1)));
  ha = strstr (next, "Trần Thị Thu Hà");
  minh = strstr (next, "Lê Quang Minh");
  g_assert_nonnull (ha);
  g_assert_nonnull (minh);
  g_assert_true (ha < minh);
  {
    g_autoptr (GArray) ids = server_queue (st);

    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, request_c);
    g_assert_cmpint (g_array_index (ids, gint64, 1), ==, request_b);
  }

  /* … then red once the server says the time is spent. */
  WAIT_FOR (server_in_overtime, st, "the turn in overtime on the server");
  WAIT_FOR (hall_overtime, now, "the hall display in overtime");
  g_assert_false (gtk_widget_has_css_class (chamber_live_now_get_timer_label (now),
                                            "chamber-live-ending"));

  /* The turn ends: the next speakers move up, and the clock's colour goes. */
  command_id (st, st->chair_token, NULL, "{\"type\": \"end\"}");
  command_id (st, st->chair_token, "turn", "{\"type\": \"grant\", \"request\": %lld}",
              (long long) request_c);
  g_clear_pointer (&next, g_free);
  g_clear_pointer (&words, g_strfreev);
  {
    gpointer seq_args[2];
    SeqWait seq_wait = { live, 0 };
    g_autoptr (JsonObject) after = server_state (st);

    seq_wait.seq = json_object_get_int_member (after, "seq");
    WAIT_FOR (seq_reached, &seq_wait, "the grant of the discussion");
    (void) seq_args;
  }
  next = g_strjoinv (" ", (words = g_strsplit (chamber_live_hall_get_next_text (hall),
                                               "\u00a0", -1)));
  g_assert_null (strstr (next, "Trần Thị Thu Hà"));
  g_assert_nonnull (strstr (next, "Lê Quang Minh"));
  g_assert_cmpint (chamber_live_now_get_phase (now), !=, CHAMBER_LIVE_CLOCK_OVERTIME);
}

static void
test_hall_colours (void)
{
  Sitting st;

  sitting_setup (&st);
  run_in_app (hall_colours_body, &st);
  sitting_teardown (&st);
}

/* ---- anchoring a question to a passage --------------------------------------------------- */

/* The row of the main window's documents list showing @title, after choosing the first item. */
static GtkListBoxRow *
document_row (ChamberSessionView *view, const char *title)
{
  GListModel *agenda = chamber_session_view_get_agenda_model (view);
  GtkListBox *list = chamber_session_view_get_document_list (view);
  GtkListBoxRow *row;

  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (agenda), 0);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      const ChamberDocument *document = g_object_get_data (G_OBJECT (row), "document");

      if (document != NULL && g_strcmp0 (document->title, title) == 0)
        return row;
    }
  return NULL;
}

static gboolean
passage_offered (gpointer data)
{
  return chamber_live_delegate_use_passage (data);
}

static gboolean
hall_shows_anchor (gpointer data)
{
  ChamberLiveHall *hall = data;
  const char *text = chamber_live_now_get_anchor_text (chamber_live_hall_get_now (hall));

  return strstr (text, ANCHOR_TITLE) != NULL
         && strstr (text, "Thu hồi đất để phát triển kinh tế") != NULL;
}

/* The text of every page of the minutes PDF of the sitting, its lines joined by spaces. */
static char *
minutes_text (Sitting *st)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/minutes?format=pdf",
                                           (long long) st->session_id);
  g_autoptr (GError) error = NULL;
  guint status = 0;
  g_autoptr (GBytes) bytes = chamber_client_get_bytes (st->admin, path, NULL, NULL, &status,
                                                       NULL, &error);
  g_autoptr (PopplerDocument) document = NULL;
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  document = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append_printf (text, "%s ", page_text);
    }
  g_strdelimit (text->str, "\n", ' ');
  return g_string_free (text, FALSE);
}

static void
delegate_anchor_body (ChamberTestApp *app, gpointer data)
{
  Sitting *st = data;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  ChamberPageView *page_view = chamber_session_view_get_page_view (view);
  ChamberLiveWindow *live;
  ChamberLiveDelegate *panel;
  ChamberLiveHall *hall;
  GtkListBoxRow *row;
  gint64 document_id, request;
  g_autoptr (JsonObject) server = NULL;
  g_autofree char *minutes = NULL;
  JsonObject *anchor;

  document_id = publish (st, ANCHOR_TITLE, anchor_pages, NULL);
  command_id (st, st->chair_token, NULL, "{\"type\": \"open-item\", \"item\": %lld}",
              (long long) st->item_id);

  /* The delegate reads the report and selects a line of its first page. */
  connect_app (app, st->server->url, st->delegate_a_token);
  row = document_row (view, ANCHOR_TITLE);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  chamber_test_ui_wait_for_page (page_view);
  chamber_test_ui_select_line (chamber_page_view_get_document_view (page_view), 0,
                               anchor_page1, 1);

  /* The request form offers the passage; the question goes with it. */
  live = open_live (app);
  panel = CHAMBER_LIVE_DELEGATE (chamber_live_window_get_panel (live));
  chamber_live_delegate_fill (panel, CHAMBER_LIVE_QUESTION, st->official_id,
                              "Thu hồi đất dự án khu công nghiệp");
  WAIT_FOR (passage_offered, panel, "the selected passage offered in the request form");
  g_assert_cmpstr (chamber_live_delegate_get_passage_text (panel), ==,
                   "Thu hồi đất để phát triển kinh tế");
  chamber_test_ui_save_screenshot (GTK_WIDGET (live), "live-delegate-passage");
  act (live, GTK_WIDGET (panel), "delegate.register", NULL);

  server = server_state (st);
  request = json_object_get_int_member (json_array_get_object_element (
                                          json_object_get_array_member (
                                            json_array_get_object_element (
                                              json_object_get_array_member (server, "items"), 0),
                                            "queue"), 0),
                                        "id");
  anchor = json_object_get_object_member (server_request (server, request), "anchor");
  g_assert_nonnull (anchor);
  g_assert_cmpint (json_object_get_int_member (anchor, "document"), ==, document_id);
  g_assert_cmpint (json_object_get_int_member (anchor, "page"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (anchor, "quote"), ==,
                   "Thu hồi đất để phát triển kinh tế");

  /* Granted, the question's passage shows on the hall display. */
  command_id (st, st->chair_token, "turn", "{\"type\": \"grant\", \"request\": %lld}",
              (long long) request);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (live), "win.hall-display", NULL));
  WAIT_FOR (hall_open, live, "the hall display");
  hall = chamber_live_window_get_hall (live);
  gtk_window_unfullscreen (GTK_WINDOW (hall));
  gtk_window_set_default_size (GTK_WINDOW (hall), 1366, 768);
  WAIT_FOR (hall_shows_anchor, hall, "the passage on the hall display");
  chamber_test_ui_save_screenshot (GTK_WIDGET (hall), "live-hall-anchor");

  /* The minutes print it with the turn. */
  command_id (st, st->chair_token, NULL, "{\"type\": \"end\"}");
  minutes = minutes_text (st);
  g_assert_nonnull (strstr (minutes, _("Passage:")));
  g_assert_nonnull (strstr (minutes, ANCHOR_TITLE));
  g_assert_nonnull (strstr (minutes, "Thu hồi đất để phát triển kinh tế"));
}

static void
test_delegate_anchor (void)
{
  Sitting st;

  sitting_setup (&st);
  run_in_app (delegate_anchor_body, &st);
  sitting_teardown (&st);
}

/* Anchors chamberd refuses, each with a reason and nothing recorded: a document that does not
 * exist, one of another session, one the delegate may not read, a page past its end, a quote
 * of a document not given to everyone, and quotes that are oversized or hostile. */
static void
test_anchor_refused (void)
{
  Sitting st;
  g_autoptr (ChamberClient) delegate_a = NULL;
  g_autoptr (ChamberClient) delegate_b = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *only_b = NULL;
  gint64 shared, confidential, other;
  const char *access[2] = { NULL, NULL };
  struct {
    ChamberClient **client;
    const char     *anchor_format;  /* %lld: a document id */
    gint64         *document;
    int             code;
  } cases[] = {
    { &delegate_a, "{\"document\": 999999, \"page\": 1}", NULL, CHAMBER_CLIENT_ERROR_NOT_FOUND },
    { &delegate_a, "{\"document\": %lld, \"page\": 1}", &other, CHAMBER_CLIENT_ERROR_NOT_FOUND },
    { &delegate_a, "{\"document\": %lld, \"page\": 1}", &confidential,
      CHAMBER_CLIENT_ERROR_NOT_FOUND },
    { &delegate_b, "{\"document\": %lld, \"page\": 1, \"quote\": \"mật\"}", &confidential,
      CHAMBER_CLIENT_ERROR_FORBIDDEN },
    { &delegate_a, "{\"document\": %lld, \"page\": 3}", &shared, CHAMBER_CLIENT_ERROR_REJECTED },
    { &delegate_a, "{\"document\": %lld, \"page\": 1, \"quote\": \"a\\u202eexe.fdp\"}", &shared,
      CHAMBER_CLIENT_ERROR_REJECTED },
    { &delegate_a, "{\"document\": %lld, \"page\": 1, \"quote\": \"\\u001b[2J\"}", &shared,
      CHAMBER_CLIENT_ERROR_REJECTED },
    { &delegate_a, "{\"document\": %lld, \"page\": 1, \"quote\": \"   \"}", &shared,
      CHAMBER_CLIENT_ERROR_REJECTED },
    { &delegate_a, "{\"document\": %lld, \"page\": 1, \"quote\": 7}", &shared,
      CHAMBER_CLIENT_ERROR_REJECTED },
    { &delegate_a, "{\"document\": \"../../etc/passwd\", \"page\": 1}", NULL,
      CHAMBER_CLIENT_ERROR_REJECTED },
  };

  sitting_setup (&st);
  shared = publish (&st, ANCHOR_TITLE, anchor_pages, NULL);
  only_b = g_strdup_printf ("person:%lld", (long long) st.delegate_b);
  access[0] = only_b;
  confidential = publish (&st, "Tài liệu mật", anchor_pages, access);
  {
    g_autoptr (ChamberSession) session = chamber_session_new ();
    g_autoptr (ChamberSession) created = NULL;
    g_autoptr (ChamberItem) item = chamber_item_new ();
    g_autoptr (ChamberItem) added = NULL;
    g_autofree char *path = g_build_filename (test_home, "other-session.pdf", NULL);
    g_autoptr (ChamberDocument) document = NULL;

    session->number = 11;
    session->title = g_strdup ("Kỳ họp khác");
    created = chamber_client_create_session (st.admin, session, NULL, &error);
    g_assert_no_error (error);
    item->session_id = created->id;
    item->title = g_strdup ("Nội dung khác");
    item->position = -1;
    added = chamber_client_add_item (st.admin, item, NULL, &error);
    g_assert_no_error (error);
    chamber_test_ui_write_document (path, anchor_pages);
    document = chamber_client_publish (st.admin, added->id, path, "Khác",
                                       CHAMBER_DOCUMENT_REPORT, NULL, &error);
    g_assert_no_error (error);
    other = document->id;
    g_unlink (path);
  }
  command_id (&st, st.chair_token, NULL, "{\"type\": \"open-item\", \"item\": %lld}",
              (long long) st.item_id);
  delegate_a = chamber_client_new (st.server->url, st.delegate_a_token, &error);
  g_assert_no_error (error);
  delegate_b = chamber_client_new (st.server->url, st.delegate_b_token, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *anchor = cases[i].document != NULL
                                  ? g_strdup_printf (cases[i].anchor_format,
                                                     (long long) *cases[i].document)
                                  : g_strdup (cases[i].anchor_format);
      g_autofree char *json = g_strdup_printf ("{\"type\": \"request\", \"item\": %lld, "
                                               "\"kind\": \"discussion\", \"anchor\": %s}",
                                               (long long) st.item_id, anchor);
      g_autoptr (JsonObject) event = chamber_test_post_live_command (*cases[i].client,
                                                                     st.session_id, json,
                                                                     &error);

      if (event != NULL)
        g_error ("the anchor %s was accepted", anchor);
      g_assert_error (error, CHAMBER_CLIENT_ERROR, cases[i].code);
      g_assert_cmpuint (strlen (error->message), >, 10);
      g_clear_error (&error);
    }
  /* A quote far over the limit, and a body over the server's 1 MiB. */
  for (guint i = 0; i < 2; i++)
    {
      gsize size = i == 0 ? CHAMBER_LIVE_MAX_TEXT * 2 : 2 * 1024 * 1024;
      g_autofree char *quote = g_strnfill (size, 'x');
      g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/live/commands",
                                               (long long) st.session_id);
      JsonObject *command = json_object_new ();
      JsonObject *anchor = json_object_new ();
      g_autoptr (JsonNode) body = NULL;
      g_autoptr (JsonNode) answer = NULL;

      json_object_set_string_member (command, "type", "request");
      json_object_set_int_member (command, "item", st.item_id);
      json_object_set_string_member (command, "kind", "discussion");
      json_object_set_int_member (anchor, "document", shared);
      json_object_set_int_member (anchor, "page", 1);
      json_object_set_string_member (anchor, "quote", quote);
      json_object_set_object_member (command, "anchor", anchor);
      body = json_node_init_object (json_node_alloc (), command);
      json_object_unref (command);
      answer = chamber_client_request_json (delegate_a, "POST", path, body, NULL, NULL, &error);
      g_assert_null (answer);
      g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_REJECTED);
      g_clear_error (&error);
    }

  /* Nothing was recorded; the readers' own anchors are taken. */
  {
    g_autoptr (JsonObject) live = server_state (&st);
    g_autofree char *json_a = NULL;
    g_autofree char *json_b = NULL;
    g_autoptr (JsonObject) event_a = NULL;
    g_autoptr (JsonObject) event_b = NULL;

    g_assert_cmpint (json_object_get_int_member (live, "seq"), ==, 1);
    json_a = g_strdup_printf ("{\"type\": \"request\", \"item\": %lld, \"kind\": \"discussion\", "
                              "\"anchor\": {\"document\": %lld, \"page\": 2, \"quote\": "
                              "\"  Phụ\\n lục \"}}",
                              (long long) st.item_id, (long long) shared);
    event_a = chamber_test_post_live_command (delegate_a, st.session_id, json_a, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (event_a, "anchor"), "quote"),
                     ==, "Phụ lục");
    json_b = g_strdup_printf ("{\"type\": \"request\", \"item\": %lld, \"kind\": \"discussion\", "
                              "\"anchor\": {\"document\": %lld, \"page\": 2}}",
                              (long long) st.item_id, (long long) confidential);
    event_b = chamber_test_post_live_command (delegate_b, st.session_id, json_b, &error);
    g_assert_no_error (error);
  }
  sitting_teardown (&st);
}

/* ---- an official's panel ----------------------------------------------------------------- */

typedef struct {
  ChamberLiveDelegate *panel;
  gint64               request;
} CurrentWait;

static gboolean
current_question_is (gpointer data)
{
  CurrentWait *wait = data;

  return chamber_live_delegate_get_current_question (wait->panel) == wait->request;
}

/* The row of @texts (as chamber_live_delegate_dup_question_texts() gives them) holding
 * @topic, or NULL. */
static const char *
question_text (char **texts, const char *topic)
{
  for (guint i = 0; texts[i] != NULL; i++)
    if (strstr (texts[i], topic) != NULL)
      return texts[i];
  return NULL;
}

static void
official_body (ChamberTestApp *app, gpointer data)
{
  Sitting *st = data;
  ChamberLiveWindow *live;
  ChamberLiveDelegate *panel;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  gint64 other_official, request_a, request_b, request_c, turn_a, answer;
  g_autofree char *only_a = NULL;
  const char *access[2] = { NULL, NULL };
  g_auto (GStrv) texts = NULL;
  CurrentWait wait;

  other_official = add_person (st, "Trần Thị Bích Ngọc", CHAMBER_ROLE_OFFICIAL, "Giám đốc Sở Y tế",
                               NULL);
  publish (st, ANCHOR_TITLE, anchor_pages, NULL);
  only_a = g_strdup_printf ("person:%lld", (long long) st->delegate_a);
  access[0] = only_a;
  publish (st, "Tài liệu mật", anchor_pages, access);

  /* A asked the official and is being answered; B waits to ask; A also asks another
   * official. */
  command_id (st, st->chair_token, NULL,
              "{\"type\": \"settings\", \"speak_once\": false}");
  command_id (st, st->chair_token, NULL, "{\"type\": \"open-item\", \"item\": %lld}",
              (long long) st->item_id);
  request_a = command_id (st, st->delegate_a_token, "request",
                          "{\"type\": \"request\", \"item\": %lld, \"kind\": \"question\", "
                          "\"to\": %lld, \"topic\": \"Giải ngân vốn đầu tư công\"}",
                          (long long) st->item_id, (long long) st->official_id);
  request_b = command_id (st, st->delegate_b_token, "request",
                          "{\"type\": \"request\", \"item\": %lld, \"kind\": \"question\", "
                          "\"to\": %lld, \"topic\": \"Nợ thuế của doanh nghiệp\"}",
                          (long long) st->item_id, (long long) st->official_id);
  request_c = command_id (st, st->delegate_a_token, "request",
                          "{\"type\": \"request\", \"item\": %lld, \"kind\": \"question\", "
                          "\"to\": %lld, \"topic\": \"Bệnh viện tuyến huyện\"}",
                          (long long) st->item_id, (long long) other_official);
  g_assert_cmpint (request_c, >, 0);
  turn_a = command_id (st, st->chair_token, "turn", "{\"type\": \"grant\", \"request\": %lld}",
                       (long long) request_a);
  command_id (st, st->chair_token, NULL, "{\"type\": \"end\"}");
  answer = command_id (st, st->chair_token, "turn", "{\"type\": \"answer\", \"turn\": %lld}",
                       (long long) turn_a);
  g_assert_cmpint (answer, >, 0);

  /* The official syncs what is given to everyone, not the confidential document. */
  connect_app (app, st->server->url, st->official_token);
  g_assert_nonnull (document_row (view, ANCHOR_TITLE));
  g_assert_null (document_row (view, "Tài liệu mật"));

  /* The sitting's state is theirs to read, as the app's does. */
  {
    g_autoptr (ChamberClient) client = chamber_client_new (st->server->url, st->official_token,
                                                           NULL);
    g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/live",
                                             (long long) st->session_id);
    g_autoptr (GError) error = NULL;
    g_autoptr (JsonNode) answer_node = chamber_client_request_json (client, "GET", path, NULL,
                                                                    NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (
                                                   json_node_get_object (answer_node), "live"),
                                                 "seq"), ==, 8);
  }

  live = open_live (app);
  g_assert_true (CHAMBER_IS_LIVE_DELEGATE (chamber_live_window_get_panel (live)));
  panel = CHAMBER_LIVE_DELEGATE (chamber_live_window_get_panel (live));
  g_assert_false (has_chair_controls (GTK_WIDGET (live)));
  /* An official registers nothing. */
  g_assert_false (gtk_widget_get_sensitive (actionable_of (GTK_WIDGET (panel),
                                                           "delegate.register"))
                  && gtk_widget_get_visible (actionable_of (GTK_WIDGET (panel),
                                                            "delegate.register")));

  /* The questions to them: A's being answered (highlighted), B's waiting; not the other
   * official's. */
  wait.panel = panel;
  wait.request = request_a;
  WAIT_FOR (current_question_is, &wait, "the question being answered, highlighted");
  texts = chamber_live_delegate_dup_question_texts (panel);
  g_assert_cmpuint (g_strv_length (texts), ==, 2);
  g_assert_nonnull (question_text (texts, "Giải ngân vốn đầu tư công"));
  g_assert_nonnull (strstr (question_text (texts, "Giải ngân vốn đầu tư công"),
                            "Trần Thị Thu Hà"));
  g_assert_nonnull (strstr (question_text (texts, "Giải ngân vốn đầu tư công"),
                            _("Being answered now")));
  g_assert_nonnull (question_text (texts, "Nợ thuế của doanh nghiệp"));
  g_assert_nonnull (strstr (question_text (texts, "Nợ thuế của doanh nghiệp"),
                            "Lê Quang Minh"));
  g_assert_null (question_text (texts, "Bệnh viện tuyến huyện"));
  chamber_test_ui_save_screenshot (GTK_WIDGET (live), "live-official");

  /* The answer ends and B asks: the list follows the sitting. */
  command_id (st, st->chair_token, NULL, "{\"type\": \"end\"}");
  command_id (st, st->chair_token, "turn", "{\"type\": \"grant\", \"request\": %lld}",
              (long long) request_b);
  wait.request = request_b;
  WAIT_FOR (current_question_is, &wait, "the question being asked, highlighted");
  g_clear_pointer (&texts, g_strfreev);
  texts = chamber_live_delegate_dup_question_texts (panel);
  g_assert_cmpuint (g_strv_length (texts), ==, 2);
  g_assert_nonnull (strstr (question_text (texts, "Giải ngân vốn đầu tư công"), _("Answered")));
  g_assert_nonnull (strstr (question_text (texts, "Nợ thuế của doanh nghiệp"),
                            _("Being asked now")));

  /* The server agrees: B's question runs, addressed to this official. */
  {
    g_autoptr (JsonObject) server = server_state (st);
    JsonObject *turn = json_object_get_object_member (server, "current_turn");

    g_assert_cmpint (json_object_get_int_member (turn, "request"), ==, request_b);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (turn,
                                                                                "respondent"),
                                                 "id"), ==, st->official_id);
  }

  /* Once asked and ended, it waits for the answer. */
  command_id (st, st->chair_token, NULL, "{\"type\": \"end\"}");
  wait.request = 0;
  WAIT_FOR (current_question_is, &wait, "no question of the moment");
  g_clear_pointer (&texts, g_strfreev);
  texts = chamber_live_delegate_dup_question_texts (panel);
  g_assert_nonnull (strstr (question_text (texts, "Nợ thuế của doanh nghiệp"),
                            _("Asked · waiting for your answer")));
}

static void
test_official (void)
{
  Sitting st;

  sitting_setup (&st);
  run_in_app (official_body, &st);
  sitting_teardown (&st);
}

/* ---- the server's context of a sitting follows the store -------------------------------- */

/* PUTs @json to @path as the admin; asserts it succeeded. */
static void
admin_put (Sitting *st, const char *path, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) body = json_from_string (json, &error);
  g_autoptr (JsonNode) answer = NULL;

  g_assert_no_error (error);
  answer = chamber_client_request_json (st->admin, "PUT", path, body, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* chamberd keeps a sitting's context (items, people) between commands and reads it again only
 * when the store changed: a person added or renamed, an item renamed or added while the sitting
 * runs each show up in the next command and state. */
static void
test_context_follows_store (void)
{
  Sitting st;
  gint64 newcomer, request, second_item;
  g_autoptr (JsonObject) live = NULL;
  g_autofree char *path = NULL;
  JsonObject *to;

  sitting_setup (&st);
  command_id (&st, st.chair_token, NULL, "{\"type\": \"open-item\", \"item\": %lld}",
              (long long) st.item_id);
  /* Many commands with nothing else written: the same state as ever. */
  for (int i = 0; i < 5; i++)
    {
      command_id (&st, st.chair_token, NULL, "{\"type\": \"close-list\"}");
      command_id (&st, st.chair_token, NULL, "{\"type\": \"open-list\"}");
    }

  /* An official added after the sitting began can be questioned at once. */
  newcomer = add_person (&st, "Phạm Ngọc Hải", CHAMBER_ROLE_OFFICIAL, "Phó Chủ tịch UBND tỉnh",
                         NULL);
  request = command_id (&st, st.delegate_a_token, "request",
                        "{\"type\": \"request\", \"item\": %lld, \"kind\": \"question\", "
                        "\"to\": %lld, \"topic\": \"Quy hoạch tỉnh\"}",
                        (long long) st.item_id, (long long) newcomer);
  live = server_state (&st);
  to = json_object_get_object_member (server_request (live, request), "to");
  g_assert_cmpstr (json_object_get_string_member (to, "name"), ==, "Phạm Ngọc Hải");
  g_clear_pointer (&live, json_object_unref);

  /* Renamed: the state names them anew. */
  path = g_strdup_printf ("/api/v1/people/%lld", (long long) newcomer);
  admin_put (&st, path, "{\"name\": \"Phạm Ngọc Hải (mới)\", \"title\": \"Chủ tịch UBND tỉnh\"}");
  live = server_state (&st);
  to = json_object_get_object_member (server_request (live, request), "to");
  g_assert_cmpstr (json_object_get_string_member (to, "name"), ==, "Phạm Ngọc Hải (mới)");
  g_assert_cmpstr (json_object_get_string_member (to, "title"), ==, "Chủ tịch UBND tỉnh");
  g_clear_pointer (&live, json_object_unref);
  g_clear_pointer (&path, g_free);

  /* The item renamed; then a new item opened. */
  path = g_strdup_printf ("/api/v1/items/%lld", (long long) st.item_id);
  admin_put (&st, path, "{\"title\": \"Chất vấn nhóm vấn đề đất đai\"}");
  live = server_state (&st);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                                                    json_object_get_array_member (live, "items"),
                                                    0), "title"),
                   ==, "Chất vấn nhóm vấn đề đất đai");
  g_clear_pointer (&live, json_object_unref);
  second_item = chamber_test_add_item (st.admin, st.session_id, "Thảo luận tổ");
  command_id (&st, st.chair_token, NULL, "{\"type\": \"close-item\", \"item\": %lld}",
              (long long) st.item_id);
  command_id (&st, st.chair_token, NULL, "{\"type\": \"open-item\", \"item\": %lld}",
              (long long) second_item);

  live = server_state (&st);
  g_assert_cmpint (json_object_get_int_member (live, "current_item"), ==, second_item);
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
  test_official ();
  test_delegate_anchor ();
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
  g_test_add_func ("/ui/live/chair-flow", test_chair_flow);
  g_test_add_func ("/ui/live/hall-colours", test_hall_colours);
  g_test_add_func ("/ui/live/delegate-anchor", test_delegate_anchor);
  g_test_add_func ("/ui/live/anchor-refused", test_anchor_refused);
  g_test_add_func ("/ui/live/official", test_official);
  g_test_add_func ("/ui/live/context-follows-store", test_context_follows_store);
  g_test_add_func ("/ui/live/vietnamese", test_hall_vietnamese);
  status = g_test_run ();

  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
