/* chamber-commitments.c — the commitments register (see chamber-commitments.h): read from the
 * live state of each session with live events (replayed by chamber_live_store_load()), joined
 * with the `commit` events that give each commitment its register id and with the statuses the
 * secretariat set (table commitment_status, schema step 8). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-commitments.h"
#include "chamber-followup.h"
#include "chamber-live-store.h"
#include "chamber-protocol.h"
#include "chamber-store-private.h"

static const char *const status_names[CHAMBER_N_COMMITMENT_STATUSES] = {
  "open", "done", "overdue", "in-progress",
};

const char *
chamber_commitment_status_to_string (ChamberCommitmentStatus status)
{
  g_return_val_if_fail (status < CHAMBER_N_COMMITMENT_STATUSES, NULL);
  return status_names[status];
}

gboolean
chamber_commitment_status_from_string (const char              *str,
                                       ChamberCommitmentStatus *out)
{
  for (int i = 0; str != NULL && i < CHAMBER_N_COMMITMENT_STATUSES; i++)
    if (g_str_equal (str, status_names[i]))
      {
        *out = (ChamberCommitmentStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
chamber_commitment_status_get_label (ChamberCommitmentStatus status)
{
  switch (status)
    {
    case CHAMBER_COMMITMENT_OPEN:
      return C_("commitment status", "Open");
    case CHAMBER_COMMITMENT_DONE:
      return _("Done");
    case CHAMBER_COMMITMENT_OVERDUE:
      return _("Overdue");
    case CHAMBER_COMMITMENT_IN_PROGRESS:
      return C_("commitment status", "In progress");
    case CHAMBER_N_COMMITMENT_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
chamber_commitment_free (ChamberCommitment *commitment)
{
  if (commitment == NULL)
    return;
  g_free (commitment->session_title);
  g_free (commitment->item_title);
  g_free (commitment->turn_kind);
  g_free (commitment->what);
  g_free (commitment->owner_name);
  g_free (commitment->owner_title);
  g_free (commitment->owner_agency);
  g_free (commitment->due);
  g_free (commitment->note);
  g_free (commitment->updated_at);
  g_free (commitment);
}

/* The council's time zone; "+07:00" (Viet Nam keeps no summer time) when the system has no
 * time zone database. */
static GTimeZone *
council_time_zone (void)
{
  GTimeZone *zone = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");

  return zone != NULL ? zone : g_time_zone_new_offset (7 * 3600);
}

char *
chamber_commitments_day_of (gint64 ms)
{
  g_autoptr (GTimeZone) zone = council_time_zone ();
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000 - (ms % 1000 < 0));
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;
  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, "%Y-%m-%d");
}

char *
chamber_commitments_today (void)
{
  return chamber_commitments_day_of (g_get_real_time () / 1000);
}

/* The follow-up of one commitment: its register id and what the secretariat set. */
typedef struct {
  gint64  event_id;
  gboolean has_status;
  gboolean done;
  char    *note;
  char    *updated_at;
  gint64   updated_by;
  gboolean in_progress;
  guint    updates;
} Follow;

static void
follow_free (Follow *follow)
{
  g_free (follow->note);
  g_free (follow->updated_at);
  g_free (follow);
}

/* Commitment id within @session_id → Follow, from the session's `commit` events. */
static GHashTable *
read_follows (ChamberStore *store,
              gint64        session_id,
              GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GHashTable) follows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                          (GDestroyNotify) follow_free);
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store,
                                "SELECT e.id, json_extract (e.body, '$.commitment'), s.done,"
                                " s.note, s.updated_at, s.updated_by,"
                                " (SELECT u.status FROM commitment_updates u"
                                "   WHERE u.event_id = e.id ORDER BY u.id DESC LIMIT 1),"
                                " (SELECT count (*) FROM commitment_updates u"
                                "   WHERE u.event_id = e.id)"
                                " FROM live_events e"
                                " LEFT JOIN commitment_status s ON s.event_id = e.id"
                                " WHERE e.session_id = ?1 AND e.type = 'commit'",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, session_id);
  for (;;)
    {
      Follow *follow;
      gint64 commitment_id;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      follow = g_new0 (Follow, 1);
      follow->event_id = sqlite3_column_int64 (stmt, 0);
      follow->has_status = sqlite3_column_type (stmt, 2) != SQLITE_NULL;
      follow->done = sqlite3_column_int (stmt, 2) != 0;
      follow->note = chamber_store_column_dup (stmt, 3);
      follow->updated_at = chamber_store_column_dup (stmt, 4);
      follow->updated_by = sqlite3_column_int64 (stmt, 5);
      follow->in_progress = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 6),
                                       "in-progress") == 0;
      follow->updates = (guint) sqlite3_column_int64 (stmt, 7);
      commitment_id = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (follows, g_memdup2 (&commitment_id, sizeof commitment_id), follow);
    }
  return g_steal_pointer (&follows);
}

static gboolean
commitment_done (const Follow *follow)
{
  return follow->has_status && follow->done;
}

