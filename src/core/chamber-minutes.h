/* chamber-minutes.h — the minutes (biên bản) of a session's questioning and answers (issue 5,
 * “Records”), made from the session's live state and its records: a laid-out Vietnamese PDF on
 * A4 (cairo + pango: the council and the national motto, the title, the session, place and
 * date, every turn of every item with its times, kind, speaker, respondent, topic, summary and
 * commitments, a statistics table, the signature blocks, "Trang N/M" in every footer), and the
 * same data as CSV (one row per turn; UTF-8 with a byte order mark, RFC 4180) and JSON.
 *
 * The PDF is paginated by measuring every layout first: a paragraph that does not fit is
 * continued line by line on the next page, a table row is never split, and the total page
 * count is known before the first footer is drawn. No display is needed. */
#pragma once

#include <json-glib/json-glib.h>

#include "chamber-live-state.h"
#include "chamber-store.h"

G_BEGIN_DECLS

typedef enum {
  CHAMBER_MINUTES_PDF,
  CHAMBER_MINUTES_CSV,
  CHAMBER_MINUTES_JSON,
  CHAMBER_N_MINUTES_FORMATS
} ChamberMinutesFormat;

/* "pdf", "csv", "json" */
const char *chamber_minutes_format_to_string (ChamberMinutesFormat format);
gboolean    chamber_minutes_format_from_string (const char *str, ChamberMinutesFormat *out);
/* "application/pdf", "text/csv; charset=utf-8", "application/json" */
const char *chamber_minutes_format_get_content_type (ChamberMinutesFormat format);

typedef struct _ChamberMinutes ChamberMinutes;

/* The minutes of session @session_id as its live sitting stands at @now_ms (a turn still
 * running counts the time spoken so far): the session, the council and the replayed live state
 * from @store. An unknown session is CHAMBER_STORE_ERROR_NOT_FOUND. */
ChamberMinutes *chamber_minutes_load (ChamberStore *store, gint64 session_id, gint64 now_ms,
                                      GError **error);
/* The same from what a caller holds (@state is borrowed and must outlive the minutes). */
ChamberMinutes *chamber_minutes_new (const ChamberSession *session, const char *council_name,
                                     const char *council_term, ChamberLiveState *state,
                                     gint64 now_ms);
void            chamber_minutes_free (ChamberMinutes *self);

/* The PDF document; fails (G_IO_ERROR) only when cairo cannot write it. */
GBytes   *chamber_minutes_to_pdf (ChamberMinutes *self, GError **error);
/* One row per turn after a header row; UTF-8 with a byte order mark, CRLF. */
GBytes   *chamber_minutes_to_csv (ChamberMinutes *self);
/* {"council": {"name", "term"}, "session": {"id", "number", "kind", "title", "place",
 *  "starts_on", "ends_on"}, "generated_at": MS, "items": [{"id", "title", "state", "turns":
 *  [Turn as in LiveState]}] (the items with turns), "statistics": (chamber-live-stats.h)} */
JsonNode *chamber_minutes_to_json (ChamberMinutes *self);
/* One of the above as bytes (JSON as UTF-8 text). */
GBytes   *chamber_minutes_export (ChamberMinutes *self, ChamberMinutesFormat format,
                                  GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberMinutes, chamber_minutes_free)

G_END_DECLS
