/* chamber-petition-store.c — the voter petitions in the store (tables petitions,
 * petition_history and petition_links of schema step 10; see chamber-petitions.h): insert, read,
 * list with a filter, status changes with their history, answers, links, and the search for an
 * earlier petition that a new one raises again (through the word index petition_words of
 * schema step 12). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "chamber-csv.h"
#include "chamber-petitions.h"
#include "chamber-store-private.h"

#define PETITION_COLUMNS                                                                      \
  "id, content, meeting_date, meeting_place, delegate_group, level, field, agency, status,"  \
  " answer, answer_sha256, answer_bytes, received_on, forwarded_on, answered_on, resolved_on," \
  " updated_at, raised_again_of, similarity"

static ChamberPetition *
read_petition (sqlite3_stmt *stmt)
{
  ChamberPetition *petition = chamber_petition_new ();
  g_autofree char *level = NULL;
  g_autofree char *status = NULL;

  petition->id = sqlite3_column_int64 (stmt, 0);
  petition->content = chamber_store_column_dup (stmt, 1);
  petition->meeting_date = chamber_store_column_dup (stmt, 2);
  petition->meeting_place = chamber_store_column_dup (stmt, 3);
  petition->delegate_group = chamber_store_column_dup (stmt, 4);
  level = chamber_store_column_dup (stmt, 5);
  if (level == NULL || !chamber_petition_level_from_string (level, &petition->level))
    petition->level = CHAMBER_PETITION_LEVEL_NONE;
  petition->field = chamber_store_column_dup (stmt, 6);
  petition->agency = chamber_store_column_dup (stmt, 7);
  status = chamber_store_column_dup (stmt, 8);
  if (!chamber_petition_status_from_string (status, &petition->status))
    petition->status = CHAMBER_PETITION_FORWARDED;
  petition->answer = chamber_store_column_dup (stmt, 9);
  petition->answer_sha256 = chamber_store_column_dup (stmt, 10);
  petition->answer_bytes = sqlite3_column_int64 (stmt, 11);
  petition->received_on = chamber_store_column_dup (stmt, 12);
  petition->forwarded_on = chamber_store_column_dup (stmt, 13);
  petition->answered_on = chamber_store_column_dup (stmt, 14);
  petition->resolved_on = chamber_store_column_dup (stmt, 15);
  petition->updated_at = chamber_store_column_dup (stmt, 16);
  petition->raised_again_of = sqlite3_column_int64 (stmt, 17);
  petition->similarity = sqlite3_column_double (stmt, 18);
  return petition;
}

static gboolean
insert_change (ChamberStore          *store,
               gint64                 petition_id,
               ChamberPetitionStatus  status,
               const char            *at,
               gint64                 person_id,
               const char            *note,
               gint64                 finding_id,
               GError               **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;

  stmt = chamber_store_prepare (store,
                                "INSERT INTO petition_history (petition_id, status, at, by, note,"
                                " finding_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, petition_id);
  chamber_store_bind_text (stmt, 2, chamber_petition_status_to_string (status));
  chamber_store_bind_text (stmt, 3, at);
  chamber_store_bind_id_or_null (stmt, 4, person_id);
  chamber_store_bind_text (stmt, 5, note != NULL && *note != '\0' ? note : NULL);
  chamber_store_bind_id_or_null (stmt, 6, finding_id);
  return chamber_store_step_done (store, stmt, error);
}

/* Adds the words of @folded (as chamber_petition_fold_words() gives them) to petition_words. */
static gboolean
index_words (ChamberStore *store,
             gint64        petition_id,
             const char   *folded,
             GError      **error)
{
  g_auto (GStrv) words = g_strsplit (folded, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr (ChamberStoreStatement) stmt = NULL;

      if (*words[i] == '\0')
        continue;
      stmt = chamber_store_prepare (store,
                                    "INSERT OR IGNORE INTO petition_words (word, petition_id)"
                                    " VALUES (?1, ?2)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      chamber_store_bind_text (stmt, 1, words[i]);
      sqlite3_bind_int64 (stmt, 2, petition_id);
      if (!chamber_store_step_done (store, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
chamber_petitions_insert (ChamberStore    *store,
                          ChamberPetition *petition,
                          gint64           person_id,
                          GError         **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *now = chamber_store_now_utc ();
  g_autofree char *folded = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);

  if (!chamber_petition_validate (petition, error))
    return FALSE;
  folded = chamber_petition_fold_words (petition->content);
  if (!chamber_store_begin (store, error))
    return FALSE;
  stmt = chamber_store_prepare (store,
                                "INSERT INTO petitions (content, folded, meeting_date,"
                                " meeting_place, delegate_group, level, field, agency, status,"
                                " answer, received_on, forwarded_on, answered_on, resolved_on,"
                                " updated_at, raised_again_of, similarity)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                " ?14, ?15, ?16, ?17)",
                                error);
  if (stmt == NULL)
    goto failed;
  chamber_store_bind_text (stmt, 1, petition->content);
  chamber_store_bind_text (stmt, 2, folded);
  chamber_store_bind_text (stmt, 3, petition->meeting_date);
  chamber_store_bind_text (stmt, 4, petition->meeting_place);
  chamber_store_bind_text (stmt, 5, petition->delegate_group);
  chamber_store_bind_text (stmt, 6, chamber_petition_level_to_string (petition->level));
  chamber_store_bind_text (stmt, 7, petition->field);
  chamber_store_bind_text (stmt, 8, petition->agency);
  chamber_store_bind_text (stmt, 9, chamber_petition_status_to_string (petition->status));
  chamber_store_bind_text (stmt, 10, petition->answer);
  chamber_store_bind_text (stmt, 11, petition->received_on);
  chamber_store_bind_text (stmt, 12, petition->forwarded_on);
  chamber_store_bind_text (stmt, 13, petition->answered_on);
  chamber_store_bind_text (stmt, 14, petition->resolved_on);
  chamber_store_bind_text (stmt, 15, now);
  chamber_store_bind_id_or_null (stmt, 16, petition->raised_again_of);
  if (petition->raised_again_of > 0)
    sqlite3_bind_double (stmt, 17, CLAMP (petition->similarity, 0.0, 1.0));
  if (!chamber_store_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, chamber_store_statement_release);
  petition->id = sqlite3_last_insert_rowid (chamber_store_get_db (store));
  if (!index_words (store, petition->id, folded, error))
    goto failed;
  g_free (petition->updated_at);
  petition->updated_at = g_strdup (now);
  if (!insert_change (store, petition->id, petition->status, now, person_id, NULL, 0, error))
    goto failed;
  return chamber_store_commit (store, error);

failed:
  g_clear_pointer (&stmt, chamber_store_statement_release);
  chamber_store_rollback (store);
  return FALSE;
}

static void
set_not_found (gint64   id,
               GError **error)
{
  g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
               _("There is no petition %lld."), (long long) id);
}

ChamberPetition *
chamber_petitions_get (ChamberStore *store,
                       gint64        id,
                       GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  stmt = chamber_store_prepare (store, "SELECT " PETITION_COLUMNS " FROM petitions WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!chamber_store_step_row (store, stmt, &row, error))
    return NULL;
  if (!row)
    {
      set_not_found (id, error);
      return NULL;
    }
  return read_petition (stmt);
}

/* TRUE when @value (folded) names the same thing as @wanted (folded), or @wanted is NULL. */
static gboolean
same_name (const char *wanted_key,
           const char *value)
{
  g_autofree char *key = NULL;

  if (wanted_key == NULL)
    return TRUE;
  if (value == NULL)
    return FALSE;
  key = chamber_csv_fold_key (value);
  return g_str_equal (key, wanted_key);
}

GPtrArray *
chamber_petitions_list (ChamberStore                *store,
                        const ChamberPetitionFilter *filter,
                        GError                     **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_petition_free);
  g_autofree char *agency_key = NULL;
  g_autofree char *field_key = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  if (filter != NULL && filter->agency != NULL && g_utf8_validate (filter->agency, -1, NULL))
    agency_key = chamber_csv_fold_key (filter->agency);
  if (filter != NULL && filter->field != NULL && g_utf8_validate (filter->field, -1, NULL))
    field_key = chamber_csv_fold_key (filter->field);
  stmt = chamber_store_prepare (store,
                                "SELECT " PETITION_COLUMNS " FROM petitions"
                                " WHERE ?1 IS NULL OR status = ?1 ORDER BY id",
                                error);
  if (stmt == NULL)
    return NULL;
  if (filter != NULL && filter->status >= 0)
    chamber_store_bind_text (stmt, 1, chamber_petition_status_to_string (filter->status));
  for (;;)
    {
      g_autoptr (ChamberPetition) petition = NULL;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      petition = read_petition (stmt);
      if (same_name (agency_key, petition->agency) && same_name (field_key, petition->field))
        g_ptr_array_add (out, g_steal_pointer (&petition));
    }
  return g_steal_pointer (&out);
}

/* The least number of words a petition must share with one of @n_words words to reach
 * CHAMBER_PETITION_SIMILAR: the Jaccard index |A ∩ B| / |A ∪ B| is at most |A ∩ B| / |A|. Rounded
 * down a little, so that the exact test afterwards alone decides. */
static gint64
least_shared (guint n_words)
{
  gint64 least = (gint64) (CHAMBER_PETITION_SIMILAR * n_words - 1e-9);

  return MAX (least, 1);
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const ChamberPetitionMatch *x = a;
  const ChamberPetitionMatch *y = b;

  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

GArray *
chamber_petitions_similar (ChamberStore *store,
                           const char   *content,
                           gint64        before_id,
                           guint         limit,
                           GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *folded = chamber_petition_fold_words (content);
  g_auto (GStrv) words = NULL;
  g_autoptr (GArray) matches = g_array_new (FALSE, FALSE, sizeof (ChamberPetitionMatch));
  g_autoptr (JsonNode) list = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *list_text = NULL;
  JsonArray *array;
  gboolean row = FALSE;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  if (*folded == '\0')
    return g_steal_pointer (&matches);
  words = g_strsplit (folded, " ", -1);
  array = json_array_sized_new (g_strv_length (words));
  for (guint i = 0; words[i] != NULL; i++)
    json_array_add_string_element (array, words[i]);
  json_node_take_array (list, array);
  list_text = json_to_string (list, FALSE);
  stmt = chamber_store_prepare (store,
                                "SELECT p.id, p.folded FROM petitions p JOIN"
                                " (SELECT petition_id, count (*) AS shared FROM petition_words"
                                "  WHERE word IN (SELECT value FROM json_each (?1))"
                                "  AND (?3 <= 0 OR petition_id < ?3)"
                                "  GROUP BY petition_id HAVING shared >= ?2) w"
                                " ON w.petition_id = p.id ORDER BY p.id",
                                error);
  if (stmt == NULL)
    return NULL;
  chamber_store_bind_text (stmt, 1, list_text);
  sqlite3_bind_int64 (stmt, 2, least_shared (g_strv_length (words)));
  sqlite3_bind_int64 (stmt, 3, before_id);
  for (;;)
    {
      ChamberPetitionMatch match;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      match.id = sqlite3_column_int64 (stmt, 0);
      match.similarity =
        chamber_petition_similarity (folded, (const char *) sqlite3_column_text (stmt, 1));
      if (match.similarity >= CHAMBER_PETITION_SIMILAR)
        g_array_append_val (matches, match);
    }
  g_array_sort (matches, compare_matches);
  if (limit > 0 && matches->len > limit)
    g_array_set_size (matches, limit);
  return g_steal_pointer (&matches);
}

gint64
chamber_petitions_find_similar (ChamberStore *store,
                                const char   *content,
                                gint64        before_id,
                                double       *out_similarity,
                                GError      **error)
{
  g_autoptr (GArray) matches = NULL;
  const ChamberPetitionMatch *best;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), 0);

  if (out_similarity != NULL)
    *out_similarity = 0;
  matches = chamber_petitions_similar (store, content, before_id, 1, error);
  if (matches == NULL || matches->len == 0)
    return 0;
  best = &g_array_index (matches, ChamberPetitionMatch, 0);
  if (out_similarity != NULL)
    *out_similarity = best->similarity;
  return best->id;
}

/* The day of @now ("YYYY-MM-DDT…Z") as "YYYY-MM-DD". */
static char *
day_of (const char *now)
{
  return g_strndup (now, 10);
}

gboolean
chamber_petitions_set_status (ChamberStore         *store,
                              gint64                id,
                              ChamberPetitionStatus status,
                              const char           *note,
                              gint64                finding_id,
                              gint64                person_id,
                              GError              **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (ChamberPetition) existing = NULL;
  g_autofree char *now = chamber_store_now_utc ();
  g_autofree char *today = day_of (now);

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);

  if (status >= CHAMBER_N_PETITION_STATUSES)
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                           _("Unknown petition status."));
      return FALSE;
    }
  if (!chamber_petition_check_note (note, CHAMBER_PETITION_MAX_NOTE, error))
    return FALSE;
  if (!chamber_store_begin (store, error))
    return FALSE;
  existing = chamber_petitions_get (store, id, error);
  if (existing == NULL)
    goto failed;
  stmt = chamber_store_prepare (store,
                                "UPDATE petitions SET status = ?2, updated_at = ?3,"
                                " answered_on = CASE WHEN ?2 = 'answered' AND answered_on IS NULL"
                                "                    THEN ?4 ELSE answered_on END,"
                                " resolved_on = CASE WHEN ?2 = 'resolved' THEN"
                                "                      coalesce (resolved_on, ?4)"
                                "                    WHEN ?2 IN ('in-progress', 'unresolved')"
                                "                    THEN NULL ELSE resolved_on END"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  chamber_store_bind_text (stmt, 2, chamber_petition_status_to_string (status));
  chamber_store_bind_text (stmt, 3, now);
  chamber_store_bind_text (stmt, 4, today);
  if (!chamber_store_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, chamber_store_statement_release);
  if (!insert_change (store, id, status, now, person_id, note, finding_id, error))
    goto failed;
  return chamber_store_commit (store, error);

failed:
  g_clear_pointer (&stmt, chamber_store_statement_release);
  chamber_store_rollback (store);
  return FALSE;
}

