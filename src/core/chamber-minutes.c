/* chamber-minutes.c — the minutes of a session's questioning and answers (see
 * chamber-minutes.h): the PDF, laid out by chamber-pdf-writer on an official record's paper,
 * and the CSV and JSON exports of the same turns.
 *
 * The writer runs twice over the blocks added here: first to learn how many pages there are,
 * then to draw them with "Trang N/M" in each footer. Paragraphs flow line by line, so a long
 * summary continues on the next page without a line cut in two; a heading keeps its first line
 * with it; table rows move whole to the next page, under the table's header again. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "chamber-commitments.h"
#include "chamber-live-format.h"
#include "chamber-live-stats.h"
#include "chamber-live-store.h"
#include "chamber-minutes.h"
#include "chamber-pdf-writer.h"
#include "chamber-protocol.h"

struct _ChamberMinutes
{
  ChamberSession   *session;
  char             *council_name;
  char             *council_term;
  ChamberLiveState *state;
  ChamberLiveState *owned_state;
  gint64            now_ms;
  GHashTable       *document_titles;  /* gint64 * → char *: for the anchors of turns */
};

static const char *const format_names[CHAMBER_N_MINUTES_FORMATS] = { "pdf", "csv", "json" };

const char *
chamber_minutes_format_to_string (ChamberMinutesFormat format)
{
  g_return_val_if_fail (format < CHAMBER_N_MINUTES_FORMATS, NULL);
  return format_names[format];
}

gboolean
chamber_minutes_format_from_string (const char           *str,
                                    ChamberMinutesFormat *out)
{
  for (int i = 0; str != NULL && i < CHAMBER_N_MINUTES_FORMATS; i++)
    if (g_str_equal (str, format_names[i]))
      {
        *out = (ChamberMinutesFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
chamber_minutes_format_get_content_type (ChamberMinutesFormat format)
{
  switch (format)
    {
    case CHAMBER_MINUTES_PDF:
      return "application/pdf";
    case CHAMBER_MINUTES_CSV:
      return "text/csv; charset=utf-8";
    case CHAMBER_MINUTES_JSON:
      return "application/json";
    case CHAMBER_N_MINUTES_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }
}

ChamberMinutes *
chamber_minutes_new (const ChamberSession *session,
                     const char           *council_name,
                     const char           *council_term,
                     ChamberLiveState     *state,
                     gint64                now_ms)
{
  ChamberMinutes *self;

  g_return_val_if_fail (session != NULL, NULL);
  g_return_val_if_fail (state != NULL, NULL);

  self = g_new0 (ChamberMinutes, 1);
  self->session = chamber_session_copy (session);
  self->council_name = g_strdup (council_name);
  self->council_term = g_strdup (council_term);
  self->state = state;
  self->now_ms = now_ms;
  self->document_titles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  return self;
}

ChamberMinutes *
chamber_minutes_load (ChamberStore *store,
                      gint64        session_id,
                      gint64        now_ms,
                      GError      **error)
{
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (ChamberLiveState) state = NULL;
  g_autofree char *council_name = NULL;
  g_autofree char *council_term = NULL;
  ChamberMinutes *self;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  session = chamber_store_get_session (store, session_id, error);
  if (session == NULL)
    return NULL;
  if (!chamber_store_get_council (store, &council_name, &council_term, error)
      && error != NULL && *error != NULL)
    return NULL;
  state = chamber_live_store_load (store, session_id, error);
  if (state == NULL)
    return NULL;
  self = chamber_minutes_new (session, council_name, council_term, state, now_ms);
  self->owned_state = g_steal_pointer (&state);
  {
    g_autoptr (GPtrArray) documents = chamber_store_list_documents (store, session_id, NULL);

    for (guint i = 0; documents != NULL && i < documents->len; i++)
      {
        const ChamberDocument *document = g_ptr_array_index (documents, i);

        g_hash_table_insert (self->document_titles, g_memdup2 (&document->id, sizeof (gint64)),
                             g_strdup (document->title));
      }
  }
  return self;
}

void
chamber_minutes_free (ChamberMinutes *self)
{
  if (self == NULL)
    return;
  chamber_session_free (self->session);
  g_free (self->council_name);
  g_free (self->council_term);
  g_clear_pointer (&self->owned_state, chamber_live_state_free);
  g_clear_pointer (&self->document_titles, g_hash_table_unref);
  g_free (self);
}

/* ---- Words and numbers ------------------------------------------------------------------- */

static char *
format_clock (gint64 ms)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (ms / 1000);

  return time != NULL ? g_date_time_format (time, "%H:%M:%S") : g_strdup ("");
}

static char *
format_stamp (gint64 ms)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (ms / 1000);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M:%S") : g_strdup ("");
}

static char *
format_day_of (gint64 ms)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (ms / 1000);
  g_autofree char *day = time != NULL ? g_date_time_format (time, "%Y-%m-%d") : NULL;

  return chamber_date_format (day);
}

