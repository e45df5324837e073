/* test-ui-notes.c — private notes and search across documents in the chamber app, under a real
 * display (xvfb-run + dbus-run-session).
 *
 * A real chamberd gets a session with a Vietnamese report generated here (every line a distinct
 * sentence); a delegate connects the app with their own token. In the viewer they highlight a
 * passage, write a note on another and bookmark a page; the highlight shows in the pixels of
 * the page, every note is in the local store for that person and in “My Notes”, and a row of
 * the list leads to its page. The secretariat then publishes version 2 with lines inserted
 * before the passages (the notes move with them) and version 3 without the highlighted
 * passage (that note is listed as not placed). The document is exported with the notes and
 * poppler reads the annotations back; started again offline, the app still knows whose notes
 * they are. Search finds pages without diacritics (“ngan sach”, “dat dai”), in every session
 * or this one, and opens the document at the page with the words found there. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>

#include "chamber-application.h"
#include "chamber-client.h"
#include "chamber-connection.h"
#include "chamber-notes.h"
#include "chamber-page-notes.h"
#include "chamber-page-view.h"
#include "chamber-store.h"
#include "chamber-test-ui.h"
#include "chamber-test-util.h"
#include "chamber-window.h"
#include "chamber-pdf.h"

#define WAIT_MS (120 * 1000)

static char *test_home;

/* ---- the documents ---------------------------------------------------------------------- */

/* Laid out as chamber_test_ui_write_document() does (CHAMBER_TEST_UI_*). */

static const char *const page1[] = {
  "HỘI ĐỒNG NHÂN DÂN TỈNH AN HÒA",
  "Báo cáo tình hình kinh tế - xã hội năm 2024",
  "Năm 2024, kinh tế của tỉnh tiếp tục phục hồi và tăng trưởng khá.",
  "Tổng sản phẩm trên địa bàn tăng bảy phẩy hai phần trăm.",
  "Sản xuất nông nghiệp ổn định, diện tích lúa được giữ vững.",
  NULL
};

/* The highlight is made on line 1, the note on line 3. */
#define HIGHLIGHT_LINE 1
#define NOTE_LINE      3

static const char *const page2[] = {
  "Mục II. Thu chi ngân sách nhà nước",
  "Tổng thu ngân sách nhà nước trên địa bàn đạt mười hai nghìn tỷ đồng.",
  "Kết quả này vượt tám phần trăm dự toán được giao đầu năm.",
  "Chi đầu tư phát triển được ưu tiên cho giao thông và thủy lợi.",
  "Nợ đọng xây dựng cơ bản giảm mạnh so với cùng kỳ năm trước.",
  NULL
};

static const char *const page3[] = {
  "Mục III. Quản lý đất đai và tài nguyên",
  "Công tác quản lý đất đai được tăng cường trên toàn tỉnh.",
  "Đấu giá quyền sử dụng đất đúng quy định, công khai, minh bạch.",
  NULL
};

static const char *const *const version1[] = { page1, page2, page3, NULL };

/* Version 2: a paragraph added before the passages, which move down the page. */
static const char *const page2_inserted[] = {
  "Mục II. Thu chi ngân sách nhà nước",
  "Số liệu dưới đây được cập nhật đến ngày 30 tháng 11 năm 2024",
  "theo báo cáo của Kho bạc Nhà nước tỉnh và Cục Thuế tỉnh,",
  "đã được Sở Tài chính rà soát và thống nhất.",
  "Tổng thu ngân sách nhà nước trên địa bàn đạt mười hai nghìn tỷ đồng.",
  "Kết quả này vượt tám phần trăm dự toán được giao đầu năm.",
  "Chi đầu tư phát triển được ưu tiên cho giao thông và thủy lợi.",
  "Nợ đọng xây dựng cơ bản giảm mạnh so với cùng kỳ năm trước.",
  NULL
};

static const char *const *const version2[] = { page1, page2_inserted, page3, NULL };

/* Version 3: the highlighted passage is gone. */
static const char *const page2_removed[] = {
  "Mục II. Thu chi ngân sách nhà nước",
  "Số liệu dưới đây được cập nhật đến ngày 30 tháng 11 năm 2024",
  "theo báo cáo của Kho bạc Nhà nước tỉnh và Cục Thuế tỉnh,",
  "đã được Sở Tài chính rà soát và thống nhất.",
  "Chi đầu tư phát triển được ưu tiên cho giao thông và thủy lợi.",
  "Nợ đọng xây dựng cơ bản giảm mạnh so với cùng kỳ năm trước.",
  NULL
};

static const char *const *const version3[] = { page1, page2_removed, page3, NULL };

/* A submission of another session, that also speaks of the budget. */
static const char *const other_page[] = {
  "Tờ trình về dự toán ngân sách địa phương năm 2025",
  "Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét.",
  NULL
};

static const char *const *const other_document[] = { other_page, NULL };

