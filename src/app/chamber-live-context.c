/* chamber-live-context.c — the live client of one session, who is looking and the people
 * directory, shared by the live screens (see chamber-live-context.h). The person and the
 * directory are read in a worker thread with a ChamberClient of its own (one per thread). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-client.h"
#include "chamber-live-context.h"
#include "chamber-live-format.h"
#include "chamber-manifest.h"
#include "chamber-protocol.h"
#include "chamber-toast.h"

struct _ChamberLiveContext
{
  GObject            parent_instance;

  ChamberConnection *connection;
  ChamberClient     *client;
  ChamberLiveClient *live;
  GCancellable      *cancellable;
  gint64             session_id;
  gboolean           ready;
  gint64             person_id;
  ChamberRole        role;
  char              *load_error;
  GPtrArray         *people;       /* ChamberPerson */
  GHashTable        *document_titles;  /* gint64 * → char *, the documents the person reads */
  char              *last_error;
  guint              n_answered;
};

enum {
  PROP_0,
  PROP_CONNECTION_STATE,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  SIGNAL_READY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberLiveContext, chamber_live_context, G_TYPE_OBJECT)

/* ---- Who is looking, and the directory ------------------------------------------------------ */

typedef struct {
  char          *url;
  char          *token;
  char          *pin;
  gint64         session_id;
  ChamberPerson *me;
  GPtrArray     *people;
  GHashTable    *document_titles;
} Load;

static void
load_free (Load *load)
{
  g_free (load->url);
  g_free (load->token);
  g_free (load->pin);
  g_clear_pointer (&load->me, chamber_person_free);
  g_clear_pointer (&load->people, g_ptr_array_unref);
  g_clear_pointer (&load->document_titles, g_hash_table_unref);
  g_free (load);
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (JsonNode) answer = NULL;
  GError *error = NULL;
  JsonArray *array;

  client = chamber_client_new (load->url, load->token, &error);
  if (client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (load->pin != NULL)
    chamber_client_set_pinned_certificate (client, load->pin);
  load->me = chamber_client_get_me (client, cancellable, &error);
  if (load->me == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  answer = chamber_client_request_json (client, "GET", "/api/v1/people", NULL, NULL,
                                        cancellable, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  load->people = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_person_free);
  array = JSON_NODE_HOLDS_OBJECT (answer)
            ? json_object_get_array_member (json_node_get_object (answer), "people") : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      ChamberPerson *person;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      person = chamber_person_from_json (json_node_get_object (node), NULL);
      if (person == NULL)
        continue;
      if (person->active)
        g_ptr_array_add (load->people, person);
      else
        chamber_person_free (person);
    }

  /* The titles of the documents the person may read, for the anchors of questions: the
   * manifest lists only those. Without it an anchor names its document by number. */
  load->document_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/manifest",
                                             (long long) load->session_id);
    g_autoptr (GBytes) bytes = chamber_client_get_bytes (client, path, NULL, NULL, NULL,
                                                         cancellable, NULL);
    g_autoptr (ChamberManifest) manifest = NULL;
    gsize size;
    const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

    if (data != NULL)
      manifest = chamber_manifest_parse (data, size, NULL);
    for (guint i = 0; manifest != NULL && i < manifest->documents->len; i++)
      {
        const ChamberDocument *document = g_ptr_array_index (manifest->documents, i);

        g_hash_table_insert (load->document_titles,
                             g_memdup2 (&document->id, sizeof (gint64)),
                             g_strdup (document->title));
      }
  }
  g_task_return_boolean (task, TRUE);
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberLiveContext *self = CHAMBER_LIVE_CONTEXT (source);
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_free (self->load_error);
      self->load_error = g_strdup (error->message);
      g_signal_emit (self, signals[SIGNAL_READY], 0);
      return;
    }
  self->person_id = load->me->id;
  self->role = load->me->role;
  g_ptr_array_unref (self->people);
  self->people = g_steal_pointer (&load->people);
  g_hash_table_unref (self->document_titles);
  self->document_titles = g_steal_pointer (&load->document_titles);
  self->ready = TRUE;
  g_signal_emit (self, signals[SIGNAL_READY], 0);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
start_load (ChamberLiveContext *self)
{
  g_autoptr (GTask) task = g_task_new (self, self->cancellable, loaded_cb, NULL);
  Load *load = g_new0 (Load, 1);

  load->url = g_strdup (self->connection->server_url);
  load->token = g_strdup (self->connection->token);
  load->pin = g_strdup (self->connection->pin);
  load->session_id = self->session_id;
  g_task_set_task_data (task, load, (GDestroyNotify) load_free);
  g_task_run_in_thread (task, load_thread);
}

/* ---- The live client ------------------------------------------------------------------------ */

