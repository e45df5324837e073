/* chamber-server-export.c — `chamberd --data DIR export --session ID --out OUT`: a session as
 * static files under the API's own paths, so that any HTTP server serving OUT as its root
 * answers the requests of the sync engine (docs/protocol.md, "Static export").
 *
 * What is written is what a reader who may read only the documents open to everyone ("all")
 * receives from chamberd: the manifest comes from the server's own per-reader builder
 * (chamber_server_read_manifest), so a confidential document is absent, hash and all, and its
 * blob is never copied. Every file is written to a temporary name beside it and renamed into
 * place, so a static server never serves half a file. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "chamber-hash.h"
#include "chamber-protocol.h"
#include "chamber-server-private.h"

/* Temporary files in OUT/api/v1/blobs are named TEMP_PREFIX + hash + "-XXXXXX". */
#define TEMP_PREFIX "._export-"

static void
set_write_error (GError **error, const char *path, const char *reason)
{
  g_set_error (error, CHAMBER_SERVER_ERROR, CHAMBER_SERVER_ERROR_EXPORT,
               _("Cannot write “%s”: %s. Check that the export folder is writable and the "
                 "disk has room."),
               path, reason);
}

static gboolean
make_dir (const char *path, GError **error)
{
  if (g_mkdir_with_parents (path, 0755) != 0)
    {
      int saved_errno = errno;

      set_write_error (error, path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Writes @data to @path through a temporary file renamed into place. */
static gboolean
write_file (const char *path, const char *data, gsize len, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (!g_file_set_contents_full (path, data, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0644, &local))
    {
      set_write_error (error, path, local->message);
      return FALSE;
    }
  return TRUE;
}

/* Places the blob @source at @target: a hard link when both are on one filesystem, a copy
 * otherwise, made under a temporary name and renamed. */
static gboolean
place_blob (const char *source, const char *blob_dir, const char *sha256, const char *target,
            GError **error)
{
  g_autofree char *temp_name = g_strconcat (TEMP_PREFIX, sha256, "-XXXXXX", NULL);
  g_autofree char *temp_path = g_build_filename (blob_dir, temp_name, NULL);
  int fd;

  /* mkstemp only reserves a unique name; link(2) needs it free. */
  fd = g_mkstemp_full (temp_path, O_WRONLY, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      set_write_error (error, blob_dir, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  g_unlink (temp_path);

  if (link (source, temp_path) != 0)
    {
      g_autoptr (GFile) from = g_file_new_for_path (source);
      g_autoptr (GFile) to = g_file_new_for_path (temp_path);
      g_autoptr (GError) local = NULL;

      if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local))
        {
          g_unlink (temp_path);
          set_write_error (error, target, local->message);
          return FALSE;
        }
      g_chmod (temp_path, 0644);
    }

  if (g_rename (temp_path, target) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      set_write_error (error, target, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* The hash a file of OUT/api/v1/blobs holds (its name, or that of the blob a temporary file
 * was becoming), or NULL for a file that is neither. */
static const char *
entry_sha256 (const char *name, char buffer[CHAMBER_SHA256_HEX_LEN + 1])
{
  if (g_str_has_prefix (name, TEMP_PREFIX))
    name += strlen (TEMP_PREFIX);
  if (strlen (name) < CHAMBER_SHA256_HEX_LEN)
    return NULL;
  memcpy (buffer, name, CHAMBER_SHA256_HEX_LEN);
  buffer[CHAMBER_SHA256_HEX_LEN] = '\0';
  return chamber_sha256_is_valid (buffer) ? buffer : NULL;
}

/* Removes from @blob_dir what an earlier export left that @reader may not read now (a
 * document made confidential since), temporary files included. Blobs of other sessions open
 * to everyone stay. */
static gboolean
prune_blobs (ChamberStore *store, const char *blob_dir, const ChamberPerson *reader,
             GError **error)
{
  g_autoptr (GDir) dir = NULL;
  g_autoptr (GError) local = NULL;
  const char *name;

  dir = g_dir_open (blob_dir, 0, &local);
  if (dir == NULL)
    {
      set_write_error (error, blob_dir, local->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      char buffer[CHAMBER_SHA256_HEX_LEN + 1];
      const char *sha256 = entry_sha256 (name, buffer);
      g_autofree char *path = NULL;

      if (sha256 == NULL)
        continue;
      if (chamber_store_blob_readable_by (store, sha256, reader, &local))
        continue;
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      path = g_build_filename (blob_dir, name, NULL);
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          set_write_error (error, path, g_strerror (saved_errno));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
chamber_server_export_session (ChamberServer *self,
                               gint64         session_id,
                               const char    *out_dir,
                               guint         *out_documents,
                               gint64        *out_bytes,
                               GError       **error)
{
  g_autoptr (ChamberPerson) reader = chamber_person_new ();
  g_autoptr (ChamberManifest) manifest = NULL;
  g_autoptr (GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) local = NULL;
  g_autoptr (JsonNode) sessions = NULL;
  g_autofree char *api_dir = NULL;
  g_autofree char *blob_dir = NULL;
  g_autofree char *session_dir = NULL;
  g_autofree char *manifest_json = NULL;
  g_autofree char *sessions_json = NULL;
  g_autofree char *session_segment = NULL;
  g_autofree char *path = NULL;
  gsize len = 0;
  gint64 bytes = 0;

  g_return_val_if_fail (CHAMBER_IS_SERVER (self), FALSE);
  g_return_val_if_fail (out_dir != NULL, FALSE);

  /* Nobody in particular: a delegate in no group, whose id no access list names. */
  reader->id = 0;
  reader->role = CHAMBER_ROLE_DELEGATE;
  reader->active = TRUE;

  manifest = chamber_server_read_manifest (self->store, session_id, reader, &local);
  if (manifest == NULL)
    {
      if (g_error_matches (local, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND))
        g_set_error (error, CHAMBER_SERVER_ERROR, CHAMBER_SERVER_ERROR_NOT_FOUND,
                     _("There is no session %lld in “%s”. “chamberctl session list” shows "
                       "the sessions."),
                     (long long) session_id, self->data_dir);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  session_segment = g_strdup_printf ("%lld", (long long) session_id);
  api_dir = g_build_filename (out_dir, "api", "v1", NULL);
  blob_dir = g_build_filename (api_dir, "blobs", NULL);
  session_dir = g_build_filename (api_dir, "sessions", session_segment, NULL);
  if (!make_dir (blob_dir, error) || !make_dir (session_dir, error)
      || !prune_blobs (self->store, blob_dir, reader, error))
    return FALSE;

  /* The blobs first, so that whoever reads the new manifest finds every file it names. */
  for (guint i = 0; i < manifest->documents->len; i++)
    {
      ChamberDocument *document = g_ptr_array_index (manifest->documents, i);
      g_autofree char *source = NULL;
      g_autofree char *target = NULL;

      if (g_hash_table_contains (placed, document->sha256))
        continue;
      source = chamber_blob_store_path (self->blobs, document->sha256);
      if (source == NULL || !g_file_test (source, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, CHAMBER_SERVER_ERROR, CHAMBER_SERVER_ERROR_DATA,
                       _("The file of “%s” (%s) is missing from “%s”. Restore the data "
                         "folder from its backup."),
                       document->title, document->sha256, self->blob_dir);
          return FALSE;
        }
      target = g_build_filename (blob_dir, document->sha256, NULL);
      if (!place_blob (source, blob_dir, document->sha256, target, error))
        return FALSE;
      g_hash_table_add (placed, document->sha256);
      bytes += document->bytes;
    }

  manifest_json = chamber_manifest_to_json (manifest, &len);
  path = g_build_filename (session_dir, "manifest", NULL);
  if (!write_file (path, manifest_json, len, error))
    return FALSE;

  /* OUT/api/v1/sessions is a folder (it holds ID/manifest), so the list lives in its index
   * file: a static server answers GET /api/v1/sessions with it (after a redirect to
   * /api/v1/sessions/, which the client follows). */
  {
    JsonObject *object = json_object_new ();
    JsonArray *array = json_array_new ();

    json_array_add_element (array, chamber_session_to_json (manifest->session));
    json_object_set_array_member (object, "sessions", array);
    sessions = json_node_init_object (json_node_alloc (), object);
    json_object_unref (object);
  }
  sessions_json = chamber_json_to_string (sessions, &len);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (api_dir, "sessions", "index.html", NULL);
  if (!write_file (path, sessions_json, len, error))
    return FALSE;

  if (out_documents != NULL)
    *out_documents = manifest->documents->len;
  if (out_bytes != NULL)
    *out_bytes = bytes;
  return TRUE;
}
