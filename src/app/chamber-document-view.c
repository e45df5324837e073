/* chamber-document-view.c — the pages of an open document (see chamber-document-view.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "chamber-document-view.h"
#include "chamber-page-cache.h"
#include "chamber-page-text.h"
#include "chamber-preview.h"
#include "chamber-preview-loader.h"
#include "chamber-texture.h"

#define MARGIN          12      /* around the pages, in logical pixels */
#define SPACING         12      /* between pages */
#define NEIGHBOURS      2       /* pages rendered ahead beyond each end of the viewport */
#define KEEP            3       /* pages beyond each end whose text and links stay */
#define ZOOM_FIT_MIN    (0.10 * CHAMBER_ZOOM_ACTUAL_SIZE)
#define ZOOM_FREE_MIN   (0.50 * CHAMBER_ZOOM_ACTUAL_SIZE)
#define ZOOM_MAX        (4.00 * CHAMBER_ZOOM_ACTUAL_SIZE)
#define DRAG_THRESHOLD  3

/* Zoom steps in percent of the actual size. */
static const double zoom_steps[] = { 50, 67, 75, 90, 100, 110, 125, 150, 175, 200, 250, 300,
                                     400 };

typedef struct {
  /* Layout, in logical pixels of the document (valid while laid_out) */
  int              x;
  int              y;
  int              width;
  int              height;

  /* What the page shows, only while it is visible (the cache keeps the others) */
  GdkTexture       *texture;
  double            texture_scale;
  int               texture_rotation;
  gboolean          texture_is_preview;  /* the sync-time preview, until the sharp one */
  ChamberRenderJob *job;      /* queued or running, or NULL */
  char             *error;    /* why it could not be rendered, or NULL */

  ChamberPageText  *text;
  GCancellable     *text_cancellable;
  GArray           *links;    /* of ChamberPdfLink; NULL until they arrived */
  GCancellable     *links_cancellable;

  GPtrArray        *matches;  /* of GArray of PopplerRectangle; NULL until searched */
} PageState;

/* A request about one page, answered by the worker (the view is kept until then). */
typedef struct {
  ChamberDocumentView *self;
  int                  page;
} PageRequest;

/* A place on a page that should show at a place of the viewport after the next layout. */
typedef struct {
  gboolean active;
  int      page;
  double   x;        /* points on the turned page; NAN keeps the horizontal scroll */
  double   y;
  double   view_x;
  double   view_y;
} Anchor;

/* One end of a selection: a point on a page. */
typedef struct {
  int    page;       /* -1: none */
  double x;
  double y;
} TextPoint;

struct _ChamberDocumentView
{
  GtkWidget            parent_instance;

  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  guint                hscroll_policy : 1;
  guint                vscroll_policy : 1;

  ChamberRenderWorker *worker;
  ChamberPageCache    *cache;
  ChamberPreviewLoader *previews;       /* the sync-time previews, or NULL */
  GCancellable        *previews_cancellable;
  GdkTexture          *scaled_previews[CHAMBER_PREVIEW_PAGES];  /* to their page's place */
  gboolean             scaling_previews[CHAMBER_PREVIEW_PAGES];
  int                  n_pages;
  PageState           *pages;
  int                  page;
  gboolean             continuous;
  ChamberZoomMode      zoom_mode;
  double               zoom;
  int                  rotation;
  gboolean             invert_colors;

  gboolean             laid_out;
  int                  document_width;
  int                  document_height;
  int                  first_visible;
  int                  last_visible;
  Anchor               anchor;
  gboolean             scrolling;       /* adjustments moved by the view itself */
  GdkFrameClock       *after_paint_clock;  /* waited on for the work ahead, or NULL */
  gulong               after_paint_handler;
  guint                notify_zoom_source;

  /* Selection */
  TextPoint            selection_start;
  TextPoint            selection_end;
  gboolean             copy_pending;
  double               drag_start_x;
  double               drag_start_y;
  gboolean             dragging_text;
  guint32              last_click_time;
  double               last_click_x;
  double               last_click_y;

  /* Pointer */
  double               pointer_x;
  double               pointer_y;
  gboolean             pointer_inside;
  double               pinch_zoom;

  /* Find */
  char                *find_query;
  GCancellable        *find_cancellable;
  int                  find_next_page;
  int                  find_pages_left;
  int                  match_page;      /* -1: none */
  guint                match_index;
};

