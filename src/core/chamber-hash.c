/* chamber-hash.c — SHA-256 with nettle.
 *
 * Errors from chamber_sha256_file() are in the G_IO_ERROR domain (the code follows errno, or
 * G_IO_ERROR_CANCELLED), with a message that names the file. */
#include "config.h"

#include "chamber-hash.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>
#include <string.h>
#include <unistd.h>

/* Files are hashed in reads of this size: large enough that the syscall cost vanishes next to
 * the hashing, small enough to check the cancellable often. */
#define READ_CHUNK (256 * 1024)

struct _ChamberSha256
{
  struct sha256_ctx ctx;
};

ChamberSha256 *
chamber_sha256_new (void)
{
  ChamberSha256 *self = g_new (ChamberSha256, 1);

  sha256_init (&self->ctx);
  return self;
}

void
chamber_sha256_update (ChamberSha256 *self,
                       const void    *data,
                       gsize          len)
{
  const guint8 *bytes = data;

  g_return_if_fail (self != NULL);
  g_return_if_fail (data != NULL || len == 0);

  /* nettle takes a size_t; feed in bounded pieces so nothing depends on its width. */
  while (len > 0)
    {
      gsize piece = MIN (len, (gsize) G_MAXINT32);

      sha256_update (&self->ctx, piece, bytes);
      bytes += piece;
      len -= piece;
    }
}

void
chamber_sha256_finish (ChamberSha256 *self,
                       char           out_hex[65])
{
  static const char digits[] = "0123456789abcdef";
  guint8 digest[SHA256_DIGEST_SIZE];

  g_return_if_fail (self != NULL);
  g_return_if_fail (out_hex != NULL);

  /* sha256_digest() also re-initialises the context, so the hasher may be reused. */
  sha256_digest (&self->ctx, SHA256_DIGEST_SIZE, digest);
  for (guint i = 0; i < SHA256_DIGEST_SIZE; i++)
    {
      out_hex[2 * i] = digits[digest[i] >> 4];
      out_hex[2 * i + 1] = digits[digest[i] & 0xf];
    }
  out_hex[2 * SHA256_DIGEST_SIZE] = '\0';
}

void
chamber_sha256_free (ChamberSha256 *self)
{
  if (self == NULL)
    return;
  memset (self, 0, sizeof *self);
  g_free (self);
}

char *
chamber_sha256_hex (const void *data,
                    gsize       len)
{
  ChamberSha256 hasher;
  char *hex = g_malloc (65);

  sha256_init (&hasher.ctx);
  chamber_sha256_update (&hasher, data, len);
  chamber_sha256_finish (&hasher, hex);
  return hex;
}

gboolean
chamber_sha256_file (const char   *path,
                     char          out_hex[65],
                     gint64       *out_bytes,
                     GCancellable *cancellable,
                     GError      **error)
{
  g_autoptr (ChamberSha256) hasher = NULL;
  g_autofree guint8 *buffer = NULL;
  gint64 total = 0;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out_hex != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot open “%s” to compute its checksum: %s."), path,
                   g_strerror (saved_errno));
      return FALSE;
    }

  hasher = chamber_sha256_new ();
  buffer = g_malloc (READ_CHUNK);
  for (;;)
    {
      gssize n;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          close (fd);
          return FALSE;
        }

      n = read (fd, buffer, READ_CHUNK);
      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;
          close (fd);
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Cannot read “%s” to compute its checksum: %s."), path,
                       g_strerror (saved_errno));
          return FALSE;
        }
      if (n == 0)
        break;
      chamber_sha256_update (hasher, buffer, n);
      total += n;
    }
  close (fd);

  chamber_sha256_finish (hasher, out_hex);
  if (out_bytes != NULL)
    *out_bytes = total;
  return TRUE;
}

gboolean
chamber_sha256_is_valid (const char *hex)
{
  gsize i;

  if (hex == NULL)
    return FALSE;
  for (i = 0; i < 64; i++)
    {
      char c = hex[i];

      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
        return FALSE;  /* also stops at a NUL before 64 digits */
    }
  return hex[64] == '\0';
}
