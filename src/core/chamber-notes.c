/* chamber-notes.c — private notes: the record, anchoring on a page, the `notes` table of the
 * local store, carrying notes to a new version of a document, and export as PDF annotations.
 *
 * Error domain CHAMBER_NOTES_ERROR (codes in chamber-notes.h); database failures are
 * CHAMBER_STORE_ERROR as set by the store, PDFs that cannot be opened CHAMBER_PDF_ERROR. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "chamber-anchor.h"
#include "chamber-hash.h"
#include "chamber-notes.h"
#include "chamber-pdf.h"
#include "chamber-store-private.h"

G_DEFINE_QUARK (chamber-notes-error-quark, chamber_notes_error)

/* A passage found again within this many points of where it was has not moved. */
#define SAME_PLACE_PT 1.0
/* The side of a sticky note's icon in an exported PDF, and its distance from the page edge. */
#define ICON_PT   20.0
#define MARGIN_PT 8.0

/* Names */

static const char *const kind_names[CHAMBER_N_NOTE_KINDS] = {
  [CHAMBER_NOTE_HIGHLIGHT] = "highlight",
  [CHAMBER_NOTE_NOTE] = "note",
  [CHAMBER_NOTE_BOOKMARK] = "bookmark",
};

static const char *const anchor_names[CHAMBER_N_NOTE_ANCHORS] = {
  [CHAMBER_NOTE_PLACED] = "placed",
  [CHAMBER_NOTE_MOVED] = "moved",
  [CHAMBER_NOTE_UNPLACED] = "unplaced",
};

static gboolean
lookup_name (const char *const *names,
             int                n_names,
             const char        *str,
             int               *out)
{
  if (str == NULL)
    return FALSE;
  for (int i = 0; i < n_names; i++)
    if (g_str_equal (names[i], str))
      {
        if (out != NULL)
          *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
chamber_note_kind_to_string (ChamberNoteKind kind)
{
  g_return_val_if_fail ((guint) kind < CHAMBER_N_NOTE_KINDS, NULL);

  return kind_names[kind];
}

gboolean
chamber_note_kind_from_string (const char      *str,
                               ChamberNoteKind *out)
{
  int index;

  if (!lookup_name (kind_names, CHAMBER_N_NOTE_KINDS, str, &index))
    return FALSE;
  if (out != NULL)
    *out = index;
  return TRUE;
}

const char *
chamber_note_anchor_to_string (ChamberNoteAnchor anchor)
{
  g_return_val_if_fail ((guint) anchor < CHAMBER_N_NOTE_ANCHORS, NULL);

  return anchor_names[anchor];
}

gboolean
chamber_note_anchor_from_string (const char        *str,
                                 ChamberNoteAnchor *out)
{
  int index;

  if (!lookup_name (anchor_names, CHAMBER_N_NOTE_ANCHORS, str, &index))
    return FALSE;
  if (out != NULL)
    *out = index;
  return TRUE;
}

/* The record */

ChamberNote *
chamber_note_new (void)
{
  ChamberNote *note = g_new0 (ChamberNote, 1);

  note->kind = CHAMBER_NOTE_HIGHLIGHT;
  note->anchor = CHAMBER_NOTE_PLACED;
  return note;
}

ChamberNote *
chamber_note_copy (const ChamberNote *note)
{
  ChamberNote *copy;

  if (note == NULL)
    return NULL;

  /* The sha256 array is copied with the struct. */
  copy = g_memdup2 (note, sizeof *note);
  copy->doc_title = g_strdup (note->doc_title);
  copy->quote = g_strdup (note->quote);
  copy->prefix = g_strdup (note->prefix);
  copy->suffix = g_strdup (note->suffix);
  copy->body = g_strdup (note->body);
  copy->color = g_strdup (note->color);
  copy->created_at = g_strdup (note->created_at);
  copy->updated_at = g_strdup (note->updated_at);
  return copy;
}

void
chamber_note_free (ChamberNote *note)
{
  if (note == NULL)
    return;

  g_free (note->doc_title);
  g_free (note->quote);
  g_free (note->prefix);
  g_free (note->suffix);
  g_free (note->body);
  g_free (note->color);
  g_free (note->created_at);
  g_free (note->updated_at);
  g_free (note);
}

void
chamber_note_set_document (ChamberNote           *note,
                           const ChamberDocument *document)
{
  g_return_if_fail (note != NULL);
  g_return_if_fail (document != NULL);

  note->session_id = document->session_id;
  note->item_id = document->item_id;
  note->document_id = document->id;
  g_free (note->doc_title);
  note->doc_title = g_strdup (document->title);
  note->doc_version = document->version;
  g_strlcpy (note->sha256, document->sha256, sizeof note->sha256);
}

static void
set_rect (ChamberNote            *note,
          const PopplerRectangle *rect)
{
  note->has_rect = TRUE;
  note->x1 = rect->x1;
  note->y1 = rect->y1;
  note->x2 = rect->x2;
  note->y2 = rect->y2;
}

static void
take_string (char **field,
             char  *value)
{
  g_free (*field);
  *field = value;
}

/* Anchoring on a page */

gboolean
chamber_note_anchor_from_selection (ChamberNote            *note,
                                    PopplerPage            *page,
                                    const PopplerRectangle *selection,
                                    GError                **error)
{
  g_autoptr (ChamberAnchorText) text = NULL;
  g_autofree char *selected = NULL;
  PopplerRectangle area;
  ChamberAnchorPassage passage;
  int page_no;

  g_return_val_if_fail (note != NULL, FALSE);
  g_return_val_if_fail (POPPLER_IS_PAGE (page), FALSE);
  g_return_val_if_fail (selection != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  area = *selection;
  page_no = poppler_page_get_index (page) + 1;
  selected = poppler_page_get_selected_text (page, POPPLER_SELECTION_GLYPH, &area);
  text = chamber_anchor_text_new_for_page (page);
  if (selected == NULL || *g_strstrip (selected) == '\0'
      || !chamber_anchor_text_find_selection (text, page_no, selected, selection, &passage))
    {
      g_set_error_literal (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_NO_TEXT,
                           _("There is no text in the selection. Select words on the page, or "
                             "add a note to the whole page instead."));
      return FALSE;
    }

  note->page = passage.page;
  set_rect (note, &passage.rect);
  take_string (&note->quote, chamber_anchor_text_dup_range (text, passage.start, passage.end));
  take_string (&note->prefix, chamber_anchor_text_dup_prefix (text, passage.start));
  take_string (&note->suffix, chamber_anchor_text_dup_suffix (text, passage.end));
  return TRUE;
}

void
chamber_note_anchor_to_page (ChamberNote *note,
                             PopplerPage *page)
{
  g_autoptr (ChamberAnchorText) text = NULL;
  char *head, *tail;

  g_return_if_fail (note != NULL);
  g_return_if_fail (POPPLER_IS_PAGE (page));

  text = chamber_anchor_text_new_for_page (page);
  note->page = poppler_page_get_index (page) + 1;
  note->has_rect = FALSE;
  note->x1 = note->y1 = note->x2 = note->y2 = 0;
  take_string (&note->quote, NULL);
  chamber_anchor_text_dup_page_ends (text, note->page, &head, &tail);
  take_string (&note->prefix, head);
  take_string (&note->suffix, tail);
}

static gboolean
rects_overlap (const PopplerRectangle *a,
               const PopplerRectangle *b,
               double                  slack)
{
  return a->x1 <= b->x2 + slack && b->x1 <= a->x2 + slack
         && a->y1 <= b->y2 + slack && b->y1 <= a->y2 + slack;
}

static PopplerRectangle
note_rect (const ChamberNote *note)
{
  PopplerRectangle rect = { note->x1, note->y1, note->x2, note->y2 };

  return rect;
}

GArray *
chamber_note_get_line_rects (const ChamberNote *note,
                             PopplerPage       *page)
{
  g_autoptr (GArray) lines = NULL;
  PopplerRectangle rect;

  g_return_val_if_fail (note != NULL, NULL);
  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);

  if (!note->has_rect)
    return g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));
  rect = note_rect (note);

  /* The quote on this page, where the note says it is: its lines. */
  if (note->quote != NULL && *note->quote != '\0')
    {
      g_autoptr (ChamberAnchorText) text = chamber_anchor_text_new_for_page (page);
      ChamberAnchorPassage passage;

      if (chamber_anchor_text_find (text, note->quote, note->prefix, note->suffix, note->page,
                                    &rect, &passage)
          && passage.page == note->page && rects_overlap (&passage.rect, &rect, SAME_PLACE_PT))
        lines = chamber_anchor_text_get_line_rects (text, &passage);
    }

  if (lines == NULL || lines->len == 0)
    {
      g_clear_pointer (&lines, g_array_unref);
      lines = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));
      g_array_append_val (lines, rect);
    }
  return g_steal_pointer (&lines);
}

