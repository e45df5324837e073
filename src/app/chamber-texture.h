/* chamber-texture.h — a rendered page (a cairo image surface) as a GdkTexture, and how pages
 * are drawn with their colours inverted (dark mode). */
#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Takes over @surface (an ARGB32 image surface): the texture shares its pixels, without a
 * copy, and destroys it when the texture goes. Any thread may call it. */
GdkTexture *chamber_texture_new_for_surface (cairo_surface_t *surface);
/* The same for @pixels in cairo's ARGB32 layout (GDK_MEMORY_DEFAULT), @stride bytes a row. */
GdkTexture *chamber_texture_new_for_pixels (int width, int height, GBytes *pixels,
                                            gsize stride);

/* The rows of a texture made by chamber_texture_new_for_surface() or _for_pixels() cut in horizontal strips of
 * CHAMBER_TEXTURE_STRIP_ROWS rows (the last one shorter), each a GdkTexture sharing the pixels
 * without a copy; the strips hold the top-left @width × @height pixels (at most the texture's
 * size). NULL for a texture made otherwise. The array stays with the texture (asking again for
 * the same size gives the same strips) and is valid while it lives.
 *
 * Why: a GL renderer uploads a texture whole the first time it draws any part of it, so a page
 * drawn as strips costs the upload of what shows — a third of a page at a fitting width —
 * instead of the whole page on the frame that turns to it. */
#define CHAMBER_TEXTURE_STRIP_ROWS 256
GPtrArray  *chamber_texture_get_strips (GdkTexture *texture, int width, int height);

/* What is drawn until the matching gtk_snapshot_pop() has light ink on a dark page: white
 * becomes a dark grey and black a light grey. */
void        chamber_texture_push_inverted (GtkSnapshot *snapshot);

G_END_DECLS
