/* chamber-minutes.c — the minutes of a session's questioning and answers (see
 * chamber-minutes.h): the PDF laid out with pango on cairo's PDF surface, and the CSV and JSON
 * exports of the same turns.
 *
 * The PDF is written by a “pen” that runs twice over the same content: the first run only
 * measures (no cairo context) to learn how many pages there are; the second draws, with
 * "Trang N/M" in each footer. Layouts come from one PangoContext at 72 dpi with hinting off, so
 * both runs measure the same. Paragraphs flow line by line, so a long summary continues on the
 * next page without a line cut in two; a heading keeps its first line with it; table rows move
 * whole to the next page, under the table's header again. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "chamber-commitments.h"
#include "chamber-live-format.h"
#include "chamber-live-stats.h"
#include "chamber-live-store.h"
#include "chamber-minutes.h"
#include "chamber-protocol.h"

/* A4 in points, margins of an official paper (30 mm left, 20 mm right and top). */
#define PAGE_WIDTH    595.276
#define PAGE_HEIGHT   841.890
#define MARGIN_LEFT   85.0
#define MARGIN_RIGHT  57.0
#define MARGIN_TOP    57.0
#define BODY_BOTTOM   (PAGE_HEIGHT - 70.0)
#define FOOTER_Y      (PAGE_HEIGHT - 45.0)
#define TEXT_WIDTH    (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define CELL_PADDING  3.0

#define SERIF "Noto Serif, DejaVu Serif"

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

/* ---- The pen ------------------------------------------------------------------------------ */

typedef struct {
  PangoContext *context;
  cairo_t      *cr;       /* NULL while measuring */
  double        y;
  int           page;     /* from 1 */
  int           n_pages;  /* known while drawing, 0 while measuring */
} Pen;

typedef struct {
  const char    *font;
  PangoAlignment align;
  double         indent;       /* points, from the left margin */
  double         space_before; /* points */
} Style;

static const Style body = { SERIF " 11.5", PANGO_ALIGN_LEFT, 0, 2 };
static const Style indented = { SERIF " 11.5", PANGO_ALIGN_LEFT, 18, 1 };
static const Style turn_heading = { SERIF " Bold 11.5", PANGO_ALIGN_LEFT, 0, 9 };
static const Style item_heading = { SERIF " Bold 12.5", PANGO_ALIGN_LEFT, 0, 14 };
static const Style title_style = { SERIF " Bold 14", PANGO_ALIGN_CENTER, 0, 18 };
static const Style centred = { SERIF " Italic 11.5", PANGO_ALIGN_CENTER, 0, 2 };
static const Style header_style = { SERIF " Bold 11", PANGO_ALIGN_CENTER, 0, 0 };
static const Style cell_style = { SERIF " 9.5", PANGO_ALIGN_LEFT, 0, 0 };
static const Style cell_bold = { SERIF " Bold 9.5", PANGO_ALIGN_LEFT, 0, 0 };
static const Style cell_number = { SERIF " 9.5", PANGO_ALIGN_RIGHT, 0, 0 };

static PangoLayout *
pen_layout (Pen         *pen,
            const Style *style,
            const char  *markup,
            double       width)
{
  PangoLayout *layout = pango_layout_new (pen->context);
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (style->font);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, style->align);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height = 0;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

static void
pen_footer (Pen *pen)
{
  g_autofree char *text = NULL;
  g_autoptr (PangoLayout) layout = NULL;

  if (pen->cr == NULL)
    return;
  /* TRANSLATORS: the page number in the footer of the minutes: page N of M ("Trang N/M"). */
  text = g_strdup_printf (_("Page %d/%d"), pen->page, pen->n_pages);
  layout = pen_layout (pen, &centred, text, TEXT_WIDTH);
  cairo_move_to (pen->cr, MARGIN_LEFT, FOOTER_Y);
  pango_cairo_show_layout (pen->cr, layout);
}

static void
pen_new_page (Pen *pen)
{
  pen_footer (pen);
  if (pen->cr != NULL)
    cairo_show_page (pen->cr);
  pen->page++;
  pen->y = MARGIN_TOP;
}

