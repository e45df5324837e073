/* chamber-sync.c — the sync engine: see chamber-sync.h.
 *
 * One run has three steps. First every session's manifest is fetched (with If-None-Match, so an
 * unchanged session costs one request), which gives the set of blobs to download and the totals
 * for progress. Then, session by session, the missing blobs are streamed into their .part files
 * while they are hashed, by up to max_parallel worker threads, each with its own HTTP session;
 * the workers tell the run's thread every chunk (it reports progress and answers before the
 * worker writes the next one, so a cancelled run keeps no byte it did not report) and every
 * outcome, and the run's thread alone writes the store. Then the session is recorded in the local store in one transaction: its mirror,
 * the blobs now held and, only when every document is held, the manifest's ETag — so a run that
 * failed part-way repairs itself the next time. The blobs held and not indexed yet then have
 * their text indexed for search (chamber-search.h). */
#define _GNU_SOURCE /* sync_file_range(2) */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chamber-client.h"
#include "chamber-hash.h"
#include "chamber-manifest.h"
#include "chamber-preview.h"
#include "chamber-search.h"
#include "chamber-sync.h"
#include "chamber-updates.h"

/* Bytes read from the network (and from a .part being resumed) between two progress reports.
 * The largest size the design allows: fewer reads, writes and reports per megabyte. */
#define CHUNK_SIZE (256 * 1024)

/* Bytes written to a .part between two requests to the kernel to start writing them to disk
 * (sync_file_range), so that the one fsync at placement finds them mostly written already
 * instead of waiting for the whole document (about 5 ms for 8 MB here, a sixth of its
 * download) while the next download waits behind it. */
#define WRITEBACK_SIZE (2 * 1024 * 1024)

/* Settings key prefix of the last manifest ETag of a session whose documents are all held. */
#define ETAG_KEY_PREFIX "manifest-etag:"

/* DIR/sync.lock: an flock(2) held for a whole run, so two runs (the app's and chamberctl's, or
 * a cancelled run of the app and its next one) never write the same .part: the second waits.
 * The kernel drops it when a process dies, so a laptop killed mid-sync leaves no stale lock. */
#define LOCK_FILE_NAME "sync.lock"

/* Downloads at the same time when the caller sets no other bound. */
#define DEFAULT_MAX_PARALLEL 3

/* The transfer rate is measured over the last RATE_WINDOW_USEC, from samples taken at most
 * every RATE_SAMPLE_USEC; until the window is full, since the first sample of the run. */
#define RATE_WINDOW_USEC (5 * G_USEC_PER_SEC)
#define RATE_SAMPLE_USEC (G_USEC_PER_SEC / 4)
#define RATE_SAMPLES ((int) (RATE_WINDOW_USEC / RATE_SAMPLE_USEC) + 1)

G_DEFINE_QUARK (chamber-sync-error-quark, chamber_sync_error)

struct _ChamberSync
{
  GObject parent_instance;

  char *server_url;
  char *token;
  char *pin;
  char *local_dir;
  char *lock_path;
  ChamberStore *store;
  ChamberBlobStore *blobs;
  ChamberClient *client;
  int max_parallel;
  gboolean previews;
  guint64 preview_budget;
};

G_DEFINE_FINAL_TYPE (ChamberSync, chamber_sync, G_TYPE_OBJECT)

/* One blob to download in this run, shared by every document that has its hash. */
typedef struct
{
  char sha256[CHAMBER_SHA256_HEX_LEN + 1];
  gint64 bytes;
  char *title;          /* of the first document with this hash, for progress */
  GPtrArray *documents; /* ChamberDocument (borrowed from a SessionPlan) */
  gboolean fetched;
  gboolean failed;
  gint64 reported;      /* bytes of it counted in the run's progress (never going down) */
} Blob;

/* What one session needs in this run. */
typedef struct
{
  gint64 session_id;
  gboolean unchanged;         /* the server answered 304 */
  char *etag;                 /* the manifest's new ETag, or NULL */
  ChamberManifest *manifest;  /* NULL when unchanged */
  ChamberSession *session;    /* from the manifest, or the stored mirror when unchanged */
  GPtrArray *documents;       /* ChamberDocument: the manifest's or the stored mirror's */
  GPtrArray *blobs;           /* Blob (borrowed from the run) first needed by this session */
} SessionPlan;

typedef enum
{
  DOWNLOAD_DONE,      /* verified and in its final place */
  DOWNLOAD_MISMATCH,  /* the bytes did not match; the .part was discarded */
  DOWNLOAD_FAILED,    /* this document cannot be fetched now (reason in the error) */
  DOWNLOAD_FATAL,     /* the run must end (cancelled, network, authorization, local disk) */
} DownloadOutcome;

/* What a worker needs to open its own HTTP session to the server. */
typedef struct
{
  const char *server_url;
  const char *token;
  const char *pin;
  int max_parallel;
  gboolean previews;  /* render the instant-open previews of new documents */
  guint64 preview_budget;  /* bytes the previews folder may take */
} Connection;

typedef struct
{
  gint64 time;   /* monotonic, µs */
  gint64 bytes;  /* received by then */
} RateSample;

/* One run. Workers read only @connection, @blobs, @downloads and the Blob they were given; every
 * other field, the store and the progress callback belong to the run's thread. */
typedef struct
{
  ChamberStore *store;
  ChamberBlobStore *blobs;
  ChamberClient *client;
  const Connection *connection;
  ChamberSyncProgressFunc progress_func;
  gpointer progress_data;
  GCancellable *cancellable;

  ChamberSyncReport *report;
  ChamberSyncProgress progress;
  GHashTable *blob_table;  /* sha256 → Blob (owned) */
  GPtrArray *plans;        /* SessionPlan (owned) */
  GError *first_failure;   /* why the first failed document could not be fetched */

  /* Downloads: the caller's cancellable cancels @downloads; so does an error that ends the run,
   * to stop the other workers. */
  GCancellable *downloads;
  gulong cancelled_handler;
  GAsyncQueue *jobs;       /* Blob, or STOP_JOB: for the workers */
  GAsyncQueue *messages;   /* Message: from the workers */
  GPtrArray *workers;      /* Worker (owned) */
  GError *fatal;           /* the error that ends the run, from a worker */

  RateSample samples[RATE_SAMPLES];
  int n_samples;
  int first_sample;
} Run;

/* A download thread with its own HTTP session. */
typedef struct
{
  Run *run;
  GThread *thread;
  GAsyncQueue *answers;   /* the run thread's answers to PROGRESS messages */
  gboolean waiting;       /* a PROGRESS message is not answered yet */
  ChamberClient *client;  /* made and used on the worker's thread only */
  guint8 *buffer;         /* CHUNK_SIZE bytes */
} Worker;

typedef enum
{
  MESSAGE_PROGRESS,  /* the worker waits for an answer before it writes more */
  MESSAGE_DONE,
} MessageKind;

/* From a worker to the run thread. */
typedef struct
{
  MessageKind kind;
  Worker *worker;
  Blob *blob;
  gint64 document_done;  /* PROGRESS: bytes of the blob in its .part now */
  gint64 fetched_bytes;  /* PROGRESS: received since the last message */
  gint64 resumed_bytes;  /* PROGRESS: found in a .part of an earlier run */
  int mismatches;        /* DONE: discarded downloads */
  gboolean fetched;      /* DONE: verified and in its final place */
  gboolean fatal;        /* DONE: @error ends the run */
  GError *error;         /* DONE: why the blob is not fetched */
} Message;

