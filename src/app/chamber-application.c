/* chamber-application.c — the Chamber desktop app.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-application.h"
#include "chamber-viewer-window.h"
#include "chamber-window.h"

struct _ChamberApplication
{
  AdwApplication parent_instance;

  ChamberDemo   *demo;
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
                        "application-icon", "x-office-document-symbolic",
                        "version", PACKAGE_VERSION,
                        "comments", _("Paperless sessions for a provincial People’s Council: "
                                      "documents, agenda and questioning."),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (about);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
};

static void
chamber_application_startup (GApplication *application)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (chamber_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit",
                                         quit_accels);
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

  G_OBJECT_CLASS (chamber_application_parent_class)->dispose (object);
}

static void
chamber_application_class_init (ChamberApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = chamber_application_dispose;
  app_class->activate = chamber_application_activate;
  app_class->command_line = chamber_application_command_line;
  app_class->open = chamber_application_open;
  app_class->startup = chamber_application_startup;
  app_class->shutdown = chamber_application_shutdown;
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
