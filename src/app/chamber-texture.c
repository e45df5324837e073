/* chamber-texture.c — a rendered page as a GdkTexture (see chamber-texture.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "chamber-texture.h"

#define BYTES_KEY  "chamber-texture-bytes"
#define STRIPS_KEY "chamber-texture-strips"

static void
surface_destroy (gpointer surface)
{
  cairo_surface_destroy (surface);
}

GdkTexture *
chamber_texture_new_for_pixels (int width, int height, GBytes *pixels, gsize stride)
{
  GdkTexture *texture;

  g_return_val_if_fail (width > 0 && height > 0 && pixels != NULL, NULL);

  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride);
  /* The pixels, for the strips; GDK keeps its own reference to them. */
  g_object_set_data_full (G_OBJECT (texture), BYTES_KEY, g_bytes_ref (pixels),
                          (GDestroyNotify) g_bytes_unref);
  return texture;
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
  return chamber_texture_new_for_pixels (width, height, bytes, stride);
}

GPtrArray *
chamber_texture_get_strips (GdkTexture *texture, int width, int height)
{
  GBytes *bytes;
  GPtrArray *strips;
  gsize stride;

  g_return_val_if_fail (GDK_IS_TEXTURE (texture), NULL);

  bytes = g_object_get_data (G_OBJECT (texture), BYTES_KEY);
  if (bytes == NULL)
    return NULL;
  width = CLAMP (width, 1, gdk_texture_get_width (texture));
  height = CLAMP (height, 1, gdk_texture_get_height (texture));
  strips = g_object_get_data (G_OBJECT (texture), STRIPS_KEY);
  if (strips != NULL && strips->len > 0
      && gdk_texture_get_width (g_ptr_array_index (strips, 0)) == width
      && (int) ((strips->len - 1) * CHAMBER_TEXTURE_STRIP_ROWS
                + gdk_texture_get_height (g_ptr_array_index (strips, strips->len - 1)))
           == height)
    return strips;

  stride = g_bytes_get_size (bytes) / gdk_texture_get_height (texture);
  strips = g_ptr_array_new_with_free_func (g_object_unref);
  for (int y = 0; y < height; y += CHAMBER_TEXTURE_STRIP_ROWS)
    {
      int rows = MIN (CHAMBER_TEXTURE_STRIP_ROWS, height - y);
      /* From the first byte of the strip to the last pixel it uses. */
      g_autoptr (GBytes) part = g_bytes_new_from_bytes (bytes, (gsize) y * stride,
                                                        (gsize) (rows - 1) * stride
                                                          + (gsize) width * 4);

      g_ptr_array_add (strips, gdk_memory_texture_new (width, rows, GDK_MEMORY_DEFAULT, part,
                                                       stride));
    }
  g_object_set_data_full (G_OBJECT (texture), STRIPS_KEY, strips,
                          (GDestroyNotify) g_ptr_array_unref);
  return strips;
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
