/* chamber-preview-loader.c — the instant-open previews of a synced document, for the viewer
 * (see chamber-preview-loader.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "chamber-preview.h"
#include "chamber-preview-loader.h"
#include "chamber-texture.h"

struct _ChamberPreviewLoader
{
  GObject       parent_instance;

  char         *dir;
  char         *sha256;
  GCancellable *cancellable;
  GdkTexture   *pages[CHAMBER_PREVIEW_PAGES];
  GBytes       *pixels[CHAMBER_PREVIEW_PAGES];  /* of pages[], for scaling */
  GdkTexture   *thumbnails[CHAMBER_PREVIEW_THUMBS];
  gboolean      touched;       /* the set was marked used (see touch()) */
};

enum {
  LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberPreviewLoader, chamber_preview_loader, G_TYPE_OBJECT)

/* One file to decode: the pages come first, then the thumbnails. */
typedef struct {
  int      page;
  gboolean thumbnail;
} Step;

static void load_step (ChamberPreviewLoader *self, Step step);
static void touch (ChamberPreviewLoader *self);

char *
chamber_preview_loader_dir_for_store (ChamberStore *store)
{
  g_autofree char *local_dir = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  local_dir = g_path_get_dirname (chamber_store_get_path (store));
  return g_build_filename (local_dir, "previews", NULL);
}

/* The decoded PNG (ARGB32 or RGB24) as a texture, without a copy; *@out_pixels: its pixels,
 * one reference. An opaque page comes back from cairo as RGB24 with the unused byte set to
 * 0xff, which is ARGB32's layout for opaque pixels. */
static GdkTexture *
texture_for_png (cairo_surface_t *surface, GBytes **out_pixels)
{
  g_autoptr (GBytes) bytes = NULL;
  int height, stride;

  cairo_surface_flush (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  *out_pixels = g_bytes_ref (bytes);
  return chamber_texture_new_for_pixels (cairo_image_surface_get_width (surface), height, bytes,
                                         stride);
}

/* On a worker thread: a page preview's pixels, mapped from its file, as a texture (no decoding:
 * the pages come as raw pixels). */
static void
map_page_thread (GTask *task, gpointer source_object, gpointer task_data,
                 GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr (GBytes) pixels = NULL;
  GError *error = NULL;
  GdkTexture *texture;
  int width, height;

  if (g_task_return_error_if_cancelled (task))
    return;
  pixels = chamber_preview_map_page (path, &width, &height, &error);
  if (pixels == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  texture = chamber_texture_new_for_pixels (width, height, pixels, (gsize) width * 4);
  /* The pixels, for scaling the preview later without reading them back from the texture. */
  g_object_set_data_full (G_OBJECT (texture), "chamber-pixels", g_bytes_ref (pixels),
                          (GDestroyNotify) g_bytes_unref);
  g_task_return_pointer (task, texture, g_object_unref);
}

/* On a worker thread: the PNG file (a thumbnail) as a texture (decoding is disk and CPU work
 * the UI thread must not do). */
static void
decode_thread (GTask *task, gpointer source_object, gpointer task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  cairo_surface_t *surface;
  GdkTexture *texture;
  GBytes *pixels;

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No file %s", path);
      return;
    }
  surface = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS
      || (cairo_image_surface_get_format (surface) != CAIRO_FORMAT_ARGB32
          && cairo_image_surface_get_format (surface) != CAIRO_FORMAT_RGB24))
    {
      cairo_surface_destroy (surface);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               "Cannot decode %s", path);
      return;
    }
  texture = texture_for_png (surface, &pixels);
  /* The pixels, for scaling the preview later without reading them back from the texture. */
  g_object_set_data_full (G_OBJECT (texture), "chamber-pixels", pixels,
                          (GDestroyNotify) g_bytes_unref);
  g_task_return_pointer (task, texture, g_object_unref);
}

/* What a decode reports to: the loader while it lives (a decode does not keep it alive). */
typedef struct {
  GWeakRef loader;
  Step     step;
} Request;

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->loader);
  g_free (request);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Request, request_free)

