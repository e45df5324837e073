/* test-ui-followup.c — the between-sessions screens of the chamber app (issue 9) for
 * commitments and delegates, under a real display, against a real chamberd with its SQLite
 * store started by the test.
 *
 * The secretariat opens the desk's Commitments page: the overdue commitment comes first, then
 * the others by deadline; an update with a real PDF as evidence is recorded through the page
 * and reaches the server (the register's progress, the history with the evidence's bytes and
 * SHA-256); an update with a file that is not a PDF is refused and the page shows the server's
 * reason, with nothing added; "Carry into session…" carries the open commitments into a later
 * session's agenda (checked on the server). A delegate opens "My activity" from the main menu:
 * each number shown is the one of the server's report for that delegate (asked separately with
 * their token), and the score summed from the weights and values shown equals the server's. A
 * delegate without a group, with no sample assigned, gets no Supervision entry. Tab reaches
 * every control of each screen. With CHAMBER_TEST_SCREENSHOTS set, each screen is saved. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chamber-activity-window.h"
#include "chamber-application.h"
#include "chamber-client.h"
#include "chamber-connection.h"
#include "chamber-desk-commitments.h"
#include "chamber-desk-window.h"
#include "chamber-hash.h"
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

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *admin;
  char              *dir;
  gint64             session;
  gint64             later_session;
  char              *secretariat_token;
  char              *delegate_token;
  ChamberClient     *delegate;
  gint64             delegate_id;
  gint64             c_overdue;
  gint64             c_soon;
  gint64             c_later;
} Fixture;

static gint64
add_person (Fixture *fx, const char *name, ChamberRole role, const char *group,
            const char *title, char **out_token)
{
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autoptr (GError) error = NULL;

  person->name = g_strdup (name);
  person->role = role;
  person->group_name = g_strdup (group);
  person->title = g_strdup (title);
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

static gint64
add_session (Fixture *fx, int number, const char *title, const char *starts_on)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) added = NULL;

  session->number = number;
  session->title = g_strdup (title);
  session->starts_on = g_strdup (starts_on);
  added = chamber_client_create_session (fx->admin, session, NULL, &error);
  g_assert_no_error (error);
  return added->id;
}

static JsonObject *
command (ChamberClient *client, gint64 session, const char *format, ...) G_GNUC_PRINTF (3, 4);

static JsonObject *
command (ChamberClient *client, gint64 session, const char *format, ...)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  JsonObject *event;
  va_list args;

  va_start (args, format);
  json = g_strdup_vprintf (format, args);
  va_end (args);
  event = chamber_test_post_live_command (client, session, json, &error);
  g_assert_no_error (error);
  return event;
}

/* Today in Asia/Ho_Chi_Minh moved by @days, computed here without the code under test. */
static char *
vietnam_day (int days)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr (GDateTime) now = g_date_time_new_now (zone);
  g_autoptr (GDateTime) moved = g_date_time_add_days (now, days);

  return g_date_time_format (moved, "%Y-%m-%d");
}

static JsonObject *
server_get (ChamberClient *client, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = chamber_client_request_json (client, "GET", path, NULL, NULL,
                                                             NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (answer);
  return json_object_ref (json_node_get_object (answer));
}

/* The register id of the session's commitment numbered @commitment. */
static gint64
register_id (Fixture *fx, gint64 commitment)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/commitments?session=%lld",
                                           (long long) fx->session);
  g_autoptr (JsonObject) answer = server_get (fx->admin, path);
  JsonArray *list = json_object_get_array_member (answer, "commitments");

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *c = json_array_get_object_element (list, i);

      if (json_object_get_int_member (c, "commitment") == commitment)
        return json_object_get_int_member (c, "id");
    }
  g_error ("commitment %lld not in the register", (long long) commitment);
}

