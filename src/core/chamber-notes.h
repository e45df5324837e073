/* chamber-notes.h — a person's private notes on documents: highlights, notes and bookmarks,
 * kept in the local store (table `notes`, schema 4), carried to new versions of a document,
 * and exported as real PDF annotations.
 *
 * A note is anchored twice: by position (page and rectangle) and by its text (the quoted
 * passage with some context before and after it, or for a bookmark or a whole-page note the
 * opening and closing words of its page). When a newer version of the document arrives, the
 * text finds the passage again (see chamber-anchor.h) and the position is computed anew; a note
 * whose text is gone is kept as it was and marked unplaced, never dropped.
 *
 * Error domains: CHAMBER_NOTES_ERROR (below), CHAMBER_STORE_ERROR for the database and
 * CHAMBER_PDF_ERROR for a document that cannot be opened. Functions that take a ChamberStore
 * run on the store's thread; functions that take a PopplerPage run where its document lives
 * (the render worker in the app). */
#pragma once

#include <gio/gio.h>
#include <poppler.h>

#include "chamber-blob-store.h"
#include "chamber-model.h"
#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_NOTES_ERROR (chamber_notes_error_quark ())

typedef enum {
  CHAMBER_NOTES_ERROR_INVALID,    /* a note that breaks a rule (no page, a highlight without a
                                   * quote, a colour that is not #rrggbb, …) */
  CHAMBER_NOTES_ERROR_NOT_FOUND,  /* no note with that id for that person */
  CHAMBER_NOTES_ERROR_NO_TEXT,    /* the selection holds no text to highlight */
  CHAMBER_NOTES_ERROR_EXPORT,     /* the exported copy cannot be written */
} ChamberNotesError;

GQuark chamber_notes_error_quark (void);

typedef enum {
  CHAMBER_NOTE_HIGHLIGHT,  /* a highlighted passage, maybe with a note */
  CHAMBER_NOTE_NOTE,       /* a note on a passage (quote set) or on a whole page */
  CHAMBER_NOTE_BOOKMARK,   /* a page to come back to */
  CHAMBER_N_NOTE_KINDS
} ChamberNoteKind;

typedef enum {
  CHAMBER_NOTE_PLACED,    /* where it was made, or found at the same place in a new version */
  CHAMBER_NOTE_MOVED,     /* carried to another page or position of a new version */
  CHAMBER_NOTE_UNPLACED,  /* its text is not in the document's newest version; page, rect and
                           * quote still describe the version with hash sha256 */
  CHAMBER_N_NOTE_ANCHORS
} ChamberNoteAnchor;

/* "highlight", "note", "bookmark" */
const char *chamber_note_kind_to_string (ChamberNoteKind kind);
gboolean    chamber_note_kind_from_string (const char *str, ChamberNoteKind *out);
/* "placed", "moved", "unplaced" */
const char *chamber_note_anchor_to_string (ChamberNoteAnchor anchor);
gboolean    chamber_note_anchor_from_string (const char *str, ChamberNoteAnchor *out);

/* Colours given as NULL are these. */
#define CHAMBER_NOTE_DEFAULT_HIGHLIGHT_COLOR "#fce94f"
#define CHAMBER_NOTE_DEFAULT_NOTE_COLOR      "#f5c211"

typedef struct {
  gint64            id;
  gint64            person_id;
  gint64            session_id;
  gint64            item_id;
  gint64            document_id;  /* the document (version) the note belongs to */
  char             *doc_title;
  int               doc_version;  /* that document's version */
  char              sha256[CHAMBER_SHA256_HEX_LEN + 1];  /* the content that page, rect and
                                                          * quote describe */
  ChamberNoteKind   kind;
  int               page;         /* 1-based */
  gboolean          has_rect;     /* FALSE for a bookmark or a whole-page note */
  double            x1, y1, x2, y2;  /* points, origin top-left (poppler's text layout) */
  char             *quote;        /* the passage as on the page; NULL for a bookmark or a page */
  char             *prefix;       /* context before the quote (for a bookmark or a page note:
                                   * the page's opening words); may be NULL */
  char             *suffix;       /* context after it (or the page's closing words) */
  char             *body;         /* the note's text, or NULL */
  char             *color;        /* "#rrggbb", or NULL for the default of its kind */
  ChamberNoteAnchor anchor;
  char             *created_at;   /* ISO 8601 UTC, set by the store */
  char             *updated_at;   /* last change of body or colour */
} ChamberNote;

ChamberNote *chamber_note_new (void);
ChamberNote *chamber_note_copy (const ChamberNote *note);
void         chamber_note_free (ChamberNote *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberNote, chamber_note_free)

