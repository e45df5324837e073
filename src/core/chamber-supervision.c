/* chamber-supervision.c — sample supervision of voter petitions (see chamber-supervision.h):
 * the SplitMix64 generator and the draw it drives, the record of each draw in the store
 * (tables supervision_* of schema step 10), assignments, findings (a finding "not resolved"
 * puts the petition back in progress), and the per-agency rates verified on a sample with their
 * margin of error. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "chamber-protocol.h"
#include "chamber-store-private.h"
#include "chamber-supervision.h"

/* ---- The generator ----------------------------------------------------------------------- */

void
chamber_splitmix64_init (ChamberSplitMix64 *rng,
                         guint64            seed)
{
  rng->state = seed;
}

guint64
chamber_splitmix64_next (ChamberSplitMix64 *rng)
{
  guint64 z;

  rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
  z = rng->state;
  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

guint64
chamber_splitmix64_uniform (ChamberSplitMix64 *rng,
                            guint64            n)
{
  /* 2^64 mod n, computed as (2^64 - n) mod n in 64 bits. */
  guint64 excess = (G_MAXUINT64 - n + 1) % n;
  guint64 bound = G_MAXUINT64 - excess + 1;  /* 2^64 - excess; 0 means 2^64 */
  guint64 x;

  g_return_val_if_fail (n >= 1, 0);
  do
    x = chamber_splitmix64_next (rng);
  while (bound != 0 && x >= bound);
  return x % n;
}

guint64
chamber_supervision_random_seed (void)
{
  guint64 seed = 0;
  g_autoptr (GFile) file = g_file_new_for_path ("/dev/urandom");
  g_autoptr (GFileInputStream) in = g_file_read (file, NULL, NULL);
  gsize got = 0;

  if (in != NULL
      && g_input_stream_read_all (G_INPUT_STREAM (in), &seed, sizeof seed, &got, NULL, NULL)
      && got == sizeof seed)
    return seed;
  return ((guint64) g_random_int () << 32) | g_random_int ();
}

/* ---- Names ------------------------------------------------------------------------------- */

static const char *const stratify_names[CHAMBER_N_STRATIFY] = { "none", "agency", "field" };

const char *
chamber_stratify_to_string (ChamberStratify by)
{
  g_return_val_if_fail (by < CHAMBER_N_STRATIFY, NULL);
  return stratify_names[by];
}

gboolean
chamber_stratify_from_string (const char      *str,
                              ChamberStratify *out)
{
  for (int i = 0; str != NULL && i < CHAMBER_N_STRATIFY; i++)
    if (g_str_equal (str, stratify_names[i]))
      {
        *out = (ChamberStratify) i;
        return TRUE;
      }
  return FALSE;
}

static const char *const finding_names[CHAMBER_N_FINDINGS] = {
  "confirmed", "partly", "not-resolved",
};

const char *
chamber_finding_result_to_string (ChamberFindingResult result)
{
  g_return_val_if_fail (result < CHAMBER_N_FINDINGS, NULL);
  return finding_names[result];
}

gboolean
chamber_finding_result_from_string (const char           *str,
                                    ChamberFindingResult *out)
{
  for (int i = 0; str != NULL && i < CHAMBER_N_FINDINGS; i++)
    if (g_str_equal (str, finding_names[i]))
      {
        *out = (ChamberFindingResult) i;
        return TRUE;
      }
  return FALSE;
}

const char *
chamber_finding_result_get_label (ChamberFindingResult result)
{
  switch (result)
    {
    case CHAMBER_FINDING_CONFIRMED:
      return _("confirmed resolved");
    case CHAMBER_FINDING_PARTLY:
      return _("partly resolved");
    case CHAMBER_FINDING_NOT_RESOLVED:
      return _("not resolved");
    case CHAMBER_N_FINDINGS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
chamber_finding_result_get_title (ChamberFindingResult result)
{
  switch (result)
    {
    case CHAMBER_FINDING_CONFIRMED:
      return _("Confirmed resolved");
    case CHAMBER_FINDING_PARTLY:
      return _("Partly resolved");
    case CHAMBER_FINDING_NOT_RESOLVED:
      return _("Not resolved");
    case CHAMBER_N_FINDINGS:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
chamber_supervision_parse_share (const char *text,
                                 gint64     *out_bp)
{
  gint64 whole = 0, hundredths = 0;
  const char *p = text;
  int decimals = 0;

  if (text == NULL || !g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > 100)
        return FALSE;
    }
  if (*p == '.' || *p == ',')
    {
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (++decimals > 2)
            return FALSE;
          hundredths = hundredths * 10 + (*p - '0');
        }
      if (decimals == 0)
        return FALSE;
      if (decimals == 1)
        hundredths *= 10;
    }
  if (*p == '%')
    p++;
  if (*p != '\0')
    return FALSE;
  *out_bp = whole * 100 + hundredths;
  return *out_bp >= 1 && *out_bp <= 10000;
}

gint64
chamber_supervision_sample_size (const ChamberDrawSpec *spec,
                                 gint64                 n)
{
  gint64 k;

  if (spec->size > 0)
    k = spec->size;
  else
    k = (n * spec->share_bp + 9999) / 10000;
  return CLAMP (k, 0, n);
}

/* ---- The draw ---------------------------------------------------------------------------- */

static void
stratum_free (ChamberDrawStratum *stratum)
{
  g_free (stratum->name);
  g_free (stratum);
}

typedef struct {
  const char *name;
  GArray     *members;   /* guint indexes into the candidates, in id order */
  gint64      quota;
  gint64      remainder;
  guint       order;
} Stratum;

static int
compare_stratum_names (gconstpointer a,
                       gconstpointer b)
{
  const Stratum *sa = *(Stratum *const *) a;
  const Stratum *sb = *(Stratum *const *) b;

  return strcmp (sa->name, sb->name);
}

static int
compare_remainders (gconstpointer a,
                    gconstpointer b)
{
  const Stratum *sa = *(Stratum *const *) a;
  const Stratum *sb = *(Stratum *const *) b;

  if (sa->remainder != sb->remainder)
    return sa->remainder > sb->remainder ? -1 : 1;
  return sa->order < sb->order ? -1 : sa->order > sb->order;
}

static void
stratum_clear (gpointer data)
{
  Stratum *stratum = data;

  g_array_unref (stratum->members);
  g_free (stratum);
}

GArray *
chamber_supervision_sample (const GArray *candidates,
                            gint64        size,
                            guint64       seed,
                            GPtrArray   **out_strata)
{
  g_autoptr (GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) strata = g_ptr_array_new_with_free_func (stratum_clear);
  g_autoptr (GPtrArray) by_remainder = NULL;
  GArray *drawn = g_array_new (FALSE, FALSE, sizeof (guint));
  ChamberSplitMix64 rng;
  gint64 n = candidates->len;
  gint64 k = CLAMP (size, 0, n);
  gint64 given = 0;

  for (guint i = 0; i < candidates->len; i++)
    {
      const ChamberDrawCandidate *c = &g_array_index (candidates, ChamberDrawCandidate, i);
      const char *name = c->stratum != NULL ? c->stratum : "";
      Stratum *stratum = g_hash_table_lookup (by_name, name);

      if (stratum == NULL)
        {
          stratum = g_new0 (Stratum, 1);
          stratum->name = name;
          stratum->members = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_name, (gpointer) name, stratum);
          g_ptr_array_add (strata, stratum);
        }
      g_array_append_val (stratum->members, i);
    }
  g_ptr_array_sort (strata, compare_stratum_names);

  /* Largest remainder allocation, in exact integers. */
  for (guint h = 0; h < strata->len; h++)
    {
      Stratum *stratum = g_ptr_array_index (strata, h);
      gint64 weighted = k * (gint64) stratum->members->len;

      stratum->order = h;
      stratum->quota = weighted / n;
      stratum->remainder = weighted % n;
      given += stratum->quota;
    }
  /* A view of the same strata: it frees none of them. */
  by_remainder = g_ptr_array_sized_new (strata->len);
  for (guint h = 0; h < strata->len; h++)
    g_ptr_array_add (by_remainder, g_ptr_array_index (strata, h));
  g_ptr_array_sort (by_remainder, compare_remainders);
  for (guint h = 0; given < k && h < by_remainder->len; h++)
    {
      ((Stratum *) g_ptr_array_index (by_remainder, h))->quota++;
      given++;
    }

  chamber_splitmix64_init (&rng, seed);
  if (out_strata != NULL)
    *out_strata = g_ptr_array_new_with_free_func ((GDestroyNotify) stratum_free);
  for (guint h = 0; h < strata->len; h++)
    {
      Stratum *stratum = g_ptr_array_index (strata, h);
      guint *list = (guint *) stratum->members->data;
      guint count = stratum->members->len;

      for (gint64 i = 0; i < stratum->quota; i++)
        {
          guint j = (guint) (i + (gint64) chamber_splitmix64_uniform (&rng, count - i));
          guint swap = list[i];

          list[i] = list[j];
          list[j] = swap;
          g_array_append_val (drawn, list[i]);
        }
      if (out_strata != NULL)
        {
          ChamberDrawStratum *out = g_new0 (ChamberDrawStratum, 1);

          out->name = g_strdup (stratum->name);
          out->population = count;
          out->sample = stratum->quota;
          g_ptr_array_add (*out_strata, out);
        }
    }
  return drawn;
}

/* ---- Records ----------------------------------------------------------------------------- */

void
chamber_finding_free (ChamberFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->note);
  g_free (finding->evidence_sha256);
  g_free (finding->evidence_type);
  g_free (finding->at);
  g_free (finding);
}

void
chamber_sample_free (ChamberSample *sample)
{
  if (sample == NULL)
    return;
  g_free (sample->stratum);
  g_free (sample->assignee);
  g_free (sample->assigned_at);
  chamber_petition_free (sample->petition);
  chamber_finding_free (sample->finding);
  g_free (sample);
}

void
chamber_draw_free (ChamberDraw *draw)
{
  if (draw == NULL)
    return;
  g_free (draw->created_at);
  g_free (draw->seed);
  g_free (draw->algorithm);
  g_free (draw->filter);
  g_clear_pointer (&draw->candidates, g_array_unref);
  g_clear_pointer (&draw->strata, g_ptr_array_unref);
  g_clear_pointer (&draw->samples, g_ptr_array_unref);
  g_free (draw);
}

void
chamber_agency_check_free (ChamberAgencyCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->agency);
  g_free (check);
}

