/* test-cli.c — chamberctl as a script would use it, against a real chamberd: every command's
 * output parsed, exit codes (0 ok, 1 failure, 2 usage), one line of reason on stderr, the
 * environment variables, and --help on each command. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "chamber-blob-store.h"
#include "chamber-hash.h"
#include "chamber-store.h"
#include "chamber-test-util.h"

#define SESSION_TITLE "Kỳ họp thứ 10, HĐND tỉnh khóa X"
#define DOCUMENT_TITLE "Tờ trình về dự toán ngân sách năm 2025"

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs chamberctl with @args (NULL-terminated) and extra environment @env (may be NULL). */
static void
ctl_env (Run *run, const char *const *env, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GPtrArray) envp = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) chamber_test_chamberctl_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* English messages and UTF-8 arguments whatever the machine's locale. */
  g_ptr_array_add (envp, (gpointer) "LC_ALL=C.UTF-8");
  g_ptr_array_add (envp, (gpointer) "LANGUAGE=");
  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    g_ptr_array_add (envp, (gpointer) env[i]);
  g_ptr_array_add (envp, NULL);

  run_clear (run);
  run->status = chamber_test_run ((const char *const *) argv->pdata,
                                  (const char *const *) envp->pdata, &run->out, &run->err);
}

#define CTL(run, ...) ctl_env ((run), NULL, (const char *const[]) { __VA_ARGS__, NULL })
#define CTL_ENV(run, env, ...) \
  ctl_env ((run), (env), (const char *const[]) { __VA_ARGS__, NULL })

static gboolean
is_one_line (const char *text)
{
  const char *newline = text ? strchr (text, '\n') : NULL;

  return newline != NULL && newline != text && newline[1] == '\0';
}

#define assert_one_line(text)                                                   \
  G_STMT_START                                                                  \
  {                                                                             \
    if (!is_one_line (text))                                                    \
      g_error ("expected exactly one line, got “%s”", (text) ? (text) : "(null)"); \
  }                                                                             \
  G_STMT_END

/* The output is a positive number alone on a line. */
static gint64
parse_id (const char *out)
{
  guint64 id = 0;
  g_autofree char *line = g_strdup (out);

  assert_one_line (out);
  g_strchomp (line);
  for (const char *p = line; *p; p++)
    g_assert_true (g_ascii_isdigit (*p));
  g_assert_true (g_ascii_string_to_unsigned (line, 10, 1, G_MAXINT64, &id, NULL));
  return (gint64) id;
}

static char *
id_string (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

typedef struct {
  ChamberTestServer *server;
  char *work_dir;
} Fixture;

static Fixture *
fixture_new (gboolean with_server)
{
  Fixture *fx = g_new0 (Fixture, 1);

  if (with_server)
    fx->server = chamber_test_server_start ();
  fx->work_dir = chamber_test_make_temp_dir ("chamber-cli-test-XXXXXX");
  return fx;
}

static void
fixture_free (Fixture *fx)
{
  chamber_test_server_free (fx->server);
  chamber_test_rm_rf (fx->work_dir);
  g_free (fx->work_dir);
  g_free (fx);
}

static char *
work_path (Fixture *fx, const char *name)
{
  return g_build_filename (fx->work_dir, name, NULL);
}

static char *
write_text_file (Fixture *fx, const char *name, const char *text, gssize len)
{
  char *path = work_path (fx, name);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, text, len, &error);
  g_assert_no_error (error);
  return path;
}

/* Creates a session with one item through chamberctl; returns the item's id. */
static gint64
make_session_and_item (Fixture *fx, gint64 *out_session)
{
  const char *url = fx->server->url, *admin = fx->server->admin_token;
  g_auto (Run) run = { 0 };
  g_autofree char *session = NULL;
  gint64 session_id;

  CTL (&run, "--server", url, "--token", admin, "session", "create", "--number", "10", "--title",
       SESSION_TITLE);
  g_assert_cmpint (run.status, ==, 0);
  session_id = parse_id (run.out);
  session = id_string (session_id);
  CTL (&run, "item", "add", session, "--title", "Báo cáo kinh tế — xã hội", "--server", url,
       "--token", admin);
  g_assert_cmpint (run.status, ==, 0);
  if (out_session)
    *out_session = session_id;
  return parse_id (run.out);
}

