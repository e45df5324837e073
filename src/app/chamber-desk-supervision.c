/* chamber-desk-supervision.c — the desk's Supervision page (see chamber-desk-supervision.h):
 * POST and GET /api/v1/supervision/draws, GET …/draws/ID/checks, the samples through a
 * ChamberSampleList, and the documents from GET /api/v1/petitions/report and
 * /api/v1/supervision/recommendation saved where the person chooses.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-desk-request.h"
#include "chamber-desk-supervision.h"
#include "chamber-desk-transfer.h"
#include "chamber-list-box.h"
#include "chamber-petitions.h"
#include "chamber-protocol.h"

static const char *const statuses[] = { "resolved", "answered", "in-progress", "forwarded",
                                        "unresolved", NULL };
static const char *const strata[] = { "none", "agency", "field", NULL };
static const char *const strata_labels[] = { N_("No strata"), N_("By agency"), N_("By field"),
                                             NULL };

struct _ChamberDeskSupervision
{
  GtkWidget          parent_instance;

  GtkWidget         *paned;
  GtkDropDown       *status_dropdown;
  GtkEntry          *agency_entry;
  GtkEntry          *field_entry;
  GtkDropDown       *mode_dropdown;
  GtkEntry          *amount_entry;
  GtkDropDown       *by_dropdown;
  GtkEntry          *seed_entry;
  GtkWidget         *draw_button;
  GtkDropDown       *draws_dropdown;
  GtkStringList     *draws_model;
  GtkLabel          *draw_label;
  GtkLabel          *error_label;
  GtkLabel          *message_label;
  GtkListBox        *checks;
  GtkEntry          *month_entry;
  ChamberSampleList *samples;

  ChamberConnection *connection;
  GCancellable      *cancellable;
  JsonArray         *draws;
  gint64             draw_id;
  char              *seed;
  guint              n_checks;
  gint64             n_checked;
  guint              loads;
  guint              pending;
  char              *error;
  char              *message;
  gboolean           filling;
};

G_DEFINE_FINAL_TYPE (ChamberDeskSupervision, chamber_desk_supervision, GTK_TYPE_WIDGET)

static void
set_error (ChamberDeskSupervision *self, const char *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_message (ChamberDeskSupervision *self, const char *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  gtk_label_set_text (self->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), message != NULL);
}

static double
number_member (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return 0;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_ascii_strtod (json_node_get_string (node), NULL);
  return json_node_get_double (node);
}

static JsonObject *
find_draw (ChamberDeskSupervision *self, gint64 id)
{
  for (guint i = 0; self->draws != NULL && i < json_array_get_length (self->draws); i++)
    {
      JsonObject *draw = json_array_get_object_element (self->draws, i);

      if (json_object_get_int_member (draw, "id") == id)
        return draw;
    }
  return NULL;
}

static void
checks_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskSupervision *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *checks = NULL;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_SUPERVISION (source);
  self->pending--;
  if (answer == NULL)
    {
      set_error (self, error->message);
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (answer)
      && json_object_has_member (json_node_get_object (answer), "checks"))
    checks = json_object_get_array_member (json_node_get_object (answer), "checks");
  chamber_list_box_remove_all (self->checks);
  self->n_checks = 0;
  self->n_checked = 0;
  for (guint i = 0; checks != NULL && i < json_array_get_length (checks); i++)
    {
      JsonObject *check = json_array_get_object_element (checks, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title
          = g_markup_escape_text (chamber_json_peek_string (check, "agency") != NULL
                                      ? chamber_json_peek_string (check, "agency")
                                      : "—",
                                  -1);
      g_autofree char *subtitle = NULL;

      subtitle = g_strdup_printf (
        _("Reported %.1f %% · verified %.1f %% ± %.1f %% (%lld of %lld checked) · estimated "
          "%.1f %% ± %.1f %%"),
        100 * number_member (check, "reported_rate"), 100 * number_member (check, "verified_share"),
        100 * number_member (check, "margin"),
        (long long) json_object_get_int_member_with_default (check, "confirmed", 0),
        (long long) json_object_get_int_member_with_default (check, "checked", 0),
        100 * number_member (check, "estimated_rate"),
        100 * number_member (check, "estimated_margin"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->checks, row);
      self->n_checks++;
      self->n_checked += json_object_get_int_member_with_default (check, "checked", 0);
    }
}

static void
load_checks (ChamberDeskSupervision *self)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/supervision/draws/%lld/checks",
                                           (long long) self->draw_id);

  if (self->draw_id <= 0)
    return;
  self->pending++;
  chamber_desk_request_async (self, self->connection, "GET", path, NULL, self->cancellable,
                              checks_loaded_cb, NULL);
}

static void
show_draw (ChamberDeskSupervision *self)
{
  JsonObject *draw = find_draw (self, self->draw_id);
  g_autofree char *text = NULL;
  JsonArray *strata_array;
  g_autoptr (GString) strata_text = g_string_new (NULL);

  g_clear_pointer (&self->seed, g_free);
  if (draw == NULL)
    {
      gtk_label_set_text (self->draw_label, _("No draw yet."));
      chamber_list_box_remove_all (self->checks);
      self->n_checks = 0;
      chamber_sample_list_set_draw (self->samples, -1);
      return;
    }
  self->seed = g_strdup (chamber_json_peek_string (draw, "seed"));
  strata_array = json_object_has_member (draw, "strata")
                   ? json_object_get_array_member (draw, "strata") : NULL;
  for (guint i = 0; strata_array != NULL && i < json_array_get_length (strata_array); i++)
    {
      JsonObject *stratum = json_array_get_object_element (strata_array, i);

      g_string_append_printf (strata_text, "%s%s %lld/%lld", i > 0 ? ", " : "",
                              chamber_json_peek_string (stratum, "name") != NULL
                                ? chamber_json_peek_string (stratum, "name") : _("(none)"),
                              (long long) json_object_get_int_member_with_default (stratum,
                                                                                   "sample", 0),
                              (long long) json_object_get_int_member_with_default (
                                stratum, "population", 0));
    }
  text = g_strdup_printf (_("Draw %lld: %lld of %lld petitions, seed %s (%s)%s%s"),
                          (long long) self->draw_id,
                          (long long) json_object_get_int_member_with_default (draw, "size", 0),
                          (long long) json_object_get_int_member_with_default (draw, "population",
                                                                               0),
                          self->seed != NULL ? self->seed : "?",
                          chamber_json_peek_string (draw, "algorithm") != NULL
                            ? chamber_json_peek_string (draw, "algorithm") : "",
                          strata_text->len > 0 ? "\n" : "", strata_text->str);
  gtk_label_set_text (self->draw_label, text);
  chamber_sample_list_set_draw (self->samples, self->draw_id);
  load_checks (self);
}

static void
fill_draws (ChamberDeskSupervision *self)
{
  guint selected = GTK_INVALID_LIST_POSITION;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->draws_model));

  self->filling = TRUE;
  gtk_string_list_splice (self->draws_model, 0, n, NULL);
  for (guint i = 0; self->draws != NULL && i < json_array_get_length (self->draws); i++)
    {
      JsonObject *draw = json_array_get_object_element (self->draws, i);
      g_autofree char *when = chamber_timestamp_format (chamber_json_peek_string (draw,
                                                                                  "created_at"));
      g_autofree char *label = g_strdup_printf (
          _("Draw %lld — %s"), (long long) json_object_get_int_member (draw, "id"),
          when != NULL ? when : "");

      gtk_string_list_append (self->draws_model, label);
      if (json_object_get_int_member (draw, "id") == self->draw_id)
        selected = i;
    }
  if (selected == GTK_INVALID_LIST_POSITION && self->draws != NULL
      && json_array_get_length (self->draws) > 0)
    {
      selected = 0;
      self->draw_id = json_object_get_int_member (json_array_get_object_element (self->draws, 0),
                                                  "id");
    }
  if (selected == GTK_INVALID_LIST_POSITION)
    self->draw_id = 0;
  gtk_drop_down_set_selected (self->draws_dropdown, selected);
  self->filling = FALSE;
  show_draw (self);
}

static void
draws_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskSupervision *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *object;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_SUPERVISION (source);
  self->pending--;
  self->loads++;
  if (answer == NULL)
    {
      set_error (self, error->message);
      return;
    }
  object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  if (object == NULL || !json_object_has_member (object, "draws")
      || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "draws")))
    {
      set_error (self, _("The server's answer could not be read."));
      return;
    }
  set_error (self, NULL);
  g_clear_pointer (&self->draws, json_array_unref);
  self->draws = json_array_ref (json_object_get_array_member (object, "draws"));
  fill_draws (self);
}

void
chamber_desk_supervision_reload (ChamberDeskSupervision *self)
{
  g_return_if_fail (CHAMBER_IS_DESK_SUPERVISION (self));

  self->pending++;
  chamber_desk_request_async (self, self->connection, "GET", "/api/v1/supervision/draws", NULL,
                              self->cancellable, draws_loaded_cb, NULL);
}

gboolean
chamber_desk_supervision_select_draw (ChamberDeskSupervision *self, gint64 draw_id)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_SUPERVISION (self), FALSE);

  if (find_draw (self, draw_id) == NULL)
    return FALSE;
  self->draw_id = draw_id;
  fill_draws (self);
  return TRUE;
}

static void
draw_selected_cb (ChamberDeskSupervision *self)
{
  guint selected = gtk_drop_down_get_selected (self->draws_dropdown);

  if (self->filling || self->draws == NULL || selected >= json_array_get_length (self->draws))
    return;
  self->draw_id = json_object_get_int_member (json_array_get_object_element (self->draws,
                                                                             selected),
                                              "id");
  show_draw (self);
}

static void
drawn_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskSupervision *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *draw = NULL;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_SUPERVISION (source);
  self->pending--;
  gtk_widget_set_sensitive (self->draw_button, TRUE);
  if (answer == NULL)
    {
      set_error (self, error->message);
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (answer)
      && json_object_has_member (json_node_get_object (answer), "draw"))
    draw = json_object_get_object_member (json_node_get_object (answer), "draw");
  if (draw == NULL)
    {
      set_error (self, _("The server's answer could not be read."));
      return;
    }
  set_error (self, NULL);
  self->draw_id = json_object_get_int_member (draw, "id");
  /* The seed the server used stays in the form, so the same draw can be made again. */
  if (chamber_json_peek_string (draw, "seed") != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->seed_entry),
                           chamber_json_peek_string (draw, "seed"));
  chamber_desk_supervision_reload (self);
}

