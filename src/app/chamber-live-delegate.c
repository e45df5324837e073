/* chamber-live-delegate.c — a delegate's (or an official's) panel of a live sitting (see
 * chamber-live-delegate.h). The lists are rebuilt from the live state on every change; the
 * form keeps what the person typed. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-list-box.h"
#include "chamber-live-delegate.h"

/* The kinds a delegate may ask for, in the order of the “Kind” list. */
static const ChamberLiveKind request_kinds[] = {
  CHAMBER_LIVE_QUESTION,
  CHAMBER_LIVE_DEBATE,
  CHAMBER_LIVE_DISCUSSION,
  CHAMBER_LIVE_POINT_OF_ORDER,
};

#define N_NEXT 5
/* The characters of a selected passage a request carries at most (well under
 * CHAMBER_LIVE_MAX_QUOTE bytes, even in three-byte characters). */
#define QUOTE_CHARS 300

struct _ChamberLiveDelegate
{
  GtkWidget              parent_instance;

  GtkLabel              *item_label;
  ChamberLiveNow        *now;
  GtkListBox            *next_list;
  AdwPreferencesGroup   *mine_group;
  GtkListBox            *mine_list;
  GtkLabel              *mine_placeholder;
  GtkWidget             *register_group;
  AdwComboRow           *kind_row;
  AdwComboRow           *respondent_row;
  AdwEntryRow           *topic_row;
  AdwActionRow          *anchor_row;
  GtkSwitch             *anchor_switch;
  AdwActionRow          *passage_row;
  GtkSwitch             *passage_switch;
  GtkWidget             *register_button;
  GtkLabel              *register_hint;

  ChamberLiveContext    *context;
  GArray                *respondent_ids;  /* gint64, parallel to the respondent list */
  guint                  people_shown;
  char                  *position_text;
  char                  *lists_key;
  char                  *passage;       /* the selected passage offered, folded, or NULL */
  gint64                 current_question;  /* an official's: the request highlighted, or 0 */
  ChamberLiveReadingFunc reading_func;
  gpointer               reading_data;
};

G_DEFINE_FINAL_TYPE (ChamberLiveDelegate, chamber_live_delegate, GTK_TYPE_WIDGET)

static gboolean
is_official (ChamberLiveDelegate *self)
{
  return chamber_live_context_get_role (self->context) == CHAMBER_ROLE_OFFICIAL;
}

static char *
describe_position (guint position)
{
  if (position == 0)
    return g_strdup (_("You speak next"));
  /* TRANSLATORS: a delegate's place in the queue; the number counts from 1 */
  return g_strdup_printf (_("Number %u in the queue"), position + 1);
}

static void
show_respondents (ChamberLiveDelegate *self)
{
  GPtrArray *people = chamber_live_context_get_people (self->context);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  if (self->people_shown == people->len && self->respondent_ids->len > 0)
    return;
  self->people_shown = people->len;
  g_array_set_size (self->respondent_ids, 0);
  for (guint i = 0; i < people->len; i++)
    {
      const ChamberPerson *person = g_ptr_array_index (people, i);
      g_autofree char *text = NULL;

      if (person->role != CHAMBER_ROLE_OFFICIAL)
        continue;
      text = chamber_live_context_describe_person (self->context, person->id, TRUE);
      gtk_string_list_append (names, text);
      g_array_append_val (self->respondent_ids, person->id);
    }
  adw_combo_row_set_model (self->respondent_row, G_LIST_MODEL (names));
}

/* The answer turn that answers question turn @turn_id, or NULL. */
static const ChamberLiveTurn *
find_answer (ChamberLiveState *state, gint64 turn_id)
{
  GPtrArray *turns = chamber_live_state_get_turns (state);

  for (guint i = 0; i < turns->len; i++)
    {
      const ChamberLiveTurn *turn = g_ptr_array_index (turns, i);

      if (turn->kind != CHAMBER_LIVE_ANSWER || turn->responds_to == NULL)
        continue;
      for (guint j = 0; j < turn->responds_to->len; j++)
        if (g_array_index (turn->responds_to, gint64, j) == turn_id)
          return turn;
    }
  return NULL;
}

