/* test-preview.c — the instant-open previews rendered when a document arrives by sync. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

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

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/preview/generate", test_generate);
  g_test_add_func ("/preview/hostile", test_hostile);
  g_test_add_func ("/preview/hostile-pixels", test_hostile_pixels);
  g_test_add_func ("/preview/sync", test_sync);
  return g_test_run ();
}
