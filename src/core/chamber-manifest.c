/* chamber-manifest.c — parsing and writing the session manifest (see chamber-manifest.h).
 *
 * Parsing checks, in order: the byte size, the JSON itself (chamber_protocol_parse_object),
 * the format, each record with the protocol decoders, the counts, duplicate ids, and that
 * every item's parent and every document's item is in the manifest and in its session (for an
 * incremental manifest: among its id lists). Errors are CHAMBER_PROTOCOL_ERROR and say which
 * entry is wrong. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-manifest.h"
#include "chamber-protocol.h"

ChamberManifest *
chamber_manifest_new (void)
{
  ChamberManifest *manifest = g_new0 (ChamberManifest, 1);

  manifest->format = CHAMBER_MANIFEST_FORMAT;
  manifest->items = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_item_free);
  manifest->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  manifest->people = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_person_free);
  manifest->item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  manifest->document_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  return manifest;
}

void
chamber_manifest_free (ChamberManifest *manifest)
{
  if (manifest == NULL)
    return;

  g_clear_pointer (&manifest->session, chamber_session_free);
  g_clear_pointer (&manifest->items, g_ptr_array_unref);
  g_clear_pointer (&manifest->documents, g_ptr_array_unref);
  g_clear_pointer (&manifest->people, g_ptr_array_unref);
  g_clear_pointer (&manifest->item_ids, g_array_unref);
  g_clear_pointer (&manifest->document_ids, g_array_unref);
  g_free (manifest);
}

/* The array member @member of @root, with at most @max elements. */
static JsonArray *
get_array (JsonObject *root, const char *member, guint max, GError **error)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MISSING,
                   _("The manifest has no “%s” list."), member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                   _("The member “%s” of the manifest must be a list."), member);
      return NULL;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > max)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_TOO_LARGE,
                   _("The manifest lists %u entries in “%s”; at most %u are allowed."), n,
                   member, max);
      return NULL;
    }
  return array;
}

/* The object at @index of @array, or an error naming the list and the entry. */
static JsonObject *
get_entry (JsonArray *array, const char *member, guint index, GError **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                   _("Entry %u of “%s” in the manifest must be an object."), index + 1, member);
      return NULL;
    }
  return json_node_get_object (node);
}

/* Adds @id to @seen; FALSE (with an error) when it is already there. */
static gboolean
check_unique (GHashTable *seen, gint64 id, const char *member, guint index, GError **error)
{
  gint64 *key;

  if (g_hash_table_contains (seen, &id))
    {
      g_autofree char *id_str = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("Entry %u of “%s” in the manifest repeats the id %s."), index + 1, member,
                   id_str);
      return FALSE;
    }

  key = g_new (gint64, 1);
  *key = id;
  g_hash_table_add (seen, key);
  return TRUE;
}

static void
prefix_entry_error (GError **error, const char *member, guint index)
{
  g_prefix_error (error, _("Entry %u of “%s” in the manifest: "), index + 1, member);
}

/* Every chain of parents must end at a top-level item: a cycle would make the agenda tree
 * endless for whoever walks it. Each item is walked up once, so this is linear. */
static gboolean
check_no_cycles (GPtrArray *items, GError **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) rooted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) walking = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GPtrArray) path = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      ChamberItem *item = g_ptr_array_index (items, i);

      g_hash_table_insert (by_id, &item->id, item);
    }

  for (guint i = 0; i < items->len; i++)
    {
      ChamberItem *item = g_ptr_array_index (items, i);

      g_hash_table_remove_all (walking);
      g_ptr_array_set_size (path, 0);
      while (item != NULL && !g_hash_table_contains (rooted, &item->id))
        {
          if (!g_hash_table_add (walking, &item->id))
            {
              g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item->id);

              g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                           _("The agenda item %s is its own ancestor: its parents form a "
                             "cycle."),
                           id);
              return FALSE;
            }
          g_ptr_array_add (path, item);
          item = item->parent_id != 0 ? g_hash_table_lookup (by_id, &item->parent_id) : NULL;
        }
      for (guint k = 0; k < path->len; k++)
        g_hash_table_add (rooted, &((ChamberItem *) g_ptr_array_index (path, k))->id);
    }

  return TRUE;
}