static void
test_cli_end_to_end (void)
{
  Fixture *fx = fixture_new (TRUE);
  const char *url = fx->server->url, *admin = fx->server->admin_token;
  g_auto (Run) run = { 0 };
  g_autofree char *session = NULL, *item = NULL, *sub_item = NULL, *delegate = NULL;
  g_autofree char *expected_row = NULL, *token = NULL, *token_env = NULL, *server_env = NULL;
  g_autofree char *pdf_a = work_path (fx, "to-trinh.pdf");
  g_autofree char *pdf_b = work_path (fx, "du-thao.pdf");
  g_autofree char *pdf_c = work_path (fx, "phu-luc-01.pdf");
  g_autofree char *local = work_path (fx, "laptop");
  g_autofree char *db_path = NULL, *blob_dir = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  gint64 session_id, item_id, sub_item_id, delegate_id, bytes_total = 0;
  GStatBuf st;
  int fetched_lines = 0;
  int sessions = -1, fetched = -1, unchanged = -1;
  long long synced_bytes = -1;

  /* Global options before the command. */
  CTL (&run, "--server", url, "--token", admin, "session", "create", "--number", "10", "--title",
       SESSION_TITLE, "--kind", "regular", "--place", "Hội trường tỉnh", "--starts",
       "2024-12-09", "--ends", "2024-12-11");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  session_id = parse_id (run.out);
  session = id_string (session_id);

  /* … and after it. */
  CTL (&run, "session", "list", "--server", url, "--token", admin);
  g_assert_cmpint (run.status, ==, 0);
  expected_row = g_strdup_printf ("%s\t10\t%s\n", session, SESSION_TITLE);
  g_assert_nonnull (strstr (run.out, expected_row));

  CTL (&run, "--server", url, "--token", admin, "item", "add", session, "--title",
       "Báo cáo kinh tế — xã hội", "--minutes", "45");
  g_assert_cmpint (run.status, ==, 0);
  item_id = parse_id (run.out);
  item = id_string (item_id);
  CTL (&run, "--server", url, "--token", admin, "item", "add", session, "--title",
       "Dự toán ngân sách", "--parent", item);
  g_assert_cmpint (run.status, ==, 0);
  sub_item_id = parse_id (run.out);
  g_assert_cmpint (sub_item_id, !=, item_id);
  sub_item = id_string (sub_item_id);

  CTL (&run, "--server", url, "--token", admin, "person", "add", "--name", "Trần Văn Bình",
       "--role", "delegate", "--group", "Tổ đại biểu số 2");
  g_assert_cmpint (run.status, ==, 0);
  delegate_id = parse_id (run.out);
  delegate = id_string (delegate_id);
  CTL (&run, "--server", url, "--token", admin, "person", "add", "--name", "Lê Thị Mai",
       "--role", "official", "--title", "Giám đốc Sở Tài chính", "--agency", "Sở Tài chính");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpint (parse_id (run.out), !=, delegate_id);

  CTL (&run, "--server", url, "--token", admin, "token", "issue", delegate);
  g_assert_cmpint (run.status, ==, 0);
  assert_one_line (run.out);
  token = g_strchomp (g_strdup (run.out));
  g_assert_true (g_str_has_prefix (token, "chm_"));
  g_assert_cmpuint (strlen (token), ==, 4 + 43);

  chamber_test_write_pdf (pdf_a, 3, DOCUMENT_TITLE);
  chamber_test_write_pdf (pdf_b, 2, "Dự thảo nghị quyết");
  CTL (&run, "--server", url, "--token", admin, "publish", item, pdf_a, "--title",
       DOCUMENT_TITLE, "--kind", "submission");
  g_assert_cmpint (run.status, ==, 0);
  parse_id (run.out);
  CTL (&run, "--server", url, "--token", admin, "publish", sub_item, pdf_b, "--kind",
       "draft-resolution", "--title", "Dự thảo nghị quyết");
  g_assert_cmpint (run.status, ==, 0);
  parse_id (run.out);
  /* Without --title (and no title inside the PDF) the document is named after the file. */
  chamber_test_write_pdf (pdf_c, 1, "Phụ lục");
  CTL (&run, "--server", url, "--token", admin, "publish", item, pdf_c);
  g_assert_cmpint (run.status, ==, 0);
  parse_id (run.out);
  for (const char *const *pdf = (const char *const[]) { pdf_a, pdf_b, pdf_c, NULL }; *pdf; pdf++)
    {
      g_assert_cmpint (g_stat (*pdf, &st), ==, 0);
      bytes_total += st.st_size;
    }

  /* A delegate may read but not publish: the server's reason, exit 1. */
  CTL (&run, "--server", url, "--token", token, "publish", item, pdf_a);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_one_line (run.err);

  /* The delegate syncs, with the server and token from the environment. */
  server_env = g_strdup_printf ("CHAMBER_SERVER=%s", url);
  token_env = g_strdup_printf ("CHAMBER_TOKEN=%s", token);
  CTL_ENV (&run, ((const char *const[]) { server_env, token_env, NULL }), "sync", "--dir",
           local);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, ""); /* no progress when stderr is not a terminal */
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "fetched "))
        {
          fetched_lines++;
          if (strstr (lines[i], DOCUMENT_TITLE) != NULL)
            g_assert_true (g_str_has_suffix (lines[i], " bytes, 3 pages)"));
        }
      else if (g_str_has_prefix (lines[i], "synced: "))
        g_assert_cmpint (sscanf (lines[i],
                                 "synced: %d sessions, %d documents fetched, %lld bytes "
                                 "(%d sessions unchanged)",
                                 &sessions, &fetched, &synced_bytes, &unchanged),
                         ==, 4);
    }
  g_assert_nonnull (strstr (run.out, "fetched " DOCUMENT_TITLE " ("));
  g_assert_nonnull (strstr (run.out, "fetched phu-luc-01 ("));
  g_assert_cmpint (fetched_lines, ==, 3);
  g_assert_cmpint (sessions, ==, 1);
  g_assert_cmpint (fetched, ==, 3);
  g_assert_cmpint (unchanged, ==, 0);
  g_assert_cmpint (synced_bytes, ==, bytes_total);

  /* The folder holds the mirror and the very same bytes. */
  db_path = g_build_filename (local, "chamber.db", NULL);
  blob_dir = g_build_filename (local, "blobs", NULL);
  store = chamber_store_open (db_path, &error);
  g_assert_no_error (error);
  blobs = chamber_blob_store_new (blob_dir, &error);
  g_assert_no_error (error);
  documents = chamber_store_list_documents (store, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 3);
  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);
      const char *source = g_str_equal (document->title, DOCUMENT_TITLE) ? pdf_a
                           : g_str_equal (document->title, "phu-luc-01") ? pdf_c
                                                                         : pdf_b;
      g_autofree char *path = chamber_blob_store_path (blobs, document->sha256);
      g_autofree char *expected = NULL, *actual = NULL;
      gsize expected_len = 0, actual_len = 0;

      g_assert_true (chamber_store_is_blob_held (store, document->sha256));
      g_file_get_contents (source, &expected, &expected_len, &error);
      g_assert_no_error (error);
      g_file_get_contents (path, &actual, &actual_len, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (actual, actual_len, expected, expected_len);
    }

  /* Again: nothing to fetch, the session is unchanged. */
  CTL (&run, "sync", "--dir", local, "--session", session, "--server", url, "--token", token);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "fetched "));
  g_assert_nonnull (strstr (run.out, "synced: 1 sessions, 0 documents fetched, 0 bytes "
                                     "(1 sessions unchanged)\n"));

  fixture_free (fx);
}