enum {
  PROP_0,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_ZOOM_MODE,
  PROP_CONTINUOUS,
  PROP_ROTATION,
  PROP_INVERT_COLORS,
  PROP_HAS_SELECTION,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  EXTERNAL_LINK,
  FIND_CHANGED,
  PAGE_PREVIEWED,
  PAGE_RENDERED,
  PAGE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (ChamberDocumentView, chamber_document_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void update_visible (ChamberDocumentView *self);
static void request_text (ChamberDocumentView *self, int page, ChamberRenderPriority priority);

static PageRequest *
page_request_new (ChamberDocumentView *self, int page)
{
  PageRequest *request = g_new (PageRequest, 1);

  request->self = g_object_ref (self);
  request->page = page;
  return request;
}

static void
page_request_free (PageRequest *request)
{
  g_object_unref (request->self);
  g_free (request);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageRequest, page_request_free)

GtkWidget *
chamber_document_view_new (void)
{
  return g_object_new (CHAMBER_TYPE_DOCUMENT_VIEW, NULL);
}

/* ---- geometry ---------------------------------------------------------------------------- */

/* The size of @page in points, turned by the rotation. */
static void
rotated_size (ChamberDocumentView *self, int page, double *out_width, double *out_height)
{
  double width = 595, height = 842;

  if (self->worker != NULL)
    chamber_render_worker_get_page_size (self->worker, page, &width, &height);
  if (self->rotation == 90 || self->rotation == 270)
    {
      *out_width = height;
      *out_height = width;
    }
  else
    {
      *out_width = width;
      *out_height = height;
    }
}

static void
unrotated_size (ChamberDocumentView *self, int page, double *out_width, double *out_height)
{
  *out_width = 595;
  *out_height = 842;
  if (self->worker != NULL)
    chamber_render_worker_get_page_size (self->worker, page, out_width, out_height);
}

/* A point of the unrotated page (points) on the turned page (points). */
static void
rotate_point (ChamberDocumentView *self, int page, double x, double y, double *out_x,
              double *out_y)
{
  double width, height;

  unrotated_size (self, page, &width, &height);
  switch (self->rotation)
    {
    case 90:
      *out_x = height - y;
      *out_y = x;
      break;
    case 180:
      *out_x = width - x;
      *out_y = height - y;
      break;
    case 270:
      *out_x = y;
      *out_y = width - x;
      break;
    default:
      *out_x = x;
      *out_y = y;
    }
}

static void
unrotate_point (ChamberDocumentView *self, int page, double x, double y, double *out_x,
                double *out_y)
{
  double width, height;

  unrotated_size (self, page, &width, &height);
  switch (self->rotation)
    {
    case 90:
      *out_x = y;
      *out_y = height - x;
      break;
    case 180:
      *out_x = width - x;
      *out_y = height - y;
      break;
    case 270:
      *out_x = width - y;
      *out_y = x;
      break;
    default:
      *out_x = x;
      *out_y = y;
    }
}

static gboolean
page_is_laid_out (ChamberDocumentView *self, int page)
{
  if (!self->laid_out || page < 0 || page >= self->n_pages)
    return FALSE;
  return self->continuous || page == self->page;
}

static double
scroll_x (ChamberDocumentView *self)
{
  return self->hadjustment != NULL ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
scroll_y (ChamberDocumentView *self)
{
  return self->vadjustment != NULL ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

/* A rectangle of the unrotated page (points) in widget coordinates. */
static graphene_rect_t
page_rect_to_widget (ChamberDocumentView *self, int page, const PopplerRectangle *rect)
{
  PageState *state = &self->pages[page];
  double x1, y1, x2, y2;

  rotate_point (self, page, rect->x1, rect->y1, &x1, &y1);
  rotate_point (self, page, rect->x2, rect->y2, &x2, &y2);
  return GRAPHENE_RECT_INIT (state->x - scroll_x (self) + MIN (x1, x2) * self->zoom,
                             state->y - scroll_y (self) + MIN (y1, y2) * self->zoom,
                             fabs (x2 - x1) * self->zoom, fabs (y2 - y1) * self->zoom);
}

/* The page under the widget point (@x, @y) and the point there in points of the turned page.
 * With @nearest, a point between or beside pages belongs to the nearest page, clamped into it. */
static int
widget_to_turned_page (ChamberDocumentView *self, double x, double y, gboolean nearest,
                       double *out_x, double *out_y)
{
  double doc_x = x + scroll_x (self);
  double doc_y = y + scroll_y (self);
  int found = -1;
  double best = INFINITY;

  if (!self->laid_out || self->n_pages == 0)
    return -1;

  for (int i = self->continuous ? 0 : self->page; i < self->n_pages; i++)
    {
      PageState *state = &self->pages[i];
      double distance;

      if (!page_is_laid_out (self, i))
        break;
      /* The pages are stacked: stop once past the point. */
      if (state->y > doc_y + SPACING + best)
        break;
      if (doc_y >= state->y && doc_y < state->y + state->height)
        distance = 0;
      else
        distance = doc_y < state->y ? state->y - doc_y : doc_y - (state->y + state->height);
      if (!nearest && (distance > 0 || doc_x < state->x || doc_x >= state->x + state->width))
        continue;
      if (distance < best)
        {
          best = distance;
          found = i;
        }
    }

  if (found >= 0)
    {
      PageState *state = &self->pages[found];

      *out_x = CLAMP (doc_x - state->x, 0, state->width) / self->zoom;
      *out_y = CLAMP (doc_y - state->y, 0, state->height) / self->zoom;
    }
  return found;
}

/* The same in points of the unrotated page. */
static int
widget_to_page (ChamberDocumentView *self, double x, double y, gboolean nearest,
                double *out_x, double *out_y)
{
  double turned_x, turned_y;
  int page = widget_to_turned_page (self, x, y, nearest, &turned_x, &turned_y);

  if (page >= 0)
    unrotate_point (self, page, turned_x, turned_y, out_x, out_y);
  return page;
}

/* ---- layout ------------------------------------------------------------------------------ */

static double
fit_zoom (ChamberDocumentView *self, int width, int height)
{
  double page_width, page_height, available_width, available_height, zoom;

  available_width = MAX (width - 2 * MARGIN, 50);
  available_height = MAX (height - 2 * MARGIN, 50);

  if (self->zoom_mode == CHAMBER_ZOOM_FIT_WIDTH)
    {
      /* The widest page fits, so that the zoom stays while scrolling. */
      double widest = 1;

      for (int i = 0; i < self->n_pages; i++)
        {
          rotated_size (self, i, &page_width, &page_height);
          widest = MAX (widest, page_width);
        }
      zoom = available_width / widest;
    }
  else
    {
      rotated_size (self, self->page, &page_width, &page_height);
      zoom = MIN (available_width / page_width, available_height / page_height);
    }
  return CLAMP (zoom, ZOOM_FIT_MIN, ZOOM_MAX);
}

static void
layout_pages (ChamberDocumentView *self, int width, int height)
{
  int widest = 0, y = MARGIN;

  for (int i = 0; i < self->n_pages; i++)
    {
      PageState *state = &self->pages[i];
      double page_width, page_height;

      rotated_size (self, i, &page_width, &page_height);
      state->width = MAX ((int) round (page_width * self->zoom), 1);
      state->height = MAX ((int) round (page_height * self->zoom), 1);
      if (self->continuous || i == self->page)
        widest = MAX (widest, state->width);
    }

  self->document_width = widest + 2 * MARGIN;
  for (int i = 0; i < self->n_pages; i++)
    {
      PageState *state = &self->pages[i];

      if (!self->continuous && i != self->page)
        continue;
      state->x = (MAX (self->document_width, width) - state->width) / 2;
      state->y = y;
      y += state->height + SPACING;
    }
  self->document_height = self->n_pages > 0 ? y - SPACING + MARGIN : 0;

  /* One page alone sits in the middle of a taller view. */
  if (!self->continuous && self->n_pages > 0 && self->document_height < height)
    self->pages[self->page].y = (height - self->pages[self->page].height) / 2;
  self->laid_out = self->n_pages > 0;
}

static gboolean
notify_zoom_cb (gpointer user_data)
{
  ChamberDocumentView *self = user_data;

  self->notify_zoom_source = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
  return G_SOURCE_REMOVE;
}

/* The place on a page now at the widget point (@view_x, @view_y), to keep there. */
static void
anchor_at (ChamberDocumentView *self, double view_x, double view_y, gboolean keep_x)
{
  double x, y;
  int page = widget_to_turned_page (self, view_x, view_y, TRUE, &x, &y);

  if (page < 0)
    return;
  self->anchor = (Anchor) { TRUE, page, keep_x ? x : NAN, y, view_x, view_y };
}

static void
configure_adjustment (GtkAdjustment *adjustment, double value, double upper, double size)
{
  upper = MAX (upper, size);
  value = CLAMP (value, 0, upper - size);
  gtk_adjustment_configure (adjustment, value, 0, upper, size * 0.1, size * 0.9, size);
}

static void
set_page_internal (ChamberDocumentView *self, int page)
{
  if (page == self->page)
    return;
  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* In continuous mode, the current page is the one that takes most of the viewport. */
static void
update_current_page (ChamberDocumentView *self)
{
  double top = scroll_y (self);
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));
  int best = self->page, best_height = -1;

  if (!self->continuous || !self->laid_out)
    return;
  for (int i = self->first_visible; i <= self->last_visible && i >= 0; i++)
    {
      PageState *state = &self->pages[i];
      int shown = (int) (MIN (bottom, state->y + state->height) - MAX (top, state->y));

      if (shown > best_height)
        {
          best_height = shown;
          best = i;
        }
    }
  set_page_internal (self, best);
}

static void
chamber_document_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  ChamberDocumentView *self = CHAMBER_DOCUMENT_VIEW (widget);
  double hvalue, vvalue, zoom;

  if (self->n_pages == 0)
    {
      self->laid_out = FALSE;
      self->scrolling = TRUE;
      if (self->hadjustment != NULL)
        configure_adjustment (self->hadjustment, 0, width, width);
      if (self->vadjustment != NULL)
        configure_adjustment (self->vadjustment, 0, height, height);
      self->scrolling = FALSE;
      return;
    }

  if (self->zoom_mode != CHAMBER_ZOOM_FREE)
    {
      zoom = fit_zoom (self, width, height);
      if (fabs (zoom - self->zoom) > 1e-6)
        {
          /* A resize with a fitting zoom keeps the top of what was shown in place. */
          if (!self->anchor.active && self->laid_out)
            anchor_at (self, width / 2.0, 0, FALSE);
          self->zoom = zoom;
          /* From the main loop: a handler that resizes widgets must not run in the middle of
           * the size allocation. */
          if (self->notify_zoom_source == 0)
            self->notify_zoom_source = g_idle_add (notify_zoom_cb, self);
        }
    }

  layout_pages (self, width, height);

  hvalue = scroll_x (self);
  vvalue = scroll_y (self);
  if (self->anchor.active && page_is_laid_out (self, self->anchor.page))
    {
      PageState *state = &self->pages[self->anchor.page];

      if (!isnan (self->anchor.x))
        hvalue = state->x + self->anchor.x * self->zoom - self->anchor.view_x;
      vvalue = state->y + self->anchor.y * self->zoom - self->anchor.view_y;
    }
  self->anchor.active = FALSE;

  self->scrolling = TRUE;
  if (self->hadjustment != NULL)
    configure_adjustment (self->hadjustment, hvalue, self->document_width, width);
  if (self->vadjustment != NULL)
    configure_adjustment (self->vadjustment, vvalue, self->document_height, height);
  self->scrolling = FALSE;

  update_visible (self);
}

/* The size of the document laid out at @zoom, without laying it out. */
static void
document_size (ChamberDocumentView *self, double zoom, int *out_width, int *out_height)
{
  int widest = 0, height = 0;

  for (int i = self->continuous ? 0 : self->page; i < self->n_pages; i++)
    {
      double page_width, page_height;

      rotated_size (self, i, &page_width, &page_height);
      widest = MAX (widest, MAX ((int) round (page_width * zoom), 1));
      height += MAX ((int) round (page_height * zoom), 1) + SPACING;
      if (!self->continuous)
        break;
    }
  *out_width = self->n_pages > 0 ? widest + 2 * MARGIN : 0;
  *out_height = self->n_pages > 0 ? height - SPACING + 2 * MARGIN : 0;
}

/* The natural size is that of the laid out document, so that the scrolled window shows its
 * scrollbars as the allocation will need them. */
static void
chamber_document_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  ChamberDocumentView *self = CHAMBER_DOCUMENT_VIEW (widget);
  double zoom = self->zoom;
  int width, height;

  *minimum = *natural = 0;
  if (self->n_pages == 0)
    return;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* A fitting zoom fits any width. */
      if (self->zoom_mode == CHAMBER_ZOOM_FREE)
        {
          document_size (self, zoom, &width, &height);
          *natural = width;
        }
      return;
    }
  if (self->zoom_mode == CHAMBER_ZOOM_FIT_WIDTH && for_size > 0)
    zoom = fit_zoom (self, for_size, 0);
  document_size (self, zoom, &width, &height);
  *natural = height;
}

/* ---- requests to the worker -------------------------------------------------------------- */

static double
wanted_scale (ChamberDocumentView *self)
{
  return self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static gboolean
same_scale (double a, double b)
{
  return fabs (a - b) <= MAX (a, b) * 0.002;
}

static void
cancel_job (ChamberDocumentView *self, PageState *state)
{
  if (state->job == NULL)
    return;
  g_signal_handlers_disconnect_by_data (state->job, self);
  chamber_render_job_cancel (state->job);
  g_clear_object (&state->job);
}

static void
cancel_cancellable (GCancellable **cancellable)
{
  if (*cancellable != NULL)
    g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
}

static gboolean
texture_is_current (ChamberDocumentView *self, PageState *state)
{
  return state->texture != NULL && !state->texture_is_preview
         && state->texture_rotation == self->rotation
         && same_scale (state->texture_scale, wanted_scale (self));
}

static void show_preview (ChamberDocumentView *self, int page);

static void
preview_scaled_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PageRequest) request = user_data;
  ChamberDocumentView *self = request->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  texture = chamber_preview_loader_scale_finish (CHAMBER_PREVIEW_LOADER (source), result,
                                                 &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->scaling_previews[request->page] = FALSE;
  /* A preview that cannot be scaled is not shown: the sharp rendering comes anyway. */
  if (texture == NULL)
    return;
  g_set_object (&self->scaled_previews[request->page], texture);
  if (request->page < self->n_pages && request->page >= self->first_visible
      && request->page <= self->last_visible)
    show_preview (self, request->page);
}

static gboolean
renderer_is_cairo (ChamberDocumentView *self)
{
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer == NULL || GSK_IS_CAIRO_RENDERER (renderer);
}

/* Shows the sync-time preview of @page as a stand-in while the page shows nothing else. A GL
 * renderer draws it stretched to the page's place for free, so it shows as soon as it is
 * decoded. The cairo renderer would scale the big preview on the UI thread at every frame, more
 * than a frame's time: for it the preview is scaled to the page's place on a worker thread
 * first, and then drawn pixel for pixel. */
static void
show_preview (ChamberDocumentView *self, int page)
{
  PageState *state = &self->pages[page];
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int width = state->width * scale_factor, height = state->height * scale_factor;
  GdkTexture *scaled;

  if (self->previews == NULL || page >= CHAMBER_PREVIEW_PAGES || state->texture != NULL
      || state->error != NULL || self->rotation != 0 || !self->laid_out)
    return;
  scaled = self->scaled_previews[page];
  if (!renderer_is_cairo (self))
    scaled = chamber_preview_loader_get_page (self->previews, page);
  else if (scaled == NULL || gdk_texture_get_width (scaled) != width
           || gdk_texture_get_height (scaled) != height)
    {
      if (!self->scaling_previews[page]
          && chamber_preview_loader_get_page (self->previews, page) != NULL)
        {
          self->scaling_previews[page] = TRUE;
          chamber_preview_loader_scale_async (self->previews, page, width, height,
                                              self->previews_cancellable, preview_scaled_cb,
                                              page_request_new (self, page));
        }
      return;
    }
  if (scaled == NULL)
    return;
  state->texture = g_object_ref (scaled);
  state->texture_scale = wanted_scale (self);
  state->texture_rotation = 0;
  state->texture_is_preview = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[PAGE_PREVIEWED], 0, page);
}

