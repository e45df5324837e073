/* chamber-note-popover.h — writes or changes one private note: its text, its colour, Delete.
 *
 * Shows a copy of a ChamberNote: the quoted passage (or the page, for a bookmark or a note on a
 * page), a text view for the note's text and a row of colours (yellow, the default of a
 * highlight, orange, green, blue and purple). For a note not stored yet (“Add Note…”) the button
 * is Save, active once the note says something; for a stored one, Done and Delete. Saving emits
 * ::saved — and closing after a change saves too, so nothing typed is lost to a click
 * elsewhere; Delete emits ::delete-requested. The owner writes the store. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-notes.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_NOTE_POPOVER (chamber_note_popover_get_type ())
G_DECLARE_FINAL_TYPE (ChamberNotePopover, chamber_note_popover, CHAMBER, NOTE_POPOVER,
                      GtkPopover)

/* Signals:
 *
 * ::saved (ChamberNotePopover *popover) — chamber_note_popover_get_note() holds the text and
 *   colour to store.
 * ::delete-requested (ChamberNotePopover *popover) — the person chose Delete. */

GtkWidget         *chamber_note_popover_new (void);

/* Shows a copy of @note; @is_new for a note not stored yet. */
void               chamber_note_popover_set_note (ChamberNotePopover *self,
                                                  const ChamberNote  *note,
                                                  gboolean            is_new);
/* The note with the text and colour as they are in the popover now. */
const ChamberNote *chamber_note_popover_get_note (ChamberNotePopover *self);
gboolean           chamber_note_popover_get_is_new (ChamberNotePopover *self);

/* @text (a quoted passage) with its line breaks and runs of blanks as single spaces, for
 * showing it in a line of text. */
char              *chamber_note_dup_display_text (const char *text);

/* What typing in the text view and clicking a colour do (for the UI tests too). */
void               chamber_note_popover_set_body (ChamberNotePopover *self, const char *body);
void               chamber_note_popover_set_color (ChamberNotePopover *self, const char *color);

G_END_DECLS