gboolean
chamber_petitions_set_answer (ChamberStore *store,
                              gint64        id,
                              const char   *text,
                              const char   *sha256,
                              gint64        bytes,
                              GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *now = chamber_store_now_utc ();
  g_autoptr (ChamberPetition) existing = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);

  if (text != NULL && (strlen (text) > CHAMBER_PETITION_MAX_TEXT
                       || !g_utf8_validate (text, -1, NULL)))
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                   _("The answer must be UTF-8 text of at most %d bytes."),
                   CHAMBER_PETITION_MAX_TEXT);
      return FALSE;
    }
  existing = chamber_petitions_get (store, id, error);
  if (existing == NULL)
    return FALSE;
  stmt = chamber_store_prepare (store,
                                "UPDATE petitions SET answer = coalesce (?2, answer),"
                                " answer_sha256 = coalesce (?3, answer_sha256),"
                                " answer_bytes = CASE WHEN ?3 IS NULL THEN answer_bytes"
                                "                     ELSE ?4 END,"
                                " updated_at = ?5 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  chamber_store_bind_text (stmt, 2, text);
  chamber_store_bind_text (stmt, 3, sha256);
  sqlite3_bind_int64 (stmt, 4, bytes);
  chamber_store_bind_text (stmt, 5, now);
  return chamber_store_step_done (store, stmt, error);
}

