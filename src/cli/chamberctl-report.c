/* chamberctl-report.c — the delegate activity report from the command line (issue 9):
 * `chamberctl report delegates --term T --format pdf|csv|json [--out FILE]` downloads it from
 * GET /api/v1/reports/delegates; `chamberctl report criteria` prints the criteria and their
 * weights, and `chamberctl report criteria set --questions 3 …` changes weights (PUT
 * /api/v1/reports/criteria, the secretariat); `chamberctl attendance set SESSION --day DATE
 * --present ID,… [--absent ID,…]` records who attended a sitting day (POST
 * /api/v1/sessions/ID/attendance). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "chamberctl-private.h"
#include "chamber-activity-report.h"
#include "chamber-protocol.h"

int
chamberctl_report_delegates (ChamberctlGlobals *globals,
                             const char        *name,
                             int                argc,
                             char             **argv)
{
  g_autofree char *term = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "term", 0, 0, G_OPTION_ARG_STRING, &term,
      N_("The term: YYYY-YYYY (e.g. 2021-2026) or YYYY-MM-DD..YYYY-MM-DD"), N_("TERM") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf, csv or json"), N_("FORMAT") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write to this file (default: the standard output)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("Download the delegate activity report of a term"), entries, TRUE,
                         &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (term == NULL)
    return chamberctl_usage_error (name, _("say which term: --term 2021-2026"));
  if (!chamberctl_check_utf8 (name, "--term", term))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamber_report_parse_term (term, &from, &to, &error))
    return chamberctl_usage_error (name, "%s", error->message);
  if (format == NULL)
    return chamberctl_usage_error (name, _("say which format: --format pdf or --format csv"));
  if (!g_str_equal (format, "pdf") && !g_str_equal (format, "csv")
      && !g_str_equal (format, "json"))
    return chamberctl_usage_error (name, _("--format must be pdf, csv or json, not “%s”"),
                                   format);
  if (g_str_equal (format, "pdf") && chamberctl_output_is_terminal (out))
    return chamberctl_usage_error (name, _("a PDF is not for the terminal: give --out FILE"));

  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  escaped = g_uri_escape_string (term, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/reports/delegates?term=%s&format=%s", escaped, format);
  return chamberctl_download (client, path, out, _("The server answered no report."));
}

static void
print_criteria (JsonNode *answer)
{
  JsonNode *list = JSON_NODE_HOLDS_OBJECT (answer)
                     ? json_object_get_member (json_node_get_object (answer), "criteria")
                     : NULL;

  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return;
  /* "questions  3.00  (default 3.00)  Questions" */
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonObject *criterion = json_array_get_object_element (json_node_get_array (list), i);

      printf ("%s\t%s\t%s\t%s\n", chamberctl_peek_text (criterion, "key"),
              chamberctl_peek_text (criterion, "weight"),
              chamberctl_peek_text (criterion, "default"),
              chamberctl_peek_text (criterion, "label"));
    }
}

static int
criteria_set (ChamberctlGlobals *globals,
              const char        *name,
              int                argc,
              char             **argv)
{
  char *values[CHAMBER_N_CRITERIA] = { NULL, };
  g_auto (GStrv) reset = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *body = json_object_new ();
  JsonObject *weights = json_object_new ();
  g_autoptr (JsonNode) body_node = NULL;
  int exit_status = 0, status = CHAMBERCTL_EXIT_OK;
  const GOptionEntry entries[] = {
    { "sittings", 0, 0, G_OPTION_ARG_STRING, &values[CHAMBER_CRITERION_SITTINGS],
      N_("Weight of a sitting day attended"), N_("WEIGHT") },
    { "questions", 0, 0, G_OPTION_ARG_STRING, &values[CHAMBER_CRITERION_QUESTIONS],
      N_("Weight of a question"), N_("WEIGHT") },
    { "debates", 0, 0, G_OPTION_ARG_STRING, &values[CHAMBER_CRITERION_DEBATES],
      N_("Weight of a debate"), N_("WEIGHT") },
    { "speaking-minutes", 0, 0, G_OPTION_ARG_STRING,
      &values[CHAMBER_CRITERION_SPEAKING_MINUTES], N_("Weight of a minute spoken"),
      N_("WEIGHT") },
    { "petitions", 0, 0, G_OPTION_ARG_STRING, &values[CHAMBER_CRITERION_PETITIONS],
      N_("Weight of a voters' petition followed"), N_("WEIGHT") },
    { "findings", 0, 0, G_OPTION_ARG_STRING, &values[CHAMBER_CRITERION_FINDINGS],
      N_("Weight of a supervision finding"), N_("WEIGHT") },
    { "reset", 0, 0, G_OPTION_ARG_STRING_ARRAY, &reset,
      N_("Give this criterion its default weight again (repeatable)"), N_("CRITERION") },
    G_OPTION_ENTRY_NULL
  };

  body_node = json_node_init_object (json_node_alloc (), body);
  json_object_set_object_member (body, "weights", weights);
  json_object_unref (body);
  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("Set the weights of the activity report's criteria (the "
                            "secretariat)"),
                         entries, TRUE, &argc, &argv))
    {
      status = CHAMBERCTL_EXIT_USAGE;
      goto out;
    }
  for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
    {
      int centi;

      if (values[c] == NULL)
        continue;
      if (!chamber_report_parse_weight (values[c], &centi))
        {
          status = chamberctl_usage_error (name, _("a weight is a number from 0 to 1000 with at "
                                                   "most two decimals, not “%s”"),
                                           values[c]);
          goto out;
        }
      json_object_set_string_member (weights, chamber_criterion_to_string (c), values[c]);
    }
  for (guint i = 0; reset != NULL && reset[i] != NULL; i++)
    {
      ChamberCriterion criterion;

      if (!chamber_criterion_from_string (reset[i], &criterion))
        {
          status = chamberctl_usage_error (name, _("--reset takes sittings, questions, debates, "
                                                   "speaking_minutes, petitions or findings, "
                                                   "not “%s”"),
                                           reset[i]);
          goto out;
        }
      json_object_set_null_member (weights, reset[i]);
    }
  if (json_object_get_size (weights) == 0)
    {
      status = chamberctl_usage_error (name, _("give at least one weight, like --questions 3"));
      goto out;
    }
  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    {
      status = exit_status;
      goto out;
    }
  answer = chamber_client_request_json (client, "PUT", "/api/v1/reports/criteria", body_node,
                                        NULL, NULL, &error);
  if (answer == NULL)
    status = chamberctl_fail (error != NULL ? error->message : _("The server answered nothing."));
  else
    print_criteria (answer);

