/* chamber-page-notes.c — the person's private notes on the open document, over its pages (see
 * chamber-page-notes.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-page-notes.h"
#include "chamber-pdf.h"
#include "chamber-toast.h"

/* Sizes in logical pixels of what is drawn beside the text. */
#define MARK_SIZE     20   /* the square of a note's mark */
#define MARK_INSET    6    /* from the page's right edge */
#define RIBBON_WIDTH  16
#define RIBBON_HEIGHT 26
#define RIBBON_INSET  28   /* from the page's right edge to the ribbon's right edge */
#define UNDERLINE_WIDTH 2  /* under the passage of a note */

/* The colour of a highlight drawn over the page's text. */
#define HIGHLIGHT_ALPHA 0.42f

/* One note of the document and the boxes it covers. */
typedef struct {
  ChamberNote *note;
  GArray      *lines;  /* PopplerRectangle, line by line; NULL until computed or without rect */
} Entry;

static void
entry_free (Entry *entry)
{
  chamber_note_free (entry->note);
  g_clear_pointer (&entry->lines, g_array_unref);
  g_free (entry);
}

struct _ChamberPageNotes
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkPopover          *selection_popover;
  GtkPopover          *context_menu;
  ChamberNotePopover  *note_popover;

  ChamberDocumentView *view;
  GtkEventController  *release_controller;
  GtkGesture          *click_gesture;
  GtkGesture          *menu_gesture;
  GSimpleActionGroup  *actions;

  ChamberStore        *store;
  gint64               person_id;
  ChamberDocument     *document;
  char                *path;         /* the document's file */
  char                *open_path;    /* the file the view has open */
  char                *password;     /* that opens it, or NULL */
  gboolean             active;

  GPtrArray           *entries;      /* Entry, by page then from the top */
  GArray              *page_sizes;   /* graphene_size_t per page, from the worker */
  guint                generation;   /* of the document shown; older answers are dropped */
  GCancellable        *cancellable;
  guint                busy;         /* worker requests in flight */
  guint                settle_source;
  graphene_point_t     release_point;  /* where the last selection ended, view coordinates */
};

enum {
  PROP_0,
  PROP_DOCUMENT_VIEW,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  NOTES_CHANGED,
  EXPORT_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberPageNotes, chamber_page_notes, GTK_TYPE_WIDGET)

GtkWidget *
chamber_page_notes_new (void)
{
  return g_object_new (CHAMBER_TYPE_PAGE_NOTES, NULL);
}

static void
add_toast (ChamberPageNotes *self, const char *message)
{
  chamber_toast_show_above (GTK_WIDGET (self), message, 6);
}

static gboolean
is_active (ChamberPageNotes *self)
{
  return self->view != NULL && self->store != NULL && self->document != NULL
         && self->person_id > 0 && self->path != NULL
         && g_strcmp0 (self->path, self->open_path) == 0;
}

static void
set_busy (ChamberPageNotes *self, gboolean busy)
{
  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
}

/* ---- geometry --------------------------------------------------------------------------- */

/* @rect of @page (from 0, points of the unrotated page) in this widget's coordinates. */
static gboolean
page_rect_to_layer (ChamberPageNotes       *self,
                    int                     page,
                    const PopplerRectangle *rect,
                    graphene_rect_t        *out_rect)
{
  graphene_rect_t in_view;
  graphene_point_t origin;

  if (!chamber_document_view_page_to_view (self->view, page, rect, &in_view))
    return FALSE;
  if (!gtk_widget_compute_point (GTK_WIDGET (self->view), GTK_WIDGET (self),
                                 &in_view.origin, &origin))
    return FALSE;
  *out_rect = GRAPHENE_RECT_INIT (origin.x, origin.y, in_view.size.width, in_view.size.height);
  return TRUE;
}

/* The whole of @page (from 0) in this widget's coordinates. */
static gboolean
page_bounds (ChamberPageNotes *self, int page, graphene_rect_t *out_rect)
{
  const graphene_size_t *size;
  PopplerRectangle whole;

  if (self->page_sizes == NULL || page < 0 || (guint) page >= self->page_sizes->len)
    return FALSE;
  size = &g_array_index (self->page_sizes, graphene_size_t, page);
  whole = (PopplerRectangle) { 0, 0, size->width, size->height };
  return page_rect_to_layer (self, page, &whole, out_rect);
}

/* The shapes @entry is drawn as, in this widget's coordinates: the boxes of a highlight
 * (@out_boxes, of graphene_rect_t, may be NULL) and a mark or ribbon (@out_mark). FALSE when
 * nothing of it shows. */
static gboolean
entry_shapes (ChamberPageNotes *self,
              const Entry      *entry,
              GArray           *out_boxes,
              graphene_rect_t  *out_mark,
              gboolean         *out_has_mark)
{
  const ChamberNote *note = entry->note;
  int page = note->page - 1;
  graphene_rect_t bounds;
  gboolean shown = FALSE;

  *out_has_mark = FALSE;
  /* An unplaced note's position belongs to another version of the document. */
  if (note->anchor == CHAMBER_NOTE_UNPLACED || !page_bounds (self, page, &bounds))
    return FALSE;

  /* A highlight covers its passage; a note underlines it. */
  if (note->kind != CHAMBER_NOTE_BOOKMARK && entry->lines != NULL && out_boxes != NULL)
    for (guint i = 0; i < entry->lines->len; i++)
      {
        graphene_rect_t box;

        if (page_rect_to_layer (self, page, &g_array_index (entry->lines, PopplerRectangle, i),
                                &box))
          {
            g_array_append_val (out_boxes, box);
            shown = TRUE;
          }
      }

  if (note->kind == CHAMBER_NOTE_BOOKMARK)
    {
      *out_mark = GRAPHENE_RECT_INIT (bounds.origin.x + bounds.size.width - RIBBON_INSET
                                        - RIBBON_WIDTH,
                                      bounds.origin.y, RIBBON_WIDTH, RIBBON_HEIGHT);
      *out_has_mark = TRUE;
    }
  else if (note->kind == CHAMBER_NOTE_NOTE || note->body != NULL)
    {
      double top = bounds.origin.y + RIBBON_HEIGHT + MARK_INSET;

      if (note->has_rect)
        {
          PopplerRectangle rect = { note->x1, note->y1, note->x2, note->y2 };
          graphene_rect_t passage;

          if (!page_rect_to_layer (self, page, &rect, &passage))
            return shown;
          top = passage.origin.y + (passage.size.height - MARK_SIZE) / 2;
          if (note->kind == CHAMBER_NOTE_HIGHLIGHT && entry->lines != NULL
              && entry->lines->len > 0)
            {
              graphene_rect_t first;

              if (page_rect_to_layer (self, page,
                                      &g_array_index (entry->lines, PopplerRectangle, 0), &first))
                top = first.origin.y + (first.size.height - MARK_SIZE) / 2;
            }
        }
      *out_mark = GRAPHENE_RECT_INIT (bounds.origin.x + bounds.size.width - MARK_INSET
                                        - MARK_SIZE,
                                      top, MARK_SIZE, MARK_SIZE);
      *out_has_mark = TRUE;
    }
  return shown || *out_has_mark;
}

