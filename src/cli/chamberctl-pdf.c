/* chamberctl-pdf.c — `chamberctl check` and `chamberctl render`: the PDF services of the core,
 * without a server. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>

#include "chamber-pdf.h"
#include "chamberctl-private.h"

/* Large enough for a poster at print resolution; the surface is capped by the core anyway. */
#define MAX_SCALE 32.0

static int
fail_on_file (const char *path, const GError *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", path, error->message);

  return chamberctl_fail (message);
}

int
chamberctl_check (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_auto (ChamberPdfInfo) info = { 0 };
  g_autoptr (GError) error = NULL;

  if (!chamberctl_parse (globals, name, "FILE.pdf", 1,
                         N_("Checks that FILE.pdf opens and that every page renders, as the "
                            "server does before it accepts an upload. Prints “ok: N pages”, or "
                            "one line of reason on stderr and exits with 1."),
                         NULL, FALSE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;

  if (!chamber_pdf_check (argv[1], TRUE, &info, &error))
    return fail_on_file (argv[1], error);
  /* TRANSLATORS: scripts may read this line: keep the number first after the colon. */
  printf (g_dngettext (GETTEXT_PACKAGE, "ok: %d page\n", "ok: %d pages\n", info.pages),
          info.pages);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_render (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int page = 0;
  double scale = 1.0;
  const GOptionEntry entries[] = {
    { "page", 0, 0, G_OPTION_ARG_INT, &page, N_("Page number, from 1"), "N" },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale,
      N_("1 is 72 dpi, 2 is 144 dpi (default: 1)"), N_("SCALE") },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PNG file to write"), N_("PAGE.png") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "FILE.pdf", 1,
                         N_("Renders one page of FILE.pdf on white to a PNG image."), entries,
                         FALSE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (page <= 0)
    return chamberctl_usage_error (name, _("--page N is required and counts from 1"));
  if (!(scale > 0.0 && scale <= MAX_SCALE))
    return chamberctl_usage_error (name, _("--scale must be above 0 and at most %g"), MAX_SCALE);
  if (out == NULL || *out == '\0')
    return chamberctl_usage_error (name, _("--out PAGE.png is required"));

  if (!chamber_pdf_render_to_png (argv[1], page, scale, out, &error))
    return fail_on_file (argv[1], error);
  return CHAMBERCTL_EXIT_OK;
}
