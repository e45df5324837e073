/* chamber-test-ui.c — helpers shared by the ui tests: running the real chamber app around a
 * test body, switching the language, writing PDFs with cairo whose lines sit at known places
 * (so a test can select them) and waiting, with a bounded main-loop pump, for the window, a
 * page rendering, a sync or the notes of a page to reach a state. */

#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <locale.h>

#include "chamber-connect-page.h"
#include "chamber-live-window.h"
#include "chamber-test-ui.h"
#include "chamber-test-util.h"

#define WAIT_MS (120 * 1000)

/* ---- the process ------------------------------------------------------------------------ */

char *
chamber_test_ui_init (int *argc, char ***argv, const char *home_template,
                      ChamberTestUiInitFlags flags)
{
  const char *localedir = g_getenv ("CHAMBER_LOCALEDIR");
  char *home = chamber_test_make_temp_dir (home_template);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  g_autofree char *cache = g_build_filename (home, "cache", NULL);

  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);

  gtk_disable_setlocale ();
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!(flags & CHAMBER_TEST_UI_INIT_LAZY_TRANSLATION))
    {
      /* GLib decides once per process, at the first g_dgettext(), whether to translate at
       * all, and under C.UTF-8 with our own text domain it decides not to: let it decide under
       * plain C, so that the tests in Vietnamese are translated. */
      setlocale (LC_ALL, "C");
      g_dgettext (GETTEXT_PACKAGE, "");
    }
  setlocale (LC_ALL, "C.UTF-8");

  g_test_init (argc, argv, NULL);
  if (!gtk_init_check () && gdk_display_get_default () == NULL)
    {
      g_printerr ("No display: run the ui suite under xvfb-run.\n");
      chamber_test_rm_rf (home);
      g_free (home);
      return NULL;
    }
  adw_init ();
  if (!(flags & CHAMBER_TEST_UI_INIT_ANIMATIONS))
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return home;
}

/* ---- running the app -------------------------------------------------------------------- */

typedef struct {
  ChamberTestApp      app;
  ChamberTestAppFlags flags;
  ChamberTestAppBody  body;
  gpointer            data;
} AppRun;

static gboolean
body_idle (gpointer user_data)
{
  AppRun *run = user_data;

  run->body (&run->app, run->data);
  if (run->flags & CHAMBER_TEST_APP_CLOSE_LIVE)
    chamber_live_window_close_for (GTK_WINDOW (run->app.window));
  /* The last window gone, g_application_run() returns. */
  gtk_window_destroy (GTK_WINDOW (run->app.window));
  return G_SOURCE_REMOVE;
}

static void
activated_cb (GApplication *application, AppRun *run)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  g_assert_nonnull (windows);
  g_assert_null (run->app.window);
  run->app.window = CHAMBER_WINDOW (windows->data);
  if (run->flags & CHAMBER_TEST_APP_LAPTOP_SIZE)
    gtk_window_set_default_size (GTK_WINDOW (run->app.window), 1366, 768);
  g_idle_add (body_idle, run);
}

void
chamber_test_ui_run_app (ChamberApplication *application, ChamberTestAppFlags flags,
                         ChamberTestAppBody body, gpointer data)
{
  AppRun run = { { application, NULL }, flags, body, data };
  int status;

  g_signal_connect_after (application, "activate", G_CALLBACK (activated_cb), &run);
  status = g_application_run (G_APPLICATION (application), 0, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (run.app.window);
  if (flags & CHAMBER_TEST_APP_KEEP_REFERENCES)
    {
      g_object_unref (application);
      return;
    }
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &application);
  g_object_unref (application);
  g_assert_null (application);
}

gboolean
chamber_test_ui_use_locale (const char *locale, const char *language)
{
  if (setlocale (LC_ALL, locale) == NULL)
    return FALSE;
  /* An empty LANGUAGE is ignored by gettext, like an unset one. */
  g_setenv ("LANGUAGE", language != NULL ? language : "", TRUE);
  /* Makes gettext drop the translations it looked up in the previous language. */
  textdomain (textdomain (NULL));
  return TRUE;
}

/* ---- the documents ---------------------------------------------------------------------- */

