/* test-cli-live.c — `chamberctl live …` against a real chamberd: a sitting run from the
 * command line by the chair, a delegate and the secretariat (ids printed, state as JSON, the
 * event stream as JSON lines), with the refusals and usage errors and their exit codes
 * (0 done, 1 refused or failed, 2 bad usage). */
#include "config.h"

#include <locale.h>

#include "chamber-protocol.h"
#include "chamber-test-util.h"

typedef struct {
  ChamberTestServer *server;
  char              *chair;
  char              *delegate;
  char              *secretariat;
  char              *official_id;
} Cli;

/* Runs chamberctl with @token and the arguments after it; returns the status. */
static int
ctl (Cli *cli, const char *token, char **out, char **err, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *server_env = g_strdup_printf ("CHAMBER_SERVER=%s", cli->server->url);
  g_autofree char *token_env = g_strdup_printf ("CHAMBER_TOKEN=%s", token);
  const char *env[] = { server_env, token_env, "LANGUAGE=C", NULL };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) chamber_test_chamberctl_path ());
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  return chamber_test_run ((const char *const *) argv->pdata, env, out, err);
}

static char *
ctl_ok (Cli *cli, const char *token, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *server_env = g_strdup_printf ("CHAMBER_SERVER=%s", cli->server->url);
  g_autofree char *token_env = g_strdup_printf ("CHAMBER_TOKEN=%s", token);
  const char *env[] = { server_env, token_env, "LANGUAGE=C", NULL };
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, (gpointer) chamber_test_chamberctl_path ());
  va_start (args, token);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  status = chamber_test_run ((const char *const *) argv->pdata, env, &out, &err);
  if (status != 0)
    g_error ("chamberctl %s failed (%d): %s", (char *) argv->pdata[1], status, err);
  return g_strstrip (out);
}

static char *
add_person (Cli *cli, const char *name, const char *role, char **out_token)
{
  char *id = ctl_ok (cli, cli->server->admin_token, "person", "add", "--name", name, "--role",
                     role, NULL);

  *out_token = ctl_ok (cli, cli->server->admin_token, "token", "issue", id, NULL);
  return id;
}