/* ---- running the app -------------------------------------------------------------------- */

/* Runs the app as main() does, with @body called once its window is up. */
static void
run_in_app (ChamberTestAppBody body, gpointer data)
{
  chamber_test_ui_run_app (chamber_application_new (G_APPLICATION_NON_UNIQUE),
                           CHAMBER_TEST_APP_LAPTOP_SIZE, body, data);
}

/* The pixels of @widget as it is drawn now, or NULL when it has not been drawn since it last
 * changed (what gtk_widget_paintable_new() shows is the widget's last drawing). */
static GdkTexture *
paint_now (GtkWidget *widget)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL || width == 0 || height == 0)
    return NULL;
  return gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                      node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

typedef struct {
  GtkWidget  *widget;
  GdkTexture *texture;
} Capture;

static void
captured_cb (GdkFrameClock *clock, Capture *capture)
{
  if (capture->texture == NULL)
    capture->texture = paint_now (capture->widget);
}

static gboolean
capture_done (gpointer data)
{
  return ((Capture *) data)->texture != NULL;
}

/* The pixels of @widget, taken right after the window drew them. */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  Capture capture = { widget, NULL };
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (captured_cb), &capture);
  gtk_widget_queue_draw (widget);
  g_assert_true (chamber_test_pump_until (capture_done, &capture, 10000));
  g_signal_handler_disconnect (clock, handler);
  return capture.texture;
}

/* With CHAMBER_TEST_SCREENSHOTS set to a folder, @widget as it is now goes to NAME-LANGUAGE.png
 * there, for people to look at; the tests do not depend on it. */
static void
save_screenshot (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("CHAMBER_TEST_SCREENSHOTS");
  const char *language = g_getenv ("LANGUAGE");
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;

  if (dir == NULL)
    return;
  texture = render_widget (widget);
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s-%s.png", name,
                          language != NULL && *language != '\0' ? language : "en");
  path = g_build_filename (dir, file, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    g_test_message ("the screenshot %s could not be written", path);
}

/* Pixels of @texture inside @area that are tinted yellow: red and green well above blue. */
static gsize
count_yellow (GdkTexture *texture, const graphene_rect_t *area)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  gsize stride = (gsize) width * 4;
  g_autofree guchar *data = g_malloc (stride * height);
  int x0 = CLAMP ((int) area->origin.x, 0, width);
  int y0 = CLAMP ((int) area->origin.y, 0, height);
  int x1 = CLAMP ((int) (area->origin.x + area->size.width), 0, width);
  int y1 = CLAMP ((int) (area->origin.y + area->size.height), 0, height);
  gsize count = 0;

  gdk_texture_download (texture, data, stride);
  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        const guchar *p = data + y * stride + x * 4;  /* B G R A, premultiplied */

        if (p[3] > 0 && p[2] > p[0] + 40 && p[1] > p[0] + 30)
          count++;
      }
  return count;
}

/* ---- waiting ---------------------------------------------------------------------------- */

static void
wait_for_syncs (ChamberSessionView *view, guint n)
{
  chamber_test_ui_wait_for_syncs (view, n);
  g_assert_cmpstr (chamber_session_view_get_sync_error (view), ==, NULL);
}

static gboolean
carries_after (gpointer data)
{
  gpointer *args = data;

  return chamber_notes_view_get_carries_completed (args[0]) > GPOINTER_TO_UINT (args[1])
         && !chamber_notes_view_get_carrying (args[0]);
}

/* Waits until the notes were carried to new versions once more than @before times, and no
 * carrying runs. */
static void
wait_for_carries (ChamberNotesView *view, guint before)
{
  gpointer args[2] = { view, GUINT_TO_POINTER (before) };

  if (!chamber_test_pump_until (carries_after, args, WAIT_MS))
    g_error ("the notes were not carried to the new version within %d s", WAIT_MS / 1000);
}

static gboolean
note_drawn (gpointer data)
{
  gpointer *args = data;
  graphene_rect_t bounds;

  return chamber_page_notes_get_note_bounds (args[0], *(gint64 *) args[1], &bounds);
}

static void
wait_for_note_drawn (ChamberPageNotes *notes, gint64 note_id, graphene_rect_t *out_bounds)
{
  gpointer args[2] = { notes, &note_id };

  if (!chamber_test_pump_until (note_drawn, args, 30000))
    g_error ("note %" G_GINT64_FORMAT " is not drawn", note_id);
  g_assert_true (chamber_page_notes_get_note_bounds (notes, note_id, out_bounds));
}

static gboolean
shows_page (gpointer data)
{
  gpointer *args = data;

  return chamber_page_view_get_page (args[0]) == GPOINTER_TO_INT (args[1])
         && chamber_page_view_get_texture (args[0]) != NULL;
}

