/* chamber-notes-view.c — “My Notes”: a person's notes on the documents of one session (see
 * chamber-notes-view.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-note-popover.h"
#include "chamber-notes-view.h"
#include "chamber-toast.h"

/* The group of notes that could not be placed in their document's new version. */
#define UNPLACED_GROUP (-1)

struct _ChamberNotesView
{
  GtkWidget         parent_instance;

  /* Template widgets */
  GtkStack         *stack;
  GtkListBox       *list;

  ChamberStore     *store;
  ChamberBlobStore *blobs;
  gint64            person_id;
  gint64            session_id;

  GCancellable     *cancellable;
  guint             exports_completed;
  guint             carries_completed;
  gboolean          carrying;
  gboolean          carry_again;     /* a sync ended while the notes were being carried */
  char             *last_export;
  char             *last_message;
};

enum {
  NOTE_ACTIVATED,
  NOTES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberNotesView, chamber_notes_view, GTK_TYPE_WIDGET)

GtkWidget *
chamber_notes_view_new (void)
{
  return g_object_new (CHAMBER_TYPE_NOTES_VIEW, NULL);
}

static void
add_toast (ChamberNotesView *self, const char *message)
{
  g_free (self->last_message);
  self->last_message = g_strdup (message);
  chamber_toast_show_above (GTK_WIDGET (self), message, 8);
}

/* ---- rows ------------------------------------------------------------------------------- */

static gint64
row_group_key (GtkListBoxRow *row)
{
  return *(gint64 *) g_object_get_data (G_OBJECT (row), "group-key");
}

static const ChamberNote *
row_note (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "note");
}

static void
draw_swatch (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer user_data)
{
  const char *color = user_data;
  GdkRGBA rgba;

  if (!gdk_rgba_parse (&rgba, color))
    return;
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 0.5, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static GtkWidget *
create_kind_icon (const ChamberNote *note)
{
  GtkWidget *swatch;
  const char *color;

  switch (note->kind)
    {
    case CHAMBER_NOTE_BOOKMARK:
      return gtk_image_new_from_icon_name ("user-bookmarks-symbolic");
    case CHAMBER_NOTE_NOTE:
      return gtk_image_new_from_icon_name ("document-edit-symbolic");
    case CHAMBER_NOTE_HIGHLIGHT:
    case CHAMBER_N_NOTE_KINDS:
    default:
      color = note->color != NULL ? note->color : CHAMBER_NOTE_DEFAULT_HIGHLIGHT_COLOR;
      swatch = gtk_drawing_area_new ();
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 14);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, g_strdup (color),
                                      g_free);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_widget_set_halign (swatch, GTK_ALIGN_CENTER);
      return swatch;
    }
}

static GtkWidget *
create_label (const char *text, int lines, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), lines);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
create_row (const ChamberNote *note, gint64 group_key, const char *group)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = create_kind_icon (note);
  GtkWidget *page;
  g_autofree char *page_text = NULL;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_size_request (icon, 16, -1);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_box_append (GTK_BOX (box), icon);

  gtk_widget_set_hexpand (texts, TRUE);
  if (note->quote != NULL)
    {
      /* TRANSLATORS: a quoted passage of a document, in the list of notes */
      g_autofree char *quote = chamber_note_dup_display_text (note->quote);
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);

      gtk_box_append (GTK_BOX (texts), create_label (quoted, 2, "chamber-quote"));
    }
  if (note->body != NULL)
    gtk_box_append (GTK_BOX (texts), create_label (note->body, 3, NULL));
  if (note->quote == NULL && note->body == NULL)
    gtk_box_append (GTK_BOX (texts),
                    create_label (note->kind == CHAMBER_NOTE_BOOKMARK ? _("Bookmark")
                                                                      : _("Note on the page"),
                                  1, NULL));
  if (note->anchor == CHAMBER_NOTE_UNPLACED)
    {
      /* TRANSLATORS: under a note that could not be placed: its document and version */
      g_autofree char *where = g_strdup_printf (_("%s, version %d"), note->doc_title,
                                                note->doc_version);

      gtk_box_append (GTK_BOX (texts), create_label (where, 1, "caption"));
    }
  else if (note->anchor == CHAMBER_NOTE_MOVED)
    gtk_box_append (GTK_BOX (texts),
                    create_label (_("Moved to its place in the new version"), 1, "caption"));
  gtk_box_append (GTK_BOX (box), texts);

  /* TRANSLATORS: the page of a note, like “p. 3” */
  page_text = g_strdup_printf (_("p. %d"), note->page);
  page = gtk_label_new (page_text);
  gtk_widget_set_valign (page, GTK_ALIGN_START);
  gtk_widget_add_css_class (page, "caption");
  gtk_widget_add_css_class (page, "dim-label");
  gtk_box_append (GTK_BOX (box), page);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "note", chamber_note_copy (note),
                          (GDestroyNotify) chamber_note_free);
  g_object_set_data_full (G_OBJECT (row), "group-key", g_memdup2 (&group_key, sizeof group_key),
                          g_free);
  g_object_set_data_full (G_OBJECT (row), "group", g_strdup (group), g_free);
  return row;
}

