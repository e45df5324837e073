/* chamber-anchor.c — finding quoted passages in the text of PDF pages (see chamber-anchor.h).
 *
 * The text is kept twice: as extracted (one gunichar and one box per character, pages joined by
 * a line break) and folded for comparison (no whitespace, no soft or line-end hyphens, no
 * diacritics, đ → d, lower case, typographic dashes and quotes made plain), with a map from
 * each folded character back to the character it came from. A match in the folded text is
 * always turned back into a range of the extracted text. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "chamber-anchor.h"
#include "chamber-pdf-text.h"
#include "chamber-pdf.h"

/* A word boundary is looked for at most this far from where the context is cut. */
#define WORD_SLACK (CHAMBER_ANCHOR_CONTEXT_CHARS - CHAMBER_ANCHOR_CONTEXT_MIN)
/* Slack around a selection when deciding which characters it covers, in points. */
#define SELECTION_SLACK 2.0

typedef struct
{
  int              page;   /* 1-based */
  gboolean         boxed;  /* a visible character with a box from the text layout */
  PopplerRectangle box;
} Glyph;

struct _ChamberAnchorText
{
  int     first_page;
  int     last_page;
  GArray *raw;            /* gunichar: every page's text, pages joined by '\n' */
  GArray *glyphs;         /* Glyph, parallel to raw */
  GArray *page_starts;    /* guint: where each page's text begins in raw */
  GArray *page_lengths;   /* guint: its length, without the joining '\n' */
  GArray *folded;         /* gunichar: raw folded for comparison */
  GArray *folded_to_raw;  /* guint: the raw character each folded one came from */
  GArray *raw_to_folded;  /* guint, raw->len + 1 entries: folded characters before each raw one */
};

/* Folding */

static gboolean
is_ignorable (gunichar c)
{
  return g_unichar_isspace (c)
         || c == 0x00AD                      /* soft hyphen */
         || (c >= 0x200B && c <= 0x200D)     /* zero-width space and joiners */
         || c == 0x2060 || c == 0xFEFF;      /* word joiner, zero-width no-break space */
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* A hyphen that only breaks a word at the end of a line: a letter before it, then whitespace
 * holding a line break, then a letter. */
static gboolean
is_line_end_hyphen (const gunichar *chars,
                    guint           n,
                    guint           i)
{
  gboolean line_break = FALSE;
  guint j;

  if (!is_hyphen (chars[i]) || i == 0 || !g_unichar_isalpha (chars[i - 1]))
    return FALSE;
  for (j = i + 1; j < n && g_unichar_isspace (chars[j]); j++)
    if (chars[j] == '\n' || chars[j] == '\r' || chars[j] == 0x2028)
      line_break = TRUE;
  return line_break && j < n && g_unichar_isalpha (chars[j]);
}

static gunichar
fold_base (gunichar c)
{
  switch (c)
    {
    case 0x0110:  /* Đ */
    case 0x0111:  /* đ */
    case 0x00D0:  /* Ð, often typed for Đ */
    case 0x00F0:
    case 0x0189:
    case 0x0256:
      return 'd';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return '-';
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
      return '"';
    default:
      return g_unichar_tolower (c);
    }
}

/* Appends the folded form of @chars to @out, and to @map (when not NULL) the index of the
 * character each folded one came from; @raw_to_folded (when not NULL) gets n + 1 entries. */
static void
fold_chars (const gunichar *chars,
            guint           n,
            GArray         *out,
            GArray         *map,
            GArray         *raw_to_folded)
{
  for (guint i = 0; i < n; i++)
    {
      gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
      gsize n_decomposed;

      if (raw_to_folded != NULL)
        g_array_append_val (raw_to_folded, out->len);
      if (is_ignorable (chars[i]) || is_line_end_hyphen (chars, n, i))
        continue;

      n_decomposed = g_unichar_fully_decompose (chars[i], TRUE, decomposed,
                                                G_N_ELEMENTS (decomposed));
      for (gsize k = 0; k < n_decomposed; k++)
        {
          gunichar c;

          if (g_unichar_ismark (decomposed[k]) || is_ignorable (decomposed[k]))
            continue;
          c = fold_base (decomposed[k]);
          g_array_append_val (out, c);
          if (map != NULL)
            g_array_append_val (map, i);
        }
    }
  if (raw_to_folded != NULL)
    g_array_append_val (raw_to_folded, out->len);
}

/* @text as gunichars (invalid UTF-8 made valid first). */
static GArray *
to_chars (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GArray *chars = g_array_new (FALSE, FALSE, sizeof (gunichar));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_array_append_val (chars, c);
    }
  return chars;
}

