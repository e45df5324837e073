/* test-ui.c — the chamber app under a real display (xvfb-run + dbus-run-session): the demo
 * window with the seeded session, a real chamberd connected through the connect page, the
 * publish → sync → open round trip, an https:// server's certificate trusted and then changed,
 * damaged PDFs in the viewer, and the viewer itself (zoom,
 * continuous scroll, find, thumbnails, instant open from the sync-time previews, outline and
 * page labels, password, copy, dark pages, `chamber FILE.pdf`).
 *
 * Everything is real: the embedded demo runs $CHAMBERD, documents are rendered by poppler in
 * the viewer's worker thread, and the tests look at the pixels that arrive. */

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sys/stat.h>

#include "chamber-agenda-item.h"
#include "chamber-application.h"
#include "chamber-client.h"
#include "chamber-connection.h"
#include "chamber-hash.h"
#include "chamber-outline-item.h"
#include "chamber-page-view.h"
#include "chamber-preview.h"
#include "chamber-preview-loader.h"
#include "chamber-store.h"
#include "chamber-test-ui.h"
#include "chamber-test-util.h"
#include "chamber-tls.h"
#include "chamber-viewer-window.h"
#include "chamber-window.h"

#define WAIT_MS (120 * 1000)

static char *test_home;

/* ---- helpers ---------------------------------------------------------------------------- */

/* Runs the app as main() does (g_application_run: startup, activate, shutdown, D-Bus
 * unregistration), with @body called once its window is up. */
static void
run_in_app (gboolean demo, gboolean reset, ChamberTestAppBody body, gpointer data)
{
  ChamberApplication *application = chamber_application_new (G_APPLICATION_NON_UNIQUE);

  chamber_application_set_start_demo (application, demo, reset);
  chamber_test_ui_run_app (application, CHAMBER_TEST_APP_DEFAULT, body, data);
}

static gboolean
synced (gpointer data)
{
  ChamberTestApp *app = data;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);

  return g_strcmp0 (chamber_window_get_page_name (app->window), "main") == 0
         && chamber_session_view_get_syncs_completed (view) >= 1
         && !chamber_session_view_get_syncing (view);
}

static gboolean
demo_failed (ChamberWindow *window)
{
  return chamber_window_get_demo_error (window) != NULL;
}

static gboolean
synced_or_failed (gpointer data)
{
  ChamberTestApp *app = data;

  return synced (app) || demo_failed (app->window);
}

static void
wait_for_sync (ChamberTestApp *app)
{
  ChamberSessionView *view = chamber_window_get_session_view (app->window);

  if (!chamber_test_pump_until (synced_or_failed, app, WAIT_MS))
    g_error ("no sync within %d s: page “%s”, loading “%s: %s”, sync status “%s”", WAIT_MS / 1000,
             chamber_window_get_page_name (app->window),
             chamber_window_get_loading_title (app->window),
             chamber_window_get_loading_description (app->window),
             chamber_session_view_get_sync_status (view));
  if (chamber_window_get_demo_error (app->window) != NULL)
    g_error ("the demo did not start: %s", chamber_window_get_demo_error (app->window));
  g_assert_cmpstr (chamber_window_get_page_name (app->window), ==, "main");
  g_assert_cmpstr (chamber_session_view_get_sync_error (view), ==, NULL);
}

static ChamberAgendaItem *
agenda_item_at (GListModel *model, guint position)
{
  g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, position);

  return CHAMBER_AGENDA_ITEM (gtk_tree_list_row_get_item (row));
}

static gboolean
contains_casefold (const char *haystack, const char *needle)
{
  g_autofree char *h = g_utf8_casefold (haystack, -1);
  g_autofree char *n = g_utf8_casefold (needle, -1);
  g_autofree char *hn = g_utf8_normalize (h, -1, G_NORMALIZE_NFC);
  g_autofree char *nn = g_utf8_normalize (n, -1, G_NORMALIZE_NFC);

  return strstr (hn, nn) != NULL;
}

/* A mapped GtkLabel under @widget showing exactly @text. */
static gboolean
find_visible_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_visible_label (child, text))
      return TRUE;
  return FALSE;
}

static gboolean
row_layout_done (gpointer data)
{
  return find_visible_label (GTK_WIDGET (((gpointer *) data)[0]), ((gpointer *) data)[1]);
}

static void
assert_label_shown (GtkWidget *root, const char *text)
{
  gpointer data[2] = { root, (gpointer) text };

  if (!chamber_test_pump_until (row_layout_done, data, 10000))
    g_error ("no visible label shows “%s”", text);
}

/* The first row of the documents list of the selected agenda item that holds a document
 * already on this computer, after selecting each agenda item in turn. */
static GtkListBoxRow *
select_item_with_documents (ChamberSessionView *view, const char *item_title)
{
  GListModel *model = chamber_session_view_get_agenda_model (view);
  GtkListBox *list = chamber_session_view_get_document_list (view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (ChamberAgendaItem) item = agenda_item_at (model, i);
      GtkListBoxRow *row;

      if (item_title != NULL
          && !contains_casefold (chamber_agenda_item_get_title (item), item_title))
        continue;
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (model), i);
      row = gtk_list_box_get_row_at_index (list, 0);
      if (row != NULL && g_object_get_data (G_OBJECT (row), "document") != NULL
          && !GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "pending")))
        return row;
    }
  return NULL;
}

static gboolean
page_arrived (gpointer data)
{
  ChamberPageView *page_view = data;
  const char *state = chamber_page_view_get_state (page_view);

  return g_strcmp0 (state, "error") == 0 || g_strcmp0 (state, "password") == 0
         || (g_strcmp0 (state, "page") == 0 && chamber_page_view_get_texture (page_view) != NULL);
}

static void
wait_for_page (ChamberPageView *page_view)
{
  if (!chamber_test_pump_until (page_arrived, page_view, 60000))
    g_error ("no page rendering within 60 s (state “%s”)",
             chamber_page_view_get_state (page_view));
  if (g_strcmp0 (chamber_page_view_get_state (page_view), "page") != 0)
    g_error ("the viewer shows “%s”: %s", chamber_page_view_get_state (page_view),
             chamber_page_view_get_error_message (page_view));
}

/* Pixels of @texture that are not white (any channel below 0xf0). */
static gsize
count_non_white (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  gsize count = 0;

  gdk_texture_download (texture, data, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guchar *p = data + y * stride + x * 4;  /* B G R A, premultiplied */

        if (p[3] > 0 && (p[0] < 0xf0 || p[1] < 0xf0 || p[2] < 0xf0))
          count++;
      }
  return count;
}

static void
assert_page_has_ink (ChamberPageView *page_view)
{
  GdkTexture *texture = chamber_page_view_get_texture (page_view);
  int width, height;
  gsize ink;

  g_assert_nonnull (texture);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);
  ink = count_non_white (texture);
  g_test_message ("page %d: %d×%d pixels, %" G_GSIZE_FORMAT " not white",
                  chamber_page_view_get_page (page_view), width, height, ink);
  /* Text and a filled shape: far more than a stray pixel, far less than the whole page. */
  g_assert_cmpuint (ink, >, (gsize) width * height / 1000);
  g_assert_cmpuint (ink, <, (gsize) width * height * 9 / 10);
}

static void
open_row_and_check_pages (ChamberSessionView *view, GtkListBoxRow *row)
{
  ChamberPageView *page_view = chamber_session_view_get_page_view (view);
  const ChamberDocument *document = g_object_get_data (G_OBJECT (row), "document");
  g_autofree char *two = NULL;

  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_nonnull (chamber_page_view_get_path (page_view));
  wait_for_page (page_view);
  g_assert_cmpint (chamber_page_view_get_page (page_view), ==, 1);
  g_assert_cmpint (chamber_page_view_get_n_pages (page_view), ==, document->pages);
  g_assert_nonnull (strstr (chamber_page_view_get_page_label (page_view), "1"));
  assert_page_has_ink (page_view);

  if (document->pages < 2)
    return;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page_view), "viewer.next-page", NULL));
  g_assert_cmpint (chamber_page_view_get_page (page_view), ==, 2);
  two = g_strdup_printf ("%d", 2);
  g_assert_nonnull (strstr (chamber_page_view_get_page_label (page_view), two));
  wait_for_page (page_view);
  assert_page_has_ink (page_view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page_view), "viewer.previous-page",
                                             NULL));
  g_assert_cmpint (chamber_page_view_get_page (page_view), ==, 1);
  /* The first page stayed cached: it is back without a new render. */
  g_assert_nonnull (chamber_page_view_get_texture (page_view));
}

/* ---- the demo --------------------------------------------------------------------------- */

static void
demo_window_body (ChamberTestApp *app, gpointer data)
{
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  GListModel *model;
  g_autoptr (ChamberAgendaItem) first = NULL;
  GtkListBoxRow *row;
  gboolean has_questioning = FALSE;
  guint n_items;

  wait_for_sync (app);

  model = chamber_session_view_get_agenda_model (view);
  g_assert_nonnull (model);
  n_items = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_items, >=, 6);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr (ChamberAgendaItem) item = agenda_item_at (model, i);

      g_test_message ("agenda: %s", chamber_agenda_item_get_title (item));
      has_questioning |= contains_casefold (chamber_agenda_item_get_title (item), "Chất vấn");
    }
  g_assert_true (has_questioning);

  /* The rows are on screen, not only in the model. */
  first = agenda_item_at (model, 0);
  assert_label_shown (GTK_WIDGET (app->window), chamber_agenda_item_get_title (first));
  g_assert_nonnull (chamber_session_view_get_title (view));
  g_assert_true (g_utf8_validate (chamber_session_view_get_title (view), -1, NULL));

  row = select_item_with_documents (view, NULL);
  g_assert_nonnull (row);
  open_row_and_check_pages (view, row);
}

static void
run_demo_window (void)
{
  run_in_app (TRUE, FALSE, demo_window_body, NULL);
}