static void
decoded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (Request) request = user_data;
  g_autoptr (ChamberPreviewLoader) self = g_weak_ref_get (&request->loader);
  Step step = request->step;
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (texture != NULL)
    {
      GdkTexture **slot = step.thumbnail ? &self->thumbnails[step.page] : &self->pages[step.page];

      g_set_object (slot, texture);
      if (!step.thumbnail)
        {
          g_clear_pointer (&self->pixels[step.page], g_bytes_unref);
          self->pixels[step.page] = g_object_steal_data (G_OBJECT (texture), "chamber-pixels");
        }
      g_signal_emit (self, signals[LOADED], 0, step.page, step.thumbnail);
    }
  else if (step.thumbnail)
    {
      /* The thumbnails end with the document's last page. */
      touch (self);
      return;
    }

  step.page++;
  if (!step.thumbnail && step.page >= CHAMBER_PREVIEW_PAGES)
    step = (Step) { 0, TRUE };
  if (step.thumbnail && step.page >= CHAMBER_PREVIEW_THUMBS)
    {
      touch (self);
      return;
    }
  load_step (self, step);
}

static void
load_step (ChamberPreviewLoader *self, Step step)
{
  g_autoptr (GTask) task = NULL;
  Request *request = g_new0 (Request, 1);
  char *path = chamber_preview_path (self->dir, self->sha256, step.page + 1, step.thumbnail);

  g_weak_ref_init (&request->loader, self);
  request->step = step;
  task = g_task_new (NULL, self->cancellable, decoded_cb, request);
  g_task_set_source_tag (task, load_step);
  g_task_set_task_data (task, path, g_free);
  g_task_run_in_thread (task, step.thumbnail ? decode_thread : map_page_thread);
}

/* On a worker thread: marks the set used now, so that the budget evicts it last. */
static void
touch_thread (GTask *task, gpointer source_object, gpointer task_data,
              GCancellable *cancellable)
{
  char **set = task_data;

  chamber_preview_touch (set[0], set[1]);
  g_task_return_boolean (task, TRUE);
}

/* Marks the set used now, once: the document opened is the last whose previews the budget
 * evicts (chamber-preview.h). Done when the previews are decoded (or the document closed
 * before), not at the open: the open's first frame has the two cores to itself. */
static void
touch (ChamberPreviewLoader *self)
{
  g_autoptr (GTask) task = NULL;

  if (self->touched)
    return;
  self->touched = TRUE;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, touch_thread);
  g_task_set_task_data (task, g_strdupv ((char *[]) { self->dir, self->sha256, NULL }),
                        (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, touch_thread);
}

ChamberPreviewLoader *
chamber_preview_loader_new (const char *dir, const char *sha256)
{
  ChamberPreviewLoader *self;

  g_return_val_if_fail (dir != NULL, NULL);

  if (sha256 == NULL || !chamber_preview_is_complete (dir, sha256))
    return NULL;
  self = g_object_new (CHAMBER_TYPE_PREVIEW_LOADER, NULL);
  self->dir = g_strdup (dir);
  self->sha256 = g_strdup (sha256);
  load_step (self, (Step) { 0, FALSE });
  return self;
}

/* A preview's pixels and the size wanted of them, for the scaling thread. */
typedef struct {
  GBytes *pixels;
  int     width;
  int     height;
  int     stride;
  int     scaled_width;
  int     scaled_height;
} Scale;

static void
scale_free (Scale *scale)
{
  g_bytes_unref (scale->pixels);
  g_free (scale);
}

