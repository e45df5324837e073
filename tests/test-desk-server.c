/* test-desk-server.c — what the secretariat's desk needs from chamberd (issue 6), over real
 * HTTP against a real chamberd: editing sessions with their state rules, copying an agenda,
 * editing, moving and deleting agenda items, editing and deactivating people, listing tokens,
 * importing people from CSV files in every encoding a spreadsheet writes (with broken,
 * oversized and hostile files), and the chamberctl commands on top. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include <poppler.h>

#include "chamber-client.h"
#include "chamber-handover.h"
#include "chamber-hash.h"
#include "chamber-protocol.h"
#include "chamber-tls.h"
#include "chamber-test-util.h"
#include "chamber-token.h"


static JsonObject *
member (ChamberTestAnswer     *answer,
        const char *name)
{
  g_assert_nonnull (answer->object);
  return json_object_get_object_member (answer->object, name);
}

static gint64
create (ChamberTestServer *server,
        const char        *path,
        const char        *name,
        const char        *json)
{
  g_autoptr (ChamberTestAnswer) answer = chamber_test_call (server, server->admin_token, "POST",
                                                            path, json);

  chamber_test_expect (answer, 201, NULL);
  return json_object_get_int_member (member (answer, name), "id");
}

static gint64
create_session (ChamberTestServer *server,
                int                number)
{
  g_autofree char *json = g_strdup_printf ("{\"number\": %d, \"title\": \"Kỳ họp thứ %d\"}",
                                           number, number);

  return create (server, "/api/v1/sessions", "session", json);
}

static gint64
create_item (ChamberTestServer *server,
             gint64             session,
             gint64             parent,
             const char        *title)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/items", (long long) session);
  g_autofree char *json =
    parent > 0 ? g_strdup_printf ("{\"title\": \"%s\", \"parent_id\": %lld, "
                                  "\"planned_minutes\": 20}", title, (long long) parent)
               : g_strdup_printf ("{\"title\": \"%s\", \"planned_minutes\": 30}", title);

  return create (server, path, "item", json);
}

static gint64
create_person (ChamberTestServer *server,
               const char        *name,
               const char        *role)
{
  g_autofree char *json = g_strdup_printf ("{\"name\": \"%s\", \"role\": \"%s\"}", name, role);

  return create (server, "/api/v1/people", "person", json);
}

static char *
issue_token (ChamberTestServer *server,
             gint64             person)
{
  g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, server->admin_token, "POST",
                                                             "{}",
                                     "/api/v1/people/%lld/tokens", (long long) person);

  chamber_test_expect (answer, 201, NULL);
  return g_strdup (json_object_get_string_member (answer->object, "token"));
}

static gint64
session_revision (ChamberTestServer *server,
                  gint64             session)
{
  g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, server->admin_token, "GET",
                                                             NULL,
                                     "/api/v1/sessions/%lld", (long long) session);

  chamber_test_expect (answer, 200, NULL);
  return json_object_get_int_member (member (answer, "session"), "revision");
}

/* "title/parent-title/position/minutes/q" of each item of @session in tree order, one a line. */
static char *
agenda_text (ChamberTestServer *server,
             gint64             session)
{
  g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, server->admin_token, "GET",
                                                             NULL,
                                     "/api/v1/sessions/%lld/items", (long long) session);
  g_autoptr (GHashTable) titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         g_free);
  GString *out = g_string_new (NULL);
  JsonArray *items;

  chamber_test_expect (answer, 200, NULL);
  items = json_object_get_array_member (answer->object, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      gint64 id = json_object_get_int_member (item, "id");
      gint64 parent = JSON_NODE_HOLDS_NULL (json_object_get_member (item, "parent_id"))
                        ? 0 : json_object_get_int_member (item, "parent_id");
      const char *parent_title = parent > 0 ? g_hash_table_lookup (titles, &parent) : "-";

      g_assert_nonnull (parent_title);
      g_string_append_printf (out, "%s/%s/%lld/%lld/%s\n",
                              json_object_get_string_member (item, "title"), parent_title,
                              (long long) json_object_get_int_member (item, "position"),
                              (long long) json_object_get_int_member (item, "planned_minutes"),
                              json_object_get_boolean_member (item, "questioning") ? "q" : "");
      g_hash_table_insert (titles, g_memdup2 (&id, sizeof id),
                           g_strdup (json_object_get_string_member (item, "title")));
    }
  return g_string_free (out, FALSE);
}

static void
test_session_edit (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  gint64 session = create_session (server, 7);
  gint64 revision = session_revision (server, session);
  static const struct {
    const char *body;
    guint       status;
    const char *state;  /* the state after, or NULL */
  } steps[] = {
    { "{\"state\": \"closed\"}", 409, "preparing" },
    { "{\"state\": \"preparing\"}", 200, "preparing" },
    { "{\"state\": \"open\"}", 200, "open" },
    { "{\"state\": \"preparing\"}", 409, "open" },
    { "{\"state\": \"closed\"}", 200, "closed" },
    { "{\"state\": \"preparing\"}", 409, "closed" },
    { "{\"state\": \"open\"}", 200, "open" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, server->admin_token,
                                                                 "PUT", steps[i].body,
                                         "/api/v1/sessions/%lld", (long long) session);
      g_autoptr (ChamberTestAnswer) now = NULL;

      chamber_test_expect (answer, steps[i].status, steps[i].status == 409 ? "conflict" : NULL);
      now = chamber_test_callf (server, server->admin_token, "GET", NULL, "/api/v1/sessions/%lld",
                                (long long) session);
      g_assert_cmpstr (json_object_get_string_member (member (now, "session"), "state"), ==,
                       steps[i].state);
    }
  g_assert_cmpint (session_revision (server, session), >, revision);

  /* Fields, and null clearing an optional one. */
  {
    g_autoptr (ChamberTestAnswer) answer =
      chamber_test_callf (server, server->admin_token, "PUT",
             "{\"title\": \"  Kỳ họp chuyên đề  \", \"number\": 8, \"kind\": \"thematic\","
                          " \"place\": \"Hội trường\", \"starts_on\": \"2026-12-08\","
                          " \"ends_on\": \"2026-12-10\"}",
                          "/api/v1/sessions/%lld", (long long) session);
    g_autoptr (ChamberTestAnswer) cleared = NULL;
    JsonObject *record;

    chamber_test_expect (answer, 200, NULL);
    record = member (answer, "session");
    g_assert_cmpstr (json_object_get_string_member (record, "title"), ==, "Kỳ họp chuyên đề");
    g_assert_cmpint (json_object_get_int_member (record, "number"), ==, 8);
    g_assert_cmpstr (json_object_get_string_member (record, "kind"), ==, "thematic");
    g_assert_cmpstr (json_object_get_string_member (record, "place"), ==, "Hội trường");
    cleared = chamber_test_callf (server, server->admin_token, "PUT", "{\"place\": null}",
                                  "/api/v1/sessions/%lld", (long long) session);
    chamber_test_expect (cleared, 200, NULL);
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (member (cleared, "session"),
                                                                 "place")));
    g_assert_cmpstr (json_object_get_string_member (member (cleared, "session"), "starts_on"),
                     ==, "2026-12-08");
  }

  /* Bad bodies change nothing. */
  {
    static const char *const bad[] = {
      "{\"title\": \"\"}", "{\"title\": 5}", "{\"number\": 0}", "{\"number\": 100000}",
      "{\"kind\": \"secret\"}", "{\"state\": \"paused\"}", "{\"starts_on\": \"2026-02-30\"}",
      "{\"starts_on\": \"2026-12-12\"}", "[]", "not json",
    };
    gint64 before = session_revision (server, session);

    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, server->admin_token,
                                                                   "PUT", bad[i],
                                           "/api/v1/sessions/%lld", (long long) session);

        g_test_message ("bad body %zu", i);
        chamber_test_expect (answer, 400, "bad-request");
      }
    g_assert_cmpint (session_revision (server, session), ==, before);
  }
  {
    g_autoptr (ChamberTestAnswer) answer = chamber_test_call (server, server->admin_token, "PUT",
                                      "/api/v1/sessions/999", "{\"title\": \"X\"}");

    chamber_test_expect (answer, 404, "not-found");
  }
}