/* The store */

#define NOTE_COLUMNS                                                                           \
  "id, person_id, session_id, item_id, document_id, doc_title, doc_version, sha256, kind, "   \
  "page, x1, y1, x2, y2, quote, prefix, suffix, body, color, anchor, created_at, updated_at"

static void
bind_rect (sqlite3_stmt      *stmt,
           int                first_index,
           const ChamberNote *note)
{
  const double values[] = { note->x1, note->y1, note->x2, note->y2 };

  for (int i = 0; i < 4; i++)
    if (note->has_rect)
      sqlite3_bind_double (stmt, first_index + i, values[i]);
    else
      sqlite3_bind_null (stmt, first_index + i);
}

/* A note from a row of NOTE_COLUMNS. */
static ChamberNote *
read_note (sqlite3_stmt *stmt)
{
  ChamberNote *note = chamber_note_new ();
  const char *sha256 = (const char *) sqlite3_column_text (stmt, 7);

  note->id = sqlite3_column_int64 (stmt, 0);
  note->person_id = sqlite3_column_int64 (stmt, 1);
  note->session_id = sqlite3_column_int64 (stmt, 2);
  note->item_id = sqlite3_column_int64 (stmt, 3);
  note->document_id = sqlite3_column_int64 (stmt, 4);
  note->doc_title = chamber_store_column_dup (stmt, 5);
  note->doc_version = sqlite3_column_int (stmt, 6);
  g_strlcpy (note->sha256, sha256 != NULL ? sha256 : "", sizeof note->sha256);
  /* The schema's checks keep kind and anchor to the names known here. */
  chamber_note_kind_from_string ((const char *) sqlite3_column_text (stmt, 8), &note->kind);
  note->page = sqlite3_column_int (stmt, 9);
  note->has_rect = sqlite3_column_type (stmt, 10) != SQLITE_NULL;
  if (note->has_rect)
    {
      note->x1 = sqlite3_column_double (stmt, 10);
      note->y1 = sqlite3_column_double (stmt, 11);
      note->x2 = sqlite3_column_double (stmt, 12);
      note->y2 = sqlite3_column_double (stmt, 13);
    }
  note->quote = chamber_store_column_dup (stmt, 14);
  note->prefix = chamber_store_column_dup (stmt, 15);
  note->suffix = chamber_store_column_dup (stmt, 16);
  note->body = chamber_store_column_dup (stmt, 17);
  note->color = chamber_store_column_dup (stmt, 18);
  chamber_note_anchor_from_string ((const char *) sqlite3_column_text (stmt, 19), &note->anchor);
  note->created_at = chamber_store_column_dup (stmt, 20);
  note->updated_at = chamber_store_column_dup (stmt, 21);
  return note;
}

