/* chamber-settings.c — the app's settings (GSettings schema org.chamber.Chamber): where the
 * schema is found, and the language override applied at start-up.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "chamber-settings.h"

const char *const chamber_settings_languages[] = { "", "vi", "en", NULL };

/* A schema from an older installation may lack keys this build reads: the last key added
 * tells them apart. */
#define NEWEST_KEY "invert-pages"

static GSettingsSchema *
lookup_schema (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchemaSource) built = NULL;
  g_autofree char *built_dir = NULL;
  GSettingsSchema *schema = NULL;

  if (installed != NULL)
    schema = g_settings_schema_source_lookup (installed, APPLICATION_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, NEWEST_KEY))
    return schema;
  g_clear_pointer (&schema, g_settings_schema_unref);

  /* Run from the build folder: the schema compiled there by data/meson.build. */
  built_dir = g_build_filename (CHAMBER_BUILD_ROOT, "data", NULL);
  if (g_file_test (built_dir, G_FILE_TEST_IS_DIR))
    built = g_settings_schema_source_new_from_directory (built_dir, installed, FALSE, NULL);
  if (built != NULL)
    schema = g_settings_schema_source_lookup (built, APPLICATION_ID, FALSE);
  return schema;
}

GSettings *
chamber_settings_new (void)
{
  static GSettingsSchema *schema;

  if (g_once_init_enter (&schema))
    {
      GSettingsSchema *found = lookup_schema ();

      if (found == NULL)
        g_error ("The settings schema %s is not installed. Install Chamber with `meson install`, "
                 "or run it from its build folder.", APPLICATION_ID);
      g_once_init_leave (&schema, found);
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* "C", "POSIX", "C.UTF-8": no language of their own. */
static gboolean
messages_locale_is_c (void)
{
  const char *messages = setlocale (LC_MESSAGES, NULL);

  return messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX")
         || g_str_has_prefix (messages, "C.");
}

void
chamber_settings_apply_language (GSettings *settings)
{
  g_autofree char *language = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));

  language = g_settings_get_string (settings, "language");
  if (*language == '\0')
    return;

  /* gettext reads LANGUAGE before LC_MESSAGES and LANG, for the app's strings and GTK's. */
  g_setenv ("LANGUAGE", language, TRUE);

  /* Under the C locale, Vietnamese also needs a Vietnamese locale to be written in (UTF-8,
   * not ASCII), set in the environment because gtk_init() sets the locale from it again. */
  if (g_str_equal (language, "vi") && messages_locale_is_c ()
      && setlocale (LC_ALL, "vi_VN.UTF-8") != NULL)
    g_setenv ("LC_ALL", "vi_VN.UTF-8", TRUE);
}
