/* chamber-desk-people.c — the desk's People page (see chamber-desk-people.h): the filtered
 * list of people, the form that adds or edits one, deactivating and reactivating, and the CSV
 * import with the server's dry-run preview in a window of its own (both through
 * chamber_client_import_people()). Every request runs on a worker thread
 * (chamber-desk-request.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-desk-page.h"
#include "chamber-desk-people.h"
#include "chamber-desk-request.h"
#include "chamber-list-box.h"
#include "chamber-protocol.h"
#include "chamber-toast.h"

/* The largest CSV file sent for a preview: the server's JSON limit is 1 MiB too. */
#define MAX_IMPORT_BYTES (1024 * 1024)

struct _ChamberDeskPeople
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *error_label;
  GtkSearchEntry    *search_entry;
  GtkDropDown       *role_dropdown;
  GtkDropDown       *group_dropdown;
  GtkDropDown       *active_dropdown;
  GtkListBox        *list;
  GtkStack          *stack;
  GtkLabel          *count_label;

  ChamberConnection *connection;
  GCancellable      *cancellable;
  GPtrArray         *people;       /* ChamberPerson */
  GPtrArray         *groups;       /* char *: the groups the group filter offers */
  guint              n_shown;
  gboolean           filling;

  /* The import preview */
  GtkWindow         *preview;
  GBytes            *import_csv;
  GPtrArray         *preview_problems;  /* char * per row, "" for a valid row */
  guint              preview_valid;
  GtkWidget         *import_button;
  GtkLabel          *preview_summary;
  int                imported;

  guint              loads;
  guint              pending;
  char              *last_error;
};

G_DEFINE_FINAL_TYPE (ChamberDeskPeople, chamber_desk_people, GTK_TYPE_WIDGET)

static const ChamberPerson *
find_person (ChamberDeskPeople *self, gint64 person_id)
{
  for (guint i = 0; i < self->people->len; i++)
    {
      const ChamberPerson *person = g_ptr_array_index (self->people, i);

      if (person->id == person_id)
        return person;
    }
  return NULL;
}

/* “Delegate · Tổ 1” or “Official · Giám đốc, Sở Tài chính” */
static char *
describe_person (const ChamberPerson *person)
{
  g_autoptr (GString) out = g_string_new (chamber_role_get_label (person->role));

  if (person->group_name != NULL)
    g_string_append_printf (out, " · %s", person->group_name);
  if (person->title != NULL && person->agency != NULL)
    g_string_append_printf (out, " · %s, %s", person->title, person->agency);
  else if (person->title != NULL || person->agency != NULL)
    g_string_append_printf (out, " · %s", person->title != NULL ? person->title
                                                                 : person->agency);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void edit_clicked_cb (GtkButton *button, ChamberDeskPeople *self);
static void active_clicked_cb (GtkButton *button, ChamberDeskPeople *self);

static GtkWidget *
make_row (ChamberDeskPeople *self, const ChamberPerson *person)
{
  g_autofree char *details = describe_person (person);
  g_autofree char *escaped_name = g_markup_escape_text (person->name, -1);
  g_autofree char *escaped_details = g_markup_escape_text (details, -1);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *edit;
  GtkWidget *active;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_details);
  chamber_desk_row_set_id (row, "person-id", person->id);
  if (!person->active)
    {
      GtkWidget *label = gtk_label_new (_("Deactivated"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  active = gtk_button_new_with_label (person->active ? _("Deactivate…") : _("Reactivate"));
  gtk_widget_set_valign (active, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (active, person->active
                                       ? _("The person keeps their record, but their tokens "
                                           "stop working")
                                       : _("The person’s tokens work again"));
  chamber_desk_row_set_id (active, "person-id", person->id);
  g_signal_connect (active, "clicked", G_CALLBACK (active_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), active);
  edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit the person"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Edit the person"), -1);
  chamber_desk_row_set_id (edit, "person-id", person->id);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  return row;
}

static gboolean
matches (ChamberDeskPeople *self, const ChamberPerson *person)
{
  guint role = gtk_drop_down_get_selected (self->role_dropdown);
  guint group = gtk_drop_down_get_selected (self->group_dropdown);
  guint active = gtk_drop_down_get_selected (self->active_dropdown);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* Position 0 of each choice is “every…”. */
  if (role > 0 && role != GTK_INVALID_LIST_POSITION && person->role != (ChamberRole) (role - 1))
    return FALSE;
  if (group > 0 && group != GTK_INVALID_LIST_POSITION && group <= self->groups->len
      && g_strcmp0 (person->group_name, g_ptr_array_index (self->groups, group - 1)) != 0)
    return FALSE;
  if ((active == 1 && !person->active) || (active == 2 && person->active))
    return FALSE;
  if (text != NULL && *text != '\0')
    {
      g_autofree char *name = g_utf8_casefold (person->name, -1);
      g_autofree char *needle = g_utf8_casefold (text, -1);

      if (strstr (name, needle) == NULL)
        return FALSE;
    }
  return TRUE;
}

static void
show_people (ChamberDeskPeople *self)
{
  g_autofree char *count = NULL;

  chamber_list_box_remove_all (self->list);
  self->n_shown = 0;
  for (guint i = 0; i < self->people->len; i++)
    {
      const ChamberPerson *person = g_ptr_array_index (self->people, i);

      if (!matches (self, person))
        continue;
      gtk_list_box_append (self->list, make_row (self, person));
      self->n_shown++;
    }
  gtk_stack_set_visible_child_name (self->stack, self->n_shown > 0 ? "list" : "empty");
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u person shown",
                                        "%u of %u people shown", self->people->len),
                           self->n_shown, self->people->len);
  gtk_label_set_text (self->count_label, count);
}