static gboolean
set_invalid (GError    **error,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_invalid (GError    **error,
             const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
is_color (const char *color)
{
  if (color == NULL || strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;
  return TRUE;
}

static gboolean
validate_color (const char *color,
                GError    **error)
{
  if (color != NULL && !is_color (color))
    return set_invalid (error,
                        _("“%s” is not a colour: give it as #rrggbb (for example #fce94f)."),
                        color);
  return TRUE;
}

static gboolean
validate_note (const ChamberNote *note,
               GError           **error)
{
  if (note->person_id < 1)
    return set_invalid (error, _("A note needs the person it belongs to."));
  if (note->session_id < 1 || note->item_id < 1 || note->document_id < 1
      || note->doc_version < 1 || note->doc_title == NULL || *note->doc_title == '\0')
    return set_invalid (error, _("A note needs the document it is on."));
  if (!chamber_sha256_is_valid (note->sha256))
    return set_invalid (error,
                        _("The content hash “%s” of the note's document is not 64 lowercase "
                          "hexadecimal digits."),
                        note->sha256);
  if ((guint) note->kind >= CHAMBER_N_NOTE_KINDS)
    return set_invalid (error, _("The kind of note %d is not one Chamber knows."),
                        (int) note->kind);
  if ((guint) note->anchor >= CHAMBER_N_NOTE_ANCHORS)
    return set_invalid (error, _("The anchor state %d is not one Chamber knows."),
                        (int) note->anchor);
  if (note->page < 1)
    return set_invalid (error, _("A note must be on a page (from 1)."));
  if (note->has_rect
      && (!isfinite (note->x1) || !isfinite (note->y1) || !isfinite (note->x2)
          || !isfinite (note->y2) || note->x1 > note->x2 || note->y1 > note->y2))
    return set_invalid (error, _("The place of the note on its page is not a rectangle."));
  if (note->kind == CHAMBER_NOTE_HIGHLIGHT
      && (!note->has_rect || note->quote == NULL || *note->quote == '\0'))
    return set_invalid (error, _("A highlight needs the text it highlights and its place on "
                                 "the page."));
  return validate_color (note->color, error);
}

gboolean
chamber_notes_add (ChamberStore *store,
                   ChamberNote  *note,
                   GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *color = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (note != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_note (note, error))
    return FALSE;

  if (!chamber_store_begin (store, error))
    return FALSE;
  stmt = chamber_store_prepare (store,
                                "INSERT INTO notes (person_id, session_id, item_id, document_id,"
                                "  doc_title, doc_version, sha256, kind, page, x1, y1, x2, y2,"
                                "  quote, prefix, suffix, body, color, anchor, created_at,"
                                "  updated_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
                                "  ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?20)",
                                error);
  if (stmt == NULL)
    goto failed;

  now = chamber_store_now_utc ();
  color = note->color != NULL ? g_ascii_strdown (note->color, -1) : NULL;
  sqlite3_bind_int64 (stmt, 1, note->person_id);
  sqlite3_bind_int64 (stmt, 2, note->session_id);
  sqlite3_bind_int64 (stmt, 3, note->item_id);
  sqlite3_bind_int64 (stmt, 4, note->document_id);
  chamber_store_bind_text (stmt, 5, note->doc_title);
  sqlite3_bind_int (stmt, 6, note->doc_version);
  chamber_store_bind_text (stmt, 7, note->sha256);
  chamber_store_bind_text (stmt, 8, chamber_note_kind_to_string (note->kind));
  sqlite3_bind_int (stmt, 9, note->page);
  bind_rect (stmt, 10, note);
  chamber_store_bind_text (stmt, 14, note->quote);
  chamber_store_bind_text (stmt, 15, note->prefix);
  chamber_store_bind_text (stmt, 16, note->suffix);
  chamber_store_bind_text (stmt, 17, note->body);
  chamber_store_bind_text (stmt, 18, color);
  chamber_store_bind_text (stmt, 19, chamber_note_anchor_to_string (note->anchor));
  chamber_store_bind_text (stmt, 20, now);
  if (!chamber_store_step_done (store, stmt, error))
    goto failed;
  if (!chamber_store_commit (store, error))
    return FALSE;

  note->id = sqlite3_last_insert_rowid (chamber_store_get_db (store));
  take_string (&note->color, g_steal_pointer (&color));
  take_string (&note->created_at, g_strdup (now));
  take_string (&note->updated_at, g_steal_pointer (&now));
  return TRUE;

failed:
  chamber_store_rollback (store);
  return FALSE;
}

static gboolean
set_not_found (GError **error,
               gint64   note_id)
{
  g_set_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_NOT_FOUND,
               _("There is no note %lld among your notes. It may have been deleted."),
               (long long) note_id);
  return FALSE;
}

gboolean
chamber_notes_update (ChamberStore *store,
                      ChamberNote  *note,
                      GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *color = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (note != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!validate_color (note->color, error))
    return FALSE;

  if (!chamber_store_begin (store, error))
    return FALSE;
  stmt = chamber_store_prepare (store,
                                "UPDATE notes SET body = ?3, color = ?4, updated_at = ?5"
                                " WHERE id = ?1 AND person_id = ?2",
                                error);
  if (stmt == NULL)
    goto failed;

  now = chamber_store_now_utc ();
  color = note->color != NULL ? g_ascii_strdown (note->color, -1) : NULL;
  sqlite3_bind_int64 (stmt, 1, note->id);
  sqlite3_bind_int64 (stmt, 2, note->person_id);
  chamber_store_bind_text (stmt, 3, note->body);
  chamber_store_bind_text (stmt, 4, color);
  chamber_store_bind_text (stmt, 5, now);
  if (!chamber_store_step_done (store, stmt, error))
    goto failed;
  if (sqlite3_changes (chamber_store_get_db (store)) == 0)
    {
      set_not_found (error, note->id);
      goto failed;
    }
  if (!chamber_store_commit (store, error))
    return FALSE;

  take_string (&note->color, g_steal_pointer (&color));
  take_string (&note->updated_at, g_steal_pointer (&now));
  return TRUE;

failed:
  chamber_store_rollback (store);
  return FALSE;
}

gboolean
chamber_notes_delete (ChamberStore *store,
                      gint64        person_id,
                      gint64        note_id,
                      GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!chamber_store_begin (store, error))
    return FALSE;
  stmt = chamber_store_prepare (store, "DELETE FROM notes WHERE id = ?1 AND person_id = ?2",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (!chamber_store_step_done (store, stmt, error))
    goto failed;
  if (sqlite3_changes (chamber_store_get_db (store)) == 0)
    {
      set_not_found (error, note_id);
      goto failed;
    }
  return chamber_store_commit (store, error);

failed:
  chamber_store_rollback (store);
  return FALSE;
}

ChamberNote *
chamber_notes_get (ChamberStore *store,
                   gint64        person_id,
                   gint64        note_id,
                   GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  gboolean row;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = chamber_store_prepare (store,
                                "SELECT " NOTE_COLUMNS " FROM notes"
                                " WHERE id = ?1 AND person_id = ?2",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, note_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  if (!chamber_store_step_row (store, stmt, &row, error))
    return NULL;
  if (!row)
    {
      set_not_found (error, note_id);
      return NULL;
    }
  return read_note (stmt);
}

/* Every row of @stmt (NOTE_COLUMNS) as notes. */
static GPtrArray *
read_notes (ChamberStore *store,
            sqlite3_stmt *stmt,
            GError      **error)
{
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_note_free);
  gboolean row;

  while (chamber_store_step_row (store, stmt, &row, error))
    {
      if (!row)
        return g_steal_pointer (&notes);
      g_ptr_array_add (notes, read_note (stmt));
    }
  return NULL;
}

GPtrArray *
chamber_notes_list_document (ChamberStore *store,
                             gint64        person_id,
                             gint64        document_id,
                             GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A bookmark or a page note (no rectangle) comes first on its page. */
  stmt = chamber_store_prepare (store,
                                "SELECT " NOTE_COLUMNS " FROM notes"
                                " WHERE person_id = ?1 AND document_id = ?2"
                                " ORDER BY page, coalesce (y1, -1), coalesce (x1, -1), id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, document_id);
  return read_notes (store, stmt, error);
}

typedef struct
{
  ChamberNote *note;
  guint        document_rank;  /* agenda order of its document; G_MAXUINT when not stored */
} SessionEntry;

static int
compare_session_entries (gconstpointer a,
                         gconstpointer b)
{
  const SessionEntry *x = a;
  const SessionEntry *y = b;
  int cmp;

  if (x->document_rank != y->document_rank)
    return x->document_rank < y->document_rank ? -1 : 1;
  if (x->document_rank == G_MAXUINT)
    {
      if ((cmp = g_utf8_collate (x->note->doc_title, y->note->doc_title)) != 0)
        return cmp;
      if (x->note->document_id != y->note->document_id)
        return x->note->document_id < y->note->document_id ? -1 : 1;
    }
  if (x->note->page != y->note->page)
    return x->note->page < y->note->page ? -1 : 1;
  if (x->note->has_rect != y->note->has_rect)
    return x->note->has_rect ? 1 : -1;
  if (x->note->y1 != y->note->y1)
    return x->note->y1 < y->note->y1 ? -1 : 1;
  if (x->note->x1 != y->note->x1)
    return x->note->x1 < y->note->x1 ? -1 : 1;
  return (x->note->id > y->note->id) - (x->note->id < y->note->id);
}

GPtrArray *
chamber_notes_list_session (ChamberStore *store,
                            gint64        person_id,
                            gint64        session_id,
                            GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GHashTable) ranks = NULL;
  g_autoptr (GArray) entries = NULL;
  GPtrArray *sorted;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = chamber_store_prepare (store,
                                "SELECT " NOTE_COLUMNS " FROM notes"
                                " WHERE person_id = ?1 AND session_id = ?2",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, session_id);
  notes = read_notes (store, stmt, error);
  if (notes == NULL)
    return NULL;

  /* Documents in the order the agenda shows them. */
  documents = chamber_store_list_documents (store, session_id, error);
  if (documents == NULL)
    return NULL;
  ranks = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < documents->len; i++)
    {
      ChamberDocument *document = g_ptr_array_index (documents, i);

      g_hash_table_insert (ranks, &document->id, GUINT_TO_POINTER (i + 1));
    }

  entries = g_array_sized_new (FALSE, FALSE, sizeof (SessionEntry), notes->len);
  for (guint i = 0; i < notes->len; i++)
    {
      SessionEntry entry = { g_ptr_array_index (notes, i), G_MAXUINT };
      guint rank = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, &entry.note->document_id));

      if (rank != 0)
        entry.document_rank = rank - 1;
      g_array_append_val (entries, entry);
    }
  g_array_sort (entries, compare_session_entries);

  /* The notes move from @notes to the sorted array. */
  sorted = g_ptr_array_new_full (entries->len, (GDestroyNotify) chamber_note_free);
  g_ptr_array_set_free_func (notes, NULL);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (sorted, g_array_index (entries, SessionEntry, i).note);
  return sorted;
}

