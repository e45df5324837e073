/* chamberctl-petitions.c — voter petitions and their sample supervision from the command line
 * (issue 9), over chamberd's /api/v1/petitions… and /api/v1/supervision… (docs/protocol.md):
 * `petition import FILE.csv [--dry-run]`, `petition list [--status S] [--agency A]`,
 * `petition set ID --status S [--answer FILE.pdf]`, `petition report --month YYYY-MM --format
 * pdf|csv --out FILE`; `supervision draw`, `supervision assign`, `supervision finding`,
 * `supervision list` and `supervision recommendation --out FILE.pdf`. Files are sent as they
 * are; the server checks them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <unistd.h>

#include "chamberctl-private.h"
#include "chamber-petitions.h"
#include "chamber-protocol.h"
#include "chamber-supervision.h"

/* The largest JSON answer read (a draw lists every candidate). */
#define MAX_ANSWER (64 * 1024 * 1024)

/* One line: text with its line breaks made spaces. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  g_strdelimit (line, "\r\n\t", ' ');
  return line;
}

/* "12  resolved  Sở Y tế  Đề nghị …" */
static void
print_petition (JsonObject *petition)
{
  g_autofree char *content
      = one_line (chamberctl_peek_text (petition, "content"));
  const char *agency = chamberctl_peek_text (petition, "agency");

  printf ("%lld\t%s\t%s\t%s", (long long) chamber_json_peek_int (petition, "id", 0),
          chamberctl_peek_text (petition, "status"),
          *agency != '\0' ? agency : "-", content);
  if (chamber_json_peek_int (petition, "raised_again_of", 0) > 0)
    printf ("\t(%s %lld)", _("raised again, see"),
            (long long) chamber_json_peek_int (petition, "raised_again_of", 0));
  printf ("\n");
}

/* ---- petition ---------------------------------------------------------------------------- */

int
chamberctl_petition_import (ChamberctlGlobals *globals,
                            const char        *name,
                            int                argc,
                            char             **argv)
{
  gboolean dry_run = FALSE;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autofree char *path = NULL;
  JsonArray *rows, *problems;
  int status = 0;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only check the file and show every row's problems; save nothing"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "FILE.csv", 1,
                         N_("Import voter petitions from a CSV file"), entries, TRUE, &argc,
                         &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!g_file_test (argv[1], G_FILE_TEST_IS_REGULAR))
    return chamberctl_usage_error (name, _("“%s” is not a file that can be read"), argv[1]);
  client = chamberctl_connect (globals, name, &status);
  if (client == NULL)
    return status;
  path = g_strdup_printf ("/api/v1/petitions/import?dry_run=%d", dry_run ? 1 : 0);
  answer = chamberctl_post_file (client, path, argv[1], "text/csv", MAX_ANSWER, &status);
  if (answer == NULL)
    return status;

  problems = chamber_json_peek_array (answer, "problems");
  for (guint i = 0; problems != NULL && i < json_array_get_length (problems); i++)
    printf ("%s\n", json_array_get_string_element (problems, i));
  rows = chamber_json_peek_array (answer, "rows");
  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonArray *row_problems = chamber_json_peek_array (row, "problems");
      gint64 line = chamber_json_peek_int (row, "line", 0);

      for (guint p = 0; row_problems != NULL && p < json_array_get_length (row_problems); p++)
        printf (_("line %lld: %s\n"), (long long) line,
                json_array_get_string_element (row_problems, p));
      if (json_object_get_boolean_member_with_default (row, "duplicate", FALSE))
        printf (_("line %lld: the same petition from the same meeting is already there; it is "
                  "skipped\n"),
                (long long) line);
      else if (chamber_json_peek_int (row, "raised_again_of", 0) > 0
               || chamber_json_peek_int (row, "similar_line", 0) > 0)
        {
          JsonNode *similarity = json_object_get_member (row, "similarity");

          double value = similarity != NULL && JSON_NODE_HOLDS_VALUE (similarity)
                           ? json_node_get_double (similarity) : 0.0;

          if (chamber_json_peek_int (row, "raised_again_of", 0) > 0)
            printf (_("line %lld: raised again: like petition %lld, similarity %.2f\n"),
                    (long long) line, (long long) chamber_json_peek_int (row, "raised_again_of", 0),
                    value);
          else
            printf (_("line %lld: raised again: like line %lld of this file, similarity "
                       "%.2f\n"),
                    (long long) line, (long long) chamber_json_peek_int (row, "similar_line", 0),
                    value);
        }
    }
  printf (_("Encoding %s: %lld valid rows (%lld raised again), %lld with errors, %lld "
             "duplicates; %lld petitions saved.\n"),
          chamberctl_peek_text (answer, "encoding"),
          (long long) chamber_json_peek_int (answer, "valid", 0),
          (long long) chamber_json_peek_int (answer, "raised_again", 0),
          (long long) chamber_json_peek_int (answer, "errors", 0),
          (long long) chamber_json_peek_int (answer, "duplicates", 0),
          (long long) chamber_json_peek_int (answer, "created", 0));
  if (dry_run)
    printf ("%s\n", _("Dry run: nothing was saved."));
  return chamber_json_peek_int (answer, "errors", 0) > 0
             || (problems != NULL && json_array_get_length (problems) > 0)
           ? CHAMBERCTL_EXIT_FAILURE
           : CHAMBERCTL_EXIT_OK;
}

