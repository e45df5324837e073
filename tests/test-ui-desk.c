/* test-ui-desk.c — the secretariat's desk in the chamber app (issue 6), under a real display
 * (xvfb-run + dbus-run-session), against a real chamberd started by the test.
 *
 * The app connects with a secretariat's token and opens the desk from the main window
 * (win.desk), as the "Desk" button does. Through the desk's own forms, dialogs and actions it
 * creates a session (with the agenda of an earlier one copied), edits it and opens it; builds
 * an agenda (adds, nests, moves, renames, plans minutes, marks an item for questioning, deletes
 * an empty item) and each change is checked on the server (GET /api/v1/sessions/ID/items);
 * adds a person, deactivates and reactivates them and filters the list; imports a CSV file
 * with broken rows (a missing name, an unknown role, a duplicate, a row of the wrong width,
 * bytes in a wrong encoding): the preview marks each broken row with its problem, Import is
 * offered for the valid rows only, and only they reach the server. A delegate's token gets no
 * desk; a desk opened with it anyway shows the server's refusal in the form and creates
 * nothing. The Delivery page of a dozen documents with long titles, missing for every
 * delegate, gives GTK a bounded amount of text to lay out (at most two titles in a closed
 * person's row, no hidden row per document) and is not laid out again while idle (issue 6's
 * CPU loop). Tab reaches every control of each page. Each wait pumps the main loop until a
 * condition holds. With CHAMBER_TEST_SCREENSHOTS set to a folder, each page is saved there as
 * a PNG. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chamber-application.h"
#include "chamber-client.h"
#include "chamber-connection.h"
#include "chamber-desk-window.h"
#include "chamber-protocol.h"
#include "chamber-test-ui.h"
#include "chamber-test-util.h"
#include "chamber-window.h"

#define WAIT_MS (60 * 1000)

static char *test_home;

#define WAIT_FOR(condition, data, what) \
  G_STMT_START { \
    if (!chamber_test_pump_until ((condition), (data), WAIT_MS)) \
      g_error ("%s: not within %d s", (what), WAIT_MS / 1000); \
  } G_STMT_END

/* ---- the server ------------------------------------------------------------------------- */

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *admin;
  gint64             earlier_session;   /* with an agenda of three items, one nested */
  gint64             secretariat_id;
  char              *secretariat_token;
  char              *delegate_token;
} Fixture;

static gint64
add_person (Fixture *fx, const char *name, ChamberRole role, const char *group,
            char **out_token)
{
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autoptr (GError) error = NULL;

  person->name = g_strdup (name);
  person->role = role;
  person->group_name = g_strdup (group);
  person->active = TRUE;
  added = chamber_client_add_person (fx->admin, person, NULL, &error);
  g_assert_no_error (error);
  if (out_token != NULL)
    {
      *out_token = chamber_client_issue_token (fx->admin, added->id, NULL, NULL, &error);
      g_assert_no_error (error);
    }
  return added->id;
}

static void
fixture_setup (Fixture *fx)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) parent = NULL;
  g_autoptr (ChamberItem) child = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *config = chamber_connection_get_config_path ();

  memset (fx, 0, sizeof *fx);
  g_unlink (config);
  fx->server = chamber_test_server_start ();
  fx->admin = chamber_client_new (fx->server->url, fx->server->admin_token, &error);
  g_assert_no_error (error);

  session->number = 9;
  session->title = g_strdup ("Kỳ họp thứ chín");
  created = chamber_client_create_session (fx->admin, session, NULL, &error);
  g_assert_no_error (error);
  fx->earlier_session = created->id;
  item->session_id = created->id;
  item->title = g_strdup ("Khai mạc kỳ họp");
  item->planned_minutes = 30;
  item->position = -1;
  parent = chamber_client_add_item (fx->admin, item, NULL, &error);
  g_assert_no_error (error);
  g_free (item->title);
  item->title = g_strdup ("Báo cáo kinh tế – xã hội");
  item->parent_id = parent->id;
  item->planned_minutes = 45;
  child = chamber_client_add_item (fx->admin, item, NULL, &error);
  g_assert_no_error (error);
  chamber_test_add_item (fx->admin, created->id, "Bế mạc");

  fx->secretariat_id = add_person (fx, "Trần Văn Phúc", CHAMBER_ROLE_SECRETARIAT, NULL,
                                   &fx->secretariat_token);
  add_person (fx, "Lê Quang Minh", CHAMBER_ROLE_DELEGATE, "Tổ 1", &fx->delegate_token);
  add_person (fx, "Nguyễn Thị Hoa", CHAMBER_ROLE_DELEGATE, "Tổ 2", NULL);
}

static void
fixture_teardown (Fixture *fx)
{
  g_free (fx->secretariat_token);
  g_free (fx->delegate_token);
  g_clear_object (&fx->admin);
  chamber_test_server_free (fx->server);
}