/* Carrying notes to a new version */

static gboolean
same_place (const PopplerRectangle *a,
            const ChamberNote      *note)
{
  return note->has_rect && fabs (a->x1 - note->x1) <= SAME_PLACE_PT
         && fabs (a->y1 - note->y1) <= SAME_PLACE_PT && fabs (a->x2 - note->x2) <= SAME_PLACE_PT
         && fabs (a->y2 - note->y2) <= SAME_PLACE_PT;
}

/* Finds @note again in @text and updates its anchor fields (not its document); FALSE when it
 * cannot be placed, leaving them as they were. */
static gboolean
place_note (ChamberNote       *note,
            ChamberAnchorText *text)
{
  int last_page = chamber_anchor_text_get_last_page (text);

  if (note->quote != NULL && *note->quote != '\0')
    {
      PopplerRectangle old_rect = note_rect (note);
      ChamberAnchorPassage passage;
      gboolean same;

      if (!chamber_anchor_text_find (text, note->quote, note->prefix, note->suffix, note->page,
                                     note->has_rect ? &old_rect : NULL, &passage))
        return FALSE;

      /* Placed: the same text at the same place; a text found only folded has changed. */
      same = passage.page == note->page && same_place (&passage.rect, note)
             && passage.match != CHAMBER_ANCHOR_MATCH_FUZZY;
      note->anchor = same ? CHAMBER_NOTE_PLACED : CHAMBER_NOTE_MOVED;
      note->page = passage.page;
      set_rect (note, &passage.rect);
      take_string (&note->quote, chamber_anchor_text_dup_range (text, passage.start, passage.end));
      take_string (&note->prefix, chamber_anchor_text_dup_prefix (text, passage.start));
      take_string (&note->suffix, chamber_anchor_text_dup_suffix (text, passage.end));
      return TRUE;
    }

  /* A bookmark or a page note: the page its opening or closing words are on; without them
   * (or when they are gone) the page of the same number, as moved since its text differs. */
  {
    gboolean has_ends = (note->prefix != NULL && *note->prefix != '\0')
                        || (note->suffix != NULL && *note->suffix != '\0');
    int page;
    char *head, *tail;

    if (has_ends && chamber_anchor_text_find_page (text, note->prefix, note->suffix, note->page,
                                                   &page))
      note->anchor = page == note->page ? CHAMBER_NOTE_PLACED : CHAMBER_NOTE_MOVED;
    else if (note->page <= last_page)
      {
        page = note->page;
        note->anchor = has_ends ? CHAMBER_NOTE_MOVED : CHAMBER_NOTE_PLACED;
      }
    else
      return FALSE;

    note->page = page;
    chamber_anchor_text_dup_page_ends (text, page, &head, &tail);
    if (head != NULL || tail != NULL)
      {
        take_string (&note->prefix, head);
        take_string (&note->suffix, tail);
      }
    return TRUE;
  }
}