/* Where question @request to the official stands, and whether it is the one of the moment
 * (being asked, or being answered). */
static char *
describe_question_state (ChamberLiveState *state, const ChamberLiveItem *item,
                         const ChamberLiveRequest *request, gboolean *out_current)
{
  const ChamberLiveTurn *turn = request->turn_id != 0
                                  ? chamber_live_state_get_turn (state, request->turn_id) : NULL;
  const ChamberLiveTurn *answer = turn != NULL ? find_answer (state, turn->id) : NULL;

  *out_current = FALSE;
  if (request->state == CHAMBER_LIVE_REQUEST_WAITING)
    {
      for (guint j = 0; item != NULL && j < item->queue->len; j++)
        if (g_array_index (item->queue, gint64, j) == request->id)
          /* TRANSLATORS: a question to an official still waits; its place in the queue */
          return g_strdup_printf (_("Waiting · number %u in the queue"), j + 1);
      return g_strdup (_("Waiting"));
    }
  if (turn == NULL)
    return NULL;
  if (answer != NULL)
    {
      *out_current = answer->ended_at == 0;
      return g_strdup (answer->ended_at == 0 ? _("Being answered now") : _("Answered"));
    }
  if (turn->ended_at == 0)
    {
      *out_current = TRUE;
      return g_strdup (_("Being asked now"));
    }
  return g_strdup (_("Asked · waiting for your answer"));
}

/* An official's list: every question addressed to them in the sitting, waiting, asked or
 * answered, with its asker and topic, the one of the moment highlighted. */
static void
show_questions_to_me (ChamberLiveDelegate *self)
{
  ChamberLiveState *state = chamber_live_context_get_state (self->context);
  GPtrArray *requests = chamber_live_state_get_requests (state);
  gint64 me = chamber_live_context_get_person_id (self->context);

  self->current_question = 0;
  for (guint i = 0; i < requests->len; i++)
    {
      const ChamberLiveRequest *request = g_ptr_array_index (requests, i);
      const ChamberLiveItem *item = chamber_live_state_get_item (state, request->item_id);
      g_autofree char *asker = NULL;
      g_autofree char *status = NULL;
      g_autofree char *anchor = NULL;
      g_autoptr (GString) subtitle = g_string_new (NULL);
      gboolean current = FALSE;
      GtkWidget *row;

      if (request->kind != CHAMBER_LIVE_QUESTION || request->respondent_id != me)
        continue;
      status = describe_question_state (state, item, request, &current);
      if (status == NULL)
        continue;  /* withdrawn or removed */
      asker = chamber_live_context_describe_person (self->context, request->person_id, TRUE);
      anchor = chamber_live_describe_anchor (self->context, &request->anchor, 100);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), asker);
      g_string_append (subtitle, request->topic != NULL && *request->topic != '\0'
                                   ? request->topic : _("No topic given"));
      g_string_append_printf (subtitle, "\n%s", status);
      if (item != NULL && item->title != NULL
          && item != chamber_live_state_get_current_item (state))
        g_string_append_printf (subtitle, " · %s", item->title);
      if (anchor != NULL)
        g_string_append_printf (subtitle, "\n%s", anchor);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      g_object_set_data (G_OBJECT (row), "request-id", GSIZE_TO_POINTER ((gsize) request->id));
      if (current)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("audio-input-microphone-symbolic");

          gtk_widget_add_css_class (row, "chamber-live-current-item");
          gtk_widget_add_css_class (row, "chamber-live-mine");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          status, -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          self->current_question = request->id;
        }
      gtk_list_box_append (self->mine_list, row);
    }
}

