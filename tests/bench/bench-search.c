/* bench-search.c — full-text search over 5,000 indexed pages (issue 3's bar: p95 ≤ 20 ms).
 *
 * Generates text-heavy PDFs with cairo (documents of 50 A4 pages of random Vietnamese sentences:
 * words of a council vocabulary joined by the small words of Vietnamese prose, each document
 * dwelling on a topic of its own), records them as documents of a few sessions in a fresh
 * store, indexes every page with chamber_search_index_blob() as the sync engine does, reopens
 * the store (a new connection, as the app has after a restart), then times a fixed set of
 * queries of 1–3 words, with and without diacritics, through chamber_search_query() with the
 * limit the app uses. For reference, the same queries run as a naive LIKE scan over page_texts
 * in the same process. Prints a table; exits 1 when the bar is missed.
 *
 * Usage: bench-search [--pages N] [--queries N] [--uniform] [--keep DIR]
 * --uniform draws every word from the whole vocabulary instead: nearly every query then matches
 * nearly every page, the worst case for ranking. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chamber-hash.h"
#include "chamber-search.h"
#include "chamber-store-private.h"
#include "chamber-store.h"

#define PAGES_PER_DOCUMENT 50
#define LINES_PER_PAGE     42
#define CHARS_PER_LINE     92
#define SESSIONS           4
#define RESULT_LIMIT       20   /* the app's first screen of results */
#define BAR_P95_MS         20.0
#define SEED               20241209

/* Words of council documents (tờ trình, báo cáo, nghị quyết), most of them of several
 * syllables, as a delegate would search for them. */
