/* chamber-live-window.h — the live sitting of the session shown in the main window, in a window
 * of its own beside the documents: the chair's console for the chair (and admin), the
 * secretariat's panel for the secretariat, the delegate's panel for delegates and officials.
 * Its header says, discreetly, when the live channel is offline or catching up; its
 * "win.hall-display" action (F11) opens the hall display for the projector. One live window
 * per main window: opening it again shows the same one, and it closes with the connection. */
#pragma once

#include <adwaita.h>

#include "chamber-live-context.h"
#include "chamber-live-hall.h"
#include "chamber-session-view.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_LIVE_WINDOW (chamber_live_window_get_type ())
G_DECLARE_FINAL_TYPE (ChamberLiveWindow, chamber_live_window, CHAMBER, LIVE_WINDOW, AdwWindow)

/* Shows the live window of @view's connection and selected session for @parent, creating it
 * (or replacing one of another session or connection). Without a session selected, says so
 * in a toast of @parent. */
ChamberLiveWindow  *chamber_live_window_present_for (GtkWindow *parent, ChamberSessionView *view);
/* The live window of @parent, or NULL. */
ChamberLiveWindow  *chamber_live_window_get_for (GtkWindow *parent);
/* Closes the live window (and hall display) of @parent, if any: its connection closed. */
void                chamber_live_window_close_for (GtkWindow *parent);

ChamberLiveContext *chamber_live_window_get_context (ChamberLiveWindow *self);
/* The role's panel (ChamberLiveChair, …), or NULL while the person is not known. */
GtkWidget          *chamber_live_window_get_panel (ChamberLiveWindow *self);
/* The hall display, or NULL when it is not open. */
ChamberLiveHall    *chamber_live_window_get_hall (ChamberLiveWindow *self);
/* The connection state as the header shows it ("" online). */
const char         *chamber_live_window_get_connection_text (ChamberLiveWindow *self);

G_END_DECLS
