/* chamber-petition-import.c — voter petitions from CSV (see chamber-petition-import.h): the
 * header names each column may have, the checks of each row, the raised-again and duplicate
 * detection against the store and the earlier lines of the file, and saving in one
 * transaction. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "chamber-csv.h"
#include "chamber-petition-import.h"
#include "chamber-protocol.h"
#include "chamber-store-private.h"

enum {
  COL_CONTENT,
  COL_FIELD,
  COL_AGENCY,
  COL_STATUS,
  COL_MEETING_DATE,
  COL_PLACE,
  COL_GROUP,
  COL_LEVEL,
  COL_ANSWER,
  COL_RECEIVED,
  COL_FORWARDED,
  COL_ANSWERED,
  COL_RESOLVED,
  N_COLUMNS
};

/* The header names of each column, Vietnamese and English (compared folded). */
static const char *const column_names[N_COLUMNS][6] = {
  { "nội dung kiến nghị", "nội dung", "kiến nghị", "content", "petition", NULL },
  { "lĩnh vực", "field", NULL },
  { "cơ quan giải quyết", "cơ quan", "cơ quan chủ trì", "agency", NULL },
  { "trạng thái", "tình trạng", "kết quả giải quyết", "status", NULL },
  { "ngày tiếp xúc", "ngày tiếp xúc cử tri", "meeting date", "date", NULL },
  { "địa điểm", "địa điểm tiếp xúc", "place", "meeting place", NULL },
  { "tổ đại biểu", "tổ", "delegate group", "group", NULL },
  { "cấp", "cấp tiếp xúc", "level", NULL },
  { "nội dung trả lời", "trả lời", "answer", NULL },
  { "ngày nhận", "received", "received on", NULL },
  { "ngày chuyển", "forwarded", "forwarded on", NULL },
  { "ngày trả lời", "answered", "answered on", NULL },
  { "ngày giải quyết", "resolved", "resolved on", NULL },
};

void
chamber_petition_import_free (ChamberPetitionImport *import)
{
  if (import == NULL)
    return;
  g_free (import->encoding);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_pointer (&import->rows, g_ptr_array_unref);
  g_free (import);
}

static void
row_free (ChamberPetitionImportRow *row)
{
  chamber_petition_free (row->petition);
  g_ptr_array_unref (row->problems);
  g_free (row);
}

