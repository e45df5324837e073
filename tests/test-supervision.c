/* test-supervision.c — the sample draw of petition supervision on a real SQLite store: the
 * generator against the published SplitMix64 reference values, the documented algorithm
 * re-implemented here and compared draw by draw, reproducibility, the filter never left, strata
 * allocated by the largest remainder method, shares rounded up, a chi-square test that the draw
 * is uniform (seeds 1 … K, so the outcome is fixed), findings that put a petition back in
 * progress, and the per-agency rates with their margin recomputed here from the formula. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "chamber-petitions.h"
#include "chamber-supervision.h"
#include "chamber-test-util.h"

typedef struct {
  char         *dir;
  ChamberStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = chamber_test_make_temp_dir ("chamber-supervision-XXXXXX");
  path = g_build_filename (fixture->dir, "chamber.db", NULL);
  fixture->store = chamber_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  chamber_test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static gint64
add_petition (ChamberStore          *store,
              const char            *content,
              const char            *agency,
              const char            *field,
              ChamberPetitionStatus  status)
{
  g_autoptr (ChamberPetition) petition = chamber_petition_new ();
  g_autoptr (GError) error = NULL;

  petition->content = g_strdup (content);
  petition->agency = g_strdup (agency);
  petition->field = g_strdup (field);
  petition->status = status;
  g_assert_true (chamber_petitions_insert (store, petition, 0, &error));
  g_assert_no_error (error);
  return petition->id;
}

/* Agencies A (50 resolved), B (30 resolved), C (20 resolved), and in between petitions of
 * other statuses that must never be drawn. */
static void
add_population (ChamberStore *store)
{
  static const char *const agencies[] = { "Sở A", "Sở B", "Sở C" };
  static const int resolved[] = { 50, 30, 20 };

  for (int a = 0; a < 3; a++)
    for (int i = 0; i < resolved[a]; i++)
      {
        g_autofree char *text = g_strdup_printf ("Kiến nghị số %d của %s", i, agencies[a]);
        g_autofree char *other = g_strdup_printf ("Kiến nghị khác %d của %s", i, agencies[a]);

        add_petition (store, text, agencies[a], i % 2 ? "Y tế" : "Giáo dục",
                      CHAMBER_PETITION_RESOLVED);
        if (i % 3 == 0)
          add_petition (store, other, agencies[a], "Y tế",
                        i % 2 ? CHAMBER_PETITION_IN_PROGRESS : CHAMBER_PETITION_ANSWERED);
      }
}

/* ---- The generator -------------------------------------------------------------------- */

static void
test_splitmix_reference (void)
{
  /* The output of the reference splitmix64.c (Vigna) seeded with 1234567. */
  static const guint64 expected[] = {
    G_GUINT64_CONSTANT (6457827717110365317), G_GUINT64_CONSTANT (3203168211198807973),
    G_GUINT64_CONSTANT (9817491932198370423), G_GUINT64_CONSTANT (4593380528125082431),
    G_GUINT64_CONSTANT (16408922859458223821),
  };
  ChamberSplitMix64 rng;

  chamber_splitmix64_init (&rng, 1234567);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (chamber_splitmix64_next (&rng), ==, expected[i]);

  /* uniform () stays in range, for n of 1 and for an n near 2^64 where rejection matters. */
  chamber_splitmix64_init (&rng, 7);
  for (int i = 0; i < 1000; i++)
    {
      g_assert_cmpuint (chamber_splitmix64_uniform (&rng, 1), ==, 0);
      g_assert_cmpuint (chamber_splitmix64_uniform (&rng, 10), <, 10);
      g_assert_cmpuint (chamber_splitmix64_uniform (&rng, G_MAXUINT64 / 3 * 2), <,
                        G_MAXUINT64 / 3 * 2);
    }
}