static JsonObject *
server_get (Fixture *fx, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = chamber_client_request_json (fx->admin, "GET", path, NULL, NULL,
                                                             NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (answer);
  return json_object_ref (json_node_get_object (answer));
}

/* The server's session @id. */
static ChamberSession *
server_session (Fixture *fx, gint64 id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld", (long long) id);
  g_autoptr (JsonObject) answer = server_get (fx, path);
  g_autoptr (GError) error = NULL;
  ChamberSession *session = chamber_session_from_json (
    json_object_get_object_member (answer, "session"), &error);

  g_assert_no_error (error);
  return session;
}

/* The server's items of session @id, as "TITLE[minutes][?](children…)" in tree order: a compact
 * picture of the tree to compare. "?" marks an item for questioning. */
static void
describe_children (JsonArray *items, gint64 parent, GString *out)
{
  gboolean first = TRUE;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonNode *parent_node = json_object_get_member (item, "parent_id");
      gint64 parent_id = parent_node != NULL && !JSON_NODE_HOLDS_NULL (parent_node)
                           ? json_node_get_int (parent_node) : 0;
      gint64 minutes = json_object_get_int_member_with_default (item, "planned_minutes", 0);

      if (parent_id != parent)
        continue;
      if (!first)
        g_string_append (out, ", ");
      first = FALSE;
      g_string_append (out, json_object_get_string_member (item, "title"));
      if (minutes > 0)
        g_string_append_printf (out, "[%lld]", (long long) minutes);
      if (json_object_get_boolean_member_with_default (item, "questioning", FALSE))
        g_string_append (out, "?");
      {
        gsize before = out->len;

        g_string_append (out, " (");
        describe_children (items, json_object_get_int_member (item, "id"), out);
        if (out->len == before + 2)
          g_string_truncate (out, before);
        else
          g_string_append (out, ")");
      }
    }
}

static char *
server_agenda (Fixture *fx, gint64 session_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/items",
                                           (long long) session_id);
  g_autoptr (JsonObject) answer = server_get (fx, path);
  GString *out = g_string_new (NULL);

  describe_children (json_object_get_array_member (answer, "items"), 0, out);
  return g_string_free (out, FALSE);
}

/* The server's person named @name, or NULL. */
static ChamberPerson *
server_person (Fixture *fx, const char *name, guint *out_count)
{
  g_autoptr (JsonObject) answer = server_get (fx, "/api/v1/people");
  JsonArray *people = json_object_get_array_member (answer, "people");
  ChamberPerson *found = NULL;

  if (out_count != NULL)
    *out_count = 0;
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      g_autoptr (ChamberPerson) person = chamber_person_from_json (
        json_array_get_object_element (people, i), NULL);

      g_assert_nonnull (person);
      if (g_strcmp0 (person->name, name) == 0)
        {
          if (out_count != NULL)
            (*out_count)++;
          if (found == NULL)
            found = g_steal_pointer (&person);
        }
    }
  return found;
}

/* ---- the app ---------------------------------------------------------------------------- */

/* With CHAMBER_TEST_SCREENSHOTS set, @window goes to desk-NAME-LANGUAGE.png. */
static void
save_screenshot (GtkWidget *window, const char *name)
{
  g_autofree char *file = g_strdup_printf ("desk-%s", name);

  chamber_test_ui_save_screenshot (window, file);
}

static gboolean
role_known (gpointer data)
{
  gboolean known = FALSE;

  chamber_window_get_desk_allowed (data, &known);
  return known;
}

static gboolean
sessions_idle (gpointer data)
{
  ChamberDeskSessions *sessions = data;

  return chamber_desk_sessions_get_loads (sessions) > 0
         && chamber_desk_sessions_get_pending (sessions) == 0;
}

static gboolean
agenda_idle (gpointer data)
{
  ChamberDeskAgenda *agenda = data;

  return chamber_desk_agenda_get_loads (agenda) > 0
         && chamber_desk_agenda_get_pending (agenda) == 0;
}

static gboolean
people_idle (gpointer data)
{
  ChamberDeskPeople *people = data;

  return chamber_desk_people_get_loads (people) > 0
         && chamber_desk_people_get_pending (people) == 0;
}

/* Connects as @token, and opens the desk as the "Desk" button does. */
static ChamberDeskWindow *
open_desk (ChamberTestApp *app, Fixture *fx)
{
  ChamberDeskWindow *desk;
  gboolean known = FALSE;

  chamber_test_ui_connect (app, fx->server->url, fx->secretariat_token);
  WAIT_FOR (role_known, app->window, "the person's role");
  g_assert_true (chamber_window_get_desk_allowed (app->window, &known));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.desk", NULL));
  desk = chamber_desk_window_get_for (GTK_WINDOW (app->window));
  g_assert_nonnull (desk);
  gtk_window_set_default_size (GTK_WINDOW (desk), 1366, 740);
  WAIT_FOR (sessions_idle, chamber_desk_window_get_sessions (desk), "the sessions");
  WAIT_FOR (people_idle, chamber_desk_window_get_people (desk), "the people");
  /* Opening it again shows the same desk. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.desk", NULL));
  g_assert_true (chamber_desk_window_get_for (GTK_WINDOW (app->window)) == desk);
  return desk;
}

typedef struct {
  GtkWindow **window;
} WindowGone;

static gboolean
widget_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Saves @form and waits until the server accepted it (the form closes). */
static void
save_form (ChamberDeskForm *form)
{
  gpointer weak = form;

  g_object_add_weak_pointer (G_OBJECT (form), &weak);
  chamber_desk_form_save (form);
  if (!chamber_test_pump_until (widget_gone, &weak, WAIT_MS))
    g_error ("the form was not accepted: %s", chamber_desk_form_get_error (form));
}

static GtkWidget *
form_row (ChamberDeskForm *form, const char *type_name, guint index)
{
  /* The rows in the order they were added: the form's AdwPreferencesGroup holds them. */
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  GtkWidget *widget = GTK_WIDGET (form);
  GSList *stack = g_slist_prepend (NULL, widget);

  while (stack != NULL)
    {
      GtkWidget *w = stack->data;
      g_autoptr (GPtrArray) children = g_ptr_array_new ();

      stack = g_slist_delete_link (stack, stack);
      if (g_str_equal (G_OBJECT_TYPE_NAME (w), type_name))
        g_ptr_array_add (found, w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
           c = gtk_widget_get_next_sibling (c))
        g_ptr_array_add (children, c);
      for (guint i = children->len; i > 0; i--)
        stack = g_slist_prepend (stack, children->pdata[i - 1]);
    }
  g_assert_cmpuint (index, <, found->len);
  return found->pdata[index];
}

static void
set_entry (ChamberDeskForm *form, guint index, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (form_row (form, "AdwEntryRow", index)), text);
}

