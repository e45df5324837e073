/* main.c — starts the Chamber desktop app.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "chamber-application.h"
#include "chamber-settings.h"

int
main (int argc, char *argv[])
{
  g_autoptr (ChamberApplication) application = NULL;
  g_autoptr (GSettings) settings = NULL;
  const char *localedir = g_getenv ("CHAMBER_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* The language chosen in Preferences, before anything is translated. */
  settings = chamber_settings_new ();
  chamber_settings_apply_language (settings);
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = chamber_application_new (G_APPLICATION_HANDLES_COMMAND_LINE
                                         | G_APPLICATION_HANDLES_OPEN);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
