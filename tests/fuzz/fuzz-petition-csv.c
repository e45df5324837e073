/* fuzz-petition-csv.c — libFuzzer target: the voter-petition import
 * (src/core/chamber-petition-import.c) that chamberd runs on the secretariat's spreadsheets
 * (POST /api/v1/petitions/import). The input is the file's bytes, in any encoding. A store made
 * once per process holds a few earlier petitions, so that rows are also compared with them for
 * "raised again". Whatever the input, the import either refuses it with a CHAMBER_CSV_ERROR or
 * previews every row with its line and its problems, counts that add up, petitions that pass
 * the record's own checks and links that point backwards; saving it (inside a transaction rolled
 * back afterwards, so the store stays as it was) either fails cleanly or creates exactly the
 * rows it said it would. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "chamber-csv.h"
#include "chamber-petition-import.h"
#include "chamber-protocol.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *const earlier[] = {
  "Đề nghị nâng cấp tuyến đường ĐT 741 đoạn qua xã Tân Thành",
  "Cử tri phản ánh việc cấp giấy chứng nhận quyền sử dụng đất còn chậm",
  "Đề nghị mở rộng chợ Long Điền",
};

static ChamberStore *store;
static char *store_dir;

/* Closes the store and removes its folder when the process ends. */
static void
remove_store (void)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  g_clear_object (&store);
  dir = g_dir_open (store_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (store_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (store_dir);
  g_clear_pointer (&store_dir, g_free);
}

static ChamberStore *
shared_store (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (store != NULL)
    return store;
  store_dir = g_dir_make_tmp ("fuzz-petition-csv-XXXXXX", &error);
  g_assert_no_error (error);
  atexit (remove_store);
  path = g_build_filename (store_dir, "chamber.db", NULL);
  store = chamber_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (earlier); i++)
    {
      g_autoptr (ChamberPetition) petition = chamber_petition_new ();

      petition->content = g_strdup (earlier[i]);
      petition->meeting_date = g_strdup ("2025-06-01");
      g_assert_true (chamber_petitions_insert (store, petition, 0, &error));
      g_assert_no_error (error);
    }
  return store;
}

static gint64
count_petitions (ChamberStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) petitions = chamber_petitions_list (store, NULL, &error);

  g_assert_no_error (error);
  return petitions->len;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  ChamberStore *store = shared_store ();
  g_autoptr (ChamberPetitionImport) import = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) preview = NULL;
  g_autofree char *json = NULL;
  guint valid = 0, errors = 0, raised = 0, duplicates = 0, last_line = 0, to_create = 0;
  gint64 before;
  gboolean saved;

  import = chamber_petition_import_prepare (store, (const char *) data, size, &error);
  if (import == NULL)
    {
      g_assert_error (error, CHAMBER_CSV_ERROR, error->code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);
  g_assert_nonnull (import->encoding);
  g_assert_cmpuint (import->rows->len, <=, CHAMBER_PETITION_IMPORT_MAX_ROWS);
  for (guint i = 0; i < import->problems->len; i++)
    g_assert_true (g_utf8_validate (g_ptr_array_index (import->problems, i), -1, NULL));
  for (guint i = 0; i < import->rows->len; i++)
    {
      const ChamberPetitionImportRow *row = g_ptr_array_index (import->rows, i);

      g_assert_cmpuint (row->line, >, last_line);
      last_line = row->line;
      for (guint k = 0; k < row->problems->len; k++)
        g_assert_true (g_utf8_validate (g_ptr_array_index (row->problems, k), -1, NULL));
      if (row->petition == NULL)
        {
          g_assert_cmpuint (row->problems->len, >, 0);
          errors++;
          continue;
        }
      g_assert_true (chamber_petition_validate (row->petition, NULL));
      g_assert_cmpuint (row->similar_line, <, row->line);
      g_assert_true (row->similar_id >= 0 && row->similar_id <= (gint64) G_N_ELEMENTS (earlier));
      if (row->similar_id > 0 || row->similar_line > 0)
        {
          g_assert_cmpfloat (row->similarity, >=, CHAMBER_PETITION_SIMILAR);
          g_assert_cmpfloat (row->similarity, <=, 1.0);
        }
      else
        g_assert_false (row->duplicate);
      /* A duplicate is neither saved nor counted as valid or raised again. */
      if (row->duplicate)
        {
          duplicates++;
          continue;
        }
      valid++;
      to_create++;
      if (row->similar_id > 0 || row->similar_line > 0)
        raised++;
    }
  g_assert_cmpuint (import->n_valid, ==, valid);
  g_assert_cmpuint (import->n_errors, ==, errors);
  g_assert_cmpuint (import->n_raised_again, ==, raised);
  g_assert_cmpuint (import->n_duplicates, ==, duplicates);

  preview = chamber_petition_import_to_json (import, TRUE);
  json = chamber_json_to_string (preview, NULL);
  g_assert_true (g_utf8_validate (json, -1, NULL));

  /* Saving, undone afterwards so the next input meets the same store. */
  before = count_petitions (store);
  g_assert_true (chamber_store_begin (store, NULL));
  saved = chamber_petition_import_apply (store, import, 0, &error);
  if (saved)
    {
      g_assert_no_error (error);
      g_assert_cmpuint (import->n_created, ==, to_create);
      g_assert_cmpint (count_petitions (store), ==, before + to_create);
    }
  else
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
    }
  chamber_store_rollback (store);
  g_assert_cmpint (count_petitions (store), ==, before);
  return 0;
}
