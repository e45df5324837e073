/* chamber-live-chair.h — the chair's console of a live sitting: the agenda with the current
 * item (open, close), the queue of requests to speak (grant, reorder by dragging or with the
 * move buttons, remove, issue groups, close the list), who has the floor with a large
 * countdown, and the turn's controls (pause, resume, more time, end), calling the respondent
 * to answer the questions of a round, opening the debate and the conclusion. Its actions are
 * "chair.*"; the server refuses them to anyone but the chair and admin. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-live-context.h"
#include "chamber-live-now.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_LIVE_CHAIR (chamber_live_chair_get_type ())
G_DECLARE_FINAL_TYPE (ChamberLiveChair, chamber_live_chair, CHAMBER, LIVE_CHAIR, GtkWidget)

GtkWidget      *chamber_live_chair_new (ChamberLiveContext *context);

/* For the tests: what shows. */
ChamberLiveNow *chamber_live_chair_get_now (ChamberLiveChair *self);
/* The requests of the queue's rows, in order (gint64; owned by @self). */
GArray         *chamber_live_chair_get_queue_ids (ChamberLiveChair *self);

G_END_DECLS
