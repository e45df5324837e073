/* chamber-application.c — the Chamber desktop app.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-application.h"
#include "chamber-preferences-window.h"
#include "chamber-settings.h"
#include "chamber-viewer-window.h"
#include "chamber-window.h"

struct _ChamberApplication
{
  AdwApplication parent_instance;

  ChamberDemo   *demo;
  GSettings     *settings;
  GtkWindow     *preferences;   /* weak: the Preferences window while it is open */
  gboolean       start_demo;
  gboolean       reset_demo;
};

G_DEFINE_FINAL_TYPE (ChamberApplication, chamber_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo: a sample session served from this computer"), NULL },
  { "reset-demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Delete the demo’s data and start it afresh (implies --demo)"), NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE.pdf…]") },
  { NULL }
};

ChamberDemo *
chamber_application_get_demo (ChamberApplication *self)
{
  g_return_val_if_fail (CHAMBER_IS_APPLICATION (self), NULL);

  if (self->demo == NULL)
    self->demo = chamber_demo_new ();
  return self->demo;
}

GSettings *
chamber_application_get_settings (ChamberApplication *self)
{
  g_return_val_if_fail (CHAMBER_IS_APPLICATION (self), NULL);

  return self->settings;
}

void
chamber_application_set_start_demo (ChamberApplication *self, gboolean demo, gboolean reset)
{
  g_return_if_fail (CHAMBER_IS_APPLICATION (self));

  self->start_demo = demo || reset;
  self->reset_demo = reset;
}

static void
chamber_application_activate (GApplication *application)
{
  ChamberApplication *self = CHAMBER_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  gboolean new_window = window == NULL;

  if (new_window)
    window = GTK_WINDOW (chamber_window_new (self));

  if (self->start_demo)
    chamber_window_start_demo (CHAMBER_WINDOW (window), self->reset_demo, FALSE);
  else if (new_window)
    chamber_window_open_remembered (CHAMBER_WINDOW (window));
  self->start_demo = FALSE;
  self->reset_demo = FALSE;

  gtk_window_present (window);
}

/* Each file in a window of its own, with just the viewer: nothing to connect to. */
static void
chamber_application_open (GApplication *application, GFile **files, int n_files,
                          const char *hint)
{
  ChamberApplication *self = CHAMBER_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      ChamberViewerWindow *window = chamber_viewer_window_new (self);

      chamber_viewer_window_open (window, files[i]);
      gtk_window_present (GTK_WINDOW (window));
    }
}

static int
chamber_application_command_line (GApplication *application, GApplicationCommandLine *cmdline)
{
  ChamberApplication *self = CHAMBER_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree const char **paths = NULL;

  /* `chamber FILE.pdf`, here or forwarded by a second start to this running instance. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &paths) && paths[0] != NULL
      && (g_application_get_flags (application) & G_APPLICATION_HANDLES_OPEN) != 0)
    {
      g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; paths[i] != NULL; i++)
        g_ptr_array_add (files, g_application_command_line_create_file_for_arg (cmdline,
                                                                                paths[i]));
      g_application_open (application, (GFile **) files->pdata, (int) files->len, "");
      return 0;
    }

  chamber_application_set_start_demo (self, g_variant_dict_contains (options, "demo"),
                                      g_variant_dict_contains (options, "reset-demo"));
  g_application_activate (application);
  return 0;
}

static void
quit_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GApplication *application = G_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (application));

  /* Destroying the windows lets each one cancel its work before the app ends. */
  while (windows != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (windows->data));
      windows = gtk_application_get_windows (GTK_APPLICATION (application));
    }
  g_application_quit (application);
}

static void
about_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  GtkApplication *application = GTK_APPLICATION (user_data);
  GtkWindow *about;
  const char *developers[] = { _("The Chamber authors"), NULL };

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (application),
                        "modal", TRUE,
                        "application-name", _("Chamber"),
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Paperless sessions for a provincial People’s Council: "
                                      "documents, agenda and questioning."),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static void