static char *
filter_json (const ChamberDrawSpec *spec)
{
  JsonObject *object = json_object_new ();
  g_autoptr (JsonNode) node = NULL;

  chamber_json_object_set_optional_string (object, "status",
                                           spec->status >= 0
                                             ? chamber_petition_status_to_string (spec->status)
                                             : NULL);
  chamber_json_object_set_optional_string (object, "agency", spec->agency);
  chamber_json_object_set_optional_string (object, "field", spec->field);
  node = chamber_json_node_take_object (object);
  return chamber_json_to_string (node, NULL);
}

static const char *
stratum_of (const ChamberPetition *petition,
            ChamberStratify        by)
{
  const char *value = by == CHAMBER_STRATIFY_AGENCY ? petition->agency
                      : by == CHAMBER_STRATIFY_FIELD ? petition->field
                                                     : "";
  return value != NULL ? value : "";
}

/* Counts, per agency, all petitions (T) into @totals. */
static gboolean
count_agencies (ChamberStore *store,
                GHashTable   *totals,
                GError      **error)
{
  g_autoptr (GPtrArray) all = chamber_petitions_list (store, NULL, error);

  if (all == NULL)
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      const ChamberPetition *p = g_ptr_array_index (all, i);
      const char *agency = p->agency != NULL ? p->agency : "";
      gint64 *count = g_hash_table_lookup (totals, agency);

      if (count == NULL)
        {
          count = g_new0 (gint64, 2);
          g_hash_table_insert (totals, g_strdup (agency), count);
        }
      count[0]++;
    }
  return TRUE;
}

