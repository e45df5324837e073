/* chamber-test-util.c — see chamber-test-util.h */
#include "chamber-test-util.h"

#include "chamber-protocol.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>

static const char *
required_env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL || *value == '\0')
    g_error ("%s is not set: run the tests with `meson test`", name);
  return value;
}

const char *
chamber_test_chamberd_path (void)
{
  return required_env ("CHAMBERD");
}

const char *
chamber_test_chamberctl_path (void)
{
  return required_env ("CHAMBERCTL");
}

const char *
chamber_test_corpus_dir (void)
{
  const char *dir = g_getenv ("CHAMBER_CORPUS_DIR");

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    return NULL;
  return dir;
}

const char *
chamber_test_data_dir (void)
{
  return required_env ("CHAMBER_TEST_DATA");
}

char *
chamber_test_make_temp_dir (const char *name_template)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp (name_template ? name_template : "chamber-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
chamber_test_rm_rf (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (path == NULL)
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR) || g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_unlink (path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      chamber_test_rm_rf (child);
    }
  g_rmdir (path);
}

int
chamber_test_run (const char *const *argv, const char *const *envp_extra, char **out_stdout,
                  char **out_stderr)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  char *out = NULL, *err = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  for (guint i = 0; envp_extra != NULL && envp_extra[i] != NULL; i++)
    {
      g_auto (GStrv) kv = g_strsplit (envp_extra[i], "=", 2);
      g_subprocess_launcher_setenv (launcher, kv[0], kv[1] ? kv[1] : "", TRUE);
    }
  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (out_stdout)
    *out_stdout = out;
  else
    g_free (out);
  if (out_stderr)
    *out_stderr = err;
  else
    g_free (err);
  if (g_subprocess_get_if_signaled (process))
    return 128 + g_subprocess_get_term_sig (process);
  return g_subprocess_get_exit_status (process);
}

/* A server left running by a test that aborted would hold the test's stderr open and make
 * meson wait for the timeout: have the kernel end it with its parent. */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
}

static void
spawn_server (ChamberTestServer *server)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDataInputStream) lines = NULL;
  g_autofree char *line = NULL;
  const char *prefix = "listening on ";

  g_autoptr (GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) chamber_test_chamberd_path ());
  g_ptr_array_add (argv, (gpointer) "--data");
  g_ptr_array_add (argv, server->data_dir);
  g_ptr_array_add (argv, (gpointer) "--listen");
  g_ptr_array_add (argv, (gpointer) "127.0.0.1:0");
  for (guint i = 0; server->serve_args != NULL && server->serve_args[i] != NULL; i++)
    g_ptr_array_add (argv, server->serve_args[i]);
  g_ptr_array_add (argv, NULL);
  server->process = g_subprocess_launcher_spawnv (launcher,
                                                  (const char *const *) argv->pdata, &error);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL || !g_str_has_prefix (line, prefix))
    g_error ("chamberd did not print its address (got “%s”)", line ? line : "end of output");
  g_clear_pointer (&server->url, g_free);
  server->url = g_strdup (line + strlen (prefix));
}

ChamberTestServer *
chamber_test_server_start (void)
{
  return chamber_test_server_start_with_args (NULL);
}

ChamberTestServer *
chamber_test_server_start_with_args (const char *const *serve_args)
{
  ChamberTestServer *server = g_new0 (ChamberTestServer, 1);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  server->data_dir = chamber_test_make_temp_dir ("chamberd-test-XXXXXX");
  server->serve_args = g_strdupv ((char **) serve_args);
  status = chamber_test_run ((const char *const[]) { chamber_test_chamberd_path (), "--data",
                                                     server->data_dir, "init", NULL },
                             NULL, &out, &err);
  if (status != 0)
    g_error ("chamberd init failed (%d): %s", status, err);
  server->admin_token = g_strdup (g_strstrip (out));
  g_assert_true (g_str_has_prefix (server->admin_token, "chm_"));
  g_assert_null (strchr (server->admin_token, '\n'));
  spawn_server (server);
  return server;
}

