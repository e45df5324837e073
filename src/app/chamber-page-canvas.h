/* chamber-page-canvas.h — one rendered page at its size in logical pixels.
 *
 * The texture is drawn scaled to the page size, so a texture rendered for a HiDPI screen
 * (more device pixels) is sharp, and the last texture stays visible, stretched, while a new
 * zoom renders. With no texture the page shows blank (white, by CSS). */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHAMBER_TYPE_PAGE_CANVAS (chamber_page_canvas_get_type ())
G_DECLARE_FINAL_TYPE (ChamberPageCanvas, chamber_page_canvas, CHAMBER, PAGE_CANVAS, GtkWidget)

GtkWidget  *chamber_page_canvas_new (void);
void        chamber_page_canvas_set_page_size (ChamberPageCanvas *self, int width, int height);
void        chamber_page_canvas_set_texture (ChamberPageCanvas *self, GdkTexture *texture);
GdkTexture *chamber_page_canvas_get_texture (ChamberPageCanvas *self);

G_END_DECLS