static void
test_demo_english (void)
{
  g_assert_true (chamber_test_ui_use_locale ("C.UTF-8", NULL));
  run_demo_window ();
}

static void
test_demo_vietnamese (void)
{
  if (!chamber_test_ui_use_locale ("vi_VN.UTF-8", "vi"))
    {
      g_test_skip ("the vi_VN.UTF-8 locale is not installed (locale-gen vi_VN.UTF-8)");
      return;
    }
  run_demo_window ();
  chamber_test_ui_use_locale ("C.UTF-8", NULL);
}

static char *
read_demo_token (const char *role)
{
  g_autofree char *demo_dir = chamber_connection_get_demo_dir ();
  g_autofree char *path = g_build_filename (demo_dir, "server", "demo-tokens.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member (root, role));
}

static gboolean
role_synced (gpointer data)
{
  ChamberTestApp *app = data;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  const ChamberConnection *connection = chamber_session_view_get_connection (view);

  return connection != NULL && connection->role == CHAMBER_ROLE_CHAIR && synced (app);
}

static void
wait_for_sync_body (ChamberTestApp *app, gpointer data)
{
  wait_for_sync (app);
}

static void
reset_and_roles_body (ChamberTestApp *app, gpointer data)
{
  const char *before = data;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  g_autofree char *demo_dir = chamber_connection_get_demo_dir ();
  g_autofree char *chair_dir = g_build_filename (demo_dir, "client-chair", NULL);
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  const ChamberConnection *connection;

  wait_for_sync (app);
  after = read_demo_token ("delegate");
  g_assert_cmpstr (before, !=, after);
  connection = chamber_session_view_get_connection (view);
  g_assert_cmpint (connection->kind, ==, CHAMBER_CONNECTION_DEMO);
  g_assert_cmpint (connection->role, ==, CHAMBER_ROLE_DELEGATE);

  /* “View as: Chair” switches the token and the mirror folder, then syncs again. */
  chamber_window_set_demo_role (app->window, CHAMBER_ROLE_CHAIR);
  if (!chamber_test_pump_until (role_synced, app, WAIT_MS))
    g_error ("the chair's view did not sync: %s", chamber_session_view_get_sync_status (view));
  connection = chamber_session_view_get_connection (view);
  g_assert_cmpstr (connection->local_dir, ==, chair_dir);
  g_assert_cmpstr (chamber_session_view_get_sync_error (view), ==, NULL);
  g_assert_true (g_file_test (chair_dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (g_list_model_get_n_items (chamber_session_view_get_agenda_model (view)), >=, 6);

  /* “Reset Demo Data” (once confirmed): the spinner page, new data, the same role. */
  chamber_window_start_demo (app->window, TRUE, FALSE);
  g_assert_cmpstr (chamber_window_get_page_name (app->window), ==, "loading");
  g_assert_null (chamber_window_get_demo_error (app->window));
  g_assert_null (chamber_session_view_get_connection (view));
  wait_for_sync (app);
  again = read_demo_token ("delegate");
  g_assert_cmpstr (again, !=, after);
  connection = chamber_session_view_get_connection (view);
  g_assert_cmpint (connection->role, ==, CHAMBER_ROLE_CHAIR);
  g_assert_cmpuint (g_list_model_get_n_items (chamber_session_view_get_agenda_model (view)), >=, 6);
}

static void
test_demo_reset_and_roles (void)
{
  g_autofree char *before = NULL;

  chamber_test_ui_use_locale ("C.UTF-8", NULL);

  /* A first start, so that there is something to reset. */
  run_in_app (TRUE, FALSE, wait_for_sync_body, NULL);
  before = read_demo_token ("delegate");
  run_in_app (TRUE, TRUE, reset_and_roles_body, before);
}

static gboolean
file_gone (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
try_demo_body (ChamberTestApp *app, gpointer data)
{
  const char *config = data;
  g_autofree char *ini = NULL;

  chamber_test_ui_wait_for_window_page (app->window, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.try-demo", NULL));
  g_assert_cmpstr (chamber_window_get_page_name (app->window), ==, "loading");
  wait_for_sync (app);
  g_assert_true (chamber_test_pump_until (file_exists, (gpointer) config, 10000));
  g_assert_true (g_file_get_contents (config, &ini, NULL, NULL));
  g_assert_nonnull (strstr (ini, "mode=demo"));
}

static void
demo_remembered_body (ChamberTestApp *app, gpointer data)
{
  const char *config = data;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  ChamberDemo *demo = chamber_application_get_demo (app->application);

  /* The demo chosen last time starts again by itself. */
  wait_for_sync (app);
  g_assert_cmpint (chamber_session_view_get_connection (view)->kind, ==, CHAMBER_CONNECTION_DEMO);
  g_assert_true (chamber_demo_is_running (demo));

  /* Disconnect stops the demo server and forgets the choice. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.disconnect", NULL));
  g_assert_cmpstr (chamber_window_get_page_name (app->window), ==, "welcome");
  g_assert_false (chamber_demo_is_running (demo));
  g_assert_null (chamber_session_view_get_connection (view));
  g_assert_true (chamber_test_pump_until (file_gone, (gpointer) config, 10000));
}

static void
test_demo_remembered (void)
{
  g_autofree char *config = chamber_connection_get_config_path ();

  chamber_test_ui_use_locale ("C.UTF-8", NULL);
  g_unlink (config);
  run_in_app (FALSE, FALSE, try_demo_body, config);
  run_in_app (FALSE, FALSE, demo_remembered_body, config);
}

static gboolean
demo_error_shown (gpointer data)
{
  return chamber_window_get_demo_error (data) != NULL;
}

static void
demo_failure_body (ChamberTestApp *app, gpointer data)
{
  ChamberSessionView *view;

  g_assert_true (chamber_test_pump_until (demo_error_shown, app->window, WAIT_MS));
  g_test_message ("demo failure: %s", chamber_window_get_demo_error (app->window));
  g_assert_cmpstr (chamber_window_get_page_name (app->window), ==, "loading");
  g_assert_cmpstr (chamber_window_get_demo_error (app->window), !=, "");
  view = chamber_window_get_session_view (app->window);
  g_assert_null (chamber_session_view_get_connection (view));

  /* “Back” leads to the welcome page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.show-welcome", NULL));
  g_assert_cmpstr (chamber_window_get_page_name (app->window), ==, "welcome");
}

static void
test_demo_failure (void)
{
  g_autofree char *chamberd = g_strdup (chamber_test_chamberd_path ());
  g_autofree char *broken = g_find_program_in_path ("false");

  chamber_test_ui_use_locale ("C.UTF-8", NULL);
  g_assert_nonnull (broken);
  /* A “server” that exits at once: the error is shown, with a way back. */
  g_setenv ("CHAMBERD", broken, TRUE);
  run_in_app (TRUE, FALSE, demo_failure_body, NULL);
  g_setenv ("CHAMBERD", chamberd, TRUE);
}

/* ---- a real server ---------------------------------------------------------------------- */

static gboolean
connect_error_shown (gpointer data)
{
  return chamber_connect_page_get_error (data) != NULL;
}


static GtkListBoxRow *
find_document_row (ChamberSessionView *view, const char *title)
{
  GtkListBox *list = chamber_session_view_get_document_list (view);
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      const ChamberDocument *document = g_object_get_data (G_OBJECT (row), "document");

      if (document != NULL && g_strcmp0 (document->title, title) == 0)
        return row;
    }
  return NULL;
}

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *client;
  ChamberSession    *session;
  ChamberItem       *item;
  ChamberDocument   *document;
  char              *pdf_dir;
  char              *config;
} RoundTrip;

static void
round_trip_connect_body (ChamberTestApp *app, gpointer data)
{
  RoundTrip *rt = data;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  ChamberConnectPage *connect_page = chamber_window_get_connect_page (app->window);
  g_autofree char *pdf2 = g_build_filename (rt->pdf_dir, "to-trinh.pdf", NULL);
  g_autoptr (ChamberDocument) second = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *ini = NULL;
  gpointer args[2] = { view, NULL };
  GtkListBoxRow *row;
  struct stat st;

  /* First start: the welcome page, then the connect page. */
  chamber_test_ui_wait_for_window_page (app->window, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.show-connect", NULL));
  g_assert_cmpstr (chamber_window_get_page_name (app->window), ==, "connect");

  /* A wrong token is refused on the page, and nothing is remembered. */
  chamber_connect_page_set_values (connect_page, rt->server->url,
                                   "chm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (connect_page), "connect-page.connect",
                                             NULL));
  g_assert_true (chamber_test_pump_until (connect_error_shown, connect_page, 30000));
  g_test_message ("wrong token: %s", chamber_connect_page_get_error (connect_page));
  g_assert_cmpstr (chamber_window_get_page_name (app->window), ==, "connect");
  g_assert_false (g_file_test (rt->config, G_FILE_TEST_EXISTS));

  /* A malformed address is refused before any request. */
  chamber_connect_page_set_values (connect_page, "ftp//nowhere", rt->server->admin_token);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (connect_page), "connect-page.connect",
                                             NULL));
  g_assert_nonnull (chamber_connect_page_get_error (connect_page));
  g_test_message ("bad address: %s", chamber_connect_page_get_error (connect_page));

  /* The right pair connects, is remembered (0600) and syncs. */
  chamber_connect_page_set_values (connect_page, rt->server->url, rt->server->admin_token);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (connect_page), "connect-page.connect",
                                             NULL));
  chamber_test_ui_wait_for_window_page (app->window, "main");
  wait_for_sync (app);
  g_assert_cmpint (g_stat (rt->config, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (rt->config, &ini, NULL, NULL));
  g_assert_nonnull (strstr (ini, rt->server->url));
  g_assert_nonnull (strstr (ini, rt->server->admin_token));

  g_assert_cmpstr (chamber_session_view_get_title (view), ==, rt->session->title);
  row = select_item_with_documents (view, "dự toán ngân sách");
  g_assert_nonnull (row);
  g_assert_cmpstr (((ChamberDocument *) g_object_get_data (G_OBJECT (row), "document"))->sha256,
                   ==, rt->document->sha256);
  open_row_and_check_pages (view, row);

  /* A document published while connected arrives with the next sync (Ctrl+R). */
  chamber_test_write_pdf (pdf2, 2, "Tờ trình");
  second = chamber_client_publish (rt->client, rt->item->id, pdf2, "Tờ trình về ngân sách",
                                   CHAMBER_DOCUMENT_SUBMISSION, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (find_document_row (view, second->title));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.refresh", NULL));
  args[1] = GUINT_TO_POINTER (2);
  g_assert_true (chamber_test_pump_until (chamber_test_ui_syncs_at_least, args, WAIT_MS));
  g_assert_cmpstr (chamber_session_view_get_sync_error (view), ==, NULL);
  row = find_document_row (view, second->title);
  g_assert_nonnull (row);
  g_assert_false (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "pending")));
  open_row_and_check_pages (view, row);

  /* With the server gone, the mirror stays readable and the failure is reported. */
  chamber_test_server_stop (rt->server);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.refresh", NULL));
  args[1] = GUINT_TO_POINTER (3);
  g_assert_true (chamber_test_pump_until (chamber_test_ui_syncs_at_least, args, WAIT_MS));
  g_assert_nonnull (chamber_session_view_get_sync_error (view));
  g_test_message ("offline: %s", chamber_session_view_get_sync_error (view));
  g_assert_nonnull (find_document_row (view, second->title));
  g_assert_nonnull (find_document_row (view, rt->document->title));
}

