/* chamber-petitions.c — the voter petition record (see chamber-petitions.h): statuses and levels
 * with their Vietnamese labels and the words people type for them, validation, JSON, and the
 * word-set similarity that finds a petition raised again. The store's queries are in
 * chamber-petition-store.c. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "chamber-csv.h"
#include "chamber-petitions.h"
#include "chamber-protocol.h"
#include "chamber-search.h"

static const char *const status_names[CHAMBER_N_PETITION_STATUSES] = {
  "forwarded", "answered", "in-progress", "resolved", "unresolved",
};

const char *
chamber_petition_status_to_string (ChamberPetitionStatus status)
{
  g_return_val_if_fail (status < CHAMBER_N_PETITION_STATUSES, NULL);
  return status_names[status];
}

gboolean
chamber_petition_status_from_string (const char            *str,
                                     ChamberPetitionStatus *out)
{
  for (int i = 0; str != NULL && i < CHAMBER_N_PETITION_STATUSES; i++)
    if (g_str_equal (str, status_names[i]))
      {
        *out = (ChamberPetitionStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
chamber_petition_status_get_label (ChamberPetitionStatus status)
{
  switch (status)
    {
    case CHAMBER_PETITION_FORWARDED:
      return C_("petition status", "forwarded");
    case CHAMBER_PETITION_ANSWERED:
      return C_("petition status", "answered");
    case CHAMBER_PETITION_IN_PROGRESS:
      return C_("petition status", "in progress");
    case CHAMBER_PETITION_RESOLVED:
      return C_("petition status", "resolved");
    case CHAMBER_PETITION_UNRESOLVED:
      return C_("petition status", "unresolved");
    case CHAMBER_N_PETITION_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
chamber_petition_status_get_title (ChamberPetitionStatus status)
{
  switch (status)
    {
    case CHAMBER_PETITION_FORWARDED:
      return _("Forwarded");
    case CHAMBER_PETITION_ANSWERED:
      return _("Answered");
    case CHAMBER_PETITION_IN_PROGRESS:
      return _("In progress");
    case CHAMBER_PETITION_RESOLVED:
      return _("Resolved");
    case CHAMBER_PETITION_UNRESOLVED:
      return _("Unresolved");
    case CHAMBER_N_PETITION_STATUSES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The Vietnamese words for each status as spreadsheets write them, already folded by
 * chamber_csv_fold_key(): they are data, not translations, so they do not go through gettext. */
static const char *const status_words[CHAMBER_N_PETITION_STATUSES][4] = {
  { "da chuyen", "chuyen", NULL },
  { "da tra loi", "tra loi", NULL },
  { "dang giai quyet", "dang xu ly", NULL },
  { "da giai quyet", "da xu ly", NULL },
  { "chua giai quyet", "khong giai quyet", "chua xu ly", NULL },
};

gboolean
chamber_petition_status_parse (const char            *text,
                               ChamberPetitionStatus *out)
{
  g_autofree char *key = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  key = chamber_csv_fold_key (text);
  for (int i = 0; i < CHAMBER_N_PETITION_STATUSES; i++)
    {
      g_autofree char *name = chamber_csv_fold_key (status_names[i]);

      if (g_str_equal (key, name))
        {
          *out = (ChamberPetitionStatus) i;
          return TRUE;
        }
      for (int w = 0; status_words[i][w] != NULL; w++)
        if (g_str_equal (key, status_words[i][w]))
          {
            *out = (ChamberPetitionStatus) i;
            return TRUE;
          }
    }
  return FALSE;
}

static const char *const level_names[CHAMBER_N_PETITION_LEVELS] = {
  NULL, "commune", "district", "province",
};

const char *
chamber_petition_level_to_string (ChamberPetitionLevel level)
{
  g_return_val_if_fail (level < CHAMBER_N_PETITION_LEVELS, NULL);
  return level_names[level];
}

