/* chamber-desk-store.c — the secretariat's changes to sessions, agenda items, people and the
 * listing of tokens, on the store's own tables (see chamber-desk-store.h). */
#include "config.h"

#include "chamber-desk-store.h"

#include <glib/gi18n-lib.h>

#include "chamber-protocol.h"
#include "chamber-store-private.h"

G_DEFINE_QUARK (chamber-desk-error-quark, chamber_desk_error)

gboolean
chamber_session_state_may_change (ChamberSessionState from,
                                  ChamberSessionState to)
{
  if (from == to)
    return TRUE;
  return (from == CHAMBER_SESSION_STATE_PREPARING && to == CHAMBER_SESSION_STATE_OPEN)
         || (from == CHAMBER_SESSION_STATE_OPEN && to == CHAMBER_SESSION_STATE_CLOSED)
         || (from == CHAMBER_SESSION_STATE_CLOSED && to == CHAMBER_SESSION_STATE_OPEN);
}

/* Runs one statement binding ?1 … ?4 (?2 an id or NULL); for the renumbering updates. */
static gboolean
renumber (ChamberStore *store,
      const char   *sql,
      gint64        a,
      gint64        b,
      gint64        c,
      gint64        d,
      GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = chamber_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  chamber_store_bind_id_or_null (stmt, 2, b);
  sqlite3_bind_int64 (stmt, 3, c);
  sqlite3_bind_int64 (stmt, 4, d);
  return chamber_store_step_done (store, stmt, error);
}

