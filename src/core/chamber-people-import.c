/* chamber-people-import.c — people from a CSV file: the columns found by their header names,
 * roles read from Vietnamese or English, each row's problems listed for the preview, and the
 * valid rows saved in one transaction. See chamber-people-import.h. */
#include "config.h"

#include "chamber-people-import.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "chamber-protocol.h"

G_DEFINE_QUARK (chamber-people-import-error-quark, chamber_people_import_error)

static const char * const name_columns[] = { "họ và tên", "họ tên", "tên", "name", "full name",
                                             NULL };
static const char * const role_columns[] = { "vai trò", "chức năng", "role", NULL };
static const char * const group_columns[] = { "tổ đại biểu", "tổ", "group", "delegate group",
                                              NULL };
static const char * const committee_columns[] = { "ban", "committee", NULL };
static const char * const title_columns[] = { "chức vụ", "title", NULL };
static const char * const agency_columns[] = { "cơ quan", "đơn vị", "agency", NULL };

static const struct {
  const char *text;  /* as chamber_csv_fold_key() folds it */
  ChamberRole role;
} role_names[] = {
  { "delegate", CHAMBER_ROLE_DELEGATE },
  { "dai bieu", CHAMBER_ROLE_DELEGATE },
  { "chair", CHAMBER_ROLE_CHAIR },
  { "chu toa", CHAMBER_ROLE_CHAIR },
  { "secretariat", CHAMBER_ROLE_SECRETARIAT },
  { "thu ky", CHAMBER_ROLE_SECRETARIAT },
  { "van phong", CHAMBER_ROLE_SECRETARIAT },
  { "admin", CHAMBER_ROLE_ADMIN },
  { "quan tri", CHAMBER_ROLE_ADMIN },
  { "official", CHAMBER_ROLE_OFFICIAL },
  { "khach moi", CHAMBER_ROLE_OFFICIAL },
  { "dai bieu khach moi", CHAMBER_ROLE_OFFICIAL },
  { "nguoi tra loi chat van", CHAMBER_ROLE_OFFICIAL },
};

const char *
chamber_import_problem_code_to_string (ChamberImportProblemCode code)
{
  static const char * const names[] = { "missing-name", "unknown-role", "wrong-columns",
                                        "duplicate", "exists", "bad-encoding", "not-allowed",
                                        "too-long", "other" };

  if ((guint) code >= G_N_ELEMENTS (names))
    return "unknown";
  return names[code];
}

gboolean
chamber_people_import_role_from_text (const char  *text,
                                      ChamberRole *out)
{
  g_autofree char *key = chamber_csv_fold_key (text);

  for (gsize i = 0; i < G_N_ELEMENTS (role_names); i++)
    if (g_str_equal (key, role_names[i].text))
      {
        *out = role_names[i].role;
        return TRUE;
      }
  return FALSE;
}

