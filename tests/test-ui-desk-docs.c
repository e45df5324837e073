/* test-ui-desk-docs.c — the desk's Documents, Delivery and Access pages (issue 6) under a real
 * display (xvfb-run + dbus-run-session), against a real chamberd started by the test, signed
 * in with a secretariat's token. Each page sits in a plain 1366×768 window.
 *
 * Documents: two real PDFs, a file that is not a PDF, an empty file, a PDF over the server's
 * upload limit and a folder go through the drop handler's own function (a GdkFileList, as a
 * drop from the file manager brings): each gets its row, the two PDFs their pages and the
 * bytes sent, the others the server's (or the page's) reason, and the server holds exactly the
 * two documents with the kind and access chosen. A document is replaced by a new version, and
 * another's access is narrowed to a delegate group: the delegate outside it no longer finds it
 * in their manifest, while an access naming nobody known is refused in the page and changes
 * nothing; a page closed while it uploads goes without a crash and sends nothing more.
 * Delivery: a delegate misses the document they may read until they sync with `chamberctl
 * sync`, then has it; after a new version they hold an outdated one until the next sync. Access:
 * people are found without diacritics; a token issued through the row's button and dialog with
 * an expiry is shown once, works against the server, and its handover sheet is a one-page PDF
 * holding the token; revoked through the confirmation, the server refuses it; a malformed or
 * past expiry is refused with a message. Drafts: an upload is a draft by default, tagged in the
 * page and absent from a delegate's manifest until its Publish button is pressed; Publish All
 * Drafts… asks first, naming how many documents go out, then publishes them all. Each wait
 * pumps the main loop until a condition holds. With CHAMBER_TEST_SCREENSHOTS set to a folder, each page is saved there as a PNG. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "chamber-client.h"
#include "chamber-connection.h"
#include "chamber-desk-access.h"
#include "chamber-desk-delivery.h"
#include "chamber-desk-documents.h"
#include "chamber-desk-sessions.h"
#include "chamber-desk-window.h"
#include "chamber-pdf.h"
#include "chamber-protocol.h"
#include "chamber-test-ui.h"
#include "chamber-test-util.h"

#define WAIT_MS (120 * 1000)

static char *test_home;

#define WAIT_FOR(condition, data, what) \
  G_STMT_START { \
    if (!chamber_test_pump_until ((condition), (data), WAIT_MS)) \
      g_error ("%s: not within %d s", (what), WAIT_MS / 1000); \
  } G_STMT_END

/* ---- the server ------------------------------------------------------------------------- */

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *admin;
  ChamberConnection *connection;     /* the secretariat's */
  gint64             session;
  gint64             item_opening;
  gint64             item_budget;
  gint64             delegate_a;     /* Tổ 1 */
  gint64             delegate_b;     /* Tổ 2 */
  gint64             report_id;      /* the newest version of the report */
  char              *secretariat_token;
  char              *delegate_a_token;
  char              *delegate_b_token;
  char              *dir;            /* files to upload, sync folders */
  GtkWindow         *window;
} Fixture;

static gint64
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
  return added->id;
}

static void
fixture_setup (Fixture *fx)
{
  const char *const serve_args[] = { "--max-upload-mb", "1", NULL };
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (GError) error = NULL;

  memset (fx, 0, sizeof *fx);
  fx->server = chamber_test_server_start_with_args (serve_args);
  fx->admin = chamber_client_new (fx->server->url, fx->server->admin_token, &error);
  g_assert_no_error (error);
  session->number = 12;
  session->title = g_strdup ("Kỳ họp thứ mười hai");
  created = chamber_client_create_session (fx->admin, session, NULL, &error);
  g_assert_no_error (error);
  fx->session = created->id;
  fx->item_opening = chamber_test_add_item (fx->admin, fx->session, "Khai mạc kỳ họp");
  fx->item_budget = chamber_test_add_item (fx->admin, fx->session, "Dự toán ngân sách 2026");

  add_person (fx, "Trần Văn Phúc", CHAMBER_ROLE_SECRETARIAT, NULL, &fx->secretariat_token);
  fx->delegate_a = add_person (fx, "Lê Quang Minh", CHAMBER_ROLE_DELEGATE, "Tổ 1",
                               &fx->delegate_a_token);
  fx->delegate_b = add_person (fx, "Nguyễn Thị Hoa", CHAMBER_ROLE_DELEGATE, "Tổ 2",
                               &fx->delegate_b_token);
  fx->connection = chamber_connection_new_server (fx->server->url, fx->secretariat_token, &error);
  g_assert_no_error (error);
  fx->dir = chamber_test_make_temp_dir ("chamber-desk-docs-XXXXXX");

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 1366, 768);
  gtk_window_present (fx->window);
}

static void
fixture_teardown (Fixture *fx)
{
  gtk_window_destroy (fx->window);
  chamber_test_rm_rf (fx->dir);
  g_free (fx->dir);
  g_free (fx->secretariat_token);
  g_free (fx->delegate_a_token);
  g_free (fx->delegate_b_token);
  chamber_connection_free (fx->connection);
  g_clear_object (&fx->admin);
  chamber_test_server_free (fx->server);
}

static char *
file_in (Fixture *fx, const char *name)
{
  return g_build_filename (fx->dir, name, NULL);
}

static JsonArray *
server_documents (Fixture *fx, JsonNode **out_answer)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/documents",
                                           (long long) fx->session);

  *out_answer = chamber_client_request_json (fx->admin, "GET", path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (*out_answer), "documents");
}

