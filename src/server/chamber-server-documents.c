/* chamber-server-documents.c — uploading a PDF to an agenda item or as a new version of a
 * document (published at once, or as a draft), publishing drafts one by one or by item or
 * session, reading a document's record and serving blobs by hash with byte ranges
 * (docs/protocol.md).
 *
 * An upload streams into a temporary file of the blob store while it arrives
 * (chamber-server.c); the PDF check renders every page, which may take seconds, so it runs in a
 * worker thread with its own store connection while the message is paused. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chamber-audit.h"
#include "chamber-hash.h"
#include "chamber-pdf.h"
#include "chamber-protocol.h"
#include "chamber-publish.h"
#include "chamber-server-private.h"

#define MAX_ACCESS_ENTRIES 256

static void
reply_bad_request (ChamberRequest *request,
                   const char     *message)
{
  chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request", message);
}

/* "all", "group:NAME" or "person:ID". */
static gboolean
access_entry_is_valid (const char *entry)
{
  gint64 id;

  if (g_str_equal (entry, "all"))
    return TRUE;
  if (g_str_has_prefix (entry, "group:"))
    return entry[strlen ("group:")] != '\0';
  if (g_str_has_prefix (entry, "person:"))
    return chamber_server_parse_id (entry + strlen ("person:"), &id);
  return FALSE;
}

/* Answers a failed look-up of @request's id: 404 with @not_found when the store has no such
 * row (@error NULL or not-found), the store's error otherwise. */
static void
reply_lookup_failed (ChamberRequest *request, const GError *error, const char *not_found)
{
  if (error == NULL
      || g_error_matches (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND))
    chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found", not_found);
  else
    chamber_server_reply_gerror (request->msg, error);
}

/* Opens a new temporary file in the blob store for @request's body to stream into; FALSE
 * having answered. */
static gboolean
open_upload_file (ChamberRequest *request)
{
  ChamberServer *server = request->server;
  ChamberRequestBody *body = request->body;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  body->temp_path = chamber_blob_store_new_temp_path (server->blobs);
  if (body->temp_path == NULL)
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                                  _("The server cannot create a temporary file in its blob "
                                    "store. Check the data folder's permissions and free "
                                    "space."));
      return FALSE;
    }
  file = g_file_new_for_path (body->temp_path);
  body->out = G_OUTPUT_STREAM (g_file_append_to (file, G_FILE_CREATE_PRIVATE, NULL, &error));
  if (body->out == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads title, kind, draft and access from the query string into @request; FALSE having
 * answered. */
static gboolean
read_upload_query (ChamberRequest *request)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (request->msg));
  g_autoptr (GError) error = NULL;
  GUriParamsIter iter;
  char *name = NULL, *value = NULL;
  const char *title, *kind_name, *draft;
  ChamberDocumentKind kind;

  request->query = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  request->access = g_ptr_array_new_with_free_func (g_free);

  if (query != NULL)
    {
      g_uri_params_iter_init (&iter, query, -1, "&", G_URI_PARAMS_WWW_FORM);
      while (g_uri_params_iter_next (&iter, &name, &value, &error))
        {
          if (name == NULL)
            break;
          if (!g_utf8_validate (value, -1, NULL) || strlen (value) > CHAMBER_PROTOCOL_MAX_STRING)
            {
              g_autofree char *message =
                g_strdup_printf (_("The query parameter “%s” is not UTF-8 text of at most %d "
                                   "bytes."),
                                 name, CHAMBER_PROTOCOL_MAX_STRING);
              reply_bad_request (request, message);
              g_free (name);
              g_free (value);
              return FALSE;
            }
          if (g_str_equal (name, "access"))
            {
              g_strstrip (value);
              if (!access_entry_is_valid (value) || request->access->len >= MAX_ACCESS_ENTRIES)
                {
                  reply_bad_request (request, _("Each “access” must be “all”, “group:NAME” or "
                                                "“person:ID”, at most 256 of them."));
                  g_free (name);
                  g_free (value);
                  return FALSE;
                }
              g_ptr_array_add (request->access, value);
              g_free (name);
            }
          else
            g_hash_table_replace (request->query, name, value);
        }
      if (error != NULL)
        {
          g_autofree char *message =
            g_strdup_printf (_("The query string cannot be read: %s"), error->message);
          reply_bad_request (request, message);
          return FALSE;
        }
    }

  title = g_hash_table_lookup (request->query, "title");
  if (title != NULL && *g_strstrip ((char *) title) == '\0')
    g_hash_table_remove (request->query, "title");
  kind_name = g_hash_table_lookup (request->query, "kind");
  if (kind_name != NULL && !chamber_document_kind_from_string (kind_name, &kind))
    {
      reply_bad_request (request, _("“kind” must be “submission”, “report”, "
                                    "“draft-resolution” or “other”."));
      return FALSE;
    }
  draft = g_hash_table_lookup (request->query, "draft");
  if (draft != NULL && !g_str_equal (draft, "true") && !g_str_equal (draft, "false"))
    {
      reply_bad_request (request, _("“draft” must be “true” or “false”."));
      return FALSE;
    }
  return TRUE;
}