static void
note_rgba (const ChamberNote *note, GdkRGBA *out_rgba)
{
  const char *color = note->color;

  if (color == NULL)
    color = note->kind == CHAMBER_NOTE_HIGHLIGHT ? CHAMBER_NOTE_DEFAULT_HIGHLIGHT_COLOR
                                                 : CHAMBER_NOTE_DEFAULT_NOTE_COLOR;
  if (!gdk_rgba_parse (out_rgba, color))
    gdk_rgba_parse (out_rgba, CHAMBER_NOTE_DEFAULT_HIGHLIGHT_COLOR);
}

/* ---- drawing ---------------------------------------------------------------------------- */

static void
draw_ribbon (GtkSnapshot *snapshot, const graphene_rect_t *rect, const GdkRGBA *color)
{
  cairo_t *cr = gtk_snapshot_append_cairo (snapshot, rect);
  double x = rect->origin.x, y = rect->origin.y;
  double w = rect->size.width, h = rect->size.height;

  /* A ribbon hanging from the page's top edge, notched at its end. */
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + w, y);
  cairo_line_to (cr, x + w, y + h);
  cairo_line_to (cr, x + w / 2, y + h - w / 2.5);
  cairo_line_to (cr, x, y + h);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, color);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.35);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
draw_mark (ChamberPageNotes *self, GtkSnapshot *snapshot, const graphene_rect_t *rect,
           const GdkRGBA *color)
{
  GskRoundedRect rounded;
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr (GtkIconPaintable) icon = NULL;
  GdkRGBA border = { 0, 0, 0, 0.35f };
  GdkRGBA ink = { 0.14f, 0.12f, 0.10f, 1 };
  float widths[4] = { 1, 1, 1, 1 };
  GdkRGBA borders[4] = { border, border, border, border };
  const double icon_size = 14;

  gsk_rounded_rect_init_from_rect (&rounded, rect, 4);
  gtk_snapshot_push_rounded_clip (snapshot, &rounded);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &rounded, widths, borders);

  icon = gtk_icon_theme_lookup_icon (theme, "document-edit-symbolic", NULL, (int) icon_size,
                                     gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                     gtk_widget_get_direction (GTK_WIDGET (self)), 0);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (rect->origin.x
                                                  + (rect->size.width - icon_size) / 2,
                                                rect->origin.y
                                                  + (rect->size.height - icon_size) / 2));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), snapshot, icon_size,
                                            icon_size, &ink, 1);
  gtk_snapshot_restore (snapshot);
}

static gboolean
shapes_visible (const graphene_rect_t *clip, GArray *boxes, const graphene_rect_t *mark,
                gboolean has_mark)
{
  if (has_mark && graphene_rect_intersection (clip, mark, NULL))
    return TRUE;
  for (guint i = 0; i < boxes->len; i++)
    if (graphene_rect_intersection (clip, &g_array_index (boxes, graphene_rect_t, i), NULL))
      return TRUE;
  return FALSE;
}

static void
chamber_page_notes_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  ChamberPageNotes *self = CHAMBER_PAGE_NOTES (widget);
  g_autoptr (GArray) boxes = NULL;
  graphene_rect_t clip;

  if (!is_active (self) || self->entries->len == 0
      || !gtk_widget_compute_bounds (GTK_WIDGET (self->view), widget, &clip))
    return;

  /* Only over the pages' viewport, never over the scroll bars. */
  gtk_snapshot_push_clip (snapshot, &clip);
  boxes = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = g_ptr_array_index (self->entries, i);
      graphene_rect_t mark;
      gboolean has_mark;
      GdkRGBA color;

      g_array_set_size (boxes, 0);
      if (!entry_shapes (self, entry, boxes, &mark, &has_mark))
        continue;
      if (!shapes_visible (&clip, boxes, &mark, has_mark))
        continue;
      note_rgba (entry->note, &color);
      for (guint j = 0; j < boxes->len; j++)
        {
          const graphene_rect_t *box = &g_array_index (boxes, graphene_rect_t, j);
          GdkRGBA translucent = color;

          translucent.alpha = HIGHLIGHT_ALPHA;
          if (entry->note->kind == CHAMBER_NOTE_HIGHLIGHT)
            gtk_snapshot_append_color (snapshot, &translucent, box);
          else
            gtk_snapshot_append_color (snapshot, &color,
                                       &GRAPHENE_RECT_INIT (box->origin.x,
                                                            box->origin.y + box->size.height
                                                              - UNDERLINE_WIDTH,
                                                            box->size.width, UNDERLINE_WIDTH));
        }
      if (has_mark && entry->note->kind == CHAMBER_NOTE_BOOKMARK)
        draw_ribbon (snapshot, &mark, &color);
      else if (has_mark)
        draw_mark (self, snapshot, &mark, &color);
    }
  gtk_snapshot_pop (snapshot);
}

