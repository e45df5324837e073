/* chamber-page-canvas.c — one rendered page at its size in logical pixels.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "chamber-page-canvas.h"
#include "chamber-texture.h"

struct _ChamberPageCanvas
{
  GtkWidget   parent_instance;

  GdkTexture *texture;
  int         width;
  int         height;
  gboolean    inverted;
};

G_DEFINE_FINAL_TYPE (ChamberPageCanvas, chamber_page_canvas, GTK_TYPE_WIDGET)

GtkWidget *
chamber_page_canvas_new (void)
{
  return g_object_new (CHAMBER_TYPE_PAGE_CANVAS, NULL);
}

void
chamber_page_canvas_set_page_size (ChamberPageCanvas *self, int width, int height)
{
  g_return_if_fail (CHAMBER_IS_PAGE_CANVAS (self));

  width = MAX (width, 1);
  height = MAX (height, 1);
  if (self->width == width && self->height == height)
    return;
  self->width = width;
  self->height = height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
chamber_page_canvas_set_texture (ChamberPageCanvas *self, GdkTexture *texture)
{
  g_return_if_fail (CHAMBER_IS_PAGE_CANVAS (self));

  if (g_set_object (&self->texture, texture))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

GdkTexture *
chamber_page_canvas_get_texture (ChamberPageCanvas *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_CANVAS (self), NULL);
  return self->texture;
}

void
chamber_page_canvas_set_inverted (ChamberPageCanvas *self, gboolean inverted)
{
  g_return_if_fail (CHAMBER_IS_PAGE_CANVAS (self));

  inverted = !!inverted;
  if (self->inverted == inverted)
    return;
  self->inverted = inverted;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
chamber_page_canvas_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  ChamberPageCanvas *self = CHAMBER_PAGE_CANVAS (widget);

  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->height;
}

static void
chamber_page_canvas_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  ChamberPageCanvas *self = CHAMBER_PAGE_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  static const GdkRGBA white = { 1, 1, 1, 1 };
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  if (width <= 0 || height <= 0 || (self->texture == NULL && !self->inverted))
    return;
  if (self->inverted)
    {
      chamber_texture_push_inverted (snapshot);
      gtk_snapshot_append_color (snapshot, &white, &bounds);
    }
  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
  if (self->inverted)
    gtk_snapshot_pop (snapshot);
}

static void
chamber_page_canvas_dispose (GObject *object)
{
  ChamberPageCanvas *self = CHAMBER_PAGE_CANVAS (object);

  g_clear_object (&self->texture);
  G_OBJECT_CLASS (chamber_page_canvas_parent_class)->dispose (object);
}

static void
chamber_page_canvas_class_init (ChamberPageCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_page_canvas_dispose;
  widget_class->measure = chamber_page_canvas_measure;
  widget_class->snapshot = chamber_page_canvas_snapshot;
  gtk_widget_class_set_css_name (widget_class, "chamber-page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
chamber_page_canvas_init (ChamberPageCanvas *self)
{
  self->width = 1;
  self->height = 1;
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}
