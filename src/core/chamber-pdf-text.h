/* chamber-pdf-text.h — the text of a PDF page as poppler extracts it, with where each character
 * sits, and poppler's find on a page.
 *
 * This is extraction only, on the thread that owns the document (the render worker); what the
 * viewer does with the text afterwards (hit-testing, selection, copy) is plain data work on the
 * UI side.
 *
 * Coordinates are in points with the origin at the top-left corner of the page as
 * poppler_page_get_size() reports it (after the page's own /Rotate, before any view rotation):
 * multiply by the render scale to get surface pixels. Unlike poppler's find and link APIs,
 * nothing here uses PDF's bottom-left origin. */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

typedef struct {
  char             *text;     /* UTF-8, as poppler_page_get_text() returns it */
  PopplerRectangle *boxes;    /* one box per character of @text, line breaks included */
  guint             n_boxes;  /* = g_utf8_strlen (text, -1) */
  double            width;    /* the page, in points */
  double            height;
} ChamberPdfText;

/* The text of @page and one box per character (poppler_page_get_text_layout()). Never NULL: a
 * page without text (a scan) gives "" and no boxes. */
ChamberPdfText *chamber_pdf_text_new (PopplerPage *page);
void            chamber_pdf_text_free (ChamberPdfText *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberPdfText, chamber_pdf_text_free)

/* One rectangle of a match found on a page. A match that runs over a line break
 * (POPPLER_FIND_MULTILINE) has one rectangle per line, all with the same @match. */
typedef struct {
  guint            match;  /* counts from 0 in reading order */
  PopplerRectangle area;   /* top-left origin, points */
} ChamberPdfTextMatch;

/* Every occurrence of @needle on @page (poppler_page_find_text_with_options(); with
 * POPPLER_FIND_IGNORE_DIACRITICS “ngan sach” finds “ngân sách”, though poppler does not fold
 * đ to d). An array of ChamberPdfTextMatch, empty when there is none; @out_n_matches gets the
 * number of matches (not of rectangles). */
GArray         *chamber_pdf_text_find (PopplerPage *page, const char *needle,
                                       PopplerFindFlags flags, guint *out_n_matches);

G_END_DECLS
