/* chamber-live-secretariat.c — the secretariat's panel (see chamber-live-secretariat.h). The
 * summary follows the turn that has the floor: when a new turn starts, the editor moves to it
 * (after saving what was typed for the previous one). A summary changed on the server is
 * shown unless the person has typed something not saved yet, which is never overwritten. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-live-secretariat.h"

#define SAVE_DELAY_MS 1000

struct _ChamberLiveSecretariat
{
  GtkWidget            parent_instance;

  ChamberLiveNow      *now;
  GtkListBox          *turn_list;
  GtkStack            *editor_stack;
  GtkLabel            *turn_heading;
  GtkLabel            *save_label;
  GtkTextView         *summary_view;
  GtkListBox          *commitment_list;
  AdwEntryRow         *what_row;
  AdwComboRow         *owner_row;
  AdwEntryRow         *due_row;

  ChamberLiveContext  *context;
  gint64               turn_id;          /* the turn edited, 0 for none */
  gint64               followed_turn;    /* the current turn last seen */
  ChamberLiveSaveState save_state;
  char                *save_error;
  guint                save_timer;
  guint                saves_pending;
  gboolean             loading;          /* the buffer is being set from the state */
  GArray              *owner_ids;        /* gint64, parallel to the owner list */
  guint                people_shown;
  char                *turns_key;
  char                *commitments_key;
};

G_DEFINE_FINAL_TYPE (ChamberLiveSecretariat, chamber_live_secretariat, GTK_TYPE_WIDGET)

static void show_turn (ChamberLiveSecretariat *self);

/* Removes the rows of @list; its placeholder, also a child, stays. */
static void
clear_rows (GtkListBox *list)
{
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (list, child);
      child = next;
    }
}

static ChamberLiveState *
get_state (ChamberLiveSecretariat *self)
{
  return chamber_live_context_get_state (self->context);
}

static void
set_save_state (ChamberLiveSecretariat *self, ChamberLiveSaveState state)
{
  const char *text = "";

  self->save_state = state;
  switch (state)
    {
    case CHAMBER_LIVE_SAVE_SAVED:
      text = self->turn_id > 0 ? _("Saved") : "";
      break;
    case CHAMBER_LIVE_SAVE_EDITED:
      text = _("Edited");
      break;
    case CHAMBER_LIVE_SAVE_SAVING:
      text = _("Saving…");
      break;
    case CHAMBER_LIVE_SAVE_FAILED:
      text = _("Not saved");
      break;
    }
  gtk_label_set_text (self->save_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_label),
                               state == CHAMBER_LIVE_SAVE_FAILED ? self->save_error : NULL);
  if (state == CHAMBER_LIVE_SAVE_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (self->save_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->save_label), "error");
  if (state == CHAMBER_LIVE_SAVE_SAVED)
    gtk_widget_add_css_class (GTK_WIDGET (self->save_label), "success");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->save_label), "success");
}

