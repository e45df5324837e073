/* chamber-server-live.c — chamberd's live channel (docs/protocol.md, “Live channel”): the
 * commands of the chair, delegates and secretariat over HTTP POST, the state of a session's live
 * sitting, and the WebSocket that sends every client the numbered events of a session.
 *
 * chamberd holds one ChamberLiveState per session that has been used since it started, rebuilt
 * from the store's events the first time it is needed (so after a restart or a kill the state is
 * what the events say). Its context (the session's items, the people) is read again only when
 * the store changed since (chamber_live_store_get_stamp()), not on every command. A command is decided against that state, its event committed to the
 * store, applied, and only then sent to every WebSocket client of the session. Everything runs
 * on the main thread, so a client that subscribes gets the events stored before it from the
 * store and every later one from the broadcast, each once and in order. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-live-store.h"
#include "chamber-protocol.h"
#include "chamber-server-private.h"

/* The largest message a client may send on the WebSocket (it should send none). */
#define MAX_CLIENT_MESSAGE 1024
/* Seconds between pings to each WebSocket client, so dead connections are noticed. */
#define KEEPALIVE_SECONDS 20
#define AFTER_DATA "chamber-live-after"

typedef struct _LiveSession LiveSession;

typedef struct
{
  SoupWebsocketConnection *conn;
  LiveSession             *session;
  gint64                   person_id;
} LiveClient;

struct _LiveSession
{
  gint64                session_id;
  ChamberLiveState     *state;
  GPtrArray            *clients;  /* LiveClient */
  ChamberLiveStoreStamp stamp;    /* the store's, when the context was last known current */
};

