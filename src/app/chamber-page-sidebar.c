/* chamber-page-sidebar.c — page thumbnails and the outline (see chamber-page-sidebar.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-outline-item.h"
#include "chamber-page-cache.h"
#include "chamber-page-canvas.h"
#include "chamber-page-sidebar.h"
#include "chamber-preview.h"
#include "chamber-preview-loader.h"
#include "chamber-texture.h"

#define THUMBNAIL_WIDTH  120                  /* logical pixels */
#define THUMBNAIL_BUDGET (16 * 1024 * 1024)  /* bytes of thumbnails kept for scrolling back */

/* A thumbnail row on screen: the page it shows and its rendering job. */
typedef struct {
  ChamberPageSidebar *self;
  int                 page;
  ChamberPageCanvas  *canvas;
  ChamberRenderJob   *job;
} Thumbnail;

struct _ChamberPageSidebar
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkStackPage        *outline_page;
  GtkListView         *thumbnail_list;
  GtkListView         *outline_list;

  ChamberRenderWorker *worker;
  ChamberPageCache    *cache;
  ChamberPreviewLoader *previews;   /* the sync-time thumbnails, or NULL */
  GCancellable        *outline_cancellable;
  GtkStringList       *labels;
  GtkSingleSelection  *thumbnail_selection;
  GHashTable          *thumbnails;  /* page → Thumbnail of a bound row */
  int                  page;
  int                  rotation;
  gboolean             inverted;
};

enum {
  PAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberPageSidebar, chamber_page_sidebar, GTK_TYPE_WIDGET)

GtkWidget *
chamber_page_sidebar_new (void)
{
  return g_object_new (CHAMBER_TYPE_PAGE_SIDEBAR, NULL);
}

/* ---- thumbnails -------------------------------------------------------------------------- */

static void
cancel_thumbnail (Thumbnail *thumbnail)
{
  if (thumbnail->job == NULL)
    return;
  g_signal_handlers_disconnect_by_data (thumbnail->job, thumbnail);
  chamber_render_job_cancel (thumbnail->job);
  g_clear_object (&thumbnail->job);
}

static void
thumbnail_free (Thumbnail *thumbnail)
{
  cancel_thumbnail (thumbnail);
  g_free (thumbnail);
}

static void
thumbnail_rendered_cb (ChamberRenderJob *job, Thumbnail *thumbnail)
{
  cairo_surface_t *surface = chamber_render_job_get_surface (job);
  g_autoptr (GdkTexture) texture = NULL;

  g_signal_handlers_disconnect_by_data (job, thumbnail);
  g_clear_object (&thumbnail->job);
  if (surface == NULL)
    return;
  chamber_page_cache_insert (thumbnail->self->cache, chamber_render_job_get_page (job),
                             chamber_render_job_get_scale (job),
                             chamber_render_job_get_rotation (job), surface);
  texture = chamber_texture_new_for_surface (cairo_surface_reference (surface));
  chamber_page_canvas_set_texture (thumbnail->canvas, texture);
}

/* Sizes the thumbnail's canvas to its page and shows its rendering, from the cache or once
 * the worker made it. */