static void
wait_for_current_page (ChamberPageView *page_view, int page)
{
  gpointer args[2] = { page_view, GINT_TO_POINTER (page) };

  if (!chamber_test_pump_until (shows_page, args, 30000))
    g_error ("the viewer shows page %d, not %d", chamber_page_view_get_page (page_view), page);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

/* Lets the window draw what changed: a widget's pixels (gtk_widget_paintable_new()) are those of
 * its last drawing, so what is looked at must have been drawn since it changed. */
static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
after_paint_cb (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  g_assert_true (chamber_test_pump_until (flag_set, &painted, 10000));
  g_signal_handler_disconnect (clock, handler);
}

/* ---- helpers ---------------------------------------------------------------------------- */

static gboolean
person_known (gpointer data)
{
  return chamber_session_view_get_person_id (data) > 0;
}

/* The row of the documents list showing the newest version of @title, after choosing the
 * first agenda item. */
static GtkListBoxRow *
document_row (ChamberSessionView *view, const char *title)
{
  GListModel *agenda = chamber_session_view_get_agenda_model (view);
  GtkListBox *list = chamber_session_view_get_document_list (view);
  GtkListBoxRow *row, *newest = NULL;
  int version = 0;

  g_assert_nonnull (agenda);
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (agenda), 0);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      const ChamberDocument *document = g_object_get_data (G_OBJECT (row), "document");

      if (document != NULL && g_strcmp0 (document->title, title) == 0
          && document->version > version)
        {
          newest = row;
          version = document->version;
        }
    }
  return newest;
}

static GPtrArray *
stored_notes (const char *local_dir, gint64 person_id, gint64 session_id)
{
  g_autofree char *db = g_build_filename (local_dir, "chamber.db", NULL);
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *notes;

  store = chamber_store_open (db, &error);
  g_assert_no_error (error);
  notes = chamber_notes_list_session (store, person_id, session_id, &error);
  g_assert_no_error (error);
  return notes;
}

static const ChamberNote *
find_note (GPtrArray *notes, ChamberNoteKind kind)
{
  for (guint i = 0; i < notes->len; i++)
    if (((ChamberNote *) g_ptr_array_index (notes, i))->kind == kind)
      return g_ptr_array_index (notes, i);
  return NULL;
}

/* The row of “My Notes” holding note @note_id, or -1. */
static int
notes_row_of (ChamberNotesView *view, gint64 note_id)
{
  for (guint i = 0; i < chamber_notes_view_get_n_rows (view); i++)
    if (chamber_notes_view_get_row_note (view, i)->id == note_id)
      return (int) i;
  return -1;
}

static gboolean
export_done (gpointer data)
{
  return chamber_notes_view_get_exports_completed (data) > 0;
}

/* ---- the scenario ----------------------------------------------------------------------- */

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *client;
  char              *token;       /* the delegate's */
  gint64             person_id;   /* the delegate */
  ChamberSession    *session;
  ChamberItem       *item;
  ChamberSession    *other_session;
  ChamberDocument   *document;    /* version 1 */
  char              *pdf_dir;
  const char        *title;
} Scenario;

static ChamberDocument *
publish (Scenario *sc, gint64 item_id, const char *file, const char *const *const *pages,
         const char *title)
{
  g_autofree char *path = g_build_filename (sc->pdf_dir, file, NULL);
  g_autoptr (GError) error = NULL;
  ChamberDocument *document;

  chamber_test_ui_write_document (path, pages);
  document = chamber_client_publish (sc->client, item_id, path, title, CHAMBER_DOCUMENT_REPORT,
                                     NULL, &error);
  g_assert_no_error (error);
  return document;
}

