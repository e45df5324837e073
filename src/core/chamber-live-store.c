/* chamber-live-store.c — the events of live sessions in the store (see chamber-live-store.h).
 * The event text is written exactly as it will be sent, so a client catching up receives the
 * same bytes as one that was connected when it happened. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-live-store.h"
#include "chamber-protocol.h"
#include "chamber-store-private.h"

gboolean
chamber_live_store_append (ChamberStore *store,
                           gint64        session_id,
                           JsonObject   *event,
                           char        **out_text,
                           GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *text = NULL;
  gint64 actor;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  node = json_node_init_object (json_node_alloc (), event);
  text = chamber_json_to_string (node, NULL);
  actor = json_object_get_int_member_with_default (event, "actor", 0);

  if (!chamber_store_begin (store, error))
    return FALSE;
  stmt = chamber_store_prepare (store,
                                "INSERT INTO live_events (session_id, seq, at_ms, type, person_id,"
                                " body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, json_object_get_int_member_with_default (event, "seq", 0));
  sqlite3_bind_int64 (stmt, 3, json_object_get_int_member_with_default (event, "at", 0));
  chamber_store_bind_text (stmt, 4, json_object_get_string_member_with_default (event, "type",
                                                                                 ""));
  chamber_store_bind_id_or_null (stmt, 5, actor);
  chamber_store_bind_text (stmt, 6, text);
  if (!chamber_store_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, chamber_store_statement_release);
  if (!chamber_store_commit (store, error))
    return FALSE;
  if (out_text != NULL)
    *out_text = g_steal_pointer (&text);
  return TRUE;

failed:
  g_clear_pointer (&stmt, chamber_store_statement_release);
  chamber_store_rollback (store);
  return FALSE;
}

GPtrArray *
chamber_live_store_list_events (ChamberStore *store,
                                gint64        session_id,
                                gint64        after_seq,
                                guint         limit,
                                GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  gboolean row = FALSE;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  stmt = chamber_store_prepare (store,
                                "SELECT body FROM live_events WHERE session_id = ?1 AND seq > ?2"
                                " ORDER BY seq LIMIT ?3",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, after_seq);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);
  for (;;)
    {
      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (texts, chamber_store_column_dup (stmt, 0));
    }
  return g_steal_pointer (&texts);
}

gboolean
chamber_live_store_get_last_seq (ChamberStore *store,
                                 gint64        session_id,
                                 gint64       *out_seq,
                                 GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store,
                                "SELECT coalesce (max (seq), 0) FROM live_events"
                                " WHERE session_id = ?1",
                                error);
  if (stmt == NULL || !chamber_store_step_row (store, stmt, &row, error))
    return FALSE;
  *out_seq = row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

GArray *
chamber_live_store_list_sessions (ChamberStore *store,
                                  GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store,
                                "SELECT DISTINCT session_id FROM live_events ORDER BY session_id",
                                error);
  if (stmt == NULL)
    return NULL;
  for (;;)
    {
      gint64 id;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

gboolean
chamber_live_store_add_context (ChamberStore     *store,
                                ChamberLiveState *state,
                                GError          **error)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) people = NULL;

  items = chamber_store_list_items (store, chamber_live_state_get_session_id (state), error);
  if (items == NULL)
    return FALSE;
  people = chamber_store_list_people (store, error);
  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (items, i);

      chamber_live_state_add_item (state, item->id, item->title);
    }
  for (guint i = 0; i < people->len; i++)
    chamber_live_state_add_person (state, g_ptr_array_index (people, i));
  return TRUE;
}

ChamberLiveState *
chamber_live_store_load (ChamberStore *store,
                         gint64        session_id,
                         GError      **error)
{
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (ChamberLiveState) state = NULL;
  g_autoptr (GPtrArray) texts = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  session = chamber_store_get_session (store, session_id, error);
  if (session == NULL)
    return NULL;
  state = chamber_live_state_new (session_id);
  if (!chamber_live_store_add_context (store, state, error))
    return NULL;
  texts = chamber_live_store_list_events (store, session_id, 0, 0, error);
  if (texts == NULL)
    return NULL;
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      g_autoptr (GError) local = NULL;
      g_autoptr (JsonObject) event = chamber_protocol_parse_object (text, strlen (text),
                                                                    CHAMBER_PROTOCOL_MAX_BODY,
                                                                    &local);

      if (event == NULL || !chamber_live_state_apply (state, event, &local))
        {
          g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CORRUPT,
                       _("The live events of session %lld cannot be replayed (event %u: %s)."),
                       (long long) session_id, i + 1, local->message);
          return NULL;
        }
    }
  return g_steal_pointer (&state);
}

gboolean
chamber_live_store_get_stamp (ChamberStore          *store,
                              ChamberLiveStoreStamp *out_stamp,
                              GError               **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  gboolean row = FALSE;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_stamp != NULL, FALSE);

  stmt = chamber_store_prepare (store, "PRAGMA data_version", error);
  if (stmt == NULL || !chamber_store_step_row (store, stmt, &row, error))
    return FALSE;
  out_stamp->data_version = row ? sqlite3_column_int64 (stmt, 0) : 0;
  out_stamp->changes = sqlite3_total_changes64 (chamber_store_get_db (store));
  return TRUE;
}
