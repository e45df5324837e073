/* chamber-page-view.c — the document viewer (see chamber-page-view.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "chamber-page-canvas.h"
#include "chamber-page-renderer.h"
#include "chamber-page-view.h"
#include "chamber-pdf.h"

#define PAGE_MARGIN      12     /* around the page, as in the template */
#define ZOOM_STEP        1.2
#define ZOOM_MIN         0.2    /* logical pixels per point */
#define ZOOM_MAX         6.0
#define PREFETCH_RADIUS  1      /* pages rendered ahead on each side */
#define CACHE_RADIUS     2      /* pages kept on each side */
#define RESIZE_DELAY_MS  150

struct _ChamberPageView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkLabel            *title_label;
  GtkLabel            *page_label;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkPasswordEntry    *password_entry;
  GtkLabel            *password_error;
  GtkScrolledWindow   *scroller;
  ChamberPageCanvas   *canvas;

  ChamberPageRenderer *renderer;
  char                *path;
  char                *password;
  char                *error_message;
  int                  n_pages;
  int                  page;          /* 0-based */

  gboolean             fit_width;
  double               zoom;          /* logical pixels per point */
  double               scale;         /* device pixels per point of the current generation */
  guint                generation;    /* bumped when the scale or the document changes */
  GHashTable          *cache;         /* page → GdkTexture at the current generation */
  GHashTable          *pending;       /* pages asked for at the current generation */
  int                  canvas_page;   /* the page whose texture the canvas shows, or -1 */
  gboolean             canvas_current;/* and that texture is of the current generation */
  guint                resize_source;
};

G_DEFINE_FINAL_TYPE (ChamberPageView, chamber_page_view, GTK_TYPE_WIDGET)

static void update_view (ChamberPageView *self, gboolean page_changed);

GtkWidget *
chamber_page_view_new (void)
{
  return g_object_new (CHAMBER_TYPE_PAGE_VIEW, NULL);
}