/* One number from a query binding ?1 and ?2. */
static gboolean
count (ChamberStore *store,
       const char   *sql,
       gint64        a,
       gint64        b,
       gint64       *out,
       GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = chamber_store_prepare (store, sql, error);
  gboolean row;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  chamber_store_bind_id_or_null (stmt, 2, b);
  if (!chamber_store_step_row (store, stmt, &row, error))
    return FALSE;
  *out = row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static gboolean
update_item (ChamberStore *store,
             ChamberItem  *item,
             GError      **error)
{
  g_autoptr (ChamberItem) old = chamber_store_get_item (store, item->id, error);
  gint64 revision, siblings = 0, loop = 0;

  if (old == NULL)
    return FALSE;
  if (item->parent_id > 0)
    {
      g_autoptr (ChamberItem) parent = chamber_store_get_item (store, item->parent_id, error);

      if (parent == NULL)
        return FALSE;
      if (parent->session_id != old->session_id)
        {
          g_set_error (error, CHAMBER_DESK_ERROR, CHAMBER_DESK_ERROR_INVALID,
                       _("Agenda item %lld belongs to another session, so it cannot hold this "
                         "item."), (long long) item->parent_id);
          return FALSE;
        }
      /* Is the item the new parent or one of its ancestors? */
      if (!count (store,
                  "WITH RECURSIVE up (id, parent_id) AS ("
                  "  SELECT id, parent_id FROM items WHERE id = ?2"
                  "  UNION ALL"
                  "  SELECT items.id, items.parent_id FROM items JOIN up ON items.id = up.parent_id"
                  ") SELECT count (*) FROM up WHERE id = ?1",
                  item->id, item->parent_id, &loop, error))
        return FALSE;
      if (loop > 0)
        {
          g_set_error (error, CHAMBER_DESK_ERROR, CHAMBER_DESK_ERROR_INVALID,
                       _("An agenda item cannot go under itself or one of its own "
                         "sub-items."));
          return FALSE;
        }
    }

  revision = chamber_store_bump_revision (store, old->session_id, error);
  if (revision <= 0)
    return FALSE;

  /* Out of its old place: the siblings after it move up. */
  if (!renumber (store,
             "UPDATE items SET position = position - 1, changed_at = ?4"
             " WHERE session_id = ?1 AND parent_id IS ?2 AND position > ?3",
             old->session_id, old->parent_id, old->position, revision, error))
    return FALSE;
  /* Into the new place. */
  if (!count (store,
              "SELECT count (*) FROM items WHERE session_id = (SELECT session_id FROM items"
              " WHERE id = ?1) AND parent_id IS ?2 AND id <> ?1",
              item->id, item->parent_id, &siblings, error))
    return FALSE;
  if (item->position < 0 || item->position > siblings)
    item->position = (int) siblings;
  {
    g_autoptr (ChamberStoreStatement) shift =
      chamber_store_prepare (store,
                             "UPDATE items SET position = position + 1, changed_at = ?4"
                             " WHERE session_id = ?1 AND parent_id IS ?2 AND position >= ?3"
                             "   AND id <> ?5",
                             error);
    if (shift == NULL)
      return FALSE;
    sqlite3_bind_int64 (shift, 1, old->session_id);
    chamber_store_bind_id_or_null (shift, 2, item->parent_id);
    sqlite3_bind_int64 (shift, 3, item->position);
    sqlite3_bind_int64 (shift, 4, revision);
    sqlite3_bind_int64 (shift, 5, item->id);
    if (!chamber_store_step_done (store, shift, error))
      return FALSE;
  }
  {
    g_autoptr (ChamberStoreStatement) write =
      chamber_store_prepare (store,
                             "UPDATE items SET title = ?2, planned_minutes = ?3, questioning = ?4,"
                             "  parent_id = ?5, position = ?6, changed_at = ?7 WHERE id = ?1",
                             error);
    if (write == NULL)
      return FALSE;
    sqlite3_bind_int64 (write, 1, item->id);
    chamber_store_bind_text (write, 2, item->title);
    sqlite3_bind_int (write, 3, item->planned_minutes);
    sqlite3_bind_int (write, 4, item->questioning ? 1 : 0);
    chamber_store_bind_id_or_null (write, 5, item->parent_id);
    sqlite3_bind_int (write, 6, item->position);
    sqlite3_bind_int64 (write, 7, revision);
    if (!chamber_store_step_done (store, write, error))
      return FALSE;
  }
  item->session_id = old->session_id;
  item->state = old->state;
  item->changed_at = revision;
  return TRUE;
}

gboolean
chamber_desk_store_update_item (ChamberStore *store,
                                ChamberItem  *item,
                                GError      **error)
{
  if (!chamber_store_begin (store, error))
    return FALSE;
  if (!update_item (store, item, error))
    {
      chamber_store_rollback (store);
      return FALSE;
    }
  return chamber_store_commit (store, error);
}

static gboolean
delete_item (ChamberStore *store,
             gint64        item_id,
             GError      **error)
{
  g_autoptr (ChamberItem) item = chamber_store_get_item (store, item_id, error);
  gint64 n = 0, revision;

  if (item == NULL)
    return FALSE;
  if (!count (store, "SELECT count (*) FROM items WHERE parent_id = ?1 AND ?2 IS NULL",
              item_id, 0, &n, error))
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, CHAMBER_DESK_ERROR, CHAMBER_DESK_ERROR_CONFLICT,
                   _("“%s” has sub-items. Move or delete them first."), item->title);
      return FALSE;
    }
  if (!count (store, "SELECT count (*) FROM documents WHERE item_id = ?1 AND ?2 IS NULL",
              item_id, 0, &n, error))
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, CHAMBER_DESK_ERROR, CHAMBER_DESK_ERROR_CONFLICT,
                   _("“%s” holds documents, so it cannot be deleted."), item->title);
      return FALSE;
    }
  if (!count (store,
              "SELECT count (*) FROM live_events WHERE session_id = ?2"
              " AND json_extract (body, '$.item') = ?1",
              item_id, item->session_id, &n, error))
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, CHAMBER_DESK_ERROR, CHAMBER_DESK_ERROR_CONFLICT,
                   _("“%s” was taken up in the live sitting; its record is kept, so it cannot "
                     "be deleted."), item->title);
      return FALSE;
    }

  revision = chamber_store_bump_revision (store, item->session_id, error);
  if (revision <= 0)
    return FALSE;
  {
    g_autoptr (ChamberStoreStatement) remove =
      chamber_store_prepare (store, "DELETE FROM items WHERE id = ?1", error);

    if (remove == NULL)
      return FALSE;
    sqlite3_bind_int64 (remove, 1, item_id);
    if (!chamber_store_step_done (store, remove, error))
      return FALSE;
  }
  return renumber (store,
               "UPDATE items SET position = position - 1, changed_at = ?4"
               " WHERE session_id = ?1 AND parent_id IS ?2 AND position > ?3",
               item->session_id, item->parent_id, item->position, revision, error);
}

