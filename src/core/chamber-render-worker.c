/* chamber-render-worker.c — one thread per open PDF (see chamber-render-worker.h).
 *
 * The worker object lives on the thread that created it; the worker thread shares with it only
 * the Shared block below: queues under a mutex, the main context to deliver to, and a weak
 * reference back to the object. The PopplerDocument is a local of the worker thread, so
 * nothing else can reach it. Every Request is created and freed on the main context's thread:
 * the worker thread hands each one back through an idle source, even one it skipped, so that a
 * job's or a task's last reference never drops on the worker thread. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "chamber-pdf.h"
#include "chamber-render-job-private.h"
#include "chamber-render-worker.h"

/* A4 portrait, in points: the size shown for a page that cannot be read. */
#define FALLBACK_WIDTH  595.0
#define FALLBACK_HEIGHT 842.0

typedef struct _Shared Shared;

typedef enum {
  REQUEST_OPEN,
  REQUEST_RENDER,
  REQUEST_TEXT,
  REQUEST_FIND,
  REQUEST_LINKS,
  REQUEST_OUTLINE,
} RequestKind;

/* What the open found, handed to the main thread in one piece. */
typedef struct {
  int     n_pages;
  GArray *sizes;   /* double pairs: width, height */
  GStrv   labels;  /* n_pages labels */
  char   *title;
} OpenInfo;

typedef struct {
  Shared               *shared;
  RequestKind           kind;
  ChamberRenderPriority priority;

  /* REQUEST_RENDER */
  ChamberRenderJob     *job;
  /* Every other kind but REQUEST_OPEN */
  GTask                *task;
  gboolean              task_returned;
  int                   page;
  char                 *needle;
  PopplerFindFlags      flags;

  /* Results, written by the worker thread before delivery */
  OpenInfo             *info;
  gpointer              result;
  GDestroyNotify        result_free;
  GError               *error;
} Request;

struct _Shared
{
  gatomicrefcount ref_count;
  char           *path;
  char           *password;
  GMainContext   *context;
  GWeakRef        owner;

  GMutex          mutex;
  GCond           cond;
  /* Under @mutex: */
  Request        *open;
  GQueue          queues[CHAMBER_RENDER_N_PRIORITIES];
  guint           freeze_count;
  gboolean        closing;

  int             thread_done;  /* atomic: the worker thread is about to return */
};

struct _ChamberRenderWorker
{
  GObject   parent_instance;

  Shared   *shared;
  GThread  *thread;
  OpenInfo *info;  /* after ::opened */
};

enum {
  OPENED,
  OPEN_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberRenderWorker, chamber_render_worker, G_TYPE_OBJECT)

static Shared *
shared_ref (Shared *shared)
{
  g_atomic_ref_count_inc (&shared->ref_count);
  return shared;
}

static void
shared_unref (Shared *shared)
{
  if (!g_atomic_ref_count_dec (&shared->ref_count))
    return;
  g_free (shared->path);
  g_free (shared->password);
  g_main_context_unref (shared->context);
  g_weak_ref_clear (&shared->owner);
  g_mutex_clear (&shared->mutex);
  g_cond_clear (&shared->cond);
  g_free (shared);
}

static void
open_info_free (OpenInfo *info)
{
  if (info == NULL)
    return;
  g_clear_pointer (&info->sizes, g_array_unref);
  g_strfreev (info->labels);
  g_free (info->title);
  g_free (info);
}

static Request *
request_new (ChamberRenderWorker  *self,
             RequestKind           kind,
             ChamberRenderPriority priority)
{
  Request *request = g_new0 (Request, 1);

  request->shared = shared_ref (self->shared);
  request->kind = kind;
  request->priority = CLAMP (priority, CHAMBER_RENDER_PRIORITY_VISIBLE,
                             CHAMBER_RENDER_PRIORITY_THUMBNAIL);
  return request;
}