static void
update_controls (ChamberPageView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_pages = self->n_pages > 0;

  if (has_pages)
    {
      /* TRANSLATORS: the page shown and the number of pages, like “Page 2 of 12” */
      g_autofree char *label = g_strdup_printf (_("Page %d of %d"), self->page + 1,
                                                self->n_pages);
      gtk_label_set_text (self->page_label, label);
    }
  else
    gtk_label_set_text (self->page_label, "");

  gtk_widget_action_set_enabled (widget, "viewer.previous-page", has_pages && self->page > 0);
  gtk_widget_action_set_enabled (widget, "viewer.first-page", has_pages && self->page > 0);
  gtk_widget_action_set_enabled (widget, "viewer.next-page",
                                 has_pages && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (widget, "viewer.last-page",
                                 has_pages && self->page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-in", has_pages && self->zoom < ZOOM_MAX);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-out", has_pages && self->zoom > ZOOM_MIN);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-fit", has_pages && !self->fit_width);
  gtk_widget_action_set_enabled (widget, "viewer.unlock", self->path != NULL);
}

static void
show_error (ChamberPageView *self, const char *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* The width a fitted page may take, or 0 before the view has a size. */
static double
available_width (ChamberPageView *self)
{
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (self->scroller);
  double width = 0;

  if (gtk_widget_get_mapped (GTK_WIDGET (self->scroller)))
    width = gtk_adjustment_get_page_size (hadj);
  /* While the page area is not shown yet, the view's own width is the best guess. */
  if (width < 1)
    width = gtk_widget_get_width (GTK_WIDGET (self));
  if (width < 1)
    return 0;
  return MAX (width - 2 * PAGE_MARGIN, 100);
}

/* The zoom to render at, or 0 when it depends on a width not known yet. */
static double
wanted_zoom (ChamberPageView *self)
{
  double width_pt = 595.0;
  double available;

  if (!self->fit_width)
    return self->zoom;
  available = available_width (self);
  if (available <= 0)
    return 0;
  chamber_page_renderer_get_page_size (self->renderer, self->page, &width_pt, NULL);
  return CLAMP (available / MAX (width_pt, 1.0), ZOOM_MIN, ZOOM_MAX);
}

static void
request_page (ChamberPageView *self, int page, int priority)
{
  if (page < 0 || page >= self->n_pages)
    return;
  if (g_hash_table_contains (self->cache, GINT_TO_POINTER (page))
      || g_hash_table_contains (self->pending, GINT_TO_POINTER (page)))
    return;
  g_hash_table_add (self->pending, GINT_TO_POINTER (page));
  chamber_page_renderer_render (self->renderer, page, self->scale, priority, self->generation);
}

static void
trim_cache (ChamberPageView *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (ABS (GPOINTER_TO_INT (key) - self->page) > CACHE_RADIUS)
      g_hash_table_iter_remove (&iter);
}

static void
update_view (ChamberPageView *self, gboolean page_changed)
{
  double zoom, scale, width_pt = 595.0, height_pt = 842.0;
  GdkTexture *texture;

  if (self->renderer == NULL || self->n_pages == 0)
    {
      update_controls (self);
      return;
    }

  if (page_changed)
    {
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
      gtk_stack_set_visible_child_name (self->stack, "page");
      g_clear_pointer (&self->error_message, g_free);
    }

  zoom = wanted_zoom (self);
  if (zoom <= 0)
    {
      /* Rendered once the page area has its width (see viewport_changed_cb). */
      update_controls (self);
      return;
    }
  scale = zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  if (self->scale <= 0 || fabs (scale - self->scale) > self->scale * 0.005)
    {
      /* A new zoom: what is queued or cached for the old one is stale. */
      self->generation++;
      self->scale = scale;
      g_hash_table_remove_all (self->cache);
      g_hash_table_remove_all (self->pending);
      self->canvas_current = FALSE;
    }
  self->zoom = zoom;

  chamber_page_renderer_set_interest (self->renderer, self->generation, self->page,
                                      PREFETCH_RADIUS);
  chamber_page_renderer_get_page_size (self->renderer, self->page, &width_pt, &height_pt);
  chamber_page_canvas_set_page_size (self->canvas, (int) round (width_pt * zoom),
                                     (int) round (height_pt * zoom));

  texture = g_hash_table_lookup (self->cache, GINT_TO_POINTER (self->page));
  if (texture != NULL)
    {
      chamber_page_canvas_set_texture (self->canvas, texture);
      self->canvas_page = self->page;
      self->canvas_current = TRUE;
    }
  else if (page_changed || self->canvas_page != self->page)
    {
      /* A blank page until this one arrives; after a zoom the old rendering stays, stretched. */
      chamber_page_canvas_set_texture (self->canvas, NULL);
      self->canvas_page = -1;
      self->canvas_current = FALSE;
    }

  request_page (self, self->page, 0);
  for (int d = 1; d <= PREFETCH_RADIUS; d++)
    {
      request_page (self, self->page + d, d);
      request_page (self, self->page - d, d + 1);
    }
  trim_cache (self);
  update_controls (self);
}

static void
page_rendered_cb (ChamberPageView     *self,
                  int                  page,
                  guint                generation,
                  GdkTexture          *texture,
                  ChamberPageRenderer *renderer)
{
  if (generation != self->generation)
    return;
  g_hash_table_remove (self->pending, GINT_TO_POINTER (page));
  if (ABS (page - self->page) > CACHE_RADIUS)
    return;
  g_hash_table_insert (self->cache, GINT_TO_POINTER (page), g_object_ref (texture));
  if (page == self->page)
    {
      chamber_page_canvas_set_texture (self->canvas, texture);
      self->canvas_page = page;
      self->canvas_current = TRUE;
    }
}

static void
page_failed_cb (ChamberPageView     *self,
                int                  page,
                guint                generation,
                GError              *error,
                ChamberPageRenderer *renderer)
{
  if (generation != self->generation)
    return;
  g_hash_table_remove (self->pending, GINT_TO_POINTER (page));
  if (page == self->page)
    {
      /* TRANSLATORS: the page number and why it cannot be drawn */
      g_autofree char *message = g_strdup_printf (_("Page %d cannot be shown: %s"), page + 1,
                                                  error->message);
      show_error (self, message);
    }
}

static void
page_skipped_cb (ChamberPageView     *self,
                 int                  page,
                 guint                generation,
                 ChamberPageRenderer *renderer)
{
  if (generation != self->generation)
    return;
  g_hash_table_remove (self->pending, GINT_TO_POINTER (page));
  /* Skipped because the reader moved on; ask again if it is wanted after all. */
  if (ABS (page - self->page) <= PREFETCH_RADIUS)
    request_page (self, page, page == self->page ? 0 : 1);
}

static void
opened_cb (ChamberPageView *self, int n_pages, ChamberPageRenderer *renderer)
{
  gtk_spinner_set_spinning (self->spinner, FALSE);
  self->n_pages = n_pages;
  self->page = 0;
  self->scale = 0;
  update_view (self, TRUE);
}

static void
open_failed_cb (ChamberPageView *self, GError *error, ChamberPageRenderer *renderer)
{
  gtk_spinner_set_spinning (self->spinner, FALSE);
  self->n_pages = 0;

  if (g_error_matches (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_ENCRYPTED))
    {
      gtk_label_set_text (self->password_error,
                          self->password != NULL
                            ? _("That password is not right. Try again, or ask the secretariat.")
                            : "");
      gtk_widget_set_visible (GTK_WIDGET (self->password_error), self->password != NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
      gtk_stack_set_visible_child_name (self->stack, "password");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
    }
  else
    show_error (self, error->message);
  update_controls (self);
}

static void
clear_renderer (ChamberPageView *self)
{
  if (self->renderer != NULL)
    g_signal_handlers_disconnect_by_data (self->renderer, self);
  g_clear_object (&self->renderer);
  g_hash_table_remove_all (self->cache);
  g_hash_table_remove_all (self->pending);
  g_clear_handle_id (&self->resize_source, g_source_remove);
  if (self->canvas != NULL)
    chamber_page_canvas_set_texture (self->canvas, NULL);
  self->canvas_page = -1;
  self->canvas_current = FALSE;
  self->n_pages = 0;
  self->page = 0;
  self->scale = 0;
}

static void
start_renderer (ChamberPageView *self)
{
  clear_renderer (self);
  g_clear_pointer (&self->error_message, g_free);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_set_spinning (self->spinner, TRUE);

  self->renderer = chamber_page_renderer_new (self->path, self->password);
  g_signal_connect_object (self->renderer, "opened", G_CALLBACK (opened_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->renderer, "open-failed", G_CALLBACK (open_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->renderer, "page-rendered", G_CALLBACK (page_rendered_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->renderer, "page-failed", G_CALLBACK (page_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->renderer, "page-skipped", G_CALLBACK (page_skipped_cb), self,
                           G_CONNECT_SWAPPED);
  update_controls (self);
}

void
chamber_page_view_open (ChamberPageView *self, const char *path, const char *title)
{
  g_return_if_fail (CHAMBER_IS_PAGE_VIEW (self));
  g_return_if_fail (path != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->password, g_free);
  self->fit_width = TRUE;
  gtk_label_set_text (self->title_label, title ? title : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
  start_renderer (self);
}

void
chamber_page_view_close (ChamberPageView *self)
{
  g_return_if_fail (CHAMBER_IS_PAGE_VIEW (self));

  clear_renderer (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->error_message, g_free);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_label_set_text (self->title_label, "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_controls (self);
}

const char *
chamber_page_view_get_path (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);
  return self->path;
}

int
chamber_page_view_get_page (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), 0);
  return self->n_pages > 0 ? self->page + 1 : 0;
}

int
chamber_page_view_get_n_pages (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), 0);
  return self->n_pages;
}

void
chamber_page_view_set_page (ChamberPageView *self, int page)
{
  g_return_if_fail (CHAMBER_IS_PAGE_VIEW (self));

  if (self->n_pages == 0)
    return;
  page = CLAMP (page, 1, self->n_pages) - 1;
  if (page == self->page && g_strcmp0 (chamber_page_view_get_state (self), "page") == 0)
    return;
  self->page = page;
  update_view (self, TRUE);
}

const char *
chamber_page_view_get_state (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
chamber_page_view_get_error_message (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);
  return self->error_message;
}

const char *
chamber_page_view_get_page_label (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);
  return gtk_label_get_text (self->page_label);
}

GdkTexture *
chamber_page_view_get_texture (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);

  if (self->n_pages == 0 || self->canvas_page != self->page || !self->canvas_current)
    return NULL;
  return chamber_page_canvas_get_texture (self->canvas);
}

static gboolean
resize_settled_cb (gpointer user_data)
{
  ChamberPageView *self = user_data;

  self->resize_source = 0;
  update_view (self, FALSE);
  return G_SOURCE_REMOVE;
}

static void
viewport_changed_cb (ChamberPageView *self, GtkAdjustment *adjustment)
{
  double scale;

  if (self->renderer == NULL || self->n_pages == 0 || !self->fit_width)
    return;
  scale = wanted_zoom (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  if (scale <= 0 || fabs (scale - self->scale) <= self->scale * 0.005)
    return;
  /* Never from here, in the middle of the scroller's size allocation: the page's new size
   * is set from the main loop. The first size of a newly opened document comes at once; after
   * that, once a resize settles rather than on every step of a drag. */
  g_clear_handle_id (&self->resize_source, g_source_remove);
  if (self->scale <= 0)
    self->resize_source = g_idle_add (resize_settled_cb, self);
  else
    self->resize_source = g_timeout_add (RESIZE_DELAY_MS, resize_settled_cb, self);
}

static void
scale_factor_changed_cb (ChamberPageView *self)
{
  g_clear_handle_id (&self->resize_source, g_source_remove);
  self->resize_source = g_idle_add (resize_settled_cb, self);
}

static void
password_activated_cb (ChamberPageView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "viewer.unlock", NULL);
}

static void
go_page_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);
  int page = self->page + 1;

  if (g_str_equal (action_name, "viewer.next-page"))
    page++;
  else if (g_str_equal (action_name, "viewer.previous-page"))
    page--;
  else if (g_str_equal (action_name, "viewer.first-page"))
    page = 1;
  else if (g_str_equal (action_name, "viewer.last-page"))
    page = self->n_pages;
  chamber_page_view_set_page (self, page);
}

