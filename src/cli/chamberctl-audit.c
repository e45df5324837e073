/* chamberctl-audit.c — the secretariat's view of the audit log (`chamberctl audit`) and of what
 * reached each delegate's laptop (`chamberctl delivery`). Both print one line per record with
 * the fields separated by tabs, for people and for scripts. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>

#include "chamberctl-private.h"

/* A string member as one field: "-" when missing or null, tabs and line breaks as spaces. */
static char *
field (JsonObject *object, const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  char *text;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("-");
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (node));
  else
    text = g_strdup_printf ("%lld", (long long) json_node_get_int (node));
  return g_strdelimit (text, "\t\r\n", ' ');
}

/* The array @member of the object answer, or NULL having set @error. */
static JsonArray *
answer_array (JsonNode *answer, const char *member, GError **error)
{
  JsonObject *object = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer)
                         ? json_node_get_object (answer)
                         : NULL;
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                   _("The server's answer has no “%s” list. Is it a Chamber server of this "
                     "version?"),
                   member);
      return NULL;
    }
  return json_node_get_array (node);
}

int
chamberctl_audit (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *session_text = NULL;
  gint64 session_id = 0;
  int limit = 100;
  int status;
  JsonArray *events;
  const GOptionEntry entries[] = {
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_text,
      N_("Only the events of this session"), N_("SESSION") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most this many events (default: 100)"),
      "N" },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("Lists the audit log, newest first, one event a line: time (UTC), "
                            "action, person, document id, title, version and detail, separated "
                            "by tabs (“-” for none)."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (session_text != NULL && !chamberctl_parse_id (name, "--session", session_text, &session_id))
    return CHAMBERCTL_EXIT_USAGE;
  if (limit < 1 || limit > 10000)
    return chamberctl_usage_error (name, _("--limit must be a number from 1 to 10000"));

  if (session_id > 0)
    path = g_strdup_printf ("/api/v1/audit?session=%lld&limit=%d", (long long) session_id,
                            limit);
  else
    path = g_strdup_printf ("/api/v1/audit?limit=%d", limit);

  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  answer = chamber_client_request_json (client, "GET", path, NULL, NULL, NULL, &error);
  if (answer == NULL && error == NULL)
    g_set_error_literal (&error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                         _("The server sent an empty answer."));
  if (error != NULL || (events = answer_array (answer, "events", &error)) == NULL)
    return chamberctl_fail (error->message);

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      g_autofree char *at = field (event, "at");
      g_autofree char *action = field (event, "action");
      g_autofree char *person = field (event, "person_name");
      g_autofree char *document = field (event, "document_id");
      g_autofree char *title = field (event, "document_title");
      g_autofree char *version = field (event, "version");
      g_autofree char *detail = field (event, "detail");

      printf ("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", at, action, person, document, title, version,
              detail);
    }
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_delivery (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 session_id;
  int status;
  JsonArray *people;

  if (!chamberctl_parse (globals, name, "SESSION", 1,
                         N_("Shows, for every delegate, chair and official, how many of the "
                            "documents of SESSION they may read have reached their laptop at "
                            "the newest version, and the titles still missing: one person a "
                            "line, fields separated by tabs."),
                         NULL, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "SESSION", argv[1], &session_id))
    return CHAMBERCTL_EXIT_USAGE;

  path = g_strdup_printf ("/api/v1/sessions/%lld/delivery", (long long) session_id);
  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  answer = chamber_client_request_json (client, "GET", path, NULL, NULL, NULL, &error);
  if (answer == NULL && error == NULL)
    g_set_error_literal (&error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                         _("The server sent an empty answer."));
  if (error != NULL || (people = answer_array (answer, "people", &error)) == NULL)
    return chamberctl_fail (error->message);

  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *person = json_array_get_object_element (people, i);
      JsonArray *documents = json_object_get_array_member (person, "documents");
      g_autoptr (GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *person_name = field (person, "name");
      g_autofree char *group = field (person, "group");
      g_autofree char *count = NULL;
      guint total = documents != NULL ? json_array_get_length (documents) : 0;

      for (guint d = 0; d < total; d++)
        {
          JsonObject *document = json_array_get_object_element (documents, d);

          if (json_object_get_null_member (document, "downloaded_at"))
            g_ptr_array_add (missing, field (document, "title"));
        }
      count = g_strdup_printf (ngettext ("%u/%u document", "%u/%u documents", total),
                               total - missing->len, total);
      if (missing->len == 0)
        printf ("%s\t%s\t%s\n", person_name, group, count);
      else
        {
          g_autofree char *titles = NULL;

          g_ptr_array_add (missing, NULL);
          titles = g_strjoinv ("; ", (char **) missing->pdata);
          /* TRANSLATORS: the titles of the documents that have not reached a delegate yet. */
          printf ("%s\t%s\t%s\t%s%s\n", person_name, group, count, _("missing: "), titles);
        }
    }
  return CHAMBERCTL_EXIT_OK;
}