static void
load_thumbnail (ChamberPageSidebar *self, Thumbnail *thumbnail)
{
  double width = 595, height = 842, swap, zoom, scale;
  cairo_surface_t *surface;

  cancel_thumbnail (thumbnail);
  chamber_page_canvas_set_texture (thumbnail->canvas, NULL);
  chamber_page_canvas_set_inverted (thumbnail->canvas, self->inverted);
  if (self->worker == NULL)
    return;
  chamber_render_worker_get_page_size (self->worker, thumbnail->page, &width, &height);
  if (self->rotation == 90 || self->rotation == 270)
    {
      swap = width;
      width = height;
      height = swap;
    }
  zoom = THUMBNAIL_WIDTH / width;
  scale = zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  chamber_page_canvas_set_page_size (thumbnail->canvas, THUMBNAIL_WIDTH,
                                     (int) (height * zoom + 0.5));

  surface = chamber_page_cache_lookup (self->cache, thumbnail->page, scale, self->rotation);
  if (surface != NULL)
    {
      g_autoptr (GdkTexture) texture = chamber_texture_new_for_surface (surface);

      chamber_page_canvas_set_texture (thumbnail->canvas, texture);
      return;
    }
  /* The sync-time thumbnail shows until the sharp one arrives. */
  if (self->previews != NULL && self->rotation == 0)
    chamber_page_canvas_set_texture (thumbnail->canvas,
                                     chamber_preview_loader_get_thumbnail (self->previews,
                                                                           thumbnail->page));
  thumbnail->job = chamber_render_job_new (thumbnail->page, scale, self->rotation,
                                           CHAMBER_RENDER_PRIORITY_THUMBNAIL);
  g_signal_connect (thumbnail->job, "finished", G_CALLBACK (thumbnail_rendered_cb), thumbnail);
  chamber_render_worker_queue (self->worker, thumbnail->job);
}

static void
thumbnail_setup_cb (ChamberPageSidebar *self, GtkListItem *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *canvas = chamber_page_canvas_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_halign (canvas, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), canvas);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
thumbnail_bind_cb (ChamberPageSidebar *self, GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *canvas = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (canvas);
  GtkStringObject *string = gtk_list_item_get_item (item);
  Thumbnail *thumbnail = g_new0 (Thumbnail, 1);

  thumbnail->self = self;
  thumbnail->page = (int) gtk_list_item_get_position (item);
  thumbnail->canvas = CHAMBER_PAGE_CANVAS (canvas);
  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  g_object_set_data (G_OBJECT (item), "thumbnail", thumbnail);
  g_hash_table_replace (self->thumbnails, GINT_TO_POINTER (thumbnail->page), thumbnail);
  load_thumbnail (self, thumbnail);
}

static void
thumbnail_unbind_cb (ChamberPageSidebar *self, GtkListItem *item)
{
  Thumbnail *thumbnail = g_object_steal_data (G_OBJECT (item), "thumbnail");

  if (thumbnail == NULL)
    return;
  /* The rendering goes with the row: only rows on screen keep one. */
  chamber_page_canvas_set_texture (thumbnail->canvas, NULL);
  if (g_hash_table_lookup (self->thumbnails, GINT_TO_POINTER (thumbnail->page)) == thumbnail)
    g_hash_table_remove (self->thumbnails, GINT_TO_POINTER (thumbnail->page));
  thumbnail_free (thumbnail);
}

static void
thumbnail_activated_cb (ChamberPageSidebar *self, guint position)
{
  g_signal_emit (self, signals[PAGE_ACTIVATED], 0, (int) position, -1.0);
}

/* ---- outline ----------------------------------------------------------------------------- */

static GListModel *
create_outline_children (gpointer item, gpointer user_data)
{
  GListModel *children = chamber_outline_item_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

static void
outline_setup_cb (ChamberPageSidebar *self, GtkListItem *item)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *page = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (page, "dim-label");
  gtk_widget_add_css_class (page, "numeric");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), page);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
outline_bind_cb (ChamberPageSidebar *self, GtkListItem *item)
{
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  ChamberOutlineItem *entry = gtk_tree_list_row_get_item (row);
  GtkWidget *box = gtk_tree_expander_get_child (expander);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *page = gtk_widget_get_next_sibling (title);
  int target = chamber_outline_item_get_page (entry);

  gtk_tree_expander_set_list_row (expander, row);
  gtk_label_set_text (GTK_LABEL (title), chamber_outline_item_get_title (entry));
  gtk_widget_set_tooltip_text (title, chamber_outline_item_get_title (entry));
  gtk_label_set_text (GTK_LABEL (page),
                      target >= 0 && self->worker != NULL
                        ? chamber_render_worker_get_page_label (self->worker, target)
                        : "");
  g_object_unref (entry);
}