/* The algorithm as chamber-supervision.h documents it, written again here. */
static guint64
ref_next (guint64 *state)
{
  guint64 z;

  *state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  z = *state;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static guint64
ref_uniform (guint64 *state,
             guint64  n)
{
  /* Reject the last (2^64 mod n) values. */
  guint64 excess = ((~(guint64) 0) % n + 1) % n;
  guint64 x;

  do
    x = ref_next (state);
  while (excess != 0 && x > ~(guint64) 0 - excess);
  return x % n;
}

static void
ref_sample (const gint64 *ids,
            guint         n,
            guint         k,
            guint64       seed,
            gint64       *out)
{
  g_autofree gint64 *list = g_memdup2 (ids, n * sizeof (gint64));
  guint64 state = seed;

  for (guint i = 0; i < k; i++)
    {
      guint j = i + (guint) ref_uniform (&state, n - i);
      gint64 swap = list[i];

      list[i] = list[j];
      list[j] = swap;
      out[i] = list[i];
    }
}

static void
test_draw_matches_documented_algorithm (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) resolved = NULL;
  ChamberPetitionFilter filter = { CHAMBER_PETITION_RESOLVED, NULL, NULL };
  g_autofree gint64 *ids = NULL;

  add_population (fixture->store);
  resolved = chamber_petitions_list (fixture->store, &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (resolved->len, ==, 100);
  ids = g_new (gint64, resolved->len);
  for (guint i = 0; i < resolved->len; i++)
    ids[i] = ((ChamberPetition *) g_ptr_array_index (resolved, i))->id;

  for (guint64 seed = 0; seed < 20; seed++)
    {
      ChamberDrawSpec spec = { CHAMBER_PETITION_RESOLVED, NULL, NULL, CHAMBER_STRATIFY_NONE,
                               12, 0, seed * G_GUINT64_CONSTANT (0x123456789) };
      g_autoptr (ChamberDraw) draw = chamber_supervision_draw (fixture->store, &spec, 0, &error);
      gint64 expected[12];

      g_assert_no_error (error);
      ref_sample (ids, resolved->len, 12, spec.seed, expected);
      g_assert_cmpuint (draw->samples->len, ==, 12);
      for (guint i = 0; i < 12; i++)
        {
          const ChamberSample *sample = g_ptr_array_index (draw->samples, i);

          g_assert_cmpint (sample->position, ==, i + 1);
          g_assert_cmpint (sample->petition_id, ==, expected[i]);
        }
      /* The record keeps what anyone needs to repeat it. */
      g_assert_cmpuint (draw->candidates->len, ==, 100);
      g_assert_cmpint (g_array_index (draw->candidates, gint64, 0), ==, ids[0]);
      g_assert_cmpstr (draw->algorithm, ==, CHAMBER_SUPERVISION_ALGORITHM);
      {
        g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, spec.seed);

        g_assert_cmpstr (draw->seed, ==, seed_text);
      }
    }
}

static GPtrArray *
sample_ids (const ChamberDraw *draw)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < draw->samples->len; i++)
    g_ptr_array_add (ids, g_strdup_printf ("%lld", (long long) ((ChamberSample *)
                                                                g_ptr_array_index (draw->samples,
                                                                                   i))
                                                      ->petition_id));
  return ids;
}

