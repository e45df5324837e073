/* test-notes.c — private notes on real Vietnamese PDFs generated with cairo, in a real store:
 * the store per person, anchoring on a text selection, carrying notes to changed versions
 * (moved, unchanged, reflowed, retyped, deleted, damaged), carrying forward after a sync, and
 * export as PDF annotations read back with poppler and rendered. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "chamber-anchor.h"
#include "chamber-blob-store.h"
#include "chamber-hash.h"
#include "chamber-notes.h"
#include "chamber-pdf.h"
#include "chamber-store.h"
#include "chamber-test-util.h"

typedef cairo_surface_t TestSurface;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestSurface, cairo_surface_destroy)

/* The generated documents: A4, DejaVu Sans 12 pt, one line every LEAD points from TOP. */
#define PAGE_WIDTH  595.0
#define PAGE_HEIGHT 842.0
#define LEFT        60.0
#define TOP         90.0
#define LEAD        18.0
#define FONT_SIZE   12.0

/* The baseline of line @line (from 0) of a page. */
#define BASELINE(line) (TOP + (line) * LEAD)

/* Version 1 of the report. Page 2 holds the passages the notes are made on. */
static const char *const page1[] = {
  "HỘI ĐỒNG NHÂN DÂN TỈNH AN HÒA",
  "Báo cáo tình hình kinh tế - xã hội và ngân sách năm 2024",
  "Năm 2024, kinh tế của tỉnh tiếp tục phục hồi và tăng trưởng khá.",
  "Tổng sản phẩm trên địa bàn tăng bảy phẩy hai phần trăm.",
  "Sản xuất nông nghiệp ổn định, diện tích lúa được giữ vững.",
  "Dự toán ngân sách nhà nước được Hội đồng nhân dân tỉnh thông qua.",
  NULL
};

static const char *const page2[] = {
  "Mục II. Thu chi ngân sách nhà nước",
  "Tổng thu ngân sách nhà nước trên địa bàn đạt mười hai nghìn tỷ đồng,",
  "vượt tám phần trăm dự toán Hội đồng nhân dân tỉnh giao.",
  "Chi đầu tư phát triển được ưu tiên cho giao thông và thủy lợi.",
  "Công tác quản lý đất đai được tăng cường, đấu giá quyền sử dụng",
  "đất đúng quy định, đem lại nguồn thu đáng kể cho tỉnh An Hoà.",
  "Chương trình mục tiêu quốc gia xây dựng nông thôn mới về đích sớm.",
  "Nợ đọng xây dựng cơ bản giảm mạnh so với cùng kỳ năm trước.",
  NULL
};

static const char *const page3[] = {
  "Mục III. Nhiệm vụ và giải pháp năm 2025",
  "Tập trung tháo gỡ khó khăn cho doanh nghiệp và hộ kinh doanh.",
  "Đẩy nhanh giải ngân vốn đầu tư công ngay từ những tháng đầu năm.",
  "Nâng cao chất lượng giáo dục, chăm sóc sức khỏe nhân dân.",
  NULL
};

static const char *const *const doc_v1[] = { page1, page2, page3, NULL };

/* Version 2, unchanged. */
static const char *const *const doc_same[] = { page1, page2, page3, NULL };

/* Version 2 with a whole new section before page 2: page 2 becomes page 3. */
static const char *const page_inserted[] = {
  "Mục I bổ sung. Kết quả giám sát chuyên đề",
  "Thường trực Hội đồng nhân dân tỉnh đã giám sát việc thực hiện",
  "chính sách hỗ trợ người dân bị ảnh hưởng bởi thiên tai.",
  "Đoàn giám sát đề nghị Ủy ban nhân dân tỉnh khẩn trương khắc phục.",
  NULL
};

static const char *const *const doc_inserted[] = { page1, page_inserted, page2, page3, NULL };

/* Version 2 with three lines added at the top of page 2: the passages move down the page. */
static const char *const page2_shifted[] = {
  "Mục II. Thu chi ngân sách nhà nước",
  "Số liệu dưới đây được cập nhật đến ngày 30 tháng 11 năm 2024",
  "theo báo cáo của Kho bạc Nhà nước tỉnh và Cục Thuế tỉnh,",
  "đã được Sở Tài chính rà soát và thống nhất.",
  "Tổng thu ngân sách nhà nước trên địa bàn đạt mười hai nghìn tỷ đồng,",
  "vượt tám phần trăm dự toán Hội đồng nhân dân tỉnh giao.",
  "Chi đầu tư phát triển được ưu tiên cho giao thông và thủy lợi.",
  "Công tác quản lý đất đai được tăng cường, đấu giá quyền sử dụng",
  "đất đúng quy định, đem lại nguồn thu đáng kể cho tỉnh An Hoà.",
  "Chương trình mục tiêu quốc gia xây dựng nông thôn mới về đích sớm.",
  "Nợ đọng xây dựng cơ bản giảm mạnh so với cùng kỳ năm trước.",
  NULL
};

static const char *const *const doc_shifted[] = { page1, page2_shifted, page3, NULL };

/* Version 2 with page 2 reflowed: other line breaks, and a word hyphenated at a line end. */
static const char *const page2_reflowed[] = {
  "Mục II. Thu chi ngân sách nhà nước",
  "Tổng thu ngân sách nhà nước trên địa bàn đạt mười hai",
  "nghìn tỷ đồng, vượt tám phần trăm dự toán Hội đồng nhân dân",
  "tỉnh giao. Chi đầu tư phát triển được ưu tiên cho giao thông",
  "và thủy lợi. Công tác quản lý đất đai được tăng cường, đấu giá",
  "quyền sử dụng đất đúng quy định, đem lại nguồn thu đáng kể cho",
  "tỉnh An Hoà. Chương trình mục tiêu quốc gia xây dựng nông thô-",
  "n mới về đích sớm. Nợ đọng xây dựng cơ bản giảm mạnh so với",
  "cùng kỳ năm trước.",
  NULL
};

static const char *const *const doc_reflowed[] = { page1, page2_reflowed, page3, NULL };

/* Version 2 retyped: “Đất Đai” capitalised, and the tone mark of “Hòa” in the new style. */
static const char *const page2_retyped[] = {
  "Mục II. Thu chi ngân sách nhà nước",
  "Tổng thu ngân sách nhà nước trên địa bàn đạt mười hai nghìn tỷ đồng,",
  "vượt tám phần trăm dự toán Hội đồng nhân dân tỉnh giao.",
  "Chi đầu tư phát triển được ưu tiên cho giao thông và thủy lợi.",
  "Công tác quản lý Đất Đai được tăng cường, đấu giá quyền sử dụng",
  "đất đúng quy định, đem lại nguồn thu đáng kể cho tỉnh An Hòa.",
  "Chương trình mục tiêu quốc gia xây dựng nông thôn mới về đích sớm.",
  "Nợ đọng xây dựng cơ bản giảm mạnh so với cùng kỳ năm trước.",
  NULL
};

static const char *const *const doc_retyped[] = { page1, page2_retyped, page3, NULL };

/* Version 2 without the passage on revenue (lines 1 and 2 of page 2). */
static const char *const page2_deleted[] = {
  "Mục II. Thu chi ngân sách nhà nước",
  "Chi đầu tư phát triển được ưu tiên cho giao thông và thủy lợi.",
  "Công tác quản lý đất đai được tăng cường, đấu giá quyền sử dụng",
  "đất đúng quy định, đem lại nguồn thu đáng kể cho tỉnh An Hoà.",
  "Chương trình mục tiêu quốc gia xây dựng nông thôn mới về đích sớm.",
  "Nợ đọng xây dựng cơ bản giảm mạnh so với cùng kỳ năm trước.",
  NULL
};

static const char *const *const doc_deleted[] = { page1, page2_deleted, page3, NULL };

/* The passages of page 2 the notes are made on: from @start_text (found in line @first_line)
 * to the end of @end_text (found in line @last_line). */
typedef struct
{
  int         first_line;
  const char *start_text;
  int         last_line;
  const char *end_text;
  const char *quote;  /* what the note's quote must be */
} Passage;

/* Two lines: the revenue passage. */
static const Passage revenue = {
  1, "mười hai nghìn", 2, "dự toán",
  "mười hai nghìn tỷ đồng,\nvượt tám phần trăm dự toán",
};

/* A phrase that occurs on every page: only its context tells them apart. */
static const Passage state_budget = {
  1, "ngân sách nhà nước", 1, "ngân sách nhà nước", "ngân sách nhà nước",
};

static const Passage land = {
  4, "quản lý đất đai", 4, "được tăng cường", "quản lý đất đai được tăng cường",
};

static const Passage hoa = {
  5, "nguồn thu", 5, "An Hoà", "nguồn thu đáng kể cho tỉnh An Hoà",
};

static const Passage new_countryside = {
  6, "nông thôn mới", 6, "về đích sớm", "nông thôn mới về đích sớm",
};

static const Passage investment = {
  3, "Chi đầu tư", 3, "phát triển", "Chi đầu tư phát triển",
};

/* Documents */

static void
write_document (const char                *path,
                const char *const *const  *pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  g_autofree char *name = g_path_get_basename (path);

  /* Each file is a distinct publication, even with the same pages. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, name);
  for (guint p = 0; pages[p] != NULL; p++)
    {
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, FONT_SIZE);
      for (guint line = 0; pages[p][line] != NULL; line++)
        {
          cairo_move_to (cr, LEFT, BASELINE (line));
          cairo_show_text (cr, pages[p][line]);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* How far @text reaches from the left margin, in points, as cairo lays it out in the PDF. */
static double
advance (const char *text)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_text_extents_t extents;

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options (cr, options);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, FONT_SIZE);
  cairo_text_extents (cr, text, &extents);
  cairo_font_options_destroy (options);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return extents.x_advance;
}