static void
filter_changed_cb (ChamberDeskPeople *self)
{
  if (!self->filling)
    show_people (self);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char *const *) a, *(const char *const *) b);
}

/* The group filter offers every group the people have. */
static void
fill_groups (ChamberDeskPeople *self)
{
  guint selected = gtk_drop_down_get_selected (self->group_dropdown);
  g_autofree char *was = NULL;
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  guint select = 0;

  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION && selected <= self->groups->len)
    was = g_strdup (g_ptr_array_index (self->groups, selected - 1));
  g_ptr_array_set_size (self->groups, 0);
  for (guint i = 0; i < self->people->len; i++)
    {
      const ChamberPerson *person = g_ptr_array_index (self->people, i);
      gboolean known = FALSE;

      if (person->group_name == NULL)
        continue;
      for (guint j = 0; j < self->groups->len && !known; j++)
        known = g_str_equal (g_ptr_array_index (self->groups, j), person->group_name);
      if (!known)
        g_ptr_array_add (self->groups, g_strdup (person->group_name));
    }
  g_ptr_array_sort (self->groups, compare_strings);
  gtk_string_list_append (labels, _("Every group"));
  for (guint i = 0; i < self->groups->len; i++)
    {
      gtk_string_list_append (labels, g_ptr_array_index (self->groups, i));
      if (g_strcmp0 (was, g_ptr_array_index (self->groups, i)) == 0)
        select = i + 1;
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->group_dropdown, select);
  self->filling = FALSE;
}

static void
people_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskPeople *self = CHAMBER_DESK_PEOPLE (source);
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  self->loads++;
  if (answer != NULL)
    chamber_desk_answer_fill (answer, "people",
                              (ChamberDeskParseFunc) chamber_person_from_json, self->people,
                              _("The server’s list of people cannot be read."), &error);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The people cannot be loaded: %s"),
                                                  error->message);

      chamber_desk_banner_set (self->error_label, &self->last_error, message);
      return;
    }
  chamber_desk_banner_set (self->error_label, NULL, NULL);
  fill_groups (self);
  show_people (self);
}

