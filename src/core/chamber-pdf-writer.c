/* chamber-pdf-writer.c — laid-out PDFs (see chamber-pdf-writer.h). The blocks added are kept,
 * then written by a "pen" that runs twice over them: first measuring only, to learn the page
 * count, then drawing. Layouts come from one PangoContext at 72 dpi with hinting off, so that
 * both runs measure the same. A paper (the table papers[] below) holds the margins, the footer's
 * place and the fonts of every style, so a report and the minutes share one pen. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "chamber-pdf-writer.h"

#define A4_SHORT     595.276
#define A4_LONG      841.890
#define CELL_PADDING 3.0
#define SERIF        "Noto Serif, DejaVu Serif"

typedef struct {
  const char    *font;
  PangoAlignment align;
  double         indent;        /* points, from the left margin */
  double         space_before;  /* points */
} Style;

typedef struct {
  double         margin_left;
  double         margin_right;
  double         margin_top;
  double         bottom;            /* below the body, the footer's room */
  double         footer;            /* from the page's foot to the footer's top */
  const char    *footer_font;
  double         letterhead_share;  /* of the text width, for the council's name */
  Style          title;
  Style          caption;           /* a table's caption */
  const char    *caption_format;    /* its markup around the escaped caption */
  double         caption_keep;      /* what it keeps with it beyond the header row */
  const char    *cell_font;
  const char    *cell_bold_font;
  PangoAlignment header_align;
  Style          text[CHAMBER_PDF_N_TEXT_STYLES];
} Paper;

static const Paper papers[] = {
  [CHAMBER_PDF_PAPER_REPORT] = {
    57.0, 42.0, 48.0, 62.0, 40.0, SERIF " Italic 9.5", 0.42,
    { SERIF " Bold 14", PANGO_ALIGN_CENTER, 0, 16 },
    { SERIF " 11", PANGO_ALIGN_LEFT, 0, 10 }, "<b>%s</b>", 24,
    SERIF " 9", SERIF " Bold 9", PANGO_ALIGN_CENTER,
    {
      [CHAMBER_PDF_TEXT_BODY] = { SERIF " 11", PANGO_ALIGN_LEFT, 0, 3 },
      [CHAMBER_PDF_TEXT_CENTRED] = { SERIF " Italic 11", PANGO_ALIGN_CENTER, 0, 2 },
      [CHAMBER_PDF_TEXT_HEADING] = { SERIF " Bold 12", PANGO_ALIGN_LEFT, 0, 12 },
      [CHAMBER_PDF_TEXT_SMALL] = { SERIF " 9", PANGO_ALIGN_LEFT, 0, 2 },
      [CHAMBER_PDF_TEXT_SUBHEADING] = { SERIF " Bold 11", PANGO_ALIGN_LEFT, 0, 8 },
      [CHAMBER_PDF_TEXT_FIELD] = { SERIF " 11", PANGO_ALIGN_LEFT, 18, 1 },
      [CHAMBER_PDF_TEXT_LIST] = { SERIF " 11", PANGO_ALIGN_LEFT, 30, 1 },
    },
  },
  /* Margins of an official paper: 30 mm left, 20 mm right and top. */
  [CHAMBER_PDF_PAPER_RECORD] = {
    85.0, 57.0, 57.0, 70.0, 45.0, SERIF " Italic 11.5", 0.4,
    { SERIF " Bold 14", PANGO_ALIGN_CENTER, 0, 18 },
    { SERIF " Bold 11.5", PANGO_ALIGN_LEFT, 0, 9 }, "<i>%s</i>", 30,
    SERIF " 9.5", SERIF " Bold 9.5", PANGO_ALIGN_LEFT,
    {
      [CHAMBER_PDF_TEXT_BODY] = { SERIF " 11.5", PANGO_ALIGN_LEFT, 0, 2 },
      [CHAMBER_PDF_TEXT_CENTRED] = { SERIF " Italic 11.5", PANGO_ALIGN_CENTER, 0, 2 },
      [CHAMBER_PDF_TEXT_HEADING] = { SERIF " Bold 12.5", PANGO_ALIGN_LEFT, 0, 14 },
      [CHAMBER_PDF_TEXT_SMALL] = { SERIF " 9.5", PANGO_ALIGN_LEFT, 0, 2 },
      [CHAMBER_PDF_TEXT_SUBHEADING] = { SERIF " Bold 11.5", PANGO_ALIGN_LEFT, 0, 9 },
      [CHAMBER_PDF_TEXT_FIELD] = { SERIF " 11.5", PANGO_ALIGN_LEFT, 18, 1 },
      [CHAMBER_PDF_TEXT_LIST] = { SERIF " 11.5", PANGO_ALIGN_LEFT, 30, 1 },
    },
  },
};