/* Shows the cached rendering of @page at the current zoom, or else the nearest one (or the
 * sync-time preview) as a stand-in while the sharp one renders. TRUE when the shown one is
 * sharp. */
static gboolean
show_cached (ChamberDocumentView *self, int page)
{
  PageState *state = &self->pages[page];
  double scale = wanted_scale (self);
  cairo_surface_t *surface;

  if (texture_is_current (self, state))
    return TRUE;
  surface = chamber_page_cache_lookup (self->cache, page, scale, self->rotation);
  if (surface == NULL && state->texture != NULL && state->texture_rotation == self->rotation)
    return FALSE;
  if (surface == NULL)
    surface = chamber_page_cache_lookup_nearest (self->cache, page, scale, self->rotation,
                                                 &scale);
  if (surface == NULL)
    {
      show_preview (self, page);
      return FALSE;
    }
  g_clear_object (&state->texture);
  state->texture = chamber_texture_new_for_surface (surface);
  state->texture_scale = scale;
  state->texture_rotation = self->rotation;
  state->texture_is_preview = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return texture_is_current (self, state);
}

/* The pages of the selection, first and last, or -1. */
static void
selection_pages (ChamberDocumentView *self, int *out_first, int *out_last)
{
  *out_first = MIN (self->selection_start.page, self->selection_end.page);
  *out_last = MAX (self->selection_start.page, self->selection_end.page);
}

/* A page far from the viewport lets go of its text and links. */
static void
release_page_data (ChamberDocumentView *self, int page)
{
  PageState *state = &self->pages[page];
  int first, last;

  cancel_cancellable (&state->links_cancellable);
  g_clear_pointer (&state->links, g_array_unref);
  /* The text of a selected page stays for copying. */
  selection_pages (self, &first, &last);
  if (first < 0 || page < first || page > last)
    {
      cancel_cancellable (&state->text_cancellable);
      g_clear_pointer (&state->text, chamber_page_text_unref);
    }
}

static void
job_finished_cb (ChamberRenderJob *job, ChamberDocumentView *self)
{
  int page = chamber_render_job_get_page (job);
  PageState *state = &self->pages[page];
  cairo_surface_t *surface = chamber_render_job_get_surface (job);
  const GError *error = chamber_render_job_get_error (job);

  g_signal_handlers_disconnect_by_data (job, self);
  if (state->job == job)
    g_clear_object (&state->job);

  if (surface == NULL)
    {
      /* The document itself opened: this is one damaged page, which says so. */
      g_free (state->error);
      state->error = g_strdup (error != NULL ? error->message : "");
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_signal_emit (self, signals[PAGE_FAILED], 0, page, state->error);
      return;
    }
  g_clear_pointer (&state->error, g_free);
  chamber_page_cache_insert (self->cache, page, chamber_render_job_get_scale (job),
                             chamber_render_job_get_rotation (job), surface);
  /* Only a page on screen, or next to it, holds its rendering; the others wait in the cache.
   * The page next to the screen is what a page turn shows: its texture is made now, and drawn
   * once out of sight (see snapshot_warm_up()). */
  if (page >= self->first_visible - 1 && page <= self->last_visible + 1
      && chamber_render_job_get_rotation (job) == self->rotation)
    {
      g_clear_object (&state->texture);
      state->texture = chamber_texture_new_for_surface (cairo_surface_reference (surface));
      state->texture_scale = chamber_render_job_get_scale (job);
      state->texture_rotation = self->rotation;
      state->texture_is_preview = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  g_signal_emit (self, signals[PAGE_RENDERED], 0, page);
}

static void
request_render (ChamberDocumentView *self, int page, ChamberRenderPriority priority)
{
  PageState *state = &self->pages[page];
  double scale = wanted_scale (self);

  if (state->error != NULL)
    return;
  if (priority == CHAMBER_RENDER_PRIORITY_VISIBLE)
    {
      if (show_cached (self, page))
        return;
    }
  else
    {
      cairo_surface_t *cached = chamber_page_cache_lookup (self->cache, page, scale,
                                                           self->rotation);

      if (cached != NULL)
        {
          cairo_surface_destroy (cached);
          return;
        }
    }
  if (state->job != NULL && same_scale (chamber_render_job_get_scale (state->job), scale)
      && chamber_render_job_get_rotation (state->job) == self->rotation)
    {
      /* A neighbour that scrolled into view goes first now. */
      if (chamber_render_job_get_priority (state->job) > priority)
        chamber_render_worker_set_job_priority (self->worker, state->job, priority);
      return;
    }
  cancel_job (self, state);
  state->job = chamber_render_job_new (page, scale, self->rotation, priority);
  g_signal_connect (state->job, "finished", G_CALLBACK (job_finished_cb), self);
  chamber_render_worker_queue (self->worker, state->job);
}

static void
links_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PageRequest) request = user_data;
  g_autoptr (GError) error = NULL;
  GArray *links;

  links = chamber_render_worker_get_links_finish (CHAMBER_RENDER_WORKER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&request->self->pages[request->page].links_cancellable);
  /* A page whose links cannot be read has none. */
  request->self->pages[request->page].links =
    links != NULL ? links : g_array_new (FALSE, FALSE, sizeof (ChamberPdfLink));
}

static void
request_page_data (ChamberDocumentView *self, int page)
{
  PageState *state = &self->pages[page];

  request_text (self, page, CHAMBER_RENDER_PRIORITY_NEIGHBOUR);
  if (state->links == NULL && state->links_cancellable == NULL)
    {
      state->links_cancellable = g_cancellable_new ();
      chamber_render_worker_get_links_async (self->worker, page,
                                             CHAMBER_RENDER_PRIORITY_NEIGHBOUR,
                                             state->links_cancellable, links_loaded_cb,
                                             page_request_new (self, page));
    }
}

/* The pages rendered ahead around the visible ones. */
static void
render_range (ChamberDocumentView *self, int *out_first, int *out_last)
{
  int neighbours = self->continuous ? NEIGHBOURS : 1;

  *out_first = MAX (self->first_visible - neighbours, 0);
  *out_last = MIN (self->last_visible + neighbours, self->n_pages - 1);
}

/* Every visible page shows its sharp rendering (or says it cannot). */
static gboolean
visible_pages_done (ChamberDocumentView *self)
{
  for (int i = MAX (self->first_visible, 0); i <= self->last_visible && i < self->n_pages; i++)
    if (self->pages[i].error == NULL && !texture_is_current (self, &self->pages[i]))
      return FALSE;
  return TRUE;
}

/* @page, next to the visible ones, takes its sharp rendering from the cache as its texture when
 * it has none yet: a page rendered ahead while it was further away (the neighbours are rendered
 * two pages out) would otherwise make its texture, and upload it, in the frame that turns to
 * it. */
