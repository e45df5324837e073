/* chamber-live-state.c — the live session's state machine (see chamber-live-state.h): the
 * checks that turn a command into an event (decide), the reducer that applies an event (apply),
 * and the JSON picture of the state (to_json). Every id and queue position a command assigns is
 * chosen in decide and written into the event, so apply only follows what an event says and a
 * replay of the same events ends in the same state. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "chamber-live-state.h"
#include "chamber-protocol.h"

G_DEFINE_QUARK (chamber-live-error-quark, chamber_live_error)

struct _ChamberLiveState
{
  gint64              session_id;
  gint64              seq;
  gint64              last_at;
  ChamberLiveSettings settings;
  GPtrArray          *items;     /* ChamberLiveItem */
  GHashTable         *item_map;  /* &id → item */
  GPtrArray          *requests;
  GHashTable         *request_map;
  GPtrArray          *turns;
  GHashTable         *turn_map;
  GHashTable         *people;    /* &id → ChamberPerson */
  gint64              current_item_id;
  gint64              current_turn_id;
  gint64              next_request_id;
  gint64              next_turn_id;
  gint64              next_commitment_id;
  gint64              next_group_id;
};

static const char *const kind_names[CHAMBER_LIVE_N_KINDS] = {
  "question", "answer", "explanation", "debate", "discussion", "point-of-order", "conclusion",
};

static const int default_limits[CHAMBER_LIVE_N_KINDS] = {
  180, 300, 300, 120, 300, 60, 600,
};

const char *
chamber_live_kind_to_string (ChamberLiveKind kind)
{
  g_return_val_if_fail (kind < CHAMBER_LIVE_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
chamber_live_kind_from_string (const char      *str,
                               ChamberLiveKind *out)
{
  for (int i = 0; str != NULL && i < CHAMBER_LIVE_N_KINDS; i++)
    if (g_str_equal (str, kind_names[i]))
      {
        *out = (ChamberLiveKind) i;
        return TRUE;
      }
  return FALSE;
}

const char *
chamber_live_kind_get_label (ChamberLiveKind kind)
{
  switch (kind)
    {
    case CHAMBER_LIVE_QUESTION:
      return _("Question");
    case CHAMBER_LIVE_ANSWER:
      return _("Answer");
    case CHAMBER_LIVE_EXPLANATION:
      return _("Explanation");
    case CHAMBER_LIVE_DEBATE:
      return _("Debate");
    case CHAMBER_LIVE_DISCUSSION:
      return _("Discussion");
    case CHAMBER_LIVE_POINT_OF_ORDER:
      return _("Point of order");
    case CHAMBER_LIVE_CONCLUSION:
      return _("Conclusion");
    case CHAMBER_LIVE_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
chamber_live_request_state_to_string (ChamberLiveRequestState state)
{
  switch (state)
    {
    case CHAMBER_LIVE_REQUEST_WAITING:
      return "waiting";
    case CHAMBER_LIVE_REQUEST_GRANTED:
      return "granted";
    case CHAMBER_LIVE_REQUEST_WITHDRAWN:
      return "withdrawn";
    case CHAMBER_LIVE_REQUEST_REMOVED:
      return "removed";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- Records ------------------------------------------------------------------------------ */

static void
item_free (ChamberLiveItem *item)
{
  g_free (item->title);
  g_array_unref (item->queue);
  g_ptr_array_unref (item->groups);
  g_free (item);
}

static void
group_free (ChamberLiveGroup *group)
{
  g_free (group->name);
  g_array_unref (group->respondents);
  g_free (group);
}

static void
request_free (ChamberLiveRequest *request)
{
  g_free (request->topic);
  g_free (request->anchor.quote);
  g_free (request);
}

static void
commitment_free (ChamberLiveCommitment *commitment)
{
  g_free (commitment->what);
  g_free (commitment->due);
  g_free (commitment);
}

static void
turn_free (ChamberLiveTurn *turn)
{
  g_array_unref (turn->responds_to);
  g_array_unref (turn->pauses);
  g_ptr_array_unref (turn->commitments);
  g_free (turn->topic);
  g_free (turn->anchor.quote);
  g_free (turn->summary);
  g_free (turn);
}

ChamberLiveState *
chamber_live_state_new (gint64 session_id)
{
  ChamberLiveState *self = g_new0 (ChamberLiveState, 1);

  self->session_id = session_id;
  memcpy (self->settings.limit_s, default_limits, sizeof default_limits);
  self->settings.speak_once = TRUE;
  self->settings.debate_priority = TRUE;
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->item_map = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->requests = g_ptr_array_new_with_free_func ((GDestroyNotify) request_free);
  self->request_map = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->turns = g_ptr_array_new_with_free_func ((GDestroyNotify) turn_free);
  self->turn_map = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                        (GDestroyNotify) chamber_person_free);
  self->next_request_id = self->next_turn_id = 1;
  self->next_commitment_id = self->next_group_id = 1;
  return self;
}

void
chamber_live_state_free (ChamberLiveState *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->item_map);
  g_ptr_array_unref (self->items);
  g_hash_table_unref (self->request_map);
  g_ptr_array_unref (self->requests);
  g_hash_table_unref (self->turn_map);
  g_ptr_array_unref (self->turns);
  g_hash_table_unref (self->people);
  g_free (self);
}

static ChamberLiveItem *
ensure_item (ChamberLiveState *self,
             gint64            item_id)
{
  ChamberLiveItem *item = g_hash_table_lookup (self->item_map, &item_id);

  if (item != NULL)
    return item;
  item = g_new0 (ChamberLiveItem, 1);
  item->id = item_id;
  item->state = CHAMBER_ITEM_STATE_NOT_STARTED;
  item->queue = g_array_new (FALSE, FALSE, sizeof (gint64));
  item->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_ptr_array_add (self->items, item);
  g_hash_table_insert (self->item_map, &item->id, item);
  return item;
}

void
chamber_live_state_add_item (ChamberLiveState *self,
                             gint64            item_id,
                             const char       *title)
{
  ChamberLiveItem *item;

  g_return_if_fail (self != NULL);
  g_return_if_fail (item_id > 0);

  item = ensure_item (self, item_id);
  g_free (item->title);
  item->title = g_strdup (title);
}

void
chamber_live_state_add_person (ChamberLiveState    *self,
                               const ChamberPerson *person)
{
  ChamberPerson *copy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (person != NULL && person->id > 0);

  copy = chamber_person_copy (person);
  g_hash_table_replace (self->people, &copy->id, copy);
}

const ChamberPerson *
chamber_live_state_lookup_person (ChamberLiveState *self,
                                  gint64            person_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->people, &person_id);
}

gboolean
chamber_live_state_has_people (ChamberLiveState *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_size (self->people) > 0;
}

static ChamberLiveItem *
find_item (ChamberLiveState *self, gint64 id)
{
  return g_hash_table_lookup (self->item_map, &id);
}

static ChamberLiveRequest *
find_request (ChamberLiveState *self, gint64 id)
{
  return g_hash_table_lookup (self->request_map, &id);
}

static ChamberLiveTurn *
find_turn (ChamberLiveState *self, gint64 id)
{
  return g_hash_table_lookup (self->turn_map, &id);
}

static ChamberLiveGroup *
find_group (ChamberLiveItem *item, gint64 id, int *out_rank)
{
  for (guint i = 0; i < item->groups->len; i++)
    {
      ChamberLiveGroup *group = g_ptr_array_index (item->groups, i);

      if (group->id == id)
        {
          if (out_rank != NULL)
            *out_rank = (int) i;
          return group;
        }
    }
  return NULL;
}

static ChamberLiveCommitment *
find_commitment (ChamberLiveState *self, gint64 id, ChamberLiveTurn **out_turn)
{
  for (guint t = 0; t < self->turns->len; t++)
    {
      ChamberLiveTurn *turn = g_ptr_array_index (self->turns, t);

      for (guint c = 0; c < turn->commitments->len; c++)
        {
          ChamberLiveCommitment *commitment = g_ptr_array_index (turn->commitments, c);

          if (commitment->id == id)
            {
              if (out_turn != NULL)
                *out_turn = turn;
              return commitment;
            }
        }
    }
  return NULL;
}

static int
queue_index (ChamberLiveItem *item, gint64 request_id)
{
  for (guint i = 0; i < item->queue->len; i++)
    if (g_array_index (item->queue, gint64, i) == request_id)
      return (int) i;
  return -1;
}

static const char *
person_name (ChamberLiveState *self, gint64 id, char **out_owned)
{
  const ChamberPerson *person = g_hash_table_lookup (self->people, &id);

  if (person != NULL && person->name != NULL)
    return person->name;
  *out_owned = g_strdup_printf (_("person %lld"), (long long) id);
  return *out_owned;
}

/* ---- Reading members ---------------------------------------------------------------------- */

/* Moves a protocol error into the live domain as INVALID, keeping its message. */
static gboolean
invalid_from (GError *local, GError **error)
{
  g_set_error_literal (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID, local->message);
  g_error_free (local);
  return FALSE;
}

static gboolean
get_id (JsonObject *object, const char *member, gboolean required, gint64 *out, GError **error)
{
  GError *local = NULL;

  *out = 0;
  if (!chamber_json_get_int (object, member, required, 1, G_MAXINT64, out, &local))
    return invalid_from (local, error);
  return TRUE;
}

static gboolean
get_text (JsonObject *object, const char *member, gboolean required, char **out,
          GError **error)
{
  GError *local = NULL;

  if (!chamber_json_get_string (object, member, required, CHAMBER_LIVE_MAX_TEXT, out, &local))
    return invalid_from (local, error);
  return TRUE;
}

static gboolean
get_bool (JsonObject *object, const char *member, gboolean *out, gboolean *out_present,
          GError **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out_present = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      g_set_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID,
                   _("The member “%s” must be true or false."), member);
      return FALSE;
    }
  *out = json_node_get_boolean (node);
  *out_present = TRUE;
  return TRUE;
}

/* A list of 1 … CHAMBER_LIVE_MAX_LIST positive ids. NULL without an error when absent and
 * not @required. */
static GArray *
get_id_list (JsonObject *object, const char *member, gboolean required, gboolean *failed,
             GError **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;
  GArray *ids;

  *failed = FALSE;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        {
          *failed = TRUE;
          g_set_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID,
                       _("The member “%s” is missing."), member);
        }
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (array = json_node_get_array (node)) == 0
      || json_array_get_length (array) > CHAMBER_LIVE_MAX_LIST)
    {
      *failed = TRUE;
      g_set_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID,
                   _("The member “%s” must be a list of 1 to %d ids."), member,
                   CHAMBER_LIVE_MAX_LIST);
      return NULL;
    }
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (element)
          || json_node_get_value_type (element) != G_TYPE_INT64
          || (id = json_node_get_int (element)) < 1)
        {
          *failed = TRUE;
          g_set_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID,
                       _("The member “%s” must be a list of 1 to %d ids."), member,
                       CHAMBER_LIVE_MAX_LIST);
          g_array_unref (ids);
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  return ids;
}

