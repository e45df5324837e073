/* chamber-note-popover.c — writes or changes one private note (see chamber-note-popover.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-note-popover.h"

struct _ChamberNotePopover
{
  GtkPopover   parent_instance;

  /* Template widgets */
  GtkLabel    *heading_label;
  GtkLabel    *unplaced_label;
  GtkLabel    *quote_label;
  GtkTextView *body_view;
  GtkWidget   *delete_button;
  GtkButton   *save_button;

  ChamberNote *note;
  char        *color;      /* as chosen, "#rrggbb" */
  gboolean     is_new;
  gboolean     changed;    /* text or colour changed since set_note() */
  gboolean     finished;   /* saved or deleted: closing does nothing more */
  gboolean     loading;
};

enum {
  PROP_0,
  PROP_COLOR,
  N_PROPS
};

enum {
  SAVED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberNotePopover, chamber_note_popover, GTK_TYPE_POPOVER)

GtkWidget *
chamber_note_popover_new (void)
{
  return g_object_new (CHAMBER_TYPE_NOTE_POPOVER, NULL);
}

char *
chamber_note_dup_display_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean blank = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        blank = out->len > 0;
      else
        {
          if (blank)
            g_string_append_c (out, ' ');
          blank = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
dup_body (ChamberNotePopover *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

/* A new note is saved once it says something; a stored one at any time. */
static void
update_save (ChamberNotePopover *self)
{
  g_autofree char *body = dup_body (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "note.save", !self->is_new || body != NULL);
}

/* Copies what the popover shows into self->note. */
static void
sync_note (ChamberNotePopover *self)
{
  if (self->note == NULL)
    return;
  g_free (self->note->body);
  self->note->body = dup_body (self);
  g_free (self->note->color);
  self->note->color = g_strdup (self->color);
}

static const char *
kind_label (ChamberNoteKind kind)
{
  switch (kind)
    {
    case CHAMBER_NOTE_HIGHLIGHT:
      return _("Highlight");
    case CHAMBER_NOTE_BOOKMARK:
      return _("Bookmark");
    case CHAMBER_NOTE_NOTE:
    case CHAMBER_N_NOTE_KINDS:
    default:
      return _("Note");
    }
}

static void
set_color (ChamberNotePopover *self, const char *color)
{
  if (g_strcmp0 (self->color, color) == 0)
    return;
  g_free (self->color);
  self->color = g_strdup (color);
  if (!self->loading)
    self->changed = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}

void
chamber_note_popover_set_note (ChamberNotePopover *self, const ChamberNote *note, gboolean is_new)
{
  g_autofree char *heading = NULL;
  const char *color;

  g_return_if_fail (CHAMBER_IS_NOTE_POPOVER (self));
  g_return_if_fail (note != NULL);

  self->loading = TRUE;
  g_clear_pointer (&self->note, chamber_note_free);
  self->note = chamber_note_copy (note);
  self->is_new = is_new;
  self->changed = FALSE;
  self->finished = FALSE;

  /* TRANSLATORS: the kind of a note and its page, like “Highlight · p. 3” */
  heading = g_strdup_printf (_("%s · p. %d"), kind_label (note->kind), note->page);
  gtk_label_set_text (self->heading_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->unplaced_label),
                          note->anchor == CHAMBER_NOTE_UNPLACED);
  if (note->quote != NULL)
    {
      g_autofree char *quote = chamber_note_dup_display_text (note->quote);

      gtk_label_set_text (self->quote_label, quote);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->quote_label), note->quote != NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view),
                            note->body != NULL ? note->body : "", -1);

  color = note->color;
  if (color == NULL)
    color = note->kind == CHAMBER_NOTE_HIGHLIGHT ? CHAMBER_NOTE_DEFAULT_HIGHLIGHT_COLOR
                                                 : CHAMBER_NOTE_DEFAULT_NOTE_COLOR;
  set_color (self, color);

  gtk_widget_set_visible (self->delete_button, !is_new);
  gtk_button_set_label (self->save_button, is_new ? _("_Save") : _("_Done"));
  update_save (self);
  self->loading = FALSE;
}

