/* chamber-pdf-writer.h — a small writer of laid-out report PDFs (cairo + pango, no display),
 * for the documents Chamber generates besides the minutes: the commitments carried into a
 * session's agenda (chamber-followup.h) and the delegate activity report
 * (chamber-activity-report.h). The caller adds blocks — the council's letterhead with the
 * national motto, a title, paragraphs, tables with a caption — and the writer lays them out on
 * A4 (portrait or landscape) twice: once to count the pages, once to draw them with
 * "Trang N/M" in every footer. A paragraph flows line by line across pages; a table row is never
 * split and a table's header is repeated on every page it continues on. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  CHAMBER_PDF_TEXT_BODY,     /* plain text, left aligned */
  CHAMBER_PDF_TEXT_CENTRED,  /* italic, centred */
  CHAMBER_PDF_TEXT_HEADING,  /* bold, kept with what follows */
  CHAMBER_PDF_TEXT_SMALL,    /* a smaller note */
} ChamberPdfTextStyle;

typedef struct _ChamberPdfWriter ChamberPdfWriter;

/* A new document on A4, turned to landscape when @landscape; @title goes into its metadata. */
ChamberPdfWriter *chamber_pdf_writer_new (gboolean landscape, const char *title);
void              chamber_pdf_writer_free (ChamberPdfWriter *self);

/* The council's name (upper case) on the left, the national name and motto on the right. */
void chamber_pdf_writer_letterhead (ChamberPdfWriter *self, const char *council_name);
/* A centred bold title, upper case. */
void chamber_pdf_writer_title (ChamberPdfWriter *self, const char *text);
/* A paragraph of plain @text (not markup) in @style. */
void chamber_pdf_writer_paragraph (ChamberPdfWriter *self, ChamberPdfTextStyle style,
                                   const char *text);
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
