/* chamber-live-chair.c — the chair's console (see chamber-live-chair.h). Everything shown is
 * rebuilt from the live state on every change; every button is a "chair.*" action that sends
 * one command. Commands that act on what the chair sees in the queue (grant, reorder, remove)
 * carry "expected_seq", so that a second chair acting at the same moment gets a clear refusal
 * instead of granting someone else. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-live-chair.h"

struct _ChamberLiveChair
{
  GtkWidget           parent_instance;

  GtkListBox         *agenda_list;
  GtkLabel           *item_label;
  ChamberLiveNow     *now;
  GtkWidget          *pause_button;
  GtkWidget          *resume_button;
  GtkLabel           *queue_heading;
  GtkWidget          *close_list_button;
  GtkWidget          *open_list_button;
  GtkListBox         *queue_list;
  GtkEntry           *group_entry;

  ChamberLiveContext *context;
  GArray             *queue_ids;    /* gint64, as shown */
  GArray             *shown_ids;    /* for chamber_live_chair_get_queue_ids() */
  char               *agenda_key;   /* what the agenda shows, rebuilt only on change */
  char               *queue_key;
};

G_DEFINE_FINAL_TYPE (ChamberLiveChair, chamber_live_chair, GTK_TYPE_WIDGET)

static ChamberLiveState *
get_state (ChamberLiveChair *self)
{
  return chamber_live_context_get_state (self->context);
}

static void
send (ChamberLiveChair *self, JsonObject *command, gboolean expect_seq)
{
  chamber_live_context_send (self->context, command, expect_seq, GTK_WIDGET (self), NULL, NULL);
}

/* ---- The agenda --------------------------------------------------------------------------- */

static const char *
item_state_label (const ChamberLiveItem *item, gboolean current)
{
  if (current)
    return item->list_closed ? _("Now · list closed") : _("Now");
  switch (item->state)
    {
    case CHAMBER_ITEM_STATE_OPEN:
      return _("Open");
    case CHAMBER_ITEM_STATE_CLOSED:
      return _("Closed");
    case CHAMBER_ITEM_STATE_NOT_STARTED:
    default:
      return _("Not started");
    }
}

static void
show_agenda (ChamberLiveChair *self)
{
  ChamberLiveState *state = get_state (self);
  GPtrArray *items = chamber_live_state_get_items (state);
  const ChamberLiveItem *current = chamber_live_state_get_current_item (state);
  g_autoptr (GString) key = g_string_new (NULL);
  GtkWidget *child;

  for (guint i = 0; i < items->len; i++)
    {
      const ChamberLiveItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (key, "%lld:%d:%d:%d:%s\n", (long long) item->id, item->state,
                              item == current, item->list_closed,
                              item->title ? item->title : "");
    }
  if (g_strcmp0 (key->str, self->agenda_key) == 0)
    return;
  g_free (self->agenda_key);
  self->agenda_key = g_strdup (key->str);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->agenda_list))) != NULL)
    gtk_list_box_remove (self->agenda_list, child);
  for (guint i = 0; i < items->len; i++)
    {
      const ChamberLiveItem *item = g_ptr_array_index (items, i);
      gboolean is_current = item == current;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     item->title != NULL ? item->title : "");
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item_state_label (item, is_current));
      if (is_current)
        {
          gtk_widget_add_css_class (row, "chamber-live-current-item");
          button = gtk_button_new_with_label (_("Close"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "chair.close-item");
          gtk_widget_set_tooltip_text (button, _("Close this item"));
        }
      else
        {
          button = gtk_button_new_with_label (item->state == CHAMBER_ITEM_STATE_CLOSED
                                                ? _("Reopen") : _("Open"));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "chair.open-item");
          gtk_widget_set_tooltip_text (button, _("Make this the current item"));
        }
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", (gint64) item->id);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->agenda_list, row);
    }
}

/* ---- The queue ---------------------------------------------------------------------------- */