static void
test_copy_agenda (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-desk-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "a.pdf", NULL);
  gint64 from = create_session (server, 1);
  gint64 to = create_session (server, 2);
  gint64 a = create_item (server, from, 0, "Khai mạc");
  gint64 b = create_item (server, from, 0, "Chất vấn");
  gint64 b1 = create_item (server, from, b, "Nhóm vấn đề đất đai");
  g_autofree char *source = NULL;
  g_autofree char *copied = NULL;
  gint64 revision;

  create_item (server, from, b, "Nhóm vấn đề y tế");
  {
    g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, server->admin_token, "PUT",
                                       "{\"questioning\": true}", "/api/v1/items/%lld",
                                                               (long long) b1);
    chamber_test_expect (answer, 200, NULL);
    g_assert_true (json_object_get_boolean_member (member (answer, "item"), "questioning"));
  }
  /* A document on the source, which the copy does not take. */
  {
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (ChamberTestAnswer) answer = NULL;
    g_autofree char *contents = NULL;
    g_autofree char *path = g_strdup_printf ("/api/v1/items/%lld/documents?title=Doc",
                                             (long long) a);
    gsize length;

    chamber_test_write_pdf (pdf, 1, "Doc");
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    bytes = g_bytes_new (contents, length);
    answer = chamber_test_call_bytes (server, server->admin_token, "POST", path,
                                      "application/pdf", bytes);
    chamber_test_expect (answer, 201, NULL);
  }

  revision = session_revision (server, to);
  {
    g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, server->admin_token,
                                                               "POST", "{\"from\": 1}",
                                       "/api/v1/sessions/%lld/copy-agenda", (long long) to);
    JsonArray *items;

    chamber_test_expect (answer, 201, NULL);
    items = json_object_get_array_member (answer->object, "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 4);
    for (guint i = 0; i < 4; i++)
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (items, i),
                                                   "session_id"), ==, to);
  }
  g_assert_cmpint (session_revision (server, to), ==, revision + 1);
  source = agenda_text (server, from);
  copied = agenda_text (server, to);
  g_assert_cmpstr (copied, ==, source);
  g_assert_nonnull (strstr (copied, "Nhóm vấn đề đất đai/Chất vấn/0/20/q\n"));
  {
    g_autoptr (ChamberTestAnswer) documents = chamber_test_callf (server, server->admin_token,
                                                                  "GET", NULL,
                                          "/api/v1/sessions/%lld/documents", (long long) to);

    chamber_test_expect (documents, 200, NULL);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (documents->object,
                                                                           "documents")), ==, 0);
  }

  /* Again: the session has items now. From itself, from nothing, into nothing, bad bodies. */
  {
    g_autoptr (ChamberTestAnswer) again = chamber_test_callf (server, server->admin_token, "POST",
                                                              "{\"from\": 1}",
                                      "/api/v1/sessions/%lld/copy-agenda", (long long) to);
    g_autoptr (ChamberTestAnswer) itself = chamber_test_callf (server, server->admin_token,
                                                               "POST", "{\"from\": 2}",
                                       "/api/v1/sessions/%lld/copy-agenda", (long long) to);
    g_autoptr (ChamberTestAnswer) unknown = chamber_test_callf (server, server->admin_token,
                                                                "POST", "{\"from\": 77}",
                                        "/api/v1/sessions/%lld/copy-agenda", (long long) to);
    g_autoptr (ChamberTestAnswer) nowhere = chamber_test_call (server, server->admin_token, "POST",
                                       "/api/v1/sessions/77/copy-agenda", "{\"from\": 1}");
    g_autoptr (ChamberTestAnswer) no_from = chamber_test_callf (server, server->admin_token,
                                                                "POST", "{}",
                                        "/api/v1/sessions/%lld/copy-agenda", (long long) to);
    g_autoptr (ChamberTestAnswer) text_from = chamber_test_callf (server, server->admin_token,
                                                                  "POST",
                                                                  "{\"from\": \"../1\"}",
                                          "/api/v1/sessions/%lld/copy-agenda", (long long) to);

    chamber_test_expect (again, 409, "conflict");
    chamber_test_expect (itself, 400, "bad-request");
    chamber_test_expect (unknown, 404, "not-found");
    chamber_test_expect (nowhere, 404, "not-found");
    chamber_test_expect (no_from, 400, "bad-request");
    chamber_test_expect (text_from, 400, "bad-request");
  }
  chamber_test_rm_rf (dir);
}

