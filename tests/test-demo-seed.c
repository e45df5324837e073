/* test-demo-seed.c — `chamberd --data DIR demo`, run for real: the sample session of the demo,
 * its agenda, people, documents (real PDFs that pass the upload check, in Vietnamese), the
 * tokens file, and that running it again changes nothing; and, through a real chamberd serving
 * the seeded folder, the work between sessions: petitions in every status, the supervision draw
 * repeated from its recorded seed, the commitments' follow-up and a delegate's activity. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "chamber-blob-store.h"
#include "chamber-client.h"
#include "chamber-commitments.h"
#include "chamber-hash.h"
#include "chamber-pdf.h"
#include "chamber-petitions.h"
#include "chamber-protocol.h"
#include "chamber-store.h"
#include "chamber-supervision.h"
#include "chamber-test-util.h"
#include "chamber-token.h"

/* One folder seeded by the first test that needs it, shared by the tests that only read it. */
static char *seeded_dir;

static int
run_demo (const char *data_dir,
          char      **out_stderr)
{
  const char *argv[] = { chamber_test_chamberd_path (), "--data", data_dir, "demo", NULL };
  g_autofree char *out = NULL;
  int status = chamber_test_run (argv, NULL, &out, out_stderr);

  g_assert_cmpstr (out, ==, "");
  return status;
}

static const char *
get_seeded_dir (void)
{
  if (seeded_dir == NULL)
    {
      g_autofree char *err = NULL;
      gint64 start;
      int status;

      seeded_dir = chamber_test_make_temp_dir ("chamber-demo-seed-XXXXXX");
      start = g_get_monotonic_time ();
      status = run_demo (seeded_dir, &err);
      g_test_message ("chamberd demo seeded %s in %.0f ms", seeded_dir,
                      (double) (g_get_monotonic_time () - start) / 1000.0);
      g_assert_cmpstr (err, ==, "");
      g_assert_cmpint (status, ==, 0);
    }
  return seeded_dir;
}

static ChamberStore *
open_store (const char *data_dir)
{
  g_autofree char *path = g_build_filename (data_dir, "chamber.db", NULL);
  g_autoptr (GError) error = NULL;
  ChamberStore *store = chamber_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static ChamberSession *
the_session (ChamberStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) sessions = chamber_store_list_sessions (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 1);
  return chamber_session_copy (g_ptr_array_index (sessions, 0));
}

/* @haystack contains @needle, ignoring case, both compared in NFC. */
static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *h_nfc = g_utf8_normalize (haystack, -1, G_NORMALIZE_NFC);
  g_autofree char *n_nfc = g_utf8_normalize (needle, -1, G_NORMALIZE_NFC);
  g_autofree char *h = g_utf8_casefold (h_nfc, -1);
  g_autofree char *n = g_utf8_casefold (n_nfc, -1);

  return strstr (h, n) != NULL;
}

