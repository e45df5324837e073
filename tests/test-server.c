/* test-server.c — chamberd over real HTTP: every endpoint with every role, bodies that are
 * wrong in every way, uploads of real and broken PDFs, the manifest's ETag, blobs with byte
 * ranges, the command line, and a restart. Each test starts its own chamberd. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <signal.h>

#include "chamber-hash.h"
#include "chamber-manifest.h"
#include "chamber-protocol.h"
#include "chamber-store.h"
#include "chamber-sync.h"
#include "chamber-test-util.h"
#include "chamber-token.h"

/* Who calls, in the columns of the role table. */
enum {
  CALLER_ADMIN,
  CALLER_SECRETARIAT,
  CALLER_CHAIR,
  CALLER_DELEGATE,
  CALLER_OFFICIAL,
  CALLER_NONE,
  CALLER_WRONG,
  N_CALLERS
};

static const char *const caller_names[N_CALLERS] = {
  "admin", "secretariat", "chair", "delegate", "official", "no token", "wrong token",
};

#define WRONG_TOKEN "chm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"

static SoupSession *http_session;

typedef struct
{
  guint               status;
  GBytes             *body;
  SoupMessageHeaders *headers;
} Reply;

static void
reply_free (Reply *reply)
{
  g_bytes_unref (reply->body);
  soup_message_headers_unref (reply->headers);
  g_free (reply);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

/* Sends one request. @header_name/@header_value add one header (may be NULL). */
static Reply *
send_full (const char *base_url,
           const char *method,
           const char *path,
           const char *token,
           const char *content_type,
           GBytes     *body,
           const char *header_name,
           const char *header_value)
{
  g_autofree char *url = g_strconcat (base_url, path, NULL);
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GError) error = NULL;
  Reply *reply;
  GBytes *answer;

  if (http_session == NULL)
    http_session = soup_session_new_with_options ("timeout", 120, NULL);

  msg = soup_message_new (method, url);
  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", token);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    value);
    }
  if (header_name != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (msg), header_name,
                                  header_value);
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);

  answer = soup_session_send_and_read (http_session, msg, NULL, &error);
  g_assert_no_error (error);

  reply = g_new0 (Reply, 1);
  reply->status = soup_message_get_status (msg);
  reply->body = answer;
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));
  return reply;
}

static Reply *
send_json (ChamberTestServer *server,
           const char        *method,
           const char        *path,
           const char        *token,
           const char        *json)
{
  g_autoptr (GBytes) body = json != NULL ? g_bytes_new (json, strlen (json)) : NULL;

  return send_full (server->url, method, path, token, "application/json", body, NULL, NULL);
}

static Reply *
get (ChamberTestServer *server,
     const char        *path,
     const char        *token)
{
  return send_json (server, "GET", path, token, NULL);
}

/* The JSON object of a reply's body (owned). */
static JsonObject *
reply_object (Reply *reply)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (reply->body, &len);

  json_parser_load_from_data (parser, data, (gssize) len, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
reply_member (Reply      *reply,
              const char *member)
{
  g_autoptr (JsonObject) root = reply_object (reply);

  g_assert_true (json_object_has_member (root, member));
  return json_object_ref (json_object_get_object_member (root, member));
}

static void
assert_error (Reply      *reply,
              guint       status,
              const char *code)
{
  g_autofree char *got_code = NULL;
  g_autofree char *message = NULL;
  gsize len;
  const char *data = g_bytes_get_data (reply->body, &len);

  if (reply->status != status)
    g_error ("expected %u %s, got %u: %.*s", status, code, reply->status, (int) len, data);
  g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==,
                   "application/json");
  g_assert_true (chamber_protocol_parse_error_body (data, len, &got_code, &message));
  g_assert_cmpstr (got_code, ==, code);
  g_assert_nonnull (message);
  g_assert_cmpuint (strlen (message), >, 10);
  if (status == SOUP_STATUS_UNAUTHORIZED)
    g_assert_true (g_str_has_prefix (soup_message_headers_get_one (reply->headers,
                                                                   "WWW-Authenticate"),
                                     "Bearer"));
}

static void
assert_status (Reply *reply,
               guint  status)
{
  gsize len;
  const char *data = g_bytes_get_data (reply->body, &len);

  if (reply->status != status)
    g_error ("expected %u, got %u: %.*s", status, reply->status, (int) len, data);
}

/* POSTs @json and returns the id of the record @member of the 201 answer. */
static gint64
create (ChamberTestServer *server,
        const char        *token,
        const char        *path,
        const char        *member,
        const char        *json)
{
  g_autoptr (Reply) reply = send_json (server, "POST", path, token, json);
  g_autoptr (JsonObject) record = NULL;

  assert_status (reply, SOUP_STATUS_CREATED);
  record = reply_member (reply, member);
  return json_object_get_int_member (record, "id");
}

static gint64
create_person (ChamberTestServer *server,
               const char        *token,
               const char        *name,
               const char        *role,
               const char        *group)
{
  g_autofree char *json = NULL;

  if (group != NULL)
    json = g_strdup_printf ("{\"name\": \"%s\", \"role\": \"%s\", \"group\": \"%s\"}", name,
                            role, group);
  else
    json = g_strdup_printf ("{\"name\": \"%s\", \"role\": \"%s\"}", name, role);
  return create (server, token, "/api/v1/people", "person", json);
}

static char *
issue_token (ChamberTestServer *server,
             const char        *token,
             gint64             person_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT "/tokens",
                                           person_id);
  g_autoptr (Reply) reply = send_json (server, "POST", path, token, "{}");
  g_autoptr (JsonObject) root = NULL;
  const char *issued;

  assert_status (reply, SOUP_STATUS_CREATED);
  root = reply_object (reply);
  issued = json_object_get_string_member (root, "token");
  g_assert_true (g_str_has_prefix (issued, "chm_"));
  g_assert_cmpint (json_object_get_int_member (root, "token_id"), >, 0);
  return g_strdup (issued);
}

static gint64
create_session (ChamberTestServer *server,
                const char        *token,
                int                number)
{
  g_autofree char *json =
    g_strdup_printf ("{\"number\": %d, \"title\": \"Kỳ họp thứ %d\"}", number, number);

  return create (server, token, "/api/v1/sessions", "session", json);
}

static gint64
create_item (ChamberTestServer *server,
             const char        *token,
             gint64             session_id,
             const char        *title)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/items",
                                           session_id);
  g_autofree char *json = g_strdup_printf ("{\"title\": \"%s\", \"planned_minutes\": 30}", title);

  return create (server, token, path, "item", json);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

/* POST /api/v1/items/ID/documents with @pdf as the body. @access: NULL or "a&access=b" form
 * already joined by the caller. */
static Reply *
upload_bytes (ChamberTestServer *server,
              const char        *token,
              gint64             item_id,
              const char        *title,
              const char        *extra_query,
              GBytes            *pdf)
{
  g_autofree char *escaped = g_uri_escape_string (title, NULL, FALSE);
  g_autofree char *path =
    g_strdup_printf ("/api/v1/items/%" G_GINT64_FORMAT "/documents?title=%s&kind=report%s",
                     item_id, escaped, extra_query != NULL ? extra_query : "");

  return send_full (server->url, "POST", path, token, "application/pdf", pdf, NULL, NULL);
}

static Reply *
upload_file (ChamberTestServer *server,
             const char        *token,
             gint64             item_id,
             const char        *title,
             const char        *extra_query,
             const char        *file)
{
  g_autoptr (GBytes) pdf = read_bytes (file);

  return upload_bytes (server, token, item_id, title, extra_query, pdf);
}

/* Regular files under @dir, recursively (the blob store and its tmp folder). */
static guint
count_files (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint count = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        count += count_files (child);
      else
        count++;
    }
  return count;
}

static guint
count_blob_files (ChamberTestServer *server)
{
  g_autofree char *dir = g_build_filename (server->data_dir, "blobs", NULL);

  return count_files (dir);
}

static void
assert_server_answers (ChamberTestServer *server)
{
  g_autoptr (Reply) reply = get (server, "/api/v1/me", server->admin_token);

  assert_status (reply, SOUP_STATUS_OK);
}

/* A server with one person and token of each role. */
typedef struct
{
  ChamberTestServer *server;
  char              *tokens[N_CALLERS];
  gint64             person_ids[N_CALLERS];
  char              *temp_dir;
} World;

static World *
world_new_with_args (const char *const *serve_args)
{
  World *world = g_new0 (World, 1);
  static const char *const roles[] = { "admin", "secretariat", "chair", "delegate", "official" };

  world->server = chamber_test_server_start_with_args (serve_args);
  world->temp_dir = chamber_test_make_temp_dir ("chamber-test-server-XXXXXX");
  world->tokens[CALLER_ADMIN] = g_strdup (world->server->admin_token);
  for (int c = CALLER_SECRETARIAT; c <= CALLER_OFFICIAL; c++)
    {
      g_autofree char *name = g_strdup_printf ("Người %s", roles[c]);

      world->person_ids[c] = create_person (world->server, world->server->admin_token, name,
                                            roles[c], c == CALLER_DELEGATE ? "Tổ 1" : NULL);
      world->tokens[c] = issue_token (world->server, world->server->admin_token,
                                      world->person_ids[c]);
    }
  world->tokens[CALLER_NONE] = NULL;
  world->tokens[CALLER_WRONG] = g_strdup (WRONG_TOKEN);
  return world;
}

static World *
world_new (void)
{
  return world_new_with_args (NULL);
}

