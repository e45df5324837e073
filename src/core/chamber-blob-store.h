/* chamber-blob-store.h — content-addressed files: DIR/ab/abcdef…(64 hex). Used by chamberd for
 * uploaded documents and by the sync engine for the laptop's copies.
 *
 * A blob appears under its final name only after its bytes were hashed and matched, by
 * rename(2) of a fsync'ed temporary file in DIR/tmp, so a reader never sees a half-written file.
 * Every path is built from a validated hash; nothing else reaches the filesystem. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHAMBER_BLOB_ERROR (chamber_blob_error_quark ())

typedef enum {
  CHAMBER_BLOB_ERROR_INVALID_HASH,  /* not 64 lowercase hex digits */
  CHAMBER_BLOB_ERROR_MISMATCH,      /* the bytes do not hash to the expected value */
  CHAMBER_BLOB_ERROR_IO,            /* reading or writing failed (message says why) */
  CHAMBER_BLOB_ERROR_NO_SPACE,      /* the disk is full */
} ChamberBlobError;

GQuark chamber_blob_error_quark (void);

#define CHAMBER_TYPE_BLOB_STORE (chamber_blob_store_get_type ())
G_DECLARE_FINAL_TYPE (ChamberBlobStore, chamber_blob_store, CHAMBER, BLOB_STORE, GObject)

/* Creates @dir, @dir/tmp when missing. */
ChamberBlobStore *chamber_blob_store_new (const char *dir, GError **error);
const char       *chamber_blob_store_get_dir (ChamberBlobStore *self);

/* The final path of a blob, or NULL when @sha256 is not a valid hash. */
char    *chamber_blob_store_path (ChamberBlobStore *self, const char *sha256);
gboolean chamber_blob_store_has (ChamberBlobStore *self, const char *sha256);
/* Where a download of @sha256 in progress is kept (DIR/tmp/<sha>.part); NULL when invalid. */
char    *chamber_blob_store_partial_path (ChamberBlobStore *self, const char *sha256);
/* Hashes the partial file; when it matches @sha256, fsyncs and renames it to its final path.
 * On MISMATCH the partial file is deleted. */
gboolean chamber_blob_store_commit_partial (ChamberBlobStore *self, const char *sha256,
                                            GCancellable *cancellable, GError **error);
/* Copies @path in (hashing as it copies), returning its hash and size. */
gboolean chamber_blob_store_import_file (ChamberBlobStore *self, const char *path,
                                         char out_sha256[65], gint64 *out_bytes,
                                         GCancellable *cancellable, GError **error);
/* A new empty temporary file in DIR/tmp for a caller that writes first and imports after. */
char    *chamber_blob_store_new_temp_path (ChamberBlobStore *self);
/* Renames a temporary file whose hash the caller already computed to its final path. */
gboolean chamber_blob_store_adopt (ChamberBlobStore *self, const char *temp_path,
                                   const char *sha256, GError **error);

G_END_DECLS
