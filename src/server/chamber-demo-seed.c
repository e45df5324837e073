/* chamber-demo-seed.c — the demo's sample council session: agenda, people, tokens and documents,
 * the recorded sitting, and (through chamber-demo-followup.c) the work between sessions.
 *
 * The documents are laid out like Vietnamese official papers (Nghị định 30/2020/NĐ-CP): the
 * issuing body and the national motto side by side, number and date, a bold centred title,
 * justified body text with numbered headings, tables ruled with cairo lines, the signature
 * block, and page numbers in the footer, on A4. Each is written with cairo-pdf and pangocairo
 * into a temporary folder and published with chamber_publish_pdf(), the same check and path
 * an upload takes, then the temporary file is deleted.
 *
 * The body of a document is a list of lines in a small markup of its own; the first
 * characters say what the line is:
 *   "# "  section heading (I., II.), also an entry of the PDF outline
 *   "## " sub-heading (1., 2.)       "### " italic sub-heading (a), b))
 *   "= "  centred bold lines         "~ "   centred italic lines
 *   "> "  italic paragraph (the legal grounds of a resolution)
 *   "%N"  the table built by the document's Nth table function
 *   "^"   a page break
 *   anything else is a justified paragraph with a first-line indent ("- " starts a list item).
 * Text is Pango markup: <b>, <i>; no '&' or '<' otherwise. */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>
#include <stdarg.h>
#include <string.h>

#include "chamber-commitments.h"
#include "chamber-demo-followup.h"
#include "chamber-demo-seed.h"
#include "chamber-followup.h"
#include "chamber-hash.h"
#include "chamber-live-store.h"
#include "chamber-protocol.h"
#include "chamber-publish.h"
#include "chamber-token.h"

G_DEFINE_QUARK (chamber-demo-seed-error-quark, chamber_demo_seed_error)

/* A4 in points, with the margins of an official document: 30 mm left, 20 mm right. */
#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define MARGIN_LEFT  85.0
#define MARGIN_RIGHT 57.0
#define MARGIN_TOP   57.0
#define BODY_BOTTOM  (PAGE_HEIGHT - 66.0)
#define TEXT_WIDTH   (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define FIRST_INDENT 28.0
#define PARA_SPACING 5.0
#define CELL_PADDING 3.5

#define SERIF "Noto Serif"

/* ---------------------------------------------------------------------------------------------
 * Text styles and the pen that lays text out page after page
 * ------------------------------------------------------------------------------------------- */

typedef struct {
  const char    *font;
  PangoAlignment align;
  gboolean       justify;
  double         indent;        /* first line, points */
  double         line_spacing;  /* factor of the font height, 0 for the font's own */
} Style;

static const Style body_style = { SERIF " 13", PANGO_ALIGN_LEFT, TRUE, FIRST_INDENT, 1.15 };
static const Style grounds_style = {
  SERIF " Italic 13", PANGO_ALIGN_LEFT, TRUE, FIRST_INDENT, 1.15
};
static const Style heading_style = { SERIF " Bold 13", PANGO_ALIGN_LEFT, TRUE, FIRST_INDENT, 1.15 };
static const Style subheading_style = {
  SERIF " Bold Italic 13", PANGO_ALIGN_LEFT, TRUE, FIRST_INDENT, 1.15
};
static const Style centred_bold_style = { SERIF " Bold 13", PANGO_ALIGN_CENTER, FALSE, 0, 1.1 };
static const Style centred_italic_style = { SERIF " Italic 12", PANGO_ALIGN_CENTER, FALSE, 0, 1.1 };
static const Style issuer_style = { SERIF " 12", PANGO_ALIGN_CENTER, FALSE, 0, 1.05 };
static const Style motto_style = { SERIF " Bold 12", PANGO_ALIGN_CENTER, FALSE, 0, 1.05 };
static const Style motto_line_style = { SERIF " Bold 13", PANGO_ALIGN_CENTER, FALSE, 0, 1.05 };
static const Style number_style = { SERIF " 13", PANGO_ALIGN_CENTER, FALSE, 0, 1.0 };
static const Style date_style = { SERIF " Italic 13", PANGO_ALIGN_CENTER, FALSE, 0, 1.0 };
static const Style doc_heading_style = { SERIF " Bold 14", PANGO_ALIGN_CENTER, FALSE, 0, 1.1 };
static const Style subject_style = { SERIF " Bold 13.5", PANGO_ALIGN_CENTER, FALSE, 0, 1.1 };
static const Style recipient_style = { SERIF " 13", PANGO_ALIGN_CENTER, FALSE, 0, 1.1 };
static const Style signature_style = { SERIF " Bold 13", PANGO_ALIGN_CENTER, FALSE, 0, 1.05 };
static const Style copies_style = { SERIF " 11", PANGO_ALIGN_LEFT, FALSE, 0, 1.0 };
static const Style stamp_style = { SERIF " Bold 12", PANGO_ALIGN_CENTER, FALSE, 0, 1.0 };
static const Style footer_style = { SERIF " 10", PANGO_ALIGN_CENTER, FALSE, 0, 1.0 };
static const Style unit_style = { SERIF " Italic 11", PANGO_ALIGN_RIGHT, FALSE, 0, 1.0 };
static const Style cell_style = { SERIF " 10.5", PANGO_ALIGN_LEFT, FALSE, 0, 1.0 };
static const Style cell_bold_style = { SERIF " Bold 10.5", PANGO_ALIGN_LEFT, FALSE, 0, 1.0 };
static const Style cell_header_style = { SERIF " Bold 10.5", PANGO_ALIGN_CENTER, FALSE, 0, 1.0 };

typedef struct {
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  PangoLayout     *layout;
  double           y;     /* where the next block starts on the current page */
  int              page;  /* 1-based */
} Pen;

static void
style_apply (const Style *style,
             PangoLayout *layout,
             double       width,
             const char  *markup)
{
  g_autoptr (PangoFontDescription) font = pango_font_description_from_string (style->font);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_set_alignment (layout, style->align);
  pango_layout_set_justify (layout, style->justify);
  pango_layout_set_indent (layout, (int) (style->indent * PANGO_SCALE));
  pango_layout_set_line_spacing (layout, (float) style->line_spacing);
  pango_layout_set_markup (layout, markup, -1);
}

