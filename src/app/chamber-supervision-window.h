/* chamber-supervision-window.h — "Supervision" for the committees and delegate groups: the
 * petitions drawn for supervision that are assigned to the person's group or committee (the
 * server answers them only those), each with the form to record a finding with a note and
 * evidence. The main window offers it only to a delegate or chair who has such a sample. */
#pragma once

#include <adwaita.h>

#include "chamber-connection.h"
#include "chamber-sample-list.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_SUPERVISION_WINDOW (chamber_supervision_window_get_type ())
G_DECLARE_FINAL_TYPE (ChamberSupervisionWindow, chamber_supervision_window, CHAMBER,
                      SUPERVISION_WINDOW, AdwWindow)

/* Shows @parent's supervision window for @connection (creating it, or replacing one of another
 * connection). */
ChamberSupervisionWindow *chamber_supervision_window_present_for (
  GtkWindow *parent, const ChamberConnection *connection);
ChamberSupervisionWindow *chamber_supervision_window_get_for (GtkWindow *parent);
void                      chamber_supervision_window_close_for (GtkWindow *parent);
ChamberSampleList        *chamber_supervision_window_get_samples (ChamberSupervisionWindow *self);

G_END_DECLS