static gboolean
insert_draw_rows (ChamberStore          *store,
                  const ChamberDrawSpec *spec,
                  gint64                 person_id,
                  GPtrArray             *petitions,
                  GArray                *drawn,
                  GPtrArray             *strata,
                  GHashTable            *totals,
                  gint64                *out_id,
                  GError               **error)
{
  g_autofree char *now = chamber_store_now_utc ();
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, spec->seed);
  g_autofree char *filter = filter_json (spec);
  GString *ids = g_string_new (NULL);
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gint64 draw_id;
  gboolean ok = FALSE;

  for (guint i = 0; i < petitions->len; i++)
    g_string_append_printf (ids, "%s%lld", i > 0 ? "," : "",
                            (long long) ((ChamberPetition *) g_ptr_array_index (petitions,
                                                                                i))->id);
  stmt = chamber_store_prepare (store,
                                "INSERT INTO supervision_draws (created_at, created_by, seed,"
                                " algorithm, filter, stratify, size, share_bp, population,"
                                " candidates) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                                error);
  if (stmt == NULL)
    goto out;
  chamber_store_bind_text (stmt, 1, now);
  chamber_store_bind_id_or_null (stmt, 2, person_id);
  chamber_store_bind_text (stmt, 3, seed);
  chamber_store_bind_text (stmt, 4, CHAMBER_SUPERVISION_ALGORITHM);
  chamber_store_bind_text (stmt, 5, filter);
  chamber_store_bind_text (stmt, 6, chamber_stratify_to_string (spec->by));
  chamber_store_bind_id_or_null (stmt, 7, spec->size);
  chamber_store_bind_id_or_null (stmt, 8, spec->size > 0 ? 0 : spec->share_bp);
  sqlite3_bind_int64 (stmt, 9, petitions->len);
  chamber_store_bind_text (stmt, 10, ids->str);
  if (!chamber_store_step_done (store, stmt, error))
    goto out;
  g_clear_pointer (&stmt, chamber_store_statement_release);
  draw_id = sqlite3_last_insert_rowid (chamber_store_get_db (store));

  for (guint h = 0; h < strata->len; h++)
    {
      const ChamberDrawStratum *stratum = g_ptr_array_index (strata, h);

      stmt = chamber_store_prepare (store,
                                    "INSERT INTO supervision_strata (draw_id, stratum, population,"
                                    " sample) VALUES (?1, ?2, ?3, ?4)",
                                    error);
      if (stmt == NULL)
        goto out;
      sqlite3_bind_int64 (stmt, 1, draw_id);
      chamber_store_bind_text (stmt, 2, stratum->name);
      sqlite3_bind_int64 (stmt, 3, stratum->population);
      sqlite3_bind_int64 (stmt, 4, stratum->sample);
      if (!chamber_store_step_done (store, stmt, error))
        goto out;
      g_clear_pointer (&stmt, chamber_store_statement_release);
    }

  g_hash_table_iter_init (&iter, totals);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const gint64 *count = value;

      stmt = chamber_store_prepare (store,
                                    "INSERT INTO supervision_agencies (draw_id, agency, petitions,"
                                    " reported) VALUES (?1, ?2, ?3, ?4)",
                                    error);
      if (stmt == NULL)
        goto out;
      sqlite3_bind_int64 (stmt, 1, draw_id);
      chamber_store_bind_text (stmt, 2, key);
      sqlite3_bind_int64 (stmt, 3, count[0]);
      sqlite3_bind_int64 (stmt, 4, count[1]);
      if (!chamber_store_step_done (store, stmt, error))
        goto out;
      g_clear_pointer (&stmt, chamber_store_statement_release);
    }

  for (guint i = 0; i < drawn->len; i++)
    {
      const ChamberPetition *p = g_ptr_array_index (petitions, g_array_index (drawn, guint, i));

      stmt = chamber_store_prepare (store,
                                    "INSERT INTO supervision_samples (draw_id, petition_id,"
                                    " stratum, position) VALUES (?1, ?2, ?3, ?4)",
                                    error);
      if (stmt == NULL)
        goto out;
      sqlite3_bind_int64 (stmt, 1, draw_id);
      sqlite3_bind_int64 (stmt, 2, p->id);
      chamber_store_bind_text (stmt, 3, stratum_of (p, spec->by));
      sqlite3_bind_int64 (stmt, 4, (gint64) i + 1);
      if (!chamber_store_step_done (store, stmt, error))
        goto out;
      g_clear_pointer (&stmt, chamber_store_statement_release);
    }
  *out_id = draw_id;
  ok = TRUE;