/* Starts a new page unless @height fits below the pen (or the page is still empty). */
static void
pen_need (Pen   *pen,
          double height)
{
  if (pen->y + height > BODY_BOTTOM && pen->y > MARGIN_TOP)
    pen_new_page (pen);
}

/* Lays @layout out line by line from the pen at @x, continuing on new pages. */
static void
pen_flow_layout (Pen         *pen,
                 PangoLayout *layout,
                 double       x)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      PangoRectangle logical;
      int y0 = 0, y1 = 0, baseline;
      double height;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      height = (double) (y1 - y0) / PANGO_SCALE;
      pen_need (pen, height);
      if (pen->cr != NULL)
        {
          cairo_move_to (pen->cr, x + (double) logical.x / PANGO_SCALE,
                         pen->y + (double) (baseline - y0) / PANGO_SCALE);
          pango_cairo_show_layout_line (pen->cr, pango_layout_iter_get_line_readonly (iter));
        }
      pen->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* A paragraph of Pango @markup in @style. */
static void
pen_paragraph (Pen         *pen,
               const Style *style,
               const char  *markup)
{
  g_autoptr (PangoLayout) layout = pen_layout (pen, style, markup, TEXT_WIDTH - style->indent);

  pen->y += style->space_before;
  pen_flow_layout (pen, layout, MARGIN_LEFT + style->indent);
}

/* A heading, kept on the page with @keep points of what follows it. */
static void
pen_heading (Pen         *pen,
             const Style *style,
             const char  *markup,
             double       keep)
{
  g_autoptr (PangoLayout) layout = pen_layout (pen, style, markup, TEXT_WIDTH - style->indent);

  pen->y += style->space_before;
  pen_need (pen, layout_height (layout) + keep);
  pen_flow_layout (pen, layout, MARGIN_LEFT + style->indent);
}

/* "<b>Label:</b> text" (escaped), indented; nothing when @text is empty. */
static void
pen_field (Pen        *pen,
           const char *label,
           const char *text)
{
  g_autofree char *escaped_label = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped_label = g_markup_escape_text (label, -1);
  escaped = g_markup_escape_text (text, -1);
  markup = g_strdup_printf ("<b>%s</b> %s", escaped_label, escaped);
  pen_paragraph (pen, &indented, markup);
}

/* Two blocks side by side (the council and the national motto). */
static void
pen_two_columns (Pen         *pen,
                 const Style *style,
                 const char  *left,
                 double       left_width,
                 const char  *right)
{
  g_autoptr (PangoLayout) a = pen_layout (pen, style, left, left_width);
  g_autoptr (PangoLayout) b = pen_layout (pen, style, right, TEXT_WIDTH - left_width);

  if (pen->cr != NULL)
    {
      cairo_move_to (pen->cr, MARGIN_LEFT, pen->y);
      pango_cairo_show_layout (pen->cr, a);
      cairo_move_to (pen->cr, MARGIN_LEFT + left_width, pen->y);
      pango_cairo_show_layout (pen->cr, b);
    }
  pen->y += MAX (layout_height (a), layout_height (b));
}

static void
pen_rule (Pen   *pen,
          double x,
          double width)
{
  if (pen->cr == NULL)
    return;
  cairo_set_line_width (pen->cr, 0.6);
  cairo_move_to (pen->cr, x, pen->y + 2);
  cairo_line_to (pen->cr, x + width, pen->y + 2);
  cairo_stroke (pen->cr);
}

/* ---- Tables ------------------------------------------------------------------------------- */

typedef struct {
  const char *title;   /* translated header */
  double      width;   /* a share of the text width */
  gboolean    number;
} Column;

