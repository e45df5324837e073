/* chamber-server-request.c — what the resource handlers of chamberd share to read a request
 * and refuse it (declared in chamber-server-private.h): the 400 answer, the 404 answer of a
 * lookup by the path id, and the text members of a JSON body — trimmed, required or optional,
 * and in a PUT, absent (unchanged) apart from null or "" (cleared). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-protocol.h"
#include "chamber-server-private.h"

void
chamber_request_reply_bad_request (ChamberRequest *request,
                                   const char     *message)
{
  chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request", message);
}

void
chamber_request_reply_lookup_failed (ChamberRequest *request,
                                     const GError   *error,
                                     const char     *not_found)
{
  if (error == NULL || g_error_matches (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND))
    chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found", not_found);
  else
    chamber_server_reply_gerror (request->msg, error);
}

gboolean
chamber_request_read_text (ChamberRequest *request,
                           JsonObject     *object,
                           const char     *member,
                           gboolean        required,
                           char          **out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;

  if (!chamber_json_get_string (object, member, required, CHAMBER_PROTOCOL_MAX_STRING, &value,
                                &error))
    {
      chamber_request_reply_bad_request (request, error->message);
      return FALSE;
    }
  if (value != NULL)
    {
      g_strstrip (value);
      if (*value == '\0')
        {
          if (required)
            {
              g_autofree char *message =
                g_strdup_printf (_("“%s” must not be empty."), member);

              chamber_request_reply_bad_request (request, message);
              return FALSE;
            }
          g_clear_pointer (&value, g_free);
        }
    }
  *out = g_steal_pointer (&value);
  return TRUE;
}

gboolean
chamber_request_read_changed_text (ChamberRequest *request,
                                   JsonObject     *object,
                                   const char     *member,
                                   char          **out)
{
  g_autofree char *value = NULL;

  if (!json_object_has_member (object, member))
    return TRUE;
  if (!chamber_request_read_text (request, object, member, FALSE, &value))
    return FALSE;
  g_free (*out);
  *out = g_steal_pointer (&value);
  return TRUE;
}
