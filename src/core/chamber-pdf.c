/* chamber-pdf.c — open, check and render PDFs with poppler-glib, without a display.
 *
 * Error domain CHAMBER_PDF_ERROR (codes in chamber-pdf.h). Every message says what is wrong in
 * words a secretary can act on, and what to do about it. */
#include "config.h"

#include "chamber-pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The PDF header may follow some junk, but must begin within the first 1024 bytes. */
#define HEAD_BYTES 1024
/* A file that does not end with %%EOF within its last bytes was most likely cut off. */
#define TAIL_BYTES 1024
/* chamber_pdf_check() renders at this scale, its longest side capped at CHECK_MAX_SIDE pixels:
 * enough to run every drawing operator of the page, cheap on any page size. */
#define CHECK_SCALE    0.2
#define CHECK_MAX_SIDE 512

G_DEFINE_QUARK (chamber-pdf-error-quark, chamber_pdf_error)

void
chamber_pdf_info_clear (ChamberPdfInfo *info)
{
  if (info == NULL)
    return;
  g_clear_pointer (&info->title, g_free);
  info->pages = 0;
  info->width_pt = 0;
  info->height_pt = 0;
}

/* Reads up to @len bytes at @offset (negative: from the end). Returns the count read, or -1
 * with errno set. */
static gssize
read_at (int     fd,
         gint64  offset,
         guint8 *buf,
         gsize   len)
{
  gsize done = 0;

  if (offset < 0)
    {
      struct stat st;

      if (fstat (fd, &st) < 0)
        return -1;
      offset = MAX (0, (gint64) st.st_size + offset);
    }

  while (done < len)
    {
      gssize n = pread (fd, buf + done, len - done, offset + done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return -1;
      if (n == 0)
        break;
      done += n;
    }
  return done;
}

static const guint8 *
find_bytes (const guint8 *haystack,
            gsize         haystack_len,
            const char   *needle)
{
  gsize needle_len = strlen (needle);

  if (haystack_len < needle_len)
    return NULL;
  for (gsize i = 0; i + needle_len <= haystack_len; i++)
    if (memcmp (haystack + i, needle, needle_len) == 0)
      return haystack + i;
  return NULL;
}

static gboolean
starts_with_ascii_nocase (const guint8 *buf,
                          gsize         len,
                          const char   *prefix)
{
  gsize prefix_len = strlen (prefix);

  return len >= prefix_len && g_ascii_strncasecmp ((const char *) buf, prefix, prefix_len) == 0;
}

typedef struct {
  const char *magic;
  gsize       magic_len;
  const char *description;
} FileMagic;

static const FileMagic file_magics[] = {
  { "\x89PNG", 4, N_("a PNG image") },
  { "\xff\xd8\xff", 3, N_("a JPEG image") },
  { "GIF8", 4, N_("a GIF image") },
  { "II*\0", 4, N_("a TIFF image (a scan)") },
  { "MM\0*", 4, N_("a TIFF image (a scan)") },
  { "PK\x03\x04", 4, N_("a ZIP archive or a Word/Excel document (.docx, .xlsx)") },
  { "\xd0\xcf\x11\xe0", 4, N_("an old Word/Excel document (.doc, .xls)") },
  { "{\\rtf", 5, N_("an RTF text document") },
  { "Rar!", 4, N_("a RAR archive") },
  { "7z\xbc\xaf", 4, N_("a 7-Zip archive") },
};

/* Sets a NOT_PDF error that says what the file looks like instead. */
static void
set_not_pdf_error (GError      **error,
                   const guint8 *head,
                   gsize         len)
{
  const guint8 *text = head;
  gsize text_len = len;
  GString *shown;

  for (guint i = 0; i < G_N_ELEMENTS (file_magics); i++)
    if (len >= file_magics[i].magic_len
        && memcmp (head, file_magics[i].magic, file_magics[i].magic_len) == 0)
      {
        g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_NOT_PDF,
                     _("The file is not a PDF but %s. Ask for the document as a PDF file."),
                     _(file_magics[i].description));
        return;
      }

  /* Skip a UTF-8 byte order mark and leading blanks before looking at text. */
  if (text_len >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      text_len -= 3;
    }
  while (text_len > 0 && g_ascii_isspace (*text))
    {
      text++;
      text_len--;
    }

  /* The first line, at most 24 characters, when it is readable text. */
  shown = g_string_new (NULL);
  {
    const char *p = (const char *) text;
    const char *end = p + text_len;
    guint chars = 0;

    while (p < end && chars < 24)
      {
        gunichar c = g_utf8_get_char_validated (p, end - p);

        if (c == (gunichar) -1 || c == (gunichar) -2 || c == '\n' || c == '\r'
            || (c < 0x20 && c != '\t'))
          break;
        g_string_append_unichar (shown, c);
        p = g_utf8_next_char (p);
        chars++;
      }
  }

  /* Markup: its first tag says enough. */
  if (shown->str[0] == '<' && strchr (shown->str, '>') != NULL)
    g_string_truncate (shown, strchr (shown->str, '>') - shown->str + 1);

  if (starts_with_ascii_nocase (text, text_len, "<!doctype html")
      || starts_with_ascii_nocase (text, text_len, "<html")
      || (starts_with_ascii_nocase (text, text_len, "<") && find_bytes (head, len, "<html") != NULL))
    g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_NOT_PDF,
                 _("The file is not a PDF but a web page (it starts with “%s”), perhaps an error "
                   "page saved in place of the document. Download the document again."),
                 shown->str);
  else if (shown->len >= 4)
    g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_NOT_PDF,
                 _("The file is not a PDF (it starts with “%s”). Ask for the document as a PDF "
                   "file."),
                 shown->str);
  else
    g_set_error_literal (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_NOT_PDF,
                         _("The file is not a PDF (it does not start with a PDF header). Ask for "
                           "the document as a PDF file."));
  g_string_free (shown, TRUE);
}

