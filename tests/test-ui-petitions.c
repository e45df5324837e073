/* test-ui-petitions.c — the secretariat's Petitions and Supervision pages and the committees'
 * Supervision window of the chamber app (issue 9), under a real display, against a real
 * chamberd with its SQLite store started by the test, with real CSV and PDF files.
 *
 * Petitions: a CSV file with broken rows (an empty content, an unknown status, a row of the
 * wrong width) and a row raising an earlier one again is imported through the page: the
 * preview shows each broken row's problem and the "raised again" match before anything is
 * saved (the server still holds no petition), Import is offered for the valid rows only, and
 * only they reach the server. The text search finds a petition without its diacritics; the
 * agency filter goes to the server. A status change with a note, and an answer PDF, reach the
 * server (status, history, answer document); a damaged answer PDF is refused in the page.
 *
 * Supervision: a sample drawn through the page with a seed is the same, petition for petition
 * and in the same order, as the draw the API makes with that seed; a sample is assigned to a
 * delegate group and a "not resolved" finding recorded through the page puts the petition back
 * to in-progress on the server; the recommendation and the monthly report are saved as files.
 * A delegate of that group gets the Supervision entry, sees their sample in its window and
 * records a finding there; a delegate of another group gets no entry. Tab reaches every control
 * of each screen. With CHAMBER_TEST_SCREENSHOTS set, each screen is saved as a PNG. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chamber-application.h"
#include "chamber-client.h"
#include "chamber-connection.h"
#include "chamber-desk-petitions.h"
#include "chamber-desk-supervision.h"
#include "chamber-desk-window.h"
#include "chamber-petition-entry.h"
#include "chamber-protocol.h"
#include "chamber-petition-file.h"
#include "chamber-viewer-window.h"
#include "chamber-sample-list.h"
#include "chamber-supervision-window.h"
#include "chamber-test-ui.h"
#include "chamber-test-util.h"
#include "chamber-window.h"

#define WAIT_MS (60 * 1000)

static char *test_home;

#define WAIT_FOR(condition, data, what) \
  G_STMT_START { \
    if (!chamber_test_pump_until ((condition), (data), WAIT_MS)) \
      g_error ("%s: not within %d s", (what), WAIT_MS / 1000); \
  } G_STMT_END

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *admin;
  char              *dir;
  char              *secretariat_token;
  char              *group_token;     /* a delegate of "Tổ 1" */
  char              *other_token;     /* a delegate of "Tổ 2" */
} Fixture;

static void
add_person (Fixture *fx, const char *name, ChamberRole role, const char *group,
            char **out_token)
{
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autoptr (GError) error = NULL;

  person->name = g_strdup (name);
  person->role = role;
  person->group_name = g_strdup (group);
  person->active = TRUE;
  added = chamber_client_add_person (fx->admin, person, NULL, &error);
  g_assert_no_error (error);
  *out_token = chamber_client_issue_token (fx->admin, added->id, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture *fx)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *config = chamber_connection_get_config_path ();

  memset (fx, 0, sizeof *fx);
  g_unlink (config);
  fx->server = chamber_test_server_start ();
  fx->dir = chamber_test_make_temp_dir ("chamber-ui-petitions-XXXXXX");
  fx->admin = chamber_client_new (fx->server->url, fx->server->admin_token, &error);
  g_assert_no_error (error);
  add_person (fx, "Văn phòng HĐND", CHAMBER_ROLE_SECRETARIAT, NULL, &fx->secretariat_token);
  add_person (fx, "Lê Quang Minh", CHAMBER_ROLE_DELEGATE, "Tổ 1", &fx->group_token);
  add_person (fx, "Nguyễn Thị Hoa", CHAMBER_ROLE_DELEGATE, "Tổ 2", &fx->other_token);
}

static void
fixture_teardown (Fixture *fx)
{
  g_free (fx->secretariat_token);
  g_free (fx->group_token);
  g_free (fx->other_token);
  g_clear_object (&fx->admin);
  chamber_test_server_free (fx->server);
  chamber_test_rm_rf (fx->dir);
  g_free (fx->dir);
}

static JsonObject *
server_request (Fixture *fx, const char *method, const char *path, const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) body = NULL;
  g_autoptr (JsonNode) answer = NULL;

  if (json != NULL)
    {
      body = json_from_string (json, &error);
      g_assert_no_error (error);
    }
  answer = chamber_client_request_json (fx->admin, method, path, body, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (answer);
  return json_object_ref (json_node_get_object (answer));
}

static JsonArray *
server_petitions (Fixture *fx)
{
  g_autoptr (JsonObject) answer = server_request (fx, "GET", "/api/v1/petitions", NULL);

  return json_array_ref (json_object_get_array_member (answer, "petitions"));
}

static JsonObject *
server_petition (Fixture *fx, gint64 id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/petitions/%lld", (long long) id);
  g_autoptr (JsonObject) answer = server_request (fx, "GET", path, NULL);

  return json_object_ref (json_object_get_object_member (answer, "petition"));
}

/* ---- the app ---------------------------------------------------------------------------- */

static gboolean
role_known (gpointer data)
{
  gboolean known = FALSE;

  chamber_window_get_desk_allowed (data, &known);
  return known;
}

static gboolean
supervision_known (gpointer data)
{
  gboolean known = FALSE;

  chamber_window_get_supervision_allowed (data, &known);
  return known;
}