static void
close_desk (ChamberTestApp *app)
{
  chamber_desk_window_close_for (GTK_WINDOW (app->window));
}

/* ---- sessions --------------------------------------------------------------------------- */

static ChamberSession *
find_listed (ChamberDeskSessions *sessions, const char *title)
{
  GPtrArray *list = chamber_desk_sessions_get_sessions (sessions);

  for (guint i = 0; i < list->len; i++)
    {
      ChamberSession *session = g_ptr_array_index (list, i);

      if (g_strcmp0 (session->title, title) == 0)
        return session;
    }
  return NULL;
}

static void
sessions_body (ChamberTestApp *app, gpointer data)
{
  Fixture *fx = data;
  ChamberDeskWindow *desk = open_desk (app, fx);
  ChamberDeskSessions *sessions = chamber_desk_window_get_sessions (desk);
  ChamberDeskAgenda *agenda = chamber_desk_window_get_agenda (desk);
  ChamberDeskForm *form;
  ChamberSession *listed;
  AdwMessageDialog *dialog;
  g_autoptr (ChamberSession) on_server = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *earlier = NULL;
  gint64 id;

  save_screenshot (GTK_WIDGET (desk), "sessions");
  chamber_test_ui_assert_keyboard_reachable (GTK_WINDOW (desk), "the desk's sessions");
  g_assert_cmpuint (chamber_desk_sessions_get_sessions (sessions)->len, ==, 1);

  /* A new session, its dates wrong first: the form says so and keeps what was typed. */
  form = chamber_desk_sessions_new_session (sessions);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (form_row (form, "GtkSpinButton", 0)), 10);
  set_entry (form, 0, "Kỳ họp thứ mười");
  set_entry (form, 1, "Hội trường tỉnh");
  set_entry (form, 2, "2026-12-08");
  set_entry (form, 3, "2026-12-01");
  /* The agenda of the earlier session is copied (the choice after “empty”). */
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row (form, "AdwComboRow", 1)), 1);
  save_screenshot (GTK_WIDGET (form), "new-session");
  chamber_test_ui_assert_keyboard_reachable (GTK_WINDOW (form), "the new session's form");
  chamber_desk_form_save (form);
  WAIT_FOR (sessions_idle, sessions, "the refused session");
  g_assert_nonnull (chamber_desk_form_get_error (form));
  g_assert_true (strstr (chamber_desk_form_get_error (form), "ends_on") != NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (form_row (form, "AdwEntryRow", 0))), ==,
                   "Kỳ họp thứ mười");
  set_entry (form, 3, "2026-12-10");
  save_form (form);
  WAIT_FOR (sessions_idle, sessions, "the new session");

  listed = find_listed (sessions, "Kỳ họp thứ mười");
  g_assert_nonnull (listed);
  id = listed->id;
  on_server = server_session (fx, id);
  g_assert_cmpint (on_server->number, ==, 10);
  g_assert_cmpstr (on_server->place, ==, "Hội trường tỉnh");
  g_assert_cmpstr (on_server->starts_on, ==, "2026-12-08");
  g_assert_cmpstr (on_server->ends_on, ==, "2026-12-10");
  g_assert_cmpint (on_server->state, ==, CHAMBER_SESSION_STATE_PREPARING);
  /* The new session is the one the desk shows, and its agenda is the earlier one's. */
  g_assert_cmpint (chamber_desk_sessions_get_session_id (sessions), ==, id);
  copied = server_agenda (fx, id);
  earlier = server_agenda (fx, fx->earlier_session);
  g_assert_cmpstr (copied, ==, earlier);
  g_assert_cmpstr (copied, ==, "Khai mạc kỳ họp[30] (Báo cáo kinh tế – xã hội[45]), Bế mạc");
  WAIT_FOR (agenda_idle, agenda, "the copied agenda");
  g_assert_cmpuint (chamber_desk_agenda_get_items (agenda)->len, ==, 3);

  /* Edited: a title and no place. */
  form = chamber_desk_sessions_edit (sessions, id);
  set_entry (form, 0, "Kỳ họp thứ mười (chuyên đề)");
  set_entry (form, 1, "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row (form, "AdwComboRow", 0)),
                              CHAMBER_SESSION_THEMATIC);
  save_form (form);
  WAIT_FOR (sessions_idle, sessions, "the edited session");
  g_clear_pointer (&on_server, chamber_session_free);
  on_server = server_session (fx, id);
  g_assert_cmpstr (on_server->title, ==, "Kỳ họp thứ mười (chuyên đề)");
  g_assert_null (on_server->place);
  g_assert_cmpint (on_server->kind, ==, CHAMBER_SESSION_THEMATIC);
  g_assert_nonnull (find_listed (sessions, "Kỳ họp thứ mười (chuyên đề)"));

  /* Opened after the confirmation; cancelling it first changes nothing. */
  dialog = chamber_desk_sessions_change_state (sessions, id);
  g_assert_nonnull (dialog);
  save_screenshot (GTK_WIDGET (dialog), "open-session");
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_FOR (sessions_idle, sessions, "nothing");
  g_clear_pointer (&on_server, chamber_session_free);
  on_server = server_session (fx, id);
  g_assert_cmpint (on_server->state, ==, CHAMBER_SESSION_STATE_PREPARING);
  dialog = chamber_desk_sessions_change_state (sessions, id);
  adw_message_dialog_response (dialog, "change");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_FOR (sessions_idle, sessions, "the opened session");
  g_clear_pointer (&on_server, chamber_session_free);
  on_server = server_session (fx, id);
  g_assert_cmpint (on_server->state, ==, CHAMBER_SESSION_STATE_OPEN);
  g_assert_cmpint (find_listed (sessions, "Kỳ họp thứ mười (chuyên đề)")->state, ==,
                   CHAMBER_SESSION_STATE_OPEN);
  close_desk (app);
}