static void
show_lists (ChamberLiveDelegate *self)
{
  ChamberLiveState *state = chamber_live_context_get_state (self->context);
  const ChamberLiveItem *item = chamber_live_state_get_current_item (state);
  gint64 me = chamber_live_context_get_person_id (self->context);
  GPtrArray *requests = chamber_live_state_get_requests (state);
  g_autoptr (GString) key = g_string_new (NULL);
  gboolean official = is_official (self);

  g_string_append_printf (key, "%lld;%u;", item != NULL ? (long long) item->id : 0LL,
                          chamber_live_context_get_people (self->context)->len);
  for (guint i = 0; item != NULL && i < item->queue->len; i++)
    g_string_append_printf (key, "%lld,", (long long) g_array_index (item->queue, gint64, i));
  g_string_append_printf (key, ";%u", requests->len);
  {
    GPtrArray *turns = chamber_live_state_get_turns (state);
    const ChamberLiveTurn *current = chamber_live_state_get_current_turn (state);

    /* An official's list follows the turns: asked, answered, the one running. */
    g_string_append_printf (key, ";t%u:%lld:%d", turns->len,
                            current != NULL ? (long long) current->id : 0LL,
                            turns->len > 0 ? ((ChamberLiveTurn *) g_ptr_array_index (
                                                turns, turns->len - 1))->ended_at != 0
                                           : 0);
  }
  for (guint i = 0; i < requests->len; i++)
    {
      const ChamberLiveRequest *request = g_ptr_array_index (requests, i);

      g_string_append_printf (key, ",%d", request->state);
    }
  if (g_strcmp0 (key->str, self->lists_key) == 0)
    return;
  g_free (self->lists_key);
  self->lists_key = g_strdup (key->str);

  /* Who comes next. */
  chamber_list_box_remove_all (self->next_list);
  for (guint i = 0; item != NULL && i < item->queue->len && i < N_NEXT; i++)
    {
      const ChamberLiveRequest *request =
        chamber_live_state_get_request (state, g_array_index (item->queue, gint64, i));
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = NULL;
      g_autofree char *description = NULL;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *number_label = gtk_label_new (number);

      if (request == NULL)
        continue;
      name = chamber_live_context_describe_person (self->context, request->person_id, FALSE);
      description = chamber_live_describe_request (self->context, request);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_add_css_class (number_label, "chamber-live-position");
      gtk_widget_add_css_class (number_label, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), number_label);
      if (request->person_id == me)
        gtk_widget_add_css_class (row, "chamber-live-mine");
      gtk_list_box_append (self->next_list, row);
    }

  /* Mine: my requests of the open item, or the questions addressed to an official. */
  chamber_list_box_remove_all (self->mine_list);
  g_clear_pointer (&self->position_text, g_free);
  if (official)
    {
      show_questions_to_me (self);
      return;
    }
  for (guint i = 0; item != NULL && i < requests->len; i++)
    {
      const ChamberLiveRequest *request = g_ptr_array_index (requests, i);
      GtkWidget *row;
      g_autofree char *description = NULL;
      g_autofree char *place = NULL;
      g_autofree char *anchor = NULL;
      GtkWidget *withdraw;
      int position = -1;

      if (request->item_id != item->id || request->state != CHAMBER_LIVE_REQUEST_WAITING
          || request->person_id != me)
        continue;
      for (guint j = 0; j < item->queue->len; j++)
        if (g_array_index (item->queue, gint64, j) == request->id)
          position = (int) j;
      row = adw_action_row_new ();
      description = chamber_live_describe_request (self->context, request);
      anchor = chamber_live_describe_anchor (self->context, &request->anchor, 100);
      if (anchor != NULL)
        {
          g_autofree char *head = g_steal_pointer (&description);

          description = g_strdup_printf ("%s\n%s", head, anchor);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      place = position >= 0 ? describe_position (position) : g_strdup ("");
      withdraw = gtk_button_new_with_mnemonic (_("_Withdraw"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), place);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (withdraw), "delegate.withdraw");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (withdraw), "x", (gint64) request->id);
      gtk_widget_set_valign (withdraw, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), withdraw);
      if (self->position_text == NULL)
        self->position_text = g_strdup (place);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), description);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_widget_add_css_class (row, "chamber-live-mine");
      gtk_list_box_append (self->mine_list, row);
    }
}

/* @text with each run of white space one space and none at the ends (a PDF's text breaks its
 * lines), shortened to QUOTE_CHARS; NULL when nothing is left. */
