/* chamber-server-sessions.c — sessions, their agenda items, their documents and the manifest
 * (docs/protocol.md). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-desk-store.h"
#include "chamber-hash.h"
#include "chamber-manifest.h"
#include "chamber-protocol.h"
#include "chamber-publish.h"
#include "chamber-server-private.h"

#define MAX_SESSION_NUMBER  9999
#define MAX_PLANNED_MINUTES (7 * 24 * 60)
#define MAX_POSITION        100000
#define MAX_MANIFEST_READS  5

/* Answers that the session of the path id cannot be read: 404 unless @error says otherwise. */
static void
reply_no_session (ChamberRequest *request,
                  const GError   *error)
{
  g_autofree char *message =
    g_strdup_printf (_("There is no session %lld. Check the session id."),
                     (long long) request->id);

  chamber_request_reply_lookup_failed (request, error, message);
}

/* The session of the request's path id, or NULL having answered 404 (or 500). */
static ChamberSession *
lookup_session (ChamberRequest *request)
{
  g_autoptr (GError) error = NULL;
  ChamberSession *session = chamber_store_get_session (request->server->store, request->id,
                                                       &error);

  if (session == NULL)
    reply_no_session (request, error);
  return session;
}

static gboolean
read_date (ChamberRequest *request,
           JsonObject     *object,
           const char     *member,
           char          **out)
{
  g_autofree char *value = NULL;
  guint64 year, month, day;
  char **parts;
  gboolean valid;

  if (!chamber_request_read_text (request, object, member, FALSE, &value))
    return FALSE;
  if (value == NULL)
    {
      *out = NULL;
      return TRUE;
    }

  parts = g_strsplit (value, "-", -1);
  valid = strlen (value) == 10 && g_strv_length (parts) == 3
          && strlen (parts[0]) == 4 && strlen (parts[1]) == 2 && strlen (parts[2]) == 2
          && g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &year, NULL)
          && g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL)
          && g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL)
          && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
  g_strfreev (parts);
  if (!valid)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” must be a date written YYYY-MM-DD, like 2024-12-09."), member);
      chamber_request_reply_bad_request (request, message);
      return FALSE;
    }
  *out = g_steal_pointer (&value);
  return TRUE;
}

/* Sets @session's kind from @kind (NULL: unchanged) and checks that it ends no earlier than it
 * starts; FALSE having answered 400. */
static gboolean
read_kind_and_dates (ChamberRequest *request,
                     ChamberSession *session,
                     const char     *kind)
{
  if (kind != NULL && !chamber_session_kind_from_string (kind, &session->kind))
    {
      chamber_request_reply_bad_request (request,
                                         _("“kind” must be “regular”, “thematic” or "
                                           "“extraordinary”."));
      return FALSE;
    }
  if (session->starts_on != NULL && session->ends_on != NULL
      && strcmp (session->ends_on, session->starts_on) < 0)
    {
      chamber_request_reply_bad_request (request,
                                         _("“ends_on” is before “starts_on”: check the dates."));
      return FALSE;
    }
  return TRUE;
}

void
chamber_server_get_sessions (ChamberRequest *request)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = chamber_store_list_sessions (request->server->store, &error);
  JsonArray *array;

  if (sessions == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_sized_new (sessions->len);
  for (guint i = 0; i < sessions->len; i++)
    json_array_add_element (array, chamber_session_to_json (g_ptr_array_index (sessions, i)));
  chamber_server_reply_array (request->msg, "sessions", array);
}

