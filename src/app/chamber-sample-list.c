/* chamber-sample-list.c — the drawn petitions with their assignment and findings (see
 * chamber-sample-list.h): GET /api/v1/supervision/samples, PUT …/samples/ID, and POST
 * …/samples/ID/findings with the evidence as its body.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-desk-request.h"
#include "chamber-desk-transfer.h"
#include "chamber-list-box.h"
#include "chamber-petition-file.h"
#include "chamber-protocol.h"
#include "chamber-supervision.h"
#include "chamber-sample-list.h"

static const char *const results[] = { "confirmed", "partly", "not-resolved", NULL };
G_STATIC_ASSERT (G_N_ELEMENTS (results) == CHAMBER_N_FINDINGS + 1);

struct _ChamberSampleList
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *error_label;
  GtkListBox        *list;
  GtkLabel          *detail_label;
  GtkWidget         *open_evidence_button;
  GtkWindow         *evidence_window; /* the last evidence opened, while it is open */
  GtkWidget         *assign_box;
  GtkEntry          *assignee_entry;
  GtkDropDown       *result_dropdown;
  GtkEntry          *note_entry;
  GtkLabel          *evidence_label;
  GtkWidget         *finding_button;

  ChamberConnection *connection;
  GCancellable      *cancellable;
  gint64             draw_id;
  JsonArray         *samples;
  gint64             selected;
  GFile             *evidence;
  guint              loads;
  guint              pending;
  char              *error;
};