gboolean
chamber_petition_level_from_string (const char           *str,
                                    ChamberPetitionLevel *out)
{
  for (int i = 1; str != NULL && i < CHAMBER_N_PETITION_LEVELS; i++)
    if (g_str_equal (str, level_names[i]))
      {
        *out = (ChamberPetitionLevel) i;
        return TRUE;
      }
  return FALSE;
}

const char *
chamber_petition_level_get_label (ChamberPetitionLevel level)
{
  switch (level)
    {
    case CHAMBER_PETITION_LEVEL_NONE:
      return "";
    case CHAMBER_PETITION_LEVEL_COMMUNE:
      return _("commune");
    case CHAMBER_PETITION_LEVEL_DISTRICT:
      return _("district");
    case CHAMBER_PETITION_LEVEL_PROVINCE:
      return _("province");
    case CHAMBER_N_PETITION_LEVELS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Folded Vietnamese words for the administrative levels (with or without "cấp"). */
static const char *const level_words[CHAMBER_N_PETITION_LEVELS][5] = {
  { NULL },
  { "xa", "phuong", "thi tran", NULL },
  { "huyen", "quan", "thi xa", "thanh pho thuoc tinh", NULL },
  { "tinh", "thanh pho truc thuoc trung uong", NULL },
};

gboolean
chamber_petition_level_parse (const char           *text,
                              ChamberPetitionLevel *out)
{
  g_autofree char *key = NULL;
  const char *word;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;
  key = chamber_csv_fold_key (text);
  if (*key == '\0')
    {
      *out = CHAMBER_PETITION_LEVEL_NONE;
      return TRUE;
    }
  word = g_str_has_prefix (key, "cap ") ? key + strlen ("cap ") : key;
  for (int i = 1; i < CHAMBER_N_PETITION_LEVELS; i++)
    {
      if (g_str_equal (word, level_names[i]))
        {
          *out = (ChamberPetitionLevel) i;
          return TRUE;
        }
      for (int w = 0; level_words[i][w] != NULL; w++)
        if (g_str_equal (word, level_words[i][w]))
          {
            *out = (ChamberPetitionLevel) i;
            return TRUE;
          }
    }
  return FALSE;
}

/* ---- The record ------------------------------------------------------------------------ */

gboolean
chamber_petition_check_note (const char *note,
                             gsize       max_bytes,
                             GError    **error)
{
  if (note != NULL && (strlen (note) > max_bytes || !g_utf8_validate (note, -1, NULL)))
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                   _("The note must be UTF-8 text of at most %d bytes."), (int) max_bytes);
      return FALSE;
    }
  return TRUE;
}


ChamberPetition *
chamber_petition_new (void)
{
  return g_new0 (ChamberPetition, 1);
}

ChamberPetition *
chamber_petition_copy (const ChamberPetition *petition)
{
  ChamberPetition *copy;

  if (petition == NULL)
    return NULL;
  copy = g_memdup2 (petition, sizeof *petition);
  copy->content = g_strdup (petition->content);
  copy->meeting_date = g_strdup (petition->meeting_date);
  copy->meeting_place = g_strdup (petition->meeting_place);
  copy->delegate_group = g_strdup (petition->delegate_group);
  copy->field = g_strdup (petition->field);
  copy->agency = g_strdup (petition->agency);
  copy->answer = g_strdup (petition->answer);
  copy->answer_sha256 = g_strdup (petition->answer_sha256);
  copy->received_on = g_strdup (petition->received_on);
  copy->forwarded_on = g_strdup (petition->forwarded_on);
  copy->answered_on = g_strdup (petition->answered_on);
  copy->resolved_on = g_strdup (petition->resolved_on);
  copy->updated_at = g_strdup (petition->updated_at);
  return copy;
}

