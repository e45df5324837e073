/* chamber-agenda-item.c — one agenda item as a list-model object, with how many of its
 * documents came as a new version not opened yet.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-agenda-item.h"

struct _ChamberAgendaItem
{
  GObject      parent_instance;

  ChamberItem *item;
  char        *duration;
  GListStore  *children;
  guint        updates;
  char        *updates_label;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DURATION,
  PROP_HAS_DURATION,
  PROP_UPDATES,
  PROP_HAS_UPDATES,
  PROP_UPDATES_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ChamberAgendaItem, chamber_agenda_item, G_TYPE_OBJECT)

ChamberAgendaItem *
chamber_agenda_item_new (const ChamberItem *item)
{
  ChamberAgendaItem *self;

  g_return_val_if_fail (item != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_AGENDA_ITEM, NULL);
  self->item = chamber_item_copy (item);
  if (item->planned_minutes > 0)
    self->duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes",
                                                   item->planned_minutes),
                                      item->planned_minutes);
  return self;
}

const ChamberItem *
chamber_agenda_item_get_item (ChamberAgendaItem *self)
{
  g_return_val_if_fail (CHAMBER_IS_AGENDA_ITEM (self), NULL);
  return self->item;
}

gint64
chamber_agenda_item_get_id (ChamberAgendaItem *self)
{
  g_return_val_if_fail (CHAMBER_IS_AGENDA_ITEM (self), 0);
  return self->item->id;
}

const char *
chamber_agenda_item_get_title (ChamberAgendaItem *self)
{
  g_return_val_if_fail (CHAMBER_IS_AGENDA_ITEM (self), NULL);
  return self->item->title;
}

const char *
chamber_agenda_item_get_duration (ChamberAgendaItem *self)
{
  g_return_val_if_fail (CHAMBER_IS_AGENDA_ITEM (self), NULL);
  return self->duration;
}

void
chamber_agenda_item_set_updates (ChamberAgendaItem *self,
                                 guint              updates)
{
  gboolean had_updates;

  g_return_if_fail (CHAMBER_IS_AGENDA_ITEM (self));

  if (self->updates == updates)
    return;
  had_updates = self->updates > 0;
  self->updates = updates;
  g_clear_pointer (&self->updates_label, g_free);
  if (updates > 0)
    /* TRANSLATORS: on an agenda item, how many of its documents have a new version the
     * delegate has not opened yet */
    self->updates_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u updated",
                                                        "%u updated", updates),
                                           updates);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATES_LABEL]);
  if (had_updates != (updates > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_UPDATES]);
}

guint
chamber_agenda_item_get_updates (ChamberAgendaItem *self)
{
  g_return_val_if_fail (CHAMBER_IS_AGENDA_ITEM (self), 0);
  return self->updates;
}

GListStore *
chamber_agenda_item_get_children (ChamberAgendaItem *self)
{
  g_return_val_if_fail (CHAMBER_IS_AGENDA_ITEM (self), NULL);
  return self->children;
}

GListStore *
chamber_agenda_item_build_tree (GPtrArray *items)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GListStore *roots = g_list_store_new (CHAMBER_TYPE_AGENDA_ITEM);

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (items, i);
      g_autoptr (ChamberAgendaItem) node = chamber_agenda_item_new (item);
      ChamberAgendaItem *parent = NULL;

      if (item->parent_id != 0)
        parent = g_hash_table_lookup (by_id, &item->parent_id);
      g_list_store_append (parent != NULL ? parent->children : roots, node);
      /* The key lives in the node's own item, which the stores keep alive. */
      g_hash_table_insert (by_id, &node->item->id, node);
    }
  return roots;
}

static void
chamber_agenda_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ChamberAgendaItem *self = CHAMBER_AGENDA_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->item ? self->item->title : NULL);
      break;
    case PROP_DURATION:
      g_value_set_string (value, self->duration);
      break;
    case PROP_HAS_DURATION:
      g_value_set_boolean (value, self->duration != NULL);
      break;
    case PROP_UPDATES:
      g_value_set_uint (value, self->updates);
      break;
    case PROP_HAS_UPDATES:
      g_value_set_boolean (value, self->updates > 0);
      break;
    case PROP_UPDATES_LABEL:
      g_value_set_string (value, self->updates_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_agenda_item_finalize (GObject *object)
{
  ChamberAgendaItem *self = CHAMBER_AGENDA_ITEM (object);

  g_clear_pointer (&self->item, chamber_item_free);
  g_clear_pointer (&self->duration, g_free);
  g_clear_pointer (&self->updates_label, g_free);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (chamber_agenda_item_parent_class)->finalize (object);
}

static void
chamber_agenda_item_class_init (ChamberAgendaItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chamber_agenda_item_finalize;
  object_class->get_property = chamber_agenda_item_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION] =
    g_param_spec_string ("duration", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_DURATION] =
    g_param_spec_boolean ("has-duration", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATES] =
    g_param_spec_uint ("updates", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HAS_UPDATES] =
    g_param_spec_boolean ("has-updates", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UPDATES_LABEL] =
    g_param_spec_string ("updates-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
chamber_agenda_item_init (ChamberAgendaItem *self)
{
  self->children = g_list_store_new (CHAMBER_TYPE_AGENDA_ITEM);
}
