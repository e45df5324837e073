/* test-ui-search.c — the keyboard in the search across documents of the chamber app, under a
 * real display (xvfb-run + dbus-run-session).
 *
 * A real chamberd gets a session with two generated Vietnamese documents; a delegate connects
 * the app with their own token and the documents sync into a real store. In the search
 * (ctrl+shift+f), Down in the search field moves the focus to the first result, as in GNOME's
 * search lists — not with Shift, and not when there is nothing to move to — and activating the
 * focused result opens its document at the page of the match, with the match highlighted
 * there. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "chamber-application.h"
#include "chamber-client.h"
#include "chamber-connection.h"
#include "chamber-page-view.h"
#include "chamber-search-view.h"
#include "chamber-test-ui.h"
#include "chamber-test-util.h"
#include "chamber-window.h"

#define WAIT_MS (120 * 1000)

static char *test_home;

/* ---- the documents ---------------------------------------------------------------------- */

/* The report: the words looked for are on its third page only. */
static const char *const report_page1[] = {
  "Báo cáo kết quả giám sát năm 2024",
  "Thường trực Hội đồng nhân dân tỉnh đã tổ chức các đoàn giám sát.",
  NULL
};
static const char *const report_page2[] = {
  "Mục II. Giáo dục và y tế",
  "Cơ sở vật chất trường học được đầu tư đồng bộ.",
  NULL
};
static const char *const report_page3[] = {
  "Mục III. Thu hồi đất và bồi thường",
  "Việc thu hồi đất ở khu công nghiệp phía bắc còn chậm.",
  NULL
};
static const char *const *const report[] = { report_page1, report_page2, report_page3, NULL };

/* A submission on land too, without those words. */
static const char *const submission_page[] = {
  "Tờ trình về bảng giá đất giai đoạn 2025 - 2029",
  "Ủy ban nhân dân tỉnh trình bảng giá đất ở và đất nông nghiệp.",
  NULL
};
static const char *const *const submission[] = { submission_page, NULL };

#define REPORT_TITLE     "Báo cáo kết quả giám sát năm 2024"
#define SUBMISSION_TITLE "Tờ trình bảng giá đất"
#define QUERY            "thu hoi dat"   /* without diacritics: “thu hồi đất” */
#define QUERY_PAGE       3

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *client;
  char              *pdf_dir;
  char              *token;
  ChamberDocument   *report;
} Scenario;

static ChamberDocument *
publish (Scenario *sc, gint64 item_id, const char *file, const char *const *const *pages,
         const char *title)
{
  g_autofree char *path = g_build_filename (sc->pdf_dir, file, NULL);
  g_autoptr (GError) error = NULL;
  ChamberDocument *document;

  chamber_test_ui_write_document (path, pages);
  document = chamber_client_publish (sc->client, item_id, path, title, CHAMBER_DOCUMENT_REPORT,
                                     NULL, &error);
  g_assert_no_error (error);
  return document;
}

static void
scenario_setup (Scenario *sc)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) added_item = NULL;
  g_autoptr (ChamberPerson) delegate = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autoptr (ChamberDocument) other = NULL;
  g_autoptr (GError) error = NULL;

  memset (sc, 0, sizeof *sc);
  sc->server = chamber_test_server_start ();
  sc->pdf_dir = chamber_test_make_temp_dir ("chamber-ui-search-XXXXXX");
  sc->client = chamber_client_new (sc->server->url, sc->server->admin_token, &error);
  g_assert_no_error (error);

  delegate->name = g_strdup ("Trần Văn Bình");
  delegate->role = CHAMBER_ROLE_DELEGATE;
  delegate->group_name = g_strdup ("Tổ đại biểu số 1");
  delegate->active = TRUE;
  added = chamber_client_add_person (sc->client, delegate, NULL, &error);
  g_assert_no_error (error);
  sc->token = chamber_client_issue_token (sc->client, added->id, NULL, NULL, &error);
  g_assert_no_error (error);

  session->number = 10;
  session->title = g_strdup ("Kỳ họp thứ mười — kiểm thử tìm kiếm");
  created = chamber_client_create_session (sc->client, session, NULL, &error);
  g_assert_no_error (error);
  item->session_id = created->id;
  item->title = g_strdup ("Giám sát chuyên đề");
  added_item = chamber_client_add_item (sc->client, item, NULL, &error);
  g_assert_no_error (error);
  sc->report = publish (sc, added_item->id, "bao-cao.pdf", report, REPORT_TITLE);
  other = publish (sc, added_item->id, "to-trinh.pdf", submission, SUBMISSION_TITLE);
}

