/* chamber-activity-window.c — "My activity" (see chamber-activity-window.h): the person's row of
 * GET /api/v1/reports/delegates?term=T with each criterion's weight, value and product.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-activity-window.h"
#include "chamber-desk-page.h"
#include "chamber-desk-request.h"
#include "chamber-list-box.h"
#include "chamber-protocol.h"

struct _ChamberActivityWindow
{
  AdwWindow          parent_instance;

  GtkEntry          *term_entry;
  GtkLabel          *error_label;
  GtkLabel          *summary_label;
  GtkListBox        *list;
  GtkLabel          *score_label;

  ChamberConnection *connection;
  GCancellable      *cancellable;
  GHashTable        *values;        /* criterion key → value as printed */
  gint64             score_milli;
  gint64             computed_milli;
  guint              loads;
  char              *error;
};

G_DEFINE_FINAL_TYPE (ChamberActivityWindow, chamber_activity_window, ADW_TYPE_WINDOW)

/* The string @member of @object (which may be NULL), or "". */
static const char *
string_or_empty (JsonObject *object, const char *member)
{
  const char *value = chamber_json_peek_string (object, member);

  return value != NULL ? value : "";
}

/* A value as the report prints it, in tenths: "12.3" → 123, 7 → 70. -1 when unreadable. */
static gint64
value_tenths (JsonNode *node, char **out_text)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return -1;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out_text = g_strdup_printf ("%lld", (long long) json_node_get_int (node));
      return json_node_get_int (node) * 10;
    }
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *text = json_node_get_string (node);
      const char *dot = strchr (text, '.');
      gint64 whole = g_ascii_strtoll (text, NULL, 10);
      gint64 tenth = dot != NULL && g_ascii_isdigit (dot[1]) ? dot[1] - '0' : 0;

      *out_text = g_strdup (text);
      return whole * 10 + tenth;
    }
  return -1;
}

static char *
format_milli (gint64 milli)
{
  return g_strdup_printf ("%s%lld.%03lld", milli < 0 ? "-" : "", (long long) (ABS (milli) / 1000),
                          (long long) (ABS (milli) % 1000));
}

static void
show_report (ChamberActivityWindow *self, JsonObject *report)
{
  JsonArray *criteria = chamber_json_peek_array (report, "criteria");
  JsonArray *delegates = chamber_json_peek_array (report, "delegates");
  JsonObject *term = chamber_json_peek_object (report, "term");
  JsonArray *sessions = chamber_json_peek_array (report, "sessions");
  JsonObject *row;
  g_autofree char *summary = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *score = NULL;
  g_autofree char *computed = NULL;
  g_autofree char *score_text = NULL;
  guint n_sessions = sessions != NULL ? json_array_get_length (sessions) : 0;

  chamber_list_box_remove_all (self->list);
  g_hash_table_remove_all (self->values);
  self->score_milli = -1;
  self->computed_milli = -1;
  if (delegates == NULL || json_array_get_length (delegates) == 0 || criteria == NULL)
    {
      gtk_label_set_text (self->summary_label,
                          _("The report has no row for you: only delegates and the chair have "
                            "one."));
      gtk_label_set_text (self->score_label, "");
      return;
    }
  row = json_array_get_object_element (delegates, 0);
  from = chamber_date_format (chamber_json_peek_string (term, "from"));
  to = chamber_date_format (chamber_json_peek_string (term, "to"));
  summary = g_strdup_printf (ngettext ("%s, term %s (%s to %s): %u session.",
                                       "%s, term %s (%s to %s): %u sessions.", n_sessions),
                             json_object_get_string_member_with_default (row, "name", ""),
                             string_or_empty (term, "name"),
                             from != NULL ? from : string_or_empty (term, "from"),
                             to != NULL ? to : string_or_empty (term, "to"),
                             n_sessions);
  gtk_label_set_text (self->summary_label, summary);

  self->computed_milli = 0;
  for (guint i = 0; i < json_array_get_length (criteria); i++)
    {
      JsonObject *criterion = json_array_get_object_element (criteria, i);
      const char *key = json_object_get_string_member_with_default (criterion, "key", "");
      gint64 weight_centi = json_object_get_int_member_with_default (criterion, "weight_centi", 0);
      g_autofree char *value_text = NULL;
      g_autofree char *product = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *line = NULL;
      GtkWidget *list_row = adw_action_row_new ();
      GtkWidget *suffix;
      gint64 tenths;

      tenths = value_tenths (json_object_get_member (row, key), &value_text);
      if (tenths < 0)
        {
          value_text = g_strdup ("?");
          tenths = 0;
        }
      /* weight in hundredths × value in tenths = product in thousandths: exact. */
      product = format_milli (weight_centi * tenths);
      self->computed_milli += weight_centi * tenths;
      g_hash_table_insert (self->values, g_strdup (key), g_strdup (value_text));
      subtitle = g_markup_escape_text (
        json_object_get_string_member_with_default (criterion, "description", ""), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (list_row),
                                     json_object_get_string_member_with_default (criterion,
                                                                                 "label", key));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (list_row), subtitle);
      line = g_strdup_printf (_("%s × weight %s = %s"), value_text,
                              json_object_get_string_member_with_default (criterion, "weight",
                                                                          "?"),
                              product);
      suffix = gtk_label_new (line);
      gtk_widget_add_css_class (suffix, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (list_row), suffix);
      gtk_list_box_append (self->list, list_row);
    }
  self->score_milli = json_object_get_int_member_with_default (row, "score_milli", -1);
  score = g_strdup (json_object_get_string_member_with_default (row, "score", "?"));
  computed = format_milli (self->computed_milli);
  score_text = g_strdup_printf (_("Score = Σ weight × value = %s (the server's report: %s)"),
                                computed, score);
  gtk_label_set_text (self->score_label, score_text);
}