static gboolean
write_carried_note (ChamberStore      *store,
                    const ChamberNote *note,
                    gint64             old_document_id,
                    GError           **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;

  stmt = chamber_store_prepare (store,
                                "UPDATE notes SET session_id = ?4, item_id = ?5,"
                                "  document_id = ?6, doc_title = ?7, doc_version = ?8,"
                                "  sha256 = ?9, page = ?10, x1 = ?11, y1 = ?12, x2 = ?13,"
                                "  y2 = ?14, quote = ?15, prefix = ?16, suffix = ?17,"
                                "  anchor = ?18"
                                " WHERE id = ?1 AND person_id = ?2 AND document_id = ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, note->id);
  sqlite3_bind_int64 (stmt, 2, note->person_id);
  sqlite3_bind_int64 (stmt, 3, old_document_id);
  sqlite3_bind_int64 (stmt, 4, note->session_id);
  sqlite3_bind_int64 (stmt, 5, note->item_id);
  sqlite3_bind_int64 (stmt, 6, note->document_id);
  chamber_store_bind_text (stmt, 7, note->doc_title);
  sqlite3_bind_int (stmt, 8, note->doc_version);
  chamber_store_bind_text (stmt, 9, note->sha256);
  sqlite3_bind_int (stmt, 10, note->page);
  bind_rect (stmt, 11, note);
  chamber_store_bind_text (stmt, 15, note->quote);
  chamber_store_bind_text (stmt, 16, note->prefix);
  chamber_store_bind_text (stmt, 17, note->suffix);
  chamber_store_bind_text (stmt, 18, chamber_note_anchor_to_string (note->anchor));
  return chamber_store_step_done (store, stmt, error);
}

GPtrArray *
chamber_notes_carry_to_version (ChamberStore          *store,
                                gint64                 person_id,
                                gint64                 old_document_id,
                                const ChamberDocument *new_document,
                                const char            *new_pdf_path,
                                GCancellable          *cancellable,
                                GError               **error)
{
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GPtrArray) unplaced = NULL;
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (ChamberAnchorText) text = NULL;
  int pages;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);
  g_return_val_if_fail (new_document != NULL, NULL);
  g_return_val_if_fail (new_pdf_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (new_document->id < 1 || new_document->id == old_document_id || new_document->version < 1
      || new_document->session_id < 1 || new_document->item_id < 1
      || new_document->title == NULL || *new_document->title == '\0'
      || !chamber_sha256_is_valid (new_document->sha256))
    {
      set_invalid (error, _("Notes can only be carried to another stored version of their "
                            "document."));
      return NULL;
    }

  notes = chamber_notes_list_document (store, person_id, old_document_id, error);
  if (notes == NULL)
    return NULL;
  unplaced = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_note_free);
  if (notes->len == 0)
    return g_steal_pointer (&unplaced);

  /* Everything that can fail slowly (the PDF, its text) comes before the transaction. */
  document = chamber_pdf_open (new_pdf_path, NULL, error);
  if (document == NULL)
    return NULL;
  /* A file poppler rebuilt from a damaged one may open with pages missing: placing notes in it
   * would leave them unplaced for no reason. */
  pages = poppler_document_get_n_pages (document);
  if (pages < 1)
    {
      g_set_error_literal (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_NO_PAGES,
                           _("The new version of the document has no pages that can be read, "
                             "so your notes stay where they are. Ask for a new copy of the "
                             "file."));
      return NULL;
    }
  if (new_document->pages > 0 && pages != new_document->pages)
    {
      g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_DAMAGED,
                   _("The new version of the document is damaged (its page count, %d, is not the "
                     "published one, %d), so your notes stay where they are. Ask for a new copy "
                     "of the file."),
                   pages, new_document->pages);
      return NULL;
    }
  text = chamber_anchor_text_new_for_document (document, cancellable, error);
  if (text == NULL)
    return NULL;

  for (guint i = 0; i < notes->len; i++)
    {
      ChamberNote *note = g_ptr_array_index (notes, i);

      if (!place_note (note, text))
        {
          /* Kept as it was, on the newest version, so that it is listed with the document and
           * tried again with the next version; its anchor still describes the old content. */
          note->anchor = CHAMBER_NOTE_UNPLACED;
          note->session_id = new_document->session_id;
          note->item_id = new_document->item_id;
          note->document_id = new_document->id;
          note->doc_version = new_document->version;
          take_string (&note->doc_title, g_strdup (new_document->title));
          g_ptr_array_add (unplaced, chamber_note_copy (note));
          continue;
        }
      chamber_note_set_document (note, new_document);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!chamber_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < notes->len; i++)
    if (!write_carried_note (store, g_ptr_array_index (notes, i), old_document_id, error))
      {
        chamber_store_rollback (store);
        return NULL;
      }
  if (!chamber_store_commit (store, error))
    return NULL;

  return g_steal_pointer (&unplaced);
}

