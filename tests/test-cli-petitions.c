/* test-cli-petitions.c — `chamberctl petition …` and `chamberctl supervision …` against a real
 * chamberd: a Windows-1258 spreadsheet checked with --dry-run then imported, a broken one
 * reported line by line, listing with filters, status changes and an answer PDF (a false one
 * refused with nothing changed), draws that repeat with their seed, assignment to a delegate
 * group whose member records a finding with a photo, the recommendation and the monthly report
 * written to files, and the usage errors with their exit codes (0 done, 1 refused, 2 usage). */
#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "chamber-pdf.h"
#include "chamber-test-util.h"

typedef struct {
  ChamberTestServer *server;
  char              *secretariat;
  char              *member;
  char              *outsider;
  char              *dir;
} Cli;

static int
ctl_v (Cli        *cli,
       const char *token,
       char      **out,
       char      **err,
       va_list     args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *server_env = g_strdup_printf ("CHAMBER_SERVER=%s", cli->server->url);
  g_autofree char *token_env = g_strdup_printf ("CHAMBER_TOKEN=%s", token);
  const char *env[] = { server_env, token_env, "LANGUAGE=C", NULL };
  const char *arg;

  g_ptr_array_add (argv, (gpointer) chamber_test_chamberctl_path ());
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);
  return chamber_test_run ((const char *const *) argv->pdata, env, out, err);
}

/* Runs chamberctl with @token and the arguments after it; returns the exit status. */
static int
ctl (Cli        *cli,
     const char *token,
     char      **out,
     char      **err,
     ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = ctl_v (cli, token, out, err, args);
  va_end (args);
  return status;
}

static char *
ctl_ok (Cli        *cli,
        const char *token,
        ...)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list args;
  int status;

  va_start (args, token);
  status = ctl_v (cli, token, &out, &err, args);
  va_end (args);
  if (status != 0)
    g_error ("chamberctl failed (%d): %s%s", status, out, err);
  return out;
}

static char *
add_person (Cli        *cli,
            const char *name,
            const char *role,
            const char *group)
{
  g_autofree char *id = ctl_ok (cli, cli->server->admin_token, "person", "add", "--name", name,
                                "--role", role, "--group", group, NULL);
  char *token = ctl_ok (cli, cli->server->admin_token, "token", "issue", g_strstrip (id), NULL);

  return g_strstrip (token);
}

static Cli *
cli_new (void)
{
  Cli *cli = g_new0 (Cli, 1);

  cli->server = chamber_test_server_start ();
  cli->dir = chamber_test_make_temp_dir ("chamber-cli-petitions-XXXXXX");
  cli->secretariat = add_person (cli, "Chánh Văn phòng", "secretariat", "Văn phòng");
  cli->member = add_person (cli, "Đại biểu Lê Thị Hoa", "delegate", "Tổ đại biểu số 3");
  cli->outsider = add_person (cli, "Đại biểu Trần Văn Nam", "delegate", "Tổ đại biểu số 4");
  return cli;
}

static void
cli_free (Cli *cli)
{
  chamber_test_server_free (cli->server);
  chamber_test_rm_rf (cli->dir);
  g_free (cli->dir);
  g_free (cli->secretariat);
  g_free (cli->member);
  g_free (cli->outsider);
  g_free (cli);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Cli, cli_free)

