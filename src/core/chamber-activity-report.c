/* chamber-activity-report.c — the delegate activity report (see chamber-activity-report.h):
 * the sessions of a term replayed one by one (chamber_live_store_load() and
 * chamber_live_stats_compute()), the sitting days each delegate attended from the attendance
 * records or else from the live events, and the scores in exact integer arithmetic; then the
 * JSON, CSV and PDF forms of the same rows. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "chamber-activity-report.h"
#include "chamber-commitments.h"
#include "chamber-live-stats.h"
#include "chamber-live-store.h"
#include "chamber-pdf-writer.h"
#include "chamber-protocol.h"
#include "chamber-store-private.h"

static const char *const criterion_names[CHAMBER_N_CRITERIA] = {
  "sittings", "questions", "debates", "speaking_minutes", "petitions", "findings",
};

static const int default_weights[CHAMBER_N_CRITERIA] = { 200, 300, 200, 50, 100, 200 };

const char *
chamber_criterion_to_string (ChamberCriterion criterion)
{
  g_return_val_if_fail (criterion < CHAMBER_N_CRITERIA, NULL);
  return criterion_names[criterion];
}

gboolean
chamber_criterion_from_string (const char       *str,
                               ChamberCriterion *out)
{
  for (int i = 0; str != NULL && i < CHAMBER_N_CRITERIA; i++)
    if (g_str_equal (str, criterion_names[i]))
      {
        *out = (ChamberCriterion) i;
        return TRUE;
      }
  return FALSE;
}

const char *
chamber_criterion_get_label (ChamberCriterion criterion)
{
  switch (criterion)
    {
    case CHAMBER_CRITERION_SITTINGS:
      return _("Sittings attended");
    case CHAMBER_CRITERION_QUESTIONS:
      return _("Questions");
    case CHAMBER_CRITERION_DEBATES:
      return _("Debates");
    case CHAMBER_CRITERION_SPEAKING_MINUTES:
      return _("Speaking time (minutes)");
    case CHAMBER_CRITERION_PETITIONS:
      return _("Voters' petitions followed");
    case CHAMBER_CRITERION_FINDINGS:
      return _("Supervision findings");
    case CHAMBER_N_CRITERIA:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
chamber_criterion_get_description (ChamberCriterion criterion)
{
  switch (criterion)
    {
    case CHAMBER_CRITERION_SITTINGS:
      return _("Sitting days of the term's sessions the delegate attended: recorded by the "
               "secretariat, or else a live command sent or a turn spoken that day.");
    case CHAMBER_CRITERION_QUESTIONS:
      return _("Question turns the delegate spoke.");
    case CHAMBER_CRITERION_DEBATES:
      return _("Debate turns the delegate spoke.");
    case CHAMBER_CRITERION_SPEAKING_MINUTES:
      return _("Minutes spoken in all the delegate's turns, pauses excluded, rounded to a "
               "tenth.");
    case CHAMBER_CRITERION_PETITIONS:
      return _("Voters' petitions raised at the voters' meetings of the delegate's group "
               "(meeting day in the term).");
    case CHAMBER_CRITERION_FINDINGS:
      return _("Supervision findings recorded in the term on samples assigned to the "
               "delegate's group or committee, or recorded by the delegate.");
    case CHAMBER_N_CRITERIA:
    default:
      g_return_val_if_reached (NULL);
    }
}

int
chamber_criterion_get_default_weight (ChamberCriterion criterion)
{
  g_return_val_if_fail (criterion < CHAMBER_N_CRITERIA, 0);
  return default_weights[criterion];
}

gboolean
chamber_report_parse_weight (const char *text,
                             int        *out_centi)
{
  gint64 whole = 0, fraction = 0;
  int decimals = 0;
  const char *p = text;

  if (text == NULL || !g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > CHAMBER_CRITERION_MAX_WEIGHT_CENTI / 100)
        return FALSE;
    }
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      for (; g_ascii_isdigit (*p); p++)
        {
          if (++decimals > 2)
            return FALSE;
          fraction = fraction * 10 + (*p - '0');
        }
    }
  if (*p != '\0')
    return FALSE;
  if (decimals == 1)
    fraction *= 10;
  if (whole * 100 + fraction > CHAMBER_CRITERION_MAX_WEIGHT_CENTI)
    return FALSE;
  *out_centi = (int) (whole * 100 + fraction);
  return TRUE;
}

char *
chamber_report_format_centi (gint64 centi)
{
  return g_strdup_printf ("%lld.%02lld", (long long) (centi / 100), (long long) (centi % 100));
}

char *
chamber_report_format_score (gint64 score_milli)
{
  return g_strdup_printf ("%lld.%03lld", (long long) (score_milli / 1000),
                          (long long) (score_milli % 1000));
}

static char *
format_tenths (gint64 tenths)
{
  return g_strdup_printf ("%lld.%lld", (long long) (tenths / 10), (long long) (tenths % 10));
}

gboolean
chamber_report_get_weights (ChamberStore *store,
                            int           out_centi[CHAMBER_N_CRITERIA],
                            GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  gboolean row = FALSE;

  memcpy (out_centi, default_weights, sizeof default_weights);
  stmt = chamber_store_prepare (store, "SELECT criterion, weight_centi FROM report_criteria",
                                error);
  if (stmt == NULL)
    return FALSE;
  for (;;)
    {
      ChamberCriterion criterion;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      if (chamber_criterion_from_string ((const char *) sqlite3_column_text (stmt, 0),
                                         &criterion))
        out_centi[criterion] = sqlite3_column_int (stmt, 1);
    }
  return TRUE;
}

gboolean
chamber_report_set_weight (ChamberStore    *store,
                           ChamberCriterion criterion,
                           int              weight_centi,
                           gint64           person_id,
                           GError         **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *now = chamber_store_now_utc ();

  g_return_val_if_fail (criterion < CHAMBER_N_CRITERIA, FALSE);

  if (weight_centi < -1 || weight_centi > CHAMBER_CRITERION_MAX_WEIGHT_CENTI)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                   _("A weight must be from 0 to %d, with at most two decimals."),
                   CHAMBER_CRITERION_MAX_WEIGHT_CENTI / 100);
      return FALSE;
    }
  if (weight_centi < 0)
    stmt = chamber_store_prepare (store, "DELETE FROM report_criteria WHERE criterion = ?1",
                                  error);
  else
    stmt = chamber_store_prepare (store,
                                  "INSERT INTO report_criteria (criterion, weight_centi,"
                                  " updated_at, updated_by) VALUES (?1, ?2, ?3, ?4)"
                                  " ON CONFLICT (criterion) DO UPDATE SET"
                                  " weight_centi = excluded.weight_centi,"
                                  " updated_at = excluded.updated_at,"
                                  " updated_by = excluded.updated_by",
                                  error);
  if (stmt == NULL)
    return FALSE;
  chamber_store_bind_text (stmt, 1, criterion_names[criterion]);
  if (weight_centi >= 0)
    {
      sqlite3_bind_int (stmt, 2, weight_centi);
      chamber_store_bind_text (stmt, 3, now);
      chamber_store_bind_id_or_null (stmt, 4, person_id);
    }
  return chamber_store_step_done (store, stmt, error);
}

static gboolean valid_day (const char *text);

gboolean
chamber_report_set_attendance (ChamberStore *store,
                               gint64        session_id,
                               gint64        person_id,
                               const char   *day,
                               gboolean      present,
                               gint64        recorded_by,
                               GError      **error)
{
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *now = chamber_store_now_utc ();

  if (day == NULL || !valid_day (day))
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                   _("The day must be a valid date written YYYY-MM-DD."));
      return FALSE;
    }
  session = chamber_store_get_session (store, session_id, error);
  if (session == NULL)
    return FALSE;
  person = chamber_store_get_person (store, person_id, error);
  if (person == NULL)
    return FALSE;
  stmt = chamber_store_prepare (store,
                                "INSERT INTO attendance (session_id, person_id, day, present,"
                                " recorded_at, recorded_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
                                " ON CONFLICT (session_id, person_id, day) DO UPDATE SET"
                                " present = excluded.present, recorded_at = excluded.recorded_at,"
                                " recorded_by = excluded.recorded_by",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  chamber_store_bind_text (stmt, 3, day);
  sqlite3_bind_int (stmt, 4, present ? 1 : 0);
  chamber_store_bind_text (stmt, 5, now);
  chamber_store_bind_id_or_null (stmt, 6, recorded_by);
  return chamber_store_step_done (store, stmt, error);
}

/* ---- Terms -------------------------------------------------------------------------------- */

