/* chamber-live-client.c — follows a session's live sitting over chamberd's WebSocket (see
 * chamber-live-client.h). One connection attempt at a time: the context (agenda items and
 * people, for names and titles) is fetched, then the WebSocket opened with ?after= the last
 * event applied; events are applied in order, a repeat is skipped, a gap or an older server
 * resets the state and starts again from event 1. A dropped connection is retried with a
 * doubling delay. Commands go over HTTP through the ChamberClient's SoupSession. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "chamber-live-client.h"
#include "chamber-protocol.h"

#define BACKOFF_FIRST_MS     250
#define BACKOFF_MAX_MS       10000
#define KEEPALIVE_SECONDS    15
#define MAX_EVENT_BYTES      (1024 * 1024)
#define MAX_ANSWER_BYTES     (16 * 1024 * 1024)

struct _ChamberLiveClient
{
  GObject                  parent_instance;

  ChamberClient           *client;
  gint64                   session_id;
  ChamberLiveState        *state;
  ChamberLiveConnection    connection;
  gboolean                 running;
  GCancellable            *cancellable;   /* the current connection attempt */
  SoupWebsocketConnection *conn;
  guint                    retry_source;
  guint                    backoff_ms;
  /* server clock − local monotonic clock (a local wall clock that jumps moves no countdown) */
  gint64                   clock_offset_ms;
  gboolean                 clock_known;      /* clock_offset_ms was measured */
  GError                  *error;
  GPtrArray               *context_people;   /* ChamberPerson, fetched at connection */
  GPtrArray               *context_items;    /* ChamberItem */
};

enum {
  PROP_0,
  PROP_CONNECTION_STATE,
  N_PROPS
};

enum {
  SIGNAL_EVENT,
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberLiveClient, chamber_live_client, G_TYPE_OBJECT)

static void connect_now (ChamberLiveClient *self);

static void
set_connection (ChamberLiveClient    *self,
                ChamberLiveConnection connection)
{
  if (self->connection == connection)
    return;
  self->connection = connection;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_STATE]);
}

static void
add_context (ChamberLiveClient *self)
{
  for (guint i = 0; self->context_items != NULL && i < self->context_items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (self->context_items, i);

      chamber_live_state_add_item (self->state, item->id, item->title);
    }
  for (guint i = 0; self->context_people != NULL && i < self->context_people->len; i++)
    chamber_live_state_add_person (self->state, g_ptr_array_index (self->context_people, i));
}

static void
reset_state (ChamberLiveClient *self)
{
  chamber_live_state_free (self->state);
  self->state = chamber_live_state_new (self->session_id);
  add_context (self);
}

static void
drop_connection (ChamberLiveClient *self)
{
  if (self->conn != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->conn, self);
      if (soup_websocket_connection_get_state (self->conn) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (self->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&self->conn);
    }
}

static gboolean
retry_cb (gpointer user_data)
{
  ChamberLiveClient *self = user_data;

  self->retry_source = 0;
  connect_now (self);
  return G_SOURCE_REMOVE;
}

/* After a failure or a drop: offline, and try again later. */
static void
schedule_retry (ChamberLiveClient *self,
                GError            *error)
{
  drop_connection (self);
  g_clear_object (&self->cancellable);
  if (error != NULL)
    {
      g_clear_error (&self->error);
      self->error = error;
    }
  if (self->connection != CHAMBER_LIVE_CONNECTION_OFFLINE)
    set_connection (self, CHAMBER_LIVE_CONNECTION_OFFLINE);
  else if (error != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_STATE]);
  if (!self->running || self->retry_source != 0)
    return;
  self->retry_source = g_timeout_add (self->backoff_ms, retry_cb, self);
  self->backoff_ms = MIN (self->backoff_ms * 2, BACKOFF_MAX_MS);
}

/* ---- HTTP with the ChamberClient's session ------------------------------------------------ */