/* ---- the worker ------------------------------------------------------------------------- */

static void
lines_free (gpointer lines)
{
  if (lines != NULL)
    g_array_unref (lines);
}

/* What the worker computes for the notes of a document: each page's size, and the boxes of
 * each note anchored on a passage. */
typedef struct {
  char      *path;
  char      *password;
  GPtrArray *notes;        /* ChamberNote copies */
} LoadData;

typedef struct {
  GArray     *page_sizes;  /* graphene_size_t */
  GHashTable *lines;       /* note id (gint64 *) → GArray of PopplerRectangle */
} Geometry;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->password);
  g_clear_pointer (&data->notes, g_ptr_array_unref);
  g_free (data);
}

static void
geometry_free (Geometry *geometry)
{
  g_clear_pointer (&geometry->page_sizes, g_array_unref);
  g_clear_pointer (&geometry->lines, g_hash_table_unref);
  g_free (geometry);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr (PopplerDocument) document = NULL;
  Geometry *geometry;
  GError *error = NULL;
  int n_pages;

  document = chamber_pdf_open (data->path, data->password, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  geometry = g_new0 (Geometry, 1);
  n_pages = poppler_document_get_n_pages (document);
  geometry->page_sizes = g_array_sized_new (FALSE, TRUE, sizeof (graphene_size_t), n_pages);
  geometry->lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, lines_free);
  for (int i = 0; i < n_pages && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (document, i);
      graphene_size_t size = GRAPHENE_SIZE_INIT (595, 842);
      double width, height;

      if (page != NULL)
        {
          poppler_page_get_size (page, &width, &height);
          size = GRAPHENE_SIZE_INIT (width, height);
        }
      g_array_append_val (geometry->page_sizes, size);
    }

  for (guint i = 0; i < data->notes->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      const ChamberNote *note = g_ptr_array_index (data->notes, i);
      g_autoptr (PopplerPage) page = NULL;

      if (!note->has_rect || note->anchor == CHAMBER_NOTE_UNPLACED || note->page < 1
          || note->page > n_pages)
        continue;
      page = poppler_document_get_page (document, note->page - 1);
      if (page != NULL)
        g_hash_table_insert (geometry->lines, g_memdup2 (&note->id, sizeof note->id),
                             chamber_note_get_line_rects (note, page));
    }

  if (g_task_return_error_if_cancelled (task))
    geometry_free (geometry);
  else
    g_task_return_pointer (task, geometry, (GDestroyNotify) geometry_free);
}

/* A new note to anchor: on the selection, or on a whole page. */
typedef struct {
  char        *path;
  char        *password;
  ChamberNote *note;        /* document, person, kind and colour set */
  gboolean     whole_page;
  int          page;        /* from 0 */
  double       x1;
  double       y1;
  int          end_page;
  double       x2;
  double       y2;
} AnchorData;

typedef struct {
  ChamberNote *note;
  GArray      *lines;       /* PopplerRectangle; NULL for a note on a whole page */
} Anchored;

static void
anchor_data_free (AnchorData *data)
{
  g_free (data->path);
  g_free (data->password);
  g_clear_pointer (&data->note, chamber_note_free);
  g_free (data);
}

static void
anchored_free (Anchored *anchored)
{
  g_clear_pointer (&anchored->note, chamber_note_free);
  g_clear_pointer (&anchored->lines, g_array_unref);
  g_free (anchored);
}

static void
anchor_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  AnchorData *data = task_data;
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (PopplerPage) page = NULL;
  Anchored *anchored;
  GError *error = NULL;

  document = chamber_pdf_open (data->path, data->password, &error);
  if (document == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  page = poppler_document_get_page (document, data->page);
  if (page == NULL)
    {
      g_task_return_new_error (task, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_BAD_PAGE,
                               _("Page %d of the document cannot be read."), data->page + 1);
      return;
    }

  anchored = g_new0 (Anchored, 1);
  anchored->note = g_steal_pointer (&data->note);
  if (data->whole_page)
    chamber_note_anchor_to_page (anchored->note, page);
  else
    {
      PopplerRectangle selection = { data->x1, data->y1, data->x2, data->y2 };

      /* A selection that runs on to later pages is anchored to the end of its first page. */
      if (data->end_page > data->page)
        poppler_page_get_size (page, &selection.x2, &selection.y2);
      if (!chamber_note_anchor_from_selection (anchored->note, page, &selection, &error))
        {
          anchored_free (anchored);
          g_task_return_error (task, error);
          return;
        }
      anchored->lines = chamber_note_get_line_rects (anchored->note, page);
    }
  g_task_return_pointer (task, anchored, (GDestroyNotify) anchored_free);
}

/* ---- the notes -------------------------------------------------------------------------- */

static double
note_top (const ChamberNote *note)
{
  return note->has_rect ? note->y1 : -1;
}

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const ChamberNote *na = (*(Entry **) a)->note;
  const ChamberNote *nb = (*(Entry **) b)->note;

  if (na->page != nb->page)
    return na->page < nb->page ? -1 : 1;
  if (note_top (na) != note_top (nb))
    return note_top (na) < note_top (nb) ? -1 : 1;
  return na->id < nb->id ? -1 : na->id > nb->id;
}

static Entry *
find_entry (ChamberPageNotes *self, gint64 note_id, guint *out_index)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (entry->note->id == note_id)
        {
          if (out_index != NULL)
            *out_index = i;
          return entry;
        }
    }
  return NULL;
}

static gboolean
page_bookmarked (ChamberPageNotes *self, int page)
{
  for (guint i = 0; i < self->entries->len; i++)
    {
      const ChamberNote *note = ((Entry *) g_ptr_array_index (self->entries, i))->note;

      if (note->kind == CHAMBER_NOTE_BOOKMARK && note->page == page
          && note->anchor != CHAMBER_NOTE_UNPLACED)
        return TRUE;
    }
  return FALSE;
}