static GtkWidget *
find_widget (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static ChamberDeskWindow *
open_desk (ChamberTestApp *app, Fixture *fx, const char *page)
{
  ChamberDeskWindow *desk;
  gboolean known = FALSE;

  chamber_test_ui_connect (app, fx->server->url, fx->secretariat_token);
  WAIT_FOR (role_known, app->window, "the person's role");
  g_assert_true (chamber_window_get_desk_allowed (app->window, &known));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.desk", NULL));
  desk = chamber_desk_window_get_for (GTK_WINDOW (app->window));
  g_assert_nonnull (desk);
  gtk_window_set_default_size (GTK_WINDOW (desk), 1366, 740);
  chamber_desk_window_show_page (desk, page);
  g_assert_cmpstr (chamber_desk_window_get_page_name (desk), ==, page);
  return desk;
}

static gboolean
petitions_idle (gpointer data)
{
  return chamber_desk_petitions_get_loads (data) > 0
         && chamber_desk_petitions_get_pending (data) == 0;
}

static gboolean
preview_open (gpointer data)
{
  return chamber_desk_petitions_get_preview (data) != NULL
         || chamber_desk_petitions_get_error (data) != NULL;
}

static gboolean
supervision_idle (gpointer data)
{
  return chamber_desk_supervision_get_loads (data) > 0
         && chamber_desk_supervision_get_pending (data) == 0;
}

static gboolean
samples_idle (gpointer data)
{
  return chamber_sample_list_get_loads (data) > 0 && chamber_sample_list_get_pending (data) == 0;
}

static gboolean
answer_shown (gpointer data)
{
  GtkWindow *window = chamber_desk_petitions_get_answer_window (data);

  if (chamber_desk_petitions_get_error (data) != NULL)
    return TRUE;
  return window != NULL
         && chamber_page_view_get_n_pages (chamber_viewer_window_get_page_view (
              CHAMBER_VIEWER_WINDOW (window))) > 0;
}

static gboolean
evidence_shown (gpointer data)
{
  return chamber_sample_list_get_evidence_window (data) != NULL
         || (chamber_sample_list_get_pending (data) == 0
             && chamber_sample_list_get_error (data) != NULL);
}

/* Whether @window is still one of the open windows (the test holds a reference, so a window
 * that closed itself can still be asked). */
static gboolean
window_is_open (GtkWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) open = g_list_model_get_item (toplevels, i);

      if (open == window)
        return TRUE;
    }
  return FALSE;
}

static gboolean
entry_idle (gpointer data)
{
  return chamber_petition_entry_get_pending (data) == 0;
}