static char *
buffer_text (ChamberLiveSecretariat *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* ---- Saving ------------------------------------------------------------------------------- */

static void
saved_cb (GtkWidget *origin, JsonObject *event, const GError *error, gpointer user_data)
{
  ChamberLiveSecretariat *self = CHAMBER_LIVE_SECRETARIAT (origin);
  gint64 turn_id = GPOINTER_TO_SIZE (user_data);

  self->saves_pending--;
  if (turn_id != self->turn_id)
    return;
  if (event == NULL)
    {
      g_free (self->save_error);
      self->save_error = g_strdup (error->message);
      set_save_state (self, CHAMBER_LIVE_SAVE_FAILED);
      return;
    }
  /* Typed again meanwhile: the next save follows. */
  if (self->save_state == CHAMBER_LIVE_SAVE_SAVING && self->saves_pending == 0)
    set_save_state (self, CHAMBER_LIVE_SAVE_SAVED);
}

static void
save_now (ChamberLiveSecretariat *self)
{
  JsonObject *command;
  g_autofree char *text = NULL;

  g_clear_handle_id (&self->save_timer, g_source_remove);
  if (self->turn_id == 0 || (self->save_state != CHAMBER_LIVE_SAVE_EDITED
                             && self->save_state != CHAMBER_LIVE_SAVE_FAILED))
    return;
  text = buffer_text (self);
  if (strlen (text) > CHAMBER_LIVE_MAX_TEXT)
    {
      g_free (self->save_error);
      self->save_error = g_strdup_printf (_("A summary holds at most %d bytes; shorten it to "
                                            "save it."), CHAMBER_LIVE_MAX_TEXT);
      set_save_state (self, CHAMBER_LIVE_SAVE_FAILED);
      return;
    }
  command = chamber_live_command_new ("summary");
  json_object_set_int_member (command, "turn", self->turn_id);
  json_object_set_string_member (command, "text", text);
  self->saves_pending++;
  set_save_state (self, CHAMBER_LIVE_SAVE_SAVING);
  chamber_live_context_send (self->context, command, FALSE, GTK_WIDGET (self), saved_cb,
                             GSIZE_TO_POINTER ((gsize) self->turn_id));
}

static gboolean
save_timer_cb (gpointer user_data)
{
  ChamberLiveSecretariat *self = user_data;

  self->save_timer = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
buffer_changed_cb (ChamberLiveSecretariat *self)
{
  if (self->loading || self->turn_id == 0)
    return;
  set_save_state (self, CHAMBER_LIVE_SAVE_EDITED);
  g_clear_handle_id (&self->save_timer, g_source_remove);
  self->save_timer = g_timeout_add (SAVE_DELAY_MS, save_timer_cb, self);
}

static void
focus_left_cb (ChamberLiveSecretariat *self)
{
  save_now (self);
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  save_now (CHAMBER_LIVE_SECRETARIAT (widget));
}

/* ---- The turn shown ------------------------------------------------------------------------ */

static void
load_summary (ChamberLiveSecretariat *self, const ChamberLiveTurn *turn)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  g_autofree char *text = buffer_text (self);
  const char *summary = turn->summary != NULL ? turn->summary : "";

  if (g_strcmp0 (text, summary) == 0)
    return;
  self->loading = TRUE;
  gtk_text_buffer_set_text (buffer, summary, -1);
  self->loading = FALSE;
}

static void
select_turn (ChamberLiveSecretariat *self, gint64 turn_id)
{
  const ChamberLiveTurn *turn;

  if (turn_id == self->turn_id)
    return;
  /* What was typed for the turn shown goes to the server first. */
  save_now (self);
  /* The first turn to summarise: the text takes the focus, ready for typing. */
  if (self->turn_id == 0 && turn_id != 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self->summary_view));
  self->turn_id = turn_id;
  turn = chamber_live_state_get_turn (get_state (self), turn_id);
  g_clear_pointer (&self->commitments_key, g_free);
  if (turn != NULL)
    load_summary (self, turn);
  set_save_state (self, CHAMBER_LIVE_SAVE_SAVED);
  show_turn (self);
}

static void
show_commitments (ChamberLiveSecretariat *self, const ChamberLiveTurn *turn)
{
  g_autoptr (GString) key = g_string_new (NULL);

  for (guint i = 0; i < turn->commitments->len; i++)
    g_string_append_printf (key, "%lld,",
                            (long long) ((ChamberLiveCommitment *)
                                         g_ptr_array_index (turn->commitments, i))->id);
  g_string_append_printf (key, "%lld;%u", (long long) turn->id,
                          chamber_live_context_get_people (self->context)->len);
  if (g_strcmp0 (key->str, self->commitments_key) == 0)
    return;
  g_free (self->commitments_key);
  self->commitments_key = g_strdup (key->str);

  clear_rows (self->commitment_list);
  for (guint i = 0; i < turn->commitments->len; i++)
    {
      const ChamberLiveCommitment *commitment = g_ptr_array_index (turn->commitments, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *owner = chamber_live_context_describe_person (self->context,
                                                                     commitment->owner_id, TRUE);
      g_autofree char *due = commitment->due != NULL ? chamber_date_format (commitment->due)
                                                     : NULL;
      g_autofree char *subtitle = NULL;

      if (due != NULL)
        /* TRANSLATORS: who committed, and the deadline */
        subtitle = g_strdup_printf (_("%s · by %s"), owner, due);
      else
        subtitle = g_strdup (owner);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), commitment->what);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_tooltip_text (remove, _("Remove this commitment"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Remove this commitment"), -1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "secretariat.uncommit");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x", (gint64) commitment->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->commitment_list, row);
    }
}

