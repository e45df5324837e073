/* chamber-live-stats.c — the statistics of a live sitting (see chamber-live-stats.h): one pass
 * over the turns of a ChamberLiveState, adding each to its speaker (a delegate's turn or a
 * respondent's answer), to the respondent of a question, and to the delegate's group. */
#include "config.h"

#include "chamber-live-stats.h"
#include "chamber-protocol.h"

static void
person_free (ChamberLiveStatsPerson *person)
{
  g_free (person->name);
  g_free (person->title);
  g_free (person->agency);
  g_free (person->group);
  g_free (person);
}

static void
group_free (ChamberLiveStatsGroup *group)
{
  g_free (group->name);
  g_free (group);
}

void
chamber_live_stats_free (ChamberLiveStats *stats)
{
  if (stats == NULL)
    return;
  g_ptr_array_unref (stats->delegates);
  g_ptr_array_unref (stats->respondents);
  g_ptr_array_unref (stats->groups);
  g_free (stats);
}

/* The entry of @person_id in @people, added (with the directory's name and titles) when it is
 * not there yet. */
static ChamberLiveStatsPerson *
person_entry (ChamberLiveState *state,
              GPtrArray        *people,
              gint64            person_id)
{
  const ChamberPerson *known;
  ChamberLiveStatsPerson *entry;

  for (guint i = 0; i < people->len; i++)
    {
      entry = g_ptr_array_index (people, i);
      if (entry->person_id == person_id)
        return entry;
    }
  entry = g_new0 (ChamberLiveStatsPerson, 1);
  entry->person_id = person_id;
  known = chamber_live_state_lookup_person (state, person_id);
  if (known != NULL)
    {
      entry->name = g_strdup (known->name);
      entry->title = g_strdup (known->title);
      entry->agency = g_strdup (known->agency);
      entry->group = g_strdup (known->group_name);
    }
  g_ptr_array_add (people, entry);
  return entry;
}

static ChamberLiveStatsGroup *
group_entry (GPtrArray  *groups,
             const char *name)
{
  ChamberLiveStatsGroup *entry;

  for (guint i = 0; i < groups->len; i++)
    {
      entry = g_ptr_array_index (groups, i);
      if (g_strcmp0 (entry->name, name) == 0)
        return entry;
    }
  entry = g_new0 (ChamberLiveStatsGroup, 1);
  entry->name = g_strdup (name);
  g_ptr_array_add (groups, entry);
  return entry;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const ChamberLiveStatsGroup *ga = *(ChamberLiveStatsGroup *const *) a;
  const ChamberLiveStatsGroup *gb = *(ChamberLiveStatsGroup *const *) b;

  if (ga->name == NULL || gb->name == NULL)
    return (ga->name == NULL) - (gb->name == NULL);
  return g_utf8_collate (ga->name, gb->name);
}

ChamberLiveStats *
chamber_live_stats_compute (ChamberLiveState *state,
                            gint64            item_id,
                            gint64            now_ms)
{
  ChamberLiveStats *stats;
  GPtrArray *turns;

  g_return_val_if_fail (state != NULL, NULL);

  stats = g_new0 (ChamberLiveStats, 1);
  stats->delegates = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  stats->respondents = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  stats->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);

  turns = chamber_live_state_get_turns (state);
  for (guint i = 0; i < turns->len; i++)
    {
      const ChamberLiveTurn *turn = g_ptr_array_index (turns, i);
      gint64 used_ms;
      gboolean overtime;
      ChamberLiveStatsPerson *person;

      if (item_id != 0 && turn->item_id != item_id)
        continue;
      used_ms = chamber_live_turn_used_ms (turn, now_ms);
      overtime = used_ms > (gint64) turn->allotted_s * 1000;
      stats->turns++;
      stats->total_ms += used_ms;

      switch (turn->kind)
        {
        case CHAMBER_LIVE_QUESTION:
        case CHAMBER_LIVE_DEBATE:
        case CHAMBER_LIVE_DISCUSSION:
        case CHAMBER_LIVE_POINT_OF_ORDER:
          {
            ChamberLiveStatsGroup *group;
            gboolean first_turn;

            person = person_entry (state, stats->delegates, turn->speaker_id);
            first_turn = person->questions + person->debates + person->discussions
                         + person->points_of_order == 0;
            person->speaking_ms += used_ms;
            if (overtime)
              person->overtime_turns++;
            group = group_entry (stats->groups, person->group);
            if (first_turn)
              group->delegates++;
            group->speaking_ms += used_ms;
            if (turn->kind == CHAMBER_LIVE_QUESTION)
              {
                person->questions++;
                group->questions++;
                if (turn->respondent_id != 0)
                  person_entry (state, stats->respondents,
                                turn->respondent_id)->questions_received++;
              }
            else if (turn->kind == CHAMBER_LIVE_DEBATE)
              {
                person->debates++;
                group->debates++;
              }
            else if (turn->kind == CHAMBER_LIVE_DISCUSSION)
              {
                person->discussions++;
                group->discussions++;
              }
            else
              person->points_of_order++;
          }
          break;
        case CHAMBER_LIVE_ANSWER:
        case CHAMBER_LIVE_EXPLANATION:
          person = person_entry (state, stats->respondents, turn->speaker_id);
          person->answers++;
          person->answer_ms += used_ms;
          if (overtime)
            person->overtime_turns++;
          break;
        case CHAMBER_LIVE_CONCLUSION:
        case CHAMBER_LIVE_N_KINDS:
        default:
          break;
        }
    }
  g_ptr_array_sort (stats->groups, compare_groups);
  return stats;
}