static void
end_process (ChamberTestServer *server, int sig)
{
  if (server->process == NULL)
    return;
  g_subprocess_send_signal (server->process, sig);
  g_subprocess_wait (server->process, NULL, NULL);
  g_clear_object (&server->process);
}

void
chamber_test_server_restart (ChamberTestServer *server)
{
  end_process (server, SIGTERM);
  spawn_server (server);
}

void
chamber_test_server_stop (ChamberTestServer *server)
{
  end_process (server, SIGTERM);
}

void
chamber_test_server_kill (ChamberTestServer *server)
{
  end_process (server, SIGKILL);
}

void
chamber_test_server_free (ChamberTestServer *server)
{
  if (server == NULL)
    return;
  end_process (server, SIGTERM);
  chamber_test_rm_rf (server->data_dir);
  g_free (server->data_dir);
  g_free (server->admin_token);
  g_free (server->url);
  g_strfreev (server->serve_args);
  g_free (server);
}

gboolean
chamber_test_mount_small_disk (const char *dir, const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);

  if (mount ("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, options) != 0)
    {
      g_autofree char *reason =
        g_strdup_printf ("a full disk needs a small filesystem, and mounting a tmpfs on %s "
                         "failed: %s (run the tests as root with mount permission)",
                         dir, g_strerror (errno));
      g_test_skip (reason);
      return FALSE;
    }
  return TRUE;
}

void
chamber_test_resize_small_disk (const char *dir, const char *size)
{
  g_autofree char *options = g_strdup_printf ("size=%s,mode=0755", size);

  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_NOSUID | MS_NODEV, options),
                   ==, 0);
}

void
chamber_test_unmount_small_disk (const char *dir)
{
  g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

void
chamber_test_write_pdf (const char *path, int pages, const char *text)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  for (int i = 1; i <= pages; i++)
    {
      g_autofree char *heading = g_strdup_printf ("%s — %d", text, i);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 28);
      cairo_move_to (cr, 60, 120);
      cairo_show_text (cr, heading);
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 14);
      for (int line = 0; line < 20; line++)
        {
          cairo_move_to (cr, 60, 180 + line * 24);
          cairo_show_text (cr, "Hội đồng nhân dân tỉnh — dự toán ngân sách, đất đai.");
        }
      cairo_rectangle (cr, 60, 700, 200, 60);
      cairo_set_source_rgb (cr, 0.1, 0.3, 0.7);
      cairo_fill (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

void
chamber_test_write_noise_pdf (const char *path, gint64 min_bytes, guint32 seed,
                              double side_points)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  cairo_surface_t *image;
  cairo_surface_t *pdf;
  cairo_t *cr;
  guint8 *pixels;
  int stride;
  int side = 64;

  while ((gint64) side * side * 3 < min_bytes + 65536)
    side += 64;
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_surface_flush (image);
  pixels = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < side; y++)
    {
      guint32 *row = (guint32 *) (pixels + (gsize) y * stride);

      for (int x = 0; x < side; x++)
        row[x] = g_rand_int (rand) & 0x00ffffff;
    }
  cairo_surface_mark_dirty (image);

  pdf = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (pdf);
  cairo_scale (cr, side_points / side, side_points / side);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (image);
}

typedef struct {
  gboolean timed_out;
} PumpState;

static gboolean
pump_timeout_cb (gpointer data)
{
  ((PumpState *) data)->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
chamber_test_pump_until (gboolean (*done) (gpointer data), gpointer data, guint timeout_ms)
{
  PumpState state = { FALSE };
  guint id = g_timeout_add (timeout_ms, pump_timeout_cb, &state);
  gboolean result;

  while (!(result = done (data)) && !state.timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!state.timed_out)
    g_source_remove (id);
  return result;
}

gint64
chamber_test_add_item (ChamberClient *admin, gint64 session, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) added = NULL;

  item->session_id = session;
  item->title = g_strdup (title);
  item->position = -1;
  added = chamber_client_add_item (admin, item, NULL, &error);
  g_assert_no_error (error);
  return added->id;
}

