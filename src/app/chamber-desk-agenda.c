/* chamber-desk-agenda.c — the desk's agenda editor (see chamber-desk-agenda.h): a GtkListView
 * over a GtkTreeListModel of the session's items, each row an expander with the title
 * (GtkEditableLabel, renamed in place), the planned minutes and the questioning mark; the
 * actions that add, move, nest, un-nest and delete; drag and drop between rows; and the
 * requests that send each change to chamberd (chamber-desk-request.h). Structural changes
 * reload the tree from the server; a change of one item's fields takes the item the server
 * answered.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-desk-agenda.h"
#include "chamber-desk-page.h"
#include "chamber-desk-request.h"
#include "chamber-protocol.h"

/* ---- one item of the tree -------------------------------------------------------------- */

#define DESK_TYPE_NODE (desk_node_get_type ())
G_DECLARE_FINAL_TYPE (DeskNode, desk_node, DESK, NODE, GObject)

struct _DeskNode
{
  GObject      parent_instance;

  ChamberItem *item;
  GListStore  *children;   /* DeskNode */
  DeskNode    *parent;     /* not owned; NULL at the top */
  guint        index;      /* among its siblings */
};

G_DEFINE_FINAL_TYPE (DeskNode, desk_node, G_TYPE_OBJECT)

static void
desk_node_finalize (GObject *object)
{
  DeskNode *self = DESK_NODE (object);

  chamber_item_free (self->item);
  g_clear_object (&self->children);
  G_OBJECT_CLASS (desk_node_parent_class)->finalize (object);
}

static void
desk_node_class_init (DeskNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = desk_node_finalize;
}

static void
desk_node_init (DeskNode *self)
{
  self->children = g_list_store_new (DESK_TYPE_NODE);
}

/* ---- the page -------------------------------------------------------------------------- */

struct _ChamberDeskAgenda
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkEntry           *title_entry;
  GtkLabel           *error_label;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkDropDown        *copy_dropdown;
  GtkWidget          *copy_box;

  ChamberConnection  *connection;
  GCancellable       *cancellable;    /* cancelled when the session changes or the page goes */
  gint64              session_id;
  GPtrArray          *items;          /* ChamberItem, in tree order */
  GListStore         *roots;          /* DeskNode */
  GHashTable         *nodes;          /* item id (gint64 *) → DeskNode (not owned) */
  GArray             *copy_ids;       /* gint64: the sessions the copy dropdown offers */
  gint64              select_after;   /* the item to select once the tree is loaded */
  guint               loads;
  guint               pending;
  char               *last_error;
};

G_DEFINE_FINAL_TYPE (ChamberDeskAgenda, chamber_desk_agenda, GTK_TYPE_WIDGET)

static DeskNode *
lookup_node (ChamberDeskAgenda *self, gint64 item_id)
{
  return g_hash_table_lookup (self->nodes, &item_id);
}

static GListModel *
siblings_of (ChamberDeskAgenda *self, DeskNode *node)
{
  return G_LIST_MODEL (node->parent != NULL ? node->parent->children : self->roots);
}

static DeskNode *
selected_node (ChamberDeskAgenda *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  if (row == NULL)
    return NULL;
  return DESK_NODE (gtk_tree_list_row_get_item (row));
}

static void
update_actions (ChamberDeskAgenda *self)
{
  DeskNode *node = selected_node (self);
  gboolean has_session = self->session_id > 0;
  guint n_siblings = node != NULL ? g_list_model_get_n_items (siblings_of (self, node)) : 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.add", has_session);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.add-sub", node != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.move-up",
                                 node != NULL && node->index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.move-down",
                                 node != NULL && node->index + 1 < n_siblings);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.nest",
                                 node != NULL && node->index > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.unnest",
                                 node != NULL && node->parent != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.delete",
                                 node != NULL
                                   && g_list_model_get_n_items (G_LIST_MODEL (node->children))
                                        == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "agenda.copy",
                                 has_session && self->copy_ids->len > 0);
}