static ChamberClientError
error_code_for_status (guint status)
{
  if (status == SOUP_STATUS_UNAUTHORIZED)
    return CHAMBER_CLIENT_ERROR_UNAUTHORIZED;
  if (status == SOUP_STATUS_FORBIDDEN)
    return CHAMBER_CLIENT_ERROR_FORBIDDEN;
  if (status == SOUP_STATUS_NOT_FOUND)
    return CHAMBER_CLIENT_ERROR_NOT_FOUND;
  if (status >= 400 && status < 500)
    return CHAMBER_CLIENT_ERROR_REJECTED;
  if (status >= 500 && status < 600)
    return CHAMBER_CLIENT_ERROR_SERVER;
  return CHAMBER_CLIENT_ERROR_PROTOCOL;
}

/* The JSON object of a finished exchange, or NULL with @error: the server's own message for a
 * refusal, the certificate's fingerprints for a refused certificate. */
static JsonObject *
finish_exchange (ChamberLiveClient *self,
                 SoupMessage       *msg,
                 GBytes            *body,
                 GError            *send_error,
                 GError           **error)
{
  g_autoptr (GError) parse_error = NULL;
  g_autofree char *message = NULL;
  const char *data;
  gsize len = 0;
  guint status;
  JsonObject *object;

  if (body == NULL)
    {
      if (chamber_client_take_certificate_error (self->client, msg, error))
        g_error_free (send_error);
      else if (g_error_matches (send_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, send_error);
      else
        {
          g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK,
                       _("Cannot reach the server at %s: %s. Check the network and that "
                         "chamberd is running."),
                       chamber_client_get_server_url (self->client), send_error->message);
          g_error_free (send_error);
        }
      return NULL;
    }

  status = soup_message_get_status (msg);
  data = g_bytes_get_data (body, &len);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      if (data != NULL && chamber_protocol_parse_error_body (data, len, NULL, &message))
        g_set_error_literal (error, CHAMBER_CLIENT_ERROR, error_code_for_status (status),
                             message);
      else
        g_set_error (error, CHAMBER_CLIENT_ERROR, error_code_for_status (status),
                     _("The server at %s answered %u %s."),
                     chamber_client_get_server_url (self->client), status,
                     soup_message_get_reason_phrase (msg));
      return NULL;
    }
  object = chamber_protocol_parse_object (data, len, MAX_ANSWER_BYTES, &parse_error);
  if (object == NULL)
    g_set_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                 _("The server at %s sent an answer Chamber cannot read (%s)."),
                 chamber_client_get_server_url (self->client), parse_error->message);
  return object;
}

static SoupMessage *
new_message (ChamberLiveClient *self,
             const char        *method,
             const char        *path)
{
  g_autofree char *uri = chamber_client_build_uri (self->client, path);
  SoupMessage *msg = soup_message_new (method, uri);

  if (msg != NULL)
    {
      chamber_client_authorize (self->client, msg);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Accept",
                                    "application/json");
    }
  return msg;
}

static void
command_sent_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  ChamberLiveClient *self = g_task_get_source_object (task);
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (JsonObject) answer = NULL;
  GError *send_error = NULL;
  GError *error = NULL;
  JsonNode *event;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &send_error);
  answer = finish_exchange (self, msg, body, send_error, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  event = json_object_get_member (answer, "event");
  if (event == NULL || !JSON_NODE_HOLDS_OBJECT (event))
    {
      g_task_return_new_error (task, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                               _("The server's answer to a live command has no event."));
      return;
    }
  g_task_return_pointer (task, json_object_ref (json_node_get_object (event)),
                         (GDestroyNotify) json_object_unref);
}

void
chamber_live_client_send_async (ChamberLiveClient  *self,
                                JsonObject         *command,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GBytes) bytes = NULL;
  SoupMessage *msg;
  gsize len = 0;

  g_return_if_fail (CHAMBER_IS_LIVE_CLIENT (self));
  g_return_if_fail (command != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chamber_live_client_send_async);
  path = g_strdup_printf ("/api/v1/sessions/%lld/live/commands", (long long) self->session_id);
  msg = new_message (self, SOUP_METHOD_POST, path);
  if (msg == NULL)
    {
      g_task_return_new_error (task, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_INVALID_URL,
                               _("The server address is not valid."));
      return;
    }
  g_task_set_task_data (task, msg, g_object_unref);
  node = json_node_init_object (json_node_alloc (), command);
  text = chamber_json_to_string (node, &len);
  bytes = g_bytes_new_take (g_steal_pointer (&text), len);
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  soup_session_send_and_read_async (chamber_client_get_soup_session (self->client), msg,
                                    G_PRIORITY_DEFAULT, cancellable, command_sent_cb,
                                    g_steal_pointer (&task));
}

