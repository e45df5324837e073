/* chamber-pdf-navigation.h — where a document leads: its outline (bookmarks) and the links on
 * its pages, with every destination resolved to a page index.
 *
 * Areas are in points with the origin at the top-left corner of the page as
 * poppler_page_get_size() reports it (as in chamber-pdf-text.h), not PDF's bottom-left origin.
 * The functions run on the thread that owns the document (the render worker); the arrays they
 * return are plain data that any thread may read. */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

typedef struct {
  PopplerRectangle area;  /* where to click on the page */
  int              page;  /* the target page, from 0; -1 for a link out of the document */
  double           top;   /* points from the top of the target page to show first; -1: its top */
  char            *uri;   /* a web or mail address for a link out of the document, else NULL */
} ChamberPdfLink;

typedef struct {
  char  *title;  /* UTF-8 */
  int    depth;  /* 0 for a top-level entry, 1 for its children, … */
  int    page;   /* the target page, from 0; -1 when the entry leads nowhere in the document */
  double top;    /* as in ChamberPdfLink */
} ChamberPdfOutlineEntry;

/* The links of @page that lead somewhere (a page of @document or an address): an array of
 * ChamberPdfLink that frees its members. */
GArray *chamber_pdf_navigation_get_links (PopplerDocument *document, PopplerPage *page);

/* The outline, flattened in reading order (a parent before its children): an array of
 * ChamberPdfOutlineEntry that frees its members; empty when the document has none. */
GArray *chamber_pdf_navigation_get_outline (PopplerDocument *document);

G_END_DECLS