static void
world_free (World *world)
{
  chamber_test_server_free (world->server);
  chamber_test_rm_rf (world->temp_dir);
  g_free (world->temp_dir);
  for (int c = 0; c < N_CALLERS; c++)
    g_free (world->tokens[c]);
  g_free (world);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (World, world_free)

static char *
write_test_pdf (World      *world,
                const char *name,
                int         pages)
{
  char *path = g_build_filename (world->temp_dir, name, NULL);

  chamber_test_write_pdf (path, pages, name);
  return path;
}

/* Every endpoint with every caller. */

typedef struct
{
  const char *method;
  const char *path;  /* %S session, %I item, %D document, %H hash, %P delegate, %A admin,
                      * %E secretariat person, %K a delegate's token id, %T an admin's token id,
                      * %C a session without items, %F another one, %J an item to delete */
  const char *body;  /* %N a fresh number; "@pdf" the generated PDF */
  guint       expect[N_CALLERS];
} RoleCase;

#define READ_ALL { 200, 200, 200, 200, 200, 401, 401 }
#define WRITERS(ok) { ok, ok, 403, 403, 403, 401, 401 }
#define ADMIN_ONLY(ok) { ok, 403, 403, 403, 403, 401, 401 }

static const RoleCase role_cases[] = {
  { "GET", "/api/v1/me", NULL, READ_ALL },
  { "GET", "/api/v1/sessions", NULL, READ_ALL },
  { "POST", "/api/v1/sessions", "{\"number\": %N, \"title\": \"Kỳ họp %N\"}", WRITERS (201) },
  { "GET", "/api/v1/sessions/%S", NULL, READ_ALL },
  { "HEAD", "/api/v1/sessions/%S", NULL, READ_ALL },
  { "GET", "/api/v1/sessions/%S/items", NULL, READ_ALL },
  { "POST", "/api/v1/sessions/%S/items", "{\"title\": \"Nội dung %N\"}", WRITERS (201) },
  { "GET", "/api/v1/sessions/%S/documents", NULL, READ_ALL },
  { "GET", "/api/v1/sessions/%S/manifest", NULL, READ_ALL },
  { "GET", "/api/v1/sessions/%S/manifest?since=1", NULL, READ_ALL },
  { "GET", "/api/v1/people", NULL, READ_ALL },
  { "POST", "/api/v1/people", "{\"name\": \"Đại biểu %N\", \"role\": \"delegate\"}",
    WRITERS (201) },
  { "POST", "/api/v1/people", "{\"name\": \"Chủ tọa %N\", \"role\": \"chair\"}", WRITERS (201) },
  { "POST", "/api/v1/people", "{\"name\": \"Văn phòng %N\", \"role\": \"secretariat\"}",
    ADMIN_ONLY (201) },
  { "POST", "/api/v1/people", "{\"name\": \"Quản trị %N\", \"role\": \"admin\"}",
    ADMIN_ONLY (201) },
  { "POST", "/api/v1/people/%P/tokens", "{}", WRITERS (201) },
  { "POST", "/api/v1/people/%A/tokens", "{}", ADMIN_ONLY (201) },
  { "POST", "/api/v1/people/%E/tokens", "{}", ADMIN_ONLY (201) },
  { "POST", "/api/v1/items/%I/documents?title=T%N&kind=report", "@pdf", WRITERS (201) },
  { "GET", "/api/v1/documents/%D", NULL, READ_ALL },
  { "PUT", "/api/v1/documents/%D/access", "{\"access\": [\"all\"]}", WRITERS (200) },
  { "POST", "/api/v1/tokens/%K/revoke", "{}", WRITERS (200) },
  { "POST", "/api/v1/tokens/%T/revoke", "{}", ADMIN_ONLY (200) },
  { "GET", "/api/v1/blobs/%H", NULL, READ_ALL },
  { "HEAD", "/api/v1/blobs/%H", NULL, READ_ALL },
  { "GET", "/api/v1/audit", NULL, WRITERS (200) },
  { "GET", "/api/v1/audit?session=%S&limit=5", NULL, WRITERS (200) },
  { "GET", "/api/v1/sessions/%S/delivery", NULL, WRITERS (200) },
  /* Issue 9: reminders, carry-over, attendance, the activity report and its criteria. */
  { "GET", "/api/v1/commitments?due_within=14", NULL, READ_ALL },
  { "POST", "/api/v1/sessions/%S/carry", "{}", WRITERS (200) },
  { "POST", "/api/v1/sessions/%S/attendance", "{\"day\": \"2026-12-08\", \"present\": [%P]}",
    WRITERS (200) },
  { "GET", "/api/v1/reports/delegates?term=2021-2026", NULL,
    { 200, 200, 200, 200, 403, 401, 401 } },
  { "GET", "/api/v1/reports/delegates?term=2021-2026&format=csv", NULL,
    { 200, 200, 200, 200, 403, 401, 401 } },
  { "GET", "/api/v1/reports/criteria", NULL, READ_ALL },
  { "PUT", "/api/v1/reports/criteria", "{\"weights\": {\"questions\": 3}}", WRITERS (200) },
  /* Issue 9: voter petitions and sample supervision (every endpoint, with the ids of petitions,
   * draws, samples and findings, is in test-petitions.c /petitions/roles). Officials, the
   * executive supervised, read none of it. */
  { "GET", "/api/v1/petitions", NULL, { 200, 200, 200, 200, 403, 401, 401 } },
  { "POST", "/api/v1/petitions", "{\"content\": \"Kiến nghị số %N về nước sạch\"}",
    WRITERS (201) },
  { "GET", "/api/v1/petitions/report?month=2026-11&format=csv", NULL,
    { 200, 200, 200, 200, 403, 401, 401 } },
  { "POST", "/api/v1/supervision/draws", "{\"status\": \"forwarded\", \"size\": 1}",
    WRITERS (201) },
  { "GET", "/api/v1/supervision/draws", NULL, { 200, 200, 200, 200, 403, 401, 401 } },
  { "GET", "/api/v1/supervision/samples", NULL, { 200, 200, 200, 200, 403, 401, 401 } },
  { "GET", "/api/v1/supervision/recommendation", NULL, { 200, 200, 200, 403, 403, 401, 401 } },
  /* Issue 6: the secretariat's desk. */
  { "PUT", "/api/v1/sessions/%S", "{\"place\": \"Hội trường %N\"}", WRITERS (200) },
  { "POST", "/api/v1/sessions/%C/copy-agenda", "{\"from\": %F}", WRITERS (201) },
  { "PUT", "/api/v1/items/%I", "{\"planned_minutes\": 45, \"questioning\": true}",
    WRITERS (200) },
  { "DELETE", "/api/v1/items/%J", NULL, { 200, 404, 403, 403, 403, 401, 401 } },
  { "PUT", "/api/v1/people/%P", "{\"committee\": \"Ban %N\"}", WRITERS (200) },
  { "PUT", "/api/v1/people/%E", "{\"title\": \"Chánh Văn phòng %N\"}", ADMIN_ONLY (200) },
  { "GET", "/api/v1/people/%P/tokens", NULL, WRITERS (200) },
  { "GET", "/api/v1/people/%E/tokens", NULL, ADMIN_ONLY (200) },
  { "POST", "/api/v1/people/import?dry_run=1", "name,role\nNgười %N,delegate\n",
    WRITERS (200) },
  /* Issue 6: drafts and publishing them (test-publish-draft.c has the rest). */
  { "POST", "/api/v1/items/%I/documents?title=D%N&kind=report&draft=true", "@pdf",
    WRITERS (201) },
  { "POST", "/api/v1/documents/%D/publish", "{}", WRITERS (200) },
  { "POST", "/api/v1/items/%I/publish", "{}", WRITERS (200) },
  { "POST", "/api/v1/sessions/%S/publish", "{}", WRITERS (200) },
};

static char *
expand (const char *template,
        GHashTable *values,
        int         number)
{
  GString *out = g_string_new (NULL);

  for (const char *p = template; *p != '\0'; p++)
    {
      if (*p == '%' && p[1] != '\0')
        {
          char key[2] = { p[1], '\0' };

          if (p[1] == 'N')
            g_string_append_printf (out, "%d", number);
          else
            g_string_append (out, g_hash_table_lookup (values, key));
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
test_roles (void)
{
  /* The wrong-token column alone fails more often than the default limit allows. */
  g_autoptr (World) world =
    world_new_with_args ((const char *const[]) { "--auth-failures", "1000", NULL });
  ChamberTestServer *server = world->server;
  g_autoptr (GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *pdf_path = write_test_pdf (world, "roles.pdf", 2);
  g_autoptr (GBytes) pdf = read_bytes (pdf_path);
  g_autoptr (Reply) uploaded = NULL;
  g_autoptr (JsonObject) document = NULL;
  g_autoptr (Reply) me = NULL;
  g_autoptr (JsonObject) admin = NULL;
  gint64 session_id, item_id;
  int number = 100;

  session_id = create_session (server, world->tokens[CALLER_ADMIN], 10);
  item_id = create_item (server, world->tokens[CALLER_ADMIN], session_id, "Khai mạc");
  {
    /* Tokens to revoke: a spare one of another delegate's, and a spare one of the admin's. */
    gint64 spare_id = create_person (server, world->tokens[CALLER_ADMIN], "Đại biểu dự phòng",
                                     "delegate", NULL);
    g_autofree char *spare_path =
      g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT "/tokens", spare_id);
    g_autofree char *admin_path = NULL;
    g_autoptr (Reply) spare = send_json (server, "POST", spare_path, world->tokens[CALLER_ADMIN],
                                         "{}");
    g_autoptr (Reply) admin_me = get (server, "/api/v1/me", world->tokens[CALLER_ADMIN]);
    g_autoptr (JsonObject) admin_person = reply_member (admin_me, "person");
    g_autoptr (Reply) admin_spare = NULL;
    g_autoptr (JsonObject) spare_root = NULL;
    g_autoptr (JsonObject) admin_root = NULL;

    admin_path = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT "/tokens",
                                  json_object_get_int_member (admin_person, "id"));
    admin_spare = send_json (server, "POST", admin_path, world->tokens[CALLER_ADMIN], "{}");
    assert_status (spare, SOUP_STATUS_CREATED);
    assert_status (admin_spare, SOUP_STATUS_CREATED);
    spare_root = reply_object (spare);
    admin_root = reply_object (admin_spare);
    g_hash_table_insert (values, "K",
                         g_strdup_printf ("%" G_GINT64_FORMAT,
                                          json_object_get_int_member (spare_root, "token_id")));
    g_hash_table_insert (values, "T",
                         g_strdup_printf ("%" G_GINT64_FORMAT,
                                          json_object_get_int_member (admin_root, "token_id")));
  }
  uploaded = upload_bytes (server, world->tokens[CALLER_SECRETARIAT], item_id, "Báo cáo", NULL,
                           pdf);
  assert_status (uploaded, SOUP_STATUS_CREATED);
  document = reply_member (uploaded, "document");
  me = get (server, "/api/v1/me", world->tokens[CALLER_ADMIN]);
  admin = reply_member (me, "person");

  g_hash_table_insert (values, "S", g_strdup_printf ("%" G_GINT64_FORMAT, session_id));
  /* Copying the agenda of an empty session keeps the target empty, so every writer may. */
  g_hash_table_insert (values, "C", g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     create_session (server,
                                                                     world->tokens[CALLER_ADMIN],
                                                                     11)));
  g_hash_table_insert (values, "F", g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     create_session (server,
                                                                     world->tokens[CALLER_ADMIN],
                                                                     12)));
  /* The first writer deletes it; the next finds it gone. */
  g_hash_table_insert (values, "J", g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     create_item (server,
                                                                  world->tokens[CALLER_ADMIN],
                                                                  session_id, "Bỏ")));
  g_hash_table_insert (values, "I", g_strdup_printf ("%" G_GINT64_FORMAT, item_id));
  g_hash_table_insert (values, "D", g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     json_object_get_int_member (document, "id")));
  g_hash_table_insert (values, "H",
                       g_strdup (json_object_get_string_member (document, "sha256")));
  g_hash_table_insert (values, "P", g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     world->person_ids[CALLER_DELEGATE]));
  g_hash_table_insert (values, "E", g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     world->person_ids[CALLER_SECRETARIAT]));
  g_hash_table_insert (values, "A", g_strdup_printf ("%" G_GINT64_FORMAT,
                                                     json_object_get_int_member (admin, "id")));

  for (gsize i = 0; i < G_N_ELEMENTS (role_cases); i++)
    {
      const RoleCase *rc = &role_cases[i];

      for (int c = 0; c < N_CALLERS; c++)
        {
          g_autofree char *path = expand (rc->path, values, ++number);
          g_autofree char *body_text = NULL;
          g_autoptr (GBytes) body = NULL;
          g_autoptr (Reply) reply = NULL;
          const char *content_type = "application/json";

          if (g_strcmp0 (rc->body, "@pdf") == 0)
            {
              body = g_bytes_ref (pdf);
              content_type = "application/pdf";
            }
          else if (rc->body != NULL)
            {
              body_text = expand (rc->body, values, number);
              body = g_bytes_new (body_text, strlen (body_text));
            }

          reply = send_full (server->url, rc->method, path, world->tokens[c], content_type, body,
                             NULL, NULL);
          if (reply->status != rc->expect[c])
            g_error ("%s %s as %s: expected %u, got %u: %.*s", rc->method, path,
                     caller_names[c], rc->expect[c], reply->status,
                     (int) g_bytes_get_size (reply->body),
                     (const char *) g_bytes_get_data (reply->body, NULL));

          if (g_str_equal (rc->method, "HEAD"))
            g_assert_cmpuint (g_bytes_get_size (reply->body), ==, 0);
          else if (rc->expect[c] == 401)
            assert_error (reply, 401, "unauthorized");
          else if (rc->expect[c] == 403)
            assert_error (reply, 403, "forbidden");
          if (rc->expect[c] == 401)
            g_assert_true (g_str_has_prefix (soup_message_headers_get_one (reply->headers,
                                                                           "WWW-Authenticate"),
                                             "Bearer"));
        }
    }
}

/* Unknown paths, strict ids, wrong methods. */
static void
test_routing (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  const char *token = server->admin_token;
  static const char *const not_found[] = {
    "/", "/api", "/api/v1", "/api/v1/", "/api/v2/sessions", "/api/v1/nothing",
    "/api/v1/sessions/", "/api/v1/sessions/abc", "/api/v1/sessions/0", "/api/v1/sessions/-1",
    "/api/v1/sessions/007", "/api/v1/sessions/1x", "/api/v1/sessions/%31",
    "/api/v1/sessions/99999999999999999999999", "/api/v1/sessions/9223372036854775808",
    "/api/v1/sessions/12345", "/api/v1/sessions/12345/items", "/api/v1/sessions/12345/manifest",
    "/api/v1/sessions/12345/documents", "/api/v1/documents/12345", "/api/v1/sessions/1/extra",
    "/api/v1/blobs", "/api/v1/blobs/", "/api/v1/blobs/a/b",
  };
  static const struct {
    const char *method, *path, *allow;
  } wrong_method[] = {
    { "DELETE", "/api/v1/sessions", "GET, HEAD, POST" },
    { "DELETE", "/api/v1/sessions/1", "GET, HEAD, PUT" },
    { "POST", "/api/v1/me", "GET, HEAD" },
    { "PUT", "/api/v1/people/1/tokens", "GET, HEAD, POST" },
    { "GET", "/api/v1/items/1", "PUT, DELETE" },
    { "DELETE", "/api/v1/people/1", "PUT" },
    { "GET", "/api/v1/people/import", "POST" },
    { "GET", "/api/v1/items/1/documents", "POST" },
    { "POST", "/api/v1/blobs/0000000000000000000000000000000000000000000000000000000000000000",
      "GET, HEAD" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (not_found); i++)
    {
      g_autoptr (Reply) reply = get (server, not_found[i], token);

      g_test_message ("GET %s", not_found[i]);
      assert_error (reply, 404, "not-found");
    }
  for (gsize i = 0; i < G_N_ELEMENTS (wrong_method); i++)
    {
      g_autoptr (Reply) reply =
        send_json (server, wrong_method[i].method, wrong_method[i].path, token, "{}");

      assert_status (reply, SOUP_STATUS_METHOD_NOT_ALLOWED);
      g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Allow"), ==,
                       wrong_method[i].allow);
      assert_error (reply, 405, "bad-request");
    }

  /* Authorization that is not a bearer token, or a mangled one. */
  {
    g_autoptr (Reply) basic = send_full (server->url, "GET", "/api/v1/me", NULL, NULL, NULL,
                                         "Authorization", "Basic YWRtaW46YWRtaW4=");
    g_autofree char *long_token = g_strnfill (4000, 'x');
    g_autoptr (Reply) huge = get (server, "/api/v1/me", long_token);
    g_autofree char *cut = g_strndup (token, strlen (token) - 1);
    g_autoptr (Reply) truncated = get (server, "/api/v1/me", cut);

    assert_error (basic, 401, "unauthorized");
    assert_error (huge, 401, "unauthorized");
    assert_error (truncated, 401, "unauthorized");
  }
}

