/* chamber-anchor.h — places a quoted passage in the text of PDF pages, by the box of every
 * character, for private notes (chamber-notes.c) and whatever draws them.
 *
 * A ChamberAnchorText holds the text of one page or of a whole document as chamber_pdf_text_new()
 * extracts it (poppler's text with one box per character), the pages joined by a line break.
 * Boxes are in points with the origin at the top-left of the page, as poppler's text layout
 * gives them.
 *
 * A passage is searched for in three steps, the first that finds one wins:
 *   CONTEXT  the quote exactly, with the same text before and after it;
 *   QUOTE    the quote exactly, the occurrence whose context agrees best, then the one nearest
 *            to where it was;
 *   FUZZY    the quote with whitespace, line breaks, hyphenation at line ends, case, diacritics
 *            and đ folded away, chosen the same way.
 * Folding is only ever used to compare: every text returned is the text as it is on the page.
 *
 * Built and used on the thread that owns the PopplerDocument (poppler is not safe on one
 * document from two threads). */
#pragma once

#include <gio/gio.h>
#include <poppler.h>

G_BEGIN_DECLS

/* How much context a passage keeps on each side, in characters (cut at a word boundary, so
 * between CHAMBER_ANCHOR_CONTEXT_MIN and CHAMBER_ANCHOR_CONTEXT_CHARS). */
#define CHAMBER_ANCHOR_CONTEXT_CHARS 48
#define CHAMBER_ANCHOR_CONTEXT_MIN   32

typedef enum {
  CHAMBER_ANCHOR_MATCH_CONTEXT,  /* the quote and its context, exactly */
  CHAMBER_ANCHOR_MATCH_QUOTE,    /* the quote exactly, its context changed */
  CHAMBER_ANCHOR_MATCH_FUZZY,    /* the quote once whitespace, hyphenation, case and diacritics
                                  * are folded away */
} ChamberAnchorMatch;

/* Characters [start, end) of a ChamberAnchorText: where a passage is. */
typedef struct {
  guint              start;
  guint              end;
  int                page;   /* 1-based: the page where the passage begins */
  PopplerRectangle   rect;   /* the union of the boxes of its characters on that page */
  ChamberAnchorMatch match;
} ChamberAnchorPassage;

typedef struct _ChamberAnchorText ChamberAnchorText;

/* The text of one page. A page without text (a scan) gives an empty text. */
ChamberAnchorText *chamber_anchor_text_new_for_page (PopplerPage *page);
/* The text of every page of @document; fails only when a page cannot be read (DAMAGED in
 * CHAMBER_PDF_ERROR) or when @cancellable is cancelled (G_IO_ERROR_CANCELLED). */
ChamberAnchorText *chamber_anchor_text_new_for_document (PopplerDocument *document,
                                                         GCancellable    *cancellable,
                                                         GError         **error);
void               chamber_anchor_text_free (ChamberAnchorText *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberAnchorText, chamber_anchor_text_free)

/* The first and last page this text covers (1-based). */
int   chamber_anchor_text_get_first_page (ChamberAnchorText *self);
int   chamber_anchor_text_get_last_page (ChamberAnchorText *self);
/* The number of characters of @page's text (0 for a page without text or out of range). */
guint chamber_anchor_text_get_page_length (ChamberAnchorText *self, int page);

/* The text of characters [start, end), as on the page. */
char *chamber_anchor_text_dup_range (ChamberAnchorText *self, guint start, guint end);
/* About CHAMBER_ANCHOR_CONTEXT_CHARS characters before @start / from @end on, cut at a word
 * boundary; NULL when there are none. */
char *chamber_anchor_text_dup_prefix (ChamberAnchorText *self, guint start);
char *chamber_anchor_text_dup_suffix (ChamberAnchorText *self, guint end);
/* The opening and closing words of @page's text (about CHAMBER_ANCHOR_CONTEXT_CHARS characters
 * each), which find the page again in another version; both NULL for a page without text. */
void  chamber_anchor_text_dup_page_ends (ChamberAnchorText *self, int page, char **out_head,
                                         char **out_tail);

/* The passage that a selection made with poppler_page_get_selected_text() covers: @selected is
 * the text it answered for @selection (the selection's start and end points, in points, origin
 * top-left) on @page. FALSE when the selection holds no text. */
gboolean chamber_anchor_text_find_selection (ChamberAnchorText      *self,
                                             int                     page,
                                             const char             *selected,
                                             const PopplerRectangle *selection,
                                             ChamberAnchorPassage   *out_passage);

/* Finds @quote, with its context @prefix and @suffix (either may be NULL), as described above;
 * among equally good occurrences the one nearest to @near_page (and to @near_rect when not
 * NULL) wins. FALSE when the quote is nowhere. */
gboolean chamber_anchor_text_find (ChamberAnchorText      *self,
                                   const char             *quote,
                                   const char             *prefix,
                                   const char             *suffix,
                                   int                     near_page,
                                   const PopplerRectangle *near_rect,
                                   ChamberAnchorPassage   *out_passage);

/* The page whose text opens with @head (or, failing that, closes with @tail), as given by
 * chamber_anchor_text_dup_page_ends() on another version: the occurrence nearest to
 * @near_page. FALSE when neither is found. */
gboolean chamber_anchor_text_find_page (ChamberAnchorText *self,
                                        const char        *head,
                                        const char        *tail,
                                        int                near_page,
                                        int               *out_page);

/* The boxes of the passage line by line on its first page (element type PopplerRectangle,
 * origin top-left): what a highlight covers. */
GArray *chamber_anchor_text_get_line_rects (ChamberAnchorText          *self,
                                            const ChamberAnchorPassage *passage);

G_END_DECLS
