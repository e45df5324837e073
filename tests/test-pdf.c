/* test-pdf.c — opening, checking, rendering and publishing real PDFs: generated ones, small
 * broken fixtures (tests/data/pdf-*), and the shared corpus when it is present. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "chamber-blob-store.h"
#include "chamber-hash.h"
#include "chamber-pdf.h"
#include "chamber-publish.h"
#include "chamber-store.h"
#include "chamber-test-util.h"

/* A surface freed by g_autoptr. */
typedef cairo_surface_t ChamberTestSurface;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberTestSurface, cairo_surface_destroy)

static const char png_signature[8] = { '\x89', 'P', 'N', 'G', '\r', '\n', '\x1a', '\n' };

static char *
data_path (const char *name)
{
  return g_build_filename (chamber_test_data_dir (), name, NULL);
}

/* A one-page PDF of @width × @height points whose metadata title is @title (NULL: none). */
static void
write_pdf_with_title (const char *path,
                      double      width,
                      double      height,
                      const char *title)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, width, height);
  cairo_t *cr = cairo_create (surface);

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_set_source_rgb (cr, 0.8, 0.1, 0.1);
  cairo_rectangle (cr, width * 0.1, height * 0.1, width * 0.3, height * 0.2);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* Writes the first @keep bytes of @src to @dest, as an interrupted copy would. */
static void
write_truncated (const char *src,
                 gsize       keep,
                 const char *dest)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (src, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (keep, >, 0);
  g_assert_cmpuint (keep, <, len);
  g_file_set_contents (dest, contents, keep, &error);
  g_assert_no_error (error);
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        n += count_files (child);
      else
        n++;
    }
  return n;
}

typedef struct {
  guint64 ink_pixels;  /* pixels that are not pure white */
  double  cx, cy;      /* centre of the ink, weighted by darkness */
} Ink;

static Ink
measure_ink (cairo_surface_t *surface)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  cairo_format_t format;
  double weight = 0, sx = 0, sy = 0;
  Ink ink = { 0, };

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  g_assert_nonnull (data);
  format = cairo_image_surface_get_format (surface);
  /* Renders are ARGB32; cairo loads an opaque PNG as RGB24, whose top byte is unused. */
  g_assert_true (format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24);

  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        {
          guint32 px = row[x];
          double darkness;

          if (format == CAIRO_FORMAT_RGB24)
            px |= 0xff000000;
          /* Rendered on white: every pixel is opaque. */
          g_assert_cmphex (px >> 24, ==, 0xff);
          if (px == 0xffffffff)
            continue;
          ink.ink_pixels++;
          darkness = 3 * 255 - (((px >> 16) & 0xff) + ((px >> 8) & 0xff) + (px & 0xff));
          weight += darkness;
          sx += darkness * (x + 0.5);
          sy += darkness * (y + 0.5);
        }
    }
  if (weight > 0)
    {
      ink.cx = sx / weight;
      ink.cy = sy / weight;
    }
  return ink;
}

static PopplerDocument *
open_ok (const char *path)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = chamber_pdf_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static void
test_check_generated (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "seven.pdf", NULL);
  g_auto (ChamberPdfInfo) info = { 0, };
  g_auto (ChamberPdfInfo) quick = { 0, };
  g_autoptr (GError) error = NULL;

  chamber_test_write_pdf (path, 7, "Kỳ họp thứ 10");

  g_assert_true (chamber_pdf_check (path, TRUE, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.pages, ==, 7);
  g_assert_cmpfloat_with_epsilon (info.width_pt, 595, 0.5);
  g_assert_cmpfloat_with_epsilon (info.height_pt, 842, 0.5);
  g_assert_null (info.title);

  g_assert_true (chamber_pdf_check (path, FALSE, &quick, &error));
  g_assert_no_error (error);
  g_assert_cmpint (quick.pages, ==, 7);

  /* The info is optional. */
  g_assert_true (chamber_pdf_check (path, TRUE, NULL, &error));
  g_assert_no_error (error);

  chamber_test_rm_rf (dir);
}

static void
test_check_title (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "titled.pdf", NULL);
  g_auto (ChamberPdfInfo) info = { 0, };
  g_autoptr (GError) error = NULL;

  write_pdf_with_title (path, 400, 300, "Báo cáo kinh tế - xã hội");
  g_assert_true (chamber_pdf_check (path, TRUE, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.pages, ==, 1);
  g_assert_cmpstr (info.title, ==, "Báo cáo kinh tế - xã hội");
  g_assert_cmpfloat_with_epsilon (info.width_pt, 400, 0.5);
  g_assert_cmpfloat_with_epsilon (info.height_pt, 300, 0.5);

  chamber_pdf_info_clear (&info);
  g_assert_null (info.title);
  g_assert_cmpint (info.pages, ==, 0);

  chamber_test_rm_rf (dir);
}

