/* chamber-desk-petitions.c — the desk's Petitions page (see chamber-desk-petitions.h): GET
 * /api/v1/petitions with the filters, GET and PUT /api/v1/petitions/ID, POST …/ID/answer with
 * the PDF, and POST /api/v1/petitions/import, first with dry_run=1 for the preview window.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-desk-petitions.h"
#include "chamber-desk-request.h"
#include "chamber-desk-transfer.h"
#include "chamber-search.h"

static const char *const statuses[] = { "forwarded", "answered", "in-progress", "resolved",
                                        "unresolved", NULL };
static const char *const status_labels[] = { N_("Forwarded"), N_("Answered"), N_("In progress"),
                                             N_("Resolved"), N_("Unresolved"), NULL };

struct _ChamberDeskPetitions
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkDropDown       *status_filter;
  GtkEntry          *agency_entry;
  GtkEntry          *field_entry;
  GtkSearchEntry    *search_entry;
  GtkLabel          *error_label;
  GtkLabel          *message_label;
  GtkListBox        *list;
  GtkLabel          *count_label;
  GtkWidget         *detail_box;
  GtkLabel          *content_label;
  GtkLabel          *meta_label;
  GtkBox            *links_box;
  GtkListBox        *history;
  GtkDropDown       *status_dropdown;
  GtkEntry          *note_entry;
  GtkEntry          *answer_entry;

  GtkWindow         *preview;
  GtkButton         *import_button;
  GtkListBox        *preview_list;

  ChamberConnection *connection;
  GCancellable      *cancellable;
  JsonArray         *petitions;   /* as the server listed them */
  GArray            *shown;       /* gint64 ids shown, in order */
  JsonObject        *detail;
  gint64             selected;
  GFile             *import_file;
  JsonObject        *preview_answer;
  GHashTable        *preview_problems; /* line → problems text */
  guint              loads;
  guint              pending;
  char              *error;
  char              *message;
};