static void
notes_body (ChamberTestApp *app, gpointer data)
{
  Scenario *sc = data;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  ChamberPageView *page_view = chamber_session_view_get_page_view (view);
  ChamberDocumentView *pages = chamber_page_view_get_document_view (page_view);
  ChamberPageNotes *notes = chamber_page_view_get_notes (page_view);
  ChamberNotesView *notes_view = chamber_session_view_get_notes_view (view);
  ChamberNotePopover *popover = chamber_page_notes_get_note_popover (notes);
  const ChamberConnection *connection;
  g_autoptr (GPtrArray) stored = NULL;
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (ChamberDocument) v3 = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *export = NULL;
  const ChamberNote *highlight, *note, *listed;
  gint64 highlight_id, note_id, bookmark_id;
  graphene_rect_t bounds, below;
  GtkListBoxRow *row;
  gsize yellow, yellow_below;
  guint carries;
  int index;

  chamber_test_ui_connect (app, sc->server->url, sc->token);
  /* After every sync (and once the person is known) the notes are carried to new versions:
   * there are none yet. */
  wait_for_carries (notes_view, 0);
  connection = chamber_session_view_get_connection (view);
  g_assert_true (chamber_test_pump_until (person_known, view, 30000));
  g_assert_cmpint (chamber_session_view_get_person_id (view), ==, sc->person_id);

  row = document_row (view, sc->title);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  chamber_test_ui_wait_for_page (page_view);
  g_assert_true (chamber_page_notes_get_active (notes));
  g_assert_cmpuint (chamber_page_notes_get_n_notes (notes), ==, 0);
  wait_for_frame (GTK_WIDGET (app->window));

  /* Page 2: the passage on revenue is highlighted from a selection. */
  chamber_page_view_set_page (page_view, 2);
  wait_for_current_page (page_view, 2);
  chamber_test_ui_select_line (pages, 1, page2, HIGHLIGHT_LINE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notes), "notes.highlight", NULL));
  chamber_test_ui_wait_for_notes (notes, 1);
  g_assert_false (chamber_document_view_get_has_selection (pages));
  highlight = chamber_page_notes_get_note (notes, 0);
  g_assert_cmpint (highlight->kind, ==, CHAMBER_NOTE_HIGHLIGHT);
  g_assert_cmpint (highlight->page, ==, 2);
  g_assert_cmpstr (highlight->quote, ==, page2[HIGHLIGHT_LINE]);
  highlight_id = highlight->id;

  /* It is in the store, the delegate's own. */
  stored = stored_notes (connection->local_dir, sc->person_id, sc->session->id);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpint (((ChamberNote *) stored->pdata[0])->id, ==, highlight_id);
  g_assert_cmpstr (((ChamberNote *) stored->pdata[0])->quote, ==, page2[HIGHLIGHT_LINE]);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = stored_notes (connection->local_dir, sc->person_id + 1000, sc->session->id);
  g_assert_cmpuint (stored->len, ==, 0);
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* It is drawn: yellow over its line, none over the line below. */
  wait_for_note_drawn (notes, highlight_id, &bounds);
  wait_for_frame (GTK_WIDGET (app->window));
  /* Where it is now that the page is laid out and scrolled to. */
  g_assert_true (chamber_page_notes_get_note_bounds (notes, highlight_id, &bounds));
  texture = render_widget (gtk_widget_get_parent (GTK_WIDGET (notes)));
  below = bounds;
  below.origin.y += bounds.size.height * 2.5;
  yellow = count_yellow (texture, &bounds);
  yellow_below = count_yellow (texture, &below);
  g_test_message ("highlight at %.0f,%.0f %.0f×%.0f: %" G_GSIZE_FORMAT " yellow pixels, "
                  "%" G_GSIZE_FORMAT " below", bounds.origin.x, bounds.origin.y,
                  bounds.size.width, bounds.size.height, yellow, yellow_below);
  g_assert_cmpuint (yellow, >, (gsize) (bounds.size.width * bounds.size.height / 3));
  g_assert_cmpuint (yellow_below, ==, 0);

  /* A note on the passage on investment, written in its popover. */
  chamber_test_ui_select_line (pages, 1, page2, NOTE_LINE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notes), "notes.add-note", NULL));
  g_assert_true (chamber_test_pump_until (widget_mapped, popover, 30000));
  g_assert_true (chamber_note_popover_get_is_new (popover));
  g_assert_cmpstr (chamber_note_popover_get_note (popover)->quote, ==, page2[NOTE_LINE]);
  /* A new note is saved once it says something: Save does nothing yet. */
  gtk_widget_activate_action (GTK_WIDGET (popover), "note.save", NULL);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_cmpuint (chamber_page_notes_get_n_notes (notes), ==, 1);
  chamber_note_popover_set_body (popover, "Hỏi Giám đốc Sở Kế hoạch về tiến độ giải ngân.");
  wait_for_frame (GTK_WIDGET (popover));
  save_screenshot (GTK_WIDGET (app->window), "note-added");
  save_screenshot (GTK_WIDGET (popover), "note-popover");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "note.save", NULL));
  chamber_test_ui_wait_for_notes (notes, 2);
  note = chamber_page_notes_get_note (notes, 1);
  g_assert_cmpint (note->kind, ==, CHAMBER_NOTE_NOTE);
  g_assert_cmpstr (note->body, ==, "Hỏi Giám đốc Sở Kế hoạch về tiến độ giải ngân.");
  note_id = note->id;
  wait_for_note_drawn (notes, note_id, &bounds);

  /* Clicking the highlight opens it; a colour chosen there is kept. */
  g_assert_true (chamber_page_notes_show_note (notes, highlight_id));
  g_assert_true (chamber_test_pump_until (widget_mapped, popover, 30000));
  g_assert_false (chamber_note_popover_get_is_new (popover));
  chamber_note_popover_set_color (popover, "#8ae234");
  chamber_note_popover_set_body (popover, "Số liệu khớp với báo cáo của Kho bạc.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (popover), "note.save", NULL));
  g_assert_cmpstr (chamber_page_notes_get_note (notes, 0)->color, ==, "#8ae234");
  stored = stored_notes (connection->local_dir, sc->person_id, sc->session->id);
  highlight = find_note (stored, CHAMBER_NOTE_HIGHLIGHT);
  g_assert_cmpstr (highlight->color, ==, "#8ae234");
  g_assert_cmpstr (highlight->body, ==, "Số liệu khớp với báo cáo của Kho bạc.");
  g_clear_pointer (&stored, g_ptr_array_unref);

  /* Page 3 is bookmarked (Ctrl+D's action), and the toolbar's toggle shows it. */
  chamber_page_view_set_page (page_view, 3);
  wait_for_current_page (page_view, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (notes), "notes.toggle-bookmark", NULL));
  chamber_test_ui_wait_for_notes (notes, 3);
  g_assert_true (chamber_page_notes_is_bookmarked (notes, 3));
  g_assert_false (chamber_page_notes_is_bookmarked (notes, 2));
  g_assert_true (g_variant_get_boolean (g_action_group_get_action_state (
    chamber_page_notes_get_actions (notes), "toggle-bookmark")));
  bookmark_id = chamber_page_notes_get_note (notes, 2)->id;
  g_assert_cmpint (chamber_page_notes_get_note (notes, 2)->kind, ==, CHAMBER_NOTE_BOOKMARK);

  /* “My Notes” lists all three under the document, in page order. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.sidebar", "s",
                                             "notes"));
  g_assert_true (chamber_test_pump_until (widget_mapped, notes_view, 10000));
  g_assert_cmpuint (chamber_notes_view_get_n_rows (notes_view), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (chamber_notes_view_get_row_group (notes_view, i), ==, sc->title);
  g_assert_cmpint (chamber_notes_view_get_row_note (notes_view, 0)->id, ==, highlight_id);
  g_assert_cmpint (chamber_notes_view_get_row_note (notes_view, 1)->id, ==, note_id);
  g_assert_cmpint (chamber_notes_view_get_row_note (notes_view, 2)->id, ==, bookmark_id);
  wait_for_frame (GTK_WIDGET (app->window));
  save_screenshot (GTK_WIDGET (app->window), "my-notes");

  /* A row leads to its page. */
  chamber_page_view_set_page (page_view, 1);
  wait_for_current_page (page_view, 1);
  row = gtk_list_box_get_row_at_index (chamber_notes_view_get_list (notes_view), 1);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  wait_for_current_page (page_view, 2);

  /* Version 2 puts a paragraph before the passages: after the sync the notes are on it, at
   * their passages, and still listed. */
  v2 = publish (sc, sc->item->id, "v2.pdf", version2, sc->title);
  g_assert_cmpint (v2->version, ==, 2);
  carries = chamber_notes_view_get_carries_completed (notes_view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.refresh", NULL));
  wait_for_syncs (view, 2);
  wait_for_carries (notes_view, carries);
  g_test_message ("after version 2: %s", chamber_notes_view_get_last_message (notes_view));
  {
    g_autofree char *moved = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%u note moved to the new version",
                                                           "%u notes moved to the new version",
                                                           3), 3);

    g_assert_nonnull (strstr (chamber_notes_view_get_last_message (notes_view), moved));
  }
  g_assert_cmpuint (chamber_notes_view_get_n_rows (notes_view), ==, 3);
  listed = chamber_notes_view_get_row_note (notes_view, notes_row_of (notes_view, highlight_id));
  g_assert_cmpint (listed->document_id, ==, v2->id);
  g_assert_cmpint (listed->doc_version, ==, 2);
  g_assert_cmpint (listed->anchor, ==, CHAMBER_NOTE_MOVED);
  g_assert_cmpint (listed->page, ==, 2);
  g_assert_cmpfloat (listed->y1, >,
                     CHAMBER_TEST_UI_TOP + HIGHLIGHT_LINE * CHAMBER_TEST_UI_LEAD
                     + 2 * CHAMBER_TEST_UI_LEAD);
  g_assert_cmpstr (chamber_notes_view_get_row_group (notes_view,
                                                     notes_row_of (notes_view, highlight_id)),
                   ==, sc->title);

  /* Version 2 opened, the highlight is drawn at its new place. */
  row = document_row (view, sc->title);
  g_assert_cmpint (((ChamberDocument *) g_object_get_data (G_OBJECT (row), "document"))->id, ==,
                   v2->id);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  chamber_test_ui_wait_for_page (page_view);
  chamber_test_ui_wait_for_notes (notes, 3);
  chamber_page_view_set_page (page_view, 2);
  wait_for_current_page (page_view, 2);
  wait_for_note_drawn (notes, highlight_id, &bounds);
  wait_for_frame (GTK_WIDGET (app->window));
  save_screenshot (GTK_WIDGET (app->window), "highlight-moved");

  /* Version 3 drops the highlighted passage: that note is listed as not placed, apart. */
  v3 = publish (sc, sc->item->id, "v3.pdf", version3, sc->title);
  carries = chamber_notes_view_get_carries_completed (notes_view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.refresh", NULL));
  wait_for_syncs (view, 3);
  wait_for_carries (notes_view, carries);
  g_test_message ("after version 3: %s", chamber_notes_view_get_last_message (notes_view));
  {
    g_autofree char *unplaced = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              "%u could not be placed",
                                                              "%u could not be placed", 1), 1);

    g_assert_nonnull (strstr (chamber_notes_view_get_last_message (notes_view), unplaced));
  }
  g_assert_cmpuint (chamber_notes_view_get_n_rows (notes_view), ==, 3);
  index = notes_row_of (notes_view, highlight_id);
  g_assert_cmpint (index, ==, 2);
  listed = chamber_notes_view_get_row_note (notes_view, index);
  g_assert_cmpint (listed->anchor, ==, CHAMBER_NOTE_UNPLACED);
  g_assert_cmpint (listed->document_id, ==, v3->id);
  g_assert_cmpstr (listed->quote, ==, page2[HIGHLIGHT_LINE]);
  g_assert_cmpstr (chamber_notes_view_get_row_group (notes_view, index), ==,
                   _("Could Not Be Placed in the New Version"));
  listed = chamber_notes_view_get_row_note (notes_view, notes_row_of (notes_view, note_id));
  g_assert_cmpint (listed->document_id, ==, v3->id);
  g_assert_cmpint (listed->anchor, !=, CHAMBER_NOTE_UNPLACED);
  wait_for_frame (GTK_WIDGET (app->window));
  save_screenshot (GTK_WIDGET (app->window), "unplaced");

  /* Version 3 exported with the notes: a PDF whose annotations poppler reads back. */
  export = g_build_filename (sc->pdf_dir, "with-notes.pdf", NULL);
  chamber_notes_view_export_to (notes_view, v3->id, export);
  g_assert_true (chamber_test_pump_until (export_done, notes_view, 30000));
  g_assert_cmpstr (chamber_notes_view_get_last_export (notes_view), ==, export);
  g_assert_true (g_file_test (export, G_FILE_TEST_IS_REGULAR));
  {
    g_autofree char *uri = g_filename_to_uri (export, NULL, NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (PopplerDocument) pdf = poppler_document_new_from_file (uri, NULL, &error);
    guint annotations[4] = { 0 };
    gboolean body_found = FALSE;

    g_assert_no_error (error);
    g_assert_cmpint (poppler_document_get_n_pages (pdf), ==, 3);
    for (int i = 0; i < 3; i++)
      {
        g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, i);
        GList *mapping = poppler_page_get_annot_mapping (page);

        for (GList *l = mapping; l != NULL; l = l->next)
          {
            PopplerAnnotMapping *map = l->data;
            g_autofree char *contents = poppler_annot_get_contents (map->annot);

            annotations[i + 1]++;
            body_found |= g_strcmp0 (contents, "Hỏi Giám đốc Sở Kế hoạch về tiến độ giải ngân.")
                          == 0;
          }
        poppler_page_free_annot_mapping (mapping);
      }
    g_test_message ("annotations by page: %u %u %u", annotations[1], annotations[2],
                    annotations[3]);
    /* The note on page 2 and the bookmark on page 3; the unplaced highlight is left out. */
    g_assert_cmpuint (annotations[1], ==, 0);
    g_assert_cmpuint (annotations[2], ==, 1);
    g_assert_cmpuint (annotations[3], ==, 1);
    g_assert_true (body_found);
  }
}