/* Tells a worker to return. */
static char stop_job;
#define STOP_JOB ((gpointer) &stop_job)

static void
blob_free (Blob *blob)
{
  g_free (blob->title);
  g_ptr_array_unref (blob->documents);
  g_free (blob);
}

static void
session_plan_free (SessionPlan *plan)
{
  g_free (plan->etag);
  g_clear_pointer (&plan->manifest, chamber_manifest_free);
  g_clear_pointer (&plan->session, chamber_session_free);
  g_clear_pointer (&plan->documents, g_ptr_array_unref);
  g_ptr_array_unref (plan->blobs);
  g_free (plan);
}

void
chamber_sync_report_free (ChamberSyncReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->fetched, g_ptr_array_unref);
  g_free (report);
}

static ChamberSyncReport *
report_new (void)
{
  ChamberSyncReport *report = g_new0 (ChamberSyncReport, 1);

  report->fetched = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  return report;
}

/* Brings the run's rate and time left up to date with the bytes received so far. */
static void
measure_rate (Run *run)
{
  gint64 now = g_get_monotonic_time ();
  gint64 bytes = run->report->bytes_fetched;
  gint64 left = run->progress.bytes_total - run->progress.bytes_done;
  const RateSample *oldest;
  const RateSample *newest;

  newest = run->n_samples > 0
               ? &run->samples[(run->first_sample + run->n_samples - 1) % RATE_SAMPLES]
               : NULL;
  if (newest == NULL || now - newest->time >= RATE_SAMPLE_USEC)
    {
      RateSample *slot;

      if (run->n_samples < RATE_SAMPLES)
        slot = &run->samples[(run->first_sample + run->n_samples++) % RATE_SAMPLES];
      else
        {
          slot = &run->samples[run->first_sample];
          run->first_sample = (run->first_sample + 1) % RATE_SAMPLES;
        }
      slot->time = now;
      slot->bytes = bytes;
    }

  oldest = &run->samples[run->first_sample];
  if (bytes > oldest->bytes)
    run->progress.bytes_per_second = (double) (bytes - oldest->bytes) * G_USEC_PER_SEC
                                     / (double) MAX (now - oldest->time, 1);
  else
    run->progress.bytes_per_second = 0;

  if (left <= 0)
    run->progress.seconds_left = 0;
  else if (run->progress.bytes_per_second > 0)
    run->progress.seconds_left
        = (int) MIN (ceil ((double) left / run->progress.bytes_per_second), (double) G_MAXINT);
  else
    run->progress.seconds_left = -1;
}

static void
report_progress (Run *run)
{
  measure_rate (run);
  if (run->progress_func != NULL)
    run->progress_func (&run->progress, run->progress_data);
}

/* On a worker: waits until the run thread has taken in its last PROGRESS message. */
static void
wait_for_answer (Worker *worker)
{
  if (!worker->waiting)
    return;
  g_async_queue_pop (worker->answers);
  worker->waiting = FALSE;
}

/* On a worker: tells the run thread that @document_done bytes of @blob are in its .part. */
static void
post_progress (Worker *worker, Blob *blob, gint64 document_done, gint64 fetched_bytes,
               gint64 resumed_bytes)
{
  Message *message = g_new0 (Message, 1);

  wait_for_answer (worker);
  message->kind = MESSAGE_PROGRESS;
  message->worker = worker;
  message->blob = blob;
  message->document_done = document_done;
  message->fetched_bytes = fetched_bytes;
  message->resumed_bytes = resumed_bytes;
  worker->waiting = TRUE;
  g_async_queue_push (worker->run->messages, message);
}

/* Turns a failure to talk to the server into CHAMBER_CLIENT_ERROR_NETWORK; a cancellation stays
 * G_IO_ERROR_CANCELLED. */
static void
propagate_network_error (ChamberClient *client, GError *local, const char *document_title, GError **error)
{
  g_autofree char *url = NULL;

  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, local);
      return;
    }
  url = g_strdup (chamber_client_get_server_url (client));
  if (local->domain == SOUP_SESSION_ERROR)
    /* The server was reached but what came back is not an HTTP answer. */
    g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                 _("The server at %s did not answer in HTTP as expected for “%s” (%s). Sync "
                   "again later; if this goes on, check that the address points to chamberd."),
                 url, document_title != NULL ? document_title : "", local->message);
  else if (document_title != NULL)
    g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK,
                 _("The connection to %s broke while downloading “%s” (%s). "
                   "Sync again when the server is reachable: the download will resume."),
                 url, document_title, local->message);
  else
    g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK,
                 _("Cannot reach the server at %s (%s). Check the address and the network, "
                   "then sync again."),
                 url, local->message);
  g_error_free (local);
}

static void
set_write_error (int saved_errno, const char *path, GError **error)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_FAILED,
                 _("The disk is full: cannot write %s. Free some space and sync again; "
                   "the download will resume."),
                 path);
  else
    g_set_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_FAILED,
                 _("Cannot write the download to %s: %s."), path, g_strerror (saved_errno));
}

/* Asks the kernel to start writing @len bytes of @fd from @offset to disk, without waiting for
 * them: a hint, whose failure costs only time (the fsync at placement is what counts). */
static void
start_writeback (int fd, gint64 offset, gint64 len)
{
#ifdef SYNC_FILE_RANGE_WRITE
  if (len > 0)
    (void) sync_file_range (fd, offset, len, SYNC_FILE_RANGE_WRITE);
#endif
}

static gboolean
write_all (int fd, const guint8 *data, gsize len, const char *path, GError **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          set_write_error (saved_errno, path, error);
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

/* Feeds the bytes of an existing .part into @hasher. Returns their count, 0 when there is no
 * usable .part (a missing one, or one longer than the blob, which is removed), or -1 on error. */
static gint64
hash_existing_part (Worker *worker, const char *part_path, gint64 expected_bytes,
                    ChamberSha256 *hasher, GError **error)
{
  struct stat st;
  gint64 done = 0;
  int fd;

  fd = g_open (part_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      if (errno == ENOENT)
        return 0;
      g_set_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_FAILED,
                   _("Cannot read the partial download %s: %s."), part_path,
                   g_strerror (errno));
      return -1;
    }
  if (fstat (fd, &st) != 0 || st.st_size > expected_bytes)
    {
      close (fd);
      g_unlink (part_path);
      return 0;
    }
  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (worker->run->downloads, error))
        {
          close (fd);
          return -1;
        }
      n = read (fd, worker->buffer, CHUNK_SIZE);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          g_set_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_FAILED,
                       _("Cannot read the partial download %s: %s."), part_path,
                       g_strerror (saved_errno));
          return -1;
        }
      if (n == 0)
        break;
      chamber_sha256_update (hasher, worker->buffer, (gsize) n);
      done += n;
    }
  close (fd);
  return done;
}

/* Maps the status of a blob answer that carries no bytes we can use. 401 and 403 end the run;
 * anything else fails only this document. */