/* "2:05" or "1:02:05" */
static char *
format_duration (gint64 ms)
{
  gint64 s = MAX (ms, 0) / 1000;

  if (s >= 3600)
    return g_strdup_printf ("%lld:%02lld:%02lld", (long long) (s / 3600),
                            (long long) (s / 60 % 60), (long long) (s % 60));
  return g_strdup_printf ("%lld:%02lld", (long long) (s / 60), (long long) (s % 60));
}

/* "Nguyễn Hữu Phước, Giám đốc Sở Tài nguyên và Môi trường (Tổ đại biểu …)" */
static char *
describe_person (ChamberLiveState *state,
                 gint64            person_id)
{
  const ChamberPerson *person = chamber_live_state_lookup_person (state, person_id);
  GString *text;

  if (person == NULL)
    return g_strdup_printf (_("Person %lld"), (long long) person_id);
  text = g_string_new (person->name);
  if (person->title != NULL && *person->title != '\0')
    g_string_append_printf (text, ", %s", person->title);
  else if (person->agency != NULL && *person->agency != '\0')
    g_string_append_printf (text, ", %s", person->agency);
  if (person->group_name != NULL && *person->group_name != '\0')
    g_string_append_printf (text, " (%s)", person->group_name);
  return g_string_free (text, FALSE);
}

static char *
person_name (ChamberLiveState *state,
             gint64            person_id)
{
  const ChamberPerson *person = chamber_live_state_lookup_person (state, person_id);

  if (person == NULL)
    return g_strdup_printf (_("Person %lld"), (long long) person_id);
  return g_strdup (person->name);
}

static char *
join_ids (GArray *ids)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_string_append_printf (text, "%s%lld", i > 0 ? ", " : "",
                            (long long) g_array_index (ids, gint64, i));
  return g_string_free (text, FALSE);
}

/* The items with turns, in the order the state knows them. */
static GPtrArray *
items_with_turns (ChamberLiveState *state)
{
  GPtrArray *items = chamber_live_state_get_items (state);
  GPtrArray *turns = chamber_live_state_get_turns (state);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      const ChamberLiveItem *item = g_ptr_array_index (items, i);

      for (guint t = 0; t < turns->len; t++)
        if (((const ChamberLiveTurn *) g_ptr_array_index (turns, t))->item_id == item->id)
          {
            g_ptr_array_add (out, (gpointer) item);
            break;
          }
    }
  return out;
}

static gint64
first_turn_start (ChamberLiveState *state)
{
  GPtrArray *turns = chamber_live_state_get_turns (state);

  return turns->len > 0 ? ((const ChamberLiveTurn *) g_ptr_array_index (turns, 0))->started_at
                        : 0;
}

/* ---- The document ------------------------------------------------------------------------- */

