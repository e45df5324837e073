/* chamber-desk-form.c — the desk's modal forms (see chamber-desk-form.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-desk-form.h"

struct _ChamberDeskForm
{
  AdwWindow            parent_instance;

  AdwPreferencesGroup *group;
  GtkLabel            *error_label;
  GtkLabel            *note_label;
  GtkWidget           *save_button;
  gboolean             busy;
};

enum {
  SIGNAL_SAVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberDeskForm, chamber_desk_form, ADW_TYPE_WINDOW)

void
chamber_desk_form_save (ChamberDeskForm *self)
{
  g_return_if_fail (CHAMBER_IS_DESK_FORM (self));

  if (self->busy)
    return;
  g_signal_emit (self, signals[SIGNAL_SAVE], 0);
}

static void
save_clicked_cb (ChamberDeskForm *self)
{
  chamber_desk_form_save (self);
}

static void
entry_activated_cb (ChamberDeskForm *self)
{
  chamber_desk_form_save (self);
}

GtkWidget *
chamber_desk_form_add_entry (ChamberDeskForm *self, const char *label, const char *text)
{
  GtkWidget *row;

  g_return_val_if_fail (CHAMBER_IS_DESK_FORM (self), NULL);

  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_signal_connect_object (row, "entry-activated", G_CALLBACK (entry_activated_cb), self,
                           G_CONNECT_SWAPPED);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), FALSE);
  adw_preferences_group_add (self->group, row);
  return row;
}

GtkWidget *
chamber_desk_form_add_spin (ChamberDeskForm *self, const char *label, double min, double max,
                            double value)
{
  GtkWidget *row;
  GtkWidget *spin;

  g_return_val_if_fail (CHAMBER_IS_DESK_FORM (self), NULL);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  spin = gtk_spin_button_new_with_range (min, max, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (self->group, row);
  return spin;
}

GtkWidget *
chamber_desk_form_add_choice (ChamberDeskForm *self, const char *label,
                              const char *const *labels, guint selected)
{
  g_autoptr (GtkStringList) model = NULL;
  GtkWidget *row;

  g_return_val_if_fail (CHAMBER_IS_DESK_FORM (self), NULL);

  model = gtk_string_list_new (labels);
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  adw_preferences_group_add (self->group, row);
  return row;
}

void
chamber_desk_form_set_note (ChamberDeskForm *self, const char *note)
{
  g_return_if_fail (CHAMBER_IS_DESK_FORM (self));

  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL);
}

char *
chamber_desk_form_get_text (GtkWidget *entry_row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry_row)));

  g_strstrip (text);
  if (*text == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

void
chamber_desk_form_set_error (ChamberDeskForm *self, const char *message)
{
  g_return_if_fail (CHAMBER_IS_DESK_FORM (self));

  chamber_desk_form_set_busy (self, FALSE);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

const char *
chamber_desk_form_get_error (ChamberDeskForm *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_FORM (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

void
chamber_desk_form_set_busy (ChamberDeskForm *self, gboolean busy)
{
  g_return_if_fail (CHAMBER_IS_DESK_FORM (self));

  self->busy = busy;
  gtk_widget_set_sensitive (self->save_button, !busy);
}

void
chamber_desk_form_done (ChamberDeskForm *self)
{
  g_return_if_fail (CHAMBER_IS_DESK_FORM (self));

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
chamber_desk_form_class_init (ChamberDeskFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Emitted when the person asks to save; the handler sends the form to the server. */
  signals[SIGNAL_SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chamber_desk_form_init (ChamberDeskForm *self)
{
  GtkWidget *box;
  GtkWidget *header;
  GtkWidget *cancel;
  GtkWidget *content;
  GtkWidget *scrolled;

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, -1);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->save_button);
  gtk_box_append (GTK_BOX (box), header);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->error_label));
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->group));
  self->note_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->note_label, TRUE);
  gtk_label_set_xalign (self->note_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->note_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->note_label));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 600);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), content);
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_window_set_content (ADW_WINDOW (self), box);
}

ChamberDeskForm *
chamber_desk_form_new (GtkWidget *parent, const char *title, const char *save_label)
{
  ChamberDeskForm *self = g_object_new (CHAMBER_TYPE_DESK_FORM, NULL);
  GtkRoot *root = parent != NULL ? gtk_widget_get_root (parent) : NULL;

  gtk_window_set_title (GTK_WINDOW (self), title);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (root));
  if (save_label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->save_button), save_label);
  return self;
}