/* Records are created and read back as sent; bad bodies are refused with a reason. */
static void
test_create_and_read (void)
{
  g_autoptr (World) world = world_new ();
  ChamberTestServer *server = world->server;
  const char *secretariat = world->tokens[CALLER_SECRETARIAT];
  g_autoptr (Reply) created = NULL;
  g_autoptr (JsonObject) session = NULL;
  g_autoptr (Reply) listed = NULL;
  g_autoptr (JsonObject) root = NULL;
  g_autofree char *session_path = NULL;
  g_autofree char *items_path = NULL;
  gint64 session_id, parent_id, child_id, other_session_id;
  gint64 revision;

  created = send_json (server, "POST", "/api/v1/sessions", secretariat,
                       "{\"number\": 10, \"title\": \"Kỳ họp thứ 10 HĐND tỉnh\", "
                       "\"kind\": \"thematic\", \"place\": \"Hội trường tỉnh\", "
                       "\"starts_on\": \"2024-12-09\", \"ends_on\": \"2024-12-11\"}");
  assert_status (created, SOUP_STATUS_CREATED);
  session = reply_member (created, "session");
  session_id = json_object_get_int_member (session, "id");
  g_assert_cmpint (session_id, >, 0);
  g_assert_cmpint (json_object_get_int_member (session, "number"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (session, "title"), ==,
                   "Kỳ họp thứ 10 HĐND tỉnh");
  g_assert_cmpstr (json_object_get_string_member (session, "kind"), ==, "thematic");
  g_assert_cmpstr (json_object_get_string_member (session, "state"), ==, "preparing");
  revision = json_object_get_int_member (session, "revision");

  session_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT, session_id);
  {
    g_autoptr (Reply) reply = get (server, session_path, world->tokens[CALLER_DELEGATE]);
    g_autoptr (JsonObject) read_back = NULL;

    assert_status (reply, SOUP_STATUS_OK);
    g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==,
                     "application/json");
    read_back = reply_member (reply, "session");
    g_assert_cmpstr (json_object_get_string_member (read_back, "place"), ==, "Hội trường tỉnh");
    g_assert_cmpstr (json_object_get_string_member (read_back, "starts_on"), ==, "2024-12-09");
    g_assert_cmpstr (json_object_get_string_member (read_back, "ends_on"), ==, "2024-12-11");
  }

  /* Newest first. */
  other_session_id = create_session (server, secretariat, 11);
  listed = get (server, "/api/v1/sessions", world->tokens[CALLER_CHAIR]);
  assert_status (listed, SOUP_STATUS_OK);
  root = reply_object (listed);
  {
    JsonArray *sessions = json_object_get_array_member (root, "sessions");

    g_assert_cmpuint (json_array_get_length (sessions), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (sessions, 0),
                                                 "id"),
                     ==, other_session_id);
  }

  /* Items: a tree, in tree order, each one bumping the session's revision. */
  items_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/items", session_id);
  parent_id = create (server, secretariat, items_path, "item",
                      "{\"title\": \"Chất vấn và trả lời chất vấn\", \"planned_minutes\": 240}");
  create (server, secretariat, items_path, "item", "{\"title\": \"Bế mạc\"}");
  {
    g_autofree char *json = g_strdup_printf ("{\"title\": \"Nhóm vấn đề đất đai\", "
                                             "\"parent_id\": %" G_GINT64_FORMAT ", "
                                             "\"planned_minutes\": 90}",
                                             parent_id);
    child_id = create (server, secretariat, items_path, "item", json);
  }
  {
    g_autoptr (Reply) reply = get (server, items_path, world->tokens[CALLER_OFFICIAL]);
    g_autoptr (JsonObject) items_root = reply_object (reply);
    JsonArray *items = json_object_get_array_member (items_root, "items");
    JsonObject *child;

    g_assert_cmpuint (json_array_get_length (items), ==, 3);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, 0), "id"),
                     ==, parent_id);
    child = json_array_get_object_element (items, 1);
    g_assert_cmpint (json_object_get_int_member (child, "id"), ==, child_id);
    g_assert_cmpint (json_object_get_int_member (child, "parent_id"), ==, parent_id);
    g_assert_cmpint (json_object_get_int_member (child, "planned_minutes"), ==, 90);
    g_assert_cmpstr (json_object_get_string_member (child, "state"), ==, "not-started");
    g_assert_true (json_object_get_null_member (json_array_get_object_element (items, 0),
                                                "parent_id"));
  }
  {
    g_autoptr (Reply) reply = get (server, session_path, secretariat);
    g_autoptr (JsonObject) read_back = reply_member (reply, "session");

    g_assert_cmpint (json_object_get_int_member (read_back, "revision"), ==, revision + 3);
  }

  /* People and tokens. */
  {
    g_autoptr (Reply) reply = send_json (server, "POST", "/api/v1/people", secretariat,
                                         "{\"name\": \"Nguyễn Văn An\", \"role\": \"official\", "
                                         "\"title\": \"Giám đốc Sở Tài chính\", "
                                         "\"agency\": \"Sở Tài chính\"}");
    g_autoptr (JsonObject) person = reply_member (reply, "person");
    gint64 person_id = json_object_get_int_member (person, "id");
    g_autofree char *person_token = issue_token (server, secretariat, person_id);
    g_autoptr (Reply) me = get (server, "/api/v1/me", person_token);
    g_autoptr (JsonObject) me_person = reply_member (me, "person");
    g_autoptr (Reply) people = get (server, "/api/v1/people", person_token);
    g_autoptr (JsonObject) people_root = reply_object (people);
    JsonArray *list = json_object_get_array_member (people_root, "people");
    gboolean found = FALSE;

    assert_status (reply, SOUP_STATUS_CREATED);
    g_assert_cmpstr (json_object_get_string_member (person, "role"), ==, "official");
    g_assert_true (json_object_get_boolean_member (person, "active"));
    g_assert_cmpint (json_object_get_int_member (me_person, "id"), ==, person_id);
    g_assert_cmpstr (json_object_get_string_member (me_person, "agency"), ==, "Sở Tài chính");
    for (guint i = 0; i < json_array_get_length (list); i++)
      if (json_object_get_int_member (json_array_get_object_element (list, i), "id")
          == person_id)
        found = TRUE;
    g_assert_true (found);
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT "/tokens",
                                             world->person_ids[CALLER_DELEGATE]);
    g_autoptr (Reply) future = send_json (server, "POST", path, secretariat,
                                          "{\"expires_at\": \"2999-01-01T00:00:00+07:00\"}");
    g_autoptr (JsonObject) future_root = reply_object (future);
    g_autoptr (Reply) works = get (server, "/api/v1/me",
                                   json_object_get_string_member (future_root, "token"));
    g_autoptr (Reply) past = send_json (server, "POST", path, secretariat,
                                        "{\"expires_at\": \"2001-01-01T00:00:00Z\"}");
    g_autoptr (Reply) garbled = send_json (server, "POST", path, secretariat,
                                           "{\"expires_at\": \"next tuesday\"}");
    g_autoptr (Reply) unknown = send_json (server, "POST", "/api/v1/people/987654/tokens",
                                           secretariat, "{}");
    g_autoptr (Reply) empty_body = send_json (server, "POST", path, secretariat, NULL);

    assert_status (future, SOUP_STATUS_CREATED);
    assert_status (works, SOUP_STATUS_OK);
    assert_error (past, 400, "bad-request");
    assert_error (garbled, 400, "bad-request");
    assert_error (unknown, 404, "not-found");
    assert_status (empty_body, SOUP_STATUS_CREATED);
  }

  /* Bodies that are wrong: each refused with 400 and nothing created. */
  {
    static const struct {
      const char *path;  /* %S the session */
      const char *body;
    } bad[] = {
      { "/api/v1/sessions", "{\"title\": \"no number\"}" },
      { "/api/v1/sessions", "{\"number\": 12}" },
      { "/api/v1/sessions", "{\"number\": \"12\", \"title\": \"T\"}" },
      { "/api/v1/sessions", "{\"number\": 0, \"title\": \"T\"}" },
      { "/api/v1/sessions", "{\"number\": 12, \"title\": \"   \"}" },
      { "/api/v1/sessions", "{\"number\": 12, \"title\": \"T\", \"kind\": \"special\"}" },
      { "/api/v1/sessions", "{\"number\": 12, \"title\": \"T\", \"starts_on\": \"2024-02-30\"}" },
      { "/api/v1/sessions", "{\"number\": 12, \"title\": \"T\", \"starts_on\": \"9 Dec\"}" },
      { "/api/v1/sessions", "{\"number\": 12, \"title\": \"T\", \"starts_on\": \"2024-12-09\", "
                            "\"ends_on\": \"2024-12-01\"}" },
      { "/api/v1/sessions", "{\"number\": 12, \"title\": [\"T\"]}" },
      { "/api/v1/sessions", "[1, 2, 3]" },
      { "/api/v1/sessions", "{\"number\": 12, \"title\": \"T\"" },
      { "/api/v1/sessions", "not json at all" },
      { "/api/v1/sessions", "" },
      { "/api/v1/sessions/%S/items", "{\"planned_minutes\": 5}" },
      { "/api/v1/sessions/%S/items", "{\"title\": \"T\", \"planned_minutes\": -5}" },
      { "/api/v1/sessions/%S/items", "{\"title\": \"T\", \"parent_id\": 987654}" },
      { "/api/v1/sessions/%S/items", "{\"title\": \"T\", \"parent_id\": \"1\"}" },
      { "/api/v1/people", "{\"name\": \"X\"}" },
      { "/api/v1/people", "{\"name\": \"X\", \"role\": \"king\"}" },
      { "/api/v1/people", "{\"name\": \"\", \"role\": \"delegate\"}" },
      { "/api/v1/people", "{\"name\": \"X\", \"role\": \"delegate\", \"group\": 7}" },
    };
    g_autofree char *session_id_text = g_strdup_printf ("%" G_GINT64_FORMAT, session_id);
    g_autoptr (Reply) before = get (server, "/api/v1/sessions", secretariat);
    g_autoptr (Reply) after = NULL;

    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr (GString) path = g_string_new (bad[i].path);
        g_autoptr (Reply) reply = NULL;

        g_string_replace (path, "%S", session_id_text, 0);
        reply = send_json (server, "POST", path->str, secretariat, bad[i].body);
        g_test_message ("POST %s %s", path->str, bad[i].body);
        assert_error (reply, 400, "bad-request");
      }
    after = get (server, "/api/v1/sessions", secretariat);
    g_assert_true (g_bytes_equal (before->body, after->body));
  }

  /* A parent from another session is not a parent. */
  {
    g_autofree char *other_items = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/items",
                                                    other_session_id);
    g_autofree char *json = g_strdup_printf ("{\"title\": \"T\", \"parent_id\": %" G_GINT64_FORMAT
                                             "}",
                                             parent_id);
    g_autoptr (Reply) reply = send_json (server, "POST", other_items, secretariat, json);
    g_autoptr (Reply) missing = send_json (server, "POST", "/api/v1/sessions/987654/items",
                                           secretariat, "{\"title\": \"T\"}");

    assert_error (reply, 400, "bad-request");
    assert_error (missing, 404, "not-found");
  }
}

/* Upload a real PDF, read it back, and refuse what is not one. */
static void
test_upload (void)
{
  g_autoptr (World) world = world_new ();
  ChamberTestServer *server = world->server;
  const char *secretariat = world->tokens[CALLER_SECRETARIAT];
  g_autofree char *pdf_path = write_test_pdf (world, "to-trinh.pdf", 3);
  g_autoptr (GBytes) pdf = read_bytes (pdf_path);
  g_autofree char *pdf_hash = chamber_sha256_hex (g_bytes_get_data (pdf, NULL),
                                                  g_bytes_get_size (pdf));
  g_autoptr (Reply) reply = NULL;
  g_autoptr (JsonObject) document = NULL;
  g_autofree char *document_path = NULL;
  gint64 session_id, item_id, revision_before;
  guint blobs_before;

  session_id = create_session (server, secretariat, 10);
  item_id = create_item (server, secretariat, session_id, "Tờ trình dự toán ngân sách");
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT, session_id);
    g_autoptr (Reply) before = get (server, path, secretariat);
    g_autoptr (JsonObject) session = reply_member (before, "session");

    revision_before = json_object_get_int_member (session, "revision");
  }

  reply = upload_bytes (server, secretariat, item_id, "Tờ trình số 12/TTr-UBND", NULL, pdf);
  assert_status (reply, SOUP_STATUS_CREATED);
  document = reply_member (reply, "document");
  g_assert_cmpint (json_object_get_int_member (document, "pages"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (document, "bytes"), ==, g_bytes_get_size (pdf));
  g_assert_cmpstr (json_object_get_string_member (document, "sha256"), ==, pdf_hash);
  g_assert_cmpstr (json_object_get_string_member (document, "title"), ==,
                   "Tờ trình số 12/TTr-UBND");
  g_assert_cmpstr (json_object_get_string_member (document, "kind"), ==, "report");
  g_assert_cmpint (json_object_get_int_member (document, "version"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (document, "item_id"), ==, item_id);
  g_assert_cmpint (json_object_get_int_member (document, "session_id"), ==, session_id);

  /* Read back by id and in the session's list; the session's revision moved. */
  document_path = g_strdup_printf ("/api/v1/documents/%" G_GINT64_FORMAT,
                                   json_object_get_int_member (document, "id"));
  {
    g_autoptr (Reply) read_back = get (server, document_path, world->tokens[CALLER_DELEGATE]);
    g_autoptr (JsonObject) again = reply_member (read_back, "document");
    g_autofree char *list_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT
                                                  "/documents",
                                                  session_id);
    g_autoptr (Reply) list = get (server, list_path, world->tokens[CALLER_DELEGATE]);
    g_autoptr (JsonObject) list_root = reply_object (list);
    g_autofree char *session_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT,
                                                     session_id);
    g_autoptr (Reply) after = get (server, session_path, secretariat);
    g_autoptr (JsonObject) session = reply_member (after, "session");

    g_assert_cmpstr (json_object_get_string_member (again, "sha256"), ==, pdf_hash);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list_root,
                                                                           "documents")),
                      ==, 1);
    g_assert_cmpint (json_object_get_int_member (session, "revision"), >, revision_before);
  }

  /* The same title again is version 2. */
  {
    g_autofree char *v2_path = write_test_pdf (world, "to-trinh-v2.pdf", 4);
    g_autoptr (Reply) v2 = upload_file (server, secretariat, item_id, "Tờ trình số 12/TTr-UBND",
                                        NULL, v2_path);
    g_autoptr (JsonObject) v2_doc = reply_member (v2, "document");

    assert_status (v2, SOUP_STATUS_CREATED);
    g_assert_cmpint (json_object_get_int_member (v2_doc, "version"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (v2_doc, "pages"), ==, 4);
  }

  /* Without a title, the upload still gets a readable one, never the temporary file's name. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/items/%" G_GINT64_FORMAT "/documents",
                                             item_id);
    g_autoptr (Reply) untitled = send_full (server->url, "POST", path, secretariat,
                                            "application/pdf", pdf, NULL, NULL);
    g_autoptr (JsonObject) untitled_doc = reply_member (untitled, "document");
    const char *title = json_object_get_string_member (untitled_doc, "title");

    assert_status (untitled, SOUP_STATUS_CREATED);
    g_assert_cmpstr (json_object_get_string_member (untitled_doc, "kind"), ==, "other");
    g_assert_cmpuint (strlen (title), >, 0);
    g_assert_null (strstr (title, "tmp"));
    g_assert_null (strstr (title, ".part"));
  }

  /* Refusals store nothing. */
  blobs_before = count_blob_files (server);
  {
    static const char html[] = "<html><body>502 Bad Gateway</body></html>";
    g_autoptr (GBytes) not_pdf = g_bytes_new_static (html, sizeof html - 1);
    g_autoptr (GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr (GBytes) header_only = g_bytes_new_static ("%PDF-1.7\n", 9);
    g_autoptr (GBytes) half = g_bytes_new_from_bytes (pdf, 0, g_bytes_get_size (pdf) / 2);
    g_autoptr (Reply) r1 = upload_bytes (server, secretariat, item_id, "html", NULL, not_pdf);
    g_autoptr (Reply) r2 = upload_bytes (server, secretariat, item_id, "empty", NULL, empty);
    g_autoptr (Reply) r3 = upload_bytes (server, secretariat, item_id, "header", NULL,
                                         header_only);
    g_autoptr (Reply) r4 = upload_bytes (server, secretariat, item_id, "half", NULL, half);
    g_autoptr (Reply) r5 = upload_bytes (server, secretariat, 987654, "nowhere", NULL, pdf);
    g_autoptr (Reply) r6 = upload_bytes (server, secretariat, item_id, "kind",
                                         "&kind=poem", pdf);
    g_autoptr (Reply) r7 = upload_bytes (server, secretariat, item_id, "access",
                                         "&access=everyone", pdf);

    assert_error (r1, 400, "not-pdf");
    assert_error (r2, 400, "empty-file");
    assert_error (r3, 400, "damaged-pdf");
    assert_error (r4, 400, "damaged-pdf");
    assert_error (r5, 404, "not-found");
    assert_error (r6, 400, "bad-request");
    assert_error (r7, 400, "bad-request");
  }
  g_assert_cmpuint (count_blob_files (server), ==, blobs_before);
  assert_server_answers (server);
}

/* A document for one delegate group is invisible, hash and all, to everyone else. */
static void
test_access (void)
{
  g_autoptr (World) world = world_new ();
  ChamberTestServer *server = world->server;
  const char *admin = world->tokens[CALLER_ADMIN];
  g_autofree char *open_path = write_test_pdf (world, "open.pdf", 1);
  g_autofree char *secret_path = write_test_pdf (world, "secret.pdf", 2);
  g_autoptr (Reply) open_reply = NULL;
  g_autoptr (Reply) secret_reply = NULL;
  g_autoptr (JsonObject) secret = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *blob_path = NULL;
  g_autofree char *document_path = NULL;
  g_autofree char *outsider_token = NULL;
  g_autofree char *escaped_group = g_uri_escape_string ("group:Tổ 1", NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("&access=%s", escaped_group);
  gint64 session_id, item_id, outsider_id;
  const char *hash;

  session_id = create_session (server, admin, 10);
  item_id = create_item (server, admin, session_id, "Tài liệu mật");
  open_reply = upload_file (server, admin, item_id, "Công khai", NULL, open_path);
  assert_status (open_reply, SOUP_STATUS_CREATED);
  secret_reply = upload_file (server, admin, item_id, "Mật", query, secret_path);
  assert_status (secret_reply, SOUP_STATUS_CREATED);
  secret = reply_member (secret_reply, "document");
  hash = json_object_get_string_member (secret, "sha256");
  g_assert_true (json_array_get_length (json_object_get_array_member (secret, "access")) == 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (secret, "access"),
                                                  0),
                   ==, "group:Tổ 1");

  outsider_id = create_person (server, admin, "Đại biểu Tổ 2", "delegate", "Tổ 2");
  outsider_token = issue_token (server, admin, outsider_id);

  manifest_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/manifest", session_id);
  blob_path = g_strdup_printf ("/api/v1/blobs/%s", hash);
  document_path = g_strdup_printf ("/api/v1/documents/%" G_GINT64_FORMAT,
                                   json_object_get_int_member (secret, "id"));

  /* Tổ 1's delegate and the chair read it. */
  for (int c = CALLER_ADMIN; c <= CALLER_DELEGATE; c++)
    {
      g_autoptr (Reply) manifest = get (server, manifest_path, world->tokens[c]);
      g_autoptr (Reply) blob = get (server, blob_path, world->tokens[c]);
      g_autoptr (Reply) doc = get (server, document_path, world->tokens[c]);
      g_autofree char *text = g_strndup (g_bytes_get_data (manifest->body, NULL),
                                         g_bytes_get_size (manifest->body));

      assert_status (manifest, SOUP_STATUS_OK);
      g_assert_nonnull (strstr (text, hash));
      assert_status (blob, SOUP_STATUS_OK);
      assert_status (doc, SOUP_STATUS_OK);
    }

  /* Tổ 2's delegate does not even learn the hash. */
  {
    g_autoptr (Reply) manifest = get (server, manifest_path, outsider_token);
    g_autoptr (JsonObject) root = reply_object (manifest);
    g_autofree char *text = g_strndup (g_bytes_get_data (manifest->body, NULL),
                                       g_bytes_get_size (manifest->body));
    g_autoptr (Reply) blob = get (server, blob_path, outsider_token);
    g_autoptr (Reply) doc = get (server, document_path, outsider_token);
    g_autofree char *list_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT
                                                  "/documents",
                                                  session_id);
    g_autoptr (Reply) list = get (server, list_path, outsider_token);
    g_autofree char *list_text = g_strndup (g_bytes_get_data (list->body, NULL),
                                            g_bytes_get_size (list->body));

    assert_status (manifest, SOUP_STATUS_OK);
    g_assert_null (strstr (text, hash));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "documents")),
                      ==, 1);
    assert_error (blob, 404, "not-found");
    assert_error (doc, 404, "not-found");
    assert_status (list, SOUP_STATUS_OK);
    g_assert_null (strstr (list_text, hash));
  }
}

