/* chamberctl-live.c — `chamberctl live …`: every action of the chair, a delegate and the
 * secretariat in a live sitting as one command (docs/protocol.md, “Live channel”), the state
 * of a sitting as JSON, and its events as they happen, one JSON line each.
 *
 * The session is found from the ITEM a command names (open-item, close-item, request); the
 * other commands take --session ID, or, without it, the one session whose sitting has an
 * item open (GET /api/v1/live). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib-unix.h>
#include <stdio.h>

#include "chamber-live-client.h"
#include "chamber-protocol.h"
#include "chamberctl-private.h"

/* The --session option of every live command, storing the id at @location (a gint64 *). */
#define SESSION_OPTION(location)                                                                  \
  { "session", 0, 0, G_OPTION_ARG_INT64, (location),                                              \
    N_("The session (default: the one with an item open)"), N_("ID") }

typedef struct
{
  ChamberctlGlobals *globals;
  const char        *name;
  ChamberClient     *client;
  gint64             session_id;
  int                status;
} LiveCall;

static void
live_call_clear (LiveCall *call)
{
  g_clear_object (&call->client);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LiveCall, live_call_clear)

/* The session of agenda item @item_id: the one whose items hold it. */
static gboolean
session_of_item (LiveCall *call, gint64 item_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = chamber_client_list_sessions (call->client, NULL, &error);

  if (sessions == NULL)
    {
      call->status = chamberctl_fail (error->message);
      return FALSE;
    }
  for (guint i = 0; i < sessions->len; i++)
    {
      const ChamberSession *session = g_ptr_array_index (sessions, i);
      g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/items",
                                               (long long) session->id);
      g_autoptr (JsonNode) answer = chamber_client_request_json (call->client, "GET", path,
                                                                 NULL, NULL, NULL, &error);
      JsonArray *items;

      if (answer == NULL)
        {
          call->status = chamberctl_fail (error->message);
          return FALSE;
        }
      items = json_object_get_array_member (json_node_get_object (answer), "items");
      for (guint j = 0; items != NULL && j < json_array_get_length (items); j++)
        {
          JsonObject *item = json_array_get_object_element (items, j);

          if (item != NULL && json_object_get_int_member_with_default (item, "id", 0) == item_id)
            {
              call->session_id = session->id;
              return TRUE;
            }
        }
    }
  {
    g_autofree char *message = g_strdup_printf (_("There is no agenda item %lld."),
                                                (long long) item_id);
    call->status = chamberctl_fail (message);
  }
  return FALSE;
}

/* Without --session: the only session with an open item, or the only live one. */
static gboolean
current_session (LiveCall *call)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = chamber_client_request_json (call->client, "GET",
                                                             "/api/v1/live", NULL, NULL, NULL,
                                                             &error);
  JsonArray *sessions;
  gint64 open = 0, any = 0;
  guint n_open = 0, n_any = 0;

  if (answer == NULL)
    {
      call->status = chamberctl_fail (error->message);
      return FALSE;
    }
  sessions = json_object_get_array_member (json_node_get_object (answer), "sessions");
  for (guint i = 0; sessions != NULL && i < json_array_get_length (sessions); i++)
    {
      JsonObject *session = json_array_get_object_element (sessions, i);
      gint64 id = json_object_get_int_member_with_default (session, "session_id", 0);
      JsonNode *item = json_object_get_member (session, "current_item");

      any = id, n_any++;
      if (item != NULL && !JSON_NODE_HOLDS_NULL (item))
        open = id, n_open++;
    }
  if (n_open == 1 || (n_open == 0 && n_any == 1))
    {
      call->session_id = n_open == 1 ? open : any;
      return TRUE;
    }
  call->status = chamberctl_usage_error (call->name,
                                         n_any == 0
                                           ? _("no session has a live sitting yet: give "
                                               "--session ID")
                                           : _("several sessions have a live sitting: give "
                                               "--session ID"));
  return FALSE;
}

static gboolean
live_connect (LiveCall *call, ChamberctlGlobals *globals, const char *name, gint64 session_id,
              gint64 item_id)
{
  call->globals = globals;
  call->name = name;
  call->client = chamberctl_connect (globals, name, &call->status);
  if (call->client == NULL)
    return FALSE;
  if (session_id > 0)
    {
      call->session_id = session_id;
      return TRUE;
    }
  if (item_id > 0)
    return session_of_item (call, item_id);
  return current_session (call);
}

