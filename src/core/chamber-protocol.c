/* chamber-protocol.c — JSON encoding and validating decoding of the /api/v1 records.
 *
 * Every decoder treats its input as hostile. Before json-glib sees a byte,
 * chamber_protocol_parse_object() checks the size, the UTF-8, the nesting depth (json-glib
 * recurses and would overflow the stack on a deep enough document) and every integer literal
 * (json-glib silently wraps an integer that does not fit in 64 bits). The record decoders then
 * check each member's type, range and length and name the member in their errors.
 *
 * Error domain CHAMBER_PROTOCOL_ERROR:
 *   MALFORMED   not JSON, not UTF-8, or not the expected shape (an array where an object belongs)
 *   TOO_LARGE   over the byte limit, nested too deeply, or too many entries in a list
 *   WRONG_TYPE  a member holds the wrong JSON type (a string where a number belongs, 1.5 for an
 *               integer)
 *   MISSING     a required member is absent or null
 *   INVALID     a value out of range, an unknown enum value, a bad date, hash or access entry
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <errno.h>
#include <string.h>

#include "chamber-hash.h"
#include "chamber-protocol.h"

G_DEFINE_QUARK (chamber-protocol-error-quark, chamber_protocol_error)

/* Deeper than any record of the protocol (a manifest is 4 levels deep). */
#define MAX_DEPTH 32
/* Entries in one document's access list. */
#define MAX_ACCESS_ENTRIES 1000
/* The longest integer literal that can fit in 64 bits: "-9223372036854775808". */
#define MAX_INT_LITERAL 20
/* How much of a rejected value is quoted back in an error message. */
#define QUOTE_CHARS 40

static char *
format_int (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/* A short, printable excerpt of a rejected value for an error message. */
static char *
quote_value (const char *value)
{
  if (g_utf8_strlen (value, -1) <= QUOTE_CHARS)
    return g_strdup (value);
  else
    {
      g_autofree char *head = g_utf8_substring (value, 0, QUOTE_CHARS);
      return g_strconcat (head, "…", NULL);
    }
}

static const char *
describe_node_type (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return _("a string");
    case G_TYPE_BOOLEAN:
      return _("true or false");
    case G_TYPE_DOUBLE:
      return _("a fractional number");
    case G_TYPE_INT64:
      return _("a whole number");
    default:
      return _("an unknown value");
    }
}

/* ---- Checking the raw text before json-glib parses it ------------------------------------
 *
 * json-glib's parser is lenient (it takes 'single quotes' and leading zeros), recursive (a deep
 * enough document overflows the stack) and wraps integers that do not fit in 64 bits. So the
 * text is first checked against the strict JSON grammar (RFC 8259) here, with a depth limit
 * and a range check of every integer; json-glib then only builds the tree. */

typedef struct {
  const char *data;
  gsize       len;
  gsize       pos;
  /* The member whose value is being read, for error messages. */
  gsize       key_start;
  gsize       key_len;
} Validator;

static void
syntax_error (Validator *v, const char *reason, GError **error)
{
  guint line = 1;
  guint column = 1;

  for (gsize i = 0; i < v->pos && i < v->len; i++)
    {
      if (v->data[i] == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) v->data[i] & 0xc0) != 0x80)
        column++;
    }

  g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MALFORMED,
               _("The data is not valid JSON: %s at line %u, column %u."), reason, line,
               column);
}

static void
skip_space (Validator *v)
{
  while (v->pos < v->len)
    {
      char c = v->data[v->pos];

      if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        break;
      v->pos++;
    }
}

static gboolean
at_end (Validator *v)
{
  return v->pos >= v->len;
}

static char
peek (Validator *v)
{
  return at_end (v) ? '\0' : v->data[v->pos];
}

/* The character at the current position as a message may quote it: the whole character when
 * it is valid UTF-8 and printable, otherwise its first byte written as \xNN, so that an error
 * message is always valid UTF-8 (found by tests/fuzz/fuzz-manifest.c). */
static char *
dup_found_char (Validator *v)
{
  const char *at = v->data + v->pos;
  gunichar c = g_utf8_get_char_validated (at, (gssize) (v->len - v->pos));

  if (c != (gunichar) -1 && c != (gunichar) -2 && c != 0 && g_unichar_isprint (c))
    return g_strndup (at, (gsize) (g_utf8_next_char (at) - at));
  return g_strdup_printf ("\\x%02X", (guint) (guchar) *at);
}

static gboolean
expect_char (Validator *v, char expected, GError **error)
{
  if (peek (v) != expected || at_end (v))
    {
      g_autofree char *found = at_end (v) ? NULL : dup_found_char (v);
      g_autofree char *reason = at_end (v)
                                  ? g_strdup_printf (_("the text ends where “%c” belongs"),
                                                     expected)
                                  : g_strdup_printf (_("“%c” belongs where “%s” is"), expected,
                                                     found);
      syntax_error (v, reason, error);
      return FALSE;
    }
  v->pos++;
  return TRUE;
}