/* Readers for events, which come from the server or the store: absent or wrong is 0 / NULL. */
static gint64
ev_int (JsonObject *event, const char *member)
{
  JsonNode *node = json_object_get_member (event, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_INT64)
    return 0;
  return json_node_get_int (node);
}

static const char *
ev_str (JsonObject *event, const char *member)
{
  JsonNode *node = json_object_get_member (event, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
ev_bool (JsonObject *event, const char *member)
{
  JsonNode *node = json_object_get_member (event, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  return json_node_get_boolean (node);
}

static GArray *
ev_ids (JsonObject *event, const char *member)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonNode *node = json_object_get_member (event, member);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (element)
              && json_node_get_value_type (element) == G_TYPE_INT64)
            {
              gint64 id = json_node_get_int (element);
              g_array_append_val (ids, id);
            }
        }
    }
  return ids;
}

static JsonNode *
ids_to_node (GArray *ids)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    json_array_add_int_element (array, g_array_index (ids, gint64, i));
  return chamber_json_node_take_array (array);
}

/* ---- Errors ------------------------------------------------------------------------------- */

static JsonObject *
refuse (GError **error, ChamberLiveError code, const char *format, ...) G_GNUC_PRINTF (3, 4);

static JsonObject *
refuse (GError **error, ChamberLiveError code, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  if (error != NULL)
    *error = g_error_new_valist (CHAMBER_LIVE_ERROR, code, format, args);
  va_end (args);
  return NULL;
}

/* ---- Deciding ----------------------------------------------------------------------------- */

typedef enum {
  MAY_CHAIR = 1 << 0,        /* chair, admin */
  MAY_SECRETARIAT = 1 << 1,  /* secretariat, admin */
  MAY_DELEGATE = 1 << 2,     /* delegate, admin */
} Permission;

typedef struct
{
  ChamberLiveState *self;
  JsonObject       *command;
  JsonObject       *event;
  gint64            person_id;
  ChamberRole       role;
  gint64            at;
} Decision;

typedef gboolean (*DecideFunc) (Decision *d, GError **error);

static gboolean
need_item (Decision *d, const char *member, gboolean default_current, ChamberLiveItem **out,
           GError **error)
{
  gint64 item_id = 0;

  if (!get_id (d->command, member, !default_current, &item_id, error))
    return FALSE;
  if (item_id == 0)
    {
      if (d->self->current_item_id == 0)
        {
          refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
                  _("No agenda item is open: open one first, or name the item."));
          return FALSE;
        }
      item_id = d->self->current_item_id;
    }
  *out = find_item (d->self, item_id);
  if (*out == NULL)
    {
      refuse (error, CHAMBER_LIVE_ERROR_NOT_FOUND,
              _("Item %lld is not on the agenda of this session."), (long long) item_id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
need_person (Decision *d, gint64 person_id, gboolean official, GError **error)
{
  const ChamberPerson *person;

  if (!chamber_live_state_has_people (d->self))
    return TRUE;
  person = chamber_live_state_lookup_person (d->self, person_id);
  if (person == NULL || !person->active)
    {
      refuse (error, CHAMBER_LIVE_ERROR_NOT_FOUND,
              _("Person %lld is not among the people of this council."), (long long) person_id);
      return FALSE;
    }
  if (official && person->role != CHAMBER_ROLE_OFFICIAL)
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID,
              _("%s is not an official: questions are addressed to officials."), person->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
need_request (Decision *d, gboolean waiting, ChamberLiveRequest **out, GError **error)
{
  gint64 id = 0;

  if (!get_id (d->command, "request", TRUE, &id, error))
    return FALSE;
  *out = find_request (d->self, id);
  if (*out == NULL)
    {
      refuse (error, CHAMBER_LIVE_ERROR_NOT_FOUND,
              _("There is no request %lld in this session."), (long long) id);
      return FALSE;
    }
  if (waiting && (*out)->state != CHAMBER_LIVE_REQUEST_WAITING)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
              _("Request %lld is not waiting any more (it is %s)."), (long long) id,
              chamber_live_request_state_to_string ((*out)->state));
      return FALSE;
    }
  json_object_set_int_member (d->event, "request", id);
  return TRUE;
}

static gboolean
need_no_turn (Decision *d, GError **error)
{
  ChamberLiveTurn *turn = find_turn (d->self, d->self->current_turn_id);
  g_autofree char *owned = NULL;

  if (turn == NULL)
    return TRUE;
  refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
          _("A turn is in progress (turn %lld, %s): end it first."), (long long) turn->id,
          person_name (d->self, turn->speaker_id, &owned));
  return FALSE;
}

static gboolean
need_turn_running (Decision *d, ChamberLiveTurn **out, GError **error)
{
  *out = find_turn (d->self, d->self->current_turn_id);
  if (*out == NULL)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT, _("No turn is in progress."));
      return FALSE;
    }
  json_object_set_int_member (d->event, "turn", (*out)->id);
  return TRUE;
}

static gboolean
need_open_current (Decision *d, ChamberLiveItem **out, GError **error)
{
  *out = find_item (d->self, d->self->current_item_id);
  if (*out == NULL)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
              _("No agenda item is open: the chair opens one first."));
      return FALSE;
    }
  return TRUE;
}

/* Where a request goes in the queue: points of order first, then priority debates, then the
 * rest by issue group (in the order the groups were named; ungrouped last). */
static void
queue_key (ChamberLiveItem *item, ChamberLiveKind kind, gboolean priority, gint64 group_id,
           int *out_class, int *out_rank)
{
  int rank = G_MAXINT;

  if (kind == CHAMBER_LIVE_POINT_OF_ORDER)
    *out_class = 0, *out_rank = 0;
  else if (priority)
    *out_class = 1, *out_rank = 0;
  else
    {
      if (group_id == 0 || find_group (item, group_id, &rank) == NULL)
        rank = G_MAXINT;
      *out_class = 2, *out_rank = rank;
    }
}

static gboolean
key_le (int class_a, int rank_a, int class_b, int rank_b)
{
  return class_a < class_b || (class_a == class_b && rank_a <= rank_b);
}

/* After the last waiting request whose key is not after the new one's. */
static int
insert_position (ChamberLiveState *self, ChamberLiveItem *item, ChamberLiveKind kind,
                 gboolean priority, gint64 group_id)
{
  int new_class, new_rank, position = 0;

  queue_key (item, kind, priority, group_id, &new_class, &new_rank);
  for (guint i = 0; i < item->queue->len; i++)
    {
      ChamberLiveRequest *other = find_request (self, g_array_index (item->queue, gint64, i));
      int other_class, other_rank;

      queue_key (item, other->kind, other->priority, other->group_id, &other_class,
                 &other_rank);
      if (key_le (other_class, other_rank, new_class, new_rank))
        position = (int) i + 1;
    }
  return position;
}

/* Whether @c is a character a quoted passage may not hold: a control character (whitespace
 * apart, which is folded) or one that reorders the text around it when shown (the bidirectional
 * embeddings, overrides and isolates), which would make a screen show something else than what
 * was sent. */
static gboolean
is_hostile_char (gunichar c)
{
  if (c == '\t' || c == '\n' || c == '\r')
    return FALSE;
  return g_unichar_type (c) == G_UNICODE_CONTROL || (c >= 0x202A && c <= 0x202E)
         || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C;
}

/* The passage @quote as the event carries it: each run of white space (a PDF's text breaks its
 * lines) one space, none at either end. NULL with INVALID when it is empty, holds a hostile
 * character or is longer than CHAMBER_LIVE_MAX_QUOTE bytes once folded. */
