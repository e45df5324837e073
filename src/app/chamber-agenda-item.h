/* chamber-agenda-item.h — one agenda item as a list-model object, with its sub-items. */
#pragma once

#include <gio/gio.h>

#include "chamber-model.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_AGENDA_ITEM (chamber_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (ChamberAgendaItem, chamber_agenda_item, CHAMBER, AGENDA_ITEM, GObject)

ChamberAgendaItem *chamber_agenda_item_new (const ChamberItem *item);
const ChamberItem *chamber_agenda_item_get_item (ChamberAgendaItem *self);
gint64             chamber_agenda_item_get_id (ChamberAgendaItem *self);
const char        *chamber_agenda_item_get_title (ChamberAgendaItem *self);
/* “30 minutes”, or NULL when no time is planned. */
const char        *chamber_agenda_item_get_duration (ChamberAgendaItem *self);
/* How many documents of this item came as a new version the person has not opened yet
 * (the "updates", "has-updates" and "updates-label" properties: “1 updated”). */
void               chamber_agenda_item_set_updates (ChamberAgendaItem *self, guint updates);
guint              chamber_agenda_item_get_updates (ChamberAgendaItem *self);
/* The sub-items (ChamberAgendaItem), empty for a leaf. */
GListStore        *chamber_agenda_item_get_children (ChamberAgendaItem *self);

/* Builds the tree from items in tree order (chamber_store_list_items()); returns the store
 * of the top-level items. An item whose parent is missing goes to the top level. */
GListStore *chamber_agenda_item_build_tree (GPtrArray *items);

G_END_DECLS
