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

typedef sqlite3_stmt ChamberStoreStatement;
void chamber_store_statement_release (ChamberStoreStatement *stmt);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberStoreStatement, chamber_store_statement_release)

G_END_DECLS