static void
test_item_edit (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  gint64 session = create_session (server, 1);
  gint64 other = create_session (server, 2);
  gint64 a = create_item (server, session, 0, "A");
  gint64 b = create_item (server, session, 0, "B");
  gint64 c = create_item (server, session, 0, "C");
  gint64 b1 = create_item (server, session, b, "B1");
  gint64 elsewhere = create_item (server, other, 0, "X");
  g_autofree char *delegate_token = NULL;
  gint64 revision;

  delegate_token = issue_token (server, create_person (server, "Đại biểu", "delegate"));

  /* C first; then A under B (last among its children); then B1 out to the top, second. */
  {
    g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, server->admin_token, "PUT",
                                                               "{\"position\": 0}",
                                                               "/api/v1/items/%lld", (long long) c);
    g_autofree char *agenda = NULL;

    chamber_test_expect (answer, 200, NULL);
    agenda = agenda_text (server, session);
    g_assert_cmpstr (agenda, ==, "C/-/0/30/\nA/-/1/30/\nB/-/2/30/\nB1/B/0/20/\n");
  }
  {
    g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, server->admin_token, "PUT",
                                       "{\"parent_id\": 2, \"title\": \"A mới\","
                                       " \"planned_minutes\": 45, \"questioning\": true}",
                                                               "/api/v1/items/%lld", (long long) a);
    g_autofree char *agenda = NULL;

    g_assert_cmpint (b, ==, 2);
    chamber_test_expect (answer, 200, NULL);
    agenda = agenda_text (server, session);
    g_assert_cmpstr (agenda, ==, "C/-/0/30/\nB/-/1/30/\nB1/B/0/20/\nA mới/B/1/45/q\n");
  }
  revision = session_revision (server, session);
  {
    g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, server->admin_token, "PUT",
                                       "{\"parent_id\": null, \"position\": 1}",
                                       "/api/v1/items/%lld", (long long) b1);
    g_autofree char *agenda = NULL;

    chamber_test_expect (answer, 200, NULL);
    agenda = agenda_text (server, session);
    g_assert_cmpstr (agenda, ==, "C/-/0/30/\nB1/-/1/20/\nB/-/2/30/\nA mới/B/0/45/q\n");
  }
  g_assert_cmpint (session_revision (server, session), >, revision);

  /* A delegate's manifest carries the change. */
  {
    g_autoptr (ChamberTestAnswer) manifest = chamber_test_callf (server, delegate_token, "GET",
                                                                 NULL,
                                         "/api/v1/sessions/%lld/manifest", (long long) session);

    chamber_test_expect (manifest, 200, NULL);
    g_assert_nonnull (strstr (manifest->text, "A mới"));
    g_assert_nonnull (strstr (manifest->text, "\"questioning\":true"));
  }

  /* Loops, other sessions, bad values: refused, nothing changes. */
  {
    g_autofree char *before = agenda_text (server, session);
    g_autofree char *after = NULL;
    g_autofree char *under_self = g_strdup_printf ("{\"parent_id\": %lld}", (long long) b);
    g_autofree char *under_child = g_strdup_printf ("{\"parent_id\": %lld}", (long long) a);
    g_autofree char *other_session = g_strdup_printf ("{\"parent_id\": %lld}",
                                                      (long long) elsewhere);
    const char *const bad[] = { under_self, under_child, other_session,
                                "{\"parent_id\": 999}", "{\"parent_id\": -1}",
                                "{\"parent_id\": \"../2\"}", "{\"title\": \"\"}",
                                "{\"planned_minutes\": -5}", "{\"planned_minutes\": 99999}",
                                "{\"questioning\": \"yes\"}", "{\"position\": -1}",
                                "{\"position\": 1.5}", "[1]", "\xff\xfe" };

    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, server->admin_token,
                                                                   "PUT", bad[i],
                                           "/api/v1/items/%lld", (long long) b);

        g_test_message ("bad body %zu", i);
        chamber_test_expect (answer, 400, "bad-request");
      }
    after = agenda_text (server, session);
    g_assert_cmpstr (after, ==, before);
  }
  {
    g_autoptr (ChamberTestAnswer) unknown = chamber_test_call (server, server->admin_token, "PUT",
                                                               "/api/v1/items/999",
                                                               "{\"title\": \"X\"}");
    g_autoptr (ChamberTestAnswer) by_delegate = chamber_test_callf (server, delegate_token, "PUT",
                                                                    "{\"title\": \"X\"}",
                                            "/api/v1/items/%lld", (long long) b);

    chamber_test_expect (unknown, 404, "not-found");
    chamber_test_expect (by_delegate, 403, "forbidden");
  }
}

static void
test_item_delete (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-desk-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "a.pdf", NULL);
  gint64 session = create_session (server, 1);
  gint64 a = create_item (server, session, 0, "A");
  gint64 b = create_item (server, session, 0, "B");
  gint64 b1 = create_item (server, session, b, "B1");
  gint64 c = create_item (server, session, 0, "C");
  gint64 d = create_item (server, session, 0, "D");
  g_autofree char *chair_token = NULL;
  gint64 revision;

  chair_token = issue_token (server, create_person (server, "Chủ tọa", "chair"));
  {
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (ChamberTestAnswer) answer = NULL;
    g_autofree char *contents = NULL;
    g_autofree char *path = g_strdup_printf ("/api/v1/items/%lld/documents?title=Doc",
                                             (long long) a);
    gsize length;

    chamber_test_write_pdf (pdf, 1, "Doc");
    g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
    bytes = g_bytes_new (contents, length);
    answer = chamber_test_call_bytes (server, server->admin_token, "POST", path,
                                      "application/pdf", bytes);
    chamber_test_expect (answer, 201, NULL);
  }
  /* D is taken up in the live sitting. */
  {
    g_autoptr (ChamberClient) chair = chamber_client_new (server->url, chair_token, NULL);
    g_autoptr (GError) error = NULL;
    g_autofree char *json = g_strdup_printf ("{\"type\":\"open-item\",\"item\":%lld}",
                                             (long long) d);
    g_autoptr (JsonObject) event = NULL;
    g_autoptr (ChamberTestAnswer) open = chamber_test_callf (server, server->admin_token, "PUT",
                                                             "{\"state\": \"open\"}",
                                     "/api/v1/sessions/%lld", (long long) session);

    chamber_test_expect (open, 200, NULL);
    event = chamber_test_post_live_command (chair, session, json, &error);
    g_assert_no_error (error);
  }

  {
    g_autoptr (ChamberTestAnswer) with_document = chamber_test_callf (server, server->admin_token,
                                                                      "DELETE", NULL,
                                              "/api/v1/items/%lld", (long long) a);
    g_autoptr (ChamberTestAnswer) with_children = chamber_test_callf (server, server->admin_token,
                                                                      "DELETE", NULL,
                                              "/api/v1/items/%lld", (long long) b);
    g_autoptr (ChamberTestAnswer) with_events = chamber_test_callf (server, server->admin_token,
                                                                    "DELETE", NULL,
                                            "/api/v1/items/%lld", (long long) d);
    g_autoptr (ChamberTestAnswer) by_chair = chamber_test_callf (server, chair_token, "DELETE",
                                                                 NULL,
                                         "/api/v1/items/%lld", (long long) c);
    g_autoptr (ChamberTestAnswer) no_token = chamber_test_callf (server, NULL, "DELETE", NULL,
                                                                 "/api/v1/items/%lld",
                                                                 (long long) c);
    g_autoptr (ChamberTestAnswer) wrong_route = chamber_test_callf (server, server->admin_token,
                                                                    "DELETE", NULL,
                                            "/api/v1/sessions/%lld", (long long) session);

    chamber_test_expect (with_document, 409, "conflict");
    chamber_test_expect (with_children, 409, "conflict");
    chamber_test_expect (with_events, 409, "conflict");
    chamber_test_expect (by_chair, 403, "forbidden");
    chamber_test_expect (no_token, 401, "unauthorized");
    chamber_test_expect (wrong_route, 405, "bad-request");
  }
  revision = session_revision (server, session);
  {
    g_autoptr (ChamberTestAnswer) leaf = chamber_test_callf (server, server->admin_token,
                                                             "DELETE", NULL,
                                                             "/api/v1/items/%lld", (long long) b1);
    g_autoptr (ChamberTestAnswer) middle = chamber_test_callf (server, server->admin_token,
                                                               "DELETE", NULL,
                                                               "/api/v1/items/%lld", (long long) b);
    g_autoptr (ChamberTestAnswer) again = chamber_test_callf (server, server->admin_token,
                                                              "DELETE", NULL,
                                                              "/api/v1/items/%lld", (long long) b);
    g_autofree char *agenda = NULL;

    chamber_test_expect (leaf, 200, NULL);
    g_assert_cmpint (json_object_get_int_member (leaf->object, "deleted"), ==, b1);
    chamber_test_expect (middle, 200, NULL);
    chamber_test_expect (again, 404, "not-found");
    agenda = agenda_text (server, session);
    g_assert_cmpstr (agenda, ==, "A/-/0/30/\nC/-/1/30/\nD/-/2/30/\n");
  }
  g_assert_cmpint (session_revision (server, session), >, revision);
  chamber_test_rm_rf (dir);
}