G_DEFINE_FINAL_TYPE (ChamberSampleList, chamber_sample_list, GTK_TYPE_WIDGET)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_error (ChamberSampleList *self, const char *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
result_label (const char *result)
{
  for (guint i = 0; results[i] != NULL; i++)
    if (g_strcmp0 (results[i], result) == 0)
      return chamber_finding_result_get_title ((ChamberFindingResult) i);
  return result;
}

static JsonObject *
find_sample (ChamberSampleList *self, gint64 id)
{
  for (guint i = 0; self->samples != NULL && i < json_array_get_length (self->samples); i++)
    {
      JsonObject *sample = json_array_get_object_element (self->samples, i);

      if (json_object_get_int_member (sample, "id") == id)
        return sample;
    }
  return NULL;
}

static void
show_detail (ChamberSampleList *self)
{
  JsonObject *sample = find_sample (self, self->selected);
  JsonObject *petition = chamber_json_peek_object (sample, "petition");
  JsonObject *finding = chamber_json_peek_object (sample, "finding");
  g_autofree char *text = NULL;

  gtk_widget_set_sensitive (self->finding_button, sample != NULL);
  gtk_widget_set_sensitive (self->assign_box, sample != NULL);
  gtk_widget_set_visible (self->open_evidence_button,
                          chamber_json_peek_object (finding, "evidence") != NULL);
  if (sample == NULL)
    {
      gtk_label_set_text (self->detail_label, _("Choose a drawn petition in the list."));
      return;
    }
  text = g_strdup_printf (
      _("Petition %lld: %s\nAgency: %s · Field: %s · Status: %s\n"
         "Assigned to: %s\nFinding: %s%s%s"),
      (long long) json_object_get_int_member_with_default (petition, "id", 0),
      chamber_json_peek_string (petition, "content") != NULL
          ? chamber_json_peek_string (petition, "content")
          : "",
      chamber_json_peek_string (petition, "agency") != NULL
          ? chamber_json_peek_string (petition, "agency")
          : "—",
      chamber_json_peek_string (petition, "field") != NULL
          ? chamber_json_peek_string (petition, "field")
          : "—",
      chamber_json_peek_string (petition, "status_label") != NULL
          ? chamber_json_peek_string (petition, "status_label")
          : (chamber_json_peek_string (petition, "status") != NULL
                 ? chamber_json_peek_string (petition, "status")
                 : ""),
      chamber_json_peek_string (sample, "assignee") != NULL
          ? chamber_json_peek_string (sample, "assignee")
          : _("nobody yet"),
      finding != NULL ? result_label (chamber_json_peek_string (finding, "result"))
                      : _("none yet"),
      finding != NULL && chamber_json_peek_string (finding, "note") != NULL ? " — " : "",
      finding != NULL && chamber_json_peek_string (finding, "note") != NULL
          ? chamber_json_peek_string (finding, "note")
          : "");
  gtk_label_set_text (self->detail_label, text);
  gtk_editable_set_text (GTK_EDITABLE (self->assignee_entry),
                         chamber_json_peek_string (sample, "assignee") != NULL
                           ? chamber_json_peek_string (sample, "assignee") : "");
}

static GtkWidget *
sample_row (JsonObject *sample)
{
  GtkWidget *row = adw_action_row_new ();
  JsonObject *petition = chamber_json_peek_object (sample, "petition");
  JsonObject *finding = chamber_json_peek_object (sample, "finding");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  GtkWidget *suffix;

  title = g_markup_printf_escaped ("%lld. %s",
                                   (long long) json_object_get_int_member_with_default (
                                     sample, "position", 0),
                                   chamber_json_peek_string (petition, "content") != NULL
                                     ? chamber_json_peek_string (petition, "content") : "");
  subtitle = g_strdup_printf (_("%s · assigned to %s"),
                              chamber_json_peek_string (sample, "stratum") != NULL
                                ? chamber_json_peek_string (sample, "stratum")
                                : (chamber_json_peek_string (petition, "agency") != NULL
                                     ? chamber_json_peek_string (petition, "agency") : "—"),
                              chamber_json_peek_string (sample, "assignee") != NULL
                                ? chamber_json_peek_string (sample, "assignee") : _("nobody yet"));
  escaped = g_markup_escape_text (subtitle, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
  g_object_set (row, "title-lines", 2, NULL);
  suffix
      = gtk_label_new (finding != NULL ? result_label (chamber_json_peek_string (finding, "result"))
                                       : _("Not checked"));
  if (finding == NULL)
    gtk_widget_add_css_class (suffix, "dim-label");
  else if (g_strcmp0 (chamber_json_peek_string (finding, "result"), "confirmed") == 0)
    gtk_widget_add_css_class (suffix, "success");
  else
    gtk_widget_add_css_class (suffix, "error");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "sample-id",
                     GINT_TO_POINTER ((int) json_object_get_int_member (sample, "id")));
  return row;
}

static void
samples_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberSampleList *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *object;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_SAMPLE_LIST (source);
  self->pending--;
  self->loads++;
  if (answer == NULL)
    {
      set_error (self, error->message);
      return;
    }
  object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  if (object == NULL || !json_object_has_member (object, "samples")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "samples")))
    {
      set_error (self, _("The server's answer could not be read."));
      return;
    }
  set_error (self, NULL);
  g_clear_pointer (&self->samples, json_array_unref);
  self->samples = json_array_ref (json_object_get_array_member (object, "samples"));
  chamber_list_box_remove_all (self->list);
  for (guint i = 0; i < json_array_get_length (self->samples); i++)
    {
      GtkWidget *row = sample_row (json_array_get_object_element (self->samples, i));

      gtk_list_box_append (self->list, row);
      if (json_object_get_int_member (json_array_get_object_element (self->samples, i), "id")
          == self->selected)
        gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
    }
  if (find_sample (self, self->selected) == NULL)
    self->selected = 0;
  show_detail (self);
}

void
chamber_sample_list_reload (ChamberSampleList *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CHAMBER_IS_SAMPLE_LIST (self));

  path = self->draw_id > 0
           ? g_strdup_printf ("/api/v1/supervision/samples?draw=%lld", (long long) self->draw_id)
           : g_strdup ("/api/v1/supervision/samples");
  self->pending++;
  chamber_desk_request_async (self, self->connection, "GET", path, NULL, self->cancellable,
                              samples_loaded_cb, NULL);
}

void
chamber_sample_list_set_draw (ChamberSampleList *self, gint64 draw_id)
{
  g_return_if_fail (CHAMBER_IS_SAMPLE_LIST (self));

  self->draw_id = draw_id;
  self->selected = 0;
  chamber_sample_list_reload (self);
}

