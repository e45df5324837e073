/* chamber-render-job-private.h — what ChamberRenderWorker needs of a job beyond its public API.
 * Not for the app, server or CLI. */
#pragma once

#include "chamber-render-job.h"

G_BEGIN_DECLS

/* Under the worker's lock: the queue the job sits in follows the priority. */
void chamber_render_job_set_priority (ChamberRenderJob *self, ChamberRenderPriority priority);
/* Finishes the job with a copy of @error without running it (the document did not open). */
void chamber_render_job_fail (ChamberRenderJob *self, const GError *error);
/* On the worker's main context, after a run: emits ::finished unless the job was cancelled. */
void chamber_render_job_emit_finished (ChamberRenderJob *self);

G_END_DECLS
