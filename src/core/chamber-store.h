/* chamber-store.h — the SQLite store shared by chamberd (the authority) and the app/CLI
 * (a local mirror of what was synced).
 *
 * One file, WAL mode, foreign keys on, schema version in PRAGMA user_version with forward
 * migrations run by chamber_store_open(). Every mutating call is one transaction unless the
 * caller already opened one with chamber_store_begin(). Prepared statements only.
 *
 * A ChamberStore is used from one thread at a time. */
#pragma once

#include <gio/gio.h>

#include "chamber-model.h"

G_BEGIN_DECLS

#define CHAMBER_STORE_ERROR (chamber_store_error_quark ())

typedef enum {
  CHAMBER_STORE_ERROR_OPEN,        /* the file cannot be opened or created */
  CHAMBER_STORE_ERROR_CORRUPT,     /* not a database, or integrity check failed */
  CHAMBER_STORE_ERROR_TOO_NEW,     /* written by a newer Chamber */
  CHAMBER_STORE_ERROR_NOT_FOUND,   /* no row with that id */
  CHAMBER_STORE_ERROR_CONSTRAINT,  /* a rule of the data was broken (unknown parent, duplicate…) */
  CHAMBER_STORE_ERROR_FULL,        /* disk full */
  CHAMBER_STORE_ERROR_FAILED,
} ChamberStoreError;

GQuark chamber_store_error_quark (void);

/* The newest schema this build writes. */
#define CHAMBER_STORE_SCHEMA_VERSION 13

#define CHAMBER_TYPE_STORE (chamber_store_get_type ())
G_DECLARE_FINAL_TYPE (ChamberStore, chamber_store, CHAMBER, STORE, GObject)

/* Opens (creating when missing) and migrates the database at @path. */
ChamberStore *chamber_store_open (const char *path, GError **error);
const char   *chamber_store_get_path (ChamberStore *self);
int           chamber_store_get_schema_version (ChamberStore *self);
/* PRAGMA integrity_check == "ok". */
gboolean      chamber_store_check_integrity (ChamberStore *self, GError **error);
/* The value of one setting of this store's connection, for diagnostics and tests: one of
 * "journal_mode", "foreign_keys", "synchronous", "busy_timeout", "user_version"; NULL for any
 * other name. Free with g_free(). */
char         *chamber_store_dup_pragma (ChamberStore *self, const char *name);

/* Explicit transactions for a logical change that spans several calls. Nested begin() calls
 * are counted; only the outermost commit()/rollback() reaches SQLite. */
/* An inner rollback() undoes only what was done since its own begin() (a savepoint), so a call
 * that fails inside a caller's transaction leaves the rest of that transaction intact; nothing
 * is final before the outermost commit(). */
gboolean chamber_store_begin (ChamberStore *self, GError **error);
gboolean chamber_store_commit (ChamberStore *self, GError **error);
void     chamber_store_rollback (ChamberStore *self);

/* Council and term (nhiệm kỳ): one row each for now; sessions belong to them. */
gboolean chamber_store_set_council (ChamberStore *self, const char *name, const char *term,
                                    GError **error);
/* Returns FALSE without error when unset. */
gboolean chamber_store_get_council (ChamberStore *self, char **out_name, char **out_term,
                                    GError **error);

/* Sessions. insert assigns session->id (and revision 1); upsert keeps the given id
 * (used by the client mirror). */
gboolean        chamber_store_insert_session (ChamberStore *self, ChamberSession *session,
                                              GError **error);
gboolean        chamber_store_upsert_session (ChamberStore *self, const ChamberSession *session,
                                              GError **error);
gboolean        chamber_store_update_session (ChamberStore *self, const ChamberSession *session,
                                              GError **error);
ChamberSession *chamber_store_get_session (ChamberStore *self, gint64 id, GError **error);
/* Element type ChamberSession, ordered by number descending (newest first). */
GPtrArray      *chamber_store_list_sessions (ChamberStore *self, GError **error);
/* Bumps and returns the session's revision (for the manifest). */
/* update_session(), insert_item() and insert_document() bump it themselves; the upsert
 * functions keep the revision they are given. */
gint64          chamber_store_bump_revision (ChamberStore *self, gint64 session_id, GError **error);

/* Agenda items. insert assigns item->id; when item->position < 0 the item goes last among its
 * siblings. The parent must belong to the same session (CONSTRAINT otherwise). */
/* insert at a position moves the siblings from there on down by one (a position past the end
 * goes last) and stores the final position in item->position. An unknown session is
 * NOT_FOUND; an unknown parent, or a parent that is the item or one of its sub-items, is
 * CONSTRAINT. */
