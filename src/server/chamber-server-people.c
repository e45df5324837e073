/* chamber-server-people.c — the caller, people and their access tokens (docs/protocol.md). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-audit.h"
#include "chamber-desk-store.h"
#include "chamber-people-import.h"
#include "chamber-protocol.h"
#include "chamber-server-private.h"
#include "chamber-token.h"

/* The person of the request's path id, or NULL having answered 404 (or 500). */
static ChamberPerson *
lookup_person (ChamberRequest *request)
{
  g_autoptr (GError) error = NULL;
  ChamberPerson *person = chamber_store_get_person (request->server->store, request->id,
                                                    &error);

  if (person == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no person %lld. Check the person id."),
                         (long long) request->id);

      chamber_request_reply_lookup_failed (request, error, message);
    }
  return person;
}

void
chamber_server_get_me (ChamberRequest *request)
{
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "person",
                               chamber_person_to_json (request->caller));
}

void
chamber_server_get_people (ChamberRequest *request)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) people = chamber_store_list_people (request->server->store, &error);
  JsonArray *array;

  if (people == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_sized_new (people->len);
  for (guint i = 0; i < people->len; i++)
    json_array_add_element (array, chamber_person_to_json (g_ptr_array_index (people, i)));
  chamber_server_reply_array (request->msg, "people", array);
}

void
chamber_server_post_people (ChamberRequest *request)
{
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *role = NULL;

  object = chamber_request_read_object (request, FALSE);
  if (object == NULL)
    return;

  person = chamber_person_new ();
  if (!chamber_json_get_string (object, "name", TRUE, CHAMBER_PROTOCOL_MAX_STRING, &person->name,
                                &error)
      || !chamber_json_get_string (object, "role", TRUE, CHAMBER_PROTOCOL_MAX_STRING, &role,
                                   &error))
    {
      chamber_request_reply_bad_request (request, error->message);
      return;
    }
  if (*g_strstrip (person->name) == '\0')
    {
      chamber_request_reply_bad_request (request, _("“name” must not be empty."));
      return;
    }
  if (!chamber_role_from_string (role, &person->role))
    {
      chamber_request_reply_bad_request (request,
                                         _("“role” must be “delegate”, “chair”, “secretariat”, "
                                           "“admin” or “official”."));
      return;
    }
  if (!chamber_request_read_text (request, object, "group", FALSE, &person->group_name)
      || !chamber_request_read_text (request, object, "title", FALSE, &person->title)
      || !chamber_request_read_text (request, object, "agency", FALSE, &person->agency))
    return;

  if (!chamber_server_role_may_manage (request->caller->role, person->role))
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                                  _("Only an administrator may add people with the admin or "
                                    "secretariat role."));
      return;
    }

  person->active = TRUE;
  if (!chamber_store_insert_person (request->server->store, person, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_reply_member (request->msg, SOUP_STATUS_CREATED, "person",
                               chamber_person_to_json (person));
}

/* "expires_at" as ISO 8601 in the future, normalised to UTC "YYYY-MM-DDTHH:MM:SSZ"; NULL and
 * TRUE when absent. FALSE having answered 400. */
static gboolean
read_expiry (ChamberRequest *request,
             JsonObject     *object,
             char          **out)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) when_utc = NULL;

  *out = NULL;
  if (!chamber_json_get_string (object, "expires_at", FALSE, 64, &value, &error))
    {
      chamber_request_reply_bad_request (request, error->message);
      return FALSE;
    }
  if (value == NULL)
    return TRUE;

  when = g_date_time_new_from_iso8601 (value, utc);
  if (when == NULL)
    {
      chamber_request_reply_bad_request (request,
                                         _("“expires_at” must be a date and time in ISO 8601, like "
                                           "2025-06-30T17:00:00+07:00."));
      return FALSE;
    }
  now = g_date_time_new_now_utc ();
  if (g_date_time_compare (when, now) <= 0)
    {
      chamber_request_reply_bad_request (request,
                                         _("“expires_at” is in the past: a token must expire later "
                                           "than now."));
      return FALSE;
    }
  when_utc = g_date_time_to_utc (when);
  *out = g_date_time_format (when_utc, "%Y-%m-%dT%H:%M:%SZ");
  return TRUE;
}

/* Records that @caller issued or revoked token @token_id of @owner. */
static gboolean
record_token_event (ChamberStore        *store,
                    const ChamberPerson *caller,
                    ChamberAuditAction   action,
                    gint64               token_id,
                    const ChamberPerson *owner,
                    GError             **error)
{
  g_autofree char *detail = chamber_audit_token_detail (token_id, owner);

  return chamber_audit_record (store, caller->id, action, 0, 0, detail, error);
}