G_DEFINE_FINAL_TYPE (ChamberDeskPetitions, chamber_desk_petitions, GTK_TYPE_WIDGET)

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
set_error (ChamberDeskPetitions *self, const char *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_message (ChamberDeskPetitions *self, const char *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static const char *
string_member (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
           && json_node_get_value_type (node) == G_TYPE_STRING
           ? json_node_get_string (node) : NULL;
}

static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static gint64
int_member (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
           && json_node_get_value_type (node) == G_TYPE_INT64
           ? json_node_get_int (node) : 0;
}

static JsonObject *
object_member (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
status_label (const char *status)
{
  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      return _(status_labels[i]);
  return or_dash (status);
}

static JsonObject *
find_petition (ChamberDeskPetitions *self, gint64 id)
{
  for (guint i = 0; self->petitions != NULL && i < json_array_get_length (self->petitions); i++)
    {
      JsonObject *petition = json_array_get_object_element (self->petitions, i);

      if (int_member (petition, "id") == id)
        return petition;
    }
  return NULL;
}

/* ---- the list -------------------------------------------------------------------------- */

static gboolean
matches_text (JsonObject *petition, const char *folded_query)
{
  g_autofree char *haystack = NULL;
  g_autofree char *folded = NULL;

  if (folded_query == NULL || *folded_query == '\0')
    return TRUE;
  haystack = g_strjoin (" ", or_dash (string_member (petition, "content")),
                        or_dash (string_member (petition, "agency")),
                        or_dash (string_member (petition, "field")),
                        or_dash (string_member (petition, "answer")), NULL);
  folded = chamber_search_fold (haystack, -1);
  return folded != NULL && strstr (folded, folded_query) != NULL;
}

static GtkWidget *
petition_row (JsonObject *petition)
{
  GtkWidget *row = adw_action_row_new ();
  JsonObject *meeting = object_member (petition, "meeting");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *status = gtk_label_new (status_label (string_member (petition, "status")));

  title = g_markup_printf_escaped ("%lld. %s", (long long) int_member (petition, "id"),
                                   or_dash (string_member (petition, "content")));
  subtitle = g_markup_printf_escaped ("%s · %s · %s%s",
                                      or_dash (string_member (petition, "agency")),
                                      or_dash (string_member (petition, "field")),
                                      or_dash (string_member (meeting, "group")),
                                      int_member (petition, "raised_again_of") > 0
                                        ? _(" · raised again") : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set (row, "title-lines", 2, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  if (g_strcmp0 (string_member (petition, "status"), "resolved") == 0)
    gtk_widget_add_css_class (status, "success");
  else if (g_strcmp0 (string_member (petition, "status"), "unresolved") == 0)
    gtk_widget_add_css_class (status, "error");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "petition-id",
                     GINT_TO_POINTER ((int) int_member (petition, "id")));
  return row;
}

static void
show_list (ChamberDeskPetitions *self)
{
  g_autofree char *query = chamber_search_fold (
    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  g_autofree char *stripped = query != NULL ? g_strstrip (g_strdup (query)) : NULL;
  g_autofree char *count = NULL;

  clear_list (self->list);
  g_array_set_size (self->shown, 0);
  for (guint i = 0; self->petitions != NULL && i < json_array_get_length (self->petitions); i++)
    {
      JsonObject *petition = json_array_get_object_element (self->petitions, i);
      gint64 id = int_member (petition, "id");

      if (!matches_text (petition, stripped))
        continue;
      g_array_append_val (self->shown, id);
      gtk_list_box_append (self->list, petition_row (petition));
    }
  count = g_strdup_printf (ngettext ("%u petition", "%u petitions", self->shown->len),
                           self->shown->len);
  gtk_label_set_text (self->count_label, count);
}

static void load_detail (ChamberDeskPetitions *self);

static void
list_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskPetitions *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *object;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_PETITIONS (source);
  self->pending--;
  self->loads++;
  if (answer == NULL)
    {
      set_error (self, error->message);
      return;
    }
  object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  if (object == NULL || !json_object_has_member (object, "petitions")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "petitions")))
    {
      set_error (self, _("The server's answer could not be read."));
      return;
    }
  set_error (self, NULL);
  g_clear_pointer (&self->petitions, json_array_unref);
  self->petitions = json_array_ref (json_object_get_array_member (object, "petitions"));
  show_list (self);
  if (self->selected > 0)
    load_detail (self);
}

void
chamber_desk_petitions_reload (ChamberDeskPetitions *self)
{
  g_autoptr (GString) path = g_string_new ("/api/v1/petitions");
  guint status;
  const char *agency, *field;
  char separator = '?';

  g_return_if_fail (CHAMBER_IS_DESK_PETITIONS (self));

  status = gtk_drop_down_get_selected (self->status_filter);
  agency = gtk_editable_get_text (GTK_EDITABLE (self->agency_entry));
  field = gtk_editable_get_text (GTK_EDITABLE (self->field_entry));
  if (status > 0 && status < G_N_ELEMENTS (statuses))
    {
      g_string_append_printf (path, "%cstatus=%s", separator, statuses[status - 1]);
      separator = '&';
    }
  if (agency[0] != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (agency, NULL, FALSE);

      g_string_append_printf (path, "%cagency=%s", separator, escaped);
      separator = '&';
    }
  if (field[0] != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (field, NULL, FALSE);

      g_string_append_printf (path, "%cfield=%s", separator, escaped);
    }
  self->pending++;
  chamber_desk_request_async (self, self->connection, "GET", path->str, NULL, self->cancellable,
                              list_loaded_cb, NULL);
}

void
chamber_desk_petitions_set_filter (ChamberDeskPetitions *self, const char *status,
                                   const char *agency, const char *field, const char *text)
{
  guint selected = 0;

  g_return_if_fail (CHAMBER_IS_DESK_PETITIONS (self));

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      selected = i + 1;
  gtk_editable_set_text (GTK_EDITABLE (self->agency_entry), agency != NULL ? agency : "");
  gtk_editable_set_text (GTK_EDITABLE (self->field_entry), field != NULL ? field : "");
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  if (gtk_drop_down_get_selected (self->status_filter) != selected)
    gtk_drop_down_set_selected (self->status_filter, selected); /* reloads */
  else
    chamber_desk_petitions_reload (self);
}

/* ---- one petition ---------------------------------------------------------------------- */

static void
link_clicked_cb (GtkButton *button, ChamberDeskPetitions *self)
{
  chamber_desk_petitions_select (
    self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "petition-id")));
}