gboolean     chamber_store_insert_item (ChamberStore *self, ChamberItem *item, GError **error);
gboolean     chamber_store_upsert_item (ChamberStore *self, const ChamberItem *item,
                                        GError **error);
ChamberItem *chamber_store_get_item (ChamberStore *self, gint64 id, GError **error);
/* Element type ChamberItem, in tree order: depth-first, siblings by position. */
GPtrArray   *chamber_store_list_items (ChamberStore *self, gint64 session_id, GError **error);

/* People. */
gboolean       chamber_store_insert_person (ChamberStore *self, ChamberPerson *person,
                                            GError **error);
gboolean       chamber_store_upsert_person (ChamberStore *self, const ChamberPerson *person,
                                            GError **error);
ChamberPerson *chamber_store_get_person (ChamberStore *self, gint64 id, GError **error);
/* Element type ChamberPerson, by role then name. */
GPtrArray     *chamber_store_list_people (ChamberStore *self, GError **error);

/* Documents. insert assigns document->id and sets session_id from the item; the version is
 * 1 + the highest version of a document with the same item and title, which it replaces
 * (replaces_id, _version and _sha256 are set; none for a version 1). access NULL = "all".
 * changed_at is the session revision of the last change to the document or its access (set by
 * insert and set_document_access; upsert keeps what it is given, like the replaces_* fields). */
gboolean         chamber_store_insert_document (ChamberStore *self, ChamberDocument *document,
                                                GError **error);
gboolean         chamber_store_upsert_document (ChamberStore *self, const ChamberDocument *document,
                                                GError **error);
ChamberDocument *chamber_store_get_document (ChamberStore *self, gint64 id, GError **error);
/* Element type ChamberDocument, by item tree order then title. */
GPtrArray       *chamber_store_list_documents (ChamberStore *self, gint64 session_id,
                                               GError **error);
/* Documents of one item, by title. */
GPtrArray       *chamber_store_list_item_documents (ChamberStore *self, gint64 item_id,
                                                    GError **error);
/* Replaces the access list of document @document_id (NULL or empty: "all") and bumps its
 * session's revision, in one transaction. Each entry is "all", "group:NAME" or "person:ID"
 * (CONSTRAINT otherwise); an unknown document is NOT_FOUND. */
gboolean         chamber_store_set_document_access (ChamberStore *self, gint64 document_id,
                                                    const char *const *access, GError **error);
/* TRUE when @person may read @document (access "all", their group, or their id; secretariat,
 * admin and chair read everything). A draft only the secretariat and admin read. */
gboolean         chamber_store_person_may_read (ChamberStore *self, const ChamberPerson *person,
                                                const ChamberDocument *document);
/* TRUE when some document with this hash is readable by @person (a draft only by the
 * secretariat and admin). */
gboolean         chamber_store_blob_readable_by (ChamberStore *self, const char *sha256,
                                                 const ChamberPerson *person, GError **error);

/* Access tokens (server side). Only the SHA-256 of a token is stored. */
gboolean       chamber_store_insert_token (ChamberStore *self, gint64 person_id,
                                           const char *token_hash, const char *expires_at,
                                           gint64 *out_id, GError **error);
/* The active person owning a non-revoked, non-expired token with this hash; NULL without an
 * error when there is none. Updates the token's last use. */
/* (The last use is written at most once a minute per token. insert_token() takes @expires_at
 * as ISO 8601 with any offset and stores it in UTC; an unknown person is NOT_FOUND.) */
ChamberPerson *chamber_store_lookup_token (ChamberStore *self, const char *token_hash,
                                           GError **error);
gboolean       chamber_store_revoke_token (ChamberStore *self, gint64 token_id, GError **error);
/* The person a token was issued to (revoked and expired tokens too); NOT_FOUND for an unknown
 * token id. */
ChamberPerson *chamber_store_get_token_person (ChamberStore *self, gint64 token_id,
                                               GError **error);

/* Client side: the blobs this laptop holds, verified. */
gboolean chamber_store_mark_blob_held (ChamberStore *self, const char *sha256, gint64 bytes,
                                       GError **error);
gboolean chamber_store_is_blob_held (ChamberStore *self, const char *sha256);

/* Client side: replaces the mirror of one session (its row, items and documents; people are
 * upserted) in one transaction. Items and documents absent from the arrays are deleted. */
gboolean chamber_store_replace_session_mirror (ChamberStore *self, const ChamberSession *session,
                                               GPtrArray *items, GPtrArray *documents,
                                               GPtrArray *people, GError **error);

/* Small key/value settings (client: last manifest ETag per session, …). */
/* set_setting() with value NULL removes the key. */
gboolean chamber_store_set_setting (ChamberStore *self, const char *key, const char *value,
                                    GError **error);
char    *chamber_store_get_setting (ChamberStore *self, const char *key);

G_END_DECLS