/* Sends @command (consumed) and returns the event, or NULL having printed why. */
static JsonObject *
send_command (LiveCall *call, JsonObject *command)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/live/commands",
                                           (long long) call->session_id);
  g_autoptr (JsonNode) body = json_node_init_object (json_node_alloc (), command);
  g_autoptr (JsonNode) answer = NULL;
  JsonObject *event;

  json_object_unref (command);
  answer = chamber_client_request_json (call->client, "POST", path, body, NULL, NULL, &error);
  if (answer == NULL)
    {
      call->status = chamberctl_fail (error->message);
      return NULL;
    }
  event = json_object_get_object_member (json_node_get_object (answer), "event");
  if (event == NULL)
    {
      call->status = chamberctl_fail (_("The server's answer has no event."));
      return NULL;
    }
  return json_object_ref (event);
}

static JsonObject *
command_new (const char *type)
{
  JsonObject *command = json_object_new ();

  json_object_set_string_member (command, "type", type);
  return command;
}

/* Runs a command and prints @member of its event (or nothing). */
static int
run_and_print (LiveCall *call, JsonObject *command, const char *member)
{
  g_autoptr (JsonObject) event = send_command (call, command);

  if (event == NULL)
    return call->status;
  if (member != NULL)
    printf ("%lld\n", (long long) json_object_get_int_member_with_default (event, member, 0));
  return CHAMBERCTL_EXIT_OK;
}

/* One positional id and --session. */
static int
simple_id_command (ChamberctlGlobals *globals, const char *name, int argc, char **argv,
                   const char *positional, const char *summary, const char *type,
                   const char *member, const char *print, gboolean id_is_item)
{
  g_auto (LiveCall) call = { 0 };
  gint64 session = 0, id = 0;
  const GOptionEntry entries[] = {
    SESSION_OPTION (&session),
    G_OPTION_ENTRY_NULL
  };
  JsonObject *command;

  if (!chamberctl_parse (globals, name, positional, 1, summary, entries, TRUE, &argc, &argv)
      || !chamberctl_parse_id (name, positional, argv[1], &id))
    return CHAMBERCTL_EXIT_USAGE;
  if (!live_connect (&call, globals, name, session, id_is_item ? id : 0))
    return call.status;
  command = command_new (type);
  json_object_set_int_member (command, member, id);
  return run_and_print (&call, command, print);
}

/* No positional argument, --session. */
static int
bare_command (ChamberctlGlobals *globals, const char *name, int argc, char **argv,
              const char *summary, const char *type, const char *print)
{
  g_auto (LiveCall) call = { 0 };
  gint64 session = 0;
  const GOptionEntry entries[] = {
    SESSION_OPTION (&session),
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0, summary, entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!live_connect (&call, globals, name, session, 0))
    return call.status;
  return run_and_print (&call, command_new (type), print);
}

int
chamberctl_live_open_item (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  return simple_id_command (globals, name, argc, argv, "ITEM",
                            N_("Open an agenda item: its speaker queue starts"), "open-item",
                            "item", NULL, TRUE);
}

int
chamberctl_live_close_item (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  return simple_id_command (globals, name, argc, argv, "ITEM", N_("Close an agenda item"),
                            "close-item", "item", NULL, TRUE);
}

int
chamberctl_live_withdraw (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  return simple_id_command (globals, name, argc, argv, "REQUEST",
                            N_("Withdraw your request to speak"), "withdraw", "request", NULL,
                            FALSE);
}

int
chamberctl_live_grant (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  return simple_id_command (globals, name, argc, argv, "REQUEST",
                            N_("Give the floor to a request; prints the turn's id"), "grant",
                            "request", "turn", FALSE);
}

int
chamberctl_live_remove (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  return simple_id_command (globals, name, argc, argv, "REQUEST",
                            N_("Take a request off the queue (the chair)"), "remove", "request",
                            NULL, FALSE);
}

int
chamberctl_live_pause (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  return bare_command (globals, name, argc, argv, N_("Pause the current turn's clock"),
                       "pause", NULL);
}

int
chamberctl_live_resume (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  return bare_command (globals, name, argc, argv, N_("Resume the current turn's clock"),
                       "resume", NULL);
}

int
chamberctl_live_end (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  return bare_command (globals, name, argc, argv, N_("End the current turn"), "end", NULL);
}

int
chamberctl_live_close_list (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  return bare_command (globals, name, argc, argv,
                       N_("Close the list of speakers of the open item"), "close-list", NULL);
}

