/* chamber-demo.c — the embedded demo server (see chamber-demo.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <sys/prctl.h>

#include "chamber-connection.h"
#include "chamber-demo.h"

#define LISTENING_PREFIX "listening on "

struct _ChamberDemo
{
  GObject       parent_instance;

  GHashTable   *tokens;        /* role wire name → token */
  GSubprocess  *process;
  GCancellable *process_cancellable;  /* reading its output; cancelled when it is stopped */
  char         *url;
  GTask        *starting;      /* the start in progress, if any */
};

enum {
  EXITED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (chamber-demo-error-quark, chamber_demo_error)
G_DEFINE_FINAL_TYPE (ChamberDemo, chamber_demo, G_TYPE_OBJECT)

static const char *const role_names[] = { "admin", "secretariat", "chair", "delegate", "official" };

char *
chamber_demo_find_chamberd (void)
{
  const char *env = g_getenv ("CHAMBERD");
  g_autofree char *self_exe = NULL;
  g_autofree char *in_path = NULL;

  if (env != NULL && *env != '\0' && g_file_test (env, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (env);

  /* Run from a build tree: build/src/app/chamber beside build/src/server/chamberd. */
  self_exe = g_file_read_link ("/proc/self/exe", NULL);
  if (self_exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_exe);
      g_autofree char *beside = g_build_filename (dir, "..", "server", "chamberd", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }

  {
    g_autofree char *installed = g_build_filename (BINDIR, "chamberd", NULL);

    if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
      return g_steal_pointer (&installed);
  }

  in_path = g_find_program_in_path ("chamberd");
  return g_steal_pointer (&in_path);
}

static gboolean
remove_tree (const char *path, GError **error)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK) || !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_IO,
                       _("Cannot delete %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  dir = g_dir_open (path, 0, error);
  if (dir == NULL)
    return FALSE;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!remove_tree (child, error))
        return FALSE;
    }
  if (g_rmdir (path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_IO,
                   _("Cannot delete the folder %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static char *
last_line (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  const char *nl = strrchr (copy, '\n');

  return g_strdup (nl != NULL ? nl + 1 : copy);
}

static gboolean
run_seed (const char *chamberd, const char *server_dir, GCancellable *cancellable,
          GError **error)
{
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *reason = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &local_error, chamberd, "--data", server_dir, "demo", NULL);
  if (process == NULL)
    {
      g_set_error (error, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_SEED,
                   _("Cannot run the demo server %s: %s"), chamberd, local_error->message);
      return FALSE;
    }
  if (!g_subprocess_communicate_utf8 (process, NULL, cancellable, &out, &err, &local_error))
    {
      g_subprocess_force_exit (process);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_subprocess_get_successful (process))
    return TRUE;

  reason = last_line (err);
  if (g_subprocess_get_if_signaled (process))
    g_set_error (error, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_SEED,
                 _("The demo server stopped (signal %d) while preparing the sample session. %s"),
                 g_subprocess_get_term_sig (process), reason);
  else
    g_set_error (error, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_SEED,
                 _("The demo server could not prepare the sample session (exit status %d). %s"),
                 g_subprocess_get_exit_status (process), reason);
  return FALSE;
}

static GHashTable *
read_tokens (const char *path, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GHashTable) tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      g_set_error (error, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_TOKENS,
                   _("The demo’s tokens in %s cannot be read (%s). Reset the demo data."), path,
                   local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_TOKENS,
                   _("The demo’s tokens in %s are not a JSON object. Reset the demo data."), path);
      return NULL;
    }
  object = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      JsonNode *node = json_object_get_member (object, role_names[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node)
          && json_node_get_value_type (node) == G_TYPE_STRING)
        g_hash_table_insert (tokens, g_strdup (role_names[i]),
                             g_strdup (json_node_get_string (node)));
    }
  if (!g_hash_table_contains (tokens, "delegate"))
    {
      g_set_error (error, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_TOKENS,
                   _("The demo’s tokens in %s have no delegate token. Reset the demo data."),
                   path);
      return NULL;
    }
  return g_steal_pointer (&tokens);
}

typedef struct {
  gboolean     reset;
  char        *chamberd;
  char        *demo_dir;
  GSubprocess *old_process;
} PrepareData;

static void
prepare_data_free (PrepareData *data)
{
  g_free (data->chamberd);
  g_free (data->demo_dir);
  g_clear_object (&data->old_process);
  g_free (data);
}

