/* chamber-supervision.h — sample supervision of voter petitions (giám sát xác suất, issue 9): a
 * random draw among the petitions the executive reports (e.g. as resolved), recorded so that
 * anyone can reproduce and audit it; the assignment of each drawn petition to a committee or
 * delegate group; their findings with evidence; and the rates verified on the sample.
 *
 * The draw, exactly (algorithm "splitmix64-fisher-yates/1"):
 * 1. The candidates are the petitions matching the filter (status, and optionally agency and
 *    field), ordered by id ascending.
 * 2. The generator is SplitMix64 (Steele, Lea and Flood 2014) seeded with the 64-bit seed:
 *    state += 0x9E3779B97F4A7C15; z = state; z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
 *    z = (z ^ (z >> 27)) * 0x94D049BB133111EB; output z ^ (z >> 31) (all modulo 2^64).
 * 3. A number uniform in [0, n) is the first output x with x < 2^64 - (2^64 mod n), taken
 *    modulo n (outputs at or above that bound are thrown away, so there is no bias).
 * 4. k petitions are drawn from a list of n by a partial Fisher–Yates shuffle: for i = 0 … k-1,
 *    j = i + uniform (n - i), swap list[i] and list[j]; the sample is list[0 … k-1], in that
 *    order (its "position" 1 … k).
 * 5. The sample size is --size, or for --share P percent, ceil (n × P / 100) with P read to two
 *    decimals (computed in integers); it is at most n.
 * 6. Stratified (by agency or field): the strata are the distinct values (an empty one is a
 *    stratum of its own), in byte order of the value. Each stratum h of N_h candidates gets
 *    floor (k × N_h / N) petitions; the seats left go one each to the strata with the largest
 *    remainders (k × N_h mod N), ties to the stratum first in order (largest remainder method).
 *    The strata are then drawn in order, each by step 4 over its candidates in id order, all
 *    from the one generator.
 * The record keeps the seed, the filter, the stratification, the candidate ids and the sample. */
#pragma once

#include <json-glib/json-glib.h>

#include "chamber-petitions.h"
#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_SUPERVISION_ALGORITHM "splitmix64-fisher-yates/1"
#define CHAMBER_SUPERVISION_MAX_NOTE  4096

/* SplitMix64: the generator of the draw, defined here so that it never changes with a library. */
typedef struct {
  guint64 state;
} ChamberSplitMix64;

void    chamber_splitmix64_init (ChamberSplitMix64 *rng, guint64 seed);
guint64 chamber_splitmix64_next (ChamberSplitMix64 *rng);
/* Uniform in [0, @n), @n >= 1, by rejection as described above. */
guint64 chamber_splitmix64_uniform (ChamberSplitMix64 *rng, guint64 n);
/* A seed from the system's random source, for a draw without one. */
guint64 chamber_supervision_random_seed (void);

typedef enum {
  CHAMBER_STRATIFY_NONE,
  CHAMBER_STRATIFY_AGENCY,
  CHAMBER_STRATIFY_FIELD,
  CHAMBER_N_STRATIFY
} ChamberStratify;

/* "none", "agency", "field" */
const char *chamber_stratify_to_string (ChamberStratify by);
gboolean    chamber_stratify_from_string (const char *str, ChamberStratify *out);

/* What to draw. Exactly one of @size (>= 1) and @share_bp (1 … 10000 hundredths of a percent)
 * is set. */
typedef struct {
  int             status;   /* ChamberPetitionStatus, or -1 for any */
  const char     *agency;   /* NULL for any */
  const char     *field;    /* NULL for any */
  ChamberStratify by;
  gint64          size;
  gint64          share_bp;
  guint64         seed;
} ChamberDrawSpec;

/* "12.5" → 1250; FALSE unless 0 < P <= 100 with at most two decimals. */
gboolean chamber_supervision_parse_share (const char *text, gint64 *out_bp);
/* The sample size for @n candidates (step 5). */
gint64   chamber_supervision_sample_size (const ChamberDrawSpec *spec, gint64 n);

/* One candidate of a draw. */
typedef struct {
  gint64      id;
  const char *stratum;  /* borrowed; "" when not stratified */
} ChamberDrawCandidate;

typedef struct {
  char  *name;
  gint64 population;
  gint64 sample;
} ChamberDrawStratum;

/* The pure draw (steps 2–6) over @candidates (ChamberDrawCandidate, in id order): returns the
 * indexes into @candidates drawn, in draw order (element type guint), and in @out_strata
 * (ChamberDrawStratum *, may be NULL) the allocation. */
GArray *chamber_supervision_sample (const GArray *candidates, gint64 size, guint64 seed,
                                    GPtrArray **out_strata);

typedef enum {
  CHAMBER_FINDING_CONFIRMED,     /* confirmed resolved */
  CHAMBER_FINDING_PARTLY,        /* partly resolved */
  CHAMBER_FINDING_NOT_RESOLVED,  /* not resolved */
  CHAMBER_N_FINDINGS
} ChamberFindingResult;

/* "confirmed", "partly", "not-resolved" */
const char *chamber_finding_result_to_string (ChamberFindingResult result);
gboolean    chamber_finding_result_from_string (const char *str, ChamberFindingResult *out);
const char *chamber_finding_result_get_label (ChamberFindingResult result);
/* The translated title for a list or a dropdown, capitalised ("Confirmed resolved"). */
const char *chamber_finding_result_get_title (ChamberFindingResult result);

