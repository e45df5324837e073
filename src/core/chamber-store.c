/* chamber-store.c — the SQLite store: schema, migrations and the records of chamber-model.h.
 *
 * One connection per ChamberStore, prepared statements cached for the life of the store.
 * Transactions: the outermost chamber_store_begin() is BEGIN IMMEDIATE (so a transaction never
 * has to upgrade a read lock and fail with SQLITE_BUSY), nested levels are savepoints, so a
 * failed call inside a caller's transaction undoes only its own part and the caller decides. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "chamber-hash.h"
#include "chamber-store.h"
#include "chamber-store-private.h"

struct _ChamberStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;  /* static SQL text → sqlite3_stmt, prepared once */
  guint       depth;       /* open chamber_store_begin() levels */
  int         schema_version;
};

G_DEFINE_TYPE (ChamberStore, chamber_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (chamber-store-error-quark, chamber_store_error)

/* How long a connection waits for another one holding the write lock. */
#define BUSY_TIMEOUT_MS 5000

/* A token's last use is written at most this often, so that checking a token on every request
 * does not turn every request into a write. */
#define LAST_USE_RESOLUTION_S 60

/* The longest parent chain followed when checking an agenda for loops. */
#define MAX_ITEM_DEPTH 1000

/* Schema migrations, in order. Step N takes a database at user_version N-1 to N and runs in its
 * own transaction. A new schema version appends a step here and bumps
 * CHAMBER_STORE_SCHEMA_VERSION; a step already released is never edited. */
typedef struct
{
  int         version;
  const char *sql;
} Migration;

static const Migration migrations[] = {
  { 1,
    "CREATE TABLE council ("
    "  id   INTEGER PRIMARY KEY CHECK (id = 1),"
    "  name TEXT NOT NULL CHECK (name <> ''),"
    "  term TEXT"
    ");"
    "CREATE TABLE sessions ("
    "  id        INTEGER PRIMARY KEY,"
    "  number    INTEGER NOT NULL,"
    "  kind      TEXT NOT NULL DEFAULT 'regular'"
    "            CHECK (kind IN ('regular', 'thematic', 'extraordinary')),"
    "  title     TEXT NOT NULL CHECK (title <> ''),"
    "  place     TEXT,"
    "  starts_on TEXT CHECK (starts_on IS NULL"
    "                        OR starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  ends_on   TEXT CHECK (ends_on IS NULL"
    "                        OR ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  state     TEXT NOT NULL DEFAULT 'preparing'"
    "            CHECK (state IN ('preparing', 'open', 'closed')),"
    "  revision  INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 0)"
    ");"
    "CREATE TABLE items ("
    "  id              INTEGER PRIMARY KEY,"
    "  session_id      INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
    "  parent_id       INTEGER REFERENCES items (id) ON DELETE CASCADE,"
    "  position        INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),"
    "  title           TEXT NOT NULL CHECK (title <> ''),"
    "  planned_minutes INTEGER NOT NULL DEFAULT 0 CHECK (planned_minutes >= 0),"
    "  state           TEXT NOT NULL DEFAULT 'not-started'"
    "                  CHECK (state IN ('not-started', 'open', 'closed'))"
    ");"
    "CREATE INDEX items_by_session ON items (session_id, parent_id, position);"
    "CREATE INDEX items_by_parent ON items (parent_id);"
    "CREATE TRIGGER items_parent_in_session_on_insert BEFORE INSERT ON items"
    "  WHEN NEW.parent_id IS NOT NULL"
    "   AND (SELECT session_id FROM items WHERE id = NEW.parent_id) IS NOT NEW.session_id "
    "BEGIN"
    "  SELECT RAISE (ABORT, 'an agenda item must be under an item of its own session');"
    "END;"
    "CREATE TRIGGER items_parent_in_session_on_update"
    "  BEFORE UPDATE OF session_id, parent_id ON items"
    "  WHEN NEW.parent_id IS NOT NULL"
    "   AND (SELECT session_id FROM items WHERE id = NEW.parent_id) IS NOT NEW.session_id "
    "BEGIN"
    "  SELECT RAISE (ABORT, 'an agenda item must be under an item of its own session');"
    "END;"
    "CREATE TABLE people ("
    "  id         INTEGER PRIMARY KEY,"
    "  name       TEXT NOT NULL CHECK (name <> ''),"
    "  role       TEXT NOT NULL"
    "             CHECK (role IN ('delegate', 'chair', 'secretariat', 'admin', 'official')),"
    "  group_name TEXT,"
    "  title      TEXT,"
    "  agency     TEXT,"
    "  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))"
    ");"
    "CREATE TABLE documents ("
    "  id           INTEGER PRIMARY KEY,"
    "  session_id   INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
    "  item_id      INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,"
    "  title        TEXT NOT NULL CHECK (title <> ''),"
    "  kind         TEXT NOT NULL"
    "               CHECK (kind IN ('submission', 'report', 'draft-resolution', 'other')),"
    "  sha256       TEXT NOT NULL"
    "               CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),"
    "  bytes        INTEGER NOT NULL CHECK (bytes >= 0),"
    "  pages        INTEGER NOT NULL CHECK (pages >= 0),"
    "  version      INTEGER NOT NULL CHECK (version >= 1),"
    "  published_at TEXT,"
    "  UNIQUE (item_id, title, version)"
    ");"
    "CREATE INDEX documents_by_session ON documents (session_id);"
    "CREATE INDEX documents_by_sha256 ON documents (sha256);"
    "CREATE TRIGGER documents_in_item_session_on_insert BEFORE INSERT ON documents"
    "  WHEN (SELECT session_id FROM items WHERE id = NEW.item_id) IS NOT NEW.session_id "
    "BEGIN"
    "  SELECT RAISE (ABORT, 'a document must belong to the session of its agenda item');"
    "END;"
    "CREATE TRIGGER documents_in_item_session_on_update"
    "  BEFORE UPDATE OF session_id, item_id ON documents"
    "  WHEN (SELECT session_id FROM items WHERE id = NEW.item_id) IS NOT NEW.session_id "
    "BEGIN"
    "  SELECT RAISE (ABORT, 'a document must belong to the session of its agenda item');"
    "END;"
    "CREATE TABLE tokens ("
    "  id         INTEGER PRIMARY KEY,"
    "  person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
    "  token_hash TEXT NOT NULL UNIQUE CHECK (length (token_hash) = 64),"
    "  created_at TEXT NOT NULL,"
    "  expires_at TEXT,"
    "  revoked_at TEXT"
    ");"
    "CREATE INDEX tokens_by_person ON tokens (person_id);" },

  /* Per-document access lists (every document stored so far stays readable by all), the last
   * use of a token, the blobs a laptop holds, and small settings. */
  { 2,
    "CREATE TABLE document_access ("
    "  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
    "  entry       TEXT NOT NULL CHECK (entry = 'all' OR entry GLOB 'group:?*'"
    "                                   OR entry GLOB 'person:[1-9]*'),"
    "  UNIQUE (document_id, entry)"
    ");"
    "INSERT INTO document_access (document_id, entry) SELECT id, 'all' FROM documents;"
    "ALTER TABLE tokens ADD COLUMN last_used_at TEXT;"
    "CREATE TABLE local_blobs ("
    "  sha256     TEXT PRIMARY KEY"
    "             CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),"
    "  bytes      INTEGER NOT NULL CHECK (bytes >= 0),"
    "  fetched_at TEXT NOT NULL"
    ");"
    "CREATE TABLE settings ("
    "  key   TEXT PRIMARY KEY CHECK (key <> ''),"
    "  value TEXT NOT NULL"
    ");" },

  /* Full-text search over the pages of the documents this laptop holds (see chamber-search.c):
   * the text of each page as extracted, and an FTS5 index of the same text folded for search.
   * The index keeps no copy of the text (content = ''), and indexes prefixes of 1 to 3
   * characters so that a word being typed ("t", "ng") costs no more than a whole one. */
  { 3,
    "CREATE TABLE page_texts ("
    "  id     INTEGER PRIMARY KEY,"
    "  sha256 TEXT NOT NULL"
    "         CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),"
    "  page   INTEGER NOT NULL CHECK (page >= 1),"
    "  text   TEXT NOT NULL,"
    "  UNIQUE (sha256, page)"
    ");"
    "CREATE VIRTUAL TABLE page_index USING fts5 ("
    "  folded, content = '', prefix = '1 2 3',"
    "  tokenize = 'unicode61 remove_diacritics 2'"
    ");"
    "CREATE TABLE indexed_blobs ("
    "  sha256     TEXT PRIMARY KEY"
    "             CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),"
    "  pages      INTEGER NOT NULL CHECK (pages >= 0),"
    "  indexed_at TEXT NOT NULL"
    ");" },

  /* Private notes (see chamber-notes.c): highlights, notes and bookmarks of one person, anchored
   * by position and by the quoted text with its context, so that they can move to a new version
   * of the document. No foreign key to documents: a note outlives the version it was made on.
   * document_id and doc_version name the version a note belongs to; sha256 the content its page,
   * rectangle and quote describe (another version's for an unplaced note). */
  { 4,
    "CREATE TABLE notes ("
    "  id          INTEGER PRIMARY KEY,"
    "  person_id   INTEGER NOT NULL CHECK (person_id >= 1),"
    "  session_id  INTEGER NOT NULL CHECK (session_id >= 1),"
    "  item_id     INTEGER NOT NULL CHECK (item_id >= 1),"
    "  document_id INTEGER NOT NULL CHECK (document_id >= 1),"
    "  doc_title   TEXT NOT NULL CHECK (doc_title <> ''),"
    "  doc_version INTEGER NOT NULL CHECK (doc_version >= 1),"
    "  sha256      TEXT NOT NULL"
    "              CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),"
    "  kind        TEXT NOT NULL CHECK (kind IN ('highlight', 'note', 'bookmark')),"
    "  page        INTEGER NOT NULL CHECK (page >= 1),"
    "  x1 REAL, y1 REAL, x2 REAL, y2 REAL,"
    "  quote       TEXT,"
    "  prefix      TEXT,"
    "  suffix      TEXT,"
    "  body        TEXT,"
    "  color       TEXT CHECK (color IS NULL"
    "                          OR color GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'),"
    "  anchor      TEXT NOT NULL DEFAULT 'placed'"
    "              CHECK (anchor IN ('placed', 'moved', 'unplaced')),"
    "  created_at  TEXT NOT NULL,"
    "  updated_at  TEXT NOT NULL,"
    "  CHECK ((x1 IS NULL AND y1 IS NULL AND x2 IS NULL AND y2 IS NULL)"
    "         OR (x1 IS NOT NULL AND y1 IS NOT NULL AND x2 IS NOT NULL AND y2 IS NOT NULL"
    "             AND x1 <= x2 AND y1 <= y2)),"
    "  CHECK (kind <> 'highlight' OR (quote IS NOT NULL AND quote <> '' AND x1 IS NOT NULL))"
    ");"
    "CREATE INDEX notes_by_document ON notes (person_id, document_id, page);"
    "CREATE INDEX notes_by_session ON notes (person_id, session_id);" },

  /* The server's audit log (see chamber-audit.c): who published, changed access to, issued or
   * revoked a token for, or downloaded what, and when. No foreign keys: the log outlives what
   * it names. person_id NULL is chamberd itself (`init`, the demo seed). */
  { 5,
    "CREATE TABLE audit ("
    "  id          INTEGER PRIMARY KEY,"
    "  at          TEXT NOT NULL"
    "              CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),"
    "  person_id   INTEGER CHECK (person_id IS NULL OR person_id >= 1),"
    "  action      TEXT NOT NULL CHECK (action IN ('publish', 'access', 'token-issue',"
    "                                             'token-revoke', 'download')),"
    "  document_id INTEGER CHECK (document_id IS NULL OR document_id >= 1),"
    "  session_id  INTEGER CHECK (session_id IS NULL OR session_id >= 1),"
    "  detail      TEXT"
    ");"
    "CREATE INDEX audit_by_session ON audit (session_id, id);"
    "CREATE INDEX audit_by_delivery ON audit (session_id, action, person_id, document_id);"
    "CREATE INDEX audit_by_person ON audit (person_id, id);" },

  /* Versions and incremental manifests (docs/protocol.md): the session revision at which each
   * item and document last changed (its row or, for a document, who may read it), which earlier
   * version a document replaces, and the audit action "replace" (the table is rebuilt to widen
   * its CHECK). What was stored before counts as changed at its session's current revision.
   * On a laptop: the documents whose new version arrived by sync (document_updates) and the
   * version of each document a person last opened (document_opens). No foreign keys: the
   * mirror drops a replaced version, and what a person opened outlives it. */
  { 6,
    "ALTER TABLE items ADD COLUMN changed_at INTEGER NOT NULL DEFAULT 0 CHECK (changed_at >= 0);"
    "UPDATE items SET changed_at = (SELECT revision FROM sessions"
    "                               WHERE sessions.id = items.session_id);"
    "ALTER TABLE documents ADD COLUMN changed_at INTEGER NOT NULL DEFAULT 0"
    "  CHECK (changed_at >= 0);"
    "ALTER TABLE documents ADD COLUMN replaces_id INTEGER"
    "  CHECK (replaces_id IS NULL OR replaces_id >= 1);"
    "ALTER TABLE documents ADD COLUMN replaces_version INTEGER"
    "  CHECK (replaces_version IS NULL OR replaces_version >= 1);"
    "ALTER TABLE documents ADD COLUMN replaces_sha256 TEXT"
    "  CHECK (replaces_sha256 IS NULL"
    "         OR (length (replaces_sha256) = 64 AND replaces_sha256 NOT GLOB '*[^0-9a-f]*'));"
    "UPDATE documents SET changed_at = (SELECT revision FROM sessions"
    "                                   WHERE sessions.id = documents.session_id);"
    "UPDATE documents SET (replaces_id, replaces_version, replaces_sha256) ="
    "  (SELECT p.id, p.version, p.sha256 FROM documents p"
    "    WHERE p.item_id = documents.item_id AND p.title = documents.title"
    "      AND p.version < documents.version"
    "    ORDER BY p.version DESC LIMIT 1)"
    " WHERE version > 1;"
    "CREATE INDEX documents_by_lineage ON documents (item_id, title, version);"
    "CREATE TABLE audit_v6 ("
    "  id          INTEGER PRIMARY KEY,"
    "  at          TEXT NOT NULL"
    "              CHECK (at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),"
    "  person_id   INTEGER CHECK (person_id IS NULL OR person_id >= 1),"
    "  action      TEXT NOT NULL CHECK (action IN ('publish', 'access', 'token-issue',"
    "                                             'token-revoke', 'download', 'replace')),"
    "  document_id INTEGER CHECK (document_id IS NULL OR document_id >= 1),"
    "  session_id  INTEGER CHECK (session_id IS NULL OR session_id >= 1),"
    "  detail      TEXT"
    ");"
    "INSERT INTO audit_v6 (id, at, person_id, action, document_id, session_id, detail)"
    "  SELECT id, at, person_id, action, document_id, session_id, detail FROM audit;"
    "DROP TABLE audit;"
    "ALTER TABLE audit_v6 RENAME TO audit;"
    "CREATE INDEX audit_by_session ON audit (session_id, id);"
    "CREATE INDEX audit_by_delivery ON audit (session_id, action, person_id, document_id);"
    "CREATE INDEX audit_by_person ON audit (person_id, id);"
    "CREATE TABLE document_updates ("
    "  document_id      INTEGER PRIMARY KEY CHECK (document_id >= 1),"
    "  session_id       INTEGER NOT NULL CHECK (session_id >= 1),"
    "  replaces_id      INTEGER NOT NULL CHECK (replaces_id >= 1),"
    "  replaces_version INTEGER NOT NULL CHECK (replaces_version >= 1),"
    "  replaces_sha256  TEXT NOT NULL"
    "                   CHECK (length (replaces_sha256) = 64"
    "                          AND replaces_sha256 NOT GLOB '*[^0-9a-f]*'),"
    "  arrived_at       TEXT NOT NULL"
    ");"
    "CREATE TABLE document_opens ("
    "  person_id   INTEGER NOT NULL CHECK (person_id >= 1),"
    "  document_id INTEGER NOT NULL CHECK (document_id >= 1),"
    "  version     INTEGER NOT NULL CHECK (version >= 1),"
    "  sha256      TEXT NOT NULL"
    "              CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),"
    "  opened_at   TEXT NOT NULL,"
    "  PRIMARY KEY (person_id, document_id)"
    ");" },

  /* The live session (chamber-live-store.c): every event of a session's live channel, numbered
   * from 1 per session with no gap, committed before it is broadcast. `body` is the event as
   * sent (JSON); the other columns repeat what queries need. The state is rebuilt by replaying
   * the events in order (chamber-live-state.h). */
  { 7,
    "CREATE TABLE live_events ("
    "  id         INTEGER PRIMARY KEY,"
    "  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
    "  seq        INTEGER NOT NULL CHECK (seq >= 1),"
    "  at_ms      INTEGER NOT NULL CHECK (at_ms >= 0),"
    "  type       TEXT NOT NULL CHECK (type <> ''),"
    "  person_id  INTEGER CHECK (person_id IS NULL OR person_id >= 1),"
    "  body       TEXT NOT NULL CHECK (json_valid (body)),"
    "  UNIQUE (session_id, seq)"
    ");" },

  /* The commitments register (chamber-commitments.c): a commitment is its `commit` event in
   * live_events (whose id is the register's id); the secretariat's follow-up is kept here. */
  { 8,
    "CREATE TABLE commitment_status ("
    "  event_id   INTEGER PRIMARY KEY REFERENCES live_events (id) ON DELETE CASCADE,"
    "  done       INTEGER NOT NULL CHECK (done IN (0, 1)),"
    "  note       TEXT CHECK (note IS NULL OR length (CAST (note AS BLOB)) <= 4096),"
    "  updated_at TEXT NOT NULL,"
    "  updated_by INTEGER CHECK (updated_by IS NULL OR updated_by >= 1)"
    ");" },

  /* Commitments follow-up and the delegate activity report (chamber-followup.c,
   * chamber-activity-report.c): every status update of a commitment with its note and evidence
   * (a blob of the blob store), the follow-up item carried into a session's agenda (once per
   * session), the weights of the report's criteria set by the council, and the attendance the
   * secretariat records per sitting day. What commitment_status held becomes the first update. */
  { 9,
    "CREATE TABLE commitment_updates ("
    "  id              INTEGER PRIMARY KEY,"
    "  event_id        INTEGER NOT NULL REFERENCES live_events (id) ON DELETE CASCADE,"
    "  status          TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'done')),"
    "  note            TEXT CHECK (note IS NULL OR length (CAST (note AS BLOB)) <= 4096),"
    "  evidence_sha256 TEXT CHECK (evidence_sha256 IS NULL"
    "                             OR (length (evidence_sha256) = 64"
    "                                 AND evidence_sha256 NOT GLOB '*[^0-9a-f]*')),"
    "  evidence_type   TEXT CHECK (evidence_type IS NULL"
    "                             OR evidence_type IN ('application/pdf', 'image/png',"
    "                                                  'image/jpeg')),"
    "  evidence_bytes  INTEGER CHECK (evidence_bytes IS NULL OR evidence_bytes > 0),"
    "  at              TEXT NOT NULL,"
    "  by              INTEGER CHECK (by IS NULL OR by >= 1),"
    "  CHECK ((evidence_sha256 IS NULL) = (evidence_type IS NULL)"
    "         AND (evidence_sha256 IS NULL) = (evidence_bytes IS NULL))"
    ");"
    "CREATE INDEX commitment_updates_by_event ON commitment_updates (event_id, id);"
    "INSERT INTO commitment_updates (event_id, status, note, at, by)"
    "  SELECT event_id, CASE done WHEN 1 THEN 'done' ELSE 'open' END, note, updated_at,"
    "         updated_by FROM commitment_status;"
    "CREATE TABLE commitment_carryovers ("
    "  session_id  INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,"
    "  item_id     INTEGER REFERENCES items (id) ON DELETE SET NULL,"
    "  document_id INTEGER CHECK (document_id IS NULL OR document_id >= 1),"
    "  commitments INTEGER NOT NULL CHECK (commitments >= 0),"
    "  at          TEXT NOT NULL,"
    "  by          INTEGER CHECK (by IS NULL OR by >= 1)"
    ");"
    "CREATE TABLE report_criteria ("
    "  criterion    TEXT PRIMARY KEY CHECK (criterion IN ('sittings', 'questions', 'debates',"
    "                                                    'speaking_minutes', 'petitions',"
    "                                                    'findings')),"
    "  weight_centi INTEGER NOT NULL CHECK (weight_centi BETWEEN 0 AND 100000),"
    "  updated_at   TEXT NOT NULL,"
    "  updated_by   INTEGER CHECK (updated_by IS NULL OR updated_by >= 1)"
    ");"
    "CREATE TABLE attendance ("
    "  session_id  INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,"
    "  person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
    "  day         TEXT NOT NULL"
    "              CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  present     INTEGER NOT NULL CHECK (present IN (0, 1)),"
    "  recorded_at TEXT NOT NULL,"
    "  recorded_by INTEGER CHECK (recorded_by IS NULL OR recorded_by >= 1),"
    "  PRIMARY KEY (session_id, person_id, day)"
    ");" },

  /* Voter petitions and their sample supervision (chamber-petition-store.c,
   * chamber-supervision.c): each petition with its voters' meeting, agency, status, answer (a
   * blob of the blob store) and the earlier petition it raises again; its status history; its
   * links to agenda items, turns and commitments; each recorded draw (seed, filter, strata,
   * algorithm) with the petitions it drew, per-agency counts at the time of the draw, the group
   * each drawn petition is assigned to, and the findings with their evidence (a blob). */
  { 10,
    "CREATE TABLE petitions ("
    "  id              INTEGER PRIMARY KEY,"
    "  content         TEXT NOT NULL"
    "                  CHECK (content <> '' AND length (CAST (content AS BLOB)) <= 16384),"
    "  folded          TEXT NOT NULL,"
    "  meeting_date    TEXT CHECK (meeting_date IS NULL"
    "                              OR meeting_date GLOB"
    "                                 '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),"
    "  meeting_place   TEXT,"
    "  delegate_group  TEXT,"
    "  level           TEXT CHECK (level IS NULL"
    "                              OR level IN ('commune', 'district', 'province')),"
    "  field           TEXT,"
    "  agency          TEXT,"
    "  status          TEXT NOT NULL CHECK (status IN ('forwarded', 'answered', 'in-progress',"
    "                                                  'resolved', 'unresolved')),"
    "  answer          TEXT CHECK (answer IS NULL OR length (CAST (answer AS BLOB)) <= 16384),"
    "  answer_sha256   TEXT CHECK (answer_sha256 IS NULL"
    "                              OR (length (answer_sha256) = 64"
    "                                  AND answer_sha256 NOT GLOB '*[^0-9a-f]*')),"
    "  answer_bytes    INTEGER CHECK (answer_bytes IS NULL OR answer_bytes > 0),"
    "  received_on     TEXT,"
    "  forwarded_on    TEXT,"
    "  answered_on     TEXT,"
    "  resolved_on     TEXT,"
    "  updated_at      TEXT NOT NULL,"
    "  raised_again_of INTEGER REFERENCES petitions (id) ON DELETE SET NULL,"
    "  similarity      REAL CHECK (similarity IS NULL OR similarity BETWEEN 0 AND 1),"
    "  CHECK ((answer_sha256 IS NULL) = (answer_bytes IS NULL))"
    ");"
    "CREATE INDEX petitions_by_status ON petitions (status, agency);"
    "CREATE INDEX petitions_by_agency ON petitions (agency);"
    "CREATE TABLE petition_history ("
    "  id          INTEGER PRIMARY KEY,"
    "  petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,"
    "  status      TEXT NOT NULL CHECK (status IN ('forwarded', 'answered', 'in-progress',"
    "                                              'resolved', 'unresolved')),"
    "  at          TEXT NOT NULL,"
    "  by          INTEGER CHECK (by IS NULL OR by >= 1),"
    "  note        TEXT CHECK (note IS NULL OR length (CAST (note AS BLOB)) <= 4096),"
    "  finding_id  INTEGER CHECK (finding_id IS NULL OR finding_id >= 1)"
    ");"
    "CREATE INDEX petition_history_by_petition ON petition_history (petition_id, id);"
    "CREATE TABLE petition_links ("
    "  petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,"
    "  kind        TEXT NOT NULL CHECK (kind IN ('item', 'turn', 'commitment')),"
    "  target_id   INTEGER NOT NULL CHECK (target_id >= 1),"
    "  session_id  INTEGER NOT NULL DEFAULT 0 CHECK (session_id >= 0),"
    "  PRIMARY KEY (petition_id, kind, session_id, target_id)"
    ");"
    "CREATE TABLE supervision_draws ("
    "  id         INTEGER PRIMARY KEY,"
    "  created_at TEXT NOT NULL,"
    "  created_by INTEGER CHECK (created_by IS NULL OR created_by >= 1),"
    "  seed       TEXT NOT NULL CHECK (seed <> '' AND seed NOT GLOB '*[^0-9]*'),"
    "  algorithm  TEXT NOT NULL CHECK (algorithm <> ''),"
    "  filter     TEXT NOT NULL CHECK (json_valid (filter)),"
    "  stratify   TEXT NOT NULL CHECK (stratify IN ('none', 'agency', 'field')),"
    "  size       INTEGER CHECK (size IS NULL OR size >= 1),"
    "  share_bp   INTEGER CHECK (share_bp IS NULL OR share_bp BETWEEN 1 AND 10000),"
    "  population INTEGER NOT NULL CHECK (population >= 0),"
    "  candidates TEXT NOT NULL,"
    "  CHECK ((size IS NULL) <> (share_bp IS NULL))"
    ");"
    "CREATE TABLE supervision_strata ("
    "  draw_id    INTEGER NOT NULL REFERENCES supervision_draws (id) ON DELETE CASCADE,"
    "  stratum    TEXT NOT NULL,"
    "  population INTEGER NOT NULL CHECK (population >= 1),"
    "  sample     INTEGER NOT NULL CHECK (sample >= 0 AND sample <= population),"
    "  PRIMARY KEY (draw_id, stratum)"
    ");"
    "CREATE TABLE supervision_agencies ("
    "  draw_id   INTEGER NOT NULL REFERENCES supervision_draws (id) ON DELETE CASCADE,"
    "  agency    TEXT NOT NULL,"
    "  petitions INTEGER NOT NULL CHECK (petitions >= 0),"
    "  reported  INTEGER NOT NULL CHECK (reported >= 0 AND reported <= petitions),"
    "  PRIMARY KEY (draw_id, agency)"
    ");"
    "CREATE TABLE supervision_samples ("
    "  id          INTEGER PRIMARY KEY,"
    "  draw_id     INTEGER NOT NULL REFERENCES supervision_draws (id) ON DELETE CASCADE,"
    "  petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,"
    "  stratum     TEXT NOT NULL,"
    "  position    INTEGER NOT NULL CHECK (position >= 1),"
    "  assignee    TEXT CHECK (assignee IS NULL OR assignee <> ''),"
    "  assigned_at TEXT,"
    "  assigned_by INTEGER CHECK (assigned_by IS NULL OR assigned_by >= 1),"
    "  UNIQUE (draw_id, petition_id),"
    "  UNIQUE (draw_id, position)"
    ");"
    "CREATE INDEX supervision_samples_by_assignee ON supervision_samples (assignee);"
    "CREATE TABLE supervision_findings ("
    "  id              INTEGER PRIMARY KEY,"
    "  sample_id       INTEGER NOT NULL REFERENCES supervision_samples (id) ON DELETE CASCADE,"
    "  result          TEXT NOT NULL CHECK (result IN ('confirmed', 'partly', 'not-resolved')),"
    "  note            TEXT CHECK (note IS NULL OR length (CAST (note AS BLOB)) <= 4096),"
    "  evidence_sha256 TEXT CHECK (evidence_sha256 IS NULL"
    "                             OR (length (evidence_sha256) = 64"
    "                                 AND evidence_sha256 NOT GLOB '*[^0-9a-f]*')),"
    "  evidence_type   TEXT CHECK (evidence_type IS NULL"
    "                             OR evidence_type IN ('application/pdf', 'image/png',"
    "                                                  'image/jpeg')),"
    "  evidence_bytes  INTEGER CHECK (evidence_bytes IS NULL OR evidence_bytes > 0),"
    "  at              TEXT NOT NULL,"
    "  by              INTEGER CHECK (by IS NULL OR by >= 1),"
    "  CHECK ((evidence_sha256 IS NULL) = (evidence_type IS NULL)"
    "         AND (evidence_sha256 IS NULL) = (evidence_bytes IS NULL))"
    ");"
    "CREATE INDEX supervision_findings_by_sample ON supervision_findings (sample_id, id);" },

  /* The secretariat's desk (issue 6): a person's committee (Ban), and agenda items marked for
   * questioning. */
  { 11,
    "ALTER TABLE people ADD COLUMN committee TEXT;"
    "ALTER TABLE items ADD COLUMN questioning INTEGER NOT NULL DEFAULT 0"
    "  CHECK (questioning IN (0, 1));" },

  /* The index of petitions by their folded words (issue 9), so that a new petition is compared
   * only with the earlier ones that share a word with it; filled from petitions.folded. */
  { 12,
    "CREATE TABLE petition_words ("
    "  word        TEXT NOT NULL CHECK (word <> ''),"
    "  petition_id INTEGER NOT NULL REFERENCES petitions (id) ON DELETE CASCADE,"
    "  PRIMARY KEY (word, petition_id)"
    ") WITHOUT ROWID;"
    "CREATE INDEX petition_words_by_petition ON petition_words (petition_id);"
    "WITH RECURSIVE split (id, word, rest) AS ("
    "  SELECT id, '', folded || ' ' FROM petitions"
    "  UNION ALL"
    "  SELECT id, substr (rest, 1, instr (rest, ' ') - 1), substr (rest, instr (rest, ' ') + 1)"
    "  FROM split WHERE rest <> '')"
    "INSERT OR IGNORE INTO petition_words (word, petition_id)"
    "  SELECT word, id FROM split WHERE word <> '';" },

  /* Drafts (issue 6): a document uploaded as a draft is seen only by the secretariat and admin
   * until it is published (chamber-publish.h). */
  { 13,
    "ALTER TABLE documents ADD COLUMN draft INTEGER NOT NULL DEFAULT 0 CHECK (draft IN (0, 1));" },
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == CHAMBER_STORE_SCHEMA_VERSION);

/* Prepared statements */

/* A statement from the cache: releasing it resets it and clears its bindings, so it never holds
 * a read open past the function that used it. */
typedef sqlite3_stmt CachedStatement;

static void
cached_statement_release (CachedStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStatement, cached_statement_release)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* Errors */

/* Why the database file cannot be opened or written, in words: SQLite's own system error is
 * often that of a read-only retry ("No such file or directory" for a folder one may not write
 * to), so the folder is looked at first. */
static const char *
describe_open_failure (ChamberStore *self,
                       const char   *detail)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  int sys_errno;

  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return _("its folder does not exist");
  if (g_access (folder, W_OK) != 0)
    return g_strerror (errno);

  sys_errno = sqlite3_system_errno (self->db);
  return sys_errno != 0 ? g_strerror (sys_errno) : detail;
}