void
chamber_desk_people_reload (ChamberDeskPeople *self)
{
  g_return_if_fail (CHAMBER_IS_DESK_PEOPLE (self));

  self->pending++;
  chamber_desk_request_async (self, self->connection, "GET", "/api/v1/people", NULL,
                              self->cancellable, people_loaded_cb, NULL);
}

/* ---- a person's form and state ---------------------------------------------------------- */

typedef struct {
  ChamberDeskPeople *self;
  gint64             person_id;   /* 0: a new one */
  GtkWidget         *name;
  GtkWidget         *role;
  GtkWidget         *group;
  GtkWidget         *title;
  GtkWidget         *agency;
} PersonForm;

static void
person_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskPeople *self = CHAMBER_DESK_PEOPLE (source);
  g_autoptr (ChamberDeskForm) form = user_data;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  if (error != NULL)
    {
      g_free (self->last_error);
      self->last_error = g_strdup (error->message);
      if (form != NULL)
        chamber_desk_form_set_error (form, error->message);
      else
        chamber_desk_page_report (GTK_WIDGET (self), &self->last_error, error->message);
      return;
    }
  if (form != NULL)
    chamber_desk_form_done (form);
  chamber_desk_people_reload (self);
}

static void
form_save_cb (ChamberDeskForm *form, PersonForm *fields)
{
  ChamberDeskPeople *self = fields->self;
  g_autofree char *name = chamber_desk_form_get_text (fields->name);
  g_autofree char *group = chamber_desk_form_get_text (fields->group);
  g_autofree char *title = chamber_desk_form_get_text (fields->title);
  g_autofree char *agency = chamber_desk_form_get_text (fields->agency);
  g_autofree char *path = NULL;
  guint role = adw_combo_row_get_selected (ADW_COMBO_ROW (fields->role));
  JsonObject *object;
  JsonNode *body;

  if (name == NULL)
    {
      chamber_desk_form_set_error (form, _("Write the person’s name."));
      return;
    }
  body = chamber_desk_body_new (&object);
  json_object_set_string_member (object, "name", name);
  if (role < CHAMBER_N_ROLES)
    json_object_set_string_member (object, "role", chamber_role_to_string (role));
  if (fields->person_id > 0)
    {
      /* Editing: an emptied member is cleared on the server. */
      const char *members[] = { "group", "title", "agency" };
      const char *values[] = { group, title, agency };

      for (guint i = 0; i < G_N_ELEMENTS (members); i++)
        if (values[i] != NULL)
          json_object_set_string_member (object, members[i], values[i]);
        else
          json_object_set_null_member (object, members[i]);
      path = g_strdup_printf ("/api/v1/people/%lld", (long long) fields->person_id);
    }
  else
    {
      chamber_json_object_set_optional_string (object, "group", group);
      chamber_json_object_set_optional_string (object, "title", title);
      chamber_json_object_set_optional_string (object, "agency", agency);
    }
  chamber_desk_form_set_error (form, NULL);
  chamber_desk_form_set_busy (form, TRUE);
  self->pending++;
  chamber_desk_request_async (self, self->connection, fields->person_id > 0 ? "PUT" : "POST",
                              path != NULL ? path : "/api/v1/people", body, self->cancellable,
                              person_saved_cb, g_object_ref (form));
}

