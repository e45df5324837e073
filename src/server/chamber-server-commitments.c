/* chamber-server-commitments.c — the commitments register over HTTP (chamber-commitments.h,
 * chamber-followup.h): GET /api/v1/commitments?status=&owner=&session=&due_within=&format=
 * gathers the commitments of every session's live sitting (any role may read it: the
 * commitments were made in public); PUT /api/v1/commitments/ID and POST
 * /api/v1/commitments/ID/updates (with evidence as the body, checked in a worker thread like an
 * upload) record the follow-up, which only the secretariat and admins may do (the router refuses
 * every other role); GET /api/v1/commitments/ID/updates is its history and GET
 * /api/v1/commitment-updates/ID/evidence the evidence; POST /api/v1/sessions/ID/carry (and the
 * creation of a session) carries the commitments still open into a session's agenda. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "chamber-commitments.h"
#include "chamber-followup.h"
#include "chamber-protocol.h"
#include "chamber-server-private.h"

static void
bad_request (ChamberRequest *request,
             const char     *message)
{
  chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request", message);
}

/* GET /api/v1/commitments?status=open|done|overdue|in-progress&owner=PERSON&session=ID
 * &due_within=DAYS&format=json|csv */
void
chamber_server_get_commitments (ChamberRequest *request)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (request->msg));
  g_autoptr (GHashTable) params = NULL;
  g_autoptr (GPtrArray) commitments = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = chamber_commitments_today ();
  ChamberCommitmentFilter filter = { -1, 0, 0 };
  ChamberCommitmentStatus status;
  gboolean csv = FALSE;
  gint64 due_within = -1;
  const char *value;
  JsonArray *array;

  if (query != NULL)
    {
      params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
      if (params == NULL)
        {
          bad_request (request, _("The query string cannot be read."));
          return;
        }
    }
  value = params != NULL ? g_hash_table_lookup (params, "status") : NULL;
  if (value != NULL && *value != '\0')
    {
      if (!chamber_commitment_status_from_string (value, &status))
        {
          bad_request (request, _("“status” must be open, in-progress, done or overdue."));
          return;
        }
      filter.status = status;
    }
  value = params != NULL ? g_hash_table_lookup (params, "owner") : NULL;
  if (value != NULL && *value != '\0' && !chamber_server_parse_id (value, &filter.owner_id))
    {
      bad_request (request, _("“owner” must be the id of a person."));
      return;
    }
  value = params != NULL ? g_hash_table_lookup (params, "session") : NULL;
  if (value != NULL && *value != '\0')
    {
      g_autoptr (ChamberSession) session = NULL;

      if (!chamber_server_parse_id (value, &filter.session_id))
        {
          bad_request (request, _("“session” must be a session id."));
          return;
        }
      session = chamber_store_get_session (request->server->store, filter.session_id, &error);
      if (session == NULL)
        {
          chamber_server_reply_gerror (request->msg, error);
          return;
        }
    }
  value = params != NULL ? g_hash_table_lookup (params, "due_within") : NULL;
  if (value != NULL)
    {
      guint64 days = 0;

      if (!g_ascii_string_to_unsigned (value, 10, 0, CHAMBER_FOLLOWUP_MAX_DUE_DAYS, &days, NULL))
        {
          g_autofree char *message =
            g_strdup_printf (_("“due_within” must be a number of days from 0 to %d."),
                             CHAMBER_FOLLOWUP_MAX_DUE_DAYS);

          bad_request (request, message);
          return;
        }
      due_within = (gint64) days;
    }
  value = params != NULL ? g_hash_table_lookup (params, "format") : NULL;
  if (value != NULL && *value != '\0')
    {
      if (g_str_equal (value, "csv"))
        csv = TRUE;
      else if (!g_str_equal (value, "json"))
        {
          bad_request (request, _("“format” must be json or csv."));
          return;
        }
    }

  if (due_within >= 0)
    {
      commitments = chamber_followup_list_due (request->server->store, today, (int) due_within,
                                               &error);
      /* The other filters narrow the reminders. */
      for (guint i = 0; commitments != NULL && i < commitments->len; i++)
        {
          const ChamberCommitment *c = g_ptr_array_index (commitments, i);

          if ((filter.status >= 0 && (int) c->status != filter.status)
              || (filter.owner_id > 0 && c->owner_id != filter.owner_id)
              || (filter.session_id > 0 && c->session_id != filter.session_id))
            g_ptr_array_remove_index (commitments, i--);
        }
    }
  else
    commitments = chamber_commitments_list (request->server->store, &filter, today, &error);
  if (commitments == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (csv)
    {
      g_autoptr (GBytes) bytes = chamber_commitments_to_csv (commitments);

      soup_message_headers_replace (soup_server_message_get_response_headers (request->msg),
                                    "Content-Disposition",
                                    "attachment; filename=\"commitments.csv\"");
      soup_server_message_set_status (request->msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (request->msg, "text/csv; charset=utf-8",
                                        SOUP_MEMORY_COPY, g_bytes_get_data (bytes, NULL),
                                        g_bytes_get_size (bytes));
      return;
    }
  array = json_array_sized_new (commitments->len);
  for (guint i = 0; i < commitments->len; i++)
    {
      const ChamberCommitment *c = g_ptr_array_index (commitments, i);
      JsonNode *node = chamber_commitment_to_json (c);

      /* Days left to the deadline (negative: overdue), for reminders. */
      if (c->due != NULL && c->status != CHAMBER_COMMITMENT_DONE
          && chamber_followup_days_until (today, c->due) != G_MININT)
        json_object_set_int_member (json_node_get_object (node), "days_left",
                                    chamber_followup_days_until (today, c->due));
      json_array_add_element (array, node);
    }
  chamber_server_reply_array (request->msg, "commitments", array);
}

/* PUT /api/v1/commitments/ID {"status": "done"|"open"|"in-progress", "note": TEXT?} */
void
chamber_server_put_commitment (ChamberRequest *request)
{
  g_autoptr (JsonObject) body = chamber_request_read_object (request, FALSE);
  g_autoptr (ChamberCommitment) commitment = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = chamber_commitments_today ();
  JsonNode *node;
  const char *status_text;
  const char *note = NULL;
  ChamberCommitmentStatus status;

  if (body == NULL)
    return;
  node = json_object_get_member (body, "status");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      bad_request (request, _("Say the new status: {\"status\": \"done\"}, "
                              "{\"status\": \"in-progress\"} or {\"status\": \"open\"}."));
      return;
    }
  status_text = json_node_get_string (node);
  if (!chamber_commitment_status_from_string (status_text, &status)
      || status == CHAMBER_COMMITMENT_OVERDUE)
    {
      bad_request (request, _("“status” must be open, in-progress or done; a commitment is "
                              "overdue by its deadline, not by a choice."));
      return;
    }
  node = json_object_get_member (body, "note");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        {
          bad_request (request, _("“note” must be text."));
          return;
        }
      note = json_node_get_string (node);
      if (strlen (note) > CHAMBER_COMMITMENTS_MAX_NOTE)
        {
          g_autofree char *message =
            g_strdup_printf (_("The note is too long: at most %d bytes."),
                             CHAMBER_COMMITMENTS_MAX_NOTE);

          bad_request (request, message);
          return;
        }
    }

  if (!chamber_followup_record_update (request->server->store, NULL, request->id, status_text,
                                       note, NULL, request->caller->id, NULL, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  commitment = chamber_commitments_get (request->server->store, request->id, today, &error);
  if (commitment == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "commitment",
                               chamber_commitment_to_json (commitment));
}

/* ---- Status updates with evidence --------------------------------------------------------- */

/* The status and note of POST /commitments/ID/updates, from its query string. */
typedef struct
{
  char    *status;
  char    *note;
  gboolean evidence_expected;  /* evidence=1: an empty body is an empty file, not none */
} UpdateQuery;

static void
update_query_free (UpdateQuery *query)
{
  g_free (query->status);
  g_free (query->note);
  g_free (query);
}

#define UPDATE_QUERY_DATA "chamber-commitment-update"

/* POST /api/v1/commitments/ID/updates?status=S&note=T&evidence=1: the commitment must exist and
 * the query be sound before the body (the evidence) is read into a temporary file. */
gboolean
chamber_server_prepare_commitment_update (ChamberRequest *request)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (request->msg));
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);
  g_autoptr (GHashTable) params = NULL;
  g_autoptr (ChamberCommitment) commitment = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  UpdateQuery *update;
  const char *status, *note, *evidence;

  commitment = chamber_commitments_get (request->server->store, request->id, NULL, &error);
  if (commitment == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return FALSE;
    }
  if (query != NULL)
    params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  if (query != NULL && params == NULL)
    {
      bad_request (request, _("The query string cannot be read."));
      return FALSE;
    }
  status = params != NULL ? g_hash_table_lookup (params, "status") : NULL;
  note = params != NULL ? g_hash_table_lookup (params, "note") : NULL;
  evidence = params != NULL ? g_hash_table_lookup (params, "evidence") : NULL;
  if (!chamber_followup_status_is_valid (status))
    {
      bad_request (request, _("“status” must be open, in-progress or done; a commitment is "
                              "overdue by its deadline, not by a choice."));
      return FALSE;
    }
  if (note != NULL && (strlen (note) > CHAMBER_COMMITMENTS_MAX_NOTE
                       || !g_utf8_validate (note, -1, NULL)))
    {
      g_autofree char *message =
        g_strdup_printf (_("The note must be UTF-8 text of at most %d bytes."),
                         CHAMBER_COMMITMENTS_MAX_NOTE);

      bad_request (request, message);
      return FALSE;
    }
  if (evidence != NULL && !g_str_equal (evidence, "0") && !g_str_equal (evidence, "1"))
    {
      bad_request (request, _("“evidence” must be 1 (the body is the evidence) or 0."));
      return FALSE;
    }
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && soup_message_headers_get_content_length (headers) > CHAMBER_FOLLOWUP_MAX_EVIDENCE)
    {
      g_autofree char *message =
        g_strdup_printf (_("The evidence file is too large: at most %d MiB."),
                         CHAMBER_FOLLOWUP_MAX_EVIDENCE / (1024 * 1024));

      soup_message_headers_replace (soup_server_message_get_response_headers (request->msg),
                                    "Connection", "close");
      chamber_server_reply_error (request->msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                  "too-large", message);
      return FALSE;
    }

  update = g_new0 (UpdateQuery, 1);
  update->status = g_strdup (status);
  update->note = note != NULL && *note != '\0' ? g_strdup (note) : NULL;
  update->evidence_expected = g_strcmp0 (evidence, "1") == 0;
  g_object_set_data_full (G_OBJECT (request->msg), UPDATE_QUERY_DATA, update,
                          (GDestroyNotify) update_query_free);

  /* A body over the evidence limit stops being stored as it arrives. */
  request->body->limit = CHAMBER_FOLLOWUP_MAX_EVIDENCE;
  request->body->temp_path = chamber_blob_store_new_temp_path (request->server->blobs);
  if (request->body->temp_path == NULL)
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                                  _("The server cannot create a temporary file in its blob "
                                    "store. Check the data folder's permissions and free "
                                    "space."));
      return FALSE;
    }
  file = g_file_new_for_path (request->body->temp_path);
  request->body->out = G_OUTPUT_STREAM (g_file_append_to (file, G_FILE_CREATE_PRIVATE, NULL,
                                                          &error));
  if (request->body->out == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char   *db_path;
  char   *blob_dir;
  gint64  commitment_id;
  gint64  person_id;
  char   *status;
  char   *note;
  char   *evidence_path;  /* NULL: no evidence */
} UpdateJob;

