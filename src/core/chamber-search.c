/* chamber-search.c — full-text search: see chamber-search.h.
 *
 * Tables (schema step 3 in chamber-store.c): page_texts (sha256, page, text) keeps the text of
 * each page as poppler extracted it; page_index is a contentless FTS5 table whose rowid is
 * page_texts.id and whose one column, folded, indexes that text through chamber_search_fold(),
 * with prefix indexes of 1–3 characters; indexed_blobs records each blob once it is done, with
 * its count of pages that have text.
 *
 * A query becomes an FTS5 expression of quoted prefix phrases (("ngan"* AND "sach"*) OR
 * "ngan sach"*) built only from the letters and digits of the user's words, so nothing they
 * type is ever read as FTS5 syntax.
 * FTS5 finds and ranks the pages (bm25) — first among its best pages alone, joined to their
 * documents only when those do not give enough hits; the matched words of the few pages shown
 * are then found in their original text by folding its words the same way, which is cheaper
 * than asking FTS5 again for each page.
 *
 * Since the index keeps no copy of what it indexed, removing a page from it means giving FTS5
 * the same folded text again ('delete'). A change to chamber_search_fold() therefore needs a
 * schema step that empties page_index ('delete-all') and indexes page_texts again. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <poppler.h>
#include <string.h>

#include "chamber-hash.h"
#include "chamber-pdf.h"
#include "chamber-search.h"
#include "chamber-store-private.h"

/* How many characters of context a snippet shows before its first match, at most. */
#define SNIPPET_LEAD_CHARS 60

/* How many of FTS5's best pages are looked at for @limit hits before every match is joined to
 * its document (some pages may be of another session or of an old version); for a limit up to
 * STAGED_LIMIT_MAX. */
#define CANDIDATES(limit) ((limit) * 2 + 16)
#define STAGED_LIMIT_MAX  1000

G_DEFINE_QUARK (chamber-search-error-quark, chamber_search_error)

void
chamber_search_hit_free (ChamberSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_clear_pointer (&hit->document, chamber_document_free);
  g_free (hit->snippet);
  g_clear_pointer (&hit->matches, g_array_unref);
  g_clear_pointer (&hit->page_matches, g_array_unref);
  g_free (hit);
}

/* Folding */

#define SMALL_D_STROKE 0x0111  /* đ, the lower case of Đ */

/* One character folded: lower case, a letter with marks reduced to its base letter, đ to d. */
static gunichar
fold_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n;

  if (c < 0x80)
    return g_ascii_tolower (c);
  c = g_unichar_tolower (c);
  if (c == SMALL_D_STROKE)
    return 'd';
  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 1; i < n; i++)
    if (!g_unichar_ismark (decomposed[i]))
      return c;  /* not a letter with marks (a Hangul syllable): kept whole */
  return decomposed[0];
}

char *
chamber_search_fold (const char *text,
                     gssize      length)
{
  GString *folded;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  end = length < 0 ? text + strlen (text) : text + length;
  folded = g_string_sized_new (end - text);
  while (text < end)
    {
      guchar byte = (guchar) *text;

      if (byte < 0x80)
        {
          g_string_append_c (folded, g_ascii_tolower (byte));
          text++;
        }
      else
        {
          g_string_append_unichar (folded, fold_char (g_utf8_get_char (text)));
          text = g_utf8_next_char (text);
        }
    }
  return g_string_free (folded, FALSE);
}

/* Indexing */

/* The text of a page as it is stored: valid UTF-8 without control characters other than line
 * breaks and tabs (each of the others becomes a space, so every character keeps its offset in
 * poppler's text). NULL when the page has no text at all. */
static char *
clean_page_text (const char *raw)
{
  g_autofree char *valid = NULL;
  gboolean any = FALSE;

  if (raw == NULL)
    return NULL;
  valid = g_utf8_make_valid (raw, -1);
  for (char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
        *p = ' ';
      if (!g_ascii_isspace (*p))
        any = TRUE;
    }
  return any ? g_steal_pointer (&valid) : NULL;
}

/* Extracts the text of every page: an array of (page number, text) for the pages with text. */
typedef struct
{
  int page;
  char *text;
} PageText;