void
chamber_server_post_person_tokens (ChamberRequest *request)
{
  ChamberStore *store = request->server->store;
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expires_at = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  JsonNode *root;
  gint64 token_id = 0;

  person = lookup_person (request);
  if (person == NULL)
    return;
  if (!chamber_server_role_may_manage (request->caller->role, person->role))
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                                  _("Only an administrator may issue tokens for admins and the "
                                    "secretariat."));
      return;
    }
  if (!person->active)
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_CONFLICT, "conflict",
                                  _("This person is deactivated, so a token would not work. "
                                    "Reactivate the person first."));
      return;
    }

  object = chamber_request_read_object (request, TRUE);
  if (object == NULL || !read_expiry (request, object, &expires_at))
    return;

  token = chamber_token_generate ();
  token_hash = chamber_token_hash (token);
  /* The token and its audit row are one transaction. */
  if (!chamber_store_begin (store, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (!chamber_store_insert_token (store, person->id, token_hash, expires_at, &token_id,
                                   &error)
      || !record_token_event (store, request->caller, CHAMBER_AUDIT_TOKEN_ISSUE, token_id,
                              person, &error))
    {
      chamber_store_rollback (store);
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (!chamber_store_commit (store, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }

  answer = json_object_new ();
  json_object_set_string_member (answer, "token", token);
  json_object_set_int_member (answer, "token_id", token_id);
  if (expires_at != NULL)
    json_object_set_string_member (answer, "expires_at", expires_at);
  root = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (root, answer);
  chamber_server_reply_json (request->msg, SOUP_STATUS_CREATED, root);
}

void
chamber_server_post_token_revoke (ChamberRequest *request)
{
  ChamberStore *store = request->server->store;
  g_autoptr (ChamberPerson) owner = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode *root;

  object = chamber_request_read_object (request, TRUE);
  if (object == NULL)
    return;

  owner = chamber_store_get_token_person (store, request->id, &error);
  if (owner == NULL)
    {
      if (g_error_matches (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND))
        {
          g_autofree char *message =
            g_strdup_printf (_("There is no access token %lld. Check the token id."),
                             (long long) request->id);
          chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found",
                                      message);
        }
      else
        chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (!chamber_server_role_may_manage (request->caller->role, owner->role))
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                                  _("Only an administrator may revoke the tokens of admins and "
                                    "the secretariat."));
      return;
    }
  if (!chamber_store_begin (store, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (!chamber_store_revoke_token (store, request->id, &error)
      || !record_token_event (store, request->caller, CHAMBER_AUDIT_TOKEN_REVOKE, request->id,
                              owner, &error))
    {
      chamber_store_rollback (store);
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (!chamber_store_commit (store, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }

  answer = json_object_new ();
  json_object_set_int_member (answer, "token_id", request->id);
  json_object_set_int_member (answer, "person_id", owner->id);
  json_object_set_boolean_member (answer, "revoked", TRUE);
  root = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (root, answer);
  chamber_server_reply_json (request->msg, SOUP_STATUS_OK, root);
}

/* The secretariat's desk: editing people, their tokens, and importing people from a CSV file
 * (docs/protocol.md). */

void
chamber_server_put_person (ChamberRequest *request)
{
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (GError) error = NULL;
  ChamberRole old_role;

  person = lookup_person (request);
  if (person == NULL)
    return;
  object = chamber_request_read_object (request, FALSE);
  if (object == NULL)
    return;
  old_role = person->role;

  if (json_object_has_member (object, "name"))
    {
      g_autofree char *name = NULL;

      if (!chamber_request_read_text (request, object, "name", TRUE, &name))
        return;
      g_free (person->name);
      person->name = g_steal_pointer (&name);
    }
  if (json_object_has_member (object, "role"))
    {
      g_autofree char *role = NULL;

      if (!chamber_json_get_string (object, "role", TRUE, CHAMBER_PROTOCOL_MAX_STRING, &role,
                                    &error))
        {
          chamber_request_reply_bad_request (request, error->message);
          return;
        }
      if (!chamber_role_from_string (role, &person->role))
        {
          chamber_request_reply_bad_request (request,
                                             _("“role” must be “delegate”, “chair”, “secretariat”, "
                                               "“admin” or “official”."));
          return;
        }
    }
  if (json_object_has_member (object, "active"))
    {
      JsonNode *node = json_object_get_member (object, "active");

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          chamber_request_reply_bad_request (request, _("“active” must be true or false."));
          return;
        }
      person->active = json_node_get_boolean (node);
    }
  if (!chamber_request_read_changed_text (request, object, "group", &person->group_name)
      || !chamber_request_read_changed_text (request, object, "committee", &person->committee)
      || !chamber_request_read_changed_text (request, object, "title", &person->title)
      || !chamber_request_read_changed_text (request, object, "agency", &person->agency))
    return;

  if (!chamber_server_role_may_manage (request->caller->role, old_role)
      || !chamber_server_role_may_manage (request->caller->role, person->role))
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                                  _("Only an administrator may change people with the admin or "
                                    "secretariat role, or give someone one of those roles."));
      return;
    }
  if (person->id == request->caller->id && !person->active)
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_CONFLICT, "conflict",
                                  _("You cannot deactivate yourself: ask another administrator."));
      return;
    }

  if (!chamber_desk_store_update_person (request->server->store, person, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "person",
                               chamber_person_to_json (person));
}

void
chamber_server_get_person_tokens (ChamberRequest *request)
{
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (GPtrArray) tokens = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *array;

  if (!chamber_server_role_may_write (request->caller->role))
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                                  _("Only the secretariat or an administrator may see access "
                                    "tokens."));
      return;
    }
  person = lookup_person (request);
  if (person == NULL)
    return;
  if (!chamber_server_role_may_manage (request->caller->role, person->role))
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                                  _("Only an administrator may see the tokens of admins and the "
                                    "secretariat."));
      return;
    }
  tokens = chamber_desk_store_list_tokens (request->server->store, person->id, &error);
  if (tokens == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_sized_new (tokens->len);
  for (guint i = 0; i < tokens->len; i++)
    json_array_add_element (array, chamber_token_info_to_json (g_ptr_array_index (tokens, i)));
  chamber_server_reply_array (request->msg, "tokens", array);
}

