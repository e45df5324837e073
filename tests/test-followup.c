/* test-followup.c — the commitments follow-up between sessions (issue 9) against a real
 * chamberd: commitments recorded through the live channel's commands, then the reminders
 * (due_within) at their boundaries, judged on today's date in Asia/Ho_Chi_Minh as this test
 * computes it for itself; status updates with their history, a note and evidence (a real PNG
 * and a real PDF, fetched back byte for byte); every refused evidence (empty, not an image nor a
 * PDF, damaged, encrypted, truncated, too many pixels, too large) refused with nothing kept;
 * roles; and the follow-up item carried into a new session's agenda once — its PDF opened with
 * poppler and holding the open commitments and not the done one — on creation and on demand,
 * idempotent across a restart. Also the day and date arithmetic of chamber-followup.h at the
 * time zone's boundaries. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <poppler.h>
#include <string.h>

#include "chamber-client.h"
#include "chamber-commitments.h"
#include "chamber-followup.h"
#include "chamber-pdf.h"
#include "chamber-protocol.h"
#include "chamber-test-util.h"

#define TITLE_EN "Follow-up of commitments made at earlier sessions"
#define TITLE_VI "Theo dõi việc thực hiện cam kết tại kỳ họp trước"

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *admin;
  ChamberClient     *chair;
  ChamberClient     *secretariat;
  ChamberClient     *delegate;
  char              *secretariat_token;
  char              *delegate_token;
  char              *dir;
  gint64             session, item, official_id, delegate_id;
  gint64             c_yesterday, c_today, c_14, c_15, c_none;  /* register ids */
  char              *today, *yesterday, *in_14, *in_15;
} World;

static gint64
add_person (World *w, const char *name, ChamberRole role, const char *title,
            ChamberClient **out_client, char **out_token)
{
  return chamber_test_add_person (w->server, w->admin, name, role, NULL, title, out_client,
                                  out_token);
}

static gint64
add_session (ChamberClient *admin, int number, const char *title)
{
  return chamber_test_add_session (admin, number, title, "2026-12-08", NULL);
}

/* Today in Asia/Ho_Chi_Minh, computed here without the code under test, moved by @days. */
static char *
vietnam_day (int days)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr (GDateTime) now = NULL;
  g_autoptr (GDateTime) moved = NULL;

  g_assert_nonnull (zone);
  now = g_date_time_new_now (zone);
  moved = g_date_time_add_days (now, days);
  return g_date_time_format (moved, "%Y-%m-%d");
}

/* The register id of commitment @commitment of session @session (the `commit` event's row),
 * found through the register's JSON. */
static gint64
register_id (World *w, gint64 commitment);

/* An HTTP request with @token; returns the body and the status. */
static GBytes *
http (World *w, const char *token, const char *method, const char *path, GBytes *body,
      guint *out_status)
{
  return chamber_test_http (w->server, token, method, path, body, "application/octet-stream",
                            out_status);
}

static JsonObject *
parse (GBytes *bytes)
{
  return chamber_test_parse_object (bytes);
}

static JsonObject *
get_json (World *w, const char *token, const char *path)
{
  guint status = 0;
  g_autoptr (GBytes) bytes = http (w, token, "GET", path, NULL, &status);

  if (status != 200)
    g_error ("GET %s: %u %.*s", path, status, (int) g_bytes_get_size (bytes),
             (const char *) g_bytes_get_data (bytes, NULL));
  return parse (bytes);
}

static gint64
register_id (World *w, gint64 commitment)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/commitments?session=%lld",
                                           (long long) w->session);
  g_autoptr (JsonObject) answer = get_json (w, w->server->admin_token, path);
  JsonArray *list = json_object_get_array_member (answer, "commitments");

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *c = json_array_get_object_element (list, i);

      if (json_object_get_int_member (c, "commitment") == commitment)
        return json_object_get_int_member (c, "id");
    }
  g_error ("commitment %lld not in the register", (long long) commitment);
  return 0;
}