/* @item_ids collects the ids of the items listed; @known (NULL for a full manifest: the same)
 * holds the ids every reference may name. */
static gboolean
parse_items (ChamberManifest *manifest, JsonObject *root, GHashTable *item_ids, GHashTable *known,
             GError **error)
{
  JsonArray *array = get_array (root, "items", CHAMBER_MANIFEST_MAX_ITEMS, error);
  guint n;

  if (array == NULL)
    return FALSE;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = get_entry (array, "items", i, error);
      ChamberItem *item;

      if (object == NULL)
        return FALSE;
      item = chamber_item_from_json (object, error);
      if (item == NULL)
        {
          prefix_entry_error (error, "items", i);
          return FALSE;
        }
      g_ptr_array_add (manifest->items, item);

      if (!check_unique (item_ids, item->id, "items", i, error))
        return FALSE;
      if (known != NULL && !g_hash_table_contains (known, &item->id))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item->id);

          g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                       _("The agenda item %s is not in the manifest’s “item_ids”."), id);
          return FALSE;
        }
      if (item->session_id != manifest->session->id)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item->id);

          g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                       _("The agenda item %s belongs to another session than the manifest’s."),
                       id);
          return FALSE;
        }
    }

  /* Parents are checked once every id is known. */
  for (guint i = 0; i < manifest->items->len; i++)
    {
      ChamberItem *item = g_ptr_array_index (manifest->items, i);

      if (item->parent_id != 0
          && !g_hash_table_contains (known != NULL ? known : item_ids, &item->parent_id))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, item->id);
          g_autofree char *parent = g_strdup_printf ("%" G_GINT64_FORMAT, item->parent_id);

          g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                       _("The agenda item %s has the parent %s, which is not in the manifest."),
                       id, parent);
          return FALSE;
        }
    }

  return check_no_cycles (manifest->items, error);
}

static gboolean
parse_documents (ChamberManifest *manifest, JsonObject *root, GHashTable *item_ids,
                 GHashTable *known_documents, GError **error)
{
  g_autoptr (GHashTable) document_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                               g_free, NULL);
  JsonArray *array = get_array (root, "documents", CHAMBER_MANIFEST_MAX_DOCS, error);
  guint n;

  if (array == NULL)
    return FALSE;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = get_entry (array, "documents", i, error);
      ChamberDocument *document;

      if (object == NULL)
        return FALSE;
      document = chamber_document_from_json (object, error);
      if (document == NULL)
        {
          prefix_entry_error (error, "documents", i);
          return FALSE;
        }
      g_ptr_array_add (manifest->documents, document);

      if (!check_unique (document_ids, document->id, "documents", i, error))
        return FALSE;
      if (known_documents != NULL && !g_hash_table_contains (known_documents, &document->id))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, document->id);

          g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                       _("The document %s is not in the manifest’s “document_ids”."), id);
          return FALSE;
        }
      if (document->session_id != manifest->session->id)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, document->id);

          g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                       _("The document %s belongs to another session than the manifest’s."), id);
          return FALSE;
        }
      if (!g_hash_table_contains (item_ids, &document->item_id))
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, document->id);
          g_autofree char *item = g_strdup_printf ("%" G_GINT64_FORMAT, document->item_id);

          g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                       _("The document %s belongs to the agenda item %s, which is not in the "
                         "manifest."),
                       id, item);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
parse_people (ChamberManifest *manifest, JsonObject *root, GError **error)
{
  g_autoptr (GHashTable) person_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
  JsonArray *array = get_array (root, "people", CHAMBER_MANIFEST_MAX_PEOPLE, error);
  guint n;

  if (array == NULL)
    return FALSE;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *object = get_entry (array, "people", i, error);
      ChamberPerson *person;

      if (object == NULL)
        return FALSE;
      person = chamber_person_from_json (object, error);
      if (person == NULL)
        {
          prefix_entry_error (error, "people", i);
          return FALSE;
        }
      g_ptr_array_add (manifest->people, person);

      if (!check_unique (person_ids, person->id, "people", i, error))
        return FALSE;
    }

  return TRUE;
}