void
chamber_test_ui_write_document (const char *path, const char *const *const *pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, CHAMBER_TEST_UI_PAGE_WIDTH,
                                                       CHAMBER_TEST_UI_PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *name = g_path_get_basename (path);

  /* Each file is a distinct publication, even with the same pages. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, name);
  for (guint p = 0; pages[p] != NULL; p++)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, CHAMBER_TEST_UI_FONT_SIZE);
      for (guint line = 0; pages[p][line] != NULL; line++)
        {
          cairo_move_to (cr, CHAMBER_TEST_UI_LEFT,
                         CHAMBER_TEST_UI_TOP + line * CHAMBER_TEST_UI_LEAD);
          cairo_show_text (cr, pages[p][line]);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

double
chamber_test_ui_text_width (const char *text)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  cairo_text_extents_t extents;

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, CHAMBER_TEST_UI_FONT_SIZE);
  cairo_text_extents (cr, text, &extents);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return extents.x_advance;
}

void
chamber_test_ui_select_line (ChamberDocumentView *view, int page, const char *const *lines,
                             int line)
{
  double baseline = CHAMBER_TEST_UI_TOP + line * CHAMBER_TEST_UI_LEAD;
  double width = chamber_test_ui_text_width (lines[line]);
  double y = baseline - CHAMBER_TEST_UI_FONT_SIZE / 3;

  chamber_document_view_select (view, page, CHAMBER_TEST_UI_LEFT + 0.5, y, page,
                                CHAMBER_TEST_UI_LEFT + width - 0.5, y);
  g_assert_true (chamber_document_view_get_has_selection (view));
}

/* ---- waiting ---------------------------------------------------------------------------- */

static gboolean
page_is (gpointer data)
{
  gpointer *args = data;

  return g_strcmp0 (chamber_window_get_page_name (args[0]), args[1]) == 0;
}

void
chamber_test_ui_wait_for_window_page (ChamberWindow *window, const char *name)
{
  gpointer args[2] = { window, (gpointer) name };

  if (!chamber_test_pump_until (page_is, args, 30000))
    g_error ("the window shows “%s”, not “%s”", chamber_window_get_page_name (window), name);
}

static gboolean
page_arrived (gpointer data)
{
  ChamberPageView *page_view = data;
  const char *state = chamber_page_view_get_state (page_view);

  return g_strcmp0 (state, "error") == 0
         || (g_strcmp0 (state, "page") == 0 && chamber_page_view_get_texture (page_view) != NULL);
}

void
chamber_test_ui_wait_for_page (ChamberPageView *page_view)
{
  if (!chamber_test_pump_until (page_arrived, page_view, 60000))
    g_error ("no page rendering within 60 s (state “%s”)",
             chamber_page_view_get_state (page_view));
  g_assert_cmpstr (chamber_page_view_get_state (page_view), ==, "page");
}

gboolean
chamber_test_ui_syncs_at_least (gpointer data)
{
  gpointer *args = data;
  ChamberSessionView *view = args[0];

  return chamber_session_view_get_syncs_completed (view) >= GPOINTER_TO_UINT (args[1])
         && !chamber_session_view_get_syncing (view);
}

void
chamber_test_ui_wait_for_syncs (ChamberSessionView *view, guint n)
{
  gpointer args[2] = { view, GUINT_TO_POINTER (n) };

  if (!chamber_test_pump_until (chamber_test_ui_syncs_at_least, args, WAIT_MS))
    g_error ("no sync %u within %d s (status “%s”)", n, WAIT_MS / 1000,
             chamber_session_view_get_sync_status (view));
}

static gboolean
notes_settled (gpointer data)
{
  gpointer *args = data;
  ChamberPageNotes *notes = args[0];

  return !chamber_page_notes_get_busy (notes)
         && chamber_page_notes_get_n_notes (notes) == GPOINTER_TO_UINT (args[1]);
}

void
chamber_test_ui_wait_for_notes (ChamberPageNotes *notes, guint n)
{
  gpointer args[2] = { notes, GUINT_TO_POINTER (n) };

  if (!chamber_test_pump_until (notes_settled, args, 30000))
    g_error ("the page shows %u notes, not %u", chamber_page_notes_get_n_notes (notes), n);
}

/* ---- what a person does ----------------------------------------------------------------- */

void
chamber_test_ui_connect (ChamberTestApp *app, const char *url, const char *token)
{
  ChamberConnectPage *connect_page = chamber_window_get_connect_page (app->window);
  ChamberSessionView *view = chamber_window_get_session_view (app->window);

  chamber_test_ui_wait_for_window_page (app->window, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.show-connect", NULL));
  chamber_connect_page_set_values (connect_page, url, token);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (connect_page), "connect-page.connect",
                                             NULL));
  chamber_test_ui_wait_for_window_page (app->window, "main");
  chamber_test_ui_wait_for_syncs (view, 1);
  g_assert_cmpstr (chamber_session_view_get_sync_error (view), ==, NULL);
}

/* ---- the keyboard ----------------------------------------------------------------------- */

/* A widget a mouse user can operate: buttons of every kind, switches, check buttons, entries,
 * spin buttons, drop-downs, scales, editable text views and lists. */