static void
report_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberActivityWindow *self;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *report = NULL;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = CHAMBER_ACTIVITY_WINDOW (source);
  self->loads++;
  if (answer == NULL)
    {
      chamber_desk_banner_set (self->error_label, &self->error, error->message);
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (answer))
    report = chamber_json_peek_object (json_node_get_object (answer), "report");
  if (chamber_json_peek_array (report, "criteria") == NULL
      || chamber_json_peek_array (report, "delegates") == NULL)
    {
      chamber_desk_banner_set (self->error_label, &self->error,
                               _("The server's answer could not be read."));
      return;
    }
  chamber_desk_banner_set (self->error_label, &self->error, NULL);
  show_report (self, report);
}

void
chamber_activity_window_set_term (ChamberActivityWindow *self, const char *term)
{
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (CHAMBER_IS_ACTIVITY_WINDOW (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->term_entry)), term) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->term_entry), term);
  if (term == NULL || *term == '\0')
    {
      chamber_desk_banner_set (self->error_label, &self->error, _("Type a term, like 2021-2026."));
      return;
    }
  escaped = g_uri_escape_string (term, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/reports/delegates?term=%s", escaped);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  chamber_desk_request_async (self, self->connection, "GET", path, NULL, self->cancellable,
                              report_loaded_cb, NULL);
}

static void
show_clicked_cb (ChamberActivityWindow *self)
{
  g_autofree char *term =
    g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->term_entry))));

  chamber_activity_window_set_term (self, term);
}

guint
chamber_activity_window_get_loads (ChamberActivityWindow *self)
{
  return self->loads;
}

const char *
chamber_activity_window_get_error (ChamberActivityWindow *self)
{
  return self->error;
}

const char *
chamber_activity_window_get_value (ChamberActivityWindow *self, const char *key)
{
  return g_hash_table_lookup (self->values, key);
}

gint64
chamber_activity_window_get_score_milli (ChamberActivityWindow *self)
{
  return self->score_milli;
}

gint64
chamber_activity_window_get_computed_milli (ChamberActivityWindow *self)
{
  return self->computed_milli;
}

static void
chamber_activity_window_dispose (GObject *object)
{
  ChamberActivityWindow *self = CHAMBER_ACTIVITY_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (chamber_activity_window_parent_class)->dispose (object);
}