int
chamberctl_live_open_list (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  return bare_command (globals, name, argc, argv,
                       N_("Open the list of speakers of the open item again"), "open-list",
                       NULL);
}

int
chamberctl_live_conclude (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_auto (LiveCall) call = { 0 };
  gint64 session = 0;
  const GOptionEntry entries[] = {
    SESSION_OPTION (&session),
    G_OPTION_ENTRY_NULL
  };
  JsonObject *command;

  if (!chamberctl_parse (globals, name, NULL, 0, N_("Start the chair's conclusion; prints the "
                                                    "turn's id"),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!live_connect (&call, globals, name, session, 0))
    return call.status;
  command = command_new ("start-turn");
  json_object_set_string_member (command, "kind", "conclusion");
  return run_and_print (&call, command, "turn");
}

int
chamberctl_live_answer (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_auto (LiveCall) call = { 0 };
  g_auto (GStrv) more = NULL;
  gint64 session = 0, turn = 0, speaker = 0;
  const GOptionEntry entries[] = {
    SESSION_OPTION (&session),
    { "speaker", 0, 0, G_OPTION_ARG_INT64, &speaker,
      N_("Who answers (default: the question's respondent)"), N_("PERSON") },
    { "also", 0, 0, G_OPTION_ARG_STRING_ARRAY, &more,
      N_("Another question turn the answer responds to (repeat for a round)"), N_("TURN") },
    G_OPTION_ENTRY_NULL
  };
  JsonObject *command;
  JsonArray *turns;

  if (!chamberctl_parse (globals, name, "TURN", 1,
                         N_("Start the respondent's answer to a question; prints the turn's id"),
                         entries, TRUE, &argc, &argv)
      || !chamberctl_parse_id (name, "TURN", argv[1], &turn))
    return CHAMBERCTL_EXIT_USAGE;
  turns = json_array_new ();
  json_array_add_int_element (turns, turn);
  for (guint i = 0; more != NULL && more[i] != NULL; i++)
    {
      gint64 other = 0;

      if (!chamberctl_parse_id (name, "--also", more[i], &other))
        {
          json_array_unref (turns);
          return CHAMBERCTL_EXIT_USAGE;
        }
      json_array_add_int_element (turns, other);
    }
  if (!live_connect (&call, globals, name, session, 0))
    {
      json_array_unref (turns);
      return call.status;
    }
  command = command_new ("answer");
  json_object_set_array_member (command, "turns", turns);
  if (speaker > 0)
    json_object_set_int_member (command, "speaker", speaker);
  return run_and_print (&call, command, "turn");
}

int
chamberctl_live_request (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_auto (LiveCall) call = { 0 };
  g_autofree char *kind = NULL;
  g_autofree char *topic = NULL;
  gint64 item = 0, to = 0, document = 0, page = 0;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind,
      N_("question, debate, discussion or point-of-order"), N_("KIND") },
    { "to", 0, 0, G_OPTION_ARG_INT64, &to, N_("The official a question is addressed to"),
      N_("PERSON") },
    { "topic", 0, 0, G_OPTION_ARG_STRING, &topic, N_("What it is about"), N_("TEXT") },
    { "document", 0, 0, G_OPTION_ARG_INT64, &document, N_("The document it concerns"),
      N_("ID") },
    { "page", 0, 0, G_OPTION_ARG_INT64, &page, N_("The page of that document"), N_("N") },
    G_OPTION_ENTRY_NULL
  };
  JsonObject *command;

  if (!chamberctl_parse (globals, name, "ITEM", 1,
                         N_("Register to speak on an agenda item; prints the request's id"),
                         entries, TRUE, &argc, &argv)
      || !chamberctl_parse_id (name, "ITEM", argv[1], &item)
      || !chamberctl_check_utf8 (name, "--topic", topic))
    return CHAMBERCTL_EXIT_USAGE;
  if (kind == NULL)
    return chamberctl_usage_error (name, _("--kind is required"));
  if ((document > 0) != (page > 0))
    return chamberctl_usage_error (name, _("--document and --page go together"));
  if (!live_connect (&call, globals, name, 0, item))
    return call.status;
  command = command_new ("request");
  json_object_set_int_member (command, "item", item);
  json_object_set_string_member (command, "kind", kind);
  if (to > 0)
    json_object_set_int_member (command, "to", to);
  if (topic != NULL)
    json_object_set_string_member (command, "topic", topic);
  if (document > 0)
    {
      JsonObject *anchor = json_object_new ();

      json_object_set_int_member (anchor, "document", document);
      json_object_set_int_member (anchor, "page", page);
      json_object_set_object_member (command, "anchor", anchor);
    }
  return run_and_print (&call, command, "request");
}

