/* test-petitions.c — voter petitions and their supervision through a real chamberd over HTTP:
 * CSV import in UTF-8, UTF-8 with a byte order mark and Windows-1258 (written here with iconv),
 * broken rows previewed line by line and never saved, a petition raised again found with and
 * without diacritics and with its words reordered (and a different one sharing words not), every
 * endpoint with every role, hostile input (an oversized CSV, NUL bytes, garbage JSON, traversal
 * in ids, files that are not what they claim), answers and evidence stored as blobs and served
 * back byte for byte, and the monthly report's numbers recomputed here from the data the test
 * made. */
#include "config.h"

#include <cairo.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "chamber-pdf.h"
#include "chamber-petitions.h"
#include "chamber-protocol.h"
#include "chamber-test-util.h"

static SoupSession *http;

/* Whether the text of some page of the PDF at @path holds @needle (spaces and line breaks
 * compared as one space). */
static gboolean
pdf_contains (const char *path,
              const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) document = chamber_pdf_open (path, NULL, &error);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_auto (GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\r\n", -1);
      g_autoptr (GString) flat = g_string_new (NULL);

      /* A cell's text wraps: compare with every run of spaces and line breaks as one space. */
      for (guint w = 0; words[w] != NULL; w++)
        if (*words[w] != '\0')
          g_string_append_printf (flat, "%s%s", flat->len > 0 ? " " : "", words[w]);
      if (strstr (flat->str, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  guint   status;
  GBytes *body;
} Reply;

static void
reply_free (Reply *reply)
{
  g_bytes_unref (reply->body);
  g_free (reply);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

static Reply *
send_bytes (ChamberTestServer *server,
            const char        *method,
            const char        *path,
            const char        *token,
            const char        *content_type,
            GBytes            *body)
{
  g_autofree char *uri = g_strconcat (server->url, path, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr (GError) error = NULL;
  Reply *reply = g_new0 (Reply, 1);

  g_assert_nonnull (msg);
  if (token != NULL)
    {
      g_autofree char *bearer = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    bearer);
    }
  if (body != NULL)
    soup_message_set_request_body_from_bytes (msg, content_type, body);
  reply->body = soup_session_send_and_read (http, msg, NULL, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (msg);
  return reply;
}

static Reply *
send_text (ChamberTestServer *server,
           const char        *method,
           const char        *path,
           const char        *token,
           const char        *json)
{
  g_autoptr (GBytes) body = json != NULL ? g_bytes_new (json, strlen (json)) : NULL;

  return send_bytes (server, method, path, token, "application/json", body);
}

static JsonObject *
reply_object (Reply *reply)
{
  g_autoptr (GError) error = NULL;
  JsonObject *object = chamber_protocol_parse_object (g_bytes_get_data (reply->body, NULL),
                                                      g_bytes_get_size (reply->body),
                                                      64 * 1024 * 1024, &error);

  g_assert_no_error (error);
  return object;
}

static void
assert_status (Reply *reply,
               guint  status)
{
  if (reply->status != status)
    g_error ("expected HTTP %u, got %u: %.*s", status, reply->status,
             (int) g_bytes_get_size (reply->body),
             (const char *) g_bytes_get_data (reply->body, NULL));
}

/* A server with a person and token of each kind of caller. */
enum {
  ADMIN, SECRETARIAT, CHAIR, MEMBER, OUTSIDER, OFFICIAL, NOBODY, N_CALLERS
};

typedef struct {
  ChamberTestServer *server;
  char              *tokens[N_CALLERS];
  char              *dir;
} World;

static gint64
create_person (ChamberTestServer *server,
               const char        *json)
{
  g_autoptr (Reply) reply = send_text (server, "POST", "/api/v1/people", server->admin_token,
                                       json);
  g_autoptr (JsonObject) root = NULL;

  assert_status (reply, SOUP_STATUS_CREATED);
  root = reply_object (reply);
  return json_object_get_int_member (json_object_get_object_member (root, "person"), "id");
}

static char *
issue_token (ChamberTestServer *server,
             gint64             person)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/people/%lld/tokens", (long long) person);
  g_autoptr (Reply) reply = send_text (server, "POST", path, server->admin_token, "{}");
  g_autoptr (JsonObject) root = NULL;

  assert_status (reply, SOUP_STATUS_CREATED);
  root = reply_object (reply);
  return g_strdup (json_object_get_string_member (root, "token"));
}

static World *
world_new (void)
{
  static const char *const people[] = {
    NULL,
    "{\"name\": \"Văn phòng\", \"role\": \"secretariat\"}",
    "{\"name\": \"Chủ tọa\", \"role\": \"chair\"}",
    "{\"name\": \"Đại biểu Tổ 1\", \"role\": \"delegate\", \"group\": \"Tổ đại biểu số 1\"}",
    "{\"name\": \"Đại biểu Tổ 2\", \"role\": \"delegate\", \"group\": \"Tổ đại biểu số 2\"}",
    "{\"name\": \"Giám đốc Sở\", \"role\": \"official\"}",
  };
  World *world = g_new0 (World, 1);

  world->server = chamber_test_server_start_with_args ((const char *const[]) {
    "--auth-failures", "1000", NULL });
  world->dir = chamber_test_make_temp_dir ("chamber-test-petitions-XXXXXX");
  world->tokens[ADMIN] = g_strdup (world->server->admin_token);
  for (int c = SECRETARIAT; c <= OFFICIAL; c++)
    world->tokens[c] = issue_token (world->server, create_person (world->server, people[c]));
  return world;
}

static void
world_free (World *world)
{
  chamber_test_server_free (world->server);
  chamber_test_rm_rf (world->dir);
  g_free (world->dir);
  for (int c = 0; c < N_CALLERS; c++)
    g_free (world->tokens[c]);
  g_free (world);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (World, world_free)

static JsonObject *
import_csv (World      *world,
            GBytes     *csv,
            gboolean    dry_run,
            guint       expect)
{
  g_autoptr (Reply) reply =
    send_bytes (world->server, "POST",
                dry_run ? "/api/v1/petitions/import?dry_run=1" : "/api/v1/petitions/import",
                world->tokens[SECRETARIAT], "text/csv", csv);

  assert_status (reply, expect);
  return reply_object (reply);
}

static JsonArray *
list_petitions (World      *world,
                const char *query)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/petitions%s", query != NULL ? query : "");
  g_autoptr (Reply) reply = send_text (world->server, "GET", path, world->tokens[ADMIN], NULL);
  g_autoptr (JsonObject) root = NULL;

  assert_status (reply, SOUP_STATUS_OK);
  root = reply_object (reply);
  return json_array_ref (json_object_get_array_member (root, "petitions"));
}

/* ---- Import ---------------------------------------------------------------------------- */

static const char *const csv_rows[][3] = {
  { "Đề nghị nâng cấp tuyến đường ĐT 741 đoạn qua xã Tân Thành, mặt đường hư hỏng nặng gây mất "
    "an toàn giao thông", "Sở Giao thông vận tải", "Đã giải quyết" },
  { "Cử tri phản ánh việc cấp giấy chứng nhận quyền sử dụng đất còn chậm, thủ tục rườm rà",
    "Sở Tài nguyên và Môi trường", "đang giải quyết" },
  { "Đề nghị bổ sung biên chế giáo viên mầm non cho các trường vùng sâu, vùng xa",
    "Sở Giáo dục và Đào tạo", "resolved" },
};

static char *
petitions_csv (void)
{
  GString *csv = g_string_new ("Nội dung kiến nghị;Cơ quan giải quyết;Trạng thái;Ngày tiếp xúc;"
                               "Tổ đại biểu;Cấp;Lĩnh vực\r\n");

  for (gsize i = 0; i < G_N_ELEMENTS (csv_rows); i++)
    g_string_append_printf (csv, "\"%s\";%s;%s;%02d/03/2026;Tổ đại biểu số 1;xã;Khác\r\n",
                            csv_rows[i][0], csv_rows[i][1], csv_rows[i][2], (int) i + 10);
  return g_string_free (csv, FALSE);
}

static void
test_import_encodings (void)
{
  static const char *const encodings[] = { "utf-8", "utf-8-bom", "windows-1258" };

  for (gsize e = 0; e < G_N_ELEMENTS (encodings); e++)
    {
      g_autoptr (World) world = world_new ();
      g_autofree char *utf8 = petitions_csv ();
      g_autoptr (GBytes) csv = NULL;
      g_autoptr (JsonObject) preview = NULL;
      g_autoptr (JsonObject) result = NULL;
      g_autoptr (JsonObject) again = NULL;
      g_autoptr (JsonArray) stored = NULL;
      g_autoptr (JsonArray) none = NULL;

      if (g_str_equal (encodings[e], "utf-8"))
        csv = g_bytes_new (utf8, strlen (utf8));
      else if (g_str_equal (encodings[e], "utf-8-bom"))
        {
          g_autofree char *bom = g_strconcat ("\xEF\xBB\xBF", utf8, NULL);

          csv = g_bytes_new (bom, strlen (bom));
        }
      else
        {
          g_autoptr (GError) error = NULL;
          gsize written = 0;
          char *converted = g_convert (utf8, -1, "WINDOWS-1258", "UTF-8", NULL, &written,
                                       &error);

          g_assert_no_error (error);
          /* Really not UTF-8: Windows-1258 writes "Đ" as the byte 0xD0. */
          g_assert_false (g_utf8_validate (converted, written, NULL));
          csv = g_bytes_new_take (converted, written);
        }

      preview = import_csv (world, csv, TRUE, SOUP_STATUS_OK);
      g_assert_cmpstr (json_object_get_string_member (preview, "encoding"), ==, encodings[e]);
      g_assert_cmpint (json_object_get_int_member (preview, "valid"), ==, 3);
      g_assert_cmpint (json_object_get_int_member (preview, "errors"), ==, 0);
      g_assert_cmpint (json_object_get_int_member (preview, "created"), ==, 0);
      none = list_petitions (world, NULL);
      g_assert_cmpuint (json_array_get_length (none), ==, 0);

      result = import_csv (world, csv, FALSE, SOUP_STATUS_CREATED);
      g_assert_cmpint (json_object_get_int_member (result, "created"), ==, 3);
      stored = list_petitions (world, NULL);
      g_assert_cmpuint (json_array_get_length (stored), ==, 3);
      for (guint i = 0; i < 3; i++)
        {
          JsonObject *p = json_array_get_object_element (stored, i);
          JsonObject *meeting = json_object_get_object_member (p, "meeting");
          g_autofree char *day = g_strdup_printf ("2026-03-%02u", i + 10);

          /* The text is back exactly, in NFC, whatever the file's encoding. */
          g_assert_cmpstr (json_object_get_string_member (p, "content"), ==, csv_rows[i][0]);
          g_assert_cmpstr (json_object_get_string_member (p, "agency"), ==, csv_rows[i][1]);
          g_assert_cmpstr (json_object_get_string_member (meeting, "date"), ==, day);
          g_assert_cmpstr (json_object_get_string_member (meeting, "group"), ==,
                           "Tổ đại biểu số 1");
          g_assert_cmpstr (json_object_get_string_member (meeting, "level"), ==, "commune");
        }
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (stored, 0),
                                                      "status"), ==, "resolved");
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (stored, 1),
                                                      "status"), ==, "in-progress");

      /* The same file again: the same petitions from the same meetings, not saved twice. */
      again = import_csv (world, csv, FALSE, SOUP_STATUS_CREATED);
      g_assert_cmpint (json_object_get_int_member (again, "duplicates"), ==, 3);
      g_assert_cmpint (json_object_get_int_member (again, "created"), ==, 0);
      g_clear_pointer (&stored, json_array_unref);
      stored = list_petitions (world, NULL);
      g_assert_cmpuint (json_array_get_length (stored), ==, 3);
    }
}