static void
pen_init (Pen          *pen,
          PangoFontMap *font_map,
          const char   *path,
          const char   *title,
          const char   *date)
{
  cairo_font_options_t *options;
  g_autofree char *stamp = g_strdup_printf ("%sT08:00:00", date);

  memset (pen, 0, sizeof *pen);
  pen->surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (pen->surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (pen->surface, CAIRO_PDF_METADATA_CREATOR, "Chamber");
  /* A fixed date keeps the same document byte for byte each time a demo is seeded. */
  cairo_pdf_surface_set_metadata (pen->surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
  cairo_pdf_surface_set_metadata (pen->surface, CAIRO_PDF_METADATA_MOD_DATE, stamp);
  pen->cr = cairo_create (pen->surface);
  cairo_set_source_rgb (pen->cr, 0, 0, 0);

  /* Points as units, no hinting: the layout of a page that is printed and zoomed. */
  pen->context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (pen->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pen->context, options);
  cairo_font_options_destroy (options);
  pango_cairo_update_context (pen->cr, pen->context);
  pen->layout = pango_layout_new (pen->context);

  pen->page = 1;
  pen->y = MARGIN_TOP;
}

static void
pen_clear (Pen *pen)
{
  g_clear_object (&pen->layout);
  g_clear_object (&pen->context);
  g_clear_pointer (&pen->cr, cairo_destroy);
  g_clear_pointer (&pen->surface, cairo_surface_destroy);
}

/* Height in points of @markup set in @style at @width, and the width of its widest line. */
static double
pen_measure (Pen         *pen,
             const Style *style,
             double       width,
             const char  *markup,
             double      *out_text_width)
{
  PangoRectangle logical;

  style_apply (style, pen->layout, width, markup);
  pango_layout_get_extents (pen->layout, NULL, &logical);
  if (out_text_width != NULL)
    *out_text_width = (double) logical.width / PANGO_SCALE;
  return (double) logical.height / PANGO_SCALE;
}

/* Draws @markup with its top-left corner at (@x, @y), without breaking it across pages;
 * returns its height. */
static double
pen_draw_at (Pen         *pen,
             const Style *style,
             double       x,
             double       y,
             double       width,
             const char  *markup,
             double      *out_text_width)
{
  double height = pen_measure (pen, style, width, markup, out_text_width);

  cairo_move_to (pen->cr, x, y);
  pango_cairo_show_layout (pen->cr, pen->layout);
  return height;
}

static void
pen_rule (Pen   *pen,
          double centre_x,
          double y,
          double length)
{
  cairo_save (pen->cr);
  cairo_set_line_width (pen->cr, 0.7);
  cairo_move_to (pen->cr, centre_x - length / 2, y);
  cairo_line_to (pen->cr, centre_x + length / 2, y);
  cairo_stroke (pen->cr);
  cairo_restore (pen->cr);
}

/* The page number; with a layout of its own, as it is drawn while pen_flow() iterates over
 * the lines of pen->layout. */
static void
pen_footer (Pen *pen)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (pen->context);
  g_autofree char *number = g_strdup_printf ("%d", pen->page);

  style_apply (&footer_style, layout, TEXT_WIDTH, number);
  cairo_move_to (pen->cr, MARGIN_LEFT, PAGE_HEIGHT - 44.0);
  pango_cairo_show_layout (pen->cr, layout);
}

static void
pen_new_page (Pen *pen)
{
  pen_footer (pen);
  cairo_show_page (pen->cr);
  pen->page++;
  pen->y = MARGIN_TOP;
}

/* Starts a new page unless @height more points fit on this one. */
static void
pen_need (Pen   *pen,
          double height)
{
  if (pen->y + height > BODY_BOTTOM && pen->y > MARGIN_TOP)
    pen_new_page (pen);
}

/* Lays out @markup in the text column, line by line, continuing on a new page when a line
 * does not fit. */
static void
pen_flow (Pen         *pen,
          const Style *style,
          const char  *markup,
          double       space_after)
{
  PangoLayoutIter *iter;
  double origin = pen->y;  /* where layout y = @shift lands on the page */
  double shift = 0;
  double last_bottom = pen->y;

  style_apply (style, pen->layout, TEXT_WIDTH, markup);
  iter = pango_layout_get_iter (pen->layout);
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double top, bottom, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = (double) logical.y / PANGO_SCALE;
      bottom = (double) (logical.y + logical.height) / PANGO_SCALE;
      if (origin + bottom - shift > BODY_BOTTOM && origin + top - shift > MARGIN_TOP)
        {
          pen_new_page (pen);
          origin = MARGIN_TOP;
          shift = top;
        }
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      cairo_move_to (pen->cr, MARGIN_LEFT + (double) logical.x / PANGO_SCALE,
                     origin + baseline - shift);
      pango_cairo_show_layout_line (pen->cr, line);
      last_bottom = origin + bottom - shift;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  pen->y = last_bottom + space_after;
}

/* Finishes the document; FALSE with @error when cairo could not write it. */
static gboolean
pen_finish (Pen        *pen,
            const char *path,
            GError    **error)
{
  cairo_status_t status;

  pen_footer (pen);
  cairo_destroy (g_steal_pointer (&pen->cr));
  cairo_surface_finish (pen->surface);
  status = cairo_surface_status (pen->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CHAMBER_DEMO_SEED_ERROR, CHAMBER_DEMO_SEED_ERROR_GENERATE,
                   _("Cannot write the sample document “%s”: %s. Check that the temporary "
                     "folder has free space."),
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * Tables, ruled with cairo lines; the header row is repeated on every page the table spans
 * ------------------------------------------------------------------------------------------- */

typedef struct {
  const char    *title;
  double         share;  /* of the text width */
  PangoAlignment align;
} Column;

typedef struct {
  char   **cells;  /* one markup string per column, or one for a spanning row */
  gboolean bold;
  gboolean span;
} Row;

typedef struct {
  const Column *columns;
  guint         n_columns;
  const char   *unit;  /* "Đơn vị: triệu đồng" above the table, or NULL */
  GPtrArray    *rows;
} Table;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

static Table *
table_new (const Column *columns,
           guint         n_columns,
           const char   *unit)
{
  Table *table = g_new0 (Table, 1);

  table->columns = columns;
  table->n_columns = n_columns;
  table->unit = unit;
  table->rows = g_ptr_array_new_with_free_func (row_free);
  return table;
}

static void
table_free (Table *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

/* Adds a row of n_columns cells given as strings. */
static void
table_add (Table   *table,
           gboolean bold,
           ...)
{
  Row *row = g_new0 (Row, 1);
  va_list args;

  row->bold = bold;
  row->cells = g_new0 (char *, table->n_columns + 1);
  va_start (args, bold);
  for (guint i = 0; i < table->n_columns; i++)
    row->cells[i] = g_strdup (va_arg (args, const char *));
  va_end (args);
  g_ptr_array_add (table->rows, row);
}

/* Adds a row whose cells (n_columns of them) the table takes. */
static void
table_take (Table   *table,
            gboolean bold,
            char   **cells)
{
  Row *row = g_new0 (Row, 1);

  g_assert (g_strv_length (cells) == table->n_columns);
  row->bold = bold;
  row->cells = cells;
  g_ptr_array_add (table->rows, row);
}

/* A row with one cell across the whole table, in bold. */
static void
table_add_span (Table      *table,
                const char *text)
{
  Row *row = g_new0 (Row, 1);

  row->bold = TRUE;
  row->span = TRUE;
  row->cells = g_new0 (char *, 2);
  row->cells[0] = g_strdup (text);
  g_ptr_array_add (table->rows, row);
}

/* Lays out one row; draws it at pen->y when @draw. Returns its height. */
static double
table_row (Pen         *pen,
           const Table *table,
           const double *xs,
           const double *widths,
           char *const *cells,
           gboolean     header,
           gboolean     bold,
           gboolean     span,
           gboolean     draw)
{
  PangoLayout *layouts[16] = { NULL, };
  guint n = span ? 1 : table->n_columns;
  double height = 0;

  g_assert (table->n_columns <= G_N_ELEMENTS (layouts));
  for (guint i = 0; i < n; i++)
    {
      Style style = header ? cell_header_style : bold ? cell_bold_style : cell_style;
      double width = span ? xs[table->n_columns] - xs[0] : widths[i];
      PangoRectangle logical;

      if (!header && !span)
        style.align = table->columns[i].align;
      layouts[i] = pango_layout_new (pen->context);
      style_apply (&style, layouts[i], width - 2 * CELL_PADDING, cells[i]);
      pango_layout_get_extents (layouts[i], NULL, &logical);
      height = MAX (height, (double) logical.height / PANGO_SCALE + 2 * CELL_PADDING);
    }

  if (draw)
    {
      cairo_save (pen->cr);
      cairo_set_line_width (pen->cr, 0.6);
      for (guint i = 0; i < n; i++)
        {
          double width = span ? xs[table->n_columns] - xs[0] : widths[i];

          cairo_rectangle (pen->cr, xs[i], pen->y, width, height);
          cairo_stroke (pen->cr);
          cairo_move_to (pen->cr, xs[i] + CELL_PADDING, pen->y + CELL_PADDING);
          pango_cairo_show_layout (pen->cr, layouts[i]);
        }
      cairo_restore (pen->cr);
      pen->y += height;
    }

  for (guint i = 0; i < n; i++)
    g_object_unref (layouts[i]);
  return height;
}

static void
pen_table (Pen         *pen,
           const Table *table)
{
  g_autofree char **titles = g_new0 (char *, table->n_columns + 1);
  double xs[17], widths[16];
  double total = 0, header_height, first_rows_height;

  g_assert (table->n_columns <= G_N_ELEMENTS (widths));
  for (guint i = 0; i < table->n_columns; i++)
    total += table->columns[i].share;
  xs[0] = MARGIN_LEFT;
  for (guint i = 0; i < table->n_columns; i++)
    {
      widths[i] = TEXT_WIDTH * table->columns[i].share / total;
      xs[i + 1] = xs[i] + widths[i];
      titles[i] = (char *) table->columns[i].title;
    }

  /* A table starts where its header and first rows fit, not with a lone row at a page end. */
  header_height = table_row (pen, table, xs, widths, titles, TRUE, TRUE, FALSE, FALSE);
  first_rows_height = 0;
  for (guint r = 0; r < MIN (table->rows->len, 3); r++)
    {
      const Row *row = g_ptr_array_index (table->rows, r);

      first_rows_height += table_row (pen, table, xs, widths, row->cells, FALSE, row->bold,
                                      row->span, FALSE);
    }
  pen_need (pen, 18 + header_height + first_rows_height);
  if (table->unit != NULL)
    pen->y += pen_draw_at (pen, &unit_style, MARGIN_LEFT, pen->y, TEXT_WIDTH, table->unit,
                           NULL) + 2;
  table_row (pen, table, xs, widths, titles, TRUE, TRUE, FALSE, TRUE);

  for (guint r = 0; r < table->rows->len; r++)
    {
      const Row *row = g_ptr_array_index (table->rows, r);
      double height = table_row (pen, table, xs, widths, row->cells, FALSE, row->bold,
                                 row->span, FALSE);

      if (pen->y + height > BODY_BOTTOM)
        {
          pen_new_page (pen);
          table_row (pen, table, xs, widths, titles, TRUE, TRUE, FALSE, TRUE);
        }
      table_row (pen, table, xs, widths, row->cells, FALSE, row->bold, row->span, TRUE);
    }
  pen->y += 2 * PARA_SPACING + 2;
}

/* ---------------------------------------------------------------------------------------------
 * Numbers written the Vietnamese way: 20.450.000 and 107,2
 * ------------------------------------------------------------------------------------------- */

static char *
format_number (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (value));
  GString *out = g_string_new (value < 0 ? "-" : "");
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

/* @value with one decimal and a decimal comma, whatever the locale. */
static char *
format_decimal (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.1f", value);
  g_strdelimit (buffer, ".", ',');
  return g_strdup (buffer);
}

static char *
format_percent (gint64 part,
                gint64 whole)
{
  return whole != 0 ? format_decimal (100.0 * (double) part / (double) whole) : g_strdup ("–");
}

/* ---------------------------------------------------------------------------------------------
 * The sample session: council, agenda and people
 * ------------------------------------------------------------------------------------------- */

#define COUNCIL_NAME "Hội đồng nhân dân tỉnh An Hòa"
#define COUNCIL_TERM "Khóa XI, nhiệm kỳ 2021–2026"

typedef struct {
  const char *key;
  const char *parent;  /* key of the parent item, or NULL at the top */
  const char *title;
  int         minutes;
} SeedItem;

static const SeedItem seed_items[] = {
  { "open", NULL, "Khai mạc kỳ họp", 20 },
  { "socio", NULL, "Báo cáo tình hình kinh tế – xã hội năm 2026, kế hoạch năm 2027", 270 },
  { "socio-report", "socio", "Ủy ban nhân dân tỉnh trình bày báo cáo", 30 },
  { "socio-review", "socio", "Báo cáo thẩm tra của Ban Kinh tế – Ngân sách", 20 },
  { "socio-voters", "socio",
    "Thông báo của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh về ý kiến, kiến nghị của cử tri", 20 },
  { "socio-debate", "socio", "Thảo luận tại tổ và tại hội trường", 200 },
  { "budget", NULL, "Dự toán ngân sách nhà nước năm 2027", 60 },
  { "invest", NULL, "Kế hoạch đầu tư công năm 2027", 40 },
  { "petitions", NULL, "Báo cáo kết quả giải quyết kiến nghị cử tri gửi đến Kỳ họp thứ chín", 20 },
  { "questions", NULL, "Chất vấn và trả lời chất vấn", 240 },
  { "questions-land", "questions", "Nhóm vấn đề: quản lý đất đai", 120 },
  { "questions-health", "questions", "Nhóm vấn đề: y tế cơ sở", 120 },
  { "resolutions", NULL, "Xem xét, thông qua các dự thảo nghị quyết", 120 },
  { "close", NULL, "Bế mạc kỳ họp", 20 },
};

typedef struct {
  const char *name;
  ChamberRole role;
  const char *group;
  const char *title;
  const char *agency;
  gboolean    demo_token;  /* the person whose token demo-tokens.json lists for this role */
} SeedPerson;

#define GROUP_CITY "Tổ đại biểu thành phố An Hòa"
#define GROUP_TAN_PHU "Tổ đại biểu huyện Tân Phú"
#define GROUP_SON_LAM "Tổ đại biểu huyện Sơn Lâm"
#define GROUP_BINH_GIANG "Tổ đại biểu thị xã Bình Giang"
#define OFFICE "Văn phòng Đoàn ĐBQH và HĐND tỉnh"

static const SeedPerson seed_people[] = {
  { "Quản trị hệ thống", CHAMBER_ROLE_ADMIN, NULL, "Quản trị hệ thống", OFFICE, TRUE },
  { "Nguyễn Thanh Sơn", CHAMBER_ROLE_CHAIR, GROUP_CITY, "Chủ tịch HĐND tỉnh",
    COUNCIL_NAME, TRUE },
  { "Trần Văn Phúc", CHAMBER_ROLE_SECRETARIAT, NULL, "Chánh Văn phòng", OFFICE, TRUE },
  { "Lê Thị Thu Trang", CHAMBER_ROLE_SECRETARIAT, NULL,
    "Chuyên viên Phòng Công tác HĐND", OFFICE, FALSE },

  { "Nguyễn Văn Hùng", CHAMBER_ROLE_DELEGATE, GROUP_CITY, NULL, NULL, TRUE },
  { "Trần Thị Thu Hà", CHAMBER_ROLE_DELEGATE, GROUP_CITY, NULL, NULL, FALSE },
  { "Đỗ Minh Tuấn", CHAMBER_ROLE_DELEGATE, GROUP_CITY, "Trưởng Ban Kinh tế – Ngân sách",
    COUNCIL_NAME, FALSE },
  { "Huỳnh Thị Ngọc Ánh", CHAMBER_ROLE_DELEGATE, GROUP_CITY, NULL, NULL, FALSE },
  { "Lê Quang Minh", CHAMBER_ROLE_DELEGATE, GROUP_TAN_PHU, NULL, NULL, FALSE },
  { "Phạm Thị Lan", CHAMBER_ROLE_DELEGATE, GROUP_TAN_PHU, NULL, NULL, FALSE },
  { "Hoàng Đức Thắng", CHAMBER_ROLE_DELEGATE, GROUP_TAN_PHU, NULL, NULL, FALSE },
  { "Phan Văn Lợi", CHAMBER_ROLE_DELEGATE, GROUP_TAN_PHU, NULL, NULL, FALSE },
  { "Võ Thị Mai Anh", CHAMBER_ROLE_DELEGATE, GROUP_SON_LAM, NULL, NULL, FALSE },
  { "Đặng Văn Tâm", CHAMBER_ROLE_DELEGATE, GROUP_SON_LAM, NULL, NULL, FALSE },
  { "Vũ Thị Thanh Hương", CHAMBER_ROLE_DELEGATE, GROUP_SON_LAM, NULL, NULL, FALSE },
  { "Lý Thị Hạnh", CHAMBER_ROLE_DELEGATE, GROUP_SON_LAM, NULL, NULL, FALSE },
  { "Bùi Thị Hồng Nhung", CHAMBER_ROLE_DELEGATE, GROUP_BINH_GIANG, NULL, NULL, FALSE },
  { "Ngô Quốc Bảo", CHAMBER_ROLE_DELEGATE, GROUP_BINH_GIANG, NULL, NULL, FALSE },
  { "Dương Thị Kim Oanh", CHAMBER_ROLE_DELEGATE, GROUP_BINH_GIANG, NULL, NULL, FALSE },
  { "Trương Công Định", CHAMBER_ROLE_DELEGATE, GROUP_BINH_GIANG, NULL, NULL, FALSE },

  { "Phạm Ngọc Hải", CHAMBER_ROLE_OFFICIAL, NULL, "Phó Chủ tịch UBND tỉnh",
    "Ủy ban nhân dân tỉnh An Hòa", FALSE },
  { "Nguyễn Hữu Phước", CHAMBER_ROLE_OFFICIAL, NULL, "Giám đốc Sở Tài nguyên và Môi trường",
    "Sở Tài nguyên và Môi trường", TRUE },
  { "Trần Thị Bích Ngọc", CHAMBER_ROLE_OFFICIAL, NULL, "Giám đốc Sở Y tế", "Sở Y tế", FALSE },
  { "Lê Văn Dũng", CHAMBER_ROLE_OFFICIAL, NULL, "Giám đốc Sở Tài chính", "Sở Tài chính",
    FALSE },
  { "Hồ Sỹ Toàn", CHAMBER_ROLE_OFFICIAL, NULL, "Giám đốc Sở Kế hoạch và Đầu tư",
    "Sở Kế hoạch và Đầu tư", FALSE },
};

/* The committees (Ban) some delegates sit on. */
static const struct {
  const char *name;
  const char *committee;
} seed_committees[] = {
  { "Đỗ Minh Tuấn", "Ban Kinh tế – Ngân sách" },
  { "Ngô Quốc Bảo", "Ban Kinh tế – Ngân sách" },
  { "Lê Quang Minh", "Ban Kinh tế – Ngân sách" },
  { "Trần Thị Thu Hà", "Ban Văn hóa – Xã hội" },
  { "Võ Thị Mai Anh", "Ban Văn hóa – Xã hội" },
  { "Bùi Thị Hồng Nhung", "Ban Văn hóa – Xã hội" },
  { "Hoàng Đức Thắng", "Ban Pháp chế" },
  { "Dương Thị Kim Oanh", "Ban Pháp chế" },
};

/* The order of demo-tokens.json. */
static const ChamberRole token_roles[] = {
  CHAMBER_ROLE_ADMIN, CHAMBER_ROLE_SECRETARIAT, CHAMBER_ROLE_CHAIR, CHAMBER_ROLE_DELEGATE,
  CHAMBER_ROLE_OFFICIAL,
};

/* ---------------------------------------------------------------------------------------------
 * Tables of the documents
 * ------------------------------------------------------------------------------------------- */

static const char *const district_names[] = {
  "Thành phố An Hòa", "Thị xã Bình Giang", "Huyện Tân Phú", "Huyện Sơn Lâm",
  "Huyện Đông Hải", "Huyện Thạch An", "Huyện Phú Xuân", "Huyện Mỹ Lộc",
};
#define N_DISTRICTS G_N_ELEMENTS (district_names)

/* One line of a budget: a value of SUM is the sum of the lines one level deeper that follow
 * it, up to the next line at its own level or above. Millions of đồng. */
#define SUM (-1)

typedef struct {
  const char *number;
  const char *label;
  int         level;
  gint64      estimate_2026;
  gint64      plan_2027;
} BudgetLine;

static const BudgetLine budget_lines[] = {
  { "A", "TỔNG THU NGÂN SÁCH NHÀ NƯỚC TRÊN ĐỊA BÀN", 0, SUM, SUM },
  { "I", "Thu nội địa", 1, SUM, SUM },
  { "1", "Thu từ doanh nghiệp nhà nước trung ương", 2, 1125000, 1180000 },
  { "2", "Thu từ doanh nghiệp nhà nước địa phương", 2, 486000, 505000 },
  { "3", "Thu từ doanh nghiệp có vốn đầu tư nước ngoài", 2, 2364000, 2610000 },
  { "4", "Thu từ khu vực kinh tế ngoài quốc doanh", 2, 4218000, 4720000 },
  { "5", "Thuế thu nhập cá nhân", 2, 1356000, 1490000 },
  { "6", "Lệ phí trước bạ", 2, 642000, 700000 },
  { "7", "Thuế bảo vệ môi trường", 2, 1480000, 1560000 },
  { "8", "Thu tiền sử dụng đất", 2, 3465000, 3600000 },
  { "9", "Thu xổ số kiến thiết", 2, 528000, 560000 },
  { "10", "Phí, lệ phí, tiền thuê đất và các khoản thu khác", 2, 1726000, 1725000 },
  { "II", "Thu từ hoạt động xuất nhập khẩu", 1, 1680000, 1800000 },
  { "B", "TỔNG THU NGÂN SÁCH ĐỊA PHƯƠNG", 0, SUM, SUM },
  { "1", "Thu ngân sách địa phương được hưởng theo phân cấp", 1, 16420000, 17610000 },
  { "2", "Thu bổ sung từ ngân sách trung ương", 1, 6980000, 6720000 },
  { "3", "Vay để bù đắp bội chi ngân sách địa phương", 1, 280000, 420000 },
  { "C", "TỔNG CHI NGÂN SÁCH ĐỊA PHƯƠNG", 0, SUM, SUM },
  { "I", "Chi đầu tư phát triển", 1, 8240000, 8960000 },
  { "II", "Chi thường xuyên", 1, SUM, SUM },
  { "1", "Chi sự nghiệp giáo dục – đào tạo và dạy nghề", 2, 5310000, 5620000 },
  { "2", "Chi sự nghiệp y tế, dân số và gia đình", 2, 1640000, 1790000 },
  { "3", "Chi sự nghiệp khoa học và công nghệ", 2, 96000, 128000 },
  { "4", "Chi sự nghiệp bảo vệ môi trường", 2, 410000, 445000 },
  { "5", "Chi sự nghiệp văn hóa, thể thao, phát thanh, truyền hình", 2, 352000, 368000 },
  { "6", "Chi bảo đảm xã hội", 2, 1185000, 1240000 },
  { "7", "Chi quản lý hành chính nhà nước, đảng, đoàn thể", 2, 2460000, 2515000 },
  { "8", "Chi sự nghiệp kinh tế và chi khác", 2, 3545800, 3160800 },
  { "III", "Chi trả nợ lãi các khoản vay", 1, 28000, 36000 },
  { "IV", "Chi bổ sung quỹ dự trữ tài chính", 1, 1200, 1200 },
  { "V", "Dự phòng ngân sách", 1, 412000, 486000 },
};

/* The values of budget_lines with the sums worked out. */
static void
budget_values (gint64 *estimate,
               gint64 *plan)
{
  const guint n = G_N_ELEMENTS (budget_lines);

  for (guint i = n; i-- > 0;)
    {
      const BudgetLine *line = &budget_lines[i];

      estimate[i] = line->estimate_2026;
      plan[i] = line->plan_2027;
      if (line->estimate_2026 != SUM)
        continue;
      estimate[i] = plan[i] = 0;
      for (guint j = i + 1; j < n && budget_lines[j].level > line->level; j++)
        if (budget_lines[j].level == line->level + 1)
          {
            estimate[i] += estimate[j];
            plan[i] += plan[j];
          }
    }
}

static char *
budget_label (const BudgetLine *line)
{
  return line->estimate_2026 == SUM || line->level == 0
           ? g_strdup_printf ("<b>%s</b>", line->label)
           : g_strdup (line->label);
}

static Table *
build_budget_table (void)
{
  static const Column columns[] = {
    { "STT", 0.07, PANGO_ALIGN_CENTER },
    { "Nội dung", 0.45, PANGO_ALIGN_LEFT },
    { "Ước thực hiện năm 2026", 0.18, PANGO_ALIGN_RIGHT },
    { "Dự toán năm 2027", 0.17, PANGO_ALIGN_RIGHT },
    { "So sánh (%)", 0.13, PANGO_ALIGN_RIGHT },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), "Đơn vị: triệu đồng");
  gint64 estimate[G_N_ELEMENTS (budget_lines)], plan[G_N_ELEMENTS (budget_lines)];

  budget_values (estimate, plan);
  for (guint i = 0; i < G_N_ELEMENTS (budget_lines); i++)
    {
      char **cells = g_new0 (char *, 6);

      cells[0] = g_strdup (budget_lines[i].number);
      cells[1] = budget_label (&budget_lines[i]);
      cells[2] = format_number (estimate[i]);
      cells[3] = format_number (plan[i]);
      cells[4] = format_percent (plan[i], estimate[i]);
      table_take (table, budget_lines[i].level == 0, cells);
    }
  return table;
}

/* The balance appended to the draft resolution: the main lines, 2027 only. */
static Table *
build_balance_table (void)
{
  static const Column columns[] = {
    { "STT", 0.08, PANGO_ALIGN_CENTER },
    { "Nội dung", 0.62, PANGO_ALIGN_LEFT },
    { "Dự toán năm 2027", 0.30, PANGO_ALIGN_RIGHT },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), "Đơn vị: triệu đồng");
  gint64 estimate[G_N_ELEMENTS (budget_lines)], plan[G_N_ELEMENTS (budget_lines)];

  budget_values (estimate, plan);
  for (guint i = 0; i < G_N_ELEMENTS (budget_lines); i++)
    {
      char **cells;

      if (budget_lines[i].level > 1)
        continue;
      cells = g_new0 (char *, 4);

      cells[0] = g_strdup (budget_lines[i].number);
      cells[1] = budget_label (&budget_lines[i]);
      cells[2] = format_number (plan[i]);
      table_take (table, budget_lines[i].level == 0, cells);
    }
  return table;
}

static Table *
build_district_budget_table (void)
{
  static const Column columns[] = {
    { "STT", 0.07, PANGO_ALIGN_CENTER },
    { "Đơn vị", 0.25, PANGO_ALIGN_LEFT },
    { "Thu NSNN trên địa bàn", 0.17, PANGO_ALIGN_RIGHT },
    { "Chi cân đối ngân sách huyện", 0.17, PANGO_ALIGN_RIGHT },
    { "Bổ sung cân đối", 0.17, PANGO_ALIGN_RIGHT },
    { "Bổ sung có mục tiêu", 0.17, PANGO_ALIGN_RIGHT },
  };
  static const gint64 values[N_DISTRICTS][4] = {
    { 4820000, 2940000, 0, 186000 },
    { 1365000, 1120000, 96000, 142000 },
    { 612000, 905000, 448000, 168000 },
    { 218000, 842000, 694000, 236000 },
    { 486000, 876000, 512000, 204000 },
    { 195000, 768000, 638000, 221000 },
    { 172000, 715000, 602000, 248000 },
    { 534000, 826000, 431000, 157000 },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), "Đơn vị: triệu đồng");
  gint64 totals[4] = { 0, };
  char **cells;

  for (guint d = 0; d < N_DISTRICTS; d++)
    for (guint k = 0; k < 4; k++)
      totals[k] += values[d][k];

  cells = g_new0 (char *, 7);
  cells[0] = g_strdup ("");
  cells[1] = g_strdup ("TỔNG SỐ");
  for (guint k = 0; k < 4; k++)
    cells[2 + k] = format_number (totals[k]);
  table_take (table, TRUE, cells);

  for (guint d = 0; d < N_DISTRICTS; d++)
    {
      cells = g_new0 (char *, 7);
      cells[0] = g_strdup_printf ("%u", d + 1);
      cells[1] = g_strdup (district_names[d]);
      for (guint k = 0; k < 4; k++)
        cells[2 + k] = values[d][k] != 0 ? format_number (values[d][k]) : g_strdup ("–");
      table_take (table, FALSE, cells);
    }
  return table;
}

typedef struct {
  const char *name;      /* NULL for a sector heading, whose label is in place */
  const char *place;
  const char *years;
  gint64      total;     /* tổng mức đầu tư, millions of đồng */
  gint64      plan_2027;
} Project;

static const Project projects[] = {
  { NULL, "Giao thông", NULL, 0, 0 },
  { "Đường ven biển An Hòa, đoạn qua huyện Đông Hải", "Đông Hải", "2024–2028", 2450000, 520000 },
  { "Cầu Trà Giang 3 và đường dẫn hai đầu cầu", "TP An Hòa", "2026–2029", 1280000, 310000 },
  { "Nâng cấp, mở rộng ĐT.624 đoạn Km12 – Km28", "Mỹ Lộc", "2026–2028", 465000, 140000 },
  { "Đường liên huyện Sơn Lâm – Thạch An", "Sơn Lâm, Thạch An", "2025–2027", 392000, 118000 },
  { "Cầu dân sinh qua suối Nậm Lương (thay ngầm tràn)", "Phú Xuân", "2027–2028", 48500, 25000 },
  { NULL, "Y tế", NULL, 0, 0 },
  { "Bệnh viện Đa khoa tỉnh An Hòa – khối điều trị kỹ thuật cao", "TP An Hòa", "2025–2028",
    860000, 210000 },
  { "Cải tạo, nâng cấp 27 trạm y tế xã xuống cấp", "Các huyện", "2027–2028", 185000, 95000 },
  { "Trung tâm Kiểm soát bệnh tật tỉnh – khối xét nghiệm", "TP An Hòa", "2026–2027", 126000,
    64000 },
  { NULL, "Giáo dục – đào tạo", NULL, 0, 0 },
  { "Trường THPT chuyên Lê Quý Đôn – khối phòng học bộ môn", "TP An Hòa", "2026–2027", 98000,
    52000 },
  { "Trường Phổ thông dân tộc nội trú huyện Phú Xuân", "Phú Xuân", "2025–2027", 142000, 60000 },
  { "Kiên cố hóa phòng học mầm non, tiểu học vùng khó khăn", "Các huyện miền núi",
    "2026–2028", 210000, 80000 },
  { NULL, "Nông nghiệp, thủy lợi, phòng chống thiên tai", NULL, 0, 0 },
  { "Hồ chứa nước Sơn Lâm", "Sơn Lâm", "2024–2028", 1150000, 260000 },
  { "Kè chống sạt lở bờ sông Trà Giang đoạn qua xã Phú Thạnh", "Tân Phú", "2026–2027", 176000,
    90000 },
  { "Nạo vét luồng lạch cửa biển Đông Hải, khu neo đậu tránh trú bão", "Đông Hải",
    "2027–2028", 235000, 70000 },
  { "Hệ thống cấp nước sạch liên xã Mỹ Hòa – Mỹ Thành", "Mỹ Lộc", "2026–2027", 88000, 45000 },
  { NULL, "Văn hóa, xã hội, quản lý nhà nước", NULL, 0, 0 },
  { "Hạ tầng khu nhà ở xã hội cho công nhân Khu công nghiệp Bình Giang", "Bình Giang",
    "2027–2029", 320000, 60000 },
  { "Trung tâm Văn hóa – Thể thao huyện Thạch An", "Thạch An", "2026–2027", 74000, 30000 },
  { "Hạ tầng chuyển đổi số và Trung tâm dữ liệu tỉnh", "TP An Hòa", "2026–2028", 215000,
    85000 },
  { "Hoàn thiện cơ sở dữ liệu đất đai tỉnh An Hòa", "Toàn tỉnh", "2025–2027", 156000, 48000 },
};

static const char *const roman[] = { "I", "II", "III", "IV", "V", "VI", "VII", "VIII" };

static Table *
build_projects_table (void)
{
  static const Column columns[] = {
    { "STT", 0.07, PANGO_ALIGN_CENTER },
    { "Danh mục dự án", 0.37, PANGO_ALIGN_LEFT },
    { "Địa điểm", 0.14, PANGO_ALIGN_LEFT },
    { "Thời gian thực hiện", 0.12, PANGO_ALIGN_CENTER },
    { "Tổng mức đầu tư", 0.15, PANGO_ALIGN_RIGHT },
    { "Kế hoạch vốn năm 2027", 0.15, PANGO_ALIGN_RIGHT },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), "Đơn vị: triệu đồng");
  gint64 total = 0, plan = 0;
  guint sector = 0, number = 0;
  char **cells;

  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    if (projects[i].name != NULL)
      {
        total += projects[i].total;
        plan += projects[i].plan_2027;
      }
  cells = g_new0 (char *, 7);
  cells[0] = g_strdup ("");
  cells[1] = g_strdup ("TỔNG SỐ");
  cells[2] = g_strdup ("");
  cells[3] = g_strdup ("");
  cells[4] = format_number (total);
  cells[5] = format_number (plan);
  table_take (table, TRUE, cells);

  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      const Project *project = &projects[i];

      cells = g_new0 (char *, 7);
      if (project->name == NULL)
        {
          gint64 sector_total = 0, sector_plan = 0;

          for (guint j = i + 1; j < G_N_ELEMENTS (projects) && projects[j].name != NULL; j++)
            {
              sector_total += projects[j].total;
              sector_plan += projects[j].plan_2027;
            }
          g_assert (sector < G_N_ELEMENTS (roman));
          cells[0] = g_strdup (roman[sector++]);
          cells[1] = g_strdup (project->place);
          cells[2] = g_strdup ("");
          cells[3] = g_strdup ("");
          cells[4] = format_number (sector_total);
          cells[5] = format_number (sector_plan);
          table_take (table, TRUE, cells);
          continue;
        }
      cells[0] = g_strdup_printf ("%u", ++number);
      cells[1] = g_strdup (project->name);
      cells[2] = g_strdup (project->place);
      cells[3] = g_strdup (project->years);
      cells[4] = format_number (project->total);
      cells[5] = format_number (project->plan_2027);
      table_take (table, FALSE, cells);
    }
  return table;
}

static Table *
build_schedule_table (void)
{
  static const Column columns[] = {
    { "Thời gian", 0.15, PANGO_ALIGN_CENTER },
    { "Nội dung", 0.52, PANGO_ALIGN_LEFT },
    { "Chủ trì, thực hiện", 0.33, PANGO_ALIGN_LEFT },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), NULL);

  table_add_span (table, "Thứ Ba, ngày 08 tháng 12 năm 2026 – Phiên khai mạc và báo cáo");
  table_add (table, FALSE, "07 giờ 30", "Chào cờ; tuyên bố lý do, giới thiệu đại biểu",
             "Văn phòng Đoàn ĐBQH và HĐND tỉnh");
  table_add (table, FALSE, "07 giờ 45", "Diễn văn khai mạc kỳ họp", "Chủ tịch HĐND tỉnh");
  table_add (table, FALSE, "08 giờ 05",
             "Báo cáo tình hình kinh tế – xã hội năm 2026; mục tiêu, nhiệm vụ, giải pháp năm 2027",
             "Phó Chủ tịch UBND tỉnh");
  table_add (table, FALSE, "08 giờ 35", "Báo cáo thẩm tra của Ban Kinh tế – Ngân sách",
             "Trưởng Ban Kinh tế – Ngân sách");
  table_add (table, FALSE, "09 giờ 00",
             "Thông báo kết quả tổng hợp ý kiến, kiến nghị của cử tri trước kỳ họp",
             "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh");
  table_add (table, FALSE, "09 giờ 20",
             "Tờ trình về dự toán ngân sách nhà nước năm 2027 và kế hoạch đầu tư công năm 2027",
             "Giám đốc Sở Tài chính; Giám đốc Sở Kế hoạch và Đầu tư");
  table_add (table, FALSE, "10 giờ 00",
             "Báo cáo kết quả giải quyết kiến nghị cử tri gửi đến Kỳ họp thứ chín",
             "Chánh Văn phòng UBND tỉnh");
  table_add (table, FALSE, "14 giờ 00",
             "Thảo luận tại Tổ đại biểu (04 tổ, tại các phòng họp số 1 đến số 4)",
             "Tổ trưởng các Tổ đại biểu");
  table_add_span (table, "Thứ Tư, ngày 09 tháng 12 năm 2026 – Phiên thảo luận và chất vấn");
  table_add (table, FALSE, "07 giờ 30",
             "Thảo luận tại hội trường về tình hình kinh tế – xã hội và dự toán ngân sách",
             "Chủ tọa kỳ họp");
  table_add (table, FALSE, "09 giờ 30",
             "Chất vấn và trả lời chất vấn – nhóm vấn đề: quản lý đất đai",
             "Giám đốc Sở Tài nguyên và Môi trường");
  table_add (table, FALSE, "14 giờ 00", "Chất vấn và trả lời chất vấn – nhóm vấn đề: y tế cơ sở",
             "Giám đốc Sở Y tế");
  table_add (table, FALSE, "16 giờ 00",
             "Phát biểu làm rõ thêm các vấn đề đại biểu quan tâm", "Phó Chủ tịch UBND tỉnh");
  table_add (table, FALSE, "16 giờ 30", "Kết luận phiên chất vấn", "Chủ tịch HĐND tỉnh");
  table_add_span (table,
                  "Thứ Năm, ngày 10 tháng 12 năm 2026 – Phiên thông qua nghị quyết và bế mạc");
  table_add (table, FALSE, "07 giờ 30",
             "Giải trình, tiếp thu ý kiến đại biểu về các dự thảo nghị quyết",
             "Lãnh đạo UBND tỉnh; các Ban của HĐND tỉnh");
  table_add (table, FALSE, "08 giờ 30", "Biểu quyết thông qua các nghị quyết của kỳ họp",
             "Chủ tọa kỳ họp");
  table_add (table, FALSE, "10 giờ 30", "Diễn văn bế mạc kỳ họp; chào cờ bế mạc",
             "Chủ tịch HĐND tỉnh");
  return table;
}