static void
test_person_edit (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  gint64 delegate = create_person (server, "Nguyễn Văn An", "delegate");
  gint64 secretariat = create_person (server, "Văn phòng", "secretariat");
  gint64 other_admin = create_person (server, "Quản trị 2", "admin");
  g_autofree char *delegate_token = issue_token (server, delegate);
  g_autofree char *secretariat_token = issue_token (server, secretariat);

  {
    g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, secretariat_token, "PUT",
                                       "{\"committee\": \"Ban Pháp chế\", \"group\": \"Tổ 3\","
                                                               " \"name\": \" Nguyễn Văn Ân \"}",
                                       "/api/v1/people/%lld", (long long) delegate);
    JsonObject *person;

    chamber_test_expect (answer, 200, NULL);
    person = member (answer, "person");
    g_assert_cmpstr (json_object_get_string_member (person, "committee"), ==, "Ban Pháp chế");
    g_assert_cmpstr (json_object_get_string_member (person, "group"), ==, "Tổ 3");
    g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "Nguyễn Văn Ân");
  }
  /* The delegate sees their committee; clearing it. */
  {
    g_autoptr (ChamberTestAnswer) me = chamber_test_call (server, delegate_token, "GET",
                                                          "/api/v1/me", NULL);
    g_autoptr (ChamberTestAnswer) cleared = NULL;

    chamber_test_expect (me, 200, NULL);
    g_assert_cmpstr (json_object_get_string_member (member (me, "person"), "committee"), ==,
                     "Ban Pháp chế");
    cleared = chamber_test_callf (server, secretariat_token, "PUT", "{\"committee\": null}",
                                  "/api/v1/people/%lld", (long long) delegate);
    chamber_test_expect (cleared, 200, NULL);
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (member (cleared, "person"),
                                                                 "committee")));
  }
  /* Deactivated: the token stops working at once, and works again once reactivated. */
  {
    g_autoptr (ChamberTestAnswer) off = chamber_test_callf (server, secretariat_token, "PUT",
                                                            "{\"active\": false}",
                                    "/api/v1/people/%lld", (long long) delegate);
    g_autoptr (ChamberTestAnswer) refused = chamber_test_call (server, delegate_token, "GET",
                                                               "/api/v1/me", NULL);
    g_autoptr (ChamberTestAnswer) new_token = chamber_test_callf (server, secretariat_token,
                                                                  "POST", "{}",
                                          "/api/v1/people/%lld/tokens", (long long) delegate);
    g_autoptr (ChamberTestAnswer) on = NULL;
    g_autoptr (ChamberTestAnswer) back = NULL;

    chamber_test_expect (off, 200, NULL);
    g_assert_false (json_object_get_boolean_member (member (off, "person"), "active"));
    chamber_test_expect (refused, 401, "unauthorized");
    chamber_test_expect (new_token, 409, "conflict");
    on = chamber_test_callf (server, secretariat_token, "PUT", "{\"active\": true}",
                             "/api/v1/people/%lld",
                             (long long) delegate);
    chamber_test_expect (on, 200, NULL);
    back = chamber_test_call (server, delegate_token, "GET", "/api/v1/me", NULL);
    chamber_test_expect (back, 200, NULL);
  }
  /* Admin and secretariat people: only an admin. */
  {
    g_autoptr (ChamberTestAnswer) promote = chamber_test_callf (server, secretariat_token, "PUT",
                                        "{\"role\": \"secretariat\"}", "/api/v1/people/%lld",
                                                                (long long) delegate);
    g_autoptr (ChamberTestAnswer) edit_admin = chamber_test_callf (server, secretariat_token, "PUT",
                                           "{\"active\": false}", "/api/v1/people/%lld",
                                                                   (long long) other_admin);
    g_autoptr (ChamberTestAnswer) by_delegate = chamber_test_callf (server, delegate_token, "PUT",
                                                                    "{\"name\": \"X\"}",
                                            "/api/v1/people/%lld", (long long) delegate);
    g_autoptr (ChamberTestAnswer) by_admin = chamber_test_callf (server, server->admin_token, "PUT",
                                         "{\"role\": \"chair\"}", "/api/v1/people/%lld",
                                                                 (long long) delegate);
    g_autoptr (ChamberTestAnswer) self = chamber_test_call (server, server->admin_token, "PUT",
                                                            "/api/v1/people/1",
                                                            "{\"active\": false}");

    chamber_test_expect (promote, 403, "forbidden");
    chamber_test_expect (edit_admin, 403, "forbidden");
    chamber_test_expect (by_delegate, 403, "forbidden");
    chamber_test_expect (by_admin, 200, NULL);
    chamber_test_expect (self, 409, "conflict");
  }
  {
    static const char *const bad[] = { "{\"name\": \"\"}", "{\"name\": null}",
                                       "{\"active\": \"no\"}", "{\"role\": \"king\"}",
                                       "{\"committee\": 3}", "[]", "" };

    for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, server->admin_token,
                                                                   "PUT", bad[i],
                                           "/api/v1/people/%lld", (long long) delegate);

        g_test_message ("bad body %zu", i);
        chamber_test_expect (answer, 400, "bad-request");
      }
  }
  {
    g_autoptr (ChamberTestAnswer) unknown = chamber_test_call (server, server->admin_token, "PUT",
                                                               "/api/v1/people/999",
                                                               "{\"name\": \"X\"}");
    chamber_test_expect (unknown, 404, "not-found");
  }
}