int
chamberctl_live_add_time (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_auto (LiveCall) call = { 0 };
  gint64 session = 0, seconds = 0;
  const GOptionEntry entries[] = {
    SESSION_OPTION (&session),
    G_OPTION_ENTRY_NULL
  };
  JsonObject *command;

  if (!chamberctl_parse (globals, name, "SECONDS", 1, N_("Give the current turn more time"),
                         entries, TRUE, &argc, &argv)
      || !chamberctl_parse_id (name, "SECONDS", argv[1], &seconds))
    return CHAMBERCTL_EXIT_USAGE;
  if (!live_connect (&call, globals, name, session, 0))
    return call.status;
  command = command_new ("add-time");
  json_object_set_int_member (command, "seconds", seconds);
  return run_and_print (&call, command, NULL);
}

int
chamberctl_live_reorder (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_auto (LiveCall) call = { 0 };
  gint64 session = 0, request = 0;
  guint64 position = 0;
  const GOptionEntry entries[] = {
    SESSION_OPTION (&session),
    G_OPTION_ENTRY_NULL
  };
  JsonObject *command;

  if (!chamberctl_parse (globals, name, "REQUEST POSITION", 2,
                         N_("Move a request in the queue (position 0 speaks next)"), entries,
                         TRUE, &argc, &argv)
      || !chamberctl_parse_id (name, "REQUEST", argv[1], &request))
    return CHAMBERCTL_EXIT_USAGE;
  if (!g_ascii_string_to_unsigned (argv[2], 10, 0, G_MAXINT, &position, NULL))
    return chamberctl_usage_error (name, _("POSITION must be a number from 0, not “%s”"),
                                   argv[2]);
  if (!live_connect (&call, globals, name, session, 0))
    return call.status;
  command = command_new ("reorder");
  json_object_set_int_member (command, "request", request);
  json_object_set_int_member (command, "position", (gint64) position);
  return run_and_print (&call, command, NULL);
}

int
chamberctl_live_summary (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_auto (LiveCall) call = { 0 };
  gint64 session = 0, turn = 0;
  const GOptionEntry entries[] = {
    SESSION_OPTION (&session),
    G_OPTION_ENTRY_NULL
  };
  JsonObject *command;

  if (!chamberctl_parse (globals, name, "TURN TEXT", 2,
                         N_("Write the summary of a turn (the secretariat)"), entries, TRUE,
                         &argc, &argv)
      || !chamberctl_parse_id (name, "TURN", argv[1], &turn)
      || !chamberctl_check_utf8 (name, "TEXT", argv[2]))
    return CHAMBERCTL_EXIT_USAGE;
  if (!live_connect (&call, globals, name, session, 0))
    return call.status;
  command = command_new ("summary");
  json_object_set_int_member (command, "turn", turn);
  json_object_set_string_member (command, "text", argv[2]);
  return run_and_print (&call, command, NULL);
}

int
chamberctl_live_commit (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_auto (LiveCall) call = { 0 };
  g_autofree char *due = NULL;
  gint64 session = 0, turn = 0, owner = 0;
  const GOptionEntry entries[] = {
    SESSION_OPTION (&session),
    { "owner", 0, 0, G_OPTION_ARG_INT64, &owner, N_("Who committed"), N_("PERSON") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due, N_("The deadline, YYYY-MM-DD"), N_("DATE") },
    G_OPTION_ENTRY_NULL
  };
  JsonObject *command;

  if (!chamberctl_parse (globals, name, "TURN TEXT", 2,
                         N_("Record a commitment made in a turn; prints its id"), entries, TRUE,
                         &argc, &argv)
      || !chamberctl_parse_id (name, "TURN", argv[1], &turn)
      || !chamberctl_check_utf8 (name, "TEXT", argv[2]))
    return CHAMBERCTL_EXIT_USAGE;
  if (owner <= 0)
    return chamberctl_usage_error (name, _("--owner is required"));
  if (due != NULL && !chamber_date_is_valid (due))
    return chamberctl_usage_error (name, _("--due must be a date written YYYY-MM-DD, not “%s”"),
                                   due);
  if (!live_connect (&call, globals, name, session, 0))
    return call.status;
  command = command_new ("commit");
  json_object_set_int_member (command, "turn", turn);
  json_object_set_int_member (command, "owner", owner);
  json_object_set_string_member (command, "what", argv[2]);
  if (due != NULL)
    json_object_set_string_member (command, "due", due);
  return run_and_print (&call, command, "commitment");
}