static void
show_turn (ChamberLiveSecretariat *self)
{
  const ChamberLiveTurn *turn = chamber_live_state_get_turn (get_state (self), self->turn_id);
  g_autofree char *speaker = NULL;
  g_autofree char *heading = NULL;

  gtk_stack_set_visible_child_name (self->editor_stack, turn != NULL ? "turn" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "secretariat.commit", turn != NULL);
  if (turn == NULL)
    return;
  speaker = chamber_live_context_describe_person (self->context, turn->speaker_id, FALSE);
  /* TRANSLATORS: the heading of the summary editor: the turn's kind and speaker */
  heading = g_strdup_printf (_("Summary · %s, %s"), chamber_live_kind_get_label (turn->kind),
                             speaker);
  gtk_label_set_text (self->turn_heading, heading);
  if (self->save_state == CHAMBER_LIVE_SAVE_SAVED)
    load_summary (self, turn);
  show_commitments (self, turn);
}

static void
show_owners (ChamberLiveSecretariat *self)
{
  GPtrArray *people = chamber_live_context_get_people (self->context);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  if (self->people_shown == people->len && self->owner_ids->len > 0)
    return;
  self->people_shown = people->len;
  g_array_set_size (self->owner_ids, 0);
  /* Officials first: they are the ones who commit. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < people->len; i++)
      {
        const ChamberPerson *person = g_ptr_array_index (people, i);
        g_autofree char *text = NULL;

        if ((person->role == CHAMBER_ROLE_OFFICIAL) != (pass == 0))
          continue;
        text = chamber_live_context_describe_person (self->context, person->id, TRUE);
        gtk_string_list_append (names, text);
        g_array_append_val (self->owner_ids, person->id);
      }
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (names));
}

static void
show_turns (ChamberLiveSecretariat *self)
{
  ChamberLiveState *state = get_state (self);
  const ChamberLiveItem *item = chamber_live_state_get_current_item (state);
  GPtrArray *turns = chamber_live_state_get_turns (state);
  g_autoptr (GString) key = g_string_new (NULL);

  g_string_append_printf (key, "%lld;%u;%lld;%u", item != NULL ? (long long) item->id : 0LL,
                          turns->len, (long long) self->turn_id,
                          chamber_live_context_get_people (self->context)->len);
  for (guint i = 0; i < turns->len; i++)
    g_string_append_printf (key, ",%d",
                            ((ChamberLiveTurn *) g_ptr_array_index (turns, i))->ended_at != 0);
  if (g_strcmp0 (key->str, self->turns_key) == 0)
    return;
  g_free (self->turns_key);
  self->turns_key = g_strdup (key->str);

  clear_rows (self->turn_list);
  for (guint i = turns->len; item != NULL && i > 0; i--)
    {
      const ChamberLiveTurn *turn = g_ptr_array_index (turns, i - 1);
      GtkWidget *row;
      g_autofree char *speaker = NULL;
      g_autofree char *subtitle = NULL;
      g_autoptr (GDateTime) started = NULL;
      g_autofree char *time = NULL;

      if (turn->item_id != item->id)
        continue;
      row = adw_action_row_new ();
      speaker = chamber_live_context_describe_person (self->context, turn->speaker_id, FALSE);
      started = g_date_time_new_from_unix_local (turn->started_at / 1000);
      time = started != NULL ? g_date_time_format (started, "%H:%M") : g_strdup ("");
      subtitle = turn->ended_at == 0
                   /* TRANSLATORS: a turn's kind, the time it started, and that it runs now */
                   ? g_strdup_printf (_("%s · %s · speaking now"),
                                      chamber_live_kind_get_label (turn->kind), time)
                   : g_strdup_printf ("%s · %s", chamber_live_kind_get_label (turn->kind), time);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), speaker);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "turn-id", GSIZE_TO_POINTER ((gsize) turn->id));
      gtk_list_box_append (self->turn_list, row);
      if (turn->id == self->turn_id)
        gtk_list_box_select_row (self->turn_list, GTK_LIST_BOX_ROW (row));
    }
}

