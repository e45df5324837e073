/* chamber-csv.c — the CSV reader for the secretariat's spreadsheets: encoding detection and
 * decoding to NFC UTF-8 (UTF-8 with or without a mark, UTF-16 with a mark, Windows-1258), the
 * separator taken from the header line, RFC 4180 fields with line numbers, limits, and the
 * folding of header names and values for comparison. See chamber-csv.h. */
#include "config.h"

#include "chamber-csv.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "chamber-search.h"

G_DEFINE_QUARK (chamber-csv-error-quark, chamber_csv_error)

#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

const char *
chamber_csv_encoding_to_string (ChamberCsvEncoding encoding)
{
  switch (encoding)
    {
    case CHAMBER_CSV_ENCODING_UTF8:
      return "utf-8";
    case CHAMBER_CSV_ENCODING_UTF8_BOM:
      return "utf-8-bom";
    case CHAMBER_CSV_ENCODING_UTF16LE:
      return "utf-16le";
    case CHAMBER_CSV_ENCODING_UTF16BE:
      return "utf-16be";
    case CHAMBER_CSV_ENCODING_WINDOWS_1258:
      return "windows-1258";
    default:
      return "unknown";
    }
}

void
chamber_csv_limits_init (ChamberCsvLimits *limits)
{
  limits->max_bytes = CHAMBER_CSV_DEFAULT_MAX_BYTES;
  limits->max_rows = CHAMBER_CSV_DEFAULT_MAX_ROWS;
  limits->max_fields = CHAMBER_CSV_DEFAULT_MAX_FIELDS;
  limits->max_field_bytes = CHAMBER_CSV_DEFAULT_MAX_FIELD_BYTES;
}

static void
row_free (ChamberCsvRow *row)
{
  if (row == NULL)
    return;
  g_strfreev (row->fields);
  g_free (row);
}

void
chamber_csv_table_free (ChamberCsvTable *table)
{
  if (table == NULL)
    return;
  row_free (table->header);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_free (table);
}

const char *
chamber_csv_row_get (const ChamberCsvRow *row,
                     int                  column)
{
  if (row == NULL || column < 0 || (guint) column >= row->n_fields)
    return NULL;
  return row->fields[column];
}

gboolean
chamber_csv_row_has_replacement (const ChamberCsvRow *row)
{
  for (guint i = 0; i < row->n_fields; i++)
    if (strstr (row->fields[i], REPLACEMENT_CHARACTER) != NULL)
      return TRUE;
  return FALSE;
}

/* The 1-based line of @data on which byte @offset stands. */
static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
      line++;
  return line;
}

/* Windows-1258 @data decoded byte by byte through iconv, so that a byte the code page leaves
 * undefined becomes U+FFFD instead of failing the whole file. */
static char *
decode_windows_1258 (const char *data,
                     gsize       length)
{
  GIConv conv = g_iconv_open ("UTF-8", "WINDOWS-1258");
  GString *out = g_string_sized_new (length + length / 2 + 1);
  char *in = (char *) data;
  gsize in_left = length;

  g_assert (conv != (GIConv) -1);
  while (in_left > 0)
    {
      char buffer[4096];
      char *outp = buffer;
      gsize out_left = sizeof buffer;
      gsize done = g_iconv (conv, &in, &in_left, &outp, &out_left);

      g_string_append_len (out, buffer, outp - buffer);
      if (done == (gsize) -1)
        {
          if (errno == E2BIG)
            continue;
          /* EILSEQ or EINVAL: an undefined byte. What iconv holds back goes first. */
          outp = buffer;
          out_left = sizeof buffer;
          g_iconv (conv, NULL, NULL, &outp, &out_left);
          g_string_append_len (out, buffer, outp - buffer);
          g_string_append (out, REPLACEMENT_CHARACTER);
          in++;
          in_left--;
        }
    }
  /* Flush a base letter iconv may hold back, waiting for a combining mark. */
  {
    char buffer[64];
    char *outp = buffer;
    gsize out_left = sizeof buffer;

    g_iconv (conv, NULL, NULL, &outp, &out_left);
    g_string_append_len (out, buffer, outp - buffer);
  }
  g_iconv_close (conv);
  return g_string_free (out, FALSE);
}