static void
live_client_free (LiveClient *client)
{
  g_signal_handlers_disconnect_by_data (client->conn, client);
  if (soup_websocket_connection_get_state (client->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (client->conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_object_unref (client->conn);
  g_free (client);
}

static void
live_session_free (LiveSession *session)
{
  g_ptr_array_unref (session->clients);
  chamber_live_state_free (session->state);
  g_free (session);
}

void
chamber_server_live_setup (ChamberServer *self)
{
  self->live_sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                               (GDestroyNotify) live_session_free);
}

void
chamber_server_live_teardown (ChamberServer *self)
{
  g_clear_pointer (&self->live_sessions, g_hash_table_unref);
}

/* The wall clock as it was when chamberd started, moved on by the monotonic clock: a system
 * clock that jumps back or forward (corrected by NTP or by hand) while a turn runs neither
 * starts the turn over nor adds the jump to it (test-clock-jump). */
static gint64
now_ms (void)
{
  static gint64 real_at_start, monotonic_at_start;

  if (monotonic_at_start == 0)
    {
      real_at_start = g_get_real_time ();
      monotonic_at_start = g_get_monotonic_time ();
    }
  return (real_at_start + (g_get_monotonic_time () - monotonic_at_start)) / 1000;
}

/* The live session @session_id, its state loaded from the store when it is not held yet. An
 * unknown session answers 404, a store that fails 500: NULL then. */
static LiveSession *
get_live_session (ChamberRequest *request,
                  gint64          session_id)
{
  ChamberServer *self = request->server;
  LiveSession *session = g_hash_table_lookup (self->live_sessions, &session_id);
  g_autoptr (GError) error = NULL;
  ChamberLiveState *state;

  if (session != NULL)
    {
      ChamberLiveStoreStamp stamp;

      /* People and items may have changed since: when anything was written to the store (but
       * this session's own events), the context is read again. */
      if (!chamber_live_store_get_stamp (self->store, &stamp, &error)
          || ((stamp.changes != session->stamp.changes
               || stamp.data_version != session->stamp.data_version)
              && !chamber_live_store_add_context (self->store, session->state, &error)))
        {
          chamber_server_reply_gerror (request->msg, error);
          return NULL;
        }
      session->stamp = stamp;
      return session;
    }

  state = chamber_live_store_load (self->store, session_id, &error);
  if (state == NULL)
    {
      if (g_error_matches (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *message =
            g_strdup_printf (_("There is no session %lld."), (long long) session_id);

          chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found",
                                      message);
        }
      else
        chamber_server_reply_gerror (request->msg, error);
      return NULL;
    }
  session = g_new0 (LiveSession, 1);
  session->session_id = session_id;
  session->state = state;
  if (!chamber_live_store_get_stamp (self->store, &session->stamp, NULL))
    session->stamp.changes = -1;  /* unknown: the next request reads the context again */
  session->clients = g_ptr_array_new_with_free_func ((GDestroyNotify) live_client_free);
  g_hash_table_insert (self->live_sessions, &session->session_id, session);
  return session;
}

static void
broadcast (LiveSession *session,
           const char  *text)
{
  for (guint i = 0; i < session->clients->len; i++)
    {
      LiveClient *client = g_ptr_array_index (session->clients, i);

      if (soup_websocket_connection_get_state (client->conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_send_text (client->conn, text);
    }
}

/* GET /api/v1/sessions/ID/live */
void
chamber_server_get_session_live (ChamberRequest *request)
{
  LiveSession *session = get_live_session (request, request->id);

  if (session == NULL)
    return;
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "live",
                               chamber_live_state_to_json (session->state, now_ms ()));
}

/* GET /api/v1/live: the sessions with a live sitting (events), the open item of each. */
void
chamber_server_get_live (ChamberRequest *request)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = chamber_live_store_list_sessions (request->server->store, &error);
  JsonArray *array;

  if (ids == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_new ();
  for (guint i = 0; i < ids->len; i++)
    {
      LiveSession *session = get_live_session (request, g_array_index (ids, gint64, i));
      const ChamberLiveItem *item;
      JsonObject *object;

      if (session == NULL)
        {
          json_array_unref (array);
          return;
        }
      item = chamber_live_state_get_current_item (session->state);
      object = json_object_new ();
      json_object_set_int_member (object, "session_id", session->session_id);
      json_object_set_int_member (object, "seq", chamber_live_state_get_seq (session->state));
      if (item != NULL)
        json_object_set_int_member (object, "current_item", item->id);
      else
        json_object_set_null_member (object, "current_item");
      json_array_add_object_element (array, object);
    }
  chamber_server_reply_array (request->msg, "sessions", array);
}

static void
reply_live_error (ChamberRequest *request,
                  const GError   *error)
{
  guint status = SOUP_STATUS_BAD_REQUEST;
  const char *code = "bad-request";

  switch ((ChamberLiveError) error->code)
    {
    case CHAMBER_LIVE_ERROR_FORBIDDEN:
      status = SOUP_STATUS_FORBIDDEN, code = "forbidden";
      break;
    case CHAMBER_LIVE_ERROR_NOT_FOUND:
      status = SOUP_STATUS_NOT_FOUND, code = "not-found";
      break;
    case CHAMBER_LIVE_ERROR_CONFLICT:
      status = SOUP_STATUS_CONFLICT, code = "conflict";
      break;
    case CHAMBER_LIVE_ERROR_STALE:
      status = SOUP_STATUS_CONFLICT, code = "stale";
      break;
    case CHAMBER_LIVE_ERROR_INVALID:
    default:
      break;
    }
  chamber_server_reply_error (request->msg, status, code, error->message);
}

static gboolean
given_to_all (const ChamberDocument *document)
{
  if (document->access == NULL || document->access[0] == NULL)
    return TRUE;
  return g_strv_contains ((const char *const *) document->access, "all");
}

/* The anchor of a decided request, checked against the documents the state machine does not
 * know: a published document of this session that the sender may read (any other is “no such
 * document”, so that nobody learns of one they may not read), a page it has, and a quote only
 * from a document given to everyone, since every screen of the hall shows it. FALSE having
 * answered when it is refused. */
static gboolean
check_anchor (ChamberRequest *request,
              gint64          session_id,
              JsonObject     *event)
{
  JsonNode *node = json_object_get_member (event, "anchor");
  JsonObject *anchor;
  g_autoptr (ChamberDocument) document = NULL;
  gint64 document_id, page;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  anchor = json_node_get_object (node);
  document_id = json_object_get_int_member_with_default (anchor, "document", 0);
  page = json_object_get_int_member_with_default (anchor, "page", 0);
  document = chamber_store_get_document (request->server->store, document_id, NULL);
  if (document == NULL || document->session_id != session_id || document->published_at == NULL
      || !chamber_store_person_may_read (request->server->store, request->caller, document))
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no document %lld in this session to anchor to."),
                         (long long) document_id);

      chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found", message);
      return FALSE;
    }
  if (document->pages > 0 && page > document->pages)
    {
      g_autofree char *message =
        g_strdup_printf (_("The anchor's page %lld is past the end of “%s” (%d pages)."),
                         (long long) page, document->title, document->pages);

      chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request",
                                  message);
      return FALSE;
    }
  if (json_object_get_string_member_with_default (anchor, "quote", NULL) != NULL
      && !given_to_all (document))
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                                  _("A passage of a document not given to everyone cannot be "
                                    "quoted: every screen in the hall shows it. Anchor the "
                                    "request to the page only."));
      return FALSE;
    }
  return TRUE;
}