/* Reads the four hex digits of a \u escape. */
static gboolean
read_hex4 (Validator *v, guint *out, GError **error)
{
  guint value = 0;

  if (v->len - v->pos < 4)
    {
      syntax_error (v, _("a \\u escape is cut short"), error);
      return FALSE;
    }
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (v->data[v->pos + i]);

      if (digit < 0)
        {
          syntax_error (v, _("a \\u escape needs four hexadecimal digits"), error);
          return FALSE;
        }
      value = value * 16 + (guint) digit;
    }
  v->pos += 4;
  *out = value;
  return TRUE;
}

static gboolean
validate_string (Validator *v, GError **error)
{
  gsize start;

  v->pos++; /* the opening quote */
  start = v->pos;

  while (!at_end (v))
    {
      guchar c = (guchar) v->data[v->pos];

      if (c == '"')
        {
          v->key_start = start;
          v->key_len = v->pos - start;
          v->pos++;
          return TRUE;
        }
      if (c < 0x20)
        {
          syntax_error (v, _("a control character is not escaped in a text"), error);
          return FALSE;
        }
      if (c != '\\')
        {
          v->pos++;
          continue;
        }

      v->pos++;
      switch (peek (v))
        {
        case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
          v->pos++;
          break;
        case 'u':
          {
            guint unit;

            v->pos++;
            if (!read_hex4 (v, &unit, error))
              return FALSE;
            if (unit == 0)
              {
                g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                             _("The data contains a text with a NUL character (\\u0000), "
                               "which Chamber does not accept."));
                return FALSE;
              }
            if (unit >= 0xdc00 && unit <= 0xdfff)
              {
                syntax_error (v, _("a text has half of a UTF-16 surrogate pair"), error);
                return FALSE;
              }
            if (unit >= 0xd800 && unit <= 0xdbff)
              {
                guint low;

                if (v->len - v->pos < 2 || v->data[v->pos] != '\\' || v->data[v->pos + 1] != 'u')
                  {
                    syntax_error (v, _("a text has half of a UTF-16 surrogate pair"), error);
                    return FALSE;
                  }
                v->pos += 2;
                if (!read_hex4 (v, &low, error))
                  return FALSE;
                if (low < 0xdc00 || low > 0xdfff)
                  {
                    syntax_error (v, _("a text has half of a UTF-16 surrogate pair"), error);
                    return FALSE;
                  }
              }
          }
          break;
        default:
          syntax_error (v, _("a text has an unknown escape"), error);
          return FALSE;
        }
    }

  syntax_error (v, _("a text is not terminated"), error);
  return FALSE;
}

static gboolean
skip_digits (Validator *v)
{
  gsize start = v->pos;

  while (!at_end (v) && g_ascii_isdigit (v->data[v->pos]))
    v->pos++;
  return v->pos > start;
}

static gboolean
validate_number (Validator *v, GError **error)
{
  gsize start = v->pos;
  gboolean integer = TRUE;
  char literal[MAX_INT_LITERAL + 1];
  char *end = NULL;

  if (peek (v) == '-')
    v->pos++;
  if (peek (v) == '0')
    {
      v->pos++;
      if (g_ascii_isdigit (peek (v)))
        {
          syntax_error (v, _("a number starts with 0"), error);
          return FALSE;
        }
    }
  else if (!skip_digits (v))
    {
      syntax_error (v, _("a number has no digits"), error);
      return FALSE;
    }
  if (peek (v) == '.')
    {
      integer = FALSE;
      v->pos++;
      if (!skip_digits (v))
        {
          syntax_error (v, _("a number has no digits after its decimal point"), error);
          return FALSE;
        }
    }
  if (peek (v) == 'e' || peek (v) == 'E')
    {
      integer = FALSE;
      v->pos++;
      if (peek (v) == '+' || peek (v) == '-')
        v->pos++;
      if (!skip_digits (v))
        {
          syntax_error (v, _("a number has no digits in its exponent"), error);
          return FALSE;
        }
    }
  if (!integer)
    return TRUE;

  /* json-glib would wrap an integer that does not fit in 64 bits to another value. */
  if (v->pos - start <= MAX_INT_LITERAL)
    {
      memcpy (literal, v->data + start, v->pos - start);
      literal[v->pos - start] = '\0';
      errno = 0;
      g_ascii_strtoll (literal, &end, 10);
      if (errno == 0 && *end == '\0')
        return TRUE;
    }

  if (v->key_len > 0)
    {
      g_autofree char *member = g_strndup (v->data + v->key_start, MIN (v->key_len, 200));

      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The member “%s” holds a number too large to be stored."), member);
    }
  else
    g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                 _("The data holds a number too large to be stored."));
  return FALSE;
}

