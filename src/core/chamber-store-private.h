/* chamber-store-private.h — for the core modules that keep their own tables in the store
 * (chamber-search.c, chamber-notes.c). Not for the server, app or CLI. */
#pragma once

#include <sqlite3.h>

#include "chamber-store.h"

G_BEGIN_DECLS

/* The store's connection, for modules that own tables of their own in the same schema. */
sqlite3      *chamber_store_get_db (ChamberStore *self);
/* A cached prepared statement for a static SQL string; reset it with sqlite3_reset() when done
 * (g_autoptr (ChamberStoreStatement) does it). */
sqlite3_stmt *chamber_store_prepare (ChamberStore *self, const char *static_sql, GError **error);
/* Sets @error from a failed SQLite call on this connection, as the store's own calls do. */
void          chamber_store_set_error (ChamberStore *self, int rc, GError **error);

/* Statement helpers shared by every module with tables in the store. */
void      chamber_store_bind_text (sqlite3_stmt *stmt, int index, const char *text);
/* Binds @id, or NULL when it is 0 or less ("none"). */
void      chamber_store_bind_id_or_null (sqlite3_stmt *stmt, int index, gint64 id);
char     *chamber_store_column_dup (sqlite3_stmt *stmt, int column);
/* Runs @stmt to its end, ignoring any rows. */
gboolean  chamber_store_step_done (ChamberStore *self, sqlite3_stmt *stmt, GError **error);
/* Steps @stmt once: TRUE with *out_row set when a row came or none is left, FALSE on error. */
gboolean  chamber_store_step_row (ChamberStore *self, sqlite3_stmt *stmt, gboolean *out_row,
                                  GError **error);
/* The current time as the store writes it: "YYYY-MM-DDTHH:MM:SSZ". */
char     *chamber_store_now_utc (void);

typedef sqlite3_stmt ChamberStoreStatement;
void chamber_store_statement_release (ChamberStoreStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberStoreStatement, chamber_store_statement_release)

G_END_DECLS
