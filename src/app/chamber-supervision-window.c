/* chamber-supervision-window.c — the committees' and delegate groups' Supervision window (see
 * chamber-supervision-window.h): a header and a ChamberSampleList of the samples assigned to
 * them, without the assignment form.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-supervision-window.h"

#define PARENT_KEY "chamber-supervision-window"

struct _ChamberSupervisionWindow
{
  AdwWindow          parent_instance;

  ChamberSampleList *samples;
  ChamberConnection *connection;
};

G_DEFINE_FINAL_TYPE (ChamberSupervisionWindow, chamber_supervision_window, ADW_TYPE_WINDOW)

static void
reload_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberSupervisionWindow *self = CHAMBER_SUPERVISION_WINDOW (widget);

  if (self->samples != NULL)
    chamber_sample_list_reload (self->samples);
}

static void
chamber_supervision_window_finalize (GObject *object)
{
  ChamberSupervisionWindow *self = CHAMBER_SUPERVISION_WINDOW (object);

  g_clear_pointer (&self->connection, chamber_connection_free);
  G_OBJECT_CLASS (chamber_supervision_window_parent_class)->finalize (object);
}

static void
chamber_supervision_window_class_init (ChamberSupervisionWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = chamber_supervision_window_finalize;
  gtk_widget_class_install_action (widget_class, "supervision.reload", NULL, reload_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "supervision.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
chamber_supervision_window_init (ChamberSupervisionWindow *self)
{
  gtk_window_set_title (GTK_WINDOW (self), _("Supervision"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 640);
}

static void
build (ChamberSupervisionWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (_("Supervision"),
                                           _("Petitions assigned to your committee or group"));
  GtkWidget *reload = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  GtkWidget *note;

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_widget_set_tooltip_text (reload, _("Reload"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reload), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reload"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (reload), "supervision.reload");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), reload);
  gtk_box_append (GTK_BOX (content), header);
  note = gtk_label_new (_("Check each petition the executive reports as resolved, then record "
                          "what you found. A petition found not resolved goes back to "
                          "“in progress”."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  g_object_set (note, "margin-start", 12, "margin-end", 12, "margin-top", 12, NULL);
  gtk_box_append (GTK_BOX (content), note);
  self->samples = CHAMBER_SAMPLE_LIST (chamber_sample_list_new (self->connection, FALSE));
  g_object_set (self->samples, "margin-start", 12, "margin-end", 12, "margin-top", 6,
                "margin-bottom", 12, "vexpand", TRUE, NULL);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->samples));
  adw_window_set_content (ADW_WINDOW (self), content);
  chamber_sample_list_reload (self->samples);
}

static void
window_destroyed_cb (ChamberSupervisionWindow *self, GtkWindow *parent)
{
  if (g_object_get_data (G_OBJECT (parent), PARENT_KEY) == self)
    g_object_set_data (G_OBJECT (parent), PARENT_KEY, NULL);
  self->samples = NULL;
}

ChamberSupervisionWindow *
chamber_supervision_window_present_for (GtkWindow *parent, const ChamberConnection *connection)
{
  ChamberSupervisionWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (connection != NULL, NULL);

  self = chamber_supervision_window_get_for (parent);
  if (self != NULL && g_strcmp0 (self->connection->server_url, connection->server_url) == 0
      && g_strcmp0 (self->connection->token, connection->token) == 0)
    {
      gtk_window_present (GTK_WINDOW (self));
      return self;
    }
  chamber_supervision_window_close_for (parent);
  self = g_object_new (CHAMBER_TYPE_SUPERVISION_WINDOW,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->connection = chamber_connection_copy (connection);
  build (self);
  g_object_set_data (G_OBJECT (parent), PARENT_KEY, self);
  g_signal_connect_object (self, "destroy", G_CALLBACK (window_destroyed_cb), parent, 0);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

ChamberSupervisionWindow *
chamber_supervision_window_get_for (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  return g_object_get_data (G_OBJECT (parent), PARENT_KEY);
}

void
chamber_supervision_window_close_for (GtkWindow *parent)
{
  ChamberSupervisionWindow *self = chamber_supervision_window_get_for (parent);

  if (self != NULL)
    {
      g_object_set_data (G_OBJECT (parent), PARENT_KEY, NULL);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

ChamberSampleList *
chamber_supervision_window_get_samples (ChamberSupervisionWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_SUPERVISION_WINDOW (self), NULL);
  return self->samples;
}
