/* test-minutes.c — the records of a live sitting against a real chamberd (issue 5, “Records”):
 * a sitting recorded through the live channel's HTTP commands, then its minutes as PDF (opened
 * with poppler: speakers, summaries, commitments, Vietnamese diacritics, "N/M" on every page, a
 * long sitting over several pages with no text lost at a page break), CSV (byte order mark,
 * RFC 4180 parsed back) and JSON (statistics checked against the turns as the live state
 * reports them); the commitments register across sessions (filters, overdue, status changes by
 * the secretariat kept across a restart, refused for other roles, taken-back commitments gone);
 * and broken, oversized and hostile requests to both endpoints. */
#include "config.h"

#include <libsoup/soup.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "chamber-client.h"
#include "chamber-pdf.h"
#include "chamber-protocol.h"
#include "chamber-test-util.h"

#define SUMMARY_1 "Đại biểu nêu còn 1.250 hồ sơ cấp giấy chứng nhận quá hạn tại huyện Tân Phú."
#define SUMMARY_3 "Giám đốc Sở thừa nhận chậm trễ và tăng cường 12 cán bộ đo đạc."
#define COMMIT_OVERDUE "Báo cáo bằng văn bản kết quả rà soát hồ sơ tồn đọng"
#define COMMIT_OPEN "Hoàn thành cấp giấy chứng nhận cho hồ sơ tồn đọng"
#define COMMIT_OTHER "Công khai danh sách dự án chậm tiến độ"

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *admin;
  ChamberClient     *chair;
  ChamberClient     *secretariat;
  ChamberClient     *delegate_a;
  ChamberClient     *delegate_b;
  ChamberClient     *official;
  char              *secretariat_token;
  gint64             session, session2, empty_session, item, item2;
  gint64             a_id, b_id, official_id, secretariat_id;
} World;

static gint64
add_person (World *w, const char *name, ChamberRole role, const char *group, const char *title,
            ChamberClient **out_client, char **out_token)
{
  return chamber_test_add_person (w->server, w->admin, name, role, group, title, out_client,
                                  out_token);
}

static gint64
add_session (World *w, int number, const char *title)
{
  return chamber_test_add_session (w->admin, number, title, "2026-12-08",
                                   "Hội trường Trung tâm Hội nghị tỉnh");
}

/* Sends a command that must be accepted; returns the event's @member. */
#define OK(client, session, member, ...)                                                       \
  G_STMT_START {                                                                               \
    g_autoptr (JsonObject) ok_event = chamber_test_live_ok (client, session, __VA_ARGS__);     \
    if (member != NULL)                                                                        \
      last_value = json_object_get_int_member (ok_event, member);                              \
  } G_STMT_END

static gint64 last_value;

static World *
world_new (void)
{
  g_autoptr (GError) error = NULL;
  World *w = g_new0 (World, 1);
  ChamberClient *unused = NULL;

  w->server = chamber_test_server_start ();
  w->admin = chamber_client_new (w->server->url, w->server->admin_token, &error);
  g_assert_no_error (error);
  w->session = add_session (w, 10, "Kỳ họp thứ mười");
  w->session2 = add_session (w, 11, "Kỳ họp thứ mười một");
  w->empty_session = add_session (w, 12, "Kỳ họp thứ mười hai");
  w->item = chamber_test_add_item (w->admin, w->session, "Chất vấn và trả lời chất vấn");
  w->item2 = chamber_test_add_item (w->admin, w->session2, "Chất vấn về y tế cơ sở");
  chamber_test_add_item (w->admin, w->empty_session, "Khai mạc");
  add_person (w, "Chủ tọa Nguyễn Thanh Sơn", CHAMBER_ROLE_CHAIR, NULL, NULL, &w->chair, NULL);
  w->secretariat_id = add_person (w, "Văn phòng", CHAMBER_ROLE_SECRETARIAT, NULL, NULL,
                                  &w->secretariat, &w->secretariat_token);
  w->a_id = add_person (w, "Nguyễn Văn An", CHAMBER_ROLE_DELEGATE, "Tổ đại biểu số 1", NULL,
                        &w->delegate_a, NULL);
  w->b_id = add_person (w, "Trần Thị Bình", CHAMBER_ROLE_DELEGATE, "Tổ đại biểu số 2", NULL,
                        &w->delegate_b, NULL);
  w->official_id = add_person (w, "Lê Hữu Phước", CHAMBER_ROLE_OFFICIAL, NULL,
                               "Giám đốc Sở Tài nguyên và Môi trường", &w->official, NULL);
  g_clear_object (&unused);
  return w;
}

