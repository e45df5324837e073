/* chamber-window.h — the main window: welcome, connect, demo start-up and the session view. */
#pragma once

#include <adwaita.h>

#include "chamber-application.h"
#include "chamber-connect-page.h"
#include "chamber-connection.h"
#include "chamber-session-view.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_WINDOW (chamber_window_get_type ())
G_DECLARE_FINAL_TYPE (ChamberWindow, chamber_window, CHAMBER, WINDOW, AdwApplicationWindow)

ChamberWindow *chamber_window_new (ChamberApplication *application);

/* Opens the remembered connection, or the welcome page when there is none. */
void chamber_window_open_remembered (ChamberWindow *self);
/* Starts the embedded demo server (seeding it the first time, or afresh with @reset) and
 * connects to it; with @remember the next start of the app opens the demo again. */
void chamber_window_start_demo (ChamberWindow *self, gboolean reset, gboolean remember);
/* Shows @connection's documents and syncs them. */
void chamber_window_open_connection (ChamberWindow *self, const ChamberConnection *connection);
/* A short message at the bottom of the window. */
void chamber_window_add_toast (ChamberWindow *self, const char *message);

/* For the UI tests. The page shown: "welcome", "connect", "loading" or "main". */
const char         *chamber_window_get_page_name (ChamberWindow *self);
/* The title and description of the "loading" page (the demo's error when it failed). */
const char         *chamber_window_get_loading_title (ChamberWindow *self);
const char         *chamber_window_get_loading_description (ChamberWindow *self);
/* Why the demo could not start, or NULL. */
const char         *chamber_window_get_demo_error (ChamberWindow *self);
ChamberSessionView *chamber_window_get_session_view (ChamberWindow *self);
ChamberConnectPage *chamber_window_get_connect_page (ChamberWindow *self);
/* TRUE once the server said the connection's person is of the secretariat or an admin: the
 * "Desk" button and "win.desk" (the secretariat's desk, chamber-desk-window.h) are offered.
 * @out_known (may be NULL): whether the server has answered (or could not be asked) yet. */
gboolean            chamber_window_get_desk_allowed (ChamberWindow *self, gboolean *out_known);
/* Whether "My Activity" (win.activity: a delegate or the chair) and "Supervision"
 * (win.supervision: samples are assigned to the person's group or committee) are offered;
 * @out_known is TRUE once the server answered. */
gboolean            chamber_window_get_activity_allowed (ChamberWindow *self, gboolean *out_known);
gboolean            chamber_window_get_supervision_allowed (ChamberWindow *self,
                                                            gboolean *out_known);
/* Selects the demo role as the “View as” menu does. */
void                chamber_window_set_demo_role (ChamberWindow *self, ChamberRole role);

G_END_DECLS
