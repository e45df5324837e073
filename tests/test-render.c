/* test-render.c — render jobs run synchronously, the render worker (priorities, cancellation,
 * text, find, links, outline, page labels, every corpus file), and the page cache's budget. Real
 * PDFs only: generated with cairo, hand-written, the fixtures in tests/data and the shared
 * corpus when it is present. Every wait is a bounded main-loop pump. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "chamber-page-cache.h"
#include "chamber-pdf-navigation.h"
#include "chamber-pdf-text.h"
#include "chamber-pdf.h"
#include "chamber-render-job.h"
#include "chamber-render-worker.h"
#include "chamber-test-util.h"

typedef cairo_surface_t TestSurface;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestSurface, cairo_surface_destroy)

/* Generous: a bound against hangs, never a measure of speed. */
#define PUMP_TIMEOUT_MS 30000

/* The line chamber_test_write_pdf() repeats on every page. */
#define VIETNAMESE_LINE "Hội đồng nhân dân tỉnh — dự toán ngân sách, đất đai."

static char *
data_path (const char *name)
{
  return g_build_filename (chamber_test_data_dir (), name, NULL);
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

/* The 0xAARRGGBB pixel at (@x, @y). */
static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guint8 *data;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, cairo_image_surface_get_width (surface));
  g_assert_cmpint (y, <, cairo_image_surface_get_height (surface));
  return ((const guint32 *) (data + (gsize) y * cairo_image_surface_get_stride (surface)))[x];
}

/* chamber_test_write_pdf() fills (60, 700)–(260, 760) pt with blue 0.1, 0.3, 0.7. */
static gboolean
is_blue (guint32 px)
{
  return ((px >> 16) & 0xff) < 60 && ((px >> 8) & 0xff) > 50 && ((px >> 8) & 0xff) < 110
         && (px & 0xff) > 150;
}

/* A PDF written by hand: three pages with page labels i, ii, 1 (/PageLabels), the second in
 * landscape, the third portrait but turned by /Rotate 90. */
static void
write_labelled_pdf (const char *path)
{
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R /PageLabels << /Nums [0 << /S /r >> 2 << /S /D >>] >> >>",
    "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Rotate 90 >>",
  };
  g_autoptr (GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr (GError) error = NULL;
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n",
                          (guint) G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT
                          "\n%%%%EOF\n",
                          (guint) G_N_ELEMENTS (objects) + 1, xref);

  g_file_set_contents (path, pdf->str, pdf->len, &error);
  g_assert_no_error (error);
}

/* Three A4 pages with an outline (Phần I → page 1 with Mục 1 → page 2 under it, Phần II →
 * page 3); on page 1 a link to the named destination “trang-3” (page 3, 100 pt from its top)
 * and a link to a web address; on page 3 a link back to page 1, 50 pt from its top. (cairo 1.16
 * writes no destination for a link to a page after the current one, hence the name.) */
static void
write_navigation_pdf (const char *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  int part_one;

  part_one = cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, "Phần I", "page=1",
                                            CAIRO_PDF_OUTLINE_FLAG_OPEN);
  cairo_pdf_surface_add_outline (surface, part_one, "Mục 1", "page=2", 0);
  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, "Phần II", "page=3 pos=[0 200]",
                                 0);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 18);
  for (int i = 1; i <= 3; i++)
    {
      g_autofree char *heading = g_strdup_printf ("Trang %d", i);

      cairo_move_to (cr, 60, 100);
      cairo_show_text (cr, heading);
      if (i == 1)
        {
          cairo_tag_begin (cr, CAIRO_TAG_LINK, "dest='trang-3'");
          cairo_move_to (cr, 60, 300);
          cairo_show_text (cr, "Xem trang 3");
          cairo_tag_end (cr, CAIRO_TAG_LINK);

          cairo_tag_begin (cr, CAIRO_TAG_LINK, "uri='https://hdnd.example.vn/ky-hop-10'");
          cairo_move_to (cr, 60, 500);
          cairo_show_text (cr, "Cổng thông tin HĐND");
          cairo_tag_end (cr, CAIRO_TAG_LINK);
        }
      if (i == 3)
        {
          cairo_tag_begin (cr, CAIRO_TAG_DEST, "name='trang-3' y=100");
          cairo_tag_end (cr, CAIRO_TAG_DEST);

          cairo_tag_begin (cr, CAIRO_TAG_LINK, "page=1 pos=[0 50]");
          cairo_move_to (cr, 60, 300);
          cairo_show_text (cr, "Về trang 1");
          cairo_tag_end (cr, CAIRO_TAG_LINK);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* ── render jobs, synchronously ────────────────────────────────────────────────────────────── */

static void
test_job_pages (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "bao-cao.pdf", NULL);
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  chamber_test_write_pdf (path, 3, "Báo cáo thẩm tra");
  document = open_ok (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 3);

  for (int page = 0; page < 3; page++)
    {
      g_autoptr (ChamberRenderJob) job =
        chamber_render_job_new (page, 1.0, 0, CHAMBER_RENDER_PRIORITY_VISIBLE);
      cairo_surface_t *surface;

      g_assert_false (chamber_render_job_is_finished (job));
      g_assert_null (chamber_render_job_get_surface (job));
      g_assert_true (chamber_render_job_run (job, document, &error));
      g_assert_no_error (error);
      g_assert_true (chamber_render_job_is_finished (job));
      g_assert_null (chamber_render_job_get_error (job));

      surface = chamber_render_job_get_surface (job);
      g_assert_nonnull (surface);
      g_assert_cmpint (cairo_image_surface_get_format (surface), ==, CAIRO_FORMAT_ARGB32);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 595);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 842);
      /* White paper, the blue box where the generator put it. */
      g_assert_cmphex (pixel_at (surface, 5, 5), ==, 0xffffffff);
      g_assert_true (is_blue (pixel_at (surface, 160, 730)));
    }

  /* Twice the scale, twice the pixels on each side. */
  {
    g_autoptr (ChamberRenderJob) job =
      chamber_render_job_new (0, 2.0, 0, CHAMBER_RENDER_PRIORITY_VISIBLE);

    g_assert_true (chamber_render_job_run (job, document, &error));
    g_assert_no_error (error);
    g_assert_cmpint (cairo_image_surface_get_width (chamber_render_job_get_surface (job)), ==,
                     1190);
    g_assert_cmpint (cairo_image_surface_get_height (chamber_render_job_get_surface (job)), ==,
                     1684);
  }

  /* A page out of range is an error a person can read, not a crash. */
  for (int page = -1; page <= 3; page += 4)
    {
      g_autoptr (ChamberRenderJob) job =
        chamber_render_job_new (page, 1.0, 0, CHAMBER_RENDER_PRIORITY_VISIBLE);

      g_assert_false (chamber_render_job_run (job, document, &error));
      g_assert_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_BAD_PAGE);
      g_assert_nonnull (strstr (error->message, "3 pages"));
      g_assert_true (chamber_render_job_is_finished (job));
      g_assert_null (chamber_render_job_get_surface (job));
      g_assert_error (chamber_render_job_get_error (job), CHAMBER_PDF_ERROR,
                      CHAMBER_PDF_ERROR_BAD_PAGE);
      g_clear_error (&error);
    }

  chamber_test_rm_rf (dir);
}

