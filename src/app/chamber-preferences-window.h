/* chamber-preferences-window.h — the Preferences window: the app's language, its style (follow
 * the system, light or dark), whether pages are shown dark in the dark style and the space the
 * instant-open previews may take. Each control is bound to its GSettings key, so a change is
 * saved at once. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHAMBER_TYPE_PREFERENCES_WINDOW (chamber_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (ChamberPreferencesWindow, chamber_preferences_window, CHAMBER,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

/* A window showing and changing @settings (org.chamber.Chamber). */
ChamberPreferencesWindow *chamber_preferences_window_new (GSettings *settings);

/* For the tests: the rows that change the language and the style, and the dark pages switch. */
AdwComboRow *chamber_preferences_window_get_language_row (ChamberPreferencesWindow *self);
AdwComboRow *chamber_preferences_window_get_style_row (ChamberPreferencesWindow *self);
GtkSwitch   *chamber_preferences_window_get_invert_switch (ChamberPreferencesWindow *self);
/* The previews' budget in MiB, its row (whose subtitle says the space in use) and how many
 * times the window measured the previews (once when it opens, then after each budget applied). */
GtkSpinButton *chamber_preferences_window_get_budget_spin (ChamberPreferencesWindow *self);
AdwActionRow  *chamber_preferences_window_get_budget_row (ChamberPreferencesWindow *self);
guint          chamber_preferences_window_get_n_measured (ChamberPreferencesWindow *self);

G_END_DECLS
