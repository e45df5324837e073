/* test-blob-store.c — SHA-256, tokens and the content-addressed blob store, on real files. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "chamber-blob-store.h"
#include "chamber-hash.h"
#include "chamber-test-util.h"
#include "chamber-token.h"

#define SHA256_EMPTY "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define SHA256_ABC   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"

/* Not valid hashes: each must be refused before it reaches a path. */
static const char *const invalid_hashes[] = {
  "",
  "../../etc/passwd",
  "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",   /* uppercase */
  "Ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",   /* one uppercase */
  "a7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",    /* 63 digits */
  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0",  /* 65 digits */
  "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",   /* not hex */
  "../7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",  /* 64 chars, a path */
  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a/",
  " ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
};

/* Deterministic bytes, so a failure can be reproduced. */
static GBytes *
make_bytes (gsize   len,
            guint32 seed)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint8 *data = g_malloc (len);

  for (gsize i = 0; i < len; i++)
    data[i] = g_rand_int (rand) & 0xff;
  return g_bytes_new_take (data, len);
}

static void
write_bytes (const char *path,
             GBytes     *bytes)
{
  g_autoptr (GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

static void
append_bytes (const char   *path,
              const guint8 *data,
              gsize         len)
{
  FILE *f = g_fopen (path, "ab");

  g_assert_nonnull (f);
  g_assert_cmpuint (fwrite (data, 1, len, f), ==, len);
  g_assert_cmpint (fclose (f), ==, 0);
}

static guint
count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        n += count_files (child);
      else
        n++;
    }
  return n;
}

static void
assert_file_equals (const char *path,
                    GBytes     *expected)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, len, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

