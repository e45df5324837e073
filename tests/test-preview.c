/* test-preview.c — the instant-open previews rendered when a document arrives by sync. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "chamber-blob-store.h"
#include "chamber-client.h"
#include "chamber-hash.h"
#include "chamber-pdf.h"
#include "chamber-preview.h"
#include "chamber-sync.h"
#include "chamber-test-util.h"

/* Width, height and the number of pixels that are not white, of a PNG file. */
static void
read_png (const char *path, int *out_width, int *out_height, guint *out_ink)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);
  const guint8 *data;
  int stride;

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  *out_width = cairo_image_surface_get_width (surface);
  *out_height = cairo_image_surface_get_height (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  *out_ink = 0;
  for (int y = 0; y < *out_height; y++)
    for (int x = 0; x < *out_width; x++)
      if (((const guint32 *) (data + y * stride))[x] != 0xffffffff)
        (*out_ink)++;
  cairo_surface_destroy (surface);
}

/* The same of a page preview's raw pixels. */
static void
read_pixels (const char *path, int *out_width, int *out_height, guint *out_ink)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pixels = chamber_preview_map_page (path, out_width, out_height, &error);
  const guint32 *data;

  g_assert_no_error (error);
  g_assert_nonnull (pixels);
  g_assert_cmpuint (g_bytes_get_size (pixels), ==, (gsize) *out_width * *out_height * 4);
  data = g_bytes_get_data (pixels, NULL);
  *out_ink = 0;
  for (gsize i = 0; i < (gsize) *out_width * *out_height; i++)
    if (data[i] != 0xffffffff)
      (*out_ink)++;
}

