/* chamber-desk-commitments.h — the desk's Commitments page (Theo dõi cam kết): the commitments
 * officials made in questioning, the overdue and due soon first; a commitment's history of
 * status updates; a new update with a note and evidence (a PDF, PNG or JPEG the person
 * chooses); and "Carry into session…", which puts the commitments still open into the agenda
 * of the session selected on the Sessions page. Every change goes to chamberd and the page
 * shows its answer, or its refusal. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-connection.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_DESK_COMMITMENTS (chamber_desk_commitments_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDeskCommitments, chamber_desk_commitments, CHAMBER,
                      DESK_COMMITMENTS, GtkWidget)

/* @connection is copied. */
GtkWidget *chamber_desk_commitments_new (const ChamberConnection *connection);
/* The session "Carry into session…" carries into (0: none). */
void       chamber_desk_commitments_set_session (ChamberDeskCommitments *self, gint64 session_id);
void       chamber_desk_commitments_reload (ChamberDeskCommitments *self);

/* What the controls do, also for the tests. Selects commitment @id (FALSE when not listed). */
gboolean   chamber_desk_commitments_select (ChamberDeskCommitments *self, gint64 id);
/* Fills the update form: @status "open", "in-progress" or "done"; @evidence may be NULL. */
void       chamber_desk_commitments_set_update (ChamberDeskCommitments *self, const char *status,
                                                const char *note, GFile *evidence);
/* Sends the update of the selected commitment. */
void       chamber_desk_commitments_record_update (ChamberDeskCommitments *self);
void       chamber_desk_commitments_carry (ChamberDeskCommitments *self);

/* For the tests: answers read, requests under way, the error shown (NULL: none), the rows in
 * order and the selected commitment's history, and what the last carry said. */
guint       chamber_desk_commitments_get_loads (ChamberDeskCommitments *self);
guint       chamber_desk_commitments_get_pending (ChamberDeskCommitments *self);
const char *chamber_desk_commitments_get_error (ChamberDeskCommitments *self);
guint       chamber_desk_commitments_get_n_rows (ChamberDeskCommitments *self);
gint64      chamber_desk_commitments_get_row_id (ChamberDeskCommitments *self, guint index);
const char *chamber_desk_commitments_get_row_status (ChamberDeskCommitments *self, guint index);
guint       chamber_desk_commitments_get_n_updates (ChamberDeskCommitments *self);
const char *chamber_desk_commitments_get_message (ChamberDeskCommitments *self);

G_END_DECLS