/* On the main context's thread only. */
static void
request_free (Request *request)
{
  g_clear_object (&request->job);
  if (request->task != NULL && !request->task_returned)
    g_task_return_new_error (request->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The document was closed."));
  g_clear_object (&request->task);
  g_free (request->needle);
  g_clear_pointer (&request->info, open_info_free);
  if (request->result != NULL && request->result_free != NULL)
    request->result_free (request->result);
  g_clear_error (&request->error);
  shared_unref (request->shared);
  g_free (request);
}

static gboolean
request_is_cancelled (Request *request)
{
  if (request->job != NULL)
    return chamber_render_job_is_cancelled (request->job);
  if (request->task != NULL)
    return g_cancellable_is_cancelled (g_task_get_cancellable (request->task));
  return FALSE;
}

/* ── delivery, on the main context ─────────────────────────────────────────────────────────── */

static void
deliver_open (ChamberRenderWorker *self,
              Request             *request)
{
  if (request->error != NULL)
    {
      g_signal_emit (self, signals[OPEN_FAILED], 0, request->error);
      return;
    }
  self->info = g_steal_pointer (&request->info);
  g_signal_emit (self, signals[OPENED], 0, self->info->n_pages);
}

static gboolean
deliver_cb (gpointer data)
{
  Request *request = data;
  Shared *shared = request->shared;
  gboolean closing;

  g_mutex_lock (&shared->mutex);
  closing = shared->closing;
  g_mutex_unlock (&shared->mutex);

  switch (request->kind)
    {
    case REQUEST_OPEN:
      if (!closing)
        {
          g_autoptr (ChamberRenderWorker) self = g_weak_ref_get (&shared->owner);

          if (self != NULL)
            deliver_open (self, request);
        }
      break;

    case REQUEST_RENDER:
      /* The job itself checks whether it was cancelled meanwhile. */
      if (!closing)
        chamber_render_job_emit_finished (request->job);
      break;

    case REQUEST_TEXT:
    case REQUEST_FIND:
    case REQUEST_LINKS:
    case REQUEST_OUTLINE:
      if (request->error != NULL)
        g_task_return_error (request->task, g_steal_pointer (&request->error));
      else if (request->result == NULL)
        g_task_return_new_error (request->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                 _("The request was cancelled."));
      else
        g_task_return_pointer (request->task, g_steal_pointer (&request->result),
                               request->result_free);
      request->task_returned = TRUE;
      break;

    default:
      g_assert_not_reached ();
    }

  return G_SOURCE_REMOVE;
}

/* From the worker thread: hands @request back to the main context. */
static void
deliver (Request *request)
{
  GSource *source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_cb, request, (GDestroyNotify) request_free);
  g_source_set_static_name (source, "[chamber] render worker delivery");
  g_source_attach (source, request->shared->context);
  g_source_unref (source);
}

/* ── the worker thread ─────────────────────────────────────────────────────────────────────── */

typedef struct {
  PopplerDocument *document;
  GError          *open_error;
} Reader;

static void
run_open (Shared  *shared,
          Reader  *reader,
          Request *request)
{
  g_autoptr (PopplerDocument) document = NULL;
  g_autofree char *title = NULL;
  OpenInfo *info;
  int n_pages, readable = 0;

  document = chamber_pdf_open (shared->path, shared->password, &request->error);
  if (document == NULL)
    return;

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages <= 0)
    {
      g_set_error_literal (&request->error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_NO_PAGES,
                           _("The document has no pages that can be read. Ask for a new copy "
                             "of the file."));
      return;
    }

  info = g_new0 (OpenInfo, 1);
  info->n_pages = n_pages;
  info->sizes = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n_pages);
  info->labels = g_new0 (char *, n_pages + 1);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (document, i);
      double size[2] = { FALLBACK_WIDTH, FALLBACK_HEIGHT };
      char *label = NULL;

      if (page != NULL)
        {
          readable++;
          poppler_page_get_size (page, &size[0], &size[1]);
          if (!(size[0] > 0) || !(size[1] > 0))
            {
              size[0] = FALLBACK_WIDTH;
              size[1] = FALLBACK_HEIGHT;
            }
          label = poppler_page_get_label (page);
        }
      if (label == NULL || *label == '\0' || !g_utf8_validate (label, -1, NULL))
        {
          g_free (label);
          label = g_strdup_printf ("%d", i + 1);
        }
      g_array_append_vals (info->sizes, size, 2);
      info->labels[i] = label;
    }

  if (readable == 0)
    {
      open_info_free (info);
      g_set_error (&request->error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_DAMAGED,
                   _("The document is damaged (page %d cannot be read). Ask for a new copy of "
                     "the file."),
                   1);
      return;
    }

  title = poppler_document_get_title (document);
  if (title != NULL)
    g_strstrip (title);
  if (title != NULL && *title != '\0' && g_utf8_validate (title, -1, NULL))
    info->title = g_steal_pointer (&title);

  request->info = info;
  reader->document = g_steal_pointer (&document);
}

