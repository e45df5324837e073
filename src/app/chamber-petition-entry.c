/* chamber-petition-entry.c — the window for entering one voter petition by hand (see
 * chamber-petition-entry.h): a form for the petition and its voters' meeting, the server's dry
 * run (POST /api/v1/petitions?dry_run=1) listing the earlier petitions it raises again with their
 * similarity, a choice among them (or none), and POST /api/v1/petitions with that choice.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-desk-request.h"
#include "chamber-list-box.h"
#include "chamber-petition-entry.h"
#include "chamber-petitions.h"
#include "chamber-protocol.h"

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

struct _ChamberPetitionEntry
{
  AdwWindow          parent_instance;

  ChamberConnection *connection;
  GCancellable      *cancellable;
  GtkTextView       *content_view;
  GtkEntry          *date_entry;
  GtkEntry          *place_entry;
  GtkEntry          *group_entry;
  GtkDropDown       *level_dropdown;
  GtkEntry          *field_entry;
  GtkEntry          *agency_entry;
  GtkDropDown       *status_dropdown;
  GtkLabel          *similar_label;
  GtkListBox        *similar_list;
  GtkCheckButton    *none_check;
  GtkLabel          *error_label;
  GtkWidget         *save_button;

  char              *checked_content; /* the content of the last dry run */
  JsonArray         *similar;         /* its earlier petitions */
  gint64             chosen;          /* the one to link to, or 0 */
  gboolean           save_after_check;
  guint              pending;
  guint              checks;
  gint64             saved_id;
  char              *error;
};

G_DEFINE_FINAL_TYPE (ChamberPetitionEntry, chamber_petition_entry, ADW_TYPE_WINDOW)

static void
set_error (ChamberPetitionEntry *self, const char *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static char *
dup_content (ChamberPetitionEntry *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->content_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
set_optional (JsonObject *object, const char *member, GtkEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text != '\0')
    json_object_set_string_member (object, member, text);
}

/* The request body from the form, with the choice of the earlier petition when @with_choice. */
static JsonNode *
form_body (ChamberPetitionEntry *self, gboolean with_choice)
{
  JsonObject *object, *meeting = json_object_new ();
  JsonNode *body = chamber_desk_body_new (&object);
  g_autofree char *content = dup_content (self);
  guint level = gtk_drop_down_get_selected (self->level_dropdown);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);

  json_object_set_string_member (object, "content", content);
  set_optional (meeting, "date", self->date_entry);
  set_optional (meeting, "place", self->place_entry);
  set_optional (meeting, "group", self->group_entry);
  if (level > CHAMBER_PETITION_LEVEL_NONE && level < CHAMBER_N_PETITION_LEVELS)
    json_object_set_string_member (meeting, "level", chamber_petition_level_to_string (level));
  json_object_set_object_member (object, "meeting", meeting);
  set_optional (object, "field", self->field_entry);
  set_optional (object, "agency", self->agency_entry);
  if (status < CHAMBER_N_PETITION_STATUSES)
    json_object_set_string_member (object, "status", chamber_petition_status_to_string (status));
  if (with_choice)
    {
      if (self->chosen > 0)
        json_object_set_int_member (object, "raised_again_of", self->chosen);
      else
        json_object_set_null_member (object, "raised_again_of");
    }
  return body;
}

static void
choice_toggled_cb (GtkCheckButton *check, ChamberPetitionEntry *self)
{
  if (gtk_check_button_get_active (check))
    self->chosen = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "petition-id"));
}

static GtkCheckButton *
choice_row (ChamberPetitionEntry *self, gint64 id, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (check), "petition-id", GSIZE_TO_POINTER ((gsize) id));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  if (self->none_check != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->none_check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (choice_toggled_cb), self, 0);
  gtk_list_box_append (self->similar_list, row);
  return GTK_CHECK_BUTTON (check);
}