/* Every file of the corpus's bad/ folder is refused with its reason, stores nothing, and the
 * server goes on answering. */
static void
test_bad_corpus (void)
{
  static const struct {
    const char *name;
    guint       status;
    const char *code;  /* NULL: accepted */
  } expected[] = {
    { "empty.pdf", 400, "empty-file" },
    { "garbage.pdf", 400, "not-pdf" },
    { "html-page.pdf", 400, "not-pdf" },
    { "header-only.pdf", 400, "damaged-pdf" },
    { "truncated-half.pdf", 400, "damaged-pdf" },
    { "truncated-tail.pdf", 400, "damaged-pdf" },
    { "page-tree-cycle.pdf", 400, "damaged-pdf" },
    { "lying-count.pdf", 400, "no-pages" },
    /* A valid PDF with one 14400 pt page: the check renders it capped, so it is accepted. */
    { "huge-page.pdf", 201, NULL },
  };
  const char *corpus = chamber_test_corpus_dir ();
  g_autofree char *bad_dir = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autoptr (World) world = NULL;
  const char *name;
  gint64 session_id, item_id;
  guint tested = 0;

  if (corpus == NULL)
    {
      g_test_skip ("../shared/corpus/pdf is not in this checkout");
      return;
    }
  bad_dir = g_build_filename (corpus, "bad", NULL);
  dir = g_dir_open (bad_dir, 0, NULL);
  g_assert_nonnull (dir);

  world = world_new ();
  session_id = create_session (world->server, world->tokens[CALLER_ADMIN], 10);
  item_id = create_item (world->server, world->tokens[CALLER_ADMIN], session_id, "Hỏng");

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (bad_dir, name, NULL);
      guint before = count_blob_files (world->server);
      g_autoptr (Reply) reply = upload_file (world->server, world->tokens[CALLER_SECRETARIAT],
                                             item_id, name, NULL, path);
      gboolean known = FALSE;

      g_test_message ("%s → %u %.*s", name, reply->status, (int) g_bytes_get_size (reply->body),
                      (const char *) g_bytes_get_data (reply->body, NULL));
      for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
        {
          if (!g_str_equal (expected[i].name, name))
            continue;
          known = TRUE;
          if (expected[i].code != NULL)
            {
              assert_error (reply, expected[i].status, expected[i].code);
              g_assert_cmpuint (count_blob_files (world->server), ==, before);
            }
          else
            {
              g_autoptr (JsonObject) document = NULL;

              assert_status (reply, expected[i].status);
              document = reply_member (reply, "document");
              g_assert_cmpint (json_object_get_int_member (document, "pages"), >=, 1);
            }
        }
      if (!known)
        {
          /* A file added to the corpus later: refused with one of the PDF reasons. */
          g_autofree char *code = NULL;
          g_autofree char *message = NULL;

          g_assert_cmpuint (reply->status, ==, 400);
          g_assert_true (chamber_protocol_parse_error_body (g_bytes_get_data (reply->body, NULL),
                                                            g_bytes_get_size (reply->body),
                                                            &code, &message));
          g_assert_true (g_strv_contains ((const char *const[]) { "empty-file", "not-pdf",
                                                                  "damaged-pdf",
                                                                  "encrypted-pdf", "no-pages",
                                                                  NULL },
                                          code));
          g_assert_cmpuint (count_blob_files (world->server), ==, before);
        }
      assert_server_answers (world->server);
      tested++;
    }
  g_assert_cmpuint (tested, >=, G_N_ELEMENTS (expected));

  /* A password-protected PDF from the third-party corpus. */
  {
    g_autofree char *encrypted = g_build_filename (corpus, "third-party", "PasswordEncrypted.pdf",
                                                   NULL);

    if (g_file_test (encrypted, G_FILE_TEST_IS_REGULAR))
      {
        guint before = count_blob_files (world->server);
        g_autoptr (Reply) reply = upload_file (world->server, world->tokens[CALLER_ADMIN],
                                               item_id, "Encrypted", NULL, encrypted);

        assert_error (reply, 400, "encrypted-pdf");
        g_assert_cmpuint (count_blob_files (world->server), ==, before);
      }
  }
}

/* The manifest: ETag, 304 on If-None-Match, a new ETag after a change. */
static void
test_manifest (void)
{
  g_autoptr (World) world = world_new ();
  ChamberTestServer *server = world->server;
  const char *admin = world->tokens[CALLER_ADMIN];
  const char *delegate = world->tokens[CALLER_DELEGATE];
  g_autofree char *manifest_path = NULL;
  g_autofree char *pdf_path = write_test_pdf (world, "manifest.pdf", 2);
  g_autoptr (Reply) first = NULL;
  g_autoptr (Reply) again = NULL;
  g_autoptr (Reply) cached = NULL;
  g_autoptr (Reply) changed = NULL;
  g_autoptr (JsonObject) root = NULL;
  g_autoptr (JsonObject) changed_root = NULL;
  g_autofree char *body_hash = NULL;
  g_autofree char *expected_etag = NULL;
  const char *etag;
  gint64 session_id, item_id;

  session_id = create_session (server, admin, 10);
  item_id = create_item (server, admin, session_id, "Báo cáo");
  {
    g_autoptr (Reply) uploaded = upload_file (server, admin, item_id, "Báo cáo", NULL, pdf_path);
    assert_status (uploaded, SOUP_STATUS_CREATED);
  }
  manifest_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/manifest", session_id);

  first = get (server, manifest_path, delegate);
  assert_status (first, SOUP_STATUS_OK);
  etag = soup_message_headers_get_one (first->headers, "ETag");
  body_hash = chamber_sha256_hex (g_bytes_get_data (first->body, NULL),
                                  g_bytes_get_size (first->body));
  expected_etag = g_strdup_printf ("\"%s\"", body_hash);
  g_assert_cmpstr (etag, ==, expected_etag);
  g_assert_cmpstr (soup_message_headers_get_one (first->headers, "Cache-Control"), ==,
                   "no-cache");
  root = reply_object (first);
  g_assert_cmpint (json_object_get_int_member (root, "format"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (root, "revision"), ==,
                   json_object_get_int_member (json_object_get_object_member (root, "session"),
                                               "revision"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "items")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "documents")),
                    ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "people")), >=,
                    5);
  /* What the server sends is what the sync engine accepts. */
  {
    g_autoptr (ChamberManifest) parsed = NULL;
    g_autoptr (GError) error = NULL;

    parsed = chamber_manifest_parse (g_bytes_get_data (first->body, NULL),
                                     g_bytes_get_size (first->body), &error);
    g_assert_no_error (error);
    g_assert_cmpint (parsed->session->id, ==, session_id);
    g_assert_cmpuint (parsed->documents->len, ==, 1);
    g_assert_cmpint (((ChamberDocument *) g_ptr_array_index (parsed->documents, 0))->pages, ==,
                     2);
  }

  /* Same bytes on a second request; If-None-Match answers 304 with no body. */
  again = get (server, manifest_path, delegate);
  g_assert_true (g_bytes_equal (first->body, again->body));
  cached = send_full (server->url, "GET", manifest_path, delegate, NULL, NULL, "If-None-Match",
                      etag);
  assert_status (cached, SOUP_STATUS_NOT_MODIFIED);
  g_assert_cmpuint (g_bytes_get_size (cached->body), ==, 0);
  g_assert_cmpstr (soup_message_headers_get_one (cached->headers, "ETag"), ==, etag);
  {
    g_autoptr (Reply) other = send_full (server->url, "GET", manifest_path, delegate, NULL, NULL,
                                         "If-None-Match", "\"0000\"");
    assert_status (other, SOUP_STATUS_OK);
  }

  /* A new item changes the revision and the ETag. */
  create_item (server, admin, session_id, "Bế mạc");
  changed = send_full (server->url, "GET", manifest_path, delegate, NULL, NULL, "If-None-Match",
                       etag);
  assert_status (changed, SOUP_STATUS_OK);
  g_assert_cmpstr (soup_message_headers_get_one (changed->headers, "ETag"), !=, etag);
  changed_root = reply_object (changed);
  g_assert_cmpint (json_object_get_int_member (changed_root, "revision"), >,
                   json_object_get_int_member (root, "revision"));

  {
    g_autoptr (Reply) missing = get (server, "/api/v1/sessions/987654/manifest", delegate);
    assert_error (missing, 404, "not-found");
  }
}

/* Sends raw bytes to the server and returns everything it answers (for paths a URI parser
 * would clean up). */
static char *
raw_request (ChamberTestServer *server,
             const char        *request_text)
{
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) connection = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GUri) uri = g_uri_parse (server->url, G_URI_FLAGS_NONE, NULL);
  g_autoptr (GByteArray) answer = g_byte_array_new ();
  guint8 buffer[4096];
  gssize n;

  connection = g_socket_client_connect_to_host (client, g_uri_get_host (uri),
                                                (guint16) g_uri_get_port (uri), NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                             request_text, strlen (request_text), NULL, NULL, &error);
  g_assert_no_error (error);
  while ((n = g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                                   buffer, sizeof buffer, NULL, &error))
         > 0)
    g_byte_array_append (answer, buffer, n);
  g_assert_no_error (error);
  g_byte_array_append (answer, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (g_steal_pointer (&answer), FALSE);
}

/* Blobs: the bytes, the headers, byte ranges, and paths that try to escape. */
static void
test_blobs (void)
{
  g_autoptr (World) world = world_new ();
  ChamberTestServer *server = world->server;
  const char *admin = world->tokens[CALLER_ADMIN];
  const char *delegate = world->tokens[CALLER_DELEGATE];
  g_autofree char *pdf_path = write_test_pdf (world, "blob.pdf", 5);
  g_autoptr (GBytes) pdf = read_bytes (pdf_path);
  gsize size = g_bytes_get_size (pdf);
  g_autoptr (Reply) uploaded = NULL;
  g_autoptr (JsonObject) document = NULL;
  g_autofree char *blob_path = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *hash = NULL;
  gint64 session_id, item_id;

  session_id = create_session (server, admin, 10);
  item_id = create_item (server, admin, session_id, "Tài liệu");
  uploaded = upload_bytes (server, admin, item_id, "Tài liệu", NULL, pdf);
  assert_status (uploaded, SOUP_STATUS_CREATED);
  document = reply_member (uploaded, "document");
  hash = g_strdup (json_object_get_string_member (document, "sha256"));
  blob_path = g_strdup_printf ("/api/v1/blobs/%s", hash);
  etag = g_strdup_printf ("\"%s\"", hash);
  g_assert_cmpuint (size, >, 1000);

  /* The whole file, byte for byte, with immutable caching headers. */
  {
    g_autoptr (Reply) full = get (server, blob_path, delegate);

    assert_status (full, SOUP_STATUS_OK);
    g_assert_true (g_bytes_equal (full->body, pdf));
    g_assert_cmpstr (soup_message_headers_get_content_type (full->headers, NULL), ==,
                     "application/pdf");
    g_assert_cmpstr (soup_message_headers_get_one (full->headers, "Cache-Control"), ==,
                     "public, max-age=31536000, immutable");
    g_assert_cmpstr (soup_message_headers_get_one (full->headers, "ETag"), ==, etag);
    g_assert_cmpstr (soup_message_headers_get_one (full->headers, "Accept-Ranges"), ==, "bytes");
    g_assert_cmpint (soup_message_headers_get_content_length (full->headers), ==, size);
  }
  {
    g_autoptr (Reply) head = send_json (server, "HEAD", blob_path, delegate, NULL);

    assert_status (head, SOUP_STATUS_OK);
    g_assert_cmpuint (g_bytes_get_size (head->body), ==, 0);
    g_assert_cmpint (soup_message_headers_get_content_length (head->headers), ==, size);
  }
  {
    g_autoptr (Reply) cached = send_full (server->url, "GET", blob_path, delegate, NULL, NULL,
                                          "If-None-Match", etag);

    assert_status (cached, SOUP_STATUS_NOT_MODIFIED);
    g_assert_cmpuint (g_bytes_get_size (cached->body), ==, 0);
  }

  /* Ranges. */
  {
    static const struct {
      const char *range;  /* %Z the size */
      guint       status;
      gssize      start, end;  /* -1: to the end / from size - N */
    } ranges[] = {
      { "bytes=100-", 206, 100, -1 },
      { "bytes=0-99", 206, 0, 99 },
      { "bytes=500-500", 206, 500, 500 },
      { "bytes=-50", 206, -50, -1 },
      { "bytes=0-99999999999", 206, 0, -1 },
      { "bytes=%Z-", 416, 0, 0 },
      { "bytes=99999999-", 416, 0, 0 },
      { "bytes=-0", 416, 0, 0 },
      { "bytes=0-1,5-6", 200, 0, -1 },
      { "bytes=abc", 200, 0, -1 },
      { "pages=1-2", 200, 0, -1 },
      { "bytes=9-3", 200, 0, -1 },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (ranges); i++)
      {
        g_autoptr (GString) range = g_string_new (ranges[i].range);
        g_autofree char *size_text = g_strdup_printf ("%" G_GSIZE_FORMAT, size);
        g_autoptr (Reply) reply = NULL;

        g_string_replace (range, "%Z", size_text, 0);
        reply = send_full (server->url, "GET", blob_path, delegate, NULL, NULL, "Range",
                           range->str);
        g_test_message ("Range: %s → %u", range->str, reply->status);
        g_assert_cmpuint (reply->status, ==, ranges[i].status);

        if (ranges[i].status == 416)
          {
            g_autofree char *content_range = g_strdup_printf ("bytes */%" G_GSIZE_FORMAT, size);

            g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Content-Range"), ==,
                             content_range);
            assert_error (reply, 416, "bad-request");
          }
        else
          {
            gsize start = ranges[i].start < 0 ? size + ranges[i].start : (gsize) ranges[i].start;
            gsize end = ranges[i].end < 0 ? size - 1 : (gsize) ranges[i].end;
            g_autoptr (GBytes) expected = g_bytes_new_from_bytes (pdf, start, end - start + 1);

            g_assert_true (g_bytes_equal (reply->body, expected));
            if (ranges[i].status == 206)
              {
                g_autofree char *content_range =
                  g_strdup_printf ("bytes %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT "/%"
                                   G_GSIZE_FORMAT,
                                   start, end, size);
                g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Content-Range"),
                                 ==, content_range);
              }
          }
      }
  }

  /* Hashes that are not hashes never reach the filesystem. */
  {
    g_autofree char *upper = g_ascii_strup (hash, -1);
    g_autofree char *short_hash = g_strndup (hash, 63);
    g_autofree char *long_hash = g_strconcat (hash, "0", NULL);
    g_autofree char *bad_digit = g_strdup (hash);
    const char *const bad_paths[] = { upper, short_hash, long_hash, bad_digit,
                                      "..%2F..%2Fchamber.db", "..%2F..%2F..%2Fetc%2Fpasswd",
                                      "chamber.db", "%00", NULL };
    /* Dot segments that the URI parsers on either side may resolve before routing. */
    const char *const dot_paths[] = { "%2E%2E", "%2e%2e%2fchamber.db", "..", "../../chamber.db",
                                      NULL };

    bad_digit[10] = 'g';
    for (guint i = 0; bad_paths[i] != NULL; i++)
      {
        g_autofree char *path = g_strdup_printf ("/api/v1/blobs/%s", bad_paths[i]);
        g_autoptr (Reply) reply = get (server, path, delegate);

        g_test_message ("GET %s → %u", path, reply->status);
        assert_error (reply, 400, "bad-request");
      }
    for (guint i = 0; dot_paths[i] != NULL; i++)
      {
        g_autofree char *path = g_strdup_printf ("/api/v1/blobs/%s", dot_paths[i]);
        g_autoptr (Reply) reply = get (server, path, delegate);

        g_test_message ("GET %s → %u", path, reply->status);
        g_assert_true (reply->status == 400 || reply->status == 404);
        assert_error (reply, reply->status, reply->status == 400 ? "bad-request" : "not-found");
      }
  }
  {
    g_autoptr (Reply) unknown = get (server, "/api/v1/blobs/"
                                     "0123456789abcdef0123456789abcdef"
                                     "0123456789abcdef0123456789abcdef",
                                     delegate);
    assert_error (unknown, 404, "not-found");
  }

  /* Dot segments sent raw, past any client-side URI cleaning. */
  {
    static const char *const raw_paths[] = {
      "/api/v1/blobs/../../chamber.db",
      "/api/v1/blobs/..%2F..%2Fchamber.db",
      "/api/v1/blobs/%2e%2e/%2e%2e/chamber.db",
      "/api/v1/blobs/..\\..\\chamber.db",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (raw_paths); i++)
      {
        g_autofree char *text =
          g_strdup_printf ("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\n"
                           "Connection: close\r\n\r\n",
                           raw_paths[i], admin);
        g_autofree char *answer = raw_request (server, text);

        g_test_message ("raw GET %s → %.12s", raw_paths[i], answer);
        g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 4"));
        g_assert_null (strstr (answer, "SQLite format"));
      }
  }
}

