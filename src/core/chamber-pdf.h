/* chamber-pdf.h — PDF services that need no display: open, check, render, extract text.
 *
 * A PopplerDocument must only be used from one thread at a time. */
#pragma once

#include <cairo.h>
#include <poppler.h>

G_BEGIN_DECLS

#define CHAMBER_PDF_ERROR (chamber_pdf_error_quark ())

typedef enum {
  CHAMBER_PDF_ERROR_EMPTY,      /* the file has no bytes */
  CHAMBER_PDF_ERROR_NOT_PDF,    /* no %PDF header (an HTML page, an image, random bytes) */
  CHAMBER_PDF_ERROR_DAMAGED,    /* a PDF that poppler cannot open or whose pages fail */
  CHAMBER_PDF_ERROR_ENCRYPTED,  /* needs a password (none or a wrong one was given) */
  CHAMBER_PDF_ERROR_NO_PAGES,
  CHAMBER_PDF_ERROR_BAD_PAGE,   /* a page number out of range */
  CHAMBER_PDF_ERROR_IO,         /* cannot read or write the file */
} ChamberPdfError;

GQuark chamber_pdf_error_quark (void);

/* poppler-glib 22.12 defines no g_autoptr cleanups for its types: the one home for them. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerAnnot, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerIndexIter, poppler_index_iter_free)

/* Longest side of any rendered surface, in device pixels; a 14400 pt page is scaled down to it. */
#define CHAMBER_PDF_MAX_SURFACE_SIDE 8192

typedef struct {
  int    pages;
  char  *title;      /* from the PDF's metadata, or NULL */
  double width_pt;   /* first page */
  double height_pt;
} ChamberPdfInfo;

void chamber_pdf_info_clear (ChamberPdfInfo *info);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ChamberPdfInfo, chamber_pdf_info_clear)

/* Opens with clear, translated errors ("The file is not a PDF (it starts with “<html”)."). */
PopplerDocument *chamber_pdf_open (const char *path, const char *password, GError **error);

/* Opens @path and counts its pages; with @render_all, renders every page at a small scale and
 * fails on the first page that cannot be drawn. Used by upload checks and `chamberctl check`. */
gboolean chamber_pdf_check (const char *path, gboolean render_all, ChamberPdfInfo *out_info,
                            GError **error);

/* Renders @page at @scale (1.0 = 72 dpi) on white into a new ARGB32 surface, rotated by
 * @rotation (0, 90, 180, 270). The surface is capped at CHAMBER_PDF_MAX_SURFACE_SIDE on its longest
 * side (the effective scale is reduced). Returns NULL and sets @error on failure. */
cairo_surface_t *chamber_pdf_render_page (PopplerPage *page, double scale, int rotation,
                                          GError **error);

/* Page @page_no (1-based) of @path to a PNG at @scale. */
gboolean chamber_pdf_render_to_png (const char *path, int page_no, double scale,
                                    const char *out_png, GError **error);

G_END_DECLS