static void
round_trip_remembered_body (ChamberTestApp *app, gpointer data)
{
  RoundTrip *rt = data;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  gpointer args[2] = { view, GUINT_TO_POINTER (1) };
  GtkListBoxRow *row;

  /* The remembered connection opens, offline, from the mirror. */
  chamber_test_ui_wait_for_window_page (app->window, "main");
  g_assert_true (chamber_test_pump_until (chamber_test_ui_syncs_at_least, args, WAIT_MS));
  g_assert_nonnull (chamber_session_view_get_sync_error (view));
  row = select_item_with_documents (view, "dự toán ngân sách");
  g_assert_nonnull (row);
  open_row_and_check_pages (view, row);

  /* Disconnect forgets the connection. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.disconnect", NULL));
  g_assert_cmpstr (chamber_window_get_page_name (app->window), ==, "welcome");
  g_assert_true (chamber_test_pump_until (file_gone, rt->config, 10000));
}

static void
test_server_round_trip (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) added = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf_dir = chamber_test_make_temp_dir ("chamber-ui-pdf-XXXXXX");
  g_autofree char *pdf = g_build_filename (pdf_dir, "bao-cao.pdf", NULL);
  g_autofree char *config = chamber_connection_get_config_path ();
  RoundTrip rt;

  chamber_test_ui_use_locale ("C.UTF-8", NULL);
  g_unlink (config);

  /* The secretariat publishes one document. */
  client = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);
  session->number = 7;
  session->title = g_strdup ("Kỳ họp thứ bảy — kiểm thử giao diện");
  created = chamber_client_create_session (client, session, NULL, &error);
  g_assert_no_error (error);
  item->session_id = created->id;
  item->title = g_strdup ("Báo cáo dự toán ngân sách năm 2025");
  item->planned_minutes = 20;
  item->position = -1;
  added = chamber_client_add_item (client, item, NULL, &error);
  g_assert_no_error (error);
  chamber_test_write_pdf (pdf, 3, "Báo cáo ngân sách");
  document = chamber_client_publish (client, added->id, pdf, "Báo cáo ngân sách tỉnh",
                                     CHAMBER_DOCUMENT_REPORT, NULL, &error);
  g_assert_no_error (error);

  rt = (RoundTrip) { server, client, created, added, document, pdf_dir, config };
  run_in_app (FALSE, FALSE, round_trip_connect_body, &rt);
  run_in_app (FALSE, FALSE, round_trip_remembered_body, &rt);

  chamber_test_rm_rf (pdf_dir);
}

/* ---- an https:// server with a self-signed certificate ----------------------------------- */

typedef struct {
  char *cert;
  char *key;
  char *fingerprint;  /* computed from the PEM, not from the server */
} Certificate;

static void
certificate_free (Certificate *certificate)
{
  g_free (certificate->cert);
  g_free (certificate->key);
  g_free (certificate->fingerprint);
  g_free (certificate);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Certificate, certificate_free)

/* A self-signed certificate for 127.0.0.1 and its key, as NAME-cert.pem and NAME-key.pem in
 * @dir; NULL (the test skipped) when openssl is not installed. */
static Certificate *
make_certificate (const char *dir, const char *name)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *cert_name = g_strdup_printf ("%s-cert.pem", name);
  g_autofree char *key_name = g_strdup_printf ("%s-key.pem", name);
  g_autoptr (GTlsCertificate) tls_certificate = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  Certificate *certificate;
  int status;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed: it generates the test's self-signed certificate");
      return NULL;
    }
  certificate = g_new0 (Certificate, 1);
  certificate->cert = g_build_filename (dir, cert_name, NULL);
  certificate->key = g_build_filename (dir, key_name, NULL);
  status = chamber_test_run ((const char *const[]) { openssl, "req", "-x509", "-newkey",
                                                     "rsa:2048", "-nodes", "-keyout",
                                                     certificate->key, "-out",
                                                     certificate->cert, "-subj",
                                                     "/CN=127.0.0.1", "-days", "2", NULL },
                             NULL, NULL, &err);
  if (status != 0)
    g_error ("openssl req failed (%d): %s", status, err);
  tls_certificate = g_tls_certificate_new_from_file (certificate->cert, &error);
  g_assert_no_error (error);
  certificate->fingerprint = chamber_tls_certificate_fingerprint (tls_certificate);
  g_assert_true (chamber_sha256_is_valid (certificate->fingerprint));
  return certificate;
}

/* @text without its spaces and line breaks. */
static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

typedef struct {
  ChamberTestServer *server;
  Certificate       *first;
  Certificate       *second;
  ChamberDocument   *document;
  char              *config;
} Pinning;

/* A mapped, sensitive button under @widget that activates @action_name. */
static gboolean
find_action_button (GtkWidget *widget, const char *action_name)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && gtk_widget_is_sensitive (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_action_button (child, action_name))
      return TRUE;
  return FALSE;
}