static GArray *
fold_text (const char *text)
{
  g_autoptr (GArray) chars = to_chars (text);
  GArray *folded = g_array_new (FALSE, FALSE, sizeof (gunichar));

  fold_chars ((const gunichar *) chars->data, chars->len, folded, NULL, NULL);
  return folded;
}

/* Building */

static ChamberAnchorText *
anchor_text_new (int first_page)
{
  ChamberAnchorText *self = g_new0 (ChamberAnchorText, 1);

  self->first_page = first_page;
  self->last_page = first_page - 1;
  self->raw = g_array_new (FALSE, FALSE, sizeof (gunichar));
  self->glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->page_lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  self->folded = g_array_new (FALSE, FALSE, sizeof (gunichar));
  self->folded_to_raw = g_array_new (FALSE, FALSE, sizeof (guint));
  self->raw_to_folded = g_array_new (FALSE, FALSE, sizeof (guint));
  return self;
}

static void
append_page (ChamberAnchorText *self,
             PopplerPage       *page)
{
  g_autoptr (ChamberPdfText) page_text = chamber_pdf_text_new (page);
  g_autoptr (GArray) chars = to_chars (page_text->text);
  int page_no = poppler_page_get_index (page) + 1;
  guint start;

  if (self->last_page >= self->first_page)
    {
      gunichar separator = '\n';
      Glyph none = { self->last_page, FALSE, { 0, 0, 0, 0 } };

      g_array_append_val (self->raw, separator);
      g_array_append_val (self->glyphs, none);
    }
  start = self->raw->len;

  for (guint i = 0; i < chars->len; i++)
    {
      gunichar c = g_array_index (chars, gunichar, i);
      Glyph glyph = { page_no, FALSE, { 0, 0, 0, 0 } };

      /* Whitespace has no box worth drawing; a character poppler gave no box has an empty one. */
      if (i < page_text->n_boxes && !g_unichar_isspace (c))
        {
          const PopplerRectangle *r = &page_text->boxes[i];

          glyph.box.x1 = MIN (r->x1, r->x2);
          glyph.box.x2 = MAX (r->x1, r->x2);
          glyph.box.y1 = MIN (r->y1, r->y2);
          glyph.box.y2 = MAX (r->y1, r->y2);
          glyph.boxed = isfinite (glyph.box.x1) && isfinite (glyph.box.x2)
                        && isfinite (glyph.box.y1) && isfinite (glyph.box.y2)
                        && (glyph.box.x2 > glyph.box.x1 || glyph.box.y2 > glyph.box.y1);
        }
      g_array_append_val (self->raw, c);
      g_array_append_val (self->glyphs, glyph);
    }

  g_array_append_val (self->page_starts, start);
  g_array_append_val (self->page_lengths, chars->len);
  self->last_page = page_no;
}

static void
finish_folding (ChamberAnchorText *self)
{
  fold_chars ((const gunichar *) self->raw->data, self->raw->len, self->folded,
              self->folded_to_raw, self->raw_to_folded);
}

ChamberAnchorText *
chamber_anchor_text_new_for_page (PopplerPage *page)
{
  ChamberAnchorText *self;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);

  self = anchor_text_new (poppler_page_get_index (page) + 1);
  append_page (self, page);
  finish_folding (self);
  return self;
}

ChamberAnchorText *
chamber_anchor_text_new_for_document (PopplerDocument *document,
                                      GCancellable    *cancellable,
                                      GError         **error)
{
  g_autoptr (ChamberAnchorText) self = NULL;
  int pages;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = anchor_text_new (1);
  pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < pages; i++)
    {
      g_autoptr (PopplerPage) page = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      page = poppler_document_get_page (document, i);
      if (page == NULL)
        {
          g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_DAMAGED,
                       _("The document is damaged (page %d cannot be read). Ask for a new copy "
                         "of the file."),
                       i + 1);
          return NULL;
        }
      append_page (self, page);
    }
  finish_folding (self);
  return g_steal_pointer (&self);
}