/* POST /api/v1/sessions/ID/live/commands — any role; the state machine checks the role. */
void
chamber_server_post_live_command (ChamberRequest *request)
{
  g_autoptr (JsonObject) command = NULL;
  g_autoptr (JsonObject) event = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  LiveSession *session;

  command = chamber_request_read_object (request, FALSE);
  if (command == NULL)
    return;
  session = get_live_session (request, request->id);
  if (session == NULL)
    return;

  event = chamber_live_state_decide (session->state, command, request->caller->id,
                                     request->caller->role, now_ms (), &error);
  if (event == NULL)
    {
      reply_live_error (request, error);
      return;
    }
  if (!check_anchor (request, session->session_id, event))
    return;
  /* Stored before anyone hears of it. */
  if (!chamber_live_store_append (request->server->store, session->session_id, event, &text,
                                  &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (!chamber_live_state_apply (session->state, event, &error))
    {
      /* Cannot happen for an event just decided; keep the store the authority. */
      g_message ("chamberd: live session %lld: %s", (long long) session->session_id,
                 error->message);
      g_hash_table_remove (request->server->live_sessions, &session->session_id);
      chamber_server_reply_error (request->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                                  error->message);
      return;
    }
  /* Its own event is no change of the context: nothing else ran since the stamp was taken. */
  if (!chamber_live_store_get_stamp (request->server->store, &session->stamp, NULL))
    session->stamp.changes = -1;
  broadcast (session, text);
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "event",
                               json_node_init_object (json_node_alloc (), event));
}

/* GET /api/v1/live/events?session=ID&after=N, checked before the WebSocket handshake: answering
 * here refuses it; leaving the message without a status lets libsoup complete it. */
void
chamber_server_get_live_events (ChamberRequest *request)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (request->msg));
  g_autoptr (GHashTable) params = NULL;
  g_autoptr (GError) error = NULL;
  const char *value;
  gint64 session_id = 0;
  guint64 after = 0;

  if (query != NULL)
    params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  value = params != NULL ? g_hash_table_lookup (params, "session") : NULL;
  if (value == NULL || !chamber_server_parse_id (value, &session_id))
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request",
                                  _("Name the session: …/live/events?session=ID&after=N."));
      return;
    }
  value = g_hash_table_lookup (params, "after");
  if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 0, G_MAXINT64, &after, NULL))
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request",
                                  _("“after” must be the number of the last event seen (0 for "
                                    "none)."));
      return;
    }
  if (get_live_session (request, session_id) == NULL)
    return;
  if (!soup_websocket_server_check_handshake (request->msg, NULL, NULL, NULL, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("This address is a WebSocket: connect with a WebSocket client (%s)."),
                         error->message);

      chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request",
                                  message);
      return;
    }
  request->id = session_id;
  g_object_set_data_full (G_OBJECT (request->msg), AFTER_DATA, g_memdup2 (&after, sizeof after),
                          g_free);
}

