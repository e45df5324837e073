/* chamber-desk-commitments.c — the desk's Commitments page (see chamber-desk-commitments.h):
 * the list from GET /api/v1/commitments (overdue first, then by deadline), the history from
 * GET …/ID/updates, an update by POST …/ID/updates with the evidence as its body, and the carry
 * by POST /api/v1/sessions/ID/carry.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-desk-commitments.h"
#include "chamber-commitments.h"
#include "chamber-desk-page.h"
#include "chamber-desk-request.h"
#include "chamber-desk-transfer.h"
#include "chamber-list-box.h"
#include "chamber-protocol.h"

static const char *const statuses[] = { "open", "in-progress", "done", NULL };

struct _ChamberDeskCommitments
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkDropDown       *show_dropdown;
  GtkWidget         *carry_button;
  GtkLabel          *error_label;
  GtkLabel          *message_label;
  GtkListBox        *list;
  GtkLabel          *detail_title;
  GtkLabel          *detail_text;
  GtkDropDown       *status_dropdown;
  GtkEntry          *note_entry;
  GtkLabel          *evidence_label;
  GtkWidget         *record_button;
  GtkListBox        *history;

  ChamberConnection *connection;
  GCancellable      *cancellable;
  JsonArray         *commitments;   /* as listed, in order */
  GPtrArray         *row_status;    /* char * per row */
  gint64             selected;
  gint64             session_id;
  GFile             *evidence;
  guint              n_updates;
  guint              loads;
  guint              pending;
  char              *error;
  char              *message;
};

G_DEFINE_FINAL_TYPE (ChamberDeskCommitments, chamber_desk_commitments, GTK_TYPE_WIDGET)

/* The string @member of @object (which may be NULL), or @fallback. */
static const char *
string_or (JsonObject *object, const char *member, const char *fallback)
{
  const char *value = chamber_json_peek_string (object, member);

  return value != NULL ? value : fallback;
}

/* The register's label of @status (chamber-commitments.h), or @status itself when unknown. */
static const char *
status_label (const char *status)
{
  ChamberCommitmentStatus value;

  if (status != NULL && chamber_commitment_status_from_string (status, &value))
    return chamber_commitment_status_get_label (value);
  return status != NULL ? status : "";
}

/* Overdue first, then the deadline (none last), then the id. */
static int
compare_commitments (gconstpointer a, gconstpointer b)
{
  JsonObject *x = *(JsonObject **) a;
  JsonObject *y = *(JsonObject **) b;
  gboolean x_over = g_strcmp0 (chamber_json_peek_string (x, "status"), "overdue") == 0;
  gboolean y_over = g_strcmp0 (chamber_json_peek_string (y, "status"), "overdue") == 0;
  gboolean x_done = g_strcmp0 (chamber_json_peek_string (x, "status"), "done") == 0;
  gboolean y_done = g_strcmp0 (chamber_json_peek_string (y, "status"), "done") == 0;
  const char *x_due = chamber_json_peek_string (x, "due");
  const char *y_due = chamber_json_peek_string (y, "due");
  int order;

  if (x_over != y_over)
    return x_over ? -1 : 1;
  if (x_done != y_done)
    return x_done ? 1 : -1;
  if ((x_due == NULL) != (y_due == NULL))
    return x_due == NULL ? 1 : -1;
  order = g_strcmp0 (x_due, y_due);
  if (order != 0)
    return order;
  return (json_object_get_int_member (x, "id") > json_object_get_int_member (y, "id"))
         - (json_object_get_int_member (x, "id") < json_object_get_int_member (y, "id"));
}

static JsonObject *
find_commitment (ChamberDeskCommitments *self, gint64 id)
{
  for (guint i = 0; self->commitments != NULL && i < json_array_get_length (self->commitments);
       i++)
    {
      JsonObject *c = json_array_get_object_element (self->commitments, i);

      if (json_object_get_int_member (c, "id") == id)
        return c;
    }
  return NULL;
}