static void
test_session_and_agenda (void)
{
  g_autoptr (ChamberStore) store = open_store (get_seeded_dir ());
  g_autoptr (ChamberSession) session = the_session (store);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *council = NULL;
  g_autofree char *term = NULL;
  const ChamberItem *questions = NULL;
  guint top_level = 0, issue_groups = 0;

  g_assert_true (chamber_store_get_council (store, &council, &term, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (council, ==, "Hội đồng nhân dân tỉnh An Hòa");
  g_assert_cmpstr (term, ==, "Khóa XI, nhiệm kỳ 2021–2026");

  g_assert_cmpint (session->number, ==, 10);
  g_assert_cmpint (session->kind, ==, CHAMBER_SESSION_REGULAR);
  g_assert_cmpint (session->state, ==, CHAMBER_SESSION_STATE_PREPARING);
  g_assert_true (g_str_has_prefix (session->title, "Kỳ họp thứ mười"));
  g_assert_cmpstr (session->place, ==, "Hội trường Trung tâm Hội nghị tỉnh");
  g_assert_true (g_str_has_prefix (session->starts_on, "2026-12-"));
  g_assert_true (g_str_has_prefix (session->ends_on, "2026-12-"));
  g_assert_cmpstr (session->starts_on, <=, session->ends_on);

  items = chamber_store_list_items (store, session->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >=, 6);
  for (guint i = 0; i < items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (items, i);

      g_assert_cmpint (item->session_id, ==, session->id);
      g_assert_cmpint (item->planned_minutes, >, 0);
      g_assert_cmpint (item->state, ==, CHAMBER_ITEM_STATE_NOT_STARTED);
      g_assert_true (g_utf8_validate (item->title, -1, NULL));
      if (item->parent_id == 0)
        top_level++;
      if (g_str_equal (item->title, "Chất vấn và trả lời chất vấn"))
        questions = item;
      else if (questions != NULL && item->parent_id == questions->id)
        {
          g_assert_true (g_str_has_prefix (item->title, "Nhóm vấn đề: "));
          issue_groups++;
        }
    }
  g_assert_cmpuint (top_level, >=, 6);
  g_assert_nonnull (questions);
  g_assert_cmpuint (issue_groups, >=, 2);

  /* The first item opens the session, the last one closes it. */
  g_assert_cmpstr (((ChamberItem *) g_ptr_array_index (items, 0))->title, ==, "Khai mạc kỳ họp");
  g_assert_cmpstr (((ChamberItem *) g_ptr_array_index (items, items->len - 1))->title, ==,
                   "Bế mạc kỳ họp");
}

static void
test_people (void)
{
  g_autoptr (ChamberStore) store = open_store (get_seeded_dir ());
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) agencies = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  guint by_role[CHAMBER_N_ROLES] = { 0, };

  people = chamber_store_list_people (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      const ChamberPerson *person = g_ptr_array_index (people, i);

      g_assert_true (person->active);
      g_assert_true (g_utf8_validate (person->name, -1, NULL));
      by_role[person->role]++;
      if (person->role == CHAMBER_ROLE_DELEGATE)
        {
          g_assert_nonnull (person->group_name);
          g_assert_true (g_str_has_prefix (person->group_name, "Tổ đại biểu "));
          g_hash_table_add (groups, person->group_name);
        }
      if (person->role == CHAMBER_ROLE_OFFICIAL)
        {
          g_assert_nonnull (person->title);
          g_assert_nonnull (person->agency);
          g_assert_cmpstr (person->title, !=, "");
          g_hash_table_add (agencies, person->agency);
        }
      if (person->role == CHAMBER_ROLE_CHAIR)
        g_assert_cmpstr (person->title, ==, "Chủ tịch HĐND tỉnh");
      if (person->role == CHAMBER_ROLE_ADMIN)
        g_assert_cmpstr (person->name, ==, "Quản trị hệ thống");
    }

  g_assert_cmpuint (by_role[CHAMBER_ROLE_DELEGATE], >=, 12);
  g_assert_cmpuint (g_hash_table_size (groups), >=, 4);
  g_assert_true (g_hash_table_contains (groups, "Tổ đại biểu thành phố An Hòa"));
  g_assert_true (g_hash_table_contains (groups, "Tổ đại biểu huyện Tân Phú"));
  g_assert_cmpuint (by_role[CHAMBER_ROLE_CHAIR], ==, 1);
  g_assert_cmpuint (by_role[CHAMBER_ROLE_SECRETARIAT], >=, 2);
  g_assert_cmpuint (by_role[CHAMBER_ROLE_ADMIN], ==, 1);
  g_assert_cmpuint (by_role[CHAMBER_ROLE_OFFICIAL], >=, 4);
  g_assert_cmpuint (g_hash_table_size (agencies), >=, 4);
  g_assert_true (g_hash_table_contains (agencies, "Sở Tài nguyên và Môi trường"));
  g_assert_true (g_hash_table_contains (agencies, "Sở Y tế"));
}

/* Page @page_no of @path as text. */
static char *
page_text (const char *path,
           int         page_no)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *document = chamber_pdf_open (path, NULL, &error);
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  page = poppler_document_get_page (document, page_no - 1);
  g_assert_nonnull (page);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (document);
  return text;
}