static void
test_generate (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir (NULL);
  g_autofree char *pdf = g_build_filename (dir, "doc.pdf", NULL);
  g_autofree char *previews = g_build_filename (dir, "previews", NULL);
  g_autoptr (GError) error = NULL;
  char sha[65];
  int width, height;
  guint ink;

  chamber_test_write_pdf (pdf, 3, "Tờ trình");
  g_assert_true (chamber_sha256_file (pdf, sha, NULL, NULL, &error));
  g_assert_false (chamber_preview_is_complete (previews, sha));

  g_assert_true (chamber_preview_generate (previews, sha, pdf, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (chamber_preview_is_complete (previews, sha));

  for (int page = 1; page <= CHAMBER_PREVIEW_PAGES; page++)
    {
      g_autofree char *path = chamber_preview_path (previews, sha, page, FALSE);

      read_pixels (path, &width, &height, &ink);
      g_assert_cmpint (width, ==, CHAMBER_PREVIEW_WIDTH);
      /* A4: 842 / 595 of the width */
      g_assert_cmpint (ABS (height - CHAMBER_PREVIEW_WIDTH * 842 / 595), <=, 1);
      g_assert_cmpuint (ink, >, 1000);
    }
  for (int page = 1; page <= 3; page++)
    {
      g_autofree char *path = chamber_preview_path (previews, sha, page, TRUE);

      read_png (path, &width, &height, &ink);
      g_assert_cmpint (width, ==, CHAMBER_PREVIEW_THUMB_WIDTH);
      g_assert_cmpuint (ink, >, 100);
    }
  {
    /* Only three pages: no thumbnail of a fourth. */
    g_autofree char *path = chamber_preview_path (previews, sha, 4, TRUE);

    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  /* Complete sets are not rendered again. */
  {
    g_autofree char *path = chamber_preview_path (previews, sha, 1, FALSE);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autoptr (GFileInfo) before = g_file_query_info (file, "time::modified,time::modified-usec",
                                                      0, NULL, &error);
    g_autoptr (GFileInfo) after = NULL;

    g_assert_true (chamber_preview_generate (previews, sha, pdf, NULL, &error));
    after = g_file_query_info (file, "time::modified,time::modified-usec", 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_file_info_get_attribute_uint64 (before, "time::modified"), ==,
                      g_file_info_get_attribute_uint64 (after, "time::modified"));
    g_assert_cmpuint (g_file_info_get_attribute_uint32 (before, "time::modified-usec"), ==,
                      g_file_info_get_attribute_uint32 (after, "time::modified-usec"));
  }
  chamber_test_rm_rf (dir);
}

static void
test_hostile (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir (NULL);
  g_autofree char *previews = g_build_filename (dir, "previews", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.pdf", NULL);
  const char *sha = "0000000000000000000000000000000000000000000000000000000000000000";
  g_autoptr (GError) error = NULL;

  /* A path from a hash that is not one never reaches the filesystem. */
  g_assert_null (chamber_preview_path (previews, "../../etc/passwd", 1, FALSE));
  g_assert_null (chamber_preview_path (previews, sha, 0, FALSE));
  g_assert_null (chamber_preview_path (previews, sha, CHAMBER_PREVIEW_PAGES + 1, FALSE));
  g_assert_false (chamber_preview_generate (previews, "../x", "/dev/null", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (g_file_test (previews, G_FILE_TEST_EXISTS));

  /* A damaged document: an error, no "complete" mark, so nothing is shown from it. */
  g_assert_true (g_file_set_contents (bad, "%PDF-1.7\n1 0 obj <<", -1, NULL));
  g_assert_false (chamber_preview_generate (previews, sha, bad, NULL, &error));
  g_assert_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_DAMAGED);
  g_assert_false (chamber_preview_is_complete (previews, sha));
  chamber_test_rm_rf (dir);
}

/* A page preview file that is missing, of another format, truncated, padded, or claims a
 * size out of range is refused with a clear error, never read past its end. */
static void
test_hostile_pixels (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir (NULL);
  g_autofree char *pdf = g_build_filename (dir, "doc.pdf", NULL);
  g_autofree char *previews = g_build_filename (dir, "previews", NULL);
  g_autofree char *path = NULL;
  g_autofree char *good = NULL;
  g_autofree char *broken = g_build_filename (dir, "broken.pixels", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pixels = NULL;
  gsize size;
  char sha[65];
  int width = -1, height = -1;

  chamber_test_write_pdf (pdf, 1, "Báo cáo");
  g_assert_true (chamber_sha256_file (pdf, sha, NULL, NULL, &error));
  g_assert_true (chamber_preview_generate (previews, sha, pdf, NULL, &error));
  path = chamber_preview_path (previews, sha, 1, FALSE);
  g_assert_true (g_file_get_contents (path, &good, &size, &error));
  g_assert_cmpuint (size, >, 16);

  /* No file. */
  pixels = chamber_preview_map_page (broken, &width, &height, &error);
  g_assert_null (pixels);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Empty, a PNG, the header alone, one byte short, one byte more. */
  {
    struct { const char *what; gsize length; const char *replace; } cases[] = {
      { "empty", 0, NULL },
      { "png", 8, "\x89PNG\r\n\x1a\n" },
      { "header", 16, NULL },
      { "short", size - 1, NULL },
      { "long", size + 1, NULL },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *contents = g_malloc0 (cases[i].length + 1);

        memcpy (contents, good, MIN (cases[i].length, size));
        if (cases[i].replace != NULL)
          memcpy (contents, cases[i].replace, strlen (cases[i].replace));
        g_assert_true (g_file_set_contents (broken, contents, cases[i].length, NULL));
        pixels = chamber_preview_map_page (broken, &width, &height, &error);
        g_test_message ("%s: %s", cases[i].what, error != NULL ? error->message : "read");
        g_assert_null (pixels);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        g_clear_error (&error);
      }
  }

  /* A size that would read gigabytes past the end, and sizes of zero. */
  {
    const guint32 sizes[][2] = { { 65535, 65535 }, { 0, 100 }, { 100, 0 }, { 8193, 1 },
                                 { G_MAXUINT32, 2 } };

    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        g_autofree char *contents = g_memdup2 (good, size);

        memcpy (contents + 8, sizes[i], sizeof sizes[i]);
        g_assert_true (g_file_set_contents (broken, contents, size, NULL));
        pixels = chamber_preview_map_page (broken, &width, &height, &error);
        g_assert_null (pixels);
        g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        g_clear_error (&error);
      }
  }

  /* The good one, copied, reads back with the width of a preview. */
  g_assert_true (g_file_set_contents (broken, good, size, NULL));
  pixels = chamber_preview_map_page (broken, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pixels);
  g_assert_cmpint (width, ==, CHAMBER_PREVIEW_WIDTH);
  g_assert_cmpuint (g_bytes_get_size (pixels), ==, size - 16);
  g_clear_pointer (&pixels, g_bytes_unref);
  chamber_test_rm_rf (dir);
}

/* A document that arrives by sync gets its previews in the same run. */
static void
test_sync (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  g_autofree char *local = chamber_test_make_temp_dir (NULL);
  g_autofree char *pdf = g_build_filename (local, "source.pdf", NULL);
  g_autofree char *mirror = g_build_filename (local, "mirror", NULL);
  g_autofree char *previews = g_build_filename (mirror, "previews", NULL);
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberSession) made = NULL;
  g_autoptr (ChamberItem) added = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;

  client = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);
  session->number = 10;
  session->title = g_strdup ("Kỳ họp thứ mười");
  made = chamber_client_create_session (client, session, NULL, &error);
  g_assert_no_error (error);
  item->session_id = made->id;
  item->title = g_strdup ("Dự toán ngân sách");
  added = chamber_client_add_item (client, item, NULL, &error);
  g_assert_no_error (error);
  chamber_test_write_pdf (pdf, 2, "Dự toán");
  document = chamber_client_publish (client, added->id, pdf, "Tờ trình dự toán",
                                     CHAMBER_DOCUMENT_SUBMISSION, NULL, &error);
  g_assert_no_error (error);

  sync = chamber_sync_new (server->url, server->admin_token, mirror, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->documents_previewed, ==, 1);
  g_assert_true (chamber_preview_is_complete (previews, document->sha256));

  /* Nothing new: nothing rendered again. */
  g_clear_pointer (&report, chamber_sync_report_free);
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_cmpint (report->documents_previewed, ==, 0);

  /* Previews lost (a cleaned cache) come back with the next sync, even of an unchanged session. */
  {
    g_autofree char *set = g_build_filename (previews, document->sha256, NULL);

    chamber_test_rm_rf (set);
  }
  g_clear_pointer (&report, chamber_sync_report_free);
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_cmpint (report->sessions_unchanged, ==, 1);
  g_assert_cmpint (report->documents_previewed, ==, 1);
  g_assert_true (chamber_preview_is_complete (previews, document->sha256));

  /* An engine told not to render them (chamberctl sync without --previews) leaves them out. */
  {
    g_autofree char *bare = g_build_filename (local, "bare", NULL);
    g_autofree char *bare_previews = g_build_filename (bare, "previews", NULL);
    g_autoptr (ChamberSync) plain = chamber_sync_new (server->url, server->admin_token, bare,
                                                       &error);

    g_assert_no_error (error);
    chamber_sync_set_previews (plain, FALSE);
    g_clear_pointer (&report, chamber_sync_report_free);
    g_assert_true (chamber_sync_run (plain, 0, NULL, NULL, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (report->documents_fetched, ==, 1);
    g_assert_cmpint (report->documents_previewed, ==, 0);
    g_assert_false (chamber_preview_is_complete (bare_previews, document->sha256));
  }
  chamber_test_rm_rf (local);
}

/* ---- the budget ---------------------------------------------------------------------------- */

/* Whether the set of @sha in @previews holds nothing but its evicted mark. */
static gboolean
only_mark_left (const char *previews, const char *sha)
{
  g_autofree char *folder = g_build_filename (previews, sha, NULL);
  g_autoptr (GDir) files = g_dir_open (folder, 0, NULL);
  const char *name;
  guint count = 0;

  g_assert_nonnull (files);
  while ((name = g_dir_read_name (files)) != NULL)
    {
      g_test_message ("left in %s: %s", sha, name);
      if (!g_str_equal (name, "evicted"))
        return FALSE;
      count++;
    }
  return count == 1;
}

/* The bytes of the files of one set. */
static guint64
set_size (const char *previews, const char *sha)
{
  g_autofree char *folder = g_build_filename (previews, sha, NULL);
  g_autoptr (GDir) files = g_dir_open (folder, 0, NULL);
  const char *name;
  guint64 size = 0;

  while (files != NULL && (name = g_dir_read_name (files)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      GStatBuf info;

      g_assert_cmpint (g_stat (path, &info), ==, 0);
      size += info.st_size;
    }
  return size;
}

/* Writes a two-page PDF of its own text into @dir, hashes it and renders its previews. */
static char *
add_previewed (const char *dir, const char *previews, const char *text, char sha[65])
{
  g_autofree char *name = g_strdup_printf ("%s.pdf", text);
  char *pdf = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  chamber_test_write_pdf (pdf, 2, text);
  g_assert_true (chamber_sha256_file (pdf, sha, NULL, NULL, &error));
  g_assert_true (chamber_preview_generate (previews, sha, pdf, NULL, &error));
  g_assert_no_error (error);
  return pdf;
}

/* The sets used least recently go first; opening a document makes its set the last to go; a
 * set kept by the caller stays even over the budget; the documents stay whole. */
static void
test_budget_order (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir (NULL);
  g_autofree char *previews = g_build_filename (dir, "previews", NULL);
  const char *texts[] = { "Một", "Hai", "Ba", "Bốn" };
  char shas[4][65];
  char *pdfs[4];
  g_autoptr (GError) error = NULL;
  guint64 sizes[4], budget;
  guint evicted = 99;

  /* A missing folder is within any budget. */
  g_assert_cmpuint (chamber_preview_get_size (previews), ==, 0);
  g_assert_true (chamber_preview_enforce_budget (previews, 0, NULL, &evicted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (evicted, ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      pdfs[i] = add_previewed (dir, previews, texts[i], shas[i]);
      sizes[i] = set_size (previews, shas[i]);
      /* Two pages of raw pixels and their thumbnails: megabytes a set. */
      g_assert_cmpuint (sizes[i], >, 2 * (guint64) CHAMBER_PREVIEW_WIDTH * CHAMBER_PREVIEW_WIDTH * 4);
    }
  g_assert_cmpuint (chamber_preview_get_size (previews), ==,
                    sizes[0] + sizes[1] + sizes[2] + sizes[3]);

  /* The first document is opened: its set is now the most recent. */
  g_assert_true (chamber_preview_touch (previews, shas[0]));
  /* No set, nothing to touch; nor for what is not a hash. */
  g_assert_false (chamber_preview_touch (previews, "1111111111111111111111111111111111111111111111111111111111111111"));
  g_assert_false (chamber_preview_touch (previews, "../previews"));

  /* Room for "Một" and "Bốn" and half another: the two least recently used go, "Hai" then
   * "Ba". */
  budget = sizes[0] + sizes[3] + MIN (sizes[1], sizes[2]) / 2;
  g_assert_true (chamber_preview_enforce_budget (previews, budget, NULL, &evicted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (evicted, ==, 2);
  g_assert_cmpuint (chamber_preview_get_size (previews), <=, budget);
  g_assert_true (chamber_preview_is_complete (previews, shas[0]));
  g_assert_false (chamber_preview_is_complete (previews, shas[1]));
  g_assert_false (chamber_preview_is_complete (previews, shas[2]));
  g_assert_true (chamber_preview_is_complete (previews, shas[3]));
  g_assert_true (chamber_preview_is_evicted (previews, shas[1]));
  g_assert_true (chamber_preview_is_evicted (previews, shas[2]));
  g_assert_false (chamber_preview_is_evicted (previews, shas[0]));
  g_assert_true (only_mark_left (previews, shas[1]));
  g_assert_true (only_mark_left (previews, shas[2]));
  /* An evicted set cannot be touched back to life. */
  g_assert_false (chamber_preview_touch (previews, shas[1]));

  /* Within the budget: nothing more goes. */
  g_assert_true (chamber_preview_enforce_budget (previews, budget, NULL, &evicted, &error));
  g_assert_cmpuint (evicted, ==, 0);

  /* No room at all, but the document being opened keeps its set. */
  {
    const char *keep[] = { shas[3], NULL };

    g_assert_true (chamber_preview_enforce_budget (previews, 0, keep, &evicted, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (evicted, ==, 1);
    g_assert_false (chamber_preview_is_complete (previews, shas[0]));
    g_assert_true (chamber_preview_is_complete (previews, shas[3]));
    g_assert_cmpuint (chamber_preview_get_size (previews), ==, sizes[3]);
  }

  /* Rendered again on purpose, an evicted set is complete and no longer evicted. */
  g_assert_true (chamber_preview_generate (previews, shas[1], pdfs[1], NULL, &error));
  g_assert_true (chamber_preview_is_complete (previews, shas[1]));
  g_assert_false (chamber_preview_is_evicted (previews, shas[1]));

  /* Every document is whole and still opens and renders (without a preview). */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (PopplerDocument) document = chamber_pdf_open (pdfs[i], NULL, &error);
      g_autoptr (PopplerPage) page = NULL;
      cairo_surface_t *surface;

      g_assert_no_error (error);
      g_assert_nonnull (document);
      page = poppler_document_get_page (document, 0);
      surface = chamber_pdf_render_page (page, 1.0, 0, &error);
      g_assert_no_error (error);
      g_assert_nonnull (surface);
      cairo_surface_destroy (surface);
      g_free (pdfs[i]);
    }
  chamber_test_rm_rf (dir);
}

/* What lies in the previews folder that is not a set is left alone: other files, a link named
 * like a hash (to a folder elsewhere, never followed), a "used" mark of garbage; a set that was
 * never completed goes whole, to be rendered again. */
static void
test_budget_hostile (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir (NULL);
  g_autofree char *previews = g_build_filename (dir, "previews", NULL);
  g_autofree char *outside = g_build_filename (dir, "outside", NULL);
  g_autofree char *outside_file = g_build_filename (outside, "precious.pdf", NULL);
  g_autofree char *stray = g_build_filename (previews, "notes.txt", NULL);
  g_autofree char *not_hash = g_build_filename (previews, "not-a-hash", NULL);
  g_autofree char *not_hash_file = g_build_filename (not_hash, "page-1.pixels", NULL);
  const char *link_sha = "2222222222222222222222222222222222222222222222222222222222222222";
  const char *partial_sha = "3333333333333333333333333333333333333333333333333333333333333333";
  g_autofree char *link = g_build_filename (previews, link_sha, NULL);
  g_autofree char *partial = g_build_filename (previews, partial_sha, NULL);
  g_autofree char *partial_file = g_build_filename (partial, "page-1.pixels.tmp", NULL);
  g_autofree char *used = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *big = g_malloc0 (1 << 20);
  g_autoptr (GError) error = NULL;
  char sha[65];
  guint evicted = 0;

  pdf = add_previewed (dir, previews, "Năm", sha);
  g_assert_cmpint (g_mkdir_with_parents (outside, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (not_hash, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (partial, 0700), ==, 0);
  g_assert_true (g_file_set_contents (outside_file, big, 1 << 20, NULL));
  g_assert_true (g_file_set_contents (stray, "x", 1, NULL));
  g_assert_true (g_file_set_contents (not_hash_file, big, 1 << 20, NULL));
  g_assert_true (g_file_set_contents (partial_file, big, 1 << 20, NULL));
  g_assert_cmpint (symlink (outside, link), ==, 0);
  used = g_build_filename (previews, sha, "used", NULL);
  g_assert_true (g_file_set_contents (used, "\xff\xfe not a time", -1, NULL));

  /* The interrupted set counts, and goes first (it has no time of use); then the garbage-marked
   * complete one. */
  g_assert_true (chamber_preview_enforce_budget (previews, 0, NULL, &evicted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (evicted, ==, 1);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_false (chamber_preview_is_evicted (previews, partial_sha));
  g_assert_true (chamber_preview_is_evicted (previews, sha));
  g_assert_cmpuint (chamber_preview_get_size (previews), ==, 0);

  /* Nothing else was touched. */
  g_assert_true (g_file_test (outside_file, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (stray, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (not_hash_file, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  chamber_test_rm_rf (dir);
}

/* A sync of more documents than the budget holds: every document arrives, the previews stay
 * within the budget, the newest are kept, and those evicted are not rendered again. */
static void
test_sync_budget (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  g_autofree char *local = chamber_test_make_temp_dir (NULL);
  g_autofree char *mirror = g_build_filename (local, "mirror", NULL);
  g_autofree char *previews = g_build_filename (mirror, "previews", NULL);
  g_autofree char *scratch = g_build_filename (local, "scratch", NULL);
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberSession) made = NULL;
  g_autoptr (ChamberItem) added = NULL;
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autofree char *blob_dir = g_build_filename (mirror, "blobs", NULL);
  guint64 one = 0, budget;
  guint complete = 0, evicted = 0;

  client = chamber_client_new (server->url, server->admin_token, &error);
  g_assert_no_error (error);
  session->number = 11;
  session->title = g_strdup ("Kỳ họp thứ mười một");
  made = chamber_client_create_session (client, session, NULL, &error);
  g_assert_no_error (error);
  item->session_id = made->id;
  item->title = g_strdup ("Báo cáo");
  added = chamber_client_add_item (client, item, NULL, &error);
  g_assert_no_error (error);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("Báo cáo số %d", i + 1);
      g_autofree char *name = g_strdup_printf ("doc-%d.pdf", i + 1);
      g_autofree char *pdf = g_build_filename (local, name, NULL);
      ChamberDocument *document;

      chamber_test_write_pdf (pdf, 2, text);
      document = chamber_client_publish (client, added->id, pdf, text,
                                         CHAMBER_DOCUMENT_REPORT, NULL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (documents, document);
      /* The size of one set, about that of each (same pages, texts of the same length). */
      if (i == 0)
        {
          g_assert_true (chamber_preview_generate (scratch, document->sha256, pdf, NULL, &error));
          one = chamber_preview_get_size (scratch);
        }
    }
  g_assert_cmpuint (one, >, 0);

  /* Room for two sets and a half. */
  budget = one * 5 / 2;
  sync = chamber_sync_new (server->url, server->admin_token, mirror, &error);
  g_assert_no_error (error);
  chamber_sync_set_preview_budget (sync, budget);
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->documents_fetched, ==, 5);
  g_assert_cmpint (report->documents_previewed, ==, 5);
  g_assert_cmpuint (chamber_preview_get_size (previews), <=, budget);

  blobs = chamber_blob_store_new (blob_dir, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < documents->len; i++)
    {
      ChamberDocument *document = g_ptr_array_index (documents, i);
      g_autofree char *path = chamber_blob_store_path (blobs, document->sha256);
      g_autoptr (PopplerDocument) pdf = NULL;

      complete += chamber_preview_is_complete (previews, document->sha256) ? 1 : 0;
      evicted += chamber_preview_is_evicted (previews, document->sha256) ? 1 : 0;
      /* Eviction takes previews only: every document is held and opens. */
      g_assert_true (chamber_blob_store_has (blobs, document->sha256));
      pdf = chamber_pdf_open (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 2);
    }
  g_assert_cmpuint (complete, ==, 2);
  g_assert_cmpuint (evicted, ==, 3);

  /* The next sync renders none of the evicted again, and the budget still holds. */
  g_clear_pointer (&report, chamber_sync_report_free);
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->documents_previewed, ==, 0);
  g_assert_cmpuint (chamber_preview_get_size (previews), <=, budget);

  /* A budget raised: the evicted come back; a budget of 0: none is kept, none rendered. */
  chamber_sync_set_preview_budget (sync, 10 * one);
  g_clear_pointer (&report, chamber_sync_report_free);
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->documents_previewed, ==, 3);
  for (guint i = 0; i < documents->len; i++)
    g_assert_true (chamber_preview_is_complete (
      previews, ((ChamberDocument *) g_ptr_array_index (documents, i))->sha256));
  chamber_sync_set_preview_budget (sync, 0);
  g_clear_pointer (&report, chamber_sync_report_free);
  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->documents_previewed, ==, 0);
  g_assert_cmpuint (chamber_preview_get_size (previews), ==, 0);
  for (guint i = 0; i < documents->len; i++)
    g_assert_false (chamber_preview_is_complete (
      previews, ((ChamberDocument *) g_ptr_array_index (documents, i))->sha256));

  /* chamberctl sync --previews --preview-budget MIB: room for one set (about 16 MB) of the five,
   * not two. */
  {
    g_autofree char *cli = g_build_filename (local, "cli", NULL);
    g_autofree char *cli_previews = g_build_filename (cli, "previews", NULL);
    const guint64 mib = 24;
    const char *argv[] = { chamber_test_chamberctl_path (), "sync", "--dir", cli, "--server",
                           server->url, "--token", server->admin_token, "--previews",
                           "--preview-budget", "24", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;
    guint kept = 0;

    g_assert_cmpuint (one, <=, mib * 1024 * 1024);
    g_assert_cmpuint (2 * one, >, mib * 1024 * 1024);
    g_assert_cmpint (chamber_test_run (argv, NULL, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "5 documents fetched"));
    g_assert_cmpuint (chamber_preview_get_size (cli_previews), <=, mib * 1024 * 1024);
    for (guint i = 0; i < documents->len; i++)
      kept += chamber_preview_is_complete (cli_previews,
                                           ((ChamberDocument *) g_ptr_array_index (documents,
                                                                                   i))->sha256);
    g_assert_cmpuint (kept, ==, 1);

    /* Values that are not a budget: a clear usage error, nothing synced. */
    {
      const char *bad[] = { "-5", "1048577", "many", "" };

      for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
        {
          g_autofree char *bad_dir = g_build_filename (local, "bad", NULL);
          const char *bad_argv[] = { chamber_test_chamberctl_path (), "sync", "--dir", bad_dir,
                                     "--server", server->url, "--token", server->admin_token,
                                     "--previews", "--preview-budget", bad[i], NULL };

          g_clear_pointer (&out, g_free);
          g_clear_pointer (&err, g_free);
          g_assert_cmpint (chamber_test_run (bad_argv, NULL, &out, &err), ==, 2);
          g_test_message ("--preview-budget %s: %s", bad[i], err);
          g_assert_nonnull (strstr (err, "preview-budget"));
          g_assert_false (g_file_test (bad_dir, G_FILE_TEST_EXISTS));
        }
    }
  }
  chamber_test_rm_rf (local);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/preview/generate", test_generate);
  g_test_add_func ("/preview/hostile", test_hostile);
  g_test_add_func ("/preview/hostile-pixels", test_hostile_pixels);
  g_test_add_func ("/preview/sync", test_sync);
  g_test_add_func ("/preview/budget-order", test_budget_order);
  g_test_add_func ("/preview/budget-hostile", test_budget_hostile);
  g_test_add_func ("/preview/sync-budget", test_sync_budget);
  return g_test_run ();
}