static void
outline_activated_cb (ChamberPageSidebar *self, guint position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (self->outline_list));
  g_autoptr (GtkTreeListRow) row = g_list_model_get_item (model, position);
  g_autoptr (ChamberOutlineItem) entry = NULL;

  if (row == NULL)
    return;
  entry = gtk_tree_list_row_get_item (row);
  if (chamber_outline_item_get_page (entry) >= 0)
    g_signal_emit (self, signals[PAGE_ACTIVATED], 0, chamber_outline_item_get_page (entry),
                   chamber_outline_item_get_top (entry));
}

/* ---- public ------------------------------------------------------------------------------ */

static void
clear_previews (ChamberPageSidebar *self)
{
  if (self->previews != NULL)
    g_signal_handlers_disconnect_by_data (self->previews, self);
  g_clear_object (&self->previews);
}

static void
reload_thumbnails (ChamberPageSidebar *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->thumbnails);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    load_thumbnail (self, value);
}

/* The flat outline (entries with their depth) as a tree of ChamberOutlineItem. */
static GListStore *
build_outline (GArray *entries)
{
  GListStore *root = g_list_store_new (CHAMBER_TYPE_OUTLINE_ITEM);
  g_autoptr (GPtrArray) parents = g_ptr_array_new ();  /* the last item at each depth */

  for (guint i = 0; i < entries->len; i++)
    {
      ChamberPdfOutlineEntry *entry = &g_array_index (entries, ChamberPdfOutlineEntry, i);
      g_autoptr (ChamberOutlineItem) item = chamber_outline_item_new (entry->title, entry->page,
                                                                      entry->top);
      guint depth = MIN ((guint) MAX (entry->depth, 0), parents->len);

      if (depth == 0)
        g_list_store_append (root, item);
      else
        chamber_outline_item_append (g_ptr_array_index (parents, depth - 1), item);
      g_ptr_array_set_size (parents, depth);
      g_ptr_array_add (parents, item);
    }
  return root;
}

static void
outline_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberPageSidebar) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) entries = NULL;
  g_autoptr (GListStore) outline = NULL;
  GtkTreeListModel *tree;

  entries = chamber_render_worker_get_outline_finish (CHAMBER_RENDER_WORKER (source), result,
                                                      &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->outline_cancellable);
  /* An outline that cannot be read is not shown, like none. */
  if (entries == NULL || entries->len == 0)
    return;

  outline = build_outline (entries);
  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&outline)), FALSE, FALSE,
                                  create_outline_children, NULL, NULL);
  gtk_list_view_set_model (self->outline_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (tree))));
  gtk_stack_page_set_visible (self->outline_page, TRUE);
}

void
chamber_page_sidebar_set_worker (ChamberPageSidebar *self, ChamberRenderWorker *worker)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);

  g_return_if_fail (CHAMBER_IS_PAGE_SIDEBAR (self));
  g_return_if_fail (worker == NULL || CHAMBER_IS_RENDER_WORKER (worker));

  /* The rows unbind (cancelling their jobs) while the old worker is still here. */
  gtk_single_selection_set_model (self->thumbnail_selection, NULL);
  gtk_list_view_set_model (self->outline_list, NULL);
  if (self->outline_cancellable != NULL)
    g_cancellable_cancel (self->outline_cancellable);
  g_clear_object (&self->outline_cancellable);
  chamber_page_cache_clear (self->cache);
  clear_previews (self);
  g_set_object (&self->worker, worker);
  self->page = 0;
  gtk_stack_set_visible_child_name (self->stack, "thumbnails");
  gtk_stack_page_set_visible (self->outline_page, FALSE);

  if (worker != NULL)
    {
      for (int i = 0; i < chamber_render_worker_get_n_pages (worker); i++)
        gtk_string_list_append (labels, chamber_render_worker_get_page_label (worker, i));
      self->outline_cancellable = g_cancellable_new ();
      chamber_render_worker_get_outline_async (worker, CHAMBER_RENDER_PRIORITY_NEIGHBOUR,
                                               self->outline_cancellable, outline_loaded_cb,
                                               g_object_ref (self));
    }
  g_set_object (&self->labels, labels);
  gtk_single_selection_set_model (self->thumbnail_selection, G_LIST_MODEL (labels));
  gtk_single_selection_set_selected (self->thumbnail_selection, 0);
}