static void
test_sessions (void)
{
  Fixture fx;

  fixture_setup (&fx);
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           sessions_body, &fx);
  fixture_teardown (&fx);
}

/* ---- agenda ----------------------------------------------------------------------------- */

static gint64
item_id (ChamberDeskAgenda *agenda, const char *title)
{
  GPtrArray *items = chamber_desk_agenda_get_items (agenda);

  for (guint i = 0; i < items->len; i++)
    {
      ChamberItem *item = g_ptr_array_index (items, i);

      if (g_strcmp0 (item->title, title) == 0)
        return item->id;
    }
  g_error ("no item “%s” in the agenda shown", title);
  return 0;
}

/* Selects @title and activates @action on the page, as its key would. */
static void
act_on (ChamberDeskAgenda *agenda, const char *title, const char *action)
{
  chamber_desk_agenda_select (agenda, item_id (agenda, title));
  g_assert_cmpint (chamber_desk_agenda_get_selected (agenda), ==, item_id (agenda, title));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (agenda), action, NULL));
  WAIT_FOR (agenda_idle, agenda, action);
}

static void
agenda_body (ChamberTestApp *app, gpointer data)
{
  Fixture *fx = data;
  ChamberDeskWindow *desk = open_desk (app, fx);
  ChamberDeskSessions *sessions = chamber_desk_window_get_sessions (desk);
  ChamberDeskAgenda *agenda = chamber_desk_window_get_agenda (desk);
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;
  char *agenda_text;

  session->number = 11;
  session->title = g_strdup ("Kỳ họp thứ mười một");
  created = chamber_client_create_session (fx->admin, session, NULL, &error);
  g_assert_no_error (error);
  chamber_desk_sessions_reload (sessions);
  WAIT_FOR (sessions_idle, sessions, "the sessions again");
  chamber_desk_sessions_select (sessions, created->id);
  chamber_desk_window_show_page (desk, "agenda");
  g_assert_cmpstr (chamber_desk_window_get_page_name (desk), ==, "agenda");
  WAIT_FOR (agenda_idle, agenda, "the empty agenda");
  g_assert_cmpuint (chamber_desk_agenda_get_items (agenda)->len, ==, 0);

  /* Added at the top level, then one under “Chất vấn”. */
  chamber_desk_agenda_add (agenda, "Khai mạc", FALSE);
  WAIT_FOR (agenda_idle, agenda, "the first item");
  chamber_desk_agenda_add (agenda, "Chất vấn", FALSE);
  WAIT_FOR (agenda_idle, agenda, "the second item");
  chamber_desk_agenda_add (agenda, "Bế mạc", FALSE);
  WAIT_FOR (agenda_idle, agenda, "the third item");
  chamber_desk_agenda_select (agenda, item_id (agenda, "Chất vấn"));
  chamber_desk_agenda_add (agenda, "Nhóm vấn đề đất đai", TRUE);
  WAIT_FOR (agenda_idle, agenda, "the sub-item");
  /* The new item is selected. */
  g_assert_cmpint (chamber_desk_agenda_get_selected (agenda), ==,
                   item_id (agenda, "Nhóm vấn đề đất đai"));
  agenda_text = server_agenda (fx, created->id);
  g_assert_cmpstr (agenda_text, ==, "Khai mạc, Chất vấn (Nhóm vấn đề đất đai), Bế mạc");
  g_free (agenda_text);

  /* A title typed in the entry and Enter adds it too. */
  chamber_desk_agenda_add (agenda, "Giải trình", FALSE);
  WAIT_FOR (agenda_idle, agenda, "another item");

  /* Alt+Right nests “Giải trình” under the item above (“Bế mạc”); Alt+Up, twice, moves it… no:
   * un-nested again with Alt+Left it comes after its parent. */
  act_on (agenda, "Giải trình", "agenda.nest");
  agenda_text = server_agenda (fx, created->id);
  g_assert_cmpstr (agenda_text, ==,
                   "Khai mạc, Chất vấn (Nhóm vấn đề đất đai), Bế mạc (Giải trình)");
  g_free (agenda_text);
  act_on (agenda, "Giải trình", "agenda.unnest");
  agenda_text = server_agenda (fx, created->id);
  g_assert_cmpstr (agenda_text, ==,
                   "Khai mạc, Chất vấn (Nhóm vấn đề đất đai), Bế mạc, Giải trình");
  g_free (agenda_text);
  act_on (agenda, "Giải trình", "agenda.move-up");
  agenda_text = server_agenda (fx, created->id);
  g_assert_cmpstr (agenda_text, ==,
                   "Khai mạc, Chất vấn (Nhóm vấn đề đất đai), Giải trình, Bế mạc");
  g_free (agenda_text);
  /* The item moved stays selected, so the keys can go on. */
  g_assert_cmpint (chamber_desk_agenda_get_selected (agenda), ==, item_id (agenda, "Giải trình"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (agenda), "agenda.nest", NULL));
  WAIT_FOR (agenda_idle, agenda, "nesting again");
  agenda_text = server_agenda (fx, created->id);
  g_assert_cmpstr (agenda_text, ==,
                   "Khai mạc, Chất vấn (Nhóm vấn đề đất đai, Giải trình), Bế mạc");
  g_free (agenda_text);

  /* A drop of “Bế mạc” on “Khai mạc” puts it before. */
  chamber_desk_agenda_move_before (agenda, item_id (agenda, "Bế mạc"),
                                   item_id (agenda, "Khai mạc"));
  WAIT_FOR (agenda_idle, agenda, "the drop");
  agenda_text = server_agenda (fx, created->id);
  g_assert_cmpstr (agenda_text, ==,
                   "Bế mạc, Khai mạc, Chất vấn (Nhóm vấn đề đất đai, Giải trình)");
  g_free (agenda_text);
  /* An item dropped on its own sub-item goes nowhere. */
  chamber_desk_agenda_move_before (agenda, item_id (agenda, "Chất vấn"),
                                   item_id (agenda, "Giải trình"));
  WAIT_FOR (agenda_idle, agenda, "the refused drop");
  g_assert_nonnull (chamber_desk_agenda_get_last_error (agenda));
  g_assert_cmpuint (chamber_desk_agenda_get_pending (agenda), ==, 0);

  /* Renamed, planned, marked for questioning. */
  chamber_desk_agenda_rename (agenda, item_id (agenda, "Chất vấn"),
                              "Chất vấn và trả lời chất vấn");
  WAIT_FOR (agenda_idle, agenda, "the rename");
  chamber_desk_agenda_set_minutes (agenda, item_id (agenda, "Chất vấn và trả lời chất vấn"),
                                   240);
  WAIT_FOR (agenda_idle, agenda, "the minutes");
  chamber_desk_agenda_set_questioning (agenda,
                                       item_id (agenda, "Chất vấn và trả lời chất vấn"), TRUE);
  WAIT_FOR (agenda_idle, agenda, "the questioning mark");
  g_assert_true (chamber_desk_agenda_get_questioning (
    agenda, item_id (agenda, "Chất vấn và trả lời chất vấn")));
  agenda_text = server_agenda (fx, created->id);
  g_assert_cmpstr (agenda_text, ==,
                   "Bế mạc, Khai mạc, Chất vấn và trả lời chất vấn[240]? "
                   "(Nhóm vấn đề đất đai, Giải trình)");
  g_free (agenda_text);
  /* An empty title is refused here and the server keeps the old one. */
  chamber_desk_agenda_rename (agenda, item_id (agenda, "Khai mạc"), "   ");
  WAIT_FOR (agenda_idle, agenda, "the empty title");
  g_assert_cmpint (item_id (agenda, "Khai mạc"), >, 0);
  save_screenshot (GTK_WIDGET (desk), "agenda");
  chamber_test_ui_assert_keyboard_reachable (GTK_WINDOW (desk), "the desk's agenda");

  /* An item with sub-items cannot be deleted; an empty one can, after the confirmation. */
  chamber_desk_agenda_select (agenda, item_id (agenda, "Chất vấn và trả lời chất vấn"));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (agenda), "agenda.delete", NULL)
                  && chamber_desk_agenda_delete_selected (agenda) != NULL);
  chamber_desk_agenda_select (agenda, item_id (agenda, "Giải trình"));
  dialog = chamber_desk_agenda_delete_selected (agenda);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_FOR (agenda_idle, agenda, "the deletion");
  agenda_text = server_agenda (fx, created->id);
  g_assert_cmpstr (agenda_text, ==,
                   "Bế mạc, Khai mạc, Chất vấn và trả lời chất vấn[240]? "
                   "(Nhóm vấn đề đất đai)");
  g_free (agenda_text);
  g_assert_cmpuint (chamber_desk_agenda_get_items (agenda)->len, ==, 4);
  close_desk (app);
}

