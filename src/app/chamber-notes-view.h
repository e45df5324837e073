/* chamber-notes-view.h — “My Notes”: a person's private notes on the documents of one session.
 *
 * Grouped by document in agenda order; each row shows the kind, the quoted passage or the
 * note's text, and the page. Activating a row emits ::note-activated. Notes that could not be
 * placed in a document's new version are listed in a group of their own at the end, never
 * hidden. Each document's group offers “Export with My Notes…”: a save dialog, then a copy of
 * the PDF with the notes as annotations written by a worker thread, and a toast with its path.
 *
 * After a sync, chamber_notes_view_carry_forward() moves the person's notes to the new
 * versions that arrived (on a worker with its own store connection) and says how many moved and
 * how many could not be placed. Listing the notes is one small query on the UI thread's
 * store. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-blob-store.h"
#include "chamber-notes.h"
#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_NOTES_VIEW (chamber_notes_view_get_type ())
G_DECLARE_FINAL_TYPE (ChamberNotesView, chamber_notes_view, CHAMBER, NOTES_VIEW, GtkWidget)

/* Signals:
 *
 * ::note-activated (ChamberNotesView *view, gint64 note_id, gint64 document_id, int page,
 *   double top) — open document @document_id at @page (from 1), @top points from the page's
 *   top (-1 for the top), and show note @note_id.
 * ::notes-changed (ChamberNotesView *view) — notes moved to new versions of their documents. */

GtkWidget         *chamber_notes_view_new (void);

/* The local mirror (@store used on this thread; for workers, only its file and @blobs' folder),
 * the person whose notes show and the session; a NULL store, a person 0 (not known yet) or a
 * session 0 shows none. */
void               chamber_notes_view_set_context (ChamberNotesView *self,
                                                   ChamberStore     *store,
                                                   ChamberBlobStore *blobs,
                                                   gint64            person_id,
                                                   gint64            session_id);
/* Lists the notes again. */
void               chamber_notes_view_reload (ChamberNotesView *self);

/* Asks where to save a copy of document @document_id with the person's notes, then writes it. */
void               chamber_notes_view_export (ChamberNotesView *self, gint64 document_id);
/* What the save dialog's answer does: writes the copy to @path on a worker, then a toast. */
void               chamber_notes_view_export_to (ChamberNotesView *self, gint64 document_id,
                                                 const char *path);

/* Carries the person's notes to the newest versions held (chamber_notes_carry_forward()), on a
 * worker; a toast tells what moved. */
void               chamber_notes_view_carry_forward (ChamberNotesView *self);

/* For the UI tests. The rows shown, in order: each row's note and the title of its group. */
guint              chamber_notes_view_get_n_rows (ChamberNotesView *self);
const ChamberNote *chamber_notes_view_get_row_note (ChamberNotesView *self, guint index);
const char        *chamber_notes_view_get_row_group (ChamberNotesView *self, guint index);
GtkListBox        *chamber_notes_view_get_list (ChamberNotesView *self);
/* Exports and carries that ended (well or not), and the path of the last copy written. */
guint              chamber_notes_view_get_exports_completed (ChamberNotesView *self);
const char        *chamber_notes_view_get_last_export (ChamberNotesView *self);
guint              chamber_notes_view_get_carries_completed (ChamberNotesView *self);
/* TRUE while notes are being carried to new versions (one more run may follow). */
gboolean           chamber_notes_view_get_carrying (ChamberNotesView *self);
/* The last toast's text (what the last export, carry or failure said), or NULL. */
const char        *chamber_notes_view_get_last_message (ChamberNotesView *self);

G_END_DECLS
