/* chamber-server-petitions.c — voter petitions and their sample supervision over HTTP
 * (docs/protocol.md, “Voter petitions and sample supervision”): list, read, create, import from
 * CSV (with a dry run), change the status, upload and read the answer PDF, the monthly report;
 * draw a sample, read draws and their per-agency checks, assign drawn petitions, record
 * findings with evidence, read evidence, and the recommendation to the People's Committee.
 *
 * Roles: the secretariat and admins do everything; delegates and the chair read petitions,
 * draws and reports; a delegate whose group is the one a drawn petition is assigned to sees that
 * sample and records findings on it; officials (the executive being supervised) read none of
 * it. Uploaded files stream into a temporary file of the blob store (chamber-server.c) and are
 * checked (every page of a PDF rendered, images decoded) in a worker thread; a path never comes
 * from the request. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "chamber-csv.h"
#include "chamber-followup.h"
#include "chamber-pdf.h"
#include "chamber-petition-import.h"
#include "chamber-petition-report.h"
#include "chamber-petitions.h"
#include "chamber-protocol.h"
#include "chamber-server-private.h"
#include "chamber-supervision.h"

/* A CSV of petitions, at most (the JSON limit is too small for a year of petitions). */
#define MAX_IMPORT_BYTES (8 * 1024 * 1024)
/* An answer document, at most. */
#define MAX_ANSWER_BYTES (64 * 1024 * 1024)
#define PARAMS_DATA      "chamber-petition-params"

static void
bad_request (ChamberRequest *request,
             const char     *message)
{
  chamber_server_reply_error (request->msg, SOUP_STATUS_BAD_REQUEST, "bad-request", message);
}

static void
forbidden (ChamberRequest *request,
           const char     *message)
{
  chamber_server_reply_error (request->msg, SOUP_STATUS_FORBIDDEN, "forbidden", message);
}

/* Delegates, the chair, the secretariat and admins read petitions; officials do not. */
static gboolean
may_read (ChamberRequest *request)
{
  if (request->caller->role != CHAMBER_ROLE_OFFICIAL)
    return TRUE;
  forbidden (request, _("Voter petitions and their supervision are for the council's "
                        "delegates and secretariat."));
  return FALSE;
}

static gboolean
may_write (ChamberRequest *request)
{
  if (chamber_server_role_may_write (request->caller->role))
    return TRUE;
  forbidden (request, _("Only the secretariat or an administrator may make this change."));
  return FALSE;
}

/* Whether @name names the same group as @assignee, compared without case or diacritics. */
static gboolean
same_group (const char *name,
            const char *assignee)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (assignee == NULL || name == NULL || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  a = chamber_csv_fold_key (assignee);
  b = chamber_csv_fold_key (name);
  return *a != '\0' && g_str_equal (a, b);
}

/* Whether @person belongs to the committee or delegate group @assignee. */
static gboolean
is_member (const ChamberPerson *person,
           const char          *assignee)
{
  return same_group (person->group_name, assignee) || same_group (person->committee, assignee);
}

/* The query parameters (valid UTF-8, each at most CHAMBER_PROTOCOL_MAX_STRING bytes), or NULL
 * having answered 400. Never NULL for a request without a query. */
static GHashTable *
read_params (ChamberRequest *request)
{
  const char *query = g_uri_get_query (soup_server_message_get_uri (request->msg));
  GHashTable *params;
  GHashTableIter iter;
  gpointer key, value;

  if (query == NULL)
    return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_WWW_FORM, NULL);
  if (params == NULL)
    {
      bad_request (request, _("The query string cannot be read."));
      return NULL;
    }
  g_hash_table_iter_init (&iter, params);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_utf8_validate (key, -1, NULL) || !g_utf8_validate (value, -1, NULL)
        || strlen (value) > CHAMBER_PROTOCOL_MAX_STRING)
      {
        g_autofree char *message =
          g_strdup_printf (_("Each query parameter must be UTF-8 text of at most %d bytes."),
                           CHAMBER_PROTOCOL_MAX_STRING);

        bad_request (request, message);
        g_hash_table_unref (params);
        return NULL;
      }
  return params;
}

static const char *
param (GHashTable *params,
       const char *name)
{
  const char *value = g_hash_table_lookup (params, name);

  return value != NULL && *value != '\0' ? value : NULL;
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

/* Serves the blob @sha256 of the blob store as @content_type. */
static void
reply_blob (ChamberRequest *request,
            const char     *sha256,
            const char     *content_type,
            const char     *filename)
{
  g_autofree char *path = chamber_blob_store_path (request->server->blobs, sha256);
  g_autoptr (GMappedFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;

  if (path != NULL)
    file = g_mapped_file_new (path, FALSE, NULL);
  if (file == NULL)
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found",
                                  _("The file is missing from the server's blob store."));
      return;
    }
  bytes = g_mapped_file_get_bytes (file);
  reply_bytes (request, content_type, filename, bytes);
}

/* ---- Petitions --------------------------------------------------------------------------- */