gboolean
chamber_sample_list_select (ChamberSampleList *self, gint64 sample_id)
{
  g_return_val_if_fail (CHAMBER_IS_SAMPLE_LIST (self), FALSE);

  if (find_sample (self, sample_id) == NULL)
    return FALSE;
  self->selected = sample_id;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row)
        && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "sample-id")) == (int) sample_id)
      gtk_list_box_select_row (self->list, GTK_LIST_BOX_ROW (row));
  show_detail (self);
  return TRUE;
}

static void
row_activated_cb (ChamberSampleList *self, GtkListBoxRow *row)
{
  chamber_sample_list_select (self,
                              GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "sample-id")));
}

static void
changed_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberSampleList *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;

  answer = chamber_desk_call_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_SAMPLE_LIST (source);
  self->pending--;
  gtk_widget_set_sensitive (self->finding_button, TRUE);
  if (answer == NULL)
    {
      set_error (self, error->message);
      return;
    }
  set_error (self, NULL);
  if (GPOINTER_TO_INT (user_data))
    {
      g_clear_object (&self->evidence);
      gtk_label_set_text (self->evidence_label, _("No evidence"));
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
    }
  chamber_sample_list_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
chamber_sample_list_assign (ChamberSampleList *self, const char *assignee)
{
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  JsonObject *body_object;
  JsonNode *body;

  g_return_if_fail (CHAMBER_IS_SAMPLE_LIST (self));

  if (self->selected <= 0)
    {
      set_error (self, _("Choose a drawn petition in the list first."));
      return;
    }
  name = g_strstrip (g_strdup (assignee != NULL ? assignee : ""));
  if (name[0] == '\0')
    {
      set_error (self, _("Type the committee or delegate group to assign it to."));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->assignee_entry), name);
  body = chamber_desk_body_new (&body_object);
  json_object_set_string_member (body_object, "assignee", name);
  path = g_strdup_printf ("/api/v1/supervision/samples/%lld", (long long) self->selected);
  self->pending++;
  chamber_desk_request_async (self, self->connection, "PUT", path, body, self->cancellable,
                              changed_cb, GINT_TO_POINTER (FALSE));
}

static void
assign_clicked_cb (ChamberSampleList *self)
{
  chamber_sample_list_assign (self, gtk_editable_get_text (GTK_EDITABLE (self->assignee_entry)));
}

static void
set_evidence (ChamberSampleList *self, GFile *evidence)
{
  g_autofree char *name = evidence != NULL ? g_file_get_basename (evidence) : NULL;

  g_set_object (&self->evidence, evidence);
  gtk_label_set_text (self->evidence_label, name != NULL ? name : _("No evidence"));
}

static void
send_finding (ChamberSampleList *self)
{
  g_autoptr (GString) path = g_string_new (NULL);
  g_autofree char *note = NULL;
  guint result = gtk_drop_down_get_selected (self->result_dropdown);

  if (self->selected <= 0)
    {
      set_error (self, _("Choose a drawn petition in the list first."));
      return;
    }
  if (result >= G_N_ELEMENTS (results) - 1)
    result = 0;
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry))));
  g_string_append_printf (path, "/api/v1/supervision/samples/%lld/findings?result=%s",
                          (long long) self->selected, results[result]);
  if (note[0] != '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (note, NULL, FALSE);

      g_string_append_printf (path, "&note=%s", escaped);
    }
  gtk_widget_set_sensitive (self->finding_button, FALSE);
  self->pending++;
  chamber_desk_upload_async (self, self->connection, path->str, self->evidence,
                             self->evidence != NULL ? chamber_desk_evidence_type (self->evidence)
                                                    : NULL,
                             self->cancellable, changed_cb, GINT_TO_POINTER (TRUE));
}

void
chamber_sample_list_record_finding (ChamberSampleList *self, const char *result,
                                    const char *note, GFile *evidence)
{
  g_return_if_fail (CHAMBER_IS_SAMPLE_LIST (self));

  for (guint i = 0; results[i] != NULL; i++)
    if (g_strcmp0 (results[i], result) == 0)
      gtk_drop_down_set_selected (self->result_dropdown, i);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note != NULL ? note : "");
  set_evidence (self, evidence);
  send_finding (self);
}