static void
test_agenda (void)
{
  Fixture fx;

  fixture_setup (&fx);
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           agenda_body, &fx);
  fixture_teardown (&fx);
}

/* ---- people ----------------------------------------------------------------------------- */

static void
people_body (ChamberTestApp *app, gpointer data)
{
  Fixture *fx = data;
  ChamberDeskWindow *desk = open_desk (app, fx);
  ChamberDeskPeople *people = chamber_desk_window_get_people (desk);
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (ChamberPerson) again = NULL;
  ChamberDeskForm *form;
  AdwMessageDialog *dialog;
  guint before;

  chamber_desk_window_show_page (desk, "people");
  before = chamber_desk_people_get_people (people)->len;
  g_assert_cmpuint (before, ==, 4);  /* the admin of `chamberd init` and the three added */

  /* A person without a name is refused in the form. */
  form = chamber_desk_people_add (people);
  chamber_desk_form_save (form);
  g_assert_nonnull (chamber_desk_form_get_error (form));
  set_entry (form, 0, "Phạm Thị Lan");
  set_entry (form, 1, "Tổ 3");
  save_form (form);
  WAIT_FOR (people_idle, people, "the new person");
  person = server_person (fx, "Phạm Thị Lan", NULL);
  g_assert_nonnull (person);
  g_assert_cmpint (person->role, ==, CHAMBER_ROLE_DELEGATE);
  g_assert_cmpstr (person->group_name, ==, "Tổ 3");
  g_assert_true (person->active);
  g_assert_cmpuint (chamber_desk_people_get_people (people)->len, ==, before + 1);

  /* Edited into an official. */
  form = chamber_desk_people_edit (people, person->id);
  adw_combo_row_set_selected (ADW_COMBO_ROW (form_row (form, "AdwComboRow", 0)),
                              CHAMBER_ROLE_OFFICIAL);
  set_entry (form, 1, "");
  set_entry (form, 2, "Giám đốc");
  set_entry (form, 3, "Sở Tài nguyên và Môi trường");
  save_form (form);
  WAIT_FOR (people_idle, people, "the edited person");
  again = server_person (fx, "Phạm Thị Lan", NULL);
  g_assert_cmpint (again->role, ==, CHAMBER_ROLE_OFFICIAL);
  g_assert_null (again->group_name);
  g_assert_cmpstr (again->title, ==, "Giám đốc");
  g_assert_cmpstr (again->agency, ==, "Sở Tài nguyên và Môi trường");
  g_clear_pointer (&again, chamber_person_free);

  /* The filters: officials, then a group, then a name. */
  chamber_desk_people_set_filter (people, CHAMBER_ROLE_OFFICIAL, NULL, -1, NULL);
  g_assert_cmpuint (chamber_desk_people_get_n_shown (people), ==, 1);
  chamber_desk_people_set_filter (people, -1, "Tổ 2", -1, NULL);
  g_assert_cmpuint (chamber_desk_people_get_n_shown (people), ==, 1);
  chamber_desk_people_set_filter (people, -1, NULL, -1, "QUANG");
  g_assert_cmpuint (chamber_desk_people_get_n_shown (people), ==, 1);
  chamber_desk_people_set_filter (people, -1, NULL, -1, NULL);
  g_assert_cmpuint (chamber_desk_people_get_n_shown (people), ==, before + 1);

  /* Deactivated after the confirmation; the list can show only them. */
  dialog = chamber_desk_people_set_active (people, person->id, FALSE);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "deactivate");
  gtk_window_destroy (GTK_WINDOW (dialog));
  WAIT_FOR (people_idle, people, "the deactivation");
  again = server_person (fx, "Phạm Thị Lan", NULL);
  g_assert_false (again->active);
  g_clear_pointer (&again, chamber_person_free);
  chamber_desk_people_set_filter (people, -1, NULL, 0, NULL);
  g_assert_cmpuint (chamber_desk_people_get_n_shown (people), ==, 1);
  save_screenshot (GTK_WIDGET (desk), "people");
  chamber_test_ui_assert_keyboard_reachable (GTK_WINDOW (desk), "the desk's people");
  chamber_desk_people_set_filter (people, -1, NULL, 1, NULL);
  g_assert_cmpuint (chamber_desk_people_get_n_shown (people), ==, before);
  /* Reactivated: no confirmation needed. */
  g_assert_null (chamber_desk_people_set_active (people, person->id, TRUE));
  WAIT_FOR (people_idle, people, "the reactivation");
  again = server_person (fx, "Phạm Thị Lan", NULL);
  g_assert_true (again->active);
  close_desk (app);
}