static gboolean
matches (const ChamberCommitment       *commitment,
         const ChamberCommitmentFilter *filter)
{
  if (filter == NULL)
    return TRUE;
  if (filter->status >= 0 && (int) commitment->status != filter->status)
    return FALSE;
  if (filter->owner_id > 0 && commitment->owner_id != filter->owner_id)
    return FALSE;
  return TRUE;
}

/* Adds the commitments of session @session_id matching @filter (and @only_id when not 0). */
static gboolean
add_session (ChamberStore                  *store,
             gint64                         session_id,
             const ChamberCommitmentFilter *filter,
             gint64                         only_id,
             const char                    *today,
             GPtrArray                     *out,
             GError                       **error)
{
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (ChamberLiveState) state = NULL;
  g_autoptr (GHashTable) follows = NULL;
  GPtrArray *turns;

  session = chamber_store_get_session (store, session_id, error);
  if (session == NULL)
    return FALSE;
  state = chamber_live_store_load (store, session_id, error);
  if (state == NULL)
    return FALSE;
  follows = read_follows (store, session_id, error);
  if (follows == NULL)
    return FALSE;

  turns = chamber_live_state_get_turns (state);
  for (guint t = 0; t < turns->len; t++)
    {
      const ChamberLiveTurn *turn = g_ptr_array_index (turns, t);
      const ChamberLiveItem *item = chamber_live_state_get_item (state, turn->item_id);

      for (guint c = 0; c < turn->commitments->len; c++)
        {
          const ChamberLiveCommitment *live = g_ptr_array_index (turn->commitments, c);
          const Follow *follow = g_hash_table_lookup (follows, &live->id);
          const ChamberPerson *owner = chamber_live_state_lookup_person (state, live->owner_id);
          g_autoptr (ChamberCommitment) commitment = NULL;

          /* Every commitment of the state came from a stored event. */
          if (follow == NULL || (only_id != 0 && follow->event_id != only_id))
            continue;
          commitment = g_new0 (ChamberCommitment, 1);
          commitment->id = follow->event_id;
          commitment->session_id = session_id;
          commitment->session_number = session->number;
          commitment->session_title = g_strdup (session->title);
          commitment->item_id = turn->item_id;
          commitment->item_title = g_strdup (item != NULL ? item->title : NULL);
          commitment->turn_id = turn->id;
          commitment->turn_kind = g_strdup (chamber_live_kind_to_string (turn->kind));
          commitment->commitment_id = live->id;
          commitment->what = g_strdup (live->what);
          commitment->owner_id = live->owner_id;
          if (owner != NULL)
            {
              commitment->owner_name = g_strdup (owner->name);
              commitment->owner_title = g_strdup (owner->title);
              commitment->owner_agency = g_strdup (owner->agency);
            }
          commitment->due = g_strdup (live->due);
          commitment->created_at = live->created_at;
          if (follow->has_status && follow->done)
            commitment->status = CHAMBER_COMMITMENT_DONE;
          else if (live->due != NULL && today != NULL && strcmp (live->due, today) < 0)
            commitment->status = CHAMBER_COMMITMENT_OVERDUE;
          else if (follow->in_progress)
            commitment->status = CHAMBER_COMMITMENT_IN_PROGRESS;
          else
            commitment->status = CHAMBER_COMMITMENT_OPEN;
          commitment->note = g_strdup (follow->note);
          commitment->updated_at = g_strdup (follow->updated_at);
          commitment->updated_by = follow->updated_by;
          commitment->in_progress = follow->in_progress && !commitment_done (follow);
          commitment->updates = follow->updates;
          if (matches (commitment, filter))
            g_ptr_array_add (out, g_steal_pointer (&commitment));
        }
    }
  return TRUE;
}

static int
compare_commitments (gconstpointer a,
                     gconstpointer b)
{
  const ChamberCommitment *ca = *(ChamberCommitment *const *) a;
  const ChamberCommitment *cb = *(ChamberCommitment *const *) b;

  if (ca->session_id != cb->session_id)
    return ca->session_id < cb->session_id ? -1 : 1;
  return ca->commitment_id < cb->commitment_id ? -1 : ca->commitment_id > cb->commitment_id;
}

GPtrArray *
chamber_commitments_list (ChamberStore                  *store,
                          const ChamberCommitmentFilter *filter,
                          const char                    *today,
                          GError                       **error)
{
  g_autoptr (GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_commitment_free);
  g_autoptr (GArray) sessions = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  sessions = chamber_live_store_list_sessions (store, error);
  if (sessions == NULL)
    return NULL;
  for (guint i = 0; i < sessions->len; i++)
    {
      gint64 session_id = g_array_index (sessions, gint64, i);

      if (filter != NULL && filter->session_id > 0 && filter->session_id != session_id)
        continue;
      if (!add_session (store, session_id, filter, 0, today, out, error))
        return NULL;
    }
  g_ptr_array_sort (out, compare_commitments);
  return g_steal_pointer (&out);
}