static void
test_cli_environment (void)
{
  Fixture *fx = fixture_new (TRUE);
  g_autofree char *server_env = g_strdup_printf ("CHAMBER_SERVER=%s", fx->server->url);
  g_autofree char *token_env = g_strdup_printf ("CHAMBER_TOKEN=%s", fx->server->admin_token);
  const char *wrong_token_env = "CHAMBER_TOKEN=chm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  g_auto (Run) run = { 0 };
  gint64 session_id;

  CTL_ENV (&run, ((const char *const[]) { server_env, token_env, NULL }), "session", "create",
           "--number", "11", "--title", "Kỳ họp chuyên đề", "--kind", "thematic");
  g_assert_cmpint (run.status, ==, 0);
  session_id = parse_id (run.out);

  CTL_ENV (&run, ((const char *const[]) { server_env, token_env, NULL }), "session", "list");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\t11\tKỳ họp chuyên đề\n"));
  g_assert_cmpint (g_ascii_strtoll (run.out, NULL, 10), ==, session_id);

  /* The command line wins over the environment. */
  CTL_ENV (&run, ((const char *const[]) { server_env, wrong_token_env, NULL }), "session",
           "list", "--token", fx->server->admin_token);
  g_assert_cmpint (run.status, ==, 0);

  /* A wrong token: the server's reason on one line, exit 1. */
  CTL_ENV (&run, ((const char *const[]) { server_env, wrong_token_env, NULL }), "session",
           "list");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_one_line (run.err);

  fixture_free (fx);
}

static void
test_cli_publish_refused (void)
{
  Fixture *fx = fixture_new (TRUE);
  const char *url = fx->server->url, *admin = fx->server->admin_token;
  g_autofree char *item = id_string (make_session_and_item (fx, NULL));
  g_autofree char *html = write_text_file (fx, "error-page.pdf",
                                           "<html><body>502 Bad Gateway</body></html>\n", -1);
  g_autofree char *empty = write_text_file (fx, "empty.pdf", "", 0);
  g_autofree char *missing = work_path (fx, "missing.pdf");
  g_auto (Run) run = { 0 };

  CTL (&run, "--server", url, "--token", admin, "publish", item, html, "--title", "Trang lỗi");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_one_line (run.err);
  g_assert_true (g_str_has_prefix (run.err, "chamberctl: "));

  CTL (&run, "--server", url, "--token", admin, "publish", item, empty);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);

  CTL (&run, "--server", url, "--token", admin, "publish", item, missing);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);

  /* An item that does not exist. */
  CTL (&run, "--server", url, "--token", admin, "publish", "999999", html);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);

  fixture_free (fx);
}