/* What a heading in the report's styles keeps with it when added as a paragraph. */
#define HEADING_KEEP 40.0
#define NO_KEEP      -1.0

typedef enum {
  BLOCK_LETTERHEAD,
  BLOCK_TITLE,
  BLOCK_TEXT,
  BLOCK_TWO_COLUMNS,
  BLOCK_RULE,
  BLOCK_SPACE,
  BLOCK_TABLE,
  BLOCK_ROW,
} BlockKind;

typedef struct {
  guint     n_columns;
  char    **titles;
  double   *widths;
  gboolean *numeric;
} Table;

typedef struct {
  BlockKind           kind;
  ChamberPdfTextStyle style;
  char               *text;    /* letterhead, title, table caption: plain; text, left: markup */
  char               *right;   /* BLOCK_TWO_COLUMNS: markup */
  double              share;   /* BLOCK_TWO_COLUMNS: of the text width, for the left */
  double              keep;    /* BLOCK_TEXT and BLOCK_SPACE; NO_KEEP for none */
  double              points;  /* BLOCK_SPACE */
  Table              *table;   /* BLOCK_TABLE owns it; BLOCK_ROW borrows its table's */
  char              **cells;   /* BLOCK_ROW */
  gboolean            bold;
} Block;

struct _ChamberPdfWriter
{
  const Paper *paper;
  double       width;
  double       height;
  char        *title;
  GPtrArray   *blocks;
  Table       *current;
};

typedef struct {
  ChamberPdfWriter *doc;
  const Paper      *paper;
  PangoContext     *context;
  cairo_t          *cr;       /* NULL while measuring */
  double            y;
  int               page;
  int               n_pages;
} Pen;

static void
table_free (Table *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->titles);
  g_free (table->widths);
  g_free (table->numeric);
  g_free (table);
}

static void
block_free (Block *block)
{
  g_free (block->text);
  g_free (block->right);
  if (block->kind == BLOCK_TABLE)
    table_free (block->table);
  g_strfreev (block->cells);
  g_free (block);
}

ChamberPdfWriter *
chamber_pdf_writer_new_on (ChamberPdfPaper paper,
                           gboolean        landscape,
                           const char     *title)
{
  ChamberPdfWriter *self;

  g_return_val_if_fail (paper < G_N_ELEMENTS (papers), NULL);

  self = g_new0 (ChamberPdfWriter, 1);
  self->paper = &papers[paper];
  self->width = landscape ? A4_LONG : A4_SHORT;
  self->height = landscape ? A4_SHORT : A4_LONG;
  self->title = g_strdup (title);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) block_free);
  return self;
}

ChamberPdfWriter *
chamber_pdf_writer_new (gboolean    landscape,
                        const char *title)
{
  return chamber_pdf_writer_new_on (CHAMBER_PDF_PAPER_REPORT, landscape, title);
}

void
chamber_pdf_writer_free (ChamberPdfWriter *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->blocks);
  g_free (self->title);
  g_free (self);
}

static Block *
add_block (ChamberPdfWriter *self,
           BlockKind         kind,
           const char       *text)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  block->text = g_strdup (text != NULL ? text : "");
  block->keep = NO_KEEP;
  g_ptr_array_add (self->blocks, block);
  return block;
}

void
chamber_pdf_writer_letterhead (ChamberPdfWriter *self,
                               const char       *council_name)
{
  add_block (self, BLOCK_LETTERHEAD,
             council_name != NULL && *council_name != '\0' ? council_name
                                                           : _("People's Council"));
}

void
chamber_pdf_writer_title (ChamberPdfWriter *self,
                          const char       *text)
{
  add_block (self, BLOCK_TITLE, text);
}

