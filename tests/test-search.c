/* test-search.c — full-text search over real PDFs generated with cairo: diacritic- and
 * case-insensitive words (đ/Đ folded both ways), prefixes, several words, snippets with the
 * matched words marked, the session filter, hostile queries, idempotent indexing, a new version
 * superseding the old one, unreadable PDFs left out without failing, and end to end: a real
 * chamberd, publish, chamber_sync_run(), search, and `chamberctl search`. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <string.h>

#include "chamber-client.h"
#include "chamber-hash.h"
#include "chamber-pdf.h"
#include "chamber-search.h"
#include "chamber-store-private.h"
#include "chamber-sync.h"
#include "chamber-test-util.h"

/* A long paragraph whose only "giám sát" is in its last line, for the snippet window. */
#define FILLER_LINE "Kỳ họp thảo luận chương trình phát triển kinh tế xã hội của tỉnh trong năm"

/* The pages of the rich test document, one string per line, NULL-terminated per page. */
static const char *const page_1[] = {
  "Báo cáo quản lý đất đai tại thành phố Đà Nẵng",
  "Ủy ban nhân dân tỉnh trình Hội đồng nhân dân về quy hoạch sử dụng đất.",
  NULL
};
static const char *const page_2[] = {
  "Sở Y tế báo cáo về dự toán ngân sách y tế năm 2025",
  "Kinh phí mua sắm trang thiết bị cho bệnh viện tuyến huyện.",
  NULL
};
static const char *const page_3[] = {
  "DỰ TOÁN NGÂN SÁCH ĐỊA PHƯƠNG",
  "Thường trực HĐND đề nghị các đại biểu cho ý kiến.",
  NULL
};
static const char *const page_4[] = {
  "Ghi chép không dấu: thanh pho da nang, dong bang song Cuu Long.",
  NULL
};
static const char *const page_5[] = {
  FILLER_LINE, FILLER_LINE, FILLER_LINE, FILLER_LINE, FILLER_LINE, FILLER_LINE,
  "Ban Kinh tế — Ngân sách đề nghị tăng cường giám sát việc thực hiện các dự án.",
  FILLER_LINE, FILLER_LINE,
  NULL
};
/* Decomposed (NFD), as some PDFs give their text: "Kế hoạch đầu tư công năm 2026". */
static const char *const page_6[] = {
  "Ke\u0302\u0301 hoa\u0323ch đa\u0302\u0300u tu\u031b co\u0302ng na\u0306m 2026",
  NULL
};
static const char *const page_empty[] = { NULL };

static const char *const *const rich_pages[] = { page_1, page_2, page_3, page_4, page_5,
                                                 page_6, page_empty };

