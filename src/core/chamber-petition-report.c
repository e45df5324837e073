/* chamber-petition-report.c — the monthly progress report of voter petitions and the
 * recommendation to the People's Committee (see chamber-petition-report.h): counted from the
 * store, laid out with chamber-pdf-writer.h, and written as CSV. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "chamber-commitments.h"
#include "chamber-pdf-writer.h"
#include "chamber-petition-report.h"
#include "chamber-petitions.h"
#include "chamber-store-private.h"
#include "chamber-supervision.h"

G_STATIC_ASSERT (CHAMBER_N_PETITION_STATUSES == 5);

static void
month_row_free (ChamberPetitionMonthRow *row)
{
  if (row == NULL)
    return;
  g_free (row->agency);
  g_free (row);
}

void
chamber_petition_report_free (ChamberPetitionReport *report)
{
  if (report == NULL)
    return;
  g_free (report->month);
  g_clear_pointer (&report->rows, g_ptr_array_unref);
  month_row_free (report->total);
  g_clear_pointer (&report->checks, g_ptr_array_unref);
  g_free (report->council_name);
  g_free (report);
}

static gboolean
is_month (const char *text)
{
  int year, month;
  char end;

  return text != NULL && strlen (text) == 7 && text[4] == '-'
         && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[5]) && g_ascii_isdigit (text[6])
         && sscanf (text, "%4d-%2d%c", &year, &month, &end) == 2 && year >= 1900
         && month >= 1 && month <= 12;
}

/* The petitions whose status became resolved during @month (ids into a set). */
static GHashTable *
resolved_in (ChamberStore *store,
             const char   *month,
             GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *pattern = g_strdup_printf ("%s-*", month);
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store,
                                "SELECT DISTINCT petition_id FROM petition_history"
                                " WHERE status = 'resolved' AND at GLOB ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  chamber_store_bind_text (stmt, 1, pattern);
  for (;;)
    {
      gint64 id;

      if (!chamber_store_step_row (store, stmt, &row, error))
        return NULL;
      if (!row)
        break;
      id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, g_memdup2 (&id, sizeof id));
    }
  return g_steal_pointer (&ids);
}

/* The newest draw made on or before the last day of @month, or 0. */
static gboolean
latest_draw (ChamberStore *store,
             const char   *month,
             gint64       *out_id,
             GError      **error)
{
  g_autoptr (ChamberStoreStatement) stmt = NULL;
  g_autofree char *limit = g_strdup_printf ("%s-99", month);
  gboolean row = FALSE;

  stmt = chamber_store_prepare (store,
                                "SELECT id FROM supervision_draws WHERE substr (created_at, 1, 10)"
                                " <= ?1 ORDER BY id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  chamber_store_bind_text (stmt, 1, limit);
  if (!chamber_store_step_row (store, stmt, &row, error))
    return FALSE;
  *out_id = row ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

static void
count (ChamberPetitionMonthRow *row,
       const ChamberPetition   *p,
       const char              *month,
       GHashTable              *resolved)
{
  const char *received = p->received_on != NULL ? p->received_on : p->meeting_date;

  row->petitions++;
  row->by_status[p->status]++;
  if (received != NULL && strncmp (received, month, 7) == 0)
    row->received_in_month++;
  if (g_hash_table_contains (resolved, &p->id))
    row->resolved_in_month++;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  return strcmp ((*(ChamberPetitionMonthRow *const *) a)->agency,
                 (*(ChamberPetitionMonthRow *const *) b)->agency);
}

ChamberPetitionReport *
chamber_petition_report_load (ChamberStore *store,
                              const char   *month,
                              GError      **error)
{
  g_autoptr (ChamberPetitionReport) report = NULL;
  g_autoptr (GPtrArray) petitions = NULL;
  g_autoptr (GHashTable) resolved = NULL;
  g_autoptr (GHashTable) by_agency = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *council_term = NULL;

  g_return_val_if_fail (CHAMBER_IS_STORE (store), NULL);

  if (!is_month (month))
    {
      g_set_error_literal (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT,
                           _("The month must be written YYYY-MM."));
      return NULL;
    }
  report = g_new0 (ChamberPetitionReport, 1);
  report->month = g_strdup (month);
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) month_row_free);
  report->total = g_new0 (ChamberPetitionMonthRow, 1);
  report->total->agency = g_strdup ("");
  if (!chamber_store_get_council (store, &report->council_name, &council_term, error)
      && error != NULL && *error != NULL)
    return NULL;

  petitions = chamber_petitions_list (store, NULL, error);
  if (petitions == NULL)
    return NULL;
  resolved = resolved_in (store, month, error);
  if (resolved == NULL)
    return NULL;
  for (guint i = 0; i < petitions->len; i++)
    {
      const ChamberPetition *p = g_ptr_array_index (petitions, i);
      const char *agency = p->agency != NULL ? p->agency : "";
      ChamberPetitionMonthRow *row = g_hash_table_lookup (by_agency, agency);
      const char *received = p->received_on != NULL ? p->received_on : p->meeting_date;

      if (row == NULL)
        {
          row = g_new0 (ChamberPetitionMonthRow, 1);
          row->agency = g_strdup (agency);
          g_hash_table_insert (by_agency, row->agency, row);
          g_ptr_array_add (report->rows, row);
        }
      count (row, p, month, resolved);
      count (report->total, p, month, resolved);
      if (p->raised_again_of > 0 && received != NULL && strncmp (received, month, 7) == 0)
        report->raised_again_in_month++;
    }
  g_ptr_array_sort (report->rows, compare_rows);
  for (guint i = 0; i <= report->rows->len; i++)
    {
      ChamberPetitionMonthRow *row = i < report->rows->len ? g_ptr_array_index (report->rows, i)
                                                           : report->total;

      row->resolution_rate = row->petitions > 0
                               ? (double) row->by_status[CHAMBER_PETITION_RESOLVED] / row->petitions
                               : 0.0;
    }

  if (!latest_draw (store, month, &report->draw_id, error))
    return NULL;
  if (report->draw_id > 0)
    {
      report->checks = chamber_supervision_agency_checks (store, report->draw_id, error);
      if (report->checks == NULL)
        return NULL;
    }
  else
    report->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_agency_check_free);
  return g_steal_pointer (&report);
}

