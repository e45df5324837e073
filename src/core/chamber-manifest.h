/* chamber-manifest.h — the session manifest: everything a delegate's laptop needs to hold one
 * session, as GET /api/v1/sessions/ID/manifest returns it (docs/protocol.md).
 *
 * The server builds it per person: a document the person may not read is absent, hash and all,
 * and only the newest version of each document (the newest the person may read) is listed.
 *
 * An incremental manifest (GET …/manifest?since=REV) carries in full only the items and
 * documents changed after revision REV, and the ids of every item and document the full one
 * would list; chamber_manifest_merge() turns it and what a laptop holds into the full one. */
#pragma once

#include "chamber-model.h"

G_BEGIN_DECLS

#define CHAMBER_MANIFEST_FORMAT     1
#define CHAMBER_MANIFEST_MAX_BYTES  (16 * 1024 * 1024)
#define CHAMBER_MANIFEST_MAX_ITEMS  10000
#define CHAMBER_MANIFEST_MAX_DOCS   100000
#define CHAMBER_MANIFEST_MAX_PEOPLE 10000

typedef struct {
  int             format;     /* CHAMBER_MANIFEST_FORMAT */
  gint64          revision;
  ChamberSession *session;
  GPtrArray      *items;      /* ChamberItem, tree order */
  GPtrArray      *documents;  /* ChamberDocument */
  GPtrArray      *people;     /* ChamberPerson (no tokens, ever) */
  /* Appended: an incremental manifest lists in @items and @documents only what changed after
   * revision @since; @item_ids and @document_ids (gint64) hold every id the full one lists. */
  gboolean        incremental;
  gint64          since;
  GArray         *item_ids;
  GArray         *document_ids;
} ChamberManifest;

ChamberManifest *chamber_manifest_new (void);
void             chamber_manifest_free (ChamberManifest *manifest);
/* Validates everything: sizes, counts, types, hashes, that every item's parent and every
 * document's item is in the manifest and belongs to the session. Errors are
 * CHAMBER_PROTOCOL_ERROR. */
ChamberManifest *chamber_manifest_parse (const char *data, gsize len, GError **error);
char            *chamber_manifest_to_json (const ChamberManifest *manifest, gsize *out_len);

/* Keeps in @documents (ChamberDocument) only the newest version of each item and title, in the
 * order they had. */
void             chamber_manifest_keep_newest_versions (GPtrArray *documents);
/* The incremental manifest of @full (a full manifest built with changed_at on its records):
 * the items and documents with changed_at > @since, the ids of all. */
ChamberManifest *chamber_manifest_since (const ChamberManifest *full, gint64 since);
/* The full manifest that @incremental describes, taking the records it does not carry from
 * @held_items and @held_documents (what the laptop holds of that session, as of revision
 * @incremental->since). Fails with CHAMBER_PROTOCOL_ERROR_INVALID when an id it lists is
 * neither carried nor held, or a document's item or an item's parent is missing: the caller
 * then asks for the full manifest. A full @incremental is returned as a copy. */
ChamberManifest *chamber_manifest_merge (const ChamberManifest *incremental,
                                         GPtrArray *held_items, GPtrArray *held_documents,
                                         GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberManifest, chamber_manifest_free)

G_END_DECLS