typedef struct {
  gint64               id;
  gint64               sample_id;
  ChamberFindingResult result;
  char                *note;
  char                *evidence_sha256;  /* NULL for none */
  char                *evidence_type;    /* "application/pdf", "image/png", "image/jpeg" */
  gint64               evidence_bytes;
  char                *at;
  gint64               by;
} ChamberFinding;

void chamber_finding_free (ChamberFinding *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberFinding, chamber_finding_free)

/* One drawn petition, with the petition as it is now and its latest finding. */
typedef struct {
  gint64           id;
  gint64           draw_id;
  gint64           petition_id;
  char            *stratum;
  gint64           position;
  char            *assignee;   /* the committee or delegate group, or NULL */
  char            *assigned_at;
  ChamberPetition *petition;
  ChamberFinding  *finding;    /* the latest, or NULL */
} ChamberSample;

void chamber_sample_free (ChamberSample *sample);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberSample, chamber_sample_free)

typedef struct {
  gint64          id;
  char           *created_at;
  gint64          created_by;
  char           *seed;        /* decimal */
  char           *algorithm;
  char           *filter;      /* JSON: {"status", "agency", "field"} */
  ChamberStratify by;
  gint64          size;        /* as asked, or 0 */
  gint64          share_bp;    /* as asked, or 0 */
  gint64          population;
  GArray         *candidates;  /* gint64 ids, in id order */
  GPtrArray      *strata;      /* ChamberDrawStratum * */
  GPtrArray      *samples;     /* ChamberSample *, by position */
} ChamberDraw;

void chamber_draw_free (ChamberDraw *draw);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberDraw, chamber_draw_free)

/* Draws by @spec over the petitions in @store and records the draw, by @person_id. A filter
 * with no candidate is CHAMBER_STORE_ERROR_CONSTRAINT. */
ChamberDraw *chamber_supervision_draw (ChamberStore *store, const ChamberDrawSpec *spec,
                                       gint64 person_id, GError **error);
ChamberDraw *chamber_supervision_get_draw (ChamberStore *store, gint64 id, GError **error);
/* The ids of every draw, newest first (element type gint64). */
GArray      *chamber_supervision_list_draws (ChamberStore *store, GError **error);
/* Samples of draw @draw_id (0: all draws) assigned to @assignee (NULL: any), by draw and
 * position. Element type ChamberSample. */
GPtrArray   *chamber_supervision_list_samples (ChamberStore *store, gint64 draw_id,
                                               const char *assignee, GError **error);
ChamberSample *chamber_supervision_get_sample (ChamberStore *store, gint64 id, GError **error);
/* Assigns sample @id to committee or delegate group @assignee (text, not empty). */
gboolean     chamber_supervision_assign (ChamberStore *store, gint64 id, const char *assignee,
                                         gint64 person_id, GError **error);
/* Records a finding on sample @id; a NOT_RESOLVED finding sets the petition back to
 * in-progress with the finding attached, in the same transaction. Evidence is optional (all
 * three NULL/0). Returns the finding. */
ChamberFinding *chamber_supervision_record_finding (ChamberStore *store, gint64 sample_id,
                                                    ChamberFindingResult result,
                                                    const char *note,
                                                    const char *evidence_sha256,
                                                    const char *evidence_type,
                                                    gint64 evidence_bytes, gint64 person_id,
                                                    GError **error);
ChamberFinding *chamber_supervision_get_finding (ChamberStore *store, gint64 id,
                                                 GError **error);

/* Reported vs verified, per agency, for one draw. With N the petitions of the agency the draw
 * counted as reported (those matching its filter), T all the agency's petitions then, m the
 * agency's drawn petitions with a finding and c those confirmed resolved:
 *   reported rate r = N / T; verified share p = c / m;
 *   margin of error e = 1.96 × sqrt (p (1 − p) / m) × sqrt ((N − m) / (N − 1))
 *   (95 %, normal approximation, finite population correction; 0 when N = 1 or m = N);
 *   estimated rate = r × p ± r × e. */
typedef struct {
  char  *agency;
  gint64 petitions;  /* T */
  gint64 reported;   /* N */
  gint64 sampled;    /* drawn */
  gint64 checked;    /* m */
  gint64 confirmed;  /* c */
  gint64 partly;
  gint64 not_resolved;
  double reported_rate;
  double verified_share;
  double margin;      /* e, of the verified share */
  double estimated_rate;
  double estimated_margin;
} ChamberAgencyCheck;

void       chamber_agency_check_free (ChamberAgencyCheck *check);
/* The checks of draw @draw_id by agency (byte order). Element type ChamberAgencyCheck. */
GPtrArray *chamber_supervision_agency_checks (ChamberStore *store, gint64 draw_id,
                                              GError **error);
/* The margin formula above, alone. */
double     chamber_supervision_margin (gint64 confirmed, gint64 checked, gint64 population);

JsonNode *chamber_draw_to_json (const ChamberDraw *draw);
JsonNode *chamber_sample_to_json (const ChamberSample *sample);
JsonNode *chamber_finding_to_json (const ChamberFinding *finding);
JsonNode *chamber_agency_check_to_json (const ChamberAgencyCheck *check);

G_END_DECLS