out:
  g_clear_pointer (&stmt, chamber_store_statement_release);
  g_string_free (ids, TRUE);
  return ok;
}

ChamberDraw *
chamber_supervision_draw (ChamberStore          *store,
                          const ChamberDrawSpec *spec,
                          gint64                 person_id,
                          GError               **error)
{
  ChamberPetitionFilter filter = { spec->status, spec->agency, spec->field };
  g_autoptr (GPtrArray) petitions = NULL;
  g_autoptr (GArray) candidates = NULL;
  g_autoptr (GArray) drawn = NULL;
  g_autoptr (GPtrArray) strata = NULL;
  g_autoptr (GHashTable) totals = NULL;
  gint64 draw_id = 0;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);
  g_return_val_if_fail (spec->by < CHAMBER_N_STRATIFY, NULL);

  if ((spec->size > 0) == (spec->share_bp > 0) || spec->size < 0 || spec->share_bp < 0
      || spec->share_bp > 10000)
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                           _("Say how many petitions to draw: a size of at least 1, or a "
                             "share between 0 and 100 percent, not both."));
      return NULL;
    }
  if (!chamber_store_begin (store, error))
    return NULL;
  petitions = chamber_petitions_list (store, &filter, error);
  if (petitions == NULL)
    goto failed;
  if (petitions->len == 0)
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                           _("No petition matches the filter of the draw: there is nothing to "
                             "draw from."));
      goto failed;
    }
  candidates = g_array_sized_new (FALSE, FALSE, sizeof (ChamberDrawCandidate), petitions->len);
  for (guint i = 0; i < petitions->len; i++)
    {
      const ChamberPetition *p = g_ptr_array_index (petitions, i);
      ChamberDrawCandidate c = { p->id, stratum_of (p, spec->by) };

      g_array_append_val (candidates, c);
    }
  drawn = chamber_supervision_sample (candidates,
                                      chamber_supervision_sample_size (spec, petitions->len),
                                      spec->seed, &strata);

  totals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!count_agencies (store, totals, error))
    goto failed;
  for (guint i = 0; i < petitions->len; i++)
    {
      const ChamberPetition *p = g_ptr_array_index (petitions, i);
      gint64 *count = g_hash_table_lookup (totals, p->agency != NULL ? p->agency : "");

      if (count != NULL)
        count[1]++;
    }
  {
    /* Agencies with no petition in the filter tell nothing about it. */
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, totals);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      if (((gint64 *) value)[1] == 0)
        g_hash_table_iter_remove (&iter);
  }

  if (!insert_draw_rows (store, spec, person_id, petitions, drawn, strata, totals, &draw_id,
                         error))
    goto failed;
  if (!chamber_store_commit (store, error))
    return NULL;
  return chamber_supervision_get_draw (store, draw_id, error);

failed:
  chamber_store_rollback (store);
  return NULL;
}