static void
zoom_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);

  if (g_str_equal (action_name, "viewer.zoom-fit"))
    self->fit_width = TRUE;
  else
    {
      double factor = g_str_equal (action_name, "viewer.zoom-in") ? ZOOM_STEP : 1 / ZOOM_STEP;

      self->fit_width = FALSE;
      self->zoom = CLAMP (self->zoom * factor, ZOOM_MIN, ZOOM_MAX);
    }
  update_view (self, FALSE);
}

static void
unlock_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  if (self->path == NULL)
    return;
  g_free (self->password);
  self->password = g_strdup (password);
  start_renderer (self);
}

static void
add_shortcut (GtkShortcutController *controller, guint keyval, GdkModifierType modifiers,
              const char *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval,
                                                                                  modifiers),
                                                          gtk_named_action_new (action_name)));
}

static gboolean
arrow_activated (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  int page = self->page + GPOINTER_TO_INT (user_data);

  /* Not handled: the key goes on to the focused widget. */
  if ((focus != NULL && GTK_IS_EDITABLE (focus)) || self->n_pages == 0 || page < 0
      || page >= self->n_pages)
    return FALSE;
  chamber_page_view_set_page (self, page + 1);
  return TRUE;
}

static void
add_arrow_shortcut (GtkShortcutController *controller, guint keyval, int step)
{
  GtkShortcutAction *action = gtk_callback_action_new (arrow_activated, GINT_TO_POINTER (step),
                                                       NULL);

  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                                          action));
}