static void
set_db_error (ChamberStore *self,
              int           rc,
              GError      **error)
{
  const char *detail = sqlite3_errmsg (self->db);
  int primary = rc & 0xff;

  /* SQLite reports some failed writes on a full disk (growing the WAL index, truncating) as
   * I/O errors; the system error tells them apart from a failing disk. */
  if (primary == SQLITE_IOERR)
    {
      int sys_errno = sqlite3_system_errno (self->db);

      if (sys_errno == ENOSPC || sys_errno == EDQUOT)
        primary = SQLITE_FULL;
    }

  switch (primary)
    {
    case SQLITE_FULL:
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_FULL,
                   _("There is no room left to save to “%s” (the disk is full or a quota was "
                     "reached), so this change was not saved. Free some space and try again."),
                   self->path);
      break;

    case SQLITE_CONSTRAINT:
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                   _("The change was refused because it breaks a rule of the data (%s)."),
                   detail);
      break;

    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CORRUPT,
                   _("“%s” is not a Chamber database or it is damaged (%s). "
                     "Chamber left the file as it is: restore it from a backup or move it "
                     "aside to start afresh."),
                   self->path, detail);
      break;

    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_AUTH:
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_OPEN,
                   _("Chamber cannot open or write the database “%s” (%s). "
                     "Check that its folder exists and that you may write to it."),
                   self->path, describe_open_failure (self, detail));
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_FAILED,
                   _("The database “%s” stayed busy in another program. "
                     "Close the other program or wait a moment, then try again."),
                   self->path);
      break;

    default:
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_FAILED,
                   _("The database “%s” failed (%s)."), self->path, detail);
      break;
    }
}