static void
write_header (ChamberPdfWriter *pdf,
              ChamberMinutes   *self)
{
  g_autofree char *day = NULL;
  gint64 started = first_turn_start (self->state);

  chamber_pdf_writer_letterhead (pdf, self->council_name);
  chamber_pdf_writer_title (pdf, _("Minutes of the questioning and answers"));
  if (self->session->title != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (self->session->title, -1);
      g_autofree char *session_line = g_strdup_printf ("<b>%s</b>", escaped);

      chamber_pdf_writer_markup (pdf, CHAMBER_PDF_TEXT_CENTRED, session_line);
    }
  if (self->council_term != NULL && *self->council_term != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Term %s"), self->council_term);

      chamber_pdf_writer_paragraph (pdf, CHAMBER_PDF_TEXT_CENTRED, line);
    }
  chamber_pdf_writer_space (pdf, 8, 0);

  if (started != 0)
    day = format_day_of (started);
  else if (self->session->starts_on != NULL)
    day = chamber_date_format (self->session->starts_on);
  {
    g_autofree char *number = g_strdup_printf ("%d", self->session->number);

    chamber_pdf_writer_field (pdf, _("Session number:"), number);
  }
  chamber_pdf_writer_field (pdf, _("Date:"), day);
  chamber_pdf_writer_field (pdf, _("Place:"), self->session->place);
}

static void
write_turn (ChamberPdfWriter      *pdf,
            ChamberMinutes        *self,
            guint                  number,
            const ChamberLiveTurn *turn)
{
  gint64 used_ms = chamber_live_turn_used_ms (turn, self->now_ms);
  gint64 overtime_ms = used_ms - (gint64) turn->allotted_s * 1000;
  g_autofree char *start = format_clock (turn->started_at);
  g_autofree char *end = turn->ended_at != 0 ? format_clock (turn->ended_at)
                                             : g_strdup (_("still speaking"));
  g_autofree char *kind = g_markup_escape_text (chamber_live_kind_get_label (turn->kind), -1);
  g_autofree char *heading = NULL;
  g_autofree char *speaker = describe_person (self->state, turn->speaker_id);
  g_autofree char *used = format_duration (used_ms);
  g_autofree char *allotted = format_duration ((gint64) turn->allotted_s * 1000);
  g_autofree char *time = NULL;

  /* TRANSLATORS: the heading of a turn in the minutes: its number, kind, start and end. */
  heading = g_strdup_printf (_("%u. %s (turn %lld), %s – %s"), number, kind,
                             (long long) turn->id, start, end);
  chamber_pdf_writer_heading (pdf, CHAMBER_PDF_TEXT_SUBHEADING, heading, 16);
  chamber_pdf_writer_field (pdf, _("Speaker:"), speaker);
  if (turn->respondent_id != 0)
    {
      g_autofree char *respondent = describe_person (self->state, turn->respondent_id);

      chamber_pdf_writer_field (pdf, _("Addressed to:"), respondent);
    }
  if (turn->responds_to != NULL && turn->responds_to->len > 0)
    {
      g_autofree char *ids = join_ids (turn->responds_to);

      chamber_pdf_writer_field (pdf, turn->kind == CHAMBER_LIVE_DEBATE ? _("Debates turn:")
                                                        : _("Answers turns:"),
                 ids);
    }
  chamber_pdf_writer_field (pdf, _("Topic:"), turn->topic);
  if (turn->anchor.document_id != 0)
    {
      const char *title = self->document_titles != NULL
                            ? g_hash_table_lookup (self->document_titles,
                                                   &turn->anchor.document_id)
                            : NULL;
      g_autofree char *unknown = NULL;
      g_autofree char *quote = chamber_live_format_quote (turn->anchor.quote, 400);
      g_autofree char *where = NULL;

      if (title == NULL)
        /* TRANSLATORS: a document the minutes know only by its number */
        title = unknown = g_strdup_printf (_("document %lld"),
                                           (long long) turn->anchor.document_id);
      if (quote != NULL)
        /* TRANSLATORS: the passage a question is about: document title, page, quoted text */
        where = g_strdup_printf (_("%s, page %d: “%s”"), title, turn->anchor.page, quote);
      else
        /* TRANSLATORS: the page a question is about: document title, page */
        where = g_strdup_printf (_("%s, page %d"), title, turn->anchor.page);
      chamber_pdf_writer_field (pdf, _("Passage:"), where);
    }
  if (overtime_ms >= 1000)
    {
      g_autofree char *over = format_duration (overtime_ms);

      time = g_strdup_printf (_("%s of %s (overtime %s)"), used, allotted, over);
    }
  else
    time = g_strdup_printf (_("%s of %s"), used, allotted);
  chamber_pdf_writer_field (pdf, _("Time spoken:"), time);
  chamber_pdf_writer_field (pdf, _("Summary:"), turn->summary);
  if (turn->commitments->len > 0)
    {
      g_autofree char *label = g_markup_escape_text (_("Commitments:"), -1);
      g_autofree char *markup = g_strdup_printf ("<b>%s</b>", label);

      chamber_pdf_writer_markup (pdf, CHAMBER_PDF_TEXT_FIELD, markup);
      for (guint i = 0; i < turn->commitments->len; i++)
        {
          const ChamberLiveCommitment *c = g_ptr_array_index (turn->commitments, i);
          g_autofree char *owner = person_name (self->state, c->owner_id);
          g_autofree char *due = c->due != NULL ? chamber_date_format (c->due) : NULL;
          g_autofree char *line = NULL;

          if (due != NULL)
            line = g_strdup_printf (_("– %s (by %s, due %s)"), c->what, owner, due);
          else
            line = g_strdup_printf (_("– %s (by %s)"), c->what, owner);
          chamber_pdf_writer_paragraph (pdf, CHAMBER_PDF_TEXT_LIST, line);
        }
    }
}