static DownloadOutcome
blob_status_error ( Blob *blob, SoupMessage *msg, GError **error)
{
  guint status = soup_message_get_status (msg);
  const char *reason = soup_message_get_reason_phrase (msg);

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_UNAUTHORIZED,
                   _("The server no longer accepts this access token. Ask the secretariat for "
                     "a new one."));
      return DOWNLOAD_FATAL;
    case SOUP_STATUS_FORBIDDEN:
      g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_FORBIDDEN,
                   _("This access token may not download “%s”."), blob->title);
      return DOWNLOAD_FATAL;
    case SOUP_STATUS_NOT_FOUND:
      g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NOT_FOUND,
                   _("The server does not have the file of “%s” any more. Ask the secretariat "
                     "to publish it again."),
                   blob->title);
      return DOWNLOAD_FAILED;
    default:
      g_set_error (error, CHAMBER_CLIENT_ERROR,
                   status >= 500 ? CHAMBER_CLIENT_ERROR_SERVER : CHAMBER_CLIENT_ERROR_PROTOCOL,
                   _("The server could not send “%s” (HTTP %u %s). Sync again later."),
                   blob->title, status, reason ? reason : "");
      return DOWNLOAD_FAILED;
    }
}

/* Sends the GET for @blob, asking for the bytes after @offset when it is not 0. When the server
 * cannot continue from there (416, or a 206 for another range), the .part is discarded and the
 * request is sent again for the whole blob, with @offset and @hasher reset. */
static GInputStream *
send_blob_request (Worker *worker, Blob *blob, const char *part_path, gint64 *offset,
                   ChamberSha256 **hasher, SoupMessage **out_msg, GError **error)
{
  g_autofree char *api_path = g_strdup_printf ("/api/v1/blobs/%s", blob->sha256);
  g_autofree char *uri = chamber_client_build_uri (worker->client, api_path);

  for (;;)
    {
      g_autoptr (SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, uri);
      g_autoptr (GInputStream) body = NULL;
      g_autoptr (GError) local = NULL;
      goffset start = -1, end = -1, total = -1;
      const char *title;
      guint status;

      if (msg == NULL)
        {
          g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_INVALID_URL,
                       _("“%s” is not a valid address."), uri);
          return NULL;
        }
      chamber_client_authorize (worker->client, msg);
      if (*offset > 0)
        soup_message_headers_set_range (soup_message_get_request_headers (msg), *offset, -1);

      body = soup_session_send (chamber_client_get_soup_session (worker->client), msg,
                                worker->run->downloads, &local);
      if (body == NULL)
        {
          if (chamber_client_take_certificate_error (worker->client, msg, error))
            return NULL;
          /* Not HTTP back: name the document. Not reached: the run's address is the news. */
          title = local->domain == SOUP_SESSION_ERROR ? blob->title : NULL;
          propagate_network_error (worker->client, g_steal_pointer (&local), title, error);
          return NULL;
        }

      status = soup_message_get_status (msg);
      if (*offset > 0
          && (status == SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE
              || (status == SOUP_STATUS_PARTIAL_CONTENT
                  && (!soup_message_headers_get_content_range (
                          soup_message_get_response_headers (msg), &start, &end, &total)
                      || start != *offset))))
        {
          /* The .part does not fit what the server has: start over from the first byte. */
          g_input_stream_close (body, NULL, NULL);
          g_unlink (part_path);
          chamber_sha256_free (*hasher);
          *hasher = chamber_sha256_new ();
          *offset = 0;
          continue;
        }

      *out_msg = g_steal_pointer (&msg);
      return g_steal_pointer (&body);
    }
}

/* One attempt at a blob: resumes from its .part unless @from_zero. */
static DownloadOutcome
download_once (Worker *worker, Blob *blob, gboolean from_zero, GError **error)
{
  g_autofree char *part_path = chamber_blob_store_partial_path (worker->run->blobs,
                                                                blob->sha256);
  g_autoptr (ChamberSha256) hasher = chamber_sha256_new ();
  gint64 offset = 0;
  char hex[CHAMBER_SHA256_HEX_LEN + 1];
  g_autoptr (GError) local = NULL;

  if (from_zero)
    g_unlink (part_path);
  else if ((offset = hash_existing_part (worker, part_path, blob->bytes, hasher, error)) < 0)
    return DOWNLOAD_FATAL;

  if (offset > 0 && offset == blob->bytes)
    {
      /* A previous run received every byte but stopped before the rename. */
      post_progress (worker, blob, offset, 0, offset);
    }
  else
    {
      g_autoptr (SoupMessage) msg = NULL;
      g_autoptr (GInputStream) body = NULL;
      gboolean truncate;
      guint status;
      gint64 received = 0;
      gint64 unflushed_from;
      goffset announced;
      int fd;

      body = send_blob_request (worker, blob, part_path, &offset, &hasher, &msg, error);
      if (body == NULL)
        return DOWNLOAD_FATAL;

      status = soup_message_get_status (msg);
      if (status == SOUP_STATUS_OK)
        {
          truncate = TRUE;
          if (offset > 0)
            {
              /* The server ignored the range and sends everything. */
              g_clear_pointer (&hasher, chamber_sha256_free);
              hasher = chamber_sha256_new ();
              offset = 0;
            }
        }
      else if (status == SOUP_STATUS_PARTIAL_CONTENT && offset > 0)
        {
          truncate = FALSE;
          post_progress (worker, blob, offset, 0, offset);
        }
      else
        {
          DownloadOutcome outcome = blob_status_error (blob, msg, error);

          g_input_stream_close (body, NULL, NULL);
          return outcome;
        }

      fd = g_open (part_path,
                   O_WRONLY | O_CREAT | O_CLOEXEC | (truncate ? O_TRUNC : O_APPEND), 0644);
      if (fd < 0)
        {
          set_write_error (errno, part_path, error);
          g_input_stream_close (body, NULL, NULL);
          return DOWNLOAD_FATAL;
        }
      unflushed_from = offset;

      for (;;)
        {
          gssize n = g_input_stream_read (body, worker->buffer, CHUNK_SIZE,
                                          worker->run->downloads, &local);

          if (n < 0)
            {
              close (fd);
              g_input_stream_close (body, NULL, NULL);
              propagate_network_error (worker->client, g_steal_pointer (&local), blob->title, error);
              return DOWNLOAD_FATAL;
            }
          if (n == 0)
            break;
          if (offset + received + n > blob->bytes)
            {
              /* More bytes than the manifest announced: this cannot be the document. */
              close (fd);
              g_input_stream_close (body, NULL, NULL);
              g_unlink (part_path);
              return DOWNLOAD_MISMATCH;
            }
          /* The run thread has taken in the previous chunk: when it (or its progress callback)
           * cancelled the run meanwhile, this chunk is not written, so a .part holds exactly
           * the bytes reported. */
          wait_for_answer (worker);
          if (g_cancellable_set_error_if_cancelled (worker->run->downloads, error))
            {
              close (fd);
              g_input_stream_close (body, NULL, NULL);
              return DOWNLOAD_FATAL;
            }
          chamber_sha256_update (hasher, worker->buffer, (gsize) n);
          if (!write_all (fd, worker->buffer, (gsize) n, part_path, error))
            {
              close (fd);
              g_input_stream_close (body, NULL, NULL);
              return DOWNLOAD_FATAL;
            }
          received += n;
          if (offset + received - unflushed_from >= WRITEBACK_SIZE)
            {
              start_writeback (fd, unflushed_from, offset + received - unflushed_from);
              unflushed_from = offset + received;
            }
          post_progress (worker, blob, offset + received, n, 0);
        }
      g_input_stream_close (body, NULL, NULL);
      if (close (fd) != 0)
        {
          set_write_error (errno, part_path, error);
          return DOWNLOAD_FATAL;
        }
      announced = soup_message_headers_get_content_length (soup_message_get_response_headers (msg));
      if (announced > 0 && received < announced)
        {
          /* The connection closed before the announced end (libsoup reports that as a plain
           * end when the answer said "Connection: close"): what arrived stays in the .part
           * for the next run to resume, rather than being taken for a mismatch. */
          propagate_network_error (worker->client,
                                   g_error_new (G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT,
                                                _("the answer ended after %lld of %lld bytes"),
                                                (long long) received, (long long) announced),
                                   blob->title, error);
          return DOWNLOAD_FATAL;
        }
      offset += received;
    }

  chamber_sha256_finish (hasher, hex);
  if (offset != blob->bytes || strcmp (hex, blob->sha256) != 0)
    {
      g_unlink (part_path);
      return DOWNLOAD_MISMATCH;
    }
  /* Every byte in the .part went through @hasher on its way in (or was read back from disk
   * when resuming), so the file is adopted as it is: fsync'ed and renamed into place. Hashing
   * it once more, as chamber_blob_store_commit_partial() does, would read the same bytes back
   * from the page cache and cost a quarter of the download time. */
  if (!chamber_blob_store_adopt (worker->run->blobs, part_path, blob->sha256, error))
    return DOWNLOAD_FATAL;
  return DOWNLOAD_DONE;
}