static void
test_token_list (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  gint64 delegate = create_person (server, "Đại biểu", "delegate");
  gint64 secretariat = create_person (server, "Văn phòng", "secretariat");
  g_autofree char *first = issue_token (server, delegate);
  g_autofree char *second = issue_token (server, delegate);
  g_autofree char *secretariat_token = issue_token (server, secretariat);
  g_autofree char *first_hash = chamber_token_hash (first);
  g_autofree char *second_hash = chamber_token_hash (second);
  JsonArray *tokens;
  gint64 first_id;

  {
    g_autoptr (ChamberTestAnswer) use = chamber_test_call (server, first, "GET", "/api/v1/me",
                                                           NULL);
    chamber_test_expect (use, 200, NULL);
  }
  {
    g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, secretariat_token, "GET",
                                                               NULL,
                                       "/api/v1/people/%lld/tokens", (long long) delegate);
    JsonObject *newest, *oldest;

    chamber_test_expect (answer, 200, NULL);
    tokens = json_object_get_array_member (answer->object, "tokens");
    g_assert_cmpuint (json_array_get_length (tokens), ==, 2);
    newest = json_array_get_object_element (tokens, 0);
    oldest = json_array_get_object_element (tokens, 1);
    g_assert_cmpint (json_object_get_int_member (newest, "id"), >,
                     json_object_get_int_member (oldest, "id"));
    g_assert_false (json_object_get_boolean_member (oldest, "revoked"));
    g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (oldest, "last_used_at")));
    g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (newest, "last_used_at")));
    /* Never the token nor its hash. */
    g_assert_null (strstr (answer->text, first));
    g_assert_null (strstr (answer->text, second));
    g_assert_null (strstr (answer->text, first_hash));
    g_assert_null (strstr (answer->text, second_hash));
    first_id = json_object_get_int_member (oldest, "id");
  }
  {
    g_autoptr (ChamberTestAnswer) revoke = chamber_test_callf (server, secretariat_token, "POST",
                                                               "{}",
                                       "/api/v1/tokens/%lld/revoke", (long long) first_id);
    g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (server, secretariat_token, "GET",
                                                               NULL,
                                       "/api/v1/people/%lld/tokens", (long long) delegate);
    JsonObject *oldest;

    chamber_test_expect (revoke, 200, NULL);
    chamber_test_expect (answer, 200, NULL);
    oldest = json_array_get_object_element (json_object_get_array_member (answer->object,
                                                                          "tokens"), 1);
    g_assert_true (json_object_get_boolean_member (oldest, "revoked"));
    g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (oldest, "revoked_at")));
  }
  {
    g_autoptr (ChamberTestAnswer) of_admin = chamber_test_call (server, secretariat_token, "GET",
                                                                "/api/v1/people/1/tokens", NULL);
    g_autoptr (ChamberTestAnswer) by_delegate = chamber_test_callf (server, second, "GET", NULL,
                                            "/api/v1/people/%lld/tokens", (long long) delegate);
    g_autoptr (ChamberTestAnswer) unknown = chamber_test_call (server, server->admin_token, "GET",
                                                               "/api/v1/people/999/tokens", NULL);
    g_autoptr (ChamberTestAnswer) admin_sees = chamber_test_call (server, server->admin_token,
                                                                  "GET",
                                                                  "/api/v1/people/1/tokens", NULL);

    chamber_test_expect (of_admin, 403, "forbidden");
    chamber_test_expect (by_delegate, 403, "forbidden");
    chamber_test_expect (unknown, 404, "not-found");
    chamber_test_expect (admin_sees, 200, NULL);
  }
}

/* Imports */

static ChamberTestAnswer *
import (ChamberTestServer *server,
        const char        *token,
        gboolean           dry_run,
        const char        *data,
        gsize              length)
{
  g_autoptr (GBytes) body = g_bytes_new (data, length);

  return chamber_test_call_bytes (server, token, "POST",
                     dry_run ? "/api/v1/people/import?dry_run=1" : "/api/v1/people/import",
                                  "text/csv", body);
}

static guint
count_people (ChamberTestServer *server)
{
  g_autoptr (ChamberTestAnswer) answer = chamber_test_call (server, server->admin_token, "GET",
                                                            "/api/v1/people", NULL);

  chamber_test_expect (answer, 200, NULL);
  return json_array_get_length (json_object_get_array_member (answer->object, "people"));
}