static void
set_damaged_error (GError    **error,
                   const char *reason)
{
  /* TRANSLATORS: %s is the reason, e.g. “the file is cut off before its end” */
  g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_DAMAGED,
               _("The document is damaged (%s). Ask for a new copy of the file."), reason);
}

static void
set_io_error (GError    **error,
              int         saved_errno,
              const char *path)
{
  g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_IO, _("Cannot read “%s”: %s."), path,
               g_strerror (saved_errno));
}

/* Looks at the first and last bytes of @path itself: EMPTY, NOT_PDF or IO before poppler ever
 * sees the file. Sets @out_has_eof to whether %%EOF appears near the end (a file without it
 * was most likely cut off). */
static gboolean
sniff_file (const char *path,
            gboolean   *out_has_eof,
            GError    **error)
{
  guint8 head[HEAD_BYTES];
  guint8 tail[TAIL_BYTES];
  gssize head_len, tail_len;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_io_error (error, errno, path);
      return FALSE;
    }

  head_len = read_at (fd, 0, head, sizeof head);
  tail_len = head_len < 0 ? -1 : read_at (fd, -(gint64) sizeof tail, tail, sizeof tail);
  if (head_len < 0 || tail_len < 0)
    {
      int saved_errno = errno;
      close (fd);
      set_io_error (error, saved_errno, path);
      return FALSE;
    }
  close (fd);

  if (head_len == 0)
    {
      g_set_error_literal (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_EMPTY,
                           _("The file is empty (0 bytes). It was probably not copied or "
                             "downloaded completely: ask for the file again."));
      return FALSE;
    }

  if (find_bytes (head, head_len, "%PDF-") == NULL)
    {
      set_not_pdf_error (error, head, head_len);
      return FALSE;
    }

  *out_has_eof = find_bytes (tail, tail_len, "%%EOF") != NULL;
  return TRUE;
}

PopplerDocument *
chamber_pdf_open (const char *path,
                  const char *password,
                  GError    **error)
{
  g_autoptr (GError) poppler_error = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *uri = NULL;
  PopplerDocument *document;
  gboolean has_eof = TRUE;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!sniff_file (path, &has_eof, error))
    return NULL;

  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri == NULL)
    {
      set_io_error (error, EINVAL, path);
      return NULL;
    }

  document = poppler_document_new_from_file (uri, password, &poppler_error);
  if (document != NULL)
    return document;

  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password == NULL || *password == '\0')
        g_set_error_literal (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_ENCRYPTED,
                             _("The document is protected by a password. Enter the password, "
                               "or ask for a copy without one."));
      else
        g_set_error_literal (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_ENCRYPTED,
                             _("The password is not correct for this document. Check it and "
                               "try again."));
    }
  else if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_OPEN_FILE))
    set_io_error (error, EIO, path);
  else if (!has_eof)
    set_damaged_error (error, _("the file is cut off before its end, perhaps by an interrupted "
                                "download"));
  else if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_BAD_CATALOG))
    set_damaged_error (error, _("its table of pages is missing or broken"));
  else
    set_damaged_error (error, _("its structure cannot be read"));
  return NULL;
}

/* The device size of @page at @scale, rotated by @rotation, with its longest side at most
 * @max_side pixels; returns the scale actually used. */
static double
fit_page (PopplerPage *page,
          double       scale,
          int          rotation,
          int          max_side,
          int         *out_width,
          int         *out_height)
{
  double width_pt, height_pt, longest;
  int width, height;

  poppler_page_get_size (page, &width_pt, &height_pt);
  /* poppler already sanitises boxes, but never trust a size to be positive and finite. */
  if (!(width_pt > 0) || !isfinite (width_pt))
    width_pt = 1;
  if (!(height_pt > 0) || !isfinite (height_pt))
    height_pt = 1;

  longest = MAX (width_pt, height_pt) * scale;
  if (longest > max_side)
    scale = max_side / MAX (width_pt, height_pt);

  width = CLAMP ((int) ceil (width_pt * scale - 0.01), 1, max_side);
  height = CLAMP ((int) ceil (height_pt * scale - 0.01), 1, max_side);

  if (rotation == 90 || rotation == 270)
    {
      *out_width = height;
      *out_height = width;
    }
  else
    {
      *out_width = width;
      *out_height = height;
    }
  return scale;
}

