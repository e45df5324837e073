/* chamber-pdf-writer.h — a small writer of laid-out PDFs (cairo + pango, no display), for every
 * document Chamber generates: the minutes of a sitting (chamber-minutes.h), the commitments
 * carried into a session's agenda (chamber-followup.h), the delegate activity report
 * (chamber-activity-report.h) and the petitions report (chamber-petition-report.h). The caller
 * picks a paper — a generated report, or an official record with the margins of an official
 * paper — and adds blocks: the council's letterhead with the national motto, a title,
 * paragraphs (plain text or Pango markup), headings kept with what follows, labelled fields, two
 * columns side by side, a rule, vertical space, and tables with a caption. The writer lays them
 * out on A4 (portrait or landscape) twice: once to count the pages, once to draw them with
 * "Trang N/M" in every footer. A paragraph flows line by line across pages; a table row is never
 * split and a table's header is repeated on every page it continues on. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The paper: its margins, footer and type sizes. */
typedef enum {
  CHAMBER_PDF_PAPER_REPORT,  /* a generated report: 20 mm left margin, 11 pt text */
  CHAMBER_PDF_PAPER_RECORD,  /* an official record (the minutes): 30 mm left, 20 mm right and
                              * top, 11.5 pt text */
} ChamberPdfPaper;

typedef enum {
  CHAMBER_PDF_TEXT_BODY,        /* plain text, left aligned */
  CHAMBER_PDF_TEXT_CENTRED,     /* italic, centred */
  CHAMBER_PDF_TEXT_HEADING,     /* bold, larger, kept with what follows */
  CHAMBER_PDF_TEXT_SMALL,       /* a smaller note */
  CHAMBER_PDF_TEXT_SUBHEADING,  /* bold, the body's size */
  CHAMBER_PDF_TEXT_FIELD,       /* indented: a labelled field */
  CHAMBER_PDF_TEXT_LIST,        /* indented further: an entry under a field */
  CHAMBER_PDF_N_TEXT_STYLES
} ChamberPdfTextStyle;

typedef struct _ChamberPdfWriter ChamberPdfWriter;

/* A new report on A4, turned to landscape when @landscape; @title goes into its metadata. */
ChamberPdfWriter *chamber_pdf_writer_new (gboolean landscape, const char *title);
/* The same on @paper. */
ChamberPdfWriter *chamber_pdf_writer_new_on (ChamberPdfPaper paper, gboolean landscape,
                                             const char *title);
void              chamber_pdf_writer_free (ChamberPdfWriter *self);

/* The council's name (upper case) on the left, the national name and motto on the right. */
void chamber_pdf_writer_letterhead (ChamberPdfWriter *self, const char *council_name);
/* A centred bold title, upper case. */
void chamber_pdf_writer_title (ChamberPdfWriter *self, const char *text);
/* A paragraph of plain @text (not markup) in @style. */
void chamber_pdf_writer_paragraph (ChamberPdfWriter *self, ChamberPdfTextStyle style,
                                   const char *text);
/* A paragraph of Pango @markup in @style. */
void chamber_pdf_writer_markup (ChamberPdfWriter *self, ChamberPdfTextStyle style,
                                const char *markup);
/* A paragraph of Pango @markup in @style that starts a new page unless it fits on this one
 * with @keep points of what follows it. */
void chamber_pdf_writer_heading (ChamberPdfWriter *self, ChamberPdfTextStyle style,
                                 const char *markup, double keep);
/* "<b>@label</b> @text" (both plain text) in the field style; nothing when @text is NULL or
 * empty. */
void chamber_pdf_writer_field (ChamberPdfWriter *self, const char *label, const char *text);
/* Two blocks of Pango @left and @right markup side by side, bold and centred, the left one
 * @left_share of the text width (a letterhead, the signatures). */
void chamber_pdf_writer_two_columns (ChamberPdfWriter *self, const char *left,
                                     double left_share, const char *right);
/* A thin line across the text width, just below what came before. */
void chamber_pdf_writer_rule (ChamberPdfWriter *self);
/* @points of empty space; then a new page unless @keep points (0 for none) fit below. */
void chamber_pdf_writer_space (ChamberPdfWriter *self, double points, double keep);
/* Starts a table of @n_columns columns: @titles their headers, @widths their shares of the text
 * width (summing to 1), @numeric those aligned right. @caption (may be NULL) goes above it. */
void chamber_pdf_writer_table (ChamberPdfWriter *self, const char *caption, guint n_columns,
                               const char *const *titles, const double *widths,
                               const gboolean *numeric);
/* A row of the table last started: @n_columns cells of plain text (NULL for an empty one).
 * @bold draws it in bold (a total). */
void chamber_pdf_writer_row (ChamberPdfWriter *self, const char *const *cells, gboolean bold);

/* Lays everything out and returns the PDF; fails (G_IO_ERROR) only when cairo cannot write. */
GBytes *chamber_pdf_writer_finish (ChamberPdfWriter *self, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberPdfWriter, chamber_pdf_writer_free)

G_END_DECLS
