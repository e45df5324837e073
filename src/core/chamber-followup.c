/* chamber-followup.c — the follow-up of the commitments register (see chamber-followup.h): the
 * status updates (table commitment_updates) kept in step with commitment_status, which the
 * register reads; the evidence check; the reminders; and the follow-up item carried into a new
 * session's agenda, its PDF laid out by chamber-pdf-writer.c and published like an upload. */
#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "chamber-followup.h"
#include "chamber-pdf-writer.h"
#include "chamber-pdf.h"
#include "chamber-protocol.h"
#include "chamber-publish.h"
#include "chamber-store-private.h"

void
chamber_commitment_update_free (ChamberCommitmentUpdate *update)
{
  if (update == NULL)
    return;
  g_free (update->status);
  g_free (update->note);
  g_free (update->evidence_sha256);
  g_free (update->evidence_type);
  g_free (update->at);
  g_free (update->by_name);
  g_free (update);
}

gboolean
chamber_followup_status_is_valid (const char *status)
{
  return g_strcmp0 (status, "open") == 0 || g_strcmp0 (status, "in-progress") == 0
         || g_strcmp0 (status, "done") == 0;
}

/* ---- Evidence ----------------------------------------------------------------------------- */

static gboolean
refuse (GError    **error,
        int         code,
        const char *message)
{
  g_set_error_literal (error, CHAMBER_PROTOCOL_ERROR, code, message);
  return FALSE;
}

static gboolean
image_size_ok (guint64  width,
               guint64  height,
               GError **error)
{
  if (width == 0 || height == 0)
    return refuse (error, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The evidence image is damaged: it says it has no pixels."));
  if (width > CHAMBER_FOLLOWUP_MAX_IMAGE_SIDE || height > CHAMBER_FOLLOWUP_MAX_IMAGE_SIDE
      || width * height > CHAMBER_FOLLOWUP_MAX_IMAGE_PIXELS)
    return refuse (error, CHAMBER_PROTOCOL_ERROR_TOO_LARGE,
                   _("The evidence image is too large in pixels. Scan or photograph it at a "
                     "lower resolution."));
  return TRUE;
}

static gboolean
check_png (const char   *path,
           const guint8 *data,
           gsize         size,
           GError      **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;

  /* The header chunk first, so that cairo never allocates for an image that claims too much. */
  if (size < 33 || memcmp (data + 12, "IHDR", 4) != 0)
    return refuse (error, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The evidence image is damaged: its PNG header is missing."));
  if (!image_size_ok (GUINT32_FROM_BE (*(const guint32 *) (data + 16)),
                      GUINT32_FROM_BE (*(const guint32 *) (data + 20)), error))
    return FALSE;
  surface = cairo_image_surface_create_from_png (path);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return refuse (error, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The evidence image is damaged: the PNG cannot be decoded."));
  return TRUE;
}

static gboolean
check_jpeg (const guint8 *data,
            gsize         size,
            GError      **error)
{
  gsize p = 2;

  if (size < 4 || data[size - 2] != 0xFF || data[size - 1] != 0xD9)
    return refuse (error, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The evidence image is damaged: the JPEG is cut short."));
  /* Walk the segments up to the frame header (SOF0–SOF15 but DHT, JPG and DAC). */
  while (p + 4 <= size)
    {
      guint8 marker;
      gsize length;

      if (data[p] != 0xFF)
        break;
      marker = data[p + 1];
      if (marker == 0xFF)
        {
          p++;
          continue;
        }
      length = ((gsize) data[p + 2] << 8) | data[p + 3];
      if (length < 2 || p + 2 + length > size)
        break;
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
        {
          if (length < 7)
            break;
          return image_size_ok (((guint64) data[p + 7] << 8) | data[p + 8],
                                ((guint64) data[p + 5] << 8) | data[p + 6], error);
        }
      if (marker == 0xDA || marker == 0xD9)
        break;
      p += 2 + length;
    }
  return refuse (error, CHAMBER_PROTOCOL_ERROR_INVALID,
                 _("The evidence image is damaged: the JPEG has no readable frame header."));
}

gboolean
chamber_followup_check_evidence (const char  *path,
                                 const char **out_type,
                                 gint64      *out_bytes,
                                 GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) local = NULL;
  GStatBuf st;
  gsize size = 0;
  const guint8 *data;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The evidence file cannot be read: %s."), g_strerror (errno));
      return FALSE;
    }
  if (st.st_size == 0)
    return refuse (error, CHAMBER_PROTOCOL_ERROR_INVALID, _("The evidence file is empty."));
  if (st.st_size > CHAMBER_FOLLOWUP_MAX_EVIDENCE)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_TOO_LARGE,
                   _("The evidence file is too large: at most %d MiB."),
                   CHAMBER_FOLLOWUP_MAX_EVIDENCE / (1024 * 1024));
      return FALSE;
    }
  if (!g_file_get_contents (path, &contents, &size, &local))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The evidence file cannot be read: %s."), local->message);
      return FALSE;
    }
  data = (const guint8 *) contents;

  if (size >= 5 && memcmp (data, "%PDF-", 5) == 0)
    {
      if (!chamber_pdf_check (path, TRUE, NULL, error))
        return FALSE;
      *out_type = "application/pdf";
    }
  else if (size >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    {
      if (!check_png (path, data, size, error))
        return FALSE;
      *out_type = "image/png";
    }
  else if (size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
    {
      if (!check_jpeg (data, size, error))
        return FALSE;
      *out_type = "image/jpeg";
    }
  else
    return refuse (error, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The evidence must be a PDF, PNG or JPEG file; this one is none of "
                     "them."));
  if (out_bytes != NULL)
    *out_bytes = (gint64) size;
  return TRUE;
}