static gboolean
validate_literal (Validator *v, const char *word, GError **error)
{
  gsize n = strlen (word);

  if (v->len - v->pos < n || memcmp (v->data + v->pos, word, n) != 0)
    {
      syntax_error (v, _("an unknown word (only true, false and null are allowed)"), error);
      return FALSE;
    }
  v->pos += n;
  return TRUE;
}

static gboolean validate_value (Validator *v, int depth, GError **error);

static gboolean
enter (Validator *v, int depth, GError **error)
{
  if (depth >= MAX_DEPTH)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_TOO_LARGE,
                   _("The data is nested more than %d levels deep."), MAX_DEPTH);
      return FALSE;
    }
  v->pos++; /* the opening bracket */
  skip_space (v);
  return TRUE;
}

static gboolean
validate_object (Validator *v, int depth, GError **error)
{
  if (!enter (v, depth, error))
    return FALSE;
  if (peek (v) == '}' && !at_end (v))
    {
      v->pos++;
      return TRUE;
    }

  for (;;)
    {
      gsize key_start;
      gsize key_len;

      if (peek (v) != '"' || at_end (v))
        {
          syntax_error (v, at_end (v) ? _("the text ends inside an object")
                                      : _("a member name in double quotes belongs here"),
                        error);
          return FALSE;
        }
      if (!validate_string (v, error))
        return FALSE;
      key_start = v->key_start;
      key_len = v->key_len;
      skip_space (v);
      if (!expect_char (v, ':', error) || !validate_value (v, depth + 1, error))
        return FALSE;
      v->key_start = key_start;
      v->key_len = key_len;
      skip_space (v);
      if (peek (v) == ',' && !at_end (v))
        {
          v->pos++;
          skip_space (v);
          continue;
        }
      return expect_char (v, '}', error);
    }
}

static gboolean
validate_array (Validator *v, int depth, GError **error)
{
  if (!enter (v, depth, error))
    return FALSE;
  if (peek (v) == ']' && !at_end (v))
    {
      v->pos++;
      return TRUE;
    }

  for (;;)
    {
      if (!validate_value (v, depth + 1, error))
        return FALSE;
      skip_space (v);
      if (peek (v) == ',' && !at_end (v))
        {
          v->pos++;
          skip_space (v);
          continue;
        }
      return expect_char (v, ']', error);
    }
}

static gboolean
validate_value (Validator *v, int depth, GError **error)
{
  skip_space (v);
  if (at_end (v))
    {
      syntax_error (v, _("the text ends where a value belongs"), error);
      return FALSE;
    }

  switch (peek (v))
    {
    case '{':
      return validate_object (v, depth, error);
    case '[':
      return validate_array (v, depth, error);
    case '"':
      {
        /* A string value keeps the member name it belongs to. */
        gsize key_start = v->key_start;
        gsize key_len = v->key_len;

        if (!validate_string (v, error))
          return FALSE;
        v->key_start = key_start;
        v->key_len = key_len;
        return TRUE;
      }
    case 't':
      return validate_literal (v, "true", error);
    case 'f':
      return validate_literal (v, "false", error);
    case 'n':
      return validate_literal (v, "null", error);
    default:
      if (peek (v) == '-' || g_ascii_isdigit (peek (v)))
        return validate_number (v, error);
      syntax_error (v, _("a value belongs here"), error);
      return FALSE;
    }
}

static gboolean
validate_json (const char *data, gsize len, GError **error)
{
  Validator v = { data, len, 0, 0, 0 };

  skip_space (&v);
  if (at_end (&v))
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MALFORMED,
                   _("The data is empty where a JSON object was expected."));
      return FALSE;
    }
  if (!validate_value (&v, 0, error))
    return FALSE;
  skip_space (&v);
  if (!at_end (&v))
    {
      syntax_error (&v, _("more follows the end of the data"), error);
      return FALSE;
    }
  return TRUE;
}

JsonObject *
chamber_protocol_parse_object (const char *data, gsize len, gsize max_bytes, GError **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) local_error = NULL;
  JsonNode *root;

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (len > max_bytes)
    {
      g_autofree char *size = g_format_size_full (len, G_FORMAT_SIZE_LONG_FORMAT);
      g_autofree char *limit = g_format_size_full (max_bytes, G_FORMAT_SIZE_LONG_FORMAT);

      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_TOO_LARGE,
                   _("The data is too large (%s; the limit is %s)."), size, limit);
      return NULL;
    }
  if (len == 0)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MALFORMED,
                   _("The data is empty where a JSON object was expected."));
      return NULL;
    }
  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MALFORMED,
                   _("The data is not valid UTF-8 text."));
      return NULL;
    }
  if (!validate_json (data, len, error))
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MALFORMED,
                   _("The data is not valid JSON (%s)."), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MALFORMED,
                   _("The data must be a JSON object, not %s."), describe_node_type (root));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/* ---- Typed member readers ---------------------------------------------------------------- */