int
chamberctl_petition_list (ChamberctlGlobals *globals,
                          const char        *name,
                          int                argc,
                          char             **argv)
{
  g_autofree char *status_text = NULL;
  g_autofree char *agency = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (GString) path = g_string_new ("/api/v1/petitions?");
  ChamberPetitionStatus status;
  JsonArray *petitions;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Only petitions with this status (forwarded, answered, in-progress, resolved, "
         "unresolved)"),
      N_("STATUS") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency,
      N_("Only petitions for this agency"), N_("AGENCY") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0, N_("List voter petitions"), entries, TRUE,
                         &argc, &argv)
      || !chamberctl_check_utf8 (name, "--status", status_text)
      || !chamberctl_check_utf8 (name, "--agency", agency))
    return CHAMBERCTL_EXIT_USAGE;
  if (status_text != NULL && !chamber_petition_status_parse (status_text, &status))
    return chamberctl_usage_error (name, _("--status must be forwarded, answered, in-progress, "
                                           "resolved or unresolved, not “%s”"),
                                   status_text);
  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  if (status_text != NULL)
    g_string_append_printf (path, "status=%s&", chamber_petition_status_to_string (status));
  if (agency != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (agency, NULL, FALSE);

      g_string_append_printf (path, "agency=%s", escaped);
    }
  answer = chamberctl_get_object (client, path->str, MAX_ANSWER);
  if (answer == NULL)
    return CHAMBERCTL_EXIT_FAILURE;
  petitions = chamber_json_peek_array (answer, "petitions");
  for (guint i = 0; petitions != NULL && i < json_array_get_length (petitions); i++)
    print_petition (json_array_get_object_element (petitions, i));
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_petition_set (ChamberctlGlobals *globals,
                         const char        *name,
                         int                argc,
                         char             **argv)
{
  g_autofree char *status_text = NULL;
  g_autofree char *answer_file = NULL;
  g_autofree char *answer_text = NULL;
  g_autofree char *note = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (JsonObject) uploaded = NULL;
  g_autofree char *path = NULL;
  ChamberPetitionStatus status;
  JsonObject *petition = NULL;
  gint64 id = 0;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("The new status (forwarded, answered, in-progress, resolved, unresolved)"),
      N_("STATUS") },
    { "answer", 0, 0, G_OPTION_ARG_FILENAME, &answer_file,
      N_("The answer document, a PDF (checked by the server)"), N_("FILE.pdf") },
    { "answer-text", 0, 0, G_OPTION_ARG_STRING, &answer_text, N_("The answer's text"),
      N_("TEXT") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note kept with the status change"),
      N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "ID", 1,
                         N_("Change a petition's status or attach its answer"), entries, TRUE,
                         &argc, &argv)
      || !chamberctl_parse_id (name, "ID", argv[1], &id)
      || !chamberctl_check_utf8 (name, "--status", status_text)
      || !chamberctl_check_utf8 (name, "--answer-text", answer_text)
      || !chamberctl_check_utf8 (name, "--note", note))
    return CHAMBERCTL_EXIT_USAGE;
  if (status_text == NULL && answer_file == NULL && answer_text == NULL)
    return chamberctl_usage_error (name, _("say what to change: --status, --answer or "
                                           "--answer-text"));
  if (status_text != NULL && !chamber_petition_status_parse (status_text, &status))
    return chamberctl_usage_error (name, _("--status must be forwarded, answered, in-progress, "
                                           "resolved or unresolved, not “%s”"),
                                   status_text);
  if (answer_file != NULL && !g_file_test (answer_file, G_FILE_TEST_IS_REGULAR))
    return chamberctl_usage_error (name, _("“%s” is not a file that can be read"), answer_file);

  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  /* The document first: a refused PDF changes nothing. */
  if (answer_file != NULL)
    {
      path = g_strdup_printf ("/api/v1/petitions/%lld/answer", (long long) id);
      uploaded = chamberctl_post_file (client, path, answer_file, "application/pdf", MAX_ANSWER,
                                       &exit_status);
      if (uploaded == NULL)
        return exit_status;
      petition = chamber_json_peek_object (uploaded, "petition");
    }
  if (status_text != NULL || answer_text != NULL || note != NULL)
    {
      g_autoptr (JsonObject) body = json_object_new ();
      g_autoptr (JsonNode) body_node = NULL;

      if (status_text != NULL)
        json_object_set_string_member (body, "status", chamber_petition_status_to_string (status));
      if (answer_text != NULL)
        json_object_set_string_member (body, "answer", answer_text);
      if (note != NULL)
        json_object_set_string_member (body, "note", note);
      body_node = json_node_init_object (json_node_alloc (), body);
      g_free (path);
      path = g_strdup_printf ("/api/v1/petitions/%lld", (long long) id);
      reply = chamber_client_request_json (client, "PUT", path, body_node, NULL, NULL, &error);
      if (reply == NULL)
        return chamberctl_fail (error != NULL ? error->message
                                              : _("The server answered no petition."));
      petition = JSON_NODE_HOLDS_OBJECT (reply)
                   ? chamber_json_peek_object (json_node_get_object (reply), "petition")
                   : NULL;
    }
  if (petition == NULL)
    return chamberctl_fail (_("The server answered no petition."));
  print_petition (petition);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_petition_report (ChamberctlGlobals *globals,
                            const char        *name,
                            int                argc,
                            char             **argv)
{
  g_autofree char *month = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *escaped = NULL;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month, N_("The month reported on"), N_("YYYY-MM") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("pdf (the default) or csv"),
      N_("FORMAT") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write to this file (default: the standard output)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("The monthly progress report on voter petitions"), entries, TRUE,
                         &argc, &argv)
      || !chamberctl_check_utf8 (name, "--month", month))
    return CHAMBERCTL_EXIT_USAGE;
  if (month == NULL)
    return chamberctl_usage_error (name, _("say which month: --month YYYY-MM"));
  if (format == NULL)
    format = g_strdup ("pdf");
  if (!g_str_equal (format, "pdf") && !g_str_equal (format, "csv"))
    return chamberctl_usage_error (name, _("--format must be pdf or csv, not “%s”"), format);
  if (g_str_equal (format, "pdf") && (out == NULL || g_str_equal (out, "-"))
      && isatty (STDOUT_FILENO))
    return chamberctl_usage_error (name, _("a PDF is not for the terminal: give --out FILE"));
  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  escaped = g_uri_escape_string (month, NULL, FALSE);
  path = g_strdup_printf ("/api/v1/petitions/report?month=%s&format=%s", escaped, format);
  bytes = chamber_client_get_bytes (client, path, NULL, NULL, NULL, NULL, &error);
  if (bytes == NULL)
    return chamberctl_fail (error != NULL ? error->message : _("The server answered no report."));
  return chamberctl_write_output (out, bytes);
}