/* ---- Updates ------------------------------------------------------------------------------ */

#define UPDATE_COLUMNS \
  "u.id, u.event_id, u.status, u.note, u.evidence_sha256, u.evidence_type, u.evidence_bytes," \
  " u.at, u.by, p.name FROM commitment_updates u LEFT JOIN people p ON p.id = u.by"

static ChamberCommitmentUpdate *
read_update (sqlite3_stmt *stmt)
{
  ChamberCommitmentUpdate *update = g_new0 (ChamberCommitmentUpdate, 1);

  update->id = sqlite3_column_int64 (stmt, 0);
  update->commitment_id = sqlite3_column_int64 (stmt, 1);
  update->status = chamber_store_column_dup (stmt, 2);
  update->note = chamber_store_column_dup (stmt, 3);
  update->evidence_sha256 = chamber_store_column_dup (stmt, 4);
  update->evidence_type = chamber_store_column_dup (stmt, 5);
  update->evidence_bytes = sqlite3_column_int64 (stmt, 6);
  update->at = chamber_store_column_dup (stmt, 7);
  update->by = sqlite3_column_int64 (stmt, 8);
  update->by_name = chamber_store_column_dup (stmt, 9);
  return update;
}

ChamberCommitmentUpdate *
chamber_followup_get_update (ChamberStore *store,
                             gint64        update_id,
                             GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store, "SELECT " UPDATE_COLUMNS " WHERE u.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, update_id);
  if (!chamber_store_step_row (store, stmt, &row, error))
    return NULL;
  if (!row)
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_NOT_FOUND,
                   _("There is no commitment update %lld."), (long long) update_id);
      return NULL;
    }
  return read_update (stmt);
}

GPtrArray *
chamber_followup_list_updates (ChamberStore *store,
                               gint64        id,
                               GError      **error)
{
  g_autoptr (ChamberCommitment) commitment = NULL;
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_commitment_update_free);
  gboolean row = FALSE;

  commitment = chamber_commitments_get (store, id, NULL, error);
  if (commitment == NULL)
    return NULL;
  stmt = chamber_store_prepare (store,
                                "SELECT " UPDATE_COLUMNS " WHERE u.event_id = ?1 ORDER BY u.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  for (;;)
    {
      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      g_ptr_array_add (out, read_update (stmt));
    }
  return g_steal_pointer (&out);
}