static void
draw_clicked_cb (ChamberDeskSupervision *self)
{
  g_autofree char *agency = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->agency_entry))));
  g_autofree char *field = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->field_entry))));
  g_autofree char *seed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->seed_entry))));
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint by = gtk_drop_down_get_selected (self->by_dropdown);
  g_autofree char *amount_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->amount_entry))));
  char *end = NULL;
  double amount = g_ascii_strtod (amount_text, &end);
  JsonObject *body_object;
  JsonNode *body;

  if (status >= G_N_ELEMENTS (statuses) - 1)
    status = 0;
  if (by >= G_N_ELEMENTS (strata) - 1)
    by = 0;
  if (amount_text[0] == '\0' || end == NULL || *end != '\0' || amount <= 0
      || (gtk_drop_down_get_selected (self->mode_dropdown) == 0 && amount != (gint64) amount))
    {
      set_error (self, _("Type how many petitions to draw: a whole number, or a percent for a "
                         "share."));
      return;
    }
  if (seed[0] != '\0')
    for (const char *p = seed; *p != '\0'; p++)
      if (!g_ascii_isdigit (*p))
        {
          set_error (self, _("The seed must be a whole number (or empty for a random one)."));
          return;
        }
  body = chamber_desk_body_new (&body_object);
  json_object_set_string_member (body_object, "status", statuses[status]);
  if (agency[0] != '\0')
    json_object_set_string_member (body_object, "agency", agency);
  if (field[0] != '\0')
    json_object_set_string_member (body_object, "field", field);
  if (gtk_drop_down_get_selected (self->mode_dropdown) == 0)
    json_object_set_int_member (body_object, "size", (gint64) amount);
  else
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      json_object_set_string_member (body_object, "share",
                                     g_ascii_formatd (buffer, sizeof buffer, "%.2f", amount));
    }
  json_object_set_string_member (body_object, "by", strata[by]);
  if (seed[0] != '\0')
    json_object_set_string_member (body_object, "seed", seed);
  gtk_widget_set_sensitive (self->draw_button, FALSE);
  set_message (self, NULL);
  self->pending++;
  chamber_desk_request_async (self, self->connection, "POST", "/api/v1/supervision/draws", body,
                              self->cancellable, drawn_cb, NULL);
}

