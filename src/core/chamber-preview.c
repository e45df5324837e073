/* chamber-preview.c — see chamber-preview.h */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "chamber-hash.h"
#include "chamber-pdf.h"
#include "chamber-preview.h"

#define COMPLETE_MARK "complete-2"
#define USED_MARK     "used"
#define EVICTED_MARK  "evicted"

/* A page preview file: this magic, the width and the height (native 32-bit integers), then the
 * rows of ARGB32 pixels, width × 4 bytes each. */
#define PIXELS_MAGIC      "CHPIXEL1"
#define PIXELS_MAGIC_SIZE 8
#define PIXELS_HEADER     (PIXELS_MAGIC_SIZE + 2 * sizeof (guint32))
#define PIXELS_MAX_SIDE   8192

static gboolean write_used (const char *folder, gboolean durable, GError **error);

static char *
set_dir (const char *dir,
         const char *sha256)
{
  if (!chamber_sha256_is_valid (sha256))
    return NULL;
  return g_build_filename (dir, sha256, NULL);
}

gboolean
chamber_preview_is_complete (const char *dir,
                             const char *sha256)
{
  g_autofree char *folder = set_dir (dir, sha256);
  g_autofree char *mark = NULL;

  if (folder == NULL)
    return FALSE;
  mark = g_build_filename (folder, COMPLETE_MARK, NULL);
  return g_file_test (mark, G_FILE_TEST_IS_REGULAR);
}

char *
chamber_preview_path (const char *dir,
                      const char *sha256,
                      int         page,
                      gboolean    thumbnail)
{
  g_autofree char *folder = set_dir (dir, sha256);
  g_autofree char *name = NULL;

  if (folder == NULL || page < 1
      || page > (thumbnail ? CHAMBER_PREVIEW_THUMBS : CHAMBER_PREVIEW_PAGES))
    return NULL;
  name = thumbnail ? g_strdup_printf ("thumb-%d.png", page)
                   : g_strdup_printf ("page-%d.pixels", page);
  return g_build_filename (folder, name, NULL);
}

GBytes *
chamber_preview_map_page (const char *path,
                          int        *out_width,
                          int        *out_height,
                          GError    **error)
{
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;
  const guint8 *data;
  guint32 width, height;
  gsize size;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, G_IO_ERROR,
                   g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                     ? G_IO_ERROR_NOT_FOUND
                     : G_IO_ERROR_FAILED,
                   _("Cannot read the preview “%s”: %s"), path, local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  data = g_bytes_get_data (bytes, &size);
  if (size < PIXELS_HEADER || memcmp (data, PIXELS_MAGIC, PIXELS_MAGIC_SIZE) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file “%s” is not a page preview."), path);
      return NULL;
    }
  memcpy (&width, data + PIXELS_MAGIC_SIZE, sizeof width);
  memcpy (&height, data + PIXELS_MAGIC_SIZE + sizeof width, sizeof height);
  if (width < 1 || height < 1 || width > PIXELS_MAX_SIDE || height > PIXELS_MAX_SIDE
      || size != PIXELS_HEADER + (gsize) width * height * 4)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The page preview “%s” is damaged (its size does not match)."), path);
      return NULL;
    }
  *out_width = (int) width;
  *out_height = (int) height;
  return g_bytes_new_from_bytes (bytes, PIXELS_HEADER, size - PIXELS_HEADER);
}

/* Writes @surface (ARGB32) to @file as a page preview. */
static gboolean
write_pixels (cairo_surface_t *surface,
              FILE            *file)
{
  guint32 size[2] = { cairo_image_surface_get_width (surface),
                      cairo_image_surface_get_height (surface) };
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  if (fwrite (PIXELS_MAGIC, 1, PIXELS_MAGIC_SIZE, file) != PIXELS_MAGIC_SIZE
      || fwrite (size, sizeof size[0], 2, file) != 2)
    return FALSE;
  for (guint32 y = 0; y < size[1]; y++)
    if (fwrite (data + (gsize) y * stride, 4, size[0], file) != size[0])
      return FALSE;
  return TRUE;
}

