/* chamber-pdf-text.c — a page's text, its character boxes, and find (see chamber-pdf-text.h). */
#include "config.h"

#include <string.h>

#include "chamber-pdf-text.h"

ChamberPdfText *
chamber_pdf_text_new (PopplerPage *page)
{
  ChamberPdfText *self;
  PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  glong n_chars;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);

  self = g_new0 (ChamberPdfText, 1);
  poppler_page_get_size (page, &self->width, &self->height);
  self->text = poppler_page_get_text (page);
  if (self->text == NULL || !g_utf8_validate (self->text, -1, NULL))
    {
      g_free (self->text);
      self->text = g_strdup ("");
    }

  n_chars = g_utf8_strlen (self->text, -1);
  if (n_chars > 0 && poppler_page_get_text_layout (page, &boxes, &n_boxes))
    {
      /* poppler gives one box per character of the same text; keep the two in step even if a
       * damaged page ever disagreed, so an index is always valid in both. */
      self->n_boxes = (guint) n_chars;
      self->boxes = g_new0 (PopplerRectangle, self->n_boxes);
      memcpy (self->boxes, boxes, sizeof (PopplerRectangle) * MIN (n_boxes, self->n_boxes));
      g_free (boxes);
    }
  else if (n_chars > 0)
    {
      self->n_boxes = (guint) n_chars;
      self->boxes = g_new0 (PopplerRectangle, self->n_boxes);
    }
  return self;
}

void
chamber_pdf_text_free (ChamberPdfText *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->boxes);
  g_free (self);
}

GArray *
chamber_pdf_text_find (PopplerPage     *page,
                        const char      *needle,
                        PopplerFindFlags flags,
                        guint           *out_n_matches)
{
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (ChamberPdfTextMatch));
  GList *found;
  double height = 0;
  guint match = 0;
  gboolean continues = FALSE;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), matches);
  g_return_val_if_fail (needle != NULL, matches);

  if (out_n_matches != NULL)
    *out_n_matches = 0;
  if (*needle == '\0')
    return matches;

  poppler_page_get_size (page, NULL, &height);
  found = poppler_page_find_text_with_options (page, needle, flags);
  for (GList *l = found; l != NULL; l = l->next)
    {
      const PopplerRectangle *area = l->data;
      ChamberPdfTextMatch m;

      /* A rectangle that is not the continuation of the previous match starts a new one. */
      if (l != found && !continues)
        match++;
      m.match = match;
      /* poppler reports find results with PDF's bottom-left origin. */
      m.area.x1 = MIN (area->x1, area->x2);
      m.area.x2 = MAX (area->x1, area->x2);
      m.area.y1 = height - MAX (area->y1, area->y2);
      m.area.y2 = height - MIN (area->y1, area->y2);
      g_array_append_val (matches, m);
      continues = poppler_rectangle_find_get_match_continued (area);
    }
  if (out_n_matches != NULL)
    *out_n_matches = found != NULL ? match + 1 : 0;
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  return matches;
}