const ChamberNote *
chamber_note_popover_get_note (ChamberNotePopover *self)
{
  g_return_val_if_fail (CHAMBER_IS_NOTE_POPOVER (self), NULL);
  sync_note (self);
  return self->note;
}

gboolean
chamber_note_popover_get_is_new (ChamberNotePopover *self)
{
  g_return_val_if_fail (CHAMBER_IS_NOTE_POPOVER (self), FALSE);
  return self->is_new;
}

void
chamber_note_popover_set_body (ChamberNotePopover *self, const char *body)
{
  g_return_if_fail (CHAMBER_IS_NOTE_POPOVER (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body != NULL ? body : "",
                            -1);
}

void
chamber_note_popover_set_color (ChamberNotePopover *self, const char *color)
{
  g_return_if_fail (CHAMBER_IS_NOTE_POPOVER (self));
  g_return_if_fail (color != NULL);
  set_color (self, color);
}

static void
save (ChamberNotePopover *self)
{
  if (self->note == NULL || self->finished)
    return;
  self->finished = TRUE;
  sync_note (self);
  g_signal_emit (self, signals[SAVED], 0);
}

static void
save_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberNotePopover *self = CHAMBER_NOTE_POPOVER (widget);

  save (self);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
delete_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberNotePopover *self = CHAMBER_NOTE_POPOVER (widget);

  if (self->note == NULL || self->finished)
    return;
  self->finished = TRUE;
  g_signal_emit (self, signals[DELETE_REQUESTED], 0);
  gtk_popover_popdown (GTK_POPOVER (self));
}

static void
body_changed_cb (ChamberNotePopover *self)
{
  if (!self->loading)
    self->changed = TRUE;
  update_save (self);
}

static void
closed_cb (ChamberNotePopover *self)
{
  g_autofree char *body = NULL;

  if (self->note == NULL || self->finished)
    return;
  /* A click elsewhere closes the popover: what was written is kept. A new note without text
   * is dropped. */
  body = dup_body (self);
  if (self->is_new ? body != NULL : self->changed)
    save (self);
}

static void
chamber_note_popover_map (GtkWidget *widget)
{
  ChamberNotePopover *self = CHAMBER_NOTE_POPOVER (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter end;

  GTK_WIDGET_CLASS (chamber_note_popover_parent_class)->map (widget);

  /* Ready to type, after what is written already. */
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static void
chamber_note_popover_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChamberNotePopover *self = CHAMBER_NOTE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_note_popover_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ChamberNotePopover *self = CHAMBER_NOTE_POPOVER (object);

  switch (prop_id)
    {
    case PROP_COLOR:
      if (g_value_get_string (value) != NULL)
        set_color (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_note_popover_finalize (GObject *object)
{
  ChamberNotePopover *self = CHAMBER_NOTE_POPOVER (object);

  g_clear_pointer (&self->note, chamber_note_free);
  g_free (self->color);

  G_OBJECT_CLASS (chamber_note_popover_parent_class)->finalize (object);
}

static void
chamber_note_popover_class_init (ChamberNotePopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = chamber_note_popover_finalize;
  object_class->get_property = chamber_note_popover_get_property;
  object_class->set_property = chamber_note_popover_set_property;
  widget_class->map = chamber_note_popover_map;

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, CHAMBER_NOTE_DEFAULT_HIGHLIGHT_COLOR,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-note-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberNotePopover, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberNotePopover, unplaced_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberNotePopover, quote_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberNotePopover, body_view);
  gtk_widget_class_bind_template_child (widget_class, ChamberNotePopover, delete_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberNotePopover, save_button);
  gtk_widget_class_bind_template_callback (widget_class, closed_cb);

  gtk_widget_class_install_action (widget_class, "note.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "note.delete", NULL, delete_activated);
  gtk_widget_class_install_property_action (widget_class, "note.color", "color");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "note.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "note.save", NULL);
}

static void
chamber_note_popover_init (ChamberNotePopover *self)
{
  /* The colour action's state is a string: never NULL. */
  self->color = g_strdup (CHAMBER_NOTE_DEFAULT_HIGHLIGHT_COLOR);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (body_changed_cb), self, G_CONNECT_SWAPPED);
}