static void
test_cli_sync_failures (void)
{
  Fixture *fx = fixture_new (TRUE);
  g_autofree char *local = work_path (fx, "laptop");
  g_autofree char *url = g_strdup (fx->server->url);
  g_autofree char *item = id_string (make_session_and_item (fx, NULL));
  g_autofree char *good = work_path (fx, "good.pdf");
  g_autofree char *damaged = work_path (fx, "damaged.pdf");
  g_autofree char *blob_path = NULL, *prefix = NULL, *bytes = NULL;
  char sha256[65];
  gsize len = 0;
  g_autoptr (GError) error = NULL;
  g_auto (Run) run = { 0 };

  CTL (&run, "sync", "--dir", local, "--server", url, "--token",
       "chm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);

  /* One document's file on the server no longer matches its hash: the other is fetched and
   * reported, the run fails with one line of reason. */
  chamber_test_write_pdf (good, 1, "Tốt");
  chamber_test_write_pdf (damaged, 2, "Hỏng");
  CTL (&run, "--server", url, "--token", fx->server->admin_token, "publish", item, good);
  g_assert_cmpint (run.status, ==, 0);
  CTL (&run, "--server", url, "--token", fx->server->admin_token, "publish", item, damaged);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (chamber_sha256_file (damaged, sha256, NULL, NULL, &error));
  g_assert_no_error (error);
  prefix = g_strndup (sha256, 2);
  blob_path = g_build_filename (fx->server->data_dir, "blobs", prefix, sha256, NULL);
  g_file_get_contents (blob_path, &bytes, &len, &error);
  g_assert_no_error (error);
  for (gsize i = len / 2; i < len / 2 + 64; i++)
    bytes[i] = (char) (bytes[i] ^ 0xff);
  g_file_set_contents (blob_path, bytes, (gssize) len, &error);
  g_assert_no_error (error);
  CTL (&run, "sync", "--dir", local, "--server", url, "--token", fx->server->admin_token);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "fetched good ("));
  g_assert_null (strstr (run.out, "fetched damaged"));
  g_assert_nonnull (strstr (run.out, "synced: 1 sessions, 1 documents fetched, "));
  assert_one_line (run.err);

  chamber_test_server_kill (fx->server);
  CTL (&run, "sync", "--dir", local, "--server", url, "--token", fx->server->admin_token);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);

  fixture_free (fx);
}

static void
test_cli_check (void)
{
  Fixture *fx = fixture_new (FALSE);
  g_autofree char *good = work_path (fx, "good.pdf");
  g_autofree char *truncated = NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;
  const char *corpus = chamber_test_corpus_dir ();
  g_autoptr (GPtrArray) bad = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_auto (Run) run = { 0 };

  chamber_test_write_pdf (good, 3, "Báo cáo");
  CTL (&run, "check", good);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "ok: 3 pages\n");
  g_assert_cmpstr (run.err, ==, "");
  /* Global options are accepted (and not needed) after a command that works offline. */
  CTL (&run, "check", good, "--server", "http://127.0.0.1:9", "--token", "chm_unused");
  g_assert_cmpint (run.status, ==, 0);
  CTL (&run, "check", "--help");
  g_assert_null (strstr (run.out, "--server"));

  /* Bad files every checkout has … */
  g_file_get_contents (good, &bytes, &len, &error);
  g_assert_no_error (error);
  g_ptr_array_add (bad, write_text_file (fx, "empty.pdf", "", 0));
  g_ptr_array_add (bad, write_text_file (fx, "page.pdf", "<!DOCTYPE html><html></html>", -1));
  truncated = write_text_file (fx, "truncated.pdf", bytes, (gssize) (len / 3));
  g_ptr_array_add (bad, g_steal_pointer (&truncated));
  g_ptr_array_add (bad, work_path (fx, "does-not-exist.pdf"));

  /* … and the shared corpus, when it is there. */
  if (corpus != NULL)
    {
      g_autofree char *bad_dir = g_build_filename (corpus, "bad", NULL);
      g_autoptr (GDir) dir = g_dir_open (bad_dir, 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (bad_dir, name, NULL);

          /* A valid PDF with a 14400 pt page is hard on a viewer, not damaged: check renders
           * it with a capped surface, as the server's upload check does. It must answer
           * cleanly either way. */
          if (g_str_equal (name, "huge-page.pdf"))
            {
              CTL (&run, "check", path);
              if (!(run.status == 0 && g_str_equal (run.out, "ok: 1 page\n"))
                  && !(run.status == 1 && is_one_line (run.err)))
                g_error ("check %s: exit %d, stdout “%s”, stderr “%s”", path, run.status,
                         run.out, run.err);
              continue;
            }
          g_ptr_array_add (bad, g_steal_pointer (&path));
        }
      g_assert_cmpuint (bad->len, >, 4);
    }
  else
    g_test_message ("no shared corpus: checking only the generated bad files");

  for (guint i = 0; i < bad->len; i++)
    {
      const char *path = g_ptr_array_index (bad, i);

      CTL (&run, "check", path);
      if (run.status == 0 || !is_one_line (run.err))
        g_error ("check %s: exit %d, stderr “%s”", path, run.status, run.err);
      g_assert_cmpstr (run.out, ==, "");
    }

  fixture_free (fx);
}

