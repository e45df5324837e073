/* chamber-connection.c — connections, their mirror folders and the remembered one.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "chamber-client.h"
#include "chamber-connection.h"
#include "chamber-tls.h"

#define KEYFILE_GROUP "connection"

G_DEFINE_QUARK (chamber-connection-error-quark, chamber_connection_error)
G_DEFINE_BOXED_TYPE (ChamberConnection, chamber_connection, chamber_connection_copy,
                     chamber_connection_free)

static char *
sanitize_name (const char *name)
{
  GString *out = g_string_new (NULL);

  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-')
        g_string_append_c (out, *p);
      else
        g_string_append_c (out, '_');
    }
  /* "." and ".." alone would name the parent folders. */
  if (out->len == 0 || strspn (out->str, ".") == out->len)
    g_string_prepend_c (out, '_');
  return g_string_free (out, FALSE);
}

static GUri *
parse_server_url (const char *server_url, GError **error)
{
  g_autoptr (GUri) uri = NULL;
  const char *scheme;

  if (server_url == NULL || *server_url == '\0')
    {
      g_set_error_literal (error, CHAMBER_CONNECTION_ERROR, CHAMBER_CONNECTION_ERROR_INVALID,
                           _("Enter the server’s address, like http://192.168.1.10:8080."));
      return NULL;
    }
  uri = g_uri_parse (server_url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL
      || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
      || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, CHAMBER_CONNECTION_ERROR, CHAMBER_CONNECTION_ERROR_INVALID,
                   _("“%s” is not a server address. It starts with http:// or https://, like "
                     "http://192.168.1.10:8080."),
                   server_url);
      return NULL;
    }
  return g_steal_pointer (&uri);
}

char *
chamber_connection_get_demo_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "chamber", "demo", NULL);
}

char *
chamber_connection_get_server_mirror_dir (const char *server_url, GError **error)
{
  g_autoptr (GUri) uri = parse_server_url (server_url, error);
  g_autofree char *host_port = NULL;
  g_autofree char *name = NULL;
  int port;

  if (uri == NULL)
    return NULL;
  port = g_uri_get_port (uri);
  if (port < 0)
    port = g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ? 443 : 80;
  host_port = g_strdup_printf ("%s_%d", g_uri_get_host (uri), port);
  name = sanitize_name (host_port);
  return g_build_filename (g_get_user_data_dir (), "chamber", "servers", name, NULL);
}

/* Adds DIR/NAME/previews for each NAME in @dir starting with @prefix that has one. */
static void
add_preview_dirs (GPtrArray *dirs, const char *dir, const char *prefix)
{
  g_autoptr (GDir) mirrors = g_dir_open (dir, 0, NULL);
  const char *name;

  while (mirrors != NULL && (name = g_dir_read_name (mirrors)) != NULL)
    {
      g_autofree char *previews = g_build_filename (dir, name, "previews", NULL);

      if (g_str_has_prefix (name, prefix) && g_file_test (previews, G_FILE_TEST_IS_DIR))
        g_ptr_array_add (dirs, g_steal_pointer (&previews));
    }
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

GPtrArray *
chamber_connection_list_preview_dirs (void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *servers = g_build_filename (g_get_user_data_dir (), "chamber", "servers",
                                               NULL);
  g_autofree char *demo = chamber_connection_get_demo_dir ();

  add_preview_dirs (dirs, servers, "");
  add_preview_dirs (dirs, demo, "client-");
  g_ptr_array_sort (dirs, compare_paths);
  return dirs;
}

char *
chamber_connection_get_config_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "chamber", "connection.ini", NULL);
}

ChamberConnection *
chamber_connection_new_server (const char *server_url, const char *token, GError **error)
{
  g_autoptr (ChamberConnection) self = NULL;
  g_autofree char *local_dir = NULL;

  local_dir = chamber_connection_get_server_mirror_dir (server_url, error);
  if (local_dir == NULL)
    return NULL;
  if (token == NULL || *token == '\0')
    {
      g_set_error_literal (error, CHAMBER_CONNECTION_ERROR, CHAMBER_CONNECTION_ERROR_INVALID,
                           _("Enter your access token. The secretariat gives each delegate "
                             "one; it starts with “chm_”."));
      return NULL;
    }
  self = g_new0 (ChamberConnection, 1);
  self->kind = CHAMBER_CONNECTION_SERVER;
  self->server_url = g_strdup (server_url);
  self->token = g_strdup (token);
  self->role = CHAMBER_ROLE_DELEGATE;
  self->local_dir = g_steal_pointer (&local_dir);
  return g_steal_pointer (&self);
}