/* ---- supervision ------------------------------------------------------------------------- */

static void
print_sample (JsonObject *sample)
{
  JsonObject *petition = chamber_json_peek_object (sample, "petition");
  JsonObject *finding = chamber_json_peek_object (sample, "finding");
  g_autofree char *content
      = one_line (chamberctl_peek_text (petition, "content"));
  const char *assignee = chamberctl_peek_text (sample, "assignee");
  const char *stratum = chamberctl_peek_text (sample, "stratum");

  printf ("%lld\t%lld\t%lld\t%lld\t%s\t%s\t%s\t%s\n",
          (long long) chamber_json_peek_int (sample, "id", 0),
          (long long) chamber_json_peek_int (sample, "draw", 0),
          (long long) chamber_json_peek_int (sample, "position", 0),
          (long long) chamber_json_peek_int (petition, "id", 0), *stratum != '\0' ? stratum : "-",
          *assignee != '\0' ? assignee : "-",
          finding != NULL ? chamberctl_peek_text (finding, "result") : "-",
          content);
}

int
chamberctl_supervision_draw (ChamberctlGlobals *globals,
                             const char        *name,
                             int                argc,
                             char             **argv)
{
  g_autofree char *status_text = NULL;
  g_autofree char *by = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *share = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *field = NULL;
  int size = 0;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (JsonNode) body_node = NULL;
  g_autoptr (JsonNode) reply = NULL;
  ChamberPetitionStatus status;
  ChamberStratify stratify = CHAMBER_STRATIFY_NONE;
  JsonObject *draw;
  JsonArray *strata, *samples;
  guint64 seed_value = 0;
  gint64 share_bp = 0;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Draw among the petitions with this status (usually resolved)"), N_("STATUS") },
    { "size", 0, 0, G_OPTION_ARG_INT, &size, N_("How many petitions to draw"), N_("N") },
    { "share", 0, 0, G_OPTION_ARG_STRING, &share,
      N_("Or what share to draw, in percent (rounded up)"), N_("P") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Stratify by agency or field (proportional allocation)"), N_("agency|field") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed,
      N_("The random seed (a whole number); without it one is chosen and printed"),
      N_("SEED") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency, N_("Only petitions for this agency"),
      N_("AGENCY") },
    { "field", 0, 0, G_OPTION_ARG_STRING, &field, N_("Only petitions of this field"),
      N_("FIELD") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("Draw a random sample of petitions for supervision, and record it"),
                         entries, TRUE, &argc, &argv)
      || !chamberctl_check_utf8 (name, "--status", status_text)
      || !chamberctl_check_utf8 (name, "--agency", agency)
      || !chamberctl_check_utf8 (name, "--field", field))
    return CHAMBERCTL_EXIT_USAGE;
  if (status_text == NULL)
    return chamberctl_usage_error (name, _("say which petitions to draw from: --status resolved"));
  if (!chamber_petition_status_parse (status_text, &status))
    return chamberctl_usage_error (name, _("--status must be forwarded, answered, in-progress, "
                                           "resolved or unresolved, not “%s”"),
                                   status_text);
  if ((size > 0) == (share != NULL))
    return chamberctl_usage_error (name, _("give either --size N (at least 1) or --share P"));
  if (size < 0)
    return chamberctl_usage_error (name, _("--size must be at least 1"));
  if (share != NULL && !chamber_supervision_parse_share (share, &share_bp))
    return chamberctl_usage_error (name, _("--share must be a percentage above 0 and at most "
                                           "100, not “%s”"),
                                   share);
  if (by != NULL && !chamber_stratify_from_string (by, &stratify))
    return chamberctl_usage_error (name, _("--by must be agency or field, not “%s”"), by);
  if (seed != NULL && !g_ascii_string_to_unsigned (seed, 10, 0, G_MAXUINT64, &seed_value, NULL))
    return chamberctl_usage_error (name, _("--seed must be a whole number from 0 to "
                                           "18446744073709551615, not “%s”"),
                                   seed);
  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;

  json_object_set_string_member (body, "status", chamber_petition_status_to_string (status));
  if (size > 0)
    json_object_set_int_member (body, "size", size);
  else
    json_object_set_string_member (body, "share", share);
  json_object_set_string_member (body, "by", chamber_stratify_to_string (stratify));
  if (seed != NULL)
    {
      g_autofree char *canonical = g_strdup_printf ("%" G_GUINT64_FORMAT, seed_value);

      json_object_set_string_member (body, "seed", canonical);
    }
  if (agency != NULL)
    json_object_set_string_member (body, "agency", agency);
  if (field != NULL)
    json_object_set_string_member (body, "field", field);
  body_node = json_node_init_object (json_node_alloc (), body);
  reply = chamber_client_request_json (client, "POST", "/api/v1/supervision/draws", body_node,
                                       NULL, NULL, &error);
  if (reply == NULL)
    return chamberctl_fail (error != NULL ? error->message : _("The server answered no draw."));
  draw = JSON_NODE_HOLDS_OBJECT (reply)
             ? chamber_json_peek_object (json_node_get_object (reply), "draw")
             : NULL;
  if (draw == NULL)
    return chamberctl_fail (_("The server answered no draw."));

  samples = chamber_json_peek_array (draw, "samples");
  printf (_("Draw %lld: seed %s, algorithm %s, %lld candidates, %u drawn.\n"),
          (long long) chamber_json_peek_int (draw, "id", 0),
          chamberctl_peek_text (draw, "seed"),
          chamberctl_peek_text (draw, "algorithm"),
          (long long) chamber_json_peek_int (draw, "population", 0),
          samples != NULL ? json_array_get_length (samples) : 0);
  strata = chamber_json_peek_array (draw, "strata");
  for (guint i = 0; stratify != CHAMBER_STRATIFY_NONE && strata != NULL
                    && i < json_array_get_length (strata); i++)
    {
      JsonObject *stratum = json_array_get_object_element (strata, i);
      const char *stratum_name = chamberctl_peek_text (stratum, "name");

      printf (_("Stratum %s: %lld of %lld\n"), *stratum_name != '\0' ? stratum_name : "-",
              (long long) chamber_json_peek_int (stratum, "sample", 0),
              (long long) chamber_json_peek_int (stratum, "population", 0));
    }
  for (guint i = 0; samples != NULL && i < json_array_get_length (samples); i++)
    print_sample (json_array_get_object_element (samples, i));
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_supervision_assign (ChamberctlGlobals *globals,
                               const char        *name,
                               int                argc,
                               char             **argv)
{
  g_autofree char *group = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (JsonNode) body_node = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autofree char *path = NULL;
  JsonObject *sample;
  gint64 id = 0;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "group", 0, 0, G_OPTION_ARG_STRING, &group,
      N_("The committee or delegate group that checks it"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "SAMPLE", 1,
                         N_("Assign a drawn petition to a committee or delegate group"), entries,
                         TRUE, &argc, &argv)
      || !chamberctl_parse_id (name, "SAMPLE", argv[1], &id)
      || !chamberctl_check_utf8 (name, "--group", group))
    return CHAMBERCTL_EXIT_USAGE;
  if (group == NULL || *g_strstrip (group) == '\0')
    return chamberctl_usage_error (name, _("say who checks it: --group NAME"));
  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  json_object_set_string_member (body, "assignee", group);
  body_node = json_node_init_object (json_node_alloc (), body);
  path = g_strdup_printf ("/api/v1/supervision/samples/%lld", (long long) id);
  reply = chamber_client_request_json (client, "PUT", path, body_node, NULL, NULL, &error);
  if (reply == NULL)
    return chamberctl_fail (error != NULL ? error->message : _("The server answered nothing."));
  sample = JSON_NODE_HOLDS_OBJECT (reply)
               ? chamber_json_peek_object (json_node_get_object (reply), "sample")
               : NULL;
  if (sample == NULL)
    return chamberctl_fail (_("The server's answer has no sample."));
  print_sample (sample);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_supervision_finding (ChamberctlGlobals *globals,
                                const char        *name,
                                int                argc,
                                char             **argv)
{
  g_autofree char *result_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *evidence = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (GString) path = g_string_new (NULL);
  ChamberFindingResult result;
  JsonObject *sample;
  gint64 id = 0;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "result", 0, 0, G_OPTION_ARG_STRING, &result_text,
      N_("confirmed, partly or not-resolved"), N_("RESULT") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What was found"), N_("TEXT") },
    { "evidence", 0, 0, G_OPTION_ARG_FILENAME, &evidence,
      N_("Evidence: a PDF, PNG or JPEG file"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "SAMPLE", 1,
                         N_("Record the finding on a drawn petition"), entries, TRUE, &argc,
                         &argv)
      || !chamberctl_parse_id (name, "SAMPLE", argv[1], &id)
      || !chamberctl_check_utf8 (name, "--note", note))
    return CHAMBERCTL_EXIT_USAGE;
  if (result_text == NULL || !chamber_finding_result_from_string (result_text, &result))
    return chamberctl_usage_error (name, _("--result must be confirmed, partly or "
                                           "not-resolved"));
  if (evidence != NULL && !g_file_test (evidence, G_FILE_TEST_IS_REGULAR))
    return chamberctl_usage_error (name, _("“%s” is not a file that can be read"), evidence);
  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  g_string_append_printf (path, "/api/v1/supervision/samples/%lld/findings?result=%s",
                          (long long) id, chamber_finding_result_to_string (result));
  if (note != NULL)
    {
      g_autofree char *escaped = g_uri_escape_string (note, NULL, FALSE);

      g_string_append_printf (path, "&note=%s", escaped);
    }
  answer = chamberctl_post_file (client, path->str, evidence, "application/octet-stream",
                                 MAX_ANSWER, &exit_status);
  if (answer == NULL)
    return exit_status;
  sample = chamber_json_peek_object (answer, "sample");
  if (sample == NULL)
    return chamberctl_fail (_("The server's answer has no sample."));
  print_sample (sample);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_supervision_list (ChamberctlGlobals *globals,
                             const char        *name,
                             int                argc,
                             char             **argv)
{
  g_autofree char *draw_text = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autofree char *path = NULL;
  JsonArray *samples;
  gint64 draw = 0;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "draw", 0, 0, G_OPTION_ARG_STRING, &draw_text, N_("Only the petitions of this draw"),
      N_("DRAW") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("List drawn petitions with their assignment and finding"), entries,
                         TRUE, &argc, &argv)
      || (draw_text != NULL && !chamberctl_parse_id (name, "--draw", draw_text, &draw)))
    return CHAMBERCTL_EXIT_USAGE;
  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  path = draw > 0 ? g_strdup_printf ("/api/v1/supervision/samples?draw=%lld", (long long) draw)
                  : g_strdup ("/api/v1/supervision/samples");
  answer = chamberctl_get_object (client, path, MAX_ANSWER);
  if (answer == NULL)
    return CHAMBERCTL_EXIT_FAILURE;
  samples = chamber_json_peek_array (answer, "samples");
  for (guint i = 0; samples != NULL && i < json_array_get_length (samples); i++)
    print_sample (json_array_get_object_element (samples, i));
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_supervision_recommendation (ChamberctlGlobals *globals,
                                       const char        *name,
                                       int                argc,
                                       char             **argv)
{
  g_autofree char *draw_text = NULL;
  g_autofree char *out = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 draw = 0;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "draw", 0, 0, G_OPTION_ARG_STRING, &draw_text,
      N_("Only the findings of this draw (default: every draw)"), N_("DRAW") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), N_("FILE.pdf") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("Write the recommendation to the People's Committee (PDF)"), entries,
                         TRUE, &argc, &argv)
      || (draw_text != NULL && !chamberctl_parse_id (name, "--draw", draw_text, &draw)))
    return CHAMBERCTL_EXIT_USAGE;
  if (out == NULL)
    return chamberctl_usage_error (name, _("say where to write it: --out FILE.pdf"));
  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  path = draw > 0
           ? g_strdup_printf ("/api/v1/supervision/recommendation?draw=%lld", (long long) draw)
           : g_strdup ("/api/v1/supervision/recommendation");
  bytes = chamber_client_get_bytes (client, path, NULL, NULL, NULL, NULL, &error);
  if (bytes == NULL)
    return chamberctl_fail (error != NULL ? error->message : _("The server answered nothing."));
  return chamberctl_write_output (out, bytes);
}