static const char *const vocabulary[] = {
  "Hội đồng nhân dân", "Ủy ban nhân dân", "Thường trực", "đại biểu", "kỳ họp", "phiên họp",
  "chương trình", "nội dung", "tờ trình", "báo cáo", "dự thảo", "nghị quyết", "biên bản",
  "chất vấn", "trả lời", "giải trình", "tranh luận", "biểu quyết", "giám sát", "cử tri",
  "kiến nghị", "cam kết", "lời hứa", "chủ tọa", "thư ký", "văn phòng", "Ban Kinh tế",
  "Ban Pháp chế", "Ban Văn hóa", "Ban Dân tộc", "Tổ đại biểu", "ngân sách", "dự toán",
  "quyết toán", "thu ngân sách", "chi thường xuyên", "chi đầu tư", "đầu tư công", "vốn vay",
  "trái phiếu", "nợ công", "thuế", "phí", "lệ phí", "kinh phí", "nguồn vốn", "giải ngân",
  "tiết kiệm", "lãng phí", "tham nhũng", "thanh tra", "kiểm toán", "kiểm tra", "xử lý",
  "vi phạm", "khiếu nại", "tố cáo", "đất đai", "quy hoạch", "kế hoạch sử dụng đất",
  "giá đất", "bồi thường", "giải phóng mặt bằng", "tái định cư", "thu hồi đất", "giao đất",
  "cho thuê đất", "chuyển mục đích", "đất nông nghiệp", "đất ở", "đất rừng", "khoáng sản",
  "môi trường", "ô nhiễm", "rác thải", "nước thải", "biến đổi khí hậu", "thiên tai", "lũ lụt",
  "hạn hán", "sạt lở", "xâm nhập mặn", "đê điều", "thủy lợi", "nông nghiệp", "nông thôn mới",
  "nông dân", "lúa gạo", "cây ăn quả", "chăn nuôi", "thủy sản", "lâm nghiệp", "trồng rừng",
  "công nghiệp", "khu công nghiệp", "cụm công nghiệp", "doanh nghiệp", "hợp tác xã",
  "thương mại", "dịch vụ", "du lịch", "xuất khẩu", "nhập khẩu", "chợ", "siêu thị",
  "giao thông", "đường bộ", "cao tốc", "quốc lộ", "tỉnh lộ", "cầu", "bến xe", "cảng",
  "sân bay", "đường sắt", "xây dựng", "nhà ở xã hội", "đô thị", "chỉnh trang", "hạ tầng",
  "cấp nước", "thoát nước", "điện", "chiếu sáng", "viễn thông", "chuyển đổi số",
  "chính quyền điện tử", "dịch vụ công trực tuyến", "cải cách hành chính", "thủ tục",
  "một cửa", "cán bộ", "công chức", "viên chức", "biên chế", "tinh giản", "tuyển dụng",
  "đào tạo", "bồi dưỡng", "luân chuyển", "bổ nhiệm", "kỷ luật", "thi đua", "khen thưởng",
  "giáo dục", "trường học", "giáo viên", "học sinh", "sinh viên", "học phí", "sách giáo khoa",
  "mầm non", "tiểu học", "trung học", "đại học", "dạy nghề", "y tế", "bệnh viện",
  "trạm y tế", "bác sĩ", "điều dưỡng", "bảo hiểm y tế", "bảo hiểm xã hội", "khám chữa bệnh",
  "thuốc", "vắc xin", "dịch bệnh", "phòng chống dịch", "an toàn thực phẩm", "dân số",
  "người cao tuổi", "trẻ em", "phụ nữ", "bình đẳng giới", "người khuyết tật", "hộ nghèo",
  "cận nghèo", "giảm nghèo", "an sinh xã hội", "trợ cấp", "chính sách", "người có công",
  "thương binh", "liệt sĩ", "lao động", "việc làm", "thất nghiệp", "tiền lương",
  "thu nhập", "văn hóa", "di tích", "lễ hội", "thể thao", "thông tin", "báo chí",
  "phát thanh", "truyền hình", "tôn giáo", "dân tộc thiểu số", "miền núi", "vùng sâu",
  "vùng xa", "biên giới", "quốc phòng", "an ninh", "trật tự", "công an", "quân sự",
  "phòng cháy", "chữa cháy", "tai nạn giao thông", "ma túy", "tội phạm", "tư pháp",
  "tòa án", "viện kiểm sát", "thi hành án", "hộ tịch", "công chứng", "pháp luật",
  "văn bản quy phạm", "thẩm tra", "thẩm định", "phê duyệt", "ban hành", "sửa đổi",
  "bổ sung", "bãi bỏ", "điều chỉnh", "phân bổ", "giao chỉ tiêu", "tăng trưởng",
  "tổng sản phẩm", "thu nhập bình quân", "chỉ số", "năng lực cạnh tranh", "môi trường đầu tư",
  "thu hút đầu tư", "dự án", "chủ đầu tư", "nhà thầu", "đấu thầu", "chỉ định thầu",
  "tiến độ", "chậm tiến độ", "nghiệm thu", "bàn giao", "vận hành", "bảo trì", "sửa chữa",
  "nâng cấp", "mở rộng", "xây mới", "hoàn thành", "triển khai", "thực hiện", "tổ chức",
  "chỉ đạo", "điều hành", "phối hợp", "đôn đốc", "hướng dẫn", "tuyên truyền", "vận động",
  "huyện", "thị xã", "thành phố", "xã", "phường", "thị trấn", "thôn", "bản", "tổ dân phố",
  "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Tài nguyên và Môi trường", "Sở Y tế",
  "Sở Giáo dục và Đào tạo", "Sở Giao thông vận tải", "Sở Xây dựng", "Sở Công Thương",
  "Sở Nông nghiệp", "Sở Lao động", "Sở Nội vụ", "Sở Tư pháp", "Sở Văn hóa",
  "Sở Thông tin và Truyền thông", "Giám đốc Sở", "Phó Chủ tịch", "Chủ tịch", "Đà Nẵng",
  "Quảng Nam", "Đồng bằng sông Cửu Long", "Tây Nguyên", "năm 2024", "năm 2025",
  "giai đoạn 2021-2025", "quý", "tháng", "đồng", "tỷ đồng", "triệu đồng", "phần trăm",
  "hiệu quả", "bền vững", "minh bạch", "công khai", "trách nhiệm", "khó khăn", "vướng mắc",
  "hạn chế", "nguyên nhân", "giải pháp", "đề xuất", "kiến nghị", "đánh giá", "kết quả",
};