static void
evidence_window_destroyed_cb (gpointer data, GObject *where_the_object_was)
{
  ChamberSampleList *self = data;

  self->evidence_window = NULL;
}

static void
evidence_opened_cb (GtkWindow *window, const GError *error, gpointer user_data)
{
  ChamberSampleList *self = user_data;

  self->pending--;
  if (window == NULL)
    {
      set_error (self, error->message);
      return;
    }
  set_error (self, NULL);
  if (self->evidence_window != NULL)
    g_object_weak_unref (G_OBJECT (self->evidence_window), evidence_window_destroyed_cb, self);
  self->evidence_window = window;
  g_object_weak_ref (G_OBJECT (window), evidence_window_destroyed_cb, self);
}

void
chamber_sample_list_open_evidence (ChamberSampleList *self)
{
  JsonObject *finding;
  JsonObject *evidence;
  g_autofree char *path = NULL;

  g_return_if_fail (CHAMBER_IS_SAMPLE_LIST (self));

  finding = chamber_json_peek_object (find_sample (self, self->selected), "finding");
  evidence = chamber_json_peek_object (finding, "evidence");
  if (evidence == NULL || chamber_json_peek_int (finding, "id", 0) <= 0)
    {
      set_error (self, _("This finding has no evidence."));
      return;
    }
  path = g_strdup_printf ("/api/v1/supervision/findings/%lld/evidence",
                          (long long) chamber_json_peek_int (finding, "id", 0));
  self->pending++;
  chamber_petition_file_open (GTK_WIDGET (self), self->connection, path,
                              chamber_json_peek_string (evidence, "sha256"),
                              chamber_json_peek_string (evidence, "type") != NULL
                                ? chamber_json_peek_string (evidence, "type") : "",
                              self->cancellable, evidence_opened_cb, self);
}

GtkWindow *
chamber_sample_list_get_evidence_window (ChamberSampleList *self)
{
  return self->evidence_window;
}

static void
evidence_chosen_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  ChamberSampleList *self = user_data;

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
choose_evidence_cb (ChamberSampleList *self)
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

guint
chamber_sample_list_get_loads (ChamberSampleList *self)
{
  return self->loads;
}

guint
chamber_sample_list_get_pending (ChamberSampleList *self)
{
  return self->pending;
}

const char *
chamber_sample_list_get_error (ChamberSampleList *self)
{
  return self->error;
}

guint
chamber_sample_list_get_n_rows (ChamberSampleList *self)
{
  return self->samples != NULL ? json_array_get_length (self->samples) : 0;
}

static JsonObject *
row_sample (ChamberSampleList *self, guint index)
{
  g_return_val_if_fail (index < chamber_sample_list_get_n_rows (self), NULL);
  return json_array_get_object_element (self->samples, index);
}

gint64
chamber_sample_list_get_row_sample (ChamberSampleList *self, guint index)
{
  return json_object_get_int_member (row_sample (self, index), "id");
}

gint64
chamber_sample_list_get_row_petition (ChamberSampleList *self, guint index)
{
  return json_object_get_int_member_with_default (
      chamber_json_peek_object (row_sample (self, index), "petition"), "id", 0);
}

const char *
chamber_sample_list_get_row_assignee (ChamberSampleList *self, guint index)
{
  return chamber_json_peek_string (row_sample (self, index), "assignee");
}

const char *
chamber_sample_list_get_row_finding (ChamberSampleList *self, guint index)
{
  return chamber_json_peek_string (chamber_json_peek_object (row_sample (self, index), "finding"),
                                   "result");
}

static void
chamber_sample_list_dispose (GObject *object)
{
  ChamberSampleList *self = CHAMBER_SAMPLE_LIST (object);

  g_cancellable_cancel (self->cancellable);
  if (self->evidence_window != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->evidence_window), evidence_window_destroyed_cb, self);
      self->evidence_window = NULL;
    }
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (chamber_sample_list_parent_class)->dispose (object);
}