/* On a worker: downloads @blob, resuming first, then once more from zero after a mismatch, and
 * tells the run thread how it ended. */
static void
worker_fetch (Worker *worker, Blob *blob)
{
  Message *message = g_new0 (Message, 1);

  message->kind = MESSAGE_DONE;
  message->worker = worker;
  message->blob = blob;

  if (g_cancellable_set_error_if_cancelled (worker->run->downloads, &message->error))
    message->fatal = TRUE;
  else
    post_progress (worker, blob, 0, 0, 0);

  for (int attempt = 0; attempt < 2 && !message->fetched && message->error == NULL; attempt++)
    {
      g_autoptr (GError) local = NULL;

      switch (download_once (worker, blob, attempt > 0, &local))
        {
        case DOWNLOAD_DONE:
          message->fetched = TRUE;
          break;
        case DOWNLOAD_MISMATCH:
          message->mismatches++;
          if (attempt == 1)
            message->error = g_error_new (CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_HASH_MISMATCH,
                                          _("The server sent bytes for “%s” that do not "
                                            "match its fingerprint, twice. Tell the "
                                            "secretariat: the file on the server may be "
                                            "damaged."),
                                          blob->title);
          break;
        case DOWNLOAD_FAILED:
          message->error = g_steal_pointer (&local);
          break;
        case DOWNLOAD_FATAL:
          message->error = g_steal_pointer (&local);
          message->fatal = TRUE;
          break;
        }
    }

  wait_for_answer (worker);
  g_async_queue_push (worker->run->messages, message);
}

/* A worker thread: takes blobs from the run's job queue until it gets STOP_JOB. Its HTTP
 * session is its own (libsoup: one session per thread), made from the run's connection. */
static gpointer
worker_thread (gpointer user_data)
{
  Worker *worker = user_data;
  Run *run = worker->run;
  g_autoptr (GError) client_error = NULL;

  worker->client = chamber_client_new (run->connection->server_url, run->connection->token,
                                       &client_error);
  if (worker->client != NULL)
    chamber_client_set_pinned_certificate (worker->client, run->connection->pin);

  for (;;)
    {
      gpointer job = g_async_queue_pop (run->jobs);

      if (job == STOP_JOB)
        break;
      if (worker->client != NULL)
        worker_fetch (worker, job);
      else
        {
          Message *message = g_new0 (Message, 1);

          message->kind = MESSAGE_DONE;
          message->worker = worker;
          message->blob = job;
          message->fatal = TRUE;
          message->error = g_error_copy (client_error);
          g_async_queue_push (run->messages, message);
        }
    }

  g_clear_object (&worker->client);
  return NULL;
}

static void
worker_free (Worker *worker)
{
  g_async_queue_unref (worker->answers);
  g_free (worker->buffer);
  g_free (worker);
}

/* Starts up to @count workers (never more than the run's bound) beside those running. */
static gboolean
start_workers (Run *run, guint count, GError **error)
{
  count = MIN (count, (guint) run->connection->max_parallel);
  while (run->workers->len < count)
    {
      Worker *worker = g_new0 (Worker, 1);
      g_autoptr (GError) local = NULL;

      worker->run = run;
      worker->answers = g_async_queue_new ();
      worker->buffer = g_malloc (CHUNK_SIZE);
      worker->thread = g_thread_try_new ("chamber-sync-dl", worker_thread, worker, &local);
      if (worker->thread == NULL)
        {
          worker_free (worker);
          if (run->workers->len > 0)
            return TRUE;
          g_set_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_FAILED,
                       _("Cannot start a download: %s."), local->message);
          return FALSE;
        }
      g_ptr_array_add (run->workers, worker);
    }
  return TRUE;
}

/* Ends every worker: each finishes the job it has (none, between sessions) and returns. */
static void
stop_workers (Run *run)
{
  for (guint i = 0; i < run->workers->len; i++)
    g_async_queue_push (run->jobs, STOP_JOB);
  for (guint i = 0; i < run->workers->len; i++)
    {
      Worker *worker = g_ptr_array_index (run->workers, i);

      g_thread_join (worker->thread);
      worker_free (worker);
    }
  g_ptr_array_set_size (run->workers, 0);
}

static void
note_failure (Run *run, GError *reason)
{
  if (run->first_failure == NULL)
    run->first_failure = reason;
  else
    g_error_free (reason);
}

/* Counts @done bytes of @blob as held, never fewer than reported before (a retry from zero
 * starts the document over, the overall figure stays where it was). */
static void
advance_blob (Run *run, Blob *blob, gint64 done)
{
  if (done > blob->reported)
    {
      run->progress.bytes_done += done - blob->reported;
      blob->reported = done;
    }
}

/* On the run thread: a worker moved on in @message->blob. Reports it and lets the worker go on. */
static void
take_progress (Run *run, Message *message)
{
  Blob *blob = message->blob;

  run->report->bytes_fetched += message->fetched_bytes;
  run->report->bytes_resumed += message->resumed_bytes;
  advance_blob (run, blob, message->document_done);
  if (run->fatal == NULL && !g_cancellable_is_cancelled (run->downloads))
    {
      run->progress.document_title = blob->title;
      run->progress.document_bytes_done = message->document_done;
      run->progress.document_bytes_total = blob->bytes;
      report_progress (run);
    }
  g_async_queue_push (message->worker->answers, GINT_TO_POINTER (1));
}

/* On the run thread: a worker finished @message->blob. An error that must end the run stops the
 * other workers (through the run's download cancellable) and is kept to be returned. */