/* The next start, offline: the person is remembered with the documents, and so are the notes. */
static void
notes_offline_body (ChamberTestApp *app, gpointer data)
{
  Scenario *sc = data;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  ChamberNotesView *notes_view = chamber_session_view_get_notes_view (view);
  gpointer args[2] = { view, GUINT_TO_POINTER (1) };

  chamber_test_ui_wait_for_window_page (app->window, "main");
  g_assert_true (chamber_test_pump_until (chamber_test_ui_syncs_at_least, args, WAIT_MS));
  g_assert_nonnull (chamber_session_view_get_sync_error (view));
  g_assert_cmpint (chamber_session_view_get_person_id (view), ==, sc->person_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "session.sidebar", "s",
                                             "notes"));
  g_assert_cmpuint (chamber_notes_view_get_n_rows (notes_view), ==, 3);
  g_assert_cmpint (chamber_notes_view_get_row_note (notes_view, 2)->anchor, ==,
                   CHAMBER_NOTE_UNPLACED);
}

static gboolean
search_answered (gpointer data)
{
  return !chamber_search_view_get_busy (data);
}

/* Searches @text as typing it does and waits for the answer; the results' count. */
static guint
search_for (ChamberSearchView *search, const char *text)
{
  chamber_search_view_set_text (search, text);
  g_assert_true (chamber_test_pump_until (search_answered, search, 30000));
  g_assert_cmpstr (chamber_search_view_get_results_query (search), ==, text);
  return chamber_search_view_get_n_results (search);
}