/* The problems of line @line in an import answer. */
static char *
line_problems (JsonObject *answer,
               gint64      line)
{
  JsonArray *rows = json_object_get_array_member (answer, "rows");
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonArray *problems = json_object_get_array_member (row, "problems");

      if (json_object_get_int_member (row, "line") != line)
        continue;
      for (guint p = 0; p < json_array_get_length (problems); p++)
        g_string_append_printf (text, "%s\n", json_array_get_string_element (problems, p));
    }
  return g_string_free (text, FALSE);
}

static void
test_import_broken_rows (void)
{
  g_autoptr (World) world = world_new ();
  const char *text =
    "content,agency,status,meeting date,level\n"
    "\"Đề nghị đầu tư trạm y tế xã Phước Hòa\",Sở Y tế,forwarded,2026-03-01,xã\n"  /* 2 ok */
    "\"Thiếu dấu phẩy\",Sở Y tế,forwarded\n"                                    /* 3 fields */
    ",Sở Y tế,forwarded,2026-03-01,xã\n"                                         /* 4 empty */
    "\"Đề nghị hỗ trợ giống cây trồng\",Sở Nông nghiệp,xong rồi,2026-03-01,xã\n" /* 5 status */
    "\"Đề nghị lắp đèn chiếu sáng\",Sở Xây dựng,resolved,31/02/2026,xã\n"        /* 6 date */
    "\"Đề nghị nạo vét kênh\",Sở Nông nghiệp,resolved,2026-03-02,liên bang\n"     /* 7 level */
    "\"Chữ lỗi \xEF\xBF\xBD ở đây\",Sở Y tế,resolved,2026-03-02,xã\n"             /* 8 U+FFFD */
    "\n"
    "\"Multi\nline content about the ferry\",Sở Giao thông vận tải,answered,,\n"; /* 10 ok */
  g_autoptr (GBytes) csv = g_bytes_new (text, strlen (text));
  g_autoptr (JsonObject) preview = NULL;
  g_autoptr (JsonObject) result = NULL;
  g_autoptr (JsonArray) none = NULL;
  g_autoptr (JsonArray) stored = NULL;
  struct { gint64 line; const char *words; } expected[] = {
    { 3, "3 fields" }, { 4, "content of the petition is empty" }, { 5, "“xong rồi” is unknown" },
    { 6, "“31/02/2026” is not a date" }, { 7, "“liên bang” is unknown" },
    { 8, "could not be read" },
  };

  preview = import_csv (world, csv, TRUE, SOUP_STATUS_OK);
  g_assert_cmpint (json_object_get_int_member (preview, "valid"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (preview, "errors"), ==, 6);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *problems = line_problems (preview, expected[i].line);

      if (strstr (problems, expected[i].words) == NULL)
        g_error ("line %lld: expected “%s” in “%s”", (long long) expected[i].line,
                 expected[i].words, problems);
    }
  {
    g_autofree char *ok2 = line_problems (preview, 2);
    g_autofree char *ok10 = line_problems (preview, 10);

    g_assert_cmpstr (ok2, ==, "");
    g_assert_cmpstr (ok10, ==, "");
  }
  none = list_petitions (world, NULL);
  g_assert_cmpuint (json_array_get_length (none), ==, 0);

  /* Saving keeps the good rows only. */
  result = import_csv (world, csv, FALSE, SOUP_STATUS_CREATED);
  g_assert_cmpint (json_object_get_int_member (result, "created"), ==, 2);
  stored = list_petitions (world, NULL);
  g_assert_cmpuint (json_array_get_length (stored), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (stored, 1),
                                                  "content"),
                   ==, "Multi\nline content about the ferry");

  /* A file without a content column is refused whole. */
  {
    const char *headless = "agency,status\nSở Y tế,resolved\n";
    g_autoptr (GBytes) bytes = g_bytes_new (headless, strlen (headless));
    g_autoptr (JsonObject) check = import_csv (world, bytes, TRUE, SOUP_STATUS_OK);
    g_autoptr (Reply) refused = send_bytes (world->server, "POST", "/api/v1/petitions/import",
                                            world->tokens[SECRETARIAT], "text/csv", bytes);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (check, "problems")),
                      ==, 1);
    assert_status (refused, SOUP_STATUS_BAD_REQUEST);
  }
}

/* ---- Raised again ---------------------------------------------------------------------- */

static const char *original =
  "Đề nghị sớm đầu tư xây dựng cầu Bến Đình thay thế cầu tạm đã xuống cấp, gây nguy hiểm cho "
  "học sinh và người dân đi lại";
static const char *no_marks =
  "De nghi som dau tu xay dung cau Ben Dinh thay the cau tam da xuong cap, gay nguy hiem cho hoc "
  "sinh va nguoi dan di lai";
static const char *reordered =
  "Cầu tạm Bến Đình đã xuống cấp, gây nguy hiểm cho học sinh và người dân đi lại: đề nghị sớm "
  "đầu tư xây dựng cầu thay thế";
static const char *different =
  "Đề nghị sớm đầu tư xây dựng trường học cho học sinh xã Bình Minh, người dân đi lại xa";

static void
test_similarity_sentences (void)
{
  g_autofree char *a = chamber_petition_fold_words (original);
  g_autofree char *b = chamber_petition_fold_words (no_marks);
  g_autofree char *c = chamber_petition_fold_words (reordered);
  g_autofree char *d = chamber_petition_fold_words (different);

  g_test_message ("no marks %.2f, reordered %.2f, different %.2f",
                  chamber_petition_similarity (a, b), chamber_petition_similarity (a, c),
                  chamber_petition_similarity (a, d));
  g_assert_cmpfloat (chamber_petition_similarity (a, b), ==, 1.0);
  g_assert_cmpfloat (chamber_petition_similarity (a, c), >=, CHAMBER_PETITION_SIMILAR);
  g_assert_cmpfloat (chamber_petition_similarity (a, d), <, CHAMBER_PETITION_SIMILAR);
  g_assert_cmpfloat (chamber_petition_similarity ("", ""), ==, 0.0);
  /* đ folds to d, so "Đình" and "Dinh" are the same word. */
  g_assert_nonnull (strstr (a, "dinh"));
}