/* "LINE:code,code" for every row, one a line. */
static char *
problems_text (ChamberTestAnswer *answer)
{
  JsonArray *rows = json_object_get_array_member (answer->object, "rows");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonArray *problems = json_object_get_array_member (row, "problems");

      g_string_append_printf (out, "%lld:", (long long) json_object_get_int_member (row, "line"));
      for (guint p = 0; p < json_array_get_length (problems); p++)
        g_string_append_printf (out, "%s%s", p > 0 ? "," : "",
                                json_object_get_string_member (
                                  json_array_get_object_element (problems, p), "code"));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

#define PEOPLE_CSV \
  "Họ và tên;Vai trò;Tổ đại biểu;Ban;Chức vụ;Cơ quan\r\n" \
  "Nguyễn Văn Ánh;Đại biểu;Tổ 1;Ban Pháp chế;;\r\n" \
  "Trần Thị Đào;chủ toạ;;;;\r\n" \
  "Lê Văn Hùng;người trả lời chất vấn;;;Giám đốc Sở Tài chính;Sở Tài chính\r\n" \
  ";đại biểu;Tổ 2;;;\r\n" \
  "Phạm Minh;giám đốc;;;;\r\n" \
  "Nguyễn Văn Ánh;đại biểu;Tổ 1;;;\r\n" \
  "Võ Thị Lan;đại biểu;Tổ 2\r\n" \
  "Đặng Văn Tư;văn phòng;;;;\r\n"

static void
test_import (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  gint64 secretariat = create_person (server, "Văn phòng HĐND", "secretariat");
  g_autofree char *secretariat_token = issue_token (server, secretariat);
  g_autofree char *delegate_token = issue_token (server, create_person (server, "ĐB", "delegate"));
  static const char *const expected =
    "2:\n3:\n4:\n5:missing-name\n6:unknown-role\n7:duplicate\n8:wrong-columns\n9:not-allowed\n";
  static const struct {
    const char *charset;
    const char *prefix;
    gsize       prefix_length;
    const char *encoding;
  } encodings[] = {
    { "UTF-8", "", 0, "utf-8" },
    { "UTF-8", "\xEF\xBB\xBF", 3, "utf-8-bom" },
    { "UTF-16LE", "\xFF\xFE", 2, "utf-16le" },
    { "WINDOWS-1258", "", 0, "windows-1258" },
  };
  guint before = count_people (server);

  /* The preview in every encoding, as the secretariat: nothing saved. */
  for (gsize i = 0; i < G_N_ELEMENTS (encodings); i++)
    {
      g_autoptr (GError) error = NULL;
      gsize length = 0;
      g_autofree char *encoded = g_convert (PEOPLE_CSV, -1, encodings[i].charset, "UTF-8", NULL,
                                            &length, &error);
      g_autoptr (GString) file = g_string_new_len (encodings[i].prefix,
                                                   encodings[i].prefix_length);
      g_autoptr (ChamberTestAnswer) answer = NULL;
      g_autofree char *problems = NULL;
      JsonObject *third;

      g_assert_no_error (error);
      g_string_append_len (file, encoded, length);
      answer = import (server, secretariat_token, TRUE, file->str, file->len);
      chamber_test_expect (answer, 200, NULL);
      g_test_message ("%s", encodings[i].encoding);
      g_assert_cmpstr (json_object_get_string_member (answer->object, "encoding"), ==,
                       encodings[i].encoding);
      problems = problems_text (answer);
      g_assert_cmpstr (problems, ==, expected);
      g_assert_cmpint (json_object_get_int_member (answer->object, "valid"), ==, 3);
      g_assert_cmpint (json_object_get_int_member (answer->object, "invalid"), ==, 5);
      g_assert_cmpint (json_object_get_int_member (answer->object, "imported"), ==, 0);
      third = json_object_get_object_member (
        json_array_get_object_element (json_object_get_array_member (answer->object, "rows"), 2),
        "person");
      g_assert_cmpstr (json_object_get_string_member (third, "name"), ==, "Lê Văn Hùng");
      g_assert_cmpstr (json_object_get_string_member (third, "role"), ==, "official");
      g_assert_cmpstr (json_object_get_string_member (third, "agency"), ==, "Sở Tài chính");
      g_assert_cmpuint (count_people (server), ==, before);
    }

  /* Saved: the three valid rows, in one go; then every row is a problem. */
  {
    g_autoptr (ChamberTestAnswer) answer = import (server, secretariat_token, FALSE, PEOPLE_CSV,
                                        strlen (PEOPLE_CSV));
    g_autoptr (ChamberTestAnswer) people = NULL;
    g_autoptr (ChamberTestAnswer) again = NULL;
    g_autofree char *problems = NULL;
    JsonObject *first;

    chamber_test_expect (answer, 200, NULL);
    g_assert_cmpint (json_object_get_int_member (answer->object, "imported"), ==, 3);
    first = json_object_get_object_member (
      json_array_get_object_element (json_object_get_array_member (answer->object, "rows"), 0),
      "person");
    g_assert_cmpint (json_object_get_int_member (first, "id"), >, 0);
    g_assert_cmpuint (count_people (server), ==, before + 3);
    people = chamber_test_callf (server, server->admin_token, "GET", NULL, "/api/v1/people");
    g_assert_nonnull (strstr (people->text, "\"committee\":\"Ban Pháp chế\""));

    again = import (server, secretariat_token, FALSE, PEOPLE_CSV, strlen (PEOPLE_CSV));
    chamber_test_expect (again, 200, NULL);
    problems = problems_text (again);
    g_assert_cmpstr (problems, ==,
                     "2:exists\n3:exists\n4:exists\n5:missing-name\n6:unknown-role\n"
                     "7:exists,duplicate\n8:wrong-columns\n9:not-allowed\n");
    g_assert_cmpint (json_object_get_int_member (again->object, "imported"), ==, 0);
    g_assert_cmpuint (count_people (server), ==, before + 3);
  }

  /* An admin may import the secretariat; a bad encoding shows as a problem. */
  {
    static const char data[] = "name,role\nĐặng Văn Tư,secretariat\nB\xEF\xBF\xBD,delegate\n";
    g_autoptr (ChamberTestAnswer) answer = import (server, server->admin_token, TRUE, data,
                                        sizeof data - 1);
    g_autofree char *problems = NULL;

    chamber_test_expect (answer, 200, NULL);
    problems = problems_text (answer);
    g_assert_cmpstr (problems, ==, "2:\n3:bad-encoding\n");
  }

  /* Files that cannot be read at all: 400 naming the line, 413, and nothing saved. */
  {
    static const struct {
      const char *data;
      gsize       length;
      const char *message;
    } broken[] = {
      { "name,role\nA,delegate\n\"B,delegate\n", 33, "Line 3" },
      { "name,role\nA,delegate\nB\0,delegate\n", 33, "Line 3" },
      { "email,role\nA,delegate\n", 22, "Line 1" },
      { "", 0, "empty" },
      { "\xFF\xFE\x00\xDC", 4, "UTF-16" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (broken); i++)
      {
        g_autoptr (ChamberTestAnswer) answer = import (server, secretariat_token, FALSE, broken[i].data,
                                            broken[i].length);
        JsonObject *error;

        g_test_message ("broken %zu", i);
        chamber_test_expect (answer, 400, "bad-request");
        error = json_object_get_object_member (answer->object, "error");
        g_assert_nonnull (strstr (json_object_get_string_member (error, "message"),
                                  broken[i].message));
      }
  }
  {
    gsize size = 5 * 1024 * 1024 + 1;
    g_autofree char *big = g_malloc (size);
    g_autoptr (ChamberTestAnswer) answer = NULL;

    memset (big, 'x', size);
    memcpy (big, "name\n", 5);
    answer = import (server, secretariat_token, FALSE, big, size);
    chamber_test_expect (answer, 413, "too-large");
  }
  {
    /* Too many rows: 5001 names. */
    GString *many = g_string_new ("name\n");
    g_autoptr (ChamberTestAnswer) answer = NULL;

    for (guint i = 0; i <= 5000; i++)
      g_string_append_printf (many, "Người %u\n", i);
    answer = import (server, secretariat_token, TRUE, many->str, many->len);
    g_string_free (many, TRUE);
    chamber_test_expect (answer, 400, "bad-request");
  }
  {
    g_autoptr (ChamberTestAnswer) by_delegate = import (server, delegate_token, TRUE, PEOPLE_CSV,
                                             strlen (PEOPLE_CSV));
    g_autoptr (ChamberTestAnswer) no_token = import (server, NULL, TRUE, PEOPLE_CSV, strlen (PEOPLE_CSV));
    g_autoptr (ChamberTestAnswer) get = chamber_test_call (server, server->admin_token, "GET",
                                                           "/api/v1/people/import",
                                                           NULL);

    chamber_test_expect (by_delegate, 403, "forbidden");
    chamber_test_expect (no_token, 401, "unauthorized");
    chamber_test_expect (get, 405, "bad-request");
  }
  g_assert_cmpuint (count_people (server), ==, before + 3);
}

/* chamber_client_import_people(), as the desk and chamberctl use it: the preview read into
 * rows with their problems, a dry run that saves nothing, the import that saves the valid rows
 * only, a file the server cannot read refused with its reason, and the delegate's refusal. */
static void
test_import_client (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  gint64 secretariat = create_person (server, "Văn phòng HĐND", "secretariat");
  g_autofree char *secretariat_token = issue_token (server, secretariat);
  g_autofree char *delegate_token = issue_token (server, create_person (server, "ĐB", "delegate"));
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberClient) delegate = NULL;
  g_autoptr (GBytes) csv = g_bytes_new_static (PEOPLE_CSV, strlen (PEOPLE_CSV));
  g_autoptr (GError) error = NULL;
  static const ChamberImportProblemCode expected[] = {
    -1, -1, -1, CHAMBER_IMPORT_PROBLEM_MISSING_NAME, CHAMBER_IMPORT_PROBLEM_UNKNOWN_ROLE,
    CHAMBER_IMPORT_PROBLEM_DUPLICATE, CHAMBER_IMPORT_PROBLEM_WRONG_COLUMNS,
    CHAMBER_IMPORT_PROBLEM_NOT_ALLOWED,
  };
  guint before = count_people (server);

  client = chamber_client_new (server->url, secretariat_token, &error);
  g_assert_no_error (error);
  delegate = chamber_client_new (server->url, delegate_token, &error);
  g_assert_no_error (error);

  /* The dry run: every row read, with its problem, and nothing saved. */
  {
    g_autoptr (ChamberPeopleImport) preview = NULL;
    const ChamberPeopleImportRow *row;

    preview = chamber_client_import_people (client, csv, TRUE, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (preview);
    g_assert_cmpint (preview->encoding, ==, CHAMBER_CSV_ENCODING_UTF8);
    g_assert_cmpint (preview->separator, ==, ';');
    g_assert_cmpuint (preview->valid, ==, 3);
    g_assert_cmpuint (preview->invalid, ==, 5);
    g_assert_cmpuint (preview->imported, ==, 0);
    g_assert_cmpuint (preview->rows->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < preview->rows->len; i++)
      {
        row = g_ptr_array_index (preview->rows, i);
        g_assert_cmpuint (row->line, ==, i + 2);
        g_assert_cmpint (row->person->id, ==, 0);
        if ((int) expected[i] < 0)
          g_assert_cmpuint (row->problems->len, ==, 0);
        else
          {
            const ChamberImportProblem *problem = g_ptr_array_index (row->problems, 0);

            g_assert_cmpuint (row->problems->len, ==, 1);
            g_assert_cmpint (problem->code, ==, expected[i]);
            g_assert_cmpstr (problem->message, !=, "");
          }
      }
    row = g_ptr_array_index (preview->rows, 2);
    g_assert_cmpstr (row->person->name, ==, "Lê Văn Hùng");
    g_assert_cmpint (row->person->role, ==, CHAMBER_ROLE_OFFICIAL);
    g_assert_cmpstr (row->person->title, ==, "Giám đốc Sở Tài chính");
    g_assert_cmpstr (row->person->agency, ==, "Sở Tài chính");
    row = g_ptr_array_index (preview->rows, 0);
    g_assert_cmpstr (row->person->group_name, ==, "Tổ 1");
    g_assert_cmpstr (row->person->committee, ==, "Ban Pháp chế");
    /* An unknown role keeps the text written in the file. */
    row = g_ptr_array_index (preview->rows, 4);
    g_assert_cmpstr (row->role_text, ==, "giám đốc");
    g_assert_cmpuint (count_people (server), ==, before);
  }

  /* Files the server cannot read: its reason, nothing saved. */
  {
    static const struct {
      const char *data;
      gsize       length;
      const char *message;
    } broken[] = {
      { "name,role\nA,delegate\n\"B,delegate\n", 33, "Line 3" },
      { "email,role\nA,delegate\n", 22, "Line 1" },
      { "\xFF\xFE\x00\xDC", 4, "UTF-16" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (broken); i++)
      {
        g_autoptr (GBytes) data = g_bytes_new_static (broken[i].data, broken[i].length);
        g_autoptr (ChamberPeopleImport) refused = NULL;

        g_test_message ("broken %zu", i);
        for (int dry_run = 1; dry_run >= 0; dry_run--)
          {
            refused = chamber_client_import_people (client, data, dry_run, NULL, &error);
            g_assert_null (refused);
            g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_REJECTED);
            g_assert_nonnull (strstr (error->message, broken[i].message));
            g_clear_error (&error);
          }
      }
    g_assert_cmpuint (count_people (server), ==, before);
  }

  /* A delegate may not import. */
  {
    g_autoptr (ChamberPeopleImport) refused = NULL;

    refused = chamber_client_import_people (delegate, csv, TRUE, NULL, &error);
    g_assert_null (refused);
    g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_FORBIDDEN);
    g_clear_error (&error);
  }

  /* The import: the three valid rows saved, with their ids; the others left out. */
  {
    g_autoptr (ChamberPeopleImport) done = NULL;

    done = chamber_client_import_people (client, csv, FALSE, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (done->imported, ==, 3);
    for (guint i = 0; i < done->rows->len; i++)
      {
        const ChamberPeopleImportRow *row = g_ptr_array_index (done->rows, i);

        if (row->problems->len == 0)
          g_assert_cmpint (row->person->id, >, 0);
        else
          g_assert_cmpint (row->person->id, ==, 0);
      }
    g_assert_cmpuint (count_people (server), ==, before + 3);
  }
}

/* chamberctl on top of the same endpoints. */

static int
ctl (ChamberTestServer *server,
     char             **out,
     char             **err,
     const char        *first,
     ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list args;
  int status;

  g_ptr_array_add (argv, (gpointer) chamber_test_chamberctl_path ());
  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, server->url);
  g_ptr_array_add (argv, (gpointer) "--token");
  g_ptr_array_add (argv, server->admin_token);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  status = chamber_test_run ((const char *const *) argv->pdata, NULL, out, err);
  return status;
}

static void
test_cli (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-desk-XXXXXX");
  g_autofree char *csv = g_build_filename (dir, "people.csv", NULL);
  gint64 from = create_session (server, 1);
  gint64 to = create_session (server, 2);
  gint64 a = create_item (server, from, 0, "Khai mạc");
  gint64 delegate = create_person (server, "Đại biểu", "delegate");
  g_autofree char *delegate_token = issue_token (server, delegate);
  g_autofree char *from_arg = g_strdup_printf ("%lld", (long long) from);
  g_autofree char *to_arg = g_strdup_printf ("%lld", (long long) to);
  g_autofree char *item_arg = g_strdup_printf ("%lld", (long long) a);
  g_autofree char *person_arg = g_strdup_printf ("%lld", (long long) delegate);

  create_item (server, from, a, "Báo cáo");
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (ctl (server, &out, &err, "session", "set", from_arg, "--state", "open",
                          "--place", "Hội trường", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "\topen\t"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (ctl (server, &out, &err, "session", "set", from_arg, "--state",
                          "preparing", NULL), ==, 1);
    g_assert_nonnull (strstr (err, "cannot go from"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (ctl (server, &out, &err, "session", "set", from_arg, NULL), ==, 2);
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    g_autofree char *agenda = NULL;

    g_assert_cmpint (ctl (server, &out, &err, "item", "set", item_arg, "--questioning",
                          "--minutes", "15", "--title", "Khai mạc kỳ họp", NULL), ==, 0);
    g_assert_cmpint (ctl (server, NULL, NULL, "session", "copy-agenda", to_arg, "--from",
                          from_arg, NULL), ==, 0);
    agenda = agenda_text (server, to);
    g_assert_cmpstr (agenda, ==, "Khai mạc kỳ họp/-/0/15/q\nBáo cáo/Khai mạc kỳ họp/0/20/\n");
    g_assert_cmpint (ctl (server, NULL, NULL, "session", "copy-agenda", to_arg, "--from",
                          from_arg, NULL), ==, 1);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ctl (server, NULL, &err, "item", "remove", item_arg, NULL), ==, 1);
    g_assert_nonnull (strstr (err, "sub-items"));
  }
  {
    g_autofree char *out = NULL, *err = NULL;

    g_assert_cmpint (ctl (server, &out, &err, "person", "set", person_arg, "--inactive",
                          "--committee", "Ban Kinh tế", NULL), ==, 0);
    g_assert_nonnull (strstr (out, "inactive"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ctl (server, &out, &err, "token", "list", person_arg, NULL), ==, 0);
    /* One token, issued second on this server (the admin's is the first). */
    g_assert_nonnull (strchr (out, '\n'));
    g_assert_cmpstr (strchr (out, '\n') + 1, ==, "");
    g_assert_true (g_str_has_prefix (out, "2\t"));
    g_assert_null (strstr (out, delegate_token));
  }
  {
    g_autofree char *out = NULL, *err = NULL;
    guint before = count_people (server);

    g_assert_true (g_file_set_contents (csv, PEOPLE_CSV, -1, NULL));
    g_assert_cmpint (ctl (server, &out, &err, "people", "import", csv, "--dry-run", NULL), ==,
                     1);
    g_assert_nonnull (strstr (out, "5\tmissing-name\t"));
    g_assert_nonnull (strstr (out, "7\tduplicate\t"));
    g_assert_cmpuint (count_people (server), ==, before);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ctl (server, &out, &err, "people", "import", csv, NULL), ==, 1);
    g_assert_cmpuint (count_people (server), ==, before + 4);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (ctl (server, NULL, &err, "people", "import", "/nonexistent.csv", NULL), ==,
                     1);
  }
  chamber_test_rm_rf (dir);
}

/* The text of every page of the PDF in @bytes, with the number of pages; whitespace removed
 * into @out_compact as well (the fingerprint is printed in groups). */
static char *
pdf_text (GBytes *bytes,
          int    *out_pages,
          char  **out_compact)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_bytes (bytes, NULL, &error);
  GString *text = g_string_new (NULL);
  GString *compact = g_string_new (NULL);

  g_assert_no_error (error);
  *out_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < *out_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_autofree char *page_text = poppler_page_get_text (page);

      g_string_append (text, page_text);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (document);
  for (const char *p = text->str; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, *p);
  *out_compact = g_string_free (compact, FALSE);
  return g_string_free (text, FALSE);
}

static void
test_handover_pdf (void)
{
  static const char fingerprint[] =
    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
  g_autofree char *token = chamber_token_generate ();
  ChamberHandover sheet = {
    .council_name = "Hội đồng nhân dân tỉnh Quảng Trị",
    .person_name = "Nguyễn Thị Hồng Nhung",
    .role = CHAMBER_ROLE_DELEGATE,
    .group_name = "Tổ đại biểu số 3",
    .server_url = "https://chamber.hdnd.example:8443",
    .fingerprint = fingerprint,
    .token = token,
    .expires_at = "2030-06-30T10:00:00Z",
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) pdf = chamber_handover_to_pdf (&sheet, &error);
  g_autofree char *text = NULL;
  g_autofree char *compact = NULL;
  int pages = 0;

  g_assert_no_error (error);
  text = pdf_text (pdf, &pages, &compact);
  g_assert_cmpint (pages, ==, 1);
  g_assert_nonnull (strstr (text, token));
  g_assert_nonnull (strstr (compact, fingerprint));
  g_assert_nonnull (strstr (text, "Nguyễn Thị Hồng Nhung"));
  g_assert_nonnull (strstr (text, "Hội đồng nhân dân tỉnh Quảng Trị"));
  g_assert_nonnull (strstr (text, "Tổ đại biểu số 3"));
  g_assert_nonnull (strstr (text, "https://chamber.hdnd.example:8443"));
  g_assert_nonnull (strstr (text, "2030-06-30"));

  /* Without TLS the sheet says so; without a token there is no sheet. */
  {
    g_autoptr (GBytes) plain = NULL;
    g_autofree char *plain_text = NULL;
    g_autofree char *plain_compact = NULL;

    sheet.fingerprint = NULL;
    sheet.expires_at = NULL;
    plain = chamber_handover_to_pdf (&sheet, &error);
    g_assert_no_error (error);
    plain_text = pdf_text (plain, &pages, &plain_compact);
    g_assert_nonnull (strstr (plain_text, token));
    g_assert_null (strstr (plain_compact, fingerprint));
    sheet.token = "";
    g_assert_null (chamber_handover_to_pdf (&sheet, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  }
}

/* `chamberctl token issue --handover` against a real https chamberd: the sheet holds the token
 * that works, and the fingerprint of the certificate the server really has. */
static void
test_handover_cli (void)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-desk-XXXXXX");
  g_autofree char *cert = g_build_filename (dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "key.pem", NULL);
  g_autofree char *sheet_path = g_build_filename (dir, "sheet.pdf", NULL);
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (ChamberTestServer) server = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *person_arg = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autofree char *text = NULL, *compact = NULL;
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberPerson) me = NULL;
  gsize length;
  int pages = 0;
  int status;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed: it makes the test's self-signed certificate");
      chamber_test_rm_rf (dir);
      return;
    }
  status = chamber_test_run ((const char *const[]) { openssl, "req", "-x509", "-newkey",
                                                     "rsa:2048", "-nodes", "-keyout", key,
                                                     "-out", cert, "-subj", "/CN=127.0.0.1",
                                                     "-days", "2", NULL },
                             NULL, NULL, &err);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&err, g_free);
  certificate = g_tls_certificate_new_from_file (cert, &error);
  g_assert_no_error (error);
  fingerprint = chamber_tls_certificate_fingerprint (certificate);
  server = chamber_test_server_start_with_args (
    (const char *const[]) { "--tls-cert", cert, "--tls-key", key, NULL });
  g_assert_true (g_str_has_prefix (server->url, "https://"));

  {
    g_autoptr (ChamberClient) admin = chamber_client_new (server->url, server->admin_token,
                                                          NULL);
    g_autoptr (ChamberPerson) person = chamber_person_new ();
    g_autoptr (ChamberPerson) created = NULL;

    chamber_client_set_pinned_certificate (admin, fingerprint);
    person->name = g_strdup ("Trần Văn Bảy");
    person->role = CHAMBER_ROLE_DELEGATE;
    person->group_name = g_strdup ("Tổ 2");
    created = chamber_client_add_person (admin, person, NULL, &error);
    g_assert_no_error (error);
    person_arg = g_strdup_printf ("%lld", (long long) created->id);
  }

  status = ctl (server, &out, &err, "--pin", fingerprint, "token", "issue", person_arg,
                "--handover", sheet_path, "--council", "HĐND tỉnh Quảng Trị",
                "--expires", "2031-01-01T00:00:00Z", NULL);
  if (status != 0)
    g_error ("chamberctl token issue: %d: %s", status, err);
  g_strstrip (out);
  g_assert_true (g_str_has_prefix (out, "chm_"));

  g_assert_true (g_file_get_contents (sheet_path, &contents, &length, NULL));
  pdf = g_bytes_new (contents, length);
  text = pdf_text (pdf, &pages, &compact);
  g_assert_cmpint (pages, ==, 1);
  g_assert_nonnull (strstr (text, out));
  g_assert_nonnull (strstr (compact, fingerprint));
  g_assert_nonnull (strstr (text, "Trần Văn Bảy"));
  g_assert_nonnull (strstr (text, "HĐND tỉnh Quảng Trị"));
  g_assert_nonnull (strstr (text, server->url));

  /* The token on the sheet is the one that works. */
  client = chamber_client_new (server->url, out, NULL);
  chamber_client_set_pinned_certificate (client, fingerprint);
  me = chamber_client_get_me (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (me->name, ==, "Trần Văn Bảy");
  chamber_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/desk/session-edit", test_session_edit);
  g_test_add_func ("/desk/copy-agenda", test_copy_agenda);
  g_test_add_func ("/desk/item-edit", test_item_edit);
  g_test_add_func ("/desk/item-delete", test_item_delete);
  g_test_add_func ("/desk/person-edit", test_person_edit);
  g_test_add_func ("/desk/token-list", test_token_list);
  g_test_add_func ("/desk/import", test_import);
  g_test_add_func ("/desk/import-client", test_import_client);
  g_test_add_func ("/desk/cli", test_cli);
  g_test_add_func ("/desk/handover-pdf", test_handover_pdf);
  g_test_add_func ("/desk/handover-cli", test_handover_cli);

  return g_test_run ();
}