static char *
fold_passage (const char *text)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t\r\n\f\v", -1);
  g_autoptr (GString) folded = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_string_append_printf (folded, "%s%s", folded->len > 0 ? " " : "", words[i]);
  if (folded->len == 0)
    return NULL;
  return chamber_live_format_quote (folded->str, QUOTE_CHARS);
}

static void
update_form (ChamberLiveDelegate *self)
{
  ChamberLiveState *state = chamber_live_context_get_state (self->context);
  const ChamberLiveItem *item = chamber_live_state_get_current_item (state);
  guint selected = adw_combo_row_get_selected (self->kind_row);
  ChamberLiveKind kind = selected < G_N_ELEMENTS (request_kinds) ? request_kinds[selected]
                                                                 : CHAMBER_LIVE_QUESTION;
  gboolean reading = FALSE;
  gint64 document_id = 0;
  int page = 0, quote_page = 0;
  g_autofree char *quote = NULL;
  const char *hint = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->respondent_row), kind == CHAMBER_LIVE_QUESTION);
  if (self->reading_func != NULL)
    reading = self->reading_func (self->reading_data, &document_id, &page, &quote, &quote_page);
  gtk_widget_set_visible (GTK_WIDGET (self->anchor_row), reading);
  g_clear_pointer (&self->passage, g_free);
  if (reading && quote != NULL)
    self->passage = fold_passage (quote);
  gtk_widget_set_visible (GTK_WIDGET (self->passage_row), self->passage != NULL);
  if (self->passage != NULL)
    {
      g_autofree char *shown = chamber_live_format_quote (self->passage, 120);
      /* TRANSLATORS: the passage selected in the reader, and the page it starts on */
      g_autofree char *subtitle = g_strdup_printf (_("“%s”, page %d"), shown, quote_page);

      adw_action_row_set_subtitle (self->passage_row, subtitle);
    }
  else
    gtk_switch_set_active (self->passage_switch, FALSE);
  if (reading)
    {
      /* TRANSLATORS: the page of the document open in the reader that a question is about */
      g_autofree char *subtitle = g_strdup_printf (_("Page %d of the document open in the "
                                                     "reader"), page);

      adw_action_row_set_subtitle (self->anchor_row, subtitle);
    }
  if (item == NULL)
    hint = _("You can ask to speak once the chair opens an item.");
  else if (item->list_closed && kind != CHAMBER_LIVE_POINT_OF_ORDER)
    hint = _("The chair closed the list of speakers: only a point of order can be raised.");
  gtk_label_set_text (self->register_hint, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->register_hint), hint != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "delegate.register",
                                 item != NULL && !is_official (self)
                                 && (!item->list_closed || kind == CHAMBER_LIVE_POINT_OF_ORDER));
}

static void
show_all (ChamberLiveDelegate *self)
{
  const ChamberLiveItem *item =
    chamber_live_state_get_current_item (chamber_live_context_get_state (self->context));
  gboolean official = is_official (self);

  gtk_label_set_text (self->item_label,
                      item != NULL ? (item->title != NULL ? item->title : "")
                                   : _("The sitting has not started an item yet."));
  gtk_widget_set_visible (self->register_group, !official);
  gtk_widget_set_visible (self->register_button, !official);
  adw_preferences_group_set_title (self->mine_group,
                                   official ? _("Questions to You") : _("My Requests"));
  gtk_label_set_text (self->mine_placeholder,
                      official ? _("No question has been addressed to you in this sitting.")
                               : _("You have not asked to speak on this item."));
  show_respondents (self);
  show_lists (self);
  update_form (self);
}

static void
kind_selected_cb (ChamberLiveDelegate *self)
{
  if (self->context != NULL)
    update_form (self);
}

/* ---- Actions ------------------------------------------------------------------------------ */

static void
registered_cb (GtkWidget *origin, JsonObject *event, const GError *error, gpointer user_data)
{
  ChamberLiveDelegate *self = CHAMBER_LIVE_DELEGATE (origin);

  gtk_widget_set_sensitive (self->register_button, TRUE);
  if (event != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->topic_row), "");
      gtk_switch_set_active (self->anchor_switch, FALSE);
      gtk_switch_set_active (self->passage_switch, FALSE);
    }
}