void
chamber_pdf_writer_markup (ChamberPdfWriter   *self,
                           ChamberPdfTextStyle style,
                           const char         *markup)
{
  Block *block;

  g_return_if_fail (style < CHAMBER_PDF_N_TEXT_STYLES);
  block = add_block (self, BLOCK_TEXT, markup);
  block->style = style;
  if (style == CHAMBER_PDF_TEXT_HEADING)
    block->keep = HEADING_KEEP;
}

void
chamber_pdf_writer_paragraph (ChamberPdfWriter   *self,
                              ChamberPdfTextStyle style,
                              const char         *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  chamber_pdf_writer_markup (self, style, escaped);
}

void
chamber_pdf_writer_heading (ChamberPdfWriter   *self,
                            ChamberPdfTextStyle style,
                            const char         *markup,
                            double              keep)
{
  Block *block;

  g_return_if_fail (style < CHAMBER_PDF_N_TEXT_STYLES);
  block = add_block (self, BLOCK_TEXT, markup);
  block->style = style;
  block->keep = MAX (keep, 0);
}

void
chamber_pdf_writer_field (ChamberPdfWriter *self,
                          const char       *label,
                          const char       *text)
{
  g_autofree char *escaped_label = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *markup = NULL;

  if (text == NULL || *text == '\0')
    return;
  escaped_label = g_markup_escape_text (label != NULL ? label : "", -1);
  escaped = g_markup_escape_text (text, -1);
  markup = g_strdup_printf ("<b>%s</b> %s", escaped_label, escaped);
  chamber_pdf_writer_markup (self, CHAMBER_PDF_TEXT_FIELD, markup);
}

void
chamber_pdf_writer_two_columns (ChamberPdfWriter *self,
                                const char       *left,
                                double            left_share,
                                const char       *right)
{
  Block *block = add_block (self, BLOCK_TWO_COLUMNS, left);

  block->right = g_strdup (right != NULL ? right : "");
  block->share = CLAMP (left_share, 0.0, 1.0);
}

void
chamber_pdf_writer_rule (ChamberPdfWriter *self)
{
  add_block (self, BLOCK_RULE, NULL);
}

void
chamber_pdf_writer_space (ChamberPdfWriter *self,
                          double            points,
                          double            keep)
{
  Block *block = add_block (self, BLOCK_SPACE, NULL);

  block->points = MAX (points, 0);
  block->keep = keep > 0 ? keep : NO_KEEP;
}

void
chamber_pdf_writer_table (ChamberPdfWriter  *self,
                          const char        *caption,
                          guint              n_columns,
                          const char *const *titles,
                          const double      *widths,
                          const gboolean    *numeric)
{
  Block *block = add_block (self, BLOCK_TABLE, caption);
  Table *table = g_new0 (Table, 1);

  table->n_columns = n_columns;
  table->titles = g_new0 (char *, n_columns + 1);
  table->widths = g_new0 (double, n_columns);
  table->numeric = g_new0 (gboolean, n_columns);
  for (guint c = 0; c < n_columns; c++)
    {
      table->titles[c] = g_strdup (titles[c]);
      table->widths[c] = widths[c];
      table->numeric[c] = numeric != NULL && numeric[c];
    }
  block->table = table;
  self->current = table;
}

void
chamber_pdf_writer_row (ChamberPdfWriter  *self,
                        const char *const *cells,
                        gboolean           bold)
{
  Block *block;

  g_return_if_fail (self->current != NULL);
  block = add_block (self, BLOCK_ROW, NULL);
  block->table = self->current;
  block->cells = g_new0 (char *, self->current->n_columns + 1);
  for (guint c = 0; c < self->current->n_columns; c++)
    block->cells[c] = g_strdup (cells[c] != NULL ? cells[c] : "");
  block->bold = bold;
}

/* ---- The pen ------------------------------------------------------------------------------ */

static double
text_width (Pen *pen)
{
  return pen->doc->width - pen->paper->margin_left - pen->paper->margin_right;
}

static double
body_bottom (Pen *pen)
{
  return pen->doc->height - pen->paper->bottom;
}