static GListModel *
create_children_cb (gpointer item, gpointer user_data)
{
  DeskNode *node = item;

  if (g_list_model_get_n_items (G_LIST_MODEL (node->children)) == 0)
    return NULL;
  return G_LIST_MODEL (g_object_ref (node->children));
}

void
chamber_desk_agenda_select (ChamberDeskAgenda *self, gint64 item_id)
{
  GListModel *model;
  guint n;

  g_return_if_fail (CHAMBER_IS_DESK_AGENDA (self));

  model = G_LIST_MODEL (self->selection);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, i);
      DeskNode *node = DESK_NODE (gtk_tree_list_row_get_item (row));

      if (node->item->id == item_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                      i);
          break;
        }
    }
  update_actions (self);
}

gint64
chamber_desk_agenda_get_selected (ChamberDeskAgenda *self)
{
  DeskNode *node;

  g_return_val_if_fail (CHAMBER_IS_DESK_AGENDA (self), 0);

  node = selected_node (self);
  return node != NULL ? node->item->id : 0;
}

static void
build_tree (ChamberDeskAgenda *self)
{
  g_autoptr (GtkTreeListModel) tree = NULL;

  g_hash_table_remove_all (self->nodes);
  g_clear_object (&self->roots);
  self->roots = g_list_store_new (DESK_TYPE_NODE);
  for (guint i = 0; i < self->items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (self->items, i);
      g_autoptr (DeskNode) node = g_object_new (DESK_TYPE_NODE, NULL);
      DeskNode *parent = item->parent_id > 0 ? lookup_node (self, item->parent_id) : NULL;
      GListStore *store = parent != NULL ? parent->children : self->roots;

      node->item = chamber_item_copy (item);
      node->parent = parent;
      node->index = g_list_model_get_n_items (G_LIST_MODEL (store));
      g_list_store_append (store, node);
      g_hash_table_insert (self->nodes, &node->item->id, node);
    }
  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->roots)), FALSE, TRUE,
                                  create_children_cb,
                                  NULL, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (tree));
  gtk_stack_set_visible_child_name (self->stack, self->items->len > 0 ? "tree" : "empty");
}

static void
items_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskAgenda *self = CHAMBER_DESK_AGENDA (source);
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  self->loads++;
  if (answer != NULL)
    chamber_desk_answer_fill (answer, "items", (ChamberDeskParseFunc) chamber_item_from_json,
                              self->items, _("The server’s agenda cannot be read."), &error);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The agenda cannot be loaded: %s"),
                                                  error->message);

      chamber_desk_banner_set (self->error_label, &self->last_error, message);
      return;
    }
  chamber_desk_banner_set (self->error_label, NULL, NULL);
  build_tree (self);
  if (self->select_after > 0)
    chamber_desk_agenda_select (self, self->select_after);
  self->select_after = 0;
  update_actions (self);
}

static void
sessions_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskAgenda *self = CHAMBER_DESK_AGENDA (source);
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  JsonArray *array = NULL;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    array = chamber_json_peek_array (json_node_get_object (answer), "sessions");
  g_array_set_size (self->copy_ids, 0);
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr (ChamberSession) session = NULL;
      g_autofree char *label = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      session = chamber_session_from_json (json_node_get_object (node), NULL);
      if (session == NULL || session->id == self->session_id)
        continue;
      /* TRANSLATORS: a session's number and title, like “Session 10 — Regular session” */
      label = g_strdup_printf (_("Session %d — %s"), session->number, session->title);
      gtk_string_list_append (labels, label);
      g_array_append_val (self->copy_ids, session->id);
    }
  gtk_drop_down_set_model (self->copy_dropdown, G_LIST_MODEL (labels));
  gtk_widget_set_visible (self->copy_box, self->copy_ids->len > 0);
  update_actions (self);
}

void
chamber_desk_agenda_reload (ChamberDeskAgenda *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CHAMBER_IS_DESK_AGENDA (self));

  if (self->session_id <= 0)
    return;
  path = g_strdup_printf ("/api/v1/sessions/%lld/items", (long long) self->session_id);
  self->pending++;
  chamber_desk_request_async (self, self->connection, "GET", path, NULL, self->cancellable,
                              items_loaded_cb, NULL);
  self->pending++;
  chamber_desk_request_async (self, self->connection, "GET", "/api/v1/sessions", NULL,
                              self->cancellable, sessions_loaded_cb, NULL);
}