static ChamberFinding *
latest_finding (ChamberStore *store,
                gint64        sample_id,
                gint64        finding_id,
                GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  ChamberFinding *finding;
  gboolean row = FALSE;
  g_autofree char *result = NULL;

  stmt = chamber_store_prepare (store,
                                "SELECT id, sample_id, result, note, evidence_sha256,"
                                " evidence_type, evidence_bytes, at, by"
                                " FROM supervision_findings"
                                " WHERE (?1 > 0 AND sample_id = ?1) OR id = ?2"
                                " ORDER BY id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, sample_id);
  sqlite3_bind_int64 (stmt, 2, finding_id);
  if (!chamber_store_step_row (store, stmt, &row, error) || !row)
    return NULL;
  finding = g_new0 (ChamberFinding, 1);
  finding->id = sqlite3_column_int64 (stmt, 0);
  finding->sample_id = sqlite3_column_int64 (stmt, 1);
  result = chamber_store_column_dup (stmt, 2);
  if (!chamber_finding_result_from_string (result, &finding->result))
    finding->result = CHAMBER_FINDING_NOT_RESOLVED;
  finding->note = chamber_store_column_dup (stmt, 3);
  finding->evidence_sha256 = chamber_store_column_dup (stmt, 4);
  finding->evidence_type = chamber_store_column_dup (stmt, 5);
  finding->evidence_bytes = sqlite3_column_int64 (stmt, 6);
  finding->at = chamber_store_column_dup (stmt, 7);
  finding->by = sqlite3_column_int64 (stmt, 8);
  return finding;
}

ChamberFinding *
chamber_supervision_get_finding (ChamberStore *store,
                                 gint64        id,
                                 GError      **error)
{
  g_autoptr (GError) local = NULL;
  ChamberFinding *finding = latest_finding (store, 0, id, &local);

  if (finding == NULL)
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
                     _("There is no finding %lld."), (long long) id);
    }
  return finding;
}

/* Reads the sample rows of @stmt (id, draw_id, petition_id, stratum, position, assignee,
 * assigned_at) into @out, completing each with its petition and latest finding. */
static gboolean
read_samples (ChamberStore *store,
              sqlite3_stmt *stmt,
              GPtrArray    *out,
              GError      **error)
{
  gboolean row = FALSE;

  for (;;)
    {
      ChamberSample *sample;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        break;
      sample = g_new0 (ChamberSample, 1);
      sample->id = sqlite3_column_int64 (stmt, 0);
      sample->draw_id = sqlite3_column_int64 (stmt, 1);
      sample->petition_id = sqlite3_column_int64 (stmt, 2);
      sample->stratum = chamber_store_column_dup (stmt, 3);
      sample->position = sqlite3_column_int64 (stmt, 4);
      sample->assignee = chamber_store_column_dup (stmt, 5);
      sample->assigned_at = chamber_store_column_dup (stmt, 6);
      g_ptr_array_add (out, sample);
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < out->len; i++)
    {
      ChamberSample *sample = g_ptr_array_index (out, i);
      g_autoptr (GError) local = NULL;

      sample->petition = chamber_petitions_get (store, sample->petition_id, error);
      if (sample->petition == NULL)
        return FALSE;
      sample->finding = latest_finding (store, sample->id, 0, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  return TRUE;
}

GPtrArray *
chamber_supervision_list_samples (ChamberStore *store,
                                  gint64        draw_id,
                                  const char   *assignee,
                                  GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_sample_free);

  stmt = chamber_store_prepare (store,
                                "SELECT id, draw_id, petition_id, stratum, position, assignee,"
                                " assigned_at FROM supervision_samples"
                                " WHERE (?1 <= 0 OR draw_id = ?1) AND (?2 IS NULL OR assignee = ?2)"
                                " ORDER BY draw_id, position",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, draw_id);
  chamber_store_bind_text (stmt, 2, assignee);
  if (!read_samples (store, stmt, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

ChamberSample *
chamber_supervision_get_sample (ChamberStore *store,
                                gint64        id,
                                GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_sample_free);

  stmt = chamber_store_prepare (store,
                                "SELECT id, draw_id, petition_id, stratum, position, assignee,"
                                " assigned_at FROM supervision_samples WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!read_samples (store, stmt, out, error))
    return NULL;
  if (out->len == 0)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
                   _("There is no drawn petition %lld (a sample id)."), (long long) id);
      return NULL;
    }
  return g_ptr_array_steal_index (out, 0);
}

ChamberDraw *
chamber_supervision_get_draw (ChamberStore *store,
                              gint64        id,
                              GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (ChamberDraw) draw = NULL;
  g_autofree char *stratify = NULL;
  g_autofree char *candidates = NULL;
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store,
                                "SELECT id, created_at, created_by, seed, algorithm, filter,"
                                " stratify, size, share_bp, population, candidates"
                                " FROM supervision_draws WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!chamber_store_step_row (store, stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
                   _("There is no draw %lld."), (long long) id);
      return NULL;
    }
  draw = g_new0 (ChamberDraw, 1);
  draw->id = sqlite3_column_int64 (stmt, 0);
  draw->created_at = chamber_store_column_dup (stmt, 1);
  draw->created_by = sqlite3_column_int64 (stmt, 2);
  draw->seed = chamber_store_column_dup (stmt, 3);
  draw->algorithm = chamber_store_column_dup (stmt, 4);
  draw->filter = chamber_store_column_dup (stmt, 5);
  stratify = chamber_store_column_dup (stmt, 6);
  if (!chamber_stratify_from_string (stratify, &draw->by))
    draw->by = CHAMBER_STRATIFY_NONE;
  draw->size = sqlite3_column_int64 (stmt, 7);
  draw->share_bp = sqlite3_column_int64 (stmt, 8);
  draw->population = sqlite3_column_int64 (stmt, 9);
  candidates = chamber_store_column_dup (stmt, 10);
  g_clear_pointer (&stmt, chamber_store_statement_release);

  draw->candidates = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (candidates != NULL && *candidates != '\0')
    {
      g_auto (GStrv) ids = g_strsplit (candidates, ",", -1);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          gint64 value = g_ascii_strtoll (ids[i], NULL, 10);

          g_array_append_val (draw->candidates, value);
        }
    }

  draw->strata = g_ptr_array_new_with_free_func ((GDestroyNotify) stratum_free);
  stmt = chamber_store_prepare (store,
                                "SELECT stratum, population, sample FROM supervision_strata"
                                " WHERE draw_id = ?1 ORDER BY stratum",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  for (;;)
    {
      ChamberDrawStratum *stratum;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      stratum = g_new0 (ChamberDrawStratum, 1);
      stratum->name = chamber_store_column_dup (stmt, 0);
      stratum->population = sqlite3_column_int64 (stmt, 1);
      stratum->sample = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (draw->strata, stratum);
    }
  g_clear_pointer (&stmt, chamber_store_statement_release);
  /* SQLite's ORDER BY on text is byte order, like strcmp (). */

  draw->samples = chamber_supervision_list_samples (store, id, NULL, error);
  if (draw->samples == NULL)
    return NULL;
  return g_steal_pointer (&draw);
}

