/* fuzz-replay.c — the main() that turns a libFuzzer target into an ordinary test: it runs the
 * target once on every file of the folders (or files) named on the command line — the seed corpus
 * and every input that once crashed (tests/fuzz/regressions) — so the regressions are checked by
 * every test run, with gcc and without libFuzzer. */
#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static guint runs;

static void
replay_path (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      if (dir == NULL)
        return;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          replay_path (child);
        }
      return;
    }
  {
    g_autofree char *contents = NULL;
    g_autoptr (GError) error = NULL;
    gsize len = 0;

    if (!g_file_get_contents (path, &contents, &len, &error))
      g_error ("%s", error->message);
    LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
    runs++;
  }
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    replay_path (argv[i]);
  if (runs == 0)
    {
      fprintf (stderr, "fuzz-replay: no inputs found in the folders given\n");
      return 1;
    }
  printf ("replayed %u inputs\n", runs);
  return 0;
}