void
chamber_desk_agenda_set_session (ChamberDeskAgenda *self, gint64 session_id)
{
  g_return_if_fail (CHAMBER_IS_DESK_AGENDA (self));

  if (self->session_id == session_id)
    return;
  chamber_desk_cancellable_renew (&self->cancellable);
  self->pending = 0;
  self->session_id = session_id;
  g_ptr_array_set_size (self->items, 0);
  build_tree (self);
  gtk_stack_set_visible_child_name (self->stack, session_id > 0 ? "empty" : "none");
  update_actions (self);
  chamber_desk_agenda_reload (self);
}

/* ---- changes --------------------------------------------------------------------------- */

typedef enum {
  CHANGE_RELOAD,  /* the tree changed: load it again */
  CHANGE_FIELDS,  /* one item's fields: take the answer */
} ChangeKind;

typedef struct {
  ChangeKind kind;
  gint64     select;  /* the item to select after the reload; 0: the answered item */
} Change;

/* Sets the node's fields from the server's answer, without rebuilding the rows. */
static void
take_item (ChamberDeskAgenda *self, JsonObject *object)
{
  g_autoptr (ChamberItem) item = chamber_item_from_json (object, NULL);
  DeskNode *node;

  if (item == NULL)
    return;
  node = lookup_node (self, item->id);
  for (guint i = 0; i < self->items->len; i++)
    {
      ChamberItem *old = g_ptr_array_index (self->items, i);

      if (old->id == item->id)
        {
          g_free (old->title);
          old->title = g_strdup (item->title);
          old->planned_minutes = item->planned_minutes;
          old->questioning = item->questioning;
        }
    }
  if (node != NULL)
    {
      g_free (node->item->title);
      node->item->title = g_strdup (item->title);
      node->item->planned_minutes = item->planned_minutes;
      node->item->questioning = item->questioning;
      g_autoptr (DeskNode) keep = g_object_ref (node);

      /* Rebind the node's row, so it shows what the server holds. */
      g_list_store_splice (node->parent != NULL ? node->parent->children : self->roots,
                           node->index, 1, (gpointer *) &node, 1);
    }
}

static void
changed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskAgenda *self = CHAMBER_DESK_AGENDA (source);
  g_autofree Change *change = user_data;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *item = NULL;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    item = chamber_json_peek_object (json_node_get_object (answer), "item");
  if (error != NULL)
    {
      chamber_desk_page_report (GTK_WIDGET (self), &self->last_error, error->message);
      /* What the rows show goes back to what the server holds. */
      self->select_after = chamber_desk_agenda_get_selected (self);
      chamber_desk_agenda_reload (self);
      return;
    }
  if (change->kind == CHANGE_FIELDS && item != NULL)
    {
      take_item (self, item);
      return;
    }
  self->select_after = change->select;
  if (self->select_after == 0 && item != NULL)
    self->select_after = json_object_get_int_member_with_default (item, "id", 0);
  chamber_desk_agenda_reload (self);
}

static void
send_change (ChamberDeskAgenda *self, const char *method, const char *path, JsonNode *body,
             ChangeKind kind, gint64 select)
{
  Change *change = g_new0 (Change, 1);

  change->kind = kind;
  change->select = select;
  self->pending++;
  chamber_desk_request_async (self, self->connection, method, path, body, self->cancellable,
                              changed_cb, change);
}

static void
send_item_update (ChamberDeskAgenda *self, gint64 item_id, JsonNode *body, ChangeKind kind)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/items/%lld", (long long) item_id);

  send_change (self, "PUT", path, body, kind, item_id);
}