static void
fixture_setup (Fixture *fx)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberClient) chair = NULL;
  g_autoptr (ChamberClient) secretariat = NULL;
  g_autofree char *chair_token = NULL;
  g_autofree char *config = chamber_connection_get_config_path ();
  g_autofree char *yesterday = vietnam_day (-1);
  g_autofree char *in_5 = vietnam_day (5);
  g_autofree char *in_20 = vietnam_day (20);
  g_autofree char *today = vietnam_day (0);
  gint64 item, official, turn;
  const char *whats[3] = { "Lắp đèn tín hiệu nút giao Tân Phong", "Sửa chữa 12 km mặt đường",
                           "Công bố quy hoạch bến xe phía Nam" };
  const char *dues[3];
  gint64 ids[3];

  memset (fx, 0, sizeof *fx);
  g_unlink (config);
  fx->server = chamber_test_server_start ();
  fx->dir = chamber_test_make_temp_dir ("chamber-ui-followup-XXXXXX");
  fx->admin = chamber_client_new (fx->server->url, fx->server->admin_token, &error);
  g_assert_no_error (error);

  fx->session = add_session (fx, 7, "Kỳ họp thứ bảy", today);
  item = chamber_test_add_item (fx->admin, fx->session, "Chất vấn và trả lời chất vấn");
  add_person (fx, "Chủ tọa", CHAMBER_ROLE_CHAIR, NULL, NULL, &chair_token);
  chair = chamber_client_new (fx->server->url, chair_token, &error);
  g_assert_no_error (error);
  add_person (fx, "Văn phòng HĐND", CHAMBER_ROLE_SECRETARIAT, NULL, NULL,
              &fx->secretariat_token);
  secretariat = chamber_client_new (fx->server->url, fx->secretariat_token, &error);
  g_assert_no_error (error);
  fx->delegate_id = add_person (fx, "Nguyễn Thị Lan", CHAMBER_ROLE_DELEGATE, NULL, NULL,
                                &fx->delegate_token);
  fx->delegate = chamber_client_new (fx->server->url, fx->delegate_token, &error);
  g_assert_no_error (error);
  official = add_person (fx, "Phạm Quốc Hùng", CHAMBER_ROLE_OFFICIAL,
                         NULL, "Giám đốc Sở Giao thông vận tải", NULL);

  /* A question by the delegate, its answer, and three commitments made in the answer. */
  json_object_unref (command (chair, fx->session, "{\"type\":\"open-item\",\"item\":%lld}",
                              (long long) item));
  json_object_unref (command (fx->delegate, fx->session,
                              "{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\","
                              "\"to\":%lld,\"topic\":\"Đường tỉnh 765 xuống cấp\"}",
                              (long long) item, (long long) official));
  json_object_unref (command (chair, fx->session, "{\"type\":\"grant\",\"request\":1}"));
  json_object_unref (command (chair, fx->session, "{\"type\":\"end\"}"));
  {
    g_autoptr (JsonObject) answer = command (chair, fx->session,
                                             "{\"type\":\"answer\",\"turn\":1}");

    turn = json_object_get_int_member (answer, "turn");
  }
  json_object_unref (command (chair, fx->session, "{\"type\":\"end\"}"));
  dues[0] = in_20;
  dues[1] = yesterday;
  dues[2] = in_5;
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (JsonObject) e = command (secretariat, fx->session,
                                          "{\"type\":\"commit\",\"turn\":%lld,\"owner\":%lld,"
                                          "\"what\":\"%s\",\"due\":\"%s\"}",
                                          (long long) turn, (long long) official, whats[i],
                                          dues[i]);

      ids[i] = json_object_get_int_member (e, "commitment");
    }
  fx->c_later = register_id (fx, ids[0]);
  fx->c_overdue = register_id (fx, ids[1]);
  fx->c_soon = register_id (fx, ids[2]);
  fx->later_session = add_session (fx, 8, "Kỳ họp thứ tám", in_20);
}

static void
fixture_teardown (Fixture *fx)
{
  g_free (fx->secretariat_token);
  g_free (fx->delegate_token);
  g_clear_object (&fx->delegate);
  g_clear_object (&fx->admin);
  chamber_test_server_free (fx->server);
  chamber_test_rm_rf (fx->dir);
  g_free (fx->dir);
}

/* ---- the app ---------------------------------------------------------------------------- */

static gboolean
role_known (gpointer data)
{
  gboolean known = FALSE;

  chamber_window_get_desk_allowed (data, &known);
  return known;
}

static gboolean
supervision_known (gpointer data)
{
  gboolean known = FALSE;

  chamber_window_get_supervision_allowed (data, &known);
  return known;
}

