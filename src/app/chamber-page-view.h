/* chamber-page-view.h — the document viewer: toolbar, find bar, sidebar and the pages.
 *
 * A ChamberPageRenderer (one worker thread per open document) opens the PDF and renders it off
 * the UI thread; a ChamberDocumentView shows the pages (continuous or one at a time, zoom,
 * rotation, selection, links, find), a ChamberPageSidebar the thumbnails and the outline. A
 * damaged file shows its error; a protected one asks for its password, which may be
 * remembered on this laptop in the local store. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-document-view.h"
#include "chamber-page-notes.h"
#include "chamber-page-sidebar.h"
#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_PAGE_VIEW (chamber_page_view_get_type ())
G_DECLARE_FINAL_TYPE (ChamberPageView, chamber_page_view, CHAMBER, PAGE_VIEW, GtkWidget)

GtkWidget  *chamber_page_view_new (void);

/* Opens @path (a verified local copy) titled @title; closes what was open. */
void        chamber_page_view_open (ChamberPageView *self, const char *path, const char *title);
/* The same for a document of the local @store whose content hash is @sha256: a password that
 * opens it can be remembered there, and a remembered one is used without asking. */
void        chamber_page_view_open_document (ChamberPageView *self, const char *path,
                                             const char *title, ChamberStore *store,
                                             const char *sha256);
void        chamber_page_view_close (ChamberPageView *self);
/* Shows why nothing can be opened, in place of a document. */
void        chamber_page_view_show_error (ChamberPageView *self, const char *message);
/* The open file, or NULL. */
const char *chamber_page_view_get_path (ChamberPageView *self);
/* Whether the title shows in the viewer's toolbar (a window that shows it itself hides it). */
void        chamber_page_view_set_show_title (ChamberPageView *self, gboolean show_title);

/* Pages count from 1; both are 0 while nothing is open. */
int         chamber_page_view_get_page (ChamberPageView *self);
int         chamber_page_view_get_n_pages (ChamberPageView *self);
void        chamber_page_view_set_page (ChamberPageView *self, int page);
/* Goes to the page with the label @text (“iv”) or, failing that, the number; FALSE when there
 * is no such page. */
/* Shows @page (from 1) with @top (points from its top, or -1) at the top and, when @find is
 * not NULL, finds it there as the find bar does; once the document being opened is open. */
void        chamber_page_view_reveal (ChamberPageView *self, int page, double top,
                                      const char *find);
gboolean    chamber_page_view_go_to_label (ChamberPageView *self, const char *text);

/* What the view shows: "empty", "loading", "page", "error" or "password". */
const char *chamber_page_view_get_state (ChamberPageView *self);
/* The message of the "error" state, else NULL. */
const char *chamber_page_view_get_error_message (ChamberPageView *self);
/* “Page 2 of 12”, or with page labels “iv (4 / 120)”; "" while nothing is open. */
const char *chamber_page_view_get_page_label (ChamberPageView *self);
/* The rendering of the current page at the current zoom once it arrived, else NULL. */
GdkTexture *chamber_page_view_get_texture (ChamberPageView *self);

/* Opens the find bar and finds @query as typing it there does. */
void        chamber_page_view_find (ChamberPageView *self, const char *query);
/* What the find bar says: “3 of 17”, “No matches”… */
const char *chamber_page_view_get_find_status (ChamberPageView *self);

/* Unlocks a protected document as typing @password and clicking Unlock does, with
 * “Remember on this laptop” set to @remember. */
void        chamber_page_view_unlock (ChamberPageView *self, const char *password,
                                      gboolean remember);
/* What the password page says about the last password, or NULL. */
const char *chamber_page_view_get_password_error (ChamberPageView *self);

/* For the UI tests. */
ChamberDocumentView *chamber_page_view_get_document_view (ChamberPageView *self);
ChamberPageSidebar  *chamber_page_view_get_sidebar (ChamberPageView *self);
/* The private notes drawn over the pages (see chamber-page-notes.h). */
ChamberPageNotes    *chamber_page_view_get_notes (ChamberPageView *self);

G_END_DECLS
