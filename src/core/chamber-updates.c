/* chamber-updates.c — documents that arrived as new versions, and what each person opened
 * (see chamber-updates.h). Both tables keep no foreign key: the mirror drops a replaced
 * version, and an opening outlives the row it names. */
#include "config.h"

#include "chamber-updates.h"

#include "chamber-store-private.h"

gboolean
chamber_updates_record_arrival (ChamberStore          *store,
                                const ChamberDocument *document,
                                GError               **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *now = chamber_store_now_utc ();

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (document != NULL && document->replaces_id > 0, FALSE);

  stmt = chamber_store_prepare (store,
                                "INSERT INTO document_updates (document_id, session_id,"
                                "  replaces_id, replaces_version, replaces_sha256, arrived_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                " ON CONFLICT (document_id) DO UPDATE SET"
                                "  session_id = excluded.session_id,"
                                "  replaces_id = excluded.replaces_id,"
                                "  replaces_version = excluded.replaces_version,"
                                "  replaces_sha256 = excluded.replaces_sha256,"
                                "  arrived_at = excluded.arrived_at",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document->id);
  sqlite3_bind_int64 (stmt, 2, document->session_id);
  sqlite3_bind_int64 (stmt, 3, document->replaces_id);
  sqlite3_bind_int (stmt, 4, MAX (document->replaces_version, 1));
  chamber_store_bind_text (stmt, 5, document->replaces_sha256);
  chamber_store_bind_text (stmt, 6, now);
  return chamber_store_step_done (store, stmt, error);
}

gboolean
chamber_updates_mark_opened (ChamberStore          *store,
                             gint64                 person_id,
                             const ChamberDocument *document,
                             GError               **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *now = chamber_store_now_utc ();

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (person_id > 0, FALSE);
  g_return_val_if_fail (document != NULL && document->id > 0, FALSE);

  stmt = chamber_store_prepare (store,
                                "INSERT INTO document_opens (person_id, document_id, version,"
                                "  sha256, opened_at) VALUES (?1, ?2, ?3, ?4, ?5)"
                                " ON CONFLICT (person_id, document_id) DO UPDATE SET"
                                "  version = excluded.version, sha256 = excluded.sha256,"
                                "  opened_at = excluded.opened_at",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, document->id);
  sqlite3_bind_int (stmt, 3, MAX (document->version, 1));
  chamber_store_bind_text (stmt, 4, document->sha256);
  chamber_store_bind_text (stmt, 5, now);
  return chamber_store_step_done (store, stmt, error);
}

/* An arrival of a version nobody (@person_id, or anyone when it is 0) opened yet: each version
 * is a document of its own, so any opening of it came after it arrived. */
#define UPDATED_CONDITION                                                                  \
  " NOT EXISTS (SELECT 1 FROM document_opens o"                                            \
  "              WHERE o.document_id = u.document_id AND (?1 <= 0 OR o.person_id = ?1))"

gboolean
chamber_updates_is_updated (ChamberStore *store,
                            gint64        person_id,
                            gint64        document_id)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);

  stmt = chamber_store_prepare (store,
                                "SELECT 1 FROM document_updates u WHERE u.document_id = ?2"
                                " AND" UPDATED_CONDITION,
                                NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, document_id);
  if (!chamber_store_step_row (store, stmt, &row, NULL))
    return FALSE;
  return row;
}

GHashTable *
chamber_updates_list_session (ChamberStore *store,
                              gint64        person_id,
                              gint64        session_id,
                              GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GHashTable) ids = NULL;
  gboolean row;
  gboolean ok;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  stmt = chamber_store_prepare (store,
                                "SELECT u.document_id FROM document_updates u"
                                " JOIN documents d ON d.id = u.document_id"
                                " WHERE d.session_id = ?2 AND" UPDATED_CONDITION,
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, session_id);

  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((ok = chamber_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&ids);
}