static void
test_job_rotation (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "to-trinh.pdf", NULL);
  g_autoptr (PopplerDocument) document = NULL;
  /* Where the centre of the blue box (160, 730) of a 595 × 842 page lands, turned clockwise. */
  const struct {
    int rotation;
    int width, height;
    int blue_x, blue_y;
  } cases[] = {
    { 0, 595, 842, 160, 730 },
    { 90, 842, 595, 842 - 730, 160 },
    { 180, 595, 842, 595 - 160, 842 - 730 },
    { 270, 842, 595, 730, 595 - 160 },
    { -90, 842, 595, 730, 595 - 160 },
    { 450, 842, 595, 842 - 730, 160 },
  };

  chamber_test_write_pdf (path, 1, "Tờ trình");
  document = open_ok (path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ChamberRenderJob) job =
        chamber_render_job_new (0, 1.0, cases[i].rotation, CHAMBER_RENDER_PRIORITY_VISIBLE);
      g_autoptr (GError) error = NULL;
      cairo_surface_t *surface;

      g_test_message ("rotation %d", cases[i].rotation);
      g_assert_cmpint (chamber_render_job_get_rotation (job), ==,
                       ((cases[i].rotation % 360) + 360) % 360);
      g_assert_true (chamber_render_job_run (job, document, &error));
      g_assert_no_error (error);
      surface = chamber_render_job_get_surface (job);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, cases[i].width);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, cases[i].height);
      g_assert_true (is_blue (pixel_at (surface, cases[i].blue_x, cases[i].blue_y)));
      /* The box is 200 × 60 pt: 80 pt either side of its centre is blue along its length,
       * which is vertical once turned by 90 or 270 degrees, and white across it. */
      if (cases[i].width > cases[i].height)
        {
          g_assert_true (is_blue (pixel_at (surface, cases[i].blue_x, cases[i].blue_y + 80)));
          g_assert_true (is_blue (pixel_at (surface, cases[i].blue_x, cases[i].blue_y - 80)));
          g_assert_cmphex (pixel_at (surface, cases[i].blue_x + 80, cases[i].blue_y), ==,
                           0xffffffff);
        }
      else
        {
          g_assert_true (is_blue (pixel_at (surface, cases[i].blue_x + 80, cases[i].blue_y)));
          g_assert_true (is_blue (pixel_at (surface, cases[i].blue_x - 80, cases[i].blue_y)));
          g_assert_cmphex (pixel_at (surface, cases[i].blue_x, cases[i].blue_y + 80), ==,
                           0xffffffff);
        }
    }

  chamber_test_rm_rf (dir);
}

static void
test_job_cancelled (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "nghi-quyet.pdf", NULL);
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (ChamberRenderJob) job = NULL;
  g_autoptr (GError) error = NULL;

  chamber_test_write_pdf (path, 1, "Nghị quyết");
  document = open_ok (path);

  job = chamber_render_job_new (0, 1.0, 0, CHAMBER_RENDER_PRIORITY_THUMBNAIL);
  g_assert_false (chamber_render_job_is_cancelled (job));
  chamber_render_job_cancel (job);
  g_assert_true (chamber_render_job_is_cancelled (job));
  g_assert_false (chamber_render_job_run (job, document, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (chamber_render_job_get_surface (job));

  chamber_test_rm_rf (dir);
}

/* A 14400 × 14400 pt page at full scale would need 800 MB; the job caps the surface. */
static void
assert_huge_page_capped (const char *path)
{
  g_autoptr (PopplerDocument) document = open_ok (path);
  const struct {
    double scale;
    int    side;
  } cases[] = {
    { 1.0, CHAMBER_PDF_MAX_SURFACE_SIDE },
    { 4.0, CHAMBER_PDF_MAX_SURFACE_SIDE },
    { 0.01, 144 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (ChamberRenderJob) job =
        chamber_render_job_new (0, cases[i].scale, 0, CHAMBER_RENDER_PRIORITY_VISIBLE);
      g_autoptr (GError) error = NULL;
      cairo_surface_t *surface;

      g_assert_true (chamber_render_job_run (job, document, &error));
      g_assert_no_error (error);
      surface = chamber_render_job_get_surface (job);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, cases[i].side);
      g_assert_cmpint (cairo_image_surface_get_height (surface), ==, cases[i].side);
    }
}

static void
test_job_surface_cap (void)
{
  g_autofree char *fixture = data_path ("pdf-huge-page.pdf");
  const char *corpus = chamber_test_corpus_dir ();

  assert_huge_page_capped (fixture);
  if (corpus != NULL)
    {
      g_autofree char *shared = g_build_filename (corpus, "bad", "huge-page.pdf", NULL);

      assert_huge_page_capped (shared);
    }
}

/* ── text, find, links and outline, synchronously ──────────────────────────────────────────── */

static gboolean
rects_overlap (const PopplerRectangle *a,
               const PopplerRectangle *b)
{
  return MIN (a->x2, b->x2) > MAX (a->x1, b->x1) && MIN (a->y2, b->y2) > MAX (a->y1, b->y1);
}

static void
test_text (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "du-toan.pdf", NULL);
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (PopplerPage) page = NULL;
  g_autoptr (ChamberPdfText) text = NULL;
  g_autoptr (GArray) matches = NULL;
  const char *found;
  glong heading_at, line_at;
  guint n_matches = 0;

  chamber_test_write_pdf (path, 2, "Dự toán ngân sách");
  document = open_ok (path);
  page = poppler_document_get_page (document, 1);

  text = chamber_pdf_text_new (page);
  g_assert_cmpfloat (text->width, ==, 595);
  g_assert_cmpfloat (text->height, ==, 842);
  g_assert_true (g_utf8_validate (text->text, -1, NULL));
  g_assert_cmpuint (text->n_boxes, ==, g_utf8_strlen (text->text, -1));

  found = strstr (text->text, "Dự toán ngân sách — 2");
  g_assert_nonnull (found);
  heading_at = g_utf8_pointer_to_offset (text->text, found);
  found = strstr (text->text, VIETNAMESE_LINE);
  g_assert_nonnull (found);
  line_at = g_utf8_pointer_to_offset (text->text, found);

  /* The heading's baseline is at y = 120 pt from the top, the first line's at 180: boxes use
   * the top-left origin. */
  g_assert_cmpfloat (text->boxes[heading_at].y1, <, 120);
  g_assert_cmpfloat (text->boxes[heading_at].y2, >, 100);
  g_assert_cmpfloat (fabs (text->boxes[heading_at].x1 - 60), <, 2);
  g_assert_cmpfloat (text->boxes[line_at].y1, <, 180);
  g_assert_cmpfloat (text->boxes[line_at].y2, >, 165);
  g_assert_cmpfloat (text->boxes[line_at].y1, >, text->boxes[heading_at].y2 - 1);

  /* Find: “ngân sách” is on each of the 20 lines and in the heading. */
  matches = chamber_pdf_text_find (page, "ngân sách", POPPLER_FIND_DEFAULT, &n_matches);
  g_assert_cmpuint (n_matches, ==, 21);
  g_assert_cmpuint (matches->len, ==, 21);
  for (guint i = 0; i < matches->len; i++)
    g_assert_cmpuint (g_array_index (matches, ChamberPdfTextMatch, i).match, ==, i);
  {
    /* The first match in reading order is the heading's, in the same place as its boxes. */
    const ChamberPdfTextMatch *first = &g_array_index (matches, ChamberPdfTextMatch, 0);
    const PopplerRectangle *n_box = &text->boxes[heading_at + strlen ("Dự toán ") - 1];

    g_assert_true (rects_overlap (&first->area, n_box));
    g_assert_cmpfloat (first->area.y1, <, 120);
  }
  g_clear_pointer (&matches, g_array_unref);

  /* Without diacritics only when asked. */
  matches = chamber_pdf_text_find (page, "ngan sach", POPPLER_FIND_DEFAULT, &n_matches);
  g_assert_cmpuint (n_matches, ==, 0);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_array_unref);
  matches = chamber_pdf_text_find (page, "ngan sach", POPPLER_FIND_IGNORE_DIACRITICS,
                                   &n_matches);
  g_assert_cmpuint (n_matches, ==, 21);
  g_clear_pointer (&matches, g_array_unref);

  matches = chamber_pdf_text_find (page, "", POPPLER_FIND_DEFAULT, &n_matches);
  g_assert_cmpuint (n_matches, ==, 0);
  g_clear_pointer (&matches, g_array_unref);

  chamber_test_rm_rf (dir);
}