static void
register_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberLiveDelegate *self = CHAMBER_LIVE_DELEGATE (widget);
  const ChamberLiveItem *item =
    chamber_live_state_get_current_item (chamber_live_context_get_state (self->context));
  guint selected = adw_combo_row_get_selected (self->kind_row);
  ChamberLiveKind kind = selected < G_N_ELEMENTS (request_kinds) ? request_kinds[selected]
                                                                 : CHAMBER_LIVE_QUESTION;
  g_autofree char *topic = g_strstrip (g_strdup (
    gtk_editable_get_text (GTK_EDITABLE (self->topic_row))));
  JsonObject *command;
  gint64 document_id = 0;
  int page = 0, quote_page = 0;
  g_autofree char *quote = NULL;
  g_autofree char *passage = NULL;

  if (item == NULL)
    return;
  command = chamber_live_command_new ("request");
  json_object_set_int_member (command, "item", item->id);
  json_object_set_string_member (command, "kind", chamber_live_kind_to_string (kind));
  if (kind == CHAMBER_LIVE_QUESTION)
    {
      guint respondent = adw_combo_row_get_selected (self->respondent_row);

      if (respondent >= self->respondent_ids->len)
        {
          json_object_unref (command);
          gtk_widget_grab_focus (GTK_WIDGET (self->respondent_row));
          return;
        }
      json_object_set_int_member (command, "to",
                                  g_array_index (self->respondent_ids, gint64, respondent));
    }
  if (*topic != '\0')
    json_object_set_string_member (command, "topic", topic);
  if (self->reading_func != NULL
      && self->reading_func (self->reading_data, &document_id, &page, &quote, &quote_page))
    {
      JsonObject *anchor = NULL;

      /* The passage selected now, when the person chose to quote it; else the page. */
      if (quote != NULL && gtk_switch_get_active (self->passage_switch)
          && (passage = fold_passage (quote)) != NULL)
        {
          anchor = json_object_new ();
          json_object_set_int_member (anchor, "page", quote_page);
          json_object_set_string_member (anchor, "quote", passage);
        }
      else if (gtk_switch_get_active (self->anchor_switch))
        {
          anchor = json_object_new ();
          json_object_set_int_member (anchor, "page", page);
        }
      if (anchor != NULL)
        {
          json_object_set_int_member (anchor, "document", document_id);
          json_object_set_object_member (command, "anchor", anchor);
        }
    }
  gtk_widget_set_sensitive (self->register_button, FALSE);
  chamber_live_context_send (self->context, command, FALSE, widget, registered_cb, NULL);
}

static void
withdraw_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberLiveDelegate *self = CHAMBER_LIVE_DELEGATE (widget);
  JsonObject *command = chamber_live_command_new ("withdraw");

  json_object_set_int_member (command, "request", g_variant_get_int64 (parameter));
  chamber_live_context_send (self->context, command, FALSE, widget, NULL, NULL);
}

/* ---- The object --------------------------------------------------------------------------- */

void
chamber_live_delegate_set_reading_func (ChamberLiveDelegate *self, ChamberLiveReadingFunc func,
                                        gpointer user_data)
{
  g_return_if_fail (CHAMBER_IS_LIVE_DELEGATE (self));

  self->reading_func = func;
  self->reading_data = user_data;
  update_form (self);
}

void
chamber_live_delegate_fill (ChamberLiveDelegate *self, ChamberLiveKind kind,
                            gint64 respondent_id, const char *topic)
{
  g_return_if_fail (CHAMBER_IS_LIVE_DELEGATE (self));

  for (guint i = 0; i < G_N_ELEMENTS (request_kinds); i++)
    if (request_kinds[i] == kind)
      adw_combo_row_set_selected (self->kind_row, i);
  for (guint i = 0; i < self->respondent_ids->len; i++)
    if (g_array_index (self->respondent_ids, gint64, i) == respondent_id)
      adw_combo_row_set_selected (self->respondent_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->topic_row), topic != NULL ? topic : "");
}

void
chamber_live_delegate_update_reading (ChamberLiveDelegate *self)
{
  g_return_if_fail (CHAMBER_IS_LIVE_DELEGATE (self));
  update_form (self);
}

