/* chamber-audit.c — the server's audit log and, from it, the delivery of a session.
 *
 * The table `audit` (schema 5) has no foreign keys: a row keeps naming a person, document or
 * session that was changed since. Listing joins the names that exist now. */
#include "config.h"

#include "chamber-audit.h"
#include "chamber-protocol.h"

#include "chamber-hash.h"
#include "chamber-publish.h"
#include "chamber-store-private.h"

static const char *const action_names[CHAMBER_N_AUDIT_ACTIONS] = {
  "publish", "access", "token-issue", "token-revoke", "download", "replace",
};

const char *
chamber_audit_action_to_string (ChamberAuditAction action)
{
  g_return_val_if_fail ((guint) action < CHAMBER_N_AUDIT_ACTIONS, NULL);
  return action_names[action];
}

gboolean
chamber_audit_action_from_string (const char         *str,
                                  ChamberAuditAction *out)
{
  for (guint i = 0; str != NULL && i < CHAMBER_N_AUDIT_ACTIONS; i++)
    if (g_str_equal (str, action_names[i]))
      {
        if (out != NULL)
          *out = (ChamberAuditAction) i;
        return TRUE;
      }
  return FALSE;
}

void
chamber_audit_event_free (ChamberAuditEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->at);
  g_free (event->person_name);
  g_free (event->document_title);
  g_free (event->detail);
  g_free (event);
}

void
chamber_delivery_free (ChamberDelivery *delivery)
{
  if (delivery == NULL)
    return;
  g_clear_pointer (&delivery->person, chamber_person_free);
  g_clear_pointer (&delivery->documents, g_ptr_array_unref);
  g_free (delivery);
}

static void
delivered_document_free (ChamberDeliveredDocument *document)
{
  g_free (document->title);
  g_free (document->downloaded_at);
  g_free (document);
}

/* Recording */

gboolean
chamber_audit_record (ChamberStore      *store,
                      gint64             person_id,
                      ChamberAuditAction action,
                      gint64             document_id,
                      gint64             session_id,
                      const char        *detail,
                      GError           **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *at = chamber_store_now_utc ();

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail ((guint) action < CHAMBER_N_AUDIT_ACTIONS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = chamber_store_prepare (store,
                                "INSERT INTO audit (at, person_id, action, document_id,"
                                "  session_id, detail)"
                                " VALUES (?1, ?2, ?3, ?4,"
                                "  coalesce (?5, (SELECT session_id FROM documents"
                                "                 WHERE id = ?4)), ?6)",
                                error);
  if (stmt == NULL)
    return FALSE;
  chamber_store_bind_text (stmt, 1, at);
  chamber_store_bind_id_or_null (stmt, 2, person_id);
  chamber_store_bind_text (stmt, 3, action_names[action]);
  chamber_store_bind_id_or_null (stmt, 4, document_id);
  chamber_store_bind_id_or_null (stmt, 5, session_id);
  chamber_store_bind_text (stmt, 6, detail);
  return chamber_store_step_done (store, stmt, error);
}

char *
chamber_audit_token_detail (gint64               token_id,
                            const ChamberPerson *owner)
{
  g_return_val_if_fail (owner != NULL, NULL);

  return g_strdup_printf ("token %lld of person %lld (%s)", (long long) token_id,
                          (long long) owner->id, owner->name);
}

gboolean
chamber_audit_record_download (ChamberStore        *store,
                               const ChamberPerson *person,
                               const char          *sha256,
                               const char          *detail,
                               GError             **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean row;
  gboolean ok;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_sha256_is_valid (sha256))
    return TRUE;

  if (!chamber_store_begin (store, error))
    return FALSE;

  stmt = chamber_store_prepare (store, "SELECT id FROM documents WHERE sha256 = ?1 ORDER BY id",
                                error);
  if (stmt == NULL)
    goto failed;
  chamber_store_bind_text (stmt, 1, sha256);
  while ((ok = chamber_store_step_row (store, stmt, &row, error)) && row)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  g_clear_pointer (&stmt, chamber_store_statement_release);
  if (!ok)
    goto failed;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (ChamberDocument) document = NULL;

      document = chamber_store_get_document (store, g_array_index (ids, gint64, i), error);
      if (document == NULL)
        goto failed;
      if (!chamber_store_person_may_read (store, person, document))
        continue;
      if (!chamber_audit_record (store, person->id, CHAMBER_AUDIT_DOWNLOAD, document->id,
                                 document->session_id, detail, error))
        goto failed;
    }
  return chamber_store_commit (store, error);

