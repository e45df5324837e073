/* chamber-page-sidebar.h — the viewer's sidebar: page thumbnails and the document's outline.
 *
 * Thumbnails are small renderings made by the document's ChamberRenderWorker at the lowest
 * priority, only for the rows on screen (a small ChamberPageCache keeps them for scrolling
 * back), the sync-time ones (ChamberPreviewLoader) standing in until then; the current page
 * is highlighted. The outline tab shows the PDF's bookmarks as a tree
 * and is hidden when the document has none. Clicking a thumbnail or an outline entry emits
 * ::page-activated. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-preview-loader.h"
#include "chamber-render-worker.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_PAGE_SIDEBAR (chamber_page_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (ChamberPageSidebar, chamber_page_sidebar, CHAMBER, PAGE_SIDEBAR, GtkWidget)

GtkWidget   *chamber_page_sidebar_new (void);
/* An opened worker, or NULL. */
void         chamber_page_sidebar_set_worker (ChamberPageSidebar *self,
                                              ChamberRenderWorker *worker);
/* The document's sync-time thumbnails (set after the worker, which forgets them), or NULL. */
void         chamber_page_sidebar_set_previews (ChamberPageSidebar *self,
                                                ChamberPreviewLoader *previews);
/* The page to highlight, from 0. */
void         chamber_page_sidebar_set_page (ChamberPageSidebar *self, int page);
void         chamber_page_sidebar_set_rotation (ChamberPageSidebar *self, int rotation);
void         chamber_page_sidebar_set_inverted (ChamberPageSidebar *self, gboolean inverted);

/* For the UI tests: the thumbnails (one row per page), the outline (a GtkTreeListModel of
 * ChamberOutlineItem inside), whether its tab shows (once the outline arrived), and the
 * thumbnail shown for @page. */
GtkListView *chamber_page_sidebar_get_thumbnail_list (ChamberPageSidebar *self);
GtkListView *chamber_page_sidebar_get_outline_list (ChamberPageSidebar *self);
gboolean     chamber_page_sidebar_get_has_outline (ChamberPageSidebar *self);
void         chamber_page_sidebar_show_outline (ChamberPageSidebar *self);
GdkTexture  *chamber_page_sidebar_get_thumbnail (ChamberPageSidebar *self, int page);

G_END_DECLS