static char *
percent (double share)
{
  return g_strdup_printf ("%.1f %%", share * 100.0);
}

static char *
number (gint64 value)
{
  return g_strdup_printf ("%lld", (long long) value);
}

static const char *
agency_name (const char *agency)
{
  return agency != NULL && *agency != '\0' ? agency : _("(no agency)");
}

/* The formula of the margin of error, as printed in the report and the protocol document. */
static const char *
margin_formula (void)
{
  return _("Margin of error (at the 95 percent confidence level, with the finite population "
           "correction): e = 1.96 × √(p(1 − p)/m) × √((N − m)/(N − 1)), where N is the number of the agency's petitions reported in the "
           "filter of the draw, m the number of its drawn petitions with a finding, c those "
           "confirmed resolved and p = c/m. The estimated resolution rate is r × p ± r × e, "
           "where r is the rate reported.");
}

GBytes *
chamber_petition_report_to_pdf (ChamberPetitionReport *report,
                                GError               **error)
{
  g_autofree char *title = g_strdup_printf (_("Progress report on voters' petitions, %s"),
                                            report->month);
  g_autoptr (ChamberPdfWriter) writer = chamber_pdf_writer_new (TRUE, title);
  const char *const titles[] = {
    _("Agency"), _("Petitions"), _("Received in the month"),
    _("Forwarded"), _("Answered"), _("In progress"), _("Resolved"), _("Unresolved"),
    _("Resolved in the month"), _("Resolution rate"),
  };
  const double widths[] = { 0.22, 0.08, 0.09, 0.08, 0.08, 0.09, 0.08, 0.09, 0.09, 0.10 };
  const gboolean numeric[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  const char *const check_titles[] = {
    _("Agency"), _("Reported"), _("Rate reported"), _("Drawn"), _("Checked"),
    _("Confirmed"), _("Partly"), _("Not resolved"), _("Verified share (± e)"),
    _("Estimated rate"),
  };
  const double check_widths[] = { 0.22, 0.08, 0.09, 0.07, 0.07, 0.08, 0.07, 0.08, 0.12, 0.12 };
  g_autofree char *summary = NULL;

  chamber_pdf_writer_letterhead (writer, report->council_name);
  chamber_pdf_writer_title (writer, title);
  summary = g_strdup_printf (_("%lld petitions in all; %lld received in the month, %lld of them "
                               "raised again; %lld resolved in the month."),
                             (long long) report->total->petitions,
                             (long long) report->total->received_in_month,
                             (long long) report->raised_again_in_month,
                             (long long) report->total->resolved_in_month);
  chamber_pdf_writer_paragraph (writer, CHAMBER_PDF_TEXT_BODY, summary);
  chamber_pdf_writer_table (writer, _("Petitions by responsible agency"), G_N_ELEMENTS (titles),
                            titles, widths, numeric);
  for (guint i = 0; i <= report->rows->len; i++)
    {
      const ChamberPetitionMonthRow *row = i < report->rows->len
                                             ? g_ptr_array_index (report->rows, i)
                                             : report->total;
      g_autofree char *n = number (row->petitions);
      g_autofree char *r = number (row->received_in_month);
      g_autofree char *s0 = number (row->by_status[0]);
      g_autofree char *s1 = number (row->by_status[1]);
      g_autofree char *s2 = number (row->by_status[2]);
      g_autofree char *s3 = number (row->by_status[3]);
      g_autofree char *s4 = number (row->by_status[4]);
      g_autofree char *m = number (row->resolved_in_month);
      g_autofree char *rate = percent (row->resolution_rate);
      const char *cells[] = {
        i < report->rows->len ? agency_name (row->agency) : _("Total"), n, r, s0, s1, s2, s3,
        s4, m, rate,
      };

      chamber_pdf_writer_row (writer, cells, i == report->rows->len);
    }

  if (report->draw_id > 0)
    {
      g_autofree char *caption =
        g_strdup_printf (_("Resolution reported and verified on the sample of draw %lld"),
                         (long long) report->draw_id);

      chamber_pdf_writer_table (writer, caption, G_N_ELEMENTS (check_titles), check_titles,
                                check_widths, numeric);
      for (guint i = 0; i < report->checks->len; i++)
        {
          const ChamberAgencyCheck *c = g_ptr_array_index (report->checks, i);
          g_autofree char *reported = number (c->reported);
          g_autofree char *rate = percent (c->reported_rate);
          g_autofree char *drawn = number (c->sampled);
          g_autofree char *checked = number (c->checked);
          g_autofree char *confirmed = number (c->confirmed);
          g_autofree char *partly = number (c->partly);
          g_autofree char *not_resolved = number (c->not_resolved);
          g_autofree char *verified = c->checked > 0
                                        ? g_strdup_printf ("%.1f %% ± %.1f", c->verified_share
                                                                               * 100.0,
                                                           c->margin * 100.0)
                                        : g_strdup ("–");
          g_autofree char *estimated = c->checked > 0
                                         ? g_strdup_printf ("%.1f %% ± %.1f",
                                                            c->estimated_rate * 100.0,
                                                            c->estimated_margin * 100.0)
                                         : g_strdup ("–");
          const char *cells[] = {
            agency_name (c->agency), reported, rate, drawn, checked, confirmed, partly,
            not_resolved, verified, estimated,
          };

          chamber_pdf_writer_row (writer, cells, FALSE);
        }
      chamber_pdf_writer_paragraph (writer, CHAMBER_PDF_TEXT_SMALL, margin_formula ());
    }
  else
    chamber_pdf_writer_paragraph (writer, CHAMBER_PDF_TEXT_BODY,
                                  _("No sample was drawn for supervision by the end of the "
                                    "month."));
  return chamber_pdf_writer_finish (writer, error);
}

static void
csv_rate (GString *csv,
          double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (csv, g_ascii_formatd (buffer, sizeof buffer, "%.4f", value));
}

GBytes *
chamber_petition_report_to_csv (ChamberPetitionReport *report)
{
  GString *csv = g_string_new ("\xEF\xBB\xBF");
  const char *const header[] = {
    N_("Month"), N_("Agency"), N_("Petitions"), N_("Received in the month"), N_("Forwarded"),
    N_("Answered"), N_("In progress"), N_("Resolved"), N_("Unresolved"),
    N_("Resolved in the month"), N_("Resolution rate"), N_("Draw"), N_("Reported in draw"),
    N_("Drawn"), N_("Checked"), N_("Confirmed"), N_("Partly"), N_("Not resolved"),
    N_("Verified share"), N_("Margin of error"), N_("Estimated rate"),
    N_("Estimated rate margin"),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (header); i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, _(header[i]));
    }
  g_string_append (csv, "\r\n");
  for (guint i = 0; i <= report->rows->len; i++)
    {
      gboolean total = i == report->rows->len;
      const ChamberPetitionMonthRow *row = total ? report->total
                                                 : g_ptr_array_index (report->rows, i);
      const ChamberAgencyCheck *check = NULL;

      for (guint c = 0; !total && c < report->checks->len; c++)
        if (g_str_equal (((ChamberAgencyCheck *) g_ptr_array_index (report->checks,
                                                                    c))->agency,
                         row->agency))
          check = g_ptr_array_index (report->checks, c);

      chamber_csv_append_field (csv, report->month);
      g_string_append_c (csv, ',');
      chamber_csv_append_field (csv, total ? _("Total") : row->agency);
      g_string_append_printf (csv, ",%lld,%lld", (long long) row->petitions,
                              (long long) row->received_in_month);
      for (int s = 0; s < CHAMBER_N_PETITION_STATUSES; s++)
        g_string_append_printf (csv, ",%lld", (long long) row->by_status[s]);
      g_string_append_printf (csv, ",%lld,", (long long) row->resolved_in_month);
      csv_rate (csv, row->resolution_rate);
      if (check != NULL)
        {
          g_string_append_printf (csv, ",%lld,%lld,%lld,%lld,%lld,%lld,%lld,",
                                  (long long) report->draw_id, (long long) check->reported,
                                  (long long) check->sampled, (long long) check->checked,
                                  (long long) check->confirmed, (long long) check->partly,
                                  (long long) check->not_resolved);
          csv_rate (csv, check->verified_share);
          g_string_append_c (csv, ',');
          csv_rate (csv, check->margin);
          g_string_append_c (csv, ',');
          csv_rate (csv, check->estimated_rate);
          g_string_append_c (csv, ',');
          csv_rate (csv, check->estimated_margin);
        }
      else
        g_string_append (csv, ",,,,,,,,,,,");
      g_string_append (csv, "\r\n");
    }
  return g_string_free_to_bytes (csv);
}

