/* chamber-page-renderer.c — the render worker of one open PDF (see chamber-page-renderer.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-page-renderer.h"
#include "chamber-pdf.h"

/* What the worker thread and the main thread share. The worker alone touches @document;
 * the interest fields are atomics written by the main thread. */
typedef struct {
  gatomicrefcount  ref_count;
  char            *path;
  char            *password;
  PopplerDocument *document;
  GMainContext    *context;
  GWeakRef         owner;
  int              closed;
  int              min_generation;
  int              interest_page;
  int              interest_radius;
} Worker;

typedef enum {
  JOB_OPEN,
  JOB_RENDER,
} JobKind;

typedef struct {
  Worker     *worker;
  JobKind     kind;
  int         page;
  double      scale;
  int         priority;
  guint       generation;
  guint       sequence;

  /* Results */
  int         n_pages;
  GArray     *sizes;    /* double pairs: width, height in points */
  GdkTexture *texture;
  GError     *error;
  gboolean    skipped;
} Job;

struct _ChamberPageRenderer
{
  GObject      parent_instance;

  Worker      *worker;
  GThreadPool *pool;
  guint        sequence;
  gboolean     opened;
  int          n_pages;
  GArray      *sizes;
};

enum {
  OPENED,
  OPEN_FAILED,
  PAGE_RENDERED,
  PAGE_FAILED,
  PAGE_SKIPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberPageRenderer, chamber_page_renderer, G_TYPE_OBJECT)

static Worker *
worker_ref (Worker *worker)
{
  g_atomic_ref_count_inc (&worker->ref_count);
  return worker;
}

static void
worker_unref (Worker *worker)
{
  if (!g_atomic_ref_count_dec (&worker->ref_count))
    return;
  /* The last reference goes after the last job: nothing else uses the document now. */
  g_clear_object (&worker->document);
  g_clear_pointer (&worker->context, g_main_context_unref);
  g_weak_ref_clear (&worker->owner);
  g_free (worker->path);
  g_free (worker->password);
  g_free (worker);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->texture);
  g_clear_error (&job->error);
  g_clear_pointer (&job->sizes, g_array_unref);
  worker_unref (job->worker);
  g_free (job);
}

static int
compare_jobs (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const Job *ja = a;
  const Job *jb = b;

  if (ja->priority != jb->priority)
    return ja->priority < jb->priority ? -1 : 1;
  if (ja->sequence != jb->sequence)
    return ja->sequence < jb->sequence ? -1 : 1;
  return 0;
}

static void
texture_data_free (gpointer surface)
{
  cairo_surface_destroy (surface);
}

GdkTexture *
chamber_page_renderer_render_page (PopplerDocument *document, int page, double scale,
                                   GError **error)
{
  PopplerPage *poppler_page;
  g_autoptr (GBytes) bytes = NULL;
  cairo_surface_t *surface;
  int width, height, stride;

  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), NULL);

  poppler_page = poppler_document_get_page (document, page);
  if (poppler_page == NULL)
    {
      g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_BAD_PAGE,
                   _("The page cannot be read; this part of the document is damaged."));
      return NULL;
    }
  surface = chamber_pdf_render_page (poppler_page, scale, 0, error);
  g_object_unref (poppler_page);
  if (surface == NULL)
    return NULL;

  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* GDK_MEMORY_DEFAULT is cairo's ARGB32 layout: the texture shares the surface's pixels. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height, texture_data_free, surface);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static gboolean
deliver_cb (gpointer data)
{
  Job *job = data;
  Worker *worker = job->worker;
  g_autoptr (ChamberPageRenderer) self = NULL;

  if (g_atomic_int_get (&worker->closed))
    return G_SOURCE_REMOVE;
  self = g_weak_ref_get (&worker->owner);
  if (self == NULL)
    return G_SOURCE_REMOVE;

  if (job->kind == JOB_OPEN)
    {
      if (job->error != NULL)
        {
          g_signal_emit (self, signals[OPEN_FAILED], 0, job->error);
          return G_SOURCE_REMOVE;
        }
      self->opened = TRUE;
      self->n_pages = job->n_pages;
      self->sizes = g_steal_pointer (&job->sizes);
      g_signal_emit (self, signals[OPENED], 0, self->n_pages);
    }
  else if (job->skipped)
    g_signal_emit (self, signals[PAGE_SKIPPED], 0, job->page, job->generation);
  else if (job->error != NULL)
    g_signal_emit (self, signals[PAGE_FAILED], 0, job->page, job->generation, job->error);
  else
    g_signal_emit (self, signals[PAGE_RENDERED], 0, job->page, job->generation, job->texture);

  return G_SOURCE_REMOVE;
}

static void
deliver (Worker *worker, Job *job)
{
  GSource *source = g_idle_source_new ();

  /* Always through the main loop: g_main_context_invoke() would run the callback right here,
   * in the worker, whenever the main context happens to be free. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_cb, job, (GDestroyNotify) job_free);
  g_source_set_static_name (source, "[chamber] page delivered");
  g_source_attach (source, worker->context);
  g_source_unref (source);
}

static void
run_open (Worker *worker, Job *job)
{
  int n_pages;

  worker->document = chamber_pdf_open (worker->path, worker->password, &job->error);
  if (worker->document == NULL)
    return;

  n_pages = poppler_document_get_n_pages (worker->document);
  if (n_pages <= 0)
    {
      g_set_error (&job->error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_NO_PAGES,
                   _("This document has no pages. Ask the secretariat to publish it again."));
      g_clear_object (&worker->document);
      return;
    }

  job->n_pages = n_pages;
  job->sizes = g_array_sized_new (FALSE, TRUE, sizeof (double), 2 * n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (worker->document, i);
      double size[2] = { 595.0, 842.0 };  /* A4, for a page that cannot be read */

      if (page != NULL)
        {
          poppler_page_get_size (page, &size[0], &size[1]);
          g_object_unref (page);
        }
      g_array_append_vals (job->sizes, size, 2);
    }
}