static void
test_render_non_white (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "two.pdf", NULL);
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (PopplerPage) page = NULL;
  g_autoptr (ChamberTestSurface) surface = NULL;
  g_autoptr (ChamberTestSurface) half = NULL;
  g_autoptr (GError) error = NULL;
  double width_pt, height_pt;
  Ink ink;

  chamber_test_write_pdf (path, 2, "Tờ trình");
  document = open_ok (path);
  page = poppler_document_get_page (document, 1);
  g_assert_nonnull (page);
  poppler_page_get_size (page, &width_pt, &height_pt);

  surface = chamber_pdf_render_page (page, 1.0, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (surface);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, (int) ceil (width_pt - 0.01));
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, (int) ceil (height_pt - 0.01));

  ink = measure_ink (surface);
  /* Text and a filled rectangle of 200 × 60 pt: well over 12,000 inked pixels, yet most of the
   * page stays white. */
  g_assert_cmpuint (ink.ink_pixels, >, 12000);
  g_assert_cmpuint (ink.ink_pixels, <, (guint64) (width_pt * height_pt / 2));

  /* The scale is honoured. */
  half = chamber_pdf_render_page (page, 0.5, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (half), ==, (int) ceil (width_pt * 0.5 - 0.01));
  g_assert_cmpint (cairo_image_surface_get_height (half), ==, (int) ceil (height_pt * 0.5 - 0.01));

  chamber_test_rm_rf (dir);
}

static void
test_render_rotation (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "rotate.pdf", NULL);
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (PopplerPage) page = NULL;
  g_autoptr (GError) error = NULL;
  const int rotations[] = { 0, 90, 180, 270, -90, 450 };
  int width0 = 0, height0 = 0;
  Ink ink0 = { 0, };

  /* A page with its ink far from the centre, so a wrong rotation moves it visibly. */
  write_pdf_with_title (path, 400, 300, NULL);
  document = open_ok (path);
  page = poppler_document_get_page (document, 0);

  for (guint i = 0; i < G_N_ELEMENTS (rotations); i++)
    {
      int rotation = ((rotations[i] % 360) + 360) % 360;
      g_autoptr (ChamberTestSurface) surface = chamber_pdf_render_page (page, 1.0, rotations[i],
                                                                        &error);
      double expect_x, expect_y;
      int width, height;
      Ink ink;

      g_assert_no_error (error);
      width = cairo_image_surface_get_width (surface);
      height = cairo_image_surface_get_height (surface);
      ink = measure_ink (surface);
      g_assert_cmpuint (ink.ink_pixels, >, 0);

      if (rotation == 0)
        {
          g_assert_cmpint (width, ==, 400);
          g_assert_cmpint (height, ==, 300);
          width0 = width;
          height0 = height;
          ink0 = ink;
          /* The red block sits at (40..160, 30..90). */
          g_assert_cmpfloat_with_epsilon (ink0.cx, 100, 2);
          g_assert_cmpfloat_with_epsilon (ink0.cy, 60, 2);
          continue;
        }

      switch (rotation)
        {
        case 90:
          expect_x = height0 - ink0.cy;
          expect_y = ink0.cx;
          break;
        case 180:
          expect_x = width0 - ink0.cx;
          expect_y = height0 - ink0.cy;
          break;
        default:
          expect_x = ink0.cy;
          expect_y = width0 - ink0.cx;
          break;
        }
      if (rotation == 180)
        {
          g_assert_cmpint (width, ==, width0);
          g_assert_cmpint (height, ==, height0);
        }
      else
        {
          g_assert_cmpint (width, ==, height0);
          g_assert_cmpint (height, ==, width0);
        }
      g_assert_cmpfloat_with_epsilon (ink.cx, expect_x, 2);
      g_assert_cmpfloat_with_epsilon (ink.cy, expect_y, 2);
      g_assert_cmpuint (ink.ink_pixels, ==, ink0.ink_pixels);
    }

  chamber_test_rm_rf (dir);
}

