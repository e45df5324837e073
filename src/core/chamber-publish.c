/* chamber-publish.c — check a PDF, store its bytes, record the document and bump the session;
 * keep a document as a draft until the secretariat publishes it, alone or with every draft of an
 * item or session.
 *
 * Errors come from the modules that fail: CHAMBER_PDF_ERROR when the file is refused,
 * CHAMBER_BLOB_ERROR when its bytes cannot be stored, CHAMBER_STORE_ERROR when the record
 * cannot be written. */
#include "config.h"

#include "chamber-publish.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "chamber-audit.h"
#include "chamber-hash.h"
#include "chamber-pdf.h"
#include "chamber-store-private.h"

/* The title a document gets when the secretariat gave none: the PDF's own, or the file's
 * name without ".pdf". */
static char *
default_title (const ChamberPdfInfo *info,
               const char           *pdf_path)
{
  g_autofree char *base = NULL;
  gsize len;

  if (info->title != NULL && *info->title != '\0')
    return g_strdup (info->title);

  base = g_path_get_basename (pdf_path);
  len = strlen (base);
  if (len > 4 && g_ascii_strcasecmp (base + len - 4, ".pdf") == 0)
    base[len - 4] = '\0';
  if (!g_utf8_validate (base, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (base, -1);
      return g_steal_pointer (&valid);
    }
  return g_steal_pointer (&base);
}

static char *
now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Steps 1 and 2 of a publication: refuses a file nobody could read before anything is stored,
 * then stores its bytes. *@out_blob_was_there says whether the blob was already held (by
 * another document), which decides whether a later failure must remove it again. */
static gboolean
check_and_import (ChamberBlobStore *blobs,
                  const char       *pdf_path,
                  ChamberPdfInfo   *info,
                  char              sha256[65],
                  gint64           *out_bytes,
                  gboolean         *out_blob_was_there,
                  GError          **error)
{
  char before_sha256[65];

  if (!chamber_pdf_check (pdf_path, TRUE, info, error))
    return FALSE;
  if (!chamber_sha256_file (pdf_path, before_sha256, NULL, NULL, error))
    return FALSE;
  *out_blob_was_there = chamber_blob_store_has (blobs, before_sha256);
  if (!chamber_blob_store_import_file (blobs, pdf_path, sha256, out_bytes, NULL, error))
    return FALSE;
  /* The file changed between the two reads: what is stored is new. */
  if (strcmp (sha256, before_sha256) != 0)
    *out_blob_was_there = FALSE;
  return TRUE;
}

static void
remove_new_blob (ChamberBlobStore *blobs,
                 const char       *sha256)
{
  g_autofree char *blob_path = chamber_blob_store_path (blobs, sha256);

  g_unlink (blob_path);
}

static char *
describe_access (const ChamberDocument *document)
{
  return document->access != NULL && document->access[0] != NULL
           ? g_strjoinv (", ", document->access)
           : g_strdup ("all");
}

/* Step 3, inside a transaction the caller began: inserts @document (the next version of its
 * item and title), bumps the session and records @action with @detail. Rolls back on failure. */
static gboolean
record_document (ChamberStore       *store,
                 ChamberDocument    *document,
                 gint64              publisher_id,
                 ChamberAuditAction  action,
                 const char         *detail,
                 GError            **error)
{
  g_autoptr (GError) store_error = NULL;
  gint64 revision;

  if (!chamber_store_insert_document (store, document, error))
    {
      chamber_store_rollback (store);
      return FALSE;
    }
  revision = chamber_store_bump_revision (store, document->session_id, &store_error);
  if (store_error != NULL || revision <= 0)
    {
      chamber_store_rollback (store);
      if (store_error != NULL)
        g_propagate_error (error, g_steal_pointer (&store_error));
      else
        g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_FAILED,
                     _("Cannot record “%s” in its session; nothing was published. Try again."),
                     document->title);
      return FALSE;
    }
  if (!chamber_audit_record (store, publisher_id, action, document->id, document->session_id,
                             detail, error))
    {
      chamber_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* The audit detail of an upload: the log's own words, not translated (docs/protocol.md). */
static char *
upload_detail (const char *detail,
               gboolean    draft)
{
  return draft ? g_strconcat ("draft; ", detail, NULL) : g_strdup (detail);
}

gboolean
chamber_publish_pdf (ChamberStore        *store,
                     ChamberBlobStore    *blobs,
                     gint64               publisher_id,
                     gint64               item_id,
                     const char          *title,
                     ChamberDocumentKind  kind,
                     const char *const   *access,
                     const char          *pdf_path,
                     ChamberDocument    **out_document,
                     GError             **error)
{
  return chamber_publish_upload (store, blobs, publisher_id, item_id, title, kind, access,
                                 pdf_path, FALSE, out_document, error);
}

gboolean
chamber_publish_upload (ChamberStore        *store,
                        ChamberBlobStore    *blobs,
                        gint64               publisher_id,
                        gint64               item_id,
                        const char          *title,
                        ChamberDocumentKind  kind,
                        const char *const   *access,
                        const char          *pdf_path,
                        gboolean             draft,
                        ChamberDocument    **out_document,
                        GError             **error)
{
  g_auto (ChamberPdfInfo) info = { 0, };
  g_autoptr (ChamberDocument) document = NULL;
  g_autofree char *stripped_title = NULL;
  g_autofree char *access_detail = NULL;
  g_autofree char *detail = NULL;
  char sha256[65];
  gboolean blob_was_there;
  gint64 bytes = 0;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (blobs), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail ((int) kind >= 0 && kind < CHAMBER_N_DOCUMENT_KINDS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* 1 and 2. Refuse a file nobody could read, then store its bytes. */
  if (!check_and_import (blobs, pdf_path, &info, sha256, &bytes, &blob_was_there, error))
    return FALSE;

  /* 3. Record it and bump the session, in one transaction. */
  if (title != NULL)
    {
      stripped_title = g_strstrip (g_strdup (title));
      if (*stripped_title == '\0')
        g_clear_pointer (&stripped_title, g_free);
    }

  document = chamber_document_new ();
  document->item_id = item_id;
  document->title = stripped_title != NULL ? g_steal_pointer (&stripped_title)
                                           : default_title (&info, pdf_path);
  document->kind = kind;
  memcpy (document->sha256, sha256, sizeof document->sha256);
  document->bytes = bytes;
  document->pages = info.pages;
  document->access = access != NULL ? g_strdupv ((char **) access) : NULL;
  document->draft = draft;
  document->published_at = draft ? NULL : now_iso8601 ();
  access_detail = describe_access (document);
  detail = upload_detail (access_detail, draft);

  if (!chamber_store_begin (store, error))
    goto fail;
  if (!record_document (store, document, publisher_id, CHAMBER_AUDIT_PUBLISH, detail, error))
    goto fail;
  if (!chamber_store_commit (store, error))
    goto fail;

  if (out_document != NULL)
    *out_document = g_steal_pointer (&document);
  return TRUE;

fail:
  if (!blob_was_there)
    remove_new_blob (blobs, sha256);
  return FALSE;
}

/* The newest version of @old's item and title; NULL with @error on failure. */
static ChamberDocument *
newest_version_of (ChamberStore          *store,
                   const ChamberDocument *old,
                   GError               **error)
{
  g_autoptr (GPtrArray) documents = chamber_store_list_item_documents (store, old->item_id, error);
  ChamberDocument *newest = NULL;

  if (documents == NULL)
    return NULL;
  for (guint i = 0; i < documents->len; i++)
    {
      ChamberDocument *document = g_ptr_array_index (documents, i);

      if (g_strcmp0 (document->title, old->title) == 0
          && (newest == NULL || document->version > newest->version))
        newest = document;
    }
  return newest != NULL ? chamber_document_copy (newest) : chamber_document_copy (old);
}

gboolean
chamber_publish_replace (ChamberStore       *store,
                         ChamberBlobStore   *blobs,
                         gint64              publisher_id,
                         gint64              document_id,
                         int                 kind,
                         const char *const  *access,
                         const char         *pdf_path,
                         ChamberDocument   **out_document,
                         GError            **error)
{
  return chamber_publish_upload_version (store, blobs, publisher_id, document_id, kind, access,
                                         pdf_path, FALSE, out_document, error);
}

gboolean
chamber_publish_upload_version (ChamberStore       *store,
                                ChamberBlobStore   *blobs,
                                gint64              publisher_id,
                                gint64              document_id,
                                int                 kind,
                                const char *const  *access,
                                const char         *pdf_path,
                                gboolean            draft,
                                ChamberDocument   **out_document,
                                GError            **error)
{
  g_auto (ChamberPdfInfo) info = { 0, };
  g_autoptr (ChamberDocument) old = NULL;
  g_autoptr (ChamberDocument) newest = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autofree char *access_detail = NULL;
  g_autofree char *replaces_detail = NULL;
  g_autofree char *detail = NULL;
  char sha256[65];
  gboolean blob_was_there;
  gint64 bytes = 0;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (blobs), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail (kind < CHAMBER_N_DOCUMENT_KINDS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* An unknown document is refused before the file is even checked. */
  old = chamber_store_get_document (store, document_id, error);
  if (old == NULL)
    return FALSE;

  if (!check_and_import (blobs, pdf_path, &info, sha256, &bytes, &blob_was_there, error))
    return FALSE;

  if (!chamber_store_begin (store, error))
    goto fail;
  /* Read again inside the transaction: another replacement may have come first. */
  g_clear_pointer (&old, chamber_document_free);
  old = chamber_store_get_document (store, document_id, error);
  newest = old != NULL ? newest_version_of (store, old, error) : NULL;
  if (newest == NULL)
    {
      chamber_store_rollback (store);
      goto fail;
    }
  if (newest->id != old->id)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                   _("Document %lld (“%s”, version %d) was already replaced by version %d "
                     "(document %lld). Replace the newest version instead."),
                   (long long) old->id, old->title, old->version, newest->version,
                   (long long) newest->id);
      chamber_store_rollback (store);
      goto fail;
    }

  document = chamber_document_new ();
  document->item_id = old->item_id;
  document->title = g_strdup (old->title);
  document->kind = kind >= 0 ? (ChamberDocumentKind) kind : old->kind;
  memcpy (document->sha256, sha256, sizeof document->sha256);
  document->bytes = bytes;
  document->pages = info.pages;
  document->access = g_strdupv (access != NULL && access[0] != NULL ? (char **) access
                                                                     : old->access);
  document->draft = draft;
  document->published_at = draft ? NULL : now_iso8601 ();
  access_detail = describe_access (document);
  /* The log's own words, like the other details (docs/protocol.md), not translated. */
  replaces_detail = g_strdup_printf ("replaces document %lld version %d; %s",
                                     (long long) old->id, old->version, access_detail);
  detail = upload_detail (replaces_detail, draft);

  if (!record_document (store, document, publisher_id, CHAMBER_AUDIT_REPLACE, detail, error))
    goto fail;
  if (!chamber_store_commit (store, error))
    goto fail;

  if (out_document != NULL)
    *out_document = g_steal_pointer (&document);
  return TRUE;

fail:
  if (!blob_was_there)
    remove_new_blob (blobs, sha256);
  return FALSE;
}

/* Drafts */

/* Inside a transaction the caller began: publishes draft @document at @revision and records it. */
static gboolean
publish_row (ChamberStore          *store,
             const ChamberDocument *document,
             gint64                 revision,
             gint64                 publisher_id,
             GError               **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *now = now_iso8601 ();
  g_autofree char *access_detail = describe_access (document);
  g_autofree char *detail = g_strconcat ("draft published; ", access_detail, NULL);

  stmt = chamber_store_prepare (store,
                                "UPDATE documents SET draft = 0, published_at = ?2,"
                                " changed_at = ?3 WHERE id = ?1 AND draft = 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document->id);
  chamber_store_bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, revision);
  if (!chamber_store_step_done (store, stmt, error))
    return FALSE;
  return chamber_audit_record (store, publisher_id, CHAMBER_AUDIT_PUBLISH, document->id,
                               document->session_id, detail, error);
}

/* Bumps @session_id's revision inside the caller's transaction; 0 with @error on failure. */
static gint64
next_revision (ChamberStore *store,
               gint64        session_id,
               GError      **error)
{
  g_autoptr (GError) store_error = NULL;
  gint64 revision = chamber_store_bump_revision (store, session_id, &store_error);

  if (store_error != NULL)
    g_propagate_error (error, g_steal_pointer (&store_error));
  else if (revision <= 0)
    g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_FAILED,
                 _("Cannot move session %lld to a new revision; nothing was published. "
                   "Try again."),
                 (long long) session_id);
  return revision > 0 && store_error == NULL ? revision : 0;
}

gboolean
chamber_publish_document (ChamberStore     *store,
                          gint64            publisher_id,
                          gint64            document_id,
                          ChamberDocument **out_document,
                          gboolean         *out_was_draft,
                          GError          **error)
{
  g_autoptr (ChamberDocument) document = NULL;
  gboolean was_draft = FALSE;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_store_begin (store, error))
    return FALSE;
  document = chamber_store_get_document (store, document_id, error);
  if (document == NULL)
    goto fail;
  if (document->draft)
    {
      gint64 revision = next_revision (store, document->session_id, error);

      if (revision <= 0 || !publish_row (store, document, revision, publisher_id, error))
        goto fail;
      was_draft = TRUE;
    }
  if (!chamber_store_commit (store, error))
    return FALSE;

  if (out_was_draft != NULL)
    *out_was_draft = was_draft;
  if (out_document != NULL)
    {
      if (was_draft)
        {
          g_clear_pointer (&document, chamber_document_free);
          document = chamber_store_get_document (store, document_id, error);
          if (document == NULL)
            return FALSE;
        }
      *out_document = g_steal_pointer (&document);
    }
  return TRUE;

fail:
  chamber_store_rollback (store);
  return FALSE;
}