/* Where @passage starts and ends on a page laid out as @lines, as a delegate drags the mouse:
 * from just inside its first character to just inside its last. */
static PopplerRectangle
selection_for (const char *const *lines,
               const Passage     *passage)
{
  const char *first = lines[passage->first_line];
  const char *last = lines[passage->last_line];
  const char *start = strstr (first, passage->start_text);
  const char *end = strstr (last, passage->end_text);
  g_autofree char *before = NULL;
  g_autofree char *through = NULL;
  PopplerRectangle selection;

  g_assert_nonnull (start);
  g_assert_nonnull (end);
  before = g_strndup (first, start - first);
  through = g_strndup (last, end - last + strlen (passage->end_text));

  selection.x1 = LEFT + advance (before) + 1.5;
  selection.y1 = BASELINE (passage->first_line) - 4;
  selection.x2 = LEFT + advance (through) - 1.5;
  selection.y2 = BASELINE (passage->last_line) - 4;
  return selection;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = chamber_pdf_open (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

/* Fixture: a store with a session, an agenda item, two delegates, and a folder for PDFs. */

typedef struct
{
  char             *dir;
  ChamberStore     *store;
  ChamberBlobStore *blobs;
  gint64            session_id;
  gint64            item_id;
  gint64            other_item_id;
  gint64            person_a;
  gint64            person_b;
} Fixture;

static gint64
add_person (ChamberStore *store,
            const char   *name)
{
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (GError) error = NULL;

  person->name = g_strdup (name);
  person->role = CHAMBER_ROLE_DELEGATE;
  g_assert_true (chamber_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  return person->id;
}

static gint64
add_item (ChamberStore *store,
          gint64        session_id,
          const char   *title)
{
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (GError) error = NULL;

  item->session_id = session_id;
  item->position = -1;
  item->title = g_strdup (title);
  g_assert_true (chamber_store_insert_item (store, item, &error));
  g_assert_no_error (error);
  return item->id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *blob_dir = NULL;

  fixture->dir = chamber_test_make_temp_dir ("chamber-notes-XXXXXX");
  db_path = g_build_filename (fixture->dir, "chamber.db", NULL);
  fixture->store = chamber_store_open (db_path, &error);
  g_assert_no_error (error);
  blob_dir = g_build_filename (fixture->dir, "blobs", NULL);
  fixture->blobs = chamber_blob_store_new (blob_dir, &error);
  g_assert_no_error (error);

  session->number = 10;
  session->title = g_strdup ("Kỳ họp thứ mười");
  g_assert_true (chamber_store_insert_session (fixture->store, session, &error));
  g_assert_no_error (error);
  fixture->session_id = session->id;
  /* The agenda lists the budget item after the opening, so documents sort by it. */
  fixture->other_item_id = add_item (fixture->store, session->id, "Khai mạc kỳ họp");
  fixture->item_id = add_item (fixture->store, session->id, "Ngân sách năm 2025");
  fixture->person_a = add_person (fixture->store, "Nguyễn Văn An");
  fixture->person_b = add_person (fixture->store, "Trần Thị Bình");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  g_clear_object (&fixture->blobs);
  chamber_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Puts DIR/@name in the blob store and marks it held, as a sync does once it has the bytes. */
static void
fetch (Fixture    *fixture,
       const char *name)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr (GError) error = NULL;
  char sha256[65];
  gint64 bytes = 0;

  g_assert_true (chamber_blob_store_import_file (fixture->blobs, path, sha256, &bytes, NULL,
                                                 &error));
  g_assert_no_error (error);
  g_assert_true (chamber_store_mark_blob_held (fixture->store, sha256, bytes, &error));
  g_assert_no_error (error);
}

/* Writes @pages to DIR/@name and records it as the next version of @title under @item_id;
 * held on this laptop when @held. */
static ChamberDocument *
add_version_full (Fixture                   *fixture,
                  gint64                     item_id,
                  const char                *title,
                  const char                *name,
                  const char *const *const  *pages,
                  gboolean                   held)
{
  g_autofree char *path = fixture_path (fixture, name);
  g_autoptr (GError) error = NULL;
  ChamberDocument *document = chamber_document_new ();
  char sha256[65];
  gint64 bytes = 0;
  int n_pages = 0;

  write_document (path, pages);
  while (pages[n_pages] != NULL)
    n_pages++;
  g_assert_true (chamber_sha256_file (path, sha256, &bytes, NULL, &error));
  g_assert_no_error (error);
  if (held)
    fetch (fixture, name);

  document->item_id = item_id;
  document->title = g_strdup (title);
  document->kind = CHAMBER_DOCUMENT_REPORT;
  g_strlcpy (document->sha256, sha256, sizeof document->sha256);
  document->bytes = bytes;
  document->pages = n_pages;
  g_assert_true (chamber_store_insert_document (fixture->store, document, &error));
  g_assert_no_error (error);
  return document;
}

static ChamberDocument *
add_version (Fixture                   *fixture,
             gint64                     item_id,
             const char                *title,
             const char                *name,
             const char *const *const  *pages)
{
  return add_version_full (fixture, item_id, title, name, pages, TRUE);
}

static char *
blob_path (Fixture               *fixture,
           const ChamberDocument *document)
{
  return chamber_blob_store_path (fixture->blobs, document->sha256);
}

/* A highlight (or a note) by @person on @passage of page 2 of @document, anchored through a
 * selection as the viewer makes it, and stored. */
static ChamberNote *
add_passage_note (Fixture               *fixture,
                  gint64                 person_id,
                  const ChamberDocument *document,
                  const char *const     *lines,
                  const Passage         *passage,
                  ChamberNoteKind        kind,
                  const char            *body)
{
  g_autofree char *path = blob_path (fixture, document);
  g_autoptr (PopplerDocument) pdf = open_pdf (path);
  g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, 1);
  g_autoptr (GError) error = NULL;
  PopplerRectangle selection = selection_for (lines, passage);
  ChamberNote *note = chamber_note_new ();

  note->person_id = person_id;
  note->kind = kind;
  note->body = g_strdup (body);
  chamber_note_set_document (note, document);
  g_assert_true (chamber_note_anchor_from_selection (note, page, &selection, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (note->quote, ==, passage->quote);
  g_assert_true (chamber_notes_add (fixture->store, note, &error));
  g_assert_no_error (error);
  return note;
}

/* A bookmark or a whole-page note on page @page_no of @document. */
static ChamberNote *
add_page_note (Fixture               *fixture,
               gint64                 person_id,
               const ChamberDocument *document,
               int                    page_no,
               ChamberNoteKind        kind,
               const char            *body)
{
  g_autofree char *path = blob_path (fixture, document);
  g_autoptr (PopplerDocument) pdf = open_pdf (path);
  g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, page_no - 1);
  g_autoptr (GError) error = NULL;
  ChamberNote *note = chamber_note_new ();

  note->person_id = person_id;
  note->kind = kind;
  note->body = g_strdup (body);
  chamber_note_set_document (note, document);
  chamber_note_anchor_to_page (note, page);
  g_assert_cmpint (note->page, ==, page_no);
  g_assert_false (note->has_rect);
  g_assert_true (chamber_notes_add (fixture->store, note, &error));
  g_assert_no_error (error);
  return note;
}

static ChamberNote *
get_note (Fixture *fixture,
          gint64   person_id,
          gint64   note_id)
{
  g_autoptr (GError) error = NULL;
  ChamberNote *note = chamber_notes_get (fixture->store, person_id, note_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (note);
  return note;
}

/* The rectangle of a passage on line @first_line to @last_line holds those baselines. */
static void
assert_on_lines (const ChamberNote *note,
                 int                first_line,
                 int                last_line)
{
  g_assert_true (note->has_rect);
  g_assert_cmpfloat (note->y1, <, BASELINE (first_line) - 6);
  g_assert_cmpfloat (note->y1, >, BASELINE (first_line) - FONT_SIZE - 2);
  g_assert_cmpfloat (note->y2, >, BASELINE (last_line));
  g_assert_cmpfloat (note->y2, <, BASELINE (last_line) + 6);
  g_assert_cmpfloat (note->x1, >=, LEFT - 0.5);
  g_assert_cmpfloat (note->x2, <=, PAGE_WIDTH - LEFT / 2);
}

static void
assert_notes_equal (const ChamberNote *a,
                    const ChamberNote *b)
{
  g_assert_cmpint (a->id, ==, b->id);
  g_assert_cmpint (a->person_id, ==, b->person_id);
  g_assert_cmpint (a->session_id, ==, b->session_id);
  g_assert_cmpint (a->item_id, ==, b->item_id);
  g_assert_cmpint (a->document_id, ==, b->document_id);
  g_assert_cmpstr (a->doc_title, ==, b->doc_title);
  g_assert_cmpint (a->doc_version, ==, b->doc_version);
  g_assert_cmpstr (a->sha256, ==, b->sha256);
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpint (a->page, ==, b->page);
  g_assert_cmpint (a->has_rect, ==, b->has_rect);
  g_assert_cmpfloat (a->x1, ==, b->x1);
  g_assert_cmpfloat (a->y1, ==, b->y1);
  g_assert_cmpfloat (a->x2, ==, b->x2);
  g_assert_cmpfloat (a->y2, ==, b->y2);
  g_assert_cmpstr (a->quote, ==, b->quote);
  g_assert_cmpstr (a->prefix, ==, b->prefix);
  g_assert_cmpstr (a->suffix, ==, b->suffix);
  g_assert_cmpstr (a->body, ==, b->body);
  g_assert_cmpstr (a->color, ==, b->color);
  g_assert_cmpint (a->anchor, ==, b->anchor);
  g_assert_cmpstr (a->created_at, ==, b->created_at);
  g_assert_cmpstr (a->updated_at, ==, b->updated_at);
}

static GPtrArray *
list_document (Fixture *fixture,
               gint64   person_id,
               gint64   document_id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *notes = chamber_notes_list_document (fixture->store, person_id, document_id,
                                                  &error);

  g_assert_no_error (error);
  g_assert_nonnull (notes);
  return notes;
}

/* Carries @person_id's notes from @old to @new and checks the call succeeded. */
static GPtrArray *
carry (Fixture               *fixture,
       gint64                 person_id,
       const ChamberDocument *old,
       const ChamberDocument *new)
{
  g_autofree char *path = blob_path (fixture, new);
  g_autoptr (GError) error = NULL;
  GPtrArray *unplaced = chamber_notes_carry_to_version (fixture->store, person_id, old->id, new,
                                                        path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (unplaced);
  return unplaced;
}

/* The store per person */

static void
test_names (void)
{
  ChamberNoteKind kind;
  ChamberNoteAnchor anchor;

  for (int i = 0; i < CHAMBER_N_NOTE_KINDS; i++)
    {
      g_assert_true (chamber_note_kind_from_string (chamber_note_kind_to_string (i), &kind));
      g_assert_cmpint (kind, ==, i);
    }
  for (int i = 0; i < CHAMBER_N_NOTE_ANCHORS; i++)
    {
      g_assert_true (chamber_note_anchor_from_string (chamber_note_anchor_to_string (i),
                                                      &anchor));
      g_assert_cmpint (anchor, ==, i);
    }
  g_assert_cmpstr (chamber_note_kind_to_string (CHAMBER_NOTE_BOOKMARK), ==, "bookmark");
  g_assert_cmpstr (chamber_note_anchor_to_string (CHAMBER_NOTE_UNPLACED), ==, "unplaced");
  g_assert_false (chamber_note_kind_from_string ("sticky", NULL));
  g_assert_false (chamber_note_anchor_from_string (NULL, NULL));
}

static void
test_crud_per_person (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr (ChamberDocument) report = add_version (fixture, fixture->item_id, "Báo cáo ngân sách",
                                                    "report.pdf", doc_v1);
  g_autoptr (ChamberDocument) opening = add_version (fixture, fixture->other_item_id,
                                                     "Diễn văn khai mạc", "opening.pdf", doc_v1);
  g_autoptr (ChamberNote) revenue_a = add_passage_note (fixture, fixture->person_a, report, page2,
                                                        &revenue, CHAMBER_NOTE_HIGHLIGHT,
                                                        "Hỏi Sở Tài chính: nguồn thu đất đai?");
  g_autoptr (ChamberNote) bookmark_a = add_page_note (fixture, fixture->person_a, report, 3,
                                                      CHAMBER_NOTE_BOOKMARK, NULL);
  g_autoptr (ChamberNote) opening_a = add_page_note (fixture, fixture->person_a, opening, 1,
                                                     CHAMBER_NOTE_NOTE, "Đọc trước phiên khai mạc");
  g_autoptr (ChamberNote) land_a = add_passage_note (fixture, fixture->person_a, report, page2,
                                                     &land, CHAMBER_NOTE_HIGHLIGHT, NULL);
  g_autoptr (ChamberNote) land_b = add_passage_note (fixture, fixture->person_b, report, page2,
                                                     &land, CHAMBER_NOTE_HIGHLIGHT,
                                                     "Ghi chú của B");
  g_autoptr (ChamberNote) copy = NULL;
  g_autoptr (ChamberNote) stored = NULL;
  g_autoptr (ChamberNote) invalid = NULL;
  g_autoptr (ChamberNote) orphan = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *old_updated = NULL;

  /* What add() assigned. */
  g_assert_cmpint (revenue_a->id, >, 0);
  g_assert_cmpint (land_b->id, >, land_a->id);
  g_assert_nonnull (revenue_a->created_at);
  g_assert_cmpstr (revenue_a->created_at, ==, revenue_a->updated_at);
  g_assert_cmpint (revenue_a->anchor, ==, CHAMBER_NOTE_PLACED);

  /* get() returns every field as stored; copy() copies them. */
  stored = get_note (fixture, fixture->person_a, revenue_a->id);
  assert_notes_equal (stored, revenue_a);
  copy = chamber_note_copy (stored);
  assert_notes_equal (copy, stored);
  g_assert_true (copy->quote != stored->quote);
  g_assert_cmpstr (stored->body, ==, "Hỏi Sở Tài chính: nguồn thu đất đai?");
  g_assert_cmpstr (stored->doc_title, ==, "Báo cáo ngân sách");
  g_assert_cmpint (stored->doc_version, ==, 1);
  g_assert_cmpstr (stored->sha256, ==, report->sha256);
  g_clear_pointer (&stored, chamber_note_free);

  /* Per document, in page order, bookmarks (no rectangle) first on their page; only A's. */
  list = list_document (fixture, fixture->person_a, report->id);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpint (((ChamberNote *) list->pdata[0])->id, ==, revenue_a->id);
  g_assert_cmpint (((ChamberNote *) list->pdata[1])->id, ==, land_a->id);
  g_assert_cmpint (((ChamberNote *) list->pdata[2])->id, ==, bookmark_a->id);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = list_document (fixture, fixture->person_b, report->id);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((ChamberNote *) list->pdata[0])->id, ==, land_b->id);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A note on a document the store no longer has (notes have no foreign key to documents). */
  orphan = chamber_note_copy (bookmark_a);
  orphan->document_id = report->id + 1000;
  g_free (orphan->doc_title);
  orphan->doc_title = g_strdup ("Tài liệu đã gỡ");
  g_assert_true (chamber_notes_add (fixture->store, orphan, &error));
  g_assert_no_error (error);

  /* Per session: documents in agenda order (the opening first), then by page; the document
   * the store no longer has last. */
  list = chamber_notes_list_session (fixture->store, fixture->person_a, fixture->session_id,
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpint (((ChamberNote *) list->pdata[4])->id, ==, orphan->id);
  g_assert_cmpstr (((ChamberNote *) list->pdata[4])->doc_title, ==, "Tài liệu đã gỡ");
  g_assert_cmpint (((ChamberNote *) list->pdata[0])->id, ==, opening_a->id);
  g_assert_cmpstr (((ChamberNote *) list->pdata[0])->doc_title, ==, "Diễn văn khai mạc");
  g_assert_cmpint (((ChamberNote *) list->pdata[1])->id, ==, revenue_a->id);
  g_assert_cmpint (((ChamberNote *) list->pdata[1])->page, ==, 2);
  g_assert_cmpint (((ChamberNote *) list->pdata[2])->id, ==, land_a->id);
  g_assert_cmpint (((ChamberNote *) list->pdata[3])->id, ==, bookmark_a->id);
  g_assert_cmpint (((ChamberNote *) list->pdata[3])->page, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Another person's notes cannot be read, changed or deleted. */
  stored = chamber_notes_get (fixture->store, fixture->person_a, land_b->id, &error);
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_NOT_FOUND);
  g_assert_null (stored);
  g_clear_error (&error);
  copy->id = land_b->id;
  copy->person_id = fixture->person_a;
  g_assert_false (chamber_notes_update (fixture->store, copy, &error));
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (chamber_notes_delete (fixture->store, fixture->person_a, land_b->id, &error));
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_NOT_FOUND);
  g_clear_error (&error);
  stored = get_note (fixture, fixture->person_b, land_b->id);
  assert_notes_equal (stored, land_b);
  g_clear_pointer (&stored, chamber_note_free);

  /* Update body and colour (stored in lower case); nothing else changes. */
  old_updated = g_strdup (land_a->updated_at);
  g_free (land_a->body);
  land_a->body = g_strdup ("Đề nghị làm rõ số thu từ đấu giá đất");
  land_a->color = g_strdup ("#8FF0A4");
  land_a->page = 3;  /* ignored: only body and colour are written */
  g_assert_true (chamber_notes_update (fixture->store, land_a, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (land_a->color, ==, "#8ff0a4");
  g_assert_cmpstr (land_a->updated_at, >=, old_updated);
  stored = get_note (fixture, fixture->person_a, land_a->id);
  g_assert_cmpstr (stored->body, ==, "Đề nghị làm rõ số thu từ đấu giá đất");
  g_assert_cmpstr (stored->color, ==, "#8ff0a4");
  g_assert_cmpint (stored->page, ==, 2);
  g_assert_cmpstr (stored->quote, ==, land.quote);
  g_clear_pointer (&stored, chamber_note_free);

  /* Clearing the body and the colour. */
  g_clear_pointer (&land_a->body, g_free);
  g_clear_pointer (&land_a->color, g_free);
  g_assert_true (chamber_notes_update (fixture->store, land_a, &error));
  g_assert_no_error (error);
  stored = get_note (fixture, fixture->person_a, land_a->id);
  g_assert_null (stored->body);
  g_assert_null (stored->color);
  g_clear_pointer (&stored, chamber_note_free);

  /* A colour that is not #rrggbb is refused and changes nothing. */
  land_a->color = g_strdup ("yellow");
  g_assert_false (chamber_notes_update (fixture->store, land_a, &error));
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_INVALID);
  g_clear_error (&error);

  /* Delete: gone for A, B's note on the same passage stays. */
  g_assert_true (chamber_notes_delete (fixture->store, fixture->person_a, land_a->id, &error));
  g_assert_no_error (error);
  stored = chamber_notes_get (fixture->store, fixture->person_a, land_a->id, &error);
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_NOT_FOUND);
  g_assert_null (stored);
  g_clear_error (&error);
  g_assert_false (chamber_notes_delete (fixture->store, fixture->person_a, land_a->id, &error));
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = list_document (fixture, fixture->person_b, report->id);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Notes that break a rule are refused with a reason. */
  invalid = chamber_note_copy (revenue_a);
  g_clear_pointer (&invalid->quote, g_free);
  g_assert_false (chamber_notes_add (fixture->store, invalid, &error));
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_INVALID);
  g_clear_error (&error);
  invalid->quote = g_strdup ("x");
  invalid->page = 0;
  g_assert_false (chamber_notes_add (fixture->store, invalid, &error));
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_INVALID);
  g_clear_error (&error);
  invalid->page = 1;
  invalid->x2 = invalid->x1 - 10;
  g_assert_false (chamber_notes_add (fixture->store, invalid, &error));
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_INVALID);
  g_clear_error (&error);
  invalid->x2 = invalid->x1 + 10;
  invalid->person_id = 0;
  g_assert_false (chamber_notes_add (fixture->store, invalid, &error));
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_INVALID);
  g_clear_error (&error);
  invalid->person_id = fixture->person_a;
  invalid->sha256[0] = 'X';
  g_assert_false (chamber_notes_add (fixture->store, invalid, &error));
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_INVALID);
  g_clear_error (&error);
  list = list_document (fixture, fixture->person_a, report->id);
  g_assert_cmpuint (list->len, ==, 2);
}