typedef struct {
  const char *title;   /* translated header */
  double      width;   /* a share of the text width */
  gboolean    number;
} Column;

/* Starts a table of @columns under @caption. */
static void
start_table (ChamberPdfWriter *pdf,
             const char       *caption,
             const Column     *columns,
             guint             n_columns)
{
  g_autofree const char **titles = g_new0 (const char *, n_columns);
  g_autofree double *widths = g_new0 (double, n_columns);
  g_autofree gboolean *numeric = g_new0 (gboolean, n_columns);

  for (guint c = 0; c < n_columns; c++)
    {
      titles[c] = columns[c].title;
      widths[c] = columns[c].width;
      numeric[c] = columns[c].number;
    }
  chamber_pdf_writer_table (pdf, caption, n_columns, titles, widths, numeric);
}

static void
write_statistics (ChamberPdfWriter *pdf,
                  ChamberMinutes   *self)
{
  g_autoptr (ChamberLiveStats) stats = chamber_live_stats_compute (self->state, 0, self->now_ms);
  const Column delegates[] = {
    { _("Delegate"), 0.3, FALSE }, { _("Group"), 0.26, FALSE },
    { _("Questions"), 0.13, TRUE }, { _("Debates"), 0.11, TRUE }, { _("Other"), 0.08, TRUE },
    { _("Time"), 0.12, TRUE },
  };
  const Column respondents[] = {
    { _("Respondent"), 0.3, FALSE }, { _("Title"), 0.3, FALSE },
    { _("Questions received"), 0.14, TRUE }, { _("Answers"), 0.12, TRUE },
    { _("Time"), 0.14, TRUE },
  };
  const Column groups[] = {
    { _("Delegate group"), 0.4, FALSE }, { _("Delegates"), 0.12, TRUE },
    { _("Questions"), 0.12, TRUE }, { _("Debates"), 0.12, TRUE }, { _("Other"), 0.1, TRUE },
    { _("Time"), 0.14, TRUE },
  };
  g_autofree char *heading = g_markup_escape_text (_("Statistics"), -1);
  g_autofree char *total = NULL;
  g_autofree char *total_time = format_duration (stats->total_ms);

  chamber_pdf_writer_heading (pdf, CHAMBER_PDF_TEXT_HEADING, heading, 60);
  total = g_strdup_printf (_("%u turns, %s in all."), stats->turns, total_time);
  chamber_pdf_writer_markup (pdf, CHAMBER_PDF_TEXT_BODY, total);
  if (stats->delegates->len > 0)
    {
      start_table (pdf, _("Delegates"), delegates, G_N_ELEMENTS (delegates));
      for (guint i = 0; i < stats->delegates->len; i++)
        {
          const ChamberLiveStatsPerson *p = g_ptr_array_index (stats->delegates, i);
          g_autofree char *name = p->name != NULL ? g_strdup (p->name)
                                                  : person_name (self->state, p->person_id);
          g_autofree char *q = g_strdup_printf ("%u", p->questions);
          g_autofree char *d = g_strdup_printf ("%u", p->debates);
          g_autofree char *o = g_strdup_printf ("%u", p->discussions + p->points_of_order);
          g_autofree char *t = format_duration (p->speaking_ms);
          const char *cells[] = { name, p->group, q, d, o, t };

          chamber_pdf_writer_row (pdf, cells, FALSE);
        }
    }
  if (stats->respondents->len > 0)
    {
      start_table (pdf, _("Respondents"), respondents, G_N_ELEMENTS (respondents));
      for (guint i = 0; i < stats->respondents->len; i++)
        {
          const ChamberLiveStatsPerson *p = g_ptr_array_index (stats->respondents, i);
          g_autofree char *name = p->name != NULL ? g_strdup (p->name)
                                                  : person_name (self->state, p->person_id);
          g_autofree char *q = g_strdup_printf ("%u", p->questions_received);
          g_autofree char *a = g_strdup_printf ("%u", p->answers);
          g_autofree char *t = format_duration (p->answer_ms);
          const char *cells[] = { name, p->title != NULL ? p->title : p->agency, q, a, t };

          chamber_pdf_writer_row (pdf, cells, FALSE);
        }
    }
  if (stats->groups->len > 0)
    {
      start_table (pdf, _("Delegate groups"), groups, G_N_ELEMENTS (groups));
      for (guint i = 0; i < stats->groups->len; i++)
        {
          const ChamberLiveStatsGroup *g = g_ptr_array_index (stats->groups, i);
          g_autofree char *n = g_strdup_printf ("%u", g->delegates);
          g_autofree char *q = g_strdup_printf ("%u", g->questions);
          g_autofree char *d = g_strdup_printf ("%u", g->debates);
          g_autofree char *o = g_strdup_printf ("%u", g->discussions);
          g_autofree char *t = format_duration (g->speaking_ms);
          const char *cells[] = { g->name != NULL ? g->name : _("No delegate group"), n, q, d,
                                  o, t };

          chamber_pdf_writer_row (pdf, cells, FALSE);
        }
    }
}

