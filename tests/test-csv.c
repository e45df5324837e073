/* test-csv.c — the CSV reader (src/core/chamber-csv.c) on real files as spreadsheets save them:
 * UTF-8 with and without a mark, UTF-16 LE/BE with a mark, Windows-1258 bytes made by glibc's
 * iconv (with its combining tone marks), separators `,` `;` and tab, RFC 4180 quoting, CRLF/LF/CR,
 * blank lines; and what it refuses, naming the line: unterminated quotes, NUL bytes, limits, a
 * 50 MB file over a smaller limit and read whole under the default. */
#include <string.h>

#include "chamber-csv.h"
#include "chamber-test-util.h"

/* The rows' fields of @table as "a|b|c" lines, each prefixed with its line number: "3:a|b". */
static char *
dump_rows (ChamberCsvTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < table->rows->len; i++)
    {
      ChamberCsvRow *row = g_ptr_array_index (table->rows, i);
      g_autofree char *joined = g_strjoinv ("|", row->fields);

      g_string_append_printf (out, "%u:%s\n", row->line, joined);
    }
  return g_string_free (out, FALSE);
}

/* @utf8 converted by iconv to @charset, written to a file in @dir; returns its path. */
static char *
write_encoded (const char *dir,
               const char *name,
               const char *utf8,
               const char *charset,
               const char *prefix,
               gsize       prefix_length)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *encoded = NULL;
  gsize encoded_length = 0;
  g_autoptr (GString) bytes = g_string_new_len (prefix, prefix_length);
  char *path = g_build_filename (dir, name, NULL);

  encoded = g_convert (utf8, -1, charset, "UTF-8", NULL, &encoded_length, &error);
  g_assert_no_error (error);
  g_string_append_len (bytes, encoded, encoded_length);
  g_file_set_contents (path, bytes->str, bytes->len, &error);
  g_assert_no_error (error);
  return path;
}

static ChamberCsvTable *
parse_string (const char *text,
              GError    **error)
{
  return chamber_csv_parse (text, strlen (text), NULL, error);
}

#define PEOPLE_UTF8 \
  "Họ và tên;Vai trò;Tổ đại biểu\r\n" \
  "Nguyễn Văn Ánh;đại biểu;Tổ 1\r\n" \
  "Trần Thị Đào;chủ tọa;\r\n" \
  "Lê Quốc Hưng;thư ký;Tổ 2\r\n"

static void
check_people (ChamberCsvTable *table)
{
  static const char * const name_column[] = { "ho va ten", "name", NULL };
  static const char * const role_column[] = { "role", "vai tro", NULL };
  g_autofree char *rows = dump_rows (table);
  g_autofree char *expected = g_utf8_normalize (
    "2:Nguyễn Văn Ánh|đại biểu|Tổ 1\n"
    "3:Trần Thị Đào|chủ tọa|\n"
    "4:Lê Quốc Hưng|thư ký|Tổ 2\n", -1, G_NORMALIZE_NFC);

  g_assert_cmpint (table->separator, ==, ';');
  g_assert_cmpuint (table->header->line, ==, 1);
  g_assert_cmpuint (table->header->n_fields, ==, 3);
  g_assert_cmpstr (rows, ==, expected);
  g_assert_cmpint (chamber_csv_table_find_column (table, name_column), ==, 0);
  g_assert_cmpint (chamber_csv_table_find_column (table, role_column), ==, 1);
  for (guint i = 0; i < table->rows->len; i++)
    g_assert_false (chamber_csv_row_has_replacement (g_ptr_array_index (table->rows, i)));
}