static Table *
build_indicators_table (void)
{
  static const Column columns[] = {
    { "STT", 0.07, PANGO_ALIGN_CENTER },
    { "Chỉ tiêu", 0.40, PANGO_ALIGN_LEFT },
    { "Đơn vị tính", 0.13, PANGO_ALIGN_CENTER },
    { "Kế hoạch năm 2026", 0.13, PANGO_ALIGN_RIGHT },
    { "Ước thực hiện năm 2026", 0.14, PANGO_ALIGN_RIGHT },
    { "Đánh giá", 0.13, PANGO_ALIGN_CENTER },
  };
  static const char *const rows[][5] = {
    { "Tốc độ tăng trưởng GRDP", "%", "8,0", "8,12", "Vượt" },
    { "GRDP bình quân đầu người", "triệu đồng", "85,0", "86,3", "Vượt" },
    { "Tổng thu NSNN trên địa bàn", "tỷ đồng", "17.840", "19.070", "Vượt" },
    { "Kim ngạch xuất khẩu", "triệu USD", "1.800", "1.845", "Vượt" },
    { "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "46.500", "47.280", "Vượt" },
    { "Tỷ lệ đô thị hóa", "%", "38,5", "38,2", "Không đạt" },
    { "Số xã đạt chuẩn nông thôn mới (lũy kế)", "xã", "85", "86", "Vượt" },
    { "Tỷ lệ che phủ rừng", "%", "51,5", "51,8", "Vượt" },
    { "Mức giảm tỷ lệ hộ nghèo đa chiều", "điểm %", "1,0", "1,12", "Vượt" },
    { "Tỷ lệ lao động qua đào tạo", "%", "72,0", "72,4", "Đạt" },
    { "Số lao động được tạo việc làm mới", "người", "21.000", "21.850", "Vượt" },
    { "Số giường bệnh trên vạn dân", "giường", "33,0", "32,4", "Không đạt" },
    { "Số bác sĩ trên vạn dân", "bác sĩ", "10,5", "10,6", "Đạt" },
    { "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", "95,0", "95,3", "Đạt" },
    { "Tỷ lệ trường đạt chuẩn quốc gia", "%", "74,0", "74,6", "Đạt" },
    { "Tỷ lệ dân cư nông thôn dùng nước sạch đạt quy chuẩn", "%", "62,0", "60,8", "Không đạt" },
    { "Tỷ lệ chất thải rắn sinh hoạt đô thị được thu gom, xử lý", "%", "97,0", "97,5", "Đạt" },
    { "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình", "%", "55,0", "58,7",
      "Vượt" },
    { "Tỷ lệ xã, phường đạt tiêu chí an toàn về an ninh, trật tự", "%", "85,0", "86,4", "Đạt" },
    { "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi", "%", "16,5", "16,4", "Đạt" },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      char **cells = g_new0 (char *, 7);

      cells[0] = g_strdup_printf ("%u", i + 1);
      for (guint k = 0; k < 5; k++)
        cells[1 + k] = g_strdup (rows[i][k]);
      table_take (table, FALSE, cells);
    }
  return table;
}

static Table *
build_targets_table (void)
{
  static const Column columns[] = {
    { "STT", 0.08, PANGO_ALIGN_CENTER },
    { "Chỉ tiêu", 0.56, PANGO_ALIGN_LEFT },
    { "Đơn vị tính", 0.16, PANGO_ALIGN_CENTER },
    { "Kế hoạch năm 2027", 0.20, PANGO_ALIGN_RIGHT },
  };
  static const char *const rows[][3] = {
    { "Tốc độ tăng trưởng GRDP", "%", "8,5" },
    { "GRDP bình quân đầu người", "triệu đồng", "94,0" },
    { "Tổng thu NSNN trên địa bàn", "tỷ đồng", "20.450" },
    { "Kim ngạch xuất khẩu", "triệu USD", "2.000" },
    { "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "51.000" },
    { "Tỷ lệ đô thị hóa", "%", "40,0" },
    { "Số xã đạt chuẩn nông thôn mới (lũy kế)", "xã", "92" },
    { "Tỷ lệ che phủ rừng", "%", "52,0" },
    { "Mức giảm tỷ lệ hộ nghèo đa chiều", "điểm %", "0,8" },
    { "Tỷ lệ lao động qua đào tạo", "%", "74,0" },
    { "Số giường bệnh trên vạn dân", "giường", "34,0" },
    { "Số bác sĩ trên vạn dân", "bác sĩ", "11,0" },
    { "Tỷ lệ dân cư nông thôn dùng nước sạch đạt quy chuẩn", "%", "64,0" },
    { "Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến toàn trình", "%", "65,0" },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      char **cells = g_new0 (char *, 5);

      cells[0] = g_strdup_printf ("%u", i + 1);
      for (guint k = 0; k < 3; k++)
        cells[1 + k] = g_strdup (rows[i][k]);
      table_take (table, FALSE, cells);
    }
  return table;
}

/* Counts by field, with the percentage of each and a total row worked out. */
typedef struct {
  const char *label;
  int         counts[3];
} FieldCount;

static Table *
build_voter_fields_table (void)
{
  static const Column columns[] = {
    { "STT", 0.10, PANGO_ALIGN_CENTER },
    { "Lĩnh vực", 0.56, PANGO_ALIGN_LEFT },
    { "Số ý kiến, kiến nghị", 0.17, PANGO_ALIGN_RIGHT },
    { "Tỷ lệ (%)", 0.17, PANGO_ALIGN_RIGHT },
  };
  static const FieldCount fields[] = {
    { "Đất đai, tài nguyên và môi trường", { 21 } },
    { "Giao thông, xây dựng, đô thị", { 16 } },
    { "Y tế", { 13 } },
    { "Giáo dục, lao động và chính sách xã hội", { 11 } },
    { "Nông nghiệp, thủy sản", { 8 } },
    { "Các lĩnh vực khác", { 5 } },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), NULL);
  int total = 0;
  char **cells;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    total += fields[i].counts[0];
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      cells = g_new0 (char *, 5);
      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_strdup (fields[i].label);
      cells[2] = g_strdup_printf ("%d", fields[i].counts[0]);
      cells[3] = format_percent (fields[i].counts[0], total);
      table_take (table, FALSE, cells);
    }
  cells = g_new0 (char *, 5);
  cells[0] = g_strdup ("");
  cells[1] = g_strdup ("Tổng cộng");
  cells[2] = g_strdup_printf ("%d", total);
  cells[3] = g_strdup ("100,0");
  table_take (table, TRUE, cells);
  return table;
}

static Table *
build_petition_fields_table (void)
{
  static const Column columns[] = {
    { "STT", 0.07, PANGO_ALIGN_CENTER },
    { "Lĩnh vực", 0.37, PANGO_ALIGN_LEFT },
    { "Tổng số", 0.12, PANGO_ALIGN_RIGHT },
    { "Đã giải quyết xong", 0.14, PANGO_ALIGN_RIGHT },
    { "Đang giải quyết", 0.14, PANGO_ALIGN_RIGHT },
    { "Giải thích, thông tin", 0.16, PANGO_ALIGN_RIGHT },
  };
  static const FieldCount fields[] = {
    { "Đất đai, tài nguyên và môi trường", { 9, 7, 2 } },
    { "Giao thông, xây dựng", { 10, 5, 1 } },
    { "Y tế", { 5, 3, 1 } },
    { "Giáo dục – đào tạo", { 6, 1, 1 } },
    { "Nông nghiệp và phát triển nông thôn", { 5, 1, 1 } },
    { "Lao động, chính sách xã hội", { 4, 1, 1 } },
    { "Các lĩnh vực khác", { 2, 1, 1 } },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), NULL);
  int totals[3] = { 0, };
  char **cells;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      cells = g_new0 (char *, 7);
      cells[0] = g_strdup_printf ("%u", i + 1);
      cells[1] = g_strdup (fields[i].label);
      cells[2] = g_strdup_printf ("%d", fields[i].counts[0] + fields[i].counts[1] +
                                          fields[i].counts[2]);
      for (guint k = 0; k < 3; k++)
        {
          cells[3 + k] = g_strdup_printf ("%d", fields[i].counts[k]);
          totals[k] += fields[i].counts[k];
        }
      table_take (table, FALSE, cells);
    }
  cells = g_new0 (char *, 7);
  cells[0] = g_strdup ("");
  cells[1] = g_strdup ("Tổng cộng");
  cells[2] = g_strdup_printf ("%d", totals[0] + totals[1] + totals[2]);
  for (guint k = 0; k < 3; k++)
    cells[3 + k] = g_strdup_printf ("%d", totals[k]);
  table_take (table, TRUE, cells);
  return table;
}

static Table *
build_petitions_table (void)
{
  static const Column columns[] = {
    { "STT", 0.06, PANGO_ALIGN_CENTER },
    { "Nội dung kiến nghị", 0.34, PANGO_ALIGN_LEFT },
    { "Cơ quan chủ trì", 0.18, PANGO_ALIGN_LEFT },
    { "Kết quả giải quyết", 0.42, PANGO_ALIGN_LEFT },
  };
  static const char *const rows[][3] = {
    { "Cử tri phường Hải Châu (thành phố An Hòa) kiến nghị cấp giấy chứng nhận quyền sử dụng "
      "đất cho 146 hộ tại khu tái định cư Bắc Trà Giang.",
      "Sở Tài nguyên và Môi trường; UBND thành phố An Hòa",
      "<i>Đang giải quyết.</i> Đã cấp 82/146 giấy chứng nhận; 64 hồ sơ còn lại vướng sai lệch "
      "ranh giới thửa đất, dự kiến hoàn thành trong quý I năm 2027." },
    { "Cử tri xã Phú Thạnh (huyện Tân Phú) phản ánh tình trạng khai thác cát trái phép trên "
      "sông Trà Giang vào ban đêm.",
      "Sở Tài nguyên và Môi trường; Công an tỉnh",
      "<i>Đã giải quyết.</i> Đoàn kiểm tra liên ngành xử phạt 07 trường hợp với tổng số tiền "
      "1,26 tỷ đồng, tịch thu 03 phương tiện; lắp đặt camera giám sát tại 04 bến bãi." },
    { "Cử tri huyện Mỹ Lộc kiến nghị sửa chữa tuyến ĐT.624 đoạn từ Km12 đến Km18 bị hư hỏng "
      "sau mưa lũ.",
      "Sở Giao thông vận tải",
      "<i>Đã giải quyết.</i> Hoàn thành sửa chữa mặt đường, hệ thống thoát nước ngày "
      "30/9/2026; dự án nâng cấp toàn tuyến được đưa vào kế hoạch đầu tư công năm 2027." },
    { "Cử tri xã Sơn Thủy (huyện Sơn Lâm) kiến nghị bố trí bác sĩ làm việc thường xuyên tại "
      "trạm y tế xã.",
      "Sở Y tế",
      "<i>Đang giải quyết.</i> Từ tháng 10/2026, Trung tâm Y tế huyện Sơn Lâm luân phiên bác "
      "sĩ về trạm 03 ngày mỗi tuần; chính sách thu hút bác sĩ về tuyến xã được trình Hội đồng "
      "nhân dân tỉnh năm 2027." },
    { "Cử tri thị xã Bình Giang kiến nghị đầu tư hệ thống chiếu sáng tuyến đường Nguyễn Tất "
      "Thành.",
      "UBND thị xã Bình Giang",
      "<i>Đã giải quyết.</i> Lắp đặt 186 bộ đèn LED, đưa vào sử dụng từ ngày 02/9/2026." },
    { "Cử tri xã Đông Xuyên (huyện Đông Hải) phản ánh bãi rác tập trung của huyện quá tải, gây "
      "ô nhiễm môi trường.",
      "Sở Tài nguyên và Môi trường; UBND huyện Đông Hải",
      "<i>Đang giải quyết.</i> Đã phun chế phẩm sinh học khử mùi định kỳ; dự án nhà máy xử lý "
      "chất thải rắn liên huyện đã lựa chọn nhà đầu tư, khởi công trong quý II năm 2027." },
    { "Cử tri nhiều địa phương kiến nghị bảo đảm đủ thuốc điều trị tăng huyết áp, đái tháo "
      "đường tại trạm y tế xã.",
      "Sở Y tế; Bảo hiểm xã hội tỉnh",
      "<i>Đã giải quyết.</i> Hoàn thành đấu thầu tập trung thuốc giai đoạn 2026–2027; từ tháng "
      "8/2026 cấp bổ sung 42 danh mục thuốc cho 118 trạm y tế xã." },
    { "Cử tri huyện Phú Xuân kiến nghị đầu tư cầu dân sinh thay ngầm tràn qua suối Nậm Lương.",
      "Sở Giao thông vận tải; UBND huyện Phú Xuân",
      "<i>Đang giải quyết.</i> Dự án được đưa vào kế hoạch đầu tư công năm 2027 với tổng mức "
      "đầu tư 48,5 tỷ đồng, khởi công trong quý II năm 2027." },
    { "Cử tri đề nghị bổ sung giáo viên Tiếng Anh, Tin học cho các trường tiểu học miền núi.",
      "Sở Giáo dục và Đào tạo; Sở Nội vụ",
      "<i>Đang giải quyết.</i> Năm 2026 tuyển dụng 412 giáo viên, trong đó 96 giáo viên Tiếng "
      "Anh và 54 giáo viên Tin học; số còn thiếu được bổ sung trong năm học 2027–2028." },
    { "Công nhân Khu công nghiệp Bình Giang kiến nghị đầu tư nhà ở xã hội, nhà trẻ gần khu "
      "công nghiệp.",
      "Sở Xây dựng; Ban Quản lý các khu công nghiệp",
      "<i>Đang giải quyết.</i> Đã quy hoạch 12,5 ha đất nhà ở xã hội; hạ tầng kỹ thuật được bố "
      "trí vốn năm 2027; đang kêu gọi nhà đầu tư xây dựng 1.200 căn hộ và 02 nhóm trẻ." },
    { "Cử tri xã Mỹ Hòa (huyện Mỹ Lộc) kiến nghị đầu tư hệ thống cấp nước sạch.",
      "Sở Nông nghiệp và Phát triển nông thôn",
      "<i>Đang giải quyết.</i> Công trình cấp nước liên xã Mỹ Hòa – Mỹ Thành đạt 45% khối "
      "lượng, dự kiến cấp nước từ tháng 9/2027." },
    { "Cử tri phường An Phú (thành phố An Hòa) phản ánh khu dân cư An Phú – Hòa Cường ngập úng "
      "khi mưa lớn.",
      "UBND thành phố An Hòa",
      "<i>Đã giải quyết.</i> Nạo vét 3,2 km mương thoát nước, lắp đặt thêm 02 trạm bơm cục bộ; "
      "không còn ngập kéo dài trong đợt mưa lớn tháng 10/2026." },
    { "Ngư dân huyện Đông Hải kiến nghị nạo vét luồng lạch cửa biển Đông Hải.",
      "Sở Nông nghiệp và Phát triển nông thôn",
      "<i>Đang giải quyết.</i> Đã nạo vét tạm thời 1,4 km luồng; dự án nạo vét và khu neo đậu "
      "tránh trú bão được bố trí vốn năm 2027." },
    { "Cử tri huyện Tân Phú kiến nghị hỗ trợ giống cây trồng để khôi phục sản xuất sau mưa lũ.",
      "Sở Nông nghiệp và Phát triển nông thôn",
      "<i>Đã giải quyết.</i> Hỗ trợ 186 tấn giống lúa, 12 tấn giống ngô cho 5.420 hộ bị thiệt "
      "hại, tổng kinh phí 4,8 tỷ đồng." },
    { "Cử tri đề nghị rút ngắn thời gian giải quyết thủ tục đăng ký biến động đất đai.",
      "Sở Tài nguyên và Môi trường",
      "<i>Đã giải quyết.</i> Rút ngắn thời gian giải quyết từ 10 xuống 07 ngày làm việc; 94,6% "
      "hồ sơ được giải quyết đúng hạn trong quý III năm 2026." },
    { "Cử tri đề nghị chi trả trợ cấp xã hội qua tài khoản ngân hàng.",
      "Sở Lao động – Thương binh và Xã hội",
      "<i>Đã giải quyết.</i> 87,3% đối tượng đã nhận trợ cấp qua tài khoản; hỗ trợ mở tài khoản "
      "miễn phí cho người cao tuổi, người khuyết tật." },
    { "Cử tri huyện Thạch An kiến nghị nâng mức phụ cấp cho nhân viên y tế thôn, bản.",
      "Sở Y tế; Sở Tài chính",
      "<i>Đang giải quyết.</i> Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh dự thảo Nghị "
      "quyết quy định mức hỗ trợ hằng tháng tại Kỳ họp thứ mười." },
    { "Cử tri thị xã Bình Giang đề nghị làm rõ việc chậm triển khai dự án Khu đô thị mới Bình "
      "Giang.",
      "Sở Kế hoạch và Đầu tư; Sở Xây dựng",
      "<i>Giải thích, thông tin.</i> Nhà đầu tư được gia hạn tiến độ đến tháng 6/2027; quá thời "
      "hạn này, tỉnh chấm dứt hoạt động dự án và thu hồi đất theo quy định." },
    { "Cử tri đề nghị xử lý tình trạng xe quá tải trọng lưu thông trên tuyến ĐT.628.",
      "Sở Giao thông vận tải; Công an tỉnh",
      "<i>Đã giải quyết.</i> Đặt trạm kiểm tra tải trọng xe cố định tại Km4; xử lý 312 trường "
      "hợp vi phạm trong 06 tháng." },
    { "Cử tri xã Đông Xuyên kiến nghị kiên cố hóa kênh mương nội đồng.",
      "UBND huyện Đông Hải",
      "<i>Đã giải quyết.</i> Hoàn thành kiên cố hóa 6,8 km kênh mương từ nguồn vốn Chương trình "
      "mục tiêu quốc gia xây dựng nông thôn mới." },
    { "Cử tri đề nghị tăng cường kiểm tra an toàn thực phẩm tại chợ và bếp ăn tập thể.",
      "Sở Y tế; Sở Công Thương",
      "<i>Đã giải quyết.</i> Kiểm tra 1.248 cơ sở, xử phạt 86 cơ sở vi phạm; giám sát bếp ăn "
      "tập thể tại các khu công nghiệp hằng quý." },
    { "Cử tri kiến nghị xây dựng nhà văn hóa cho các thôn mới sáp nhập.",
      "Sở Văn hóa, Thể thao và Du lịch",
      "<i>Giải thích, thông tin.</i> Các địa phương bố trí vốn theo thứ tự ưu tiên; năm 2027 hỗ "
      "trợ xây dựng 34 nhà văn hóa thôn tại các xã chưa đạt chuẩn nông thôn mới." },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      char **cells = g_new0 (char *, 5);

      cells[0] = g_strdup_printf ("%u", i + 1);
      for (guint k = 0; k < 3; k++)
        cells[1 + k] = g_strdup (rows[i][k]);
      table_take (table, FALSE, cells);
    }
  return table;
}

/* Rows of @n_values counts per district and a total row; when @percent_of >= 0, value
 * @percent_of + 1 is followed by a column with its share of value @percent_of, in per cent. */
static Table *
build_district_counts (const Column *columns,
                       guint         n_columns,
                       const int   (*values)[4],
                       guint         n_values,
                       int           percent_of)
{
  Table *table = table_new (columns, n_columns, NULL);
  gint64 totals[4] = { 0, };
  char **cells;
  guint c;

  for (guint d = 0; d <= N_DISTRICTS; d++)
    {
      gboolean total_row = d == N_DISTRICTS;
      const gint64 *row_values = totals;
      gint64 own[4];

      if (!total_row)
        {
          for (guint k = 0; k < n_values; k++)
            {
              own[k] = values[d][k];
              totals[k] += own[k];
            }
          row_values = own;
        }
      cells = g_new0 (char *, n_columns + 1);
      c = 0;
      cells[c++] = total_row ? g_strdup ("") : g_strdup_printf ("%u", d + 1);
      cells[c++] = g_strdup (total_row ? "Toàn tỉnh" : district_names[d]);
      for (guint k = 0; k < n_values; k++)
        {
          cells[c++] = format_number (row_values[k]);
          if (percent_of >= 0 && (int) k == percent_of + 1)
            cells[c++] = format_percent (row_values[k], row_values[k - 1]);
        }
      g_assert (c == n_columns);
      table_take (table, total_row, cells);
    }
  return table;
}

static Table *
build_land_table (void)
{
  static const Column columns[] = {
    { "STT", 0.07, PANGO_ALIGN_CENTER },
    { "Địa phương", 0.29, PANGO_ALIGN_LEFT },
    { "Hồ sơ tiếp nhận", 0.16, PANGO_ALIGN_RIGHT },
    { "Đã giải quyết", 0.16, PANGO_ALIGN_RIGHT },
    { "Tỷ lệ (%)", 0.14, PANGO_ALIGN_RIGHT },
    { "Hồ sơ quá hạn", 0.18, PANGO_ALIGN_RIGHT },
  };
  static const int values[N_DISTRICTS][4] = {
    { 9860, 8720, 214 }, { 6240, 5610, 118 }, { 4380, 4090, 46 }, { 3150, 2980, 28 },
    { 4020, 3650, 72 }, { 2870, 2720, 19 }, { 2610, 2480, 21 }, { 5330, 4870, 94 },
  };

  return build_district_counts (columns, G_N_ELEMENTS (columns), values, 3, 0);
}

static Table *
build_violations_table (void)
{
  static const Column columns[] = {
    { "STT", 0.07, PANGO_ALIGN_CENTER },
    { "Loại vi phạm", 0.41, PANGO_ALIGN_LEFT },
    { "Số trường hợp", 0.14, PANGO_ALIGN_RIGHT },
    { "Diện tích (ha)", 0.14, PANGO_ALIGN_RIGHT },
    { "Đã xử lý xong", 0.12, PANGO_ALIGN_RIGHT },
    { "Còn lại", 0.12, PANGO_ALIGN_RIGHT },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), NULL);

  table_add (table, FALSE, "1", "Lấn, chiếm đất công, đất hành lang giao thông, thủy lợi", "87",
             "6,4", "68", "19");
  table_add (table, FALSE, "2", "Chuyển mục đích sử dụng đất nông nghiệp trái phép", "71",
             "9,8", "52", "19");
  table_add (table, FALSE, "3", "Xây dựng công trình trên đất chưa được cấp phép", "38", "2,9",
             "27", "11");
  table_add (table, FALSE, "4", "Dự án chậm đưa đất vào sử dụng", "18", "19,5", "9", "9");
  table_add (table, TRUE, "", "Tổng cộng", "214", "38,6", "156", "58");
  return table;
}

static Table *
build_districts_overview_table (void)
{
  static const Column columns[] = {
    { "STT", 0.07, PANGO_ALIGN_CENTER },
    { "Địa phương", 0.25, PANGO_ALIGN_LEFT },
    { "Tăng trưởng giá trị sản xuất (%)", 0.17, PANGO_ALIGN_RIGHT },
    { "Thu NSNN do địa phương quản lý (tỷ đồng)", 0.19, PANGO_ALIGN_RIGHT },
    { "Xã đạt chuẩn nông thôn mới", 0.16, PANGO_ALIGN_CENTER },
    { "Tỷ lệ hộ nghèo (%)", 0.16, PANGO_ALIGN_RIGHT },
  };
  static const char *const rows[N_DISTRICTS][4] = {
    { "9,4", "4.690", "8/8", "0,4" },
    { "10,2", "1.312", "10/10", "1,1" },
    { "7,6", "598", "15/15", "2,3" },
    { "6,1", "205", "10/14", "6,8" },
    { "8,3", "471", "12/13", "2,9" },
    { "5,9", "188", "8/12", "7,4" },
    { "6,4", "166", "8/11", "8,1" },
    { "7,8", "521", "15/15", "1,6" },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), NULL);

  for (guint d = 0; d < N_DISTRICTS; d++)
    {
      char **cells = g_new0 (char *, 7);

      cells[0] = g_strdup_printf ("%u", d + 1);
      cells[1] = g_strdup (district_names[d]);
      for (guint k = 0; k < 4; k++)
        cells[2 + k] = g_strdup (rows[d][k]);
      table_take (table, FALSE, cells);
    }
  table_add (table, TRUE, "", "Toàn tỉnh", "8,12 (GRDP)", "8.151", "86/98", "2,86");
  return table;
}