static void
test_documents (void)
{
  const char *data_dir = get_seeded_dir ();
  g_autoptr (ChamberStore) store = open_store (data_dir);
  g_autoptr (ChamberSession) session = the_session (store);
  g_autofree char *blob_dir = g_build_filename (data_dir, "blobs", NULL);
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GHashTable) hashes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GError) error = NULL;
  guint by_kind[CHAMBER_N_DOCUMENT_KINDS] = { 0, };
  int fewest_pages = G_MAXINT, most_pages = 0;

  blobs = chamber_blob_store_new (blob_dir, &error);
  g_assert_no_error (error);
  documents = chamber_store_list_documents (store, session->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, >=, 12);

  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *doc = g_ptr_array_index (documents, i);
      g_autofree char *path = chamber_blob_store_path (blobs, doc->sha256);
      g_autofree char *first_page = NULL;
      g_auto (ChamberPdfInfo) info = { 0, };
      char sha256[65];
      gint64 bytes = 0;

      g_test_message ("document %" G_GINT64_FORMAT ": %d pages, %" G_GINT64_FORMAT " bytes",
                      doc->id, doc->pages, doc->bytes);
      g_assert_cmpint (doc->session_id, ==, session->id);
      g_assert_cmpint (doc->item_id, >, 0);
      g_assert_cmpint (doc->version, ==, 1);
      /* Every document of the demo is for everyone. */
      g_assert_true (doc->access == NULL ||
                     g_strv_contains ((const char *const *) doc->access, "all"));
      g_assert_nonnull (doc->published_at);

      /* Distinct documents, each a real multi-page PDF that passes the upload check. */
      g_assert_false (g_hash_table_contains (hashes, doc->sha256));
      g_hash_table_add (hashes, (gpointer) doc->sha256);
      g_assert_false (g_hash_table_contains (titles, doc->title));
      g_hash_table_add (titles, doc->title);
      g_assert_cmpint (doc->pages, >=, 3);
      g_assert_cmpint (doc->pages, <=, 12);
      fewest_pages = MIN (fewest_pages, doc->pages);
      most_pages = MAX (most_pages, doc->pages);
      by_kind[doc->kind]++;

      g_assert_true (chamber_blob_store_has (blobs, doc->sha256));
      g_assert_true (chamber_sha256_file (path, sha256, &bytes, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (sha256, ==, doc->sha256);
      g_assert_cmpint (bytes, ==, doc->bytes);

      g_assert_true (chamber_pdf_check (path, TRUE, &info, &error));
      g_assert_no_error (error);
      g_assert_cmpint (info.pages, ==, doc->pages);
      g_assert_cmpfloat_with_epsilon (info.width_pt, 595.276, 0.5);   /* A4 */
      g_assert_cmpfloat_with_epsilon (info.height_pt, 841.890, 0.5);
      g_assert_cmpstr (info.title, ==, doc->title);

      /* Vietnamese with its diacritics, as text a search can find. */
      first_page = page_text (path, 1);
      g_assert_true (contains_folded (first_page, "Tỉnh An Hòa"));
      g_assert_true (contains_folded (first_page, "Hội đồng nhân dân"));
      g_assert_true (contains_folded (first_page, "Cộng hòa xã hội chủ nghĩa Việt Nam"));
      g_assert_true (contains_folded (first_page, "Độc lập – Tự do – Hạnh phúc"));
      g_assert_true (strstr (first_page, "Số:") != NULL);
    }

  g_assert_cmpuint (by_kind[CHAMBER_DOCUMENT_SUBMISSION], >=, 2);
  g_assert_cmpuint (by_kind[CHAMBER_DOCUMENT_REPORT], >=, 2);
  g_assert_cmpuint (by_kind[CHAMBER_DOCUMENT_DRAFT_RESOLUTION], >=, 2);
  g_assert_cmpuint (by_kind[CHAMBER_DOCUMENT_OTHER], >=, 1);
  g_assert_cmpint (most_pages, >, fewest_pages);
}

/* The submission on the budget carries the budget table, its sums worked out. */
static void
test_budget_table (void)
{
  const char *data_dir = get_seeded_dir ();
  g_autoptr (ChamberStore) store = open_store (data_dir);
  g_autoptr (ChamberSession) session = the_session (store);
  g_autofree char *blob_dir = g_build_filename (data_dir, "blobs", NULL);
  g_autoptr (ChamberBlobStore) blobs = chamber_blob_store_new (blob_dir, NULL);
  g_autoptr (GPtrArray) documents = chamber_store_list_documents (store, session->id, NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  const ChamberDocument *submission = NULL;
  g_autofree char *path = NULL;

  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *doc = g_ptr_array_index (documents, i);

      if (g_str_equal (doc->title, "Tờ trình dự toán ngân sách nhà nước năm 2027"))
        submission = doc;
    }
  g_assert_nonnull (submission);
  g_assert_cmpint (submission->kind, ==, CHAMBER_DOCUMENT_SUBMISSION);

  path = chamber_blob_store_path (blobs, submission->sha256);
  for (int page = 1; page <= submission->pages; page++)
    {
      g_autofree char *page_string = page_text (path, page);

      g_string_append (text, page_string);
    }
  g_assert_true (strstr (text->str, "Số: 325/TTr-UBND") != NULL);
  g_assert_true (strstr (text->str, "Đơn vị: triệu đồng") != NULL);
  /* Thu NSNN trên địa bàn 2026 and 2027, and total spending 2027, as the table sums them. */
  g_assert_true (strstr (text->str, "19.070.000") != NULL);
  g_assert_true (strstr (text->str, "20.450.000") != NULL);
  g_assert_true (strstr (text->str, "24.750.000") != NULL);
  g_assert_true (strstr (text->str, "107,2") != NULL);
  g_assert_true (strstr (text->str, "PHỤ LỤC") != NULL);
}

/* A page rendered as a delegate's screen would show it: A4 proportions, ink in the letterhead
 * and in the body. */