static char *
clean_quote (const char *quote, GError **error)
{
  g_autoptr (GString) clean = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = quote; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_hostile_char (c))
        {
          g_set_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID,
                       _("The quoted passage holds a control character (U+%04X). Select the "
                         "passage again in the document."), (guint) c);
          return NULL;
        }
      if (g_unichar_isspace (c))
        {
          space = clean->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (clean, ' ');
      space = FALSE;
      g_string_append_unichar (clean, c);
    }
  if (clean->len == 0)
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID,
              _("The quoted passage is empty. Select some text, or anchor to the page only."));
      return NULL;
    }
  if (clean->len > CHAMBER_LIVE_MAX_QUOTE)
    {
      g_set_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID,
                   _("The quoted passage is too long (%lu bytes; at most %d). Select a shorter "
                     "passage."), (unsigned long) clean->len, CHAMBER_LIVE_MAX_QUOTE);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&clean), FALSE);
}

static gboolean
set_anchor (Decision *d, GError **error)
{
  JsonNode *node = json_object_get_member (d->command, "anchor");
  JsonObject *anchor, *copy;
  gint64 document = 0, page = 0;
  g_autofree char *quote = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID,
              _("The member “anchor” must be an object with “document”, “page” and, "
                "optionally, “quote”."));
      return FALSE;
    }
  anchor = json_node_get_object (node);
  if (!get_id (anchor, "document", TRUE, &document, error)
      || !get_id (anchor, "page", TRUE, &page, error)
      || !get_text (anchor, "quote", FALSE, &quote, error))
    return FALSE;
  if (page > G_MAXINT)
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID, _("The anchor's page is out of range."));
      return FALSE;
    }
  if (quote != NULL)
    {
      g_autofree char *clean = clean_quote (quote, error);

      if (clean == NULL)
        return FALSE;
      g_free (quote);
      quote = g_steal_pointer (&clean);
    }
  copy = json_object_new ();
  json_object_set_int_member (copy, "document", document);
  json_object_set_int_member (copy, "page", page);
  chamber_json_object_set_optional_string (copy, "quote", quote);
  json_object_set_object_member (d->event, "anchor", copy);
  return TRUE;
}

/* request (by the delegate) and add (by the chair, for @person_id). */
static gboolean
decide_new_request (Decision *d, gint64 person_id, gboolean by_chair, GError **error)
{
  ChamberLiveState *self = d->self;
  ChamberLiveItem *item = NULL;
  ChamberLiveKind kind;
  g_autofree char *kind_text = NULL;
  g_autofree char *topic = NULL;
  gint64 to = 0, group_id = 0, debates = 0;
  gboolean priority = FALSE;

  if (!need_item (d, "item", by_chair, &item, error)
      || !get_text (d->command, "kind", TRUE, &kind_text, error)
      || !get_id (d->command, "to", FALSE, &to, error)
      || !get_text (d->command, "topic", FALSE, &topic, error)
      || !get_id (d->command, "group", FALSE, &group_id, error)
      || !get_id (d->command, "debates", FALSE, &debates, error))
    return FALSE;
  if (!chamber_live_kind_from_string (kind_text, &kind)
      || (kind != CHAMBER_LIVE_QUESTION && kind != CHAMBER_LIVE_DEBATE
          && kind != CHAMBER_LIVE_DISCUSSION && kind != CHAMBER_LIVE_POINT_OF_ORDER))
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID,
              _("“%s” is not a kind of request: use question, debate, discussion or "
                "point-of-order."),
              kind_text);
      return FALSE;
    }
  if (item->state == CHAMBER_ITEM_STATE_CLOSED)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
              _("Item %lld is closed: no one registers to speak on it any more."),
              (long long) item->id);
      return FALSE;
    }
  if (kind == CHAMBER_LIVE_QUESTION && to == 0)
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID,
              _("A question needs “to”: the official it is addressed to."));
      return FALSE;
    }
  if (!need_person (d, person_id, FALSE, error)
      || (to != 0 && !need_person (d, to, TRUE, error)))
    return FALSE;
  if (group_id != 0 && find_group (item, group_id, NULL) == NULL)
    {
      refuse (error, CHAMBER_LIVE_ERROR_NOT_FOUND,
              _("Item %lld has no issue group %lld."), (long long) item->id,
              (long long) group_id);
      return FALSE;
    }
  if (debates != 0 && kind != CHAMBER_LIVE_DEBATE)
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID,
              _("Only a debate names the turn it debates (“debates”)."));
      return FALSE;
    }
  if (kind == CHAMBER_LIVE_DEBATE)
    {
      if (debates != 0)
        {
          ChamberLiveTurn *turn = find_turn (self, debates);

          if (turn == NULL || turn->item_id != item->id)
            {
              refuse (error, CHAMBER_LIVE_ERROR_NOT_FOUND,
                      _("Item %lld has no turn %lld to debate."), (long long) item->id,
                      (long long) debates);
              return FALSE;
            }
        }
      else
        {
          /* Without a turn named, a debate is about the item's latest answer. */
          for (guint i = self->turns->len; i > 0 && debates == 0; i--)
            {
              ChamberLiveTurn *turn = g_ptr_array_index (self->turns, i - 1);

              if (turn->item_id == item->id && turn->kind == CHAMBER_LIVE_ANSWER)
                debates = turn->id;
            }
        }
      if (debates != 0 && self->settings.debate_priority)
        {
          ChamberLiveTurn *answer = find_turn (self, debates);

          for (guint i = 0; answer->kind == CHAMBER_LIVE_ANSWER && i < answer->responds_to->len;
               i++)
            {
              ChamberLiveTurn *question =
                find_turn (self, g_array_index (answer->responds_to, gint64, i));

              if (question != NULL && question->speaker_id == person_id)
                priority = TRUE;
            }
        }
    }

  if (!by_chair)
    {
      if (item->list_closed && kind != CHAMBER_LIVE_POINT_OF_ORDER)
        {
          refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
                  _("The list of speakers on this item is closed; only a point of order may "
                    "still be raised."));
          return FALSE;
        }
      if (self->settings.speak_once && kind != CHAMBER_LIVE_POINT_OF_ORDER)
        for (guint i = 0; i < item->queue->len; i++)
          {
            ChamberLiveRequest *other =
              find_request (self, g_array_index (item->queue, gint64, i));

            if (other->person_id == person_id && other->kind != CHAMBER_LIVE_POINT_OF_ORDER)
              {
                refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
                        _("You already have a request waiting on this item (request %lld): "
                          "withdraw it first, or wait for your turn."),
                        (long long) other->id);
                return FALSE;
              }
          }
    }

  if (!set_anchor (d, error))
    return FALSE;
  json_object_set_int_member (d->event, "request", self->next_request_id);
  json_object_set_int_member (d->event, "item", item->id);
  json_object_set_int_member (d->event, "person", person_id);
  json_object_set_string_member (d->event, "kind", kind_names[kind]);
  if (to != 0)
    json_object_set_int_member (d->event, "to", to);
  chamber_json_object_set_optional_string (d->event, "topic", topic);
  if (group_id != 0)
    json_object_set_int_member (d->event, "group", group_id);
  if (debates != 0)
    json_object_set_int_member (d->event, "debates", debates);
  json_object_set_boolean_member (d->event, "priority", priority);
  json_object_set_int_member (d->event, "position",
                              insert_position (self, item, kind, priority, group_id));
  return TRUE;
}

static gboolean
decide_request (Decision *d, GError **error)
{
  return decide_new_request (d, d->person_id, FALSE, error);
}

static gboolean
decide_add (Decision *d, GError **error)
{
  gint64 person = 0;

  if (!get_id (d->command, "person", TRUE, &person, error))
    return FALSE;
  return decide_new_request (d, person, TRUE, error);
}

static gboolean
decide_withdraw (Decision *d, GError **error)
{
  ChamberLiveRequest *request;

  if (!need_request (d, FALSE, &request, error))
    return FALSE;
  if (request->person_id != d->person_id && d->role != CHAMBER_ROLE_ADMIN)
    {
      refuse (error, CHAMBER_LIVE_ERROR_FORBIDDEN,
              _("Request %lld is not yours: you may withdraw only your own requests."),
              (long long) request->id);
      return FALSE;
    }
  if (request->state != CHAMBER_LIVE_REQUEST_WAITING)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
              _("Request %lld is not waiting any more (it is %s)."), (long long) request->id,
              chamber_live_request_state_to_string (request->state));
      return FALSE;
    }
  return TRUE;
}

static gboolean
decide_remove (Decision *d, GError **error)
{
  ChamberLiveRequest *request;

  return need_request (d, TRUE, &request, error);
}

static gboolean
decide_readd (Decision *d, GError **error)
{
  ChamberLiveRequest *request;
  ChamberLiveItem *item;

  if (!need_request (d, FALSE, &request, error))
    return FALSE;
  if (request->state != CHAMBER_LIVE_REQUEST_WITHDRAWN
      && request->state != CHAMBER_LIVE_REQUEST_REMOVED)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
              _("Request %lld is %s: only a withdrawn or removed request is added again."),
              (long long) request->id, chamber_live_request_state_to_string (request->state));
      return FALSE;
    }
  item = find_item (d->self, request->item_id);
  if (item->state == CHAMBER_ITEM_STATE_CLOSED)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
              _("Item %lld is closed: no one registers to speak on it any more."),
              (long long) item->id);
      return FALSE;
    }
  json_object_set_int_member (d->event, "position",
                              insert_position (d->self, item, request->kind, request->priority,
                                               request->group_id));
  return TRUE;
}