static void
world_free (World *w)
{
  g_clear_object (&w->admin);
  g_clear_object (&w->chair);
  g_clear_object (&w->secretariat);
  g_clear_object (&w->delegate_a);
  g_clear_object (&w->delegate_b);
  g_clear_object (&w->official);
  g_free (w->secretariat_token);
  chamber_test_server_free (w->server);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (World, world_free)

/* The sitting: two questions to the official (the first paused once), one answer to both, a
 * debate by the first asker; summaries; three commitments (one overdue, one open, one taken
 * back); and in the second session one more. */
static void
record_sitting (World *w)
{
  gint64 item = w->item, off = w->official_id;

  OK (w->chair, w->session, NULL, "{\"type\":\"open-item\",\"item\":%lld}", (long long) item);
  OK (w->delegate_a, w->session, "request",
      "{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\",\"to\":%lld,"
      "\"topic\":\"Cấp giấy chứng nhận quyền sử dụng đất\"}",
      (long long) item, (long long) off);
  OK (w->delegate_b, w->session, "request",
      "{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\",\"to\":%lld,"
      "\"topic\":\"Bồi thường giải phóng mặt bằng\"}",
      (long long) item, (long long) off);
  OK (w->chair, w->session, "turn", "{\"type\":\"grant\",\"request\":1}");
  g_usleep (30000);
  OK (w->chair, w->session, NULL, "{\"type\":\"pause\"}");
  g_usleep (20000);
  OK (w->chair, w->session, NULL, "{\"type\":\"resume\"}");
  g_usleep (10000);
  OK (w->chair, w->session, NULL, "{\"type\":\"end\"}");
  OK (w->chair, w->session, "turn", "{\"type\":\"grant\",\"request\":2}");
  g_usleep (25000);
  OK (w->chair, w->session, NULL, "{\"type\":\"end\"}");
  OK (w->chair, w->session, "turn", "{\"type\":\"answer\",\"turns\":[1,2]}");
  g_assert_cmpint (last_value, ==, 3);
  g_usleep (40000);
  OK (w->chair, w->session, NULL, "{\"type\":\"end\"}");
  OK (w->delegate_a, w->session, "request",
      "{\"type\":\"request\",\"item\":%lld,\"kind\":\"debate\"}", (long long) item);
  OK (w->chair, w->session, "turn", "{\"type\":\"grant\",\"request\":%lld}",
      (long long) last_value);
  g_usleep (15000);
  OK (w->chair, w->session, NULL, "{\"type\":\"end\"}");
  OK (w->secretariat, w->session, NULL,
      "{\"type\":\"summary\",\"turn\":1,\"text\":\"" SUMMARY_1 "\"}");
  OK (w->secretariat, w->session, NULL,
      "{\"type\":\"summary\",\"turn\":3,\"text\":\"" SUMMARY_3 "\"}");
  OK (w->secretariat, w->session, "commitment",
      "{\"type\":\"commit\",\"turn\":3,\"owner\":%lld,\"due\":\"2020-01-15\","
      "\"what\":\"" COMMIT_OVERDUE "\"}",
      (long long) off);
  OK (w->secretariat, w->session, "commitment",
      "{\"type\":\"commit\",\"turn\":3,\"owner\":%lld,\"due\":\"2999-12-31\","
      "\"what\":\"" COMMIT_OPEN "\"}",
      (long long) off);
  OK (w->secretariat, w->session, "commitment",
      "{\"type\":\"commit\",\"turn\":3,\"owner\":%lld,\"what\":\"Lời hứa rút lại\"}",
      (long long) off);
  OK (w->secretariat, w->session, NULL, "{\"type\":\"uncommit\",\"commitment\":3}");

  OK (w->chair, w->session2, NULL, "{\"type\":\"open-item\",\"item\":%lld}",
      (long long) w->item2);
  OK (w->delegate_b, w->session2, "request",
      "{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\",\"to\":%lld}",
      (long long) w->item2, (long long) off);
  OK (w->chair, w->session2, "turn", "{\"type\":\"grant\",\"request\":1}");
  OK (w->chair, w->session2, NULL, "{\"type\":\"end\"}");
  OK (w->secretariat, w->session2, "commitment",
      "{\"type\":\"commit\",\"turn\":1,\"owner\":%lld,\"what\":\"" COMMIT_OTHER "\"}",
      (long long) w->b_id);
}

static GBytes *
get (ChamberClient *client, const char *path, guint *out_status, GError **error)
{
  return chamber_client_get_bytes (client, path, NULL, NULL, out_status, NULL, error);
}

static GBytes *
get_ok (ChamberClient *client, const char *format, ...) G_GNUC_PRINTF (2, 3);

static GBytes *
get_ok (ChamberClient *client, const char *format, ...)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  GBytes *bytes;
  va_list args;

  va_start (args, format);
  path = g_strdup_vprintf (format, args);
  va_end (args);
  bytes = get (client, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static JsonObject *
parse_json (GBytes *bytes)
{
  return chamber_test_parse_object (bytes);
}

/* ---- PDF ---------------------------------------------------------------------------------- */

/* Every page's text, NFC. */
static GPtrArray *
pdf_pages (GBytes *bytes)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) document = poppler_document_new_from_bytes (bytes, NULL, &error);
  GPtrArray *pages = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), >, 0);
  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_ptr_array_add (pages, g_utf8_normalize (text != NULL ? text : "", -1,
                                                G_NORMALIZE_NFC));
    }
  return pages;
}