static void
chamber_sample_list_finalize (GObject *object)
{
  ChamberSampleList *self = CHAMBER_SAMPLE_LIST (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->samples, json_array_unref);
  g_clear_object (&self->evidence);
  g_free (self->error);
  G_OBJECT_CLASS (chamber_sample_list_parent_class)->finalize (object);
}

static void
chamber_sample_list_class_init (ChamberSampleListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_sample_list_dispose;
  object_class->finalize = chamber_sample_list_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chamber-sample-list");

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
chamber_sample_list_init (ChamberSampleList *self)
{
  g_autoptr (GtkStringList) result_model = gtk_string_list_new (NULL);
  GtkWidget *scrolled, *row, *button, *placeholder, *detail_scrolled;

  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < CHAMBER_N_FINDINGS; i++)
    gtk_string_list_append (result_model, chamber_finding_result_get_title (i));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->error_label));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Drawn petitions"), -1);
  placeholder = gtk_label_new (_("No drawn petitions."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  g_object_set (placeholder, "margin-top", 12, "margin-bottom", 12, NULL);
  gtk_list_box_set_placeholder (self->list, placeholder);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (self->box), scrolled);

  detail_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (detail_scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (detail_scrolled), 120);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (detail_scrolled), TRUE);
  self->detail_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->detail_label, TRUE);
  gtk_label_set_xalign (self->detail_label, 0);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (detail_scrolled),
                                 GTK_WIDGET (self->detail_label));
  gtk_box_append (GTK_BOX (self->box), detail_scrolled);
  self->open_evidence_button = gtk_button_new_with_mnemonic (_("_Open Evidence"));
  gtk_widget_set_halign (self->open_evidence_button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (self->open_evidence_button,
                               _("Show the finding's evidence (PDF or photo)"));
  gtk_widget_set_visible (self->open_evidence_button, FALSE);
  g_signal_connect_object (self->open_evidence_button, "clicked",
                           G_CALLBACK (chamber_sample_list_open_evidence), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), self->open_evidence_button);

  self->assign_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->box), self->assign_box);
  self->assignee_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->assignee_entry, _("Committee or delegate group"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->assignee_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Committee or delegate group"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->assignee_entry), TRUE);
  g_signal_connect_object (self->assignee_entry, "activate", G_CALLBACK (assign_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->assign_box), GTK_WIDGET (self->assignee_entry));
  button = gtk_button_new_with_mnemonic (_("A_ssign"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (assign_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->assign_box), button);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->box), row);
  self->result_dropdown = GTK_DROP_DOWN (
    gtk_drop_down_new (G_LIST_MODEL (g_object_ref (result_model)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->result_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Finding"), -1);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->result_dropdown));
  self->note_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->note_entry, _("What was found"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Note"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->note_entry), TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->note_entry));
  /* The evidence and the button on a line of their own, so the form fits a laptop's width
   * with large text. */
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->box), row);
  button = gtk_button_new_with_mnemonic (_("_Evidence…"));
  gtk_widget_set_tooltip_text (button, _("Attach a PDF, PNG or JPEG file as evidence"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (choose_evidence_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), button);
  self->evidence_label = GTK_LABEL (gtk_label_new (_("No evidence")));
  gtk_label_set_ellipsize (self->evidence_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (self->evidence_label, 18);
  gtk_label_set_xalign (self->evidence_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->evidence_label), TRUE);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->evidence_label));
  self->finding_button = gtk_button_new_with_mnemonic (_("Record _Finding"));
  gtk_widget_add_css_class (self->finding_button, "suggested-action");
  g_signal_connect_object (self->finding_button, "clicked", G_CALLBACK (send_finding), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), self->finding_button);
  show_detail (self);
}

GtkWidget *
chamber_sample_list_new (const ChamberConnection *connection, gboolean can_assign)
{
  ChamberSampleList *self;

  g_return_val_if_fail (connection != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_SAMPLE_LIST, NULL);
  self->connection = chamber_connection_copy (connection);
  gtk_widget_set_visible (self->assign_box, can_assign);
  return GTK_WIDGET (self);
}
