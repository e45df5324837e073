/* chamber-render-job.h — one page of one document, at one scale and rotation, to a cairo image
 * surface.
 *
 * A job is the unit a ChamberRenderWorker schedules; it also runs on its own, synchronously, on
 * whatever thread owns the PopplerDocument (tests, benchmarks, command-line tools):
 *
 *   g_autoptr (ChamberRenderJob) job = chamber_render_job_new (0, 2.0, 0,
 *                                                            CHAMBER_RENDER_PRIORITY_VISIBLE);
 *   if (chamber_render_job_run (job, document, &error))
 *     use (chamber_render_job_get_surface (job));
 *
 * Thread rules: create a job and read its results on one thread (the one running the main
 * context of the worker it is queued on). Its page, scale and rotation never change after
 * creation. chamber_render_job_cancel() may be called from any thread. Results are set once, by
 * chamber_render_job_run(); read them after it returned or in a ::finished handler. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <poppler.h>

G_BEGIN_DECLS

/* The order in which a worker runs what is queued: everything VISIBLE before anything NEIGHBOUR,
 * and so on down; first queued, first run within one priority. */
typedef enum {
  CHAMBER_RENDER_PRIORITY_VISIBLE,    /* a page on screen */
  CHAMBER_RENDER_PRIORITY_NEIGHBOUR,  /* a page next to the screen, rendered ahead of a page turn */
  CHAMBER_RENDER_PRIORITY_FIND,       /* find in the whole document, page by page */
  CHAMBER_RENDER_PRIORITY_THUMBNAIL,  /* the sidebar's small pages */
} ChamberRenderPriority;

#define CHAMBER_RENDER_N_PRIORITIES 4

#define CHAMBER_TYPE_RENDER_JOB (chamber_render_job_get_type ())
G_DECLARE_FINAL_TYPE (ChamberRenderJob, chamber_render_job, CHAMBER, RENDER_JOB, GObject)

/* @page counts from 0. @scale is device pixels per point (1.0 = 72 dpi; multiply by the
 * widget's scale factor for HiDPI). @rotation is 0, 90, 180 or 270 (clockwise; 90 and 270 swap
 * width and height). The surface is capped at CHAMBER_PDF_MAX_SURFACE_SIDE on its longest side. */
ChamberRenderJob     *chamber_render_job_new (int page, double scale, int rotation,
                                              ChamberRenderPriority priority);

int                   chamber_render_job_get_page (ChamberRenderJob *self);
double                chamber_render_job_get_scale (ChamberRenderJob *self);
int                   chamber_render_job_get_rotation (ChamberRenderJob *self);
/* The priority it was created with, or the last one given to
 * chamber_render_worker_set_job_priority(). */
ChamberRenderPriority chamber_render_job_get_priority (ChamberRenderJob *self);

/* Renders on the calling thread, which must be the only one using @document. Fails with
 * CHAMBER_PDF_ERROR_BAD_PAGE for a page out of range, CHAMBER_PDF_ERROR_DAMAGED for a page that
 * cannot be read or drawn, CHAMBER_PDF_ERROR_IO when the surface cannot be allocated, and
 * G_IO_ERROR_CANCELLED when the job was cancelled before it started. A job runs once. */
gboolean              chamber_render_job_run (ChamberRenderJob *self, PopplerDocument *document,
                                              GError **error);

/* After a successful run: an ARGB32 image surface, opaque, owned by the job (take a reference
 * with cairo_surface_reference() to keep it). NULL before, and after a failure. */
cairo_surface_t      *chamber_render_job_get_surface (ChamberRenderJob *self);
/* After a failed run: why; NULL otherwise. */
const GError         *chamber_render_job_get_error (ChamberRenderJob *self);
gboolean              chamber_render_job_is_finished (ChamberRenderJob *self);

/* Any thread. A job cancelled before it ran is never run; one cancelled while it runs finishes
 * but is not delivered: either way ::finished is never emitted after this call. */
void                  chamber_render_job_cancel (ChamberRenderJob *self);
gboolean              chamber_render_job_is_cancelled (ChamberRenderJob *self);

/* Signals (emitted only by a ChamberRenderWorker, on the main context that created it):
 *
 * ::finished (ChamberRenderJob *job) — the job ran: chamber_render_job_get_surface() or
 *   chamber_render_job_get_error() holds the result. Not emitted for a cancelled job, nor after
 *   the worker was disposed. */

G_END_DECLS
