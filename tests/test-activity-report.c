/* test-activity-report.c — the delegate activity report (issue 9) against a real chamberd:
 * sittings recorded through the live channel's commands in two sessions (one outside the
 * term), attendance recorded for some days, the council's weights set over HTTP; then every
 * number and score of the JSON report recomputed here from the raw live events in chamberd's
 * SQLite file and the attendance this test recorded — by a replay of the test's own, not by
 * calling the report's code — and checked against the CSV too; the PDF opened with poppler and
 * holding the delegates' names and the criteria table; what each role may see; and broken,
 * oversized and hostile terms, weights and attendance refused with nothing changed. */
#include "config.h"

#include <libsoup/soup.h>
#include <locale.h>
#include <poppler.h>
#include <sqlite3.h>
#include <string.h>

#include "chamber-client.h"
#include "chamber-pdf.h"
#include "chamber-protocol.h"
#include "chamber-test-util.h"

/* The weights this test sets, in hundredths, in the report's order of criteria. */
static const char *const criteria[] = {
  "sittings", "questions", "debates", "speaking_minutes", "petitions", "findings",
};
static const gint64 weights[] = { 200, 250, 125, 10, 100, 200 };

typedef struct {
  ChamberTestServer *server;
  ChamberClient     *admin, *chair, *secretariat, *a, *b, *c, *official;
  char              *a_token, *official_token, *secretariat_token, *chair_token;
  gint64             in_term, out_of_term, undated, item1, item2;
  gint64             chair_id, a_id, b_id, c_id, d_id, official_id;
  char              *today;
} World;

static gint64
add_person (World *w, const char *name, ChamberRole role, const char *group,
            ChamberClient **out_client, char **out_token)
{
  return chamber_test_add_person (w->server, w->admin, name, role, group, NULL, out_client,
                                  out_token);
}

static gint64
add_session (World *w, int number, const char *starts_on)
{
  return chamber_test_add_session (w->admin, number, NULL, starts_on, NULL);
}

static gint64 last;

static void
command (ChamberClient *client, gint64 session, const char *member, const char *format, ...)
  G_GNUC_PRINTF (4, 5);

static void
command (ChamberClient *client, gint64 session, const char *member, const char *format, ...)
{
  g_autoptr (JsonObject) event = NULL;
  va_list args;

  va_start (args, format);
  event = chamber_test_live_ok_v (client, session, format, args);
  va_end (args);
  if (member != NULL)
    last = json_object_get_int_member (event, member);
}

static GBytes *
http (World *w, const char *token, const char *method, const char *path, const char *body,
      guint *out_status)
{
  g_autoptr (GBytes) bytes = body != NULL ? g_bytes_new (body, strlen (body)) : NULL;

  return chamber_test_http (w->server, token, method, path, bytes, "application/json",
                            out_status);
}

static JsonObject *
parse (GBytes *bytes)
{
  return chamber_test_parse_object (bytes);
}

static char *
vietnam_day_of (gint64 ms)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Asia/Ho_Chi_Minh");
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, "%Y-%m-%d");
}

/* A question, its answer, a debate; pauses; several speakers. */
static void
record (World *w)
{
  gint64 s = w->in_term, off = w->official_id;

