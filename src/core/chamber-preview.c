/* chamber-preview.c — see chamber-preview.h */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chamber-hash.h"
#include "chamber-pdf.h"
#include "chamber-preview.h"

#define COMPLETE_MARK "complete"

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
  name = g_strdup_printf ("%s-%d.png", thumbnail ? "thumb" : "page", page);
  return g_build_filename (folder, name, NULL);
}

/* Renders one page @width pixels wide and writes it to @path through a temporary file. */
static gboolean
write_page (PopplerDocument *document,
            int              page_no,
            int              width,
            const char      *path,
            GError         **error)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (document, page_no - 1);
  g_autofree char *temp = g_strconcat (path, ".tmp", NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
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
  status = cairo_surface_write_to_png (surface, temp);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS || g_rename (temp, path) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write the preview “%s” (%s). Check the free space on the disk."),
                   path, status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status)
                                                        : g_strerror (errno));
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
          || !write_page (document, i, CHAMBER_PREVIEW_WIDTH, path, error))
        return FALSE;
    }
  for (int i = 1; i <= MIN (pages, CHAMBER_PREVIEW_THUMBS); i++)
    {
      g_autofree char *path = chamber_preview_path (dir, sha256, i, TRUE);

      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !write_page (document, i, CHAMBER_PREVIEW_THUMB_WIDTH, path, error))
        return FALSE;
    }

  mark = g_build_filename (folder, COMPLETE_MARK, NULL);
  return g_file_set_contents (mark, "", 0, error);
}