/* Looks @member up; FALSE with MISSING when required and absent or null. *out_node is NULL when
 * the member is absent or null and not required. */
static gboolean
lookup_member (JsonObject *object, const char *member, gboolean required, JsonNode **out_node,
               GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      *out_node = NULL;
      if (required)
        {
          g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MISSING,
                       _("The member “%s” is required but missing."), member);
          return FALSE;
        }
      return TRUE;
    }

  *out_node = node;
  return TRUE;
}

gboolean
chamber_json_get_string (JsonObject *object, const char *member, gboolean required,
                         gsize max_len, char **out, GError **error)
{
  JsonNode *node;
  const char *value;
  gsize len;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (!lookup_member (object, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                   _("The member “%s” must be a string, not %s."), member,
                   describe_node_type (node));
      return FALSE;
    }

  value = json_node_get_string (node);
  len = strlen (value);
  if (len > max_len)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_TOO_LARGE,
                   _("The member “%s” is too long (%lu bytes; at most %lu)."),
                   member, (unsigned long) len, (unsigned long) max_len);
      return FALSE;
    }
  if (!g_utf8_validate_len (value, len, NULL))
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The member “%s” is not valid UTF-8 text."), member);
      return FALSE;
    }

  *out = g_strdup (value);
  return TRUE;
}