GArray *
chamber_supervision_list_draws (ChamberStore *store,
                                GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store, "SELECT id FROM supervision_draws ORDER BY id DESC",
                                error);
  if (stmt == NULL)
    return NULL;
  for (;;)
    {
      gint64 id;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

gboolean
chamber_supervision_assign (ChamberStore *store,
                            gint64        id,
                            const char   *assignee,
                            gint64        person_id,
                            GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (ChamberSample) sample = NULL;
  g_autofree char *now = chamber_store_now_utc ();
  g_autofree char *name = NULL;

  if (assignee == NULL || !g_utf8_validate (assignee, -1, NULL)
      || strlen (assignee) > CHAMBER_PETITION_MAX_NAME)
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                           _("Name the committee or delegate group the petition is assigned "
                             "to."));
      return FALSE;
    }
  name = g_strstrip (g_strdup (assignee));
  if (*name == '\0')
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                           _("Name the committee or delegate group the petition is assigned "
                             "to."));
      return FALSE;
    }
  sample = chamber_supervision_get_sample (store, id, error);
  if (sample == NULL)
    return FALSE;
  stmt = chamber_store_prepare (store,
                                "UPDATE supervision_samples SET assignee = ?2, assigned_at = ?3,"
                                " assigned_by = ?4 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  chamber_store_bind_text (stmt, 2, name);
  chamber_store_bind_text (stmt, 3, now);
  chamber_store_bind_id_or_null (stmt, 4, person_id);
  return chamber_store_step_done (store, stmt, error);
}

