/* fuzz-manifest.c — libFuzzer target: the manifest decoder (chamber_manifest_parse), which every
 * delegate's laptop runs on whatever a server or a cache answers. A manifest it accepts must
 * serialise and parse again to the same JSON, so an accepted manifest is always a sound one. */
#include <stdint.h>
#include <string.h>

#include "chamber-manifest.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (ChamberManifest) manifest = NULL;
  g_autoptr (ChamberManifest) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  gsize len = 0, len_again = 0;

  manifest = chamber_manifest_parse ((const char *) data, size, &error);
  if (manifest == NULL)
    {
      /* A refusal always says why. */
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_no_error (error);

  json = chamber_manifest_to_json (manifest, &len);
  again = chamber_manifest_parse (json, len, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
  json_again = chamber_manifest_to_json (again, &len_again);
  g_assert_cmpmem (json, len, json_again, len_again);
  return 0;
}