static gboolean
is_control (GtkWidget *widget)
{
  /* A list box with no row that takes the focus (empty, or a list to read) has nothing to
   * operate. */
  if (GTK_IS_LIST_BOX (widget))
    {
      GtkListBoxRow *row;

      for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (widget), i)) != NULL; i++)
        if (gtk_widget_get_visible (GTK_WIDGET (row)) && gtk_widget_get_focusable (GTK_WIDGET (row)))
          return TRUE;
      return FALSE;
    }
  if (GTK_IS_TEXT_VIEW (widget))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (widget));
  return GTK_IS_SPIN_BUTTON (widget) || GTK_IS_BUTTON (widget) || GTK_IS_CHECK_BUTTON (widget)
         || GTK_IS_SWITCH (widget)
         || GTK_IS_TEXT (widget) || GTK_IS_SCALE (widget) || GTK_IS_LIST_VIEW (widget)
         || GTK_IS_GRID_VIEW (widget) || GTK_IS_COLUMN_VIEW (widget)
         || GTK_IS_LIST_BOX (widget);
}

/* Where the walk stops looking inside: a list is reached when the list or one of its rows is,
 * and arrow keys move among its rows, as in every GTK list; a spin button when its number
 * field is (Up and Down do what its − and + buttons do, which GTK never focuses). Window
 * controls (the title bar's close button) are the window manager's business. */
static gboolean
is_leaf_container (GtkWidget *widget)
{
  return GTK_IS_SPIN_BUTTON (widget) || GTK_IS_LIST_VIEW (widget) || GTK_IS_GRID_VIEW (widget)
         || GTK_IS_COLUMN_VIEW (widget)
         || GTK_IS_LIST_BOX (widget) || GTK_IS_WINDOW_CONTROLS (widget);
}

static gboolean
reached (GtkWidget *widget, GHashTable *focused)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, focused);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (key == (gpointer) widget || gtk_widget_is_ancestor (key, widget))
      return TRUE;
  return FALSE;
}

static void
collect_unreached (GtkWidget *widget, GHashTable *focused, GString *missed)
{
  if (!gtk_widget_is_drawable (widget) || !gtk_widget_is_sensitive (widget)
      || !gtk_widget_get_can_target (widget) || GTK_IS_WINDOW_CONTROLS (widget))
    return;
  if (is_control (widget) && !reached (widget, focused))
    {
      const char *label = gtk_widget_get_tooltip_text (widget);

      if (label == NULL && GTK_IS_BUTTON (widget))
        label = gtk_button_get_label (GTK_BUTTON (widget));
      if (label == NULL && GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))))
        label = gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget))));
      g_string_append_printf (missed, "\n  %s “%s” (%s, in %s)", G_OBJECT_TYPE_NAME (widget),
                              label != NULL ? label : "", gtk_widget_get_name (widget),
                              gtk_widget_get_parent (widget) != NULL
                                ? G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)) : "-");
      return;
    }
  if (is_leaf_container (widget))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_unreached (child, focused, missed);
}

char *
chamber_test_ui_keyboard_unreachable (GtkWindow *window, guint *out_reached)
{
  g_autoptr (GHashTable) focused = g_hash_table_new (NULL, NULL);
  GString *missed = g_string_new (NULL);
  GtkWidget *first = NULL;
  guint presses = 0;

  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_window_set_focus (window, NULL);
  /* Tab as the window's key binding does it: the move-focus signal, which moves on or wraps
   * around to the first widget at the end. */
  for (presses = 0; presses < 2000; presses++)
    {
      GtkWidget *focus;

      g_signal_emit_by_name (window, "move-focus", GTK_DIR_TAB_FORWARD);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      focus = gtk_root_get_focus (GTK_ROOT (window));
      if (focus == NULL)
        continue;
      if (focus == first)
        break;
      if (first == NULL)
        first = focus;
      g_hash_table_add (focused, focus);
    }
  g_assert_cmpuint (presses, <, 2000);
  collect_unreached (GTK_WIDGET (window), focused, missed);
  /* GTK 4.8's editable label checks its focus 100 ms after losing it, from a timeout that
   * outlives the label: let those run before the test goes on to destroy the screen. */
  gtk_window_set_focus (window, NULL);
  for (int i = 0; i < 25; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
  if (out_reached != NULL)
    *out_reached = g_hash_table_size (focused);
  return g_string_free (missed, FALSE);
}

guint
chamber_test_ui_assert_keyboard_reachable (GtkWindow *window, const char *screen)
{
  g_autofree char *missed = NULL;
  guint reached = 0;

  missed = chamber_test_ui_keyboard_unreachable (window, &reached);
  if (*missed != '\0')
    g_error ("%s: Tab never reaches:%s", screen, missed);
  g_assert_cmpuint (reached, >, 0);
  g_test_message ("%s: Tab reaches %u widgets", screen, reached);
  return reached;
}

/* ---- pictures --------------------------------------------------------------------------- */

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

void
chamber_test_ui_save_screenshot (GtkWidget *window, const char *name)
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