/* @data decoded to UTF-8 (not yet normalised), with its encoding. */
static char *
decode (const char          *data,
        gsize                length,
        gsize               *out_length,
        ChamberCsvEncoding  *encoding,
        GError             **error)
{
  const guchar *bytes = (const guchar *) data;
  const char *nul;
  char *text;

  if (length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
    {
      *encoding = CHAMBER_CSV_ENCODING_UTF8_BOM;
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) ||
                           (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    {
      gboolean le = bytes[0] == 0xFF;
      g_autoptr (GError) local_error = NULL;
      gsize read = 0;

      *encoding = le ? CHAMBER_CSV_ENCODING_UTF16LE : CHAMBER_CSV_ENCODING_UTF16BE;
      text = g_convert (data + 2, length - 2, "UTF-8", le ? "UTF-16LE" : "UTF-16BE",
                        &read, out_length, &local_error);
      if (text == NULL)
        {
          g_autofree char *partial = g_convert (data + 2, read - read % 2, "UTF-8",
                                                le ? "UTF-16LE" : "UTF-16BE", NULL, NULL, NULL);
          g_set_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_ENCODING,
                       _("Line %u: the file is marked as UTF-16 but does not decode as UTF-16. "
                         "Save it again from the spreadsheet as “CSV UTF-8”."),
                       partial != NULL ? line_at (partial, strlen (partial)) : 1);
          return NULL;
        }
      nul = memchr (text, '\0', *out_length);
      if (nul != NULL)
        {
          g_set_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_NUL_BYTE,
                       _("Line %u holds a NUL character; this is not a text file a spreadsheet "
                         "saved."), line_at (text, nul - text));
          g_free (text);
          return NULL;
        }
      return text;
    }
  else
    *encoding = CHAMBER_CSV_ENCODING_UTF8;

  nul = length > 0 ? memchr (data, '\0', length) : NULL;
  if (nul != NULL)
    {
      g_set_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_NUL_BYTE,
                   _("Line %u holds a NUL character; this is not a text file a spreadsheet "
                     "saved."), line_at (data, nul - data));
      return NULL;
    }

  if (length == 0 || g_utf8_validate_len (data, length, NULL))
    {
      *out_length = length;
      return length == 0 ? g_strdup ("") : g_strndup (data, length);
    }

  if (*encoding == CHAMBER_CSV_ENCODING_UTF8)
    {
      *encoding = CHAMBER_CSV_ENCODING_WINDOWS_1258;
      text = decode_windows_1258 (data, length);
      *out_length = strlen (text);
      return text;
    }

  /* Marked as UTF-8 but not valid: keep what is valid, mark the rest. */
  {
    GString *out = g_string_sized_new (length);
    const char *p = data;
    const char *end = data + length;

    while (p < end)
      {
        const char *valid_end;

        if (g_utf8_validate_len (p, end - p, &valid_end))
          {
            g_string_append_len (out, p, end - p);
            break;
          }
        g_string_append_len (out, p, valid_end - p);
        g_string_append (out, REPLACEMENT_CHARACTER);
        p = valid_end + 1;
      }
    *out_length = out->len;
    return g_string_free (out, FALSE);
  }
}

/* The separator the header line (the first line with anything on it) uses most, counted
 * outside quotes: tab, then ';', then ',' on a tie; ',' when it has none. */
static char
detect_separator (const char *text,
                  gsize       length)
{
  gsize counts[3] = { 0, 0, 0 };  /* tab, ';', ',' */
  gboolean quoted = FALSE;
  gboolean seen = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (seen)
            break;
        }
      else if (!quoted && c == '\t')
        counts[0]++;
      else if (!quoted && c == ';')
        counts[1]++;
      else if (!quoted && c == ',')
        counts[2]++;
      if (c != '\n' && c != '\r' && c != ' ')
        seen = TRUE;
    }

  if (counts[0] > 0 && counts[0] >= counts[1] && counts[0] >= counts[2])
    return '\t';
  if (counts[1] > 0 && counts[1] >= counts[2])
    return ';';
  return ',';
}

