/* chamberctl-tls.c — `chamberctl fingerprint URL`: the fingerprint of the certificate a server
 * presents, for the secretariat's handover sheet and for --pin. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "chamber-tls.h"
#include "chamberctl-private.h"

int
chamberctl_fingerprint (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *fingerprint = NULL;

  if (!chamberctl_parse (globals, name, "URL", 1,
                         N_("Connects to the https:// server at URL and prints the SHA-256 "
                            "fingerprint of the certificate it presents (64 hexadecimal "
                            "digits), whether or not this computer trusts it. Nothing is sent "
                            "to the server. Put it on the handover sheet; delegates connect "
                            "with --pin FINGERPRINT."),
                         NULL, FALSE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;

  if (!chamber_tls_fetch_fingerprint (argv[1], &fingerprint, NULL, &error))
    return g_error_matches (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_INVALID_URL)
               ? chamberctl_usage_error (name, "%s", error->message)
               : chamberctl_fail (error->message);
  printf ("%s\n", fingerprint);
  return CHAMBERCTL_EXIT_OK;
}