static void
live_changed_cb (ChamberLiveContext *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
connection_state_cb (ChamberLiveContext *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_STATE]);
}

ChamberLiveContext *
chamber_live_context_new (const ChamberConnection *connection, gint64 session_id,
                          GError **error)
{
  g_autoptr (ChamberLiveContext) self = NULL;

  g_return_val_if_fail (connection != NULL, NULL);
  g_return_val_if_fail (session_id > 0, NULL);

  self = g_object_new (CHAMBER_TYPE_LIVE_CONTEXT, NULL);
  self->client = chamber_client_new (connection->server_url, connection->token, error);
  if (self->client == NULL)
    return NULL;
  if (connection->pin != NULL)
    chamber_client_set_pinned_certificate (self->client, connection->pin);
  self->connection = chamber_connection_copy (connection);
  self->session_id = session_id;
  self->cancellable = g_cancellable_new ();
  self->live = chamber_live_client_new (self->client, session_id);
  g_signal_connect_object (self->live, "changed", G_CALLBACK (live_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->live, "notify::connection-state",
                           G_CALLBACK (connection_state_cb), self, G_CONNECT_SWAPPED);
  chamber_live_client_start (self->live);
  start_load (self);
  return g_steal_pointer (&self);
}

void
chamber_live_context_stop (ChamberLiveContext *self)
{
  g_return_if_fail (CHAMBER_IS_LIVE_CONTEXT (self));

  g_cancellable_cancel (self->cancellable);
  if (self->live != NULL)
    chamber_live_client_stop (self->live);
}

ChamberLiveClient *
chamber_live_context_get_client (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), NULL);
  return self->live;
}

ChamberLiveState *
chamber_live_context_get_state (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), NULL);
  return chamber_live_client_get_state (self->live);
}

gint64
chamber_live_context_now_ms (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), 0);
  return chamber_live_client_now_ms (self->live);
}

ChamberLiveConnection
chamber_live_context_get_connection_state (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), CHAMBER_LIVE_CONNECTION_OFFLINE);
  return chamber_live_client_get_connection_state (self->live);
}

gint64
chamber_live_context_get_session_id (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), 0);
  return self->session_id;
}

const ChamberConnection *
chamber_live_context_get_connection (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), NULL);
  return self->connection;
}

gboolean
chamber_live_context_is_ready (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), FALSE);
  return self->ready;
}

gint64
chamber_live_context_get_person_id (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), 0);
  return self->person_id;
}

ChamberRole
chamber_live_context_get_role (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), CHAMBER_ROLE_DELEGATE);
  return self->role;
}

const char *
chamber_live_context_get_load_error (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), NULL);
  return self->load_error;
}

GPtrArray *
chamber_live_context_get_people (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), NULL);
  return self->people;
}

const ChamberPerson *
chamber_live_context_lookup_person (ChamberLiveContext *self, gint64 person_id)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), NULL);

  for (guint i = 0; i < self->people->len; i++)
    {
      const ChamberPerson *person = g_ptr_array_index (self->people, i);

      if (person->id == person_id)
        return person;
    }
  return chamber_live_state_lookup_person (chamber_live_context_get_state (self), person_id);
}

char *
chamber_live_context_describe_person (ChamberLiveContext *self, gint64 person_id,
                                      gboolean with_title)
{
  const ChamberPerson *person = chamber_live_context_lookup_person (self, person_id);

  if (person == NULL || person->name == NULL)
    /* TRANSLATORS: someone the app has no name for, with their number */
    return g_strdup_printf (_("Person %lld"), (long long) person_id);
  if (with_title && person->title != NULL && *person->title != '\0')
    /* TRANSLATORS: a person's name and title, like “Lê Văn Dũng (Giám đốc Sở Tài chính)” */
    return g_strdup_printf (_("%s (%s)"), person->name, person->title);
  return g_strdup (person->name);
}

const char *
chamber_live_context_get_document_title (ChamberLiveContext *self, gint64 document_id)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), NULL);
  return g_hash_table_lookup (self->document_titles, &document_id);
}

char *
chamber_live_describe_anchor (ChamberLiveContext *context, const ChamberLiveAnchor *anchor,
                              guint max_quote_chars)
{
  const char *title;
  g_autofree char *unknown = NULL;
  g_autofree char *quote = NULL;

  if (anchor == NULL || anchor->document_id == 0)
    return NULL;
  title = chamber_live_context_get_document_title (context, anchor->document_id);
  if (title == NULL)
    /* TRANSLATORS: a document the app cannot name (not one the person reads), by number */
    title = unknown = g_strdup_printf (_("Document %lld"), (long long) anchor->document_id);
  quote = chamber_live_format_quote (anchor->quote, max_quote_chars);
  if (quote != NULL)
    /* TRANSLATORS: where a question points: document title, page, the quoted passage */
    return g_strdup_printf (_("%s, p. %d: “%s”"), title, anchor->page, quote);
  /* TRANSLATORS: where a question points: document title and page */
  return g_strdup_printf (_("%s, p. %d"), title, anchor->page);
}

