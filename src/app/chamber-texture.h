/* chamber-texture.h — a rendered page (a cairo image surface) as a GdkTexture, and how pages
 * are drawn with their colours inverted (dark mode). */
#pragma once

#include <cairo.h>
#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Takes over @surface (an ARGB32 image surface): the texture shares its pixels, without a
 * copy, and destroys it when the texture goes. Any thread may call it. */
GdkTexture *chamber_texture_new_for_surface (cairo_surface_t *surface);

/* What is drawn until the matching gtk_snapshot_pop() has light ink on a dark page: white
 * becomes a dark grey and black a light grey. */
void        chamber_texture_push_inverted (GtkSnapshot *snapshot);

G_END_DECLS