static ChamberDeskForm *
open_form (ChamberDeskPeople *self, const ChamberPerson *person)
{
  const char *roles[CHAMBER_N_ROLES + 1] = { NULL };
  PersonForm *fields = g_new0 (PersonForm, 1);
  ChamberDeskForm *form;

  for (int i = 0; i < CHAMBER_N_ROLES; i++)
    roles[i] = chamber_role_get_label (i);
  form = chamber_desk_form_new (GTK_WIDGET (self),
                                person != NULL ? _("Edit Person") : _("New Person"),
                                person != NULL ? _("_Save") : _("_Add"));
  fields->self = self;
  fields->person_id = person != NULL ? person->id : 0;
  fields->name = chamber_desk_form_add_entry (form, _("_Name"),
                                              person != NULL ? person->name : NULL);
  fields->role = chamber_desk_form_add_choice (form, _("_Role"), roles,
                                               person != NULL ? person->role
                                                              : CHAMBER_ROLE_DELEGATE);
  fields->group = chamber_desk_form_add_entry (form, _("Delegate _group"),
                                               person != NULL ? person->group_name : NULL);
  fields->title = chamber_desk_form_add_entry (form, _("_Title (officials)"),
                                               person != NULL ? person->title : NULL);
  fields->agency = chamber_desk_form_add_entry (form, _("A_gency (officials)"),
                                                person != NULL ? person->agency : NULL);
  chamber_desk_form_set_note (form, _("Only an administrator adds or changes people with the "
                                      "secretariat or administrator role."));
  g_object_set_data_full (G_OBJECT (form), "chamber-person-form", fields, g_free);
  g_signal_connect (form, "save", G_CALLBACK (form_save_cb), fields);
  gtk_window_present (GTK_WINDOW (form));
  gtk_widget_grab_focus (fields->name);
  return form;
}

ChamberDeskForm *
chamber_desk_people_add (ChamberDeskPeople *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), NULL);
  return open_form (self, NULL);
}

ChamberDeskForm *
chamber_desk_people_edit (ChamberDeskPeople *self, gint64 person_id)
{
  const ChamberPerson *person;

  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), NULL);

  person = find_person (self, person_id);
  return person != NULL ? open_form (self, person) : NULL;
}

static void
edit_clicked_cb (GtkButton *button, ChamberDeskPeople *self)
{
  chamber_desk_people_edit (self, chamber_desk_row_get_id (GTK_WIDGET (button), "person-id"));
}

static void
send_active (ChamberDeskPeople *self, gint64 person_id, gboolean active)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/people/%lld", (long long) person_id);
  JsonObject *object;
  JsonNode *body = chamber_desk_body_new (&object);

  json_object_set_boolean_member (object, "active", active);
  self->pending++;
  chamber_desk_request_async (self, self->connection, "PUT", path, body, self->cancellable,
                              person_saved_cb, NULL);
}

static void
deactivate_response_cb (AdwMessageDialog *dialog, const char *response, ChamberDeskPeople *self)
{
  if (g_strcmp0 (response, "deactivate") == 0)
    send_active (self, chamber_desk_confirm_get_id (dialog), FALSE);
}

AdwMessageDialog *
chamber_desk_people_set_active (ChamberDeskPeople *self, gint64 person_id, gboolean active)
{
  const ChamberPerson *person;
  g_autofree char *body = NULL;

  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), NULL);

  person = find_person (self, person_id);
  if (person == NULL)
    return NULL;
  if (active)
    {
      send_active (self, person_id, TRUE);
      return NULL;
    }
  body = g_strdup_printf (_("%s keeps their record and everything they did, but cannot sign "
                            "in: their tokens stop working at once. They can be reactivated "
                            "later."),
                          person->name);
  return chamber_desk_confirm (GTK_WIDGET (self), _("Deactivate the Person?"), body,
                               "deactivate", _("_Deactivate"), ADW_RESPONSE_DESTRUCTIVE,
                               person_id, G_CALLBACK (deactivate_response_cb));
}

static void
active_clicked_cb (GtkButton *button, ChamberDeskPeople *self)
{
  gint64 person_id = chamber_desk_row_get_id (GTK_WIDGET (button), "person-id");
  const ChamberPerson *person = find_person (self, person_id);

  if (person != NULL)
    chamber_desk_people_set_active (self, person_id, !person->active);
}

/* ---- the CSV import --------------------------------------------------------------------- */

typedef struct {
  GBytes  *csv;
  gboolean dry_run;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_bytes_unref (data->csv);
  g_free (data);
}

/* On the worker: the file's bytes through chamber_client_import_people(); the import read. */
static gpointer
import_call (ChamberClient *client, gpointer user_data, GCancellable *cancellable,
             GError **error)
{
  ImportData *data = user_data;

  return chamber_client_import_people (client, data->csv, data->dry_run, cancellable, error);
}