preferences_activated (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ChamberApplication *self = CHAMBER_APPLICATION (user_data);

  if (self->preferences == NULL)
    {
      self->preferences = GTK_WINDOW (chamber_preferences_window_new (self->settings));
      gtk_window_set_destroy_with_parent (self->preferences, TRUE);
      g_object_add_weak_pointer (G_OBJECT (self->preferences), (gpointer *) &self->preferences);
    }
  gtk_window_set_transient_for (self->preferences,
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (self->preferences);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

/* The "color-scheme" key: follow the system, or keep the light or the dark style. */
static void
color_scheme_changed_cb (ChamberApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint scheme = (guint) g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (scheme, G_N_ELEMENTS (schemes) - 1)]);
}

/* A window's page view follows the "invert-pages" key (its view menu can still change it for
 * the document shown); the main window opens at its remembered size. */
static void
chamber_application_window_added (GtkApplication *application, GtkWindow *window)
{
  ChamberApplication *self = CHAMBER_APPLICATION (application);
  ChamberPageView *page_view = NULL;

  GTK_APPLICATION_CLASS (chamber_application_parent_class)->window_added (application, window);

  if (CHAMBER_IS_WINDOW (window))
    {
      gtk_window_set_default_size (window, g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (window);
      page_view = chamber_session_view_get_page_view (
        chamber_window_get_session_view (CHAMBER_WINDOW (window)));
    }
  else if (CHAMBER_IS_VIEWER_WINDOW (window))
    {
      page_view = chamber_viewer_window_get_page_view (CHAMBER_VIEWER_WINDOW (window));
    }

  if (page_view != NULL)
    g_settings_bind (self->settings, "invert-pages", page_view, "invert-colors",
                     G_SETTINGS_BIND_GET);
}

/* The main window's size is remembered when it goes. */
static void
chamber_application_window_removed (GtkApplication *application, GtkWindow *window)
{
  ChamberApplication *self = CHAMBER_APPLICATION (application);

  if (CHAMBER_IS_WINDOW (window))
    {
      gboolean maximized = gtk_window_is_maximized (window);
      int width = 0;
      int height = 0;

      gtk_window_get_default_size (window, &width, &height);
      /* The schema's ranges: the smallest window libadwaita lays out. */
      if (!maximized && width > 0 && height > 0)
        {
          g_settings_set_int (self->settings, "window-width", MAX (width, 360));
          g_settings_set_int (self->settings, "window-height", MAX (height, 294));
        }
      g_settings_set_boolean (self->settings, "window-maximized", maximized);
    }

  GTK_APPLICATION_CLASS (chamber_application_parent_class)->window_removed (application, window);
}

static void
chamber_application_startup (GApplication *application)
{
  ChamberApplication *self = CHAMBER_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (chamber_application_parent_class)->startup (application);

  self->settings = chamber_settings_new ();
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  color_scheme_changed_cb (self);
  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit",
                                         quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.preferences",
                                         preferences_accels);
}

static void
chamber_application_shutdown (GApplication *application)
{
  ChamberApplication *self = CHAMBER_APPLICATION (application);

  if (self->demo != NULL)
    chamber_demo_stop (self->demo);

  G_APPLICATION_CLASS (chamber_application_parent_class)->shutdown (application);
}

static void
chamber_application_dispose (GObject *object)
{
  ChamberApplication *self = CHAMBER_APPLICATION (object);

  if (self->demo != NULL)
    chamber_demo_stop (self->demo);
  g_clear_object (&self->demo);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (chamber_application_parent_class)->dispose (object);
}

static void
chamber_application_class_init (ChamberApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = chamber_application_dispose;
  app_class->activate = chamber_application_activate;
  app_class->command_line = chamber_application_command_line;
  app_class->open = chamber_application_open;
  app_class->startup = chamber_application_startup;
  app_class->shutdown = chamber_application_shutdown;
  gtk_app_class->window_added = chamber_application_window_added;
  gtk_app_class->window_removed = chamber_application_window_removed;
}

static void
chamber_application_init (ChamberApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Read the documents of council sessions."));
}

ChamberApplication *
chamber_application_new (GApplicationFlags flags)
{
  return g_object_new (CHAMBER_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", flags,
                       "resource-base-path", "/org/chamber/Chamber",
                       NULL);
}
