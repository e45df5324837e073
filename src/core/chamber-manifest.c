/* chamber-manifest.c — parsing and writing the session manifest (see chamber-manifest.h).
 *
 * Parsing checks, in order: the byte size, the JSON itself (chamber_protocol_parse_object),
 * the format, each record with the protocol decoders, the counts, duplicate ids, and that
 * every item's parent and every document's item is in the manifest and in its session.
 * Errors are CHAMBER_PROTOCOL_ERROR and say which entry is wrong. */
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

static gboolean
parse_items (ChamberManifest *manifest, JsonObject *root, GHashTable *item_ids, GError **error)
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

      if (item->parent_id != 0 && !g_hash_table_contains (item_ids, &item->parent_id))
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
                 GError **error)
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

ChamberManifest *
chamber_manifest_parse (const char *data, gsize len, GError **error)
{
  g_autoptr (ChamberManifest) manifest = NULL;
  g_autoptr (JsonObject) root = NULL;
  g_autoptr (GHashTable) item_ids = NULL;
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

  item_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!parse_items (manifest, root, item_ids, error)
      || !parse_documents (manifest, root, item_ids, error)
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

  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, object);
  return chamber_json_to_string (root, out_len);
}