static void
client_closed_cb (SoupWebsocketConnection *conn,
                  gpointer                 user_data)
{
  LiveClient *client = user_data;

  g_ptr_array_remove (client->session->clients, client);
}

/* The channel goes one way: a client that talks is cut off, nobody else notices. */
static void
client_message_cb (SoupWebsocketConnection *conn,
                   gint                     type,
                   GBytes                  *message,
                   gpointer                 user_data)
{
  if (soup_websocket_connection_get_state (conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION,
                                     "the live channel only sends");
}

/* {"control": "caught-up", "seq": N, "now": MS}: the backlog is sent; the server's clock. */
static char *
control_message (const char *control, gint64 seq)
{
  return g_strdup_printf ("{\"control\":\"%s\",\"seq\":%lld,\"now\":%lld}", control,
                          (long long) seq, (long long) now_ms ());
}

static void
websocket_cb (SoupServer              *soup,
              SoupServerMessage       *msg,
              const char              *path,
              SoupWebsocketConnection *conn,
              gpointer                 user_data)
{
  ChamberServer *self = user_data;
  ChamberRequest *request = g_object_get_data (G_OBJECT (msg), CHAMBER_SERVER_REQUEST_DATA);
  gint64 *after = g_object_get_data (G_OBJECT (msg), AFTER_DATA);
  g_autoptr (GPtrArray) backlog = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *caught_up = NULL;
  LiveSession *session;
  LiveClient *client;

  if (request == NULL || after == NULL
      || (session = g_hash_table_lookup (self->live_sessions, &request->id)) == NULL)
    {
      soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_SERVER_ERROR, NULL);
      return;
    }

  backlog = chamber_live_store_list_events (self->store, session->session_id, *after, 0, &error);
  if (backlog == NULL)
    {
      g_message ("chamberd: live events of session %lld: %s", (long long) session->session_id,
                 error->message);
      soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_SERVER_ERROR, NULL);
      return;
    }

  client = g_new0 (LiveClient, 1);
  client->conn = g_object_ref (conn);
  client->session = session;
  client->person_id = request->caller->id;
  soup_websocket_connection_set_max_incoming_payload_size (conn, MAX_CLIENT_MESSAGE);
  soup_websocket_connection_set_keepalive_interval (conn, KEEPALIVE_SECONDS);
  g_signal_connect (conn, "closed", G_CALLBACK (client_closed_cb), client);
  g_signal_connect (conn, "message", G_CALLBACK (client_message_cb), client);
  g_ptr_array_add (session->clients, client);

  for (guint i = 0; i < backlog->len; i++)
    soup_websocket_connection_send_text (conn, g_ptr_array_index (backlog, i));
  caught_up = control_message ("caught-up", chamber_live_state_get_seq (session->state));
  soup_websocket_connection_send_text (conn, caught_up);
}

void
chamber_server_live_listen (ChamberServer *self)
{
  soup_server_add_websocket_handler (self->soup, CHAMBER_SERVER_LIVE_EVENTS_PATH, NULL, NULL,
                                     websocket_cb, self, NULL);
}

void
chamber_server_live_close_all (ChamberServer *self)
{
  GHashTableIter iter;
  gpointer value;

  if (self->live_sessions == NULL)
    return;
  g_hash_table_iter_init (&iter, self->live_sessions);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_set_size (((LiveSession *) value)->clients, 0);
}