static gboolean
decide_reorder (Decision *d, GError **error)
{
  ChamberLiveRequest *request;
  ChamberLiveItem *item;
  gint64 position = -1;
  GError *local = NULL;

  if (!need_request (d, TRUE, &request, error))
    return FALSE;
  item = find_item (d->self, request->item_id);
  if (!chamber_json_get_int (d->command, "position", TRUE, 0, (gint64) item->queue->len - 1,
                             &position, &local))
    return invalid_from (local, error);
  json_object_set_int_member (d->event, "position", position);
  return TRUE;
}

static gboolean
decide_grant (Decision *d, GError **error)
{
  ChamberLiveRequest *request;
  ChamberLiveItem *item;

  if (!need_request (d, TRUE, &request, error) || !need_open_current (d, &item, error))
    return FALSE;
  if (request->item_id != item->id)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
              _("Request %lld is on item %lld, not on the open item %lld."),
              (long long) request->id, (long long) request->item_id, (long long) item->id);
      return FALSE;
    }
  if (!need_no_turn (d, error))
    return FALSE;
  json_object_set_int_member (d->event, "turn", d->self->next_turn_id);
  json_object_set_int_member (d->event, "allotted", d->self->settings.limit_s[request->kind]);
  return TRUE;
}

static gboolean
decide_answer (Decision *d, GError **error)
{
  ChamberLiveItem *item;
  g_autoptr (GArray) questions = NULL;
  gint64 single = 0, speaker = 0;
  gboolean failed = FALSE;

  if (!need_open_current (d, &item, error)
      || !get_id (d->command, "turn", FALSE, &single, error)
      || !get_id (d->command, "speaker", FALSE, &speaker, error))
    return FALSE;
  questions = get_id_list (d->command, "turns", single == 0, &failed, error);
  if (failed)
    return FALSE;
  if (questions == NULL)
    {
      questions = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (questions, single);
    }
  else if (single != 0)
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID,
              _("Give either “turn” or “turns”, not both."));
      return FALSE;
    }
  for (guint i = 0; i < questions->len; i++)
    {
      gint64 id = g_array_index (questions, gint64, i);
      ChamberLiveTurn *question = find_turn (d->self, id);

      if (question == NULL || question->item_id != item->id
          || question->kind != CHAMBER_LIVE_QUESTION)
        {
          refuse (error, CHAMBER_LIVE_ERROR_NOT_FOUND,
                  _("Turn %lld is not a question on the open item."), (long long) id);
          return FALSE;
        }
      if (speaker == 0)
        speaker = question->respondent_id;
    }
  if (speaker == 0)
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID,
              _("The question has no respondent: name who answers (“speaker”)."));
      return FALSE;
    }
  if (!need_no_turn (d, error) || !need_person (d, speaker, FALSE, error))
    return FALSE;
  json_object_set_int_member (d->event, "turn", d->self->next_turn_id);
  json_object_set_member (d->event, "answers", ids_to_node (questions));
  json_object_set_int_member (d->event, "speaker", speaker);
  json_object_set_int_member (d->event, "allotted",
                              d->self->settings.limit_s[CHAMBER_LIVE_ANSWER]);
  return TRUE;
}

static gboolean
decide_start_turn (Decision *d, GError **error)
{
  ChamberLiveItem *item;
  g_autofree char *kind_text = NULL;
  g_autofree char *topic = NULL;
  ChamberLiveKind kind;
  gint64 speaker = 0;

  if (!need_open_current (d, &item, error)
      || !get_text (d->command, "kind", TRUE, &kind_text, error)
      || !get_id (d->command, "speaker", FALSE, &speaker, error)
      || !get_text (d->command, "topic", FALSE, &topic, error))
    return FALSE;
  if (!chamber_live_kind_from_string (kind_text, &kind)
      || (kind != CHAMBER_LIVE_EXPLANATION && kind != CHAMBER_LIVE_CONCLUSION
          && kind != CHAMBER_LIVE_DISCUSSION))
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID,
              _("“%s” is not a turn the chair starts directly: use explanation, discussion or "
                "conclusion (questions and debates are granted from the queue, answers with "
                "“answer”)."),
              kind_text);
      return FALSE;
    }
  if (speaker == 0 && kind == CHAMBER_LIVE_CONCLUSION)
    speaker = d->person_id;
  if (speaker == 0)
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID, _("Name who speaks (“speaker”)."));
      return FALSE;
    }
  if (!need_no_turn (d, error) || !need_person (d, speaker, FALSE, error))
    return FALSE;
  json_object_set_int_member (d->event, "turn", d->self->next_turn_id);
  json_object_set_string_member (d->event, "kind", kind_names[kind]);
  json_object_set_int_member (d->event, "speaker", speaker);
  chamber_json_object_set_optional_string (d->event, "topic", topic);
  json_object_set_int_member (d->event, "allotted", d->self->settings.limit_s[kind]);
  return TRUE;
}

static gboolean
decide_pause (Decision *d, GError **error)
{
  ChamberLiveTurn *turn;

  if (!need_turn_running (d, &turn, error))
    return FALSE;
  if (chamber_live_turn_is_paused (turn))
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT, _("The turn is paused already."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
decide_resume (Decision *d, GError **error)
{
  ChamberLiveTurn *turn;

  if (!need_turn_running (d, &turn, error))
    return FALSE;
  if (!chamber_live_turn_is_paused (turn))
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT, _("The turn is not paused."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
decide_add_time (Decision *d, GError **error)
{
  ChamberLiveTurn *turn;
  gint64 seconds = 0;
  GError *local = NULL;

  if (!chamber_json_get_int (d->command, "seconds", TRUE, 1, CHAMBER_LIVE_MAX_ADD_TIME,
                             &seconds, &local))
    return invalid_from (local, error);
  if (!need_turn_running (d, &turn, error))
    return FALSE;
  json_object_set_int_member (d->event, "seconds", seconds);
  return TRUE;
}

static gboolean
decide_end (Decision *d, GError **error)
{
  ChamberLiveTurn *turn;

  return need_turn_running (d, &turn, error);
}

static gboolean
decide_open_item (Decision *d, GError **error)
{
  ChamberLiveItem *item, *current;

  if (!need_item (d, "item", FALSE, &item, error))
    return FALSE;
  if (item->state == CHAMBER_ITEM_STATE_OPEN)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT, _("Item %lld is open already."),
              (long long) item->id);
      return FALSE;
    }
  current = find_item (d->self, d->self->current_item_id);
  if (current != NULL)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
              _("Item %lld is open: close it before opening another."),
              (long long) current->id);
      return FALSE;
    }
  json_object_set_int_member (d->event, "item", item->id);
  return TRUE;
}

static gboolean
decide_close_item (Decision *d, GError **error)
{
  ChamberLiveItem *item;

  if (!need_item (d, "item", TRUE, &item, error))
    return FALSE;
  if (item->state != CHAMBER_ITEM_STATE_OPEN)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT, _("Item %lld is not open."),
              (long long) item->id);
      return FALSE;
    }
  if (!need_no_turn (d, error))
    return FALSE;
  json_object_set_int_member (d->event, "item", item->id);
  return TRUE;
}

static gboolean
decide_list (Decision *d, gboolean close, GError **error)
{
  ChamberLiveItem *item;

  if (!need_item (d, "item", TRUE, &item, error))
    return FALSE;
  if (item->state == CHAMBER_ITEM_STATE_CLOSED)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT, _("Item %lld is closed."),
              (long long) item->id);
      return FALSE;
    }
  if (item->list_closed == close)
    {
      refuse (error, CHAMBER_LIVE_ERROR_CONFLICT,
              close ? _("The list of speakers is closed already.")
                    : _("The list of speakers is open already."));
      return FALSE;
    }
  json_object_set_int_member (d->event, "item", item->id);
  return TRUE;
}

static gboolean
decide_close_list (Decision *d, GError **error)
{
  return decide_list (d, TRUE, error);
}

static gboolean
decide_open_list (Decision *d, GError **error)
{
  return decide_list (d, FALSE, error);
}

static gboolean
need_turn_member (Decision *d, ChamberLiveTurn **out, GError **error)
{
  gint64 id = 0;

  if (!get_id (d->command, "turn", TRUE, &id, error))
    return FALSE;
  *out = find_turn (d->self, id);
  if (*out == NULL)
    {
      refuse (error, CHAMBER_LIVE_ERROR_NOT_FOUND, _("There is no turn %lld in this session."),
              (long long) id);
      return FALSE;
    }
  json_object_set_int_member (d->event, "turn", id);
  return TRUE;
}

static gboolean
decide_summary (Decision *d, GError **error)
{
  ChamberLiveTurn *turn;
  g_autofree char *text = NULL;

  if (!need_turn_member (d, &turn, error) || !get_text (d->command, "text", TRUE, &text, error))
    return FALSE;
  chamber_json_object_set_optional_string (d->event, "text", *text != '\0' ? text : NULL);
  return TRUE;
}

static gboolean
decide_commit (Decision *d, GError **error)
{
  ChamberLiveTurn *turn;
  g_autofree char *what = NULL;
  g_autofree char *due = NULL;
  gint64 owner = 0;

  if (!need_turn_member (d, &turn, error)
      || !get_text (d->command, "what", TRUE, &what, error)
      || !get_id (d->command, "owner", TRUE, &owner, error)
      || !get_text (d->command, "due", FALSE, &due, error))
    return FALSE;
  if (*g_strstrip (what) == '\0')
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID, _("Say what was committed (“what”)."));
      return FALSE;
    }
  if (due != NULL && !chamber_date_is_valid (due))
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID,
              _("“%s” is not a date: write the deadline as YYYY-MM-DD."), due);
      return FALSE;
    }
  if (!need_person (d, owner, FALSE, error))
    return FALSE;
  json_object_set_int_member (d->event, "commitment", d->self->next_commitment_id);
  json_object_set_string_member (d->event, "what", what);
  json_object_set_int_member (d->event, "owner", owner);
  chamber_json_object_set_optional_string (d->event, "due", due);
  return TRUE;
}

