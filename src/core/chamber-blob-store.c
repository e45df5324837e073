/* chamber-blob-store.c — content-addressed files under DIR/ab/<sha256>, written via DIR/tmp.
 *
 * Error domain CHAMBER_BLOB_ERROR (codes in chamber-blob-store.h). A cancelled operation fails
 * with G_IO_ERROR_CANCELLED. */
#include "config.h"

#include "chamber-blob-store.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "chamber-hash.h"

#define COPY_CHUNK (256 * 1024)

struct _ChamberBlobStore
{
  GObject parent_instance;

  char *dir;
  char *tmp_dir;
};

G_DEFINE_TYPE (ChamberBlobStore, chamber_blob_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (chamber-blob-error-quark, chamber_blob_error)

static void
chamber_blob_store_finalize (GObject *object)
{
  ChamberBlobStore *self = CHAMBER_BLOB_STORE (object);

  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->tmp_dir, g_free);

  G_OBJECT_CLASS (chamber_blob_store_parent_class)->finalize (object);
}

static void
chamber_blob_store_class_init (ChamberBlobStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chamber_blob_store_finalize;
}

static void
chamber_blob_store_init (ChamberBlobStore *self)
{
}

/* Sets @error from errno after a failed operation; @format says what could not be done
 * ("Cannot write “…”"). A full disk (or quota) gets its own code and a message that says what
 * to do. */
static void G_GNUC_PRINTF (3, 4)
set_io_error (GError    **error,
              int         saved_errno,
              const char *format,
              ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, CHAMBER_BLOB_ERROR, CHAMBER_BLOB_ERROR_NO_SPACE,
                 _("The disk is full (%s). Free some space and try again."), what);
  else
    g_set_error (error, CHAMBER_BLOB_ERROR, CHAMBER_BLOB_ERROR_IO,
                 /* TRANSLATORS: what could not be done, then the system's reason */
                 _("%s: %s."), what, g_strerror (saved_errno));
}

static void
set_invalid_hash_error (GError    **error,
                        const char *sha256)
{
  g_autofree char *shown = NULL;

  /* Show a bounded, printable form of what was given. */
  shown = g_utf8_make_valid (sha256 != NULL ? sha256 : "", MIN (strlen (sha256 ? sha256 : ""), 80));
  g_set_error (error, CHAMBER_BLOB_ERROR, CHAMBER_BLOB_ERROR_INVALID_HASH,
               _("“%s” is not a document checksum (64 lowercase hexadecimal digits expected)."),
               shown);
}

static gboolean
make_dir (const char *path,
          GError    **error)
{
  if (g_mkdir_with_parents (path, 0755) < 0)
    {
      set_io_error (error, errno, _("Cannot create the folder “%s”"), path);
      return FALSE;
    }
  return TRUE;
}