static gboolean
valid_day (const char *text)
{
  int y, m, d;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

static gboolean
valid_year (const char *text)
{
  if (strlen (text) != 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  return text[0] != '0';
}

gboolean
chamber_report_parse_term (const char *term,
                           char      **out_from,
                           char      **out_to,
                           GError    **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *dots;

  if (term == NULL || strlen (term) > 64)
    goto invalid;
  dots = strstr (term, "..");
  if (dots != NULL)
    {
      from = g_strndup (term, dots - term);
      to = g_strdup (dots + 2);
      if (!valid_day (from) || !valid_day (to))
        goto invalid;
    }
  else if (strlen (term) == 9 && term[4] == '-')
    {
      g_autofree char *first = g_strndup (term, 4);
      g_autofree char *last = g_strdup (term + 5);

      if (!valid_year (first) || !valid_year (last))
        goto invalid;
      from = g_strdup_printf ("%s-01-01", first);
      to = g_strdup_printf ("%s-12-31", last);
    }
  else
    goto invalid;
  if (strcmp (from, to) > 0)
    {
      g_set_error_literal (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                           _("The term ends before it begins: check the dates."));
      return FALSE;
    }
  *out_from = g_steal_pointer (&from);
  *out_to = g_steal_pointer (&to);
  return TRUE;

invalid:
  g_set_error_literal (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                       _("A term is written YYYY-YYYY (e.g. 2021-2026) or "
                         "YYYY-MM-DD..YYYY-MM-DD."));
  return FALSE;
}

/* ---- Computing ---------------------------------------------------------------------------- */

static void
row_free (ChamberActivityRow *row)
{
  g_free (row->name);
  g_free (row->group);
  g_free (row);
}

void
chamber_activity_report_free (ChamberActivityReport *report)
{
  if (report == NULL)
    return;
  g_free (report->term);
  g_free (report->from);
  g_free (report->to);
  g_free (report->council_name);
  g_clear_pointer (&report->sessions, g_ptr_array_unref);
  g_clear_pointer (&report->delegates, g_ptr_array_unref);
  g_clear_pointer (&report->groups, g_ptr_array_unref);
  g_free (report);
}

/* The value of @criterion in @row, in tenths. */
static gint64
value_tenths (const ChamberActivityRow *row,
              ChamberCriterion          criterion)
{
  if (criterion == CHAMBER_CRITERION_SPEAKING_MINUTES)
    return row->counts[criterion];
  return row->counts[criterion] * 10;
}

/* Adds (person, day) to @days of @session_id, day keys "SESSION/YYYY-MM-DD". */
static void
add_day (GHashTable *days,
         gint64      person_id,
         gint64      session_id,
         const char *day)
{
  GHashTable *set = g_hash_table_lookup (days, &person_id);

  if (day == NULL)
    return;
  if (set == NULL)
    {
      set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (days, g_memdup2 (&person_id, sizeof person_id), set);
    }
  g_hash_table_add (set, g_strdup_printf ("%lld/%s", (long long) session_id, day));
}

/* The sitting days of @session_id each person attended, into @days: the attendance records
 * where the secretariat kept any for a day, the live events and turns on the other days. */
static gboolean
add_attendance (ChamberStore     *store,
                gint64            session_id,
                ChamberLiveState *state,
                GHashTable       *days,
                GError          **error)
{
  g_autoptr (GHashTable) recorded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  GPtrArray *turns = chamber_live_state_get_turns (state);
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store,
                                "SELECT person_id, day, present FROM attendance"
                                " WHERE session_id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  for (;;)
    {
      const char *day;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      day = (const char *) sqlite3_column_text (stmt, 1);
      g_hash_table_add (recorded, g_strdup (day));
      if (sqlite3_column_int (stmt, 2) != 0)
        add_day (days, sqlite3_column_int64 (stmt, 0), session_id, day);
    }
  g_clear_pointer (&stmt, chamber_store_statement_release);

  stmt = chamber_store_prepare (store,
                                "SELECT person_id, at_ms FROM live_events"
                                " WHERE session_id = ?1 AND person_id IS NOT NULL",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  for (;;)
    {
      g_autofree char *day = NULL;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      day = chamber_commitments_day_of (sqlite3_column_int64 (stmt, 1));
      if (day != NULL && !g_hash_table_contains (recorded, day))
        add_day (days, sqlite3_column_int64 (stmt, 0), session_id, day);
    }
  for (guint t = 0; t < turns->len; t++)
    {
      const ChamberLiveTurn *turn = g_ptr_array_index (turns, t);
      g_autofree char *day = chamber_commitments_day_of (turn->started_at);

      if (day != NULL && !g_hash_table_contains (recorded, day))
        add_day (days, turn->speaker_id, session_id, day);
    }
  return TRUE;
}

/* Whether the store has the voters' petitions and supervision (schema step 10). */
static gboolean
petitions_recorded (ChamberStore *store,
                    gboolean     *out,
                    GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;

  stmt = chamber_store_prepare (store,
                                "SELECT count (*) FROM sqlite_master WHERE type = 'table'"
                                " AND name IN ('petitions', 'supervision_samples',"
                                "              'supervision_findings')",
                                error);
  if (stmt == NULL || !chamber_store_step_row (store, stmt, out, error))
    return FALSE;
  *out = sqlite3_column_int (stmt, 0) == 3;
  return TRUE;
}

/* The petitions @row's delegate followed and the findings they took part in over the term:
 * the petitions raised at the voters' meetings of their delegate group (meeting day, else the
 * day received, in the term); the supervision findings recorded in the term on samples assigned
 * to their delegate group or committee, or recorded by them. */
static gboolean
add_petitions (ChamberStore       *store,
               ChamberActivityRow *row,
               const char         *from,
               const char         *to,
               GError            **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  gboolean found = FALSE;

  stmt = chamber_store_prepare (store,
                                "SELECT count (*) FROM petitions t, people p"
                                " WHERE p.id = ?1 AND p.group_name IS NOT NULL"
                                " AND t.delegate_group = p.group_name"
                                " AND coalesce (t.meeting_date, t.received_on) BETWEEN ?2 AND ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->person_id);
  chamber_store_bind_text (stmt, 2, from);
  chamber_store_bind_text (stmt, 3, to);
  if (!chamber_store_step_row (store, stmt, &found, error))
    return FALSE;
  row->counts[CHAMBER_CRITERION_PETITIONS] = found ? sqlite3_column_int64 (stmt, 0) : 0;
  g_clear_pointer (&stmt, chamber_store_statement_release);

  stmt = chamber_store_prepare (store,
                                "SELECT count (DISTINCT f.id) FROM supervision_findings f"
                                " JOIN supervision_samples s ON s.id = f.sample_id, people p"
                                " WHERE p.id = ?1 AND substr (f.at, 1, 10) BETWEEN ?2 AND ?3"
                                " AND (f.by = p.id OR s.assignee = p.group_name"
                                "      OR s.assignee = p.committee)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->person_id);
  chamber_store_bind_text (stmt, 2, from);
  chamber_store_bind_text (stmt, 3, to);
  if (!chamber_store_step_row (store, stmt, &found, error))
    return FALSE;
  row->counts[CHAMBER_CRITERION_FINDINGS] = found ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const ChamberSession *sa = *(ChamberSession *const *) a;
  const ChamberSession *sb = *(ChamberSession *const *) b;

  if (sa->number != sb->number)
    return sa->number < sb->number ? -1 : 1;
  return sa->id < sb->id ? -1 : sa->id > sb->id;
}

static int
compare_names (const char *a,
               const char *b)
{
  if (a == NULL || b == NULL)
    return a == NULL ? (b == NULL ? 0 : 1) : -1;
  return g_utf8_collate (a, b);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const ChamberActivityRow *ra = *(ChamberActivityRow *const *) a;
  const ChamberActivityRow *rb = *(ChamberActivityRow *const *) b;
  int order = compare_names (ra->group, rb->group);

  if (order == 0)
    order = compare_names (ra->name, rb->name);
  if (order == 0)
    order = ra->person_id < rb->person_id ? -1 : ra->person_id > rb->person_id;
  return order;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const ChamberActivityRow *ra = *(ChamberActivityRow *const *) a;
  const ChamberActivityRow *rb = *(ChamberActivityRow *const *) b;

  return compare_names (ra->name, rb->name);
}

static gint64
score (const ChamberActivityRow *row,
       const int                 weights[CHAMBER_N_CRITERIA])
{
  gint64 total = 0;

  for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
    total += (gint64) weights[c] * value_tenths (row, (ChamberCriterion) c);
  return total;
}

ChamberActivityReport *
chamber_activity_report_compute (ChamberStore *store,
                                 const char   *term,
                                 gint64        now_ms,
                                 gint64        only_person,
                                 GError      **error)
{
  g_autoptr (ChamberActivityReport) report = g_new0 (ChamberActivityReport, 1);
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GHashTable) rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GHashTable) days =
    g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                           (GDestroyNotify) g_hash_table_unref);
  g_autoptr (GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *term_name = NULL;
  ChamberActivityRow *no_group = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  if (!chamber_report_parse_term (term, &report->from, &report->to, error))
    return NULL;
  report->term = g_strdup (term);
  report->generated_at = now_ms;
  if (!petitions_recorded (store, &report->petitions_recorded, error))
    return NULL;
  {
    g_autoptr (GError) council_error = NULL;

    if (!chamber_store_get_council (store, &report->council_name, &term_name, &council_error)
        && council_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&council_error));
        return NULL;
      }
  }
  if (!chamber_report_get_weights (store, report->weights, error))
    return NULL;

  /* The delegates: every delegate and chair of the directory. */
  people = chamber_store_list_people (store, error);
  if (people == NULL)
    return NULL;
  report->delegates = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  report->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (guint i = 0; i < people->len; i++)
    {
      const ChamberPerson *person = g_ptr_array_index (people, i);
      ChamberActivityRow *row;

      if (person->role != CHAMBER_ROLE_DELEGATE && person->role != CHAMBER_ROLE_CHAIR)
        continue;
      if (only_person > 0 && person->id != only_person)
        continue;
      row = g_new0 (ChamberActivityRow, 1);
      row->person_id = person->id;
      row->name = g_strdup (person->name);
      row->group = g_strdup (person->group_name);
      g_ptr_array_add (report->delegates, row);
      g_hash_table_insert (rows, &row->person_id, row);
    }

  /* The sessions of the term, each replayed. */
  sessions = chamber_store_list_sessions (store, error);
  if (sessions == NULL)
    return NULL;
  report->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_session_free);
  for (guint i = 0; i < sessions->len; i++)
    {
      ChamberSession *session = g_ptr_array_index (sessions, i);
      const char *first = session->starts_on != NULL ? session->starts_on : session->ends_on;

      if (first != NULL && strcmp (first, report->from) >= 0 && strcmp (first, report->to) <= 0)
        g_ptr_array_add (report->sessions, g_ptr_array_steal_index (sessions, i--));
    }
  g_ptr_array_sort (report->sessions, compare_sessions);

  for (guint i = 0; i < report->sessions->len; i++)
    {
      const ChamberSession *session = g_ptr_array_index (report->sessions, i);
      g_autoptr (ChamberLiveState) state = chamber_live_store_load (store, session->id, error);
      g_autoptr (ChamberLiveStats) stats = NULL;

      if (state == NULL || !add_attendance (store, session->id, state, days, error))
        return NULL;
      stats = chamber_live_stats_compute (state, 0, now_ms);
      for (guint d = 0; d < stats->delegates->len; d++)
        {
          const ChamberLiveStatsPerson *stat = g_ptr_array_index (stats->delegates, d);
          ChamberActivityRow *row = g_hash_table_lookup (rows, &stat->person_id);

          if (row == NULL)
            continue;
          row->counts[CHAMBER_CRITERION_QUESTIONS] += stat->questions;
          row->counts[CHAMBER_CRITERION_DEBATES] += stat->debates;
          row->speaking_ms += stat->speaking_ms;
        }
    }

  g_hash_table_iter_init (&iter, days);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      ChamberActivityRow *row = g_hash_table_lookup (rows, key);

      if (row != NULL)
        row->counts[CHAMBER_CRITERION_SITTINGS] = g_hash_table_size (value);
    }

  /* Scores, then the groups. */
  g_ptr_array_sort (report->delegates, compare_rows);
  for (guint i = 0; i < report->delegates->len; i++)
    {
      ChamberActivityRow *row = g_ptr_array_index (report->delegates, i);
      ChamberActivityRow *group;

      if (report->petitions_recorded
          && !add_petitions (store, row, report->from, report->to, error))
        return NULL;
      /* Minutes rounded to a tenth, half up. */
      row->counts[CHAMBER_CRITERION_SPEAKING_MINUTES] = (row->speaking_ms + 3000) / 6000;
      row->score_milli = score (row, report->weights);
      if (only_person > 0)
        continue;
      group = row->group != NULL ? g_hash_table_lookup (groups, row->group) : no_group;
      if (group == NULL)
        {
          group = g_new0 (ChamberActivityRow, 1);
          group->name = g_strdup (row->group);
          g_ptr_array_add (report->groups, group);
          if (row->group != NULL)
            g_hash_table_insert (groups, group->name, group);
          else
            no_group = group;
        }
      group->delegates++;
      for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
        group->counts[c] += row->counts[c];
      group->speaking_ms += row->speaking_ms;
      group->score_milli += row->score_milli;
    }
  g_ptr_array_sort (report->groups, compare_groups);
  return g_steal_pointer (&report);
}