static GtkWidget *
create_header (GtkListBoxRow *row)
{
  GtkWidget *header;
  GtkWidget *title;
  gint64 key = row_group_key (row);

  if (key == UNPLACED_GROUP)
    {
      GtkWidget *detail;

      header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      title = gtk_label_new (_("Could Not Be Placed in the New Version"));
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_add_css_class (title, "warning");
      gtk_box_append (GTK_BOX (header), title);
      detail = create_label (_("Their passage is not in the new version of the document. They "
                               "keep the page and text of the version they were written on."),
                             4, "caption");
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_box_append (GTK_BOX (header), detail);
    }
  else
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("document-save-as-symbolic");

      header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      title = gtk_label_new (g_object_get_data (G_OBJECT (row), "group"));
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (title), 2);
      gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_box_append (GTK_BOX (header), title);

      gtk_widget_set_tooltip_text (button, _("Export with My Notes…"));
      /* A tooltip only describes: an icon button needs its name for a screen reader. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Export with My Notes…"), -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "notes-view.export");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_int64 (key));
      gtk_box_append (GTK_BOX (header), button);
    }
  gtk_widget_set_margin_top (header, 12);
  gtk_widget_set_margin_bottom (header, 4);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 6);
  return header;
}

static void
update_header_cb (GtkListBoxRow *row, GtkListBoxRow *before, gpointer user_data)
{
  if (before != NULL && row_group_key (before) == row_group_key (row))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }
  gtk_list_box_row_set_header (row, create_header (row));
}

static void
clear_rows (ChamberNotesView *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
}

void
chamber_notes_view_reload (ChamberNotesView *self)
{
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GError) error = NULL;
  guint unplaced = 0;

  g_return_if_fail (CHAMBER_IS_NOTES_VIEW (self));

  clear_rows (self);
  if (self->store == NULL || self->person_id <= 0 || self->session_id <= 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  notes = chamber_notes_list_session (self->store, self->person_id, self->session_id, &error);
  if (notes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Your notes cannot be read: %s"),
                                                  error->message);

      add_toast (self, message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* By document in agenda order; those that could not be placed after all the others. */
  for (guint i = 0; i < notes->len; i++)
    {
      const ChamberNote *note = g_ptr_array_index (notes, i);

      if (note->anchor == CHAMBER_NOTE_UNPLACED)
        unplaced++;
      else
        gtk_list_box_append (self->list, create_row (note, note->document_id, note->doc_title));
    }
  for (guint i = 0; i < notes->len && unplaced > 0; i++)
    {
      const ChamberNote *note = g_ptr_array_index (notes, i);

      if (note->anchor == CHAMBER_NOTE_UNPLACED)
        gtk_list_box_append (self->list,
                             create_row (note, UNPLACED_GROUP,
                                         _("Could Not Be Placed in the New Version")));
    }
  gtk_stack_set_visible_child_name (self->stack, notes->len > 0 ? "list" : "empty");
}

void
chamber_notes_view_set_context (ChamberNotesView *self,
                                ChamberStore     *store,
                                ChamberBlobStore *blobs,
                                gint64            person_id,
                                gint64            session_id)
{
  g_return_if_fail (CHAMBER_IS_NOTES_VIEW (self));
  g_return_if_fail (store == NULL || CHAMBER_IS_STORE (store));
  g_return_if_fail (blobs == NULL || CHAMBER_IS_BLOB_STORE (blobs));

  if (store != self->store)
    {
      /* What runs for another mirror is not reported here. */
      if (self->cancellable != NULL)
        g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      self->carrying = FALSE;
      self->carry_again = FALSE;
    }
  g_set_object (&self->store, store);
  g_set_object (&self->blobs, blobs);
  self->person_id = person_id;
  self->session_id = session_id;
  chamber_notes_view_reload (self);
}