void
chamber_anchor_text_free (ChamberAnchorText *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->raw);
  g_array_unref (self->glyphs);
  g_array_unref (self->page_starts);
  g_array_unref (self->page_lengths);
  g_array_unref (self->folded);
  g_array_unref (self->folded_to_raw);
  g_array_unref (self->raw_to_folded);
  g_free (self);
}

int
chamber_anchor_text_get_first_page (ChamberAnchorText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->first_page;
}

int
chamber_anchor_text_get_last_page (ChamberAnchorText *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->last_page;
}

static gboolean
has_page (ChamberAnchorText *self,
          int                page)
{
  return page >= self->first_page && page <= self->last_page;
}

static guint
page_start (ChamberAnchorText *self,
            int                page)
{
  return g_array_index (self->page_starts, guint, page - self->first_page);
}

guint
chamber_anchor_text_get_page_length (ChamberAnchorText *self,
                                     int                page)
{
  g_return_val_if_fail (self != NULL, 0);

  if (!has_page (self, page))
    return 0;
  return g_array_index (self->page_lengths, guint, page - self->first_page);
}

/* Text */

#define RAW(self, i) g_array_index ((self)->raw, gunichar, (i))
#define GLYPH(self, i) (&g_array_index ((self)->glyphs, Glyph, (i)))

char *
chamber_anchor_text_dup_range (ChamberAnchorText *self,
                               guint              start,
                               guint              end)
{
  g_return_val_if_fail (self != NULL, NULL);

  end = MIN (end, self->raw->len);
  if (start >= end)
    return g_strdup ("");
  return g_ucs4_to_utf8 (&RAW (self, start), end - start, NULL, NULL, NULL);
}

static gboolean
is_space_at (ChamberAnchorText *self,
             guint              i)
{
  return g_unichar_isspace (RAW (self, i));
}

char *
chamber_anchor_text_dup_prefix (ChamberAnchorText *self,
                                guint              start)
{
  guint from;

  g_return_val_if_fail (self != NULL, NULL);

  start = MIN (start, self->raw->len);
  from = start > CHAMBER_ANCHOR_CONTEXT_CHARS ? start - CHAMBER_ANCHOR_CONTEXT_CHARS : 0;
  /* Cut after a space rather than inside a word. */
  if (from > 0 && !is_space_at (self, from - 1))
    for (guint i = from; i < from + WORD_SLACK && i < start; i++)
      if (is_space_at (self, i))
        {
          from = i + 1;
          break;
        }
  if (from >= start)
    return NULL;
  return chamber_anchor_text_dup_range (self, from, start);
}

char *
chamber_anchor_text_dup_suffix (ChamberAnchorText *self,
                                guint              end)
{
  guint to;

  g_return_val_if_fail (self != NULL, NULL);

  end = MIN (end, self->raw->len);
  to = MIN (end + CHAMBER_ANCHOR_CONTEXT_CHARS, self->raw->len);
  /* Cut before a space rather than inside a word. */
  if (to < self->raw->len && !is_space_at (self, to))
    for (guint i = to; i + WORD_SLACK > to && i > end; i--)
      if (is_space_at (self, i - 1))
        {
          to = i - 1;
          break;
        }
  if (to <= end)
    return NULL;
  return chamber_anchor_text_dup_range (self, end, to);
}

/* @start and @end moved inwards past whitespace; FALSE when nothing else is left. */
static gboolean
trim_range (ChamberAnchorText *self,
            guint             *start,
            guint             *end)
{
  while (*start < *end && is_space_at (self, *start))
    (*start)++;
  while (*end > *start && is_space_at (self, *end - 1))
    (*end)--;
  return *start < *end;
}

