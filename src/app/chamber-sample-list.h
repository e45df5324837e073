/* chamber-sample-list.h — the petitions drawn for supervision (GET /api/v1/supervision/samples),
 * one row each with its position, stratum, assignee and finding, and under the list the
 * selected sample's petition and the forms to assign it to a committee or delegate group (for
 * the secretariat) and to record a finding with a note and evidence. Used by the desk's
 * Supervision page and by the committees' and delegate groups' Supervision window. Every change
 * goes to chamberd and the list shows its answer, or its refusal. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-connection.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_SAMPLE_LIST (chamber_sample_list_get_type ())
G_DECLARE_FINAL_TYPE (ChamberSampleList, chamber_sample_list, CHAMBER, SAMPLE_LIST, GtkWidget)

/* @connection is copied; @can_assign shows the assignment form. "changed" is emitted when the
 * server accepted an assignment or a finding. */
GtkWidget *chamber_sample_list_new (const ChamberConnection *connection, gboolean can_assign);
/* Shows the samples of draw @draw_id (0: every draw the server shows this person). */
void       chamber_sample_list_set_draw (ChamberSampleList *self, gint64 draw_id);
void       chamber_sample_list_reload (ChamberSampleList *self);

/* What the controls do, also for the tests. */
gboolean   chamber_sample_list_select (ChamberSampleList *self, gint64 sample_id);
void       chamber_sample_list_assign (ChamberSampleList *self, const char *assignee);
/* @result "confirmed", "partly" or "not-resolved"; @evidence may be NULL. */
void       chamber_sample_list_record_finding (ChamberSampleList *self, const char *result,
                                               const char *note, GFile *evidence);

/* For the tests: answers read, requests under way, the error shown (NULL: none), the rows:
 * sample id, petition id, assignee and the finding's result (NULL: none). */
guint       chamber_sample_list_get_loads (ChamberSampleList *self);
guint       chamber_sample_list_get_pending (ChamberSampleList *self);
const char *chamber_sample_list_get_error (ChamberSampleList *self);
guint       chamber_sample_list_get_n_rows (ChamberSampleList *self);
gint64      chamber_sample_list_get_row_sample (ChamberSampleList *self, guint index);
gint64      chamber_sample_list_get_row_petition (ChamberSampleList *self, guint index);
const char *chamber_sample_list_get_row_assignee (ChamberSampleList *self, guint index);
const char *chamber_sample_list_get_row_finding (ChamberSampleList *self, guint index);
/* Opens the selected sample's finding evidence: a PDF in Chamber's viewer, a photo in a picture
 * window (chamber-petition-file.h); the window while it is open, for the tests. */
void        chamber_sample_list_open_evidence (ChamberSampleList *self);
GtkWindow  *chamber_sample_list_get_evidence_window (ChamberSampleList *self);

G_END_DECLS