static void
test_people (void)
{
  Fixture fx;

  fixture_setup (&fx);
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           people_body, &fx);
  fixture_teardown (&fx);
}

/* ---- the CSV import --------------------------------------------------------------------- */

static gboolean
preview_shown (gpointer data)
{
  ChamberDeskPeople *people = data;

  return chamber_desk_people_get_preview (people) != NULL
         && chamber_desk_people_get_pending (people) == 0;
}

static void
import_body (ChamberTestApp *app, gpointer data)
{
  Fixture *fx = data;
  ChamberDeskWindow *desk = open_desk (app, fx);
  ChamberDeskPeople *people = chamber_desk_window_get_people (desk);
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-desk-csv-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "dai-bieu.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberPerson) lan = NULL;
  guint valid = 0;
  guint rows;
  guint count = 0;
  guint before = 0;

  /* As Excel saves “CSV UTF-8”: a byte order mark, CRLF, a header in Vietnamese. */
  g_string_append (csv, "\xEF\xBB\xBF" "Họ và tên,Vai trò,Tổ,Chức vụ,Cơ quan\r\n");
  g_string_append (csv, "Phạm Thị Lan,delegate,Tổ 3,,\r\n");                 /* line 2: fine */
  g_string_append (csv, ",delegate,Tổ 3,,\r\n");                             /* 3: no name */
  g_string_append (csv, "Đỗ Văn Hùng,mayor,Tổ 1,,\r\n");                     /* 4: a role? */
  g_string_append (csv, "Lê Quang Minh,delegate,Tổ 1,,\r\n");                /* 5: duplicate */
  g_string_append (csv, "Vũ Thị Mai,delegate\r\n");                          /* 6: too short */
  g_string_append (csv, "Trịnh Văn An,official,,Giám đốc,Sở Y tế\r\n");      /* 7: fine */
  g_string_append (csv, "Ng\xF4 V\xE3n B\xECnh,delegate,T\xF4 4,,\r\n");      /* 8: not UTF-8 */
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, &error));
  g_assert_no_error (error);
  g_clear_pointer (&lan, chamber_person_free);
  server_person (fx, "Lê Quang Minh", &before);
  g_assert_cmpuint (before, ==, 1);

  chamber_desk_window_show_page (desk, "people");
  chamber_desk_people_import_file (people, file);
  WAIT_FOR (preview_shown, people, "the import preview");
  save_screenshot (GTK_WIDGET (chamber_desk_people_get_preview (people)), "import-preview");
  chamber_test_ui_assert_keyboard_reachable (chamber_desk_people_get_preview (people),
                                             "the import preview");
  rows = chamber_desk_people_get_preview_rows (people, &valid);
  g_assert_cmpuint (rows, >=, 6);
  /* The valid rows have no problem; each broken one names one. Nothing is stored yet. */
  g_assert_cmpstr (chamber_desk_people_get_preview_problems (people, 0), ==, "");
  for (guint i = 1; i <= 4; i++)
    {
      const char *problems = chamber_desk_people_get_preview_problems (people, i);

      g_test_message ("row %u: %s", i, problems);
      g_assert_nonnull (problems);
      g_assert_cmpstr (problems, !=, "");
    }
  g_assert_cmpstr (chamber_desk_people_get_preview_problems (people, 5), ==, "");
  /* Line 8, in Windows-1258 among UTF-8 lines, is named too. */
  g_assert_cmpstr (chamber_desk_people_get_preview_problems (people, 6), !=, "");
  g_assert_cmpuint (valid, >=, 2);
  g_assert_cmpuint (valid, <, rows);
  g_assert_true (chamber_desk_people_get_import_enabled (people));
  lan = server_person (fx, "Phạm Thị Lan", NULL);
  g_assert_null (lan);

  /* Import: only the valid rows are saved, and the list shows them. */
  chamber_desk_people_import_confirm (people);
  WAIT_FOR (people_idle, people, "the import");
  g_assert_null (chamber_desk_people_get_preview (people));
  g_assert_cmpint (chamber_desk_people_get_imported (people), ==, (int) valid);
  lan = server_person (fx, "Phạm Thị Lan", NULL);
  g_assert_nonnull (lan);
  g_assert_cmpstr (lan->group_name, ==, "Tổ 3");
  g_clear_pointer (&lan, chamber_person_free);
  lan = server_person (fx, "Trịnh Văn An", NULL);
  g_assert_nonnull (lan);
  g_assert_cmpint (lan->role, ==, CHAMBER_ROLE_OFFICIAL);
  g_clear_pointer (&lan, chamber_person_free);
  g_assert_null (server_person (fx, "Đỗ Văn Hùng", NULL));
  g_assert_null (server_person (fx, "Vũ Thị Mai", NULL));
  server_person (fx, "Lê Quang Minh", &count);
  g_assert_cmpuint (count, ==, 1);

  /* A file that is no CSV at all: the server's refusal shows, nothing is stored. */
  g_assert_true (g_file_set_contents (path, "\x00\x01\x02", 3, &error));
  chamber_desk_people_import_file (people, file);
  WAIT_FOR (people_idle, people, "the refused file");
  g_assert_nonnull (chamber_desk_people_get_last_error (people));
  chamber_test_rm_rf (dir);
  close_desk (app);
}

