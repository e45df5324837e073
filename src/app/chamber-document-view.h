/* chamber-document-view.h — the pages of an open document, for a GtkScrolledWindow.
 *
 * All pages stacked (continuous) or one at a time, at a zoom that fits the width, fits the page
 * or is chosen, turned by 0/90/180/270°. A page is rendered by the document's
 * ChamberRenderWorker only when it is near the viewport — visible pages first, then their
 * neighbours — and shows as a blank page of the right size until then (or, after a zoom, as its
 * old rendering stretched); jobs for pages scrolled away are cancelled. Renderings wait in a
 * ChamberPageCache with a byte budget; only the visible pages hold one on screen. They are made
 * for the screen's scale factor, so they are sharp on HiDPI screens, and the page colours can
 * be inverted in dark mode.
 *
 * Text is selected by dragging (or a word by a double click) and copied with Ctrl+C; links lead
 * to their page, or are announced with ::external-link; find highlights every match and
 * emphasises the current one. ::page-rendered and ::page-failed tell when a page's rendering
 * arrived or failed (a failed page says so in its place).
 *
 * Instant open: given the sync-time previews of the document (ChamberPreviewLoader), a visible
 * page that has nothing better to show shows its preview, scaled to its place, until its
 * sharp rendering replaces it; ::page-previewed tells when a preview went on screen. Coordinates on a page are in points
 * from the top-left corner of the unrotated page. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-preview-loader.h"
#include "chamber-render-worker.h"

G_BEGIN_DECLS

typedef enum {
  CHAMBER_ZOOM_FIT_WIDTH,
  CHAMBER_ZOOM_FIT_PAGE,
  CHAMBER_ZOOM_FREE,
} ChamberZoomMode;

/* Zoom in logical pixels per point at 100 % (a page at its printed size on a 96 dpi screen). */
#define CHAMBER_ZOOM_ACTUAL_SIZE (96.0 / 72.0)

#define CHAMBER_TYPE_DOCUMENT_VIEW (chamber_document_view_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDocumentView, chamber_document_view, CHAMBER, DOCUMENT_VIEW,
                      GtkWidget)

GtkWidget      *chamber_document_view_new (void);

/* An opened worker, or NULL to show nothing. Resets the page, the selection and find. */
void            chamber_document_view_set_worker (ChamberDocumentView *self,
                                                  ChamberRenderWorker *worker);

/* The document's sync-time previews (set after the worker, which forgets them), or NULL. */
void            chamber_document_view_set_previews (ChamberDocumentView *self,
                                                    ChamberPreviewLoader *previews);
/* Whether @page shows its preview now, its sharp rendering still to come. */
gboolean        chamber_document_view_get_page_is_preview (ChamberDocumentView *self,
                                                           int page);

/* The current page, from 0: the one that takes most of the viewport. */
int             chamber_document_view_get_page (ChamberDocumentView *self);
void            chamber_document_view_set_page (ChamberDocumentView *self, int page);
/* Shows @page with @top (points from its top, or -1 for the top) at the top of the view. */
void            chamber_document_view_go_to (ChamberDocumentView *self, int page, double top);
/* Scrolls by @pages viewport heights (negative: up). */
void            chamber_document_view_scroll_pages (ChamberDocumentView *self, double pages);

gboolean        chamber_document_view_get_continuous (ChamberDocumentView *self);
void            chamber_document_view_set_continuous (ChamberDocumentView *self,
                                                      gboolean continuous);
ChamberZoomMode chamber_document_view_get_zoom_mode (ChamberDocumentView *self);
void            chamber_document_view_set_zoom_mode (ChamberDocumentView *self,
                                                     ChamberZoomMode mode);
/* In logical pixels per point; setting it chooses CHAMBER_ZOOM_FREE. */
double          chamber_document_view_get_zoom (ChamberDocumentView *self);
void            chamber_document_view_set_zoom (ChamberDocumentView *self, double zoom);
/* The next or previous of the steps 50 % … 400 %; FALSE at the end. */
gboolean        chamber_document_view_zoom_step (ChamberDocumentView *self, gboolean in);
gboolean        chamber_document_view_can_zoom (ChamberDocumentView *self, gboolean in);
int             chamber_document_view_get_rotation (ChamberDocumentView *self);
void            chamber_document_view_set_rotation (ChamberDocumentView *self, int rotation);
gboolean        chamber_document_view_get_invert_colors (ChamberDocumentView *self);
/* Inverts the page colours while the style is dark. */
void            chamber_document_view_set_invert_colors (ChamberDocumentView *self,
                                                         gboolean invert);

/* Selects the text between (@x1, @y1) on @page and (@x2, @y2) on @end_page, as a drag does. */
void            chamber_document_view_select (ChamberDocumentView *self, int page, double x1,
                                              double y1, int end_page, double x2, double y2);
/* The two ends of the selection as chamber_document_view_select() takes them (the first may
 * come after the second in the document); FALSE when nothing is selected. */
gboolean        chamber_document_view_get_selection (ChamberDocumentView *self, int *out_page,
                                                     double *out_x1, double *out_y1,
                                                     int *out_end_page, double *out_x2,
                                                     double *out_y2);
void            chamber_document_view_clear_selection (ChamberDocumentView *self);
gboolean        chamber_document_view_get_has_selection (ChamberDocumentView *self);
/* The selected text and the page (from 0) where it starts, once the text of every page it
 * spans arrived (asked for otherwise); NULL when nothing is selected or not yet. */
char           *chamber_document_view_dup_selected_text (ChamberDocumentView *self,
                                                         int *out_page);
/* Puts the selected text on the clipboard, once the text of every page it spans arrived. */
void            chamber_document_view_copy (ChamberDocumentView *self);

/* Finds @query in every page, from the current one on (NULL or "" stops and clears). */
void            chamber_document_view_find (ChamberDocumentView *self, const char *query);
void            chamber_document_view_find_next (ChamberDocumentView *self, gboolean forward);
/* Matches found so far, the current one counting from 1 (0 when there is none), and whether
 * pages remain to be searched. */
guint           chamber_document_view_get_n_matches (ChamberDocumentView *self);
guint           chamber_document_view_get_current_match (ChamberDocumentView *self);
gboolean        chamber_document_view_get_finding (ChamberDocumentView *self);
/* The page (from 0) of the current match, highlighted apart from the others; -1 when none. */
int             chamber_document_view_get_current_match_page (ChamberDocumentView *self);
/* The matches found on @page (from 0), each highlighted where it is drawn. */
guint           chamber_document_view_get_page_n_matches (ChamberDocumentView *self, int page);

/* @rect (points of the unrotated @page) in this widget's coordinates, for what is drawn over
 * the pages; FALSE when @page is not laid out now (single-page mode shows one). */
gboolean        chamber_document_view_page_to_view (ChamberDocumentView *self, int page,
                                                    const PopplerRectangle *rect,
                                                    graphene_rect_t *out_rect);

/* The rendering @page shows at the current zoom, rotation and scale factor once it arrived,
 * else NULL (also for a page that is not on screen, whose rendering may wait in the cache). */
GdkTexture     *chamber_document_view_get_page_texture (ChamberDocumentView *self, int page);
/* The sharp rendering @page holds as a texture at the current zoom, rotation and scale factor,
 * shown or, next to the screen, held ready for a page turn; else NULL. */
GdkTexture     *chamber_document_view_peek_page_texture (ChamberDocumentView *self, int page);

G_END_DECLS