void
chamber_anchor_text_dup_page_ends (ChamberAnchorText *self,
                                   int                page,
                                   char             **out_head,
                                   char             **out_tail)
{
  guint start, end, cut;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out_head != NULL && out_tail != NULL);

  *out_head = NULL;
  *out_tail = NULL;
  if (!has_page (self, page))
    return;

  start = page_start (self, page);
  end = start + chamber_anchor_text_get_page_length (self, page);
  if (!trim_range (self, &start, &end))
    return;

  /* The opening words: up to the last space within reach, or the whole page. */
  cut = MIN (start + CHAMBER_ANCHOR_CONTEXT_CHARS, end);
  if (cut < end && !is_space_at (self, cut))
    for (guint i = cut; i + WORD_SLACK > cut && i > start; i--)
      if (is_space_at (self, i - 1))
        {
          cut = i - 1;
          break;
        }
  *out_head = chamber_anchor_text_dup_range (self, start, cut);

  /* The closing words, likewise from the end. */
  cut = end > start + CHAMBER_ANCHOR_CONTEXT_CHARS ? end - CHAMBER_ANCHOR_CONTEXT_CHARS : start;
  if (cut > start && !is_space_at (self, cut - 1))
    for (guint i = cut; i < cut + WORD_SLACK && i < end; i++)
      if (is_space_at (self, i))
        {
          cut = i + 1;
          break;
        }
  *out_tail = chamber_anchor_text_dup_range (self, cut, end);
}

/* Passages */

static void
rect_union (PopplerRectangle       *rect,
            gboolean               *empty,
            const PopplerRectangle *box)
{
  if (*empty)
    {
      *rect = *box;
      *empty = FALSE;
      return;
    }
  rect->x1 = MIN (rect->x1, box->x1);
  rect->y1 = MIN (rect->y1, box->y1);
  rect->x2 = MAX (rect->x2, box->x2);
  rect->y2 = MAX (rect->y2, box->y2);
}

/* Fills @out for raw characters [start, end): trimmed, its page, its box on that page. */
static gboolean
make_passage (ChamberAnchorText    *self,
              guint                 start,
              guint                 end,
              ChamberAnchorMatch    match,
              ChamberAnchorPassage *out)
{
  gboolean empty = TRUE;

  if (!trim_range (self, &start, &end))
    return FALSE;

  memset (out, 0, sizeof *out);
  out->start = start;
  out->end = end;
  out->match = match;
  out->page = GLYPH (self, start)->page;
  /* The page of the first character that has a box, should the first ones have none. */
  for (guint i = start; i < end; i++)
    if (GLYPH (self, i)->boxed)
      {
        out->page = GLYPH (self, i)->page;
        break;
      }
  for (guint i = start; i < end; i++)
    {
      const Glyph *glyph = GLYPH (self, i);

      if (glyph->boxed && glyph->page == out->page)
        rect_union (&out->rect, &empty, &glyph->box);
    }
  return TRUE;
}

/* Every position where @needle occurs in @hay[from, to). */
static GArray *
find_all (const GArray *hay,
          guint         from,
          guint         to,
          const GArray *needle)
{
  const gunichar *h = (const gunichar *) hay->data;
  const gunichar *n = (const gunichar *) needle->data;
  guint m = needle->len;
  GArray *found = g_array_new (FALSE, FALSE, sizeof (guint));

  if (m == 0 || to < m)
    return found;
  for (guint i = from; i + m <= to; i++)
    if (h[i] == n[0] && memcmp (h + i, n, m * sizeof (gunichar)) == 0)
      g_array_append_val (found, i);
  return found;
}

/* How many characters of @context end right before @at in @hay (backwards). */
static guint
match_before (const GArray *hay,
              guint         at,
              const GArray *context)
{
  guint k = 0;

  if (context == NULL)
    return 0;
  while (k < context->len && k < at
         && g_array_index (hay, gunichar, at - 1 - k)
              == g_array_index (context, gunichar, context->len - 1 - k))
    k++;
  return k;
}

/* How many characters of @context begin at @at in @hay. */
static guint
match_after (const GArray *hay,
             guint         at,
             const GArray *context)
{
  guint k = 0;

  if (context == NULL)
    return 0;
  while (k < context->len && at + k < hay->len
         && g_array_index (hay, gunichar, at + k) == g_array_index (context, gunichar, k))
    k++;
  return k;
}