static void
page_text_clear (PageText *page_text)
{
  g_free (page_text->text);
}

static GArray *
extract_texts (const char   *pdf_path,
               GCancellable *cancellable,
               GError      **error)
{
  g_autoptr (GArray) texts = g_array_new (FALSE, FALSE, sizeof (PageText));
  PopplerDocument *document;
  int n_pages;

  g_array_set_clear_func (texts, (GDestroyNotify) page_text_clear);

  document = chamber_pdf_open (pdf_path, NULL, error);
  if (document == NULL)
    return NULL;

  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      char *raw;
      PageText page_text;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_object_unref (document);
          return NULL;
        }
      page = poppler_document_get_page (document, i);
      if (page == NULL)
        continue;
      raw = poppler_page_get_text (page);
      page_text.page = i + 1;
      page_text.text = clean_page_text (raw);
      g_free (raw);
      g_object_unref (page);
      if (page_text.text != NULL)
        g_array_append_val (texts, page_text);
    }
  g_object_unref (document);
  return g_steal_pointer (&texts);
}

/* Runs a statement of @sql that takes @sha256 as ?1. */
static gboolean
exec_with_sha256 (ChamberStore *store,
                  const char   *sql,
                  const char   *sha256,
                  GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = chamber_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  return chamber_store_step_done (store, stmt, error);
}

static gboolean
record_indexed (ChamberStore *store,
                const char   *sha256,
                int           pages,
                GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *now = chamber_store_now_utc ();

  stmt = chamber_store_prepare (store,
                                "INSERT INTO indexed_blobs (sha256, pages, indexed_at)"
                                " VALUES (?1, ?2, ?3)"
                                " ON CONFLICT (sha256) DO UPDATE SET pages = excluded.pages,"
                                "  indexed_at = excluded.indexed_at",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, pages);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  return chamber_store_step_done (store, stmt, error);
}

