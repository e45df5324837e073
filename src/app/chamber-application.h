/* chamber-application.h — the Chamber desktop app (org.chamber.Chamber). */
#pragma once

#include <adwaita.h>

#include "chamber-demo.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_APPLICATION (chamber_application_get_type ())
G_DECLARE_FINAL_TYPE (ChamberApplication, chamber_application, CHAMBER, APPLICATION,
                      AdwApplication)

ChamberApplication *chamber_application_new (GApplicationFlags flags);

/* The embedded demo server, created on first use and stopped when the app shuts down. */
ChamberDemo *chamber_application_get_demo (ChamberApplication *self);

/* The app's settings (org.chamber.Chamber), from startup on. */
GSettings   *chamber_application_get_settings (ChamberApplication *self);

/* What `--demo` and `--reset-demo` ask: the next window opens the demo (deleting its data
 * first when @reset) instead of the remembered connection. */
void chamber_application_set_start_demo (ChamberApplication *self, gboolean demo,
                                         gboolean reset);

G_END_DECLS