ChamberFinding *
chamber_supervision_record_finding (ChamberStore         *store,
                                    gint64                sample_id,
                                    ChamberFindingResult  result,
                                    const char           *note,
                                    const char           *evidence_sha256,
                                    const char           *evidence_type,
                                    gint64                evidence_bytes,
                                    gint64                person_id,
                                    GError              **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (ChamberSample) sample = NULL;
  g_autofree char *now = chamber_store_now_utc ();
  gint64 finding_id;

  if (result >= CHAMBER_N_FINDINGS)
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                           _("A finding is confirmed, partly or not-resolved."));
      return NULL;
    }
  if (!chamber_petition_check_note (note, CHAMBER_SUPERVISION_MAX_NOTE, error))
    return NULL;
  if (!chamber_store_begin (store, error))
    return NULL;
  sample = chamber_supervision_get_sample (store, sample_id, error);
  if (sample == NULL)
    goto failed;
  stmt = chamber_store_prepare (store,
                                "INSERT INTO supervision_findings (sample_id, result, note,"
                                " evidence_sha256, evidence_type, evidence_bytes, at, by)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, sample_id);
  chamber_store_bind_text (stmt, 2, chamber_finding_result_to_string (result));
  chamber_store_bind_text (stmt, 3, note != NULL && *note != '\0' ? note : NULL);
  chamber_store_bind_text (stmt, 4, evidence_sha256);
  chamber_store_bind_text (stmt, 5, evidence_sha256 != NULL ? evidence_type : NULL);
  chamber_store_bind_id_or_null (stmt, 6, evidence_sha256 != NULL ? evidence_bytes : 0);
  chamber_store_bind_text (stmt, 7, now);
  chamber_store_bind_id_or_null (stmt, 8, person_id);
  if (!chamber_store_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, chamber_store_statement_release);
  finding_id = sqlite3_last_insert_rowid (chamber_store_get_db (store));

  if (result == CHAMBER_FINDING_NOT_RESOLVED)
    {
      g_autofree char *history_note =
        g_strdup_printf (_("Supervision finding %lld: not resolved. %s"), (long long) finding_id,
                         note != NULL ? note : "");

      if (strlen (history_note) > CHAMBER_PETITION_MAX_NOTE)
        {
          /* Cut at a character boundary: the finding itself keeps the whole note. */
          const char *end = g_utf8_find_prev_char (history_note,
                                                   history_note + CHAMBER_PETITION_MAX_NOTE);

          history_note[end - history_note] = '\0';
        }
      g_strstrip (history_note);
      if (!chamber_petitions_set_status (store, sample->petition_id,
                                         CHAMBER_PETITION_IN_PROGRESS, history_note, finding_id,
                                         person_id, error))
        goto failed;
    }
  if (!chamber_store_commit (store, error))
    return NULL;
  return chamber_supervision_get_finding (store, finding_id, error);

failed:
  g_clear_pointer (&stmt, chamber_store_statement_release);
  chamber_store_rollback (store);
  return NULL;
}

/* ---- Verified rates ---------------------------------------------------------------------- */

double
chamber_supervision_margin (gint64 confirmed,
                            gint64 checked,
                            gint64 population)
{
  double p, fpc;

  if (checked <= 0 || population <= 1 || checked >= population)
    return 0.0;
  p = (double) confirmed / checked;
  fpc = sqrt ((double) (population - checked) / (double) (population - 1));
  return 1.96 * sqrt (p * (1.0 - p) / checked) * fpc;
}

GPtrArray *
chamber_supervision_agency_checks (ChamberStore *store,
                                   gint64        draw_id,
                                   GError      **error)
{
  g_autoptr (ChamberDraw) draw = chamber_supervision_get_draw (store, draw_id, error);
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_agency_check_free);
  gboolean row = FALSE;

  if (draw == NULL)
    return NULL;
  stmt = chamber_store_prepare (store,
                                "SELECT agency, petitions, reported FROM supervision_agencies"
                                " WHERE draw_id = ?1 ORDER BY agency",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, draw_id);
  for (;;)
    {
      ChamberAgencyCheck *check;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      check = g_new0 (ChamberAgencyCheck, 1);
      check->agency = chamber_store_column_dup (stmt, 0);
      check->petitions = sqlite3_column_int64 (stmt, 1);
      check->reported = sqlite3_column_int64 (stmt, 2);
      g_ptr_array_add (out, check);
    }
  for (guint s = 0; s < draw->samples->len; s++)
    {
      const ChamberSample *sample = g_ptr_array_index (draw->samples, s);
      const char *agency = sample->petition->agency != NULL ? sample->petition->agency : "";

      for (guint a = 0; a < out->len; a++)
        {
          ChamberAgencyCheck *check = g_ptr_array_index (out, a);

          if (!g_str_equal (check->agency, agency))
            continue;
          check->sampled++;
          if (sample->finding != NULL)
            {
              check->checked++;
              if (sample->finding->result == CHAMBER_FINDING_CONFIRMED)
                check->confirmed++;
              else if (sample->finding->result == CHAMBER_FINDING_PARTLY)
                check->partly++;
              else
                check->not_resolved++;
            }
          break;
        }
    }
  for (guint a = 0; a < out->len; a++)
    {
      ChamberAgencyCheck *check = g_ptr_array_index (out, a);

      check->reported_rate = check->petitions > 0 ? (double) check->reported / check->petitions
                                                  : 0.0;
      check->verified_share = check->checked > 0 ? (double) check->confirmed / check->checked
                                                 : 0.0;
      check->margin = chamber_supervision_margin (check->confirmed, check->checked,
                                                  check->reported);
      check->estimated_rate = check->reported_rate * check->verified_share;
      check->estimated_margin = check->reported_rate * check->margin;
    }
  return g_steal_pointer (&out);
}

/* ---- JSON -------------------------------------------------------------------------------- */