static gboolean
insert_page (ChamberStore   *store,
             const char     *sha256,
             const PageText *page_text,
             GError        **error)
{
  g_autoptr (ChamberStoreStatement) text_stmt = NULL;
  g_autoptr (ChamberStoreStatement) index_stmt = NULL;
  g_autofree char *folded = chamber_search_fold (page_text->text, -1);
  sqlite3_int64 id;

  text_stmt = chamber_store_prepare (store,
                                     "INSERT INTO page_texts (sha256, page, text)"
                                     " VALUES (?1, ?2, ?3)",
                                     error);
  if (text_stmt == NULL)
    return FALSE;
  sqlite3_bind_text (text_stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (text_stmt, 2, page_text->page);
  sqlite3_bind_text (text_stmt, 3, page_text->text, -1, SQLITE_STATIC);
  if (!chamber_store_step_done (store, text_stmt, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (chamber_store_get_db (store));

  index_stmt = chamber_store_prepare (store,
                                      "INSERT INTO page_index (rowid, folded) VALUES (?1, ?2)",
                                      error);
  if (index_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (index_stmt, 1, id);
  sqlite3_bind_text (index_stmt, 2, folded, -1, SQLITE_STATIC);
  return chamber_store_step_done (store, index_stmt, error);
}

/* Removes the pages of @sha256 from page_index (which, keeping no copy, is told the folded
 * text it indexed) and from page_texts. */
static gboolean
remove_texts (ChamberStore *store,
              const char   *sha256,
              GError      **error)
{
  g_autoptr (ChamberStoreStatement) select = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  int rc;

  select = chamber_store_prepare (store, "SELECT id, text FROM page_texts WHERE sha256 = ?1",
                                  error);
  if (select == NULL)
    return FALSE;
  sqlite3_bind_text (select, 1, sha256, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);

      g_array_append_val (ids, id);
      g_ptr_array_add (folded,
                       chamber_search_fold ((const char *) sqlite3_column_text (select, 1), -1));
    }
  if (rc != SQLITE_DONE)
    {
      chamber_store_set_error (store, rc, error);
      return FALSE;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (ChamberStoreStatement) remove = NULL;

      remove = chamber_store_prepare (store,
                                      "INSERT INTO page_index (page_index, rowid, folded)"
                                      " VALUES ('delete', ?1, ?2)",
                                      error);
      if (remove == NULL)
        return FALSE;
      sqlite3_bind_int64 (remove, 1, g_array_index (ids, gint64, i));
      sqlite3_bind_text (remove, 2, g_ptr_array_index (folded, i), -1, SQLITE_STATIC);
      if (!chamber_store_step_done (store, remove, error))
        return FALSE;
    }
  return exec_with_sha256 (store, "DELETE FROM page_texts WHERE sha256 = ?1", sha256, error);
}

/* Writes the pages of @sha256 (replacing any left from before) and marks it indexed. */
static gboolean
store_texts (ChamberStore *store,
             const char   *sha256,
             GArray       *texts,
             GError      **error)
{
  if (!chamber_store_begin (store, error))
    return FALSE;

  if (!remove_texts (store, sha256, error))
    goto failed;

  for (guint i = 0; i < texts->len; i++)
    if (!insert_page (store, sha256, &g_array_index (texts, PageText, i), error))
      goto failed;

  if (!record_indexed (store, sha256, (int) texts->len, error))
    goto failed;

  return chamber_store_commit (store, error);

failed:
  chamber_store_rollback (store);
  return FALSE;
}

gboolean
chamber_search_is_indexed (ChamberStore *store,
                           const char   *sha256)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);

  if (!chamber_sha256_is_valid (sha256))
    return FALSE;
  stmt = chamber_store_prepare (store, "SELECT 1 FROM indexed_blobs WHERE sha256 = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

static gboolean
check_sha256 (const char *sha256,
              GError    **error)
{
  if (chamber_sha256_is_valid (sha256))
    return TRUE;
  g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
               _("“%s” is not a content hash (64 lowercase hexadecimal digits)."),
               sha256 != NULL ? sha256 : "");
  return FALSE;
}

gboolean
chamber_search_index_blob (ChamberStore *store,
                           const char   *sha256,
                           const char   *pdf_path,
                           GCancellable *cancellable,
                           GError      **error)
{
  g_autoptr (GArray) texts = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_sha256 (sha256, error))
    return FALSE;
  if (chamber_search_is_indexed (store, sha256))
    return TRUE;

  texts = extract_texts (pdf_path, cancellable, error);
  if (texts == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  return store_texts (store, sha256, texts, error);
}

/* The held blobs not indexed yet, oldest first. */
static GPtrArray *
list_unindexed (ChamberStore *store,
                GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GPtrArray) hashes = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = chamber_store_prepare (store,
                                "SELECT sha256 FROM local_blobs"
                                " WHERE sha256 NOT IN (SELECT sha256 FROM indexed_blobs)"
                                " ORDER BY fetched_at, sha256",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (hashes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      chamber_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&hashes);
}

gboolean
chamber_search_index_held (ChamberStore     *store,
                           ChamberBlobStore *blobs,
                           GCancellable     *cancellable,
                           int              *out_indexed,
                           GError          **error)
{
  g_autoptr (GPtrArray) hashes = NULL;
  int indexed = 0;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (blobs), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_indexed != NULL)
    *out_indexed = 0;
  hashes = list_unindexed (store, error);
  if (hashes == NULL)
    return FALSE;

  for (guint i = 0; i < hashes->len; i++)
    {
      const char *sha256 = g_ptr_array_index (hashes, i);
      g_autofree char *path = chamber_blob_store_path (blobs, sha256);
      g_autoptr (GArray) no_text = NULL;
      g_autoptr (GError) local = NULL;

      if (path == NULL || !chamber_blob_store_has (blobs, sha256))
        continue;
      if (chamber_search_index_blob (store, sha256, path, cancellable, &local))
        {
          if (out_indexed != NULL)
            *out_indexed = ++indexed;
          continue;
        }
      if (local->domain != CHAMBER_PDF_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (local->code == CHAMBER_PDF_ERROR_IO)
        {
          /* The file could not be read this time: tried again by the next run. */
          g_message ("Search could not read %s now: %s", path, local->message);
          continue;
        }
      g_message ("The text of %s cannot be read, so search leaves it out: %s", path,
                 local->message);
      no_text = g_array_new (FALSE, FALSE, sizeof (PageText));
      if (!store_texts (store, sha256, no_text, error))
        return FALSE;
    }

  return TRUE;
}

/* Queries */

/* Whether the character at @p belongs to a word: unicode61 takes letters and numbers as word
 * characters; a combining mark belongs to the letter before it. */
static inline gboolean
is_word_char_at (const char *p,
                 gboolean    in_word)
{
  guchar byte = (guchar) *p;
  gunichar c;

  if (byte < 0x80)
    return g_ascii_isalnum (byte);
  c = g_utf8_get_char (p);
  return g_unichar_isalnum (c) || (in_word && g_unichar_ismark (c));
}

/* Finds the next word of @text from *@p on: its start and end (byte pointers), moving *@p past
 * it. FALSE when no word is left. */
static gboolean
next_word (const char **p,
           const char  *end,
           const char **out_start,
           const char **out_end)
{
  const char *q = *p;

  while (q < end && !is_word_char_at (q, FALSE))
    q = g_utf8_next_char (q);
  if (q >= end)
    {
      *p = end;
      return FALSE;
    }
  *out_start = q;
  while (q < end && is_word_char_at (q, TRUE))
    q = g_utf8_next_char (q);
  *out_end = q;
  *p = q;
  return TRUE;
}

/* @word folded, without the combining marks that folding leaves in decomposed text. */
static char *
fold_word (const char *word,
           gsize       length)
{
  g_autofree char *folded = chamber_search_fold (word, length);
  GString *bare = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (bare, c);
    }
  return g_string_free (bare, FALSE);
}

/* The words of @query, folded: only letters, digits and the marks on them, so no quote or
 * operator gets through. Empty when @query has no word. */
static GPtrArray *
parse_query (const char *query,
             GError    **error)
{
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *end, *p, *start, *stop;

  if (!g_utf8_validate (query, -1, NULL))
    {
      g_set_error_literal (error, CHAMBER_SEARCH_ERROR, CHAMBER_SEARCH_ERROR_INVALID_QUERY,
                           _("The search text is not valid UTF-8 text."));
      return NULL;
    }
  if (strlen (query) > CHAMBER_SEARCH_MAX_QUERY_BYTES)
    {
      g_set_error (error, CHAMBER_SEARCH_ERROR, CHAMBER_SEARCH_ERROR_QUERY_TOO_LONG,
                   _("The search text is too long. Search for a few words (at most %d "
                     "characters)."),
                   CHAMBER_SEARCH_MAX_QUERY_BYTES);
      return NULL;
    }

  end = query + strlen (query);
  p = query;
  while (next_word (&p, end, &start, &stop))
    {
      if (words->len == CHAMBER_SEARCH_MAX_QUERY_WORDS)
        {
          g_set_error (error, CHAMBER_SEARCH_ERROR, CHAMBER_SEARCH_ERROR_QUERY_TOO_LONG,
                       _("The search text has too many words. Search for at most %d words."),
                       CHAMBER_SEARCH_MAX_QUERY_WORDS);
          return NULL;
        }
      g_ptr_array_add (words, fold_word (start, stop - start));
    }
  return g_steal_pointer (&words);
}

/* The FTS5 expression of folded @words: each one quoted as a prefix, all of them required
 * ("ngan"* AND "sach"*). With several words, the same words in a row ("ngan sach"*) are added as
 * an alternative: it finds no other page, but bm25 scores every phrase of the expression, so
 * the pages where the words stand together as typed ("Đà Nẵng", not "dân … năng") come first. */
static char *
match_expression (GPtrArray *words)
{
  GString *expression = g_string_new (NULL);

  if (words->len > 1)
    g_string_append_c (expression, '(');
  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (expression, "%s\"%s\"*", i > 0 ? " AND " : "",
                            (const char *) g_ptr_array_index (words, i));
  if (words->len > 1)
    {
      g_string_append (expression, ") OR \"");
      for (guint i = 0; i < words->len; i++)
        g_string_append_printf (expression, "%s%s", i > 0 ? " " : "",
                                (const char *) g_ptr_array_index (words, i));
      g_string_append (expression, "\"*");
    }
  return g_string_free (expression, FALSE);
}

/* A page that matched, before its snippet is made. */
typedef struct
{
  gint64 text_id;
  char sha256[CHAMBER_SHA256_HEX_LEN + 1];
  int page;
  double rank;
} Match;

/* The documents searched: those of session ?2 (any when 0) that no newer version (same item,
 * same title) supersedes. */
#define SEARCHED_DOCUMENTS                                                                    \
  "SELECT d.id, d.sha256 FROM documents AS d"                                                 \
  " WHERE (?2 = 0 OR d.session_id = ?2)"                                                      \
  "  AND NOT EXISTS (SELECT 1 FROM documents AS newer"                                        \
  "                   WHERE newer.item_id = d.item_id AND newer.title = d.title"              \
  "                     AND newer.version > d.version)"

static void
id_array_free (gpointer array)
{
  g_array_unref (array);
}

/* The blobs of the searched documents: sha256 → GArray of their document ids, ascending
 * (nearly always one; two when the same file is in two agenda items). */
static GHashTable *
searched_blobs (ChamberStore *store,
                gint64        session_id,
                GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GHashTable) blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        id_array_free);
  int rc;

  stmt = chamber_store_prepare (store, SEARCHED_DOCUMENTS " ORDER BY d.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 2, session_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 1);
      GArray *ids = g_hash_table_lookup (blobs, sha256);

      if (ids == NULL)
        {
          ids = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (blobs, g_strdup (sha256), ids);
        }
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      chamber_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&blobs);
}

