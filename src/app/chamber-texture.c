/* chamber-texture.c — a rendered page as a GdkTexture (see chamber-texture.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "chamber-texture.h"

static void
surface_destroy (gpointer surface)
{
  cairo_surface_destroy (surface);
}

GdkTexture *
chamber_texture_new_for_surface (cairo_surface_t *surface)
{
  g_autoptr (GBytes) bytes = NULL;
  int width, height, stride;

  g_return_val_if_fail (surface != NULL, NULL);
  g_return_val_if_fail (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32, NULL);

  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 layout (premultiplied, native endian). */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height, surface_destroy, surface);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

void
chamber_texture_push_inverted (GtkSnapshot *snapshot)
{
  graphene_matrix_t matrix;
  graphene_vec4_t offset;

  /* Each colour channel c becomes 0.92 − 0.78 c: white → 0.14, black → 0.92. */
  graphene_matrix_init_scale (&matrix, -0.78f, -0.78f, -0.78f);
  graphene_vec4_init (&offset, 0.92f, 0.92f, 0.92f, 0);
  gtk_snapshot_push_color_matrix (snapshot, &matrix, &offset);
}