gboolean
chamber_live_delegate_use_passage (ChamberLiveDelegate *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_DELEGATE (self), FALSE);

  update_form (self);
  if (self->passage == NULL)
    return FALSE;
  gtk_switch_set_active (self->passage_switch, TRUE);
  return TRUE;
}

gint64
chamber_live_delegate_get_current_question (ChamberLiveDelegate *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_DELEGATE (self), 0);
  return self->current_question;
}

char **
chamber_live_delegate_dup_question_texts (ChamberLiveDelegate *self)
{
  GPtrArray *texts = g_ptr_array_new ();

  g_return_val_if_fail (CHAMBER_IS_LIVE_DELEGATE (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->mine_list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      g_ptr_array_add (texts, g_strdup_printf (
                         "%s\n%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)),
                         adw_action_row_get_subtitle (ADW_ACTION_ROW (child))));
  g_ptr_array_add (texts, NULL);
  return (char **) g_ptr_array_free (texts, FALSE);
}

const char *
chamber_live_delegate_get_passage_text (ChamberLiveDelegate *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_DELEGATE (self), NULL);
  return self->passage != NULL ? self->passage : "";
}

ChamberLiveNow *
chamber_live_delegate_get_now (ChamberLiveDelegate *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_DELEGATE (self), NULL);
  return self->now;
}

const char *
chamber_live_delegate_get_position_text (ChamberLiveDelegate *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_DELEGATE (self), NULL);
  return self->position_text != NULL ? self->position_text : "";
}

static void
update_reading_cb (ChamberLiveDelegate *self)
{
  update_form (self);
}

GtkWidget *
chamber_live_delegate_new (ChamberLiveContext *context)
{
  ChamberLiveDelegate *self = g_object_new (CHAMBER_TYPE_LIVE_DELEGATE, NULL);
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  self->context = g_object_ref (context);
  for (guint i = 0; i < G_N_ELEMENTS (request_kinds); i++)
    gtk_string_list_append (kinds, chamber_live_kind_get_label (request_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  chamber_live_now_set_context (self->now, context);
  g_signal_connect_object (context, "changed", G_CALLBACK (show_all), self, G_CONNECT_SWAPPED);
  /* The page read changes without the sitting changing: look again when the panel shows. */
  g_signal_connect (self, "map", G_CALLBACK (update_reading_cb), NULL);
  show_all (self);
  return GTK_WIDGET (self);
}

static void
chamber_live_delegate_dispose (GObject *object)
{
  ChamberLiveDelegate *self = CHAMBER_LIVE_DELEGATE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_LIVE_DELEGATE);
  /* The template's root box is not bound: it goes too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (chamber_live_delegate_parent_class)->dispose (object);
}

static void
chamber_live_delegate_finalize (GObject *object)
{
  ChamberLiveDelegate *self = CHAMBER_LIVE_DELEGATE (object);

  g_array_unref (self->respondent_ids);
  g_free (self->position_text);
  g_free (self->lists_key);
  g_free (self->passage);
  G_OBJECT_CLASS (chamber_live_delegate_parent_class)->finalize (object);
}

static void
chamber_live_delegate_class_init (ChamberLiveDelegateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_live_delegate_dispose;
  object_class->finalize = chamber_live_delegate_finalize;

  g_type_ensure (CHAMBER_TYPE_LIVE_NOW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-live-delegate.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, item_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, now);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, next_list);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, mine_group);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, mine_list);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, mine_placeholder);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, register_group);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, kind_row);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, respondent_row);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, topic_row);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, anchor_row);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, anchor_switch);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, passage_row);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, passage_switch);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, register_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveDelegate, register_hint);
  gtk_widget_class_bind_template_callback (widget_class, kind_selected_cb);

  gtk_widget_class_install_action (widget_class, "delegate.register", NULL, register_activated);
  gtk_widget_class_install_action (widget_class, "delegate.withdraw", "x", withdraw_activated);
}

static void
chamber_live_delegate_init (ChamberLiveDelegate *self)
{
  self->respondent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}