static void load_history (ChamberDeskCommitments *self);

static void
show_detail (ChamberDeskCommitments *self)
{
  JsonObject *c = find_commitment (self, self->selected);
  JsonObject *owner = chamber_json_peek_object (c, "owner");
  JsonObject *session = chamber_json_peek_object (c, "session");
  g_autofree char *text = NULL;

  gtk_widget_set_sensitive (self->record_button, c != NULL);
  if (c == NULL)
    {
      gtk_label_set_text (self->detail_title, _("Choose a commitment in the list."));
      gtk_label_set_text (self->detail_text, "");
      chamber_list_box_remove_all (self->history);
      self->n_updates = 0;
      return;
    }
  gtk_label_set_text (self->detail_title, chamber_json_peek_string (c, "what"));
  text = g_strdup_printf (_("By: %s (%s)\nDeadline: %s\nStatus: %s\nSession: %s\nLatest note: %s"),
                          string_or (owner, "name", "—"),
                          string_or (owner, "agency", "—"),
                          string_or (c, "due", _("none")),
                          status_label (chamber_json_peek_string (c, "status")),
                          string_or (session, "title", "—"),
                          string_or (c, "note", "—"));
  gtk_label_set_text (self->detail_text, text);
  load_history (self);
}

static GtkWidget *
commitment_row (JsonObject *c)
{
  GtkWidget *row = adw_action_row_new ();
  JsonObject *owner = chamber_json_peek_object (c, "owner");
  const char *due = chamber_json_peek_string (c, "due");
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (string_or (c, "what", ""), -1);
  g_autofree char *owner_name = g_markup_escape_text (string_or (owner, "name", "—"), -1);
  GtkWidget *status = gtk_label_new (status_label (chamber_json_peek_string (c, "status")));

  if (json_object_has_member (c, "days_left") && due != NULL)
    {
      gint64 days = json_object_get_int_member (c, "days_left");

      if (days < 0)
        subtitle = g_strdup_printf (_("%s · due %s · %lld days overdue"), owner_name, due,
                                    (long long) -days);
      else
        subtitle = g_strdup_printf (_("%s · due %s · %lld days left"), owner_name, due,
                                    (long long) days);
    }
  else
    subtitle = g_strdup_printf (_("%s · due %s"), owner_name, due != NULL ? due : _("none"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  if (g_strcmp0 (chamber_json_peek_string (c, "status"), "overdue") == 0)
    gtk_widget_add_css_class (status, "error");
  else if (g_strcmp0 (chamber_json_peek_string (c, "status"), "done") == 0)
    gtk_widget_add_css_class (status, "success");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  g_object_set_data (G_OBJECT (row), "commitment-id",
                     GINT_TO_POINTER ((int) json_object_get_int_member (c, "id")));
  return row;
}

static void
list_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskCommitments *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sorted = NULL;
  JsonArray *array;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_COMMITMENTS (source);
  self->pending--;
  self->loads++;
  if (answer == NULL)
    {
      chamber_desk_banner_set (self->error_label, &self->error, error->message);
      return;
    }
  array = JSON_NODE_HOLDS_OBJECT (answer)
            ? chamber_json_peek_array (json_node_get_object (answer), "commitments") : NULL;
  if (array == NULL)
    {
      chamber_desk_banner_set (self->error_label, &self->error,
                               _("The server's answer could not be read."));
      return;
    }
  chamber_desk_banner_set (self->error_label, &self->error, NULL);
  sorted = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (sorted, json_array_get_object_element (array, i));
  g_ptr_array_sort (sorted, compare_commitments);
  g_clear_pointer (&self->commitments, json_array_unref);
  self->commitments = json_array_new ();
  g_ptr_array_set_size (self->row_status, 0);
  chamber_list_box_remove_all (self->list);
  for (guint i = 0; i < sorted->len; i++)
    {
      JsonObject *c = g_ptr_array_index (sorted, i);

      json_array_add_object_element (self->commitments, json_object_ref (c));
      g_ptr_array_add (self->row_status, g_strdup (chamber_json_peek_string (c, "status")));
      gtk_list_box_append (self->list, commitment_row (c));
    }
  if (sorted->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No commitments to follow up."));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_list_box_set_placeholder (self->list, empty);
    }
  if (find_commitment (self, self->selected) == NULL)
    self->selected = 0;
  show_detail (self);
}

void
chamber_desk_commitments_reload (ChamberDeskCommitments *self)
{
  const char *path;

  g_return_if_fail (CHAMBER_IS_DESK_COMMITMENTS (self));

  switch (gtk_drop_down_get_selected (self->show_dropdown))
    {
    case 0:
      path = "/api/v1/commitments?due_within=30";
      break;
    case 1:
      path = "/api/v1/commitments?status=overdue";
      break;
    default:
      path = "/api/v1/commitments";
      break;
    }
  self->pending++;
  chamber_desk_request_async (self, self->connection, "GET", path, NULL, self->cancellable,
                              list_loaded_cb, NULL);
}

static void
history_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskCommitments *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *updates;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_COMMITMENTS (source);
  self->pending--;
  if (answer == NULL)
    {
      chamber_desk_banner_set (self->error_label, &self->error, error->message);
      return;
    }
  if (GPOINTER_TO_INT (user_data) != (int) self->selected)
    return;
  updates = JSON_NODE_HOLDS_OBJECT (answer)
              ? chamber_json_peek_array (json_node_get_object (answer), "updates") : NULL;
  chamber_list_box_remove_all (self->history);
  self->n_updates = 0;
  for (guint i = 0; updates != NULL && i < json_array_get_length (updates); i++)
    {
      JsonObject *u = json_array_get_object_element (updates, i);
      JsonObject *by = chamber_json_peek_object (u, "by");
      JsonObject *evidence = chamber_json_peek_object (u, "evidence");
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title =
        g_strdup_printf ("%s — %s", chamber_json_peek_string (u, "at"),
                         status_label (chamber_json_peek_string (u, "status")));
      g_autofree char *subtitle = NULL;
      g_autofree char *escaped = NULL;

      subtitle = g_strdup_printf (_("%s · by %s%s"),
                                  string_or (u, "note", _("no note")),
                                  string_or (by, "name", "—"),
                                  evidence != NULL ? _(" · with evidence") : "");
      escaped = g_markup_escape_text (subtitle, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      gtk_list_box_append (self->history, row);
      self->n_updates++;
    }
}

static void
load_history (ChamberDeskCommitments *self)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/commitments/%lld/updates",
                                           (long long) self->selected);

  self->pending++;
  chamber_desk_request_async (self, self->connection, "GET", path, NULL, self->cancellable,
                              history_loaded_cb, GINT_TO_POINTER ((int) self->selected));
}