static void
test_sitting (void)
{
  Cli cli = { 0 };
  g_autofree char *session = NULL, *item = NULL, *request = NULL, *turn = NULL;
  g_autofree char *answer = NULL, *commitment = NULL, *state = NULL, *watch = NULL;
  g_autofree char *err = NULL, *out = NULL, *ids = NULL;
  g_autofree char *official_token = NULL;
  g_autofree char *chair_id = NULL, *delegate_id = NULL, *secretariat_id = NULL;
  g_autoptr (JsonObject) live = NULL;
  g_auto (GStrv) lines = NULL;
  JsonObject *current;
  int status;

  cli.server = chamber_test_server_start ();
  session = ctl_ok (&cli, cli.server->admin_token, "session", "create", "--number", "10",
                    "--title", "Kỳ họp thứ mười", NULL);
  item = ctl_ok (&cli, cli.server->admin_token, "item", "add", session, "--title",
                 "Chất vấn và trả lời chất vấn", NULL);
  chair_id = add_person (&cli, "Chủ tọa", "chair", &cli.chair);
  delegate_id = add_person (&cli, "Đại biểu A", "delegate", &cli.delegate);
  secretariat_id = add_person (&cli, "Văn phòng", "secretariat", &cli.secretariat);
  cli.official_id = add_person (&cli, "Giám đốc Sở", "official", &official_token);

  /* No sitting yet: commands that need the current session say how to name it. */
  status = ctl (&cli, cli.chair, NULL, &err, "live", "pause", NULL);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (err, "--session"));
  g_clear_pointer (&err, g_free);

  out = ctl_ok (&cli, cli.chair, "live", "open-item", item, NULL);
  g_assert_cmpstr (out, ==, "");
  request = ctl_ok (&cli, cli.delegate, "live", "request", item, "--kind", "question", "--to",
                    cli.official_id, "--topic", "Giải phóng mặt bằng", NULL);
  g_assert_cmpstr (request, ==, "1");

  /* The delegate may not grant; the chair may not summarise. */
  status = ctl (&cli, cli.delegate, NULL, &err, "live", "grant", request, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "Only the chair"));
  g_clear_pointer (&err, g_free);

  turn = ctl_ok (&cli, cli.chair, "live", "grant", request, NULL);
  g_assert_cmpstr (turn, ==, "1");
  /* Double grant: refused with the reason. */
  status = ctl (&cli, cli.chair, NULL, &err, "live", "grant", request, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "not waiting"));
  g_clear_pointer (&err, g_free);
  g_free (ctl_ok (&cli, cli.chair, "live", "pause", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "resume", "--session", session, NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "add-time", "30", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "end", NULL));
  answer = ctl_ok (&cli, cli.chair, "live", "answer", turn, NULL);
  g_assert_cmpstr (answer, ==, "2");
  g_free (ctl_ok (&cli, cli.secretariat, "live", "summary", answer,
                  "Sở cam kết hoàn thành trong quý II.", NULL));
  status = ctl (&cli, cli.chair, NULL, &err, "live", "summary", answer, "x", NULL);
  g_assert_cmpint (status, ==, 1);
  g_clear_pointer (&err, g_free);
  commitment = ctl_ok (&cli, cli.secretariat, "live", "commit", answer, "--owner",
                       cli.official_id, "--due", "2026-06-30",
                       "Hoàn thành giải phóng mặt bằng", NULL);
  g_assert_cmpstr (commitment, ==, "1");

  /* The state, whole. */
  state = ctl_ok (&cli, official_token, "live", "state", session, NULL);
  live = chamber_protocol_parse_object (state, strlen (state), 1 << 24, NULL);
  g_assert_nonnull (live);
  g_assert_cmpint (json_object_get_int_member (live, "seq"), ==, 10);
  current = json_object_get_object_member (live, "current_turn");
  g_assert_nonnull (current);
  g_assert_cmpstr (json_object_get_string_member (current, "kind"), ==, "answer");
  g_assert_cmpint (json_object_get_int_member (current, "remaining_s"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (current,
                                                                                 "speaker"),
                                                  "name"),
                   ==, "Giám đốc Sở");
  g_assert_nonnull (strstr (state, "Hoàn thành giải phóng mặt bằng"));

  /* The stream, one numbered JSON line per event. */
  watch = ctl_ok (&cli, cli.delegate, "live", "watch", session, "--count", "10", NULL);
  lines = g_strsplit (watch, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 10);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (JsonObject) event = chamber_protocol_parse_object (lines[i], strlen (lines[i]),
                                                                    1 << 20, NULL);

      g_assert_nonnull (event);
      g_assert_cmpint (json_object_get_int_member (event, "seq"), ==, i + 1);
    }
  g_clear_pointer (&watch, g_free);
  watch = ctl_ok (&cli, cli.delegate, "live", "watch", session, "--after", "8", "--count", "2",
                  NULL);
  g_assert_true (g_str_has_prefix (watch, "{\"seq\":9,"));

  /* Extras: a closed list, a point of order, reordering. */
  g_free (ctl_ok (&cli, cli.chair, "live", "end", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "close-list", NULL));
  status = ctl (&cli, cli.delegate, NULL, &err, "live", "request", item, "--kind", "debate",
                NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "closed"));
  g_clear_pointer (&err, g_free);
  ids = ctl_ok (&cli, cli.delegate, "live", "request", item, "--kind", "point-of-order", NULL);
  g_assert_cmpstr (ids, ==, "2");
  g_free (ctl_ok (&cli, cli.chair, "live", "reorder", ids, "0", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "open-list", NULL));
  g_free (ctl_ok (&cli, cli.delegate, "live", "withdraw", ids, NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "conclude", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "end", NULL));
  g_free (ctl_ok (&cli, cli.chair, "live", "close-item", item, NULL));

  /* Bad usage is 2, an unknown id is 1. */
  g_assert_cmpint (ctl (&cli, cli.delegate, NULL, NULL, "live", "request", item, "--topic", "x",
                        NULL), ==, 2);
  g_assert_cmpint (ctl (&cli, cli.chair, NULL, NULL, "live", "grant", "abc", NULL), ==, 2);
  g_assert_cmpint (ctl (&cli, cli.chair, NULL, NULL, "live", "grant", NULL), ==, 2);
  g_assert_cmpint (ctl (&cli, cli.chair, NULL, NULL, "live", "add-time", "-5", NULL), ==, 2);
  g_assert_cmpint (ctl (&cli, cli.secretariat, NULL, NULL, "live", "commit", answer, "--owner",
                        cli.official_id, "--due", "30/06/2026", "x", NULL), ==, 2);
  g_assert_cmpint (ctl (&cli, cli.chair, NULL, NULL, "live", "open-item", "999", NULL), ==, 1);
  g_assert_cmpint (ctl (&cli, cli.chair, NULL, NULL, "live", "state", "999", NULL), ==, 1);
  g_assert_cmpint (ctl (&cli, "chm_wrong", NULL, NULL, "live", "watch", session, NULL), ==, 1);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (ctl (&cli, cli.chair, &out, NULL, "live", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "live open-item"));

  g_free (cli.chair);
  g_free (cli.delegate);
  g_free (cli.secretariat);
  g_free (cli.official_id);
  chamber_test_server_free (cli.server);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-live/sitting", test_sitting);
  return g_test_run ();
}