static void
write_signatures (ChamberPdfWriter *pdf)
{
  g_autofree char *secretary = g_utf8_strup (C_("minutes signature", "Secretary"), -1);
  g_autofree char *chair = g_utf8_strup (_("Chair"), -1);
  g_autofree char *sign = g_markup_escape_text (_("(signature, full name)"), -1);
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *secretary_escaped = g_markup_escape_text (secretary, -1);
  g_autofree char *chair_escaped = g_markup_escape_text (chair, -1);

  left = g_strdup_printf ("%s\n<span weight=\"normal\" style=\"italic\">%s</span>",
                          secretary_escaped, sign);
  right = g_strdup_printf ("%s\n<span weight=\"normal\" style=\"italic\">%s</span>",
                           chair_escaped, sign);
  chamber_pdf_writer_space (pdf, 24, 90);
  chamber_pdf_writer_two_columns (pdf, left, 0.5, right);
}

GBytes *
chamber_minutes_to_pdf (ChamberMinutes *self,
                        GError        **error)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (ChamberPdfWriter) pdf = NULL;
  g_autofree char *title = NULL;
  GPtrArray *turns;
  guint number = 0;

  g_return_val_if_fail (self != NULL, NULL);

  items = items_with_turns (self->state);
  turns = chamber_live_state_get_turns (self->state);
  title = g_strdup_printf ("%s — %s", _("Minutes of the questioning and answers"),
                           self->session->title != NULL ? self->session->title : "");
  pdf = chamber_pdf_writer_new_on (CHAMBER_PDF_PAPER_RECORD, FALSE, title);
  write_header (pdf, self);
  if (items->len == 0)
    chamber_pdf_writer_heading (pdf, CHAMBER_PDF_TEXT_HEADING,
                                _("No turn was recorded in this session's sitting."), 0);
  for (guint i = 0; i < items->len; i++)
    {
      const ChamberLiveItem *item = g_ptr_array_index (items, i);
      g_autofree char *item_title = g_markup_escape_text (item->title != NULL ? item->title
                                                                               : "", -1);
      g_autofree char *heading = g_strdup_printf ("%s %s", _("Item:"), item_title);

      chamber_pdf_writer_heading (pdf, CHAMBER_PDF_TEXT_HEADING, heading, 40);
      chamber_pdf_writer_rule (pdf);
      for (guint t = 0; t < turns->len; t++)
        {
          const ChamberLiveTurn *turn = g_ptr_array_index (turns, t);

          if (turn->item_id == item->id)
            write_turn (pdf, self, ++number, turn);
        }
    }
  write_statistics (pdf, self);
  write_signatures (pdf);
  return chamber_pdf_writer_finish (pdf, error);
}