static void
take_done (Run *run, Message *message)
{
  Blob *blob = message->blob;

  run->report->hash_mismatches += message->mismatches;
  if (message->fatal)
    {
      if (run->fatal == NULL)
        {
          run->fatal = g_steal_pointer (&message->error);
          g_cancellable_cancel (run->downloads);
        }
      return;
    }

  if (message->fetched)
    {
      blob->fetched = TRUE;
      for (guint i = 0; i < blob->documents->len; i++)
        {
          const ChamberDocument *document = g_ptr_array_index (blob->documents, i);

          g_ptr_array_add (run->report->fetched, chamber_document_copy (document));
          run->report->documents_fetched++;
        }
    }
  else
    {
      blob->failed = TRUE;
      run->report->documents_failed += (int) blob->documents->len;
      note_failure (run, g_steal_pointer (&message->error));
    }

  advance_blob (run, blob, blob->bytes);
  run->progress.documents_done++;
  if (run->fatal == NULL && !g_cancellable_is_cancelled (run->downloads))
    {
      run->progress.document_title = NULL;
      run->progress.document_bytes_done = 0;
      run->progress.document_bytes_total = 0;
      report_progress (run);
    }
}

static void
message_free (Message *message)
{
  g_clear_error (&message->error);
  g_free (message);
}

/* Downloads the blobs @plan needs on up to the run's bound of workers, and waits for them all.
 * Returns FALSE only when the whole run must end. */
static gboolean
fetch_plan_blobs (Run *run, SessionPlan *plan, GError **error)
{
  guint pending = plan->blobs->len;

  if (pending == 0)
    return TRUE;
  if (!start_workers (run, (guint) run->progress.documents_total, error))
    return FALSE;
  for (guint i = 0; i < plan->blobs->len; i++)
    g_async_queue_push (run->jobs, g_ptr_array_index (plan->blobs, i));

  while (pending > 0)
    {
      Message *message = g_async_queue_pop (run->messages);

      if (message->kind == MESSAGE_PROGRESS)
        take_progress (run, message);
      else
        {
          take_done (run, message);
          pending--;
        }
      message_free (message);
    }

  run->progress.document_title = NULL;
  run->progress.document_bytes_done = 0;
  run->progress.document_bytes_total = 0;
  if (run->fatal != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&run->fatal));
      return FALSE;
    }
  return TRUE;
}

/* Adds the documents of @plan whose blobs are missing to the run's downloads. */
static void
plan_downloads (Run *run, SessionPlan *plan)
{
  for (guint i = 0; i < plan->documents->len; i++)
    {
      ChamberDocument *document = g_ptr_array_index (plan->documents, i);
      Blob *blob = g_hash_table_lookup (run->blob_table, document->sha256);

      if (blob != NULL)
        {
          g_ptr_array_add (blob->documents, document);
          continue;
        }
      if (chamber_blob_store_has (run->blobs, document->sha256))
        continue;

      blob = g_new0 (Blob, 1);
      memcpy (blob->sha256, document->sha256, sizeof blob->sha256);
      blob->bytes = document->bytes;
      blob->title = g_strdup (document->title);
      blob->documents = g_ptr_array_new ();
      g_ptr_array_add (blob->documents, document);
      g_hash_table_insert (run->blob_table, blob->sha256, blob);
      g_ptr_array_add (plan->blobs, blob);
      run->progress.documents_total++;
      run->progress.bytes_total += blob->bytes;
    }
}

/* GETs the manifest of @session_id at @path and parses it; NULL with *@out_status 304 when
 * unchanged, or NULL with @error. */
static ChamberManifest *
fetch_manifest (Run *run, gint64 session_id, const char *path, const char *if_none_match,
                char **out_etag, guint *out_status, GError **error)
{
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) local = NULL;
  ChamberManifest *manifest;
  const char *data;
  gsize len = 0;

  body = chamber_client_get_bytes (run->client, path, if_none_match, out_etag, out_status,
                                   run->cancellable, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (body == NULL && *out_status == SOUP_STATUS_NOT_MODIFIED && if_none_match != NULL)
    return NULL;

  data = body ? g_bytes_get_data (body, &len) : NULL;
  if (data == NULL || len == 0)
    {
      g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                   _("The server sent an empty manifest for session %lld."),
                   (long long) session_id);
      return NULL;
    }
  manifest = chamber_manifest_parse (data, len, &local);
  if (manifest == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local),
                                  _("The manifest of session %lld is not valid: "),
                                  (long long) session_id);
      return NULL;
    }
  if (manifest->session->id != session_id)
    {
      g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                   _("The server answered with session %lld when asked for session %lld."),
                   (long long) manifest->session->id, (long long) session_id);
      chamber_manifest_free (manifest);
      return NULL;
    }
  return manifest;
}

/* Turns the incremental manifest of @plan (asked with ?since=@since) into the full one, from
 * what the mirror holds. When it cannot (an id neither sent nor held: a document readable
 * again, a mirror changed by hand), the full manifest is fetched instead. */
static gboolean
complete_manifest (Run *run, SessionPlan *plan, gint64 since, const char *full_path,
                   char **inout_etag, GError **error)
{
  g_autoptr (GPtrArray) held_items = NULL;
  g_autoptr (GPtrArray) held_documents = NULL;
  g_autoptr (GError) local = NULL;
  ChamberManifest *merged = NULL;
  guint status = 0;

  if (!plan->manifest->incremental)
    return TRUE;
  if (plan->manifest->since == since
      && (held_items = chamber_store_list_items (run->store, plan->session_id, NULL)) != NULL
      && (held_documents = chamber_store_list_documents (run->store, plan->session_id, NULL))
             != NULL)
    merged = chamber_manifest_merge (plan->manifest, held_items, held_documents, &local);
  chamber_manifest_free (plan->manifest);
  plan->manifest = merged;
  if (merged != NULL)
    {
      run->report->manifests_incremental++;
      return TRUE;
    }

  g_debug ("Session %" G_GINT64_FORMAT ": asking for the full manifest (%s)", plan->session_id,
           local != NULL ? local->message : "another revision");
  g_clear_pointer (inout_etag, g_free);
  plan->manifest = fetch_manifest (run, plan->session_id, full_path, NULL, inout_etag, &status,
                                   error);
  return plan->manifest != NULL;
}

