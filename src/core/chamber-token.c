/* chamber-token.c — bearer tokens: "chm_" + base64url (no padding) of 32 random bytes. */
#include "config.h"

#include "chamber-token.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "chamber-hash.h"

#define TOKEN_PREFIX       "chm_"
#define TOKEN_RANDOM_BYTES 32

/* Fills @buf from the kernel's random pool (the one behind /dev/urandom): getrandom(2) first,
 * reading /dev/urandom itself where that system call is missing. Both retry after a signal and
 * after a short read. */
static gboolean
fill_random (guint8 *buf,
             gsize   len)
{
  gsize done = 0;
  int fd;

  while (done < len)
    {
      gssize n = getrandom (buf + done, len - done, 0);

      if (n > 0)
        done += n;
      else if (n < 0 && errno == EINTR)
        continue;
      else
        break;
    }
  if (done == len)
    return TRUE;

  fd = open ("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return FALSE;
  while (done < len)
    {
      gssize n = read (fd, buf + done, len - done);

      if (n > 0)
        done += n;
      else if (n < 0 && errno == EINTR)
        continue;
      else
        break;
    }
  close (fd);
  return done == len;
}

char *
chamber_token_generate (void)
{
  guint8 random_bytes[TOKEN_RANDOM_BYTES];
  g_autofree char *b64 = NULL;
  GString *token;

  /* A token made of anything less than real randomness would let anyone guess a delegate's
   * or the administrator's access, so there is no fallback: stop. */
  if (!fill_random (random_bytes, sizeof random_bytes))
    g_error ("Cannot read random bytes from the kernel (getrandom, /dev/urandom): %s",
             g_strerror (errno));

  b64 = g_base64_encode (random_bytes, sizeof random_bytes);
  memset (random_bytes, 0, sizeof random_bytes);

  token = g_string_sized_new (strlen (TOKEN_PREFIX) + 44);
  g_string_append (token, TOKEN_PREFIX);
  for (const char *p = b64; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '+':
          g_string_append_c (token, '-');
          break;
        case '/':
          g_string_append_c (token, '_');
          break;
        case '=':
          break;
        default:
          g_string_append_c (token, *p);
          break;
        }
    }
  memset (b64, 0, strlen (b64));
  return g_string_free (token, FALSE);
}

char *
chamber_token_hash (const char *token)
{
  g_return_val_if_fail (token != NULL, NULL);

  return chamber_sha256_hex (token, strlen (token));
}

gboolean
chamber_token_equal (const char *a,
                     const char *b)
{
  gsize len_a, len_b;
  volatile guint8 diff;

  if (a == NULL || b == NULL)
    return FALSE;

  len_a = strlen (a);
  len_b = strlen (b);
  /* Every byte of @a is compared, whatever the contents; a shorter @b is read as zeros past its
   * end. The time depends only on the lengths, never on where the strings differ. */
  diff = (len_a != len_b);
  for (gsize i = 0; i < len_a; i++)
    {
      guint8 cb = (i < len_b) ? (guint8) b[i] : 0;

      diff |= (guint8) a[i] ^ cb;
    }
  return diff == 0;
}