/* The page for a page request, or NULL with @request->error set. */
static PopplerPage *
get_page (Reader  *reader,
          Request *request)
{
  PopplerPage *page;
  int n_pages = poppler_document_get_n_pages (reader->document);

  if (request->page < 0 || request->page >= n_pages)
    {
      g_set_error (&request->error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_BAD_PAGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "There is no page %d: the document has %d page.",
                                "There is no page %d: the document has %d pages.", n_pages),
                   request->page + 1, n_pages);
      return NULL;
    }
  page = poppler_document_get_page (reader->document, request->page);
  if (page == NULL)
    g_set_error (&request->error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_DAMAGED,
                 _("The document is damaged (page %d cannot be read). Ask for a new copy of "
                   "the file."),
                 request->page + 1);
  return page;
}

static void
run_request (Shared  *shared,
             Reader  *reader,
             Request *request)
{
  g_autoptr (PopplerPage) page = NULL;

  if (request->kind == REQUEST_OPEN)
    {
      run_open (shared, reader, request);
      if (request->error != NULL)
        reader->open_error = g_error_copy (request->error);
      return;
    }

  /* Skipped: delivery drops it (a job) or completes it as cancelled (a task). */
  if (request_is_cancelled (request))
    return;

  if (reader->document == NULL)
    {
      if (request->kind == REQUEST_RENDER)
        chamber_render_job_fail (request->job, reader->open_error);
      else
        request->error = g_error_copy (reader->open_error);
      return;
    }

  switch (request->kind)
    {
    case REQUEST_RENDER:
      /* The job keeps its own error. */
      chamber_render_job_run (request->job, reader->document, NULL);
      break;

    case REQUEST_TEXT:
      if ((page = get_page (reader, request)) != NULL)
        {
          request->result = chamber_pdf_text_new (page);
          request->result_free = (GDestroyNotify) chamber_pdf_text_free;
        }
      break;

    case REQUEST_FIND:
      if ((page = get_page (reader, request)) != NULL)
        {
          request->result = chamber_pdf_text_find (page, request->needle, request->flags, NULL);
          request->result_free = (GDestroyNotify) g_array_unref;
        }
      break;

    case REQUEST_LINKS:
      if ((page = get_page (reader, request)) != NULL)
        {
          request->result = chamber_pdf_navigation_get_links (reader->document, page);
          request->result_free = (GDestroyNotify) g_array_unref;
        }
      break;

    case REQUEST_OUTLINE:
      request->result = chamber_pdf_navigation_get_outline (reader->document);
      request->result_free = (GDestroyNotify) g_array_unref;
      break;

    case REQUEST_OPEN:
    default:
      g_assert_not_reached ();
    }
}

/* Under the mutex: the next request to run, or NULL. */
static Request *
pop_request (Shared *shared)
{
  if (shared->freeze_count > 0)
    return NULL;
  if (shared->open != NULL)
    return g_steal_pointer (&shared->open);
  for (guint i = 0; i < CHAMBER_RENDER_N_PRIORITIES; i++)
    if (!g_queue_is_empty (&shared->queues[i]))
      return g_queue_pop_head (&shared->queues[i]);
  return NULL;
}

