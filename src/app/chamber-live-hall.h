/* chamber-live-hall.h — the hall display: a full-screen, read-only window for the projector
 * with the current item, who has the floor with their title, to whom a question goes, a very
 * large countdown (amber near the end, red in overtime) and the next speakers, in white on
 * black to be read from the back of the hall. Escape leaves it; F11 toggles full screen. */
#pragma once

#include <adwaita.h>

#include "chamber-live-context.h"
#include "chamber-live-now.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_LIVE_HALL (chamber_live_hall_get_type ())
G_DECLARE_FINAL_TYPE (ChamberLiveHall, chamber_live_hall, CHAMBER, LIVE_HALL, AdwWindow)

ChamberLiveHall *chamber_live_hall_new (ChamberLiveContext *context);

/* For the tests: what shows. */
ChamberLiveNow  *chamber_live_hall_get_now (ChamberLiveHall *self);
const char      *chamber_live_hall_get_next_text (ChamberLiveHall *self);
/* The connection state as it shows ("" online). */
const char      *chamber_live_hall_get_connection_text (ChamberLiveHall *self);

G_END_DECLS