static void
test_import (void)
{
  Fixture fx;

  fixture_setup (&fx);
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           import_body, &fx);
  fixture_teardown (&fx);
}

/* ---- a delegate ------------------------------------------------------------------------- */

static void
delegate_body (ChamberTestApp *app, gpointer data)
{
  Fixture *fx = data;
  gboolean known = FALSE;
  g_autoptr (ChamberConnection) connection = NULL;
  g_autoptr (GError) error = NULL;
  ChamberDeskWindow *desk;
  ChamberDeskForm *form;
  guint n_sessions;

  chamber_test_ui_connect (app, fx->server->url, fx->delegate_token);
  WAIT_FOR (role_known, app->window, "the person's role");
  g_assert_false (chamber_window_get_desk_allowed (app->window, &known));
  g_assert_true (known);
  /* No desk for a delegate: the action does nothing and nothing opens. */
  gtk_widget_activate_action (GTK_WIDGET (app->window), "win.desk", NULL);
  g_assert_null (chamber_desk_window_get_for (GTK_WINDOW (app->window)));

  /* A desk forced open with the delegate's token: the server refuses the change, the form
   * says so, and no session is created. */
  connection = chamber_connection_new_server (fx->server->url, fx->delegate_token, &error);
  g_assert_no_error (error);
  desk = chamber_desk_window_present_for (GTK_WINDOW (app->window), connection);
  WAIT_FOR (sessions_idle, chamber_desk_window_get_sessions (desk), "the sessions");
  n_sessions = chamber_desk_sessions_get_sessions (chamber_desk_window_get_sessions (desk))->len;
  form = chamber_desk_sessions_new_session (chamber_desk_window_get_sessions (desk));
  set_entry (form, 0, "Không được phép");
  chamber_desk_form_save (form);
  WAIT_FOR (sessions_idle, chamber_desk_window_get_sessions (desk), "the refusal");
  g_assert_nonnull (chamber_desk_form_get_error (form));
  g_test_message ("refused: %s", chamber_desk_form_get_error (form));
  {
    g_autoptr (JsonObject) answer = server_get (fx, "/api/v1/sessions");

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "sessions")),
                      ==, n_sessions);
  }
  gtk_window_destroy (GTK_WINDOW (form));
  close_desk (app);
}

static void
test_delegate (void)
{
  Fixture fx;

  fixture_setup (&fx);
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           delegate_body, &fx);
  fixture_teardown (&fx);
}

/* ---- delivery: an idle page ------------------------------------------------------------ */

/* Issue 6's CPU loop: a Delivery page of the demo's size (people missing every one of a dozen
 * documents with long titles) kept the desk's main thread busy shaping text for seconds after
 * it showed. Each person's row named every missing title in its wrapping subtitle and held a
 * hidden row per document, which a closed AdwExpanderRow still measures: every layout of the
 * page shaped all of it, many times over. The test counts what the page gives GTK to lay out,
 * and the frame clock's layouts while the page sits idle. */

#define DELIVERY_DOCUMENTS 9
#define DELIVERY_PEOPLE    8

typedef struct {
  guint layouts;
  guint paints;
} FrameCount;

static void
frame_layout_cb (GdkFrameClock *clock, FrameCount *count)
{
  count->layouts++;
}

