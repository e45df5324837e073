/* chamber-page-text.h — what the viewer does with the text of one page: hit-testing,
 * selection, copy and find.
 *
 * The render worker extracts the text with a box per character (ChamberPdfText, line breaks
 * included); everything here is plain data work, so the UI thread selects, copies and finds text
 * without calling poppler. Boxes are in points from the top-left corner of the unrotated page.
 * Find folds like the search across documents (chamber_search_fold(): lower case, no
 * diacritics, đ → d) and takes any run of blanks or line breaks for one space, so “dat dai”
 * finds “đất\nđai”. */
#pragma once

#include <glib-object.h>

#include "chamber-pdf-text.h"

G_BEGIN_DECLS

/* A run of characters [start, end) of a page's text. */
typedef struct {
  guint start;
  guint end;
} ChamberTextRange;

#define CHAMBER_TYPE_PAGE_TEXT (chamber_page_text_get_type ())

typedef struct _ChamberPageText ChamberPageText;

GType            chamber_page_text_get_type (void) G_GNUC_CONST;
/* Takes over @text. */
ChamberPageText *chamber_page_text_new (ChamberPdfText *text);
ChamberPageText *chamber_page_text_ref (ChamberPageText *self);
void             chamber_page_text_unref (ChamberPageText *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberPageText, chamber_page_text_unref)

const char *chamber_page_text_get_text (ChamberPageText *self);
/* In characters. */
guint       chamber_page_text_get_length (ChamberPageText *self);
/* The place between two characters nearest to (@x, @y): where a selection that starts or ends
 * there begins or stops, 0 … length. */
guint       chamber_page_text_hit (ChamberPageText *self, double x, double y);
/* TRUE when (@x, @y) is on a character (within @slack points of its box). */
gboolean    chamber_page_text_is_over_text (ChamberPageText *self, double x, double y,
                                            double slack);
/* The word around character @index (letters and digits), or an empty range between words. */
ChamberTextRange chamber_page_text_get_word (ChamberPageText *self, guint index);
/* Characters [@start, @end) as UTF-8. */
char       *chamber_page_text_dup_range (ChamberPageText *self, guint start, guint end);
/* Boxes (PopplerRectangle) covering characters [@start, @end), one per line. */
GArray     *chamber_page_text_get_range_boxes (ChamberPageText *self, guint start, guint end);
/* Every occurrence of @query, a GArray of ChamberTextRange in reading order. */
GArray     *chamber_page_text_find (ChamberPageText *self, const char *query);

G_END_DECLS
