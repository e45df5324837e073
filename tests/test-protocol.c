/* test-protocol.c — the JSON records, the manifest and the HTTP client.
 *
 * Records and manifests are checked against real encodings and the fixtures in
 * tests/data/manifest-*.json; the client is checked against a real chamberd. */
#include "config.h"

#include <gio/gio.h>
#include <libsoup/soup.h>
#include <string.h>
#include <time.h>

#include "chamber-client.h"
#include "chamber-hash.h"
#include "chamber-manifest.h"
#include "chamber-protocol.h"
#include "chamber-test-util.h"

#define HASH_A "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"

typedef gpointer (*Decoder) (JsonObject *object, GError **error);

/* ---- Helpers ----------------------------------------------------------------------------- */

static JsonObject *
parse_ok (const char *text)
{
  g_autoptr (GError) error = NULL;
  JsonObject *object = chamber_protocol_parse_object (text, strlen (text),
                                                      CHAMBER_PROTOCOL_MAX_BODY, &error);

  g_assert_no_error (error);
  g_assert_nonnull (object);
  return object;
}

/* A deep copy of @node's object, through its text (json_node_copy() shares the object). */
static JsonObject *
copy_object (JsonNode *node)
{
  g_autofree char *text = chamber_json_to_string (node, NULL);

  return parse_ok (text);
}

static void
assert_parse_fails (const char *data, gsize len, gsize max_bytes, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) object = chamber_protocol_parse_object (data, len, max_bytes, &error);

  if (object != NULL)
    g_error ("“%.*s” parsed where it should fail", (int) MIN (len, 80), data);
  g_assert_error (error, CHAMBER_PROTOCOL_ERROR, code);
  g_assert_cmpstr (error->message, !=, "");
  {
    g_autofree char *shown = g_utf8_make_valid (data, MIN (len, 40));

    g_test_message ("%s → %s", shown, error->message);
  }
}

/* Decoding @object fails with @code, and the message names @member. */
static void
assert_decode_fails (Decoder decode, GDestroyNotify free_func, JsonObject *object, int code,
                     const char *member)
{
  g_autoptr (GError) error = NULL;
  gpointer record = decode (object, &error);

  if (record != NULL)
    {
      free_func (record);
      g_error ("decoding succeeded where it should fail on “%s”", member);
    }
  g_assert_error (error, CHAMBER_PROTOCOL_ERROR, code);
  g_test_message ("→ %s", error->message);
  if (member != NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", member);

      if (strstr (error->message, quoted) == NULL)
        g_error ("the error “%s” does not name the member %s", error->message, quoted);
    }
}

static void
assert_decode_ok (Decoder decode, GDestroyNotify free_func, JsonObject *object)
{
  g_autoptr (GError) error = NULL;
  gpointer record = decode (object, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  free_func (record);
}

static gpointer
decode_session (JsonObject *object, GError **error)
{
  return chamber_session_from_json (object, error);
}

static gpointer
decode_item (JsonObject *object, GError **error)
{
  return chamber_item_from_json (object, error);
}

static gpointer
decode_person (JsonObject *object, GError **error)
{
  return chamber_person_from_json (object, error);
}

static gpointer
decode_document (JsonObject *object, GError **error)
{
  return chamber_document_from_json (object, error);
}

static ChamberSession *
sample_session (void)
{
  ChamberSession *session = chamber_session_new ();

  session->id = 3;
  session->number = 10;
  session->kind = CHAMBER_SESSION_THEMATIC;
  session->title = g_strdup ("Kỳ họp thứ 10 (chuyên đề) — HĐND tỉnh");
  session->place = g_strdup ("Hội trường Trung tâm Hội nghị tỉnh");
  session->starts_on = g_strdup ("2024-12-09");
  session->ends_on = g_strdup ("2024-12-11");
  session->state = CHAMBER_SESSION_STATE_OPEN;
  session->revision = 42;
  return session;
}

static ChamberItem *
sample_item (void)
{
  ChamberItem *item = chamber_item_new ();

  item->id = 13;
  item->session_id = 3;
  item->parent_id = 12;
  item->position = 2;
  item->title = g_strdup ("Tờ trình dự toán ngân sách địa phương năm 2025");
  item->planned_minutes = 45;
  item->state = CHAMBER_ITEM_STATE_OPEN;
  item->questioning = TRUE;
  return item;
}

static ChamberPerson *
sample_person (void)
{
  ChamberPerson *person = chamber_person_new ();

  person->id = 33;
  person->name = g_strdup ("Lê Quang Đức");
  person->role = CHAMBER_ROLE_OFFICIAL;
  person->group_name = g_strdup ("Tổ đại biểu số 3");
  person->title = g_strdup ("Giám đốc Sở Tài chính");
  person->agency = g_strdup ("Sở Tài chính");
  person->committee = g_strdup ("Ban Kinh tế - Ngân sách");
  person->active = TRUE;
  return person;
}

static ChamberDocument *
sample_document (void)
{
  ChamberDocument *document = chamber_document_new ();
  const char *access[] = { "group:Tổ đại biểu số 1", "person:31", NULL };

  document->id = 22;
  document->session_id = 3;
  document->item_id = 13;
  document->title = g_strdup ("Dự thảo nghị quyết về dự toán ngân sách");
  document->kind = CHAMBER_DOCUMENT_DRAFT_RESOLUTION;
  memcpy (document->sha256, HASH_A, sizeof document->sha256);
  document->bytes = G_GINT64_CONSTANT (5000000000);
  document->pages = 57;
  document->version = 2;
  g_strfreev (document->access);
  document->access = g_strdupv ((char **) access);
  document->published_at = g_strdup ("2024-12-01T02:00:00Z");
  return document;
}

/* Encodes @node, parses the text back and decodes it; the second encoding must be identical. */
static gpointer
round_trip (JsonNode *node, Decoder decode, JsonNode *(*encode) (gconstpointer))
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = chamber_json_to_string (node, NULL);
  g_autoptr (JsonObject) object = parse_ok (text);
  gpointer record = decode (object, &error);
  g_autoptr (JsonNode) again = NULL;
  g_autofree char *text_again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (record);
  again = encode (record);
  text_again = chamber_json_to_string (again, NULL);
  g_assert_cmpstr (text, ==, text_again);
  return record;
}

static JsonNode *
encode_session (gconstpointer record)
{
  return chamber_session_to_json (record);
}

static JsonNode *
encode_item (gconstpointer record)
{
  return chamber_item_to_json (record);
}

static JsonNode *
encode_person (gconstpointer record)
{
  return chamber_person_to_json (record);
}

static JsonNode *
encode_document (gconstpointer record)
{
  return chamber_document_to_json (record);
}

/* ---- Records round-trip ------------------------------------------------------------------ */

static void
test_session_round_trip (void)
{
  g_autoptr (ChamberSession) session = sample_session ();
  g_autoptr (JsonNode) node = chamber_session_to_json (session);
  g_autoptr (ChamberSession) back = round_trip (node, decode_session, encode_session);
  g_autoptr (ChamberSession) bare = chamber_session_new ();
  g_autoptr (JsonNode) bare_node = NULL;
  g_autoptr (ChamberSession) bare_back = NULL;
  JsonObject *object = json_node_get_object (node);

  g_assert_cmpint (json_object_get_int_member (object, "number"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "thematic");
  g_assert_cmpstr (json_object_get_string_member (object, "state"), ==, "open");

  g_assert_cmpint (back->id, ==, session->id);
  g_assert_cmpint (back->number, ==, session->number);
  g_assert_cmpint (back->kind, ==, session->kind);
  g_assert_cmpstr (back->title, ==, session->title);
  g_assert_cmpstr (back->place, ==, session->place);
  g_assert_cmpstr (back->starts_on, ==, session->starts_on);
  g_assert_cmpstr (back->ends_on, ==, session->ends_on);
  g_assert_cmpint (back->state, ==, session->state);
  g_assert_cmpint (back->revision, ==, session->revision);

  /* Optional members: null when written, absent or null when read. */
  bare->id = 1;
  bare->number = 1;
  bare->title = g_strdup ("Kỳ họp bất thường");
  bare->kind = CHAMBER_SESSION_EXTRAORDINARY;
  bare->revision = 1;
  bare_node = chamber_session_to_json (bare);
  g_assert_true (json_object_get_null_member (json_node_get_object (bare_node), "place"));
  bare_back = round_trip (bare_node, decode_session, encode_session);
  g_assert_null (bare_back->place);
  g_assert_null (bare_back->starts_on);
  g_assert_null (bare_back->ends_on);

  {
    g_autoptr (JsonObject) absent = copy_object (bare_node);

    json_object_remove_member (absent, "place");
    json_object_remove_member (absent, "starts_on");
    json_object_remove_member (absent, "ends_on");
    assert_decode_ok (decode_session, (GDestroyNotify) chamber_session_free, absent);
  }
}

static void
test_item_round_trip (void)
{
  g_autoptr (ChamberItem) item = sample_item ();
  g_autoptr (JsonNode) node = chamber_item_to_json (item);
  g_autoptr (ChamberItem) back = round_trip (node, decode_item, encode_item);
  g_autoptr (ChamberItem) top = sample_item ();
  g_autoptr (JsonNode) top_node = NULL;
  g_autoptr (ChamberItem) top_back = NULL;

  g_assert_cmpint (back->id, ==, 13);
  g_assert_cmpint (back->session_id, ==, 3);
  g_assert_cmpint (back->parent_id, ==, 12);
  g_assert_cmpint (back->position, ==, 2);
  g_assert_cmpstr (back->title, ==, item->title);
  g_assert_cmpint (back->planned_minutes, ==, 45);
  g_assert_cmpint (back->state, ==, CHAMBER_ITEM_STATE_OPEN);
  g_assert_true (back->questioning);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "state"), ==,
                   "open");

  /* A top-level item has "parent_id": null. */
  top->parent_id = 0;
  top->state = CHAMBER_ITEM_STATE_NOT_STARTED;
  top_node = chamber_item_to_json (top);
  g_assert_true (json_object_get_null_member (json_node_get_object (top_node), "parent_id"));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (top_node), "state"), ==,
                   "not-started");
  top_back = round_trip (top_node, decode_item, encode_item);
  g_assert_cmpint (top_back->parent_id, ==, 0);
}