/* ---- JSON, CSV, PDF ----------------------------------------------------------------------- */

static JsonNode *
row_to_json (const ChamberActivityRow *row,
             gboolean                  group)
{
  JsonObject *object = json_object_new ();
  g_autofree char *minutes = format_tenths (row->counts[CHAMBER_CRITERION_SPEAKING_MINUTES]);
  g_autofree char *total = chamber_report_format_score (row->score_milli);

  if (!group)
    json_object_set_int_member (object, "person", row->person_id);
  json_object_set_string_member (object, "name", row->name);
  if (group)
    json_object_set_int_member (object, "delegates", row->delegates);
  else
    json_object_set_string_member (object, "group", row->group);
  json_object_set_int_member (object, "sittings", row->counts[CHAMBER_CRITERION_SITTINGS]);
  json_object_set_int_member (object, "questions", row->counts[CHAMBER_CRITERION_QUESTIONS]);
  json_object_set_int_member (object, "debates", row->counts[CHAMBER_CRITERION_DEBATES]);
  json_object_set_int_member (object, "speaking_ms", row->speaking_ms);
  json_object_set_string_member (object, "speaking_minutes", minutes);
  json_object_set_int_member (object, "petitions", row->counts[CHAMBER_CRITERION_PETITIONS]);
  json_object_set_int_member (object, "findings", row->counts[CHAMBER_CRITERION_FINDINGS]);
  json_object_set_string_member (object, "score", total);
  json_object_set_int_member (object, "score_milli", row->score_milli);
  return chamber_json_node_take_object (object);
}