static JsonNode *
petition_full_json (ChamberStore          *store,
                    const ChamberPetition *petition,
                    GError               **error)
{
  g_autoptr (GPtrArray) history = chamber_petitions_history (store, petition->id, error);
  g_autoptr (GPtrArray) links = NULL;
  JsonNode *node;
  JsonObject *object;
  JsonArray *array;

  if (history == NULL)
    return NULL;
  links = chamber_petitions_links (store, petition->id, error);
  if (links == NULL)
    return NULL;
  node = chamber_petition_to_json (petition);
  object = json_node_get_object (node);
  array = json_array_sized_new (history->len);
  for (guint i = 0; i < history->len; i++)
    json_array_add_element (array, chamber_petition_change_to_json (g_ptr_array_index (history,
                                                                                       i)));
  json_object_set_array_member (object, "history", array);
  array = json_array_sized_new (links->len);
  for (guint i = 0; i < links->len; i++)
    json_array_add_element (array, chamber_petition_link_to_json (g_ptr_array_index (links, i)));
  json_object_set_array_member (object, "links", array);
  return node;
}

/* GET /api/v1/petitions?status=&agency=&field= */
void
chamber_server_get_petitions (ChamberRequest *request)
{
  g_autoptr (GHashTable) params = NULL;
  g_autoptr (GPtrArray) petitions = NULL;
  g_autoptr (GError) error = NULL;
  ChamberPetitionFilter filter = { -1, NULL, NULL };
  ChamberPetitionStatus status;
  JsonArray *array;

  if (!may_read (request) || (params = read_params (request)) == NULL)
    return;
  if (param (params, "status") != NULL)
    {
      if (!chamber_petition_status_parse (param (params, "status"), &status))
        {
          bad_request (request, _("“status” must be forwarded, answered, in-progress, resolved "
                                  "or unresolved."));
          return;
        }
      filter.status = status;
    }
  filter.agency = param (params, "agency");
  filter.field = param (params, "field");
  petitions = chamber_petitions_list (request->server->store, &filter, &error);
  if (petitions == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_sized_new (petitions->len);
  for (guint i = 0; i < petitions->len; i++)
    json_array_add_element (array, chamber_petition_to_json (g_ptr_array_index (petitions, i)));
  chamber_server_reply_array (request->msg, "petitions", array);
}

/* Reads @member ("links" or "remove_links": [{"kind", "id", "session"}]) of @body and adds
 * each link to petition @id, or removes it. */
static gboolean
change_links (ChamberRequest *request,
              JsonObject     *body,
              const char     *member,
              gint64          id,
              GError        **error)
{
  JsonNode *node = json_object_get_member (body, member);
  gboolean remove = g_str_equal (member, "remove_links");
  JsonArray *links;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node) || json_array_get_length (json_node_get_array (node)) > 256)
    {
      g_set_error (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                   _("“%s” must be a list of at most 256 {kind, id, session}."), member);
      return FALSE;
    }
  links = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonNode *element = json_array_get_element (links, i);
      g_autofree char *kind = NULL;
      gint64 target = 0, session = 0;
      JsonObject *link;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error_literal (error, CHAMBER_PROTOCOL_ERROR, CHAMBER_PROTOCOL_ERROR_WRONG_TYPE,
                               _("Each link must be an object {kind, id, session}."));
          return FALSE;
        }
      link = json_node_get_object (element);
      if (!chamber_json_get_string (link, "kind", TRUE, 16, &kind, error)
          || !chamber_json_get_int (link, "id", TRUE, 1, G_MAXINT64, &target, error)
          || !chamber_json_get_int (link, "session", FALSE, 0, G_MAXINT64, &session, error))
        return FALSE;
      if (remove ? !chamber_petitions_remove_link (request->server->store, id, kind, target,
                                                   session, error)
                 : !chamber_petitions_add_link (request->server->store, id, kind, target,
                                                session, error))
        return FALSE;
    }
  return TRUE;
}

/* The earlier petitions a new one may raise again, most similar first. */
#define MAX_SIMILAR 10

/* {"id", "similarity", "content", "meeting": {…}, "agency", "status", "status_label"} of each of
 * @matches, or NULL with @error set. */
static JsonArray *
similar_json (ChamberStore *store,
              GArray       *matches,
              GError      **error)
{
  g_autoptr (JsonArray) array = json_array_sized_new (matches->len);

  for (guint i = 0; i < matches->len; i++)
    {
      const ChamberPetitionMatch *match = &g_array_index (matches, ChamberPetitionMatch, i);
      g_autoptr (ChamberPetition) earlier = chamber_petitions_get (store, match->id, error);

      if (earlier == NULL)
        return NULL;
      json_array_add_element (array, chamber_petition_to_json (earlier));
    }
  return g_steal_pointer (&array);
}

/* Reads the optional "raised_again_of" of @body: absent, the most similar earlier petition is
 * linked; null or 0, none (the person entering it decided it is new); an id, that petition (which
 * must exist), with the similarity of the two contents. FALSE with @error set otherwise. */
static gboolean
choose_raised_again (ChamberStore    *store,
                     JsonObject      *body,
                     ChamberPetition *petition,
                     GArray          *matches,
                     GError         **error)
{
  JsonNode *node = json_object_get_member (body, "raised_again_of");
  g_autoptr (ChamberPetition) earlier = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *earlier_folded = NULL;
  gint64 id = 0;

  petition->raised_again_of = 0;
  petition->similarity = 0;
  if (node == NULL)
    {
      if (matches->len > 0)
        {
          petition->raised_again_of = g_array_index (matches, ChamberPetitionMatch, 0).id;
          petition->similarity = g_array_index (matches, ChamberPetitionMatch, 0).similarity;
        }
      return TRUE;
    }
  if (JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!chamber_json_get_int (body, "raised_again_of", FALSE, 0, G_MAXINT64, &id, error))
    return FALSE;
  if (id == 0)
    return TRUE;
  earlier = chamber_petitions_get (store, id, error);
  if (earlier == NULL)
    return FALSE;
  folded = chamber_petition_fold_words (petition->content);
  earlier_folded = chamber_petition_fold_words (earlier->content);
  petition->raised_again_of = id;
  petition->similarity = chamber_petition_similarity (folded, earlier_folded);
  return TRUE;
}