char *
chamber_petition_import_parse_date (const char *text)
{
  int a = 0, b = 0, c = 0;
  char sep1 = 0, sep2 = 0, end = 0;
  int year, month, day;

  if (text == NULL)
    return NULL;
  if (sscanf (text, "%d%c%d%c%d%c", &a, &sep1, &b, &sep2, &c, &end) != 5
      || sep1 != sep2 || strchr ("-/.", sep1) == NULL)
    return NULL;
  if (a >= 1000 && sep1 == '-')
    {
      year = a;
      month = b;
      day = c;
    }
  else
    {
      day = a;
      month = b;
      year = c;
    }
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1
      || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* An earlier petition to compare with: in the store (id) or on an earlier line (line). */
typedef struct {
  gint64  id;
  guint   line;
  char  **words;
  guint   n_words;
  char   *date;
  char   *group_key;
} Known;

/* The earlier petitions, with an index from each word to the petitions that have it, so that a
 * row is compared only with the petitions it shares a word with. */
typedef struct {
  GPtrArray  *known;    /* Known *, in id order then line order */
  GHashTable *postings; /* word → GArray of guint indexes into known */
  GArray     *counts;   /* guint per known: shared words with the row being compared */
} Index;

static void
known_free (Known *known)
{
  g_strfreev (known->words);
  g_free (known->date);
  g_free (known->group_key);
  g_free (known);
}

static char *
group_key (const char *group)
{
  return group != NULL ? chamber_csv_fold_key (group) : g_strdup ("");
}

static Known *
known_new (gint64                 id,
           guint                  line,
           const ChamberPetition *petition)
{
  Known *known = g_new0 (Known, 1);
  g_autofree char *folded = chamber_petition_fold_words (petition->content);

  known->id = id;
  known->line = line;
  known->words = g_strsplit (folded, " ", -1);
  for (guint i = 0; known->words[i] != NULL; i++)
    known->n_words += *known->words[i] != '\0';
  known->date = g_strdup (petition->meeting_date);
  known->group_key = group_key (petition->delegate_group);
  return known;
}

static void
add_problem (ChamberPetitionImportRow *row,
             const char               *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (ChamberPetitionImportRow *row,
             const char               *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (row->problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The field of @column in @row, trimmed, or NULL when the column is absent or the cell empty. */
static char *
cell (const ChamberCsvRow *row,
      const int           *columns,
      int                  column)
{
  const char *value;
  char *copy;

  if (columns[column] < 0)
    return NULL;
  value = chamber_csv_row_get (row, columns[column]);
  if (value == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (value));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

static void
read_date (ChamberPetitionImportRow *out,
           const ChamberCsvRow      *row,
           const int                *columns,
           int                       column,
           const char               *what,
           char                    **target)
{
  g_autofree char *text = cell (row, columns, column);

  if (text == NULL)
    return;
  *target = chamber_petition_import_parse_date (text);
  if (*target == NULL)
    add_problem (out, _("The %s “%s” is not a date (write it as DD/MM/YYYY or YYYY-MM-DD)."),
                 what, text);
}

static ChamberPetitionImportRow *
read_row (const ChamberCsvTable *table,
          const ChamberCsvRow   *row,
          const int             *columns)
{
  ChamberPetitionImportRow *out = g_new0 (ChamberPetitionImportRow, 1);
  g_autoptr (ChamberPetition) petition = chamber_petition_new ();
  g_autofree char *status = NULL;
  g_autofree char *level = NULL;
  g_autoptr (GError) invalid = NULL;

  out->line = row->line;
  out->problems = g_ptr_array_new_with_free_func (g_free);
  if (row->n_fields != table->header->n_fields)
    add_problem (out, _("The row has %u fields but the header has %u: a separator or a quote "
                        "is missing or one too many."),
                 row->n_fields, table->header->n_fields);
  if (chamber_csv_row_has_replacement (row))
    add_problem (out, _("The row has characters that could not be read: save the file as "
                        "“CSV UTF-8” and import it again."));

  petition->content = cell (row, columns, COL_CONTENT);
  if (petition->content == NULL)
    add_problem (out, _("The content of the petition is empty."));
  petition->field = cell (row, columns, COL_FIELD);
  petition->agency = cell (row, columns, COL_AGENCY);
  petition->meeting_place = cell (row, columns, COL_PLACE);
  petition->delegate_group = cell (row, columns, COL_GROUP);
  petition->answer = cell (row, columns, COL_ANSWER);
  status = cell (row, columns, COL_STATUS);
  if (status != NULL && !chamber_petition_status_parse (status, &petition->status))
    add_problem (out, _("The status “%s” is unknown: use đã chuyển, đã trả lời, đang giải "
                        "quyết, đã giải quyết, chưa giải quyết, or forwarded, answered, "
                        "in-progress, resolved, unresolved."),
                 status);
  level = cell (row, columns, COL_LEVEL);
  if (level != NULL && !chamber_petition_level_parse (level, &petition->level))
    add_problem (out, _("The level “%s” is unknown: use xã, huyện or tỉnh (commune, district, "
                        "province)."),
                 level);
  read_date (out, row, columns, COL_MEETING_DATE, _("meeting date"), &petition->meeting_date);
  read_date (out, row, columns, COL_RECEIVED, _("date received"), &petition->received_on);
  read_date (out, row, columns, COL_FORWARDED, _("date forwarded"), &petition->forwarded_on);
  read_date (out, row, columns, COL_ANSWERED, _("date answered"), &petition->answered_on);
  read_date (out, row, columns, COL_RESOLVED, _("date resolved"), &petition->resolved_on);
  if (out->problems->len == 0 && !chamber_petition_validate (petition, &invalid))
    add_problem (out, "%s", invalid->message);
  if (out->problems->len == 0)
    out->petition = g_steal_pointer (&petition);
  return out;
}

static void
index_free (Index *index)
{
  g_ptr_array_unref (index->known);
  g_hash_table_unref (index->postings);
  g_array_unref (index->counts);
  g_free (index);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Index, index_free)

static void
index_add (Index *index,
           Known *known)
{
  guint position = index->known->len;
  guint zero = 0;

  g_ptr_array_add (index->known, known);
  g_array_append_val (index->counts, zero);
  for (guint i = 0; known->words[i] != NULL; i++)
    {
      GArray *list;

      if (*known->words[i] == '\0')
        continue;
      list = g_hash_table_lookup (index->postings, known->words[i]);
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (index->postings, g_strdup (known->words[i]), list);
        }
      g_array_append_val (list, position);
    }
}

/* Loads every stored petition to compare with. */
static Index *
load_known (ChamberStore *store,
            GError      **error)
{
  g_autoptr (GPtrArray) all = chamber_petitions_list (store, NULL, error);
  Index *index;

  if (all == NULL)
    return NULL;
  index = g_new0 (Index, 1);
  index->known = g_ptr_array_new_with_free_func ((GDestroyNotify) known_free);
  index->postings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_array_unref);
  index->counts = g_array_new (FALSE, TRUE, sizeof (guint));
  for (guint i = 0; i < all->len; i++)
    {
      const ChamberPetition *p = g_ptr_array_index (all, i);

      index_add (index, known_new (p->id, 0, p));
    }
  return index;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* The most similar earlier petition, by the Jaccard index of the word sets (as
 * chamber_petition_similarity_words () computes it: shared / (|A| + |B| - shared)). */
static void
find_similar (Index                    *index,
              ChamberPetitionImportRow *row)
{
  g_autofree char *folded = chamber_petition_fold_words (row->petition->content);
  g_auto (GStrv) words = g_strsplit (folded, " ", -1);
  g_autofree char *key = group_key (row->petition->delegate_group);
  g_autoptr (GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  guint *counts = (guint *) index->counts->data;
  const Known *best = NULL;
  double best_similarity = 0;
  guint n_words = 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      GArray *list;

      if (*words[w] == '\0')
        continue;
      n_words++;
      list = g_hash_table_lookup (index->postings, words[w]);
      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          guint position = g_array_index (list, guint, i);

          if (counts[position]++ == 0)
            g_array_append_val (touched, position);
        }
    }
  /* In id order, so that the first of equally similar petitions wins. */
  g_array_sort (touched, compare_positions);
  for (guint t = 0; t < touched->len; t++)
    {
      guint position = g_array_index (touched, guint, t);
      const Known *k = g_ptr_array_index (index->known, position);
      guint shared = counts[position];
      double similarity = (double) shared / (n_words + k->n_words - shared);

      counts[position] = 0;
      if (similarity >= CHAMBER_PETITION_SIMILAR && similarity > best_similarity)
        {
          best = k;
          best_similarity = similarity;
        }
    }
  if (best == NULL)
    return;
  row->similar_id = best->id;
  row->similar_line = best->line;
  row->similarity = best_similarity;
  row->duplicate = g_strcmp0 (best->date, row->petition->meeting_date) == 0
                   && g_str_equal (best->group_key, key);
}

ChamberPetitionImport *
chamber_petition_import_prepare (ChamberStore *store,
                                 const char   *data,
                                 gsize         length,
                                 GError      **error)
{
  g_autoptr (ChamberPetitionImport) import = g_new0 (ChamberPetitionImport, 1);
  g_autoptr (ChamberCsvTable) table = NULL;
  g_autoptr (Index) known = NULL;
  ChamberCsvLimits limits;
  int columns[N_COLUMNS];

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  chamber_csv_limits_init (&limits);
  limits.max_rows = CHAMBER_PETITION_IMPORT_MAX_ROWS;
  limits.max_field_bytes = CHAMBER_PETITION_MAX_TEXT;
  table = chamber_csv_parse (data, length, &limits, error);
  if (table == NULL)
    return NULL;
  import->encoding = g_strdup (chamber_csv_encoding_to_string (table->encoding));
  import->problems = g_ptr_array_new_with_free_func (g_free);
  import->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (int c = 0; c < N_COLUMNS; c++)
    columns[c] = chamber_csv_table_find_column (table, column_names[c]);
  if (columns[COL_CONTENT] < 0)
    g_ptr_array_add (import->problems,
                     g_strdup (_("No column holds the content of the petitions: name one "
                                 "“Nội dung kiến nghị” (or “content”).")));

  known = load_known (store, error);
  if (known == NULL)
    return NULL;
  for (guint r = 0; r < table->rows->len; r++)
    {
      ChamberPetitionImportRow *row = read_row (table, g_ptr_array_index (table->rows, r),
                                                columns);

      g_ptr_array_add (import->rows, row);
      if (row->petition == NULL)
        {
          import->n_errors++;
          continue;
        }
      find_similar (known, row);
      if (row->duplicate)
        {
          import->n_duplicates++;
          continue;
        }
      import->n_valid++;
      if (row->similar_id > 0 || row->similar_line > 0)
        import->n_raised_again++;
      index_add (known, known_new (0, row->line, row->petition));
    }
  return g_steal_pointer (&import);
}

gboolean
chamber_petition_import_apply (ChamberStore          *store,
                               ChamberPetitionImport *import,
                               gint64                 person_id,
                               GError               **error)
{
  g_autoptr (GHashTable) created = g_hash_table_new (NULL, NULL);

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);

  if (import->problems->len > 0)
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                           g_ptr_array_index (import->problems, 0));
      return FALSE;
    }
  if (!chamber_store_begin (store, error))
    return FALSE;
  import->n_created = 0;
  for (guint r = 0; r < import->rows->len; r++)
    {
      ChamberPetitionImportRow *row = g_ptr_array_index (import->rows, r);
      if (row->petition == NULL || row->duplicate)
        continue;
      /* prepare() compared the row with the store and the earlier lines: a line becomes the
       * petition saved from it. */
      if (row->similar_id == 0 && row->similar_line > 0)
        {
          gpointer id = g_hash_table_lookup (created, GUINT_TO_POINTER (row->similar_line));

          row->similar_id = (gint64) GPOINTER_TO_SIZE (id);
        }
      row->petition->raised_again_of = row->similar_id;
      row->petition->similarity = row->similar_id > 0 ? row->similarity : 0;
      if (!chamber_petitions_insert (store, row->petition, person_id, error))
        goto failed;
      row->created_id = row->petition->id;
      g_hash_table_insert (created, GUINT_TO_POINTER (row->line),
                           GSIZE_TO_POINTER ((gsize) row->created_id));
      import->n_created++;
    }
  return chamber_store_commit (store, error);

failed:
  chamber_store_rollback (store);
  for (guint r = 0; r < import->rows->len; r++)
    ((ChamberPetitionImportRow *) g_ptr_array_index (import->rows, r))->created_id = 0;
  import->n_created = 0;
  return FALSE;
}

