/* chamber-page-text.c — the text of one page with a box per character (see chamber-page-text.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "chamber-page-text.h"
#include "chamber-search.h"

struct _ChamberPageText
{
  gatomicrefcount  ref_count;
  ChamberPdfText  *pdf_text;
  guint            length;   /* characters */
  guint           *offsets;  /* byte offset of each character, and of the end */
  PopplerRectangle *boxes;   /* one per character */
};

G_DEFINE_BOXED_TYPE (ChamberPageText, chamber_page_text, chamber_page_text_ref,
                     chamber_page_text_unref)

ChamberPageText *
chamber_page_text_new (ChamberPdfText *text)
{
  ChamberPageText *self;
  const char *p;
  guint i;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_new0 (ChamberPageText, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->pdf_text = text;
  self->boxes = text->boxes;
  self->length = MIN ((guint) g_utf8_strlen (text->text, -1), text->n_boxes);
  self->offsets = g_new (guint, self->length + 1);
  for (i = 0, p = text->text; i < self->length; i++, p = g_utf8_next_char (p))
    self->offsets[i] = p - text->text;
  self->offsets[self->length] = p - text->text;
  return self;
}

ChamberPageText *
chamber_page_text_ref (ChamberPageText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
chamber_page_text_unref (ChamberPageText *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  chamber_pdf_text_free (self->pdf_text);
  g_free (self->offsets);
  g_free (self);
}

const char *
chamber_page_text_get_text (ChamberPageText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->pdf_text->text;
}

guint
chamber_page_text_get_length (ChamberPageText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->length;
}

static gunichar
char_at (ChamberPageText *self, guint index)
{
  return g_utf8_get_char (self->pdf_text->text + self->offsets[index]);
}

static gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r';
}

guint
chamber_page_text_hit (ChamberPageText *self, double x, double y)
{
  double best_distance = INFINITY;
  guint best = G_MAXUINT;
  const PopplerRectangle *box;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->length; i++)
    {
      double dx, dy, distance;

      box = &self->boxes[i];
      if (is_line_break (char_at (self, i)) || box->x2 <= box->x1)
        continue;
      dx = x < box->x1 ? box->x1 - x : x > box->x2 ? x - box->x2 : 0;
      dy = y < box->y1 ? box->y1 - y : y > box->y2 ? y - box->y2 : 0;
      /* A point beside a line belongs to that line rather than to the line above or below. */
      distance = 4 * dy + dx;
      if (distance < best_distance)
        {
          best_distance = distance;
          best = i;
        }
    }
  if (best == G_MAXUINT)
    return 0;
  box = &self->boxes[best];
  return x > (box->x1 + box->x2) / 2 ? best + 1 : best;
}

gboolean
chamber_page_text_is_over_text (ChamberPageText *self, double x, double y, double slack)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->length; i++)
    {
      const PopplerRectangle *box = &self->boxes[i];

      if (!is_line_break (char_at (self, i)) && box->x2 > box->x1 && x >= box->x1 - slack
          && x <= box->x2 + slack && y >= box->y1 && y <= box->y2)
        return TRUE;
    }
  return FALSE;
}

ChamberTextRange
chamber_page_text_get_word (ChamberPageText *self, guint index)
{
  ChamberTextRange range = { index, index };

  g_return_val_if_fail (self != NULL, range);

  if (index >= self->length || !g_unichar_isalnum (char_at (self, index)))
    {
      range.start = range.end = MIN (index, self->length);
      return range;
    }
  while (range.start > 0 && g_unichar_isalnum (char_at (self, range.start - 1)))
    range.start--;
  while (range.end < self->length && g_unichar_isalnum (char_at (self, range.end)))
    range.end++;
  return range;
}

char *
chamber_page_text_dup_range (ChamberPageText *self, guint start, guint end)
{
  g_return_val_if_fail (self != NULL, NULL);

  end = MIN (end, self->length);
  start = MIN (start, end);
  return g_strndup (self->pdf_text->text + self->offsets[start],
                    self->offsets[end] - self->offsets[start]);
}

GArray *
chamber_page_text_get_range_boxes (ChamberPageText *self, guint start, guint end)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));
  PopplerRectangle line = { 0, 0, 0, 0 };
  gboolean open = FALSE;

  g_return_val_if_fail (self != NULL, boxes);

  end = MIN (end, self->length);
  for (guint i = start; i < end; i++)
    {
      const PopplerRectangle *box = &self->boxes[i];
      double overlap;

      if (is_line_break (char_at (self, i)))
        {
          if (open)
            g_array_append_val (boxes, line);
          open = FALSE;
          continue;
        }
      if (box->x2 <= box->x1 || box->y2 <= box->y1)
        continue;

      /* The same line: the boxes overlap over half the smaller height, left to right. */
      overlap = open ? MIN (line.y2, box->y2) - MAX (line.y1, box->y1) : 0;
      if (open && overlap > MIN (line.y2 - line.y1, box->y2 - box->y1) / 2
          && box->x1 >= line.x1 - 1)
        {
          line.x1 = MIN (line.x1, box->x1);
          line.y1 = MIN (line.y1, box->y1);
          line.x2 = MAX (line.x2, box->x2);
          line.y2 = MAX (line.y2, box->y2);
          continue;
        }
      if (open)
        g_array_append_val (boxes, line);
      line = *box;
      open = TRUE;
    }
  if (open)
    g_array_append_val (boxes, line);
  return boxes;
}

/* The folded characters of @text (chamber_search_fold() keeps each one in its place), a run of
 * blanks as one space and none at the start; @out_origin gets the index in @text of each. */
static void
fold (const char *text, gssize length, GArray *out_chars, GArray *out_origin)
{
  g_autofree char *folded = chamber_search_fold (text, length);
  gboolean after_blank = TRUE;
  guint index = 0;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        {
          if (after_blank)
            continue;
          c = ' ';
          after_blank = TRUE;
        }
      else
        after_blank = FALSE;
      g_array_append_val (out_chars, c);
      if (out_origin != NULL)
        g_array_append_val (out_origin, index);
    }
}

GArray *
chamber_page_text_find (ChamberPageText *self, const char *query)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (ChamberTextRange));
  g_autoptr (GArray) needle = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr (GArray) haystack = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr (GArray) origin = g_array_new (FALSE, FALSE, sizeof (guint));
  const gunichar *n, *h;
  guint n_len, h_len;

  g_return_val_if_fail (self != NULL, matches);
  g_return_val_if_fail (query != NULL, matches);

  if (!g_utf8_validate (query, -1, NULL))
    return matches;
  fold (query, -1, needle, NULL);
  if (needle->len > 0 && g_array_index (needle, gunichar, needle->len - 1) == ' ')
    g_array_set_size (needle, needle->len - 1);
  if (needle->len == 0)
    return matches;

  /* Only the characters that have boxes. */
  fold (self->pdf_text->text, self->offsets[self->length], haystack, origin);

  n = (const gunichar *) (gpointer) needle->data;
  h = (const gunichar *) (gpointer) haystack->data;
  n_len = needle->len;
  h_len = haystack->len;
  for (guint i = 0; i + n_len <= h_len;)
    {
      if (h[i] == n[0] && memcmp (h + i, n, n_len * sizeof (gunichar)) == 0)
        {
          ChamberTextRange range = { g_array_index (origin, guint, i),
                                     g_array_index (origin, guint, i + n_len - 1) + 1 };

          g_array_append_val (matches, range);
          i += n_len;
        }
      else
        i++;
    }
  return matches;
}
