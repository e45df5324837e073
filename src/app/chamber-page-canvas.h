/* chamber-page-canvas.h — one rendered page (a thumbnail) at its size in logical pixels.
 *
 * The texture is drawn scaled to the page size, so a texture rendered for a HiDPI screen
 * (more device pixels) is sharp. With no texture the page shows blank (white, by CSS); with
 * inverted colours, light on dark like the pages of the document view in dark mode. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHAMBER_TYPE_PAGE_CANVAS (chamber_page_canvas_get_type ())
G_DECLARE_FINAL_TYPE (ChamberPageCanvas, chamber_page_canvas, CHAMBER, PAGE_CANVAS, GtkWidget)

GtkWidget  *chamber_page_canvas_new (void);
void        chamber_page_canvas_set_page_size (ChamberPageCanvas *self, int width, int height);
void        chamber_page_canvas_set_texture (ChamberPageCanvas *self, GdkTexture *texture);
GdkTexture *chamber_page_canvas_get_texture (ChamberPageCanvas *self);
void        chamber_page_canvas_set_inverted (ChamberPageCanvas *self, gboolean inverted);

G_END_DECLS