void
chamber_desk_agenda_add (ChamberDeskAgenda *self, const char *title, gboolean as_sub_item)
{
  g_autofree char *typed = NULL;
  g_autofree char *path = NULL;
  DeskNode *parent = NULL;
  JsonObject *object;
  JsonNode *body;

  g_return_if_fail (CHAMBER_IS_DESK_AGENDA (self));

  if (self->session_id <= 0)
    return;
  typed = g_strstrip (g_strdup (title != NULL ? title
                                              : gtk_editable_get_text (GTK_EDITABLE (
                                                  self->title_entry))));
  if (*typed == '\0')
    {
      chamber_desk_page_report (GTK_WIDGET (self), &self->last_error,
                                _("Type the new item’s title first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->title_entry));
      return;
    }
  if (as_sub_item)
    {
      parent = selected_node (self);
      if (parent == NULL)
        {
          chamber_desk_page_report (GTK_WIDGET (self), &self->last_error,
                                    _("Select the item the sub-item goes under."));
          return;
        }
    }
  body = chamber_desk_body_new (&object);
  json_object_set_string_member (object, "title", typed);
  if (parent != NULL)
    json_object_set_int_member (object, "parent_id", parent->item->id);
  path = g_strdup_printf ("/api/v1/sessions/%lld/items", (long long) self->session_id);
  if (title == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_entry), "");
  send_change (self, "POST", path, body, CHANGE_RELOAD, 0);
}

void
chamber_desk_agenda_rename (ChamberDeskAgenda *self, gint64 item_id, const char *title)
{
  g_autofree char *stripped = NULL;
  JsonObject *object;
  JsonNode *body;

  g_return_if_fail (CHAMBER_IS_DESK_AGENDA (self));
  g_return_if_fail (title != NULL);

  stripped = g_strstrip (g_strdup (title));
  if (*stripped == '\0')
    {
      chamber_desk_page_report (GTK_WIDGET (self), &self->last_error, _("An item needs a title."));
      self->select_after = item_id;
      chamber_desk_agenda_reload (self);
      return;
    }
  body = chamber_desk_body_new (&object);
  json_object_set_string_member (object, "title", stripped);
  send_item_update (self, item_id, body, CHANGE_FIELDS);
}

void
chamber_desk_agenda_set_minutes (ChamberDeskAgenda *self, gint64 item_id, int minutes)
{
  JsonObject *object;
  JsonNode *body;

  g_return_if_fail (CHAMBER_IS_DESK_AGENDA (self));

  body = chamber_desk_body_new (&object);
  json_object_set_int_member (object, "planned_minutes", minutes);
  send_item_update (self, item_id, body, CHANGE_FIELDS);
}

void
chamber_desk_agenda_set_questioning (ChamberDeskAgenda *self, gint64 item_id,
                                     gboolean questioning)
{
  JsonObject *object;
  JsonNode *body;

  g_return_if_fail (CHAMBER_IS_DESK_AGENDA (self));

  body = chamber_desk_body_new (&object);
  json_object_set_boolean_member (object, "questioning", questioning);
  send_item_update (self, item_id, body, CHANGE_FIELDS);
}

/* Sends @node to @parent (NULL: the top) at @position among its children. */
static void
move_node (ChamberDeskAgenda *self, DeskNode *node, DeskNode *parent, guint position)
{
  JsonObject *object;
  JsonNode *body = chamber_desk_body_new (&object);

  if (parent != NULL)
    json_object_set_int_member (object, "parent_id", parent->item->id);
  else
    json_object_set_null_member (object, "parent_id");
  json_object_set_int_member (object, "position", position);
  send_item_update (self, node->item->id, body, CHANGE_RELOAD);
}

static gboolean
is_within (DeskNode *node, DeskNode *ancestor)
{
  for (DeskNode *n = node; n != NULL; n = n->parent)
    if (n == ancestor)
      return TRUE;
  return FALSE;
}

void
chamber_desk_agenda_move_before (ChamberDeskAgenda *self, gint64 item_id, gint64 before_id)
{
  DeskNode *node;
  DeskNode *before;
  guint position;

  g_return_if_fail (CHAMBER_IS_DESK_AGENDA (self));

  node = lookup_node (self, item_id);
  before = lookup_node (self, before_id);
  if (node == NULL || before == NULL || node == before)
    return;
  if (is_within (before, node))
    {
      chamber_desk_page_report (GTK_WIDGET (self), &self->last_error,
                                _("An item cannot go under one of its own sub-items."));
      return;
    }
  position = before->index;
  /* Among the same siblings, taking the item out first shifts the ones after it. */
  if (node->parent == before->parent && node->index < before->index)
    position--;
  move_node (self, node, before->parent, position);
}

static void
move_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberDeskAgenda *self = CHAMBER_DESK_AGENDA (widget);
  DeskNode *node = selected_node (self);
  guint n_siblings;

  if (node == NULL)
    return;
  n_siblings = g_list_model_get_n_items (siblings_of (self, node));
  if (g_str_equal (action_name, "agenda.move-up") && node->index > 0)
    move_node (self, node, node->parent, node->index - 1);
  else if (g_str_equal (action_name, "agenda.move-down") && node->index + 1 < n_siblings)
    move_node (self, node, node->parent, node->index + 1);
  else if (g_str_equal (action_name, "agenda.nest") && node->index > 0)
    {
      g_autoptr (DeskNode) above = g_list_model_get_item (siblings_of (self, node),
                                                          node->index - 1);

      move_node (self, node, above,
                 g_list_model_get_n_items (G_LIST_MODEL (above->children)));
    }
  else if (g_str_equal (action_name, "agenda.unnest") && node->parent != NULL)
    move_node (self, node, node->parent->parent, node->parent->index + 1);
}