gboolean
chamber_followup_record_update (ChamberStore             *store,
                                ChamberBlobStore         *blobs,
                                gint64                    id,
                                const char               *status,
                                const char               *note,
                                const char               *evidence_path,
                                gint64                    person_id,
                                ChamberCommitmentUpdate **out_update,
                                GError                  **error)
{
  g_autoptr (ChamberCommitment) existing = NULL;
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *now = NULL;
  char sha256[65] = "";
  const char *type = NULL;
  gint64 bytes = 0, update_id;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);

  if (!chamber_followup_status_is_valid (status))
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                           _("The status must be open, in-progress or done; a commitment is "
                             "overdue by its deadline, not by a choice."));
      return FALSE;
    }
  if (note != NULL && *note == '\0')
    note = NULL;
  if (note != NULL && (strlen (note) > CHAMBER_COMMITMENTS_MAX_NOTE
                       || !g_utf8_validate (note, -1, NULL)))
    {
      g_set_error (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                   _("The note must be UTF-8 text of at most %d bytes."),
                   CHAMBER_COMMITMENTS_MAX_NOTE);
      return FALSE;
    }
  existing = chamber_commitments_get (store, id, NULL, error);
  if (existing == NULL)
    return FALSE;
  if (evidence_path != NULL)
    {
      g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (blobs), FALSE);
      if (!chamber_followup_check_evidence (evidence_path, &type, NULL, error)
          || !chamber_blob_store_import_file (blobs, evidence_path, sha256, &bytes, NULL, error))
        return FALSE;
    }

  now = chamber_store_now_utc ();
  if (!chamber_store_begin (store, error))
    return FALSE;
  stmt = chamber_store_prepare (store,
                                "INSERT INTO commitment_updates (event_id, status, note,"
                                " evidence_sha256, evidence_type, evidence_bytes, at, by)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  chamber_store_bind_text (stmt, 2, status);
  chamber_store_bind_text (stmt, 3, note);
  chamber_store_bind_text (stmt, 4, type != NULL ? sha256 : NULL);
  chamber_store_bind_text (stmt, 5, type);
  if (type != NULL)
    sqlite3_bind_int64 (stmt, 6, bytes);
  else
    sqlite3_bind_null (stmt, 6);
  chamber_store_bind_text (stmt, 7, now);
  chamber_store_bind_id_or_null (stmt, 8, person_id);
  if (!chamber_store_step_done (store, stmt, error))
    goto failed;
  update_id = sqlite3_last_insert_rowid (chamber_store_get_db (store));
  g_clear_pointer (&stmt, chamber_store_statement_release);

  stmt = chamber_store_prepare (store,
                                "INSERT INTO commitment_status (event_id, done, note, updated_at,"
                                " updated_by) VALUES (?1, ?2, ?3, ?4, ?5)"
                                " ON CONFLICT (event_id) DO UPDATE SET done = excluded.done,"
                                " note = excluded.note, updated_at = excluded.updated_at,"
                                " updated_by = excluded.updated_by",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, g_str_equal (status, "done") ? 1 : 0);
  chamber_store_bind_text (stmt, 3, note);
  chamber_store_bind_text (stmt, 4, now);
  chamber_store_bind_id_or_null (stmt, 5, person_id);
  if (!chamber_store_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, chamber_store_statement_release);
  if (!chamber_store_commit (store, error))
    return FALSE;
  if (out_update != NULL)
    {
      *out_update = chamber_followup_get_update (store, update_id, error);
      return *out_update != NULL;
    }
  return TRUE;

failed:
  g_clear_pointer (&stmt, chamber_store_statement_release);
  chamber_store_rollback (store);
  return FALSE;
}

JsonNode *
chamber_commitment_update_to_json (const ChamberCommitmentUpdate *update)
{
  JsonObject *object = json_object_new ();

  json_object_set_int_member (object, "id", update->id);
  json_object_set_int_member (object, "commitment", update->commitment_id);
  json_object_set_string_member (object, "status", update->status);
  json_object_set_string_member (object, "note", update->note);
  if (update->evidence_sha256 != NULL)
    {
      JsonObject *evidence = json_object_new ();

      json_object_set_string_member (evidence, "sha256", update->evidence_sha256);
      json_object_set_string_member (evidence, "type", update->evidence_type);
      json_object_set_int_member (evidence, "bytes", update->evidence_bytes);
      json_object_set_object_member (object, "evidence", evidence);
    }
  else
    json_object_set_null_member (object, "evidence");
  json_object_set_string_member (object, "at", update->at);
  if (update->by > 0)
    {
      JsonObject *by = json_object_new ();

      json_object_set_int_member (by, "id", update->by);
      json_object_set_string_member (by, "name", update->by_name);
      json_object_set_object_member (object, "by", by);
    }
  else
    json_object_set_null_member (object, "by");
  return chamber_json_node_take_object (object);
}

/* ---- Reminders ---------------------------------------------------------------------------- */

