/* chamber-outline-item.c — one entry of a document's outline (see chamber-outline-item.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "chamber-outline-item.h"

struct _ChamberOutlineItem
{
  GObject     parent_instance;

  char       *title;
  int         page;
  double      top;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (ChamberOutlineItem, chamber_outline_item, G_TYPE_OBJECT)

ChamberOutlineItem *
chamber_outline_item_new (const char *title, int page, double top)
{
  ChamberOutlineItem *self = g_object_new (CHAMBER_TYPE_OUTLINE_ITEM, NULL);

  self->title = g_strdup (title != NULL ? title : "");
  self->page = page;
  self->top = top;
  return self;
}

const char *
chamber_outline_item_get_title (ChamberOutlineItem *self)
{
  g_return_val_if_fail (CHAMBER_IS_OUTLINE_ITEM (self), NULL);
  return self->title;
}

int
chamber_outline_item_get_page (ChamberOutlineItem *self)
{
  g_return_val_if_fail (CHAMBER_IS_OUTLINE_ITEM (self), -1);
  return self->page;
}

double
chamber_outline_item_get_top (ChamberOutlineItem *self)
{
  g_return_val_if_fail (CHAMBER_IS_OUTLINE_ITEM (self), -1);
  return self->top;
}

GListModel *
chamber_outline_item_get_children (ChamberOutlineItem *self)
{
  g_return_val_if_fail (CHAMBER_IS_OUTLINE_ITEM (self), NULL);
  return G_LIST_MODEL (self->children);
}

void
chamber_outline_item_append (ChamberOutlineItem *self, ChamberOutlineItem *child)
{
  g_return_if_fail (CHAMBER_IS_OUTLINE_ITEM (self));
  g_return_if_fail (CHAMBER_IS_OUTLINE_ITEM (child));

  if (self->children == NULL)
    self->children = g_list_store_new (CHAMBER_TYPE_OUTLINE_ITEM);
  g_list_store_append (self->children, child);
}

static void
chamber_outline_item_finalize (GObject *object)
{
  ChamberOutlineItem *self = CHAMBER_OUTLINE_ITEM (object);

  g_free (self->title);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (chamber_outline_item_parent_class)->finalize (object);
}

static void
chamber_outline_item_class_init (ChamberOutlineItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chamber_outline_item_finalize;
}

static void
chamber_outline_item_init (ChamberOutlineItem *self)
{
  self->page = -1;
  self->top = -1;
}