static gboolean
certificate_question_shown (gpointer data)
{
  AdwMessageDialog *dialog = chamber_connect_page_get_certificate_dialog (data);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
certificate_warning_shown (gpointer data)
{
  return chamber_session_view_get_certificate_warning (data, NULL, NULL);
}

static void
pinning_body (ChamberTestApp *app, gpointer data)
{
  Pinning *pinning = data;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  ChamberConnectPage *connect_page = chamber_window_get_connect_page (app->window);
  g_autofree char *shown = NULL;
  g_autofree char *ini = NULL;
  g_autofree char *pin_line = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *trusted = NULL;
  g_autofree char *presented = NULL;
  gpointer args[2] = { view, GUINT_TO_POINTER (2) };
  const char *trusted_shown = NULL;
  const char *presented_shown = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *label;
  struct stat st;

  chamber_test_ui_wait_for_window_page (app->window, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.show-connect", NULL));

  /* The first connection asks about the certificate, showing its fingerprint. */
  chamber_connect_page_set_values (connect_page, pinning->server->url,
                                   pinning->server->admin_token);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (connect_page), "connect-page.connect",
                                             NULL));
  if (!chamber_test_pump_until (certificate_question_shown, connect_page, 30000))
    g_error ("no question about the certificate; the page says “%s”",
             chamber_connect_page_get_error (connect_page));
  dialog = chamber_connect_page_get_certificate_dialog (connect_page);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (app->window));
  label = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_LABEL (label));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_true (gtk_widget_has_css_class (label, "monospace"));
  shown = strip_spaces (gtk_label_get_text (GTK_LABEL (label)));
  g_assert_cmpstr (shown, ==, pinning->first->fingerprint);
  g_assert_true (adw_message_dialog_has_response (dialog, "trust"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "cancel");
  g_assert_false (g_file_test (pinning->config, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (chamber_window_get_page_name (app->window), ==, "connect");

  /* Trusted: connected, synced, the document listed, the pin remembered. */
  adw_message_dialog_response (dialog, "trust");
  if (chamber_connect_page_get_certificate_dialog (connect_page) != NULL)
    gtk_window_destroy (GTK_WINDOW (chamber_connect_page_get_certificate_dialog (connect_page)));
  chamber_test_ui_wait_for_window_page (app->window, "main");
  wait_for_sync (app);
  g_assert_nonnull (select_item_with_documents (view, "dự toán ngân sách"));
  g_assert_nonnull (find_document_row (view, pinning->document->title));
  g_assert_false (chamber_session_view_get_certificate_warning (view, NULL, NULL));
  g_assert_cmpint (g_stat (pinning->config, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (pinning->config, &ini, NULL, NULL));
  pin_line = g_strdup_printf ("pin=%s\n", pinning->first->fingerprint);
  g_assert_nonnull (strstr (ini, pin_line));

  /* The server comes back on the same address with another certificate. */
  listen = g_strdup (pinning->server->url + strlen ("https://"));
  g_strfreev (pinning->server->serve_args);
  pinning->server->serve_args = g_strdupv ((char **) (const char *const[]) {
    "--tls-cert", pinning->second->cert, "--tls-key", pinning->second->key,
    "--listen", listen, NULL });
  chamber_test_server_restart (pinning->server);
  g_assert_true (g_str_has_suffix (pinning->server->url, listen));

  /* The next sync is refused; the warning names both fingerprints; the mirror stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.refresh", NULL));
  g_assert_true (chamber_test_pump_until (chamber_test_ui_syncs_at_least, args, WAIT_MS));
  g_assert_nonnull (chamber_session_view_get_sync_error (view));
  g_test_message ("changed: %s", chamber_session_view_get_sync_error (view));
  g_assert_true (chamber_test_pump_until (certificate_warning_shown, view, 30000));
  g_assert_true (chamber_session_view_get_certificate_warning (view, &trusted_shown,
                                                               &presented_shown));
  trusted = strip_spaces (trusted_shown);
  presented = strip_spaces (presented_shown);
  g_assert_cmpstr (trusted, ==, pinning->first->fingerprint);
  g_assert_cmpstr (presented, ==, pinning->second->fingerprint);
  assert_label_shown (GTK_WIDGET (app->window), _("The Server’s Certificate Has Changed"));
  assert_label_shown (GTK_WIDGET (app->window), trusted_shown);
  assert_label_shown (GTK_WIDGET (app->window), presented_shown);
  g_assert_true (find_action_button (GTK_WIDGET (app->window), "win.disconnect"));
  g_assert_nonnull (find_document_row (view, pinning->document->title));
}

/* The next start: the remembered connection keeps its pin, so the changed certificate is
 * refused again, with the same warning, and the mirror opens. */
static void
pinning_remembered_body (ChamberTestApp *app, gpointer data)
{
  Pinning *pinning = data;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  gpointer args[2] = { view, GUINT_TO_POINTER (1) };
  g_autofree char *trusted = NULL;
  g_autofree char *presented = NULL;
  const char *trusted_shown = NULL;
  const char *presented_shown = NULL;

  chamber_test_ui_wait_for_window_page (app->window, "main");
  g_assert_true (chamber_test_pump_until (chamber_test_ui_syncs_at_least, args, WAIT_MS));
  g_assert_nonnull (chamber_session_view_get_sync_error (view));
  g_assert_true (chamber_test_pump_until (certificate_warning_shown, view, 30000));
  g_assert_true (chamber_session_view_get_certificate_warning (view, &trusted_shown,
                                                               &presented_shown));
  trusted = strip_spaces (trusted_shown);
  presented = strip_spaces (presented_shown);
  g_assert_cmpstr (trusted, ==, pinning->first->fingerprint);
  g_assert_cmpstr (presented, ==, pinning->second->fingerprint);
  g_assert_nonnull (select_item_with_documents (view, "dự toán ngân sách"));
  g_assert_nonnull (find_document_row (view, pinning->document->title));

  /* Disconnect, offered beside the warning, forgets the connection and its pin. */
  g_assert_true (find_action_button (GTK_WIDGET (app->window), "win.disconnect"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.disconnect", NULL));
  g_assert_cmpstr (chamber_window_get_page_name (app->window), ==, "welcome");
  g_assert_true (chamber_test_pump_until (file_gone, pinning->config, 10000));
  g_assert_false (chamber_session_view_get_certificate_warning (view, NULL, NULL));
}

static void
test_server_pinned_certificate (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-ui-tls-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "bao-cao.pdf", NULL);
  g_autofree char *config = chamber_connection_get_config_path ();
  g_autoptr (Certificate) first = NULL;
  g_autoptr (Certificate) second = NULL;
  g_autoptr (ChamberTestServer) server = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) added = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  Pinning pinning;

  first = make_certificate (dir, "first");
  if (first == NULL)
    {
      chamber_test_rm_rf (dir);
      return;
    }
  second = make_certificate (dir, "second");
  g_assert_cmpstr (first->fingerprint, !=, second->fingerprint);
  chamber_test_ui_use_locale ("C.UTF-8", NULL);
  g_unlink (config);

  server = chamber_test_server_start_with_args ((const char *const[]) {
    "--tls-cert", first->cert, "--tls-key", first->key, NULL });
  g_assert_true (g_str_has_prefix (server->url, "https://127.0.0.1:"));

  /* The secretariat publishes one document, trusting the certificate it made. */
  client = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);
  chamber_client_set_pinned_certificate (client, first->fingerprint);
  session->number = 9;
  session->title = g_strdup ("Kỳ họp thứ chín — máy chủ https");
  created = chamber_client_create_session (client, session, NULL, &error);
  g_assert_no_error (error);
  item->session_id = created->id;
  item->title = g_strdup ("Báo cáo dự toán ngân sách năm 2026");
  item->planned_minutes = 15;
  item->position = -1;
  added = chamber_client_add_item (client, item, NULL, &error);
  g_assert_no_error (error);
  chamber_test_write_pdf (pdf, 2, "Báo cáo ngân sách");
  document = chamber_client_publish (client, added->id, pdf, "Báo cáo ngân sách qua https",
                                     CHAMBER_DOCUMENT_REPORT, NULL, &error);
  g_assert_no_error (error);

  pinning = (Pinning) { server, first, second, document, config };
  run_in_app (FALSE, FALSE, pinning_body, &pinning);
  run_in_app (FALSE, FALSE, pinning_remembered_body, &pinning);

  chamber_test_rm_rf (dir);
}

/* ---- damaged files in the viewer -------------------------------------------------------- */

static gboolean
viewer_settled (gpointer data)
{
  const char *state = chamber_page_view_get_state (data);

  return g_strcmp0 (state, "error") == 0 || g_strcmp0 (state, "password") == 0
         || (g_strcmp0 (state, "page") == 0 && chamber_page_view_get_texture (data) != NULL);
}

static const char *
open_in_viewer (ChamberPageView *page_view, const char *path)
{
  chamber_page_view_open (page_view, path, "test");
  if (!chamber_test_pump_until (viewer_settled, page_view, 60000))
    g_error ("the viewer did not settle on %s (state “%s”)", path,
             chamber_page_view_get_state (page_view));
  return chamber_page_view_get_state (page_view);
}

static void
test_damaged_pdf (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-ui-bad-XXXXXX");
  g_autofree char *garbage = g_build_filename (dir, "garbage.pdf", NULL);
  g_autofree char *cut = g_build_filename (dir, "cut.pdf", NULL);
  g_autofree char *good = g_build_filename (dir, "good.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  const char *corpus = chamber_test_corpus_dir ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page_view = chamber_page_view_new ();
  ChamberPageView *viewer = CHAMBER_PAGE_VIEW (page_view);
  g_autoptr (GError) error = NULL;

  chamber_test_ui_use_locale ("C.UTF-8", NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), page_view);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (chamber_page_view_get_state (viewer), ==, "empty");

  /* Random bytes: an error page with the reason, not a crash. */
  g_assert_true (g_file_set_contents (garbage, "\x13\x37 this is not a PDF \xff\xfe<html>", -1,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpstr (open_in_viewer (viewer, garbage), ==, "error");
  g_assert_nonnull (chamber_page_view_get_error_message (viewer));
  g_assert_cmpstr (chamber_page_view_get_error_message (viewer), !=, "");
  g_test_message ("garbage: %s", chamber_page_view_get_error_message (viewer));
  g_assert_cmpint (chamber_page_view_get_n_pages (viewer), ==, 0);
  gtk_widget_activate_action (page_view, "viewer.next-page", NULL);
  g_assert_cmpint (chamber_page_view_get_page (viewer), ==, 0);

  /* A real PDF cut in half. */
  chamber_test_write_pdf (good, 4, "Cắt đôi");
  g_assert_true (g_file_get_contents (good, &contents, &length, &error));
  g_assert_true (g_file_set_contents (cut, contents, length / 2, &error));
  g_assert_no_error (error);
  {
    const char *state = open_in_viewer (viewer, cut);

    /* poppler may recover some pages of a cut file: either is fine, a crash is not. */
    g_test_message ("cut in half: %s %s", state,
                    chamber_page_view_get_error_message (viewer)
                      ? chamber_page_view_get_error_message (viewer) : "");
    g_assert_true (g_str_equal (state, "error") || g_str_equal (state, "page"));
  }

  /* After an error, a good file opens in the same viewer. */
  g_assert_cmpstr (open_in_viewer (viewer, good), ==, "page");
  g_assert_cmpint (chamber_page_view_get_n_pages (viewer), ==, 4);
  assert_page_has_ink (viewer);

  if (corpus != NULL)
    {
      static const char *const bad[] = { "truncated-half.pdf", "garbage.pdf", "html-page.pdf",
                                         "empty.pdf", "header-only.pdf", "page-tree-cycle.pdf" };

      for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
        {
          g_autofree char *path = g_build_filename (corpus, "bad", bad[i], NULL);
          const char *state;

          if (!g_file_test (path, G_FILE_TEST_EXISTS))
            continue;
          state = open_in_viewer (viewer, path);
          g_test_message ("%s: %s %s", bad[i], state,
                          chamber_page_view_get_error_message (viewer)
                            ? chamber_page_view_get_error_message (viewer) : "");
          if (g_str_equal (bad[i], "truncated-half.pdf") || g_str_equal (bad[i], "garbage.pdf")
              || g_str_equal (bad[i], "empty.pdf") || g_str_equal (bad[i], "html-page.pdf"))
            {
              g_assert_cmpstr (state, ==, "error");
              g_assert_nonnull (chamber_page_view_get_error_message (viewer));
            }
        }

      {
        g_autofree char *huge = g_build_filename (corpus, "bad", "huge-page.pdf", NULL);
        g_autofree char *locked = g_build_filename (corpus, "third-party", "PasswordEncrypted.pdf",
                                                    NULL);

        /* A 14400 pt page renders within the surface cap. */
        if (g_file_test (huge, G_FILE_TEST_EXISTS))
          {
            GdkTexture *texture;

            g_assert_cmpstr (open_in_viewer (viewer, huge), ==, "page");
            texture = chamber_page_view_get_texture (viewer);
            g_assert_cmpint (gdk_texture_get_width (texture), <=, 8192);
            g_assert_cmpint (gdk_texture_get_height (texture), <=, 8192);
          }
        /* A protected document asks for its password. */
        if (g_file_test (locked, G_FILE_TEST_EXISTS))
          g_assert_cmpstr (open_in_viewer (viewer, locked), ==, "password");
      }
    }
  else
    g_test_message ("no corpus: the files of ../shared/corpus/pdf/bad were not tried");

  chamber_page_view_close (viewer);
  g_assert_cmpstr (chamber_page_view_get_state (viewer), ==, "empty");
  gtk_window_destroy (GTK_WINDOW (window));
  chamber_test_rm_rf (dir);
}


/* ---- the viewer ------------------------------------------------------------------------- */

/* A viewer in a window of its own, 1000 × 760. */
typedef struct {
  GtkWidget           *window;
  ChamberPageView     *view;
  ChamberDocumentView *pages;
  char                *dir;
} Viewer;

static Viewer *
viewer_new (void)
{
  Viewer *viewer = g_new0 (Viewer, 1);

  chamber_test_ui_use_locale ("C.UTF-8", NULL);
  viewer->dir = chamber_test_make_temp_dir ("chamber-ui-viewer-XXXXXX");
  viewer->window = gtk_window_new ();
  viewer->view = CHAMBER_PAGE_VIEW (chamber_page_view_new ());
  viewer->pages = chamber_page_view_get_document_view (viewer->view);
  gtk_window_set_default_size (GTK_WINDOW (viewer->window), 1000, 760);
  gtk_window_set_child (GTK_WINDOW (viewer->window), GTK_WIDGET (viewer->view));
  gtk_window_present (GTK_WINDOW (viewer->window));
  return viewer;
}

static void
viewer_free (Viewer *viewer)
{
  gtk_window_destroy (GTK_WINDOW (viewer->window));
  chamber_test_rm_rf (viewer->dir);
  g_free (viewer->dir);
  g_free (viewer);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Viewer, viewer_free)

static char *
viewer_path (Viewer *viewer, const char *name)
{
  return g_build_filename (viewer->dir, name, NULL);
}

/* What each page of a generated PDF holds, besides its heading. */
typedef struct {
  const char *label;     /* the page label, or NULL */
  const char *line;      /* a line of text at (60, 200), 20 pt, or NULL */
  const char *outline;   /* an outline entry leading here, or NULL */
  gboolean    child;     /* the entry goes under the previous top-level one */
} PageSpec;

/* Writes a PDF of @n_pages A4 pages with cairo: each has a heading “Trang N” and, from @specs
 * (or NULL), a label, a line of text and an outline entry. */
static void
write_spec_pdf (const char *path, int n_pages, const PageSpec *specs)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (int i = 0; i < n_pages; i++)
    {
      const PageSpec *spec = specs != NULL ? &specs[i] : NULL;
      g_autofree char *heading = g_strdup_printf ("Trang %d", i + 1);

      if (spec != NULL && spec->label != NULL)
        cairo_pdf_surface_set_page_label (surface, spec->label);
      if (spec != NULL && spec->outline != NULL)
        {
          g_autofree char *target = g_strdup_printf ("page=%d", i + 1);
          int id = cairo_pdf_surface_add_outline (surface, spec->child ? parent
                                                                       : CAIRO_PDF_OUTLINE_ROOT,
                                                  spec->outline, target, 0);

          if (!spec->child)
            parent = id;
        }
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 28);
      cairo_move_to (cr, 60, 120);
      cairo_show_text (cr, heading);
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 20);
      if (spec != NULL && spec->line != NULL)
        {
          cairo_move_to (cr, 60, 200);
          cairo_show_text (cr, spec->line);
        }
      cairo_set_font_size (cr, 12);
      for (int line = 0; line < 10; line++)
        {
          cairo_move_to (cr, 60, 300 + line * 20);
          cairo_show_text (cr, "Kỳ họp thứ mười, Hội đồng nhân dân tỉnh An Hòa.");
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static gboolean
texture_shown (gpointer data)
{
  return chamber_page_view_get_texture (data) != NULL;
}

static void
open_and_wait (Viewer *viewer, const char *path)
{
  chamber_page_view_open (viewer->view, path, "test");
  if (!chamber_test_pump_until (texture_shown, viewer->view, 60000))
    g_error ("no rendering of %s within 60 s (state “%s”: %s)", path,
             chamber_page_view_get_state (viewer->view),
             chamber_page_view_get_error_message (viewer->view));
  g_assert_cmpstr (chamber_page_view_get_state (viewer->view), ==, "page");
}

typedef struct {
  ChamberPageView *view;
  int              width;   /* a rendering of another width than this */
} TextureChange;

static gboolean
texture_width_changed (gpointer data)
{
  TextureChange *change = data;
  GdkTexture *texture = chamber_page_view_get_texture (change->view);

  return texture != NULL && gdk_texture_get_width (texture) != change->width;
}

static GdkTexture *
wait_for_new_width (Viewer *viewer, GdkTexture *old)
{
  TextureChange change = { viewer->view, gdk_texture_get_width (old) };

  if (!chamber_test_pump_until (texture_width_changed, &change, 60000))
    g_error ("the rendering stayed %d pixels wide", change.width);
  return chamber_page_view_get_texture (viewer->view);
}

static void
test_viewer_zoom (void)
{
  g_autoptr (Viewer) viewer = viewer_new ();
  g_autofree char *pdf = viewer_path (viewer, "zoom.pdf");
  GtkWidget *area = GTK_WIDGET (viewer->pages);
  int scale_factor, width, height;
  GdkTexture *texture;

  chamber_test_write_pdf (pdf, 3, "Thu phóng");
  open_and_wait (viewer, pdf);
  scale_factor = gtk_widget_get_scale_factor (area);

  /* Fit width (the default): the page as wide as the view, less its margins. */
  texture = chamber_page_view_get_texture (viewer->view);
  width = gtk_widget_get_width (area) - 24;
  g_test_message ("fit width: view %d, texture %d × %d", gtk_widget_get_width (area),
                  gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  g_assert_cmpint (ABS (gdk_texture_get_width (texture) - width * scale_factor), <=,
                   2 * scale_factor);

  /* Fit page: the whole A4 page in the view's height, so narrower than the width. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.zoom-fit-page",
                                             NULL));
  texture = wait_for_new_width (viewer, texture);
  height = gtk_widget_get_height (area) - 24;
  g_test_message ("fit page: view height %d, texture %d × %d", gtk_widget_get_height (area),
                  gdk_texture_get_width (texture), gdk_texture_get_height (texture));
  g_assert_cmpint (ABS (gdk_texture_get_height (texture) - height * scale_factor), <=,
                   2 * scale_factor);
  g_assert_cmpint (gdk_texture_get_width (texture), <, width * scale_factor);

  /* 200 %: twice an A4 page's printed size at 96 dpi. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.zoom-set", "d",
                                             200.0));
  texture = wait_for_new_width (viewer, texture);
  g_test_message ("200 %%: texture %d × %d", gdk_texture_get_width (texture),
                  gdk_texture_get_height (texture));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, (int) ceil (595 * 2 * 96.0 / 72
                                                                    * scale_factor - 0.01));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, (int) ceil (842 * 2 * 96.0 / 72
                                                                     * scale_factor - 0.01));

  /* Ctrl+minus goes down a step; Ctrl+0 fits the width again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.zoom-out", NULL));
  g_assert_cmpfloat (chamber_document_view_get_zoom (viewer->pages), <, 2 * 96.0 / 72);
  texture = wait_for_new_width (viewer, texture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.zoom-fit", NULL));
  texture = wait_for_new_width (viewer, texture);
  g_assert_cmpint (ABS (gdk_texture_get_width (texture) - width * scale_factor), <=,
                   2 * scale_factor);
}

typedef struct {
  ChamberDocumentView *pages;
  int                  page;
} PageTexture;

static gboolean
page_texture_shown (gpointer data)
{
  PageTexture *wanted = data;

  return chamber_document_view_get_page_texture (wanted->pages, wanted->page) != NULL;
}

static gboolean
page_texture_gone (gpointer data)
{
  return !page_texture_shown (data);
}


/* Whether the scrolled view is less than two windows high: one page in single-page mode. */
static gboolean
holds_one_page (gpointer data)
{
  GtkAdjustment *vadjustment = data;

  return gtk_adjustment_get_upper (vadjustment) < 2 * gtk_adjustment_get_page_size (vadjustment);
}

static void
test_viewer_continuous (void)
{
  g_autoptr (Viewer) viewer = viewer_new ();
  g_autofree char *pdf = viewer_path (viewer, "long.pdf");
  GtkAdjustment *vadjustment;
  PageTexture last = { NULL, 39 };

  chamber_test_write_pdf (pdf, 40, "Cuộn liên tục");
  open_and_wait (viewer, pdf);
  last.pages = viewer->pages;
  g_assert_cmpint (chamber_page_view_get_n_pages (viewer->view), ==, 40);
  g_assert_null (chamber_document_view_get_page_texture (viewer->pages, 39));

  /* Every page has its place from the start: 40 pages stacked are far taller than the view. */
  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (viewer->pages));
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >,
                     30 * gtk_adjustment_get_page_size (vadjustment));

  /* Scrolled to the end, the last page is rendered; the first pages are let go. */
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment)
                                           - gtk_adjustment_get_page_size (vadjustment));
  if (!chamber_test_pump_until (page_texture_shown, &last, 60000))
    g_error ("the last page was not rendered");
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), >=, 39);
  for (int i = 0; i < 30; i++)
    g_assert_null (chamber_document_view_get_page_texture (viewer->pages, i));

  /* Back to the first page (Ctrl+Home): the last one is let go in turn. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.first-page",
                                             NULL));
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), ==, 1);
  if (!chamber_test_pump_until (texture_shown, viewer->view, 60000))
    g_error ("the first page was not rendered again");
  if (!chamber_test_pump_until (page_texture_gone, &last, 10000))
    g_error ("the last page kept its rendering");
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), <,
                     gtk_adjustment_get_page_size (vadjustment));

  /* One page at a time: the next page replaces the first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.continuous",
                                             NULL));
  g_assert_false (chamber_document_view_get_continuous (viewer->pages));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.next-page",
                                             NULL));
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), ==, 2);
  if (!chamber_test_pump_until (texture_shown, viewer->view, 60000))
    g_error ("the second page was not rendered in single-page mode");
  last.page = 0;
  if (!chamber_test_pump_until (page_texture_gone, &last, 10000))
    g_error ("the first page still shows in single-page mode");
  /* The scrolled height follows at the next layout of the view, one page high. */
  if (!chamber_test_pump_until (holds_one_page, vadjustment, 10000))
    g_error ("the view is %g high in single-page mode, for a window %g high",
             gtk_adjustment_get_upper (vadjustment), gtk_adjustment_get_page_size (vadjustment));
}

/* Six pages; pages 2 and 5 (only) say “thẩm định đất đai”. */
static const PageSpec find_pages[] = {
  { NULL, "Mở đầu kỳ họp", NULL, FALSE },
  { NULL, "Báo cáo thẩm định đất đai", NULL, FALSE },
  { NULL, "Chương trình làm việc", NULL, FALSE },
  { NULL, "Tờ trình ngân sách", NULL, FALSE },
  { NULL, "Kết luận thẩm định đất đai", NULL, FALSE },
  { NULL, "Bế mạc", NULL, FALSE },
};

static gboolean
find_done (gpointer data)
{
  return !chamber_document_view_get_finding (data);
}

static void
find_and_wait (Viewer *viewer, const char *query)
{
  chamber_page_view_find (viewer->view, query);
  if (!chamber_test_pump_until (find_done, viewer->pages, 60000))
    g_error ("find “%s” did not end", query);
  g_test_message ("find “%s”: %s", query, chamber_page_view_get_find_status (viewer->view));
}

static void
test_viewer_find (void)
{
  g_autoptr (Viewer) viewer = viewer_new ();
  g_autofree char *pdf = viewer_path (viewer, "find.pdf");

  write_spec_pdf (pdf, G_N_ELEMENTS (find_pages), find_pages);
  open_and_wait (viewer, pdf);

  /* The word as written: two matches, the first current, on page 2. */
  find_and_wait (viewer, "thẩm định");
  g_assert_cmpuint (chamber_document_view_get_n_matches (viewer->pages), ==, 2);
  g_assert_cmpuint (chamber_document_view_get_current_match (viewer->pages), ==, 1);
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), ==, 2);
  g_assert_cmpstr (chamber_page_view_get_find_status (viewer->view), ==, "1 of 2");

  /* Next goes to page 5, and round to page 2 again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.find-next",
                                             NULL));
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), ==, 5);
  g_assert_cmpstr (chamber_page_view_get_find_status (viewer->view), ==, "2 of 2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.find-next",
                                             NULL));
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.find-previous",
                                             NULL));
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), ==, 5);

  /* Without diacritics, in capitals, and đ as d. */
  find_and_wait (viewer, "tham dinh");
  g_assert_cmpuint (chamber_document_view_get_n_matches (viewer->pages), ==, 2);
  find_and_wait (viewer, "THAM ĐỊNH");
  g_assert_cmpuint (chamber_document_view_get_n_matches (viewer->pages), ==, 2);
  find_and_wait (viewer, "dat dai");
  g_assert_cmpuint (chamber_document_view_get_n_matches (viewer->pages), ==, 2);

  /* Nothing found says so. */
  find_and_wait (viewer, "biên bản");
  g_assert_cmpuint (chamber_document_view_get_n_matches (viewer->pages), ==, 0);
  g_assert_cmpuint (chamber_document_view_get_current_match (viewer->pages), ==, 0);
  g_assert_cmpstr (chamber_page_view_get_find_status (viewer->view), ==, "No matches");

  /* Closing the find bar clears the matches. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.find-mode", NULL));
  find_and_wait (viewer, "dat dai");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.find-mode", NULL));
  g_assert_cmpuint (chamber_document_view_get_n_matches (viewer->pages), ==, 0);
}

static gboolean
thumbnail_shown (gpointer data)
{
  return chamber_page_sidebar_get_thumbnail (data, 0) != NULL;
}

static void
test_viewer_thumbnails (void)
{
  g_autoptr (Viewer) viewer = viewer_new ();
  g_autofree char *pdf = viewer_path (viewer, "thumbnails.pdf");
  ChamberPageSidebar *sidebar = chamber_page_view_get_sidebar (viewer->view);
  GtkListView *list = chamber_page_sidebar_get_thumbnail_list (sidebar);
  GtkSelectionModel *model;
  GdkTexture *thumbnail;

  write_spec_pdf (pdf, G_N_ELEMENTS (find_pages), find_pages);
  open_and_wait (viewer, pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.show-sidebar",
                                             NULL));

  /* One row per page; the first page's thumbnail arrives, small. */
  model = gtk_list_view_get_model (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 6);
  if (!chamber_test_pump_until (thumbnail_shown, sidebar, 60000))
    g_error ("no thumbnail of the first page");
  thumbnail = chamber_page_sidebar_get_thumbnail (sidebar, 0);
  g_assert_cmpint (gdk_texture_get_width (thumbnail), <, 400);
  g_assert_cmpint (gdk_texture_get_height (thumbnail), >, gdk_texture_get_width (thumbnail));
  g_assert_true (gtk_selection_model_is_selected (model, 0));

  /* Clicking the third shows page 3, which is highlighted. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 2));
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), ==, 3);
  g_assert_true (gtk_selection_model_is_selected (model, 2));
  g_assert_false (gtk_selection_model_is_selected (model, 0));
}

/* ---- instant open ------------------------------------------------------------------------ */

