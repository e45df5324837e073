/* test-ui-versions.c — a new version of a document reaching the running chamber app, under a
 * real display (xvfb-run + dbus-run-session).
 *
 * A real chamberd gets a session with a report; a delegate connects the app with their own
 * token, opens the report and highlights a passage. While the app runs, the secretariat
 * replaces the report through the API (POST /documents/ID/versions). Nobody presses “Sync
 * now”: the background sync (every second here, CHAMBER_SYNC_INTERVAL) brings version 2, the
 * document row shows “Updated” (and says so to assistive technologies), its agenda item counts
 * it, and a toast says “1 document updated”. Opening the row opens version 2, the mark goes,
 * and the highlight made on version 1 is on version 2 at its passage (or, for a version without
 * the passage, listed as not placed). With the server gone, the background syncs keep the
 * documents readable, show a discreet offline line and add no toast after the first. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "chamber-agenda-item.h"
#include "chamber-application.h"
#include "chamber-client.h"
#include "chamber-connection.h"
#include "chamber-notes.h"
#include "chamber-page-notes.h"
#include "chamber-page-view.h"
#include "chamber-store.h"
#include "chamber-test-ui.h"
#include "chamber-test-util.h"
#include "chamber-updates.h"
#include "chamber-window.h"

#define WAIT_MS (120 * 1000)

static char *test_home;

/* ---- the documents ---------------------------------------------------------------------- */

/* Laid out as chamber_test_ui_write_document() does (CHAMBER_TEST_UI_*). */

static const char *const page1[] = {
  "HỘI ĐỒNG NHÂN DÂN TỈNH AN HÒA",
  "Báo cáo thẩm tra dự toán ngân sách năm 2025",
  "Tổng thu ngân sách nhà nước trên địa bàn đạt mười hai nghìn tỷ đồng.",
  "Chi đầu tư phát triển được ưu tiên cho giao thông và thủy lợi.",
  NULL
};

/* The highlight is made on this line of page 1. */
#define HIGHLIGHT_LINE 2

static const char *const *const version1[] = { page1, NULL };

/* Version 2: three lines added before the passage, which moves down the page. */
static const char *const page1_inserted[] = {
  "HỘI ĐỒNG NHÂN DÂN TỈNH AN HÒA",
  "Báo cáo thẩm tra dự toán ngân sách năm 2025 (sửa đổi)",
  "Số liệu được cập nhật đến ngày 30 tháng 11 năm 2024",
  "theo báo cáo của Kho bạc Nhà nước tỉnh và Cục Thuế tỉnh.",
  "Tổng thu ngân sách nhà nước trên địa bàn đạt mười hai nghìn tỷ đồng.",
  "Chi đầu tư phát triển được ưu tiên cho giao thông và thủy lợi.",
  NULL
};

static const char *const page2_added[] = {
  "Phụ lục: biểu số liệu chi tiết",
  NULL
};

static const char *const *const version2[] = { page1_inserted, page2_added, NULL };

/* ---- running the app -------------------------------------------------------------------- */

static void
run_in_app (ChamberTestAppBody body, gpointer data)
{
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE, body, data);
}

/* ---- waiting ---------------------------------------------------------------------------- */

static gboolean
person_known (gpointer data)
{
  return chamber_session_view_get_person_id (data) > 0;
}

static gboolean
carries_after (gpointer data)
{
  gpointer *args = data;

  return chamber_notes_view_get_carries_completed (args[0]) > GPOINTER_TO_UINT (args[1])
         && !chamber_notes_view_get_carrying (args[0]);
}

/* ---- what a person sees ----------------------------------------------------------------- */

/* The row of the documents list for @title, with the first agenda item chosen. */
static GtkListBoxRow *
document_row (ChamberSessionView *view, const char *title)
{
  GListModel *agenda = chamber_session_view_get_agenda_model (view);
  GtkListBox *list = chamber_session_view_get_document_list (view);
  GtkListBoxRow *row;

  g_assert_nonnull (agenda);
  if (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (agenda)) != 0)
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (agenda), 0);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      const ChamberDocument *document = g_object_get_data (G_OBJECT (row), "document");

      if (document != NULL && g_strcmp0 (document->title, title) == 0)
        return row;
    }
  return NULL;
}

static const ChamberDocument *
row_document (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), "document");
}

