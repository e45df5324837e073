/* chamber-render-job.c — one page to a cairo image surface (see chamber-render-job.h).
 *
 * Errors are in the CHAMBER_PDF_ERROR domain (codes in chamber-pdf.h), plus G_IO_ERROR_CANCELLED
 * for a job cancelled before it ran. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "chamber-pdf.h"
#include "chamber-render-job-private.h"

struct _ChamberRenderJob
{
  GObject               parent_instance;

  int                   page;
  double                scale;
  int                   rotation;
  ChamberRenderPriority priority;

  int                   cancelled;  /* atomic */
  int                   finished;   /* atomic: set once the results below are written */
  cairo_surface_t      *surface;
  GError               *error;
};

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberRenderJob, chamber_render_job, G_TYPE_OBJECT)

static void
chamber_render_job_finalize (GObject *object)
{
  ChamberRenderJob *self = CHAMBER_RENDER_JOB (object);

  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (chamber_render_job_parent_class)->finalize (object);
}

static void
chamber_render_job_class_init (ChamberRenderJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chamber_render_job_finalize;

  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
chamber_render_job_init (ChamberRenderJob *self)
{
  self->scale = 1.0;
}

ChamberRenderJob *
chamber_render_job_new (int                   page,
                        double                scale,
                        int                   rotation,
                        ChamberRenderPriority priority)
{
  ChamberRenderJob *self;

  g_return_val_if_fail (scale > 0 && isfinite (scale), NULL);
  g_return_val_if_fail (rotation % 90 == 0, NULL);
  g_return_val_if_fail (priority >= CHAMBER_RENDER_PRIORITY_VISIBLE
                          && priority <= CHAMBER_RENDER_PRIORITY_THUMBNAIL,
                        NULL);

  self = g_object_new (CHAMBER_TYPE_RENDER_JOB, NULL);
  self->page = page;
  self->scale = scale;
  self->rotation = ((rotation % 360) + 360) % 360;
  self->priority = priority;
  return self;
}

int
chamber_render_job_get_page (ChamberRenderJob *self)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_JOB (self), -1);
  return self->page;
}

double
chamber_render_job_get_scale (ChamberRenderJob *self)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_JOB (self), 0);
  return self->scale;
}

int
chamber_render_job_get_rotation (ChamberRenderJob *self)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_JOB (self), 0);
  return self->rotation;
}

ChamberRenderPriority
chamber_render_job_get_priority (ChamberRenderJob *self)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_JOB (self), CHAMBER_RENDER_PRIORITY_VISIBLE);
  return self->priority;
}

void
chamber_render_job_set_priority (ChamberRenderJob     *self,
                                 ChamberRenderPriority priority)
{
  g_return_if_fail (CHAMBER_IS_RENDER_JOB (self));
  self->priority = priority;
}

static gboolean
run_page (ChamberRenderJob *self,
          PopplerDocument  *document,
          GError          **error)
{
  PopplerPage *page;
  int n_pages = poppler_document_get_n_pages (document);

  if (self->page < 0 || self->page >= n_pages)
    {
      g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_BAD_PAGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "There is no page %d: the document has %d page.",
                                "There is no page %d: the document has %d pages.", n_pages),
                   self->page + 1, n_pages);
      return FALSE;
    }

  page = poppler_document_get_page (document, self->page);
  if (page == NULL)
    {
      g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_DAMAGED,
                   _("The document is damaged (page %d cannot be read). Ask for a new copy of "
                     "the file."),
                   self->page + 1);
      return FALSE;
    }

  self->surface = chamber_pdf_render_page (page, self->scale, self->rotation, error);
  g_object_unref (page);
  return self->surface != NULL;
}

gboolean
chamber_render_job_run (ChamberRenderJob *self,
                        PopplerDocument  *document,
                        GError          **error)
{
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (CHAMBER_IS_RENDER_JOB (self), FALSE);
  g_return_val_if_fail (POPPLER_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (!g_atomic_int_get (&self->finished), FALSE);

  if (g_atomic_int_get (&self->cancelled))
    {
      g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The page was no longer needed and was not drawn."));
      ok = FALSE;
    }
  else
    ok = run_page (self, document, &local_error);

  if (!ok)
    {
      self->error = g_error_copy (local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
    }
  g_atomic_int_set (&self->finished, TRUE);
  return ok;
}

void
chamber_render_job_fail (ChamberRenderJob *self,
                         const GError     *error)
{
  g_return_if_fail (CHAMBER_IS_RENDER_JOB (self));
  g_return_if_fail (error != NULL);
  g_return_if_fail (!g_atomic_int_get (&self->finished));

  self->error = g_error_copy (error);
  g_atomic_int_set (&self->finished, TRUE);
}

cairo_surface_t *
chamber_render_job_get_surface (ChamberRenderJob *self)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_JOB (self), NULL);

  if (!g_atomic_int_get (&self->finished))
    return NULL;
  return self->surface;
}

const GError *
chamber_render_job_get_error (ChamberRenderJob *self)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_JOB (self), NULL);

  if (!g_atomic_int_get (&self->finished))
    return NULL;
  return self->error;
}

gboolean
chamber_render_job_is_finished (ChamberRenderJob *self)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_JOB (self), FALSE);
  return g_atomic_int_get (&self->finished);
}

void
chamber_render_job_cancel (ChamberRenderJob *self)
{
  g_return_if_fail (CHAMBER_IS_RENDER_JOB (self));
  g_atomic_int_set (&self->cancelled, TRUE);
}

gboolean
chamber_render_job_is_cancelled (ChamberRenderJob *self)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_JOB (self), FALSE);
  return g_atomic_int_get (&self->cancelled);
}

void
chamber_render_job_emit_finished (ChamberRenderJob *self)
{
  g_return_if_fail (CHAMBER_IS_RENDER_JOB (self));

  if (g_atomic_int_get (&self->cancelled) || !g_atomic_int_get (&self->finished))
    return;
  g_signal_emit (self, signals[FINISHED], 0);
}
