/* chamber-csv.h — the CSV reader for the secretariat's spreadsheets (people, voter petitions).
 *
 * A council's spreadsheets arrive as Excel writes them: "CSV UTF-8" (UTF-8 with a byte order
 * mark), "Unicode text" (UTF-16 LE or BE with a mark, usually tab-separated), plain CSV in the
 * Vietnamese ANSI code page Windows-1258 (letters often as base letter + combining tone mark), or
 * UTF-8 without a mark. The encoding is detected (a mark → that encoding; otherwise valid UTF-8 →
 * UTF-8; otherwise Windows-1258, where a byte the code page does not define becomes U+FFFD) and
 * every field is returned as UTF-8 in NFC. The separator (`,`, `;` as Vietnamese-locale Excel
 * writes, or tab) is the one the header line uses most. Fields follow RFC 4180: a quoted field
 * may hold the separator, `""` for a quote and line breaks; lines end in CRLF, LF or CR, the last
 * one with or without a line break. Leading and trailing spaces of an unquoted field are dropped.
 * Blank lines, and lines whose fields are all empty (";;;;" that Excel writes for an empty row),
 * are skipped. Each row keeps the 1-based line number it starts on, so a consumer can name it.
 *
 * The reader does not judge rows: a row with more or fewer fields than the header is returned
 * as it is, for the consumer's preview to report. What it refuses, with a CHAMBER_CSV_ERROR
 * naming the line, is input it cannot read at all: over a limit, a quote never closed, a NUL
 * byte, no header. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHAMBER_CSV_ERROR (chamber_csv_error_quark ())

typedef enum {
  CHAMBER_CSV_ERROR_TOO_LARGE,           /* the input is over ChamberCsvLimits.max_bytes */
  CHAMBER_CSV_ERROR_TOO_MANY_ROWS,       /* over max_rows (the header not counted) */
  CHAMBER_CSV_ERROR_TOO_MANY_FIELDS,     /* a row with over max_fields fields */
  CHAMBER_CSV_ERROR_FIELD_TOO_LONG,      /* a field over max_field_bytes (UTF-8 bytes) */
  CHAMBER_CSV_ERROR_UNTERMINATED_QUOTE,  /* a quoted field not closed before the end */
  CHAMBER_CSV_ERROR_NUL_BYTE,            /* a NUL character in the text */
  CHAMBER_CSV_ERROR_ENCODING,            /* UTF-16 text that does not decode */
  CHAMBER_CSV_ERROR_EMPTY,               /* no header line: nothing but blank lines */
} ChamberCsvError;

GQuark chamber_csv_error_quark (void);

typedef enum {
  CHAMBER_CSV_ENCODING_UTF8,          /* UTF-8 without a byte order mark */
  CHAMBER_CSV_ENCODING_UTF8_BOM,      /* UTF-8 with a byte order mark (Excel "CSV UTF-8") */
  CHAMBER_CSV_ENCODING_UTF16LE,       /* with a mark (Excel "Unicode text") */
  CHAMBER_CSV_ENCODING_UTF16BE,       /* with a mark */
  CHAMBER_CSV_ENCODING_WINDOWS_1258,  /* no mark and not valid UTF-8 */
} ChamberCsvEncoding;

/* "utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1258": stable keys, used in the API. */
const char *chamber_csv_encoding_to_string (ChamberCsvEncoding encoding);

/* What the reader takes at most. chamber_csv_limits_init() fills the defaults below. */
typedef struct {
  gsize max_bytes;        /* of the input as given (before decoding) */
  guint max_rows;         /* data rows, the header not counted */
  guint max_fields;       /* per row */
  gsize max_field_bytes;  /* per field, UTF-8 */
} ChamberCsvLimits;

#define CHAMBER_CSV_DEFAULT_MAX_BYTES       (64 * 1024 * 1024)
#define CHAMBER_CSV_DEFAULT_MAX_ROWS        1000000
#define CHAMBER_CSV_DEFAULT_MAX_FIELDS      256
#define CHAMBER_CSV_DEFAULT_MAX_FIELD_BYTES (64 * 1024)

void chamber_csv_limits_init (ChamberCsvLimits *limits);

typedef struct {
  guint  line;      /* 1-based line of the input where the row starts */
  guint  n_fields;
  char **fields;    /* n_fields UTF-8 (NFC) strings, NULL-terminated */
} ChamberCsvRow;

typedef struct {
  ChamberCsvEncoding encoding;
  char               separator;  /* ',', ';' or '\t' */
  ChamberCsvRow     *header;     /* the first line that is not blank */
  GPtrArray         *rows;       /* ChamberCsvRow *: the data rows after the header, in order */
} ChamberCsvTable;

void chamber_csv_table_free (ChamberCsvTable *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberCsvTable, chamber_csv_table_free)

/* Reads @length bytes of @data (which need not be NUL-terminated). @limits NULL for the
 * defaults. Returns NULL with CHAMBER_CSV_ERROR on input it cannot read. */
ChamberCsvTable *chamber_csv_parse (const char             *data,
                                    gsize                   length,
                                    const ChamberCsvLimits *limits,
                                    GError                **error);

/* Reads the file at @path; a file over @limits->max_bytes is refused before it is read.
 * Fails with G_IO_ERROR when the file cannot be read. */
ChamberCsvTable *chamber_csv_parse_file (const char             *path,
                                         const ChamberCsvLimits *limits,
                                         GError                **error);

/* The field @column of @row (from 0), or NULL when the row has fewer fields. */
const char *chamber_csv_row_get (const ChamberCsvRow *row,
                                 int                  column);

/* TRUE when some field of @row holds U+FFFD, the mark of text decoded from a wrong encoding. */
gboolean chamber_csv_row_has_replacement (const ChamberCsvRow *row);

/* @text folded for comparing names and values typed by people: lower case, without diacritics
 * (đ → d, as chamber_search_fold()), NFC first so decomposed text folds the same, and every run
 * of spaces, '_', '-', '.' and '/' made one space, trimmed. “Họ và tên”, “HO VA TEN” and
 * “ho_va_ten” all fold to “ho va ten”. @text must be valid UTF-8. */
char *chamber_csv_fold_key (const char *text);

/* The index of the header's first column whose folded name equals one of @names folded
 * (NULL-terminated; e.g. { "họ và tên", "họ tên", "name", NULL }), or -1. */
int chamber_csv_table_find_column (const ChamberCsvTable *table,
                                   const char * const    *names);

G_END_DECLS