static void
assert_huge_page_capped (const char *path)
{
  g_autoptr (PopplerDocument) document = open_ok (path);
  g_autoptr (PopplerPage) page = poppler_document_get_page (document, 0);
  g_autoptr (GError) error = NULL;
  double width_pt, height_pt;

  g_assert_nonnull (page);
  poppler_page_get_size (page, &width_pt, &height_pt);
  g_assert_cmpfloat (MAX (width_pt, height_pt) * 1.0, >, CHAMBER_PDF_MAX_SURFACE_SIDE);

  for (int rotation = 0; rotation < 360; rotation += 90)
    {
      g_autoptr (ChamberTestSurface) surface = chamber_pdf_render_page (page, 1.0, rotation,
                                                                        &error);
      int width, height;

      g_assert_no_error (error);
      g_assert_nonnull (surface);
      width = cairo_image_surface_get_width (surface);
      height = cairo_image_surface_get_height (surface);
      g_assert_cmpint (MAX (width, height), ==, CHAMBER_PDF_MAX_SURFACE_SIDE);
      g_assert_cmpint (width, <=, CHAMBER_PDF_MAX_SURFACE_SIDE);
      g_assert_cmpint (height, <=, CHAMBER_PDF_MAX_SURFACE_SIDE);
      /* The aspect ratio survives the cap. */
      if (rotation % 180 == 0)
        g_assert_cmpfloat_with_epsilon ((double) width / height, width_pt / height_pt, 0.01);
      else
        g_assert_cmpfloat_with_epsilon ((double) height / width, width_pt / height_pt, 0.01);
      if (rotation == 0)
        g_assert_cmpuint (measure_ink (surface).ink_pixels, >, 0);
    }
}

static void
test_render_huge_page (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-pdf-XXXXXX");
  g_autofree char *fixture = data_path ("pdf-huge-page.pdf");
  g_autofree char *tall = g_build_filename (dir, "tall.pdf", NULL);
  g_auto (ChamberPdfInfo) info = { 0, };
  g_autoptr (GError) error = NULL;

  /* 14400 × 14400 pt: 800 MB at scale 1 without the cap. */
  assert_huge_page_capped (fixture);
  g_assert_true (chamber_pdf_check (fixture, TRUE, &info, &error));
  g_assert_no_error (error);
  g_assert_cmpint (info.pages, ==, 1);
  g_assert_cmpfloat (info.width_pt, ==, 14400);

  /* A tall banner, not square. */
  write_pdf_with_title (tall, 3000, 14000, NULL);
  assert_huge_page_capped (tall);

  chamber_test_rm_rf (dir);
}

typedef struct {
  const char *name;
  int         code;          /* a ChamberPdfError, or -1 when the file checks OK */
  const char *in_message;    /* a part the message must contain, or NULL */
} Expectation;

static void
assert_check (const char        *path,
              const Expectation *expect)
{
  g_auto (ChamberPdfInfo) info = { 0, };
  g_autoptr (GError) error = NULL;
  gboolean ok;

  g_test_message ("checking %s", path);
  ok = chamber_pdf_check (path, TRUE, &info, &error);
  if (expect->code < 0)
    {
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (info.pages, >=, 1);
      return;
    }

  g_assert_false (ok);
  g_assert_error (error, CHAMBER_PDF_ERROR, expect->code);
  g_assert_cmpint (info.pages, ==, 0);
  g_assert_null (info.title);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpuint (strlen (error->message), >, 20);
  if (expect->in_message != NULL)
    g_assert_nonnull (strstr (error->message, expect->in_message));
}

/* The corpus's bad files, looked at one by one:
 * - empty: 0 bytes; garbage: random bytes; html-page: a “502 Bad Gateway” page.
 * - header-only: “%PDF-1.7” and nothing else, which poppler cannot open: damaged.
 * - huge-page: a valid one-page PDF of 14400 × 14400 pt; it checks OK (rendering is capped).
 * - lying-count: /Count 1000000 with one page; poppler refuses the count and reports 0 pages.
 * - page-tree-cycle: /Count 1 but the only kid is the Pages node itself: page 1 cannot be read.
 * - truncated-half, truncated-tail: no trailer and no %%EOF, and poppler does not repair them
 *   (their catalog and page objects are past the cut): damaged, cut off. */
static const Expectation corpus_bad[] = {
  { "empty.pdf", CHAMBER_PDF_ERROR_EMPTY, NULL },
  { "garbage.pdf", CHAMBER_PDF_ERROR_NOT_PDF, NULL },
  { "header-only.pdf", CHAMBER_PDF_ERROR_DAMAGED, NULL },
  { "html-page.pdf", CHAMBER_PDF_ERROR_NOT_PDF, "<!DOCTYPE html>" },
  { "huge-page.pdf", -1, NULL },
  { "lying-count.pdf", CHAMBER_PDF_ERROR_NO_PAGES, NULL },
  { "page-tree-cycle.pdf", CHAMBER_PDF_ERROR_DAMAGED, "page 1" },
  { "truncated-half.pdf", CHAMBER_PDF_ERROR_DAMAGED, "cut off" },
  { "truncated-tail.pdf", CHAMBER_PDF_ERROR_DAMAGED, "cut off" },
};