/* The text of every page, without the footers ("Page N/M" in any language: the word before
 * the mark goes too), which poppler may read in the middle of the page's last line. */
static char *
joined (GPtrArray *pages)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *mark = g_strdup_printf ("%u/%u", i + 1, pages->len);
      GString *page = g_string_new (g_ptr_array_index (pages, i));
      const char *found = strstr (page->str, mark);

      if (found != NULL)
        {
          gssize end = found - page->str + strlen (mark);
          gssize start = found - page->str - 1;

          while (start > 0 && page->str[start - 1] != ' ' && page->str[start - 1] != '\n')
            start--;
          g_string_erase (page, MAX (start, 0), end - MAX (start, 0));
        }
      g_string_append_printf (all, "%s\n", page->str);
      g_string_free (page, TRUE);
    }
  return g_string_free (all, FALSE);
}

/* @text NFC with every run of white space (line breaks too) made one space. */
static char *
flatten (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  GString *flat = g_string_new (NULL);

  for (const char *p = nfc; *p != '\0'; p++)
    {
      gboolean space = *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t';

      if (!space)
        g_string_append_c (flat, *p);
      else if (flat->len > 0 && flat->str[flat->len - 1] != ' ')
        g_string_append_c (flat, ' ');
    }
  return g_string_free (flat, FALSE);
}

/* Whether @text holds @needle, white space read loosely. */
static gboolean
has_text (const char *text, const char *needle)
{
  g_autofree char *flat = flatten (text);
  g_autofree char *flat_needle = flatten (needle);

  return strstr (flat, flat_needle) != NULL;
}

static void
assert_page_numbers (GPtrArray *pages)
{
  for (guint i = 0; i < pages->len; i++)
    {
      g_autofree char *mark = g_strdup_printf ("%u/%u", i + 1, pages->len);

      g_assert_true (has_text (g_ptr_array_index (pages, i), mark));
    }
}

static void
test_minutes_pdf (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autofree char *text = NULL;

  record_sitting (w);
  /* A delegate may download the minutes too. */
  bytes = get_ok (w->delegate_a, "/api/v1/sessions/%lld/minutes?format=pdf",
                  (long long) w->session);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);
  pages = pdf_pages (bytes);
  text = joined (pages);
  g_assert_true (has_text (text, "Nguyễn Văn An"));
  g_assert_true (has_text (text, "Trần Thị Bình"));
  g_assert_true (has_text (text, "Lê Hữu Phước"));
  g_assert_true (has_text (text, "Giám đốc Sở Tài nguyên và Môi trường"));
  g_assert_true (has_text (text, "Tổ đại biểu số 1"));
  g_assert_true (has_text (text, "Kỳ họp thứ mười"));
  g_assert_true (has_text (text, "Chất vấn và trả lời chất vấn"));
  g_assert_true (has_text (text, "Cấp giấy chứng nhận quyền sử dụng đất"));
  g_assert_true (has_text (text, "12 cán bộ đo đạc"));
  g_assert_true (has_text (text, "1.250 hồ sơ"));
  g_assert_true (has_text (text, COMMIT_OPEN));
  g_assert_true (has_text (text, COMMIT_OVERDUE));
  /* Taken back in the sitting: not in the minutes. */
  g_assert_false (has_text (text, "Lời hứa rút lại"));
  /* The other session's commitment is not in this session's minutes. */
  g_assert_false (has_text (text, COMMIT_OTHER));
  assert_page_numbers (pages);

  /* A session without a sitting still has minutes, saying so. */
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_pointer (&pages, g_ptr_array_unref);
  bytes = get_ok (w->secretariat, "/api/v1/sessions/%lld/minutes", (long long) w->empty_session);
  pages = pdf_pages (bytes);
  g_assert_cmpuint (pages->len, ==, 1);
  g_assert_true (has_text (g_ptr_array_index (pages, 0), "Kỳ họp thứ mười hai"));
  g_assert_false (has_text (g_ptr_array_index (pages, 0), "Nguyễn Văn An"));
}

/* Many turns with long summaries: several pages, and every word of every summary is found
 * once — nothing cut or lost at a page break. */