/* ---- CSV and JSON ------------------------------------------------------------------------- */

static void
csv_number (GString *csv,
            gint64   value)
{
  g_string_append_printf (csv, "%lld", (long long) value);
}

GBytes *
chamber_minutes_to_csv (ChamberMinutes *self)
{
  GString *csv = g_string_new ("\xEF\xBB\xBF");
  GPtrArray *turns = chamber_live_state_get_turns (self->state);
  const char *const header[] = {
    N_("Item"), N_("Turn"), N_("Kind"), N_("Start"), N_("End"), N_("Speaker"),
    N_("Speaker's title"), N_("Group"), N_("Addressed to"), N_("Responds to"), N_("Topic"),
    N_("Seconds spoken"), N_("Seconds allotted"), N_("Summary"), N_("Commitments"),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (header); i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, _(header[i]));
    }
  g_string_append (csv, "\r\n");

  for (guint t = 0; t < turns->len; t++)
    {
      const ChamberLiveTurn *turn = g_ptr_array_index (turns, t);
      const ChamberLiveItem *item = chamber_live_state_get_item (self->state, turn->item_id);
      const ChamberPerson *speaker = chamber_live_state_lookup_person (self->state,
                                                                        turn->speaker_id);
      g_autofree char *start = format_stamp (turn->started_at);
      g_autofree char *end = turn->ended_at != 0 ? format_stamp (turn->ended_at) : NULL;
      g_autofree char *speaker_name = person_name (self->state, turn->speaker_id);
      g_autofree char *respondent = turn->respondent_id != 0
                                      ? describe_person (self->state, turn->respondent_id)
                                      : NULL;
      g_autofree char *responds = join_ids (turn->responds_to);
      GString *commitments = g_string_new (NULL);

      for (guint i = 0; i < turn->commitments->len; i++)
        {
          const ChamberLiveCommitment *c = g_ptr_array_index (turn->commitments, i);
          g_autofree char *owner = person_name (self->state, c->owner_id);

          g_string_append_printf (commitments, "%s%s — %s — %s", i > 0 ? "\n" : "", c->what,
                                  owner, c->due != NULL ? c->due : "");
        }

      chamber_csv_append_field (csv, item != NULL ? item->title : NULL);
      g_string_append_c (csv, ',');
      csv_number (csv, turn->id);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, chamber_live_kind_get_label (turn->kind));
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, start);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, end);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, speaker_name);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, speaker != NULL ? (speaker->title != NULL ? speaker->title
                                                                               : speaker->agency)
                                                     : NULL);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, speaker != NULL ? speaker->group_name : NULL);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, respondent);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, responds);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, turn->topic);
      g_string_append_c (csv, ',');
      csv_number (csv, chamber_live_turn_used_ms (turn, self->now_ms) / 1000);
      g_string_append_c (csv, ',');
      csv_number (csv, turn->allotted_s);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, turn->summary);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, commitments->str);
      g_string_append (csv, "\r\n");
      g_string_free (commitments, TRUE);
    }
  return g_string_free_to_bytes (csv);
}