void
chamber_petition_free (ChamberPetition *petition)
{
  if (petition == NULL)
    return;
  g_free (petition->content);
  g_free (petition->meeting_date);
  g_free (petition->meeting_place);
  g_free (petition->delegate_group);
  g_free (petition->field);
  g_free (petition->agency);
  g_free (petition->answer);
  g_free (petition->answer_sha256);
  g_free (petition->received_on);
  g_free (petition->forwarded_on);
  g_free (petition->answered_on);
  g_free (petition->resolved_on);
  g_free (petition->updated_at);
  g_free (petition);
}

void
chamber_petition_change_free (ChamberPetitionChange *change)
{
  if (change == NULL)
    return;
  g_free (change->at);
  g_free (change->note);
  g_free (change);
}

void
chamber_petition_link_free (ChamberPetitionLink *link)
{
  if (link == NULL)
    return;
  g_free (link->kind);
  g_free (link);
}

/* A real calendar day written YYYY-MM-DD. */
static gboolean
is_day (const char *text)
{
  int y, m, d;
  char end;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
    return FALSE;
  return g_date_valid_dmy (d, m, y);
}

static gboolean
check_text (const char *value,
            const char *what,
            gsize       max,
            GError    **error)
{
  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL) || strlen (value) > max)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                   _("The %s must be UTF-8 text of at most %d bytes."), what, (int) max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_day (const char *value,
           const char *what,
           GError    **error)
{
  if (value == NULL || is_day (value))
    return TRUE;
  g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
               _("The %s must be a date written YYYY-MM-DD."), what);
  return FALSE;
}

gboolean
chamber_petition_validate (const ChamberPetition *petition,
                           GError               **error)
{
  g_return_val_if_fail (petition != NULL, FALSE);

  if (petition->content == NULL || *petition->content == '\0')
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                           _("A petition needs its content."));
      return FALSE;
    }
  return check_text (petition->content, _("content"), CHAMBER_PETITION_MAX_TEXT, error)
         && check_text (petition->answer, _("answer"), CHAMBER_PETITION_MAX_TEXT, error)
         && check_text (petition->meeting_place, _("place"), CHAMBER_PETITION_MAX_NAME, error)
         && check_text (petition->delegate_group, _("delegate group"),
                        CHAMBER_PETITION_MAX_NAME, error)
         && check_text (petition->field, _("field"), CHAMBER_PETITION_MAX_NAME, error)
         && check_text (petition->agency, _("agency"), CHAMBER_PETITION_MAX_NAME, error)
         && check_day (petition->meeting_date, _("meeting date"), error)
         && check_day (petition->received_on, _("date received"), error)
         && check_day (petition->forwarded_on, _("date forwarded"), error)
         && check_day (petition->answered_on, _("date answered"), error)
         && check_day (petition->resolved_on, _("date resolved"), error)
         && (int) petition->status >= 0 && petition->status < CHAMBER_N_PETITION_STATUSES
         && petition->level < CHAMBER_N_PETITION_LEVELS;
}

/* ---- JSON -------------------------------------------------------------------------------- */