/* A visible label under @widget whose text is @text. */
static GtkWidget *
find_visible_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_visible (child))
        continue;
      if ((found = find_visible_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  ChamberSessionView *view;
  const char         *title;
  int                 version;
} RowWait;

/* The row of the title shows that version with a visible “Updated”. */
static gboolean
row_updated_to (gpointer data)
{
  RowWait *wait = data;
  GtkListBoxRow *row = document_row (wait->view, wait->title);

  return row != NULL && row_document (row)->version == wait->version
         && find_visible_label (GTK_WIDGET (row), _("Updated")) != NULL;
}

static ChamberAgendaItem *
first_agenda_item (ChamberSessionView *view)
{
  GListModel *agenda = chamber_session_view_get_agenda_model (view);
  g_autoptr (GtkTreeListRow) row = g_list_model_get_item (agenda, 0);

  return CHAMBER_AGENDA_ITEM (gtk_tree_list_row_get_item (row));
}

static GPtrArray *
stored_notes (const char *local_dir, gint64 person_id, gint64 document_id)
{
  g_autofree char *db = g_build_filename (local_dir, "chamber.db", NULL);
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *notes;

  store = chamber_store_open (db, &error);
  g_assert_no_error (error);
  notes = chamber_notes_list_document (store, person_id, document_id, &error);
  g_assert_no_error (error);
  return notes;
}

static gboolean
offline_now (gpointer data)
{
  return chamber_session_view_get_offline (data) && !chamber_session_view_get_syncing (data);
}

/* ---- the scenario ----------------------------------------------------------------------- */

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *client;
  char              *token;       /* the delegate's */
  gint64             person_id;
  ChamberSession    *session;
  ChamberItem       *item;
  ChamberDocument   *document;    /* version 1 */
  char              *pdf_dir;
  const char        *title;
} Scenario;