static void
update_job_free (UpdateJob *job)
{
  if (job->evidence_path != NULL)
    g_unlink (job->evidence_path);
  g_free (job->db_path);
  g_free (job->blob_dir);
  g_free (job->status);
  g_free (job->note);
  g_free (job->evidence_path);
  g_free (job);
}

typedef struct
{
  ChamberServer     *server;
  SoupServerMessage *msg;
  gboolean           disconnected;
} UpdateReply;

static void
update_reply_free (UpdateReply *reply)
{
  g_signal_handlers_disconnect_by_data (reply->msg, reply);
  g_object_unref (reply->msg);
  g_object_unref (reply->server);
  g_free (reply);
}

static void
update_disconnected_cb (SoupServerMessage *msg,
                        gpointer           user_data)
{
  ((UpdateReply *) user_data)->disconnected = TRUE;
}

/* The evidence check renders every page of a PDF: a worker thread with its own connection. */
static void
update_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  UpdateJob *job = task_data;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GError) error = NULL;
  ChamberCommitmentUpdate *update = NULL;

  store = chamber_store_open (job->db_path, &error);
  if (store != NULL)
    blobs = chamber_blob_store_new (job->blob_dir, &error);
  if (blobs != NULL)
    chamber_followup_record_update (store, blobs, job->commitment_id, job->status, job->note,
                                    job->evidence_path, job->person_id, &update, &error);
  if (update != NULL)
    g_task_return_pointer (task, update, (GDestroyNotify) chamber_commitment_update_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
update_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  UpdateReply *reply = user_data;
  g_autoptr (ChamberCommitmentUpdate) update = NULL;
  g_autoptr (GError) error = NULL;

  chamber_server_job_finished (reply->server);
  update = g_task_propagate_pointer (G_TASK (result), &error);
  if (!reply->disconnected && !reply->server->stopping)
    {
      g_autofree char *today = chamber_commitments_today ();
      g_autoptr (ChamberCommitment) commitment = NULL;

      if (update != NULL)
        commitment = chamber_commitments_get (reply->server->store, update->commitment_id,
                                              today, &error);
      if (commitment != NULL)
        {
          JsonObject *object = json_object_new ();
          JsonNode *root = json_node_new (JSON_NODE_OBJECT);

          json_object_set_member (object, "update", chamber_commitment_update_to_json (update));
          json_object_set_member (object, "commitment",
                                  chamber_commitment_to_json (commitment));
          json_node_take_object (root, object);
          chamber_server_reply_json (reply->msg, SOUP_STATUS_CREATED, root);
        }
      else
        chamber_server_reply_gerror (reply->msg, error);
      soup_server_message_unpause (reply->msg);
    }
  update_reply_free (reply);
}