static Table *
build_health_workers_table (void)
{
  static const Column columns[] = {
    { "STT", 0.07, PANGO_ALIGN_CENTER },
    { "Địa phương", 0.25, PANGO_ALIGN_LEFT },
    { "Thôn thuộc xã khu vực III, đặc biệt khó khăn", 0.19, PANGO_ALIGN_RIGHT },
    { "Thôn thuộc xã khu vực II, bãi ngang, đảo", 0.19, PANGO_ALIGN_RIGHT },
    { "Thôn, tổ dân phố còn lại", 0.15, PANGO_ALIGN_RIGHT },
    { "Tổng số", 0.15, PANGO_ALIGN_RIGHT },
  };
  static const int values[N_DISTRICTS][4] = {
    { 0, 0, 148, 148 }, { 0, 22, 104, 126 }, { 18, 46, 78, 142 }, { 96, 18, 22, 136 },
    { 12, 74, 44, 130 }, { 88, 14, 20, 122 }, { 72, 16, 24, 112 }, { 0, 24, 96, 120 },
  };

  return build_district_counts (columns, G_N_ELEMENTS (columns), values, 4, -1);
}

static Table *
build_clinics_table (void)
{
  static const Column columns[] = {
    { "STT", 0.07, PANGO_ALIGN_CENTER },
    { "Địa phương", 0.25, PANGO_ALIGN_LEFT },
    { "Số trạm y tế", 0.14, PANGO_ALIGN_RIGHT },
    { "Đạt chuẩn quốc gia", 0.15, PANGO_ALIGN_RIGHT },
    { "Tỷ lệ (%)", 0.11, PANGO_ALIGN_RIGHT },
    { "Có bác sĩ thường xuyên", 0.15, PANGO_ALIGN_RIGHT },
    { "Trạm xuống cấp", 0.13, PANGO_ALIGN_RIGHT },
  };
  static const int values[N_DISTRICTS][4] = {
    { 18, 17, 18, 1 }, { 14, 12, 14, 2 }, { 16, 13, 14, 3 }, { 15, 9, 9, 6 },
    { 14, 11, 13, 3 }, { 13, 8, 8, 5 }, { 12, 7, 8, 5 }, { 16, 14, 15, 2 },
  };

  return build_district_counts (columns, G_N_ELEMENTS (columns), values, 4, 0);
}

static Table *
build_allowance_table (void)
{
  static const Column columns[] = {
    { "STT", 0.08, PANGO_ALIGN_CENTER },
    { "Đối tượng", 0.52, PANGO_ALIGN_LEFT },
    { "Mức hỗ trợ (lần mức lương cơ sở)", 0.22, PANGO_ALIGN_RIGHT },
    { "Số người (dự kiến)", 0.18, PANGO_ALIGN_RIGHT },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), NULL);

  table_add (table, FALSE, "1",
             "Nhân viên y tế thôn, bản thuộc xã khu vực III, xã đặc biệt khó khăn", "0,7",
             "286");
  table_add (table, FALSE, "2",
             "Nhân viên y tế thôn thuộc xã khu vực II, xã bãi ngang ven biển, xã đảo", "0,6",
             "214");
  table_add (table, FALSE, "3", "Nhân viên y tế thôn, tổ dân phố còn lại", "0,5", "536");
  table_add (table, TRUE, "", "Tổng cộng", "", "1.036");
  return table;
}

static Table *
build_supervision_table (void)
{
  static const Column columns[] = {
    { "STT", 0.07, PANGO_ALIGN_CENTER },
    { "Nội dung giám sát", 0.55, PANGO_ALIGN_LEFT },
    { "Cơ quan chủ trì", 0.24, PANGO_ALIGN_LEFT },
    { "Thời gian", 0.14, PANGO_ALIGN_CENTER },
  };
  Table *table = table_new (columns, G_N_ELEMENTS (columns), NULL);

  table_add (table, FALSE, "1",
             "Việc thực hiện chính sách hỗ trợ nhân viên y tế thôn, tổ dân phố và thu hút bác "
             "sĩ về công tác tại trạm y tế xã",
             "Ban Văn hóa – Xã hội", "Quý II/2027");
  table_add (table, FALSE, "2",
             "Công tác cấp giấy chứng nhận quyền sử dụng đất và xử lý vi phạm pháp luật về đất "
             "đai giai đoạn 2024–2026",
             "Thường trực HĐND tỉnh", "Quý II/2027");
  table_add (table, FALSE, "3", "Thực hiện chính sách dân tộc tại các huyện miền núi",
             "Ban Dân tộc", "Quý II/2027");
  table_add (table, FALSE, "4",
             "Tiến độ thực hiện, giải ngân vốn các dự án đầu tư công trọng điểm năm 2027",
             "Ban Kinh tế – Ngân sách", "Quý III/2027");
  table_add (table, FALSE, "5",
             "Việc giải quyết kiến nghị cử tri và thực hiện các cam kết tại phiên chất vấn Kỳ "
             "họp thứ mười",
             "Thường trực HĐND tỉnh", "Quý III/2027");
  table_add (table, FALSE, "6",
             "Công tác phòng, chống thiên tai; khắc phục sạt lở bờ sông, bờ biển",
             "Ban Kinh tế – Ngân sách", "Quý III/2027");
  table_add (table, FALSE, "7",
             "Công tác phòng, chống tội phạm và vi phạm pháp luật; giải quyết khiếu nại, tố cáo",
             "Ban Pháp chế", "Quý IV/2027");
  table_add (table, FALSE, "8", "Chất lượng giáo dục phổ thông và đội ngũ giáo viên",
             "Ban Văn hóa – Xã hội", "Quý IV/2027");
  return table;
}

/* ---------------------------------------------------------------------------------------------
 * The documents
 * ------------------------------------------------------------------------------------------- */

typedef Table *(*TableBuilder) (void);

typedef struct {
  const char         *item;       /* key of the agenda item it is published to */
  const char         *title;      /* as Chamber lists it */
  ChamberDocumentKind kind;
  const char         *date;       /* YYYY-MM-DD, for the PDF's metadata */
  const char         *issuer;     /* markup, centred top left */
  const char         *number;     /* "Số: 325/TTr-UBND" */
  const char         *place_date; /* "An Hòa, ngày 22 tháng 11 năm 2026" */
  gboolean            draft;      /* a "DỰ THẢO" stamp */
  const char         *heading;    /* "TỜ TRÌNH" */
  const char         *subject;    /* bold lines under the heading */
  const char         *recipient;  /* "Kính gửi: …" or NULL */
  const char *const  *body;
  TableBuilder        tables[3];
  const char         *signature;  /* "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" */
  const char         *signer;
  const char *const  *copies;     /* Nơi nhận */
  const char *const  *appendix;   /* lines after the signature, or NULL */
} SeedDocument;

#define UBND "<b>ỦY BAN NHÂN DÂN\nTỈNH AN HÒA</b>"
#define HDND "<b>HỘI ĐỒNG NHÂN DÂN\nTỈNH AN HÒA</b>"
#define TO_COUNCIL "Kính gửi: Hội đồng nhân dân tỉnh An Hòa."
#define SIGN_UBND "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"
#define SIGN_HDND "CHỦ TỊCH"
#define VICE_CHAIR_UBND "Phạm Ngọc Hải"
#define CHAIR "Nguyễn Thanh Sơn"
#define SESSION_LINE "= HỘI ĐỒNG NHÂN DÂN TỈNH AN HÒA\nKHÓA XI, KỲ HỌP THỨ MƯỜI"
#define GROUNDS_LAW \
  "> Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung " \
  "một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng " \
  "11 năm 2019;"

static const char *const copies_submission[] = {
  "- Như trên;", "- Thường trực Tỉnh ủy;", "- Thường trực HĐND tỉnh;",
  "- Chủ tịch, các PCT UBND tỉnh;", "- Các Ban của HĐND tỉnh;", "- Đại biểu HĐND tỉnh;",
  "- Các sở: TC, KHĐT;", "- Lưu: VT, KT.", NULL,
};

static const char *const copies_resolution[] = {
  "- Ủy ban Thường vụ Quốc hội;", "- Chính phủ;", "- Các bộ: TC, KHĐT;",
  "- Thường trực Tỉnh ủy;", "- UBND tỉnh, UBMTTQVN tỉnh;", "- Đoàn ĐBQH tỉnh;",
  "- Đại biểu HĐND tỉnh;", "- Các sở, ban, ngành cấp tỉnh;",
  "- HĐND, UBND các huyện, thị xã, thành phố;", "- Lưu: VT.", NULL,
};

static const char *const copies_report[] = {
  "- Như trên;", "- Thường trực HĐND tỉnh;", "- UBND tỉnh;", "- Đại biểu HĐND tỉnh;",
  "- Lưu: VT.", NULL,
};

static const char *const copies_office[] = {
  "- Thường trực Tỉnh ủy;", "- Đại biểu HĐND tỉnh;", "- UBND tỉnh, UBMTTQVN tỉnh;",
  "- Các sở, ban, ngành cấp tỉnh;", "- Cơ quan báo chí;", "- Lưu: VT, VP.", NULL,
};

static const char *const body_programme[] = {
  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 và Quy chế hoạt động của "
  "Hội đồng nhân dân tỉnh An Hòa Khóa XI, nhiệm kỳ 2021–2026; căn cứ kết quả phiên họp Thường "
  "trực Hội đồng nhân dân tỉnh ngày 18 tháng 11 năm 2026, Thường trực Hội đồng nhân dân tỉnh "
  "ban hành Chương trình Kỳ họp thứ mười (kỳ họp thường lệ cuối năm 2026) như sau:",
  "# I. THỜI GIAN, ĐỊA ĐIỂM, HÌNH THỨC",
  "- Thời gian: 03 ngày, từ ngày 08 đến hết ngày 10 tháng 12 năm 2026. Khai mạc lúc 07 giờ 30 "
  "phút ngày 08 tháng 12 năm 2026; đại biểu có mặt trước 07 giờ 15 phút để đăng ký.",
  "- Địa điểm: Hội trường Trung tâm Hội nghị tỉnh, số 02 đường Trần Hưng Đạo, phường Hải Châu, "
  "thành phố An Hòa.",
  "- Hình thức: kỳ họp không giấy; toàn bộ tài liệu được gửi đến đại biểu trên hệ thống Chamber "
  "chậm nhất 07 ngày trước ngày khai mạc. Phiên khai mạc, phiên chất vấn và phiên bế mạc được "
  "phát thanh, truyền hình trực tiếp trên sóng của Đài Phát thanh và Truyền hình An Hòa.",
  "# II. THÀNH PHẦN THAM DỰ",
  "- Đại biểu Hội đồng nhân dân tỉnh Khóa XI.",
  "- Đại biểu Quốc hội đơn vị tỉnh An Hòa; Ủy viên Ban Thường vụ Tỉnh ủy; lãnh đạo Ủy ban nhân "
  "dân tỉnh, Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh.",
  "- Giám đốc các sở, thủ trưởng các ban, ngành, đoàn thể cấp tỉnh; Chủ tịch Hội đồng nhân dân, "
  "Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố.",
  "- Đại diện cử tri tiêu biểu và các cơ quan báo chí được mời dự các phiên họp công khai.",
  "# III. CHƯƠNG TRÌNH CỤ THỂ",
  "%0",
  "# IV. TỔ CHỨC THỰC HIỆN",
  "1. Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh chủ trì, phối hợp với Văn "
  "phòng Ủy ban nhân dân tỉnh chuẩn bị tài liệu, hội trường, hệ thống họp không giấy, công tác "
  "thông tin, tuyên truyền và phục vụ kỳ họp.",
  "2. Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành gửi báo cáo, tờ trình và dự thảo nghị quyết "
  "đúng thời hạn; phân công lãnh đạo các sở, ngành liên quan dự và trả lời chất vấn theo từng "
  "nhóm vấn đề.",
  "3. Các Ban của Hội đồng nhân dân tỉnh hoàn thành báo cáo thẩm tra trước ngày 02 tháng 12 năm "
  "2026; các Tổ đại biểu tổ chức nghiên cứu tài liệu và gửi ý kiến thảo luận tại tổ về Thường "
  "trực Hội đồng nhân dân tỉnh.",
  "4. Đại biểu đăng ký chất vấn trên hệ thống, ghi rõ nội dung, người trả lời và nhóm vấn đề; "
  "mỗi câu hỏi chất vấn không quá 01 phút, mỗi lượt trả lời không quá 03 phút.",
  NULL,
};

static const char *const body_socio[] = {
  "Thực hiện Nghị quyết số 45/NQ-HĐND ngày 09 tháng 12 năm 2025 của Hội đồng nhân dân tỉnh về "
  "kế hoạch phát triển kinh tế – xã hội năm 2026, Ủy ban nhân dân tỉnh báo cáo tình hình thực "
  "hiện năm 2026 và mục tiêu, nhiệm vụ, giải pháp năm 2027 như sau:",
  "# I. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ – XÃ HỘI NĂM 2026",
  "Năm 2026, bên cạnh thuận lợi từ các dự án hạ tầng giao thông trọng điểm được đưa vào sử dụng, "
  "tỉnh An Hòa phải đối mặt với nhiều khó khăn: giá vật tư, nguyên liệu đầu vào ở mức cao; hai "
  "đợt mưa lớn cuối tháng 10 gây ngập úng, sạt lở tại các huyện miền núi; thị trường tiêu thụ "
  "một số nông sản chủ lực bị thu hẹp. Với sự lãnh đạo sát sao của Tỉnh ủy, sự giám sát, đồng "
  "hành của Hội đồng nhân dân tỉnh, sự nỗ lực của cộng đồng doanh nghiệp và Nhân dân, kinh tế – "
  "xã hội của tỉnh tiếp tục phát triển; ước có 17/20 chỉ tiêu chủ yếu đạt và vượt kế hoạch.",
  "## 1. Kết quả thực hiện các chỉ tiêu chủ yếu",
  "%0",
  "## 2. Về phát triển kinh tế",
  "### a) Tăng trưởng kinh tế",
  "Tổng sản phẩm trên địa bàn (GRDP) năm 2026 theo giá so sánh ước tăng 8,12% so với năm 2025 "
  "(kế hoạch tăng 8,0%). Trong đó, khu vực nông, lâm nghiệp và thủy sản tăng 3,45%; khu vực "
  "công nghiệp và xây dựng tăng 11,86%; khu vực dịch vụ tăng 7,92%; thuế sản phẩm trừ trợ cấp "
  "sản phẩm tăng 6,10%. Quy mô GRDP theo giá hiện hành ước đạt 108.640 tỷ đồng; GRDP bình quân "
  "đầu người ước đạt 86,3 triệu đồng, tăng 7,8 triệu đồng so với năm 2025.",
  "Cơ cấu kinh tế tiếp tục chuyển dịch theo hướng tích cực: khu vực nông, lâm nghiệp và thủy "
  "sản chiếm 17,2%; công nghiệp và xây dựng chiếm 37,9%; dịch vụ chiếm 38,6%; thuế sản phẩm trừ "
  "trợ cấp sản phẩm chiếm 6,3%.",
  "### b) Sản xuất nông, lâm nghiệp và thủy sản",
  "Tổng diện tích gieo trồng cây hằng năm ước đạt 142.350 ha, bằng 100,6% kế hoạch; sản lượng "
  "lương thực có hạt ước đạt 612.400 tấn. Năng suất lúa bình quân cả năm đạt 62,4 tạ/ha, tăng "
  "0,8 tạ/ha so với năm trước. Diện tích lúa chất lượng cao liên kết bao tiêu sản phẩm đạt "
  "18.600 ha, tập trung tại các huyện Tân Phú, Mỹ Lộc và Đông Hải.",
  "Chăn nuôi phát triển ổn định; dịch bệnh trên đàn gia súc, gia cầm được kiểm soát, không phát "
  "sinh ổ dịch tả lợn châu Phi mới. Tỷ lệ che phủ rừng đạt 51,8%; trồng mới 6.250 ha rừng tập "
  "trung. Sản lượng thủy sản ước đạt 168.900 tấn, tăng 4,2%, trong đó khai thác 112.300 tấn, "
  "nuôi trồng 56.600 tấn; công tác chống khai thác hải sản bất hợp pháp, không báo cáo và không "
  "theo quy định (IUU) được triển khai quyết liệt, không có tàu cá vi phạm vùng biển nước ngoài.",
  "Chương trình mục tiêu quốc gia xây dựng nông thôn mới đạt kết quả tích cực: có thêm 09 xã đạt "
  "chuẩn nông thôn mới, 05 xã đạt chuẩn nông thôn mới nâng cao và 02 xã đạt chuẩn nông thôn mới "
  "kiểu mẫu; lũy kế toàn tỉnh có 86/98 xã đạt chuẩn (chi tiết tại Phụ lục); huyện Mỹ Lộc được "
  "công nhận đạt chuẩn nông thôn mới.",
  "### c) Công nghiệp và xây dựng",
  "Chỉ số sản xuất công nghiệp (IIP) ước tăng 12,4% so với năm 2025. Một số sản phẩm chủ lực "
  "tăng khá: điện sản xuất tăng 15,6%; thủy sản chế biến tăng 9,8%; hàng may mặc tăng 11,2%; "
  "linh kiện điện tử tăng 21,5%. Khu công nghiệp Bình Giang thu hút thêm 07 dự án, tỷ lệ lấp "
  "đầy đạt 78%; Cụm công nghiệp Tân Phú 2 hoàn thành hạ tầng kỹ thuật và đón nhà đầu tư thứ cấp "
  "đầu tiên.",
  "Hoạt động xây dựng sôi động với nhiều công trình hạ tầng lớn: tuyến đường ven biển đoạn qua "
  "huyện Đông Hải thông xe kỹ thuật; cầu Trà Giang 2 hợp long; dự án nâng cấp quốc lộ đoạn qua "
  "thị xã Bình Giang hoàn thành trước tiến độ 02 tháng.",
  "### d) Thương mại, dịch vụ và du lịch",
  "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng ước đạt 86.420 tỷ đồng, tăng 10,6%. "
  "Kim ngạch xuất khẩu ước đạt 1.845 triệu USD, tăng 9,1%, vượt 2,5% kế hoạch; kim ngạch nhập "
  "khẩu ước đạt 1.210 triệu USD. Du lịch tiếp tục phục hồi mạnh: tổng lượt khách ước đạt 6,4 "
  "triệu lượt, tăng 14,3%, trong đó khách quốc tế 820 nghìn lượt; tổng thu từ khách du lịch ước "
  "đạt 11.950 tỷ đồng.",
  "### đ) Thu, chi ngân sách nhà nước",
  "Tổng thu ngân sách nhà nước trên địa bàn ước đạt 19.070 tỷ đồng, bằng 106,9% dự toán Hội "
  "đồng nhân dân tỉnh giao; trong đó thu nội địa 17.390 tỷ đồng, thu từ hoạt động xuất nhập "
  "khẩu 1.680 tỷ đồng. Tổng chi ngân sách địa phương ước thực hiện 23.680 tỷ đồng, đáp ứng kịp "
  "thời các nhiệm vụ chi theo dự toán, chi phòng, chống và khắc phục hậu quả thiên tai, chi bảo "
  "đảm an sinh xã hội. Thu tiền sử dụng đất ước đạt 3.465 tỷ đồng, chỉ bằng 82,5% dự toán do thị "
  "trường bất động sản chưa phục hồi và một số khu đất đấu giá phải lùi tiến độ.",
  "## 3. Về văn hóa – xã hội",
  "Ngành giáo dục hoàn thành kế hoạch năm học 2025–2026; tỷ lệ học sinh tốt nghiệp trung học "
  "phổ thông đạt 98,9%; có thêm 21 trường đạt chuẩn quốc gia. Chương trình giáo dục phổ thông "
  "2018 được triển khai đồng bộ; tình trạng thiếu giáo viên Tin học, Tiếng Anh, Nghệ thuật ở cấp "
  "tiểu học từng bước được khắc phục thông qua tuyển dụng 412 giáo viên.",
  "Công tác chăm sóc sức khỏe Nhân dân được quan tâm; Bệnh viện Đa khoa tỉnh triển khai thêm 14 "
  "kỹ thuật chuyên sâu. Tuy nhiên, mạng lưới y tế cơ sở còn nhiều khó khăn: 27 trạm y tế xã "
  "xuống cấp, 19 trạm chưa có bác sĩ làm việc thường xuyên, tình trạng thiếu thuốc, vật tư y tế "
  "ở tuyến xã chưa được giải quyết triệt để. Nội dung này được Hội đồng nhân dân tỉnh lựa chọn "
  "để chất vấn tại kỳ họp.",
  "Các chính sách an sinh xã hội được thực hiện đầy đủ, kịp thời; đã hỗ trợ xây mới, sửa chữa "
  "1.286 căn nhà cho hộ nghèo, hộ có hoàn cảnh khó khăn về nhà ở, hoàn thành mục tiêu xóa nhà "
  "tạm, nhà dột nát trước ngày 30 tháng 9 năm 2026. Tỷ lệ hộ nghèo theo chuẩn đa chiều giảm còn "
  "2,86%. Giải quyết việc làm cho 21.850 lao động, trong đó 1.940 người đi làm việc ở nước "
  "ngoài theo hợp đồng.",
  "Hoạt động văn hóa, thể thao diễn ra sôi nổi; Lễ hội Văn hóa – Du lịch biển An Hòa năm 2026 "
  "thu hút hơn 180 nghìn lượt khách. Chuyển đổi số được đẩy mạnh; tỷ lệ hồ sơ thủ tục hành "
  "chính được giải quyết trực tuyến toàn trình đạt 58,7%, chỉ số cải cách hành chính của tỉnh "
  "tăng 04 bậc.",
  "## 4. Về quốc phòng, an ninh",
  "Quốc phòng, an ninh được giữ vững; hoàn thành 100% chỉ tiêu tuyển chọn và gọi công dân nhập "
  "ngũ. Tình hình an ninh chính trị, trật tự an toàn xã hội ổn định; tai nạn giao thông giảm cả "
  "03 tiêu chí (giảm 6 vụ, 4 người chết, 9 người bị thương). Công tác tiếp công dân, giải quyết "
  "khiếu nại, tố cáo được quan tâm; đã giải quyết 412/446 đơn thuộc thẩm quyền, đạt 92,4%.",
  "## 5. Hạn chế, tồn tại và nguyên nhân",
  "- Giải ngân vốn đầu tư công chưa đạt yêu cầu: đến ngày 15 tháng 11 năm 2026 mới giải ngân "
  "được 71,4% kế hoạch; một số dự án trọng điểm vướng mắc bồi thường, giải phóng mặt bằng kéo "
  "dài.",
  "- Quản lý đất đai còn bất cập: việc cấp giấy chứng nhận quyền sử dụng đất lần đầu và đăng ký "
  "biến động tại một số địa phương còn chậm; tình trạng lấn chiếm, sử dụng đất sai mục đích ở "
  "khu vực ven đô chưa được xử lý dứt điểm.",
  "- Ba chỉ tiêu chưa đạt kế hoạch (tỷ lệ đô thị hóa, số giường bệnh trên vạn dân, tỷ lệ dân cư "
  "nông thôn dùng nước sạch đạt quy chuẩn); chất lượng dịch vụ y tế tuyến cơ sở chưa đáp ứng "
  "nhu cầu của Nhân dân.",
  "- Nguyên nhân chủ yếu: thiên tai diễn biến phức tạp; nguồn lực đầu tư còn hạn chế; năng lực "
  "tham mưu, tổ chức thực hiện của một số cơ quan, địa phương chưa đáp ứng yêu cầu; phối hợp "
  "giữa các sở, ngành và địa phương có lúc chưa chặt chẽ.",
  "# II. MỤC TIÊU, NHIỆM VỤ VÀ GIẢI PHÁP NĂM 2027",
  "## 1. Mục tiêu tổng quát",
  "Khơi thông các nguồn lực để tăng trưởng nhanh và bền vững; đẩy mạnh chuyển đổi số, phát triển "
  "kinh tế xanh, kinh tế tuần hoàn; hoàn thiện kết cấu hạ tầng giao thông kết nối vùng; nâng cao "
  "chất lượng giáo dục, y tế, nhất là y tế cơ sở; bảo đảm an sinh xã hội, cải thiện đời sống vật "
  "chất và tinh thần của Nhân dân; giữ vững quốc phòng, an ninh; xây dựng chính quyền liêm "
  "chính, phục vụ.",
  "## 2. Các chỉ tiêu chủ yếu năm 2027",
  "%1",
  "## 3. Nhiệm vụ, giải pháp chủ yếu",
  "### a) Cải thiện môi trường đầu tư kinh doanh, thúc đẩy tăng trưởng",
  "Rà soát, tháo gỡ khó khăn cho các dự án đầu tư ngoài ngân sách; đẩy nhanh thủ tục giao đất, "
  "cho thuê đất tại Khu công nghiệp Bình Giang và các cụm công nghiệp; tổ chức Hội nghị xúc "
  "tiến đầu tư năm 2027 với trọng tâm là công nghiệp chế biến, năng lượng tái tạo và du lịch "
  "biển. Nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI), phấn đấu vào nhóm 20 tỉnh, thành "
  "phố dẫn đầu.",
  "### b) Quyết liệt giải ngân vốn đầu tư công",
  "Phân bổ kế hoạch vốn năm 2027 tập trung, không dàn trải, ưu tiên dự án chuyển tiếp, dự án có "
  "khả năng hoàn thành trong năm; kiên quyết điều chuyển vốn của dự án chậm giải ngân sang dự án "
  "có nhu cầu. Thành lập tổ công tác đặc biệt về bồi thường, giải phóng mặt bằng đối với tuyến "
  "đường ven biển và dự án hồ chứa nước Sơn Lâm; gắn trách nhiệm người đứng đầu với kết quả giải "
  "ngân.",
  "### c) Tăng cường quản lý đất đai, tài nguyên và môi trường",
  "Hoàn thành cơ sở dữ liệu đất đai toàn tỉnh; giải quyết dứt điểm hồ sơ cấp giấy chứng nhận "
  "tồn đọng; công khai quy hoạch, kế hoạch sử dụng đất cấp huyện; xử lý nghiêm các trường hợp "
  "lấn chiếm, sử dụng đất sai mục đích. Kiểm soát chặt chẽ nguồn thải tại các khu, cụm công "
  "nghiệp và làng nghề.",
  "### d) Nâng cao chất lượng y tế cơ sở và giáo dục",
  "Bố trí 185 tỷ đồng để cải tạo, nâng cấp 27 trạm y tế xã xuống cấp; thực hiện chính sách thu "
  "hút bác sĩ về công tác tại trạm y tế xã và hỗ trợ nhân viên y tế thôn, tổ dân phố; bảo đảm "
  "đủ thuốc thiết yếu cho tuyến xã. Tiếp tục sắp xếp mạng lưới trường lớp, bổ sung giáo viên còn "
  "thiếu, đầu tư phòng học bộ môn và thiết bị dạy học tối thiểu.",
  "### đ) Bảo đảm an sinh xã hội, quốc phòng, an ninh",
  "Thực hiện đầy đủ, kịp thời chính sách đối với người có công và đối tượng bảo trợ xã hội; hỗ "
  "trợ đào tạo nghề và kết nối việc làm cho lao động nông thôn; chủ động phương án phòng, chống "
  "thiên tai mùa mưa bão năm 2027. Giữ vững ổn định chính trị, bảo đảm trật tự an toàn xã hội; "
  "làm tốt công tác tiếp công dân, giải quyết khiếu nại, tố cáo ngay từ cơ sở.",
  "Trên đây là báo cáo tình hình kinh tế – xã hội năm 2026 và mục tiêu, nhiệm vụ, giải pháp năm "
  "2027, Ủy ban nhân dân tỉnh kính báo cáo Hội đồng nhân dân tỉnh xem xét./.",
  NULL,
};