typedef struct {
  const ChamberCsvLimits *limits;
  GPtrArray              *fields;  /* char * */
  GString                *field;
  gboolean                field_quoted;
  guint                   row_line;
} Parser;

static gboolean
end_field (Parser  *parser,
           GError **error)
{
  char *value;

  if (parser->fields->len >= parser->limits->max_fields)
    {
      g_set_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_TOO_MANY_FIELDS,
                   _("Line %u has more than %u fields."), parser->row_line,
                   parser->limits->max_fields);
      return FALSE;
    }
  value = NULL;
  for (gsize i = 0; i < parser->field->len; i++)
    if ((guchar) parser->field->str[i] >= 0x80)
      {
        value = g_utf8_normalize (parser->field->str, parser->field->len, G_NORMALIZE_NFC);
        break;
      }
  if (value == NULL)
    value = g_strndup (parser->field->str, parser->field->len);
  if (!parser->field_quoted)
    g_strstrip (value);
  g_ptr_array_add (parser->fields, value);
  g_string_truncate (parser->field, 0);
  parser->field_quoted = FALSE;
  return TRUE;
}

static gboolean
only_spaces (GString *field)
{
  for (gsize i = 0; i < field->len; i++)
    if (field->str[i] != ' ')
      return FALSE;
  return TRUE;
}

static gboolean
fields_blank (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *value = g_ptr_array_index (fields, i);

      for (const char *p = value; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}

ChamberCsvTable *
chamber_csv_parse (const char             *data,
                   gsize                   length,
                   const ChamberCsvLimits *limits,
                   GError                **error)
{
  ChamberCsvLimits defaults;
  g_autoptr (ChamberCsvTable) table = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GString) field = NULL;
  gsize text_length = 0;
  ChamberCsvEncoding encoding;
  Parser parser;
  guint line = 1;
  gboolean quoted = FALSE;
  guint quote_line = 0;
  gboolean in_row = FALSE;

  if (limits == NULL)
    {
      chamber_csv_limits_init (&defaults);
      limits = &defaults;
    }

  if (length > limits->max_bytes)
    {
      g_set_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_TOO_LARGE,
                   _("The file is too large (%llu bytes; at most %llu are taken)."),
                   (unsigned long long) length, (unsigned long long) limits->max_bytes);
      return NULL;
    }

  text = decode (data, length, &text_length, &encoding, error);
  if (text == NULL)
    return NULL;

  table = g_new0 (ChamberCsvTable, 1);
  table->encoding = encoding;
  table->separator = detect_separator (text, text_length);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  field = g_string_new (NULL);
  parser.limits = limits;
  parser.fields = g_ptr_array_new_with_free_func (g_free);
  parser.field = field;
  parser.field_quoted = FALSE;
  parser.row_line = 1;

  for (gsize i = 0; i <= text_length; i++)
    {
      gboolean at_end = i == text_length;
      char c = at_end ? '\n' : text[i];

      if (quoted && !at_end)
        {
          if (c == '"')
            {
              if (i + 1 < text_length && text[i + 1] == '"')
                {
                  g_string_append_c (field, '"');
                  i++;
                }
              else
                quoted = FALSE;
            }
          else
            {
              if (c == '\r' || c == '\n')
                {
                  if (c == '\r' && i + 1 < text_length && text[i + 1] == '\n')
                    i++;
                  line++;
                  c = '\n';
                }
              g_string_append_c (field, c);
            }
        }
      else if (quoted && at_end)
        {
          g_set_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_UNTERMINATED_QUOTE,
                       _("Line %u: a quoted field is never closed (a \" is missing)."),
                       quote_line);
          g_ptr_array_unref (parser.fields);
          return NULL;
        }
      else if (c == '"' && !parser.field_quoted && only_spaces (field))
        {
          /* A field that starts with a quote (leading spaces of it not kept). */
          g_string_truncate (field, 0);
          quoted = TRUE;
          quote_line = line;
          parser.field_quoted = TRUE;
          if (!in_row)
            parser.row_line = line;
          in_row = TRUE;
        }
      else if (c == '"' && parser.field_quoted)
        {
          /* Text after a closing quote: kept, as spreadsheets do. */
          quoted = TRUE;
          g_string_append_c (field, '"');
        }
      else if (c == table->separator)
        {
          if (!in_row)
            parser.row_line = line;
          in_row = TRUE;
          if (!end_field (&parser, error))
            {
              g_ptr_array_unref (parser.fields);
              return NULL;
            }
        }
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && i + 1 < text_length && text[i + 1] == '\n')
            i++;
          if (!at_end || in_row || field->len > 0)
            {
              if (!end_field (&parser, error))
                {
                  g_ptr_array_unref (parser.fields);
                  return NULL;
                }
              if (!fields_blank (parser.fields))
                {
                  ChamberCsvRow *row = g_new0 (ChamberCsvRow, 1);

                  row->line = parser.row_line;
                  row->n_fields = parser.fields->len;
                  g_ptr_array_add (parser.fields, NULL);
                  row->fields = (char **) g_ptr_array_steal (parser.fields, NULL);
                  g_ptr_array_unref (parser.fields);
                  parser.fields = g_ptr_array_new_with_free_func (g_free);

                  if (table->header == NULL)
                    table->header = row;
                  else if (table->rows->len >= limits->max_rows)
                    {
                      g_set_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_TOO_MANY_ROWS,
                                   _("Line %u: the file has more than %u rows."), row->line,
                                   limits->max_rows);
                      row_free (row);
                      g_ptr_array_unref (parser.fields);
                      return NULL;
                    }
                  else
                    g_ptr_array_add (table->rows, row);
                }
              else
                g_ptr_array_set_size (parser.fields, 0);
            }
          in_row = FALSE;
          line++;
        }
      else
        {
          if (!in_row)
            parser.row_line = line;
          in_row = TRUE;
          g_string_append_c (field, c);
        }

      if (field->len > limits->max_field_bytes)
        {
          g_set_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_FIELD_TOO_LONG,
                       _("Line %u has a field longer than %llu bytes."), parser.row_line,
                       (unsigned long long) limits->max_field_bytes);
          g_ptr_array_unref (parser.fields);
          return NULL;
        }
    }
  g_ptr_array_unref (parser.fields);

  if (table->header == NULL)
    {
      g_set_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_EMPTY,
                   _("The file is empty: it has no header line."));
      return NULL;
    }
  return g_steal_pointer (&table);
}

