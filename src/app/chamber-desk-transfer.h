/* chamber-desk-transfer.h — files to and from chamberd for the between-sessions screens
 * (petitions, supervision, commitments): a file the person chose is read and POSTed on a
 * worker thread (evidence, an answer PDF, a CSV to import) and the server's JSON answer comes
 * back; a document the server makes (a report, a recommendation) is downloaded and written
 * where the person chose, replacing the file only once it is complete. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "chamber-connection.h"

G_BEGIN_DECLS

/* POSTs the contents of @file (NULL: an empty body) to @path as @content_type. The answer's
 * JSON (never NULL on success) comes back through chamber_desk_upload_finish(). */
void      chamber_desk_upload_async (gpointer source_object, const ChamberConnection *connection,
                                     const char *path, GFile *file, const char *content_type,
                                     GCancellable *cancellable, GAsyncReadyCallback callback,
                                     gpointer user_data);
JsonNode *chamber_desk_upload_finish (GAsyncResult *result, GError **error);

/* GETs @path and writes the answer's bytes to @destination. */
void      chamber_desk_download_async (gpointer source_object,
                                       const ChamberConnection *connection, const char *path,
                                       GFile *destination, GCancellable *cancellable,
                                       GAsyncReadyCallback callback, gpointer user_data);
gboolean  chamber_desk_download_finish (GAsyncResult *result, GError **error);

/* The content type the server expects for evidence named @file: PDF, PNG or JPEG by the
 * name's extension (else "application/octet-stream", which the server then checks). */
const char *chamber_desk_evidence_type (GFile *file);

G_END_DECLS