static void
row_activated_cb (ChamberNotesView *self, GtkListBoxRow *row)
{
  const ChamberNote *note = row_note (row);

  if (note == NULL)
    return;
  g_signal_emit (self, signals[NOTE_ACTIVATED], 0, note->id, note->document_id, note->page,
                 note->has_rect ? note->y1 : -1.0);
}

/* ---- export ----------------------------------------------------------------------------- */

typedef struct {
  char      *source;
  char      *output;
  GPtrArray *notes;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->source);
  g_free (data->output);
  g_clear_pointer (&data->notes, g_ptr_array_unref);
  g_free (data);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportData *data = task_data;
  GError *error = NULL;

  if (chamber_notes_export_pdf (data->source, data->notes, data->output, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
exported_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberNotesView) self = user_data;
  ExportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  self->exports_completed++;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      message = g_strdup_printf (_("The copy with your notes could not be written: %s"),
                                 error->message);
      add_toast (self, message);
      return;
    }
  g_free (self->last_export);
  self->last_export = g_strdup (data->output);
  message = g_strdup_printf (_("Saved a copy with your notes to %s"), data->output);
  add_toast (self, message);
}

void
chamber_notes_view_export_to (ChamberNotesView *self, gint64 document_id, const char *path)
{
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  ExportData *data;

  g_return_if_fail (CHAMBER_IS_NOTES_VIEW (self));
  g_return_if_fail (path != NULL);

  if (self->store == NULL || self->blobs == NULL || self->person_id <= 0)
    return;
  document = chamber_store_get_document (self->store, document_id, &error);
  if (document != NULL)
    notes = chamber_notes_list_document (self->store, self->person_id, document_id, &error);
  if (notes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The copy with your notes could not be "
                                                    "written: %s"), error->message);

      add_toast (self, message);
      return;
    }
  if (!chamber_blob_store_has (self->blobs, document->sha256))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not on this computer yet. It can "
                                                    "be exported once the sync has downloaded "
                                                    "it."), document->title);

      add_toast (self, message);
      return;
    }

  data = g_new0 (ExportData, 1);
  data->source = chamber_blob_store_path (self->blobs, document->sha256);
  data->output = g_strdup (path);
  data->notes = g_steal_pointer (&notes);
  task = g_task_new (NULL, self->cancellable, exported_cb, g_object_ref (self));
  g_task_set_source_tag (task, chamber_notes_view_export_to);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  ChamberNotesView *self = g_object_get_data (G_OBJECT (dialog), "view");
  gint64 document_id = *(gint64 *) user_data;
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path != NULL)
        chamber_notes_view_export_to (self, document_id, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
chamber_notes_view_export (ChamberNotesView *self, gint64 document_id)
{
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;
  GtkRoot *root;
  const char *documents;

  g_return_if_fail (CHAMBER_IS_NOTES_VIEW (self));

  if (self->store == NULL)
    return;
  document = chamber_store_get_document (self->store, document_id, NULL);
  if (document == NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = gtk_file_chooser_native_new (_("Export with My Notes"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* TRANSLATORS: the file name offered for a copy of a document with one's notes; %s is the
   * document's title */
  name = g_strdup_printf (_("%s (with my notes).pdf"), document->title);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_object_set_data_full (G_OBJECT (dialog), "view", g_object_ref (self), g_object_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (export_response_cb),
                         g_memdup2 (&document_id, sizeof document_id),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  chamber_notes_view_export (CHAMBER_NOTES_VIEW (widget), g_variant_get_int64 (parameter));
}

/* ---- carrying notes to new versions ----------------------------------------------------- */

typedef struct {
  char  *store_path;
  char  *blobs_dir;
  gint64 person_id;
} CarryData;

typedef struct {
  guint moved;     /* notes now on a newer version, placed */
  guint unplaced;  /* notes that could not be placed in it */
} CarryResult;

static void
carry_data_free (CarryData *data)
{
  g_free (data->store_path);
  g_free (data->blobs_dir);
  g_free (data);
}

/* Where a note is: its document, and whether it could be placed there. */
typedef struct {
  gint64   document_id;
  gboolean unplaced;
} NotePlace;

/* Every note of @person_id: its id → its NotePlace. */
static GHashTable *
note_places (ChamberStore *store, gint64 person_id, GError **error)
{
  g_autoptr (GHashTable) places = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_free);
  g_autoptr (GPtrArray) sessions = chamber_store_list_sessions (store, error);

  if (sessions == NULL)
    return NULL;
  for (guint i = 0; i < sessions->len; i++)
    {
      const ChamberSession *session = g_ptr_array_index (sessions, i);
      g_autoptr (GPtrArray) notes = chamber_notes_list_session (store, person_id, session->id,
                                                                error);

      if (notes == NULL)
        return NULL;
      for (guint j = 0; j < notes->len; j++)
        {
          const ChamberNote *note = g_ptr_array_index (notes, j);
          NotePlace *place = g_new0 (NotePlace, 1);

          place->document_id = note->document_id;
          place->unplaced = note->anchor == CHAMBER_NOTE_UNPLACED;
          g_hash_table_insert (places, g_memdup2 (&note->id, sizeof note->id), place);
        }
    }
  return g_steal_pointer (&places);
}

static void
carry_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CarryData *data = task_data;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GHashTable) after = NULL;
  g_autoptr (GPtrArray) unplaced = NULL;
  g_autoptr (GError) carry_error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  CarryResult *result;
  GError *error = NULL;

  store = chamber_store_open (data->store_path, &error);
  if (store != NULL)
    blobs = chamber_blob_store_new (data->blobs_dir, &error);
  if (blobs != NULL)
    before = note_places (store, data->person_id, &error);
  if (before == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* A version that fails (damaged) keeps its notes where they were; the others still move. */
  if (!chamber_notes_carry_forward (store, data->person_id, blobs, &unplaced, cancellable,
                                    &carry_error)
      && g_error_matches (carry_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&carry_error));
      return;
    }
  after = note_places (store, data->person_id, &error);
  if (after == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Counted from where the notes are before and after, so that a note carried over two
   * versions at once counts once. */
  result = g_new0 (CarryResult, 1);
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const NotePlace *was = g_hash_table_lookup (before, key);
      const NotePlace *now = value;

      if (was == NULL || (was->document_id == now->document_id && was->unplaced == now->unplaced))
        continue;
      if (now->unplaced)
        result->unplaced++;
      else
        result->moved++;
    }
  if (carry_error != NULL)
    g_message ("Some notes could not be carried to a new version: %s", carry_error->message);
  g_task_return_pointer (task, result, g_free);
}

static void start_carry (ChamberNotesView *self);

static void
carried_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberNotesView) self = user_data;
  g_autofree CarryResult *carried = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  carried = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->carrying = FALSE;
  self->carries_completed++;

  if (carried == NULL)
    {
      message = g_strdup_printf (_("Your notes could not be moved to the new versions: %s"),
                                 error->message);
      add_toast (self, message);
    }
  else if (carried->moved > 0 || carried->unplaced > 0)
    {
      g_autofree char *moved = NULL;
      g_autofree char *unplaced = NULL;

      moved = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u note moved to the new version",
                                            "%u notes moved to the new version",
                                            carried->moved),
                               carried->moved);
      if (carried->unplaced == 0)
        message = g_steal_pointer (&moved);
      else if (carried->moved == 0)
        message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "%u note could not be placed in the new version",
                                                "%u notes could not be placed in the new version",
                                                carried->unplaced),
                                   carried->unplaced);
      else
        {
          unplaced = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u could not be placed",
                                                   "%u could not be placed",
                                                   carried->unplaced),
                                      carried->unplaced);
          /* TRANSLATORS: “3 notes moved to the new version; 1 could not be placed” */
          message = g_strdup_printf (_("%s; %s"), moved, unplaced);
        }
      add_toast (self, message);
      chamber_notes_view_reload (self);
      g_signal_emit (self, signals[NOTES_CHANGED], 0);
    }

  if (self->carry_again)
    start_carry (self);
}