/* The list of ids @member of an incremental manifest into @out and @set: positive integers,
 * each once, at most @max. */
static gboolean
parse_ids (JsonObject *root, const char *member, guint max, GArray *out, GHashTable *set,
           GError **error)
{
  JsonArray *array = get_array (root, member, max, error);
  guint n;

  if (array == NULL)
    return FALSE;
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
          || (id = json_node_get_int (node)) < 1)
        {
          g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                       _("Entry %u of “%s” in the manifest must be a positive whole number."),
                       i + 1, member);
          return FALSE;
        }
      if (!check_unique (set, id, member, i, error))
        return FALSE;
      g_array_append_val (out, id);
    }
  return TRUE;
}

/* Reads "incremental", "since", "item_ids" and "document_ids" when the manifest says it is
 * incremental; @known_items and @known_documents then hold the ids. */
static gboolean
parse_incremental (ChamberManifest *manifest, JsonObject *root, GHashTable *known_items,
                   GHashTable *known_documents, GError **error)
{
  JsonNode *node = json_object_get_member (root, "incremental");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                   _("The member “%s” of the manifest must be true or false."), "incremental");
      return FALSE;
    }
  manifest->incremental = json_node_get_boolean (node);
  if (!manifest->incremental)
    return TRUE;

  return chamber_json_get_int (root, "since", TRUE, 0, manifest->revision, &manifest->since,
                               error)
         && parse_ids (root, "item_ids", CHAMBER_MANIFEST_MAX_ITEMS, manifest->item_ids,
                       known_items, error)
         && parse_ids (root, "document_ids", CHAMBER_MANIFEST_MAX_DOCS, manifest->document_ids,
                       known_documents, error);
}

ChamberManifest *
chamber_manifest_parse (const char *data, gsize len, GError **error)
{
  g_autoptr (ChamberManifest) manifest = NULL;
  g_autoptr (JsonObject) root = NULL;
  g_autoptr (GHashTable) item_ids = NULL;
  g_autoptr (GHashTable) known_items = NULL;
  g_autoptr (GHashTable) known_documents = NULL;
  JsonNode *session_node;
  gint64 format = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  root = chamber_protocol_parse_object (data, len, CHAMBER_MANIFEST_MAX_BYTES, error);
  if (root == NULL)
    {
      g_prefix_error (error, _("The session manifest cannot be read: "));
      return NULL;
    }

  if (!chamber_json_get_int (root, "format", TRUE, 0, G_MAXINT, &format, error))
    return NULL;
  if (format != CHAMBER_MANIFEST_FORMAT)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The session manifest has format %d, but this version of Chamber reads "
                     "format %d. Update Chamber or the server so that both match."),
                   (int) format, CHAMBER_MANIFEST_FORMAT);
      return NULL;
    }

  manifest = chamber_manifest_new ();
  manifest->format = (int) format;
  if (!chamber_json_get_int (root, "revision", TRUE, 0, G_MAXINT64, &manifest->revision, error))
    return NULL;

  session_node = json_object_get_member (root, "session");
  if (session_node == NULL || JSON_NODE_HOLDS_NULL (session_node))
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MISSING,
                   _("The manifest has no “%s” record."), "session");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (session_node))
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                   _("The member “%s” of the manifest must be an object."), "session");
      return NULL;
    }
  manifest->session = chamber_session_from_json (json_node_get_object (session_node), error);
  if (manifest->session == NULL)
    {
      g_prefix_error (error, _("The session of the manifest: "));
      return NULL;
    }

  known_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  known_documents = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!parse_incremental (manifest, root, known_items, known_documents, error))
    return NULL;

  item_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!parse_items (manifest, root, item_ids, manifest->incremental ? known_items : NULL, error)
      || !parse_documents (manifest, root, manifest->incremental ? known_items : item_ids,
                           manifest->incremental ? known_documents : NULL, error)
      || !parse_people (manifest, root, error))
    return NULL;

  return g_steal_pointer (&manifest);
}