static void
test_draw_reproducible_and_filtered (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  ChamberDrawSpec spec = { CHAMBER_PETITION_RESOLVED, "sở b", NULL, CHAMBER_STRATIFY_NONE, 7, 0,
                           987654321 };
  g_autoptr (ChamberDraw) first = NULL;
  g_autoptr (ChamberDraw) second = NULL;
  g_autoptr (ChamberDraw) other = NULL;
  g_autoptr (GPtrArray) a = NULL;
  g_autoptr (GPtrArray) b = NULL;
  g_autoptr (GPtrArray) c = NULL;
  gboolean same = TRUE;

  add_population (fixture->store);
  first = chamber_supervision_draw (fixture->store, &spec, 0, &error);
  g_assert_no_error (error);
  second = chamber_supervision_draw (fixture->store, &spec, 0, &error);
  g_assert_no_error (error);
  spec.seed++;
  other = chamber_supervision_draw (fixture->store, &spec, 0, &error);
  g_assert_no_error (error);
  a = sample_ids (first);
  b = sample_ids (second);
  c = sample_ids (other);
  g_assert_cmpuint (a->len, ==, 7);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (a, i), ==, g_ptr_array_index (b, i));
      same = same && g_str_equal (g_ptr_array_index (a, i), g_ptr_array_index (c, i));
    }
  g_assert_false (same);
  g_assert_cmpint (first->population, ==, 30);

  /* Never outside the filter, whatever the seed. */
  for (guint64 seed = 1; seed <= 200; seed++)
    {
      ChamberDrawSpec any = { CHAMBER_PETITION_RESOLVED, NULL, NULL, CHAMBER_STRATIFY_NONE, 0,
                              2500, seed };
      g_autoptr (ChamberDraw) draw = chamber_supervision_draw (fixture->store, &any, 0, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (draw->samples->len, ==, 25);
      for (guint i = 0; i < draw->samples->len; i++)
        {
          const ChamberSample *sample = g_ptr_array_index (draw->samples, i);

          g_assert_cmpint (sample->petition->status, ==, CHAMBER_PETITION_RESOLVED);
          g_assert_nonnull (strstr (sample->petition->content, "Kiến nghị số"));
        }
    }

  /* A filter that matches nothing is refused, and records nothing. */
  {
    ChamberDrawSpec none = { CHAMBER_PETITION_UNRESOLVED, NULL, NULL, CHAMBER_STRATIFY_NONE, 5,
                             0, 1 };
    g_autoptr (ChamberDraw) draw = chamber_supervision_draw (fixture->store, &none, 0, &error);
    g_autoptr (GArray) draws = NULL;

    g_assert_null (draw);
    g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    draws = chamber_supervision_list_draws (fixture->store, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (draws->len, ==, 203);
  }
}

static guint
count_stratum (const ChamberDraw *draw,
               const char        *agency)
{
  guint count = 0;

  for (guint i = 0; i < draw->samples->len; i++)
    {
      const ChamberSample *sample = g_ptr_array_index (draw->samples, i);

      if (g_str_equal (sample->petition->agency, agency))
        {
          g_assert_cmpstr (sample->stratum, ==, agency);
          count++;
        }
    }
  return count;
}

static void
test_draw_strata (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Sizes and the allocation worked out by hand from 50 / 30 / 20 (N = 100):
   * k = 10: 5, 3, 2 exactly. k = 7: 3.5, 2.1, 1.4 → floors 3, 2, 1 (6), the seat left to the
   * largest remainder (A) → 4, 2, 1. k = 9: 4.5, 2.7, 1.8 → 4, 2, 1 (7), two seats to the
   * remainders .8 (C) and .7 (B) → 4, 3, 2. A share of 15 %: k = 15 → 7.5, 4.5, 3 → 7, 4, 3
   * (14), a tie of .5 between A and B goes to A, first in order → 8, 4, 3. */
  static const struct { gint64 size, share_bp; guint a, b, c; } cases[] = {
    { 10, 0, 5, 3, 2 }, { 7, 0, 4, 2, 1 }, { 9, 0, 4, 3, 2 }, { 0, 1500, 8, 4, 3 },
    { 100, 0, 50, 30, 20 }, { 1000, 0, 50, 30, 20 },
  };
  g_autoptr (GError) error = NULL;

  add_population (fixture->store);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint64 seed = 1; seed <= 5; seed++)
      {
        ChamberDrawSpec spec = { CHAMBER_PETITION_RESOLVED, NULL, NULL, CHAMBER_STRATIFY_AGENCY,
                                 cases[i].size, cases[i].share_bp, seed };
        g_autoptr (ChamberDraw) draw = chamber_supervision_draw (fixture->store, &spec, 0,
                                                                 &error);

        g_assert_no_error (error);
        g_assert_cmpuint (count_stratum (draw, "Sở A"), ==, cases[i].a);
        g_assert_cmpuint (count_stratum (draw, "Sở B"), ==, cases[i].b);
        g_assert_cmpuint (count_stratum (draw, "Sở C"), ==, cases[i].c);
        g_assert_cmpuint (draw->strata->len, ==, 3);
        g_assert_cmpint (((ChamberDrawStratum *) g_ptr_array_index (draw->strata, 0))->population,
                         ==, 50);
      }

  /* By field: Y tế and Giáo dục, 50 each among the resolved. */
  {
    ChamberDrawSpec spec = { CHAMBER_PETITION_RESOLVED, NULL, NULL, CHAMBER_STRATIFY_FIELD, 11,
                             0, 3 };
    g_autoptr (ChamberDraw) draw = chamber_supervision_draw (fixture->store, &spec, 0, &error);
    guint health = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < draw->samples->len; i++)
      health += g_str_equal (((ChamberSample *) g_ptr_array_index (draw->samples, i))->petition
                               ->field, "Y tế");
    /* 5.5 each: floors 5 and 5, the seat to the tie's first stratum, "Giáo dục". */
    g_assert_cmpuint (health, ==, 5);
    g_assert_cmpuint (draw->samples->len, ==, 11);
  }
}

