/* test-store.c — the domain model and the SQLite store, on real database files in a temporary
 * folder: every call, tree order, versions, access rules, tokens, the client mirror,
 * transactions, migration from schema 1, and files the store must refuse without touching. */
#define _GNU_SOURCE  /* unshare() */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sched.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include "chamber-audit.h"
#include "chamber-store.h"
#include "chamber-test-util.h"

#define SHA_A "a64c9e6d9cffb28dc192c238c486e3644d7386a0b01f66af4c065b9c46f0b319"
#define SHA_B "ea0607d740db0a95a3471905b547a60c7d0de33d8d9af8a24c990b27973f052d"
#define SHA_C "23c7dbdc9ddd115b1d74a000c6441d044ac604855f9966369419b2ea779b55bb"
#define SHA_D "2f77bbd90bb0993f63e0e95b6783e7ae4f1cca2afecad43986023ccfaeaa740c"

typedef struct
{
  char         *dir;
  char         *path;
  ChamberStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  fixture->dir = chamber_test_make_temp_dir ("chamber-store-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "chamber.db", NULL);
  fixture->store = chamber_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  chamber_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Helpers */

static char *
sha256_hex (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

static gint64
add_session (ChamberStore *store,
             int           number,
             const char   *title)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (GError) error = NULL;

  session->number = number;
  session->title = g_strdup (title);
  g_assert_true (chamber_store_insert_session (store, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session->id, >, 0);
  return session->id;
}

static gint64
add_item (ChamberStore *store,
          gint64        session_id,
          gint64        parent_id,
          int           position,
          const char   *title)
{
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (GError) error = NULL;

  item->session_id = session_id;
  item->parent_id = parent_id;
  item->position = position;
  item->title = g_strdup (title);
  g_assert_true (chamber_store_insert_item (store, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (item->id, >, 0);
  return item->id;
}

static ChamberPerson *
add_person (ChamberStore *store,
            const char   *name,
            ChamberRole   role,
            const char   *group_name)
{
  ChamberPerson *person = chamber_person_new ();
  g_autoptr (GError) error = NULL;

  person->name = g_strdup (name);
  person->role = role;
  person->group_name = g_strdup (group_name);
  g_assert_true (chamber_store_insert_person (store, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (person->id, >, 0);
  return person;
}

static ChamberDocument *
add_document (ChamberStore      *store,
              gint64             item_id,
              const char        *title,
              const char        *sha256,
              const char *const *access)
{
  ChamberDocument *document = chamber_document_new ();
  g_autoptr (GError) error = NULL;

  document->item_id = item_id;
  document->title = g_strdup (title);
  document->kind = CHAMBER_DOCUMENT_REPORT;
  g_strlcpy (document->sha256, sha256, sizeof document->sha256);
  document->bytes = 1024;
  document->pages = 3;
  document->access = g_strdupv ((char **) access);
  g_assert_true (chamber_store_insert_document (store, document, &error));
  g_assert_no_error (error);
  g_assert_cmpint (document->id, >, 0);
  return document;
}

/* A second, plain SQLite connection to the same file, to see what really reached the disk. */
static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* The first column of the first row of @sql as text (NULL when there is no row). */
static char *
raw_query (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

static gint64
raw_count (sqlite3    *db,
           const char *sql)
{
  g_autofree char *value = raw_query (db, sql);

  g_assert_nonnull (value);
  return g_ascii_strtoll (value, NULL, 10);
}

/* Titles of @items joined by "|" */
static char *
join_item_titles (GPtrArray *items)
{
  g_autoptr (GString) titles = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_string_append_c (titles, '|');
      g_string_append (titles, item->title);
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static char *
join_document_titles (GPtrArray *documents)
{
  g_autoptr (GString) titles = g_string_new (NULL);

  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);

      if (i > 0)
        g_string_append_c (titles, '|');
      g_string_append_printf (titles, "%s v%d", document->title, document->version);
    }
  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* The model */

static void
test_model_names (void)
{
  ChamberRole role;
  ChamberSessionKind kind;
  ChamberSessionState state;
  ChamberItemState item_state;
  ChamberDocumentKind document_kind;

  for (int i = 0; i < CHAMBER_N_ROLES; i++)
    {
      g_assert_true (chamber_role_from_string (chamber_role_to_string (i), &role));
      g_assert_cmpint (role, ==, i);
      g_assert_cmpuint (strlen (chamber_role_get_label (i)), >, 0);
    }
  for (int i = 0; i < CHAMBER_N_SESSION_KINDS; i++)
    {
      g_assert_true (chamber_session_kind_from_string (chamber_session_kind_to_string (i),
                                                       &kind));
      g_assert_cmpint (kind, ==, i);
    }
  for (int i = 0; i < CHAMBER_N_SESSION_STATES; i++)
    {
      g_assert_true (chamber_session_state_from_string (chamber_session_state_to_string (i),
                                                        &state));
      g_assert_cmpint (state, ==, i);
    }
  for (int i = 0; i < CHAMBER_N_ITEM_STATES; i++)
    {
      g_assert_true (chamber_item_state_from_string (chamber_item_state_to_string (i),
                                                     &item_state));
      g_assert_cmpint (item_state, ==, i);
    }
  for (int i = 0; i < CHAMBER_N_DOCUMENT_KINDS; i++)
    {
      g_assert_true (chamber_document_kind_from_string (chamber_document_kind_to_string (i),
                                                        &document_kind));
      g_assert_cmpint (document_kind, ==, i);
    }

  /* The wire names of docs/protocol.md */
  g_assert_cmpstr (chamber_role_to_string (CHAMBER_ROLE_DELEGATE), ==, "delegate");
  g_assert_cmpstr (chamber_role_to_string (CHAMBER_ROLE_CHAIR), ==, "chair");
  g_assert_cmpstr (chamber_role_to_string (CHAMBER_ROLE_SECRETARIAT), ==, "secretariat");
  g_assert_cmpstr (chamber_role_to_string (CHAMBER_ROLE_ADMIN), ==, "admin");
  g_assert_cmpstr (chamber_role_to_string (CHAMBER_ROLE_OFFICIAL), ==, "official");
  g_assert_cmpstr (chamber_session_kind_to_string (CHAMBER_SESSION_EXTRAORDINARY), ==,
                   "extraordinary");
  g_assert_cmpstr (chamber_session_state_to_string (CHAMBER_SESSION_STATE_PREPARING), ==,
                   "preparing");
  g_assert_cmpstr (chamber_item_state_to_string (CHAMBER_ITEM_STATE_NOT_STARTED), ==,
                   "not-started");
  g_assert_cmpstr (chamber_document_kind_to_string (CHAMBER_DOCUMENT_DRAFT_RESOLUTION), ==,
                   "draft-resolution");

  /* Unknown, differently cased, empty and missing names are refused and leave @out alone. */
  role = CHAMBER_ROLE_CHAIR;
  g_assert_false (chamber_role_from_string ("Admin", &role));
  g_assert_false (chamber_role_from_string ("", &role));
  g_assert_false (chamber_role_from_string (NULL, &role));
  g_assert_cmpint (role, ==, CHAMBER_ROLE_CHAIR);
  g_assert_false (chamber_document_kind_from_string ("draft_resolution", NULL));
  g_assert_true (chamber_document_kind_from_string ("other", NULL));
  g_assert_false (chamber_item_state_from_string ("started", NULL));

  /* English source labels (the test runs in the C locale). */
  g_assert_cmpstr (chamber_role_get_label (CHAMBER_ROLE_ADMIN), ==, "Administrator");
  g_assert_cmpstr (chamber_role_get_label (CHAMBER_ROLE_SECRETARIAT), ==, "Secretariat");
  g_assert_cmpstr (chamber_session_kind_get_label (CHAMBER_SESSION_THEMATIC), ==, "Thematic");
  g_assert_cmpstr (chamber_document_kind_get_label (CHAMBER_DOCUMENT_DRAFT_RESOLUTION), ==,
                   "Draft resolution");
}

static void
test_model_copy (void)
{
  static const char *const access[] = { "group:Tổ 1", "person:7", NULL };
  g_autoptr (ChamberDocument) document = chamber_document_new ();
  g_autoptr (ChamberDocument) document_copy = NULL;
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) session_copy = NULL;
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  g_autoptr (ChamberPerson) person_copy = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberItem) item_copy = NULL;

  /* Defaults */
  g_assert_cmpint (item->position, <, 0);
  g_assert_true (person->active);
  g_assert_cmpint (document->version, ==, 1);
  g_assert_null (document->access);
  g_assert_cmpint (session->state, ==, CHAMBER_SESSION_STATE_PREPARING);

  document->id = 4;
  document->title = g_strdup ("Tờ trình về ngân sách");
  document->access = g_strdupv ((char **) access);
  document->published_at = g_strdup ("2024-07-01T02:00:00Z");
  g_strlcpy (document->sha256, SHA_A, sizeof document->sha256);
  document_copy = chamber_document_copy (document);
  g_clear_pointer (&document->title, g_free);
  g_free (document->access[0]);
  document->access[0] = g_strdup ("all");
  g_assert_cmpint (document_copy->id, ==, 4);
  g_assert_cmpstr (document_copy->title, ==, "Tờ trình về ngân sách");
  g_assert_cmpstr (document_copy->access[0], ==, "group:Tổ 1");
  g_assert_cmpstr (document_copy->access[1], ==, "person:7");
  g_assert_null (document_copy->access[2]);
  g_assert_true (document_copy->access != document->access);
  g_assert_cmpstr (document_copy->sha256, ==, SHA_A);
  g_assert_true (document_copy->published_at != document->published_at);

  session->title = g_strdup ("Kỳ họp thứ 10");
  session->place = g_strdup ("Hội trường");
  session->starts_on = g_strdup ("2024-07-09");
  session_copy = chamber_session_copy (session);
  g_assert_cmpstr (session_copy->title, ==, "Kỳ họp thứ 10");
  g_assert_true (session_copy->title != session->title);
  g_assert_cmpstr (session_copy->starts_on, ==, "2024-07-09");
  g_assert_null (session_copy->ends_on);

  person->name = g_strdup ("Lê Văn Cường");
  person->agency = g_strdup ("Sở Tài chính");
  person_copy = chamber_person_copy (person);
  g_assert_true (person_copy->name != person->name);
  g_assert_cmpstr (person_copy->agency, ==, "Sở Tài chính");

  item->title = g_strdup ("Khai mạc");
  item_copy = chamber_item_copy (item);
  g_assert_true (item_copy->title != item->title);
  g_assert_cmpstr (item_copy->title, ==, "Khai mạc");

  g_assert_null (chamber_session_copy (NULL));
  g_assert_null (chamber_item_copy (NULL));
  g_assert_null (chamber_person_copy (NULL));
  g_assert_null (chamber_document_copy (NULL));
  chamber_document_free (NULL);
}

/* Opening */

static void
test_open_fresh (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (ChamberStore) second = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *journal_mode = chamber_store_dup_pragma (fixture->store, "journal_mode");
  g_autofree char *foreign_keys = chamber_store_dup_pragma (fixture->store, "foreign_keys");
  g_autofree char *synchronous = chamber_store_dup_pragma (fixture->store, "synchronous");
  g_autofree char *busy_timeout = chamber_store_dup_pragma (fixture->store, "busy_timeout");
  g_autofree char *user_version = chamber_store_dup_pragma (fixture->store, "user_version");
  g_autofree char *last_used_column = NULL;
  sqlite3 *raw;

  g_assert_cmpstr (chamber_store_get_path (fixture->store), ==, fixture->path);
  g_assert_cmpint (chamber_store_get_schema_version (fixture->store), ==,
                   CHAMBER_STORE_SCHEMA_VERSION);
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpstr (foreign_keys, ==, "1");
  g_assert_cmpstr (synchronous, ==, "1");  /* NORMAL */
  g_assert_cmpstr (busy_timeout, ==, "5000");
  {
    g_autofree char *expected = g_strdup_printf ("%d", CHAMBER_STORE_SCHEMA_VERSION);
    g_assert_cmpstr (user_version, ==, expected);
  }
  g_assert_null (chamber_store_dup_pragma (fixture->store, "writable_schema"));

  g_assert_true (chamber_store_check_integrity (fixture->store, &error));
  g_assert_no_error (error);

  /* Every table of schema 2 is there, seen from an independent connection. */
  raw = open_raw (fixture->path);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND"
                                   " name IN ('council', 'sessions', 'items', 'people',"
                                   " 'documents', 'tokens', 'document_access', 'local_blobs',"
                                   " 'settings')"),
                   ==, 9);
  last_used_column = raw_query (raw, "SELECT name FROM pragma_table_info ('tokens')"
                                     " WHERE name = 'last_used_at'");
  g_assert_cmpstr (last_used_column, ==, "last_used_at");
  sqlite3_close (raw);

  /* A second connection to the same file (the app's sync worker has its own). */
  second = chamber_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chamber_store_get_schema_version (second), ==, CHAMBER_STORE_SCHEMA_VERSION);
  add_session (fixture->store, 1, "Kỳ họp thứ nhất");
  sessions = chamber_store_list_sessions (second, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
}

static void
test_council (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *term = NULL;

  g_assert_false (chamber_store_get_council (fixture->store, &name, &term, &error));
  g_assert_no_error (error);
  g_assert_null (name);

  g_assert_true (chamber_store_set_council (fixture->store, "HĐND tỉnh Thái Bình",
                                            "2021–2026", &error));
  g_assert_no_error (error);
  g_assert_true (chamber_store_set_council (fixture->store, "Hội đồng nhân dân tỉnh Thái Bình",
                                            "Khóa XVII, 2021–2026", &error));
  g_assert_no_error (error);
  g_assert_true (chamber_store_get_council (fixture->store, &name, &term, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Hội đồng nhân dân tỉnh Thái Bình");
  g_assert_cmpstr (term, ==, "Khóa XVII, 2021–2026");

  g_assert_false (chamber_store_set_council (fixture->store, "  ", NULL, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
}

/* Sessions */

static void
test_sessions (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) fetched = NULL;
  g_autoptr (ChamberSession) mirrored = chamber_session_new ();
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GError) error = NULL;

  session->number = 10;
  session->kind = CHAMBER_SESSION_REGULAR;
  session->title = g_strdup ("Kỳ họp thứ 10");
  session->place = g_strdup ("Hội trường tỉnh");
  session->starts_on = g_strdup ("2024-07-09");
  session->ends_on = g_strdup ("2024-07-11");
  g_assert_true (chamber_store_insert_session (fixture->store, session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (session->id, >, 0);
  g_assert_cmpint (session->revision, ==, 1);

  fetched = chamber_store_get_session (fixture->store, session->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetched->number, ==, 10);
  g_assert_cmpstr (fetched->title, ==, "Kỳ họp thứ 10");
  g_assert_cmpstr (fetched->place, ==, "Hội trường tỉnh");
  g_assert_cmpstr (fetched->starts_on, ==, "2024-07-09");
  g_assert_cmpstr (fetched->ends_on, ==, "2024-07-11");
  g_assert_cmpint (fetched->state, ==, CHAMBER_SESSION_STATE_PREPARING);
  g_assert_cmpint (fetched->revision, ==, 1);
  g_clear_pointer (&fetched, chamber_session_free);

  /* An update is a new revision; bump_revision counts on from there. */
  session->state = CHAMBER_SESSION_STATE_OPEN;
  session->kind = CHAMBER_SESSION_THEMATIC;
  g_clear_pointer (&session->place, g_free);
  g_assert_true (chamber_store_update_session (fixture->store, session, &error));
  g_assert_no_error (error);
  fetched = chamber_store_get_session (fixture->store, session->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetched->state, ==, CHAMBER_SESSION_STATE_OPEN);
  g_assert_cmpint (fetched->kind, ==, CHAMBER_SESSION_THEMATIC);
  g_assert_null (fetched->place);
  g_assert_cmpint (fetched->revision, ==, 2);
  g_assert_cmpint (chamber_store_bump_revision (fixture->store, session->id, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpint (chamber_store_bump_revision (fixture->store, session->id, &error), ==, 4);

  /* Newest first */
  add_session (fixture->store, 8, "Kỳ họp thứ 8");
  add_session (fixture->store, 11, "Kỳ họp thứ 11 (bất thường)");
  sessions = chamber_store_list_sessions (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 3);
  g_assert_cmpint (((ChamberSession *) sessions->pdata[0])->number, ==, 11);
  g_assert_cmpint (((ChamberSession *) sessions->pdata[1])->number, ==, 10);
  g_assert_cmpint (((ChamberSession *) sessions->pdata[2])->number, ==, 8);

  /* Upsert keeps the id it is given, and updates in place the second time. */
  mirrored->id = 500;
  mirrored->number = 12;
  mirrored->title = g_strdup ("Kỳ họp thứ 12");
  mirrored->revision = 41;
  g_assert_true (chamber_store_upsert_session (fixture->store, mirrored, &error));
  g_assert_no_error (error);
  g_free (mirrored->title);
  mirrored->title = g_strdup ("Kỳ họp thứ 12 (sửa)");
  mirrored->revision = 42;
  g_assert_true (chamber_store_upsert_session (fixture->store, mirrored, &error));
  g_assert_no_error (error);
  g_clear_pointer (&fetched, chamber_session_free);
  fetched = chamber_store_get_session (fixture->store, 500, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fetched->title, ==, "Kỳ họp thứ 12 (sửa)");
  g_assert_cmpint (fetched->revision, ==, 42);

  /* Missing rows are NOT_FOUND and say which. */
  g_assert_null (chamber_store_get_session (fixture->store, 12345, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "12345"));
  g_clear_error (&error);
  session->id = 777;
  g_assert_false (chamber_store_update_session (fixture->store, session, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (chamber_store_bump_revision (fixture->store, 777, &error), ==, 0);
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Rules of the data */
  g_free (session->starts_on);
  session->starts_on = g_strdup ("2024-02-30");
  g_assert_false (chamber_store_insert_session (fixture->store, session, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "2024-02-30"));
  g_clear_error (&error);
  g_free (session->starts_on);
  session->starts_on = g_strdup ("2024-07-12");
  g_assert_false (chamber_store_insert_session (fixture->store, session, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_pointer (&session->title, g_free);
  g_assert_false (chamber_store_insert_session (fixture->store, session, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (session->id, ==, 777);
}

/* Agenda items */

static void
test_items_tree (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (ChamberItem) fetched = NULL;
  g_autoptr (ChamberItem) item = chamber_item_new ();
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *titles = NULL;
  gint64 s1 = add_session (fixture->store, 10, "Kỳ họp thứ 10");
  gint64 s2 = add_session (fixture->store, 11, "Kỳ họp thứ 11");
  gint64 opening, report, closing, questions, in_groups, presentation, first, other;

  opening = add_item (fixture->store, s1, 0, -1, "Khai mạc");
  report = add_item (fixture->store, s1, 0, -1, "Báo cáo kinh tế – xã hội");
  closing = add_item (fixture->store, s1, 0, -1, "Bế mạc");
  /* At position 2: before "Bế mạc", which moves down. */
  questions = add_item (fixture->store, s1, 0, 2, "Chất vấn");
  in_groups = add_item (fixture->store, s1, report, -1, "Thảo luận ở tổ");
  presentation = add_item (fixture->store, s1, report, 0, "Trình bày báo cáo");
  add_item (fixture->store, s1, presentation, -1, "Phụ lục");
  /* Position 0 at the top goes first; a position past the end goes last. */
  first = add_item (fixture->store, s1, 0, 0, "Chào cờ");
  add_item (fixture->store, s1, questions, 99, "Nhóm vấn đề đất đai");
  other = add_item (fixture->store, s2, 0, -1, "Nội dung kỳ họp khác");

  items = chamber_store_list_items (fixture->store, s1, &error);
  g_assert_no_error (error);
  titles = join_item_titles (items);
  g_assert_cmpstr (titles, ==,
                   "Chào cờ|Khai mạc|Báo cáo kinh tế – xã hội|Trình bày báo cáo|Phụ lục|"
                   "Thảo luận ở tổ|Chất vấn|Nhóm vấn đề đất đai|Bế mạc");

  /* Positions are dense among siblings and parents are recorded. */
  fetched = chamber_store_get_item (fixture->store, closing, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetched->position, ==, 4);
  g_assert_cmpint (fetched->parent_id, ==, 0);
  g_assert_cmpint (fetched->session_id, ==, s1);
  g_clear_pointer (&fetched, chamber_item_free);
  fetched = chamber_store_get_item (fixture->store, in_groups, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetched->position, ==, 1);
  g_assert_cmpint (fetched->parent_id, ==, report);
  g_assert_cmpint (fetched->state, ==, CHAMBER_ITEM_STATE_NOT_STARTED);
  g_clear_pointer (&fetched, chamber_item_free);
  fetched = chamber_store_get_item (fixture->store, first, &error);
  g_assert_cmpint (fetched->position, ==, 0);
  g_clear_pointer (&fetched, chamber_item_free);
  fetched = chamber_store_get_item (fixture->store, opening, &error);
  g_assert_cmpint (fetched->position, ==, 1);
  g_clear_pointer (&fetched, chamber_item_free);

  /* Every item added is a new revision of its session. */
  session = chamber_store_get_session (fixture->store, s1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (session->revision, ==, 10);

  /* A parent from another session, an unknown parent, an unknown session. */
  item->session_id = s2;
  item->parent_id = report;
  item->title = g_strdup ("Lạc kỳ họp");
  g_assert_false (chamber_store_insert_item (fixture->store, item, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (item->id, ==, 0);
  g_clear_error (&error);
  item->parent_id = 9999;
  g_assert_false (chamber_store_insert_item (fixture->store, item, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "9999"));
  g_clear_error (&error);
  item->parent_id = 0;
  item->session_id = 4242;
  g_assert_false (chamber_store_insert_item (fixture->store, item, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "4242"));
  g_clear_error (&error);
  item->session_id = s1;
  item->planned_minutes = -5;
  g_assert_false (chamber_store_insert_item (fixture->store, item, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* Upsert: keeps the id, moves the item, and refuses to hang an item under its own child. */
  item->id = 300;
  item->planned_minutes = 20;
  item->parent_id = closing;
  item->position = 0;
  item->state = CHAMBER_ITEM_STATE_OPEN;
  g_assert_true (chamber_store_upsert_item (fixture->store, item, &error));
  g_assert_no_error (error);
  fetched = chamber_store_get_item (fixture->store, 300, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetched->parent_id, ==, closing);
  g_assert_cmpint (fetched->planned_minutes, ==, 20);
  g_assert_cmpint (fetched->state, ==, CHAMBER_ITEM_STATE_OPEN);
  g_clear_pointer (&fetched, chamber_item_free);

  fetched = chamber_store_get_item (fixture->store, report, &error);
  g_assert_no_error (error);
  fetched->parent_id = presentation;
  g_assert_false (chamber_store_upsert_item (fixture->store, fetched, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  fetched->parent_id = report;
  g_assert_false (chamber_store_upsert_item (fixture->store, fetched, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  fetched->parent_id = other;
  g_assert_false (chamber_store_upsert_item (fixture->store, fetched, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_pointer (&fetched, chamber_item_free);

  g_assert_null (chamber_store_get_item (fixture->store, 12, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no agenda item 12.");
  g_clear_error (&error);
  g_assert_null (chamber_store_list_items (fixture->store, 4242, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
}

/* People */

static void
test_people (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (ChamberPerson) official = chamber_person_new ();
  g_autoptr (ChamberPerson) chair = NULL;
  g_autoptr (ChamberPerson) delegate_b = NULL;
  g_autoptr (ChamberPerson) delegate_a = NULL;
  g_autoptr (ChamberPerson) fetched = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GError) error = NULL;
  static const char *const expected[] = {
    "Nguyễn Văn An", "Trần Thị Bình", "Hoàng Văn Em", "Lê Văn Cường",
  };

  official->name = g_strdup ("Lê Văn Cường");
  official->role = CHAMBER_ROLE_OFFICIAL;
  official->title = g_strdup ("Giám đốc Sở Tài chính");
  official->agency = g_strdup ("Sở Tài chính");
  g_assert_true (chamber_store_insert_person (fixture->store, official, &error));
  g_assert_no_error (error);
  chair = add_person (fixture->store, "Hoàng Văn Em", CHAMBER_ROLE_CHAIR, NULL);
  delegate_b = add_person (fixture->store, "Trần Thị Bình", CHAMBER_ROLE_DELEGATE, "Tổ 2");
  delegate_a = add_person (fixture->store, "Nguyễn Văn An", CHAMBER_ROLE_DELEGATE, "Tổ 1");

  fetched = chamber_store_get_person (fixture->store, official->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fetched->name, ==, "Lê Văn Cường");
  g_assert_cmpint (fetched->role, ==, CHAMBER_ROLE_OFFICIAL);
  g_assert_cmpstr (fetched->title, ==, "Giám đốc Sở Tài chính");
  g_assert_cmpstr (fetched->agency, ==, "Sở Tài chính");
  g_assert_null (fetched->group_name);
  g_assert_true (fetched->active);
  g_clear_pointer (&fetched, chamber_person_free);

  /* By role (delegates, chair, …, officials), then name. */
  people = chamber_store_list_people (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < people->len; i++)
    g_assert_cmpstr (((ChamberPerson *) people->pdata[i])->name, ==, expected[i]);

  /* Upsert updates in place (deactivating), and creates with the given id. */
  delegate_b->active = FALSE;
  g_free (delegate_b->group_name);
  delegate_b->group_name = g_strdup ("Tổ 3");
  g_assert_true (chamber_store_upsert_person (fixture->store, delegate_b, &error));
  g_assert_no_error (error);
  fetched = chamber_store_get_person (fixture->store, delegate_b->id, &error);
  g_assert_no_error (error);
  g_assert_false (fetched->active);
  g_assert_cmpstr (fetched->group_name, ==, "Tổ 3");
  g_clear_pointer (&fetched, chamber_person_free);
  official->id = 90;
  g_assert_true (chamber_store_upsert_person (fixture->store, official, &error));
  g_assert_no_error (error);
  fetched = chamber_store_get_person (fixture->store, 90, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fetched->name, ==, "Lê Văn Cường");

  g_assert_null (chamber_store_get_person (fixture->store, 91, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no person 91.");
  g_clear_error (&error);
  g_free (official->name);
  official->name = g_strdup ("");
  g_assert_false (chamber_store_insert_person (fixture->store, official, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
}

/* Documents */

static void
test_documents (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *const group_only[] = { "group:Tổ 1", NULL };
  g_autoptr (ChamberDocument) first = NULL;
  g_autoptr (ChamberDocument) second = NULL;
  g_autoptr (ChamberDocument) other_title = NULL;
  g_autoptr (ChamberDocument) other_item = NULL;
  g_autoptr (ChamberDocument) early = NULL;
  g_autoptr (ChamberDocument) fetched = NULL;
  g_autoptr (ChamberDocument) bad = NULL;
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *titles = NULL;
  gint64 s1 = add_session (fixture->store, 10, "Kỳ họp thứ 10");
  gint64 opening = add_item (fixture->store, s1, 0, -1, "Khai mạc");
  gint64 report = add_item (fixture->store, s1, 0, -1, "Báo cáo");
  gint64 appendix = add_item (fixture->store, s1, report, -1, "Phụ lục");
  gint64 before = add_item (fixture->store, s1, 0, 0, "Chào cờ");

  first = add_document (fixture->store, report, "Báo cáo kinh tế", SHA_A, NULL);
  second = add_document (fixture->store, report, "Báo cáo kinh tế", SHA_B, NULL);
  other_title = add_document (fixture->store, report, "An ninh quốc phòng", SHA_C, group_only);
  other_item = add_document (fixture->store, appendix, "Báo cáo kinh tế", SHA_D, NULL);
  early = add_document (fixture->store, before, "Chương trình", SHA_D, NULL);

  /* Versions count per item and title; the session comes from the item. */
  g_assert_cmpint (first->version, ==, 1);
  g_assert_cmpint (second->version, ==, 2);
  g_assert_cmpint (other_title->version, ==, 1);
  g_assert_cmpint (other_item->version, ==, 1);
  g_assert_cmpint (second->session_id, ==, s1);

  fetched = chamber_store_get_document (fixture->store, second->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fetched->title, ==, "Báo cáo kinh tế");
  g_assert_cmpint (fetched->kind, ==, CHAMBER_DOCUMENT_REPORT);
  g_assert_cmpstr (fetched->sha256, ==, SHA_B);
  g_assert_cmpint (fetched->bytes, ==, 1024);
  g_assert_cmpint (fetched->pages, ==, 3);
  g_assert_cmpint (fetched->item_id, ==, report);
  g_assert_cmpint (fetched->session_id, ==, s1);
  g_assert_cmpint (fetched->version, ==, 2);
  g_assert_null (fetched->published_at);
  /* No access list means everyone, stored as "all". */
  g_assert_nonnull (fetched->access);
  g_assert_cmpstr (fetched->access[0], ==, "all");
  g_assert_null (fetched->access[1]);
  g_clear_pointer (&fetched, chamber_document_free);

  fetched = chamber_store_get_document (fixture->store, other_title->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fetched->access[0], ==, "group:Tổ 1");
  g_assert_null (fetched->access[1]);
  g_clear_pointer (&fetched, chamber_document_free);

  /* The session's documents follow the agenda tree, then title and version. */
  documents = chamber_store_list_documents (fixture->store, s1, &error);
  g_assert_no_error (error);
  titles = join_document_titles (documents);
  g_assert_cmpstr (titles, ==,
                   "Chương trình v1|An ninh quốc phòng v1|Báo cáo kinh tế v1|"
                   "Báo cáo kinh tế v2|Báo cáo kinh tế v1");
  g_assert_cmpint (((ChamberDocument *) documents->pdata[4])->item_id, ==, appendix);
  g_assert_cmpstr (((ChamberDocument *) documents->pdata[1])->access[0], ==, "group:Tổ 1");
  g_clear_pointer (&documents, g_ptr_array_unref);
  g_clear_pointer (&titles, g_free);

  documents = chamber_store_list_item_documents (fixture->store, report, &error);
  g_assert_no_error (error);
  titles = join_document_titles (documents);
  g_assert_cmpstr (titles, ==, "An ninh quốc phòng v1|Báo cáo kinh tế v1|Báo cáo kinh tế v2");
  g_clear_pointer (&documents, g_ptr_array_unref);
  documents = chamber_store_list_item_documents (fixture->store, opening, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 0);

  /* Five documents, five new revisions after the four items. */
  session = chamber_store_get_session (fixture->store, s1, &error);
  g_assert_cmpint (session->revision, ==, 1 + 4 + 5);

  /* Upsert keeps the id and replaces the access list. */
  bad = chamber_document_copy (other_item);
  bad->id = 700;
  bad->version = 3;
  bad->published_at = g_strdup ("2024-07-02T01:00:00Z");
  bad->access = g_strsplit ("person:5,group:Tổ 2", ",", -1);
  g_assert_true (chamber_store_upsert_document (fixture->store, bad, &error));
  g_assert_no_error (error);
  fetched = chamber_store_get_document (fixture->store, 700, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetched->version, ==, 3);
  g_assert_cmpstr (fetched->published_at, ==, "2024-07-02T01:00:00Z");
  g_assert_cmpstr (fetched->access[0], ==, "person:5");
  g_assert_cmpstr (fetched->access[1], ==, "group:Tổ 2");
  g_assert_null (fetched->access[2]);
  g_clear_pointer (&fetched, chamber_document_free);
  g_strfreev (bad->access);
  bad->access = NULL;
  g_assert_true (chamber_store_upsert_document (fixture->store, bad, &error));
  g_assert_no_error (error);
  fetched = chamber_store_get_document (fixture->store, 700, &error);
  g_assert_cmpstr (fetched->access[0], ==, "all");
  g_assert_null (fetched->access[1]);

  /* Refused: unknown item, bad hash, bad access entry, no title. */
  bad->id = 0;
  bad->item_id = 12;
  g_assert_false (chamber_store_insert_document (fixture->store, bad, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no agenda item 12.");
  g_assert_cmpint (bad->id, ==, 0);
  g_clear_error (&error);
  bad->item_id = report;
  bad->sha256[10] = 'G';
  g_assert_false (chamber_store_insert_document (fixture->store, bad, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_strlcpy (bad->sha256, SHA_A, sizeof bad->sha256);
  bad->access = g_strsplit ("everyone", ",", -1);
  g_assert_false (chamber_store_insert_document (fixture->store, bad, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "everyone"));
  g_clear_error (&error);
  g_strfreev (bad->access);
  bad->access = g_strsplit ("person:0", ",", -1);
  g_assert_false (chamber_store_insert_document (fixture->store, bad, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_pointer (&bad->title, g_free);
  g_assert_false (chamber_store_insert_document (fixture->store, bad, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_null (chamber_store_get_document (fixture->store, 5555, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (chamber_store_list_item_documents (fixture->store, 5555, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
}

/* Access */

static void
test_access_rules (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (ChamberPerson) secretariat = NULL;
  g_autoptr (ChamberPerson) admin = NULL;
  g_autoptr (ChamberPerson) chair = NULL;
  g_autoptr (ChamberPerson) group_1 = NULL;
  g_autoptr (ChamberPerson) group_2 = NULL;
  g_autoptr (ChamberPerson) official = NULL;
  g_autoptr (ChamberDocument) open_to_all = NULL;
  g_autoptr (ChamberDocument) confidential = NULL;
  g_autoptr (ChamberDocument) group_doc = NULL;
  g_autoptr (ChamberDocument) personal = NULL;
  g_autoptr (ChamberDocument) unstored = chamber_document_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *person_entry = NULL;
  const char *personal_access[3] = { NULL, NULL, NULL };
  static const char *const nobody[] = { NULL };
  static const char *const group_1_only[] = { "group:Tổ đại biểu số 1", NULL };
  gint64 session_id = add_session (fixture->store, 10, "Kỳ họp thứ 10");
  gint64 item_id = add_item (fixture->store, session_id, 0, -1, "Chất vấn");
  ChamberStore *store = fixture->store;

  secretariat = add_person (store, "Văn phòng", CHAMBER_ROLE_SECRETARIAT, NULL);
  admin = add_person (store, "Quản trị", CHAMBER_ROLE_ADMIN, NULL);
  chair = add_person (store, "Chủ tọa", CHAMBER_ROLE_CHAIR, NULL);
  group_1 = add_person (store, "Nguyễn Văn An", CHAMBER_ROLE_DELEGATE, "Tổ đại biểu số 1");
  group_2 = add_person (store, "Trần Thị Bình", CHAMBER_ROLE_DELEGATE, "Tổ đại biểu số 2");
  official = add_person (store, "Lê Văn Cường", CHAMBER_ROLE_OFFICIAL, NULL);

  person_entry = g_strdup_printf ("person:%lld", (long long) group_2->id);
  personal_access[0] = person_entry;
  personal_access[1] = "group:Tổ đại biểu số 9";

  open_to_all = add_document (store, item_id, "Báo cáo", SHA_A, NULL);
  confidential = add_document (store, item_id, "Tài liệu mật", SHA_B, nobody);
  group_doc = add_document (store, item_id, "Tài liệu tổ 1", SHA_C, group_1_only);
  personal = add_document (store, item_id, "Thư riêng", SHA_D, personal_access);

  /* Secretariat, admin and chair read everything. */
  for (guint i = 0; i < 3; i++)
    {
      ChamberPerson *reader = (ChamberPerson *[]) { secretariat, admin, chair }[i];

      g_assert_true (chamber_store_person_may_read (store, reader, open_to_all));
      g_assert_true (chamber_store_person_may_read (store, reader, confidential));
      g_assert_true (chamber_store_person_may_read (store, reader, group_doc));
      g_assert_true (chamber_store_person_may_read (store, reader, personal));
      g_assert_true (chamber_store_blob_readable_by (store, SHA_B, reader, &error));
      g_assert_no_error (error);
    }

  g_assert_true (chamber_store_person_may_read (store, group_1, open_to_all));
  g_assert_false (chamber_store_person_may_read (store, group_1, confidential));
  g_assert_true (chamber_store_person_may_read (store, group_1, group_doc));
  g_assert_false (chamber_store_person_may_read (store, group_1, personal));

  g_assert_true (chamber_store_person_may_read (store, group_2, open_to_all));
  g_assert_false (chamber_store_person_may_read (store, group_2, confidential));
  g_assert_false (chamber_store_person_may_read (store, group_2, group_doc));
  g_assert_true (chamber_store_person_may_read (store, group_2, personal));

  g_assert_true (chamber_store_person_may_read (store, official, open_to_all));
  g_assert_false (chamber_store_person_may_read (store, official, group_doc));
  g_assert_false (chamber_store_person_may_read (store, official, personal));
  g_assert_false (chamber_store_person_may_read (store, NULL, open_to_all));

  /* A document not stored yet with no list is open to all. */
  g_assert_true (chamber_store_person_may_read (store, official, unstored));

  /* The same rules, asked by hash. */
  g_assert_true (chamber_store_blob_readable_by (store, SHA_A, official, &error));
  g_assert_false (chamber_store_blob_readable_by (store, SHA_B, group_1, &error));
  g_assert_true (chamber_store_blob_readable_by (store, SHA_C, group_1, &error));
  g_assert_false (chamber_store_blob_readable_by (store, SHA_C, group_2, &error));
  g_assert_true (chamber_store_blob_readable_by (store, SHA_D, group_2, &error));
  g_assert_false (chamber_store_blob_readable_by (store, SHA_D, group_1, &error));
  g_assert_false (chamber_store_blob_readable_by (store, SHA_D, official, &error));
  g_assert_no_error (error);

  /* A hash shared by a readable and an unreadable document is readable. */
  g_clear_pointer (&open_to_all, chamber_document_free);
  open_to_all = add_document (store, item_id, "Bản công khai", SHA_B, NULL);
  g_assert_true (chamber_store_blob_readable_by (store, SHA_B, group_1, &error));

  /* Unknown and malformed hashes are readable by nobody. */
  g_assert_false (chamber_store_blob_readable_by (
    store, "0000000000000000000000000000000000000000000000000000000000000000", admin, &error));
  g_assert_false (chamber_store_blob_readable_by (store, "../../etc/passwd", admin, &error));
  g_assert_no_error (error);
}

/* Tokens */

/* The audit log: a row belongs to its caller's transaction, downloads are recorded per readable
 * document with the hash, the delivery counts the newest versions only. */
static void
test_audit (Fixture       *fixture,
            gconstpointer  data)
{
  static const char *const group_one[] = { "group:Tổ 1", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberPerson) reader = NULL, other = NULL, office = NULL, official = NULL;
  g_autoptr (ChamberDocument) first = NULL, replaced = NULL, confidential = NULL;
  g_autoptr (ChamberDocument) elsewhere = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) deliveries = NULL;
  const ChamberAuditEvent *event;
  ChamberAuditAction action;
  gint64 session_id, other_session, item_id, other_item;
  guint listed = 0;

  session_id = add_session (fixture->store, 12, "Kỳ họp thứ 12");
  other_session = add_session (fixture->store, 13, "Kỳ họp thứ 13");
  item_id = add_item (fixture->store, session_id, 0, -1, "Kinh tế");
  other_item = add_item (fixture->store, other_session, 0, -1, "Ngân sách");
  reader = add_person (fixture->store, "Nguyễn Văn An", CHAMBER_ROLE_DELEGATE, "Tổ 1");
  other = add_person (fixture->store, "Trần Thị Bình", CHAMBER_ROLE_DELEGATE, "Tổ 2");
  office = add_person (fixture->store, "Văn phòng", CHAMBER_ROLE_SECRETARIAT, NULL);
  official = add_person (fixture->store, "Giám đốc Sở", CHAMBER_ROLE_OFFICIAL, NULL);
  first = add_document (fixture->store, item_id, "Báo cáo", SHA_A, NULL);
  replaced = add_document (fixture->store, item_id, "Báo cáo", SHA_B, NULL);
  g_assert_cmpint (replaced->version, ==, 2);
  confidential = add_document (fixture->store, item_id, "Báo cáo mật", SHA_C, group_one);
  elsewhere = add_document (fixture->store, other_item, "Cùng tệp", SHA_A, NULL);

  g_assert_cmpstr (chamber_audit_action_to_string (CHAMBER_AUDIT_TOKEN_REVOKE), ==,
                   "token-revoke");
  g_assert_true (chamber_audit_action_from_string ("download", &action));
  g_assert_cmpint (action, ==, CHAMBER_AUDIT_DOWNLOAD);
  g_assert_false (chamber_audit_action_from_string ("delete", &action));

  /* Rolled back with the change it belongs to. */
  g_assert_true (chamber_store_begin (fixture->store, &error));
  g_assert_true (chamber_audit_record (fixture->store, office->id, CHAMBER_AUDIT_ACCESS,
                                       first->id, 0, "all", &error));
  g_assert_no_error (error);
  chamber_store_rollback (fixture->store);
  events = chamber_audit_list (fixture->store, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 0);
  g_clear_pointer (&events, g_ptr_array_unref);

  /* Without a session, the document's is recorded. */
  g_assert_true (chamber_audit_record (fixture->store, office->id, CHAMBER_AUDIT_PUBLISH,
                                       replaced->id, 0, "all", &error));
  g_assert_true (chamber_audit_record (fixture->store, 0, CHAMBER_AUDIT_TOKEN_ISSUE, 0, 0,
                                       "token 1 of person 1 (Administrator)", &error));
  /* The same bytes in two sessions: one row for each document the reader may read. */
  g_assert_true (chamber_audit_record_download (fixture->store, reader, SHA_A, NULL, &error));
  g_assert_true (chamber_audit_record_download (fixture->store, reader, SHA_B, "bytes 10-99/100",
                                                &error));
  /* Bytes of a document the person may not read are nothing delivered to them. */
  g_assert_true (chamber_audit_record_download (fixture->store, other, SHA_C, NULL, &error));
  g_assert_no_error (error);

  events = chamber_audit_list (fixture->store, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 5);
  for (guint i = 0; i < events->len; i++)
    {
      event = g_ptr_array_index (events, i);
      if (i > 0)
        g_assert_cmpint (event->id, <,
                         ((ChamberAuditEvent *) g_ptr_array_index (events, i - 1))->id);
      g_assert_true (g_str_has_suffix (event->at, "Z"));
      if (event->action == CHAMBER_AUDIT_DOWNLOAD)
        g_assert_cmpint (event->person_id, ==, reader->id);
    }
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->action, ==, CHAMBER_AUDIT_DOWNLOAD);
  g_assert_cmpint (event->document_id, ==, replaced->id);
  g_assert_cmpint (event->version, ==, 2);
  g_assert_cmpstr (event->document_title, ==, "Báo cáo");
  g_assert_cmpstr (event->detail, ==, "bytes 10-99/100");
  g_assert_cmpstr (event->person_name, ==, "Nguyễn Văn An");
  event = g_ptr_array_index (events, 3);
  g_assert_cmpint (event->action, ==, CHAMBER_AUDIT_TOKEN_ISSUE);
  g_assert_cmpint (event->person_id, ==, 0);
  g_assert_null (event->person_name);
  g_assert_cmpint (event->session_id, ==, 0);
  event = g_ptr_array_index (events, 4);
  g_assert_cmpint (event->action, ==, CHAMBER_AUDIT_PUBLISH);
  g_assert_cmpint (event->session_id, ==, session_id);
  g_assert_cmpint (event->person_id, ==, office->id);
  g_clear_pointer (&events, g_ptr_array_unref);

  events = chamber_audit_list (fixture->store, other_session, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->document_id, ==, elsewhere->id);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = chamber_audit_list (fixture->store, session_id, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  g_clear_pointer (&events, g_ptr_array_unref);
  g_assert_null (chamber_audit_list (fixture->store, 999, 10, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The delivery lists the newest version of each document a person may read. */
  deliveries = chamber_audit_delivery (fixture->store, session_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < deliveries->len; i++)
    {
      const ChamberDelivery *delivery = g_ptr_array_index (deliveries, i);
      const ChamberDeliveredDocument *document;

      g_assert_cmpint (delivery->person->id, !=, office->id);
      if (delivery->person->id == reader->id)
        {
          g_assert_cmpuint (delivery->documents->len, ==, 2);
          g_assert_cmpuint (delivery->n_missing, ==, 1);
          document = g_ptr_array_index (delivery->documents, 0);
          g_assert_cmpint (document->document_id, ==, replaced->id);
          g_assert_cmpint (document->version, ==, 2);
          g_assert_nonnull (document->downloaded_at);
          document = g_ptr_array_index (delivery->documents, 1);
          g_assert_cmpint (document->document_id, ==, confidential->id);
          g_assert_null (document->downloaded_at);
          listed++;
        }
      else if (delivery->person->id == other->id || delivery->person->id == official->id)
        {
          g_assert_cmpuint (delivery->documents->len, ==, 1);
          g_assert_cmpuint (delivery->n_missing, ==, 1);
          listed++;
        }
    }
  g_assert_cmpuint (listed, ==, 3);
  g_assert_cmpuint (deliveries->len, ==, 3);
  g_assert_null (chamber_audit_delivery (fixture->store, 999, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
}

static void
test_tokens (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (ChamberPerson) delegate = NULL;
  g_autoptr (ChamberPerson) leaving = NULL;
  g_autoptr (ChamberPerson) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *good = sha256_hex ("chm_good");
  g_autofree char *future = sha256_hex ("chm_future");
  g_autofree char *expired = sha256_hex ("chm_expired");
  g_autofree char *revoked = sha256_hex ("chm_revoked");
  g_autofree char *inactive = sha256_hex ("chm_inactive");
  g_autofree char *unknown = sha256_hex ("chm_unknown");
  g_autofree char *last_used = NULL;
  g_autofree char *stored_expiry = NULL;
  gint64 good_id = 0, future_id = 0, expired_id = 0, revoked_id = 0, inactive_id = 0;
  sqlite3 *raw;

  delegate = add_person (fixture->store, "Nguyễn Văn An", CHAMBER_ROLE_DELEGATE, "Tổ 1");
  leaving = add_person (fixture->store, "Phạm Văn Dũng", CHAMBER_ROLE_DELEGATE, "Tổ 2");

  g_assert_true (chamber_store_insert_token (fixture->store, delegate->id, good, NULL, &good_id,
                                             &error));
  g_assert_no_error (error);
  /* An expiry with an offset is kept in UTC. */
  g_assert_true (chamber_store_insert_token (fixture->store, delegate->id, future,
                                             "2099-01-01T07:00:00+07:00", &future_id, &error));
  g_assert_no_error (error);
  g_assert_true (chamber_store_insert_token (fixture->store, delegate->id, expired,
                                             "2020-01-01T00:00:00Z", &expired_id, &error));
  g_assert_no_error (error);
  g_assert_true (chamber_store_insert_token (fixture->store, delegate->id, revoked, NULL,
                                             &revoked_id, &error));
  g_assert_no_error (error);
  g_assert_true (chamber_store_insert_token (fixture->store, leaving->id, inactive, NULL,
                                             &inactive_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (good_id, >, 0);
  g_assert_cmpint (future_id, !=, good_id);

  found = chamber_store_lookup_token (fixture->store, good, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_assert_cmpint (found->id, ==, delegate->id);
  g_assert_cmpstr (found->name, ==, "Nguyễn Văn An");
  g_assert_cmpstr (found->group_name, ==, "Tổ 1");
  g_clear_pointer (&found, chamber_person_free);
  found = chamber_store_lookup_token (fixture->store, future, &error);
  g_assert_no_error (error);
  g_assert_nonnull (found);
  g_clear_pointer (&found, chamber_person_free);

  /* Its use was recorded; only the hash is on disk. */
  raw = open_raw (fixture->path);
  last_used = raw_query (raw, "SELECT last_used_at FROM tokens WHERE id = 1");
  g_assert_nonnull (last_used);
  g_assert_true (g_str_has_suffix (last_used, "Z"));
  stored_expiry = raw_query (raw, "SELECT expires_at FROM tokens WHERE id = 2");
  g_assert_cmpstr (stored_expiry, ==, "2099-01-01T00:00:00Z");
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM tokens WHERE last_used_at IS NULL"),
                   ==, 3);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM tokens WHERE token_hash LIKE 'chm_%'"),
                   ==, 0);
  sqlite3_close (raw);

  /* Expired, revoked, inactive person, unknown, malformed: no one, and no error. */
  g_assert_null (chamber_store_lookup_token (fixture->store, expired, &error));
  g_assert_no_error (error);
  g_assert_true (chamber_store_revoke_token (fixture->store, revoked_id, &error));
  g_assert_no_error (error);
  g_assert_true (chamber_store_revoke_token (fixture->store, revoked_id, &error));
  g_assert_no_error (error);
  g_assert_null (chamber_store_lookup_token (fixture->store, revoked, &error));
  g_assert_no_error (error);
  found = chamber_store_lookup_token (fixture->store, inactive, &error);
  g_assert_nonnull (found);
  g_clear_pointer (&found, chamber_person_free);
  leaving->active = FALSE;
  g_assert_true (chamber_store_upsert_person (fixture->store, leaving, &error));
  g_assert_no_error (error);
  g_assert_null (chamber_store_lookup_token (fixture->store, inactive, &error));
  g_assert_no_error (error);
  g_assert_null (chamber_store_lookup_token (fixture->store, unknown, &error));
  g_assert_no_error (error);
  g_assert_null (chamber_store_lookup_token (fixture->store, "chm_good", &error));
  g_assert_no_error (error);

  /* The other tokens of the same person still work. */
  found = chamber_store_lookup_token (fixture->store, good, &error);
  g_assert_nonnull (found);

  /* Refused */
  g_assert_false (chamber_store_revoke_token (fixture->store, 999, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (chamber_store_insert_token (fixture->store, 999, unknown, NULL, NULL, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no person 999.");
  g_clear_error (&error);
  g_assert_false (chamber_store_insert_token (fixture->store, delegate->id, good, NULL, NULL,
                                              &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (chamber_store_insert_token (fixture->store, delegate->id, unknown,
                                              "next Tuesday", NULL, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "next Tuesday"));
  g_clear_error (&error);
  g_assert_false (chamber_store_insert_token (fixture->store, delegate->id, "chm_plain", NULL,
                                              NULL, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
}

/* The client mirror */

static ChamberItem *
mirror_item (gint64      id,
             gint64      session_id,
             gint64      parent_id,
             int         position,
             const char *title)
{
  ChamberItem *item = chamber_item_new ();

  item->id = id;
  item->session_id = session_id;
  item->parent_id = parent_id;
  item->position = position;
  item->title = g_strdup (title);
  return item;
}

static ChamberDocument *
mirror_document (gint64      id,
                 gint64      item_id,
                 const char *title,
                 int         version,
                 const char *sha256,
                 const char *access)
{
  ChamberDocument *document = chamber_document_new ();

  document->id = id;
  document->item_id = item_id;
  document->title = g_strdup (title);
  document->version = version;
  g_strlcpy (document->sha256, sha256, sizeof document->sha256);
  document->bytes = 2048;
  document->pages = 2;
  document->access = access != NULL ? g_strsplit (access, ",", -1) : NULL;
  return document;
}

static void
test_mirror (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  g_autoptr (ChamberSession) other = chamber_session_new ();
  g_autoptr (ChamberSession) fetched = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_item_free);
  g_autoptr (GPtrArray) documents =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  g_autoptr (GPtrArray) people =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_person_free);
  g_autoptr (GPtrArray) listed = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *titles = NULL;
  ChamberPerson *delegate;

  session->id = 7;
  session->number = 10;
  session->title = g_strdup ("Kỳ họp thứ 10");
  session->revision = 5;
  other->id = 8;
  other->number = 11;
  other->title = g_strdup ("Kỳ họp thứ 11");
  other->revision = 2;

  /* Children listed before their parents: the mirror sorts that out. */
  g_ptr_array_add (items, mirror_item (103, 7, 102, 0, "Trình bày"));
  g_ptr_array_add (items, mirror_item (101, 7, 0, 0, "Khai mạc"));
  g_ptr_array_add (items, mirror_item (102, 7, 0, 1, "Báo cáo"));
  g_ptr_array_add (items, mirror_item (104, 7, 0, 2, "Bế mạc"));
  g_ptr_array_add (documents, mirror_document (201, 103, "Báo cáo kinh tế", 1, SHA_A, NULL));
  g_ptr_array_add (documents, mirror_document (202, 103, "Báo cáo kinh tế", 2, SHA_B, NULL));
  g_ptr_array_add (documents, mirror_document (203, 104, "Nghị quyết", 1, SHA_C, "group:Tổ 1"));
  delegate = chamber_person_new ();
  delegate->id = 31;
  delegate->name = g_strdup ("Nguyễn Văn An");
  delegate->group_name = g_strdup ("Tổ 1");
  g_ptr_array_add (people, delegate);

  g_assert_true (chamber_store_replace_session_mirror (fixture->store, session, items, documents,
                                                       people, &error));
  g_assert_no_error (error);

  /* Another session's mirror, which must not be touched by session 7's. */
  g_ptr_array_set_size (items, 0);
  g_ptr_array_set_size (documents, 0);
  g_ptr_array_add (items, mirror_item (150, 8, 0, 0, "Khai mạc kỳ 11"));
  g_ptr_array_add (documents, mirror_document (250, 150, "Chương trình", 1, SHA_D, NULL));
  g_assert_true (chamber_store_replace_session_mirror (fixture->store, other, items, documents,
                                                       NULL, &error));
  g_assert_no_error (error);

  listed = chamber_store_list_items (fixture->store, 7, &error);
  g_assert_no_error (error);
  titles = join_item_titles (listed);
  g_assert_cmpstr (titles, ==, "Khai mạc|Báo cáo|Trình bày|Bế mạc");
  g_clear_pointer (&listed, g_ptr_array_unref);
  g_clear_pointer (&titles, g_free);
  fetched = chamber_store_get_session (fixture->store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetched->revision, ==, 5);
  g_clear_pointer (&fetched, chamber_session_free);
  person = chamber_store_get_person (fixture->store, 31, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person->group_name, ==, "Tổ 1");
  g_clear_pointer (&person, chamber_person_free);

  /* The next revision: "Trình bày" moves to the top and loses its sub-item's documents' old
   * version, "Bế mạc" is gone (with its document), a document is replaced by a new one with
   * a new id, the delegate changes group. */
  session->revision = 6;
  g_ptr_array_set_size (items, 0);
  g_ptr_array_set_size (documents, 0);
  g_ptr_array_set_size (people, 0);
  g_ptr_array_add (items, mirror_item (101, 7, 0, 0, "Khai mạc"));
  g_ptr_array_add (items, mirror_item (103, 7, 0, 1, "Trình bày"));
  g_ptr_array_add (items, mirror_item (102, 7, 0, 2, "Báo cáo"));
  g_ptr_array_add (items, mirror_item (105, 7, 102, 0, "Thảo luận"));
  g_ptr_array_add (documents, mirror_document (202, 103, "Báo cáo kinh tế", 2, SHA_B,
                                               "person:31"));
  /* Same item, title and version as 201, which the server replaced. */
  g_ptr_array_add (documents, mirror_document (204, 103, "Báo cáo kinh tế", 1, SHA_D, NULL));
  delegate = chamber_person_new ();
  delegate->id = 31;
  delegate->name = g_strdup ("Nguyễn Văn An");
  delegate->group_name = g_strdup ("Tổ 3");
  g_ptr_array_add (people, delegate);

  g_assert_true (chamber_store_replace_session_mirror (fixture->store, session, items, documents,
                                                       people, &error));
  g_assert_no_error (error);

  listed = chamber_store_list_items (fixture->store, 7, &error);
  g_assert_no_error (error);
  titles = join_item_titles (listed);
  g_assert_cmpstr (titles, ==, "Khai mạc|Trình bày|Báo cáo|Thảo luận");
  g_clear_pointer (&listed, g_ptr_array_unref);
  g_clear_pointer (&titles, g_free);
  g_assert_null (chamber_store_get_item (fixture->store, 104, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  listed = chamber_store_list_documents (fixture->store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpint (((ChamberDocument *) listed->pdata[0])->id, ==, 204);
  g_assert_cmpint (((ChamberDocument *) listed->pdata[1])->id, ==, 202);
  g_clear_pointer (&listed, g_ptr_array_unref);
  g_assert_null (chamber_store_get_document (fixture->store, 201, &error));
  g_clear_error (&error);
  g_assert_null (chamber_store_get_document (fixture->store, 203, &error));
  g_clear_error (&error);
  document = chamber_store_get_document (fixture->store, 202, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->access[0], ==, "person:31");
  g_assert_null (document->access[1]);
  fetched = chamber_store_get_session (fixture->store, 7, &error);
  g_assert_cmpint (fetched->revision, ==, 6);
  g_clear_pointer (&fetched, chamber_session_free);
  person = chamber_store_get_person (fixture->store, 31, &error);
  g_assert_cmpstr (person->group_name, ==, "Tổ 3");
  g_clear_pointer (&person, chamber_person_free);

  /* Session 8 is as it was. */
  listed = chamber_store_list_documents (fixture->store, 8, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 1);
  g_assert_cmpint (((ChamberDocument *) listed->pdata[0])->id, ==, 250);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* A broken mirror (a document on an item that is not there) changes nothing at all. */
  session->revision = 7;
  g_free (session->title);
  session->title = g_strdup ("Kỳ họp thứ 10 (sửa)");
  g_ptr_array_set_size (items, 1);
  g_ptr_array_add (documents, mirror_document (206, 999, "Lạc", 1, SHA_A, NULL));
  g_assert_false (chamber_store_replace_session_mirror (fixture->store, session, items,
                                                        documents, NULL, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  fetched = chamber_store_get_session (fixture->store, 7, &error);
  g_assert_cmpint (fetched->revision, ==, 6);
  g_assert_cmpstr (fetched->title, ==, "Kỳ họp thứ 10");
  listed = chamber_store_list_items (fixture->store, 7, &error);
  g_assert_cmpuint (listed->len, ==, 4);
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* An agenda whose items hang under each other in a loop is refused. */
  g_ptr_array_set_size (items, 0);
  g_ptr_array_set_size (documents, 0);
  g_ptr_array_add (items, mirror_item (301, 7, 302, 0, "Vòng A"));
  g_ptr_array_add (items, mirror_item (302, 7, 301, 0, "Vòng B"));
  g_assert_false (chamber_store_replace_session_mirror (fixture->store, session, items,
                                                        documents, NULL, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  /* An empty mirror empties the session. */
  g_ptr_array_set_size (items, 0);
  g_assert_true (chamber_store_replace_session_mirror (fixture->store, session, items,
                                                       documents, NULL, &error));
  g_assert_no_error (error);
  listed = chamber_store_list_items (fixture->store, 7, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = chamber_store_list_documents (fixture->store, 7, &error);
  g_assert_cmpuint (listed->len, ==, 0);
  g_assert_true (chamber_store_check_integrity (fixture->store, &error));
  g_assert_no_error (error);
}

/* Transactions */

static void
test_transactions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr (ChamberItem) bad_item = chamber_item_new ();
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  ChamberStore *store = fixture->store;
  gint64 session_id;
  sqlite3 *raw;

  /* Nested levels, the outermost rolled back: nothing remains. */
  g_assert_true (chamber_store_begin (store, &error));
  session_id = add_session (store, 1, "Kỳ họp thứ nhất");
  g_assert_true (chamber_store_begin (store, &error));
  add_item (store, session_id, 0, -1, "Khai mạc");
  g_assert_true (chamber_store_set_setting (store, "etag:1", "\"abc\"", &error));
  g_assert_true (chamber_store_commit (store, &error));

  /* Not visible to another connection before the outer commit. */
  raw = open_raw (fixture->path);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM sessions"), ==, 0);

  chamber_store_rollback (store);
  g_assert_no_error (error);
  sessions = chamber_store_list_sessions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 0);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM items"), ==, 0);
  g_assert_null (chamber_store_get_setting (store, "etag:1"));

  /* Committed at the outermost level: everything is there, for the other connection too. */
  g_assert_true (chamber_store_begin (store, &error));
  session_id = add_session (store, 2, "Kỳ họp thứ hai");
  g_assert_true (chamber_store_begin (store, &error));
  add_item (store, session_id, 0, -1, "Khai mạc");
  g_assert_true (chamber_store_commit (store, &error));
  add_item (store, session_id, 0, -1, "Bế mạc");
  g_assert_true (chamber_store_commit (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM items"), ==, 2);

  /* An inner level rolled back undoes only its own part; a call that fails inside an outer
   * transaction leaves the rest of it intact. */
  g_assert_true (chamber_store_begin (store, &error));
  add_item (store, session_id, 0, -1, "Chất vấn");
  g_assert_true (chamber_store_begin (store, &error));
  add_item (store, session_id, 0, -1, "Bỏ đi");
  chamber_store_rollback (store);
  bad_item->session_id = session_id;
  bad_item->parent_id = 9999;
  bad_item->title = g_strdup ("Không có mục cha");
  g_assert_false (chamber_store_insert_item (store, bad_item, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_true (chamber_store_commit (store, &error));
  g_assert_no_error (error);

  items = chamber_store_list_items (store, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 3);
  g_assert_cmpstr (((ChamberItem *) items->pdata[2])->title, ==, "Chất vấn");
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM items"), ==, 3);
  sqlite3_close (raw);

  g_assert_true (chamber_store_check_integrity (store, &error));
  g_assert_no_error (error);
}

/* Settings and held blobs */

static void
test_settings_and_blobs (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (ChamberStore) reopened = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *bytes = NULL;
  sqlite3 *raw;

  g_assert_null (chamber_store_get_setting (fixture->store, "server"));
  g_assert_true (chamber_store_set_setting (fixture->store, "server", "http://10.0.0.2:8080",
                                            &error));
  g_assert_no_error (error);
  g_assert_true (chamber_store_set_setting (fixture->store, "etag:7", "\"6f1c\"", &error));
  g_assert_true (chamber_store_set_setting (fixture->store, "server", "http://10.0.0.3:8080",
                                            &error));
  g_assert_no_error (error);
  value = chamber_store_get_setting (fixture->store, "server");
  g_assert_cmpstr (value, ==, "http://10.0.0.3:8080");
  g_clear_pointer (&value, g_free);
  g_assert_true (chamber_store_set_setting (fixture->store, "etag:7", NULL, &error));
  g_assert_no_error (error);
  g_assert_null (chamber_store_get_setting (fixture->store, "etag:7"));
  g_assert_false (chamber_store_set_setting (fixture->store, "", "x", &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  g_assert_false (chamber_store_is_blob_held (fixture->store, SHA_A));
  g_assert_true (chamber_store_mark_blob_held (fixture->store, SHA_A, 1234, &error));
  g_assert_no_error (error);
  g_assert_true (chamber_store_mark_blob_held (fixture->store, SHA_A, 1235, &error));
  g_assert_no_error (error);
  g_assert_true (chamber_store_is_blob_held (fixture->store, SHA_A));
  g_assert_false (chamber_store_is_blob_held (fixture->store, SHA_B));
  g_assert_false (chamber_store_is_blob_held (fixture->store, "not-a-hash"));
  g_assert_false (chamber_store_mark_blob_held (fixture->store, "ABC", 1, &error));
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);

  raw = open_raw (fixture->path);
  bytes = raw_query (raw, "SELECT bytes FROM local_blobs WHERE sha256 = '" SHA_A "'");
  g_assert_cmpstr (bytes, ==, "1235");
  sqlite3_close (raw);

  /* Both survive closing and opening again. */
  g_clear_object (&fixture->store);
  reopened = chamber_store_open (fixture->path, &error);
  g_assert_no_error (error);
  value = chamber_store_get_setting (reopened, "server");
  g_assert_cmpstr (value, ==, "http://10.0.0.3:8080");
  g_assert_true (chamber_store_is_blob_held (reopened, SHA_A));
}

/* Migration from schema 1 */

/* "table.column type notnull pk" lines for every table, then the names of indexes and
 * triggers: what a database's schema is, whatever way its SQL text was written. */
static char *
describe_schema (const char *path)
{
  g_autoptr (GString) description = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = open_raw (path);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT m.name || '.' || p.name || ' ' || p.type || ' '"
                                       "  || p.\"notnull\" || ' ' || p.pk"
                                       " FROM sqlite_schema m JOIN pragma_table_info (m.name) p"
                                       " WHERE m.type = 'table' ORDER BY m.name, p.cid",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (description, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type || ' ' || name FROM sqlite_schema"
                                       " WHERE type IN ('index', 'trigger') ORDER BY type, name",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (description, "%s\n", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&description), FALSE);
}

static void
test_migrate_from_v1 (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-store-v1-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "chamber.db", NULL);
  g_autofree char *fresh_path = g_build_filename (dir, "fresh.db", NULL);
  g_autofree char *fixture_path = g_build_filename (chamber_test_data_dir (), "store-v1.sql",
                                                    NULL);
  g_autofree char *sql = NULL;
  g_autofree char *migrated_schema = NULL;
  g_autofree char *fresh_schema = NULL;
  g_autofree char *name = NULL;
  g_autofree char *term = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *setting = NULL;
  g_autofree char *secretariat_token = sha256_hex ("chm_fixture-secretariat-token");
  g_autofree char *delegate_token = sha256_hex ("chm_fixture-delegate-token");
  g_autofree char *revoked_token = sha256_hex ("chm_fixture-revoked-token");
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberStore) fresh = NULL;
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (ChamberDocument) newer = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GError) error = NULL;
  char *message = NULL;
  sqlite3 *raw = NULL;

  /* A database exactly as schema 1 left it. */
  g_assert_true (g_file_get_contents (fixture_path, &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_exec (raw, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("store-v1.sql: %s", message);
  g_assert_cmpint (raw_count (raw, "PRAGMA user_version"), ==, 1);
  sqlite3_close (raw);

  store = chamber_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chamber_store_get_schema_version (store), ==, CHAMBER_STORE_SCHEMA_VERSION);
  g_assert_true (chamber_store_check_integrity (store, &error));
  g_assert_no_error (error);

  /* Every row kept */
  g_assert_true (chamber_store_get_council (store, &name, &term, &error));
  g_assert_cmpstr (name, ==, "Hội đồng nhân dân tỉnh Thái Bình");
  g_assert_cmpstr (term, ==, "Khóa XVII, nhiệm kỳ 2021–2026");
  session = chamber_store_get_session (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (session->number, ==, 10);
  g_assert_cmpint (session->revision, ==, 12);
  g_assert_cmpstr (session->ends_on, ==, "2024-07-11");
  sessions = chamber_store_list_sessions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  items = chamber_store_list_items (store, 2, &error);
  g_assert_no_error (error);
  titles = join_item_titles (items);
  g_assert_cmpstr (titles, ==,
                   "Khai mạc kỳ họp|Báo cáo kinh tế – xã hội 6 tháng đầu năm|"
                   "Trình bày báo cáo của UBND tỉnh|Thảo luận ở tổ|Chất vấn và trả lời chất vấn|"
                   "Bế mạc");
  people = chamber_store_list_people (store, &error);
  g_assert_cmpuint (people->len, ==, 5);
  person = chamber_store_get_person (store, 4, &error);
  g_assert_cmpstr (person->title, ==, "Giám đốc Sở Tài chính");
  g_clear_pointer (&person, chamber_person_free);
  documents = chamber_store_list_documents (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, ==, 3);

  /* Documents from before access lists are readable by all. */
  document = chamber_store_get_document (store, 103, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (document->access[0], ==, "all");
  g_assert_null (document->access[1]);
  g_assert_cmpint (document->kind, ==, CHAMBER_DOCUMENT_SUBMISSION);

  /* Tokens carried over: the live one works (and records its use), the revoked one does not. */
  person = chamber_store_lookup_token (store, delegate_token, &error);
  g_assert_no_error (error);
  g_assert_nonnull (person);
  g_assert_cmpstr (person->name, ==, "Nguyễn Văn An");
  g_assert_true (chamber_store_blob_readable_by (store, document->sha256, person, &error));
  g_clear_pointer (&person, chamber_person_free);
  g_assert_null (chamber_store_lookup_token (store, revoked_token, &error));
  person = chamber_store_lookup_token (store, secretariat_token, &error);
  g_assert_nonnull (person);
  g_assert_cmpint (person->role, ==, CHAMBER_ROLE_SECRETARIAT);
  g_clear_pointer (&person, chamber_person_free);

  /* The features of schema 2 work on the migrated file. */
  newer = chamber_document_copy (document);
  newer->id = 0;
  g_strfreev (newer->access);
  newer->access = g_strsplit ("group:Tổ đại biểu số 2", ",", -1);
  g_assert_true (chamber_store_insert_document (store, newer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (newer->version, ==, 2);
  person = chamber_store_get_person (store, 2, &error);
  g_assert_false (chamber_store_person_may_read (store, person, newer));
  g_clear_pointer (&person, chamber_person_free);
  person = chamber_store_get_person (store, 3, &error);
  g_assert_true (chamber_store_person_may_read (store, person, newer));
  g_assert_true (chamber_store_set_setting (store, "etag:2", "\"abc\"", &error));
  setting = chamber_store_get_setting (store, "etag:2");
  g_assert_cmpstr (setting, ==, "\"abc\"");
  g_assert_true (chamber_store_mark_blob_held (store, SHA_A, 15, &error));
  g_assert_true (chamber_store_is_blob_held (store, SHA_A));
  g_assert_no_error (error);

  raw = open_raw (path);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM tokens WHERE last_used_at IS NOT NULL"),
                   ==, 2);
  g_assert_cmpint (raw_count (raw, "SELECT count(*) FROM document_access"), ==, 5);
  sqlite3_close (raw);

  /* And the migrated schema is the schema a new database gets. */
  fresh = chamber_store_open (fresh_path, &error);
  g_assert_no_error (error);
  migrated_schema = describe_schema (path);
  fresh_schema = describe_schema (fresh_path);
  g_assert_cmpstr (migrated_schema, ==, fresh_schema);

  /* Opening again runs nothing more. */
  g_clear_object (&store);
  store = chamber_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (chamber_store_get_schema_version (store), ==, CHAMBER_STORE_SCHEMA_VERSION);

  g_clear_object (&store);
  g_clear_object (&fresh);
  chamber_test_rm_rf (dir);
}

/* Files the store must refuse, leaving them as they are */

static void
test_too_new (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-store-new-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "chamber.db", NULL);
  g_autofree char *wal_path = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gsize before_length, after_length;
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "CREATE TABLE future (x TEXT);"
                                 "INSERT INTO future VALUES ('written by Chamber 9');"
                                 "PRAGMA user_version = 99;",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (raw);
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  store = chamber_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));
  g_assert_nonnull (strstr (error->message, "Update Chamber"));
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  g_assert_false (g_file_test (wal_path, G_FILE_TEST_EXISTS));

  chamber_test_rm_rf (dir);
}

static void
test_not_a_database (void)
{
  static const char text[] =
    "Biên bản kỳ họp thứ 10\nĐây là một tệp văn bản, không phải cơ sở dữ liệu.\n"
    "This is a text file that happens to be where the database should be.\n";
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-store-text-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "chamber.db", NULL);
  g_autofree char *after = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) listing = NULL;
  gsize after_length;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  store = chamber_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "not a Chamber database"));

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (text, sizeof text - 1, after, after_length);

  /* Nothing was created beside it either. */
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "chamber.db");
  g_assert_null (g_dir_read_name (listing));

  chamber_test_rm_rf (dir);
}

static void
test_damaged_database (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-store-damaged-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "chamber.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gsize length;
  gint64 session_id;

  store = chamber_store_open (path, &error);
  g_assert_no_error (error);
  session_id = add_session (store, 10, "Kỳ họp thứ 10");
  for (int i = 0; i < 400; i++)
    {
      g_autofree char *title = g_strdup_printf ("Nội dung số %d của chương trình kỳ họp", i);
      add_item (store, session_id, 0, -1, title);
    }
  g_assert_true (chamber_store_check_integrity (store, &error));
  g_assert_no_error (error);
  /* Closing the last connection moves everything from the WAL into the file. */
  g_clear_object (&store);

  /* Overwrite the pages after the first four (the schema stays readable). */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  memset (contents + 4 * 4096, 0x5a, length - 4 * 4096);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));

  store = chamber_store_open (path, &error);
  if (store != NULL)
    {
      g_assert_false (chamber_store_check_integrity (store, &error));
      g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CORRUPT);
      g_assert_nonnull (strstr (error->message, "damaged"));
    }
  else
    {
      g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CORRUPT);
    }

  g_clear_object (&store);
  chamber_test_rm_rf (dir);
}

static void
test_read_only_folder (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-store-ro-XXXXXX");
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *probe = g_build_filename (locked, "probe", NULL);
  g_autofree char *existing = NULL;
  g_autofree char *before = NULL;
  g_autofree char *path = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GError) error = NULL;
  gsize before_length;
  gboolean permissions_bind;

  /* A database made while the folder was writable, to open once it is not. */
  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  existing = g_build_filename (locked, "existing.db", NULL);
  store = chamber_store_open (existing, &error);
  g_assert_no_error (error);
  add_session (store, 10, "Kỳ họp thứ 10");
  g_clear_object (&store);
  g_assert_true (g_file_get_contents (existing, &before, &before_length, NULL));
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);

  permissions_bind = !g_file_set_contents (probe, "x", 1, NULL);
  if (permissions_bind)
    {
      path = g_build_filename (locked, "chamber.db", NULL);
    }
  else
    {
      /* Running with the power to ignore permissions (root in a container): use a folder
       * the kernel itself refuses to create files in. */
      g_unlink (probe);
      path = g_strdup ("/proc/chamber-test.db");
    }

  store = chamber_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "may write"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  if (permissions_bind)
    {
      g_autofree char *after = NULL;
      gsize after_length;

      /* WAL needs files beside the database, so this one cannot be opened either; it is left
       * as it was. */
      store = chamber_store_open (existing, &error);
      g_assert_null (store);
      g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_OPEN);
      g_assert_nonnull (strstr (error->message, "Permission denied"));
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (existing, &after, &after_length, NULL));
      g_assert_cmpmem (before, before_length, after, after_length);
    }

  /* A folder that is not there at all */
  g_free (path);
  path = g_build_filename (dir, "missing", "chamber.db", NULL);
  store = chamber_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, path));

  g_chmod (locked, 0755);
  chamber_test_rm_rf (dir);
}

/* A full disk: a real 1 MiB tmpfs, mounted in a private user and mount namespace of a child
 * process so that no privilege is needed and nothing outside the child sees it. Skipped only
 * where the system forbids such namespaces. */
#define SMALL_DISK_OPTIONS "size=1m"

static gboolean
write_proc_file (const char *path,
                 const char *text)
{
  int fd = open (path, O_WRONLY);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = write (fd, text, strlen (text)) == (ssize_t) strlen (text);
  close (fd);
  return ok;
}

/* Enters a new user and mount namespace and mounts a small tmpfs on @mount_point. Must run in
 * a single-threaded child process. */
static gboolean
enter_small_disk (const char *mount_point)
{
  g_autofree char *uid_map = g_strdup_printf ("0 %u 1", (guint) getuid ());
  g_autofree char *gid_map = g_strdup_printf ("0 %u 1", (guint) getgid ());

  if (unshare (CLONE_NEWUSER | CLONE_NEWNS) != 0)
    return FALSE;
  /* Without setgroups, an unprivileged process may map its own group. */
  write_proc_file ("/proc/self/setgroups", "deny");
  if (!write_proc_file ("/proc/self/uid_map", uid_map)
      || !write_proc_file ("/proc/self/gid_map", gid_map))
    return FALSE;
  mount ("none", "/", "none", MS_REC | MS_PRIVATE, NULL);
  return mount ("tmpfs", mount_point, "tmpfs", 0, SMALL_DISK_OPTIONS) == 0;
}

static void
test_disk_full (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *mount_point = NULL;
  g_autofree char *path = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gboolean failed = FALSE;
  gint64 session_id;
  int added = 0;

  if (!g_test_subprocess ())
    {
      dir = chamber_test_make_temp_dir ("chamber-store-full-XXXXXX");
      mount_point = g_build_filename (dir, "disk", NULL);
      g_assert_cmpint (g_mkdir (mount_point, 0700), ==, 0);
      g_setenv ("CHAMBER_TEST_SMALL_DISK", mount_point, TRUE);

      /* First only whether this system allows it, then the test itself. */
      g_setenv ("CHAMBER_TEST_SMALL_DISK_PROBE", "1", TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_setenv ("CHAMBER_TEST_SMALL_DISK_PROBE", "0", TRUE);
      if (!g_test_trap_has_passed ())
        {
          g_test_skip ("This system does not let a process mount a private tmpfs in a user "
                       "namespace, so a full disk cannot be made here.");
          chamber_test_rm_rf (dir);
          return;
        }

      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      chamber_test_rm_rf (dir);
      return;
    }

  /* In a child, on the small disk */
  mount_point = g_strdup (g_getenv ("CHAMBER_TEST_SMALL_DISK"));
  if (g_strcmp0 (g_getenv ("CHAMBER_TEST_SMALL_DISK_PROBE"), "1") == 0)
    {
      if (!enter_small_disk (mount_point))
        exit (1);
      return;
    }
  g_assert_true (enter_small_disk (mount_point));
  path = g_build_filename (mount_point, "chamber.db", NULL);

  store = chamber_store_open (path, &error);
  g_assert_no_error (error);
  session_id = add_session (store, 10, "Kỳ họp thứ 10");
  add_item (store, session_id, 0, -1, "Khai mạc");

  for (int i = 0; i < 10000 && !failed; i++)
    {
      g_autoptr (ChamberItem) item = chamber_item_new ();

      item->session_id = session_id;
      item->title = g_strnfill (3000, 'a' + i % 26);
      failed = !chamber_store_insert_item (store, item, &error);
      if (!failed)
        added++;
    }
  g_assert_true (failed);
  g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_FULL);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "Free some space"));
  g_clear_error (&error);

  /* The store still answers, and everything committed before is there. */
  session = chamber_store_get_session (store, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (session->title, ==, "Kỳ họp thứ 10");
  g_clear_object (&store);

  store = chamber_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (chamber_store_check_integrity (store, &error));
  g_assert_no_error (error);
  items = chamber_store_list_items (store, session_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1 + added);
  g_assert_cmpstr (((ChamberItem *) items->pdata[0])->title, ==, "Khai mạc");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Labels are compared with their English source strings. */
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/store/model/names", test_model_names);
  g_test_add_func ("/store/model/copy", test_model_copy);
  g_test_add ("/store/open/fresh", Fixture, NULL, fixture_set_up, test_open_fresh,
              fixture_tear_down);
  g_test_add ("/store/council", Fixture, NULL, fixture_set_up, test_council, fixture_tear_down);
  g_test_add ("/store/sessions", Fixture, NULL, fixture_set_up, test_sessions, fixture_tear_down);
  g_test_add ("/store/items/tree", Fixture, NULL, fixture_set_up, test_items_tree,
              fixture_tear_down);
  g_test_add ("/store/people", Fixture, NULL, fixture_set_up, test_people, fixture_tear_down);
  g_test_add ("/store/documents", Fixture, NULL, fixture_set_up, test_documents,
              fixture_tear_down);
  g_test_add ("/store/access", Fixture, NULL, fixture_set_up, test_access_rules,
              fixture_tear_down);
  g_test_add ("/store/tokens", Fixture, NULL, fixture_set_up, test_tokens, fixture_tear_down);
  g_test_add ("/store/audit", Fixture, NULL, fixture_set_up, test_audit, fixture_tear_down);
  g_test_add ("/store/mirror", Fixture, NULL, fixture_set_up, test_mirror, fixture_tear_down);
  g_test_add ("/store/transactions", Fixture, NULL, fixture_set_up, test_transactions,
              fixture_tear_down);
  g_test_add ("/store/settings-and-blobs", Fixture, NULL, fixture_set_up,
              test_settings_and_blobs, fixture_tear_down);
  g_test_add_func ("/store/migrate/from-v1", test_migrate_from_v1);
  g_test_add_func ("/store/refuse/too-new", test_too_new);
  g_test_add_func ("/store/refuse/not-a-database", test_not_a_database);
  g_test_add_func ("/store/refuse/damaged", test_damaged_database);
  g_test_add_func ("/store/refuse/read-only-folder", test_read_only_folder);
  g_test_add_func ("/store/disk-full", test_disk_full);

  return g_test_run ();
}
