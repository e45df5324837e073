/* chamber-desk-petitions.h — the desk's Petitions page (Kiến nghị cử tri): the voters'
 * petitions filtered by status, agency, field and text (compared without case or diacritics,
 * as the server does); a petition's content, meeting, agency, status history, answer and its
 * "raised again" links; changing its status (with a note and the answer's text) and attaching
 * the answer PDF; and importing a CSV file: the server's dry run is shown first, each row with
 * its problems and the earlier petitions it raises again, and Import saves the valid rows
 * only. Every change goes to chamberd and the page shows its answer, or its refusal. */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "chamber-connection.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_DESK_PETITIONS (chamber_desk_petitions_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDeskPetitions, chamber_desk_petitions, CHAMBER, DESK_PETITIONS,
                      GtkWidget)

GtkWidget *chamber_desk_petitions_new (const ChamberConnection *connection);
void       chamber_desk_petitions_reload (ChamberDeskPetitions *self);

/* What the controls do, also for the tests. @status a status key or NULL for any; @agency,
 * @field and @text NULL or empty for any. */
void       chamber_desk_petitions_set_filter (ChamberDeskPetitions *self, const char *status,
                                              const char *agency, const char *field,
                                              const char *text);
gboolean   chamber_desk_petitions_select (ChamberDeskPetitions *self, gint64 id);
/* Changes the selected petition's status; @note and @answer (its text) may be NULL. */
void       chamber_desk_petitions_change_status (ChamberDeskPetitions *self, const char *status,
                                                 const char *note, const char *answer);
void       chamber_desk_petitions_attach_answer (ChamberDeskPetitions *self, GFile *pdf);
/* Sends @csv for the dry run; the preview window opens with its answer. */
void       chamber_desk_petitions_import (ChamberDeskPetitions *self, GFile *csv);
/* The preview's "Import" button: saves the valid rows of the file previewed. */
void       chamber_desk_petitions_confirm_import (ChamberDeskPetitions *self);

/* Opens the New Petition window (chamber-petition-entry.h); once it saved a petition the list
 * is loaded again with that petition selected. */
GtkWindow  *chamber_desk_petitions_new_petition (ChamberDeskPetitions *self);

/* Links the selected petition to an agenda item ("item"), a turn or a commitment ("turn",
 * "commitment", with the @session they were recorded in), or removes such a link. */
void        chamber_desk_petitions_add_link (ChamberDeskPetitions *self, const char *kind,
                                             gint64 target, gint64 session);
void        chamber_desk_petitions_remove_link (ChamberDeskPetitions *self, const char *kind,
                                                gint64 target, gint64 session);
/* The links of the selected petition as last read from the server. */
guint       chamber_desk_petitions_get_n_links (ChamberDeskPetitions *self);
/* Opens the selected petition's answer PDF in Chamber's viewer (chamber-petition-file.h). */
void        chamber_desk_petitions_open_answer (ChamberDeskPetitions *self);
/* The viewer window of the last answer opened, while it is open (for the tests). */
GtkWindow  *chamber_desk_petitions_get_answer_window (ChamberDeskPetitions *self);

/* For the tests. */
guint       chamber_desk_petitions_get_loads (ChamberDeskPetitions *self);
guint       chamber_desk_petitions_get_pending (ChamberDeskPetitions *self);
const char *chamber_desk_petitions_get_error (ChamberDeskPetitions *self);
const char *chamber_desk_petitions_get_message (ChamberDeskPetitions *self);
guint       chamber_desk_petitions_get_n_rows (ChamberDeskPetitions *self);
gint64      chamber_desk_petitions_get_row_id (ChamberDeskPetitions *self, guint index);
/* The selected petition as last read from the server (with its history), or NULL. */
JsonObject *chamber_desk_petitions_get_detail (ChamberDeskPetitions *self);
/* The preview window while it is open (NULL otherwise), the dry run's answer, and the
 * problems shown for the file's line @line ("" when none; NULL when that line is not shown). */
GtkWindow  *chamber_desk_petitions_get_preview (ChamberDeskPetitions *self);
JsonObject *chamber_desk_petitions_get_preview_answer (ChamberDeskPetitions *self);
const char *chamber_desk_petitions_get_preview_problems (ChamberDeskPetitions *self, gint64 line);
/* The Import button of the preview: its label and whether it can be pressed. */
GtkButton  *chamber_desk_petitions_get_import_button (ChamberDeskPetitions *self);

G_END_DECLS