static JsonArray *
strings_to_json (GPtrArray *strings)
{
  JsonArray *array = json_array_sized_new (strings->len);

  for (guint i = 0; i < strings->len; i++)
    json_array_add_string_element (array, g_ptr_array_index (strings, i));
  return array;
}

JsonNode *
chamber_petition_import_to_json (const ChamberPetitionImport *import,
                                 gboolean                     dry_run)
{
  JsonObject *object = json_object_new ();
  JsonArray *rows = json_array_sized_new (import->rows->len);

  json_object_set_string_member (object, "encoding", import->encoding);
  json_object_set_boolean_member (object, "dry_run", dry_run);
  json_object_set_array_member (object, "problems", strings_to_json (import->problems));
  json_object_set_int_member (object, "valid", import->n_valid);
  json_object_set_int_member (object, "errors", import->n_errors);
  json_object_set_int_member (object, "raised_again", import->n_raised_again);
  json_object_set_int_member (object, "duplicates", import->n_duplicates);
  json_object_set_int_member (object, "created", import->n_created);
  for (guint r = 0; r < import->rows->len; r++)
    {
      const ChamberPetitionImportRow *row = g_ptr_array_index (import->rows, r);
      JsonObject *item = json_object_new ();

      json_object_set_int_member (item, "line", row->line);
      json_object_set_boolean_member (item, "ok", row->petition != NULL);
      json_object_set_array_member (item, "problems", strings_to_json (row->problems));
      if (row->similar_id > 0)
        json_object_set_int_member (item, "raised_again_of", row->similar_id);
      else
        json_object_set_null_member (item, "raised_again_of");
      if (row->similar_line > 0)
        json_object_set_int_member (item, "similar_line", row->similar_line);
      else
        json_object_set_null_member (item, "similar_line");
      if (row->similar_id > 0 || row->similar_line > 0)
        json_object_set_double_member (item, "similarity", row->similarity);
      else
        json_object_set_null_member (item, "similarity");
      json_object_set_boolean_member (item, "duplicate", row->duplicate);
      if (row->created_id > 0)
        json_object_set_int_member (item, "id", row->created_id);
      else
        json_object_set_null_member (item, "id");
      if (row->petition != NULL)
        json_object_set_member (item, "petition", chamber_petition_to_json (row->petition));
      else
        json_object_set_null_member (item, "petition");
      json_array_add_object_element (rows, item);
    }
  json_object_set_array_member (object, "rows", rows);
  return chamber_json_node_take_object (object);
}