/* What page 1 of the document view went through, in order: "P" its preview went on screen,
 * "R" its sharp rendering arrived; and the frames painted with nothing on it in between. */
typedef struct {
  ChamberDocumentView *pages;
  GString             *events;
  guint                blank_frames;
} FirstPage;

static void
first_page_previewed_cb (ChamberDocumentView *pages, int page, FirstPage *first)
{
  if (page == 0)
    g_string_append_c (first->events, 'P');
}

static void
first_page_rendered_cb (ChamberDocumentView *pages, int page, FirstPage *first)
{
  if (page == 0)
    g_string_append_c (first->events, 'R');
}

/* Once the preview is on screen, every frame shows page 1 with the preview or the sharp one. */
static gboolean
first_page_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
  FirstPage *first = data;

  if (first->events->len > 0 && !chamber_document_view_get_page_is_preview (first->pages, 0)
      && chamber_document_view_get_page_texture (first->pages, 0) == NULL)
    first->blank_frames++;
  return G_SOURCE_CONTINUE;
}

static gboolean
events_are (gpointer data)
{
  FirstPage *first = data;

  return g_str_equal (first->events->str, g_object_get_data (G_OBJECT (first->pages),
                                                              "wanted"));
}

static gboolean
worker_opened (gpointer data)
{
  return chamber_render_worker_is_opened (data);
}

