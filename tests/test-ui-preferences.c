/* test-ui-preferences.c — the Preferences window, the app's settings and its shortcuts window,
 * under a real display (xvfb-run + dbus-run-session).
 *
 * The app runs as main() runs it. Ctrl+comma's action opens one Preferences window; its rows
 * change the GSettings keys and the keys change the rows; the style row sets libadwaita's
 * colour scheme; the dark pages switch reaches the document view of the main window; the main
 * window's size is remembered when it closes. The language setting is checked end to end: the
 * real `chamber --help` is run with a key file backend holding each choice, and prints its
 * summary in the language chosen. The shortcuts window (gtk/help-overlay.ui) loads and lists
 * the accelerators the app really installs. The previews' budget: its spin button (reached with
 * Tab) writes the key, and a lower budget trims real preview sets rendered from real PDFs in a
 * mirror's previews folder, the least recently used first, as the row then says. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "chamber-application.h"
#include "chamber-hash.h"
#include "chamber-page-view.h"
#include "chamber-preferences-window.h"
#include "chamber-preview.h"
#include "chamber-settings.h"
#include "chamber-test-ui.h"
#include "chamber-test-util.h"
#include "chamber-window.h"

static char *test_home;

/* ---- running the app -------------------------------------------------------------------- */

typedef void (*AppBody) (ChamberApplication *application, ChamberWindow *window);

static void
call_body (ChamberTestApp *app, gpointer data)
{
  AppBody *body = data;

  (*body) (app->application, app->window);
}

static void
run_in_app (AppBody body)
{
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_DEFAULT, call_body, &body);
}

static void
pump (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The open Preferences windows. */
static GPtrArray *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (CHAMBER_IS_PREFERENCES_WINDOW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        g_ptr_array_add (found, window);
    }
  return found;
}

static gboolean
preferences_shown (gpointer data)
{
  g_autoptr (GPtrArray) found = find_preferences ();

  return found->len > 0 && gtk_widget_get_mapped (found->pdata[0]);
}

/* ---- the Preferences window ------------------------------------------------------------- */

static gboolean
inverted (ChamberPageView *page_view)
{
  gboolean invert = FALSE;

  g_object_get (page_view, "invert-colors", &invert, NULL);
  return invert;
}

static void
preferences_body (ChamberApplication *application, ChamberWindow *window)
{
  GSettings *settings = chamber_application_get_settings (application);
  AdwStyleManager *style = adw_style_manager_get_default ();
  ChamberPageView *page_view =
    chamber_session_view_get_page_view (chamber_window_get_session_view (window));
  g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                                                 "app.preferences");
  g_autoptr (GPtrArray) found = NULL;
  ChamberPreferencesWindow *preferences;
  AdwComboRow *language_row;
  AdwComboRow *style_row;
  GtkSwitch *invert_switch;

  g_assert_nonnull (settings);
  g_assert_cmpstr (accels[0], ==, "<Control>comma");

  /* Ctrl+comma's action opens one window, however often it is used. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  g_assert_true (chamber_test_pump_until (preferences_shown, NULL, 30 * 1000));
  found = find_preferences ();
  g_assert_cmpuint (found->len, ==, 1);
  preferences = found->pdata[0];
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));
  language_row = chamber_preferences_window_get_language_row (preferences);
  style_row = chamber_preferences_window_get_style_row (preferences);
  invert_switch = chamber_preferences_window_get_invert_switch (preferences);

  /* The rows start from the keys' defaults. */
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 0);
  g_assert_false (gtk_switch_get_active (invert_switch));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (language_row)), ==, 3);

  /* Language: the row writes the key (read at the next start), and the key moves the row. */
  adw_combo_row_set_selected (language_row, 1);
  g_assert_cmpstr (g_settings_get_string (settings, "language"), ==, "vi");
  adw_combo_row_set_selected (language_row, 2);
  g_assert_cmpstr (g_settings_get_string (settings, "language"), ==, "en");
  g_settings_set_string (settings, "language", "vi");
  g_assert_cmpuint (adw_combo_row_get_selected (language_row), ==, 1);
  adw_combo_row_set_selected (language_row, 0);
  g_assert_cmpstr (g_settings_get_string (settings, "language"), ==, "");

  /* Style: the key and libadwaita's colour scheme follow the row at once. */
  adw_combo_row_set_selected (style_row, 2);
  pump ();
  g_assert_cmpint (g_settings_get_enum (settings, "color-scheme"), ==, 2);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style));
  adw_combo_row_set_selected (style_row, 1);
  pump ();
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style));
  g_settings_set_enum (settings, "color-scheme", 2);
  g_assert_cmpuint (adw_combo_row_get_selected (style_row), ==, 2);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_FORCE_DARK);

  /* Dark pages: the switch reaches the main window's document view. */
  g_assert_false (inverted (page_view));
  gtk_switch_set_active (invert_switch, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "invert-pages"));
  g_assert_true (inverted (page_view));
  g_settings_set_boolean (settings, "invert-pages", FALSE);
  g_assert_false (gtk_switch_get_active (invert_switch));
  g_assert_false (inverted (page_view));

  adw_combo_row_set_selected (style_row, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* The window closes with the main window. */
  g_object_add_weak_pointer (G_OBJECT (preferences), (gpointer *) &preferences);
  gtk_window_close (GTK_WINDOW (preferences));
  pump ();
  g_assert_null (preferences);

  /* The size the main window had is remembered when it goes. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
}

static void
test_preferences (void)
{
  g_autoptr (GSettings) settings = chamber_settings_new ();

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  run_in_app (preferences_body);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));
}

static void
size_body (ChamberApplication *application, ChamberWindow *window)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 640);
}

/* The next start opens the main window at the size remembered. */
static void
test_window_size (void)
{
  g_autoptr (GSettings) settings = chamber_settings_new ();

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 640);
  run_in_app (size_body);
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
}