static void
test_render_page (void)
{
  const char *data_dir = get_seeded_dir ();
  g_autoptr (ChamberStore) store = open_store (data_dir);
  g_autoptr (ChamberSession) session = the_session (store);
  g_autofree char *blob_dir = g_build_filename (data_dir, "blobs", NULL);
  g_autoptr (ChamberBlobStore) blobs = chamber_blob_store_new (blob_dir, NULL);
  g_autoptr (GPtrArray) documents = chamber_store_list_documents (store, session->id, NULL);
  const ChamberDocument *doc = g_ptr_array_index (documents, 0);
  g_autofree char *path = chamber_blob_store_path (blobs, doc->sha256);
  g_autofree char *png = g_build_filename (data_dir, "page-1.png", NULL);
  g_autoptr (GError) error = NULL;
  cairo_surface_t *surface;
  const unsigned char *pixels;
  int width, height, stride;
  guint dark_top = 0, dark_body = 0;

  g_assert_true (chamber_pdf_render_to_png (path, 1, 1.5, png, &error));
  g_assert_no_error (error);

  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  g_assert_cmpint (ABS (width - (int) (595.276 * 1.5)), <=, 1);
  g_assert_cmpint (ABS (height - (int) (841.890 * 1.5)), <=, 1);

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (pixels + y * stride + x * 4);
        guint green = (pixel >> 8) & 0xff;

        if (green < 96)
          {
            if (y < height / 8)
              dark_top++;
            else
              dark_body++;
          }
      }
  cairo_surface_destroy (surface);
  g_unlink (png);
  g_assert_cmpuint (dark_top, >, 1000);
  g_assert_cmpuint (dark_body, >, 10000);
}

static void
test_tokens (void)
{
  static const struct {
    const char *key;
    ChamberRole role;
  } expected[] = {
    { "admin", CHAMBER_ROLE_ADMIN },
    { "secretariat", CHAMBER_ROLE_SECRETARIAT },
    { "chair", CHAMBER_ROLE_CHAIR },
    { "delegate", CHAMBER_ROLE_DELEGATE },
    { "official", CHAMBER_ROLE_OFFICIAL },
  };
  const char *data_dir = get_seeded_dir ();
  g_autofree char *path = g_build_filename (data_dir, "demo-tokens.json", NULL);
  g_autoptr (ChamberStore) store = open_store (data_dir);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *object;
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  object = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_object_get_size (object), ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *token = json_object_get_string_member_with_default (object, expected[i].key,
                                                                      NULL);
      g_autofree char *hash = NULL;
      g_autoptr (ChamberPerson) person = NULL;

      g_assert_nonnull (token);
      g_assert_true (g_str_has_prefix (token, "chm_"));
      g_assert_cmpuint (strlen (token), ==, 4 + 43);
      hash = chamber_token_hash (token);
      person = chamber_store_lookup_token (store, hash, &error);
      g_assert_no_error (error);
      g_assert_nonnull (person);
      g_assert_cmpint (person->role, ==, expected[i].role);
    }
}

typedef struct {
  char      *tokens;
  gsize      tokens_len;
  GPtrArray *documents;
  guint      n_items;
  guint      n_people;
  gint64     revision;
  GPtrArray *blob_files;
} Snapshot;