static GtkWidget *
find_widget (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
commitments_idle (gpointer data)
{
  return chamber_desk_commitments_get_loads (data) > 0
         && chamber_desk_commitments_get_pending (data) == 0;
}

static void
write_file (const char *path, const char *contents)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
commitments_body (ChamberTestApp *app, gpointer data)
{
  Fixture *fx = data;
  ChamberDeskWindow *desk;
  ChamberDeskCommitments *page;
  gboolean known = FALSE;
  g_autofree char *pdf = g_build_filename (fx->dir, "bien-ban-nghiem-thu.pdf", NULL);
  g_autofree char *fake = g_build_filename (fx->dir, "not-a-pdf.pdf", NULL);
  g_autoptr (GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr (GFile) fake_file = g_file_new_for_path (fake);
  g_autofree char *pdf_sha = NULL;
  gsize pdf_size = 0;

  chamber_test_write_pdf (pdf, 2, "Biên bản nghiệm thu mặt đường ĐT 765");
  {
    g_autofree char *contents = NULL;
    g_autoptr (GError) error = NULL;

    g_file_get_contents (pdf, &contents, &pdf_size, &error);
    g_assert_no_error (error);
    pdf_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents,
                                           pdf_size);
  }
  write_file (fake, "this is a plain text file, not a PDF at all\n");

  chamber_test_ui_connect (app, fx->server->url, fx->secretariat_token);
  WAIT_FOR (role_known, app->window, "the person's role");
  g_assert_true (chamber_window_get_desk_allowed (app->window, &known));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.desk", NULL));
  desk = chamber_desk_window_get_for (GTK_WINDOW (app->window));
  g_assert_nonnull (desk);
  gtk_window_set_default_size (GTK_WINDOW (desk), 1366, 740);
  chamber_desk_window_show_page (desk, "commitments");
  g_assert_cmpstr (chamber_desk_window_get_page_name (desk), ==, "commitments");
  page = CHAMBER_DESK_COMMITMENTS (find_widget (GTK_WIDGET (desk),
                                                CHAMBER_TYPE_DESK_COMMITMENTS));
  g_assert_nonnull (page);
  WAIT_FOR (commitments_idle, page, "the commitments");
  g_assert_null (chamber_desk_commitments_get_error (page));

  /* Due within 30 days: the overdue one first, then by deadline. */
  g_assert_cmpuint (chamber_desk_commitments_get_n_rows (page), ==, 3);
  g_assert_cmpint (chamber_desk_commitments_get_row_id (page, 0), ==, fx->c_overdue);
  g_assert_cmpstr (chamber_desk_commitments_get_row_status (page, 0), ==, "overdue");
  g_assert_cmpint (chamber_desk_commitments_get_row_id (page, 1), ==, fx->c_soon);
  g_assert_cmpint (chamber_desk_commitments_get_row_id (page, 2), ==, fx->c_later);

  /* An update with a PDF as evidence, through the page. */
  g_assert_true (chamber_desk_commitments_select (page, fx->c_soon));
  WAIT_FOR (commitments_idle, page, "the history");
  g_assert_cmpuint (chamber_desk_commitments_get_n_updates (page), ==, 0);
  chamber_desk_commitments_set_update (page, "in-progress", "Đã thi công 8/12 km", pdf_file);
  chamber_desk_commitments_record_update (page);
  WAIT_FOR (commitments_idle, page, "the update");
  g_assert_null (chamber_desk_commitments_get_error (page));
  g_assert_true (chamber_desk_commitments_select (page, fx->c_soon));
  WAIT_FOR (commitments_idle, page, "the history again");
  g_assert_cmpuint (chamber_desk_commitments_get_n_updates (page), ==, 1);
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/commitments/%lld/updates",
                                             (long long) fx->c_soon);
    g_autoptr (JsonObject) answer = server_get (fx->admin, path);
    JsonArray *updates = json_object_get_array_member (answer, "updates");
    JsonObject *update, *evidence;
    g_autofree char *evidence_path = NULL;
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (GError) error = NULL;

    g_assert_cmpuint (json_array_get_length (updates), ==, 1);
    update = json_array_get_object_element (updates, 0);
    g_assert_cmpstr (json_object_get_string_member (update, "status"), ==, "in-progress");
    g_assert_cmpstr (json_object_get_string_member (update, "note"), ==, "Đã thi công 8/12 km");
    evidence = json_object_get_object_member (update, "evidence");
    g_assert_nonnull (evidence);
    g_assert_cmpstr (json_object_get_string_member (evidence, "type"), ==, "application/pdf");
    g_assert_cmpstr (json_object_get_string_member (evidence, "sha256"), ==, pdf_sha);
    g_assert_cmpint (json_object_get_int_member (evidence, "bytes"), ==, (gint64) pdf_size);
    evidence_path = g_strdup_printf ("/api/v1/commitment-updates/%lld/evidence",
                                     (long long) json_object_get_int_member (update, "id"));
    bytes = chamber_client_get_bytes (fx->admin, evidence_path, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (bytes), ==, pdf_size);
  }

  /* A file that is not a PDF: the server's refusal shows in the page, nothing is added. */
  chamber_desk_commitments_set_update (page, "done", "Xong", fake_file);
  chamber_desk_commitments_record_update (page);
  WAIT_FOR (commitments_idle, page, "the refusal");
  g_assert_nonnull (chamber_desk_commitments_get_error (page));
  g_test_message ("refused: %s", chamber_desk_commitments_get_error (page));
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/commitments/%lld/updates",
                                             (long long) fx->c_soon);
    g_autoptr (JsonObject) answer = server_get (fx->admin, path);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "updates")),
                      ==, 1);
  }

  /* Carry into the later session, chosen on the Sessions page. */
  chamber_desk_commitments_set_session (page, fx->later_session);
  chamber_desk_commitments_carry (page);
  WAIT_FOR (commitments_idle, page, "the carry");
  g_assert_null (chamber_desk_commitments_get_error (page));
  g_assert_nonnull (chamber_desk_commitments_get_message (page));
  g_test_message ("carried: %s", chamber_desk_commitments_get_message (page));
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/items",
                                             (long long) fx->later_session);
    g_autoptr (JsonObject) answer = server_get (fx->admin, path);
    JsonArray *items = json_object_get_array_member (answer, "items");

    g_assert_cmpuint (json_array_get_length (items), >=, 1);
  }

  chamber_test_ui_save_screenshot (GTK_WIDGET (desk), "desk-commitments");
  chamber_test_ui_assert_keyboard_reachable (GTK_WINDOW (desk), "the Commitments page");
  chamber_desk_window_close_for (GTK_WINDOW (app->window));
}