void
chamber_server_post_sessions (ChamberRequest *request)
{
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kind = NULL;
  gint64 number = 0;

  object = chamber_request_read_object (request, FALSE);
  if (object == NULL)
    return;

  session = chamber_session_new ();
  if (!chamber_json_get_int (object, "number", TRUE, 1, MAX_SESSION_NUMBER, &number, &error))
    {
      chamber_request_reply_bad_request (request, error->message);
      return;
    }
  session->number = (int) number;
  if (!chamber_request_read_text (request, object, "title", TRUE, &session->title)
      || !chamber_request_read_text (request, object, "kind", FALSE, &kind)
      || !chamber_request_read_text (request, object, "place", FALSE, &session->place)
      || !read_date (request, object, "starts_on", &session->starts_on)
      || !read_date (request, object, "ends_on", &session->ends_on))
    return;

  session->kind = CHAMBER_SESSION_REGULAR;
  if (!read_kind_and_dates (request, session, kind))
    return;
  session->state = CHAMBER_SESSION_STATE_PREPARING;

  if (!chamber_store_insert_session (request->server->store, session, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_carry_commitments (request->server, session, request->caller->id);
  chamber_server_reply_member (request->msg, SOUP_STATUS_CREATED, "session",
                               chamber_session_to_json (session));
}

void
chamber_server_get_session (ChamberRequest *request)
{
  g_autoptr (ChamberSession) session = lookup_session (request);

  if (session != NULL)
    chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "session",
                                 chamber_session_to_json (session));
}

void
chamber_server_get_session_items (ChamberRequest *request)
{
  g_autoptr (ChamberSession) session = lookup_session (request);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *array;

  if (session == NULL)
    return;
  items = chamber_store_list_items (request->server->store, session->id, &error);
  if (items == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_sized_new (items->len);
  for (guint i = 0; i < items->len; i++)
    json_array_add_element (array, chamber_item_to_json (g_ptr_array_index (items, i)));
  chamber_server_reply_array (request->msg, "items", array);
}

/* Bumps @session's revision unless it already moved past the one read before the change. */
static gboolean
ensure_revision_moved (ChamberStore         *store,
                       const ChamberSession *session,
                       GError              **error)
{
  g_autoptr (ChamberSession) now = chamber_store_get_session (store, session->id, error);

  if (now == NULL)
    return FALSE;
  if (now->revision > session->revision)
    return TRUE;
  return chamber_store_bump_revision (store, session->id, error) > 0;
}

/* Whether @parent_id (0: none) is an agenda item of session @session_id; FALSE having
 * answered 400 when it is not. */
static gboolean
check_parent (ChamberRequest *request,
              gint64          parent_id,
              gint64          session_id)
{
  g_autoptr (ChamberItem) parent = NULL;
  g_autofree char *message = NULL;

  if (parent_id == 0)
    return TRUE;
  parent = chamber_store_get_item (request->server->store, parent_id, NULL);
  if (parent != NULL && parent->session_id == session_id)
    return TRUE;
  message = g_strdup_printf (_("“parent_id” %lld is not an agenda item of session %lld."),
                             (long long) parent_id, (long long) session_id);
  chamber_request_reply_bad_request (request, message);
  return FALSE;
}

void
chamber_server_post_session_items (ChamberRequest *request)
{
  ChamberStore *store = request->server->store;
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (ChamberItem) item = NULL;
  g_autoptr (ChamberItem) stored = NULL;
  g_autoptr (GError) error = NULL;
  gint64 parent_id = 0, minutes = 0, position = -1;

  session = lookup_session (request);
  if (session == NULL)
    return;
  object = chamber_request_read_object (request, FALSE);
  if (object == NULL)
    return;

  item = chamber_item_new ();
  item->session_id = session->id;
  if (!chamber_request_read_text (request, object, "title", TRUE, &item->title))
    return;
  if (!chamber_json_get_int (object, "parent_id", FALSE, 0, G_MAXINT64, &parent_id, &error)
      || !chamber_json_get_int (object, "planned_minutes", FALSE, 0, MAX_PLANNED_MINUTES,
                                &minutes, &error)
      || !chamber_json_get_int (object, "position", FALSE, 0, MAX_POSITION, &position,
                                &error))
    {
      chamber_request_reply_bad_request (request, error->message);
      return;
    }

  if (!check_parent (request, parent_id, session->id))
    return;
  item->parent_id = parent_id;
  item->planned_minutes = (int) minutes;
  item->position = (int) position;
  item->state = CHAMBER_ITEM_STATE_NOT_STARTED;

  /* The item and the session's new revision are one change. The store may already count the
   * insert as a revision; the session must move on exactly once either way. */
  if (!chamber_store_begin (store, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (!chamber_store_insert_item (store, item, &error)
      || !ensure_revision_moved (store, session, &error))
    {
      chamber_store_rollback (store);
      if (error != NULL)
        chamber_server_reply_gerror (request->msg, error);
      else
        reply_no_session (request, NULL);
      return;
    }
  if (!chamber_store_commit (store, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }

  stored = chamber_store_get_item (store, item->id, NULL);
  chamber_server_reply_member (request->msg, SOUP_STATUS_CREATED, "item",
                               chamber_item_to_json (stored != NULL ? stored : item));
}

/* The documents of @session_id that @caller may read. */
static GPtrArray *
readable_documents (ChamberStore        *store,
                    gint64               session_id,
                    const ChamberPerson *caller,
                    GError             **error)
{
  g_autoptr (GPtrArray) documents = chamber_store_list_documents (store, session_id, error);

  if (documents == NULL)
    return NULL;
  for (guint i = documents->len; i > 0; i--)
    if (!chamber_store_person_may_read (store, caller, g_ptr_array_index (documents, i - 1)))
      g_ptr_array_remove_index (documents, i - 1);
  return g_steal_pointer (&documents);
}

void
chamber_server_get_session_documents (ChamberRequest *request)
{
  g_autoptr (ChamberSession) session = lookup_session (request);
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *array;

  if (session == NULL)
    return;
  documents = readable_documents (request->server->store, session->id, request->caller,
                                  &error);
  if (documents == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_sized_new (documents->len);
  for (guint i = 0; i < documents->len; i++)
    json_array_add_element (array, chamber_document_to_json (g_ptr_array_index (documents, i)));
  chamber_server_reply_array (request->msg, "documents", array);
}

/* Reads the session, its items, the newest version of each document @reader may read and the
 * people. */
static ChamberManifest *
build_manifest (ChamberStore        *store,
                gint64               session_id,
                const ChamberPerson *reader,
                GError             **error)
{
  g_autoptr (ChamberManifest) manifest = chamber_manifest_new ();
  GPtrArray *items, *documents, *people;

  manifest->format = CHAMBER_MANIFEST_FORMAT;
  manifest->session = chamber_store_get_session (store, session_id, error);
  if (manifest->session == NULL)
    return NULL;
  manifest->revision = manifest->session->revision;

  items = chamber_store_list_items (store, session_id, error);
  if (items == NULL)
    return NULL;
  g_clear_pointer (&manifest->items, g_ptr_array_unref);
  manifest->items = items;

  documents = readable_documents (store, session_id, reader, error);
  if (documents == NULL)
    return NULL;
  /* A manifest is what has been published, for the secretariat too: a draft new version leaves
   * the published one in place until it is published itself (chamber-publish.h). */
  chamber_publish_drop_drafts (documents);
  chamber_manifest_keep_newest_versions (documents);
  g_clear_pointer (&manifest->documents, g_ptr_array_unref);
  manifest->documents = documents;

  people = chamber_store_list_people (store, error);
  if (people == NULL)
    return NULL;
  g_clear_pointer (&manifest->people, g_ptr_array_unref);
  manifest->people = people;

  return g_steal_pointer (&manifest);
}

ChamberManifest *
chamber_server_read_manifest (ChamberStore        *store,
                              gint64               session_id,
                              const ChamberPerson *reader,
                              GError             **error)
{
  g_autoptr (ChamberManifest) manifest = NULL;

  /* An upload checked in a worker thread may commit while the manifest is read. Rather than
   * hold the store's write lock for a read, read again until the session's revision did not
   * move meanwhile, so the manifest is one revision. */
  for (int attempt = 0; attempt < MAX_MANIFEST_READS; attempt++)
    {
      g_autoptr (ChamberSession) after = NULL;

      g_clear_pointer (&manifest, chamber_manifest_free);
      manifest = build_manifest (store, session_id, reader, error);
      if (manifest == NULL)
        return NULL;
      after = chamber_store_get_session (store, session_id, NULL);
      if (after == NULL || after->revision == manifest->revision)
        break;
    }
  return g_steal_pointer (&manifest);
}

/* The "since" query parameter of a manifest request: FALSE having answered 400 when it is not
 * a plain decimal revision (no sign, no leading zero, no overflow); *@out_since -1 without it. */
static gboolean
read_since (ChamberRequest *request,
            gint64         *out_since)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (request->msg));
  g_autoptr (GHashTable) params = NULL;
  const char *value;

  *out_since = -1;
  if (query == NULL)
    return TRUE;
  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  if (params == NULL)
    {
      chamber_request_reply_bad_request (request, _("The query string cannot be read."));
      return FALSE;
    }
  value = g_hash_table_lookup (params, "since");
  if (value == NULL)
    return TRUE;
  if (g_str_equal (value, "0"))
    {
      *out_since = 0;
      return TRUE;
    }
  if (!chamber_server_parse_id (value, out_since))
    {
      chamber_request_reply_bad_request (request,
                                         _("“since” must be a revision: a whole number from 0, "
                                           "written without sign or leading zeros."));
      return FALSE;
    }
  return TRUE;
}

void
chamber_server_get_session_manifest (ChamberRequest *request)
{
  ChamberStore *store = request->server->store;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->msg);
  g_autoptr (ChamberManifest) manifest = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *etag = NULL;
  const char *if_none_match;
  gint64 since;
  gsize len = 0;

  if (!read_since (request, &since))
    return;
  manifest = chamber_server_read_manifest (store, request->id, request->caller, &error);
  if (manifest == NULL)
    {
      reply_no_session (request, error);
      return;
    }

  body = chamber_manifest_to_json (manifest, &len);
  hash = chamber_sha256_hex (body, len);
  etag = g_strdup_printf ("\"%s\"", hash);
  soup_message_headers_replace (headers, "ETag", etag);
  soup_message_headers_replace (headers, "Cache-Control", "no-cache");

  if_none_match = soup_message_headers_get_one (
    soup_server_message_get_request_headers (request->msg), "If-None-Match");
  if (chamber_server_etag_matches (if_none_match, etag))
    {
      soup_server_message_set_status (request->msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  /* The ETag names the full manifest (what the caller may read now), so an unchanged session
   * costs one 304 whether or not "since" was given. With "since" the body holds only what
   * changed after it; a "since" past the revision (a server restored from a backup) gets the
   * full manifest. */
  if (since >= 0 && since <= manifest->revision)
    {
      g_autoptr (ChamberManifest) incremental = chamber_manifest_since (manifest, since);

      g_free (body);
      body = chamber_manifest_to_json (incremental, &len);
    }
  soup_server_message_set_status (request->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (request->msg, "application/json", SOUP_MEMORY_TAKE,
                                    g_steal_pointer (&body), len);
}

/* The secretariat's desk: editing sessions and agenda items (docs/protocol.md). */

/* Answers an error of chamber-desk-store: INVALID 400, CONFLICT 409, the rest as usual. */
static void
reply_desk_error (ChamberRequest *request,
                  const GError   *error)
{
  if (g_error_matches (error, CHAMBER_DESK_ERROR, CHAMBER_DESK_ERROR_INVALID))
    chamber_request_reply_bad_request (request, error->message);
  else if (g_error_matches (error, CHAMBER_DESK_ERROR, CHAMBER_DESK_ERROR_CONFLICT))
    chamber_server_reply_error (request->msg, SOUP_STATUS_CONFLICT, "conflict", error->message);
  else
    chamber_server_reply_gerror (request->msg, error);
}

static gboolean
read_changed_date (ChamberRequest *request,
                   JsonObject     *object,
                   const char     *member,
                   char          **out)
{
  g_autofree char *value = NULL;

  if (!json_object_has_member (object, member))
    return TRUE;
  if (!read_date (request, object, member, &value))
    return FALSE;
  g_free (*out);
  *out = g_steal_pointer (&value);
  return TRUE;
}

void
chamber_server_put_session (ChamberRequest *request)
{
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (ChamberSession) stored = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *state = NULL;

  session = lookup_session (request);
  if (session == NULL)
    return;
  object = chamber_request_read_object (request, FALSE);
  if (object == NULL)
    return;

  if (json_object_has_member (object, "number"))
    {
      gint64 number = 0;

      if (!chamber_json_get_int (object, "number", TRUE, 1, MAX_SESSION_NUMBER, &number,
                                 &error))
        {
          chamber_request_reply_bad_request (request, error->message);
          return;
        }
      session->number = (int) number;
    }
  if (json_object_has_member (object, "title"))
    {
      g_autofree char *title = NULL;

      if (!chamber_request_read_text (request, object, "title", TRUE, &title))
        return;
      g_free (session->title);
      session->title = g_steal_pointer (&title);
    }
  if (!chamber_request_read_text (request, object, "kind", FALSE, &kind)
      || !chamber_request_read_text (request, object, "state", FALSE, &state)
      || !chamber_request_read_changed_text (request, object, "place", &session->place)
      || !read_changed_date (request, object, "starts_on", &session->starts_on)
      || !read_changed_date (request, object, "ends_on", &session->ends_on))
    return;
  if (!read_kind_and_dates (request, session, kind))
    return;
  if (state != NULL)
    {
      ChamberSessionState to;

      if (!chamber_session_state_from_string (state, &to))
        {
          chamber_request_reply_bad_request (request,
                                             _("“state” must be “preparing”, “open” or “closed”."));
          return;
        }
      if (!chamber_session_state_may_change (session->state, to))
        {
          g_autofree char *message =
            g_strdup_printf (_("A session cannot go from “%s” to “%s”: it goes from preparing "
                               "to open to closed, and a closed one may be opened again."),
                             chamber_session_state_to_string (session->state), state);

          chamber_server_reply_error (request->msg, SOUP_STATUS_CONFLICT, "conflict", message);
          return;
        }
      session->state = to;
    }

  if (!chamber_store_update_session (request->server->store, session, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  stored = chamber_store_get_session (request->server->store, session->id, NULL);
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "session",
                               chamber_session_to_json (stored != NULL ? stored : session));
}

void
chamber_server_post_session_copy_agenda (ChamberRequest *request)
{
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gint64 from = 0;
  JsonArray *array;

  session = lookup_session (request);
  if (session == NULL)
    return;
  object = chamber_request_read_object (request, FALSE);
  if (object == NULL)
    return;
  if (!chamber_json_get_int (object, "from", TRUE, 1, G_MAXINT64, &from, &error))
    {
      chamber_request_reply_bad_request (request, error->message);
      return;
    }
  if (from == session->id)
    {
      chamber_request_reply_bad_request (request,
                                         _("“from” names this session itself: choose an earlier "
                                           "session to copy the agenda from."));
      return;
    }

  items = chamber_desk_store_copy_agenda (request->server->store, session->id, from, &error);
  if (items == NULL)
    {
      if (g_error_matches (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *message =
            g_strdup_printf (_("There is no session %lld to copy the agenda from."),
                             (long long) from);

          chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found", message);
        }
      else
        reply_desk_error (request, error);
      return;
    }
  array = json_array_sized_new (items->len);
  for (guint i = 0; i < items->len; i++)
    json_array_add_element (array, chamber_item_to_json (g_ptr_array_index (items, i)));
  {
    JsonObject *answer = json_object_new ();
    JsonNode *root = json_node_new (JSON_NODE_OBJECT);

    json_object_set_array_member (answer, "items", array);
    json_node_take_object (root, answer);
    chamber_server_reply_json (request->msg, SOUP_STATUS_CREATED, root);
  }
}

/* The item of the request's path id, or NULL having answered 404 (or 500). */
static ChamberItem *
lookup_item (ChamberRequest *request)
{
  g_autoptr (GError) error = NULL;
  ChamberItem *item = chamber_store_get_item (request->server->store, request->id, &error);

  if (item == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no agenda item %lld. Check the item id."),
                         (long long) request->id);

      chamber_request_reply_lookup_failed (request, error, message);
    }
  return item;
}

void
chamber_server_put_item (ChamberRequest *request)
{
  ChamberStore *store = request->server->store;
  g_autoptr (ChamberItem) item = NULL;
  g_autoptr (ChamberItem) stored = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (GError) error = NULL;

  item = lookup_item (request);
  if (item == NULL)
    return;
  object = chamber_request_read_object (request, FALSE);
  if (object == NULL)
    return;

  if (json_object_has_member (object, "title"))
    {
      g_autofree char *title = NULL;

      if (!chamber_request_read_text (request, object, "title", TRUE, &title))
        return;
      g_free (item->title);
      item->title = g_steal_pointer (&title);
    }
  if (json_object_has_member (object, "planned_minutes"))
    {
      gint64 minutes = 0;

      if (!chamber_json_get_int (object, "planned_minutes", TRUE, 0, MAX_PLANNED_MINUTES,
                                 &minutes, &error))
        {
          chamber_request_reply_bad_request (request, error->message);
          return;
        }
      item->planned_minutes = (int) minutes;
    }
  if (json_object_has_member (object, "questioning"))
    {
      JsonNode *node = json_object_get_member (object, "questioning");

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          chamber_request_reply_bad_request (request, _("“questioning” must be true or false."));
          return;
        }
      item->questioning = json_node_get_boolean (node);
    }
  if (json_object_has_member (object, "parent_id"))
    {
      gint64 parent_id = 0;

      if (!JSON_NODE_HOLDS_NULL (json_object_get_member (object, "parent_id"))
          && !chamber_json_get_int (object, "parent_id", TRUE, 1, G_MAXINT64, &parent_id,
                                    &error))
        {
          chamber_request_reply_bad_request (request, error->message);
          return;
        }
      if (!check_parent (request, parent_id, item->session_id))
        return;
      if (parent_id != item->parent_id && !json_object_has_member (object, "position"))
        item->position = -1;  /* a new parent without a position: last among its children */
      item->parent_id = parent_id;
    }
  if (json_object_has_member (object, "position"))
    {
      gint64 position = 0;

      if (!chamber_json_get_int (object, "position", TRUE, 0, MAX_POSITION, &position, &error))
        {
          chamber_request_reply_bad_request (request, error->message);
          return;
        }
      item->position = (int) position;
    }

  if (!chamber_desk_store_update_item (store, item, &error))
    {
      reply_desk_error (request, error);
      return;
    }
  stored = chamber_store_get_item (store, item->id, NULL);
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "item",
                               chamber_item_to_json (stored != NULL ? stored : item));
}

void
chamber_server_delete_item (ChamberRequest *request)
{
  g_autoptr (ChamberItem) item = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *answer;
  JsonNode *root;

  item = lookup_item (request);
  if (item == NULL)
    return;
  if (!chamber_desk_store_delete_item (request->server->store, item->id, &error))
    {
      reply_desk_error (request, error);
      return;
    }
  answer = json_object_new ();
  json_object_set_int_member (answer, "deleted", item->id);
  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, answer);
  chamber_server_reply_json (request->msg, SOUP_STATUS_OK, root);
}