gboolean
chamber_json_get_int (JsonObject *object, const char *member, gboolean required, gint64 min,
                      gint64 max, gint64 *out, GError **error)
{
  JsonNode *node;
  gint64 value;

  g_return_val_if_fail (object != NULL, FALSE);
  g_return_val_if_fail (member != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (min <= max, FALSE);

  if (!lookup_member (object, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                   _("The member “%s” must be a whole number, not %s."), member,
                   describe_node_type (node));
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      g_autofree char *min_str = format_int (min);
      g_autofree char *max_str = format_int (max);
      g_autofree char *value_str = format_int (value);

      if (max == G_MAXINT64)
        g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                     _("The member “%s” must be at least %s (it is %s)."), member, min_str,
                     value_str);
      else
        g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                     _("The member “%s” must be between %s and %s (it is %s)."), member,
                     min_str, max_str, value_str);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static gboolean
get_int32 (JsonObject *object, const char *member, gboolean required, int min, int max,
           int *out, GError **error)
{
  gint64 value = *out;

  if (!chamber_json_get_int (object, member, required, min, max, &value, error))
    return FALSE;
  *out = (int) value;
  return TRUE;
}

static gboolean
get_id (JsonObject *object, const char *member, gint64 *out, GError **error)
{
  return chamber_json_get_int (object, member, TRUE, 1, G_MAXINT64, out, error);
}

static gboolean
get_bool (JsonObject *object, const char *member, gboolean required, gboolean *out,
          GError **error)
{
  JsonNode *node;

  if (!lookup_member (object, member, required, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                   _("The member “%s” must be true or false, not %s."), member,
                   describe_node_type (node));
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* A required, non-empty string (titles and names). */
static gboolean
get_text (JsonObject *object, const char *member, char **out, GError **error)
{
  if (!chamber_json_get_string (object, member, TRUE, CHAMBER_PROTOCOL_MAX_STRING, out, error))
    return FALSE;

  if (**out == '\0')
    {
      g_clear_pointer (out, g_free);
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The member “%s” must not be empty."), member);
      return FALSE;
    }
  return TRUE;
}

/* An optional string; an empty one reads as absent. */
static gboolean
get_optional_text (JsonObject *object, const char *member, char **out, GError **error)
{
  if (!chamber_json_get_string (object, member, FALSE, CHAMBER_PROTOCOL_MAX_STRING, out, error))
    return FALSE;

  if (*out != NULL && **out == '\0')
    g_clear_pointer (out, g_free);
  return TRUE;
}

typedef gboolean (*EnumFromString) (const char *str, int *out);

static gboolean
get_enum (JsonObject *object, const char *member, gboolean required, EnumFromString from_string,
          const char *allowed, int *out, GError **error)
{
  g_autofree char *value = NULL;

  if (!chamber_json_get_string (object, member, required, CHAMBER_PROTOCOL_MAX_STRING, &value,
                                error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  if (!from_string (value, out))
    {
      g_autofree char *quoted = quote_value (value);

      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The member “%s” has the unknown value “%s” (expected one of: %s)."),
                   member, quoted, allowed);
      return FALSE;
    }
  return TRUE;
}

/* An optional "YYYY-MM-DD". */
static gboolean
get_date (JsonObject *object, const char *member, char **out, GError **error)
{
  if (!get_optional_text (object, member, out, error))
    return FALSE;

  if (*out != NULL && !chamber_date_is_valid (*out))
    {
      g_autofree char *quoted = quote_value (*out);

      g_clear_pointer (out, g_free);
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The member “%s” must be a date written YYYY-MM-DD, not “%s”."), member,
                   quoted);
      return FALSE;
    }
  return TRUE;
}

/* An optional ISO 8601 date and time with its time zone. */
static gboolean
get_timestamp (JsonObject *object, const char *member, char **out, GError **error)
{
  g_autoptr (GDateTime) parsed = NULL;

  if (!get_optional_text (object, member, out, error))
    return FALSE;
  if (*out == NULL)
    return TRUE;

  parsed = g_date_time_new_from_iso8601 (*out, NULL);
  if (parsed == NULL)
    {
      g_autofree char *quoted = quote_value (*out);

      g_clear_pointer (out, g_free);
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The member “%s” must be an ISO 8601 date and time with a time zone, "
                     "not “%s”."),
                   member, quoted);
      return FALSE;
    }
  return TRUE;
}

static gboolean
access_entry_is_valid (const char *entry)
{
  if (g_str_equal (entry, "all"))
    return TRUE;
  if (g_str_has_prefix (entry, "group:"))
    return entry[strlen ("group:")] != '\0';
  if (g_str_has_prefix (entry, "person:"))
    {
      const char *digits = entry + strlen ("person:");
      guint64 id;

      /* Canonical decimal only: no sign, no leading zero, no spaces. */
      if (digits[0] < '1' || digits[0] > '9')
        return FALSE;
      return g_ascii_string_to_unsigned (digits, 10, 1, G_MAXINT64, &id, NULL);
    }
  return FALSE;
}

static gboolean
get_access (JsonObject *object, const char *member, char ***out, GError **error)
{
  g_autoptr (GPtrArray) entries = NULL;
  JsonNode *node;
  JsonArray *array;
  guint n;

  *out = NULL;
  if (!lookup_member (object, member, TRUE, &node, error))
    return FALSE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                   _("The member “%s” must be a list, not %s."), member,
                   describe_node_type (node));
      return FALSE;
    }

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > MAX_ACCESS_ENTRIES)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_TOO_LARGE,
                   _("The member “%s” has %u entries; at most %d are allowed."), member, n,
                   MAX_ACCESS_ENTRIES);
      return FALSE;
    }

  entries = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *entry;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                       _("Entry %u of the member “%s” must be a string, not %s."), i + 1, member,
                       describe_node_type (element));
          return FALSE;
        }
      entry = json_node_get_string (element);
      if (strlen (entry) > CHAMBER_PROTOCOL_MAX_STRING)
        {
          g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_TOO_LARGE,
                       _("Entry %u of the member “%s” is too long."), i + 1, member);
          return FALSE;
        }
      if (!g_utf8_validate (entry, -1, NULL) || !access_entry_is_valid (entry))
        {
          g_autofree char *quoted = quote_value (entry);

          g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                       _("Entry %u of the member “%s” is “%s”; it must be “all”, "
                         "“group:NAME” or “person:ID”."),
                       i + 1, member, quoted);
          return FALSE;
        }
      g_ptr_array_add (entries, g_strdup (entry));
    }

  g_ptr_array_add (entries, NULL);
  *out = (char **) g_ptr_array_free (g_steal_pointer (&entries), FALSE);
  return TRUE;
}

static gboolean
get_sha256 (JsonObject *object, const char *member, char out[CHAMBER_SHA256_HEX_LEN + 1],
            GError **error)
{
  g_autofree char *value = NULL;

  if (!chamber_json_get_string (object, member, TRUE, CHAMBER_PROTOCOL_MAX_STRING, &value,
                                error))
    return FALSE;

  if (!chamber_sha256_is_valid (value))
    {
      g_autofree char *quoted = quote_value (value);

      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The member “%s” must be 64 lowercase hexadecimal digits, not “%s”."),
                   member, quoted);
      return FALSE;
    }

  memcpy (out, value, CHAMBER_SHA256_HEX_LEN + 1);
  return TRUE;
}

/* ---- Enum adaptors (the model's from_string functions take typed enums) ----------------- */

