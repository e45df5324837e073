/* main.c — chamberd, the Chamber server.
 *
 *   chamberd --data DIR [--listen HOST:PORT] [--max-upload-mb N]   serve DIR
 *            [--auth-failures N] [--auth-window SECONDS] [--idle-timeout SECONDS]
 *            [--tls-cert FILE --tls-key FILE]                      HTTPS only
 *   chamberd --data DIR init                                       prepare DIR, print an admin token
 *   chamberd --data DIR demo                                       prepare DIR with the sample session
 *   chamberd --data DIR export --session ID --out OUT              write a session as static files
 *
 * Exit status: 0 done, 1 an error (one line on stderr), 2 bad usage. */
#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>

#include "chamber-demo-seed.h"
#include "chamber-server.h"
#include "chamber-tls.h"

#define EXIT_USAGE 2
#define MAX_UPLOAD_MB_LIMIT (1024 * 1024)
#define MAX_AUTH_FAILURES   100000
#define MAX_AUTH_WINDOW_S   86400

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

static int
usage_error (const char *message)
{
  g_printerr ("chamberd: %s\n", message);
  g_printerr (_("Try “chamberd --help”.\n"));
  return EXIT_USAGE;
}

static int
fail (const GError *error)
{
  g_printerr ("chamberd: %s\n", error->message);
  return EXIT_FAILURE;
}

/* Every connection holds a file descriptor, and libsoup stops accepting connections for good
 * once accept(2) fails for want of one: serve with the most the system allows this process
 * (the soft limit is often 1024, fewer than 500 delegates syncing in parallel need). */