static const ChamberLiveGroup *
find_group (const ChamberLiveItem *item, gint64 group_id)
{
  for (guint i = 0; item != NULL && i < item->groups->len; i++)
    {
      const ChamberLiveGroup *group = g_ptr_array_index (item->groups, i);

      if (group->id == group_id)
        return group;
    }
  return NULL;
}

static GMenuModel *
row_menu (const ChamberLiveItem *item, const ChamberLiveRequest *request)
{
  GMenu *menu = g_menu_new ();
  g_autoptr (GMenu) main_section = g_menu_new ();
  g_autoptr (GMenu) groups = g_menu_new ();
  g_autoptr (GMenuItem) top = g_menu_item_new (_("Move to the _Top"), NULL);
  g_autoptr (GMenuItem) remove = g_menu_item_new (_("_Remove from the Queue"), NULL);

  g_menu_item_set_action_and_target (top, "chair.move-top", "x", (gint64) request->id);
  g_menu_item_set_action_and_target (remove, "chair.remove", "x", (gint64) request->id);
  g_menu_append_item (main_section, top);
  g_menu_append_item (main_section, remove);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (main_section));

  for (guint i = 0; item != NULL && i < item->groups->len; i++)
    {
      const ChamberLiveGroup *group = g_ptr_array_index (item->groups, i);
      g_autoptr (GMenuItem) entry = g_menu_item_new (group->name, NULL);

      g_menu_item_set_action_and_target (entry, "chair.set-group", "(xx)",
                                         (gint64) request->id, (gint64) group->id);
      g_menu_append_item (groups, entry);
    }
  if (item != NULL && item->groups->len > 0)
    {
      g_autoptr (GMenuItem) none = g_menu_item_new (_("No Group"), NULL);

      g_menu_item_set_action_and_target (none, "chair.set-group", "(xx)",
                                         (gint64) request->id, (gint64) 0);
      g_menu_append_item (groups, none);
      g_menu_append_section (menu, _("Issue Group"), G_MENU_MODEL (groups));
    }
  return G_MENU_MODEL (menu);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, gpointer user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "request-id"));

  return gdk_content_provider_new_typed (G_TYPE_INT64, id);
}