gboolean
chamber_server_prepare_upload (ChamberRequest *request)
{
  ChamberServer *server = request->server;
  g_autoptr (ChamberItem) item = NULL;
  g_autoptr (GError) error = NULL;

  item = chamber_store_get_item (server->store, request->id, &error);
  if (item == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no agenda item %lld. Check the item id."),
                         (long long) request->id);

      reply_lookup_failed (request, error, message);
      return FALSE;
    }
  if (!read_upload_query (request))
    return FALSE;
  return open_upload_file (request);
}

/* POST /documents/ID/versions: the document must exist, and a new version keeps its title. */
gboolean
chamber_server_prepare_version_upload (ChamberRequest *request)
{
  ChamberServer *server = request->server;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  const char *title;

  document = chamber_store_get_document (server->store, request->id, &error);
  if (document == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no document %lld. Check the document id."),
                         (long long) request->id);

      reply_lookup_failed (request, error, message);
      return FALSE;
    }
  if (!read_upload_query (request))
    return FALSE;
  title = g_hash_table_lookup (request->query, "title");
  if (title != NULL && g_strcmp0 (title, document->title) != 0)
    {
      reply_bad_request (request, _("A new version keeps the title of the document it "
                                    "replaces: leave “title” out, or publish a new document "
                                    "instead."));
      return FALSE;
    }

  return open_upload_file (request);
}

/* Uploads */

typedef struct
{
  char               *db_path;
  char               *blob_dir;
  gint64              publisher_id;
  gint64              item_id;
  gint64              replaces_id;  /* a new version of this document, or 0 */
  char               *title;
  ChamberDocumentKind kind;
  gboolean            kind_given;
  char              **access;  /* NULL = all (or, for a new version, the replaced one's) */
  char               *pdf_path;
  gboolean            draft;
} PublishJob;

static void
publish_job_free (PublishJob *job)
{
  g_free (job->db_path);
  g_free (job->blob_dir);
  g_free (job->title);
  g_strfreev (job->access);
  g_free (job->pdf_path);
  g_free (job);
}

typedef struct
{
  ChamberServer     *server;
  SoupServerMessage *msg;
  gboolean           disconnected;
} UploadReply;

static void
upload_reply_free (UploadReply *reply)
{
  g_signal_handlers_disconnect_by_data (reply->msg, reply);
  g_object_unref (reply->msg);
  g_object_unref (reply->server);
  g_free (reply);
}

static void
upload_disconnected_cb (SoupServerMessage *msg,
                        gpointer           user_data)
{
  ((UploadReply *) user_data)->disconnected = TRUE;
}