static void
problem_free (ChamberImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
row_free (ChamberPeopleImportRow *row)
{
  chamber_person_free (row->person);
  g_free (row->role_text);
  g_ptr_array_unref (row->problems);
  g_free (row);
}

void
chamber_people_import_free (ChamberPeopleImport *import)
{
  if (import == NULL)
    return;
  g_clear_pointer (&import->rows, g_ptr_array_unref);
  g_free (import);
}

G_GNUC_PRINTF (3, 4)
static void
add_problem (ChamberPeopleImportRow  *row,
             ChamberImportProblemCode code,
             const char              *format,
             ...)
{
  ChamberImportProblem *problem = g_new0 (ChamberImportProblem, 1);
  va_list args;

  va_start (args, format);
  problem->code = code;
  problem->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (row->problems, problem);
}

/* The trimmed value of @column in @row, NULL when the column is absent or the value empty. */
static char *
row_value (const ChamberCsvRow *row,
           int                  column)
{
  const char *value = chamber_csv_row_get (row, column);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (value));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

/* "folded name\nrole": who counts as the same person. */
static char *
person_key (const char  *name,
            ChamberRole  role)
{
  g_autofree char *folded = chamber_csv_fold_key (name);

  return g_strdup_printf ("%s\n%s", folded, chamber_role_to_string (role));
}

static gboolean
extra_fields_empty (const ChamberCsvRow *row,
                    guint                from)
{
  for (guint i = from; i < row->n_fields; i++)
    if (*row->fields[i] != '\0')
      return FALSE;
  return TRUE;
}

ChamberPeopleImport *
chamber_people_import_preview (ChamberStore *store,
                               const char   *data,
                               gsize         length,
                               ChamberRole   importer_role,
                               GError      **error)
{
  ChamberCsvLimits limits;
  g_autoptr (ChamberCsvTable) table = NULL;
  g_autoptr (ChamberPeopleImport) import = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GHashTable) stored = NULL;
  g_autoptr (GHashTable) seen = NULL;
  int columns[6];
  guint n_columns;

  chamber_csv_limits_init (&limits);
  limits.max_bytes = CHAMBER_PEOPLE_IMPORT_MAX_BYTES;
  limits.max_rows = CHAMBER_PEOPLE_IMPORT_MAX_ROWS;
  limits.max_fields = 64;
  table = chamber_csv_parse (data, length, &limits, error);
  if (table == NULL)
    return NULL;

  columns[0] = chamber_csv_table_find_column (table, name_columns);
  columns[1] = chamber_csv_table_find_column (table, role_columns);
  columns[2] = chamber_csv_table_find_column (table, group_columns);
  columns[3] = chamber_csv_table_find_column (table, committee_columns);
  columns[4] = chamber_csv_table_find_column (table, title_columns);
  columns[5] = chamber_csv_table_find_column (table, agency_columns);
  if (columns[0] < 0)
    {
      g_set_error (error, CHAMBER_PEOPLE_IMPORT_ERROR,
                   CHAMBER_PEOPLE_IMPORT_ERROR_NO_NAME_COLUMN,
                   _("Line %u: the header names no column for the name. Name it “Họ và tên” "
                     "or “name”."), table->header->line);
      return NULL;
    }
  n_columns = table->header->n_fields;

  people = chamber_store_list_people (store, error);
  if (people == NULL)
    return NULL;
  stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < people->len; i++)
    {
      ChamberPerson *person = g_ptr_array_index (people, i);

      g_hash_table_add (stored, person_key (person->name, person->role));
    }
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  import = g_new0 (ChamberPeopleImport, 1);
  import->encoding = table->encoding;
  import->separator = table->separator;
  import->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const ChamberCsvRow *csv_row = g_ptr_array_index (table->rows, r);
      ChamberPeopleImportRow *row = g_new0 (ChamberPeopleImportRow, 1);
      ChamberPerson *person = chamber_person_new ();
      char **values[] = { &person->name, &row->role_text, &person->group_name,
                          &person->committee, &person->title, &person->agency };

      row->line = csv_row->line;
      row->person = person;
      row->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
      g_ptr_array_add (import->rows, row);

      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        *values[c] = row_value (csv_row, columns[c]);
      if (row->role_text == NULL)
        row->role_text = g_strdup ("");
      person->active = TRUE;
      person->role = CHAMBER_ROLE_DELEGATE;

      if (csv_row->n_fields < n_columns
          || (csv_row->n_fields > n_columns && !extra_fields_empty (csv_row, n_columns)))
        add_problem (row, CHAMBER_IMPORT_PROBLEM_WRONG_COLUMNS,
                     _("Line %u has %u fields where the header has %u. Check the separators "
                       "and quotes on this line."), row->line, csv_row->n_fields, n_columns);
      if (chamber_csv_row_has_replacement (csv_row))
        add_problem (row, CHAMBER_IMPORT_PROBLEM_BAD_ENCODING,
                     _("Line %u holds characters that could not be read: the file was "
                       "probably saved in another encoding. Save it as “CSV UTF-8”."),
                     row->line);
      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        if (*values[c] != NULL && strlen (*values[c]) > CHAMBER_PROTOCOL_MAX_STRING)
          {
            add_problem (row, CHAMBER_IMPORT_PROBLEM_TOO_LONG,
                         _("Line %u has a value longer than %d bytes."), row->line,
                         CHAMBER_PROTOCOL_MAX_STRING);
            break;
          }
      if (person->name == NULL)
        add_problem (row, CHAMBER_IMPORT_PROBLEM_MISSING_NAME, _("Line %u has no name."),
                     row->line);
      if (*row->role_text != '\0'
          && !chamber_people_import_role_from_text (row->role_text, &person->role))
        add_problem (row, CHAMBER_IMPORT_PROBLEM_UNKNOWN_ROLE,
                     _("Line %u: “%s” is not a role Chamber knows. Write đại biểu, chủ tọa, "
                       "thư ký, khách mời or quản trị."), row->line, row->role_text);
      else if ((person->role == CHAMBER_ROLE_ADMIN || person->role == CHAMBER_ROLE_SECRETARIAT)
               && importer_role != CHAMBER_ROLE_ADMIN)
        add_problem (row, CHAMBER_IMPORT_PROBLEM_NOT_ALLOWED,
                     _("Line %u: only an administrator may add people with the admin or "
                       "secretariat role."), row->line);

      if (person->name != NULL)
        {
          char *key = person_key (person->name, person->role);
          guint first_line = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));

          if (g_hash_table_contains (stored, key))
            add_problem (row, CHAMBER_IMPORT_PROBLEM_EXISTS,
                         _("Line %u: %s (%s) is already on the server."), row->line,
                         person->name, chamber_role_get_label (person->role));
          if (first_line > 0)
            {
              add_problem (row, CHAMBER_IMPORT_PROBLEM_DUPLICATE,
                           _("Line %u repeats line %u (%s)."), row->line, first_line,
                           person->name);
              g_free (key);
            }
          else
            g_hash_table_insert (seen, key, GUINT_TO_POINTER (row->line));
        }

      if (row->problems->len == 0)
        import->valid++;
      else
        import->invalid++;
    }
  return g_steal_pointer (&import);
}

