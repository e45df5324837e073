/* test-ui-ergonomics.c — every screen of the app works with the keyboard alone, fits a
 * 1366 × 768 laptop screen with normal and with large text, and draws sharp on a HiDPI screen;
 * under a real display (xvfb-run + dbus-run-session), against a real chamberd.
 *
 * On each screen as a person meets it — the welcome page, the connect page, the session with a
 * document open, the search, the Preferences window, a local PDF in the viewer window, and the
 * live sitting as the chair (with a queue and a turn running), as a delegate and as the
 * secretariat, and every page of the secretariat's desk:
 * - Tab is pressed around the window (chamber_test_ui_assert_keyboard_reachable) and every
 *   visible control must take the focus on the way; the test names those that do not;
 * - the window's minimum size must fit a 1366 × 768 screen, so nothing is cut off or forces
 *   the window past the screen — also with the text 1.5 times larger (GtkSettings'
 *   gtk-xft-dpi, which the desktop's "large text" sets);
 * - under GDK_SCALE=2 (the second run of this test in meson), the page of a document is drawn
 *   from a rendering at twice the pixels of its size on screen.
 * It runs in English and in Vietnamese, whose longer labels must not push a control out of
 * reach or the window past the screen either. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "chamber-application.h"
#include "chamber-client.h"
#include "chamber-connection.h"
#include "chamber-live-window.h"
#include "chamber-desk-window.h"
#include "chamber-document-view.h"
#include "chamber-page-view.h"
#include "chamber-preferences-window.h"
#include "chamber-test-ui.h"
#include "chamber-test-util.h"
#include "chamber-viewer-window.h"
#include "chamber-window.h"

#define WAIT_MS (60 * 1000)

static char *test_home;

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *admin;
  char              *pdf_path;
  gint64             session_id;
  gint64             item_id;
  char              *chair_token, *delegate_token, *secretariat_token;
  gint64             delegate_id;
} Sitting;

static char *
issue_token (Sitting *st, const char *name, ChamberRole role, gint64 *out_id)
{
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autoptr (GError) error = NULL;
  char *token;

  person->name = g_strdup (name);
  person->role = role;
  person->active = TRUE;
  added = chamber_client_add_person (st->admin, person, NULL, &error);
  g_assert_no_error (error);
  if (out_id != NULL)
    *out_id = added->id;
  token = chamber_client_issue_token (st->admin, added->id, NULL, NULL, &error);
  g_assert_no_error (error);
  return token;
}

static void
sitting_setup (Sitting *st)
{
  static const char *const page1[] = { "Tờ trình về dự toán ngân sách địa phương", NULL };
  static const char *const page2[] = { "Phương án phân bổ ngân sách cấp tỉnh", NULL };
  static const char *const *const pages[] = { page1, page2, NULL };
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *config = chamber_connection_get_config_path ();

  memset (st, 0, sizeof *st);
  g_unlink (config);
  st->server = chamber_test_server_start ();
  st->admin = chamber_client_new (st->server->url, st->server->admin_token, &error);
  g_assert_no_error (error);

  session->number = 11;
  session->title = g_strdup ("Kỳ họp thứ mười một");
  created = chamber_client_create_session (st->admin, session, NULL, &error);
  g_assert_no_error (error);
  st->session_id = created->id;
  st->item_id = chamber_test_add_item (st->admin, created->id, "Chất vấn và trả lời chất vấn");

  st->pdf_path = g_build_filename (test_home, "to-trinh.pdf", NULL);
  chamber_test_ui_write_document (st->pdf_path, pages);
  document = chamber_client_publish (st->admin, st->item_id, st->pdf_path, "Tờ trình ngân sách",
                                     CHAMBER_DOCUMENT_SUBMISSION, NULL, &error);
  g_assert_no_error (error);

  st->chair_token = issue_token (st, "Nguyễn Thanh Sơn", CHAMBER_ROLE_CHAIR, NULL);
  st->delegate_token = issue_token (st, "Trần Thị Thu Hà", CHAMBER_ROLE_DELEGATE,
                                    &st->delegate_id);
  st->secretariat_token = issue_token (st, "Trần Văn Phúc", CHAMBER_ROLE_SECRETARIAT, NULL);
}

static void
sitting_teardown (Sitting *st)
{
  g_free (st->chair_token);
  g_free (st->delegate_token);
  g_free (st->secretariat_token);
  g_free (st->pdf_path);
  g_clear_object (&st->admin);
  chamber_test_server_free (st->server);
}

/* Sends a live command as the holder of @token; returns the member @member of the event's
 * answer (a request or turn id), asserting the server took it. */