void
chamber_desk_supervision_draw (ChamberDeskSupervision *self, const char *status, guint size,
                               const char *share, const char *by, const char *seed)
{
  g_return_if_fail (CHAMBER_IS_DESK_SUPERVISION (self));

  for (guint i = 0; statuses[i] != NULL; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      gtk_drop_down_set_selected (self->status_dropdown, i);
  for (guint i = 0; strata[i] != NULL; i++)
    if (g_strcmp0 (strata[i], by) == 0)
      gtk_drop_down_set_selected (self->by_dropdown, i);
  gtk_drop_down_set_selected (self->mode_dropdown, size > 0 ? 0 : 1);
  if (size > 0)
    {
      g_autofree char *text = g_strdup_printf ("%u", size);

      gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), text);
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), share != NULL ? share : "");
  gtk_editable_set_text (GTK_EDITABLE (self->seed_entry), seed != NULL ? seed : "");
  draw_clicked_cb (self);
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskSupervision *self;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = user_data;
  g_autofree char *text = NULL;

  if (!chamber_desk_download_finish (result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_DESK_SUPERVISION (source);
  self->pending--;
  if (error != NULL)
    {
      set_error (self, error->message);
      return;
    }
  set_error (self, NULL);
  text = g_strdup_printf (_("Saved “%s”."), name);
  set_message (self, text);
}

static void
download (ChamberDeskSupervision *self, const char *path, GFile *file)
{
  self->pending++;
  set_message (self, NULL);
  chamber_desk_download_async (self, self->connection, path, file, self->cancellable, saved_cb,
                               g_file_get_basename (file));
}

void
chamber_desk_supervision_save_report (ChamberDeskSupervision *self, const char *month,
                                      const char *format, GFile *file)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (CHAMBER_IS_DESK_SUPERVISION (self));

  if (month == NULL || strlen (month) != 7 || month[4] != '-')
    {
      set_error (self, _("Type the report's month as YYYY-MM, like 2025-03."));
      return;
    }
  escaped = g_uri_escape_string (month, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/petitions/report?month=%s&format=%s", escaped, format);
  download (self, path, file);
}

void
chamber_desk_supervision_save_recommendation (ChamberDeskSupervision *self, GFile *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (CHAMBER_IS_DESK_SUPERVISION (self));

  path = self->draw_id > 0
           ? g_strdup_printf ("/api/v1/supervision/recommendation?draw=%lld",
                              (long long) self->draw_id)
           : g_strdup ("/api/v1/supervision/recommendation");
  download (self, path, file);
}

typedef enum { SAVE_PDF, SAVE_CSV, SAVE_RECOMMENDATION } SaveKind;

static void
save_chosen_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  ChamberDeskSupervision *self = user_data;
  SaveKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "save-kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *month = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->month_entry))));

      if (kind == SAVE_RECOMMENDATION)
        chamber_desk_supervision_save_recommendation (self, file);
      else
        chamber_desk_supervision_save_report (self, month, kind == SAVE_PDF ? "pdf" : "csv", file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
choose_save (ChamberDeskSupervision *self, SaveKind kind)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (kind == SAVE_RECOMMENDATION ? _("Save Recommendation")
                                                                     : _("Save Report"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  if (kind == SAVE_RECOMMENDATION)
    name = g_strdup_printf ("kien-nghi-ubnd-%lld.pdf", (long long) self->draw_id);
  else
    name = g_strdup_printf ("bao-cao-kien-nghi-%s.%s",
                            gtk_editable_get_text (GTK_EDITABLE (self->month_entry)),
                            kind == SAVE_PDF ? "pdf" : "csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "save-kind", GINT_TO_POINTER (kind));
  g_signal_connect (chooser, "response", G_CALLBACK (save_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_pdf_cb (ChamberDeskSupervision *self)
{
  choose_save (self, SAVE_PDF);
}

static void
save_csv_cb (ChamberDeskSupervision *self)
{
  choose_save (self, SAVE_CSV);
}

static void
save_recommendation_cb (ChamberDeskSupervision *self)
{
  choose_save (self, SAVE_RECOMMENDATION);
}

guint
chamber_desk_supervision_get_loads (ChamberDeskSupervision *self)
{
  return self->loads;
}

guint
chamber_desk_supervision_get_pending (ChamberDeskSupervision *self)
{
  return self->pending + chamber_sample_list_get_pending (self->samples);
}

const char *
chamber_desk_supervision_get_error (ChamberDeskSupervision *self)
{
  return self->error;
}

const char *
chamber_desk_supervision_get_message (ChamberDeskSupervision *self)
{
  return self->message;
}

gint64
chamber_desk_supervision_get_draw_id (ChamberDeskSupervision *self)
{
  return self->draw_id;
}

const char *
chamber_desk_supervision_get_seed (ChamberDeskSupervision *self)
{
  return self->seed;
}

gint64
chamber_desk_supervision_get_checked (ChamberDeskSupervision *self)
{
  return self->n_checked;
}

guint
chamber_desk_supervision_get_n_checks (ChamberDeskSupervision *self)
{
  return self->n_checks;
}

ChamberSampleList *
chamber_desk_supervision_get_samples (ChamberDeskSupervision *self)
{
  return self->samples;
}

static void
chamber_desk_supervision_dispose (GObject *object)
{
  ChamberDeskSupervision *self = CHAMBER_DESK_SUPERVISION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->paned, gtk_widget_unparent);
  self->samples = NULL;
  G_OBJECT_CLASS (chamber_desk_supervision_parent_class)->dispose (object);
}

static void
chamber_desk_supervision_finalize (GObject *object)
{
  ChamberDeskSupervision *self = CHAMBER_DESK_SUPERVISION (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->draws, json_array_unref);
  g_free (self->seed);
  g_free (self->error);
  g_free (self->message);
  G_OBJECT_CLASS (chamber_desk_supervision_parent_class)->finalize (object);
}

static void
chamber_desk_supervision_class_init (ChamberDeskSupervisionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_desk_supervision_dispose;
  object_class->finalize = chamber_desk_supervision_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chamber-desk-supervision");
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  return label;
}

static GtkDropDown *
dropdown (const char *const *labels, const char *accessible_name)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  GtkWidget *widget;

  for (guint i = 0; labels[i] != NULL; i++)
    gtk_string_list_append (model, _(labels[i]));
  widget = gtk_drop_down_new (G_LIST_MODEL (model), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_name, -1);
  return GTK_DROP_DOWN (widget);
}

/* A row of the form's grid: a label (mnemonic) and its control. */
static void
grid_row (GtkGrid *grid, int row, const char *label_text, GtkWidget *control)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (label_text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), control);
  gtk_widget_set_hexpand (control, TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, control, 1, row, 1, 1);
}

static void
chamber_desk_supervision_init (ChamberDeskSupervision *self)
{
  const char *modes[] = { N_("Number of petitions"), N_("Share (%)"), NULL };
  GtkWidget *left, *left_scrolled, *grid, *button, *box, *checks_scrolled;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = g_date_time_format (now, "%Y-%m");

  self->cancellable = g_cancellable_new ();
  self->paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_parent (self->paned, GTK_WIDGET (self));
  gtk_paned_set_position (GTK_PANED (self->paned), 470);

  left_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (left_scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (left_scrolled, 380, -1);
  gtk_paned_set_start_child (GTK_PANED (self->paned), left_scrolled);
  gtk_paned_set_shrink_start_child (GTK_PANED (self->paned), FALSE);
  left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  g_object_set (left, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom",
                12, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (left_scrolled), left);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->error_label));
  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_label_set_xalign (self->message_label, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->message_label));

  gtk_box_append (GTK_BOX (left), heading (_("New draw")));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_box_append (GTK_BOX (left), grid);
  {
    const char *status_titles[G_N_ELEMENTS (statuses)] = { NULL };

    /* Resolved first: the status a sample is usually drawn from. */
    for (guint i = 0; statuses[i] != NULL; i++)
      {
        ChamberPetitionStatus status = CHAMBER_PETITION_FORWARDED;

        chamber_petition_status_from_string (statuses[i], &status);
        status_titles[i] = chamber_petition_status_get_title (status);
      }
    self->status_dropdown = dropdown (status_titles, _("Status reported"));
  }
  grid_row (GTK_GRID (grid), 0, _("_Reported as"), GTK_WIDGET (self->status_dropdown));
  self->agency_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->agency_entry, _("Every agency"));
  grid_row (GTK_GRID (grid), 1, _("A_gency"), GTK_WIDGET (self->agency_entry));
  self->field_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->field_entry, _("Every field"));
  grid_row (GTK_GRID (grid), 2, _("_Field"), GTK_WIDGET (self->field_entry));
  self->mode_dropdown = dropdown (modes, _("Sample size as"));
  grid_row (GTK_GRID (grid), 3, _("Si_ze as"), GTK_WIDGET (self->mode_dropdown));
  self->amount_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), "10");
  gtk_entry_set_input_purpose (self->amount_entry, GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_max_length (self->amount_entry, 8);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->amount_entry),
                               _("How many petitions, or the share in percent (like 12.5)"));
  grid_row (GTK_GRID (grid), 4, _("_Amount"), GTK_WIDGET (self->amount_entry));
  self->by_dropdown = dropdown (strata_labels, _("Strata"));
  grid_row (GTK_GRID (grid), 5, _("S_trata"), GTK_WIDGET (self->by_dropdown));
  self->seed_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->seed_entry, _("Random (recorded)"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->seed_entry),
                               _("The same seed over the same petitions draws the same sample"));
  gtk_entry_set_input_purpose (self->seed_entry, GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_max_length (self->seed_entry, 20);
  grid_row (GTK_GRID (grid), 6, _("S_eed"), GTK_WIDGET (self->seed_entry));
  self->draw_button = gtk_button_new_with_mnemonic (_("_Draw Sample"));
  gtk_widget_add_css_class (self->draw_button, "suggested-action");
  gtk_widget_set_halign (self->draw_button, GTK_ALIGN_END);
  g_signal_connect_object (self->draw_button, "clicked", G_CALLBACK (draw_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (left), self->draw_button);

  gtk_box_append (GTK_BOX (left), heading (_("Draws")));
  self->draws_model = gtk_string_list_new (NULL);
  self->draws_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->draws_model),
                                                           NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->draws_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Draw"), -1);
  g_signal_connect_object (self->draws_dropdown, "notify::selected",
                           G_CALLBACK (draw_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->draws_dropdown));
  self->draw_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->draw_label, TRUE);
  gtk_label_set_wrap_mode (self->draw_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->draw_label, 0);
  gtk_box_append (GTK_BOX (left), GTK_WIDGET (self->draw_label));

  gtk_box_append (GTK_BOX (left), heading (_("Reported and verified, per agency")));
  checks_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (checks_scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (checks_scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (checks_scrolled), 150);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (checks_scrolled), 260);
  self->checks = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->checks, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->checks), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->checks), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reported and verified, per agency"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (checks_scrolled),
                                 GTK_WIDGET (self->checks));
  gtk_box_append (GTK_BOX (left), checks_scrolled);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (left), box);
  self->month_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_text (GTK_EDITABLE (self->month_entry), month);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->month_entry), 8);
  gtk_entry_set_max_length (self->month_entry, 7);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->month_entry),
                               _("The month of the progress report, as YYYY-MM"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->month_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report month"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->month_entry));
  button = gtk_button_new_with_mnemonic (_("Save _PDF…"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (save_pdf_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);
  button = gtk_button_new_with_mnemonic (_("Save _CSV…"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (save_csv_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);
  button = gtk_button_new_with_mnemonic (_("Save Reco_mmendation…"));
  gtk_widget_set_tooltip_text (button, _("The recommendation to the People's Committee on the "
                                         "petitions found not resolved"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (save_recommendation_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (left), button);
}

GtkWidget *
chamber_desk_supervision_new (const ChamberConnection *connection)
{
  ChamberDeskSupervision *self;

  g_return_val_if_fail (connection != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_DESK_SUPERVISION, NULL);
  self->connection = chamber_connection_copy (connection);
  self->samples = CHAMBER_SAMPLE_LIST (chamber_sample_list_new (connection, TRUE));
  g_object_set (self->samples, "margin-start", 12, "margin-end", 12, "margin-top", 12,
                "margin-bottom", 12, NULL);
  gtk_paned_set_end_child (GTK_PANED (self->paned), GTK_WIDGET (self->samples));
  g_signal_connect_object (self->samples, "changed", G_CALLBACK (load_checks), self,
                           G_CONNECT_SWAPPED);
  gtk_paned_set_shrink_end_child (GTK_PANED (self->paned), FALSE);
  chamber_desk_supervision_reload (self);
  return GTK_WIDGET (self);
}