GBytes *
chamber_supervision_recommendation_pdf (ChamberStore *store,
                                        gint64        draw_id,
                                        GError      **error)
{
  g_autoptr (GPtrArray) samples = chamber_supervision_list_samples (store, draw_id, NULL, error);
  g_autoptr (ChamberPdfWriter) writer = NULL;
  g_autofree char *council = NULL;
  g_autofree char *term = NULL;
  g_autofree char *upper = NULL;
  const char *title = _("Recommendation to the Provincial People's Committee");
  const char *const titles[] = {
    _("No."), _("Petition"), _("Content"), _("Agency"), _("Voters' meeting"),
    _("Checked by"), _("Finding"),
  };
  const double widths[] = { 0.05, 0.07, 0.30, 0.14, 0.14, 0.12, 0.18 };
  const gboolean numeric[] = { TRUE, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE };
  guint listed = 0;

  if (samples == NULL)
    return NULL;
  if (draw_id > 0)
    {
      g_autoptr (ChamberDraw) draw = chamber_supervision_get_draw (store, draw_id, error);

      if (draw == NULL)
        return NULL;
    }
  if (!chamber_store_get_council (store, &council, &term, error) && error != NULL
      && *error != NULL)
    return NULL;
  writer = chamber_pdf_writer_new (FALSE, title);
  chamber_pdf_writer_letterhead (writer, council);
  chamber_pdf_writer_title (writer, title);
  chamber_pdf_writer_paragraph (writer, CHAMBER_PDF_TEXT_BODY,
                                _("Through sample supervision of the voters' petitions reported "
                                  "as resolved, the committees and delegate groups found that "
                                  "the petitions below have not been resolved. The Standing "
                                  "Committee recommends that the Provincial People's Committee "
                                  "direct the responsible agencies to resolve them and report "
                                  "the result."));
  chamber_pdf_writer_table (writer, _("Petitions found not resolved"), G_N_ELEMENTS (titles),
                            titles, widths, numeric);
  for (guint i = 0; i < samples->len; i++)
    {
      const ChamberSample *s = g_ptr_array_index (samples, i);
      g_autofree char *n = NULL;
      g_autofree char *id = NULL;
      g_autofree char *meeting = NULL;
      g_autofree char *finding = NULL;
      g_autofree char *date = NULL;
      const char *label;

      if (s->finding == NULL || s->finding->result != CHAMBER_FINDING_NOT_RESOLVED)
        continue;
      n = g_strdup_printf ("%u", ++listed);
      id = number (s->petition->id);
      date = s->petition->meeting_date != NULL ? chamber_date_format (s->petition->meeting_date)
                                               : NULL;
      meeting = g_strjoin (", ", date != NULL ? date : "–",
                           s->petition->delegate_group != NULL ? s->petition->delegate_group
                                                               : "–",
                           NULL);
      label = chamber_finding_result_get_label (s->finding->result);
      finding = s->finding->note != NULL ? g_strdup_printf ("%s: %s", label, s->finding->note)
                                         : g_strdup (label);
      {
        const char *cells[] = {
          n, id, s->petition->content, agency_name (s->petition->agency), meeting,
          s->assignee != NULL ? s->assignee : "–", finding,
        };

        chamber_pdf_writer_row (writer, cells, FALSE);
      }
    }
  if (listed == 0)
    chamber_pdf_writer_paragraph (writer, CHAMBER_PDF_TEXT_CENTRED,
                                  _("No petition was found not resolved."));
  upper = g_utf8_strup (_("On behalf of the Standing Committee"), -1);
  chamber_pdf_writer_paragraph (writer, CHAMBER_PDF_TEXT_HEADING, upper);
  return chamber_pdf_writer_finish (writer, error);
}