GPtrArray *
chamber_petitions_history (ChamberStore *store,
                           gint64        id,
                           GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_petition_change_free);
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store,
                                "SELECT id, status, at, by, note, finding_id FROM petition_history"
                                " WHERE petition_id = ?1 ORDER BY id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  for (;;)
    {
      ChamberPetitionChange *change;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      change = g_new0 (ChamberPetitionChange, 1);
      change->id = sqlite3_column_int64 (stmt, 0);
      if (!chamber_petition_status_from_string ((const char *) sqlite3_column_text (stmt, 1),
                                                &change->status))
        change->status = CHAMBER_PETITION_FORWARDED;
      change->at = chamber_store_column_dup (stmt, 2);
      change->by = sqlite3_column_int64 (stmt, 3);
      change->note = chamber_store_column_dup (stmt, 4);
      change->finding_id = sqlite3_column_int64 (stmt, 5);
      g_ptr_array_add (out, change);
    }
  return g_steal_pointer (&out);
}

gboolean
chamber_petitions_add_link (ChamberStore *store,
                            gint64        id,
                            const char   *kind,
                            gint64        target_id,
                            gint64        session_id,
                            GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (ChamberPetition) existing = NULL;

  if (g_strcmp0 (kind, "item") != 0 && g_strcmp0 (kind, "turn") != 0
      && g_strcmp0 (kind, "commitment") != 0)
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                           _("A petition links to an “item”, a “turn” or a “commitment”."));
      return FALSE;
    }
  if (target_id <= 0 || session_id < 0 || (!g_str_equal (kind, "item") && session_id == 0))
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                           _("A link needs the id of what it links to, and for a turn or a "
                             "commitment the session it was recorded in."));
      return FALSE;
    }
  existing = chamber_petitions_get (store, id, error);
  if (existing == NULL)
    return FALSE;
  if (g_str_equal (kind, "item"))
    {
      g_autoptr (ChamberItem) item = chamber_store_get_item (store, target_id, error);

      if (item == NULL)
        return FALSE;
      session_id = 0;
    }
  stmt = chamber_store_prepare (store,
                                "INSERT OR IGNORE INTO petition_links (petition_id, kind,"
                                " target_id, session_id) VALUES (?1, ?2, ?3, ?4)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  chamber_store_bind_text (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, target_id);
  sqlite3_bind_int64 (stmt, 4, session_id);
  return chamber_store_step_done (store, stmt, error);
}