int
chamberctl_live_state (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_auto (LiveCall) call = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  gint64 session = 0;
  JsonNode *live;

  if (!chamberctl_parse (globals, name, "SESSION", 1,
                         N_("Print the whole live state of a session as JSON"), NULL, TRUE,
                         &argc, &argv)
      || !chamberctl_parse_id (name, "SESSION", argv[1], &session))
    return CHAMBERCTL_EXIT_USAGE;
  if (!live_connect (&call, globals, name, session, 0))
    return call.status;
  path = g_strdup_printf ("/api/v1/sessions/%lld/live", (long long) session);
  answer = chamber_client_request_json (call.client, "GET", path, NULL, NULL, NULL, &error);
  if (answer == NULL)
    return chamberctl_fail (error->message);
  live = json_object_get_member (json_node_get_object (answer), "live");
  if (live == NULL)
    return chamberctl_fail (_("The server's answer has no live state."));
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, live);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
  return CHAMBERCTL_EXIT_OK;
}

/* live watch */

typedef struct
{
  GMainLoop *loop;
  gint64     after;
  gint64     count;    /* stop after this many events printed; 0: never */
  gint64     printed;
  int        status;
} Watch;

static void
watch_event_cb (ChamberLiveClient *live, JsonObject *event, gpointer user_data)
{
  Watch *watch = user_data;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (json_object_get_int_member_with_default (event, "seq", 0) <= watch->after)
    return;
  node = json_node_init_object (json_node_alloc (), event);
  text = chamber_json_to_string (node, NULL);
  printf ("%s\n", text);
  fflush (stdout);
  if (watch->count > 0 && ++watch->printed >= watch->count)
    g_main_loop_quit (watch->loop);
}

static void
watch_connection_cb (ChamberLiveClient *live, GParamSpec *pspec, gpointer user_data)
{
  Watch *watch = user_data;
  const GError *error = chamber_live_client_get_error (live);

  /* A refusal will not go away by itself: stop. A dropped network is retried. */
  if (error != NULL
      && (g_error_matches (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_UNAUTHORIZED)
          || g_error_matches (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_FORBIDDEN)
          || g_error_matches (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NOT_FOUND)
          || g_error_matches (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_CERTIFICATE)))
    {
      watch->status = chamberctl_fail (error->message);
      g_main_loop_quit (watch->loop);
    }
}

static gboolean
watch_interrupted_cb (gpointer user_data)
{
  g_main_loop_quit (((Watch *) user_data)->loop);
  return G_SOURCE_CONTINUE;
}

int
chamberctl_live_watch (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberLiveClient) live = NULL;
  gint64 session = 0, after = 0, count = 0;
  Watch watch = { 0 };
  int status = CHAMBERCTL_EXIT_OK;
  guint sigint, sigterm;
  const GOptionEntry entries[] = {
    { "after", 0, 0, G_OPTION_ARG_INT64, &after,
      N_("Print only the events after this number (default: all)"), N_("N") },
    { "count", 0, 0, G_OPTION_ARG_INT64, &count,
      N_("Stop after printing this many events (default: run until interrupted)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "SESSION", 1,
                         N_("Print the live events of a session as JSON lines, as they happen"),
                         entries, TRUE, &argc, &argv)
      || !chamberctl_parse_id (name, "SESSION", argv[1], &session))
    return CHAMBERCTL_EXIT_USAGE;
  if (after < 0 || count < 0)
    return chamberctl_usage_error (name, _("--after and --count must be 0 or more"));
  client = chamberctl_connect (globals, name, &status);
  if (client == NULL)
    return status;

  watch.loop = g_main_loop_new (NULL, FALSE);
  watch.after = after;
  watch.count = count;
  live = chamber_live_client_new (client, session);
  g_signal_connect (live, "event", G_CALLBACK (watch_event_cb), &watch);
  g_signal_connect (live, "notify::connection-state", G_CALLBACK (watch_connection_cb), &watch);
  sigint = g_unix_signal_add (SIGINT, watch_interrupted_cb, &watch);
  sigterm = g_unix_signal_add (SIGTERM, watch_interrupted_cb, &watch);
  chamber_live_client_start (live);
  g_main_loop_run (watch.loop);
  chamber_live_client_stop (live);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  g_main_loop_unref (watch.loop);
  return watch.status;
}