static void
delete_response_cb (AdwMessageDialog *dialog, const char *response, ChamberDeskAgenda *self)
{
  gint64 item_id = chamber_desk_confirm_get_id (dialog);
  g_autofree char *path = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;
  path = g_strdup_printf ("/api/v1/items/%lld", (long long) item_id);
  send_change (self, "DELETE", path, NULL, CHANGE_RELOAD, -1);
}

AdwMessageDialog *
chamber_desk_agenda_delete_selected (ChamberDeskAgenda *self)
{
  DeskNode *node;
  g_autofree char *body = NULL;

  g_return_val_if_fail (CHAMBER_IS_DESK_AGENDA (self), NULL);

  node = selected_node (self);
  if (node == NULL)
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (node->children)) > 0)
    {
      chamber_desk_page_report (GTK_WIDGET (self), &self->last_error,
                                _("Only an item without sub-items can be deleted. Move or "
                                  "delete its sub-items first."));
      return NULL;
    }
  body = g_strdup_printf (_("“%s” leaves the agenda. An item that holds documents cannot be "
                            "deleted."),
                          node->item->title);
  return chamber_desk_confirm (GTK_WIDGET (self), _("Delete the Item?"), body, "delete",
                               _("_Delete"), ADW_RESPONSE_DESTRUCTIVE, node->item->id,
                               G_CALLBACK (delete_response_cb));
}

static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  chamber_desk_agenda_delete_selected (CHAMBER_DESK_AGENDA (widget));
}

static void
add_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  chamber_desk_agenda_add (CHAMBER_DESK_AGENDA (widget), NULL,
                           g_str_equal (action_name, "agenda.add-sub"));
}

static void
copy_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberDeskAgenda *self = CHAMBER_DESK_AGENDA (widget);
  guint selected = gtk_drop_down_get_selected (self->copy_dropdown);
  g_autofree char *path = NULL;
  JsonObject *object;
  JsonNode *body;

  if (self->session_id <= 0 || selected >= self->copy_ids->len)
    return;
  body = chamber_desk_body_new (&object);
  json_object_set_int_member (object, "from",
                              g_array_index (self->copy_ids, gint64, selected));
  path = g_strdup_printf ("/api/v1/sessions/%lld/copy-agenda", (long long) self->session_id);
  send_change (self, "POST", path, body, CHANGE_RELOAD, -1);
}

/* ---- the rows -------------------------------------------------------------------------- */

static DeskNode *
node_of_list_item (GtkListItem *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);

  if (row == NULL)
    return NULL;
  return DESK_NODE (gtk_tree_list_row_get_item (row));
}