/* Bodies over the limits are refused with 413 and store nothing. */
static void
test_limits (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  const char *token = server->admin_token;
  g_autofree char *big = NULL;
  gsize big_len = 1024 * 1024 + 100;

  /* JSON over 1 MiB. */
  big = g_malloc (big_len + 1);
  memset (big, ' ', big_len);
  memcpy (big, "{\"title\": \"", 11);
  big[big_len - 2] = '"';
  big[big_len - 1] = '}';
  big[big_len] = '\0';
  {
    g_autoptr (Reply) reply = send_json (server, "POST", "/api/v1/sessions", token, big);
    assert_error (reply, 413, "too-large");
  }
  /* The same, sent chunked without a Content-Length. */
  {
    g_autofree char *url = g_strconcat (server->url, "/api/v1/people", NULL);
    g_autoptr (SoupMessage) msg = soup_message_new ("POST", url);
    g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_data (big, big_len, NULL);
    g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
    g_autoptr (GError) error = NULL;
    g_autoptr (GBytes) answer = NULL;
    g_autofree char *code = NULL;
    g_autofree char *message = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    soup_message_set_request_body (msg, "application/json", stream, -1);
    answer = soup_session_send_and_read (http_session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 413);
    g_assert_true (chamber_protocol_parse_error_body (g_bytes_get_data (answer, NULL),
                                                      g_bytes_get_size (answer), &code,
                                                      &message));
    g_assert_cmpstr (code, ==, "too-large");
  }
  assert_server_answers (server);

  /* Uploads over --max-upload-mb, with and without Content-Length. */
  {
    g_autoptr (GSubprocess) process = NULL;
    g_autoptr (GDataInputStream) lines = NULL;
    g_autoptr (GError) error = NULL;
    g_autofree char *line = NULL;
    g_autofree char *pdf_path = g_build_filename (server->data_dir, "small.pdf", NULL);
    g_autofree char *oversized = g_malloc (2 * 1024 * 1024);
    g_autoptr (GBytes) body = NULL;
    ChamberTestServer limited = { 0, };
    gint64 session_id, item_id;
    guint before;

    chamber_test_server_stop (server);
    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                chamber_test_chamberd_path (), "--data", server->data_dir,
                                "--listen", "127.0.0.1:0", "--max-upload-mb", "1", NULL);
    g_assert_no_error (error);
    lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
    line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (line, "listening on http://127.0.0.1:"));
    limited.url = line + strlen ("listening on ");
    limited.admin_token = server->admin_token;
    limited.data_dir = server->data_dir;

    session_id = create_session (&limited, token, 10);
    item_id = create_item (&limited, token, session_id, "Lớn");
    chamber_test_write_pdf (pdf_path, 1, "small");
    {
      g_autoptr (Reply) fits = upload_file (&limited, token, item_id, "fits", NULL, pdf_path);
      assert_status (fits, SOUP_STATUS_CREATED);
    }

    before = count_blob_files (&limited);
    memset (oversized, 'x', 2 * 1024 * 1024);
    memcpy (oversized, "%PDF-1.7\n", 9);
    body = g_bytes_new_take (g_steal_pointer (&oversized), 2 * 1024 * 1024);
    {
      g_autoptr (Reply) reply = upload_bytes (&limited, token, item_id, "big", NULL, body);
      assert_error (reply, 413, "too-large");
    }
    {
      g_autofree char *url = g_strdup_printf ("%s/api/v1/items/%" G_GINT64_FORMAT
                                              "/documents?title=big",
                                              limited.url, item_id);
      g_autoptr (SoupMessage) msg = soup_message_new ("POST", url);
      g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (body);
      g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
      g_autoptr (GBytes) answer = NULL;

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    auth);
      soup_message_set_request_body (msg, "application/pdf", stream, -1);
      answer = soup_session_send_and_read (http_session, msg, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (soup_message_get_status (msg), ==, 413);
    }
    g_assert_cmpuint (count_blob_files (&limited), ==, before);
    assert_server_answers (&limited);

    g_subprocess_send_signal (process, SIGTERM);
    g_subprocess_wait (process, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_subprocess_get_if_exited (process));
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  }
}

/* The command line. */
static void
test_command_line (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamberd-cli-XXXXXX");
  g_autofree char *data_dir = g_build_filename (dir, "new", "data", NULL);
  const char *chamberd = chamber_test_chamberd_path ();
  g_autofree char *out1 = NULL, *out2 = NULL, *err = NULL, *out = NULL;
  g_auto (GStrv) lines = NULL;
  int status;

  /* init creates the folder and prints exactly one token line. */
  status = chamber_test_run ((const char *const[]) { chamberd, "--data", data_dir, "init", NULL },
                             NULL, &out1, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_suffix (out1, "\n"));
  lines = g_strsplit (out1, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[1], ==, "");
  g_assert_true (g_str_has_prefix (lines[0], "chm_"));
  g_assert_cmpuint (strlen (lines[0]), ==, 4 + 43);
  g_assert_true (g_file_test (data_dir, G_FILE_TEST_IS_DIR));
  {
    g_autofree char *db = g_build_filename (data_dir, "chamber.db", NULL);
    g_autofree char *blobs = g_build_filename (data_dir, "blobs", NULL);

    g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (blobs, G_FILE_TEST_IS_DIR));
  }

  /* init again keeps the data and prints another token for the same administrator. */
  status = chamber_test_run ((const char *const[]) { chamberd, "--data", data_dir, "init", NULL },
                             NULL, &out2, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out1, !=, out2);
  {
    ChamberTestServer server = { 0, };
    g_autoptr (GSubprocess) process = NULL;
    g_autoptr (GDataInputStream) stream = NULL;
    g_autoptr (GError) error = NULL;
    g_autofree char *line = NULL;
    g_autoptr (Reply) me1 = NULL;
    g_autoptr (Reply) me2 = NULL;
    g_autoptr (Reply) people = NULL;
    g_autoptr (JsonObject) person1 = NULL;
    g_autoptr (JsonObject) person2 = NULL;
    g_autoptr (JsonObject) people_root = NULL;

    process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, chamberd, "--data",
                                data_dir, "--listen", "localhost:0", NULL);
    g_assert_no_error (error);
    stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
    line = g_data_input_stream_read_line_utf8 (stream, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (line, "listening on http://127.0.0.1:"));
    g_assert_cmpstr (line, !=, "listening on http://127.0.0.1:0");
    server.url = line + strlen ("listening on ");

    me1 = get (&server, "/api/v1/me", g_strstrip (out1));
    me2 = get (&server, "/api/v1/me", g_strstrip (out2));
    assert_status (me1, SOUP_STATUS_OK);
    assert_status (me2, SOUP_STATUS_OK);
    person1 = reply_member (me1, "person");
    person2 = reply_member (me2, "person");
    g_assert_cmpstr (json_object_get_string_member (person1, "name"), ==, "Administrator");
    g_assert_cmpstr (json_object_get_string_member (person1, "role"), ==, "admin");
    g_assert_cmpint (json_object_get_int_member (person1, "id"), ==,
                     json_object_get_int_member (person2, "id"));
    people = get (&server, "/api/v1/people", out1);
    people_root = reply_object (people);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (people_root,
                                                                           "people")),
                      ==, 1);

    /* SIGTERM ends it cleanly. */
    g_subprocess_send_signal (process, SIGTERM);
    g_subprocess_wait (process, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (g_subprocess_get_if_exited (process));
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  }

  /* Bad usage exits 2 with a message; errors exit 1 with one line. */
  {
    static const char *const usage_cases[][6] = {
      { "--no-such-option", NULL },
      { "--data", NULL },
      { "init", NULL },
      { "--data", "/tmp", "frobnicate", NULL },
      { "--data", "/tmp", "init", "extra", NULL },
      { "--data", "/tmp", "--listen", "nowhere", NULL },
      { "--data", "/tmp", "--listen", "127.0.0.1:70000", NULL },
      { "--data", "/tmp", "--listen", "::1:80", NULL },
      { "--data", "/tmp", "--max-upload-mb", "0", NULL },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (usage_cases); i++)
      {
        const char *argv[8] = { chamberd, };
        g_autofree char *usage_err = NULL;

        for (int a = 0; usage_cases[i][a] != NULL; a++)
          argv[a + 1] = usage_cases[i][a];
        status = chamber_test_run (argv, NULL, NULL, &usage_err);
        g_test_message ("chamberd %s → %d %s", usage_cases[i][0], status, usage_err);
        g_assert_cmpint (status, ==, 2);
        g_assert_true (g_str_has_prefix (usage_err, "chamberd: "));
      }
  }
  {
    g_autofree char *missing = g_build_filename (dir, "missing", NULL);
    g_autofree char *serve_err = NULL;

    status = chamber_test_run ((const char *const[]) { chamberd, "--data", missing, "--listen",
                                                       "127.0.0.1:0", NULL },
                               NULL, &out, &serve_err);
    g_assert_cmpint (status, ==, 1);
    g_assert_cmpstr (out, ==, "");
    g_assert_true (g_str_has_prefix (serve_err, "chamberd: "));
    g_assert_nonnull (strstr (serve_err, "init"));
    g_assert_true (strchr (serve_err, '\n') == serve_err + strlen (serve_err) - 1);
  }
  {
    g_autofree char *help = NULL;

    status = chamber_test_run ((const char *const[]) { chamberd, "--help", NULL }, NULL, &help,
                               NULL);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (help, "--data"));
    g_assert_nonnull (strstr (help, "--listen"));
    g_assert_nonnull (strstr (help, "init"));
  }

  chamber_test_rm_rf (dir);
}

/* Data survives a restart: records, blobs, and the manifest's ETag. */
static void
test_restart (void)
{
  g_autoptr (World) world = world_new ();
  ChamberTestServer *server = world->server;
  const char *admin = world->tokens[CALLER_ADMIN];
  g_autofree char *pdf_path = write_test_pdf (world, "restart.pdf", 2);
  g_autoptr (GBytes) pdf = read_bytes (pdf_path);
  g_autoptr (Reply) uploaded = NULL;
  g_autoptr (JsonObject) document = NULL;
  g_autoptr (Reply) manifest_before = NULL;
  g_autoptr (Reply) manifest_after = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *blob_path = NULL;
  gint64 session_id, item_id;

  session_id = create_session (server, admin, 10);
  item_id = create_item (server, admin, session_id, "Khai mạc");
  uploaded = upload_bytes (server, admin, item_id, "Diễn văn khai mạc", NULL, pdf);
  assert_status (uploaded, SOUP_STATUS_CREATED);
  document = reply_member (uploaded, "document");
  manifest_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/manifest", session_id);
  blob_path = g_strdup_printf ("/api/v1/blobs/%s",
                               json_object_get_string_member (document, "sha256"));
  manifest_before = get (server, manifest_path, world->tokens[CALLER_DELEGATE]);
  assert_status (manifest_before, SOUP_STATUS_OK);

  chamber_test_server_restart (server);

  manifest_after = get (server, manifest_path, world->tokens[CALLER_DELEGATE]);
  assert_status (manifest_after, SOUP_STATUS_OK);
  g_assert_true (g_bytes_equal (manifest_before->body, manifest_after->body));
  g_assert_cmpstr (soup_message_headers_get_one (manifest_before->headers, "ETag"), ==,
                   soup_message_headers_get_one (manifest_after->headers, "ETag"));
  {
    g_autoptr (Reply) blob = get (server, blob_path, world->tokens[CALLER_DELEGATE]);

    assert_status (blob, SOUP_STATUS_OK);
    g_assert_true (g_bytes_equal (blob->body, pdf));
  }
  /* Tokens issued before the restart still work; new changes still land. */
  for (int c = CALLER_ADMIN; c <= CALLER_OFFICIAL; c++)
    {
      g_autoptr (Reply) me = get (server, "/api/v1/me", world->tokens[c]);
      assert_status (me, SOUP_STATUS_OK);
    }
  create_item (server, world->tokens[CALLER_SECRETARIAT], session_id, "Bế mạc");

  /* After a hard kill too. */
  chamber_test_server_kill (server);
  chamber_test_server_restart (server);
  {
    g_autofree char *items_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/items",
                                                   session_id);
    g_autoptr (Reply) items = get (server, items_path, admin);
    g_autoptr (JsonObject) root = reply_object (items);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "items")), ==,
                      2);
  }
}

/* Changing who may read a document: a committee's confidential document is absent for everyone
 * else, hash and all, until the secretariat opens it to all; delegates may not change it. */
