/* chamberctl-sync.c — `chamberctl sync`: the app's sync engine, from a shell. Prints one line per
 * fetched document and a summary; progress goes to stderr only when it is a terminal. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>
#include <unistd.h>

#include "chamber-sync.h"
#include "chamberctl-private.h"

typedef struct {
  gboolean shown;  /* a progress line is on the terminal */
} ProgressLine;

static void
progress_cb (const ChamberSyncProgress *progress, gpointer user_data)
{
  ProgressLine *line = user_data;
  g_autofree char *done = g_format_size ((guint64) progress->bytes_done);
  g_autofree char *total = g_format_size ((guint64) progress->bytes_total);

  if (progress->documents_total == 0)
    return;
  fprintf (stderr, "\r\033[K");
  /* TRANSLATORS: the start of the progress line: "3/12 documents · 4.1 MB of 38.0 MB". */
  fprintf (stderr, _("%d/%d documents · %s of %s"), progress->documents_done,
           progress->documents_total, done, total);
  if (progress->bytes_per_second > 0)
    {
      g_autofree char *rate = g_format_size ((guint64) progress->bytes_per_second);

      fprintf (stderr, " · ");
      /* TRANSLATORS: a transfer rate, like "2.3 MB/s". */
      fprintf (stderr, _("%s/s"), rate);
    }
  if (progress->seconds_left > 0)
    {
      fprintf (stderr, " · ");
      if (progress->seconds_left < 100)
        fprintf (stderr, _("about %d s left"), progress->seconds_left);
      else
        fprintf (stderr, _("about %d min left"), (progress->seconds_left + 59) / 60);
    }
  fflush (stderr);
  line->shown = TRUE;
}

static void
print_report (const ChamberSyncReport *report)
{
  g_autofree char *bytes = g_strdup_printf ("%" G_GINT64_FORMAT, report->bytes_fetched);

  for (guint i = 0; i < report->fetched->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (report->fetched, i);
      g_autofree char *size = g_strdup_printf ("%" G_GINT64_FORMAT, document->bytes);

      /* TRANSLATORS: scripts may read this line: keep the values in this order. */
      printf (_("fetched %s (%s bytes, %d pages)\n"), document->title, size, document->pages);
    }
  /* TRANSLATORS: scripts may read this line: keep the values in this order. */
  printf (_("synced: %d sessions, %d documents fetched, %s bytes (%d sessions unchanged)\n"),
          report->sessions_checked, report->documents_fetched, bytes,
          report->sessions_unchanged);
  fflush (stdout);
}

int
chamberctl_sync (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  const char *server, *token, *pin;
  gint64 session_id = 0;
  int parallel = 0;
  gboolean previews = FALSE;
  int preview_budget = G_MININT;  /* not given */
  ProgressLine line = { FALSE };
  gboolean ok;
  const GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir,
      N_("Local folder (created when missing): DIR/chamber.db and DIR/blobs"), N_("DIR") },
    { "session", 0, 0, G_OPTION_ARG_INT64, &session_id,
      N_("Only this session (default: every session the token may read)"), N_("ID") },
    { "parallel", 0, 0, G_OPTION_ARG_INT, &parallel,
      N_("Documents downloaded at the same time (default: 3)"), N_("N") },
    { "previews", 0, 0, G_OPTION_ARG_NONE, &previews,
      N_("Also render the first pages of each new document for the app's instant open "
         "(useful only in a folder the app reads)"), NULL },
    { "preview-budget", 0, 0, G_OPTION_ARG_INT, &preview_budget,
      N_("With --previews, the MiB the previews may take; those of the documents opened least "
         "recently go first (default: 512)"), N_("MIB") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, NULL, 0,
                         N_("Brings sessions, their agendas and documents to DIR, downloading "
                            "only what is missing and verifying every byte. An interrupted "
                            "sync resumes where it stopped."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (dir == NULL || *dir == '\0')
    return chamberctl_usage_error (name, _("--dir is required"));
  if (session_id < 0)
    return chamberctl_usage_error (name, _("--session must be a session id"));
  if (parallel != 0 && (parallel < 1 || parallel > CHAMBER_SYNC_MAX_PARALLEL))
    return chamberctl_usage_error (name, _("--parallel must be between 1 and %d"),
                                   CHAMBER_SYNC_MAX_PARALLEL);
  if (preview_budget != G_MININT && (preview_budget < 0 || preview_budget > 1048576))
    return chamberctl_usage_error (name, _("--preview-budget must be between 0 and %d MiB"),
                                   1048576);
  /* A static export (docs/protocol.md) is read without a token. */
  if (!chamberctl_get_connection (globals, name, FALSE, &server, &token, &pin))
    return CHAMBERCTL_EXIT_USAGE;

  sync = chamber_sync_new (server, token, dir, &error);
  if (sync == NULL)
    return g_error_matches (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_INVALID_URL)
               ? chamberctl_usage_error (name, "%s", error->message)
               : chamberctl_fail (error->message);
  chamber_sync_set_pinned_certificate (sync, pin);
  if (parallel != 0)
    chamber_sync_set_max_parallel (sync, parallel);
  /* The command line has no viewer: the instant-open previews are the app's. */
  chamber_sync_set_previews (sync, previews);
  if (preview_budget != G_MININT)
    chamber_sync_set_preview_budget (sync, (guint64) preview_budget * 1024 * 1024);

  ok = chamber_sync_run (sync, session_id, isatty (STDERR_FILENO) ? progress_cb : NULL, &line,
                         &report, NULL, &error);
  if (line.shown)
    fprintf (stderr, "\r\033[K");
  if (report != NULL)
    print_report (report);
  if (!ok)
    return chamberctl_fail (error->message);
  return CHAMBERCTL_EXIT_OK;
}