static gboolean
binding (GtkListItem *list_item)
{
  return GPOINTER_TO_INT (g_object_get_data (G_OBJECT (list_item), "chamber-binding"));
}

static void
title_editing_cb (GtkEditableLabel *label, GParamSpec *pspec, GtkListItem *list_item)
{
  ChamberDeskAgenda *self = g_object_get_data (G_OBJECT (list_item), "chamber-agenda");
  DeskNode *node = node_of_list_item (list_item);

  if (node == NULL || binding (list_item) || gtk_editable_label_get_editing (label))
    return;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (label)), node->item->title) != 0)
    chamber_desk_agenda_rename (self, node->item->id, gtk_editable_get_text (GTK_EDITABLE (label)));
}

static void
minutes_changed_cb (GtkSpinButton *spin, GtkListItem *list_item)
{
  ChamberDeskAgenda *self = g_object_get_data (G_OBJECT (list_item), "chamber-agenda");
  DeskNode *node = node_of_list_item (list_item);
  int minutes = gtk_spin_button_get_value_as_int (spin);

  if (node == NULL || binding (list_item) || minutes == node->item->planned_minutes)
    return;
  chamber_desk_agenda_set_minutes (self, node->item->id, minutes);
}

static void
questioning_toggled_cb (GtkCheckButton *check, GtkListItem *list_item)
{
  ChamberDeskAgenda *self = g_object_get_data (G_OBJECT (list_item), "chamber-agenda");
  DeskNode *node = node_of_list_item (list_item);
  gboolean active = gtk_check_button_get_active (check);

  if (node == NULL || binding (list_item) || active == node->item->questioning)
    return;
  chamber_desk_agenda_set_questioning (self, node->item->id, active);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, GtkListItem *list_item)
{
  DeskNode *node = node_of_list_item (list_item);

  if (node == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_INT64, node->item->id);
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y,
         GtkListItem *list_item)
{
  ChamberDeskAgenda *self = g_object_get_data (G_OBJECT (list_item), "chamber-agenda");
  DeskNode *node = node_of_list_item (list_item);

  if (node == NULL || !G_VALUE_HOLDS_INT64 (value))
    return FALSE;
  chamber_desk_agenda_move_before (self, g_value_get_int64 (value), node->item->id);
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item,
              ChamberDeskAgenda *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_editable_label_new ("");
  GtkWidget *minutes = gtk_spin_button_new_with_range (0, 10080, 5);
  GtkWidget *unit = gtk_label_new (_("min"));
  GtkWidget *questioning = gtk_check_button_new_with_label (_("Questioning"));
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_tooltip_text (title, _("Click or press Enter to rename"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  C_("agenda item", "Title"), -1);
  gtk_widget_set_valign (minutes, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (minutes, _("Planned minutes"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (minutes), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Planned minutes"), -1);
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_widget_set_tooltip_text (questioning,
                               _("Delegates question officials under this item"));
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), minutes);
  gtk_box_append (GTK_BOX (box), unit);
  gtk_box_append (GTK_BOX (box), questioning);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);

  g_object_set_data (G_OBJECT (list_item), "chamber-agenda", self);
  g_object_set_data (G_OBJECT (list_item), "chamber-title", title);
  g_object_set_data (G_OBJECT (list_item), "chamber-minutes", minutes);
  g_object_set_data (G_OBJECT (list_item), "chamber-questioning", questioning);
  g_signal_connect (title, "notify::editing", G_CALLBACK (title_editing_cb), list_item);
  g_signal_connect (minutes, "value-changed", G_CALLBACK (minutes_changed_cb), list_item);
  g_signal_connect (questioning, "toggled", G_CALLBACK (questioning_toggled_cb), list_item);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (drag_prepare_cb), list_item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), list_item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (drop));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item,
             ChamberDeskAgenda *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  DeskNode *node = DESK_NODE (gtk_tree_list_row_get_item (row));
  GtkWidget *title = g_object_get_data (G_OBJECT (list_item), "chamber-title");

  g_object_set_data (G_OBJECT (list_item), "chamber-binding", GINT_TO_POINTER (1));
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_editable_set_text (GTK_EDITABLE (title), node->item->title);
  gtk_spin_button_set_value (g_object_get_data (G_OBJECT (list_item), "chamber-minutes"),
                             node->item->planned_minutes);
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (list_item), "chamber-questioning"),
                               node->item->questioning);
  g_object_set_data (G_OBJECT (list_item), "chamber-binding", NULL);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory, GtkListItem *list_item,
               ChamberDeskAgenda *self)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