static void
drag_begin_cb (GtkDragSource *source, GdkDrag *drag, gpointer user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, paintable, 20, 20);
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, gpointer user_data)
{
  ChamberLiveChair *self = user_data;
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  gint64 dragged = g_value_get_int64 (value);
  int position = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  JsonObject *command;

  if (position < 0 || dragged <= 0
      || dragged == (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "request-id")))
    return FALSE;
  command = chamber_live_command_new ("reorder");
  json_object_set_int_member (command, "request", dragged);
  json_object_set_int_member (command, "position", position);
  send (self, command, TRUE);
  return TRUE;
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, const char *action, gint64 target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", target);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
queue_row (ChamberLiveChair *self, const ChamberLiveItem *item, const ChamberLiveRequest *request,
           guint position, gboolean last)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *number = g_strdup_printf ("%u", position + 1);
  GtkWidget *number_label = gtk_label_new (number);
  g_autofree char *name = chamber_live_context_describe_person (self->context,
                                                                request->person_id, FALSE);
  GtkWidget *name_label = gtk_label_new (name);
  g_autofree char *description = chamber_live_describe_request (self->context, request);
  GtkWidget *description_label = gtk_label_new (description);
  const ChamberLiveGroup *group = find_group (item, request->group_id);
  g_autoptr (GMenuModel) menu = row_menu (item, request);
  GtkWidget *grant = gtk_button_new_with_mnemonic (_("_Give Floor"));
  GtkWidget *more = gtk_menu_button_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);
  g_autofree char *accessible = g_strdup_printf ("%s, %s", name, description);

  g_object_set_data (G_OBJECT (row), "request-id", GSIZE_TO_POINTER ((gsize) request->id));
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_widget_add_css_class (number_label, "chamber-live-position");
  gtk_widget_add_css_class (number_label, "numeric");
  gtk_widget_set_valign (number_label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), number_label);

  gtk_widget_set_hexpand (text, TRUE);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_wrap (GTK_LABEL (name_label), TRUE);
  gtk_widget_add_css_class (name_label, "heading");
  gtk_box_append (GTK_BOX (text), name_label);
  gtk_label_set_xalign (GTK_LABEL (description_label), 0);
  gtk_label_set_wrap (GTK_LABEL (description_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (description_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (description_label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (description_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (description_label, "caption");
  gtk_box_append (GTK_BOX (text), description_label);
  if (request->anchor.document_id != 0)
    {
      g_autofree char *where = chamber_live_describe_anchor (self->context, &request->anchor,
                                                             120);
      GtkWidget *anchor_label = gtk_label_new (where);

      gtk_label_set_xalign (GTK_LABEL (anchor_label), 0);
      gtk_label_set_wrap (GTK_LABEL (anchor_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (anchor_label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (anchor_label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (anchor_label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (anchor_label, "caption");
      gtk_widget_add_css_class (anchor_label, "chamber-live-anchor");
      gtk_widget_add_css_class (anchor_label, "dim-label");
      gtk_widget_set_name (anchor_label, "anchor");
      gtk_box_append (GTK_BOX (text), anchor_label);
    }
  if (request->priority || request->kind == CHAMBER_LIVE_POINT_OF_ORDER || group != NULL)
    {
      g_autoptr (GString) tags = g_string_new (NULL);
      GtkWidget *tags_label;

      if (request->kind == CHAMBER_LIVE_POINT_OF_ORDER)
        g_string_append (tags, _("Goes first"));
      else if (request->priority)
        g_string_append (tags, _("Asked the question: debates first"));
      if (group != NULL)
        g_string_append_printf (tags, "%s%s", tags->len > 0 ? " · " : "", group->name);
      tags_label = gtk_label_new (tags->str);
      gtk_label_set_xalign (GTK_LABEL (tags_label), 0);
      gtk_label_set_wrap (GTK_LABEL (tags_label), TRUE);
      gtk_widget_add_css_class (tags_label, "caption-heading");
      gtk_widget_add_css_class (tags_label, "accent");
      gtk_box_append (GTK_BOX (text), tags_label);
    }
  gtk_box_append (GTK_BOX (box), text);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (grant), "chair.grant");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (grant), "x", (gint64) request->id);
  gtk_widget_set_valign (grant, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (grant, _("Give the floor to this speaker now"));
  if (position == 0)
    gtk_widget_add_css_class (grant, "suggested-action");
  gtk_box_append (GTK_BOX (box), grant);

  {
    GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"), "chair.move-up", request->id);
    GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"), "chair.move-down",
                                   request->id);

    gtk_widget_set_sensitive (up, position > 0);
    gtk_widget_set_sensitive (down, !last);
    gtk_box_append (GTK_BOX (box), up);
    gtk_box_append (GTK_BOX (box), down);
  }

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (more), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (more), menu);
  gtk_widget_set_tooltip_text (more, _("More"));
  gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (more, "flat");
  gtk_box_append (GTK_BOX (box), more);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), NULL);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));
  return row;
}

static void
show_queue (ChamberLiveChair *self)
{
  ChamberLiveState *state = get_state (self);
  const ChamberLiveItem *item = chamber_live_state_get_current_item (state);
  g_autoptr (GString) key = g_string_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget *child;
  guint n = item != NULL ? item->queue->len : 0;

  gtk_widget_set_visible (self->close_list_button, item == NULL || !item->list_closed);
  gtk_widget_set_visible (self->open_list_button, item != NULL && item->list_closed);
  if (item != NULL && item->list_closed)
    /* TRANSLATORS: the heading of the queue, with how many wait */
    heading = g_strdup_printf (_("Queue (%u) · list closed"), n);
  else
    heading = g_strdup_printf (_("Queue (%u)"), n);
  gtk_label_set_text (self->queue_heading, heading);

  g_string_append_printf (key, "%lld;", item != NULL ? (long long) item->id : 0LL);
  for (guint i = 0; item != NULL && i < item->groups->len; i++)
    g_string_append_printf (key, "g%lld;",
                            (long long) ((ChamberLiveGroup *) g_ptr_array_index (item->groups,
                                                                                 i))->id);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (item->queue, gint64, i);
      const ChamberLiveRequest *request = chamber_live_state_get_request (state, id);

      g_string_append_printf (key, "%lld:%lld:%d;", (long long) id,
                              (long long) (request ? request->group_id : 0),
                              request ? request->priority : 0);
    }
  /* Names arrive with the directory: rebuild then too. */
  g_string_append_printf (key, "p%u", chamber_live_context_get_people (self->context)->len);
  if (g_strcmp0 (key->str, self->queue_key) == 0)
    return;
  g_free (self->queue_key);
  self->queue_key = g_strdup (key->str);

  g_array_set_size (self->queue_ids, 0);
  /* The rows go; the placeholder, also a child of the list, stays. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->queue_list));
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (self->queue_list, child);
      child = next;
    }
  for (guint i = 0; i < n; i++)
    {
      gint64 id = g_array_index (item->queue, gint64, i);
      const ChamberLiveRequest *request = chamber_live_state_get_request (state, id);

      if (request == NULL)
        continue;
      g_array_append_val (self->queue_ids, id);
      gtk_list_box_append (self->queue_list, queue_row (self, item, request, i, i + 1 == n));
    }
}

/* ---- Who has the floor -------------------------------------------------------------------- */

/* The question turns of the current item that the respondent answers next: those not answered
 * yet since the last answer, addressed to the respondent of the latest of them. */
static GArray *
unanswered_round (ChamberLiveChair *self)
{
  ChamberLiveState *state = get_state (self);
  const ChamberLiveItem *item = chamber_live_state_get_current_item (state);
  GPtrArray *turns = chamber_live_state_get_turns (state);
  GArray *round = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 respondent = 0;

  if (item == NULL)
    return round;
  for (guint i = turns->len; i > 0; i--)
    {
      const ChamberLiveTurn *turn = g_ptr_array_index (turns, i - 1);

      if (turn->item_id != item->id)
        continue;
      if (turn->kind == CHAMBER_LIVE_ANSWER)
        break;
      if (turn->kind != CHAMBER_LIVE_QUESTION)
        continue;
      if (respondent == 0)
        respondent = turn->respondent_id;
      if (turn->respondent_id == respondent && round->len < CHAMBER_LIVE_MAX_LIST)
        g_array_prepend_val (round, turn->id);
    }
  return round;
}

/* The last answer of the current item, when no turn came after it but debates. */
static const ChamberLiveTurn *
debatable_answer (ChamberLiveChair *self)
{
  ChamberLiveState *state = get_state (self);
  const ChamberLiveItem *item = chamber_live_state_get_current_item (state);
  GPtrArray *turns = chamber_live_state_get_turns (state);

  for (guint i = turns->len; item != NULL && i > 0; i--)
    {
      const ChamberLiveTurn *turn = g_ptr_array_index (turns, i - 1);

      if (turn->item_id != item->id || turn->kind == CHAMBER_LIVE_DEBATE)
        continue;
      return turn->kind == CHAMBER_LIVE_ANSWER ? turn : NULL;
    }
  return NULL;
}

static void
update_actions (ChamberLiveChair *self)
{
  ChamberLiveState *state = get_state (self);
  const ChamberLiveItem *item = chamber_live_state_get_current_item (state);
  const ChamberLiveTurn *turn = chamber_live_state_get_current_turn (state);
  gboolean running = turn != NULL;
  gboolean paused = running && chamber_live_turn_is_paused (turn);
  g_autoptr (GArray) round = unanswered_round (self);
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean question_running = running && turn->kind == CHAMBER_LIVE_QUESTION;

  gtk_widget_action_set_enabled (widget, "chair.pause", running && !paused);
  gtk_widget_action_set_enabled (widget, "chair.resume", paused);
  gtk_widget_action_set_enabled (widget, "chair.add-time", running);
  gtk_widget_action_set_enabled (widget, "chair.end", running);
  gtk_widget_action_set_enabled (widget, "chair.grant", item != NULL && !running);
  gtk_widget_action_set_enabled (widget, "chair.close-item", item != NULL && !running);
  gtk_widget_action_set_enabled (widget, "chair.close-list", item != NULL);
  gtk_widget_action_set_enabled (widget, "chair.open-list", item != NULL);
  gtk_widget_action_set_enabled (widget, "chair.define-group", item != NULL);
  gtk_widget_action_set_enabled (widget, "chair.call-respondent",
                                 round->len > 0 && (!running || question_running));
  gtk_widget_action_set_enabled (widget, "chair.open-debate",
                                 !running && debatable_answer (self) != NULL);
  gtk_widget_action_set_enabled (widget, "chair.conclude", item != NULL && !running);
  gtk_widget_set_visible (self->pause_button, !paused);
  gtk_widget_set_visible (self->resume_button, paused);
}

static void
show_all (ChamberLiveChair *self)
{
  const ChamberLiveItem *item = chamber_live_state_get_current_item (get_state (self));

  show_agenda (self);
  show_queue (self);
  gtk_label_set_text (self->item_label,
                      item != NULL ? (item->title != NULL ? item->title : "")
                                   : _("No item is open. Open one from the agenda."));
  update_actions (self);
}

/* ---- Actions ------------------------------------------------------------------------------ */

static void
id_command (ChamberLiveChair *self, const char *type, const char *member, GVariant *parameter,
            gboolean expect_seq)
{
  JsonObject *command = chamber_live_command_new (type);

  json_object_set_int_member (command, member, g_variant_get_int64 (parameter));
  send (self, command, expect_seq);
}

static void
open_item_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  id_command (CHAMBER_LIVE_CHAIR (widget), "open-item", "item", parameter, FALSE);
}

static void
close_item_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  id_command (CHAMBER_LIVE_CHAIR (widget), "close-item", "item", parameter, FALSE);
}