static JsonNode *
person_node (const ChamberLiveStatsPerson *person)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", person->person_id);
  json_object_set_string_member (object, "name", person->name);
  json_object_set_string_member (object, "title", person->title);
  json_object_set_string_member (object, "agency", person->agency);
  json_object_set_string_member (object, "group", person->group);
  return chamber_json_node_take_object (object);
}

JsonNode *
chamber_live_stats_to_json (const ChamberLiveStats *stats)
{
  JsonObject *root = json_object_new ();
  JsonArray *delegates = json_array_new ();
  JsonArray *respondents = json_array_new ();
  JsonArray *groups = json_array_new ();

  g_return_val_if_fail (stats != NULL, NULL);

  json_object_set_int_member (root, "turns", stats->turns);
  json_object_set_int_member (root, "total_ms", stats->total_ms);
  for (guint i = 0; i < stats->delegates->len; i++)
    {
      const ChamberLiveStatsPerson *person = g_ptr_array_index (stats->delegates, i);
      JsonObject *object = json_object_new ();

      json_object_set_member (object, "person", person_node (person));
      json_object_set_int_member (object, "questions", person->questions);
      json_object_set_int_member (object, "debates", person->debates);
      json_object_set_int_member (object, "discussions", person->discussions);
      json_object_set_int_member (object, "points_of_order", person->points_of_order);
      json_object_set_int_member (object, "speaking_ms", person->speaking_ms);
      json_object_set_int_member (object, "overtime_turns", person->overtime_turns);
      json_array_add_object_element (delegates, object);
    }
  for (guint i = 0; i < stats->respondents->len; i++)
    {
      const ChamberLiveStatsPerson *person = g_ptr_array_index (stats->respondents, i);
      JsonObject *object = json_object_new ();

      json_object_set_member (object, "person", person_node (person));
      json_object_set_int_member (object, "questions_received", person->questions_received);
      json_object_set_int_member (object, "answers", person->answers);
      json_object_set_int_member (object, "answer_ms", person->answer_ms);
      json_object_set_int_member (object, "overtime_turns", person->overtime_turns);
      json_array_add_object_element (respondents, object);
    }
  for (guint i = 0; i < stats->groups->len; i++)
    {
      const ChamberLiveStatsGroup *group = g_ptr_array_index (stats->groups, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "name", group->name);
      json_object_set_int_member (object, "delegates", group->delegates);
      json_object_set_int_member (object, "questions", group->questions);
      json_object_set_int_member (object, "debates", group->debates);
      json_object_set_int_member (object, "discussions", group->discussions);
      json_object_set_int_member (object, "speaking_ms", group->speaking_ms);
      json_array_add_object_element (groups, object);
    }
  json_object_set_array_member (root, "delegates", delegates);
  json_object_set_array_member (root, "respondents", respondents);
  json_object_set_array_member (root, "groups", groups);
  return chamber_json_node_take_object (root);
}
