/* chamber-handover.c — the handover sheet as a one-page PDF (see chamber-handover.h): a title
 * block, the person, the connection details (address, fingerprint in groups of four, token
 * fitted to the width in monospace), the instructions, and the date it was printed. */
#include "config.h"

#include "chamber-handover.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

/* A4 in points, with the margins of the minutes. */
#define PAGE_WIDTH   595.276
#define PAGE_HEIGHT  841.890
#define MARGIN_LEFT  85.0
#define MARGIN_RIGHT 57.0
#define MARGIN_TOP   57.0
#define TEXT_WIDTH   (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)

#define SERIF "Noto Serif, DejaVu Serif"
#define MONO  "DejaVu Sans Mono, Noto Sans Mono, Monospace"

typedef struct {
  PangoContext *context;
  cairo_t      *cr;
  double        y;
} Pen;

/* Draws @text (plain, not markup) in @font at the pen, wrapped to the text width; moves on. */
static void
draw (Pen           *pen,
      const char    *font,
      PangoAlignment align,
      double         space_before,
      const char    *text)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (pen->context);
  g_autoptr (PangoFontDescription) description = pango_font_description_from_string (font);
  int height = 0;

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (TEXT_WIDTH * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  pen->y += space_before;
  cairo_move_to (pen->cr, MARGIN_LEFT, pen->y);
  pango_cairo_show_layout (pen->cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  pen->y += (double) height / PANGO_SCALE;
}

/* @text on one line in monospace, as large as fits the width (at most @max_size points). */
static void
draw_fitted (Pen        *pen,
             double      max_size,
             double      space_before,
             const char *text)
{
  g_autoptr (PangoLayout) layout = pango_layout_new (pen->context);
  g_autoptr (PangoFontDescription) description = pango_font_description_from_string (MONO);
  int width = 0, height = 0;
  double size = max_size;

  pango_font_description_set_size (description, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, NULL);
  if ((double) width / PANGO_SCALE > TEXT_WIDTH)
    {
      size = max_size * TEXT_WIDTH / ((double) width / PANGO_SCALE) * 0.98;
      pango_font_description_set_size (description, (int) (size * PANGO_SCALE));
      pango_layout_set_font_description (layout, description);
    }
  pen->y += space_before;
  cairo_move_to (pen->cr, MARGIN_LEFT, pen->y);
  pango_cairo_show_layout (pen->cr, layout);
  pango_layout_get_size (layout, NULL, &height);
  pen->y += (double) height / PANGO_SCALE;
}

static void
rule (Pen   *pen,
      double space)
{
  pen->y += space;
  cairo_save (pen->cr);
  cairo_set_line_width (pen->cr, 0.6);
  cairo_move_to (pen->cr, MARGIN_LEFT, pen->y);
  cairo_line_to (pen->cr, PAGE_WIDTH - MARGIN_RIGHT, pen->y);
  cairo_stroke (pen->cr);
  cairo_restore (pen->cr);
}

/* "ab12 cd34 …" in two lines of eight groups. */
static char *
fingerprint_groups (const char *hex)
{
  GString *out = g_string_new (NULL);

  for (gsize i = 0; hex[i] != '\0'; i++)
    {
      if (i > 0 && i % 32 == 0)
        g_string_append_c (out, '\n');
      else if (i > 0 && i % 4 == 0)
        g_string_append_c (out, ' ');
      g_string_append_c (out, hex[i]);
    }
  return g_string_free (out, FALSE);
}

/* @iso (ISO 8601) in the local time zone, "YYYY-MM-DD HH:MM"; a copy of @iso if unreadable. */
static char *
local_time (const char *iso)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (iso, utc);
  g_autoptr (GDateTime) local = NULL;

  if (when == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (when);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
write_sheet (Pen                   *pen,
             const ChamberHandover *sheet)
{
  const char *heading = SERIF " Bold 11";
  const char *label = SERIF " Bold 11.5";
  const char *text = SERIF " 11.5";
  g_autofree char *person = NULL;
  g_autofree char *expiry = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *printed = NULL;

  pen->y = MARGIN_TOP;
  if (sheet->council_name != NULL && *sheet->council_name != '\0')
    draw (pen, heading, PANGO_ALIGN_CENTER, 0, sheet->council_name);
  draw (pen, SERIF " Bold 18", PANGO_ALIGN_CENTER, 14, _("Access to Chamber"));
  draw (pen, SERIF " Italic 11", PANGO_ALIGN_CENTER, 4,
        _("Paperless sessions: documents, agenda and questioning on your laptop"));
  rule (pen, 14);

  if (sheet->group_name != NULL && *sheet->group_name != '\0')
    /* TRANSLATORS: on the handover sheet: the person's role and delegate group. */
    person = g_strdup_printf (_("%s — %s"), chamber_role_get_label (sheet->role),
                              sheet->group_name);
  else
    person = g_strdup (chamber_role_get_label (sheet->role));
  draw (pen, SERIF " Bold 15", PANGO_ALIGN_LEFT, 14, sheet->person_name);
  draw (pen, text, PANGO_ALIGN_LEFT, 2, person);

  draw (pen, label, PANGO_ALIGN_LEFT, 18, _("Server address"));
  draw_fitted (pen, 14, 4, sheet->server_url);

  draw (pen, label, PANGO_ALIGN_LEFT, 14, _("Certificate fingerprint (SHA-256)"));
  if (sheet->fingerprint != NULL)
    {
      g_autofree char *groups = fingerprint_groups (sheet->fingerprint);

      draw (pen, MONO " 12", PANGO_ALIGN_LEFT, 4, groups);
    }
  else
    draw (pen, text, PANGO_ALIGN_LEFT, 4,
          _("None: this server does not use an encrypted connection (https)."));

  draw (pen, label, PANGO_ALIGN_LEFT, 14, _("Access token"));
  draw_fitted (pen, 22, 6, sheet->token);
  expiry = sheet->expires_at != NULL ? local_time (sheet->expires_at) : NULL;
  if (expiry != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Valid until %s."), expiry);

      draw (pen, text, PANGO_ALIGN_LEFT, 6, line);
    }
  else
    draw (pen, text, PANGO_ALIGN_LEFT, 6, _("Valid until the Office revokes it."));
  rule (pen, 16);

  draw (pen, label, PANGO_ALIGN_LEFT, 14, _("Connecting your laptop"));
  draw (pen, text, PANGO_ALIGN_LEFT, 6,
        _("1. Open Chamber. On its first page, type the server address above."));
  draw (pen, text, PANGO_ALIGN_LEFT, 4,
        _("2. When Chamber shows the server's certificate fingerprint, check that it is the "
          "one on this sheet, group by group. If it differs, do not connect: call the Office."));
  draw (pen, text, PANGO_ALIGN_LEFT, 4,
        _("3. Type the access token exactly as printed: capital and small letters differ."));
  draw (pen, text, PANGO_ALIGN_LEFT, 4,
        _("4. Chamber then brings the session's documents to the laptop; they stay readable "
          "without a network."));
  draw (pen, text, PANGO_ALIGN_LEFT, 10,
        _("Keep this sheet to yourself: anyone holding the token can read the documents meant "
          "for you. If it is lost, tell the Office at once; it will revoke the token and "
          "issue a new one."));

  printed = g_strdup_printf (_("Printed on %s."), today);
  draw (pen, SERIF " Italic 10", PANGO_ALIGN_RIGHT, 24, printed);
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
chamber_handover_to_pdf (const ChamberHandover *sheet,
                         GError               **error)
{
  g_autoptr (PangoFontMap) font_map = NULL;
  g_autoptr (GByteArray) bytes = NULL;
  cairo_font_options_t *options;
  cairo_surface_t *surface;
  cairo_status_t status;
  Pen pen = { 0, };

  g_return_val_if_fail (sheet != NULL, NULL);

  if (sheet->person_name == NULL || *sheet->person_name == '\0'
      || sheet->server_url == NULL || *sheet->server_url == '\0'
      || sheet->token == NULL || *sheet->token == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("A handover sheet needs the person's name, the server address and "
                             "the token."));
      return NULL;
    }

  font_map = pango_cairo_font_map_new ();
  pen.context = pango_font_map_create_context (font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pen.context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (pen.context, 72);
  pango_context_set_language (pen.context, pango_language_get_default ());

  bytes = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (write_bytes_cb, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Access to Chamber"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Chamber");
  pen.cr = cairo_create (surface);
  cairo_set_source_rgb (pen.cr, 0, 0, 0);
  write_sheet (&pen, sheet);
  cairo_show_page (pen.cr);
  cairo_destroy (pen.cr);
  g_object_unref (pen.context);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The handover sheet could not be written as PDF: %s."),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

gboolean
chamber_handover_write (const ChamberHandover *sheet,
                        const char            *path,
                        GError               **error)
{
  g_autoptr (GBytes) pdf = chamber_handover_to_pdf (sheet, error);

  return pdf != NULL
         && g_file_set_contents (path, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf),
                                 error);
}