static gboolean
previews_loaded (gpointer data)
{
  /* The last file of the set: the third page's thumbnail. */
  return chamber_preview_loader_get_thumbnail (data, 2) != NULL;
}

typedef struct {
  ChamberPageSidebar *sidebar;
  GdkTexture         *texture;   /* a thumbnail other than this */
} ThumbnailChange;

static gboolean
thumbnail_is_not (gpointer data)
{
  ThumbnailChange *change = data;
  GdkTexture *texture = chamber_page_sidebar_get_thumbnail (change->sidebar, 0);

  return texture != NULL && texture != change->texture;
}

/* A synced document whose previews exist shows page 1 and its thumbnail from them before the
 * worker has rendered anything, and the sharp renderings replace them without a blank frame.
 * The worker is held (frozen) until the previews are on screen, so the order is certain. */
static void
test_viewer_instant_open (void)
{
  g_autoptr (Viewer) viewer = viewer_new ();
  g_autofree char *pdf = viewer_path (viewer, "instant.pdf");
  g_autofree char *db = viewer_path (viewer, "chamber.db");
  g_autofree char *previews_dir = NULL;
  g_autofree char *beside_store = viewer_path (viewer, "previews");
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberRenderWorker) worker = NULL;
  g_autoptr (ChamberPreviewLoader) loader = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) events = g_string_new (NULL);
  GtkWidget *window, *scrolled, *box;
  ChamberDocumentView *pages;
  ChamberPageSidebar *sidebar;
  ThumbnailChange change;
  FirstPage first;
  GdkTexture *preview;
  char sha256[65];
  guint tick;

  write_spec_pdf (pdf, 3, NULL);
  g_assert_true (chamber_sha256_file (pdf, sha256, NULL, NULL, &error));
  g_assert_no_error (error);
  store = chamber_store_open (db, &error);
  g_assert_no_error (error);
  /* The sync writes the previews beside the mirror's store. */
  previews_dir = chamber_preview_loader_dir_for_store (store);
  g_assert_cmpstr (previews_dir, ==, beside_store);
  g_assert_null (chamber_preview_loader_new (previews_dir, sha256));
  g_assert_true (chamber_preview_generate (previews_dir, sha256, pdf, NULL, &error));
  g_assert_no_error (error);

  /* The previews decode off the UI thread: pages first, then thumbnails. */
  loader = chamber_preview_loader_new (previews_dir, sha256);
  g_assert_nonnull (loader);
  if (!chamber_test_pump_until (previews_loaded, loader, 60000))
    g_error ("the previews of %s were not decoded", pdf);
  preview = chamber_preview_loader_get_page (loader, 0);
  g_assert_cmpint (gdk_texture_get_width (preview), ==, CHAMBER_PREVIEW_WIDTH);
  g_assert_nonnull (chamber_preview_loader_get_page (loader, 1));
  g_assert_null (chamber_preview_loader_get_page (loader, 2));
  g_assert_cmpint (gdk_texture_get_width (chamber_preview_loader_get_thumbnail (loader, 0)), ==,
                   CHAMBER_PREVIEW_THUMB_WIDTH);
  g_assert_null (chamber_preview_loader_get_thumbnail (loader, 3));

  /* An opened worker that renders nothing yet. */
  worker = chamber_render_worker_new (pdf, NULL);
  if (!chamber_test_pump_until (worker_opened, worker, 60000))
    g_error ("%s did not open", pdf);
  chamber_render_worker_freeze (worker);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  sidebar = CHAMBER_PAGE_SIDEBAR (chamber_page_sidebar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (sidebar), 180, -1);
  pages = CHAMBER_DOCUMENT_VIEW (chamber_document_view_new ());
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (pages));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (sidebar));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_window_set_child (GTK_WINDOW (window), box);

  first = (FirstPage) { pages, events, 0 };
  g_signal_connect (pages, "page-previewed", G_CALLBACK (first_page_previewed_cb), &first);
  g_signal_connect (pages, "page-rendered", G_CALLBACK (first_page_rendered_cb), &first);
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (pages), first_page_tick_cb, &first, NULL);
  chamber_document_view_set_worker (pages, worker);
  chamber_document_view_set_previews (pages, loader);
  chamber_page_sidebar_set_worker (sidebar, worker);
  chamber_page_sidebar_set_previews (sidebar, loader);
  gtk_window_present (GTK_WINDOW (window));

  /* Page 1 shows its preview, and so does its thumbnail; neither is the sharp rendering. */
  g_object_set_data (G_OBJECT (pages), "wanted", (gpointer) "P");
  if (!chamber_test_pump_until (events_are, &first, 60000))
    g_error ("page 1 went through “%s”, not its preview", events->str);
  g_assert_true (chamber_document_view_get_page_is_preview (pages, 0));
  g_assert_null (chamber_document_view_get_page_texture (pages, 0));
  change = (ThumbnailChange) { sidebar, NULL };
  if (!chamber_test_pump_until (thumbnail_is_not, &change, 60000))
    g_error ("no thumbnail of page 1 from the preview");
  g_assert_true (chamber_page_sidebar_get_thumbnail (sidebar, 0)
                 == chamber_preview_loader_get_thumbnail (loader, 0));

  /* The worker goes on: its renderings replace the previews, with no blank frame between. */
  chamber_render_worker_thaw (worker);
  g_object_set_data (G_OBJECT (pages), "wanted", (gpointer) "PR");
  if (!chamber_test_pump_until (events_are, &first, 60000))
    g_error ("page 1 went through “%s”, not its preview then its rendering", events->str);
  g_assert_false (chamber_document_view_get_page_is_preview (pages, 0));
  g_assert_nonnull (chamber_document_view_get_page_texture (pages, 0));
  g_assert_true (chamber_document_view_get_page_texture (pages, 0) != preview);
  change.texture = chamber_preview_loader_get_thumbnail (loader, 0);
  if (!chamber_test_pump_until (thumbnail_is_not, &change, 60000))
    g_error ("the thumbnail of page 1 stayed the preview");
  g_assert_cmpuint (first.blank_frames, ==, 0);
  gtk_widget_remove_tick_callback (GTK_WIDGET (pages), tick);
  g_signal_handlers_disconnect_by_data (pages, &first);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The viewer finds the previews of a document of the mirror by itself, and ends sharp. */
  chamber_page_view_open_document (viewer->view, pdf, "instant", store, sha256);
  if (!chamber_test_pump_until (texture_shown, viewer->view, 60000))
    g_error ("no rendering of %s", pdf);
  g_assert_cmpstr (chamber_page_view_get_state (viewer->view), ==, "page");
  g_assert_false (chamber_document_view_get_page_is_preview (viewer->pages, 0));
}

