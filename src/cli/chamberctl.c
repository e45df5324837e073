/* chamberctl.c — the command line of Chamber: finds the command, parses the options shared by
 * every command, and runs it. The commands live in chamberctl-admin.c (sessions, agenda, people,
 * tokens, publishing), chamberctl-audit.c (audit log, delivery), chamberctl-sync.c,
 * chamberctl-tls.c (fingerprint),
 * chamberctl-pdf.c (check, render), chamberctl-search.c and chamberctl-live.c (the live
 * sitting); option parsing and error messages in chamberctl-options.c. Built as
 * chamberctl-full, which `chamberctl` (chamberctl-launcher.c) execs for every command but check
 * and render. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chamberctl-private.h"
#include "chamber-tls.h"

typedef struct {
  const char *group;       /* the first word */
  const char *subcommand;  /* the second word, or NULL for a one-word command */
  ChamberctlCommandFunc func;
  const char *summary;
} Command;

static const Command commands[] = {
  { "session", "create", chamberctl_session_create, N_("Create a session and print its id") },
  { "session", "list", chamberctl_session_list, N_("List sessions: id, number and title") },
  { "session", "set", chamberctl_session_set,
    N_("Change a session: title, number, kind, place, dates, state") },
  { "session", "copy-agenda", chamberctl_session_copy_agenda,
    N_("Copy the agenda of another session into an empty one") },
  { "session", "publish", chamberctl_session_publish,
    N_("Publish every draft of a session (or of one agenda item) at once") },
  { "item", "add", chamberctl_item_add, N_("Add an agenda item and print its id") },
  { "item", "set", chamberctl_item_set,
    N_("Change an agenda item: title, place, minutes, questioning mark") },
  { "item", "remove", chamberctl_item_remove,
    N_("Delete an agenda item that holds no documents") },
  { "person", "add", chamberctl_person_add, N_("Add a person and print their id") },
  { "person", "set", chamberctl_person_set,
    N_("Change, deactivate or reactivate a person") },
  { "people", "import", chamberctl_people_import,
    N_("Import people from a CSV file (--dry-run to check only)") },
  { "token", "issue", chamberctl_token_issue, N_("Issue an access token for a person") },
  { "token", "revoke", chamberctl_token_revoke, N_("Revoke an access token by its id") },
  { "token", "list", chamberctl_token_list,
    N_("List a person's tokens: created, expires, revoked, last used") },
  { "publish", NULL, chamberctl_publish, N_("Upload a PDF to an agenda item") },
  { "replace", NULL, chamberctl_replace,
    N_("Upload a new version of a document, keeping the old one") },
  { "access", "set", chamberctl_access_set, N_("Change who may read a document") },
  { "document", "publish", chamberctl_document_publish,
    N_("Publish a draft document so that its readers receive it") },
  { "audit", NULL, chamberctl_audit,
    N_("List the audit log: who published, changed, downloaded") },
  { "delivery", NULL, chamberctl_delivery,
    N_("Show which documents of a session reached each delegate") },
  { "fingerprint", NULL, chamberctl_fingerprint,
    N_("Print the fingerprint of the certificate an https:// server presents") },
  { "sync", NULL, chamberctl_sync, N_("Bring sessions and their documents to a folder") },
  { "check", NULL, chamberctl_check, N_("Check that a PDF opens and every page renders") },
  { "render", NULL, chamberctl_render, N_("Render one page of a PDF to a PNG image") },
  { "search", NULL, chamberctl_search, N_("Search the text of the documents in a synced folder") },
  { "live", "open-item", chamberctl_live_open_item, N_("Open an agenda item (the chair)") },
  { "live", "close-item", chamberctl_live_close_item, N_("Close an agenda item (the chair)") },
  { "live", "request", chamberctl_live_request,
    N_("Register to speak on an item; prints the request id") },
  { "live", "withdraw", chamberctl_live_withdraw, N_("Withdraw your request to speak") },
  { "live", "grant", chamberctl_live_grant, N_("Give the floor to a request; prints the turn id") },
  { "live", "remove", chamberctl_live_remove, N_("Take a request off the queue (the chair)") },
  { "live", "reorder", chamberctl_live_reorder, N_("Move a request in the queue (the chair)") },
  { "live", "answer", chamberctl_live_answer,
    N_("Start the respondent's answer to a question; prints the turn id") },
  { "live", "conclude", chamberctl_live_conclude, N_("Start the chair's conclusion") },
  { "live", "pause", chamberctl_live_pause, N_("Pause the current turn") },
  { "live", "resume", chamberctl_live_resume, N_("Resume the current turn") },
  { "live", "add-time", chamberctl_live_add_time, N_("Give the current turn more seconds") },
  { "live", "end", chamberctl_live_end, N_("End the current turn") },
  { "live", "close-list", chamberctl_live_close_list, N_("Close the list of speakers") },
  { "live", "open-list", chamberctl_live_open_list, N_("Open the list of speakers again") },
  { "live", "summary", chamberctl_live_summary, N_("Write a turn's summary (the secretariat)") },
  { "live", "commit", chamberctl_live_commit,
    N_("Record a commitment made in a turn (the secretariat)") },
  { "live", "state", chamberctl_live_state, N_("Print a session's live state as JSON") },
  { "live", "watch", chamberctl_live_watch,
    N_("Print a session's live events as JSON lines as they happen") },
  { "minutes", NULL, chamberctl_minutes,
    N_("Download the minutes of a session's questioning (PDF, CSV or JSON)") },
  /* "commitments set" before "commitments": a one-word entry takes every call of its group. */
  { "commitments", "set", chamberctl_commitments_set,
    N_("Record whether a commitment was done (the secretariat)") },
  { "commitments", "due", chamberctl_commitments_due,
    N_("List the commitments due soon and overdue") },
  { "commitments", "history", chamberctl_commitments_history,
    N_("Show the status updates of a commitment") },
  { "commitments", "carry", chamberctl_commitments_carry,
    N_("Carry the commitments still open into a session's agenda") },
  { "commitments", NULL, chamberctl_commitments,
    N_("List the commitments register across sessions") },
  { "report", "delegates", chamberctl_report_delegates,
    N_("Download the delegate activity report of a term (PDF or CSV)") },
  { "report", "criteria", chamberctl_report_criteria,
    N_("Print or set (“criteria set”) the activity report's weights") },
  { "attendance", "set", chamberctl_attendance_set,
    N_("Record who attended a sitting day") },
  { "petition", "import", chamberctl_petition_import,
    N_("Import voter petitions from a CSV file (--dry-run to check only)") },
  { "petition", "list", chamberctl_petition_list, N_("List voter petitions") },
  { "petition", "set", chamberctl_petition_set,
    N_("Change a petition's status or attach its answer") },
  { "petition", "report", chamberctl_petition_report,
    N_("The monthly progress report on voter petitions (PDF or CSV)") },
  { "supervision", "draw", chamberctl_supervision_draw,
    N_("Draw a random sample of petitions for supervision, and record it") },
  { "supervision", "assign", chamberctl_supervision_assign,
    N_("Assign a drawn petition to a committee or delegate group") },
  { "supervision", "finding", chamberctl_supervision_finding,
    N_("Record the finding on a drawn petition") },
  { "supervision", "list", chamberctl_supervision_list,
    N_("List drawn petitions with their assignment and finding") },
  { "supervision", "recommendation", chamberctl_supervision_recommendation,
    N_("Write the recommendation to the People's Committee (PDF)") },
};

