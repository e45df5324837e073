/* chamberctl-search.c — `chamberctl search`: full-text search over a folder that
 * `chamberctl sync` (or the app) filled, with the app's search engine. Prints one line per hit,
 * the matched words marked «like this», then a count. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>

#include "chamber-search.h"
#include "chamber-store.h"
#include "chamberctl-private.h"

#define DEFAULT_LIMIT 20

/* The snippet with each matched word between « and ». */
static char *
mark_snippet (const ChamberSearchHit *hit)
{
  GString *line = g_string_new (NULL);
  guint done = 0;

  for (guint i = 0; i < hit->matches->len; i++)
    {
      const ChamberSearchSpan *span = &g_array_index (hit->matches, ChamberSearchSpan, i);

      g_string_append_len (line, hit->snippet + done, span->start - done);
      g_string_append (line, "«");
      g_string_append_len (line, hit->snippet + span->start, span->end - span->start);
      g_string_append (line, "»");
      done = span->end;
    }
  g_string_append (line, hit->snippet + done);
  return g_string_free (line, FALSE);
}

int
chamberctl_search (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  gint64 session_id = 0;
  int limit = DEFAULT_LIMIT;
  const char *query;
  const GOptionEntry entries[] = {
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir,
      N_("Folder synced by “chamberctl sync” or the app"), N_("DIR") },
    { "session", 0, 0, G_OPTION_ARG_INT64, &session_id,
      N_("Only the documents of this session (default: every session)"), N_("ID") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("Show at most N results, best first (default: 20)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "QUERY", 1,
                         N_("Searches the text of every synced document for pages with all the "
                            "words of QUERY, ignoring case and diacritics (“ngan sach” finds "
                            "“ngân sách”); a word also finds the words it begins. Prints one "
                            "line per page found, best first: the document, the page and the "
                            "passage, with the matched words in «»."),
                         entries, FALSE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  query = argv[1];
  if (dir == NULL || *dir == '\0')
    return chamberctl_usage_error (name, _("--dir is required"));
  if (session_id < 0)
    return chamberctl_usage_error (name, _("--session must be a session id"));
  if (limit < 1)
    return chamberctl_usage_error (name, _("--limit must be a positive number"));
  if (!chamberctl_check_utf8 (name, "QUERY", query))
    return CHAMBERCTL_EXIT_USAGE;

  /* Opening a store creates it when missing: look first, so a mistyped folder says so. */
  db_path = g_build_filename (dir, "chamber.db", NULL);
  if (!g_file_test (db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("%s holds no synced documents (no "
                                                    "chamber.db). Run “chamberctl sync --dir "
                                                    "%s” first."),
                                                  dir, dir);

      return chamberctl_fail (message);
    }
  store = chamber_store_open (db_path, &error);
  if (store == NULL)
    return chamberctl_fail (error->message);

  hits = chamber_search_query (store, query, session_id, limit, &error);
  if (hits == NULL)
    return chamberctl_fail (error->message);

  for (guint i = 0; i < hits->len; i++)
    {
      const ChamberSearchHit *hit = g_ptr_array_index (hits, i);
      g_autofree char *snippet = mark_snippet (hit);

      /* TRANSLATORS: one search result: the document's title, its page, the passage found. */
      printf (_("%s — page %d: %s\n"), hit->document->title, hit->page, snippet);
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "%u result\n", "%u results\n", hits->len), hits->len);
  fflush (stdout);
  return CHAMBERCTL_EXIT_OK;
}
