/* chamber-desk-transfer.c — uploading chosen files to chamberd and saving its documents, on a
 * worker thread (see chamber-desk-transfer.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "chamber-desk-request.h"
#include "chamber-desk-transfer.h"

typedef struct {
  char  *path;
  GFile *file;
  char  *content_type;
} Transfer;

static void
transfer_free (gpointer data)
{
  Transfer *transfer = data;

  g_free (transfer->path);
  g_clear_object (&transfer->file);
  g_free (transfer->content_type);
  g_free (transfer);
}

static Transfer *
transfer_new (const char *path, GFile *file, const char *content_type)
{
  Transfer *transfer = g_new0 (Transfer, 1);

  transfer->path = g_strdup (path);
  transfer->file = file != NULL ? g_object_ref (file) : NULL;
  transfer->content_type = g_strdup (content_type);
  return transfer;
}

static gpointer
upload_call (ChamberClient *client, gpointer data, GCancellable *cancellable, GError **error)
{
  Transfer *transfer = data;
  g_autoptr (GBytes) body = NULL;
  JsonNode *answer;

  if (transfer->file != NULL)
    {
      body = g_file_load_bytes (transfer->file, cancellable, NULL, error);
      if (body == NULL)
        return NULL;
    }
  answer = chamber_client_post_bytes (client, transfer->path, transfer->content_type, body,
                                      NULL, cancellable, error);
  if (answer == NULL && (error == NULL || *error == NULL))
    answer = json_node_init_object (json_node_alloc (), json_object_new ());
  return answer;
}

void
chamber_desk_upload_async (gpointer                 source_object,
                           const ChamberConnection *connection,
                           const char              *path,
                           GFile                   *file,
                           const char              *content_type,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  chamber_desk_call_async (source_object, connection, upload_call,
                           transfer_new (path, file, content_type), transfer_free,
                           (GDestroyNotify) json_node_unref, cancellable, callback, user_data);
}

JsonNode *
chamber_desk_upload_finish (GAsyncResult *result, GError **error)
{
  return chamber_desk_call_finish (result, error);
}

static gpointer
download_call (ChamberClient *client, gpointer data, GCancellable *cancellable, GError **error)
{
  Transfer *transfer = data;
  g_autoptr (GBytes) body = NULL;
  gsize size = 0;
  const char *bytes;

  body = chamber_client_get_bytes (client, transfer->path, NULL, NULL, NULL, cancellable, error);
  if (body == NULL)
    return NULL;
  bytes = g_bytes_get_data (body, &size);
  /* g_file_replace_contents() writes a temporary file and renames it when complete. */
  if (!g_file_replace_contents (transfer->file, bytes != NULL ? bytes : "", size, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

void
chamber_desk_download_async (gpointer                 source_object,
                             const ChamberConnection *connection,
                             const char              *path,
                             GFile                   *destination,
                             GCancellable            *cancellable,
                             GAsyncReadyCallback      callback,
                             gpointer                 user_data)
{
  g_return_if_fail (G_IS_FILE (destination));

  chamber_desk_call_async (source_object, connection, download_call,
                           transfer_new (path, destination, NULL), transfer_free, NULL,
                           cancellable, callback, user_data);
}

gboolean
chamber_desk_download_finish (GAsyncResult *result, GError **error)
{
  return chamber_desk_call_finish (result, error) != NULL;
}

const char *
chamber_desk_evidence_type (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = name != NULL ? g_ascii_strdown (name, -1) : NULL;

  if (lower == NULL)
    return "application/octet-stream";
  if (g_str_has_suffix (lower, ".pdf"))
    return "application/pdf";
  if (g_str_has_suffix (lower, ".png"))
    return "image/png";
  if (g_str_has_suffix (lower, ".jpg") || g_str_has_suffix (lower, ".jpeg"))
    return "image/jpeg";
  return "application/octet-stream";
}
