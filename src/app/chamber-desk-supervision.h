/* chamber-desk-supervision.h — the desk's Supervision page (Giám sát xác suất): draws a random
 * sample of the petitions reported in a status (a size or a share, optionally by agency or
 * field), with the seed shown and editable so that a draw can be repeated; the drawn petitions,
 * their assignment to committees and delegate groups and their findings (a ChamberSampleList);
 * the per-agency check of reported against verified rates with its margin of error; and saving
 * the monthly report (PDF or CSV) and the recommendation to the People's Committee (PDF). */
#pragma once

#include <gtk/gtk.h>

#include "chamber-connection.h"
#include "chamber-sample-list.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_DESK_SUPERVISION (chamber_desk_supervision_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDeskSupervision, chamber_desk_supervision, CHAMBER,
                      DESK_SUPERVISION, GtkWidget)

GtkWidget *chamber_desk_supervision_new (const ChamberConnection *connection);
void       chamber_desk_supervision_reload (ChamberDeskSupervision *self);

/* Fills the draw form and draws, as the Draw button does: @status a petition status key,
 * @size > 0 or else @share (a percent like "20" or "12.5"), @by "none", "agency" or "field",
 * @seed a decimal number or NULL for one the server picks. */
void       chamber_desk_supervision_draw (ChamberDeskSupervision *self, const char *status,
                                          guint size, const char *share, const char *by,
                                          const char *seed);
/* Shows draw @draw_id (FALSE when it is not listed). */
gboolean   chamber_desk_supervision_select_draw (ChamberDeskSupervision *self, gint64 draw_id);
/* Saves the report of month @month ("YYYY-MM") as @format ("pdf" or "csv") to @file, or the
 * recommendation of the shown draw. */
void       chamber_desk_supervision_save_report (ChamberDeskSupervision *self, const char *month,
                                                 const char *format, GFile *file);
void       chamber_desk_supervision_save_recommendation (ChamberDeskSupervision *self,
                                                         GFile *file);

/* For the tests. */
guint              chamber_desk_supervision_get_loads (ChamberDeskSupervision *self);
guint              chamber_desk_supervision_get_pending (ChamberDeskSupervision *self);
const char        *chamber_desk_supervision_get_error (ChamberDeskSupervision *self);
/* What the last save said (NULL: nothing saved yet). */
const char        *chamber_desk_supervision_get_message (ChamberDeskSupervision *self);
gint64             chamber_desk_supervision_get_draw_id (ChamberDeskSupervision *self);
const char        *chamber_desk_supervision_get_seed (ChamberDeskSupervision *self);
guint              chamber_desk_supervision_get_n_checks (ChamberDeskSupervision *self);
/* The agencies' petitions checked (with a finding), summed over the checks shown. */
gint64             chamber_desk_supervision_get_checked (ChamberDeskSupervision *self);
ChamberSampleList *chamber_desk_supervision_get_samples (ChamberDeskSupervision *self);

G_END_DECLS
