/* chamber-list-box.c — small helpers for GtkListBox shared by the app's lists: the one home for
 * what GTK 4.12's gtk_list_box_remove_all() does, which GTK 4.8 lacks.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "chamber-list-box.h"

void
chamber_list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  /* Only the rows: the placeholder is a child too, and gtk_list_box_remove() would drop it. */
  child = gtk_widget_get_first_child (GTK_WIDGET (list));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      child = next;
    }
}