static void
write_file (const char *path, const char *contents)
{
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* ---- petitions -------------------------------------------------------------------------- */

#define ROAD   "Đề nghị nâng cấp đường liên xã Tân Phong – Phú Sơn đã xuống cấp nghiêm trọng"
#define CLINIC "Đề nghị xây dựng trạm y tế xã Phú Sơn đạt chuẩn quốc gia"
#define CANAL  "Đề nghị hỗ trợ kinh phí kiên cố hóa kênh mương nội đồng thôn Bắc Sơn"
#define SCHOOL "Đề nghị sửa chữa phòng học trường tiểu học Tân Phong bị thấm dột"
/* ROAD typed again without its diacritics, at a later voters' meeting. */
#define ROAD_PLAIN "De nghi nang cap duong lien xa Tan Phong - Phu Son da xuong cap nghiem trong"
#define LIGHTS "Đề nghị lắp đèn chiếu sáng công cộng trên tuyến đường thôn Đông Hòa"

static const char petitions_csv[] =
  "Nội dung kiến nghị,Lĩnh vực,Cơ quan giải quyết,Trạng thái,Ngày tiếp xúc,Tổ đại biểu\n"
  /* 2 */ "\"" ROAD "\",Giao thông,Sở Giao thông vận tải,đã giải quyết,2025-03-10,Tổ 1\n"
  /* 3 */ ",Y tế,Sở Y tế,resolved,2025-03-10,Tổ 1\n"
  /* 4 */ "\"" SCHOOL "\",Giáo dục,Sở Giáo dục và Đào tạo,hoàn toàn không rõ,2025-03-10,Tổ 1\n"
  /* 5 */ "Chỉ một cột thôi\n"
  /* 6 */ "\"" CLINIC "\",Y tế,Sở Y tế,resolved,2025-03-12,Tổ 2\n"
  /* 7 */ "\"" CANAL "\",Nông nghiệp,Sở Nông nghiệp và Phát triển nông thôn,in-progress,"
          "2025-03-12,Tổ 2\n"
  /* 8 */ "\"" ROAD "\",Giao thông,Sở Giao thông vận tải,đang giải quyết,2025-06-02,Tổ 1\n";

static gint64
find_by_content (JsonArray *petitions, const char *content, gint64 after)
{
  for (guint i = 0; i < json_array_get_length (petitions); i++)
    {
      JsonObject *p = json_array_get_object_element (petitions, i);

      if (g_strcmp0 (json_object_get_string_member (p, "content"), content) == 0
          && json_object_get_int_member (p, "id") > after)
        return json_object_get_int_member (p, "id");
    }
  return 0;
}

static void
petitions_body (ChamberTestApp *app, gpointer data)
{
  Fixture *fx = data;
  ChamberDeskWindow *desk = open_desk (app, fx, "petitions");
  ChamberDeskPetitions *page;
  g_autofree char *csv = g_build_filename (fx->dir, "kien-nghi-thang-3.csv", NULL);
  g_autofree char *answer_pdf = g_build_filename (fx->dir, "tra-loi.pdf", NULL);
  g_autofree char *damaged_pdf = g_build_filename (fx->dir, "hong.pdf", NULL);
  g_autoptr (GFile) csv_file = g_file_new_for_path (csv);
  g_autoptr (GFile) answer_file = g_file_new_for_path (answer_pdf);
  g_autoptr (GFile) damaged_file = g_file_new_for_path (damaged_pdf);
  g_autoptr (JsonArray) petitions = NULL;
  JsonObject *preview;
  GtkButton *import_button;
  gint64 road, clinic, canal, road_again;
  guint n_ok = 0;

  write_file (csv, petitions_csv);
  chamber_test_write_pdf (answer_pdf, 3, "Sở Giao thông vận tải trả lời cử tri");
  {
    g_autofree char *contents = NULL;
    gsize size = 0;
    g_autoptr (GError) error = NULL;

    g_file_get_contents (answer_pdf, &contents, &size, &error);
    g_assert_no_error (error);
    g_file_set_contents (damaged_pdf, contents, size / 2, &error);
    g_assert_no_error (error);
  }

  page = CHAMBER_DESK_PETITIONS (find_widget (GTK_WIDGET (desk), CHAMBER_TYPE_DESK_PETITIONS));
  g_assert_nonnull (page);
  WAIT_FOR (petitions_idle, page, "the petitions");
  g_assert_null (chamber_desk_petitions_get_error (page));
  g_assert_cmpuint (chamber_desk_petitions_get_n_rows (page), ==, 0);

  /* The dry run: every row's problems before anything is saved. */
  chamber_desk_petitions_import (page, csv_file);
  WAIT_FOR (preview_open, page, "the import preview");
  g_assert_null (chamber_desk_petitions_get_error (page));
  preview = chamber_desk_petitions_get_preview_answer (page);
  g_assert_true (json_object_get_boolean_member (preview, "dry_run"));
  g_assert_cmpstr (chamber_desk_petitions_get_preview_problems (page, 2), ==, "");
  g_assert_cmpstr (chamber_desk_petitions_get_preview_problems (page, 3), !=, "");
  g_assert_cmpstr (chamber_desk_petitions_get_preview_problems (page, 4), !=, "");
  g_assert_cmpstr (chamber_desk_petitions_get_preview_problems (page, 5), !=, "");
  g_assert_cmpstr (chamber_desk_petitions_get_preview_problems (page, 6), ==, "");
  g_assert_cmpstr (chamber_desk_petitions_get_preview_problems (page, 7), ==, "");
  g_assert_cmpstr (chamber_desk_petitions_get_preview_problems (page, 8), ==, "");
  g_test_message ("line 3: %s", chamber_desk_petitions_get_preview_problems (page, 3));
  g_test_message ("line 4: %s", chamber_desk_petitions_get_preview_problems (page, 4));
  g_test_message ("line 5: %s", chamber_desk_petitions_get_preview_problems (page, 5));
  {
    JsonArray *rows = json_object_get_array_member (preview, "rows");

    for (guint i = 0; i < json_array_get_length (rows); i++)
      {
        JsonObject *row = json_array_get_object_element (rows, i);

        if (json_object_get_boolean_member (row, "ok")
            && !json_object_get_boolean_member (row, "duplicate"))
          n_ok++;
        /* Line 8 raises line 2 again (another meeting: not a duplicate). */
        if (json_object_get_int_member (row, "line") == 8)
          {
            g_assert_cmpint (json_object_get_int_member (row, "similar_line"), ==, 2);
            g_assert_false (json_object_get_boolean_member (row, "duplicate"));
          }
      }
  }
  g_assert_cmpuint (n_ok, ==, 4);
  import_button = chamber_desk_petitions_get_import_button (page);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (import_button)));
  g_assert_nonnull (strstr (gtk_button_get_label (import_button), "4"));
  /* Nothing saved by the preview. */
  petitions = server_petitions (fx);
  g_assert_cmpuint (json_array_get_length (petitions), ==, 0);
  g_clear_pointer (&petitions, json_array_unref);
  gtk_window_set_default_size (chamber_desk_petitions_get_preview (page), 1000, 700);
  chamber_test_ui_assert_keyboard_reachable (chamber_desk_petitions_get_preview (page),
                                             "the import preview");
  chamber_test_ui_save_screenshot (GTK_WIDGET (chamber_desk_petitions_get_preview (page)),
                                   "desk-petitions-import");

  /* Import: the valid rows only reach the server. */
  g_signal_emit_by_name (import_button, "clicked");
  WAIT_FOR (petitions_idle, page, "the import");
  g_assert_null (chamber_desk_petitions_get_error (page));
  g_assert_null (chamber_desk_petitions_get_preview (page));
  petitions = server_petitions (fx);
  g_assert_cmpuint (json_array_get_length (petitions), ==, 4);
  road = find_by_content (petitions, ROAD, 0);
  road_again = find_by_content (petitions, ROAD, road);
  clinic = find_by_content (petitions, CLINIC, 0);
  canal = find_by_content (petitions, CANAL, 0);
  g_assert_cmpint (road, >, 0);
  g_assert_cmpint (road_again, >, road);
  g_assert_cmpint (clinic, >, 0);
  g_assert_cmpint (canal, >, 0);
  g_assert_cmpint (find_by_content (petitions, SCHOOL, 0), ==, 0);
  {
    g_autoptr (JsonObject) again = server_petition (fx, road_again);

    g_assert_cmpint (json_object_get_int_member (again, "raised_again_of"), ==, road);
  }
  g_assert_cmpuint (chamber_desk_petitions_get_n_rows (page), ==, 4);

  /* The text search, without diacritics. */
  chamber_desk_petitions_set_filter (page, NULL, NULL, NULL, "tram y te");
  WAIT_FOR (petitions_idle, page, "the search");
  g_assert_cmpuint (chamber_desk_petitions_get_n_rows (page), ==, 1);
  g_assert_cmpint (chamber_desk_petitions_get_row_id (page, 0), ==, clinic);
  /* The agency filter, through the server. */
  chamber_desk_petitions_set_filter (page, NULL, "so giao thong van tai", NULL, NULL);
  WAIT_FOR (petitions_idle, page, "the agency filter");
  g_assert_cmpuint (chamber_desk_petitions_get_n_rows (page), ==, 2);
  chamber_desk_petitions_set_filter (page, "in-progress", NULL, NULL, NULL);
  WAIT_FOR (petitions_idle, page, "the status filter");
  g_assert_cmpuint (chamber_desk_petitions_get_n_rows (page), ==, 2);
  chamber_desk_petitions_set_filter (page, NULL, NULL, NULL, NULL);
  WAIT_FOR (petitions_idle, page, "no filter");
  g_assert_cmpuint (chamber_desk_petitions_get_n_rows (page), ==, 4);

  /* A status change with a note and the answer's text. */
  g_assert_true (chamber_desk_petitions_select (page, canal));
  WAIT_FOR (petitions_idle, page, "the petition");
  chamber_desk_petitions_change_status (page, "resolved", "Đã bố trí vốn năm 2025",
                                        "Đã hoàn thành kiên cố hóa 3 km kênh");
  WAIT_FOR (petitions_idle, page, "the change");
  g_assert_null (chamber_desk_petitions_get_error (page));
  {
    g_autoptr (JsonObject) p = server_petition (fx, canal);
    JsonArray *history = json_object_get_array_member (p, "history");
    JsonObject *last = json_array_get_object_element (history,
                                                      json_array_get_length (history) - 1);

    g_assert_cmpstr (json_object_get_string_member (p, "status"), ==, "resolved");
    g_assert_cmpstr (json_object_get_string_member (p, "answer"), ==,
                     "Đã hoàn thành kiên cố hóa 3 km kênh");
    g_assert_cmpstr (json_object_get_string_member (last, "note"), ==, "Đã bố trí vốn năm 2025");
  }
  /* The detail shown is the server's, history included. */
  g_assert_cmpstr (json_object_get_string_member (chamber_desk_petitions_get_detail (page),
                                                  "status"), ==, "resolved");

  /* Links to an agenda item, a turn and a commitment are added in the page and one is removed
   * again; a link to an agenda item that does not exist is refused with nothing changed. */
  {
    g_autoptr (JsonObject) session = server_request (fx, "POST", "/api/v1/sessions",
                                                     "{\"number\": 9, \"title\": \"Kỳ họp thứ chín\"}");
    gint64 session_id = json_object_get_int_member (json_object_get_object_member (session,
                                                                                   "session"),
                                                    "id");
    gint64 item = chamber_test_add_item (fx->admin, session_id,
                                         "Báo cáo kết quả giải quyết kiến nghị cử tri");
    g_autoptr (JsonObject) p = NULL;
    JsonArray *links;

    g_assert_cmpuint (chamber_desk_petitions_get_n_links (page), ==, 0);
    chamber_desk_petitions_add_link (page, "item", item, 0);
    WAIT_FOR (petitions_idle, page, "the agenda item link");
    g_assert_null (chamber_desk_petitions_get_error (page));
    chamber_desk_petitions_add_link (page, "turn", 14, session_id);
    WAIT_FOR (petitions_idle, page, "the turn link");
    chamber_desk_petitions_add_link (page, "commitment", 3, session_id);
    WAIT_FOR (petitions_idle, page, "the commitment link");
    g_assert_null (chamber_desk_petitions_get_error (page));
    g_assert_cmpuint (chamber_desk_petitions_get_n_links (page), ==, 3);
    chamber_desk_petitions_add_link (page, "item", item + 4242, 0);
    WAIT_FOR (petitions_idle, page, "the link to no item");
    g_assert_nonnull (chamber_desk_petitions_get_error (page));
    g_test_message ("refused: %s", chamber_desk_petitions_get_error (page));
    chamber_desk_petitions_remove_link (page, "turn", 14, session_id);
    WAIT_FOR (petitions_idle, page, "the removal");
    g_assert_null (chamber_desk_petitions_get_error (page));
    g_assert_cmpuint (chamber_desk_petitions_get_n_links (page), ==, 2);
    p = server_petition (fx, canal);
    links = json_object_get_array_member (p, "links");
    g_assert_cmpuint (json_array_get_length (links), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 0),
                                                    "kind"), ==, "commitment");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (links, 0),
                                                 "session"), ==, session_id);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (links, 1),
                                                    "kind"), ==, "item");
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (links, 1), "id"),
                     ==, item);
  }

  /* A damaged answer PDF is refused; a sound one is attached. */
  chamber_desk_petitions_attach_answer (page, damaged_file);
  WAIT_FOR (petitions_idle, page, "the damaged answer");
  g_assert_nonnull (chamber_desk_petitions_get_error (page));
  g_test_message ("refused: %s", chamber_desk_petitions_get_error (page));
  {
    g_autoptr (JsonObject) p = server_petition (fx, canal);

    g_assert_true (json_object_get_null_member (p, "answer_document"));
  }
  chamber_desk_petitions_attach_answer (page, answer_file);
  WAIT_FOR (petitions_idle, page, "the answer");
  g_assert_null (chamber_desk_petitions_get_error (page));
  {
    g_autoptr (JsonObject) p = server_petition (fx, canal);

    g_assert_nonnull (json_object_get_object_member (p, "answer_document"));
  }
  /* The answer PDF opens in Chamber's own viewer, from a copy in the cache named by its hash
   * and byte for byte the file attached. */
  WAIT_FOR (petitions_idle, page, "the petition with its answer");
  chamber_desk_petitions_open_answer (page);
  WAIT_FOR (answer_shown, page, "the answer PDF in the viewer");
  g_assert_null (chamber_desk_petitions_get_error (page));
  {
    GtkWindow *viewer = chamber_desk_petitions_get_answer_window (page);
    ChamberPageView *view = chamber_viewer_window_get_page_view (CHAMBER_VIEWER_WINDOW (viewer));
    g_autoptr (JsonObject) p = server_petition (fx, canal);
    const char *sha256 = json_object_get_string_member (
      json_object_get_object_member (p, "answer_document"), "sha256");
    g_autofree char *cache_dir = chamber_petition_file_dir ();
    g_autofree char *name = g_strconcat (sha256, ".pdf", NULL);
    g_autofree char *cached = g_build_filename (cache_dir, name, NULL);
    g_autofree char *shown = g_file_get_path (chamber_viewer_window_get_file (
      CHAMBER_VIEWER_WINDOW (viewer)));
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    gsize a_len = 0, b_len = 0;

    g_assert_cmpint (chamber_page_view_get_n_pages (view), ==, 3);
    g_assert_cmpstr (shown, ==, cached);
    g_assert_true (g_file_get_contents (cached, &a, &a_len, NULL));
    g_assert_true (g_file_get_contents (answer_pdf, &b, &b_len, NULL));
    g_assert_cmpmem (a, a_len, b, b_len);
    gtk_window_destroy (viewer);
  }

  /* One petition entered by hand: the server's dry run lists the earlier ones it raises again
   * before anything is saved, and the one chosen (not the server's first) is linked. */
  {
    GtkWindow *window = chamber_desk_petitions_new_petition (page);
    ChamberPetitionEntry *entry = CHAMBER_PETITION_ENTRY (window);
    /* Held, so that the window can still be asked once saving has closed it. */
    g_autoptr (ChamberPetitionEntry) held = g_object_ref (entry);
    g_autoptr (JsonArray) before = server_petitions (fx);
    g_autoptr (JsonObject) saved = NULL;
    double similarity = 0;
    gint64 id;

    g_assert_nonnull (entry);
    chamber_petition_entry_fill (entry, ROAD_PLAIN, "2025-09-15", "Nhà văn hóa thôn Tân Phong",
                                 "Tổ 1", "commune", "Giao thông", "Sở Giao thông vận tải",
                                 "forwarded");
    chamber_petition_entry_save (entry);
    WAIT_FOR (entry_idle, entry, "the check of the new petition");
    g_assert_null (chamber_petition_entry_get_error (entry));
    g_assert_cmpuint (chamber_petition_entry_get_checks (entry), ==, 1);
    /* Similar ones were found: nothing saved yet, the person chooses. */
    g_assert_cmpuint (chamber_petition_entry_get_n_similar (entry), ==, 2);
    g_assert_cmpint (chamber_petition_entry_get_similar_id (entry, 0, &similarity), ==, road);
    g_assert_cmpfloat (similarity, ==, 1.0);
    g_assert_cmpint (chamber_petition_entry_get_similar_id (entry, 1, NULL), ==, road_again);
    g_assert_cmpint (chamber_petition_entry_get_chosen (entry), ==, road);
    g_assert_cmpint (chamber_petition_entry_get_saved_id (entry), ==, 0);
    petitions = server_petitions (fx);
    g_assert_cmpuint (json_array_get_length (petitions), ==, json_array_get_length (before));
    g_clear_pointer (&petitions, json_array_unref);
    gtk_window_set_default_size (window, 640, 760);
    chamber_test_ui_assert_keyboard_reachable (window, "the New Petition window");
    chamber_test_ui_save_screenshot (GTK_WIDGET (window), "desk-petition-entry");
    g_assert_true (chamber_petition_entry_choose (entry, road_again));
    chamber_petition_entry_save (entry);
    WAIT_FOR (entry_idle, entry, "the new petition");
    g_assert_null (chamber_petition_entry_get_error (entry));
    id = chamber_petition_entry_get_saved_id (entry);
    g_assert_cmpint (id, >, road_again);
    /* Saved, the window closes and the page shows the new petition. */
    WAIT_FOR (petitions_idle, page, "the list with the new petition");
    g_assert_false (window_is_open (window));
    saved = server_petition (fx, id);
    g_assert_cmpstr (json_object_get_string_member (saved, "content"), ==, ROAD_PLAIN);
    g_assert_cmpint (json_object_get_int_member (saved, "raised_again_of"), ==, road_again);
    g_assert_cmpfloat (json_object_get_double_member (saved, "similarity"), ==, 1.0);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (saved,
                                                                                   "meeting"),
                                                    "level"),
                     ==, "commune");
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (saved,
                                                                                   "meeting"),
                                                    "group"),
                     ==, "Tổ 1");
    g_assert_cmpstr (json_object_get_string_member (saved, "agency"), ==,
                     "Sở Giao thông vận tải");
    g_assert_cmpuint (chamber_desk_petitions_get_n_rows (page), ==, 5);
    g_assert_cmpint (chamber_json_peek_int (chamber_desk_petitions_get_detail (page), "id", 0),
                     ==, id);
  }
  /* A new request: nothing similar, so Save saves at once; a wrong date is refused in the
   * window first, and nothing is kept. */
  {
    GtkWindow *window = chamber_desk_petitions_new_petition (page);
    ChamberPetitionEntry *entry = CHAMBER_PETITION_ENTRY (window);
    g_autoptr (ChamberPetitionEntry) held = g_object_ref (entry);
    g_autoptr (JsonObject) saved = NULL;
    gint64 id;

    chamber_petition_entry_fill (entry, LIGHTS, "2025-02-31", NULL, "Tổ 2", NULL, "Điện",
                                 "Sở Công Thương", "in-progress");
    chamber_petition_entry_save (entry);
    WAIT_FOR (entry_idle, entry, "the wrong date");
    g_assert_nonnull (chamber_petition_entry_get_error (entry));
    g_test_message ("refused: %s", chamber_petition_entry_get_error (entry));
    g_assert_cmpint (chamber_petition_entry_get_saved_id (entry), ==, 0);
    petitions = server_petitions (fx);
    g_assert_cmpuint (json_array_get_length (petitions), ==, 5);
    g_clear_pointer (&petitions, json_array_unref);
    chamber_petition_entry_fill (entry, NULL, "2025-03-01", NULL, NULL, NULL, NULL, NULL, NULL);
    chamber_petition_entry_save (entry);
    WAIT_FOR (entry_idle, entry, "the new request");
    g_assert_null (chamber_petition_entry_get_error (entry));
    g_assert_cmpuint (chamber_petition_entry_get_n_similar (entry), ==, 0);
    id = chamber_petition_entry_get_saved_id (entry);
    g_assert_cmpint (id, >, 0);
    WAIT_FOR (petitions_idle, page, "the list with the new request");
    g_assert_false (window_is_open (window));
    saved = server_petition (fx, id);
    g_assert_true (json_object_get_null_member (saved, "raised_again_of"));
    g_assert_cmpstr (json_object_get_string_member (saved, "status"), ==, "in-progress");
  }

  g_assert_true (chamber_desk_petitions_select (page, road_again));
  WAIT_FOR (petitions_idle, page, "the petition raised again");
  chamber_test_ui_save_screenshot (GTK_WIDGET (desk), "desk-petitions");
  chamber_test_ui_assert_keyboard_reachable (GTK_WINDOW (desk), "the Petitions page");
  chamber_desk_window_close_for (GTK_WINDOW (app->window));
}