static gpointer
thread_main (gpointer data)
{
  Shared *shared = data;
  Reader reader = { NULL, NULL };

  for (;;)
    {
      Request *request;

      g_mutex_lock (&shared->mutex);
      while (!shared->closing && (request = pop_request (shared)) == NULL)
        g_cond_wait (&shared->cond, &shared->mutex);
      if (shared->closing)
        {
          g_mutex_unlock (&shared->mutex);
          break;
        }
      g_mutex_unlock (&shared->mutex);

      run_request (shared, &reader, request);
      deliver (request);
    }

  g_clear_object (&reader.document);
  g_clear_error (&reader.open_error);
  g_atomic_int_set (&shared->thread_done, TRUE);
  shared_unref (shared);
  return NULL;
}

/* ── threads of closed documents ───────────────────────────────────────────────────────────── *
 * Closing a document must not wait for a render in progress, so dispose does not join its
 * thread. But a thread must not outlive the process's exit either: poppler's global state is
 * torn down by then. Closed threads wait here; those that finished are joined whenever another
 * document closes, and the rest at exit, before any library's destructors run. */

static GMutex     closed_lock;
static GPtrArray *closed_threads;  /* of ClosedThread */

typedef struct {
  GThread *thread;
  Shared  *shared;
} ClosedThread;

static void
join_closed_thread (ClosedThread *closed)
{
  g_thread_join (closed->thread);
  shared_unref (closed->shared);
  g_free (closed);
}

static void
join_all_closed_threads (void)
{
  GPtrArray *threads;

  g_mutex_lock (&closed_lock);
  threads = g_steal_pointer (&closed_threads);
  g_mutex_unlock (&closed_lock);

  if (threads != NULL)
    {
      for (guint i = 0; i < threads->len; i++)
        join_closed_thread (g_ptr_array_index (threads, i));
      g_ptr_array_unref (threads);
    }
}

static void
add_closed_thread (GThread *thread,
                   Shared  *shared)
{
  static gsize registered = 0;
  ClosedThread *closed = g_new (ClosedThread, 1);
  GPtrArray *finished = g_ptr_array_new ();

  if (g_once_init_enter (&registered))
    {
      atexit (join_all_closed_threads);
      g_once_init_leave (&registered, 1);
    }

  closed->thread = thread;
  closed->shared = shared_ref (shared);

  g_mutex_lock (&closed_lock);
  if (closed_threads == NULL)
    closed_threads = g_ptr_array_new ();
  for (guint i = closed_threads->len; i > 0; i--)
    {
      ClosedThread *other = g_ptr_array_index (closed_threads, i - 1);

      if (g_atomic_int_get (&other->shared->thread_done))
        g_ptr_array_add (finished, g_ptr_array_steal_index_fast (closed_threads, i - 1));
    }
  g_ptr_array_add (closed_threads, closed);
  g_mutex_unlock (&closed_lock);

  /* These have returned or are about to: joining them does not wait. */
  for (guint i = 0; i < finished->len; i++)
    join_closed_thread (g_ptr_array_index (finished, i));
  g_ptr_array_unref (finished);
}

/* ── the object ────────────────────────────────────────────────────────────────────────────── */

static void
push_request (ChamberRenderWorker *self,
              Request             *request)
{
  Shared *shared = self->shared;

  g_mutex_lock (&shared->mutex);
  if (shared->closing)
    {
      g_mutex_unlock (&shared->mutex);
      request_free (request);
      return;
    }
  g_queue_push_tail (&shared->queues[request->priority], request);
  g_cond_signal (&shared->cond);
  g_mutex_unlock (&shared->mutex);
}

static void
chamber_render_worker_dispose (GObject *object)
{
  ChamberRenderWorker *self = CHAMBER_RENDER_WORKER (object);
  Shared *shared = self->shared;
  GQueue dropped = G_QUEUE_INIT;

  if (self->thread != NULL)
    {
      g_mutex_lock (&shared->mutex);
      shared->closing = TRUE;
      if (shared->open != NULL)
        g_queue_push_tail (&dropped, g_steal_pointer (&shared->open));
      for (guint i = 0; i < CHAMBER_RENDER_N_PRIORITIES; i++)
        {
          Request *request;

          while ((request = g_queue_pop_head (&shared->queues[i])) != NULL)
            g_queue_push_tail (&dropped, request);
        }
      g_cond_signal (&shared->cond);
      g_mutex_unlock (&shared->mutex);

      /* Not joined here: a render in progress finishes on its own, undelivered. */
      add_closed_thread (g_steal_pointer (&self->thread), shared);
      g_queue_clear_full (&dropped, (GDestroyNotify) request_free);
    }

  G_OBJECT_CLASS (chamber_render_worker_parent_class)->dispose (object);
}