static gint64
live_command (Sitting *st, const char *token, const char *member, const char *json)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonObject) event = NULL;
  g_autoptr (GError) error = NULL;

  client = chamber_client_new (st->server->url, token, &error);
  g_assert_no_error (error);
  event = chamber_test_post_live_command (client, st->session_id, json, &error);
  g_assert_no_error (error);
  return member != NULL ? json_object_get_int_member (event, member) : 0;
}

/* Runs the app as a person who has not connected on this laptop yet. */
static void
run_in_app (ChamberTestAppBody body, gpointer data)
{
  g_autofree char *config = chamber_connection_get_config_path ();

  g_unlink (config);
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_CLOSE_LIVE
                           | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           body, data);
}

static void
pump (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* ---- each screen ------------------------------------------------------------------------ */

#define LAPTOP_WIDTH  1366
#define LAPTOP_HEIGHT 768

/* The keyboard walk, and the window's minimum size against the laptop's screen. */
static void
check_screen (GtkWindow *window, const char *screen)
{
  int min_width, min_height;
  double text_scale = 1.0;
  int dpi = 0;

  g_autofree char *picture = NULL;

  chamber_test_ui_assert_keyboard_reachable (window, screen);
  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
  if (dpi > 0)
    text_scale = dpi / (96.0 * 1024);
  picture = g_strdup_printf ("%s-text%.0f", screen, text_scale * 100);
  g_strdelimit (picture, " ,", '-');
  chamber_test_ui_save_screenshot (GTK_WIDGET (window), picture);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL,
                      NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, LAPTOP_WIDTH, &min_height,
                      NULL, NULL, NULL);
  g_test_message ("%s (text × %.2f): at least %d × %d", screen, text_scale, min_width,
                  min_height);
  if (min_width > LAPTOP_WIDTH || min_height > LAPTOP_HEIGHT)
    g_error ("%s (text × %.2f) needs at least %d × %d, more than a %d × %d screen", screen,
             text_scale, min_width, min_height, LAPTOP_WIDTH, LAPTOP_HEIGHT);
}

/* The first page's rendering has the screen's scale factor in pixels per pixel on screen:
 * sharp, not a 1× rendering stretched over a HiDPI screen. */
typedef struct {
  ChamberDocumentView *view;
} TextureWait;

static gboolean
first_page_rendered (gpointer data)
{
  return chamber_document_view_get_page_texture (data, 0) != NULL;
}

static void
check_sharp (ChamberPageView *page_view, GtkWidget *widget, const char *screen)
{
  ChamberDocumentView *view = chamber_page_view_get_document_view (page_view);
  PopplerRectangle page = { 0, 0, CHAMBER_TEST_UI_PAGE_WIDTH, CHAMBER_TEST_UI_PAGE_HEIGHT };
  int scale = gtk_widget_get_scale_factor (widget);
  graphene_rect_t on_screen;
  GdkTexture *texture;
  double ratio;

  if (g_strcmp0 (g_getenv ("GDK_SCALE"), "2") == 0)
    g_assert_cmpint (scale, ==, 2);
  if (!chamber_test_pump_until (first_page_rendered, view, WAIT_MS))
    g_error ("%s: the first page was not rendered", screen);
  texture = chamber_document_view_get_page_texture (view, 0);
  g_assert_true (chamber_document_view_page_to_view (view, 0, &page, &on_screen));
  ratio = gdk_texture_get_width (texture) / on_screen.size.width;
  g_test_message ("%s: scale factor %d, page %.0f px wide on screen, rendering %d px", screen,
                  scale, on_screen.size.width, gdk_texture_get_width (texture));
  g_assert_cmpfloat (ratio, >=, 0.98 * scale);
  g_assert_cmpfloat (ratio, <=, 1.02 * scale);
}