static char *
write_file (Cli        *cli,
            const char *name,
            const char *data,
            gssize      length)
{
  char *path = g_build_filename (cli->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

static guint
count_lines (const char *text)
{
  guint lines = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    lines += *p == '\n';
  return lines;
}

static gboolean
pdf_contains (const char *path,
              const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) document = chamber_pdf_open (path, NULL, &error);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_auto (GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\r\n", -1);
      g_autoptr (GString) flat = g_string_new (NULL);

      /* A cell's text wraps: compare with every run of spaces and line breaks as one space. */
      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0')
          g_string_append_printf (flat, "%s%s", flat->len > 0 ? " " : "", words[w]);
      if (strstr (flat->str, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The petition ids of the sample lines a draw printed (column 4), in order. */
static char *
drawn_petitions (const char *output)
{
  g_auto (GStrv) lines = g_strsplit (output, "\n", -1);
  GString *ids = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[i], "\t", -1);

      if (g_strv_length (cells) >= 8)
        g_string_append_printf (ids, "%s:%s ", cells[2], cells[3]);
    }
  return g_string_free (ids, FALSE);
}

static const char *spreadsheet =
  "Nội dung kiến nghị;Lĩnh vực;Cơ quan giải quyết;Trạng thái;Ngày tiếp xúc;Tổ đại biểu\r\n"
  "\"Đề nghị cải tạo hệ thống thoát nước khu dân cư phường Phước Trung\";Xây dựng;"
  "Sở Xây dựng;Đã giải quyết;12/05/2026;Tổ đại biểu số 3\r\n"
  "\"Đề nghị có chính sách hỗ trợ ngư dân đóng tàu vỏ thép\";Nông nghiệp;"
  "Sở Nông nghiệp và Phát triển nông thôn;đã giải quyết;12/05/2026;Tổ đại biểu số 3\r\n"
  "\"Cử tri đề nghị tăng cường kiểm tra an toàn thực phẩm tại chợ Long Hải\";Y tế;Sở Y tế;"
  "đã giải quyết;13/05/2026;Tổ đại biểu số 4\r\n"
  "\"Đề nghị xây dựng nhà văn hóa ấp Bắc\";Văn hóa;Sở Văn hóa, Thể thao và Du lịch;"
  "đã trả lời;13/05/2026;Tổ đại biểu số 4\r\n";

static void
test_petition_commands (void)
{
  g_autoptr (Cli) cli = cli_new ();
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  g_autofree char *ansi = g_convert (spreadsheet, -1, "WINDOWS-1258", "UTF-8", NULL, &length,
                                     &error);
  g_autofree char *csv = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *pdf = g_build_filename (cli->dir, "answer.pdf", NULL);
  g_autofree char *fake = NULL;

  g_assert_no_error (error);
  csv = write_file (cli, "kien-nghi.csv", ansi, (gssize) length);

  /* A dry run reads the encoding and saves nothing. */
  out = ctl_ok (cli, cli->secretariat, "petition", "import", csv, "--dry-run", NULL);
  g_assert_nonnull (strstr (out, "windows-1258"));
  g_assert_nonnull (strstr (out, "4 valid rows"));
  g_assert_nonnull (strstr (out, "nothing was saved"));
  g_clear_pointer (&out, g_free);
  out = ctl_ok (cli, cli->secretariat, "petition", "list", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);

  out = ctl_ok (cli, cli->secretariat, "petition", "import", csv, NULL);
  g_assert_nonnull (strstr (out, "4 petitions saved"));
  g_clear_pointer (&out, g_free);
  out = ctl_ok (cli, cli->member, "petition", "list", NULL);
  g_assert_cmpuint (count_lines (out), ==, 4);
  g_assert_nonnull (strstr (out, "Đề nghị xây dựng nhà văn hóa ấp Bắc"));
  g_clear_pointer (&out, g_free);
  out = ctl_ok (cli, cli->member, "petition", "list", "--status", "resolved", "--agency",
                "SỞ Y TẾ", NULL);
  g_assert_cmpuint (count_lines (out), ==, 1);
  g_assert_true (g_str_has_prefix (out, "3\tresolved\tSở Y tế\t"));
  g_clear_pointer (&out, g_free);
  out = ctl_ok (cli, cli->member, "petition", "list", "--status", "đã trả lời", NULL);
  g_assert_cmpuint (count_lines (out), ==, 1);
  g_clear_pointer (&out, g_free);

  /* A broken file: every problem by line, exit 1. */
  broken = write_file (cli, "broken.csv",
                       "content,status\n\"Đề nghị tốt\",resolved\n,resolved\n\"X\",maybe\n", -1);
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "petition", "import", broken,
                        "--dry-run", NULL), ==, 1);
  g_assert_nonnull (strstr (out, "line 3: The content of the petition is empty."));
  g_assert_nonnull (strstr (out, "line 4: The status “maybe” is unknown"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Status and answer; a false PDF changes nothing. */
  fake = write_file (cli, "fake.pdf", "%PDF-1.4\ngarbage", -1);
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "petition", "set", "4", "--status",
                        "resolved", "--answer", fake, NULL), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_nonnull (strstr (err, "chamberctl: "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = ctl_ok (cli, cli->secretariat, "petition", "list", "--status", "answered", NULL);
  g_assert_true (g_str_has_prefix (out, "4\tanswered\t"));
  g_clear_pointer (&out, g_free);
  chamber_test_write_pdf (pdf, 1, "Công văn trả lời");
  out = ctl_ok (cli, cli->secretariat, "petition", "set", "4", "--status", "resolved",
                "--answer", pdf, "--note", "Đã khởi công", NULL);
  g_assert_true (g_str_has_prefix (out, "4\tresolved\t"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (ctl (cli, cli->member, &out, &err, "petition", "set", "4", "--status",
                        "unresolved", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Usage errors. */
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "petition", "set", "4", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "petition", "list", "--status",
                        "done", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "petition", "set", "../1",
                        "--status", "resolved", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "petition", "import",
                        "/nonexistent.csv", NULL), ==, 2);
}

static void
write_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 48);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.6, 0.4, 0.2);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_supervision_commands (void)
{
  g_autoptr (Cli) cli = cli_new ();
  g_autofree char *csv = write_file (cli, "kien-nghi.csv", spreadsheet, -1);
  g_autofree char *photo = g_build_filename (cli->dir, "hien-truong.png", NULL);
  g_autofree char *rec = g_build_filename (cli->dir, "kien-nghi-ubnd.pdf", NULL);
  g_autofree char *report_csv = g_build_filename (cli->dir, "bao-cao.csv", NULL);
  g_autofree char *report_pdf = g_build_filename (cli->dir, "bao-cao.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *again = NULL;
  g_autofree char *err = NULL;
  g_autofree char *first_ids = NULL;
  g_autofree char *again_ids = NULL;
  g_autofree char *month = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_auto (GStrv) cells = NULL;

  g_free (ctl_ok (cli, cli->secretariat, "petition", "import", csv, NULL));

  /* The same seed draws the same petitions. */
  out = ctl_ok (cli, cli->secretariat, "supervision", "draw", "--status", "resolved", "--size",
                "2", "--seed", "77", NULL);
  again = ctl_ok (cli, cli->secretariat, "supervision", "draw", "--status", "resolved",
                  "--size", "2", "--seed", "77", NULL);
  g_assert_nonnull (strstr (out, "seed 77, algorithm splitmix64-fisher-yates/1, 3 candidates, "
                                 "2 drawn"));
  first_ids = drawn_petitions (out);
  again_ids = drawn_petitions (again);
  g_assert_cmpstr (first_ids, ==, again_ids);
  g_assert_cmpuint (strlen (first_ids), >, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&again, g_free);
  g_clear_pointer (&first_ids, g_free);
  g_clear_pointer (&again_ids, g_free);

  /* Without a seed one is chosen and printed, and repeats the draw. */
  out = ctl_ok (cli, cli->secretariat, "supervision", "draw", "--status", "resolved", "--share",
                "67", "--by", "agency", NULL);
  g_assert_nonnull (strstr (out, "3 drawn"));
  g_assert_nonnull (strstr (out, "Stratum Sở Y tế: 1 of 1"));
  {
    const char *start = strstr (out, "seed ") + strlen ("seed ");

    seed = g_strndup (start, strcspn (start, ","));
  }
  again = ctl_ok (cli, cli->secretariat, "supervision", "draw", "--status", "resolved",
                  "--share", "67", "--by", "agency", "--seed", seed, NULL);
  first_ids = drawn_petitions (out);
  again_ids = drawn_petitions (again);
  g_assert_cmpstr (first_ids, ==, again_ids);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&again, g_free);

  /* Usage errors and refusals. */
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "supervision", "draw", "--size", "2",
                        NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "supervision", "draw", "--status",
                        "resolved", "--size", "2", "--share", "10", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "supervision", "draw", "--status",
                        "resolved", "--size", "2", "--by", "mood", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "supervision", "draw", "--status",
                        "resolved", "--size", "2", "--seed", "x1", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctl (cli, cli->member, &out, &err, "supervision", "draw", "--status",
                        "resolved", "--size", "2", NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "supervision", "draw", "--status",
                        "unresolved", "--size", "2", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "nothing to draw"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Sample 1 (of draw 1) to Tổ đại biểu số 3, whose member finds it not resolved. */
  out = ctl_ok (cli, cli->secretariat, "supervision", "assign", "1", "--group",
                "Tổ đại biểu số 3", NULL);
  g_assert_nonnull (strstr (out, "\tTổ đại biểu số 3\t-\t"));
  g_clear_pointer (&out, g_free);
  write_png (photo);
  g_assert_cmpint (ctl (cli, cli->outsider, &out, &err, "supervision", "finding", "1",
                        "--result", "confirmed", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "assigned to"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = ctl_ok (cli, cli->member, "supervision", "finding", "1", "--result", "not-resolved",
                "--note", "Kiểm tra thực tế: công trình chưa triển khai", "--evidence", photo,
                NULL);
  g_assert_nonnull (strstr (out, "\tnot-resolved\t"));
  cells = g_strsplit (out, "\t", -1);
  g_clear_pointer (&out, g_free);

  /* The member sees only their sample; the petition is in progress again. */
  out = ctl_ok (cli, cli->member, "supervision", "list", NULL);
  g_assert_cmpuint (count_lines (out), ==, 1);
  g_clear_pointer (&out, g_free);
  out = ctl_ok (cli, cli->outsider, "supervision", "list", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  out = ctl_ok (cli, cli->secretariat, "petition", "list", "--status", "in-progress", NULL);
  g_assert_cmpuint (count_lines (out), ==, 1);
  g_assert_true (g_str_has_prefix (out, cells[3]));
  g_clear_pointer (&out, g_free);

  /* The recommendation lists it, with the finding. */
  g_free (ctl_ok (cli, cli->secretariat, "supervision", "recommendation", "--out", rec, NULL));
  g_assert_true (pdf_contains (rec, "công trình chưa triển khai"));
  g_assert_cmpint (ctl (cli, cli->member, &out, &err, "supervision", "recommendation", "--out",
                        rec, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "supervision", "recommendation",
                        NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The monthly report, as CSV and PDF. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

    month = g_date_time_format (now, "%Y-%m");
  }
  g_free (ctl_ok (cli, cli->member, "petition", "report", "--month", month, "--format", "csv",
                  "--out", report_csv, NULL));
  g_assert_true (g_file_get_contents (report_csv, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 7);  /* header, 4 agencies, total, "" */
  g_assert_nonnull (strstr (lines[5], "\"Total\",4,0,0,1,1,2,0,"));
  g_free (ctl_ok (cli, cli->secretariat, "petition", "report", "--month", month, "--out",
                  report_pdf, NULL));
  g_assert_true (pdf_contains (report_pdf, "Sở Xây dựng"));
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "petition", "report", "--month",
                        month, "--format", "doc", "--out", report_pdf, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (ctl (cli, cli->secretariat, &out, &err, "petition", "report", "--out",
                        report_pdf, NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-petitions/petition", test_petition_commands);
  g_test_add_func ("/cli-petitions/supervision", test_supervision_commands);
  return g_test_run ();
}