static void
add_link (ChamberDeskPetitions *self, gint64 id, const char *label)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "pill");
  g_object_set_data (G_OBJECT (button), "petition-id", GINT_TO_POINTER ((int) id));
  g_signal_connect (button, "clicked", G_CALLBACK (link_clicked_cb), self);
  gtk_box_append (self->links_box, button);
}

static void
show_detail (ChamberDeskPetitions *self)
{
  JsonObject *p = self->detail;
  JsonObject *meeting = object_member (p, "meeting");
  JsonObject *answer_document = object_member (p, "answer_document");
  JsonArray *history;
  GtkWidget *child;
  g_autofree char *meta = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    gtk_box_remove (self->links_box, child);
  clear_list (self->history);
  gtk_widget_set_sensitive (self->detail_box, p != NULL);
  if (p == NULL)
    {
      gtk_label_set_text (self->content_label, _("Choose a petition in the list."));
      gtk_label_set_text (self->meta_label, "");
      return;
    }
  gtk_label_set_text (self->content_label, or_dash (string_member (p, "content")));
  meta = g_strdup_printf (_("Meeting: %s, %s, %s\nAgency: %s · Field: %s\n"
                            "Status: %s · received %s · answered %s · resolved %s\n"
                            "Answer: %s%s"),
                          or_dash (string_member (meeting, "date")),
                          or_dash (string_member (meeting, "place")),
                          or_dash (string_member (meeting, "group")),
                          or_dash (string_member (p, "agency")),
                          or_dash (string_member (p, "field")),
                          or_dash (string_member (p, "status_label")),
                          or_dash (string_member (p, "received_on")),
                          or_dash (string_member (p, "answered_on")),
                          or_dash (string_member (p, "resolved_on")),
                          or_dash (string_member (p, "answer")),
                          answer_document != NULL ? _(" (answer PDF attached)") : "");
  gtk_label_set_text (self->meta_label, meta);
  gtk_editable_set_text (GTK_EDITABLE (self->answer_entry),
                         string_member (p, "answer") != NULL ? string_member (p, "answer") : "");
  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], string_member (p, "status")) == 0)
      gtk_drop_down_set_selected (self->status_dropdown, i);

  if (int_member (p, "raised_again_of") > 0)
    {
      g_autofree char *label = g_strdup_printf (_("Raised again: earlier petition %lld"),
                                                (long long) int_member (p, "raised_again_of"));

      add_link (self, int_member (p, "raised_again_of"), label);
    }
  for (guint i = 0; self->petitions != NULL && i < json_array_get_length (self->petitions); i++)
    {
      JsonObject *other = json_array_get_object_element (self->petitions, i);

      if (int_member (other, "raised_again_of") == int_member (p, "id"))
        {
          g_autofree char *label = g_strdup_printf (_("Raised again later: petition %lld"),
                                                    (long long) int_member (other, "id"));

          add_link (self, int_member (other, "id"), label);
        }
    }

  history = json_object_has_member (p, "history")
              && JSON_NODE_HOLDS_ARRAY (json_object_get_member (p, "history"))
              ? json_object_get_array_member (p, "history") : NULL;
  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      JsonObject *change = json_array_get_object_element (history, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_markup_printf_escaped ("%s — %s",
                                                        or_dash (string_member (change, "at")),
                                                        status_label (string_member (change,
                                                                                     "status")));
      g_autofree char *subtitle = g_markup_printf_escaped (
        "%s%s", or_dash (string_member (change, "note")),
        object_member (change, "finding") != NULL
          || int_member (change, "finding") > 0 ? _(" · supervision finding") : "");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->history, row);
    }
}