static void
test_petitions (void)
{
  Fixture fx;

  fixture_setup (&fx);
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           petitions_body, &fx);
  fixture_teardown (&fx);
}

/* ---- supervision ------------------------------------------------------------------------ */

static void
add_resolved_petitions (Fixture *fx)
{
  const char *agencies[2] = { "Sở Giao thông vận tải", "Sở Y tế" };
  const char *subjects[] = { "đường giao thông nông thôn", "cầu dân sinh", "đèn chiếu sáng",
                             "trạm y tế", "bảo hiểm y tế", "thuốc chữa bệnh",
                             "xe buýt liên huyện", "bệnh viện tuyến huyện", "biển báo giao thông",
                             "vệ sinh an toàn thực phẩm" };

  for (guint i = 0; i < G_N_ELEMENTS (subjects); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"content\": \"Cử tri phản ánh về %s tại xã số %u\", \"agency\": \"%s\", "
        "\"field\": \"%s\", \"status\": \"%s\", \"meeting\": {\"date\": \"2025-03-1%u\", "
        "\"group\": \"Tổ %u\"}}",
        subjects[i], i + 1, agencies[i % 2], i % 2 ? "Y tế" : "Giao thông",
        i == 9 ? "in-progress" : "resolved", i % 9, i % 2 + 1);
      g_autoptr (JsonObject) answer = server_request (fx, "POST", "/api/v1/petitions", json);

      g_assert_nonnull (json_object_get_object_member (answer, "petition"));
    }
}