static World *
world_new (void)
{
  g_autoptr (GError) error = NULL;
  World *w = g_new0 (World, 1);
  gint64 turn;

  w->server = chamber_test_server_start ();
  w->dir = chamber_test_make_temp_dir ("chamber-followup-XXXXXX");
  w->admin = chamber_client_new (w->server->url, w->server->admin_token, &error);
  g_assert_no_error (error);
  w->today = vietnam_day (0);
  w->yesterday = vietnam_day (-1);
  w->in_14 = vietnam_day (14);
  w->in_15 = vietnam_day (15);

  w->session = add_session (w->admin, 7, "Kỳ họp thứ bảy");
  w->item = chamber_test_add_item (w->admin, w->session, "Chất vấn và trả lời chất vấn");
  add_person (w, "Chủ tọa", CHAMBER_ROLE_CHAIR, NULL, &w->chair, NULL);
  add_person (w, "Văn phòng HĐND", CHAMBER_ROLE_SECRETARIAT, NULL, &w->secretariat,
              &w->secretariat_token);
  w->delegate_id = add_person (w, "Nguyễn Thị Lan", CHAMBER_ROLE_DELEGATE, NULL, &w->delegate,
                               &w->delegate_token);
  w->official_id = add_person (w, "Phạm Quốc Hùng", CHAMBER_ROLE_OFFICIAL,
                               "Giám đốc Sở Giao thông vận tải", NULL, NULL);

  /* A question, its answer, and five commitments made in the answer. */
  json_object_unref (chamber_test_live_ok (w->chair, w->session,
                                           "{\"type\":\"open-item\",\"item\":%lld}",
                                           (long long) w->item));
  json_object_unref (chamber_test_live_ok (w->delegate, w->session,
                                           "{\"type\":\"request\",\"item\":%lld,"
                                           "\"kind\":\"question\",\"to\":%lld,"
                                           "\"topic\":\"Đường tỉnh 765 xuống cấp\"}",
                                           (long long) w->item, (long long) w->official_id));
  json_object_unref (chamber_test_live_ok (w->chair, w->session,
                                           "{\"type\":\"grant\",\"request\":1}"));
  json_object_unref (chamber_test_live_ok (w->chair, w->session, "{\"type\":\"end\"}"));
  {
    g_autoptr (JsonObject) answer = chamber_test_live_ok (w->chair, w->session,
                                                          "{\"type\":\"answer\",\"turn\":1}");

    turn = json_object_get_int_member (answer, "turn");
  }
  json_object_unref (chamber_test_live_ok (w->chair, w->session, "{\"type\":\"end\"}"));
  {
    JsonObject *e;
    gint64 ids[5];
    const char *whats[5] = {
      "Sửa chữa 12 km mặt đường", "Lắp đèn tín hiệu nút giao Tân Phong",
      "Báo cáo tiến độ dự án cầu Rạch Cát", "Công bố quy hoạch bến xe phía Nam",
      "Rà soát biển báo trên tuyến ĐT 768",
    };
    const char *dues[5] = { w->yesterday, w->today, w->in_14, w->in_15, NULL };

    for (int i = 0; i < 5; i++)
      {
        e = chamber_test_live_ok (w->secretariat, w->session,
                                  "{\"type\":\"commit\",\"turn\":%lld,\"owner\":%lld,"
                                  "\"what\":\"%s\"%s%s%s}",
                                  (long long) turn, (long long) w->official_id, whats[i],
                                  dues[i] != NULL ? ",\"due\":\"" : "",
                                  dues[i] != NULL ? dues[i] : "", dues[i] != NULL ? "\"" : "");
        ids[i] = json_object_get_int_member (e, "commitment");
        json_object_unref (e);
      }
    w->c_yesterday = register_id (w, ids[0]);
    w->c_today = register_id (w, ids[1]);
    w->c_14 = register_id (w, ids[2]);
    w->c_15 = register_id (w, ids[3]);
    w->c_none = register_id (w, ids[4]);
  }
  return w;
}

static void
world_free (World *w)
{
  g_clear_object (&w->admin);
  g_clear_object (&w->chair);
  g_clear_object (&w->secretariat);
  g_clear_object (&w->delegate);
  g_free (w->secretariat_token);
  g_free (w->delegate_token);
  g_free (w->today);
  g_free (w->yesterday);
  g_free (w->in_14);
  g_free (w->in_15);
  chamber_test_rm_rf (w->dir);
  g_free (w->dir);
  chamber_test_server_free (w->server);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (World, world_free)

/* The ids of the reminders within @days, in order, as "id:status:days_left,…". */
static char *
due_list (World *w, const char *token, int days)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/commitments?due_within=%d", days);
  g_autoptr (JsonObject) answer = get_json (w, token, path);
  JsonArray *list = json_object_get_array_member (answer, "commitments");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *c = json_array_get_object_element (list, i);

      g_string_append_printf (out, "%s%lld:%s:%lld", i > 0 ? "," : "",
                              (long long) json_object_get_int_member (c, "id"),
                              json_object_get_string_member (c, "status"),
                              (long long) json_object_get_int_member (c, "days_left"));
    }
  return g_string_free (out, FALSE);
}

