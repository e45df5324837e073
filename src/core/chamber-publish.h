/* chamber-publish.h — putting a PDF into a session: the one path used by the server's upload
 * endpoint and by the demo seed. */
#pragma once

#include "chamber-blob-store.h"
#include "chamber-store.h"

G_BEGIN_DECLS

/* Checks @pdf_path with chamber_pdf_check() (every page rendered), refusing a damaged, empty,
 * non-PDF or password-protected file with CHAMBER_PDF_ERROR before anything is stored; then
 * imports it into @blobs, inserts the document (session from the item, version computed) and
 * bumps the session's revision in one transaction. @title NULL or empty takes the PDF's own
 * title or the file name. @access NULL means "all". The same transaction records a "publish"
 * event in the audit log (chamber-audit.h) by @publisher_id (0: chamberd itself). */
gboolean chamber_publish_pdf (ChamberStore *store, ChamberBlobStore *blobs, gint64 publisher_id,
                              gint64 item_id, const char *title, ChamberDocumentKind kind,
                              const char *const *access, const char *pdf_path,
                              ChamberDocument **out_document, GError **error);

/* Replaces document @document_id by a new version from @pdf_path, checked and stored as
 * chamber_publish_pdf() does. The new version keeps the item and title (versions of a document
 * are the documents of one item with one title), and takes the kind and access of the one it
 * replaces unless @kind (>= 0) or @access (not NULL nor empty) are given; its version is one
 * more, and it records which document, version and hash it replaces. The replaced version stays
 * stored, and its blob readable by those who may read it. An unknown document is NOT_FOUND; one
 * that is not the newest version of its item and title is CONSTRAINT (nothing stored). The same
 * transaction records a "replace" event in the audit log by @publisher_id. */
gboolean chamber_publish_replace (ChamberStore *store, ChamberBlobStore *blobs,
                                  gint64 publisher_id, gint64 document_id, int kind,
                                  const char *const *access, const char *pdf_path,
                                  ChamberDocument **out_document, GError **error);

G_END_DECLS