gboolean
chamber_petitions_remove_link (ChamberStore *store,
                               gint64        id,
                               const char   *kind,
                               gint64        target_id,
                               gint64        session_id,
                               GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);

  if (g_strcmp0 (kind, "item") == 0)
    session_id = 0;
  stmt = chamber_store_prepare (store,
                                "DELETE FROM petition_links WHERE petition_id = ?1 AND kind = ?2"
                                " AND target_id = ?3 AND session_id = ?4",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  chamber_store_bind_text (stmt, 2, kind);
  sqlite3_bind_int64 (stmt, 3, target_id);
  sqlite3_bind_int64 (stmt, 4, session_id);
  if (!chamber_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (chamber_store_get_db (store)) == 0)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
                   _("Petition %lld has no such link to remove."), (long long) id);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
chamber_petitions_links (ChamberStore *store,
                         gint64        id,
                         GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_petition_link_free);
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store,
                                "SELECT kind, target_id, session_id FROM petition_links"
                                " WHERE petition_id = ?1 ORDER BY kind, session_id, target_id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  for (;;)
    {
      ChamberPetitionLink *link;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      link = g_new0 (ChamberPetitionLink, 1);
      link->kind = chamber_store_column_dup (stmt, 0);
      link->target_id = sqlite3_column_int64 (stmt, 1);
      link->session_id = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (out, link);
    }
  return g_steal_pointer (&out);
}

gboolean
chamber_petitions_blob_is_known (ChamberStore *store,
                                 const char   *sha256)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store,
                                "SELECT 1 FROM petitions WHERE answer_sha256 = ?1"
                                " UNION ALL SELECT 1 FROM supervision_findings"
                                " WHERE evidence_sha256 = ?1 LIMIT 1",
                                NULL);
  if (stmt == NULL)
    return FALSE;
  chamber_store_bind_text (stmt, 1, sha256);
  return chamber_store_step_row (store, stmt, &row, NULL) && row;
}