JsonNode *
chamber_petition_to_json (const ChamberPetition *petition)
{
  JsonObject *object = json_object_new ();
  JsonObject *meeting = json_object_new ();

  json_object_set_int_member (object, "id", petition->id);
  json_object_set_string_member (object, "content", petition->content);
  chamber_json_object_set_optional_string (meeting, "date", petition->meeting_date);
  chamber_json_object_set_optional_string (meeting, "place", petition->meeting_place);
  chamber_json_object_set_optional_string (meeting, "group", petition->delegate_group);
  chamber_json_object_set_optional_string (meeting, "level",
                                           chamber_petition_level_to_string (petition->level));
  json_object_set_object_member (object, "meeting", meeting);
  chamber_json_object_set_optional_string (object, "field", petition->field);
  chamber_json_object_set_optional_string (object, "agency", petition->agency);
  json_object_set_string_member (object, "status",
                                 chamber_petition_status_to_string (petition->status));
  json_object_set_string_member (object, "status_label",
                                 chamber_petition_status_get_label (petition->status));
  chamber_json_object_set_optional_string (object, "answer", petition->answer);
  if (petition->answer_sha256 != NULL)
    {
      JsonObject *document = json_object_new ();

      json_object_set_string_member (document, "sha256", petition->answer_sha256);
      json_object_set_int_member (document, "bytes", petition->answer_bytes);
      json_object_set_object_member (object, "answer_document", document);
    }
  else
    json_object_set_null_member (object, "answer_document");
  chamber_json_object_set_optional_string (object, "received_on", petition->received_on);
  chamber_json_object_set_optional_string (object, "forwarded_on", petition->forwarded_on);
  chamber_json_object_set_optional_string (object, "answered_on", petition->answered_on);
  chamber_json_object_set_optional_string (object, "resolved_on", petition->resolved_on);
  chamber_json_object_set_optional_string (object, "updated_at", petition->updated_at);
  if (petition->raised_again_of > 0)
    {
      json_object_set_int_member (object, "raised_again_of", petition->raised_again_of);
      json_object_set_double_member (object, "similarity", petition->similarity);
    }
  else
    {
      json_object_set_null_member (object, "raised_again_of");
      json_object_set_null_member (object, "similarity");
    }
  return chamber_json_node_take_object (object);
}

/* An optional string member into *@out (NULL for null, absent or empty after trimming). */
static gboolean
read_optional (JsonObject *object,
               const char *member,
               gsize       max,
               char      **out,
               GError    **error)
{
  char *value = NULL;

  if (!chamber_json_get_string (object, member, FALSE, max, &value, error))
    return FALSE;
  if (value != NULL && *g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);
  g_free (*out);
  *out = value;
  return TRUE;
}

ChamberPetition *
chamber_petition_from_json (JsonObject *object,
                            GError    **error)
{
  g_autoptr (ChamberPetition) petition = chamber_petition_new ();
  g_autofree char *status = NULL;
  g_autofree char *level = NULL;
  JsonNode *node;
  JsonObject *meeting = NULL;

  if (!read_optional (object, "content", CHAMBER_PETITION_MAX_TEXT, &petition->content, error)
      || !read_optional (object, "field", CHAMBER_PETITION_MAX_NAME, &petition->field, error)
      || !read_optional (object, "agency", CHAMBER_PETITION_MAX_NAME, &petition->agency, error)
      || !read_optional (object, "answer", CHAMBER_PETITION_MAX_TEXT, &petition->answer, error)
      || !read_optional (object, "status", 64, &status, error)
      || !read_optional (object, "received_on", 10, &petition->received_on, error)
      || !read_optional (object, "forwarded_on", 10, &petition->forwarded_on, error)
      || !read_optional (object, "answered_on", 10, &petition->answered_on, error)
      || !read_optional (object, "resolved_on", 10, &petition->resolved_on, error))
    return NULL;
  if (petition->content == NULL)
    {
      g_set_error_literal (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_MISSING,
                           _("“content” is required: the text of the petition."));
      return NULL;
    }
  node = json_object_get_member (object, "meeting");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error_literal (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                               _("“meeting” must be an object {date, place, group, level}."));
          return NULL;
        }
      meeting = json_node_get_object (node);
      if (!read_optional (meeting, "date", 10, &petition->meeting_date, error)
          || !read_optional (meeting, "place", CHAMBER_PETITION_MAX_NAME,
                             &petition->meeting_place, error)
          || !read_optional (meeting, "group", CHAMBER_PETITION_MAX_NAME,
                             &petition->delegate_group, error)
          || !read_optional (meeting, "level", 64, &level, error))
        return NULL;
    }
  if (status != NULL && !chamber_petition_status_parse (status, &petition->status))
    {
      g_set_error_literal (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                           _("“status” must be forwarded, answered, in-progress, resolved or "
                             "unresolved (or its Vietnamese name)."));
      return NULL;
    }
  if (level != NULL && !chamber_petition_level_parse (level, &petition->level))
    {
      g_set_error_literal (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                           _("“meeting.level” must be commune, district or province."));
      return NULL;
    }
  {
    g_autoptr (GError) invalid = NULL;

    if (!chamber_petition_validate (petition, &invalid))
      {
        g_set_error_literal (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                             invalid->message);
        return NULL;
      }
  }
  return g_steal_pointer (&petition);
}