static void
scenario_teardown (Scenario *sc)
{
  g_autofree char *servers = g_build_filename (g_get_user_data_dir (), "chamber", "servers",
                                               NULL);

  chamber_test_rm_rf (sc->pdf_dir);
  g_free (sc->pdf_dir);
  g_free (sc->token);
  g_clear_pointer (&sc->report, chamber_document_free);
  g_clear_object (&sc->client);
  g_clear_pointer (&sc->server, chamber_test_server_free);
  chamber_test_rm_rf (servers);
}

/* ---- waiting ---------------------------------------------------------------------------- */

static gboolean
synced (gpointer data)
{
  return chamber_session_view_get_syncs_completed (data) >= 1
         && !chamber_session_view_get_syncing (data);
}

static gboolean
search_answered (gpointer data)
{
  return !chamber_search_view_get_busy (data);
}

/* Searches @text as typing it does and waits for the answer; the results' count. */
static guint
search_for (ChamberSearchView *search, const char *text)
{
  chamber_search_view_set_text (search, text);
  g_assert_true (chamber_test_pump_until (search_answered, search, 30000));
  g_assert_cmpstr (chamber_search_view_get_results_query (search), ==, text);
  return chamber_search_view_get_n_results (search);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
match_shown (gpointer data)
{
  ChamberPageView *page_view = data;
  ChamberDocumentView *pages = chamber_page_view_get_document_view (page_view);

  return chamber_page_view_get_page (page_view) == QUERY_PAGE
         && chamber_page_view_get_texture (page_view) != NULL
         && chamber_document_view_get_current_match_page (pages) == QUERY_PAGE - 1;
}

/* ---- the keys --------------------------------------------------------------------------- */

static GtkWidget *
focus_of (ChamberWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

/* The search field that has the focus (its text child holds it). */
static GtkWidget *
focused_search_entry (ChamberWindow *window)
{
  GtkWidget *widget = focus_of (window);

  while (widget != NULL && !GTK_IS_SEARCH_ENTRY (widget))
    widget = gtk_widget_get_parent (widget);
  g_assert_nonnull (widget);
  return widget;
}

/* Presses @keyval with @state in @entry as its key controllers see a key press; TRUE when one
 * of them took it. */
static gboolean
press_key (GtkWidget *entry, guint keyval, GdkModifierType state)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (entry);
  gboolean handled = FALSE;
  guint n_key_controllers = 0;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller))
        continue;
      n_key_controllers++;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
    }
  g_assert_cmpuint (n_key_controllers, >, 0);
  return handled;
}

