/* chamber-live-format.h — how a live turn's clock reads, for every screen that shows it (the
 * app's chair console, panels and hall display; the CLI): seconds as “2:59” or “1:02:03”, and
 * the phase of a countdown (running, near its end, in overtime) that decides its colour. No
 * GTK, no clock: callers pass the remaining seconds chamber_live_turn_remaining_s() computed from
 * the server's timestamps. Also an anchor's quoted passage shortened to fit a line. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CHAMBER_LIVE_CLOCK_RUNNING,   /* time left, not yet near the end */
  CHAMBER_LIVE_CLOCK_ENDING,    /* the last seconds (chamber_live_clock_warning_s()) */
  CHAMBER_LIVE_CLOCK_OVERTIME,  /* the allotted time is spent (0 s left or less): counts up */
} ChamberLiveClockPhase;

/* "0:05", "2:59", "12:00", "1:02:03" for @seconds (the magnitude: a negative number is written
 * like its opposite; the phase says which it is). */
char                 *chamber_live_format_seconds (gint64 seconds);
/* How many seconds before the end a turn of @allotted_s seconds is near its end: a fifth of
 * it, at least 10 and at most 30. */
gint64                chamber_live_clock_warning_s (int allotted_s);
ChamberLiveClockPhase chamber_live_clock_phase (gint64 remaining_s, int allotted_s);

/* @quote (an anchor's passage) shortened for a screen or the minutes to at most @max_chars
 * characters: cut at the last space before the limit when there is one in its second half,
 * then “…”. A copy of @quote when it fits; NULL for NULL. */
char                 *chamber_live_format_quote (const char *quote, guint max_chars);

G_END_DECLS