JsonNode *
chamber_petition_change_to_json (const ChamberPetitionChange *change)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", change->id);
  json_object_set_string_member (object, "status",
                                 chamber_petition_status_to_string (change->status));
  json_object_set_string_member (object, "at", change->at);
  if (change->by > 0)
    json_object_set_int_member (object, "by", change->by);
  else
    json_object_set_null_member (object, "by");
  chamber_json_object_set_optional_string (object, "note", change->note);
  if (change->finding_id > 0)
    json_object_set_int_member (object, "finding", change->finding_id);
  else
    json_object_set_null_member (object, "finding");
  return chamber_json_node_take_object (object);
}

JsonNode *
chamber_petition_link_to_json (const ChamberPetitionLink *link)
{
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "kind", link->kind);
  json_object_set_int_member (object, "id", link->target_id);
  if (link->session_id > 0)
    json_object_set_int_member (object, "session", link->session_id);
  else
    json_object_set_null_member (object, "session");
  return chamber_json_node_take_object (object);
}

/* ---- Similarity -------------------------------------------------------------------------- */

/* Folded Vietnamese function words left out of the comparison: every petition has them. */
static const char *const stop_words[] = {
  "va", "cua", "cho", "cac", "nhung", "de", "o", "tai", "la", "co", "duoc", "voi", "trong",
  "nay", "da", "se", "ve", "tu", "den", "mot", "thi", "ma", "nhu", "khi", "bi", "con", "cung",
  "theo", "tren", "duoi", "viec", "nguoi", "dan", "cu", "tri", "kien", "nghi",
};

static gboolean
is_stop_word (const char *word)
{
  for (gsize i = 0; i < G_N_ELEMENTS (stop_words); i++)
    if (g_str_equal (word, stop_words[i]))
      return TRUE;
  return FALSE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

char *
chamber_petition_fold_words (const char *text)
{
  g_autofree char *folded = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_string_free (word, TRUE);
      return g_string_free (out, FALSE);
    }
  folded = chamber_search_fold (text, -1);
  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          if (!is_stop_word (word->str) && !g_hash_table_contains (seen, word->str))
            {
              char *kept = g_strdup (word->str);

              g_hash_table_add (seen, kept);
              g_ptr_array_add (words, kept);
            }
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_ptr_array_sort (words, compare_strings);
  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (words, i));
    }
  g_string_free (word, TRUE);
  return g_string_free (out, FALSE);
}

double
chamber_petition_similarity (const char *folded_a,
                             const char *folded_b)
{
  g_auto (GStrv) a = g_strsplit (folded_a != NULL ? folded_a : "", " ", -1);
  g_auto (GStrv) b = g_strsplit (folded_b != NULL ? folded_b : "", " ", -1);

  return chamber_petition_similarity_words ((const char *const *) a, (const char *const *) b);
}

double
chamber_petition_similarity_words (const char *const *a,
                                   const char *const *b)
{
  guint i = 0, j = 0, both = 0, either = 0;

  /* Both lists are sorted and without repeats: merge them. */
  while (a[i] != NULL || b[j] != NULL)
    {
      int order;

      if (a[i] != NULL && *a[i] == '\0')
        {
          i++;
          continue;
        }
      if (b[j] != NULL && *b[j] == '\0')
        {
          j++;
          continue;
        }
      order = a[i] == NULL ? 1 : b[j] == NULL ? -1 : strcmp (a[i], b[j]);
      either++;
      if (order == 0)
        {
          both++;
          i++;
          j++;
        }
      else if (order < 0)
        i++;
      else
        j++;
    }
  return either == 0 ? 0.0 : (double) both / either;
}