static gboolean
decide_uncommit (Decision *d, GError **error)
{
  gint64 id = 0;
  ChamberLiveTurn *turn = NULL;

  if (!get_id (d->command, "commitment", TRUE, &id, error))
    return FALSE;
  if (find_commitment (d->self, id, &turn) == NULL)
    {
      refuse (error, CHAMBER_LIVE_ERROR_NOT_FOUND,
              _("There is no commitment %lld in this session."), (long long) id);
      return FALSE;
    }
  json_object_set_int_member (d->event, "commitment", id);
  json_object_set_int_member (d->event, "turn", turn->id);
  return TRUE;
}

static gboolean
decide_define_group (Decision *d, GError **error)
{
  ChamberLiveItem *item;
  g_autofree char *name = NULL;
  g_autoptr (GArray) respondents = NULL;
  gboolean failed = FALSE;

  if (!need_item (d, "item", TRUE, &item, error)
      || !get_text (d->command, "name", TRUE, &name, error))
    return FALSE;
  if (*g_strstrip (name) == '\0')
    {
      refuse (error, CHAMBER_LIVE_ERROR_INVALID, _("Give the issue group a name."));
      return FALSE;
    }
  respondents = get_id_list (d->command, "respondents", FALSE, &failed, error);
  if (failed)
    return FALSE;
  for (guint i = 0; respondents != NULL && i < respondents->len; i++)
    if (!need_person (d, g_array_index (respondents, gint64, i), TRUE, error))
      return FALSE;
  json_object_set_int_member (d->event, "group", d->self->next_group_id);
  json_object_set_int_member (d->event, "item", item->id);
  json_object_set_string_member (d->event, "name", name);
  json_object_set_member (d->event, "respondents", ids_to_node (respondents));
  return TRUE;
}

typedef struct
{
  gint64 id;
  int    klass;
  int    rank;
  guint  index;
} SortEntry;

static int
sort_entry_compare (gconstpointer a, gconstpointer b)
{
  const SortEntry *x = a, *y = b;

  if (x->klass != y->klass)
    return x->klass < y->klass ? -1 : 1;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static gboolean
decide_group (Decision *d, GError **error)
{
  ChamberLiveState *self = d->self;
  g_autoptr (GArray) requests = NULL;
  g_autoptr (GArray) order = NULL;
  g_autofree SortEntry *entries = NULL;
  ChamberLiveItem *item = NULL;
  gint64 group_id = 0;
  gboolean failed = FALSE;
  GError *local = NULL;

  if (!chamber_json_get_int (d->command, "group", TRUE, 0, G_MAXINT64, &group_id, &local))
    return invalid_from (local, error);
  requests = get_id_list (d->command, "requests", TRUE, &failed, error);
  if (failed)
    return FALSE;
  for (guint i = 0; i < requests->len; i++)
    {
      ChamberLiveRequest *request = find_request (self, g_array_index (requests, gint64, i));

      if (request == NULL)
        {
          refuse (error, CHAMBER_LIVE_ERROR_NOT_FOUND,
                  _("There is no request %lld in this session."),
                  (long long) g_array_index (requests, gint64, i));
          return FALSE;
        }
      if (item != NULL && request->item_id != item->id)
        {
          refuse (error, CHAMBER_LIVE_ERROR_INVALID,
                  _("The requests grouped together must be on one item."));
          return FALSE;
        }
      item = find_item (self, request->item_id);
    }
  if (group_id != 0 && find_group (item, group_id, NULL) == NULL)
    {
      refuse (error, CHAMBER_LIVE_ERROR_NOT_FOUND, _("Item %lld has no issue group %lld."),
              (long long) item->id, (long long) group_id);
      return FALSE;
    }

  /* The queue in the order of the groups, the requests now grouped included. */
  entries = g_new0 (SortEntry, item->queue->len + 1);
  for (guint i = 0; i < item->queue->len; i++)
    {
      ChamberLiveRequest *request = find_request (self, g_array_index (item->queue, gint64, i));
      gint64 group = request->group_id;

      for (guint j = 0; j < requests->len; j++)
        if (g_array_index (requests, gint64, j) == request->id)
          group = group_id;
      entries[i].id = request->id;
      entries[i].index = i;
      queue_key (item, request->kind, request->priority, group, &entries[i].klass,
                 &entries[i].rank);
    }
  qsort (entries, item->queue->len, sizeof (SortEntry), sort_entry_compare);
  order = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < item->queue->len; i++)
    g_array_append_val (order, entries[i].id);

  json_object_set_int_member (d->event, "group", group_id);
  json_object_set_int_member (d->event, "item", item->id);
  json_object_set_member (d->event, "requests", ids_to_node (requests));
  json_object_set_member (d->event, "order", ids_to_node (order));
  return TRUE;
}

static gboolean
decide_settings (Decision *d, GError **error)
{
  ChamberLiveSettings settings = d->self->settings;
  JsonNode *node = json_object_get_member (d->command, "limits");
  JsonObject *limits;
  gboolean value, present;

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autoptr (GList) members = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          refuse (error, CHAMBER_LIVE_ERROR_INVALID,
                  _("The member “limits” must be an object of seconds per kind."));
          return FALSE;
        }
      limits = json_node_get_object (node);
      members = json_object_get_members (limits);
      for (GList *l = members; l != NULL; l = l->next)
        {
          ChamberLiveKind kind;
          gint64 seconds = 0;
          GError *local = NULL;

          if (!chamber_live_kind_from_string (l->data, &kind))
            {
              refuse (error, CHAMBER_LIVE_ERROR_INVALID,
                      _("“%s” is not a kind of turn."), (const char *) l->data);
              return FALSE;
            }
          if (!chamber_json_get_int (limits, l->data, TRUE, 1, CHAMBER_LIVE_MAX_LIMIT,
                                     &seconds, &local))
            return invalid_from (local, error);
          settings.limit_s[kind] = (int) seconds;
        }
    }
  if (!get_bool (d->command, "speak_once", &value, &present, error))
    return FALSE;
  if (present)
    settings.speak_once = value;
  if (!get_bool (d->command, "debate_priority", &value, &present, error))
    return FALSE;
  if (present)
    settings.debate_priority = value;

  limits = json_object_new ();
  for (int i = 0; i < CHAMBER_LIVE_N_KINDS; i++)
    json_object_set_int_member (limits, kind_names[i], settings.limit_s[i]);
  json_object_set_object_member (d->event, "limits", limits);
  json_object_set_boolean_member (d->event, "speak_once", settings.speak_once);
  json_object_set_boolean_member (d->event, "debate_priority", settings.debate_priority);
  return TRUE;
}

typedef struct
{
  const char *type;
  Permission  permission;
  DecideFunc  decide;
} Command;

static const Command commands[] = {
  { "open-item", MAY_CHAIR, decide_open_item },
  { "close-item", MAY_CHAIR, decide_close_item },
  { "close-list", MAY_CHAIR, decide_close_list },
  { "open-list", MAY_CHAIR, decide_open_list },
  { "request", MAY_DELEGATE, decide_request },
  { "withdraw", MAY_DELEGATE, decide_withdraw },
  { "add", MAY_CHAIR, decide_add },
  { "remove", MAY_CHAIR, decide_remove },
  { "readd", MAY_CHAIR, decide_readd },
  { "reorder", MAY_CHAIR, decide_reorder },
  { "grant", MAY_CHAIR, decide_grant },
  { "answer", MAY_CHAIR, decide_answer },
  { "start-turn", MAY_CHAIR, decide_start_turn },
  { "pause", MAY_CHAIR, decide_pause },
  { "resume", MAY_CHAIR, decide_resume },
  { "add-time", MAY_CHAIR, decide_add_time },
  { "end", MAY_CHAIR, decide_end },
  { "define-group", MAY_CHAIR, decide_define_group },
  { "group", MAY_CHAIR, decide_group },
  { "settings", MAY_CHAIR, decide_settings },
  { "summary", MAY_SECRETARIAT, decide_summary },
  { "commit", MAY_SECRETARIAT, decide_commit },
  { "uncommit", MAY_SECRETARIAT, decide_uncommit },
};

static gboolean
role_may (ChamberRole role, Permission permission)
{
  if (role == CHAMBER_ROLE_ADMIN)
    return TRUE;
  switch (permission)
    {
    case MAY_CHAIR:
      return role == CHAMBER_ROLE_CHAIR;
    case MAY_SECRETARIAT:
      return role == CHAMBER_ROLE_SECRETARIAT;
    case MAY_DELEGATE:
      return role == CHAMBER_ROLE_DELEGATE;
    default:
      return FALSE;
    }
}

static const char *
forbidden_message (Permission permission)
{
  switch (permission)
    {
    case MAY_CHAIR:
      return _("Only the chair runs the agenda and the speaker queue.");
    case MAY_SECRETARIAT:
      return _("Only the secretariat writes turn summaries and commitments.");
    case MAY_DELEGATE:
    default:
      return _("Only delegates register to speak and withdraw their requests; the chair adds "
               "a speaker with “add”.");
    }
}