static void
prepare_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  PrepareData *data = task_data;
  g_autofree char *server_dir = g_build_filename (data->demo_dir, "server", NULL);
  g_autofree char *tokens_path = g_build_filename (server_dir, "demo-tokens.json", NULL);
  GError *error = NULL;
  GHashTable *tokens;

  /* The old server must be gone before its files are. */
  if (data->old_process != NULL)
    g_subprocess_wait (data->old_process, NULL, NULL);

  data->chamberd = chamber_demo_find_chamberd ();
  if (data->chamberd == NULL)
    {
      g_task_return_new_error (task, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_NO_SERVER,
                               _("The demo needs the Chamber server, chamberd, which is not "
                                 "installed. Install it, or set CHAMBERD to its path."));
      return;
    }

  if (data->reset && g_file_test (data->demo_dir, G_FILE_TEST_EXISTS)
      && !remove_tree (data->demo_dir, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!g_file_test (tokens_path, G_FILE_TEST_IS_REGULAR))
    {
      /* No tokens means no finished seed: start from an empty folder. */
      if (g_file_test (server_dir, G_FILE_TEST_EXISTS) && !remove_tree (server_dir, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      if (g_mkdir_with_parents (server_dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_task_return_new_error (task, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_IO,
                                   _("Cannot create the demo folder %s: %s"), server_dir,
                                   g_strerror (saved_errno));
          return;
        }
      if (!run_seed (data->chamberd, server_dir, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  tokens = read_tokens (tokens_path, &error);
  if (tokens == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, tokens, (GDestroyNotify) g_hash_table_unref);
}

static void
child_setup (gpointer user_data)
{
  /* The demo server ends with the app, even when the app is killed. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void drain_next_line (ChamberDemo *self, GDataInputStream *lines);

static void
line_drained_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GDataInputStream *lines = G_DATA_INPUT_STREAM (source);
  g_autoptr (ChamberDemo) self = user_data;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (lines, result, NULL, NULL);
  if (line == NULL)
    return;
  g_debug ("chamberd: %s", line);
  drain_next_line (self, lines);
}

static void
drain_next_line (ChamberDemo *self, GDataInputStream *lines)
{
  /* The server's later output is read and dropped so that its pipe never fills up. */
  g_data_input_stream_read_line_async (lines, G_PRIORITY_LOW, self->process_cancellable,
                                       line_drained_cb, g_object_ref (self));
}

static void
process_exited_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GSubprocess *process = G_SUBPROCESS (source);
  g_autoptr (ChamberDemo) self = user_data;

  if (!g_subprocess_wait_finish (process, result, NULL))
    return;
  if (self->process != process)
    return;
  g_clear_object (&self->process);
  g_clear_pointer (&self->url, g_free);
  g_signal_emit (self, signals[EXITED], 0);
}

static void
first_line_read_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GDataInputStream *lines = G_DATA_INPUT_STREAM (source);
  g_autoptr (GTask) task = user_data;
  ChamberDemo *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (lines, result, NULL, &error);
  if (self->starting == task)
    g_clear_object (&self->starting);

  if (line == NULL || !g_str_has_prefix (line, LISTENING_PREFIX))
    {
      if (self->process != NULL)
        g_subprocess_force_exit (self->process);
      g_clear_object (&self->process);
      if (error != NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else if (line == NULL)
        g_task_return_new_error (task, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_START,
                                 _("The demo server stopped before it was ready. Start Chamber "
                                   "from a terminal to read its messages."));
      else
        g_task_return_new_error (task, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_START,
                                 _("The demo server did not say where it listens (it said "
                                   "“%s”)."),
                                 line);
      return;
    }

  g_free (self->url);
  self->url = g_strstrip (g_strdup (line + strlen (LISTENING_PREFIX)));
  drain_next_line (self, lines);
  g_task_return_boolean (task, TRUE);
}

static void
prepared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  ChamberDemo *self = g_task_get_source_object (task);
  PrepareData *data = g_task_get_task_data (G_TASK (result));
  const char *chamberd = data->chamberd;
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *demo_dir = NULL;
  g_autofree char *server_dir = NULL;
  GCancellable *cancellable;
  GHashTable *tokens;

  tokens = g_task_propagate_pointer (G_TASK (result), &error);
  if (tokens == NULL)
    {
      g_clear_object (&self->starting);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&self->tokens, g_hash_table_unref);
  self->tokens = tokens;

  demo_dir = chamber_connection_get_demo_dir ();
  server_dir = g_build_filename (demo_dir, "server", NULL);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_child_setup (launcher, child_setup, NULL, NULL);
  self->process = g_subprocess_launcher_spawn (launcher, &error, chamberd, "--data", server_dir,
                                               "--listen", "127.0.0.1:0", NULL);
  if (self->process == NULL)
    {
      g_clear_object (&self->starting);
      g_task_return_new_error (task, CHAMBER_DEMO_ERROR, CHAMBER_DEMO_ERROR_START,
                               _("Cannot start the demo server %s: %s"), chamberd,
                               error->message);
      return;
    }

  g_cancellable_cancel (self->process_cancellable);
  g_clear_object (&self->process_cancellable);
  self->process_cancellable = g_cancellable_new ();
  g_subprocess_wait_async (self->process, self->process_cancellable, process_exited_cb,
                           g_object_ref (self));

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  cancellable = g_task_get_cancellable (task);
  g_data_input_stream_read_line_async (lines, G_PRIORITY_DEFAULT, cancellable,
                                       first_line_read_cb, g_steal_pointer (&task));
}

void
chamber_demo_start_async (ChamberDemo        *self,
                          gboolean            reset,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GTask) prepare = NULL;
  PrepareData *data;

  g_return_if_fail (CHAMBER_IS_DEMO (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, chamber_demo_start_async);

  if (self->starting != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The demo server is already starting."));
      return;
    }
  if (self->process != NULL && !reset)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  data = g_new0 (PrepareData, 1);
  data->reset = reset;
  data->demo_dir = chamber_connection_get_demo_dir ();
  if (self->process != NULL)
    {
      data->old_process = g_object_ref (self->process);
      chamber_demo_stop (self);
    }

  self->starting = g_object_ref (task);

  prepare = g_task_new (self, cancellable, prepared_cb, g_steal_pointer (&task));
  g_task_set_source_tag (prepare, chamber_demo_start_async);
  g_task_set_task_data (prepare, data, (GDestroyNotify) prepare_data_free);
  g_task_run_in_thread (prepare, prepare_thread);
}

gboolean
chamber_demo_start_finish (ChamberDemo *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
chamber_demo_is_running (ChamberDemo *self)
{
  g_return_val_if_fail (CHAMBER_IS_DEMO (self), FALSE);
  return self->process != NULL && self->url != NULL;
}

const char *
chamber_demo_get_url (ChamberDemo *self)
{
  g_return_val_if_fail (CHAMBER_IS_DEMO (self), NULL);
  return self->process != NULL ? self->url : NULL;
}

const char *
chamber_demo_get_token (ChamberDemo *self, ChamberRole role)
{
  g_return_val_if_fail (CHAMBER_IS_DEMO (self), NULL);
  if (self->tokens == NULL)
    return NULL;
  return g_hash_table_lookup (self->tokens, chamber_role_to_string (role));
}

void
chamber_demo_stop (ChamberDemo *self)
{
  g_return_if_fail (CHAMBER_IS_DEMO (self));

  if (self->process_cancellable != NULL)
    g_cancellable_cancel (self->process_cancellable);
  g_clear_object (&self->process_cancellable);
  if (self->process != NULL)
    g_subprocess_send_signal (self->process, SIGTERM);
  g_clear_object (&self->process);
  g_clear_pointer (&self->url, g_free);
}

static void
chamber_demo_dispose (GObject *object)
{
  ChamberDemo *self = CHAMBER_DEMO (object);

  chamber_demo_stop (self);
  G_OBJECT_CLASS (chamber_demo_parent_class)->dispose (object);
}

static void
chamber_demo_finalize (GObject *object)
{
  ChamberDemo *self = CHAMBER_DEMO (object);

  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_clear_object (&self->starting);
  G_OBJECT_CLASS (chamber_demo_parent_class)->finalize (object);
}

static void
chamber_demo_class_init (ChamberDemoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = chamber_demo_dispose;
  object_class->finalize = chamber_demo_finalize;

  /**
   * ChamberDemo::exited:
   *
   * The demo server ended without being asked to.
   */
  signals[EXITED] = g_signal_new ("exited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
chamber_demo_init (ChamberDemo *self)
{
}

ChamberDemo *
chamber_demo_new (void)
{
  return g_object_new (CHAMBER_TYPE_DEMO, NULL);
}