static void
test_person_round_trip (void)
{
  g_autoptr (ChamberPerson) person = sample_person ();
  g_autoptr (JsonNode) node = chamber_person_to_json (person);
  g_autoptr (ChamberPerson) back = round_trip (node, decode_person, encode_person);
  JsonObject *object = json_node_get_object (node);

  g_assert_cmpstr (json_object_get_string_member (object, "group"), ==, "Tổ đại biểu số 3");
  g_assert_cmpstr (json_object_get_string_member (object, "role"), ==, "official");
  g_assert_cmpint (back->id, ==, 33);
  g_assert_cmpstr (back->name, ==, person->name);
  g_assert_cmpint (back->role, ==, CHAMBER_ROLE_OFFICIAL);
  g_assert_cmpstr (back->group_name, ==, person->group_name);
  g_assert_cmpstr (back->title, ==, person->title);
  g_assert_cmpstr (back->agency, ==, person->agency);
  g_assert_cmpstr (back->committee, ==, "Ban Kinh tế - Ngân sách");
  g_assert_true (back->active);

  {
    g_autoptr (JsonObject) inactive = copy_object (node);
    g_autoptr (ChamberPerson) decoded = NULL;
    g_autoptr (GError) error = NULL;

    json_object_set_boolean_member (inactive, "active", FALSE);
    json_object_remove_member (inactive, "group");
    json_object_set_null_member (inactive, "title");
    decoded = chamber_person_from_json (inactive, &error);
    g_assert_no_error (error);
    g_assert_false (decoded->active);
    g_assert_null (decoded->group_name);
    g_assert_null (decoded->title);
  }
}

static void
test_document_round_trip (void)
{
  g_autoptr (ChamberDocument) document = sample_document ();
  g_autoptr (JsonNode) node = chamber_document_to_json (document);
  g_autoptr (ChamberDocument) back = round_trip (node, decode_document, encode_document);
  g_autoptr (ChamberDocument) open = sample_document ();
  g_autoptr (JsonNode) open_node = NULL;
  JsonArray *access;

  g_assert_cmpint (back->id, ==, 22);
  g_assert_cmpint (back->session_id, ==, 3);
  g_assert_cmpint (back->item_id, ==, 13);
  g_assert_cmpstr (back->title, ==, document->title);
  g_assert_cmpint (back->kind, ==, CHAMBER_DOCUMENT_DRAFT_RESOLUTION);
  g_assert_cmpstr (back->sha256, ==, HASH_A);
  g_assert_cmpint (back->bytes, ==, G_GINT64_CONSTANT (5000000000));
  g_assert_cmpint (back->pages, ==, 57);
  g_assert_cmpint (back->version, ==, 2);
  g_assert_nonnull (back->access);
  g_assert_cmpuint (g_strv_length (back->access), ==, 2);
  g_assert_cmpstr (back->access[0], ==, "group:Tổ đại biểu số 1");
  g_assert_cmpstr (back->access[1], ==, "person:31");
  g_assert_cmpstr (back->published_at, ==, "2024-12-01T02:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "kind"), ==,
                   "draft-resolution");

  /* No access list is everyone: ["all"]. */
  g_clear_pointer (&open->access, g_strfreev);
  g_clear_pointer (&open->published_at, g_free);
  open_node = chamber_document_to_json (open);
  access = json_object_get_array_member (json_node_get_object (open_node), "access");
  g_assert_cmpuint (json_array_get_length (access), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (access, 0), ==, "all");
  g_assert_true (json_object_get_null_member (json_node_get_object (open_node), "published_at"));
  {
    g_autoptr (ChamberDocument) open_back = round_trip (open_node, decode_document,
                                                        encode_document);
    g_assert_cmpstr (open_back->access[0], ==, "all");
    g_assert_null (open_back->access[1]);
    g_assert_null (open_back->published_at);
  }
}

/* ---- Parsing the raw text ---------------------------------------------------------------- */

static void
test_parse_malformed (void)
{
  const char *bad_json[] = {
    "{", "{\"a\":}", "{\"a\":1,}", "{\"a\":1} trailing", "nul", "{\"a\":\"unterminated}",
    /* json-glib itself would take these; JSON does not. */
    "{'a':1}", "{\"a\":01}", "{\"a\":-01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":1e}",
    "{\"a\":+1}", "{\"a\":-}", "{\"a\":tru}", "{\"a\":True}", "{a:1}", "{\"a\" 1}",
    "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":1}{}", "{/* c */\"a\":1}", "{\"a\":1}#",
    "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\ud800\"}",
    "{\"a\":\"\\udc00\"}", "{\"a\":\"\\ud800\\u0041\"}", "{\"a\":\"tab\there\"}",
    "{\"a\":\"line\nbreak\"}",
  };
  const char *good_json[] = {
    "{}", " {\"a\" : [ ] , \"b\":{}}\r\n", "{\"a\":-0.5e+3,\"b\":0,\"c\":-0,\"d\":1E-2}",
    "{\"a\":\"\\ud83d\\ude00 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\"}",
    "{\"a\":[true,false,null,[[{}]]]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad_json); i++)
    assert_parse_fails (bad_json[i], strlen (bad_json[i]), CHAMBER_PROTOCOL_MAX_BODY,
                        CHAMBER_PROTOCOL_ERROR_MALFORMED);

  for (guint i = 0; i < G_N_ELEMENTS (good_json); i++)
    {
      g_autoptr (JsonObject) object = parse_ok (good_json[i]);

      g_assert_nonnull (object);
    }

  /* Nothing at all. */
  assert_parse_fails ("", 0, CHAMBER_PROTOCOL_MAX_BODY, CHAMBER_PROTOCOL_ERROR_MALFORMED);
  assert_parse_fails ("   ", 3, CHAMBER_PROTOCOL_MAX_BODY, CHAMBER_PROTOCOL_ERROR_MALFORMED);
  /* Valid JSON, but not an object at the top. */
  assert_parse_fails ("[{\"id\":1}]", 10, CHAMBER_PROTOCOL_MAX_BODY,
                      CHAMBER_PROTOCOL_ERROR_MALFORMED);
  assert_parse_fails ("\"text\"", 6, CHAMBER_PROTOCOL_MAX_BODY,
                      CHAMBER_PROTOCOL_ERROR_MALFORMED);
  assert_parse_fails ("42", 2, CHAMBER_PROTOCOL_MAX_BODY, CHAMBER_PROTOCOL_ERROR_MALFORMED);
  assert_parse_fails ("null", 4, CHAMBER_PROTOCOL_MAX_BODY, CHAMBER_PROTOCOL_ERROR_MALFORMED);
  /* Invalid UTF-8 (a lone continuation byte, an overlong encoding), and a NUL byte. */
  assert_parse_fails ("{\"a\":\"x\x80y\"}", 11, CHAMBER_PROTOCOL_MAX_BODY,
                      CHAMBER_PROTOCOL_ERROR_MALFORMED);
  assert_parse_fails ("{\"a\":\"\xc0\xaf\"}", 10, CHAMBER_PROTOCOL_MAX_BODY,
                      CHAMBER_PROTOCOL_ERROR_MALFORMED);
  assert_parse_fails ("{\"a\":\"x\0y\"}", 11, CHAMBER_PROTOCOL_MAX_BODY,
                      CHAMBER_PROTOCOL_ERROR_MALFORMED);
  /* An escaped NUL would cut a C string short. */
  assert_parse_fails ("{\"a\":\"x\\u0000y\"}", 16, CHAMBER_PROTOCOL_MAX_BODY,
                      CHAMBER_PROTOCOL_ERROR_INVALID);
}