static void
update_actions (ChamberPageNotes *self)
{
  gboolean active = is_active (self);
  gboolean selected = active && chamber_document_view_get_has_selection (self->view);
  gboolean bookmarked = active
                        && page_bookmarked (self, chamber_document_view_get_page (self->view) + 1);
  GAction *action;

  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "highlight");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), selected);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "add-note");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), selected);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "export");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), active);
  action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), "toggle-bookmark");
  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), active);
  g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (bookmarked));
}

static void
notes_changed (ChamberPageNotes *self)
{
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[NOTES_CHANGED], 0);
}

typedef struct {
  ChamberPageNotes *self;
  guint             generation;
} Request;

static Request *
request_new (ChamberPageNotes *self)
{
  Request *request = g_new0 (Request, 1);

  request->self = g_object_ref (self);
  request->generation = self->generation;
  set_busy (self, TRUE);
  return request;
}

/* Ends @request; FALSE when its answer belongs to a document no longer shown. */
static gboolean
request_finish (Request *request)
{
  ChamberPageNotes *self = request->self;
  gboolean current = request->generation == self->generation;

  set_busy (self, FALSE);
  g_object_unref (self);
  g_free (request);
  return current;
}

static void
geometry_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Request *request = user_data;
  ChamberPageNotes *self = request->self;
  g_autoptr (ChamberPageNotes) keep = g_object_ref (self);
  Geometry *geometry;
  g_autoptr (GError) error = NULL;

  geometry = g_task_propagate_pointer (G_TASK (result), &error);
  if (!request_finish (request) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_pointer (&geometry, geometry_free);
      return;
    }
  if (geometry == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Your notes cannot be shown on this "
                                                    "document: %s"), error->message);

      add_toast (self, message);
      return;
    }

  g_clear_pointer (&self->page_sizes, g_array_unref);
  self->page_sizes = g_steal_pointer (&geometry->page_sizes);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      GArray *lines = g_hash_table_lookup (geometry->lines, &entry->note->id);

      if (lines != NULL)
        {
          g_clear_pointer (&entry->lines, g_array_unref);
          entry->lines = g_array_ref (lines);
        }
    }
  geometry_free (geometry);
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
chamber_page_notes_reload (ChamberPageNotes *self)
{
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  LoadData *data;

  g_return_if_fail (CHAMBER_IS_PAGE_NOTES (self));

  if (!is_active (self))
    {
      g_ptr_array_set_size (self->entries, 0);
      update_actions (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  notes = chamber_notes_list_document (self->store, self->person_id, self->document->id, &error);
  if (notes == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Your notes on this document cannot be "
                                                    "read: %s"), error->message);

      add_toast (self, message);
      return;
    }

  /* The boxes of a note that did not move are kept while the worker computes them anew. */
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  for (guint i = 0; i < notes->len; i++)
    {
      const ChamberNote *note = g_ptr_array_index (notes, i);
      Entry *old = find_entry (self, note->id, NULL);
      Entry *entry = g_new0 (Entry, 1);

      entry->note = chamber_note_copy (note);
      if (old != NULL && old->lines != NULL && old->note->page == note->page
          && g_str_equal (old->note->sha256, note->sha256))
        entry->lines = g_array_ref (old->lines);
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_entries);
  g_ptr_array_set_size (self->entries, 0);
  g_ptr_array_extend_and_steal (self->entries, g_steal_pointer (&entries));
  update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (self->path);
  data->password = g_strdup (self->password);
  data->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_note_free);
  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (data->notes, chamber_note_copy (g_ptr_array_index (notes, i)));

  task = g_task_new (NULL, self->cancellable, geometry_loaded_cb, request_new (self));
  g_task_set_source_tag (task, chamber_page_notes_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

/* Stores @note (new) and shows it with @lines. */
static void
add_note (ChamberPageNotes *self, ChamberNote *note, GArray *lines)
{
  g_autoptr (GError) error = NULL;
  Entry *entry;

  if (!chamber_notes_add (self->store, note, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The note could not be saved: %s"),
                                                  error->message);

      add_toast (self, message);
      return;
    }
  entry = g_new0 (Entry, 1);
  entry->note = chamber_note_copy (note);
  entry->lines = lines != NULL ? g_array_ref (lines) : NULL;
  g_ptr_array_add (self->entries, entry);
  g_ptr_array_sort (self->entries, compare_entries);
  notes_changed (self);
}

/* ---- popovers --------------------------------------------------------------------------- */

static void
popup_at (GtkPopover *popover, const graphene_rect_t *rect)
{
  GdkRectangle target = {
    (int) floor (rect->origin.x), (int) floor (rect->origin.y),
    MAX (1, (int) ceil (rect->size.width)), MAX (1, (int) ceil (rect->size.height))
  };

  gtk_popover_set_pointing_to (popover, &target);
  gtk_popover_popup (popover);
}

/* The bounds of @entry as drawn, in this widget's coordinates. */
static gboolean
entry_bounds (ChamberPageNotes *self, const Entry *entry, graphene_rect_t *out_bounds)
{
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  graphene_rect_t mark;
  gboolean has_mark, any = FALSE;

  if (!entry_shapes (self, entry, boxes, &mark, &has_mark))
    return FALSE;
  for (guint i = 0; i < boxes->len; i++)
    {
      const graphene_rect_t *box = &g_array_index (boxes, graphene_rect_t, i);

      if (any)
        graphene_rect_union (out_bounds, box, out_bounds);
      else
        *out_bounds = *box;
      any = TRUE;
    }
  if (has_mark)
    {
      if (any)
        graphene_rect_union (out_bounds, &mark, out_bounds);
      else
        *out_bounds = mark;
      any = TRUE;
    }
  return any;
}

/* Shows @note in the note popover, pointing at @rect. */
static void
show_popover (ChamberPageNotes *self, const ChamberNote *note, gboolean is_new,
              const graphene_rect_t *rect)
{
  gtk_popover_popdown (self->selection_popover);
  chamber_note_popover_set_note (self->note_popover, note, is_new);
  popup_at (GTK_POPOVER (self->note_popover), rect);
}

/* The last passage anchored by “Add Note…”, drawn once the note is saved. */
static GQuark
pending_lines_quark (void)
{
  return g_quark_from_static_string ("chamber-page-notes-pending-lines");
}

static void
note_saved_cb (ChamberPageNotes *self)
{
  g_autoptr (ChamberNote) note = NULL;
  g_autoptr (GError) error = NULL;
  Entry *entry;

  if (!is_active (self))
    return;
  note = chamber_note_copy (chamber_note_popover_get_note (self->note_popover));

  if (chamber_note_popover_get_is_new (self->note_popover))
    {
      GArray *lines = g_object_get_qdata (G_OBJECT (self->note_popover), pending_lines_quark ());

      add_note (self, note, lines);
      g_object_set_qdata (G_OBJECT (self->note_popover), pending_lines_quark (), NULL);
      return;
    }

  if (!chamber_notes_update (self->store, note, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The note could not be saved: %s"),
                                                  error->message);

      add_toast (self, message);
      return;
    }
  entry = find_entry (self, note->id, NULL);
  if (entry != NULL)
    {
      chamber_note_free (entry->note);
      entry->note = g_steal_pointer (&note);
    }
  notes_changed (self);
}

static void
note_delete_requested_cb (ChamberPageNotes *self)
{
  const ChamberNote *note = chamber_note_popover_get_note (self->note_popover);
  g_autoptr (GError) error = NULL;
  guint index;

  if (!is_active (self) || chamber_note_popover_get_is_new (self->note_popover))
    return;
  if (!chamber_notes_delete (self->store, self->person_id, note->id, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The note could not be deleted: %s"),
                                                  error->message);

      add_toast (self, message);
      return;
    }
  if (find_entry (self, note->id, &index) != NULL)
    g_ptr_array_remove_index (self->entries, index);
  notes_changed (self);
}

gboolean
chamber_page_notes_show_note (ChamberPageNotes *self, gint64 note_id)
{
  Entry *entry;
  graphene_rect_t bounds;

  g_return_val_if_fail (CHAMBER_IS_PAGE_NOTES (self), FALSE);

  entry = find_entry (self, note_id, NULL);
  if (entry == NULL || !entry_bounds (self, entry, &bounds))
    return FALSE;
  show_popover (self, entry->note, FALSE, &bounds);
  return TRUE;
}

/* ---- actions ---------------------------------------------------------------------------- */

typedef enum {
  ANCHOR_HIGHLIGHT,
  ANCHOR_NOTE,
  ANCHOR_BOOKMARK,
} AnchorPurpose;

typedef struct {
  Request      *request;
  AnchorPurpose purpose;
} AnchorRequest;

static void
anchored_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  AnchorRequest *anchor_request = user_data;
  ChamberPageNotes *self = anchor_request->request->self;
  g_autoptr (ChamberPageNotes) keep = g_object_ref (self);
  AnchorPurpose purpose = anchor_request->purpose;
  Anchored *anchored;
  g_autoptr (GError) error = NULL;
  gboolean current;

  anchored = g_task_propagate_pointer (G_TASK (result), &error);
  current = request_finish (anchor_request->request);
  g_free (anchor_request);
  if (!current || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !is_active (self))
    {
      g_clear_pointer (&anchored, anchored_free);
      return;
    }
  if (anchored == NULL)
    {
      if (g_error_matches (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_NO_TEXT))
        add_toast (self, _("The selection holds no text. Select words of the page to "
                           "highlight them or to write a note on them."));
      else
        {
          g_autofree char *message = g_strdup_printf (_("The note could not be made: %s"),
                                                      error->message);

          add_toast (self, message);
        }
      update_actions (self);
      return;
    }

  switch (purpose)
    {
    case ANCHOR_HIGHLIGHT:
    case ANCHOR_BOOKMARK:
      add_note (self, anchored->note, anchored->lines);
      if (purpose == ANCHOR_HIGHLIGHT)
        chamber_document_view_clear_selection (self->view);
      break;
    case ANCHOR_NOTE:
      {
        Entry shown = { anchored->note, anchored->lines };
        graphene_rect_t bounds;

        if (!entry_bounds (self, &shown, &bounds))
          bounds = GRAPHENE_RECT_INIT (gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                       gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, 1, 1);
        g_object_set_qdata_full (G_OBJECT (self->note_popover), pending_lines_quark (),
                                 anchored->lines != NULL ? g_array_ref (anchored->lines) : NULL,
                                 lines_free);
        show_popover (self, anchored->note, TRUE, &bounds);
        chamber_document_view_clear_selection (self->view);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  anchored_free (anchored);
}

static ChamberNote *
new_note (ChamberPageNotes *self, ChamberNoteKind kind)
{
  ChamberNote *note = chamber_note_new ();

  chamber_note_set_document (note, self->document);
  note->person_id = self->person_id;
  note->kind = kind;
  return note;
}

static void
anchor (ChamberPageNotes *self, AnchorPurpose purpose)
{
  g_autoptr (GTask) task = NULL;
  AnchorRequest *anchor_request;
  AnchorData *data;

  data = g_new0 (AnchorData, 1);
  data->path = g_strdup (self->path);
  data->password = g_strdup (self->password);
  if (purpose == ANCHOR_BOOKMARK)
    {
      data->note = new_note (self, CHAMBER_NOTE_BOOKMARK);
      data->whole_page = TRUE;
      data->page = chamber_document_view_get_page (self->view);
    }
  else
    {
      int start_page, end_page;
      double x1, y1, x2, y2;

      if (!chamber_document_view_get_selection (self->view, &start_page, &x1, &y1, &end_page,
                                                &x2, &y2))
        {
          anchor_data_free (data);
          return;
        }
      /* From the end that comes first in the document. */
      if (end_page < start_page)
        {
          data->page = end_page;
          data->x1 = x2;
          data->y1 = y2;
          data->end_page = start_page;
          data->x2 = x1;
          data->y2 = y1;
        }
      else
        {
          data->page = start_page;
          data->x1 = x1;
          data->y1 = y1;
          data->end_page = end_page;
          data->x2 = x2;
          data->y2 = y2;
        }
      data->note = new_note (self, purpose == ANCHOR_HIGHLIGHT ? CHAMBER_NOTE_HIGHLIGHT
                                                                 : CHAMBER_NOTE_NOTE);
    }

  gtk_popover_popdown (self->selection_popover);
  anchor_request = g_new0 (AnchorRequest, 1);
  anchor_request->request = request_new (self);
  anchor_request->purpose = purpose;
  task = g_task_new (NULL, self->cancellable, anchored_cb, anchor_request);
  g_task_set_source_tag (task, anchor);
  g_task_set_task_data (task, data, (GDestroyNotify) anchor_data_free);
  g_task_run_in_thread (task, anchor_thread);
}

static void
highlight_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ChamberPageNotes *self = user_data;

  if (is_active (self) && chamber_document_view_get_has_selection (self->view))
    anchor (self, ANCHOR_HIGHLIGHT);
}

static void
add_note_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ChamberPageNotes *self = user_data;

  if (is_active (self) && chamber_document_view_get_has_selection (self->view))
    anchor (self, ANCHOR_NOTE);
}