/* The small words between them. */
static const char *const function_words[] = {
  "của", "và", "các", "những", "trong", "được", "cho", "với", "về", "theo", "đã", "sẽ", "đang",
  "là", "có", "không", "này", "đó", "tại", "trên", "để", "từ", "đến", "khi", "nhằm", "đối với",
  "việc", "một số", "nhiều", "cần", "phải", "đề nghị", "bảo đảm", "tiếp tục", "tăng cường",
};

/* Vocabulary entries a document dwells on, and how many of its words come from them. */
#define TOPIC_WORDS   40
#define TOPIC_PERCENT 75

typedef struct {
  int      pages;
  int      queries;
  gboolean uniform;
  char    *keep_dir;
} Options;

typedef struct {
  GRand   *rand;
  gboolean uniform;
  guint    topic[TOPIC_WORDS];  /* indexes into vocabulary */
} Writer;

static const char *
random_word (Writer *writer)
{
  if (!writer->uniform && g_rand_int_range (writer->rand, 0, 100) < TOPIC_PERCENT)
    return vocabulary[writer->topic[g_rand_int_range (writer->rand, 0, TOPIC_WORDS)]];
  return vocabulary[g_rand_int_range (writer->rand, 0, G_N_ELEMENTS (vocabulary))];
}

static char *
random_sentence (Writer *writer)
{
  GString *sentence = g_string_new (NULL);
  int words = g_rand_int_range (writer->rand, 4, 12);

  for (int i = 0; i < words; i++)
    {
      const char *word = random_word (writer);

      if (i == 0)
        {
          gunichar first = g_unichar_toupper (g_utf8_get_char (word));

          g_string_append_unichar (sentence, first);
          g_string_append (sentence, g_utf8_next_char (word));
        }
      else
        {
          if (g_rand_int_range (writer->rand, 0, 10) == 0)
            g_string_append_c (sentence, ',');
          g_string_append_c (sentence, ' ');
          if (g_rand_int_range (writer->rand, 0, 10) < 6)
            {
              g_string_append (sentence, function_words[g_rand_int_range (
                                             writer->rand, 0, G_N_ELEMENTS (function_words))]);
              g_string_append_c (sentence, ' ');
            }
          g_string_append (sentence, word);
        }
    }
  g_string_append_c (sentence, '.');
  return g_string_free (sentence, FALSE);
}

/* Writes one document: PAGES_PER_DOCUMENT pages of LINES_PER_PAGE lines of wrapped prose. */
static void
write_document (const char *path, int number, int n_pages, Writer *writer)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GString) carry = g_string_new (NULL);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 9.5);
  for (int page = 1; page <= n_pages; page++)
    {
      g_autofree char *heading = g_strdup_printf ("Tài liệu số %d — trang %d", number, page);

      cairo_move_to (cr, 40, 50);
      cairo_show_text (cr, heading);
      for (int line = 0; line < LINES_PER_PAGE; line++)
        {
          g_autofree char *text = NULL;
          const char *cut;
          long chars;

          while (g_utf8_strlen (carry->str, -1) < CHARS_PER_LINE)
            {
              g_autofree char *sentence = random_sentence (writer);

              if (carry->len > 0)
                g_string_append_c (carry, ' ');
              g_string_append (carry, sentence);
            }
          /* Break at the last space within the line. */
          cut = g_utf8_offset_to_pointer (carry->str, CHARS_PER_LINE);
          while (cut > carry->str && *cut != ' ')
            cut--;
          chars = cut - carry->str;
          text = g_strndup (carry->str, chars);
          g_string_erase (carry, 0, chars + 1);
          cairo_move_to (cr, 40, 80 + line * 17);
          cairo_show_text (cr, text);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("cairo could not write %s", path);
  cairo_surface_destroy (surface);
}

/* @text without diacritics, as a delegate types on a keyboard without Vietnamese input. */
static char *
strip_diacritics (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  GString *plain = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (c == 0x0111)
        c = 'd';
      else if (c == 0x0110)
        c = 'D';
      g_string_append_unichar (plain, c);
    }
  return g_string_free (plain, FALSE);
}