static void
test_commitments (void)
{
  Fixture fx;

  fixture_setup (&fx);
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           commitments_body, &fx);
  fixture_teardown (&fx);
}

/* ---- a delegate ------------------------------------------------------------------------- */

static gboolean
activity_loaded (gpointer data)
{
  return chamber_activity_window_get_loads (data) > 0;
}

static void
activity_body (ChamberTestApp *app, gpointer data)
{
  Fixture *fx = data;
  ChamberActivityWindow *activity;
  gboolean known = FALSE;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *term = g_strdup_printf ("%d-%d", g_date_time_get_year (now) - 1,
                                           g_date_time_get_year (now) + 1);
  g_autofree char *path = NULL;
  g_autoptr (JsonObject) answer = NULL;
  JsonObject *report, *row;
  JsonArray *criteria;
  gint64 sum = 0;

  chamber_test_ui_connect (app, fx->server->url, fx->delegate_token);
  WAIT_FOR (supervision_known, app->window, "the person's role and samples");
  g_assert_true (chamber_window_get_activity_allowed (app->window, &known));
  g_assert_true (known);
  /* No group, no sample assigned: no Supervision entry. */
  g_assert_false (chamber_window_get_supervision_allowed (app->window, &known));
  g_assert_true (known);
  gtk_widget_activate_action (GTK_WIDGET (app->window), "win.supervision", NULL);
  g_assert_null (g_object_get_data (G_OBJECT (app->window), "chamber-supervision-window"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.activity", NULL));
  activity = chamber_activity_window_get_for (GTK_WINDOW (app->window));
  g_assert_nonnull (activity);
  WAIT_FOR (activity_loaded, activity, "the report of the current term");
  chamber_activity_window_set_term (activity, term);
  WAIT_FOR (activity_loaded, activity, "the report");
  {
    guint loads = chamber_activity_window_get_loads (activity);

    while (chamber_activity_window_get_loads (activity) == loads
           && chamber_activity_window_get_score_milli (activity) < 0)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_null (chamber_activity_window_get_error (activity));

  /* The server's report for that delegate, asked with their own token. */
  path = g_strdup_printf ("/api/v1/reports/delegates?term=%s", term);
  answer = server_get (fx->delegate, path);
  report = json_object_get_object_member (answer, "report");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "delegates")),
                    ==, 1);
  row = json_array_get_object_element (json_object_get_array_member (report, "delegates"), 0);
  g_assert_cmpint (json_object_get_int_member (row, "person"), ==, fx->delegate_id);
  /* The delegate asked one question in the fixture: the report is not all zeros. */
  g_assert_cmpint (json_object_get_int_member (row, "questions"), ==, 1);
  criteria = json_object_get_array_member (report, "criteria");
  for (guint i = 0; i < json_array_get_length (criteria); i++)
    {
      JsonObject *criterion = json_array_get_object_element (criteria, i);
      const char *key = json_object_get_string_member (criterion, "key");
      JsonNode *value = json_object_get_member (row, key);
      g_autofree char *expected = NULL;
      gint64 tenths;

      if (json_node_get_value_type (value) == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (value);
          const char *dot = strchr (text, '.');

          expected = g_strdup (text);
          tenths = g_ascii_strtoll (text, NULL, 10) * 10 + (dot != NULL ? dot[1] - '0' : 0);
        }
      else
        {
          expected = g_strdup_printf ("%lld", (long long) json_node_get_int (value));
          tenths = json_node_get_int (value) * 10;
        }
      g_assert_cmpstr (chamber_activity_window_get_value (activity, key), ==, expected);
      sum += json_object_get_int_member (criterion, "weight_centi") * tenths;
    }
  g_assert_cmpint (chamber_activity_window_get_score_milli (activity), ==,
                   json_object_get_int_member (row, "score_milli"));
  /* Recomputed by hand here from the server's weights and values: the window's sum agrees. */
  g_assert_cmpint (sum, ==, json_object_get_int_member (row, "score_milli"));
  g_assert_cmpint (chamber_activity_window_get_computed_milli (activity), ==, sum);
  g_assert_cmpint (sum, >, 0);

  /* A bad term: the server's refusal shows, no crash. */
  chamber_activity_window_set_term (activity, "2026-2020x");
  {
    guint loads = chamber_activity_window_get_loads (activity);

    while (chamber_activity_window_get_loads (activity) == loads)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_nonnull (chamber_activity_window_get_error (activity));
  g_test_message ("refused: %s", chamber_activity_window_get_error (activity));
  chamber_activity_window_set_term (activity, term);
  {
    guint loads = chamber_activity_window_get_loads (activity);

    while (chamber_activity_window_get_loads (activity) == loads)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_null (chamber_activity_window_get_error (activity));

  gtk_window_set_default_size (GTK_WINDOW (activity), 900, 700);
  chamber_test_ui_save_screenshot (GTK_WIDGET (activity), "my-activity");
  chamber_test_ui_assert_keyboard_reachable (GTK_WINDOW (activity), "My activity");
  chamber_activity_window_close_for (GTK_WINDOW (app->window));
  g_assert_null (chamber_activity_window_get_for (GTK_WINDOW (app->window)));
}

static void
test_activity (void)
{
  Fixture fx;

  fixture_setup (&fx);
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           activity_body, &fx);
  fixture_teardown (&fx);
}

int
main (int argc, char *argv[])
{
  int status;

  test_home = chamber_test_ui_init (&argc, &argv, "chamber-test-ui-followup-XXXXXX",
                                    CHAMBER_TEST_UI_INIT_DEFAULT);
  if (test_home == NULL)
    return 77;

  g_test_add_func ("/followup/commitments", test_commitments);
  g_test_add_func ("/followup/activity", test_activity);
  status = g_test_run ();
  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