static void
test_parse_limits (void)
{
  g_autoptr (GString) big = g_string_new ("{\"title\":\"");
  g_autoptr (GString) deep = g_string_new (NULL);
  g_autoptr (JsonObject) at_limit = NULL;
  g_autoptr (GError) error = NULL;
  gsize limit;

  /* A body of exactly the limit parses; one byte more is refused before parsing. */
  while (big->len < 4000)
    g_string_append (big, "ngân sách ");
  g_string_append (big, "\"}");
  limit = big->len;
  at_limit = chamber_protocol_parse_object (big->str, big->len, limit, &error);
  g_assert_no_error (error);
  g_assert_nonnull (at_limit);
  assert_parse_fails (big->str, big->len, limit - 1, CHAMBER_PROTOCOL_ERROR_TOO_LARGE);

  /* The protocol's own limit: 1 MiB + 1 byte of otherwise valid JSON. */
  {
    gsize len = CHAMBER_PROTOCOL_MAX_BODY + 1;
    g_autofree char *body = g_malloc (len);

    memset (body, ' ', len);
    body[0] = '{';
    body[len - 1] = '}';
    assert_parse_fails (body, len, CHAMBER_PROTOCOL_MAX_BODY, CHAMBER_PROTOCOL_ERROR_TOO_LARGE);
    body[len - 2] = '}';
    body[len - 1] = ' ';
    {
      g_autoptr (JsonObject) fits = chamber_protocol_parse_object (body, len - 1,
                                                                   CHAMBER_PROTOCOL_MAX_BODY,
                                                                   &error);
      g_assert_no_error (error);
      g_assert_nonnull (fits);
    }
  }

  /* Nesting that would overflow json-glib's recursive parser is refused. */
  g_string_append (deep, "{\"a\":");
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_parse_fails (deep->str, deep->len, CHAMBER_PROTOCOL_MAX_BODY,
                      CHAMBER_PROTOCOL_ERROR_TOO_LARGE);
}

static void
test_parse_integers (void)
{
  /* json-glib would silently wrap these to other values. */
  const char *overflowing[] = {
    "{\"id\":9223372036854775808}",
    "{\"id\":-9223372036854775809}",
    "{\"id\":99999999999999999999}",
    "{\"list\":[1, 123456789012345678901234567890]}",
  };
  g_autoptr (JsonObject) max = parse_ok ("{\"id\":9223372036854775807,\"min\":-9223372036854775808}");
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (overflowing); i++)
    assert_parse_fails (overflowing[i], strlen (overflowing[i]), CHAMBER_PROTOCOL_MAX_BODY,
                        CHAMBER_PROTOCOL_ERROR_INVALID);

  {
    g_autoptr (JsonObject) object = chamber_protocol_parse_object (
        overflowing[0], strlen (overflowing[0]), CHAMBER_PROTOCOL_MAX_BODY, &error);

    g_assert_null (object);
    g_assert_nonnull (strstr (error->message, "“id”"));
    g_clear_error (&error);
  }

  g_assert_cmpint (json_object_get_int_member (max, "id"), ==, G_MAXINT64);
  g_assert_cmpint (json_object_get_int_member (max, "min"), ==, G_MININT64);
}

/* ---- Typed member readers ---------------------------------------------------------------- */

static void
test_member_readers (void)
{
  g_autoptr (JsonObject) object = parse_ok ("{\"s\":\"Hội đồng\",\"n\":7,\"f\":1.5,\"e\":1e30,"
                                            "\"x\":null,\"b\":true,\"neg\":-3}");
  g_autoptr (GError) error = NULL;
  g_autofree char *s = NULL;
  char *absent = (char *) "untouched";
  gint64 n = 0;

  g_assert_true (chamber_json_get_string (object, "s", TRUE, 100, &s, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (s, ==, "Hội đồng");

  /* Optional and absent or null: TRUE, NULL. Required: MISSING. */
  g_assert_true (chamber_json_get_string (object, "nothing", FALSE, 100, &absent, &error));
  g_assert_null (absent);
  g_assert_true (chamber_json_get_string (object, "x", FALSE, 100, &absent, &error));
  g_assert_null (absent);
  g_assert_false (chamber_json_get_string (object, "nothing", TRUE, 100, &absent, &error));
  g_assert_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MISSING);
  g_clear_error (&error);
  g_assert_false (chamber_json_get_string (object, "x", TRUE, 100, &absent, &error));
  g_assert_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MISSING);
  g_clear_error (&error);

  /* "Hội đồng" is 13 bytes: the limit counts bytes. */
  g_assert_false (chamber_json_get_string (object, "s", TRUE, 10, &absent, &error));
  g_assert_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "“s”"));
  g_clear_error (&error);
  g_assert_false (chamber_json_get_string (object, "n", TRUE, 10, &absent, &error));
  g_assert_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);
  g_assert_nonnull (strstr (error->message, "“n”"));
  g_clear_error (&error);

  g_assert_true (chamber_json_get_int (object, "n", TRUE, 1, 10, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 7);
  g_assert_false (chamber_json_get_int (object, "n", TRUE, 8, 10, &n, &error));
  g_assert_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“n”"));
  g_clear_error (&error);
  g_assert_false (chamber_json_get_int (object, "neg", TRUE, 0, G_MAXINT64, &n, &error));
  g_assert_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID);
  g_clear_error (&error);

  /* Only a JSON integer is a whole number: not 1.5, not 1e30, not "7", not true. */
  for (guint i = 0; i < 4; i++)
    {
      const char *member = (const char *[]) { "f", "e", "s", "b" }[i];

      g_assert_false (chamber_json_get_int (object, member, TRUE, G_MININT64, G_MAXINT64, &n,
                                            &error));
      g_assert_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);
      g_clear_error (&error);
    }
  g_assert_cmpint (n, ==, 7);

  /* A string that is not UTF-8 (built in code; the parser never lets one through). */
  json_object_set_string_member (object, "bad", "x\xff");
  g_assert_false (chamber_json_get_string (object, "bad", TRUE, 100, &absent, &error));
  g_assert_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“bad”"));
}

/* ---- Every member of every record, wrong ------------------------------------------------- */

typedef struct {
  const char *name;
  Decoder     decode;
  GDestroyNotify free_func;
  JsonNode   *(*make) (void);
  const char *const *required;
  const char *const *optional;
} RecordCase;

static JsonNode *
make_session_node (void)
{
  g_autoptr (ChamberSession) session = sample_session ();
  return chamber_session_to_json (session);
}

static JsonNode *
make_item_node (void)
{
  g_autoptr (ChamberItem) item = sample_item ();
  return chamber_item_to_json (item);
}

static JsonNode *
make_person_node (void)
{
  g_autoptr (ChamberPerson) person = sample_person ();
  return chamber_person_to_json (person);
}

static JsonNode *
make_document_node (void)
{
  g_autoptr (ChamberDocument) document = sample_document ();
  return chamber_document_to_json (document);
}

static const char *const session_required[] = { "id", "number", "kind", "title", "state",
                                                "revision", NULL };
static const char *const session_optional[] = { "place", "starts_on", "ends_on", NULL };
static const char *const item_required[] = { "id", "session_id", "parent_id", "position", "title",
                                             "planned_minutes", "state", NULL };
static const char *const item_optional[] = { "questioning", NULL };
static const char *const person_required[] = { "id", "name", "role", "active", NULL };
static const char *const person_optional[] = { "group", "committee", "title", "agency", NULL };
static const char *const document_required[] = { "id", "session_id", "item_id", "title", "kind",
                                                 "sha256", "bytes", "pages", "version",
                                                 "access", NULL };
static const char *const document_optional[] = { "published_at", NULL };

static const RecordCase record_cases[] = {
  { "session", decode_session, (GDestroyNotify) chamber_session_free, make_session_node,
    session_required, session_optional },
  { "item", decode_item, (GDestroyNotify) chamber_item_free, make_item_node, item_required,
    item_optional },
  { "person", decode_person, (GDestroyNotify) chamber_person_free, make_person_node,
    person_required, person_optional },
  { "document", decode_document, (GDestroyNotify) chamber_document_free, make_document_node,
    document_required, document_optional },
};

/* A value of another JSON type than @node holds. */
static void
set_wrong_type (JsonObject *object, const char *member, JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    json_object_set_string_member (object, member, "all");
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    json_object_set_int_member (object, member, 1);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    json_object_set_string_member (object, member, "1");
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    json_object_set_string_member (object, member, "true");
  else
    g_assert_not_reached ();
}