static void
test_navigation (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "muc-luc.pdf", NULL);
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (GArray) outline = NULL;
  g_autoptr (GArray) links = NULL;
  const ChamberPdfOutlineEntry *entry;
  const ChamberPdfLink *link;
  g_autoptr (PopplerPage) page = NULL;

  write_navigation_pdf (path);
  document = open_ok (path);

  outline = chamber_pdf_navigation_get_outline (document);
  g_assert_cmpuint (outline->len, ==, 3);
  entry = &g_array_index (outline, ChamberPdfOutlineEntry, 0);
  g_assert_cmpstr (entry->title, ==, "Phần I");
  g_assert_cmpint (entry->depth, ==, 0);
  g_assert_cmpint (entry->page, ==, 0);
  entry = &g_array_index (outline, ChamberPdfOutlineEntry, 1);
  g_assert_cmpstr (entry->title, ==, "Mục 1");
  g_assert_cmpint (entry->depth, ==, 1);
  g_assert_cmpint (entry->page, ==, 1);
  entry = &g_array_index (outline, ChamberPdfOutlineEntry, 2);
  g_assert_cmpstr (entry->title, ==, "Phần II");
  g_assert_cmpint (entry->depth, ==, 0);
  g_assert_cmpint (entry->page, ==, 2);
  g_assert_cmpfloat (fabs (entry->top - 200), <, 1);

  page = poppler_document_get_page (document, 0);
  links = chamber_pdf_navigation_get_links (document, page);
  g_assert_cmpuint (links->len, ==, 2);

  /* “Xem trang 3”, baseline at 300 pt from the top, leads by name to page 3, 100 pt from its
   * top. */
  link = &g_array_index (links, ChamberPdfLink, 0);
  g_assert_cmpint (link->page, ==, 2);
  g_assert_cmpfloat (fabs (link->top - 100), <, 1);
  g_assert_null (link->uri);
  g_assert_cmpfloat (link->area.x1, <, 61);
  g_assert_cmpfloat (link->area.x2, >, 100);
  g_assert_cmpfloat (link->area.y1, <, 300);
  g_assert_cmpfloat (link->area.y1, >, 270);
  g_assert_cmpfloat (link->area.y2, >, 295);
  g_assert_cmpfloat (link->area.y2, <, 310);

  /* The web address, baseline at 500 pt. */
  link = &g_array_index (links, ChamberPdfLink, 1);
  g_assert_cmpint (link->page, ==, -1);
  g_assert_cmpstr (link->uri, ==, "https://hdnd.example.vn/ky-hop-10");
  g_assert_cmpfloat (link->area.y1, <, 500);
  g_assert_cmpfloat (link->area.y1, >, 470);

  /* An explicit destination, back to page 1. */
  {
    g_autoptr (PopplerPage) third = poppler_document_get_page (document, 2);
    g_autoptr (GArray) back = chamber_pdf_navigation_get_links (document, third);

    g_assert_cmpuint (back->len, ==, 1);
    link = &g_array_index (back, ChamberPdfLink, 0);
    g_assert_cmpint (link->page, ==, 0);
    g_assert_cmpfloat (fabs (link->top - 50), <, 1);
    g_assert_cmpfloat (link->area.y1, <, 300);
    g_assert_cmpfloat (link->area.y1, >, 270);
  }

  /* A page without links, a document without an outline. */
  {
    g_autoptr (PopplerPage) second = poppler_document_get_page (document, 1);
    g_autoptr (GArray) none = chamber_pdf_navigation_get_links (document, second);
    g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
    g_autoptr (PopplerDocument) plain_document = NULL;
    g_autoptr (GArray) no_outline = NULL;

    g_assert_cmpuint (none->len, ==, 0);
    chamber_test_write_pdf (plain, 1, "Không mục lục");
    plain_document = open_ok (plain);
    no_outline = chamber_pdf_navigation_get_outline (plain_document);
    g_assert_cmpuint (no_outline->len, ==, 0);
  }

  chamber_test_rm_rf (dir);
}

/* ── the worker ────────────────────────────────────────────────────────────────────────────── */

typedef struct {
  gboolean  opened;
  gboolean  failed;
  int       n_pages;
  GError   *error;
} OpenState;

static void
opened_cb (ChamberRenderWorker *worker,
           int                  n_pages,
           OpenState           *state)
{
  g_assert_false (state->opened || state->failed);
  state->opened = TRUE;
  state->n_pages = n_pages;
}

static void
open_failed_cb (ChamberRenderWorker *worker,
                const GError        *error,
                OpenState           *state)
{
  g_assert_false (state->opened || state->failed);
  state->failed = TRUE;
  state->error = g_error_copy (error);
}

static gboolean
open_done (gpointer data)
{
  OpenState *state = data;

  return state->opened || state->failed;
}

/* A new worker on @path, waited for until it opened or failed. */
static ChamberRenderWorker *
open_worker (const char *path,
             const char *password,
             OpenState  *state)
{
  ChamberRenderWorker *worker = chamber_render_worker_new (path, password);

  memset (state, 0, sizeof *state);
  g_signal_connect (worker, "opened", G_CALLBACK (opened_cb), state);
  g_signal_connect (worker, "open-failed", G_CALLBACK (open_failed_cb), state);
  g_assert_false (chamber_render_worker_is_opened (worker));
  g_assert_cmpint (chamber_render_worker_get_n_pages (worker), ==, 0);
  g_assert_true (chamber_test_pump_until (open_done, state, PUMP_TIMEOUT_MS));
  g_assert_cmpint (chamber_render_worker_is_opened (worker), ==, state->opened);
  g_signal_handlers_disconnect_by_data (worker, state);
  return worker;
}