/* ---- the main window, the viewer and Preferences ---------------------------------------- */

static gboolean
page_shown (gpointer data)
{
  return chamber_page_view_get_n_pages (data) > 0;
}

static void
main_window_body (ChamberTestApp *app, gpointer data)
{
  Sitting *st = data;
  GtkWindow *window = GTK_WINDOW (app->window);
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  GtkListBoxRow *row;
  GListModel *toplevels;
  GtkWindow *preferences = NULL;
  ChamberViewerWindow *viewer;
  g_autoptr (GFile) file = NULL;

  chamber_test_ui_wait_for_window_page (app->window, "welcome");
  check_screen (window, "welcome page");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.show-connect", NULL));
  chamber_test_ui_wait_for_window_page (app->window, "connect");
  check_screen (window, "connect page");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.show-welcome", NULL));

  chamber_test_ui_connect (app, st->server->url, st->delegate_token);
  row = gtk_list_box_get_row_at_index (chamber_session_view_get_document_list (view), 0);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  chamber_test_ui_wait_for_page (chamber_session_view_get_page_view (view));
  check_screen (window, "session with a document");
  check_sharp (chamber_session_view_get_page_view (view), GTK_WIDGET (view), "session");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.search", NULL));
  pump ();
  g_assert_true (chamber_session_view_get_search_mode (view));
  check_screen (window, "search");
  chamber_session_view_set_search_mode (view, FALSE);

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app->application), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (app->application), "preferences", NULL);
  pump ();
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (CHAMBER_IS_PREFERENCES_WINDOW (toplevel))
        preferences = GTK_WINDOW (toplevel);
    }
  g_assert_nonnull (preferences);
  check_screen (preferences, "preferences");
  gtk_window_destroy (preferences);

  /* A document handed over on a USB stick, in the viewer window. */
  viewer = chamber_viewer_window_new (app->application);
  file = g_file_new_for_path (st->pdf_path);
  chamber_viewer_window_open (viewer, file);
  gtk_window_present (GTK_WINDOW (viewer));
  if (!chamber_test_pump_until (page_shown, chamber_viewer_window_get_page_view (viewer), WAIT_MS))
    g_error ("the viewer window did not open %s", st->pdf_path);
  chamber_test_ui_wait_for_page (chamber_viewer_window_get_page_view (viewer));
  check_screen (GTK_WINDOW (viewer), "viewer window");
  check_sharp (chamber_viewer_window_get_page_view (viewer), GTK_WIDGET (viewer), "viewer");
  gtk_window_destroy (GTK_WINDOW (viewer));
}

static void
test_main_window (void)
{
  Sitting st;

  sitting_setup (&st);
  run_in_app (main_window_body, &st);
  sitting_teardown (&st);
}

/* ---- the secretariat's desk ------------------------------------------------------------ */

static gboolean
desk_known (gpointer data)
{
  gboolean known = FALSE;

  chamber_window_get_desk_allowed (data, &known);
  return known;
}