static void
test_records_wrong_types (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (record_cases); c++)
    {
      const RecordCase *rc = &record_cases[c];
      g_autoptr (JsonNode) node = rc->make ();
      JsonObject *original = json_node_get_object (node);
      g_autoptr (GList) members = json_object_get_members (original);
      guint checked = 0;

      assert_decode_ok (rc->decode, rc->free_func, original);

      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *member = l->data;
          JsonNode *value = json_object_get_member (original, member);
          g_autoptr (JsonObject) wrong = copy_object (node);
          g_autoptr (JsonObject) as_object = copy_object (node);

          g_test_message ("%s.%s with the wrong type", rc->name, member);
          set_wrong_type (wrong, member, value);
          assert_decode_fails (rc->decode, rc->free_func, wrong,
                               CHAMBER_PROTOCOL_ERROR_WRONG_TYPE, member);

          /* An object is the wrong type for every member. */
          json_object_set_object_member (as_object, member, json_object_new ());
          assert_decode_fails (rc->decode, rc->free_func, as_object,
                               CHAMBER_PROTOCOL_ERROR_WRONG_TYPE, member);
          checked++;
        }

      /* Optional members written as null are wrong with a number in them too. */
      for (guint i = 0; rc->optional[i] != NULL; i++)
        {
          g_autoptr (JsonObject) wrong = copy_object (node);

          json_object_set_int_member (wrong, rc->optional[i], 5);
          assert_decode_fails (rc->decode, rc->free_func, wrong,
                               CHAMBER_PROTOCOL_ERROR_WRONG_TYPE, rc->optional[i]);
        }

      g_assert_cmpuint (checked, ==,
                        g_strv_length ((char **) rc->required)
                          + g_strv_length ((char **) rc->optional));
    }
}

static void
test_records_missing (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (record_cases); c++)
    {
      const RecordCase *rc = &record_cases[c];
      g_autoptr (JsonNode) node = rc->make ();

      for (guint i = 0; rc->required[i] != NULL; i++)
        {
          g_autoptr (JsonObject) missing = copy_object (node);

          g_test_message ("%s without %s", rc->name, rc->required[i]);
          json_object_remove_member (missing, rc->required[i]);
          assert_decode_fails (rc->decode, rc->free_func, missing,
                               CHAMBER_PROTOCOL_ERROR_MISSING, rc->required[i]);

          /* null is no value for a required member (parent_id aside, null at the top). */
          if (!g_str_equal (rc->required[i], "parent_id"))
            {
              g_autoptr (JsonObject) null_member = copy_object (node);

              json_object_set_null_member (null_member, rc->required[i]);
              assert_decode_fails (rc->decode, rc->free_func, null_member,
                                   CHAMBER_PROTOCOL_ERROR_MISSING, rc->required[i]);
            }
        }

      for (guint i = 0; rc->optional[i] != NULL; i++)
        {
          g_autoptr (JsonObject) absent = copy_object (node);

          json_object_remove_member (absent, rc->optional[i]);
          assert_decode_ok (rc->decode, rc->free_func, absent);
        }
    }
}

/* Sets @member of a fresh copy of @node to the JSON @value_text and expects @code. */
static void
expect_value (const RecordCase *rc, JsonNode *node, const char *member, const char *value_text,
              int code)
{
  g_autoptr (JsonObject) object = copy_object (node);
  g_autofree char *wrapped = g_strdup_printf ("{\"v\":%s}", value_text);
  g_autoptr (JsonObject) holder = parse_ok (wrapped);

  g_test_message ("%s.%s = %s", rc->name, member, value_text);
  json_object_set_member (object, member, json_node_copy (json_object_get_member (holder, "v")));
  if (code < 0)
    assert_decode_ok (rc->decode, rc->free_func, object);
  else
    assert_decode_fails (rc->decode, rc->free_func, object, code, member);
}

#define OK (-1)