/* Delivered jobs, in order of delivery. */
typedef struct {
  GPtrArray *delivered;
  guint      expected;
} Deliveries;

static void
job_finished_cb (ChamberRenderJob *job,
                 Deliveries       *deliveries)
{
  g_assert_true (chamber_render_job_is_finished (job));
  g_assert_false (chamber_render_job_is_cancelled (job));
  g_ptr_array_add (deliveries->delivered, g_object_ref (job));
}

static gboolean
deliveries_done (gpointer data)
{
  Deliveries *deliveries = data;

  return deliveries->delivered->len >= deliveries->expected;
}

static ChamberRenderJob *
queue_job (ChamberRenderWorker  *worker,
           Deliveries           *deliveries,
           int                   page,
           double                scale,
           ChamberRenderPriority priority)
{
  ChamberRenderJob *job = chamber_render_job_new (page, scale, 0, priority);

  g_signal_connect (job, "finished", G_CALLBACK (job_finished_cb), deliveries);
  chamber_render_worker_queue (worker, job);
  return job;
}

static void
test_worker_open (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-render-XXXXXX");
  g_autofree char *generated = g_build_filename (dir, "bao-cao.pdf", NULL);
  g_autofree char *labelled = g_build_filename (dir, "nhan-trang.pdf", NULL);
  g_autoptr (ChamberRenderWorker) worker = NULL;
  OpenState state;
  double width = 0, height = 0;

  chamber_test_write_pdf (generated, 4, "Báo cáo");
  worker = open_worker (generated, NULL, &state);
  g_assert_true (state.opened);
  g_assert_cmpint (state.n_pages, ==, 4);
  g_assert_cmpstr (chamber_render_worker_get_path (worker), ==, generated);
  g_assert_cmpint (chamber_render_worker_get_n_pages (worker), ==, 4);
  for (int i = 0; i < 4; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i + 1);

      g_assert_true (chamber_render_worker_get_page_size (worker, i, &width, &height));
      g_assert_cmpfloat (width, ==, 595);
      g_assert_cmpfloat (height, ==, 842);
      g_assert_cmpstr (chamber_render_worker_get_page_label (worker, i), ==, number);
      g_assert_cmpint (chamber_render_worker_find_page (worker, number), ==, i);
    }
  g_assert_false (chamber_render_worker_get_page_size (worker, 4, &width, &height));
  g_assert_null (chamber_render_worker_get_page_label (worker, -1));
  g_assert_cmpint (chamber_render_worker_find_page (worker, "5"), ==, -1);
  g_assert_cmpint (chamber_render_worker_find_page (worker, "một"), ==, -1);
  g_assert_null (chamber_render_worker_get_title (worker));
  g_clear_object (&worker);

  /* Page labels i, ii, 1; sizes after each page's own /Rotate. */
  write_labelled_pdf (labelled);
  worker = open_worker (labelled, NULL, &state);
  g_assert_no_error (state.error);
  g_assert_true (state.opened);
  g_assert_cmpint (state.n_pages, ==, 3);
  g_assert_cmpstr (chamber_render_worker_get_page_label (worker, 0), ==, "i");
  g_assert_cmpstr (chamber_render_worker_get_page_label (worker, 1), ==, "ii");
  g_assert_cmpstr (chamber_render_worker_get_page_label (worker, 2), ==, "1");
  g_assert_cmpint (chamber_render_worker_find_page (worker, "ii"), ==, 1);
  g_assert_cmpint (chamber_render_worker_find_page (worker, " II "), ==, 1);
  /* A label wins over a page number: “1” is the third page here. */
  g_assert_cmpint (chamber_render_worker_find_page (worker, "1"), ==, 2);
  g_assert_cmpint (chamber_render_worker_find_page (worker, "2"), ==, 1);
  g_assert_true (chamber_render_worker_get_page_size (worker, 0, &width, &height));
  g_assert_cmpfloat (width, ==, 300);
  g_assert_cmpfloat (height, ==, 400);
  g_assert_true (chamber_render_worker_get_page_size (worker, 1, &width, &height));
  g_assert_cmpfloat (width, ==, 400);
  g_assert_cmpfloat (height, ==, 300);
  g_assert_true (chamber_render_worker_get_page_size (worker, 2, &width, &height));
  g_assert_cmpfloat (width, ==, 400);
  g_assert_cmpfloat (height, ==, 300);

  /* The rendered surface follows the page's /Rotate, and a view rotation on top of it. */
  {
    Deliveries deliveries = { g_ptr_array_new_with_free_func (g_object_unref), 2 };
    g_autoptr (ChamberRenderJob) plain =
      queue_job (worker, &deliveries, 2, 1.0, CHAMBER_RENDER_PRIORITY_VISIBLE);
    g_autoptr (ChamberRenderJob) turned = chamber_render_job_new (2, 1.0, 90,
                                                                  CHAMBER_RENDER_PRIORITY_VISIBLE);

    g_signal_connect (turned, "finished", G_CALLBACK (job_finished_cb), &deliveries);
    chamber_render_worker_queue (worker, turned);
    g_assert_true (chamber_test_pump_until (deliveries_done, &deliveries, PUMP_TIMEOUT_MS));
    g_assert_cmpint (cairo_image_surface_get_width (chamber_render_job_get_surface (plain)), ==,
                     400);
    g_assert_cmpint (cairo_image_surface_get_height (chamber_render_job_get_surface (plain)), ==,
                     300);
    g_assert_cmpint (cairo_image_surface_get_width (chamber_render_job_get_surface (turned)), ==,
                     300);
    g_assert_cmpint (cairo_image_surface_get_height (chamber_render_job_get_surface (turned)),
                     ==, 400);
    g_ptr_array_unref (deliveries.delivered);
  }

  g_clear_object (&worker);
  chamber_test_rm_rf (dir);
}