static void
prepare_texture (ChamberDocumentView *self, int page)
{
  PageState *state;
  cairo_surface_t *surface;

  if (page < 0 || page >= self->n_pages)
    return;
  state = &self->pages[page];
  if (texture_is_current (self, state) || state->error != NULL)
    return;
  surface = chamber_page_cache_lookup (self->cache, page, wanted_scale (self), self->rotation);
  if (surface == NULL)
    return;
  g_clear_object (&state->texture);
  state->texture = chamber_texture_new_for_surface (surface);
  state->texture_scale = wanted_scale (self);
  state->texture_rotation = self->rotation;
  state->texture_is_preview = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* What is asked ahead of need: the text and links of the visible pages, then the neighbours'
 * renderings, the nearest first. */
static void
request_ahead (ChamberDocumentView *self)
{
  int first = self->first_visible, last = self->last_visible, render_first, render_last;

  if (self->worker == NULL || !self->laid_out || first < 0)
    return;
  render_range (self, &render_first, &render_last);
  /* The pages a turn shows next hold their texture now, to be uploaded by a frame of their own
   * (snapshot_warm_up()), not by the frame of the turn. */
  prepare_texture (self, first - 1);
  prepare_texture (self, last + 1);
  chamber_render_worker_freeze (self->worker);
  for (int i = first; i <= last; i++)
    request_page_data (self, i);
  for (int d = 1; last + d <= render_last || first - d >= render_first; d++)
    {
      if (last + d <= render_last)
        request_render (self, last + d, CHAMBER_RENDER_PRIORITY_NEIGHBOUR);
      if (first - d >= render_first)
        request_render (self, first - d, CHAMBER_RENDER_PRIORITY_NEIGHBOUR);
    }
  chamber_render_worker_thaw (self->worker);
}

static void
cancel_request_ahead (ChamberDocumentView *self)
{
  /* A frame clock that was disposed with its window has dropped its handlers already. */
  if (self->after_paint_clock != NULL
      && g_signal_handler_is_connected (self->after_paint_clock, self->after_paint_handler))
    g_signal_handler_disconnect (self->after_paint_clock, self->after_paint_handler);
  self->after_paint_handler = 0;
  g_clear_object (&self->after_paint_clock);
}

static void
after_paint_cb (GdkFrameClock *clock, ChamberDocumentView *self)
{
  if (!visible_pages_done (self))
    return;
  cancel_request_ahead (self);
  request_ahead (self);
}

/* The work ahead waits until a frame has shown the visible pages sharp: on two cores, a
 * neighbour rendering (or the text of a busy page) on the worker thread while the frame that
 * turns the page uploads and draws it would make that frame late. */
static void
request_ahead_after_paint (ChamberDocumentView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      request_ahead (self);
      return;
    }
  if (self->after_paint_clock == clock
      && g_signal_handler_is_connected (clock, self->after_paint_handler))
    return;
  cancel_request_ahead (self);
  g_set_object (&self->after_paint_clock, clock);
  self->after_paint_handler = g_signal_connect (clock, "after-paint",
                                                G_CALLBACK (after_paint_cb), self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Asks for what the viewport needs now, and for its neighbourhood once it shows; lets go of
 * the rest. */
static void
update_visible (ChamberDocumentView *self)
{
  double top = scroll_y (self);
  double bottom = top + gtk_widget_get_height (GTK_WIDGET (self));
  int first = -1, last = -1, render_first, render_last;

  if (self->worker == NULL || !self->laid_out)
    return;

  if (self->continuous)
    {
      int low = 0, high = self->n_pages - 1;

      /* The first page whose bottom is below the top of the viewport. */
      while (low < high)
        {
          int middle = (low + high) / 2;
          PageState *state = &self->pages[middle];

          if (state->y + state->height + SPACING <= top)
            low = middle + 1;
          else
            high = middle;
        }
      first = last = low;
      while (last + 1 < self->n_pages && self->pages[last + 1].y < bottom)
        last++;
    }
  else
    first = last = self->page;

  self->first_visible = first;
  self->last_visible = last;
  render_range (self, &render_first, &render_last);

  /* One batch, so that the worker picks the most urgent: visible pages from the current one
   * out. */
  chamber_render_worker_freeze (self->worker);
  request_render (self, CLAMP (self->page, first, last), CHAMBER_RENDER_PRIORITY_VISIBLE);
  for (int i = first; i <= last; i++)
    request_render (self, i, CHAMBER_RENDER_PRIORITY_VISIBLE);
  chamber_render_worker_thaw (self->worker);
  request_ahead_after_paint (self);

  for (int i = 0; i < self->n_pages; i++)
    {
      PageState *state = &self->pages[i];

      /* Pages scrolled away: their jobs are cancelled, their renderings left to the cache. */
      if (i < render_first || i > render_last)
        cancel_job (self, state);
      if ((i < first - 1 || i > last + 1) && state->texture != NULL)
        g_clear_object (&state->texture);
      if (i < first - KEEP || i > last + KEEP)
        release_page_data (self, i);
    }
}

static void
adjustment_value_changed_cb (ChamberDocumentView *self)
{
  if (self->scrolling)
    return;
  update_visible (self);
  update_current_page (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- drawing ----------------------------------------------------------------------------- */

static gboolean
colors_inverted (ChamberDocumentView *self)
{
  return self->invert_colors && adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static void
append_boxes (ChamberDocumentView *self, GtkSnapshot *snapshot, int page, GArray *boxes,
              const GdkRGBA *color)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      PopplerRectangle box = g_array_index (boxes, PopplerRectangle, i);
      graphene_rect_t rect;

      /* A little air around the glyphs. */
      box.x1 -= 1;
      box.x2 += 1;
      rect = page_rect_to_widget (self, page, &box);
      gtk_snapshot_append_color (snapshot, color, &rect);
    }
}

/* The selected characters of @page, as [*out_start, *out_end); FALSE when none or its text
 * has not arrived. */
static gboolean
selection_on_page (ChamberDocumentView *self, int page, guint *out_start, guint *out_end)
{
  TextPoint *start = &self->selection_start;
  TextPoint *end = &self->selection_end;
  PageState *state;
  guint a, b;

  if (start->page < 0 || end->page < 0)
    return FALSE;
  if (page < MIN (start->page, end->page) || page > MAX (start->page, end->page))
    return FALSE;
  state = &self->pages[page];
  if (state->text == NULL)
    return FALSE;

  if (start->page == end->page)
    {
      a = chamber_page_text_hit (state->text, start->x, start->y);
      b = chamber_page_text_hit (state->text, end->x, end->y);
      *out_start = MIN (a, b);
      *out_end = MAX (a, b);
    }
  else
    {
      TextPoint *first = start->page < end->page ? start : end;
      TextPoint *last = start->page < end->page ? end : start;

      *out_start = page == first->page ? chamber_page_text_hit (state->text, first->x, first->y)
                                       : 0;
      *out_end = page == last->page ? chamber_page_text_hit (state->text, last->x, last->y)
                                    : chamber_page_text_get_length (state->text);
    }
  return *out_end > *out_start;
}

/* Draws @texture on @rect (@state's page in widget coordinates) as strips, only those in view,
 * so that a GL renderer uploads only what shows. @mapped: made for this zoom, the texture maps
 * pixel for pixel (its origin put on a whole device pixel so that the strips meet without a
 * seam), over white only where it falls short of the page by a pixel or two; otherwise it is
 * stretched over the whole page. Either way the rest of the page is the texture's own opaque
 * white. FALSE when the texture has no strips, for the caller to draw it whole. */
static gboolean
snapshot_strips (ChamberDocumentView *self, GtkSnapshot *snapshot, PageState *state,
                 GdkTexture *texture, const graphene_rect_t *rect, gboolean mapped)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int view_height = gtk_widget_get_height (GTK_WIDGET (self));
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  float x = rect->origin.x, y = rect->origin.y, shown_width, shown_height, row_height;
  GPtrArray *strips;

  if (mapped)
    {
      width = MIN (width, state->width * scale_factor);
      height = MIN (height, state->height * scale_factor);
      x = roundf (x * scale_factor) / scale_factor;
      y = roundf (y * scale_factor) / scale_factor;
      shown_width = (float) width / scale_factor;
      shown_height = (float) height / scale_factor;
    }
  else
    {
      shown_width = rect->size.width;
      shown_height = rect->size.height;
    }
  strips = chamber_texture_get_strips (texture, width, height);
  if (strips == NULL)
    return FALSE;
  row_height = shown_height / height;

  if (shown_width < rect->size.width)
    gtk_snapshot_append_color (snapshot, &white,
                               &GRAPHENE_RECT_INIT (x + shown_width, y,
                                                    rect->size.width - shown_width,
                                                    rect->size.height));
  if (shown_height < rect->size.height)
    gtk_snapshot_append_color (snapshot, &white,
                               &GRAPHENE_RECT_INIT (x, y + shown_height, shown_width,
                                                    rect->size.height - shown_height));
  for (guint i = 0; i < strips->len; i++)
    {
      GdkTexture *strip = g_ptr_array_index (strips, i);
      float top = y + (float) (i * CHAMBER_TEXTURE_STRIP_ROWS) * row_height;
      float rows = (float) gdk_texture_get_height (strip) * row_height;

      /* A strip out of view is not drawn, so not uploaded either. */
      if (top + rows <= 0 || top >= view_height)
        continue;
      gtk_snapshot_append_texture (snapshot, strip,
                                   &GRAPHENE_RECT_INIT (x, top, shown_width, rows));
    }
  return TRUE;
}

static void
snapshot_page (ChamberDocumentView *self, GtkSnapshot *snapshot, int page, gboolean inverted)
{
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA shadow = { 0, 0, 0, 0.25 };
  static const GdkRGBA match_color = { 1.0, 0.85, 0.0, 0.35 };
  static const GdkRGBA current_color = { 1.0, 0.5, 0.0, 0.55 };
  static const GdkRGBA selection_color = { 0.21, 0.52, 0.89, 0.35 };
  PageState *state = &self->pages[page];
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  graphene_rect_t rect = GRAPHENE_RECT_INIT (state->x - scroll_x (self),
                                             state->y - scroll_y (self), state->width,
                                             state->height);
  GskRoundedRect outline;
  guint start, end;

  gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 0, 3);

  if (inverted)
    chamber_texture_push_inverted (snapshot);

  if (state->texture != NULL && state->texture_rotation == self->rotation)
    {
      graphene_rect_t bounds = rect;

      float width = (float) gdk_texture_get_width (state->texture) / scale_factor;
      float height = (float) gdk_texture_get_height (state->texture) / scale_factor;

      /* Made for this zoom, the texture maps pixel for pixel (the page's size is rounded to
       * whole logical pixels) and is drawn in strips; a stand-in or a rendering capped in size
       * is stretched. */
      gboolean mapped = same_scale (state->texture_scale, wanted_scale (self))
                        && fabsf (width - bounds.size.width) <= 2
                        && fabsf (height - bounds.size.height) <= 2;

      if (!snapshot_strips (self, snapshot, state, state->texture, &rect, mapped))
        {
          if (mapped)
            {
              bounds.size.width = width;
              bounds.size.height = height;
            }
          gtk_snapshot_append_color (snapshot, &white, &rect);
          gtk_snapshot_push_clip (snapshot, &rect);
          gtk_snapshot_append_texture (snapshot, state->texture, &bounds);
          gtk_snapshot_pop (snapshot);
        }
    }
  else
    gtk_snapshot_append_color (snapshot, &white, &rect);

  if (state->error != NULL)
    {
      static const GdkRGBA grey = { 0.4, 0.4, 0.4, 1 };
      g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
      int text_width, text_height;

      pango_layout_set_text (layout, _("This page cannot be shown."), -1);
      pango_layout_set_width (layout, MAX (state->width - 24, 10) * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, &text_width, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (rect.origin.x + 12,
                                                    rect.origin.y
                                                      + (rect.size.height - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, layout, &grey);
      gtk_snapshot_restore (snapshot);
    }

  if (inverted)
    gtk_snapshot_pop (snapshot);

  if (state->matches != NULL)
    for (guint i = 0; i < state->matches->len; i++)
      {
        gboolean current = page == self->match_page && i == self->match_index;

        append_boxes (self, snapshot, page, g_ptr_array_index (state->matches, i),
                      current ? &current_color : &match_color);
      }

  if (selection_on_page (self, page, &start, &end))
    {
      g_autoptr (GArray) boxes = chamber_page_text_get_range_boxes (state->text, start, end);

      append_boxes (self, snapshot, page, boxes, &selection_color);
    }
}

#define WARM_KEY "chamber-warm"

/* A GL renderer uploads a texture the first time it draws it, on the frame that shows it: for
 * a page turn, the frame after the key press. So the strips of the neighbouring pages' sharp
 * renderings that a turn would show (from the top of the page) are drawn once, as soon as they
 * are rendered, on one pixel under the first visible page, which covers them; the turn then
 * draws textures already uploaded. The cairo renderer uploads nothing: not for it. */
static void
snapshot_warm_up (ChamberDocumentView *self, GtkSnapshot *snapshot)
{
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int view_rows = gtk_widget_get_height (GTK_WIDGET (self)) * scale_factor;
  int neighbours[2] = { self->first_visible - 1, self->last_visible + 1 };
  graphene_rect_t under = GRAPHENE_RECT_INIT (0, 0, 0, 0);

  if (renderer_is_cairo (self))
    return;
  /* A pixel well inside a visible page, which is drawn over it. */
  for (int i = self->first_visible; i <= self->last_visible && under.size.width == 0; i++)
    {
      PageState *shown = &self->pages[i];
      double x = MAX (shown->x - scroll_x (self), 0) + 2;
      double y = MAX (shown->y - scroll_y (self), 0) + 2;

      if (x + 2 < shown->x - scroll_x (self) + shown->width
          && y + 2 < shown->y - scroll_y (self) + shown->height
          && x < gtk_widget_get_width (GTK_WIDGET (self))
          && y < gtk_widget_get_height (GTK_WIDGET (self)))
        under = GRAPHENE_RECT_INIT (x, y, 1, 1);
    }
  if (under.size.width == 0)
    return;
  for (guint n = 0; n < G_N_ELEMENTS (neighbours); n++)
    {
      int page = neighbours[n];
      PageState *state;
      GPtrArray *strips;

      if (page < 0 || page >= self->n_pages)
        continue;
      state = &self->pages[page];
      if (!texture_is_current (self, state)
          || g_object_get_data (G_OBJECT (state->texture), WARM_KEY) != NULL)
        continue;
      /* The strips snapshot_strips() will draw at this size. */
      strips = chamber_texture_get_strips (state->texture,
                                           MIN (gdk_texture_get_width (state->texture),
                                                state->width * scale_factor),
                                           MIN (gdk_texture_get_height (state->texture),
                                                state->height * scale_factor));
      if (strips == NULL)
        continue;
      for (guint i = 0; i < strips->len && (int) i * CHAMBER_TEXTURE_STRIP_ROWS < view_rows; i++)
        gtk_snapshot_append_texture (snapshot, g_ptr_array_index (strips, i), &under);
      g_object_set_data (G_OBJECT (state->texture), WARM_KEY, GINT_TO_POINTER (TRUE));
    }
}

static void
chamber_document_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  ChamberDocumentView *self = CHAMBER_DOCUMENT_VIEW (widget);
  gboolean inverted = colors_inverted (self);

  if (!self->laid_out || self->first_visible < 0)
    return;
  gtk_snapshot_push_clip (snapshot,
                          &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                               gtk_widget_get_height (widget)));
  snapshot_warm_up (self, snapshot);
  for (int i = self->first_visible; i <= self->last_visible && i < self->n_pages; i++)
    snapshot_page (self, snapshot, i, inverted);
  gtk_snapshot_pop (snapshot);
}

/* ---- pages and zoom ---------------------------------------------------------------------- */

static void
clear_pages (ChamberDocumentView *self)
{
  for (int i = 0; i < self->n_pages; i++)
    {
      PageState *state = &self->pages[i];

      cancel_job (self, state);
      cancel_cancellable (&state->text_cancellable);
      cancel_cancellable (&state->links_cancellable);
      g_clear_object (&state->texture);
      g_clear_pointer (&state->text, chamber_page_text_unref);
      g_clear_pointer (&state->links, g_array_unref);
      g_clear_pointer (&state->matches, g_ptr_array_unref);
      g_clear_pointer (&state->error, g_free);
    }
  g_clear_pointer (&self->pages, g_free);
  self->n_pages = 0;
  chamber_page_cache_clear (self->cache);
}

static void
clear_previews (ChamberDocumentView *self)
{
  if (self->previews != NULL)
    g_signal_handlers_disconnect_by_data (self->previews, self);
  g_clear_object (&self->previews);
  cancel_cancellable (&self->previews_cancellable);
  for (int i = 0; i < CHAMBER_PREVIEW_PAGES; i++)
    {
      g_clear_object (&self->scaled_previews[i]);
      self->scaling_previews[i] = FALSE;
    }
}

static void
preview_loaded_cb (ChamberDocumentView *self, int page, gboolean thumbnail)
{
  if (thumbnail || page < 0 || page >= self->n_pages)
    return;
  if (page >= self->first_visible && page <= self->last_visible)
    show_preview (self, page);
}

void
chamber_document_view_set_previews (ChamberDocumentView *self, ChamberPreviewLoader *previews)
{
  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (previews == NULL || CHAMBER_IS_PREVIEW_LOADER (previews));

  clear_previews (self);
  if (previews == NULL)
    return;
  self->previews = g_object_ref (previews);
  self->previews_cancellable = g_cancellable_new ();
  g_signal_connect_object (previews, "loaded", G_CALLBACK (preview_loaded_cb), self,
                           G_CONNECT_SWAPPED);
  for (int i = MAX (self->first_visible, 0); i <= self->last_visible && i < self->n_pages; i++)
    show_preview (self, i);
}

gboolean
chamber_document_view_get_page_is_preview (ChamberDocumentView *self, int page)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), FALSE);

  if (page < 0 || page >= self->n_pages)
    return FALSE;
  return self->pages[page].texture != NULL && self->pages[page].texture_is_preview;
}

