/* chamber-server-minutes.c — GET /api/v1/sessions/ID/minutes?format=pdf|csv|json: the minutes
 * of a session's questioning and answers (chamber-minutes.h), made from the live events as
 * stored, so the app and `chamberctl minutes` download the same document. Every role may read
 * them: they hold what the live state shows everyone. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-minutes.h"
#include "chamber-server-private.h"

/* Parses the query string of @request: NULL having answered 400 when it cannot be read. An
 * absent query is an empty table. */
static GHashTable *
read_params (ChamberRequest *request)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (request->msg));
  GHashTable *params;

  if (query == NULL)
    return g_hash_table_new (g_str_hash, g_str_equal);
  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  if (params == NULL)
    chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request",
                                _("The query string cannot be read."));
  return params;
}

/* GET /api/v1/sessions/ID/minutes?format=pdf|csv|json (default pdf) */
void
chamber_server_get_session_minutes (ChamberRequest *request)
{
  g_autoptr (GHashTable) params = read_params (request);
  g_autoptr (ChamberMinutes) minutes = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *disposition = NULL;
  ChamberMinutesFormat format = CHAMBER_MINUTES_PDF;
  const char *value;
  SoupMessageHeaders *headers;

  if (params == NULL)
    return;
  value = g_hash_table_lookup (params, "format");
  if (value != NULL && !chamber_minutes_format_from_string (value, &format))
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request",
                                  _("“format” must be pdf, csv or json."));
      return;
    }

  minutes = chamber_minutes_load (request->server->store, request->id,
                                  g_get_real_time () / 1000, &error);
  if (minutes == NULL)
    {
      if (g_error_matches (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *message =
            g_strdup_printf (_("There is no session %lld."), (long long) request->id);

          chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found",
                                      message);
        }
      else
        chamber_server_reply_gerror (request->msg, error);
      return;
    }
  bytes = chamber_minutes_export (minutes, format, &error);
  if (bytes == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }

  headers = soup_server_message_get_response_headers (request->msg);
  disposition = g_strdup_printf ("attachment; filename=\"minutes-session-%lld.%s\"",
                                 (long long) request->id,
                                 chamber_minutes_format_to_string (format));
  soup_message_headers_replace (headers, "Content-Disposition", disposition);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_server_message_set_status (request->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (request->msg,
                                    chamber_minutes_format_get_content_type (format),
                                    SOUP_MEMORY_COPY, g_bytes_get_data (bytes, NULL),
                                    g_bytes_get_size (bytes));
}