/* The session of the `commit` event @id, or 0. */
static gboolean
event_session (ChamberStore *store,
               gint64        id,
               gint64       *out_session,
               GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store,
                                "SELECT session_id FROM live_events WHERE id = ?1"
                                " AND type = 'commit'",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!chamber_store_step_row (store, stmt, &row, error))
    return FALSE;
  *out_session = row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

ChamberCommitment *
chamber_commitments_get (ChamberStore *store,
                         gint64        id,
                         const char   *today,
                         GError      **error)
{
  g_autoptr (GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_commitment_free);
  gint64 session_id = 0;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  if (id > 0 && !event_session (store, id, &session_id, error))
    return NULL;
  if (session_id != 0 && !add_session (store, session_id, NULL, id, today, out, error))
    return NULL;
  if (out->len == 0)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
                   _("There is no commitment %lld in the register (it may have been taken "
                     "back in the sitting)."),
                   (long long) id);
      return NULL;
    }
  return g_ptr_array_steal_index (out, 0);
}

gboolean
chamber_commitments_set_done (ChamberStore *store,
                              gint64        id,
                              gboolean      done,
                              const char   *note,
                              gint64        person_id,
                              GError      **error)
{
  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);

  return chamber_followup_record_update (store, NULL, id, done ? "done" : "open", note, NULL,
                                         person_id, NULL, error);
}

JsonNode *
chamber_commitment_to_json (const ChamberCommitment *commitment)
{
  JsonObject *object = json_object_new ();
  JsonObject *session = json_object_new ();
  JsonObject *item = json_object_new ();
  JsonObject *owner = json_object_new ();

  json_object_set_int_member (object, "id", commitment->id);
  json_object_set_int_member (session, "id", commitment->session_id);
  json_object_set_int_member (session, "number", commitment->session_number);
  json_object_set_string_member (session, "title", commitment->session_title);
  json_object_set_object_member (object, "session", session);
  json_object_set_int_member (item, "id", commitment->item_id);
  json_object_set_string_member (item, "title", commitment->item_title);
  json_object_set_object_member (object, "item", item);
  json_object_set_int_member (object, "turn", commitment->turn_id);
  json_object_set_string_member (object, "turn_kind", commitment->turn_kind);
  json_object_set_int_member (object, "commitment", commitment->commitment_id);
  json_object_set_string_member (object, "what", commitment->what);
  json_object_set_int_member (owner, "id", commitment->owner_id);
  json_object_set_string_member (owner, "name", commitment->owner_name);
  json_object_set_string_member (owner, "title", commitment->owner_title);
  json_object_set_string_member (owner, "agency", commitment->owner_agency);
  json_object_set_object_member (object, "owner", owner);
  json_object_set_string_member (object, "due", commitment->due);
  json_object_set_int_member (object, "created_at", commitment->created_at);
  json_object_set_string_member (object, "status",
                                 chamber_commitment_status_to_string (commitment->status));
  json_object_set_string_member (object, "progress",
                                 commitment->status == CHAMBER_COMMITMENT_DONE ? "done"
                                 : commitment->in_progress ? "in-progress" : "open");
  json_object_set_int_member (object, "updates", commitment->updates);
  json_object_set_string_member (object, "note", commitment->note);
  json_object_set_string_member (object, "updated_at", commitment->updated_at);
  if (commitment->updated_by > 0)
    json_object_set_int_member (object, "updated_by", commitment->updated_by);
  else
    json_object_set_null_member (object, "updated_by");
  return chamber_json_node_take_object (object);
}

void
chamber_csv_append_field (GString    *csv,
                          const char *field)
{
  g_string_append_c (csv, '"');
  /* A cell a spreadsheet would read as a formula is written as text. */
  if (field != NULL && field[0] != '\0' && strchr ("=+-@\t\r", field[0]) != NULL)
    g_string_append_c (csv, '\'');
  for (const char *p = field; p != NULL && *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

static void
append_number (GString *csv,
               gint64   value)
{
  g_string_append_printf (csv, "%lld", (long long) value);
}

GBytes *
chamber_commitments_to_csv (GPtrArray *commitments)
{
  GString *csv = g_string_new ("\xEF\xBB\xBF");
  const char *const header[] = {
    N_("Id"), N_("Session"), N_("Item"), N_("Turn"), N_("Owner"), N_("Title"),
    N_("Commitment"), N_("Due"), N_("Status"), N_("Note"),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (header); i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, _(header[i]));
    }
  g_string_append (csv, "\r\n");
  for (guint i = 0; commitments != NULL && i < commitments->len; i++)
    {
      const ChamberCommitment *c = g_ptr_array_index (commitments, i);
      g_autofree char *session = g_strdup_printf ("%d", c->session_number);

      append_number (csv, c->id);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, c->session_title != NULL ? c->session_title : session);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, c->item_title);
      g_string_append_c (csv, ',');
      append_number (csv, c->turn_id);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, c->owner_name);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, c->owner_title);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, c->what);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, c->due);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, chamber_commitment_status_get_label (c->status));
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, c->note);
      g_string_append (csv, "\r\n");
    }
  return g_string_free_to_bytes (csv);
}
