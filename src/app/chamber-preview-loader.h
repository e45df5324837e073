/* chamber-preview-loader.h — the instant-open previews of a synced document, for the viewer.
 *
 * The sync renders the first pages and the thumbnails of every document it receives into the
 * mirror's previews folder (chamber-preview.h). When such a document is opened, a loader decodes
 * those PNG files on a worker thread — the first page, then the second, then the thumbnails —
 * so that the document view and the sidebar can show them at once, before the document's
 * ChamberRenderWorker has rendered anything, and replace them with the sharp renderings as
 * they arrive. Nothing is loaded from a set that is not complete.
 *
 * ::loaded (ChamberPreviewLoader *loader, int page, gboolean thumbnail) — the preview (or the
 *   thumbnail) of @page, from 0, was decoded and can be had with the getters below. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_PREVIEW_LOADER (chamber_preview_loader_get_type ())
G_DECLARE_FINAL_TYPE (ChamberPreviewLoader, chamber_preview_loader, CHAMBER, PREVIEW_LOADER,
                      GObject)

/* The previews folder of the mirror whose local store is @store (the sync writes them beside
 * it, in DIR/previews). */
char                 *chamber_preview_loader_dir_for_store (ChamberStore *store);

/* Starts decoding the previews of the document whose hash is @sha256 from @dir; NULL when @dir
 * holds no complete preview set of it. Dropping the loader stops what is left to decode. */
ChamberPreviewLoader *chamber_preview_loader_new (const char *dir, const char *sha256);

/* The decoded preview of @page (from 0) or its thumbnail; NULL until it was loaded, and for
 * a page beyond the preview's range. It shows the page at rotation 0, its whole width as wide
 * as the texture. */
GdkTexture           *chamber_preview_loader_get_page (ChamberPreviewLoader *self, int page);
GdkTexture           *chamber_preview_loader_get_thumbnail (ChamberPreviewLoader *self,
                                                            int page);

/* Makes, on a worker thread, a copy of the loaded preview of @page scaled to @width × @height
 * pixels, so that it is drawn pixel for pixel in its place (scaling a big texture while
 * drawing costs a frame). Fails with G_IO_ERROR_NOT_FOUND when that preview is not loaded. */
void                  chamber_preview_loader_scale_async (ChamberPreviewLoader *self, int page,
                                                          int width, int height,
                                                          GCancellable *cancellable,
                                                          GAsyncReadyCallback callback,
                                                          gpointer user_data);
GdkTexture           *chamber_preview_loader_scale_finish (ChamberPreviewLoader *self,
                                                           GAsyncResult *result, GError **error);

G_END_DECLS