static void preview_show (ChamberDeskPeople *self, const ChamberPeopleImport *import);

static void
import_answered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskPeople *self = CHAMBER_DESK_PEOPLE (source);
  gboolean dry_run = GPOINTER_TO_INT (user_data);
  g_autoptr (ChamberPeopleImport) import = NULL;
  g_autoptr (GError) error = NULL;

  import = chamber_desk_call_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  if (error == NULL && import == NULL)
    g_set_error_literal (&error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                         _("The server’s answer cannot be read."));
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The file cannot be imported: %s"),
                                                  error->message);

      chamber_desk_page_report (GTK_WIDGET (self), &self->last_error, message);
      if (self->preview != NULL)
        {
          gtk_label_set_text (self->preview_summary, message);
          gtk_widget_add_css_class (GTK_WIDGET (self->preview_summary), "error");
          gtk_widget_set_sensitive (self->import_button, self->preview_valid > 0);
        }
      return;
    }
  if (dry_run)
    {
      preview_show (self, import);
      return;
    }

  self->imported = (int) import->imported;
  {
    g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "%d person imported",
                                                             "%d people imported",
                                                             self->imported),
                                                self->imported);

    chamber_toast_show_above (GTK_WIDGET (self), message, 6);
  }
  if (self->preview != NULL)
    gtk_window_destroy (self->preview);
  chamber_desk_people_reload (self);
}

static void
send_import (ChamberDeskPeople *self, gboolean dry_run)
{
  ImportData *data = g_new0 (ImportData, 1);

  data->csv = g_bytes_ref (self->import_csv);
  data->dry_run = dry_run;
  self->pending++;
  chamber_desk_call_async (self, self->connection, import_call, data,
                           (GDestroyNotify) import_data_free,
                           (GDestroyNotify) chamber_people_import_free,
                           self->cancellable, import_answered_cb, GINT_TO_POINTER (dry_run));
}

static void
file_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberDeskPeople) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &contents, &length, NULL, &error))
    {
      g_autofree char *message = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->pending--;
      message = g_strdup_printf (_("The file cannot be read: %s"), error->message);
      chamber_desk_page_report (GTK_WIDGET (self), &self->last_error, message);
      return;
    }
  self->pending--;
  if (length > MAX_IMPORT_BYTES)
    {
      chamber_desk_page_report (GTK_WIDGET (self), &self->last_error,
                                _("The file is over 1 MiB: split it into smaller files and "
                                  "import each."));
      return;
    }
  if (length == 0)
    {
      chamber_desk_page_report (GTK_WIDGET (self), &self->last_error, _("The file is empty."));
      return;
    }
  g_clear_pointer (&self->import_csv, g_bytes_unref);
  self->import_csv = g_bytes_new_take (g_steal_pointer (&contents), length);
  send_import (self, TRUE);
}