static gint64
post_petition (World      *world,
               const char *content,
               const char *date,
               gint64     *out_raised_again_of)
{
  g_autoptr (JsonObject) body = json_object_new ();
  g_autoptr (JsonObject) meeting = json_object_new ();
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autoptr (Reply) reply = NULL;
  g_autoptr (JsonObject) root = NULL;
  JsonObject *petition;

  json_object_set_string_member (body, "content", content);
  json_object_set_string_member (body, "agency", "Sở Giao thông vận tải");
  json_object_set_string_member (body, "status", "đã chuyển");
  json_object_set_string_member (meeting, "date", date);
  json_object_set_string_member (meeting, "group", "Tổ đại biểu số 2");
  json_object_set_object_member (body, "meeting", json_object_ref (meeting));
  node = json_node_init_object (json_node_alloc (), body);
  json = chamber_json_to_string (node, NULL);
  reply = send_text (world->server, "POST", "/api/v1/petitions", world->tokens[SECRETARIAT],
                     json);
  assert_status (reply, SOUP_STATUS_CREATED);
  root = reply_object (reply);
  petition = json_object_get_object_member (root, "petition");
  g_assert_cmpstr (json_object_get_string_member (petition, "status"), ==, "forwarded");
  *out_raised_again_of = json_object_get_null_member (petition, "raised_again_of")
                           ? 0
                           : json_object_get_int_member (petition, "raised_again_of");
  return json_object_get_int_member (petition, "id");
}

static void
test_raised_again (void)
{
  g_autoptr (World) world = world_new ();
  gint64 link = -1, first, second, third, fourth;

  first = post_petition (world, original, "2025-06-01", &link);
  g_assert_cmpint (link, ==, 0);
  second = post_petition (world, no_marks, "2025-11-20", &link);
  g_assert_cmpint (link, ==, first);
  third = post_petition (world, reordered, "2026-04-02", &link);
  g_assert_cmpint (link, ==, first);
  fourth = post_petition (world, different, "2026-04-02", &link);
  g_assert_cmpint (link, ==, 0);
  g_assert_cmpint (second, >, first);
  g_assert_cmpint (fourth, >, third);

  /* On import: a row raising an earlier petition again is linked, and the preview says so. */
  {
    g_autofree char *text = g_strdup_printf ("Nội dung kiến nghị,Ngày tiếp xúc\n"
                                             "\"%s\",2026-09-09\n"
                                             "\"Đề nghị mở rộng chợ Long Điền\",2026-09-09\n"
                                             "\"Đề nghị mở rộng chợ Long Điền\",2026-09-10\n",
                                             no_marks);
    g_autoptr (GBytes) csv = g_bytes_new (text, strlen (text));
    g_autoptr (JsonObject) preview = import_csv (world, csv, TRUE, SOUP_STATUS_OK);
    g_autoptr (JsonObject) result = NULL;
    JsonArray *rows = json_object_get_array_member (preview, "rows");
    JsonObject *row2 = json_array_get_object_element (rows, 0);
    JsonObject *row4 = json_array_get_object_element (rows, 2);

    g_assert_cmpint (json_object_get_int_member (row2, "raised_again_of"), ==, first);
    g_assert_true (json_object_get_null_member (json_array_get_object_element (rows, 1),
                                                "raised_again_of"));
    g_assert_cmpint (json_object_get_int_member (row4, "similar_line"), ==, 3);
    g_assert_cmpint (json_object_get_int_member (preview, "raised_again"), ==, 2);
    result = import_csv (world, csv, FALSE, SOUP_STATUS_CREATED);
    rows = json_object_get_array_member (result, "rows");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 2),
                                                 "raised_again_of"),
                     ==,
                     json_object_get_int_member (json_array_get_object_element (rows, 1), "id"));
  }
}

/* The earlier petitions similar to @content found by comparing it with every stored petition,
 * as chamber_petitions_similar() promises to answer: most similar first, the lowest id on a tie. */
static GArray *
similar_brute_force (GPtrArray  *stored,
                     GPtrArray  *stored_words,
                     const char *content)
{
  g_autofree char *folded = chamber_petition_fold_words (content);
  g_auto (GStrv) words = g_strsplit (folded, " ", -1);
  GArray *matches = g_array_new (FALSE, FALSE, sizeof (ChamberPetitionMatch));

  for (guint i = 0; i < stored->len; i++)
    {
      const ChamberPetition *p = g_ptr_array_index (stored, i);
      ChamberPetitionMatch match = {
        p->id, chamber_petition_similarity_words ((const char *const *) words,
                                                  g_ptr_array_index (stored_words, i))
      };

      if (match.similarity >= CHAMBER_PETITION_SIMILAR)
        {
          guint at = 0;

          while (at < matches->len
                 && (g_array_index (matches, ChamberPetitionMatch, at).similarity
                       > match.similarity
                     || (g_array_index (matches, ChamberPetitionMatch, at).similarity
                           == match.similarity
                         && g_array_index (matches, ChamberPetitionMatch, at).id < match.id)))
            at++;
          g_array_insert_val (matches, at, match);
        }
    }
  return matches;
}

static const char *const corpus_words[] = {
  "Đề nghị", "nâng cấp", "tuyến đường", "đoạn qua", "xã", "Tân Thành", "mặt đường", "hư hỏng",
  "an toàn", "giao thông", "cấp giấy", "chứng nhận", "quyền sử dụng", "đất", "thủ tục",
  "bổ sung", "biên chế", "giáo viên", "mầm non", "vùng sâu", "vùng xa", "nước sạch", "ô nhiễm",
  "chợ", "Long Điền", "bệnh viện", "trạm y tế", "điện", "chiếu sáng", "kênh", "thủy lợi",
  "ngập úng", "bồi thường", "giải phóng", "mặt bằng", "học sinh", "trường", "cầu", "Đình",
  "Bình Minh", "hộ nghèo", "bảo hiểm", "y tế", "rác thải", "xử lý", "đền bù", "tái định cư",
  "cây xanh", "lúa", "giống", "phân bón", "giá", "đầu tư", "xây dựng", "sửa chữa", "nhà văn hóa",
};

/* A petition of @n words drawn from corpus_words. */
static char *
random_petition (GRand *rand,
                 guint  n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "",
                            corpus_words[g_rand_int_range (rand, 0,
                                                           G_N_ELEMENTS (corpus_words))]);
  return g_string_free (text, FALSE);
}

/* @text with some of its words dropped or replaced, as people retell a petition. */
static char *
retold (GRand      *rand,
        const char *text)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      int dice = g_rand_int_range (rand, 0, 10);

      if (dice == 0)
        continue;
      if (dice == 1)
        g_string_append_printf (out, "%s ", corpus_words[g_rand_int_range (
                                               rand, 0, G_N_ELEMENTS (corpus_words))]);
      else
        g_string_append_printf (out, "%s ", words[i]);
    }
  if (out->len == 0)
    g_string_append (out, "chợ");
  return g_string_free (out, FALSE);
}

/* Compares chamber_petitions_similar() with the brute force for @n_probes petitions; returns how
 * many probes had at least one similar petition. */
static guint
compare_with_brute_force (ChamberStore *store,
                          GRand        *rand,
                          GPtrArray    *stored,
                          guint         n_probes)
{
  guint with_matches = 0;
  /* Each stored petition's folded words, split once: the brute force compares every probe
   * with every one of them. */
  g_autoptr (GPtrArray) stored_words = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint k = 0; k < stored->len; k++)
    {
      g_autofree char *folded = chamber_petition_fold_words (
          ((ChamberPetition *) g_ptr_array_index (stored, k))->content);

      g_ptr_array_add (stored_words, g_strsplit (folded, " ", -1));
    }
  for (guint i = 0; i < n_probes; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *probe = NULL;
      g_autoptr (GArray) indexed = NULL;
      g_autoptr (GArray) brute = NULL;
      gint64 before = 0;

      if (i % 3 == 2)
        probe = random_petition (rand, g_rand_int_range (rand, 1, 12));
      else
        probe = retold (rand, ((ChamberPetition *) g_ptr_array_index (
                                 stored, g_rand_int_range (rand, 0, stored->len)))->content);
      if (i % 4 == 1)
        before = g_rand_int_range (rand, 1, stored->len + 1);
      indexed = chamber_petitions_similar (store, probe, before, 0, &error);
      g_assert_no_error (error);
      {
        g_autoptr (GPtrArray) earlier = g_ptr_array_new ();
        g_autoptr (GPtrArray) earlier_words = g_ptr_array_new ();

        for (guint k = 0; k < stored->len; k++)
          if (before <= 0 || ((ChamberPetition *) g_ptr_array_index (stored, k))->id < before)
            {
              g_ptr_array_add (earlier, g_ptr_array_index (stored, k));
              g_ptr_array_add (earlier_words, g_ptr_array_index (stored_words, k));
            }
        brute = similar_brute_force (earlier, earlier_words, probe);
      }
      g_assert_cmpuint (indexed->len, ==, brute->len);
      for (guint k = 0; k < brute->len; k++)
        {
          g_assert_cmpint (g_array_index (indexed, ChamberPetitionMatch, k).id, ==,
                           g_array_index (brute, ChamberPetitionMatch, k).id);
          g_assert_cmpfloat (g_array_index (indexed, ChamberPetitionMatch, k).similarity, ==,
                             g_array_index (brute, ChamberPetitionMatch, k).similarity);
        }
      if (brute->len > 0)
        {
          double similarity = 0;

          with_matches++;
          g_assert_cmpint (chamber_petitions_find_similar (store, probe, before, &similarity,
                                                           &error),
                           ==, g_array_index (brute, ChamberPetitionMatch, 0).id);
          g_assert_no_error (error);
          g_assert_cmpfloat (similarity, ==,
                             g_array_index (brute, ChamberPetitionMatch, 0).similarity);
        }
    }
  return with_matches;
}