static void
bare_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  /* "chair.pause" → "pause", and so on. */
  send (CHAMBER_LIVE_CHAIR (widget), chamber_live_command_new (action_name + strlen ("chair.")),
        FALSE);
}

static void
grant_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  id_command (CHAMBER_LIVE_CHAIR (widget), "grant", "request", parameter, TRUE);
}

static void
remove_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  id_command (CHAMBER_LIVE_CHAIR (widget), "remove", "request", parameter, TRUE);
}

static void
move (ChamberLiveChair *self, gint64 request_id, int delta, gboolean to_top)
{
  JsonObject *command;
  int position = -1;

  for (guint i = 0; i < self->queue_ids->len; i++)
    if (g_array_index (self->queue_ids, gint64, i) == request_id)
      position = (int) i;
  if (position < 0)
    return;
  position = to_top ? 0 : position + delta;
  if (position < 0 || position >= (int) self->queue_ids->len)
    return;
  command = chamber_live_command_new ("reorder");
  json_object_set_int_member (command, "request", request_id);
  json_object_set_int_member (command, "position", position);
  send (self, command, TRUE);
}

static void
move_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  gint64 id = g_variant_get_int64 (parameter);

  if (g_str_equal (action_name, "chair.move-up"))
    move (CHAMBER_LIVE_CHAIR (widget), id, -1, FALSE);
  else if (g_str_equal (action_name, "chair.move-down"))
    move (CHAMBER_LIVE_CHAIR (widget), id, 1, FALSE);
  else
    move (CHAMBER_LIVE_CHAIR (widget), id, 0, TRUE);
}