/* The best @candidates pages by FTS5 alone, those of @blobs appended to @matches in order. FTS5
 * ranks every matching page once; looking up the few best afterwards costs less than joining
 * every match to its blob. *@out_more is TRUE when FTS5 may have more pages than it gave. */
static gboolean
best_pages (ChamberStore *store,
            const char   *expression,
            int           candidates,
            GHashTable   *blobs,
            GArray       *matches,
            gboolean     *out_more,
            GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  int rows = 0;
  int rc;

  stmt = chamber_store_prepare (store,
                                "SELECT rowid, bm25 (page_index) AS score FROM page_index"
                                " WHERE page_index MATCH ?1"
                                " ORDER BY score, rowid LIMIT ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, candidates);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (ChamberStoreStatement) page = NULL;
      Match match = { 0 };
      const char *sha256;
      int page_rc;

      rows++;
      match.text_id = sqlite3_column_int64 (stmt, 0);
      match.rank = sqlite3_column_double (stmt, 1);
      page = chamber_store_prepare (store, "SELECT sha256, page FROM page_texts WHERE id = ?1",
                                    error);
      if (page == NULL)
        return FALSE;
      sqlite3_bind_int64 (page, 1, match.text_id);
      page_rc = sqlite3_step (page);
      if (page_rc == SQLITE_DONE)
        continue;
      if (page_rc != SQLITE_ROW)
        {
          chamber_store_set_error (store, page_rc, error);
          return FALSE;
        }
      sha256 = (const char *) sqlite3_column_text (page, 0);
      if (sha256 == NULL || !g_hash_table_contains (blobs, sha256))
        continue;
      g_strlcpy (match.sha256, sha256, sizeof match.sha256);
      match.page = sqlite3_column_int (page, 1);
      g_array_append_val (matches, match);
    }
  if (rc != SQLITE_DONE)
    {
      chamber_store_set_error (store, rc, error);
      return FALSE;
    }
  *out_more = rows == candidates;
  return TRUE;
}