static const char *const appendix_socio[] = {
  "^",
  "= PHỤ LỤC\nMỘT SỐ CHỈ TIÊU CHỦ YẾU THEO HUYỆN, THỊ XÃ, THÀNH PHỐ NĂM 2026",
  "~ (Kèm theo Báo cáo số 318/BC-UBND ngày 20 tháng 11 năm 2026 của Ủy ban nhân dân tỉnh)",
  "%2",
  "Số liệu ước thực hiện đến ngày 31 tháng 12 năm 2026 do Ủy ban nhân dân các huyện, thị xã, "
  "thành phố báo cáo, Cục Thống kê tỉnh tổng hợp. Tỷ lệ hộ nghèo tính theo chuẩn nghèo đa chiều "
  "giai đoạn 2022–2025.",
  NULL,
};

static const char *const body_review[] = {
  "Thực hiện sự phân công của Thường trực Hội đồng nhân dân tỉnh, ngày 28 tháng 11 năm 2026, Ban "
  "Kinh tế – Ngân sách đã họp thẩm tra Báo cáo số 318/BC-UBND ngày 20 tháng 11 năm 2026 của Ủy "
  "ban nhân dân tỉnh về tình hình kinh tế – xã hội năm 2026; mục tiêu, nhiệm vụ, giải pháp năm "
  "2027. Trên cơ sở báo cáo của Ủy ban nhân dân tỉnh, kết quả giám sát, khảo sát thực tế và ý "
  "kiến thảo luận của các thành viên, Ban Kinh tế – Ngân sách báo cáo kết quả thẩm tra như sau:",
  "# I. VỀ ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2026",
  "Ban cơ bản thống nhất với đánh giá của Ủy ban nhân dân tỉnh. Trong bối cảnh còn nhiều khó "
  "khăn, kinh tế của tỉnh tiếp tục tăng trưởng khá, tốc độ tăng GRDP ước đạt 8,12%, vượt kế "
  "hoạch; thu ngân sách nhà nước trên địa bàn vượt dự toán; an sinh xã hội được bảo đảm; quốc "
  "phòng, an ninh được giữ vững. Ban ghi nhận sự nỗ lực của Ủy ban nhân dân tỉnh trong chỉ đạo, "
  "điều hành, nhất là việc hoàn thành sớm mục tiêu xóa nhà tạm, nhà dột nát.",
  "Bên cạnh đó, Ban đề nghị Ủy ban nhân dân tỉnh làm rõ thêm một số nội dung sau:",
  "- Nguyên nhân chủ quan của việc giải ngân vốn đầu tư công đạt thấp (71,4% kế hoạch đến ngày "
  "15 tháng 11 năm 2026); trách nhiệm của chủ đầu tư, đơn vị tư vấn và chính quyền địa phương "
  "đối với các dự án chậm tiến độ kéo dài từ năm 2025.",
  "- Việc thu tiền sử dụng đất chỉ đạt 82,5% dự toán ảnh hưởng thế nào đến cân đối vốn đầu tư "
  "công năm 2026; phương án xử lý đối với các công trình đã bố trí vốn từ nguồn thu này.",
  "- Giải pháp cụ thể đối với 03 chỉ tiêu không đạt kế hoạch, đặc biệt là số giường bệnh trên "
  "vạn dân và tỷ lệ dân cư nông thôn dùng nước sạch đạt quy chuẩn; lộ trình đạt các chỉ tiêu "
  "này trong năm 2027.",
  "- Kết quả xử lý các trường hợp vi phạm trong quản lý, sử dụng đất đai đã được cử tri phản ánh "
  "nhiều lần, nhất là tại thành phố An Hòa và thị xã Bình Giang.",
  "# II. VỀ MỤC TIÊU, CHỈ TIÊU VÀ GIẢI PHÁP NĂM 2027",
  "Ban thống nhất với mục tiêu tổng quát và 14 chỉ tiêu chủ yếu do Ủy ban nhân dân tỉnh đề xuất. "
  "Riêng chỉ tiêu tốc độ tăng trưởng GRDP, Ban đề nghị giữ mức 8,5% và xây dựng kịch bản tăng "
  "trưởng theo từng quý, từng ngành, lĩnh vực để có cơ sở điều hành.",
  "Đối với các nhiệm vụ, giải pháp, Ban đề nghị Ủy ban nhân dân tỉnh quan tâm thêm:",
  "1. Xây dựng kế hoạch cải tạo, nâng cấp 27 trạm y tế xã xuống cấp, xác định rõ nguồn vốn, "
  "thời gian hoàn thành; có cơ chế phối hợp với các trường đại học y để luân phiên bác sĩ về "
  "trạm y tế xã.",
  "2. Rà soát, công khai danh mục dự án chậm triển khai, dự án có dấu hiệu vi phạm pháp luật về "
  "đất đai để thu hồi, tạo quỹ đất sạch phục vụ đấu giá, bảo đảm nguồn thu tiền sử dụng đất năm "
  "2027.",
  "3. Tăng cường kỷ luật, kỷ cương hành chính; xử lý nghiêm cán bộ, công chức né tránh, đùn đẩy "
  "trách nhiệm trong giải quyết hồ sơ, thủ tục hành chính của người dân và doanh nghiệp.",
  "4. Chủ động phương án ứng phó thiên tai; bố trí đủ kinh phí khắc phục sạt lở bờ sông, bờ biển "
  "tại các huyện Đông Hải, Sơn Lâm trước mùa mưa bão năm 2027.",
  "5. Đẩy mạnh chuyển đổi số trong giải quyết thủ tục hành chính; kết nối, chia sẻ dữ liệu giữa "
  "các cơ sở dữ liệu chuyên ngành, nhất là dữ liệu đất đai, dân cư và thuế, để rút ngắn thời gian "
  "giải quyết hồ sơ cho người dân, doanh nghiệp.",
  "6. Quan tâm nguồn lực cho các huyện miền núi Sơn Lâm, Thạch An, Phú Xuân, nơi tỷ lệ hộ nghèo "
  "còn cao; lồng ghép hiệu quả các chương trình mục tiêu quốc gia, tránh đầu tư dàn trải.",
  "# III. KIẾN NGHỊ",
  "Ban Kinh tế – Ngân sách đề nghị Hội đồng nhân dân tỉnh xem xét, thông qua Nghị quyết về kế "
  "hoạch phát triển kinh tế – xã hội năm 2027 với các nội dung Ủy ban nhân dân tỉnh trình, có "
  "bổ sung các ý kiến thẩm tra nêu trên. Đề nghị Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành tiếp "
  "thu ý kiến thẩm tra, hoàn chỉnh báo cáo và dự thảo nghị quyết, gửi đại biểu Hội đồng nhân dân "
  "tỉnh trước phiên thảo luận tại hội trường.",
  "Trên đây là báo cáo thẩm tra của Ban Kinh tế – Ngân sách, kính trình Hội đồng nhân dân tỉnh "
  "xem xét, quyết định./.",
  NULL,
};

static const char *const body_voters[] = {
  "Thực hiện Kế hoạch số 112/KH-HĐND ngày 15 tháng 10 năm 2026 của Thường trực Hội đồng nhân "
  "dân tỉnh về tổ chức tiếp xúc cử tri trước Kỳ họp thứ mười, Ban Thường trực Ủy ban Mặt trận Tổ "
  "quốc Việt Nam tỉnh đã phối hợp tổ chức cho đại biểu Hội đồng nhân dân tỉnh tiếp xúc cử tri "
  "và tổng hợp ý kiến, kiến nghị của cử tri như sau:",
  "# I. TÌNH HÌNH TỔ CHỨC TIẾP XÚC CỬ TRI",
  "Từ ngày 02 đến ngày 13 tháng 11 năm 2026, các Tổ đại biểu Hội đồng nhân dân tỉnh đã tổ chức "
  "64 điểm tiếp xúc cử tri tại 08 huyện, thị xã, thành phố với 6.920 lượt cử tri tham dự; trong "
  "đó có 12 cuộc tiếp xúc chuyên đề với công nhân các khu công nghiệp, ngư dân, hội viên phụ nữ "
  "và đoàn viên thanh niên. Các cuộc tiếp xúc được tổ chức đúng kế hoạch, dân chủ, cởi mở; cử "
  "tri đã nêu 287 lượt ý kiến, kiến nghị; sau khi loại trừ các ý kiến trùng lặp và đã được giải "
  "trình trực tiếp tại hội nghị, còn 74 ý kiến, kiến nghị thuộc thẩm quyền của tỉnh.",
  "%0",
  "Cử tri phấn khởi trước những kết quả phát triển kinh tế – xã hội của tỉnh năm 2026, nhất là "
  "việc hoàn thành xóa nhà tạm, nhà dột nát và nhiều công trình giao thông quan trọng được đưa "
  "vào sử dụng; đồng thời bày tỏ lo lắng trước tình hình thiên tai, giá vật tư nông nghiệp tăng "
  "cao và chất lượng khám, chữa bệnh ở tuyến xã.",
  "# II. Ý KIẾN, KIẾN NGHỊ CỦA CỬ TRI",
  "## 1. Lĩnh vực đất đai, tài nguyên và môi trường",
  "- Cử tri phường Hải Châu, thành phố An Hòa kiến nghị đẩy nhanh việc cấp giấy chứng nhận quyền "
  "sử dụng đất cho các hộ dân khu tái định cư Bắc Trà Giang; nhiều hộ đã nộp hồ sơ từ năm 2023 "
  "đến nay chưa được cấp.",
  "- Cử tri xã Phú Thạnh, huyện Tân Phú phản ánh tình trạng khai thác cát trái phép trên sông "
  "Trà Giang vào ban đêm vẫn tái diễn, gây sạt lở đất sản xuất; đề nghị tăng cường kiểm tra, xử "
  "lý dứt điểm.",
  "- Cử tri thị xã Bình Giang kiến nghị công khai kế hoạch sử dụng đất năm 2027 và làm rõ việc "
  "chậm triển khai dự án Khu đô thị mới Bình Giang đã thu hồi đất từ năm 2019.",
  "- Cử tri xã Đông Xuyên, huyện Đông Hải phản ánh bãi rác tập trung của huyện quá tải, gây ô "
  "nhiễm môi trường và mùi hôi ảnh hưởng đến sinh hoạt của Nhân dân các thôn lân cận.",
  "## 2. Lĩnh vực y tế",
  "- Cử tri nhiều địa phương phản ánh trạm y tế xã thiếu thuốc điều trị bệnh không lây nhiễm "
  "(tăng huyết áp, đái tháo đường), người bệnh có thẻ bảo hiểm y tế phải mua thuốc bên ngoài.",
  "- Cử tri xã Sơn Thủy, huyện Sơn Lâm kiến nghị bố trí bác sĩ làm việc thường xuyên tại trạm y "
  "tế xã; hiện trạm chỉ có y sĩ và điều dưỡng, người dân phải đi hơn 30 km để khám bệnh.",
  "- Cử tri huyện Thạch An đề nghị nâng mức phụ cấp cho nhân viên y tế thôn, bản; mức hiện nay "
  "quá thấp, nhiều người đã xin nghỉ việc.",
  "## 3. Lĩnh vực giao thông, xây dựng",
  "- Cử tri xã Mỹ Hòa, huyện Mỹ Lộc kiến nghị sớm sửa chữa tuyến ĐT.624 đoạn từ Km12 đến Km18 bị "
  "hư hỏng nặng sau mưa lũ, tiềm ẩn nguy cơ tai nạn giao thông.",
  "- Cử tri phường An Phú, thành phố An Hòa phản ánh hệ thống thoát nước tại khu dân cư An Phú – "
  "Hòa Cường thường xuyên ngập úng khi mưa lớn; đề nghị đầu tư nâng cấp.",
  "- Cử tri huyện Phú Xuân kiến nghị đầu tư cầu dân sinh qua suối Nậm Lương thay cho ngầm tràn, "
  "bảo đảm an toàn cho học sinh đi học trong mùa mưa.",
  "## 4. Lĩnh vực giáo dục, lao động và chính sách xã hội",
  "- Cử tri đề nghị có giải pháp khắc phục tình trạng thiếu giáo viên tiểu học, nhất là giáo "
  "viên Tiếng Anh, Tin học tại các xã miền núi.",
  "- Công nhân Khu công nghiệp Bình Giang kiến nghị đầu tư nhà ở xã hội, nhà trẻ cho con em công "
  "nhân gần khu công nghiệp.",
  "- Cử tri đề nghị chi trả chế độ cho người có công và đối tượng bảo trợ xã hội qua tài khoản, "
  "bảo đảm kịp thời, thuận tiện.",
  "## 5. Lĩnh vực nông nghiệp, thủy sản",
  "- Cử tri huyện Tân Phú kiến nghị có chính sách hỗ trợ nông dân khôi phục sản xuất sau đợt "
  "mưa lũ tháng 10 năm 2026, hỗ trợ giống lúa cho vụ Đông Xuân 2026–2027.",
  "- Ngư dân huyện Đông Hải đề nghị nạo vét luồng lạch cửa biển Đông Hải, bảo đảm tàu cá ra vào "
  "và tránh trú bão an toàn.",
  "# III. ĐỀ NGHỊ",
  "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh đề nghị Hội đồng nhân dân tỉnh, Ủy ban "
  "nhân dân tỉnh chỉ đạo các cơ quan chuyên môn xem xét, giải quyết dứt điểm các ý kiến, kiến "
  "nghị nêu trên, trả lời cử tri bằng văn bản và công khai kết quả giải quyết trên các phương "
  "tiện thông tin đại chúng; đối với những kiến nghị đã được trả lời nhưng chưa thực hiện, đề "
  "nghị nêu rõ lộ trình và trách nhiệm của cơ quan, đơn vị liên quan.",
  NULL,
};

static const char *const body_budget[] = {
  "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
  "Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
  "Căn cứ Quyết định của Thủ tướng Chính phủ và của Bộ trưởng Bộ Tài chính về việc giao dự toán "
  "ngân sách nhà nước năm 2027 cho tỉnh An Hòa,",
  "Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, quyết định dự toán thu ngân "
  "sách nhà nước trên địa bàn, thu, chi ngân sách địa phương và phương án phân bổ ngân sách cấp "
  "tỉnh năm 2027 như sau:",
  "# I. ĐÁNH GIÁ THỰC HIỆN DỰ TOÁN NGÂN SÁCH NĂM 2026",
  "Tổng thu ngân sách nhà nước trên địa bàn ước thực hiện 19.070 tỷ đồng, bằng 106,9% dự toán "
  "Hội đồng nhân dân tỉnh giao và bằng 108,4% thực hiện năm 2025. Trong đó, thu nội địa ước "
  "17.390 tỷ đồng; thu từ hoạt động xuất nhập khẩu ước 1.680 tỷ đồng. Có 8/10 khoản thu đạt và "
  "vượt dự toán; hai khoản thu không đạt là thu tiền sử dụng đất (đạt 82,5%) và thu từ doanh "
  "nghiệp nhà nước địa phương (đạt 94,1%).",
  "Tổng chi ngân sách địa phương ước thực hiện 23.680 tỷ đồng, trong đó chi đầu tư phát triển "
  "8.240 tỷ đồng, chi thường xuyên 14.998,8 tỷ đồng. Các nhiệm vụ chi được bảo đảm theo dự toán; "
  "ngân sách tỉnh đã sử dụng 412 tỷ đồng dự phòng để khắc phục hậu quả mưa lũ tháng 10, hỗ trợ "
  "khôi phục sản xuất và sửa chữa công trình giao thông, thủy lợi bị hư hỏng.",
  "# II. DỰ TOÁN NGÂN SÁCH NHÀ NƯỚC NĂM 2027",
  "## 1. Nguyên tắc xây dựng dự toán",
  "- Dự toán thu được xây dựng tích cực, sát thực tế, trên cơ sở đánh giá khả năng thực hiện năm "
  "2026, dự báo tăng trưởng kinh tế năm 2027 và các chính sách thuế có hiệu lực.",
  "- Dự toán chi bảo đảm đúng định mức phân bổ chi thường xuyên giai đoạn 2027–2030 do Hội đồng "
  "nhân dân tỉnh ban hành; ưu tiên chi trả nợ, chi cho giáo dục – đào tạo, khoa học – công "
  "nghệ, y tế cơ sở và an sinh xã hội; tiết kiệm 10% chi thường xuyên tăng thêm để tạo nguồn cải "
  "cách tiền lương.",
  "- Bố trí dự phòng ngân sách địa phương khoảng 2,0% tổng chi, chủ động nguồn lực phòng, chống "
  "thiên tai, dịch bệnh.",
  "## 2. Dự toán thu, chi ngân sách năm 2027",
  "Tổng thu ngân sách nhà nước trên địa bàn là 20.450.000 triệu đồng, bằng 107,2% ước thực hiện "
  "năm 2026; trong đó thu nội địa 18.650.000 triệu đồng, thu từ hoạt động xuất nhập khẩu "
  "1.800.000 triệu đồng. Tổng thu ngân sách địa phương là 24.750.000 triệu đồng, gồm thu được "
  "hưởng theo phân cấp 17.610.000 triệu đồng, thu bổ sung từ ngân sách trung ương 6.720.000 "
  "triệu đồng và vay để bù đắp bội chi 420.000 triệu đồng.",
  "Tổng chi ngân sách địa phương là 24.750.000 triệu đồng; trong đó chi đầu tư phát triển "
  "8.960.000 triệu đồng (chiếm 36,2%), chi thường xuyên 15.266.800 triệu đồng (chiếm 61,7%), dự "
  "phòng ngân sách 486.000 triệu đồng. Chi tiết tại bảng sau:",
  "%0",
  "## 3. Phương án bổ sung cho ngân sách cấp huyện",
  "Ngân sách cấp tỉnh bổ sung cân đối cho ngân sách các huyện, thị xã, thành phố theo định mức "
  "phân bổ đã được Hội đồng nhân dân tỉnh quyết định, bảo đảm số bổ sung cân đối năm 2027 không "
  "thấp hơn năm 2026; bổ sung có mục tiêu để thực hiện các chương trình mục tiêu quốc gia, chính "
  "sách an sinh xã hội và khắc phục hậu quả thiên tai. Chi tiết từng địa phương tại Phụ lục kèm "
  "theo.",
  "# III. GIẢI PHÁP TỔ CHỨC THỰC HIỆN DỰ TOÁN NĂM 2027",
  "1. Tăng cường quản lý thu, chống thất thu, nhất là thu từ hoạt động thương mại điện tử, kinh "
  "doanh bất động sản, khai thác khoáng sản; đôn đốc thu hồi nợ thuế, phấn đấu nợ thuế không "
  "vượt quá 5% tổng thu ngân sách.",
  "2. Tổ chức đấu giá quyền sử dụng đất theo kế hoạch đã được phê duyệt; chỉ bố trí chi đầu tư "
  "từ nguồn thu tiền sử dụng đất khi nguồn thu thực tế bảo đảm.",
  "3. Quản lý chi chặt chẽ, tiết kiệm, hiệu quả; hạn chế tối đa việc ứng trước dự toán, chuyển "
  "nguồn; thực hiện nghiêm công khai ngân sách theo quy định.",
  "Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, quyết định./.",
  NULL,
};

