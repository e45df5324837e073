/* chamber-preview.c — see chamber-preview.h */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "chamber-hash.h"
#include "chamber-pdf.h"
#include "chamber-preview.h"

#define COMPLETE_MARK "complete-2"

/* A page preview file: this magic, the width and the height (native 32-bit integers), then the
 * rows of ARGB32 pixels, width × 4 bytes each. */
#define PIXELS_MAGIC      "CHPIXEL1"
#define PIXELS_MAGIC_SIZE 8
#define PIXELS_HEADER     (PIXELS_MAGIC_SIZE + 2 * sizeof (guint32))
#define PIXELS_MAX_SIDE   8192

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

  mark = g_build_filename (folder, COMPLETE_MARK, NULL);
  return g_file_set_contents (mark, "", 0, error);
}
