/* chamber-publish.c — check a PDF, store its bytes, record the document and bump the session.
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
  g_auto (ChamberPdfInfo) info = { 0, };
  g_autoptr (ChamberDocument) document = NULL;
  g_autofree char *stripped_title = NULL;
  g_autofree char *access_detail = NULL;
  char sha256[65];
  char before_sha256[65];
  g_autoptr (GError) store_error = NULL;
  gboolean blob_was_there;
  gint64 bytes = 0;
  gint64 revision;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (blobs), FALSE);
  g_return_val_if_fail (pdf_path != NULL, FALSE);
  g_return_val_if_fail ((int) kind >= 0 && kind < CHAMBER_N_DOCUMENT_KINDS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* 1. Refuse a file nobody could read, before anything is stored. */
  if (!chamber_pdf_check (pdf_path, TRUE, &info, error))
    return FALSE;

  /* 2. Store its bytes. Whether the blob was already there decides whether a failure below
   *    must remove it again: a blob another document uses stays. */
  if (!chamber_sha256_file (pdf_path, before_sha256, NULL, NULL, error))
    return FALSE;
  blob_was_there = chamber_blob_store_has (blobs, before_sha256);

  if (!chamber_blob_store_import_file (blobs, pdf_path, sha256, &bytes, NULL, error))
    return FALSE;
  if (strcmp (sha256, before_sha256) != 0)
    blob_was_there = FALSE;  /* the file changed between the two reads: what is stored is new */

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
  document->published_at = now_iso8601 ();

  if (!chamber_store_begin (store, error))
    goto fail;
  if (!chamber_store_insert_document (store, document, error))
    {
      chamber_store_rollback (store);
      goto fail;
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
      goto fail;
    }
  access_detail = document->access != NULL && document->access[0] != NULL
                    ? g_strjoinv (", ", document->access)
                    : g_strdup ("all");
  if (!chamber_audit_record (store, publisher_id, CHAMBER_AUDIT_PUBLISH, document->id,
                             document->session_id, access_detail, error))
    {
      chamber_store_rollback (store);
      goto fail;
    }
  if (!chamber_store_commit (store, error))
    goto fail;

  if (out_document != NULL)
    *out_document = g_steal_pointer (&document);
  return TRUE;

fail:
  if (!blob_was_there)
    {
      g_autofree char *blob_path = chamber_blob_store_path (blobs, sha256);

      g_unlink (blob_path);
    }
  return FALSE;
}