/* ---- the language, end to end ----------------------------------------------------------- */

/* The summary line of `chamber --help` with the "language" key set to @language in a key file
 * backend and the system's language given by @lang and @language_env. */
static char *
help_summary (const char *language, const char *lang, const char *language_env)
{
  const char *chamber = g_getenv ("CHAMBER_APP");
  g_autofree char *config = g_build_filename (test_home, "keyfile-config", NULL);
  g_autofree char *dir = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (dir, "keyfile", NULL);
  g_autofree char *contents = g_strdup_printf ("[org/chamber/Chamber]\nlanguage='%s'\n",
                                               language);
  g_autofree char *xdg = g_strdup_printf ("XDG_CONFIG_HOME=%s", config);
  g_autofree char *lang_var = g_strdup_printf ("LANG=%s", lang);
  g_autofree char *language_var = g_strdup_printf ("LANGUAGE=%s", language_env);
  const char *argv[] = { chamber, "--help", NULL };
  const char *envp[] = { "GSETTINGS_BACKEND=keyfile", xdg, "LC_ALL=", lang_var, language_var,
                         NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_nonnull (chamber);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, contents, -1, NULL));
  g_assert_cmpint (chamber_test_run (argv, envp, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* Usage:, the command line, an empty line, then the summary. */
  g_assert_cmpuint (g_strv_length (lines), >, 4);
  return g_strdup (lines[3]);
}

static void
test_language (void)
{
  const char *english = "Read the documents of council sessions.";
  const char *vietnamese;
  g_autofree char *system_en = NULL;
  g_autofree char *system_vi = NULL;
  g_autofree char *chosen_vi = NULL;
  g_autofree char *chosen_vi_c = NULL;
  g_autofree char *chosen_en = NULL;

  if (setlocale (LC_ALL, "vi_VN.UTF-8") == NULL)
    {
      g_test_skip ("the vi_VN.UTF-8 locale is not generated (build-aux/run generates it)");
      setlocale (LC_ALL, "C.UTF-8");
      return;
    }
  /* The catalogue's translation, to compare with. */
  g_setenv ("LANGUAGE", "vi", TRUE);
  textdomain (textdomain (NULL));
  vietnamese = g_dgettext (GETTEXT_PACKAGE, english);
  g_assert_cmpstr (vietnamese, !=, english);
  vietnamese = g_strdup (vietnamese);
  g_setenv ("LANGUAGE", "", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  textdomain (textdomain (NULL));

  /* Following the system: its language either way. */
  system_en = help_summary ("", "en_US.UTF-8", "");
  g_assert_cmpstr (system_en, ==, english);
  system_vi = help_summary ("", "vi_VN.UTF-8", "vi");
  g_assert_cmpstr (system_vi, ==, vietnamese);

  /* Chosen: that language whatever the system's, even the C locale. */
  chosen_vi = help_summary ("vi", "en_US.UTF-8", "");
  g_assert_cmpstr (chosen_vi, ==, vietnamese);
  chosen_vi_c = help_summary ("vi", "C", "");
  g_assert_cmpstr (chosen_vi_c, ==, vietnamese);
  chosen_en = help_summary ("en", "vi_VN.UTF-8", "vi");
  g_assert_cmpstr (chosen_en, ==, english);

  g_free ((char *) vietnamese);
}

/* ---- the shortcuts window --------------------------------------------------------------- */

static void
collect_accelerators (GtkWidget *widget, GString *all)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        g_string_append_printf (all, " %s ", accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, all);
}

/* @accelerator alone (not part of another) among those of the shortcuts window. */
static gboolean
lists (GString *all, const char *accelerator)
{
  g_autofree char *needle = g_strdup_printf (" %s ", accelerator);

  return strstr (all->str, needle) != NULL;
}

static void
shortcuts_body (ChamberApplication *application, ChamberWindow *window)
{
  /* The application's accelerators, as the shortcuts window writes them. */
  static const struct { const char *action; const char *set; const char *listed; } app_accels[] = {
    { "app.quit", "<Control>q", "<ctrl>q" },
    { "app.preferences", "<Control>comma", "<ctrl>comma" },
  };
  /* The keys the windows and the viewer install (chamber-window.c, chamber-page-view.c,
   * chamber-document-view.c, chamber-page-notes.c, chamber-note-popover.c, and F11 of
   * chamber-live-window.c and chamber-live-hall.c). */
  static const char *const keys[] = {
    "<ctrl>r", "F5", "<ctrl><shift>f", "<ctrl>w", "<ctrl>f", "F3", "<shift>F3", "<ctrl>g",
    "<ctrl><shift>g", "F9", "Page_Down", "Page_Up", "<ctrl>Home", "<ctrl>End", "Home", "End",
    "space", "<shift>space", "<ctrl>plus", "<ctrl>minus", "<ctrl>0", "<ctrl>Left",
    "<ctrl>Right", "<ctrl>c", "<ctrl>d", "<ctrl>Return", "<ctrl>question", "F11", NULL
  };
  GtkShortcutsWindow *help =
    gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_autoptr (GString) all = g_string_new (NULL);

  g_assert_nonnull (help);
  collect_accelerators (GTK_WIDGET (help), all);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    {
      g_auto (GStrv) accels =
        gtk_application_get_accels_for_action (GTK_APPLICATION (application),
                                               app_accels[i].action);

      g_assert_cmpstr (accels[0], ==, app_accels[i].set);
      if (!lists (all, app_accels[i].listed))
        g_error ("the shortcuts window does not list %s (it lists:%s)", app_accels[i].listed,
                 all->str);
    }
  for (guint i = 0; keys[i] != NULL; i++)
    if (!lists (all, keys[i]))
      g_error ("the shortcuts window does not list %s (it lists:%s)", keys[i], all->str);

  /* GtkApplication's action that shows it, on Ctrl+?. */
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "show-help-overlay"));
}