static void
raise_file_limit (void)
{
  struct rlimit limit;

  if (getrlimit (RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max)
    {
      limit.rlim_cur = limit.rlim_max;
      if (setrlimit (RLIMIT_NOFILE, &limit) != 0)
        g_message ("chamberd: cannot raise the limit of open files: %s", g_strerror (errno));
    }
}

static int
serve (const char *data_dir,
       const char *address,
       int         max_upload_mb,
       int         auth_failures,
       int         auth_window,
       int         idle_timeout,
       const char *tls_cert,
       const char *tls_key)
{
  g_autoptr (ChamberServer) server = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  guint term_id, int_id;

  if (tls_cert != NULL)
    {
      certificate = chamber_server_load_certificate (tls_cert, tls_key, &error);
      if (certificate == NULL
          || !chamber_tls_check_key_pair (certificate, tls_cert, tls_key, &error))
        return fail (error);
    }
  raise_file_limit ();
  server = chamber_server_new (data_dir, &error);
  if (server == NULL)
    return fail (error);
  if (certificate != NULL)
    chamber_server_set_tls_certificate (server, certificate);
  if (max_upload_mb > 0)
    chamber_server_set_max_upload_bytes (server, (gint64) max_upload_mb * 1024 * 1024);
  chamber_server_set_auth_limit (server, auth_failures > 0 ? (guint) auth_failures : 0,
                                 auth_window > 0 ? (guint) auth_window : 0);
  chamber_server_set_idle_timeout (server, idle_timeout > 0 ? (guint) idle_timeout : 0);

  url = chamber_server_listen (server, address, &error);
  if (url == NULL)
    return fail (error);
  g_print ("listening on %s\n", url);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  term_id = g_unix_signal_add (SIGTERM, quit_cb, loop);
  int_id = g_unix_signal_add (SIGINT, quit_cb, loop);
  g_main_loop_run (loop);
  g_source_remove (term_id);
  g_source_remove (int_id);

  chamber_server_shutdown (server);
  return EXIT_SUCCESS;
}

static int
export_session (const char *data_dir,
                gint64      session_id,
                const char *out_dir)
{
  g_autoptr (ChamberServer) server = NULL;
  g_autoptr (GError) error = NULL;
  guint documents = 0;
  gint64 bytes = 0;

  server = chamber_server_new (data_dir, &error);
  if (server == NULL
      || !chamber_server_export_session (server, session_id, out_dir, &documents, &bytes,
                                         &error))
    return fail (error);
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "exported session %lld: %u document, %lld bytes to %s\n",
                        "exported session %lld: %u documents, %lld bytes to %s\n", documents),
           (long long) session_id, documents, (long long) bytes, out_dir);
  return EXIT_SUCCESS;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *address = NULL;
  g_autofree char *out_dir = NULL;
  g_autofree char *tls_cert = NULL;
  g_autofree char *tls_key = NULL;
  const char *localedir;
  const char *command = NULL;
  int max_upload_mb = -1;
  int auth_failures = -1;
  int auth_window = -1;
  int idle_timeout = -1;
  gint64 session_id = -1;
  GOptionEntry entries[] = {
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir,
      N_("The data folder: database and documents (required)"), N_("DIR") },
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &address,
      N_("Address to serve on (default 127.0.0.1:8080; port 0 picks a free one)"),
      N_("HOST:PORT") },
    { "max-upload-mb", 0, 0, G_OPTION_ARG_INT, &max_upload_mb,
      N_("Largest PDF accepted for upload, in MiB (default 256)"), N_("N") },
    { "auth-failures", 0, 0, G_OPTION_ARG_INT, &auth_failures,
      N_("Wrong tokens one address may send within the window before it must wait "
         "(default 10)"),
      N_("N") },
    { "auth-window", 0, 0, G_OPTION_ARG_INT, &auth_window,
      N_("That window, in seconds (default 60)"), N_("SECONDS") },
    { "idle-timeout", 0, 0, G_OPTION_ARG_INT, &idle_timeout,
      N_("Close a kept-alive connection idle this long, in seconds (default 15)"),
      N_("SECONDS") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &tls_cert,
      N_("Serve HTTPS only, with this certificate (PEM; needs --tls-key)"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &tls_key,
      N_("The certificate's private key (PEM, unencrypted)"), N_("FILE") },
    { "session", 0, 0, G_OPTION_ARG_INT64, &session_id,
      N_("export: the session to write out"), N_("ID") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_dir,
      N_("export: the folder to write it to (created when missing)"), N_("OUT") },
    { NULL },
  };

  setlocale (LC_ALL, "");
  localedir = g_getenv ("CHAMBER_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("chamberd");
  /* A reader that closed our stdout must not end the server. */
  signal (SIGPIPE, SIG_IGN);

  context = g_option_context_new (_("[init | demo | export] — the Chamber server"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (
    context,
    _("Without a command, serves the Chamber API from the data folder and prints\n"
      "“listening on http://HOST:PORT” once it is ready (https:// with --tls-cert and\n"
      "--tls-key).\n"
      "\n"
      "Commands:\n"
      "  init    create the data folder when missing and print a new admin token\n"
      "  demo    create the data folder with the sample session (demo-tokens.json)\n"
      "  export  write session --session ID as static files under --out OUT, holding only\n"
      "          the documents open to everyone, for nginx or any HTTP server to serve"));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (error->message);

  if (argc > 2)
    return usage_error (_("Give at most one command: init, demo or export."));
  if (argc == 2)
    {
      command = argv[1];
      if (!g_str_equal (command, "init") && !g_str_equal (command, "demo")
          && !g_str_equal (command, "export"))
        {
          g_autofree char *message =
            g_strdup_printf (_("Unknown command “%s”: use init, demo, export or none to "
                               "serve."),
                             command);
          return usage_error (message);
        }
    }
  if (data_dir == NULL || *data_dir == '\0')
    return usage_error (_("Say where the data folder is with --data DIR."));
  if (max_upload_mb != -1 && (max_upload_mb < 1 || max_upload_mb > MAX_UPLOAD_MB_LIMIT))
    return usage_error (_("--max-upload-mb needs a number of MiB from 1 to 1048576."));
  if (auth_failures != -1 && (auth_failures < 1 || auth_failures > MAX_AUTH_FAILURES))
    return usage_error (_("--auth-failures needs a number from 1 to 100000."));
  if (auth_window != -1 && (auth_window < 1 || auth_window > MAX_AUTH_WINDOW_S))
    return usage_error (_("--auth-window needs a number of seconds from 1 to 86400."));
  if (idle_timeout != -1 && (idle_timeout < 1 || idle_timeout > MAX_AUTH_WINDOW_S))
    return usage_error (_("--idle-timeout needs a number of seconds from 1 to 86400."));
  if ((tls_cert != NULL) != (tls_key != NULL))
    return usage_error (_("--tls-cert and --tls-key go together: give both or neither."));
  if (tls_cert != NULL && (*tls_cert == '\0' || *tls_key == '\0'))
    return usage_error (_("--tls-cert and --tls-key need a file name each."));
  if (command != NULL && tls_cert != NULL)
    return usage_error (_("--tls-cert and --tls-key go with serving only, not with a command."));
  if (g_strcmp0 (command, "export") == 0)
    {
      if (session_id < 1)
        return usage_error (_("export needs the session to write out: --session ID."));
      if (out_dir == NULL || *out_dir == '\0')
        return usage_error (_("export needs a folder to write to: --out OUT."));
      return export_session (data_dir, session_id, out_dir);
    }
  if (session_id != -1 || out_dir != NULL)
    return usage_error (_("--session and --out go with the export command only."));
  if (address != NULL)
    {
      g_autoptr (GSocketAddress) parsed = chamber_server_parse_address (address, &error);
      if (parsed == NULL)
        return usage_error (error->message);
    }

  if (g_strcmp0 (command, "init") == 0)
    {
      g_autofree char *token = chamber_server_init_data_dir (data_dir, &error);

      if (token == NULL)
        return fail (error);
      g_print ("%s\n", token);
      return EXIT_SUCCESS;
    }
  if (g_strcmp0 (command, "demo") == 0)
    {
      if (!chamber_demo_seed_data_dir (data_dir, &error))
        return fail (error);
      return EXIT_SUCCESS;
    }

  return serve (data_dir, address != NULL ? address : "127.0.0.1:8080", max_upload_mb,
                auth_failures, auth_window, idle_timeout, tls_cert, tls_key);
}