static void
collect_files (const char *dir,
               GPtrArray  *out)
{
  g_autoptr (GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        collect_files (child, out);
      else
        g_ptr_array_add (out, g_steal_pointer (&child));
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

static void
take_snapshot (const char *data_dir,
               Snapshot   *snapshot)
{
  g_autofree char *tokens_path = g_build_filename (data_dir, "demo-tokens.json", NULL);
  g_autofree char *blob_dir = g_build_filename (data_dir, "blobs", NULL);
  g_autoptr (ChamberStore) store = open_store (data_dir);
  g_autoptr (ChamberSession) session = the_session (store);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_get_contents (tokens_path, &snapshot->tokens, &snapshot->tokens_len,
                                      &error));
  g_assert_no_error (error);
  snapshot->documents = chamber_store_list_documents (store, session->id, &error);
  g_assert_no_error (error);
  items = chamber_store_list_items (store, session->id, &error);
  g_assert_no_error (error);
  people = chamber_store_list_people (store, &error);
  g_assert_no_error (error);
  snapshot->n_items = items->len;
  snapshot->n_people = people->len;
  snapshot->revision = session->revision;
  snapshot->blob_files = g_ptr_array_new_with_free_func (g_free);
  collect_files (blob_dir, snapshot->blob_files);
  g_ptr_array_sort (snapshot->blob_files, compare_paths);
}

static void
snapshot_clear (Snapshot *snapshot)
{
  g_free (snapshot->tokens);
  g_ptr_array_unref (snapshot->documents);
  g_ptr_array_unref (snapshot->blob_files);
}

static void
test_rerun_changes_nothing (void)
{
  const char *data_dir = get_seeded_dir ();
  g_autofree char *err = NULL;
  Snapshot before = { NULL, }, after = { NULL, };

  take_snapshot (data_dir, &before);
  g_assert_cmpint (run_demo (data_dir, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  take_snapshot (data_dir, &after);

  g_assert_cmpmem (before.tokens, before.tokens_len, after.tokens, after.tokens_len);
  g_assert_cmpuint (before.n_items, ==, after.n_items);
  g_assert_cmpuint (before.n_people, ==, after.n_people);
  g_assert_cmpint (before.revision, ==, after.revision);
  g_assert_cmpuint (before.documents->len, ==, after.documents->len);
  for (guint i = 0; i < before.documents->len; i++)
    {
      const ChamberDocument *a = g_ptr_array_index (before.documents, i);
      const ChamberDocument *b = g_ptr_array_index (after.documents, i);

      g_assert_cmpint (a->id, ==, b->id);
      g_assert_cmpstr (a->sha256, ==, b->sha256);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpint (a->version, ==, b->version);
      g_assert_cmpstr (a->published_at, ==, b->published_at);
    }
  g_assert_cmpuint (before.blob_files->len, ==, after.blob_files->len);
  for (guint i = 0; i < before.blob_files->len; i++)
    g_assert_cmpstr (g_ptr_array_index (before.blob_files, i), ==,
                     g_ptr_array_index (after.blob_files, i));

  snapshot_clear (&before);
  snapshot_clear (&after);
}

/* A folder made by `chamberd init` holds no session yet: demo seeds it and the first admin
 * keeps working. */
static void
test_demo_after_init (void)
{
  g_autofree char *data_dir = chamber_test_make_temp_dir ("chamber-demo-init-XXXXXX");
  const char *init_argv[] = { chamber_test_chamberd_path (), "--data", data_dir, "init", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *demo_err = NULL;
  g_autofree char *hash = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (ChamberPerson) admin = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (chamber_test_run (init_argv, NULL, &out, &err), ==, 0);
  g_strstrip (out);
  g_assert_true (g_str_has_prefix (out, "chm_"));

  g_assert_cmpint (run_demo (data_dir, &demo_err), ==, 0);
  g_assert_cmpstr (demo_err, ==, "");

  store = open_store (data_dir);
  session = the_session (store);
  documents = chamber_store_list_documents (store, session->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (documents->len, >=, 12);
  hash = chamber_token_hash (out);
  admin = chamber_store_lookup_token (store, hash, &error);
  g_assert_no_error (error);
  g_assert_nonnull (admin);
  g_assert_cmpint (admin->role, ==, CHAMBER_ROLE_ADMIN);

  g_clear_object (&store);
  chamber_test_rm_rf (data_dir);
}

/* A data folder that cannot be made: one line saying why, exit status 1, nothing written. */
static void
test_unusable_folder (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-demo-bad-XXXXXX");
  g_autofree char *file = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *data_dir = g_build_filename (file, "data", NULL);
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (file, "x", 1, &error));
  g_assert_no_error (error);

  g_assert_cmpint (run_demo (data_dir, &err), ==, 1);
  g_assert_true (g_str_has_prefix (err, "chamberd: "));
  g_assert_nonnull (strstr (err, data_dir));
  g_assert_nonnull (strchr (err, '\n'));
  g_assert_cmpstr (strchr (err, '\n') + 1, ==, "");
  g_assert_false (g_file_test (data_dir, G_FILE_TEST_EXISTS));

  chamber_test_rm_rf (dir);
}

/* When the sample documents cannot be written, the seed fails with a reason and leaves no
 * session behind, so that a later run seeds the folder in full. */
static void
test_failed_seed_leaves_nothing (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-demo-tmp-XXXXXX");
  g_autofree char *data_dir = g_build_filename (dir, "data", NULL);
  g_autofree char *not_a_folder = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *tmpdir_env = g_strconcat ("TMPDIR=", not_a_folder, NULL);
  g_autofree char *tokens_path = g_build_filename (data_dir, "demo-tokens.json", NULL);
  const char *argv[] = { chamber_test_chamberd_path (), "--data", data_dir, "demo", NULL };
  const char *envp[] = { tmpdir_env, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *second_err = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_set_contents (not_a_folder, "x", 1, &error));
  g_assert_no_error (error);

  g_assert_cmpint (chamber_test_run (argv, envp, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_str_has_prefix (err, "chamberd: "));
  g_assert_nonnull (strstr (err, "TMPDIR"));
  g_assert_false (g_file_test (tokens_path, G_FILE_TEST_EXISTS));

  store = open_store (data_dir);
  sessions = chamber_store_list_sessions (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 0);
  g_clear_object (&store);

  g_assert_cmpint (run_demo (data_dir, &second_err), ==, 0);
  g_assert_cmpstr (second_err, ==, "");
  g_assert_true (g_file_test (tokens_path, G_FILE_TEST_EXISTS));

  chamber_test_rm_rf (dir);
}


/* ---- The work between sessions, through the API ----------------------------------------- */

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *secretariat;
  ChamberClient     *delegate;
} DemoServer;

/* One real chamberd serving a folder made by `chamberd init` and then `chamberd demo`, started
 * by the first test that needs it, for the tests that only read through the API. */
static DemoServer shared_demo;

static DemoServer *
get_demo (void)
{
  g_autofree char *err = NULL;
  g_autofree char *tokens_path = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *tokens;
  DemoServer *demo = &shared_demo;

  if (demo->server != NULL)
    return demo;
  demo->server = chamber_test_server_start ();
  chamber_test_server_stop (demo->server);
  g_assert_cmpint (run_demo (demo->server->data_dir, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  chamber_test_server_restart (demo->server);

  tokens_path = g_build_filename (demo->server->data_dir, "demo-tokens.json", NULL);
  g_assert_true (json_parser_load_from_file (parser, tokens_path, &error));
  g_assert_no_error (error);
  tokens = json_node_get_object (json_parser_get_root (parser));
  demo->secretariat = chamber_client_new (demo->server->url,
                                          chamber_json_peek_string (tokens, "secretariat"),
                                          &error);
  g_assert_no_error (error);
  demo->delegate = chamber_client_new (demo->server->url,
                                       chamber_json_peek_string (tokens, "delegate"), &error);
  g_assert_no_error (error);
  return demo;
}

static void
demo_server_free (DemoServer *demo)
{
  g_clear_object (&demo->secretariat);
  g_clear_object (&demo->delegate);
  g_clear_pointer (&demo->server, chamber_test_server_free);
}

/* GET @path as @client: the answer's object, asserting a 200. */
static JsonObject *
get_object (ChamberClient *client,
            const char    *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = NULL;
  guint status = 0;

  node = chamber_client_request_json (client, "GET", path, NULL, &status, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static JsonObject *
array_object (JsonArray *array,
              guint      i)
{
  JsonNode *node = json_array_get_element (array, i);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static void
test_petitions (void)
{
  DemoServer *demo = get_demo ();
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (GHashTable) fields = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) agencies = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        NULL);
  guint statuses[CHAMBER_N_PETITION_STATUSES] = { 0, };
  guint levels[CHAMBER_N_PETITION_LEVELS] = { 0, };
  guint raised_again = 0, answered = 0, linked = 0;
  JsonArray *petitions;

  answer = get_object (demo->secretariat, "/api/v1/petitions");
  petitions = chamber_json_peek_array (answer, "petitions");
  g_assert_nonnull (petitions);
  g_assert_cmpuint (json_array_get_length (petitions), >=, 30);
  g_assert_cmpuint (json_array_get_length (petitions), <=, 60);

  for (guint i = 0; i < json_array_get_length (petitions); i++)
    {
      JsonObject *petition = array_object (petitions, i);
      JsonObject *meeting = chamber_json_peek_object (petition, "meeting");
      ChamberPetitionStatus status;
      ChamberPetitionLevel level;
      gint64 id = chamber_json_peek_int (petition, "id", 0);

      g_hash_table_add (by_id, g_memdup2 (&id, sizeof id));
      g_assert_true (chamber_petition_status_from_string (
        chamber_json_peek_string (petition, "status"), &status));
      statuses[status]++;
      g_assert_nonnull (meeting);
      g_assert_nonnull (chamber_json_peek_string (meeting, "date"));
      g_assert_nonnull (chamber_json_peek_string (meeting, "place"));
      g_assert_true (g_str_has_prefix (chamber_json_peek_string (meeting, "group"),
                                       "Tổ đại biểu "));
      g_assert_true (chamber_petition_level_from_string (chamber_json_peek_string (meeting,
                                                                                   "level"),
                                                         &level));
      levels[level]++;
      g_hash_table_add (fields, (gpointer) chamber_json_peek_string (petition, "field"));
      g_hash_table_add (agencies, (gpointer) chamber_json_peek_string (petition, "agency"));
      if (chamber_json_peek_string (petition, "answer") != NULL)
        answered++;
      if (status == CHAMBER_PETITION_RESOLVED)
        g_assert_nonnull (chamber_json_peek_string (petition, "resolved_on"));
    }

  /* Raised again: each linked to an earlier petition of the list, similar enough. */
  for (guint i = 0; i < json_array_get_length (petitions); i++)
    {
      JsonObject *petition = array_object (petitions, i);
      gint64 id = chamber_json_peek_int (petition, "id", 0);
      gint64 earlier = chamber_json_peek_int (petition, "raised_again_of", 0);
      g_autofree char *path = NULL;
      g_autoptr (JsonObject) full = NULL;
      JsonArray *links;

      if (earlier != 0)
        {
          raised_again++;
          g_assert_cmpint (earlier, <, id);
          g_assert_true (g_hash_table_contains (by_id, &earlier));
          g_assert_cmpfloat (json_object_get_double_member (petition, "similarity"), >=,
                             CHAMBER_PETITION_SIMILAR);
        }
      path = g_strdup_printf ("/api/v1/petitions/%lld", (long long) id);
      full = get_object (demo->secretariat, path);
      links = chamber_json_peek_array (chamber_json_peek_object (full, "petition"), "links");
      if (links != NULL && json_array_get_length (links) > 0)
        linked++;
    }

  for (guint s = 0; s < CHAMBER_N_PETITION_STATUSES; s++)
    g_assert_cmpuint (statuses[s], >, 0);
  for (guint l = CHAMBER_PETITION_LEVEL_COMMUNE; l < CHAMBER_N_PETITION_LEVELS; l++)
    g_assert_cmpuint (levels[l], >, 0);
  g_assert_cmpuint (g_hash_table_size (fields), >=, 5);
  g_assert_cmpuint (g_hash_table_size (agencies), >=, 5);
  g_assert_cmpuint (answered, >, 0);
  g_assert_cmpuint (raised_again, >=, 2);
  g_assert_cmpuint (linked, >, 0);

}

/* The recorded draw, drawn again from its seed over its candidates, gives the same sample; every
 * sample is assigned, and the findings are of every kind. */
static void
test_supervision (void)
{
  DemoServer *demo = get_demo ();
  g_autoptr (JsonObject) draws = NULL;
  g_autoptr (JsonObject) listed = NULL;
  g_autoptr (JsonObject) mine = NULL;
  g_autoptr (GHashTable) agency_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                            g_free);
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (ChamberDrawCandidate));
  g_autoptr (GArray) drawn = NULL;
  guint results[CHAMBER_N_FINDINGS] = { 0, };
  JsonObject *draw, *filter;
  JsonArray *ids, *samples, *petitions;
  guint64 seed;

  listed = get_object (demo->secretariat, "/api/v1/petitions");
  petitions = chamber_json_peek_array (listed, "petitions");
  for (guint i = 0; i < json_array_get_length (petitions); i++)
    {
      JsonObject *petition = array_object (petitions, i);
      gint64 id = chamber_json_peek_int (petition, "id", 0);

      g_hash_table_insert (agency_of, g_memdup2 (&id, sizeof id),
                           g_strdup (chamber_json_peek_string (petition, "agency")));
    }

  draws = get_object (demo->secretariat, "/api/v1/supervision/draws");
  g_assert_cmpuint (json_array_get_length (chamber_json_peek_array (draws, "draws")), >=, 1);
  draw = array_object (chamber_json_peek_array (draws, "draws"), 0);
  filter = chamber_json_peek_object (draw, "filter");
  g_assert_cmpstr (chamber_json_peek_string (filter, "status"), ==, "resolved");
  g_assert_cmpstr (chamber_json_peek_string (draw, "algorithm"), ==,
                   CHAMBER_SUPERVISION_ALGORITHM);
  g_assert_cmpstr (chamber_json_peek_string (draw, "by"), ==, "agency");
  seed = g_ascii_strtoull (chamber_json_peek_string (draw, "seed"), NULL, 10);

  /* Drawn again, by the published algorithm, from what the record says. */
  ids = chamber_json_peek_array (draw, "candidates");
  g_assert_cmpuint (json_array_get_length (ids), >=, 8);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      gint64 id = json_array_get_int_element (ids, i);
      ChamberDrawCandidate candidate = { id, g_hash_table_lookup (agency_of, &id) };

      g_assert_nonnull (candidate.stratum);
      g_array_append_val (candidates, candidate);
    }
  samples = chamber_json_peek_array (draw, "samples");
  drawn = chamber_supervision_sample (candidates, chamber_json_peek_int (draw, "size", 0), seed,
                                      NULL);
  g_assert_cmpuint (drawn->len, ==, json_array_get_length (samples));
  g_assert_cmpuint (drawn->len, >=, 4);
  for (guint i = 0; i < drawn->len; i++)
    {
      JsonObject *sample = array_object (samples, i);
      JsonObject *petition = chamber_json_peek_object (sample, "petition");
      JsonObject *finding = chamber_json_peek_object (sample, "finding");
      const ChamberDrawCandidate *expected =
        &g_array_index (candidates, ChamberDrawCandidate, g_array_index (drawn, guint, i));

      g_assert_cmpint (chamber_json_peek_int (sample, "position", 0), ==, i + 1);
      g_assert_cmpint (chamber_json_peek_int (petition, "id", 0), ==, expected->id);
      g_assert_nonnull (chamber_json_peek_string (sample, "assignee"));
      if (finding != NULL)
        {
          ChamberFindingResult result;

          g_assert_true (chamber_finding_result_from_string (
            chamber_json_peek_string (finding, "result"), &result));
          results[result]++;
          g_assert_nonnull (chamber_json_peek_string (finding, "note"));
          /* A petition found not resolved went back to in progress. */
          if (result == CHAMBER_FINDING_NOT_RESOLVED)
            g_assert_cmpstr (chamber_json_peek_string (petition, "status"), ==, "in-progress");
        }
    }
  for (guint r = 0; r < CHAMBER_N_FINDINGS; r++)
    g_assert_cmpuint (results[r], >, 0);

  /* The demo's delegate is in a group that was assigned some of the sample. */
  mine = get_object (demo->delegate, "/api/v1/supervision/samples");
  g_assert_cmpuint (json_array_get_length (chamber_json_peek_array (mine, "samples")), >, 0);
  g_assert_cmpuint (json_array_get_length (chamber_json_peek_array (mine, "samples")), <,
                    drawn->len);

}

/* Commitments open, in progress, done (with their history) and overdue, and reminders both
 * overdue and due soon. */
static void
test_commitments (void)
{
  DemoServer *demo = get_demo ();
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (JsonObject) due = NULL;
  guint statuses[CHAMBER_N_COMMITMENT_STATUSES] = { 0, };
  guint overdue = 0, soon = 0;
  JsonArray *commitments;

  answer = get_object (demo->secretariat, "/api/v1/commitments");
  commitments = chamber_json_peek_array (answer, "commitments");
  g_assert_cmpuint (json_array_get_length (commitments), >=, 4);
  for (guint i = 0; i < json_array_get_length (commitments); i++)
    {
      JsonObject *commitment = array_object (commitments, i);
      ChamberCommitmentStatus status;

      g_assert_true (chamber_commitment_status_from_string (
        chamber_json_peek_string (commitment, "status"), &status));
      statuses[status]++;
      g_assert_nonnull (chamber_json_peek_string (commitment, "due"));
      if (status == CHAMBER_COMMITMENT_DONE)
        {
          g_autofree char *path = g_strdup_printf (
            "/api/v1/commitments/%lld/updates",
            (long long) chamber_json_peek_int (commitment, "id", 0));
          g_autoptr (JsonObject) updates = get_object (demo->secretariat, path);
          JsonArray *list = chamber_json_peek_array (updates, "updates");

          g_assert_cmpuint (json_array_get_length (list), >=, 2);
          g_assert_cmpstr (chamber_json_peek_string (
                             array_object (list, json_array_get_length (list) - 1), "status"),
                           ==, "done");
        }
    }
  for (guint s = 0; s < CHAMBER_N_COMMITMENT_STATUSES; s++)
    g_assert_cmpuint (statuses[s], >, 0);

  due = get_object (demo->secretariat, "/api/v1/commitments?due_within=14");
  commitments = chamber_json_peek_array (due, "commitments");
  for (guint i = 0; i < json_array_get_length (commitments); i++)
    {
      gint64 days_left = chamber_json_peek_int (array_object (commitments, i), "days_left", 0);

      if (days_left < 0)
        overdue++;
      else
        soon++;
    }
  g_assert_cmpuint (overdue, >, 0);
  g_assert_cmpuint (soon, >, 0);

}

/* "My Activity" of the demo's delegate: every criterion has something to count. */
static void
test_delegate_activity (void)
{
  DemoServer *demo = get_demo ();
  g_autoptr (JsonObject) answer = NULL;
  JsonObject *report, *row;
  JsonArray *delegates;

  answer = get_object (demo->delegate, "/api/v1/reports/delegates?term=2026-2031");
  report = chamber_json_peek_object (answer, "report");
  g_assert_nonnull (report);
  g_assert_true (chamber_json_peek_bool (report, "petitions_recorded", FALSE));
  delegates = chamber_json_peek_array (report, "delegates");
  g_assert_cmpuint (json_array_get_length (delegates), ==, 1);
  row = array_object (delegates, 0);
  g_assert_cmpint (chamber_json_peek_int (row, "sittings", 0), >, 0);
  g_assert_cmpint (chamber_json_peek_int (row, "questions", 0), >, 0);
  g_assert_cmpint (chamber_json_peek_int (row, "debates", 0), >, 0);
  g_assert_cmpint (chamber_json_peek_int (row, "speaking_ms", 0), >, 0);
  g_assert_cmpint (chamber_json_peek_int (row, "petitions", 0), >, 0);
  g_assert_cmpint (chamber_json_peek_int (row, "findings", 0), >, 0);

}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo-seed/session-and-agenda", test_session_and_agenda);
  g_test_add_func ("/demo-seed/people", test_people);
  g_test_add_func ("/demo-seed/documents", test_documents);
  g_test_add_func ("/demo-seed/budget-table", test_budget_table);
  g_test_add_func ("/demo-seed/render-page", test_render_page);
  g_test_add_func ("/demo-seed/tokens", test_tokens);
  g_test_add_func ("/demo-seed/rerun-changes-nothing", test_rerun_changes_nothing);
  g_test_add_func ("/demo-seed/after-init", test_demo_after_init);
  g_test_add_func ("/demo-seed/unusable-folder", test_unusable_folder);
  g_test_add_func ("/demo-seed/failed-seed-leaves-nothing", test_failed_seed_leaves_nothing);
  g_test_add_func ("/demo-seed/petitions", test_petitions);
  g_test_add_func ("/demo-seed/supervision", test_supervision);
  g_test_add_func ("/demo-seed/commitments", test_commitments);
  g_test_add_func ("/demo-seed/delegate-activity", test_delegate_activity);

  status = g_test_run ();
  demo_server_free (&shared_demo);
  chamber_test_rm_rf (seeded_dir);
  g_free (seeded_dir);
  return status;
}