static void
test_records_integers (void)
{
  const RecordCase *session = &record_cases[0];
  const RecordCase *item = &record_cases[1];
  const RecordCase *person = &record_cases[2];
  const RecordCase *document = &record_cases[3];
  g_autoptr (JsonNode) s = session->make ();
  g_autoptr (JsonNode) i = item->make ();
  g_autoptr (JsonNode) p = person->make ();
  g_autoptr (JsonNode) d = document->make ();
  const char *s_ints[] = { "id", "number", "revision" };
  const char *i_ints[] = { "id", "session_id", "parent_id", "position", "planned_minutes" };
  const char *d_ints[] = { "id", "session_id", "item_id", "bytes", "pages", "version" };

  /* 1.5 and 1e30 where an integer belongs. */
  for (guint k = 0; k < G_N_ELEMENTS (s_ints); k++)
    {
      expect_value (session, s, s_ints[k], "1.5", CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);
      expect_value (session, s, s_ints[k], "1e30", CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);
      expect_value (session, s, s_ints[k], "2.0", CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);
    }
  for (guint k = 0; k < G_N_ELEMENTS (i_ints); k++)
    {
      expect_value (item, i, i_ints[k], "1.5", CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);
      expect_value (item, i, i_ints[k], "1e30", CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);
    }
  for (guint k = 0; k < G_N_ELEMENTS (d_ints); k++)
    {
      expect_value (document, d, d_ints[k], "1.5", CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);
      expect_value (document, d, d_ints[k], "1e30", CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);
    }
  expect_value (person, p, "id", "33.0", CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);

  /* Ids are at least 1. */
  for (guint k = 0; k < G_N_ELEMENTS (d_ints); k++)
    if (g_str_has_suffix (d_ints[k], "id"))
      {
        expect_value (document, d, d_ints[k], "0", CHAMBER_PROTOCOL_ERROR_INVALID);
        expect_value (document, d, d_ints[k], "-1", CHAMBER_PROTOCOL_ERROR_INVALID);
        expect_value (document, d, d_ints[k], "-9223372036854775808",
                      CHAMBER_PROTOCOL_ERROR_INVALID);
        expect_value (document, d, d_ints[k], "9223372036854775807", OK);
      }
  expect_value (session, s, "id", "0", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (item, i, "session_id", "-5", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (item, i, "parent_id", "0", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (item, i, "parent_id", "null", OK);
  expect_value (item, i, "parent_id", "13", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (person, p, "id", "-1", CHAMBER_PROTOCOL_ERROR_INVALID);

  /* Sensible ranges. */
  expect_value (session, s, "number", "0", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (session, s, "number", "1", OK);
  expect_value (session, s, "number", "1000", OK);
  expect_value (session, s, "number", "1001", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (session, s, "revision", "-1", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (item, i, "planned_minutes", "-1", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (item, i, "planned_minutes", "0", OK);
  expect_value (item, i, "planned_minutes", "10000", OK);
  expect_value (item, i, "planned_minutes", "10001", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (item, i, "position", "-1", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (item, i, "position", "4294967296", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "pages", "-1", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "pages", "0", OK);
  expect_value (document, d, "pages", "1000000", OK);
  expect_value (document, d, "pages", "1000001", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "bytes", "-1", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "bytes", "0", OK);
  expect_value (document, d, "version", "0", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "version", "1", OK);
}

static void
test_records_values (void)
{
  const RecordCase *session = &record_cases[0];
  const RecordCase *item = &record_cases[1];
  const RecordCase *person = &record_cases[2];
  const RecordCase *document = &record_cases[3];
  g_autoptr (JsonNode) s = session->make ();
  g_autoptr (JsonNode) i = item->make ();
  g_autoptr (JsonNode) p = person->make ();
  g_autoptr (JsonNode) d = document->make ();
  g_autofree char *long_title = NULL;
  g_autofree char *max_title = NULL;

  /* Enums: only the wire names. */
  expect_value (session, s, "kind", "\"weekly\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (session, s, "kind", "\"Regular\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (session, s, "kind", "\"\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (session, s, "kind", "\"extraordinary\"", OK);
  expect_value (session, s, "state", "\"paused\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (item, i, "state", "\"not_started\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (item, i, "state", "\"closed\"", OK);
  expect_value (person, p, "role", "\"king\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (person, p, "role", "\"secretariat\"", OK);
  expect_value (document, d, "kind", "\"memo\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "kind", "\"draft_resolution\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "kind", "\"report\"", OK);

  /* Hashes: 64 lowercase hex digits exactly. */
  expect_value (document, d, "sha256",
                "\"CA978112CA1BBDCAFAC231B39A23DC4DA786EFF8147C4E72B9807785AFEE48BB\"",
                CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "sha256",
                "\"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48b\"",
                CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "sha256",
                "\"ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb0\"",
                CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "sha256",
                "\"../../../../etc/passwd/ca978112ca1bbdcafac231b39a23dc4da786eff81\"",
                CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "sha256",
                "\"za978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb\"",
                CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "sha256", "\"\"", CHAMBER_PROTOCOL_ERROR_INVALID);

  /* Dates. */
  expect_value (session, s, "starts_on", "\"2024-02-30\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (session, s, "starts_on", "\"2024-2-3\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (session, s, "starts_on", "\"09/12/2024\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (session, s, "starts_on", "\"2024-12-09T08:00\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (session, s, "starts_on", "\"2024-02-29\"", OK);
  expect_value (session, s, "ends_on", "\"2024-12-08\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "published_at", "\"yesterday\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "published_at", "\"2024-12-01T09:00:00+07:00\"", OK);

  /* Access entries. */
  expect_value (document, d, "access", "[\"everyone\"]", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "access", "[\"group:\"]", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "access", "[\"person:0\"]", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "access", "[\"person:-3\"]", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "access", "[\"person:abc\"]", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "access", "[\"person:007\"]", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (document, d, "access", "[\"all\", 3]", CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);
  expect_value (document, d, "access", "[\"all\", null]", CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);
  expect_value (document, d, "access", "{\"all\": true}", CHAMBER_PROTOCOL_ERROR_WRONG_TYPE);
  expect_value (document, d, "access", "[\"all\", \"group:Tổ 2\", \"person:9\"]", OK);
  expect_value (document, d, "access", "[]", OK);

  /* Empty titles and names. */
  expect_value (session, s, "title", "\"\"", CHAMBER_PROTOCOL_ERROR_INVALID);
  expect_value (person, p, "name", "\"\"", CHAMBER_PROTOCOL_ERROR_INVALID);

  /* Strings: at most CHAMBER_PROTOCOL_MAX_STRING bytes (counted in bytes, not characters). */
  {
    GString *text = g_string_new (NULL);

    while (text->len + strlen ("đ") <= CHAMBER_PROTOCOL_MAX_STRING)
      g_string_append (text, "đ");
    while (text->len < CHAMBER_PROTOCOL_MAX_STRING)
      g_string_append_c (text, 'a');
    g_assert_cmpuint (text->len, ==, CHAMBER_PROTOCOL_MAX_STRING);
    max_title = g_strdup_printf ("\"%s\"", text->str);
    g_string_append_c (text, 'a');
    long_title = g_strdup_printf ("\"%s\"", text->str);
    g_string_free (text, TRUE);
  }
  expect_value (session, s, "title", max_title, OK);
  expect_value (session, s, "title", long_title, CHAMBER_PROTOCOL_ERROR_TOO_LARGE);
  expect_value (session, s, "place", long_title, CHAMBER_PROTOCOL_ERROR_TOO_LARGE);
  expect_value (item, i, "title", long_title, CHAMBER_PROTOCOL_ERROR_TOO_LARGE);
  expect_value (person, p, "agency", long_title, CHAMBER_PROTOCOL_ERROR_TOO_LARGE);
  expect_value (document, d, "title", long_title, CHAMBER_PROTOCOL_ERROR_TOO_LARGE);
}

/* ---- Error bodies ------------------------------------------------------------------------ */

static void
test_error_body (void)
{
  g_autofree char *body = chamber_protocol_error_body (
      "damaged-pdf", "Tệp PDF bị hỏng (thiếu cây trang). Hãy tải lên lại.");
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  g_autoptr (JsonObject) object = parse_ok (body);
  JsonObject *inner = json_object_get_object_member (object, "error");
  const char *not_error[] = {
    "{\"error\":\"not-found\"}", "{\"error\":{\"code\":1,\"message\":\"x\"}}",
    "{\"error\":{\"code\":\"x\"}}", "{\"session\":{}}", "[]", "<html>502</html>",
  };

  g_assert_cmpstr (json_object_get_string_member (inner, "code"), ==, "damaged-pdf");
  g_assert_true (chamber_protocol_parse_error_body (body, strlen (body), &code, &message));
  g_assert_cmpstr (code, ==, "damaged-pdf");
  g_assert_cmpstr (message, ==, "Tệp PDF bị hỏng (thiếu cây trang). Hãy tải lên lại.");

  for (guint i = 0; i < G_N_ELEMENTS (not_error); i++)
    {
      char *c = (char *) "untouched";
      char *m = (char *) "untouched";

      g_assert_false (chamber_protocol_parse_error_body (not_error[i], strlen (not_error[i]), &c,
                                                         &m));
      g_assert_null (c);
      g_assert_null (m);
    }
}

/* ---- Manifests --------------------------------------------------------------------------- */

static char *
read_fixture (const char *name, gsize *out_len)
{
  g_autofree char *path = g_build_filename (chamber_test_data_dir (), name, NULL);
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, out_len, &error);
  g_assert_no_error (error);
  return contents;
}

static void
test_manifest_valid (void)
{
  g_autoptr (GError) error = NULL;
  gsize len = 0;
  g_autofree char *data = read_fixture ("manifest-valid.json", &len);
  g_autoptr (ChamberManifest) manifest = chamber_manifest_parse (data, len, &error);
  g_autofree char *written = NULL;
  g_autofree char *written_again = NULL;
  g_autoptr (ChamberManifest) reparsed = NULL;
  gsize written_len = 0;
  ChamberDocument *restricted;
  ChamberItem *child;
  ChamberPerson *chair;

  g_assert_no_error (error);
  g_assert_nonnull (manifest);
  g_assert_cmpint (manifest->format, ==, 1);
  g_assert_cmpint (manifest->revision, ==, 7);
  g_assert_cmpint (manifest->session->id, ==, 3);
  g_assert_cmpstr (manifest->session->title, ==, "Kỳ họp thứ 10, HĐND tỉnh khóa XVII");
  g_assert_cmpuint (manifest->items->len, ==, 5);
  g_assert_cmpuint (manifest->documents->len, ==, 3);
  g_assert_cmpuint (manifest->people->len, ==, 4);

  child = g_ptr_array_index (manifest->items, 2);
  g_assert_cmpint (child->parent_id, ==, 12);
  g_assert_cmpstr (child->title, ==, "Tờ trình dự toán ngân sách địa phương");
  restricted = g_ptr_array_index (manifest->documents, 2);
  g_assert_cmpint (restricted->kind, ==, CHAMBER_DOCUMENT_DRAFT_RESOLUTION);
  g_assert_cmpstr (restricted->access[0], ==, "group:Tổ đại biểu số 1");
  g_assert_null (restricted->published_at);
  chair = g_ptr_array_index (manifest->people, 1);
  g_assert_cmpint (chair->role, ==, CHAMBER_ROLE_CHAIR);
  g_assert_null (chair->group_name);
  g_assert_false (((ChamberPerson *) g_ptr_array_index (manifest->people, 3))->active);

  /* Serialising is stable: write, parse, write again gives the same bytes. */
  written = chamber_manifest_to_json (manifest, &written_len);
  g_assert_cmpuint (written_len, ==, strlen (written));
  reparsed = chamber_manifest_parse (written, written_len, &error);
  g_assert_no_error (error);
  written_again = chamber_manifest_to_json (reparsed, NULL);
  g_assert_cmpstr (written, ==, written_again);
}

static void
test_manifest_invalid_fixtures (void)
{
  const struct {
    const char *file;
    int         code;
    const char *mentions;
  } cases[] = {
    { "manifest-missing-parent.json", CHAMBER_PROTOCOL_ERROR_INVALID, "99" },
    { "manifest-parent-cycle.json", CHAMBER_PROTOCOL_ERROR_INVALID, "cycle" },
    { "manifest-unknown-item.json", CHAMBER_PROTOCOL_ERROR_INVALID, "77" },
    { "manifest-other-session.json", CHAMBER_PROTOCOL_ERROR_INVALID, "14" },
    { "manifest-document-other-session.json", CHAMBER_PROTOCOL_ERROR_INVALID, "23" },
    { "manifest-duplicate-ids.json", CHAMBER_PROTOCOL_ERROR_INVALID, "12" },
    { "manifest-duplicate-documents.json", CHAMBER_PROTOCOL_ERROR_INVALID, "21" },
    { "manifest-duplicate-people.json", CHAMBER_PROTOCOL_ERROR_INVALID, "31" },
    { "manifest-format-2.json", CHAMBER_PROTOCOL_ERROR_INVALID, "2" },
    { "manifest-bad-hash.json", CHAMBER_PROTOCOL_ERROR_INVALID, "“sha256”" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      gsize len = 0;
      g_autofree char *data = read_fixture (cases[i].file, &len);
      g_autoptr (ChamberManifest) manifest = chamber_manifest_parse (data, len, &error);

      g_test_message ("%s: %s", cases[i].file, error ? error->message : "parsed");
      g_assert_null (manifest);
      g_assert_error (error, CHAMBER_PROTOCOL_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].mentions));
    }
}

/* The valid fixture with @edit applied to its root object, as text. */
static char *
edited_manifest (void (*edit) (JsonObject *root))
{
  gsize len = 0;
  g_autofree char *data = read_fixture ("manifest-valid.json", &len);
  g_autoptr (JsonObject) root = chamber_protocol_parse_object (data, len,
                                                               CHAMBER_MANIFEST_MAX_BYTES, NULL);
  g_autoptr (JsonNode) node = NULL;

  g_assert_nonnull (root);
  edit (root);
  node = json_node_init_object (json_node_alloc (), root);
  return chamber_json_to_string (node, NULL);
}

static void
assert_manifest_fails (const char *data, gsize len, int code)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberManifest) manifest = chamber_manifest_parse (data, len, &error);

  g_assert_null (manifest);
  g_assert_error (error, CHAMBER_PROTOCOL_ERROR, code);
  g_test_message ("%s", error->message);
}

static void
remove_items (JsonObject *root)
{
  json_object_remove_member (root, "items");
}

static void
items_as_object (JsonObject *root)
{
  json_object_set_object_member (root, "items", json_object_new ());
}

static void
remove_session (JsonObject *root)
{
  json_object_remove_member (root, "session");
}

static void
format_as_string (JsonObject *root)
{
  json_object_set_string_member (root, "format", "1");
}

static void
item_as_string (JsonObject *root)
{
  JsonArray *items = json_object_get_array_member (root, "items");

  json_array_add_string_element (items, "Khai mạc");
}

static void
document_title_as_number (JsonObject *root)
{
  JsonArray *documents = json_object_get_array_member (root, "documents");
  JsonObject *first = json_array_get_object_element (documents, 0);

  json_object_set_int_member (first, "title", 12);
}

static void
too_many_items (JsonObject *root)
{
  JsonArray *items = json_array_new ();

  for (int i = 1; i <= CHAMBER_MANIFEST_MAX_ITEMS + 1; i++)
    {
      JsonObject *item = json_object_new ();

      json_object_set_int_member (item, "id", i);
      json_object_set_int_member (item, "session_id", 3);
      json_object_set_null_member (item, "parent_id");
      json_object_set_int_member (item, "position", i - 1);
      json_object_set_string_member (item, "title", "Nội dung");
      json_object_set_int_member (item, "planned_minutes", 5);
      json_object_set_string_member (item, "state", "not-started");
      json_array_add_object_element (items, item);
    }
  json_object_set_array_member (root, "items", items);
  json_object_set_array_member (root, "documents", json_array_new ());
}

static void
test_manifest_malformed (void)
{
  const char *top_array = "[{\"format\":1}]";
  struct {
    void (*edit) (JsonObject *root);
    int  code;
  } edits[] = {
    { remove_items, CHAMBER_PROTOCOL_ERROR_MISSING },
    { items_as_object, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE },
    { remove_session, CHAMBER_PROTOCOL_ERROR_MISSING },
    { format_as_string, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE },
    { item_as_string, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE },
    { document_title_as_number, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE },
    { too_many_items, CHAMBER_PROTOCOL_ERROR_TOO_LARGE },
  };

  assert_manifest_fails ("{\"format\":1,", 12, CHAMBER_PROTOCOL_ERROR_MALFORMED);
  assert_manifest_fails (top_array, strlen (top_array), CHAMBER_PROTOCOL_ERROR_MALFORMED);
  assert_manifest_fails ("", 0, CHAMBER_PROTOCOL_ERROR_MALFORMED);

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *text = edited_manifest (edits[i].edit);

      assert_manifest_fails (text, strlen (text), edits[i].code);
    }

  /* Just over the byte limit: refused before parsing (the padding is valid JSON whitespace). */
  {
    gsize len = 0;
    g_autofree char *data = read_fixture ("manifest-valid.json", &len);
    gsize padded_len = CHAMBER_MANIFEST_MAX_BYTES + 1;
    g_autofree char *padded = g_malloc (padded_len);
    g_autoptr (ChamberManifest) fits = NULL;
    g_autoptr (GError) error = NULL;

    memcpy (padded, data, len);
    memset (padded + len, ' ', padded_len - len);
    assert_manifest_fails (padded, padded_len, CHAMBER_PROTOCOL_ERROR_TOO_LARGE);
    fits = chamber_manifest_parse (padded, padded_len - 1, &error);
    g_assert_no_error (error);
    g_assert_nonnull (fits);
  }
}

/* ---- The client -------------------------------------------------------------------------- */

static void
test_client_urls (void)
{
  const char *invalid[] = {
    "", "not a url", "ftp://127.0.0.1/", "file:///etc/passwd", "http://", "http:///api",
    "127.0.0.1:8080", "http://user:secret@127.0.0.1:8080", "http://127.0.0.1:8080/?x=1",
    "http://127.0.0.1:8080/#top", "http://127.0.0.1:99999",
  };
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr (ChamberClient) client = chamber_client_new (invalid[i], "chm_x", &error);

      g_test_message ("“%s”: %s", invalid[i], error ? error->message : "accepted");
      g_assert_null (client);
      g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_INVALID_URL);
      g_clear_error (&error);
    }
  {
    g_autoptr (ChamberClient) client = chamber_client_new (NULL, NULL, &error);

    g_assert_null (client);
    g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_INVALID_URL);
    g_clear_error (&error);
  }

  {
    g_autoptr (ChamberClient) client = chamber_client_new ("http://127.0.0.1:8080/", "chm_x",
                                                           &error);
    g_autofree char *uri = NULL;
    g_autoptr (SoupMessage) msg = soup_message_new ("GET", "http://127.0.0.1:8080/api/v1/me");

    g_assert_no_error (error);
    g_assert_cmpstr (chamber_client_get_server_url (client), ==, "http://127.0.0.1:8080");
    uri = chamber_client_build_uri (client, "/api/v1/sessions/3/manifest");
    g_assert_cmpstr (uri, ==, "http://127.0.0.1:8080/api/v1/sessions/3/manifest");
    g_assert_true (SOUP_IS_SESSION (chamber_client_get_soup_session (client)));
    chamber_client_authorize (client, msg);
    g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_request_headers (msg),
                                                   "Authorization"),
                     ==, "Bearer chm_x");
  }
  {
    g_autoptr (ChamberClient) client = chamber_client_new ("HTTPS://chamber.hdnd.example.vn"
                                                           "/proxy/",
                                                           NULL, &error);
    g_autofree char *uri = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (chamber_client_get_server_url (client), ==,
                     "https://chamber.hdnd.example.vn/proxy");
    uri = chamber_client_build_uri (client, "api/v1/me");
    g_assert_cmpstr (uri, ==, "https://chamber.hdnd.example.vn/proxy/api/v1/me");
  }
  {
    g_autoptr (ChamberClient) client = chamber_client_new ("http://[::1]:8080", "t", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (chamber_client_get_server_url (client), ==, "http://[::1]:8080");
  }
}

/* A loopback port nobody listens on: bound, then closed. */
static guint16
closed_port (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                             G_SOCKET_PROTOCOL_TCP, &error);
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;
  guint16 port;

  g_assert_no_error (error);
  g_socket_bind (socket, any_port, FALSE, &error);
  g_assert_no_error (error);
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_close (socket, &error);
  g_assert_no_error (error);
  return port;
}

static void
test_client_unreachable (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", closed_port ());
  g_autoptr (ChamberClient) client = chamber_client_new (url, "chm_x", &error);
  g_autoptr (ChamberPerson) me = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  guint status = 1;

  g_assert_no_error (error);
  me = chamber_client_get_me (client, NULL, &error);
  g_assert_null (me);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, url));
  g_assert_nonnull (strstr (error->message, "connection refused"));
  g_assert_nonnull (strstr (error->message, "chamberd is running"));
  g_clear_error (&error);

  bytes = chamber_client_get_bytes (client, "/api/v1/sessions/1/manifest", NULL, NULL, &status,
                                    NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK);
  g_assert_cmpuint (status, ==, 0);
  g_clear_error (&error);

  /* A cancelled request stays a cancellation. */
  g_cancellable_cancel (cancellable);
  me = chamber_client_get_me (client, cancellable, &error);
  g_assert_null (me);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* Something other than chamberd at the address: a real HTTP server that answers as a web
 * server, a failing proxy or a refusing application would, in a thread of its own because the
 * client blocks. */