static void
test_access_change (void)
{
  g_autoptr (World) world = world_new ();
  ChamberTestServer *server = world->server;
  const char *admin = world->tokens[CALLER_ADMIN];
  const char *outsider = world->tokens[CALLER_DELEGATE];
  g_autofree char *pdf_path = write_test_pdf (world, "ngan-sach.pdf", 2);
  g_autofree char *escaped = g_uri_escape_string ("group:Ban Kinh tế – Ngân sách", NULL, FALSE);
  g_autofree char *query = g_strdup_printf ("&access=%s", escaped);
  g_autofree char *member_token = NULL;
  g_autofree char *manifest_path = NULL;
  g_autofree char *session_path = NULL;
  g_autofree char *blob_path = NULL;
  g_autofree char *access_path = NULL;
  g_autofree char *outsider_etag = NULL;
  g_autoptr (Reply) uploaded = NULL;
  g_autoptr (JsonObject) document = NULL;
  gint64 session_id, item_id, member_id, revision;
  const char *hash;

  session_id = create_session (server, admin, 10);
  item_id = create_item (server, admin, session_id, "Dự toán ngân sách");
  member_id = create_person (server, admin, "Thành viên Ban", "delegate",
                             "Ban Kinh tế – Ngân sách");
  member_token = issue_token (server, admin, member_id);
  uploaded = upload_file (server, admin, item_id, "Báo cáo thẩm tra (mật)", query, pdf_path);
  assert_status (uploaded, SOUP_STATUS_CREATED);
  document = reply_member (uploaded, "document");
  hash = json_object_get_string_member (document, "sha256");

  manifest_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/manifest", session_id);
  session_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT, session_id);
  blob_path = g_strdup_printf ("/api/v1/blobs/%s", hash);
  access_path = g_strdup_printf ("/api/v1/documents/%" G_GINT64_FORMAT "/access",
                                 json_object_get_int_member (document, "id"));

  /* The member and the chair have it; the outsider does not even learn its hash. */
  for (int i = 0; i < 2; i++)
    {
      const char *token = i == 0 ? member_token : world->tokens[CALLER_CHAIR];
      g_autoptr (Reply) manifest = get (server, manifest_path, token);
      g_autoptr (Reply) blob = get (server, blob_path, token);
      g_autofree char *text = g_strndup (g_bytes_get_data (manifest->body, NULL),
                                         g_bytes_get_size (manifest->body));

      assert_status (manifest, SOUP_STATUS_OK);
      g_assert_nonnull (strstr (text, hash));
      assert_status (blob, SOUP_STATUS_OK);
    }
  {
    g_autoptr (Reply) manifest = get (server, manifest_path, outsider);
    g_autoptr (Reply) blob = get (server, blob_path, outsider);
    g_autofree char *text = g_strndup (g_bytes_get_data (manifest->body, NULL),
                                       g_bytes_get_size (manifest->body));

    assert_status (manifest, SOUP_STATUS_OK);
    g_assert_null (strstr (text, hash));
    assert_error (blob, 404, "not-found");
    outsider_etag = g_strdup (soup_message_headers_get_one (manifest->headers, "ETag"));
  }

  /* Delegates, the chair and officials may not change access; bad bodies are refused. */
  for (int c = CALLER_CHAIR; c <= CALLER_OFFICIAL; c++)
    {
      g_autoptr (Reply) refused = send_json (server, "PUT", access_path, world->tokens[c],
                                             "{\"access\": [\"all\"]}");
      assert_error (refused, 403, "forbidden");
    }
  {
    const char *const bad[] = {
      "{}", "{\"access\": []}", "{\"access\": \"all\"}", "{\"access\": [\"everyone\"]}",
      "{\"access\": [\"person:0\"]}", "{\"access\": [\"group:\"]}", "{\"access\": [7]}", "[]",
    };
    g_autoptr (Reply) wrong_method = get (server, access_path, admin);
    g_autoptr (Reply) unknown = send_json (server, "PUT", "/api/v1/documents/999/access", admin,
                                           "{\"access\": [\"all\"]}");

    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr (Reply) refused = send_json (server, "PUT", access_path, admin, bad[i]);
        assert_error (refused, 400, "bad-request");
      }
    assert_error (wrong_method, 405, "bad-request");
    g_assert_cmpstr (soup_message_headers_get_one (wrong_method->headers, "Allow"), ==, "PUT");
    assert_error (unknown, 404, "not-found");
  }
  {
    g_autoptr (Reply) before = get (server, session_path, admin);
    g_autoptr (JsonObject) session = reply_member (before, "session");

    revision = json_object_get_int_member (session, "revision");
  }

  /* The secretariat opens it to all: the revision moves, everyone's manifest changes. */
  {
    g_autoptr (Reply) changed = send_json (server, "PUT", access_path,
                                           world->tokens[CALLER_SECRETARIAT],
                                           "{\"access\": [\"all\"]}");
    g_autoptr (JsonObject) record = NULL;
    g_autoptr (Reply) after = get (server, session_path, admin);
    g_autoptr (JsonObject) session = reply_member (after, "session");
    g_autoptr (Reply) manifest = NULL;
    g_autoptr (Reply) blob = get (server, blob_path, outsider);
    g_autofree char *text = NULL;
    JsonArray *access;

    assert_status (changed, SOUP_STATUS_OK);
    record = reply_member (changed, "document");
    access = json_object_get_array_member (record, "access");
    g_assert_cmpuint (json_array_get_length (access), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (access, 0), ==, "all");
    g_assert_cmpint (json_object_get_int_member (session, "revision"), >, revision);

    manifest = send_full (server->url, "GET", manifest_path, outsider, NULL, NULL,
                          "If-None-Match", outsider_etag);
    assert_status (manifest, SOUP_STATUS_OK);
    text = g_strndup (g_bytes_get_data (manifest->body, NULL), g_bytes_get_size (manifest->body));
    g_assert_nonnull (strstr (text, hash));
    g_assert_cmpstr (soup_message_headers_get_one (manifest->headers, "ETag"), !=,
                     outsider_etag);
    assert_status (blob, SOUP_STATUS_OK);
  }

  /* And back to one person only: the member loses it, that person has it. */
  {
    g_autofree char *body = g_strdup_printf ("{\"access\": [\"person:%" G_GINT64_FORMAT "\"]}",
                                             world->person_ids[CALLER_DELEGATE]);
    g_autoptr (Reply) changed = send_json (server, "PUT", access_path, admin, body);
    g_autoptr (Reply) member_blob = NULL;
    g_autoptr (Reply) outsider_blob = NULL;

    assert_status (changed, SOUP_STATUS_OK);
    member_blob = get (server, blob_path, member_token);
    outsider_blob = get (server, blob_path, outsider);
    assert_error (member_blob, 404, "not-found");
    assert_status (outsider_blob, SOUP_STATUS_OK);
  }
}

/* Revoking a token and an expired token: 401 on the very next request. */
static void
test_tokens (void)
{
  g_autoptr (World) world = world_new ();
  ChamberTestServer *server = world->server;
  const char *admin = world->tokens[CALLER_ADMIN];
  const char *secretariat = world->tokens[CALLER_SECRETARIAT];
  g_autofree char *tokens_path = NULL;
  g_autofree char *secretariat_tokens_path = NULL;
  g_autofree char *revoke_path = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *expired_token = NULL;
  g_autofree char *short_token = NULL;
  g_autoptr (GDateTime) soon = NULL;
  g_autofree char *soon_text = NULL;
  g_autofree char *soon_body = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (Reply) issued = NULL;
  g_autoptr (JsonObject) issued_root = NULL;
  g_autofree char *token = NULL;
  gint64 delegate_id = world->person_ids[CALLER_DELEGATE];
  gint64 token_id;

  tokens_path = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT "/tokens", delegate_id);
  issued = send_json (server, "POST", tokens_path, secretariat, "{}");
  assert_status (issued, SOUP_STATUS_CREATED);
  issued_root = reply_object (issued);
  token = g_strdup (json_object_get_string_member (issued_root, "token"));
  token_id = json_object_get_int_member (issued_root, "token_id");
  revoke_path = g_strdup_printf ("/api/v1/tokens/%" G_GINT64_FORMAT "/revoke", token_id);

  {
    g_autoptr (Reply) me = get (server, "/api/v1/me", token);
    g_autoptr (Reply) by_delegate = send_json (server, "POST", revoke_path, token, "{}");
    g_autoptr (Reply) unknown = send_json (server, "POST", "/api/v1/tokens/99999/revoke", admin,
                                           "{}");
    g_autoptr (Reply) wrong_method = get (server, revoke_path, admin);

    assert_status (me, SOUP_STATUS_OK);
    assert_error (by_delegate, 403, "forbidden");
    assert_error (unknown, 404, "not-found");
    assert_error (wrong_method, 405, "bad-request");
  }
  {
    g_autoptr (Reply) revoked = send_json (server, "POST", revoke_path, secretariat, "{}");
    g_autoptr (JsonObject) root = NULL;
    g_autoptr (Reply) me = get (server, "/api/v1/me", token);
    g_autoptr (Reply) again = send_json (server, "POST", revoke_path, secretariat, "");
    g_autoptr (Reply) other = get (server, "/api/v1/me", world->tokens[CALLER_DELEGATE]);

    assert_status (revoked, SOUP_STATUS_OK);
    root = reply_object (revoked);
    g_assert_cmpint (json_object_get_int_member (root, "token_id"), ==, token_id);
    g_assert_cmpint (json_object_get_int_member (root, "person_id"), ==, delegate_id);
    g_assert_true (json_object_get_boolean_member (root, "revoked"));
    assert_error (me, 401, "unauthorized");
    assert_status (again, SOUP_STATUS_OK);
    /* The person's other token still works. */
    assert_status (other, SOUP_STATUS_OK);
  }

  /* The secretariat may not revoke a token of the secretariat; an admin may. */
  {
    g_autoptr (Reply) spare = NULL;
    g_autoptr (JsonObject) root = NULL;
    g_autofree char *path = NULL;
    g_autoptr (Reply) refused = NULL;
    g_autoptr (Reply) done = NULL;

    secretariat_tokens_path =
      g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT "/tokens",
                       world->person_ids[CALLER_SECRETARIAT]);
    spare = send_json (server, "POST", secretariat_tokens_path, admin, "{}");
    assert_status (spare, SOUP_STATUS_CREATED);
    root = reply_object (spare);
    path = g_strdup_printf ("/api/v1/tokens/%" G_GINT64_FORMAT "/revoke",
                            json_object_get_int_member (root, "token_id"));
    refused = send_json (server, "POST", path, secretariat, "{}");
    assert_error (refused, 403, "forbidden");
    done = send_json (server, "POST", path, admin, "{}");
    assert_status (done, SOUP_STATUS_OK);
  }

  /* A token whose expiry has passed (written straight into the server's database). */
  db_path = g_build_filename (server->data_dir, "chamber.db", NULL);
  store = chamber_store_open (db_path, &error);
  g_assert_no_error (error);
  expired_token = g_strdup ("chm_expiredexpiredexpiredexpiredexpiredexpir");
  {
    g_autofree char *hash = chamber_token_hash (expired_token);
    g_autoptr (Reply) me = NULL;

    g_assert_true (chamber_store_insert_token (store, delegate_id, hash, "2020-01-01T00:00:00Z",
                                               NULL, &error));
    g_assert_no_error (error);
    me = get (server, "/api/v1/me", expired_token);
    assert_error (me, 401, "unauthorized");
  }

  /* A token that expires in two seconds works until then, and not a moment after. */
  soon = g_date_time_new_now_utc ();
  {
    GDateTime *later = g_date_time_add_seconds (soon, 2);

    g_date_time_unref (soon);
    soon = later;
  }
  soon_text = g_date_time_format (soon, "%Y-%m-%dT%H:%M:%SZ");
  soon_body = g_strdup_printf ("{\"expires_at\": \"%s\"}", soon_text);
  {
    g_autoptr (Reply) short_issued = send_json (server, "POST", tokens_path, admin, soon_body);
    g_autoptr (JsonObject) root = NULL;
    g_autoptr (Reply) now_me = NULL;
    g_autoptr (Reply) later_me = NULL;

    assert_status (short_issued, SOUP_STATUS_CREATED);
    root = reply_object (short_issued);
    g_assert_cmpstr (json_object_get_string_member (root, "expires_at"), ==, soon_text);
    short_token = g_strdup (json_object_get_string_member (root, "token"));
    now_me = get (server, "/api/v1/me", short_token);
    assert_status (now_me, SOUP_STATUS_OK);
    while (g_date_time_to_unix (soon) >= g_get_real_time () / G_USEC_PER_SEC)
      g_usleep (100 * 1000);
    later_me = get (server, "/api/v1/me", short_token);
    assert_error (later_me, 401, "unauthorized");
  }
}

/* Wrong tokens from one address: N answers 401, then 429 with Retry-After for every request
 * from there (a valid token too) until the window passes. */
/* The delivery entry of @person_id in a /delivery answer. */
static JsonObject *
find_delivery (JsonArray *people,
               gint64     person_id)
{
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *entry = json_array_get_object_element (people, i);

      if (json_object_get_int_member (entry, "person_id") == person_id)
        return entry;
    }
  g_error ("person %" G_GINT64_FORMAT " is not in the delivery", person_id);
  return NULL;
}

/* The download events of @person_id for @document_id in the whole log. */
static guint
count_downloads (ChamberTestServer *server,
                 gint64             person_id,
                 gint64             document_id)
{
  g_autoptr (Reply) reply = get (server, "/api/v1/audit?limit=10000", server->admin_token);
  g_autoptr (JsonObject) root = NULL;
  JsonArray *events;
  guint count = 0;

  assert_status (reply, SOUP_STATUS_OK);
  root = reply_object (reply);
  events = json_object_get_array_member (root, "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      if (g_str_equal (json_object_get_string_member (event, "action"), "download")
          && !json_object_get_null_member (event, "person_id")
          && json_object_get_int_member (event, "person_id") == person_id
          && json_object_get_int_member (event, "document_id") == document_id)
        count++;
    }
  return count;
}

/* Publishing, access changes, tokens and downloads in the audit log; the delivery of a session
 * after one delegate synced, with a resumed download counted once. */