/* POST /api/v1/petitions[?dry_run=1]: a new petition; one similar to an earlier one is linked
 * to it (or to the earlier petition the body names in "raised_again_of"). With dry_run=1
 * nothing is saved: the answer is the petition as it would be kept and the earlier petitions
 * it may raise again, for the person entering it to choose. */
void
chamber_server_post_petitions (ChamberRequest *request)
{
  ChamberStore *store = request->server->store;
  g_autoptr (JsonObject) body = NULL;
  g_autoptr (GHashTable) params = NULL;
  g_autoptr (ChamberPetition) petition = NULL;
  g_autoptr (GArray) matches = NULL;
  g_autoptr (GError) error = NULL;
  const char *dry_run;
  JsonNode *node;

  if ((params = read_params (request)) == NULL)
    return;
  dry_run = param (params, "dry_run");
  if (dry_run != NULL && !g_str_equal (dry_run, "0") && !g_str_equal (dry_run, "1"))
    {
      bad_request (request, _("“dry_run” must be 1 (only check) or 0."));
      return;
    }
  body = chamber_request_read_object (request, FALSE);
  if (body == NULL)
    return;
  petition = chamber_petition_from_json (body, &error);
  if (petition != NULL)
    matches = chamber_petitions_similar (store, petition->content, 0, MAX_SIMILAR, &error);
  if (matches == NULL || !choose_raised_again (store, body, petition, matches, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (g_strcmp0 (dry_run, "1") == 0)
    {
      g_autoptr (JsonObject) answer = json_object_new ();
      JsonArray *similar = similar_json (store, matches, &error);

      if (similar == NULL)
        {
          chamber_server_reply_gerror (request->msg, error);
          return;
        }
      for (guint i = 0; i < matches->len; i++)
        json_object_set_double_member (json_array_get_object_element (similar, i), "similarity",
                                       g_array_index (matches, ChamberPetitionMatch, i)
                                         .similarity);
      json_object_set_boolean_member (answer, "dry_run", TRUE);
      json_object_set_member (answer, "petition", chamber_petition_to_json (petition));
      json_object_set_array_member (answer, "similar", similar);
      chamber_server_reply_json (request->msg, SOUP_STATUS_OK,
                                 json_node_init_object (json_node_alloc (), answer));
      return;
    }
  if (!chamber_store_begin (store, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (!chamber_petitions_insert (store, petition, request->caller->id, &error)
      || !change_links (request, body, "links", petition->id, &error)
      || !chamber_store_commit (store, &error))
    {
      chamber_store_rollback (store);
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  node = petition_full_json (store, petition, &error);
  if (node == NULL)
    chamber_server_reply_gerror (request->msg, error);
  else
    chamber_server_reply_member (request->msg, SOUP_STATUS_CREATED, "petition", node);
}

/* GET /api/v1/petitions/ID */
void
chamber_server_get_petition (ChamberRequest *request)
{
  g_autoptr (ChamberPetition) petition = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode *node;

  if (!may_read (request))
    return;
  petition = chamber_petitions_get (request->server->store, request->id, &error);
  if (petition == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  node = petition_full_json (request->server->store, petition, &error);
  if (node == NULL)
    chamber_server_reply_gerror (request->msg, error);
  else
    chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "petition", node);
}

/* PUT /api/v1/petitions/ID {"status"?, "note"?, "answer"?, "links"?, "remove_links"?} */
void
chamber_server_put_petition (ChamberRequest *request)
{
  ChamberStore *store = request->server->store;
  g_autoptr (JsonObject) body = chamber_request_read_object (request, FALSE);
  g_autoptr (ChamberPetition) petition = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *answer = NULL;
  ChamberPetitionStatus status;
  JsonNode *node;

  if (body == NULL)
    return;
  if (!chamber_json_get_string (body, "status", FALSE, 64, &status_text, &error)
      || !chamber_json_get_string (body, "note", FALSE, CHAMBER_PETITION_MAX_NOTE, &note, &error)
      || !chamber_json_get_string (body, "answer", FALSE, CHAMBER_PETITION_MAX_TEXT, &answer,
                                   &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (status_text != NULL && !chamber_petition_status_parse (status_text, &status))
    {
      bad_request (request, _("“status” must be forwarded, answered, in-progress, resolved or "
                              "unresolved."));
      return;
    }
  if (!chamber_store_begin (store, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  petition = chamber_petitions_get (store, request->id, &error);
  if (petition == NULL
      || (status_text != NULL
          && !chamber_petitions_set_status (store, request->id, status, note, 0,
                                            request->caller->id, &error))
      || (answer != NULL
          && !chamber_petitions_set_answer (store, request->id, answer, NULL, 0, &error))
      || !change_links (request, body, "remove_links", request->id, &error)
      || !change_links (request, body, "links", request->id, &error)
      || !chamber_store_commit (store, &error))
    {
      chamber_store_rollback (store);
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  g_clear_pointer (&petition, chamber_petition_free);
  petition = chamber_petitions_get (store, request->id, &error);
  node = petition != NULL ? petition_full_json (store, petition, &error) : NULL;
  if (node == NULL)
    chamber_server_reply_gerror (request->msg, error);
  else
    chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "petition", node);
}

/* POST /api/v1/petitions/import: the body is allowed more than a JSON body. */
gboolean
chamber_server_prepare_petition_import (ChamberRequest *request)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && soup_message_headers_get_content_length (headers) > MAX_IMPORT_BYTES)
    {
      g_autofree char *message =
        g_strdup_printf (_("The CSV file is larger than the limit of %d MiB: split it."),
                         MAX_IMPORT_BYTES / (1024 * 1024));

      soup_message_headers_replace (soup_server_message_get_response_headers (request->msg),
                                    "Connection", "close");
      chamber_server_reply_error (request->msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                  "too-large", message);
      return FALSE;
    }
  request->body->limit = MAX_IMPORT_BYTES;
  return TRUE;
}

/* POST /api/v1/petitions/import[?dry_run=1]: the body is the CSV file. */
void
chamber_server_post_petition_import (ChamberRequest *request)
{
  ChamberRequestBody *body = request->body;
  g_autoptr (GHashTable) params = read_params (request);
  g_autoptr (ChamberPetitionImport) import = NULL;
  g_autoptr (GError) error = NULL;
  const char *dry_run;
  gboolean dry;

  if (params == NULL)
    return;
  if (body->too_large)
    {
      g_autofree char *message =
        g_strdup_printf (_("The CSV file is larger than the limit of %d MiB: split it."),
                         MAX_IMPORT_BYTES / (1024 * 1024));

      chamber_server_reply_error (request->msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                  "too-large", message);
      return;
    }
  dry_run = param (params, "dry_run");
  if (dry_run != NULL && !g_str_equal (dry_run, "0") && !g_str_equal (dry_run, "1"))
    {
      bad_request (request, _("“dry_run” must be 1 (only check) or 0."));
      return;
    }
  dry = g_strcmp0 (dry_run, "1") == 0;
  import = chamber_petition_import_prepare (request->server->store,
                                            body->data != NULL ? (const char *) body->data->data
                                                               : "",
                                            body->data != NULL ? body->data->len : 0, &error);
  if (import == NULL)
    {
      if (error->domain == CHAMBER_CSV_ERROR)
        bad_request (request, error->message);
      else
        chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (!dry && import->problems->len > 0)
    {
      bad_request (request, g_ptr_array_index (import->problems, 0));
      return;
    }
  if (!dry && !chamber_petition_import_apply (request->server->store, import,
                                              request->caller->id, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_reply_json (request->msg, dry ? SOUP_STATUS_OK : SOUP_STATUS_CREATED,
                             chamber_petition_import_to_json (import, dry));
}

/* GET /api/v1/petitions/report?month=YYYY-MM&format=pdf|csv */
void
chamber_server_get_petition_report (ChamberRequest *request)
{
  g_autoptr (GHashTable) params = NULL;
  g_autoptr (ChamberPetitionReport) report = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *filename = NULL;
  const char *format;

  if (!may_read (request) || (params = read_params (request)) == NULL)
    return;
  format = param (params, "format") != NULL ? param (params, "format") : "pdf";
  if (!g_str_equal (format, "pdf") && !g_str_equal (format, "csv"))
    {
      bad_request (request, _("“format” must be pdf or csv."));
      return;
    }
  report = chamber_petition_report_load (request->server->store, param (params, "month"),
                                         &error);
  if (report == NULL)
    {
      if (g_error_matches (error, CHAMBER_STORE_ERROR, CHAMBER_STORE_ERROR_CONSTRAINT))
        bad_request (request, error->message);
      else
        chamber_server_reply_gerror (request->msg, error);
      return;
    }
  filename = g_strdup_printf ("petitions-%s.%s", report->month, format);
  if (g_str_equal (format, "csv"))
    {
      bytes = chamber_petition_report_to_csv (report);
      reply_bytes (request, "text/csv; charset=utf-8", filename, bytes);
      return;
    }
  bytes = chamber_petition_report_to_pdf (report, &error);
  if (bytes == NULL)
    chamber_server_reply_gerror (request->msg, error);
  else
    reply_bytes (request, "application/pdf", filename, bytes);
}

/* GET /api/v1/petitions/ID/answer: the answer document. */
void
chamber_server_get_petition_answer (ChamberRequest *request)
{
  g_autoptr (ChamberPetition) petition = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *filename = NULL;

  if (!may_read (request))
    return;
  petition = chamber_petitions_get (request->server->store, request->id, &error);
  if (petition == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (petition->answer_sha256 == NULL)
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found",
                                  _("This petition has no answer document."));
      return;
    }
  filename = g_strdup_printf ("answer-%lld.pdf", (long long) petition->id);
  reply_blob (request, petition->answer_sha256, "application/pdf", filename);
}

/* ---- Uploads: checked and stored in a worker thread ------------------------------------- */

typedef enum {
  UPLOAD_ANSWER,
  UPLOAD_EVIDENCE,
} UploadKind;

/* What a prepared upload carries from its query to its handler. */
typedef struct {
  UploadKind           kind;
  ChamberFindingResult result;
  char                *note;
} UploadParams;

static void
upload_params_free (UploadParams *params)
{
  g_free (params->note);
  g_free (params);
}

typedef struct {
  UploadKind  kind;
  char       *blob_dir;
  char       *path;
  char        sha256[65];
  const char *type;
  gint64      bytes;
} UploadJob;

static void
upload_job_free (UploadJob *job)
{
  if (job->path != NULL)
    g_unlink (job->path);
  g_free (job->blob_dir);
  g_free (job->path);
  g_free (job);
}

typedef struct {
  ChamberServer     *server;
  SoupServerMessage *msg;
  gboolean           disconnected;
} UploadReply;

static void
upload_disconnected_cb (SoupServerMessage *msg,
                        gpointer           user_data)
{
  ((UploadReply *) user_data)->disconnected = TRUE;
}

static void
upload_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  UploadJob *job = task_data;
  g_autoptr (ChamberBlobStore) blobs = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (job->kind == UPLOAD_ANSWER)
    {
      ok = chamber_pdf_check (job->path, TRUE, NULL, &error);
      job->type = "application/pdf";
    }
  else
    ok = chamber_followup_check_evidence (job->path, &job->type, NULL, &error);
  if (ok)
    blobs = chamber_blob_store_new (job->blob_dir, &error);
  if (blobs != NULL)
    ok = chamber_blob_store_import_file (blobs, job->path, job->sha256, &job->bytes, NULL,
                                         &error);
  else
    ok = FALSE;
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void finish_answer (ChamberRequest *request, const UploadJob *job);
static void finish_finding (ChamberRequest *request, const UploadJob *job);

static void
upload_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  UploadReply *reply = user_data;
  UploadJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  chamber_server_job_finished (reply->server);
  if (!reply->disconnected && !reply->server->stopping)
    {
      ChamberRequest *request = g_object_get_data (G_OBJECT (reply->msg),
                                                   CHAMBER_SERVER_REQUEST_DATA);

      if (!g_task_propagate_boolean (G_TASK (result), &error))
        chamber_server_reply_gerror (reply->msg, error);
      else if (job->kind == UPLOAD_ANSWER)
        finish_answer (request, job);
      else
        finish_finding (request, job);
      soup_server_message_unpause (reply->msg);
    }
  g_signal_handlers_disconnect_by_data (reply->msg, reply);
  g_object_unref (reply->msg);
  g_object_unref (reply->server);
  g_free (reply);
}

/* Opens the temporary file @request's body streams into, up to @limit bytes. */
static gboolean
open_upload (ChamberRequest *request,
             gsize           limit)
{
  ChamberRequestBody *body = request->body;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (request->msg);

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
      && (guint64) soup_message_headers_get_content_length (headers) > limit)
    {
      g_autofree char *message =
        g_strdup_printf (_("The file is too large: at most %d MiB."),
                         (int) (limit / (1024 * 1024)));

      soup_message_headers_replace (soup_server_message_get_response_headers (request->msg),
                                    "Connection", "close");
      chamber_server_reply_error (request->msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                  "too-large", message);
      return FALSE;
    }
  body->limit = limit;
  body->temp_path = chamber_blob_store_new_temp_path (request->server->blobs);
  if (body->temp_path == NULL)
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                                  _("The server cannot create a temporary file in its blob "
                                    "store. Check the data folder's permissions and free "
                                    "space."));
      return FALSE;
    }
  file = g_file_new_for_path (body->temp_path);
  body->out = G_OUTPUT_STREAM (g_file_append_to (file, G_FILE_CREATE_PRIVATE, NULL, &error));
  if (body->out == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return FALSE;
    }
  return TRUE;
}

/* Checks the arrived body of an upload and starts its worker; FALSE having answered, or when
 * there is no body at all (*@out_empty). */
static gboolean
start_upload (ChamberRequest *request,
              UploadKind      kind,
              gboolean       *out_empty)
{
  ChamberRequestBody *body = request->body;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  UploadJob *job;
  UploadReply *reply;

  *out_empty = FALSE;
  if (body->too_large)
    {
      g_autofree char *message =
        g_strdup_printf (_("The file is too large: at most %d MiB."),
                         (int) (body->limit / (1024 * 1024)));

      chamber_server_reply_error (request->msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE,
                                  "too-large", message);
      return FALSE;
    }
  if (body->write_error != NULL)
    {
      chamber_server_reply_gerror (request->msg, body->write_error);
      return FALSE;
    }
  if (body->out == NULL || !g_output_stream_close (body->out, NULL, &error))
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The uploaded file could not be kept. Send it again."));
      chamber_server_reply_gerror (request->msg, error);
      return FALSE;
    }
  g_clear_object (&body->out);
  if (body->received == 0)
    {
      /* Nothing to keep: give the temporary file back now, not when libsoup lets go. */
      g_unlink (body->temp_path);
      g_clear_pointer (&body->temp_path, g_free);
      *out_empty = TRUE;
      return FALSE;
    }

  job = g_new0 (UploadJob, 1);
  job->kind = kind;
  job->blob_dir = g_strdup (request->server->blob_dir);
  job->path = g_steal_pointer (&body->temp_path);
  reply = g_new0 (UploadReply, 1);
  reply->server = g_object_ref (request->server);
  reply->msg = g_object_ref (request->msg);
  g_signal_connect (reply->msg, "disconnected", G_CALLBACK (upload_disconnected_cb), reply);
  soup_server_message_pause (request->msg);
  chamber_server_job_started (request->server);
  task = g_task_new (NULL, NULL, upload_done_cb, reply);
  g_task_set_source_tag (task, start_upload);
  g_task_set_task_data (task, job, (GDestroyNotify) upload_job_free);
  g_task_run_in_thread (task, upload_thread);
  return TRUE;
}

/* POST /api/v1/petitions/ID/answer: the petition must exist before its body is read. */
gboolean
chamber_server_prepare_petition_answer (ChamberRequest *request)
{
  g_autoptr (ChamberPetition) petition = NULL;
  g_autoptr (GError) error = NULL;

  petition = chamber_petitions_get (request->server->store, request->id, &error);
  if (petition == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return FALSE;
    }
  return open_upload (request, MAX_ANSWER_BYTES);
}

/* POST /api/v1/petitions/ID/answer: the body is the answer PDF. */
void
chamber_server_post_petition_answer (ChamberRequest *request)
{
  gboolean empty = FALSE;

  if (!start_upload (request, UPLOAD_ANSWER, &empty) && empty)
    bad_request (request, _("Send the answer document (a PDF) as the body."));
}

static void
finish_answer (ChamberRequest  *request,
               const UploadJob *job)
{
  ChamberStore *store = request->server->store;
  g_autoptr (ChamberPetition) petition = NULL;
  g_autoptr (GError) error = NULL;
  JsonNode *node;

  if (!chamber_petitions_set_answer (store, request->id, NULL, job->sha256, job->bytes, &error)
      || (petition = chamber_petitions_get (store, request->id, &error)) == NULL
      || (node = petition_full_json (store, petition, &error)) == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_reply_member (request->msg, SOUP_STATUS_CREATED, "petition", node);
}

/* ---- Supervision ------------------------------------------------------------------------- */

/* POST /api/v1/supervision/draws {"status", "agency"?, "field"?, "size" | "share", "by"?,
 * "seed"?} */
void
chamber_server_post_supervision_draws (ChamberRequest *request)
{
  g_autoptr (JsonObject) body = chamber_request_read_object (request, FALSE);
  g_autoptr (ChamberDraw) draw = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *status = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *field = NULL;
  g_autofree char *by = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *share = NULL;
  ChamberDrawSpec spec = { -1, NULL, NULL, CHAMBER_STRATIFY_NONE, 0, 0, 0 };
  ChamberPetitionStatus parsed;
  JsonNode *node;
  guint64 seed_value = 0;

  if (body == NULL)
    return;
  if (!chamber_json_get_string (body, "status", FALSE, 64, &status, &error)
      || !chamber_json_get_string (body, "agency", FALSE, CHAMBER_PETITION_MAX_NAME, &agency,
                                   &error)
      || !chamber_json_get_string (body, "field", FALSE, CHAMBER_PETITION_MAX_NAME, &field,
                                   &error)
      || !chamber_json_get_string (body, "by", FALSE, 16, &by, &error)
      || !chamber_json_get_string (body, "seed", FALSE, 32, &seed, &error)
      || !chamber_json_get_int (body, "size", FALSE, 1, 1000000, &spec.size, &error))
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  node = json_object_get_member (body, "share");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        share = g_strdup (json_node_get_string (node));
      else if (JSON_NODE_HOLDS_VALUE (node)
               && (json_node_get_value_type (node) == G_TYPE_INT64
                   || json_node_get_value_type (node) == G_TYPE_DOUBLE))
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          share = g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.2f",
                                             json_node_get_double (node)));
        }
      if (share == NULL || !chamber_supervision_parse_share (share, &spec.share_bp))
        {
          bad_request (request, _("“share” must be a percentage above 0 and at most 100, with "
                                  "at most two decimals."));
          return;
        }
    }
  if ((spec.size > 0) == (spec.share_bp > 0))
    {
      bad_request (request, _("Give either “size” (how many petitions) or “share” (a "
                              "percentage), not both."));
      return;
    }
  if (status != NULL)
    {
      if (!chamber_petition_status_parse (status, &parsed))
        {
          bad_request (request, _("“status” must be forwarded, answered, in-progress, resolved "
                                  "or unresolved."));
          return;
        }
      spec.status = parsed;
    }
  if (by != NULL && !chamber_stratify_from_string (by, &spec.by))
    {
      bad_request (request, _("“by” must be none, agency or field."));
      return;
    }
  if (seed != NULL
      && !g_ascii_string_to_unsigned (seed, 10, 0, G_MAXUINT64, &seed_value, NULL))
    {
      bad_request (request, _("“seed” must be a whole number from 0 to 18446744073709551615, "
                              "written as a string."));
      return;
    }
  spec.seed = seed != NULL ? seed_value : chamber_supervision_random_seed ();
  spec.agency = agency;
  spec.field = field;
  draw = chamber_supervision_draw (request->server->store, &spec, request->caller->id, &error);
  if (draw == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_reply_member (request->msg, SOUP_STATUS_CREATED, "draw",
                               chamber_draw_to_json (draw));
}

/* A draw as @caller may see it: the seed, candidates and sample are for everyone to audit; the
 * findings only for the secretariat and for the group each drawn petition is assigned to. */
static JsonNode *
draw_json_for (const ChamberDraw   *draw,
               const ChamberPerson *caller)
{
  JsonNode *node = chamber_draw_to_json (draw);
  JsonArray *samples;

  if (chamber_server_role_may_write (caller->role))
    return node;
  samples = json_object_get_array_member (json_node_get_object (node), "samples");
  for (guint i = 0; i < draw->samples->len; i++)
    {
      const ChamberSample *sample = g_ptr_array_index (draw->samples, i);

      if (!is_member (caller, sample->assignee))
        json_object_set_null_member (json_array_get_object_element (samples, i), "finding");
    }
  return node;
}

/* GET /api/v1/supervision/draws: every draw, newest first. */
void
chamber_server_get_supervision_draws (ChamberRequest *request)
{
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *array;

  if (!may_read (request))
    return;
  ids = chamber_supervision_list_draws (request->server->store, &error);
  if (ids == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_sized_new (ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (ChamberDraw) draw =
        chamber_supervision_get_draw (request->server->store, g_array_index (ids, gint64, i),
                                      &error);

      if (draw == NULL)
        {
          json_array_unref (array);
          chamber_server_reply_gerror (request->msg, error);
          return;
        }
      json_array_add_element (array, draw_json_for (draw, request->caller));
    }
  chamber_server_reply_array (request->msg, "draws", array);
}

/* GET /api/v1/supervision/draws/ID: a draw with its seed, filter, strata, candidates and
 * sample, for anyone to audit. */
void
chamber_server_get_supervision_draw (ChamberRequest *request)
{
  g_autoptr (ChamberDraw) draw = NULL;
  g_autoptr (GError) error = NULL;

  if (!may_read (request))
    return;
  draw = chamber_supervision_get_draw (request->server->store, request->id, &error);
  if (draw == NULL)
    chamber_server_reply_gerror (request->msg, error);
  else
    chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "draw",
                                 draw_json_for (draw, request->caller));
}

/* GET /api/v1/supervision/draws/ID/checks: reported vs verified per agency. */
void
chamber_server_get_supervision_checks (ChamberRequest *request)
{
  g_autoptr (GPtrArray) checks = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *array;

  if (!may_read (request))
    return;
  checks = chamber_supervision_agency_checks (request->server->store, request->id, &error);
  if (checks == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_sized_new (checks->len);
  for (guint i = 0; i < checks->len; i++)
    json_array_add_element (array, chamber_agency_check_to_json (g_ptr_array_index (checks, i)));
  chamber_server_reply_array (request->msg, "checks", array);
}

/* GET /api/v1/supervision/samples?draw=ID: the secretariat sees every drawn petition, a
 * delegate those assigned to their group. */
void
chamber_server_get_supervision_samples (ChamberRequest *request)
{
  g_autoptr (GHashTable) params = NULL;
  g_autoptr (GPtrArray) samples = NULL;
  g_autoptr (GError) error = NULL;
  gboolean writer = chamber_server_role_may_write (request->caller->role);
  gint64 draw_id = 0;
  JsonArray *array;

  if (!may_read (request) || (params = read_params (request)) == NULL)
    return;
  if (param (params, "draw") != NULL && !chamber_server_parse_id (param (params, "draw"),
                                                                  &draw_id))
    {
      bad_request (request, _("“draw” must be the id of a draw."));
      return;
    }
  samples = chamber_supervision_list_samples (request->server->store, draw_id, NULL, &error);
  if (samples == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  array = json_array_new ();
  for (guint i = 0; i < samples->len; i++)
    {
      const ChamberSample *sample = g_ptr_array_index (samples, i);

      if (writer || is_member (request->caller, sample->assignee))
        json_array_add_element (array, chamber_sample_to_json (sample));
    }
  chamber_server_reply_array (request->msg, "samples", array);
}

/* PUT /api/v1/supervision/samples/ID {"assignee": "Ban Văn hóa – Xã hội"} */
void
chamber_server_put_supervision_sample (ChamberRequest *request)
{
  g_autoptr (JsonObject) body = chamber_request_read_object (request, FALSE);
  g_autoptr (ChamberSample) sample = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *assignee = NULL;

  if (body == NULL)
    return;
  if (!chamber_json_get_string (body, "assignee", TRUE, CHAMBER_PETITION_MAX_NAME, &assignee,
                                &error)
      || !chamber_supervision_assign (request->server->store, request->id, assignee,
                                      request->caller->id, &error)
      || (sample = chamber_supervision_get_sample (request->server->store, request->id,
                                                   &error)) == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  chamber_server_reply_member (request->msg, SOUP_STATUS_OK, "sample",
                               chamber_sample_to_json (sample));
}

/* POST /api/v1/supervision/samples/ID/findings?result=&note=: checked before the body (the
 * evidence, or nothing) is read. */
gboolean
chamber_server_prepare_supervision_finding (ChamberRequest *request)
{
  g_autoptr (GHashTable) params = read_params (request);
  g_autoptr (ChamberSample) sample = NULL;
  g_autoptr (GError) error = NULL;
  UploadParams *upload;
  ChamberFindingResult result;
  const char *note;

  if (params == NULL || !may_read (request))
    return FALSE;
  sample = chamber_supervision_get_sample (request->server->store, request->id, &error);
  if (sample == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return FALSE;
    }
  if (!chamber_server_role_may_write (request->caller->role)
      && !is_member (request->caller, sample->assignee))
    {
      forbidden (request, _("Only the committee or delegate group this petition is assigned to, "
                            "or the secretariat, records findings on it."));
      return FALSE;
    }
  if (!chamber_finding_result_from_string (param (params, "result"), &result))
    {
      bad_request (request, _("“result” must be confirmed, partly or not-resolved."));
      return FALSE;
    }
  note = param (params, "note");
  if (note != NULL && strlen (note) > CHAMBER_SUPERVISION_MAX_NOTE)
    {
      bad_request (request, _("The note is too long."));
      return FALSE;
    }
  upload = g_new0 (UploadParams, 1);
  upload->kind = UPLOAD_EVIDENCE;
  upload->result = result;
  upload->note = g_strdup (note);
  g_object_set_data_full (G_OBJECT (request->msg), PARAMS_DATA, upload,
                          (GDestroyNotify) upload_params_free);
  return open_upload (request, CHAMBER_FOLLOWUP_MAX_EVIDENCE);
}

static void
finish_finding (ChamberRequest  *request,
                const UploadJob *job)
{
  UploadParams *params = g_object_get_data (G_OBJECT (request->msg), PARAMS_DATA);
  g_autoptr (ChamberFinding) finding = NULL;
  g_autoptr (ChamberSample) sample = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *object;
  JsonNode *root;

  finding = chamber_supervision_record_finding (request->server->store, request->id,
                                                params->result, params->note,
                                                job != NULL ? job->sha256 : NULL,
                                                job != NULL ? job->type : NULL,
                                                job != NULL ? job->bytes : 0,
                                                request->caller->id, &error);
  if (finding == NULL
      || (sample = chamber_supervision_get_sample (request->server->store, request->id,
                                                   &error)) == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  object = json_object_new ();
  json_object_set_member (object, "finding", chamber_finding_to_json (finding));
  json_object_set_member (object, "sample", chamber_sample_to_json (sample));
  root = chamber_json_node_take_object (object);
  chamber_server_reply_json (request->msg, SOUP_STATUS_CREATED, root);
}

/* POST /api/v1/supervision/samples/ID/findings: the body is the evidence (PDF, PNG or JPEG),
 * or empty. */
void
chamber_server_post_supervision_finding (ChamberRequest *request)
{
  gboolean empty = FALSE;

  if (g_object_get_data (G_OBJECT (request->msg), PARAMS_DATA) == NULL)
    {
      bad_request (request, _("The finding was not prepared. Send it again."));
      return;
    }
  if (!start_upload (request, UPLOAD_EVIDENCE, &empty) && empty)
    finish_finding (request, NULL);
}

/* GET /api/v1/supervision/findings/ID/evidence: for the secretariat and the members of the
 * group the petition is assigned to. */
void
chamber_server_get_supervision_evidence (ChamberRequest *request)
{
  g_autoptr (ChamberFinding) finding = NULL;
  g_autoptr (ChamberSample) sample = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *filename = NULL;

  if (!may_read (request))
    return;
  finding = chamber_supervision_get_finding (request->server->store, request->id, &error);
  if (finding != NULL)
    sample = chamber_supervision_get_sample (request->server->store, finding->sample_id,
                                             &error);
  if (sample == NULL)
    {
      chamber_server_reply_gerror (request->msg, error);
      return;
    }
  if (!chamber_server_role_may_write (request->caller->role)
      && !is_member (request->caller, sample->assignee))
    {
      /* Like a document one may not read: it does not exist for them. */
      g_autofree char *message =
        g_strdup_printf (_("There is no finding %lld that you may read."),
                         (long long) request->id);

      chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found", message);
      return;
    }
  if (finding->evidence_sha256 == NULL)
    {
      chamber_server_reply_error (request->msg, SOUP_STATUS_NOT_FOUND, "not-found",
                                  _("This finding has no evidence."));
      return;
    }
  filename = g_strdup_printf ("evidence-%lld.%s", (long long) finding->id,
                              g_str_equal (finding->evidence_type, "application/pdf") ? "pdf"
                              : g_str_equal (finding->evidence_type, "image/png")     ? "png"
                                                                                      : "jpg");
  reply_blob (request, finding->evidence_sha256, finding->evidence_type, filename);
}

/* GET /api/v1/supervision/recommendation?draw=ID: the PDF for the People's Committee. */
void
chamber_server_get_supervision_recommendation (ChamberRequest *request)
{
  g_autoptr (GHashTable) params = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  gint64 draw_id = 0;

  if (request->caller->role != CHAMBER_ROLE_CHAIR && !may_write (request))
    return;
  if ((params = read_params (request)) == NULL)
    return;
  if (param (params, "draw") != NULL && !chamber_server_parse_id (param (params, "draw"),
                                                                  &draw_id))
    {
      bad_request (request, _("“draw” must be the id of a draw."));
      return;
    }
  bytes = chamber_supervision_recommendation_pdf (request->server->store, draw_id, &error);
  if (bytes == NULL)
    chamber_server_reply_gerror (request->msg, error);
  else
    reply_bytes (request, "application/pdf", "recommendation.pdf", bytes);
}