static gboolean
session_kind_from_string (const char *str, int *out)
{
  ChamberSessionKind value;

  if (!chamber_session_kind_from_string (str, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
session_state_from_string (const char *str, int *out)
{
  ChamberSessionState value;

  if (!chamber_session_state_from_string (str, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
item_state_from_string (const char *str, int *out)
{
  ChamberItemState value;

  if (!chamber_item_state_from_string (str, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
role_from_string (const char *str, int *out)
{
  ChamberRole value;

  if (!chamber_role_from_string (str, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
document_kind_from_string (const char *str, int *out)
{
  ChamberDocumentKind value;

  if (!chamber_document_kind_from_string (str, &value))
    return FALSE;
  *out = value;
  return TRUE;
}

/* ---- Encoders ---------------------------------------------------------------------------- */

static JsonNode *
node_for_object (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

JsonNode *
chamber_session_to_json (const ChamberSession *session)
{
  JsonObject *object;

  g_return_val_if_fail (session != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "id", session->id);
  json_object_set_int_member (object, "number", session->number);
  json_object_set_string_member (object, "kind", chamber_session_kind_to_string (session->kind));
  json_object_set_string_member (object, "title", session->title ? session->title : "");
  chamber_json_object_set_optional_string (object, "place", session->place);
  chamber_json_object_set_optional_string (object, "starts_on", session->starts_on);
  chamber_json_object_set_optional_string (object, "ends_on", session->ends_on);
  json_object_set_string_member (object, "state",
                                 chamber_session_state_to_string (session->state));
  json_object_set_int_member (object, "revision", session->revision);
  return node_for_object (object);
}

JsonNode *
chamber_item_to_json (const ChamberItem *item)
{
  JsonObject *object;

  g_return_val_if_fail (item != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "id", item->id);
  json_object_set_int_member (object, "session_id", item->session_id);
  if (item->parent_id > 0)
    json_object_set_int_member (object, "parent_id", item->parent_id);
  else
    json_object_set_null_member (object, "parent_id");
  json_object_set_int_member (object, "position", item->position);
  json_object_set_string_member (object, "title", item->title ? item->title : "");
  json_object_set_int_member (object, "planned_minutes", item->planned_minutes);
  json_object_set_string_member (object, "state", chamber_item_state_to_string (item->state));
  json_object_set_boolean_member (object, "questioning", item->questioning);
  return node_for_object (object);
}

JsonNode *
chamber_person_to_json (const ChamberPerson *person)
{
  JsonObject *object;

  g_return_val_if_fail (person != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "id", person->id);
  json_object_set_string_member (object, "name", person->name ? person->name : "");
  json_object_set_string_member (object, "role", chamber_role_to_string (person->role));
  chamber_json_object_set_optional_string (object, "group", person->group_name);
  chamber_json_object_set_optional_string (object, "committee", person->committee);
  chamber_json_object_set_optional_string (object, "title", person->title);
  chamber_json_object_set_optional_string (object, "agency", person->agency);
  json_object_set_boolean_member (object, "active", person->active);
  return node_for_object (object);
}

JsonNode *
chamber_document_to_json (const ChamberDocument *document)
{
  JsonObject *object;
  JsonArray *access;

  g_return_val_if_fail (document != NULL, NULL);

  object = json_object_new ();
  json_object_set_int_member (object, "id", document->id);
  json_object_set_int_member (object, "session_id", document->session_id);
  json_object_set_int_member (object, "item_id", document->item_id);
  json_object_set_string_member (object, "title", document->title ? document->title : "");
  json_object_set_string_member (object, "kind",
                                 chamber_document_kind_to_string (document->kind));
  json_object_set_string_member (object, "sha256", document->sha256);
  json_object_set_int_member (object, "bytes", document->bytes);
  json_object_set_int_member (object, "pages", document->pages);
  json_object_set_int_member (object, "version", document->version);

  access = json_array_new ();
  if (document->access == NULL)
    json_array_add_string_element (access, "all");
  else
    for (guint i = 0; document->access[i] != NULL; i++)
      json_array_add_string_element (access, document->access[i]);
  json_object_set_array_member (object, "access", access);

  chamber_json_object_set_optional_string (object, "published_at", document->published_at);
  /* Only the secretariat's listings carry drafts; a manifest never does. */
  if (document->draft)
    json_object_set_boolean_member (object, "draft", TRUE);

  /* The earlier version this one replaces (docs/protocol.md), so notes can follow. */
  if (document->replaces_id > 0 && document->replaces_sha256[0] != '\0')
    {
      JsonObject *replaces = json_object_new ();

      json_object_set_int_member (replaces, "document_id", document->replaces_id);
      json_object_set_int_member (replaces, "version", document->replaces_version);
      json_object_set_string_member (replaces, "sha256", document->replaces_sha256);
      json_object_set_object_member (object, "replaces", replaces);
    }
  return node_for_object (object);
}

/* The optional "replaces" member of a document: {"document_id", "version", "sha256"} of an
 * earlier version, lower than the document's own. */
static gboolean
get_replaces (JsonObject *object, ChamberDocument *document, GError **error)
{
  JsonNode *node = json_object_get_member (object, "replaces");
  JsonObject *replaces;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                   _("The member “%s” must be an object."), "replaces");
      return FALSE;
    }
  replaces = json_node_get_object (node);
  if (!get_id (replaces, "document_id", &document->replaces_id, error)
      || !get_int32 (replaces, "version", TRUE, 1, 1000000, &document->replaces_version, error)
      || !get_sha256 (replaces, "sha256", document->replaces_sha256, error))
    {
      g_prefix_error (error, _("In “%s”: "), "replaces");
      return FALSE;
    }
  if (document->replaces_version >= document->version
      || document->replaces_id == document->id)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("Version %d of a document cannot replace version %d or itself."),
                   document->version, document->replaces_version);
      return FALSE;
    }
  return TRUE;
}

/* ---- Decoders ---------------------------------------------------------------------------- */

ChamberSession *
chamber_session_from_json (JsonObject *object, GError **error)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();
  gint64 revision = 0;
  int kind = CHAMBER_SESSION_REGULAR;
  int state = CHAMBER_SESSION_STATE_PREPARING;

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_id (object, "id", &session->id, error)
      || !get_int32 (object, "number", TRUE, 1, 1000, &session->number, error)
      || !get_enum (object, "kind", TRUE, session_kind_from_string,
                    "regular, thematic, extraordinary", &kind, error)
      || !get_text (object, "title", &session->title, error)
      || !get_optional_text (object, "place", &session->place, error)
      || !get_date (object, "starts_on", &session->starts_on, error)
      || !get_date (object, "ends_on", &session->ends_on, error)
      || !get_enum (object, "state", TRUE, session_state_from_string,
                    "preparing, open, closed", &state, error)
      || !chamber_json_get_int (object, "revision", TRUE, 0, G_MAXINT64, &revision, error))
    return NULL;

  if (session->starts_on != NULL && session->ends_on != NULL
      && strcmp (session->ends_on, session->starts_on) < 0)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The member “%s” (%s) is earlier than “%s” (%s): a session cannot end "
                     "before it starts."),
                   "ends_on", session->ends_on, "starts_on", session->starts_on);
      return NULL;
    }

  session->kind = kind;
  session->state = state;
  session->revision = revision;
  return g_steal_pointer (&session);
}

ChamberItem *
chamber_item_from_json (JsonObject *object, GError **error)
{
  g_autoptr (ChamberItem) item = chamber_item_new ();
  JsonNode *parent;
  int state = CHAMBER_ITEM_STATE_NOT_STARTED;

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_id (object, "id", &item->id, error)
      || !get_id (object, "session_id", &item->session_id, error))
    return NULL;

  /* Required, but null at the top of the tree. */
  parent = json_object_get_member (object, "parent_id");
  if (parent == NULL)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MISSING,
                   _("The member “%s” is required but missing (it is null for a top-level "
                     "item)."),
                   "parent_id");
      return NULL;
    }
  item->parent_id = 0;
  if (!JSON_NODE_HOLDS_NULL (parent)
      && !chamber_json_get_int (object, "parent_id", TRUE, 1, G_MAXINT64, &item->parent_id,
                                error))
    return NULL;
  if (item->parent_id == item->id)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The member “%s” names the item itself as its parent."), "parent_id");
      return NULL;
    }

  if (!get_int32 (object, "position", TRUE, 0, 1000000, &item->position, error)
      || !get_text (object, "title", &item->title, error)
      || !get_int32 (object, "planned_minutes", TRUE, 0, 10000, &item->planned_minutes, error)
      || !get_enum (object, "state", TRUE, item_state_from_string, "not-started, open, closed",
                    &state, error)
      || !get_bool (object, "questioning", FALSE, &item->questioning, error))
    return NULL;

  item->state = state;
  return g_steal_pointer (&item);
}

