/* chamber-petitions.h — voter petitions (kiến nghị cử tri, issue 9): the record of one
 * petition (its content, the voters' meeting it was raised at, field, responsible agency,
 * status, answer, dates, links to agenda items, turns and commitments, and the earlier petition
 * it raises again), its status history, and the similarity that finds a petition raised again.
 *
 * The store's queries are in chamber-petition-store.c (schema step 10). A petition's answer
 * document is a PDF in the blob store, named here by its SHA-256.
 *
 * Raised again: two petitions are compared by the Jaccard index of their sets of words after
 * chamber_search_fold() (lower case, no diacritics, đ → d), leaving out a short list of
 * Vietnamese function words ("và", "của", "cho", …) that every petition shares. A new petition
 * whose index with an earlier one is at least CHAMBER_PETITION_SIMILAR is linked to the most
 * similar earlier one (the lowest id on a tie). */
#pragma once

#include <json-glib/json-glib.h>

#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_PETITION_MAX_TEXT 16384  /* bytes of the content or of the answer text */
#define CHAMBER_PETITION_MAX_NOTE 4096   /* bytes of a status note */
#define CHAMBER_PETITION_MAX_NAME 512    /* bytes of a place, group, field or agency */
/* The least Jaccard index of two petitions' folded word sets that makes one raised again. */
#define CHAMBER_PETITION_SIMILAR  0.6

typedef enum {
  CHAMBER_PETITION_FORWARDED,    /* đã chuyển */
  CHAMBER_PETITION_ANSWERED,     /* đã trả lời */
  CHAMBER_PETITION_IN_PROGRESS,  /* đang giải quyết */
  CHAMBER_PETITION_RESOLVED,     /* đã giải quyết */
  CHAMBER_PETITION_UNRESOLVED,   /* chưa giải quyết */
  CHAMBER_N_PETITION_STATUSES
} ChamberPetitionStatus;

typedef enum {
  CHAMBER_PETITION_LEVEL_NONE,
  CHAMBER_PETITION_LEVEL_COMMUNE,   /* cấp xã */
  CHAMBER_PETITION_LEVEL_DISTRICT,  /* cấp huyện */
  CHAMBER_PETITION_LEVEL_PROVINCE,  /* cấp tỉnh */
  CHAMBER_N_PETITION_LEVELS
} ChamberPetitionLevel;

/* "forwarded", "answered", "in-progress", "resolved", "unresolved" */
const char *chamber_petition_status_to_string (ChamberPetitionStatus status);
gboolean    chamber_petition_status_from_string (const char *str, ChamberPetitionStatus *out);
/* The translated label ("đã giải quyết"). */
const char *chamber_petition_status_get_label (ChamberPetitionStatus status);
/* The translated title for a list or a dropdown, capitalised ("Đã giải quyết"). */
const char *chamber_petition_status_get_title (ChamberPetitionStatus status);
/* What a person typed in a spreadsheet: the English key or the Vietnamese label, compared
 * without case, diacritics or extra spaces ("Đã giải quyết", "da giai quyet", "in progress"). */
gboolean    chamber_petition_status_parse (const char *text, ChamberPetitionStatus *out);

/* NULL for NONE, else "commune", "district", "province" */
const char *chamber_petition_level_to_string (ChamberPetitionLevel level);
gboolean    chamber_petition_level_from_string (const char *str, ChamberPetitionLevel *out);
const char *chamber_petition_level_get_label (ChamberPetitionLevel level);
/* The key, or Vietnamese ("xã", "cấp huyện", "phường", "tỉnh"…), as for the status; "" is NONE. */
gboolean    chamber_petition_level_parse (const char *text, ChamberPetitionLevel *out);

typedef struct {
  gint64                id;
  char                 *content;
  char                 *meeting_date;    /* "YYYY-MM-DD" or NULL */
  char                 *meeting_place;
  char                 *delegate_group;  /* the Tổ đại biểu that met the voters */
  ChamberPetitionLevel  level;
  char                 *field;           /* lĩnh vực */
  char                 *agency;          /* the responsible agency (cơ quan giải quyết) */
  ChamberPetitionStatus status;
  char                 *answer;          /* the answer's text, or NULL */
  char                 *answer_sha256;   /* the answer PDF in the blob store, or NULL */
  gint64                answer_bytes;
  char                 *received_on;     /* "YYYY-MM-DD" or NULL, each */
  char                 *forwarded_on;
  char                 *answered_on;
  char                 *resolved_on;
  char                 *updated_at;      /* ISO 8601 UTC, set by the store */
  gint64                raised_again_of; /* the earlier petition it raises again, or 0 */
  double                similarity;      /* with that one */
} ChamberPetition;

ChamberPetition *chamber_petition_new (void);
ChamberPetition *chamber_petition_copy (const ChamberPetition *petition);
void             chamber_petition_free (ChamberPetition *petition);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberPetition, chamber_petition_free)

/* Checks what a caller may set (content present, lengths, dates as YYYY-MM-DD, UTF-8):
 * CHAMBER_STORE_ERROR_CONSTRAINT naming what is wrong. */
gboolean chamber_petition_validate (const ChamberPetition *petition, GError **error);

/* Checks a note a person wrote (a status change's, a finding's): NULL or UTF-8 text of at most
 * @max_bytes; CHAMBER_STORE_ERROR_CONSTRAINT saying so otherwise. */
gboolean chamber_petition_check_note (const char *note, gsize max_bytes, GError **error);