static void
test_cli_render (void)
{
  Fixture *fx = fixture_new (FALSE);
  g_autofree char *pdf = work_path (fx, "render.pdf");
  g_autofree char *png = work_path (fx, "page-2.png");
  g_auto (Run) run = { 0 };
  cairo_surface_t *image;
  const guint8 *data;
  int width, height, stride;
  gboolean found_ink = FALSE;

  chamber_test_write_pdf (pdf, 2, "Trang");
  CTL (&run, "render", pdf, "--page", "2", "--scale", "0.5", "--out", png);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  /* A4 (595 × 842 pt) at half of 72 dpi. */
  g_assert_cmpint (ABS (width - 298), <=, 1);
  g_assert_cmpint (ABS (height - 421), <=, 1);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < height && !found_ink; y++)
    for (int x = 0; x < width; x++)
      if ((((const guint32 *) (data + (gsize) y * stride))[x] & 0x00ffffff) != 0x00ffffff)
        {
          found_ink = TRUE;
          break;
        }
  g_assert_true (found_ink);
  cairo_surface_destroy (image);

  /* A page the document does not have. */
  CTL (&run, "render", pdf, "--page", "3", "--out", png);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);

  fixture_free (fx);
}

/* The documents of a synced folder's mirror of @session_id. */
static guint
count_mirrored_documents (const char *dir, gint64 session_id)
{
  g_autofree char *db_path = g_build_filename (dir, "chamber.db", NULL);
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;

  store = chamber_store_open (db_path, &error);
  g_assert_no_error (error);
  documents = chamber_store_list_documents (store, session_id, &error);
  g_assert_no_error (error);
  return documents->len;
}

/* publish --access, access set, token issue --expires/--with-id and token revoke. */
/* The line of `chamberctl delivery` that starts with @name, split at tabs. */
static GStrv
delivery_fields (const char *out, const char *name)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], name) && lines[i][strlen (name)] == '\t')
      return g_strsplit (lines[i], "\t", -1);
  g_error ("no delivery line for “%s” in “%s”", name, out);
  return NULL;
}

