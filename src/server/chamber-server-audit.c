/* chamber-server-audit.c — the audit log and the delivery of a session, for the secretariat
 * (docs/protocol.md). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-audit.h"
#include "chamber-server-private.h"

#define DEFAULT_AUDIT_LIMIT 100
#define MAX_AUDIT_LIMIT     10000

/* FALSE having answered 403 when the caller is neither secretariat nor admin. */
static gboolean
require_office (ChamberRequest *request)
{
  if (chamber_server_role_may_write (request->caller->role))
    return TRUE;
  chamber_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                              _("Only the secretariat or an administrator may read the audit "
                                "log and who received which documents."));
  return FALSE;
}

static void
reply_no_session (ChamberRequest *request,
                  gint64          session_id)
{
  g_autofree char *message =
    g_strdup_printf (_("There is no session %lld. Check the session id."),
                     (long long) session_id);

  chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found", message);
}

/* GET /api/v1/audit?session=ID&limit=N */
void
chamber_server_get_audit (ChamberRequest *request)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (request->msg));
  g_autoptr (GHashTable) params = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;
  const char *value;
  gint64 session_id = 0;
  guint64 limit = DEFAULT_AUDIT_LIMIT;
  JsonArray *array;

  if (!require_office (request))
    return;

  if (query != NULL)
    params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  if (query != NULL && params == NULL)
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request",
                                  _("The query string cannot be read."));
      return;
    }
  value = params != NULL ? g_hash_table_lookup (params, "session") : NULL;
  if (value != NULL && !chamber_server_parse_id (value, &session_id))
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request",
                                  _("“session” must be a session id."));
      return;
    }
  value = params != NULL ? g_hash_table_lookup (params, "limit") : NULL;
  if (value != NULL
      && !g_ascii_string_to_unsigned (value, 10, 1, MAX_AUDIT_LIMIT, &limit, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("“limit” must be a number from 1 to %d."), MAX_AUDIT_LIMIT);

      chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request",
                                  message);
      return;
    }

  events = chamber_audit_list (request->server->store, session_id, (guint) limit, &error);
  if (events == NULL)
    {
      if (g_error_matches (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND))
        reply_no_session (request, session_id);
      else
        chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_sized_new (events->len);
  for (guint i = 0; i < events->len; i++)
    json_array_add_element (array, chamber_audit_event_to_json (g_ptr_array_index (events, i)));
  chamber_server_reply_array (request->msg, "events", array);
}

/* GET /api/v1/sessions/ID/delivery */
void
chamber_server_get_session_delivery (ChamberRequest *request)
{
  g_autoptr (GPtrArray) deliveries = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *array;

  if (!require_office (request))
    return;

  deliveries = chamber_audit_delivery (request->server->store, request->id, &error);
  if (deliveries == NULL)
    {
      if (g_error_matches (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND))
        reply_no_session (request, request->id);
      else
        chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_sized_new (deliveries->len);
  for (guint i = 0; i < deliveries->len; i++)
    json_array_add_element (array, chamber_delivery_to_json (g_ptr_array_index (deliveries, i)));
  chamber_server_reply_array (request->msg, "people", array);
}