static void
versions_body (ChamberTestApp *app, gpointer data)
{
  Scenario *sc = data;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  ChamberPageView *page_view = chamber_session_view_get_page_view (view);
  ChamberDocumentView *pages = chamber_page_view_get_document_view (page_view);
  ChamberPageNotes *notes = chamber_page_view_get_notes (page_view);
  ChamberNotesView *notes_view = chamber_session_view_get_notes_view (view);
  const ChamberConnection *connection;
  g_autofree char *v2_path = g_build_filename (sc->pdf_dir, "bao-cao-v2.pdf", NULL);
  g_autofree char *v2_blob = NULL;
  g_autofree char *expected_toast = NULL;
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (GError) error = NULL;
  RowWait wait = { view, sc->title, 2 };
  GtkListBoxRow *row;
  const ChamberNote *carried;
  gint64 highlight_id;
  guint syncs, carries, toasts, toasts_offline;

  /* Every second in this test; the property says so too. */
  g_assert_cmpuint (chamber_session_view_get_sync_interval (view), ==, 1);
  chamber_test_ui_connect (app, sc->server->url, sc->token);
  connection = chamber_session_view_get_connection (view);
  g_assert_true (chamber_test_pump_until (person_known, view, 30000));
  g_assert_cmpint (chamber_session_view_get_person_id (view), ==, sc->person_id);

  /* Version 1: not marked, opened, a passage highlighted. */
  row = document_row (view, sc->title);
  g_assert_nonnull (row);
  g_assert_cmpint (row_document (row)->version, ==, 1);
  g_assert_null (find_visible_label (GTK_WIDGET (row), _("Updated")));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  chamber_test_ui_wait_for_page (page_view);
  chamber_test_ui_select_line (pages, 0, page1, HIGHLIGHT_LINE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notes), "notes.highlight", NULL));
  chamber_test_ui_wait_for_notes (notes, 1);
  highlight_id = chamber_page_notes_get_note (notes, 0)->id;
  g_assert_cmpstr (chamber_page_notes_get_note (notes, 0)->quote, ==, page1[HIGHLIGHT_LINE]);

  /* The secretariat replaces the report while the app runs. Nobody syncs by hand. */
  syncs = chamber_session_view_get_syncs_completed (view);
  carries = chamber_notes_view_get_carries_completed (notes_view);
  chamber_session_view_get_last_toast (view, &toasts);
  chamber_test_ui_write_document (v2_path, version2);
  v2 = chamber_client_replace_document (sc->client, sc->document->id, v2_path, -1, NULL, NULL,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpint (v2->version, ==, 2);

  /* A background sync brings it: the row shows version 2, marked “Updated”. */
  if (!chamber_test_pump_until (row_updated_to, &wait, WAIT_MS))
    g_error ("version 2 was not marked updated within %d s (status “%s”)", WAIT_MS / 1000,
             chamber_session_view_get_sync_status (view));
  g_assert_cmpuint (chamber_session_view_get_syncs_completed (view), >, syncs);
  row = document_row (view, sc->title);
  g_assert_cmpint (row_document (row)->id, ==, v2->id);
  {
    g_autofree char *description = g_strdup_printf (_("Updated: version %d arrived since you "
                                                      "last opened it"), 2);
    g_autofree char *mismatch = NULL;

    /* Said to assistive technologies too, not by the colour of a badge alone. */
    g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
    mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                   description);
    g_assert_null (mismatch);
  }
  g_assert_cmpuint (chamber_agenda_item_get_updates (first_agenda_item (view)), ==, 1);
  {
    const char *toast = chamber_session_view_get_last_toast (view, NULL);

    expected_toast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d document updated",
                                                   "%d documents updated", 1), 1);
    g_assert_cmpstr (toast, ==, expected_toast);
  }

  /* The notes followed to version 2 after the sync: the highlight is at its passage there. */
  {
    gpointer args[2] = { notes_view, GUINT_TO_POINTER (carries) };

    if (!chamber_test_pump_until (carries_after, args, WAIT_MS))
      g_error ("the notes were not carried within %d s", WAIT_MS / 1000);
  }

  /* Opening the row opens version 2, and the mark goes. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  chamber_test_ui_wait_for_page (page_view);
  v2_blob = g_build_filename (connection->local_dir, "blobs", NULL);
  g_assert_true (g_str_has_suffix (chamber_page_view_get_path (page_view), v2->sha256));
  g_assert_true (g_str_has_prefix (chamber_page_view_get_path (page_view), v2_blob));
  row = document_row (view, sc->title);
  g_assert_null (find_visible_label (GTK_WIDGET (row), _("Updated")));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (row),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  g_assert_cmpuint (chamber_agenda_item_get_updates (first_agenda_item (view)), ==, 0);
  {
    g_autofree char *db = g_build_filename (connection->local_dir, "chamber.db", NULL);
    g_autoptr (ChamberStore) store = chamber_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_false (chamber_updates_is_updated (store, sc->person_id, v2->id));
  }

  /* The highlight made on version 1 is on version 2, at its passage three lines down. */
  chamber_test_ui_wait_for_notes (notes, 1);
  stored = stored_notes (connection->local_dir, sc->person_id, v2->id);
  g_assert_cmpuint (stored->len, ==, 1);
  carried = g_ptr_array_index (stored, 0);
  g_assert_cmpint (carried->id, ==, highlight_id);
  g_assert_cmpint (carried->document_id, ==, v2->id);
  g_assert_cmpint (carried->doc_version, ==, 2);
  g_assert_cmpstr (carried->quote, ==, page1[HIGHLIGHT_LINE]);
  if (carried->anchor == CHAMBER_NOTE_UNPLACED)
    g_error ("the highlight could not be placed in version 2, though its passage is there");
  g_assert_cmpint (carried->page, ==, 1);
  g_assert_cmpfloat (carried->y1, >, CHAMBER_TEST_UI_TOP + HIGHLIGHT_LINE * CHAMBER_TEST_UI_LEAD);
  g_assert_cmpint (chamber_page_notes_get_note (notes, 0)->id, ==, highlight_id);

  /* The server goes away: the background syncs fail, the view says it is offline in its status
   * line, keeps the documents, and toasts at most once. */
  chamber_session_view_get_last_toast (view, &toasts);
  chamber_test_server_stop (sc->server);
  if (!chamber_test_pump_until (offline_now, view, WAIT_MS))
    g_error ("the view did not go offline (status “%s”)",
             chamber_session_view_get_sync_status (view));
  syncs = chamber_session_view_get_syncs_completed (view);
  chamber_test_ui_wait_for_syncs (view, syncs + 3);
  g_assert_true (chamber_session_view_get_offline (view));
  g_assert_nonnull (chamber_session_view_get_sync_error (view));
  g_assert_cmpstr (chamber_session_view_get_sync_status (view), ==,
                   _("Offline — the documents on this computer are shown"));
  chamber_session_view_get_last_toast (view, &toasts_offline);
  g_assert_cmpuint (toasts_offline, <=, toasts + 1);
  row = document_row (view, sc->title);
  g_assert_nonnull (row);
  g_assert_cmpint (row_document (row)->id, ==, v2->id);
  g_assert_cmpstr (chamber_page_view_get_state (page_view), ==, "page");
}

