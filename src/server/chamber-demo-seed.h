/* chamber-demo-seed.h — the demo's sample council session, generated into a data folder.
 *
 * `chamberd --data DIR demo` and `chamber --demo` use it: one regular session of the fictional
 * Hội đồng nhân dân tỉnh An Hòa with its agenda, delegates in groups, officials of several
 * departments, and a dozen multi-page documents laid out like Vietnamese official papers; a
 * recorded sitting of questioning with its commitments; and the work between sessions
 * (chamber-demo-followup.h): voters' petitions, a supervision sample with findings, the
 * commitments' follow-up and the sitting days' attendance. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CHAMBER_DEMO_SEED_ERROR (chamber_demo_seed_error_quark ())

typedef enum {
  CHAMBER_DEMO_SEED_ERROR_DATA_DIR,  /* the data folder or a temporary folder cannot be created */
  CHAMBER_DEMO_SEED_ERROR_GENERATE,  /* a sample document could not be written */
  CHAMBER_DEMO_SEED_ERROR_TOKENS,    /* demo-tokens.json could not be written */
} ChamberDemoSeedError;

GQuark chamber_demo_seed_error_quark (void);

/* Initialises DIR (DIR/chamber.db via chamber_store_open, DIR/blobs via chamber_blob_store_new)
 * and, when it holds no session yet, seeds the sample session and writes DIR/demo-tokens.json
 * (mode 0600):
 * {"admin": "chm_…", "secretariat": "chm_…", "chair": "chm_…", "delegate": "chm_…",
 *  "official": "chm_…"}.
 * When already seeded it changes nothing (and the tokens file stays). The seed is one
 * transaction: when any step fails nothing of it is kept. Errors come from this module, or from
 * CHAMBER_STORE_ERROR, CHAMBER_BLOB_ERROR and CHAMBER_PDF_ERROR when those modules fail. */
gboolean chamber_demo_seed_data_dir (const char *data_dir, GError **error);

G_END_DECLS