static double
row_height (Pen          *pen,
            const Column *columns,
            guint         n_columns,
            const char  **cells,
            gboolean      header,
            PangoLayout **layouts)
{
  double height = 0;

  for (guint c = 0; c < n_columns; c++)
    {
      const Style *style = header ? &cell_bold : columns[c].number ? &cell_number : &cell_style;
      g_autofree char *escaped = g_markup_escape_text (cells[c] != NULL ? cells[c] : "", -1);

      layouts[c] = pen_layout (pen, style, escaped,
                               columns[c].width * TEXT_WIDTH - 2 * CELL_PADDING);
      height = MAX (height, layout_height (layouts[c]));
    }
  return height + 2 * CELL_PADDING;
}

static void
draw_row (Pen          *pen,
          const Column *columns,
          guint         n_columns,
          PangoLayout **layouts,
          double        height,
          gboolean      header)
{
  double x = MARGIN_LEFT;

  for (guint c = 0; c < n_columns; c++)
    {
      double width = columns[c].width * TEXT_WIDTH;

      if (pen->cr != NULL)
        {
          if (header)
            {
              cairo_set_source_rgb (pen->cr, 0.9, 0.9, 0.9);
              cairo_rectangle (pen->cr, x, pen->y, width, height);
              cairo_fill (pen->cr);
              cairo_set_source_rgb (pen->cr, 0, 0, 0);
            }
          cairo_set_line_width (pen->cr, 0.5);
          cairo_rectangle (pen->cr, x, pen->y, width, height);
          cairo_stroke (pen->cr);
          cairo_move_to (pen->cr, x + CELL_PADDING, pen->y + CELL_PADDING);
          pango_cairo_show_layout (pen->cr, layouts[c]);
        }
      g_clear_object (&layouts[c]);
      x += width;
    }
  pen->y += height;
}

static void
pen_table_row (Pen          *pen,
               const Column *columns,
               guint         n_columns,
               const char  **cells)
{
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, n_columns);
  g_autofree PangoLayout **header = g_new0 (PangoLayout *, n_columns);
  g_autofree const char **titles = g_new0 (const char *, n_columns);
  double height = row_height (pen, columns, n_columns, cells, FALSE, layouts);

  if (pen->y + height > BODY_BOTTOM)
    {
      double header_height;

      pen_new_page (pen);
      for (guint c = 0; c < n_columns; c++)
        titles[c] = columns[c].title;
      header_height = row_height (pen, columns, n_columns, titles, TRUE, header);
      draw_row (pen, columns, n_columns, header, header_height, TRUE);
    }
  draw_row (pen, columns, n_columns, layouts, height, FALSE);
}

/* A table's caption and header row, kept with its first rows. */
static void
pen_table_start (Pen          *pen,
                 const char   *caption,
                 const Column *columns,
                 guint         n_columns)
{
  g_autofree PangoLayout **header = g_new0 (PangoLayout *, n_columns);
  g_autofree const char **titles = g_new0 (const char *, n_columns);
  g_autofree char *markup = NULL;
  g_autofree char *escaped = g_markup_escape_text (caption, -1);
  double height;

  for (guint c = 0; c < n_columns; c++)
    titles[c] = columns[c].title;
  height = row_height (pen, columns, n_columns, titles, TRUE, header);
  markup = g_strdup_printf ("<i>%s</i>", escaped);
  pen_heading (pen, &turn_heading, markup, height + 30);
  pen->y += 3;
  draw_row (pen, columns, n_columns, header, height, TRUE);
}

/* ---- The document ------------------------------------------------------------------------- */