/* The word index (schema step 12) finds exactly what comparing with every stored petition
 * finds, on a few thousand generated petitions. */
static void
test_similar_index (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-test-similar-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "chamber.db", NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261127);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  ChamberStore *store;
  guint with_matches;

  store = chamber_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_store_begin (store, &error));
  for (guint i = 0; i < 3000; i++)
    {
      g_autoptr (ChamberPetition) petition = chamber_petition_new ();

      /* A quarter retell an earlier petition, so that there is something to find. */
      if (i > 0 && i % 4 == 0)
        {
          g_autoptr (ChamberPetition) earlier =
            chamber_petitions_get (store, g_rand_int_range (rand, 1, i + 1), &error);

          g_assert_no_error (error);
          petition->content = retold (rand, earlier->content);
        }
      else
        petition->content = random_petition (rand, g_rand_int_range (rand, 2, 16));
      g_assert_true (chamber_petitions_insert (store, petition, 0, &error));
      g_assert_no_error (error);
    }
  g_assert_true (chamber_store_commit (store, &error));
  stored = chamber_petitions_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 3000);

  with_matches = compare_with_brute_force (store, rand, stored, 300);
  g_test_message ("%u of 300 probes had a similar petition", with_matches);
  g_assert_cmpuint (with_matches, >, 0);
  g_assert_cmpuint (with_matches, <, 300);
  g_object_unref (store);
  chamber_test_rm_rf (dir);
}

/* POST /api/v1/petitions?dry_run=1 lists the earlier petitions a new one may raise again and
 * saves nothing; the person entering it then links the one they choose, or none. */
static void
test_dry_run (void)
{
  g_autoptr (World) world = world_new ();
  g_autoptr (JsonArray) before = NULL;
  g_autoptr (JsonArray) after = NULL;
  gint64 link = -1, first, second;
  g_autofree char *body = NULL;

  first = post_petition (world, original, "2025-06-01", &link);
  second = post_petition (world, different, "2025-06-01", &link);
  before = list_petitions (world, NULL);
  body = g_strdup_printf ("{\"content\": \"%s\", \"status\": \"forwarded\"}", no_marks);

  {
    g_autoptr (Reply) reply = send_text (world->server, "POST", "/api/v1/petitions?dry_run=1",
                                         world->tokens[SECRETARIAT], body);
    g_autoptr (JsonObject) root = NULL;
    JsonArray *similar;
    JsonObject *petition, *candidate;

    assert_status (reply, SOUP_STATUS_OK);
    root = reply_object (reply);
    g_assert_true (json_object_get_boolean_member (root, "dry_run"));
    similar = json_object_get_array_member (root, "similar");
    g_assert_cmpuint (json_array_get_length (similar), ==, 1);
    candidate = json_array_get_object_element (similar, 0);
    g_assert_cmpint (json_object_get_int_member (candidate, "id"), ==, first);
    g_assert_cmpstr (json_object_get_string_member (candidate, "content"), ==, original);
    g_assert_cmpfloat (json_object_get_double_member (candidate, "similarity"), ==, 1.0);
    petition = json_object_get_object_member (root, "petition");
    g_assert_cmpint (json_object_get_int_member (petition, "raised_again_of"), ==, first);
  }
  after = list_petitions (world, NULL);
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before));

  /* Who may ask, and what is refused. */
  {
    static const struct {
      int         caller;
      const char *query;
      const char *body;
      guint       status;
    } cases[] = {
      { MEMBER, "?dry_run=1", NULL, SOUP_STATUS_FORBIDDEN },
      { CHAIR, "?dry_run=1", NULL, SOUP_STATUS_FORBIDDEN },
      { OFFICIAL, "?dry_run=1", NULL, SOUP_STATUS_FORBIDDEN },
      { NOBODY, "?dry_run=1", NULL, SOUP_STATUS_UNAUTHORIZED },
      { SECRETARIAT, "?dry_run=2", NULL, SOUP_STATUS_BAD_REQUEST },
      { SECRETARIAT, "?dry_run=%FF", NULL, SOUP_STATUS_BAD_REQUEST },
      { SECRETARIAT, "?dry_run=1", "{\"content\": \"\"}", SOUP_STATUS_BAD_REQUEST },
      { SECRETARIAT, "?dry_run=1", "[1, 2]", SOUP_STATUS_BAD_REQUEST },
      { SECRETARIAT, "?dry_run=1", "{\"content\": \"x\", \"raised_again_of\": \"1\"}",
        SOUP_STATUS_BAD_REQUEST },
      { SECRETARIAT, "?dry_run=1", "{\"content\": \"x\", \"raised_again_of\": -4}",
        SOUP_STATUS_BAD_REQUEST },
      { SECRETARIAT, "?dry_run=1", "{\"content\": \"x\", \"raised_again_of\": 999999}",
        SOUP_STATUS_NOT_FOUND },
      { SECRETARIAT, "", "{\"content\": \"x\", \"raised_again_of\": 999999}",
        SOUP_STATUS_NOT_FOUND },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *path = g_strconcat ("/api/v1/petitions", cases[i].query, NULL);
        g_autoptr (Reply) reply =
          send_text (world->server, "POST", path, world->tokens[cases[i].caller],
                     cases[i].body != NULL ? cases[i].body : body);

        assert_status (reply, cases[i].status);
      }
    g_clear_pointer (&after, json_array_unref);
    after = list_petitions (world, NULL);
    g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before));
  }

  /* Huge content: refused with its reason, nothing kept. */
  {
    g_autofree char *huge = g_strnfill (CHAMBER_PETITION_MAX_TEXT + 1, 'a');
    g_autofree char *huge_body = g_strdup_printf ("{\"content\": \"%s\"}", huge);
    g_autoptr (Reply) reply = send_text (world->server, "POST", "/api/v1/petitions?dry_run=1",
                                         world->tokens[SECRETARIAT], huge_body);

    assert_status (reply, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);
  }

  /* The person decides: no link although it is similar, or a link to the one they chose. */
  {
    g_autofree char *unlinked = g_strdup_printf ("{\"content\": \"%s\", \"raised_again_of\": null}",
                                                 no_marks);
    g_autofree char *chosen = g_strdup_printf ("{\"content\": \"%s\", \"raised_again_of\": %lld}",
                                               reordered, (long long) second);
    g_autoptr (Reply) reply = send_text (world->server, "POST", "/api/v1/petitions",
                                         world->tokens[SECRETARIAT], unlinked);
    g_autoptr (Reply) reply2 = NULL;
    g_autoptr (JsonObject) root = NULL;
    g_autoptr (JsonObject) root2 = NULL;
    g_autofree char *a = chamber_petition_fold_words (reordered);
    g_autofree char *b = chamber_petition_fold_words (different);
    JsonObject *petition;

    assert_status (reply, SOUP_STATUS_CREATED);
    root = reply_object (reply);
    g_assert_true (json_object_get_null_member (json_object_get_object_member (root, "petition"),
                                                "raised_again_of"));
    reply2 = send_text (world->server, "POST", "/api/v1/petitions", world->tokens[SECRETARIAT],
                        chosen);
    assert_status (reply2, SOUP_STATUS_CREATED);
    root2 = reply_object (reply2);
    petition = json_object_get_object_member (root2, "petition");
    g_assert_cmpint (json_object_get_int_member (petition, "raised_again_of"), ==, second);
    g_assert_cmpfloat (json_object_get_double_member (petition, "similarity"), ==,
                       chamber_petition_similarity (a, b));
  }
}

/* ---- Roles, hostile input, files -------------------------------------------------------- */

static void
write_png (const char *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 40, 30);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.3);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static GBytes *
file_bytes (const char *path)
{
  char *data = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &data, &size, NULL));
  return g_bytes_new_take (data, size);
}

/* Blob files under @dir (its tmp folder, where uploads arrive, not counted). */
static guint
count_files (const char *dir)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;
  guint count = 0;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_str_equal (name, "tmp"))
        continue;
      count += g_file_test (child, G_FILE_TEST_IS_DIR) ? count_files (child) : 1;
    }
  return count;
}

typedef struct {
  const char *method;
  const char *path;   /* %P a petition, %D a draw, %S a sample assigned to Tổ 1, %F a finding
                       * with evidence */
  const char *body;   /* "@pdf", "@png", "@csv" or JSON */
  guint       expect[N_CALLERS];
} RoleCase;

#define READERS(ok)  { ok, ok, ok, ok, ok, 403, 401 }
#define WRITERS(ok)  { ok, ok, 403, 403, 403, 403, 401 }
#define GROUP(ok)    { ok, ok, 403, ok, 403, 403, 401 }