JsonObject *
chamber_test_post_live_command (ChamberClient *client, gint64 session, const char *json,
                                GError **error)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/live/commands",
                                           (long long) session);
  g_autoptr (JsonObject) object = chamber_protocol_parse_object (json, strlen (json), 1 << 20,
                                                                 NULL);
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;

  g_assert_nonnull (object);
  body = json_node_init_object (json_node_alloc (), object);
  answer = chamber_client_request_json (client, "POST", path, body, NULL, NULL, error);
  if (answer == NULL)
    return NULL;
  return json_object_ref (json_object_get_object_member (json_node_get_object (answer),
                                                         "event"));
}

JsonObject *
chamber_test_live_ok_v (ChamberClient *client, gint64 session, const char *format,
                        va_list args)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *json = g_strdup_vprintf (format, args);
  JsonObject *event = chamber_test_post_live_command (client, session, json, &error);

  if (error != NULL)
    g_error ("%s refused: %s", json, error->message);
  g_assert_nonnull (event);
  return event;
}

JsonObject *
chamber_test_live_ok (ChamberClient *client, gint64 session, const char *format, ...)
{
  va_list args;
  JsonObject *event;

  va_start (args, format);
  event = chamber_test_live_ok_v (client, session, format, args);
  va_end (args);
  return event;
}

gint64
chamber_test_add_person (ChamberTestServer *server, ChamberClient *admin, const char *name,
                         ChamberRole role, const char *group, const char *title,
                         ChamberClient **out_client, char **out_token)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autofree char *token = NULL;

  person->name = g_strdup (name);
  person->role = role;
  person->group_name = g_strdup (group);
  person->title = g_strdup (title);
  added = chamber_client_add_person (admin, person, NULL, &error);
  g_assert_no_error (error);
  if (out_client != NULL)
    {
      token = chamber_client_issue_token (admin, added->id, NULL, NULL, &error);
      g_assert_no_error (error);
      *out_client = chamber_client_new (server->url, token, &error);
      g_assert_no_error (error);
      if (out_token != NULL)
        *out_token = g_steal_pointer (&token);
    }
  return added->id;
}

gint64
chamber_test_add_session (ChamberClient *admin, int number, const char *title,
                          const char *starts_on, const char *place)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) added = NULL;

  session->number = number;
  session->title = title != NULL ? g_strdup (title) : g_strdup_printf ("Kỳ họp thứ %d", number);
  session->starts_on = g_strdup (starts_on);
  session->place = g_strdup (place);
  added = chamber_client_create_session (admin, session, NULL, &error);
  g_assert_no_error (error);
  return added->id;
}

int
chamber_test_ctl_v (ChamberTestServer *server, const char *token, char **out, char **err,
                    va_list args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *server_env = g_strdup_printf ("CHAMBER_SERVER=%s", server->url);
  g_autofree char *token_env = g_strdup_printf ("CHAMBER_TOKEN=%s", token);
  const char *env[] = { server_env, token_env, "LANGUAGE=C", NULL };
  const char *arg;

  g_ptr_array_add (argv, (gpointer) chamber_test_chamberctl_path ());
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  g_ptr_array_add (argv, NULL);
  return chamber_test_run ((const char *const *) argv->pdata, env, out, err);
}

int
chamber_test_ctl (ChamberTestServer *server, const char *token, char **out, char **err, ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = chamber_test_ctl_v (server, token, out, err, args);
  va_end (args);
  return status;
}