static CachedStatement *
prepare (ChamberStore *self,
         const char   *sql,
         GError      **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

/* Binds @id, or NULL when it is 0 ("none"). */
static void
bind_id_or_null (sqlite3_stmt *stmt,
                 int           index,
                 gint64        id)
{
  if (id == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Runs @stmt to its end, ignoring any rows. */
static gboolean
step_done (ChamberStore *self,
           sqlite3_stmt *stmt,
           GError      **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  if (rc != SQLITE_DONE)
    {
      set_db_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Steps @stmt once: TRUE with *out_row set when a row came or none is left, FALSE on error. */
static gboolean
step_row (ChamberStore *self,
          sqlite3_stmt *stmt,
          gboolean     *out_row,
          GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    {
      *out_row = TRUE;
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    {
      *out_row = FALSE;
      return TRUE;
    }
  set_db_error (self, rc, error);
  return FALSE;
}

static gboolean
exec_cached (ChamberStore *self,
             const char   *sql,
             GError      **error)
{
  g_autoptr (CachedStatement) stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  return step_done (self, stmt, error);
}

/* Runs a query answering one integer; FALSE on error, *out_found FALSE when there is no row. */
static gboolean
query_int64 (ChamberStore *self,
             sqlite3_stmt *stmt,
             gint64       *out_value,
             gboolean     *out_found,
             GError      **error)
{
  gboolean row;

  if (!step_row (self, stmt, &row, error))
    return FALSE;
  *out_found = row;
  *out_value = row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/* Runs @sql ("SELECT 1 FROM … WHERE id = ?1") for @id; *out_found tells whether a row came. */
static gboolean
row_exists (ChamberStore *self,
            const char   *sql,
            gint64        id,
            gboolean     *out_found,
            GError      **error)
{
  g_autoptr (CachedStatement) stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return step_row (self, stmt, out_found, error);
}

/* Validation: clear messages before SQLite's own checks */

static gboolean
set_constraint_error (GError    **error,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_constraint_error (GError    **error,
                      const char *format,
                      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT, message);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_access_entry (const char *entry)
{
  if (entry == NULL)
    return FALSE;
  if (g_str_equal (entry, "all"))
    return TRUE;
  if (g_str_has_prefix (entry, "group:"))
    return entry[strlen ("group:")] != '\0';
  if (g_str_has_prefix (entry, "person:"))
    {
      const char *digits = entry + strlen ("person:");

      return digits[0] >= '1' && digits[0] <= '9'
             && g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, NULL, NULL);
    }
  return FALSE;
}

static gboolean
validate_session (const ChamberSession *session,
                  GError              **error)
{
  if (is_blank (session->title))
    return set_constraint_error (error, _("A session needs a title."));
  if ((guint) session->kind >= CHAMBER_N_SESSION_KINDS)
    return set_constraint_error (error, _("The session kind %d is not one Chamber knows."),
                                 (int) session->kind);
  if ((guint) session->state >= CHAMBER_N_SESSION_STATES)
    return set_constraint_error (error, _("The session state %d is not one Chamber knows."),
                                 (int) session->state);
  if (session->starts_on != NULL && !chamber_date_is_valid (session->starts_on))
    return set_constraint_error (error,
                                 _("The first day “%s” is not a date of the form YYYY-MM-DD."),
                                 session->starts_on);
  if (session->ends_on != NULL && !chamber_date_is_valid (session->ends_on))
    return set_constraint_error (error,
                                 _("The last day “%s” is not a date of the form YYYY-MM-DD."),
                                 session->ends_on);
  if (session->starts_on != NULL && session->ends_on != NULL
      && strcmp (session->ends_on, session->starts_on) < 0)
    return set_constraint_error (error, _("The session ends (%s) before it starts (%s)."),
                                 session->ends_on, session->starts_on);
  return TRUE;
}

static gboolean
validate_item (const ChamberItem *item,
               GError           **error)
{
  if (is_blank (item->title))
    return set_constraint_error (error, _("An agenda item needs a title."));
  if (item->planned_minutes < 0)
    return set_constraint_error (error,
                                 _("The planned duration of an agenda item cannot be negative."));
  if ((guint) item->state >= CHAMBER_N_ITEM_STATES)
    return set_constraint_error (error, _("The agenda item state %d is not one Chamber knows."),
                                 (int) item->state);
  return TRUE;
}

static gboolean
validate_person (const ChamberPerson *person,
                 GError             **error)
{
  if (is_blank (person->name))
    return set_constraint_error (error, _("A person needs a name."));
  if ((guint) person->role >= CHAMBER_N_ROLES)
    return set_constraint_error (error, _("The role %d is not one Chamber knows."),
                                 (int) person->role);
  return TRUE;
}

static gboolean
validate_document (const ChamberDocument *document,
                   GError               **error)
{
  if (is_blank (document->title))
    return set_constraint_error (error, _("A document needs a title."));
  if ((guint) document->kind >= CHAMBER_N_DOCUMENT_KINDS)
    return set_constraint_error (error, _("The document kind %d is not one Chamber knows."),
                                 (int) document->kind);
  if (!chamber_sha256_is_valid (document->sha256))
    return set_constraint_error (error,
                                 _("The content hash “%s” of document “%s” is not 64 lowercase "
                                   "hexadecimal digits."),
                                 document->sha256, document->title);
  if (document->bytes < 0 || document->pages < 0)
    return set_constraint_error (error,
                                 _("The size of document “%s” cannot be negative."),
                                 document->title);
  for (guint i = 0; document->access != NULL && document->access[i] != NULL; i++)
    if (!is_access_entry (document->access[i]))
      return set_constraint_error (error,
                                   _("“%s” is not an access entry: use “all”, “group:NAME” "
                                     "or “person:ID”."),
                                   document->access[i]);
  return TRUE;
}

static char *
now_utc_string (gint64 offset_seconds)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) then = g_date_time_add_seconds (now, (gdouble) offset_seconds);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

/* Transactions */

static void
warn_rollback_failed (ChamberStore *self,
                      GError       *error)
{
  g_warning ("Rolling back a transaction on “%s” failed: %s", self->path, error->message);
}

gboolean
chamber_store_begin (ChamberStore *self,
                     GError      **error)
{
  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->depth > 0 && sqlite3_get_autocommit (self->db))
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_FAILED,
                           _("The change was abandoned after an earlier error, and nothing of "
                             "it was saved. Try it again."));
      return FALSE;
    }

  if (!exec_cached (self, self->depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT chamber_nested",
                    error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
chamber_store_commit (ChamberStore *self,
                      GError      **error)
{
  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* SQLite rolls the whole transaction back by itself after some errors (a full disk, for one);
   * then there is nothing left to commit at any level. */
  if (sqlite3_get_autocommit (self->db))
    {
      self->depth--;
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_FAILED,
                           _("The change was abandoned after an earlier error, and nothing of "
                             "it was saved. Try it again."));
      return FALSE;
    }

  if (!exec_cached (self, self->depth == 1 ? "COMMIT" : "RELEASE chamber_nested", error))
    {
      /* Leave no half-open level behind: undo this level as rollback() would. */
      g_autoptr (GError) local_error = NULL;

      self->depth--;
      if (!sqlite3_get_autocommit (self->db))
        {
          if (self->depth == 0)
            exec_cached (self, "ROLLBACK", &local_error);
          else if (exec_cached (self, "ROLLBACK TO chamber_nested", &local_error))
            exec_cached (self, "RELEASE chamber_nested", &local_error);
        }
      if (local_error != NULL)
        warn_rollback_failed (self, local_error);
      return FALSE;
    }

  self->depth--;
  return TRUE;
}

void
chamber_store_rollback (ChamberStore *self)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (CHAMBER_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth--;

  /* Already rolled back by SQLite after an error. */
  if (sqlite3_get_autocommit (self->db))
    return;

  if (self->depth == 0)
    exec_cached (self, "ROLLBACK", &error);
  else if (exec_cached (self, "ROLLBACK TO chamber_nested", &error))
    exec_cached (self, "RELEASE chamber_nested", &error);

  if (error != NULL)
    warn_rollback_failed (self, error);
}

/* Opening and migrating */

static gboolean
read_user_version (ChamberStore *self,
                   int          *out_version,
                   GError      **error)
{
  g_autoptr (CachedStatement) stmt = prepare (self, "PRAGMA user_version", error);
  gint64 version;
  gboolean found;

  if (stmt == NULL || !query_int64 (self, stmt, &version, &found, error))
    return FALSE;
  *out_version = (int) version;
  return TRUE;
}

static gboolean
check_not_too_new (ChamberStore *self,
                   int           version,
                   GError      **error)
{
  if (version <= CHAMBER_STORE_SCHEMA_VERSION)
    return TRUE;

  g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_TOO_NEW,
               _("The database “%s” was written by a newer version of Chamber (schema %d; this "
                 "version knows up to %d). Update Chamber to open it; the file was left as it "
                 "is."),
               self->path, version, CHAMBER_STORE_SCHEMA_VERSION);
  return FALSE;
}

static gboolean
run_migration (ChamberStore    *self,
               const Migration *migration,
               GError         **error)
{
  g_autofree char *set_version = NULL;
  char *message = NULL;
  int version;
  int rc;

  if (!chamber_store_begin (self, error))
    return FALSE;

  /* Another connection may have migrated while this one waited for the write lock. */
  if (!read_user_version (self, &version, error) || !check_not_too_new (self, version, error))
    goto failed;
  if (version >= migration->version)
    return chamber_store_commit (self, error);

  rc = sqlite3_exec (self->db, migration->sql, NULL, NULL, &message);
  sqlite3_free (message);
  if (rc != SQLITE_OK)
    {
      set_db_error (self, rc, error);
      goto failed;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", migration->version);
  rc = sqlite3_exec (self->db, set_version, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (self, rc, error);
      goto failed;
    }

  return chamber_store_commit (self, error);

failed:
  chamber_store_rollback (self);
  return FALSE;
}

static gboolean
set_connection_pragmas (ChamberStore *self,
                        GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gboolean row;

  stmt = prepare (self, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL || !step_row (self, stmt, &row, error))
    return FALSE;
  if (!row || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "wal") != 0)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_OPEN,
                   _("Chamber cannot switch the database “%s” to write-ahead logging. "
                     "Check that you may write to its folder."),
                   self->path);
      return FALSE;
    }

  return exec_cached (self, "PRAGMA foreign_keys = ON", error)
         && exec_cached (self, "PRAGMA synchronous = NORMAL", error);
}

static gboolean
open_database (ChamberStore *self,
               GError      **error)
{
  g_autoptr (CachedStatement) schema = NULL;
  gint64 n_objects;
  gboolean found;
  int version;
  int rc;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      if (self->db == NULL)
        {
          g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_OPEN,
                       _("Chamber cannot open the database “%s” (%s)."), self->path,
                       sqlite3_errstr (rc));
          return FALSE;
        }
      set_db_error (self, rc, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Only reads until the version is known to be one this build may write: a file that is not
   * a database, or one from a newer Chamber, is left byte for byte as it was. */
  if (!read_user_version (self, &version, error))
    return FALSE;
  schema = prepare (self, "SELECT count(*) FROM sqlite_schema", error);
  if (schema == NULL || !query_int64 (self, schema, &n_objects, &found, error))
    return FALSE;
  g_clear_pointer (&schema, cached_statement_release);

  if (!check_not_too_new (self, version, error))
    return FALSE;

  if (!set_connection_pragmas (self, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (migrations); i++)
    {
      if (migrations[i].version <= version)
        continue;
      if (!run_migration (self, &migrations[i], error))
        {
          g_prefix_error (error, _("Chamber could not upgrade the database “%s” to schema %d: "),
                          self->path, migrations[i].version);
          return FALSE;
        }
      /* Move each step into the database file and empty the log, so that the log never holds
       * every step's copy of the schema at once (a nearly full disk has room for one). A
       * checkpoint that cannot finish (another connection reading) is harmless. */
      sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
    }

  if (!read_user_version (self, &self->schema_version, error))
    return FALSE;
  return TRUE;
}

ChamberStore *
chamber_store_open (const char *path,
                    GError    **error)
{
  g_autoptr (ChamberStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  if (!open_database (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
chamber_store_get_path (ChamberStore *self)
{
  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);

  return self->path;
}

int
chamber_store_get_schema_version (ChamberStore *self)
{
  g_return_val_if_fail (CHAMBER_IS_STORE (self), 0);

  return self->schema_version;
}

char *
chamber_store_dup_pragma (ChamberStore *self,
                          const char   *name)
{
  static const char *const pragmas[][2] = {
    { "journal_mode", "PRAGMA journal_mode" },
    { "foreign_keys", "PRAGMA foreign_keys" },
    { "synchronous", "PRAGMA synchronous" },
    { "busy_timeout", "PRAGMA busy_timeout" },
    { "user_version", "PRAGMA user_version" },
  };

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (pragmas); i++)
    {
      g_autoptr (CachedStatement) stmt = NULL;
      gboolean row;

      if (!g_str_equal (name, pragmas[i][0]))
        continue;

      stmt = prepare (self, pragmas[i][1], NULL);
      if (stmt == NULL || !step_row (self, stmt, &row, NULL) || !row)
        return NULL;
      return column_dup (stmt, 0);
    }

  return NULL;
}

gboolean
chamber_store_check_integrity (ChamberStore *self,
                               GError      **error)
{
  g_autoptr (CachedStatement) integrity = NULL;
  g_autoptr (CachedStatement) foreign_keys = NULL;
  g_autoptr (GString) problems = g_string_new (NULL);
  gboolean row;
  gboolean ok;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  integrity = prepare (self, "PRAGMA integrity_check", error);
  if (integrity == NULL)
    return FALSE;
  while ((ok = step_row (self, integrity, &row, error)) && row)
    {
      const char *line = (const char *) sqlite3_column_text (integrity, 0);

      if (g_strcmp0 (line, "ok") == 0)
        continue;
      if (problems->len > 0)
        g_string_append (problems, "; ");
      g_string_append (problems, line);
    }
  if (!ok)
    return FALSE;

  foreign_keys = prepare (self, "PRAGMA foreign_key_check", error);
  if (foreign_keys == NULL)
    return FALSE;
  while ((ok = step_row (self, foreign_keys, &row, error)) && row)
    {
      if (problems->len > 0)
        g_string_append (problems, "; ");
      g_string_append_printf (problems, "a row of %s refers to a missing row of %s",
                              sqlite3_column_text (foreign_keys, 0),
                              sqlite3_column_text (foreign_keys, 2));
    }
  if (!ok)
    return FALSE;

  if (problems->len > 0)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). Restore it from a backup."),
                   self->path, problems->str);
      return FALSE;
    }

  return TRUE;
}

/* Council */

gboolean
chamber_store_set_council (ChamberStore *self,
                           const char   *name,
                           const char   *term,
                           GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_blank (name))
    return set_constraint_error (error, _("The council needs a name."));

  if (!chamber_store_begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO council (id, name, term) VALUES (1, ?1, ?2)"
                  " ON CONFLICT (id) DO UPDATE SET name = excluded.name, term = excluded.term",
                  error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, name);
  bind_text (stmt, 2, term);
  if (!step_done (self, stmt, error))
    goto failed;

  return chamber_store_commit (self, error);

failed:
  chamber_store_rollback (self);
  return FALSE;
}

gboolean
chamber_store_get_council (ChamberStore *self,
                           char        **out_name,
                           char        **out_term,
                           GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stmt = prepare (self, "SELECT name, term FROM council WHERE id = 1", error);
  if (stmt == NULL || !step_row (self, stmt, &row, error) || !row)
    return FALSE;

  if (out_name != NULL)
    *out_name = column_dup (stmt, 0);
  if (out_term != NULL)
    *out_term = column_dup (stmt, 1);
  return TRUE;
}

/* Sessions */

#define SESSION_COLUMNS "id, number, kind, title, place, starts_on, ends_on, state, revision"

static ChamberSession *
session_from_row (sqlite3_stmt *stmt)
{
  ChamberSession *session = chamber_session_new ();

  session->id = sqlite3_column_int64 (stmt, 0);
  session->number = sqlite3_column_int (stmt, 1);
  chamber_session_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &session->kind);
  session->title = column_dup (stmt, 3);
  session->place = column_dup (stmt, 4);
  session->starts_on = column_dup (stmt, 5);
  session->ends_on = column_dup (stmt, 6);
  chamber_session_state_from_string ((const char *) sqlite3_column_text (stmt, 7),
                                     &session->state);
  session->revision = sqlite3_column_int64 (stmt, 8);
  return session;
}

