/* chamber-petition-import.h — voter petitions from the secretariat's CSV spreadsheets (issue 9):
 * read with chamber-csv.h (UTF-8 with or without a byte order mark, Windows-1258, UTF-16), the
 * columns found by their Vietnamese or English header names, the status and level in Vietnamese
 * or as the English keys, dates as YYYY-MM-DD or DD/MM/YYYY.
 *
 * prepare() checks every row and says what is wrong with each before anything is saved (the
 * preview); apply() saves every valid row in one transaction. A row whose content is similar to
 * an earlier petition (in the store or on an earlier line of the file) is "raised again" and
 * linked to it; one that is also from the same voters' meeting (same date and delegate group)
 * is a duplicate and is not saved again. */
#pragma once

#include <json-glib/json-glib.h>

#include "chamber-petitions.h"

G_BEGIN_DECLS

/* Rows of a petition spreadsheet, at most. */
#define CHAMBER_PETITION_IMPORT_MAX_ROWS 20000

typedef struct {
  guint            line;
  ChamberPetition *petition;     /* NULL when the row has errors */
  GPtrArray       *problems;     /* char *: what is wrong, each a sentence */
  gint64           similar_id;   /* the earlier petition in the store it raises again, or 0 */
  guint            similar_line; /* or the earlier line of this file, or 0 */
  double           similarity;
  gboolean         duplicate;    /* the same petition from the same meeting: not saved */
  gint64           created_id;   /* after apply() */
} ChamberPetitionImportRow;

typedef struct {
  char      *encoding;     /* chamber_csv_encoding_to_string () */
  GPtrArray *problems;     /* char *: problems of the whole file (a missing column) */
  GPtrArray *rows;         /* ChamberPetitionImportRow * */
  guint      n_valid;      /* rows that can be saved (raised again included) */
  guint      n_errors;
  guint      n_raised_again;
  guint      n_duplicates;
  guint      n_created;
} ChamberPetitionImport;

void chamber_petition_import_free (ChamberPetitionImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberPetitionImport, chamber_petition_import_free)

/* Reads @length bytes of CSV and checks every row against @store. Fails (CHAMBER_CSV_ERROR)
 * only on input that cannot be read at all; row problems are in the result. */
ChamberPetitionImport *chamber_petition_import_prepare (ChamberStore *store, const char *data,
                                                        gsize length, GError **error);
/* Saves the valid rows that are not duplicates, in one transaction, linking a row raised again
 * to the petition it raises again (looked up again, so an earlier row of the file counts).
 * Nothing is saved when the file has a problem of its own. */
gboolean chamber_petition_import_apply (ChamberStore *store, ChamberPetitionImport *import,
                                        gint64 person_id, GError **error);
/* {"encoding", "dry_run", "problems": [TEXT], "valid", "errors", "raised_again", "duplicates",
 *  "created", "rows": [{"line", "ok", "problems": [TEXT], "raised_again_of", "similar_line",
 *  "similarity", "duplicate", "id", "petition"}]} */
JsonNode *chamber_petition_import_to_json (const ChamberPetitionImport *import, gboolean dry_run);

/* A date as a spreadsheet writes it ("2026-03-05", "5/3/2026", "05-03-2026", "05.03.2026"),
 * as "YYYY-MM-DD"; NULL when it is not a real date. */
char *chamber_petition_import_parse_date (const char *text);

G_END_DECLS
