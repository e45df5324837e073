/* test-cli-report.c — issue 9 from the command line against a real chamberd: a sitting run
 * with `chamberctl live …`; `chamberctl commitments due` (the overdue one listed, the far one
 * not), `commitments set --evidence` with a real PNG and a refused text file, `commitments
 * history`, `commitments carry --to` (idempotent after the carry on creation); `report criteria
 * set`, `attendance set` and `report delegates --term T --format csv|pdf --out FILE` — every
 * score of the CSV recomputed here from the values and weights it prints, the PDF opened with
 * poppler — what a delegate may see, and the usage errors with their exit codes (0 done,
 * 1 refused or failed, 2 bad usage). */
#include "config.h"

#include <cairo.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "chamber-pdf.h"
#include "chamber-protocol.h"
#include "chamber-test-util.h"

typedef struct {
  ChamberTestServer *server;
  char              *chair;
  char              *delegate;
  char              *secretariat;
  char              *dir;
} Cli;

/* chamberctl against the test's server (chamber-test-util.h). */
#define ctl(cli, ...)    chamber_test_ctl ((cli)->server, __VA_ARGS__)
#define ctl_ok(cli, ...) chamber_test_ctl_ok ((cli)->server, __VA_ARGS__)

static char *
add_person (Cli *cli, const char *name, const char *role, const char *group, char **out_token)
{
  return chamber_test_ctl_add_person (cli->server, name, role, group, out_token);
}

/* The fields of one CSV line (every field quoted, no quote inside in this test's data). */
static GStrv
csv_fields (const char *line)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  const char *p = line;

  while (*p == '"')
    {
      const char *end = strchr (p + 1, '"');

      g_assert_nonnull (end);
      g_autofree char *field = g_strndup (p + 1, end - p - 1);

      g_strv_builder_add (builder, field);
      p = end + 1;
      if (*p == ',')
        p++;
    }
  return g_strv_builder_end (builder);
}

/* "12.3" or "2.50" as an integer in units of 10^-@decimals. */
static gint64
fixed (const char *text, int decimals)
{
  g_auto (GStrv) parts = g_strsplit (text, ".", 2);
  gint64 value = g_ascii_strtoll (parts[0], NULL, 10);
  int given = parts[1] != NULL ? (int) strlen (parts[1]) : 0;

  g_assert_cmpint (given, ==, decimals);
  for (int i = 0; i < decimals; i++)
    value *= 10;
  return value + (parts[1] != NULL ? g_ascii_strtoll (parts[1], NULL, 10) : 0);
}