/* ---- Commands -------------------------------------------------------------------------------- */

typedef struct {
  ChamberLiveContext *self;
  GtkWidget          *origin;
  ChamberLiveSent     done;
  gpointer            user_data;
} Send;

static void
sent_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Send *send = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) event = NULL;

  event = chamber_live_client_send_finish (CHAMBER_LIVE_CLIENT (source), result, &error);
  send->self->n_answered++;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ;  /* the window closed */
  else if (event == NULL)
    {
      g_free (send->self->last_error);
      send->self->last_error = g_strdup (error->message);
      chamber_toast_show_above (send->origin, error->message, 6);
    }
  if (send->done != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    send->done (send->origin, event, error, send->user_data);
  g_object_unref (send->origin);
  g_object_unref (send->self);
  g_free (send);
}

void
chamber_live_context_send (ChamberLiveContext *self, JsonObject *command, gboolean expect_seq,
                           GtkWidget *origin, ChamberLiveSent done, gpointer user_data)
{
  Send *send;

  g_return_if_fail (CHAMBER_IS_LIVE_CONTEXT (self));
  g_return_if_fail (command != NULL);
  g_return_if_fail (GTK_IS_WIDGET (origin));

  if (expect_seq)
    json_object_set_int_member (command, "expected_seq",
                                chamber_live_client_get_last_seq (self->live));
  send = g_new0 (Send, 1);
  send->self = g_object_ref (self);
  send->origin = g_object_ref (origin);
  send->done = done;
  send->user_data = user_data;
  chamber_live_client_send_async (self->live, command, self->cancellable, sent_cb, send);
  json_object_unref (command);
}

JsonObject *
chamber_live_command_new (const char *type)
{
  JsonObject *command = json_object_new ();

  json_object_set_string_member (command, "type", type);
  return command;
}

const char *
chamber_live_context_get_last_error (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), NULL);
  return self->last_error;
}

guint
chamber_live_context_get_n_answered (ChamberLiveContext *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_CONTEXT (self), 0);
  return self->n_answered;
}

const char *
chamber_live_connection_describe (ChamberLiveConnection state)
{
  switch (state)
    {
    case CHAMBER_LIVE_CONNECTION_OFFLINE:
      return _("Offline — reconnecting…");
    case CHAMBER_LIVE_CONNECTION_CATCHING_UP:
      return _("Catching up…");
    case CHAMBER_LIVE_CONNECTION_ONLINE:
    default:
      return NULL;
    }
}

/* ---- The object ----------------------------------------------------------------------------- */

static void
chamber_live_context_dispose (GObject *object)
{
  ChamberLiveContext *self = CHAMBER_LIVE_CONTEXT (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->live != NULL)
    chamber_live_client_stop (self->live);
  g_clear_object (&self->live);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (chamber_live_context_parent_class)->dispose (object);
}

static void
chamber_live_context_finalize (GObject *object)
{
  ChamberLiveContext *self = CHAMBER_LIVE_CONTEXT (object);

  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->document_titles, g_hash_table_unref);
  g_free (self->load_error);
  g_free (self->last_error);
  G_OBJECT_CLASS (chamber_live_context_parent_class)->finalize (object);
}

static void
chamber_live_context_get_property (GObject *object, guint prop_id, GValue *value,
                                   GParamSpec *pspec)
{
  ChamberLiveContext *self = CHAMBER_LIVE_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_CONNECTION_STATE:
      g_value_set_int (value, self->live != NULL
                                ? (int) chamber_live_client_get_connection_state (self->live)
                                : CHAMBER_LIVE_CONNECTION_OFFLINE);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_live_context_class_init (ChamberLiveContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chamber_live_context_dispose;
  object_class->finalize = chamber_live_context_finalize;
  object_class->get_property = chamber_live_context_get_property;

  properties[PROP_CONNECTION_STATE] =
    g_param_spec_int ("connection-state", NULL, NULL, CHAMBER_LIVE_CONNECTION_OFFLINE,
                      CHAMBER_LIVE_CONNECTION_ONLINE, CHAMBER_LIVE_CONNECTION_OFFLINE,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  signals[SIGNAL_READY] = g_signal_new ("ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
chamber_live_context_init (ChamberLiveContext *self)
{
  self->role = CHAMBER_ROLE_DELEGATE;
  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_person_free);
  self->document_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}