static void
start_carry (ChamberNotesView *self)
{
  g_autoptr (GTask) task = NULL;
  CarryData *data;

  self->carry_again = FALSE;
  self->carrying = TRUE;
  data = g_new0 (CarryData, 1);
  data->store_path = g_strdup (chamber_store_get_path (self->store));
  data->blobs_dir = g_strdup (chamber_blob_store_get_dir (self->blobs));
  data->person_id = self->person_id;
  task = g_task_new (NULL, self->cancellable, carried_cb, g_object_ref (self));
  g_task_set_source_tag (task, start_carry);
  g_task_set_task_data (task, data, (GDestroyNotify) carry_data_free);
  g_task_run_in_thread (task, carry_thread);
}

void
chamber_notes_view_carry_forward (ChamberNotesView *self)
{
  g_return_if_fail (CHAMBER_IS_NOTES_VIEW (self));

  if (self->store == NULL || self->blobs == NULL || self->person_id <= 0)
    return;
  /* One at a time: a sync that ends meanwhile gets one more run after it. */
  if (self->carrying)
    {
      self->carry_again = TRUE;
      return;
    }
  start_carry (self);
}

/* ---- for the UI tests ------------------------------------------------------------------- */

guint
chamber_notes_view_get_n_rows (ChamberNotesView *self)
{
  guint n = 0;

  g_return_val_if_fail (CHAMBER_IS_NOTES_VIEW (self), 0);
  while (gtk_list_box_get_row_at_index (self->list, n) != NULL)
    n++;
  return n;
}