gboolean
chamber_desk_commitments_select (ChamberDeskCommitments *self, gint64 id)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_COMMITMENTS (self), FALSE);

  if (find_commitment (self, id) == NULL)
    return FALSE;
  self->selected = id;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row)
        && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "commitment-id")) == (int) id)
      gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
  show_detail (self);
  return TRUE;
}

static void
row_activated_cb (ChamberDeskCommitments *self, GtkListBoxRow *row)
{
  chamber_desk_commitments_select (
    self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "commitment-id")));
}

static void
set_evidence (ChamberDeskCommitments *self, GFile *evidence)
{
  g_autofree char *name = evidence != NULL ? g_file_get_basename (evidence) : NULL;

  g_set_object (&self->evidence, evidence);
  gtk_label_set_text (self->evidence_label, name != NULL ? name : _("No evidence"));
}

void
chamber_desk_commitments_set_update (ChamberDeskCommitments *self, const char *status,
                                     const char *note, GFile *evidence)
{
  g_return_if_fail (CHAMBER_IS_DESK_COMMITMENTS (self));

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      gtk_drop_down_set_selected (self->status_dropdown, i);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");
  set_evidence (self, evidence);
}

static void
update_recorded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskCommitments *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;

  answer = chamber_desk_upload_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_COMMITMENTS (source);
  self->pending--;
  gtk_widget_set_sensitive (self->record_button, TRUE);
  if (answer == NULL)
    {
      chamber_desk_banner_set (self->error_label, &self->error, error->message);
      return;
    }
  chamber_desk_banner_set (self->error_label, &self->error, NULL);
  chamber_desk_banner_set (self->message_label, &self->message, _("The update was recorded."));
  chamber_desk_commitments_set_update (self, NULL, NULL, NULL);
  chamber_desk_commitments_reload (self);
}