typedef JsonNode *(*RecordToJson) (gconstpointer record);

static JsonNode *
item_to_json (gconstpointer record)
{
  return chamber_item_to_json (record);
}

static JsonNode *
document_to_json (gconstpointer record)
{
  return chamber_document_to_json (record);
}

static JsonNode *
person_to_json (gconstpointer record)
{
  return chamber_person_to_json (record);
}

static JsonArray *
array_of (GPtrArray *records, RecordToJson to_json)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; records != NULL && i < records->len; i++)
    json_array_add_element (array, to_json (g_ptr_array_index (records, i)));
  return array;
}

static JsonArray *
ids_array (GArray *ids)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    json_array_add_int_element (array, g_array_index (ids, gint64, i));
  return array;
}

char *
chamber_manifest_to_json (const ChamberManifest *manifest, gsize *out_len)
{
  g_autoptr (JsonNode) root = NULL;
  JsonObject *object;

  g_return_val_if_fail (manifest != NULL, NULL);
  g_return_val_if_fail (manifest->session != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "format", manifest->format);
  json_object_set_int_member (object, "revision", manifest->revision);
  json_object_set_member (object, "session", chamber_session_to_json (manifest->session));
  json_object_set_array_member (object, "items", array_of (manifest->items, item_to_json));
  json_object_set_array_member (object, "documents",
                                array_of (manifest->documents, document_to_json));
  json_object_set_array_member (object, "people", array_of (manifest->people, person_to_json));
  if (manifest->incremental)
    {
      json_object_set_boolean_member (object, "incremental", TRUE);
      json_object_set_int_member (object, "since", manifest->since);
      json_object_set_array_member (object, "item_ids", ids_array (manifest->item_ids));
      json_object_set_array_member (object, "document_ids", ids_array (manifest->document_ids));
    }

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);
  return chamber_json_to_string (root, out_len);
}

/* Versions and incremental manifests */

static char *
lineage_key (const ChamberDocument *document)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "\n%s", document->item_id, document->title);
}

void
chamber_manifest_keep_newest_versions (GPtrArray *documents)
{
  g_autoptr (GHashTable) newest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_if_fail (documents != NULL);

  for (guint i = 0; i < documents->len; i++)
    {
      ChamberDocument *document = g_ptr_array_index (documents, i);
      char *key = lineage_key (document);
      ChamberDocument *seen = g_hash_table_lookup (newest, key);

      if (seen == NULL || document->version > seen->version)
        g_hash_table_insert (newest, key, document);
      else
        g_free (key);
    }
  for (guint i = documents->len; i > 0; i--)
    {
      ChamberDocument *document = g_ptr_array_index (documents, i - 1);
      g_autofree char *key = lineage_key (document);

      if (g_hash_table_lookup (newest, key) != document)
        g_ptr_array_remove_index (documents, i - 1);
    }
}

ChamberManifest *
chamber_manifest_since (const ChamberManifest *full, gint64 since)
{
  ChamberManifest *manifest;

  g_return_val_if_fail (full != NULL && full->session != NULL, NULL);

  manifest = chamber_manifest_new ();
  manifest->format = full->format;
  manifest->revision = full->revision;
  manifest->session = chamber_session_copy (full->session);
  manifest->incremental = TRUE;
  manifest->since = since;
  for (guint i = 0; i < full->items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (full->items, i);

      g_array_append_val (manifest->item_ids, item->id);
      if (item->changed_at > since)
        g_ptr_array_add (manifest->items, chamber_item_copy (item));
    }
  for (guint i = 0; i < full->documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (full->documents, i);

      g_array_append_val (manifest->document_ids, document->id);
      if (document->changed_at > since)
        g_ptr_array_add (manifest->documents, chamber_document_copy (document));
    }
  for (guint i = 0; i < full->people->len; i++)
    g_ptr_array_add (manifest->people, chamber_person_copy (g_ptr_array_index (full->people, i)));
  return manifest;
}

