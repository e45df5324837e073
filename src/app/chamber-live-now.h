/* chamber-live-now.h — who has the floor now: the kind of turn and to whom, the speaker with
 * their title, the topic and the passage it is about, and the turn's countdown computed from the server's timestamps
 * (amber near the end, red in overtime). The chair console, the delegate and secretariat
 * panels and, in large type, the hall display show it. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-live-context.h"
#include "chamber-live-format.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_LIVE_NOW (chamber_live_now_get_type ())
G_DECLARE_FINAL_TYPE (ChamberLiveNow, chamber_live_now, CHAMBER, LIVE_NOW, GtkWidget)

GtkWidget  *chamber_live_now_new (void);
void        chamber_live_now_set_context (ChamberLiveNow *self, ChamberLiveContext *context);
/* Shows the state again (also done every 200 ms while a turn runs and on every change). */
void        chamber_live_now_update (ChamberLiveNow *self);

/* For the tests: what shows. The timer's text ("" with no turn) and phase (-1 with no turn). */
const char *chamber_live_now_get_timer_text (ChamberLiveNow *self);
int         chamber_live_now_get_phase (ChamberLiveNow *self);
const char *chamber_live_now_get_speaker_text (ChamberLiveNow *self);
GtkWidget  *chamber_live_now_get_timer_label (ChamberLiveNow *self);
/* Where the turn's question points (“Title, p. 3: “…””), "" when nowhere. */
const char *chamber_live_now_get_anchor_text (ChamberLiveNow *self);

/* Shared by the live screens. A request described in one line: “Question to Lê Văn Dũng (…):
 * topic”. */
char       *chamber_live_describe_request (ChamberLiveContext *context,
                                           const ChamberLiveRequest *request);
/* Sets the clock CSS classes of @widget ("chamber-live-ending", "chamber-live-overtime",
 * "chamber-live-paused") for @phase (-1: none). */
void        chamber_live_set_phase_classes (GtkWidget *widget, int phase, gboolean paused);

G_END_DECLS