static gboolean
find_has_matches (gpointer data)
{
  ChamberPageView *page_view = data;

  return chamber_document_view_get_n_matches (chamber_page_view_get_document_view (page_view))
         > 0;
}

static void
search_body (ChamberTestApp *app, gpointer data)
{
  Scenario *sc = data;
  ChamberSessionView *view = chamber_window_get_session_view (app->window);
  ChamberSearchView *search = chamber_session_view_get_search_view (view);
  ChamberPageView *page_view = chamber_session_view_get_page_view (view);
  GtkListBox *results = chamber_search_view_get_results_list (search);
  gboolean report = FALSE, other = FALSE;
  gint64 document_id;
  const char *title, *session;
  int page;

  chamber_test_ui_connect (app, sc->server->url, sc->token);

  /* Ctrl+Shift+F: the search in the sidebar, empty at first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (app->window), "win.search", NULL));
  g_assert_true (chamber_session_view_get_search_mode (view));
  g_assert_true (chamber_test_pump_until (widget_mapped, search, 10000));
  g_assert_cmpstr (chamber_search_view_get_state (search), ==, "empty");
  wait_for_frame (GTK_WIDGET (app->window));
  save_screenshot (GTK_WIDGET (app->window), "search-empty");

  /* Without diacritics, in every session: page 2 of the report and the other session's
   * submission. */
  g_assert_cmpuint (search_for (search, "ngan sach"), ==, 2);
  g_assert_cmpstr (chamber_search_view_get_state (search), ==, "results");
  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (chamber_search_view_get_result (search, i, &document_id, &page, &title,
                                                     &session));
      g_test_message ("ngan sach: %s, p. %d (%s)", title, page, session);
      if (document_id == sc->document->id)
        {
          report = TRUE;
          g_assert_cmpstr (title, ==, sc->title);
          g_assert_cmpint (page, ==, 2);
          g_assert_cmpstr (session, ==, sc->session->title);
        }
      else
        {
          other = TRUE;
          g_assert_cmpint (page, ==, 1);
          g_assert_cmpstr (session, ==, sc->other_session->title);
        }
    }
  g_assert_true (report && other);
  wait_for_frame (GTK_WIDGET (app->window));
  save_screenshot (GTK_WIDGET (app->window), "search-results");

  /* This session only: the report alone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (search), "search.scope", "s",
                                             "session"));
  g_assert_true (chamber_search_view_get_current_session_only (search));
  g_assert_true (chamber_test_pump_until (search_answered, search, 30000));
  g_assert_cmpuint (chamber_search_view_get_n_results (search), ==, 1);
  g_assert_true (chamber_search_view_get_result (search, 0, &document_id, &page, NULL, NULL));
  g_assert_cmpint (document_id, ==, sc->document->id);
  g_assert_cmpint (page, ==, 2);

  /* Activating it opens the report at page 2, the words found there. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (results, 0))));
  chamber_test_ui_wait_for_page (page_view);
  wait_for_current_page (page_view, 2);
  g_assert_true (chamber_test_pump_until (find_has_matches, page_view, 30000));
  g_test_message ("find after opening the result: %s",
                  chamber_page_view_get_find_status (page_view));
  g_assert_cmpint (chamber_page_view_get_page (page_view), ==, 2);

  /* đ is folded too: “dat dai” finds “đất đai”, on page 3. */
  g_assert_cmpuint (search_for (search, "dat dai"), ==, 1);
  g_assert_true (chamber_search_view_get_result (search, 0, &document_id, &page, NULL, NULL));
  g_assert_cmpint (document_id, ==, sc->document->id);
  g_assert_cmpint (page, ==, 3);
  g_assert_true (gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (results, 0))));
  wait_for_current_page (page_view, 3);
  g_assert_true (chamber_test_pump_until (find_has_matches, page_view, 30000));
  wait_for_frame (GTK_WIDGET (app->window));
  save_screenshot (GTK_WIDGET (app->window), "search-opened");

  /* Words that are nowhere. */
  g_assert_cmpuint (search_for (search, "khong co dau"), ==, 0);
  g_assert_cmpstr (chamber_search_view_get_state (search), ==, "no-results");
  wait_for_frame (GTK_WIDGET (app->window));
  save_screenshot (GTK_WIDGET (app->window), "search-none");

  /* Escape leaves the search for the agenda. */
  g_signal_emit_by_name (search, "stop-search");
  g_assert_false (chamber_session_view_get_search_mode (view));
}