static void
toggle_bookmark_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ChamberPageNotes *self = user_data;
  int page;
  gboolean removed = FALSE;

  if (!is_active (self))
    return;
  page = chamber_document_view_get_page (self->view) + 1;

  for (guint i = self->entries->len; i > 0; i--)
    {
      const ChamberNote *note = ((Entry *) g_ptr_array_index (self->entries, i - 1))->note;
      g_autoptr (GError) error = NULL;

      if (note->kind != CHAMBER_NOTE_BOOKMARK || note->page != page
          || note->anchor == CHAMBER_NOTE_UNPLACED)
        continue;
      if (!chamber_notes_delete (self->store, self->person_id, note->id, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The bookmark could not be removed: %s"),
                                                      error->message);

          add_toast (self, message);
          return;
        }
      g_ptr_array_remove_index (self->entries, i - 1);
      removed = TRUE;
    }

  if (removed)
    notes_changed (self);
  else
    anchor (self, ANCHOR_BOOKMARK);
}

static void
export_activated_cb (GSimpleAction *action, GVariant *parameter, gpointer user_data)
{
  ChamberPageNotes *self = user_data;

  if (is_active (self))
    g_signal_emit (self, signals[EXPORT_REQUESTED], 0, self->document->id);
}

/* ---- the view beneath ------------------------------------------------------------------- */