static void
test_shortcuts (void)
{
  run_in_app (shortcuts_body);
}

/* ---- the previews' budget ---------------------------------------------------------------- */

#define MIB (1024 * 1024)

/* A mirror's previews folder, as the sync leaves it, with two sets rendered from real PDFs: the
 * first used before the second. */
static char *previews_dir;
static char *set_hashes[2];

static gboolean
measured_at_least (gpointer data)
{
  ChamberPreferencesWindow *preferences = data;

  return chamber_preferences_window_get_n_measured (preferences)
         >= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (preferences), "wanted"));
}

/* Waits until @preferences measured the previews @n times in all. */
static void
wait_measured (ChamberPreferencesWindow *preferences, guint n)
{
  g_object_set_data (G_OBJECT (preferences), "wanted", GUINT_TO_POINTER (n));
  g_assert_true (chamber_test_pump_until (measured_at_least, preferences, 30 * 1000));
}

/* The row's subtitle names the size the previews take now. */
static void
assert_size_shown (ChamberPreferencesWindow *preferences)
{
  g_autofree char *size = g_format_size_full (chamber_preview_get_size (previews_dir),
                                              G_FORMAT_SIZE_IEC_UNITS);
  const char *subtitle =
    adw_action_row_get_subtitle (chamber_preferences_window_get_budget_row (preferences));

  g_test_message ("previews: %s", subtitle);
  g_assert_nonnull (strstr (subtitle, size));
}