static void
test_minutes_pdf_long (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) pages = NULL;
  g_autofree char *text = NULL;
  const int turns = 24;

  OK (w->chair, w->session, NULL, "{\"type\":\"settings\",\"speak_once\":false}");
  OK (w->chair, w->session, NULL, "{\"type\":\"open-item\",\"item\":%lld}", (long long) w->item);
  for (int i = 1; i <= turns; i++)
    {
      GString *summary = g_string_new (NULL);

      OK (w->chair, w->session, "request",
          "{\"type\":\"add\",\"person\":%lld,\"kind\":\"question\",\"to\":%lld}",
          (long long) (i % 2 ? w->a_id : w->b_id), (long long) w->official_id);
      OK (w->chair, w->session, "turn", "{\"type\":\"grant\",\"request\":%lld}",
          (long long) last_value);
      OK (w->chair, w->session, NULL, "{\"type\":\"end\"}");
      g_string_append_printf (summary, "Mởđầu%02d ", i);
      for (int k = 0; k < 12; k++)
        g_string_append (summary, "đại biểu đề nghị làm rõ trách nhiệm và tiến độ thực hiện, ");
      g_string_append_printf (summary, "Kếtthúc%02d.", i);
      OK (w->secretariat, w->session, NULL,
          "{\"type\":\"summary\",\"turn\":%d,\"text\":\"%s\"}", i, summary->str);
      g_string_free (summary, TRUE);
    }

  bytes = get_ok (w->secretariat, "/api/v1/sessions/%lld/minutes?format=pdf",
                  (long long) w->session);
  pages = pdf_pages (bytes);
  g_assert_cmpuint (pages->len, >=, 4);
  assert_page_numbers (pages);
  text = joined (pages);
  for (int i = 1; i <= turns; i++)
    {
      g_autofree char *start = g_strdup_printf ("Mởđầu%02d", i);
      g_autofree char *end = g_strdup_printf ("Kếtthúc%02d", i);
      const char *found = strstr (text, start);

      g_assert_nonnull (found);
      g_assert_null (strstr (found + 1, start));
      g_assert_nonnull (strstr (text, end));
    }
  /* 24 summaries of 12 clauses: the clause appears 288 times in all, none lost or doubled. */
  {
    g_autofree char *flat = flatten (text);
    guint count = 0;

    for (const char *p = flat; (p = strstr (p, "trách nhiệm và tiến độ")) != NULL; p++)
      count++;
    g_assert_cmpuint (count, ==, 12 * turns);
  }
}

/* ---- CSV and JSON ------------------------------------------------------------------------- */

/* RFC 4180: rows of fields; FALSE when the text is not well formed. */
static gboolean
parse_csv (const char *text, gsize len, GPtrArray **out_rows)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gsize i = 0;

  while (i < len)
    {
      if (text[i] == '"')
        {
          for (i++;; i++)
            {
              if (i >= len)
                goto broken;
              if (text[i] == '"')
                {
                  if (i + 1 < len && text[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i++;
                      continue;
                    }
                  i++;
                  break;
                }
              g_string_append_c (field, text[i]);
            }
        }
      else
        while (i < len && text[i] != ',' && text[i] != '\r')
          g_string_append_c (field, text[i++]);
      g_ptr_array_add (row, g_string_free (field, FALSE));
      field = g_string_new (NULL);
      if (i < len && text[i] == ',')
        i++;
      else if (i + 1 < len && text[i] == '\r' && text[i + 1] == '\n')
        {
          i += 2;
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        goto broken;
    }
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);
  *out_rows = g_steal_pointer (&rows);
  return TRUE;

broken:
  g_string_free (field, TRUE);
  g_ptr_array_unref (row);
  return FALSE;
}

static GPtrArray *
csv_rows (GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  GPtrArray *rows = NULL;

  g_assert_cmpuint (len, >=, 3);
  g_assert_cmpmem (data, 3, "\xEF\xBB\xBF", 3);
  g_assert_true (g_utf8_validate (data + 3, len - 3, NULL));
  g_assert_true (parse_csv (data + 3, len - 3, &rows));
  return rows;
}

static void
test_minutes_csv (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  GPtrArray *row;

  record_sitting (w);
  bytes = get_ok (w->official, "/api/v1/sessions/%lld/minutes?format=csv",
                  (long long) w->session);
  rows = csv_rows (bytes);
  /* The header and four turns. */
  g_assert_cmpuint (rows->len, ==, 5);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==, 15);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (g_ptr_array_index (row, 1), ==, "1");
  g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "Nguyễn Văn An");
  g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "Tổ đại biểu số 1");
  g_assert_cmpstr (g_ptr_array_index (row, 13), ==, SUMMARY_1);
  row = g_ptr_array_index (rows, 3);
  g_assert_cmpstr (g_ptr_array_index (row, 5), ==, "Lê Hữu Phước");
  g_assert_cmpstr (g_ptr_array_index (row, 9), ==, "1, 2");
  /* Two commitments in one cell, one a line. */
  g_assert_nonnull (strstr (g_ptr_array_index (row, 14), COMMIT_OVERDUE));
  g_assert_nonnull (strstr (g_ptr_array_index (row, 14), "\n"));
  g_assert_nonnull (strstr (g_ptr_array_index (row, 14), COMMIT_OPEN));
}