JsonObject *
chamber_live_client_send_finish (ChamberLiveClient *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- The WebSocket ------------------------------------------------------------------------ */

static void
closed_cb (SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  ChamberLiveClient *self = user_data;

  schedule_retry (self, NULL);
}

/* The server's events no longer follow ours (its data is older): start again from event 1. */
static void
restart_from_scratch (ChamberLiveClient *self)
{
  reset_state (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  drop_connection (self);
  g_clear_object (&self->cancellable);
  connect_now (self);
}

static void
message_cb (SoupWebsocketConnection *conn,
            gint                     type,
            GBytes                  *message,
            gpointer                 user_data)
{
  ChamberLiveClient *self = user_data;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (GError) error = NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (message, &len);
  gint64 seq;

  if (type != SOUP_WEBSOCKET_DATA_TEXT)
    return;
  object = chamber_protocol_parse_object (data, len, MAX_EVENT_BYTES, &error);
  if (object == NULL)
    {
      g_warning ("live: the server sent a message that is not JSON: %s", error->message);
      return;
    }

  if (json_object_has_member (object, "control"))
    {
      const char *control = json_object_get_string_member_with_default (object, "control", "");

      if (g_str_equal (control, "caught-up"))
        {
          gint64 server_seq = json_object_get_int_member_with_default (object, "seq", 0);
          gint64 server_now = json_object_get_int_member_with_default (object, "now", 0);

          if (server_now > 0)
            {
              self->clock_offset_ms = server_now - g_get_monotonic_time () / 1000;
              self->clock_known = TRUE;
            }
          if (server_seq < chamber_live_state_get_seq (self->state))
            {
              restart_from_scratch (self);
              return;
            }
          self->backoff_ms = BACKOFF_FIRST_MS;
          g_clear_error (&self->error);
          set_connection (self, CHAMBER_LIVE_CONNECTION_ONLINE);
          g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
        }
      return;
    }

  seq = json_object_get_int_member_with_default (object, "seq", 0);
  if (seq <= chamber_live_state_get_seq (self->state))
    return;  /* seen already */
  if (!chamber_live_state_apply (self->state, object, &error))
    {
      g_warning ("live: %s; following the session again from its first event", error->message);
      restart_from_scratch (self);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_EVENT], 0, object);
  /* While catching up, one "changed" at the end is enough. */
  if (self->connection == CHAMBER_LIVE_CONNECTION_ONLINE)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
websocket_connected_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  ChamberLiveClient *self = user_data;
  SoupMessage *msg = g_object_get_data (G_OBJECT (self), "chamber-live-handshake");
  GError *error = NULL;
  GError *certificate_error = NULL;
  SoupWebsocketConnection *conn;

  conn = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (conn == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_error_free (error);
          g_object_unref (self);
          return;
        }
      if (msg != NULL && chamber_client_take_certificate_error (self->client, msg,
                                                                &certificate_error))
        {
          g_error_free (error);
          error = certificate_error;
        }
      else if (msg != NULL && soup_message_get_status (msg) >= 400)
        {
          guint status = soup_message_get_status (msg);

          g_clear_error (&error);
          g_set_error (&error, CHAMBER_CLIENT_ERROR, error_code_for_status (status),
                       _("The server at %s refused the live channel (%u %s)."),
                       chamber_client_get_server_url (self->client), status,
                       soup_message_get_reason_phrase (msg));
        }
      schedule_retry (self, error);
      g_object_unref (self);
      return;
    }

  self->conn = conn;
  soup_websocket_connection_set_max_incoming_payload_size (conn, MAX_EVENT_BYTES);
  soup_websocket_connection_set_keepalive_interval (conn, KEEPALIVE_SECONDS);
  g_signal_connect (conn, "message", G_CALLBACK (message_cb), self);
  g_signal_connect (conn, "closed", G_CALLBACK (closed_cb), self);
  g_object_unref (self);
}