/* Indexes @records (ChamberItem or ChamberDocument: both begin with their gint64 id) by id. */
static GHashTable *
index_by_id (GPtrArray *records)
{
  GHashTable *by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      gint64 *id = g_ptr_array_index (records, i);

      g_hash_table_insert (by_id, id, id);
    }
  return by_id;
}

static gpointer set_invalid (GError **error, const char *format, ...) G_GNUC_PRINTF (2, 3);

/* Sets CHAMBER_PROTOCOL_ERROR_INVALID and returns NULL. */
static gpointer
set_invalid (GError **error, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CHAMBER_PROTOCOL_ERROR,
                                                CHAMBER_PROTOCOL_ERROR_INVALID, format, args));
  va_end (args);
  return NULL;
}

ChamberManifest *
chamber_manifest_merge (const ChamberManifest *incremental,
                        GPtrArray             *held_items,
                        GPtrArray             *held_documents,
                        GError               **error)
{
  g_autoptr (ChamberManifest) merged = chamber_manifest_new ();
  g_autoptr (GHashTable) new_items = NULL;
  g_autoptr (GHashTable) new_documents = NULL;
  g_autoptr (GHashTable) old_items = NULL;
  g_autoptr (GHashTable) old_documents = NULL;
  g_autoptr (GHashTable) merged_items = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_val_if_fail (incremental != NULL && incremental->session != NULL, NULL);

  merged->format = incremental->format;
  merged->revision = incremental->revision;
  merged->session = chamber_session_copy (incremental->session);
  for (guint i = 0; i < incremental->people->len; i++)
    g_ptr_array_add (merged->people,
                     chamber_person_copy (g_ptr_array_index (incremental->people, i)));

  if (!incremental->incremental)
    {
      for (guint i = 0; i < incremental->items->len; i++)
        g_ptr_array_add (merged->items,
                         chamber_item_copy (g_ptr_array_index (incremental->items, i)));
      for (guint i = 0; i < incremental->documents->len; i++)
        g_ptr_array_add (merged->documents,
                         chamber_document_copy (g_ptr_array_index (incremental->documents, i)));
      return g_steal_pointer (&merged);
    }

  new_items = index_by_id (incremental->items);
  new_documents = index_by_id (incremental->documents);
  old_items = index_by_id (held_items);
  old_documents = index_by_id (held_documents);

  for (guint i = 0; i < incremental->item_ids->len; i++)
    {
      gint64 id = g_array_index (incremental->item_ids, gint64, i);
      const ChamberItem *item = g_hash_table_lookup (new_items, &id);
      ChamberItem *copy;

      if (item == NULL)
        item = g_hash_table_lookup (old_items, &id);
      if (item == NULL)
        return set_invalid (error, _("The agenda item %lld is neither in the manifest nor "
                                     "on this computer."),
                            (long long) id);
      copy = chamber_item_copy (item);
      g_ptr_array_add (merged->items, copy);
      g_hash_table_add (merged_items, &copy->id);
    }
  for (guint i = 0; i < merged->items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (merged->items, i);

      if (item->parent_id != 0 && !g_hash_table_contains (merged_items, &item->parent_id))
        return set_invalid (error, _("The parent of agenda item %lld is missing."),
                            (long long) item->id);
    }
  for (guint i = 0; i < incremental->document_ids->len; i++)
    {
      gint64 id = g_array_index (incremental->document_ids, gint64, i);
      const ChamberDocument *document = g_hash_table_lookup (new_documents, &id);

      if (document == NULL)
        document = g_hash_table_lookup (old_documents, &id);
      if (document == NULL)
        return set_invalid (error, _("The document %lld is neither in the manifest nor on "
                                     "this computer."),
                            (long long) id);
      if (!g_hash_table_contains (merged_items, &document->item_id))
        return set_invalid (error, _("The agenda item of document %lld is missing."),
                            (long long) document->id);
      g_ptr_array_add (merged->documents, chamber_document_copy (document));
    }
  return g_steal_pointer (&merged);
}