/* A hostile summary: quotes, commas, line breaks and a spreadsheet formula stay one cell, and
 * the formula is written as text. */
static void
test_minutes_csv_hostile (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  GPtrArray *row;

  OK (w->chair, w->session, NULL, "{\"type\":\"open-item\",\"item\":%lld}", (long long) w->item);
  OK (w->delegate_a, w->session, "request",
      "{\"type\":\"request\",\"item\":%lld,\"kind\":\"discussion\","
      "\"topic\":\"=HYPERLINK(\\\"http://x\\\")\"}", (long long) w->item);
  OK (w->chair, w->session, "turn", "{\"type\":\"grant\",\"request\":1}");
  OK (w->chair, w->session, NULL, "{\"type\":\"end\"}");
  OK (w->secretariat, w->session, NULL,
      "{\"type\":\"summary\",\"turn\":1,\"text\":\"a \\\"quoted\\\", b\\r\\nc <b>&amp;\"}");
  bytes = get_ok (w->secretariat, "/api/v1/sessions/%lld/minutes?format=csv",
                  (long long) w->session);
  rows = csv_rows (bytes);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (row->len, ==, 15);
  g_assert_cmpstr (g_ptr_array_index (row, 10), ==, "'=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (g_ptr_array_index (row, 13), ==, "a \"quoted\", b\r\nc <b>&amp;");

  /* The same markup-like text does not break the PDF's layout. */
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = get_ok (w->secretariat, "/api/v1/sessions/%lld/minutes", (long long) w->session);
  {
    g_autoptr (GPtrArray) pages = pdf_pages (bytes);
    g_autofree char *text = joined (pages);

    g_assert_true (has_text (text, "c <b>&amp;"));
  }
}

static gint64
turn_used_ms (JsonObject *turn)
{
  JsonArray *pauses = json_object_get_array_member (turn, "pauses");
  gint64 used = json_object_get_int_member (turn, "ended_at")
                - json_object_get_int_member (turn, "started_at");

  for (guint i = 0; i < json_array_get_length (pauses); i++)
    {
      JsonObject *pause = json_array_get_object_element (pauses, i);

      used -= json_object_get_int_member (pause, "to") - json_object_get_int_member (pause, "from");
    }
  return used;
}

static JsonObject *
find_person_entry (JsonArray *entries, gint64 id)
{
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (json_object_get_int_member (json_object_get_object_member (entry, "person"), "id") == id)
        return entry;
    }
  g_error ("person %lld is not in the statistics", (long long) id);
}

