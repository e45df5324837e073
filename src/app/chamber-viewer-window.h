/* chamber-viewer-window.h — a window with just the viewer, for a PDF opened from a file
 * (`chamber FILE.pdf`, a document handed over on a USB stick): no server, no connection. */
#pragma once

#include <adwaita.h>

#include "chamber-application.h"
#include "chamber-page-view.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_VIEWER_WINDOW (chamber_viewer_window_get_type ())
G_DECLARE_FINAL_TYPE (ChamberViewerWindow, chamber_viewer_window, CHAMBER, VIEWER_WINDOW,
                      AdwApplicationWindow)

ChamberViewerWindow *chamber_viewer_window_new (ChamberApplication *application);
/* Shows @file, titled with its name. A file that is not on this computer shows why it cannot
 * be opened. */
void                 chamber_viewer_window_open (ChamberViewerWindow *self, GFile *file);
GFile               *chamber_viewer_window_get_file (ChamberViewerWindow *self);
ChamberPageView     *chamber_viewer_window_get_page_view (ChamberViewerWindow *self);

G_END_DECLS