static void
preview_loaded_cb (ChamberPageSidebar *self, int page, gboolean thumbnail)
{
  Thumbnail *row = g_hash_table_lookup (self->thumbnails, GINT_TO_POINTER (page));

  /* Only a row still waiting for its rendering takes the stand-in. */
  if (!thumbnail || row == NULL || row->job == NULL || self->rotation != 0)
    return;
  chamber_page_canvas_set_texture (row->canvas,
                                   chamber_preview_loader_get_thumbnail (self->previews, page));
}

void
chamber_page_sidebar_set_previews (ChamberPageSidebar *self, ChamberPreviewLoader *previews)
{
  g_return_if_fail (CHAMBER_IS_PAGE_SIDEBAR (self));
  g_return_if_fail (previews == NULL || CHAMBER_IS_PREVIEW_LOADER (previews));

  clear_previews (self);
  if (previews == NULL)
    return;
  self->previews = g_object_ref (previews);
  g_signal_connect_object (previews, "loaded", G_CALLBACK (preview_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  for (int page = 0; page < CHAMBER_PREVIEW_THUMBS; page++)
    if (chamber_preview_loader_get_thumbnail (previews, page) != NULL)
      preview_loaded_cb (self, page, TRUE);
}

void
chamber_page_sidebar_set_page (ChamberPageSidebar *self, int page)
{
  g_return_if_fail (CHAMBER_IS_PAGE_SIDEBAR (self));

  if (self->labels == NULL || page < 0
      || page >= (int) g_list_model_get_n_items (G_LIST_MODEL (self->labels)))
    return;
  self->page = page;
  gtk_single_selection_set_selected (self->thumbnail_selection, page);
  if (gtk_widget_get_mapped (GTK_WIDGET (self->thumbnail_list)))
    gtk_widget_activate_action (GTK_WIDGET (self->thumbnail_list), "list.scroll-to-item", "u",
                                (guint) page);
}

void
chamber_page_sidebar_set_rotation (ChamberPageSidebar *self, int rotation)
{
  g_return_if_fail (CHAMBER_IS_PAGE_SIDEBAR (self));

  if (self->rotation == rotation)
    return;
  self->rotation = rotation;
  reload_thumbnails (self);
}

void
chamber_page_sidebar_set_inverted (ChamberPageSidebar *self, gboolean inverted)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (CHAMBER_IS_PAGE_SIDEBAR (self));

  self->inverted = !!inverted;
  g_hash_table_iter_init (&iter, self->thumbnails);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    chamber_page_canvas_set_inverted (((Thumbnail *) value)->canvas, self->inverted);
}

GtkListView *
chamber_page_sidebar_get_thumbnail_list (ChamberPageSidebar *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_SIDEBAR (self), NULL);
  return self->thumbnail_list;
}

GtkListView *
chamber_page_sidebar_get_outline_list (ChamberPageSidebar *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_SIDEBAR (self), NULL);
  return self->outline_list;
}

gboolean
chamber_page_sidebar_get_has_outline (ChamberPageSidebar *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_SIDEBAR (self), FALSE);
  return gtk_stack_page_get_visible (self->outline_page);
}

void
chamber_page_sidebar_show_outline (ChamberPageSidebar *self)
{
  g_return_if_fail (CHAMBER_IS_PAGE_SIDEBAR (self));

  if (gtk_stack_page_get_visible (self->outline_page))
    gtk_stack_set_visible_child_name (self->stack, "outline");
}