static void
supervision_body (ChamberTestApp *app, gpointer data)
{
  Fixture *fx = data;
  ChamberDeskWindow *desk = open_desk (app, fx, "supervision");
  ChamberDeskSupervision *page;
  ChamberSampleList *samples;
  g_autofree char *recommendation = g_build_filename (fx->dir, "kien-nghi-ubnd.pdf", NULL);
  g_autofree char *report = g_build_filename (fx->dir, "bao-cao.csv", NULL);
  g_autoptr (GFile) recommendation_file = g_file_new_for_path (recommendation);
  g_autoptr (GFile) report_file = g_file_new_for_path (report);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = g_date_time_format (now, "%Y-%m");
  g_autoptr (GArray) drawn = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 first_sample, first_petition;

  page = CHAMBER_DESK_SUPERVISION (find_widget (GTK_WIDGET (desk),
                                                CHAMBER_TYPE_DESK_SUPERVISION));
  g_assert_nonnull (page);
  samples = chamber_desk_supervision_get_samples (page);
  WAIT_FOR (supervision_idle, page, "the draws");
  g_assert_null (chamber_desk_supervision_get_error (page));
  g_assert_cmpint (chamber_desk_supervision_get_draw_id (page), ==, 0);

  /* A seed that cannot be read is refused in the page, and nothing is drawn. */
  chamber_desk_supervision_draw (page, "resolved", 4, NULL, "agency", "12ab");
  g_assert_nonnull (chamber_desk_supervision_get_error (page));
  /* No petition yet: the server's refusal shows. */
  chamber_desk_supervision_draw (page, "resolved", 4, NULL, "agency", "987654321");
  WAIT_FOR (supervision_idle, page, "the refused draw");
  g_assert_nonnull (chamber_desk_supervision_get_error (page));
  g_test_message ("refused: %s", chamber_desk_supervision_get_error (page));

  add_resolved_petitions (fx);
  chamber_desk_supervision_draw (page, "resolved", 4, NULL, "agency", "987654321");
  WAIT_FOR (supervision_idle, page, "the draw");
  g_assert_null (chamber_desk_supervision_get_error (page));
  g_assert_cmpint (chamber_desk_supervision_get_draw_id (page), >, 0);
  g_assert_cmpstr (chamber_desk_supervision_get_seed (page), ==, "987654321");
  WAIT_FOR (samples_idle, samples, "the drawn petitions");
  g_assert_cmpuint (chamber_sample_list_get_n_rows (samples), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      gint64 id = chamber_sample_list_get_row_petition (samples, i);

      g_array_append_val (drawn, id);
    }
  g_assert_cmpuint (chamber_desk_supervision_get_n_checks (page), ==, 2);

  /* The same seed through the API draws the same petitions in the same order. */
  {
    g_autoptr (JsonObject) answer = server_request (
      fx, "POST", "/api/v1/supervision/draws",
      "{\"status\": \"resolved\", \"size\": 4, \"by\": \"agency\", \"seed\": \"987654321\"}");
    JsonObject *draw = json_object_get_object_member (answer, "draw");
    JsonArray *api_samples = json_object_get_array_member (draw, "samples");

    g_assert_cmpstr (json_object_get_string_member (draw, "seed"), ==, "987654321");
    g_assert_cmpuint (json_array_get_length (api_samples), ==, drawn->len);
    for (guint i = 0; i < drawn->len; i++)
      {
        JsonObject *sample = json_array_get_object_element (api_samples, i);

        g_assert_cmpint (json_object_get_int_member (
                           json_object_get_object_member (sample, "petition"), "id"),
                         ==, g_array_index (drawn, gint64, i));
      }
  }
  /* The page shows the newest draw after a reload; go back to the one drawn there. */
  chamber_desk_supervision_reload (page);
  WAIT_FOR (supervision_idle, page, "the draws again");
  g_assert_true (chamber_desk_supervision_select_draw (page, chamber_desk_supervision_get_draw_id (page)));

  /* Assign the first drawn petition to "Tổ 1" and record it as not resolved. */
  WAIT_FOR (samples_idle, samples, "the samples");
  first_sample = chamber_sample_list_get_row_sample (samples, 0);
  first_petition = chamber_sample_list_get_row_petition (samples, 0);
  g_assert_true (chamber_sample_list_select (samples, first_sample));
  chamber_sample_list_assign (samples, "Tổ 1");
  WAIT_FOR (samples_idle, samples, "the assignment");
  g_assert_null (chamber_sample_list_get_error (samples));
  g_assert_cmpstr (chamber_sample_list_get_row_assignee (samples, 0), ==, "Tổ 1");
  chamber_sample_list_record_finding (samples, "not-resolved", "Mặt đường vẫn hư hỏng", NULL);
  WAIT_FOR (samples_idle, samples, "the finding");
  g_assert_null (chamber_sample_list_get_error (samples));
  g_assert_cmpstr (chamber_sample_list_get_row_finding (samples, 0), ==, "not-resolved");
  {
    g_autoptr (JsonObject) p = server_petition (fx, first_petition);

    g_assert_cmpstr (json_object_get_string_member (p, "status"), ==, "in-progress");
  }
  /* The per-agency checks are asked again: one petition checked now. */
  WAIT_FOR (supervision_idle, page, "the checks");
  g_assert_cmpuint (chamber_desk_supervision_get_checked (page), ==, 1);

  /* The recommendation and the monthly report, saved. */
  chamber_desk_supervision_save_recommendation (page, recommendation_file);
  WAIT_FOR (supervision_idle, page, "the recommendation");
  g_assert_null (chamber_desk_supervision_get_error (page));
  {
    g_autofree char *contents = NULL;
    gsize size = 0;

    g_assert_true (g_file_get_contents (recommendation, &contents, &size, NULL));
    g_assert_cmpuint (size, >, 4);
    g_assert_true (memcmp (contents, "%PDF", 4) == 0);
  }
  chamber_desk_supervision_save_report (page, month, "csv", report_file);
  WAIT_FOR (supervision_idle, page, "the report");
  g_assert_null (chamber_desk_supervision_get_error (page));
  {
    g_autofree char *contents = NULL;
    gsize size = 0;

    g_assert_true (g_file_get_contents (report, &contents, &size, NULL));
    g_assert_cmpuint (size, >, 3);
    g_assert_true (memcmp (contents, "\xEF\xBB\xBF", 3) == 0);
    g_assert_nonnull (strstr (contents, "Sở Y tế"));
  }
  chamber_desk_supervision_save_report (page, "2025-13x", "pdf", report_file);
  g_assert_nonnull (chamber_desk_supervision_get_error (page));

  chamber_test_ui_save_screenshot (GTK_WIDGET (desk), "desk-supervision");
  chamber_test_ui_assert_keyboard_reachable (GTK_WINDOW (desk), "the Supervision page");
  chamber_desk_window_close_for (GTK_WINDOW (app->window));
}