void
chamber_document_view_set_worker (ChamberDocumentView *self, ChamberRenderWorker *worker)
{
  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (worker == NULL || CHAMBER_IS_RENDER_WORKER (worker));

  chamber_document_view_find (self, NULL);
  cancel_request_ahead (self);
  clear_previews (self);
  clear_pages (self);
  g_set_object (&self->worker, worker);
  self->selection_start.page = self->selection_end.page = -1;
  self->copy_pending = FALSE;
  self->laid_out = FALSE;
  self->first_visible = self->last_visible = -1;
  self->anchor.active = FALSE;
  self->page = 0;
  if (worker != NULL)
    {
      self->n_pages = chamber_render_worker_get_n_pages (worker);
      self->pages = g_new0 (PageState, MAX (self->n_pages, 1));
    }
  if (self->vadjustment != NULL)
    {
      self->scrolling = TRUE;
      gtk_adjustment_set_value (self->vadjustment, 0);
      self->scrolling = FALSE;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
  /* Laid out at once in the size the view had (the next frame's layout finds it so), so that
   * the first page starts rendering now, not after that frame. */
  if (worker != NULL && gtk_widget_get_width (GTK_WIDGET (self)) > 0
      && gtk_widget_get_height (GTK_WIDGET (self)) > 0)
    chamber_document_view_size_allocate (GTK_WIDGET (self),
                                         gtk_widget_get_width (GTK_WIDGET (self)),
                                         gtk_widget_get_height (GTK_WIDGET (self)), -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
chamber_document_view_get_page (ChamberDocumentView *self)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), 0);
  return self->page;
}

/* Shows @page with the point @top (in points of the turned page) @view_y below the top of the
 * view. */
static void
go_to_turned (ChamberDocumentView *self, int page, double top, double view_y)
{
  page = CLAMP (page, 0, self->n_pages - 1);
  set_page_internal (self, page);
  /* In continuous mode the layout does not depend on the page shown: a turn only scrolls, and
   * queues a draw, no new size allocation; the page drawn is the one set, even when a short
   * page leaves the next one more of the viewport. */
  if (self->continuous && self->laid_out && !self->anchor.active && self->vadjustment != NULL
      && page_is_laid_out (self, page))
    {
      PageState *state = &self->pages[page];
      double value = state->y + top * self->zoom - view_y;
      double upper = gtk_adjustment_get_upper (self->vadjustment)
                     - gtk_adjustment_get_page_size (self->vadjustment);

      self->scrolling = TRUE;
      gtk_adjustment_set_value (self->vadjustment, CLAMP (value, 0, MAX (upper, 0)));
      self->scrolling = FALSE;
      update_visible (self);
      show_cached (self, page);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }
  self->anchor = (Anchor) { TRUE, page, NAN, top, 0, view_y };
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (!self->continuous)
    {
      self->first_visible = self->last_visible = page;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  /* A prefetched page shows at once, not a frame later. */
  if (self->laid_out && self->worker != NULL)
    show_cached (self, page);
}

void
chamber_document_view_go_to (ChamberDocumentView *self, int page, double top)
{
  double width, height, turned_top = 0;

  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));

  if (self->n_pages == 0)
    return;
  page = CLAMP (page, 0, self->n_pages - 1);
  unrotated_size (self, page, &width, &height);
  /* A place given from the top of the page; turned sideways, the page's top is what shows. */
  if (top >= 0 && self->rotation == 0)
    turned_top = MIN (top, height);
  else if (top >= 0 && self->rotation == 180)
    turned_top = MAX (height - top, 0);
  go_to_turned (self, page, turned_top, MARGIN);
}

void
chamber_document_view_set_page (ChamberDocumentView *self, int page)
{
  chamber_document_view_go_to (self, page, -1);
}

void
chamber_document_view_scroll_pages (ChamberDocumentView *self, double pages)
{
  double value;

  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));

  if (self->vadjustment == NULL || self->n_pages == 0)
    return;
  value = gtk_adjustment_get_value (self->vadjustment);
  /* In single-page mode, scrolling past either end turns the page. */
  if (!self->continuous)
    {
      double upper = gtk_adjustment_get_upper (self->vadjustment)
                     - gtk_adjustment_get_page_size (self->vadjustment);

      if (pages > 0 && value >= upper - 0.5 && self->page + 1 < self->n_pages)
        {
          chamber_document_view_set_page (self, self->page + 1);
          return;
        }
      if (pages < 0 && value <= 0.5 && self->page > 0)
        {
          go_to_turned (self, self->page - 1, G_MAXINT, 0);
          return;
        }
    }
  gtk_adjustment_set_value (self->vadjustment,
                            value + pages * gtk_adjustment_get_page_increment (self->vadjustment));
}

gboolean
chamber_document_view_get_continuous (ChamberDocumentView *self)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), TRUE);
  return self->continuous;
}

void
chamber_document_view_set_continuous (ChamberDocumentView *self, gboolean continuous)
{
  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));

  continuous = !!continuous;
  if (self->continuous == continuous)
    return;
  self->continuous = continuous;
  chamber_document_view_set_page (self, self->page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTINUOUS]);
}

ChamberZoomMode
chamber_document_view_get_zoom_mode (ChamberDocumentView *self)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), CHAMBER_ZOOM_FIT_WIDTH);
  return self->zoom_mode;
}

static void
anchor_at_center (ChamberDocumentView *self)
{
  if (self->laid_out && !self->anchor.active)
    anchor_at (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
               gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, TRUE);
}

