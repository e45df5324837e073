/* chamber-page-renderer.h — the render worker of one open PDF.
 *
 * One worker thread (a GThreadPool of one) owns the PopplerDocument: it opens the file and
 * renders pages, so the UI thread never calls poppler, not even to count pages. Jobs run by
 * priority (the visible page first, then its neighbours); a job for a stale zoom (older than
 * the minimum generation) or for a page that moved out of interest is skipped. Results are
 * delivered as signals on the main context that created the renderer. */
#pragma once

#include <gdk/gdk.h>
#include <poppler.h>

G_BEGIN_DECLS

#define CHAMBER_TYPE_PAGE_RENDERER (chamber_page_renderer_get_type ())
G_DECLARE_FINAL_TYPE (ChamberPageRenderer, chamber_page_renderer, CHAMBER, PAGE_RENDERER,
                      GObject)

/* Starts opening @path (with @password, or NULL) in the worker; ::opened or ::open-failed
 * follows. */
ChamberPageRenderer *chamber_page_renderer_new (const char *path, const char *password);
const char          *chamber_page_renderer_get_path (ChamberPageRenderer *self);

/* After ::opened: the page count and each page's size in points. */
int      chamber_page_renderer_get_n_pages (ChamberPageRenderer *self);
gboolean chamber_page_renderer_get_page_size (ChamberPageRenderer *self, int page,
                                              double *out_width, double *out_height);

/* Queues a render of @page (0-based) at @scale device pixels per point. Lower @priority runs
 * first. ::page-rendered, ::page-failed or ::page-skipped follows with the same @generation. */
void chamber_page_renderer_render (ChamberPageRenderer *self, int page, double scale,
                                   int priority, guint generation);
/* Jobs queued with a generation below @min_generation, or for a page further than @radius
 * from @page, are skipped rather than rendered. */
void chamber_page_renderer_set_interest (ChamberPageRenderer *self, guint min_generation,
                                         int page, int radius);

/* The render job itself, on the calling thread: @page of @document at @scale into a texture
 * (the worker uses it; tests and benchmarks may call it directly, never the UI thread). */
GdkTexture *chamber_page_renderer_render_page (PopplerDocument *document, int page, double scale,
                                               GError **error);

G_END_DECLS
