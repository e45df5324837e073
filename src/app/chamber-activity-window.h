/* chamber-activity-window.h — "My activity": a delegate's (or the chair's) own row of the
 * delegate activity report for a term (GET /api/v1/reports/delegates, which gives them only
 * their own row), beside the council's criteria and weights, each line worked out as
 * weight × value so the score can be recomputed by hand. */
#pragma once

#include <adwaita.h>

#include "chamber-connection.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_ACTIVITY_WINDOW (chamber_activity_window_get_type ())
G_DECLARE_FINAL_TYPE (ChamberActivityWindow, chamber_activity_window, CHAMBER, ACTIVITY_WINDOW,
                      AdwWindow)

/* Shows @parent's activity window for @connection's person (creating it, or replacing one of
 * another connection); a new one asks for the current term at once. */
ChamberActivityWindow *chamber_activity_window_present_for (GtkWindow *parent,
                                                            const ChamberConnection *connection);
/* @parent's activity window, or NULL; closing it. */
ChamberActivityWindow *chamber_activity_window_get_for (GtkWindow *parent);
void                   chamber_activity_window_close_for (GtkWindow *parent);
/* Shows term @term ("YYYY-YYYY" or "YYYY-MM-DD..YYYY-MM-DD"), as the Show button does. */
void        chamber_activity_window_set_term (ChamberActivityWindow *self, const char *term);

/* For the tests: answers read, the error shown (NULL: none), the value shown for criterion
 * @key (as the server printed it; NULL when none), the score the server gave (thousandths)
 * and the one summed here from the lines shown, or -1 before a report. */
guint       chamber_activity_window_get_loads (ChamberActivityWindow *self);
const char *chamber_activity_window_get_error (ChamberActivityWindow *self);
const char *chamber_activity_window_get_value (ChamberActivityWindow *self, const char *key);
gint64      chamber_activity_window_get_score_milli (ChamberActivityWindow *self);
gint64      chamber_activity_window_get_computed_milli (ChamberActivityWindow *self);

G_END_DECLS