gboolean
chamber_publish_drafts (ChamberStore *store,
                        gint64        publisher_id,
                        gint64        session_id,
                        gint64        item_id,
                        GArray      **out_published,
                        GError      **error)
{
  g_autoptr (GArray) published = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) documents = NULL;
  gint64 revision = 0;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (session_id > 0 || item_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_store_begin (store, error))
    return FALSE;
  if (item_id > 0)
    {
      g_autoptr (ChamberItem) item = chamber_store_get_item (store, item_id, error);

      if (item == NULL)
        goto fail;
      session_id = item->session_id;
    }
  /* In agenda order; the list checks that the session exists. */
  documents = chamber_store_list_documents (store, session_id, error);
  if (documents == NULL)
    goto fail;
  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);

      if (!document->draft || (item_id > 0 && document->item_id != item_id))
        continue;
      /* One revision for the whole pack: a laptop fetches it in one round. */
      if (revision == 0 && (revision = next_revision (store, session_id, error)) <= 0)
        goto fail;
      if (!publish_row (store, document, revision, publisher_id, error))
        goto fail;
      g_array_append_val (published, document->id);
    }
  if (!chamber_store_commit (store, error))
    return FALSE;

  if (out_published != NULL)
    *out_published = g_steal_pointer (&published);
  return TRUE;

fail:
  chamber_store_rollback (store);
  return FALSE;
}

void
chamber_publish_drop_drafts (GPtrArray *documents)
{
  g_return_if_fail (documents != NULL);

  for (guint i = documents->len; i > 0; i--)
    if (((const ChamberDocument *) g_ptr_array_index (documents, i - 1))->draft)
      g_ptr_array_remove_index (documents, i - 1);
}