JsonNode *
chamber_activity_report_to_json (const ChamberActivityReport *report)
{
  JsonObject *object = json_object_new ();
  JsonObject *term = json_object_new ();
  JsonArray *sessions = json_array_new ();
  JsonArray *criteria = json_array_new ();
  JsonArray *delegates = json_array_new ();
  JsonArray *groups = json_array_new ();

  json_object_set_string_member (term, "name", report->term);
  json_object_set_string_member (term, "from", report->from);
  json_object_set_string_member (term, "to", report->to);
  json_object_set_object_member (object, "term", term);
  json_object_set_int_member (object, "generated_at", report->generated_at);
  for (guint i = 0; i < report->sessions->len; i++)
    {
      const ChamberSession *session = g_ptr_array_index (report->sessions, i);
      JsonObject *s = json_object_new ();

      json_object_set_int_member (s, "id", session->id);
      json_object_set_int_member (s, "number", session->number);
      json_object_set_string_member (s, "title", session->title);
      json_object_set_string_member (s, "starts_on", session->starts_on);
      json_object_set_string_member (s, "ends_on", session->ends_on);
      json_array_add_object_element (sessions, s);
    }
  json_object_set_array_member (object, "sessions", sessions);
  for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
    {
      JsonObject *criterion = json_object_new ();
      g_autofree char *weight = chamber_report_format_centi (report->weights[c]);

      json_object_set_string_member (criterion, "key", criterion_names[c]);
      json_object_set_string_member (criterion, "label",
                                     chamber_criterion_get_label ((ChamberCriterion) c));
      json_object_set_string_member (criterion, "description",
                                     chamber_criterion_get_description ((ChamberCriterion) c));
      json_object_set_string_member (criterion, "weight", weight);
      json_object_set_int_member (criterion, "weight_centi", report->weights[c]);
      json_array_add_object_element (criteria, criterion);
    }
  json_object_set_array_member (object, "criteria", criteria);
  json_object_set_boolean_member (object, "petitions_recorded", report->petitions_recorded);
  for (guint i = 0; i < report->delegates->len; i++)
    json_array_add_element (delegates, row_to_json (g_ptr_array_index (report->delegates, i),
                                                    FALSE));
  json_object_set_array_member (object, "delegates", delegates);
  for (guint i = 0; i < report->groups->len; i++)
    json_array_add_element (groups, row_to_json (g_ptr_array_index (report->groups, i), TRUE));
  json_object_set_array_member (object, "groups", groups);
  return chamber_json_node_take_object (object);
}

