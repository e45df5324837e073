/* chamberctl-minutes.c — the records of a live sitting from the command line (issue 5,
 * “Records”): `chamberctl minutes SESSION` downloads a session's minutes (PDF, CSV or JSON with
 * the statistics) from chamberd's GET /api/v1/sessions/ID/minutes, which makes them from the
 * stored live events; `chamberctl commitments` lists the commitments register (GET
 * /api/v1/commitments) as a table, CSV or JSON, and `chamberctl commitments set ID` records a
 * commitment's follow-up (PUT /api/v1/commitments/ID, the secretariat; with --evidence, POST
 * /api/v1/commitments/ID/updates with the file as the body). The follow-up between sessions
 * (issue 9): `commitments due` lists what is due soon and overdue, `commitments history ID` the
 * updates of one commitment, and `commitments carry --to SESSION` carries the commitments still
 * open into a session's agenda. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "chamberctl-private.h"
#include "chamber-commitments.h"
#include "chamber-followup.h"
#include "chamber-minutes.h"
#include "chamber-protocol.h"

int
chamberctl_minutes (ChamberctlGlobals *globals,
                    const char        *name,
                    int                argc,
                    char             **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *out = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autofree char *path = NULL;
  ChamberMinutesFormat format = CHAMBER_MINUTES_PDF;
  gint64 session = 0;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("pdf (the default), csv, or json (with the statistics)"), N_("FORMAT") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write to this file (default: the standard output)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "SESSION", 1,
                         N_("Download the minutes of a session's questioning and answers"),
                         entries, TRUE, &argc, &argv)
      || !chamberctl_parse_id (name, "SESSION", argv[1], &session))
    return CHAMBERCTL_EXIT_USAGE;
  if (format_text != NULL && !chamber_minutes_format_from_string (format_text, &format))
    return chamberctl_usage_error (name, _("--format must be pdf, csv or json, not “%s”"),
                                   format_text);
  if (format == CHAMBER_MINUTES_PDF && chamberctl_output_is_terminal (out))
    return chamberctl_usage_error (name, _("a PDF is not for the terminal: give --out FILE"));

  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  path = g_strdup_printf ("/api/v1/sessions/%lld/minutes?format=%s", (long long) session,
                          chamber_minutes_format_to_string (format));
  return chamberctl_download (client, path, out, _("The server answered no minutes."));
}

/* "18  overdue  2027-01-31  Nguyễn Hữu Phước  Chi trả …" */
static void
print_commitment (JsonObject *commitment)
{
  const char *due = chamberctl_peek_text (commitment, "due");
  const char *note = chamberctl_peek_text (commitment, "note");

  printf ("%lld\t%s\t%s\t%s\t%s", (long long) json_object_get_int_member_with_default (commitment,
                                                                                     "id", 0),
          chamberctl_peek_text (commitment, "status"), *due != '\0' ? due : "-",
          chamberctl_peek_text (chamber_json_peek_object (commitment, "owner"), "name"),
          chamberctl_peek_text (commitment, "what"));
  if (*note != '\0')
    printf ("\t(%s)", note);
  printf ("\n");
}

int
chamberctl_commitments (ChamberctlGlobals *globals,
                        const char        *name,
                        int                argc,
                        char             **argv)
{
  g_autofree char *status_text = NULL;
  g_autofree char *owner_text = NULL;
  g_autofree char *session_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GString) path = g_string_new ("/api/v1/commitments?format=");
  g_autoptr (JsonNode) list = NULL;
  ChamberCommitmentStatus status;
  gint64 owner = 0, session = 0;
  int exit_status = 0;
  gboolean table;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Only commitments that are open, in-progress, done or overdue"), N_("STATUS") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &owner_text,
      N_("Only the commitments of this person (id)"), N_("PERSON") },
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_text,
      N_("Only the commitments made in this session"), N_("SESSION") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("table (the default), csv or json"), N_("FORMAT") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write csv or json to this file (default: the standard output)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("List the commitments register across sessions"), entries, TRUE,
                         &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (status_text != NULL && !chamber_commitment_status_from_string (status_text, &status))
    return chamberctl_usage_error (name, _("--status must be open, in-progress, done or "
                                           "overdue, not “%s”"),
                                   status_text);
  if ((owner_text != NULL && !chamberctl_parse_id (name, "--owner", owner_text, &owner))
      || (session_text != NULL
          && !chamberctl_parse_id (name, "--session", session_text, &session)))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_check_table_format (name, format, &table))
    return CHAMBERCTL_EXIT_USAGE;

  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  g_string_append (path, table ? "json" : format);
  if (status_text != NULL)
    g_string_append_printf (path, "&status=%s", status_text);
  if (owner > 0)
    g_string_append_printf (path, "&owner=%lld", (long long) owner);
  if (session > 0)
    g_string_append_printf (path, "&session=%lld", (long long) session);
  if (!table)
    return chamberctl_download (client, path->str, out, _("The server answered no commitments."));
  list = chamberctl_get_list (client, path->str, "commitments", &exit_status);
  if (list == NULL)
    return exit_status;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (list), i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        print_commitment (json_node_get_object (element));
    }
  return CHAMBERCTL_EXIT_OK;
}