static void
test_share (void)
{
  gint64 bp = 0;
  ChamberDrawSpec spec = { -1, NULL, NULL, CHAMBER_STRATIFY_NONE, 0, 0, 0 };

  g_assert_true (chamber_supervision_parse_share ("10", &bp));
  g_assert_cmpint (bp, ==, 1000);
  g_assert_true (chamber_supervision_parse_share ("12.5", &bp));
  g_assert_cmpint (bp, ==, 1250);
  g_assert_true (chamber_supervision_parse_share ("0,25%", &bp));
  g_assert_cmpint (bp, ==, 25);
  g_assert_true (chamber_supervision_parse_share ("100", &bp));
  g_assert_false (chamber_supervision_parse_share ("0", &bp));
  g_assert_false (chamber_supervision_parse_share ("100.01", &bp));
  g_assert_false (chamber_supervision_parse_share ("1.234", &bp));
  g_assert_false (chamber_supervision_parse_share ("-5", &bp));
  g_assert_false (chamber_supervision_parse_share ("abc", &bp));
  g_assert_false (chamber_supervision_parse_share ("", &bp));
  g_assert_false (chamber_supervision_parse_share ("99999999999999999999", &bp));

  spec.share_bp = 1000;
  g_assert_cmpint (chamber_supervision_sample_size (&spec, 95), ==, 10);  /* 9.5 up */
  g_assert_cmpint (chamber_supervision_sample_size (&spec, 90), ==, 9);
  g_assert_cmpint (chamber_supervision_sample_size (&spec, 1), ==, 1);
  spec.share_bp = 0;
  spec.size = 50;
  g_assert_cmpint (chamber_supervision_sample_size (&spec, 20), ==, 20);
}

/* Every candidate is drawn equally often: K draws of k = 5 among N = 20 candidates with seeds
 * 1 … K. Each is expected K k / N = 500 times; the chi-square statistic with 19 degrees of
 * freedom must stay under 43.82, its 0.1 % critical value. The seeds are fixed, so the result
 * is too. */