static void
test_due_boundaries (void)
{
  g_autoptr (World) w = world_new ();
  g_autofree char *within_14 = NULL, *within_0 = NULL, *within_15 = NULL, *expected = NULL;
  const char *bad[] = { "-1", "abc", "3661", "", "1e3", "14%00", "99999999999999999999" };

  /* Default window: overdue (yesterday), today, today + 14; not today + 15 nor no deadline. */
  within_14 = due_list (w, w->delegate_token, 14);
  expected = g_strdup_printf ("%lld:overdue:-1,%lld:open:0,%lld:open:14",
                              (long long) w->c_yesterday, (long long) w->c_today,
                              (long long) w->c_14);
  g_assert_cmpstr (within_14, ==, expected);
  g_clear_pointer (&expected, g_free);

  within_0 = due_list (w, w->delegate_token, 0);
  expected = g_strdup_printf ("%lld:overdue:-1,%lld:open:0", (long long) w->c_yesterday,
                              (long long) w->c_today);
  g_assert_cmpstr (within_0, ==, expected);
  g_clear_pointer (&expected, g_free);

  within_15 = due_list (w, w->delegate_token, 15);
  expected = g_strdup_printf ("%lld:overdue:-1,%lld:open:0,%lld:open:14,%lld:open:15",
                              (long long) w->c_yesterday, (long long) w->c_today,
                              (long long) w->c_14, (long long) w->c_15);
  g_assert_cmpstr (within_15, ==, expected);

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/commitments?due_within=%s", bad[i]);
      guint status = 0;
      g_autoptr (GBytes) body = http (w, w->delegate_token, "GET", path, NULL, &status);

      g_assert_cmpuint (status, ==, 400);
    }
}

static void
test_day_arithmetic (void)
{
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL, *f = NULL;

  /* 2026-11-26T16:59:59.999Z is 23:59:59.999 in Hà Nội; a millisecond later it is the 27th. */
  a = chamber_commitments_day_of (G_GINT64_CONSTANT (1795712399999));
  b = chamber_commitments_day_of (G_GINT64_CONSTANT (1795712400000));
  g_assert_cmpstr (a, ==, "2026-11-26");
  g_assert_cmpstr (b, ==, "2026-11-27");
  c = chamber_followup_add_days ("2028-02-28", 1);
  d = chamber_followup_add_days ("2027-02-28", 1);
  e = chamber_followup_add_days ("2027-01-01", -1);
  f = chamber_followup_add_days ("2027-02-30", 1);
  g_assert_cmpstr (c, ==, "2028-02-29");
  g_assert_cmpstr (d, ==, "2027-03-01");
  g_assert_cmpstr (e, ==, "2026-12-31");
  g_assert_null (f);
  g_assert_cmpint (chamber_followup_days_until ("2026-12-31", "2027-01-14"), ==, 14);
  g_assert_cmpint (chamber_followup_days_until ("2027-01-14", "2026-12-31"), ==, -14);
  g_assert_cmpint (chamber_followup_days_until ("2026-12-31", "2026-13-01"), ==, G_MININT);
}

static GBytes *
png_bytes (int width, int height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  g_autofree char *path = NULL;
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-png-XXXXXX");
  char *contents = NULL;
  gsize size = 0;
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  path = g_build_filename (dir, "photo.png", NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  chamber_test_rm_rf (dir);
  return g_bytes_new_take (contents, size);
}

static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize size = 0;

  g_assert_true (g_file_get_contents (path, &contents, &size, NULL));
  return g_bytes_new_take (contents, size);
}

/* Files in the server's blob store (its tmp folder apart). */
static guint
count_blobs (World *w, gboolean tmp)
{
  g_autofree char *root = g_build_filename (w->server->data_dir, "blobs", NULL);
  g_autoptr (GDir) dir = g_dir_open (root, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *sub = g_build_filename (root, name, NULL);
      g_autoptr (GDir) inner = NULL;

      if (g_str_equal (name, "tmp") != tmp || !g_file_test (sub, G_FILE_TEST_IS_DIR))
        continue;
      inner = g_dir_open (sub, 0, NULL);
      while (inner != NULL && g_dir_read_name (inner) != NULL)
        n++;
    }
  return n;
}