gboolean
chamber_desk_store_delete_item (ChamberStore *store,
                                gint64        item_id,
                                GError      **error)
{
  if (!chamber_store_begin (store, error))
    return FALSE;
  if (!delete_item (store, item_id, error))
    {
      chamber_store_rollback (store);
      return FALSE;
    }
  return chamber_store_commit (store, error);
}

static gboolean
copy_agenda (ChamberStore *store,
             gint64        to_id,
             gint64        from_id,
             GError      **error)
{
  g_autoptr (ChamberSession) to = chamber_store_get_session (store, to_id, error);
  g_autoptr (ChamberSession) from = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GHashTable) new_ids = NULL;
  gint64 existing = 0, revision;

  if (to == NULL)
    return FALSE;
  from = chamber_store_get_session (store, from_id, error);
  if (from == NULL)
    return FALSE;
  if (!count (store, "SELECT count (*) FROM items WHERE session_id = ?1 AND ?2 IS NULL", to_id,
              0, &existing, error))
    return FALSE;
  if (existing > 0)
    {
      g_set_error (error, CHAMBER_DESK_ERROR, CHAMBER_DESK_ERROR_CONFLICT,
                   _("Session %lld already has an agenda; an agenda is copied only into a "
                     "session without items."), (long long) to_id);
      return FALSE;
    }
  items = chamber_store_list_items (store, from_id, error);
  if (items == NULL)
    return FALSE;
  revision = chamber_store_bump_revision (store, to_id, error);
  if (revision <= 0)
    return FALSE;

  new_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < items->len; i++)
    {
      ChamberItem *item = g_ptr_array_index (items, i);
      gint64 new_id;
      gint64 *parent = item->parent_id > 0 ? g_hash_table_lookup (new_ids, &item->parent_id)
                                           : NULL;
      g_autoptr (ChamberStoreStatement) insert =
        chamber_store_prepare (store,
                               "INSERT INTO items (session_id, parent_id, position, title,"
                               "  planned_minutes, state, changed_at, questioning)"
                               " VALUES (?1, ?2, ?3, ?4, ?5, 'not-started', ?6, ?7)",
                               error);

      if (insert == NULL)
        return FALSE;
      sqlite3_bind_int64 (insert, 1, to_id);
      chamber_store_bind_id_or_null (insert, 2, parent != NULL ? *parent : 0);
      sqlite3_bind_int (insert, 3, item->position);
      chamber_store_bind_text (insert, 4, item->title);
      sqlite3_bind_int (insert, 5, item->planned_minutes);
      sqlite3_bind_int64 (insert, 6, revision);
      sqlite3_bind_int (insert, 7, item->questioning ? 1 : 0);
      if (!chamber_store_step_done (store, insert, error))
        return FALSE;
      new_id = sqlite3_last_insert_rowid (chamber_store_get_db (store));
      g_hash_table_insert (new_ids, g_memdup2 (&item->id, sizeof item->id),
                           g_memdup2 (&new_id, sizeof new_id));
    }
  return TRUE;
}

GPtrArray *
chamber_desk_store_copy_agenda (ChamberStore *store,
                                gint64        to_id,
                                gint64        from_id,
                                GError      **error)
{
  if (!chamber_store_begin (store, error))
    return NULL;
  if (!copy_agenda (store, to_id, from_id, error))
    {
      chamber_store_rollback (store);
      return NULL;
    }
  if (!chamber_store_commit (store, error))
    return NULL;
  return chamber_store_list_items (store, to_id, error);
}