static void
turn_activated_cb (ChamberLiveSecretariat *self, GtkListBoxRow *row)
{
  select_turn (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "turn-id")));
  show_turns (self);
}

static void
show_all (ChamberLiveSecretariat *self)
{
  ChamberLiveState *state = get_state (self);
  const ChamberLiveTurn *current = chamber_live_state_get_current_turn (state);
  gint64 current_id = current != NULL ? current->id : 0;

  show_owners (self);
  /* A new turn has the floor: the editor follows it. */
  if (current_id != 0 && current_id != self->followed_turn)
    select_turn (self, current_id);
  self->followed_turn = current_id;
  if (self->turn_id == 0)
    {
      GPtrArray *turns = chamber_live_state_get_turns (state);

      if (turns->len > 0)
        select_turn (self, ((ChamberLiveTurn *) g_ptr_array_index (turns, turns->len - 1))->id);
    }
  show_turn (self);
  show_turns (self);
}

/* ---- Commitments -------------------------------------------------------------------------- */

static void
committed_cb (GtkWidget *origin, JsonObject *event, const GError *error, gpointer user_data)
{
  ChamberLiveSecretariat *self = CHAMBER_LIVE_SECRETARIAT (origin);

  if (event != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->what_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->due_row), "");
    }
}

static void
commit_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberLiveSecretariat *self = CHAMBER_LIVE_SECRETARIAT (widget);
  g_autofree char *what = g_strstrip (g_strdup (
    gtk_editable_get_text (GTK_EDITABLE (self->what_row))));
  g_autofree char *due = g_strstrip (g_strdup (
    gtk_editable_get_text (GTK_EDITABLE (self->due_row))));
  guint owner = adw_combo_row_get_selected (self->owner_row);
  JsonObject *command;

  if (*what == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->what_row));
      return;
    }
  if (*due != '\0' && !chamber_date_is_valid (due))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_row),
                                   _("Write the date as year-month-day, like 2025-06-30."));
      gtk_widget_grab_focus (GTK_WIDGET (self->due_row));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_row), NULL);
  if (owner >= self->owner_ids->len)
    return;
  command = chamber_live_command_new ("commit");
  json_object_set_int_member (command, "turn", self->turn_id);
  json_object_set_string_member (command, "what", what);
  json_object_set_int_member (command, "owner", g_array_index (self->owner_ids, gint64, owner));
  if (*due != '\0')
    json_object_set_string_member (command, "due", due);
  chamber_live_context_send (self->context, command, FALSE, widget, committed_cb, NULL);
}

static void
uncommit_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberLiveSecretariat *self = CHAMBER_LIVE_SECRETARIAT (widget);
  JsonObject *command = chamber_live_command_new ("uncommit");

  json_object_set_int_member (command, "commitment", g_variant_get_int64 (parameter));
  chamber_live_context_send (self->context, command, FALSE, widget, NULL, NULL);
}

/* ---- The object --------------------------------------------------------------------------- */

gint64
chamber_live_secretariat_get_turn_id (ChamberLiveSecretariat *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_SECRETARIAT (self), 0);
  return self->turn_id;
}

GtkTextView *
chamber_live_secretariat_get_summary_view (ChamberLiveSecretariat *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_SECRETARIAT (self), NULL);
  return self->summary_view;
}