static void
test_audit_delivery (void)
{
  g_autoptr (World) world = world_new ();
  ChamberTestServer *server = world->server;
  const char *office = world->tokens[CALLER_SECRETARIAT];
  g_autofree char *first_pdf = write_test_pdf (world, "first.pdf", 2);
  g_autofree char *second_pdf = write_test_pdf (world, "second.pdf", 3);
  g_autofree char *sync_dir = g_build_filename (world->temp_dir, "sync", NULL);
  g_autoptr (Reply) first = NULL, second = NULL;
  g_autoptr (JsonObject) first_doc = NULL, second_doc = NULL;
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (Reply) delivery = NULL;
  g_autoptr (JsonObject) delivery_root = NULL;
  g_autoptr (Reply) audit = NULL;
  g_autoptr (JsonObject) audit_root = NULL;
  g_autofree char *delivery_path = NULL, *audit_path = NULL, *access_path = NULL;
  g_autofree char *blob_path = NULL, *spare_path = NULL, *revoke_path = NULL;
  g_autofree char *range_tail = NULL, *issued_detail = NULL;
  JsonObject *synced, *absent, *chair;
  JsonArray *people, *documents, *events;
  gint64 session_id, other_session, item_id, first_id, second_id, absent_id, spare_person;
  gint64 spare_token = 0;
  gint64 bytes;
  gboolean seen_publish = FALSE, seen_access = FALSE, seen_issue = FALSE, seen_revoke = FALSE;

  session_id = create_session (server, office, 12);
  other_session = create_session (server, office, 13);
  item_id = create_item (server, office, session_id, "Kinh tế – xã hội");
  absent_id = create_person (server, office, "Đại biểu chưa nhận", "delegate", "Tổ 2");

  first = upload_file (server, office, item_id, "Báo cáo", NULL, first_pdf);
  assert_status (first, SOUP_STATUS_CREATED);
  first_doc = reply_member (first, "document");
  first_id = json_object_get_int_member (first_doc, "id");
  bytes = json_object_get_int_member (first_doc, "bytes");
  second = upload_file (server, office, item_id, "Tờ trình", "&access=group:Tổ%202", second_pdf);
  assert_status (second, SOUP_STATUS_CREATED);
  second_doc = reply_member (second, "document");
  second_id = json_object_get_int_member (second_doc, "id");

  /* The secretariat opens the submission to all. */
  access_path = g_strdup_printf ("/api/v1/documents/%" G_GINT64_FORMAT "/access", second_id);
  {
    g_autoptr (Reply) changed = send_json (server, "PUT", access_path, office,
                                           "{\"access\": [\"all\"]}");
    assert_status (changed, SOUP_STATUS_OK);
  }

  /* A token issued and revoked by the secretariat. */
  spare_person = create_person (server, office, "Đại biểu dự phòng", "delegate", NULL);
  spare_path = g_strdup_printf ("/api/v1/people/%" G_GINT64_FORMAT "/tokens", spare_person);
  {
    g_autoptr (Reply) issued = send_json (server, "POST", spare_path, office, "{}");
    g_autoptr (JsonObject) issued_root = NULL;

    assert_status (issued, SOUP_STATUS_CREATED);
    issued_root = reply_object (issued);
    spare_token = json_object_get_int_member (issued_root, "token_id");
  }
  revoke_path = g_strdup_printf ("/api/v1/tokens/%" G_GINT64_FORMAT "/revoke", spare_token);
  {
    g_autoptr (Reply) revoked = send_json (server, "POST", revoke_path, office, "{}");
    assert_status (revoked, SOUP_STATUS_OK);
  }

  /* The delegate syncs with the app's engine. */
  sync = chamber_sync_new (server->url, world->tokens[CALLER_DELEGATE], sync_dir, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_sync_run (sync, session_id, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (report->documents_fetched, ==, 2);

  delivery_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/delivery", session_id);
  delivery = get (server, delivery_path, office);
  assert_status (delivery, SOUP_STATUS_OK);
  delivery_root = reply_object (delivery);
  people = json_object_get_array_member (delivery_root, "people");

  synced = find_delivery (people, world->person_ids[CALLER_DELEGATE]);
  g_assert_cmpstr (json_object_get_string_member (synced, "name"), ==, "Người delegate");
  g_assert_cmpstr (json_object_get_string_member (synced, "group"), ==, "Tổ 1");
  documents = json_object_get_array_member (synced, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);
      g_autoptr (GDateTime) at =
        g_date_time_new_from_iso8601 (json_object_get_string_member (document,
                                                                     "downloaded_at"),
                                      NULL);

      g_assert_nonnull (at);
      g_assert_cmpint (json_object_get_int_member (document, "version"), ==, 1);
      g_assert_nonnull (json_object_get_string_member (document, "title"));
    }
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (synced, "missing")), ==,
                    0);

  absent = find_delivery (people, absent_id);
  documents = json_object_get_array_member (absent, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (documents, 0),
                                              "downloaded_at"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (absent, "missing")), ==,
                    2);
  /* The chair and the official are listed; the office and administrators are not. */
  chair = find_delivery (people, world->person_ids[CALLER_CHAIR]);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (chair, "missing")), ==,
                    2);
  find_delivery (people, world->person_ids[CALLER_OFFICIAL]);
  for (guint i = 0; i < json_array_get_length (people); i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (people, i),
                                                 "person_id"),
                     !=, world->person_ids[CALLER_SECRETARIAT]);

  /* A resumed download by the absent delegate: the first range is no download, a HEAD is none,
   * the range that ends at the last byte is one. */
  blob_path = g_strdup_printf ("/api/v1/blobs/%s",
                               json_object_get_string_member (first_doc, "sha256"));
  {
    g_autofree char *absent_token = issue_token (server, office, absent_id);
    g_autoptr (Reply) head = NULL, start = NULL, tail = NULL, again = NULL;

    start = send_full (server->url, "GET", blob_path, absent_token, NULL, NULL, "Range",
                       "bytes=0-99");
    assert_status (start, SOUP_STATUS_PARTIAL_CONTENT);
    head = send_full (server->url, "HEAD", blob_path, absent_token, NULL, NULL, NULL, NULL);
    assert_status (head, SOUP_STATUS_OK);
    g_assert_cmpuint (count_downloads (server, absent_id, first_id), ==, 0);

    range_tail = g_strdup_printf ("bytes=100-%" G_GINT64_FORMAT, bytes - 1);
    tail = send_full (server->url, "GET", blob_path, absent_token, NULL, NULL, "Range",
                      range_tail);
    assert_status (tail, SOUP_STATUS_PARTIAL_CONTENT);
    g_assert_cmpuint (g_bytes_get_size (tail->body), ==, (gsize) (bytes - 100));
    g_assert_cmpuint (count_downloads (server, absent_id, first_id), ==, 1);
    g_assert_cmpuint (count_downloads (server, world->person_ids[CALLER_DELEGATE], first_id),
                      ==, 1);

    g_clear_pointer (&delivery, reply_free);
    g_clear_pointer (&delivery_root, json_object_unref);
    delivery = get (server, delivery_path, office);
    assert_status (delivery, SOUP_STATUS_OK);
    delivery_root = reply_object (delivery);
    absent = find_delivery (json_object_get_array_member (delivery_root, "people"), absent_id);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (absent, "missing")),
                      ==, 1);
    g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (absent,
                                                                               "missing"),
                                                 0),
                     ==, second_id);
  }

  /* Neither the log nor the delivery is for delegates, chairs or officials. */
  for (int c = CALLER_CHAIR; c <= CALLER_OFFICIAL; c++)
    {
      g_autoptr (Reply) refused_audit = get (server, "/api/v1/audit", world->tokens[c]);
      g_autoptr (Reply) refused_delivery = get (server, delivery_path, world->tokens[c]);

      assert_error (refused_audit, SOUP_STATUS_FORBIDDEN, "forbidden");
      assert_error (refused_delivery, SOUP_STATUS_FORBIDDEN, "forbidden");
    }

  /* The log: newest first, each change by the secretariat's person. */
  audit = get (server, "/api/v1/audit", world->tokens[CALLER_ADMIN]);
  assert_status (audit, SOUP_STATUS_OK);
  audit_root = reply_object (audit);
  events = json_object_get_array_member (audit_root, "events");
  issued_detail = g_strdup_printf ("token %" G_GINT64_FORMAT " of person %" G_GINT64_FORMAT
                                   " (Đại biểu dự phòng)",
                                   spare_token, spare_person);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);
      const char *action = json_object_get_string_member (event, "action");
      gint64 person = json_object_get_null_member (event, "person_id")
                        ? 0
                        : json_object_get_int_member (event, "person_id");

      if (i > 0)
        g_assert_cmpint (json_object_get_int_member (event, "id"), <,
                         json_object_get_int_member (json_array_get_object_element (events,
                                                                                    i - 1),
                                                     "id"));
      if (g_str_equal (action, "publish"))
        {
          seen_publish = TRUE;
          g_assert_cmpint (person, ==, world->person_ids[CALLER_SECRETARIAT]);
          g_assert_cmpstr (json_object_get_string_member (event, "person_name"), ==,
                           "Người secretariat");
          g_assert_cmpint (json_object_get_int_member (event, "session_id"), ==, session_id);
          g_assert_cmpint (json_object_get_int_member (event, "version"), ==, 1);
          if (json_object_get_int_member (event, "document_id") == second_id)
            g_assert_cmpstr (json_object_get_string_member (event, "detail"), ==,
                             "group:Tổ 2");
        }
      else if (g_str_equal (action, "access"))
        {
          seen_access = TRUE;
          g_assert_cmpint (person, ==, world->person_ids[CALLER_SECRETARIAT]);
          g_assert_cmpint (json_object_get_int_member (event, "document_id"), ==, second_id);
          g_assert_cmpstr (json_object_get_string_member (event, "document_title"), ==,
                           "Tờ trình");
          g_assert_cmpstr (json_object_get_string_member (event, "detail"), ==, "all");
        }
      else if (g_str_equal (action, "token-issue")
               && g_strcmp0 (json_object_get_string_member (event, "detail"), issued_detail) == 0)
        {
          seen_issue = TRUE;
          g_assert_cmpint (person, ==, world->person_ids[CALLER_SECRETARIAT]);
          g_assert_true (json_object_get_null_member (event, "session_id"));
        }
      else if (g_str_equal (action, "token-revoke"))
        {
          seen_revoke = TRUE;
          g_assert_cmpint (person, ==, world->person_ids[CALLER_SECRETARIAT]);
          g_assert_cmpstr (json_object_get_string_member (event, "detail"), ==, issued_detail);
        }
      else if (g_str_equal (action, "token-issue") && person == 0)
        {
          /* `chamberd init` issued the first admin token. */
          g_assert_true (json_object_get_null_member (event, "person_name"));
        }
    }
  g_assert_true (seen_publish && seen_access && seen_issue && seen_revoke);

  /* ?session= keeps one session's events; ?limit= the newest; bad values are refused. */
  audit_path = g_strdup_printf ("/api/v1/audit?session=%" G_GINT64_FORMAT, other_session);
  {
    g_autoptr (Reply) none = get (server, audit_path, office);
    g_autoptr (JsonObject) none_root = NULL;
    g_autoptr (Reply) one = get (server, "/api/v1/audit?limit=1", office);
    g_autoptr (JsonObject) one_root = NULL;
    g_autoptr (Reply) bad_limit = get (server, "/api/v1/audit?limit=0", office);
    g_autoptr (Reply) bad_session = get (server, "/api/v1/audit?session=01", office);
    g_autoptr (Reply) unknown = get (server, "/api/v1/audit?session=999", office);
    g_autoptr (Reply) unknown_delivery = get (server, "/api/v1/sessions/999/delivery", office);

    assert_status (none, SOUP_STATUS_OK);
    none_root = reply_object (none);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (none_root, "events")),
                      ==, 0);
    assert_status (one, SOUP_STATUS_OK);
    one_root = reply_object (one);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (one_root, "events")),
                      ==, 1);
    assert_error (bad_limit, SOUP_STATUS_BAD_REQUEST, "bad-request");
    assert_error (bad_session, SOUP_STATUS_BAD_REQUEST, "bad-request");
    assert_error (unknown, SOUP_STATUS_NOT_FOUND, "not-found");
    assert_error (unknown_delivery, SOUP_STATUS_NOT_FOUND, "not-found");
  }
}

static void
test_auth_throttle (void)
{
  g_autoptr (World) world =
    world_new_with_args ((const char *const[]) { "--auth-failures", "3", "--auth-window", "2",
                                                 NULL });
  ChamberTestServer *server = world->server;
  const char *admin = world->tokens[CALLER_ADMIN];
  g_autoptr (ChamberTestServer) defaults = NULL;
  gint64 blocked_at;

  /* No token at all is not a guess: it does not count. */
  for (int i = 0; i < 5; i++)
    {
      g_autoptr (Reply) reply = get (server, "/api/v1/me", NULL);
      assert_error (reply, 401, "unauthorized");
    }
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (Reply) reply = get (server, "/api/v1/me", WRONG_TOKEN);
      assert_error (reply, 401, "unauthorized");
    }
  blocked_at = g_get_monotonic_time ();
  for (int i = 0; i < 2; i++)
    {
      g_autoptr (Reply) reply = get (server, "/api/v1/me", i == 0 ? WRONG_TOKEN : admin);
      const char *retry = soup_message_headers_get_one (reply->headers, "Retry-After");
      guint64 seconds = 0;

      assert_error (reply, 429, "too-many-requests");
      g_assert_nonnull (retry);
      g_assert_true (g_ascii_string_to_unsigned (retry, 10, 1, 2, &seconds, NULL));
    }
  /* After the window, the address may try again. */
  while (g_get_monotonic_time () - blocked_at < 2 * G_USEC_PER_SEC + 200 * 1000)
    g_usleep (100 * 1000);
  {
    g_autoptr (Reply) reply = get (server, "/api/v1/me", admin);
    assert_status (reply, SOUP_STATUS_OK);
  }

  /* The default: ten wrong tokens a minute. */
  defaults = chamber_test_server_start ();
  for (int i = 0; i < 10; i++)
    {
      g_autoptr (Reply) reply = get (defaults, "/api/v1/me", WRONG_TOKEN);
      assert_error (reply, 401, "unauthorized");
    }
  {
    g_autoptr (Reply) reply = get (defaults, "/api/v1/me", defaults->admin_token);
    guint64 seconds = 0;

    assert_error (reply, 429, "too-many-requests");
    g_assert_true (g_ascii_string_to_unsigned (soup_message_headers_get_one (reply->headers,
                                                                             "Retry-After"),
                                               10, 1, 60, &seconds, NULL));
  }
}

/* Versions and incremental manifests */

static Reply *
post_version (ChamberTestServer *server,
              const char        *token,
              const char        *document_id,
              const char        *query,
              GBytes            *pdf)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/documents/%s/versions%s", document_id,
                                           query != NULL ? query : "");

  return send_full (server->url, "POST", path, token, "application/pdf", pdf, NULL, NULL);
}

/* The manifest of @session_id as @token sees it, with @query ("?since=…" or ""), parsed. */
static ChamberManifest *
get_manifest (ChamberTestServer *server,
              const char        *token,
              gint64             session_id,
              const char        *query,
              char             **out_etag)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/manifest%s",
                                           session_id, query);
  g_autoptr (Reply) reply = get (server, path, token);
  g_autoptr (GError) error = NULL;
  ChamberManifest *manifest;

  assert_status (reply, SOUP_STATUS_OK);
  manifest = chamber_manifest_parse (g_bytes_get_data (reply->body, NULL),
                                     g_bytes_get_size (reply->body), &error);
  g_assert_no_error (error);
  if (out_etag != NULL)
    *out_etag = g_strdup (soup_message_headers_get_one (reply->headers, "ETag"));
  return manifest;
}