typedef struct {
  gint64                id;
  ChamberPetitionStatus status;
  char                 *at;
  gint64                by;
  char                 *note;
  gint64                finding_id;  /* the supervision finding that set it, or 0 */
} ChamberPetitionChange;

void chamber_petition_change_free (ChamberPetitionChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberPetitionChange, chamber_petition_change_free)

/* "item" (an agenda item id), "turn" and "commitment" (a turn or commitment id within
 * @session_id's live sitting). */
typedef struct {
  char  *kind;
  gint64 target_id;
  gint64 session_id;
} ChamberPetitionLink;

void chamber_petition_link_free (ChamberPetitionLink *link);

/* JSON: {"id", "content", "meeting": {"date", "place", "group", "level"}, "field", "agency",
 *  "status", "status_label", "answer", "answer_document": {"sha256", "bytes"} | null,
 *  "received_on", "forwarded_on", "answered_on", "resolved_on", "updated_at",
 *  "raised_again_of", "similarity"} */
JsonNode        *chamber_petition_to_json (const ChamberPetition *petition);
/* Reads what a client sends to create a petition (the members above but id, status_label,
 * answer_document, updated_at, raised_again_of and similarity); the status may be the key or
 * the Vietnamese label. CHAMBER_PROTOCOL_ERROR naming the member. */
ChamberPetition *chamber_petition_from_json (JsonObject *object, GError **error);
JsonNode        *chamber_petition_change_to_json (const ChamberPetitionChange *change);
JsonNode        *chamber_petition_link_to_json (const ChamberPetitionLink *link);

/* Similarity. The folded words of @text, each once, sorted, joined by spaces (what the store
 * keeps in petitions.folded). */
char   *chamber_petition_fold_words (const char *text);
/* The Jaccard index of two such strings: |A ∩ B| / |A ∪ B|, 0 when both are empty. */
double  chamber_petition_similarity (const char *folded_a, const char *folded_b);
/* The same over the words already split (each sorted, without repeats). */
double  chamber_petition_similarity_words (const char *const *a, const char *const *b);

/* ---- Store (chamber-petition-store.c) -------------------------------------------------- */

/* What to list: @status -1 for any; NULL strings for any (agency and field compared after
 * chamber_csv_fold_key()). */
typedef struct {
  int         status;
  const char *agency;
  const char *field;
} ChamberPetitionFilter;

/* Inserts @petition (assigning its id and updated_at) with its first history entry, by
 * @person_id (0: chamberd). Does not look for a similar one: see find_similar(). */
gboolean         chamber_petitions_insert (ChamberStore *store, ChamberPetition *petition,
                                           gint64 person_id, GError **error);
ChamberPetition *chamber_petitions_get (ChamberStore *store, gint64 id, GError **error);
/* Element type ChamberPetition, by id. */
GPtrArray       *chamber_petitions_list (ChamberStore *store,
                                         const ChamberPetitionFilter *filter, GError **error);
/* The earlier petition (id below @before_id, or any when 0) most similar to @content, with
 * *out_similarity; 0 when none reaches CHAMBER_PETITION_SIMILAR. The first of
 * chamber_petitions_similar(). */
gint64           chamber_petitions_find_similar (ChamberStore *store, const char *content,
                                                 gint64 before_id, double *out_similarity,
                                                 GError **error);
/* An earlier petition similar to a new one. */
typedef struct {
  gint64 id;
  double similarity;
} ChamberPetitionMatch;

/* The earlier petitions (id below @before_id, or any when 0) whose similarity with @content
 * reaches CHAMBER_PETITION_SIMILAR, most similar first (the lowest id on a tie), at most @limit
 * of them (0: all). Only the petitions sharing enough words with @content are scored, found
 * through the table petition_words (schema step 12), so the answer is the same as comparing
 * with every stored petition. Element type ChamberPetitionMatch; NULL on error. */
GArray          *chamber_petitions_similar (ChamberStore *store, const char *content,
                                            gint64 before_id, guint limit, GError **error);
/* Sets the status (recording the change with @note and @finding_id, and the day of
 * answered_on/resolved_on when not set), in one transaction. NOT_FOUND for an unknown id. */
gboolean         chamber_petitions_set_status (ChamberStore *store, gint64 id,
                                               ChamberPetitionStatus status, const char *note,
                                               gint64 finding_id, gint64 person_id,
                                               GError **error);
/* Sets the answer text (NULL leaves it) and the answer document (@sha256 NULL leaves it). */
gboolean         chamber_petitions_set_answer (ChamberStore *store, gint64 id,
                                               const char *text, const char *sha256,
                                               gint64 bytes, GError **error);
/* Element type ChamberPetitionChange, oldest first. */
GPtrArray       *chamber_petitions_history (ChamberStore *store, gint64 id, GError **error);
gboolean         chamber_petitions_add_link (ChamberStore *store, gint64 id, const char *kind,
                                             gint64 target_id, gint64 session_id,
                                             GError **error);
/* Removes one link (for an "item" @session_id is not compared); NOT_FOUND when there is no
 * such link. */
gboolean         chamber_petitions_remove_link (ChamberStore *store, gint64 id, const char *kind,
                                                gint64 target_id, gint64 session_id,
                                                GError **error);
/* Element type ChamberPetitionLink. */
GPtrArray       *chamber_petitions_links (ChamberStore *store, gint64 id, GError **error);
/* TRUE when some petition's answer or some finding's evidence is the blob @sha256. */
gboolean         chamber_petitions_blob_is_known (ChamberStore *store, const char *sha256);

G_END_DECLS
