/* chamber-desk-store.h — what the secretariat's desk changes in the server's store (issue 6):
 * session state transitions, editing and moving agenda items, deleting an unused item, copying
 * an agenda from another session, editing a person, and listing a person's tokens (never the
 * token or its hash). Each change is one transaction and moves the session's revision on, so
 * delegates' apps sync it. Used by chamberd; the rules live here so every client shares them. */
#pragma once

#include <json-glib/json-glib.h>

#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_DESK_ERROR (chamber_desk_error_quark ())

typedef enum {
  CHAMBER_DESK_ERROR_INVALID,   /* the change asked for is wrong in itself (a loop, …) */
  CHAMBER_DESK_ERROR_CONFLICT,  /* the change is refused in the present state */
} ChamberDeskError;

GQuark chamber_desk_error_quark (void);

/* preparing → open → closed, and closed → open; the same state is allowed too. */
gboolean chamber_session_state_may_change (ChamberSessionState from, ChamberSessionState to);

/* Writes @item's title, planned_minutes, questioning, parent_id and position (item->id names
 * it; its session and state are kept). A parent of another session, the item itself or one of
 * its sub-items is CHAMBER_DESK_ERROR_INVALID; an unknown item or parent NOT_FOUND. Siblings
 * are renumbered 0, 1, 2…; a position past the end goes last (item->position is set to where
 * it went). */
gboolean chamber_desk_store_update_item (ChamberStore *store, ChamberItem *item, GError **error);

/* Deletes an item with no sub-items, no documents and no live events; CONFLICT otherwise. */
gboolean chamber_desk_store_delete_item (ChamberStore *store, gint64 item_id, GError **error);

/* Copies the item tree of session @from_id into session @to_id, which must have no items
 * (CONFLICT). Titles, nesting, order, planned minutes and the questioning mark; states are
 * not-started. Returns the new items in tree order. */
GPtrArray *chamber_desk_store_copy_agenda (ChamberStore *store, gint64 to_id, gint64 from_id,
                                           GError **error);

/* Writes every member of @person (id names it). NOT_FOUND for an unknown id. */
gboolean chamber_desk_store_update_person (ChamberStore *store, const ChamberPerson *person,
                                           GError **error);

typedef struct {
  gint64  id;
  char   *created_at;    /* ISO 8601 UTC */
  char   *expires_at;    /* or NULL */
  char   *revoked_at;    /* or NULL */
  char   *last_used_at;  /* or NULL */
} ChamberTokenInfo;

void chamber_token_info_free (ChamberTokenInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberTokenInfo, chamber_token_info_free)

/* The tokens issued to @person_id, newest first (ChamberTokenInfo *). */
GPtrArray *chamber_desk_store_list_tokens (ChamberStore *store, gint64 person_id,
                                           GError **error);
/* Token {"id", "created_at", "expires_at"?, "revoked_at"?, "revoked", "last_used_at"?} */
JsonNode  *chamber_token_info_to_json (const ChamberTokenInfo *info);
/* The same read back (the client side); NULL with CHAMBER_PROTOCOL_ERROR. */
ChamberTokenInfo *chamber_token_info_from_json (JsonObject *object, GError **error);

G_END_DECLS