/* fsyncs a folder so a rename into it survives a power cut. */
static gboolean
sync_dir (const char *path,
          GError    **error)
{
  int fd = g_open (path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    {
      set_io_error (error, errno, _("Cannot open the folder “%s”"), path);
      return FALSE;
    }
  if (fsync (fd) < 0 && errno != EINVAL)
    {
      int saved_errno = errno;
      close (fd);
      set_io_error (error, saved_errno, _("Cannot flush the folder “%s” to disk"), path);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
sync_fd (int         fd,
         const char *path,
         GError    **error)
{
  if (fsync (fd) < 0)
    {
      set_io_error (error, errno, _("Cannot flush “%s” to disk"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
close_fd (int         fd,
          const char *path,
          GError    **error)
{
  if (close (fd) < 0 && errno != EINTR)
    {
      set_io_error (error, errno, _("Cannot write “%s”"), path);
      return FALSE;
    }
  return TRUE;
}

ChamberBlobStore *
chamber_blob_store_new (const char *dir,
                        GError    **error)
{
  g_autoptr (ChamberBlobStore) self = NULL;

  g_return_val_if_fail (dir != NULL && *dir != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_BLOB_STORE, NULL);
  self->dir = g_canonicalize_filename (dir, NULL);
  self->tmp_dir = g_build_filename (self->dir, "tmp", NULL);

  if (!make_dir (self->dir, error) || !make_dir (self->tmp_dir, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
chamber_blob_store_get_dir (ChamberBlobStore *self)
{
  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (self), NULL);

  return self->dir;
}

/* DIR/ab for a hash already validated. */
static char *
fanout_dir (ChamberBlobStore *self,
            const char       *sha256)
{
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  return g_build_filename (self->dir, prefix, NULL);
}

char *
chamber_blob_store_path (ChamberBlobStore *self,
                         const char       *sha256)
{
  char prefix[3];

  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (self), NULL);

  if (!chamber_sha256_is_valid (sha256))
    return NULL;
  prefix[0] = sha256[0];
  prefix[1] = sha256[1];
  prefix[2] = '\0';
  return g_build_filename (self->dir, prefix, sha256, NULL);
}

gboolean
chamber_blob_store_has (ChamberBlobStore *self,
                        const char       *sha256)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (self), FALSE);

  path = chamber_blob_store_path (self, sha256);
  return path != NULL && g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

char *
chamber_blob_store_partial_path (ChamberBlobStore *self,
                                 const char       *sha256)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (self), NULL);

  if (!chamber_sha256_is_valid (sha256))
    return NULL;
  name = g_strconcat (sha256, ".part", NULL);
  return g_build_filename (self->tmp_dir, name, NULL);
}

/* Renames @from (already fsync'ed) to the final path of @sha256 and fsyncs the folders whose
 * entries changed. When the blob is already there, @from is dropped instead: same hash, same
 * bytes. */
static gboolean
move_into_place (ChamberBlobStore *self,
                 const char       *from,
                 const char       *sha256,
                 GError          **error)
{
  g_autofree char *dir = fanout_dir (self, sha256);
  g_autofree char *final_path = chamber_blob_store_path (self, sha256);
  gboolean new_dir;

  if (g_file_test (final_path, G_FILE_TEST_IS_REGULAR))
    {
      g_unlink (from);
      return TRUE;
    }

  new_dir = !g_file_test (dir, G_FILE_TEST_IS_DIR);
  if (new_dir && !make_dir (dir, error))
    return FALSE;

  if (g_rename (from, final_path) < 0)
    {
      set_io_error (error, errno, _("Cannot move a document into place as “%s”"), final_path);
      return FALSE;
    }

  if (!sync_dir (dir, error))
    return FALSE;
  if (new_dir && !sync_dir (self->dir, error))
    return FALSE;
  return TRUE;
}

gboolean
chamber_blob_store_commit_partial (ChamberBlobStore *self,
                                   const char       *sha256,
                                   GCancellable     *cancellable,
                                   GError          **error)
{
  g_autofree char *partial = NULL;
  g_autoptr (ChamberSha256) hasher = NULL;
  g_autofree guint8 *buffer = NULL;
  char actual[65];
  int fd;

  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  partial = chamber_blob_store_partial_path (self, sha256);
  if (partial == NULL)
    {
      set_invalid_hash_error (error, sha256);
      return FALSE;
    }

  /* Hash and fsync through the same descriptor: what is checked is what is flushed. */
  fd = g_open (partial, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_io_error (error, errno, _("Cannot open the partial download “%s”"), partial);
      return FALSE;
    }

  hasher = chamber_sha256_new ();
  buffer = g_malloc (COPY_CHUNK);
  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return FALSE;
        }
      n = read (fd, buffer, COPY_CHUNK);
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          close (fd);
          set_io_error (error, saved_errno, _("Cannot read “%s”"), partial);
          return FALSE;
        }
      if (n == 0)
        break;
      chamber_sha256_update (hasher, buffer, n);
    }
  chamber_sha256_finish (hasher, actual);

  if (strcmp (actual, sha256) != 0)
    {
      close (fd);
      g_unlink (partial);
      g_set_error (error, CHAMBER_BLOB_ERROR, CHAMBER_BLOB_ERROR_MISMATCH,
                   _("The downloaded file does not match its checksum (expected %s, got %s); "
                     "it was discarded. Download it again."),
                   sha256, actual);
      return FALSE;
    }

  if (!sync_fd (fd, partial, error))
    {
      close (fd);
      return FALSE;
    }
  if (!close_fd (fd, partial, error))
    return FALSE;

  return move_into_place (self, partial, sha256, error);
}

/* Writes all of @len bytes, retrying after signals and short writes. */
static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         len,
           const char   *path,
           GError      **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          set_io_error (error, errno, _("Cannot write “%s”"), path);
          return FALSE;
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

/* Creates a new empty file in DIR/tmp; returns its descriptor and sets @out_path. */
static int
create_temp (ChamberBlobStore *self,
             const char       *name_template,
             char            **out_path,
             GError          **error)
{
  g_autofree char *path = g_build_filename (self->tmp_dir, name_template, NULL);
  int fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0644);

  if (fd < 0)
    {
      set_io_error (error, errno, _("Cannot create a temporary file in “%s”"), self->tmp_dir);
      return -1;
    }
  *out_path = g_steal_pointer (&path);
  return fd;
}

gboolean
chamber_blob_store_import_file (ChamberBlobStore *self,
                                const char       *path,
                                char              out_sha256[65],
                                gint64           *out_bytes,
                                GCancellable     *cancellable,
                                GError          **error)
{
  g_autofree char *temp_path = NULL;
  g_autoptr (ChamberSha256) hasher = NULL;
  g_autofree guint8 *buffer = NULL;
  char sha256[65];
  gint64 total = 0;
  int in_fd, out_fd;

  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  in_fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (in_fd < 0)
    {
      set_io_error (error, errno, _("Cannot open “%s”"), path);
      return FALSE;
    }

  out_fd = create_temp (self, "import-XXXXXX", &temp_path, error);
  if (out_fd < 0)
    {
      close (in_fd);
      return FALSE;
    }

  hasher = chamber_sha256_new ();
  buffer = g_malloc (COPY_CHUNK);
  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;

      n = read (in_fd, buffer, COPY_CHUNK);
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          set_io_error (error, errno, _("Cannot read “%s”"), path);
          goto fail;
        }
      if (n == 0)
        break;
      chamber_sha256_update (hasher, buffer, n);
      if (!write_all (out_fd, buffer, n, temp_path, error))
        goto fail;
      total += n;
    }
  close (in_fd);
  in_fd = -1;
  chamber_sha256_finish (hasher, sha256);

  if (!sync_fd (out_fd, temp_path, error))
    goto fail;
  if (!close_fd (out_fd, temp_path, error))
    {
      out_fd = -1;
      goto fail;
    }
  out_fd = -1;

  if (!move_into_place (self, temp_path, sha256, error))
    goto fail;

  memcpy (out_sha256, sha256, sizeof sha256);
  if (out_bytes != NULL)
    *out_bytes = total;
  return TRUE;

