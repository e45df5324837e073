/* chamber-toast.h — showing a message as a toast from any widget: on the nearest
 * AdwToastOverlay the widget sits in. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @message (plain text: it is escaped, as a toast's title is markup) as a toast for
 * @seconds on the AdwToastOverlay that holds @widget; does nothing when no overlay holds it
 * (a widget not shown yet, or one in a window without an overlay). */
void chamber_toast_show_above (GtkWidget *widget, const char *message, guint seconds);

G_END_DECLS