static void
test_worker_priorities (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "bao-cao.pdf", NULL);
  g_autoptr (ChamberRenderWorker) worker = NULL;
  g_autoptr (GPtrArray) thumbnails = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (ChamberRenderJob) visible = NULL;
  g_autoptr (ChamberRenderJob) neighbour = NULL;
  g_autoptr (ChamberRenderJob) promoted = NULL;
  Deliveries deliveries = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  OpenState state;

  chamber_test_write_pdf (path, 8, "Báo cáo");
  worker = open_worker (path, NULL, &state);
  g_assert_true (state.opened);

  /* Thumbnails first, then the visible page and a neighbour, queued as one batch: the
   * visible page comes back first, then its neighbour, then the thumbnails in their order. */
  chamber_render_worker_freeze (worker);
  for (int i = 0; i < 8; i++)
    g_ptr_array_add (thumbnails,
                     queue_job (worker, &deliveries, i, 0.2, CHAMBER_RENDER_PRIORITY_THUMBNAIL));
  neighbour = queue_job (worker, &deliveries, 5, 1.5, CHAMBER_RENDER_PRIORITY_NEIGHBOUR);
  visible = queue_job (worker, &deliveries, 4, 1.5, CHAMBER_RENDER_PRIORITY_VISIBLE);
  /* A thumbnail that became the visible page moves up to its new priority. */
  promoted = g_object_ref (g_ptr_array_index (thumbnails, 7));
  chamber_render_worker_set_job_priority (worker, promoted, CHAMBER_RENDER_PRIORITY_VISIBLE);
  g_assert_cmpint (chamber_render_job_get_priority (promoted), ==,
                   CHAMBER_RENDER_PRIORITY_VISIBLE);
  deliveries.expected = 10;
  chamber_render_worker_thaw (worker);

  g_assert_true (chamber_test_pump_until (deliveries_done, &deliveries, PUMP_TIMEOUT_MS));
  g_assert_cmpuint (deliveries.delivered->len, ==, 10);
  g_assert_true (g_ptr_array_index (deliveries.delivered, 0) == visible);
  g_assert_true (g_ptr_array_index (deliveries.delivered, 1) == promoted);
  g_assert_true (g_ptr_array_index (deliveries.delivered, 2) == neighbour);
  for (int i = 0; i < 7; i++)
    g_assert_true (g_ptr_array_index (deliveries.delivered, 3 + i)
                   == g_ptr_array_index (thumbnails, i));
  for (guint i = 0; i < deliveries.delivered->len; i++)
    g_assert_nonnull (chamber_render_job_get_surface (g_ptr_array_index (deliveries.delivered,
                                                                         i)));
  g_assert_cmpint (cairo_image_surface_get_width (chamber_render_job_get_surface (visible)), ==,
                   893);

  g_ptr_array_unref (deliveries.delivered);
  chamber_test_rm_rf (dir);
}

static void
test_worker_cancel (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "bao-cao.pdf", NULL);
  g_autoptr (ChamberRenderWorker) worker = NULL;
  g_autoptr (GPtrArray) pages = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (ChamberRenderJob) thumbnail = NULL;
  g_autoptr (ChamberRenderJob) last = NULL;
  Deliveries deliveries = { g_ptr_array_new_with_free_func (g_object_unref), 0 };
  OpenState state;

  chamber_test_write_pdf (path, 10, "Báo cáo");
  worker = open_worker (path, NULL, &state);
  g_assert_true (state.opened);

  chamber_render_worker_freeze (worker);
  for (int i = 0; i < 10; i++)
    g_ptr_array_add (pages, queue_job (worker, &deliveries, i, 1.0,
                                       i == 5 ? CHAMBER_RENDER_PRIORITY_VISIBLE
                                              : CHAMBER_RENDER_PRIORITY_NEIGHBOUR));
  thumbnail = queue_job (worker, &deliveries, 0, 0.2, CHAMBER_RENDER_PRIORITY_THUMBNAIL);

  /* The reader scrolled: pages 4–6 are still wanted, the rest not; page 4 goes by itself. */
  chamber_render_job_cancel (g_ptr_array_index (pages, 4));
  g_assert_cmpuint (chamber_render_worker_cancel_outside (worker, 4, 6), ==, 7);
  g_assert_cmpuint (chamber_render_worker_cancel_outside (worker, 4, 6), ==, 0);
  /* Queued last at the lowest priority, so it is delivered after everything else. */
  last = queue_job (worker, &deliveries, 9, 0.2, CHAMBER_RENDER_PRIORITY_THUMBNAIL);
  deliveries.expected = 4;
  chamber_render_worker_thaw (worker);

  g_assert_true (chamber_test_pump_until (deliveries_done, &deliveries, PUMP_TIMEOUT_MS));
  g_assert_cmpuint (deliveries.delivered->len, ==, 4);
  g_assert_true (g_ptr_array_index (deliveries.delivered, 0) == g_ptr_array_index (pages, 5));
  g_assert_true (g_ptr_array_index (deliveries.delivered, 1) == g_ptr_array_index (pages, 6));
  g_assert_true (g_ptr_array_index (deliveries.delivered, 2) == thumbnail);
  g_assert_true (g_ptr_array_index (deliveries.delivered, 3) == last);

  for (int i = 0; i < 10; i++)
    {
      ChamberRenderJob *job = g_ptr_array_index (pages, i);

      if (i == 5 || i == 6)
        continue;
      g_assert_true (chamber_render_job_is_cancelled (job));
      g_assert_false (chamber_render_job_is_finished (job));
      g_assert_null (chamber_render_job_get_surface (job));
    }

  /* Cancelled after it ran but before its delivery: never delivered either. */
  {
    g_autoptr (ChamberRenderJob) late = NULL;
    g_autoptr (ChamberRenderJob) sentinel = NULL;

    deliveries.expected = deliveries.delivered->len + 1;
    late = queue_job (worker, &deliveries, 1, 0.5, CHAMBER_RENDER_PRIORITY_VISIBLE);
    sentinel = queue_job (worker, &deliveries, 2, 0.2, CHAMBER_RENDER_PRIORITY_THUMBNAIL);
    /* Let the worker run both without the main loop delivering anything: wait on the
     * sentinel's result itself, not on its signal (bounded like every wait here). */
    for (guint waited_ms = 0; !chamber_render_job_is_finished (sentinel); waited_ms++)
      {
        g_assert_cmpuint (waited_ms, <, PUMP_TIMEOUT_MS);
        g_usleep (1000);
      }
    g_assert_true (chamber_render_job_is_finished (late));
    chamber_render_job_cancel (late);
    g_assert_true (chamber_test_pump_until (deliveries_done, &deliveries, PUMP_TIMEOUT_MS));
    g_assert_true (g_ptr_array_index (deliveries.delivered, deliveries.delivered->len - 1)
                   == sentinel);
    g_assert_false (g_ptr_array_find (deliveries.delivered, late, NULL));
  }

  g_ptr_array_unref (deliveries.delivered);
  chamber_test_rm_rf (dir);
}

/* Dropping the worker drops what it had queued, on the spot and undelivered. */
static void
test_worker_dispose (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "bao-cao.pdf", NULL);
  ChamberRenderWorker *worker;
  ChamberRenderJob *job;
  Deliveries deliveries = { g_ptr_array_new_with_free_func (g_object_unref), 1 };
  OpenState state;

  chamber_test_write_pdf (path, 2, "Báo cáo");
  worker = open_worker (path, NULL, &state);
  g_assert_true (state.opened);

  chamber_render_worker_freeze (worker);
  job = queue_job (worker, &deliveries, 0, 1.0, CHAMBER_RENDER_PRIORITY_VISIBLE);
  g_object_add_weak_pointer (G_OBJECT (job), (gpointer *) &job);
  g_object_unref (job);
  g_assert_nonnull (job);  /* the worker holds it */
  g_object_unref (worker);
  g_assert_null (job);     /* dropped with the worker, never run */
  g_assert_cmpuint (deliveries.delivered->len, ==, 0);

  g_ptr_array_unref (deliveries.delivered);
  chamber_test_rm_rf (dir);
}

