/* chamber-protocol.h — JSON encoding of the domain records for /api/v1 (see docs/protocol.md).
 *
 * Decoders validate types, ranges and lengths and never trust the input: a wrong type, a
 * missing required member, an over-long string or a bad hash is a CHAMBER_PROTOCOL_ERROR with
 * a message that names the member. */
#pragma once

#include <json-glib/json-glib.h>

#include "chamber-model.h"

G_BEGIN_DECLS

#define CHAMBER_PROTOCOL_ERROR (chamber_protocol_error_quark ())

typedef enum {
  CHAMBER_PROTOCOL_ERROR_MALFORMED,  /* not JSON, or not the expected shape */
  CHAMBER_PROTOCOL_ERROR_TOO_LARGE,  /* over a size or count limit */
  CHAMBER_PROTOCOL_ERROR_WRONG_TYPE, /* a member has the wrong JSON type */
  CHAMBER_PROTOCOL_ERROR_MISSING,    /* a required member is absent */
  CHAMBER_PROTOCOL_ERROR_INVALID,    /* a value out of range or not allowed */
} ChamberProtocolError;

GQuark chamber_protocol_error_quark (void);

#define CHAMBER_PROTOCOL_VERSION     1
#define CHAMBER_PROTOCOL_MAX_STRING  4096           /* bytes in any one string member */
#define CHAMBER_PROTOCOL_MAX_BODY    (1024 * 1024)  /* bytes in a JSON request body */

/* Parses @data as JSON with @max_bytes as the limit and requires an object at the top. */
JsonObject *chamber_protocol_parse_object (const char *data, gsize len, gsize max_bytes,
                                           GError **error);

JsonNode        *chamber_session_to_json (const ChamberSession *session);
ChamberSession  *chamber_session_from_json (JsonObject *object, GError **error);
JsonNode        *chamber_item_to_json (const ChamberItem *item);
ChamberItem     *chamber_item_from_json (JsonObject *object, GError **error);
JsonNode        *chamber_person_to_json (const ChamberPerson *person);
ChamberPerson   *chamber_person_from_json (JsonObject *object, GError **error);
JsonNode        *chamber_document_to_json (const ChamberDocument *document);
ChamberDocument *chamber_document_from_json (JsonObject *object, GError **error);

/* Typed member readers used by the decoders above and by the server's request handlers.
 * Each returns FALSE and sets @error naming @member when present with the wrong type or
 * out of range; a missing member is an error only when @required. */
gboolean chamber_json_get_string (JsonObject *object, const char *member, gboolean required,
                                  gsize max_len, char **out, GError **error);
gboolean chamber_json_get_int (JsonObject *object, const char *member, gboolean required,
                               gint64 min, gint64 max, gint64 *out, GError **error);

/* Lenient readers for a client showing a server's answer: the member's value when it holds
 * that type, else NULL, @fallback, or NULL (for objects and arrays). @object may be NULL.
 * The one home for this in the app and the CLI; decoders that must reject bad input use the
 * typed readers above. */
const char *chamber_json_peek_string (JsonObject *object, const char *member);
gint64      chamber_json_peek_int (JsonObject *object, const char *member, gint64 fallback);
gboolean    chamber_json_peek_bool (JsonObject *object, const char *member, gboolean fallback);
JsonObject *chamber_json_peek_object (JsonObject *object, const char *member);
JsonArray  *chamber_json_peek_array (JsonObject *object, const char *member);

/* {"error":{"code":CODE,"message":MESSAGE}} */
char    *chamber_protocol_error_body (const char *code, const char *message);
/* Reads such a body; FALSE when @data is not one. */
gboolean chamber_protocol_parse_error_body (const char *data, gsize len, char **out_code,
                                            char **out_message);

/* Serialises @node compactly; returns a newly allocated string. */
char *chamber_json_to_string (JsonNode *node, gsize *out_len);

/* A new node holding @object (or @array), taking over the caller's reference: the one home for
 * what json_node_init_object() does not do (it adds a reference of its own). */
JsonNode *chamber_json_node_take_object (JsonObject *object);
JsonNode *chamber_json_node_take_array (JsonArray *array);

/* Sets @member of @object to @value, or to null when @value is NULL. */
void chamber_json_object_set_optional_string (JsonObject *object, const char *member,
                                              const char *value);

G_END_DECLS
