/* chamberctl-request.c — the requests to chamberd and the outputs that several chamberctl
 * commands share (declared in chamberctl-private.h): GET a JSON object or one list in it, POST a
 * file as a request's body, download to a file or the standard output, check a
 * --format of table, csv or json, read a server's answer for printing, and fill the changes of
 * a `set` command where an empty value clears a member. Each prints why it failed, once, as
 * chamberctl_fail() does. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>
#include <stdio.h>
#include <unistd.h>

#include "chamberctl-private.h"
#include "chamber-protocol.h"

int
chamberctl_write_output (const char *path,
                         GBytes     *bytes)
{
  g_autoptr (GError) error = NULL;
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);

  if (path == NULL || g_str_equal (path, "-"))
    {
      if (fwrite (data, 1, size, stdout) != size || fflush (stdout) != 0)
        return chamberctl_fail (_("Cannot write to the standard output."));
      return CHAMBERCTL_EXIT_OK;
    }
  if (!g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0644, &error))
    return chamberctl_fail (error->message);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_download (ChamberClient *client,
                     const char    *path,
                     const char    *out,
                     const char    *nothing)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;

  bytes = chamber_client_get_bytes (client, path, NULL, NULL, NULL, NULL, &error);
  if (bytes == NULL)
    return chamberctl_fail (error != NULL ? error->message : nothing);
  return chamberctl_write_output (out, bytes);
}

gboolean
chamberctl_output_is_terminal (const char *path)
{
  return (path == NULL || g_str_equal (path, "-")) && isatty (STDOUT_FILENO);
}

gboolean
chamberctl_check_table_format (const char *name,
                               const char *format,
                               gboolean   *out_table)
{
  *out_table = format == NULL || g_str_equal (format, "table");
  if (!*out_table && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    {
      chamberctl_usage_error (name, _("--format must be table, csv or json, not “%s”"), format);
      return FALSE;
    }
  return TRUE;
}

JsonObject *
chamberctl_get_object (ChamberClient *client,
                       const char    *path,
                       gsize          max_size)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *object;

  bytes = chamber_client_get_bytes (client, path, NULL, NULL, NULL, NULL, &error);
  if (bytes == NULL)
    {
      chamberctl_fail (error != NULL ? error->message : _("The server answered nothing."));
      return NULL;
    }
  object = chamber_protocol_parse_object (g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), max_size, &error);
  if (object == NULL)
    chamberctl_fail (error->message);
  return object;
}

JsonNode *
chamberctl_get_list (ChamberClient *client,
                     const char    *path,
                     const char    *member,
                     int           *out_status)
{
  g_autoptr (JsonObject) answer = NULL;
  JsonNode *list;

  *out_status = CHAMBERCTL_EXIT_FAILURE;
  answer = chamberctl_get_object (client, path, CHAMBER_PROTOCOL_MAX_BODY * 64);
  if (answer == NULL)
    return NULL;
  list = json_object_get_member (answer, member);
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      chamberctl_fail (_("The server's answer is not the list asked for."));
      return NULL;
    }
  *out_status = CHAMBERCTL_EXIT_OK;
  return json_node_copy (list);
}

JsonObject *
chamberctl_post_file (ChamberClient *client,
                      const char    *path,
                      const char    *file_path,
                      const char    *content_type,
                      gsize          max_size,
                      int           *out_status)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = NULL;
  JsonObject *object;
  gsize size = 0;
  const char *data;

  *out_status = CHAMBERCTL_EXIT_FAILURE;
  if (file_path != NULL)
    {
      g_autoptr (GFile) file = g_file_new_for_path (file_path);

      info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                                NULL, &error);
      if (info != NULL)
        stream = g_file_read (file, NULL, &error);
      if (stream == NULL)
        {
          chamberctl_fail (error->message);
          return NULL;
        }
    }
  uri = chamber_client_build_uri (client, path);
  msg = uri != NULL ? soup_message_new ("POST", uri) : NULL;
  if (msg == NULL)
    {
      chamberctl_fail (_("The server address cannot be used."));
      return NULL;
    }
  chamber_client_authorize (client, msg);
  if (stream != NULL)
    soup_message_set_request_body (msg, content_type, G_INPUT_STREAM (stream),
                                   g_file_info_get_size (info));
  else
    soup_message_set_request_body_from_bytes (msg, content_type, NULL);
  answer = soup_session_send_and_read (chamber_client_get_soup_session (client), msg, NULL,
                                       &error);
  if (answer == NULL)
    {
      chamberctl_fail (error->message);
      return NULL;
    }
  data = g_bytes_get_data (answer, &size);
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (msg)))
    {
      g_autofree char *message = NULL;

      if (chamber_protocol_parse_error_body (data, size, NULL, &message))
        chamberctl_fail (message);
      else
        chamberctl_fail (soup_message_get_reason_phrase (msg));
      return NULL;
    }
  object = chamber_protocol_parse_object (data, size, max_size, &error);
  if (object == NULL)
    {
      chamberctl_fail (error->message);
      return NULL;
    }
  *out_status = CHAMBERCTL_EXIT_OK;
  return object;
}

const char *
chamberctl_peek_text (JsonObject *object,
                      const char *member)
{
  const char *text = chamber_json_peek_string (object, member);

  return text != NULL ? text : "";
}

void
chamberctl_set_clearable (JsonObject        *changes,
                          const char *const *members,
                          const char *const *values,
                          guint              n_members)
{
  for (guint i = 0; i < n_members; i++)
    if (values[i] != NULL && *values[i] != '\0')
      json_object_set_string_member (changes, members[i], values[i]);
    else if (values[i] != NULL)
      json_object_set_null_member (changes, members[i]);
}