/* Five pages labelled i, ii, 1, 2, 3, with an outline of two chapters and an article. */
static const PageSpec outline_pages[] = {
  { "i", "Mục lục", NULL, FALSE },
  { "ii", "Lời nói đầu", NULL, FALSE },
  { "1", "Chương I", "Chương I. Quy định chung", FALSE },
  { "2", "Điều 1", "Điều 1. Phạm vi điều chỉnh", TRUE },
  { "3", "Chương II", "Chương II. Tổ chức thực hiện", FALSE },
};

static gboolean
outline_shown (gpointer data)
{
  return chamber_page_sidebar_get_has_outline (data);
}

static void
test_viewer_outline (void)
{
  g_autoptr (Viewer) viewer = viewer_new ();
  g_autofree char *pdf = viewer_path (viewer, "outline.pdf");
  g_autofree char *plain = viewer_path (viewer, "plain.pdf");
  ChamberPageSidebar *sidebar = chamber_page_view_get_sidebar (viewer->view);
  GtkListView *list = chamber_page_sidebar_get_outline_list (sidebar);
  GListModel *model;
  g_autoptr (GtkTreeListRow) row = NULL;
  g_autoptr (ChamberOutlineItem) item = NULL;

  write_spec_pdf (pdf, G_N_ELEMENTS (outline_pages), outline_pages);
  open_and_wait (viewer, pdf);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.show-sidebar",
                                             NULL));
  if (!chamber_test_pump_until (outline_shown, sidebar, 60000))
    g_error ("the outline tab did not show");
  chamber_page_sidebar_show_outline (sidebar);

  /* Two chapters at the top, the article under the first. */
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  row = g_list_model_get_item (model, 0);
  item = gtk_tree_list_row_get_item (row);
  g_assert_cmpstr (chamber_outline_item_get_title (item), ==, "Chương I. Quy định chung");
  g_assert_true (gtk_tree_list_row_is_expandable (row));
  gtk_tree_list_row_set_expanded (row, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_clear_object (&item);
  g_clear_object (&row);
  row = g_list_model_get_item (model, 2);
  item = gtk_tree_list_row_get_item (row);
  g_assert_cmpstr (chamber_outline_item_get_title (item), ==, "Chương II. Tổ chức thực hiện");

  /* Activating an entry goes to its page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 2));
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), ==, 5);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (list), "list.activate-item", "u", 1));
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), ==, 4);

  /* Page labels: “ii (2 / 5)”, and go-to-page takes a label or a number. */
  g_assert_true (chamber_page_view_go_to_label (viewer->view, "ii"));
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), ==, 2);
  g_assert_cmpstr (chamber_page_view_get_page_label (viewer->view), ==, "ii (2 / 5)");
  g_assert_true (chamber_page_view_go_to_label (viewer->view, "3"));
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), ==, 5);
  g_assert_cmpstr (chamber_page_view_get_page_label (viewer->view), ==, "3 (5 / 5)");
  g_assert_false (chamber_page_view_go_to_label (viewer->view, "iv"));
  g_assert_false (chamber_page_view_go_to_label (viewer->view, "99"));
  g_assert_cmpint (chamber_page_view_get_page (viewer->view), ==, 5);

  /* A PDF without an outline has no outline tab, and no labels but its numbers. */
  write_spec_pdf (plain, 2, NULL);
  open_and_wait (viewer, plain);
  g_assert_false (chamber_page_sidebar_get_has_outline (sidebar));
  g_assert_cmpstr (chamber_page_view_get_page_label (viewer->view), ==, "Page 1 of 2");
}

static gboolean
viewer_settled_after_loading (gpointer data)
{
  return g_strcmp0 (chamber_page_view_get_state (data), "loading") != 0 && viewer_settled (data);
}

static const char *
wait_settled (ChamberPageView *view)
{
  if (!chamber_test_pump_until (viewer_settled_after_loading, view, 60000))
    g_error ("the viewer did not settle (state “%s”)", chamber_page_view_get_state (view));
  return chamber_page_view_get_state (view);
}

static void
test_viewer_password (void)
{
  g_autoptr (Viewer) viewer = viewer_new ();
  g_autofree char *locked = g_build_filename (chamber_test_data_dir (),
                                              "pdf-password-encrypted.pdf", NULL);
  g_autofree char *db = viewer_path (viewer, "chamber.db");
  g_autofree char *key = NULL;
  g_autofree char *remembered = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GError) error = NULL;
  char sha256[65];

  store = chamber_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_sha256_file (locked, sha256, NULL, NULL, &error));
  g_assert_no_error (error);
  key = g_strconcat ("pdf-password:", sha256, NULL);

  /* Asked for, nothing said yet. */
  chamber_page_view_open_document (viewer->view, locked, "locked", store, sha256);
  g_assert_cmpstr (wait_settled (viewer->view), ==, "password");
  g_assert_null (chamber_page_view_get_password_error (viewer->view));

  /* A wrong password says so and is not remembered. */
  chamber_page_view_unlock (viewer->view, "wrong", TRUE);
  g_assert_cmpstr (wait_settled (viewer->view), ==, "password");
  g_assert_nonnull (chamber_page_view_get_password_error (viewer->view));
  g_test_message ("wrong password: %s", chamber_page_view_get_password_error (viewer->view));
  g_assert_null (chamber_store_get_setting (store, key));

  /* The right one shows the page and, asked to, is remembered on this laptop. */
  chamber_page_view_unlock (viewer->view, "password", TRUE);
  g_assert_cmpstr (wait_settled (viewer->view), ==, "page");
  g_assert_cmpint (chamber_page_view_get_n_pages (viewer->view), ==, 1);
  remembered = chamber_store_get_setting (store, key);
  g_assert_cmpstr (remembered, ==, "password");

  /* The next time it opens without asking. */
  chamber_page_view_close (viewer->view);
  chamber_page_view_open_document (viewer->view, locked, "locked", store, sha256);
  g_assert_cmpstr (wait_settled (viewer->view), ==, "page");

  /* A remembered password that no longer opens it is forgotten, and asked for again. */
  g_assert_true (chamber_store_set_setting (store, key, "stale", &error));
  g_assert_no_error (error);
  chamber_page_view_open_document (viewer->view, locked, "locked", store, sha256);
  g_assert_cmpstr (wait_settled (viewer->view), ==, "password");
  g_assert_null (chamber_page_view_get_password_error (viewer->view));
  g_assert_null (chamber_store_get_setting (store, key));

  /* Without “Remember”, nothing is kept. */
  chamber_page_view_unlock (viewer->view, "password", FALSE);
  g_assert_cmpstr (wait_settled (viewer->view), ==, "page");
  g_assert_null (chamber_store_get_setting (store, key));
}