static void
chamber_render_worker_finalize (GObject *object)
{
  ChamberRenderWorker *self = CHAMBER_RENDER_WORKER (object);

  g_clear_pointer (&self->info, open_info_free);
  g_clear_pointer (&self->shared, shared_unref);

  G_OBJECT_CLASS (chamber_render_worker_parent_class)->finalize (object);
}

static void
chamber_render_worker_class_init (ChamberRenderWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chamber_render_worker_dispose;
  object_class->finalize = chamber_render_worker_finalize;

  signals[OPENED] =
    g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
  signals[OPEN_FAILED] =
    g_signal_new ("open-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
chamber_render_worker_init (ChamberRenderWorker *self)
{
  Shared *shared = g_new0 (Shared, 1);

  g_atomic_ref_count_init (&shared->ref_count);
  shared->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&shared->owner, self);
  g_mutex_init (&shared->mutex);
  g_cond_init (&shared->cond);
  for (guint i = 0; i < CHAMBER_RENDER_N_PRIORITIES; i++)
    g_queue_init (&shared->queues[i]);
  self->shared = shared;
}

ChamberRenderWorker *
chamber_render_worker_new (const char *path,
                           const char *password)
{
  ChamberRenderWorker *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_RENDER_WORKER, NULL);
  self->shared->path = g_strdup (path);
  self->shared->password = g_strdup (password);
  self->shared->open = request_new (self, REQUEST_OPEN, CHAMBER_RENDER_PRIORITY_VISIBLE);
  /* The thread's name shows in debuggers and `top -H`; at most 15 bytes. */
  self->thread = g_thread_new ("chamber-render", thread_main, shared_ref (self->shared));
  return self;
}

const char *
chamber_render_worker_get_path (ChamberRenderWorker *self)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_WORKER (self), NULL);
  return self->shared->path;
}

gboolean
chamber_render_worker_is_opened (ChamberRenderWorker *self)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_WORKER (self), FALSE);
  return self->info != NULL;
}

int
chamber_render_worker_get_n_pages (ChamberRenderWorker *self)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_WORKER (self), 0);
  return self->info != NULL ? self->info->n_pages : 0;
}

gboolean
chamber_render_worker_get_page_size (ChamberRenderWorker *self,
                                     int                  page,
                                     double              *out_width,
                                     double              *out_height)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_WORKER (self), FALSE);

  if (self->info == NULL || page < 0 || page >= self->info->n_pages)
    return FALSE;
  if (out_width != NULL)
    *out_width = g_array_index (self->info->sizes, double, 2 * page);
  if (out_height != NULL)
    *out_height = g_array_index (self->info->sizes, double, 2 * page + 1);
  return TRUE;
}

const char *
chamber_render_worker_get_page_label (ChamberRenderWorker *self,
                                      int                  page)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_WORKER (self), NULL);

  if (self->info == NULL || page < 0 || page >= self->info->n_pages)
    return NULL;
  return self->info->labels[page];
}

int
chamber_render_worker_find_page (ChamberRenderWorker *self,
                                 const char          *label)
{
  g_autofree char *wanted = NULL;
  guint64 number = 0;

  g_return_val_if_fail (CHAMBER_IS_RENDER_WORKER (self), -1);
  g_return_val_if_fail (label != NULL, -1);

  if (self->info == NULL)
    return -1;

  wanted = g_strstrip (g_strdup (label));
  if (*wanted == '\0')
    return -1;
  for (int i = 0; i < self->info->n_pages; i++)
    if (g_utf8_collate (self->info->labels[i], wanted) == 0)
      return i;
  for (int i = 0; i < self->info->n_pages; i++)
    {
      g_autofree char *folded_label = g_utf8_casefold (self->info->labels[i], -1);
      g_autofree char *folded_wanted = g_utf8_casefold (wanted, -1);

      if (g_str_equal (folded_label, folded_wanted))
        return i;
    }
  if (g_ascii_string_to_unsigned (wanted, 10, 1, self->info->n_pages, &number, NULL))
    return (int) number - 1;
  return -1;
}