typedef struct
{
  ChamberAnchorPassage passage;
  guint                score;  /* folded characters of context that agree */
  int                  page_distance;
  double               distance;
} Candidate;

typedef struct
{
  GArray *quote_raw;
  GArray *prefix_raw;
  GArray *suffix_raw;
  GArray *quote_folded;
  GArray *prefix_folded;
  GArray *suffix_folded;
} Query;

static void
query_clear (Query *query)
{
  g_clear_pointer (&query->quote_raw, g_array_unref);
  g_clear_pointer (&query->prefix_raw, g_array_unref);
  g_clear_pointer (&query->suffix_raw, g_array_unref);
  g_clear_pointer (&query->quote_folded, g_array_unref);
  g_clear_pointer (&query->prefix_folded, g_array_unref);
  g_clear_pointer (&query->suffix_folded, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

/* Trailing and leading whitespace of the quote is not part of what is looked for. */
static void
query_init (Query      *query,
            const char *quote,
            const char *prefix,
            const char *suffix)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (quote != NULL ? quote : ""));

  query->quote_raw = to_chars (trimmed);
  query->prefix_raw = prefix != NULL ? to_chars (prefix) : NULL;
  query->suffix_raw = suffix != NULL ? to_chars (suffix) : NULL;
  query->quote_folded = fold_text (trimmed);
  query->prefix_folded = prefix != NULL ? fold_text (prefix) : NULL;
  query->suffix_folded = suffix != NULL ? fold_text (suffix) : NULL;
}

static guint
folded_index (ChamberAnchorText *self,
              guint              raw_index)
{
  return g_array_index (self->raw_to_folded, guint, raw_index);
}

static void
rank (Candidate              *candidate,
      int                     near_page,
      const PopplerRectangle *near_rect)
{
  const PopplerRectangle *r = &candidate->passage.rect;

  candidate->page_distance = ABS (candidate->passage.page - near_page);
  candidate->distance = near_rect != NULL
                          ? fabs (r->y1 - near_rect->y1) + fabs (r->x1 - near_rect->x1)
                          : 0;
}

/* TRUE when @a is a better place than @b. */
static gboolean
better (const Candidate *a,
        const Candidate *b)
{
  if (a->score != b->score)
    return a->score > b->score;
  if (a->page_distance != b->page_distance)
    return a->page_distance < b->page_distance;
  if (a->distance != b->distance)
    return a->distance < b->distance;
  return a->passage.start < b->passage.start;
}