gboolean
chamber_people_import_apply (ChamberStore        *store,
                             ChamberPeopleImport *import,
                             GError             **error)
{
  guint imported = 0;

  if (!chamber_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < import->rows->len; i++)
    {
      ChamberPeopleImportRow *row = g_ptr_array_index (import->rows, i);

      if (row->problems->len > 0)
        continue;
      if (!chamber_store_insert_person (store, row->person, error))
        {
          chamber_store_rollback (store);
          for (guint j = 0; j < import->rows->len; j++)
            ((ChamberPeopleImportRow *) g_ptr_array_index (import->rows, j))->person->id = 0;
          return FALSE;
        }
      imported++;
    }
  if (!chamber_store_commit (store, error))
    {
      for (guint j = 0; j < import->rows->len; j++)
        ((ChamberPeopleImportRow *) g_ptr_array_index (import->rows, j))->person->id = 0;
      return FALSE;
    }
  import->imported = imported;
  return TRUE;
}

JsonNode *
chamber_people_import_to_json (const ChamberPeopleImport *import,
                               gboolean                   dry_run)
{
  JsonObject *object = json_object_new ();
  JsonArray *rows = json_array_sized_new (import->rows->len);
  JsonNode *node;
  char separator[2] = { import->separator, '\0' };

  json_object_set_string_member (object, "encoding",
                                 chamber_csv_encoding_to_string (import->encoding));
  json_object_set_string_member (object, "separator", separator);
  json_object_set_boolean_member (object, "dry_run", dry_run);
  json_object_set_int_member (object, "valid", import->valid);
  json_object_set_int_member (object, "invalid", import->invalid);
  json_object_set_int_member (object, "imported", import->imported);
  for (guint i = 0; i < import->rows->len; i++)
    {
      const ChamberPeopleImportRow *row = g_ptr_array_index (import->rows, i);
      JsonObject *entry = json_object_new ();
      JsonObject *person = json_object_new ();
      JsonArray *problems = json_array_new ();
      gboolean role_unknown = FALSE;

      for (guint p = 0; p < row->problems->len; p++)
        {
          const ChamberImportProblem *problem = g_ptr_array_index (row->problems, p);
          JsonObject *item = json_object_new ();

          json_object_set_string_member (item, "code",
                                         chamber_import_problem_code_to_string (problem->code));
          json_object_set_string_member (item, "message", problem->message);
          json_array_add_object_element (problems, item);
          role_unknown |= problem->code == CHAMBER_IMPORT_PROBLEM_UNKNOWN_ROLE;
        }
      json_object_set_string_member (person, "name",
                                     row->person->name != NULL ? row->person->name : "");
      json_object_set_string_member (person, "role",
                                     role_unknown ? row->role_text
                                                  : chamber_role_to_string (row->person->role));
      chamber_json_object_set_optional_string (person, "group", row->person->group_name);
      chamber_json_object_set_optional_string (person, "committee", row->person->committee);
      chamber_json_object_set_optional_string (person, "title", row->person->title);
      chamber_json_object_set_optional_string (person, "agency", row->person->agency);
      if (row->person->id > 0)
        json_object_set_int_member (person, "id", row->person->id);

      json_object_set_int_member (entry, "line", row->line);
      json_object_set_object_member (entry, "person", person);
      json_object_set_array_member (entry, "problems", problems);
      json_array_add_object_element (rows, entry);
    }
  json_object_set_array_member (object, "rows", rows);
  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, object);
  return node;
}

/* ---- reading an answer (clients) ------------------------------------------------------------ */

/* @object's string @member, or NULL when absent, null or not a string. */
static const char *
answer_string (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* @object's integer @member in 0…@max, or -1 when absent or not such an integer. */
static gint64
answer_count (JsonObject *object, const char *member, gint64 max)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return -1;
  value = json_node_get_int (node);
  return value >= 0 && value <= max ? value : -1;
}

