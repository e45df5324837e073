/* chamberctl-launcher.c — the `chamberctl` program itself: it runs `chamberctl check` and
 * `chamberctl render` on its own and hands every other command line, unchanged, to
 * chamberctl-full (chamberctl.c and the network commands), which it execs in its place.
 *
 * Why two programs: check and render are the PDF services of the core (chamber-pdf.c, the code
 * the viewer renders with) and nothing else, while the full program links libsoup, json-glib,
 * SQLite and nettle and their own libraries, 67 in all. Loading and relocating those cost more
 * than rendering a simple page, so the commands that scripts run once per page load only what
 * they use (52 libraries, as many as pdftocairo). The others pay one exec more, which is
 * nothing beside a request to a server.
 *
 * chamberctl-full is looked for beside this program first (the build tree), then where it is
 * installed (CHAMBERCTL_FULL, in libexecdir). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "chamberctl-private.h"

typedef struct {
  const char           *name;
  ChamberctlCommandFunc func;
} LocalCommand;

static const LocalCommand local_commands[] = {
  { "check", chamberctl_check },
  { "render", chamberctl_render },
};

/* chamberctl-full beside this program, else the installed one. */
static char *
full_program (void)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self);
      g_autofree char *beside = g_build_filename (dir, "chamberctl-full", NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }
  return g_strdup (CHAMBERCTL_FULL);
}

static void
setup_gettext (void)
{
  const char *localedir = g_getenv ("CHAMBER_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("chamberctl");
}

int
main (int argc, char **argv)
{
  g_autofree char *full = NULL;
  int saved;

  /* `chamberctl check …` and `chamberctl render …`, with no option before the command: here,
   * exactly as chamberctl.c would run them. */
  for (gsize i = 0; argc >= 2 && i < G_N_ELEMENTS (local_commands); i++)
    if (strcmp (argv[1], local_commands[i].name) == 0)
      {
        ChamberctlGlobals globals = { 0 };
        int status;

        setup_gettext ();
        /* The command sees the program name followed by its own arguments. */
        argv[1] = argv[0];
        status = local_commands[i].func (&globals, local_commands[i].name, argc - 1, argv + 1);
        g_free (globals.command_server);
        g_free (globals.command_token);
        g_free (globals.command_pin);
        g_free (globals.pin_hex);
        return status;
      }

  full = full_program ();
  execv (full, argv);
  saved = errno;
  setup_gettext ();
  fprintf (stderr, _("chamberctl: cannot run %s (%s). Reinstall Chamber.\n"), full,
           g_strerror (saved));
  return CHAMBERCTL_EXIT_FAILURE;
}