void
chamber_desk_people_import_file (ChamberDeskPeople *self, GFile *file)
{
  g_return_if_fail (CHAMBER_IS_DESK_PEOPLE (self));
  g_return_if_fail (G_IS_FILE (file));

  self->pending++;
  g_file_load_contents_async (file, self->cancellable, file_read_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser, int response, ChamberDeskPeople *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        chamber_desk_people_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberDeskPeople *self = CHAMBER_DESK_PEOPLE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import People from a CSV File"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Preview"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_pattern (filter, "*.txt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The problems of a preview row, one a line. */
static char *
row_problems (const ChamberPeopleImportRow *row)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < row->problems->len; i++)
    {
      const ChamberImportProblem *problem = g_ptr_array_index (row->problems, i);

      g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "", problem->message);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GtkWidget *
cell (const char *text, gboolean problem, gboolean heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 32);
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  if (problem)
    gtk_widget_add_css_class (label, "error");
  return label;
}

static void
import_clicked_cb (ChamberDeskPeople *self)
{
  chamber_desk_people_import_confirm (self);
}

static void
preview_destroyed_cb (ChamberDeskPeople *self)
{
  self->preview = NULL;
  self->import_button = NULL;
  self->preview_summary = NULL;
}

static void
preview_show (ChamberDeskPeople *self, const ChamberPeopleImport *import)
{
  const char *headings[] = { N_("Line"), N_("Name"), N_("Role"), N_("Group"), N_("Title"),
                             N_("Agency"), N_("Problems") };
  g_autofree char *summary = NULL;
  g_autofree char *button_label = NULL;
  GtkWidget *grid;
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *cancel;
  GtkWidget *scrolled;
  GtkRoot *root;
  guint n_rows;

  if (self->preview != NULL)
    gtk_window_destroy (self->preview);
  n_rows = import->rows->len;

  g_clear_pointer (&self->preview_problems, g_ptr_array_unref);
  self->preview_problems = g_ptr_array_new_with_free_func (g_free);
  self->preview_valid = 0;

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    gtk_grid_attach (GTK_GRID (grid), cell (_(headings[c]), FALSE, TRUE), c, 0, 1, 1);
  for (guint r = 0; r < n_rows; r++)
    {
      const ChamberPeopleImportRow *row = g_ptr_array_index (import->rows, r);
      g_autofree char *problems = row_problems (row);
      g_autofree char *line = g_strdup_printf ("%u", row->line);
      gboolean bad = row->problems->len > 0;
      gboolean role_known = TRUE;
      const char *texts[G_N_ELEMENTS (headings)] = { NULL };

      for (guint p = 0; p < row->problems->len; p++)
        if (((ChamberImportProblem *) g_ptr_array_index (row->problems, p))->code
            == CHAMBER_IMPORT_PROBLEM_UNKNOWN_ROLE)
          role_known = FALSE;
      texts[1] = row->person->name;
      /* A role the server understood shows as the app names it, another as written. */
      texts[2] = role_known ? chamber_role_get_label (row->person->role) : row->role_text;
      texts[3] = row->person->group_name;
      texts[4] = row->person->title;
      texts[5] = row->person->agency;
      gtk_grid_attach (GTK_GRID (grid), cell (line, bad, FALSE), 0, r + 1, 1, 1);
      for (guint c = 1; c + 1 < G_N_ELEMENTS (headings); c++)
        gtk_grid_attach (GTK_GRID (grid), cell (texts[c] != NULL ? texts[c] : "", bad, FALSE), c,
                         r + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell (bad ? problems : _("Ready"), bad, FALSE),
                       G_N_ELEMENTS (headings) - 1, r + 1, 1, 1);
      if (!bad)
        self->preview_valid++;
      g_ptr_array_add (self->preview_problems, g_steal_pointer (&problems));
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  self->preview = GTK_WINDOW (adw_window_new ());
  gtk_window_set_title (self->preview, _("Import Preview"));
  gtk_window_set_modal (self->preview, TRUE);
  gtk_window_set_destroy_with_parent (self->preview, TRUE);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (self->preview, GTK_WINDOW (root));
  gtk_window_set_default_size (self->preview, 1100, 640);
  g_signal_connect_object (self->preview, "destroy", G_CALLBACK (preview_destroyed_cb), self,
                           G_CONNECT_SWAPPED);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  button_label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Person",
                                               "_Import %u People", self->preview_valid),
                                  self->preview_valid);
  self->import_button = gtk_button_new_with_mnemonic (button_label);
  gtk_widget_add_css_class (self->import_button, "suggested-action");
  gtk_widget_set_sensitive (self->import_button, self->preview_valid > 0);
  g_signal_connect_object (self->import_button, "clicked", G_CALLBACK (import_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->import_button);
  gtk_box_append (GTK_BOX (box), header);

  if (n_rows - self->preview_valid > 0)
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u rows can be imported. The row marked in "
                                            "red has problems and is left out: correct it in the "
                                            "file and import it again.",
                                            "%u of %u rows can be imported. The %u rows marked "
                                            "in red have problems and are left out: correct "
                                            "them in the file and import them again.",
                                            n_rows - self->preview_valid),
                               self->preview_valid, n_rows, n_rows - self->preview_valid);
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The row can be imported.",
                                            "All %u rows can be imported.", n_rows),
                               n_rows);
  self->preview_summary = GTK_LABEL (gtk_label_new (summary));
  gtk_label_set_wrap (self->preview_summary, TRUE);
  gtk_label_set_xalign (self->preview_summary, 0);
  gtk_widget_set_margin_top (GTK_WIDGET (self->preview_summary), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->preview_summary), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->preview_summary), 18);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->preview_summary));

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self->preview), box);
  gtk_window_present (self->preview);
  if (self->preview_valid > 0)
    gtk_widget_grab_focus (self->import_button);
}