/* After test_cli_access_and_tokens(): the audit log and the delivery as chamberctl prints them. */
static void
check_audit_and_delivery (Fixture *fx, gint64 session_id, const char *member,
                          const char *outsider_token)
{
  const char *url = fx->server->url, *admin = fx->server->admin_token;
  g_autofree char *session = id_string (session_id);
  g_auto (Run) run = { 0 };
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) member_line = NULL, outsider_line = NULL, absent_line = NULL;
  g_autofree char *issued_for_member = g_strdup_printf ("of person %s (", member);
  guint publishes = 0, access_changes = 0, downloads = 0, issues = 0, revokes = 0;

  /* Someone who never synced. */
  CTL (&run, "--server", url, "--token", admin, "person", "add", "--name", "Đại biểu vắng mặt",
       "--role", "delegate");
  g_assert_cmpint (run.status, ==, 0);

  CTL (&run, "--server", url, "--token", admin, "delivery", session);
  g_assert_cmpint (run.status, ==, 0);
  member_line = delivery_fields (run.out, "Thành viên Ban");
  g_assert_cmpuint (g_strv_length (member_line), ==, 3);
  g_assert_cmpstr (member_line[1], ==, "Ban Kinh tế – Ngân sách");
  g_assert_cmpstr (member_line[2], ==, "2/2 documents");
  /* The outsider fetched the report while it was open to all; now only one is theirs. */
  outsider_line = delivery_fields (run.out, "Người ngoài Ban");
  g_assert_cmpuint (g_strv_length (outsider_line), ==, 3);
  g_assert_cmpstr (outsider_line[2], ==, "1/1 document");
  absent_line = delivery_fields (run.out, "Đại biểu vắng mặt");
  g_assert_cmpuint (g_strv_length (absent_line), ==, 4);
  g_assert_cmpstr (absent_line[1], ==, "-");
  g_assert_cmpstr (absent_line[2], ==, "0/1 document");
  g_assert_cmpstr (absent_line[3], ==, "missing: Công khai");

  /* A delegate may read neither. */
  CTL (&run, "--server", url, "--token", outsider_token, "delivery", session);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  CTL (&run, "--server", url, "--token", outsider_token, "audit");
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  CTL (&run, "--server", url, "--token", admin, "delivery", "0");
  g_assert_cmpint (run.status, ==, 2);
  CTL (&run, "--server", url, "--token", admin, "audit", "--limit", "0");
  g_assert_cmpint (run.status, ==, 2);

  CTL (&run, "--server", url, "--token", admin, "audit");
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_auto (GStrv) fields = g_strsplit (lines[i], "\t", -1);
      g_autoptr (GDateTime) at = NULL;

      g_assert_cmpuint (g_strv_length (fields), ==, 7);
      at = g_date_time_new_from_iso8601 (fields[0], NULL);
      g_assert_nonnull (at);
      if (g_str_equal (fields[1], "publish"))
        {
          publishes++;
          g_assert_cmpstr (fields[2], ==, "Administrator");
          g_assert_cmpstr (fields[5], ==, "1");
        }
      else if (g_str_equal (fields[1], "access"))
        {
          access_changes++;
          g_assert_cmpstr (fields[2], ==, "Administrator");
          g_assert_cmpstr (fields[4], ==, "Báo cáo thẩm tra (mật)");
        }
      else if (g_str_equal (fields[1], "download"))
        {
          downloads++;
          g_assert_true (g_str_equal (fields[2], "Thành viên Ban")
                         || g_str_equal (fields[2], "Người ngoài Ban"));
        }
      else if (g_str_equal (fields[1], "token-issue") && strstr (fields[6], issued_for_member))
        {
          issues++;
          g_assert_cmpstr (fields[2], ==, "Administrator");
        }
      else if (g_str_equal (fields[1], "token-revoke"))
        {
          revokes++;
          g_assert_cmpstr (fields[2], ==, "Administrator");
          g_assert_nonnull (strstr (fields[6], issued_for_member));
        }
    }
  g_assert_cmpuint (publishes, ==, 2);
  g_assert_cmpuint (access_changes, ==, 2);
  /* The outsider: the open document, then the report; the member: both. */
  g_assert_cmpuint (downloads, ==, 4);
  g_assert_cmpuint (issues, ==, 1);
  g_assert_cmpuint (revokes, ==, 1);

  /* --session leaves out the token events; --limit keeps the newest. */
  CTL (&run, "--server", url, "--token", admin, "audit", "--session", session);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "\ttoken-"));
  g_assert_nonnull (strstr (run.out, "\tpublish\t"));
  CTL (&run, "--server", url, "--token", admin, "audit", "--limit", "1");
  g_assert_cmpint (run.status, ==, 0);
  assert_one_line (run.out);
  g_assert_nonnull (strstr (run.out, "\ttoken-revoke\t"));
}