/* Writes a PDF with one A4 page per entry of @pages, each showing its lines with cairo. */
static void
write_text_pdf (const char *path, const char *const *const *pages, int n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 9);
  for (int i = 0; i < n_pages; i++)
    {
      for (int line = 0; pages[i][line] != NULL; line++)
        {
          cairo_move_to (cr, 40, 80 + line * 16);
          cairo_show_text (cr, pages[i][line]);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* One line repeated on @n_pages pages. */
static void
write_line_pdf (const char *path, int n_pages, const char *line)
{
  const char *lines[] = { line, NULL };
  g_autofree const char *const **pages = g_new (const char *const *, n_pages);

  for (int i = 0; i < n_pages; i++)
    pages[i] = lines;
  write_text_pdf (path, pages, n_pages);
}

typedef struct {
  char *dir;
  ChamberStore *store;
  gint64 session_1;
  gint64 session_2;
  gint64 item_1;
  gint64 item_2;
} Fixture;

static gint64
add_session (ChamberStore *store, int number, const char *title)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (GError) error = NULL;

  session->number = number;
  session->title = g_strdup (title);
  g_assert_true (chamber_store_insert_session (store, session, &error));
  g_assert_no_error (error);
  return session->id;
}

static gint64
add_item (ChamberStore *store, gint64 session_id, const char *title)
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

/* Records the PDF at @path as a document of @item_id (the next version when the item has one
 * with this title) and indexes it. */
static ChamberDocument *
add_document (ChamberStore *store, gint64 item_id, const char *title, const char *path)
{
  g_autoptr (ChamberDocument) document = chamber_document_new ();
  g_auto (ChamberPdfInfo) info = { 0 };
  g_autoptr (GError) error = NULL;

  g_assert_true (chamber_pdf_check (path, FALSE, &info, &error));
  g_assert_no_error (error);
  document->item_id = item_id;
  document->title = g_strdup (title);
  document->kind = CHAMBER_DOCUMENT_REPORT;
  document->pages = info.pages;
  g_assert_true (chamber_sha256_file (path, document->sha256, &document->bytes, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (chamber_store_insert_document (store, document, &error));
  g_assert_no_error (error);

  g_assert_false (chamber_search_is_indexed (store, document->sha256));
  g_assert_true (chamber_search_index_blob (store, document->sha256, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (chamber_search_is_indexed (store, document->sha256));
  return g_steal_pointer (&document);
}

static char *
fixture_path (Fixture *fx, const char *name)
{
  return g_build_filename (fx->dir, name, NULL);
}

/* A store with two sessions: the rich document in session 1, chamber_test_write_pdf()'s in
 * session 2. */
static Fixture *
fixture_new (void)
{
  Fixture *fx = g_new0 (Fixture, 1);
  g_autofree char *db_path = NULL;
  g_autofree char *rich_path = NULL;
  g_autofree char *plain_path = NULL;
  g_autoptr (ChamberDocument) rich = NULL;
  g_autoptr (ChamberDocument) plain = NULL;
  g_autoptr (GError) error = NULL;

  fx->dir = chamber_test_make_temp_dir ("chamber-search-test-XXXXXX");
  db_path = fixture_path (fx, "chamber.db");
  fx->store = chamber_store_open (db_path, &error);
  g_assert_no_error (error);

  fx->session_1 = add_session (fx->store, 10, "Kỳ họp thứ mười");
  fx->session_2 = add_session (fx->store, 11, "Kỳ họp thứ mười một");
  fx->item_1 = add_item (fx->store, fx->session_1, "Báo cáo kinh tế — xã hội");
  fx->item_2 = add_item (fx->store, fx->session_2, "Dự toán ngân sách");

  rich_path = fixture_path (fx, "rich.pdf");
  write_text_pdf (rich_path, rich_pages, G_N_ELEMENTS (rich_pages));
  rich = add_document (fx->store, fx->item_1, "Báo cáo tổng hợp", rich_path);

  plain_path = fixture_path (fx, "plain.pdf");
  chamber_test_write_pdf (plain_path, 2, "Tờ trình");
  plain = add_document (fx->store, fx->item_2, "Tờ trình dự toán", plain_path);
  return fx;
}

static void
fixture_free (Fixture *fx)
{
  g_clear_object (&fx->store);
  chamber_test_rm_rf (fx->dir);
  g_free (fx->dir);
  g_free (fx);
}

static GPtrArray *
search (ChamberStore *store, const char *query, gint64 session_id)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *hits = chamber_search_query (store, query, session_id, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (hits);
  return hits;
}

/* Each span of every hit lies inside its snippet on character boundaries, in order. */
static void
assert_spans_valid (GPtrArray *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const ChamberSearchHit *hit = g_ptr_array_index (hits, i);
      gsize length = strlen (hit->snippet);
      guint previous_end = 0;

      g_assert_true (g_utf8_validate (hit->snippet, -1, NULL));
      g_assert_cmpuint (hit->matches->len, >, 0);
      g_assert_cmpint (hit->page, >=, 1);
      g_assert_nonnull (hit->document);
      for (guint j = 0; j < hit->matches->len; j++)
        {
          const ChamberSearchSpan *span = &g_array_index (hit->matches, ChamberSearchSpan, j);

          g_assert_cmpuint (span->start, >=, previous_end);
          g_assert_cmpuint (span->start, <, span->end);
          g_assert_cmpuint (span->end, <=, length);
          /* On character boundaries: neither end is inside a UTF-8 sequence. */
          g_assert_cmpint ((guchar) hit->snippet[span->start] & 0xc0, !=, 0x80);
          g_assert_cmpint ((guchar) hit->snippet[span->end] & 0xc0, !=, 0x80);
          previous_end = span->end;
        }
      /* The page has at least the words its snippet shows. */
      g_assert_cmpuint (hit->page_matches->len, >=, hit->matches->len);
    }
}

/* The words the hit marked, joined by "|" in order. */
static char *
marked_words (const ChamberSearchHit *hit)
{
  g_autoptr (GString) words = g_string_new (NULL);

  for (guint j = 0; j < hit->matches->len; j++)
    {
      const ChamberSearchSpan *span = &g_array_index (hit->matches, ChamberSearchSpan, j);

      if (words->len > 0)
        g_string_append_c (words, '|');
      g_string_append_len (words, hit->snippet + span->start, span->end - span->start);
    }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The hits' "title:page" joined by ", ", sorted, for comparisons that do not depend on rank. */
static char *
hit_pages (GPtrArray *hits)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < hits->len; i++)
    {
      const ChamberSearchHit *hit = g_ptr_array_index (hits, i);

      g_ptr_array_add (items, g_strdup_printf ("%s:%d", hit->document->title, hit->page));
    }
  g_ptr_array_sort (items, compare_strings);
  g_ptr_array_add (items, NULL);
  return g_strjoinv (", ", (char **) items->pdata);
}

static void
assert_pages (ChamberStore *store, const char *query, gint64 session_id, const char *expected)
{
  g_autoptr (GPtrArray) hits = search (store, query, session_id);
  g_autofree char *pages = hit_pages (hits);

  assert_spans_valid (hits);
  g_assert_cmpstr (pages, ==, expected);
}

static void
test_fold (void)
{
  const char *text = "Đà Nẵng, đất đai, ĐỊA PHƯƠNG, Sở Y tế, Ủy ban — 2025";
  /* The same words decomposed (NFD), as some PDFs give their text. */
  g_autofree char *decomposed = g_utf8_normalize ("Ngân sách ĐỊA PHƯƠNG", -1, G_NORMALIZE_NFD);
  g_autofree char *folded = chamber_search_fold (text, -1);
  g_autofree char *folded_decomposed = chamber_search_fold (decomposed, -1);
  g_autofree char *part = chamber_search_fold ("đất đai", strlen ("đất"));
  g_autofree char *other = chamber_search_fold ("Привет, ÅNGSTRÖM, 한국어", -1);

  g_assert_cmpstr (folded, ==, "da nang, dat dai, dia phuong, so y te, uy ban — 2025");
  g_assert_cmpint (g_utf8_strlen (folded, -1), ==, g_utf8_strlen (text, -1));
  g_assert_cmpint (g_utf8_strlen (folded_decomposed, -1), ==, g_utf8_strlen (decomposed, -1));
  g_assert_true (g_str_has_prefix (folded_decomposed, "nga"));
  g_assert_cmpstr (part, ==, "dat");
  /* Other scripts: lower case, diacritics off, Hangul syllables whole. */
  g_assert_cmpstr (other, ==, "привет, angstrom, 한국어");
}

/* The words at @hit's page_matches in poppler's own text of that page of @path. */
static char *
page_marked_words (const char *path, const ChamberSearchHit *hit)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = chamber_pdf_open (path, NULL, &error);
  PopplerPage *page;
  g_autofree char *text = NULL;
  g_autoptr (GString) words = g_string_new (NULL);

  g_assert_no_error (error);
  page = poppler_document_get_page (document, hit->page - 1);
  text = poppler_page_get_text (page);
  for (guint j = 0; j < hit->page_matches->len; j++)
    {
      const ChamberSearchSpan *span = &g_array_index (hit->page_matches, ChamberSearchSpan, j);
      const char *start = g_utf8_offset_to_pointer (text, span->start);
      const char *end = g_utf8_offset_to_pointer (text, span->end);

      g_assert_cmpuint (span->end, <=, g_utf8_strlen (text, -1));
      if (words->len > 0)
        g_string_append_c (words, '|');
      g_string_append_len (words, start, end - start);
    }
  g_object_unref (page);
  g_object_unref (document);
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static void
test_diacritics (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (GPtrArray) hits = NULL;
  g_autofree char *words = NULL;
  g_autofree char *page_words = NULL;
  g_autofree char *composed = NULL;
  g_autofree char *rich_path = fixture_path (fx, "rich.pdf");

  /* Without diacritics, with them, and đ folded in the text and in the query. */
  assert_pages (fx->store, "dat dai", 0,
                "Báo cáo tổng hợp:1, Tờ trình dự toán:1, Tờ trình dự toán:2");
  assert_pages (fx->store, "đất đai", 0,
                "Báo cáo tổng hợp:1, Tờ trình dự toán:1, Tờ trình dự toán:2");
  assert_pages (fx->store, "ngan sach", fx->session_1,
                "Báo cáo tổng hợp:2, Báo cáo tổng hợp:3, Báo cáo tổng hợp:5");
  assert_pages (fx->store, "ngân sách", fx->session_1,
                "Báo cáo tổng hợp:2, Báo cáo tổng hợp:3, Báo cáo tổng hợp:5");
  /* "Đà Nẵng" finds text without diacritics, and "da nang" finds "Đà Nẵng". */
  assert_pages (fx->store, "Đà Nẵng", 0, "Báo cáo tổng hợp:1, Báo cáo tổng hợp:4");
  assert_pages (fx->store, "da nang", 0, "Báo cáo tổng hợp:1, Báo cáo tổng hợp:4");
  assert_pages (fx->store, "đà nẵng", 0, "Báo cáo tổng hợp:1, Báo cáo tổng hợp:4");
  /* Letters with a horn or a breve, and "Đ" inside a capitalised word. */
  assert_pages (fx->store, "thuong truc", 0, "Báo cáo tổng hợp:3");
  assert_pages (fx->store, "dia phuong", 0, "Báo cáo tổng hợp:3");
  /* Decomposed text in the PDF, found by composed or plain words, and the other way round. */
  assert_pages (fx->store, "ke hoach dau tu cong", 0, "Báo cáo tổng hợp:6");
  assert_pages (fx->store, "kế hoạch đầu tư", 0, "Báo cáo tổng hợp:6");
  assert_pages (fx->store, "Ke\u0302\u0301 hoa\u0323ch", 0, "Báo cáo tổng hợp:6");
  assert_pages (fx->store, "ngân sa\u0301ch", fx->session_1,
                "Báo cáo tổng hợp:2, Báo cáo tổng hợp:3, Báo cáo tổng hợp:5");

  /* The snippet is the original text, diacritics and all, with the words marked. */
  hits = search (fx->store, "dat dai", fx->session_1);
  g_assert_cmpuint (hits->len, ==, 1);
  words = marked_words (g_ptr_array_index (hits, 0));
  /* Every match inside the snippet is marked: "sử dụng đất" is on the next line. */
  g_assert_cmpstr (words, ==, "đất|đai|đất");
  g_assert_nonnull (strstr (((ChamberSearchHit *) g_ptr_array_index (hits, 0))->snippet,
                            "quản lý đất đai tại thành phố Đà Nẵng"));
  /* Where the words are in the page's text, as the viewer extracts it to highlight them. */
  page_words = page_marked_words (rich_path, g_ptr_array_index (hits, 0));
  g_assert_cmpstr (page_words, ==, "đất|đai|đất");

  /* In decomposed text, a marked word carries its marks. */
  g_clear_pointer (&hits, g_ptr_array_unref);
  g_clear_pointer (&words, g_free);
  g_clear_pointer (&page_words, g_free);
  hits = search (fx->store, "ke hoach tu", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  words = marked_words (g_ptr_array_index (hits, 0));
  composed = g_utf8_normalize (words, -1, G_NORMALIZE_NFC);
  g_assert_cmpstr (composed, ==, "Kế|hoạch|tư");
  page_words = page_marked_words (rich_path, g_ptr_array_index (hits, 0));
  g_assert_cmpstr (page_words, ==, words);
  fixture_free (fx);
}

static void
test_case (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (GPtrArray) hits = NULL;
  g_autofree char *words = NULL;

  assert_pages (fx->store, "SỞ Y TẾ", 0, "Báo cáo tổng hợp:2");
  assert_pages (fx->store, "sở y tế", 0, "Báo cáo tổng hợp:2");
  assert_pages (fx->store, "SO Y TE", 0, "Báo cáo tổng hợp:2");
  /* Upper-case text found by lower-case words, đ and Đ both ways. */
  assert_pages (fx->store, "du toan ngan sach dia phuong", 0, "Báo cáo tổng hợp:3");
  assert_pages (fx->store, "ĐỊA", 0, "Báo cáo tổng hợp:3");
  assert_pages (fx->store, "địa", 0, "Báo cáo tổng hợp:3");
  assert_pages (fx->store, "ĐẤT ĐAI", fx->session_1, "Báo cáo tổng hợp:1");

  hits = search (fx->store, "dia phuong", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  words = marked_words (g_ptr_array_index (hits, 0));
  g_assert_cmpstr (words, ==, "ĐỊA|PHƯƠNG");
  fixture_free (fx);
}

static void
test_prefix_and_words (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (GPtrArray) hits = NULL;
  g_autofree char *words = NULL;

  /* A word finds the words it begins. */
  assert_pages (fx->store, "thàn", fx->session_1, "Báo cáo tổng hợp:1, Báo cáo tổng hợp:4");
  assert_pages (fx->store, "quan l", 0, "Báo cáo tổng hợp:1");
  hits = search (fx->store, "benh vi", 0);
  g_assert_cmpuint (hits->len, ==, 1);
  words = marked_words (g_ptr_array_index (hits, 0));
  g_assert_cmpstr (words, ==, "bệnh|viện");

  /* Every word must be on the page. */
  assert_pages (fx->store, "ngân sách y tế", 0, "Báo cáo tổng hợp:2");
  assert_pages (fx->store, "đất đai Đà Nẵng", 0, "Báo cáo tổng hợp:1");
  assert_pages (fx->store, "dat dai benh vien", 0, "");
  /* Punctuation separates words. */
  assert_pages (fx->store, "ngân-sách, y.tế!", 0, "Báo cáo tổng hợp:2");
  fixture_free (fx);
}

static void
test_session_filter (void)
{
  Fixture *fx = fixture_new ();

  assert_pages (fx->store, "hoi dong nhan dan", 0,
                "Báo cáo tổng hợp:1, Tờ trình dự toán:1, Tờ trình dự toán:2");
  assert_pages (fx->store, "hoi dong nhan dan", fx->session_1, "Báo cáo tổng hợp:1");
  assert_pages (fx->store, "hoi dong nhan dan", fx->session_2,
                "Tờ trình dự toán:1, Tờ trình dự toán:2");
  assert_pages (fx->store, "hoi dong nhan dan", 9999, "");
  fixture_free (fx);
}

static void
test_limit_and_rank (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = search (fx->store, "ngan", 0);
  g_autoptr (GPtrArray) two = chamber_search_query (fx->store, "ngan", 0, 2, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 5);
  g_assert_cmpuint (two->len, ==, 2);
  for (guint i = 0; i < two->len; i++)
    {
      const ChamberSearchHit *a = g_ptr_array_index (all, i);
      const ChamberSearchHit *b = g_ptr_array_index (two, i);

      g_assert_cmpint (a->document->id, ==, b->document->id);
      g_assert_cmpint (a->page, ==, b->page);
    }
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpfloat (((ChamberSearchHit *) g_ptr_array_index (all, i - 1))->rank, <=,
                       ((ChamberSearchHit *) g_ptr_array_index (all, i))->rank);
  /* chamber_test_write_pdf()'s pages say "ngân sách" on twenty lines: they rank first. */
  g_assert_cmpstr (((ChamberSearchHit *) g_ptr_array_index (all, 0))->document->title, ==,
                   "Tờ trình dự toán");
  fixture_free (fx);
}

/* With a limit, the hits are the first of the hits without one, also when the best pages
 * belong to another session or to an old version. */
/* Words that stand together as typed rank before the same words apart, however often those
 * occur. */
static void
test_adjacent_first (void)
{
  Fixture *fx = fixture_new ();
  g_autofree char *path = fixture_path (fx, "adjacent.pdf");
  const char *const apart[] = {
    "Đại biểu dân cử đề nghị nâng cao năng lực của đội ngũ cán bộ dân số.",
    "Đầu tư nâng cấp đường dân sinh, năng suất lao động đạt kế hoạch.",
    "Dân chủ ở cơ sở, nâng mức hỗ trợ, năng lượng tái tạo, đảm bảo an dân.",
    NULL
  };
  const char *const together[] = { "Đoàn công tác làm việc tại thành phố Đà Nẵng.", NULL };
  const char *const *const pages[] = { apart, apart, together, apart };
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autofree char *top = NULL;

  write_text_pdf (path, pages, G_N_ELEMENTS (pages));
  document = add_document (fx->store, fx->item_1, "Biên bản làm việc", path);
  assert_pages (fx->store, "da nang", fx->session_1,
                "Biên bản làm việc:1, Biên bản làm việc:2, Biên bản làm việc:3, "
                "Biên bản làm việc:4, Báo cáo tổng hợp:1, Báo cáo tổng hợp:4");
  /* The three pages with "Đà Nẵng" or "da nang" in a row, then the three without. */
  hits = search (fx->store, "Đà Nẵng", fx->session_1);
  g_assert_cmpuint (hits->len, ==, 6);
  g_ptr_array_set_size (hits, 3);
  top = hit_pages (hits);
  g_assert_cmpstr (top, ==, "Biên bản làm việc:3, Báo cáo tổng hợp:1, Báo cáo tổng hợp:4");
  fixture_free (fx);
}

static void
test_limit_other_session (void)
{
  Fixture *fx = fixture_new ();
  g_autofree char *many_path = fixture_path (fx, "many.pdf");
  g_autofree char *old_path = fixture_path (fx, "old.pdf");
  g_autofree char *new_path = fixture_path (fx, "new.pdf");
  g_autoptr (ChamberDocument) many = NULL;
  g_autoptr (ChamberDocument) old = NULL;
  g_autoptr (ChamberDocument) new = NULL;
  const char *const queries[] = { "ngan sach", "dat dai", "hoi dong", "y te", "d" };
  const gint64 sessions[] = { 0, fx->session_1, fx->session_2 };

  /* Forty pages of session 2 that say "ngân sách" twenty times each rank before session 1's;
   * an old version with the same words everywhere is superseded by one without them. */
  chamber_test_write_pdf (many_path, 40, "Phụ lục");
  many = add_document (fx->store, fx->item_2, "Phụ lục dự toán", many_path);
  chamber_test_write_pdf (old_path, 30, "Bản cũ");
  old = add_document (fx->store, fx->item_1, "Tờ trình sửa đổi", old_path);
  write_line_pdf (new_path, 1, "Tờ trình sửa đổi, bản mới");
  new = add_document (fx->store, fx->item_1, "Tờ trình sửa đổi", new_path);
  g_assert_cmpint (new->version, ==, 2);

  assert_pages (fx->store, "ngan sach", fx->session_1,
                "Báo cáo tổng hợp:2, Báo cáo tổng hợp:3, Báo cáo tổng hợp:5");
  for (gsize q = 0; q < G_N_ELEMENTS (queries); q++)
    for (gsize s = 0; s < G_N_ELEMENTS (sessions); s++)
      {
        g_autoptr (GPtrArray) all = search (fx->store, queries[q], sessions[s]);

        for (int limit = 1; limit <= 4; limit++)
          {
            g_autoptr (GError) error = NULL;
            g_autoptr (GPtrArray) some = chamber_search_query (fx->store, queries[q],
                                                               sessions[s], limit, &error);

            g_assert_no_error (error);
            g_assert_cmpuint (some->len, ==, MIN ((guint) limit, all->len));
            for (guint i = 0; i < some->len; i++)
              {
                const ChamberSearchHit *a = g_ptr_array_index (all, i);
                const ChamberSearchHit *b = g_ptr_array_index (some, i);

                g_assert_cmpint (a->document->id, ==, b->document->id);
                g_assert_cmpint (a->page, ==, b->page);
                g_assert_cmpstr (a->snippet, ==, b->snippet);
                g_assert_cmpint (b->document->id, !=, old->id);
              }
          }
      }
  fixture_free (fx);
}

/* The snippet shows where the words stand together as typed, not the first page word that
 * happens to fold the same ("đạt" for "dat"). */
static void
test_snippet_prefers_phrase (void)
{
  Fixture *fx = fixture_new ();
  g_autofree char *path = fixture_path (fx, "phrase.pdf");
  const char *const lines[] = {
    "Kết quả đạt được trong năm: thu ngân sách đạt 104 phần trăm dự toán, chi đầu tư",
    "phát triển đạt 96 phần trăm kế hoạch; các chỉ tiêu xã hội cơ bản đều đạt và vượt.",
    "Công tác tiếp công dân, giải quyết khiếu nại được duy trì thường xuyên trong năm.",
    "Công tác cải cách hành chính tiếp tục được đẩy mạnh ở các sở, ngành và địa phương.",
    "Về quản lý đất đai: hoàn thành kiểm kê, lập bản đồ hiện trạng sử dụng đất cấp tỉnh.",
    NULL
  };
  const char *const *const pages[] = { lines };
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  const ChamberSearchHit *hit;

  write_text_pdf (path, pages, G_N_ELEMENTS (pages));
  document = add_document (fx->store, fx->item_1, "Báo cáo kinh tế – xã hội", path);
  hits = search (fx->store, "dat dai", fx->session_1);
  assert_spans_valid (hits);
  hit = NULL;
  for (guint i = 0; i < hits->len; i++)
    if (((ChamberSearchHit *) g_ptr_array_index (hits, i))->document->id == document->id)
      hit = g_ptr_array_index (hits, i);
  g_assert_nonnull (hit);
  g_assert_nonnull (strstr (hit->snippet, "quản lý đất đai"));
  fixture_free (fx);
}

static void
test_snippet_window (void)
{
  Fixture *fx = fixture_new ();
  g_autoptr (GPtrArray) hits = search (fx->store, "giam sat", 0);
  const ChamberSearchHit *hit;
  g_autofree char *words = NULL;
  g_autofree char *page_words = NULL;
  g_autofree char *rich_path = fixture_path (fx, "rich.pdf");
  long chars;

  g_assert_cmpuint (hits->len, ==, 1);
  assert_spans_valid (hits);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->page, ==, 5);
  words = marked_words (hit);
  g_assert_cmpstr (words, ==, "giám|sát");
  /* Cut on both sides, at whole words, on one line, about SNIPPET_CHARS long. */
  g_assert_true (g_str_has_prefix (hit->snippet, "…"));
  g_assert_true (g_str_has_suffix (hit->snippet, "…"));
  g_assert_null (strchr (hit->snippet, '\n'));
  g_assert_null (strstr (hit->snippet, "  "));
  chars = g_utf8_strlen (hit->snippet, -1);
  g_assert_cmpint (chars, <=, CHAMBER_SEARCH_SNIPPET_CHARS + 2);
  g_assert_cmpint (chars, >=, CHAMBER_SEARCH_SNIPPET_CHARS / 2);
  g_assert_nonnull (strstr (hit->snippet, "tăng cường giám sát việc thực hiện"));
  g_assert_false (g_str_has_prefix (hit->snippet, "… "));
  page_words = page_marked_words (rich_path, hit);
  g_assert_cmpstr (page_words, ==, "giám|sát");
  fixture_free (fx);
}

static void
test_hostile_queries (void)
{
  Fixture *fx = fixture_new ();
  const char *const harmless[] = {
    "\"", "\"\"", "\"ngan", "AND", "OR", "NOT", "ngan AND", "AND sach", "NEAR(", "NEAR(ngan sach",
    "NEAR(ngan sach, 2)", "*", "ngan*", "**", "a:b", "folded:ngan", "page_index:ngan", "(", ")",
    "(ngan", "ngan)", "-ngan", "^ngan", "+", "{folded}: ngan", "'; DROP TABLE page_texts; --",
    "%", "_", "\\", "ngan' OR '1'='1", "\t\n", "❤️", "ngân\u0301", "\u0301",
  };
  g_autoptr (GString) huge = g_string_new (NULL);
  g_autoptr (GString) many = g_string_new (NULL);
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (harmless); i++)
    {
      g_autoptr (GPtrArray) result = search (fx->store, harmless[i], 0);

      assert_spans_valid (result);
    }
  /* Operators are plain words, never syntax. */
  assert_pages (fx->store, "NEAR(ngan sach, 2)", 0, "");
  assert_pages (fx->store, "ngân sách OR", 0, "");
  assert_pages (fx->store, "folded:ngan sach", 0, "");
  assert_pages (fx->store, "\"ngân sách\" y", 0, "Báo cáo tổng hợp:2, Báo cáo tổng hợp:3");
  assert_pages (fx->store, "(ngân) sách* y-tế", 0, "Báo cáo tổng hợp:2");

  /* No word at all: no hits, no error. */
  for (const char *const *q = (const char *const[]) { "", "   ", ",.;!?", "— «» …", NULL };
       *q != NULL; q++)
    {
      g_autoptr (GPtrArray) none = search (fx->store, *q, 0);

      g_assert_cmpuint (none->len, ==, 0);
    }

  /* A 10 KB query, and one of 33 words: a clear error. */
  while (huge->len < 10 * 1024)
    g_string_append (huge, "ngân sách ");
  hits = chamber_search_query (fx->store, huge->str, 0, 0, &error);
  g_assert_error (error, CHAMBER_SEARCH_ERROR, CHAMBER_SEARCH_ERROR_QUERY_TOO_LONG);
  g_assert_null (hits);
  g_clear_error (&error);
  for (int i = 0; i < CHAMBER_SEARCH_MAX_QUERY_WORDS + 1; i++)
    g_string_append (many, "y ");
  hits = chamber_search_query (fx->store, many->str, 0, 0, &error);
  g_assert_error (error, CHAMBER_SEARCH_ERROR, CHAMBER_SEARCH_ERROR_QUERY_TOO_LONG);
  g_assert_null (hits);
  g_clear_error (&error);
  /* One word of 1,000 letters finds nothing. */
  g_string_assign (huge, "");
  while (huge->len < 1000)
    g_string_append_c (huge, 'n');
  assert_pages (fx->store, huge->str, 0, "");

  /* Invalid UTF-8. */
  hits = chamber_search_query (fx->store, "ng\xe2\x28\xa1n s\xc3", 0, 0, &error);
  g_assert_error (error, CHAMBER_SEARCH_ERROR, CHAMBER_SEARCH_ERROR_INVALID_QUERY);
  g_assert_null (hits);
  g_clear_error (&error);

  /* Nothing was harmed. */
  g_assert_true (chamber_store_check_integrity (fx->store, &error));
  g_assert_no_error (error);
  assert_pages (fx->store, "ngân sách y tế", 0, "Báo cáo tổng hợp:2");
  fixture_free (fx);
}

static int
count_rows (ChamberStore *store, const char *static_sql)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberStoreStatement) stmt = chamber_store_prepare (store, static_sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static void
test_idempotent (void)
{
  Fixture *fx = fixture_new ();
  g_autofree char *path = fixture_path (fx, "rich.pdf");
  g_autoptr (GPtrArray) before = search (fx->store, "ngan", 0);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GError) error = NULL;
  char sha256[65];
  int texts = count_rows (fx->store, "SELECT count(*) FROM page_texts");
  int indexed = count_rows (fx->store, "SELECT count(*) FROM page_index_docsize");

  /* 6 pages with text of the rich document (the seventh is blank), 2 of the plain one. */
  g_assert_cmpint (texts, ==, 8);
  g_assert_cmpint (indexed, ==, 8);
  g_assert_cmpint (count_rows (fx->store, "SELECT sum(pages) FROM indexed_blobs"), ==, 8);

  g_assert_true (chamber_sha256_file (path, sha256, NULL, NULL, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    {
      g_assert_true (chamber_search_index_blob (fx->store, sha256, path, NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (count_rows (fx->store, "SELECT count(*) FROM page_texts"), ==, texts);
  g_assert_cmpint (count_rows (fx->store, "SELECT count(*) FROM page_index_docsize"), ==,
                   indexed);
  after = search (fx->store, "ngan", 0);
  g_assert_cmpuint (after->len, ==, before->len);

  /* Pages left from an earlier indexing that was not recorded are replaced, and the index stays
   * sound. */
  g_assert_true (sqlite3_exec (chamber_store_get_db (fx->store),
                               "DELETE FROM indexed_blobs", NULL, NULL, NULL) == SQLITE_OK);
  g_assert_false (chamber_search_is_indexed (fx->store, sha256));
  g_assert_true (chamber_search_index_blob (fx->store, sha256, path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (chamber_search_is_indexed (fx->store, sha256));
  g_assert_cmpint (count_rows (fx->store, "SELECT count(*) FROM page_texts"), ==, texts);
  g_assert_cmpint (count_rows (fx->store, "SELECT count(*) FROM page_index_docsize"), ==,
                   indexed);
  g_assert_true (sqlite3_exec (chamber_store_get_db (fx->store),
                               "INSERT INTO page_index (page_index) VALUES ('integrity-check')",
                               NULL, NULL, NULL) == SQLITE_OK);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = search (fx->store, "ngan", 0);
  g_assert_cmpuint (after->len, ==, before->len);
  assert_pages (fx->store, "giam sat", 0, "Báo cáo tổng hợp:5");

  /* A bad hash is refused before anything is read. */
  g_assert_false (chamber_search_index_blob (fx->store, "../etc/passwd", path, NULL, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_assert_false (chamber_search_is_indexed (fx->store, "../etc/passwd"));
  fixture_free (fx);
}

static void
test_cancelled (void)
{
  Fixture *fx = fixture_new ();
  g_autofree char *path = fixture_path (fx, "more.pdf");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  char sha256[65];

  write_line_pdf (path, 3, "Nghị quyết về chính sách hỗ trợ nông nghiệp");
  g_assert_true (chamber_sha256_file (path, sha256, NULL, NULL, &error));
  g_cancellable_cancel (cancellable);
  g_assert_false (chamber_search_index_blob (fx->store, sha256, path, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (chamber_search_is_indexed (fx->store, sha256));
  g_assert_cmpint (count_rows (fx->store, "SELECT count(*) FROM page_texts"), ==, 8);
  fixture_free (fx);
}

static void
test_new_version (void)
{
  Fixture *fx = fixture_new ();
  g_autofree char *v1_path = fixture_path (fx, "v1.pdf");
  g_autofree char *v2_path = fixture_path (fx, "v2.pdf");
  g_autoptr (ChamberDocument) v1 = NULL;
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (GPtrArray) hits = NULL;

  write_line_pdf (v1_path, 2, "Dự thảo nghị quyết về giá đất, bản lấy ý kiến");
  write_line_pdf (v2_path, 3, "Dự thảo nghị quyết về giá đất, bản trình kỳ họp");
  v1 = add_document (fx->store, fx->item_1, "Nghị quyết giá đất", v1_path);
  g_assert_cmpint (v1->version, ==, 1);
  assert_pages (fx->store, "gia dat", 0, "Nghị quyết giá đất:1, Nghị quyết giá đất:2");

  v2 = add_document (fx->store, fx->item_1, "Nghị quyết giá đất", v2_path);
  g_assert_cmpint (v2->version, ==, 2);
  hits = search (fx->store, "gia dat", 0);
  g_assert_cmpuint (hits->len, ==, 3);
  for (guint i = 0; i < hits->len; i++)
    {
      const ChamberSearchHit *hit = g_ptr_array_index (hits, i);

      g_assert_cmpint (hit->document->id, ==, v2->id);
      g_assert_cmpint (hit->document->version, ==, 2);
      g_assert_cmpstr (hit->document->sha256, ==, v2->sha256);
    }
  /* Words only the old version has are no longer found. */
  assert_pages (fx->store, "lay y kien", 0, "");
  assert_pages (fx->store, "trinh ky hop", 0,
                "Báo cáo tổng hợp:5, Nghị quyết giá đất:1, Nghị quyết giá đất:2, "
                "Nghị quyết giá đất:3");
  fixture_free (fx);
}

static void
count_message_cb (const char *log_domain, GLogLevelFlags log_level, const char *message,
                  gpointer user_data)
{
  if (strstr (message, "cannot be read") != NULL)
    ++*(int *) user_data;
}

static void
test_index_held (void)
{
  Fixture *fx = fixture_new ();
  g_autofree char *blob_dir = fixture_path (fx, "blobs");
  g_autofree char *good_path = fixture_path (fx, "good.pdf");
  g_autofree char *bad_path = fixture_path (fx, "bad.pdf");
  g_autofree char *html_path = fixture_path (fx, "page.pdf");
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GError) error = NULL;
  char good[65], bad[65], html[65], missing[65];
  gint64 bytes = 0;
  int indexed = -1;
  int messages = 0;
  guint handler;

  blobs = chamber_blob_store_new (blob_dir, &error);
  g_assert_no_error (error);
  write_line_pdf (good_path, 2, "Chương trình giám sát chuyên đề năm 2025");
  /* A PDF header and nothing a reader can use, and an HTML page saved as .pdf. */
  g_assert_true (g_file_set_contents (bad_path, "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n", -1,
                                      &error));
  g_assert_true (g_file_set_contents (html_path, "<html><body>404</body></html>", -1, &error));
  g_assert_no_error (error);
  g_assert_true (chamber_blob_store_import_file (blobs, good_path, good, &bytes, NULL, &error));
  g_assert_true (chamber_store_mark_blob_held (fx->store, good, bytes, &error));
  g_assert_true (chamber_blob_store_import_file (blobs, bad_path, bad, &bytes, NULL, &error));
  g_assert_true (chamber_store_mark_blob_held (fx->store, bad, bytes, &error));
  g_assert_true (chamber_blob_store_import_file (blobs, html_path, html, &bytes, NULL, &error));
  g_assert_true (chamber_store_mark_blob_held (fx->store, html, bytes, &error));
  /* Recorded as held, but its file is not in the blob store: left for later. */
  memset (missing, 'a', 64);
  missing[64] = '\0';
  g_assert_true (chamber_store_mark_blob_held (fx->store, missing, 10, &error));
  g_assert_no_error (error);

  handler = g_log_set_handler (NULL, G_LOG_LEVEL_MESSAGE, count_message_cb, &messages);
  g_assert_true (chamber_search_index_held (fx->store, blobs, NULL, &indexed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (messages, ==, 2);
  g_assert_cmpint (indexed, ==, 1);
  g_assert_true (chamber_search_is_indexed (fx->store, good));
  g_assert_true (chamber_search_is_indexed (fx->store, bad));
  g_assert_true (chamber_search_is_indexed (fx->store, html));
  g_assert_false (chamber_search_is_indexed (fx->store, missing));
  g_assert_cmpint (count_rows (fx->store,
                               "SELECT count(*) FROM indexed_blobs WHERE pages = 0"), ==, 2);

  /* Once recorded, an unreadable blob is not tried (nor logged) again. */
  g_assert_true (chamber_search_index_held (fx->store, blobs, NULL, &indexed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (indexed, ==, 0);
  g_assert_cmpint (messages, ==, 2);
  g_log_remove_handler (NULL, handler);
  fixture_free (fx);
}

/* End to end: a real chamberd */

typedef struct {
  ChamberTestServer *server;
  ChamberClient *admin;
  char *work_dir;
  gint64 session_id;
  gint64 item_id;
} ServerFixture;

static ServerFixture *
server_fixture_new (void)
{
  ServerFixture *fx = g_new0 (ServerFixture, 1);
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) created = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) created_item = NULL;
  g_autoptr (GError) error = NULL;

  fx->server = chamber_test_server_start ();
  fx->admin = chamber_client_new (fx->server->url, fx->server->admin_token, &error);
  g_assert_no_error (error);
  fx->work_dir = chamber_test_make_temp_dir ("chamber-search-e2e-XXXXXX");

  session->number = 10;
  session->title = g_strdup ("Kỳ họp thứ mười, HĐND tỉnh An Hòa");
  created = chamber_client_create_session (fx->admin, session, NULL, &error);
  g_assert_no_error (error);
  fx->session_id = created->id;
  item->session_id = fx->session_id;
  item->position = -1;
  item->title = g_strdup ("Quản lý đất đai");
  created_item = chamber_client_add_item (fx->admin, item, NULL, &error);
  g_assert_no_error (error);
  fx->item_id = created_item->id;
  return fx;
}

static void
server_fixture_free (ServerFixture *fx)
{
  g_clear_object (&fx->admin);
  chamber_test_server_free (fx->server);
  chamber_test_rm_rf (fx->work_dir);
  g_free (fx->work_dir);
  g_free (fx);
}

static ChamberDocument *
publish (ServerFixture *fx, const char *path, const char *title)
{
  g_autoptr (GError) error = NULL;
  ChamberDocument *document = chamber_client_publish (fx->admin, fx->item_id, path, title,
                                                      CHAMBER_DOCUMENT_REPORT, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static ChamberSyncReport *
sync_now (ChamberSync *sync)
{
  g_autoptr (GError) error = NULL;
  ChamberSyncReport *report = NULL;

  g_assert_true (chamber_sync_run (sync, 0, NULL, NULL, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_sync_indexes (void)
{
  ServerFixture *fx = server_fixture_new ();
  g_autofree char *rich_path = g_build_filename (fx->work_dir, "rich.pdf", NULL);
  g_autofree char *v2_path = g_build_filename (fx->work_dir, "rich-v2.pdf", NULL);
  g_autofree char *local_dir = g_build_filename (fx->work_dir, "laptop", NULL);
  g_autoptr (ChamberDocument) v1 = NULL;
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (ChamberSyncReport) first = NULL;
  g_autoptr (ChamberSyncReport) second = NULL;
  g_autoptr (ChamberSyncReport) third = NULL;
  g_autoptr (ChamberSyncReport) fourth = NULL;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GError) error = NULL;
  ChamberStore *store;

  write_text_pdf (rich_path, rich_pages, G_N_ELEMENTS (rich_pages));
  v1 = publish (fx, rich_path, "Báo cáo tổng hợp");

  sync = chamber_sync_new (fx->server->url, fx->server->admin_token, local_dir, &error);
  g_assert_no_error (error);
  store = chamber_sync_get_store (sync);
  first = sync_now (sync);
  g_assert_cmpint (first->documents_fetched, ==, 1);
  g_assert_cmpint (first->documents_indexed, ==, 1);
  g_assert_true (chamber_search_is_indexed (store, v1->sha256));
  hits = search (store, "dat dai Da Nang", fx->session_id);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((ChamberSearchHit *) g_ptr_array_index (hits, 0))->document->id, ==, v1->id);
  g_assert_cmpint (((ChamberSearchHit *) g_ptr_array_index (hits, 0))->page, ==, 1);
  g_clear_pointer (&hits, g_ptr_array_unref);

  /* Nothing new: nothing indexed again. */
  second = sync_now (sync);
  g_assert_cmpint (second->sessions_unchanged, ==, 1);
  g_assert_cmpint (second->documents_indexed, ==, 0);

  /* A store synced before search existed: its held blobs are indexed at the start of the next
   * run, even though the session is unchanged. */
  g_assert_true (sqlite3_exec (chamber_store_get_db (store),
                               "INSERT INTO page_index (page_index) VALUES ('delete-all');"
                               " DELETE FROM page_texts; DELETE FROM indexed_blobs;",
                               NULL, NULL, NULL) == SQLITE_OK);
  assert_pages (store, "dat dai", 0, "");
  third = sync_now (sync);
  g_assert_cmpint (third->sessions_unchanged, ==, 1);
  g_assert_cmpint (third->documents_indexed, ==, 1);
  assert_pages (store, "dat dai", 0, "Báo cáo tổng hợp:1");

  /* A new version arrives: hits move to it. */
  write_line_pdf (v2_path, 2, "Báo cáo quản lý đất đai, bản cập nhật sau thẩm tra");
  v2 = publish (fx, v2_path, "Báo cáo tổng hợp");
  g_assert_cmpint (v2->version, ==, 2);
  fourth = sync_now (sync);
  g_assert_cmpint (fourth->documents_fetched, ==, 1);
  g_assert_cmpint (fourth->documents_indexed, ==, 1);
  hits = search (store, "dat dai", 0);
  g_assert_cmpuint (hits->len, ==, 2);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpint (((ChamberSearchHit *) g_ptr_array_index (hits, i))->document->id, ==,
                     v2->id);
  assert_pages (store, "Sở Y tế", 0, "");
  g_clear_object (&sync);
  server_fixture_free (fx);
}

static int
run_chamberctl (const char *const *args, char **out_stdout, char **out_stderr)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (gpointer) chamber_test_chamberctl_path ());
  for (const char *const *arg = args; *arg != NULL; arg++)
    g_ptr_array_add (argv, (gpointer) *arg);
  g_ptr_array_add (argv, NULL);
  return chamber_test_run ((const char *const *) argv->pdata, NULL, out_stdout, out_stderr);
}

static void
test_chamberctl_search (void)
{
  ServerFixture *fx = server_fixture_new ();
  g_autofree char *rich_path = g_build_filename (fx->work_dir, "rich.pdf", NULL);
  g_autofree char *local_dir = g_build_filename (fx->work_dir, "laptop", NULL);
  g_autofree char *nowhere = g_build_filename (fx->work_dir, "nowhere", NULL);
  g_autofree char *session = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autofree char *sync_out = NULL;
  g_autofree char *sync_err = NULL;
  char *out = NULL;
  char *err = NULL;
  g_auto (GStrv) lines = NULL;

  write_text_pdf (rich_path, rich_pages, G_N_ELEMENTS (rich_pages));
  document = publish (fx, rich_path, "Báo cáo tổng hợp");
  session = g_strdup_printf ("%" G_GINT64_FORMAT, fx->session_id);

  g_assert_cmpint (run_chamberctl ((const char *const[]) { "sync", "--dir", local_dir,
                                                            "--server", fx->server->url,
                                                            "--token",
                                                            fx->server->admin_token, NULL },
                                   &sync_out, &sync_err),
                   ==, 0);

  /* Hits: one line each, the words marked, then the count. */
  g_assert_cmpint (run_chamberctl ((const char *const[]) { "search", "dat dai", "--dir",
                                                            local_dir, NULL },
                                   &out, &err),
                   ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "Báo cáo tổng hợp — page 1: "));
  g_assert_nonnull (strstr (lines[0], "quản lý «đất» «đai» tại thành phố Đà Nẵng"));
  g_assert_cmpstr (lines[1], ==, "1 result");
  g_assert_cmpstr (lines[2], ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&lines, g_strfreev);

  /* --session and --limit. */
  g_assert_cmpint (run_chamberctl ((const char *const[]) { "search", "ngan sach", "--dir",
                                                            local_dir, "--session", session,
                                                            "--limit", "2", NULL },
                                   &out, &err),
                   ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[2], ==, "2 results");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&lines, g_strfreev);

  /* No hits: exit 0 and the count only; the same for a query of punctuation only. */
  for (const char *const *q = (const char *const[]) { "bệnh viện đa khoa", "NEAR(\"*", NULL };
       *q != NULL; q++)
    {
      g_assert_cmpint (run_chamberctl ((const char *const[]) { "search", *q, "--dir",
                                                                local_dir, NULL },
                                       &out, &err),
                       ==, 0);
      g_assert_cmpstr (out, ==, "0 results\n");
      g_assert_cmpstr (err, ==, "");
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
    }

  /* Errors: one line on stderr. A folder without a store is not created. */
  g_assert_cmpint (run_chamberctl ((const char *const[]) { "search", "dat", "--dir", nowhere,
                                                            NULL },
                                   &out, &err),
                   ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "chamberctl: "));
  g_assert_nonnull (strstr (err, "chamberctl sync"));
  g_assert_cmpint (strchr (err, '\n') - err, ==, (long) strlen (err) - 1);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chamberctl ((const char *const[]) { "search", "dat", NULL }, &out, &err),
                   ==, 2);
  g_assert_nonnull (strstr (err, "--dir"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_chamberctl ((const char *const[]) { "search", "--help", NULL }, &out,
                                   &err),
                   ==, 0);
  g_assert_nonnull (strstr (out, "--dir"));
  g_assert_nonnull (strstr (out, "--session"));
  g_assert_nonnull (strstr (out, "--limit"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  server_fixture_free (fx);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/fold", test_fold);
  g_test_add_func ("/search/diacritics", test_diacritics);
  g_test_add_func ("/search/case", test_case);
  g_test_add_func ("/search/prefix-and-words", test_prefix_and_words);
  g_test_add_func ("/search/session-filter", test_session_filter);
  g_test_add_func ("/search/limit-and-rank", test_limit_and_rank);
  g_test_add_func ("/search/adjacent-first", test_adjacent_first);
  g_test_add_func ("/search/limit-other-session", test_limit_other_session);
  g_test_add_func ("/search/snippet-window", test_snippet_window);
  g_test_add_func ("/search/snippet-prefers-phrase", test_snippet_prefers_phrase);
  g_test_add_func ("/search/hostile-queries", test_hostile_queries);
  g_test_add_func ("/search/idempotent", test_idempotent);
  g_test_add_func ("/search/cancelled", test_cancelled);
  g_test_add_func ("/search/new-version", test_new_version);
  g_test_add_func ("/search/index-held", test_index_held);
  g_test_add_func ("/search/sync-indexes", test_sync_indexes);
  g_test_add_func ("/search/chamberctl", test_chamberctl_search);
  return g_test_run ();
}