static void
test_minutes_json_statistics (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GBytes) live_bytes = NULL;
  g_autoptr (JsonObject) minutes = NULL;
  g_autoptr (JsonObject) live = NULL;
  JsonObject *stats, *a, *b, *official, *group;
  JsonArray *turns, *groups;
  gint64 used[5] = { 0 };

  record_sitting (w);
  bytes = get_ok (w->secretariat, "/api/v1/sessions/%lld/minutes?format=json",
                  (long long) w->session);
  minutes = parse_json (bytes);
  live_bytes = get_ok (w->secretariat, "/api/v1/sessions/%lld/live", (long long) w->session);
  live = parse_json (live_bytes);

  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (minutes, "session"),
                                               "number"), ==, 10);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (minutes, "items")), ==, 1);
  turns = json_object_get_array_member (
    json_array_get_object_element (json_object_get_array_member (minutes, "items"), 0), "turns");
  g_assert_cmpuint (json_array_get_length (turns), ==, 4);

  /* The time of each turn, from the live state's own record of it. */
  {
    JsonArray *live_turns = json_object_get_array_member (
      json_array_get_object_element (
        json_object_get_array_member (json_object_get_object_member (live, "live"), "items"), 0),
      "turns");

    g_assert_cmpuint (json_array_get_length (live_turns), ==, 4);
    for (guint i = 0; i < 4; i++)
      used[i + 1] = turn_used_ms (json_array_get_object_element (live_turns, i));
    /* The first turn was paused: its pause is not counted. */
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_array_get_object_element (live_turns, 0), "pauses")), ==, 1);
  }

  stats = json_object_get_object_member (minutes, "statistics");
  g_assert_cmpint (json_object_get_int_member (stats, "turns"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (stats, "total_ms"), ==,
                   used[1] + used[2] + used[3] + used[4]);
  a = find_person_entry (json_object_get_array_member (stats, "delegates"), w->a_id);
  b = find_person_entry (json_object_get_array_member (stats, "delegates"), w->b_id);
  g_assert_cmpint (json_object_get_int_member (a, "questions"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (a, "debates"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (a, "speaking_ms"), ==, used[1] + used[4]);
  g_assert_cmpint (json_object_get_int_member (b, "questions"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (b, "debates"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (b, "speaking_ms"), ==, used[2]);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (stats, "delegates")),
                    ==, 2);
  official = find_person_entry (json_object_get_array_member (stats, "respondents"),
                                w->official_id);
  g_assert_cmpint (json_object_get_int_member (official, "questions_received"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (official, "answers"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (official, "answer_ms"), ==, used[3]);
  groups = json_object_get_array_member (stats, "groups");
  g_assert_cmpuint (json_array_get_length (groups), ==, 2);
  group = json_array_get_object_element (groups, 0);
  g_assert_cmpstr (json_object_get_string_member (group, "name"), ==, "Tổ đại biểu số 1");
  g_assert_cmpint (json_object_get_int_member (group, "delegates"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (group, "questions"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (group, "debates"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (group, "speaking_ms"), ==, used[1] + used[4]);
}

static void
expect_status (ChamberClient *client, const char *path, guint expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  guint status = 0;

  bytes = get (client, path, &status, &error);
  g_assert_null (bytes);
  g_assert_nonnull (error);
  g_assert_cmpuint (status, ==, expected);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_minutes_refused (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberClient) anonymous = chamber_client_new (w->server->url, NULL, &error);
  g_autofree char *long_query = NULL;
  g_autofree char *path = NULL;

  g_assert_no_error (error);
  path = g_strdup_printf ("/api/v1/sessions/%lld/minutes?format=xml", (long long) w->session);
  expect_status (w->secretariat, path, 400);
  g_free (path);
  path = g_strdup_printf ("/api/v1/sessions/%lld/minutes?format=PDF", (long long) w->session);
  expect_status (w->secretariat, path, 400);
  g_free (path);
  path = g_strdup_printf ("/api/v1/sessions/%lld/minutes?format=%%00pdf", (long long) w->session);
  expect_status (w->secretariat, path, 400);
  expect_status (w->secretariat, "/api/v1/sessions/999999/minutes", 404);
  expect_status (w->secretariat, "/api/v1/sessions/0/minutes", 404);
  expect_status (w->secretariat, "/api/v1/sessions/..%2F..%2Fetc/minutes", 404);
  g_free (path);
  path = g_strdup_printf ("/api/v1/sessions/%lld/minutes", (long long) w->session);
  expect_status (anonymous, path, 401);
  {
    g_autofree char *long_format = g_strnfill (4000, 'p');

    long_query = g_strdup_printf ("/api/v1/sessions/%lld/minutes?format=%s",
                                  (long long) w->session, long_format);
  }
  expect_status (w->secretariat, long_query, 400);
  /* Writing to the minutes is not a thing. */
  {
    g_autoptr (JsonNode) body = json_from_string ("{}", NULL);
    g_autoptr (JsonNode) answer = NULL;
    guint status = 0;

    g_clear_error (&error);
    answer = chamber_client_request_json (w->secretariat, "POST", path, body, &status, NULL,
                                          &error);
    g_assert_null (answer);
    g_assert_cmpuint (status, ==, 405);
  }
}

/* ---- The commitments register ------------------------------------------------------------- */

static JsonArray *
list_commitments (ChamberClient *client, const char *query, JsonObject **out_holder)
{
  g_autoptr (GBytes) bytes = get_ok (client, "/api/v1/commitments%s", query);
  JsonObject *object = parse_json (bytes);

  *out_holder = object;
  return json_object_get_array_member (object, "commitments");
}

static JsonObject *
find_commitment (JsonArray *list, const char *what)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *c = json_array_get_object_element (list, i);

      if (g_strcmp0 (json_object_get_string_member (c, "what"), what) == 0)
        return c;
    }
  return NULL;
}

static guint
count (ChamberClient *client, const char *query)
{
  g_autoptr (JsonObject) holder = NULL;
  JsonArray *list = list_commitments (client, query, &holder);

  return json_array_get_length (list);
}

static JsonNode *
put_commitment (ChamberClient *client, gint64 id, const char *json, guint *out_status,
                GError **error)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/commitments/%lld", (long long) id);
  g_autoptr (JsonNode) body = json_from_string (json, NULL);

  g_assert_nonnull (body);
  return chamber_client_request_json (client, "PUT", path, body, out_status, NULL, error);
}

static void
put_refused (ChamberClient *client, gint64 id, const char *json, guint expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;
  guint status = 0;

  answer = put_commitment (client, id, json, &status, &error);
  g_assert_null (answer);
  g_assert_nonnull (error);
  g_assert_cmpuint (status, ==, expected);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

static void
test_commitments_register (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (JsonObject) holder = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;
  g_autofree char *query = NULL;
  JsonArray *list;
  JsonObject *overdue, *open, *other, *changed;
  gint64 overdue_id, open_id;

  g_assert_cmpuint (count (w->secretariat, ""), ==, 0);
  record_sitting (w);

  /* Every role reads the register; the taken-back commitment is not in it. */
  list = list_commitments (w->delegate_a, "", &holder);
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  g_assert_null (find_commitment (list, "Lời hứa rút lại"));
  overdue = find_commitment (list, COMMIT_OVERDUE);
  open = find_commitment (list, COMMIT_OPEN);
  other = find_commitment (list, COMMIT_OTHER);
  g_assert_nonnull (overdue);
  g_assert_nonnull (open);
  g_assert_nonnull (other);
  overdue_id = json_object_get_int_member (overdue, "id");
  open_id = json_object_get_int_member (open, "id");
  g_assert_cmpint (overdue_id, !=, open_id);
  g_assert_cmpstr (json_object_get_string_member (overdue, "status"), ==, "overdue");
  g_assert_cmpstr (json_object_get_string_member (open, "status"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (other, "status"), ==, "open");
  g_assert_cmpint (json_object_get_int_member (overdue, "turn"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (overdue, "turn_kind"), ==, "answer");
  g_assert_cmpstr (json_object_get_string_member (overdue, "due"), ==, "2020-01-15");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (overdue, "session"),
                                               "id"), ==, w->session);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (overdue,
                                                                                 "owner"),
                                                  "name"), ==, "Lê Hữu Phước");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (other, "session"),
                                               "id"), ==, w->session2);

  /* Filters. */
  g_assert_cmpuint (count (w->official, "?status=overdue"), ==, 1);
  g_assert_cmpuint (count (w->official, "?status=open"), ==, 2);
  g_assert_cmpuint (count (w->official, "?status=done"), ==, 0);
  g_free (query);
  query = g_strdup_printf ("?owner=%lld", (long long) w->official_id);
  g_assert_cmpuint (count (w->chair, query), ==, 2);
  g_free (query);
  query = g_strdup_printf ("?owner=%lld&session=%lld", (long long) w->b_id,
                           (long long) w->session2);
  g_assert_cmpuint (count (w->chair, query), ==, 1);
  g_free (query);
  query = g_strdup_printf ("?session=%lld&status=open", (long long) w->session);
  g_assert_cmpuint (count (w->chair, query), ==, 1);
  g_free (query);
  query = g_strdup_printf ("?session=%lld", (long long) w->empty_session);
  g_assert_cmpuint (count (w->chair, query), ==, 0);

  /* Only the secretariat (and admins) record the follow-up. */
  put_refused (w->delegate_a, overdue_id, "{\"status\":\"done\"}", 403);
  put_refused (w->chair, overdue_id, "{\"status\":\"done\"}", 403);
  put_refused (w->official, overdue_id, "{\"status\":\"done\"}", 403);
  g_assert_cmpuint (count (w->official, "?status=done"), ==, 0);

  answer = put_commitment (w->secretariat, overdue_id,
                           "{\"status\":\"done\",\"note\":\"Đã nhận báo cáo số 12/BC-STNMT\"}",
                           NULL, &error);
  g_assert_no_error (error);
  changed = json_object_get_object_member (json_node_get_object (answer), "commitment");
  g_assert_cmpstr (json_object_get_string_member (changed, "status"), ==, "done");
  g_assert_cmpstr (json_object_get_string_member (changed, "note"), ==,
                   "Đã nhận báo cáo số 12/BC-STNMT");
  g_assert_cmpint (json_object_get_int_member (changed, "updated_by"), ==, w->secretariat_id);
  g_assert_cmpuint (count (w->official, "?status=overdue"), ==, 0);
  g_assert_cmpuint (count (w->official, "?status=done"), ==, 1);

  /* Kept across a restart of chamberd. */
  chamber_test_server_restart (w->server);
  {
    g_autoptr (ChamberClient) again = chamber_client_new (w->server->url, w->secretariat_token,
                                                          &error);
    g_autoptr (JsonObject) holder2 = NULL;
    JsonArray *after;

    g_assert_no_error (error);
    after = list_commitments (again, "?status=done", &holder2);
    g_assert_cmpuint (json_array_get_length (after), ==, 1);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (after, 0), "id"),
                     ==, overdue_id);

    /* Open again: the deadline has passed, so it is overdue again; the note may be cleared. */
    g_clear_pointer (&answer, json_node_unref);
    answer = put_commitment (again, overdue_id, "{\"status\":\"open\",\"note\":null}", NULL,
                             &error);
    g_assert_no_error (error);
    changed = json_object_get_object_member (json_node_get_object (answer), "commitment");
    g_assert_cmpstr (json_object_get_string_member (changed, "status"), ==, "overdue");
    g_assert_true (json_object_get_null_member (changed, "note"));
  }
}

