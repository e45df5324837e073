/* chamber-outline-item.h — one entry of a document's outline (its bookmarks), with the entries
 * under it. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHAMBER_TYPE_OUTLINE_ITEM (chamber_outline_item_get_type ())
G_DECLARE_FINAL_TYPE (ChamberOutlineItem, chamber_outline_item, CHAMBER, OUTLINE_ITEM, GObject)

/* @page counts from 0, or is -1 for an entry that leads nowhere in the document; @top is in
 * points from the top of that page, or -1. */
ChamberOutlineItem *chamber_outline_item_new (const char *title, int page, double top);
const char         *chamber_outline_item_get_title (ChamberOutlineItem *self);
int                 chamber_outline_item_get_page (ChamberOutlineItem *self);
double              chamber_outline_item_get_top (ChamberOutlineItem *self);
/* The entries under this one (of ChamberOutlineItem), or NULL when there are none. */
GListModel         *chamber_outline_item_get_children (ChamberOutlineItem *self);
void                chamber_outline_item_append (ChamberOutlineItem *self,
                                                 ChamberOutlineItem *child);

G_END_DECLS