/* TRUE when @token's manifest of the session lists a document titled @title. */
static gboolean
manifest_lists (Fixture *fx, const char *token, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberClient) client = chamber_client_new (fx->server->url, token, &error);
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/manifest",
                                           (long long) fx->session);
  g_autoptr (JsonNode) answer = NULL;
  JsonArray *documents;

  g_assert_no_error (error);
  answer = chamber_client_request_json (client, "GET", path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  documents = json_object_get_array_member (json_node_get_object (answer), "documents");
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);

      if (g_strcmp0 (json_object_get_string_member (document, "title"), title) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- waiting ------------------------------------------------------------------------------ */

typedef struct {
  gpointer page;
  guint    n;
} Count;

static gboolean
documents_loaded (gpointer data)
{
  Count *count = data;

  return chamber_desk_documents_get_loads_completed (count->page) >= count->n;
}

static gboolean
documents_idle (gpointer data)
{
  return !chamber_desk_documents_get_busy (data);
}

static gboolean
access_changed (gpointer data)
{
  Count *count = data;

  return chamber_desk_documents_get_access_changes_completed (count->page) >= count->n;
}

static gboolean
delivery_loaded (gpointer data)
{
  Count *count = data;

  return chamber_desk_delivery_get_loads_completed (count->page) >= count->n;
}

static gboolean
access_loaded (gpointer data)
{
  Count *count = data;

  return chamber_desk_access_get_loads_completed (count->page) >= count->n;
}

static gboolean
issued (gpointer data)
{
  Count *count = data;

  return chamber_desk_access_get_issues_completed (count->page) >= count->n;
}

static gboolean
handover_written (gpointer data)
{
  Count *count = data;

  return chamber_desk_access_get_handovers_completed (count->page) >= count->n;
}

static char *
strip_spaces (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static gboolean
revoked (gpointer data)
{
  Count *count = data;

  return chamber_desk_access_get_revokes_completed (count->page) >= count->n;
}

/* Waits for @page to show the document titled @title at @version. */
typedef struct {
  ChamberDeskDocuments *page;
  const char           *title;
  int                   version;
} Shown;

static gboolean
document_shown (gpointer data)
{
  Shown *shown = data;
  int version = 0;

  return chamber_desk_documents_find_document (shown->page, shown->title, &version) > 0
         && version == shown->version;
}

/* ---- Documents ---------------------------------------------------------------------------- */

/* Reloads @page and waits for that load: none other is under way afterwards. */
static void
settle (ChamberDeskDocuments *page)
{
  Count count = { page, chamber_desk_documents_get_loads_completed (page) + 1 };

  chamber_desk_documents_reload (page);
  WAIT_FOR (documents_loaded, &count, "the documents page loads again");
}

static void
check_documents (Fixture *fx)
{
  ChamberDeskDocuments *page;
  g_autofree char *report = file_in (fx, "Báo cáo kinh tế.pdf");
  g_autofree char *plan = file_in (fx, "Kế hoạch đầu tư.pdf");
  g_autofree char *fake = file_in (fx, "Không phải PDF.pdf");
  g_autofree char *empty = file_in (fx, "Trống.pdf");
  g_autofree char *huge = file_in (fx, "Quá lớn.pdf");
  g_autofree char *folder = file_in (fx, "Thư mục.pdf");
  g_autofree char *report2 = file_in (fx, "Báo cáo kinh tế (sửa).pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) answer = NULL;
  GSList *list = NULL;
  GdkFileList *files;
  JsonArray *documents;
  Count count;
  Shown shown;
  ChamberDeskUploadState state;
  const char *name, *message;
  int pages;
  goffset sent;
  gint64 report_id, plan_id;
  guint before;

  chamber_test_write_pdf (report, 3, "Báo cáo kinh tế");
  chamber_test_write_pdf (plan, 2, "Kế hoạch đầu tư");
  g_assert_true (g_file_set_contents (fake, "Đây là một tệp văn bản, không phải PDF.\n", -1,
                                      NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  chamber_test_write_noise_pdf (huge, 1536 * 1024, 7, 20);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);

  page = CHAMBER_DESK_DOCUMENTS (chamber_desk_documents_new (fx->connection));
  gtk_window_set_child (fx->window, GTK_WIDGET (page));
  chamber_desk_documents_set_session (page, fx->session);
  count = (Count) { page, 1 };
  WAIT_FOR (documents_loaded, &count, "the documents page loads");
  g_assert_null (chamber_desk_documents_get_error (page));

  /* The files dropped from the file manager, as the drop target hands them over; published at
   * once (drafts are in check_drafts()). */
  chamber_desk_documents_set_upload_options (page, CHAMBER_DOCUMENT_REPORT, 0, NULL);
  chamber_desk_documents_set_publish_now (page, TRUE);
  list = g_slist_append (list, g_file_new_for_path (report));
  list = g_slist_append (list, g_file_new_for_path (plan));
  list = g_slist_append (list, g_file_new_for_path (fake));
  list = g_slist_append (list, g_file_new_for_path (empty));
  list = g_slist_append (list, g_file_new_for_path (huge));
  list = g_slist_append (list, g_file_new_for_path (folder));
  files = gdk_file_list_new_from_list (list);
  g_slist_free_full (list, g_object_unref);
  chamber_desk_documents_drop_files (page, fx->item_budget, files);
  g_boxed_free (GDK_TYPE_FILE_LIST, files);
  g_assert_cmpuint (chamber_desk_documents_get_n_uploads (page), ==, 6);
  WAIT_FOR (documents_idle, page, "the uploads end");

  state = chamber_desk_documents_get_upload (page, 0, &name, &pages, &message, &sent);
  g_assert_cmpstr (name, ==, "Báo cáo kinh tế.pdf");
  g_assert_cmpint (state, ==, CHAMBER_DESK_UPLOAD_ACCEPTED);
  g_assert_cmpint (pages, ==, 3);
  {
    g_autoptr (GFile) file = g_file_new_for_path (report);
    g_autoptr (GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                    G_FILE_QUERY_INFO_NONE, NULL, NULL);

    /* The progress counted every byte of the file. */
    g_assert_cmpint (sent, ==, g_file_info_get_size (info));
  }
  state = chamber_desk_documents_get_upload (page, 1, &name, &pages, &message, NULL);
  g_assert_cmpint (state, ==, CHAMBER_DESK_UPLOAD_ACCEPTED);
  g_assert_cmpint (pages, ==, 2);
  for (guint i = 2; i < 6; i++)
    {
      state = chamber_desk_documents_get_upload (page, i, &name, &pages, &message, NULL);
      g_test_message ("%s: %s", name, message);
      g_assert_cmpint (state, ==, CHAMBER_DESK_UPLOAD_REFUSED);
      g_assert_nonnull (message);
      g_assert_cmpuint (strlen (message), >, 10);
    }
  /* The server's own words: the fake is not a PDF, the empty file is empty, the big one is
   * over the limit. */
  chamber_desk_documents_get_upload (page, 2, NULL, NULL, &message, NULL);
  g_assert_nonnull (strstr (message, "PDF"));
  chamber_desk_documents_get_upload (page, 3, NULL, NULL, &message, NULL);
  g_assert_true (strstr (message, "empty") != NULL || strstr (message, "Empty") != NULL
                 || strstr (message, "rỗng") != NULL || strstr (message, "trống") != NULL);
  chamber_desk_documents_get_upload (page, 5, NULL, NULL, &message, NULL);
  g_assert_cmpstr (message, ==, _("This is a folder, not a PDF file."));

  /* The server holds the two PDFs and nothing of the rest. */
  documents = server_documents (fx, &answer);
  g_assert_cmpuint (json_array_get_length (documents), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);

      g_assert_cmpstr (json_object_get_string_member (document, "kind"), ==, "report");
      g_assert_cmpint (json_object_get_int_member (document, "item_id"), ==, fx->item_budget);
    }
  shown = (Shown) { page, "Báo cáo kinh tế", 1 };
  WAIT_FOR (document_shown, &shown, "the page lists the report");
  shown = (Shown) { page, "Kế hoạch đầu tư", 1 };
  WAIT_FOR (document_shown, &shown, "the page lists the plan");
  chamber_test_ui_save_screenshot (GTK_WIDGET (fx->window), "desk-documents");

  /* A new version of the report. */
  report_id = chamber_desk_documents_find_document (page, "Báo cáo kinh tế", NULL);
  chamber_test_write_pdf (report2, 4, "Báo cáo kinh tế, bản sửa");
  {
    g_autoptr (GFile) file = g_file_new_for_path (report2);

    chamber_desk_documents_replace (page, report_id, file);
  }
  WAIT_FOR (documents_idle, page, "the new version is uploaded");
  state = chamber_desk_documents_get_upload (page, 6, NULL, &pages, &message, NULL);
  g_assert_cmpint (state, ==, CHAMBER_DESK_UPLOAD_ACCEPTED);
  g_assert_cmpint (pages, ==, 4);
  shown = (Shown) { page, "Báo cáo kinh tế", 2 };
  WAIT_FOR (document_shown, &shown, "the page lists version 2");
  fx->report_id = chamber_desk_documents_find_document (page, "Báo cáo kinh tế", NULL);
  {
    g_autofree char *path = NULL;
    g_autoptr (JsonNode) document = NULL;
    JsonObject *object;

    path = g_strdup_printf ("/api/v1/documents/%lld",
                            (long long) chamber_desk_documents_find_document (page,
                                                                              "Báo cáo kinh tế",
                                                                              NULL));
    document = chamber_client_request_json (fx->admin, "GET", path, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    object = json_object_get_object_member (json_node_get_object (document), "document");
    g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (object, "pages"), ==, 4);
    g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (object,
                                                                                "replaces"),
                                                 "document_id"), ==, report_id);
  }

  /* Only Tổ 2 may read the plan: delegate A (Tổ 1) loses it, delegate B keeps it. */
  plan_id = chamber_desk_documents_find_document (page, "Kế hoạch đầu tư", NULL);
  g_assert_true (manifest_lists (fx, fx->delegate_a_token, "Kế hoạch đầu tư"));
  before = chamber_desk_documents_get_access_changes_completed (page);
  g_assert_true (chamber_desk_documents_set_access (page, plan_id, 1, "Tổ 2"));
  count = (Count) { page, before + 1 };
  WAIT_FOR (access_changed, &count, "the access change");
  g_assert_null (chamber_desk_documents_get_error (page));
  g_assert_false (manifest_lists (fx, fx->delegate_a_token, "Kế hoạch đầu tư"));
  g_assert_true (manifest_lists (fx, fx->delegate_b_token, "Kế hoạch đầu tư"));
  g_assert_true (manifest_lists (fx, fx->delegate_a_token, "Báo cáo kinh tế"));

  /* Naming nobody known is refused in the page, and the server is not asked. */
  before = chamber_desk_documents_get_access_changes_completed (page);
  g_assert_false (chamber_desk_documents_set_access (page, plan_id, 2, "Ai Đó Không Có"));
  g_assert_nonnull (chamber_desk_documents_get_error (page));
  g_assert_nonnull (strstr (chamber_desk_documents_get_error (page), "Ai Đó Không Có"));
  g_assert_false (chamber_desk_documents_set_access (page, plan_id, 1, " , "));
  g_assert_cmpuint (chamber_desk_documents_get_access_changes_completed (page), ==, before);
  g_assert_true (manifest_lists (fx, fx->delegate_b_token, "Kế hoạch đầu tư"));
  /* A person by name. */
  g_assert_true (chamber_desk_documents_set_access (page, plan_id, 2,
                                                    "Nguyễn Thị Hoa, lê quang minh"));
  count = (Count) { page, before + 1 };
  WAIT_FOR (access_changed, &count, "the access change to people");
  g_assert_null (chamber_desk_documents_get_error (page));
  g_assert_true (manifest_lists (fx, fx->delegate_a_token, "Kế hoạch đầu tư"));
  /* Back to Tổ 2 for the delivery below. */
  g_assert_true (chamber_desk_documents_set_access (page, plan_id, 1, "Tổ 2"));
  count = (Count) { page, before + 2 };
  WAIT_FOR (access_changed, &count, "the access change back");
  g_assert_false (manifest_lists (fx, fx->delegate_a_token, "Kế hoạch đầu tư"));
  /* A group name far past what the server takes is refused in the page. */
  {
    g_autofree char *long_name = g_strnfill (5000, 'x');

    g_assert_false (chamber_desk_documents_set_access (page, plan_id, 1, long_name));
    g_assert_nonnull (chamber_desk_documents_get_error (page));
  }
  /* Every access change reloads the page: let the last load land before walking its widgets,
   * which a load replaces. Reloading cancels any load still under way. */
  settle (page);
  chamber_test_ui_save_screenshot (GTK_WIDGET (fx->window), "desk-documents-uploaded");
  chamber_test_ui_assert_keyboard_reachable (fx->window, "documents");

  /* Closed while it uploads: the page goes away without a crash, the file being sent ends on
   * the server or not at all, and the files still waiting are never sent. */
  {
    g_autofree char *late1 = file_in (fx, "Gửi muộn 1.pdf");
    g_autofree char *late2 = file_in (fx, "Gửi muộn 2.pdf");
    g_autoptr (JsonNode) after = NULL;
    guint n_before;

    chamber_test_write_pdf (late1, 30, "Gửi muộn");
    chamber_test_write_pdf (late2, 2, "Gửi muộn");
    documents = server_documents (fx, &after);
    n_before = json_array_get_length (documents);
    g_clear_pointer (&after, json_node_unref);
    list = g_slist_append (NULL, g_file_new_for_path (late1));
    list = g_slist_append (list, g_file_new_for_path (late2));
    files = gdk_file_list_new_from_list (list);
    g_slist_free_full (list, g_object_unref);
    g_object_ref (page);
    /* Readable by the secretariat only, so that the delegates' delivery stays as it is. */
    chamber_desk_documents_set_upload_options (page, CHAMBER_DOCUMENT_OTHER, 2, "Trần Văn Phúc");
    chamber_desk_documents_drop_files (page, fx->item_opening, files);
    g_boxed_free (GDK_TYPE_FILE_LIST, files);
    g_assert_true (chamber_desk_documents_get_busy (page));
    gtk_window_set_child (fx->window, NULL);
    g_object_run_dispose (G_OBJECT (page));
    WAIT_FOR (documents_idle, page, "the upload under way ends");
    g_object_unref (page);
    documents = server_documents (fx, &after);
    g_assert_cmpuint (json_array_get_length (documents), <=, n_before + 1);
    for (guint i = 0; i < json_array_get_length (documents); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (documents, i),
                                                      "title"), !=, "Gửi muộn 2");
  }
}