void
chamber_document_view_set_zoom_mode (ChamberDocumentView *self, ChamberZoomMode mode)
{
  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));

  if (self->zoom_mode == mode)
    return;
  self->zoom_mode = mode;
  if (mode != CHAMBER_ZOOM_FREE)
    anchor_at (self, 0, 0, FALSE);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
}

double
chamber_document_view_get_zoom (ChamberDocumentView *self)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), 1.0);
  return self->zoom;
}

/* Sets the zoom, keeping the page point under the widget point (@x, @y) in place. */
static void
zoom_around (ChamberDocumentView *self, double zoom, double x, double y)
{
  zoom = CLAMP (zoom, ZOOM_FREE_MIN, ZOOM_MAX);
  if (self->laid_out && !self->anchor.active)
    anchor_at (self, x, y, TRUE);
  if (self->zoom_mode != CHAMBER_ZOOM_FREE)
    {
      self->zoom_mode = CHAMBER_ZOOM_FREE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM_MODE]);
    }
  if (fabs (zoom - self->zoom) > 1e-9)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
chamber_document_view_set_zoom (ChamberDocumentView *self, double zoom)
{
  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (zoom > 0);

  anchor_at_center (self);
  zoom_around (self, zoom, 0, 0);
}

static double
step_zoom (ChamberDocumentView *self, gboolean in)
{
  double percent = self->zoom / CHAMBER_ZOOM_ACTUAL_SIZE * 100;

  if (in)
    {
      for (guint i = 0; i < G_N_ELEMENTS (zoom_steps); i++)
        if (zoom_steps[i] > percent * 1.01)
          return zoom_steps[i] / 100 * CHAMBER_ZOOM_ACTUAL_SIZE;
    }
  else
    {
      for (guint i = G_N_ELEMENTS (zoom_steps); i > 0; i--)
        if (zoom_steps[i - 1] < percent * 0.99)
          return zoom_steps[i - 1] / 100 * CHAMBER_ZOOM_ACTUAL_SIZE;
    }
  return 0;
}

gboolean
chamber_document_view_can_zoom (ChamberDocumentView *self, gboolean in)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), FALSE);
  return self->n_pages > 0 && step_zoom (self, in) > 0;
}

gboolean
chamber_document_view_zoom_step (ChamberDocumentView *self, gboolean in)
{
  double zoom;

  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), FALSE);

  zoom = step_zoom (self, in);
  if (zoom <= 0)
    return FALSE;
  chamber_document_view_set_zoom (self, zoom);
  return TRUE;
}

int
chamber_document_view_get_rotation (ChamberDocumentView *self)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), 0);
  return self->rotation;
}

void
chamber_document_view_set_rotation (ChamberDocumentView *self, int rotation)
{
  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));

  rotation = ((rotation % 360) + 360) % 360;
  rotation -= rotation % 90;
  if (rotation == self->rotation)
    return;
  self->rotation = rotation;
  /* Renderings of the old turn are of no use; the page stays. */
  for (int i = 0; i < self->n_pages; i++)
    {
      cancel_job (self, &self->pages[i]);
      g_clear_object (&self->pages[i].texture);
    }
  chamber_document_view_set_page (self, self->page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROTATION]);
}

gboolean
chamber_document_view_get_invert_colors (ChamberDocumentView *self)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), FALSE);
  return self->invert_colors;
}

void
chamber_document_view_set_invert_colors (ChamberDocumentView *self, gboolean invert)
{
  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));

  invert = !!invert;
  if (self->invert_colors == invert)
    return;
  self->invert_colors = invert;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVERT_COLORS]);
}

gboolean
chamber_document_view_page_to_view (ChamberDocumentView    *self,
                                    int                     page,
                                    const PopplerRectangle *rect,
                                    graphene_rect_t        *out_rect)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);
  g_return_val_if_fail (out_rect != NULL, FALSE);

  if (!page_is_laid_out (self, page))
    return FALSE;
  *out_rect = page_rect_to_widget (self, page, rect);
  return TRUE;
}

GdkTexture *
chamber_document_view_get_page_texture (ChamberDocumentView *self, int page)
{
  PageState *state;

  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), NULL);

  /* A page next to the screen may hold its rendering already, but does not show it. */
  if (page < 0 || page >= self->n_pages || !self->laid_out || page < self->first_visible
      || page > self->last_visible)
    return NULL;
  state = &self->pages[page];
  return texture_is_current (self, state) ? state->texture : NULL;
}

GdkTexture *
chamber_document_view_peek_page_texture (ChamberDocumentView *self, int page)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), NULL);

  if (page < 0 || page >= self->n_pages || !self->laid_out)
    return NULL;
  return texture_is_current (self, &self->pages[page]) ? self->pages[page].texture : NULL;
}

/* ---- selection --------------------------------------------------------------------------- */

static void
text_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PageRequest) request = user_data;
  ChamberDocumentView *self = request->self;
  g_autoptr (GError) error = NULL;
  ChamberPdfText *pdf_text;
  PageState *state;

  pdf_text = chamber_render_worker_get_text_finish (CHAMBER_RENDER_WORKER (source), result,
                                                    &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  state = &self->pages[request->page];
  g_clear_object (&state->text_cancellable);
  if (pdf_text == NULL)
    {
      /* A page whose text cannot be read has none. */
      pdf_text = g_new0 (ChamberPdfText, 1);
      pdf_text->text = g_strdup ("");
    }
  g_clear_pointer (&state->text, chamber_page_text_unref);
  state->text = chamber_page_text_new (pdf_text);
  if (self->copy_pending)
    chamber_document_view_copy (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
request_text (ChamberDocumentView *self, int page, ChamberRenderPriority priority)
{
  PageState *state = &self->pages[page];

  if (state->text != NULL || state->text_cancellable != NULL)
    return;
  state->text_cancellable = g_cancellable_new ();
  chamber_render_worker_get_text_async (self->worker, page, priority, state->text_cancellable,
                                        text_loaded_cb, page_request_new (self, page));
}

static void
set_selection (ChamberDocumentView *self, const TextPoint *start, const TextPoint *end)
{
  gboolean had = chamber_document_view_get_has_selection (self);

  self->selection_start = *start;
  self->selection_end = *end;
  self->copy_pending = FALSE;
  if (start->page >= 0 && end->page >= 0 && self->worker != NULL)
    for (int i = MIN (start->page, end->page); i <= MAX (start->page, end->page); i++)
      request_text (self, i, CHAMBER_RENDER_PRIORITY_VISIBLE);
  if (had != chamber_document_view_get_has_selection (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SELECTION]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
chamber_document_view_select (ChamberDocumentView *self, int page, double x1, double y1,
                              int end_page, double x2, double y2)
{
  TextPoint start = { page, x1, y1 };
  TextPoint end = { end_page, x2, y2 };

  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));
  g_return_if_fail (page >= 0 && page < self->n_pages);
  g_return_if_fail (end_page >= 0 && end_page < self->n_pages);

  set_selection (self, &start, &end);
}

gboolean
chamber_document_view_get_selection (ChamberDocumentView *self,
                                     int                 *out_page,
                                     double              *out_x1,
                                     double              *out_y1,
                                     int                 *out_end_page,
                                     double              *out_x2,
                                     double              *out_y2)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), FALSE);

  if (!chamber_document_view_get_has_selection (self))
    return FALSE;
  if (out_page != NULL)
    *out_page = self->selection_start.page;
  if (out_x1 != NULL)
    *out_x1 = self->selection_start.x;
  if (out_y1 != NULL)
    *out_y1 = self->selection_start.y;
  if (out_end_page != NULL)
    *out_end_page = self->selection_end.page;
  if (out_x2 != NULL)
    *out_x2 = self->selection_end.x;
  if (out_y2 != NULL)
    *out_y2 = self->selection_end.y;
  return TRUE;
}

void
chamber_document_view_clear_selection (ChamberDocumentView *self)
{
  TextPoint none = { -1, 0, 0 };

  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));
  set_selection (self, &none, &none);
}

gboolean
chamber_document_view_get_has_selection (ChamberDocumentView *self)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), FALSE);

  return self->selection_start.page >= 0 && self->selection_end.page >= 0
         && (self->selection_start.page != self->selection_end.page
             || fabs (self->selection_start.x - self->selection_end.x) > 0.5
             || fabs (self->selection_start.y - self->selection_end.y) > 0.5);
}

void
chamber_document_view_copy (ChamberDocumentView *self)
{
  g_autoptr (GString) copied = NULL;
  int first, last;

  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));

  self->copy_pending = FALSE;
  if (!chamber_document_view_get_has_selection (self))
    return;
  selection_pages (self, &first, &last);
  for (int i = first; i <= last; i++)
    if (self->pages[i].text == NULL)
      {
        /* Copied once the missing text arrives (see text_loaded_cb). */
        request_text (self, i, CHAMBER_RENDER_PRIORITY_VISIBLE);
        self->copy_pending = TRUE;
        return;
      }

  copied = g_string_new (NULL);
  for (int i = first; i <= last; i++)
    {
      guint start, end;

      if (selection_on_page (self, i, &start, &end))
        {
          g_autofree char *text = chamber_page_text_dup_range (self->pages[i].text, start, end);

          if (copied->len > 0 && copied->str[copied->len - 1] != '\n')
            g_string_append_c (copied, '\n');
          g_string_append (copied, text);
        }
    }
  if (copied->len > 0)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), copied->str);
}

char *
chamber_document_view_dup_selected_text (ChamberDocumentView *self, int *out_page)
{
  g_autoptr (GString) selected = NULL;
  int first, last;

  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), NULL);

  if (!chamber_document_view_get_has_selection (self))
    return NULL;
  selection_pages (self, &first, &last);
  for (int i = first; i <= last; i++)
    if (self->pages[i].text == NULL)
      {
        request_text (self, i, CHAMBER_RENDER_PRIORITY_VISIBLE);
        return NULL;
      }
  selected = g_string_new (NULL);
  for (int i = first; i <= last; i++)
    {
      guint start, end;

      if (selection_on_page (self, i, &start, &end))
        {
          g_autofree char *text = chamber_page_text_dup_range (self->pages[i].text, start, end);

          if (selected->len > 0)
            g_string_append_c (selected, '\n');
          g_string_append (selected, text);
        }
    }
  if (selected->len == 0)
    return NULL;
  if (out_page != NULL)
    *out_page = first;
  return g_string_free (g_steal_pointer (&selected), FALSE);
}