ChamberConnection *
chamber_connection_new_demo (const char *server_url, const char *token, ChamberRole role)
{
  ChamberConnection *self = g_new0 (ChamberConnection, 1);
  g_autofree char *demo_dir = chamber_connection_get_demo_dir ();
  g_autofree char *client = g_strdup_printf ("client-%s", chamber_role_to_string (role));

  self->kind = CHAMBER_CONNECTION_DEMO;
  self->server_url = g_strdup (server_url);
  self->token = g_strdup (token);
  self->role = role;
  if (server_url != NULL)
    self->local_dir = g_build_filename (demo_dir, client, NULL);
  return self;
}

ChamberConnection *
chamber_connection_copy (const ChamberConnection *self)
{
  ChamberConnection *copy;

  if (self == NULL)
    return NULL;
  copy = g_new0 (ChamberConnection, 1);
  copy->kind = self->kind;
  copy->server_url = g_strdup (self->server_url);
  copy->token = g_strdup (self->token);
  copy->role = self->role;
  copy->local_dir = g_strdup (self->local_dir);
  copy->pin = g_strdup (self->pin);
  return copy;
}

void
chamber_connection_free (ChamberConnection *self)
{
  if (self == NULL)
    return;
  g_free (self->server_url);
  g_free (self->token);
  g_free (self->local_dir);
  g_free (self->pin);
  g_free (self);
}

ChamberConnection *
chamber_connection_load_remembered (GError **error)
{
  g_autofree char *path = chamber_connection_get_config_path ();
  g_autoptr (GKeyFile) keyfile = g_key_file_new ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *mode = NULL;

  if (!g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return NULL;
      g_set_error (error, CHAMBER_CONNECTION_ERROR, CHAMBER_CONNECTION_ERROR_CORRUPT,
                   _("The remembered connection in %s cannot be read (%s). Connect again."),
                   path, local_error->message);
      return NULL;
    }

  mode = g_key_file_get_string (keyfile, KEYFILE_GROUP, "mode", NULL);
  if (g_strcmp0 (mode, "demo") == 0)
    {
      g_autofree char *role_name = g_key_file_get_string (keyfile, KEYFILE_GROUP, "role", NULL);
      ChamberRole role = CHAMBER_ROLE_DELEGATE;

      if (role_name != NULL && !chamber_role_from_string (role_name, &role))
        role = CHAMBER_ROLE_DELEGATE;
      return chamber_connection_new_demo (NULL, NULL, role);
    }
  else
    {
      g_autofree char *url = g_key_file_get_string (keyfile, KEYFILE_GROUP, "server", NULL);
      g_autofree char *token = g_key_file_get_string (keyfile, KEYFILE_GROUP, "token", NULL);
      g_autofree char *pin = g_key_file_get_string (keyfile, KEYFILE_GROUP, "pin", NULL);
      ChamberConnection *self;

      self = chamber_connection_new_server (url, token, &local_error);
      if (self == NULL)
        {
          g_set_error (error, CHAMBER_CONNECTION_ERROR, CHAMBER_CONNECTION_ERROR_CORRUPT,
                       _("The remembered connection in %s is incomplete (%s). Connect again."),
                       path, local_error->message);
          return NULL;
        }
      if (pin != NULL)
        {
          self->pin = chamber_tls_normalise_fingerprint (pin);
          /* Dropping a damaged pin would trust whatever certificate comes next. */
          if (self->pin == NULL)
            {
              g_set_error (error, CHAMBER_CONNECTION_ERROR, CHAMBER_CONNECTION_ERROR_CORRUPT,
                           _("The remembered connection in %s names no valid server "
                             "certificate (“%s”). Connect again."),
                           path, pin);
              chamber_connection_free (self);
              return NULL;
            }
        }
      return self;
    }
}

gboolean
chamber_connection_remember (const ChamberConnection *self, GError **error)
{
  g_autofree char *path = chamber_connection_get_config_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GKeyFile) keyfile = g_key_file_new ();
  g_autofree char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder %s to remember the connection: %s"), dir,
                   g_strerror (saved_errno));
      return FALSE;
    }

  if (self->kind == CHAMBER_CONNECTION_DEMO)
    {
      g_key_file_set_string (keyfile, KEYFILE_GROUP, "mode", "demo");
      g_key_file_set_string (keyfile, KEYFILE_GROUP, "role", chamber_role_to_string (self->role));
    }
  else
    {
      g_key_file_set_string (keyfile, KEYFILE_GROUP, "mode", "server");
      g_key_file_set_string (keyfile, KEYFILE_GROUP, "server", self->server_url);
      g_key_file_set_string (keyfile, KEYFILE_GROUP, "token", self->token);
      if (self->pin != NULL)
        g_key_file_set_string (keyfile, KEYFILE_GROUP, "pin", self->pin);
    }
  data = g_key_file_to_data (keyfile, &len, NULL);
  /* The token is a password: the file is readable by its owner only, from its creation on. */
  return g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