gboolean
chamber_desk_store_update_person (ChamberStore        *store,
                                  const ChamberPerson *person,
                                  GError             **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;

  if (person->name == NULL || *person->name == '\0')
    {
      g_set_error (error, CHAMBER_DESK_ERROR, CHAMBER_DESK_ERROR_INVALID,
                   _("A person needs a name."));
      return FALSE;
    }
  stmt = chamber_store_prepare (store,
                                "UPDATE people SET name = ?2, role = ?3, group_name = ?4,"
                                "  committee = ?5, title = ?6, agency = ?7, active = ?8"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person->id);
  chamber_store_bind_text (stmt, 2, person->name);
  chamber_store_bind_text (stmt, 3, chamber_role_to_string (person->role));
  chamber_store_bind_text (stmt, 4, person->group_name);
  chamber_store_bind_text (stmt, 5, person->committee);
  chamber_store_bind_text (stmt, 6, person->title);
  chamber_store_bind_text (stmt, 7, person->agency);
  sqlite3_bind_int (stmt, 8, person->active ? 1 : 0);
  if (!chamber_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (chamber_store_get_db (store)) == 0)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
                   _("There is no person %lld."), (long long) person->id);
      return FALSE;
    }
  return TRUE;
}

void
chamber_token_info_free (ChamberTokenInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->created_at);
  g_free (info->expires_at);
  g_free (info->revoked_at);
  g_free (info->last_used_at);
  g_free (info);
}

GPtrArray *
chamber_desk_store_list_tokens (ChamberStore *store,
                                gint64        person_id,
                                GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt =
    chamber_store_prepare (store,
                           "SELECT id, created_at, expires_at, revoked_at, last_used_at"
                           " FROM tokens WHERE person_id = ?1 ORDER BY id DESC",
                           error);
  g_autoptr (GPtrArray) tokens = NULL;
  gboolean row;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_token_info_free);
  for (;;)
    {
      ChamberTokenInfo *info;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      info = g_new0 (ChamberTokenInfo, 1);
      info->id = sqlite3_column_int64 (stmt, 0);
      info->created_at = chamber_store_column_dup (stmt, 1);
      info->expires_at = chamber_store_column_dup (stmt, 2);
      info->revoked_at = chamber_store_column_dup (stmt, 3);
      info->last_used_at = chamber_store_column_dup (stmt, 4);
      g_ptr_array_add (tokens, info);
    }
  return g_steal_pointer (&tokens);
}

JsonNode *
chamber_token_info_to_json (const ChamberTokenInfo *info)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_int_member (object, "id", info->id);
  json_object_set_string_member (object, "created_at", info->created_at);
  chamber_json_object_set_optional_string (object, "expires_at", info->expires_at);
  chamber_json_object_set_optional_string (object, "revoked_at", info->revoked_at);
  json_object_set_boolean_member (object, "revoked", info->revoked_at != NULL);
  chamber_json_object_set_optional_string (object, "last_used_at", info->last_used_at);
  json_node_take_object (node, object);
  return node;
}

ChamberTokenInfo *
chamber_token_info_from_json (JsonObject *object,
                              GError    **error)
{
  g_autoptr (ChamberTokenInfo) info = g_new0 (ChamberTokenInfo, 1);

  if (!chamber_json_get_int (object, "id", TRUE, 1, G_MAXINT64, &info->id, error)
      || !chamber_json_get_string (object, "created_at", TRUE, 64, &info->created_at, error)
      || !chamber_json_get_string (object, "expires_at", FALSE, 64, &info->expires_at, error)
      || !chamber_json_get_string (object, "revoked_at", FALSE, 64, &info->revoked_at, error)
      || !chamber_json_get_string (object, "last_used_at", FALSE, 64, &info->last_used_at,
                                   error))
    return NULL;
  return g_steal_pointer (&info);
}