static void
scale_thread (GTask *task, gpointer source_object, gpointer task_data,
              GCancellable *cancellable)
{
  Scale *scale = task_data;
  cairo_surface_t *source, *target;
  cairo_pattern_t *pattern;
  cairo_t *cr;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* Read only: the texture shares these pixels with the UI thread. */
  source = cairo_image_surface_create_for_data ((unsigned char *) g_bytes_get_data (scale->pixels,
                                                                                     NULL),
                                                CAIRO_FORMAT_ARGB32, scale->width,
                                                scale->height, scale->stride);
  target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, scale->scaled_width,
                                       scale->scaled_height);
  cr = cairo_create (target);
  cairo_scale (cr, (double) scale->scaled_width / scale->width,
               (double) scale->scaled_height / scale->height);
  cairo_set_source_surface (cr, source, 0, 0);
  pattern = cairo_get_source (cr);
  cairo_pattern_set_filter (pattern, CAIRO_FILTER_GOOD);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (source);
  if (cairo_surface_status (target) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (target);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                               "Cannot scale a preview to %d × %d", scale->scaled_width,
                               scale->scaled_height);
      return;
    }
  g_task_return_pointer (task, chamber_texture_new_for_surface (target), g_object_unref);
}

void
chamber_preview_loader_scale_async (ChamberPreviewLoader *self, int page, int width,
                                    int height, GCancellable *cancellable,
                                    GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Scale *scale;

  g_return_if_fail (CHAMBER_IS_PREVIEW_LOADER (self));
  g_return_if_fail (width > 0 && height > 0);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chamber_preview_loader_scale_async);
  if (page < 0 || page >= CHAMBER_PREVIEW_PAGES || self->pixels[page] == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "No preview of page %d", page + 1);
      return;
    }
  scale = g_new0 (Scale, 1);
  scale->pixels = g_bytes_ref (self->pixels[page]);
  scale->width = gdk_texture_get_width (self->pages[page]);
  scale->height = gdk_texture_get_height (self->pages[page]);
  scale->stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, scale->width);
  scale->scaled_width = width;
  scale->scaled_height = height;
  g_task_set_task_data (task, scale, (GDestroyNotify) scale_free);
  g_task_run_in_thread (task, scale_thread);
}

GdkTexture *
chamber_preview_loader_scale_finish (ChamberPreviewLoader *self, GAsyncResult *result,
                                     GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

GdkTexture *
chamber_preview_loader_get_page (ChamberPreviewLoader *self, int page)
{
  g_return_val_if_fail (CHAMBER_IS_PREVIEW_LOADER (self), NULL);

  return page >= 0 && page < CHAMBER_PREVIEW_PAGES ? self->pages[page] : NULL;
}

GdkTexture *
chamber_preview_loader_get_thumbnail (ChamberPreviewLoader *self, int page)
{
  g_return_val_if_fail (CHAMBER_IS_PREVIEW_LOADER (self), NULL);

  return page >= 0 && page < CHAMBER_PREVIEW_THUMBS ? self->thumbnails[page] : NULL;
}

static void
chamber_preview_loader_dispose (GObject *object)
{
  ChamberPreviewLoader *self = CHAMBER_PREVIEW_LOADER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->dir != NULL)
    touch (self);
  for (int i = 0; i < CHAMBER_PREVIEW_PAGES; i++)
    {
      g_clear_object (&self->pages[i]);
      g_clear_pointer (&self->pixels[i], g_bytes_unref);
    }
  for (int i = 0; i < CHAMBER_PREVIEW_THUMBS; i++)
    g_clear_object (&self->thumbnails[i]);

  G_OBJECT_CLASS (chamber_preview_loader_parent_class)->dispose (object);
}

static void
chamber_preview_loader_finalize (GObject *object)
{
  ChamberPreviewLoader *self = CHAMBER_PREVIEW_LOADER (object);

  g_clear_object (&self->cancellable);
  g_free (self->dir);
  g_free (self->sha256);

  G_OBJECT_CLASS (chamber_preview_loader_parent_class)->finalize (object);
}

static void
chamber_preview_loader_class_init (ChamberPreviewLoaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chamber_preview_loader_dispose;
  object_class->finalize = chamber_preview_loader_finalize;

  signals[LOADED] =
    g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_BOOLEAN);
}

static void
chamber_preview_loader_init (ChamberPreviewLoader *self)
{
  self->cancellable = g_cancellable_new ();
}