/* ---- the tests -------------------------------------------------------------------------- */

static void
scenario_setup (Scenario *sc)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) other = chamber_session_new ();
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) other_item = NULL;
  g_autoptr (ChamberPerson) delegate = chamber_person_new ();
  g_autoptr (ChamberPerson) added = NULL;
  g_autoptr (ChamberDocument) submission = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *config = chamber_connection_get_config_path ();

  memset (sc, 0, sizeof *sc);
  g_unlink (config);
  sc->server = chamber_test_server_start ();
  sc->pdf_dir = chamber_test_make_temp_dir ("chamber-ui-notes-XXXXXX");
  sc->title = "Báo cáo tình hình kinh tế - xã hội năm 2024";
  sc->client = chamber_client_new (sc->server->url, sc->server->admin_token, &error);
  g_assert_no_error (error);

  /* The delegate whose notes these are, with a token of their own. */
  delegate->name = g_strdup ("Nguyễn Thị Hoa");
  delegate->role = CHAMBER_ROLE_DELEGATE;
  delegate->group_name = g_strdup ("Tổ đại biểu số 3");
  delegate->active = TRUE;
  added = chamber_client_add_person (sc->client, delegate, NULL, &error);
  g_assert_no_error (error);
  sc->person_id = added->id;
  sc->token = chamber_client_issue_token (sc->client, added->id, NULL, NULL, &error);
  g_assert_no_error (error);

  /* An older session with a submission on the budget, and the session of the report. */
  other->number = 9;
  other->title = g_strdup ("Kỳ họp thứ chín — chuyên đề ngân sách");
  sc->other_session = chamber_client_create_session (sc->client, other, NULL, &error);
  g_assert_no_error (error);
  item->session_id = sc->other_session->id;
  item->title = g_strdup ("Tờ trình dự toán");
  item->position = -1;
  other_item = chamber_client_add_item (sc->client, item, NULL, &error);
  g_assert_no_error (error);
  submission = publish (sc, other_item->id, "to-trinh.pdf", other_document,
                        "Tờ trình dự toán ngân sách năm 2025");

  session->number = 10;
  session->title = g_strdup ("Kỳ họp thứ mười — kiểm thử ghi chú");
  sc->session = chamber_client_create_session (sc->client, session, NULL, &error);
  g_assert_no_error (error);
  g_free (item->title);
  item->session_id = sc->session->id;
  item->title = g_strdup ("Báo cáo kinh tế - xã hội");
  sc->item = chamber_client_add_item (sc->client, item, NULL, &error);
  g_assert_no_error (error);
  sc->document = publish (sc, sc->item->id, "bao-cao.pdf", version1, sc->title);
}