ChamberCsvTable *
chamber_csv_parse_file (const char             *path,
                        const ChamberCsvLimits *limits,
                        GError                **error)
{
  ChamberCsvLimits defaults;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (limits == NULL)
    {
      chamber_csv_limits_init (&defaults);
      limits = &defaults;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file."), path);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > limits->max_bytes)
    {
      g_set_error (error, CHAMBER_CSV_ERROR, CHAMBER_CSV_ERROR_TOO_LARGE,
                   _("The file is too large (%llu bytes; at most %llu are taken)."),
                   (unsigned long long) g_file_info_get_size (info),
                   (unsigned long long) limits->max_bytes);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  return chamber_csv_parse (contents, length, limits, error);
}

char *
chamber_csv_fold_key (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = chamber_search_fold (nfc != NULL ? nfc : text, -1);
  GString *key = g_string_sized_new (strlen (folded));
  gboolean space = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isspace (c) || c == '_' || c == '-' || c == '.' || c == '/')
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

int
chamber_csv_table_find_column (const ChamberCsvTable *table,
                               const char * const    *names)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (keys, chamber_csv_fold_key (names[i]));

  for (guint column = 0; column < table->header->n_fields; column++)
    {
      g_autofree char *key = chamber_csv_fold_key (table->header->fields[column]);

      for (guint i = 0; i < keys->len; i++)
        if (g_strcmp0 (key, g_ptr_array_index (keys, i)) == 0)
          return column;
    }
  return -1;
}