/* ---- Delivery ----------------------------------------------------------------------------- */

static int
delivery_row_of (ChamberDeskDelivery *page, gint64 person)
{
  for (guint i = 0; i < chamber_desk_delivery_get_n_rows (page); i++)
    if (chamber_desk_delivery_get_row_person (page, i) == person)
      return (int) i;
  return -1;
}

static void
check_delivery (Fixture *fx)
{
  ChamberDeskDelivery *page;
  g_autofree char *sync_dir = file_in (fx, "sync-a");
  g_autofree char *session = g_strdup_printf ("%lld", (long long) fx->session);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  Count count;
  int row;
  int status;

  page = CHAMBER_DESK_DELIVERY (chamber_desk_delivery_new (fx->connection));
  gtk_window_set_child (fx->window, GTK_WIDGET (page));
  chamber_desk_delivery_set_session (page, fx->session);
  count = (Count) { page, 1 };
  WAIT_FOR (delivery_loaded, &count, "the delivery page loads");
  g_assert_null (chamber_desk_delivery_get_error (page));

  /* Delegate A may read the report only, and has not synced: one missing. */
  row = delivery_row_of (page, fx->delegate_a);
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpuint (chamber_desk_delivery_get_row_missing (page, row), ==, 1);
  row = delivery_row_of (page, fx->delegate_b);
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpuint (chamber_desk_delivery_get_row_missing (page, row), ==, 2);
  chamber_test_ui_save_screenshot (GTK_WIDGET (fx->window), "desk-delivery-missing");

  /* Delegate A syncs on their laptop. */
  status = chamber_test_run ((const char *const[]) { chamber_test_chamberctl_path (),
                                                     "--server", fx->server->url,
                                                     "--token", fx->delegate_a_token,
                                                     "sync", "--dir", sync_dir,
                                                     "--session", session, NULL },
                             NULL, &out, &err);
  g_assert_cmpint (status, ==, 0);

  chamber_desk_delivery_reload (page);
  count = (Count) { page, 2 };
  WAIT_FOR (delivery_loaded, &count, "the delivery page loads again");
  g_assert_null (chamber_desk_delivery_get_error (page));
  row = delivery_row_of (page, fx->delegate_a);
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpuint (chamber_desk_delivery_get_row_missing (page, row), ==, 0);
  row = delivery_row_of (page, fx->delegate_b);
  g_assert_cmpuint (chamber_desk_delivery_get_row_missing (page, row), ==, 2);

  /* Only the people missing something: B stays, A goes. */
  chamber_desk_delivery_set_only_missing (page, TRUE);
  g_assert_cmpint (delivery_row_of (page, fx->delegate_a), ==, -1);
  g_assert_cmpint (delivery_row_of (page, fx->delegate_b), >=, 0);
  for (guint i = 0; i < chamber_desk_delivery_get_n_rows (page); i++)
    g_assert_cmpuint (chamber_desk_delivery_get_row_missing (page, i), >, 0);
  chamber_test_ui_save_screenshot (GTK_WIDGET (fx->window), "desk-delivery");
  chamber_desk_delivery_set_only_missing (page, FALSE);
  g_assert_cmpint (delivery_row_of (page, fx->delegate_a), >=, 0);
  row = delivery_row_of (page, fx->delegate_b);
  g_assert_cmpuint (chamber_desk_delivery_get_row_outdated (page, row), ==, 0);

  /* Version 3 of the report: A holds version 2, outdated until the next sync. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ChamberDocument) replaced = NULL;
    g_autofree char *path = file_in (fx, "Báo cáo kinh tế v3.pdf");

    chamber_test_write_pdf (path, 5, "Báo cáo kinh tế, bản ba");
    replaced = chamber_client_replace_document (fx->admin, fx->report_id, path, -1, NULL, NULL,
                                                &error);
    g_assert_no_error (error);
    g_assert_cmpint (replaced->version, ==, 3);
  }
  chamber_desk_delivery_reload (page);
  count = (Count) { page, 3 };
  WAIT_FOR (delivery_loaded, &count, "the delivery page loads a third time");
  row = delivery_row_of (page, fx->delegate_a);
  g_assert_cmpuint (chamber_desk_delivery_get_row_missing (page, row), ==, 1);
  g_assert_cmpuint (chamber_desk_delivery_get_row_outdated (page, row), ==, 1);
  chamber_test_ui_save_screenshot (GTK_WIDGET (fx->window), "desk-delivery-outdated");
  g_free (out);
  g_free (err);
  status = chamber_test_run ((const char *const[]) { chamber_test_chamberctl_path (),
                                                     "--server", fx->server->url,
                                                     "--token", fx->delegate_a_token,
                                                     "sync", "--dir", sync_dir,
                                                     "--session", session, NULL },
                             NULL, &out, &err);
  g_assert_cmpint (status, ==, 0);
  chamber_desk_delivery_reload (page);
  count = (Count) { page, 4 };
  WAIT_FOR (delivery_loaded, &count, "the delivery page loads a fourth time");
  row = delivery_row_of (page, fx->delegate_a);
  g_assert_cmpuint (chamber_desk_delivery_get_row_missing (page, row), ==, 0);
  chamber_test_ui_assert_keyboard_reachable (fx->window, "delivery");
}

/* ---- Delivery in the desk window ---------------------------------------------------------- */

typedef struct {
  guint    layouts;
  guint    paints;
  gboolean elapsed;
} FrameCount;

static void
frame_layout_cb (GdkFrameClock *clock, FrameCount *frames)
{
  frames->layouts++;
}

static void
frame_painted_cb (GdkFrameClock *clock, FrameCount *frames)
{
  frames->paints++;
}

static gboolean
frame_painted (gpointer data)
{
  return ((FrameCount *) data)->paints > 0;
}

static gboolean
second_elapsed_cb (gpointer data)
{
  ((FrameCount *) data)->elapsed = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
frames_elapsed (gpointer data)
{
  return ((FrameCount *) data)->elapsed;
}

static gboolean
desk_sessions_idle (gpointer data)
{
  return chamber_desk_sessions_get_loads (data) > 0
         && chamber_desk_sessions_get_pending (data) == 0;
}

static gboolean
widget_drawn (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0
         && gtk_widget_get_height (widget) > 0;
}

/* The first widget of @type under @widget (depth first), or NULL. */
static GtkWidget *
find_widget (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The Delivery page as the visible page of the real desk window: once it has drawn its rows,
 * a second of idle lays out and paints nothing (a layout loop, such as a label re-measured in
 * every allocation, would lay out and paint frame after frame, or never draw at all), and Tab
 * reaches every control. */
static void
check_delivery_in_desk (Fixture *fx)
{
  ChamberDeskWindow *desk;
  ChamberDeskSessions *sessions;
  ChamberDeskDelivery *page;
  GdkFrameClock *clock;
  GtkWidget *list, *row;
  FrameCount frames = { 0 };
  Count count;
  gulong layout_id, paint_id;

  desk = chamber_desk_window_present_for (fx->window, fx->connection);
  gtk_window_set_default_size (GTK_WINDOW (desk), 1366, 768);
  sessions = chamber_desk_window_get_sessions (desk);
  WAIT_FOR (desk_sessions_idle, sessions, "the desk's sessions");
  chamber_desk_sessions_select (sessions, fx->session);
  chamber_desk_window_show_page (desk, "delivery");
  g_assert_cmpstr (chamber_desk_window_get_page_name (desk), ==, "delivery");
  page = CHAMBER_DESK_DELIVERY (find_widget (GTK_WIDGET (desk), CHAMBER_TYPE_DESK_DELIVERY));
  g_assert_nonnull (page);
  count = (Count) { page, 1 };
  WAIT_FOR (delivery_loaded, &count, "the desk's delivery page loads");
  g_assert_null (chamber_desk_delivery_get_error (page));
  g_assert_cmpint (delivery_row_of (page, fx->delegate_a), >=, 0);

  /* Its rows are drawn. */
  list = find_widget (GTK_WIDGET (page), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  row = find_widget (list, ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (row);
  WAIT_FOR (widget_drawn, row, "the delivery rows are drawn");

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (desk));
  g_assert_nonnull (clock);
  layout_id = g_signal_connect (clock, "layout", G_CALLBACK (frame_layout_cb), &frames);
  paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), &frames);
  /* One paint of the page as it is now. */
  gtk_widget_queue_draw (GTK_WIDGET (desk));
  WAIT_FOR (frame_painted, &frames, "the desk paints");
  g_assert_true (widget_drawn (row));
  chamber_test_ui_save_screenshot (GTK_WIDGET (desk), "desk-delivery-window");

  /* A second of idle: nothing to lay out or paint. */
  frames = (FrameCount) { 0 };
  g_timeout_add_seconds (1, second_elapsed_cb, &frames);
  WAIT_FOR (frames_elapsed, &frames, "a second of idle");
  g_signal_handler_disconnect (clock, layout_id);
  g_signal_handler_disconnect (clock, paint_id);
  g_test_message ("idle desk with the delivery page: %u layouts, %u paints", frames.layouts,
                  frames.paints);
  g_assert_cmpuint (frames.layouts, ==, 0);
  /* At most the one frame still due from before (a loop paints one every 16 ms). */
  g_assert_cmpuint (frames.paints, <=, 1);

  chamber_test_ui_assert_keyboard_reachable (GTK_WINDOW (desk), "the desk's delivery");
  chamber_desk_window_close_for (fx->window);
}

/* ---- Access ------------------------------------------------------------------------------- */

/* The button labelled @label inside the row titled @row_title under @widget, or NULL. */
static GtkWidget *
find_button (GtkWidget *widget, const char *label, const char *row_title)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    {
      /* The nearest row of that title holding the button. */
      for (GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_ROW);
           row != NULL;
           row = gtk_widget_get_ancestor (gtk_widget_get_parent (row), ADW_TYPE_PREFERENCES_ROW))
        if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), row_title) == 0)
          return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label, row_title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The message dialog open over the test's windows, or NULL. */