/* Renders one page @width pixels wide and writes it to @path through a temporary file: raw
 * pixels for a page preview, PNG for a thumbnail. */
static gboolean
write_page (PopplerDocument *document,
            int              page_no,
            int              width,
            gboolean         thumbnail,
            const char      *path,
            GError         **error)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (document, page_no - 1);
  g_autofree char *temp = g_strconcat (path, ".tmp", NULL);
  cairo_surface_t *surface;
  const char *reason = NULL;
  double page_width, page_height;

  if (page == NULL)
    {
      g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_DAMAGED,
                   _("Page %d of the document cannot be read."), page_no);
      return FALSE;
    }
  poppler_page_get_size (page, &page_width, &page_height);
  if (page_width <= 0)
    page_width = 595;
  surface = chamber_pdf_render_page (page, width / page_width, 0, error);
  if (surface == NULL)
    return FALSE;
  if (thumbnail)
    {
      cairo_status_t status = cairo_surface_write_to_png (surface, temp);

      if (status != CAIRO_STATUS_SUCCESS)
        reason = cairo_status_to_string (status);
    }
  else
    {
      FILE *file = g_fopen (temp, "wb");
      gboolean written = file != NULL && write_pixels (surface, file);

      if (file != NULL && fclose (file) != 0)
        written = FALSE;
      if (!written)
        reason = g_strerror (errno);
    }
  cairo_surface_destroy (surface);
  if (reason == NULL && g_rename (temp, path) != 0)
    reason = g_strerror (errno);
  if (reason != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the preview “%s” (%s). Check the free space on the disk."),
                   path, reason);
      g_unlink (temp);
      return FALSE;
    }
  return TRUE;
}

gboolean
chamber_preview_generate (const char   *dir,
                          const char   *sha256,
                          const char   *pdf_path,
                          GCancellable *cancellable,
                          GError      **error)
{
  g_autofree char *folder = set_dir (dir, sha256);
  g_autofree char *mark = NULL;
  g_autoptr (PopplerDocument) document = NULL;
  int pages;

  g_return_val_if_fail (dir != NULL && pdf_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (folder == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a content hash."), sha256 ? sha256 : "");
      return FALSE;
    }
  if (chamber_preview_is_complete (dir, sha256))
    return TRUE;
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot create the preview folder “%s” (%s)."), folder,
                   g_strerror (saved));
      return FALSE;
    }

  document = chamber_pdf_open (pdf_path, NULL, error);
  if (document == NULL)
    return FALSE;
  pages = poppler_document_get_n_pages (document);
  for (int i = 1; i <= MIN (pages, CHAMBER_PREVIEW_PAGES); i++)
    {
      g_autofree char *path = chamber_preview_path (dir, sha256, i, FALSE);

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !write_page (document, i, CHAMBER_PREVIEW_WIDTH, FALSE, path, error))
        return FALSE;
    }
  for (int i = 1; i <= MIN (pages, CHAMBER_PREVIEW_THUMBS); i++)
    {
      g_autofree char *path = chamber_preview_path (dir, sha256, i, TRUE);

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !write_page (document, i, CHAMBER_PREVIEW_THUMB_WIDTH, TRUE, path, error))
        return FALSE;
    }

  /* A set rendered again (after it was evicted) counts as arrived now. */
  if (!write_used (folder, TRUE, error))
    return FALSE;
  {
    g_autofree char *evicted = g_build_filename (folder, EVICTED_MARK, NULL);

    g_unlink (evicted);
  }
  mark = g_build_filename (folder, COMPLETE_MARK, NULL);
  return g_file_set_contents (mark, "", 0, error);
}

/* ---- the budget --------------------------------------------------------------------------- */

G_LOCK_DEFINE_STATIC (used_clock);

/* Now, in microseconds of real time, later than any time this process gave before: two sets
 * marked one after the other are evicted in that order even within one clock tick. */
static gint64
used_now (void)
{
  static gint64 last;
  gint64 now = g_get_real_time ();

  G_LOCK (used_clock);
  now = MAX (now, last + 1);
  last = now;
  G_UNLOCK (used_clock);
  return now;
}