static gboolean
parse_day (const char *day,
           GDate      *out)
{
  int y, m, d;
  char tail;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3
      || strlen (day) != 10 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

char *
chamber_followup_add_days (const char *day,
                           int         days)
{
  GDate date;

  if (!parse_day (day, &date))
    return NULL;
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

int
chamber_followup_days_until (const char *today,
                             const char *due)
{
  GDate a, b;

  if (!parse_day (today, &a) || !parse_day (due, &b))
    return G_MININT;
  return g_date_days_between (&a, &b);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  const ChamberCommitment *ca = *(ChamberCommitment *const *) a;
  const ChamberCommitment *cb = *(ChamberCommitment *const *) b;
  int order = strcmp (ca->due, cb->due);

  if (order != 0)
    return order;
  return ca->id < cb->id ? -1 : ca->id > cb->id;
}

GPtrArray *
chamber_followup_list_due (ChamberStore *store,
                           const char   *today,
                           int           within_days,
                           GError      **error)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) out =
    g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_commitment_free);
  g_autofree char *limit = chamber_followup_add_days (today, within_days);

  if (limit == NULL || within_days < 0 || within_days > CHAMBER_FOLLOWUP_MAX_DUE_DAYS)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_INVALID,
                   _("The reminder window must be 0 to %d days from a valid day."),
                   CHAMBER_FOLLOWUP_MAX_DUE_DAYS);
      return NULL;
    }
  all = chamber_commitments_list (store, NULL, today, error);
  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      ChamberCommitment *c = g_ptr_array_index (all, i);

      if (c->status != CHAMBER_COMMITMENT_DONE && c->due != NULL && strcmp (c->due, limit) <= 0)
        g_ptr_array_add (out, g_ptr_array_steal_index (all, i--));
    }
  g_ptr_array_sort (out, compare_due);
  return g_steal_pointer (&out);
}

/* ---- Carrying into the next session ------------------------------------------------------- */

GPtrArray *
chamber_followup_list_carried (ChamberStore         *store,
                               const ChamberSession *session,
                               const char           *today,
                               GError              **error)
{
  g_autoptr (GPtrArray) all = chamber_commitments_list (store, NULL, today, error);

  if (all == NULL)
    return NULL;
  for (guint i = 0; i < all->len; i++)
    {
      const ChamberCommitment *c = g_ptr_array_index (all, i);

      if (c->status == CHAMBER_COMMITMENT_DONE || c->session_id == session->id
          || c->session_number >= session->number)
        g_ptr_array_remove_index (all, i--);
    }
  return g_steal_pointer (&all);
}

GBytes *
chamber_followup_to_pdf (const ChamberSession *session,
                         const char           *council_name,
                         GPtrArray            *commitments,
                         const char           *today,
                         GError              **error)
{
  g_autoptr (ChamberPdfWriter) pdf = NULL;
  g_autofree char *line = NULL;
  g_autofree char *day = chamber_date_format (today);
  const char *title = _("Follow-up of commitments made at earlier sessions");
  const char *const columns[] = {
    _("No."), _("Session"), _("Owner"), _("Commitment"), _("Due"), _("Status"),
    _("Latest follow-up"),
  };
  const double widths[] = { 0.06, 0.13, 0.19, 0.30, 0.11, 0.09, 0.12 };
  const gboolean numeric[] = { TRUE, FALSE, FALSE, FALSE, FALSE, FALSE, FALSE };

  pdf = chamber_pdf_writer_new (FALSE, title);
  chamber_pdf_writer_letterhead (pdf, council_name);
  chamber_pdf_writer_title (pdf, title);
  line = g_strdup_printf (_("For session %d: %s"), session->number, session->title);
  chamber_pdf_writer_paragraph (pdf, CHAMBER_PDF_TEXT_CENTRED, line);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u commitment not yet done as of %s.",
                                       "%u commitments not yet done as of %s.",
                                       commitments->len),
                          commitments->len, day != NULL ? day : today);
  chamber_pdf_writer_paragraph (pdf, CHAMBER_PDF_TEXT_BODY, line);
  chamber_pdf_writer_table (pdf, NULL, G_N_ELEMENTS (columns), columns, widths, numeric);
  for (guint i = 0; i < commitments->len; i++)
    {
      const ChamberCommitment *c = g_ptr_array_index (commitments, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *where = g_strdup_printf (_("Session %d"), c->session_number);
      g_autofree char *owner = NULL;
      g_autofree char *due = c->due != NULL ? chamber_date_format (c->due) : NULL;
      const char *cells[G_N_ELEMENTS (columns)];

      if (c->owner_title != NULL && *c->owner_title != '\0')
        owner = g_strdup_printf ("%s, %s", c->owner_name != NULL ? c->owner_name : "",
                                 c->owner_title);
      else
        owner = g_strdup (c->owner_name != NULL ? c->owner_name : "");
      cells[0] = number;
      cells[1] = where;
      cells[2] = owner;
      cells[3] = c->what;
      cells[4] = due != NULL ? due : c->due;
      cells[5] = chamber_commitment_status_get_label (c->status);
      cells[6] = c->note;
      chamber_pdf_writer_row (pdf, cells, FALSE);
    }
  return chamber_pdf_writer_finish (pdf, error);
}