GtkWindow *
chamber_desk_people_get_preview (ChamberDeskPeople *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), NULL);
  return self->preview;
}

guint
chamber_desk_people_get_preview_rows (ChamberDeskPeople *self, guint *out_valid)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), 0);

  if (out_valid != NULL)
    *out_valid = self->preview_valid;
  return self->preview_problems != NULL ? self->preview_problems->len : 0;
}

const char *
chamber_desk_people_get_preview_problems (ChamberDeskPeople *self, guint index)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), NULL);

  if (self->preview_problems == NULL || index >= self->preview_problems->len)
    return NULL;
  return g_ptr_array_index (self->preview_problems, index);
}

gboolean
chamber_desk_people_get_import_enabled (ChamberDeskPeople *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), FALSE);
  return self->import_button != NULL && gtk_widget_get_sensitive (self->import_button);
}

void
chamber_desk_people_import_confirm (ChamberDeskPeople *self)
{
  g_return_if_fail (CHAMBER_IS_DESK_PEOPLE (self));

  if (self->import_csv == NULL || self->preview_valid == 0)
    return;
  if (self->import_button != NULL)
    gtk_widget_set_sensitive (self->import_button, FALSE);
  send_import (self, FALSE);
}

int
chamber_desk_people_get_imported (ChamberDeskPeople *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), -1);
  return self->imported;
}

/* ---- the page -------------------------------------------------------------------------- */

static void
add_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  chamber_desk_people_add (CHAMBER_DESK_PEOPLE (widget));
}

GPtrArray *
chamber_desk_people_get_people (ChamberDeskPeople *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), NULL);
  return self->people;
}

guint
chamber_desk_people_get_n_shown (ChamberDeskPeople *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), 0);
  return self->n_shown;
}

void
chamber_desk_people_set_filter (ChamberDeskPeople *self, int role, const char *group, int active,
                                const char *text)
{
  guint group_position = 0;

  g_return_if_fail (CHAMBER_IS_DESK_PEOPLE (self));

  for (guint i = 0; group != NULL && i < self->groups->len; i++)
    if (g_str_equal (g_ptr_array_index (self->groups, i), group))
      group_position = i + 1;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->role_dropdown, role < 0 ? 0 : (guint) role + 1);
  gtk_drop_down_set_selected (self->group_dropdown, group_position);
  gtk_drop_down_set_selected (self->active_dropdown, active < 0 ? 0 : active ? 1 : 2);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  self->filling = FALSE;
  show_people (self);
}

guint
chamber_desk_people_get_loads (ChamberDeskPeople *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), 0);
  return self->loads;
}

guint
chamber_desk_people_get_pending (ChamberDeskPeople *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), 0);
  return self->pending;
}

const char *
chamber_desk_people_get_last_error (ChamberDeskPeople *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_PEOPLE (self), NULL);
  return self->last_error;
}

static void
chamber_desk_people_dispose (GObject *object)
{
  ChamberDeskPeople *self = CHAMBER_DESK_PEOPLE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->preview != NULL)
    gtk_window_destroy (self->preview);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (chamber_desk_people_parent_class)->dispose (object);
}