static const RoleCase role_cases[] = {
  { "GET", "/api/v1/petitions", NULL, READERS (200) },
  { "GET", "/api/v1/petitions?status=resolved&agency=S%E1%BB%9F%20Y%20t%E1%BA%BF", NULL,
    READERS (200) },
  { "POST", "/api/v1/petitions", "{\"content\": \"Đề nghị số %N về nước sạch\"}",
    WRITERS (201) },
  { "POST", "/api/v1/petitions/import?dry_run=1", "@csv", WRITERS (200) },
  { "GET", "/api/v1/petitions/report?month=2026-11&format=csv", NULL, READERS (200) },
  { "GET", "/api/v1/petitions/report?month=2026-11", NULL, READERS (200) },
  { "GET", "/api/v1/petitions/%P", NULL, READERS (200) },
  { "PUT", "/api/v1/petitions/%P", "{\"status\": \"resolved\", \"note\": \"n\"}",
    WRITERS (200) },
  { "POST", "/api/v1/petitions/%P/answer", "@pdf", WRITERS (201) },
  { "GET", "/api/v1/petitions/%P/answer", NULL, READERS (200) },
  { "POST", "/api/v1/supervision/draws", "{\"status\": \"resolved\", \"size\": 1}",
    WRITERS (201) },
  { "GET", "/api/v1/supervision/draws", NULL, READERS (200) },
  { "GET", "/api/v1/supervision/draws/%D", NULL, READERS (200) },
  { "GET", "/api/v1/supervision/draws/%D/checks", NULL, READERS (200) },
  { "GET", "/api/v1/supervision/samples", NULL, READERS (200) },
  { "PUT", "/api/v1/supervision/samples/%S", "{\"assignee\": \"Tổ đại biểu số 1\"}",
    WRITERS (200) },
  { "POST", "/api/v1/supervision/samples/%S/findings?result=confirmed&note=ok", "@png",
    GROUP (201) },
  { "GET", "/api/v1/supervision/findings/%F/evidence", NULL, { 200, 200, 404, 200, 404, 403,
                                                                401 } },
  { "GET", "/api/v1/supervision/recommendation", NULL, { 200, 200, 200, 403, 403, 403, 401 } },
};

static char *
expand (const char *template,
        GHashTable *values,
        int         number)
{
  GString *out = g_string_new (NULL);

  for (const char *p = template; *p != '\0'; p++)
    if (*p == '%' && p[1] != '\0' && strchr ("PDSFN", p[1]) != NULL
        && !g_ascii_isxdigit (p[2]))
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
  return g_string_free (out, FALSE);
}

/* Draws one resolved petition, assigns it to Tổ 1 and records a finding with a PNG. */
static void
prepare_sample (World      *world,
                GHashTable *values,
                GBytes     *png)
{
  g_autoptr (Reply) drawn = send_text (world->server, "POST", "/api/v1/supervision/draws",
                                       world->tokens[SECRETARIAT],
                                       "{\"status\": \"resolved\", \"size\": 1, \"seed\": \"5\"}");
  g_autoptr (JsonObject) root = NULL;
  g_autoptr (JsonObject) finding = NULL;
  g_autoptr (Reply) assigned = NULL;
  g_autoptr (Reply) found = NULL;
  g_autofree char *path = NULL;
  JsonObject *draw, *sample;

  assert_status (drawn, SOUP_STATUS_CREATED);
  root = reply_object (drawn);
  draw = json_object_get_object_member (root, "draw");
  g_assert_cmpstr (json_object_get_string_member (draw, "seed"), ==, "5");
  sample = json_array_get_object_element (json_object_get_array_member (draw, "samples"), 0);
  g_hash_table_insert (values, (gpointer) "D",
                       g_strdup_printf ("%lld", (long long) json_object_get_int_member (draw,
                                                                                        "id")));
  g_hash_table_insert (values, (gpointer) "S",
                       g_strdup_printf ("%lld",
                                        (long long) json_object_get_int_member (sample, "id")));
  path = g_strdup_printf ("/api/v1/supervision/samples/%lld",
                          (long long) json_object_get_int_member (sample, "id"));
  assigned = send_text (world->server, "PUT", path, world->tokens[SECRETARIAT],
                        "{\"assignee\": \"Tổ đại biểu số 1\"}");
  assert_status (assigned, SOUP_STATUS_OK);
  g_free (path);
  path = g_strdup_printf ("/api/v1/supervision/samples/%lld/findings?result=confirmed",
                          (long long) json_object_get_int_member (sample, "id"));
  found = send_bytes (world->server, "POST", path, world->tokens[MEMBER], "image/png", png);
  assert_status (found, SOUP_STATUS_CREATED);
  finding = reply_object (found);
  g_hash_table_insert (values, (gpointer) "F",
                       g_strdup_printf ("%lld", (long long) json_object_get_int_member (
                                                  json_object_get_object_member (finding,
                                                                                 "finding"),
                                                  "id")));
}

static void
test_roles (void)
{
  g_autoptr (World) world = world_new ();
  g_autoptr (GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *pdf_path = g_build_filename (world->dir, "answer.pdf", NULL);
  g_autofree char *png_path = g_build_filename (world->dir, "photo.png", NULL);
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (GBytes) png = NULL;
  const char *csv_text = "Nội dung kiến nghị\n\"Đề nghị kiểm tra\"\n";
  g_autoptr (GBytes) csv = g_bytes_new (csv_text, strlen (csv_text));
  gint64 link = 0;
  int number = 0;

  chamber_test_write_pdf (pdf_path, 1, "Trả lời kiến nghị");
  write_png (png_path);
  pdf = file_bytes (pdf_path);
  png = file_bytes (png_path);
  g_hash_table_insert (values, (gpointer) "P",
                       g_strdup_printf ("%lld", (long long) post_petition (world, original,
                                                                           "2026-01-01",
                                                                           &link)));
  {
    g_autoptr (Reply) resolved = send_text (world->server, "PUT", "/api/v1/petitions/1",
                                            world->tokens[SECRETARIAT],
                                            "{\"status\": \"resolved\"}");

    assert_status (resolved, SOUP_STATUS_OK);
  }
  prepare_sample (world, values, png);

  for (gsize i = 0; i < G_N_ELEMENTS (role_cases); i++)
    for (int c = 0; c < N_CALLERS; c++)
      {
        const RoleCase *rc = &role_cases[i];
        g_autofree char *path = expand (rc->path, values, ++number);
        g_autofree char *body_text = NULL;
        g_autoptr (GBytes) body = NULL;
        g_autoptr (Reply) reply = NULL;
        const char *type = "application/json";

        if (g_strcmp0 (rc->body, "@pdf") == 0)
          body = g_bytes_ref (pdf), type = "application/pdf";
        else if (g_strcmp0 (rc->body, "@png") == 0)
          body = g_bytes_ref (png), type = "image/png";
        else if (g_strcmp0 (rc->body, "@csv") == 0)
          body = g_bytes_ref (csv), type = "text/csv";
        else if (rc->body != NULL)
          {
            body_text = expand (rc->body, values, number);
            body = g_bytes_new (body_text, strlen (body_text));
          }
        reply = send_bytes (world->server, rc->method, path,
                            c == NOBODY ? NULL : world->tokens[c], type, body);
        if (reply->status != rc->expect[c])
          g_error ("%s %s as caller %d: expected %u, got %u: %.*s", rc->method, path, c,
                   rc->expect[c], reply->status, (int) g_bytes_get_size (reply->body),
                   (const char *) g_bytes_get_data (reply->body, NULL));
      }

  /* The draw is for everyone to audit, its findings only for the group and the secretariat. */
  {
    g_autofree char *path = expand ("/api/v1/supervision/draws/%D", values, 0);
    int callers[] = { OUTSIDER, CHAIR, MEMBER, SECRETARIAT };

    for (gsize i = 0; i < G_N_ELEMENTS (callers); i++)
      {
        g_autoptr (Reply) reply = send_text (world->server, "GET", path,
                                             world->tokens[callers[i]], NULL);
        g_autoptr (JsonObject) root = reply_object (reply);
        JsonObject *draw = json_object_get_object_member (root, "draw");
        JsonObject *sample = json_array_get_object_element (
          json_object_get_array_member (draw, "samples"), 0);

        g_assert_cmpstr (json_object_get_string_member (draw, "seed"), ==, "5");
        g_assert_cmpint (json_object_get_null_member (sample, "finding"), ==,
                         callers[i] == OUTSIDER || callers[i] == CHAIR);
      }
  }

  /* The delegate of another group sees none of Tổ 1's sample; Tổ 1's member sees it. */
  {
    g_autoptr (Reply) outsider = send_text (world->server, "GET", "/api/v1/supervision/samples",
                                            world->tokens[OUTSIDER], NULL);
    g_autoptr (Reply) member = send_text (world->server, "GET", "/api/v1/supervision/samples",
                                          world->tokens[MEMBER], NULL);
    g_autoptr (JsonObject) a = reply_object (outsider);
    g_autoptr (JsonObject) b = reply_object (member);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (a, "samples")), ==,
                      0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (b, "samples")), ==,
                      1);
  }
}

