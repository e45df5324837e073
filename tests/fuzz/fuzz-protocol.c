/* fuzz-protocol.c — libFuzzer target: the API's JSON decoding as chamberd runs it on a request
 * body (chamber_protocol_parse_object and the record decoders) and as clients run it on an error
 * body. Whatever the bytes, a decoder either returns a record that encodes and decodes to itself
 * or refuses with an error; it never crashes, leaks or accepts half a record. */
#include <stdint.h>
#include <string.h>

#include "chamber-protocol.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Encodes @node, parses it back as an object and returns it (the encoder's output is always a
 * valid request body). */
static JsonObject *
reencode (JsonNode *node)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *object;
  gsize len = 0;

  text = chamber_json_to_string (node, &len);
  object = chamber_protocol_parse_object (text, len, CHAMBER_PROTOCOL_MAX_BODY, &error);
  g_assert_no_error (error);
  return object;
}

#define CHECK_RECORD(Type, type, object)                                                   \
  G_STMT_START                                                                             \
  {                                                                                        \
    g_autoptr (GError) record_error = NULL;                                                \
    g_autoptr (Type) record = chamber_##type##_from_json (object, &record_error);          \
    if (record == NULL)                                                                    \
      g_assert_nonnull (record_error);                                                     \
    else                                                                                   \
      {                                                                                    \
        g_autoptr (JsonNode) node = chamber_##type##_to_json (record);                     \
        g_autoptr (JsonObject) copy = reencode (node);                                     \
        g_autoptr (GError) again_error = NULL;                                             \
        g_autoptr (Type) again = chamber_##type##_from_json (copy, &again_error);         \
        g_assert_no_error (again_error);                                                   \
        g_assert_nonnull (again);                                                          \
      }                                                                                    \
  }                                                                                        \
  G_STMT_END

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (JsonObject) object = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;

  if (chamber_protocol_parse_error_body ((const char *) data, size, &code, &message))
    {
      g_assert_nonnull (code);
      g_assert_nonnull (message);
    }

  object = chamber_protocol_parse_object ((const char *) data, size, CHAMBER_PROTOCOL_MAX_BODY,
                                          &error);
  if (object == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }

  CHECK_RECORD (ChamberSession, session, object);
  CHECK_RECORD (ChamberItem, item, object);
  CHECK_RECORD (ChamberPerson, person, object);
  CHECK_RECORD (ChamberDocument, document, object);
  return 0;
}