GdkTexture *
chamber_page_sidebar_get_thumbnail (ChamberPageSidebar *self, int page)
{
  Thumbnail *thumbnail;

  g_return_val_if_fail (CHAMBER_IS_PAGE_SIDEBAR (self), NULL);

  thumbnail = g_hash_table_lookup (self->thumbnails, GINT_TO_POINTER (page));
  return thumbnail != NULL ? chamber_page_canvas_get_texture (thumbnail->canvas) : NULL;
}

/* A list that was hidden shows the current page once it is on screen. */
static void
thumbnail_list_mapped_cb (ChamberPageSidebar *self)
{
  if (self->labels != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->labels)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->thumbnail_list), "list.scroll-to-item", "u",
                                (guint) self->page);
}

static void
scale_factor_changed_cb (ChamberPageSidebar *self)
{
  reload_thumbnails (self);
}

static void
chamber_page_sidebar_dispose (GObject *object)
{
  ChamberPageSidebar *self = CHAMBER_PAGE_SIDEBAR (object);
  GtkWidget *child;

  if (self->thumbnail_selection != NULL)
    gtk_single_selection_set_model (self->thumbnail_selection, NULL);
  if (self->outline_list != NULL)
    gtk_list_view_set_model (self->outline_list, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_PAGE_SIDEBAR);
  /* The template's top box is not bound to a member: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->outline_cancellable != NULL)
    g_cancellable_cancel (self->outline_cancellable);
  g_clear_object (&self->outline_cancellable);
  clear_previews (self);
  g_clear_object (&self->thumbnail_selection);
  g_clear_object (&self->labels);
  g_clear_object (&self->worker);
  g_clear_object (&self->cache);

  G_OBJECT_CLASS (chamber_page_sidebar_parent_class)->dispose (object);
}

static void
chamber_page_sidebar_finalize (GObject *object)
{
  ChamberPageSidebar *self = CHAMBER_PAGE_SIDEBAR (object);

  g_clear_pointer (&self->thumbnails, g_hash_table_unref);

  G_OBJECT_CLASS (chamber_page_sidebar_parent_class)->finalize (object);
}

static void
chamber_page_sidebar_class_init (ChamberPageSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_page_sidebar_dispose;
  object_class->finalize = chamber_page_sidebar_finalize;

  /* The page from 0, and a place on it in points from its top (or -1). */
  signals[PAGE_ACTIVATED] =
    g_signal_new ("page-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_DOUBLE);

  g_type_ensure (CHAMBER_TYPE_PAGE_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-page-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberPageSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageSidebar, outline_page);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageSidebar, thumbnail_list);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageSidebar, outline_list);
  gtk_widget_class_bind_template_callback (widget_class, thumbnail_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, outline_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chamber-page-sidebar");
}

static void
chamber_page_sidebar_init (ChamberPageSidebar *self)
{
  GtkListItemFactory *factory;

  /* The rows own their Thumbnail; this only finds them. */
  self->thumbnails = g_hash_table_new (NULL, NULL);
  self->cache = chamber_page_cache_new (THUMBNAIL_BUDGET);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->thumbnail_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->thumbnail_selection, FALSE);
  gtk_list_view_set_model (self->thumbnail_list,
                           GTK_SELECTION_MODEL (g_object_ref (self->thumbnail_selection)));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_swapped (factory, "setup", G_CALLBACK (thumbnail_setup_cb), self);
  g_signal_connect_swapped (factory, "bind", G_CALLBACK (thumbnail_bind_cb), self);
  g_signal_connect_swapped (factory, "unbind", G_CALLBACK (thumbnail_unbind_cb), self);
  gtk_list_view_set_factory (self->thumbnail_list, factory);
  g_object_unref (factory);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_swapped (factory, "setup", G_CALLBACK (outline_setup_cb), self);
  g_signal_connect_swapped (factory, "bind", G_CALLBACK (outline_bind_cb), self);
  gtk_list_view_set_factory (self->outline_list, factory);
  g_object_unref (factory);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);
  g_signal_connect_object (self->thumbnail_list, "map", G_CALLBACK (thumbnail_list_mapped_cb),
                           self, G_CONNECT_SWAPPED);
}