static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr (GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
widget_realized (gpointer data)
{
  return gtk_widget_get_realized (data) && gtk_widget_get_mapped (data);
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
check_access (Fixture *fx)
{
  ChamberDeskAccess *page;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *sheet = file_in (fx, "handover.pdf");
  GtkWindow *dialog;
  gint64 token_id = 0;
  Count count;
  guint loads;

  page = CHAMBER_DESK_ACCESS (chamber_desk_access_new (fx->connection));
  gtk_window_set_child (fx->window, GTK_WIDGET (page));
  chamber_desk_access_set_session (page, fx->session);
  count = (Count) { page, 1 };
  WAIT_FOR (access_loaded, &count, "the access page loads");
  g_assert_null (chamber_desk_access_get_error (page));

  /* A day that is not one, and a day past, are refused with a message. */
  g_assert_false (chamber_desk_access_issue_token (page, fx->delegate_b, "31/12/2030"));
  g_assert_nonnull (chamber_desk_access_get_error (page));
  g_assert_true (chamber_desk_access_issue_token (page, fx->delegate_b, "2001-01-01"));
  count = (Count) { page, 1 };
  WAIT_FOR (issued, &count, "the server refuses a past expiry");
  g_assert_nonnull (chamber_desk_access_get_error (page));
  g_assert_null (chamber_desk_access_get_shown_token (page, NULL));

  /* A token that expires at the end of 2030, shown once: through the row's button and the
   * dialog it opens, as a person does. */
  loads = chamber_desk_access_get_loads_completed (page);
  {
    GtkWidget *button = find_button (GTK_WIDGET (page), _("Issue Token…"), "Nguyễn Thị Hoa");
    AdwMessageDialog *ask;
    GtkWidget *expiry;

    g_assert_nonnull (button);
    gtk_widget_activate (button);
    WAIT_FOR (message_dialog_shown, NULL, "the issue dialog");
    ask = find_message_dialog ();
    expiry = adw_message_dialog_get_extra_child (ask);
    g_assert_true (GTK_IS_EDITABLE (expiry));
    gtk_editable_set_text (GTK_EDITABLE (expiry), "2030-12-31");
    chamber_test_ui_save_screenshot (GTK_WIDGET (ask), "desk-access-issue");
    /* What its Issue button does: the response, then the dialog goes. */
    adw_message_dialog_response (ask, "issue");
    gtk_window_destroy (GTK_WINDOW (ask));
  }
  count = (Count) { page, 2 };
  WAIT_FOR (issued, &count, "a token is issued");
  g_assert_null (chamber_desk_access_get_error (page));
  token = g_strdup (chamber_desk_access_get_shown_token (page, &token_id));
  g_assert_nonnull (token);
  g_assert_true (g_str_has_prefix (token, "chm_"));
  g_assert_cmpint (token_id, >, 0);
  dialog = chamber_desk_access_get_token_dialog (page);
  g_assert_nonnull (dialog);
  chamber_test_ui_save_screenshot (GTK_WIDGET (dialog), "desk-access-token");
  {
    g_autoptr (ChamberClient) client = chamber_client_new (fx->server->url, token, &error);
    g_autoptr (ChamberPerson) me = NULL;

    g_assert_no_error (error);
    me = chamber_client_get_me (client, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (me->id, ==, fx->delegate_b);
  }
  /* The handover sheet: a real PDF holding the address and the token. */
  chamber_desk_access_save_handover (page, sheet);
  count = (Count) { page, 1 };
  WAIT_FOR (handover_written, &count, "the handover sheet is written");
  g_assert_null (chamber_desk_access_get_error (page));
  g_assert_cmpstr (chamber_desk_access_get_last_handover (page), ==, sheet);
  {
    g_autoptr (PopplerDocument) pdf = NULL;
    g_autoptr (PopplerPage) pdf_page = NULL;
    g_autofree char *text = NULL;
    g_autofree char *flat = NULL;

    pdf = chamber_pdf_open (sheet, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 1);
    pdf_page = poppler_document_get_page (pdf, 0);
    text = poppler_page_get_text (pdf_page);
    g_assert_nonnull (text);
    /* The token may be broken over lines: compare without white space. */
    flat = strip_spaces (text);
    g_assert_nonnull (strstr (flat, token));
    g_assert_nonnull (strstr (text, "Nguyễn Thị Hoa"));
  }
  /* Closing the dialog forgets the token. */
  gtk_window_destroy (dialog);
  g_assert_null (chamber_desk_access_get_shown_token (page, NULL));
  g_assert_null (chamber_desk_access_get_token_dialog (page));
  count = (Count) { page, loads + 1 };
  WAIT_FOR (access_loaded, &count, "the access page lists the token");
  g_assert_cmpint (chamber_desk_access_get_token_state (page, fx->delegate_b, token_id), ==, 0);
  chamber_test_ui_save_screenshot (GTK_WIDGET (fx->window), "desk-access");
  chamber_test_ui_assert_keyboard_reachable (fx->window, "access");

  /* Finding someone: without diacritics, by group too. */
  g_assert_cmpuint (chamber_desk_access_get_n_shown (page), ==, 4);
  chamber_desk_access_set_search (page, "nguyen thi");
  g_assert_cmpuint (chamber_desk_access_get_n_shown (page), ==, 1);
  chamber_desk_access_set_search (page, "TỔ 1");
  g_assert_cmpuint (chamber_desk_access_get_n_shown (page), ==, 1);
  chamber_desk_access_set_search (page, "không có ai");
  g_assert_cmpuint (chamber_desk_access_get_n_shown (page), ==, 0);
  chamber_desk_access_set_search (page, NULL);
  g_assert_cmpuint (chamber_desk_access_get_n_shown (page), ==, 4);

  /* Revoked after the confirmation, the token stops working. */
  loads = chamber_desk_access_get_loads_completed (page);
  {
    g_autofree char *row_title = g_strdup_printf (_("Token %lld, issued %s"),
                                                  (long long) token_id, "");
    GtkWidget *button = NULL;
    GtkWidget *expander;
    AdwMessageDialog *confirm;

    /* The row's title ends with the time issued: find the row by the start of it. */
    {
      GtkWidget *child;
      GPtrArray *stack = g_ptr_array_new ();

      g_ptr_array_add (stack, page);
      while (stack->len > 0 && button == NULL)
        {
          GtkWidget *widget = g_ptr_array_steal_index (stack, stack->len - 1);

          if (ADW_IS_ACTION_ROW (widget)
              && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)),
                                   row_title))
            button = find_button (widget, _("Revoke…"),
                                  adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
          for (child = gtk_widget_get_first_child (widget); child != NULL;
               child = gtk_widget_get_next_sibling (child))
            g_ptr_array_add (stack, child);
        }
      g_ptr_array_unref (stack);
    }
    g_assert_nonnull (button);
    /* Open the person's row, as a person does to reach the token. */
    expander = gtk_widget_get_ancestor (button, ADW_TYPE_EXPANDER_ROW);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    WAIT_FOR (widget_realized, button, "the token's row shows");
    gtk_widget_activate (button);
    WAIT_FOR (message_dialog_shown, NULL, "the revoke confirmation");
    confirm = find_message_dialog ();
    chamber_test_ui_save_screenshot (GTK_WIDGET (confirm), "desk-access-revoke");
    adw_message_dialog_response (confirm, "revoke");
    gtk_window_destroy (GTK_WINDOW (confirm));
  }
  count = (Count) { page, 1 };
  WAIT_FOR (revoked, &count, "the token is revoked");
  g_assert_null (chamber_desk_access_get_error (page));
  {
    g_autoptr (ChamberClient) client = chamber_client_new (fx->server->url, token, &error);
    g_autoptr (ChamberPerson) me = NULL;

    g_assert_no_error (error);
    me = chamber_client_get_me (client, NULL, &error);
    g_assert_error (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_UNAUTHORIZED);
    g_assert_null (me);
  }
  count = (Count) { page, loads + 1 };
  WAIT_FOR (access_loaded, &count, "the access page lists the revoked token");
  g_assert_cmpint (chamber_desk_access_get_token_state (page, fx->delegate_b, token_id), ==, 1);
}

/* ---- Drafts ------------------------------------------------------------------------------- */

typedef struct {
  ChamberDeskDocuments *page;
  const char           *title;
  gboolean              draft;
} DraftShown;

static gboolean
draft_shown (gpointer data)
{
  DraftShown *shown = data;
  gboolean draft = !shown->draft;

  return chamber_desk_documents_find_document_full (shown->page, shown->title, NULL, &draft) > 0
         && draft == shown->draft;
}

static gboolean
published (gpointer data)
{
  Count *count = data;

  return chamber_desk_documents_get_publishes_completed (count->page) >= count->n;
}

static void
upload_drafts (Fixture *fx, ChamberDeskDocuments *page, const char *const *titles)
{
  GSList *list = NULL;
  GdkFileList *files;

  for (guint i = 0; titles[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (titles[i], ".pdf", NULL);
      g_autofree char *path = file_in (fx, name);

      chamber_test_write_pdf (path, 2, titles[i]);
      list = g_slist_append (list, g_file_new_for_path (path));
    }
  files = gdk_file_list_new_from_list (list);
  g_slist_free_full (list, g_object_unref);
  chamber_desk_documents_drop_files (page, fx->item_opening, files);
  g_boxed_free (GDK_TYPE_FILE_LIST, files);
  WAIT_FOR (documents_idle, page, "the drafts are uploaded");
}

static void
check_drafts (Fixture *fx)
{
  static const char *const one[] = { "Dự thảo nghị quyết", NULL };
  static const char *const pack[] = { "Tờ trình số 1", "Tờ trình số 2", NULL };
  ChamberDeskDocuments *page;
  AdwMessageDialog *dialog;
  GtkWidget *publish;
  DraftShown shown;
  Count count;
  gint64 draft_id;
  guint uploads;

  page = CHAMBER_DESK_DOCUMENTS (chamber_desk_documents_new (fx->connection));
  gtk_window_set_child (fx->window, GTK_WIDGET (page));
  chamber_desk_documents_set_session (page, fx->session);
  count = (Count) { page, 1 };
  WAIT_FOR (documents_loaded, &count, "the documents page loads for drafts");
  g_assert_null (chamber_desk_documents_get_error (page));
  g_assert_cmpuint (chamber_desk_documents_get_n_drafts (page), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (chamber_desk_documents_get_publish_all_button (page)));

  /* The page's own default: a draft, readable by all once published. */
  chamber_desk_documents_set_upload_options (page, CHAMBER_DOCUMENT_DRAFT_RESOLUTION, 0, NULL);
  uploads = chamber_desk_documents_get_n_uploads (page);
  upload_drafts (fx, page, one);
  g_assert_cmpint (chamber_desk_documents_get_upload (page, uploads, NULL, NULL, NULL, NULL), ==,
                   CHAMBER_DESK_UPLOAD_ACCEPTED);
  shown = (DraftShown) { page, one[0], TRUE };
  WAIT_FOR (draft_shown, &shown, "the page shows the draft");
  g_assert_cmpuint (chamber_desk_documents_get_n_drafts (page), ==, 1);
  g_assert_false (manifest_lists (fx, fx->delegate_a_token, one[0]));
  g_assert_false (manifest_lists (fx, fx->delegate_b_token, one[0]));
  settle (page);
  chamber_test_ui_save_screenshot (GTK_WIDGET (fx->window), "desk-documents-draft");
  chamber_test_ui_assert_keyboard_reachable (fx->window, "documents with a draft");

  /* Its Publish button, pressed. */
  draft_id = chamber_desk_documents_find_document (page, one[0], NULL);
  publish = chamber_desk_documents_get_publish_button (page, draft_id);
  g_assert_nonnull (publish);
  g_assert_true (gtk_widget_get_visible (publish) && gtk_widget_get_sensitive (publish));
  g_assert_true (gtk_widget_activate (publish));
  count = (Count) { page, 1 };
  WAIT_FOR (published, &count, "the draft is published");
  g_assert_null (chamber_desk_documents_get_error (page));
  shown = (DraftShown) { page, one[0], FALSE };
  WAIT_FOR (draft_shown, &shown, "the page shows it published");
  g_assert_null (chamber_desk_documents_get_publish_button (page, draft_id));
  g_assert_true (manifest_lists (fx, fx->delegate_a_token, one[0]));
  g_assert_true (manifest_lists (fx, fx->delegate_b_token, one[0]));

  /* A pack of two drafts, sent with Publish All Drafts… after the confirmation names them. */
  upload_drafts (fx, page, pack);
  shown = (DraftShown) { page, pack[1], TRUE };
  WAIT_FOR (draft_shown, &shown, "the page shows the pack");
  g_assert_cmpuint (chamber_desk_documents_get_n_drafts (page), ==, 2);
  g_assert_false (manifest_lists (fx, fx->delegate_a_token, pack[0]));
  g_assert_true (gtk_widget_get_sensitive (chamber_desk_documents_get_publish_all_button (page)));
  g_assert_true (gtk_widget_activate (chamber_desk_documents_get_publish_all_button (page)));
  WAIT_FOR (message_dialog_shown, NULL, "the confirmation opens");
  dialog = find_message_dialog ();
  {
    g_autofree char *expected = g_strdup_printf (ngettext ("Publish %u Draft?",
                                                           "Publish %u Drafts?", 2), 2);

    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, expected);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2"));
  }
  /* Cancel first: nothing goes out. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (chamber_desk_documents_get_publishes_completed (page), ==, 1);
  g_assert_false (manifest_lists (fx, fx->delegate_a_token, pack[0]));
  /* Then publish. */
  g_assert_true (gtk_widget_activate (chamber_desk_documents_get_publish_all_button (page)));
  WAIT_FOR (message_dialog_shown, NULL, "the confirmation opens again");
  dialog = find_message_dialog ();
  adw_message_dialog_response (dialog, "publish");
  gtk_window_destroy (GTK_WINDOW (dialog));
  count = (Count) { page, 2 };
  WAIT_FOR (published, &count, "the pack is published");
  g_assert_null (chamber_desk_documents_get_error (page));
  shown = (DraftShown) { page, pack[1], FALSE };
  WAIT_FOR (draft_shown, &shown, "the page shows the pack published");
  g_assert_cmpuint (chamber_desk_documents_get_n_drafts (page), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (chamber_desk_documents_get_publish_all_button (page)));
  for (guint i = 0; pack[i] != NULL; i++)
    {
      g_assert_true (manifest_lists (fx, fx->delegate_a_token, pack[i]));
      g_assert_true (manifest_lists (fx, fx->delegate_b_token, pack[i]));
    }
}

static void
run_scenario (void)
{
  Fixture fx;

  fixture_setup (&fx);
  check_documents (&fx);
  check_delivery (&fx);
  check_delivery_in_desk (&fx);
  check_access (&fx);
  check_drafts (&fx);
  fixture_teardown (&fx);
}

static void
test_english (void)
{
  run_scenario ();
}

static void
test_vietnamese (void)
{
  if (!chamber_test_ui_use_locale ("vi_VN.UTF-8", "vi")
      && !chamber_test_ui_use_locale ("C.UTF-8", "vi"))
    {
      g_test_skip ("no Vietnamese locale");
      return;
    }
  run_scenario ();
  chamber_test_ui_use_locale ("C.UTF-8", NULL);
}

int
main (int argc, char *argv[])
{
  int status;

  test_home = chamber_test_ui_init (&argc, &argv, "chamber-ui-desk-docs-home-XXXXXX",
                                   CHAMBER_TEST_UI_INIT_DEFAULT);
  if (test_home == NULL)
    return 77;

  g_test_add_func ("/ui/desk-docs/english", test_english);
  g_test_add_func ("/ui/desk-docs/vietnamese", test_vietnamese);
  status = g_test_run ();

  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