static void
write_header (Pen            *pen,
              ChamberMinutes *self)
{
  g_autofree char *council = NULL;
  g_autofree char *council_upper = NULL;
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  g_autofree char *title = NULL;
  g_autofree char *title_upper = NULL;
  g_autofree char *nation = g_utf8_strup (_("Socialist Republic of Viet Nam"), -1);
  g_autofree char *motto = g_markup_escape_text (_("Independence – Freedom – Happiness"), -1);
  g_autofree char *nation_escaped = g_markup_escape_text (nation, -1);
  g_autofree char *session_line = NULL;
  g_autofree char *day = NULL;
  gint64 started = first_turn_start (self->state);

  council_upper = g_utf8_strup (self->council_name != NULL ? self->council_name
                                                          : _("People's Council"), -1);
  council = g_markup_escape_text (council_upper, -1);
  left = g_strdup_printf ("%s\n<span size=\"small\">―――――</span>", council);
  right = g_strdup_printf ("%s\n%s\n<span size=\"small\">―――――――――――</span>", nation_escaped,
                           motto);
  pen_two_columns (pen, &header_style, left, TEXT_WIDTH * 0.4, right);

  title_upper = g_utf8_strup (_("Minutes of the questioning and answers"), -1);
  title = g_markup_escape_text (title_upper, -1);
  pen_paragraph (pen, &title_style, title);

  if (self->session->title != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (self->session->title, -1);

      session_line = g_strdup_printf ("<b>%s</b>", escaped);
      pen_paragraph (pen, &centred, session_line);
    }
  if (self->council_term != NULL && *self->council_term != '\0')
    {
      g_autofree char *line = g_strdup_printf (_("Term %s"), self->council_term);
      g_autofree char *escaped = g_markup_escape_text (line, -1);

      pen_paragraph (pen, &centred, escaped);
    }
  pen->y += 8;

  if (started != 0)
    day = format_day_of (started);
  else if (self->session->starts_on != NULL)
    day = chamber_date_format (self->session->starts_on);
  {
    g_autofree char *number = g_strdup_printf ("%d", self->session->number);

    pen_field (pen, _("Session number:"), number);
  }
  pen_field (pen, _("Date:"), day);
  pen_field (pen, _("Place:"), self->session->place);
}

static void
write_turn (Pen                   *pen,
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
  pen_heading (pen, &turn_heading, heading, 16);
  pen_field (pen, _("Speaker:"), speaker);
  if (turn->respondent_id != 0)
    {
      g_autofree char *respondent = describe_person (self->state, turn->respondent_id);

      pen_field (pen, _("Addressed to:"), respondent);
    }
  if (turn->responds_to != NULL && turn->responds_to->len > 0)
    {
      g_autofree char *ids = join_ids (turn->responds_to);

      pen_field (pen, turn->kind == CHAMBER_LIVE_DEBATE ? _("Debates turn:")
                                                        : _("Answers turns:"),
                 ids);
    }
  pen_field (pen, _("Topic:"), turn->topic);
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
      pen_field (pen, _("Passage:"), where);
    }
  if (overtime_ms >= 1000)
    {
      g_autofree char *over = format_duration (overtime_ms);

      time = g_strdup_printf (_("%s of %s (overtime %s)"), used, allotted, over);
    }
  else
    time = g_strdup_printf (_("%s of %s"), used, allotted);
  pen_field (pen, _("Time spoken:"), time);
  pen_field (pen, _("Summary:"), turn->summary);
  if (turn->commitments->len > 0)
    {
      g_autofree char *label = g_markup_escape_text (_("Commitments:"), -1);
      g_autofree char *markup = g_strdup_printf ("<b>%s</b>", label);

      pen_paragraph (pen, &indented, markup);
      for (guint i = 0; i < turn->commitments->len; i++)
        {
          const ChamberLiveCommitment *c = g_ptr_array_index (turn->commitments, i);
          g_autofree char *owner = person_name (self->state, c->owner_id);
          g_autofree char *due = c->due != NULL ? chamber_date_format (c->due) : NULL;
          g_autofree char *line = NULL;
          g_autofree char *escaped = NULL;
          Style item = indented;

          if (due != NULL)
            line = g_strdup_printf (_("– %s (by %s, due %s)"), c->what, owner, due);
          else
            line = g_strdup_printf (_("– %s (by %s)"), c->what, owner);
          escaped = g_markup_escape_text (line, -1);
          item.indent = 30;
          pen_paragraph (pen, &item, escaped);
        }
    }
}

