/* chamberctl-admin.c — the secretariat's commands: sessions, agenda items, people, tokens,
 * publishing and new versions. Each prints the id (or token) it made alone on a line (a new
 * version: its id and version number), for scripts. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <string.h>

#include "chamber-handover.h"
#include "chamber-pdf.h"
#include "chamber-protocol.h"
#include "chamber-tls.h"
#include "chamberctl-private.h"

/* "YYYY-MM-DD" naming a real day. */
static gboolean
is_valid_date (const char *text)
{
  guint64 year, month, day;
  char digits[5];

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  memcpy (digits, text, 4);
  digits[4] = '\0';
  year = g_ascii_strtoull (digits, NULL, 10);
  memcpy (digits, text + 5, 2);
  digits[2] = '\0';
  month = g_ascii_strtoull (digits, NULL, 10);
  memcpy (digits, text + 8, 2);
  day = g_ascii_strtoull (digits, NULL, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1
         && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

int
chamberctl_session_create (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL, *kind = NULL, *place = NULL, *starts = NULL, *ends = NULL;
  int number = 0;
  int status;
  const GOptionEntry entries[] = {
    { "number", 0, 0, G_OPTION_ARG_INT, &number, N_("Session number (kỳ họp thứ N)"), "N" },
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title, N_("Title of the session"), N_("TITLE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("regular, thematic or extraordinary (default: regular)"), N_("KIND") },
    { "place", 0, 0, G_OPTION_ARG_FILENAME, &place, N_("Where it is held"), N_("PLACE") },
    { "starts", 0, 0, G_OPTION_ARG_STRING, &starts, N_("First day"), N_("YYYY-MM-DD") },
    { "ends", 0, 0, G_OPTION_ARG_STRING, &ends, N_("Last day"), N_("YYYY-MM-DD") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0, N_("Creates a session and prints its id."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (number <= 0)
    return chamberctl_usage_error (name, _("--number N is required and must be positive"));
  if (title == NULL || *title == '\0')
    return chamberctl_usage_error (name, _("--title is required"));
  if (!chamberctl_check_utf8 (name, "--title", title)
      || !chamberctl_check_utf8 (name, "--place", place))
    return CHAMBERCTL_EXIT_USAGE;
  session->kind = CHAMBER_SESSION_REGULAR;
  if (kind != NULL && !chamber_session_kind_from_string (kind, &session->kind))
    return chamberctl_usage_error (name, _("unknown kind “%s”: use regular, thematic or "
                                           "extraordinary"), kind);
  if (starts != NULL && !is_valid_date (starts))
    return chamberctl_usage_error (name, _("--starts must be a date like 2024-12-09, not “%s”"),
                                   starts);
  if (ends != NULL && !is_valid_date (ends))
    return chamberctl_usage_error (name, _("--ends must be a date like 2024-12-11, not “%s”"),
                                   ends);

  session->number = number;
  session->title = g_steal_pointer (&title);
  session->place = g_steal_pointer (&place);
  session->starts_on = g_steal_pointer (&starts);
  session->ends_on = g_steal_pointer (&ends);
  session->state = CHAMBER_SESSION_STATE_PREPARING;

  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  created = chamber_client_create_session (client, session, NULL, &error);
  if (created == NULL)
    return chamberctl_fail (error->message);
  printf ("%" G_GINT64_FORMAT "\n", created->id);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_session_list (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("Lists the sessions, newest first: id, number and title, "
                            "separated by tabs."),
                         NULL, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  sessions = chamber_client_list_sessions (client, NULL, &error);
  if (sessions == NULL)
    return chamberctl_fail (error->message);
  for (guint i = 0; i < sessions->len; i++)
    {
      const ChamberSession *session = g_ptr_array_index (sessions, i);

      printf ("%" G_GINT64_FORMAT "\t%d\t%s\n", session->id, session->number, session->title);
    }
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_item_add (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) created = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 parent = 0;
  int minutes = 0;
  int status;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title, N_("Title of the item"), N_("TITLE") },
    { "parent", 0, 0, G_OPTION_ARG_INT64, &parent, N_("Put it under this item"), N_("ITEM") },
    { "minutes", 0, 0, G_OPTION_ARG_INT, &minutes, N_("Planned duration in minutes"),
      N_("MINUTES") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "SESSION", 1,
                         N_("Adds an item to the agenda of SESSION and prints its id."), entries,
                         TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "SESSION", argv[1], &item->session_id))
    return CHAMBERCTL_EXIT_USAGE;
  if (title == NULL || *title == '\0')
    return chamberctl_usage_error (name, _("--title is required"));
  if (!chamberctl_check_utf8 (name, "--title", title))
    return CHAMBERCTL_EXIT_USAGE;
  if (parent < 0)
    return chamberctl_usage_error (name, _("--parent must be an item id"));
  if (minutes < 0)
    return chamberctl_usage_error (name, _("--minutes cannot be negative"));

  item->parent_id = parent;
  item->title = g_steal_pointer (&title);
  item->planned_minutes = minutes;
  item->position = -1;
  item->state = CHAMBER_ITEM_STATE_NOT_STARTED;

  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  created = chamber_client_add_item (client, item, NULL, &error);
  if (created == NULL)
    return chamberctl_fail (error->message);
  printf ("%" G_GINT64_FORMAT "\n", created->id);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_person_add (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (ChamberPerson) created = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *person_name = NULL, *role = NULL, *group = NULL, *title = NULL;
  g_autofree char *agency = NULL;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &person_name, N_("Full name"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_("delegate, chair, secretariat, admin or official"), N_("ROLE") },
    { "group", 0, 0, G_OPTION_ARG_FILENAME, &group, N_("Delegate group (Tổ đại biểu)"),
      N_("GROUP") },
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title,
      N_("An official's title, like “Giám đốc Sở Tài chính”"), N_("TITLE") },
    { "agency", 0, 0, G_OPTION_ARG_FILENAME, &agency, N_("An official's agency"),
      N_("AGENCY") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0, N_("Adds a person and prints their id."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (person_name == NULL || *person_name == '\0')
    return chamberctl_usage_error (name, _("--name is required"));
  if (role == NULL)
    return chamberctl_usage_error (name, _("--role is required"));
  if (!chamber_role_from_string (role, &person->role))
    return chamberctl_usage_error (name, _("unknown role “%s”: use delegate, chair, "
                                           "secretariat, admin or official"), role);
  if (!chamberctl_check_utf8 (name, "--name", person_name)
      || !chamberctl_check_utf8 (name, "--group", group)
      || !chamberctl_check_utf8 (name, "--title", title)
      || !chamberctl_check_utf8 (name, "--agency", agency))
    return CHAMBERCTL_EXIT_USAGE;

  person->name = g_steal_pointer (&person_name);
  person->group_name = g_steal_pointer (&group);
  person->title = g_steal_pointer (&title);
  person->agency = g_steal_pointer (&agency);
  person->active = TRUE;

  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  created = chamber_client_add_person (client, person, NULL, &error);
  if (created == NULL)
    return chamberctl_fail (error->message);
  printf ("%" G_GINT64_FORMAT "\n", created->id);
  return CHAMBERCTL_EXIT_OK;
}

/* Writes the handover sheet of a token just issued to @person_id: the person from the server,
 * the fingerprint of an https:// server (the pinned one, or the one it presents). */
static gboolean
write_handover (ChamberctlGlobals *globals,
                ChamberClient     *client,
                gint64             person_id,
                const char        *token,
                const char        *expires,
                const char        *council,
                const char        *path,
                GError           **error)
{
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (ChamberPerson) person = NULL;
  g_autofree char *fingerprint = NULL;
  const char *url = chamber_client_get_server_url (client);
  ChamberHandover sheet = { 0, };
  JsonArray *people = NULL;

  answer = chamber_client_request_json (client, "GET", "/api/v1/people", NULL, NULL, NULL,
                                        error);
  if (answer == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_OBJECT (answer)
      && json_object_has_member (json_node_get_object (answer), "people")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (answer),
                                                        "people")))
    people = json_object_get_array_member (json_node_get_object (answer), "people");
  for (guint i = 0; people != NULL && person == NULL && i < json_array_get_length (people); i++)
    {
      JsonNode *element = json_array_get_element (people, i);

      if (JSON_NODE_HOLDS_OBJECT (element)
          && json_object_get_int_member_with_default (json_node_get_object (element), "id", 0)
             == person_id)
        person = chamber_person_from_json (json_node_get_object (element), error);
    }
  if (person == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                     _("The server did not list person %lld."), (long long) person_id);
      return FALSE;
    }
  if (g_str_has_prefix (url, "https://"))
    {
      if (globals->pin_hex != NULL)
        fingerprint = g_strdup (globals->pin_hex);
      else if (!chamber_tls_fetch_fingerprint (url, &fingerprint, NULL, error))
        return FALSE;
    }

  sheet.council_name = council;
  sheet.person_name = person->name;
  sheet.role = person->role;
  sheet.group_name = person->group_name;
  sheet.server_url = url;
  sheet.fingerprint = fingerprint;
  sheet.token = token;
  sheet.expires_at = expires;
  return chamber_handover_write (&sheet, path, error);
}

int
chamberctl_token_issue (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *expires = NULL;
  g_autofree char *handover = NULL;
  g_autofree char *council = NULL;
  gboolean with_id = FALSE;
  gint64 person_id, token_id = 0;
  int status;
  const GOptionEntry entries[] = {
    { "expires", 0, 0, G_OPTION_ARG_STRING, &expires,
      N_("The token stops working at this time, like 2025-06-30T17:00:00Z"),
      N_("YYYY-MM-DDTHH:MM:SSZ") },
    { "with-id", 0, 0, G_OPTION_ARG_NONE, &with_id,
      N_("Print the token's id and a tab before the token (for “token revoke”)"), NULL },
    { "handover", 0, 0, G_OPTION_ARG_FILENAME, &handover,
      N_("Also write the handover sheet to print for the person (PDF)"), N_("FILE.pdf") },
    { "council", 0, 0, G_OPTION_ARG_FILENAME, &council,
      N_("The council's name at the top of the handover sheet"), N_("NAME") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "PERSON", 1,
                         N_("Issues an access token for PERSON and prints it. The server keeps "
                            "only its fingerprint: this is the only time it is shown."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "PERSON", argv[1], &person_id))
    return CHAMBERCTL_EXIT_USAGE;
  if (expires != NULL)
    {
      g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (expires, utc);

      if (when == NULL)
        return chamberctl_usage_error (name, _("--expires must be a date and time like "
                                               "2025-06-30T17:00:00Z, not “%s”"),
                                       expires);
    }
  if (!chamberctl_check_utf8 (name, "--council", council))
    return CHAMBERCTL_EXIT_USAGE;
  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  token = chamber_client_issue_token_full (client, person_id, expires, &token_id, NULL, &error);
  if (token == NULL)
    return chamberctl_fail (error->message);
  if (handover != NULL
      && !write_handover (globals, client, person_id, token, expires, council, handover, &error))
    {
      /* The token was issued: print it so that it is not lost, and say what failed. */
      printf ("%s\n", token);
      return chamberctl_fail (error->message);
    }
  if (with_id)
    printf ("%" G_GINT64_FORMAT "\t%s\n", token_id, token);
  else
    printf ("%s\n", token);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_token_revoke (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  gint64 token_id;
  int status;

  if (!chamberctl_parse (globals, name, "TOKEN_ID", 1,
                         N_("Revokes the access token with this id (printed by “token issue "
                            "--with-id”): the server refuses it from now on."),
                         NULL, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "TOKEN_ID", argv[1], &token_id))
    return CHAMBERCTL_EXIT_USAGE;
  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  if (!chamber_client_revoke_token (client, token_id, NULL, &error))
    return chamberctl_fail (error->message);
  return CHAMBERCTL_EXIT_OK;
}

/* "all", "group:NAME" or "person:ID", as the server takes them. */
static gboolean
check_access (const char *name, char **access)
{
  for (guint i = 0; access != NULL && access[i] != NULL; i++)
    {
      const char *entry = access[i];
      guint64 id;

      if (!chamberctl_check_utf8 (name, "--access", entry))
        return FALSE;
      if (g_str_equal (entry, "all")
          || (g_str_has_prefix (entry, "group:") && entry[strlen ("group:")] != '\0')
          || (g_str_has_prefix (entry, "person:")
              && g_ascii_isdigit (entry[strlen ("person:")])
              && entry[strlen ("person:")] != '0'
              && g_ascii_string_to_unsigned (entry + strlen ("person:"), 10, 1, G_MAXINT64, &id,
                                             NULL)))
        continue;
      chamberctl_usage_error (name, _("--access must be all, group:NAME or person:ID, not “%s”"),
                              entry);
      return FALSE;
    }
  return TRUE;
}

int
chamberctl_access_set (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) access = NULL;
  gint64 document_id;
  int status;
  const GOptionEntry entries[] = {
    { "access", 0, 0, G_OPTION_ARG_STRING_ARRAY, &access,
      N_("Who may read it: all, group:NAME or person:ID (repeat for several)"), N_("WHO") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "DOCUMENT", 1,
                         N_("Replaces who may read DOCUMENT and prints its access list, one "
                            "entry a line. Delegates no longer allowed lose it at their next "
                            "sync."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "DOCUMENT", argv[1], &document_id))
    return CHAMBERCTL_EXIT_USAGE;
  if (access == NULL || access[0] == NULL)
    return chamberctl_usage_error (name, _("--access is required"));
  if (!check_access (name, access))
    return CHAMBERCTL_EXIT_USAGE;
  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  document = chamber_client_set_document_access (client, document_id,
                                                 (const char *const *) access, NULL, &error);
  if (document == NULL)
    return chamberctl_fail (error->message);
  for (guint i = 0; document->access != NULL && document->access[i] != NULL; i++)
    printf ("%s\n", document->access[i]);
  return CHAMBERCTL_EXIT_OK;
}

/* The title to send for an upload without --title: none when the PDF has a title of its own
 * (the server takes it), otherwise the file's name without ".pdf" — the server never sees
 * the file's name. */
static char *
default_title (const char *path)
{
  PopplerDocument *pdf = chamber_pdf_open (path, NULL, NULL);
  g_autofree char *own = pdf != NULL ? poppler_document_get_title (pdf) : NULL;
  g_autofree char *base = NULL;
  gsize len;

  g_clear_object (&pdf);
  if (own != NULL && *g_strstrip (own) != '\0')
    return NULL;

  base = g_path_get_basename (path);
  len = strlen (base);
  if (len > 4 && g_ascii_strcasecmp (base + len - 4, ".pdf") == 0)
    base[len - 4] = '\0';
  return g_utf8_make_valid (base, -1);
}

int
chamberctl_publish (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL, *kind_name = NULL;
  g_auto (GStrv) access = NULL;
  ChamberDocumentKind kind = CHAMBER_DOCUMENT_OTHER;
  gboolean draft = FALSE;
  gint64 item_id;
  int status;
  const GOptionEntry entries[] = {
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft,
      N_("Keep it as a draft that only the secretariat sees until “document publish”"), NULL },
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title,
      N_("Title of the document (default: the PDF's own title or its file name)"),
      N_("TITLE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name,
      N_("submission, report, draft-resolution or other (default: other)"), N_("KIND") },
    { "access", 0, 0, G_OPTION_ARG_STRING_ARRAY, &access,
      N_("Who may read it: all, group:NAME or person:ID (repeat for several; default: all)"),
      N_("WHO") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "ITEM FILE.pdf", 2,
                         N_("Uploads FILE.pdf to agenda item ITEM and prints the document's id. "
                            "The server checks the PDF first and refuses a damaged one."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "ITEM", argv[1], &item_id))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_check_utf8 (name, "--title", title) || !check_access (name, access))
    return CHAMBERCTL_EXIT_USAGE;
  if (kind_name != NULL && !chamber_document_kind_from_string (kind_name, &kind))
    return chamberctl_usage_error (name, _("unknown kind “%s”: use submission, report, "
                                           "draft-resolution or other"), kind_name);
  if (!g_file_test (argv[2], G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("%s: no such file."), argv[2]);
      return chamberctl_fail (message);
    }

  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = default_title (argv[2]);
    }

  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  document = chamber_client_upload_document (client, item_id, argv[2], title, kind,
                                             (const char *const *) access, draft, NULL, &error);
  if (document == NULL)
    return chamberctl_fail (error->message);
  printf ("%" G_GINT64_FORMAT "\n", document->id);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_replace (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kind_name = NULL;
  g_auto (GStrv) access = NULL;
  ChamberDocumentKind kind = CHAMBER_DOCUMENT_OTHER;
  gboolean draft = FALSE;
  gint64 document_id;
  int status;
  const GOptionEntry entries[] = {
    { "draft", 0, 0, G_OPTION_ARG_NONE, &draft,
      N_("Keep the new version as a draft: readers keep the current one until “document "
         "publish”"),
      NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_name,
      N_("submission, report, draft-resolution or other (default: that of DOCUMENT)"),
      N_("KIND") },
    { "access", 0, 0, G_OPTION_ARG_STRING_ARRAY, &access,
      N_("Who may read it: all, group:NAME or person:ID (repeat for several; default: who "
         "may read DOCUMENT)"),
      N_("WHO") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "DOCUMENT FILE.pdf", 2,
                         N_("Uploads FILE.pdf as the next version of DOCUMENT (same agenda item "
                            "and title) and prints the new version's document id and version "
                            "number, separated by a tab. The old version stays on the server. "
                            "The server checks the PDF first and refuses a damaged one."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "DOCUMENT", argv[1], &document_id)
      || !check_access (name, access))
    return CHAMBERCTL_EXIT_USAGE;
  if (kind_name != NULL && !chamber_document_kind_from_string (kind_name, &kind))
    return chamberctl_usage_error (name, _("unknown kind “%s”: use submission, report, "
                                           "draft-resolution or other"), kind_name);
  if (!g_file_test (argv[2], G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("%s: no such file."), argv[2]);
      return chamberctl_fail (message);
    }

  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  document = chamber_client_replace_document_full (client, document_id, argv[2],
                                                   kind_name != NULL ? (int) kind : -1,
                                                   (const char *const *) access, draft, NULL,
                                                   &error);
  if (document == NULL)
    return chamberctl_fail (error->message);
  printf ("%" G_GINT64_FORMAT "\t%d\n", document->id, document->version);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_document_publish (ChamberctlGlobals *globals, const char *name, int argc,
                             char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  gboolean was_draft = FALSE;
  gint64 document_id;
  int status;

  if (!chamberctl_parse (globals, name, "DOCUMENT", 1,
                         N_("Publishes the draft DOCUMENT: from now on everyone allowed to read "
                            "it receives it at their next sync. A document published already "
                            "is left as it is."),
                         NULL, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "DOCUMENT", argv[1], &document_id))
    return CHAMBERCTL_EXIT_USAGE;
  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  document = chamber_client_publish_document (client, document_id, &was_draft, NULL, &error);
  if (document == NULL)
    return chamberctl_fail (error->message);
  if (was_draft)
    printf (_("Document %lld (“%s”, version %d) is published.\n"), (long long) document->id,
            document->title, document->version);
  else
    printf (_("Document %lld (“%s”, version %d) was already published; nothing changed.\n"),
            (long long) document->id, document->title, document->version);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_session_publish (ChamberctlGlobals *globals, const char *name, int argc,
                            char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GArray) published = NULL;
  g_autoptr (GError) error = NULL;
  gint64 session_id, item_id = 0;
  int item = 0;
  int status;
  const GOptionEntry entries[] = {
    { "item", 0, 0, G_OPTION_ARG_INT, &item,
      N_("Only the drafts of this agenda item"), N_("ITEM") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "SESSION", 1,
                         N_("Publishes every draft of SESSION (or of one of its agenda items) at "
                            "once and prints the ids of the documents published, one a line."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "SESSION", argv[1], &session_id))
    return CHAMBERCTL_EXIT_USAGE;
  if (item < 0)
    return chamberctl_usage_error (name, _("--item must be an agenda item's id"));
  item_id = item;
  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  published = chamber_client_publish_drafts (client, session_id, item_id, NULL, &error);
  if (published == NULL)
    return chamberctl_fail (error->message);
  for (guint i = 0; i < published->len; i++)
    printf ("%lld\n", (long long) g_array_index (published, gint64, i));
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u draft published.\n", "%u drafts published.\n",
                           published->len),
              published->len);
  return CHAMBERCTL_EXIT_OK;
}

/* The secretariat's desk: changing sessions and agenda items. */

int
chamberctl_session_set (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (JsonObject) changes = json_object_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL, *kind = NULL, *place = NULL, *starts = NULL, *ends = NULL;
  g_autofree char *state = NULL;
  gint64 session_id;
  int number = 0;
  int status;
  const GOptionEntry entries[] = {
    { "number", 0, 0, G_OPTION_ARG_INT, &number, N_("Session number (kỳ họp thứ N)"), "N" },
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title, N_("Title of the session"), N_("TITLE") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind, N_("regular, thematic or extraordinary"),
      N_("KIND") },
    { "place", 0, 0, G_OPTION_ARG_FILENAME, &place, N_("Where it is held (\"\" clears it)"),
      N_("PLACE") },
    { "starts", 0, 0, G_OPTION_ARG_STRING, &starts, N_("First day (\"\" clears it)"),
      N_("YYYY-MM-DD") },
    { "ends", 0, 0, G_OPTION_ARG_STRING, &ends, N_("Last day (\"\" clears it)"),
      N_("YYYY-MM-DD") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state, N_("preparing, open or closed"),
      N_("STATE") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "SESSION", 1,
                         N_("Changes a session: only what is given changes. The state goes "
                            "from preparing to open to closed, and back to open."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "SESSION", argv[1], &session_id))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_check_utf8 (name, "--title", title)
      || !chamberctl_check_utf8 (name, "--place", place))
    return CHAMBERCTL_EXIT_USAGE;
  if (number < 0)
    return chamberctl_usage_error (name, _("--number must be positive"));
  if (starts != NULL && *starts != '\0' && !is_valid_date (starts))
    return chamberctl_usage_error (name, _("--starts must be a date like 2024-12-09, not “%s”"),
                                   starts);
  if (ends != NULL && *ends != '\0' && !is_valid_date (ends))
    return chamberctl_usage_error (name, _("--ends must be a date like 2024-12-11, not “%s”"),
                                   ends);
  if (number > 0)
    json_object_set_int_member (changes, "number", number);
  if (title != NULL)
    json_object_set_string_member (changes, "title", title);
  if (kind != NULL)
    json_object_set_string_member (changes, "kind", kind);
  if (state != NULL)
    json_object_set_string_member (changes, "state", state);
  {
    const char *members[] = { "place", "starts_on", "ends_on" };
    const char *values[] = { place, starts, ends };

    chamberctl_set_clearable (changes, members, values, G_N_ELEMENTS (members));
  }
  if (json_object_get_size (changes) == 0)
    return chamberctl_usage_error (name, _("nothing to change: give at least one option"));

  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  session = chamber_client_update_session (client, session_id, changes, NULL, &error);
  if (session == NULL)
    return chamberctl_fail (error->message);
  printf ("%" G_GINT64_FORMAT "\t%d\t%s\t%s\n", session->id, session->number,
          chamber_session_state_to_string (session->state), session->title);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_session_copy_agenda (ChamberctlGlobals *globals, const char *name, int argc,
                                char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gint64 session_id, from = 0;
  int status;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_INT64, &from, N_("The session whose agenda is copied"),
      N_("SESSION") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "SESSION", 1,
                         N_("Copies the agenda of another session (titles, nesting, planned "
                            "minutes, questioning marks; not documents) into SESSION, which "
                            "has no items yet. Prints the new items: id, parent id, title."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "SESSION", argv[1], &session_id))
    return CHAMBERCTL_EXIT_USAGE;
  if (from <= 0)
    return chamberctl_usage_error (name, _("--from SESSION is required"));
  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  items = chamber_client_copy_agenda (client, session_id, from, NULL, &error);
  if (items == NULL)
    return chamberctl_fail (error->message);
  for (guint i = 0; i < items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (items, i);

      printf ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\n", item->id, item->parent_id,
              item->title);
    }
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_item_set (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberItem) item = NULL;
  g_autoptr (JsonObject) changes = json_object_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 item_id, parent = -1;
  int minutes = -1, position = -1;
  gboolean questioning = FALSE, no_questioning = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title, N_("Title of the item"), N_("TITLE") },
    { "parent", 0, 0, G_OPTION_ARG_INT64, &parent,
      N_("Move it under this item (0: to the top level)"), N_("ITEM") },
    { "position", 0, 0, G_OPTION_ARG_INT, &position, N_("Its place among its siblings, from 0"),
      N_("N") },
    { "minutes", 0, 0, G_OPTION_ARG_INT, &minutes, N_("Planned duration in minutes"),
      N_("MINUTES") },
    { "questioning", 0, 0, G_OPTION_ARG_NONE, &questioning, N_("Mark it for questioning"),
      NULL },
    { "no-questioning", 0, 0, G_OPTION_ARG_NONE, &no_questioning,
      N_("Take away the questioning mark"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "ITEM", 1,
                         N_("Changes an agenda item: only what is given changes."), entries,
                         TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "ITEM", argv[1], &item_id))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_check_utf8 (name, "--title", title))
    return CHAMBERCTL_EXIT_USAGE;
  if (questioning && no_questioning)
    return chamberctl_usage_error (name, _("give --questioning or --no-questioning, not both"));
  if (title != NULL)
    json_object_set_string_member (changes, "title", title);
  if (minutes >= 0)
    json_object_set_int_member (changes, "planned_minutes", minutes);
  if (position >= 0)
    json_object_set_int_member (changes, "position", position);
  if (parent == 0)
    json_object_set_null_member (changes, "parent_id");
  else if (parent > 0)
    json_object_set_int_member (changes, "parent_id", parent);
  if (questioning || no_questioning)
    json_object_set_boolean_member (changes, "questioning", questioning);
  if (json_object_get_size (changes) == 0)
    return chamberctl_usage_error (name, _("nothing to change: give at least one option"));

  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  item = chamber_client_update_item (client, item_id, changes, NULL, &error);
  if (item == NULL)
    return chamberctl_fail (error->message);
  printf ("%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%d\t%s\n", item->id, item->parent_id,
          item->position, item->title);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_item_remove (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GError) error = NULL;
  gint64 item_id;
  int status;

  if (!chamberctl_parse (globals, name, "ITEM", 1,
                         N_("Deletes an agenda item that has no sub-items, no documents and "
                            "nothing recorded in the live sitting."),
                         NULL, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "ITEM", argv[1], &item_id))
    return CHAMBERCTL_EXIT_USAGE;
  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  if (!chamber_client_delete_item (client, item_id, NULL, &error))
    return chamberctl_fail (error->message);
  return CHAMBERCTL_EXIT_OK;
}