static void
chamber_desk_people_finalize (GObject *object)
{
  ChamberDeskPeople *self = CHAMBER_DESK_PEOPLE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->import_csv, g_bytes_unref);
  g_clear_pointer (&self->preview_problems, g_ptr_array_unref);
  g_free (self->last_error);
  G_OBJECT_CLASS (chamber_desk_people_parent_class)->finalize (object);
}

static void
chamber_desk_people_class_init (ChamberDeskPeopleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_desk_people_dispose;
  object_class->finalize = chamber_desk_people_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "people.import", NULL, import_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "people.add",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "people.import", NULL);
}

static GtkDropDown *
filter_dropdown (ChamberDeskPeople *self, const char *const *labels, const char *name)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (labels));

  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (dropdown), name);
  g_signal_connect_swapped (dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  return dropdown;
}

static void
chamber_desk_people_init (ChamberDeskPeople *self)
{
  const char *roles[CHAMBER_N_ROLES + 2] = { NULL };
  const char *states[] = { _("Active or not"), _("Active"), _("Deactivated"), NULL };
  const char *groups[] = { _("Every group"), NULL };
  GtkWidget *header;
  GtkWidget *heading;
  GtkWidget *button;
  GtkWidget *filters;
  GtkWidget *scrolled;
  GtkWidget *status;
  GtkWidget *inner;

  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_person_free);
  self->groups = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();
  self->imported = -1;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (self->box, 18);
  gtk_widget_set_margin_bottom (self->box, 18);
  gtk_widget_set_margin_start (self->box, 18);
  gtk_widget_set_margin_end (self->box, 18);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  heading = gtk_label_new (_("People"));
  gtk_widget_add_css_class (heading, "title-2");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (header), heading);
  button = gtk_button_new_with_mnemonic (_("_Import from CSV…"));
  gtk_widget_set_tooltip_text (button, _("Add people from a spreadsheet saved as CSV, after a "
                                         "preview (Ctrl+I)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "people.import");
  gtk_box_append (GTK_BOX (header), button);
  button = gtk_button_new_with_mnemonic (_("_Add Person…"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_tooltip_text (button, _("Add a person (Ctrl+N)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "people.add");
  gtk_box_append (GTK_BOX (header), button);
  gtk_box_append (GTK_BOX (self->box), header);

  filters = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Find by name"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find by name"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  g_signal_connect_swapped (self->search_entry, "search-changed",
                            G_CALLBACK (filter_changed_cb), self);
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->search_entry));
  roles[0] = _("Every role");
  for (int i = 0; i < CHAMBER_N_ROLES; i++)
    roles[i + 1] = chamber_role_get_label (i);
  self->role_dropdown = filter_dropdown (self, roles, _("Role"));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->role_dropdown));
  self->group_dropdown = filter_dropdown (self, groups, _("Delegate group"));
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->group_dropdown));
  self->active_dropdown = filter_dropdown (self, states, _("Active or deactivated"));
  gtk_drop_down_set_selected (self->active_dropdown, 0);
  gtk_box_append (GTK_BOX (filters), GTK_WIDGET (self->active_dropdown));
  gtk_box_append (GTK_BOX (self->box), filters);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->count_label));

  self->error_label = chamber_desk_banner_new (GTK_BOX (self->box), "error", 0);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People"), -1);
  inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_bottom (inner, 6);
  gtk_box_append (GTK_BOX (inner), GTK_WIDGET (self->list));
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), inner);
  gtk_stack_add_named (self->stack, scrolled, "list");
  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "system-users-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No One to Show"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("Nobody matches the filter, or nobody was added yet."));
  gtk_stack_add_named (self->stack, status, "empty");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->stack));
}

GtkWidget *
chamber_desk_people_new (const ChamberConnection *connection)
{
  ChamberDeskPeople *self;

  g_return_val_if_fail (connection != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_DESK_PEOPLE, NULL);
  self->connection = chamber_connection_copy (connection);
  chamber_desk_people_reload (self);
  return GTK_WIDGET (self);
}