static void
publish_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PublishJob *job = task_data;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GError) error = NULL;
  ChamberDocument *document = NULL;

  /* Without a title in the query, the PDF's own is used; the temporary file's name never is. */
  if (job->title == NULL && job->replaces_id == 0)
    {
      PopplerDocument *pdf = chamber_pdf_open (job->pdf_path, NULL, NULL);
      g_autofree char *pdf_title = pdf != NULL ? poppler_document_get_title (pdf) : NULL;

      g_clear_object (&pdf);
      if (pdf_title != NULL && *g_strstrip (pdf_title) != '\0')
        job->title = g_steal_pointer (&pdf_title);
      else
        job->title = g_strdup (_("Untitled document"));
    }

  store = chamber_store_open (job->db_path, &error);
  if (store != NULL)
    blobs = chamber_blob_store_new (job->blob_dir, &error);
  if (blobs != NULL && job->replaces_id != 0)
    chamber_publish_upload_version (store, blobs, job->publisher_id, job->replaces_id,
                                    job->kind_given ? (int) job->kind : -1,
                                    (const char *const *) job->access, job->pdf_path,
                                    job->draft, &document, &error);
  else if (blobs != NULL)
    chamber_publish_upload (store, blobs, job->publisher_id, job->item_id, job->title,
                            job->kind, (const char *const *) job->access, job->pdf_path,
                            job->draft, &document, &error);
  g_unlink (job->pdf_path);

  if (document != NULL)
    g_task_return_pointer (task, document, (GDestroyNotify) chamber_document_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
publish_done_cb (GObject      *source_object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  UploadReply *reply = user_data;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  chamber_server_job_finished (reply->server);
  document = g_task_propagate_pointer (G_TASK (result), &error);

  /* A client that went away, or a server shutting down, gets no answer. */
  if (!reply->disconnected && !reply->server->stopping)
    {
      if (document != NULL)
        chamber_server_reply_member (reply->msg, SOUP_STATUS_CREATED, "document",
                                     chamber_document_to_json (document));
      else
        chamber_server_reply_gerror (reply->msg, error);
      soup_server_message_unpause (reply->msg);
    }
  upload_reply_free (reply);
}

/* Checks and stores an upload in a worker thread: a new document of item @request->id, or
 * (@replaces) a new version of document @request->id. */
static void
start_publish (ChamberRequest *request,
               gboolean        replaces)
{
  ChamberServer *server = request->server;
  ChamberRequestBody *body = request->body;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  const char *kind_name;
  PublishJob *job;
  UploadReply *reply;

  if (body->too_large)
    {
      chamber_request_reply_too_large (request);
      return;
    }
  if (body->write_error != NULL)
    {
      if (g_error_matches (body->write_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
        {
          g_message ("chamberd: an upload was refused: %s", body->write_error->message);
          /* Give the space back at once, not when libsoup lets the message go. */
          if (body->out != NULL)
            g_output_stream_close (body->out, NULL, NULL);
          g_clear_object (&body->out);
          g_unlink (body->temp_path);
          g_clear_pointer (&body->temp_path, g_free);
          chamber_server_reply_error (request->msg, SOUP_STATUS_INSUFFICIENT_STORAGE,
                                      "internal",
                                      _("The server's disk is full: the file could not be "
                                        "stored. Ask the server's administrator to free space "
                                        "in its data folder, then upload it again."));
          return;
        }
      chamber_server_reply_gerror (request->msg, body->write_error);
      return;
    }
  if (body->out == NULL || !g_output_stream_close (body->out, NULL, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The uploaded file could not be kept. Send it again."));
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  g_clear_object (&body->out);

  job = g_new0 (PublishJob, 1);
  job->db_path = g_strdup (server->db_path);
  job->blob_dir = g_strdup (server->blob_dir);
  job->publisher_id = request->caller->id;
  job->item_id = replaces ? 0 : request->id;
  job->replaces_id = replaces ? request->id : 0;
  job->title = g_strdup (g_hash_table_lookup (request->query, "title"));
  job->draft = g_strcmp0 (g_hash_table_lookup (request->query, "draft"), "true") == 0;
  job->kind = CHAMBER_DOCUMENT_OTHER;
  kind_name = g_hash_table_lookup (request->query, "kind");
  if (kind_name != NULL)
    job->kind_given = chamber_document_kind_from_string (kind_name, &job->kind);
  if (request->access->len > 0)
    {
      g_ptr_array_add (request->access, NULL);
      job->access = (char **) g_ptr_array_steal (request->access, NULL);
    }
  job->pdf_path = g_steal_pointer (&body->temp_path);

  reply = g_new0 (UploadReply, 1);
  reply->server = g_object_ref (server);
  reply->msg = g_object_ref (request->msg);
  g_signal_connect (reply->msg, "disconnected", G_CALLBACK (upload_disconnected_cb), reply);

  soup_server_message_pause (request->msg);
  chamber_server_job_started (server);
  task = g_task_new (NULL, NULL, publish_done_cb, reply);
  g_task_set_source_tag (task, start_publish);
  g_task_set_task_data (task, job, (GDestroyNotify) publish_job_free);
  g_task_run_in_thread (task, publish_thread);
}

void
chamber_server_post_item_documents (ChamberRequest *request)
{
  start_publish (request, FALSE);
}

void
chamber_server_post_document_versions (ChamberRequest *request)
{
  start_publish (request, TRUE);
}

void
chamber_server_get_document (ChamberRequest *request)
{
  ChamberStore *store = request->server->store;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  document = chamber_store_get_document (store, request->id, &error);
  if (error != NULL
      && !g_error_matches (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  /* A document the caller may not read does not exist for them. */
  if (document == NULL || !chamber_store_person_may_read (store, request->caller, document))
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no document %lld that you may read."),
                         (long long) request->id);
      chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found", message);
      return;
    }
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "document",
                               chamber_document_to_json (document));
}

/* Inside a transaction the caller began: replaces the access list and records the change,
 * committing both or neither. */
static gboolean
set_access_audited (ChamberStore        *store,
                    const ChamberPerson *caller,
                    gint64               document_id,
                    const char *const   *access,
                    const char          *detail,
                    GError             **error)
{
  if (!chamber_store_set_document_access (store, document_id, access, error)
      || !chamber_audit_record (store, caller->id, CHAMBER_AUDIT_ACCESS, document_id, 0, detail,
                                error))
    {
      chamber_store_rollback (store);
      return FALSE;
    }
  return chamber_store_commit (store, error);
}

/* Replaces a document's access list: {"access": ["all" | "group:NAME" | "person:ID", …]}. */
void
chamber_server_put_document_access (ChamberRequest *request)
{
  ChamberStore *store = request->server->store;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GPtrArray) access = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *detail = NULL;
  JsonNode *node;
  JsonArray *array;
  guint n;

  object = chamber_request_read_object (request, FALSE);
  if (object == NULL)
    return;

  node = json_object_get_member (object, "access");
  array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  n = array != NULL ? json_array_get_length (array) : 0;
  if (n == 0 || n > MAX_ACCESS_ENTRIES)
    {
      reply_bad_request (request, _("“access” must be a list of one to 256 entries, each "
                                    "“all”, “group:NAME” or “person:ID”."));
      return;
    }
  access = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *text = JSON_NODE_HOLDS_VALUE (element)
                                 && json_node_get_value_type (element) == G_TYPE_STRING
                             ? json_node_get_string (element)
                             : NULL;
      g_autofree char *entry = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

      if (entry == NULL || strlen (entry) > CHAMBER_PROTOCOL_MAX_STRING
          || !access_entry_is_valid (entry))
        {
          reply_bad_request (request, _("Each “access” must be “all”, “group:NAME” or "
                                        "“person:ID”, at most 256 of them."));
          return;
        }
      g_ptr_array_add (access, g_steal_pointer (&entry));
    }
  g_ptr_array_add (access, NULL);
  detail = g_strjoinv (", ", (char **) access->pdata);

  /* The change and its audit row are one transaction. */
  if (!chamber_store_begin (store, &error)
      || !set_access_audited (store, request->caller, request->id,
                              (const char *const *) access->pdata, detail, &error))
    {
      if (g_error_matches (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *message =
            g_strdup_printf (_("There is no document %lld. Check the document id."),
                             (long long) request->id);
          chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found",
                                      message);
        }
      else
        chamber_server_reply_gerror (request->msg, error);
      return;
    }

  document = chamber_store_get_document (store, request->id, &error);
  if (document == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "document",
                               chamber_document_to_json (document));
}

/* Publishing drafts */

static JsonNode *
ids_to_json (GArray *ids)
{
  JsonArray *array = json_array_sized_new (ids->len);
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < ids->len; i++)
    json_array_add_int_element (array, g_array_index (ids, gint64, i));
  json_node_take_array (node, array);
  return node;
}

/* POST /documents/ID/publish: {"document": …, "published": [ID]}, or "published": [] when the
 * document was published already (nothing changes). */
void
chamber_server_post_document_publish (ChamberRequest *request)
{
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GArray) published = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object;
  gboolean was_draft = FALSE;

  if (!chamber_publish_document (request->server->store, request->caller->id, request->id,
                                 &document, &was_draft, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no document %lld. Check the document id."),
                         (long long) request->id);

      reply_lookup_failed (request, error, message);
      return;
    }
  if (was_draft)
    g_array_append_val (published, document->id);

  object = json_object_new ();
  json_object_set_member (object, "document", chamber_document_to_json (document));
  json_object_set_member (object, "published", ids_to_json (published));
  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);
  chamber_server_reply_json (request->msg, SOUP_STATUS_OK, g_steal_pointer (&root));
}