  command (w->chair, s, NULL, "{\"type\":\"open-item\",\"item\":%lld}", (long long) w->item1);
  command (w->a, s, "request", "{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\","
           "\"to\":%lld,\"topic\":\"Ngập úng đô thị\"}", (long long) w->item1, (long long) off);
  command (w->b, s, "request", "{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\","
           "\"to\":%lld}", (long long) w->item1, (long long) off);
  command (w->chair, s, NULL, "{\"type\":\"grant\",\"request\":1}");
  g_usleep (120000);
  command (w->chair, s, NULL, "{\"type\":\"pause\"}");
  g_usleep (60000);
  command (w->chair, s, NULL, "{\"type\":\"resume\"}");
  g_usleep (50000);
  command (w->chair, s, NULL, "{\"type\":\"end\"}");
  command (w->chair, s, NULL, "{\"type\":\"grant\",\"request\":2}");
  g_usleep (70000);
  command (w->chair, s, NULL, "{\"type\":\"end\"}");
  command (w->chair, s, NULL, "{\"type\":\"answer\",\"turns\":[1,2]}");
  g_usleep (40000);
  command (w->chair, s, NULL, "{\"type\":\"end\"}");
  command (w->a, s, "request", "{\"type\":\"request\",\"item\":%lld,\"kind\":\"debate\"}",
           (long long) w->item1);
  command (w->chair, s, NULL, "{\"type\":\"grant\",\"request\":%lld}", (long long) last);
  /* Over 3 s: a tenth of a minute once rounded, so that speaking time weighs in the score. */
  g_usleep (3100000);
  command (w->chair, s, NULL, "{\"type\":\"end\"}");
  /* C speaks in discussion, added by the chair (C sends no command of their own). */
  command (w->chair, s, "request", "{\"type\":\"add\",\"person\":%lld,\"kind\":\"discussion\"}",
           (long long) w->c_id);
  command (w->chair, s, NULL, "{\"type\":\"grant\",\"request\":%lld}", (long long) last);
  g_usleep (20000);
  command (w->chair, s, NULL, "{\"type\":\"end\"}");

  /* Outside the term: B asks again; it must not count. */
  command (w->chair, w->out_of_term, NULL, "{\"type\":\"open-item\",\"item\":%lld}",
           (long long) w->item2);
  command (w->b, w->out_of_term, NULL, "{\"type\":\"request\",\"item\":%lld,"
           "\"kind\":\"question\",\"to\":%lld}", (long long) w->item2, (long long) off);
  command (w->chair, w->out_of_term, NULL, "{\"type\":\"grant\",\"request\":1}");
  command (w->chair, w->out_of_term, NULL, "{\"type\":\"end\"}");
}

static World *
world_new (void)
{
  g_autoptr (GError) error = NULL;
  World *w = g_new0 (World, 1);

  w->server = chamber_test_server_start ();
  w->admin = chamber_client_new (w->server->url, w->server->admin_token, &error);
  g_assert_no_error (error);
  w->in_term = add_session (w, 5, "2026-12-08");
  w->out_of_term = add_session (w, 6, "2027-07-01");
  w->undated = add_session (w, 7, NULL);
  w->item1 = chamber_test_add_item (w->admin, w->in_term, "Chất vấn");
  w->item2 = chamber_test_add_item (w->admin, w->out_of_term, "Chất vấn");
  w->chair_id = add_person (w, "Chủ tọa Hà Văn Minh", CHAMBER_ROLE_CHAIR, "Tổ đại biểu số 3",
                            &w->chair, &w->chair_token);
  add_person (w, "Văn phòng", CHAMBER_ROLE_SECRETARIAT, NULL, &w->secretariat,
              &w->secretariat_token);
  w->a_id = add_person (w, "Nguyễn Văn An", CHAMBER_ROLE_DELEGATE, "Tổ đại biểu số 1", &w->a,
                        &w->a_token);
  w->b_id = add_person (w, "Trần Thị Bình", CHAMBER_ROLE_DELEGATE, "Tổ đại biểu số 1", &w->b,
                        NULL);
  w->c_id = add_person (w, "Lê Văn Cường", CHAMBER_ROLE_DELEGATE, "Tổ đại biểu số 2", &w->c,
                        NULL);
  w->d_id = add_person (w, "Đặng Thu Dung", CHAMBER_ROLE_DELEGATE, NULL, NULL, NULL);
  w->official_id = add_person (w, "Võ Thành Công", CHAMBER_ROLE_OFFICIAL, NULL, &w->official,
                               &w->official_token);
  record (w);
  w->today = vietnam_day_of (g_get_real_time () / 1000);
  return w;
}