static void
chamber_page_view_dispose (GObject *object)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (object);
  GtkWidget *child;

  clear_renderer (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_PAGE_VIEW);
  /* The template's top box is not bound to a member: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (chamber_page_view_parent_class)->dispose (object);
}

static void
chamber_page_view_finalize (GObject *object)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (object);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);
  g_free (self->path);
  g_free (self->password);
  g_free (self->error_message);

  G_OBJECT_CLASS (chamber_page_view_parent_class)->finalize (object);
}

static void
chamber_page_view_class_init (ChamberPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_page_view_dispose;
  object_class->finalize = chamber_page_view_finalize;

  g_type_ensure (CHAMBER_TYPE_PAGE_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-page-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, page_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, stack);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, spinner);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, password_entry);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, password_error);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, scroller);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, canvas);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);

  gtk_widget_class_install_action (widget_class, "viewer.previous-page", NULL, go_page_activated);
  gtk_widget_class_install_action (widget_class, "viewer.next-page", NULL, go_page_activated);
  gtk_widget_class_install_action (widget_class, "viewer.first-page", NULL, go_page_activated);
  gtk_widget_class_install_action (widget_class, "viewer.last-page", NULL, go_page_activated);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-fit", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "viewer.unlock", NULL, unlock_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chamber-page-view");
}

static void
chamber_page_view_init (ChamberPageView *self)
{
  GtkEventController *shortcuts;
  GtkShortcutController *controller;

  self->cache = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->pending = g_hash_table_new (NULL, NULL);
  self->fit_width = TRUE;
  self->zoom = 1.0;
  self->canvas_page = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller), "changed",
                           G_CALLBACK (viewport_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);

  /* Page Up/Down and the zoom keys turn pages wherever the focus is in the window, even in
   * the lists that would use them to move their selection. */
  shortcuts = gtk_shortcut_controller_new ();
  controller = GTK_SHORTCUT_CONTROLLER (shortcuts);
  gtk_shortcut_controller_set_scope (controller, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (controller, GDK_KEY_Page_Down, 0, "viewer.next-page");
  add_shortcut (controller, GDK_KEY_Page_Up, 0, "viewer.previous-page");
  add_shortcut (controller, GDK_KEY_Home, GDK_CONTROL_MASK, "viewer.first-page");
  add_shortcut (controller, GDK_KEY_End, GDK_CONTROL_MASK, "viewer.last-page");
  add_shortcut (controller, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in");
  add_shortcut (controller, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in");
  add_shortcut (controller, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in");
  add_shortcut (controller, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out");
  add_shortcut (controller, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out");
  add_shortcut (controller, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.zoom-fit");
  /* The arrows too, except in a text field, where they move the cursor. */
  add_arrow_shortcut (controller, GDK_KEY_Right, 1);
  add_arrow_shortcut (controller, GDK_KEY_Left, -1);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_controls (self);
}