const char *
chamber_render_worker_get_title (ChamberRenderWorker *self)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_WORKER (self), NULL);
  return self->info != NULL ? self->info->title : NULL;
}

void
chamber_render_worker_queue (ChamberRenderWorker *self,
                             ChamberRenderJob    *job)
{
  Request *request;

  g_return_if_fail (CHAMBER_IS_RENDER_WORKER (self));
  g_return_if_fail (CHAMBER_IS_RENDER_JOB (job));
  g_return_if_fail (!chamber_render_job_is_finished (job));

  request = request_new (self, REQUEST_RENDER, chamber_render_job_get_priority (job));
  request->job = g_object_ref (job);
  push_request (self, request);
}

void
chamber_render_worker_set_job_priority (ChamberRenderWorker  *self,
                                        ChamberRenderJob     *job,
                                        ChamberRenderPriority priority)
{
  Shared *shared;

  g_return_if_fail (CHAMBER_IS_RENDER_WORKER (self));
  g_return_if_fail (CHAMBER_IS_RENDER_JOB (job));
  g_return_if_fail (priority >= CHAMBER_RENDER_PRIORITY_VISIBLE
                    && priority <= CHAMBER_RENDER_PRIORITY_THUMBNAIL);

  shared = self->shared;
  g_mutex_lock (&shared->mutex);
  for (guint i = 0; i < CHAMBER_RENDER_N_PRIORITIES; i++)
    for (GList *l = shared->queues[i].head; l != NULL; l = l->next)
      {
        Request *request = l->data;

        if (request->job != job)
          continue;
        g_queue_delete_link (&shared->queues[i], l);
        request->priority = priority;
        chamber_render_job_set_priority (job, priority);
        g_queue_push_tail (&shared->queues[priority], request);
        g_mutex_unlock (&shared->mutex);
        return;
      }
  g_mutex_unlock (&shared->mutex);
}

guint
chamber_render_worker_cancel_outside (ChamberRenderWorker *self,
                                      int                  first_page,
                                      int                  last_page)
{
  Shared *shared;
  GQueue dropped = G_QUEUE_INIT;
  guint n;

  g_return_val_if_fail (CHAMBER_IS_RENDER_WORKER (self), 0);

  shared = self->shared;
  g_mutex_lock (&shared->mutex);
  for (guint i = CHAMBER_RENDER_PRIORITY_VISIBLE; i <= CHAMBER_RENDER_PRIORITY_NEIGHBOUR; i++)
    {
      GList *l = shared->queues[i].head;

      while (l != NULL)
        {
          GList *next = l->next;
          Request *request = l->data;

          if (request->job != NULL)
            {
              int page = chamber_render_job_get_page (request->job);

              if (page < first_page || page > last_page)
                {
                  g_queue_unlink (&shared->queues[i], l);
                  g_queue_push_tail_link (&dropped, l);
                }
            }
          l = next;
        }
    }
  g_mutex_unlock (&shared->mutex);

  n = 0;
  for (GList *l = dropped.head; l != NULL; l = l->next)
    {
      ChamberRenderJob *job = ((Request *) l->data)->job;

      if (!chamber_render_job_is_cancelled (job))
        n++;
      chamber_render_job_cancel (job);
    }
  g_queue_clear_full (&dropped, (GDestroyNotify) request_free);
  return n;
}

void
chamber_render_worker_freeze (ChamberRenderWorker *self)
{
  g_return_if_fail (CHAMBER_IS_RENDER_WORKER (self));

  g_mutex_lock (&self->shared->mutex);
  self->shared->freeze_count++;
  g_mutex_unlock (&self->shared->mutex);
}