/* Binds the columns after the id as ?2 … ?8. */
static void
bind_session (sqlite3_stmt         *stmt,
              const ChamberSession *session)
{
  sqlite3_bind_int (stmt, 2, session->number);
  bind_text (stmt, 3, chamber_session_kind_to_string (session->kind));
  bind_text (stmt, 4, session->title);
  bind_text (stmt, 5, session->place);
  bind_text (stmt, 6, session->starts_on);
  bind_text (stmt, 7, session->ends_on);
  bind_text (stmt, 8, chamber_session_state_to_string (session->state));
}

static gboolean
set_session_not_found (gint64   id,
                       GError **error)
{
  g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
               _("There is no session %lld."), (long long) id);
  return FALSE;
}

static gboolean
require_session (ChamberStore *self,
                 gint64        id,
                 GError      **error)
{
  gboolean found;

  if (!row_exists (self, "SELECT 1 FROM sessions WHERE id = ?1", id, &found, error))
    return FALSE;
  if (!found)
    return set_session_not_found (id, error);
  return TRUE;
}

static gboolean
bump_revision (ChamberStore *self,
               gint64        session_id,
               gint64       *out_revision,
               GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gint64 revision;
  gboolean found;

  stmt = prepare (self,
                  "UPDATE sessions SET revision = revision + 1 WHERE id = ?1 RETURNING revision",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  if (!query_int64 (self, stmt, &revision, &found, error))
    return FALSE;
  if (!found)
    return set_session_not_found (session_id, error);
  /* Let the UPDATE … RETURNING statement finish before the next one starts. */
  if (!step_done (self, stmt, error))
    return FALSE;

  if (out_revision != NULL)
    *out_revision = revision;
  return TRUE;
}

gboolean
chamber_store_insert_session (ChamberStore   *self,
                              ChamberSession *session,
                              GError        **error)
{
  g_autoptr (CachedStatement) stmt = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_session (session, error) || !chamber_store_begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO sessions (" SESSION_COLUMNS ")"
                  " VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1)",
                  error);
  if (stmt == NULL)
    goto failed;
  bind_session (stmt, session);
  if (!step_done (self, stmt, error))
    goto failed;

  if (!chamber_store_commit (self, error))
    return FALSE;

  session->id = sqlite3_last_insert_rowid (self->db);
  session->revision = 1;
  return TRUE;

failed:
  chamber_store_rollback (self);
  return FALSE;
}