/* The cells of a row after its kind, id, name and group: the six values and the score. */
static void
row_values (const ChamberActivityRow *row,
            char                     *out[CHAMBER_N_CRITERIA + 1])
{
  for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
    out[c] = c == CHAMBER_CRITERION_SPEAKING_MINUTES
               ? format_tenths (row->counts[c])
               : g_strdup_printf ("%lld", (long long) row->counts[c]);
  out[CHAMBER_N_CRITERIA] = chamber_report_format_score (row->score_milli);
}

static void
csv_row (GString           *csv,
         const char *const *cells,
         guint              n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, cells[i]);
    }
  g_string_append (csv, "\r\n");
}

GBytes *
chamber_activity_report_to_csv (const ChamberActivityReport *report)
{
  GString *csv = g_string_new ("\xEF\xBB\xBF");
  const char *header[4 + CHAMBER_N_CRITERIA + 1] = {
    _("Kind"), _("Id"), _("Name"), _("Group"),
  };
  const char *cells[G_N_ELEMENTS (header)];

  for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
    header[4 + c] = chamber_criterion_get_label ((ChamberCriterion) c);
  header[4 + CHAMBER_N_CRITERIA] = _("Score");
  csv_row (csv, header, G_N_ELEMENTS (header));

  for (int kind = 0; kind < 2; kind++)
    {
      GPtrArray *rows = kind == 0 ? report->delegates : report->groups;

      for (guint i = 0; i < rows->len; i++)
        {
          const ChamberActivityRow *row = g_ptr_array_index (rows, i);
          g_autofree char *id = kind == 0 ? g_strdup_printf ("%lld", (long long) row->person_id)
                                          : g_strdup_printf ("%u", row->delegates);
          char *values[CHAMBER_N_CRITERIA + 1];

          row_values (row, values);
          cells[0] = kind == 0 ? "delegate" : "group";
          cells[1] = id;
          cells[2] = row->name != NULL ? row->name : _("No group");
          cells[3] = kind == 0 ? row->group : NULL;
          for (int c = 0; c <= CHAMBER_N_CRITERIA; c++)
            cells[4 + c] = values[c];
          csv_row (csv, cells, G_N_ELEMENTS (cells));
          for (int c = 0; c <= CHAMBER_N_CRITERIA; c++)
            g_free (values[c]);
        }
    }

  /* The weights, in the columns they weigh. */
  {
    char *weights[CHAMBER_N_CRITERIA];

    cells[0] = "weight";
    cells[1] = NULL;
    cells[2] = _("Weight");
    cells[3] = NULL;
    for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
      cells[4 + c] = weights[c] = chamber_report_format_centi (report->weights[c]);
    cells[4 + CHAMBER_N_CRITERIA] = NULL;
    csv_row (csv, cells, G_N_ELEMENTS (cells));
    for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
      g_free (weights[c]);
  }
  return g_string_free_to_bytes (csv);
}