static void
world_free (World *w)
{
  g_clear_object (&w->admin);
  g_clear_object (&w->chair);
  g_clear_object (&w->secretariat);
  g_clear_object (&w->a);
  g_clear_object (&w->b);
  g_clear_object (&w->c);
  g_clear_object (&w->official);
  g_free (w->a_token);
  g_free (w->official_token);
  g_free (w->secretariat_token);
  g_free (w->chair_token);
  g_free (w->today);
  chamber_test_server_free (w->server);
  g_free (w);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (World, world_free)

/* ---- The independent recomputation --------------------------------------------------------- */

typedef struct {
  gint64      counts[6];   /* sittings, questions, debates, speaking tenths, petitions, findings */
  gint64      speaking_ms;
  GHashTable *days;        /* "day" strings */
} Expected;

typedef struct {
  gint64 speaker;
  char   kind[32];
  gint64 started, paused_at, paused_ms, ended;
} Turn;

/* Replays the events of session @session from the SQLite file: who spoke what for how long,
 * and who acted on which day. Days in @recorded_days (the test's own attendance records) are
 * left to the records. */
static void
replay (World *w, gint64 session, GHashTable *expected, GHashTable *recorded_days)
{
  g_autofree char *db_path = g_build_filename (w->server->data_dir, "chamber.db", NULL);
  g_autoptr (GHashTable) requests = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           g_free);
  g_autoptr (GHashTable) turns = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  Turn *current = NULL;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT body FROM live_events WHERE session_id = ?"
                                           " ORDER BY seq", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, session);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);
      g_autoptr (JsonObject) event = chamber_protocol_parse_object (text, strlen (text), 1 << 20,
                                                                    NULL);
      const char *type = json_object_get_string_member (event, "type");
      gint64 at = json_object_get_int_member (event, "at");
      gint64 actor = json_object_get_int_member_with_default (event, "actor", 0);
      g_autofree char *day = vietnam_day_of (at);
      Expected *e = g_hash_table_lookup (expected, &actor);

      if (e != NULL && !g_hash_table_contains (recorded_days, day))
        g_hash_table_add (e->days, g_strdup (day));
      if (g_str_equal (type, "request") || g_str_equal (type, "add"))
        {
          gint64 id = json_object_get_int_member (event, "request");
          Turn *request = g_new0 (Turn, 1);

          request->speaker = json_object_get_int_member (event, "person");
          g_strlcpy (request->kind, json_object_get_string_member (event, "kind"),
                     sizeof request->kind);
          g_hash_table_insert (requests, g_memdup2 (&id, sizeof id), request);
        }
      else if (g_str_equal (type, "grant"))
        {
          gint64 id = json_object_get_int_member (event, "request");
          gint64 turn_id = json_object_get_int_member (event, "turn");
          Turn *request = g_hash_table_lookup (requests, &id);

          current = g_memdup2 (request, sizeof *request);
          current->started = at;
          g_hash_table_insert (turns, g_memdup2 (&turn_id, sizeof turn_id), current);
        }
      else if (g_str_equal (type, "answer") || g_str_equal (type, "start-turn"))
        current = NULL;  /* an official's, or the chair's: not a delegate's turn */
      else if (g_str_equal (type, "pause") && current != NULL)
        current->paused_at = at;
      else if (g_str_equal (type, "resume") && current != NULL)
        {
          current->paused_ms += at - current->paused_at;
          current->paused_at = 0;
        }
      else if (g_str_equal (type, "end") && current != NULL)
        {
          Expected *speaker = g_hash_table_lookup (expected, &current->speaker);
          g_autofree char *start_day = vietnam_day_of (current->started);

          current->ended = at;
          if (speaker != NULL)
            {
              if (g_str_equal (current->kind, "question"))
                speaker->counts[1]++;
              else if (g_str_equal (current->kind, "debate"))
                speaker->counts[2]++;
              speaker->speaking_ms += current->ended - current->started - current->paused_ms;
              if (!g_hash_table_contains (recorded_days, start_day))
                g_hash_table_add (speaker->days, g_strdup (start_day));
            }
          current = NULL;
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static Expected *
expected_new (void)
{
  Expected *e = g_new0 (Expected, 1);

  e->days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return e;
}

static void
expected_free (Expected *e)
{
  g_hash_table_unref (e->days);
  g_free (e);
}

static gint64
expected_score (const Expected *e)
{
  gint64 total = 0;

  for (int c = 0; c < 6; c++)
    total += weights[c] * (c == 3 ? e->counts[c] : e->counts[c] * 10);
  return total;
}

static char *
format_milli (gint64 milli)
{
  return g_strdup_printf ("%lld.%03lld", (long long) (milli / 1000), (long long) (milli % 1000));
}

/* Voters' petitions and a supervision finding, written straight into chamberd's SQLite file
 * (schema step 10) as the petitions' own endpoints would store them: Tổ 1 raised two petitions
 * in the term and one after it, Tổ 2 one in the term (received, no meeting day); a sample
 * assigned to Tổ 2 has a finding in the term recorded by @recorder and one after the term. */
static void
add_petitions (World *w, gint64 recorder)
{
  g_autofree char *db_path = g_build_filename (w->server->data_dir, "chamber.db", NULL);
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  char *message = NULL;

  sql = g_strdup_printf (
    "INSERT INTO petitions (id, content, folded, meeting_date, received_on, delegate_group,"
    " status, updated_at) VALUES"
    " (1, 'Sửa đường liên xã', 'sua duong lien xa', '2026-05-10', NULL, 'Tổ đại biểu số 1',"
    "  'forwarded', '2026-05-11T00:00:00Z'),"
    " (2, 'Nước sạch cho xã', 'nuoc sach cho xa', '2026-05-10', NULL, 'Tổ đại biểu số 1',"
    "  'resolved', '2026-05-11T00:00:00Z'),"
    " (3, 'Trường học xuống cấp', 'truong hoc xuong cap', '2027-03-01', NULL,"
    "  'Tổ đại biểu số 1', 'forwarded', '2027-03-02T00:00:00Z'),"
    " (4, 'Đèn đường', 'den duong', NULL, '2026-06-01', 'Tổ đại biểu số 2', 'resolved',"
    "  '2026-06-02T00:00:00Z');"
    "INSERT INTO supervision_draws (id, created_at, seed, algorithm, filter, stratify, size,"
    " population, candidates) VALUES (1, '2026-06-10T00:00:00Z', '42', 'test', '{}', 'none', 1,"
    " 2, '[2,4]');"
    "INSERT INTO supervision_samples (id, draw_id, petition_id, stratum, position, assignee)"
    " VALUES (1, 1, 4, '', 1, 'Tổ đại biểu số 2');"
    "INSERT INTO supervision_findings (sample_id, result, at, by) VALUES"
    " (1, 'confirmed', '2026-07-01T03:00:00Z', %lld),"
    " (1, 'partly', '2027-02-01T03:00:00Z', %lld);",
    (long long) recorder, (long long) recorder);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 10000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

/* ---- Tests --------------------------------------------------------------------------------- */

static void
set_weights (World *w)
{
  g_autoptr (GString) body = g_string_new ("{\"weights\": {");
  g_autoptr (GBytes) answer = NULL;
  guint status = 0;

  for (int c = 0; c < 6; c++)
    g_string_append_printf (body, "%s\"%s\": \"%lld.%02lld\"", c > 0 ? ", " : "", criteria[c],
                            (long long) (weights[c] / 100), (long long) (weights[c] % 100));
  g_string_append (body, "}}");
  answer = http (w, w->secretariat_token, "PUT", "/api/v1/reports/criteria", body->str, &status);
  g_assert_cmpuint (status, ==, 200);
}

static void
test_report_numbers (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GHashTable) expected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           (GDestroyNotify) expected_free);
  g_autoptr (GHashTable) recorded = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (JsonObject) object = NULL;
  g_autofree char *body = NULL;
  g_autofree char *attendance = g_strdup_printf ("/api/v1/sessions/%lld/attendance",
                                                 (long long) w->in_term);
  gint64 ids[5];
  JsonObject *report;
  JsonArray *rows, *groups;
  guint status = 0;

  set_weights (w);
  /* Today (the sitting's day) is recorded: A and C present, B absent though B spoke — the
   * records decide a day that has them. D was present on another day with no events. */
  body = g_strdup_printf ("{\"day\": \"%s\", \"present\": [%lld, %lld], \"absent\": [%lld]}",
                          w->today, (long long) w->a_id, (long long) w->c_id,
                          (long long) w->b_id);
  g_bytes_unref (http (w, w->secretariat_token, "POST", attendance, body, &status));
  g_assert_cmpuint (status, ==, 200);
  g_clear_pointer (&body, g_free);
  body = g_strdup_printf ("{\"day\": \"2026-12-09\", \"present\": [%lld]}", (long long) w->d_id);
  g_bytes_unref (http (w, w->secretariat_token, "POST", attendance, body, &status));
  g_assert_cmpuint (status, ==, 200);

  add_petitions (w, w->a_id);

  /* What the report must say, from the raw events and the records. */
  ids[0] = w->chair_id, ids[1] = w->a_id, ids[2] = w->b_id, ids[3] = w->c_id, ids[4] = w->d_id;
  for (int i = 0; i < 5; i++)
    g_hash_table_insert (expected, g_memdup2 (&ids[i], sizeof ids[i]), expected_new ());
  g_hash_table_add (recorded, w->today);
  g_hash_table_add (recorded, "2026-12-09");
  replay (w, w->in_term, expected, recorded);
  {
    Expected *a = g_hash_table_lookup (expected, &w->a_id);
    Expected *c = g_hash_table_lookup (expected, &w->c_id);
    Expected *d = g_hash_table_lookup (expected, &w->d_id);

    g_hash_table_add (a->days, g_strdup (w->today));
    g_hash_table_add (c->days, g_strdup (w->today));
    g_hash_table_add (d->days, g_strdup ("2026-12-09"));
  }
  /* Petitions: Tổ 1's two in the term for A and B, Tổ 2's one for C. Findings: the one in the
   * term, for A who recorded it and for C whose group it was assigned to. */
  ((Expected *) g_hash_table_lookup (expected, &w->a_id))->counts[4] = 2;
  ((Expected *) g_hash_table_lookup (expected, &w->b_id))->counts[4] = 2;
  ((Expected *) g_hash_table_lookup (expected, &w->c_id))->counts[4] = 1;
  ((Expected *) g_hash_table_lookup (expected, &w->a_id))->counts[5] = 1;
  ((Expected *) g_hash_table_lookup (expected, &w->c_id))->counts[5] = 1;
  for (int i = 0; i < 5; i++)
    {
      Expected *e = g_hash_table_lookup (expected, &ids[i]);

      e->counts[0] = g_hash_table_size (e->days);
      e->counts[3] = (e->speaking_ms + 3000) / 6000;
    }
  /* The sitting itself: A asked and debated, B asked, C discussed, D was silent. */
  g_assert_cmpint (((Expected *) g_hash_table_lookup (expected, &w->a_id))->counts[1], ==, 1);
  g_assert_cmpint (((Expected *) g_hash_table_lookup (expected, &w->a_id))->counts[2], ==, 1);
  g_assert_cmpint (((Expected *) g_hash_table_lookup (expected, &w->b_id))->counts[0], ==, 0);
  g_assert_cmpint (((Expected *) g_hash_table_lookup (expected, &w->c_id))->speaking_ms, >, 0);

  answer = http (w, w->secretariat_token, "GET", "/api/v1/reports/delegates?term=2021-2026",
                 NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  object = parse (answer);
  report = json_object_get_object_member (object, "report");
  g_assert_true (json_object_get_boolean_member (report, "petitions_recorded"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (report, "term"),
                                                  "from"),
                   ==, "2021-01-01");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (report, "sessions")), ==,
                    1);
  rows = json_object_get_array_member (report, "delegates");
  g_assert_cmpuint (json_array_get_length (rows), ==, 5);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gint64 person = json_object_get_int_member (row, "person");
      Expected *e = g_hash_table_lookup (expected, &person);
      g_autofree char *score = NULL;
      g_autofree char *minutes = NULL;

      g_assert_nonnull (e);
      g_assert_cmpint (json_object_get_int_member (row, "sittings"), ==, e->counts[0]);
      g_assert_cmpint (json_object_get_int_member (row, "questions"), ==, e->counts[1]);
      g_assert_cmpint (json_object_get_int_member (row, "debates"), ==, e->counts[2]);
      g_assert_cmpint (json_object_get_int_member (row, "speaking_ms"), ==, e->speaking_ms);
      minutes = g_strdup_printf ("%lld.%lld", (long long) (e->counts[3] / 10),
                                 (long long) (e->counts[3] % 10));
      g_assert_cmpstr (json_object_get_string_member (row, "speaking_minutes"), ==, minutes);
      g_assert_cmpint (json_object_get_int_member (row, "petitions"), ==, e->counts[4]);
      g_assert_cmpint (json_object_get_int_member (row, "findings"), ==, e->counts[5]);
      score = format_milli (expected_score (e));
      g_assert_cmpstr (json_object_get_string_member (row, "score"), ==, score);
    }

  /* Groups: totals of their delegates; Tổ 1 is A and B. */
  groups = json_object_get_array_member (report, "groups");
  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *group = json_array_get_object_element (groups, i);

      if (g_strcmp0 (json_object_get_string_member (group, "name"), "Tổ đại biểu số 1") == 0)
        {
          Expected *a = g_hash_table_lookup (expected, &w->a_id);
          Expected *b = g_hash_table_lookup (expected, &w->b_id);
          g_autofree char *score = format_milli (expected_score (a) + expected_score (b));

          g_assert_cmpint (json_object_get_int_member (group, "delegates"), ==, 2);
          g_assert_cmpint (json_object_get_int_member (group, "questions"), ==,
                           a->counts[1] + b->counts[1]);
          g_assert_cmpstr (json_object_get_string_member (group, "score"), ==, score);
        }
    }
  g_assert_cmpuint (json_array_get_length (groups), ==, 4);  /* Tổ 1, 2, 3 and no group */

  /* The criteria are printed with the weights set. */
  {
    JsonArray *printed = json_object_get_array_member (report, "criteria");

    for (guint c = 0; c < 6; c++)
      {
        JsonObject *criterion = json_array_get_object_element (printed, c);

        g_assert_cmpstr (json_object_get_string_member (criterion, "key"), ==, criteria[c]);
        g_assert_cmpint (json_object_get_int_member (criterion, "weight_centi"), ==, weights[c]);
      }
  }

  /* The CSV: a row per delegate with the same score, and the weights' row. */
  {
    g_autoptr (GBytes) csv = http (w, w->secretariat_token, "GET",
                                   "/api/v1/reports/delegates?term=2021-2026&format=csv", NULL,
                                   &status);
    g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
    Expected *a = g_hash_table_lookup (expected, &w->a_id);
    g_autofree char *a_score = format_milli (expected_score (a));
    g_autofree char *a_line = g_strdup_printf ("\"delegate\",\"%lld\",\"Nguyễn Văn An\","
                                               "\"Tổ đại biểu số 1\",\"%lld\",\"1\",\"1\",",
                                               (long long) w->a_id, (long long) a->counts[0]);
    g_autofree char *a_tail = g_strdup_printf (",\"2\",\"1\",\"%s\"\r\n", a_score);

    g_assert_cmpuint (status, ==, 200);
    g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
    g_assert_nonnull (strstr (text, a_line));
    g_assert_nonnull (strstr (text, a_score));
    g_assert_nonnull (strstr (text, a_tail));
    g_assert_nonnull (strstr (text, "\"weight\",\"\",\"Weight\",\"\",\"2.00\",\"2.50\",\"1.25\","
                                    "\"0.10\",\"1.00\",\"2.00\""));
  }
}