typedef struct
{
  gint64 person_id;
  gint64 document_id;
  gint64 item_id;
  char  *doc_title;
  int    doc_version;
} NotedDocument;

static void
noted_document_clear (gpointer data)
{
  NotedDocument *noted = data;

  g_free (noted->doc_title);
}

/* The documents that have notes, per person. */
static GArray *
list_noted_documents (ChamberStore *store,
                      gint64        person_id,
                      GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GArray) noted = g_array_new (FALSE, FALSE, sizeof (NotedDocument));
  gboolean row;

  g_array_set_clear_func (noted, noted_document_clear);
  stmt = chamber_store_prepare (store,
                                "SELECT person_id, document_id, item_id, doc_title,"
                                "  max (doc_version) FROM notes"
                                " WHERE ?1 = 0 OR person_id = ?1"
                                " GROUP BY person_id, document_id"
                                " ORDER BY person_id, document_id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while (chamber_store_step_row (store, stmt, &row, error))
    {
      NotedDocument entry;

      if (!row)
        return g_steal_pointer (&noted);
      entry.person_id = sqlite3_column_int64 (stmt, 0);
      entry.document_id = sqlite3_column_int64 (stmt, 1);
      entry.item_id = sqlite3_column_int64 (stmt, 2);
      entry.doc_title = chamber_store_column_dup (stmt, 3);
      entry.doc_version = sqlite3_column_int (stmt, 4);
      g_array_append_val (noted, entry);
    }
  return NULL;
}

/* The newest version of the document @noted names that is newer than it and held on this
 * laptop (marked held in the store and its file in @blobs), in @out_document; NULL when there is
 * none. */
static gboolean
find_newer_held_version (ChamberStore        *store,
                         ChamberBlobStore    *blobs,
                         const NotedDocument *noted,
                         ChamberDocument    **out_document,
                         GError             **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  gboolean row;
  gint64 id = 0;

  *out_document = NULL;
  stmt = chamber_store_prepare (store,
                                "SELECT d.id, d.sha256 FROM documents d"
                                " JOIN local_blobs b ON b.sha256 = d.sha256"
                                " WHERE d.item_id = ?1 AND d.title = ?2 AND d.version > ?3"
                                " ORDER BY d.version DESC",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, noted->item_id);
  chamber_store_bind_text (stmt, 2, noted->doc_title);
  sqlite3_bind_int (stmt, 3, noted->doc_version);
  while (id == 0)
    {
      if (!chamber_store_step_row (store, stmt, &row, error))
        return FALSE;
      if (!row)
        return TRUE;
      if (chamber_blob_store_has (blobs, (const char *) sqlite3_column_text (stmt, 1)))
        id = sqlite3_column_int64 (stmt, 0);
    }
  g_clear_pointer (&stmt, chamber_store_statement_release);

  *out_document = chamber_store_get_document (store, id, error);
  return *out_document != NULL;
}