static void
test_encodings (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-csv-XXXXXX");
  static const struct {
    const char        *name;
    const char        *charset;
    const char        *prefix;
    gsize              prefix_length;
    ChamberCsvEncoding encoding;
  } cases[] = {
    { "utf8.csv", "UTF-8", "", 0, CHAMBER_CSV_ENCODING_UTF8 },
    { "utf8-bom.csv", "UTF-8", "\xEF\xBB\xBF", 3, CHAMBER_CSV_ENCODING_UTF8_BOM },
    { "utf16le.csv", "UTF-16LE", "\xFF\xFE", 2, CHAMBER_CSV_ENCODING_UTF16LE },
    { "utf16be.csv", "UTF-16BE", "\xFE\xFF", 2, CHAMBER_CSV_ENCODING_UTF16BE },
    { "cp1258.csv", "WINDOWS-1258", "", 0, CHAMBER_CSV_ENCODING_WINDOWS_1258 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = write_encoded (dir, cases[i].name, PEOPLE_UTF8, cases[i].charset,
                                             cases[i].prefix, cases[i].prefix_length);
      g_autoptr (ChamberCsvTable) table = chamber_csv_parse_file (path, NULL, &error);

      g_test_message ("%s", cases[i].name);
      g_assert_no_error (error);
      g_assert_cmpint (table->encoding, ==, cases[i].encoding);
      check_people (table);
    }

  /* Windows-1258 really writes the tone marks apart: the file is not the NFC text re-encoded
   * letter by letter, yet the reader gives NFC back (checked above). */
  {
    g_autofree char *path = g_build_filename (dir, "cp1258.csv", NULL);
    g_autofree char *bytes = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (path, &bytes, &length, NULL));
    g_assert_nonnull (memchr (bytes, 0xDE, length));  /* combining tilde, as in “ễ” */
  }
  chamber_test_rm_rf (dir);
}

static void
test_windows_1258_undefined_bytes (void)
{
  g_autoptr (GError) error = NULL;
  /* 0x81 and 0x8A are not defined in Windows-1258: each becomes U+FFFD, the rest is kept. */
  static const char data[] = "name,role\n\x81Nam,\xe0\x8a\n";
  g_autoptr (ChamberCsvTable) table = chamber_csv_parse (data, sizeof data - 1, NULL, &error);
  ChamberCsvRow *row;

  g_assert_no_error (error);
  g_assert_cmpint (table->encoding, ==, CHAMBER_CSV_ENCODING_WINDOWS_1258);
  row = g_ptr_array_index (table->rows, 0);
  g_assert_cmpstr (row->fields[0], ==, "\xEF\xBF\xBDNam");
  g_assert_cmpstr (row->fields[1], ==, "à\xEF\xBF\xBD");
  g_assert_true (chamber_csv_row_has_replacement (row));
}

static void
test_separators (void)
{
  static const struct {
    const char *text;
    char        separator;
  } cases[] = {
    { "a,b,c\n1,2,3\n", ',' },
    { "a;b;c\n1;2;3\n", ';' },
    { "a\tb\tc\n1\t2\t3\n", '\t' },
    /* The header decides, even when a field in it holds another separator quoted. */
    { "\"a;x\",b,c\n1,2,3\n", ',' },
    { "\n\n  \na;b;c\n1;2;3", ';' },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ChamberCsvTable) table = parse_string (cases[i].text, &error);
      ChamberCsvRow *row;

      g_assert_no_error (error);
      g_assert_cmpint (table->separator, ==, cases[i].separator);
      g_assert_cmpuint (table->rows->len, ==, 1);
      row = g_ptr_array_index (table->rows, 0);
      g_assert_cmpuint (row->n_fields, ==, 3);
      g_assert_cmpstr (row->fields[2], ==, "3");
    }
}

static void
test_mixed_separators (void)
{
  g_autoptr (GError) error = NULL;
  /* A row written with another separator stays one field: the consumer reports the count. */
  g_autoptr (ChamberCsvTable) table = parse_string ("a;b;c\n1;2;3\n4,5,6\n7;8\n", &error);
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  rows = dump_rows (table);
  g_assert_cmpstr (rows, ==, "2:1|2|3\n3:4,5,6\n4:7|8\n");
}

static void
test_quoting (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberCsvTable) table = parse_string (
    "name,note,x\r\n"
    "\"Trần, \"\"Đào\"\"\",\"line one\r\nline two\",  spaced  \r\n"
    "\"\",\" kept \",a\"b\r\n"
    "  \"q\"  ,\"x\"tail,\n"
    "last,row,no newline", &error);
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  rows = dump_rows (table);
  g_assert_cmpstr (rows, ==,
                   "2:Trần, \"Đào\"|line one\nline two|spaced\n"
                   "4:| kept |a\"b\n"
                   "5:q  |xtail|\n"
                   "6:last|row|no newline\n");
  /* Row 4's first field is an empty quoted one. */
  g_assert_cmpstr (((ChamberCsvRow *) g_ptr_array_index (table->rows, 1))->fields[0], ==, "");
}