ChamberLiveSaveState
chamber_live_secretariat_get_save_state (ChamberLiveSecretariat *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_SECRETARIAT (self), CHAMBER_LIVE_SAVE_FAILED);
  return self->save_state;
}

ChamberLiveNow *
chamber_live_secretariat_get_now (ChamberLiveSecretariat *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_SECRETARIAT (self), NULL);
  return self->now;
}

void
chamber_live_secretariat_fill_commitment (ChamberLiveSecretariat *self, const char *what,
                                          gint64 owner_id, const char *due)
{
  g_return_if_fail (CHAMBER_IS_LIVE_SECRETARIAT (self));

  gtk_editable_set_text (GTK_EDITABLE (self->what_row), what != NULL ? what : "");
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due != NULL ? due : "");
  for (guint i = 0; i < self->owner_ids->len; i++)
    if (g_array_index (self->owner_ids, gint64, i) == owner_id)
      adw_combo_row_set_selected (self->owner_row, i);
}

static void
focus_summary_cb (ChamberLiveSecretariat *self)
{
  if (self->turn_id != 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->summary_view));
}

GtkWidget *
chamber_live_secretariat_new (ChamberLiveContext *context)
{
  ChamberLiveSecretariat *self = g_object_new (CHAMBER_TYPE_LIVE_SECRETARIAT, NULL);

  self->context = g_object_ref (context);
  chamber_live_now_set_context (self->now, context);
  g_signal_connect_object (context, "changed", G_CALLBACK (show_all), self, G_CONNECT_SWAPPED);
  /* The secretariat writes as the sitting runs: the summary has the focus from the start. */
  g_signal_connect (self, "map", G_CALLBACK (focus_summary_cb), NULL);
  show_all (self);
  return GTK_WIDGET (self);
}

static void
chamber_live_secretariat_dispose (GObject *object)
{
  ChamberLiveSecretariat *self = CHAMBER_LIVE_SECRETARIAT (object);
  GtkWidget *child;

  /* Typed and not saved yet: it still goes to the server. */
  if (self->context != NULL && self->save_timer != 0)
    save_now (self);
  g_clear_handle_id (&self->save_timer, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_LIVE_SECRETARIAT);
  /* The template's root box is not bound: it goes too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (chamber_live_secretariat_parent_class)->dispose (object);
}

static void
chamber_live_secretariat_finalize (GObject *object)
{
  ChamberLiveSecretariat *self = CHAMBER_LIVE_SECRETARIAT (object);

  g_array_unref (self->owner_ids);
  g_free (self->save_error);
  g_free (self->turns_key);
  g_free (self->commitments_key);
  G_OBJECT_CLASS (chamber_live_secretariat_parent_class)->finalize (object);
}

static void
chamber_live_secretariat_class_init (ChamberLiveSecretariatClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_live_secretariat_dispose;
  object_class->finalize = chamber_live_secretariat_finalize;

  g_type_ensure (CHAMBER_TYPE_LIVE_NOW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/"
                                               "chamber-live-secretariat.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveSecretariat, now);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveSecretariat, turn_list);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveSecretariat, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveSecretariat, turn_heading);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveSecretariat, save_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveSecretariat, summary_view);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveSecretariat, commitment_list);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveSecretariat, what_row);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveSecretariat, owner_row);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveSecretariat, due_row);
  gtk_widget_class_bind_template_callback (widget_class, turn_activated_cb);

  gtk_widget_class_install_action (widget_class, "secretariat.save-summary", NULL,
                                   save_activated);
  gtk_widget_class_install_action (widget_class, "secretariat.commit", NULL, commit_activated);
  gtk_widget_class_install_action (widget_class, "secretariat.uncommit", "x",
                                   uncommit_activated);
}

static void
chamber_live_secretariat_init (ChamberLiveSecretariat *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  self->owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (buffer_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_left_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->summary_view), focus);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                      gtk_named_action_new ("secretariat.save-summary")));
  gtk_widget_add_controller (GTK_WIDGET (self->summary_view), keys);
}
