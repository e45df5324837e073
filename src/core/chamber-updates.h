/* chamber-updates.h — on a laptop: which documents arrived by sync as a new version of one the
 * laptop held, and which version of each document a person last opened (tables
 * document_updates and document_opens, schema 6).
 *
 * A document shows as updated for a person while it arrived as a new version and that person
 * has not opened it since. The sync engine records arrivals (chamber-sync.c); the app records
 * openings. Errors are CHAMBER_STORE_ERROR. */
#pragma once

#include "chamber-store.h"

G_BEGIN_DECLS

/* Records that @document (whose replaces_* name the version it replaces) arrived as a new
 * version of a document this laptop held. Part of the caller's transaction when one is open. */
gboolean    chamber_updates_record_arrival (ChamberStore *store, const ChamberDocument *document,
                                            GError **error);
/* Records that @person_id opened @document now. */
gboolean    chamber_updates_mark_opened (ChamberStore *store, gint64 person_id,
                                         const ChamberDocument *document, GError **error);
/* TRUE when document @document_id arrived as a new version and @person_id has not opened it
 * since (any person's opening counts when @person_id is 0). */
gboolean    chamber_updates_is_updated (ChamberStore *store, gint64 person_id,
                                        gint64 document_id);
/* The ids (gint64 *, a set) of the documents of session @session_id that show as updated for
 * @person_id, or NULL with @error set. */
GHashTable *chamber_updates_list_session (ChamberStore *store, gint64 person_id,
                                          gint64 session_id, GError **error);

G_END_DECLS
