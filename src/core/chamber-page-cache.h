/* chamber-page-cache.h — rendered pages kept within a byte budget, the least recently used
 * going first (like Evince's pixbuf cache).
 *
 * One cache per open document (or per use: the page view and the thumbnails sidebar may keep
 * one each, with their own budgets). Entries are keyed by page, scale and rotation; a surface's
 * cost is its pixel memory (stride × height). The total never exceeds the budget: inserting
 * evicts the oldest entries first, and a surface larger than the whole budget is not kept.
 *
 * Thread rules: not thread-safe; use it on one thread (the UI thread in the app). Surfaces from
 * ChamberRenderJob::finished go straight in. */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* Enough for about a dozen full-HD-wide pages, far below the 300 MB the whole viewer may use. */
#define CHAMBER_PAGE_CACHE_DEFAULT_BUDGET ((gsize) 128 * 1024 * 1024)

#define CHAMBER_TYPE_PAGE_CACHE (chamber_page_cache_get_type ())
G_DECLARE_FINAL_TYPE (ChamberPageCache, chamber_page_cache, CHAMBER, PAGE_CACHE, GObject)

/* @budget in bytes; 0 means CHAMBER_PAGE_CACHE_DEFAULT_BUDGET. */
ChamberPageCache *chamber_page_cache_new (gsize budget);

gsize             chamber_page_cache_get_budget (ChamberPageCache *self);
/* Evicts the oldest entries until the total fits the new budget. */
void              chamber_page_cache_set_budget (ChamberPageCache *self, gsize budget);
/* Bytes held now, always ≤ the budget. */
gsize             chamber_page_cache_get_size (ChamberPageCache *self);
guint             chamber_page_cache_get_n_pages (ChamberPageCache *self);

/* Keeps a reference to @surface (an image surface) for @page at @scale and @rotation, replacing
 * what was there, as the most recently used entry. FALSE when the surface alone is larger than
 * the budget (nothing is kept or evicted then). */
gboolean          chamber_page_cache_insert (ChamberPageCache *self, int page, double scale,
                                             int rotation, cairo_surface_t *surface);
/* A new reference to the surface of exactly @page, @scale, @rotation, which becomes the most
 * recently used entry; NULL when there is none. */
cairo_surface_t  *chamber_page_cache_lookup (ChamberPageCache *self, int page, double scale,
                                             int rotation);
/* A stand-in while the sharp surface renders: a new reference to the surface of @page at
 * @rotation whose scale is nearest to @scale (the larger one on a tie), its scale in
 * @out_scale; NULL when the page has none. Does not change the order of eviction. */
cairo_surface_t  *chamber_page_cache_lookup_nearest (ChamberPageCache *self, int page,
                                                     double scale, int rotation,
                                                     double *out_scale);
/* Drops every entry of @page (its surfaces are stale, e.g. after a new version). */
void              chamber_page_cache_remove_page (ChamberPageCache *self, int page);
void              chamber_page_cache_clear (ChamberPageCache *self);

G_END_DECLS