/* POST /sessions/ID/publish and /items/ID/publish: every draft at once, {"published": [ID…]}. */
static void
publish_drafts (ChamberRequest *request,
                gboolean        of_item)
{
  g_autoptr (GArray) published = NULL;
  g_autoptr (GError) error = NULL;

  if (!chamber_publish_drafts (request->server->store, request->caller->id,
                               of_item ? 0 : request->id, of_item ? request->id : 0,
                               &published, &error))
    {
      g_autofree char *message =
        of_item ? g_strdup_printf (_("There is no agenda item %lld. Check the item id."),
                                   (long long) request->id)
                : g_strdup_printf (_("There is no session %lld. Check the session id."),
                                   (long long) request->id);

      reply_lookup_failed (request, error, message);
      return;
    }
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "published",
                               ids_to_json (published));
}

void
chamber_server_post_session_publish (ChamberRequest *request)
{
  publish_drafts (request, FALSE);
}

void
chamber_server_post_item_publish (ChamberRequest *request)
{
  publish_drafts (request, TRUE);
}

/* Blobs */

typedef enum {
  NUMBER_INVALID,
  NUMBER_OK,
  NUMBER_OVERFLOW,
} NumberResult;

static NumberResult
parse_number (const char *text,
              guint64    *out)
{
  if (*text == '\0')
    return NUMBER_INVALID;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return NUMBER_INVALID;
  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT64, out, NULL))
    return NUMBER_OVERFLOW;
  return NUMBER_OK;
}