GBytes *
chamber_activity_report_to_pdf (const ChamberActivityReport *report,
                                GError                     **error)
{
  const char *title = _("Delegate activity report");
  g_autoptr (ChamberPdfWriter) pdf = chamber_pdf_writer_new (TRUE, title);
  g_autofree char *from = chamber_date_format (report->from);
  g_autofree char *to = chamber_date_format (report->to);
  g_autofree char *line = NULL;
  g_autofree char *today = chamber_commitments_day_of (report->generated_at);
  g_autofree char *today_text = chamber_date_format (today);
  g_autoptr (GString) sessions = g_string_new (NULL);
  const char *criteria_titles[] = { _("Criterion"), _("How it is counted"), _("Weight") };
  const double criteria_widths[] = { 0.22, 0.63, 0.15 };
  const gboolean criteria_numeric[] = { FALSE, FALSE, TRUE };
  const char *titles[4 + CHAMBER_N_CRITERIA + 1];
  const double widths[] = { 0.04, 0.17, 0.13, 0.08, 0.08, 0.08, 0.1, 0.1, 0.1, 0.12 };
  const gboolean numeric[] = { TRUE, FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  const char *group_titles[] = {
    _("No."), _("Delegate group"), _("Delegates"), NULL, NULL, NULL, NULL, NULL, NULL,
    _("Score (total)"),
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (widths) == 4 + CHAMBER_N_CRITERIA);

  chamber_pdf_writer_letterhead (pdf, report->council_name);
  chamber_pdf_writer_title (pdf, title);
  line = g_strdup_printf (_("Term %s: from %s to %s"), report->term, from, to);
  chamber_pdf_writer_paragraph (pdf, CHAMBER_PDF_TEXT_CENTRED, line);
  g_clear_pointer (&line, g_free);
  for (guint i = 0; i < report->sessions->len; i++)
    {
      const ChamberSession *session = g_ptr_array_index (report->sessions, i);

      if (i > 0)
        g_string_append (sessions, "; ");
      g_string_append_printf (sessions, _("session %d (%s)"), session->number, session->title);
    }
  if (report->sessions->len == 0)
    g_string_append (sessions, _("none"));
  line = g_strdup_printf (_("Sessions counted: %s."), sessions->str);
  chamber_pdf_writer_paragraph (pdf, CHAMBER_PDF_TEXT_BODY, line);
  g_clear_pointer (&line, g_free);

  /* The criteria and their weights, first, so that every score below can be recomputed. */
  chamber_pdf_writer_table (pdf, _("Criteria and weights set by the council"),
                            G_N_ELEMENTS (criteria_titles), criteria_titles, criteria_widths,
                            criteria_numeric);
  for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
    {
      g_autofree char *weight = chamber_report_format_centi (report->weights[c]);
      const char *cells[] = {
        chamber_criterion_get_label ((ChamberCriterion) c),
        chamber_criterion_get_description ((ChamberCriterion) c), weight,
      };

      chamber_pdf_writer_row (pdf, cells, FALSE);
    }
  chamber_pdf_writer_paragraph (pdf, CHAMBER_PDF_TEXT_BODY,
                                _("Score = the sum over the criteria of weight × value."));
  if (!report->petitions_recorded)
    chamber_pdf_writer_paragraph (pdf, CHAMBER_PDF_TEXT_SMALL,
                                  _("This server records no voters' petitions or supervision "
                                    "findings: they count 0."));

  titles[0] = _("No.");
  titles[1] = _("Delegate");
  titles[2] = _("Delegate group");
  for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
    titles[3 + c] = chamber_criterion_get_label ((ChamberCriterion) c);
  titles[3 + CHAMBER_N_CRITERIA] = _("Score");
  chamber_pdf_writer_table (pdf, _("Delegates"), G_N_ELEMENTS (widths), titles, widths,
                            numeric);
  for (guint i = 0; i < report->delegates->len; i++)
    {
      const ChamberActivityRow *row = g_ptr_array_index (report->delegates, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      char *values[CHAMBER_N_CRITERIA + 1];
      const char *cells[G_N_ELEMENTS (widths)];

      row_values (row, values);
      cells[0] = number;
      cells[1] = row->name;
      cells[2] = row->group;
      for (int c = 0; c <= CHAMBER_N_CRITERIA; c++)
        cells[3 + c] = values[c];
      chamber_pdf_writer_row (pdf, cells, FALSE);
      for (int c = 0; c <= CHAMBER_N_CRITERIA; c++)
        g_free (values[c]);
    }

  if (report->groups->len > 0)
    {
      for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
        group_titles[3 + c] = chamber_criterion_get_label ((ChamberCriterion) c);
      chamber_pdf_writer_table (pdf, _("Delegate groups (totals of their delegates)"),
                                G_N_ELEMENTS (widths), group_titles, widths, numeric);
      for (guint i = 0; i < report->groups->len; i++)
        {
          const ChamberActivityRow *row = g_ptr_array_index (report->groups, i);
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_autofree char *members = g_strdup_printf ("%u", row->delegates);
          char *values[CHAMBER_N_CRITERIA + 1];
          const char *cells[G_N_ELEMENTS (widths)];

          row_values (row, values);
          cells[0] = number;
          cells[1] = row->name != NULL ? row->name : _("No group");
          cells[2] = members;
          for (int c = 0; c <= CHAMBER_N_CRITERIA; c++)
            cells[3 + c] = values[c];
          chamber_pdf_writer_row (pdf, cells, FALSE);
          for (int c = 0; c <= CHAMBER_N_CRITERIA; c++)
            g_free (values[c]);
        }
    }
  line = g_strdup_printf (_("Made by Chamber on %s from the sessions' recorded live events."),
                          today_text != NULL ? today_text : "");
  chamber_pdf_writer_paragraph (pdf, CHAMBER_PDF_TEXT_SMALL, line);
  return chamber_pdf_writer_finish (pdf, error);
}