gboolean
chamberctl_get_connection (ChamberctlGlobals *globals, const char *name, gboolean need_token,
                           const char **out_server, const char **out_token,
                           const char **out_pin)
{
  const char *server = globals->command_server ? globals->command_server : globals->server;
  const char *token = globals->command_token ? globals->command_token : globals->token;
  const char *pin = globals->command_pin ? globals->command_pin : globals->pin;

  if (server == NULL || *server == '\0')
    server = g_getenv ("CHAMBER_SERVER");
  if (token == NULL || *token == '\0')
    token = g_getenv ("CHAMBER_TOKEN");
  if (pin == NULL || *pin == '\0')
    pin = g_getenv ("CHAMBER_PIN");
  g_clear_pointer (&globals->pin_hex, g_free);
  if (pin != NULL && *pin != '\0')
    {
      globals->pin_hex = chamber_tls_normalise_fingerprint (pin);
      if (globals->pin_hex == NULL)
        {
          chamberctl_usage_error (name, _("--pin needs the SHA-256 fingerprint of the server's "
                                          "certificate, 64 hexadecimal digits, not “%s”"),
                                  pin);
          return FALSE;
        }
    }

  if (server == NULL || *server == '\0')
    {
      chamberctl_usage_error (name, _("no server given: use --server URL or set CHAMBER_SERVER"));
      return FALSE;
    }
  if (need_token && (token == NULL || *token == '\0'))
    {
      chamberctl_usage_error (name, _("no access token given: use --token TOKEN or set "
                                      "CHAMBER_TOKEN"));
      return FALSE;
    }
  *out_server = server;
  *out_token = (token != NULL && *token != '\0') ? token : NULL;
  *out_pin = globals->pin_hex;
  return TRUE;
}

ChamberClient *
chamberctl_connect (ChamberctlGlobals *globals, const char *name, int *out_status)
{
  g_autoptr (GError) error = NULL;
  const char *server, *token, *pin;
  ChamberClient *client;

  if (!chamberctl_get_connection (globals, name, TRUE, &server, &token, &pin))
    {
      *out_status = CHAMBERCTL_EXIT_USAGE;
      return NULL;
    }
  client = chamber_client_new (server, token, &error);
  if (client == NULL)
    {
      *out_status = g_error_matches (error, CHAMBER_CLIENT_ERROR,
                                     CHAMBER_CLIENT_ERROR_INVALID_URL)
                        ? chamberctl_usage_error (name, "%s", error->message)
                        : chamberctl_fail (error->message);
      return NULL;
    }
  chamber_client_set_pinned_certificate (client, pin);
  return client;
}