static void
chamber_activity_window_finalize (GObject *object)
{
  ChamberActivityWindow *self = CHAMBER_ACTIVITY_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_free (self->error);
  G_OBJECT_CLASS (chamber_activity_window_parent_class)->finalize (object);
}

static void
chamber_activity_window_class_init (ChamberActivityWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_activity_window_dispose;
  object_class->finalize = chamber_activity_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chamber_activity_window_init (ChamberActivityWindow *self)
{
  GtkWidget *content, *header, *box, *row, *button, *scrolled, *label;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *term = NULL;
  int year = g_date_time_get_year (now);
  /* The councils' five-year terms: 2021–2026, 2026–2031… */
  int first = year - ((year - 2021) % 5 + 5) % 5;

  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->score_milli = -1;
  self->computed_milli = -1;
  gtk_window_set_title (GTK_WINDOW (self), _("My Activity"));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 600);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (content), header);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_object_set (box, "margin-start", 18, "margin-end", 18, "margin-top", 12, "margin-bottom", 18,
                NULL);
  gtk_box_append (GTK_BOX (content), box);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), row);
  label = gtk_label_new_with_mnemonic (_("_Term"));
  gtk_box_append (GTK_BOX (row), label);
  self->term_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->term_entry));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->term_entry),
                               _("A term like 2021-2026, or dates like 2024-01-01..2024-12-31"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->term_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Term"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->term_entry), TRUE);
  term = g_strdup_printf ("%d-%d", first, first + 5);
  gtk_editable_set_text (GTK_EDITABLE (self->term_entry), term);
  g_signal_connect_object (self->term_entry, "activate", G_CALLBACK (show_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->term_entry));
  button = gtk_button_new_with_mnemonic (_("_Show"));
  gtk_widget_add_css_class (button, "suggested-action");
  g_signal_connect_object (button, "clicked", G_CALLBACK (show_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), button);

  self->error_label = chamber_desk_banner_new (GTK_BOX (box), "error", 0);
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary_label));

  label = gtk_label_new (_("Each criterion: your value × the council's weight"));
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Criteria"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), scrolled);
  self->score_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label), "title-4");
  gtk_label_set_wrap (self->score_label, TRUE);
  gtk_label_set_xalign (self->score_label, 0);
  gtk_label_set_selectable (self->score_label, FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->score_label));

  adw_window_set_content (ADW_WINDOW (self), content);
}

#define PARENT_KEY "chamber-activity-window"

static void
window_destroyed_cb (ChamberActivityWindow *self, GtkWindow *parent)
{
  if (g_object_get_data (G_OBJECT (parent), PARENT_KEY) == self)
    g_object_set_data (G_OBJECT (parent), PARENT_KEY, NULL);
}

ChamberActivityWindow *
chamber_activity_window_present_for (GtkWindow *parent, const ChamberConnection *connection)
{
  ChamberActivityWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (connection != NULL, NULL);

  self = chamber_activity_window_get_for (parent);
  if (self != NULL && g_strcmp0 (self->connection->server_url, connection->server_url) == 0
      && g_strcmp0 (self->connection->token, connection->token) == 0)
    {
      gtk_window_present (GTK_WINDOW (self));
      return self;
    }
  chamber_activity_window_close_for (parent);
  self = g_object_new (CHAMBER_TYPE_ACTIVITY_WINDOW,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->connection = chamber_connection_copy (connection);
  g_object_set_data (G_OBJECT (parent), PARENT_KEY, self);
  g_signal_connect_object (self, "destroy", G_CALLBACK (window_destroyed_cb), parent, 0);
  show_clicked_cb (self);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

ChamberActivityWindow *
chamber_activity_window_get_for (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  return g_object_get_data (G_OBJECT (parent), PARENT_KEY);
}

void
chamber_activity_window_close_for (GtkWindow *parent)
{
  ChamberActivityWindow *self = chamber_activity_window_get_for (parent);

  if (self != NULL)
    {
      g_object_set_data (G_OBJECT (parent), PARENT_KEY, NULL);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}
