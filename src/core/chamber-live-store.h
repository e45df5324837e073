/* chamber-live-store.h — the live session's events in the store (schema step 7, table
 * live_events): appended one by one, numbered from 1 per session, and read back to send to a
 * client that catches up or to rebuild a session's state (chamber-live-state.h) after chamberd
 * restarts. Used by chamberd; the minutes and statistics read a session through
 * chamber_live_store_load(). */
#pragma once

#include "chamber-live-state.h"
#include "chamber-store.h"

G_BEGIN_DECLS

/* Stores @event (a decided event of session @session_id, numbered "seq") in one transaction.
 * A number already stored is CHAMBER_STORE_ERROR_CONSTRAINT and stores nothing. On success
 * *@out_text (when not NULL) is the event's JSON text as stored and sent. */
gboolean          chamber_live_store_append (ChamberStore *store, gint64 session_id,
                                             JsonObject *event, char **out_text,
                                             GError **error);
/* The JSON texts of the events of @session_id numbered after @after_seq, in order; at most
 * @limit of them (0: all). Element type char *. */
GPtrArray        *chamber_live_store_list_events (ChamberStore *store, gint64 session_id,
                                                  gint64 after_seq, guint limit,
                                                  GError **error);
/* The number of the last event of @session_id (0 when none). */
gboolean          chamber_live_store_get_last_seq (ChamberStore *store, gint64 session_id,
                                                   gint64 *out_seq, GError **error);
/* The sessions that have live events, by id: gint64 each. */
GArray           *chamber_live_store_list_sessions (ChamberStore *store, GError **error);
/* The state of session @session_id: its agenda items and the people as context, then every
 * event replayed. An unknown session is CHAMBER_STORE_ERROR_NOT_FOUND; an event that does not
 * apply is CHAMBER_STORE_ERROR_CORRUPT naming it. */
ChamberLiveState *chamber_live_store_load (ChamberStore *store, gint64 session_id,
                                           GError **error);
/* Adds the session's items and every person of the store to @state (the context a decision
 * needs). */
gboolean          chamber_live_store_add_context (ChamberStore *store, ChamberLiveState *state,
                                                  GError **error);

/* A stamp of everything written to @store: it changes with every write through this
 * connection (sqlite3_total_changes64()) and every commit through another one (PRAGMA
 * data_version), and costs no table read. chamberd keeps a live session's context while the
 * stamp stays what it was after its own last write. */
typedef struct {
  gint64 changes;
  gint64 data_version;
} ChamberLiveStoreStamp;

gboolean          chamber_live_store_get_stamp (ChamberStore *store,
                                                ChamberLiveStoreStamp *out_stamp,
                                                GError **error);

G_END_DECLS