static gboolean
plan_session (Run *run, gint64 session_id, GError **error)
{
  g_autofree char *key = g_strdup_printf (ETAG_KEY_PREFIX "%" G_GINT64_FORMAT, session_id);
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/manifest",
                                           session_id);
  g_autofree char *old_etag = chamber_store_get_setting (run->store, key);
  g_autofree char *new_etag = NULL;
  g_autofree char *since_path = NULL;
  g_autoptr (ChamberSession) held = NULL;
  g_autoptr (ChamberManifest) manifest = NULL;
  g_autoptr (GError) local = NULL;
  SessionPlan *plan;
  guint status = 0;
  gint64 since = -1;

  if (old_etag != NULL && *old_etag == '\0')
    g_clear_pointer (&old_etag, g_free);

  /* A session held already: only what changed since the revision held. */
  held = chamber_store_get_session (run->store, session_id, NULL);
  if (held != NULL && held->revision > 0)
    {
      since = held->revision;
      since_path = g_strdup_printf ("%s?since=%" G_GINT64_FORMAT, path, since);
    }
  manifest = fetch_manifest (run, session_id, since_path != NULL ? since_path : path, old_etag,
                             &new_etag, &status, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  plan = g_new0 (SessionPlan, 1);
  plan->session_id = session_id;
  plan->blobs = g_ptr_array_new ();
  g_ptr_array_add (run->plans, plan);
  run->report->sessions_checked++;

  if (manifest == NULL)
    {
      plan->unchanged = TRUE;
      run->report->sessions_unchanged++;
      plan->session = chamber_store_get_session (run->store, session_id, NULL);
      plan->documents = chamber_store_list_documents (run->store, session_id, &local);
      if (plan->documents == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  else
    {
      plan->manifest = g_steal_pointer (&manifest);
      if (!complete_manifest (run, plan, since, path, &new_etag, error))
        return FALSE;
      plan->etag = g_steal_pointer (&new_etag);
      plan->session = chamber_session_copy (plan->manifest->session);
      plan->documents = g_ptr_array_ref (plan->manifest->documents);
    }

  plan_downloads (run, plan);
  return TRUE;
}

/* Inside commit_session()'s transaction, before the mirror is replaced: counts the documents of
 * @plan's manifest that are new to the mirror, and records those that arrive as a new version
 * of a document it held (by the id they replace, or by item and title). */
static gboolean
note_arrivals (Run *run, SessionPlan *plan, int *out_added, int *out_updated, GError **error)
{
  g_autoptr (ChamberSession) session = chamber_store_get_session (run->store, plan->session_id,
                                                                  NULL);
  g_autoptr (GPtrArray) held = NULL;
  g_autoptr (GHashTable) held_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) held_lineages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                                NULL);

  /* A session not held yet: everything in it is new. */
  if (session != NULL)
    {
      held = chamber_store_list_documents (run->store, plan->session_id, error);
      if (held == NULL)
        return FALSE;
    }
  for (guint i = 0; held != NULL && i < held->len; i++)
    {
      ChamberDocument *document = g_ptr_array_index (held, i);

      g_hash_table_add (held_ids, &document->id);
      g_hash_table_add (held_lineages,
                        g_strdup_printf ("%" G_GINT64_FORMAT "\n%s", document->item_id,
                                         document->title));
    }

  for (guint i = 0; i < plan->manifest->documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (plan->manifest->documents, i);
      g_autofree char *lineage = NULL;

      if (g_hash_table_contains (held_ids, &document->id))
        continue;
      lineage = g_strdup_printf ("%" G_GINT64_FORMAT "\n%s", document->item_id, document->title);
      if (document->replaces_id > 0
          && (g_hash_table_contains (held_ids, &document->replaces_id)
              || g_hash_table_contains (held_lineages, lineage)))
        {
          if (!chamber_updates_record_arrival (run->store, document, error))
            return FALSE;
          (*out_updated)++;
        }
      else
        (*out_added)++;
    }
  return TRUE;
}

/* Records @plan in the local store in one transaction. */
static gboolean
commit_session (Run *run, SessionPlan *plan, GError **error)
{
  gboolean all_held = TRUE;
  int added = 0;
  int updated = 0;

  if (!chamber_store_begin (run->store, error))
    return FALSE;

  if (plan->manifest != NULL && !note_arrivals (run, plan, &added, &updated, error))
    goto fail;

  if (plan->manifest != NULL
      && !chamber_store_replace_session_mirror (run->store, plan->manifest->session,
                                                plan->manifest->items,
                                                plan->manifest->documents,
                                                plan->manifest->people, error))
    goto fail;

  for (guint i = 0; i < plan->documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (plan->documents, i);

      if (!chamber_blob_store_has (run->blobs, document->sha256))
        {
          all_held = FALSE;
          continue;
        }
      if (!chamber_store_is_blob_held (run->store, document->sha256)
          && !chamber_store_mark_blob_held (run->store, document->sha256, document->bytes,
                                            error))
        goto fail;
    }

  if (plan->manifest != NULL)
    {
      g_autofree char *key = g_strdup_printf (ETAG_KEY_PREFIX "%" G_GINT64_FORMAT,
                                              plan->session_id);
      const char *etag = all_held && plan->etag != NULL ? plan->etag : "";

      if (!chamber_store_set_setting (run->store, key, etag, error))
        goto fail;
    }

  if (!chamber_store_commit (run->store, error))
    return FALSE;
  run->report->documents_added += added;
  run->report->documents_updated += updated;
  return TRUE;

fail:
  chamber_store_rollback (run->store);
  return FALSE;
}

/* Indexes for search every blob held and not indexed yet: at the start of a run (a store synced
 * before search existed) and after each session is recorded. Indexing never fails the sync: a
 * store that cannot be written now is logged and tried again by the next run; only a
 * cancellation ends the run. */
static gboolean
index_held_blobs (Run *run, GError **error)
{
  g_autoptr (GError) local = NULL;
  int indexed = 0;

  if (!chamber_search_index_held (run->store, run->blobs, run->cancellable, &indexed, &local))
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      g_message ("Documents could not be indexed for search: %s", local->message);
    }
  run->report->documents_indexed += indexed;
  return TRUE;
}

/* Renders the instant-open previews (chamber-preview.h) of the session's documents that are
 * held and have none yet, into DIR/previews beside the blob store, and keeps that folder within
 * its byte budget: after each new set, the sets used least recently are evicted (the new one is
 * kept), and a set evicted before is rendered again only when there is room for it (the budget
 * was raised). A budget of 0 keeps no previews at all. Like indexing, this never fails the
 * sync: a document that cannot be previewed is logged and opens without a preview; only a
 * cancellation ends the run. */
static gboolean
preview_held_documents (Run *run, SessionPlan *plan, GError **error)
{
  g_autofree char *local_dir = g_path_get_dirname (chamber_blob_store_get_dir (run->blobs));
  g_autofree char *previews = g_build_filename (local_dir, "previews", NULL);

  if (run->connection->preview_budget == 0)
    {
      g_autoptr (GError) local = NULL;

      if (!chamber_preview_enforce_budget (previews, 0, NULL, NULL, &local))
        g_message ("The previews are over their budget: %s", local->message);
      return TRUE;
    }
  for (guint i = 0; plan->documents != NULL && i < plan->documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (plan->documents, i);
      g_autofree char *path = NULL;
      g_autoptr (GError) local = NULL;

      if (chamber_preview_is_complete (previews, document->sha256)
          || (chamber_preview_is_evicted (previews, document->sha256)
              && !chamber_preview_has_room (previews, run->connection->preview_budget))
          || !chamber_blob_store_has (run->blobs, document->sha256))
        continue;
      path = chamber_blob_store_path (run->blobs, document->sha256);
      if (chamber_preview_generate (previews, document->sha256, path, run->cancellable, &local))
        {
          const char *keep[] = { document->sha256, NULL };

          run->report->documents_previewed++;
          if (!chamber_preview_enforce_budget (previews, run->connection->preview_budget, keep,
                                               NULL, &local))
            g_message ("The previews are over their budget: %s", local->message);
        }
      else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      else
        g_message ("No preview for “%s”: %s", document->title, local->message);
    }
  return TRUE;
}