/* The best @limit pages (all when ≤ 0) of the searched documents, every match joined to its
 * blob: for a search that most of FTS5's best pages do not satisfy (another session, an old
 * version). */
static GArray *
find_pages (ChamberStore *store,
            const char   *expression,
            gint64        session_id,
            int           limit,
            GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  int rc;

  /* The set of searched blobs is computed once, not for each match. */
  stmt = chamber_store_prepare (store,
                                "SELECT pt.id, pt.sha256, pt.page, bm25 (page_index) AS score"
                                " FROM page_index"
                                " JOIN page_texts AS pt ON pt.id = page_index.rowid"
                                " WHERE page_index MATCH ?1"
                                "  AND pt.sha256 IN (SELECT sha256 FROM (" SEARCHED_DOCUMENTS "))"
                                " ORDER BY score, pt.id"
                                " LIMIT ?3",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, session_id);
  sqlite3_bind_int (stmt, 3, limit > 0 ? limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Match match = { 0 };
      const char *sha256 = (const char *) sqlite3_column_text (stmt, 1);

      match.text_id = sqlite3_column_int64 (stmt, 0);
      g_strlcpy (match.sha256, sha256 != NULL ? sha256 : "", sizeof match.sha256);
      match.page = sqlite3_column_int (stmt, 2);
      match.rank = sqlite3_column_double (stmt, 3);
      g_array_append_val (matches, match);
    }
  if (rc != SQLITE_DONE)
    {
      chamber_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&matches);
}