typedef enum {
  RANGE_WHOLE,          /* no Range, one we do not understand, or several ranges */
  RANGE_PART,
  RANGE_UNSATISFIABLE,
} RangeResult;

/* One byte range of RFC 9110 (bytes=N-, bytes=N-M, bytes=-N) over @size bytes. */
static RangeResult
parse_range (const char *header,
             guint64     size,
             guint64    *out_start,
             guint64    *out_end)
{
  g_autofree char *spec = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint64 start = 0, end = 0;
  NumberResult result;
  char *dash;

  if (header == NULL)
    return RANGE_WHOLE;
  while (*header == ' ' || *header == '\t')
    header++;
  if (g_ascii_strncasecmp (header, "bytes=", 6) != 0)
    return RANGE_WHOLE;
  spec = g_strstrip (g_strdup (header + 6));
  if (strchr (spec, ',') != NULL)
    return RANGE_WHOLE;
  dash = strchr (spec, '-');
  if (dash == NULL)
    return RANGE_WHOLE;
  first = g_strstrip (g_strndup (spec, dash - spec));
  last = g_strstrip (g_strdup (dash + 1));

  if (*first == '\0')
    {
      /* The last N bytes. */
      result = parse_number (last, &end);
      if (result == NUMBER_INVALID)
        return RANGE_WHOLE;
      if (result == NUMBER_OK && (end == 0 || size == 0))
        return RANGE_UNSATISFIABLE;
      *out_start = (result == NUMBER_OVERFLOW || end >= size) ? 0 : size - end;
      *out_end = size - 1;
      return RANGE_PART;
    }

  result = parse_number (first, &start);
  if (result == NUMBER_INVALID)
    return RANGE_WHOLE;
  if (result == NUMBER_OVERFLOW || start >= size)
    return RANGE_UNSATISFIABLE;

  if (*last == '\0')
    end = size - 1;
  else
    {
      result = parse_number (last, &end);
      if (result == NUMBER_INVALID)
        return RANGE_WHOLE;
      if (result == NUMBER_OK && end < start)
        return RANGE_WHOLE;
      if (result == NUMBER_OVERFLOW || end >= size)
        end = size - 1;
    }
  *out_start = start;
  *out_end = end;
  return RANGE_PART;
}

/* A download to record once its last byte was written (chamber-audit.h). */
typedef struct
{
  ChamberServer *server;
  ChamberPerson *person;
  char          *sha256;
  char          *detail;
} DownloadWatch;

static void
download_watch_free (gpointer  data,
                     GClosure *closure)
{
  DownloadWatch *watch = data;

  g_object_unref (watch->server);
  chamber_person_free (watch->person);
  g_free (watch->sha256);
  g_free (watch->detail);
  g_free (watch);
}

static void
download_wrote_body_cb (SoupServerMessage *msg,
                        gpointer           user_data)
{
  DownloadWatch *watch = user_data;
  g_autoptr (GError) error = NULL;

  if (watch->server->store == NULL)
    return;
  if (!chamber_audit_record_download (watch->server->store, watch->person, watch->sha256,
                                      watch->detail, &error))
    g_message ("chamberd: the download of %s by person %lld was not recorded: %s",
               watch->sha256, (long long) watch->person->id, error->message);
}

