/* chamber-manifest.h — the session manifest: everything a delegate's laptop needs to hold one
 * session, as GET /api/v1/sessions/ID/manifest returns it (docs/protocol.md).
 *
 * The server builds it per person: a document the person may not read is absent, hash and all. */
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
} ChamberManifest;

ChamberManifest *chamber_manifest_new (void);
void             chamber_manifest_free (ChamberManifest *manifest);
/* Validates everything: sizes, counts, types, hashes, that every item's parent and every
 * document's item is in the manifest and belongs to the session. Errors are
 * CHAMBER_PROTOCOL_ERROR. */
ChamberManifest *chamber_manifest_parse (const char *data, gsize len, GError **error);
char            *chamber_manifest_to_json (const ChamberManifest *manifest, gsize *out_len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberManifest, chamber_manifest_free)

G_END_DECLS