static void
test_supervision (void)
{
  Fixture fx;

  fixture_setup (&fx);
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           supervision_body, &fx);
  fixture_teardown (&fx);
}

/* ---- a delegate group ------------------------------------------------------------------- */

typedef struct {
  Fixture *fx;
  gint64   sample;
  gint64   petition;
} GroupData;

static void
group_body (ChamberTestApp *app, gpointer data)
{
  GroupData *gd = data;
  ChamberSupervisionWindow *window;
  ChamberSampleList *samples;
  gboolean known = FALSE;

  chamber_test_ui_connect (app, gd->fx->server->url, gd->fx->group_token);
  WAIT_FOR (supervision_known, app->window, "the samples assigned");
  g_assert_true (chamber_window_get_supervision_allowed (app->window, &known));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.supervision", NULL));
  window = chamber_supervision_window_get_for (GTK_WINDOW (app->window));
  g_assert_nonnull (window);
  samples = chamber_supervision_window_get_samples (window);
  WAIT_FOR (samples_idle, samples, "the group's samples");
  g_assert_null (chamber_sample_list_get_error (samples));
  g_assert_cmpuint (chamber_sample_list_get_n_rows (samples), ==, 1);
  g_assert_cmpint (chamber_sample_list_get_row_sample (samples, 0), ==, gd->sample);
  g_assert_true (chamber_sample_list_select (samples, gd->sample));
  {
    g_autofree char *photo_path = g_build_filename (gd->fx->dir, "anh-hien-truong.png", NULL);
    g_autoptr (GFile) photo = g_file_new_for_path (photo_path);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 64, 48);
    cairo_t *cr = cairo_create (surface);

    cairo_set_source_rgb (cr, 0.2, 0.6, 0.3);
    cairo_paint (cr);
    cairo_destroy (cr);
    g_assert_cmpint (cairo_surface_write_to_png (surface, photo_path), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
    chamber_sample_list_record_finding (samples, "confirmed", "Đã kiểm tra thực địa", photo);
    WAIT_FOR (samples_idle, samples, "the group's finding");
    g_assert_null (chamber_sample_list_get_error (samples));
    g_assert_cmpstr (chamber_sample_list_get_row_finding (samples, 0), ==, "confirmed");

    /* The member opens the photo: fetched into the cache under its hash, byte for byte. */
    g_assert_true (chamber_sample_list_select (samples, gd->sample));
    chamber_sample_list_open_evidence (samples);
    WAIT_FOR (evidence_shown, samples, "the evidence photo");
    g_assert_null (chamber_sample_list_get_error (samples));
    {
      GtkWindow *shown = chamber_sample_list_get_evidence_window (samples);
      GtkPicture *picture = GTK_PICTURE (find_widget (GTK_WIDGET (shown), GTK_TYPE_PICTURE));
      g_autofree char *shown_path = g_file_get_path (gtk_picture_get_file (picture));
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;
      g_autofree char *hash = NULL;
      g_autofree char *base = g_path_get_basename (shown_path);
      gsize a_len = 0, b_len = 0;

      g_assert_false (CHAMBER_IS_VIEWER_WINDOW (shown));
      g_assert_true (g_file_get_contents (shown_path, &a, &a_len, NULL));
      g_assert_true (g_file_get_contents (photo_path, &b, &b_len, NULL));
      g_assert_cmpmem (a, a_len, b, b_len);
      hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) b, b_len);
      g_assert_true (g_str_has_prefix (base, hash));
      g_assert_true (g_str_has_suffix (base, ".png"));
      gtk_window_destroy (shown);
    }
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  chamber_test_ui_save_screenshot (GTK_WIDGET (window), "group-supervision");
  chamber_test_ui_assert_keyboard_reachable (GTK_WINDOW (window), "the Supervision window");
  chamber_supervision_window_close_for (GTK_WINDOW (app->window));
}