static void
test_hash_vectors (void)
{
  g_autoptr (ChamberSha256) hasher = chamber_sha256_new ();
  g_autofree char *empty = chamber_sha256_hex ("", 0);
  g_autofree char *abc = chamber_sha256_hex ("abc", 3);
  char hex[65];

  g_assert_cmpstr (empty, ==, SHA256_EMPTY);
  g_assert_cmpstr (abc, ==, SHA256_ABC);

  /* Streaming in pieces gives the same digest, and the hasher is reusable after finish. */
  chamber_sha256_update (hasher, "a", 1);
  chamber_sha256_update (hasher, "bc", 2);
  chamber_sha256_finish (hasher, hex);
  g_assert_cmpstr (hex, ==, SHA256_ABC);
  chamber_sha256_finish (hasher, hex);
  g_assert_cmpstr (hex, ==, SHA256_EMPTY);

  /* The two-block NIST vector. */
  chamber_sha256_update (hasher, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56);
  chamber_sha256_finish (hasher, hex);
  g_assert_cmpstr (hex, ==, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void
test_hash_file (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-hash-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "data.bin", NULL);
  g_autofree char *empty_path = g_build_filename (dir, "empty.bin", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.bin", NULL);
  /* Larger than several 256 KiB reads and not a multiple of one. */
  g_autoptr (GBytes) bytes = make_bytes (3 * 256 * 1024 + 1234, 42);
  g_autoptr (GBytes) no_bytes = g_bytes_new_static ("", 0);
  g_autofree char *one_shot = chamber_sha256_hex (g_bytes_get_data (bytes, NULL),
                                                 g_bytes_get_size (bytes));
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  char hex[65];
  gint64 size = -1;

  write_bytes (path, bytes);
  write_bytes (empty_path, no_bytes);

  g_assert_true (chamber_sha256_file (path, hex, &size, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hex, ==, one_shot);
  g_assert_cmpint (size, ==, (gint64) g_bytes_get_size (bytes));

  g_assert_true (chamber_sha256_file (empty_path, hex, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hex, ==, SHA256_EMPTY);

  g_assert_false (chamber_sha256_file (missing, hex, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing.bin"));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (chamber_sha256_file (path, hex, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  chamber_test_rm_rf (dir);
}

static void
test_hash_is_valid (void)
{
  g_assert_true (chamber_sha256_is_valid (SHA256_ABC));
  g_assert_true (chamber_sha256_is_valid (SHA256_EMPTY));
  g_assert_false (chamber_sha256_is_valid (NULL));
  for (guint i = 0; i < G_N_ELEMENTS (invalid_hashes); i++)
    g_assert_false (chamber_sha256_is_valid (invalid_hashes[i]));
}

static void
test_token_format (void)
{
  g_autofree char *token = chamber_token_generate ();
  g_autofree char *b64 = NULL;
  g_autofree guchar *raw = NULL;
  gsize raw_len = 0;

  g_assert_true (g_str_has_prefix (token, "chm_"));
  g_assert_cmpuint (strlen (token), ==, 4 + 43);
  for (const char *p = token + 4; *p != '\0'; p++)
    g_assert_true (g_ascii_isalnum (*p) || *p == '-' || *p == '_');

  /* It decodes back to 32 bytes once turned into standard base64 with its padding. */
  b64 = g_strconcat (token + 4, "=", NULL);
  g_strdelimit (b64, "-", '+');
  g_strdelimit (b64, "_", '/');
  raw = g_base64_decode (b64, &raw_len);
  g_assert_cmpuint (raw_len, ==, 32);
}

static void
test_token_unique (void)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (int i = 0; i < 1000; i++)
    {
      char *token = chamber_token_generate ();
      char *hash = chamber_token_hash (token);

      g_assert_true (g_hash_table_add (seen, token));
      g_assert_true (g_hash_table_add (hashes, hash));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 1000);
  g_assert_cmpuint (g_hash_table_size (hashes), ==, 1000);
}

static void
test_token_hash (void)
{
  g_autofree char *token = chamber_token_generate ();
  g_autofree char *hash1 = chamber_token_hash (token);
  g_autofree char *hash2 = chamber_token_hash (token);
  g_autofree char *direct = chamber_sha256_hex (token, strlen (token));
  g_autofree char *known = chamber_token_hash ("abc");

  g_assert_true (chamber_sha256_is_valid (hash1));
  g_assert_cmpstr (hash1, ==, hash2);
  g_assert_cmpstr (hash1, ==, direct);
  g_assert_cmpstr (known, ==, SHA256_ABC);
}

static void
test_token_equal (void)
{
  g_autofree char *a = chamber_token_generate ();
  g_autofree char *b = chamber_token_generate ();
  g_autofree char *a_copy = g_strdup (a);
  g_autofree char *a_short = g_strndup (a, strlen (a) - 1);
  g_autofree char *a_long = g_strconcat (a, "x", NULL);
  g_autofree char *a_last = g_strdup (a);

  a_last[strlen (a_last) - 1] ^= 1;

  g_assert_true (chamber_token_equal (a, a_copy));
  g_assert_true (chamber_token_equal ("", ""));
  g_assert_false (chamber_token_equal (a, b));
  g_assert_false (chamber_token_equal (a, a_short));
  g_assert_false (chamber_token_equal (a_short, a));
  g_assert_false (chamber_token_equal (a, a_long));
  g_assert_false (chamber_token_equal (a, a_last));
  g_assert_false (chamber_token_equal (a, ""));
  g_assert_false (chamber_token_equal (a, NULL));
  g_assert_false (chamber_token_equal (NULL, a));
}

static void
test_blob_paths (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-blobs-XXXXXX");
  g_autofree char *blob_dir = g_build_filename (dir, "blobs", NULL);
  g_autofree char *tmp_dir = g_build_filename (blob_dir, "tmp", NULL);
  g_autofree char *expected = g_build_filename (blob_dir, "ba", SHA256_ABC, NULL);
  g_autofree char *expected_part = NULL;
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;

  blobs = chamber_blob_store_new (blob_dir, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (blob_dir, G_FILE_TEST_IS_DIR));
  g_assert_true (g_file_test (tmp_dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpstr (chamber_blob_store_get_dir (blobs), ==, blob_dir);

  path = chamber_blob_store_path (blobs, SHA256_ABC);
  g_assert_cmpstr (path, ==, expected);
  partial = chamber_blob_store_partial_path (blobs, SHA256_ABC);
  expected_part = g_build_filename (tmp_dir, SHA256_ABC ".part", NULL);
  g_assert_cmpstr (partial, ==, expected_part);
  g_assert_false (chamber_blob_store_has (blobs, SHA256_ABC));

  for (guint i = 0; i < G_N_ELEMENTS (invalid_hashes); i++)
    {
      const char *bad = invalid_hashes[i];
      g_autofree char *bad_path = chamber_blob_store_path (blobs, bad);
      g_autofree char *bad_partial = chamber_blob_store_partial_path (blobs, bad);
      g_autofree char *temp = NULL;

      g_assert_null (bad_path);
      g_assert_null (bad_partial);
      g_assert_false (chamber_blob_store_has (blobs, bad));

      g_assert_false (chamber_blob_store_commit_partial (blobs, bad, NULL, &error));
      g_assert_error (error, CHAMBER_BLOB_ERROR, CHAMBER_BLOB_ERROR_INVALID_HASH);
      g_clear_error (&error);

      temp = chamber_blob_store_new_temp_path (blobs);
      g_assert_nonnull (temp);
      g_assert_false (chamber_blob_store_adopt (blobs, temp, bad, &error));
      g_assert_error (error, CHAMBER_BLOB_ERROR, CHAMBER_BLOB_ERROR_INVALID_HASH);
      g_clear_error (&error);
      /* The refused temporary file is still the caller's, untouched. */
      g_assert_true (g_file_test (temp, G_FILE_TEST_IS_REGULAR));
      g_unlink (temp);
    }
  g_assert_false (chamber_blob_store_has (blobs, NULL));

  /* Nothing was created but the two folders. */
  g_assert_cmpuint (count_files (dir), ==, 0);

  chamber_test_rm_rf (dir);
}

static void
test_blob_import (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-blobs-XXXXXX");
  g_autofree char *blob_dir = g_build_filename (dir, "blobs", NULL);
  g_autofree char *tmp_dir = g_build_filename (blob_dir, "tmp", NULL);
  g_autofree char *source = g_build_filename (dir, "source.pdf", NULL);
  g_autoptr (GBytes) bytes = make_bytes (600 * 1024 + 7, 7);
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  char expected[65];
  char sha[65];
  char again[65];
  gint64 size = 0;

  write_bytes (source, bytes);
  g_assert_true (chamber_sha256_file (source, expected, NULL, NULL, &error));
  g_assert_no_error (error);

  blobs = chamber_blob_store_new (blob_dir, &error);
  g_assert_no_error (error);

  g_assert_true (chamber_blob_store_import_file (blobs, source, sha, &size, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sha, ==, expected);
  g_assert_cmpint (size, ==, (gint64) g_bytes_get_size (bytes));
  g_assert_true (chamber_blob_store_has (blobs, sha));
  path = chamber_blob_store_path (blobs, sha);
  assert_file_equals (path, bytes);
  g_assert_cmpuint (count_files (tmp_dir), ==, 0);

  /* The same bytes again: same hash, still one file. */
  g_assert_true (chamber_blob_store_import_file (blobs, source, again, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, sha);
  g_assert_cmpuint (count_files (blob_dir), ==, 1);

  /* A missing source and a cancelled import leave nothing behind. */
  g_assert_false (chamber_blob_store_import_file (blobs, "/nonexistent/file.pdf", again, NULL,
                                                  NULL, &error));
  g_assert_error (error, CHAMBER_BLOB_ERROR, CHAMBER_BLOB_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/file.pdf"));
  g_clear_error (&error);

  g_cancellable_cancel (cancellable);
  g_assert_false (chamber_blob_store_import_file (blobs, source, again, NULL, cancellable,
                                                  &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (count_files (tmp_dir), ==, 0);
  g_assert_cmpuint (count_files (blob_dir), ==, 1);

  chamber_test_rm_rf (dir);
}

static void
test_blob_commit_partial (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-blobs-XXXXXX");
  g_autoptr (GBytes) bytes = make_bytes (300 * 1024 + 3, 11);
  g_autoptr (GBytes) other = make_bytes (300 * 1024 + 3, 12);
  g_autofree char *sha = chamber_sha256_hex (g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes));
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *final_path = NULL;

  blobs = chamber_blob_store_new (dir, &error);
  g_assert_no_error (error);
  partial = chamber_blob_store_partial_path (blobs, sha);
  final_path = chamber_blob_store_path (blobs, sha);

  /* No partial file at all. */
  g_assert_false (chamber_blob_store_commit_partial (blobs, sha, NULL, &error));
  g_assert_error (error, CHAMBER_BLOB_ERROR, CHAMBER_BLOB_ERROR_IO);
  g_clear_error (&error);

  /* Wrong bytes: refused, the partial file is removed, nothing reaches the final place. */
  write_bytes (partial, other);
  g_assert_false (chamber_blob_store_commit_partial (blobs, sha, NULL, &error));
  g_assert_error (error, CHAMBER_BLOB_ERROR, CHAMBER_BLOB_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, sha));
  g_clear_error (&error);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (final_path, G_FILE_TEST_EXISTS));
  g_assert_false (chamber_blob_store_has (blobs, sha));
  g_assert_cmpuint (count_files (dir), ==, 0);

  /* The right bytes: committed, the partial file is gone. */
  write_bytes (partial, bytes);
  g_assert_true (chamber_blob_store_commit_partial (blobs, sha, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_true (chamber_blob_store_has (blobs, sha));
  assert_file_equals (final_path, bytes);
  g_assert_cmpuint (count_files (dir), ==, 1);

  chamber_test_rm_rf (dir);
}

static void
test_blob_partial_two_steps (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-blobs-XXXXXX");
  g_autoptr (GBytes) bytes = make_bytes (512 * 1024 + 99, 13);
  const guint8 *data = g_bytes_get_data (bytes, NULL);
  gsize len = g_bytes_get_size (bytes);
  gsize first = 200 * 1024 + 1;
  g_autofree char *sha = chamber_sha256_hex (data, len);
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *final_path = NULL;

  blobs = chamber_blob_store_new (dir, &error);
  g_assert_no_error (error);
  partial = chamber_blob_store_partial_path (blobs, sha);
  final_path = chamber_blob_store_path (blobs, sha);

  /* An interrupted download, then its resumption appending the rest. */
  append_bytes (partial, data, first);
  g_assert_false (chamber_blob_store_has (blobs, sha));
  append_bytes (partial, data + first, len - first);

  g_assert_true (chamber_blob_store_commit_partial (blobs, sha, NULL, &error));
  g_assert_no_error (error);
  assert_file_equals (final_path, bytes);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  chamber_test_rm_rf (dir);
}

static void
test_blob_adopt (void)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-blobs-XXXXXX");
  g_autofree char *tmp_dir = g_build_filename (dir, "tmp", NULL);
  g_autoptr (GBytes) bytes = make_bytes (4096, 17);
  g_autofree char *sha = chamber_sha256_hex (g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes));
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *temp_dir = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *temp2 = NULL;

  blobs = chamber_blob_store_new (dir, &error);
  g_assert_no_error (error);

  temp = chamber_blob_store_new_temp_path (blobs);
  g_assert_nonnull (temp);
  g_assert_true (g_file_test (temp, G_FILE_TEST_IS_REGULAR));
  temp_dir = g_path_get_dirname (temp);
  g_assert_cmpstr (temp_dir, ==, tmp_dir);

  write_bytes (temp, bytes);
  g_assert_true (chamber_blob_store_adopt (blobs, temp, sha, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (temp, G_FILE_TEST_EXISTS));
  final_path = chamber_blob_store_path (blobs, sha);
  assert_file_equals (final_path, bytes);

  /* Adopting the same content again keeps one copy and drops the temporary file. */
  temp2 = chamber_blob_store_new_temp_path (blobs);
  g_assert_cmpstr (temp2, !=, temp);
  write_bytes (temp2, bytes);
  g_assert_true (chamber_blob_store_adopt (blobs, temp2, sha, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (temp2, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (dir), ==, 1);

  chamber_test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hash/vectors", test_hash_vectors);
  g_test_add_func ("/hash/file", test_hash_file);
  g_test_add_func ("/hash/is-valid", test_hash_is_valid);
  g_test_add_func ("/token/format", test_token_format);
  g_test_add_func ("/token/unique", test_token_unique);
  g_test_add_func ("/token/hash", test_token_hash);
  g_test_add_func ("/token/equal", test_token_equal);
  g_test_add_func ("/blob-store/paths", test_blob_paths);
  g_test_add_func ("/blob-store/import", test_blob_import);
  g_test_add_func ("/blob-store/commit-partial", test_blob_commit_partial);
  g_test_add_func ("/blob-store/partial-two-steps", test_blob_partial_two_steps);
  g_test_add_func ("/blob-store/adopt", test_blob_adopt);

  return g_test_run ();
}