typedef struct {
  GAsyncResult *result;
} AsyncState;

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  AsyncState *state = data;

  g_assert_null (state->result);
  state->result = g_object_ref (result);
}

static gboolean
async_done (gpointer data)
{
  return ((AsyncState *) data)->result != NULL;
}

static GAsyncResult *
wait_async (AsyncState *state)
{
  g_assert_true (chamber_test_pump_until (async_done, state, PUMP_TIMEOUT_MS));
  return state->result;
}

static void
test_worker_requests (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "muc-luc.pdf", NULL);
  g_autofree char *text_path = g_build_filename (dir, "du-toan.pdf", NULL);
  g_autoptr (ChamberRenderWorker) worker = NULL;
  g_autoptr (ChamberRenderWorker) text_worker = NULL;
  g_autoptr (GError) error = NULL;
  OpenState state;

  write_navigation_pdf (path);
  chamber_test_write_pdf (text_path, 2, "Dự toán");
  /* Requests may be made before the open finished: they wait for it. */
  text_worker = chamber_render_worker_new (text_path, NULL);
  worker = open_worker (path, NULL, &state);
  g_assert_true (state.opened);

  {
    AsyncState async = { NULL };
    g_autoptr (ChamberPdfText) text = NULL;

    chamber_render_worker_get_text_async (text_worker, 1, CHAMBER_RENDER_PRIORITY_VISIBLE, NULL,
                                          async_done_cb, &async);
    text = chamber_render_worker_get_text_finish (text_worker, wait_async (&async), &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text->text, "Dự toán — 2"));
    g_assert_nonnull (strstr (text->text, VIETNAMESE_LINE));
    g_assert_cmpuint (text->n_boxes, ==, g_utf8_strlen (text->text, -1));
    g_clear_object (&async.result);
  }

  {
    AsyncState async = { NULL };
    g_autoptr (GArray) matches = NULL;

    chamber_render_worker_find_async (text_worker, 0, "đất đai", POPPLER_FIND_DEFAULT,
                                      CHAMBER_RENDER_PRIORITY_FIND, NULL, async_done_cb, &async);
    matches = chamber_render_worker_find_finish (text_worker, wait_async (&async), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (matches->len, ==, 20);
    g_clear_object (&async.result);
  }

  {
    AsyncState async = { NULL };
    g_autoptr (GArray) outline = NULL;

    chamber_render_worker_get_outline_async (worker, CHAMBER_RENDER_PRIORITY_NEIGHBOUR, NULL,
                                             async_done_cb, &async);
    outline = chamber_render_worker_get_outline_finish (worker, wait_async (&async), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (outline->len, ==, 3);
    g_assert_cmpstr (g_array_index (outline, ChamberPdfOutlineEntry, 1).title, ==, "Mục 1");
    g_assert_cmpint (g_array_index (outline, ChamberPdfOutlineEntry, 1).depth, ==, 1);
    g_assert_cmpint (g_array_index (outline, ChamberPdfOutlineEntry, 1).page, ==, 1);
    g_clear_object (&async.result);
  }

  {
    AsyncState async = { NULL };
    g_autoptr (GArray) links = NULL;

    chamber_render_worker_get_links_async (worker, 0, CHAMBER_RENDER_PRIORITY_VISIBLE, NULL,
                                           async_done_cb, &async);
    links = chamber_render_worker_get_links_finish (worker, wait_async (&async), &error);
    g_assert_no_error (error);
    g_assert_cmpuint (links->len, ==, 2);
    g_assert_cmpint (g_array_index (links, ChamberPdfLink, 0).page, ==, 2);
    g_assert_cmpstr (g_array_index (links, ChamberPdfLink, 1).uri, ==,
                     "https://hdnd.example.vn/ky-hop-10");
    g_clear_object (&async.result);
  }

  /* A page out of range. */
  {
    AsyncState async = { NULL };
    g_autoptr (GArray) links = NULL;

    chamber_render_worker_get_links_async (worker, 3, CHAMBER_RENDER_PRIORITY_VISIBLE, NULL,
                                           async_done_cb, &async);
    links = chamber_render_worker_get_links_finish (worker, wait_async (&async), &error);
    g_assert_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_BAD_PAGE);
    g_assert_null (links);
    g_clear_error (&error);
    g_clear_object (&async.result);
  }

  /* Cancelled before it ran: skipped, completed as cancelled. */
  {
    AsyncState async = { NULL };
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (ChamberPdfText) text = NULL;

    chamber_render_worker_freeze (worker);
    chamber_render_worker_get_text_async (worker, 0, CHAMBER_RENDER_PRIORITY_VISIBLE,
                                          cancellable, async_done_cb, &async);
    g_cancellable_cancel (cancellable);
    chamber_render_worker_thaw (worker);
    text = chamber_render_worker_get_text_finish (worker, wait_async (&async), &error);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_null (text);
    g_clear_error (&error);
    g_clear_object (&async.result);
  }

  chamber_test_rm_rf (dir);
}

/* A document that does not open: every request after it fails with the open's error. */
static void
test_worker_open_failed (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "empty.pdf", NULL);
  g_autoptr (ChamberRenderWorker) worker = NULL;
  g_autoptr (ChamberRenderJob) job = NULL;
  g_autoptr (GError) error = NULL;
  Deliveries deliveries = { g_ptr_array_new_with_free_func (g_object_unref), 1 };
  AsyncState async = { NULL };
  g_autoptr (ChamberPdfText) text = NULL;
  OpenState state;

  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);
  worker = open_worker (path, NULL, &state);
  g_assert_true (state.failed);
  g_assert_error (state.error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_EMPTY);
  g_clear_error (&state.error);
  g_assert_cmpint (chamber_render_worker_get_n_pages (worker), ==, 0);
  g_assert_false (chamber_render_worker_get_page_size (worker, 0, NULL, NULL));
  g_assert_cmpint (chamber_render_worker_find_page (worker, "1"), ==, -1);

  job = queue_job (worker, &deliveries, 0, 1.0, CHAMBER_RENDER_PRIORITY_VISIBLE);
  g_assert_true (chamber_test_pump_until (deliveries_done, &deliveries, PUMP_TIMEOUT_MS));
  g_assert_null (chamber_render_job_get_surface (job));
  g_assert_error (chamber_render_job_get_error (job), CHAMBER_PDF_ERROR,
                  CHAMBER_PDF_ERROR_EMPTY);

  chamber_render_worker_get_text_async (worker, 0, CHAMBER_RENDER_PRIORITY_VISIBLE, NULL,
                                        async_done_cb, &async);
  text = chamber_render_worker_get_text_finish (worker, wait_async (&async), &error);
  g_assert_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_EMPTY);
  g_assert_null (text);
  g_clear_object (&async.result);

  g_ptr_array_unref (deliveries.delivered);
  chamber_test_rm_rf (dir);
}

/* Opens @path in a worker: it opens and its first page renders (capped) with its text, or the
 * open fails with @expected_code (-1: must open). */