gboolean
chamber_anchor_text_find (ChamberAnchorText      *self,
                          const char             *quote,
                          const char             *prefix,
                          const char             *suffix,
                          int                     near_page,
                          const PopplerRectangle *near_rect,
                          ChamberAnchorPassage   *out_passage)
{
  g_auto (Query) query = { NULL, };
  g_autoptr (GArray) raw_hits = NULL;
  Candidate best = { { 0, }, 0, 0, 0 };
  gboolean found = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_passage != NULL, FALSE);

  query_init (&query, quote, prefix, suffix);
  if (query.quote_raw->len == 0 || query.quote_folded->len == 0)
    return FALSE;

  /* The quote exactly: first with its whole context, else the best of the others. */
  raw_hits = find_all (self->raw, 0, self->raw->len, query.quote_raw);
  for (int pass = 0; pass < 2 && !found; pass++)
    for (guint i = 0; i < raw_hits->len; i++)
      {
        guint start = g_array_index (raw_hits, guint, i);
        guint end = start + query.quote_raw->len;
        Candidate candidate = { { 0, }, 0, 0, 0 };
        gboolean whole_context;

        whole_context = (query.prefix_raw == NULL
                         || match_before (self->raw, start, query.prefix_raw)
                              == query.prefix_raw->len)
                        && (query.suffix_raw == NULL
                            || match_after (self->raw, end, query.suffix_raw)
                                 == query.suffix_raw->len);
        if (pass == 0 && !whole_context)
          continue;
        if (!make_passage (self, start, end,
                           pass == 0 ? CHAMBER_ANCHOR_MATCH_CONTEXT : CHAMBER_ANCHOR_MATCH_QUOTE,
                           &candidate.passage))
          continue;
        /* With the whole context, every occurrence is as good as the next; otherwise the
         * context that agrees best, compared folded. */
        if (pass == 1)
          candidate.score = match_before (self->folded, folded_index (self, start),
                                          query.prefix_folded)
                            + match_after (self->folded, folded_index (self, end),
                                           query.suffix_folded);
        rank (&candidate, near_page, near_rect);
        if (!found || better (&candidate, &best))
          best = candidate;
        found = TRUE;
      }

  /* The quote folded. */
  if (!found)
    {
      g_autoptr (GArray) hits = find_all (self->folded, 0, self->folded->len, query.quote_folded);

      for (guint i = 0; i < hits->len; i++)
        {
          guint at = g_array_index (hits, guint, i);
          guint last = at + query.quote_folded->len - 1;
          guint start = g_array_index (self->folded_to_raw, guint, at);
          guint end = g_array_index (self->folded_to_raw, guint, last) + 1;
          Candidate candidate = { { 0, }, 0, 0, 0 };

          if (!make_passage (self, start, end, CHAMBER_ANCHOR_MATCH_FUZZY, &candidate.passage))
            continue;
          candidate.score = match_before (self->folded, at, query.prefix_folded)
                            + match_after (self->folded, last + 1, query.suffix_folded);
          rank (&candidate, near_page, near_rect);
          if (!found || better (&candidate, &best))
            best = candidate;
          found = TRUE;
        }
    }

  if (found)
    *out_passage = best.passage;
  return found;
}

gboolean
chamber_anchor_text_find_page (ChamberAnchorText *self,
                               const char        *head,
                               const char        *tail,
                               int                near_page,
                               int               *out_page)
{
  const char *ends[2] = { head, tail };

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out_page != NULL, FALSE);

  for (guint e = 0; e < G_N_ELEMENTS (ends); e++)
    {
      g_auto (Query) query = { NULL, };
      int best_page = 0;

      query_init (&query, ends[e], NULL, NULL);
      if (query.quote_raw->len == 0 || query.quote_folded->len == 0)
        continue;

      for (int level = 0; level < 2 && best_page == 0; level++)
        {
          GArray *hay = level == 0 ? self->raw : self->folded;
          GArray *needle = level == 0 ? query.quote_raw : query.quote_folded;
          g_autoptr (GArray) hits = find_all (hay, 0, hay->len, needle);

          for (guint i = 0; i < hits->len; i++)
            {
              /* The head finds the page it opens, the tail the page it closes. */
              guint at = g_array_index (hits, guint, i) + (e == 0 ? 0 : needle->len - 1);
              guint raw_at = level == 0 ? at : g_array_index (self->folded_to_raw, guint, at);
              int page = GLYPH (self, raw_at)->page;

              if (best_page == 0 || ABS (page - near_page) < ABS (best_page - near_page))
                best_page = page;
            }
        }
      if (best_page != 0)
        {
          *out_page = best_page;
          return TRUE;
        }
    }
  return FALSE;
}

/* Selections */

static double
point_distance (double x1,
                double y1,
                double x2,
                double y2)
{
  return hypot (x1 - x2, y1 - y2);
}