JsonObject *
chamber_live_state_decide (ChamberLiveState *self,
                           JsonObject       *command,
                           gint64            person_id,
                           ChamberRole       role,
                           gint64            now_ms,
                           GError          **error)
{
  g_autoptr (JsonObject) event = NULL;
  g_autofree char *type = NULL;
  const Command *found = NULL;
  gint64 expected = 0;
  GError *local = NULL;
  Decision d;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (command != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!get_text (command, "type", TRUE, &type, error))
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (commands[i].type, type))
      found = &commands[i];
  if (found == NULL)
    return refuse (error, CHAMBER_LIVE_ERROR_INVALID,
                   _("“%s” is not a live command (see “Live channel” in the protocol)."), type);
  if (!role_may (role, found->permission))
    return refuse (error, CHAMBER_LIVE_ERROR_FORBIDDEN, "%s", forbidden_message (found->permission));

  if (json_object_has_member (command, "expected_seq"))
    {
      if (!chamber_json_get_int (command, "expected_seq", TRUE, 0, G_MAXINT64, &expected,
                                 &local))
        {
          invalid_from (local, error);
          return NULL;
        }
      if (expected != self->seq)
        return refuse (error, CHAMBER_LIVE_ERROR_STALE,
                       _("Someone acted first: the live session is at event %lld, and this "
                         "command was made at event %lld. Look at the new state and try "
                         "again."),
                       (long long) self->seq, (long long) expected);
    }

  event = json_object_new ();
  json_object_set_int_member (event, "seq", self->seq + 1);
  json_object_set_int_member (event, "at", MAX (now_ms, self->last_at));
  json_object_set_string_member (event, "type", type);
  json_object_set_int_member (event, "actor", person_id);
  json_object_set_string_member (event, "role", chamber_role_to_string (role));

  d.self = self;
  d.command = command;
  d.event = event;
  d.person_id = person_id;
  d.role = role;
  d.at = MAX (now_ms, self->last_at);
  if (!found->decide (&d, error))
    return NULL;
  return g_steal_pointer (&event);
}

/* ---- Applying ----------------------------------------------------------------------------- */

static gboolean
broken (GError **error, JsonObject *event, const char *what)
{
  g_set_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID,
               _("Live event %lld (%s) names %s that the state does not hold."),
               (long long) ev_int (event, "seq"), ev_str (event, "type"), what);
  return FALSE;
}

static void
queue_remove (ChamberLiveItem *item, gint64 request_id)
{
  int index = queue_index (item, request_id);

  if (index >= 0)
    g_array_remove_index (item->queue, index);
}

static void
queue_insert (ChamberLiveItem *item, gint64 request_id, gint64 position)
{
  position = CLAMP (position, 0, (gint64) item->queue->len);
  g_array_insert_val (item->queue, (guint) position, request_id);
}

static void
anchor_from_event (ChamberLiveAnchor *anchor, JsonObject *event)
{
  JsonNode *node = json_object_get_member (event, "anchor");
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  anchor->document_id = ev_int (object, "document");
  anchor->page = (int) CLAMP (ev_int (object, "page"), 0, G_MAXINT);
  anchor->quote = g_strdup (ev_str (object, "quote"));
}

static ChamberLiveTurn *
turn_new (ChamberLiveState *self, JsonObject *event, ChamberLiveKind kind, gint64 item_id)
{
  ChamberLiveTurn *turn = g_new0 (ChamberLiveTurn, 1);

  turn->id = ev_int (event, "turn");
  turn->item_id = item_id;
  turn->kind = kind;
  turn->started_at = ev_int (event, "at");
  turn->allotted_s = (int) CLAMP (ev_int (event, "allotted"), 0, G_MAXINT);
  turn->responds_to = g_array_new (FALSE, FALSE, sizeof (gint64));
  turn->pauses = g_array_new (FALSE, FALSE, sizeof (ChamberLivePause));
  turn->commitments = g_ptr_array_new_with_free_func ((GDestroyNotify) commitment_free);
  g_ptr_array_add (self->turns, turn);
  g_hash_table_insert (self->turn_map, &turn->id, turn);
  self->current_turn_id = turn->id;
  self->next_turn_id = MAX (self->next_turn_id, turn->id + 1);
  return turn;
}

static gboolean
apply_event (ChamberLiveState *self, JsonObject *event, const char *type, GError **error)
{
  gint64 at = ev_int (event, "at");
  ChamberLiveItem *item = NULL;
  ChamberLiveRequest *request = NULL;
  ChamberLiveTurn *turn = NULL;

  if (json_object_has_member (event, "item"))
    {
      item = find_item (self, ev_int (event, "item"));
      if (item == NULL && ev_int (event, "item") > 0)
        item = ensure_item (self, ev_int (event, "item"));
    }
  if (json_object_has_member (event, "request") && !g_str_equal (type, "request")
      && !g_str_equal (type, "add"))
    {
      request = find_request (self, ev_int (event, "request"));
      if (request == NULL)
        return broken (error, event, "a request");
    }
  if (json_object_has_member (event, "turn") && !g_str_equal (type, "grant")
      && !g_str_equal (type, "answer") && !g_str_equal (type, "start-turn"))
    {
      turn = find_turn (self, ev_int (event, "turn"));
      if (turn == NULL)
        return broken (error, event, "a turn");
    }

  /* An event off the wire may lack what its type acts on: refuse it before touching anything
   * (found by tests/fuzz/fuzz-live.c). */
  {
    static const char *const on_request[] = { "withdraw", "remove", "readd", "reorder", "grant",
                                              NULL };
    static const char *const on_turn[] = { "pause", "resume", "add-time", "end", "summary",
                                           "commit", "uncommit", NULL };

    if (request == NULL && g_strv_contains (on_request, type))
      return broken (error, event, "a request");
    if (turn == NULL && g_strv_contains (on_turn, type))
      return broken (error, event, "a turn");
  }

  if (g_str_equal (type, "open-item"))
    {
      if (item == NULL)
        return broken (error, event, "an item");
      item->state = CHAMBER_ITEM_STATE_OPEN;
      self->current_item_id = item->id;
    }
  else if (g_str_equal (type, "close-item"))
    {
      if (item == NULL)
        return broken (error, event, "an item");
      item->state = CHAMBER_ITEM_STATE_CLOSED;
      if (self->current_item_id == item->id)
        self->current_item_id = 0;
    }
  else if (g_str_equal (type, "close-list") || g_str_equal (type, "open-list"))
    {
      if (item == NULL)
        return broken (error, event, "an item");
      item->list_closed = g_str_equal (type, "close-list");
    }
  else if (g_str_equal (type, "request") || g_str_equal (type, "add"))
    {
      ChamberLiveKind kind;

      if (item == NULL || !chamber_live_kind_from_string (ev_str (event, "kind"), &kind)
          || ev_int (event, "request") < 1 || find_request (self, ev_int (event, "request")))
        return broken (error, event, "a new request");
      request = g_new0 (ChamberLiveRequest, 1);
      request->id = ev_int (event, "request");
      request->item_id = item->id;
      request->person_id = ev_int (event, "person");
      request->kind = kind;
      request->respondent_id = ev_int (event, "to");
      request->debates_turn_id = ev_int (event, "debates");
      request->group_id = ev_int (event, "group");
      request->topic = g_strdup (ev_str (event, "topic"));
      anchor_from_event (&request->anchor, event);
      request->priority = ev_bool (event, "priority");
      request->state = CHAMBER_LIVE_REQUEST_WAITING;
      request->requested_at = at;
      if (g_str_equal (type, "add"))
        request->added_by = ev_int (event, "actor");
      g_ptr_array_add (self->requests, request);
      g_hash_table_insert (self->request_map, &request->id, request);
      self->next_request_id = MAX (self->next_request_id, request->id + 1);
      queue_insert (item, request->id, ev_int (event, "position"));
    }
  else if (g_str_equal (type, "withdraw") || g_str_equal (type, "remove"))
    {
      request->state = g_str_equal (type, "withdraw") ? CHAMBER_LIVE_REQUEST_WITHDRAWN
                                                       : CHAMBER_LIVE_REQUEST_REMOVED;
      queue_remove (find_item (self, request->item_id), request->id);
    }
  else if (g_str_equal (type, "readd") || g_str_equal (type, "reorder"))
    {
      ChamberLiveItem *own = find_item (self, request->item_id);

      request->state = CHAMBER_LIVE_REQUEST_WAITING;
      queue_remove (own, request->id);
      queue_insert (own, request->id, ev_int (event, "position"));
    }
  else if (g_str_equal (type, "grant"))
    {
      if (ev_int (event, "turn") < 1 || find_turn (self, ev_int (event, "turn")) != NULL)
        return broken (error, event, "a new turn");
      turn = turn_new (self, event, request->kind, request->item_id);
      turn->speaker_id = request->person_id;
      turn->respondent_id = request->respondent_id;
      turn->request_id = request->id;
      turn->topic = g_strdup (request->topic);
      turn->anchor.document_id = request->anchor.document_id;
      turn->anchor.page = request->anchor.page;
      turn->anchor.quote = g_strdup (request->anchor.quote);
      if (request->debates_turn_id != 0)
        g_array_append_val (turn->responds_to, request->debates_turn_id);
      request->state = CHAMBER_LIVE_REQUEST_GRANTED;
      request->turn_id = turn->id;
      queue_remove (find_item (self, request->item_id), request->id);
    }
  else if (g_str_equal (type, "answer") || g_str_equal (type, "start-turn"))
    {
      ChamberLiveKind kind = CHAMBER_LIVE_ANSWER;

      if (ev_int (event, "turn") < 1 || find_turn (self, ev_int (event, "turn")) != NULL
          || self->current_item_id == 0
          || (g_str_equal (type, "start-turn")
              && !chamber_live_kind_from_string (ev_str (event, "kind"), &kind)))
        return broken (error, event, "a new turn");
      turn = turn_new (self, event, kind, self->current_item_id);
      turn->speaker_id = ev_int (event, "speaker");
      turn->topic = g_strdup (ev_str (event, "topic"));
      if (kind == CHAMBER_LIVE_ANSWER)
        {
          g_autoptr (GArray) answers = ev_ids (event, "answers");

          g_array_append_vals (turn->responds_to, answers->data, answers->len);
        }
    }
  else if (g_str_equal (type, "pause"))
    {
      ChamberLivePause pause = { at, 0 };

      g_array_append_val (turn->pauses, pause);
    }
  else if (g_str_equal (type, "resume"))
    {
      if (turn->pauses->len > 0)
        g_array_index (turn->pauses, ChamberLivePause, turn->pauses->len - 1).to = at;
    }
  else if (g_str_equal (type, "add-time"))
    {
      turn->allotted_s += (int) CLAMP (ev_int (event, "seconds"), 0, CHAMBER_LIVE_MAX_ADD_TIME);
    }
  else if (g_str_equal (type, "end"))
    {
      if (chamber_live_turn_is_paused (turn))
        g_array_index (turn->pauses, ChamberLivePause, turn->pauses->len - 1).to = at;
      turn->ended_at = at;
      if (self->current_turn_id == turn->id)
        self->current_turn_id = 0;
    }
  else if (g_str_equal (type, "summary"))
    {
      g_free (turn->summary);
      turn->summary = g_strdup (ev_str (event, "text"));
    }
  else if (g_str_equal (type, "commit"))
    {
      ChamberLiveCommitment *commitment = g_new0 (ChamberLiveCommitment, 1);

      commitment->id = ev_int (event, "commitment");
      commitment->turn_id = turn->id;
      commitment->what = g_strdup (ev_str (event, "what"));
      commitment->owner_id = ev_int (event, "owner");
      commitment->due = g_strdup (ev_str (event, "due"));
      commitment->created_at = at;
      commitment->created_by = ev_int (event, "actor");
      g_ptr_array_add (turn->commitments, commitment);
      self->next_commitment_id = MAX (self->next_commitment_id, commitment->id + 1);
    }
  else if (g_str_equal (type, "uncommit"))
    {
      gint64 id = ev_int (event, "commitment");

      for (guint i = 0; i < turn->commitments->len; i++)
        if (((ChamberLiveCommitment *) g_ptr_array_index (turn->commitments, i))->id == id)
          g_ptr_array_remove_index (turn->commitments, i);
    }
  else if (g_str_equal (type, "define-group"))
    {
      ChamberLiveGroup *group = g_new0 (ChamberLiveGroup, 1);

      if (item == NULL)
        {
          g_free (group);
          return broken (error, event, "an item");
        }
      group->id = ev_int (event, "group");
      group->item_id = item->id;
      group->name = g_strdup (ev_str (event, "name"));
      group->respondents = ev_ids (event, "respondents");
      g_ptr_array_add (item->groups, group);
      self->next_group_id = MAX (self->next_group_id, group->id + 1);
    }
  else if (g_str_equal (type, "group"))
    {
      g_autoptr (GArray) requests = ev_ids (event, "requests");
      g_autoptr (GArray) order = ev_ids (event, "order");

      if (item == NULL)
        return broken (error, event, "an item");
      for (guint i = 0; i < requests->len; i++)
        {
          ChamberLiveRequest *grouped =
            find_request (self, g_array_index (requests, gint64, i));

          if (grouped != NULL)
            grouped->group_id = ev_int (event, "group");
        }
      g_array_set_size (item->queue, 0);
      g_array_append_vals (item->queue, order->data, order->len);
    }
  else if (g_str_equal (type, "settings"))
    {
      JsonNode *node = json_object_get_member (event, "limits");

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        for (int i = 0; i < CHAMBER_LIVE_N_KINDS; i++)
          {
            gint64 seconds = ev_int (json_node_get_object (node), kind_names[i]);

            if (seconds > 0)
              self->settings.limit_s[i] = (int) MIN (seconds, CHAMBER_LIVE_MAX_LIMIT);
          }
      self->settings.speak_once = ev_bool (event, "speak_once");
      self->settings.debate_priority = ev_bool (event, "debate_priority");
    }
  else
    {
      g_set_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID,
                   _("Live event %lld has an unknown type “%s”."),
                   (long long) ev_int (event, "seq"), type);
      return FALSE;
    }
  return TRUE;
}