static void
desk_body (ChamberTestApp *app, gpointer data)
{
  static const char *const pages[] = {
    "sessions", "agenda", "people", "access", "documents", "delivery", "commitments",
    "petitions", "supervision", NULL
  };
  Sitting *st = data;
  ChamberDeskWindow *desk;

  chamber_test_ui_connect (app, st->server->url, st->secretariat_token);
  if (!chamber_test_pump_until (desk_known, app->window, WAIT_MS))
    g_error ("the app did not learn whether the desk is allowed");
  g_assert_true (chamber_window_get_desk_allowed (app->window, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.desk", NULL));
  desk = chamber_desk_window_get_for (GTK_WINDOW (app->window));
  g_assert_nonnull (desk);
  gtk_window_set_default_size (GTK_WINDOW (desk), LAPTOP_WIDTH, LAPTOP_HEIGHT - 28);
  for (guint i = 0; pages[i] != NULL; i++)
    {
      g_autofree char *screen = g_strdup_printf ("desk, %s", pages[i]);

      chamber_desk_window_show_page (desk, pages[i]);
      /* Let the page load what it shows from the server. */
      for (int j = 0; j < 50; j++)
        {
          pump ();
          g_usleep (10000);
        }
      g_assert_cmpstr (chamber_desk_window_get_page_name (desk), ==, pages[i]);
      g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (desk)));
      check_screen (GTK_WINDOW (desk), screen);
      /* Tab passed the sidebar once, on the page's own row, without turning the pages. */
      g_assert_cmpstr (chamber_desk_window_get_page_name (desk), ==, pages[i]);
    }
  gtk_window_destroy (GTK_WINDOW (desk));
}

static void
test_desk (void)
{
  Sitting st;

  sitting_setup (&st);
  run_in_app (desk_body, &st);
  sitting_teardown (&st);
}

/* ---- the live sitting ------------------------------------------------------------------- */

typedef struct {
  Sitting    *st;
  const char *token;
  const char *screen;
} LiveRun;

static gboolean
live_ready (gpointer data)
{
  ChamberLiveWindow *live = data;

  return chamber_live_window_get_panel (live) != NULL
         && chamber_live_context_get_connection_state (chamber_live_window_get_context (live))
              == CHAMBER_LIVE_CONNECTION_ONLINE
         && chamber_live_context_get_state (chamber_live_window_get_context (live)) != NULL;
}

static void
live_body (ChamberTestApp *app, gpointer data)
{
  LiveRun *run = data;
  ChamberLiveWindow *live;

  chamber_test_ui_connect (app, run->st->server->url, run->token);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.live", NULL));
  live = chamber_live_window_get_for (GTK_WINDOW (app->window));
  g_assert_nonnull (live);
  gtk_window_set_default_size (GTK_WINDOW (live), 1366, 740);
  if (!chamber_test_pump_until (live_ready, live, WAIT_MS))
    g_error ("%s: the live window did not come online", run->screen);
  /* Let the panel show the state it was given (queue rows, the running turn). */
  for (int i = 0; i < 20; i++)
    {
      pump ();
      g_usleep (10000);
    }
  check_screen (GTK_WINDOW (live), run->screen);
}

static void
test_live (void)
{
  Sitting st;
  g_autofree char *open = NULL;
  g_autofree char *request = NULL;
  g_autofree char *grant = NULL;
  g_autofree char *debate = NULL;
  LiveRun chair, delegate, secretariat;
  gint64 request_id;

  sitting_setup (&st);
  open = g_strdup_printf ("{\"type\": \"open-item\", \"item\": %lld}", (long long) st.item_id);
  live_command (&st, st.chair_token, NULL, open);
  request = g_strdup_printf ("{\"type\": \"request\", \"item\": %lld, \"kind\": \"discussion\", "
                             "\"topic\": \"Giải ngân vốn đầu tư công\"}", (long long) st.item_id);
  request_id = live_command (&st, st.delegate_token, "request", request);
  grant = g_strdup_printf ("{\"type\": \"grant\", \"request\": %lld}", (long long) request_id);
  live_command (&st, st.chair_token, "turn", grant);
  /* One more waiting, so the chair's queue has a row with its buttons. */
  debate = g_strdup_printf ("{\"type\": \"request\", \"item\": %lld, \"kind\": \"point-of-order\", "
                            "\"topic\": \"Thủ tục\"}", (long long) st.item_id);
  live_command (&st, st.delegate_token, "request", debate);

  chair = (LiveRun) { &st, st.chair_token, "live sitting, the chair" };
  run_in_app (live_body, &chair);
  delegate = (LiveRun) { &st, st.delegate_token, "live sitting, a delegate" };
  run_in_app (live_body, &delegate);
  secretariat = (LiveRun) { &st, st.secretariat_token, "live sitting, the secretariat" };
  run_in_app (live_body, &secretariat);
  sitting_teardown (&st);
}