static void
open_websocket (ChamberLiveClient *self)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/live/events?session=%lld&after=%lld",
                                           (long long) self->session_id,
                                           (long long) chamber_live_state_get_seq (self->state));
  SoupMessage *msg = new_message (self, SOUP_METHOD_GET, path);

  set_connection (self, CHAMBER_LIVE_CONNECTION_CATCHING_UP);
  g_object_set_data_full (G_OBJECT (self), "chamber-live-handshake", msg, g_object_unref);
  soup_session_websocket_connect_async (chamber_client_get_soup_session (self->client), msg,
                                        NULL, NULL, G_PRIORITY_DEFAULT, self->cancellable,
                                        websocket_connected_cb, g_object_ref (self));
}

/* ---- Context: the agenda and the people --------------------------------------------------- */

typedef struct
{
  ChamberLiveClient *self;
  SoupMessage       *msg;
  gboolean           people;
} ContextFetch;

static void
context_fetched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  ContextFetch *fetch = user_data;
  ChamberLiveClient *self = fetch->self;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (JsonObject) answer = NULL;
  GError *send_error = NULL;
  GError *error = NULL;
  JsonArray *array;
  gboolean people = fetch->people;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &send_error);
  answer = finish_exchange (self, fetch->msg, body, send_error, &error);
  g_object_unref (fetch->msg);
  g_free (fetch);

  if (answer == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_error_free (error);
      else
        schedule_retry (self, error);
      g_object_unref (self);
      return;
    }

  array = json_object_get_array_member (answer, people ? "people" : "items");
  if (array != NULL)
    {
      GPtrArray **target = people ? &self->context_people : &self->context_items;

      g_clear_pointer (target, g_ptr_array_unref);
      *target = g_ptr_array_new_with_free_func (people ? (GDestroyNotify) chamber_person_free
                                                       : (GDestroyNotify) chamber_item_free);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *node = json_array_get_element (array, i);
          gpointer record = NULL;

          if (JSON_NODE_HOLDS_OBJECT (node))
            record = people ? (gpointer) chamber_person_from_json (json_node_get_object (node),
                                                                   NULL)
                            : (gpointer) chamber_item_from_json (json_node_get_object (node),
                                                                 NULL);
          if (record != NULL)
            g_ptr_array_add (*target, record);
        }
      add_context (self);
    }

  if (people)
    open_websocket (self);
  else
    {
      /* Items first, then people, then the channel. */
      ContextFetch *next = g_new0 (ContextFetch, 1);

      next->self = self;
      next->people = TRUE;
      next->msg = new_message (self, SOUP_METHOD_GET, "/api/v1/people");
      soup_session_send_and_read_async (chamber_client_get_soup_session (self->client),
                                        next->msg, G_PRIORITY_DEFAULT, self->cancellable,
                                        context_fetched_cb, next);
      return;  /* the reference goes on with @next */
    }
  g_object_unref (self);
}

static void
connect_now (ChamberLiveClient *self)
{
  ContextFetch *fetch;
  g_autofree char *path = NULL;

  if (!self->running || self->cancellable != NULL)
    return;
  self->cancellable = g_cancellable_new ();
  set_connection (self, CHAMBER_LIVE_CONNECTION_OFFLINE);

  path = g_strdup_printf ("/api/v1/sessions/%lld/items", (long long) self->session_id);
  fetch = g_new0 (ContextFetch, 1);
  fetch->self = g_object_ref (self);
  fetch->msg = new_message (self, SOUP_METHOD_GET, path);
  soup_session_send_and_read_async (chamber_client_get_soup_session (self->client), fetch->msg,
                                    G_PRIORITY_DEFAULT, self->cancellable, context_fetched_cb,
                                    fetch);
}