selection_changed_cb (ChamberDeskAgenda *self)
{
  update_actions (self);
}

/* The first GtkEditableLabel at or under @widget, or NULL. */
static GtkWidget *
find_editable_label (GtkWidget *widget)
{
  if (GTK_IS_EDITABLE_LABEL (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_editable_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* F2: the title of the row with the focus (the row itself or a widget in it) becomes an entry. */
static void
rename_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  for (GtkWidget *w = focus; w != NULL && w != widget; w = gtk_widget_get_parent (w))
    {
      GtkWidget *label;

      if (w == GTK_WIDGET (CHAMBER_DESK_AGENDA (widget)->list_view))
        return;
      label = find_editable_label (w);
      if (label != NULL)
        {
          gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (label));
          return;
        }
    }
}

/* ---- the page -------------------------------------------------------------------------- */

GPtrArray *
chamber_desk_agenda_get_items (ChamberDeskAgenda *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_AGENDA (self), NULL);
  return self->items;
}

gboolean
chamber_desk_agenda_get_questioning (ChamberDeskAgenda *self, gint64 item_id)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_AGENDA (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (self->items, i);

      if (item->id == item_id)
        return item->questioning;
    }
  return FALSE;
}

guint
chamber_desk_agenda_get_loads (ChamberDeskAgenda *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_AGENDA (self), 0);
  return self->loads;
}

guint
chamber_desk_agenda_get_pending (ChamberDeskAgenda *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_AGENDA (self), 0);
  return self->pending;
}

const char *
chamber_desk_agenda_get_last_error (ChamberDeskAgenda *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_AGENDA (self), NULL);
  return self->last_error;
}