static void
show_similar (ChamberPetitionEntry *self)
{
  guint n = self->similar != NULL ? json_array_get_length (self->similar) : 0;

  chamber_list_box_remove_all (self->similar_list);
  self->none_check = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->similar_list), n > 0);
  if (self->checked_content == NULL)
    {
      gtk_label_set_text (self->similar_label, "");
      return;
    }
  if (n == 0)
    {
      gtk_label_set_text (self->similar_label,
                          _("No earlier petition is similar: it will be saved as a new one."));
      self->chosen = 0;
      return;
    }
  gtk_label_set_text (self->similar_label,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "An earlier petition is similar. Link this one to it as "
                                   "raised again, or save it as a new request.",
                                   "Earlier petitions are similar. Link this one to one of them "
                                   "as raised again, or save it as a new request.",
                                   n));
  self->none_check = choice_row (self, 0, _("Not raised again: a new request"), NULL);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *p = json_array_get_object_element (self->similar, i);
      JsonObject *meeting = chamber_json_peek_object (p, "meeting");
      JsonNode *similarity = json_object_get_member (p, "similarity");
      double value = similarity != NULL && JSON_NODE_HOLDS_VALUE (similarity)
                       ? json_node_get_double (similarity) : 0;
      g_autofree char *title = g_markup_printf_escaped (
        "%lld. %s", (long long) chamber_json_peek_int (p, "id", 0),
        chamber_json_peek_string (p, "content") != NULL ? chamber_json_peek_string (p, "content")
                                                        : "");
      /* TRANSLATORS: the similarity of two petitions in percent, the day and delegate group
       * of the earlier one's voters' meeting, and its status. */
      g_autofree char *subtitle = g_markup_printf_escaped (
        _("%d%% similar · %s %s · %s"), (int) (value * 100 + 0.5),
        chamber_json_peek_string (meeting, "date") != NULL
          ? chamber_json_peek_string (meeting, "date") : "",
        chamber_json_peek_string (meeting, "group") != NULL
          ? chamber_json_peek_string (meeting, "group") : "",
        chamber_json_peek_string (p, "status_label") != NULL
          ? chamber_json_peek_string (p, "status_label") : "");
      GtkCheckButton *check = choice_row (self, chamber_json_peek_int (p, "id", 0), title,
                                          subtitle);

      if (chamber_json_peek_int (p, "id", 0) == self->chosen)
        gtk_check_button_set_active (check, TRUE);
    }
  if (self->chosen == 0)
    gtk_check_button_set_active (self->none_check, TRUE);
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberPetitionEntry *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *petition;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_PETITION_ENTRY (source);
  self->pending--;
  gtk_widget_set_sensitive (self->save_button, TRUE);
  if (answer == NULL)
    {
      set_error (self, error->message);
      return;
    }
  petition = JSON_NODE_HOLDS_OBJECT (answer)
               ? chamber_json_peek_object (json_node_get_object (answer), "petition") : NULL;
  self->saved_id = chamber_json_peek_int (petition, "id", 0);
  if (self->saved_id <= 0)
    {
      set_error (self, _("The server did not say which petition it saved."));
      return;
    }
  set_error (self, NULL);
  g_signal_emit (self, signals[SAVED], 0, self->saved_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
send_save (ChamberPetitionEntry *self)
{
  set_error (self, NULL);
  self->pending++;
  gtk_widget_set_sensitive (self->save_button, FALSE);
  chamber_desk_request_async (self, self->connection, "POST", "/api/v1/petitions",
                              form_body (self, TRUE), self->cancellable, saved_cb, NULL);
}

static void
checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberPetitionEntry *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *content = user_data;
  JsonArray *similar;
  gboolean save;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_PETITION_ENTRY (source);
  self->pending--;
  self->checks++;
  save = self->save_after_check;
  self->save_after_check = FALSE;
  if (answer == NULL)
    {
      set_error (self, error->message);
      return;
    }
  similar = JSON_NODE_HOLDS_OBJECT (answer)
              ? chamber_json_peek_array (json_node_get_object (answer), "similar") : NULL;
  set_error (self, NULL);
  g_clear_pointer (&self->similar, json_array_unref);
  self->similar = similar != NULL ? json_array_ref (similar) : json_array_new ();
  g_free (self->checked_content);
  self->checked_content = g_steal_pointer (&content);
  /* The server's own choice (the most similar) is offered first. */
  self->chosen = json_array_get_length (self->similar) > 0
                   ? chamber_json_peek_int (json_array_get_object_element (self->similar, 0),
                                            "id", 0)
                   : 0;
  show_similar (self);
  /* Saving goes on by itself only when there is nothing to choose. */
  if (save && json_array_get_length (self->similar) == 0)
    send_save (self);
}

