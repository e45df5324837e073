/* chamber-viewer-window.c — a window with just the viewer (see chamber-viewer-window.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-viewer-window.h"

struct _ChamberViewerWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  ChamberPageView     *page_view;

  GFile               *file;
};

G_DEFINE_FINAL_TYPE (ChamberViewerWindow, chamber_viewer_window, ADW_TYPE_APPLICATION_WINDOW)

ChamberViewerWindow *
chamber_viewer_window_new (ChamberApplication *application)
{
  return g_object_new (CHAMBER_TYPE_VIEWER_WINDOW, "application", application, NULL);
}

void
chamber_viewer_window_open (ChamberViewerWindow *self, GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GFile) parent = NULL;
  g_autofree char *folder = NULL;

  g_return_if_fail (CHAMBER_IS_VIEWER_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  path = g_file_get_path (file);
  name = path != NULL ? g_filename_display_basename (path) : g_file_get_parse_name (file);
  parent = g_file_get_parent (file);
  folder = parent != NULL ? g_file_get_parse_name (parent) : NULL;

  gtk_window_set_title (GTK_WINDOW (self), name);
  adw_window_title_set_title (self->window_title, name);
  adw_window_title_set_subtitle (self->window_title, folder != NULL ? folder : "");

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a file on this computer. Copy it here first, then "
                           "open the copy."), uri);

      chamber_page_view_show_error (self->page_view, message);
      return;
    }
  chamber_page_view_open (self->page_view, path, name);
}

GFile *
chamber_viewer_window_get_file (ChamberViewerWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_VIEWER_WINDOW (self), NULL);
  return self->file;
}

ChamberPageView *
chamber_viewer_window_get_page_view (ChamberViewerWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_VIEWER_WINDOW (self), NULL);
  return self->page_view;
}

static void
chamber_viewer_window_dispose (GObject *object)
{
  ChamberViewerWindow *self = CHAMBER_VIEWER_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_VIEWER_WINDOW);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (chamber_viewer_window_parent_class)->dispose (object);
}

static void
chamber_viewer_window_class_init (ChamberViewerWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_viewer_window_dispose;

  g_type_ensure (CHAMBER_TYPE_PAGE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-viewer-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberViewerWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChamberViewerWindow, page_view);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
chamber_viewer_window_init (ChamberViewerWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  chamber_page_view_set_show_title (self->page_view, FALSE);
}