failed:
  chamber_store_rollback (store);
  return FALSE;
}

/* Listing */

GPtrArray *
chamber_audit_list (ChamberStore *store,
                    gint64        session_id,
                    guint         limit,
                    GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GPtrArray) events = NULL;
  gboolean row;
  gboolean ok;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);
  g_return_val_if_fail (limit > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (session_id > 0)
    {
      g_autoptr (ChamberSession) session = chamber_store_get_session (store, session_id, error);

      if (session == NULL)
        return NULL;
    }

  stmt = chamber_store_prepare (store,
                                "SELECT a.id, a.at, a.person_id, p.name, a.action,"
                                "  a.document_id, d.title, d.version, a.session_id, a.detail"
                                " FROM audit a"
                                " LEFT JOIN people p ON p.id = a.person_id"
                                " LEFT JOIN documents d ON d.id = a.document_id"
                                " WHERE ?1 IS NULL OR a.session_id = ?1"
                                " ORDER BY a.id DESC LIMIT ?2",
                                error);
  if (stmt == NULL)
    return NULL;
  chamber_store_bind_id_or_null (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, limit);

  events = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_audit_event_free);
  while ((ok = chamber_store_step_row (store, stmt, &row, error)) && row)
    {
      ChamberAuditEvent *event = g_new0 (ChamberAuditEvent, 1);

      event->id = sqlite3_column_int64 (stmt, 0);
      event->at = chamber_store_column_dup (stmt, 1);
      event->person_id = sqlite3_column_int64 (stmt, 2);
      event->person_name = chamber_store_column_dup (stmt, 3);
      chamber_audit_action_from_string ((const char *) sqlite3_column_text (stmt, 4),
                                        &event->action);
      event->document_id = sqlite3_column_int64 (stmt, 5);
      event->document_title = chamber_store_column_dup (stmt, 6);
      event->version = sqlite3_column_int (stmt, 7);
      event->session_id = sqlite3_column_int64 (stmt, 8);
      event->detail = chamber_store_column_dup (stmt, 9);
      g_ptr_array_add (events, event);
    }
  if (!ok)
    return NULL;
  return g_steal_pointer (&events);
}

/* Delivery */

/* "PERSON_ID DOCUMENT_ID" → the first download's time, for one session. */
static GHashTable *
first_downloads (ChamberStore *store,
                 gint64        session_id,
                 GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GHashTable) downloads = NULL;
  gboolean row;
  gboolean ok;

  stmt = chamber_store_prepare (store,
                                "SELECT person_id, document_id, min (at) FROM audit"
                                " WHERE session_id = ?1 AND action = 'download'"
                                "   AND person_id IS NOT NULL AND document_id IS NOT NULL"
                                " GROUP BY person_id, document_id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);

  downloads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((ok = chamber_store_step_row (store, stmt, &row, error)) && row)
    g_hash_table_insert (downloads,
                         g_strdup_printf ("%lld %lld",
                                          (long long) sqlite3_column_int64 (stmt, 0),
                                          (long long) sqlite3_column_int64 (stmt, 1)),
                         chamber_store_column_dup (stmt, 2));
  if (!ok)
    return NULL;
  return g_steal_pointer (&downloads);
}

/* Keeps the newest version of each document (same agenda item and title), in their order. */
static void
keep_newest_versions (GPtrArray *documents)
{
  g_autoptr (GHashTable) newest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);
      char *key = g_strdup_printf ("%lld %s", (long long) document->item_id, document->title);
      int seen = GPOINTER_TO_INT (g_hash_table_lookup (newest, key));

      if (document->version > seen)
        g_hash_table_insert (newest, key, GINT_TO_POINTER (document->version));
      else
        g_free (key);
    }

  for (guint i = documents->len; i > 0; i--)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i - 1);
      g_autofree char *key = g_strdup_printf ("%lld %s", (long long) document->item_id,
                                              document->title);

      if (GPOINTER_TO_INT (g_hash_table_lookup (newest, key)) != document->version)
        g_ptr_array_remove_index (documents, i - 1);
    }
}