static void
down_body (ChamberTestApp *app, gpointer data)
{
  ChamberWindow *window = app->window;
  Scenario *sc = data;
  ChamberSessionView *view = chamber_window_get_session_view (window);
  ChamberSearchView *search = chamber_session_view_get_search_view (view);
  ChamberPageView *page_view = chamber_session_view_get_page_view (view);
  ChamberDocumentView *pages = chamber_page_view_get_document_view (page_view);
  GtkListBox *results = chamber_search_view_get_results_list (search);
  ChamberConnectPage *connect_page = chamber_window_get_connect_page (window);
  GtkWidget *entry, *focus;
  gint64 document_id = 0;
  int page = 0;

  /* The delegate connects; the documents sync into the store and its index. */
  chamber_test_ui_wait_for_window_page (window, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-connect", NULL));
  chamber_connect_page_set_values (connect_page, sc->server->url, sc->token);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (connect_page), "connect-page.connect",
                                             NULL));
  chamber_test_ui_wait_for_window_page (window, "main");
  if (!chamber_test_pump_until (synced, view, WAIT_MS))
    g_error ("no sync within %d s (status “%s”)", WAIT_MS / 1000,
             chamber_session_view_get_sync_status (view));
  g_assert_cmpstr (chamber_session_view_get_sync_error (view), ==, NULL);

  /* Ctrl+Shift+F: the search field has the focus. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  g_assert_true (chamber_test_pump_until (widget_mapped, search, 10000));
  entry = focused_search_entry (window);

  /* Nothing found: Down has nowhere to go and leaves the focus in the field. */
  g_assert_cmpuint (search_for (search, "khong co tu nay"), ==, 0);
  g_assert_cmpstr (chamber_search_view_get_state (search), ==, "no-results");
  g_assert_false (press_key (entry, GDK_KEY_Down, 0));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), entry));

  /* The report speaks of it, on page 3 alone. */
  g_assert_cmpuint (search_for (search, QUERY), ==, 1);
  g_assert_cmpstr (chamber_search_view_get_state (search), ==, "results");
  g_assert_true (chamber_search_view_get_result (search, 0, &document_id, &page, NULL, NULL));
  g_assert_cmpint (document_id, ==, sc->report->id);
  g_assert_cmpint (page, ==, QUERY_PAGE);
  g_assert_true (chamber_test_pump_until (widget_mapped,
                                          gtk_list_box_get_row_at_index (results, 0), 10000));

  /* Shift+Down is the field's own (it selects text): the focus stays. */
  g_assert_false (press_key (entry, GDK_KEY_Down, GDK_SHIFT_MASK));
  g_assert_true (gtk_widget_is_ancestor (focus_of (window), entry));

  /* Down: the result has the focus, and is selected. */
  g_assert_true (press_key (entry, GDK_KEY_Down, 0));
  focus = focus_of (window);
  g_assert_true (GTK_IS_LIST_BOX_ROW (focus));
  g_assert_true (focus == GTK_WIDGET (gtk_list_box_get_row_at_index (results, 0)));
  g_assert_true (gtk_widget_has_focus (focus));
  g_assert_true (gtk_list_box_get_selected_row (results) == GTK_LIST_BOX_ROW (focus));
  g_assert_false (gtk_widget_is_ancestor (focus, entry));

  /* Enter on it opens the report at page 3, the match there highlighted as the current one. */
  g_assert_true (gtk_widget_activate (focus));
  if (!chamber_test_pump_until (match_shown, page_view, 60000))
    g_error ("the viewer shows page %d (state “%s”, current match on page %d), not the match "
             "on page %d",
             chamber_page_view_get_page (page_view), chamber_page_view_get_state (page_view),
             chamber_document_view_get_current_match_page (pages) + 1, QUERY_PAGE);
  g_assert_cmpstr (chamber_page_view_get_state (page_view), ==, "page");
  g_assert_cmpint (chamber_page_view_get_page (page_view), ==, QUERY_PAGE);
  g_assert_cmpuint (chamber_document_view_get_page_n_matches (pages, QUERY_PAGE - 1), >=, 1);
  g_assert_cmpuint (chamber_document_view_get_current_match (pages), >=, 1);
  /* Nowhere else in the report. */
  g_assert_cmpuint (chamber_document_view_get_page_n_matches (pages, 0), ==, 0);
  g_assert_cmpuint (chamber_document_view_get_page_n_matches (pages, 1), ==, 0);
}

static void
test_down_to_results (void)
{
  Scenario sc;

  scenario_setup (&sc);
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE, down_body, &sc);
  scenario_teardown (&sc);
}

int
main (int argc, char *argv[])
{
  int status;

  test_home = chamber_test_ui_init (&argc, &argv, "chamber-ui-search-home-XXXXXX",
                                   CHAMBER_TEST_UI_INIT_LAZY_TRANSLATION);
  if (test_home == NULL)
    return 77;

  g_test_add_func ("/ui/search/down-to-results", test_down_to_results);
  status = g_test_run ();

  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