static void
test_bad_fixtures (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-pdf-XXXXXX");
  g_autofree char *good = g_build_filename (dir, "good.pdf", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.pdf", NULL);
  g_autofree char *half = g_build_filename (dir, "half.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "image.pdf", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.pdf", NULL);
  g_autoptr (GError) error = NULL;
  const Expectation fixtures[] = {
    { "pdf-header-only.pdf", CHAMBER_PDF_ERROR_DAMAGED, NULL },
    { "pdf-html-page.pdf", CHAMBER_PDF_ERROR_NOT_PDF, "<!DOCTYPE html>" },
    { "pdf-huge-page.pdf", -1, NULL },
    { "pdf-lying-count.pdf", CHAMBER_PDF_ERROR_NO_PAGES, NULL },
    { "pdf-page-tree-cycle.pdf", CHAMBER_PDF_ERROR_DAMAGED, "page 1" },
  };
  const Expectation empty_expect = { NULL, CHAMBER_PDF_ERROR_EMPTY, NULL };
  const Expectation half_expect = { NULL, CHAMBER_PDF_ERROR_DAMAGED, "cut off" };
  const Expectation png_expect = { NULL, CHAMBER_PDF_ERROR_NOT_PDF, "PNG" };
  const Expectation text_expect = { NULL, CHAMBER_PDF_ERROR_NOT_PDF, "“Ghi chú kỳ họp”" };
  const char png_bytes[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = data_path (fixtures[i].name);
      assert_check (path, &fixtures[i]);
    }

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  assert_check (empty, &empty_expect);

  /* A generated PDF cut in the middle, as by an interrupted download. */
  chamber_test_write_pdf (good, 3, "Báo cáo");
  {
    g_autofree char *contents = NULL;
    gsize len = 0;

    g_file_get_contents (good, &contents, &len, &error);
    g_assert_no_error (error);
    write_truncated (good, len / 2, half);
  }
  assert_check (half, &half_expect);

  g_file_set_contents (png, png_bytes, sizeof png_bytes - 1, &error);
  g_assert_no_error (error);
  assert_check (png, &png_expect);

  g_file_set_contents (text, "\xef\xbb\xbfGhi chú kỳ họp\nNgày 10\n", -1, &error);
  g_assert_no_error (error);
  assert_check (text, &text_expect);

  /* A folder and a missing file are I/O errors, not a crash. */
  g_assert_false (chamber_pdf_check (dir, TRUE, NULL, &error));
  g_assert_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_IO);
  g_clear_error (&error);
  {
    g_autofree char *missing = g_build_filename (dir, "missing.pdf", NULL);

    g_assert_null (chamber_pdf_open (missing, NULL, &error));
    g_assert_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_IO);
    g_assert_nonnull (strstr (error->message, "missing.pdf"));
    g_clear_error (&error);
  }

  chamber_test_rm_rf (dir);
}

static void
test_bad_corpus (void)
{
  const char *corpus = chamber_test_corpus_dir ();
  g_autofree char *bad_dir = NULL;

  if (corpus == NULL)
    {
      g_test_skip ("the shared PDF corpus is not beside this checkout");
      return;
    }
  bad_dir = g_build_filename (corpus, "bad", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (corpus_bad); i++)
    {
      g_autofree char *path = g_build_filename (bad_dir, corpus_bad[i].name, NULL);

      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
      assert_check (path, &corpus_bad[i]);
    }
  {
    g_autofree char *huge = g_build_filename (bad_dir, "huge-page.pdf", NULL);
    assert_huge_page_capped (huge);
  }
}