static void
test_uniform_chi_square (void)
{
  const guint n = 20, k = 5, draws = 2000;
  g_autoptr (GArray) candidates = g_array_new (FALSE, FALSE, sizeof (ChamberDrawCandidate));
  guint counts[20] = { 0, };
  guint first[20] = { 0, };
  double expected = (double) draws * k / n;
  double chi = 0, chi_first = 0;

  for (guint i = 0; i < n; i++)
    {
      ChamberDrawCandidate c = { (gint64) i + 1, "" };

      g_array_append_val (candidates, c);
    }
  for (guint64 seed = 1; seed <= draws; seed++)
    {
      g_autoptr (GArray) drawn = chamber_supervision_sample (candidates, k, seed, NULL);

      g_assert_cmpuint (drawn->len, ==, k);
      for (guint i = 0; i < drawn->len; i++)
        {
          guint index = g_array_index (drawn, guint, i);

          g_assert_cmpuint (index, <, n);
          for (guint j = 0; j < i; j++)
            g_assert_cmpuint (g_array_index (drawn, guint, j), !=, index);
          counts[index]++;
        }
      first[g_array_index (drawn, guint, 0)]++;
    }
  for (guint i = 0; i < n; i++)
    {
      chi += (counts[i] - expected) * (counts[i] - expected) / expected;
      chi_first += (first[i] - draws / (double) n) * (first[i] - draws / (double) n)
                   / (draws / (double) n);
    }
  g_test_message ("chi-square over the sample %.2f, over the first drawn %.2f (19 df)", chi,
                  chi_first);
  g_assert_cmpfloat (chi, <, 43.82);
  g_assert_cmpfloat (chi_first, <, 43.82);
}