GPtrArray *
chamber_audit_delivery (ChamberStore *store,
                        gint64        session_id,
                        GError      **error)
{
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GHashTable) downloads = NULL;
  g_autoptr (GPtrArray) deliveries = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  documents = chamber_store_list_documents (store, session_id, error);
  if (documents == NULL)
    return NULL;
  /* A draft reaches nobody until it is published (chamber-publish.h). */
  chamber_publish_drop_drafts (documents);
  keep_newest_versions (documents);
  people = chamber_store_list_people (store, error);
  if (people == NULL)
    return NULL;
  downloads = first_downloads (store, session_id, error);
  if (downloads == NULL)
    return NULL;

  deliveries = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_delivery_free);
  for (guint p = 0; p < people->len; p++)
    {
      const ChamberPerson *person = g_ptr_array_index (people, p);
      ChamberDelivery *delivery;

      if (!person->active
          || (person->role != CHAMBER_ROLE_DELEGATE && person->role != CHAMBER_ROLE_CHAIR
              && person->role != CHAMBER_ROLE_OFFICIAL))
        continue;

      delivery = g_new0 (ChamberDelivery, 1);
      delivery->person = chamber_person_copy (person);
      delivery->documents =
        g_ptr_array_new_with_free_func ((GDestroyNotify) delivered_document_free);
      for (guint d = 0; d < documents->len; d++)
        {
          const ChamberDocument *document = g_ptr_array_index (documents, d);
          g_autofree char *key = NULL;
          ChamberDeliveredDocument *delivered;

          if (!chamber_store_person_may_read (store, person, document))
            continue;
          key = g_strdup_printf ("%lld %lld", (long long) person->id, (long long) document->id);
          delivered = g_new0 (ChamberDeliveredDocument, 1);
          delivered->document_id = document->id;
          delivered->title = g_strdup (document->title);
          delivered->version = document->version;
          delivered->downloaded_at = g_strdup (g_hash_table_lookup (downloads, key));
          if (delivered->downloaded_at == NULL)
            delivery->n_missing++;
          g_ptr_array_add (delivery->documents, delivered);
        }
      g_ptr_array_add (deliveries, delivery);
    }
  return g_steal_pointer (&deliveries);
}

/* JSON */

static void
set_id_or_null (JsonObject *object,
                const char *member,
                gint64      id)
{
  if (id > 0)
    json_object_set_int_member (object, member, id);
  else
    json_object_set_null_member (object, member);
}


JsonNode *
chamber_audit_event_to_json (const ChamberAuditEvent *event)
{
  JsonObject *object = json_object_new ();

  g_return_val_if_fail (event != NULL, NULL);

  json_object_set_int_member (object, "id", event->id);
  json_object_set_string_member (object, "at", event->at);
  set_id_or_null (object, "person_id", event->person_id);
  chamber_json_object_set_optional_string (object, "person_name", event->person_name);
  json_object_set_string_member (object, "action", action_names[event->action]);
  set_id_or_null (object, "document_id", event->document_id);
  chamber_json_object_set_optional_string (object, "document_title", event->document_title);
  set_id_or_null (object, "version", event->version);
  set_id_or_null (object, "session_id", event->session_id);
  chamber_json_object_set_optional_string (object, "detail", event->detail);
  return chamber_json_node_take_object (object);
}

JsonNode *
chamber_delivery_to_json (const ChamberDelivery *delivery)
{
  JsonObject *object = json_object_new ();
  JsonArray *documents = json_array_sized_new (delivery->documents->len);
  JsonArray *missing = json_array_new ();

  json_object_set_int_member (object, "person_id", delivery->person->id);
  json_object_set_string_member (object, "name", delivery->person->name);
  chamber_json_object_set_optional_string (object, "group", delivery->person->group_name);
  for (guint i = 0; i < delivery->documents->len; i++)
    {
      const ChamberDeliveredDocument *document = g_ptr_array_index (delivery->documents, i);
      JsonObject *entry = json_object_new ();

      json_object_set_int_member (entry, "document_id", document->document_id);
      json_object_set_string_member (entry, "title", document->title);
      json_object_set_int_member (entry, "version", document->version);
      chamber_json_object_set_optional_string (entry, "downloaded_at", document->downloaded_at);
      json_array_add_element (documents, chamber_json_node_take_object (entry));
      if (document->downloaded_at == NULL)
        json_array_add_int_element (missing, document->document_id);
    }
  json_object_set_array_member (object, "documents", documents);
  json_object_set_array_member (object, "missing", missing);
  return chamber_json_node_take_object (object);
}