/* The note drawn at (@x, @y) in this widget's coordinates, the marks first. */
static Entry *
entry_at (ChamberPageNotes *self, double x, double y)
{
  g_autoptr (GArray) boxes = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  graphene_point_t point = GRAPHENE_POINT_INIT (x, y);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = self->entries->len; i > 0; i--)
      {
        Entry *entry = g_ptr_array_index (self->entries, i - 1);
        graphene_rect_t mark;
        gboolean has_mark;

        g_array_set_size (boxes, 0);
        if (!entry_shapes (self, entry, boxes, &mark, &has_mark))
          continue;
        if (pass == 0 && has_mark && graphene_rect_contains_point (&mark, &point))
          return entry;
        if (pass == 1)
          for (guint j = 0; j < boxes->len; j++)
            if (graphene_rect_contains_point (&g_array_index (boxes, graphene_rect_t, j), &point))
              return entry;
      }
  return NULL;
}

static gboolean
view_point_to_layer (ChamberPageNotes *self, double x, double y, graphene_point_t *out_point)
{
  return gtk_widget_compute_point (GTK_WIDGET (self->view), GTK_WIDGET (self),
                                   &GRAPHENE_POINT_INIT (x, y), out_point);
}

static void
clicked_cb (ChamberPageNotes *self, int n_press, double x, double y, GtkGestureClick *gesture)
{
  graphene_point_t point;
  Entry *entry;
  graphene_rect_t bounds;

  if (n_press != 1 || !is_active (self) || !view_point_to_layer (self, x, y, &point))
    return;
  entry = entry_at (self, point.x, point.y);
  if (entry == NULL || !entry_bounds (self, entry, &bounds))
    return;
  show_popover (self, entry->note, FALSE, &bounds);
}

static void
menu_pressed_cb (ChamberPageNotes *self, int n_press, double x, double y, GtkGestureClick *gesture)
{
  graphene_point_t point;

  if (!is_active (self) || !view_point_to_layer (self, x, y, &point))
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  update_actions (self);
  gtk_popover_popdown (self->selection_popover);
  popup_at (self->context_menu, &GRAPHENE_RECT_INIT (point.x, point.y, 1, 1));
}

static gboolean
selection_settled_cb (gpointer user_data)
{
  ChamberPageNotes *self = user_data;
  graphene_point_t point;

  self->settle_source = 0;
  if (!is_active (self) || !chamber_document_view_get_has_selection (self->view)
      || !view_point_to_layer (self, self->release_point.x, self->release_point.y, &point))
    return G_SOURCE_REMOVE;
  update_actions (self);
  popup_at (self->selection_popover, &GRAPHENE_RECT_INIT (point.x, point.y + 4, 1, 1));
  return G_SOURCE_REMOVE;
}

