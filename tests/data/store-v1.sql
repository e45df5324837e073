-- store-v1.sql — a Chamber database as schema version 1 wrote it, with some rows.
-- test-store loads it with sqlite3_exec() and opens the result with chamber_store_open(),
-- which must migrate it to the current schema and keep every row.
-- The schema is the same as the first step of the migrations in src/core/chamber-store.c.

PRAGMA foreign_keys = ON;

BEGIN;

CREATE TABLE council (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL CHECK (name <> ''),
  term TEXT
);

CREATE TABLE sessions (
  id        INTEGER PRIMARY KEY,
  number    INTEGER NOT NULL,
  kind      TEXT NOT NULL DEFAULT 'regular'
            CHECK (kind IN ('regular', 'thematic', 'extraordinary')),
  title     TEXT NOT NULL CHECK (title <> ''),
  place     TEXT,
  starts_on TEXT CHECK (starts_on IS NULL
                        OR starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  ends_on   TEXT CHECK (ends_on IS NULL
                        OR ends_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  state     TEXT NOT NULL DEFAULT 'preparing'
            CHECK (state IN ('preparing', 'open', 'closed')),
  revision  INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 0)
);

CREATE TABLE items (
  id              INTEGER PRIMARY KEY,
  session_id      INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  parent_id       INTEGER REFERENCES items (id) ON DELETE CASCADE,
  position        INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  title           TEXT NOT NULL CHECK (title <> ''),
  planned_minutes INTEGER NOT NULL DEFAULT 0 CHECK (planned_minutes >= 0),
  state           TEXT NOT NULL DEFAULT 'not-started'
                  CHECK (state IN ('not-started', 'open', 'closed'))
);
CREATE INDEX items_by_session ON items (session_id, parent_id, position);
CREATE INDEX items_by_parent ON items (parent_id);
CREATE TRIGGER items_parent_in_session_on_insert BEFORE INSERT ON items
  WHEN NEW.parent_id IS NOT NULL
   AND (SELECT session_id FROM items WHERE id = NEW.parent_id) IS NOT NEW.session_id
BEGIN
  SELECT RAISE (ABORT, 'an agenda item must be under an item of its own session');
END;
CREATE TRIGGER items_parent_in_session_on_update
  BEFORE UPDATE OF session_id, parent_id ON items
  WHEN NEW.parent_id IS NOT NULL
   AND (SELECT session_id FROM items WHERE id = NEW.parent_id) IS NOT NEW.session_id
BEGIN
  SELECT RAISE (ABORT, 'an agenda item must be under an item of its own session');
END;

CREATE TABLE people (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (name <> ''),
  role       TEXT NOT NULL
             CHECK (role IN ('delegate', 'chair', 'secretariat', 'admin', 'official')),
  group_name TEXT,
  title      TEXT,
  agency     TEXT,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  session_id   INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  item_id      INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
  title        TEXT NOT NULL CHECK (title <> ''),
  kind         TEXT NOT NULL
               CHECK (kind IN ('submission', 'report', 'draft-resolution', 'other')),
  sha256       TEXT NOT NULL
               CHECK (length (sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  bytes        INTEGER NOT NULL CHECK (bytes >= 0),
  pages        INTEGER NOT NULL CHECK (pages >= 0),
  version      INTEGER NOT NULL CHECK (version >= 1),
  published_at TEXT,
  UNIQUE (item_id, title, version)
);
CREATE INDEX documents_by_session ON documents (session_id);
CREATE INDEX documents_by_sha256 ON documents (sha256);
CREATE TRIGGER documents_in_item_session_on_insert BEFORE INSERT ON documents
  WHEN (SELECT session_id FROM items WHERE id = NEW.item_id) IS NOT NEW.session_id
BEGIN
  SELECT RAISE (ABORT, 'a document must belong to the session of its agenda item');
END;
CREATE TRIGGER documents_in_item_session_on_update
  BEFORE UPDATE OF session_id, item_id ON documents
  WHEN (SELECT session_id FROM items WHERE id = NEW.item_id) IS NOT NEW.session_id
BEGIN
  SELECT RAISE (ABORT, 'a document must belong to the session of its agenda item');
END;

CREATE TABLE tokens (
  id         INTEGER PRIMARY KEY,
  person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE CHECK (length (token_hash) = 64),
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE INDEX tokens_by_person ON tokens (person_id);

-- Rows

INSERT INTO council (id, name, term) VALUES
  (1, 'Hội đồng nhân dân tỉnh Thái Bình', 'Khóa XVII, nhiệm kỳ 2021–2026');

INSERT INTO sessions (id, number, kind, title, place, starts_on, ends_on, state, revision) VALUES
  (1, 9, 'thematic', 'Kỳ họp thứ 9 (chuyên đề)', 'Hội trường tỉnh', '2024-03-14', '2024-03-14',
   'closed', 7),
  (2, 10, 'regular', 'Kỳ họp thứ 10', 'Hội trường tỉnh', '2024-07-09', '2024-07-11',
   'preparing', 12);

-- Session 2's agenda: 11 [ 12 [ 14, 13 ], 15 ], 16; session 1: 20.
INSERT INTO items (id, session_id, parent_id, position, title, planned_minutes, state) VALUES
  (11, 2, NULL, 0, 'Khai mạc kỳ họp', 15, 'not-started'),
  (12, 2, NULL, 1, 'Báo cáo kinh tế – xã hội 6 tháng đầu năm', 90, 'not-started'),
  (13, 2, 12, 1, 'Thảo luận ở tổ', 60, 'not-started'),
  (14, 2, 12, 0, 'Trình bày báo cáo của UBND tỉnh', 30, 'not-started'),
  (15, 2, NULL, 2, 'Chất vấn và trả lời chất vấn', 120, 'not-started'),
  (16, 2, NULL, 3, 'Bế mạc', 15, 'not-started'),
  (20, 1, NULL, 0, 'Nghị quyết về đầu tư công', 45, 'closed');

INSERT INTO people (id, name, role, group_name, title, agency, active) VALUES
  (1, 'Văn phòng HĐND', 'secretariat', NULL, NULL, NULL, 1),
  (2, 'Nguyễn Văn An', 'delegate', 'Tổ đại biểu số 1', NULL, NULL, 1),
  (3, 'Trần Thị Bình', 'delegate', 'Tổ đại biểu số 2', NULL, NULL, 1),
  (4, 'Lê Văn Cường', 'official', NULL, 'Giám đốc Sở Tài chính', 'Sở Tài chính', 1),
  (5, 'Phạm Văn Dũng', 'delegate', 'Tổ đại biểu số 1', NULL, NULL, 0);

INSERT INTO documents (id, session_id, item_id, title, kind, sha256, bytes, pages, version,
                       published_at) VALUES
  (101, 2, 14, 'Báo cáo tình hình kinh tế – xã hội', 'report',
   'a64c9e6d9cffb28dc192c238c486e3644d7386a0b01f66af4c065b9c46f0b319', 15, 12, 1,
   '2024-07-01T02:00:00Z'),
  (102, 2, 14, 'Báo cáo tình hình kinh tế – xã hội', 'report',
   'ea0607d740db0a95a3471905b547a60c7d0de33d8d9af8a24c990b27973f052d', 15, 13, 2,
   '2024-07-03T02:00:00Z'),
  (103, 2, 15, 'Tờ trình về bảng giá đất', 'submission',
   '23c7dbdc9ddd115b1d74a000c6441d044ac604855f9966369419b2ea779b55bb', 17, 4, 1, NULL),
  (104, 1, 20, 'Dự thảo nghị quyết đầu tư công', 'draft-resolution',
   '2f77bbd90bb0993f63e0e95b6783e7ae4f1cca2afecad43986023ccfaeaa740c', 16, 6, 1,
   '2024-03-10T01:30:00Z');

-- Tokens: chm_fixture-delegate-token (person 2), chm_fixture-revoked-token (person 3, revoked),
-- chm_fixture-secretariat-token (person 1). Only their SHA-256 is stored.
INSERT INTO tokens (id, person_id, token_hash, created_at, expires_at, revoked_at) VALUES
  (1, 2, '3b86f6e7b06278bb307ffa00f776d6f1f1caebd1995cae4eecec8fabcffba79b',
   '2024-06-01T00:00:00Z', NULL, NULL),
  (2, 3, '149a49e46be3c20597a876fbc837206cd10b37975799aef2168983392bbde659',
   '2024-06-01T00:00:00Z', NULL, '2024-06-15T00:00:00Z'),
  (3, 1, '215f33daa64352a334dbe14f030f9c669489243ffabfedb04a0c4d2f20511725',
   '2024-06-01T00:00:00Z', '2099-01-01T00:00:00Z', NULL);

PRAGMA user_version = 1;

COMMIT;
