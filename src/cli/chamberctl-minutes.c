/* chamberctl-minutes.c — the records of a live sitting from the command line (issue 5,
 * “Records”): `chamberctl minutes SESSION` downloads a session's minutes (PDF, CSV or JSON with
 * the statistics) from chamberd's GET /api/v1/sessions/ID/minutes, which makes them from the
 * stored live events; `chamberctl commitments` lists the commitments register (GET
 * /api/v1/commitments) as a table, CSV or JSON, and `chamberctl commitments set ID` records a
 * commitment's follow-up (PUT /api/v1/commitments/ID, the secretariat). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <unistd.h>

#include "chamberctl-private.h"
#include "chamber-commitments.h"
#include "chamber-minutes.h"
#include "chamber-protocol.h"

/* Writes @bytes to @path ("-" or NULL: stdout), replacing the file in one step. */
static int
write_output (const char *path,
              GBytes     *bytes)
{
  g_autoptr (GError) error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (path == NULL || g_str_equal (path, "-"))
    {
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        return chamberctl_fail (_("Cannot write to the standard output."));
      return CHAMBERCTL_EXIT_OK;
    }
  if (!g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0644, &error))
    return chamberctl_fail (error->message);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_minutes (ChamberctlGlobals *globals,
                    const char        *name,
                    int                argc,
                    char             **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *out = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  ChamberMinutesFormat format = CHAMBER_MINUTES_PDF;
  gint64 session = 0;
  guint status = 0;
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
  if (format == CHAMBER_MINUTES_PDF && (out == NULL || g_str_equal (out, "-"))
      && isatty (STDOUT_FILENO))
    return chamberctl_usage_error (name, _("a PDF is not for the terminal: give --out FILE"));

  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
  path = g_strdup_printf ("/api/v1/sessions/%lld/minutes?format=%s", (long long) session,
                          chamber_minutes_format_to_string (format));
  bytes = chamber_client_get_bytes (client, path, NULL, NULL, &status, NULL, &error);
  if (bytes == NULL)
    return chamberctl_fail (error != NULL ? error->message
                                          : _("The server answered no minutes."));
  return write_output (out, bytes);
}

static const char *
member_string (JsonObject *object,
               const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return "";
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* "18  overdue  2027-01-31  Nguyễn Hữu Phước  Chi trả …" */
static void
print_commitment (JsonObject *commitment)
{
  const char *due = member_string (commitment, "due");
  const char *note = member_string (commitment, "note");

  printf ("%lld\t%s\t%s\t%s\t%s", (long long) json_object_get_int_member_with_default (commitment,
                                                                                     "id", 0),
          member_string (commitment, "status"), *due != '\0' ? due : "-",
          member_string (member_object (commitment, "owner"), "name"),
          member_string (commitment, "what"));
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
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) path = g_string_new ("/api/v1/commitments?format=");
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonObject) answer = NULL;
  ChamberCommitmentStatus status;
  JsonNode *list;
  gint64 owner = 0, session = 0;
  int exit_status = 0;
  gboolean table;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Only commitments that are open, done or overdue"), N_("STATUS") },
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
    return chamberctl_usage_error (name, _("--status must be open, done or overdue, not “%s”"),
                                   status_text);
  if ((owner_text != NULL && !chamberctl_parse_id (name, "--owner", owner_text, &owner))
      || (session_text != NULL
          && !chamberctl_parse_id (name, "--session", session_text, &session)))
    return CHAMBERCTL_EXIT_USAGE;
  table = format == NULL || g_str_equal (format, "table");
  if (!table && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    return chamberctl_usage_error (name, _("--format must be table, csv or json, not “%s”"),
                                   format);

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
  bytes = chamber_client_get_bytes (client, path->str, NULL, NULL, NULL, NULL, &error);
  if (bytes == NULL)
    return chamberctl_fail (error != NULL ? error->message
                                          : _("The server answered no commitments."));
  if (!table)
    return write_output (out, bytes);

  answer = chamber_protocol_parse_object (g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), CHAMBER_PROTOCOL_MAX_BODY * 64,
                                          &error);
  if (answer == NULL)
    return chamberctl_fail (error->message);
  list = json_object_get_member (answer, "commitments");
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    return chamberctl_fail (_("The server's answer has no commitments list."));
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      JsonNode *element = json_array_get_element (json_node_get_array (list), i);

      if (JSON_NODE_HOLDS_OBJECT (element))
        print_commitment (json_node_get_object (element));
    }
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
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text, N_("done, or open again"),
      N_("STATUS") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A follow-up note"), N_("TEXT") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "ID", 1,
                         N_("Record whether a commitment was done (the secretariat)"), entries,
                         TRUE, &argc, &argv)
      || !chamberctl_parse_id (name, "ID", argv[1], &id)
      || !chamberctl_check_utf8 (name, "--note", note))
    return CHAMBERCTL_EXIT_USAGE;
  if (status_text == NULL)
    return chamberctl_usage_error (name, _("say the new status: --status done or --status open"));
  if (!chamber_commitment_status_from_string (status_text, &status)
      || status == CHAMBER_COMMITMENT_OVERDUE)
    return chamberctl_usage_error (name, _("--status must be done or open, not “%s”"),
                                   status_text);

  client = chamberctl_connect (globals, name, &exit_status);
  if (client == NULL)
    return exit_status;
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
                 ? member_object (json_node_get_object (answer), "commitment")
                 : NULL;
  if (commitment == NULL)
    return chamberctl_fail (_("The server's answer has no commitment."));
  print_commitment (commitment);
  return CHAMBERCTL_EXIT_OK;
}