static gboolean
ids_contain (GArray *ids,
             gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* POST /documents/ID/versions: roles, refusals that store nothing, the new version's record,
 * the old one kept and readable, the audit, and the manifest listing the newest version. */
static void
test_versions (void)
{
  g_autoptr (World) world = world_new ();
  ChamberTestServer *server = world->server;
  const char *secretariat = world->tokens[CALLER_SECRETARIAT];
  const char *delegate = world->tokens[CALLER_DELEGATE];
  g_autofree char *v1_path = write_test_pdf (world, "bao-cao-v1.pdf", 2);
  g_autofree char *v2_path = write_test_pdf (world, "bao-cao-v2.pdf", 3);
  g_autoptr (GBytes) v1_pdf = read_bytes (v1_path);
  g_autoptr (GBytes) v2_pdf = read_bytes (v2_path);
  g_autoptr (GBytes) not_pdf = g_bytes_new_static ("hello, not a PDF", 16);
  g_autoptr (Reply) uploaded = NULL;
  g_autoptr (Reply) replaced = NULL;
  g_autoptr (JsonObject) v1 = NULL;
  g_autoptr (JsonObject) v2 = NULL;
  g_autoptr (ChamberManifest) manifest = NULL;
  g_autofree char *v1_id = NULL;
  g_autofree char *v1_blob = NULL;
  JsonObject *replaces;
  gint64 session_id, item_id;
  guint blobs_before;

  session_id = create_session (server, secretariat, 10);
  item_id = create_item (server, secretariat, session_id, "Kinh tế - xã hội");
  uploaded = upload_bytes (server, secretariat, item_id, "Báo cáo kinh tế",
                           "&access=group:T%E1%BB%95%201&access=person:1", v1_pdf);
  assert_status (uploaded, SOUP_STATUS_CREATED);
  v1 = reply_member (uploaded, "document");
  g_assert_false (json_object_has_member (v1, "replaces"));
  v1_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (v1, "id"));

  /* Only the secretariat and admins write; refusals come before the body is looked at. */
  for (int c = CALLER_CHAIR; c < N_CALLERS; c++)
    {
      g_autoptr (Reply) reply = post_version (server, world->tokens[c], v1_id, NULL, v2_pdf);

      assert_error (reply, c == CALLER_NONE || c == CALLER_WRONG ? 401 : 403,
                    c == CALLER_NONE || c == CALLER_WRONG ? "unauthorized" : "forbidden");
    }
  blobs_before = count_blob_files (server);
  {
    static const char *const bad_ids[] = { "0", "01", "-1", "987654", "99999999999999999999" };

    for (gsize i = 0; i < G_N_ELEMENTS (bad_ids); i++)
      {
        g_autoptr (Reply) reply = post_version (server, secretariat, bad_ids[i], NULL, v2_pdf);
        assert_error (reply, 404, "not-found");
      }
  }
  {
    g_autoptr (Reply) retitled = post_version (server, secretariat, v1_id, "?title=Kh%C3%A1c",
                                               v2_pdf);
    g_autoptr (Reply) bad_kind = post_version (server, secretariat, v1_id, "?kind=memo", v2_pdf);
    g_autoptr (Reply) bad_access = post_version (server, secretariat, v1_id,
                                                 "?access=person:0", v2_pdf);
    g_autoptr (Reply) broken = post_version (server, secretariat, v1_id, NULL, not_pdf);
    g_autoptr (Reply) get_it = get (server, "/api/v1/documents/1/versions", secretariat);

    assert_error (retitled, 400, "bad-request");
    assert_error (bad_kind, 400, "bad-request");
    assert_error (bad_access, 400, "bad-request");
    assert_error (broken, 400, "not-pdf");
    g_assert_cmpuint (get_it->status, ==, 405);
  }
  /* Nothing of the refused uploads stays, and the document is still version 1. */
  g_assert_cmpuint (count_blob_files (server), ==, blobs_before);
  manifest = get_manifest (server, secretariat, session_id, "", NULL);
  g_assert_cmpuint (manifest->documents->len, ==, 1);
  g_assert_cmpint (((ChamberDocument *) manifest->documents->pdata[0])->version, ==, 1);
  g_clear_pointer (&manifest, chamber_manifest_free);

  /* The same title given is fine; item, kind and access come from version 1. */
  replaced = post_version (server, secretariat, v1_id,
                           "?title=B%C3%A1o%20c%C3%A1o%20kinh%20t%E1%BA%BF", v2_pdf);
  assert_status (replaced, SOUP_STATUS_CREATED);
  v2 = reply_member (replaced, "document");
  g_assert_cmpint (json_object_get_int_member (v2, "version"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (v2, "item_id"), ==, item_id);
  g_assert_cmpstr (json_object_get_string_member (v2, "title"), ==, "Báo cáo kinh tế");
  g_assert_cmpstr (json_object_get_string_member (v2, "kind"), ==, "report");
  g_assert_cmpint (json_object_get_int_member (v2, "pages"), ==, 3);
  {
    JsonArray *access = json_object_get_array_member (v2, "access");

    g_assert_cmpuint (json_array_get_length (access), ==, 2);
    g_assert_cmpstr (json_array_get_string_element (access, 0), ==, "group:Tổ 1");
    g_assert_cmpstr (json_array_get_string_element (access, 1), ==, "person:1");
  }
  replaces = json_object_get_object_member (v2, "replaces");
  g_assert_nonnull (replaces);
  g_assert_cmpint (json_object_get_int_member (replaces, "document_id"), ==,
                   json_object_get_int_member (v1, "id"));
  g_assert_cmpint (json_object_get_int_member (replaces, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (replaces, "sha256"), ==,
                   json_object_get_string_member (v1, "sha256"));

  /* Version 1 is no longer the newest: replacing it again is a conflict. */
  {
    g_autoptr (Reply) again = post_version (server, secretariat, v1_id, NULL, v1_pdf);
    assert_error (again, 409, "conflict");
  }

  /* The delegate's manifest lists version 2 only, with what it replaces; version 1 stays
   * readable, record and bytes. */
  manifest = get_manifest (server, delegate, session_id, "", NULL);
  g_assert_false (manifest->incremental);
  g_assert_cmpuint (manifest->documents->len, ==, 1);
  {
    ChamberDocument *listed = manifest->documents->pdata[0];

    g_assert_cmpint (listed->id, ==, json_object_get_int_member (v2, "id"));
    g_assert_cmpint (listed->replaces_id, ==, json_object_get_int_member (v1, "id"));
    g_assert_cmpint (listed->replaces_version, ==, 1);
    g_assert_cmpstr (listed->replaces_sha256, ==, json_object_get_string_member (v1, "sha256"));
  }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/documents/%s", v1_id);
    g_autoptr (Reply) record = get (server, path, delegate);
    g_autoptr (Reply) bytes = NULL;

    assert_status (record, SOUP_STATUS_OK);
    v1_blob = g_strdup_printf ("/api/v1/blobs/%s", json_object_get_string_member (v1, "sha256"));
    bytes = get (server, v1_blob, delegate);
    assert_status (bytes, SOUP_STATUS_OK);
    g_assert_true (g_bytes_equal (bytes->body, v1_pdf));
  }
  /* … but not to someone who may read neither version. */
  {
    g_autoptr (Reply) bytes = get (server, v1_blob, world->tokens[CALLER_OFFICIAL]);
    assert_error (bytes, 404, "not-found");
  }
  /* A kind and an access list given replace those of the version before. */
  {
    g_autofree char *v2_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              json_object_get_int_member (v2, "id"));
    g_autoptr (Reply) v3 = post_version (server, world->tokens[CALLER_ADMIN], v2_id,
                                         "?kind=submission&access=all", v1_pdf);
    g_autoptr (JsonObject) record = NULL;
    JsonArray *access;

    assert_status (v3, SOUP_STATUS_CREATED);
    record = reply_member (v3, "document");
    g_assert_cmpint (json_object_get_int_member (record, "version"), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "submission");
    access = json_object_get_array_member (record, "access");
    g_assert_cmpuint (json_array_get_length (access), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (access, 0), ==, "all");
    /* The same bytes as version 1: one blob for both. */
    g_assert_cmpstr (json_object_get_string_member (record, "sha256"), ==,
                     json_object_get_string_member (v1, "sha256"));
  }

  /* The audit names each replacement, by whom, with the version replaced. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/audit?session=%" G_GINT64_FORMAT,
                                             session_id);
    g_autoptr (Reply) reply = get (server, path, secretariat);
    g_autoptr (JsonObject) root = reply_object (reply);
    JsonArray *events = json_object_get_array_member (root, "events");
    int replacements = 0;

    for (guint i = 0; i < json_array_get_length (events); i++)
      {
        JsonObject *event = json_array_get_object_element (events, i);

        if (g_strcmp0 (json_object_get_string_member (event, "action"), "replace") != 0)
          continue;
        replacements++;
        if (json_object_get_int_member (event, "version") == 2)
          {
            g_assert_cmpint (json_object_get_int_member (event, "person_id"), ==,
                             world->person_ids[CALLER_SECRETARIAT]);
            g_assert_nonnull (strstr (json_object_get_string_member (event, "detail"),
                                      v1_id));
          }
      }
    g_assert_cmpint (replacements, ==, 2);
  }
}

/* GET …/manifest?since=REV: what changed (new versions, new items, access given), the ids of
 * everything readable (access taken away drops out), unchanged, the ETag, and bad values. */
static void
test_manifest_since (void)
{
  g_autoptr (World) world = world_new ();
  ChamberTestServer *server = world->server;
  const char *secretariat = world->tokens[CALLER_SECRETARIAT];
  const char *delegate = world->tokens[CALLER_DELEGATE];
  g_autofree char *a_path = write_test_pdf (world, "a.pdf", 1);
  g_autofree char *b_path = write_test_pdf (world, "b.pdf", 2);
  g_autofree char *c_path = write_test_pdf (world, "c.pdf", 3);
  g_autofree char *manifest_path = NULL;
  g_autofree char *query = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *etag_since = NULL;
  g_autoptr (ChamberManifest) before = NULL;
  g_autoptr (ChamberManifest) since = NULL;
  gint64 session_id, item_id, a_id, b_id, c_id, new_item_id;
  gint64 revision;

  session_id = create_session (server, secretariat, 10);
  item_id = create_item (server, secretariat, session_id, "Ngân sách");
  {
    g_autoptr (Reply) a = upload_file (server, secretariat, item_id, "A", NULL, a_path);
    g_autoptr (Reply) b = upload_file (server, secretariat, item_id, "B", NULL, b_path);
    g_autoptr (JsonObject) a_doc = reply_member (a, "document");
    g_autoptr (JsonObject) b_doc = reply_member (b, "document");

    a_id = json_object_get_int_member (a_doc, "id");
    b_id = json_object_get_int_member (b_doc, "id");
  }
  manifest_path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/manifest", session_id);
  before = get_manifest (server, delegate, session_id, "", &etag);
  revision = before->revision;
  g_assert_cmpuint (before->documents->len, ==, 2);

  /* Unchanged: nothing in full, every id; the ETag is the full manifest's, so a client that
   * holds it gets 304 with or without "since". */
  query = g_strdup_printf ("?since=%" G_GINT64_FORMAT, revision);
  since = get_manifest (server, delegate, session_id, query, &etag_since);
  g_assert_true (since->incremental);
  g_assert_cmpint (since->since, ==, revision);
  g_assert_cmpint (since->revision, ==, revision);
  g_assert_cmpuint (since->documents->len, ==, 0);
  g_assert_cmpuint (since->items->len, ==, 0);
  g_assert_cmpuint (since->document_ids->len, ==, 2);
  g_assert_cmpuint (since->item_ids->len, ==, 1);
  g_assert_cmpuint (since->people->len, ==, before->people->len);
  g_assert_cmpstr (etag_since, ==, etag);
  {
    g_autofree char *path = g_strconcat (manifest_path, query, NULL);
    g_autoptr (Reply) cached = send_full (server->url, "GET", path, delegate, NULL, NULL,
                                          "If-None-Match", etag);

    assert_status (cached, SOUP_STATUS_NOT_MODIFIED);
    g_assert_cmpuint (g_bytes_get_size (cached->body), ==, 0);
  }
  g_clear_pointer (&since, chamber_manifest_free);

  /* Changed: a new version of A, a new document C, a new item. Only those come in full. */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, a_id);
    g_autoptr (GBytes) pdf = read_bytes (c_path);
    g_autoptr (Reply) v2 = post_version (server, secretariat, id, NULL, pdf);
    g_autoptr (Reply) c = upload_file (server, secretariat, item_id, "C", NULL, c_path);
    g_autoptr (JsonObject) c_doc = reply_member (c, "document");

    assert_status (v2, SOUP_STATUS_CREATED);
    c_id = json_object_get_int_member (c_doc, "id");
  }
  new_item_id = create_item (server, secretariat, session_id, "Bế mạc");
  since = get_manifest (server, delegate, session_id, query, NULL);
  g_assert_true (since->incremental);
  g_assert_cmpint (since->revision, >, revision);
  g_assert_cmpuint (since->items->len, ==, 1);
  g_assert_cmpint (((ChamberItem *) since->items->pdata[0])->id, ==, new_item_id);
  g_assert_cmpuint (since->item_ids->len, ==, 2);
  g_assert_cmpuint (since->documents->len, ==, 2);  /* A version 2, and C */
  g_assert_cmpuint (since->document_ids->len, ==, 3);
  g_assert_false (ids_contain (since->document_ids, a_id));  /* replaced: drops out */
  g_assert_true (ids_contain (since->document_ids, b_id));
  g_assert_true (ids_contain (since->document_ids, c_id));
  for (guint i = 0; i < since->documents->len; i++)
    {
      ChamberDocument *document = since->documents->pdata[i];

      g_assert_true (document->id == c_id || document->replaces_id == a_id);
      g_assert_cmpint (document->id, !=, b_id);
    }
  /* Merged with what a laptop held, it is the full manifest, record for record. */
  {
    g_autoptr (ChamberManifest) full = get_manifest (server, delegate, session_id, "", NULL);
    g_autoptr (ChamberManifest) merged = NULL;
    g_autoptr (GError) error = NULL;
    g_autofree char *full_json = NULL;
    g_autofree char *merged_json = NULL;

    merged = chamber_manifest_merge (since, before->items, before->documents, &error);
    g_assert_no_error (error);
    full_json = chamber_manifest_to_json (full, NULL);
    merged_json = chamber_manifest_to_json (merged, NULL);
    g_assert_cmpstr (merged_json, ==, full_json);

    /* Without B held, the merge cannot be made: the client asks for everything. */
    g_ptr_array_remove_index (before->documents, 1);
    g_clear_pointer (&merged, chamber_manifest_free);
    merged = chamber_manifest_merge (since, before->items, before->documents, &error);
    g_assert_null (merged);
    g_assert_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID);
  }
  revision = since->revision;
  g_clear_pointer (&since, chamber_manifest_free);

  /* Access taken away: B drops out of the delegate's ids (and is absent, hash and all); the
   * chair, who reads everything, gets it again in full, changed. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/documents/%" G_GINT64_FORMAT "/access",
                                             b_id);
    g_autoptr (Reply) reply = send_json (server, "PUT", path, secretariat,
                                         "{\"access\": [\"group:Tổ 2\"]}");
    g_autoptr (ChamberManifest) chair = NULL;
    g_autofree char *b_sha = NULL;
    g_autofree char *body = NULL;

    assert_status (reply, SOUP_STATUS_OK);
    g_free (query);
    query = g_strdup_printf ("?since=%" G_GINT64_FORMAT, revision);
    since = get_manifest (server, delegate, session_id, query, NULL);
    g_assert_true (since->incremental);
    g_assert_false (ids_contain (since->document_ids, b_id));
    g_assert_cmpuint (since->document_ids->len, ==, 2);
    g_assert_cmpuint (since->documents->len, ==, 0);
    body = chamber_manifest_to_json (since, NULL);
    {
      g_autoptr (ChamberManifest) full = get_manifest (server, world->tokens[CALLER_ADMIN],
                                                       session_id, "", NULL);

      for (guint i = 0; i < full->documents->len; i++)
        if (((ChamberDocument *) full->documents->pdata[i])->id == b_id)
          b_sha = g_strdup (((ChamberDocument *) full->documents->pdata[i])->sha256);
    }
    g_assert_nonnull (b_sha);
    g_assert_null (strstr (body, b_sha));

    chair = get_manifest (server, world->tokens[CALLER_CHAIR], session_id, query, NULL);
    g_assert_cmpuint (chair->documents->len, ==, 1);
    g_assert_cmpint (((ChamberDocument *) chair->documents->pdata[0])->id, ==, b_id);
  }

  /* A since past the revision (a server restored from a backup) gets the full manifest. */
  {
    g_autoptr (ChamberManifest) future = get_manifest (server, delegate, session_id,
                                                       "?since=999999", NULL);

    g_assert_false (future->incremental);
    g_assert_cmpuint (future->documents->len, ==, 2);
  }
  /* since=0 lists everything in full, and says so. */
  {
    g_autoptr (ChamberManifest) zero = get_manifest (server, delegate, session_id, "?since=0",
                                                     NULL);

    g_assert_true (zero->incremental);
    g_assert_cmpuint (zero->documents->len, ==, zero->document_ids->len);
  }

  /* Bad values are 400, whatever else the request is right about. */
  {
    static const char *const bad[] = {
      "?since=", "?since=abc", "?since=-1", "?since=+1", "?since=01", "?since=1.5",
      "?since=1e3", "?since=%20%31", "?since=1%00", "?since=99999999999999999999",
      "?since=0x10", "?since=%FF",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *path = g_strconcat (manifest_path, bad[i], NULL);
        g_autoptr (Reply) reply = get (server, path, delegate);

        if (reply->status != 400)
          g_error ("%s: expected 400, got %u", bad[i], reply->status);
        assert_error (reply, 400, "bad-request");
      }
  }
  /* An oversized value is refused too, and the server keeps answering. */
  {
    g_autofree char *digits = g_strnfill (5000, '7');
    g_autofree char *path = g_strconcat (manifest_path, "?since=", digits, NULL);
    g_autoptr (Reply) reply = get (server, path, delegate);

    g_assert_cmpuint (reply->status, >=, 400);
    assert_server_answers (server);
  }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/command-line", test_command_line);
  g_test_add_func ("/server/routing", test_routing);
  g_test_add_func ("/server/roles", test_roles);
  g_test_add_func ("/server/create-and-read", test_create_and_read);
  g_test_add_func ("/server/upload", test_upload);
  g_test_add_func ("/server/access", test_access);
  g_test_add_func ("/server/access-change", test_access_change);
  g_test_add_func ("/server/tokens", test_tokens);
  g_test_add_func ("/server/auth-throttle", test_auth_throttle);
  g_test_add_func ("/server/audit-delivery", test_audit_delivery);
  g_test_add_func ("/server/bad-corpus", test_bad_corpus);
  g_test_add_func ("/server/manifest", test_manifest);
  g_test_add_func ("/server/blobs", test_blobs);
  g_test_add_func ("/server/limits", test_limits);
  g_test_add_func ("/server/restart", test_restart);
  g_test_add_func ("/server/versions", test_versions);
  g_test_add_func ("/server/manifest-since", test_manifest_since);

  status = g_test_run ();
  g_clear_object (&http_session);
  return status;
}