static void
budget_body (ChamberApplication *application, ChamberWindow *window)
{
  GSettings *settings = chamber_application_get_settings (application);
  guint64 first_size, total;
  g_autoptr (GPtrArray) found = NULL;
  ChamberPreferencesWindow *preferences;
  GtkSpinButton *spin;
  guint n, reached;
  int budget;

  g_assert_cmpint (g_settings_get_int (settings, "preview-budget"), ==, 512);
  total = chamber_preview_get_size (previews_dir);
  first_size = total / 2;
  g_assert_cmpuint (total, >, 2 * MIB);
  g_assert_true (chamber_preview_is_complete (previews_dir, set_hashes[0]));
  g_assert_true (chamber_preview_is_complete (previews_dir, set_hashes[1]));

  g_action_group_activate_action (G_ACTION_GROUP (application), "preferences", NULL);
  g_assert_true (chamber_test_pump_until (preferences_shown, NULL, 30 * 1000));
  found = find_preferences ();
  preferences = found->pdata[0];
  spin = chamber_preferences_window_get_budget_spin (preferences);

  /* The spin button shows the key, the row the space the previews take. */
  wait_measured (preferences, 1);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 512);
  assert_size_shown (preferences);

  /* Tab reaches every control, the spin button with them. */
  reached = chamber_test_ui_assert_keyboard_reachable (GTK_WINDOW (preferences), "preferences");
  g_assert_cmpuint (reached, >=, 4);

  /* A budget with room for one set: the key follows the spin button, the set used least
   * recently goes, the other stays whole, and the row says the new size. */
  budget = (int) ((first_size + MIB - 1) / MIB);
  g_assert_cmpuint ((guint64) budget * MIB, <, total);
  n = chamber_preferences_window_get_n_measured (preferences);
  gtk_spin_button_set_value (spin, budget);
  g_assert_cmpint (g_settings_get_int (settings, "preview-budget"), ==, budget);
  wait_measured (preferences, n + 1);
  g_assert_cmpuint (chamber_preview_get_size (previews_dir), <=, (guint64) budget * MIB);
  g_assert_true (chamber_preview_is_evicted (previews_dir, set_hashes[0]));
  g_assert_false (chamber_preview_is_complete (previews_dir, set_hashes[0]));
  g_assert_true (chamber_preview_is_complete (previews_dir, set_hashes[1]));
  assert_size_shown (preferences);

  /* Out of range, the spin button keeps to the key's range. */
  gtk_spin_button_set_value (spin, -40);
  g_assert_cmpint (g_settings_get_int (settings, "preview-budget"), ==, 0);
  gtk_spin_button_set_value (spin, 5e9);
  g_assert_cmpint (g_settings_get_int (settings, "preview-budget"), ==, 1048576);
  /* A key set elsewhere moves the spin button; 0 keeps no previews. */
  n = chamber_preferences_window_get_n_measured (preferences);
  g_settings_set_int (settings, "preview-budget", 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 0);
  wait_measured (preferences, n + 1);
  g_assert_cmpuint (chamber_preview_get_size (previews_dir), ==, 0);
  g_assert_false (chamber_preview_is_complete (previews_dir, set_hashes[1]));
  assert_size_shown (preferences);

  g_settings_reset (settings, "preview-budget");
  gtk_window_close (GTK_WINDOW (preferences));
  pump ();
}

static void
test_preview_budget (void)
{
  g_autofree char *mirror = g_build_filename (g_get_user_data_dir (), "chamber", "servers",
                                              "127.0.0.1_8080", NULL);
  g_autoptr (GError) error = NULL;

  previews_dir = g_build_filename (mirror, "previews", NULL);
  g_assert_cmpint (g_mkdir_with_parents (previews_dir, 0700), ==, 0);
  for (int i = 0; i < 2; i++)
    {
      g_autofree char *pdf = g_strdup_printf ("%s/document-%d.pdf", mirror, i);
      g_autofree char *text = g_strdup_printf ("Báo cáo %d", i);
      char sha256[65];

      chamber_test_write_pdf (pdf, 3, text);
      g_assert_true (chamber_sha256_file (pdf, sha256, NULL, NULL, &error));
      g_assert_no_error (error);
      set_hashes[i] = g_strdup (sha256);
      g_assert_true (chamber_preview_generate (previews_dir, sha256, pdf, NULL, &error));
      g_assert_no_error (error);
    }

  run_in_app (budget_body);

  chamber_test_rm_rf (mirror);
  g_clear_pointer (&previews_dir, g_free);
  g_clear_pointer (&set_hashes[0], g_free);
  g_clear_pointer (&set_hashes[1], g_free);
}

int
main (int argc, char *argv[])
{
  int status;

  test_home = chamber_test_ui_init (&argc, &argv, "chamber-ui-preferences-home-XXXXXX",
                                   CHAMBER_TEST_UI_INIT_DEFAULT);
  if (test_home == NULL)
    return 77;

  g_test_add_func ("/ui/preferences/window", test_preferences);
  g_test_add_func ("/ui/preferences/window-size", test_window_size);
  g_test_add_func ("/ui/preferences/language", test_language);
  g_test_add_func ("/ui/preferences/shortcuts", test_shortcuts);
  g_test_add_func ("/ui/preferences/preview-budget", test_preview_budget);
  status = g_test_run ();

  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
