/* chamber-list-box.h — small helpers for GtkListBox shared by the app's lists.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Removes every row of @list, keeping its placeholder (GTK 4.8 has no
 * gtk_list_box_remove_all). */
void chamber_list_box_remove_all (GtkListBox *list);

G_END_DECLS