static gboolean
upsert_session (ChamberStore         *self,
                const ChamberSession *session,
                GError              **error)
{
  g_autoptr (CachedStatement) stmt = NULL;

  if (session->id <= 0)
    return set_constraint_error (error, _("Session “%s” has no id, so it cannot be mirrored."),
                                 session->title);
  if (!validate_session (session, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO sessions (" SESSION_COLUMNS ")"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                  " ON CONFLICT (id) DO UPDATE SET number = excluded.number,"
                  "  kind = excluded.kind, title = excluded.title, place = excluded.place,"
                  "  starts_on = excluded.starts_on, ends_on = excluded.ends_on,"
                  "  state = excluded.state, revision = excluded.revision",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session->id);
  bind_session (stmt, session);
  sqlite3_bind_int64 (stmt, 9, MAX (session->revision, 0));
  return step_done (self, stmt, error);
}

gboolean
chamber_store_upsert_session (ChamberStore         *self,
                              const ChamberSession *session,
                              GError              **error)
{
  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_store_begin (self, error))
    return FALSE;
  if (!upsert_session (self, session, error))
    {
      chamber_store_rollback (self);
      return FALSE;
    }
  return chamber_store_commit (self, error);
}

gboolean
chamber_store_update_session (ChamberStore         *self,
                              const ChamberSession *session,
                              GError              **error)
{
  g_autoptr (CachedStatement) stmt = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_session (session, error) || !chamber_store_begin (self, error))
    return FALSE;

  /* A change to the session is a new revision of it. */
  stmt = prepare (self,
                  "UPDATE sessions SET number = ?2, kind = ?3, title = ?4, place = ?5,"
                  "  starts_on = ?6, ends_on = ?7, state = ?8, revision = revision + 1"
                  " WHERE id = ?1",
                  error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session->id);
  bind_session (stmt, session);
  if (!step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      set_session_not_found (session->id, error);
      goto failed;
    }

  return chamber_store_commit (self, error);

failed:
  chamber_store_rollback (self);
  return FALSE;
}

ChamberSession *
chamber_store_get_session (ChamberStore *self,
                           gint64        id,
                           GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, "SELECT " SESSION_COLUMNS " FROM sessions WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      set_session_not_found (id, error);
      return NULL;
    }
  return session_from_row (stmt);
}

GPtrArray *
chamber_store_list_sessions (ChamberStore *self,
                             GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  gboolean row;
  gboolean ok;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self,
                  "SELECT " SESSION_COLUMNS " FROM sessions ORDER BY number DESC, id DESC",
                  error);
  if (stmt == NULL)
    return NULL;

  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_session_free);
  while ((ok = step_row (self, stmt, &row, error)) && row)
    g_ptr_array_add (sessions, session_from_row (stmt));
  if (!ok)
    return NULL;

  return g_steal_pointer (&sessions);
}

gint64
chamber_store_bump_revision (ChamberStore *self,
                             gint64        session_id,
                             GError      **error)
{
  gint64 revision = 0;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!chamber_store_begin (self, error))
    return 0;
  if (!bump_revision (self, session_id, &revision, error))
    {
      chamber_store_rollback (self);
      return 0;
    }
  if (!chamber_store_commit (self, error))
    return 0;
  return revision;
}

/* Agenda items */

#define ITEM_COLUMNS \
  "id, session_id, parent_id, position, title, planned_minutes, state, changed_at, questioning"

/* Depth-first order: each item's path is its ancestors' (position, id) pairs, fixed width. */
#define ITEM_TREE_CTE                                                                          \
  "WITH RECURSIVE tree (id, path) AS ("                                                        \
  "  SELECT id, printf ('%010d.%020d', position, id) FROM items"                              \
  "   WHERE session_id = ?1 AND parent_id IS NULL"                                             \
  "  UNION ALL"                                                                                \
  "  SELECT items.id, tree.path || '/' || printf ('%010d.%020d', items.position, items.id)"  \
  "    FROM items JOIN tree ON items.parent_id = tree.id"                                      \
  ") "

static ChamberItem *
item_from_row (sqlite3_stmt *stmt)
{
  ChamberItem *item = chamber_item_new ();

  item->id = sqlite3_column_int64 (stmt, 0);
  item->session_id = sqlite3_column_int64 (stmt, 1);
  item->parent_id = sqlite3_column_int64 (stmt, 2);  /* NULL reads as 0 */
  item->position = sqlite3_column_int (stmt, 3);
  item->title = column_dup (stmt, 4);
  item->planned_minutes = sqlite3_column_int (stmt, 5);
  chamber_item_state_from_string ((const char *) sqlite3_column_text (stmt, 6), &item->state);
  item->changed_at = sqlite3_column_int64 (stmt, 7);
  item->questioning = sqlite3_column_int (stmt, 8) != 0;
  return item;
}

static gboolean
set_item_not_found (gint64   id,
                    GError **error)
{
  g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
               _("There is no agenda item %lld."), (long long) id);
  return FALSE;
}