ChamberPerson *
chamber_person_from_json (JsonObject *object, GError **error)
{
  g_autoptr (ChamberPerson) person = chamber_person_new ();
  int role = CHAMBER_ROLE_DELEGATE;
  gboolean active = TRUE;

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_id (object, "id", &person->id, error)
      || !get_text (object, "name", &person->name, error)
      || !get_enum (object, "role", TRUE, role_from_string,
                    "delegate, chair, secretariat, admin, official", &role, error)
      || !get_optional_text (object, "group", &person->group_name, error)
      || !get_optional_text (object, "committee", &person->committee, error)
      || !get_optional_text (object, "title", &person->title, error)
      || !get_optional_text (object, "agency", &person->agency, error)
      || !get_bool (object, "active", TRUE, &active, error))
    return NULL;

  person->role = role;
  person->active = active;
  return g_steal_pointer (&person);
}

ChamberDocument *
chamber_document_from_json (JsonObject *object, GError **error)
{
  g_autoptr (ChamberDocument) document = chamber_document_new ();
  int kind = CHAMBER_DOCUMENT_OTHER;

  g_return_val_if_fail (object != NULL, NULL);

  if (!get_id (object, "id", &document->id, error)
      || !get_id (object, "session_id", &document->session_id, error)
      || !get_id (object, "item_id", &document->item_id, error)
      || !get_text (object, "title", &document->title, error)
      || !get_enum (object, "kind", TRUE, document_kind_from_string,
                    "submission, report, draft-resolution, other", &kind, error)
      || !get_sha256 (object, "sha256", document->sha256, error)
      || !chamber_json_get_int (object, "bytes", TRUE, 0, G_MAXINT64, &document->bytes, error)
      || !get_int32 (object, "pages", TRUE, 0, 1000000, &document->pages, error)
      || !get_int32 (object, "version", TRUE, 1, 1000000, &document->version, error))
    return NULL;

  g_clear_pointer (&document->access, g_strfreev);
  if (!get_access (object, "access", &document->access, error)
      || !get_timestamp (object, "published_at", &document->published_at, error)
      || !get_bool (object, "draft", FALSE, &document->draft, error)
      || !get_replaces (object, document, error))
    return NULL;

  document->kind = kind;
  return g_steal_pointer (&document);
}