/* Sends @path of @client as the body of POST /api/v1/commitments/ID/updates and prints the
 * commitment as the server answers it. */
static int
post_update (ChamberClient *client,
             gint64         id,
             const char    *status,
             const char    *note,
             const char    *path)
{
  g_autoptr (GString) query = g_string_new (NULL);
  g_autofree char *escaped_status = g_uri_escape_string (status, NULL, FALSE);
  g_autoptr (JsonObject) object = NULL;
  JsonObject *commitment;
  int exit_status = 0;

  g_string_append_printf (query, "/api/v1/commitments/%lld/updates?evidence=1&status=%s",
                          (long long) id, escaped_status);
  if (note != NULL)
    {
      g_autofree char *escaped_note = g_uri_escape_string (note, NULL, FALSE);

      g_string_append_printf (query, "&note=%s", escaped_note);
    }
  object = chamberctl_post_file (client, query->str, path, "application/octet-stream",
                                 CHAMBER_PROTOCOL_MAX_BODY, &exit_status);
  if (object == NULL)
    return exit_status;
  commitment = chamber_json_peek_object (object, "commitment");
  if (commitment == NULL)
    return chamberctl_fail (_("The server's answer has no commitment."));
  print_commitment (commitment);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_commitments_set (ChamberctlGlobals *globals,
                            const char        *name,
                            int                argc,
                            char             **argv)
{
  g_autofree char *status_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *evidence = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (JsonNode) body_node = NULL;
  g_autofree char *path = NULL;
  ChamberCommitmentStatus status;
  JsonObject *commitment;
  gint64 id = 0;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("in-progress, done, or open again"), N_("STATUS") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A follow-up note"), N_("TEXT") },
    { "evidence", 0, 0, G_OPTION_ARG_FILENAME, &evidence,
      N_("Attach evidence: a PDF, PNG or JPEG file"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "ID", 1,
                         N_("Record a status update of a commitment (the secretariat)"), entries,
                         TRUE, &argc, &argv)
      || !chamberctl_parse_id (name, "ID", argv[1], &id)
      || !chamberctl_check_utf8 (name, "--note", note))
    return CHAMBERCTL_EXIT_USAGE;
  if (status_text == NULL)
    return chamberctl_usage_error (name, _("say the new status: --status in-progress, "
                                           "--status done or --status open"));
  if (!chamber_commitment_status_from_string (status_text, &status)
      || status == CHAMBER_COMMITMENT_OVERDUE)
    return chamberctl_usage_error (name, _("--status must be in-progress, done or open, not "
                                           "“%s”"),
                                   status_text);
  if (evidence != NULL && !g_file_test (evidence, G_FILE_TEST_IS_REGULAR))
    return chamberctl_usage_error (name, _("--evidence: “%s” is not a file"), evidence);

  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  if (evidence != NULL)
    return post_update (client, id, status_text, note, evidence);
  json_object_set_string_member (body, "status", status_text);
  if (note != NULL)
    json_object_set_string_member (body, "note", note);
  body_node = json_node_init_object (json_node_alloc (), body);
  path = g_strdup_printf ("/api/v1/commitments/%lld", (long long) id);
  answer = chamber_client_request_json (client, "PUT", path, body_node, NULL, NULL, &error);
  if (answer == NULL)
    return chamberctl_fail (error != NULL ? error->message
                                          : _("The server answered no commitment."));
  commitment = JSON_NODE_HOLDS_OBJECT (answer)
                 ? chamber_json_peek_object (json_node_get_object (answer), "commitment")
                 : NULL;
  if (commitment == NULL)
    return chamberctl_fail (_("The server's answer has no commitment."));
  print_commitment (commitment);
  return CHAMBERCTL_EXIT_OK;
}

/* "18  overdue  2027-01-31  -3  Nguyễn Hữu Phước  Chi trả …" */
static void
print_due (JsonObject *commitment)
{
  JsonNode *days = json_object_get_member (commitment, "days_left");
  g_autofree char *left = days != NULL && JSON_NODE_HOLDS_VALUE (days)
                            ? g_strdup_printf ("%lld", (long long) json_node_get_int (days))
                            : g_strdup ("-");

  printf ("%lld\t%s\t%s\t%s\t%s\t%s\n",
          (long long) json_object_get_int_member_with_default (commitment, "id", 0),
          chamberctl_peek_text (commitment, "status"), chamberctl_peek_text (commitment, "due"),
          left,
          chamberctl_peek_text (chamber_json_peek_object (commitment, "owner"), "name"),
          chamberctl_peek_text (commitment, "what"));
}

int
chamberctl_commitments_due (ChamberctlGlobals *globals,
                            const char        *name,
                            int                argc,
                            char             **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *out = NULL;
  g_autofree char *path = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonNode) list = NULL;
  int within = CHAMBER_FOLLOWUP_DEFAULT_DUE_DAYS;
  int exit_status = 0;
  gboolean table;
  const GOptionEntry entries[] = {
    { "within", 0, 0, G_OPTION_ARG_INT, &within,
      N_("Days ahead to look (default 14); the overdue ones are always listed"), N_("DAYS") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("table (the default), csv or json"), N_("FORMAT") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("Write csv or json to this file (default: the standard output)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("List the commitments due soon and overdue"), entries, TRUE, &argc,
                         &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (within < 0 || within > CHAMBER_FOLLOWUP_MAX_DUE_DAYS)
    return chamberctl_usage_error (name, _("--within must be 0 to %d days"),
                                   CHAMBER_FOLLOWUP_MAX_DUE_DAYS);
  if (!chamberctl_check_table_format (name, format, &table))
    return CHAMBERCTL_EXIT_USAGE;

  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  path = g_strdup_printf ("/api/v1/commitments?due_within=%d&format=%s", within,
                          table ? "json" : format);
  if (!table)
    return chamberctl_download (client, path, out, _("The server answered no commitments."));
  list = chamberctl_get_list (client, path, "commitments", &exit_status);
  if (list == NULL)
    return exit_status;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (list), i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        print_due (json_node_get_object (element));
    }
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_commitments_history (ChamberctlGlobals *globals,
                                const char        *name,
                                int                argc,
                                char             **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonNode) list = NULL;
  g_autofree char *path = NULL;
  gint64 id = 0;
  int exit_status = 0;
  const GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };

  if (!chamberctl_parse (globals, name, "ID", 1,
                         N_("Show the status updates of a commitment"), entries, TRUE, &argc,
                         &argv)
      || !chamberctl_parse_id (name, "ID", argv[1], &id))
    return CHAMBERCTL_EXIT_USAGE;
  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  path = g_strdup_printf ("/api/v1/commitments/%lld/updates", (long long) id);
  list = chamberctl_get_list (client, path, "updates", &exit_status);
  if (list == NULL)
    return exit_status;
  /* "3  2027-01-05T08:00:00Z  in-progress  Văn phòng  evidence 12345 B image/png  note" */
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (list), i);
      JsonObject *update, *evidence;
      const char *note;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      update = json_node_get_object (element);
      evidence = chamber_json_peek_object (update, "evidence");
      note = chamberctl_peek_text (update, "note");
      printf ("%lld\t%s\t%s\t%s", (long long) json_object_get_int_member_with_default (update,
                                                                                         "id", 0),
              chamberctl_peek_text (update, "at"), chamberctl_peek_text (update, "status"),
              chamberctl_peek_text (chamber_json_peek_object (update, "by"), "name"));
      if (evidence != NULL)
        printf ("\t%s %lld %s", chamberctl_peek_text (evidence, "type"),
                (long long) json_object_get_int_member_with_default (evidence, "bytes", 0),
                chamberctl_peek_text (evidence, "sha256"));
      if (*note != '\0')
        printf ("\t(%s)", note);
      printf ("\n");
    }
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_commitments_carry (ChamberctlGlobals *globals,
                              const char        *name,
                              int                argc,
                              char             **argv)
{
  g_autofree char *to_text = NULL;
  g_autofree char *path = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (JsonObject) empty = json_object_new ();
  g_autoptr (JsonNode) body = json_node_init_object (json_node_alloc (), empty);
  JsonObject *carry;
  gint64 session = 0;
  int exit_status = 0;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The session whose agenda receives them"),
      N_("SESSION") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("Carry the commitments still open into a session's agenda"),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (to_text == NULL)
    return chamberctl_usage_error (name, _("say which session: --to SESSION"));
  if (!chamberctl_parse_id (name, "--to", to_text, &session))
    return CHAMBERCTL_EXIT_USAGE;
  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  path = g_strdup_printf ("/api/v1/sessions/%lld/carry", (long long) session);
  answer = chamber_client_request_json (client, "POST", path, body, NULL, NULL, &error);
  if (answer == NULL)
    return chamberctl_fail (error != NULL ? error->message : _("The server answered nothing."));
  carry = JSON_NODE_HOLDS_OBJECT (answer)
            ? chamber_json_peek_object (json_node_get_object (answer), "carry")
            : NULL;
  if (carry == NULL)
    return chamberctl_fail (_("The server's answer is not a carry-over."));
  if (json_object_get_int_member_with_default (carry, "item", 0) == 0)
    {
      printf ("%s\n", _("Nothing to carry: every commitment of earlier sessions is done."));
      return CHAMBERCTL_EXIT_OK;
    }
  /* "ITEM DOCUMENT COMMITMENTS created|existing", for scripts. */
  printf ("%lld\t%lld\t%lld\t%s\n",
          (long long) json_object_get_int_member_with_default (carry, "item", 0),
          (long long) json_object_get_int_member_with_default (carry, "document", 0),
          (long long) json_object_get_int_member_with_default (carry, "commitments", 0),
          json_object_get_boolean_member_with_default (carry, "created", FALSE) ? "created"
                                                                                : "existing");
  return CHAMBERCTL_EXIT_OK;
}
