/* chamber-preview.h — the instant-open cache: when a document arrives by sync, its first pages
 * and its thumbnails are rendered in the background (on the sync thread) into files, so that
 * opening the document shows its first page at once, replaced by the sharp rendering when the
 * viewer's worker has it.
 *
 * Layout: DIR/<sha256>/page-N.pixels (the first CHAMBER_PREVIEW_PAGES pages,
 * CHAMBER_PREVIEW_WIDTH pixels wide) and DIR/<sha256>/thumb-N.png (the first
 * CHAMBER_PREVIEW_THUMBS pages, CHAMBER_PREVIEW_THUMB_WIDTH wide). The pages are raw pixels,
 * mapped into memory by chamber_preview_map_page() without decoding: decoding a PNG of a page
 * this size takes 30–50 ms on a laptop core, longer than the whole open may. About 8 MB a page
 * on disk; the small thumbnails stay PNG. Every file is written to a temporary name and
 * renamed, and DIR/<sha256>/complete-2 marks a finished set, so a reader never sees a
 * half-written preview (a set from before the pages were raw lacks that mark and is not used). */
#pragma once

#include <gio/gio.h>

#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_PREVIEW_PAGES        2
#define CHAMBER_PREVIEW_WIDTH        1200
#define CHAMBER_PREVIEW_THUMBS       60
#define CHAMBER_PREVIEW_THUMB_WIDTH  160

/* Renders the previews of @pdf_path (whose hash is @sha256) into @dir. Nothing to do when the
 * set is complete already. Errors are CHAMBER_PDF_ERROR (the document cannot be rendered) or
 * G_IO_ERROR (cannot write); a failed run leaves no "complete" mark. */
gboolean chamber_preview_generate (const char *dir, const char *sha256, const char *pdf_path,
                                   GCancellable *cancellable, GError **error);
gboolean chamber_preview_is_complete (const char *dir, const char *sha256);
/* The path of page @page (1-based) of the preview, or of its thumbnail; NULL when @sha256 is
 * not a valid hash or @page is out of the preview's range. The file may not exist yet. */
char    *chamber_preview_path (const char *dir, const char *sha256, int page, gboolean thumbnail);
/* The pixels of the page preview at @path, mapped from the file without a copy: ARGB32 as cairo
 * lays it out (premultiplied, native endian), *@out_width × 4 bytes a row. NULL with
 * G_IO_ERROR_NOT_FOUND when the file does not exist, G_IO_ERROR_INVALID_DATA when it is not a
 * page preview (another format, a size out of range, or truncated). Any thread. */
GBytes  *chamber_preview_map_page (const char *path, int *out_width, int *out_height,
                                   GError **error);

G_END_DECLS