/* ---- find -------------------------------------------------------------------------------- */

static guint
matches_on (ChamberDocumentView *self, int page)
{
  GPtrArray *matches = self->pages[page].matches;

  return matches != NULL ? matches->len : 0;
}

guint
chamber_document_view_get_n_matches (ChamberDocumentView *self)
{
  guint total = 0;

  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), 0);

  for (int i = 0; i < self->n_pages; i++)
    total += matches_on (self, i);
  return total;
}

guint
chamber_document_view_get_current_match (ChamberDocumentView *self)
{
  guint before = 0;

  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), 0);

  if (self->match_page < 0)
    return 0;
  for (int i = 0; i < self->match_page; i++)
    before += matches_on (self, i);
  return before + self->match_index + 1;
}

int
chamber_document_view_get_current_match_page (ChamberDocumentView *self)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), -1);
  return self->match_page;
}

guint
chamber_document_view_get_page_n_matches (ChamberDocumentView *self, int page)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), 0);

  if (page < 0 || page >= self->n_pages)
    return 0;
  return matches_on (self, page);
}

gboolean
chamber_document_view_get_finding (ChamberDocumentView *self)
{
  g_return_val_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self), FALSE);
  return self->find_cancellable != NULL;
}

/* Scrolls so that the current match shows, a third down the view, unless it shows already. */
static void
show_current_match (ChamberDocumentView *self)
{
  GArray *boxes;
  PopplerRectangle *box;
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->match_page < 0)
    return;
  boxes = g_ptr_array_index (self->pages[self->match_page].matches, self->match_index);
  if (boxes->len == 0)
    return;
  box = &g_array_index (boxes, PopplerRectangle, 0);

  if (page_is_laid_out (self, self->match_page) && self->match_page >= self->first_visible
      && self->match_page <= self->last_visible)
    {
      graphene_rect_t rect = page_rect_to_widget (self, self->match_page, box);

      if (rect.origin.y >= 0 && rect.origin.y + rect.size.height <= height
          && rect.origin.x >= 0 && rect.origin.x + rect.size.width <= width)
        {
          set_page_internal (self, self->match_page);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return;
        }
    }
  {
    double x, y;

    rotate_point (self, self->match_page, (box->x1 + box->x2) / 2, (box->y1 + box->y2) / 2, &x,
                  &y);
    go_to_turned (self, self->match_page, y, height / 3.0);
    gtk_widget_queue_draw (GTK_WIDGET (self));
  }
}

static void find_page (ChamberDocumentView *self);

static void
page_searched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (PageRequest) request = user_data;
  ChamberDocumentView *self = request->self;
  int page = request->page;
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberPageText) text = NULL;
  g_autoptr (GArray) ranges = NULL;
  ChamberPdfText *pdf_text;
  GPtrArray *matches;

  pdf_text = chamber_render_worker_get_text_finish (CHAMBER_RENDER_WORKER (source), result,
                                                    &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A page whose text cannot be read has no match. */
  matches = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  if (pdf_text != NULL)
    {
      text = chamber_page_text_new (pdf_text);
      ranges = chamber_page_text_find (text, self->find_query);
      for (guint i = 0; i < ranges->len; i++)
        {
          ChamberTextRange *range = &g_array_index (ranges, ChamberTextRange, i);

          g_ptr_array_add (matches,
                           chamber_page_text_get_range_boxes (text, range->start, range->end));
        }
    }
  g_clear_pointer (&self->pages[page].matches, g_ptr_array_unref);
  self->pages[page].matches = matches;

  if (self->match_page < 0 && matches->len > 0)
    {
      self->match_page = page;
      self->match_index = 0;
      show_current_match (self);
    }
  if (page >= self->first_visible && page <= self->last_visible)
    gtk_widget_queue_draw (GTK_WIDGET (self));

  self->find_next_page = (page + 1) % self->n_pages;
  if (--self->find_pages_left > 0)
    find_page (self);
  else
    g_clear_object (&self->find_cancellable);
  g_signal_emit (self, signals[FIND_CHANGED], 0);
}

/* One page at a time, from the current one on and round the end, at FIND priority: renders of
 * the visible pages go between the pages of a long search. The text comes from the worker; the
 * matching folds it here (poppler's own find folds neither đ nor letters with two marks). */
static void
find_page (ChamberDocumentView *self)
{
  chamber_render_worker_get_text_async (self->worker, self->find_next_page,
                                        CHAMBER_RENDER_PRIORITY_FIND, self->find_cancellable,
                                        page_searched_cb,
                                        page_request_new (self, self->find_next_page));
}

void
chamber_document_view_find (ChamberDocumentView *self, const char *query)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));

  cancel_cancellable (&self->find_cancellable);
  for (int i = 0; i < self->n_pages; i++)
    g_clear_pointer (&self->pages[i].matches, g_ptr_array_unref);
  g_clear_pointer (&self->find_query, g_free);
  self->match_page = -1;
  self->match_index = 0;
  self->find_pages_left = 0;

  if (query != NULL && g_utf8_validate (query, -1, NULL))
    folded = g_strstrip (g_strdup (query));
  if (folded != NULL && *folded != '\0' && self->worker != NULL && self->n_pages > 0)
    {
      self->find_query = g_strdup (query);
      self->find_next_page = self->page;
      self->find_pages_left = self->n_pages;
      self->find_cancellable = g_cancellable_new ();
      find_page (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[FIND_CHANGED], 0);
}

void
chamber_document_view_find_next (ChamberDocumentView *self, gboolean forward)
{
  int page;

  g_return_if_fail (CHAMBER_IS_DOCUMENT_VIEW (self));

  if (self->match_page < 0)
    return;
  if (forward && self->match_index + 1 < matches_on (self, self->match_page))
    self->match_index++;
  else if (!forward && self->match_index > 0)
    self->match_index--;
  else
    {
      /* The next page with matches, round the end of the document. */
      page = self->match_page;
      for (int i = 0; i < self->n_pages; i++)
        {
          page = (page + (forward ? 1 : self->n_pages - 1)) % self->n_pages;
          if (matches_on (self, page) > 0)
            break;
        }
      self->match_page = page;
      self->match_index = forward ? 0 : matches_on (self, page) - 1;
    }
  show_current_match (self);
  g_signal_emit (self, signals[FIND_CHANGED], 0);
}

/* ---- input ------------------------------------------------------------------------------- */

static const ChamberPdfLink *
link_at (ChamberDocumentView *self, double x, double y)
{
  double px, py;
  int page = widget_to_page (self, x, y, FALSE, &px, &py);
  GArray *links;

  if (page < 0 || (links = self->pages[page].links) == NULL)
    return NULL;
  for (guint i = 0; i < links->len; i++)
    {
      const ChamberPdfLink *link = &g_array_index (links, ChamberPdfLink, i);

      if (px >= link->area.x1 && px <= link->area.x2 && py >= link->area.y1
          && py <= link->area.y2)
        return link;
    }
  return NULL;
}

static gboolean
text_at (ChamberDocumentView *self, double x, double y)
{
  double px, py;
  int page = widget_to_page (self, x, y, FALSE, &px, &py);

  return page >= 0 && self->pages[page].text != NULL
         && chamber_page_text_is_over_text (self->pages[page].text, px, py, 2);
}

static void
update_cursor (ChamberDocumentView *self, double x, double y)
{
  const ChamberPdfLink *link = link_at (self, x, y);
  const char *cursor = NULL;
  g_autofree char *tooltip = NULL;

  if (link != NULL)
    {
      cursor = "pointer";
      if (link->uri != NULL)
        tooltip = g_strdup (link->uri);
    }
  else if (self->dragging_text || text_at (self, x, y))
    cursor = "text";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
}

static void
motion_cb (ChamberDocumentView *self, double x, double y)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  update_cursor (self, x, y);
}

static void
leave_cb (ChamberDocumentView *self)
{
  self->pointer_inside = FALSE;
}

static void
activate_link (ChamberDocumentView *self, const ChamberPdfLink *link)
{
  g_autofree char *uri = NULL;

  if (link->page >= 0)
    {
      chamber_document_view_go_to (self, link->page, link->top);
      return;
    }
  if (link->uri == NULL)
    return;
  /* The signal's handler may replace the links of the page: keep a copy. */
  uri = g_strdup (link->uri);
  g_signal_emit (self, signals[EXTERNAL_LINK], 0, uri);
}

static void
drag_begin_cb (ChamberDocumentView *self, double x, double y, GtkGestureDrag *gesture)
{
  TextPoint point = { -1, 0, 0 };

  gtk_widget_grab_focus (GTK_WIDGET (self));
  self->drag_start_x = x;
  self->drag_start_y = y;
  self->dragging_text = FALSE;
  if (link_at (self, x, y) != NULL)
    return;
  point.page = widget_to_page (self, x, y, TRUE, &point.x, &point.y);
  if (point.page < 0)
    return;
  self->dragging_text = TRUE;
  set_selection (self, &point, &point);
}

static void
drag_update_cb (ChamberDocumentView *self, double dx, double dy, GtkGestureDrag *gesture)
{
  TextPoint point = { -1, 0, 0 };
  double x = self->drag_start_x + dx;
  double y = self->drag_start_y + dy;
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (!self->dragging_text)
    return;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  point.page = widget_to_page (self, x, y, TRUE, &point.x, &point.y);
  if (point.page < 0)
    return;
  set_selection (self, &self->selection_start, &point);

  /* Past the top or bottom edge the view follows. */
  if (self->vadjustment != NULL && (y < 0 || y > height))
    gtk_adjustment_set_value (self->vadjustment,
                              gtk_adjustment_get_value (self->vadjustment)
                                + (y < 0 ? y : y - height) / 4);
}