/* The carry-over already made into @session_id, if any. */
static gboolean
read_carryover (ChamberStore     *store,
                gint64            session_id,
                ChamberCarryOver *out,
                gboolean         *out_found,
                GError          **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;

  stmt = chamber_store_prepare (store,
                                "SELECT item_id, document_id, commitments"
                                " FROM commitment_carryovers WHERE session_id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, session_id);
  if (!chamber_store_step_row (store, stmt, out_found, error))
    return FALSE;
  if (*out_found)
    {
      out->created = FALSE;
      out->item_id = sqlite3_column_int64 (stmt, 0);
      out->document_id = sqlite3_column_int64 (stmt, 1);
      out->commitments = (guint) sqlite3_column_int64 (stmt, 2);
    }
  return TRUE;
}

gboolean
chamber_followup_carry (ChamberStore     *store,
                        ChamberBlobStore *blobs,
                        gint64            session_id,
                        gint64            person_id,
                        const char       *today,
                        ChamberCarryOver *out,
                        GError          **error)
{
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (GPtrArray) carried = NULL;
  g_autoptr (GBytes) pdf = NULL;
  g_autoptr (ChamberItem) item = NULL;
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *council = NULL;
  g_autofree char *term = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *now = NULL;
  gboolean found = FALSE;
  gsize size = 0;
  const char *data;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (blobs), FALSE);

  memset (out, 0, sizeof *out);
  session = chamber_store_get_session (store, session_id, error);
  if (session == NULL || !read_carryover (store, session_id, out, &found, error))
    return FALSE;
  if (found)
    return TRUE;
  carried = chamber_followup_list_carried (store, session, today, error);
  if (carried == NULL)
    return FALSE;
  if (carried->len == 0)
    return TRUE;

  {
    g_autoptr (GError) council_error = NULL;

    if (!chamber_store_get_council (store, &council, &term, &council_error)
        && council_error != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&council_error));
        return FALSE;
      }
  }
  pdf = chamber_followup_to_pdf (session, council, carried, today, error);
  if (pdf == NULL)
    return FALSE;
  temp = chamber_blob_store_new_temp_path (blobs);
  data = g_bytes_get_data (pdf, &size);
  if (temp == NULL || !g_file_set_contents (temp, data, (gssize) size, error))
    {
      if (temp == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("No temporary file can be made in the blob store."));
      return FALSE;
    }

  if (!chamber_store_begin (store, error))
    goto unlink;
  item = chamber_item_new ();
  item->session_id = session_id;
  item->title = g_strdup (_("Follow-up of commitments made at earlier sessions"));
  item->position = -1;
  if (!chamber_store_insert_item (store, item, error)
      || !chamber_publish_pdf (store, blobs, person_id, item->id, item->title,
                               CHAMBER_DOCUMENT_REPORT, NULL, temp, &document, error))
    goto failed;
  now = chamber_store_now_utc ();
  stmt = chamber_store_prepare (store,
                                "INSERT INTO commitment_carryovers (session_id, item_id,"
                                " document_id, commitments, at, by) VALUES (?1, ?2, ?3, ?4, ?5,"
                                " ?6)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, session_id);
  sqlite3_bind_int64 (stmt, 2, item->id);
  sqlite3_bind_int64 (stmt, 3, document->id);
  sqlite3_bind_int64 (stmt, 4, carried->len);
  chamber_store_bind_text (stmt, 5, now);
  chamber_store_bind_id_or_null (stmt, 6, person_id);
  if (!chamber_store_step_done (store, stmt, error))
    goto failed;
  g_clear_pointer (&stmt, chamber_store_statement_release);
  if (!chamber_store_commit (store, error))
    goto unlink;
  g_unlink (temp);
  out->created = TRUE;
  out->item_id = item->id;
  out->document_id = document->id;
  out->commitments = carried->len;
  return TRUE;

failed:
  g_clear_pointer (&stmt, chamber_store_statement_release);
  chamber_store_rollback (store);
unlink:
  g_unlink (temp);
  return FALSE;
}
