/* chamber-people-import.h — people from the secretariat's spreadsheet (a CSV file read by
 * chamber-csv): the preview that lists every row's problems before anything is saved, and the
 * import that saves every row without a problem in one transaction. chamberd answers
 * POST /api/v1/people/import with it; the app and chamberctl show its rows.
 *
 * Columns are found by their header, in Vietnamese or English, without regard to case or
 * diacritics (docs/protocol.md lists the names): name (required), role, group, committee,
 * title, agency. A role is an English key or its Vietnamese name ("đại biểu", "chủ tọa",
 * "thư ký", "văn phòng", "khách mời", "người trả lời chất vấn"…); an empty role is a delegate. */
#pragma once

#include <json-glib/json-glib.h>

#include "chamber-csv.h"
#include "chamber-model.h"
#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_PEOPLE_IMPORT_MAX_BYTES (5 * 1024 * 1024)
#define CHAMBER_PEOPLE_IMPORT_MAX_ROWS  5000

#define CHAMBER_PEOPLE_IMPORT_ERROR (chamber_people_import_error_quark ())

typedef enum {
  CHAMBER_PEOPLE_IMPORT_ERROR_NO_NAME_COLUMN,  /* the header has no name column */
  CHAMBER_PEOPLE_IMPORT_ERROR_MALFORMED,       /* an answer that is not an import's */
} ChamberPeopleImportError;

GQuark chamber_people_import_error_quark (void);

typedef enum {
  CHAMBER_IMPORT_PROBLEM_MISSING_NAME,
  CHAMBER_IMPORT_PROBLEM_UNKNOWN_ROLE,
  CHAMBER_IMPORT_PROBLEM_WRONG_COLUMNS,
  CHAMBER_IMPORT_PROBLEM_DUPLICATE,    /* the same name and role earlier in the file */
  CHAMBER_IMPORT_PROBLEM_EXISTS,       /* the same name and role already stored */
  CHAMBER_IMPORT_PROBLEM_BAD_ENCODING, /* U+FFFD in the row */
  CHAMBER_IMPORT_PROBLEM_NOT_ALLOWED,  /* admin/secretariat row imported by the secretariat */
  CHAMBER_IMPORT_PROBLEM_TOO_LONG,     /* a value over CHAMBER_PROTOCOL_MAX_STRING bytes */
  CHAMBER_IMPORT_PROBLEM_OTHER,        /* read from a server that knows more codes */
} ChamberImportProblemCode;

/* "missing-name", "unknown-role", "wrong-columns", "duplicate", "exists", "bad-encoding",
 * "not-allowed", "too-long" ("other" for CHAMBER_IMPORT_PROBLEM_OTHER) */
const char *chamber_import_problem_code_to_string (ChamberImportProblemCode code);

typedef struct {
  ChamberImportProblemCode code;
  char                    *message;  /* translated, for people */
} ChamberImportProblem;

typedef struct {
  guint          line;      /* 1-based line in the file */
  ChamberPerson *person;    /* id set once saved; role DELEGATE when unknown */
  char          *role_text; /* the role as written in the file ("" when empty) */
  GPtrArray     *problems;  /* ChamberImportProblem *; empty for a valid row */
} ChamberPeopleImportRow;

typedef struct {
  ChamberCsvEncoding encoding;
  char               separator;
  GPtrArray         *rows;      /* ChamberPeopleImportRow *, in file order */
  guint              valid;
  guint              invalid;
  guint              imported;  /* rows saved by chamber_people_import_apply() */
} ChamberPeopleImport;

void chamber_people_import_free (ChamberPeopleImport *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberPeopleImport, chamber_people_import_free)

/* A role as people write it (folded: "Đại biểu", "CHỦ TOẠ", "văn phòng", "official"…). */
gboolean chamber_people_import_role_from_text (const char *text, ChamberRole *out);

/* Reads @length bytes of CSV and checks every row against the file and the people of @store,
 * as @importer_role would import them; saves nothing. Fails with CHAMBER_CSV_ERROR for a file
 * that cannot be read, or CHAMBER_PEOPLE_IMPORT_ERROR without a name column. */
ChamberPeopleImport *chamber_people_import_preview (ChamberStore *store,
                                                    const char   *data,
                                                    gsize         length,
                                                    ChamberRole   importer_role,
                                                    GError      **error);

/* Saves every valid row of @import in one transaction (all or none), setting each person's id
 * and @import->imported. */
gboolean chamber_people_import_apply (ChamberStore        *store,
                                      ChamberPeopleImport *import,
                                      GError             **error);

/* The answer of POST /api/v1/people/import (docs/protocol.md). */
JsonNode *chamber_people_import_to_json (const ChamberPeopleImport *import,
                                         gboolean                   dry_run);
/* The other way, for clients: @object, an answer of POST /api/v1/people/import, as an import
 * (each person's id set once saved; a problem code this version does not know reads as
 * CHAMBER_IMPORT_PROBLEM_OTHER, its message kept). Fails with
 * CHAMBER_PEOPLE_IMPORT_ERROR_MALFORMED when @object is not such an answer. */
ChamberPeopleImport *chamber_people_import_from_json (JsonObject *object,
                                                      GError    **error);

G_END_DECLS
