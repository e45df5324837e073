/* chamber-toast.c — a message as a toast on the overlay above a widget (see chamber-toast.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>

#include "chamber-toast.h"

void
chamber_toast_show_above (GtkWidget *widget, const char *message, guint seconds)
{
  GtkWidget *overlay;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;
  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, seconds);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}