static void
scenario_teardown (Scenario *sc)
{
  chamber_test_rm_rf (sc->pdf_dir);
  g_free (sc->pdf_dir);
  g_free (sc->token);
  g_clear_pointer (&sc->session, chamber_session_free);
  g_clear_pointer (&sc->other_session, chamber_session_free);
  g_clear_pointer (&sc->item, chamber_item_free);
  g_clear_pointer (&sc->document, chamber_document_free);
  g_clear_object (&sc->client);
  g_clear_pointer (&sc->server, chamber_test_server_free);
  /* The next test connects afresh, to a new server. */
  {
    g_autofree char *servers = g_build_filename (g_get_user_data_dir (), "chamber", "servers",
                                                 NULL);

    chamber_test_rm_rf (servers);
  }
}

/* Runs @body in the app, then (when not NULL) @offline_body in the app started again with the
 * server stopped. */
static void
run_scenario (ChamberTestAppBody body, ChamberTestAppBody offline_body, const char *locale,
              const char *language)
{
  Scenario sc;

  if (!chamber_test_ui_use_locale (locale, language))
    {
      g_test_skip ("the locale is not installed (locale-gen vi_VN.UTF-8)");
      return;
    }
  scenario_setup (&sc);
  run_in_app (body, &sc);
  if (offline_body != NULL)
    {
      chamber_test_server_stop (sc.server);
      run_in_app (offline_body, &sc);
    }
  scenario_teardown (&sc);
  chamber_test_ui_use_locale ("C.UTF-8", NULL);
}

static void
test_notes (void)
{
  run_scenario (notes_body, notes_offline_body, "C.UTF-8", NULL);
}

static void
test_notes_vietnamese (void)
{
  run_scenario (notes_body, notes_offline_body, "vi_VN.UTF-8", "vi");
}

static void
test_search (void)
{
  run_scenario (search_body, NULL, "C.UTF-8", NULL);
}

static void
test_search_vietnamese (void)
{
  run_scenario (search_body, NULL, "vi_VN.UTF-8", "vi");
}

int
main (int argc, char *argv[])
{
  int status;

  test_home = chamber_test_ui_init (&argc, &argv, "chamber-ui-notes-home-XXXXXX",
                                   CHAMBER_TEST_UI_INIT_DEFAULT);
  if (test_home == NULL)
    return 77;

  g_test_add_func ("/ui/notes/english", test_notes);
  g_test_add_func ("/ui/notes/vietnamese", test_notes_vietnamese);
  g_test_add_func ("/ui/search/english", test_search);
  g_test_add_func ("/ui/search/vietnamese", test_search_vietnamese);
  status = g_test_run ();

  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