static gboolean
view_event_cb (ChamberPageNotes *self, GdkEvent *event, GtkEventControllerLegacy *controller)
{
  GtkNative *native;
  double x, y, native_x, native_y;
  graphene_point_t point;

  /* The primary button released: a selection may have just been made. The view handles the
   * event as it would without us; once it did, the popover is offered. */
  if (gdk_event_get_event_type (event) != GDK_BUTTON_RELEASE
      || gdk_button_event_get_button (event) != GDK_BUTTON_PRIMARY || !is_active (self))
    return GDK_EVENT_PROPAGATE;
  native = gtk_widget_get_native (GTK_WIDGET (self->view));
  if (native == NULL || !gdk_event_get_position (event, &x, &y))
    return GDK_EVENT_PROPAGATE;
  gtk_native_get_surface_transform (native, &native_x, &native_y);
  if (!gtk_widget_compute_point (GTK_WIDGET (native), GTK_WIDGET (self->view),
                                 &GRAPHENE_POINT_INIT (x - native_x, y - native_y), &point))
    return GDK_EVENT_PROPAGATE;
  self->release_point = point;
  g_clear_handle_id (&self->settle_source, g_source_remove);
  self->settle_source = g_idle_add (selection_settled_cb, self);
  return GDK_EVENT_PROPAGATE;
}

static void
view_selection_changed_cb (ChamberPageNotes *self)
{
  if (!chamber_document_view_get_has_selection (self->view))
    gtk_popover_popdown (self->selection_popover);
  update_actions (self);
}

static void
view_page_changed_cb (ChamberPageNotes *self)
{
  update_actions (self);
}

static void
view_moved_cb (ChamberPageNotes *self)
{
  /* What pointed at the text no longer does. */
  gtk_popover_popdown (self->selection_popover);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
watch_adjustment (ChamberPageNotes *self, GtkAdjustment *adjustment)
{
  if (adjustment == NULL)
    return;
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (view_moved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
}

static void
view_adjustments_changed_cb (ChamberPageNotes *self)
{
  watch_adjustment (self, gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view)));
  watch_adjustment (self, gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view)));
}

static void
detach_view (ChamberPageNotes *self)
{
  GtkAdjustment *adjustment;

  if (self->view == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->view, self);
  if ((adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->view))) != NULL)
    g_signal_handlers_disconnect_by_data (adjustment, self);
  if ((adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->view))) != NULL)
    g_signal_handlers_disconnect_by_data (adjustment, self);
  gtk_widget_remove_controller (GTK_WIDGET (self->view), self->release_controller);
  gtk_widget_remove_controller (GTK_WIDGET (self->view),
                                GTK_EVENT_CONTROLLER (self->click_gesture));
  gtk_widget_remove_controller (GTK_WIDGET (self->view),
                                GTK_EVENT_CONTROLLER (self->menu_gesture));
  g_clear_object (&self->release_controller);
  g_clear_object (&self->click_gesture);
  g_clear_object (&self->menu_gesture);
  g_clear_object (&self->view);
}

void
chamber_page_notes_set_document_view (ChamberPageNotes *self, ChamberDocumentView *view)
{
  g_return_if_fail (CHAMBER_IS_PAGE_NOTES (self));
  g_return_if_fail (view == NULL || CHAMBER_IS_DOCUMENT_VIEW (view));

  if (self->view == view)
    return;
  detach_view (self);
  if (view == NULL)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_VIEW]);
      return;
    }

  self->view = g_object_ref (view);
  g_signal_connect_object (view, "notify::has-selection", G_CALLBACK (view_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::page", G_CALLBACK (view_page_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::zoom", G_CALLBACK (view_moved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::rotation", G_CALLBACK (view_moved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::continuous", G_CALLBACK (view_moved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::hadjustment",
                           G_CALLBACK (view_adjustments_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "notify::vadjustment",
                           G_CALLBACK (view_adjustments_changed_cb), self, G_CONNECT_SWAPPED);
  view_adjustments_changed_cb (self);

  /* In the capture phase, before the view's own gestures see the release. */
  self->release_controller = g_object_ref (gtk_event_controller_legacy_new ());
  gtk_event_controller_set_propagation_phase (self->release_controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->release_controller, "event", G_CALLBACK (view_event_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), self->release_controller);

  /* A click (not a drag: the view claims those) on a note opens it. */
  self->click_gesture = g_object_ref (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->click_gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (self->click_gesture, "released", G_CALLBACK (clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (self->click_gesture));

  self->menu_gesture = g_object_ref (gtk_gesture_click_new ());
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->menu_gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (self->menu_gesture, "pressed", G_CALLBACK (menu_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (self->menu_gesture));

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT_VIEW]);
}

/* ---- public ----------------------------------------------------------------------------- */

/* Drops what was shown and what was asked of the worker, and shows the notes anew. */
static void
restart (ChamberPageNotes *self)
{
  gboolean active = is_active (self);

  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_handle_id (&self->settle_source, g_source_remove);
  gtk_popover_popdown (self->selection_popover);
  gtk_popover_popdown (self->context_menu);
  gtk_popover_popdown (GTK_POPOVER (self->note_popover));
  g_ptr_array_set_size (self->entries, 0);
  g_clear_pointer (&self->page_sizes, g_array_unref);

  if (active != self->active)
    {
      self->active = active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }
  chamber_page_notes_reload (self);
}

void
chamber_page_notes_set_document (ChamberPageNotes      *self,
                                 ChamberStore          *store,
                                 gint64                 person_id,
                                 const ChamberDocument *document,
                                 const char            *path)
{
  g_return_if_fail (CHAMBER_IS_PAGE_NOTES (self));
  g_return_if_fail (store == NULL || CHAMBER_IS_STORE (store));
  g_return_if_fail (document == NULL || path != NULL);

  g_set_object (&self->store, store);
  self->person_id = person_id;
  g_clear_pointer (&self->document, chamber_document_free);
  self->document = chamber_document_copy (document);
  g_free (self->path);
  self->path = document != NULL ? g_strdup (path) : NULL;
  restart (self);
}

void
chamber_page_notes_set_open_file (ChamberPageNotes *self,
                                  const char       *path,
                                  const char       *password)
{
  g_return_if_fail (CHAMBER_IS_PAGE_NOTES (self));

  if (g_strcmp0 (self->open_path, path) == 0 && g_strcmp0 (self->password, password) == 0)
    return;
  g_free (self->open_path);
  self->open_path = g_strdup (path);
  g_free (self->password);
  self->password = g_strdup (password);
  restart (self);
}

gboolean
chamber_page_notes_get_active (ChamberPageNotes *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_NOTES (self), FALSE);
  return self->active;
}

const ChamberDocument *
chamber_page_notes_get_document (ChamberPageNotes *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_NOTES (self), NULL);
  return self->document;
}

GActionGroup *
chamber_page_notes_get_actions (ChamberPageNotes *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_NOTES (self), NULL);
  return G_ACTION_GROUP (self->actions);
}

guint
chamber_page_notes_get_n_notes (ChamberPageNotes *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_NOTES (self), 0);
  return self->entries->len;
}