/* A query of 1–3 syllables from the vocabulary: a third as written, a third without
 * diacritics, a third without diacritics in lower case; some end in a partial word. */
static char *
random_query (GRand *rand)
{
  const char *entry = vocabulary[g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary))];
  g_auto (GStrv) syllables = g_strsplit (entry, " ", -1);
  guint n = g_strv_length (syllables);
  guint want = (guint) g_rand_int_range (rand, 1, 4);
  guint first = want >= n ? 0 : (guint) g_rand_int_range (rand, 0, n - want + 1);
  g_autoptr (GString) query = g_string_new (NULL);
  int style = g_rand_int_range (rand, 0, 3);

  for (guint i = first; i < n && i < first + want; i++)
    {
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append (query, syllables[i]);
    }
  if (style == 0)
    return g_string_free (g_steal_pointer (&query), FALSE);
  else
    {
      g_autofree char *plain = strip_diacritics (query->str);

      if (style == 2)
        {
          g_autofree char *lower = g_utf8_strdown (plain, -1);
          gsize len = strlen (lower);

          /* Every other one is still being typed: its last word is cut short. */
          if (g_rand_boolean (rand) && len > 3 && lower[len - 2] != ' ' && lower[len - 3] != ' ')
            lower[len - 1] = '\0';
          return g_steal_pointer (&lower);
        }
      return g_steal_pointer (&plain);
    }
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
percentile (GArray *sorted, double p)
{
  guint index = (guint) (p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, MIN (index, sorted->len - 1));
}

/* The reference: pages whose text contains every word of @query (as typed), by LIKE. */
static int
naive_like (ChamberStore *store, const char *query)
{
  static const char *const sql[] = {
    "SELECT count(*) FROM page_texts WHERE text LIKE ?1",
    "SELECT count(*) FROM page_texts WHERE text LIKE ?1 AND text LIKE ?2",
    "SELECT count(*) FROM page_texts WHERE text LIKE ?1 AND text LIKE ?2 AND text LIKE ?3",
  };
  g_auto (GStrv) words = g_strsplit (query, " ", -1);
  guint n = MIN (g_strv_length (words), G_N_ELEMENTS (sql));
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberStoreStatement) stmt = chamber_store_prepare (store, sql[n - 1], &error);
  int count;

  if (stmt == NULL)
    g_error ("%s", error->message);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *pattern = g_strdup_printf ("%%%s%%", words[i]);

      sqlite3_bind_text (stmt, i + 1, pattern, -1, SQLITE_TRANSIENT);
    }
  if (sqlite3_step (stmt) != SQLITE_ROW)
    g_error ("LIKE scan failed: %s", sqlite3_errmsg (chamber_store_get_db (store)));
  count = sqlite3_column_int (stmt, 0);
  return count;
}

static gint64
add_row (ChamberStore *store, int kind, gint64 parent, int number)
{
  g_autoptr (GError) error = NULL;

  if (kind == 0)
    {
      g_autoptr (ChamberSession) session = chamber_session_new ();

      session->number = number;
      session->title = g_strdup_printf ("Kỳ họp thứ %d", number);
      if (!chamber_store_insert_session (store, session, &error))
        g_error ("%s", error->message);
      return session->id;
    }
  else
    {
      g_autoptr (ChamberItem) item = chamber_item_new ();

      item->session_id = parent;
      item->position = -1;
      item->title = g_strdup_printf ("Nội dung %d", number);
      if (!chamber_store_insert_item (store, item, &error))
        g_error ("%s", error->message);
      return item->id;
    }
}