static gboolean
run_sync (Run *run, gint64 session_id, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error)
      || !index_held_blobs (run, error))
    return FALSE;
  if (session_id != 0)
    g_array_append_val (ids, session_id);
  else
    {
      g_autoptr (GPtrArray) sessions = NULL;

      sessions = chamber_client_list_sessions (run->client, run->cancellable, error);
      if (sessions == NULL)
        return FALSE;
      for (guint i = 0; i < sessions->len; i++)
        {
          const ChamberSession *session = g_ptr_array_index (sessions, i);

          g_array_append_val (ids, session->id);
        }
    }

  for (guint i = 0; i < ids->len; i++)
    if (!plan_session (run, g_array_index (ids, gint64, i), error))
      return FALSE;

  for (guint i = 0; i < run->plans->len; i++)
    {
      SessionPlan *plan = g_ptr_array_index (run->plans, i);

      run->progress.session_id = plan->session_id;
      run->progress.session_title = plan->session ? plan->session->title : NULL;
      report_progress (run);
      if (!fetch_plan_blobs (run, plan, error))
        return FALSE;
      if (!commit_session (run, plan, error) || !index_held_blobs (run, error)
          || (run->connection->previews && !preview_held_documents (run, plan, error)))
        return FALSE;
    }

  if (run->report->documents_failed > 0)
    {
      g_set_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_INCOMPLETE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%d document could not be fetched: %s Sync again to retry.",
                                "%d documents could not be fetched: %s Sync again to retry.",
                                run->report->documents_failed),
                   run->report->documents_failed,
                   run->first_failure ? run->first_failure->message : "");
      return FALSE;
    }
  return TRUE;
}

/* How long a run waits for another run into the same folder: a cancelled run ends within a
 * moment (the app cancels one and starts the next), a real second sync is reported. */
#define LOCK_WAIT_USEC (10 * G_USEC_PER_SEC)
#define LOCK_POLL_USEC (50 * 1000)

/* Takes the folder's lock, waiting up to LOCK_WAIT_USEC; returns its descriptor (close it to
 * release), or -1 and an error when another run keeps it or @cancellable fires. */
static int
lock_folder (const char *lock_path, GCancellable *cancellable, GError **error)
{
  gint64 deadline = g_get_monotonic_time () + LOCK_WAIT_USEC;
  int fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  int saved_errno;

  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_FAILED,
                   _("Cannot open %s: %s."), lock_path, g_strerror (saved_errno));
      return -1;
    }
  while (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      saved_errno = errno;
      if (saved_errno == EINTR)
        continue;
      if (saved_errno == EWOULDBLOCK && g_get_monotonic_time () < deadline)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              close (fd);
              return -1;
            }
          g_usleep (LOCK_POLL_USEC);
          continue;
        }
      close (fd);
      if (saved_errno == EWOULDBLOCK)
        {
          g_autofree char *dir = g_path_get_dirname (lock_path);

          g_set_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_FAILED,
                       _("Another sync into %s is running. Wait until it has finished."),
                       dir);
        }
      else
        g_set_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_FAILED,
                     _("Cannot lock %s: %s."), lock_path, g_strerror (saved_errno));
      return -1;
    }
  return fd;
}

static void
caller_cancelled_cb (GCancellable *cancellable, gpointer user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/* The engine, on whatever thread owns @store, @blobs and @client; downloads run on workers that
 * open their own sessions with @connection. */
static gboolean
sync_with (const char *lock_path, ChamberStore *store, ChamberBlobStore *blobs,
           ChamberClient *client, const Connection *connection, gint64 session_id,
           ChamberSyncProgressFunc progress,
           gpointer progress_data, ChamberSyncReport **out_report, GCancellable *cancellable,
           GError **error)
{
  Run run = { 0 };
  g_autoptr (GError) local = NULL;
  gboolean ok;
  int lock_fd;

  lock_fd = lock_folder (lock_path, cancellable, error);
  if (lock_fd < 0)
    return FALSE;

  run.store = store;
  run.blobs = blobs;
  run.client = client;
  run.connection = connection;
  run.progress_func = progress;
  run.progress_data = progress_data;
  run.cancellable = cancellable;
  run.report = report_new ();
  run.blob_table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) blob_free);
  run.plans = g_ptr_array_new_with_free_func ((GDestroyNotify) session_plan_free);
  run.downloads = g_cancellable_new ();
  if (cancellable != NULL)
    run.cancelled_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                   run.downloads, NULL);
  run.jobs = g_async_queue_new ();
  run.messages = g_async_queue_new ();
  run.workers = g_ptr_array_new ();
  run.progress.seconds_left = -1;

  ok = run_sync (&run, session_id, &local);
  /* No worker touches the folder once the lock is let go. */
  stop_workers (&run);
  close (lock_fd);
  if (!ok && g_cancellable_is_cancelled (cancellable)
      && !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Whatever step noticed it, a cancelled run reports the cancellation. */
      g_clear_error (&local);
      g_cancellable_set_error_if_cancelled (cancellable, &local);
    }

  /* Blobs point into the plans' documents: free them first. */
  g_hash_table_unref (run.blob_table);
  g_ptr_array_unref (run.plans);
  g_clear_error (&run.first_failure);
  g_clear_error (&run.fatal);
  g_ptr_array_unref (run.workers);
  g_async_queue_unref (run.jobs);
  g_async_queue_unref (run.messages);
  g_cancellable_disconnect (cancellable, run.cancelled_handler);
  g_object_unref (run.downloads);

  if (out_report != NULL
      && (ok || g_error_matches (local, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_INCOMPLETE)))
    *out_report = g_steal_pointer (&run.report);
  chamber_sync_report_free (run.report);
  if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return ok;
}

static void
chamber_sync_finalize (GObject *object)
{
  ChamberSync *self = CHAMBER_SYNC (object);

  g_free (self->server_url);
  g_free (self->token);
  g_free (self->pin);
  g_free (self->local_dir);
  g_free (self->lock_path);
  g_clear_object (&self->store);
  g_clear_object (&self->blobs);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (chamber_sync_parent_class)->finalize (object);
}

static void
chamber_sync_class_init (ChamberSyncClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = chamber_sync_finalize;
}

static void
chamber_sync_init (ChamberSync *self)
{
  self->max_parallel = DEFAULT_MAX_PARALLEL;
  self->previews = TRUE;
  self->preview_budget = CHAMBER_PREVIEW_DEFAULT_BUDGET;
}