static void
add_time_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  JsonObject *command = chamber_live_command_new ("add-time");

  json_object_set_int_member (command, "seconds", g_variant_get_int32 (parameter));
  send (CHAMBER_LIVE_CHAIR (widget), command, FALSE);
}

static void
send_answer (ChamberLiveChair *self)
{
  g_autoptr (GArray) round = unanswered_round (self);
  JsonObject *command;
  JsonArray *turns;

  if (round->len == 0)
    return;
  command = chamber_live_command_new ("answer");
  turns = json_array_new ();
  for (guint i = 0; i < round->len; i++)
    json_array_add_int_element (turns, g_array_index (round, gint64, i));
  json_object_set_array_member (command, "turns", turns);
  send (self, command, FALSE);
}

static void
question_ended_cb (GtkWidget *origin, JsonObject *event, const GError *error, gpointer user_data)
{
  if (event != NULL)
    send_answer (CHAMBER_LIVE_CHAIR (origin));
}

static void
call_respondent_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberLiveChair *self = CHAMBER_LIVE_CHAIR (widget);
  const ChamberLiveTurn *turn = chamber_live_state_get_current_turn (get_state (self));

  /* While the (last) question of the round runs, it ends first: the answer follows it. */
  if (turn != NULL)
    chamber_live_context_send (self->context, chamber_live_command_new ("end"), FALSE, widget,
                               question_ended_cb, NULL);
  else
    send_answer (self);
}