char *
chamber_test_ctl_ok (ChamberTestServer *server, const char *token, ...)
{
  g_autofree char *err = NULL;
  char *out = NULL;
  va_list args;
  int status;

  va_start (args, token);
  status = chamber_test_ctl_v (server, token, &out, &err, args);
  va_end (args);
  if (status != 0)
    g_error ("chamberctl failed (%d): %s", status, err);
  return g_strstrip (out);
}

char *
chamber_test_ctl_add_person (ChamberTestServer *server, const char *name, const char *role,
                             const char *group, char **out_token)
{
  char *id = chamber_test_ctl_ok (server, server->admin_token, "person", "add", "--name", name,
                                  "--role", role, "--group", group, NULL);

  *out_token = chamber_test_ctl_ok (server, server->admin_token, "token", "issue", id, NULL);
  return id;
}

GBytes *
chamber_test_http (ChamberTestServer *server, const char *token, const char *method,
                   const char *path, GBytes *body, const char *content_type, guint *out_status)
{
  g_autoptr (SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (server->url, path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (method, uri);
  g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
  g_autoptr (GError) error = NULL;
  GBytes *answer;

  g_assert_nonnull (msg);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  *out_status = soup_message_get_status (msg);
  return answer;
}

static SoupSession *answer_session;

void
chamber_test_answer_free (ChamberTestAnswer *answer)
{
  g_clear_pointer (&answer->object, json_object_unref);
  g_free (answer->text);
  g_free (answer->etag);
  g_free (answer);
}

ChamberTestAnswer *
chamber_test_call_bytes (ChamberTestServer *server, const char *token, const char *method,
                         const char *path, const char *content_type, GBytes *body)
{
  g_autofree char *url = g_strconcat (server->url, path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (method, url);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  ChamberTestAnswer *answer = g_new0 (ChamberTestAnswer, 1);
  gsize length = 0;

  if (answer_session == NULL)
    answer_session = soup_session_new_with_options ("timeout", 120, NULL);
  if (msg == NULL)
    {
      answer->status = SOUP_STATUS_BAD_REQUEST;
      answer->text = g_strdup ("");
      return answer;
    }
  if (token != NULL)
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    value);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);
  bytes = soup_session_send_and_read (answer_session, msg, NULL, &error);
  g_assert_no_error (error);
  answer->status = soup_message_get_status (msg);
  answer->text = g_strndup (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  answer->etag = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                         "ETag"));
  if (length > 0)
    answer->object = chamber_protocol_parse_object (answer->text, length, 64 * 1024 * 1024,
                                                    NULL);
  return answer;
}

ChamberTestAnswer *
chamber_test_call (ChamberTestServer *server, const char *token, const char *method,
                   const char *path, const char *json)
{
  g_autoptr (GBytes) body = json != NULL ? g_bytes_new (json, strlen (json)) : NULL;

  return chamber_test_call_bytes (server, token, method, path, "application/json", body);
}

ChamberTestAnswer *
chamber_test_callf (ChamberTestServer *server, const char *token, const char *method,
                    const char *json, const char *path_format, ...)
{
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, path_format);
  path = g_strdup_vprintf (path_format, args);
  va_end (args);
  return chamber_test_call (server, token, method, path, json);
}

void
chamber_test_expect (ChamberTestAnswer *answer, guint status, const char *code)
{
  if (answer->status != status)
    g_error ("expected %u, got %u: %s", status, answer->status, answer->text);
  if (code != NULL)
    {
      JsonObject *error = answer->object != NULL
                            ? json_object_get_object_member (answer->object, "error")
                            : NULL;

      g_assert_nonnull (error);
      g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
      g_assert_cmpstr (json_object_get_string_member (error, "message"), !=, "");
    }
}

JsonObject *
chamber_test_parse_object (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  JsonObject *object = chamber_protocol_parse_object (g_bytes_get_data (bytes, NULL),
                                                      g_bytes_get_size (bytes), 64 << 20,
                                                      &error);

  g_assert_no_error (error);
  return object;
}