static void
test_hostile (void)
{
  g_autoptr (World) world = world_new ();
  g_autofree char *blobs = g_build_filename (world->server->data_dir, "blobs", NULL);
  g_autofree char *pdf_path = g_build_filename (world->dir, "answer.pdf", NULL);
  g_autoptr (GBytes) pdf = NULL;
  gint64 link = 0, id;
  guint files_before;

  id = post_petition (world, original, "2026-01-01", &link);
  g_assert_cmpint (id, ==, 1);

  /* An oversized CSV is refused before anything is stored. */
  {
    gsize size = 9 * 1024 * 1024;
    char *big = g_malloc (size);
    g_autoptr (GBytes) bytes = NULL;
    g_autoptr (Reply) reply = NULL;
    g_autoptr (JsonArray) list = NULL;

    memset (big, 'a', size);
    memcpy (big, "content\n", 8);
    bytes = g_bytes_new_take (big, size);
    reply = send_bytes (world->server, "POST", "/api/v1/petitions/import",
                        world->tokens[SECRETARIAT], "text/csv", bytes);
    assert_status (reply, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE);
    list = list_petitions (world, NULL);
    g_assert_cmpuint (json_array_get_length (list), ==, 1);
  }
  /* NUL bytes, an unterminated quote, a field over the limit: 400 with the line named. */
  {
    static const char nul[] = "content\n\"abc\0def\"\n";
    const char *quote = "content\n\"never closed\n";
    g_autoptr (GBytes) a = g_bytes_new (nul, sizeof nul - 1);
    g_autoptr (GBytes) b = g_bytes_new (quote, strlen (quote));
    g_autoptr (Reply) ra = send_bytes (world->server, "POST", "/api/v1/petitions/import",
                                       world->tokens[SECRETARIAT], "text/csv", a);
    g_autoptr (Reply) rb = send_bytes (world->server, "POST", "/api/v1/petitions/import",
                                       world->tokens[SECRETARIAT], "text/csv", b);
    GString *long_field = g_string_new ("content\n\"");
    g_autoptr (GBytes) c = NULL;
    g_autoptr (Reply) rc = NULL;

    assert_status (ra, SOUP_STATUS_BAD_REQUEST);
    assert_status (rb, SOUP_STATUS_BAD_REQUEST);
    for (int i = 0; i < CHAMBER_PETITION_MAX_TEXT + 10; i++)
      g_string_append_c (long_field, 'x');
    g_string_append (long_field, "\"\n");
    c = g_string_free_to_bytes (long_field);
    rc = send_bytes (world->server, "POST", "/api/v1/petitions/import",
                     world->tokens[SECRETARIAT], "text/csv", c);
    assert_status (rc, SOUP_STATUS_BAD_REQUEST);
  }
  /* Garbage JSON and wrong members. */
  {
    static const char *const bodies[] = {
      "{not json", "[]", "{\"content\": 5}", "{\"content\": \"\"}",
      "{\"content\": \"x\", \"status\": \"done\"}",
      "{\"content\": \"x\", \"meeting\": {\"date\": \"2026-02-30\"}}",
      "{\"content\": \"x\", \"meeting\": \"Tổ 1\"}",
      "{\"content\": \"x\", \"links\": [{\"kind\": \"turn\", \"id\": 1}]}",
      "{\"content\": \"x\", \"links\": [{\"kind\": \"item\", \"id\": 999}]}",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        g_autoptr (Reply) reply = send_text (world->server, "POST", "/api/v1/petitions",
                                             world->tokens[SECRETARIAT], bodies[i]);

        if (reply->status < 400 || reply->status >= 500)
          g_error ("%s: expected a refusal, got %u", bodies[i], reply->status);
      }
    {
      g_autoptr (JsonArray) list = list_petitions (world, NULL);

      g_assert_cmpuint (json_array_get_length (list), ==, 1);
    }
  }
  /* Traversal and malformed ids never reach a file. */
  {
    static const char *const paths[] = {
      "/api/v1/petitions/..%2F..%2Fetc%2Fpasswd/answer", "/api/v1/petitions/../../etc/passwd",
      "/api/v1/petitions/0", "/api/v1/petitions/01", "/api/v1/petitions/1x",
      "/api/v1/petitions/99999999999999999999", "/api/v1/supervision/findings/..%2F1/evidence",
      "/api/v1/supervision/draws/-1",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr (Reply) reply = send_text (world->server, "GET", paths[i],
                                             world->tokens[ADMIN], NULL);

        if (reply->status != SOUP_STATUS_NOT_FOUND && reply->status != SOUP_STATUS_BAD_REQUEST)
          g_error ("%s: expected 404, got %u", paths[i], reply->status);
      }
  }
  /* Files that are not what an answer or evidence must be are refused and leave nothing. */
  files_before = count_files (blobs);
  {
    const char *html = "<html>not a pdf</html>";
    g_autoptr (GBytes) bytes = g_bytes_new (html, strlen (html));
    g_autoptr (Reply) reply = send_bytes (world->server, "POST", "/api/v1/petitions/1/answer",
                                          world->tokens[SECRETARIAT], "application/pdf", bytes);
    g_autoptr (Reply) get = send_text (world->server, "GET", "/api/v1/petitions/1/answer",
                                       world->tokens[ADMIN], NULL);
    g_autoptr (Reply) empty = send_bytes (world->server, "POST", "/api/v1/petitions/1/answer",
                                          world->tokens[SECRETARIAT], "application/pdf", NULL);

    assert_status (reply, SOUP_STATUS_BAD_REQUEST);
    assert_status (get, SOUP_STATUS_NOT_FOUND);
    assert_status (empty, SOUP_STATUS_BAD_REQUEST);
    g_assert_cmpuint (count_files (blobs), ==, files_before);
  }
  /* A real PDF is kept and served back byte for byte. */
  chamber_test_write_pdf (pdf_path, 2, "Văn bản trả lời");
  pdf = file_bytes (pdf_path);
  {
    g_autoptr (Reply) reply = send_bytes (world->server, "POST", "/api/v1/petitions/1/answer",
                                          world->tokens[SECRETARIAT], "application/pdf", pdf);
    g_autoptr (Reply) get = send_text (world->server, "GET", "/api/v1/petitions/1/answer",
                                       world->tokens[MEMBER], NULL);

    assert_status (reply, SOUP_STATUS_CREATED);
    assert_status (get, SOUP_STATUS_OK);
    g_assert_true (g_bytes_equal (get->body, pdf));
  }
  /* Evidence that is text, a truncated PNG, or a note past its limit. */
  {
    g_autoptr (Reply) resolved = send_text (world->server, "PUT", "/api/v1/petitions/1",
                                            world->tokens[SECRETARIAT],
                                            "{\"status\": \"resolved\"}");
    g_autoptr (Reply) drawn = send_text (world->server, "POST", "/api/v1/supervision/draws",
                                         world->tokens[SECRETARIAT],
                                         "{\"status\": \"resolved\", \"size\": 1}");
    const char *text = "just words";
    g_autoptr (GBytes) words = g_bytes_new (text, strlen (text));
    g_autoptr (GBytes) truncated = g_bytes_new ("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    g_autoptr (Reply) r1 = NULL;
    g_autoptr (Reply) r2 = NULL;
    g_autoptr (Reply) r3 = NULL;
    g_autoptr (Reply) r4 = NULL;
    g_autoptr (Reply) samples = NULL;
    g_autoptr (JsonObject) root = NULL;
    g_autofree char *long_note = g_strnfill (5000, 'n');
    g_autofree char *note_path =
      g_strdup_printf ("/api/v1/supervision/samples/1/findings?result=partly&note=%s", long_note);

    assert_status (resolved, SOUP_STATUS_OK);
    assert_status (drawn, SOUP_STATUS_CREATED);
    files_before = count_files (blobs);
    r1 = send_bytes (world->server, "POST",
                     "/api/v1/supervision/samples/1/findings?result=confirmed",
                     world->tokens[SECRETARIAT], "text/plain", words);
    r2 = send_bytes (world->server, "POST",
                     "/api/v1/supervision/samples/1/findings?result=confirmed",
                     world->tokens[SECRETARIAT], "image/png", truncated);
    r3 = send_text (world->server, "POST", note_path, world->tokens[SECRETARIAT], NULL);
    r4 = send_text (world->server, "POST", "/api/v1/supervision/samples/1/findings?result=maybe",
                    world->tokens[SECRETARIAT], NULL);
    assert_status (r1, SOUP_STATUS_BAD_REQUEST);
    assert_status (r2, SOUP_STATUS_BAD_REQUEST);
    assert_status (r3, SOUP_STATUS_BAD_REQUEST);
    assert_status (r4, SOUP_STATUS_BAD_REQUEST);
    g_assert_cmpuint (count_files (blobs), ==, files_before);
    samples = send_text (world->server, "GET", "/api/v1/supervision/samples",
                         world->tokens[ADMIN], NULL);
    root = reply_object (samples);
    g_assert_true (json_object_get_null_member (
      json_array_get_object_element (json_object_get_array_member (root, "samples"), 0),
      "finding"));
  }
  /* Draw requests that make no sense. */
  {
    static const char *const bodies[] = {
      "{\"status\": \"resolved\"}", "{\"status\": \"resolved\", \"size\": 0}",
      "{\"status\": \"resolved\", \"size\": 2, \"share\": 10}",
      "{\"status\": \"resolved\", \"share\": 101}", "{\"status\": \"resolved\", \"share\": \"x\"}",
      "{\"status\": \"resolved\", \"size\": 2, \"by\": \"mood\"}",
      "{\"status\": \"resolved\", \"size\": 2, \"seed\": \"-1\"}",
      "{\"status\": \"resolved\", \"size\": 2, \"seed\": \"18446744073709551616\"}",
      "{\"status\": \"unresolved\", \"size\": 2}",
    };

    for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++)
      {
        g_autoptr (Reply) reply = send_text (world->server, "POST", "/api/v1/supervision/draws",
                                             world->tokens[SECRETARIAT], bodies[i]);

        if (reply->status < 400 || reply->status >= 500)
          g_error ("%s: expected a refusal, got %u", bodies[i], reply->status);
      }
  }
  /* A report for a month that is not one. */
  {
    g_autoptr (Reply) a = send_text (world->server, "GET", "/api/v1/petitions/report?month=2026-13",
                                     world->tokens[ADMIN], NULL);
    g_autoptr (Reply) b = send_text (world->server, "GET",
                                     "/api/v1/petitions/report?month=2026-11&format=doc",
                                     world->tokens[ADMIN], NULL);

    assert_status (a, SOUP_STATUS_BAD_REQUEST);
    assert_status (b, SOUP_STATUS_BAD_REQUEST);
  }
}