/* The session and parent of item @id; FALSE with NOT_FOUND when there is no such item. */
static gboolean
lookup_item_place (ChamberStore *self,
                   gint64        id,
                   gint64       *out_session_id,
                   gint64       *out_parent_id,
                   GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gboolean row;

  stmt = prepare (self, "SELECT session_id, parent_id FROM items WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (self, stmt, &row, error))
    return FALSE;
  if (!row)
    return set_item_not_found (id, error);

  if (out_session_id != NULL)
    *out_session_id = sqlite3_column_int64 (stmt, 0);
  if (out_parent_id != NULL)
    *out_parent_id = sqlite3_column_int64 (stmt, 1);
  return TRUE;
}

/* Checks that @item may hang under its parent: the parent exists, is in the same session, and
 * (for an item already stored) is not the item itself or one of its descendants. */
static gboolean
check_item_parent (ChamberStore      *self,
                   const ChamberItem *item,
                   GError           **error)
{
  g_autoptr (GError) local_error = NULL;
  gint64 parent_session_id;
  gint64 ancestor;

  if (item->parent_id == 0)
    return TRUE;

  if (!lookup_item_place (self, item->parent_id, &parent_session_id, &ancestor, &local_error))
    {
      if (g_error_matches (local_error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND))
        return set_constraint_error (error,
                                     _("There is no agenda item %lld to place “%s” under."),
                                     (long long) item->parent_id, item->title);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (parent_session_id != item->session_id)
    return set_constraint_error (error,
                                 _("Agenda item %lld belongs to another session, so “%s” cannot "
                                   "be placed under it."),
                                 (long long) item->parent_id, item->title);

  if (item->id == 0)
    return TRUE;

  if (item->parent_id == item->id)
    return set_constraint_error (error, _("Agenda item “%s” cannot be placed under itself."),
                                 item->title);

  for (int depth = 0; ancestor != 0; depth++)
    {
      if (ancestor == item->id || depth > MAX_ITEM_DEPTH)
        return set_constraint_error (error,
                                     _("Agenda item “%s” cannot be placed under one of its own "
                                       "sub-items."),
                                     item->title);
      if (!lookup_item_place (self, ancestor, NULL, &ancestor, error))
        return FALSE;
    }

  return TRUE;
}

/* The position after the last child of @parent_id (0: top level) in @session_id. */
static gboolean
next_item_position (ChamberStore *self,
                    gint64        session_id,
                    gint64        parent_id,
                    int          *out_position,
                    GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gint64 next;
  gboolean found;

  stmt = prepare (self,
                  "SELECT coalesce (max (position) + 1, 0) FROM items"
                  " WHERE session_id = ?1 AND parent_id IS ?2",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  bind_id_or_null (stmt, 2, parent_id);
  if (!query_int64 (self, stmt, &next, &found, error))
    return FALSE;

  *out_position = (int) next;
  return TRUE;
}

/* Binds the columns after the id as ?2 … ?8, with @position for the position. */
static void
bind_item (sqlite3_stmt      *stmt,
           const ChamberItem *item,
           int                position)
{
  sqlite3_bind_int64 (stmt, 2, item->session_id);
  bind_id_or_null (stmt, 3, item->parent_id);
  sqlite3_bind_int (stmt, 4, position);
  bind_text (stmt, 5, item->title);
  sqlite3_bind_int (stmt, 6, item->planned_minutes);
  bind_text (stmt, 7, chamber_item_state_to_string (item->state));
  sqlite3_bind_int64 (stmt, 8, MAX (item->changed_at, 0));
  sqlite3_bind_int (stmt, 9, item->questioning ? 1 : 0);
}

static gboolean
insert_item (ChamberStore      *self,
             const ChamberItem *item,
             gint64            *out_id,
             int               *out_position,
             GError           **error)
{
  g_autoptr (CachedStatement) shift = NULL;
  g_autoptr (CachedStatement) insert = NULL;
  ChamberItem new_item = *item;
  int next;

  new_item.id = 0;
  if (!validate_item (&new_item, error)
      || !require_session (self, new_item.session_id, error)
      || !check_item_parent (self, &new_item, error)
      || !next_item_position (self, new_item.session_id, new_item.parent_id, &next, error))
    return FALSE;

  if (new_item.position < 0 || new_item.position > next)
    new_item.position = next;

  /* The item, and every sibling it moves, change at the session's next revision. */
  if (!bump_revision (self, new_item.session_id, &new_item.changed_at, error))
    return FALSE;

  /* Make room: the siblings at and after the new position move down by one. */
  if (new_item.position < next)
    {
      shift = prepare (self,
                       "UPDATE items SET position = position + 1, changed_at = ?4"
                       " WHERE session_id = ?1 AND parent_id IS ?2 AND position >= ?3",
                       error);
      if (shift == NULL)
        return FALSE;
      sqlite3_bind_int64 (shift, 1, new_item.session_id);
      bind_id_or_null (shift, 2, new_item.parent_id);
      sqlite3_bind_int (shift, 3, new_item.position);
      sqlite3_bind_int64 (shift, 4, new_item.changed_at);
      if (!step_done (self, shift, error))
        return FALSE;
    }

  insert = prepare (self,
                    "INSERT INTO items (" ITEM_COLUMNS ")"
                    " VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                    error);
  if (insert == NULL)
    return FALSE;
  bind_item (insert, &new_item, new_item.position);
  if (!step_done (self, insert, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (self->db);
  *out_position = new_item.position;
  return TRUE;
}

gboolean
chamber_store_insert_item (ChamberStore *self,
                           ChamberItem  *item,
                           GError      **error)
{
  gint64 id;
  int position;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_store_begin (self, error))
    return FALSE;
  if (!insert_item (self, item, &id, &position, error))
    {
      chamber_store_rollback (self);
      return FALSE;
    }
  if (!chamber_store_commit (self, error))
    return FALSE;

  item->id = id;
  item->position = position;
  return TRUE;
}

static gboolean
upsert_item (ChamberStore      *self,
             const ChamberItem *item,
             GError           **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  int position = item->position;

  if (item->id <= 0)
    return set_constraint_error (error, _("Agenda item “%s” has no id, so it cannot be mirrored."),
                                 item->title);
  if (!validate_item (item, error)
      || !require_session (self, item->session_id, error)
      || !check_item_parent (self, item, error))
    return FALSE;
  if (position < 0
      && !next_item_position (self, item->session_id, item->parent_id, &position, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO items (" ITEM_COLUMNS ")"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                  " ON CONFLICT (id) DO UPDATE SET session_id = excluded.session_id,"
                  "  parent_id = excluded.parent_id, position = excluded.position,"
                  "  title = excluded.title, planned_minutes = excluded.planned_minutes,"
                  "  state = excluded.state, changed_at = excluded.changed_at,"
                  "  questioning = excluded.questioning",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  bind_item (stmt, item, position);
  return step_done (self, stmt, error);
}

gboolean
chamber_store_upsert_item (ChamberStore      *self,
                           const ChamberItem *item,
                           GError           **error)
{
  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_store_begin (self, error))
    return FALSE;
  if (!upsert_item (self, item, error))
    {
      chamber_store_rollback (self);
      return FALSE;
    }
  return chamber_store_commit (self, error);
}

ChamberItem *
chamber_store_get_item (ChamberStore *self,
                        gint64        id,
                        GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, "SELECT " ITEM_COLUMNS " FROM items WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      set_item_not_found (id, error);
      return NULL;
    }
  return item_from_row (stmt);
}

GPtrArray *
chamber_store_list_items (ChamberStore *self,
                          gint64        session_id,
                          GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  g_autoptr (GPtrArray) items = NULL;
  gboolean row;
  gboolean ok;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!require_session (self, session_id, error))
    return NULL;

  stmt = prepare (self,
                  ITEM_TREE_CTE
                  "SELECT items.id, items.session_id, items.parent_id, items.position,"
                  "  items.title, items.planned_minutes, items.state, items.changed_at, items.questioning"
                  " FROM tree JOIN items ON items.id = tree.id ORDER BY tree.path",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_item_free);
  while ((ok = step_row (self, stmt, &row, error)) && row)
    g_ptr_array_add (items, item_from_row (stmt));
  if (!ok)
    return NULL;

  return g_steal_pointer (&items);
}

/* People */

#define PERSON_COLUMNS "id, name, role, group_name, title, agency, active, committee"

/* Reads a person from columns @first … @first + 7 of @stmt. */
static ChamberPerson *
person_from_row (sqlite3_stmt *stmt,
                 int           first)
{
  ChamberPerson *person = chamber_person_new ();

  person->id = sqlite3_column_int64 (stmt, first);
  person->name = column_dup (stmt, first + 1);
  chamber_role_from_string ((const char *) sqlite3_column_text (stmt, first + 2), &person->role);
  person->group_name = column_dup (stmt, first + 3);
  person->title = column_dup (stmt, first + 4);
  person->agency = column_dup (stmt, first + 5);
  person->active = sqlite3_column_int (stmt, first + 6) != 0;
  person->committee = column_dup (stmt, first + 7);
  return person;
}

/* Binds the columns after the id as ?2 … ?8. */
static void
bind_person (sqlite3_stmt        *stmt,
             const ChamberPerson *person)
{
  bind_text (stmt, 2, person->name);
  bind_text (stmt, 3, chamber_role_to_string (person->role));
  bind_text (stmt, 4, person->group_name);
  bind_text (stmt, 5, person->title);
  bind_text (stmt, 6, person->agency);
  sqlite3_bind_int (stmt, 7, person->active ? 1 : 0);
  bind_text (stmt, 8, person->committee);
}

static gboolean
set_person_not_found (gint64   id,
                      GError **error)
{
  g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
               _("There is no person %lld."), (long long) id);
  return FALSE;
}

gboolean
chamber_store_insert_person (ChamberStore  *self,
                             ChamberPerson *person,
                             GError       **error)
{
  g_autoptr (CachedStatement) stmt = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_person (person, error) || !chamber_store_begin (self, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO people (" PERSON_COLUMNS ")"
                  " VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                  error);
  if (stmt == NULL)
    goto failed;
  bind_person (stmt, person);
  if (!step_done (self, stmt, error))
    goto failed;

  if (!chamber_store_commit (self, error))
    return FALSE;

  person->id = sqlite3_last_insert_rowid (self->db);
  return TRUE;

failed:
  chamber_store_rollback (self);
  return FALSE;
}

static gboolean
upsert_person (ChamberStore        *self,
               const ChamberPerson *person,
               GError             **error)
{
  g_autoptr (CachedStatement) stmt = NULL;

  if (person->id <= 0)
    return set_constraint_error (error, _("“%s” has no id, so the person cannot be mirrored."),
                                 person->name);
  if (!validate_person (person, error))
    return FALSE;

  stmt = prepare (self,
                  "INSERT INTO people (" PERSON_COLUMNS ")"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                  " ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role,"
                  "  group_name = excluded.group_name, title = excluded.title,"
                  "  agency = excluded.agency, active = excluded.active,"
                  "  committee = excluded.committee",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person->id);
  bind_person (stmt, person);
  return step_done (self, stmt, error);
}

gboolean
chamber_store_upsert_person (ChamberStore        *self,
                             const ChamberPerson *person,
                             GError             **error)
{
  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (person != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_store_begin (self, error))
    return FALSE;
  if (!upsert_person (self, person, error))
    {
      chamber_store_rollback (self);
      return FALSE;
    }
  return chamber_store_commit (self, error);
}

ChamberPerson *
chamber_store_get_person (ChamberStore *self,
                          gint64        id,
                          GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, "SELECT " PERSON_COLUMNS " FROM people WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      set_person_not_found (id, error);
      return NULL;
    }
  return person_from_row (stmt, 0);
}

GPtrArray *
chamber_store_list_people (ChamberStore *self,
                           GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  g_autoptr (GPtrArray) people = NULL;
  gboolean row;
  gboolean ok;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Roles in the order of ChamberRole. */
  stmt = prepare (self,
                  "SELECT " PERSON_COLUMNS " FROM people ORDER BY"
                  " CASE role WHEN 'delegate' THEN 0 WHEN 'chair' THEN 1"
                  "  WHEN 'secretariat' THEN 2 WHEN 'admin' THEN 3 ELSE 4 END,"
                  " name, id",
                  error);
  if (stmt == NULL)
    return NULL;

  people = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_person_free);
  while ((ok = step_row (self, stmt, &row, error)) && row)
    g_ptr_array_add (people, person_from_row (stmt, 0));
  if (!ok)
    return NULL;

  return g_steal_pointer (&people);
}

/* Documents */

#define DOCUMENT_COLUMNS \
  "id, session_id, item_id, title, kind, sha256, bytes, pages, version, published_at," \
  " changed_at, replaces_id, replaces_version, replaces_sha256, draft"

static gboolean
set_document_not_found (gint64   id,
                        GError **error)
{
  g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
               _("There is no document %lld."), (long long) id);
  return FALSE;
}

static ChamberDocument *
document_from_row (sqlite3_stmt *stmt)
{
  ChamberDocument *document = chamber_document_new ();
  const char *sha256;

  document->id = sqlite3_column_int64 (stmt, 0);
  document->session_id = sqlite3_column_int64 (stmt, 1);
  document->item_id = sqlite3_column_int64 (stmt, 2);
  document->title = column_dup (stmt, 3);
  chamber_document_kind_from_string ((const char *) sqlite3_column_text (stmt, 4),
                                     &document->kind);
  sha256 = (const char *) sqlite3_column_text (stmt, 5);
  if (sha256 != NULL)
    g_strlcpy (document->sha256, sha256, sizeof document->sha256);
  document->bytes = sqlite3_column_int64 (stmt, 6);
  document->pages = sqlite3_column_int (stmt, 7);
  document->version = sqlite3_column_int (stmt, 8);
  document->published_at = column_dup (stmt, 9);
  document->changed_at = sqlite3_column_int64 (stmt, 10);
  document->replaces_id = sqlite3_column_int64 (stmt, 11);  /* NULL reads as 0 */
  document->replaces_version = sqlite3_column_int (stmt, 12);
  sha256 = (const char *) sqlite3_column_text (stmt, 13);
  if (sha256 != NULL)
    g_strlcpy (document->replaces_sha256, sha256, sizeof document->replaces_sha256);
  document->draft = sqlite3_column_int (stmt, 14) != 0;
  return document;
}

/* Binds the columns after the id as ?2 … ?15, with @session_id and @version. A document that
 * replaces none stores NULL in the replaces_* columns. */
static void
bind_document (sqlite3_stmt          *stmt,
               const ChamberDocument *document,
               gint64                 session_id,
               int                    version)
{
  sqlite3_bind_int64 (stmt, 2, session_id);
  sqlite3_bind_int64 (stmt, 3, document->item_id);
  bind_text (stmt, 4, document->title);
  bind_text (stmt, 5, chamber_document_kind_to_string (document->kind));
  bind_text (stmt, 6, document->sha256);
  sqlite3_bind_int64 (stmt, 7, document->bytes);
  sqlite3_bind_int (stmt, 8, document->pages);
  sqlite3_bind_int (stmt, 9, version);
  bind_text (stmt, 10, document->published_at);
  sqlite3_bind_int64 (stmt, 11, MAX (document->changed_at, 0));
  if (document->replaces_id > 0 && document->replaces_sha256[0] != '\0')
    {
      sqlite3_bind_int64 (stmt, 12, document->replaces_id);
      sqlite3_bind_int (stmt, 13, MAX (document->replaces_version, 1));
      bind_text (stmt, 14, document->replaces_sha256);
    }
  else
    {
      sqlite3_bind_null (stmt, 12);
      sqlite3_bind_null (stmt, 13);
      sqlite3_bind_null (stmt, 14);
    }
  sqlite3_bind_int (stmt, 15, document->draft ? 1 : 0);
}

static gboolean
load_access (ChamberStore    *self,
             ChamberDocument *document,
             GError         **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  gboolean row;
  gboolean ok;

  stmt = prepare (self,
                  "SELECT entry FROM document_access WHERE document_id = ?1 ORDER BY rowid",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document->id);
  while ((ok = step_row (self, stmt, &row, error)) && row)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (!ok)
    return FALSE;

  g_strfreev (document->access);
  document->access = g_strv_builder_end (builder);
  return TRUE;
}

/* Replaces the access list of document @document_id with @access (NULL: "all"). */
static gboolean
write_access (ChamberStore       *self,
              gint64              document_id,
              const char *const  *access,
              GError            **error)
{
  static const char *const everyone[] = { "all", NULL };
  g_autoptr (CachedStatement) clear = NULL;

  clear = prepare (self, "DELETE FROM document_access WHERE document_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, document_id);
  if (!step_done (self, clear, error))
    return FALSE;

  if (access == NULL)
    access = everyone;

  for (guint i = 0; access[i] != NULL; i++)
    {
      g_autoptr (CachedStatement) add = NULL;

      add = prepare (self,
                     "INSERT INTO document_access (document_id, entry) VALUES (?1, ?2)"
                     " ON CONFLICT DO NOTHING",
                     error);
      if (add == NULL)
        return FALSE;
      sqlite3_bind_int64 (add, 1, document_id);
      bind_text (add, 2, access[i]);
      if (!step_done (self, add, error))
        return FALSE;
    }

  return TRUE;
}

/* Inserts @document as the next version of its item and title, filling @out_stored's id,
 * session, version, changed_at and replaces_* (its other fields are left alone). */
static gboolean
insert_document (ChamberStore          *self,
                 const ChamberDocument *document,
                 ChamberDocument       *out_stored,
                 GError               **error)
{
  g_autoptr (CachedStatement) latest = NULL;
  g_autoptr (CachedStatement) insert = NULL;
  ChamberDocument new_document = *document;
  gint64 session_id;
  gint64 revision;
  gboolean row;

  if (!validate_document (document, error)
      || !lookup_item_place (self, document->item_id, &session_id, NULL, error))
    return FALSE;

  /* The newest version so far of the same item and title is the one this replaces. */
  latest = prepare (self,
                    "SELECT id, version, sha256 FROM documents"
                    " WHERE item_id = ?1 AND title = ?2 ORDER BY version DESC LIMIT 1",
                    error);
  if (latest == NULL)
    return FALSE;
  sqlite3_bind_int64 (latest, 1, document->item_id);
  bind_text (latest, 2, document->title);
  if (!step_row (self, latest, &row, error))
    return FALSE;
  new_document.version = 1;
  new_document.replaces_id = 0;
  new_document.replaces_version = 0;
  new_document.replaces_sha256[0] = '\0';
  if (row)
    {
      new_document.replaces_id = sqlite3_column_int64 (latest, 0);
      new_document.replaces_version = sqlite3_column_int (latest, 1);
      g_strlcpy (new_document.replaces_sha256, (const char *) sqlite3_column_text (latest, 2),
                 sizeof new_document.replaces_sha256);
      new_document.version = new_document.replaces_version + 1;
    }
  g_clear_pointer (&latest, cached_statement_release);

  /* The document is new at the session's next revision. */
  if (!bump_revision (self, session_id, &revision, error))
    return FALSE;
  new_document.changed_at = revision;

  insert = prepare (self,
                    "INSERT INTO documents (" DOCUMENT_COLUMNS ")"
                    " VALUES (NULL, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                    error);
  if (insert == NULL)
    return FALSE;
  bind_document (insert, &new_document, session_id, new_document.version);
  if (!step_done (self, insert, error))
    return FALSE;

  out_stored->id = sqlite3_last_insert_rowid (self->db);
  out_stored->session_id = session_id;
  out_stored->version = new_document.version;
  out_stored->changed_at = new_document.changed_at;
  out_stored->replaces_id = new_document.replaces_id;
  out_stored->replaces_version = new_document.replaces_version;
  memcpy (out_stored->replaces_sha256, new_document.replaces_sha256,
          sizeof out_stored->replaces_sha256);

  return write_access (self, out_stored->id, (const char *const *) document->access, error);
}

gboolean
chamber_store_insert_document (ChamberStore    *self,
                               ChamberDocument *document,
                               GError         **error)
{
  ChamberDocument stored = { 0, };

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_store_begin (self, error))
    return FALSE;
  if (!insert_document (self, document, &stored, error))
    {
      chamber_store_rollback (self);
      return FALSE;
    }
  if (!chamber_store_commit (self, error))
    return FALSE;

  document->id = stored.id;
  document->session_id = stored.session_id;
  document->version = stored.version;
  document->changed_at = stored.changed_at;
  document->replaces_id = stored.replaces_id;
  document->replaces_version = stored.replaces_version;
  memcpy (document->replaces_sha256, stored.replaces_sha256, sizeof document->replaces_sha256);
  return TRUE;
}

static gboolean
upsert_document (ChamberStore          *self,
                 const ChamberDocument *document,
                 GError               **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gint64 item_session_id;

  if (document->id <= 0)
    return set_constraint_error (error, _("Document “%s” has no id, so it cannot be mirrored."),
                                 document->title);
  if (!validate_document (document, error)
      || !lookup_item_place (self, document->item_id, &item_session_id, NULL, error))
    return FALSE;
  if (document->session_id != 0 && document->session_id != item_session_id)
    return set_constraint_error (error,
                                 _("Document “%s” is given for session %lld but its agenda item "
                                   "%lld belongs to session %lld."),
                                 document->title, (long long) document->session_id,
                                 (long long) document->item_id, (long long) item_session_id);

  stmt = prepare (self,
                  "INSERT INTO documents (" DOCUMENT_COLUMNS ")"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
                  " ON CONFLICT (id) DO UPDATE SET session_id = excluded.session_id,"
                  "  item_id = excluded.item_id, title = excluded.title, kind = excluded.kind,"
                  "  sha256 = excluded.sha256, bytes = excluded.bytes, pages = excluded.pages,"
                  "  version = excluded.version, published_at = excluded.published_at,"
                  "  changed_at = excluded.changed_at, replaces_id = excluded.replaces_id,"
                  "  replaces_version = excluded.replaces_version, draft = excluded.draft,"
                  "  replaces_sha256 = excluded.replaces_sha256",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document->id);
  bind_document (stmt, document, item_session_id, MAX (document->version, 1));
  if (!step_done (self, stmt, error))
    return FALSE;

  return write_access (self, document->id, (const char *const *) document->access, error);
}

gboolean
chamber_store_upsert_document (ChamberStore          *self,
                               const ChamberDocument *document,
                               GError               **error)
{
  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_store_begin (self, error))
    return FALSE;
  if (!upsert_document (self, document, error))
    {
      chamber_store_rollback (self);
      return FALSE;
    }
  return chamber_store_commit (self, error);
}

gboolean
chamber_store_set_document_access (ChamberStore       *self,
                                   gint64              document_id,
                                   const char *const  *access,
                                   GError            **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gint64 session_id;
  gint64 revision;
  gboolean found;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; access != NULL && access[i] != NULL; i++)
    if (!is_access_entry (access[i]))
      return set_constraint_error (error,
                                   _("“%s” is not an access entry: use “all”, “group:NAME” "
                                     "or “person:ID”."),
                                   access[i]);
  if (access != NULL && access[0] == NULL)
    access = NULL;

  if (!chamber_store_begin (self, error))
    return FALSE;
  stmt = prepare (self, "SELECT session_id FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (!query_int64 (self, stmt, &session_id, &found, error))
    goto failed;
  g_clear_pointer (&stmt, cached_statement_release);
  if (!found)
    {
      set_document_not_found (document_id, error);
      goto failed;
    }
  if (!write_access (self, document_id, access, error)
      || !bump_revision (self, session_id, &revision, error))
    goto failed;
  /* Who may read it is part of the document: readers who gain it get it in full, since. */
  stmt = prepare (self, "UPDATE documents SET changed_at = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, document_id);
  sqlite3_bind_int64 (stmt, 2, revision);
  if (!step_done (self, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, cached_statement_release);
  return chamber_store_commit (self, error);

failed:
  chamber_store_rollback (self);
  return FALSE;
}

ChamberDocument *
chamber_store_get_document (ChamberStore *self,
                            gint64        id,
                            GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  gboolean row;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self, "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_row (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      set_document_not_found (id, error);
      return NULL;
    }

  document = document_from_row (stmt);
  if (!load_access (self, document, error))
    return NULL;
  return g_steal_pointer (&document);
}

/* Runs @stmt (document rows) and loads each document's access list. */
static GPtrArray *
collect_documents (ChamberStore *self,
                   sqlite3_stmt *stmt,
                   GError      **error)
{
  g_autoptr (GPtrArray) documents = NULL;
  gboolean row;
  gboolean ok;

  documents = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  while ((ok = step_row (self, stmt, &row, error)) && row)
    g_ptr_array_add (documents, document_from_row (stmt));
  if (!ok)
    return NULL;

  for (guint i = 0; i < documents->len; i++)
    if (!load_access (self, g_ptr_array_index (documents, i), error))
      return NULL;

  return g_steal_pointer (&documents);
}

GPtrArray *
chamber_store_list_documents (ChamberStore *self,
                              gint64        session_id,
                              GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!require_session (self, session_id, error))
    return NULL;

  stmt = prepare (self,
                  ITEM_TREE_CTE
                  "SELECT d.id, d.session_id, d.item_id, d.title, d.kind, d.sha256, d.bytes,"
                  "  d.pages, d.version, d.published_at, d.changed_at, d.replaces_id,"
                  "  d.replaces_version, d.replaces_sha256, d.draft"
                  " FROM documents d JOIN tree ON tree.id = d.item_id"
                  " WHERE d.session_id = ?1"
                  " ORDER BY tree.path, d.title, d.version, d.id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);

  return collect_documents (self, stmt, error);
}

GPtrArray *
chamber_store_list_item_documents (ChamberStore *self,
                                   gint64        item_id,
                                   GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lookup_item_place (self, item_id, NULL, NULL, error))
    return NULL;

  stmt = prepare (self,
                  "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE item_id = ?1"
                  " ORDER BY title, version, id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);

  return collect_documents (self, stmt, error);
}

static gboolean
reads_everything (const ChamberPerson *person)
{
  return person->role == CHAMBER_ROLE_SECRETARIAT || person->role == CHAMBER_ROLE_ADMIN
         || person->role == CHAMBER_ROLE_CHAIR;
}

gboolean
chamber_store_person_may_read (ChamberStore          *self,
                               const ChamberPerson   *person,
                               const ChamberDocument *document)
{
  g_autofree char *own_entry = NULL;

  g_return_val_if_fail (document != NULL, FALSE);

  if (person == NULL)
    return FALSE;
  /* A draft is the secretariat's until it is published (chamber-publish.h). */
  if (document->draft)
    return person->role == CHAMBER_ROLE_SECRETARIAT || person->role == CHAMBER_ROLE_ADMIN;
  if (reads_everything (person) || document->access == NULL)
    return TRUE;

  own_entry = g_strdup_printf ("person:%lld", (long long) person->id);
  for (guint i = 0; document->access[i] != NULL; i++)
    {
      const char *entry = document->access[i];

      if (g_str_equal (entry, "all") || g_str_equal (entry, own_entry))
        return TRUE;
      if (person->group_name != NULL && g_str_has_prefix (entry, "group:")
          && g_str_equal (entry + strlen ("group:"), person->group_name))
        return TRUE;
    }

  return FALSE;
}

gboolean
chamber_store_blob_readable_by (ChamberStore        *self,
                                const char          *sha256,
                                const ChamberPerson *person,
                                GError             **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gint64 readable;
  gboolean found;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (person == NULL || !chamber_sha256_is_valid (sha256))
    return FALSE;

  if (person->role == CHAMBER_ROLE_SECRETARIAT || person->role == CHAMBER_ROLE_ADMIN)
    {
      stmt = prepare (self, "SELECT EXISTS (SELECT 1 FROM documents WHERE sha256 = ?1)", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, sha256);
    }
  else if (reads_everything (person))
    {
      /* The chair reads every published document, but no draft. */
      stmt = prepare (self,
                      "SELECT EXISTS (SELECT 1 FROM documents WHERE sha256 = ?1 AND draft = 0)",
                      error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, sha256);
    }
  else
    {
      g_autofree char *own_entry = g_strdup_printf ("person:%lld", (long long) person->id);

      stmt = prepare (self,
                      "SELECT EXISTS (SELECT 1 FROM documents d"
                      "  JOIN document_access a ON a.document_id = d.id"
                      "  WHERE d.sha256 = ?1 AND d.draft = 0"
                      "    AND (a.entry = 'all' OR a.entry = ?2 OR a.entry = 'group:' || ?3))",
                      error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, sha256);
      bind_text (stmt, 2, own_entry);
      bind_text (stmt, 3, person->group_name);
    }

  if (!query_int64 (self, stmt, &readable, &found, error))
    return FALSE;
  return readable != 0;
}

/* Access tokens */

gboolean
chamber_store_insert_token (ChamberStore *self,
                            gint64        person_id,
                            const char   *token_hash,
                            const char   *expires_at,
                            gint64       *out_id,
                            GError      **error)
{
  g_autoptr (CachedStatement) insert = NULL;
  g_autofree char *expiry = NULL;
  g_autofree char *now = NULL;
  gint64 id;
  gboolean found;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_sha256_is_valid (token_hash))
    return set_constraint_error (error,
                                 _("A token is stored as its SHA-256 in 64 lowercase hexadecimal "
                                   "digits, never as the token itself."));

  if (expires_at != NULL)
    {
      g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr (GDateTime) parsed = g_date_time_new_from_iso8601 (expires_at, utc);
      g_autoptr (GDateTime) parsed_utc = NULL;

      if (parsed == NULL)
        return set_constraint_error (error,
                                     _("The expiry “%s” is not an ISO 8601 date and time, such "
                                       "as 2026-12-31T17:00:00Z."),
                                     expires_at);
      parsed_utc = g_date_time_to_utc (parsed);
      expiry = g_date_time_format (parsed_utc, "%Y-%m-%dT%H:%M:%SZ");
    }

  if (!chamber_store_begin (self, error))
    return FALSE;

  if (!row_exists (self, "SELECT 1 FROM people WHERE id = ?1", person_id, &found, error))
    goto failed;
  if (!found)
    {
      set_person_not_found (person_id, error);
      goto failed;
    }

  now = now_utc_string (0);
  insert = prepare (self,
                    "INSERT INTO tokens (person_id, token_hash, created_at, expires_at)"
                    " VALUES (?1, ?2, ?3, ?4)",
                    error);
  if (insert == NULL)
    goto failed;
  sqlite3_bind_int64 (insert, 1, person_id);
  bind_text (insert, 2, token_hash);
  bind_text (insert, 3, now);
  bind_text (insert, 4, expiry);
  if (!step_done (self, insert, error))
    goto failed;
  id = sqlite3_last_insert_rowid (self->db);

  if (!chamber_store_commit (self, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = id;
  return TRUE;

failed:
  chamber_store_rollback (self);
  return FALSE;
}

ChamberPerson *
chamber_store_lookup_token (ChamberStore *self,
                            const char   *token_hash,
                            GError      **error)
{
  g_autoptr (CachedStatement) lookup = NULL;
  g_autoptr (CachedStatement) touch = NULL;
  g_autoptr (ChamberPerson) person = NULL;
  g_autofree char *now = NULL;
  g_autofree char *stale = NULL;
  g_autofree char *last_used_at = NULL;
  gint64 token_id;
  gboolean row;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!chamber_sha256_is_valid (token_hash))
    return NULL;

  now = now_utc_string (0);
  lookup = prepare (self,
                    "SELECT t.id, t.last_used_at, "
                    "  p.id, p.name, p.role, p.group_name, p.title, p.agency, p.active, p.committee"
                    " FROM tokens t JOIN people p ON p.id = t.person_id"
                    " WHERE t.token_hash = ?1 AND t.revoked_at IS NULL"
                    "   AND (t.expires_at IS NULL OR t.expires_at > ?2) AND p.active = 1",
                    error);
  if (lookup == NULL)
    return NULL;
  bind_text (lookup, 1, token_hash);
  bind_text (lookup, 2, now);
  if (!step_row (self, lookup, &row, error) || !row)
    return NULL;

  token_id = sqlite3_column_int64 (lookup, 0);
  last_used_at = column_dup (lookup, 1);
  person = person_from_row (lookup, 2);
  g_clear_pointer (&lookup, cached_statement_release);

  /* Checking a token is a read; the last use is written only when it is older than
   * LAST_USE_RESOLUTION_S, so that busy clients do not write on every request. */
  stale = now_utc_string (-LAST_USE_RESOLUTION_S);
  if (last_used_at != NULL && strcmp (last_used_at, stale) > 0)
    return g_steal_pointer (&person);

  if (!chamber_store_begin (self, error))
    return NULL;
  touch = prepare (self, "UPDATE tokens SET last_used_at = ?2 WHERE id = ?1", error);
  if (touch == NULL)
    goto failed;
  sqlite3_bind_int64 (touch, 1, token_id);
  bind_text (touch, 2, now);
  if (!step_done (self, touch, error))
    goto failed;
  if (!chamber_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&person);

failed:
  chamber_store_rollback (self);
  return NULL;
}

gboolean
chamber_store_revoke_token (ChamberStore *self,
                            gint64        token_id,
                            GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_store_begin (self, error))
    return FALSE;

  /* Revoking twice keeps the first time. */
  now = now_utc_string (0);
  stmt = prepare (self,
                  "UPDATE tokens SET revoked_at = coalesce (revoked_at, ?2) WHERE id = ?1",
                  error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, token_id);
  bind_text (stmt, 2, now);
  if (!step_done (self, stmt, error))
    goto failed;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
                   _("There is no access token %lld."), (long long) token_id);
      goto failed;
    }

  return chamber_store_commit (self, error);