static void
chamber_desk_agenda_dispose (GObject *object)
{
  ChamberDeskAgenda *self = CHAMBER_DESK_AGENDA (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (chamber_desk_agenda_parent_class)->dispose (object);
}

static void
chamber_desk_agenda_finalize (GObject *object)
{
  ChamberDeskAgenda *self = CHAMBER_DESK_AGENDA (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->copy_ids, g_array_unref);
  g_clear_object (&self->roots);
  g_free (self->last_error);
  G_OBJECT_CLASS (chamber_desk_agenda_parent_class)->finalize (object);
}

static void
chamber_desk_agenda_class_init (ChamberDeskAgendaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_desk_agenda_dispose;
  object_class->finalize = chamber_desk_agenda_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "agenda.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "agenda.add-sub", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "agenda.move-up", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "agenda.move-down", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "agenda.nest", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "agenda.unnest", NULL, move_activated);
  gtk_widget_class_install_action (widget_class, "agenda.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "agenda.rename", NULL, rename_activated);
  gtk_widget_class_install_action (widget_class, "agenda.copy", NULL, copy_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "agenda.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "agenda.nest", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "agenda.unnest", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "agenda.rename", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK,
                                       "agenda.delete", NULL);
}

static GtkWidget *
tool_button (const char *icon_name, const char *label, const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  return button;
}

static void
title_activated_cb (ChamberDeskAgenda *self)
{
  chamber_desk_agenda_add (self, NULL, FALSE);
}

static void
chamber_desk_agenda_init (ChamberDeskAgenda *self)
{
  GtkListItemFactory *factory;
  GtkWidget *header;
  GtkWidget *heading;
  GtkWidget *add_box;
  GtkWidget *button;
  GtkWidget *tools;
  GtkWidget *scrolled;
  GtkWidget *status;
  GtkWidget *copy_button;
  GtkWidget *copy_label;

  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_item_free);
  self->nodes = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->copy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cancellable = g_cancellable_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 18);
  gtk_widget_set_margin_start (self->box, 18);
  gtk_widget_set_margin_end (self->box, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  heading = gtk_label_new (_("Agenda"));
  gtk_widget_add_css_class (heading, "title-2");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_box_append (GTK_BOX (header), heading);
  gtk_box_append (GTK_BOX (self->box), header);

  add_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->title_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->title_entry, _("Title of a new item"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title of a new item"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_entry), TRUE);
  g_signal_connect_swapped (self->title_entry, "activate", G_CALLBACK (title_activated_cb),
                            self);
  gtk_box_append (GTK_BOX (add_box), GTK_WIDGET (self->title_entry));
  button = gtk_button_new_with_mnemonic (_("_Add Item"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agenda.add");
  gtk_widget_set_tooltip_text (button, _("Add the item at the end of the agenda"));
  gtk_box_append (GTK_BOX (add_box), button);
  button = gtk_button_new_with_mnemonic (_("Add _Sub-item"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "agenda.add-sub");
  gtk_widget_set_tooltip_text (button, _("Add the item under the item selected"));
  gtk_box_append (GTK_BOX (add_box), button);

  tools = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (tools, "linked");
  gtk_widget_set_margin_start (tools, 12);
  gtk_box_append (GTK_BOX (tools), tool_button ("go-up-symbolic", _("Move Up (Alt+Up)"),
                                                "agenda.move-up"));
  gtk_box_append (GTK_BOX (tools), tool_button ("go-down-symbolic", _("Move Down (Alt+Down)"),
                                                "agenda.move-down"));
  gtk_box_append (GTK_BOX (tools), tool_button ("format-indent-less-symbolic",
                                                _("Un-nest (Alt+Left)"), "agenda.unnest"));
  gtk_box_append (GTK_BOX (tools), tool_button ("format-indent-more-symbolic",
                                                _("Nest under the Item Above (Alt+Right)"),
                                                "agenda.nest"));
  gtk_box_append (GTK_BOX (add_box), tools);
  button = tool_button ("user-trash-symbolic", _("Delete the Item (Ctrl+Delete)"),
                        "agenda.delete");
  gtk_box_append (GTK_BOX (add_box), button);
  gtk_box_append (GTK_BOX (self->box), add_box);

  self->error_label = chamber_desk_banner_new (GTK_BOX (self->box), "error", 0);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  self->roots = g_list_store_new (DESK_TYPE_NODE);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (self->selection),
                                                      factory));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Agenda"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_stack_add_named (self->stack, scrolled, "tree");

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "view-list-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("The Agenda Is Empty"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Add its items above, or start from the agenda of an "
                                     "earlier session."));
  self->copy_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (self->copy_box, GTK_ALIGN_CENTER);
  copy_label = gtk_label_new (_("Copy from"));
  gtk_box_append (GTK_BOX (self->copy_box), copy_label);
  self->copy_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->copy_dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, copy_label, NULL, -1);
  gtk_box_append (GTK_BOX (self->copy_box), GTK_WIDGET (self->copy_dropdown));
  copy_button = gtk_button_new_with_mnemonic (_("_Copy Agenda"));
  gtk_widget_add_css_class (copy_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (copy_button), "agenda.copy");
  gtk_box_append (GTK_BOX (self->copy_box), copy_button);
  gtk_widget_set_visible (self->copy_box, FALSE);
  adw_status_page_set_child (ADW_STATUS_PAGE (status), self->copy_box);
  gtk_stack_add_named (self->stack, status, "empty");

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "x-office-calendar-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Session Selected"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Choose a session on the Sessions page to edit its "
                                     "agenda."));
  gtk_stack_add_named (self->stack, status, "none");
  gtk_stack_set_visible_child_name (self->stack, "none");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));

  build_tree (self);
  gtk_stack_set_visible_child_name (self->stack, "none");
  update_actions (self);
}

GtkWidget *
chamber_desk_agenda_new (const ChamberConnection *connection)
{
  ChamberDeskAgenda *self;

  g_return_val_if_fail (connection != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_DESK_AGENDA, NULL);
  self->connection = chamber_connection_copy (connection);
  return GTK_WIDGET (self);
}
