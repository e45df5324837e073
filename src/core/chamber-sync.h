/* chamber-sync.h — the sync engine: brings the sessions a person may read to a local folder.
 *
 * Local folder layout: DIR/chamber.db (a ChamberStore mirror) and DIR/blobs (a ChamberBlobStore).
 * For each session: GET the manifest with If-None-Match (an unchanged session costs one request
 * and no body); download each document blob not held yet, hashing while streaming, into
 * blobs/tmp/<sha>.part, resuming a partial file with Range; rename into place only after the
 * hash matched (a mismatch is discarded and retried once, then reported, never shown); then
 * record the session, its items and documents in the local store in one transaction. A session
 * held already is asked for what changed since the revision held (?since=REV), and the answer
 * merged with what is held; a full manifest in answer (a static export) is taken as it is. A
 * document that arrives as a new version of one held is recorded (chamber-updates.h). Every blob
 * held and not yet indexed for search — placed in this run, or by a run before search existed —
 * then has its text indexed (chamber-search.h) on the same thread; a document whose text cannot
 * be read is left out of search without failing the sync. */
#pragma once

#include <gio/gio.h>

#include "chamber-blob-store.h"
#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_SYNC_ERROR (chamber_sync_error_quark ())

typedef enum {
  CHAMBER_SYNC_ERROR_HASH_MISMATCH,  /* the server kept sending bytes that do not match */
  CHAMBER_SYNC_ERROR_INCOMPLETE,     /* some documents could not be fetched; the rest were */
  CHAMBER_SYNC_ERROR_FAILED,
} ChamberSyncError;

GQuark chamber_sync_error_quark (void);

typedef struct {
  gint64      session_id;
  const char *session_title;
  const char *document_title;  /* being downloaded, or NULL */
  int         documents_done;
  int         documents_total; /* to download in this run */
  gint64      bytes_done;
  gint64      bytes_total;     /* to download in this run */
  /* Appended: */
  double      bytes_per_second;     /* received, smoothed over the last few seconds; 0 when none */
  int         seconds_left;         /* estimated from that rate; -1 when unknown, 0 when done */
  gint64      document_bytes_done;  /* of document_title (0 when it is NULL) */
  gint64      document_bytes_total; /* its size (0 when document_title is NULL) */
} ChamberSyncProgress;

/* Called on the thread that runs the sync (for _async: on the caller's main context), never on a
 * download thread. With parallel downloads, consecutive reports may be about different
 * documents: document_title and document_bytes_* describe the one that moved last. bytes_done
 * never goes down, also when a document is downloaded again after a mismatch. */
typedef void (*ChamberSyncProgressFunc) (const ChamberSyncProgress *progress, gpointer user_data);

typedef struct {
  int        sessions_checked;
  int        sessions_unchanged;  /* answered 304 */
  int        documents_fetched;
  int        documents_failed;
  int        hash_mismatches;     /* discarded downloads */
  gint64     bytes_fetched;       /* bytes received in this run */
  gint64     bytes_resumed;       /* bytes already on disk from an earlier, interrupted run */
  int        documents_indexed;   /* blobs whose text was indexed for search in this run */
  int        documents_previewed; /* blobs whose instant-open previews were rendered */
  GPtrArray *fetched;             /* ChamberDocument fetched in this run */
  /* Appended: */
  int        documents_added;     /* documents new to this laptop (not new versions) */
  int        documents_updated;   /* new versions of documents this laptop held */
  int        manifests_incremental; /* manifests answered with only what changed (?since=) */
} ChamberSyncReport;

void chamber_sync_report_free (ChamberSyncReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberSyncReport, chamber_sync_report_free)

#define CHAMBER_TYPE_SYNC (chamber_sync_get_type ())
G_DECLARE_FINAL_TYPE (ChamberSync, chamber_sync, CHAMBER, SYNC, GObject)

/* Opens (creating) DIR/chamber.db and DIR/blobs. */
ChamberSync      *chamber_sync_new (const char *server_url, const char *token,
                                    const char *local_dir, GError **error);
const char       *chamber_sync_get_local_dir (ChamberSync *self);
/* The local mirror, for readers on the thread that owns @self. */
ChamberStore     *chamber_sync_get_store (ChamberSync *self);
ChamberBlobStore *chamber_sync_get_blobs (ChamberSync *self);
/* Pins the server's certificate for every request of this engine's runs, also those of
 * chamber_sync_run_async() (see chamber_client_set_pinned_certificate()); NULL removes it. */
void              chamber_sync_set_pinned_certificate (ChamberSync *self, const char *sha256_hex);

/* Documents downloaded at the same time, each on a thread with its own HTTP session (default 3;
 * 1 to CHAMBER_SYNC_MAX_PARALLEL). Every write to the local store stays on the run's thread. */
#define CHAMBER_SYNC_MAX_PARALLEL 16
void              chamber_sync_set_max_parallel (ChamberSync *self, int max_parallel);
int               chamber_sync_get_max_parallel (ChamberSync *self);

/* Whether a run renders the instant-open previews of the documents it brings (default TRUE: the
 * app opens them at once). A load test of the server, or a mirror, turns them off. */
void              chamber_sync_set_previews (ChamberSync *self, gboolean previews);
/* The bytes the previews folder may take (default CHAMBER_PREVIEW_DEFAULT_BUDGET); the sets used
 * least recently are evicted beyond it (chamber_preview_enforce_budget()). */
void              chamber_sync_set_preview_budget (ChamberSync *self, guint64 bytes);

/* Blocking. @session_id 0 syncs every session the person may read. */
gboolean chamber_sync_run (ChamberSync *self, gint64 session_id,
                           ChamberSyncProgressFunc progress, gpointer progress_data,
                           ChamberSyncReport **out_report, GCancellable *cancellable,
                           GError **error);

/* Runs chamber_sync_run() in a worker thread (with its own store connection and HTTP session)
 * and calls @callback on the caller's thread-default main context. */
void     chamber_sync_run_async (ChamberSync *self, gint64 session_id,
                                 ChamberSyncProgressFunc progress, gpointer progress_data,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean chamber_sync_run_finish (ChamberSync *self, GAsyncResult *result,
                                  ChamberSyncReport **out_report, GError **error);

G_END_DECLS