static void
test_commitments_refused (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (JsonObject) holder = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberClient) secretariat = NULL;
  g_autofree char *long_note = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = NULL;
  JsonArray *list;
  gint64 id;

  record_sitting (w);
  list = list_commitments (w->secretariat, "?status=open", &holder);
  id = json_object_get_int_member (json_array_get_object_element (list, 0), "id");
  secretariat = chamber_client_new (w->server->url, w->secretariat_token, &error);
  g_assert_no_error (error);

  /* Broken queries. */
  expect_status (w->secretariat, "/api/v1/commitments?status=late", 400);
  expect_status (w->secretariat, "/api/v1/commitments?status=OPEN", 400);
  expect_status (w->secretariat, "/api/v1/commitments?owner=abc", 400);
  expect_status (w->secretariat, "/api/v1/commitments?owner=-1", 400);
  expect_status (w->secretariat, "/api/v1/commitments?session=0", 400);
  expect_status (w->secretariat, "/api/v1/commitments?session=99999", 404);
  expect_status (w->secretariat, "/api/v1/commitments?format=xml", 400);
  expect_status (w->secretariat, "/api/v1/commitments?session=1%00", 400);

  /* Broken, hostile and oversized updates, each refusing without changing anything. */
  put_refused (w->secretariat, id, "{\"status\":\"overdue\"}", 400);
  put_refused (w->secretariat, id, "{\"status\":\"finished\"}", 400);
  put_refused (w->secretariat, id, "{\"status\":1}", 400);
  put_refused (w->secretariat, id, "{\"note\":\"x\"}", 400);
  put_refused (w->secretariat, id, "[\"done\"]", 400);
  put_refused (w->secretariat, id, "{\"status\":\"done\",\"note\":42}", 400);
  long_note = g_strnfill (5000, 'x');
  json = g_strdup_printf ("{\"status\":\"done\",\"note\":\"%s\"}", long_note);
  put_refused (w->secretariat, id, json, 400);
  g_free (json);
  {
    g_autofree char *huge = g_strnfill (2 << 20, 'y');

    json = g_strdup_printf ("{\"status\":\"done\",\"note\":\"%s\"}", huge);
  }
  put_refused (w->secretariat, id, json, 413);
  /* Unknown ids: none, a live event that is not a commitment, a taken-back commitment. */
  put_refused (w->secretariat, 999999, "{\"status\":\"done\"}", 404);
  put_refused (w->secretariat, 1, "{\"status\":\"done\"}", 404);
  g_assert_cmpuint (count (w->secretariat, "?status=done"), ==, 0);
  g_assert_cmpuint (count (w->secretariat, ""), ==, 3);

  /* Not JSON at all. */
  path = g_strdup_printf ("/api/v1/commitments/%lld", (long long) id);
  {
    g_autoptr (SoupSession) soup = soup_session_new ();
    g_autofree char *uri = chamber_client_build_uri (w->secretariat, path);
    g_autoptr (SoupMessage) msg = soup_message_new ("PUT", uri);
    g_autoptr (GBytes) body = g_bytes_new_static ("status=done", 11);
    g_autoptr (GBytes) reply = NULL;

    chamber_client_authorize (w->secretariat, msg);
    soup_message_set_request_body_from_bytes (msg, "application/json", body);
    reply = soup_session_send_and_read (soup, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 400);
  }
  g_assert_cmpuint (count (w->secretariat, "?status=done"), ==, 0);

  /* CSV of the register: a byte order mark, a header and one row per commitment. */
  {
    g_autoptr (GBytes) csv = get_ok (w->official, "/api/v1/commitments?format=csv");
    g_autoptr (GPtrArray) rows = csv_rows (csv);

    g_assert_cmpuint (rows->len, ==, 4);
    for (guint i = 0; i < rows->len; i++)
      g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, i))->len, ==, 10);
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/minutes/pdf", test_minutes_pdf);
  g_test_add_func ("/minutes/pdf-long", test_minutes_pdf_long);
  g_test_add_func ("/minutes/csv", test_minutes_csv);
  g_test_add_func ("/minutes/csv-hostile", test_minutes_csv_hostile);
  g_test_add_func ("/minutes/json-statistics", test_minutes_json_statistics);
  g_test_add_func ("/minutes/refused", test_minutes_refused);
  g_test_add_func ("/commitments/register", test_commitments_register);
  g_test_add_func ("/commitments/refused", test_commitments_refused);
  return g_test_run ();
}
