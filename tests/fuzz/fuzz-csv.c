/* fuzz-csv.c — libFuzzer target: the CSV reader (src/core/chamber-csv.c) that the people and
 * voter-petition imports run on the secretariat's spreadsheets, uploaded to chamberd. The input
 * is the file's bytes, in any encoding. Whatever it holds, the reader either refuses it with a
 * CHAMBER_CSV_ERROR or returns a table whose every field is valid UTF-8 within the limits, whose
 * rows stand on increasing lines, and whose header can be searched by folded names. */
#include <stdint.h>
#include <string.h>

#include "chamber-csv.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_row (const ChamberCsvRow    *row,
           const ChamberCsvLimits *limits)
{
  g_assert_cmpuint (row->line, >=, 1);
  g_assert_cmpuint (row->n_fields, >=, 1);
  g_assert_cmpuint (row->n_fields, <=, limits->max_fields);
  g_assert_null (row->fields[row->n_fields]);
  for (guint i = 0; i < row->n_fields; i++)
    {
      g_autofree char *key = NULL;

      g_assert_true (g_utf8_validate (row->fields[i], -1, NULL));
      key = chamber_csv_fold_key (row->fields[i]);
      g_assert_true (g_utf8_validate (key, -1, NULL));
    }
  g_assert_null (chamber_csv_row_get (row, row->n_fields));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const names[] = { "Họ và tên", "name", "vai trò", NULL };
  ChamberCsvLimits limits;
  g_autoptr (ChamberCsvTable) table = NULL;
  g_autoptr (GError) error = NULL;
  guint last_line;
  int column;

  chamber_csv_limits_init (&limits);
  limits.max_rows = 512;
  limits.max_fields = 64;
  limits.max_field_bytes = 4096;

  table = chamber_csv_parse ((const char *) data, size, &limits, &error);
  if (table == NULL)
    {
      g_assert_error (error, CHAMBER_CSV_ERROR, error->code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  g_assert_true (table->separator == ',' || table->separator == ';' || table->separator == '\t');
  g_assert_nonnull (chamber_csv_encoding_to_string (table->encoding));
  check_row (table->header, &limits);
  g_assert_cmpuint (table->rows->len, <=, limits.max_rows);
  last_line = table->header->line;
  for (guint i = 0; i < table->rows->len; i++)
    {
      const ChamberCsvRow *row = g_ptr_array_index (table->rows, i);

      g_assert_cmpuint (row->line, >, last_line);
      last_line = row->line;
      check_row (row, &limits);
      chamber_csv_row_has_replacement (row);
    }
  column = chamber_csv_table_find_column (table, names);
  g_assert_cmpint (column, >=, -1);
  g_assert_cmpint (column, <, (int) table->header->n_fields);
  return 0;
}