fail:
  if (in_fd >= 0)
    close (in_fd);
  if (out_fd >= 0)
    close (out_fd);
  g_unlink (temp_path);
  return FALSE;
}

char *
chamber_blob_store_new_temp_path (ChamberBlobStore *self)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int fd;

  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (self), NULL);

  fd = create_temp (self, "upload-XXXXXX", &path, &error);
  if (fd < 0)
    {
      /* The header gives this call no GError; the caller sees NULL and the log says why. */
      g_message ("%s", error->message);
      return NULL;
    }
  close (fd);
  return path;
}

gboolean
chamber_blob_store_adopt (ChamberBlobStore *self,
                          const char       *temp_path,
                          const char       *sha256,
                          GError          **error)
{
  int fd;

  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (self), FALSE);
  g_return_val_if_fail (temp_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_sha256_is_valid (sha256))
    {
      set_invalid_hash_error (error, sha256);
      return FALSE;
    }

  fd = g_open (temp_path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_io_error (error, errno, _("Cannot open “%s”"), temp_path);
      return FALSE;
    }
  if (!sync_fd (fd, temp_path, error))
    {
      close (fd);
      return FALSE;
    }
  if (!close_fd (fd, temp_path, error))
    return FALSE;

  return move_into_place (self, temp_path, sha256, error);
}
