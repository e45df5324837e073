/* chamber-live-format.c — the clock of a live turn as people read it, and a quoted passage
 * shortened to fit (see chamber-live-format.h). */
#include "config.h"

#include "chamber-live-format.h"

char *
chamber_live_format_seconds (gint64 seconds)
{
  guint64 s = seconds < 0 ? (guint64) -(seconds + 1) + 1 : (guint64) seconds;

  if (s >= 3600)
    return g_strdup_printf ("%llu:%02u:%02u", (unsigned long long) (s / 3600),
                            (guint) (s / 60 % 60), (guint) (s % 60));
  return g_strdup_printf ("%u:%02u", (guint) (s / 60), (guint) (s % 60));
}

gint64
chamber_live_clock_warning_s (int allotted_s)
{
  return CLAMP (allotted_s / 5, 10, 30);
}

ChamberLiveClockPhase
chamber_live_clock_phase (gint64 remaining_s, int allotted_s)
{
  /* chamber_live_turn_remaining_s() answers 0 once the limit is reached. */
  if (remaining_s <= 0)
    return CHAMBER_LIVE_CLOCK_OVERTIME;
  if (remaining_s <= chamber_live_clock_warning_s (allotted_s))
    return CHAMBER_LIVE_CLOCK_ENDING;
  return CHAMBER_LIVE_CLOCK_RUNNING;
}

char *
chamber_live_format_quote (const char *quote, guint max_chars)
{
  const char *end, *cut;
  glong length;

  if (quote == NULL)
    return NULL;
  length = g_utf8_strlen (quote, -1);
  if (max_chars < 2 || length <= (glong) max_chars)
    return g_strdup (quote);

  /* Room for the ellipsis; then back to a word's end when one is near. */
  end = g_utf8_offset_to_pointer (quote, max_chars - 1);
  cut = end;
  for (const char *p = end; p > quote; p = g_utf8_prev_char (p))
    if (*p == ' ')
      {
        if (g_utf8_pointer_to_offset (quote, p) >= (glong) max_chars / 2)
          cut = p;
        break;
      }
  while (cut > quote && *(cut - 1) == ' ')
    cut--;
  return g_strdup_printf ("%.*s…", (int) (cut - quote), quote);
}