void
chamber_desk_commitments_record_update (ChamberDeskCommitments *self)
{
  g_autoptr (GString) path = g_string_new (NULL);
  g_autofree char *note = NULL;
  guint status;

  g_return_if_fail (CHAMBER_IS_DESK_COMMITMENTS (self));

  if (self->selected <= 0)
    {
      chamber_desk_banner_set (self->error_label, &self->error,
                               _("Choose a commitment in the list first."));
      return;
    }
  status = gtk_drop_down_get_selected (self->status_dropdown);
  if (status >= G_N_ELEMENTS (statuses) - 1)
    status = 0;
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  g_string_append_printf (path, "/api/v1/commitments/%lld/updates?status=%s",
                          (long long) self->selected, statuses[status]);
  if (note[0] != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (note, NULL, FALSE);

      g_string_append_printf (path, "&note=%s", escaped);
    }
  if (self->evidence != NULL)
    g_string_append (path, "&evidence=1");
  chamber_desk_banner_set (self->message_label, &self->message, NULL);
  gtk_widget_set_sensitive (self->record_button, FALSE);
  self->pending++;
  chamber_desk_upload_async (self, self->connection, path->str, self->evidence,
                             self->evidence != NULL ? chamber_desk_evidence_type (self->evidence)
                                                    : NULL,
                             self->cancellable, update_recorded_cb, NULL);
}