/* Every third-party file checks OK (every page renders), except the two that need a password. */
static void
test_third_party_corpus (void)
{
  const char *corpus = chamber_test_corpus_dir ();
  const char *encrypted[] = { "PasswordEncrypted.pdf", "encrypted-256.pdf" };
  const struct {
    const char *name;
    int         pages;
  } page_counts[] = {
    { "cropbox.pdf", 6 },
    { "orientation.pdf", 4 },
    { "doublepage.pdf", 2 },
    { "type3.pdf", 2 },
    { "truetype.pdf", 1 },
  };
  g_autofree char *dir = NULL;
  g_autoptr (GDir) d = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;
  guint checked = 0, refused = 0;

  if (corpus == NULL)
    {
      g_test_skip ("the shared PDF corpus is not beside this checkout");
      return;
    }
  dir = g_build_filename (corpus, "third-party", NULL);
  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gboolean is_encrypted = FALSE;
      Expectation expect = { name, -1, NULL };

      if (!g_str_has_suffix (name, ".pdf"))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (encrypted); i++)
        is_encrypted |= g_str_equal (name, encrypted[i]);
      if (is_encrypted)
        {
          expect.code = CHAMBER_PDF_ERROR_ENCRYPTED;
          expect.in_message = "password";
          refused++;
        }
      assert_check (path, &expect);
      checked++;

      for (guint i = 0; i < G_N_ELEMENTS (page_counts); i++)
        if (g_str_equal (name, page_counts[i].name))
          {
            g_auto (ChamberPdfInfo) info = { 0, };

            g_assert_true (chamber_pdf_check (path, FALSE, &info, &error));
            g_assert_no_error (error);
            g_assert_cmpint (info.pages, ==, page_counts[i].pages);
          }
    }
  g_assert_cmpuint (checked, >=, 40);
  g_assert_cmpuint (refused, ==, G_N_ELEMENTS (encrypted));
}

static void
test_orientation_corpus (void)
{
  const char *corpus = chamber_test_corpus_dir ();
  g_autofree char *path = NULL;
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  if (corpus == NULL)
    {
      g_test_skip ("the shared PDF corpus is not beside this checkout");
      return;
    }
  path = g_build_filename (corpus, "third-party", "orientation.pdf", NULL);
  document = open_ok (path);

  /* Pages with their own /Rotate render in that orientation; our rotation adds to it. */
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (document, i);
      g_autoptr (ChamberTestSurface) upright = NULL;
      g_autoptr (ChamberTestSurface) turned = NULL;
      double width_pt, height_pt;

      poppler_page_get_size (page, &width_pt, &height_pt);
      upright = chamber_pdf_render_page (page, 0.5, 0, &error);
      g_assert_no_error (error);
      turned = chamber_pdf_render_page (page, 0.5, 90, &error);
      g_assert_no_error (error);

      g_assert_cmpint (cairo_image_surface_get_width (upright), ==,
                       (int) ceil (width_pt * 0.5 - 0.01));
      g_assert_cmpint (cairo_image_surface_get_height (upright), ==,
                       (int) ceil (height_pt * 0.5 - 0.01));
      g_assert_cmpint (cairo_image_surface_get_width (turned), ==,
                       cairo_image_surface_get_height (upright));
      g_assert_cmpint (cairo_image_surface_get_height (turned), ==,
                       cairo_image_surface_get_width (upright));
      g_assert_cmpuint (measure_ink (upright).ink_pixels, >, 0);
    }
}

static void
test_password (void)
{
  const char *corpus = chamber_test_corpus_dir ();
  g_autofree char *path = NULL;
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (PopplerDocument) wrong = NULL;
  g_autoptr (PopplerDocument) none = NULL;
  g_autoptr (PopplerPage) page = NULL;
  g_autoptr (ChamberTestSurface) surface = NULL;
  g_autoptr (GError) error = NULL;

  if (corpus == NULL)
    {
      g_test_skip ("the shared PDF corpus is not beside this checkout");
      return;
    }
  path = g_build_filename (corpus, "third-party", "PasswordEncrypted.pdf", NULL);

  none = chamber_pdf_open (path, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (error->message, "protected by a password"));
  g_clear_error (&error);

  wrong = chamber_pdf_open (path, "wrong", &error);
  g_assert_null (wrong);
  g_assert_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_ENCRYPTED);
  g_assert_nonnull (strstr (error->message, "password is not correct"));
  g_clear_error (&error);

  document = chamber_pdf_open (path, "password", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 1);
  page = poppler_document_get_page (document, 0);
  surface = chamber_pdf_render_page (page, 0.5, 0, &error);
  g_assert_no_error (error);
  /* An A4 page; its text does not survive decryption in poppler 22.12 either (pdftoppm and
   * pdftotext give a blank page), so only the rendering itself is checked. */
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 298);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 421);
  measure_ink (surface);
}

static void
assert_png (const char *path,
            int         width,
            int         height)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (ChamberTestSurface) image = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, sizeof png_signature);
  g_assert_cmpmem (contents, sizeof png_signature, png_signature, sizeof png_signature);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, height);
  g_assert_cmpuint (measure_ink (image).ink_pixels, >, 0);
}