static const char *const appendix_budget[] = {
  "^",
  "= PHỤ LỤC\nDỰ TOÁN THU, CHI NGÂN SÁCH CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ NĂM 2027",
  "~ (Kèm theo Tờ trình số 325/TTr-UBND ngày 22 tháng 11 năm 2026 của Ủy ban nhân dân tỉnh)",
  "%1",
  NULL,
};

static const char *const body_budget_resolution[] = {
  SESSION_LINE,
  GROUNDS_LAW,
  "> Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
  "> Căn cứ Nghị định số 163/2016/NĐ-CP ngày 21 tháng 12 năm 2016 của Chính phủ quy định chi "
  "tiết thi hành một số điều của Luật Ngân sách nhà nước;",
  "> Xét Tờ trình số 325/TTr-UBND ngày 22 tháng 11 năm 2026 của Ủy ban nhân dân tỉnh về dự toán "
  "thu ngân sách nhà nước trên địa bàn, thu, chi ngân sách địa phương và phương án phân bổ ngân "
  "sách cấp tỉnh năm 2027; Báo cáo thẩm tra của Ban Kinh tế – Ngân sách Hội đồng nhân dân tỉnh; "
  "ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.",
  "= QUYẾT NGHỊ:",
  "<b>Điều 1.</b> Quyết định dự toán ngân sách năm 2027 như sau:",
  "1. Tổng thu ngân sách nhà nước trên địa bàn: 20.450.000 triệu đồng; trong đó thu nội địa "
  "18.650.000 triệu đồng, thu từ hoạt động xuất nhập khẩu 1.800.000 triệu đồng.",
  "2. Tổng thu ngân sách địa phương: 24.750.000 triệu đồng.",
  "3. Tổng chi ngân sách địa phương: 24.750.000 triệu đồng; trong đó chi đầu tư phát triển "
  "8.960.000 triệu đồng; chi thường xuyên 15.266.800 triệu đồng; chi trả nợ lãi các khoản vay "
  "36.000 triệu đồng; chi bổ sung quỹ dự trữ tài chính 1.200 triệu đồng; dự phòng ngân sách "
  "486.000 triệu đồng.",
  "4. Bội chi ngân sách địa phương: 420.000 triệu đồng, được bù đắp từ nguồn vay lại vốn vay "
  "nước ngoài của Chính phủ.",
  "> (Chi tiết tại Phụ lục kèm theo)",
  "<b>Điều 2.</b> Phân bổ ngân sách cấp tỉnh năm 2027",
  "1. Chi ngân sách cấp tỉnh theo từng lĩnh vực và từng cơ quan, đơn vị cấp tỉnh theo dự toán "
  "Ủy ban nhân dân tỉnh trình.",
  "2. Bổ sung cân đối và bổ sung có mục tiêu từ ngân sách cấp tỉnh cho ngân sách các huyện, thị "
  "xã, thành phố theo Tờ trình số 325/TTr-UBND.",
  "<b>Điều 3.</b> Giải pháp thực hiện",
  "Giao Ủy ban nhân dân tỉnh chỉ đạo quyết liệt công tác thu ngân sách, chống thất thu, xử lý nợ "
  "đọng thuế; tổ chức đấu giá quyền sử dụng đất theo kế hoạch; quản lý chi chặt chẽ, tiết kiệm; "
  "công khai dự toán ngân sách theo quy định. Trường hợp thu tiền sử dụng đất không đạt dự toán, "
  "Ủy ban nhân dân tỉnh rà soát, cắt giảm hoặc giãn tiến độ các dự án bố trí từ nguồn thu này và "
  "báo cáo Hội đồng nhân dân tỉnh tại kỳ họp gần nhất.",
  "<b>Điều 4.</b> Tổ chức thực hiện",
  "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
  "2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban, các Tổ đại biểu và đại biểu Hội đồng "
  "nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.",
  "Nghị quyết này đã được Hội đồng nhân dân tỉnh An Hòa Khóa XI, Kỳ họp thứ mười thông qua ngày "
  "     tháng 12 năm 2026 và có hiệu lực từ ngày thông qua./.",
  NULL,
};

static const char *const appendix_budget_resolution[] = {
  "^",
  "= PHỤ LỤC\nCÂN ĐỐI NGÂN SÁCH ĐỊA PHƯƠNG NĂM 2027",
  "~ (Kèm theo Nghị quyết số      /NQ-HĐND ngày      tháng 12 năm 2026\ncủa Hội đồng nhân dân "
  "tỉnh An Hòa)",
  "%0",
  NULL,
};

static const char *const body_investment[] = {
  "Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;",
  "Căn cứ Nghị quyết của Hội đồng nhân dân tỉnh về kế hoạch đầu tư công trung hạn giai đoạn "
  "2026–2030,",
  "Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, quyết định kế hoạch đầu tư "
  "công năm 2027 nguồn vốn ngân sách địa phương như sau:",
  "# I. TÌNH HÌNH THỰC HIỆN KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2026",
  "Tổng kế hoạch vốn đầu tư công năm 2026 được giao là 8.240 tỷ đồng. Đến ngày 15 tháng 11 năm "
  "2026, toàn tỉnh giải ngân được 5.883 tỷ đồng, đạt 71,4% kế hoạch; dự kiến đến hết ngày 31 "
  "tháng 01 năm 2027 giải ngân đạt 95%. Có 23 dự án hoàn thành, đưa vào sử dụng, nổi bật là cầu "
  "Trà Giang 2, đường trục trung tâm thị xã Bình Giang và Trường Trung học phổ thông Tân Phú.",
  "Nguyên nhân giải ngân chậm: vướng mắc bồi thường, giải phóng mặt bằng tại 14 dự án; giá vật "
  "liệu san lấp tăng, nguồn cung khan hiếm; năng lực một số nhà thầu hạn chế; thủ tục điều chỉnh "
  "dự án kéo dài.",
  "# II. KẾ HOẠCH ĐẦU TƯ CÔNG NĂM 2027",
  "## 1. Nguyên tắc phân bổ",
  "- Bố trí đủ vốn đối ứng các dự án sử dụng vốn ODA; ưu tiên dự án chuyển tiếp hoàn thành trong "
  "năm 2027.",
  "- Dự án khởi công mới phải có đủ thủ tục đầu tư theo quy định, thuộc kế hoạch đầu tư công "
  "trung hạn giai đoạn 2026–2030 đã được Hội đồng nhân dân tỉnh thông qua.",
  "- Không bố trí vốn cho dự án chưa hoàn thành thủ tục đất đai, dự án không có khả năng giải "
  "ngân trong năm.",
  "## 2. Tổng vốn và cơ cấu",
  "Tổng kế hoạch vốn đầu tư công nguồn ngân sách địa phương năm 2027 là 8.960 tỷ đồng, gồm: vốn "
  "cân đối ngân sách địa phương theo tiêu chí 3.245 tỷ đồng; vốn từ nguồn thu tiền sử dụng đất "
  "3.600 tỷ đồng; vốn xổ số kiến thiết 560 tỷ đồng; bội chi ngân sách địa phương 420 tỷ đồng; vốn "
  "từ nguồn tăng thu, tiết kiệm chi 1.135 tỷ đồng.",
  "Trong đó, phân cấp cho ngân sách cấp huyện 2.150 tỷ đồng; ngân sách cấp tỉnh trực tiếp quản "
  "lý 6.810 tỷ đồng, bố trí cho các dự án trọng điểm tại danh mục sau, vốn chuẩn bị đầu tư và "
  "các dự án khác:",
  "%0",
  "## 3. Giải pháp thực hiện",
  "1. Giao kế hoạch vốn chi tiết ngay từ đầu năm; chủ đầu tư cam kết tiến độ giải ngân theo từng "
  "quý và báo cáo hằng tháng.",
  "2. Thành lập tổ công tác đặc biệt về bồi thường, giải phóng mặt bằng đối với các dự án giao "
  "thông trọng điểm; bố trí tái định cư trước khi thu hồi đất.",
  "3. Kiên quyết điều chuyển vốn của dự án đến ngày 30 tháng 6 năm 2027 giải ngân dưới 30% kế "
  "hoạch sang dự án có khả năng giải ngân tốt hơn.",
  "Ủy ban nhân dân tỉnh kính trình Hội đồng nhân dân tỉnh xem xét, quyết định./.",
  NULL,
};

static const char *const body_investment_resolution[] = {
  SESSION_LINE,
  GROUNDS_LAW,
  "> Căn cứ Luật Đầu tư công ngày 13 tháng 6 năm 2019;",
  "> Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
  "> Xét Tờ trình số 331/TTr-UBND ngày 24 tháng 11 năm 2026 của Ủy ban nhân dân tỉnh về kế "
  "hoạch đầu tư công năm 2027; Báo cáo thẩm tra của Ban Kinh tế – Ngân sách Hội đồng nhân dân "
  "tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.",
  "= QUYẾT NGHỊ:",
  "<b>Điều 1.</b> Thông qua kế hoạch đầu tư công năm 2027 nguồn vốn ngân sách địa phương với tổng "
  "số vốn 8.960 tỷ đồng, gồm:",
  "1. Vốn cân đối ngân sách địa phương theo tiêu chí: 3.245 tỷ đồng.",
  "2. Vốn từ nguồn thu tiền sử dụng đất: 3.600 tỷ đồng.",
  "3. Vốn xổ số kiến thiết: 560 tỷ đồng.",
  "4. Bội chi ngân sách địa phương: 420 tỷ đồng.",
  "5. Vốn từ nguồn tăng thu, tiết kiệm chi: 1.135 tỷ đồng.",
  "<b>Điều 2.</b> Phân bổ kế hoạch vốn",
  "Phân cấp cho ngân sách cấp huyện 2.150 tỷ đồng; ngân sách cấp tỉnh trực tiếp quản lý 6.810 tỷ "
  "đồng, trong đó bố trí cho các dự án trọng điểm theo danh mục tại Phụ lục kèm theo Nghị quyết "
  "này.",
  "<b>Điều 3.</b> Tổ chức thực hiện",
  "1. Giao Ủy ban nhân dân tỉnh giao kế hoạch vốn chi tiết cho các chủ đầu tư trước ngày 31 "
  "tháng 12 năm 2026; chỉ đạo giải ngân hết kế hoạch vốn được giao; báo cáo Hội đồng nhân dân "
  "tỉnh tình hình giải ngân tại kỳ họp giữa năm 2027.",
  "2. Trong quá trình thực hiện, trường hợp cần điều chỉnh kế hoạch vốn giữa các dự án, Ủy ban "
  "nhân dân tỉnh thống nhất với Thường trực Hội đồng nhân dân tỉnh trước khi thực hiện và báo cáo "
  "Hội đồng nhân dân tỉnh tại kỳ họp gần nhất.",
  "3. Thường trực Hội đồng nhân dân tỉnh, các Ban, các Tổ đại biểu và đại biểu Hội đồng nhân dân "
  "tỉnh giám sát việc thực hiện Nghị quyết này.",
  "Nghị quyết này đã được Hội đồng nhân dân tỉnh An Hòa Khóa XI, Kỳ họp thứ mười thông qua ngày "
  "     tháng 12 năm 2026 và có hiệu lực từ ngày thông qua./.",
  NULL,
};

static const char *const appendix_investment_resolution[] = {
  "^",
  "= PHỤ LỤC\nDANH MỤC DỰ ÁN TRỌNG ĐIỂM BỐ TRÍ VỐN NĂM 2027",
  "~ (Kèm theo Nghị quyết số      /NQ-HĐND ngày      tháng 12 năm 2026\ncủa Hội đồng nhân dân "
  "tỉnh An Hòa)",
  "%0",
  NULL,
};

static const char *const body_petitions[] = {
  "Sau Kỳ họp thứ chín, Hội đồng nhân dân tỉnh Khóa XI, Ủy ban nhân dân tỉnh nhận được Văn bản "
  "số 96/HĐND-VP ngày 22 tháng 7 năm 2026 của Thường trực Hội đồng nhân dân tỉnh chuyển 68 ý "
  "kiến, kiến nghị của cử tri. Ủy ban nhân dân tỉnh đã giao các sở, ngành, địa phương nghiên "
  "cứu, giải quyết và trả lời cử tri. Kết quả như sau:",
  "# I. KẾT QUẢ CHUNG",
  "Đến ngày 15 tháng 11 năm 2026, 68/68 ý kiến, kiến nghị đã được trả lời bằng văn bản (đạt "
  "100%); trong đó 41 ý kiến đã được giải quyết xong (60,3%); 19 ý kiến đang giải quyết, có lộ "
  "trình cụ thể (27,9%); 08 ý kiến đã được giải thích, cung cấp thông tin đến cử tri (11,8%).",
  "%0",
  "# II. KẾT QUẢ GIẢI QUYẾT CỤ THỂ",
  "Kết quả giải quyết từng ý kiến, kiến nghị được tổng hợp tại bảng dưới đây (các ý kiến trùng "
  "nội dung được gộp lại):",
  "%1",
  "# III. ĐÁNH GIÁ VÀ GIẢI PHÁP",
  "Các sở, ngành và địa phương đã quan tâm giải quyết kiến nghị cử tri, chất lượng văn bản trả "
  "lời được nâng lên, nhiều kiến nghị được giải quyết dứt điểm. Tuy nhiên, một số kiến nghị liên "
  "quan đến đất đai, đầu tư hạ tầng chưa được giải quyết do cần nguồn lực lớn hoặc vướng mắc về "
  "thủ tục; một số văn bản trả lời còn chung chung, chưa nêu rõ thời hạn hoàn thành.",
  "Thời gian tới, Ủy ban nhân dân tỉnh yêu cầu các cơ quan, đơn vị tiếp tục theo dõi, đôn đốc "
  "việc giải quyết 19 kiến nghị đang thực hiện; công khai kết quả trên Cổng thông tin điện tử "
  "tỉnh; người đứng đầu cơ quan chịu trách nhiệm trước Chủ tịch Ủy ban nhân dân tỉnh nếu để kiến "
  "nghị của cử tri chậm giải quyết, tái diễn nhiều lần.",
  "Ủy ban nhân dân tỉnh kính báo cáo Hội đồng nhân dân tỉnh./.",
  NULL,
};

static const char *const body_land[] = {
  "Thực hiện Văn bản số 142/HĐND-VP ngày 20 tháng 11 năm 2026 của Thường trực Hội đồng nhân dân "
  "tỉnh về chuẩn bị nội dung chất vấn tại Kỳ họp thứ mười, Sở Tài nguyên và Môi trường báo cáo "
  "một số nội dung thuộc nhóm vấn đề quản lý đất đai như sau:",
  "# I. CÔNG TÁC CẤP GIẤY CHỨNG NHẬN QUYỀN SỬ DỤNG ĐẤT",
  "Năm 2026, toàn tỉnh tiếp nhận 38.460 hồ sơ đề nghị cấp giấy chứng nhận lần đầu và đăng ký "
  "biến động; đã giải quyết 35.120 hồ sơ, đạt 91,3%; còn 3.340 hồ sơ đang giải quyết, trong đó "
  "612 hồ sơ quá hạn. Kết quả theo từng địa phương như sau:",
  "%0",
  "Hồ sơ tồn đọng tập trung tại thành phố An Hòa và thị xã Bình Giang, chủ yếu ở các khu tái "
  "định cư và khu dân cư hình thành trước năm 2004 có nguồn gốc sử dụng đất phức tạp, sai lệch "
  "giữa hồ sơ địa chính và hiện trạng sử dụng.",
  "Nguyên nhân: bản đồ địa chính một số xã, phường được đo đạc từ lâu, chưa được chỉnh lý; cơ sở "
  "dữ liệu đất đai chưa hoàn thiện, chưa liên thông đầy đủ với cơ quan thuế; nhân lực của Văn "
  "phòng đăng ký đất đai và các chi nhánh còn thiếu so với khối lượng hồ sơ tăng cao.",
  "# II. QUẢN LÝ QUY HOẠCH, KẾ HOẠCH SỬ DỤNG ĐẤT VÀ XỬ LÝ VI PHẠM",
  "Quy hoạch sử dụng đất thời kỳ 2021–2030 của 08/08 huyện, thị xã, thành phố đã được phê "
  "duyệt; kế hoạch sử dụng đất năm 2027 cấp huyện đang được thẩm định, dự kiến phê duyệt trước "
  "ngày 31 tháng 12 năm 2026.",
  "Qua thanh tra, kiểm tra, đã phát hiện 214 trường hợp vi phạm với diện tích 38,6 ha; đã xử lý "
  "dứt điểm 156 trường hợp, xử phạt vi phạm hành chính 2,84 tỷ đồng; 58 trường hợp còn lại đang "
  "được các địa phương xử lý. Đã kiến nghị thu hồi 06 dự án chậm đưa đất vào sử dụng.",
  "%1",
  "# III. GIÁ ĐẤT VÀ ĐẤU GIÁ QUYỀN SỬ DỤNG ĐẤT",
  "Năm 2026, tỉnh tổ chức đấu giá 42 khu đất, trong đó 31 khu đấu giá thành công với tổng số "
  "tiền trúng đấu giá 2.936 tỷ đồng; 11 khu không có người tham gia hoặc không đủ điều kiện tổ "
  "chức do thị trường bất động sản trầm lắng. Đây là nguyên nhân chính khiến thu tiền sử dụng "
  "đất chỉ đạt 82,5% dự toán.",
  "# IV. NHỮNG VẤN ĐỀ ĐẠI BIỂU QUAN TÂM VÀ HƯỚNG KHẮC PHỤC",
  "1. Về 64 hồ sơ cấp giấy chứng nhận tại khu tái định cư Bắc Trà Giang: Sở đã phối hợp với Ủy "
  "ban nhân dân thành phố An Hòa đo đạc, chỉnh lý bản đồ địa chính, dự kiến cấp xong trong quý I "
  "năm 2027.",
  "2. Về việc chậm cấp giấy chứng nhận nói chung: tiếp nhận hồ sơ trực tuyến toàn trình; liên "
  "thông điện tử với cơ quan thuế để rút ngắn thời gian xác định nghĩa vụ tài chính; công khai "
  "danh sách hồ sơ quá hạn và trách nhiệm của từng cơ quan.",
  "3. Về xử lý vi phạm đất đai: đề nghị Ủy ban nhân dân tỉnh giao chỉ tiêu xử lý dứt điểm cho "
  "từng địa phương và đưa kết quả vào đánh giá mức độ hoàn thành nhiệm vụ của người đứng đầu.",
  "4. Về khai thác cát trái phép trên sông Trà Giang: duy trì tổ kiểm tra liên ngành, lắp camera "
  "giám sát tại các điểm nóng, xử lý trách nhiệm của Chủ tịch Ủy ban nhân dân cấp xã để xảy ra "
  "vi phạm kéo dài.",
  "Sở Tài nguyên và Môi trường kính báo cáo Hội đồng nhân dân tỉnh./.",
  NULL,
};

static const char *const body_health[] = {
  "Thực hiện Văn bản số 142/HĐND-VP ngày 20 tháng 11 năm 2026 của Thường trực Hội đồng nhân dân "
  "tỉnh, Sở Y tế báo cáo thực trạng và giải pháp nâng cao chất lượng y tế cơ sở như sau:",
  "# I. THỰC TRẠNG MẠNG LƯỚI Y TẾ CƠ SỞ",
  "Toàn tỉnh có 08 trung tâm y tế huyện, thị xã, thành phố, 118 trạm y tế xã, phường, thị trấn "
  "và 1.036 nhân viên y tế thôn, tổ dân phố. Có 91/118 trạm y tế đạt Bộ tiêu chí quốc gia về y "
  "tế xã (77,1%); 99/118 trạm có bác sĩ làm việc thường xuyên (83,9%); 19 trạm chưa có bác sĩ "
  "làm việc thường xuyên, chủ yếu tại các huyện miền núi Sơn Lâm, Thạch An và Phú Xuân.",
  "%0",
  "Cơ sở vật chất của nhiều trạm y tế xuống cấp: 27 trạm được xây dựng trước năm 2005, hư hỏng, "
  "thấm dột, không đủ phòng chức năng theo quy định; 34 trạm thiếu trang thiết bị thiết yếu như "
  "máy điện tim, máy siêu âm, máy xét nghiệm sinh hóa cơ bản.",
  "# II. NHÂN LỰC, THUỐC VÀ VẬT TƯ Y TẾ",
  "Tổng số nhân lực tại các trạm y tế xã là 812 người, bình quân 6,9 người/trạm. Năm 2026 có 46 "
  "viên chức y tế tuyến xã nghỉ việc, chuyển công tác, trong đó có 17 bác sĩ; việc tuyển dụng "
  "bác sĩ về tuyến xã gặp nhiều khó khăn do thu nhập thấp, điều kiện làm việc hạn chế.",
  "Nhân viên y tế thôn, tổ dân phố đang hưởng phụ cấp hằng tháng bằng 0,3 lần mức lương cơ sở "
  "(thôn thuộc xã đặc biệt khó khăn: 0,5 lần); mức này chưa tương xứng với khối lượng công việc, "
  "84 người đã xin nghỉ trong năm 2026.",
  "Về thuốc: năm 2025 và 6 tháng đầu năm 2026, do vướng mắc trong đấu thầu, nhiều trạm y tế "
  "thiếu thuốc điều trị bệnh không lây nhiễm; từ tháng 8 năm 2026, sau khi hoàn thành đấu thầu "
  "tập trung, tình trạng này cơ bản được khắc phục, tỷ lệ đáp ứng danh mục thuốc tại tuyến xã "
  "đạt 92%.",
  "# III. NGUYÊN NHÂN CỦA HẠN CHẾ",
  "- Nguồn vốn đầu tư cho y tế cơ sở trong nhiều năm còn hạn chế, chủ yếu từ ngân sách địa "
  "phương; việc huy động nguồn lực xã hội hóa ở vùng khó khăn chưa hiệu quả.",
  "- Chính sách đãi ngộ chưa đủ sức thu hút bác sĩ về làm việc lâu dài ở tuyến xã, nhất là các "
  "xã miền núi, xa trung tâm.",
  "- Cơ chế tài chính của trạm y tế phụ thuộc nhiều vào nguồn thu khám, chữa bệnh bảo hiểm y tế, "
  "trong khi số lượt khám tại trạm thấp.",
  "# IV. GIẢI PHÁP TRONG THỜI GIAN TỚI",
  "1. Trình Ủy ban nhân dân tỉnh bố trí 185 tỷ đồng cải tạo, nâng cấp 27 trạm y tế xuống cấp "
  "trong hai năm 2027–2028; ưu tiên 11 trạm tại các huyện Sơn Lâm và Thạch An.",
  "2. Tham mưu chính sách thu hút bác sĩ: hỗ trợ một lần 150 triệu đồng cho bác sĩ cam kết làm "
  "việc tại trạm y tế xã miền núi từ 05 năm trở lên; luân phiên bác sĩ từ bệnh viện tuyến tỉnh "
  "về tuyến xã.",
  "3. Tham mưu Ủy ban nhân dân tỉnh trình Hội đồng nhân dân tỉnh nâng mức hỗ trợ nhân viên y tế "
  "thôn, tổ dân phố từ ngày 01 tháng 01 năm 2027.",
  "4. Triển khai khám, chữa bệnh từ xa giữa Bệnh viện Đa khoa tỉnh và 40 trạm y tế xã vùng sâu; "
  "ứng dụng hồ sơ sức khỏe điện tử cho toàn bộ người dân.",
  "Sở Y tế kính báo cáo Hội đồng nhân dân tỉnh./.",
  NULL,
};