const ChamberNote *
chamber_notes_view_get_row_note (ChamberNotesView *self, guint index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CHAMBER_IS_NOTES_VIEW (self), NULL);
  row = gtk_list_box_get_row_at_index (self->list, index);
  return row != NULL ? row_note (row) : NULL;
}

const char *
chamber_notes_view_get_row_group (ChamberNotesView *self, guint index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CHAMBER_IS_NOTES_VIEW (self), NULL);
  row = gtk_list_box_get_row_at_index (self->list, index);
  return row != NULL ? g_object_get_data (G_OBJECT (row), "group") : NULL;
}

GtkListBox *
chamber_notes_view_get_list (ChamberNotesView *self)
{
  g_return_val_if_fail (CHAMBER_IS_NOTES_VIEW (self), NULL);
  return self->list;
}

guint
chamber_notes_view_get_exports_completed (ChamberNotesView *self)
{
  g_return_val_if_fail (CHAMBER_IS_NOTES_VIEW (self), 0);
  return self->exports_completed;
}

const char *
chamber_notes_view_get_last_export (ChamberNotesView *self)
{
  g_return_val_if_fail (CHAMBER_IS_NOTES_VIEW (self), NULL);
  return self->last_export;
}

gboolean
chamber_notes_view_get_carrying (ChamberNotesView *self)
{
  g_return_val_if_fail (CHAMBER_IS_NOTES_VIEW (self), FALSE);
  return self->carrying;
}

guint
chamber_notes_view_get_carries_completed (ChamberNotesView *self)
{
  g_return_val_if_fail (CHAMBER_IS_NOTES_VIEW (self), 0);
  return self->carries_completed;
}

const char *
chamber_notes_view_get_last_message (ChamberNotesView *self)
{
  g_return_val_if_fail (CHAMBER_IS_NOTES_VIEW (self), NULL);
  return self->last_message;
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
chamber_notes_view_dispose (GObject *object)
{
  ChamberNotesView *self = CHAMBER_NOTES_VIEW (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->blobs);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_NOTES_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (chamber_notes_view_parent_class)->dispose (object);
}

static void
chamber_notes_view_finalize (GObject *object)
{
  ChamberNotesView *self = CHAMBER_NOTES_VIEW (object);

  g_free (self->last_export);
  g_free (self->last_message);

  G_OBJECT_CLASS (chamber_notes_view_parent_class)->finalize (object);
}

static void
chamber_notes_view_class_init (ChamberNotesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_notes_view_dispose;
  object_class->finalize = chamber_notes_view_finalize;

  signals[NOTE_ACTIVATED] =
    g_signal_new ("note-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 4, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT, G_TYPE_DOUBLE);
  signals[NOTES_CHANGED] =
    g_signal_new ("notes-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-notes-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberNotesView, stack);
  gtk_widget_class_bind_template_child (widget_class, ChamberNotesView, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "notes-view.export", "x", export_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chamber_notes_view_init (ChamberNotesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->list, update_header_cb, NULL, NULL);
  self->cancellable = g_cancellable_new ();
}
