/* chamber-settings.h — the app's settings (GSettings schema org.chamber.Chamber).
 *
 * The schema is looked up among the installed ones and, when Chamber runs from its build
 * folder without being installed, in the schemas compiled there (data/gschemas.compiled).
 * The language chosen in Preferences is applied by chamber_settings_apply_language() before
 * anything is translated. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A new GSettings for org.chamber.Chamber. */
GSettings  *chamber_settings_new (void);

/* Sets LANGUAGE from the "language" key ("vi", "en", or "" for the system's) and, when the
 * system locale is C, a locale able to show it. Call after setlocale (LC_ALL, "") and before
 * gtk_init(). */
void        chamber_settings_apply_language (GSettings *settings);

/* The values of the "language" key, in the order of the Preferences' language list. */
extern const char *const chamber_settings_languages[];

G_END_DECLS