gboolean
chamber_live_state_apply (ChamberLiveState *self,
                          JsonObject       *event,
                          GError          **error)
{
  const char *type;
  gint64 seq;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (event != NULL, FALSE);

  seq = ev_int (event, "seq");
  type = ev_str (event, "type");
  if (seq != self->seq + 1)
    {
      g_set_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID,
                   _("Live event %lld came where event %lld was expected."), (long long) seq,
                   (long long) (self->seq + 1));
      return FALSE;
    }
  if (type == NULL)
    {
      g_set_error (error, CHAMBER_LIVE_ERROR, CHAMBER_LIVE_ERROR_INVALID,
                   _("Live event %lld has no type."), (long long) seq);
      return FALSE;
    }
  if (!apply_event (self, event, type, error))
    return FALSE;
  self->seq = seq;
  self->last_at = MAX (self->last_at, ev_int (event, "at"));
  return TRUE;
}

JsonObject *
chamber_live_state_execute (ChamberLiveState *self,
                            JsonObject       *command,
                            gint64            person_id,
                            ChamberRole       role,
                            gint64            now_ms,
                            GError          **error)
{
  g_autoptr (JsonObject) event = chamber_live_state_decide (self, command, person_id, role,
                                                            now_ms, error);

  if (event == NULL || !chamber_live_state_apply (self, event, error))
    return NULL;
  return g_steal_pointer (&event);
}

/* ---- Reading the state -------------------------------------------------------------------- */

gint64
chamber_live_state_get_session_id (ChamberLiveState *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->session_id;
}

gint64
chamber_live_state_get_seq (ChamberLiveState *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->seq;
}

gint64
chamber_live_state_get_last_at (ChamberLiveState *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->last_at;
}

const ChamberLiveSettings *
chamber_live_state_get_settings (ChamberLiveState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->settings;
}

const ChamberLiveItem *
chamber_live_state_get_current_item (ChamberLiveState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return find_item (self, self->current_item_id);
}

const ChamberLiveItem *
chamber_live_state_get_item (ChamberLiveState *self,
                             gint64            item_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return find_item (self, item_id);
}

GPtrArray *
chamber_live_state_get_items (ChamberLiveState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->items;
}

const ChamberLiveTurn *
chamber_live_state_get_current_turn (ChamberLiveState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return find_turn (self, self->current_turn_id);
}

const ChamberLiveTurn *
chamber_live_state_get_turn (ChamberLiveState *self,
                             gint64            turn_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return find_turn (self, turn_id);
}

GPtrArray *
chamber_live_state_get_turns (ChamberLiveState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->turns;
}

const ChamberLiveRequest *
chamber_live_state_get_request (ChamberLiveState *self,
                                gint64            request_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return find_request (self, request_id);
}

GPtrArray *
chamber_live_state_get_requests (ChamberLiveState *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->requests;
}

gboolean
chamber_live_turn_is_paused (const ChamberLiveTurn *turn)
{
  g_return_val_if_fail (turn != NULL, FALSE);
  return turn->pauses->len > 0
         && g_array_index (turn->pauses, ChamberLivePause, turn->pauses->len - 1).to == 0;
}

gint64
chamber_live_turn_used_ms (const ChamberLiveTurn *turn,
                           gint64                 now_ms)
{
  gint64 end, used;

  g_return_val_if_fail (turn != NULL, 0);

  end = turn->ended_at != 0 ? turn->ended_at : MAX (now_ms, turn->started_at);
  used = end - turn->started_at;
  for (guint i = 0; i < turn->pauses->len; i++)
    {
      const ChamberLivePause *pause = &g_array_index (turn->pauses, ChamberLivePause, i);
      gint64 to = pause->to != 0 ? pause->to : end;

      used -= MAX (0, MIN (to, end) - pause->from);
    }
  return MAX (0, used);
}

gint64
chamber_live_turn_remaining_s (const ChamberLiveTurn *turn,
                               gint64                 now_ms)
{
  gint64 left_ms;

  g_return_val_if_fail (turn != NULL, 0);

  left_ms = (gint64) turn->allotted_s * 1000 - chamber_live_turn_used_ms (turn, now_ms);
  /* Up for what is left, down for overtime: the countdown shows 1 until the limit passes. */
  if (left_ms >= 0)
    return (left_ms + 999) / 1000;
  return -((-left_ms) / 1000);
}

/* ---- JSON --------------------------------------------------------------------------------- */