/* Anchoring on a selection */

static void
test_anchor_selection (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr (ChamberDocument) report = add_version (fixture, fixture->item_id, "Báo cáo",
                                                    "report.pdf", doc_v1);
  g_autofree char *path = blob_path (fixture, report);
  g_autoptr (PopplerDocument) pdf = open_pdf (path);
  g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, 1);
  g_autoptr (ChamberNote) note = chamber_note_new ();
  g_autoptr (ChamberNote) empty = chamber_note_new ();
  g_autoptr (ChamberNote) land_note = chamber_note_new ();
  g_autoptr (GArray) lines = NULL;
  g_autoptr (GError) error = NULL;
  PopplerRectangle selection = selection_for (page2, &revenue);
  PopplerRectangle backwards = { selection.x2, selection.y2, selection.x1, selection.y1 };
  /* The top right margin: poppler selects nothing there (below the text it would select the
   * nearest line, as a viewer shows it). */
  PopplerRectangle blank = { 500, 20, 550, 40 };
  PopplerRectangle land_selection = selection_for (page2, &land);
  double start_x = selection.x1 - 1.5;
  const char *prefix_at;

  /* Two lines, from “mười” to “toán”. */
  g_assert_true (chamber_note_anchor_from_selection (note, page, &selection, &error));
  g_assert_no_error (error);
  g_assert_cmpint (note->page, ==, 2);
  g_assert_cmpstr (note->quote, ==, "mười hai nghìn tỷ đồng,\nvượt tám phần trăm dự toán");
  assert_on_lines (note, 1, 2);
  g_assert_cmpfloat (fabs (note->x1 - LEFT), <, 1.0);  /* the second line starts at the margin */
  g_assert_cmpfloat (note->x2, >, start_x + 20);

  /* The context: about 32–48 characters of the page on each side, cut between words. */
  g_assert_nonnull (note->prefix);
  g_assert_true (g_str_has_suffix (note->prefix, "trên địa bàn đạt "));
  g_assert_cmpint (g_utf8_strlen (note->prefix, -1), <=, CHAMBER_ANCHOR_CONTEXT_CHARS);
  g_assert_cmpint (g_utf8_strlen (note->prefix, -1), >=, CHAMBER_ANCHOR_CONTEXT_MIN);
  /* (It starts a line here: the line before ends within reach, so the cut is at its end.) */
  prefix_at = strstr (page2[1], note->prefix);
  g_assert_nonnull (prefix_at);
  g_assert_true (prefix_at == page2[1] || prefix_at[-1] == ' ');
  g_assert_nonnull (note->suffix);
  g_assert_true (g_str_has_prefix (note->suffix, " Hội đồng nhân dân tỉnh giao."));
  g_assert_cmpint (g_utf8_strlen (note->suffix, -1), <=, CHAMBER_ANCHOR_CONTEXT_CHARS);
  g_assert_cmpint (g_utf8_strlen (note->suffix, -1), >=, CHAMBER_ANCHOR_CONTEXT_MIN);

  /* The same selection made from the end backwards anchors the same passage. */
  g_assert_true (chamber_note_anchor_from_selection (empty, page, &backwards, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (empty->quote, ==, note->quote);
  g_assert_cmpfloat (empty->y1, ==, note->y1);

  /* The lines a highlight covers: the first from “mười” to the line's end, the second from
   * the margin to “toán”. */
  lines = chamber_note_get_line_rects (note, page);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpfloat (fabs (g_array_index (lines, PopplerRectangle, 0).x1 - start_x), <, 1.0);
  g_assert_cmpfloat (fabs (g_array_index (lines, PopplerRectangle, 1).x1 - LEFT), <, 1.0);
  g_assert_cmpfloat (g_array_index (lines, PopplerRectangle, 0).y2, <=,
                     g_array_index (lines, PopplerRectangle, 1).y1 + 1);
  g_assert_cmpfloat (fabs (g_array_index (lines, PopplerRectangle, 1).x2
                           - (LEFT + advance ("vượt tám phần trăm dự toán"))),
                     <, 1.0);

  /* Diacritics and đ kept as on the page. */
  g_assert_true (chamber_note_anchor_from_selection (land_note, page, &land_selection, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (land_note->quote, ==, "quản lý đất đai được tăng cường");
  assert_on_lines (land_note, 4, 4);
  g_assert_cmpfloat (fabs (land_note->x1 - (LEFT + advance ("Công tác "))), <, 1.0);

  /* A selection over blank paper holds no text. */
  g_clear_pointer (&empty, chamber_note_free);
  empty = chamber_note_new ();
  g_assert_false (chamber_note_anchor_from_selection (empty, page, &blank, &error));
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_NO_TEXT);
  g_assert_null (empty->quote);
  g_clear_error (&error);

  /* A whole page: its opening and closing words. */
  chamber_note_anchor_to_page (empty, page);
  g_assert_cmpint (empty->page, ==, 2);
  g_assert_false (empty->has_rect);
  g_assert_null (empty->quote);
  g_assert_true (g_str_has_prefix (empty->prefix, "Mục II. Thu chi ngân sách nhà nước"));
  g_assert_true (g_str_has_suffix (empty->suffix, "so với cùng kỳ năm trước."));
}

/* Re-anchoring across versions */

typedef struct
{
  ChamberDocument *v1;
  ChamberNote     *revenue;       /* highlight over two lines */
  ChamberNote     *state_budget;  /* a phrase found on every page */
  ChamberNote     *land;          /* đất đai */
  ChamberNote     *hoa;           /* Hoà in the old style */
  ChamberNote     *countryside;   /* nông thôn mới */
  ChamberNote     *bookmark;      /* page 2 */
  ChamberNote     *page_note;     /* page 3 */
} Noted;

static void
noted_clear (Noted *noted)
{
  g_clear_pointer (&noted->v1, chamber_document_free);
  g_clear_pointer (&noted->revenue, chamber_note_free);
  g_clear_pointer (&noted->state_budget, chamber_note_free);
  g_clear_pointer (&noted->land, chamber_note_free);
  g_clear_pointer (&noted->hoa, chamber_note_free);
  g_clear_pointer (&noted->countryside, chamber_note_free);
  g_clear_pointer (&noted->bookmark, chamber_note_free);
  g_clear_pointer (&noted->page_note, chamber_note_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Noted, noted_clear)

static void
make_noted_v1 (Fixture *fixture,
               Noted   *noted)
{
  noted->v1 = add_version (fixture, fixture->item_id, "Báo cáo ngân sách", "v1.pdf", doc_v1);
  noted->revenue = add_passage_note (fixture, fixture->person_a, noted->v1, page2, &revenue,
                                     CHAMBER_NOTE_HIGHLIGHT, "Vượt dự toán nhờ thu từ đất?");
  noted->state_budget = add_passage_note (fixture, fixture->person_a, noted->v1, page2,
                                          &state_budget, CHAMBER_NOTE_HIGHLIGHT, NULL);
  noted->land = add_passage_note (fixture, fixture->person_a, noted->v1, page2, &land,
                                  CHAMBER_NOTE_HIGHLIGHT, NULL);
  noted->hoa = add_passage_note (fixture, fixture->person_a, noted->v1, page2, &hoa,
                                 CHAMBER_NOTE_NOTE, "Hỏi về nguồn thu của tỉnh");
  noted->countryside = add_passage_note (fixture, fixture->person_a, noted->v1, page2,
                                         &new_countryside, CHAMBER_NOTE_HIGHLIGHT, NULL);
  noted->bookmark = add_page_note (fixture, fixture->person_a, noted->v1, 2,
                                   CHAMBER_NOTE_BOOKMARK, NULL);
  noted->page_note = add_page_note (fixture, fixture->person_a, noted->v1, 3, CHAMBER_NOTE_NOTE,
                                    "Chuẩn bị ý kiến về nhiệm vụ năm 2025");
}

/* The note @note as stored now, which must be on @new. */
static ChamberNote *
carried (Fixture               *fixture,
         const ChamberNote     *note,
         const ChamberDocument *new)
{
  ChamberNote *now = get_note (fixture, note->person_id, note->id);

  g_assert_cmpint (now->document_id, ==, new->id);
  g_assert_cmpint (now->doc_version, ==, new->version);
  g_assert_cmpstr (now->doc_title, ==, new->title);
  /* What the delegate wrote never changes. */
  g_assert_cmpstr (now->body, ==, note->body);
  g_assert_cmpstr (now->created_at, ==, note->created_at);
  g_assert_cmpstr (now->updated_at, ==, note->updated_at);
  g_assert_cmpint (now->kind, ==, note->kind);
  return now;
}

static void
test_carry_unchanged (Fixture       *fixture,
                      gconstpointer  data)
{
  g_auto (Noted) noted = { NULL, };
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (GPtrArray) unplaced = NULL;
  g_autoptr (GPtrArray) left = NULL;
  ChamberNote *const *all;

  make_noted_v1 (fixture, &noted);
  v2 = add_version (fixture, fixture->item_id, "Báo cáo ngân sách", "v2.pdf", doc_same);
  g_assert_cmpint (v2->version, ==, 2);
  g_assert_cmpstr (v2->sha256, !=, noted.v1->sha256);

  unplaced = carry (fixture, fixture->person_a, noted.v1, v2);
  g_assert_cmpuint (unplaced->len, ==, 0);

  all = (ChamberNote *const[]) { noted.revenue, noted.state_budget, noted.land, noted.hoa,
                                 noted.countryside, noted.bookmark, noted.page_note, NULL };
  for (guint i = 0; all[i] != NULL; i++)
    {
      g_autoptr (ChamberNote) now = carried (fixture, all[i], v2);

      g_assert_cmpint (now->anchor, ==, CHAMBER_NOTE_PLACED);
      g_assert_cmpstr (now->sha256, ==, v2->sha256);
      g_assert_cmpint (now->page, ==, all[i]->page);
      g_assert_cmpint (now->has_rect, ==, all[i]->has_rect);
      g_assert_cmpfloat (fabs (now->x1 - all[i]->x1), <, 0.01);
      g_assert_cmpfloat (fabs (now->y1 - all[i]->y1), <, 0.01);
      g_assert_cmpfloat (fabs (now->x2 - all[i]->x2), <, 0.01);
      g_assert_cmpfloat (fabs (now->y2 - all[i]->y2), <, 0.01);
      g_assert_cmpstr (now->quote, ==, all[i]->quote);
    }

  /* Nothing is left on version 1; a second carry finds nothing to do. */
  left = list_document (fixture, fixture->person_a, noted.v1->id);
  g_assert_cmpuint (left->len, ==, 0);
  g_clear_pointer (&unplaced, g_ptr_array_unref);
  unplaced = carry (fixture, fixture->person_a, noted.v1, v2);
  g_assert_cmpuint (unplaced->len, ==, 0);
}

static void
test_carry_inserted_page (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto (Noted) noted = { NULL, };
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (GPtrArray) unplaced = NULL;
  g_autoptr (ChamberNote) revenue_now = NULL;
  g_autoptr (ChamberNote) budget_now = NULL;
  g_autoptr (ChamberNote) land_now = NULL;
  g_autoptr (ChamberNote) bookmark_now = NULL;
  g_autoptr (ChamberNote) page_note_now = NULL;

  make_noted_v1 (fixture, &noted);
  v2 = add_version (fixture, fixture->item_id, "Báo cáo ngân sách", "v2.pdf", doc_inserted);
  unplaced = carry (fixture, fixture->person_a, noted.v1, v2);
  g_assert_cmpuint (unplaced->len, ==, 0);

  /* Page 2 became page 3: same lines, same text, moved. */
  revenue_now = carried (fixture, noted.revenue, v2);
  g_assert_cmpint (revenue_now->anchor, ==, CHAMBER_NOTE_MOVED);
  g_assert_cmpint (revenue_now->page, ==, 3);
  g_assert_cmpstr (revenue_now->sha256, ==, v2->sha256);
  g_assert_cmpstr (revenue_now->quote, ==, revenue.quote);
  assert_on_lines (revenue_now, 1, 2);

  /* “ngân sách nhà nước” is on every page; its context finds the right one. */
  budget_now = carried (fixture, noted.state_budget, v2);
  g_assert_cmpint (budget_now->anchor, ==, CHAMBER_NOTE_MOVED);
  g_assert_cmpint (budget_now->page, ==, 3);
  assert_on_lines (budget_now, 1, 1);
  g_assert_cmpfloat (fabs (budget_now->x1 - noted.state_budget->x1), <, 0.01);

  land_now = carried (fixture, noted.land, v2);
  g_assert_cmpint (land_now->page, ==, 3);
  assert_on_lines (land_now, 4, 4);

  /* The bookmark follows its page's text; the page note too. */
  bookmark_now = carried (fixture, noted.bookmark, v2);
  g_assert_cmpint (bookmark_now->anchor, ==, CHAMBER_NOTE_MOVED);
  g_assert_cmpint (bookmark_now->page, ==, 3);
  g_assert_false (bookmark_now->has_rect);
  page_note_now = carried (fixture, noted.page_note, v2);
  g_assert_cmpint (page_note_now->anchor, ==, CHAMBER_NOTE_MOVED);
  g_assert_cmpint (page_note_now->page, ==, 4);
}

static void
test_carry_shifted_down (Fixture       *fixture,
                         gconstpointer  data)
{
  g_auto (Noted) noted = { NULL, };
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (GPtrArray) unplaced = NULL;
  g_autoptr (ChamberNote) revenue_now = NULL;
  g_autoptr (ChamberNote) countryside_now = NULL;
  g_autoptr (ChamberNote) bookmark_now = NULL;
  g_autoptr (ChamberNote) page_note_now = NULL;

  make_noted_v1 (fixture, &noted);
  v2 = add_version (fixture, fixture->item_id, "Báo cáo ngân sách", "v2.pdf", doc_shifted);
  unplaced = carry (fixture, fixture->person_a, noted.v1, v2);
  g_assert_cmpuint (unplaced->len, ==, 0);

  /* Same page, three lines lower: moved. */
  revenue_now = carried (fixture, noted.revenue, v2);
  g_assert_cmpint (revenue_now->anchor, ==, CHAMBER_NOTE_MOVED);
  g_assert_cmpint (revenue_now->page, ==, 2);
  assert_on_lines (revenue_now, 4, 5);
  g_assert_cmpfloat (fabs (revenue_now->y1 - (noted.revenue->y1 + 3 * LEAD)), <, 0.5);
  countryside_now = carried (fixture, noted.countryside, v2);
  g_assert_cmpint (countryside_now->anchor, ==, CHAMBER_NOTE_MOVED);
  assert_on_lines (countryside_now, 9, 9);

  /* The page itself opens as before: the bookmark stays placed. */
  bookmark_now = carried (fixture, noted.bookmark, v2);
  g_assert_cmpint (bookmark_now->anchor, ==, CHAMBER_NOTE_PLACED);
  g_assert_cmpint (bookmark_now->page, ==, 2);
  page_note_now = carried (fixture, noted.page_note, v2);
  g_assert_cmpint (page_note_now->anchor, ==, CHAMBER_NOTE_PLACED);
  g_assert_cmpint (page_note_now->page, ==, 3);
}

static void
test_carry_reflowed (Fixture       *fixture,
                     gconstpointer  data)
{
  g_auto (Noted) noted = { NULL, };
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (GPtrArray) unplaced = NULL;
  g_autoptr (ChamberNote) revenue_now = NULL;
  g_autoptr (ChamberNote) land_now = NULL;
  g_autoptr (ChamberNote) hoa_now = NULL;
  g_autoptr (ChamberNote) countryside_now = NULL;

  make_noted_v1 (fixture, &noted);
  v2 = add_version (fixture, fixture->item_id, "Báo cáo ngân sách", "v2.pdf", doc_reflowed);
  unplaced = carry (fixture, fixture->person_a, noted.v1, v2);
  g_assert_cmpuint (unplaced->len, ==, 0);

  /* The line break moved inside the passage: found, and its quote is the new text. */
  revenue_now = carried (fixture, noted.revenue, v2);
  g_assert_cmpint (revenue_now->anchor, ==, CHAMBER_NOTE_MOVED);
  g_assert_cmpint (revenue_now->page, ==, 2);
  g_assert_cmpstr (revenue_now->quote, ==, "mười hai\nnghìn tỷ đồng, vượt tám phần trăm dự toán");
  assert_on_lines (revenue_now, 1, 2);

  /* Now in the middle of a line. */
  land_now = carried (fixture, noted.land, v2);
  g_assert_cmpstr (land_now->quote, ==, land.quote);
  assert_on_lines (land_now, 4, 4);
  g_assert_cmpfloat (fabs (land_now->x1 - (LEFT + advance ("và thủy lợi. Công tác "))), <, 1.0);

  /* Over a line break now. */
  hoa_now = carried (fixture, noted.hoa, v2);
  g_assert_cmpint (hoa_now->anchor, ==, CHAMBER_NOTE_MOVED);
  g_assert_cmpstr (hoa_now->quote, ==, "nguồn thu đáng kể cho\ntỉnh An Hoà");
  assert_on_lines (hoa_now, 5, 6);

  /* “thôn” hyphenated at a line end. */
  countryside_now = carried (fixture, noted.countryside, v2);
  g_assert_cmpint (countryside_now->anchor, ==, CHAMBER_NOTE_MOVED);
  g_assert_cmpint (countryside_now->page, ==, 2);
  g_assert_cmpstr (countryside_now->quote, ==, "nông thô-\nn mới về đích sớm");
  assert_on_lines (countryside_now, 6, 7);
}

static void
test_carry_retyped (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto (Noted) noted = { NULL, };
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (GPtrArray) unplaced = NULL;
  g_autoptr (ChamberNote) land_now = NULL;
  g_autoptr (ChamberNote) hoa_now = NULL;
  g_autoptr (ChamberNote) revenue_now = NULL;

  make_noted_v1 (fixture, &noted);
  v2 = add_version (fixture, fixture->item_id, "Báo cáo ngân sách", "v2.pdf", doc_retyped);
  unplaced = carry (fixture, fixture->person_a, noted.v1, v2);
  g_assert_cmpuint (unplaced->len, ==, 0);

  /* “đất đai” → “Đất Đai”: found by folding đ and case; the quote shows the new text. */
  land_now = carried (fixture, noted.land, v2);
  g_assert_cmpint (land_now->page, ==, 2);
  g_assert_cmpstr (land_now->quote, ==, "quản lý Đất Đai được tăng cường");
  assert_on_lines (land_now, 4, 4);

  /* “Hoà” → “Hòa”: the tone mark on another letter. */
  hoa_now = carried (fixture, noted.hoa, v2);
  g_assert_cmpint (hoa_now->page, ==, 2);
  g_assert_cmpstr (hoa_now->quote, ==, "nguồn thu đáng kể cho tỉnh An Hòa");
  assert_on_lines (hoa_now, 5, 5);
  g_assert_cmpint (hoa_now->kind, ==, CHAMBER_NOTE_NOTE);
  /* Its text changed, so it is not “placed” even on the same line. */
  g_assert_cmpint (hoa_now->anchor, ==, CHAMBER_NOTE_MOVED);
  g_assert_cmpfloat (fabs (hoa_now->x1 - noted.hoa->x1), <, 0.01);

  /* Untouched text stays placed. */
  revenue_now = carried (fixture, noted.revenue, v2);
  g_assert_cmpint (revenue_now->anchor, ==, CHAMBER_NOTE_PLACED);
  g_assert_cmpstr (revenue_now->quote, ==, revenue.quote);
}

static void
test_carry_deleted (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto (Noted) noted = { NULL, };
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (ChamberDocument) v3 = NULL;
  g_autoptr (GPtrArray) unplaced = NULL;
  g_autoptr (GPtrArray) on_v2 = NULL;
  g_autoptr (ChamberNote) revenue_now = NULL;
  g_autoptr (ChamberNote) land_now = NULL;
  g_autoptr (ChamberNote) budget_now = NULL;
  g_autoptr (ChamberNote) revenue_v3 = NULL;
  ChamberNote *lost = NULL;

  make_noted_v1 (fixture, &noted);
  v2 = add_version (fixture, fixture->item_id, "Báo cáo ngân sách", "v2.pdf", doc_deleted);
  unplaced = carry (fixture, fixture->person_a, noted.v1, v2);

  /* The revenue passage is gone: that note alone cannot be placed. */
  for (guint i = 0; i < unplaced->len; i++)
    if (((ChamberNote *) unplaced->pdata[i])->id == noted.revenue->id)
      lost = unplaced->pdata[i];
  g_assert_nonnull (lost);
  g_assert_cmpuint (unplaced->len, ==, 1);

  /* Listed with what it was: never deleted, old page, rect, quote and hash. */
  revenue_now = carried (fixture, noted.revenue, v2);
  g_assert_cmpint (revenue_now->anchor, ==, CHAMBER_NOTE_UNPLACED);
  g_assert_cmpint (lost->anchor, ==, CHAMBER_NOTE_UNPLACED);
  g_assert_cmpstr (revenue_now->sha256, ==, noted.v1->sha256);
  g_assert_cmpint (revenue_now->page, ==, noted.revenue->page);
  g_assert_cmpfloat (revenue_now->y1, ==, noted.revenue->y1);
  g_assert_cmpstr (revenue_now->quote, ==, noted.revenue->quote);
  g_assert_cmpstr (revenue_now->prefix, ==, noted.revenue->prefix);
  g_assert_cmpstr (lost->quote, ==, noted.revenue->quote);

  /* The phrase highlighted in that passage is still in the page's heading, in another context:
   * the exact quote nearest to where it was wins over the page 1 occurrence. */
  budget_now = carried (fixture, noted.state_budget, v2);
  g_assert_cmpint (budget_now->anchor, ==, CHAMBER_NOTE_MOVED);
  g_assert_cmpint (budget_now->page, ==, 2);
  assert_on_lines (budget_now, 0, 0);
  g_assert_cmpstr (budget_now->quote, ==, state_budget.quote);

  /* The others moved up the page. */
  land_now = carried (fixture, noted.land, v2);
  g_assert_cmpint (land_now->anchor, ==, CHAMBER_NOTE_MOVED);
  assert_on_lines (land_now, 2, 2);

  /* It is listed with the document's newest version, so the viewer can show it as unplaced. */
  on_v2 = list_document (fixture, fixture->person_a, v2->id);
  g_assert_cmpuint (on_v2->len, ==, 7);

  /* A later version that has the passage again places it. */
  g_clear_pointer (&unplaced, g_ptr_array_unref);
  v3 = add_version (fixture, fixture->item_id, "Báo cáo ngân sách", "v3.pdf", doc_v1);
  g_assert_cmpint (v3->version, ==, 3);
  unplaced = carry (fixture, fixture->person_a, v2, v3);
  g_assert_cmpuint (unplaced->len, ==, 0);
  revenue_v3 = carried (fixture, noted.revenue, v3);
  g_assert_cmpint (revenue_v3->anchor, ==, CHAMBER_NOTE_PLACED);
  g_assert_cmpstr (revenue_v3->sha256, ==, v3->sha256);
  g_assert_cmpfloat (revenue_v3->y1, ==, noted.revenue->y1);
}

/* Every note of @person_id, as stored. */
static GPtrArray *
snapshot (Fixture *fixture,
          gint64   person_id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *notes = chamber_notes_list_session (fixture->store, person_id, fixture->session_id,
                                                 &error);

  g_assert_no_error (error);
  return notes;
}

static void
assert_snapshot_unchanged (GPtrArray *before,
                           GPtrArray *after)
{
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    assert_notes_equal (before->pdata[i], after->pdata[i]);
}

static void
test_carry_damaged (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto (Noted) noted = { NULL, };
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autofree char *v2_path = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *damaged = fixture_path (fixture, "damaged.pdf");
  g_autofree char *cut = fixture_path (fixture, "cut.pdf");
  g_autofree char *html = fixture_path (fixture, "error-page.pdf");
  g_autofree char *missing = fixture_path (fixture, "missing.pdf");
  g_autoptr (GError) error = NULL;
  GPtrArray *unplaced;
  gsize length = 0;
  const char *const bad_files[] = { damaged, cut, html, missing };

  make_noted_v1 (fixture, &noted);
  v2 = add_version (fixture, fixture->item_id, "Báo cáo ngân sách", "v2.pdf", doc_inserted);
  before = snapshot (fixture, fixture->person_a);
  g_assert_cmpuint (before->len, ==, 7);

  /* A header and garbage; the first half of the file; a web page; no file at all. */
  g_file_set_contents (damaged, "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n"
                                "garbage garbage\n%%EOF\n", -1, &error);
  g_assert_no_error (error);
  v2_path = blob_path (fixture, v2);
  g_file_get_contents (v2_path, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (cut, contents, length / 2, &error);
  g_assert_no_error (error);
  g_file_set_contents (html, "<!DOCTYPE html><html><body>502 Bad Gateway</body></html>", -1,
                       &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr (GPtrArray) after = NULL;

      unplaced = chamber_notes_carry_to_version (fixture->store, fixture->person_a, noted.v1->id,
                                                 v2, bad_files[i], NULL, &error);
      g_assert_null (unplaced);
      g_assert_nonnull (error);
      g_assert_true (error->domain == CHAMBER_PDF_ERROR);
      g_test_message ("%s: %s", bad_files[i], error->message);
      g_clear_error (&error);

      after = snapshot (fixture, fixture->person_a);
      assert_snapshot_unchanged (before, after);
    }

  /* Cancelled before it starts: nothing changes either. */
  {
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (GPtrArray) after = NULL;

    g_cancellable_cancel (cancellable);
    unplaced = chamber_notes_carry_to_version (fixture->store, fixture->person_a, noted.v1->id,
                                               v2, v2_path, cancellable, &error);
    g_assert_null (unplaced);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    after = snapshot (fixture, fixture->person_a);
    assert_snapshot_unchanged (before, after);
  }
}

/* After a sync: every document with notes goes to its newest version held here. */
static void
test_carry_forward (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto (Noted) noted = { NULL, };
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (ChamberDocument) v3 = NULL;
  g_autoptr (ChamberDocument) opening = NULL;
  g_autoptr (ChamberNote) b_note = NULL;
  g_autoptr (ChamberNote) opening_note = NULL;
  g_autoptr (ChamberNote) now = NULL;
  g_autoptr (GPtrArray) unplaced = NULL;
  g_autoptr (GError) error = NULL;

  make_noted_v1 (fixture, &noted);
  b_note = add_passage_note (fixture, fixture->person_b, noted.v1, page2, &revenue,
                             CHAMBER_NOTE_HIGHLIGHT, NULL);
  opening = add_version (fixture, fixture->other_item_id, "Diễn văn khai mạc", "opening.pdf",
                         doc_v1);
  opening_note = add_page_note (fixture, fixture->person_a, opening, 1, CHAMBER_NOTE_BOOKMARK,
                                NULL);

  /* Nothing newer yet: nothing moves. */
  g_assert_true (chamber_notes_carry_forward (fixture->store, 0, fixture->blobs, &unplaced, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unplaced->len, ==, 0);
  g_clear_pointer (&unplaced, g_ptr_array_unref);
  now = get_note (fixture, fixture->person_a, noted.revenue->id);
  g_assert_cmpint (now->document_id, ==, noted.v1->id);
  g_clear_pointer (&now, chamber_note_free);

  /* Versions 2 (the revenue passage deleted) and 3 (it is back, lower on the page) are
   * published; the sync has fetched version 2 only. A's notes go to version 2, B's stay. */
  v2 = add_version (fixture, fixture->item_id, "Báo cáo ngân sách", "v2.pdf", doc_deleted);
  v3 = add_version_full (fixture, fixture->item_id, "Báo cáo ngân sách", "v3.pdf", doc_shifted,
                         FALSE);
  g_assert_true (chamber_notes_carry_forward (fixture->store, fixture->person_a, fixture->blobs,
                                              &unplaced, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unplaced->len, ==, 1);
  g_assert_cmpint (((ChamberNote *) unplaced->pdata[0])->id, ==, noted.revenue->id);
  g_clear_pointer (&unplaced, g_ptr_array_unref);
  now = get_note (fixture, fixture->person_a, noted.land->id);
  g_assert_cmpint (now->document_id, ==, v2->id);
  g_clear_pointer (&now, chamber_note_free);
  now = get_note (fixture, fixture->person_b, b_note->id);
  g_assert_cmpint (now->document_id, ==, noted.v1->id);
  g_clear_pointer (&now, chamber_note_free);

  /* Once version 3 is fetched, everyone's notes go to it: A's from version 2 (the unplaced
   * one placed again), B's straight from version 1. */
  fetch (fixture, "v3.pdf");
  g_assert_true (chamber_notes_carry_forward (fixture->store, 0, fixture->blobs, &unplaced, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unplaced->len, ==, 0);
  g_clear_pointer (&unplaced, g_ptr_array_unref);

  now = get_note (fixture, fixture->person_a, noted.revenue->id);
  g_assert_cmpint (now->document_id, ==, v3->id);
  g_assert_cmpint (now->doc_version, ==, 3);
  g_assert_cmpstr (now->sha256, ==, v3->sha256);
  g_assert_cmpint (now->anchor, ==, CHAMBER_NOTE_MOVED);
  assert_on_lines (now, 4, 5);
  g_clear_pointer (&now, chamber_note_free);
  now = get_note (fixture, fixture->person_b, b_note->id);
  g_assert_cmpint (now->document_id, ==, v3->id);
  assert_on_lines (now, 4, 5);
  g_clear_pointer (&now, chamber_note_free);
  /* Another document without a new version is left alone. */
  now = get_note (fixture, fixture->person_a, opening_note->id);
  g_assert_cmpint (now->document_id, ==, opening->id);
  g_assert_cmpint (now->anchor, ==, CHAMBER_NOTE_PLACED);
  g_clear_pointer (&now, chamber_note_free);

  /* Run again: nothing left to carry. */
  g_assert_true (chamber_notes_carry_forward (fixture->store, 0, fixture->blobs, &unplaced, NULL,
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unplaced->len, ==, 0);
  g_clear_pointer (&unplaced, g_ptr_array_unref);

  /* A version that is held but damaged: its notes stay, the error says why. */
  {
    g_autoptr (ChamberDocument) v4 = add_version (fixture, fixture->item_id, "Báo cáo ngân sách",
                                                  "v4.pdf", doc_v1);
    g_autofree char *held = blob_path (fixture, v4);

    g_assert_true (g_file_set_contents (held, "%PDF-1.7\ngarbage\n%%EOF\n", -1, NULL));
    g_assert_false (chamber_notes_carry_forward (fixture->store, 0, fixture->blobs, &unplaced,
                                                 NULL, &error));
    g_assert_true (error->domain == CHAMBER_PDF_ERROR);
    g_clear_error (&error);
    g_assert_cmpuint (unplaced->len, ==, 0);
    now = get_note (fixture, fixture->person_a, noted.revenue->id);
    g_assert_cmpint (now->document_id, ==, v3->id);
  }
}

/* Export */

typedef struct
{
  guint yellow;  /* pixels that are clearly yellow: red and green high, blue low */
  guint total;
} Colors;

/* Counts the pixels of @surface (at 1 pixel per point) inside @rect (origin top-left). */
static Colors
count_yellow (cairo_surface_t        *surface,
              const PopplerRectangle *rect)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  Colors colors = { 0, 0 };

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = MAX (0, (int) ceil (rect->y1)); y < MIN (height, (int) floor (rect->y2)); y++)
    for (int x = MAX (0, (int) ceil (rect->x1)); x < MIN (width, (int) floor (rect->x2)); x++)
      {
        guint32 pixel = ((const guint32 *) (data + (gsize) y * stride))[x];
        guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        colors.total++;
        if (r > 200 && g > 180 && b < 140)
          colors.yellow++;
      }
  return colors;
}

static cairo_surface_t *
render_page (PopplerDocument *document,
             int              page_no)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (document, page_no - 1);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface = chamber_pdf_render_page (page, 1.0, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (surface);
  return surface;
}

static int
compare_mappings (gconstpointer a,
                  gconstpointer b)
{
  const PopplerAnnotMapping *x = *(PopplerAnnotMapping *const *) a;
  const PopplerAnnotMapping *y = *(PopplerAnnotMapping *const *) b;

  return (x->area.x1 > y->area.x1) - (x->area.x1 < y->area.x1);
}

/* The annotations of page @page_no of @document, left to right. */
static GPtrArray *
page_annots (PopplerDocument *document,
             int              page_no,
             GList          **out_mapping)
{
  g_autoptr (PopplerPage) page = poppler_document_get_page (document, page_no - 1);
  GPtrArray *mappings = g_ptr_array_new ();

  *out_mapping = poppler_page_get_annot_mapping (page);
  for (GList *l = *out_mapping; l != NULL; l = l->next)
    g_ptr_array_add (mappings, l->data);
  g_ptr_array_sort (mappings, compare_mappings);
  return mappings;
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto (Noted) noted = { NULL, };
  g_autoptr (ChamberNote) investment_note = NULL;
  g_autoptr (ChamberNote) unplaced_note = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GPtrArray) highlights = g_ptr_array_new ();
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  g_autoptr (PopplerDocument) original = NULL;
  g_autoptr (PopplerDocument) exported = NULL;
  g_autoptr (TestSurface) before = NULL;
  g_autoptr (TestSurface) after = NULL;
  g_autoptr (GArray) quads = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  g_autofree char *source = NULL;
  g_autofree char *output = fixture_path (fixture, "báo cáo có ghi chú.pdf");
  g_autofree char *bad_output = NULL;
  GList *mapping = NULL;
  GList *mapping3 = NULL;
  g_autoptr (GPtrArray) annots = NULL;
  g_autoptr (GPtrArray) annots3 = NULL;
  PopplerRectangle rect;
  Colors yellow_before, yellow_after;
  const char *name;
  guint files = 0;

  make_noted_v1 (fixture, &noted);
  investment_note = add_passage_note (fixture, fixture->person_a, noted.v1, page2, &investment,
                                      CHAMBER_NOTE_NOTE,
                                      "Hỏi Sở Kế hoạch và Đầu tư về tiến độ giải ngân");
  /* An unplaced note (its text belongs to another version) is left out. */
  unplaced_note = chamber_note_copy (noted.land);
  unplaced_note->anchor = CHAMBER_NOTE_UNPLACED;
  unplaced_note->body = g_strdup ("không xuất");
  source = blob_path (fixture, noted.v1);

  notes = list_document (fixture, fixture->person_a, noted.v1->id);
  g_assert_cmpuint (notes->len, ==, 8);
  g_ptr_array_add (notes, chamber_note_copy (unplaced_note));
  g_assert_true (chamber_notes_export_pdf (source, notes, output, &error));
  g_assert_no_error (error);

  /* No temporary file is left beside the copy. */
  dir = g_dir_open (fixture->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_assert_false (g_str_has_prefix (name, "báo cáo có ghi chú.pdf."));
      files++;
    }
  g_assert_cmpuint (files, >, 0);

  original = open_pdf (source);
  exported = open_pdf (output);
  g_assert_cmpint (poppler_document_get_n_pages (exported), ==, 3);

  /* Page 2: four highlights, the two passage notes and the bookmark. */
  annots = page_annots (exported, 2, &mapping);
  for (guint i = 0; i < annots->len; i++)
    {
      PopplerAnnotMapping *m = annots->pdata[i];

      switch (poppler_annot_get_annot_type (m->annot))
        {
        case POPPLER_ANNOT_HIGHLIGHT:
          g_ptr_array_add (highlights, m);
          break;
        case POPPLER_ANNOT_TEXT:
          g_ptr_array_add (texts, m);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_assert_cmpuint (highlights->len, ==, 4);
  g_assert_cmpuint (texts->len, ==, 3);

  /* The revenue highlight: its body, its two lines, where the note says (annotations use PDF
   * coordinates, origin bottom-left). */
  {
    PopplerAnnotMapping *found = NULL;

    for (guint i = 0; i < highlights->len; i++)
      {
        PopplerAnnotMapping *m = highlights->pdata[i];
        g_autofree char *contents = poppler_annot_get_contents (m->annot);

        if (g_strcmp0 (contents, "Vượt dự toán nhờ thu từ đất?") == 0)
          found = m;
        else
          g_assert_null (contents);
      }
    g_assert_nonnull (found);
    g_assert_cmpfloat (fabs (found->area.x1 - noted.revenue->x1), <, 1.0);
    g_assert_cmpfloat (fabs (found->area.x2 - noted.revenue->x2), <, 1.0);
    g_assert_cmpfloat (fabs (found->area.y1 - (PAGE_HEIGHT - noted.revenue->y2)), <, 1.0);
    g_assert_cmpfloat (fabs (found->area.y2 - (PAGE_HEIGHT - noted.revenue->y1)), <, 1.0);
    quads = poppler_annot_text_markup_get_quadrilaterals (POPPLER_ANNOT_TEXT_MARKUP (found->annot));
    g_assert_cmpuint (quads->len, ==, 2);
    g_assert_cmpfloat (fabs (g_array_index (quads, PopplerQuadrilateral, 0).p1.y
                             - (PAGE_HEIGHT - noted.revenue->y1)), <, 1.0);
    g_assert_cmpfloat (fabs (g_array_index (quads, PopplerQuadrilateral, 1).p3.y
                             - (PAGE_HEIGHT - noted.revenue->y2)), <, 1.0);
    g_assert_cmpfloat (fabs (g_array_index (quads, PopplerQuadrilateral, 1).p1.x - LEFT), <, 1.0);
    g_assert_cmpfloat (g_array_index (quads, PopplerQuadrilateral, 0).p1.x, >, LEFT + 100);
  }

  /* Sticky notes: beside their passage with the body, and the bookmark in the corner. */
  {
    gboolean saw_hoa = FALSE, saw_investment = FALSE, saw_bookmark = FALSE;

    for (guint i = 0; i < texts->len; i++)
      {
        PopplerAnnotMapping *m = texts->pdata[i];
        g_autofree char *contents = poppler_annot_get_contents (m->annot);
        g_autofree char *icon = poppler_annot_text_get_icon (POPPLER_ANNOT_TEXT (m->annot));
        double top = PAGE_HEIGHT - m->area.y2;

        if (g_strcmp0 (contents, "Hỏi về nguồn thu của tỉnh") == 0)
          {
            saw_hoa = TRUE;
            g_assert_cmpstr (icon, ==, POPPLER_ANNOT_TEXT_ICON_NOTE);
            g_assert_cmpfloat (m->area.x1, >=, noted.hoa->x2);
            g_assert_cmpfloat (fabs (top - noted.hoa->y1), <, 1.0);
          }
        else if (g_strcmp0 (contents, "Hỏi Sở Kế hoạch và Đầu tư về tiến độ giải ngân") == 0)
          {
            saw_investment = TRUE;
            g_assert_cmpfloat (m->area.x1, >=, investment_note->x2);
            g_assert_cmpfloat (fabs (top - investment_note->y1), <, 1.0);
          }
        else
          {
            saw_bookmark = TRUE;
            g_assert_cmpstr (icon, ==, POPPLER_ANNOT_TEXT_ICON_KEY);
            g_assert_cmpstr (contents, ==, "Bookmark");
            g_assert_cmpfloat (m->area.x2, >, PAGE_WIDTH - 20);
            g_assert_cmpfloat (top, <, 20);
          }
      }
    g_assert_true (saw_hoa && saw_investment && saw_bookmark);
  }

  /* Page 3: the page note in the corner. */
  annots3 = page_annots (exported, 3, &mapping3);
  g_assert_cmpuint (annots3->len, ==, 1);
  {
    PopplerAnnotMapping *m = annots3->pdata[0];
    g_autofree char *contents = poppler_annot_get_contents (m->annot);

    g_assert_cmpint (poppler_annot_get_annot_type (m->annot), ==, POPPLER_ANNOT_TEXT);
    g_assert_cmpstr (contents, ==, "Chuẩn bị ý kiến về nhiệm vụ năm 2025");
    g_assert_cmpfloat (m->area.x2, >, PAGE_WIDTH - 20);
  }

  /* Rendered, the highlight turns the passage yellow where the original is white. */
  before = render_page (original, 2);
  after = render_page (exported, 2);
  rect = (PopplerRectangle) { noted.revenue->x1, noted.revenue->y1, noted.revenue->x2,
                              noted.revenue->y2 };
  yellow_before = count_yellow (before, &rect);
  yellow_after = count_yellow (after, &rect);
  g_test_message ("yellow pixels in the highlight: %u before, %u after, of %u",
                  yellow_before.yellow, yellow_after.yellow, yellow_after.total);
  g_assert_cmpuint (yellow_before.yellow, ==, 0);
  g_assert_cmpuint (yellow_after.yellow, >, yellow_after.total / 3);
  /* Only there: a line of page 2 without notes stays white. */
  rect = (PopplerRectangle) { LEFT, BASELINE (7) - 10, LEFT + 300, BASELINE (7) + 2 };
  g_assert_cmpuint (count_yellow (after, &rect).yellow, ==, 0);

  /* A folder that does not exist: a clear error, nothing written. */
  bad_output = g_build_filename (fixture->dir, "no-such-folder", "out.pdf", NULL);
  g_assert_false (chamber_notes_export_pdf (source, notes, bad_output, &error));
  g_assert_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_EXPORT);
  g_clear_error (&error);
  g_assert_false (g_file_test (bad_output, G_FILE_TEST_EXISTS));

  g_list_free_full (mapping, (GDestroyNotify) poppler_annot_mapping_free);
  g_list_free_full (mapping3, (GDestroyNotify) poppler_annot_mapping_free);
}

/* Real third-party PDFs (other scripts, rotated pages, forms, layers): a passage taken from
 * the middle of each page with text is found again on that page in the whole document. */
static void
collect_pdfs (const char *dir,
              GPtrArray  *paths)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_pdfs (path, paths);
      else if (g_str_has_suffix (name, ".pdf"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static gboolean
is_blank_at (ChamberAnchorText *text,
             guint              i)
{
  g_autofree char *c = chamber_anchor_text_dup_range (text, i, i + 1);

  return *g_strstrip (c) == '\0';
}

static void
test_corpus (void)
{
  const char *corpus = chamber_test_corpus_dir ();
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint pages_checked = 0;

  if (corpus == NULL)
    {
      g_test_skip ("../shared/corpus/pdf is not there");
      return;
    }
  collect_pdfs (corpus, paths);
  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      g_autoptr (PopplerDocument) document = NULL;
      g_autoptr (ChamberAnchorText) text = NULL;
      g_autoptr (GError) error = NULL;
      int pages;

      /* Whether each file opens is test-pdf's business; here only those that do. */
      document = chamber_pdf_open (path, NULL, &error);
      if (document == NULL)
        continue;
      text = chamber_anchor_text_new_for_document (document, NULL, &error);
      if (text == NULL)
        {
          g_assert_true (error->domain == CHAMBER_PDF_ERROR);
          continue;
        }
      pages = poppler_document_get_n_pages (document);
      g_assert_cmpint (chamber_anchor_text_get_last_page (text), ==, pages);

      for (int p = 1; p <= pages; p++)
        {
          g_autoptr (PopplerPage) page = poppler_document_get_page (document, p - 1);
          g_autoptr (ChamberAnchorText) page_text = chamber_anchor_text_new_for_page (page);
          guint length = chamber_anchor_text_get_page_length (page_text, p);
          g_autofree char *quote = NULL;
          g_autofree char *prefix = NULL;
          g_autofree char *suffix = NULL;
          ChamberAnchorPassage passage;
          guint start, end;

          g_assert_cmpuint (length, ==, chamber_anchor_text_get_page_length (text, p));
          if (length < 80)
            continue;
          /* About 24 characters from the middle, without whitespace at either end, as a
           * selection gives them. */
          for (start = length / 2; start < length / 2 + 24 && is_blank_at (page_text, start);
               start++)
            ;
          for (end = length / 2 + 24; end > start && is_blank_at (page_text, end - 1); end--)
            ;
          if (start >= end)
            continue;
          quote = chamber_anchor_text_dup_range (page_text, start, end);
          prefix = chamber_anchor_text_dup_prefix (page_text, start);
          suffix = chamber_anchor_text_dup_suffix (page_text, end);
          if (!chamber_anchor_text_find (text, quote, prefix, suffix, p, NULL, &passage))
            g_error ("%s, page %d: “%s” not found again", path, p, quote);
          g_assert_cmpint (passage.page, ==, p);
          g_assert_cmpint (passage.match, ==, CHAMBER_ANCHOR_MATCH_CONTEXT);
          pages_checked++;
        }
    }
  g_test_message ("%u pages of %u files", pages_checked, paths->len);
  g_assert_cmpuint (pages_checked, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Messages are compared with their English source strings. */
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/notes/names", test_names);
  g_test_add ("/notes/crud-per-person", Fixture, NULL, fixture_set_up, test_crud_per_person,
              fixture_tear_down);
  g_test_add ("/notes/anchor/selection", Fixture, NULL, fixture_set_up, test_anchor_selection,
              fixture_tear_down);
  g_test_add ("/notes/carry/unchanged", Fixture, NULL, fixture_set_up, test_carry_unchanged,
              fixture_tear_down);
  g_test_add ("/notes/carry/inserted-page", Fixture, NULL, fixture_set_up,
              test_carry_inserted_page, fixture_tear_down);
  g_test_add ("/notes/carry/shifted-down", Fixture, NULL, fixture_set_up, test_carry_shifted_down,
              fixture_tear_down);
  g_test_add ("/notes/carry/reflowed", Fixture, NULL, fixture_set_up, test_carry_reflowed,
              fixture_tear_down);
  g_test_add ("/notes/carry/retyped", Fixture, NULL, fixture_set_up, test_carry_retyped,
              fixture_tear_down);
  g_test_add ("/notes/carry/deleted", Fixture, NULL, fixture_set_up, test_carry_deleted,
              fixture_tear_down);
  g_test_add ("/notes/carry/damaged", Fixture, NULL, fixture_set_up, test_carry_damaged,
              fixture_tear_down);
  g_test_add ("/notes/carry/forward", Fixture, NULL, fixture_set_up, test_carry_forward,
              fixture_tear_down);
  g_test_add ("/notes/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add_func ("/notes/anchor/corpus", test_corpus);

  return g_test_run ();
}