static void
open_debate_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberLiveChair *self = CHAMBER_LIVE_CHAIR (widget);
  ChamberLiveState *state = get_state (self);
  const ChamberLiveTurn *answer = debatable_answer (self);
  g_autoptr (GArray) askers = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (answer == NULL)
    return;
  /* Each delegate who asked one of the questions answered is invited to debate it. */
  for (guint i = 0; answer->responds_to != NULL && i < answer->responds_to->len; i++)
    {
      const ChamberLiveTurn *question =
        chamber_live_state_get_turn (state, g_array_index (answer->responds_to, gint64, i));
      gboolean known = FALSE;

      if (question == NULL)
        continue;
      for (guint j = 0; j < askers->len; j++)
        known |= g_array_index (askers, gint64, j) == question->speaker_id;
      if (known)
        continue;
      g_array_append_val (askers, question->speaker_id);
    }
  for (guint i = 0; i < askers->len; i++)
    {
      JsonObject *command = chamber_live_command_new ("add");

      json_object_set_int_member (command, "person", g_array_index (askers, gint64, i));
      json_object_set_string_member (command, "kind", "debate");
      json_object_set_int_member (command, "debates", answer->id);
      send (self, command, FALSE);
    }
}

static void
conclude_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  JsonObject *command = chamber_live_command_new ("start-turn");

  json_object_set_string_member (command, "kind", "conclusion");
  send (CHAMBER_LIVE_CHAIR (widget), command, FALSE);
}

static void
define_group_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberLiveChair *self = CHAMBER_LIVE_CHAIR (widget);
  g_autofree char *name = g_strstrip (g_strdup (
    gtk_editable_get_text (GTK_EDITABLE (self->group_entry))));
  JsonObject *command;

  if (*name == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->group_entry));
      return;
    }
  command = chamber_live_command_new ("define-group");
  json_object_set_string_member (command, "name", name);
  send (self, command, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->group_entry), "");
}

static void
group_entry_activated_cb (ChamberLiveChair *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "chair.define-group", NULL);
}

static void
set_group_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  JsonObject *command = chamber_live_command_new ("group");
  JsonArray *requests = json_array_new ();
  gint64 request = 0, group = 0;

  g_variant_get (parameter, "(xx)", &request, &group);
  json_array_add_int_element (requests, request);
  json_object_set_int_member (command, "group", group);
  json_object_set_array_member (command, "requests", requests);
  send (CHAMBER_LIVE_CHAIR (widget), command, FALSE);
}

/* ---- The object --------------------------------------------------------------------------- */