static void
run_render (Worker *worker, Job *job)
{
  int distance;

  distance = ABS (job->page - g_atomic_int_get (&worker->interest_page));
  if (worker->document == NULL
      || job->generation < (guint) g_atomic_int_get (&worker->min_generation)
      || distance > g_atomic_int_get (&worker->interest_radius))
    {
      job->skipped = TRUE;
      return;
    }
  job->texture = chamber_page_renderer_render_page (worker->document, job->page, job->scale,
                                                    &job->error);
}

static void
run_job (gpointer data, gpointer user_data)
{
  Job *job = data;
  Worker *worker = job->worker;

  if (g_atomic_int_get (&worker->closed))
    {
      job_free (job);
      return;
    }

  if (job->kind == JOB_OPEN)
    run_open (worker, job);
  else
    run_render (worker, job);

  deliver (worker, job);
}

static Job *
job_new (ChamberPageRenderer *self, JobKind kind)
{
  Job *job = g_new0 (Job, 1);

  job->worker = worker_ref (self->worker);
  job->kind = kind;
  job->sequence = self->sequence++;
  return job;
}

ChamberPageRenderer *
chamber_page_renderer_new (const char *path, const char *password)
{
  ChamberPageRenderer *self;
  Job *job;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_PAGE_RENDERER, NULL);
  self->worker->path = g_strdup (path);
  self->worker->password = g_strdup (password);

  job = job_new (self, JOB_OPEN);
  job->priority = G_MININT;
  g_thread_pool_push (self->pool, job, NULL);
  return self;
}

const char *
chamber_page_renderer_get_path (ChamberPageRenderer *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_RENDERER (self), NULL);
  return self->worker->path;
}

int
chamber_page_renderer_get_n_pages (ChamberPageRenderer *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_RENDERER (self), 0);
  return self->n_pages;
}

gboolean
chamber_page_renderer_get_page_size (ChamberPageRenderer *self, int page, double *out_width,
                                     double *out_height)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_RENDERER (self), FALSE);

  if (!self->opened || page < 0 || page >= self->n_pages)
    return FALSE;
  if (out_width != NULL)
    *out_width = g_array_index (self->sizes, double, 2 * page);
  if (out_height != NULL)
    *out_height = g_array_index (self->sizes, double, 2 * page + 1);
  return TRUE;
}

void
chamber_page_renderer_render (ChamberPageRenderer *self, int page, double scale, int priority,
                              guint generation)
{
  Job *job;

  g_return_if_fail (CHAMBER_IS_PAGE_RENDERER (self));
  g_return_if_fail (scale > 0);

  job = job_new (self, JOB_RENDER);
  job->page = page;
  job->scale = scale;
  job->priority = priority;
  job->generation = generation;
  g_thread_pool_push (self->pool, job, NULL);
}

void
chamber_page_renderer_set_interest (ChamberPageRenderer *self, guint min_generation, int page,
                                    int radius)
{
  g_return_if_fail (CHAMBER_IS_PAGE_RENDERER (self));

  g_atomic_int_set (&self->worker->min_generation, (int) min_generation);
  g_atomic_int_set (&self->worker->interest_page, page);
  g_atomic_int_set (&self->worker->interest_radius, radius);
}

static void
chamber_page_renderer_dispose (GObject *object)
{
  ChamberPageRenderer *self = CHAMBER_PAGE_RENDERER (object);

  if (self->pool != NULL)
    {
      /* Queued jobs are dropped; a running one finishes on its own and is not delivered.
       * Nothing here waits for the worker. */
      g_atomic_int_set (&self->worker->closed, TRUE);
      g_thread_pool_free (g_steal_pointer (&self->pool), TRUE, FALSE);
    }

  G_OBJECT_CLASS (chamber_page_renderer_parent_class)->dispose (object);
}

static void
chamber_page_renderer_finalize (GObject *object)
{
  ChamberPageRenderer *self = CHAMBER_PAGE_RENDERER (object);

  g_clear_pointer (&self->sizes, g_array_unref);
  g_clear_pointer (&self->worker, worker_unref);

  G_OBJECT_CLASS (chamber_page_renderer_parent_class)->finalize (object);
}

static void
chamber_page_renderer_class_init (ChamberPageRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chamber_page_renderer_dispose;
  object_class->finalize = chamber_page_renderer_finalize;

  signals[OPENED] =
    g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
  signals[OPEN_FAILED] =
    g_signal_new ("open-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
  signals[PAGE_RENDERED] =
    g_signal_new ("page-rendered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_UINT, GDK_TYPE_TEXTURE);
  signals[PAGE_FAILED] =
    g_signal_new ("page-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_UINT, G_TYPE_ERROR);
  signals[PAGE_SKIPPED] =
    g_signal_new ("page-skipped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_UINT);
}

static void
chamber_page_renderer_init (ChamberPageRenderer *self)
{
  self->worker = g_new0 (Worker, 1);
  g_atomic_ref_count_init (&self->worker->ref_count);
  self->worker->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&self->worker->owner, self);
  self->worker->interest_radius = G_MAXINT / 2;

  /* One thread: poppler must not use one document from two threads. */
  self->pool = g_thread_pool_new_full (run_job, NULL, (GDestroyNotify) job_free, 1, FALSE, NULL);
  g_thread_pool_set_sort_function (self->pool, compare_jobs, NULL);
}