gboolean
chamberctl_parse_id (const char *name, const char *what, const char *text, gint64 *out)
{
  guint64 value = 0;

  if (text == NULL
      || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      chamberctl_usage_error (name, _("%s must be a positive number, not “%s”"), what,
                              text ? text : "");
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

gboolean
chamberctl_check_utf8 (const char *name, const char *option, const char *value)
{
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    {
      chamberctl_usage_error (name, _("%s is not valid UTF-8 text"), option);
      return FALSE;
    }
  return TRUE;
}

static char *
commands_summary (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *words = commands[i].subcommand
                                   ? g_strdup_printf ("%s %s", commands[i].group,
                                                      commands[i].subcommand)
                                   : g_strdup (commands[i].group);

      g_string_append_printf (text, "\n  %-16s %s", words, _(commands[i].summary));
    }
  g_string_append (text, "\n\n");
  g_string_append (text, _("Run “chamberctl COMMAND --help” for the options of a command."));
  return g_string_free (text, FALSE);
}

/* Lists the subcommands of @group on stdout (for “chamberctl session --help”). */
static void
print_group_help (const char *group)
{
  printf (_("Usage:\n  chamberctl %s COMMAND [OPTION…]\n\nCommands:\n"), group);
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].group, group))
      printf ("  %s %-10s %s\n", group, commands[i].subcommand, _(commands[i].summary));
}

static char *
subcommand_names (const char *group)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].group, group))
      g_ptr_array_add (names, (gpointer) commands[i].subcommand);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

static gboolean
is_help (const char *arg)
{
  return g_str_equal (arg, "--help") || g_str_equal (arg, "-h") || g_str_equal (arg, "-?");
}

static int
run_command (ChamberctlGlobals *globals, int argc, char **argv)
{
  const char *group = argv[1];
  const Command *found = NULL;
  gboolean group_known = FALSE;
  g_autofree char *name = NULL;
  g_autofree char **command_argv = NULL;
  int words, command_argc;

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (!g_str_equal (commands[i].group, group))
        continue;
      group_known = TRUE;
      if (commands[i].subcommand == NULL
          || (argc > 2 && g_str_equal (commands[i].subcommand, argv[2])))
        {
          found = &commands[i];
          break;
        }
    }

  if (!group_known)
    return chamberctl_usage_error (NULL, _("unknown command “%s”"), group);
  if (found == NULL)
    {
      g_autofree char *names = subcommand_names (group);

      if (argc > 2 && is_help (argv[2]))
        {
          print_group_help (group);
          return CHAMBERCTL_EXIT_OK;
        }
      if (argc <= 2)
        return chamberctl_usage_error (group, _("missing command: %s"), names);
      return chamberctl_usage_error (group, _("unknown command “%s” (known: %s)"), argv[2],
                                     names);
    }

  words = found->subcommand ? 2 : 1;
  name = found->subcommand ? g_strdup_printf ("%s %s", found->group, found->subcommand)
                           : g_strdup (found->group);

  /* The command sees the program name followed by its own arguments. */
  command_argc = argc - words;
  command_argv = g_new0 (char *, command_argc + 1);
  command_argv[0] = argv[0];
  for (int i = 1; i < command_argc; i++)
    command_argv[i] = argv[i + words];

  return found->func (globals, name, command_argc, command_argv);
}

int
main (int argc, char **argv)
{
  ChamberctlGlobals globals = { 0 };
  gboolean version = FALSE;
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  const char *localedir = g_getenv ("CHAMBER_LOCALEDIR");
  int status;
  const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &globals.server,
      N_("Address of chamberd, like http://127.0.0.1:8080 (default: $CHAMBER_SERVER)"),
      N_("URL") },
    { "token", 0, 0, G_OPTION_ARG_STRING, &globals.token,
      N_("Access token (default: $CHAMBER_TOKEN)"), N_("TOKEN") },
    { "pin", 0, 0, G_OPTION_ARG_STRING, &globals.pin,
      N_("Accept only the server certificate with this SHA-256 fingerprint (default: "
         "$CHAMBER_PIN)"),
      N_("SHA256") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("chamberctl");

  context = g_option_context_new (_("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  summary = commands_summary ();
  g_option_context_set_summary (context, summary);
  /* Options after the command belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return chamberctl_usage_error (NULL, "%s", error->message);

  if (version)
    {
      printf ("chamberctl %s\n", PACKAGE_VERSION);
      status = CHAMBERCTL_EXIT_OK;
    }
  else if (argc < 2)
    status = chamberctl_usage_error (NULL, _("missing command"));
  else
    status = run_command (&globals, argc, argv);

  g_free (globals.server);
  g_free (globals.token);
  g_free (globals.command_server);
  g_free (globals.command_token);
  g_free (globals.pin);
  g_free (globals.command_pin);
  g_free (globals.pin_hex);
  return status;
}