void
chamber_petition_entry_check (ChamberPetitionEntry *self)
{
  g_autofree char *content = NULL;

  g_return_if_fail (CHAMBER_IS_PETITION_ENTRY (self));

  content = dup_content (self);
  if (*content == '\0')
    {
      set_error (self, _("Write the petition's content first."));
      self->save_after_check = FALSE;
      return;
    }
  set_error (self, NULL);
  self->pending++;
  chamber_desk_request_async (self, self->connection, "POST", "/api/v1/petitions?dry_run=1",
                              form_body (self, FALSE), self->cancellable, checked_cb,
                              g_steal_pointer (&content));
}

void
chamber_petition_entry_save (ChamberPetitionEntry *self)
{
  g_autofree char *content = NULL;

  g_return_if_fail (CHAMBER_IS_PETITION_ENTRY (self));

  if (self->pending > 0)
    return;
  content = dup_content (self);
  if (self->checked_content == NULL || g_strcmp0 (content, self->checked_content) != 0)
    {
      self->save_after_check = TRUE;
      chamber_petition_entry_check (self);
      return;
    }
  send_save (self);
}

gboolean
chamber_petition_entry_choose (ChamberPetitionEntry *self, gint64 id)
{
  g_return_val_if_fail (CHAMBER_IS_PETITION_ENTRY (self), FALSE);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->similar_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = NULL;

      for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL && check == NULL;
           w = gtk_widget_get_first_child (w))
        {
          for (GtkWidget *s = w; s != NULL && check == NULL; s = gtk_widget_get_next_sibling (s))
            if (GTK_IS_CHECK_BUTTON (s))
              check = s;
        }
      if (check != NULL
          && (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "petition-id"))
               == id)
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          return self->chosen == id;
        }
    }
  return FALSE;
}

void
chamber_petition_entry_fill (ChamberPetitionEntry *self, const char *content, const char *date,
                             const char *place, const char *group, const char *level,
                             const char *field, const char *agency, const char *status)
{
  ChamberPetitionLevel level_value;
  ChamberPetitionStatus status_value;

  g_return_if_fail (CHAMBER_IS_PETITION_ENTRY (self));

  if (content != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->content_view), content, -1);
  if (date != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->date_entry), date);
  if (place != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->place_entry), place);
  if (group != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->group_entry), group);
  if (level != NULL && chamber_petition_level_from_string (level, &level_value))
    gtk_drop_down_set_selected (self->level_dropdown, level_value);
  if (field != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->field_entry), field);
  if (agency != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->agency_entry), agency);
  if (status != NULL && chamber_petition_status_from_string (status, &status_value))
    gtk_drop_down_set_selected (self->status_dropdown, status_value);
}

guint
chamber_petition_entry_get_pending (ChamberPetitionEntry *self)
{
  return self->pending;
}

guint
chamber_petition_entry_get_checks (ChamberPetitionEntry *self)
{
  return self->checks;
}

const char *
chamber_petition_entry_get_error (ChamberPetitionEntry *self)
{
  return self->error;
}

guint
chamber_petition_entry_get_n_similar (ChamberPetitionEntry *self)
{
  return self->similar != NULL ? json_array_get_length (self->similar) : 0;
}

gint64
chamber_petition_entry_get_similar_id (ChamberPetitionEntry *self, guint index,
                                       double *out_similarity)
{
  JsonObject *p;
  JsonNode *similarity;

  if (index >= chamber_petition_entry_get_n_similar (self))
    return 0;
  p = json_array_get_object_element (self->similar, index);
  similarity = json_object_get_member (p, "similarity");
  if (out_similarity != NULL)
    *out_similarity = similarity != NULL && JSON_NODE_HOLDS_VALUE (similarity)
                        ? json_node_get_double (similarity) : 0;
  return chamber_json_peek_int (p, "id", 0);
}

gint64
chamber_petition_entry_get_chosen (ChamberPetitionEntry *self)
{
  return self->chosen;
}

gint64
chamber_petition_entry_get_saved_id (ChamberPetitionEntry *self)
{
  return self->saved_id;
}