/* ---- Error bodies and serialisation ------------------------------------------------------ */

char *
chamber_protocol_error_body (const char *code, const char *message)
{
  g_autoptr (JsonNode) root = NULL;
  JsonObject *outer;
  JsonObject *inner;

  g_return_val_if_fail (code != NULL, NULL);

  inner = json_object_new ();
  json_object_set_string_member (inner, "code", code);
  json_object_set_string_member (inner, "message", message ? message : "");
  outer = json_object_new ();
  json_object_set_object_member (outer, "error", inner);
  root = node_for_object (outer);
  return chamber_json_to_string (root, NULL);
}

gboolean
chamber_protocol_parse_error_body (const char *data, gsize len, char **out_code,
                                   char **out_message)
{
  g_autoptr (JsonObject) root = NULL;
  g_autofree char *code = NULL;
  g_autofree char *message = NULL;
  JsonNode *error_node;
  JsonObject *error_object;

  if (out_code != NULL)
    *out_code = NULL;
  if (out_message != NULL)
    *out_message = NULL;
  if (data == NULL)
    return FALSE;

  root = chamber_protocol_parse_object (data, len, CHAMBER_PROTOCOL_MAX_BODY, NULL);
  if (root == NULL)
    return FALSE;

  error_node = json_object_get_member (root, "error");
  if (error_node == NULL || !JSON_NODE_HOLDS_OBJECT (error_node))
    return FALSE;
  error_object = json_node_get_object (error_node);

  if (!chamber_json_get_string (error_object, "code", TRUE, CHAMBER_PROTOCOL_MAX_STRING, &code,
                                NULL)
      || !chamber_json_get_string (error_object, "message", TRUE, CHAMBER_PROTOCOL_MAX_STRING,
                                   &message, NULL))
    return FALSE;

  if (out_code != NULL)
    *out_code = g_steal_pointer (&code);
  if (out_message != NULL)
    *out_message = g_steal_pointer (&message);
  return TRUE;
}

char *
chamber_json_to_string (JsonNode *node, gsize *out_len)
{
  g_autoptr (JsonGenerator) generator = NULL;

  g_return_val_if_fail (node != NULL, NULL);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, FALSE);
  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, out_len);
}

JsonNode *
chamber_json_node_take_object (JsonObject *object)
{
  JsonNode *node = json_node_alloc ();

  json_node_init_object (node, object);
  json_object_unref (object);
  return node;
}

JsonNode *
chamber_json_node_take_array (JsonArray *array)
{
  JsonNode *node = json_node_alloc ();

  json_node_init_array (node, array);
  json_array_unref (array);
  return node;
}

void
chamber_json_object_set_optional_string (JsonObject *object, const char *member,
                                         const char *value)
{
  if (value != NULL)
    json_object_set_string_member (object, member, value);
  else
    json_object_set_null_member (object, member);
}

static JsonNode *
peek_value (JsonObject *object, const char *member, GType type)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type
           ? node : NULL;
}

const char *
chamber_json_peek_string (JsonObject *object, const char *member)
{
  JsonNode *node = peek_value (object, member, G_TYPE_STRING);

  return node != NULL ? json_node_get_string (node) : NULL;
}

gint64
chamber_json_peek_int (JsonObject *object, const char *member, gint64 fallback)
{
  JsonNode *node = peek_value (object, member, G_TYPE_INT64);

  return node != NULL ? json_node_get_int (node) : fallback;
}

gboolean
chamber_json_peek_bool (JsonObject *object, const char *member, gboolean fallback)
{
  JsonNode *node = peek_value (object, member, G_TYPE_BOOLEAN);

  return node != NULL ? json_node_get_boolean (node) : fallback;
}

JsonObject *
chamber_json_peek_object (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
chamber_json_peek_array (JsonObject *object, const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}