static void
write_statistics (Pen            *pen,
                  ChamberMinutes *self)
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

  pen_heading (pen, &item_heading, heading, 60);
  total = g_strdup_printf (_("%u turns, %s in all."), stats->turns, total_time);
  pen_paragraph (pen, &body, total);
  if (stats->delegates->len > 0)
    {
      pen_table_start (pen, _("Delegates"), delegates, G_N_ELEMENTS (delegates));
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

          pen_table_row (pen, delegates, G_N_ELEMENTS (delegates), cells);
        }
    }
  if (stats->respondents->len > 0)
    {
      pen_table_start (pen, _("Respondents"), respondents, G_N_ELEMENTS (respondents));
      for (guint i = 0; i < stats->respondents->len; i++)
        {
          const ChamberLiveStatsPerson *p = g_ptr_array_index (stats->respondents, i);
          g_autofree char *name = p->name != NULL ? g_strdup (p->name)
                                                  : person_name (self->state, p->person_id);
          g_autofree char *q = g_strdup_printf ("%u", p->questions_received);
          g_autofree char *a = g_strdup_printf ("%u", p->answers);
          g_autofree char *t = format_duration (p->answer_ms);
          const char *cells[] = { name, p->title != NULL ? p->title : p->agency, q, a, t };

          pen_table_row (pen, respondents, G_N_ELEMENTS (respondents), cells);
        }
    }
  if (stats->groups->len > 0)
    {
      pen_table_start (pen, _("Delegate groups"), groups, G_N_ELEMENTS (groups));
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

          pen_table_row (pen, groups, G_N_ELEMENTS (groups), cells);
        }
    }
}

static void
write_signatures (Pen *pen)
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
  pen->y += 24;
  pen_need (pen, 90);
  pen_two_columns (pen, &header_style, left, TEXT_WIDTH / 2, right);
}

static void
write_document (Pen            *pen,
                ChamberMinutes *self)
{
  g_autoptr (GPtrArray) items = items_with_turns (self->state);
  GPtrArray *turns = chamber_live_state_get_turns (self->state);
  guint number = 0;

  pen->y = MARGIN_TOP;
  pen->page = 1;
  write_header (pen, self);
  if (items->len == 0)
    pen_paragraph (pen, &item_heading, _("No turn was recorded in this session's sitting."));
  for (guint i = 0; i < items->len; i++)
    {
      const ChamberLiveItem *item = g_ptr_array_index (items, i);
      g_autofree char *title = g_markup_escape_text (item->title != NULL ? item->title : "", -1);
      g_autofree char *heading = g_strdup_printf ("%s %s", _("Item:"), title);

      pen_heading (pen, &item_heading, heading, 40);
      pen_rule (pen, MARGIN_LEFT, TEXT_WIDTH);
      for (guint t = 0; t < turns->len; t++)
        {
          const ChamberLiveTurn *turn = g_ptr_array_index (turns, t);

          if (turn->item_id == item->id)
            write_turn (pen, self, ++number, turn);
        }
    }
  write_statistics (pen, self);
  write_signatures (pen);
  pen_footer (pen);
}

static cairo_status_t
write_bytes_cb (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
chamber_minutes_to_pdf (ChamberMinutes *self,
                        GError        **error)
{
  g_autoptr (PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_surface_t *surface;
  cairo_status_t status;
  g_autofree char *title = NULL;
  Pen pen = { 0, };

  g_return_val_if_fail (self != NULL, NULL);

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_language (context, pango_language_from_string ("vi"));
  pen.context = context;

  /* Measure: how many pages. */
  write_document (&pen, self);
  pen.n_pages = pen.page;

  surface = cairo_pdf_surface_create_for_stream (write_bytes_cb, bytes, PAGE_WIDTH,
                                                 PAGE_HEIGHT);
  title = g_strdup_printf ("%s — %s", _("Minutes of the questioning and answers"),
                           self->session->title != NULL ? self->session->title : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Chamber");
  pen.cr = cairo_create (surface);
  cairo_set_source_rgb (pen.cr, 0, 0, 0);
  write_document (&pen, self);
  g_warn_if_fail (pen.page == pen.n_pages);
  cairo_show_page (pen.cr);
  cairo_destroy (pen.cr);
  g_object_unref (context);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The minutes could not be written as PDF: %s."),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
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