out:
  for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
    g_free (values[c]);
  return status;
}

int
chamberctl_report_criteria (ChamberctlGlobals *globals,
                            const char        *name,
                            int                argc,
                            char             **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  int exit_status = 0;
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };

  if (argc > 1 && g_str_equal (argv[1], "set"))
    {
      g_autofree char **shifted = g_new0 (char *, argc);
      g_autofree char *set_name = g_strdup_printf ("%s set", name);

      shifted[0] = argv[0];
      for (int i = 2; i < argc; i++)
        shifted[i - 1] = argv[i];
      return criteria_set (globals, set_name, argc - 1, shifted);
    }
  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("Print the activity report's criteria and weights; “set” changes "
                            "them"),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  answer = chamber_client_request_json (client, "GET", "/api/v1/reports/criteria", NULL, NULL,
                                        NULL, &error);
  if (answer == NULL)
    return chamberctl_fail (error != NULL ? error->message : _("The server answered nothing."));
  print_criteria (answer);
  return CHAMBERCTL_EXIT_OK;
}

/* "3,5,8" → ids; FALSE having printed a usage error. */
static gboolean
parse_ids (const char *name,
           const char *option,
           const char *text,
           JsonArray  *out)
{
  g_auto (GStrv) parts = NULL;

  if (text == NULL)
    return TRUE;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 id;

      if (!chamberctl_parse_id (name, option, g_strstrip (parts[i]), &id))
        return FALSE;
      json_array_add_int_element (out, id);
    }
  return TRUE;
}

int
chamberctl_attendance_set (ChamberctlGlobals *globals,
                           const char        *name,
                           int                argc,
                           char             **argv)
{
  g_autofree char *day = NULL;
  g_autofree char *present = NULL;
  g_autofree char *absent = NULL;
  g_autofree char *path = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (JsonNode) body_node = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *body = json_object_new ();
  JsonArray *present_ids = json_array_new ();
  JsonArray *absent_ids = json_array_new ();
  gint64 session = 0;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "day", 0, 0, G_OPTION_ARG_STRING, &day, N_("The sitting day"), N_("YYYY-MM-DD") },
    { "present", 0, 0, G_OPTION_ARG_STRING, &present, N_("Delegates present (ids, comma "
                                                          "separated)"), N_("IDS") },
    { "absent", 0, 0, G_OPTION_ARG_STRING, &absent, N_("Delegates absent (ids, comma "
                                                        "separated)"), N_("IDS") },
    G_OPTION_ENTRY_NULL
  };

  json_object_set_array_member (body, "present", present_ids);
  json_object_set_array_member (body, "absent", absent_ids);
  body_node = json_node_init_object (json_node_alloc (), body);
  json_object_unref (body);
  if (!chamberctl_parse (globals, name, "SESSION", 1,
                         N_("Record who attended a sitting day (the secretariat)"), entries,
                         TRUE, &argc, &argv)
      || !chamberctl_parse_id (name, "SESSION", argv[1], &session)
      || !chamberctl_check_utf8 (name, "--day", day)
      || !parse_ids (name, "--present", present, present_ids)
      || !parse_ids (name, "--absent", absent, absent_ids))
    return CHAMBERCTL_EXIT_USAGE;
  if (day == NULL)
    return chamberctl_usage_error (name, _("say which day: --day YYYY-MM-DD"));
  if (present == NULL && absent == NULL)
    return chamberctl_usage_error (name, _("name who was there: --present IDS and/or "
                                           "--absent IDS"));
  json_object_set_string_member (json_node_get_object (body_node), "day", day);
  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  path = g_strdup_printf ("/api/v1/sessions/%lld/attendance", (long long) session);
  answer = chamber_client_request_json (client, "POST", path, body_node, NULL, NULL, &error);
  if (answer == NULL)
    return chamberctl_fail (error != NULL ? error->message : _("The server answered nothing."));
  return CHAMBERCTL_EXIT_OK;
}