static void
detail_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskPetitions *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *petition = NULL;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_PETITIONS (source);
  self->pending--;
  if (answer == NULL)
    {
      set_error (self, error->message);
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (answer))
    petition = object_member (json_node_get_object (answer), "petition");
  if (petition == NULL || int_member (petition, "id") != self->selected)
    return;
  g_clear_pointer (&self->detail, json_object_unref);
  self->detail = json_object_ref (petition);
  show_detail (self);
}

static void
load_detail (ChamberDeskPetitions *self)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/petitions/%lld", (long long) self->selected);

  self->pending++;
  chamber_desk_request_async (self, self->connection, "GET", path, NULL, self->cancellable,
                              detail_loaded_cb, NULL);
}

gboolean
chamber_desk_petitions_select (ChamberDeskPetitions *self, gint64 id)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_PETITIONS (self), FALSE);

  if (find_petition (self, id) == NULL)
    return FALSE;
  self->selected = id;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row)
        && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "petition-id")) == (int) id)
      gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
  g_clear_pointer (&self->detail, json_object_unref);
  self->detail = json_object_ref (find_petition (self, id));
  show_detail (self);
  load_detail (self);
  return TRUE;
}

static void
row_activated_cb (ChamberDeskPetitions *self, GtkListBoxRow *row)
{
  chamber_desk_petitions_select (self,
                                 GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row),
                                                                     "petition-id")));
}

static void
changed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskPetitions *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;

  answer = chamber_desk_call_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_PETITIONS (source);
  self->pending--;
  if (answer == NULL)
    {
      set_error (self, error->message);
      return;
    }
  set_error (self, NULL);
  set_message (self, user_data);
  chamber_desk_petitions_reload (self);
}

void
chamber_desk_petitions_change_status (ChamberDeskPetitions *self, const char *status,
                                      const char *note, const char *answer)
{
  g_autofree char *path = NULL;
  JsonObject *body_object;
  JsonNode *body;

  g_return_if_fail (CHAMBER_IS_DESK_PETITIONS (self));

  if (self->selected <= 0)
    {
      set_error (self, _("Choose a petition in the list first."));
      return;
    }
  body = chamber_desk_body_new (&body_object);
  json_object_set_string_member (body_object, "status", status);
  if (note != NULL && *note != '\0')
    json_object_set_string_member (body_object, "note", note);
  if (answer != NULL && *answer != '\0')
    json_object_set_string_member (body_object, "answer", answer);
  path = g_strdup_printf ("/api/v1/petitions/%lld", (long long) self->selected);
  set_message (self, NULL);
  self->pending++;
  chamber_desk_request_async (self, self->connection, "PUT", path, body, self->cancellable,
                              changed_cb, (gpointer) _("The petition was saved."));
}

static void
change_clicked_cb (ChamberDeskPetitions *self)
{
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  g_autofree char *note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  g_autofree char *answer = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->answer_entry))));

  if (status >= G_N_ELEMENTS (statuses) - 1)
    return;
  chamber_desk_petitions_change_status (self, statuses[status], note, answer);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
}

void
chamber_desk_petitions_attach_answer (ChamberDeskPetitions *self, GFile *pdf)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CHAMBER_IS_DESK_PETITIONS (self));
  g_return_if_fail (G_IS_FILE (pdf));

  if (self->selected <= 0)
    {
      set_error (self, _("Choose a petition in the list first."));
      return;
    }
  path = g_strdup_printf ("/api/v1/petitions/%lld/answer", (long long) self->selected);
  set_message (self, NULL);
  self->pending++;
  chamber_desk_upload_async (self, self->connection, path, pdf, "application/pdf",
                             self->cancellable, changed_cb,
                             (gpointer) _("The answer PDF was attached."));
}

/* ---- files chosen ---------------------------------------------------------------------- */

typedef enum { CHOOSE_ANSWER, CHOOSE_CSV } ChooseKind;