static void
reply_import_too_large (ChamberRequest *request)
{
  g_autofree char *message =
    g_strdup_printf (_("The file is larger than %d MiB. Split it into smaller files."),
                     CHAMBER_PEOPLE_IMPORT_MAX_BYTES / (1024 * 1024));

  chamber_server_reply_error (request->msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too-large",
                              message);
}

gboolean
chamber_server_prepare_people_import (ChamberRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);

  request->body->limit = CHAMBER_PEOPLE_IMPORT_MAX_BYTES;
  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && (guint64) soup_message_headers_get_content_length (headers) > request->body->limit)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (request->msg),
                                    "Connection", "close");
      reply_import_too_large (request);
      return FALSE;
    }
  return TRUE;
}

/* TRUE when the request's query has dry_run=1 (or true). */
static gboolean
query_dry_run (ChamberRequest *request)
{
  GUri *uri = soup_server_message_get_uri (request->msg);
  const char *query = uri != NULL ? g_uri_get_query (uri) : NULL;
  g_autoptr (GHashTable) params = NULL;
  const char *value;

  if (query == NULL)
    return FALSE;
  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
  if (params == NULL)
    return FALSE;
  value = g_hash_table_lookup (params, "dry_run");
  return value != NULL && (g_str_equal (value, "1") || g_str_equal (value, "true"));
}

void
chamber_server_post_people_import (ChamberRequest *request)
{
  ChamberRequestBody *body = request->body;
  g_autoptr (ChamberPeopleImport) import = NULL;
  g_autoptr (GError) error = NULL;
  gboolean dry_run = query_dry_run (request);

  if (body->too_large)
    {
      reply_import_too_large (request);
      return;
    }
  import = chamber_people_import_preview (request->server->store,
                                          (const char *) body->data->data, body->data->len,
                                          request->caller->role, &error);
  if (import == NULL)
    {
      if (error->domain == CHAMBER_CSV_ERROR || error->domain == CHAMBER_PEOPLE_IMPORT_ERROR)
        {
          g_autofree char *message = g_strdup_printf (_("The file cannot be read: %s"),
                                                      error->message);

          chamber_server_reply_error (request->msg,
                                      g_error_matches (error, CHAMBER_CSV_ERROR,
                                                       CHAMBER_CSV_ERROR_TOO_LARGE)
                                        ? SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE
                                        : SOUP_STATUS_BAD_REQUEST,
                                      g_error_matches (error, CHAMBER_CSV_ERROR,
                                                       CHAMBER_CSV_ERROR_TOO_LARGE)
                                        ? "too-large" : "bad-request",
                                      message);
        }
      else
        chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (!dry_run && import->valid > 0
      && !chamber_people_import_apply (request->server->store, import, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_reply_json (request->msg, SOUP_STATUS_OK,
                             chamber_people_import_to_json (import, dry_run));
}