/* ---- History and links ----------------------------------------------------------------- */

static void
test_history_and_links (void)
{
  g_autoptr (World) world = world_new ();
  g_autoptr (Reply) session = NULL;
  g_autoptr (Reply) item = NULL;
  g_autoptr (Reply) linked = NULL;
  g_autoptr (Reply) answered = NULL;
  g_autoptr (Reply) got = NULL;
  g_autoptr (JsonObject) root = NULL;
  g_autofree char *body = NULL;
  JsonObject *petition;
  JsonArray *history, *links;
  gint64 item_id, link = 0;

  session = send_text (world->server, "POST", "/api/v1/sessions", world->tokens[ADMIN],
                       "{\"number\": 12, \"title\": \"Kỳ họp thứ 12\"}");
  assert_status (session, SOUP_STATUS_CREATED);
  item = send_text (world->server, "POST", "/api/v1/sessions/1/items", world->tokens[ADMIN],
                    "{\"title\": \"Báo cáo kết quả giải quyết kiến nghị cử tri\"}");
  assert_status (item, SOUP_STATUS_CREATED);
  {
    g_autoptr (JsonObject) item_root = reply_object (item);

    item_id = json_object_get_int_member (json_object_get_object_member (item_root, "item"),
                                          "id");
  }
  post_petition (world, original, "2026-02-02", &link);
  body = g_strdup_printf ("{\"status\": \"đang giải quyết\", \"note\": \"Đã bố trí vốn\", "
                          "\"links\": [{\"kind\": \"item\", \"id\": %lld}, {\"kind\": "
                          "\"commitment\", \"id\": 3, \"session\": 1}]}",
                          (long long) item_id);
  linked = send_text (world->server, "PUT", "/api/v1/petitions/1", world->tokens[SECRETARIAT],
                      body);
  assert_status (linked, SOUP_STATUS_OK);
  answered = send_text (world->server, "PUT", "/api/v1/petitions/1", world->tokens[SECRETARIAT],
                        "{\"status\": \"answered\", \"answer\": \"Sở đã trả lời bằng văn "
                        "bản\"}");
  assert_status (answered, SOUP_STATUS_OK);
  got = send_text (world->server, "GET", "/api/v1/petitions/1", world->tokens[CHAIR], NULL);
  assert_status (got, SOUP_STATUS_OK);
  root = reply_object (got);
  petition = json_object_get_object_member (root, "petition");
  history = json_object_get_array_member (petition, "history");
  links = json_object_get_array_member (petition, "links");
  g_assert_cmpuint (json_array_get_length (history), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 0),
                                                  "status"), ==, "forwarded");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 1),
                                                  "note"), ==, "Đã bố trí vốn");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (history, 2),
                                                  "status"), ==, "answered");
  g_assert_cmpstr (json_object_get_string_member (petition, "answer"), ==,
                   "Sở đã trả lời bằng văn bản");
  g_assert_false (json_object_get_null_member (petition, "answered_on"));
  g_assert_cmpuint (json_array_get_length (links), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 0),
                                                  "kind"), ==, "commitment");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (links, 1), "id"),
                   ==, item_id);

  /* A bad link in a change refuses the whole change: the status stays. */
  {
    g_autoptr (Reply) refused = send_text (world->server, "PUT", "/api/v1/petitions/1",
                                           world->tokens[SECRETARIAT],
                                           "{\"status\": \"resolved\", \"links\": "
                                           "[{\"kind\": \"item\", \"id\": 4242}]}");
    g_autoptr (Reply) again = send_text (world->server, "GET", "/api/v1/petitions/1",
                                         world->tokens[ADMIN], NULL);
    g_autoptr (JsonObject) again_root = reply_object (again);

    g_assert_cmpuint (refused->status, ==, SOUP_STATUS_NOT_FOUND);
    g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (again_root, "petition"), "status"),
                     ==, "answered");
  }

  /* Removing links: refused for a link that is not there, a wrong shape or a reader (and then
   * nothing changes), done for the secretariat. */
  {
    static const struct {
      int         caller;
      const char *body;
      guint       status;
    } cases[] = {
      { MEMBER, "{\"remove_links\": [{\"kind\": \"commitment\", \"id\": 3, \"session\": 1}]}",
        SOUP_STATUS_FORBIDDEN },
      { CHAIR, "{\"remove_links\": [{\"kind\": \"commitment\", \"id\": 3, \"session\": 1}]}",
        SOUP_STATUS_FORBIDDEN },
      { SECRETARIAT, "{\"remove_links\": [{\"kind\": \"commitment\", \"id\": 3, \"session\": 2}]}",
        SOUP_STATUS_NOT_FOUND },
      { SECRETARIAT, "{\"remove_links\": [{\"kind\": \"../../etc\", \"id\": 3}]}",
        SOUP_STATUS_NOT_FOUND },
      { SECRETARIAT, "{\"remove_links\": {\"kind\": \"item\"}}", SOUP_STATUS_BAD_REQUEST },
      { SECRETARIAT, "{\"remove_links\": [7]}", SOUP_STATUS_BAD_REQUEST },
      { SECRETARIAT, "{\"remove_links\": [{\"kind\": \"item\", \"id\": \"1\"}]}",
        SOUP_STATUS_BAD_REQUEST },
      /* Both in one change: the removal of a missing link undoes the addition too. */
      { SECRETARIAT, "{\"links\": [{\"kind\": \"turn\", \"id\": 9, \"session\": 1}], "
        "\"remove_links\": [{\"kind\": \"turn\", \"id\": 8, \"session\": 1}]}",
        SOUP_STATUS_NOT_FOUND },
    };
    g_autoptr (Reply) removed = NULL;
    g_autoptr (JsonObject) removed_root = NULL;
    JsonArray *left;

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr (Reply) reply = send_text (world->server, "PUT", "/api/v1/petitions/1",
                                             world->tokens[cases[i].caller], cases[i].body);
        g_autoptr (Reply) again = send_text (world->server, "GET", "/api/v1/petitions/1",
                                             world->tokens[ADMIN], NULL);
        g_autoptr (JsonObject) again_root = reply_object (again);

        assert_status (reply, cases[i].status);
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                            json_object_get_object_member (again_root, "petition"), "links")),
                          ==, 2);
      }
    removed = send_text (world->server, "PUT", "/api/v1/petitions/1", world->tokens[SECRETARIAT],
                         "{\"remove_links\": [{\"kind\": \"commitment\", \"id\": 3, "
                         "\"session\": 1}]}");
    assert_status (removed, SOUP_STATUS_OK);
    removed_root = reply_object (removed);
    left = json_object_get_array_member (json_object_get_object_member (removed_root,
                                                                        "petition"),
                                         "links");
    g_assert_cmpuint (json_array_get_length (left), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (left, 0),
                                                    "kind"), ==, "item");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (left, 0), "id"),
                     ==, item_id);
  }
}

/* ---- The report, recomputed ------------------------------------------------------------ */

typedef struct {
  const char *agency;
  const char *status;
  const char *received;
} Made;

