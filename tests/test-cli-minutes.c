/* test-cli-minutes.c — `chamberctl minutes` and `chamberctl commitments [set]` against a real
 * chamberd: a sitting run with `chamberctl live …`, its minutes written as PDF (opened with
 * poppler), CSV and JSON (with the statistics), the commitments register listed, filtered and
 * exported, a follow-up recorded by the secretariat and refused to a delegate, and the usage
 * errors with their exit codes (0 done, 1 refused or failed, 2 bad usage). */
#include "config.h"

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

static char *
add_official (Cli *cli, const char *name, const char *title)
{
  return ctl_ok (cli, cli->server->admin_token, "person", "add", "--name", name, "--role",
                 "official", "--title", title, NULL);
}

static void
cli_free (Cli *cli)
{
  g_free (cli->chair);
  g_free (cli->delegate);
  g_free (cli->secretariat);
  chamber_test_rm_rf (cli->dir);
  g_free (cli->dir);
  chamber_test_server_free (cli->server);
}

/* Counts lines of @text that are not empty. */
static guint
lines (const char *text)
{
  g_auto (GStrv) split = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; split[i] != NULL; i++)
    if (*split[i] != '\0')
      n++;
  return n;
}

static void
test_minutes_and_commitments (void)
{
  g_auto (GStrv) parts = NULL;
  Cli cli = { 0 };
  g_autofree char *session = NULL, *item = NULL, *official = NULL, *delegate_id = NULL;
  g_autofree char *secretariat_id = NULL, *chair_id = NULL;
  g_autofree char *out = NULL, *err = NULL, *pdf_path = NULL, *csv_path = NULL;
  g_autofree char *pdf_uri = NULL, *text = NULL, *contents = NULL;
  g_autofree char *overdue_id = NULL, *open_id = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autoptr (JsonObject) minutes = NULL;
  gsize length = 0;
  JsonObject *stats, *delegate;
  int status;

  cli.server = chamber_test_server_start ();
  cli.dir = chamber_test_make_temp_dir ("chamber-cli-minutes-XXXXXX");
  session = ctl_ok (&cli, cli.server->admin_token, "session", "create", "--number", "10",
                    "--title", "Kỳ họp thứ mười", NULL);
  item = ctl_ok (&cli, cli.server->admin_token, "item", "add", session, "--title",
                 "Chất vấn và trả lời chất vấn", NULL);
  chair_id = add_person (&cli, "Chủ tọa", "chair", "Tổ đại biểu số 1", &cli.chair);
  delegate_id = add_person (&cli, "Nguyễn Thị Hoa", "delegate", "Tổ đại biểu số 2",
                            &cli.delegate);
  secretariat_id = add_person (&cli, "Văn phòng", "secretariat", "Văn phòng", &cli.secretariat);
  official = add_official (&cli, "Phạm Văn Đức", "Giám đốc Sở Y tế");

  /* The sitting, from the command line. */
  g_free (ctl_ok (&cli, cli.chair, "live", "open-item", item, NULL));
  g_free (ctl_ok (&cli, cli.delegate, "live", "request", item, "--kind", "question", "--to",
                  official, "--topic", "Thiếu thuốc ở trạm y tế xã", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "grant", "1", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "end", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "answer", "1", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "end", NULL));
  g_free (ctl_ok (&cli, cli.secretariat, "live", "summary", "2",
                  "Giám đốc Sở cam kết bổ sung thuốc thiết yếu cho 42 trạm y tế.", NULL));
  g_free (ctl_ok (&cli, cli.secretariat, "live", "commit", "2", "--owner", official, "--due",
                  "2021-06-30", "Bổ sung thuốc thiết yếu cho 42 trạm y tế xã", NULL));
  g_free (ctl_ok (&cli, cli.secretariat, "live", "commit", "2", "--owner", official, "--due",
                  "2999-01-01", "Báo cáo kết quả đấu thầu thuốc", NULL));

  /* Minutes as PDF. */
  pdf_path = g_build_filename (cli.dir, "bien-ban.pdf", NULL);
  out = ctl_ok (&cli, cli.delegate, "minutes", session, "--format", "pdf", "--out", pdf_path,
                NULL);
  g_assert_cmpstr (out, ==, "");
  pdf_uri = g_filename_to_uri (pdf_path, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_file (pdf_uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (pdf), >=, 1);
  {
    g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, 0);
    g_autofree char *raw = poppler_page_get_text (page);

    text = g_utf8_normalize (raw, -1, G_NORMALIZE_NFC);
  }
  g_assert_nonnull (strstr (text, "Nguyễn Thị Hoa"));
  g_assert_nonnull (strstr (text, "Phạm Văn Đức"));
  g_assert_nonnull (strstr (text, "Thiếu thuốc ở trạm y tế xã"));

  /* CSV to a file: the byte order mark, a header and two turns. */
  csv_path = g_build_filename (cli.dir, "bien-ban.csv", NULL);
  g_free (ctl_ok (&cli, cli.secretariat, "minutes", session, "--format", "csv", "--out",
                  csv_path, NULL));
  g_assert_true (g_file_get_contents (csv_path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (contents, 3, "\xEF\xBB\xBF", 3);
  g_assert_nonnull (strstr (contents, "\"Nguyễn Thị Hoa\""));
  g_assert_nonnull (strstr (contents, "\"Bổ sung thuốc thiết yếu cho 42 trạm y tế xã — "));

  /* JSON on stdout, with the statistics. */
  g_clear_pointer (&out, g_free);
  out = ctl_ok (&cli, cli.chair, "minutes", session, "--format", "json", NULL);
  minutes = chamber_protocol_parse_object (out, strlen (out), 1 << 24, &error);
  g_assert_no_error (error);
  stats = json_object_get_object_member (minutes, "statistics");
  g_assert_cmpint (json_object_get_int_member (stats, "turns"), ==, 2);
  delegate = json_array_get_object_element (json_object_get_array_member (stats, "delegates"), 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (delegate,
                                                                                 "person"),
                                                  "name"), ==, "Nguyễn Thị Hoa");
  g_assert_cmpint (json_object_get_int_member (delegate, "questions"), ==, 1);

  /* The register: a line per commitment; the filters. */
  g_clear_pointer (&out, g_free);
  out = ctl_ok (&cli, cli.delegate, "commitments", NULL);
  g_assert_cmpuint (lines (out), ==, 2);
  g_clear_pointer (&out, g_free);
  out = ctl_ok (&cli, cli.delegate, "commitments", "--status", "overdue", NULL);
  g_assert_cmpuint (lines (out), ==, 1);
  g_assert_nonnull (strstr (out, "overdue\t2021-06-30\tPhạm Văn Đức\tBổ sung thuốc"));
  parts = g_strsplit (out, "\t", 2);
  overdue_id = g_strdup (parts[0]);
  g_clear_pointer (&out, g_free);
  out = ctl_ok (&cli, cli.delegate, "commitments", "--owner", official, "--status", "open",
                NULL);
  g_assert_cmpuint (lines (out), ==, 1);
  g_strfreev (parts);
  parts = g_strsplit (out, "\t", 2);
  open_id = g_strdup (parts[0]);
  g_assert_cmpstr (open_id, !=, overdue_id);
  g_clear_pointer (&out, g_free);
  out = ctl_ok (&cli, cli.delegate, "commitments", "--owner", delegate_id, NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  out = ctl_ok (&cli, cli.delegate, "commitments", "--format", "csv", NULL);
  g_assert_true (g_str_has_prefix (out, "\xEF\xBB\xBF"));
  g_assert_cmpuint (lines (out), ==, 3);
  g_clear_pointer (&out, g_free);
  out = ctl_ok (&cli, cli.delegate, "commitments", "--format", "json", "--session", session,
                NULL);
  {
    g_autoptr (JsonObject) list = chamber_protocol_parse_object (out, strlen (out), 1 << 24,
                                                                 &error);

    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list,
                                                                           "commitments")),
                      ==, 2);
  }

  /* A delegate may not record the follow-up; the secretariat may. */
  status = ctl (&cli, cli.delegate, NULL, &err, "commitments", "set", overdue_id, "--status",
                "done", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "secretariat"));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  out = ctl_ok (&cli, cli.secretariat, "commitments", "set", overdue_id, "--status", "done",
                "--note", "Đã cấp đủ thuốc", NULL);
  g_assert_nonnull (strstr (out, "\tdone\t2021-06-30\t"));
  g_assert_nonnull (strstr (out, "(Đã cấp đủ thuốc)"));
  g_clear_pointer (&out, g_free);
  out = ctl_ok (&cli, cli.chair, "commitments", "--status", "overdue", NULL);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  out = ctl_ok (&cli, cli.chair, "commitments", "--status", "done", NULL);
  g_assert_true (g_str_has_prefix (out, overdue_id));

  /* Refusals and usage errors. */
  status = ctl (&cli, cli.secretariat, NULL, &err, "commitments", "set", "999999", "--status",
                "done", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "999999"));
  g_clear_pointer (&err, g_free);
  status = ctl (&cli, cli.secretariat, NULL, &err, "minutes", "424242", "--format", "csv", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "424242"));
  g_clear_pointer (&err, g_free);
  {
    const char *const usage[][6] = {
      { "minutes", session, "--format", "docx", NULL },
      { "minutes", "abc", NULL },
      { "minutes", NULL },
      { "commitments", "--status", "late", NULL },
      { "commitments", "--owner", "x", NULL },
      { "commitments", "--format", "xml", NULL },
      { "commitments", "set", open_id, "--status", "overdue", NULL },
      { "commitments", "set", open_id, NULL },
      { "commitments", "set", "-3", "--status", "done", NULL },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (usage); i++)
      {
        status = ctl (&cli, cli.secretariat, NULL, &err, usage[i][0], usage[i][1], usage[i][2],
                      usage[i][3], usage[i][4], usage[i][5], NULL);
        g_assert_cmpint (status, ==, 2);
        g_assert_cmpuint (strlen (err), >, 10);
        g_clear_pointer (&err, g_free);
      }
  }
  /* Nothing changed by the refusals. */
  g_clear_pointer (&out, g_free);
  out = ctl_ok (&cli, cli.chair, "commitments", "--status", "open", NULL);
  g_assert_true (g_str_has_prefix (out, open_id));

  /* A file that cannot be written: a clear failure. */
  status = ctl (&cli, cli.secretariat, NULL, &err, "minutes", session, "--format", "csv",
                "--out", "/nonexistent-dir/x.csv", NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "x.csv"));
  g_clear_pointer (&err, g_free);

  cli_free (&cli);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/minutes-and-commitments", test_minutes_and_commitments);
  return g_test_run ();
}