static JsonNode *
person_node (ChamberLiveState *self, gint64 id)
{
  const ChamberPerson *person;
  JsonObject *object;

  if (id == 0)
    return json_node_new (JSON_NODE_NULL);
  object = json_object_new ();
  json_object_set_int_member (object, "id", id);
  person = g_hash_table_lookup (self->people, &id);
  if (person != NULL)
    {
      chamber_json_object_set_optional_string (object, "name", person->name);
      json_object_set_string_member (object, "role", chamber_role_to_string (person->role));
      chamber_json_object_set_optional_string (object, "title", person->title);
      chamber_json_object_set_optional_string (object, "agency", person->agency);
      chamber_json_object_set_optional_string (object, "group", person->group_name);
    }
  return chamber_json_node_take_object (object);
}

static JsonNode *
anchor_node (const ChamberLiveAnchor *anchor)
{
  JsonObject *object;

  if (anchor->document_id == 0)
    return json_node_new (JSON_NODE_NULL);
  object = json_object_new ();
  json_object_set_int_member (object, "document", anchor->document_id);
  json_object_set_int_member (object, "page", anchor->page);
  chamber_json_object_set_optional_string (object, "quote", anchor->quote);
  return chamber_json_node_take_object (object);
}

static JsonNode *
request_node (ChamberLiveState *self, const ChamberLiveRequest *request, int position)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", request->id);
  json_object_set_int_member (object, "item", request->item_id);
  json_object_set_string_member (object, "kind", kind_names[request->kind]);
  json_object_set_string_member (object, "state",
                                 chamber_live_request_state_to_string (request->state));
  if (position >= 0)
    json_object_set_int_member (object, "position", position);
  json_object_set_member (object, "person", person_node (self, request->person_id));
  json_object_set_member (object, "to", person_node (self, request->respondent_id));
  chamber_json_object_set_optional_string (object, "topic", request->topic);
  json_object_set_member (object, "anchor", anchor_node (&request->anchor));
  if (request->group_id != 0)
    json_object_set_int_member (object, "group", request->group_id);
  else
    json_object_set_null_member (object, "group");
  if (request->debates_turn_id != 0)
    json_object_set_int_member (object, "debates", request->debates_turn_id);
  else
    json_object_set_null_member (object, "debates");
  json_object_set_boolean_member (object, "priority", request->priority);
  json_object_set_int_member (object, "requested_at", request->requested_at);
  if (request->added_by != 0)
    json_object_set_int_member (object, "added_by", request->added_by);
  if (request->turn_id != 0)
    json_object_set_int_member (object, "turn", request->turn_id);
  else
    json_object_set_null_member (object, "turn");
  return chamber_json_node_take_object (object);
}

static JsonNode *
turn_node (ChamberLiveState *self, const ChamberLiveTurn *turn, gint64 now_ms)
{
  JsonObject *object = json_object_new ();
  JsonArray *pauses = json_array_new ();
  JsonArray *commitments = json_array_new ();
  gint64 used_ms = chamber_live_turn_used_ms (turn, now_ms);
  gint64 remaining = chamber_live_turn_remaining_s (turn, now_ms);

  json_object_set_int_member (object, "id", turn->id);
  json_object_set_int_member (object, "item", turn->item_id);
  json_object_set_string_member (object, "kind", kind_names[turn->kind]);
  json_object_set_member (object, "speaker", person_node (self, turn->speaker_id));
  json_object_set_member (object, "respondent", person_node (self, turn->respondent_id));
  if (turn->request_id != 0)
    json_object_set_int_member (object, "request", turn->request_id);
  else
    json_object_set_null_member (object, "request");
  json_object_set_member (object, "responds_to", ids_to_node (turn->responds_to));
  chamber_json_object_set_optional_string (object, "topic", turn->topic);
  json_object_set_member (object, "anchor", anchor_node (&turn->anchor));
  json_object_set_int_member (object, "started_at", turn->started_at);
  if (turn->ended_at != 0)
    json_object_set_int_member (object, "ended_at", turn->ended_at);
  else
    json_object_set_null_member (object, "ended_at");
  for (guint i = 0; i < turn->pauses->len; i++)
    {
      const ChamberLivePause *pause = &g_array_index (turn->pauses, ChamberLivePause, i);
      JsonObject *p = json_object_new ();

      json_object_set_int_member (p, "from", pause->from);
      if (pause->to != 0)
        json_object_set_int_member (p, "to", pause->to);
      else
        json_object_set_null_member (p, "to");
      json_array_add_object_element (pauses, p);
    }
  json_object_set_array_member (object, "pauses", pauses);
  json_object_set_boolean_member (object, "paused", chamber_live_turn_is_paused (turn));
  json_object_set_boolean_member (object, "running", turn->ended_at == 0);
  json_object_set_int_member (object, "allotted_s", turn->allotted_s);
  json_object_set_int_member (object, "used_s", used_ms / 1000);
  json_object_set_int_member (object, "remaining_s", remaining);
  json_object_set_int_member (object, "overtime_s", remaining < 0 ? -remaining : 0);
  chamber_json_object_set_optional_string (object, "summary", turn->summary);
  for (guint i = 0; i < turn->commitments->len; i++)
    {
      const ChamberLiveCommitment *commitment = g_ptr_array_index (turn->commitments, i);
      JsonObject *c = json_object_new ();

      json_object_set_int_member (c, "id", commitment->id);
      json_object_set_int_member (c, "turn", commitment->turn_id);
      json_object_set_string_member (c, "what", commitment->what);
      json_object_set_member (c, "owner", person_node (self, commitment->owner_id));
      chamber_json_object_set_optional_string (c, "due", commitment->due);
      json_object_set_int_member (c, "created_at", commitment->created_at);
      json_array_add_object_element (commitments, c);
    }
  json_object_set_array_member (object, "commitments", commitments);
  return chamber_json_node_take_object (object);
}

JsonNode *
chamber_live_state_to_json (ChamberLiveState *self,
                            gint64            now_ms)
{
  JsonObject *root = json_object_new ();
  JsonObject *settings = json_object_new ();
  JsonObject *limits = json_object_new ();
  JsonArray *items = json_array_new ();
  const ChamberLiveTurn *current_turn;

  g_return_val_if_fail (self != NULL, NULL);

  json_object_set_int_member (root, "session_id", self->session_id);
  json_object_set_int_member (root, "seq", self->seq);
  json_object_set_int_member (root, "now", now_ms);

  for (int i = 0; i < CHAMBER_LIVE_N_KINDS; i++)
    json_object_set_int_member (limits, kind_names[i], self->settings.limit_s[i]);
  json_object_set_object_member (settings, "limits", limits);
  json_object_set_boolean_member (settings, "speak_once", self->settings.speak_once);
  json_object_set_boolean_member (settings, "debate_priority", self->settings.debate_priority);
  json_object_set_object_member (root, "settings", settings);

  if (self->current_item_id != 0)
    json_object_set_int_member (root, "current_item", self->current_item_id);
  else
    json_object_set_null_member (root, "current_item");
  current_turn = find_turn (self, self->current_turn_id);
  json_object_set_member (root, "current_turn",
                          current_turn ? turn_node (self, current_turn, now_ms)
                                       : json_node_new (JSON_NODE_NULL));

  for (guint i = 0; i < self->items->len; i++)
    {
      const ChamberLiveItem *item = g_ptr_array_index (self->items, i);
      JsonObject *object = json_object_new ();
      JsonArray *queue = json_array_new ();
      JsonArray *requests = json_array_new ();
      JsonArray *turns = json_array_new ();
      JsonArray *groups = json_array_new ();

      json_object_set_int_member (object, "id", item->id);
      chamber_json_object_set_optional_string (object, "title", item->title);
      json_object_set_string_member (object, "state", chamber_item_state_to_string (item->state));
      json_object_set_boolean_member (object, "list_closed", item->list_closed);
      for (guint q = 0; q < item->queue->len; q++)
        json_array_add_element (queue,
                                request_node (self,
                                              find_request (self, g_array_index (item->queue,
                                                                                 gint64, q)),
                                              (int) q));
      json_object_set_array_member (object, "queue", queue);
      for (guint g = 0; g < item->groups->len; g++)
        {
          const ChamberLiveGroup *group = g_ptr_array_index (item->groups, g);
          JsonObject *go = json_object_new ();
          JsonArray *respondents = json_array_new ();

          json_object_set_int_member (go, "id", group->id);
          json_object_set_string_member (go, "name", group->name);
          for (guint r = 0; r < group->respondents->len; r++)
            json_array_add_element (respondents,
                                    person_node (self, g_array_index (group->respondents,
                                                                      gint64, r)));
          json_object_set_array_member (go, "respondents", respondents);
          json_array_add_object_element (groups, go);
        }
      json_object_set_array_member (object, "groups", groups);
      for (guint r = 0; r < self->requests->len; r++)
        {
          const ChamberLiveRequest *request = g_ptr_array_index (self->requests, r);

          if (request->item_id == item->id)
            json_array_add_element (requests, request_node (self, request,
                                                            queue_index ((ChamberLiveItem *) item,
                                                                         request->id)));
        }
      json_object_set_array_member (object, "requests", requests);
      for (guint t = 0; t < self->turns->len; t++)
        {
          const ChamberLiveTurn *turn = g_ptr_array_index (self->turns, t);

          if (turn->item_id == item->id)
            json_array_add_element (turns, turn_node (self, turn, now_ms));
        }
      json_object_set_array_member (object, "turns", turns);
      json_array_add_object_element (items, object);
    }
  json_object_set_array_member (root, "items", items);
  return chamber_json_node_take_object (root);
}