/* Sets session, item, document, title, version and sha256 from @document. */
void chamber_note_set_document (ChamberNote *note, const ChamberDocument *document);

/* Anchors @note on a text selection of @page: @selection holds the selection's start and end
 * points in points, origin top-left, as for poppler_page_get_selected_text() with
 * POPPLER_SELECTION_GLYPH. Fills page, rect, quote, prefix and suffix. NO_TEXT when the
 * selection holds no text. */
gboolean chamber_note_anchor_from_selection (ChamberNote            *note,
                                             PopplerPage            *page,
                                             const PopplerRectangle *selection,
                                             GError                **error);
/* Anchors a bookmark or a whole-page note on @page: fills page and the page's opening and
 * closing words (prefix, suffix); clears rect and quote. */
void     chamber_note_anchor_to_page (ChamberNote *note, PopplerPage *page);
/* The boxes a highlight covers on @page, line by line (element type PopplerRectangle, origin
 * top-left), for drawing it; the note's rect alone when its quote is not found there. Empty
 * for a note without rect. */
GArray  *chamber_note_get_line_rects (const ChamberNote *note, PopplerPage *page);

/* The store, per person. add() validates, assigns id, created_at and updated_at, and anchor
 * PLACED unless set. */
gboolean     chamber_notes_add (ChamberStore *store, ChamberNote *note, GError **error);
/* Writes @note's body and colour (the other fields of a stored note do not change) and sets
 * its updated_at. NOT_FOUND unless note->id is a note of note->person_id. */
gboolean     chamber_notes_update (ChamberStore *store, ChamberNote *note, GError **error);
gboolean     chamber_notes_delete (ChamberStore *store, gint64 person_id, gint64 note_id,
                                   GError **error);
ChamberNote *chamber_notes_get (ChamberStore *store, gint64 person_id, gint64 note_id,
                                GError **error);
/* Element type ChamberNote: by page, then from the top of the page down. */
GPtrArray   *chamber_notes_list_document (ChamberStore *store, gint64 person_id,
                                          gint64 document_id, GError **error);
/* Element type ChamberNote: by document in agenda order (as chamber_store_list_documents()),
 * notes on documents no longer in the store last by title; then by page and position. */
GPtrArray   *chamber_notes_list_session (ChamberStore *store, gint64 person_id,
                                         gint64 session_id, GError **error);

/* Carries @person_id's notes on document @old_document_id to @new_document, whose PDF is at
 * @new_pdf_path, in one transaction: each note is found again by its text and gets the new
 * page and rect, the new document and hash, and anchor PLACED (same page and position) or MOVED.
 * A note that cannot be placed keeps page, rect, quote and sha256 of the version it was last
 * placed on, moves to @new_document with anchor UNPLACED, and is returned. Returns the
 * unplaced notes (maybe none), or NULL with @error set, in which case nothing changed (a
 * damaged new version is a CHAMBER_PDF_ERROR). */
GPtrArray *chamber_notes_carry_to_version (ChamberStore          *store,
                                           gint64                 person_id,
                                           gint64                 old_document_id,
                                           const ChamberDocument *new_document,
                                           const char            *new_pdf_path,
                                           GCancellable          *cancellable,
                                           GError               **error);

/* For every document with notes (of @person_id, or of everyone when it is 0): the newest
 * version held in @blobs (same item and title, a higher version, a blob marked held in the
 * store), and carries the notes to it. Meant to run after a sync, on the sync's thread. A
 * version that fails (damaged) leaves its notes as they were and the others are still carried;
 * the first failure is returned in @error. @out_unplaced (may be NULL) gets the notes that
 * could not be placed (element type ChamberNote). */
gboolean chamber_notes_carry_forward (ChamberStore     *store,
                                      gint64            person_id,
                                      ChamberBlobStore *blobs,
                                      GPtrArray       **out_unplaced,
                                      GCancellable     *cancellable,
                                      GError          **error);

/* Writes a copy of the PDF at @source_path to @output_path (through a temporary file renamed
 * into place) with @notes (element type ChamberNote, all on that document) as annotations any
 * PDF reader shows: a highlight as a Highlight annotation over its lines, with the body as its
 * contents; a note as a Text (sticky note) annotation in the right margin beside its passage,
 * or in the page's top right corner; a bookmark as a Text annotation with the Key icon in that
 * corner (poppler-glib cannot write outline entries). Unplaced notes are left out: their positions belong to
 * another version. */
gboolean chamber_notes_export_pdf (const char *source_path, GPtrArray *notes,
                                   const char *output_path, GError **error);

G_END_DECLS