static ChamberDocument *
publish (Scenario *sc, const char *file, const char *const *const *pages)
{
  g_autofree char *path = g_build_filename (sc->pdf_dir, file, NULL);
  g_autoptr (GError) error = NULL;
  ChamberDocument *document;

  chamber_test_ui_write_document (path, pages);
  document = chamber_client_publish (sc->client, sc->item->id, path, sc->title,
                                     CHAMBER_DOCUMENT_REPORT, NULL, &error);
  g_assert_no_error (error);
  return document;
}

static void
scenario_setup (Scenario *sc)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberPerson) delegate = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *config = chamber_connection_get_config_path ();

  memset (sc, 0, sizeof *sc);
  g_unlink (config);
  sc->server = chamber_test_server_start ();
  sc->pdf_dir = chamber_test_make_temp_dir ("chamber-ui-versions-XXXXXX");
  sc->title = "Báo cáo thẩm tra dự toán ngân sách năm 2025";
  sc->client = chamber_client_new (sc->server->url, sc->server->admin_token, &error);
  g_assert_no_error (error);

  delegate->name = g_strdup ("Lê Văn Tâm");
  delegate->role = CHAMBER_ROLE_DELEGATE;
  delegate->group_name = g_strdup ("Tổ đại biểu số 2");
  delegate->active = TRUE;
  added = chamber_client_add_person (sc->client, delegate, NULL, &error);
  g_assert_no_error (error);
  sc->person_id = added->id;
  sc->token = chamber_client_issue_token (sc->client, added->id, NULL, NULL, &error);
  g_assert_no_error (error);

  session->number = 11;
  session->title = g_strdup ("Kỳ họp thứ mười một — kiểm thử phiên bản");
  sc->session = chamber_client_create_session (sc->client, session, NULL, &error);
  g_assert_no_error (error);
  item->session_id = sc->session->id;
  item->title = g_strdup ("Dự toán ngân sách năm 2025");
  item->position = -1;
  sc->item = chamber_client_add_item (sc->client, item, NULL, &error);
  g_assert_no_error (error);
  sc->document = publish (sc, "bao-cao-v1.pdf", version1);
}

static void
scenario_teardown (Scenario *sc)
{
  chamber_test_rm_rf (sc->pdf_dir);
  g_free (sc->pdf_dir);
  g_free (sc->token);
  chamber_session_free (sc->session);
  chamber_item_free (sc->item);
  chamber_document_free (sc->document);
  g_clear_object (&sc->client);
  chamber_test_server_free (sc->server);
}

static void
run_scenario (const char *locale, const char *language)
{
  Scenario sc;

  if (!chamber_test_ui_use_locale (locale, language))
    {
      g_test_skip ("the locale is not installed (locale-gen vi_VN.UTF-8)");
      return;
    }
  scenario_setup (&sc);
  run_in_app (versions_body, &sc);
  scenario_teardown (&sc);
  chamber_test_ui_use_locale ("C.UTF-8", NULL);
}

static void
test_versions (void)
{
  run_scenario ("C.UTF-8", NULL);
}

static void
test_versions_vietnamese (void)
{
  run_scenario ("vi_VN.UTF-8", "vi");
}

int
main (int argc, char *argv[])
{
  int status;

  /* The background sync runs every second. GTK's own test accessibility backend (no AT-SPI
   * bus, like "none") keeps what widgets say to assistive technologies, so the test can read
   * it back. */
  g_setenv ("CHAMBER_SYNC_INTERVAL", "1", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);
  test_home = chamber_test_ui_init (&argc, &argv, "chamber-ui-versions-home-XXXXXX",
                                   CHAMBER_TEST_UI_INIT_DEFAULT);
  if (test_home == NULL)
    return 77;

  g_test_add_func ("/ui/versions/english", test_versions);
  g_test_add_func ("/ui/versions/vietnamese", test_versions_vietnamese);
  status = g_test_run ();

  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
