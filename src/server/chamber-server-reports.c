/* chamber-server-reports.c — the delegate activity report over HTTP
 * (chamber-activity-report.h): GET /api/v1/reports/delegates?term=T&format=json|csv|pdf (the
 * secretariat and admins see every delegate and group; a delegate or the chair only their own
 * row; officials nothing), the criteria's weights (GET /api/v1/reports/criteria for every role,
 * PUT for the secretariat and admins), and the attendance the secretariat records per sitting day
 * (POST /api/v1/sessions/ID/attendance). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "chamber-activity-report.h"
#include "chamber-protocol.h"
#include "chamber-server-private.h"

#define MAX_ATTENDANCE_PEOPLE 1000

static void
bad_request (ChamberRequest *request,
             const char     *message)
{
  chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request", message);
}

static void
reply_bytes (ChamberRequest *request,
             const char     *content_type,
             const char     *filename,
             GBytes         *bytes)
{
  g_autofree char *disposition = g_strdup_printf ("attachment; filename=\"%s\"", filename);

  soup_message_headers_replace (soup_server_message_get_response_headers (request->msg),
                                "Content-Disposition", disposition);
  soup_server_message_set_status (request->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (request->msg, content_type, SOUP_MEMORY_COPY,
                                    g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* GET /api/v1/reports/delegates?term=T&format=json|csv|pdf */
void
chamber_server_get_report_delegates (ChamberRequest *request)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (request->msg));
  g_autoptr (GHashTable) params = NULL;
  g_autoptr (ChamberActivityReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  const char *term, *format;
  gint64 only_person = 0;

  switch (request->caller->role)
    {
    case CHAMBER_ROLE_ADMIN:
    case CHAMBER_ROLE_SECRETARIAT:
      break;
    case CHAMBER_ROLE_DELEGATE:
    case CHAMBER_ROLE_CHAIR:
      only_person = request->caller->id;
      break;
    case CHAMBER_ROLE_OFFICIAL:
    default:
      chamber_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                                  _("Only delegates (their own activity), the secretariat and "
                                    "administrators may read the activity report."));
      return;
    }
  if (query != NULL)
    params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  if (query != NULL && params == NULL)
    {
      bad_request (request, _("The query string cannot be read."));
      return;
    }
  term = params != NULL ? g_hash_table_lookup (params, "term") : NULL;
  format = params != NULL ? g_hash_table_lookup (params, "format") : NULL;
  if (term == NULL || *term == '\0')
    {
      bad_request (request, _("Say which term: ?term=2021-2026 or "
                              "?term=YYYY-MM-DD..YYYY-MM-DD."));
      return;
    }
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "csv")
      && !g_str_equal (format, "pdf"))
    {
      bad_request (request, _("“format” must be json, csv or pdf."));
      return;
    }

  report = chamber_activity_report_compute (request->server->store, term,
                                            g_get_real_time () / 1000, only_person, &error);
  if (report == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (format == NULL || g_str_equal (format, "json"))
    {
      chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "report",
                                   chamber_activity_report_to_json (report));
      return;
    }
  if (g_str_equal (format, "csv"))
    {
      bytes = chamber_activity_report_to_csv (report);
      reply_bytes (request, "text/csv; charset=utf-8", "delegate-activity.csv", bytes);
      return;
    }
  bytes = chamber_activity_report_to_pdf (report, &error);
  if (bytes == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  reply_bytes (request, "application/pdf", "delegate-activity.pdf", bytes);
}

static JsonNode *
criteria_to_json (const int weights[CHAMBER_N_CRITERIA])
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
    {
      JsonObject *criterion = json_object_new ();
      g_autofree char *weight = chamber_report_format_centi (weights[c]);
      g_autofree char *fallback =
        chamber_report_format_centi (chamber_criterion_get_default_weight (c));

      json_object_set_string_member (criterion, "key", chamber_criterion_to_string (c));
      json_object_set_string_member (criterion, "label", chamber_criterion_get_label (c));
      json_object_set_string_member (criterion, "description",
                                     chamber_criterion_get_description (c));
      json_object_set_string_member (criterion, "weight", weight);
      json_object_set_string_member (criterion, "default", fallback);
      json_array_add_object_element (array, criterion);
    }
  json_node_take_array (node, array);
  return node;
}

/* GET /api/v1/reports/criteria */
void
chamber_server_get_report_criteria (ChamberRequest *request)
{
  g_autoptr (GError) error = NULL;
  int weights[CHAMBER_N_CRITERIA];

  if (!chamber_report_get_weights (request->server->store, weights, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "criteria",
                               criteria_to_json (weights));
}

/* A weight given as a string ("0.5") or a number (0.5), or null for the default (-1). */
static gboolean
read_weight (JsonNode *node,
             int      *out_centi)
{
  if (JSON_NODE_HOLDS_NULL (node))
    {
      *out_centi = -1;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return chamber_report_parse_weight (json_node_get_string (node), out_centi);
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);

      if (value < 0 || value > CHAMBER_CRITERION_MAX_WEIGHT_CENTI / 100)
        return FALSE;
      *out_centi = (int) value * 100;
      return TRUE;
    }
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double centi = json_node_get_double (node) * 100;

      if (!isfinite (centi) || centi < 0 || centi > CHAMBER_CRITERION_MAX_WEIGHT_CENTI
          || fabs (centi - round (centi)) > 1e-6)
        return FALSE;
      *out_centi = (int) round (centi);
      return TRUE;
    }
  return FALSE;
}