static void
test_render_to_png (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-pdf-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "three.pdf", NULL);
  g_autofree char *out = g_build_filename (dir, "page.png", NULL);
  g_autofree char *never = g_build_filename (dir, "never.png", NULL);
  g_autofree char *no_dir = g_build_filename (dir, "no-such-folder", "page.png", NULL);
  g_autofree char *html = data_path ("pdf-html-page.pdf");
  g_autoptr (GError) error = NULL;
  const int bad_pages[] = { 0, 4, -1 };

  chamber_test_write_pdf (path, 3, "Nghị quyết");

  g_assert_true (chamber_pdf_render_to_png (path, 1, 1.0, out, &error));
  g_assert_no_error (error);
  assert_png (out, 595, 842);

  g_assert_true (chamber_pdf_render_to_png (path, 3, 0.5, out, &error));
  g_assert_no_error (error);
  assert_png (out, 298, 421);

  for (guint i = 0; i < G_N_ELEMENTS (bad_pages); i++)
    {
      g_assert_false (chamber_pdf_render_to_png (path, bad_pages[i], 1.0, never, &error));
      g_assert_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_BAD_PAGE);
      g_assert_nonnull (strstr (error->message, "3 pages"));
      g_clear_error (&error);
      g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
    }

  g_assert_false (chamber_pdf_render_to_png (html, 1, 1.0, never, &error));
  g_assert_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_NOT_PDF);
  g_clear_error (&error);
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));

  g_assert_false (chamber_pdf_render_to_png (path, 1, 1.0, no_dir, &error));
  g_assert_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_IO);
  g_clear_error (&error);

  chamber_test_rm_rf (dir);
}

typedef struct {
  char             *dir;
  char             *blob_dir;
  ChamberStore     *store;
  ChamberBlobStore *blobs;
  gint64            session_id;
  gint64            item_id;
} PublishFixture;

static void
publish_fixture_set_up (PublishFixture *fixture,
                        gconstpointer   user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberItem) item = chamber_item_new ();

  fixture->dir = chamber_test_make_temp_dir ("chamber-publish-XXXXXX");
  fixture->blob_dir = g_build_filename (fixture->dir, "blobs", NULL);
  db = g_build_filename (fixture->dir, "chamber.db", NULL);

  fixture->store = chamber_store_open (db, &error);
  g_assert_no_error (error);
  fixture->blobs = chamber_blob_store_new (fixture->blob_dir, &error);
  g_assert_no_error (error);

  session->number = 10;
  session->kind = CHAMBER_SESSION_REGULAR;
  session->title = g_strdup ("Kỳ họp thứ 10");
  g_assert_true (chamber_store_insert_session (fixture->store, session, &error));
  g_assert_no_error (error);
  fixture->session_id = session->id;

  item->session_id = session->id;
  item->position = -1;
  item->title = g_strdup ("Báo cáo kinh tế - xã hội");
  g_assert_true (chamber_store_insert_item (fixture->store, item, &error));
  g_assert_no_error (error);
  fixture->item_id = item->id;
}

static void
publish_fixture_tear_down (PublishFixture *fixture,
                           gconstpointer   user_data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->blobs);
  chamber_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->blob_dir);
}

static gint64
session_revision (PublishFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberSession) session = chamber_store_get_session (fixture->store,
                                                                  fixture->session_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (session);
  return session->revision;
}

static guint
document_count (PublishFixture *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) documents = chamber_store_list_documents (fixture->store,
                                                                  fixture->session_id, &error);

  g_assert_no_error (error);
  return documents->len;
}