static PangoLayout *
pen_layout (Pen            *pen,
            const char     *font,
            PangoAlignment  align,
            const char     *markup,
            double          width)
{
  PangoLayout *layout = pango_layout_new (pen->context);
  g_autoptr (PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
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
  /* TRANSLATORS: the page number in the footer of the minutes and of a generated report:
   * page N of M ("Trang N/M"). */
  text = g_strdup_printf (_("Page %d/%d"), pen->page, pen->n_pages);
  layout = pen_layout (pen, pen->paper->footer_font, PANGO_ALIGN_CENTER, text,
                       text_width (pen));
  cairo_move_to (pen->cr, pen->paper->margin_left, pen->doc->height - pen->paper->footer);
  pango_cairo_show_layout (pen->cr, layout);
}

static void
pen_new_page (Pen *pen)
{
  pen_footer (pen);
  if (pen->cr != NULL)
    cairo_show_page (pen->cr);
  pen->page++;
  pen->y = pen->paper->margin_top;
}

/* Starts a new page unless @height fits below the pen (or the page is still empty). */
static void
pen_need (Pen   *pen,
          double height)
{
  if (pen->y + height > body_bottom (pen) && pen->y > pen->paper->margin_top)
    pen_new_page (pen);
}

/* Lays @layout out line by line from the pen at @x, continuing on new pages. */
static void
pen_flow (Pen         *pen,
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

/* Pango @markup in @style; unless @keep is NO_KEEP, on a new page unless it fits here with
 * @keep points of what follows. */
static void
write_text (Pen         *pen,
            const Style *style,
            const char  *markup,
            double       keep)
{
  g_autoptr (PangoLayout) layout = pen_layout (pen, style->font, style->align, markup,
                                               text_width (pen) - style->indent);

  pen->y += style->space_before;
  if (keep >= 0)
    pen_need (pen, layout_height (layout) + keep);
  pen_flow (pen, layout, pen->paper->margin_left + style->indent);
}

static void
write_two_columns (Pen        *pen,
                   const char *left,
                   double      share,
                   const char *right)
{
  double left_width = text_width (pen) * share;
  g_autoptr (PangoLayout) a = pen_layout (pen, SERIF " Bold 11", PANGO_ALIGN_CENTER, left,
                                          left_width);
  g_autoptr (PangoLayout) b = pen_layout (pen, SERIF " Bold 11", PANGO_ALIGN_CENTER, right,
                                          text_width (pen) - left_width);

  if (pen->cr != NULL)
    {
      cairo_move_to (pen->cr, pen->paper->margin_left, pen->y);
      pango_cairo_show_layout (pen->cr, a);
      cairo_move_to (pen->cr, pen->paper->margin_left + left_width, pen->y);
      pango_cairo_show_layout (pen->cr, b);
    }
  pen->y += MAX (layout_height (a), layout_height (b));
}

static void
write_letterhead (Pen        *pen,
                  const char *council_name)
{
  g_autofree char *council_upper = g_utf8_strup (council_name, -1);
  g_autofree char *council = g_markup_escape_text (council_upper, -1);
  g_autofree char *nation_upper = g_utf8_strup (_("Socialist Republic of Viet Nam"), -1);
  g_autofree char *nation = g_markup_escape_text (nation_upper, -1);
  g_autofree char *motto = g_markup_escape_text (_("Independence – Freedom – Happiness"), -1);
  g_autofree char *left = g_strdup_printf ("%s\n<span size=\"small\">―――――</span>", council);
  g_autofree char *right = g_strdup_printf ("%s\n%s\n<span size=\"small\">―――――――――――</span>",
                                            nation, motto);

  write_two_columns (pen, left, pen->paper->letterhead_share, right);
}

static void
write_rule (Pen *pen)
{
  if (pen->cr == NULL)
    return;
  cairo_set_line_width (pen->cr, 0.6);
  cairo_move_to (pen->cr, pen->paper->margin_left, pen->y + 2);
  cairo_line_to (pen->cr, pen->paper->margin_left + text_width (pen), pen->y + 2);
  cairo_stroke (pen->cr);
}

static double
row_layouts (Pen          *pen,
             const Table  *table,
             char *const  *cells,
             gboolean      header,
             gboolean      bold,
             PangoLayout **layouts)
{
  double height = 0;

  for (guint c = 0; c < table->n_columns; c++)
    {
      g_autofree char *escaped = g_markup_escape_text (cells[c] != NULL ? cells[c] : "", -1);
      const char *font = header || bold ? pen->paper->cell_bold_font : pen->paper->cell_font;
      PangoAlignment align = header ? pen->paper->header_align
                             : table->numeric[c] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;

      layouts[c] = pen_layout (pen, font, align, escaped,
                               table->widths[c] * text_width (pen) - 2 * CELL_PADDING);
      height = MAX (height, layout_height (layouts[c]));
    }
  return height + 2 * CELL_PADDING;
}

static void
draw_row (Pen          *pen,
          const Table  *table,
          PangoLayout **layouts,
          double        height,
          gboolean      header)
{
  double x = pen->paper->margin_left;

  for (guint c = 0; c < table->n_columns; c++)
    {
      double width = table->widths[c] * text_width (pen);

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
draw_header_row (Pen         *pen,
                 const Table *table)
{
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, table->n_columns);
  double height = row_layouts (pen, table, table->titles, TRUE, TRUE, layouts);

  draw_row (pen, table, layouts, height, TRUE);
}

/* A table's caption and header row, kept with its first rows. */
static void
write_table_start (Pen         *pen,
                   const Block *block)
{
  const Table *table = block->table;
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, table->n_columns);
  double height = row_layouts (pen, table, table->titles, TRUE, TRUE, layouts);

  if (*block->text != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (block->text, -1);
      g_autofree char *markup = g_strdup_printf (pen->paper->caption_format, escaped);

      write_text (pen, &pen->paper->caption, markup, height + pen->paper->caption_keep);
    }
  else
    pen_need (pen, height + pen->paper->caption_keep);
  pen->y += 3;
  draw_row (pen, table, layouts, height, TRUE);
}

/* A row, moved whole to a new page under the table's header again when it does not fit. */
static void
write_row (Pen         *pen,
           const Block *block)
{
  const Table *table = block->table;
  g_autofree PangoLayout **layouts = g_new0 (PangoLayout *, table->n_columns);
  double height = row_layouts (pen, table, block->cells, FALSE, block->bold, layouts);

  if (pen->y + height > body_bottom (pen))
    {
      pen_new_page (pen);
      draw_header_row (pen, table);
    }
  draw_row (pen, table, layouts, height, FALSE);
}

static void
write_document (Pen *pen)
{
  pen->page = 1;
  pen->y = pen->paper->margin_top;
  for (guint i = 0; i < pen->doc->blocks->len; i++)
    {
      const Block *block = g_ptr_array_index (pen->doc->blocks, i);

      switch (block->kind)
        {
        case BLOCK_LETTERHEAD:
          write_letterhead (pen, block->text);
          break;
        case BLOCK_TITLE:
          {
            g_autofree char *upper = g_utf8_strup (block->text, -1);
            g_autofree char *markup = g_markup_escape_text (upper, -1);

            write_text (pen, &pen->paper->title, markup, HEADING_KEEP);
          }
          break;
        case BLOCK_TEXT:
          write_text (pen, &pen->paper->text[block->style], block->text, block->keep);
          break;
        case BLOCK_TWO_COLUMNS:
          write_two_columns (pen, block->text, block->share, block->right);
          break;
        case BLOCK_RULE:
          write_rule (pen);
          break;
        case BLOCK_SPACE:
          pen->y += block->points;
          if (block->keep >= 0)
            pen_need (pen, block->keep);
          break;
        case BLOCK_TABLE:
          write_table_start (pen, block);
          break;
        case BLOCK_ROW:
          write_row (pen, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }
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
chamber_pdf_writer_finish (ChamberPdfWriter *self,
                           GError          **error)
{
  g_autoptr (PangoFontMap) font_map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (font_map);
  g_autoptr (GByteArray) bytes = g_byte_array_new ();
  cairo_font_options_t *options = cairo_font_options_create ();
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { 0, };

  g_return_val_if_fail (self != NULL, NULL);

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_language (context, pango_language_from_string ("vi"));
  pen.doc = self;
  pen.paper = self->paper;
  pen.context = context;

  write_document (&pen);
  pen.n_pages = pen.page;

  surface = cairo_pdf_surface_create_for_stream (write_bytes_cb, bytes, self->width,
                                                 self->height);
  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Chamber");
  pen.cr = cairo_create (surface);
  cairo_set_source_rgb (pen.cr, 0, 0, 0);
  write_document (&pen);
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
                   _("The report could not be written as PDF: %s."),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