/* PUT /api/v1/reports/criteria {"weights": {"questions": 3, "speaking_minutes": "0.5", …}} */
void
chamber_server_put_report_criteria (ChamberRequest *request)
{
  g_autoptr (JsonObject) body = chamber_request_read_object (request, FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GList) members = NULL;
  ChamberStore *store = request->server->store;
  int values[CHAMBER_N_CRITERIA];
  gboolean given[CHAMBER_N_CRITERIA] = { FALSE, };
  JsonNode *node;
  int weights[CHAMBER_N_CRITERIA];

  if (body == NULL)
    return;
  node = json_object_get_member (body, "weights");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node)
      || json_object_get_size (json_node_get_object (node)) == 0)
    {
      bad_request (request, _("Give the weights: {\"weights\": {\"questions\": 3, …}}."));
      return;
    }
  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      ChamberCriterion criterion;
      JsonNode *weight = json_object_get_member (json_node_get_object (node), l->data);

      if (!chamber_criterion_from_string (l->data, &criterion))
        {
          bad_request (request, _("A criterion is one of sittings, questions, debates, "
                                  "speaking_minutes, petitions and findings."));
          return;
        }
      if (!read_weight (weight, &values[criterion]))
        {
          bad_request (request, _("A weight is a number from 0 to 1000 with at most two "
                                  "decimals, or null for the default."));
          return;
        }
      given[criterion] = TRUE;
    }

  if (!chamber_store_begin (store, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  for (int c = 0; c < CHAMBER_N_CRITERIA; c++)
    if (given[c] && !chamber_report_set_weight (store, c, values[c], request->caller->id, &error))
      {
        chamber_store_rollback (store);
        chamber_server_reply_gerror (request->msg, error);
        return;
      }
  if (!chamber_store_commit (store, &error) || !chamber_report_get_weights (store, weights, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "criteria",
                               criteria_to_json (weights));
}

/* Reads an array of person ids into @out; FALSE having answered. */
static gboolean
read_people (ChamberRequest *request,
             JsonObject     *body,
             const char     *member,
             GArray         *out)
{
  JsonNode *node = json_object_get_member (body, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node)
      || json_array_get_length (json_node_get_array (node)) > MAX_ATTENDANCE_PEOPLE)
    {
      bad_request (request, _("“present” and “absent” are lists of at most 1000 person ids."));
      return FALSE;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      gint64 id;

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_INT64
          || (id = json_node_get_int (element)) < 1)
        {
          bad_request (request, _("“present” and “absent” are lists of person ids."));
          return FALSE;
        }
      g_array_append_val (out, id);
    }
  return TRUE;
}

/* POST /api/v1/sessions/ID/attendance {"day": "YYYY-MM-DD", "present": [ID], "absent": [ID]} */
void
chamber_server_post_session_attendance (ChamberRequest *request)
{
  g_autoptr (JsonObject) body = chamber_request_read_object (request, FALSE);
  g_autoptr (GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) absent = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  ChamberStore *store = request->server->store;
  JsonObject *answer;
  JsonNode *root, *node;
  const char *day;

  if (body == NULL)
    return;
  node = json_object_get_member (body, "day");
  day = node != NULL && JSON_NODE_HOLDS_VALUE (node)
            && json_node_get_value_type (node) == G_TYPE_STRING
          ? json_node_get_string (node)
          : NULL;
  if (day == NULL)
    {
      bad_request (request, _("Say the sitting day: {\"day\": \"YYYY-MM-DD\", …}."));
      return;
    }
  if (!read_people (request, body, "present", present)
      || !read_people (request, body, "absent", absent))
    return;
  if (present->len + absent->len == 0)
    {
      bad_request (request, _("Name at least one person “present” or “absent”."));
      return;
    }

  if (!chamber_store_begin (store, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  for (guint pass = 0; pass < 2; pass++)
    {
      GArray *ids = pass == 0 ? present : absent;

      for (guint i = 0; i < ids->len; i++)
        if (!chamber_report_set_attendance (store, request->id, g_array_index (ids, gint64, i),
                                            day, pass == 0, request->caller->id, &error))
          {
            chamber_store_rollback (store);
            if (g_error_matches (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT))
              bad_request (request, error->message);
            else
              chamber_server_reply_gerror (request->msg, error);
            return;
          }
    }
  if (!chamber_store_commit (store, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  answer = json_object_new ();
  json_object_set_string_member (answer, "day", day);
  json_object_set_int_member (answer, "present", present->len);
  json_object_set_int_member (answer, "absent", absent->len);
  root = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (root, answer);
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "attendance", root);
}
