/* fuzz-live.c — libFuzzer target: the live channel's command and event decoding
 * (src/core/chamber-live-state.c), as chamberd runs it on every command and every client runs it
 * on every event from the WebSocket. The input is JSON lines. Each line is tried twice:
 * - as a command of the sender named by its "as" member (a role; "person" for the id), decided
 *   and applied on a state that holds a small council, at a clock that moves on 7 s a line;
 * - as an event applied directly to a second state, the way a client applies what it receives.
 * Whatever happens, the events the first state accepted must rebuild the same state when
 * replayed on a fresh one (the property chamberd's restart and every client rely on). */
#include <stdint.h>
#include <string.h>

#include "chamber-live-state.h"
#include "chamber-protocol.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define SESSION_ID 1
#define MAX_LINES  64

static void
add_context (ChamberLiveState *state)
{
  static const struct {
    gint64      id;
    const char *name;
    ChamberRole role;
  } people[] = {
    { 1, "Chủ tọa", CHAMBER_ROLE_CHAIR },
    { 2, "Đại biểu A", CHAMBER_ROLE_DELEGATE },
    { 3, "Đại biểu B", CHAMBER_ROLE_DELEGATE },
    { 4, "Giám đốc Sở", CHAMBER_ROLE_OFFICIAL },
    { 5, "Văn phòng", CHAMBER_ROLE_SECRETARIAT },
    { 6, "Quản trị", CHAMBER_ROLE_ADMIN },
  };

  chamber_live_state_add_item (state, 10, "Chất vấn");
  chamber_live_state_add_item (state, 11, "Thảo luận");
  for (gsize i = 0; i < G_N_ELEMENTS (people); i++)
    {
      ChamberPerson person = { 0, };

      person.id = people[i].id;
      person.name = (char *) people[i].name;
      person.role = people[i].role;
      person.active = TRUE;
      chamber_live_state_add_person (state, &person);
    }
}

static char *
state_json (ChamberLiveState *state,
            gint64            now_ms)
{
  g_autoptr (JsonNode) node = chamber_live_state_to_json (state, now_ms);

  return chamber_json_to_string (node, NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (ChamberLiveState) state = chamber_live_state_new (SESSION_ID);
  g_autoptr (ChamberLiveState) client = chamber_live_state_new (SESSION_ID);
  g_autoptr (ChamberLiveState) replayed = chamber_live_state_new (SESSION_ID);
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto (GStrv) lines = NULL;
  gint64 now_ms = 1700000000000;
  g_autofree char *original = NULL;
  g_autofree char *rebuilt = NULL;

  add_context (state);
  add_context (client);
  add_context (replayed);

  lines = g_strsplit (text, "\n", MAX_LINES + 1);
  for (guint i = 0; lines[i] != NULL && i < MAX_LINES; i++)
    {
      g_autoptr (JsonObject) object = NULL;
      g_autoptr (JsonObject) event = NULL;
      g_autoptr (GError) error = NULL;
      ChamberRole role = CHAMBER_ROLE_CHAIR;
      gint64 person_id = 1;
      const char *as;

      now_ms += 7000;
      object = chamber_protocol_parse_object (lines[i], strlen (lines[i]),
                                              CHAMBER_PROTOCOL_MAX_BODY, &error);
      if (object == NULL)
        continue;

      as = json_object_has_member (object, "as")
             && JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "as"))
             && json_node_get_value_type (json_object_get_member (object, "as")) == G_TYPE_STRING
             ? json_object_get_string_member (object, "as")
             : NULL;
      if (as != NULL && !chamber_role_from_string (as, &role))
        role = CHAMBER_ROLE_DELEGATE;
      if (json_object_has_member (object, "person")
          && JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "person"))
          && json_node_get_value_type (json_object_get_member (object, "person")) == G_TYPE_INT64)
        person_id = json_object_get_int_member (object, "person");

      event = chamber_live_state_execute (state, object, person_id, role, now_ms, &error);
      if (event != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpint (chamber_live_state_get_seq (state), ==, events->len + 1);
          g_ptr_array_add (events, json_object_ref (event));
        }
      else
        g_assert_nonnull (error);

      /* The same line as an event off the wire: applied whole or refused, state unchanged. */
      {
        g_autoptr (GError) apply_error = NULL;
        gint64 seq = chamber_live_state_get_seq (client);

        if (!chamber_live_state_apply (client, object, &apply_error))
          {
            g_assert_nonnull (apply_error);
            g_assert_cmpint (chamber_live_state_get_seq (client), ==, seq);
          }
        else
          g_assert_cmpint (chamber_live_state_get_seq (client), ==, seq + 1);
      }
    }

  for (guint i = 0; i < events->len; i++)
    {
      g_autoptr (GError) error = NULL;

      chamber_live_state_apply (replayed, g_ptr_array_index (events, i), &error);
      g_assert_no_error (error);
    }
  original = state_json (state, now_ms);
  rebuilt = state_json (replayed, now_ms);
  g_assert_cmpstr (original, ==, rebuilt);
  return 0;
}