/* TRUE when the word [@start, @stop) of @text, folded as chamber_search_fold() does and without
 * its combining marks, begins with @prefix (folded, without marks). Folds one character at a
 * time: most words differ at the first. */
static gboolean
word_has_prefix (const char *start,
                 const char *stop,
                 const char *prefix)
{
  const char *p = start;

  while (*prefix != '\0')
    {
      gunichar c;

      if (p >= stop)
        return FALSE;
      c = (guchar) *p < 0x80 ? (gunichar) (guchar) *p : g_utf8_get_char (p);
      p = g_utf8_next_char (p);
      if (c >= 0x80 && g_unichar_ismark (c))
        continue;
      if (fold_char (c) != g_utf8_get_char (prefix))
        return FALSE;
      prefix = g_utf8_next_char (prefix);
    }
  return TRUE;
}

/* The words of @text that begin with one of the folded @words, as byte spans of @text: the
 * words FTS5 matched, found the way it found them. */
static GArray *
find_words (const char *text,
            GPtrArray  *words,
            GArray    **out_word_of)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (ChamberSearchSpan));
  GArray *word_of = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *end = text + strlen (text);
  const char *p = text;
  const char *start, *stop;

  while (next_word (&p, end, &start, &stop))
    {
      guint found = words->len;
      ChamberSearchSpan span;

      for (guint i = 0; i < words->len && found == words->len; i++)
        if (word_has_prefix (start, stop, g_ptr_array_index (words, i)))
          found = i;
      if (found == words->len)
        continue;
      span.start = start - text;
      span.end = stop - text;
      g_array_append_val (spans, span);
      g_array_append_val (word_of, found);
    }
  *out_word_of = word_of;
  return spans;
}