typedef struct {
  guint changes;
  char *text;
  gboolean done;
} ClipboardRead;

static void
clipboard_changed_cb (GdkClipboard *clipboard, ClipboardRead *read)
{
  read->changes++;
}

static void
clipboard_read_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  ClipboardRead *read = data;
  g_autoptr (GError) error = NULL;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
  read->done = TRUE;
}

static gboolean
clipboard_changed (gpointer data)
{
  return ((ClipboardRead *) data)->changes > 0;
}

static gboolean
clipboard_read (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

static const PageSpec copy_pages[] = {
  { NULL, "Biên bản kỳ họp thứ mười", NULL, FALSE },
  { NULL, "Trang sau", NULL, FALSE },
};

static void
test_viewer_copy (void)
{
  g_autoptr (Viewer) viewer = viewer_new ();
  g_autofree char *pdf = viewer_path (viewer, "copy.pdf");
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (viewer->view));
  ClipboardRead read = { 0, NULL, FALSE };
  gulong handler;

  write_spec_pdf (pdf, G_N_ELEMENTS (copy_pages), copy_pages);
  open_and_wait (viewer, pdf);
  g_assert_false (chamber_document_view_get_has_selection (viewer->pages));

  /* A drag from left of the line at y = 200 pt to past its end selects exactly that line. */
  chamber_document_view_select (viewer->pages, 0, 40, 195, 0, 590, 195);
  g_assert_true (chamber_document_view_get_has_selection (viewer->pages));
  handler = g_signal_connect (clipboard, "changed", G_CALLBACK (clipboard_changed_cb), &read);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.copy", NULL));
  if (!chamber_test_pump_until (clipboard_changed, &read, 60000))
    g_error ("nothing was copied");
  g_signal_handler_disconnect (clipboard, handler);

  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, &read);
  g_assert_true (chamber_test_pump_until (clipboard_read, &read, 10000));
  g_assert_cmpstr (read.text, ==, "Biên bản kỳ họp thứ mười");
  g_free (read.text);

  /* Across a page break: the end of page 1 and the start of page 2, a line break between. */
  read = (ClipboardRead) { 0, NULL, FALSE };
  chamber_document_view_select (viewer->pages, 0, 40, 495, 1, 590, 195);
  handler = g_signal_connect (clipboard, "changed", G_CALLBACK (clipboard_changed_cb), &read);
  chamber_document_view_copy (viewer->pages);
  if (!chamber_test_pump_until (clipboard_changed, &read, 60000))
    g_error ("nothing was copied across pages");
  g_signal_handler_disconnect (clipboard, handler);
  gdk_clipboard_read_text_async (clipboard, NULL, clipboard_read_cb, &read);
  g_assert_true (chamber_test_pump_until (clipboard_read, &read, 10000));
  g_test_message ("across pages: “%s”", read.text);
  g_assert_true (g_str_has_prefix (read.text, "Kỳ họp thứ mười, Hội đồng nhân dân tỉnh An Hòa."));
  g_assert_true (g_str_has_suffix (read.text, "\nTrang 2\nTrang sau"));
  g_free (read.text);

  chamber_document_view_clear_selection (viewer->pages);
  g_assert_false (chamber_document_view_get_has_selection (viewer->pages));
}

/* The colour of the widget's pixel (@x, @y) as it draws itself now: 0xRRGGBB. */
static guint32
widget_pixel (GtkWidget *widget, int x, int y)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree guchar *data = g_malloc ((gsize) width * height * 4);
  const guchar *p;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_texture_download (texture, data, (gsize) width * 4);
  p = data + ((gsize) y * width + x) * 4;  /* B G R A */
  return (p[2] << 16) | (p[1] << 8) | p[0];
}

static void
test_viewer_dark_pages (void)
{
  g_autoptr (Viewer) viewer = viewer_new ();
  g_autofree char *pdf = viewer_path (viewer, "dark.pdf");
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkWidget *pages;
  guint32 light, dark, plain;

  write_spec_pdf (pdf, 1, NULL);
  open_and_wait (viewer, pdf);
  pages = GTK_WIDGET (viewer->pages);

  /* A point of the page's white margin. */
  light = widget_pixel (pages, 30, 30);
  g_test_message ("light style: %06x", light);
  g_assert_cmphex (light, ==, 0xffffff);

  /* Dark style with the option on: the page turns dark. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.invert-colors",
                                             NULL));
  g_assert_true (chamber_document_view_get_invert_colors (viewer->pages));
  dark = widget_pixel (pages, 30, 30);
  g_test_message ("dark style, inverted: %06x", dark);
  g_assert_cmphex (dark & 0xff, <, 0x40);

  /* With the option off, pages stay as printed in the dark style too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (viewer->view), "viewer.invert-colors",
                                             NULL));
  plain = widget_pixel (pages, 30, 30);
  g_assert_cmphex (plain, ==, 0xffffff);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* ---- chamber FILE.pdf ------------------------------------------------------------------- */

typedef struct {
  char                *first;   /* opened from the command line */
  char                *second;  /* then with g_application_open() */
  ChamberViewerWindow *window;
  gboolean             checked;
} OpenFile;

static ChamberViewerWindow *
find_viewer_window (GtkApplication *application, GFile *file)
{
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (CHAMBER_IS_VIEWER_WINDOW (l->data)
        && g_file_equal (chamber_viewer_window_get_file (l->data), file))
      return l->data;
  return NULL;
}

static void
check_viewer_window (ChamberViewerWindow *window, const char *name, int n_pages)
{
  ChamberPageView *view = chamber_viewer_window_get_page_view (window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, name);
  g_assert_cmpstr (wait_settled (view), ==, "page");
  g_assert_cmpint (chamber_page_view_get_n_pages (view), ==, n_pages);
  assert_page_has_ink (view);
}

static gboolean
open_file_idle (gpointer data)
{
  GtkApplication *application = data;
  OpenFile *open = g_object_get_data (G_OBJECT (application), "open-file");
  g_autoptr (GFile) first = g_file_new_for_path (open->first);
  g_autoptr (GFile) second = g_file_new_for_path (open->second);
  ChamberViewerWindow *window;

  /* `chamber FILE.pdf`: a window with just the viewer, no main window, no server. */
  window = find_viewer_window (application, first);
  g_assert_nonnull (window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (application)), ==, 1);
  check_viewer_window (window, "first.pdf", 2);

  /* Another file for the running instance: a second viewer window. */
  g_application_open (G_APPLICATION (application), &second, 1, "");
  window = find_viewer_window (application, second);
  g_assert_nonnull (window);
  check_viewer_window (window, "second.pdf", 3);

  open->checked = TRUE;
  while (gtk_application_get_windows (application) != NULL)
    gtk_window_destroy (gtk_application_get_windows (application)->data);
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *application, GtkWindow *window)
{
  g_signal_handlers_disconnect_by_func (application, window_added_cb, NULL);
  g_idle_add (open_file_idle, application);
}

static void
test_open_file (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-ui-open-XXXXXX");
  g_autofree char *first = g_build_filename (dir, "first.pdf", NULL);
  g_autofree char *second = g_build_filename (dir, "second.pdf", NULL);
  OpenFile open = { first, second, NULL, FALSE };
  char *argv[] = { (char *) "chamber", first, NULL };
  ChamberApplication *application;
  int status;

  chamber_test_ui_use_locale ("C.UTF-8", NULL);
  chamber_test_write_pdf (first, 2, "Tệp trên USB");
  chamber_test_write_pdf (second, 3, "Tệp thứ hai");

  application = chamber_application_new (G_APPLICATION_HANDLES_COMMAND_LINE
                                         | G_APPLICATION_HANDLES_OPEN
                                         | G_APPLICATION_NON_UNIQUE);
  g_object_set_data (G_OBJECT (application), "open-file", &open);
  g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), NULL);
  status = g_application_run (G_APPLICATION (application), 2, argv);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (open.checked);
  g_object_unref (application);
  chamber_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  int status;

  test_home = chamber_test_ui_init (&argc, &argv, "chamber-ui-home-XXXXXX",
                                   CHAMBER_TEST_UI_INIT_LAZY_TRANSLATION
                                   | CHAMBER_TEST_UI_INIT_ANIMATIONS);
  if (test_home == NULL)
    return 77;

  g_test_add_func ("/ui/damaged-pdf", test_damaged_pdf);
  g_test_add_func ("/ui/demo/english", test_demo_english);
  g_test_add_func ("/ui/demo/vietnamese", test_demo_vietnamese);
  g_test_add_func ("/ui/demo/reset-and-roles", test_demo_reset_and_roles);
  g_test_add_func ("/ui/demo/remembered", test_demo_remembered);
  g_test_add_func ("/ui/demo/failure", test_demo_failure);
  g_test_add_func ("/ui/server/round-trip", test_server_round_trip);
  g_test_add_func ("/ui/server/pinned-certificate", test_server_pinned_certificate);
  g_test_add_func ("/ui/viewer/zoom", test_viewer_zoom);
  g_test_add_func ("/ui/viewer/continuous", test_viewer_continuous);
  g_test_add_func ("/ui/viewer/find", test_viewer_find);
  g_test_add_func ("/ui/viewer/thumbnails", test_viewer_thumbnails);
  g_test_add_func ("/ui/viewer/instant-open", test_viewer_instant_open);
  g_test_add_func ("/ui/viewer/outline", test_viewer_outline);
  g_test_add_func ("/ui/viewer/password", test_viewer_password);
  g_test_add_func ("/ui/viewer/copy", test_viewer_copy);
  g_test_add_func ("/ui/viewer/dark-pages", test_viewer_dark_pages);
  g_test_add_func ("/ui/open-file", test_open_file);
  status = g_test_run ();

  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