typedef struct {
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  GMutex        mutex;
  GCond         cond;
  char         *url;
} OtherServer;

static void
other_server_cb (SoupServer *server, SoupServerMessage *msg, const char *path, GHashTable *query,
                 gpointer user_data)
{
  if (g_str_has_prefix (path, "/html/"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC,
                                        "<html><body>It works!</body></html>", 35);
    }
  else if (g_str_has_prefix (path, "/fail/"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_BAD_GATEWAY, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "Bad gateway",
                                        11);
    }
  else if (g_str_has_prefix (path, "/refuse/"))
    {
      g_autofree char *body = chamber_protocol_error_body (
          "conflict", "Kỳ họp số 10 đã có. Hãy chọn số khác.");

      soup_server_message_set_status (msg, SOUP_STATUS_CONFLICT, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body,
                                        strlen (body));
    }
  else if (g_str_has_prefix (path, "/array/"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC,
                                        "[1,2,3]", 7);
    }
  else if (g_str_has_prefix (path, "/wrong-record/"))
    {
      const char *body = "{\"person\":{\"id\":\"1\",\"name\":\"A\",\"role\":\"admin\","
                         "\"active\":true}}";

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                        strlen (body));
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static gpointer
other_server_thread (gpointer data)
{
  OtherServer *other = data;
  g_autoptr (SoupServer) server = NULL;
  g_autoptr (GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (other->context);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, other_server_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  g_assert_nonnull (uris);

  g_mutex_lock (&other->mutex);
  other->url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_cond_signal (&other->cond);
  g_mutex_unlock (&other->mutex);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_main_loop_run (other->loop);
  soup_server_disconnect (server);
  g_clear_object (&server);
  /* Let the listener's sources go, so that everything it held is freed before the thread ends. */
  while (g_main_context_iteration (other->context, FALSE))
    ;
  g_main_context_pop_thread_default (other->context);
  return NULL;
}

static OtherServer *
other_server_start (void)
{
  OtherServer *other = g_new0 (OtherServer, 1);

  g_mutex_init (&other->mutex);
  g_cond_init (&other->cond);
  other->context = g_main_context_new ();
  other->loop = g_main_loop_new (other->context, FALSE);
  other->thread = g_thread_new ("other-server", other_server_thread, other);
  g_mutex_lock (&other->mutex);
  while (other->url == NULL)
    g_cond_wait (&other->cond, &other->mutex);
  g_mutex_unlock (&other->mutex);
  return other;
}

static gboolean
quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
other_server_stop (OtherServer *other)
{
  g_main_context_invoke (other->context, quit_loop_cb, other->loop);
  g_thread_join (other->thread);
  g_main_loop_unref (other->loop);
  g_main_context_unref (other->context);
  g_mutex_clear (&other->mutex);
  g_cond_clear (&other->cond);
  g_free (other->url);
  g_free (other);
}

/* Accepts one connection, announces 1000 bytes of answer, sends 12 and hangs up. */
static gpointer
cut_server_thread (gpointer data)
{
  GSocket *listener = data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocket) connection = g_socket_accept (listener, NULL, &error);
  const char *answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                       "Content-Length: 1000\r\n\r\n{\"person\":{";
  g_autoptr (GString) request = g_string_new (NULL);
  char buffer[1024];

  g_assert_no_error (error);
  while (strstr (request->str, "\r\n\r\n") == NULL)
    {
      gssize n = g_socket_receive (connection, buffer, sizeof buffer, NULL, &error);

      g_assert_no_error (error);
      if (n <= 0)
        break;
      g_string_append_len (request, buffer, n);
    }
  g_socket_send (connection, answer, strlen (answer), NULL, &error);
  g_assert_no_error (error);
  g_socket_close (connection, NULL);
  return NULL;
}

static void
test_client_not_chamberd (void)
{
  OtherServer *other = other_server_start ();
  g_autoptr (GError) error = NULL;
  struct {
    const char *prefix;
    int         code;
    const char *mentions;
  } cases[] = {
    { "html", CHAMBER_CLIENT_ERROR_PROTOCOL, "cannot read" },
    { "fail", CHAMBER_CLIENT_ERROR_SERVER, "502" },
    { "refuse", CHAMBER_CLIENT_ERROR_REJECTED, "Kỳ họp số 10 đã có. Hãy chọn số khác." },
    { "array", CHAMBER_CLIENT_ERROR_PROTOCOL, "object" },
    { "wrong-record", CHAMBER_CLIENT_ERROR_PROTOCOL, "“id”" },
    { "nothing", CHAMBER_CLIENT_ERROR_NOT_FOUND, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = g_strdup_printf ("%s/%s/", other->url, cases[i].prefix);
      g_autoptr (ChamberClient) client = chamber_client_new (url, "chm_x", &error);
      g_autoptr (ChamberPerson) me = NULL;

      g_assert_no_error (error);
      me = chamber_client_get_me (client, NULL, &error);
      g_test_message ("%s: %s", cases[i].prefix, error ? error->message : "answered");
      g_assert_null (me);
      g_assert_error (error, CHAMBER_CLIENT_ERROR, cases[i].code);
      if (cases[i].mentions != NULL)
        g_assert_nonnull (strstr (error->message, cases[i].mentions));
      g_clear_error (&error);
    }
  other_server_stop (other);

  /* A connection that breaks in the middle of the answer. */
  {
    g_autoptr (GSocket) listener = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                                 G_SOCKET_PROTOCOL_TCP, &error);
    g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
    g_autoptr (GSocketAddress) any_port = g_inet_socket_address_new (loopback, 0);
    g_autoptr (GSocketAddress) bound = NULL;
    g_autoptr (ChamberClient) client = NULL;
    g_autoptr (ChamberPerson) me = NULL;
    g_autofree char *url = NULL;
    GThread *thread;

    g_assert_no_error (error);
    g_socket_bind (listener, any_port, TRUE, &error);
    g_assert_no_error (error);
    g_socket_listen (listener, &error);
    g_assert_no_error (error);
    bound = g_socket_get_local_address (listener, &error);
    g_assert_no_error (error);
    url = g_strdup_printf ("http://127.0.0.1:%u",
                           g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
    thread = g_thread_new ("cut-server", cut_server_thread, listener);

    client = chamber_client_new (url, "chm_x", &error);
    g_assert_no_error (error);
    me = chamber_client_get_me (client, NULL, &error);
    g_thread_join (thread);
    g_assert_null (me);
    g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK);
    g_test_message ("cut: %s", error->message);
    g_assert_nonnull (strstr (error->message, url));
  }
}

static void
test_client_server (void)
{
  g_autoptr (ChamberTestServer) server = chamber_test_server_start ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberClient) admin = chamber_client_new (server->url, server->admin_token,
                                                        &error);
  g_autoptr (ChamberClient) stranger = NULL;
  g_autoptr (ChamberClient) delegate = NULL;
  g_autoptr (ChamberPerson) me = NULL;
  g_autoptr (ChamberSession) session_in = chamber_session_new ();
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (ChamberItem) item_in = chamber_item_new ();
  g_autoptr (ChamberItem) item = NULL;
  g_autoptr (ChamberItem) child_in = chamber_item_new ();
  g_autoptr (ChamberItem) child = NULL;
  g_autoptr (ChamberPerson) person_in = chamber_person_new ();
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (ChamberPerson) delegate_me = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (ChamberDocument) refused = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (JsonNode) items = NULL;
  g_autoptr (JsonNode) fetched = NULL;
  g_autoptr (GBytes) manifest_bytes = NULL;
  g_autoptr (GBytes) unchanged = NULL;
  g_autoptr (ChamberManifest) manifest = NULL;
  g_autofree char *token = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *etag_again = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-protocol-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "to-trinh.pdf", NULL);
  g_autofree char *not_pdf = g_build_filename (dir, "not-a-pdf.pdf", NULL);
  const char *title = "Tờ trình số 12/TTr-UBND: dự toán ngân sách & đầu tư công 2025?";
  gint64 token_id = 0;
  guint status = 0;
  ChamberSession *listed;

  g_assert_no_error (error);

  me = chamber_client_get_me (admin, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (me->role, ==, CHAMBER_ROLE_ADMIN);

  /* A session, an item with a child, a person: created, then read back. */
  session_in->number = 10;
  session_in->kind = CHAMBER_SESSION_REGULAR;
  session_in->title = g_strdup ("Kỳ họp thứ 10, HĐND tỉnh");
  session_in->place = g_strdup ("Hội trường tỉnh");
  session_in->starts_on = g_strdup ("2024-12-09");
  session_in->ends_on = g_strdup ("2024-12-11");
  session = chamber_client_create_session (admin, session_in, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (session->id, >=, 1);
  g_assert_cmpint (session->number, ==, 10);
  g_assert_cmpstr (session->title, ==, session_in->title);
  g_assert_cmpstr (session->place, ==, session_in->place);
  g_assert_cmpstr (session->starts_on, ==, "2024-12-09");

  sessions = chamber_client_list_sessions (admin, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  listed = g_ptr_array_index (sessions, 0);
  g_assert_cmpint (listed->id, ==, session->id);
  g_assert_cmpstr (listed->title, ==, "Kỳ họp thứ 10, HĐND tỉnh");

  item_in->session_id = session->id;
  item_in->title = g_strdup ("Báo cáo kinh tế – xã hội");
  item_in->planned_minutes = 60;
  item_in->position = -1;
  item = chamber_client_add_item (admin, item_in, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (item->session_id, ==, session->id);
  g_assert_cmpint (item->parent_id, ==, 0);
  g_assert_cmpint (item->planned_minutes, ==, 60);

  child_in->session_id = session->id;
  child_in->parent_id = item->id;
  child_in->title = g_strdup ("Tờ trình dự toán ngân sách");
  child_in->position = -1;
  child = chamber_client_add_item (admin, child_in, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (child->parent_id, ==, item->id);

  path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/items", session->id);
  items = chamber_client_request_json (admin, "GET", path, NULL, &status, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_node_get_object (items), "items")),
                    ==, 2);

  person_in->name = g_strdup ("Nguyễn Văn An");
  person_in->role = CHAMBER_ROLE_DELEGATE;
  person_in->group_name = g_strdup ("Tổ đại biểu số 1");
  person = chamber_client_add_person (admin, person_in, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (person->id, >=, 1);
  g_assert_cmpstr (person->name, ==, "Nguyễn Văn An");
  g_assert_cmpstr (person->group_name, ==, "Tổ đại biểu số 1");
  g_assert_true (person->active);

  token = chamber_client_issue_token (admin, person->id, &token_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (token, "chm_"));
  g_assert_cmpint (token_id, >=, 1);
  delegate = chamber_client_new (server->url, token, &error);
  g_assert_no_error (error);
  delegate_me = chamber_client_get_me (delegate, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (delegate_me->id, ==, person->id);
  g_assert_cmpint (delegate_me->role, ==, CHAMBER_ROLE_DELEGATE);

  /* A delegate may not create sessions: FORBIDDEN, with the server's message. */
  g_clear_pointer (&session, chamber_session_free);
  session = chamber_client_create_session (delegate, session_in, NULL, &error);
  g_assert_null (session);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_FORBIDDEN);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);
  session = g_ptr_array_steal_index (sessions, 0);

  /* A wrong token: UNAUTHORIZED. */
  stranger = chamber_client_new (server->url, "chm_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                 &error);
  g_assert_no_error (error);
  g_clear_pointer (&me, chamber_person_free);
  me = chamber_client_get_me (stranger, NULL, &error);
  g_assert_null (me);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_UNAUTHORIZED);
  g_test_message ("wrong token: %s", error->message);
  g_clear_error (&error);

  /* An unknown record: NOT_FOUND. */
  fetched = chamber_client_request_json (admin, "GET", "/api/v1/sessions/999999", NULL, &status,
                                         NULL, &error);
  g_assert_null (fetched);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NOT_FOUND);
  g_assert_cmpuint (status, ==, 404);
  g_clear_error (&error);

  /* Publishing: a Vietnamese title with reserved URL characters survives the query string. */
  chamber_test_write_pdf (pdf, 3, "Tờ trình");
  document = chamber_client_publish (admin, child->id, pdf, title, CHAMBER_DOCUMENT_SUBMISSION,
                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->title, ==, title);
  g_assert_cmpint (document->kind, ==, CHAMBER_DOCUMENT_SUBMISSION);
  g_assert_cmpint (document->item_id, ==, child->id);
  g_assert_cmpint (document->session_id, ==, session->id);
  g_assert_cmpint (document->pages, ==, 3);
  g_assert_cmpint (document->version, ==, 1);
  {
    char hash[65];
    gint64 size = 0;

    g_assert_true (chamber_sha256_file (pdf, hash, &size, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (document->sha256, ==, hash);
    g_assert_cmpint (document->bytes, ==, size);
  }

  /* A file that is not a PDF: REJECTED with the server's reason. */
  g_file_set_contents (not_pdf, "<html><body>404</body></html>", -1, &error);
  g_assert_no_error (error);
  refused = chamber_client_publish (admin, child->id, not_pdf, "Không phải PDF",
                                    CHAMBER_DOCUMENT_OTHER, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_REJECTED);
  g_test_message ("not a PDF: %s", error->message);
  g_clear_error (&error);

  /* A file that does not exist is a local error, before any request. */
  {
    g_autofree char *missing = g_build_filename (dir, "missing.pdf", NULL);

    refused = chamber_client_publish (admin, child->id, missing, "x", CHAMBER_DOCUMENT_OTHER,
                                      NULL, &error);
    g_assert_null (refused);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* The manifest by bytes with its ETag; the same ETag again answers 304 and no body. */
  g_free (path);
  path = g_strdup_printf ("/api/v1/sessions/%" G_GINT64_FORMAT "/manifest", session->id);
  manifest_bytes = chamber_client_get_bytes (delegate, path, NULL, &etag, &status, NULL,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (etag);
  manifest = chamber_manifest_parse (g_bytes_get_data (manifest_bytes, NULL),
                                     g_bytes_get_size (manifest_bytes), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (manifest->items->len, ==, 2);
  g_assert_cmpuint (manifest->documents->len, ==, 1);
  g_assert_cmpstr (((ChamberDocument *) g_ptr_array_index (manifest->documents, 0))->title, ==,
                   title);

  unchanged = chamber_client_get_bytes (delegate, path, etag, &etag_again, &status, NULL,
                                        &error);
  g_assert_no_error (error);
  g_assert_null (unchanged);
  g_assert_cmpuint (status, ==, 304);

  chamber_test_rm_rf (dir);
}

/* Days are shown as people write them; in the untranslated (C) locale, "8 Dec 2026". */
static void
test_date_format (void)
{
  g_autofree char *day = chamber_date_format ("2026-12-08");
  g_autofree char *leap = chamber_date_format ("2028-02-29");

  g_assert_cmpstr (day, ==, "8 Dec 2026");
  g_assert_cmpstr (leap, ==, "29 Feb 2028");
  g_assert_null (chamber_date_format ("2026-02-30"));
  g_assert_null (chamber_date_format ("08/12/2026"));
  g_assert_null (chamber_date_format (NULL));
}

/* A wire timestamp is shown in local time: with TZ pinned to Asia/Ho_Chi_Minh (UTC+7, no
 * daylight saving), 01:02 UTC is 08:02 the same day and 20:30 UTC is the next day. */
static void
test_timestamp_format (void)
{
  g_autofree char *old_tz = g_strdup (g_getenv ("TZ"));
  g_autofree char *morning = NULL;
  g_autofree char *night = NULL;

  g_setenv ("TZ", "Asia/Ho_Chi_Minh", TRUE);
  tzset ();
  morning = chamber_timestamp_format ("2026-11-27T01:02:03Z");
  night = chamber_timestamp_format ("2026-12-31T20:30:00Z");
  if (old_tz != NULL)
    g_setenv ("TZ", old_tz, TRUE);
  else
    g_unsetenv ("TZ");
  tzset ();

  g_assert_cmpstr (morning, ==, "27 Nov 2026 08:02");
  g_assert_cmpstr (night, ==, "1 Jan 2027 03:30");
  g_assert_null (chamber_timestamp_format ("2026-11-27"));
  g_assert_null (chamber_timestamp_format ("yesterday"));
  g_assert_null (chamber_timestamp_format (NULL));
}

/* The lenient readers give a member's value only when it has the type asked for. */
static void
test_peek_members (void)
{
  g_autoptr (GError) error = NULL;
  static const char text[] = "{\"s\":\"ngân sách\",\"i\":42,\"b\":true,\"o\":{\"x\":1},"
                             "\"a\":[1,2],\"n\":null,\"f\":1.5}";
  g_autoptr (JsonObject) object = chamber_protocol_parse_object (text, sizeof text - 1,
                                                                 CHAMBER_PROTOCOL_MAX_BODY, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (chamber_json_peek_string (object, "s"), ==, "ngân sách");
  g_assert_null (chamber_json_peek_string (object, "i"));
  g_assert_null (chamber_json_peek_string (object, "n"));
  g_assert_null (chamber_json_peek_string (object, "missing"));
  g_assert_null (chamber_json_peek_string (NULL, "s"));
  g_assert_cmpint (chamber_json_peek_int (object, "i", -1), ==, 42);
  g_assert_cmpint (chamber_json_peek_int (object, "s", -1), ==, -1);
  g_assert_cmpint (chamber_json_peek_int (object, "f", -1), ==, -1);
  g_assert_true (chamber_json_peek_bool (object, "b", FALSE));
  g_assert_false (chamber_json_peek_bool (object, "i", FALSE));
  g_assert_nonnull (chamber_json_peek_object (object, "o"));
  g_assert_null (chamber_json_peek_object (object, "a"));
  g_assert_cmpuint (json_array_get_length (chamber_json_peek_array (object, "a")), ==, 2);
  g_assert_null (chamber_json_peek_array (object, "o"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/protocol/session/round-trip", test_session_round_trip);
  g_test_add_func ("/protocol/item/round-trip", test_item_round_trip);
  g_test_add_func ("/protocol/person/round-trip", test_person_round_trip);
  g_test_add_func ("/protocol/document/round-trip", test_document_round_trip);
  g_test_add_func ("/protocol/parse/malformed", test_parse_malformed);
  g_test_add_func ("/protocol/parse/limits", test_parse_limits);
  g_test_add_func ("/protocol/parse/integers", test_parse_integers);
  g_test_add_func ("/protocol/members", test_member_readers);
  g_test_add_func ("/protocol/records/wrong-types", test_records_wrong_types);
  g_test_add_func ("/protocol/records/missing", test_records_missing);
  g_test_add_func ("/protocol/records/integers", test_records_integers);
  g_test_add_func ("/protocol/records/values", test_records_values);
  g_test_add_func ("/protocol/error-body", test_error_body);
  g_test_add_func ("/manifest/valid", test_manifest_valid);
  g_test_add_func ("/manifest/invalid-fixtures", test_manifest_invalid_fixtures);
  g_test_add_func ("/manifest/malformed", test_manifest_malformed);
  g_test_add_func ("/client/urls", test_client_urls);
  g_test_add_func ("/client/unreachable", test_client_unreachable);
  g_test_add_func ("/client/not-chamberd", test_client_not_chamberd);
  g_test_add_func ("/client/server", test_client_server);

  g_test_add_func ("/model/date-format", test_date_format);
  g_test_add_func ("/protocol/timestamp-format", test_timestamp_format);
  g_test_add_func ("/protocol/members/peek", test_peek_members);
  return g_test_run ();
}
