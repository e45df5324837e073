/* fuzz-pdf.c — libFuzzer target: opening a PDF through Chamber's document loader and checking it
 * the way chamberd checks an upload (chamber_pdf_check, every page rendered). Poppler reads from a
 * file, so each input is written to one private temporary file first. Any answer but a crash is
 * acceptable; a refusal must carry one of the loader's own error codes. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "chamber-pdf.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *input_path;

static void
remove_input (void)
{
  if (input_path != NULL)
    g_unlink (input_path);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_auto (ChamberPdfInfo) info = { 0, };
  g_autoptr (GError) error = NULL;

  if (input_path == NULL)
    {
      input_path = g_strdup_printf ("%s/chamber-fuzz-pdf-%d.pdf", g_get_tmp_dir (), (int) getpid ());
      atexit (remove_input);
    }
  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, NULL))
    return 0;

  if (chamber_pdf_check (input_path, TRUE, &info, &error))
    g_assert_cmpint (info.pages, >, 0);
  else
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == CHAMBER_PDF_ERROR);
    }
  return 0;
}