static void
file_chosen_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  ChamberDeskPetitions *self = user_data;
  ChooseKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "choose-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (kind == CHOOSE_ANSWER)
        chamber_desk_petitions_attach_answer (self, file);
      else
        chamber_desk_petitions_import (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_file (ChamberDeskPetitions *self, ChooseKind kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (kind == CHOOSE_ANSWER ? _("Attach the Answer")
                                                               : _("Import Petitions"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  if (kind == CHOOSE_ANSWER)
    {
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_pattern (filter, "*.csv");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "choose-kind", GINT_TO_POINTER (kind));
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
attach_clicked_cb (ChamberDeskPetitions *self)
{
  choose_file (self, CHOOSE_ANSWER);
}

static void
import_clicked_cb (ChamberDeskPetitions *self)
{
  choose_file (self, CHOOSE_CSV);
}

/* ---- the import preview ---------------------------------------------------------------- */

static void
preview_destroyed_cb (ChamberDeskPetitions *self)
{
  self->preview = NULL;
  self->import_button = NULL;
  self->preview_list = NULL;
}

static void
close_preview (ChamberDeskPetitions *self)
{
  if (self->preview != NULL)
    gtk_window_destroy (self->preview);
}

static GtkWidget *
preview_row (ChamberDeskPetitions *self, JsonObject *row)
{
  GtkWidget *list_row = adw_action_row_new ();
  JsonObject *petition = object_member (row, "petition");
  JsonArray *problems = json_object_has_member (row, "problems")
                          && JSON_NODE_HOLDS_ARRAY (json_object_get_member (row, "problems"))
                          ? json_object_get_array_member (row, "problems") : NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  gboolean ok = json_object_get_boolean_member_with_default (row, "ok", FALSE);
  gboolean duplicate = json_object_get_boolean_member_with_default (row, "duplicate", FALSE);
  GtkWidget *badge;

  for (guint i = 0; problems != NULL && i < json_array_get_length (problems); i++)
    g_string_append_printf (text, "%s%s", i > 0 ? "; " : "",
                            json_array_get_string_element (problems, i));
  g_hash_table_insert (self->preview_problems, g_strdup_printf ("%lld", (long long) int_member (row, "line")),
                       g_strdup (text->str));
  if (duplicate)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "",
                            _("the same petition from the same meeting is already there: it is "
                              "skipped"));
  else if (int_member (row, "raised_again_of") > 0)
    {
      JsonNode *similarity = json_object_get_member (row, "similarity");

      g_string_append_printf (text, _("%sraised again: petition %lld (similarity %.2f)"),
                              text->len > 0 ? "; " : "",
                              (long long) int_member (row, "raised_again_of"),
                              similarity != NULL && JSON_NODE_HOLDS_VALUE (similarity)
                                ? json_node_get_double (similarity) : 0.0);
    }
  else if (int_member (row, "similar_line") > 0)
    g_string_append_printf (text, _("%sraised again: line %lld of this file"),
                            text->len > 0 ? "; " : "",
                            (long long) int_member (row, "similar_line"));
  title = g_markup_printf_escaped (_("Line %lld: %s"), (long long) int_member (row, "line"),
                                   or_dash (string_member (petition, "content")));
  escaped = g_markup_escape_text (text->len > 0 ? text->str : _("ready to import"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (list_row), escaped);
  g_object_set (list_row, "subtitle-lines", 3, NULL);
  badge = gtk_label_new (!ok ? _("Problem") : duplicate ? _("Skipped") : _("Valid"));
  gtk_widget_add_css_class (badge, !ok ? "error" : duplicate ? "dim-label" : "success");
  adw_action_row_add_suffix (ADW_ACTION_ROW (list_row), badge);
  return list_row;
}

static void
show_preview (ChamberDeskPetitions *self, JsonObject *answer)
{
  GtkWidget *content, *header, *cancel, *box, *summary, *scrolled;
  JsonArray *rows = json_object_has_member (answer, "rows")
                      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (answer, "rows"))
                      ? json_object_get_array_member (answer, "rows") : NULL;
  JsonArray *problems = json_object_has_member (answer, "problems")
                          && JSON_NODE_HOLDS_ARRAY (json_object_get_member (answer, "problems"))
                          ? json_object_get_array_member (answer, "problems") : NULL;
  gint64 valid = int_member (answer, "valid");
  gint64 duplicates = int_member (answer, "duplicates");
  gint64 to_import = MAX (valid - duplicates, 0);
  g_autofree char *summary_text = NULL;
  g_autofree char *button_label = NULL;
  g_autoptr (GString) file_problems = g_string_new (NULL);

  close_preview (self);
  g_hash_table_remove_all (self->preview_problems);
  g_clear_pointer (&self->preview_answer, json_object_unref);
  self->preview_answer = json_object_ref (answer);

  self->preview = GTK_WINDOW (adw_window_new ());
  gtk_window_set_title (self->preview, _("Import Petitions"));
  gtk_window_set_modal (self->preview, TRUE);
  gtk_window_set_transient_for (self->preview,
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_default_size (self->preview, 860, 600);
  g_signal_connect_object (self->preview, "destroy", G_CALLBACK (preview_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (close_preview), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  button_label = g_strdup_printf (ngettext ("_Import %lld Valid Row", "_Import %lld Valid Rows",
                                            to_import),
                                  (long long) to_import);
  self->import_button = GTK_BUTTON (gtk_button_new_with_mnemonic (button_label));
  gtk_widget_add_css_class (GTK_WIDGET (self->import_button), "suggested-action");
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), to_import > 0);
  g_signal_connect_object (self->import_button, "clicked",
                           G_CALLBACK (chamber_desk_petitions_confirm_import), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->import_button));
  gtk_box_append (GTK_BOX (content), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom", 12,
                "vexpand", TRUE, NULL);
  gtk_box_append (GTK_BOX (content), box);
  for (guint i = 0; problems != NULL && i < json_array_get_length (problems); i++)
    g_string_append_printf (file_problems, "\n%s", json_array_get_string_element (problems, i));
  summary_text = g_strdup_printf (_("Nothing is saved yet. %lld rows are valid, %lld have "
                                    "problems, %lld raise an earlier petition again and %lld "
                                    "are already there (encoding: %s).%s"),
                                  (long long) valid, (long long) int_member (answer, "errors"),
                                  (long long) int_member (answer, "raised_again"),
                                  (long long) duplicates,
                                  or_dash (string_member (answer, "encoding")),
                                  file_problems->str);
  summary = gtk_label_new (summary_text);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_box_append (GTK_BOX (box), summary);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  self->preview_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->preview_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->preview_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rows of the file"), -1);
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    gtk_list_box_append (self->preview_list,
                         preview_row (self, json_array_get_object_element (rows, i)));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled),
                                 GTK_WIDGET (self->preview_list));
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self->preview), content);
  gtk_window_present (self->preview);
}

