/* chamber-pdf-navigation.c — outline and links with resolved destinations (see
 * chamber-pdf-navigation.h). */
#include "config.h"

#include "chamber-pdf-navigation.h"
#include "chamber-pdf.h"

/* A damaged or hostile outline may nest without end; no real one comes near these. */
#define MAX_OUTLINE_DEPTH   64
#define MAX_OUTLINE_ENTRIES 100000

static void
link_clear (gpointer data)
{
  ChamberPdfLink *link = data;

  g_clear_pointer (&link->uri, g_free);
}

static void
outline_entry_clear (gpointer data)
{
  ChamberPdfOutlineEntry *entry = data;

  g_clear_pointer (&entry->title, g_free);
}

/* Resolves @dest (named or explicit) to a page index and a distance from the page's top. */
static void
resolve_dest (PopplerDocument *document,
              PopplerDest     *dest,
              int             *out_page,
              double          *out_top)
{
  PopplerDest *named = NULL;
  PopplerPage *page;
  int n_pages = poppler_document_get_n_pages (document);
  double height = 0;

  *out_page = -1;
  *out_top = -1;
  if (dest == NULL)
    return;

  if (dest->type == POPPLER_DEST_NAMED)
    {
      if (dest->named_dest == NULL)
        return;
      named = poppler_document_find_dest (document, dest->named_dest);
      if (named == NULL)
        return;
      dest = named;
    }

  if (dest->page_num >= 1 && dest->page_num <= n_pages)
    {
      *out_page = dest->page_num - 1;
      if (dest->change_top
          && (dest->type == POPPLER_DEST_XYZ || dest->type == POPPLER_DEST_FITH
              || dest->type == POPPLER_DEST_FITBH || dest->type == POPPLER_DEST_FITR))
        {
          page = poppler_document_get_page (document, *out_page);
          if (page != NULL)
            {
              poppler_page_get_size (page, NULL, &height);
              g_object_unref (page);
              /* PDF's origin is at the bottom. */
              *out_top = CLAMP (height - dest->top, 0, height);
            }
        }
    }

  if (named != NULL)
    poppler_dest_free (named);
}

/* Fills @page, @top and @uri from @action; FALSE when it leads nowhere a reader can follow. */
static gboolean
resolve_action (PopplerDocument *document,
                PopplerAction   *action,
                int             *out_page,
                double          *out_top,
                char           **out_uri)
{
  *out_page = -1;
  *out_top = -1;
  *out_uri = NULL;
  if (action == NULL)
    return FALSE;

  switch (action->type)
    {
    case POPPLER_ACTION_GOTO_DEST:
      resolve_dest (document, action->goto_dest.dest, out_page, out_top);
      return *out_page >= 0;
    case POPPLER_ACTION_URI:
      if (action->uri.uri == NULL || !g_utf8_validate (action->uri.uri, -1, NULL))
        return FALSE;
      *out_uri = g_strdup (action->uri.uri);
      return TRUE;
    default:
      return FALSE;
    }
}

GArray *
chamber_pdf_navigation_get_links (PopplerDocument *document,
                                  PopplerPage     *page)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (ChamberPdfLink));
  GList *mappings;
  double height = 0;

  g_array_set_clear_func (links, link_clear);
  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), links);
  g_return_val_if_fail (POPPLER_IS_PAGE (page), links);

  poppler_page_get_size (page, NULL, &height);
  /* poppler builds the list backwards; put the links back in the document's order. */
  mappings = g_list_reverse (poppler_page_get_link_mapping (page));
  for (GList *l = mappings; l != NULL; l = l->next)
    {
      PopplerLinkMapping *mapping = l->data;
      ChamberPdfLink link = { { 0, }, -1, -1, NULL };

      if (!resolve_action (document, mapping->action, &link.page, &link.top, &link.uri))
        continue;
      /* poppler reports link areas with PDF's bottom-left origin. */
      link.area.x1 = MIN (mapping->area.x1, mapping->area.x2);
      link.area.x2 = MAX (mapping->area.x1, mapping->area.x2);
      link.area.y1 = height - MAX (mapping->area.y1, mapping->area.y2);
      link.area.y2 = height - MIN (mapping->area.y1, mapping->area.y2);
      g_array_append_val (links, link);
    }
  poppler_page_free_link_mapping (mappings);
  return links;
}

static void
add_outline_level (PopplerDocument  *document,
                   PopplerIndexIter *iter,
                   int               depth,
                   GArray           *entries)
{
  if (depth >= MAX_OUTLINE_DEPTH)
    return;

  do
    {
      g_autoptr (PopplerIndexIter) child = NULL;
      PopplerAction *action;
      ChamberPdfOutlineEntry entry = { NULL, depth, -1, -1 };
      char *uri = NULL;
      const char *title = NULL;

      if (entries->len >= MAX_OUTLINE_ENTRIES)
        return;

      action = poppler_index_iter_get_action (iter);
      if (action != NULL)
        {
          title = action->any.title;
          resolve_action (document, action, &entry.page, &entry.top, &uri);
          g_free (uri);
        }
      entry.title = g_strdup (title != NULL && g_utf8_validate (title, -1, NULL) ? title : "");
      g_strstrip (entry.title);
      if (action != NULL)
        poppler_action_free (action);
      g_array_append_val (entries, entry);

      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        add_outline_level (document, child, depth + 1, entries);
    }
  while (poppler_index_iter_next (iter));
}

GArray *
chamber_pdf_navigation_get_outline (PopplerDocument *document)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (ChamberPdfOutlineEntry));
  g_autoptr (PopplerIndexIter) iter = NULL;

  g_array_set_clear_func (entries, outline_entry_clear);
  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), entries);

  iter = poppler_index_iter_new (document);
  if (iter != NULL)
    add_outline_level (document, iter, 0, entries);
  return entries;
}