/* Writes when the set in @folder was used. @durable: synced to the disk (a set just rendered);
 * otherwise replaced without waiting for the disk (a document opened: the mark only orders the
 * evictions, and an fsync at every open would wait on the disk for nothing). */
static gboolean
write_used (const char *folder,
            gboolean    durable,
            GError    **error)
{
  g_autofree char *path = g_build_filename (folder, USED_MARK, NULL);
  char text[32];

  g_snprintf (text, sizeof text, "%lld\n", (long long) used_now ());
  return g_file_set_contents_full (path, text, -1,
                                   durable ? G_FILE_SET_CONTENTS_CONSISTENT
                                           : G_FILE_SET_CONTENTS_NONE,
                                   0666, error);
}

/* When the set in @folder was last used: its mark, or else when it was completed; 0 when
 * unknown (an incomplete set). */
static gint64
read_used (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, USED_MARK, NULL);
  g_autofree char *mark = g_build_filename (folder, COMPLETE_MARK, NULL);
  g_autofree char *text = NULL;
  GStatBuf info;
  gsize length = 0;

  if (g_file_get_contents (path, &text, &length, NULL) && length > 0 && length < 32)
    {
      char *end = NULL;
      gint64 used = g_ascii_strtoll (text, &end, 10);

      if (end != text && used > 0)
        return used;
    }
  if (g_stat (mark, &info) == 0)
    return (gint64) info.st_mtime * G_USEC_PER_SEC;
  return 0;
}

gboolean
chamber_preview_touch (const char *dir,
                       const char *sha256)
{
  g_autofree char *folder = set_dir (dir, sha256);

  g_return_val_if_fail (dir != NULL, FALSE);

  if (folder == NULL || !chamber_preview_is_complete (dir, sha256))
    return FALSE;
  return write_used (folder, FALSE, NULL);
}

gboolean
chamber_preview_is_evicted (const char *dir,
                            const char *sha256)
{
  g_autofree char *folder = set_dir (dir, sha256);
  g_autofree char *mark = NULL;

  if (folder == NULL)
    return FALSE;
  mark = g_build_filename (folder, EVICTED_MARK, NULL);
  return g_file_test (mark, G_FILE_TEST_IS_REGULAR);
}