static cairo_surface_t *
render_page (PopplerPage *page,
             double       scale,
             int          rotation,
             int          max_side,
             GError     **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  int width, height;

  rotation = ((rotation % 360) + 360) % 360;
  g_return_val_if_fail (rotation % 90 == 0, NULL);
  g_return_val_if_fail (scale > 0 && isfinite (scale), NULL);

  scale = fit_page (page, scale, rotation, max_side, &width, &height);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_IO,
                   _("Cannot prepare an image of %d × %d pixels for page %d: %s. Close other "
                     "documents or use a smaller zoom."),
                   width, height, poppler_page_get_index (page) + 1,
                   cairo_status_to_string (status));
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  switch (rotation)
    {
    case 90:
      cairo_translate (cr, width, 0);
      break;
    case 180:
      cairo_translate (cr, width, height);
      break;
    case 270:
      cairo_translate (cr, 0, height);
      break;
    default:
      break;
    }
  cairo_rotate (cr, rotation * G_PI / 180.0);
  cairo_scale (cr, scale, scale);

  poppler_page_render (page, cr);

  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_flush (surface);
      status = cairo_surface_status (surface);
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *reason = NULL;

      cairo_surface_destroy (surface);
      /* TRANSLATORS: %d is a page number, %s cairo's (English) reason */
      reason = g_strdup_printf (_("page %d cannot be drawn: %s"), poppler_page_get_index (page) + 1,
                                cairo_status_to_string (status));
      set_damaged_error (error, reason);
      return NULL;
    }
  return surface;
}

cairo_surface_t *
chamber_pdf_render_page (PopplerPage *page,
                         double       scale,
                         int          rotation,
                         GError     **error)
{
  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return render_page (page, scale, rotation, CHAMBER_PDF_MAX_SURFACE_SIDE, error);
}

static char *
dup_title (PopplerDocument *document)
{
  g_autofree char *title = poppler_document_get_title (document);

  if (title == NULL)
    return NULL;
  g_strstrip (title);
  if (*title == '\0' || !g_utf8_validate (title, -1, NULL))
    return NULL;
  return g_steal_pointer (&title);
}

gboolean
chamber_pdf_check (const char     *path,
                   gboolean        render_all,
                   ChamberPdfInfo *out_info,
                   GError        **error)
{
  g_autoptr (PopplerDocument) document = NULL;
  double first_width = 0, first_height = 0;
  int pages;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = chamber_pdf_open (path, NULL, error);
  if (document == NULL)
    return FALSE;

  pages = poppler_document_get_n_pages (document);
  if (pages <= 0)
    {
      g_set_error_literal (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_NO_PAGES,
                           _("The document has no pages that can be read. Ask for a new copy "
                             "of the file."));
      return FALSE;
    }

  for (int i = 0; i < pages; i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (document, i);

      if (page == NULL)
        {
          g_autofree char *reason = g_strdup_printf (_("page %d cannot be read"), i + 1);

          set_damaged_error (error, reason);
          return FALSE;
        }
      if (i == 0)
        poppler_page_get_size (page, &first_width, &first_height);

      if (render_all)
        {
          cairo_surface_t *surface = render_page (page, CHECK_SCALE, 0, CHECK_MAX_SIDE, error);

          if (surface == NULL)
            return FALSE;
          cairo_surface_destroy (surface);
        }
    }

  if (out_info != NULL)
    {
      out_info->pages = pages;
      out_info->title = dup_title (document);
      out_info->width_pt = first_width;
      out_info->height_pt = first_height;
    }
  return TRUE;
}

gboolean
chamber_pdf_render_to_png (const char *path,
                           int         page_no,
                           double      scale,
                           const char *out_png,
                           GError    **error)
{
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (PopplerPage) page = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  int pages;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out_png != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!(scale > 0) || !isfinite (scale))
    {
      g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_BAD_PAGE,
                   _("The scale %g is not usable: give a number greater than 0 (1 is 72 dpi)."),
                   scale);
      return FALSE;
    }

  document = chamber_pdf_open (path, NULL, error);
  if (document == NULL)
    return FALSE;

  pages = poppler_document_get_n_pages (document);
  if (page_no < 1 || page_no > pages)
    {
      g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_BAD_PAGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "There is no page %d: the document has %d page.",
                                "There is no page %d: the document has %d pages.", pages),
                   page_no, pages);
      return FALSE;
    }

  page = poppler_document_get_page (document, page_no - 1);
  if (page == NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("page %d cannot be read"), page_no);

      set_damaged_error (error, reason);
      return FALSE;
    }

  surface = chamber_pdf_render_page (page, scale, 0, error);
  if (surface == NULL)
    return FALSE;

  status = cairo_surface_write_to_png (surface, out_png);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_IO,
                   _("Cannot write the image “%s”: %s. Check that the folder exists and that "
                     "there is space on the disk."),
                   out_png, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