static void
test_publish_versions (PublishFixture *fixture,
                       gconstpointer   user_data)
{
  g_autofree char *first = g_build_filename (fixture->dir, "v1.pdf", NULL);
  g_autofree char *second = g_build_filename (fixture->dir, "v2.pdf", NULL);
  g_autoptr (ChamberDocument) doc1 = NULL;
  g_autoptr (ChamberDocument) doc2 = NULL;
  g_autoptr (ChamberDocument) stored = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *blob_path = NULL;
  const char *const access[] = { "group:Tổ 1", NULL };
  char sha[65];
  gint64 bytes = 0;
  gint64 revision0, revision1;

  chamber_test_write_pdf (first, 4, "Dự toán ngân sách");
  chamber_test_write_pdf (second, 5, "Dự toán ngân sách (sửa đổi)");
  g_assert_true (chamber_sha256_file (first, sha, &bytes, NULL, &error));
  g_assert_no_error (error);

  revision0 = session_revision (fixture);
  g_assert_true (chamber_publish_pdf (fixture->store, fixture->blobs, 0, fixture->item_id,
                                      "Tờ trình dự toán ngân sách", CHAMBER_DOCUMENT_SUBMISSION,
                                      access, first, &doc1, &error));
  g_assert_no_error (error);
  g_assert_nonnull (doc1);
  g_assert_cmpint (doc1->id, >, 0);
  g_assert_cmpint (doc1->session_id, ==, fixture->session_id);
  g_assert_cmpint (doc1->item_id, ==, fixture->item_id);
  g_assert_cmpint (doc1->version, ==, 1);
  g_assert_cmpint (doc1->pages, ==, 4);
  g_assert_cmpint (doc1->bytes, ==, bytes);
  g_assert_cmpint (doc1->kind, ==, CHAMBER_DOCUMENT_SUBMISSION);
  g_assert_cmpstr (doc1->title, ==, "Tờ trình dự toán ngân sách");
  g_assert_cmpstr (doc1->sha256, ==, sha);
  g_assert_nonnull (doc1->published_at);
  g_assert_nonnull (doc1->access);
  g_assert_cmpstrv (doc1->access, access);
  revision1 = session_revision (fixture);
  g_assert_cmpint (revision1, >, revision0);

  g_assert_true (chamber_blob_store_has (fixture->blobs, sha));
  blob_path = chamber_blob_store_path (fixture->blobs, sha);
  {
    char stored_sha[65];

    g_assert_true (chamber_sha256_file (blob_path, stored_sha, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (stored_sha, ==, sha);
  }

  stored = chamber_store_get_document (fixture->store, doc1->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->title, ==, doc1->title);
  g_assert_cmpstr (stored->sha256, ==, sha);
  g_assert_cmpint (stored->pages, ==, 4);
  g_assert_cmpint (stored->version, ==, 1);

  /* A new version under the same title (surrounding blanks do not make it another title). */
  g_assert_true (chamber_publish_pdf (fixture->store, fixture->blobs, 0, fixture->item_id,
                                      "  Tờ trình dự toán ngân sách ",
                                      CHAMBER_DOCUMENT_SUBMISSION, NULL, second, &doc2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (doc2->version, ==, 2);
  g_assert_cmpint (doc2->pages, ==, 5);
  g_assert_cmpint (doc2->id, !=, doc1->id);
  g_assert_cmpstr (doc2->sha256, !=, doc1->sha256);
  g_assert_cmpint (session_revision (fixture), >, revision1);
  g_assert_cmpuint (document_count (fixture), ==, 2);
  g_assert_cmpuint (count_files (fixture->blob_dir), ==, 2);

  /* out_document is optional. */
  g_assert_true (chamber_publish_pdf (fixture->store, fixture->blobs, 0, fixture->item_id,
                                      "Phụ lục", CHAMBER_DOCUMENT_OTHER, NULL, first, NULL,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpuint (document_count (fixture), ==, 3);
  /* The same bytes are stored once. */
  g_assert_cmpuint (count_files (fixture->blob_dir), ==, 2);
}

static void
test_publish_default_title (PublishFixture *fixture,
                            gconstpointer   user_data)
{
  g_autofree char *titled = g_build_filename (fixture->dir, "scan-0042.pdf", NULL);
  g_autofree char *untitled = g_build_filename (fixture->dir, "Nghi-quyet-so-15.PDF", NULL);
  g_autoptr (ChamberDocument) doc1 = NULL;
  g_autoptr (ChamberDocument) doc2 = NULL;
  g_autoptr (GError) error = NULL;

  write_pdf_with_title (titled, 595, 842, "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách");
  write_pdf_with_title (untitled, 595, 842, NULL);

  g_assert_true (chamber_publish_pdf (fixture->store, fixture->blobs, 0, fixture->item_id, NULL,
                                      CHAMBER_DOCUMENT_REPORT, NULL, titled, &doc1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (doc1->title, ==, "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách");
  g_assert_cmpint (doc1->version, ==, 1);

  g_assert_true (chamber_publish_pdf (fixture->store, fixture->blobs, 0, fixture->item_id, "  ",
                                      CHAMBER_DOCUMENT_DRAFT_RESOLUTION, NULL, untitled, &doc2,
                                      &error));
  g_assert_no_error (error);
  g_assert_cmpstr (doc2->title, ==, "Nghi-quyet-so-15");
  g_assert_cmpint (doc2->kind, ==, CHAMBER_DOCUMENT_DRAFT_RESOLUTION);
}

static void
test_publish_refused (PublishFixture *fixture,
                      gconstpointer   user_data)
{
  g_autofree char *good = g_build_filename (fixture->dir, "good.pdf", NULL);
  g_autofree char *half = g_build_filename (fixture->dir, "half.pdf", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.pdf", NULL);
  g_autofree char *html = data_path ("pdf-html-page.pdf");
  g_autofree char *cycle = data_path ("pdf-page-tree-cycle.pdf");
  g_autofree char *lying = data_path ("pdf-lying-count.pdf");
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  struct {
    const char *path;
    int         code;
  } refused[] = {
    { half, CHAMBER_PDF_ERROR_DAMAGED },
    { empty, CHAMBER_PDF_ERROR_EMPTY },
    { html, CHAMBER_PDF_ERROR_NOT_PDF },
    { cycle, CHAMBER_PDF_ERROR_DAMAGED },
    { lying, CHAMBER_PDF_ERROR_NO_PAGES },
    { NULL, CHAMBER_PDF_ERROR_ENCRYPTED },
  };
  g_autofree char *encrypted = NULL;
  gsize len = 0;
  gint64 revision;

  chamber_test_write_pdf (good, 2, "Tờ trình");
  g_file_get_contents (good, &contents, &len, &error);
  g_assert_no_error (error);
  write_truncated (good, len / 2, half);
  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  if (chamber_test_corpus_dir () != NULL)
    {
      encrypted = g_build_filename (chamber_test_corpus_dir (), "third-party",
                                    "PasswordEncrypted.pdf", NULL);
      refused[G_N_ELEMENTS (refused) - 1].path = encrypted;
    }

  /* One good document first, so there is something that must stay as it was. */
  g_assert_true (chamber_publish_pdf (fixture->store, fixture->blobs, 0, fixture->item_id,
                                      "Tờ trình", CHAMBER_DOCUMENT_SUBMISSION, NULL, good, NULL,
                                      &error));
  g_assert_no_error (error);
  revision = session_revision (fixture);
  g_assert_cmpuint (document_count (fixture), ==, 1);
  g_assert_cmpuint (count_files (fixture->blob_dir), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr (ChamberDocument) document = NULL;

      if (refused[i].path == NULL)
        continue;
      g_test_message ("publishing %s", refused[i].path);
      g_assert_false (chamber_publish_pdf (fixture->store, fixture->blobs, 0, fixture->item_id,
                                           "Tờ trình", CHAMBER_DOCUMENT_SUBMISSION, NULL,
                                           refused[i].path, &document, &error));
      g_assert_error (error, CHAMBER_PDF_ERROR, refused[i].code);
      g_clear_error (&error);
      g_assert_null (document);

      g_assert_cmpuint (document_count (fixture), ==, 1);
      g_assert_cmpuint (count_files (fixture->blob_dir), ==, 1);
      g_assert_cmpint (session_revision (fixture), ==, revision);
    }

  /* An item that does not exist: refused by the store, and the new blob is removed again. */
  {
    g_autofree char *other = g_build_filename (fixture->dir, "other.pdf", NULL);

    chamber_test_write_pdf (other, 1, "Khác");
    g_assert_false (chamber_publish_pdf (fixture->store, fixture->blobs, 0, 999999, "Khác",
                                         CHAMBER_DOCUMENT_OTHER, NULL, other, NULL, &error));
    g_assert_nonnull (error);
    g_assert_true (error->domain == CHAMBER_STORE_ERROR);
    g_clear_error (&error);
    g_assert_cmpuint (document_count (fixture), ==, 1);
    g_assert_cmpuint (count_files (fixture->blob_dir), ==, 1);
    g_assert_cmpint (session_revision (fixture), ==, revision);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/pdf/check/generated", test_check_generated);
  g_test_add_func ("/pdf/check/title", test_check_title);
  g_test_add_func ("/pdf/render/non-white", test_render_non_white);
  g_test_add_func ("/pdf/render/rotation", test_render_rotation);
  g_test_add_func ("/pdf/render/huge-page", test_render_huge_page);
  g_test_add_func ("/pdf/render/png", test_render_to_png);
  g_test_add_func ("/pdf/bad/fixtures", test_bad_fixtures);
  g_test_add_func ("/pdf/bad/corpus", test_bad_corpus);
  g_test_add_func ("/pdf/third-party/check", test_third_party_corpus);
  g_test_add_func ("/pdf/third-party/orientation", test_orientation_corpus);
  g_test_add_func ("/pdf/third-party/password", test_password);
  g_test_add ("/pdf/publish/versions", PublishFixture, NULL, publish_fixture_set_up,
              test_publish_versions, publish_fixture_tear_down);
  g_test_add ("/pdf/publish/default-title", PublishFixture, NULL, publish_fixture_set_up,
              test_publish_default_title, publish_fixture_tear_down);
  g_test_add ("/pdf/publish/refused", PublishFixture, NULL, publish_fixture_set_up,
              test_publish_refused, publish_fixture_tear_down);

  return g_test_run ();
}