/* Records the download when the whole body went out: for a whole blob, or for the range that
 * ends at its last byte (the end of a resumed download, so that it counts once). A HEAD, a 304
 * and a range that stops short of the end are no download. */
static void
watch_download (ChamberRequest *request,
                const char     *sha256,
                const char     *detail)
{
  DownloadWatch *watch = g_new0 (DownloadWatch, 1);

  watch->server = g_object_ref (request->server);
  watch->person = chamber_person_copy (request->caller);
  watch->sha256 = g_strdup (sha256);
  watch->detail = g_strdup (detail);
  g_signal_connect_data (request->msg, "wrote-body", G_CALLBACK (download_wrote_body_cb), watch,
                         download_watch_free, 0);
}

void
chamber_server_get_blob (ChamberRequest *request)
{
  ChamberServer *server = request->server;
  SoupServerMessage *msg = request->msg;
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  const char *hash = request->segment;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) part = NULL;
  g_autofree char *path = NULL;
  g_autofree char *etag = NULL;
  guint64 size, start = 0, end = 0;
  RangeResult range;
  gboolean is_get = g_str_equal (request->method, SOUP_METHOD_GET);

  /* Checked before anything else: only a valid hash ever becomes part of a path. */
  if (!chamber_sha256_is_valid (hash))
    {
      reply_bad_request (request, _("A blob address ends with the document's SHA-256: 64 "
                                    "lowercase hexadecimal digits."));
      return;
    }
  if (!chamber_store_blob_readable_by (server->store, hash, request->caller, &error))
    {
      if (error != NULL)
        chamber_server_reply_gerror (msg, error);
      else
        chamber_server_reply_error (msg, SOUP_STATUS_NOT_FOUND, "not-found",
                                    _("There is no document with this hash that you may read."));
      return;
    }

  path = chamber_blob_store_path (server->blobs, hash);
  mapped = g_mapped_file_new (path, FALSE, &error);
  if (mapped == NULL)
    {
      g_message ("chamberd: blob %s is recorded but cannot be read: %s", hash, error->message);
      chamber_server_reply_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                                  _("The server's copy of this document cannot be read. Tell "
                                    "the server's administrator."));
      return;
    }
  bytes = g_mapped_file_get_bytes (mapped);
  size = g_bytes_get_size (bytes);

  etag = g_strdup_printf ("\"%s\"", hash);
  soup_message_headers_replace (headers, "Cache-Control", "public, max-age=31536000, immutable");
  soup_message_headers_replace (headers, "ETag", etag);
  soup_message_headers_replace (headers, "Accept-Ranges", "bytes");

  if (chamber_server_etag_matches (soup_message_headers_get_one (request_headers,
                                                                 "If-None-Match"),
                                   etag))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  range = parse_range (soup_message_headers_get_one (request_headers, "Range"), size, &start,
                       &end);
  /* The answer below is final: libsoup must not apply the Range header again. */
  soup_message_headers_remove (request_headers, "Range");

  if (range == RANGE_UNSATISFIABLE)
    {
      g_autofree char *content_range = g_strdup_printf ("bytes */%" G_GUINT64_FORMAT, size);
      g_autofree char *message =
        g_strdup_printf (_("The requested range starts past the end of the document "
                           "(%llu bytes)."),
                         (unsigned long long) size);

      soup_message_headers_replace (headers, "Content-Range", content_range);
      chamber_server_reply_error (msg, SOUP_STATUS_REQUESTED_RANGE_NOT_SATISFIABLE,
                                  "bad-request", message);
      return;
    }

  if (range == RANGE_PART)
    {
      g_autofree char *content_range =
        g_strdup_printf ("bytes %" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT "/%" G_GUINT64_FORMAT,
                         start, end, size);

      part = g_bytes_new_from_bytes (bytes, start, end - start + 1);
      soup_message_headers_replace (headers, "Content-Range", content_range);
      soup_server_message_set_status (msg, SOUP_STATUS_PARTIAL_CONTENT, NULL);
      if (is_get && end + 1 == size)
        watch_download (request, hash, content_range);
    }
  else
    {
      part = g_bytes_ref (bytes);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      if (is_get)
        watch_download (request, hash, NULL);
    }

  soup_message_headers_set_content_type (headers, "application/pdf", NULL);
  soup_message_headers_set_content_length (headers, g_bytes_get_size (part));
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), part);
}