static const char *const body_allowance_resolution[] = {
  SESSION_LINE,
  GROUNDS_LAW,
  "> Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015; Luật sửa đổi, bổ "
  "sung một số điều của Luật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020;",
  "> Căn cứ Luật Ngân sách nhà nước ngày 25 tháng 6 năm 2015;",
  "> Xét Tờ trình của Ủy ban nhân dân tỉnh về dự thảo Nghị quyết quy định mức hỗ trợ hằng tháng "
  "đối với nhân viên y tế thôn, tổ dân phố trên địa bàn tỉnh An Hòa; Báo cáo thẩm tra của Ban "
  "Văn hóa – Xã hội Hội đồng nhân dân tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh "
  "tại kỳ họp.",
  "= QUYẾT NGHỊ:",
  "<b>Điều 1.</b> Phạm vi điều chỉnh và đối tượng áp dụng",
  "1. Nghị quyết này quy định mức hỗ trợ hằng tháng từ ngân sách tỉnh đối với nhân viên y tế "
  "thôn, bản, tổ dân phố trên địa bàn tỉnh An Hòa, ngoài mức phụ cấp theo quy định của Trung "
  "ương.",
  "2. Đối tượng áp dụng: nhân viên y tế thôn, bản, tổ dân phố đang làm việc theo quyết định của "
  "Ủy ban nhân dân cấp huyện; cơ quan, tổ chức, cá nhân có liên quan.",
  "<b>Điều 2.</b> Mức hỗ trợ",
  "Mức hỗ trợ hằng tháng được tính theo hệ số so với mức lương cơ sở, như sau:",
  "%0",
  "Trường hợp nhân viên y tế thôn kiêm nhiệm cô đỡ thôn, bản thì được hưởng thêm 0,2 lần mức "
  "lương cơ sở mỗi tháng.",
  "<b>Điều 3.</b> Kinh phí thực hiện",
  "Kinh phí thực hiện do ngân sách tỉnh bảo đảm, bố trí trong dự toán chi sự nghiệp y tế hằng "
  "năm; tổng kinh phí dự kiến khoảng 16,8 tỷ đồng/năm tính theo mức lương cơ sở hiện hành.",
  "<b>Điều 4.</b> Tổ chức thực hiện",
  "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
  "2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban, các Tổ đại biểu và đại biểu Hội đồng "
  "nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.",
  "<b>Điều 5.</b> Hiệu lực thi hành",
  "Nghị quyết này đã được Hội đồng nhân dân tỉnh An Hòa Khóa XI, Kỳ họp thứ mười thông qua ngày "
  "     tháng 12 năm 2026 và có hiệu lực từ ngày 01 tháng 01 năm 2027.",
  NULL,
};

static const char *const appendix_allowance_resolution[] = {
  "^",
  "= PHỤ LỤC\nSỐ NHÂN VIÊN Y TẾ THÔN, TỔ DÂN PHỐ ĐƯỢC HỖ TRỢ",
  "~ (Kèm theo Nghị quyết số      /2026/NQ-HĐND ngày      tháng 12 năm 2026\ncủa Hội đồng nhân "
  "dân tỉnh An Hòa)",
  "%1",
  "Số nhân viên y tế thôn, tổ dân phố trên đây là số đang làm việc tại thời điểm ngày 31 tháng 10 "
  "năm 2026 theo báo cáo của Sở Y tế; hằng năm Ủy ban nhân dân tỉnh cập nhật theo số thôn, tổ "
  "dân phố sau sắp xếp và phân loại xã khu vực III, khu vực II do cấp có thẩm quyền công bố.",
  NULL,
};

static const char *const body_supervision_resolution[] = {
  SESSION_LINE,
  GROUNDS_LAW,
  "> Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân ngày 20 tháng 11 năm 2015;",
  "> Xét Tờ trình của Thường trực Hội đồng nhân dân tỉnh về Chương trình giám sát năm 2027 của "
  "Hội đồng nhân dân tỉnh; ý kiến thảo luận của đại biểu Hội đồng nhân dân tỉnh tại kỳ họp.",
  "= QUYẾT NGHỊ:",
  "<b>Điều 1.</b> Thông qua Chương trình giám sát năm 2027 của Hội đồng nhân dân tỉnh An Hòa với "
  "các nội dung sau:",
  "1. Tại kỳ họp giữa năm 2027, Hội đồng nhân dân tỉnh xem xét báo cáo của Thường trực Hội đồng "
  "nhân dân tỉnh, Ủy ban nhân dân tỉnh, Tòa án nhân dân, Viện kiểm sát nhân dân và Cục Thi hành "
  "án dân sự tỉnh; tiến hành chất vấn và xem xét việc trả lời chất vấn; giám sát việc thực hiện "
  "các nghị quyết của Hội đồng nhân dân tỉnh.",
  "2. Giám sát chuyên đề: Thường trực và các Ban của Hội đồng nhân dân tỉnh giám sát các nội dung "
  "sau:",
  "%0",
  "3. Giám sát việc thực hiện các cam kết của người trả lời chất vấn tại Kỳ họp thứ mười về quản "
  "lý đất đai và y tế cơ sở; kết quả được báo cáo tại kỳ họp giữa năm 2027.",
  "<b>Điều 2.</b> Tổ chức thực hiện",
  "1. Thường trực Hội đồng nhân dân tỉnh chỉ đạo, điều hòa, phối hợp hoạt động giám sát của các "
  "Ban, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh; báo cáo kết quả giám sát tại kỳ họp "
  "cuối năm 2027.",
  "2. Các cơ quan, tổ chức, cá nhân chịu sự giám sát có trách nhiệm báo cáo đầy đủ, đúng hạn và "
  "thực hiện các kiến nghị sau giám sát.",
  "3. Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành, địa phương phối hợp, cung cấp đầy đủ thông "
  "tin, tài liệu phục vụ hoạt động giám sát; bảo đảm kinh phí cho hoạt động giám sát theo quy "
  "định.",
  "4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị – xã hội phối hợp "
  "giám sát, tuyên truyền và phản ánh kịp thời ý kiến của cử tri về các nội dung giám sát.",
  "<b>Điều 3.</b> Hiệu lực thi hành",
  "Nghị quyết này đã được Hội đồng nhân dân tỉnh An Hòa Khóa XI, Kỳ họp thứ mười thông qua ngày "
  "     tháng 12 năm 2026 và có hiệu lực từ ngày thông qua./.",
  NULL,
};

static const SeedDocument seed_documents[] = {
  { "open", "Chương trình Kỳ họp thứ mười", CHAMBER_DOCUMENT_OTHER, "2026-11-25",
    HDND, "Số: 86/CTr-HĐND", "An Hòa, ngày 25 tháng 11 năm 2026", FALSE,
    "CHƯƠNG TRÌNH", "Kỳ họp thứ mười, Hội đồng nhân dân tỉnh An Hòa\nKhóa XI, nhiệm kỳ 2021–2026",
    NULL, body_programme, { build_schedule_table },
    "TM. THƯỜNG TRỰC HỘI ĐỒNG NHÂN DÂN\nCHỦ TỊCH", CHAIR, copies_office, NULL },

  { "socio-report", "Báo cáo tình hình kinh tế – xã hội năm 2026, kế hoạch năm 2027",
    CHAMBER_DOCUMENT_REPORT, "2026-11-20",
    UBND, "Số: 318/BC-UBND", "An Hòa, ngày 20 tháng 11 năm 2026", FALSE,
    "BÁO CÁO",
    "Tình hình kinh tế – xã hội năm 2026; mục tiêu, nhiệm vụ\nvà giải pháp phát triển kinh tế – "
    "xã hội năm 2027",
    TO_COUNCIL, body_socio,
    { build_indicators_table, build_targets_table, build_districts_overview_table },
    SIGN_UBND, VICE_CHAIR_UBND, copies_submission, appendix_socio },

  { "socio-review", "Báo cáo thẩm tra của Ban Kinh tế – Ngân sách về tình hình kinh tế – xã hội",
    CHAMBER_DOCUMENT_REPORT, "2026-12-01",
    "HĐND TỈNH AN HÒA\n<b>BAN KINH TẾ – NGÂN SÁCH</b>", "Số: 47/BC-KTNS",
    "An Hòa, ngày 01 tháng 12 năm 2026", FALSE,
    "BÁO CÁO THẨM TRA",
    "Báo cáo tình hình kinh tế – xã hội năm 2026;\nmục tiêu, nhiệm vụ, giải pháp năm 2027",
    TO_COUNCIL, body_review, { NULL },
    "TM. BAN KINH TẾ – NGÂN SÁCH\nTRƯỞNG BAN", "Đỗ Minh Tuấn", copies_report, NULL },

  { "socio-voters", "Thông báo kết quả tổng hợp ý kiến, kiến nghị của cử tri",
    CHAMBER_DOCUMENT_OTHER, "2026-11-27",
    "ỦY BAN MTTQ VIỆT NAM\nTỈNH AN HÒA\n<b>BAN THƯỜNG TRỰC</b>", "Số: 215/TB-MTTQ-BTT",
    "An Hòa, ngày 27 tháng 11 năm 2026", FALSE,
    "THÔNG BÁO",
    "Kết quả tổng hợp ý kiến, kiến nghị của cử tri\ntrước Kỳ họp thứ mười, Hội đồng nhân dân "
    "tỉnh Khóa XI",
    NULL, body_voters, { build_voter_fields_table },
    "TM. BAN THƯỜNG TRỰC\nPHÓ CHỦ TỊCH", "Nguyễn Thị Thanh Xuân", copies_report, NULL },

  { "budget", "Tờ trình dự toán ngân sách nhà nước năm 2027", CHAMBER_DOCUMENT_SUBMISSION,
    "2026-11-22",
    UBND, "Số: 325/TTr-UBND", "An Hòa, ngày 22 tháng 11 năm 2026", FALSE,
    "TỜ TRÌNH",
    "Về dự toán thu ngân sách nhà nước trên địa bàn, thu, chi\nngân sách địa phương và phương "
    "án phân bổ ngân sách\ncấp tỉnh năm 2027",
    TO_COUNCIL, body_budget, { build_budget_table, build_district_budget_table },
    SIGN_UBND, VICE_CHAIR_UBND, copies_submission, appendix_budget },

  { "budget", "Dự thảo Nghị quyết về dự toán ngân sách năm 2027",
    CHAMBER_DOCUMENT_DRAFT_RESOLUTION, "2026-11-22",
    HDND, "Số:        /NQ-HĐND", "An Hòa, ngày      tháng 12 năm 2026", TRUE,
    "NGHỊ QUYẾT",
    "Về dự toán thu ngân sách nhà nước trên địa bàn, thu, chi\nngân sách địa phương và phân bổ "
    "ngân sách\ncấp tỉnh năm 2027",
    NULL, body_budget_resolution, { build_balance_table },
    SIGN_HDND, CHAIR, copies_resolution, appendix_budget_resolution },

  { "invest", "Tờ trình kế hoạch đầu tư công năm 2027", CHAMBER_DOCUMENT_SUBMISSION,
    "2026-11-24",
    UBND, "Số: 331/TTr-UBND", "An Hòa, ngày 24 tháng 11 năm 2026", FALSE,
    "TỜ TRÌNH", "Về kế hoạch đầu tư công năm 2027\nnguồn vốn ngân sách địa phương",
    TO_COUNCIL, body_investment, { build_projects_table },
    SIGN_UBND, VICE_CHAIR_UBND, copies_submission, NULL },

  { "invest", "Dự thảo Nghị quyết về kế hoạch đầu tư công năm 2027",
    CHAMBER_DOCUMENT_DRAFT_RESOLUTION, "2026-11-24",
    HDND, "Số:        /NQ-HĐND", "An Hòa, ngày      tháng 12 năm 2026", TRUE,
    "NGHỊ QUYẾT", "Về kế hoạch đầu tư công năm 2027\nnguồn vốn ngân sách địa phương",
    NULL, body_investment_resolution, { build_projects_table },
    SIGN_HDND, CHAIR, copies_resolution, appendix_investment_resolution },

  { "petitions", "Báo cáo kết quả giải quyết kiến nghị cử tri gửi đến Kỳ họp thứ chín",
    CHAMBER_DOCUMENT_REPORT, "2026-11-23",
    UBND, "Số: 329/BC-UBND", "An Hòa, ngày 23 tháng 11 năm 2026", FALSE,
    "BÁO CÁO",
    "Kết quả giải quyết ý kiến, kiến nghị của cử tri gửi đến\nKỳ họp thứ chín, Hội đồng nhân "
    "dân tỉnh Khóa XI",
    TO_COUNCIL, body_petitions, { build_petition_fields_table, build_petitions_table },
    SIGN_UBND, VICE_CHAIR_UBND, copies_submission, NULL },

  { "questions-land", "Báo cáo của Sở Tài nguyên và Môi trường về quản lý đất đai",
    CHAMBER_DOCUMENT_REPORT, "2026-11-28",
    "UBND TỈNH AN HÒA\n<b>SỞ TÀI NGUYÊN\nVÀ MÔI TRƯỜNG</b>", "Số: 2874/BC-STNMT",
    "An Hòa, ngày 28 tháng 11 năm 2026", FALSE,
    "BÁO CÁO",
    "Một số nội dung về công tác quản lý đất đai\nphục vụ phiên chất vấn tại Kỳ họp thứ mười",
    TO_COUNCIL, body_land, { build_land_table, build_violations_table },
    "GIÁM ĐỐC", "Nguyễn Hữu Phước", copies_report, NULL },

  { "questions-health", "Báo cáo của Sở Y tế về y tế cơ sở", CHAMBER_DOCUMENT_REPORT,
    "2026-11-27",
    "UBND TỈNH AN HÒA\n<b>SỞ Y TẾ</b>", "Số: 1965/BC-SYT", "An Hòa, ngày 27 tháng 11 năm 2026",
    FALSE,
    "BÁO CÁO",
    "Thực trạng và giải pháp nâng cao chất lượng y tế cơ sở\ntrên địa bàn tỉnh An Hòa",
    TO_COUNCIL, body_health, { build_clinics_table },
    "GIÁM ĐỐC", "Trần Thị Bích Ngọc", copies_report, NULL },

  { "resolutions", "Dự thảo Nghị quyết quy định mức hỗ trợ nhân viên y tế thôn, tổ dân phố",
    CHAMBER_DOCUMENT_DRAFT_RESOLUTION, "2026-11-26",
    HDND, "Số:        /2026/NQ-HĐND", "An Hòa, ngày      tháng 12 năm 2026", TRUE,
    "NGHỊ QUYẾT",
    "Quy định mức hỗ trợ hằng tháng đối với nhân viên y tế\nthôn, tổ dân phố trên địa bàn tỉnh "
    "An Hòa",
    NULL, body_allowance_resolution, { build_allowance_table, build_health_workers_table },
    SIGN_HDND, CHAIR, copies_resolution, appendix_allowance_resolution },

  { "resolutions", "Dự thảo Nghị quyết về Chương trình giám sát năm 2027",
    CHAMBER_DOCUMENT_DRAFT_RESOLUTION, "2026-11-26",
    HDND, "Số:        /NQ-HĐND", "An Hòa, ngày      tháng 12 năm 2026", TRUE,
    "NGHỊ QUYẾT", "Về Chương trình giám sát năm 2027\ncủa Hội đồng nhân dân tỉnh An Hòa",
    NULL, body_supervision_resolution, { build_supervision_table },
    SIGN_HDND, CHAIR, copies_resolution, NULL },
};

/* ---------------------------------------------------------------------------------------------
 * Writing one document
 * ------------------------------------------------------------------------------------------- */

/* The issuing body and number on the left, the national motto and the date on the right. */
static void
pen_letterhead (Pen                *pen,
                const SeedDocument *doc)
{
  const double left_x = MARGIN_LEFT - 30.0;
  const double left_width = 205.0;
  const double right_x = left_x + left_width + 4.0;
  const double right_width = PAGE_WIDTH - MARGIN_RIGHT + 12.0 - right_x;
  double left_y, right_y, motto_width, row;

  if (doc->draft)
    {
      double stamp_width;
      double stamp_height = pen_measure (pen, &stamp_style, TEXT_WIDTH, "DỰ THẢO", &stamp_width);
      double x = PAGE_WIDTH - MARGIN_RIGHT - stamp_width - 12.0;

      pen_draw_at (pen, &stamp_style, x + 6.0, 22.0, stamp_width, "DỰ THẢO", NULL);
      cairo_save (pen->cr);
      cairo_set_line_width (pen->cr, 0.8);
      cairo_rectangle (pen->cr, x, 18.0, stamp_width + 12.0, stamp_height + 8.0);
      cairo_stroke (pen->cr);
      cairo_restore (pen->cr);
    }

  left_y = MARGIN_TOP + pen_draw_at (pen, &issuer_style, left_x, MARGIN_TOP, left_width,
                                     doc->issuer, NULL);
  pen_rule (pen, left_x + left_width / 2, left_y + 4.5, 64.0);

  right_y = MARGIN_TOP + pen_draw_at (pen, &motto_style, right_x, MARGIN_TOP, right_width,
                                      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", NULL);
  right_y += pen_draw_at (pen, &motto_line_style, right_x, right_y, right_width,
                          "Độc lập – Tự do – Hạnh phúc", &motto_width);
  pen_rule (pen, right_x + right_width / 2, right_y + 4.5, motto_width);

  row = MAX (left_y, right_y) + 12.0;
  pen_draw_at (pen, &number_style, left_x, row, left_width, doc->number, NULL);
  pen->y = row + pen_draw_at (pen, &date_style, right_x, row, right_width, doc->place_date,
                              NULL) + 22.0;
}

/* The kind of paper in capitals, its subject in bold, a short rule, and who it is sent to. */
static void
pen_title (Pen                *pen,
           const SeedDocument *doc)
{
  pen->y += pen_draw_at (pen, &doc_heading_style, MARGIN_LEFT, pen->y, TEXT_WIDTH, doc->heading,
                         NULL) + 2.0;
  pen->y += pen_draw_at (pen, &subject_style, MARGIN_LEFT + 15.0, pen->y, TEXT_WIDTH - 30.0,
                         doc->subject, NULL);
  pen_rule (pen, MARGIN_LEFT + TEXT_WIDTH / 2, pen->y + 6.5, 90.0);
  pen->y += 20.0;
  if (doc->recipient != NULL)
    pen->y += pen_draw_at (pen, &recipient_style, MARGIN_LEFT, pen->y, TEXT_WIDTH,
                           doc->recipient, NULL) + 12.0;
}

static void
pen_body (Pen                *pen,
          const SeedDocument *doc,
          const char *const  *lines)
{
  for (; *lines != NULL; lines++)
    {
      const char *line = *lines;

      if (g_str_has_prefix (line, "### "))
        {
          pen_need (pen, 60.0);
          pen_flow (pen, &subheading_style, line + 4, PARA_SPACING);
        }
      else if (g_str_has_prefix (line, "## "))
        {
          pen_need (pen, 60.0);
          pen_flow (pen, &heading_style, line + 3, PARA_SPACING);
        }
      else if (g_str_has_prefix (line, "# "))
        {
          g_autofree char *destination = NULL;

          pen->y += 4.0;
          pen_need (pen, 70.0);
          destination = g_strdup_printf ("page=%d pos=[%d %d]", pen->page, (int) MARGIN_LEFT,
                                         (int) pen->y);
          cairo_pdf_surface_add_outline (pen->surface, CAIRO_PDF_OUTLINE_ROOT, line + 2,
                                         destination, 0);
          pen_flow (pen, &heading_style, line + 2, PARA_SPACING);
        }
      else if (g_str_has_prefix (line, "= "))
        {
          pen->y += 4.0;
          pen_need (pen, 50.0);
          pen_flow (pen, &centred_bold_style, line + 2, PARA_SPACING + 4.0);
        }
      else if (g_str_has_prefix (line, "~ "))
        pen_flow (pen, &centred_italic_style, line + 2, PARA_SPACING + 4.0);
      else if (g_str_has_prefix (line, "> "))
        pen_flow (pen, &grounds_style, line + 2, PARA_SPACING);
      else if (line[0] == '%')
        {
          guint index = (guint) (line[1] - '0');
          g_autoptr (Table) table = NULL;

          g_assert (index < G_N_ELEMENTS (doc->tables) && doc->tables[index] != NULL);
          table = doc->tables[index] ();
          pen_table (pen, table);
        }
      else if (g_str_equal (line, "^"))
        pen_new_page (pen);
      else
        pen_flow (pen, &body_style, line, PARA_SPACING);
    }
}

/* "Nơi nhận" on the left, who signs on the right. */
static void
pen_signature (Pen                *pen,
               const SeedDocument *doc)
{
  const double left_width = TEXT_WIDTH / 2 - 20.0;
  const double right_x = MARGIN_LEFT + TEXT_WIDTH / 2 - 10.0;
  const double right_width = TEXT_WIDTH / 2 + 10.0;
  const double signing_space = 62.0;
  g_autoptr (GString) copies = g_string_new ("<b><i><span size=\"12288\">Nơi nhận:</span></i></b>");
  double left_height, signature_height, name_height, top;

  for (const char *const *copy = doc->copies; *copy != NULL; copy++)
    g_string_append_printf (copies, "\n%s", *copy);

  left_height = pen_measure (pen, &copies_style, left_width, copies->str, NULL);
  signature_height = pen_measure (pen, &signature_style, right_width, doc->signature, NULL);
  name_height = pen_measure (pen, &signature_style, right_width, doc->signer, NULL);

  pen->y += 6.0;
  pen_need (pen, MAX (left_height, signature_height + signing_space + name_height));
  top = pen->y;
  pen_draw_at (pen, &copies_style, MARGIN_LEFT, top, left_width, copies->str, NULL);
  pen_draw_at (pen, &signature_style, right_x, top, right_width, doc->signature, NULL);
  pen_draw_at (pen, &signature_style, right_x, top + signature_height + signing_space,
               right_width, doc->signer, NULL);
  pen->y = top + MAX (left_height, signature_height + signing_space + name_height) + 12.0;
}

static gboolean
write_document (const SeedDocument *doc,
                PangoFontMap       *font_map,
                const char         *path,
                GError            **error)
{
  Pen pen;
  gboolean ok;

  pen_init (&pen, font_map, path, doc->title, doc->date);
  pen_letterhead (&pen, doc);
  pen_title (&pen, doc);
  pen_body (&pen, doc, doc->body);
  pen_signature (&pen, doc);
  if (doc->appendix != NULL)
    pen_body (&pen, doc, doc->appendix);
  ok = pen_finish (&pen, path, error);
  pen_clear (&pen);
  return ok;
}

/* ---------------------------------------------------------------------------------------------
 * Seeding a data folder
 * ------------------------------------------------------------------------------------------- */

typedef struct {
  ChamberStore     *store;
  ChamberBlobStore *blobs;
  const char       *work_dir;
  PangoFontMap     *font_map;   /* one for all documents, released when the seed is done */
  gint64            session_id;
  gint64            item_ids[G_N_ELEMENTS (seed_items)];
  gint64            token_holders[CHAMBER_N_ROLES];
  GPtrArray        *new_blobs;  /* hashes of the blobs this seed added */
} Seeder;

static gint64
item_id_for_key (const Seeder *seeder,
                 const char   *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_items); i++)
    if (g_str_equal (seed_items[i].key, key))
      return seeder->item_ids[i];
  g_assert_not_reached ();
}