static void
test_report_pdf_and_roles (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GBytes) pdf_bytes = NULL;
  g_autoptr (PopplerDocument) pdf = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GBytes) own = NULL;
  g_autoptr (JsonObject) own_object = NULL;
  JsonArray *rows;
  guint status = 0;

  pdf_bytes = http (w, w->secretariat_token, "GET",
                    "/api/v1/reports/delegates?term=2026-01-01..2026-12-31&format=pdf", NULL,
                    &status);
  g_assert_cmpuint (status, ==, 200);
  pdf = poppler_document_new_from_bytes (pdf_bytes, NULL, &error);
  g_assert_no_error (error);
  for (int p = 0; p < poppler_document_get_n_pages (pdf); p++)
    {
      g_autoptr (PopplerPage) page = poppler_document_get_page (pdf, p);
      g_autofree char *raw = poppler_page_get_text (page);
      g_autofree char *nfc = g_utf8_normalize (raw, -1, G_NORMALIZE_NFC);
      double width, height;

      /* A cell's text wraps at spaces: read it as one line. */
      g_strdelimit (nfc, "\n", ' ');
      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat (width, >, height);  /* landscape */
      g_string_append (text, nfc);
    }
  for (const char *const *name = (const char *const[]) { "Nguyễn Văn An", "Trần Thị Bình",
                                                          "Lê Văn Cường", "Đặng Thu Dung",
                                                          "Tổ đại biểu số 1", NULL };
       *name != NULL; name++)
    if (strstr (text->str, *name) == NULL)
      g_error ("“%s” is not in the PDF:\n%s", *name, text->str);
  /* The criteria table: every criterion with its weight (defaults here). */
  g_assert_nonnull (strstr (text->str, "Sittings attended"));
  g_assert_nonnull (strstr (text->str, "Speaking time (minutes)"));
  g_assert_nonnull (strstr (text->str, "0.50"));
  g_assert_nonnull (strstr (text->str, "3.00"));
  g_assert_null (strstr (text->str, "Võ Thành Công"));  /* officials are not delegates */

  /* A delegate sees their own row only; an official nothing. */
  own = http (w, w->a_token, "GET", "/api/v1/reports/delegates?term=2021-2026", NULL, &status);
  g_assert_cmpuint (status, ==, 200);
  own_object = parse (own);
  rows = json_object_get_array_member (json_object_get_object_member (own_object, "report"),
                                       "delegates");
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (rows, 0),
                                               "person"),
                   ==, w->a_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                      json_object_get_object_member (own_object, "report"), "groups")),
                    ==, 0);
  g_bytes_unref (http (w, w->official_token, "GET", "/api/v1/reports/delegates?term=2021-2026",
                       NULL, &status));
  g_assert_cmpuint (status, ==, 403);
  g_bytes_unref (http (w, w->a_token, "PUT", "/api/v1/reports/criteria",
                       "{\"weights\": {\"questions\": 100}}", &status));
  g_assert_cmpuint (status, ==, 403);
  {
    g_autofree char *attendance = g_strdup_printf ("/api/v1/sessions/%lld/attendance",
                                                   (long long) w->in_term);

    g_bytes_unref (http (w, w->chair_token, "POST", attendance,
                         "{\"day\": \"2026-12-08\", \"present\": [1]}", &status));
  }
  g_assert_cmpuint (status, ==, 403);
}

