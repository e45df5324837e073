/* chamber-render-worker.h — the one thread that reads one open PDF.
 *
 * poppler-glib must not use one document from two threads, and the UI thread must never call
 * poppler (not even to count pages), so each open document gets a worker: a thread of its own
 * that opens the file with chamber_pdf_open() and then runs, one at a time, everything asked of
 * the document — page renders (ChamberRenderJob), text with character boxes, find, links and the
 * outline. Nothing here depends on GTK: renders come out as cairo image surfaces.
 *
 * Order. What is queued runs by priority: every CHAMBER_RENDER_PRIORITY_VISIBLE request first,
 * then NEIGHBOUR, then FIND, then THUMBNAIL; within one priority, first queued first run. The
 * open always runs before anything else. To queue a batch as one (so that the worker does not
 * start the first thumbnail before the visible page of the same batch is queued), bracket it
 * with chamber_render_worker_freeze() and chamber_render_worker_thaw().
 *
 * Cancellation. chamber_render_job_cancel() or chamber_render_worker_cancel_outside() removes
 * queued render jobs: a cancelled job is never run, and never delivered. A request made with a
 * GCancellable that is cancelled before it runs is skipped and completes with
 * G_IO_ERROR_CANCELLED.
 *
 * Delivery. Results reach the thread-default main context of the thread that called
 * chamber_render_worker_new() (the UI thread in the app), always through an idle source at
 * G_PRIORITY_DEFAULT — never by a callback from the worker thread:
 *   ::opened / ::open-failed          once, after the open;
 *   ChamberRenderJob::finished         for each render job that ran and was not cancelled;
 *   GAsyncReadyCallback                for each *_async() request (GIO conventions).
 *
 * Thread rules. Call every function from the thread that created the worker. Dropping the last
 * reference closes the document: queued work is discarded, a render in progress finishes on the
 * worker thread without being delivered, and the UI does not wait for it (the thread is joined
 * once it has finished, at the latest when the process exits). A pending *_async() request
 * holds a reference to the worker until its callback has run.
 *
 * Errors: CHAMBER_PDF_ERROR (codes in chamber-pdf.h) — an open failure as chamber_pdf_open()
 * reports it (or NO_PAGES, or DAMAGED when no page at all can be read), BAD_PAGE for a page out
 * of range, DAMAGED for a page that cannot be read; requests made after a failed open fail with
 * the open's error. G_IO_ERROR_CANCELLED for a cancelled request. */
#pragma once

#include <gio/gio.h>

#include "chamber-pdf-text.h"
#include "chamber-pdf-navigation.h"
#include "chamber-render-job.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_RENDER_WORKER (chamber_render_worker_get_type ())
G_DECLARE_FINAL_TYPE (ChamberRenderWorker, chamber_render_worker, CHAMBER, RENDER_WORKER,
                      GObject)

/* Starts the worker thread, which opens @path with @password (NULL for none); ::opened or
 * ::open-failed follows. To try another password, create a new worker. */
ChamberRenderWorker *chamber_render_worker_new (const char *path, const char *password);
const char          *chamber_render_worker_get_path (ChamberRenderWorker *self);

/* Signals:
 *
 * ::opened (ChamberRenderWorker *worker, int n_pages) — the document is open; the getters below
 *   answer from now on.
 * ::open-failed (ChamberRenderWorker *worker, GError *error) — it could not be opened; show
 *   error->message (translated, says what to do). CHAMBER_PDF_ERROR_ENCRYPTED: ask for the
 *   password and open a new worker with it. */

/* After ::opened (before: FALSE, 0, NULL, -1). Pages count from 0; sizes are in points after
 * the page's own /Rotate, as rendered at rotation 0. A page that cannot be read has A4's size. */
gboolean    chamber_render_worker_is_opened (ChamberRenderWorker *self);
int         chamber_render_worker_get_n_pages (ChamberRenderWorker *self);
gboolean    chamber_render_worker_get_page_size (ChamberRenderWorker *self, int page,
                                                 double *out_width, double *out_height);
/* The printed page label (“iv”, “A-3”, or “12” when the document defines none). */
const char *chamber_render_worker_get_page_label (ChamberRenderWorker *self, int page);
/* The page whose label is @label, else the page numbered @label counting from 1; -1 if none:
 * what go-to-page needs. */
int         chamber_render_worker_find_page (ChamberRenderWorker *self, const char *label);
/* The title from the document's metadata, or NULL. */
const char *chamber_render_worker_get_title (ChamberRenderWorker *self);

/* Queues @job (the worker keeps a reference until it is delivered or dropped). A job is
 * queued once. Connect to its ::finished signal before or after queuing. */
void  chamber_render_worker_queue (ChamberRenderWorker *self, ChamberRenderJob *job);
/* Moves a queued @job to @priority (as if queued now at that priority); no effect once it has
 * started. */
void  chamber_render_worker_set_job_priority (ChamberRenderWorker *self, ChamberRenderJob *job,
                                              ChamberRenderPriority priority);
/* Cancels every queued VISIBLE and NEIGHBOUR render job whose page lies outside
 * @first_page … @last_page: the pages scrolled away. Thumbnail jobs are left alone (the
 * sidebar cancels its own with chamber_render_job_cancel()). Returns how many were cancelled
 * by this call. */
guint chamber_render_worker_cancel_outside (ChamberRenderWorker *self, int first_page,
                                            int last_page);
/* While frozen (calls nest), the worker starts nothing new; thaw lets it pick the most urgent of
 * everything queued meanwhile. */
void  chamber_render_worker_freeze (ChamberRenderWorker *self);
void  chamber_render_worker_thaw (ChamberRenderWorker *self);

/* The text of @page with one box per character, for selection and copy. */
void             chamber_render_worker_get_text_async (ChamberRenderWorker *self, int page,
                                                       ChamberRenderPriority priority,
                                                       GCancellable *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer user_data);
ChamberPdfText *chamber_render_worker_get_text_finish (ChamberRenderWorker *self,
                                                        GAsyncResult *result, GError **error);

/* Every match of @needle on @page: an array of ChamberPdfTextMatch (chamber-pdf-text.h), empty
 * when none. Find in a whole document is one request per page; queue them at NEIGHBOUR or
 * FIND priority so that renders of the visible page and its neighbours go first. */
void    chamber_render_worker_find_async (ChamberRenderWorker *self, int page, const char *needle,
                                          PopplerFindFlags flags, ChamberRenderPriority priority,
                                          GCancellable *cancellable, GAsyncReadyCallback callback,
                                          gpointer user_data);
GArray *chamber_render_worker_find_finish (ChamberRenderWorker *self, GAsyncResult *result,
                                           GError **error);

/* The links on @page: an array of ChamberPdfLink (chamber-pdf-navigation.h). */
void    chamber_render_worker_get_links_async (ChamberRenderWorker *self, int page,
                                               ChamberRenderPriority priority,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
GArray *chamber_render_worker_get_links_finish (ChamberRenderWorker *self, GAsyncResult *result,
                                                GError **error);

/* The outline, flattened with depth and target page: an array of ChamberPdfOutlineEntry, empty
 * when the document has none. */
void    chamber_render_worker_get_outline_async (ChamberRenderWorker *self,
                                                 ChamberRenderPriority priority,
                                                 GCancellable *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer user_data);
GArray *chamber_render_worker_get_outline_finish (ChamberRenderWorker *self,
                                                  GAsyncResult *result, GError **error);

G_END_DECLS