static void
frame_paint_cb (GdkFrameClock *clock, FrameCount *count)
{
  count->paints++;
}

static gboolean
frame_painted (gpointer data)
{
  return ((FrameCount *) data)->paints > 0;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

typedef struct {
  ChamberDeskDelivery *page;
  guint                n_rows;
} DeliveryWait;

static gboolean
delivery_listed (gpointer data)
{
  DeliveryWait *wait = data;

  return chamber_desk_delivery_get_loads_completed (wait->page) > 0
         && chamber_desk_delivery_get_n_rows (wait->page) >= wait->n_rows;
}

/* How many of the documents' titles the labels under @widget name (each title counted once per
 * label that names it). */
static guint
count_titles (GtkWidget *widget)
{
  guint n = 0;

  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      for (guint i = 1; i <= DELIVERY_DOCUMENTS; i++)
        {
          g_autofree char *prefix = g_strdup_printf ("Tài liệu %02u:", i);

          if (strstr (text, prefix) != NULL)
            n++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_titles (child);
  return n;
}

static void
expander_rows (GtkWidget *widget, GPtrArray *out)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    {
      g_ptr_array_add (out, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    expander_rows (child, out);
}

static gboolean
titles_listed (gpointer data)
{
  return count_titles (data) >= DELIVERY_DOCUMENTS;
}

static void
delivery_body (ChamberTestApp *app, gpointer data)
{
  Fixture *fx = data;
  ChamberDeskWindow *desk = open_desk (app, fx);
  ChamberDeskDelivery *page = chamber_desk_window_get_delivery (desk);
  DeliveryWait wait = { page, DELIVERY_PEOPLE };
  FrameCount count = { 0, 0 };
  GdkFrameClock *clock;
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  gulong layout_id, paint_id;

  chamber_desk_sessions_select (chamber_desk_window_get_sessions (desk), fx->earlier_session);
  chamber_desk_window_show_page (desk, "delivery");
  WAIT_FOR (delivery_listed, &wait, "the delivery page lists the people");
  g_assert_null (chamber_desk_delivery_get_error (page));

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (desk));
  g_assert_nonnull (clock);
  layout_id = g_signal_connect (clock, "layout", G_CALLBACK (frame_layout_cb), &count);
  paint_id = g_signal_connect (clock, "paint", G_CALLBACK (frame_paint_cb), &count);
  gtk_widget_queue_draw (GTK_WIDGET (desk));
  WAIT_FOR (frame_painted, &count, "the page is painted");
  save_screenshot (GTK_WIDGET (desk), "delivery");

  /* What a layout of the page measures: each closed person's row names at most two titles
   * (and how many more), and holds no row per document. */
  expander_rows (GTK_WIDGET (page), rows);
  g_assert_cmpuint (rows->len, >=, DELIVERY_PEOPLE);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (count_titles (rows->pdata[i]), <=, 2);

  /* Idle, once the frames that follow the first paint are done: nothing is laid out again. */
  chamber_test_pump_until (never, NULL, 1000);
  g_test_message ("after the first paint: %u layouts, %u paints", count.layouts, count.paints);
  count = (FrameCount) { 0, 0 };
  chamber_test_pump_until (never, NULL, 1500);
  g_test_message ("idle: %u layouts, %u paints", count.layouts, count.paints);
  g_assert_cmpuint (count.layouts, ==, 0);
  g_signal_handler_disconnect (clock, layout_id);
  g_signal_handler_disconnect (clock, paint_id);

  /* Opening a person's row lists every document. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (rows->pdata[0]), TRUE);
  WAIT_FOR (titles_listed, rows->pdata[0], "the person's documents");
  g_assert_cmpuint (count_titles (rows->pdata[0]), >=, DELIVERY_DOCUMENTS);
  close_desk (app);
}

static void
test_delivery (void)
{
  Fixture fx;
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-desk-delivery-XXXXXX");
  gint64 item;

  fixture_setup (&fx);
  item = chamber_test_add_item (fx.admin, fx.earlier_session, "Tài liệu kỳ họp");
  for (guint i = 1; i <= DELIVERY_DOCUMENTS; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%u.pdf", dir, i);
      g_autofree char *title = g_strdup_printf (
        "Tài liệu %02u: báo cáo kết quả giám sát chuyên đề việc thực hiện chính sách, pháp "
        "luật về quản lý đất đai và đầu tư công trên địa bàn tỉnh",
        i);
      g_autoptr (ChamberDocument) document = NULL;
      g_autoptr (GError) error = NULL;

      chamber_test_write_pdf (path, 1, title);
      document = chamber_client_publish (fx.admin, item, path, title, CHAMBER_DOCUMENT_REPORT,
                                         NULL, &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < DELIVERY_PEOPLE; i++)
    {
      g_autofree char *name = g_strdup_printf ("Đại biểu số %u", i + 1);

      add_person (&fx, name, CHAMBER_ROLE_DELEGATE, "Tổ 3", NULL);
    }
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           delivery_body, &fx);
  fixture_teardown (&fx);
  chamber_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  int status;

  test_home = chamber_test_ui_init (&argc, &argv, "chamber-test-ui-desk-XXXXXX",
                                    CHAMBER_TEST_UI_INIT_DEFAULT);
  if (test_home == NULL)
    return 77;

  g_test_add_func ("/desk/sessions", test_sessions);
  g_test_add_func ("/desk/agenda", test_agenda);
  g_test_add_func ("/desk/people", test_people);
  g_test_add_func ("/desk/import", test_import);
  g_test_add_func ("/desk/delegate", test_delegate);
  g_test_add_func ("/desk/delivery-idle", test_delivery);
  status = g_test_run ();
  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
