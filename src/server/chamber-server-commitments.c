/* chamber-server-commitments.c — the commitments register over HTTP (chamber-commitments.h):
 * GET /api/v1/commitments?status=&owner=&session=&format= gathers the commitments of every
 * session's live sitting (any role may read it: the commitments were made in public), and
 * PUT /api/v1/commitments/ID records the follow-up (done or open again, with a note), which only
 * the secretariat and admins may do (the router refuses every other role). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "chamber-commitments.h"
#include "chamber-server-private.h"

static void
bad_request (ChamberRequest *request,
             const char     *message)
{
  chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request", message);
}

/* GET /api/v1/commitments?status=open|done|overdue&owner=PERSON&session=ID&format=json|csv */
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
          bad_request (request, _("“status” must be open, done or overdue."));
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
    json_array_add_element (array, chamber_commitment_to_json (g_ptr_array_index (commitments,
                                                                                   i)));
  chamber_server_reply_array (request->msg, "commitments", array);
}

/* PUT /api/v1/commitments/ID {"status": "done"|"open", "note": TEXT?} */
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
      bad_request (request, _("Say the new status: {\"status\": \"done\"} or "
                              "{\"status\": \"open\"}."));
      return;
    }
  status_text = json_node_get_string (node);
  if (!chamber_commitment_status_from_string (status_text, &status)
      || status == CHAMBER_COMMITMENT_OVERDUE)
    {
      bad_request (request, _("“status” must be done or open; a commitment is overdue by its "
                              "deadline, not by a choice."));
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

  if (!chamber_commitments_set_done (request->server->store, request->id,
                                     status == CHAMBER_COMMITMENT_DONE, note,
                                     request->caller->id, &error))
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