static void
test_cli_access_and_tokens (void)
{
  Fixture *fx = fixture_new (TRUE);
  const char *url = fx->server->url, *admin = fx->server->admin_token;
  g_auto (Run) run = { 0 };
  g_autofree char *item = NULL, *member = NULL, *outsider = NULL, *document = NULL;
  g_autofree char *member_token = NULL, *outsider_token = NULL, *member_token_id = NULL;
  g_autofree char *open_pdf = work_path (fx, "cong-khai.pdf");
  g_autofree char *secret_pdf = work_path (fx, "mat.pdf");
  g_autofree char *member_dir = work_path (fx, "member");
  g_autofree char *outsider_dir = work_path (fx, "outsider");
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *expires = g_date_time_format (tomorrow, "%Y-%m-%dT%H:%M:%SZ");
  g_auto (GStrv) fields = NULL;
  gint64 session_id;

  item = id_string (make_session_and_item (fx, &session_id));
  CTL (&run, "--server", url, "--token", admin, "person", "add", "--name", "Thành viên Ban",
       "--role", "delegate", "--group", "Ban Kinh tế – Ngân sách");
  g_assert_cmpint (run.status, ==, 0);
  member = id_string (parse_id (run.out));
  CTL (&run, "--server", url, "--token", admin, "person", "add", "--name", "Người ngoài Ban",
       "--role", "delegate", "--group", "Tổ đại biểu số 2");
  g_assert_cmpint (run.status, ==, 0);
  outsider = id_string (parse_id (run.out));

  /* --with-id prints the id, a tab and the token; --expires is sent to the server. */
  CTL (&run, "--server", url, "--token", admin, "token", "issue", member, "--with-id",
       "--expires", expires);
  g_assert_cmpint (run.status, ==, 0);
  assert_one_line (run.out);
  g_strchomp (run.out);
  fields = g_strsplit (run.out, "\t", -1);
  g_assert_cmpuint (g_strv_length (fields), ==, 2);
  member_token_id = g_strdup (fields[0]);
  g_assert_true (g_ascii_string_to_unsigned (member_token_id, 10, 1, G_MAXINT64, NULL, NULL));
  member_token = g_strdup (fields[1]);
  g_assert_true (g_str_has_prefix (member_token, "chm_"));
  CTL (&run, "--server", url, "--token", admin, "token", "issue", outsider);
  g_assert_cmpint (run.status, ==, 0);
  outsider_token = g_strchomp (g_strdup (run.out));
  /* An expiry in the past is the server's refusal; one that is not a time, a usage error. */
  CTL (&run, "--server", url, "--token", admin, "token", "issue", outsider, "--expires",
       "2020-01-01T00:00:00Z");
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  CTL (&run, "--server", url, "--token", admin, "token", "issue", outsider, "--expires",
       "tomorrow");
  g_assert_cmpint (run.status, ==, 2);

  chamber_test_write_pdf (open_pdf, 1, "Công khai");
  chamber_test_write_pdf (secret_pdf, 2, "Báo cáo thẩm tra");
  CTL (&run, "--server", url, "--token", admin, "publish", item, open_pdf, "--title",
       "Công khai");
  g_assert_cmpint (run.status, ==, 0);
  parse_id (run.out);
  CTL (&run, "--server", url, "--token", admin, "publish", item, secret_pdf, "--title",
       "Báo cáo thẩm tra (mật)", "--access", "group:Ban Kinh tế – Ngân sách", "--access",
       "person:999");
  g_assert_cmpint (run.status, ==, 0);
  document = id_string (parse_id (run.out));

  /* The outsider syncs one document, the member both. */
  CTL (&run, "--server", url, "--token", outsider_token, "sync", "--dir", outsider_dir);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_null (strstr (run.out, "thẩm tra"));
  g_assert_cmpuint (count_mirrored_documents (outsider_dir, session_id), ==, 1);
  CTL (&run, "--server", url, "--token", member_token, "sync", "--dir", member_dir);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "fetched Báo cáo thẩm tra (mật) ("));
  g_assert_cmpuint (count_mirrored_documents (member_dir, session_id), ==, 2);

  /* A delegate may not change access: the server's reason, exit 1. */
  CTL (&run, "--server", url, "--token", outsider_token, "access", "set", document, "--access",
       "all");
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  assert_one_line (run.err);

  /* The secretariat opens it to all; the outsider gets it at the next sync. */
  CTL (&run, "--server", url, "--token", admin, "access", "set", document, "--access", "all");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "all\n");
  CTL (&run, "--server", url, "--token", outsider_token, "sync", "--dir", outsider_dir);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "fetched Báo cáo thẩm tra (mật) ("));
  g_assert_cmpuint (count_mirrored_documents (outsider_dir, session_id), ==, 2);
  CTL (&run, "--server", url, "--token", admin, "access", "set", document, "--access",
       "group:Ban Kinh tế – Ngân sách", "--access", "person:1");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "group:Ban Kinh tế – Ngân sách\nperson:1\n");
  CTL (&run, "--server", url, "--token", admin, "access", "set", "9999", "--access", "all");
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);

  /* Revoking the member's token: refused at once. */
  CTL (&run, "--server", url, "--token", member_token, "session", "list");
  g_assert_cmpint (run.status, ==, 0);
  CTL (&run, "--server", url, "--token", outsider_token, "token", "revoke", member_token_id);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  CTL (&run, "--server", url, "--token", admin, "token", "revoke", member_token_id);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  CTL (&run, "--server", url, "--token", member_token, "session", "list");
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);
  CTL (&run, "--server", url, "--token", admin, "token", "revoke", "99999");
  g_assert_cmpint (run.status, ==, 1);
  assert_one_line (run.err);

  check_audit_and_delivery (fx, session_id, member, outsider_token);
  fixture_free (fx);
}