ChamberSync *
chamber_sync_new (const char *server_url, const char *token, const char *local_dir,
                  GError **error)
{
  g_autoptr (ChamberSync) self = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *blob_dir = NULL;

  g_return_val_if_fail (server_url != NULL, NULL);
  g_return_val_if_fail (local_dir != NULL, NULL);

  if (g_mkdir_with_parents (local_dir, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CHAMBER_SYNC_ERROR, CHAMBER_SYNC_ERROR_FAILED,
                   _("Cannot create the folder %s: %s."), local_dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (CHAMBER_TYPE_SYNC, NULL);
  self->server_url = g_strdup (server_url);
  self->token = g_strdup (token);
  self->local_dir = g_strdup (local_dir);
  self->lock_path = g_build_filename (local_dir, LOCK_FILE_NAME, NULL);

  db_path = g_build_filename (local_dir, "chamber.db", NULL);
  blob_dir = g_build_filename (local_dir, "blobs", NULL);
  self->store = chamber_store_open (db_path, error);
  if (self->store == NULL)
    return NULL;
  self->blobs = chamber_blob_store_new (blob_dir, error);
  if (self->blobs == NULL)
    return NULL;
  self->client = chamber_client_new (server_url, token, error);
  if (self->client == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

const char *
chamber_sync_get_local_dir (ChamberSync *self)
{
  g_return_val_if_fail (CHAMBER_IS_SYNC (self), NULL);
  return self->local_dir;
}

ChamberStore *
chamber_sync_get_store (ChamberSync *self)
{
  g_return_val_if_fail (CHAMBER_IS_SYNC (self), NULL);
  return self->store;
}

ChamberBlobStore *
chamber_sync_get_blobs (ChamberSync *self)
{
  g_return_val_if_fail (CHAMBER_IS_SYNC (self), NULL);
  return self->blobs;
}

void
chamber_sync_set_pinned_certificate (ChamberSync *self, const char *sha256_hex)
{
  g_return_if_fail (CHAMBER_IS_SYNC (self));

  chamber_client_set_pinned_certificate (self->client, sha256_hex);
  g_free (self->pin);
  self->pin = g_strdup (sha256_hex);
}

void
chamber_sync_set_max_parallel (ChamberSync *self, int max_parallel)
{
  g_return_if_fail (CHAMBER_IS_SYNC (self));
  g_return_if_fail (max_parallel >= 1 && max_parallel <= CHAMBER_SYNC_MAX_PARALLEL);

  self->max_parallel = max_parallel;
}

void
chamber_sync_set_previews (ChamberSync *self,
                           gboolean     previews)
{
  g_return_if_fail (CHAMBER_IS_SYNC (self));

  self->previews = previews;
}

void
chamber_sync_set_preview_budget (ChamberSync *self,
                                 guint64      bytes)
{
  g_return_if_fail (CHAMBER_IS_SYNC (self));

  self->preview_budget = bytes;
}

int
chamber_sync_get_max_parallel (ChamberSync *self)
{
  g_return_val_if_fail (CHAMBER_IS_SYNC (self), DEFAULT_MAX_PARALLEL);
  return self->max_parallel;
}

gboolean
chamber_sync_run (ChamberSync *self, gint64 session_id, ChamberSyncProgressFunc progress,
                  gpointer progress_data, ChamberSyncReport **out_report,
                  GCancellable *cancellable, GError **error)
{
  Connection connection = { self->server_url, self->token, self->pin, self->max_parallel,
                            self->previews, self->preview_budget };

  g_return_val_if_fail (CHAMBER_IS_SYNC (self), FALSE);
  g_return_val_if_fail (session_id >= 0, FALSE);

  return sync_with (self->lock_path, self->store, self->blobs, self->client, &connection,
                    session_id, progress, progress_data, out_report, cancellable, error);
}

/* What the worker thread needs: copies only, nothing shared with the caller's thread. */
typedef struct
{
  char *server_url;
  char *token;
  char *pin;
  char *lock_path;
  char *db_path;
  char *blob_dir;
  gint64 session_id;
  int max_parallel;
  gboolean previews;
  guint64 preview_budget;
  ChamberSyncProgressFunc progress;
  gpointer progress_data;
  GMainContext *context;
} AsyncData;

typedef struct
{
  ChamberSyncReport *report;
  GError *error;
} AsyncOutcome;

typedef struct
{
  ChamberSyncProgressFunc func;
  gpointer data;
  ChamberSyncProgress progress;
  char *session_title;
  char *document_title;
} ProgressCopy;

static void
async_data_free (AsyncData *data)
{
  g_free (data->server_url);
  g_free (data->token);
  g_free (data->pin);
  g_free (data->lock_path);
  g_free (data->db_path);
  g_free (data->blob_dir);
  g_main_context_unref (data->context);
  g_free (data);
}

static void
async_outcome_free (AsyncOutcome *outcome)
{
  chamber_sync_report_free (outcome->report);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

static void
progress_copy_free (ProgressCopy *copy)
{
  g_free (copy->session_title);
  g_free (copy->document_title);
  g_free (copy);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  ProgressCopy *copy = user_data;

  copy->func (&copy->progress, copy->data);
  return G_SOURCE_REMOVE;
}

/* On the worker thread: hands a copy of @progress to the caller's main context, where it is
 * delivered in order and before the task's result (same priority, attached earlier). */
static void
forward_progress (const ChamberSyncProgress *progress, gpointer user_data)
{
  AsyncData *data = user_data;
  ProgressCopy *copy = g_new0 (ProgressCopy, 1);
  g_autoptr (GSource) source = NULL;

  copy->func = data->progress;
  copy->data = data->progress_data;
  copy->progress = *progress;
  copy->session_title = g_strdup (progress->session_title);
  copy->document_title = g_strdup (progress->document_title);
  copy->progress.session_title = copy->session_title;
  copy->progress.document_title = copy->document_title;
  /* Not g_main_context_invoke(): from a thread without a thread-default context it may
   * acquire the global default context and run the callback right here, on the worker. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_static_name (source, "[chamber-sync] progress");
  g_source_set_callback (source, deliver_progress_cb, copy, (GDestroyNotify) progress_copy_free);
  g_source_attach (source, data->context);
}

static void
sync_thread (GTask *task, gpointer source_object, gpointer task_data,
             GCancellable *cancellable)
{
  AsyncData *data = task_data;
  AsyncOutcome *outcome = g_new0 (AsyncOutcome, 1);
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (ChamberClient) client = NULL;

  if ((store = chamber_store_open (data->db_path, &outcome->error)) != NULL
      && (blobs = chamber_blob_store_new (data->blob_dir, &outcome->error)) != NULL
      && (client = chamber_client_new (data->server_url, data->token, &outcome->error)) != NULL)
    {
      Connection connection = { data->server_url, data->token, data->pin,
                                data->max_parallel, data->previews, data->preview_budget };

      chamber_client_set_pinned_certificate (client, data->pin);
      sync_with (data->lock_path, store, blobs, client, &connection, data->session_id,
                 data->progress != NULL ? forward_progress : NULL, data, &outcome->report,
                 cancellable, &outcome->error);
    }

  g_task_return_pointer (task, outcome, (GDestroyNotify) async_outcome_free);
}

void
chamber_sync_run_async (ChamberSync *self, gint64 session_id, ChamberSyncProgressFunc progress,
                        gpointer progress_data, GCancellable *cancellable,
                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  AsyncData *data;

  g_return_if_fail (CHAMBER_IS_SYNC (self));
  g_return_if_fail (session_id >= 0);

  data = g_new0 (AsyncData, 1);
  data->server_url = g_strdup (self->server_url);
  data->token = g_strdup (self->token);
  data->pin = g_strdup (self->pin);
  data->lock_path = g_strdup (self->lock_path);
  data->db_path = g_strdup (chamber_store_get_path (self->store));
  data->blob_dir = g_strdup (chamber_blob_store_get_dir (self->blobs));
  data->session_id = session_id;
  data->max_parallel = self->max_parallel;
  data->previews = self->previews;
  data->preview_budget = self->preview_budget;
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chamber_sync_run_async);
  g_task_set_name (task, "chamber-sync");
  /* The outcome (report and error together) decides, also after a cancellation. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, data, (GDestroyNotify) async_data_free);
  g_task_run_in_thread (task, sync_thread);
}

gboolean
chamber_sync_run_finish (ChamberSync *self, GAsyncResult *result,
                         ChamberSyncReport **out_report, GError **error)
{
  AsyncOutcome *outcome;
  gboolean ok;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  outcome = g_task_propagate_pointer (G_TASK (result), error);
  if (outcome == NULL)
    return FALSE;
  if (out_report != NULL)
    *out_report = g_steal_pointer (&outcome->report);
  ok = outcome->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&outcome->error));
  async_outcome_free (outcome);
  return ok;
}