/* TRUE when nothing but spaces and punctuation stands between @from and @to. */
static gboolean
only_separators (const char *from,
                 const char *to)
{
  for (const char *p = from; p < to; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The match a snippet is built around: the first place where all the query's words stand
 * together in the order typed ("dat dai" → "đất đai", not the "đạt" three lines earlier), else
 * the first place with the most different query words close together. */
static guint
best_span (const char *text,
           GArray     *spans,
           GArray     *word_of,
           guint       n_words)
{
  guint best = 0;
  int best_score = -1;

  for (guint i = 0; i < spans->len; i++)
    {
      const ChamberSearchSpan *first = &g_array_index (spans, ChamberSearchSpan, i);
      guint64 seen = 0;
      int score = 0;
      gboolean phrase = n_words > 1 && i + n_words <= spans->len;

      for (guint k = 0; phrase && k < n_words; k++)
        {
          const ChamberSearchSpan *span = &g_array_index (spans, ChamberSearchSpan, i + k);

          phrase = g_array_index (word_of, guint, i + k) == k
                   && (k == 0 || only_separators (text + (span - 1)->end, text + span->start));
        }
      for (guint j = i; j < spans->len; j++)
        {
          const ChamberSearchSpan *span = &g_array_index (spans, ChamberSearchSpan, j);
          guint word = g_array_index (word_of, guint, j);

          /* Words within the snippet's reach (bytes: Vietnamese takes ~1.5 per character). */
          if (span->start - first->start > CHAMBER_SEARCH_SNIPPET_CHARS)
            break;
          if (word < 64 && (seen & (G_GUINT64_CONSTANT (1) << word)) == 0)
            {
              seen |= G_GUINT64_CONSTANT (1) << word;
              score++;
            }
        }
      if (phrase)
        score += (int) n_words + 1;
      if (score > best_score)
        {
          best = i;
          best_score = score;
        }
    }
  return best;
}

static gboolean
is_space_at (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

/* Chooses the part of @text to show: up to SNIPPET_LEAD_CHARS characters before the first
 * match, starting at a word, and CHAMBER_SEARCH_SNIPPET_CHARS characters in all, ending at a
 * word — but always the whole first match. */
static void
snippet_window (const char              *text,
                gsize                    length,
                const ChamberSearchSpan *first,
                gsize                   *out_start,
                gsize                   *out_end)
{
  const char *start = text + (first != NULL ? first->start : 0);
  const char *match_end = text + (first != NULL ? first->end : 0);
  const char *end;
  int chars = 0;

  for (int i = 0; i < SNIPPET_LEAD_CHARS && start > text; i++)
    start = g_utf8_prev_char (start);
  if (start > text && !is_space_at (g_utf8_prev_char (start)))
    {
      /* Mid-word: begin at the next word, unless that is past the match. */
      const char *p = start;

      while (p < text + (first != NULL ? first->start : 0) && !is_space_at (p))
        p = g_utf8_next_char (p);
      if (p < text + (first != NULL ? first->start : 0))
        start = p;
    }
  while (*start != '\0' && is_space_at (start))
    start = g_utf8_next_char (start);

  end = start;
  while (*end != '\0' && chars < CHAMBER_SEARCH_SNIPPET_CHARS)
    {
      end = g_utf8_next_char (end);
      chars++;
    }
  if (end < match_end)
    end = match_end;
  if (*end != '\0' && !is_space_at (end))
    {
      /* Mid-word: end after the last whole word, unless that cuts the match. */
      const char *p = end;

      while (p > match_end && !is_space_at (g_utf8_prev_char (p)))
        p = g_utf8_prev_char (p);
      if (p > match_end)
        end = p;
    }

  *out_start = start - text;
  *out_end = MIN ((gsize) (end - text), length);
}

/* The snippet of @text around @spans (byte offsets in @text), with the spans that fall inside it
 * moved to byte offsets in the snippet. */
static char *
make_snippet (const char *text,
              GArray     *spans,
              guint       around,
              GArray    **out_spans)
{
  gsize length = strlen (text);
  const ChamberSearchSpan *first = around < spans->len
                                       ? &g_array_index (spans, ChamberSearchSpan, around)
                                       : NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GArray) moved = g_array_new (FALSE, FALSE, sizeof (ChamberSearchSpan));
  gsize start, end;
  guint k = 0;
  ChamberSearchSpan current = { 0, 0 };
  gboolean in_span = FALSE;

  snippet_window (text, length, first, &start, &end);
  if (start > 0)
    g_string_append (out, "…");

  /* Spans that end before the window are not shown. */
  while (k < spans->len && g_array_index (spans, ChamberSearchSpan, k).end <= start)
    k++;

  for (const char *p = text + start; p <= text + end; p = g_utf8_next_char (p))
    {
      gsize offset = p - text;

      if (in_span && offset >= g_array_index (spans, ChamberSearchSpan, k).end)
        {
          current.end = out->len;
          g_array_append_val (moved, current);
          in_span = FALSE;
          k++;
        }
      if (!in_span && k < spans->len
          && offset >= g_array_index (spans, ChamberSearchSpan, k).start && offset < end)
        {
          current.start = out->len;
          in_span = TRUE;
        }
      if (offset >= end)
        break;

      if (is_space_at (p))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  if (in_span)
    {
      current.end = out->len;
      g_array_append_val (moved, current);
    }

  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  for (guint i = 0; i < moved->len; i++)
    {
      ChamberSearchSpan *span = &g_array_index (moved, ChamberSearchSpan, i);

      span->end = MIN (span->end, out->len);
    }
  if (end < length)
    g_string_append (out, "…");

  *out_spans = g_steal_pointer (&moved);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The snippet and matched words of page text @text_id for folded @words, into @hit. */
static gboolean
add_snippet (ChamberStore     *store,
             gint64            text_id,
             GPtrArray        *words,
             ChamberSearchHit *hit,
             GError          **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GArray) spans = NULL;
  g_autoptr (GArray) word_of = NULL;
  const char *text;
  const char *at;
  guint chars = 0;
  int rc;

  stmt = chamber_store_prepare (store, "SELECT text FROM page_texts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, text_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
                     _("The text of a page found by the search is missing."));
      else
        chamber_store_set_error (store, rc, error);
      return FALSE;
    }
  text = (const char *) sqlite3_column_text (stmt, 0);
  if (text == NULL)
    text = "";

  spans = find_words (text, words, &word_of);
  hit->snippet = make_snippet (text, spans, best_span (text, spans, word_of, words->len),
                               &hit->matches);

  /* The same spans in characters, counted in one pass. */
  hit->page_matches = g_array_sized_new (FALSE, FALSE, sizeof (ChamberSearchSpan), spans->len);
  at = text;
  for (guint i = 0; i < spans->len; i++)
    {
      const ChamberSearchSpan *span = &g_array_index (spans, ChamberSearchSpan, i);
      ChamberSearchSpan in_chars;

      for (; at < text + span->start; at = g_utf8_next_char (at))
        chars++;
      in_chars.start = chars;
      for (; at < text + span->end; at = g_utf8_next_char (at))
        chars++;
      in_chars.end = chars;
      g_array_append_val (hit->page_matches, in_chars);
    }
  return TRUE;
}

static ChamberSearchHit *
hit_copy (const ChamberSearchHit *hit)
{
  ChamberSearchHit *copy = g_new0 (ChamberSearchHit, 1);

  copy->document = chamber_document_copy (hit->document);
  copy->page = hit->page;
  copy->snippet = g_strdup (hit->snippet);
  copy->matches = g_array_copy (hit->matches);
  copy->page_matches = g_array_copy (hit->page_matches);
  copy->rank = hit->rank;
  return copy;
}

GPtrArray *
chamber_search_query (ChamberStore *store,
                      const char   *query,
                      gint64        session_id,
                      int           limit,
                      GError      **error)
{
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GPtrArray) words = NULL;
  g_autoptr (GHashTable) blobs = NULL;
  g_autoptr (GHashTable) documents = NULL;
  g_autoptr (GArray) matches = NULL;
  g_autofree char *expression = NULL;
  gboolean staged = limit > 0 && limit <= STAGED_LIMIT_MAX;
  gboolean more = TRUE;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (session_id >= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_search_hit_free);
  words = parse_query (query, error);
  if (words == NULL)
    return NULL;
  if (words->len == 0)
    return g_steal_pointer (&hits);
  blobs = searched_blobs (store, session_id, error);
  if (blobs == NULL)
    return NULL;
  if (g_hash_table_size (blobs) == 0)
    return g_steal_pointer (&hits);

  expression = match_expression (words);
  matches = g_array_new (FALSE, FALSE, sizeof (Match));
  if (staged && !best_pages (store, expression, CANDIDATES (limit), blobs, matches, &more, error))
    return NULL;
  if (!staged || (matches->len < (guint) limit && more))
    {
      g_clear_pointer (&matches, g_array_unref);
      matches = find_pages (store, expression, session_id, limit, error);
      if (matches == NULL)
        return NULL;
    }

  documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                     (GDestroyNotify) chamber_document_free);
  for (guint i = 0; i < matches->len && (limit <= 0 || hits->len < (guint) limit); i++)
    {
      const Match *match = &g_array_index (matches, Match, i);
      GArray *document_ids = g_hash_table_lookup (blobs, match->sha256);
      g_autoptr (ChamberSearchHit) hit = g_new0 (ChamberSearchHit, 1);

      hit->page = match->page;
      hit->rank = match->rank;
      if (!add_snippet (store, match->text_id, words, hit, error))
        return NULL;

      /* One hit per document with this blob. */
      for (guint j = 0; j < document_ids->len && (limit <= 0 || hits->len < (guint) limit); j++)
        {
          gint64 id = g_array_index (document_ids, gint64, j);
          ChamberDocument *document = g_hash_table_lookup (documents, &id);

          if (document == NULL)
            {
              document = chamber_store_get_document (store, id, error);
              if (document == NULL)
                return NULL;
              g_hash_table_insert (documents, &document->id, document);
            }
          hit->document = document;
          g_ptr_array_add (hits, hit_copy (hit));
          hit->document = NULL;
        }
    }
  return g_steal_pointer (&hits);
}