static guint
history_length (World *w, gint64 id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/commitments/%lld/updates", (long long) id);
  g_autoptr (JsonObject) answer = get_json (w, w->delegate_token, path);

  return json_array_get_length (json_object_get_array_member (answer, "updates"));
}

static void
test_updates_and_evidence (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GBytes) png = png_bytes (64, 48);
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autofree char *path = NULL, *sha = NULL, *pdf_path = NULL;
  g_autoptr (GBytes) pdf = NULL;
  JsonObject *update, *commitment, *evidence;
  guint status = 0, blobs_before;

  /* PUT in-progress with a note: the first update; the commitment is in progress. */
  {
    g_autoptr (JsonNode) body = json_from_string ("{\"status\":\"in-progress\","
                                                  "\"note\":\"Đã khởi công 3 km\"}", NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (JsonNode) put = NULL;

    path = g_strdup_printf ("/api/v1/commitments/%lld", (long long) w->c_today);
    put = chamber_client_request_json (w->secretariat, "PUT", path, body, NULL, NULL, &error);
    g_assert_no_error (error);
    commitment = json_object_get_object_member (json_node_get_object (put), "commitment");
    g_assert_cmpstr (json_object_get_string_member (commitment, "status"), ==, "in-progress");
    g_assert_cmpstr (json_object_get_string_member (commitment, "progress"), ==, "in-progress");
    g_assert_cmpstr (json_object_get_string_member (commitment, "note"), ==, "Đã khởi công 3 km");
    g_clear_pointer (&path, g_free);
  }

  /* POST with a PNG as evidence. */
  path = g_strdup_printf ("/api/v1/commitments/%lld/updates?status=in-progress&evidence=1"
                          "&note=%%E1%%BA%%A2nh%%20hi%%E1%%BB%%87n%%20tr%%C6%%B0%%E1%%BB%%9Dng",
                          (long long) w->c_today);
  answer = http (w, w->secretariat_token, "POST", path, png, &status);
  g_assert_cmpuint (status, ==, 201);
  object = parse (answer);
  update = json_object_get_object_member (object, "update");
  evidence = json_object_get_object_member (update, "evidence");
  sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  g_assert_cmpstr (json_object_get_string_member (evidence, "sha256"), ==, sha);
  g_assert_cmpstr (json_object_get_string_member (evidence, "type"), ==, "image/png");
  g_assert_cmpint (json_object_get_int_member (evidence, "bytes"), ==, g_bytes_get_size (png));
  g_assert_cmpstr (json_object_get_string_member (update, "note"), ==, "Ảnh hiện trường");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (update, "by"),
                                                  "name"),
                   ==, "Văn phòng HĐND");
  {
    g_autofree char *evidence_path =
      g_strdup_printf ("/api/v1/commitment-updates/%lld/evidence",
                       (long long) json_object_get_int_member (update, "id"));
    g_autoptr (GBytes) back = http (w, w->delegate_token, "GET", evidence_path, NULL, &status);

    g_assert_cmpuint (status, ==, 200);
    g_assert_true (g_bytes_equal (back, png));
  }
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&answer, g_bytes_unref);
  g_clear_pointer (&object, json_object_unref);

  /* A real PDF as evidence, marking it done: it leaves the reminders. */
  pdf_path = g_build_filename (w->dir, "bien-ban-nghiem-thu.pdf", NULL);
  chamber_test_write_pdf (pdf_path, 2, "Biên bản nghiệm thu");
  pdf = file_bytes (pdf_path);
  path = g_strdup_printf ("/api/v1/commitments/%lld/updates?status=done", (long long) w->c_today);
  answer = http (w, w->secretariat_token, "POST", path, pdf, &status);
  g_assert_cmpuint (status, ==, 201);
  object = parse (answer);
  commitment = json_object_get_object_member (object, "commitment");
  g_assert_cmpstr (json_object_get_string_member (commitment, "status"), ==, "done");
  g_assert_cmpint (json_object_get_int_member (commitment, "updates"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_object_get_object_member (object,
                                                                                   "update"),
                                                    "evidence"),
                     "type"),
                   ==, "application/pdf");
  g_assert_cmpuint (history_length (w, w->c_today), ==, 3);
  {
    g_autofree char *list = due_list (w, w->delegate_token, 14);
    g_autofree char *expected = g_strdup_printf ("%lld:overdue:-1,%lld:open:14",
                                                 (long long) w->c_yesterday,
                                                 (long long) w->c_14);

    g_assert_cmpstr (list, ==, expected);
  }
  g_clear_pointer (&path, g_free);

  /* An overdue commitment in progress stays overdue; what was recorded is its progress. */
  path = g_strdup_printf ("/api/v1/commitments/%lld/updates?status=in-progress",
                          (long long) w->c_yesterday);
  g_clear_pointer (&answer, g_bytes_unref);
  answer = http (w, w->secretariat_token, "POST", path, NULL, &status);
  g_assert_cmpuint (status, ==, 201);
  g_clear_pointer (&object, json_object_unref);
  object = parse (answer);
  commitment = json_object_get_object_member (object, "commitment");
  g_assert_cmpstr (json_object_get_string_member (commitment, "status"), ==, "overdue");
  g_assert_cmpstr (json_object_get_string_member (commitment, "progress"), ==, "in-progress");
  g_assert_true (json_object_get_null_member (json_object_get_object_member (object, "update"),
                                              "evidence"));
  g_clear_pointer (&path, g_free);

  /* Refusals: nothing stored, no update recorded, nothing left in the blob store's tmp. */
  blobs_before = count_blobs (w, FALSE);
  {
    g_autofree char *encrypted = g_build_filename (chamber_test_data_dir (),
                                                   "pdf-password-encrypted.pdf", NULL);
    g_autofree char *html = g_build_filename (chamber_test_data_dir (), "pdf-html-page.pdf",
                                              NULL);
    g_autoptr (GBytes) encrypted_bytes = file_bytes (encrypted);
    g_autoptr (GBytes) html_bytes = file_bytes (html);
    g_autoptr (GBytes) truncated_pdf = g_bytes_new_from_bytes (pdf, 0,
                                                               g_bytes_get_size (pdf) / 2);
    g_autoptr (GBytes) truncated_png = g_bytes_new_from_bytes (png, 0,
                                                               g_bytes_get_size (png) - 20);
    g_autoptr (GBytes) empty = g_bytes_new (NULL, 0);
    static const char jpeg_start[] = "\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01";
    g_autoptr (GBytes) jpeg_cut = g_bytes_new_static (jpeg_start, sizeof jpeg_start - 1);
    g_autoptr (GBytes) exe = g_bytes_new_static ("MZ\x90\x00\x03\x00\x00\x00", 8);
    g_autoptr (GBytes) script = g_bytes_new_static ("<script>alert(1)</script>", 25);
    guint8 *huge_png_data = g_memdup2 (g_bytes_get_data (png, NULL), g_bytes_get_size (png));
    g_autoptr (GBytes) huge_png = NULL;
    gsize over_size = CHAMBER_FOLLOWUP_MAX_EVIDENCE + 1;
    g_autoptr (GBytes) too_large = g_bytes_new_take (g_malloc0 (over_size), over_size);
    struct {
      GBytes     *body;
      const char *query;
      guint       status;
    } refusals[] = {
      { empty, "status=done&evidence=1", 400 },
      { exe, "status=done", 400 },
      { script, "status=done", 400 },
      { html_bytes, "status=done", 400 },
      { truncated_pdf, "status=done", 400 },
      { encrypted_bytes, "status=done", 400 },
      { truncated_png, "status=done", 400 },
      { jpeg_cut, "status=done", 400 },
      { NULL, "status=done", 413 },  /* huge_png below */
      { too_large, "status=done", 413 },
      { png, "status=overdue", 400 },
      { png, "status=", 400 },
      { png, "", 400 },
      { png, "status=done&evidence=yes", 400 },
      { png, "status=done&note=%FF%FE", 400 },
    };

    /* A PNG whose header claims 100000 × 100000 pixels. */
    huge_png_data[16] = 0x00, huge_png_data[17] = 0x01, huge_png_data[18] = 0x86,
    huge_png_data[19] = 0xA0;
    huge_png_data[20] = 0x00, huge_png_data[21] = 0x01, huge_png_data[22] = 0x86,
    huge_png_data[23] = 0xA0;
    huge_png = g_bytes_new_take (huge_png_data, g_bytes_get_size (png));
    refusals[8].body = huge_png;

    for (gsize i = 0; i < G_N_ELEMENTS (refusals); i++)
      {
        g_autoptr (GBytes) refused = NULL;

        path = g_strdup_printf ("/api/v1/commitments/%lld/updates?%s",
                                (long long) w->c_14, refusals[i].query);
        refused = http (w, w->secretariat_token, "POST", path, refusals[i].body, &status);
        if (status != refusals[i].status)
          g_error ("refusal %" G_GSIZE_FORMAT ": %u %.*s", i, status,
                   (int) g_bytes_get_size (refused), (const char *) g_bytes_get_data (refused,
                                                                                      NULL));
        g_clear_pointer (&path, g_free);
      }

    /* A long note, a delegate, an unknown commitment. */
    {
      g_autoptr (GString) long_note = g_string_new ("/api/v1/commitments/");
      g_autoptr (GBytes) refused = NULL;

      g_string_append_printf (long_note, "%lld/updates?status=done&note=", (long long) w->c_14);
      for (int i = 0; i < CHAMBER_COMMITMENTS_MAX_NOTE + 1; i++)
        g_string_append_c (long_note, 'x');
      refused = http (w, w->secretariat_token, "POST", long_note->str, png, &status);
      g_assert_cmpuint (status, ==, 400);
    }
    path = g_strdup_printf ("/api/v1/commitments/%lld/updates?status=done", (long long) w->c_14);
    g_bytes_unref (http (w, w->delegate_token, "POST", path, png, &status));
    g_assert_cmpuint (status, ==, 403);
    g_clear_pointer (&path, g_free);
    g_bytes_unref (http (w, w->secretariat_token, "POST",
                         "/api/v1/commitments/999999/updates?status=done", png, &status));
    g_assert_cmpuint (status, ==, 404);
    g_bytes_unref (http (w, w->delegate_token, "GET", "/api/v1/commitment-updates/999999/evidence",
                         NULL, &status));
    g_assert_cmpuint (status, ==, 404);
  }
  g_assert_cmpuint (history_length (w, w->c_14), ==, 0);
  g_assert_cmpuint (count_blobs (w, FALSE), ==, blobs_before);
  g_assert_cmpuint (count_blobs (w, TRUE), ==, 0);
  {
    g_autofree char *list = due_list (w, w->delegate_token, 14);
    g_autofree char *expected = g_strdup_printf ("%lld:overdue:-1,%lld:open:14",
                                                 (long long) w->c_yesterday,
                                                 (long long) w->c_14);

    g_assert_cmpstr (list, ==, expected);
  }

  /* The history survives a restart. */
  chamber_test_server_restart (w->server);
  g_assert_cmpuint (history_length (w, w->c_today), ==, 3);
}