static void
test_cli_report (void)
{
  Cli cli = { 0 };
  g_autofree char *session = NULL, *item = NULL, *official = NULL, *delegate_id = NULL;
  g_autofree char *chair_id = NULL, *secretariat_id = NULL, *next = NULL, *out = NULL;
  g_autofree char *err = NULL, *overdue = NULL, *far = NULL, *png_path = NULL;
  g_autofree char *txt_path = NULL, *csv_path = NULL, *pdf_path = NULL, *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  GStrv weight_row = NULL;
  guint delegate_rows = 0;
  int status;

  cli.server = chamber_test_server_start ();
  cli.dir = chamber_test_make_temp_dir ("chamber-cli-report-XXXXXX");
  session = ctl_ok (&cli, cli.server->admin_token, "session", "create", "--number", "3",
                    "--title", "Kỳ họp thứ ba", "--starts", "2026-12-08", NULL);
  item = ctl_ok (&cli, cli.server->admin_token, "item", "add", session, "--title", "Chất vấn",
                 NULL);
  chair_id = add_person (&cli, "Chủ tọa", "chair", "Tổ đại biểu số 1", &cli.chair);
  delegate_id = add_person (&cli, "Huỳnh Thị Mai", "delegate", "Tổ đại biểu số 2",
                            &cli.delegate);
  secretariat_id = add_person (&cli, "Văn phòng", "secretariat", "Văn phòng", &cli.secretariat);
  official = ctl_ok (&cli, cli.server->admin_token, "person", "add", "--name", "Bùi Văn Tâm",
                     "--role", "official", "--title", "Giám đốc Sở Xây dựng", NULL);

  g_free (ctl_ok (&cli, cli.chair, "live", "open-item", item, NULL));
  g_free (ctl_ok (&cli, cli.delegate, "live", "request", item, "--kind", "question", "--to",
                  official, "--topic", "Nhà ở xã hội", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "grant", "1", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "end", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "answer", "1", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "end", NULL));
  g_free (ctl_ok (&cli, cli.secretariat, "live", "commit", "2", "--owner", official, "--due",
                  "2021-06-30", "Khởi công 500 căn nhà ở xã hội", NULL));
  g_free (ctl_ok (&cli, cli.secretariat, "live", "commit", "2", "--owner", official, "--due",
                  "2999-01-01", "Hoàn thành quy hoạch phân khu", NULL));

  /* Reminders: the overdue one; the far one is not due within 14 days. */
  out = ctl_ok (&cli, cli.delegate, "commitments", "due", NULL);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (out, "\toverdue\t2021-06-30\t-"));
  g_assert_nonnull (strstr (out, "Khởi công 500 căn nhà ở xã hội"));
  overdue = g_strndup (out, strcspn (out, "\t"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&lines, g_strfreev);
  out = ctl_ok (&cli, cli.delegate, "commitments", "--status", "open", NULL);
  far = g_strndup (out, strcspn (out, "\t"));
  g_clear_pointer (&out, g_free);

  /* A status update with a real PNG as evidence; a text file refused. */
  png_path = g_build_filename (cli.dir, "anh-cong-truong.png", NULL);
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 30);

    g_assert_cmpint (cairo_surface_write_to_png (surface, png_path), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
  }
  out = ctl_ok (&cli, cli.secretariat, "commitments", "set", overdue, "--status", "in-progress",
                "--note", "Đã giải phóng mặt bằng", "--evidence", png_path, NULL);
  g_assert_nonnull (strstr (out, "\toverdue\t"));
  g_assert_nonnull (strstr (out, "(Đã giải phóng mặt bằng)"));
  g_clear_pointer (&out, g_free);
  txt_path = g_build_filename (cli.dir, "ghi-chu.txt", NULL);
  g_assert_true (g_file_set_contents (txt_path, "không phải ảnh", -1, NULL));
  status = ctl (&cli, cli.secretariat, NULL, &err, "commitments", "set", overdue, "--status",
                "done", "--evidence", txt_path, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "PDF, PNG or JPEG"));
  g_clear_pointer (&err, g_free);
  status = ctl (&cli, cli.delegate, NULL, &err, "commitments", "set", overdue, "--status",
                "done", "--evidence", png_path, NULL);
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&err, g_free);
  out = ctl_ok (&cli, cli.delegate, "commitments", "history", overdue, NULL);
  g_assert_nonnull (strstr (out, "\tin-progress\tVăn phòng\timage/png "));
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&out, g_free);

  /* Session 4 gets the follow-up item on creation; carrying again finds it. */
  next = ctl_ok (&cli, cli.server->admin_token, "session", "create", "--number", "4", "--title",
                 "Kỳ họp thứ tư", NULL);
  out = ctl_ok (&cli, cli.secretariat, "commitments", "carry", "--to", next, NULL);
  g_assert_true (g_str_has_suffix (out, "\t2\texisting"));
  g_clear_pointer (&out, g_free);
  out = ctl_ok (&cli, cli.secretariat, "commitments", "carry", "--to", session, NULL);
  g_assert_cmpstr (out, ==, "Nothing to carry: every commitment of earlier sessions is done.");
  g_clear_pointer (&out, g_free);

  /* Weights and attendance. */
  out = ctl_ok (&cli, cli.secretariat, "report", "criteria", "set", "--questions", "4",
                "--speaking-minutes", "0.25", NULL);
  g_assert_nonnull (strstr (out, "questions\t4.00\t3.00\t"));
  g_assert_nonnull (strstr (out, "speaking_minutes\t0.25\t0.50\t"));
  g_clear_pointer (&out, g_free);
  g_free (ctl_ok (&cli, cli.secretariat, "attendance", "set", session, "--day", "2026-12-08",
                  "--present", delegate_id, NULL));

  /* The CSV: every score is Σ weight × value of the row, with the weights of the last row. */
  csv_path = g_build_filename (cli.dir, "hoat-dong.csv", NULL);
  g_free (ctl_ok (&cli, cli.secretariat, "report", "delegates", "--term", "2021-2026",
                  "--format", "csv", "--out", csv_path, NULL));
  g_assert_true (g_file_get_contents (csv_path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  lines = g_strsplit (contents + 3, "\r\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "\"weight\""))
      weight_row = csv_fields (lines[i]);
  g_assert_nonnull (weight_row);
  for (guint i = 1; lines[i] != NULL && *lines[i] != '\0'; i++)
    {
      g_auto (GStrv) fields = csv_fields (lines[i]);
      gint64 score = 0;

      g_assert_cmpuint (g_strv_length (fields), ==, 11);
      if (g_str_equal (fields[0], "weight"))
        continue;
      for (int c = 0; c < 6; c++)
        score += fixed (weight_row[4 + c], 2) * (c == 3 ? fixed (fields[4 + c], 1)
                                                        : g_ascii_strtoll (fields[4 + c], NULL,
                                                                           10) * 10);
      g_assert_cmpint (fixed (fields[10], 3), ==, score);
      if (g_str_equal (fields[0], "delegate") && g_str_equal (fields[1], delegate_id))
        {
          g_autofree char *today = NULL;
          g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
          g_autoptr (GDateTime) now = g_date_time_new_now (zone);

          today = g_date_time_format (now, "%Y-%m-%d");
          g_assert_cmpstr (fields[2], ==, "Huỳnh Thị Mai");
          /* The recorded day, and the day of the sitting's events unless it is the same. */
          g_assert_cmpstr (fields[4], ==, g_str_equal (today, "2026-12-08") ? "1" : "2");
          g_assert_cmpstr (fields[5], ==, "1");
          g_assert_cmpstr (fields[6], ==, "0");
        }
      if (g_str_equal (fields[0], "delegate"))
        delegate_rows++;
    }
  g_assert_cmpuint (delegate_rows, ==, 2);  /* the chair and the delegate */
  g_strfreev (weight_row);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&contents, g_free);

  /* The PDF. */
  pdf_path = g_build_filename (cli.dir, "hoat-dong.pdf", NULL);
  g_free (ctl_ok (&cli, cli.secretariat, "report", "delegates", "--term", "2021-2026",
                  "--format", "pdf", "--out", pdf_path, NULL));
  {
    g_autofree char *uri = g_filename_to_uri (pdf_path, NULL, NULL);
    g_autoptr (PopplerDocument) pdf = poppler_document_new_from_file (uri, NULL, &error);
    g_autoptr (GString) text = g_string_new (NULL);

    g_assert_no_error (error);
    for (int p = 0; p < poppler_document_get_n_pages (pdf); p++)
      {
        g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, p);
        g_autofree char *raw = poppler_page_get_text (page);
        g_autofree char *nfc = g_utf8_normalize (raw, -1, G_NORMALIZE_NFC);

        g_strdelimit (nfc, "\n", ' ');
        g_string_append (text, nfc);
      }
    g_assert_nonnull (strstr (text->str, "Huỳnh Thị Mai"));
    g_assert_nonnull (strstr (text->str, "4.00"));
    g_assert_nonnull (strstr (text->str, "0.25"));
  }

  /* A delegate sees their own row only. */
  out = ctl_ok (&cli, cli.delegate, "report", "delegates", "--term", "2026-01-01..2026-12-31",
                "--format", "csv", NULL);
  g_assert_nonnull (strstr (out, "\"delegate\",\"" ));
  g_assert_null (strstr (out, "Chủ tọa"));
  g_assert_null (strstr (out, "\"group\""));
  g_clear_pointer (&out, g_free);
  status = ctl (&cli, cli.delegate, NULL, &err, "report", "criteria", "set", "--questions",
                "100", NULL);
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&err, g_free);

  /* Usage errors. */
  {
    const char *const usage[][8] = {
      { "report", "delegates", "--format", "csv", NULL },
      { "report", "delegates", "--term", "2026", "--format", "csv", NULL },
      { "report", "delegates", "--term", "2021-2026", "--format", "docx", NULL },
      { "report", "delegates", "--term", "2021-2026", NULL },
      { "report", "criteria", "set", "--questions", "-1", NULL },
      { "report", "criteria", "set", "--questions", "1.234", NULL },
      { "report", "criteria", "set", "--reset", "bribes", NULL },
      { "report", "criteria", "set", NULL },
      { "attendance", "set", "abc", "--day", "2026-12-08", "--present", "1", NULL },
      { "attendance", "set", session, "--present", "1", NULL },
      { "attendance", "set", session, "--day", "2026-12-08", "--present", "x", NULL },
      { "attendance", "set", session, "--day", "2026-12-08", NULL },
      { "commitments", "due", "--within", "-1", NULL },
      { "commitments", "due", "--format", "xml", NULL },
      { "commitments", "carry", NULL },
      { "commitments", "carry", "--to", "abc", NULL },
      { "commitments", "history", "0", NULL },
      { "commitments", "set", far, "--status", "done", "--evidence", "/nonexistent/x.pdf", NULL },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (usage); i++)
      {
        status = ctl (&cli, cli.secretariat, NULL, &err, usage[i][0], usage[i][1], usage[i][2],
                      usage[i][3], usage[i][4], usage[i][5], usage[i][6], usage[i][7], NULL);
        if (status != 2)
          g_error ("usage case %" G_GSIZE_FORMAT ": exit %d: %s", i, status, err);
        g_assert_cmpuint (strlen (err), >, 10);
        g_clear_pointer (&err, g_free);
      }
  }
  /* A bad day reaches the server and is refused there. */
  status = ctl (&cli, cli.secretariat, NULL, &err, "attendance", "set", session, "--day",
                "2026-02-30", "--present", delegate_id, NULL);
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&err, g_free);

  g_free (cli.chair);
  g_free (cli.delegate);
  g_free (cli.secretariat);
  chamber_test_rm_rf (cli.dir);
  g_free (cli.dir);
  chamber_test_server_free (cli.server);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/report-and-follow-up", test_cli_report);
  return g_test_run ();
}