void
chamber_server_post_commitment_update (ChamberRequest *request)
{
  ChamberRequestBody *body = request->body;
  UpdateQuery *query = g_object_get_data (G_OBJECT (request->msg), UPDATE_QUERY_DATA);
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  UpdateJob *job;
  UpdateReply *reply;

  if (query == NULL)
    {
      bad_request (request, _("The update was not prepared. Send it again."));
      return;
    }
  if (body->too_large)
    {
      g_autofree char *message =
        g_strdup_printf (_("The evidence file is too large: at most %d MiB."),
                         CHAMBER_FOLLOWUP_MAX_EVIDENCE / (1024 * 1024));

      chamber_server_reply_error (request->msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                  "too-large", message);
      return;
    }
  if (body->write_error != NULL)
    {
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

  job = g_new0 (UpdateJob, 1);
  job->db_path = g_strdup (request->server->db_path);
  job->blob_dir = g_strdup (request->server->blob_dir);
  job->commitment_id = request->id;
  job->person_id = request->caller->id;
  job->status = g_strdup (query->status);
  job->note = g_strdup (query->note);
  /* No body and no evidence=1: an update without evidence. */
  if (body->received > 0 || query->evidence_expected)
    job->evidence_path = g_steal_pointer (&body->temp_path);

  reply = g_new0 (UpdateReply, 1);
  reply->server = g_object_ref (request->server);
  reply->msg = g_object_ref (request->msg);
  g_signal_connect (reply->msg, "disconnected", G_CALLBACK (update_disconnected_cb), reply);

  soup_server_message_pause (request->msg);
  chamber_server_job_started (request->server);
  task = g_task_new (NULL, NULL, update_done_cb, reply);
  g_task_set_source_tag (task, chamber_server_post_commitment_update);
  g_task_set_task_data (task, job, (GDestroyNotify) update_job_free);
  g_task_run_in_thread (task, update_thread);
}

/* GET /api/v1/commitments/ID/updates */
void
chamber_server_get_commitment_updates (ChamberRequest *request)
{
  g_autoptr (GPtrArray) updates = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *array;

  updates = chamber_followup_list_updates (request->server->store, request->id, &error);
  if (updates == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_sized_new (updates->len);
  for (guint i = 0; i < updates->len; i++)
    json_array_add_element (array,
                            chamber_commitment_update_to_json (g_ptr_array_index (updates, i)));
  chamber_server_reply_array (request->msg, "updates", array);
}

/* GET /api/v1/commitment-updates/ID/evidence: the bytes, as any role may read the register. */
void
chamber_server_get_commitment_evidence (ChamberRequest *request)
{
  g_autoptr (ChamberCommitmentUpdate) update = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *disposition = NULL;
  char *contents = NULL;
  gsize size = 0;

  update = chamber_followup_get_update (request->server->store, request->id, &error);
  if (update == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (update->evidence_sha256 == NULL)
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found",
                                  _("This update has no evidence."));
      return;
    }
  path = chamber_blob_store_path (request->server->blobs, update->evidence_sha256);
  if (path == NULL || !g_file_get_contents (path, &contents, &size, &error))
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found",
                                  _("The evidence of this update is missing from the blob "
                                    "store."));
      return;
    }
  disposition = g_strdup_printf ("attachment; filename=\"evidence-%lld.%s\"",
                                 (long long) update->id,
                                 g_str_equal (update->evidence_type, "application/pdf") ? "pdf"
                                 : g_str_equal (update->evidence_type, "image/png")     ? "png"
                                                                                         : "jpg");
  soup_message_headers_replace (soup_server_message_get_response_headers (request->msg),
                                "Content-Disposition", disposition);
  soup_server_message_set_status (request->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (request->msg, update->evidence_type, SOUP_MEMORY_TAKE,
                                    contents, size);
}