failed:
  chamber_store_rollback (self);
  return FALSE;
}

ChamberPerson *
chamber_store_get_token_person (ChamberStore *self,
                                gint64        token_id,
                                GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = prepare (self,
                  "SELECT p.id, p.name, p.role, p.group_name, p.title, p.agency, p.active, p.committee"
                  " FROM tokens t JOIN people p ON p.id = t.person_id WHERE t.id = ?1",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, token_id);
  if (!step_row (self, stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
                   _("There is no access token %lld."), (long long) token_id);
      return NULL;
    }
  return person_from_row (stmt, 0);
}

/* Blobs held on this laptop */

gboolean
chamber_store_mark_blob_held (ChamberStore *self,
                              const char   *sha256,
                              gint64        bytes,
                              GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_sha256_is_valid (sha256))
    return set_constraint_error (error,
                                 _("“%s” is not a content hash (64 lowercase hexadecimal "
                                   "digits)."),
                                 sha256 != NULL ? sha256 : "");
  if (bytes < 0)
    return set_constraint_error (error, _("The size of a blob cannot be negative."));

  if (!chamber_store_begin (self, error))
    return FALSE;

  now = now_utc_string (0);
  stmt = prepare (self,
                  "INSERT INTO local_blobs (sha256, bytes, fetched_at) VALUES (?1, ?2, ?3)"
                  " ON CONFLICT (sha256) DO UPDATE SET bytes = excluded.bytes,"
                  "  fetched_at = excluded.fetched_at",
                  error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, sha256);
  sqlite3_bind_int64 (stmt, 2, bytes);
  bind_text (stmt, 3, now);
  if (!step_done (self, stmt, error))
    goto failed;

  return chamber_store_commit (self, error);

