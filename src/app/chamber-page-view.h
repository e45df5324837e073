/* chamber-page-view.h — the document viewer: one page at a time, rendered off the UI thread.
 *
 * A ChamberPageRenderer (one worker thread per open document) opens and renders the PDF; this
 * widget asks for the visible page and its neighbours at the zoom that fits the width (or a
 * chosen zoom), shows each page as soon as it arrives, drops results for a zoom that changed
 * meanwhile, and re-renders after a resize settles. A damaged file shows its error; a
 * protected one asks for its password. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHAMBER_TYPE_PAGE_VIEW (chamber_page_view_get_type ())
G_DECLARE_FINAL_TYPE (ChamberPageView, chamber_page_view, CHAMBER, PAGE_VIEW, GtkWidget)

GtkWidget  *chamber_page_view_new (void);

/* Opens @path (a verified local copy) titled @title; closes what was open. */
void        chamber_page_view_open (ChamberPageView *self, const char *path, const char *title);
void        chamber_page_view_close (ChamberPageView *self);
/* The open file, or NULL. */
const char *chamber_page_view_get_path (ChamberPageView *self);

/* Pages count from 1; both are 0 while nothing is open. */
int         chamber_page_view_get_page (ChamberPageView *self);
int         chamber_page_view_get_n_pages (ChamberPageView *self);
void        chamber_page_view_set_page (ChamberPageView *self, int page);

/* What the view shows: "empty", "loading", "page", "error" or "password". */
const char *chamber_page_view_get_state (ChamberPageView *self);
/* The message of the "error" state, else NULL. */
const char *chamber_page_view_get_error_message (ChamberPageView *self);
/* “Page 2 of 12”, or "" while nothing is open. */
const char *chamber_page_view_get_page_label (ChamberPageView *self);
/* The rendering of the current page at the current zoom once it arrived, else NULL. */
GdkTexture *chamber_page_view_get_texture (ChamberPageView *self);

G_END_DECLS
