/* chamber-publish.h — putting a PDF into a session: the one path used by the server's upload
 * endpoint and by the demo seed; and drafts (issue 6): a document or new version uploaded as a
 * draft is seen only by the secretariat and admin (never in a manifest, its blob never served
 * to anyone else, not counted in the delivery report) until it is published. */
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

/* As chamber_publish_pdf() and chamber_publish_replace(), with @draft saying whether the new
 * document is a draft: stored with published_at NULL, its audit detail starting with "draft; ".
 * A new version uploaded as a draft leaves the published version it replaces in everyone's
 * manifest until it is published. */
gboolean chamber_publish_upload (ChamberStore *store, ChamberBlobStore *blobs,
                                 gint64 publisher_id, gint64 item_id, const char *title,
                                 ChamberDocumentKind kind, const char *const *access,
                                 const char *pdf_path, gboolean draft,
                                 ChamberDocument **out_document, GError **error);
gboolean chamber_publish_upload_version (ChamberStore *store, ChamberBlobStore *blobs,
                                         gint64 publisher_id, gint64 document_id, int kind,
                                         const char *const *access, const char *pdf_path,
                                         gboolean draft, ChamberDocument **out_document,
                                         GError **error);

/* Publishes draft @document_id: sets published_at, bumps the session's revision (the document
 * changed at it, so an incremental manifest carries it) and records a "publish" event by
 * @publisher_id, in one transaction. A document that is already published is left as it is
 * (no revision, no event) and *@out_was_draft is FALSE. An unknown document is NOT_FOUND.
 * @out_document (optional) receives the document as stored afterwards. */
gboolean chamber_publish_document (ChamberStore *store, gint64 publisher_id, gint64 document_id,
                                   ChamberDocument **out_document, gboolean *out_was_draft,
                                   GError **error);

/* Publishes every draft of session @session_id, or only of agenda item @item_id when it is
 * above 0 (then @session_id may be 0), as chamber_publish_document() does each, with one
 * revision for all, in one transaction. *@out_published receives the ids (gint64) published,
 * in agenda order; none is not an error. An unknown session or item is NOT_FOUND. */
gboolean chamber_publish_drafts (ChamberStore *store, gint64 publisher_id, gint64 session_id,
                                 gint64 item_id, GArray **out_published, GError **error);

/* Removes the drafts from @documents (ChamberDocument), keeping the order of the others: what a
 * manifest and the delivery report start from. */
void     chamber_publish_drop_drafts (GPtrArray *documents);

G_END_DECLS