static void
assert_worker_handles (const char *path,
                       const char *password,
                       int         expected_code)
{
  g_autoptr (ChamberRenderWorker) worker = NULL;
  OpenState state;

  g_test_message ("%s", path);
  worker = open_worker (path, password, &state);
  if (expected_code >= 0)
    {
      g_assert_true (state.failed);
      g_assert_error (state.error, CHAMBER_PDF_ERROR, expected_code);
      g_assert_true (g_utf8_validate (state.error->message, -1, NULL));
      g_assert_cmpuint (strlen (state.error->message), >, 20);
      g_clear_error (&state.error);
      return;
    }

  g_assert_no_error (state.error);
  g_assert_true (state.opened);
  g_assert_cmpint (state.n_pages, >=, 1);
  {
    Deliveries deliveries = { g_ptr_array_new_with_free_func (g_object_unref), 1 };
    g_autoptr (ChamberRenderJob) job =
      queue_job (worker, &deliveries, 0, 1.0, CHAMBER_RENDER_PRIORITY_VISIBLE);
    AsyncState async = { NULL };
    g_autoptr (ChamberPdfText) text = NULL;
    g_autoptr (GError) error = NULL;
    cairo_surface_t *surface;

    chamber_render_worker_get_text_async (worker, 0, CHAMBER_RENDER_PRIORITY_NEIGHBOUR, NULL,
                                          async_done_cb, &async);
    g_assert_true (chamber_test_pump_until (deliveries_done, &deliveries, PUMP_TIMEOUT_MS));
    g_assert_no_error (chamber_render_job_get_error (job));
    surface = chamber_render_job_get_surface (job);
    g_assert_nonnull (surface);
    g_assert_cmpint (MAX (cairo_image_surface_get_width (surface),
                          cairo_image_surface_get_height (surface)),
                     <=, CHAMBER_PDF_MAX_SURFACE_SIDE);

    text = chamber_render_worker_get_text_finish (worker, wait_async (&async), &error);
    g_assert_no_error (error);
    g_assert_true (g_utf8_validate (text->text, -1, NULL));
    g_clear_object (&async.result);
    g_ptr_array_unref (deliveries.delivered);
  }
}

static void
test_worker_fixtures (void)
{
  const struct {
    const char *name;
    int         code;
  } fixtures[] = {
    { "pdf-header-only.pdf", CHAMBER_PDF_ERROR_DAMAGED },
    { "pdf-html-page.pdf", CHAMBER_PDF_ERROR_NOT_PDF },
    { "pdf-huge-page.pdf", -1 },
    { "pdf-lying-count.pdf", CHAMBER_PDF_ERROR_NO_PAGES },
    { "pdf-page-tree-cycle.pdf", CHAMBER_PDF_ERROR_DAMAGED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *path = data_path (fixtures[i].name);

      assert_worker_handles (path, NULL, fixtures[i].code);
    }
}

/* Every file of the shared corpus, each in a worker of its own. */
static void
test_worker_corpus (void)
{
  const char *corpus = chamber_test_corpus_dir ();
  const struct {
    const char *name;
    int         code;
  } bad[] = {
    { "empty.pdf", CHAMBER_PDF_ERROR_EMPTY },
    { "garbage.pdf", CHAMBER_PDF_ERROR_NOT_PDF },
    { "header-only.pdf", CHAMBER_PDF_ERROR_DAMAGED },
    { "html-page.pdf", CHAMBER_PDF_ERROR_NOT_PDF },
    { "huge-page.pdf", -1 },
    { "lying-count.pdf", CHAMBER_PDF_ERROR_NO_PAGES },
    { "page-tree-cycle.pdf", CHAMBER_PDF_ERROR_DAMAGED },
    { "truncated-half.pdf", CHAMBER_PDF_ERROR_DAMAGED },
    { "truncated-tail.pdf", CHAMBER_PDF_ERROR_DAMAGED },
  };
  g_autofree char *bad_dir = NULL;
  g_autofree char *third_party = NULL;
  g_autoptr (GDir) d = NULL;
  g_autoptr (GError) error = NULL;
  const char *name;
  guint opened = 0, refused = 0, seen = 0;

  if (corpus == NULL)
    {
      g_test_skip ("the shared PDF corpus is not beside this checkout");
      return;
    }

  bad_dir = g_build_filename (corpus, "bad", NULL);
  d = g_dir_open (bad_dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (bad_dir, name, NULL);
      int code = -2;

      for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
        if (g_str_equal (name, bad[i].name))
          code = bad[i].code;
      /* A new file in the corpus needs its expectation written down here. */
      g_assert_cmpint (code, !=, -2);
      assert_worker_handles (path, NULL, code);
      seen++;
    }
  g_assert_cmpuint (seen, ==, G_N_ELEMENTS (bad));
  g_clear_pointer (&d, g_dir_close);

  third_party = g_build_filename (corpus, "third-party", NULL);
  d = g_dir_open (third_party, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (third_party, name, NULL);
      gboolean encrypted = g_str_equal (name, "PasswordEncrypted.pdf")
                           || g_str_equal (name, "encrypted-256.pdf");

      if (!g_str_has_suffix (name, ".pdf"))
        continue;
      assert_worker_handles (path, NULL, encrypted ? CHAMBER_PDF_ERROR_ENCRYPTED : -1);
      if (encrypted)
        refused++;
      else
        opened++;
    }
  g_assert_cmpuint (opened, >=, 38);
  g_assert_cmpuint (refused, ==, 2);

  /* With its password, the protected file opens. */
  {
    g_autofree char *path = g_build_filename (third_party, "PasswordEncrypted.pdf", NULL);

    assert_worker_handles (path, "password", -1);
    assert_worker_handles (path, "mật khẩu sai", CHAMBER_PDF_ERROR_ENCRYPTED);
  }
}

/* ── the page cache ────────────────────────────────────────────────────────────────────────── */

/* 100 × 100 ARGB32: 40 000 bytes. */
static cairo_surface_t *
new_page_surface (void)
{
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 100, 100);
}