/* ---- Carrying into a session's agenda ----------------------------------------------------- */

static JsonNode *
carry_to_json (const ChamberCarryOver *carry)
{
  JsonObject *object = json_object_new ();

  json_object_set_boolean_member (object, "created", carry->created);
  if (carry->item_id > 0)
    {
      json_object_set_int_member (object, "item", carry->item_id);
      json_object_set_int_member (object, "document", carry->document_id);
    }
  else
    {
      json_object_set_null_member (object, "item");
      json_object_set_null_member (object, "document");
    }
  json_object_set_int_member (object, "commitments", carry->commitments);
  return chamber_json_node_take_object (object);
}

void
chamber_server_carry_commitments (ChamberServer  *server,
                                  ChamberSession *session,
                                  gint64          person_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *today = chamber_commitments_today ();
  g_autoptr (ChamberSession) updated = NULL;
  ChamberCarryOver carry;

  if (!chamber_followup_carry (server->store, server->blobs, session->id, person_id, today,
                               &carry, &error))
    {
      g_message ("chamberd: the commitments could not be carried into session %lld: %s",
                 (long long) session->id, error->message);
      return;
    }
  updated = carry.created ? chamber_store_get_session (server->store, session->id, NULL) : NULL;
  if (updated != NULL)
    session->revision = updated->revision;
}

/* POST /api/v1/sessions/ID/carry */
void
chamber_server_post_session_carry (ChamberRequest *request)
{
  g_autoptr (JsonObject) body = chamber_request_read_object (request, TRUE);
  g_autoptr (GError) error = NULL;
  g_autofree char *today = chamber_commitments_today ();
  ChamberCarryOver carry;

  if (body == NULL)
    return;
  if (!chamber_followup_carry (request->server->store, request->server->blobs, request->id,
                               request->caller->id, today, &carry, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_reply_member (request->msg, carry.created ? SOUP_STATUS_CREATED : SOUP_STATUS_OK,
                               "carry", carry_to_json (&carry));
}