static gboolean
add_session (Seeder  *seeder,
              GError **error)
{
  g_autoptr (ChamberSession) session = chamber_session_new ();

  if (!chamber_store_set_council (seeder->store, COUNCIL_NAME, COUNCIL_TERM, error))
    return FALSE;

  session->number = 10;
  session->kind = CHAMBER_SESSION_REGULAR;
  session->title = g_strdup ("Kỳ họp thứ mười (kỳ họp thường lệ cuối năm 2026)");
  session->place = g_strdup ("Hội trường Trung tâm Hội nghị tỉnh");
  session->starts_on = g_strdup ("2026-12-08");
  session->ends_on = g_strdup ("2026-12-10");
  session->state = CHAMBER_SESSION_STATE_PREPARING;
  if (!chamber_store_insert_session (seeder->store, session, error))
    return FALSE;
  seeder->session_id = session->id;
  return TRUE;
}

static gboolean
add_agenda (Seeder  *seeder,
             GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_items); i++)
    {
      g_autoptr (ChamberItem) item = chamber_item_new ();

      item->session_id = seeder->session_id;
      item->parent_id = seed_items[i].parent != NULL
                          ? item_id_for_key (seeder, seed_items[i].parent)
                          : 0;
      item->position = -1;
      item->title = g_strdup (seed_items[i].title);
      item->planned_minutes = seed_items[i].minutes;
      item->state = CHAMBER_ITEM_STATE_NOT_STARTED;
      if (!chamber_store_insert_item (seeder->store, item, error))
        return FALSE;
      seeder->item_ids[i] = item->id;
    }
  return TRUE;
}

static gboolean
add_people (Seeder  *seeder,
             GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_people); i++)
    {
      const SeedPerson *seed = &seed_people[i];
      g_autoptr (ChamberPerson) person = chamber_person_new ();

      person->name = g_strdup (seed->name);
      person->role = seed->role;
      person->group_name = g_strdup (seed->group);
      person->title = g_strdup (seed->title);
      person->agency = g_strdup (seed->agency);
      for (guint c = 0; c < G_N_ELEMENTS (seed_committees); c++)
        if (g_str_equal (seed_committees[c].name, seed->name))
          person->committee = g_strdup (seed_committees[c].committee);
      person->active = TRUE;
      if (!chamber_store_insert_person (seeder->store, person, error))
        return FALSE;
      if (seed->demo_token)
        seeder->token_holders[seed->role] = person->id;
    }
  return TRUE;
}

static gboolean
add_documents (Seeder  *seeder,
                GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_documents); i++)
    {
      const SeedDocument *doc = &seed_documents[i];
      g_autofree char *name = g_strdup_printf ("tai-lieu-%02u.pdf", i + 1);
      g_autofree char *path = g_build_filename (seeder->work_dir, name, NULL);
      char sha256[65];
      gboolean was_there, ok;

      if (!write_document (doc, seeder->font_map, path, error))
        {
          g_unlink (path);
          return FALSE;
        }
      if (!chamber_sha256_file (path, sha256, NULL, NULL, error))
        {
          g_unlink (path);
          return FALSE;
        }
      was_there = chamber_blob_store_has (seeder->blobs, sha256);
      ok = chamber_publish_pdf (seeder->store, seeder->blobs,
                                seeder->token_holders[CHAMBER_ROLE_SECRETARIAT],
                                item_id_for_key (seeder, doc->item), doc->title, doc->kind, NULL,
                                path, NULL, error);
      g_unlink (path);
      if (!ok)
        return FALSE;
      if (!was_there)
        g_ptr_array_add (seeder->new_blobs, g_strdup (sha256));
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------------------------
 * A recorded sitting: questioning on land management, so that the live screens and the minutes
 * (chamber-minutes.h) show something. Every step is a live command decided and stored as the
 * server would, from 14:00 on 9 December 2026 (Vietnam time), or from an hour ago while that date
 * is still ahead.
 * ------------------------------------------------------------------------------------------- */

/* When the sitting started. It took place at 14:00 on 9 December 2026, or, while that is still
 * ahead, an hour before the demo was made: the server never lets its clock run backwards, so a
 * sitting recorded in the future would stop every countdown of the demo until then. */
static GDateTime *
sitting_start (void)
{
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("+07:00");
  g_autoptr (GDateTime) planned = g_date_time_new (zone, 2026, 12, 9, 14, 0, 0);
  g_autoptr (GDateTime) now = g_date_time_new_now (zone);

  if (g_date_time_compare (planned, now) <= 0)
    return g_steal_pointer (&planned);
  return g_date_time_add_minutes (now, -60);
}

/* The deadlines of the sitting's commitments: fixed days after the sitting, but for two that
 * show the reminders on whatever day the demo runs: one due within the week ahead (at least five
 * days from today) and one overdue (at least three days ago). */
typedef struct {
  char *later[4];  /* the sitting's day + 112, + 53, + 14 and + 205 days */
  char *soon;
  char *overdue;
} Deadlines;

static void
deadlines_init (Deadlines *deadlines,
                GDateTime *start)
{
  static const int later_days[] = { 112, 53, 14, 205 };
  g_autofree char *day = g_date_time_format (start, "%Y-%m-%d");
  g_autofree char *today = chamber_commitments_today ();
  g_autofree char *week = chamber_followup_add_days (day, 7);
  g_autofree char *in_five = chamber_followup_add_days (today, 5);
  g_autofree char *three_days = chamber_followup_add_days (day, 3);
  g_autofree char *three_ago = chamber_followup_add_days (today, -3);

  for (guint i = 0; i < G_N_ELEMENTS (later_days); i++)
    deadlines->later[i] = chamber_followup_add_days (day, later_days[i]);
  deadlines->soon = g_strdup (strcmp (week, in_five) >= 0 ? week : in_five);
  deadlines->overdue = g_strdup (strcmp (three_days, three_ago) <= 0 ? three_days : three_ago);
}

static void
deadlines_clear (Deadlines *deadlines)
{
  for (guint i = 0; i < G_N_ELEMENTS (deadlines->later); i++)
    g_clear_pointer (&deadlines->later[i], g_free);
  g_clear_pointer (&deadlines->soon, g_free);
  g_clear_pointer (&deadlines->overdue, g_free);
}

static gboolean live_step (Seeder *seeder, ChamberLiveState *state, GDateTime *start,
                           int minute, int second, gint64 actor, ChamberRole role,
                           GError **error, const char *format, ...) G_GNUC_PRINTF (9, 10);

static gboolean
live_step (Seeder           *seeder,
           ChamberLiveState *state,
           GDateTime        *start,
           int               minute,
           int               second,
           gint64            actor,
           ChamberRole       role,
           GError          **error,
           const char       *format,
           ...)
{
  g_autoptr (GDateTime) at = g_date_time_add_seconds (start, minute * 60 + second);
  g_autoptr (JsonObject) command = NULL;
  g_autoptr (JsonObject) event = NULL;
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  command = chamber_protocol_parse_object (text, strlen (text), CHAMBER_PROTOCOL_MAX_BODY, error);
  if (command == NULL)
    return FALSE;
  event = chamber_live_state_execute (state, command, actor, role,
                                      g_date_time_to_unix (at) * 1000, error);
  return event != NULL
         && chamber_live_store_append (seeder->store, seeder->session_id, event, NULL, error);
}

static gboolean
add_live_sitting (Seeder  *seeder,
                  GError **error)
{
  g_autoptr (ChamberLiveState) state = chamber_live_state_new (seeder->session_id);
  g_autoptr (GPtrArray) people = chamber_store_list_people (seeder->store, error);
  g_autoptr (GDateTime) start = sitting_start ();
  gint64 item = item_id_for_key (seeder, "questions-land");
  gint64 chair, office, hung, lan, tam, phuoc, hai;
  const ChamberRole C = CHAMBER_ROLE_CHAIR, D = CHAMBER_ROLE_DELEGATE;
  const ChamberRole S = CHAMBER_ROLE_SECRETARIAT;
  Deadlines due;
  gboolean ok;

  if (people == NULL || !chamber_live_store_add_context (seeder->store, state, error))
    return FALSE;
  chair = chamber_demo_person_id (people, "Nguyễn Thanh Sơn");
  office = chamber_demo_person_id (people, "Trần Văn Phúc");
  hung = chamber_demo_person_id (people, "Nguyễn Văn Hùng");
  lan = chamber_demo_person_id (people, "Phạm Thị Lan");
  tam = chamber_demo_person_id (people, "Đặng Văn Tâm");
  phuoc = chamber_demo_person_id (people, "Nguyễn Hữu Phước");
  hai = chamber_demo_person_id (people, "Phạm Ngọc Hải");
  deadlines_init (&due, start);

  /* The commitments are in the order chamber-demo-followup.c follows them up. */
  ok = live_step (seeder, state, start, 0, 0, chair, C, error,
                  "{\"type\":\"open-item\",\"item\":%lld}", (long long) item)
    && live_step (seeder, state, start, 0, 40, hung, D, error,
                  "{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\",\"to\":%lld,"
                  "\"topic\":\"Tiến độ cấp giấy chứng nhận quyền sử dụng đất tại huyện Tân Phú\"}",
                  (long long) item, (long long) phuoc)
    && live_step (seeder, state, start, 1, 5, lan, D, error,
                  "{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\",\"to\":%lld,"
                  "\"topic\":\"Bồi thường, giải phóng mặt bằng dự án đường tỉnh 741\"}",
                  (long long) item, (long long) phuoc)
    && live_step (seeder, state, start, 2, 0, chair, C, error, "{\"type\":\"grant\",\"request\":1}")
    && live_step (seeder, state, start, 4, 42, chair, C, error, "{\"type\":\"end\"}")
    && live_step (seeder, state, start, 4, 50, chair, C, error, "{\"type\":\"grant\",\"request\":2}")
    && live_step (seeder, state, start, 7, 31, chair, C, error, "{\"type\":\"end\"}")
    && live_step (seeder, state, start, 7, 45, chair, C, error,
                  "{\"type\":\"answer\",\"turns\":[1,2]}")
    && live_step (seeder, state, start, 13, 12, chair, C, error, "{\"type\":\"end\"}")
    && live_step (seeder, state, start, 13, 20, hung, D, error,
                  "{\"type\":\"request\",\"item\":%lld,\"kind\":\"debate\","
                  "\"topic\":\"Thời hạn xử lý hồ sơ tồn đọng\"}",
                  (long long) item)
    && live_step (seeder, state, start, 13, 30, chair, C, error, "{\"type\":\"grant\",\"request\":3}")
    && live_step (seeder, state, start, 15, 18, chair, C, error, "{\"type\":\"end\"}")
    && live_step (seeder, state, start, 15, 40, tam, D, error,
                  "{\"type\":\"request\",\"item\":%lld,\"kind\":\"question\",\"to\":%lld,"
                  "\"topic\":\"Xử lý khai thác cát trái phép trên sông Sơn Lâm\"}",
                  (long long) item, (long long) phuoc)
    && live_step (seeder, state, start, 16, 0, office, S, error,
                  "{\"type\":\"summary\",\"turn\":1,\"text\":\"Đại biểu nêu còn khoảng 1.250 hồ sơ "
                  "cấp giấy chứng nhận quyền sử dụng đất lần đầu tại huyện Tân Phú quá hạn giải "
                  "quyết, người dân phải đi lại nhiều lần; đề nghị Giám đốc Sở cho biết nguyên "
                  "nhân, trách nhiệm và thời hạn hoàn thành.\"}")
    && live_step (seeder, state, start, 16, 30, office, S, error,
                  "{\"type\":\"summary\",\"turn\":2,\"text\":\"Đại biểu phản ánh việc chậm chi trả "
                  "tiền bồi thường cho 86 hộ dân thuộc dự án đường tỉnh 741, đề nghị làm rõ "
                  "phương án giá đất và thời gian chi trả.\"}")
    && live_step (seeder, state, start, 17, 0, office, S, error,
                  "{\"type\":\"summary\",\"turn\":3,\"text\":\"Giám đốc Sở Tài nguyên và Môi "
                  "trường thừa nhận việc chậm trễ do thiếu nhân lực đo đạc và hồ sơ địa chính "
                  "chưa được số hóa; Sở đã tăng cường 12 cán bộ cho Chi nhánh Văn phòng đăng ký "
                  "đất đai huyện Tân Phú. Về dự án đường tỉnh 741, giá đất cụ thể đã được phê "
                  "duyệt, tiền bồi thường sẽ được chi trả trong tháng 01/2027.\"}")
    && live_step (seeder, state, start, 17, 20, office, S, error,
                  "{\"type\":\"summary\",\"turn\":4,\"text\":\"Đại biểu chưa đồng tình với thời "
                  "hạn nêu trong câu trả lời, đề nghị Sở công khai danh sách hồ sơ tồn đọng và "
                  "báo cáo tiến độ hằng tháng.\"}")
    && live_step (seeder, state, start, 18, 0, office, S, error,
                  "{\"type\":\"commit\",\"turn\":3,\"owner\":%lld,\"due\":\"%s\","
                  "\"what\":\"Hoàn thành cấp giấy chứng nhận cho 1.250 hồ sơ tồn đọng tại huyện "
                  "Tân Phú\"}",
                  (long long) phuoc, due.later[0])
    && live_step (seeder, state, start, 18, 30, office, S, error,
                  "{\"type\":\"commit\",\"turn\":3,\"owner\":%lld,\"due\":\"%s\","
                  "\"what\":\"Chi trả xong tiền bồi thường cho 86 hộ dân dự án đường tỉnh 741 và "
                  "báo cáo bằng văn bản gửi Thường trực HĐND tỉnh\"}",
                  (long long) phuoc, due.later[1])
    && live_step (seeder, state, start, 19, 0, office, S, error,
                  "{\"type\":\"commit\",\"turn\":3,\"owner\":%lld,\"due\":\"%s\","
                  "\"what\":\"Công khai danh sách hồ sơ cấp giấy chứng nhận quá hạn tại huyện "
                  "Tân Phú trên Cổng thông tin điện tử tỉnh\"}",
                  (long long) phuoc, due.soon)
    && live_step (seeder, state, start, 19, 30, office, S, error,
                  "{\"type\":\"commit\",\"turn\":3,\"owner\":%lld,\"due\":\"%s\","
                  "\"what\":\"Báo cáo bằng văn bản nguyên nhân chậm trễ và trách nhiệm của tổ "
                  "chức, cá nhân liên quan gửi Thường trực HĐND tỉnh\"}",
                  (long long) phuoc, due.overdue)
    && live_step (seeder, state, start, 20, 0, office, S, error,
                  "{\"type\":\"commit\",\"turn\":3,\"owner\":%lld,\"due\":\"%s\","
                  "\"what\":\"Bố trí đủ 12 cán bộ đo đạc cho Chi nhánh Văn phòng đăng ký đất đai "
                  "huyện Tân Phú\"}",
                  (long long) phuoc, due.later[2])
    && live_step (seeder, state, start, 20, 30, office, S, error,
                  "{\"type\":\"commit\",\"turn\":3,\"owner\":%lld,\"due\":\"%s\","
                  "\"what\":\"Chỉ đạo hoàn thành số hóa hồ sơ địa chính của huyện Tân Phú\"}",
                  (long long) hai, due.later[3]);
  deadlines_clear (&due);
  return ok;
}

/* The work between sessions (chamber-demo-followup.h). */
static gboolean
add_followup (Seeder  *seeder,
              GError **error)
{
  ChamberDemoFollowup followup = {
    .store = seeder->store,
    .blobs = seeder->blobs,
    .session_id = seeder->session_id,
    .petitions_item_id = item_id_for_key (seeder, "petitions"),
    .questions_item_id = item_id_for_key (seeder, "questions-land"),
    .first_day = "2026-12-08",  /* the session's days, as add_session() sets them */
    .n_days = 3,
  };

  return chamber_demo_seed_followup (&followup, error);
}

/* Issues one token per role and returns demo-tokens.json's text. */
static char *
issue_tokens (Seeder  *seeder,
             GError **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (token_roles); i++)
    {
      ChamberRole role = token_roles[i];
      g_autofree char *token = chamber_token_generate ();
      g_autofree char *hash = chamber_token_hash (token);

      g_assert (seeder->token_holders[role] != 0);
      if (!chamber_store_insert_token (seeder->store, seeder->token_holders[role], hash, NULL,
                                       NULL, error))
        return NULL;
      json_builder_set_member_name (builder, chamber_role_to_string (role));
      json_builder_add_string_value (builder, token);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}

static gboolean
write_tokens_file (const char *path,
                   const char *text,
                   GError    **error)
{
  g_autoptr (GError) local_error = NULL;

  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_set_error (error, CHAMBER_DEMO_SEED_ERROR, CHAMBER_DEMO_SEED_ERROR_TOKENS,
                   _("Cannot write the demo tokens to “%s”: %s. Check that the data folder is "
                     "writable and the disk is not full."),
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
remove_work_dir (const char *work_dir)
{
  g_autoptr (GDir) dir = g_dir_open (work_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (work_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (work_dir);
}

static gboolean
seed (Seeder     *seeder,
      const char *tokens_path,
      GError    **error)
{
  g_autofree char *tokens = NULL;

  if (!add_session (seeder, error) ||
      !add_agenda (seeder, error) ||
      !add_people (seeder, error) ||
      !add_documents (seeder, error) ||
      !add_live_sitting (seeder, error) ||
      !add_followup (seeder, error))
    return FALSE;

  tokens = issue_tokens (seeder, error);
  if (tokens == NULL)
    return FALSE;
  return write_tokens_file (tokens_path, tokens, error);
}

gboolean
chamber_demo_seed_data_dir (const char *data_dir,
                            GError    **error)
{
  g_autofree char *db_path = NULL;
  g_autofree char *blob_dir = NULL;
  g_autofree char *tokens_path = NULL;
  g_autofree char *work_dir = NULL;
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GPtrArray) new_blobs = NULL;
  g_autoptr (PangoFontMap) font_map = NULL;
  g_autoptr (GError) local_error = NULL;
  Seeder seeder = { NULL, };
  gboolean ok;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CHAMBER_DEMO_SEED_ERROR, CHAMBER_DEMO_SEED_ERROR_DATA_DIR,
                   _("Cannot create the data folder “%s”: %s. Choose a folder you can write "
                     "to."),
                   data_dir, g_strerror (saved_errno));
      return FALSE;
    }

  db_path = g_build_filename (data_dir, "chamber.db", NULL);
  blob_dir = g_build_filename (data_dir, "blobs", NULL);
  tokens_path = g_build_filename (data_dir, "demo-tokens.json", NULL);

  store = chamber_store_open (db_path, error);
  if (store == NULL)
    return FALSE;
  blobs = chamber_blob_store_new (blob_dir, error);
  if (blobs == NULL)
    return FALSE;
  sessions = chamber_store_list_sessions (store, error);
  if (sessions == NULL)
    return FALSE;
  if (sessions->len > 0)
    return TRUE;

  work_dir = g_dir_make_tmp ("chamber-demo-XXXXXX", &local_error);
  if (work_dir == NULL)
    {
      g_set_error (error, CHAMBER_DEMO_SEED_ERROR, CHAMBER_DEMO_SEED_ERROR_DATA_DIR,
                   _("Cannot create a temporary folder for the sample documents: %s. Check "
                     "that the temporary folder (TMPDIR) is writable."),
                   local_error->message);
      return FALSE;
    }

  new_blobs = g_ptr_array_new_with_free_func (g_free);
  font_map = pango_cairo_font_map_new ();
  seeder.store = store;
  seeder.blobs = blobs;
  seeder.work_dir = work_dir;
  seeder.font_map = font_map;
  seeder.new_blobs = new_blobs;

  ok = chamber_store_begin (store, error);
  if (ok)
    {
      ok = seed (&seeder, tokens_path, error);
      if (ok && !chamber_store_commit (store, error))
        {
          g_unlink (tokens_path);
          ok = FALSE;
        }
      else if (!ok)
        chamber_store_rollback (store);
    }
  remove_work_dir (work_dir);

  /* Nothing of a failed seed stays behind: the store rolled back, and so go its blobs. */
  if (!ok)
    for (guint i = 0; i < new_blobs->len; i++)
      {
        g_autofree char *path = chamber_blob_store_path (blobs, g_ptr_array_index (new_blobs, i));

        g_unlink (path);
      }
  return ok;
}