/* ---- The object --------------------------------------------------------------------------- */

void
chamber_live_client_start (ChamberLiveClient *self)
{
  g_return_if_fail (CHAMBER_IS_LIVE_CLIENT (self));

  if (self->running)
    return;
  self->running = TRUE;
  self->backoff_ms = BACKOFF_FIRST_MS;
  connect_now (self);
}

void
chamber_live_client_stop (ChamberLiveClient *self)
{
  g_return_if_fail (CHAMBER_IS_LIVE_CLIENT (self));

  self->running = FALSE;
  g_clear_handle_id (&self->retry_source, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  drop_connection (self);
  set_connection (self, CHAMBER_LIVE_CONNECTION_OFFLINE);
}

gint64
chamber_live_client_get_session_id (ChamberLiveClient *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CLIENT (self), 0);
  return self->session_id;
}

ChamberLiveConnection
chamber_live_client_get_connection_state (ChamberLiveClient *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CLIENT (self), CHAMBER_LIVE_CONNECTION_OFFLINE);
  return self->connection;
}

ChamberLiveState *
chamber_live_client_get_state (ChamberLiveClient *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CLIENT (self), NULL);
  return self->state;
}

gint64
chamber_live_client_get_last_seq (ChamberLiveClient *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CLIENT (self), 0);
  return chamber_live_state_get_seq (self->state);
}

gint64
chamber_live_client_now_ms (ChamberLiveClient *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CLIENT (self), 0);
  if (!self->clock_known)
    return g_get_real_time () / 1000;
  return g_get_monotonic_time () / 1000 + self->clock_offset_ms;
}

const GError *
chamber_live_client_get_error (ChamberLiveClient *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CLIENT (self), NULL);
  return self->error;
}

static void
chamber_live_client_dispose (GObject *object)
{
  ChamberLiveClient *self = CHAMBER_LIVE_CLIENT (object);

  chamber_live_client_stop (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (chamber_live_client_parent_class)->dispose (object);
}

static void
chamber_live_client_finalize (GObject *object)
{
  ChamberLiveClient *self = CHAMBER_LIVE_CLIENT (object);

  chamber_live_state_free (self->state);
  g_clear_error (&self->error);
  g_clear_pointer (&self->context_people, g_ptr_array_unref);
  g_clear_pointer (&self->context_items, g_ptr_array_unref);

  G_OBJECT_CLASS (chamber_live_client_parent_class)->finalize (object);
}

static void
chamber_live_client_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ChamberLiveClient *self = CHAMBER_LIVE_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CONNECTION_STATE:
      g_value_set_int (value, self->connection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_live_client_class_init (ChamberLiveClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chamber_live_client_dispose;
  object_class->finalize = chamber_live_client_finalize;
  object_class->get_property = chamber_live_client_get_property;

  /* A ChamberLiveConnection value. */
  properties[PROP_CONNECTION_STATE] =
    g_param_spec_int ("connection-state", NULL, NULL, CHAMBER_LIVE_CONNECTION_OFFLINE,
                      CHAMBER_LIVE_CONNECTION_ONLINE, CHAMBER_LIVE_CONNECTION_OFFLINE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_EVENT] = g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        JSON_TYPE_OBJECT);
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                          0);
}

static void
chamber_live_client_init (ChamberLiveClient *self)
{
  self->connection = CHAMBER_LIVE_CONNECTION_OFFLINE;
  self->backoff_ms = BACKOFF_FIRST_MS;
}

ChamberLiveClient *
chamber_live_client_new (ChamberClient *client,
                         gint64         session_id)
{
  ChamberLiveClient *self;

  g_return_val_if_fail (CHAMBER_IS_CLIENT (client), NULL);
  g_return_val_if_fail (session_id > 0, NULL);

  self = g_object_new (CHAMBER_TYPE_LIVE_CLIENT, NULL);
  self->client = g_object_ref (client);
  self->session_id = session_id;
  self->state = chamber_live_state_new (session_id);
  return self;
}