static void
test_main_window_vi (void)
{
  if (!chamber_test_ui_use_locale ("vi_VN.UTF-8", "vi") && !chamber_test_ui_use_locale ("C.UTF-8", "vi"))
    {
      g_test_skip ("no UTF-8 locale");
      return;
    }
  test_main_window ();
  test_live ();
  test_desk ();
  chamber_test_ui_use_locale ("C.UTF-8", NULL);
}

/* The walk itself finds a button the keyboard cannot reach, and a list with rows, and is
 * satisfied once they can be reached. */
static void
test_walk_finds_unreachable (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *reachable = gtk_button_new_with_label ("Mở tài liệu");
  GtkWidget *unreachable = gtk_button_new_with_label ("Mời phát biểu");
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row_label = gtk_label_new ("Trần Thị Thu Hà");
  g_autofree char *missed = NULL;
  g_autofree char *none = NULL;
  guint reached = 0;

  gtk_box_append (GTK_BOX (box), reachable);
  gtk_box_append (GTK_BOX (box), unreachable);
  gtk_box_append (GTK_BOX (box), list);
  gtk_list_box_append (GTK_LIST_BOX (list), row_label);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_set_focusable (unreachable, FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (row_label), FALSE);
  for (int i = 0; i < 20 && !gtk_widget_get_mapped (window); i++)
    {
      pump ();
      g_usleep (10000);
    }

  missed = chamber_test_ui_keyboard_unreachable (GTK_WINDOW (window), &reached);
  g_assert_nonnull (strstr (missed, "Mời phát biểu"));
  g_assert_null (strstr (missed, "Mở tài liệu"));
  /* A list whose rows cannot take the focus is something to read, not to operate. */
  g_assert_null (strstr (missed, "GtkListBox"));
  g_assert_cmpuint (reached, ==, 1);

  gtk_widget_set_focusable (unreachable, TRUE);
  gtk_widget_set_focusable (gtk_widget_get_parent (row_label), TRUE);
  none = chamber_test_ui_keyboard_unreachable (GTK_WINDOW (window), &reached);
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpuint (reached, ==, 3);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The desktop's "large text": text 1.5 times larger. */
static void
test_large_text (void)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi = 0;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", (int) (1.5 * 96 * 1024), NULL);
  test_main_window ();
  test_live ();
  test_desk ();
  if (chamber_test_ui_use_locale ("vi_VN.UTF-8", "vi"))
    {
      test_main_window ();
      test_live ();
      test_desk ();
      chamber_test_ui_use_locale ("C.UTF-8", NULL);
    }
  g_object_set (settings, "gtk-xft-dpi", dpi > 0 ? dpi : 96 * 1024, NULL);
}

int
main (int argc, char *argv[])
{
  int status;

  /* --hidpi: a screen with scale factor 2, set before GTK starts. */
  if (argc > 1 && strcmp (argv[1], "--hidpi") == 0)
    {
      g_setenv ("GDK_SCALE", "2", TRUE);
      argv[1] = argv[0];
      argv++;
      argc--;
    }
  test_home = chamber_test_ui_init (&argc, &argv, "chamber-ui-ergonomics-home-XXXXXX",
                                    CHAMBER_TEST_UI_INIT_DEFAULT);
  if (test_home == NULL)
    return 77;

  g_test_add_func ("/ui/ergonomics/keyboard-walk", test_walk_finds_unreachable);
  g_test_add_func ("/ui/ergonomics/main-window", test_main_window);
  g_test_add_func ("/ui/ergonomics/live", test_live);
  g_test_add_func ("/ui/ergonomics/desk", test_desk);
  g_test_add_func ("/ui/ergonomics/vietnamese", test_main_window_vi);
  g_test_add_func ("/ui/ergonomics/large-text", test_large_text);
  status = g_test_run ();

  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