failed:
  chamber_store_rollback (self);
  return FALSE;
}

gboolean
chamber_store_is_blob_held (ChamberStore *self,
                            const char   *sha256)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gboolean found;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);

  if (!chamber_sha256_is_valid (sha256))
    return FALSE;

  stmt = prepare (self, "SELECT 1 FROM local_blobs WHERE sha256 = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, sha256);
  return step_row (self, stmt, &found, NULL) && found;
}

/* The client mirror */

/* The ids that @sql ("SELECT id FROM … WHERE session_id = ?1") answers for @session_id. */
static GHashTable *
stored_ids (ChamberStore *self,
            const char   *sql,
            gint64        session_id,
            GError      **error)
{
  g_autoptr (CachedStatement) stmt = prepare (self, sql, error);
  g_autoptr (GHashTable) ids = NULL;
  gboolean row;
  gboolean ok;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);

  ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  while ((ok = step_row (self, stmt, &row, error)) && row)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  if (!ok)
    return NULL;

  return g_steal_pointer (&ids);
}

/* Deletes the rows of @ids that are not in @keep, with @delete_sql ("DELETE … WHERE id = ?1"). */
static gboolean
delete_absent (ChamberStore *self,
               GHashTable   *ids,
               GHashTable   *keep,
               const char   *delete_sql,
               GError      **error)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autoptr (CachedStatement) stmt = NULL;

      if (g_hash_table_contains (keep, key))
        continue;

      stmt = prepare (self, delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* The depth of @item among @by_id (id → item); -1 when its parents loop. */
static int
item_depth (GHashTable        *by_id,
            const ChamberItem *item)
{
  int depth = 0;

  while (item->parent_id != 0)
    {
      item = g_hash_table_lookup (by_id, &item->parent_id);
      if (item == NULL)
        break;
      if (++depth > MAX_ITEM_DEPTH)
        return -1;
    }
  return depth;
}

typedef struct
{
  const ChamberItem *item;
  int                depth;
} ItemByDepth;

static int
compare_item_depth (gconstpointer a,
                    gconstpointer b)
{
  const ItemByDepth *x = a;
  const ItemByDepth *y = b;

  return (x->depth > y->depth) - (x->depth < y->depth);
}

/* Upserts @items so that every parent is written before its children. */
static gboolean
upsert_items_parents_first (ChamberStore *self,
                            gint64        session_id,
                            GPtrArray    *items,
                            GHashTable   *keep,
                            GError      **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (ItemByDepth), items->len);

  for (guint i = 0; i < items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (items, i);

      g_hash_table_insert (by_id, (gpointer) &item->id, (gpointer) item);
    }

  for (guint i = 0; i < items->len; i++)
    {
      ItemByDepth entry = { g_ptr_array_index (items, i), 0 };

      entry.depth = item_depth (by_id, entry.item);
      if (entry.depth < 0)
        return set_constraint_error (error,
                                     _("The agenda of session %lld places item “%s” under one of "
                                       "its own sub-items."),
                                     (long long) session_id, entry.item->title);
      g_array_append_val (order, entry);
    }
  g_array_sort (order, compare_item_depth);

  for (guint i = 0; i < order->len; i++)
    {
      ChamberItem item = *g_array_index (order, ItemByDepth, i).item;

      if (item.session_id != 0 && item.session_id != session_id)
        return set_constraint_error (error,
                                     _("Agenda item “%s” belongs to session %lld, not to session "
                                       "%lld."),
                                     item.title, (long long) item.session_id,
                                     (long long) session_id);
      item.session_id = session_id;
      if (!upsert_item (self, &item, error))
        return FALSE;
      g_hash_table_add (keep, g_memdup2 (&item.id, sizeof item.id));
    }

  return TRUE;
}

static gboolean
replace_session_mirror (ChamberStore         *self,
                        const ChamberSession *session,
                        GPtrArray            *items,
                        GPtrArray            *documents,
                        GPtrArray            *people,
                        GError              **error)
{
  g_autoptr (GHashTable) keep_items = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                             g_free, NULL);
  g_autoptr (GHashTable) keep_documents = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                                 g_free, NULL);
  g_autoptr (GHashTable) old_items = NULL;
  g_autoptr (GHashTable) old_documents = NULL;

  if (!upsert_session (self, session, error))
    return FALSE;

  for (guint i = 0; people != NULL && i < people->len; i++)
    if (!upsert_person (self, g_ptr_array_index (people, i), error))
      return FALSE;

  /* Stale documents go first: a new document may take the item, title and version of one
   * that was removed on the server. */
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);

      g_hash_table_add (keep_documents, g_memdup2 (&document->id, sizeof document->id));
    }
  old_documents = stored_ids (self, "SELECT id FROM documents WHERE session_id = ?1",
                              session->id, error);
  if (old_documents == NULL
      || !delete_absent (self, old_documents, keep_documents,
                         "DELETE FROM documents WHERE id = ?1", error))
    return FALSE;

  if (items != NULL && !upsert_items_parents_first (self, session->id, items, keep_items, error))
    return FALSE;
  old_items = stored_ids (self, "SELECT id FROM items WHERE session_id = ?1", session->id, error);
  if (old_items == NULL
      || !delete_absent (self, old_items, keep_items, "DELETE FROM items WHERE id = ?1", error))
    return FALSE;

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      ChamberDocument document = *(const ChamberDocument *) g_ptr_array_index (documents, i);

      if (document.session_id == 0)
        document.session_id = session->id;
      if (document.session_id != session->id)
        return set_constraint_error (error,
                                     _("Document “%s” belongs to session %lld, not to session "
                                       "%lld."),
                                     document.title, (long long) document.session_id,
                                     (long long) session->id);
      if (!upsert_document (self, &document, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
chamber_store_replace_session_mirror (ChamberStore         *self,
                                      const ChamberSession *session,
                                      GPtrArray            *items,
                                      GPtrArray            *documents,
                                      GPtrArray            *people,
                                      GError              **error)
{
  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_store_begin (self, error))
    return FALSE;
  if (!replace_session_mirror (self, session, items, documents, people, error))
    {
      chamber_store_rollback (self);
      return FALSE;
    }
  return chamber_store_commit (self, error);
}

/* Settings */

gboolean
chamber_store_set_setting (ChamberStore *self,
                           const char   *key,
                           const char   *value,
                           GError      **error)
{
  g_autoptr (CachedStatement) stmt = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (key == NULL || *key == '\0')
    return set_constraint_error (error, _("A setting needs a name."));

  if (!chamber_store_begin (self, error))
    return FALSE;

  /* NULL removes the setting. */
  if (value == NULL)
    stmt = prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    stmt = prepare (self,
                    "INSERT INTO settings (key, value) VALUES (?1, ?2)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    error);
  if (stmt == NULL)
    goto failed;
  bind_text (stmt, 1, key);
  if (value != NULL)
    bind_text (stmt, 2, value);
  if (!step_done (self, stmt, error))
    goto failed;

  return chamber_store_commit (self, error);

failed:
  chamber_store_rollback (self);
  return FALSE;
}

char *
chamber_store_get_setting (ChamberStore *self,
                           const char   *key)
{
  g_autoptr (CachedStatement) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);

  if (key == NULL)
    return NULL;

  stmt = prepare (self, "SELECT value FROM settings WHERE key = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
  if (!step_row (self, stmt, &row, NULL) || !row)
    return NULL;
  return column_dup (stmt, 0);
}

/* GObject */

static void
chamber_store_finalize (GObject *object)
{
  ChamberStore *self = CHAMBER_STORE (object);

  /* Statements first: a connection with live statements cannot close. Closing rolls back a
   * transaction left open. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (chamber_store_parent_class)->finalize (object);
}

static void
chamber_store_class_init (ChamberStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chamber_store_finalize;
}

static void
chamber_store_init (ChamberStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                            finalize_statement);
}

/* Private API for core modules with tables of their own */

sqlite3 *
chamber_store_get_db (ChamberStore *self)
{
  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);

  return self->db;
}

sqlite3_stmt *
chamber_store_prepare (ChamberStore *self,
                       const char   *static_sql,
                       GError      **error)
{
  g_return_val_if_fail (CHAMBER_IS_STORE (self), NULL);

  return prepare (self, static_sql, error);
}

void
chamber_store_set_error (ChamberStore *self,
                         int           rc,
                         GError      **error)
{
  set_db_error (self, rc, error);
}

void
chamber_store_statement_release (ChamberStoreStatement *stmt)
{
  cached_statement_release (stmt);
}

void
chamber_store_bind_text (sqlite3_stmt *stmt,
                         int           index,
                         const char   *text)
{
  bind_text (stmt, index, text);
}

void
chamber_store_bind_id_or_null (sqlite3_stmt *stmt,
                               int           index,
                               gint64        id)
{
  bind_id_or_null (stmt, index, id > 0 ? id : 0);
}

char *
chamber_store_column_dup (sqlite3_stmt *stmt,
                          int           column)
{
  return column_dup (stmt, column);
}

gboolean
chamber_store_step_done (ChamberStore *self,
                         sqlite3_stmt *stmt,
                         GError      **error)
{
  return step_done (self, stmt, error);
}

gboolean
chamber_store_step_row (ChamberStore *self,
                        sqlite3_stmt *stmt,
                        gboolean     *out_row,
                        GError      **error)
{
  return step_row (self, stmt, out_row, error);
}

char *
chamber_store_now_utc (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}