JsonNode *
chamber_minutes_to_json (ChamberMinutes *self)
{
  g_autoptr (JsonNode) live = chamber_live_state_to_json (self->state, self->now_ms);
  g_autoptr (ChamberLiveStats) stats = chamber_live_stats_compute (self->state, 0, self->now_ms);
  JsonArray *live_items = json_object_get_array_member (json_node_get_object (live), "items");
  JsonObject *root = json_object_new ();
  JsonObject *council = json_object_new ();
  JsonObject *session = json_object_new ();
  JsonArray *items = json_array_new ();

  json_object_set_string_member (council, "name", self->council_name);
  json_object_set_string_member (council, "term", self->council_term);
  json_object_set_object_member (root, "council", council);
  json_object_set_int_member (session, "id", self->session->id);
  json_object_set_int_member (session, "number", self->session->number);
  json_object_set_string_member (session, "kind",
                                 chamber_session_kind_to_string (self->session->kind));
  json_object_set_string_member (session, "title", self->session->title);
  json_object_set_string_member (session, "place", self->session->place);
  json_object_set_string_member (session, "starts_on", self->session->starts_on);
  json_object_set_string_member (session, "ends_on", self->session->ends_on);
  json_object_set_object_member (root, "session", session);
  json_object_set_int_member (root, "generated_at", self->now_ms);

  for (guint i = 0; i < json_array_get_length (live_items); i++)
    {
      JsonObject *live_item = json_array_get_object_element (live_items, i);
      JsonArray *turns = json_object_get_array_member (live_item, "turns");
      JsonObject *item;

      if (json_array_get_length (turns) == 0)
        continue;
      item = json_object_new ();
      json_object_set_int_member (item, "id", json_object_get_int_member (live_item, "id"));
      json_object_set_member (item, "title",
                              json_node_copy (json_object_get_member (live_item, "title")));
      json_object_set_member (item, "state",
                              json_node_copy (json_object_get_member (live_item, "state")));
      json_object_set_array_member (item, "turns", json_array_ref (turns));
      json_array_add_object_element (items, item);
    }
  json_object_set_array_member (root, "items", items);
  json_object_set_member (root, "statistics", chamber_live_stats_to_json (stats));
  return chamber_json_node_take_object (root);
}

GBytes *
chamber_minutes_export (ChamberMinutes      *self,
                        ChamberMinutesFormat format,
                        GError             **error)
{
  g_return_val_if_fail (self != NULL, NULL);

  switch (format)
    {
    case CHAMBER_MINUTES_PDF:
      return chamber_minutes_to_pdf (self, error);
    case CHAMBER_MINUTES_CSV:
      return chamber_minutes_to_csv (self);
    case CHAMBER_MINUTES_JSON:
      {
        g_autoptr (JsonNode) node = chamber_minutes_to_json (self);
        char *text = chamber_json_to_string (node, NULL);
        gsize length = strlen (text);

        return g_bytes_new_take (text, length);
      }
    case CHAMBER_N_MINUTES_FORMATS:
    default:
      g_return_val_if_reached (NULL);
    }
}
