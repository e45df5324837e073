/* chamberctl-options.c — what every chamberctl command uses to read its options and to say
 * what went wrong: chamberctl_parse(), chamberctl_usage_error() and chamberctl_fail() (see
 * chamberctl-private.h). Apart from chamberctl.c, so that `chamberctl check` and `chamberctl
 * render` (chamberctl-launcher.c) are built from them without the network commands. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>

#include "chamberctl-private.h"

int
chamberctl_fail (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  fprintf (stderr, "chamberctl: %s\n", g_strstrip (line));
  return CHAMBERCTL_EXIT_FAILURE;
}

int
chamberctl_usage_error (const char *name, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_strdelimit (message, "\r\n", ' ');

  if (name != NULL)
    fprintf (stderr, _("chamberctl %s: %s (try “chamberctl %s --help”)\n"), name, message,
             name);
  else
    fprintf (stderr, _("chamberctl: %s (try “chamberctl --help”)\n"), message);
  return CHAMBERCTL_EXIT_USAGE;
}

gboolean
chamberctl_parse (ChamberctlGlobals *globals, const char *name, const char *positional,
                  int n_positional, const char *summary, const GOptionEntry *entries,
                  gboolean connects, int *argc, char ***argv)
{
  g_autofree char *parameter = positional ? g_strdup_printf ("%s %s", name, positional)
                                          : g_strdup (name);
  g_autoptr (GOptionContext) context = g_option_context_new (parameter);
  g_autoptr (GError) error = NULL;
  /* Global options are accepted by every command; those that do not connect hide them. */
  const int flags = connects ? 0 : G_OPTION_FLAG_HIDDEN;
  const GOptionEntry connection_entries[] = {
    { "server", 0, flags, G_OPTION_ARG_STRING, &globals->command_server,
      N_("Address of chamberd, like http://127.0.0.1:8080 (default: $CHAMBER_SERVER)"),
      N_("URL") },
    { "token", 0, flags, G_OPTION_ARG_STRING, &globals->command_token,
      N_("Access token (default: $CHAMBER_TOKEN)"), N_("TOKEN") },
    { "pin", 0, flags, G_OPTION_ARG_STRING, &globals->command_pin,
      N_("Accept only the server certificate with this SHA-256 fingerprint (default: "
         "$CHAMBER_PIN)"),
      N_("SHA256") },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(summary));
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, connection_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      chamberctl_usage_error (name, "%s", error->message);
      return FALSE;
    }
  if (*argc - 1 < n_positional)
    {
      chamberctl_usage_error (name, _("missing argument: %s"), positional);
      return FALSE;
    }
  if (*argc - 1 > n_positional)
    {
      chamberctl_usage_error (name, _("unexpected argument “%s”"), (*argv)[1 + n_positional]);
      return FALSE;
    }
  return TRUE;
}