gboolean
chamber_anchor_text_find_selection (ChamberAnchorText      *self,
                                    int                     page,
                                    const char             *selected,
                                    const PopplerRectangle *selection,
                                    ChamberAnchorPassage   *out_passage)
{
  g_auto (Query) query = { NULL, };
  double top, bottom, left, right;
  guint from, to;
  gboolean found = FALSE;
  guint best_score = 0;
  double best_distance = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (selection != NULL, FALSE);
  g_return_val_if_fail (out_passage != NULL, FALSE);

  if (!has_page (self, page))
    return FALSE;
  from = page_start (self, page);
  to = from + chamber_anchor_text_get_page_length (self, page);

  top = MIN (selection->y1, selection->y2) - SELECTION_SLACK;
  bottom = MAX (selection->y1, selection->y2) + SELECTION_SLACK;
  left = MIN (selection->x1, selection->x2) - SELECTION_SLACK;
  right = MAX (selection->x1, selection->x2) + SELECTION_SLACK;

  /* Where the selected text occurs on the page, exactly or folded; a text that occurs more than
   * once is the occurrence whose lines lie in the selection and that starts nearest to where
   * the selection started. */
  query_init (&query, selected, NULL, NULL);
  for (int level = 0; level < 2 && !found && query.quote_raw->len > 0; level++)
    {
      GArray *hay = level == 0 ? self->raw : self->folded;
      GArray *needle = level == 0 ? query.quote_raw : query.quote_folded;
      guint hay_from = level == 0 ? from : folded_index (self, from);
      guint hay_to = level == 0 ? to : folded_index (self, to);
      g_autoptr (GArray) hits = NULL;

      if (needle->len == 0)
        continue;
      hits = find_all (hay, hay_from, hay_to, needle);
      for (guint i = 0; i < hits->len; i++)
        {
          guint at = g_array_index (hits, guint, i);
          guint start = level == 0 ? at : g_array_index (self->folded_to_raw, guint, at);
          guint end = level == 0 ? at + needle->len
                                 : g_array_index (self->folded_to_raw, guint,
                                                  at + needle->len - 1) + 1;
          ChamberAnchorPassage passage;
          guint score = 0;
          double distance;

          if (!make_passage (self, start, end,
                             level == 0 ? CHAMBER_ANCHOR_MATCH_QUOTE : CHAMBER_ANCHOR_MATCH_FUZZY,
                             &passage))
            continue;
          for (guint k = passage.start; k < passage.end; k++)
            {
              const Glyph *glyph = GLYPH (self, k);
              double middle = (glyph->box.y1 + glyph->box.y2) / 2;

              if (glyph->boxed && middle >= top && middle <= bottom)
                score++;
            }
          distance = MIN (point_distance (passage.rect.x1, passage.rect.y1, selection->x1,
                                          selection->y1),
                          point_distance (passage.rect.x1, passage.rect.y1, selection->x2,
                                          selection->y2));
          if (!found || score > best_score || (score == best_score && distance < best_distance))
            {
              *out_passage = passage;
              best_score = score;
              best_distance = distance;
              found = TRUE;
            }
        }
    }
  if (found)
    return TRUE;

  /* The text poppler answered is not in the page's text as extracted (it should be): the
   * characters whose boxes the selection touches, from the first to the last. */
  {
    guint first = G_MAXUINT, last = 0;

    for (guint k = from; k < to; k++)
      {
        const Glyph *glyph = GLYPH (self, k);

        if (glyph->boxed && glyph->box.x2 >= left && glyph->box.x1 <= right
            && glyph->box.y2 >= top && glyph->box.y1 <= bottom)
          {
            first = MIN (first, k);
            last = k;
          }
      }
    if (first == G_MAXUINT)
      return FALSE;
    return make_passage (self, first, last + 1, CHAMBER_ANCHOR_MATCH_FUZZY, out_passage);
  }
}

/* Lines */

GArray *
chamber_anchor_text_get_line_rects (ChamberAnchorText          *self,
                                    const ChamberAnchorPassage *passage)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));
  PopplerRectangle line = { 0, 0, 0, 0 };
  gboolean empty = TRUE;

  g_return_val_if_fail (self != NULL, lines);
  g_return_val_if_fail (passage != NULL, lines);

  for (guint i = passage->start; i < passage->end && i < self->glyphs->len; i++)
    {
      const Glyph *glyph = GLYPH (self, i);
      double middle;

      if (!glyph->boxed || glyph->page != passage->page)
        continue;

      /* A character whose middle is outside the line's height, or that goes back to the left
       * of it, begins a new line. */
      middle = (glyph->box.y1 + glyph->box.y2) / 2;
      if (!empty && (middle < line.y1 || middle > line.y2 || glyph->box.x2 < line.x1))
        {
          g_array_append_val (lines, line);
          empty = TRUE;
        }
      rect_union (&line, &empty, &glyph->box);
    }
  if (!empty)
    g_array_append_val (lines, line);
  return lines;
}