static void
test_line_ends_and_blank_lines (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberCsvTable) table = parse_string (
    "\r\nh1;h2\r\n\r\na;b\r;;;\n  ;  \nc;d\n\n", &error);
  g_autofree char *rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (table->header->line, ==, 2);
  rows = dump_rows (table);
  g_assert_cmpstr (rows, ==, "4:a|b\n7:c|d\n");
}

static void
test_decomposed_utf8 (void)
{
  g_autoptr (GError) error = NULL;
  /* "Nguyễn" written as e + circumflex + tilde, as macOS and some tools save it. */
  g_autoptr (ChamberCsvTable) table = parse_string ("name\nNguye\xCC\x82\xCC\x83n\n", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (((ChamberCsvRow *) g_ptr_array_index (table->rows, 0))->fields[0], ==,
                   "Nguyễn");
}

static void
test_fold_and_find (void)
{
  static const struct {
    const char *text;
    const char *key;
  } cases[] = {
    { "Họ và tên", "ho va ten" },
    { "  HỌ   VÀ_TÊN ", "ho va ten" },
    { "Ho\xCC\xA3 va\xCC\x80 te\xCC\x82n", "ho va ten" },  /* decomposed */
    { "Tổ đại biểu", "to dai bieu" },
    { "ĐẠI BIỂU", "dai bieu" },
    { "in-progress", "in progress" },
    { "thư ký/văn phòng", "thu ky van phong" },
    { "", "" },
  };
  static const char * const committee[] = { "ban", "committee", NULL };
  static const char * const missing[] = { "email", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberCsvTable) table = parse_string ("STT,Họ và tên,Ban\n1,A,Ban Pháp chế\n",
                                                    &error);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = chamber_csv_fold_key (cases[i].text);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
  g_assert_no_error (error);
  g_assert_cmpint (chamber_csv_table_find_column (table, committee), ==, 2);
  g_assert_cmpint (chamber_csv_table_find_column (table, missing), ==, -1);
  g_assert_null (chamber_csv_row_get (table->header, 3));
  g_assert_null (chamber_csv_row_get (table->header, -1));
}

static void
test_refusals (void)
{
  ChamberCsvLimits limits;
  static const struct {
    const char *data;
    gsize       length;
    int         code;
    const char *message_part;
  } cases[] = {
    { "a,b\n1,\"open\n2,3\n", 16, CHAMBER_CSV_ERROR_UNTERMINATED_QUOTE, "Line 2" },
    { "a,b\n1,2\n3,\0\n", 12, CHAMBER_CSV_ERROR_NUL_BYTE, "Line 3" },
    { "\xEF\xBB\xBF" "a\n\0", 6, CHAMBER_CSV_ERROR_NUL_BYTE, "Line 2" },
    { "\xFF\xFE" "a\0\n\0b\0\0\0", 10, CHAMBER_CSV_ERROR_NUL_BYTE, "Line 2" },
    { "\xFF\xFE" "a\0\n\0\x00\xDC", 8, CHAMBER_CSV_ERROR_ENCODING, "UTF-16" },
    { "", 0, CHAMBER_CSV_ERROR_EMPTY, "empty" },
    { NULL, 0, CHAMBER_CSV_ERROR_EMPTY, "empty" },
    { "\xEF\xBB\xBF", 3, CHAMBER_CSV_ERROR_EMPTY, "empty" },
    { "\xFF\xFE", 2, CHAMBER_CSV_ERROR_EMPTY, "empty" },
    { "\r\n\n;;;\n", 7, CHAMBER_CSV_ERROR_EMPTY, "empty" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (ChamberCsvTable) table = chamber_csv_parse (cases[i].data, cases[i].length,
                                                             NULL, &error);

      g_test_message ("case %zu", i);
      g_assert_null (table);
      g_assert_error (error, CHAMBER_CSV_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }

  chamber_csv_limits_init (&limits);
  limits.max_fields = 3;
  limits.max_rows = 2;
  limits.max_field_bytes = 8;
  limits.max_bytes = 64;
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ChamberCsvTable) table = chamber_csv_parse ("a,b\n1,2,3,4\n", 12, &limits, &error);

    g_assert_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_TOO_MANY_FIELDS);
    g_assert_nonnull (strstr (error->message, "Line 2"));
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ChamberCsvTable) table = chamber_csv_parse ("a\n1\n2\n\n3\n", 9, &limits, &error);

    g_assert_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_TOO_MANY_ROWS);
    g_assert_nonnull (strstr (error->message, "Line 5"));
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ChamberCsvTable) table = chamber_csv_parse ("a\n1\n\"123456789\"\n", 16, &limits,
                                                           &error);

    g_assert_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_FIELD_TOO_LONG);
    g_assert_nonnull (strstr (error->message, "Line 3"));
  }
  {
    g_autofree char *big = g_strnfill (65, 'x');
    g_autoptr (GError) error = NULL;
    g_autoptr (ChamberCsvTable) table = chamber_csv_parse (big, 65, &limits, &error);

    g_assert_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_TOO_LARGE);
  }
  /* Exactly at the limits is taken. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (ChamberCsvTable) table = chamber_csv_parse ("a,b,c\n12345678,2\n3\n", 19, &limits,
                                                           &error);

    g_assert_no_error (error);
    g_assert_cmpuint (table->rows->len, ==, 2);
  }
}

static void
test_not_a_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-csv-XXXXXX");
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autoptr (ChamberCsvTable) table = chamber_csv_parse_file (dir, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_null (chamber_csv_parse_file (missing, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  chamber_test_rm_rf (dir);
}

/* A 50 MB file of 200,000 people: refused before reading under a 5 MiB limit (as chamberd
 * takes), read whole with every row and its line under the default limits. */