static void
parse_options (int argc, char **argv, Options *options)
{
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  const GOptionEntry entries[] = {
    { "pages", 0, 0, G_OPTION_ARG_INT, &options->pages, "Pages to index (default 5000)", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &options->queries, "Queries to time (default 200)",
      "N" },
    { "uniform", 0, 0, G_OPTION_ARG_NONE, &options->uniform,
      "Draw every word from the whole vocabulary (no topics): the worst case", NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &options->keep_dir,
      "Keep the generated store and PDFs in DIR (created)", "DIR" },
    G_OPTION_ENTRY_NULL
  };

  options->pages = 5000;
  options->queries = 200;
  g_option_context_set_summary (context, "Times full-text search over generated pages.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-search: %s\n", error->message);
      exit (2);
    }
  if (options->pages < 1 || options->queries < 1)
    {
      fprintf (stderr, "bench-search: --pages and --queries must be positive\n");
      exit (2);
    }
}

static void
remove_tree (const char *path)
{
  g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

int
main (int argc, char **argv)
{
  Options options = { 0 };
  g_autoptr (GRand) rand = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) fts_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) like_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) queries = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  const char *slowest = NULL;
  double slowest_ms = -1;
  gint64 sessions[SESSIONS];
  gint64 started, generate_us = 0, index_us = 0;
  int documents, pages_done = 0, total_hits = 0, queries_with_hits = 0;
  double fts_median, fts_p95, like_median, like_p95;
  gboolean pass;

  parse_options (argc, argv, &options);
  rand = g_rand_new_with_seed (SEED);
  if (options.keep_dir != NULL)
    {
      dir = g_strdup (options.keep_dir);
      g_mkdir_with_parents (dir, 0755);
    }
  else if ((dir = g_dir_make_tmp ("chamber-bench-search-XXXXXX", &error)) == NULL)
    g_error ("%s", error->message);
  db_path = g_build_filename (dir, "chamber.db", NULL);
  g_unlink (db_path);
  store = chamber_store_open (db_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  for (int i = 0; i < SESSIONS; i++)
    sessions[i] = add_row (store, 0, 0, 10 + i);

  documents = (options.pages + PAGES_PER_DOCUMENT - 1) / PAGES_PER_DOCUMENT;
  fprintf (stderr, "bench-search: generating and indexing %d pages in %d documents…\n",
           options.pages, documents);
  for (int d = 0; d < documents; d++)
    {
      g_autofree char *name = g_strdup_printf ("document-%03d.pdf", d + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (ChamberDocument) document = chamber_document_new ();
      int n_pages = MIN (PAGES_PER_DOCUMENT, options.pages - pages_done);
      Writer writer = { rand, options.uniform, { 0 } };

      for (int i = 0; i < TOPIC_WORDS; i++)
        writer.topic[i] = g_rand_int_range (rand, 0, G_N_ELEMENTS (vocabulary));
      started = g_get_monotonic_time ();
      write_document (path, d + 1, n_pages, &writer);
      generate_us += g_get_monotonic_time () - started;

      document->item_id = add_row (store, 1, sessions[d % SESSIONS], d + 1);
      document->title = g_strdup_printf ("Tài liệu số %d", d + 1);
      document->kind = CHAMBER_DOCUMENT_REPORT;
      document->pages = n_pages;
      if (!chamber_sha256_file (path, document->sha256, &document->bytes, NULL, &error)
          || !chamber_store_insert_document (store, document, &error))
        g_error ("%s", error->message);

      started = g_get_monotonic_time ();
      if (!chamber_search_index_blob (store, document->sha256, path, NULL, &error))
        g_error ("%s", error->message);
      index_us += g_get_monotonic_time () - started;
      pages_done += n_pages;
    }

  /* A new connection, as the app has when it starts. */
  g_clear_object (&store);
  store = chamber_store_open (db_path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  for (int i = 0; i < options.queries; i++)
    g_ptr_array_add (queries, random_query (rand));

  for (guint i = 0; i < queries->len; i++)
    {
      const char *query = g_ptr_array_index (queries, i);
      g_autoptr (GPtrArray) hits = NULL;
      double ms;

      started = g_get_monotonic_time ();
      hits = chamber_search_query (store, query, 0, RESULT_LIMIT, &error);
      ms = (g_get_monotonic_time () - started) / 1000.0;
      if (hits == NULL)
        g_error ("“%s”: %s", query, error->message);
      g_array_append_val (fts_ms, ms);
      if (ms > slowest_ms)
        {
          slowest_ms = ms;
          slowest = query;
        }
      total_hits += hits->len;
      queries_with_hits += hits->len > 0;

      started = g_get_monotonic_time ();
      naive_like (store, query);
      ms = (g_get_monotonic_time () - started) / 1000.0;
      g_array_append_val (like_ms, ms);
    }

  g_array_sort (fts_ms, compare_doubles);
  g_array_sort (like_ms, compare_doubles);
  fts_median = percentile (fts_ms, 0.5);
  fts_p95 = percentile (fts_ms, 0.95);
  like_median = percentile (like_ms, 0.5);
  like_p95 = percentile (like_ms, 0.95);
  pass = fts_p95 <= BAR_P95_MS;

  printf ("\nSearch over %d indexed pages (%d documents of %d pages, %d sessions, %s), "
          "%u queries of 1–3 words, limit %d\n\n",
          pages_done, documents, PAGES_PER_DOCUMENT, SESSIONS,
          options.uniform ? "uniform words" : "a topic per document", queries->len,
          RESULT_LIMIT);
  printf ("| %-34s | %14s | %10s | %-6s |\n", "measure", "value", "bar", "result");
  printf ("|------------------------------------|----------------|------------|--------|\n");
  printf ("| %-34s | %14d | %10s | %-6s |\n", "pages indexed", pages_done, "", "");
  printf ("| %-34s | %12.1f s | %10s | %-6s |\n", "PDF generation (cairo, not timed)",
          generate_us / 1e6, "", "");
  printf ("| %-34s | %12.1f s | %10s | %-6s |\n", "index time (poppler text + FTS5)",
          index_us / 1e6, "", "");
  printf ("| %-34s | %8.0f pages/s | %10s | %-6s |\n", "index rate",
          pages_done / (index_us / 1e6), "", "");
  printf ("| %-34s | %11.2f ms | %10s | %-6s |\n", "query median", fts_median, "", "");
  printf ("| %-34s | %11.2f ms | %7.0f ms | %-6s |\n", "query p95", fts_p95, BAR_P95_MS,
          pass ? "pass" : "FAIL");
  printf ("| %-34s | %11.2f ms | %10s | %-6s |\n", "query max",
          g_array_index (fts_ms, double, fts_ms->len - 1), "", "");
  printf ("| %-34s | %14.1f | %10s | %-6s |\n", "hits per query (mean)",
          (double) total_hits / queries->len, "", "");
  printf ("| %-34s | %10d/%-3u | %10s | %-6s |\n", "queries with hits", queries_with_hits,
          queries->len, "", "");
  printf ("| %-34s | %11.2f ms | %10s | %-6s |\n", "reference: LIKE scan median", like_median,
          "", "");
  printf ("| %-34s | %11.2f ms | %10s | %-6s |\n", "reference: LIKE scan p95", like_p95, "",
          "");
  printf ("| %-34s | %13.1f× | %10s | %-6s |\n", "LIKE / FTS5 (median)", like_median / fts_median,
          "", "");
  printf ("\nslowest query: “%s” (%.2f ms)\n", slowest, slowest_ms);
  printf ("search: %s (p95 %.2f ms, bar %.0f ms)\n", pass ? "pass" : "FAIL", fts_p95,
          BAR_P95_MS);

  g_clear_object (&store);
  if (options.keep_dir == NULL)
    remove_tree (dir);
  g_free (options.keep_dir);
  return pass ? 0 : 1;
}