chamber_connection_forget (GError **error)
{
  g_autofree char *path = chamber_connection_get_config_path ();

  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot forget the connection: deleting %s failed: %s"), path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static void
load_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  ChamberConnection *connection = chamber_connection_load_remembered (&error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, connection, (GDestroyNotify) chamber_connection_free);
}

void
chamber_connection_load_remembered_async (GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, chamber_connection_load_remembered_async);
  g_task_run_in_thread (task, load_thread);
}

ChamberConnection *
chamber_connection_load_remembered_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
remember_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (chamber_connection_remember (task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
chamber_connection_remember_async (const ChamberConnection *self,
                                   GCancellable            *cancellable,
                                   GAsyncReadyCallback      callback,
                                   gpointer                 user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, chamber_connection_remember_async);
  g_task_set_task_data (task, chamber_connection_copy (self),
                        (GDestroyNotify) chamber_connection_free);
  g_task_run_in_thread (task, remember_thread);
}

static void
forget_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;

  if (chamber_connection_forget (&error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
chamber_connection_forget_async (GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, chamber_connection_forget_async);
  g_task_run_in_thread (task, forget_thread);
}

gboolean
chamber_connection_write_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

typedef struct {
  char    *server_url;
  char    *token;
  char    *pin;
  gboolean remember;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_free (data->server_url);
  g_free (data->token);
  g_free (data->pin);
  g_free (data);
}

static void
check_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  CheckData *data = task_data;
  g_autoptr (ChamberConnection) connection = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberPerson) person = NULL;
  GError *error = NULL;

  connection = chamber_connection_new_server (data->server_url, data->token, &error);
  if (connection == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  connection->pin = g_strdup (data->pin);
  client = chamber_client_new (data->server_url, data->token, &error);
  if (client == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  chamber_client_set_pinned_certificate (client, data->pin);
  person = chamber_client_get_me (client, cancellable, &error);
  if (person == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (data->remember && !chamber_connection_remember (connection, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&person), (GDestroyNotify) chamber_person_free);
}

void
chamber_connection_check_async (const char         *server_url,
                                const char         *token,
                                const char         *pin,
                                gboolean            remember,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CheckData *data = g_new0 (CheckData, 1);

  data->server_url = g_strstrip (g_strdup (server_url ? server_url : ""));
  data->token = g_strstrip (g_strdup (token ? token : ""));
  data->pin = g_strdup (pin);
  data->remember = remember;
  g_task_set_source_tag (task, chamber_connection_check_async);
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);
  g_task_run_in_thread (task, check_thread);
}

ChamberPerson *
chamber_connection_check_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
fetch_fingerprint_thread (GTask *task, gpointer source, gpointer task_data,
                          GCancellable *cancellable)
{
  char *fingerprint = NULL;
  GError *error = NULL;

  if (chamber_tls_fetch_fingerprint (task_data, &fingerprint, cancellable, &error))
    g_task_return_pointer (task, fingerprint, g_free);
  else
    g_task_return_error (task, error);
}

void
chamber_connection_fetch_fingerprint_async (const char         *server_url,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, chamber_connection_fetch_fingerprint_async);
  g_task_set_task_data (task, g_strstrip (g_strdup (server_url ? server_url : "")), g_free);
  g_task_run_in_thread (task, fetch_fingerprint_thread);
}

char *
chamber_connection_fetch_fingerprint_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

char *
chamber_connection_format_fingerprint (const char *fingerprint, guint groups_per_line)
{
  GString *out = g_string_new (NULL);
  gsize len;

  g_return_val_if_fail (fingerprint != NULL, NULL);

  len = strlen (fingerprint);
  for (gsize i = 0; i < len; i += 4)
    {
      gsize group = i / 4;

      if (group > 0)
        g_string_append_c (out, groups_per_line > 0 && group % groups_per_line == 0 ? '\n' : ' ');
      g_string_append_len (out, fingerprint + i, MIN (4, len - i));
    }
  return g_string_free (out, FALSE);
}