static void
preview_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskPetitions *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;

  answer = chamber_desk_upload_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_PETITIONS (source);
  self->pending--;
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      set_error (self, error != NULL ? error->message
                                     : _("The server's answer could not be read."));
      return;
    }
  set_error (self, NULL);
  show_preview (self, json_node_get_object (answer));
}

void
chamber_desk_petitions_import (ChamberDeskPetitions *self, GFile *csv)
{
  g_return_if_fail (CHAMBER_IS_DESK_PETITIONS (self));
  g_return_if_fail (G_IS_FILE (csv));

  g_set_object (&self->import_file, csv);
  set_message (self, NULL);
  self->pending++;
  chamber_desk_upload_async (self, self->connection, "/api/v1/petitions/import?dry_run=1", csv,
                             "text/csv", self->cancellable, preview_cb, NULL);
}

static void
imported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskPetitions *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  gint64 created;

  answer = chamber_desk_upload_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_PETITIONS (source);
  self->pending--;
  if (self->import_button != NULL)
    gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
  if (answer == NULL || !JSON_NODE_HOLDS_OBJECT (answer))
    {
      set_error (self, error != NULL ? error->message
                                     : _("The server's answer could not be read."));
      return;
    }
  set_error (self, NULL);
  close_preview (self);
  created = int_member (json_node_get_object (answer), "created");
  text = g_strdup_printf (ngettext ("%lld petition was imported.",
                                    "%lld petitions were imported.", created),
                          (long long) created);
  set_message (self, text);
  chamber_desk_petitions_reload (self);
}

