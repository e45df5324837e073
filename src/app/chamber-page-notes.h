/* chamber-page-notes.h — the person's private notes on the open document, over its pages.
 *
 * A layer laid over a ChamberDocumentView (in a GtkOverlay) that draws the notes of the
 * document open there: each highlight in its colour over the lines it covers, a note mark beside
 * each passage or page that has a note, a ribbon on each bookmarked page. It takes no pointer
 * input itself: clicks reach the pages beneath, and a click on a highlight, mark or ribbon
 * opens that note in a ChamberNotePopover (text, colour, Delete). After text is selected, a
 * small popover offers Highlight, Add Note… and Copy; a right click offers the same and the
 * bookmark. Ctrl+D bookmarks the current page, or removes its bookmark.
 *
 * Anchoring a new note on the selection and computing the boxes each highlight covers need the
 * PDF's text: a worker thread opens the file with poppler on its own (another PopplerDocument
 * than the viewer's) so that neither the UI thread nor the viewer's render worker waits. The
 * store is written on the UI thread (one small statement per change).
 *
 * Actions (group "notes", also for a toolbar outside the layer, see
 * chamber_page_notes_get_actions()): notes.highlight, notes.add-note, notes.toggle-bookmark
 * (stateful: whether the current page is bookmarked), notes.export. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-document-view.h"
#include "chamber-note-popover.h"
#include "chamber-notes.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_PAGE_NOTES (chamber_page_notes_get_type ())
G_DECLARE_FINAL_TYPE (ChamberPageNotes, chamber_page_notes, CHAMBER, PAGE_NOTES, GtkWidget)

/* Signals:
 *
 * ::notes-changed (ChamberPageNotes *notes) — a note of the document was added, changed or
 *   deleted here.
 * ::export-requested (ChamberPageNotes *notes, gint64 document_id) — “Export with My Notes…”
 *   was chosen for the document shown. */

GtkWidget             *chamber_page_notes_new (void);

/* The view whose pages the notes are drawn on (the "document-view" property, set once). */
void                   chamber_page_notes_set_document_view (ChamberPageNotes    *self,
                                                             ChamberDocumentView *view);
/* The document whose notes show: a document of @store whose PDF is at @path, and the person
 * whose notes they are. They show while the view has that very file open (see
 * chamber_page_notes_set_open_file()). A NULL @document, or a @person_id of 0 (not known yet),
 * shows none and disables the actions. */
void                   chamber_page_notes_set_document (ChamberPageNotes      *self,
                                                        ChamberStore          *store,
                                                        gint64                 person_id,
                                                        const ChamberDocument *document,
                                                        const char            *path);
/* The file the view has open (@password when it is protected), or NULL while it has none: told
 * by the viewer, so that notes never show on another file than theirs. */
void                   chamber_page_notes_set_open_file (ChamberPageNotes *self,
                                                         const char       *path,
                                                         const char       *password);
/* TRUE while notes show (the "active" property): a document is set, with a person, and open. */
gboolean               chamber_page_notes_get_active (ChamberPageNotes *self);
const ChamberDocument *chamber_page_notes_get_document (ChamberPageNotes *self);
/* Reads the document's notes again (after they changed elsewhere, or moved to a new version). */
void                   chamber_page_notes_reload (ChamberPageNotes *self);
GActionGroup          *chamber_page_notes_get_actions (ChamberPageNotes *self);

/* Opens the popover of note @note_id as a click on it does; FALSE when it is not on a page
 * laid out now. */
gboolean               chamber_page_notes_show_note (ChamberPageNotes *self, gint64 note_id);

/* For the UI tests. The notes of the document, by page then from the top. */
guint                  chamber_page_notes_get_n_notes (ChamberPageNotes *self);
const ChamberNote     *chamber_page_notes_get_note (ChamberPageNotes *self, guint index);
/* TRUE while a worker anchors a note or computes the boxes of the highlights. */
gboolean               chamber_page_notes_get_busy (ChamberPageNotes *self);
/* Where note @note_id is drawn, in the layer's coordinates: the union of a highlight's boxes,
 * or the mark or ribbon. FALSE when it is not drawn now (its page is not laid out, its boxes
 * have not arrived, or it could not be placed). */
gboolean               chamber_page_notes_get_note_bounds (ChamberPageNotes *self,
                                                           gint64            note_id,
                                                           graphene_rect_t  *out_bounds);
/* Whether @page (from 1) has a bookmark. */
gboolean               chamber_page_notes_is_bookmarked (ChamberPageNotes *self, int page);
ChamberNotePopover    *chamber_page_notes_get_note_popover (ChamberPageNotes *self);
/* The popover offered after a selection (Highlight, Add Note…, Copy). */
GtkPopover            *chamber_page_notes_get_selection_popover (ChamberPageNotes *self);

G_END_DECLS