gboolean
chamber_notes_carry_forward (ChamberStore     *store,
                             gint64            person_id,
                             ChamberBlobStore *blobs,
                             GPtrArray       **out_unplaced,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr (GArray) noted = NULL;
  g_autoptr (GPtrArray) unplaced = NULL;
  g_autoptr (GError) first_error = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), FALSE);
  g_return_val_if_fail (CHAMBER_IS_BLOB_STORE (blobs), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  noted = list_noted_documents (store, person_id, error);
  if (noted == NULL)
    return FALSE;
  unplaced = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_note_free);

  for (guint i = 0; i < noted->len; i++)
    {
      const NotedDocument *entry = &g_array_index (noted, NotedDocument, i);
      g_autoptr (ChamberDocument) newer = NULL;
      g_autoptr (GPtrArray) carried_unplaced = NULL;
      g_autoptr (GError) local_error = NULL;
      g_autofree char *path = NULL;
      gboolean failed;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      failed = !find_newer_held_version (store, blobs, entry, &newer, &local_error);
      if (newer != NULL)
        {
          path = chamber_blob_store_path (blobs, newer->sha256);
          carried_unplaced = chamber_notes_carry_to_version (store, entry->person_id,
                                                             entry->document_id, newer, path,
                                                             cancellable, &local_error);
          failed = carried_unplaced == NULL;
        }

      if (failed)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
          continue;
        }
      if (carried_unplaced != NULL)
        g_ptr_array_extend_and_steal (unplaced, g_steal_pointer (&carried_unplaced));
    }

  if (out_unplaced != NULL)
    *out_unplaced = g_steal_pointer (&unplaced);
  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}

/* Export as PDF annotations */

static PopplerColor
parse_color (const char *color,
             const char *fallback)
{
  PopplerColor result = { 0, 0, 0 };
  guint16 *channels[] = { &result.red, &result.green, &result.blue };

  if (!is_color (color))
    color = fallback;
  for (int i = 0; i < 3; i++)
    {
      int value = g_ascii_xdigit_value (color[1 + 2 * i]) * 16
                  + g_ascii_xdigit_value (color[2 + 2 * i]);

      *channels[i] = (guint16) (value * 257);
    }
  return result;
}

/* Annotations take PDF coordinates: origin bottom-left, y upwards. */
static PopplerRectangle
to_pdf_rect (const PopplerRectangle *rect,
             double                  page_height)
{
  PopplerRectangle pdf = { rect->x1, page_height - rect->y2, rect->x2, page_height - rect->y1 };

  return pdf;
}

static PopplerAnnot *
make_highlight (PopplerDocument   *document,
                PopplerPage       *page,
                const ChamberNote *note,
                double             page_height)
{
  g_autoptr (GArray) lines = chamber_note_get_line_rects (note, page);
  g_autoptr (GArray) quads = g_array_sized_new (FALSE, FALSE, sizeof (PopplerQuadrilateral),
                                                lines->len);
  PopplerRectangle bounds = { 0, 0, 0, 0 };
  PopplerRectangle pdf_bounds;
  PopplerAnnot *annot;
  PopplerColor color;

  for (guint i = 0; i < lines->len; i++)
    {
      const PopplerRectangle *line = &g_array_index (lines, PopplerRectangle, i);
      PopplerQuadrilateral quad;

      /* Top-left, top-right, bottom-left, bottom-right, as PDF readers expect them. */
      quad.p1.x = line->x1;
      quad.p1.y = page_height - line->y1;
      quad.p2.x = line->x2;
      quad.p2.y = page_height - line->y1;
      quad.p3.x = line->x1;
      quad.p3.y = page_height - line->y2;
      quad.p4.x = line->x2;
      quad.p4.y = page_height - line->y2;
      g_array_append_val (quads, quad);

      if (i == 0)
        bounds = *line;
      bounds.x1 = MIN (bounds.x1, line->x1);
      bounds.y1 = MIN (bounds.y1, line->y1);
      bounds.x2 = MAX (bounds.x2, line->x2);
      bounds.y2 = MAX (bounds.y2, line->y2);
    }

  pdf_bounds = to_pdf_rect (&bounds, page_height);
  annot = poppler_annot_text_markup_new_highlight (document, &pdf_bounds, quads);
  color = parse_color (note->color, CHAMBER_NOTE_DEFAULT_HIGHLIGHT_COLOR);
  poppler_annot_set_color (annot, &color);
  poppler_annot_set_flags (annot, POPPLER_ANNOT_FLAG_PRINT);
  if (note->body != NULL && *note->body != '\0')
    poppler_annot_set_contents (annot, note->body);
  return annot;
}

/* A sticky note in the margin beside its passage, or in the page's top right corner (the
 * @corner_slot-th one there, going down). */