static JsonArray *
answer_array (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static ChamberPeopleImportRow *
row_from_json (JsonObject *entry)
{
  ChamberPeopleImportRow *row;
  JsonNode *person_node = json_object_get_member (entry, "person");
  JsonObject *person;
  JsonArray *problems = answer_array (entry, "problems");
  gint64 line = answer_count (entry, "line", G_MAXUINT);
  const char *role;
  JsonNode *id;

  if (line < 1 || person_node == NULL || !JSON_NODE_HOLDS_OBJECT (person_node)
      || problems == NULL)
    return NULL;
  person = json_node_get_object (person_node);

  row = g_new0 (ChamberPeopleImportRow, 1);
  row->line = (guint) line;
  row->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  row->person = chamber_person_new ();
  row->person->active = TRUE;
  row->person->name = g_strdup (answer_string (person, "name"));
  row->person->group_name = g_strdup (answer_string (person, "group"));
  row->person->committee = g_strdup (answer_string (person, "committee"));
  row->person->title = g_strdup (answer_string (person, "title"));
  row->person->agency = g_strdup (answer_string (person, "agency"));
  id = json_object_get_member (person, "id");
  if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_INT64
      && json_node_get_int (id) > 0)
    row->person->id = json_node_get_int (id);
  role = answer_string (person, "role");
  row->role_text = g_strdup (role != NULL ? role : "");
  if (role == NULL || !chamber_role_from_string (role, &row->person->role))
    row->person->role = CHAMBER_ROLE_DELEGATE;

  for (guint i = 0; i < json_array_get_length (problems); i++)
    {
      JsonNode *node = json_array_get_element (problems, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *code = answer_string (item, "code");
      const char *message = answer_string (item, "message");
      ChamberImportProblem *problem;

      if (message == NULL || *message == '\0')
        {
          row_free (row);
          return NULL;
        }
      problem = g_new0 (ChamberImportProblem, 1);
      problem->code = CHAMBER_IMPORT_PROBLEM_OTHER;
      for (int c = 0; c < CHAMBER_IMPORT_PROBLEM_OTHER; c++)
        if (g_strcmp0 (code, chamber_import_problem_code_to_string (c)) == 0)
          problem->code = c;
      problem->message = g_strdup (message);
      g_ptr_array_add (row->problems, problem);
    }
  return row;
}

ChamberPeopleImport *
chamber_people_import_from_json (JsonObject *object,
                                 GError    **error)
{
  g_autoptr (ChamberPeopleImport) import = NULL;
  JsonArray *rows = answer_array (object, "rows");
  const char *encoding = answer_string (object, "encoding");
  const char *separator = answer_string (object, "separator");
  gint64 valid, invalid, imported;
  gboolean encoding_known = FALSE;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (object == NULL || rows == NULL || json_array_get_length (rows) > CHAMBER_PEOPLE_IMPORT_MAX_ROWS)
    goto malformed;
  valid = answer_count (object, "valid", CHAMBER_PEOPLE_IMPORT_MAX_ROWS);
  invalid = answer_count (object, "invalid", CHAMBER_PEOPLE_IMPORT_MAX_ROWS);
  imported = answer_count (object, "imported", CHAMBER_PEOPLE_IMPORT_MAX_ROWS);
  if (valid < 0 || invalid < 0 || imported < 0 || imported > valid)
    goto malformed;

  import = g_new0 (ChamberPeopleImport, 1);
  import->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (int e = CHAMBER_CSV_ENCODING_UTF8; e <= CHAMBER_CSV_ENCODING_WINDOWS_1258; e++)
    if (g_strcmp0 (encoding, chamber_csv_encoding_to_string (e)) == 0)
      {
        import->encoding = e;
        encoding_known = TRUE;
      }
  if (!encoding_known)
    goto malformed;
  import->separator = separator != NULL && strlen (separator) == 1 ? separator[0] : ',';
  import->valid = (guint) valid;
  import->invalid = (guint) invalid;
  import->imported = (guint) imported;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      ChamberPeopleImportRow *row = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node))
        row = row_from_json (json_node_get_object (node));
      if (row == NULL)
        goto malformed;
      g_ptr_array_add (import->rows, row);
    }
  return g_steal_pointer (&import);

malformed:
  g_set_error_literal (error, CHAMBER_PEOPLE_IMPORT_ERROR, CHAMBER_PEOPLE_IMPORT_ERROR_MALFORMED,
                       _("the answer does not describe an import of people"));
  return NULL;
}