static void
test_cli_usage_errors (void)
{
  const char *const no_server[] = { "CHAMBER_SERVER=", "CHAMBER_TOKEN=", NULL };
  const char *const *cases[] = {
    (const char *const[]) { NULL },
    (const char *const[]) { "frobnicate", NULL },
    (const char *const[]) { "--frobnicate", "session", "list", NULL },
    (const char *const[]) { "session", NULL },
    (const char *const[]) { "session", "delete", NULL },
    (const char *const[]) { "session", "create", "--title", "T", "--server", "http://127.0.0.1:9",
                            "--token", "chm_x", NULL },
    (const char *const[]) { "session", "create", "--number", "1", "--title", "T", "--kind",
                            "weekly", NULL },
    (const char *const[]) { "session", "create", "--number", "1", "--title", "T", "--starts",
                            "9/12/2024", NULL },
    (const char *const[]) { "session", "create", "--number", "ten", "--title", "T", NULL },
    (const char *const[]) { "session", "list", "--bogus", NULL },
    (const char *const[]) { "session", "list", "extra", NULL },
    (const char *const[]) { "item", "add", "--title", "T", NULL },
    (const char *const[]) { "item", "add", "abc", "--title", "T", NULL },
    (const char *const[]) { "item", "add", "1", NULL },
    (const char *const[]) { "person", "add", "--name", "N", NULL },
    (const char *const[]) { "person", "add", "--name", "N", "--role", "king", NULL },
    (const char *const[]) { "token", "issue", NULL },
    (const char *const[]) { "token", "issue", "1", "--expires", "30/6/2025", NULL },
    (const char *const[]) { "token", "revoke", NULL },
    (const char *const[]) { "token", "revoke", "abc", NULL },
    (const char *const[]) { "access", NULL },
    (const char *const[]) { "access", "set", NULL },
    (const char *const[]) { "access", "set", "1", NULL },
    (const char *const[]) { "access", "set", "1", "--access", "everyone", NULL },
    (const char *const[]) { "access", "set", "1", "--access", "person:0", NULL },
    (const char *const[]) { "publish", "1", "a.pdf", "--access", "group:", NULL },
    (const char *const[]) { "publish", "1", NULL },
    (const char *const[]) { "publish", "1", "a.pdf", "--kind", "poem", NULL },
    (const char *const[]) { "sync", NULL },
    (const char *const[]) { "sync", "--dir", "/tmp/x", "--session", "-4", NULL },
    (const char *const[]) { "check", NULL },
    (const char *const[]) { "check", "a.pdf", "b.pdf", NULL },
    (const char *const[]) { "render", "a.pdf", "--page", "1", NULL },
    (const char *const[]) { "render", "a.pdf", "--out", "a.png", NULL },
    (const char *const[]) { "render", "a.pdf", "--page", "1", "--scale", "0", "--out", "a.png",
                            NULL },
    /* No server and no token anywhere. */
    (const char *const[]) { "session", "list", NULL },
    (const char *const[]) { "sync", "--dir", "/tmp/x", NULL },
  };
  g_auto (Run) run = { 0 };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) cases[i]);

      ctl_env (&run, no_server, cases[i]);
      if (run.status != 2 || !is_one_line (run.err))
        g_error ("chamberctl %s: exit %d, stderr “%s”", joined, run.status, run.err);
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_cli_help (void)
{
  const char *const *cases[] = {
    (const char *const[]) { "--help", NULL },
    (const char *const[]) { "session", "--help", NULL },
    (const char *const[]) { "session", "create", "--help", NULL },
    (const char *const[]) { "session", "list", "--help", NULL },
    (const char *const[]) { "item", "add", "--help", NULL },
    (const char *const[]) { "person", "add", "--help", NULL },
    (const char *const[]) { "token", "issue", "--help", NULL },
    (const char *const[]) { "token", "revoke", "--help", NULL },
    (const char *const[]) { "access", "set", "--help", NULL },
    (const char *const[]) { "publish", "--help", NULL },
    (const char *const[]) { "sync", "--help", NULL },
    (const char *const[]) { "check", "--help", NULL },
    (const char *const[]) { "render", "--help", NULL },
  };
  g_auto (Run) run = { 0 };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *joined = g_strjoinv (" ", (char **) cases[i]);

      ctl_env (&run, NULL, cases[i]);
      if (run.status != 0 || strstr (run.out, "Usage:") == NULL)
        g_error ("chamberctl %s: exit %d, stdout “%s”", joined, run.status, run.out);
    }

  /* The top-level help lists the commands; each command's help lists its options. */
  CTL (&run, "--help");
  g_assert_nonnull (strstr (run.out, "session create"));
  g_assert_nonnull (strstr (run.out, "token issue"));
  g_assert_nonnull (strstr (run.out, "render"));
  CTL (&run, "publish", "--help");
  g_assert_nonnull (strstr (run.out, "--kind"));
  g_assert_nonnull (strstr (run.out, "--access"));
  g_assert_nonnull (strstr (run.out, "--server"));
  CTL (&run, "render", "--help");
  g_assert_nonnull (strstr (run.out, "--scale"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Only what each test passes explicitly reaches chamberctl. */
  g_unsetenv ("CHAMBER_SERVER");
  g_unsetenv ("CHAMBER_TOKEN");

  g_test_add_func ("/cli/end-to-end", test_cli_end_to_end);
  g_test_add_func ("/cli/environment", test_cli_environment);
  g_test_add_func ("/cli/publish-refused", test_cli_publish_refused);
  g_test_add_func ("/cli/access-and-tokens", test_cli_access_and_tokens);
  g_test_add_func ("/cli/sync-failures", test_cli_sync_failures);
  g_test_add_func ("/cli/check", test_cli_check);
  g_test_add_func ("/cli/render", test_cli_render);
  g_test_add_func ("/cli/usage-errors", test_cli_usage_errors);
  g_test_add_func ("/cli/help", test_cli_help);

  return g_test_run ();
}