/* The bytes of the regular files in @folder (not following links). */
static guint64
folder_size (const char *folder)
{
  g_autoptr (GDir) files = g_dir_open (folder, 0, NULL);
  const char *name;
  guint64 size = 0;

  while (files != NULL && (name = g_dir_read_name (files)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf info;

      if (g_lstat (path, &info) == 0 && S_ISREG (info.st_mode))
        size += (guint64) info.st_size;
    }
  return size;
}

/* The preview sets in @dir: folders named by a hash, not links. */
static GPtrArray *
list_sets (const char *dir)
{
  g_autoptr (GDir) folders = g_dir_open (dir, 0, NULL);
  GPtrArray *sets = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (folders != NULL && (name = g_dir_read_name (folders)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf info;

      if (chamber_sha256_is_valid (name) && g_lstat (path, &info) == 0
          && S_ISDIR (info.st_mode))
        g_ptr_array_add (sets, g_strdup (name));
    }
  return sets;
}

gboolean
chamber_preview_has_room (const char *dir,
                          guint64     budget)
{
  /* The raw pixels of the pages of an A4 set, and about 2 MB of thumbnails. */
  const guint64 set_size = (guint64) CHAMBER_PREVIEW_PAGES * CHAMBER_PREVIEW_WIDTH
                             * (CHAMBER_PREVIEW_WIDTH * 842 / 595) * 4
                           + 2 * 1024 * 1024;

  g_return_val_if_fail (dir != NULL, FALSE);

  return chamber_preview_get_size (dir) + set_size <= budget;
}

guint64
chamber_preview_get_size (const char *dir)
{
  g_autoptr (GPtrArray) sets = NULL;
  guint64 size = 0;

  g_return_val_if_fail (dir != NULL, 0);

  sets = list_sets (dir);
  for (guint i = 0; i < sets->len; i++)
    {
      g_autofree char *folder = g_build_filename (dir, g_ptr_array_index (sets, i), NULL);

      size += folder_size (folder);
    }
  return size;
}

typedef struct {
  char    *sha256;
  char    *folder;
  gint64   used;      /* -1: evicted already (leftovers of an interrupted eviction) */
  guint64  size;
  gboolean complete;
} Set;

static void
set_free (gpointer data)
{
  Set *set = data;

  g_free (set->sha256);
  g_free (set->folder);
  g_free (set);
}

static int
compare_sets (gconstpointer a,
              gconstpointer b)
{
  const Set *first = *(const Set *const *) a, *second = *(const Set *const *) b;

  if (first->used != second->used)
    return first->used < second->used ? -1 : 1;
  return strcmp (first->sha256, second->sha256);
}

/* Removes the files of @set. A complete set becomes an evicted one (its mark first, so that no
 * reader takes it for complete meanwhile; then the files, the evicted mark staying); an
 * incomplete one (a render that was interrupted) goes whole, for the next sync to render again. */
static gboolean
evict_set (Set     *set,
           GError **error)
{
  g_autoptr (GDir) files = NULL;
  g_autofree char *mark = g_build_filename (set->folder, COMPLETE_MARK, NULL);
  g_autofree char *evicted = g_build_filename (set->folder, EVICTED_MARK, NULL);
  gboolean tombstone = set->complete || set->used < 0;
  const char *name;
  int saved = 0;

  if (set->complete && g_unlink (mark) != 0 && errno != ENOENT)
    saved = errno;
  if (saved == 0 && tombstone && !g_file_set_contents (evicted, "", 0, error))
    return FALSE;
  files = g_dir_open (set->folder, 0, NULL);
  while (saved == 0 && files != NULL && (name = g_dir_read_name (files)) != NULL)
    {
      g_autofree char *path = NULL;

      if (tombstone && g_str_equal (name, EVICTED_MARK))
        continue;
      path = g_build_filename (set->folder, name, NULL);
      if (g_unlink (path) != 0 && errno != ENOENT)
        saved = errno;
    }
  if (saved == 0 && !tombstone)
    g_rmdir (set->folder);
  if (saved != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot remove the preview of a document from “%s” (%s)."), set->folder,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
chamber_preview_enforce_budget (const char        *dir,
                                guint64            budget,
                                const char *const *keep,
                                guint             *out_evicted,
                                GError           **error)
{
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GPtrArray) sets = g_ptr_array_new_with_free_func (set_free);
  g_autoptr (GError) first_error = NULL;
  guint64 total = 0;
  guint evicted = 0;

  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  names = list_sets (dir);
  for (guint i = 0; i < names->len; i++)
    {
      const char *sha256 = g_ptr_array_index (names, i);
      Set *set = g_new0 (Set, 1);

      set->sha256 = g_strdup (sha256);
      set->folder = g_build_filename (dir, sha256, NULL);
      set->size = folder_size (set->folder);
      set->complete = chamber_preview_is_complete (dir, sha256);
      set->used = chamber_preview_is_evicted (dir, sha256) && !set->complete
                    ? -1
                    : read_used (set->folder);
      total += set->size;
      g_ptr_array_add (sets, set);
    }
  g_ptr_array_sort (sets, compare_sets);

  for (guint i = 0; i < sets->len && total > budget; i++)
    {
      Set *set = g_ptr_array_index (sets, i);
      g_autoptr (GError) local = NULL;

      if (keep != NULL && g_strv_contains (keep, set->sha256))
        continue;
      /* An evicted set holds only its mark: nothing to win there. */
      if (set->used < 0 && set->size == 0)
        continue;
      if (!evict_set (set, &local))
        {
          if (first_error == NULL)
            first_error = g_steal_pointer (&local);
          continue;
        }
      total -= MIN (total, set->size);
      if (set->complete)
        evicted++;
    }
  if (out_evicted != NULL)
    *out_evicted = evicted;
  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}