static void
evidence_chosen_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  ChamberDeskCommitments *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      set_evidence (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_evidence_cb (ChamberDeskCommitments *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose Evidence"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents and photos"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (evidence_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
carried_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskCommitments *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *carry;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_COMMITMENTS (source);
  self->pending--;
  if (answer == NULL)
    {
      chamber_desk_banner_set (self->error_label, &self->error, error->message);
      return;
    }
  chamber_desk_banner_set (self->error_label, &self->error, NULL);
  carry = JSON_NODE_HOLDS_OBJECT (answer)
            ? chamber_json_peek_object (json_node_get_object (answer), "carry") : NULL;
  if (carry == NULL || json_object_get_int_member_with_default (carry, "commitments", 0) == 0
      || json_object_get_member (carry, "item") == NULL
      || JSON_NODE_HOLDS_NULL (json_object_get_member (carry, "item")))
    chamber_desk_banner_set (self->message_label, &self->message,
                             _("There is nothing to carry into this session."));
  else
    {
      g_autofree char *text = NULL;
      gint64 n = json_object_get_int_member_with_default (carry, "commitments", 0);

      if (json_object_get_boolean_member_with_default (carry, "created", FALSE))
        text = g_strdup_printf (ngettext ("%lld commitment was carried into the session's agenda.",
                                          "%lld commitments were carried into the session's "
                                          "agenda.",
                                          n),
                                (long long) n);
      else
        text = g_strdup_printf (ngettext ("The session's agenda already carries %lld "
                                          "commitment.",
                                          "The session's agenda already carries %lld "
                                          "commitments.",
                                          n),
                                (long long) n);
      chamber_desk_banner_set (self->message_label, &self->message, text);
    }
}

void
chamber_desk_commitments_carry (ChamberDeskCommitments *self)
{
  g_autofree char *path = NULL;
  JsonObject *body_object;
  JsonNode *body;

  g_return_if_fail (CHAMBER_IS_DESK_COMMITMENTS (self));

  if (self->session_id <= 0)
    {
      chamber_desk_banner_set (self->error_label, &self->error,
                               _("Choose the session to carry into on the Sessions page first."));
      return;
    }
  body = chamber_desk_body_new (&body_object);
  path = g_strdup_printf ("/api/v1/sessions/%lld/carry", (long long) self->session_id);
  chamber_desk_banner_set (self->message_label, &self->message, NULL);
  self->pending++;
  chamber_desk_request_async (self, self->connection, "POST", path, body, self->cancellable,
                              carried_cb, NULL);
}

void
chamber_desk_commitments_set_session (ChamberDeskCommitments *self, gint64 session_id)
{
  g_return_if_fail (CHAMBER_IS_DESK_COMMITMENTS (self));
  self->session_id = session_id;
  gtk_widget_set_sensitive (self->carry_button, session_id > 0);
}

guint
chamber_desk_commitments_get_loads (ChamberDeskCommitments *self)
{
  return self->loads;
}

guint
chamber_desk_commitments_get_pending (ChamberDeskCommitments *self)
{
  return self->pending;
}

const char *
chamber_desk_commitments_get_error (ChamberDeskCommitments *self)
{
  return self->error;
}

const char *
chamber_desk_commitments_get_message (ChamberDeskCommitments *self)
{
  return self->message;
}

guint
chamber_desk_commitments_get_n_rows (ChamberDeskCommitments *self)
{
  return self->commitments != NULL ? json_array_get_length (self->commitments) : 0;
}

gint64
chamber_desk_commitments_get_row_id (ChamberDeskCommitments *self, guint index)
{
  g_return_val_if_fail (index < chamber_desk_commitments_get_n_rows (self), 0);
  return json_object_get_int_member (json_array_get_object_element (self->commitments, index),
                                     "id");
}

const char *
chamber_desk_commitments_get_row_status (ChamberDeskCommitments *self, guint index)
{
  g_return_val_if_fail (index < self->row_status->len, NULL);
  return g_ptr_array_index (self->row_status, index);
}

guint
chamber_desk_commitments_get_n_updates (ChamberDeskCommitments *self)
{
  return self->n_updates;
}

static void
chamber_desk_commitments_dispose (GObject *object)
{
  ChamberDeskCommitments *self = CHAMBER_DESK_COMMITMENTS (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (chamber_desk_commitments_parent_class)->dispose (object);
}

static void
chamber_desk_commitments_finalize (GObject *object)
{
  ChamberDeskCommitments *self = CHAMBER_DESK_COMMITMENTS (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->commitments, json_array_unref);
  g_clear_pointer (&self->row_status, g_ptr_array_unref);
  g_clear_object (&self->evidence);
  g_free (self->error);
  g_free (self->message);
  G_OBJECT_CLASS (chamber_desk_commitments_parent_class)->finalize (object);
}

static void
chamber_desk_commitments_class_init (ChamberDeskCommitmentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_desk_commitments_dispose;
  object_class->finalize = chamber_desk_commitments_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chamber-desk-commitments");
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static void
chamber_desk_commitments_init (ChamberDeskCommitments *self)
{
  const char *shows[] = { N_("Due within 30 days and overdue"), N_("Overdue only"),
                          N_("All commitments"), NULL };
  g_autoptr (GtkStringList) show_model = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) status_model = gtk_string_list_new (NULL);
  GtkWidget *toolbar, *paned, *scrolled, *detail, *button, *row, *history_scrolled;

  self->cancellable = g_cancellable_new ();
  self->row_status = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; shows[i] != NULL; i++)
    gtk_string_list_append (show_model, _(shows[i]));
  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (status_model, status_label (statuses[i]));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  g_object_set (self->box, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);

  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->box), toolbar);
  gtk_box_append (GTK_BOX (toolbar), gtk_label_new (_("Show")));
  self->show_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (show_model)),
                                                          NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->show_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Which commitments to show"),
                                  -1);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->show_dropdown));
  g_signal_connect_object (self->show_dropdown, "notify::selected",
                           G_CALLBACK (chamber_desk_commitments_reload), self,
                           G_CONNECT_SWAPPED);
  button = gtk_button_new_with_mnemonic (_("_Reload"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (chamber_desk_commitments_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), button);
  self->carry_button = gtk_button_new_with_mnemonic (_("C_arry into Session…"));
  gtk_widget_set_tooltip_text (self->carry_button,
                               _("Add the commitments still open to the agenda of the session "
                                 "chosen on the Sessions page"));
  gtk_widget_set_sensitive (self->carry_button, FALSE);
  gtk_widget_set_hexpand (self->carry_button, TRUE);
  gtk_widget_set_halign (self->carry_button, GTK_ALIGN_END);
  g_signal_connect_object (self->carry_button, "clicked",
                           G_CALLBACK (chamber_desk_commitments_carry), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (toolbar), self->carry_button);

  self->error_label = chamber_desk_banner_new (GTK_BOX (self->box), "error", 0);
  self->message_label = chamber_desk_banner_new (GTK_BOX (self->box), NULL, 0);

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_paned_set_position (GTK_PANED (paned), 560);
  gtk_box_append (GTK_BOX (self->box), paned);

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_size_request (scrolled, 320, -1);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Commitments"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);

  detail = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_object_set (detail, "margin-start", 12, NULL);
  gtk_paned_set_end_child (GTK_PANED (paned), detail);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  self->detail_title = GTK_LABEL (heading (""));
  gtk_label_set_wrap (self->detail_title, TRUE);
  gtk_box_append (GTK_BOX (detail), GTK_WIDGET (self->detail_title));
  self->detail_text = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->detail_text, 0);
  gtk_label_set_wrap (self->detail_text, TRUE);
  gtk_label_set_selectable (self->detail_text, FALSE);
  gtk_box_append (GTK_BOX (detail), GTK_WIDGET (self->detail_text));

  gtk_box_append (GTK_BOX (detail), heading (_("New update")));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (detail), row);
  self->status_dropdown = GTK_DROP_DOWN (
    gtk_drop_down_new (G_LIST_MODEL (g_object_ref (status_model)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->status_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->status_dropdown));
  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->note_entry, _("Note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_entry_set_max_length (self->note_entry, 4096);
  gtk_widget_set_hexpand (GTK_WIDGET (self->note_entry), TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->note_entry));
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (detail), row);
  button = gtk_button_new_with_mnemonic (_("_Evidence…"));
  gtk_widget_set_tooltip_text (button, _("Attach a PDF, PNG or JPEG file as evidence"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (choose_evidence_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), button);
  self->evidence_label = GTK_LABEL (gtk_label_new (_("No evidence")));
  gtk_label_set_ellipsize (self->evidence_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->evidence_label), TRUE);
  gtk_label_set_xalign (self->evidence_label, 0);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->evidence_label));
  self->record_button = gtk_button_new_with_mnemonic (_("Record _Update"));
  gtk_widget_add_css_class (self->record_button, "suggested-action");
  g_signal_connect_object (self->record_button, "clicked",
                           G_CALLBACK (chamber_desk_commitments_record_update), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), self->record_button);

  gtk_box_append (GTK_BOX (detail), heading (_("History")));
  history_scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (history_scrolled, TRUE);
  self->history = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->history, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->history), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("History"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (history_scrolled),
                                 GTK_WIDGET (self->history));
  gtk_box_append (GTK_BOX (detail), history_scrolled);
  show_detail (self);
}

GtkWidget *
chamber_desk_commitments_new (const ChamberConnection *connection)
{
  ChamberDeskCommitments *self;

  g_return_val_if_fail (connection != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_DESK_COMMITMENTS, NULL);
  self->connection = chamber_connection_copy (connection);
  chamber_desk_commitments_reload (self);
  return GTK_WIDGET (self);
}
