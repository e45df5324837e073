/* chamber-tab-stop.h — a container that makes what it holds one stop for Tab.
 *
 * Tab entering it focuses the selected row of the list inside (a GtkStackSidebar's or a plain
 * list box's), and Tab or Shift+Tab from inside leaves it, as a sidebar behaves in GNOME apps;
 * the arrow keys still move among the rows. GTK 4.8's list box would instead move the focus
 * (and so the selection, and the page a sidebar shows) row by row with Tab. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHAMBER_TYPE_TAB_STOP (chamber_tab_stop_get_type ())
G_DECLARE_FINAL_TYPE (ChamberTabStop, chamber_tab_stop, CHAMBER, TAB_STOP, GtkWidget)

GtkWidget *chamber_tab_stop_new (void);
void       chamber_tab_stop_set_child (ChamberTabStop *self, GtkWidget *child);
GtkWidget *chamber_tab_stop_get_child (ChamberTabStop *self);

G_END_DECLS
