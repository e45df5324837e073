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
#include "chamber-list-box.h"
#include "chamber-petition-entry.h"
#include "chamber-petition-file.h"
#include "chamber-petitions.h"
#include "chamber-protocol.h"
#include "chamber-search.h"

/* The statuses' keys in the order of the dropdowns (ChamberPetitionStatus). */
static const char *const statuses[] = { "forwarded", "answered", "in-progress", "resolved",
                                        "unresolved", NULL };
G_STATIC_ASSERT (G_N_ELEMENTS (statuses) == CHAMBER_N_PETITION_STATUSES + 1);

/* What a petition links to (the order of the kind dropdown). */
static const char *const link_kinds[] = { "item", "turn", "commitment", NULL };
static const char *const link_kind_titles[] = { N_("Agenda item"), N_("Turn"), N_("Commitment"),
                                                NULL };

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
  GtkWindow         *entry;       /* the New Petition window while it is open */
  GtkWidget         *open_answer_button;
  GtkListBox        *links_list;
  GtkDropDown       *link_kind;
  GtkEntry          *link_target;
  GtkEntry          *link_session;
  GtkWindow         *answer_window; /* the last answer PDF opened, while it is open */
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
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "—";
}

static const char *
status_label (const char *status)
{
  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      return chamber_petition_status_get_title ((ChamberPetitionStatus) i);
  return or_dash (status);
}

static JsonObject *
find_petition (ChamberDeskPetitions *self, gint64 id)
{
  for (guint i = 0; self->petitions != NULL && i < json_array_get_length (self->petitions); i++)
    {
      JsonObject *petition = json_array_get_object_element (self->petitions, i);

      if (chamber_json_peek_int (petition, "id", 0) == id)
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
  haystack = g_strjoin (" ", or_dash (chamber_json_peek_string (petition, "content")),
                        or_dash (chamber_json_peek_string (petition, "agency")),
                        or_dash (chamber_json_peek_string (petition, "field")),
                        or_dash (chamber_json_peek_string (petition, "answer")), NULL);
  folded = chamber_search_fold (haystack, -1);
  return folded != NULL && strstr (folded, folded_query) != NULL;
}

static GtkWidget *
petition_row (JsonObject *petition)
{
  GtkWidget *row = adw_action_row_new ();
  JsonObject *meeting = chamber_json_peek_object (petition, "meeting");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *status = gtk_label_new (status_label (chamber_json_peek_string (petition, "status")));

  title = g_markup_printf_escaped ("%lld. %s", (long long) chamber_json_peek_int (petition, "id", 0),
                                   or_dash (chamber_json_peek_string (petition, "content")));
  subtitle = g_markup_printf_escaped ("%s · %s · %s%s",
                                      or_dash (chamber_json_peek_string (petition, "agency")),
                                      or_dash (chamber_json_peek_string (petition, "field")),
                                      or_dash (chamber_json_peek_string (meeting, "group")),
                                      chamber_json_peek_int (petition, "raised_again_of", 0) > 0
                                        ? _(" · raised again") : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set (row, "title-lines", 2, NULL);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  if (g_strcmp0 (chamber_json_peek_string (petition, "status"), "resolved") == 0)
    gtk_widget_add_css_class (status, "success");
  else if (g_strcmp0 (chamber_json_peek_string (petition, "status"), "unresolved") == 0)
    gtk_widget_add_css_class (status, "error");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "petition-id",
                     GINT_TO_POINTER ((int) chamber_json_peek_int (petition, "id", 0)));
  return row;
}

static void
show_list (ChamberDeskPetitions *self)
{
  g_autofree char *query = chamber_search_fold (
    gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  g_autofree char *stripped = query != NULL ? g_strstrip (g_strdup (query)) : NULL;
  g_autofree char *count = NULL;

  chamber_list_box_remove_all (self->list);
  g_array_set_size (self->shown, 0);
  for (guint i = 0; self->petitions != NULL && i < json_array_get_length (self->petitions); i++)
    {
      JsonObject *petition = json_array_get_object_element (self->petitions, i);
      gint64 id = chamber_json_peek_int (petition, "id", 0);

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

static const char *
link_kind_title (const char *kind)
{
  for (guint i = 0; link_kinds[i] != NULL; i++)
    if (g_strcmp0 (link_kinds[i], kind) == 0)
      return _(link_kind_titles[i]);
  return or_dash (kind);
}

static void send_links (ChamberDeskPetitions *self, const char *member, const char *kind,
                        gint64 target, gint64 session);

static void
remove_link_clicked_cb (GtkButton *button, ChamberDeskPetitions *self)
{
  send_links (self, "remove_links", g_object_get_data (G_OBJECT (button), "link-kind"),
              GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "link-id")),
              GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "link-session")));
}

