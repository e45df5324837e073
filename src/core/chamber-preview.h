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
 * half-written preview (a set from before the pages were raw lacks that mark and is not used).
 *
 * The cache has a byte budget (chamber_preview_enforce_budget()): DIR/<sha256>/used holds when
 * the set was last used (rendered at its arrival, then each time the document is opened,
 * microseconds of real time), and the sets used least recently lose their files first. An
 * evicted set keeps only DIR/<sha256>/evicted, so that the next sync does not render it again;
 * the document itself is never touched: it opens without a preview. */
#pragma once

#include <gio/gio.h>

#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_PREVIEW_PAGES        2
#define CHAMBER_PREVIEW_WIDTH        1200
#define CHAMBER_PREVIEW_THUMBS       60
#define CHAMBER_PREVIEW_THUMB_WIDTH  160

/* The default budget of a previews folder: 512 MiB, about 30 documents' sets. */
#define CHAMBER_PREVIEW_DEFAULT_BUDGET  ((guint64) 512 * 1024 * 1024)

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

/* Marks the complete set of @sha256 as used now (the document is being opened), so that it is
 * evicted last. FALSE when there is no complete set, or the mark cannot be written. */
gboolean chamber_preview_touch (const char *dir, const char *sha256);
/* Whether the set of @sha256 was evicted to keep the budget (the sync renders it again only
 * when chamber_preview_has_room() says so, after the budget was raised). */
gboolean chamber_preview_is_evicted (const char *dir, const char *sha256);
/* Whether one more set of A4 pages fits in @budget beside those in @dir. */
gboolean chamber_preview_has_room (const char *dir, guint64 budget);
/* The bytes the preview sets in @dir take (the files' sizes). */
guint64  chamber_preview_get_size (const char *dir);
/* Evicts the sets used least recently until those in @dir take at most @budget bytes. The sets
 * of the hashes in @keep (NULL-terminated, or NULL) are not evicted, even when they alone go over
 * the budget. *@out_evicted: how many sets were evicted. Errors are G_IO_ERROR (a file that
 * cannot be removed), after evicting what could be. */
gboolean chamber_preview_enforce_budget (const char *dir, guint64 budget,
                                         const char *const *keep, guint *out_evicted,
                                         GError **error);

G_END_DECLS