JsonNode *
chamber_finding_to_json (const ChamberFinding *finding)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", finding->id);
  json_object_set_int_member (object, "sample", finding->sample_id);
  json_object_set_string_member (object, "result",
                                 chamber_finding_result_to_string (finding->result));
  json_object_set_string_member (object, "result_label",
                                 chamber_finding_result_get_label (finding->result));
  chamber_json_object_set_optional_string (object, "note", finding->note);
  if (finding->evidence_sha256 != NULL)
    {
      JsonObject *evidence = json_object_new ();

      json_object_set_string_member (evidence, "sha256", finding->evidence_sha256);
      json_object_set_string_member (evidence, "type", finding->evidence_type);
      json_object_set_int_member (evidence, "bytes", finding->evidence_bytes);
      json_object_set_object_member (object, "evidence", evidence);
    }
  else
    json_object_set_null_member (object, "evidence");
  json_object_set_string_member (object, "at", finding->at);
  if (finding->by > 0)
    json_object_set_int_member (object, "by", finding->by);
  else
    json_object_set_null_member (object, "by");
  return chamber_json_node_take_object (object);
}

JsonNode *
chamber_sample_to_json (const ChamberSample *sample)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", sample->id);
  json_object_set_int_member (object, "draw", sample->draw_id);
  json_object_set_int_member (object, "position", sample->position);
  json_object_set_string_member (object, "stratum", sample->stratum);
  chamber_json_object_set_optional_string (object, "assignee", sample->assignee);
  chamber_json_object_set_optional_string (object, "assigned_at", sample->assigned_at);
  json_object_set_member (object, "petition", chamber_petition_to_json (sample->petition));
  if (sample->finding != NULL)
    json_object_set_member (object, "finding", chamber_finding_to_json (sample->finding));
  else
    json_object_set_null_member (object, "finding");
  return chamber_json_node_take_object (object);
}

JsonNode *
chamber_draw_to_json (const ChamberDraw *draw)
{
  JsonObject *object = json_object_new ();
  JsonArray *candidates = json_array_sized_new (draw->candidates->len);
  JsonArray *strata = json_array_sized_new (draw->strata->len);
  JsonArray *samples = json_array_sized_new (draw->samples->len);
  g_autoptr (JsonObject) filter = NULL;

  json_object_set_int_member (object, "id", draw->id);
  json_object_set_string_member (object, "created_at", draw->created_at);
  if (draw->created_by > 0)
    json_object_set_int_member (object, "created_by", draw->created_by);
  else
    json_object_set_null_member (object, "created_by");
  /* A string: a 64-bit unsigned seed does not fit every JSON reader's numbers. */
  json_object_set_string_member (object, "seed", draw->seed);
  json_object_set_string_member (object, "algorithm", draw->algorithm);
  filter = chamber_protocol_parse_object (draw->filter, strlen (draw->filter),
                                          CHAMBER_PROTOCOL_MAX_BODY, NULL);
  if (filter != NULL)
    json_object_set_object_member (object, "filter", json_object_ref (filter));
  else
    json_object_set_null_member (object, "filter");
  json_object_set_string_member (object, "by", chamber_stratify_to_string (draw->by));
  if (draw->size > 0)
    json_object_set_int_member (object, "size", draw->size);
  else
    json_object_set_null_member (object, "size");
  if (draw->share_bp > 0)
    json_object_set_double_member (object, "share", draw->share_bp / 100.0);
  else
    json_object_set_null_member (object, "share");
  json_object_set_int_member (object, "population", draw->population);
  for (guint i = 0; i < draw->candidates->len; i++)
    json_array_add_int_element (candidates, g_array_index (draw->candidates, gint64, i));
  json_object_set_array_member (object, "candidates", candidates);
  for (guint i = 0; i < draw->strata->len; i++)
    {
      const ChamberDrawStratum *stratum = g_ptr_array_index (draw->strata, i);
      JsonObject *s = json_object_new ();

      json_object_set_string_member (s, "name", stratum->name);
      json_object_set_int_member (s, "population", stratum->population);
      json_object_set_int_member (s, "sample", stratum->sample);
      json_array_add_object_element (strata, s);
    }
  json_object_set_array_member (object, "strata", strata);
  for (guint i = 0; i < draw->samples->len; i++)
    json_array_add_element (samples, chamber_sample_to_json (g_ptr_array_index (draw->samples,
                                                                                i)));
  json_object_set_array_member (object, "samples", samples);
  return chamber_json_node_take_object (object);
}

JsonNode *
chamber_agency_check_to_json (const ChamberAgencyCheck *check)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "agency", check->agency);
  json_object_set_int_member (object, "petitions", check->petitions);
  json_object_set_int_member (object, "reported", check->reported);
  json_object_set_int_member (object, "sampled", check->sampled);
  json_object_set_int_member (object, "checked", check->checked);
  json_object_set_int_member (object, "confirmed", check->confirmed);
  json_object_set_int_member (object, "partly", check->partly);
  json_object_set_int_member (object, "not_resolved", check->not_resolved);
  json_object_set_double_member (object, "reported_rate", check->reported_rate);
  json_object_set_double_member (object, "verified_share", check->verified_share);
  json_object_set_double_member (object, "margin", check->margin);
  json_object_set_double_member (object, "estimated_rate", check->estimated_rate);
  json_object_set_double_member (object, "estimated_margin", check->estimated_margin);
  return chamber_json_node_take_object (object);
}