static void
other_group_body (ChamberTestApp *app, gpointer data)
{
  GroupData *gd = data;
  gboolean known = FALSE;

  chamber_test_ui_connect (app, gd->fx->server->url, gd->fx->other_token);
  WAIT_FOR (supervision_known, app->window, "the samples assigned");
  g_assert_false (chamber_window_get_supervision_allowed (app->window, &known));
  g_assert_true (known);
  gtk_widget_activate_action (GTK_WIDGET (app->window), "win.supervision", NULL);
  g_assert_null (chamber_supervision_window_get_for (GTK_WINDOW (app->window)));
}

static void
test_group (void)
{
  Fixture fx;
  GroupData gd = { &fx, 0, 0 };

  fixture_setup (&fx);
  add_resolved_petitions (&fx);
  {
    g_autoptr (JsonObject) answer = server_request (
      &fx, "POST", "/api/v1/supervision/draws",
      "{\"status\": \"resolved\", \"size\": 3, \"seed\": \"42\"}");
    JsonObject *draw = json_object_get_object_member (answer, "draw");
    JsonObject *sample = json_array_get_object_element (
      json_object_get_array_member (draw, "samples"), 1);
    g_autofree char *path = NULL;
    g_autoptr (JsonObject) assigned = NULL;

    gd.sample = json_object_get_int_member (sample, "id");
    path = g_strdup_printf ("/api/v1/supervision/samples/%lld", (long long) gd.sample);
    assigned = server_request (&fx, "PUT", path, "{\"assignee\": \"tổ 1\"}");
  }
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           group_body, &gd);
  {
    g_autoptr (JsonObject) answer = server_request (&fx, "GET", "/api/v1/supervision/samples",
                                                    NULL);
    JsonArray *all = json_object_get_array_member (answer, "samples");
    gboolean found = FALSE;

    for (guint i = 0; i < json_array_get_length (all); i++)
      {
        JsonObject *s = json_array_get_object_element (all, i);

        if (json_object_get_int_member (s, "id") == gd.sample)
          {
            JsonObject *finding = json_object_get_object_member (s, "finding");

            g_assert_nonnull (finding);
            g_assert_cmpstr (json_object_get_string_member (finding, "result"), ==,
                             "confirmed");
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
  /* The next run starts from the welcome page again, not the connection remembered. */
  {
    g_autofree char *config = chamber_connection_get_config_path ();

    g_unlink (config);
  }
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE | CHAMBER_TEST_APP_KEEP_REFERENCES,
                           other_group_body, &gd);
  fixture_teardown (&fx);
}

int
main (int argc, char *argv[])
{
  int status;

  test_home = chamber_test_ui_init (&argc, &argv, "chamber-test-ui-petitions-XXXXXX",
                                    CHAMBER_TEST_UI_INIT_DEFAULT);
  if (test_home == NULL)
    return 77;

  g_test_add_func ("/petitions/import-and-change", test_petitions);
  g_test_add_func ("/petitions/supervision", test_supervision);
  g_test_add_func ("/petitions/group", test_group);
  status = g_test_run ();
  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