/* The agenda items, turns and commitments the selected petition links to, each with Remove. */
static void
show_links (ChamberDeskPetitions *self)
{
  JsonArray *links = chamber_json_peek_array (self->detail, "links");

  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);
      const char *kind = chamber_json_peek_string (link, "kind");
      gint64 target = chamber_json_peek_int (link, "id", 0);
      gint64 session = chamber_json_peek_int (link, "session", 0);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *title = g_strdup_printf ("%s %lld", link_kind_title (kind),
                                                (long long) target);
      g_autofree char *subtitle = session > 0 ? g_strdup_printf (_("Session %lld"),
                                                                 (long long) session)
                                              : NULL;
      g_autofree char *remove_label = g_strdup_printf (_("Remove the link to %s"), title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      g_object_set_data_full (G_OBJECT (button), "link-kind", g_strdup (kind), g_free);
      g_object_set_data (G_OBJECT (button), "link-id", GSIZE_TO_POINTER ((gsize) target));
      g_object_set_data (G_OBJECT (button), "link-session", GSIZE_TO_POINTER ((gsize) session));
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_link_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->links_list, row);
    }
}

static void
show_detail (ChamberDeskPetitions *self)
{
  JsonObject *p = self->detail;
  JsonObject *meeting = chamber_json_peek_object (p, "meeting");
  JsonObject *answer_document = chamber_json_peek_object (p, "answer_document");
  JsonArray *history;
  GtkWidget *child;
  g_autofree char *meta = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_box))) != NULL)
    gtk_box_remove (self->links_box, child);
  chamber_list_box_remove_all (self->history);
  chamber_list_box_remove_all (self->links_list);
  gtk_widget_set_sensitive (self->detail_box, p != NULL);
  gtk_widget_set_visible (self->open_answer_button, answer_document != NULL);
  if (p == NULL)
    {
      gtk_label_set_text (self->content_label, _("Choose a petition in the list."));
      gtk_label_set_text (self->meta_label, "");
      return;
    }
  gtk_label_set_text (self->content_label, or_dash (chamber_json_peek_string (p, "content")));
  meta = g_strdup_printf (_("Meeting: %s, %s, %s\nAgency: %s · Field: %s\n"
                            "Status: %s · received %s · answered %s · resolved %s\n"
                            "Answer: %s%s"),
                          or_dash (chamber_json_peek_string (meeting, "date")),
                          or_dash (chamber_json_peek_string (meeting, "place")),
                          or_dash (chamber_json_peek_string (meeting, "group")),
                          or_dash (chamber_json_peek_string (p, "agency")),
                          or_dash (chamber_json_peek_string (p, "field")),
                          or_dash (chamber_json_peek_string (p, "status_label")),
                          or_dash (chamber_json_peek_string (p, "received_on")),
                          or_dash (chamber_json_peek_string (p, "answered_on")),
                          or_dash (chamber_json_peek_string (p, "resolved_on")),
                          or_dash (chamber_json_peek_string (p, "answer")),
                          answer_document != NULL ? _(" (answer PDF attached)") : "");
  gtk_label_set_text (self->meta_label, meta);
  gtk_editable_set_text (
      GTK_EDITABLE (self->answer_entry),
      chamber_json_peek_string (p, "answer") != NULL ? chamber_json_peek_string (p, "answer") : "");
  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], chamber_json_peek_string (p, "status")) == 0)
      gtk_drop_down_set_selected (self->status_dropdown, i);

  if (chamber_json_peek_int (p, "raised_again_of", 0) > 0)
    {
      g_autofree char *label
          = g_strdup_printf (_("Raised again: earlier petition %lld"),
                             (long long) chamber_json_peek_int (p, "raised_again_of", 0));

      add_link (self, chamber_json_peek_int (p, "raised_again_of", 0), label);
    }
  for (guint i = 0; self->petitions != NULL && i < json_array_get_length (self->petitions); i++)
    {
      JsonObject *other = json_array_get_object_element (self->petitions, i);

      if (chamber_json_peek_int (other, "raised_again_of", 0) == chamber_json_peek_int (p, "id", 0))
        {
          g_autofree char *label
              = g_strdup_printf (_("Raised again later: petition %lld"),
                                 (long long) chamber_json_peek_int (other, "id", 0));

          add_link (self, chamber_json_peek_int (other, "id", 0), label);
        }
    }

  show_links (self);
  history = json_object_has_member (p, "history")
              && JSON_NODE_HOLDS_ARRAY (json_object_get_member (p, "history"))
              ? json_object_get_array_member (p, "history") : NULL;
  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      JsonObject *change = json_array_get_object_element (history, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title
          = g_markup_printf_escaped ("%s — %s", or_dash (chamber_json_peek_string (change, "at")),
                                     status_label (chamber_json_peek_string (change, "status")));
      g_autofree char *subtitle = g_markup_printf_escaped (
        "%s%s", or_dash (chamber_json_peek_string (change, "note")),
        chamber_json_peek_object (change, "finding") != NULL
          || chamber_json_peek_int (change, "finding", 0) > 0 ? _(" · supervision finding") : "");

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
    petition = chamber_json_peek_object (json_node_get_object (answer), "petition");
  if (petition == NULL || chamber_json_peek_int (petition, "id", 0) != self->selected)
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

/* ---- links ------------------------------------------------------------------------------- */

static void
send_links (ChamberDeskPetitions *self, const char *member, const char *kind, gint64 target,
            gint64 session)
{
  g_autofree char *path = NULL;
  JsonObject *body_object, *link = json_object_new ();
  JsonArray *array = json_array_new ();
  JsonNode *body;

  if (self->selected <= 0)
    {
      json_object_unref (link);
      json_array_unref (array);
      set_error (self, _("Choose a petition in the list first."));
      return;
    }
  json_object_set_string_member (link, "kind", kind);
  json_object_set_int_member (link, "id", target);
  if (session > 0)
    json_object_set_int_member (link, "session", session);
  json_array_add_object_element (array, link);
  body = chamber_desk_body_new (&body_object);
  json_object_set_array_member (body_object, member, array);
  path = g_strdup_printf ("/api/v1/petitions/%lld", (long long) self->selected);
  set_message (self, NULL);
  self->pending++;
  chamber_desk_request_async (self, self->connection, "PUT", path, body, self->cancellable,
                              changed_cb,
                              (gpointer) (g_str_equal (member, "links")
                                            ? _("The link was added.")
                                            : _("The link was removed.")));
}

void
chamber_desk_petitions_add_link (ChamberDeskPetitions *self, const char *kind, gint64 target,
                                 gint64 session)
{
  g_return_if_fail (CHAMBER_IS_DESK_PETITIONS (self));
  g_return_if_fail (kind != NULL);

  send_links (self, "links", kind, target, session);
}

void
chamber_desk_petitions_remove_link (ChamberDeskPetitions *self, const char *kind, gint64 target,
                                    gint64 session)
{
  g_return_if_fail (CHAMBER_IS_DESK_PETITIONS (self));
  g_return_if_fail (kind != NULL);

  send_links (self, "remove_links", kind, target, session);
}

guint
chamber_desk_petitions_get_n_links (ChamberDeskPetitions *self)
{
  JsonArray *links = chamber_json_peek_array (self->detail, "links");

  return links != NULL ? json_array_get_length (links) : 0;
}

/* A number typed in an entry: 0 for an empty one, -1 for anything but digits. */
static gint64
entry_number (GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  guint64 value = 0;

  if (*text == '\0')
    return 0;
  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return -1;
  return (gint64) value;
}

static void
add_link_clicked_cb (ChamberDeskPetitions *self)
{
  guint kind = gtk_drop_down_get_selected (self->link_kind);
  gint64 target = entry_number (self->link_target);
  gint64 session = entry_number (self->link_session);

  if (kind >= G_N_ELEMENTS (link_kinds) - 1)
    return;
  if (target <= 0 || session < 0)
    {
      set_error (self, _("Type the number of the agenda item, turn or commitment, and for a turn "
                         "or a commitment the number of its session."));
      return;
    }
  chamber_desk_petitions_add_link (self, link_kinds[kind], target, session);
  gtk_editable_set_text (GTK_EDITABLE (self->link_target), "");
}

/* ---- the answer PDF ------------------------------------------------------------------------ */

static void
answer_window_destroyed_cb (gpointer data, GObject *where_the_object_was)
{
  ChamberDeskPetitions *self = data;

  self->answer_window = NULL;
}

static void
answer_opened_cb (GtkWindow *window, const GError *error, gpointer user_data)
{
  ChamberDeskPetitions *self = user_data;

  self->pending--;
  if (window == NULL)
    {
      set_error (self, error->message);
      return;
    }
  set_error (self, NULL);
  if (self->answer_window != NULL)
    g_object_weak_unref (G_OBJECT (self->answer_window), answer_window_destroyed_cb, self);
  self->answer_window = window;
  g_object_weak_ref (G_OBJECT (window), answer_window_destroyed_cb, self);
}

void
chamber_desk_petitions_open_answer (ChamberDeskPetitions *self)
{
  JsonObject *document;
  g_autofree char *path = NULL;

  g_return_if_fail (CHAMBER_IS_DESK_PETITIONS (self));

  document = chamber_json_peek_object (self->detail, "answer_document");
  if (self->selected <= 0 || document == NULL)
    {
      set_error (self, _("This petition has no answer document."));
      return;
    }
  path = g_strdup_printf ("/api/v1/petitions/%lld/answer", (long long) self->selected);
  self->pending++;
  chamber_petition_file_open (GTK_WIDGET (self), self->connection, path,
                              chamber_json_peek_string (document, "sha256"), "application/pdf",
                              self->cancellable, answer_opened_cb, self);
}

GtkWindow *
chamber_desk_petitions_get_answer_window (ChamberDeskPetitions *self)
{
  return self->answer_window;
}

/* ---- a petition entered by hand ------------------------------------------------------------ */

static void
entry_saved_cb (ChamberDeskPetitions *self, gint64 id)
{
  g_autofree char *message = g_strdup_printf (_("Petition %lld was saved."), (long long) id);

  set_error (self, NULL);
  set_message (self, message);
  /* Shown once the list has it. */
  self->selected = id;
  g_clear_pointer (&self->detail, json_object_unref);
  chamber_desk_petitions_reload (self);
}

static void
entry_destroyed_cb (ChamberDeskPetitions *self)
{
  self->entry = NULL;
}

GtkWindow *
chamber_desk_petitions_new_petition (ChamberDeskPetitions *self)
{
  GtkRoot *root;
  ChamberPetitionEntry *entry;

  g_return_val_if_fail (CHAMBER_IS_DESK_PETITIONS (self), NULL);

  if (self->entry != NULL)
    {
      gtk_window_present (self->entry);
      return self->entry;
    }
  root = gtk_widget_get_root (GTK_WIDGET (self));
  entry = chamber_petition_entry_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->connection);
  self->entry = GTK_WINDOW (entry);
  g_signal_connect_object (entry, "saved", G_CALLBACK (entry_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (entry, "destroy", G_CALLBACK (entry_destroyed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (self->entry);
  return self->entry;
}

static void
new_petition_clicked_cb (ChamberDeskPetitions *self)
{
  chamber_desk_petitions_new_petition (self);
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
  JsonObject *petition = chamber_json_peek_object (row, "petition");
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
  g_hash_table_insert (self->preview_problems,
                       g_strdup_printf ("%lld", (long long) chamber_json_peek_int (row, "line", 0)),
                       g_strdup (text->str));
  if (duplicate)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "; " : "",
                            _("the same petition from the same meeting is already there: it is "
                              "skipped"));
  else if (chamber_json_peek_int (row, "raised_again_of", 0) > 0)
    {
      JsonNode *similarity = json_object_get_member (row, "similarity");

      g_string_append_printf (text, _("%sraised again: petition %lld (similarity %.2f)"),
                              text->len > 0 ? "; " : "",
                              (long long) chamber_json_peek_int (row, "raised_again_of", 0),
                              similarity != NULL && JSON_NODE_HOLDS_VALUE (similarity)
                                ? json_node_get_double (similarity) : 0.0);
    }
  else if (chamber_json_peek_int (row, "similar_line", 0) > 0)
    g_string_append_printf (text, _("%sraised again: line %lld of this file"),
                            text->len > 0 ? "; " : "",
                            (long long) chamber_json_peek_int (row, "similar_line", 0));
  title = g_markup_printf_escaped (_("Line %lld: %s"),
                                   (long long) chamber_json_peek_int (row, "line", 0),
                                   or_dash (chamber_json_peek_string (petition, "content")));
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
  gint64 valid = chamber_json_peek_int (answer, "valid", 0);
  gint64 duplicates = chamber_json_peek_int (answer, "duplicates", 0);
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
  summary_text = g_strdup_printf (
      _("Nothing is saved yet. %lld rows are valid, %lld have "
         "problems, %lld raise an earlier petition again and %lld "
         "are already there (encoding: %s).%s"),
      (long long) valid, (long long) chamber_json_peek_int (answer, "errors", 0),
      (long long) chamber_json_peek_int (answer, "raised_again", 0), (long long) duplicates,
      or_dash (chamber_json_peek_string (answer, "encoding")), file_problems->str);
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
  created = chamber_json_peek_int (json_node_get_object (answer), "created", 0);
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
  if (self->entry != NULL)
    gtk_window_destroy (self->entry);
  if (self->answer_window != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->answer_window), answer_window_destroyed_cb, self);
      self->answer_window = NULL;
    }
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
  for (guint i = 0; i < CHAMBER_N_PETITION_STATUSES; i++)
    {
      gtk_string_list_append (filter_model, chamber_petition_status_get_title (i));
      gtk_string_list_append (status_model, chamber_petition_status_get_title (i));
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
  button = gtk_button_new_with_mnemonic (_("_New Petition…"));
  gtk_widget_set_tooltip_text (button, _("Enter one petition from a voters' meeting"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (new_petition_clicked_cb), self,
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
  self->open_answer_button = gtk_button_new_with_mnemonic (_("_Open Answer PDF"));
  gtk_widget_set_halign (self->open_answer_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->open_answer_button,
                               _("Show the agency's answer document in Chamber's viewer"));
  g_signal_connect_object (self->open_answer_button, "clicked",
                           G_CALLBACK (chamber_desk_petitions_open_answer), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->detail_box), self->open_answer_button);

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

  gtk_box_append (GTK_BOX (self->detail_box), heading (_("Links")));
  self->links_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->links_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->links_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->links_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agenda items, turns and commitments linked"), -1);
  placeholder = gtk_label_new (_("No agenda item, turn or commitment is linked."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  g_object_set (placeholder, "margin-top", 6, "margin-bottom", 6, NULL);
  gtk_list_box_set_placeholder (self->links_list, placeholder);
  gtk_box_append (GTK_BOX (self->detail_box), GTK_WIDGET (self->links_list));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->detail_box), row);
  {
    g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

    for (guint i = 0; link_kinds[i] != NULL; i++)
      gtk_string_list_append (kinds, _(link_kind_titles[i]));
    self->link_kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)),
                                                        NULL));
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->link_kind),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Link to"), -1);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->link_kind));
  self->link_target = filter_entry (_("Number"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->link_target), 8);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->link_target));
  self->link_session = filter_entry (_("Session"));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->link_session), 8);
  gtk_widget_set_hexpand (GTK_WIDGET (self->link_session), TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->link_session));
  button = gtk_button_new_with_mnemonic (_("Add _Link"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_link_clicked_cb), self,
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