void
chamber_render_worker_thaw (ChamberRenderWorker *self)
{
  g_return_if_fail (CHAMBER_IS_RENDER_WORKER (self));

  g_mutex_lock (&self->shared->mutex);
  if (self->shared->freeze_count == 0)
    g_critical ("chamber_render_worker_thaw() called without a matching freeze");
  else if (--self->shared->freeze_count == 0)
    g_cond_signal (&self->shared->cond);
  g_mutex_unlock (&self->shared->mutex);
}

/* ── requests answered through GTask ───────────────────────────────────────────────────────── */

static void
push_task (ChamberRenderWorker  *self,
           RequestKind           kind,
           int                   page,
           ChamberRenderPriority priority,
           GCancellable         *cancellable,
           GAsyncReadyCallback   callback,
           gpointer              user_data,
           gpointer              source_tag,
           Request             **out_request)
{
  Request *request = request_new (self, kind, priority);

  request->page = page;
  request->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (request->task, source_tag);
  g_task_set_name (request->task, "[chamber] render worker request");
  if (out_request != NULL)
    *out_request = request;
  else
    push_request (self, request);
}

static gpointer
finish_task (ChamberRenderWorker *self,
             GAsyncResult        *result,
             gpointer             source_tag,
             GError             **error)
{
  g_return_val_if_fail (CHAMBER_IS_RENDER_WORKER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
chamber_render_worker_get_text_async (ChamberRenderWorker  *self,
                                      int                   page,
                                      ChamberRenderPriority priority,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data)
{
  g_return_if_fail (CHAMBER_IS_RENDER_WORKER (self));

  push_task (self, REQUEST_TEXT, page, priority, cancellable, callback, user_data,
             chamber_render_worker_get_text_async, NULL);
}

ChamberPdfText *
chamber_render_worker_get_text_finish (ChamberRenderWorker *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  return finish_task (self, result, chamber_render_worker_get_text_async, error);
}

void
chamber_render_worker_find_async (ChamberRenderWorker  *self,
                                  int                   page,
                                  const char           *needle,
                                  PopplerFindFlags      flags,
                                  ChamberRenderPriority priority,
                                  GCancellable         *cancellable,
                                  GAsyncReadyCallback   callback,
                                  gpointer              user_data)
{
  Request *request = NULL;

  g_return_if_fail (CHAMBER_IS_RENDER_WORKER (self));
  g_return_if_fail (needle != NULL);

  push_task (self, REQUEST_FIND, page, priority, cancellable, callback, user_data,
             chamber_render_worker_find_async, &request);
  request->needle = g_strdup (needle);
  request->flags = flags;
  push_request (self, request);
}

GArray *
chamber_render_worker_find_finish (ChamberRenderWorker *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  return finish_task (self, result, chamber_render_worker_find_async, error);
}

void
chamber_render_worker_get_links_async (ChamberRenderWorker  *self,
                                       int                   page,
                                       ChamberRenderPriority priority,
                                       GCancellable         *cancellable,
                                       GAsyncReadyCallback   callback,
                                       gpointer              user_data)
{
  g_return_if_fail (CHAMBER_IS_RENDER_WORKER (self));

  push_task (self, REQUEST_LINKS, page, priority, cancellable, callback, user_data,
             chamber_render_worker_get_links_async, NULL);
}

GArray *
chamber_render_worker_get_links_finish (ChamberRenderWorker *self,
                                        GAsyncResult        *result,
                                        GError             **error)
{
  return finish_task (self, result, chamber_render_worker_get_links_async, error);
}

void
chamber_render_worker_get_outline_async (ChamberRenderWorker  *self,
                                         ChamberRenderPriority priority,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data)
{
  g_return_if_fail (CHAMBER_IS_RENDER_WORKER (self));

  push_task (self, REQUEST_OUTLINE, 0, priority, cancellable, callback, user_data,
             chamber_render_worker_get_outline_async, NULL);
}

GArray *
chamber_render_worker_get_outline_finish (ChamberRenderWorker *self,
                                          GAsyncResult        *result,
                                          GError             **error)
{
  return finish_task (self, result, chamber_render_worker_get_outline_async, error);
}