const ChamberNote *
chamber_page_notes_get_note (ChamberPageNotes *self, guint index)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_NOTES (self), NULL);
  if (index >= self->entries->len)
    return NULL;
  return ((Entry *) g_ptr_array_index (self->entries, index))->note;
}

gboolean
chamber_page_notes_get_busy (ChamberPageNotes *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_NOTES (self), FALSE);
  return self->busy > 0;
}

gboolean
chamber_page_notes_get_note_bounds (ChamberPageNotes *self,
                                    gint64            note_id,
                                    graphene_rect_t  *out_bounds)
{
  Entry *entry;

  g_return_val_if_fail (CHAMBER_IS_PAGE_NOTES (self), FALSE);
  g_return_val_if_fail (out_bounds != NULL, FALSE);

  entry = find_entry (self, note_id, NULL);
  return entry != NULL && is_active (self) && entry_bounds (self, entry, out_bounds);
}

gboolean
chamber_page_notes_is_bookmarked (ChamberPageNotes *self, int page)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_NOTES (self), FALSE);
  return page_bookmarked (self, page);
}

ChamberNotePopover *
chamber_page_notes_get_note_popover (ChamberPageNotes *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_NOTES (self), NULL);
  return self->note_popover;
}

GtkPopover *
chamber_page_notes_get_selection_popover (ChamberPageNotes *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_NOTES (self), NULL);
  return self->selection_popover;
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
chamber_page_notes_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  ChamberPageNotes *self = CHAMBER_PAGE_NOTES (widget);

  gtk_popover_present (self->selection_popover);
  gtk_popover_present (self->context_menu);
  gtk_popover_present (GTK_POPOVER (self->note_popover));
}

static void
chamber_page_notes_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ChamberPageNotes *self = CHAMBER_PAGE_NOTES (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_VIEW:
      g_value_set_object (value, self->view);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_page_notes_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  ChamberPageNotes *self = CHAMBER_PAGE_NOTES (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT_VIEW:
      chamber_page_notes_set_document_view (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_page_notes_dispose (GObject *object)
{
  ChamberPageNotes *self = CHAMBER_PAGE_NOTES (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->settle_source, g_source_remove);
  detach_view (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_PAGE_NOTES);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (chamber_page_notes_parent_class)->dispose (object);
}

static void
chamber_page_notes_finalize (GObject *object)
{
  ChamberPageNotes *self = CHAMBER_PAGE_NOTES (object);

  g_clear_object (&self->actions);
  g_clear_pointer (&self->document, chamber_document_free);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->page_sizes, g_array_unref);
  g_free (self->path);
  g_free (self->open_path);
  g_free (self->password);

  G_OBJECT_CLASS (chamber_page_notes_parent_class)->finalize (object);
}

static void
chamber_page_notes_class_init (ChamberPageNotesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_page_notes_dispose;
  object_class->finalize = chamber_page_notes_finalize;
  object_class->get_property = chamber_page_notes_get_property;
  object_class->set_property = chamber_page_notes_set_property;
  widget_class->snapshot = chamber_page_notes_snapshot;
  widget_class->size_allocate = chamber_page_notes_size_allocate;

  properties[PROP_DOCUMENT_VIEW] =
    g_param_spec_object ("document-view", NULL, NULL, CHAMBER_TYPE_DOCUMENT_VIEW,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[NOTES_CHANGED] =
    g_signal_new ("notes-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  signals[EXPORT_REQUESTED] =
    g_signal_new ("export-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (CHAMBER_TYPE_NOTE_POPOVER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-page-notes.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberPageNotes, selection_popover);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageNotes, context_menu);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageNotes, note_popover);
  gtk_widget_class_bind_template_callback (widget_class, note_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_delete_requested_cb);

  gtk_widget_class_set_css_name (widget_class, "chamber-page-notes");
}

static void
chamber_page_notes_init (ChamberPageNotes *self)
{
  static const GActionEntry entries[] = {
    { "highlight", highlight_activated_cb },
    { "add-note", add_note_activated_cb },
    { "toggle-bookmark", toggle_bookmark_activated_cb, NULL, "false" },
    { "export", export_activated_cb },
  };
  GtkEventController *shortcuts;
  GtkShortcutController *controller;
  GtkShortcutTrigger *ctrl_d;

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "notes", G_ACTION_GROUP (self->actions));

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+D wherever the focus is in the window, while a document is shown. */
  shortcuts = gtk_shortcut_controller_new ();
  controller = GTK_SHORTCUT_CONTROLLER (shortcuts);
  gtk_shortcut_controller_set_scope (controller, GTK_SHORTCUT_SCOPE_GLOBAL);
  ctrl_d = gtk_keyval_trigger_new (GDK_KEY_d, GDK_CONTROL_MASK);
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (ctrl_d,
                                                          gtk_named_action_new ("notes.toggle-bookmark")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_actions (self);
}