static void
test_large_file (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-csv-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "large.csv", NULL);
  g_autoptr (GString) data = g_string_sized_new (52 * 1024 * 1024);
  g_autoptr (GError) error = NULL;
  g_autofree char *padding = g_strnfill (200, 'x');
  ChamberCsvLimits limits;
  guint n_rows = 0;

  g_string_append (data, "Họ và tên;Vai trò;Ghi chú\r\n");
  while (data->len < 50 * 1000 * 1000)
    {
      g_string_append_printf (data, "Nguyễn Văn %u;đại biểu;\"%s\n%u\"\r\n", n_rows, padding,
                              n_rows);
      n_rows++;
    }
  g_file_set_contents (path, data->str, data->len, &error);
  g_assert_no_error (error);

  chamber_csv_limits_init (&limits);
  limits.max_bytes = 5 * 1024 * 1024;
  {
    g_autoptr (ChamberCsvTable) table = chamber_csv_parse_file (path, &limits, &error);

    g_assert_null (table);
    g_assert_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_TOO_LARGE);
    g_clear_error (&error);
  }
  {
    g_autoptr (ChamberCsvTable) table = chamber_csv_parse_file (path, NULL, &error);
    ChamberCsvRow *last;
    g_autofree char *expected = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (table->rows->len, ==, n_rows);
    last = g_ptr_array_index (table->rows, n_rows - 1);
    /* Each row takes two lines (a line break inside its quoted note). */
    g_assert_cmpuint (last->line, ==, 2 + 2 * (n_rows - 1));
    expected = g_strdup_printf ("Nguyễn Văn %u", n_rows - 1);
    g_assert_cmpstr (last->fields[0], ==, expected);
  }
  chamber_test_rm_rf (dir);
}

/* The seed corpus of the fuzz target, each read without a crash: a table or an error. */
static void
test_fuzz_corpus (void)
{
  g_autofree char *corpus = g_build_filename (chamber_test_data_dir (), "..", "fuzz", "corpus",
                                              "csv", NULL);
  g_autoptr (GDir) dir = g_dir_open (corpus, 0, NULL);
  const char *name;
  guint files = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (corpus, name, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (ChamberCsvTable) table = chamber_csv_parse_file (path, NULL, &error);

      g_assert_true ((table != NULL) != (error != NULL));
      files++;
    }
  g_assert_cmpuint (files, >=, 5);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/encodings", test_encodings);
  g_test_add_func ("/csv/windows-1258-undefined-bytes", test_windows_1258_undefined_bytes);
  g_test_add_func ("/csv/separators", test_separators);
  g_test_add_func ("/csv/mixed-separators", test_mixed_separators);
  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/line-ends-and-blank-lines", test_line_ends_and_blank_lines);
  g_test_add_func ("/csv/decomposed-utf8", test_decomposed_utf8);
  g_test_add_func ("/csv/fold-and-find", test_fold_and_find);
  g_test_add_func ("/csv/refusals", test_refusals);
  g_test_add_func ("/csv/not-a-file", test_not_a_file);
  g_test_add_func ("/csv/large-file", test_large_file);
  g_test_add_func ("/csv/fuzz-corpus", test_fuzz_corpus);

  return g_test_run ();
}