static void
select_word (ChamberDocumentView *self, double x, double y)
{
  TextPoint start = { -1, 0, 0 }, end;
  ChamberPageText *text;
  ChamberTextRange word;
  g_autoptr (GArray) boxes = NULL;
  PopplerRectangle *first, *last;

  start.page = widget_to_page (self, x, y, FALSE, &start.x, &start.y);
  if (start.page < 0 || (text = self->pages[start.page].text) == NULL)
    return;
  word = chamber_page_text_get_word (text, chamber_page_text_hit (text, start.x, start.y));
  if (word.end == word.start)
    word = chamber_page_text_get_word (text, word.start > 0 ? word.start - 1 : 0);
  if (word.end == word.start)
    return;
  boxes = chamber_page_text_get_range_boxes (text, word.start, word.end);
  if (boxes->len == 0)
    return;
  first = &g_array_index (boxes, PopplerRectangle, 0);
  last = &g_array_index (boxes, PopplerRectangle, boxes->len - 1);
  start.x = first->x1;
  start.y = (first->y1 + first->y2) / 2;
  end = (TextPoint) { start.page, last->x2, (last->y1 + last->y2) / 2 };
  set_selection (self, &start, &end);
}

static void
drag_end_cb (ChamberDocumentView *self, double dx, double dy, GtkGestureDrag *gesture)
{
  double x = self->drag_start_x + dx;
  double y = self->drag_start_y + dy;
  GdkEvent *event;
  guint32 time = 0;
  int double_click_time = 400, double_click_distance = 5;
  const ChamberPdfLink *link;

  self->dragging_text = FALSE;
  if (fabs (dx) > DRAG_THRESHOLD || fabs (dy) > DRAG_THRESHOLD)
    return;

  /* A click. */
  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (gesture));
  if (event != NULL)
    time = gdk_event_get_time (event);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-double-click-time", &double_click_time,
                "gtk-double-click-distance", &double_click_distance, NULL);

  link = link_at (self, x, y);
  if (link != NULL)
    {
      chamber_document_view_clear_selection (self);
      activate_link (self, link);
      return;
    }
  if (time != 0 && time - self->last_click_time <= (guint32) double_click_time
      && fabs (x - self->last_click_x) <= double_click_distance
      && fabs (y - self->last_click_y) <= double_click_distance)
    {
      select_word (self, x, y);
      self->last_click_time = 0;
      return;
    }
  self->last_click_time = time;
  self->last_click_x = x;
  self->last_click_y = y;
  chamber_document_view_clear_selection (self);
}

static gboolean
scroll_cb (ChamberDocumentView *self, double dx, double dy, GtkEventControllerScroll *controller)
{
  GdkModifierType state;
  double x, y;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_CONTROL_MASK) == 0 || self->n_pages == 0)
    {
      /* In single-page mode, scrolling on at either end turns the page. */
      if (!self->continuous && dy != 0 && self->vadjustment != NULL)
        {
          double value = gtk_adjustment_get_value (self->vadjustment);
          double upper = gtk_adjustment_get_upper (self->vadjustment)
                         - gtk_adjustment_get_page_size (self->vadjustment);

          if ((dy > 0 && value >= upper - 0.5) || (dy < 0 && value <= 0.5))
            {
              chamber_document_view_scroll_pages (self, dy > 0 ? 1 : -1);
              return TRUE;
            }
        }
      return FALSE;
    }

  x = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  y = self->pointer_inside ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  zoom_around (self, self->zoom * pow (1.2, -dy), x, y);
  return TRUE;
}

static void
pinch_begin_cb (ChamberDocumentView *self)
{
  self->pinch_zoom = self->zoom;
}

static void
pinch_changed_cb (ChamberDocumentView *self, double scale, GtkGestureZoom *gesture)
{
  double x, y;

  if (self->n_pages == 0 || self->pinch_zoom <= 0)
    return;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_around (self, self->pinch_zoom * scale, x, y);
}

static gboolean
scroll_key_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  ChamberDocumentView *self = CHAMBER_DOCUMENT_VIEW (widget);
  const char *how = g_variant_get_string (args, NULL);
  GtkAdjustment *adjustment = self->vadjustment;

  if (self->n_pages == 0)
    return FALSE;
  if (g_str_equal (how, "page-down"))
    chamber_document_view_scroll_pages (self, 1);
  else if (g_str_equal (how, "page-up"))
    chamber_document_view_scroll_pages (self, -1);
  else if (g_str_equal (how, "first"))
    chamber_document_view_set_page (self, 0);
  else if (g_str_equal (how, "last"))
    chamber_document_view_set_page (self, self->n_pages - 1);
  else if (adjustment != NULL)
    {
      double step = gtk_adjustment_get_step_increment (adjustment);

      if (g_str_equal (how, "left") || g_str_equal (how, "right"))
        {
          adjustment = self->hadjustment;
          step = gtk_adjustment_get_step_increment (adjustment);
        }
      if (g_str_equal (how, "up") || g_str_equal (how, "left"))
        step = -step;
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + step);
    }
  return TRUE;
}

static gboolean
copy_key_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  ChamberDocumentView *self = CHAMBER_DOCUMENT_VIEW (widget);

  if (!chamber_document_view_get_has_selection (self))
    return FALSE;
  chamber_document_view_copy (self);
  return TRUE;
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
set_adjustment (ChamberDocumentView *self, GtkAdjustment **slot, GtkAdjustment *adjustment,
                int prop)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot == adjustment)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify (G_OBJECT (self), prop == PROP_HADJUSTMENT ? "hadjustment" : "vadjustment");
}

static void
style_dark_changed_cb (ChamberDocumentView *self)
{
  if (self->invert_colors)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
scale_factor_changed_cb (ChamberDocumentView *self)
{
  update_visible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
chamber_document_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  ChamberDocumentView *self = CHAMBER_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_ZOOM_MODE:
      g_value_set_int (value, self->zoom_mode);
      break;
    case PROP_CONTINUOUS:
      g_value_set_boolean (value, self->continuous);
      break;
    case PROP_ROTATION:
      g_value_set_int (value, self->rotation);
      break;
    case PROP_INVERT_COLORS:
      g_value_set_boolean (value, self->invert_colors);
      break;
    case PROP_HAS_SELECTION:
      g_value_set_boolean (value, chamber_document_view_get_has_selection (self));
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_document_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  ChamberDocumentView *self = CHAMBER_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      chamber_document_view_set_page (self, g_value_get_int (value));
      break;
    case PROP_ZOOM:
      chamber_document_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_ZOOM_MODE:
      chamber_document_view_set_zoom_mode (self, g_value_get_int (value));
      break;
    case PROP_CONTINUOUS:
      chamber_document_view_set_continuous (self, g_value_get_boolean (value));
      break;
    case PROP_ROTATION:
      chamber_document_view_set_rotation (self, g_value_get_int (value));
      break;
    case PROP_INVERT_COLORS:
      chamber_document_view_set_invert_colors (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value), PROP_HADJUSTMENT);
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value), PROP_VADJUSTMENT);
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_document_view_dispose (GObject *object)
{
  ChamberDocumentView *self = CHAMBER_DOCUMENT_VIEW (object);

  cancel_cancellable (&self->find_cancellable);
  cancel_request_ahead (self);
  clear_previews (self);
  clear_pages (self);
  g_clear_object (&self->worker);
  g_clear_object (&self->cache);
  g_clear_handle_id (&self->notify_zoom_source, g_source_remove);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->hadjustment, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (chamber_document_view_parent_class)->dispose (object);
}

static void
chamber_document_view_finalize (GObject *object)
{
  ChamberDocumentView *self = CHAMBER_DOCUMENT_VIEW (object);

  g_free (self->find_query);

  G_OBJECT_CLASS (chamber_document_view_parent_class)->finalize (object);
}

static void
add_scroll_binding (GtkWidgetClass *widget_class, guint keyval, GdkModifierType modifiers,
                    const char *how)
{
  gtk_widget_class_add_binding (widget_class, keyval, modifiers, scroll_key_cb, "s", how);
}

static void
chamber_document_view_class_init (ChamberDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = chamber_document_view_get_property;
  object_class->set_property = chamber_document_view_set_property;
  object_class->dispose = chamber_document_view_dispose;
  object_class->finalize = chamber_document_view_finalize;
  widget_class->measure = chamber_document_view_measure;
  widget_class->size_allocate = chamber_document_view_size_allocate;
  widget_class->snapshot = chamber_document_view_snapshot;

  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.01, 100, 1,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM_MODE] =
    g_param_spec_int ("zoom-mode", NULL, NULL, CHAMBER_ZOOM_FIT_WIDTH, CHAMBER_ZOOM_FREE,
                      CHAMBER_ZOOM_FIT_WIDTH,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CONTINUOUS] =
    g_param_spec_boolean ("continuous", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROTATION] =
    g_param_spec_int ("rotation", NULL, NULL, 0, 270, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INVERT_COLORS] =
    g_param_spec_boolean ("invert-colors", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HAS_SELECTION] =
    g_param_spec_boolean ("has-selection", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[EXTERNAL_LINK] =
    g_signal_new ("external-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[FIND_CHANGED] =
    g_signal_new ("find-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
  signals[PAGE_PREVIEWED] =
    g_signal_new ("page-previewed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[PAGE_RENDERED] =
    g_signal_new ("page-rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[PAGE_FAILED] =
    g_signal_new ("page-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_STRING);

  add_scroll_binding (widget_class, GDK_KEY_Up, 0, "up");
  add_scroll_binding (widget_class, GDK_KEY_KP_Up, 0, "up");
  add_scroll_binding (widget_class, GDK_KEY_Down, 0, "down");
  add_scroll_binding (widget_class, GDK_KEY_KP_Down, 0, "down");
  add_scroll_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, "left");
  add_scroll_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, "right");
  add_scroll_binding (widget_class, GDK_KEY_space, 0, "page-down");
  add_scroll_binding (widget_class, GDK_KEY_space, GDK_SHIFT_MASK, "page-up");
  add_scroll_binding (widget_class, GDK_KEY_Home, 0, "first");
  add_scroll_binding (widget_class, GDK_KEY_End, 0, "last");
  gtk_widget_class_add_binding (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, copy_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Insert, GDK_CONTROL_MASK, copy_key_cb,
                                NULL);

  gtk_widget_class_set_css_name (widget_class, "chamber-document-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_DOCUMENT);
}

static void
chamber_document_view_init (ChamberDocumentView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;

  self->continuous = TRUE;
  self->zoom = 1.0;
  self->zoom_mode = CHAMBER_ZOOM_FIT_WIDTH;
  self->first_visible = self->last_visible = -1;
  self->selection_start.page = self->selection_end.page = -1;
  self->match_page = -1;
  self->cache = chamber_page_cache_new (0);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (pinch_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_dark_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);
}
