/* chamber-petition-report.h — the documents of voter petitions (issue 9): the monthly progress
 * report the Standing Committee hears (per agency: petitions by status, received and resolved in
 * the month, the resolution rate reported, and the rate verified on the latest sample drawn by
 * the end of the month with its margin of error), as a Vietnamese PDF (chamber-pdf-writer.h) or
 * CSV; and the recommendation to the People's Committee (Kiến nghị gửi UBND tỉnh) listing the
 * petitions the supervision found not resolved, as a PDF.
 *
 * Statuses are counted as they stand when the report is made; "received in the month" is by
 * the date received (or, when it is missing, the meeting date), "resolved in the month" by the
 * status history. */
#pragma once

#include "chamber-store.h"

G_BEGIN_DECLS

typedef struct {
  char  *agency;              /* "" for petitions with no agency */
  gint64 petitions;
  gint64 received_in_month;
  gint64 by_status[5];        /* indexed by ChamberPetitionStatus */
  gint64 resolved_in_month;
  double resolution_rate;     /* resolved / petitions */
} ChamberPetitionMonthRow;

typedef struct {
  char      *month;           /* "YYYY-MM" */
  GPtrArray *rows;            /* ChamberPetitionMonthRow *, by agency (byte order) */
  ChamberPetitionMonthRow *total;
  gint64     raised_again_in_month;
  gint64     draw_id;         /* the latest draw made by the end of the month, or 0 */
  GPtrArray *checks;          /* ChamberAgencyCheck * of that draw (empty without one) */
  char      *council_name;
} ChamberPetitionReport;

void chamber_petition_report_free (ChamberPetitionReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberPetitionReport, chamber_petition_report_free)

/* The report of @month ("YYYY-MM"; CHAMBER_STORE_ERROR_CONSTRAINT otherwise). */
ChamberPetitionReport *chamber_petition_report_load (ChamberStore *store, const char *month,
                                                     GError **error);
GBytes *chamber_petition_report_to_pdf (ChamberPetitionReport *report, GError **error);
/* One row per agency and a total row (UTF-8 with a byte order mark, CRLF, RFC 4180). Rates are
 * written as decimals with a dot and 4 digits ("0.8125"). */
GBytes *chamber_petition_report_to_csv (ChamberPetitionReport *report);

/* The recommendation to the People's Committee: the petitions whose latest finding in draw
 * @draw_id (0: every draw) is "not resolved". */
GBytes *chamber_supervision_recommendation_pdf (ChamberStore *store, gint64 draw_id,
                                                GError **error);

G_END_DECLS