/* The documents of session @session: their titles and hashes, and their items. */
static JsonArray *
documents_of (World *w, gint64 session, JsonObject **out_answer)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/documents",
                                           (long long) session);

  *out_answer = get_json (w, w->delegate_token, path);
  return json_object_get_array_member (*out_answer, "documents");
}

static guint
follow_up_items (World *w, gint64 session, gint64 *out_item)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/items", (long long) session);
  g_autoptr (JsonObject) answer = get_json (w, w->delegate_token, path);
  JsonArray *items = json_object_get_array_member (answer, "items");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      const char *title = json_object_get_string_member (item, "title");

      if (g_str_equal (title, TITLE_EN) || g_str_equal (title, TITLE_VI))
        {
          n++;
          *out_item = json_object_get_int_member (item, "id");
        }
    }
  return n;
}

static void
test_carry_over (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (JsonObject) docs_answer = NULL;
  g_autoptr (GBytes) blob = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *blob_path = NULL, *carry_path = NULL;
  JsonArray *docs;
  JsonObject *doc = NULL;
  gint64 next, item = 0, item_again = 0;
  guint status = 0;

  /* One commitment done before the next session exists: it is not carried. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/commitments/%lld/updates?status=done",
                                             (long long) w->c_15);

    g_bytes_unref (http (w, w->secretariat_token, "POST", path, NULL, &status));
    g_assert_cmpuint (status, ==, 201);
  }

  /* Creating session 8 carries the four open ones into its agenda, with a PDF. */
  next = add_session (w->admin, 8, "Kỳ họp thứ tám");
  g_assert_cmpuint (follow_up_items (w, next, &item), ==, 1);
  docs = documents_of (w, next, &docs_answer);
  for (guint i = 0; i < json_array_get_length (docs); i++)
    if (json_object_get_int_member (json_array_get_object_element (docs, i), "item_id") == item)
      doc = json_array_get_object_element (docs, i);
  g_assert_nonnull (doc);
  blob_path = g_strdup_printf ("/api/v1/blobs/%s", json_object_get_string_member (doc, "sha256"));
  blob = http (w, w->delegate_token, "GET", blob_path, NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  pdf = poppler_document_new_from_bytes (blob, NULL, &error);
  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (pdf); p++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, p);
      g_autofree char *raw = poppler_page_get_text (page);
      g_autofree char *nfc = g_utf8_normalize (raw, -1, G_NORMALIZE_NFC);

      /* A cell's text wraps at spaces: read it as one line. */
      g_strdelimit (nfc, "\n", ' ');
      g_string_append (text, nfc);
      g_string_append_c (text, ' ');
    }
  g_assert_nonnull (strstr (text->str, "Sửa chữa 12 km mặt đường"));
  g_assert_nonnull (strstr (text->str, "Lắp đèn tín hiệu nút giao Tân Phong"));
  g_assert_nonnull (strstr (text->str, "Báo cáo tiến độ dự án cầu Rạch Cát"));
  g_assert_nonnull (strstr (text->str, "Rà soát biển báo trên tuyến ĐT 768"));
  g_assert_nonnull (strstr (text->str, "Phạm Quốc Hùng"));
  g_assert_null (strstr (text->str, "Công bố quy hoạch bến xe phía Nam"));

  /* On demand again: the same item, nothing added — and after a restart too. */
  carry_path = g_strdup_printf ("/api/v1/sessions/%lld/carry", (long long) next);
  for (int round = 0; round < 2; round++)
    {
      g_autoptr (GBytes) answer = http (w, w->secretariat_token, "POST", carry_path, NULL,
                                        &status);
      g_autoptr (JsonObject) object = NULL;
      JsonObject *carry;

      g_assert_cmpuint (status, ==, 200);
      object = parse (answer);
      carry = json_object_get_object_member (object, "carry");
      g_assert_false (json_object_get_boolean_member (carry, "created"));
      g_assert_cmpint (json_object_get_int_member (carry, "item"), ==, item);
      g_assert_cmpint (json_object_get_int_member (carry, "commitments"), ==, 4);
      g_assert_cmpuint (follow_up_items (w, next, &item_again), ==, 1);
      chamber_test_server_restart (w->server);
    }

  /* Into the session the commitments were made in: nothing to carry. */
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/carry",
                                             (long long) w->session);
    g_autoptr (GBytes) answer = http (w, w->secretariat_token, "POST", path, NULL, &status);
    g_autoptr (JsonObject) object = parse (answer);

    g_assert_cmpuint (status, ==, 200);
    g_assert_true (json_object_get_null_member (json_object_get_object_member (object, "carry"),
                                                "item"));
    g_assert_cmpuint (follow_up_items (w, w->session, &item_again), ==, 0);
  }

  /* Roles, unknown and hostile sessions. */
  g_bytes_unref (http (w, w->delegate_token, "POST", carry_path, NULL, &status));
  g_assert_cmpuint (status, ==, 403);
  g_bytes_unref (http (w, w->secretariat_token, "POST", "/api/v1/sessions/999999/carry", NULL,
                       &status));
  g_assert_cmpuint (status, ==, 404);
  g_bytes_unref (http (w, w->secretariat_token, "POST", "/api/v1/sessions/..%2F1/carry", NULL,
                       &status));
  g_assert_cmpuint (status, ==, 404);
  {
    g_autoptr (GBytes) junk = g_bytes_new_static ("[1,2", 4);

    g_bytes_unref (http (w, w->secretariat_token, "POST", carry_path, junk, &status));
    g_assert_cmpuint (status, ==, 400);
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/followup/day-arithmetic", test_day_arithmetic);
  g_test_add_func ("/followup/due-boundaries", test_due_boundaries);
  g_test_add_func ("/followup/updates-and-evidence", test_updates_and_evidence);
  g_test_add_func ("/followup/carry-over", test_carry_over);
  return g_test_run ();
}