static void
chamber_petition_entry_dispose (GObject *object)
{
  ChamberPetitionEntry *self = CHAMBER_PETITION_ENTRY (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (chamber_petition_entry_parent_class)->dispose (object);
}

static void
chamber_petition_entry_finalize (GObject *object)
{
  ChamberPetitionEntry *self = CHAMBER_PETITION_ENTRY (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->similar, json_array_unref);
  g_free (self->checked_content);
  g_free (self->error);
  G_OBJECT_CLASS (chamber_petition_entry_parent_class)->finalize (object);
}

static void
chamber_petition_entry_class_init (ChamberPetitionEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_petition_entry_dispose;
  object_class->finalize = chamber_petition_entry_finalize;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkEntry *
form_entry (GtkGrid *grid, int row, const char *label_text, const char *placeholder)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  if (placeholder != NULL)
    gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);
  return GTK_ENTRY (entry);
}

static GtkDropDown *
form_dropdown (GtkGrid *grid, int row, const char *label_text, GtkStringList *model)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (model), NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_widget_set_halign (dropdown, GTK_ALIGN_START);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, dropdown, 1, row, 1, 1);
  return GTK_DROP_DOWN (dropdown);
}

static void
chamber_petition_entry_init (ChamberPetitionEntry *self)
{
  GtkStringList *levels = gtk_string_list_new (NULL);
  GtkStringList *statuses = gtk_string_list_new (NULL);
  GtkWidget *box, *header, *scrolled, *content, *label, *grid, *row, *button, *frame;

  self->cancellable = g_cancellable_new ();
  gtk_window_set_title (GTK_WINDOW (self), _("New Petition"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
  gtk_string_list_append (levels, _("Not given"));
  for (guint i = CHAMBER_PETITION_LEVEL_COMMUNE; i < CHAMBER_N_PETITION_LEVELS; i++)
    gtk_string_list_append (levels, chamber_petition_level_get_label (i));
  for (guint i = 0; i < CHAMBER_N_PETITION_STATUSES; i++)
    gtk_string_list_append (statuses, chamber_petition_status_get_title (i));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  adw_window_set_content (ADW_WINDOW (self), box);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  g_object_set (content, "margin-start", 18, "margin-end", 18, "margin-top", 12,
                "margin-bottom", 18, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);

  label = gtk_label_new_with_mnemonic (_("_Content of the petition"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (content), label);
  self->content_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->content_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->content_view, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (self->content_view), -1, 110);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->content_view));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->content_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Content of the petition"),
                                  -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->content_view));
  gtk_box_append (GTK_BOX (content), frame);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (content), grid);
  self->date_entry = form_entry (GTK_GRID (grid), 0, _("Meeting _date"), _("YYYY-MM-DD"));
  self->place_entry = form_entry (GTK_GRID (grid), 1, _("Meeting _place"), NULL);
  self->group_entry = form_entry (GTK_GRID (grid), 2, _("Delegate _group"), NULL);
  self->level_dropdown = form_dropdown (GTK_GRID (grid), 3, _("_Level"), levels);
  self->field_entry = form_entry (GTK_GRID (grid), 4, _("_Field"), NULL);
  self->agency_entry = form_entry (GTK_GRID (grid), 5, _("Responsible _agency"), NULL);
  self->status_dropdown = form_dropdown (GTK_GRID (grid), 6, _("_Status"), statuses);

  label = gtk_label_new (_("Raised again?"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (content), label);
  self->similar_label = GTK_LABEL (gtk_label_new (
    _("Check finds the earlier petitions this one raises again.")));
  gtk_label_set_wrap (self->similar_label, TRUE);
  gtk_label_set_xalign (self->similar_label, 0);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->similar_label));
  self->similar_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->similar_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->similar_list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->similar_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Similar earlier petitions"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->similar_list), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->similar_list));

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (row, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (content), row);
  button = gtk_button_new_with_mnemonic (_("_Check"));
  gtk_widget_set_tooltip_text (button, _("Look for earlier petitions this one raises again"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (chamber_petition_entry_check), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), button);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save Petition"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (chamber_petition_entry_save),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), self->save_button);
}

ChamberPetitionEntry *
chamber_petition_entry_new (GtkWindow *parent, const ChamberConnection *connection)
{
  ChamberPetitionEntry *self = g_object_new (CHAMBER_TYPE_PETITION_ENTRY, NULL);

  self->connection = chamber_connection_copy (connection);
  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_modal (GTK_WINDOW (self), TRUE);
    }
  return self;
}