static PopplerAnnot *
make_sticky_note (PopplerDocument   *document,
                  const ChamberNote *note,
                  double             page_width,
                  double             page_height,
                  int                corner_slot)
{
  PopplerRectangle icon;
  PopplerRectangle pdf_icon;
  PopplerAnnot *annot;
  PopplerColor color;
  const char *contents = note->body;

  if (note->kind == CHAMBER_NOTE_NOTE && note->has_rect)
    {
      /* In the right margin, level with the passage's first line, where it hides no text. */
      icon.x1 = MAX (note->x2 + 2, page_width - ICON_PT - MARGIN_PT);
      icon.x1 = MIN (icon.x1, page_width - ICON_PT);
      icon.y1 = MIN (note->y1, page_height - ICON_PT - MARGIN_PT);
    }
  else
    {
      icon.x1 = page_width - ICON_PT - MARGIN_PT;
      icon.y1 = MARGIN_PT + corner_slot * (ICON_PT + MARGIN_PT / 2);
    }
  icon.x1 = MAX (icon.x1, 0);
  icon.y1 = MAX (icon.y1, 0);
  icon.x2 = icon.x1 + ICON_PT;
  icon.y2 = icon.y1 + ICON_PT;

  pdf_icon = to_pdf_rect (&icon, page_height);
  annot = poppler_annot_text_new (document, &pdf_icon);
  poppler_annot_text_set_icon (POPPLER_ANNOT_TEXT (annot),
                               note->kind == CHAMBER_NOTE_BOOKMARK ? POPPLER_ANNOT_TEXT_ICON_KEY
                                                                   : POPPLER_ANNOT_TEXT_ICON_NOTE);
  color = parse_color (note->color, CHAMBER_NOTE_DEFAULT_NOTE_COLOR);
  poppler_annot_set_color (annot, &color);
  poppler_annot_set_flags (annot, POPPLER_ANNOT_FLAG_PRINT | POPPLER_ANNOT_FLAG_NO_ZOOM
                                    | POPPLER_ANNOT_FLAG_NO_ROTATE);
  if (note->kind == CHAMBER_NOTE_BOOKMARK && (contents == NULL || *contents == '\0'))
    contents = _("Bookmark");
  poppler_annot_set_contents (annot, contents != NULL ? contents : "");
  return annot;
}

static gboolean
set_export_error (GError    **error,
                  const char *output_path,
                  const char *reason)
{
  g_set_error (error, CHAMBER_NOTES_ERROR, CHAMBER_NOTES_ERROR_EXPORT,
               _("Cannot write the copy with your notes to “%s” (%s). Check that the folder "
                 "exists, that you may write to it and that there is space on the disk."),
               output_path, reason);
  return FALSE;
}

/* Saves @document to a temporary file beside @output_path, then renames it into place. */
static gboolean
save_document (PopplerDocument *document,
               const char      *output_path,
               GError         **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *absolute = g_canonicalize_filename (output_path, NULL);
  g_autofree char *temp_path = g_strconcat (absolute, ".XXXXXX", NULL);
  g_autofree char *uri = NULL;
  int fd;

  fd = g_mkstemp (temp_path);
  if (fd < 0)
    return set_export_error (error, output_path, g_strerror (errno));
  close (fd);

  uri = g_filename_to_uri (temp_path, NULL, &local_error);
  if (uri == NULL || !poppler_document_save (document, uri, &local_error))
    {
      g_unlink (temp_path);
      return set_export_error (error, output_path, local_error->message);
    }
  if (g_rename (temp_path, absolute) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      return set_export_error (error, output_path, g_strerror (saved_errno));
    }
  return TRUE;
}

gboolean
chamber_notes_export_pdf (const char *source_path,
                          GPtrArray  *notes,
                          const char *output_path,
                          GError    **error)
{
  g_autoptr (PopplerDocument) document = NULL;
  g_autofree int *corner_slots = NULL;
  int pages;

  g_return_val_if_fail (source_path != NULL, FALSE);
  g_return_val_if_fail (notes != NULL, FALSE);
  g_return_val_if_fail (output_path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = chamber_pdf_open (source_path, NULL, error);
  if (document == NULL)
    return FALSE;
  pages = poppler_document_get_n_pages (document);
  corner_slots = g_new0 (int, MAX (pages, 1));

  for (guint i = 0; i < notes->len; i++)
    {
      const ChamberNote *note = g_ptr_array_index (notes, i);
      g_autoptr (PopplerPage) page = NULL;
      g_autoptr (PopplerAnnot) annot = NULL;
      double width, height;

      if (note->anchor == CHAMBER_NOTE_UNPLACED)
        continue;
      if (note->page < 1 || note->page > pages)
        return set_invalid (error,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "A note is on page %d, but the document has %d page: "
                                         "the notes are not of this document.",
                                         "A note is on page %d, but the document has %d pages: "
                                         "the notes are not of this document.",
                                         pages),
                            note->page, pages);

      page = poppler_document_get_page (document, note->page - 1);
      if (page == NULL)
        {
          g_set_error (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_DAMAGED,
                       _("The document is damaged (page %d cannot be read). Ask for a new copy "
                         "of the file."),
                       note->page);
          return FALSE;
        }
      poppler_page_get_size (page, &width, &height);

      if (note->kind == CHAMBER_NOTE_HIGHLIGHT)
        annot = make_highlight (document, page, note, height);
      else
        {
          gboolean in_corner = note->kind == CHAMBER_NOTE_BOOKMARK || !note->has_rect;

          annot = make_sticky_note (document, note, width, height,
                                    in_corner ? corner_slots[note->page - 1]++ : 0);
        }
      poppler_page_add_annot (page, annot);
    }

  return save_document (document, output_path, error);
}