ChamberLiveNow *
chamber_live_chair_get_now (ChamberLiveChair *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CHAIR (self), NULL);
  return self->now;
}

GArray *
chamber_live_chair_get_queue_ids (ChamberLiveChair *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CHAIR (self), NULL);

  /* What the rows show, not what was meant to be shown. */
  g_array_set_size (self->shown_ids, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->queue_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      {
        gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (child), "request-id"));

        g_array_append_val (self->shown_ids, id);
      }
  return self->shown_ids;
}

GtkWidget *
chamber_live_chair_new (ChamberLiveContext *context)
{
  ChamberLiveChair *self = g_object_new (CHAMBER_TYPE_LIVE_CHAIR, NULL);

  self->context = g_object_ref (context);
  chamber_live_now_set_context (self->now, context);
  g_signal_connect_object (context, "changed", G_CALLBACK (show_all), self, G_CONNECT_SWAPPED);
  show_all (self);
  return GTK_WIDGET (self);
}

static void
chamber_live_chair_dispose (GObject *object)
{
  ChamberLiveChair *self = CHAMBER_LIVE_CHAIR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_LIVE_CHAIR);
  /* The template's root box is not bound: it goes too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (chamber_live_chair_parent_class)->dispose (object);
}

static void
chamber_live_chair_finalize (GObject *object)
{
  ChamberLiveChair *self = CHAMBER_LIVE_CHAIR (object);

  g_array_unref (self->queue_ids);
  g_array_unref (self->shown_ids);
  g_free (self->agenda_key);
  g_free (self->queue_key);
  G_OBJECT_CLASS (chamber_live_chair_parent_class)->finalize (object);
}

static void
chamber_live_chair_class_init (ChamberLiveChairClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_live_chair_dispose;
  object_class->finalize = chamber_live_chair_finalize;

  g_type_ensure (CHAMBER_TYPE_LIVE_NOW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-live-chair.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveChair, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveChair, item_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveChair, now);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveChair, pause_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveChair, resume_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveChair, queue_heading);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveChair, close_list_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveChair, open_list_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveChair, queue_list);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveChair, group_entry);
  gtk_widget_class_bind_template_callback (widget_class, group_entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "chair.open-item", "x", open_item_activated);
  gtk_widget_class_install_action (widget_class, "chair.close-item", "x", close_item_activated);
  gtk_widget_class_install_action (widget_class, "chair.close-list", NULL, bare_activated);
  gtk_widget_class_install_action (widget_class, "chair.open-list", NULL, bare_activated);
  gtk_widget_class_install_action (widget_class, "chair.grant", "x", grant_activated);
  gtk_widget_class_install_action (widget_class, "chair.remove", "x", remove_activated);
  gtk_widget_class_install_action (widget_class, "chair.move-up", "x", move_activated);
  gtk_widget_class_install_action (widget_class, "chair.move-down", "x", move_activated);
  gtk_widget_class_install_action (widget_class, "chair.move-top", "x", move_activated);
  gtk_widget_class_install_action (widget_class, "chair.pause", NULL, bare_activated);
  gtk_widget_class_install_action (widget_class, "chair.resume", NULL, bare_activated);
  gtk_widget_class_install_action (widget_class, "chair.end", NULL, bare_activated);
  gtk_widget_class_install_action (widget_class, "chair.add-time", "i", add_time_activated);
  gtk_widget_class_install_action (widget_class, "chair.call-respondent", NULL,
                                   call_respondent_activated);
  gtk_widget_class_install_action (widget_class, "chair.open-debate", NULL,
                                   open_debate_activated);
  gtk_widget_class_install_action (widget_class, "chair.conclude", NULL, conclude_activated);
  gtk_widget_class_install_action (widget_class, "chair.define-group", NULL,
                                   define_group_activated);
  gtk_widget_class_install_action (widget_class, "chair.set-group", "(xx)",
                                   set_group_activated);
}

static void
chamber_live_chair_init (ChamberLiveChair *self)
{
  self->queue_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->shown_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}