static void
test_report_numbers (void)
{
  g_autoptr (World) world = world_new ();
  static const char *const agencies[] = { "Sở Xây dựng", "Sở Y tế" };
  static const char *const statuses[] = { "resolved", "in-progress", "answered", "resolved",
                                          "forwarded", "resolved", "unresolved" };
  GPtrArray *made = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (Reply) csv_reply = NULL;
  g_autoptr (Reply) checks_reply = NULL;
  g_autoptr (Reply) draw_reply = NULL;
  g_autoptr (Reply) pdf_reply = NULL;
  g_autoptr (JsonObject) draw_root = NULL;
  g_autoptr (JsonObject) checks_root = NULL;
  g_autofree char *month = NULL;
  g_auto (GStrv) lines = NULL;
  JsonArray *samples, *checks;
  guint confirmed[2] = { 0, 0 }, checked[2] = { 0, 0 };

  {
    g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

    month = g_date_time_format (now, "%Y-%m");
  }
  /* 35 petitions, their agency, status and month of receipt known here. */
  for (int i = 0; i < 35; i++)
    {
      Made *m = g_new0 (Made, 1);
      g_autofree char *json = NULL;
      g_autofree char *path = NULL;
      g_autoptr (Reply) created = NULL;
      g_autoptr (Reply) changed = NULL;
      g_autofree char *received = i % 4 == 0 ? g_strdup ("2020-01-15")
                                             : g_strdup_printf ("%s-0%d", month, 1 + i % 9);

      m->agency = agencies[i % 2];
      m->status = statuses[i % G_N_ELEMENTS (statuses)];
      m->received = i % 4 == 0 ? "old" : "this";
      g_ptr_array_add (made, m);
      json = g_strdup_printf ("{\"content\": \"Kiến nghị riêng biệt số %d: mã %x\", \"agency\": "
                              "\"%s\", \"received_on\": \"%s\"}",
                              i, g_str_hash (received) + i * 7919, m->agency, received);
      created = send_text (world->server, "POST", "/api/v1/petitions",
                           world->tokens[SECRETARIAT], json);
      assert_status (created, SOUP_STATUS_CREATED);
      path = g_strdup_printf ("/api/v1/petitions/%d", i + 1);
      g_free (json);
      json = g_strdup_printf ("{\"status\": \"%s\"}", m->status);
      changed = send_text (world->server, "PUT", path, world->tokens[SECRETARIAT], json);
      assert_status (changed, SOUP_STATUS_OK);
    }

  /* Draw 8 of the resolved, by agency, and find every second one not resolved. */
  draw_reply = send_text (world->server, "POST", "/api/v1/supervision/draws",
                          world->tokens[SECRETARIAT],
                          "{\"status\": \"resolved\", \"size\": 8, \"by\": \"agency\", "
                          "\"seed\": \"31337\"}");
  assert_status (draw_reply, SOUP_STATUS_CREATED);
  draw_root = reply_object (draw_reply);
  samples = json_object_get_array_member (json_object_get_object_member (draw_root, "draw"),
                                          "samples");
  g_assert_cmpuint (json_array_get_length (samples), ==, 8);
  for (guint i = 0; i < json_array_get_length (samples); i++)
    {
      JsonObject *sample = json_array_get_object_element (samples, i);
      JsonObject *petition = json_object_get_object_member (sample, "petition");
      int a = g_str_equal (json_object_get_string_member (petition, "agency"), agencies[0]) ? 0
                                                                                            : 1;
      g_autofree char *path = g_strdup_printf ("/api/v1/supervision/samples/%lld/findings?"
                                               "result=%s",
                                               (long long) json_object_get_int_member (sample,
                                                                                       "id"),
                                               i % 2 ? "not-resolved" : "confirmed");
      g_autoptr (Reply) found = send_text (world->server, "POST", path,
                                           world->tokens[SECRETARIAT], NULL);

      assert_status (found, SOUP_STATUS_CREATED);
      checked[a]++;
      confirmed[a] += i % 2 == 0;
      if (i % 2)
        {
          /* The petition found not resolved is in progress again. */
          Made *m = g_ptr_array_index (made, json_object_get_int_member (petition, "id") - 1);

          m->status = "in-progress";
        }
    }

  csv_reply = send_text (world->server, "GET", "/api/v1/petitions/report?format=csv&month=X",
                         world->tokens[CHAIR], NULL);
  assert_status (csv_reply, SOUP_STATUS_BAD_REQUEST);
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/petitions/report?format=csv&month=%s",
                                             month);

    g_clear_pointer (&csv_reply, reply_free);
    csv_reply = send_text (world->server, "GET", path, world->tokens[CHAIR], NULL);
  }
  assert_status (csv_reply, SOUP_STATUS_OK);
  {
    g_autofree char *text = g_strndup (g_bytes_get_data (csv_reply->body, NULL),
                                       g_bytes_get_size (csv_reply->body));

    g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
    lines = g_strsplit (text + 3, "\r\n", -1);
  }
  g_assert_cmpuint (g_strv_length (lines), ==, 5); /* header, 2 agencies, total, "" */

  checks_reply = send_text (world->server, "GET", "/api/v1/supervision/draws/1/checks",
                            world->tokens[MEMBER], NULL);
  assert_status (checks_reply, SOUP_STATUS_OK);
  checks_root = reply_object (checks_reply);
  checks = json_object_get_array_member (checks_root, "checks");
  g_assert_cmpuint (json_array_get_length (checks), ==, 2);

  for (int a = 0; a <= 2; a++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[1 + a], ",", -1);
      gint64 petitions = 0, received = 0, by_status[5] = { 0, }, reported = 0;
      static const char *const names[] = { "forwarded", "answered", "in-progress", "resolved",
                                           "unresolved" };

      for (guint i = 0; i < made->len; i++)
        {
          Made *m = g_ptr_array_index (made, i);

          if (a < 2 && !g_str_equal (m->agency, agencies[a]))
            continue;
          petitions++;
          received += g_str_equal (m->received, "this");
          for (int s = 0; s < 5; s++)
            by_status[s] += g_str_equal (m->status, names[s]);
        }
      g_assert_cmpuint (g_strv_length (cells), ==, 22);
      g_assert_cmpint (g_ascii_strtoll (cells[2], NULL, 10), ==, petitions);
      g_assert_cmpint (g_ascii_strtoll (cells[3], NULL, 10), ==, received);
      for (int s = 0; s < 5; s++)
        g_assert_cmpint (g_ascii_strtoll (cells[4 + s], NULL, 10), ==, by_status[s]);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[10], NULL),
                                      (double) by_status[3] / petitions, 0.00005);
      if (a == 2)
        {
          g_assert_cmpstr (cells[1], ==, "\"Total\"");
          continue;
        }
      {
        g_autofree char *quoted = g_strdup_printf ("\"%s\"", agencies[a]);

        g_assert_cmpstr (cells[1], ==, quoted);
      }

      /* The rates: counted here from what the test made at the time of the draw. */
      {
        JsonObject *check = json_array_get_object_element (checks, a);
        gint64 total_a = 0;
        double p, e, r;

        for (guint i = 0; i < made->len; i++)
          {
            Made *m = g_ptr_array_index (made, i);

            if (g_str_equal (m->agency, agencies[a]))
              {
                total_a++;
                /* Reported resolved at the draw: resolved now, or sent back by a finding. */
                reported += g_str_equal (statuses[i % G_N_ELEMENTS (statuses)], "resolved");
              }
          }
        p = (double) confirmed[a] / checked[a];
        e = 1.96 * sqrt (p * (1 - p) / checked[a])
            * sqrt ((double) (reported - checked[a]) / (reported - 1));
        r = (double) reported / total_a;
        g_assert_cmpint (json_object_get_int_member (check, "reported"), ==, reported);
        g_assert_cmpint (json_object_get_int_member (check, "petitions"), ==, total_a);
        g_assert_cmpint (json_object_get_int_member (check, "checked"), ==, checked[a]);
        g_assert_cmpint (json_object_get_int_member (check, "confirmed"), ==, confirmed[a]);
        g_assert_cmpfloat_with_epsilon (json_object_get_double_member (check, "verified_share"),
                                        p, 1e-9);
        g_assert_cmpfloat_with_epsilon (json_object_get_double_member (check, "margin"), e,
                                        1e-9);
        g_assert_cmpfloat_with_epsilon (json_object_get_double_member (check, "estimated_rate"),
                                        r * p, 1e-9);
        g_assert_cmpint (g_ascii_strtoll (cells[12], NULL, 10), ==, reported);
        g_assert_cmpint (g_ascii_strtoll (cells[14], NULL, 10), ==, checked[a]);
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[19], NULL), e, 0.00005);
      }
    }

  /* The PDF opens and carries the formula and the agencies. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/petitions/report?month=%s", month);
    g_autofree char *file = g_build_filename (world->dir, "report.pdf", NULL);
    g_autoptr (GError) error = NULL;

    pdf_reply = send_text (world->server, "GET", path, world->tokens[ADMIN], NULL);
    assert_status (pdf_reply, SOUP_STATUS_OK);
    g_assert_true (g_file_set_contents (file, g_bytes_get_data (pdf_reply->body, NULL),
                                        g_bytes_get_size (pdf_reply->body), NULL));
    g_assert_true (pdf_contains (file, "Sở Xây dựng"));
    g_assert_true (pdf_contains (file, "1.96"));
  }
  g_ptr_array_unref (made);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);
  http = soup_session_new ();

  g_test_add_func ("/petitions/import-encodings", test_import_encodings);
  g_test_add_func ("/petitions/import-broken-rows", test_import_broken_rows);
  g_test_add_func ("/petitions/similarity-sentences", test_similarity_sentences);
  g_test_add_func ("/petitions/raised-again", test_raised_again);
  g_test_add_func ("/petitions/similar-index", test_similar_index);
  g_test_add_func ("/petitions/dry-run", test_dry_run);
  g_test_add_func ("/petitions/roles", test_roles);
  g_test_add_func ("/petitions/hostile", test_hostile);
  g_test_add_func ("/petitions/history-and-links", test_history_and_links);
  g_test_add_func ("/petitions/report-numbers", test_report_numbers);
  status = g_test_run ();
  g_object_unref (http);
  return status;
}