static void
test_cache_budget (void)
{
  g_autoptr (ChamberPageCache) cache = chamber_page_cache_new (400000);
  g_autoptr (ChamberPageCache) default_cache = chamber_page_cache_new (0);

  g_assert_cmpuint (chamber_page_cache_get_budget (default_cache), ==,
                    CHAMBER_PAGE_CACHE_DEFAULT_BUDGET);
  g_assert_cmpuint (chamber_page_cache_get_budget (default_cache), ==, 128 * 1024 * 1024);
  g_assert_cmpuint (chamber_page_cache_get_budget (cache), ==, 400000);

  /* Twice the budget goes in; the ten most recent stay. */
  for (int page = 0; page < 20; page++)
    {
      g_autoptr (TestSurface) surface = new_page_surface ();

      g_assert_true (chamber_page_cache_insert (cache, page, 1.0, 0, surface));
      g_assert_cmpuint (chamber_page_cache_get_size (cache), <=, 400000);
    }
  g_assert_cmpuint (chamber_page_cache_get_size (cache), ==, 400000);
  g_assert_cmpuint (chamber_page_cache_get_n_pages (cache), ==, 10);
  for (int page = 0; page < 20; page++)
    {
      g_autoptr (TestSurface) surface = chamber_page_cache_lookup (cache, page, 1.0, 0);

      g_assert_cmpint (surface != NULL, ==, page >= 10);
    }

  /* Looking a page up makes it recent: the next insert evicts page 11, not page 10. */
  {
    g_autoptr (TestSurface) surface = new_page_surface ();
    g_autoptr (TestSurface) kept = NULL;
    g_autoptr (TestSurface) evicted = NULL;

    for (int page = 11; page < 20; page++)
      cairo_surface_destroy (chamber_page_cache_lookup (cache, page, 1.0, 0));
    cairo_surface_destroy (chamber_page_cache_lookup (cache, 10, 1.0, 0));
    /* Sweeping 11…19 then 10 left 11 the oldest. */
    g_assert_true (chamber_page_cache_insert (cache, 20, 1.0, 0, surface));
    kept = chamber_page_cache_lookup (cache, 10, 1.0, 0);
    evicted = chamber_page_cache_lookup (cache, 11, 1.0, 0);
    g_assert_nonnull (kept);
    g_assert_null (evicted);
    g_assert_cmpuint (chamber_page_cache_get_size (cache), ==, 400000);
  }

  /* Scale and rotation are part of the key; replacing an entry does not grow the total. */
  {
    g_autoptr (TestSurface) a = new_page_surface ();
    g_autoptr (TestSurface) b = new_page_surface ();
    g_autoptr (TestSurface) found = NULL;
    g_autoptr (TestSurface) other_rotation = NULL;
    double scale = 0;

    g_assert_true (chamber_page_cache_insert (cache, 30, 2.0, 90, a));
    g_assert_true (chamber_page_cache_insert (cache, 30, 2.0, 90, b));
    g_assert_cmpuint (chamber_page_cache_get_size (cache), ==, 400000);
    found = chamber_page_cache_lookup (cache, 30, 2.0, -270);
    g_assert_true (found == b);
    other_rotation = chamber_page_cache_lookup (cache, 30, 2.0, 0);
    g_assert_null (other_rotation);
    g_clear_pointer (&found, cairo_surface_destroy);

    /* The nearest scale stands in while the sharp page renders. */
    found = chamber_page_cache_lookup_nearest (cache, 30, 2.5, 90, &scale);
    g_assert_true (found == b);
    g_assert_cmpfloat (scale, ==, 2.0);
    g_clear_pointer (&found, cairo_surface_destroy);
    g_assert_null (chamber_page_cache_lookup_nearest (cache, 30, 2.0, 180, NULL));
    g_assert_null (chamber_page_cache_lookup_nearest (cache, 99, 2.0, 90, NULL));
  }

  /* A surface larger than the whole budget is refused, and nothing is evicted for it. */
  {
    g_autoptr (TestSurface) huge = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 400);
    guint before = chamber_page_cache_get_n_pages (cache);

    g_assert_false (chamber_page_cache_insert (cache, 40, 1.0, 0, huge));
    g_assert_cmpuint (chamber_page_cache_get_n_pages (cache), ==, before);
    g_assert_cmpuint (chamber_page_cache_get_size (cache), ==, 400000);
  }

  /* A smaller budget evicts at once; removing a page and clearing free everything. */
  chamber_page_cache_set_budget (cache, 100000);
  g_assert_cmpuint (chamber_page_cache_get_size (cache), <=, 100000);
  g_assert_cmpuint (chamber_page_cache_get_n_pages (cache), ==, 2);
  {
    g_autoptr (TestSurface) newest = chamber_page_cache_lookup (cache, 30, 2.0, 90);

    g_assert_nonnull (newest);
  }
  chamber_page_cache_remove_page (cache, 30);
  g_assert_cmpuint (chamber_page_cache_get_n_pages (cache), ==, 1);
  g_assert_cmpuint (chamber_page_cache_get_size (cache), ==, 40000);
  chamber_page_cache_clear (cache);
  g_assert_cmpuint (chamber_page_cache_get_n_pages (cache), ==, 0);
  g_assert_cmpuint (chamber_page_cache_get_size (cache), ==, 0);
}

/* The cache holds real renders within its budget while a document is read end to end. */
static void
test_cache_with_worker (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-render-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "so-tay.pdf", NULL);
  g_autoptr (ChamberRenderWorker) worker = NULL;
  /* Three pages at scale 1 (595 × 842 × 4 bytes each) and a little more. */
  g_autoptr (ChamberPageCache) cache = chamber_page_cache_new (3 * 595 * 4 * 842 + 1000);
  Deliveries deliveries = { g_ptr_array_new_with_free_func (g_object_unref), 12 };
  OpenState state;

  chamber_test_write_pdf (path, 12, "Sổ tay đại biểu");
  worker = open_worker (path, NULL, &state);
  g_assert_true (state.opened);
  for (int i = 0; i < 12; i++)
    g_object_unref (queue_job (worker, &deliveries, i, 1.0, CHAMBER_RENDER_PRIORITY_VISIBLE));
  g_assert_true (chamber_test_pump_until (deliveries_done, &deliveries, PUMP_TIMEOUT_MS));

  for (guint i = 0; i < deliveries.delivered->len; i++)
    {
      ChamberRenderJob *job = g_ptr_array_index (deliveries.delivered, i);

      g_assert_true (chamber_page_cache_insert (cache, chamber_render_job_get_page (job),
                                                chamber_render_job_get_scale (job),
                                                chamber_render_job_get_rotation (job),
                                                chamber_render_job_get_surface (job)));
      g_assert_cmpuint (chamber_page_cache_get_size (cache), <=,
                        chamber_page_cache_get_budget (cache));
    }
  g_assert_cmpuint (chamber_page_cache_get_n_pages (cache), ==, 3);
  for (int page = 9; page < 12; page++)
    {
      g_autoptr (TestSurface) surface = chamber_page_cache_lookup (cache, page, 1.0, 0);

      g_assert_nonnull (surface);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 595);
    }

  g_ptr_array_unref (deliveries.delivered);
  chamber_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/job/pages", test_job_pages);
  g_test_add_func ("/render/job/rotation", test_job_rotation);
  g_test_add_func ("/render/job/cancelled", test_job_cancelled);
  g_test_add_func ("/render/job/surface-cap", test_job_surface_cap);
  g_test_add_func ("/render/text", test_text);
  g_test_add_func ("/render/navigation", test_navigation);
  g_test_add_func ("/render/worker/open", test_worker_open);
  g_test_add_func ("/render/worker/priorities", test_worker_priorities);
  g_test_add_func ("/render/worker/cancel", test_worker_cancel);
  g_test_add_func ("/render/worker/dispose", test_worker_dispose);
  g_test_add_func ("/render/worker/requests", test_worker_requests);
  g_test_add_func ("/render/worker/open-failed", test_worker_open_failed);
  g_test_add_func ("/render/worker/fixtures", test_worker_fixtures);
  g_test_add_func ("/render/worker/corpus", test_worker_corpus);
  g_test_add_func ("/render/cache/budget", test_cache_budget);
  g_test_add_func ("/render/cache/worker", test_cache_with_worker);

  return g_test_run ();
}