static void
test_findings_and_rates (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberDraw) draw = NULL;
  g_autoptr (GPtrArray) checks = NULL;
  ChamberDrawSpec spec = { CHAMBER_PETITION_RESOLVED, NULL, NULL, CHAMBER_STRATIFY_AGENCY, 20, 0,
                           2026 };
  guint confirmed_a = 0, checked_a = 0;
  gboolean partly_done = FALSE;

  add_population (fixture->store);
  draw = chamber_supervision_draw (fixture->store, &spec, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (draw->samples->len, ==, 20);

  /* Agency A: of its 10 drawn, 8 confirmed and 2 not resolved; B: 1 partly; C: unchecked. */
  for (guint i = 0; i < draw->samples->len; i++)
    {
      const ChamberSample *sample = g_ptr_array_index (draw->samples, i);
      g_autoptr (ChamberFinding) finding = NULL;
      ChamberFindingResult result;

      if (g_str_equal (sample->petition->agency, "Sở A"))
        result = checked_a < 8 ? CHAMBER_FINDING_CONFIRMED : CHAMBER_FINDING_NOT_RESOLVED;
      else if (g_str_equal (sample->petition->agency, "Sở B") && !partly_done)
        {
          result = CHAMBER_FINDING_PARTLY;
          partly_done = TRUE;
        }
      else
        continue;
      finding = chamber_supervision_record_finding (fixture->store, sample->id, result,
                                                    "Đoàn giám sát đã kiểm tra tại chỗ", NULL,
                                                    NULL, 0, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (finding->result, ==, result);
      if (g_str_equal (sample->petition->agency, "Sở A"))
        {
          checked_a++;
          confirmed_a += result == CHAMBER_FINDING_CONFIRMED;
        }
      if (result == CHAMBER_FINDING_NOT_RESOLVED)
        {
          g_autoptr (ChamberPetition) now = chamber_petitions_get (fixture->store,
                                                                   sample->petition_id, &error);
          g_autoptr (GPtrArray) history = chamber_petitions_history (fixture->store,
                                                                     sample->petition_id,
                                                                     &error);
          const ChamberPetitionChange *last = g_ptr_array_index (history, history->len - 1);

          g_assert_no_error (error);
          g_assert_cmpint (now->status, ==, CHAMBER_PETITION_IN_PROGRESS);
          g_assert_null (now->resolved_on);
          g_assert_cmpint (last->status, ==, CHAMBER_PETITION_IN_PROGRESS);
          g_assert_cmpint (last->finding_id, ==, finding->id);
        }
    }
  g_assert_cmpuint (checked_a, ==, 10);

  checks = chamber_supervision_agency_checks (fixture->store, draw->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checks->len, ==, 3);
  {
    const ChamberAgencyCheck *a = g_ptr_array_index (checks, 0);
    const ChamberAgencyCheck *b = g_ptr_array_index (checks, 1);
    const ChamberAgencyCheck *c = g_ptr_array_index (checks, 2);
    /* By hand: A has 50 resolved of 50 + 17 others (i % 3 == 0 for i < 50) = 67 petitions;
     * p = 8/10, e = 1.96 √(0.8 · 0.2 / 10) √(40 / 49). */
    double p = 0.8;
    double e = 1.96 * sqrt (p * (1 - p) / 10) * sqrt (40.0 / 49.0);

    g_assert_cmpstr (a->agency, ==, "Sở A");
    g_assert_cmpint (a->petitions, ==, 67);
    g_assert_cmpint (a->reported, ==, 50);
    g_assert_cmpint (a->sampled, ==, 10);
    g_assert_cmpint (a->checked, ==, 10);
    g_assert_cmpint (a->confirmed, ==, confirmed_a);
    g_assert_cmpint (a->not_resolved, ==, 2);
    g_assert_cmpfloat_with_epsilon (a->reported_rate, 50.0 / 67.0, 1e-12);
    g_assert_cmpfloat_with_epsilon (a->verified_share, p, 1e-12);
    g_assert_cmpfloat_with_epsilon (a->margin, e, 1e-12);
    g_assert_cmpfloat_with_epsilon (a->margin, 0.2240000, 1e-6);
    g_assert_cmpfloat_with_epsilon (a->estimated_rate, 50.0 / 67.0 * p, 1e-12);
    g_assert_cmpfloat_with_epsilon (a->estimated_margin, 50.0 / 67.0 * e, 1e-12);
    g_assert_cmpint (b->checked, ==, 1);
    g_assert_cmpint (b->partly, ==, 1);
    g_assert_cmpfloat_with_epsilon (b->verified_share, 0.0, 1e-12);
    g_assert_cmpint (c->checked, ==, 0);
    g_assert_cmpint (c->sampled, ==, 4);
  }
  /* Two values worked out with a calculator. */
  g_assert_cmpfloat_with_epsilon (chamber_supervision_margin (16, 20, 100), 0.1575899, 1e-6);
  g_assert_cmpfloat_with_epsilon (chamber_supervision_margin (5, 10, 40), 0.2718031, 1e-6);
  g_assert_cmpfloat (chamber_supervision_margin (5, 10, 10), ==, 0.0);
  g_assert_cmpfloat (chamber_supervision_margin (0, 0, 10), ==, 0.0);

  /* Findings refuse what they cannot hold, and keep nothing of it. */
  {
    g_autofree char *long_note = g_strnfill (CHAMBER_SUPERVISION_MAX_NOTE + 1, 'x');
    g_autoptr (ChamberFinding) refused =
      chamber_supervision_record_finding (fixture->store, 1, CHAMBER_FINDING_CONFIRMED,
                                          long_note, NULL, NULL, 0, 0, &error);

    g_assert_null (refused);
    g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
    refused = chamber_supervision_record_finding (fixture->store, 999999,
                                                  CHAMBER_FINDING_CONFIRMED, NULL, NULL, NULL, 0,
                                                  0, &error);
    g_assert_null (refused);
    g_assert_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/supervision/splitmix-reference", test_splitmix_reference);
  g_test_add ("/supervision/documented-algorithm", Fixture, NULL, fixture_set_up,
              test_draw_matches_documented_algorithm, fixture_tear_down);
  g_test_add ("/supervision/reproducible-and-filtered", Fixture, NULL, fixture_set_up,
              test_draw_reproducible_and_filtered, fixture_tear_down);
  g_test_add ("/supervision/strata", Fixture, NULL, fixture_set_up, test_draw_strata,
              fixture_tear_down);
  g_test_add_func ("/supervision/share", test_share);
  g_test_add_func ("/supervision/uniform-chi-square", test_uniform_chi_square);
  g_test_add ("/supervision/findings-and-rates", Fixture, NULL, fixture_set_up,
              test_findings_and_rates, fixture_tear_down);
  return g_test_run ();
}