void
chamber_desk_petitions_confirm_import (ChamberDeskPetitions *self)
{
  g_return_if_fail (CHAMBER_IS_DESK_PETITIONS (self));

  if (self->import_file == NULL || self->preview == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  self->pending++;
  chamber_desk_upload_async (self, self->connection, "/api/v1/petitions/import?dry_run=0",
                             self->import_file, "text/csv", self->cancellable, imported_cb, NULL);
}

/* ---- for the tests --------------------------------------------------------------------- */

guint
chamber_desk_petitions_get_loads (ChamberDeskPetitions *self)
{
  return self->loads;
}

guint
chamber_desk_petitions_get_pending (ChamberDeskPetitions *self)
{
  return self->pending;
}

const char *
chamber_desk_petitions_get_error (ChamberDeskPetitions *self)
{
  return self->error;
}

const char *
chamber_desk_petitions_get_message (ChamberDeskPetitions *self)
{
  return self->message;
}

guint
chamber_desk_petitions_get_n_rows (ChamberDeskPetitions *self)
{
  return self->shown->len;
}

gint64
chamber_desk_petitions_get_row_id (ChamberDeskPetitions *self, guint index)
{
  g_return_val_if_fail (index < self->shown->len, 0);
  return g_array_index (self->shown, gint64, index);
}

JsonObject *
chamber_desk_petitions_get_detail (ChamberDeskPetitions *self)
{
  return self->detail;
}

GtkWindow *
chamber_desk_petitions_get_preview (ChamberDeskPetitions *self)
{
  return self->preview;
}

JsonObject *
chamber_desk_petitions_get_preview_answer (ChamberDeskPetitions *self)
{
  return self->preview_answer;
}

const char *
chamber_desk_petitions_get_preview_problems (ChamberDeskPetitions *self, gint64 line)
{
  g_autofree char *key = g_strdup_printf ("%lld", (long long) line);

  return g_hash_table_lookup (self->preview_problems, key);
}

GtkButton *
chamber_desk_petitions_get_import_button (ChamberDeskPetitions *self)
{
  return self->import_button;
}

/* ---- the widget ------------------------------------------------------------------------ */

static void
chamber_desk_petitions_dispose (GObject *object)
{
  ChamberDeskPetitions *self = CHAMBER_DESK_PETITIONS (object);

  g_cancellable_cancel (self->cancellable);
  close_preview (self);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (chamber_desk_petitions_parent_class)->dispose (object);
}

static void
chamber_desk_petitions_finalize (GObject *object)
{
  ChamberDeskPetitions *self = CHAMBER_DESK_PETITIONS (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->petitions, json_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  g_clear_pointer (&self->detail, json_object_unref);
  g_clear_pointer (&self->preview_answer, json_object_unref);
  g_clear_pointer (&self->preview_problems, g_hash_table_unref);
  g_clear_object (&self->import_file);
  g_free (self->error);
  g_free (self->message);
  G_OBJECT_CLASS (chamber_desk_petitions_parent_class)->finalize (object);
}

static void
chamber_desk_petitions_class_init (ChamberDeskPetitionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_desk_petitions_dispose;
  object_class->finalize = chamber_desk_petitions_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chamber-desk-petitions");
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkEntry *
filter_entry (const char *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 14);
  return GTK_ENTRY (entry);
}

static void
chamber_desk_petitions_init (ChamberDeskPetitions *self)
{
  g_autoptr (GtkStringList) filter_model = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) status_model = gtk_string_list_new (NULL);
  GtkWidget *toolbar, *paned, *left, *scrolled, *detail_scrolled, *row, *button, *placeholder;

  self->cancellable = g_cancellable_new ();
  self->shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->preview_problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gtk_string_list_append (filter_model, _("Any status"));
  for (guint i = 0; status_labels[i] != NULL; i++)
    {
      gtk_string_list_append (filter_model, _(status_labels[i]));
      gtk_string_list_append (status_model, _(status_labels[i]));
    }

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_object_set (self->box, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->box), toolbar);
  self->status_filter = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (filter_model)),
                                                          NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_filter),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  g_signal_connect_object (self->status_filter, "notify::selected",
                           G_CALLBACK (chamber_desk_petitions_reload), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->status_filter));
  self->agency_entry = filter_entry (_("Agency"));
  g_signal_connect_object (self->agency_entry, "activate",
                           G_CALLBACK (chamber_desk_petitions_reload), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->agency_entry));
  self->field_entry = filter_entry (_("Field"));
  g_signal_connect_object (self->field_entry, "activate",
                           G_CALLBACK (chamber_desk_petitions_reload), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->field_entry));
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Search petitions"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search petitions"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (show_list), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->search_entry));
  button = gtk_button_new_with_mnemonic (_("_Filter"));
  gtk_widget_set_tooltip_text (button, _("Ask the server again with these filters"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (chamber_desk_petitions_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), button);
  button = gtk_button_new_with_mnemonic (_("_Import CSV…"));
  gtk_widget_set_tooltip_text (button, _("Check a CSV file of petitions, then import its valid "
                                         "rows"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (import_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), button);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->error_label));
  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_xalign (self->message_label, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->message_label));

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_paned_set_position (GTK_PANED (paned), 560);
  gtk_box_append (GTK_BOX (self->box), paned);
  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_size_request (left, 340, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), left);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_label_set_xalign (self->count_label, 0);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->count_label));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Petitions"), -1);
  placeholder = gtk_label_new (_("No petitions match."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  g_object_set (placeholder, "margin-top", 12, "margin-bottom", 12, NULL);
  gtk_list_box_set_placeholder (self->list, placeholder);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (left), scrolled);

  detail_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (detail_scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_paned_set_end_child (GTK_PANED (paned), detail_scrolled);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  self->detail_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_object_set (self->detail_box, "margin-start", 12, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (detail_scrolled), self->detail_box);
  self->content_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->content_label), "heading");
  gtk_label_set_wrap (self->content_label, TRUE);
  gtk_label_set_xalign (self->content_label, 0);
  gtk_box_append (GTK_BOX (self->detail_box), GTK_WIDGET (self->content_label));
  self->meta_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->meta_label, TRUE);
  gtk_label_set_xalign (self->meta_label, 0);
  gtk_box_append (GTK_BOX (self->detail_box), GTK_WIDGET (self->meta_label));
  self->links_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  gtk_box_append (GTK_BOX (self->detail_box), GTK_WIDGET (self->links_box));

  gtk_box_append (GTK_BOX (self->detail_box), heading (_("Change")));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->detail_box), row);
  self->status_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (status_model)),
                                                            NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New status"), -1);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->status_dropdown));
  self->note_entry = filter_entry (_("Note for the history"));
  gtk_widget_set_hexpand (GTK_WIDGET (self->note_entry), TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->note_entry));
  self->answer_entry = filter_entry (_("The agency's answer"));
  gtk_box_append (GTK_BOX (self->detail_box), GTK_WIDGET (self->answer_entry));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (row, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (self->detail_box), row);
  button = gtk_button_new_with_mnemonic (_("Attach Answer _PDF…"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (attach_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), button);
  button = gtk_button_new_with_mnemonic (_("_Save Change"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (change_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), button);

  gtk_box_append (GTK_BOX (self->detail_box), heading (_("History")));
  self->history = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->history, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->history), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("History"), -1);
  gtk_box_append (GTK_BOX (self->detail_box), GTK_WIDGET (self->history));
  show_detail (self);
}

GtkWidget *
chamber_desk_petitions_new (const ChamberConnection *connection)
{
  ChamberDeskPetitions *self;

  g_return_val_if_fail (connection != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_DESK_PETITIONS, NULL);
  self->connection = chamber_connection_copy (connection);
  chamber_desk_petitions_reload (self);
  return GTK_WIDGET (self);
}