static void
test_hostile_input (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GBytes) before = NULL;
  g_autoptr (GBytes) after = NULL;
  g_autofree char *long_term = g_strnfill (5000, '9');
  g_autofree char *attendance = g_strdup_printf ("/api/v1/sessions/%lld/attendance",
                                                 (long long) w->in_term);
  const char *terms[] = {
    "", "2021", "2026-2021", "2021-2026x", "21-26", "2021-02-30..2021-03-01",
    "2026-12-31..2026-01-01", "..", "2021-01-01..", "../../etc/passwd", "2021%00-2026",
    "%FF%FE", "0000-0001", "2021-2026&format=xml",
  };
  const char *weights_bodies[] = {
    "", "[]", "{}", "{\"weights\": {}}", "{\"weights\": []}",
    "{\"weights\": {\"questions\": -1}}", "{\"weights\": {\"questions\": 1000.01}}",
    "{\"weights\": {\"questions\": 0.001}}", "{\"weights\": {\"questions\": \"1,5\"}}",
    "{\"weights\": {\"questions\": \"1e3\"}}", "{\"weights\": {\"questions\": true}}",
    "{\"weights\": {\"bribes\": 1}}", "{\"weights\": {\"questions\": 1, \"x\": 2}}",
    "{\"weights\": {\"questions\": 1e400}}",
  };
  const char *attendance_bodies[] = {
    "{}", "{\"day\": \"2026-02-30\", \"present\": [1]}", "{\"day\": 20261208, \"present\": [1]}",
    "{\"day\": \"2026-12-08\"}", "{\"day\": \"2026-12-08\", \"present\": [\"1\"]}",
    "{\"day\": \"2026-12-08\", \"present\": [0]}", "{\"day\": \"2026-12-08\", \"present\": 1}",
    "{\"day\": \"../../x\", \"present\": [1]}",
  };
  guint status = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (terms); i++)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/reports/delegates?term=%s", terms[i]);

      g_bytes_unref (http (w, w->secretariat_token, "GET", path, NULL, &status));
      if (status != 400)
        g_error ("term “%s”: %u", terms[i], status);
    }
  {
    g_autofree char *path = g_strdup_printf ("/api/v1/reports/delegates?term=%s", long_term);

    g_bytes_unref (http (w, w->secretariat_token, "GET", path, NULL, &status));
    g_assert_cmpuint (status, >=, 400);
  }
  g_bytes_unref (http (w, w->secretariat_token, "GET",
                       "/api/v1/reports/delegates?term=2021-2026&format=xml", NULL, &status));
  g_assert_cmpuint (status, ==, 400);
  g_bytes_unref (http (w, w->secretariat_token, "GET", "/api/v1/reports/delegates", NULL,
                       &status));
  g_assert_cmpuint (status, ==, 400);

  before = http (w, w->secretariat_token, "GET", "/api/v1/reports/criteria", NULL, &status);
  for (gsize i = 0; i < G_N_ELEMENTS (weights_bodies); i++)
    {
      g_bytes_unref (http (w, w->secretariat_token, "PUT", "/api/v1/reports/criteria",
                           weights_bodies[i], &status));
      if (status != 400)
        g_error ("weights %s: %u", weights_bodies[i], status);
    }
  {
    gsize size = 2 * 1024 * 1024;
    g_autofree char *huge = g_malloc (size + 1);

    memset (huge, ' ', size);
    huge[size] = '\0';
    huge[0] = '{';
    huge[size - 1] = '}';
    g_bytes_unref (http (w, w->secretariat_token, "PUT", "/api/v1/reports/criteria", huge,
                         &status));
    g_assert_cmpuint (status, ==, 413);
  }
  after = http (w, w->secretariat_token, "GET", "/api/v1/reports/criteria", NULL, &status);
  g_assert_true (g_bytes_equal (before, after));

  for (gsize i = 0; i < G_N_ELEMENTS (attendance_bodies); i++)
    {
      g_bytes_unref (http (w, w->secretariat_token, "POST", attendance, attendance_bodies[i],
                           &status));
      if (status != 400)
        g_error ("attendance %s: %u", attendance_bodies[i], status);
    }
  g_bytes_unref (http (w, w->secretariat_token, "POST", attendance,
                       "{\"day\": \"2026-12-08\", \"present\": [999999]}", &status));
  g_assert_cmpuint (status, ==, 404);
  g_bytes_unref (http (w, w->secretariat_token, "POST", "/api/v1/sessions/999999/attendance",
                       "{\"day\": \"2026-12-08\", \"present\": [1]}", &status));
  g_assert_cmpuint (status, ==, 404);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/activity-report/numbers", test_report_numbers);
  g_test_add_func ("/activity-report/pdf-and-roles", test_report_pdf_and_roles);
  g_test_add_func ("/activity-report/hostile-input", test_hostile_input);
  return g_test_run ();
}
