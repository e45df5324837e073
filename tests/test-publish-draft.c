/* test-publish-draft.c — drafts and publishing (issue 6), over real HTTP against a real chamberd
 * with real PDFs: a document or new version uploaded as a draft is in no delegate's, chair's or
 * official's manifest (not even its hash), its blob answers them 404 and the delivery report
 * leaves it out, while the secretariat sees it marked as a draft; publishing one document, an
 * item's or a session's drafts brings them in with a new revision and ETag; roles, unknown and
 * hostile ids; the client calls and chamberctl commands on top. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "chamber-client.h"
#include "chamber-protocol.h"
#include "chamber-test-util.h"


/* The world of these tests: a session with two items, a delegate, a chair and an official with
 * their tokens, and a published document "Báo cáo" (v1) on the first item. */
typedef struct {
  ChamberTestServer *server;
  ChamberClient     *admin;
  ChamberClient     *secretariat;
  ChamberClient     *readers[3];  /* delegate, chair, official */
  char              *secretariat_token;
  char              *delegate_token;
  char              *chair_token;
  char              *official_token;
  gint64             session;
  gint64             item;
  gint64             other_item;
  char              *dir;
  ChamberDocument   *published;
} World;

static void
world_free (World *w)
{
  chamber_document_free (w->published);
  g_clear_object (&w->secretariat);
  for (guint i = 0; i < G_N_ELEMENTS (w->readers); i++)
    g_clear_object (&w->readers[i]);
  g_clear_object (&w->admin);
  g_free (w->secretariat_token);
  g_free (w->delegate_token);
  g_free (w->chair_token);
  g_free (w->official_token);
  chamber_test_rm_rf (w->dir);
  g_free (w->dir);
  chamber_test_server_free (w->server);
  g_free (w);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (World, world_free)

static char *
write_pdf (World *w, const char *name, int pages, const char *text)
{
  char *path = g_build_filename (w->dir, name, NULL);

  chamber_test_write_pdf (path, pages, text);
  return path;
}

static World *
world_new (void)
{
  World *w = g_new0 (World, 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *v1 = NULL;

  w->server = chamber_test_server_start ();
  w->admin = chamber_client_new (w->server->url, w->server->admin_token, &error);
  g_assert_no_error (error);
  w->dir = chamber_test_make_temp_dir ("chamber-draft-XXXXXX");
  chamber_test_add_person (w->server, w->admin, "Văn phòng", CHAMBER_ROLE_SECRETARIAT, NULL,
                           NULL, &w->secretariat, &w->secretariat_token);
  chamber_test_add_person (w->server, w->admin, "Nguyễn Văn An", CHAMBER_ROLE_DELEGATE,
                           "Tổ đại biểu số 1", NULL, &w->readers[0], &w->delegate_token);
  chamber_test_add_person (w->server, w->admin, "Chủ tọa", CHAMBER_ROLE_CHAIR, NULL, NULL,
                           &w->readers[1], &w->chair_token);
  chamber_test_add_person (w->server, w->admin, "Giám đốc Sở", CHAMBER_ROLE_OFFICIAL, NULL,
                           "Giám đốc", &w->readers[2], &w->official_token);
  w->session = chamber_test_add_session (w->admin, 12, NULL, "2024-12-09", NULL);
  w->item = chamber_test_add_item (w->admin, w->session, "Báo cáo kinh tế - xã hội");
  w->other_item = chamber_test_add_item (w->admin, w->session, "Chất vấn");

  v1 = write_pdf (w, "v1.pdf", 2, "Báo cáo bản 1");
  w->published = chamber_client_publish (w->secretariat, w->item, v1, "Báo cáo",
                                         CHAMBER_DOCUMENT_REPORT, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (w->published->draft);
  g_assert_nonnull (w->published->published_at);
  return w;
}

static ChamberTestAnswer *
manifest (World *w, const char *token)
{
  g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (w->server, token, "GET", NULL,
                                                             "/api/v1/sessions/%lld/manifest",
                                                             (long long) w->session);

  chamber_test_expect (answer, SOUP_STATUS_OK, NULL);
  g_assert_nonnull (answer->etag);
  return g_steal_pointer (&answer);
}

static gint64
manifest_revision (ChamberTestAnswer *answer)
{
  return json_object_get_int_member (answer->object, "revision");
}

/* Whether the manifest in @answer lists document @id. */
static gboolean
lists_document (ChamberTestAnswer *answer, gint64 id)
{
  JsonArray *documents = json_object_get_array_member (answer->object, "documents");

  for (guint i = 0; i < json_array_get_length (documents); i++)
    if (json_object_get_int_member (json_array_get_object_element (documents, i), "id") == id)
      return TRUE;
  return FALSE;
}

static guint
blob_status (World *w, const char *token, const char *sha256)
{
  g_autoptr (ChamberTestAnswer) answer = chamber_test_callf (w->server, token, "GET", NULL,
                                                             "/api/v1/blobs/%s", sha256);

  return answer->status;
}

/* The readers who never see a draft. */
static const char *
reader_token (World *w, guint i)
{
  return (const char *[]) { w->delegate_token, w->chair_token, w->official_token }[i];
}

/* A new document uploaded as a draft: absent for every reader (hash and all), a 404 blob,
 * present and marked for the secretariat; publishing it brings it to everyone with a new
 * revision and ETag, and is idempotent. */
static void
test_draft_document (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberDocument) draft = NULL;
  g_autoptr (ChamberDocument) again = NULL;
  g_autoptr (ChamberDocument) now = NULL;
  g_autoptr (ChamberTestAnswer) before = NULL;
  g_autoptr (ChamberTestAnswer) after = NULL;
  g_autoptr (ChamberTestAnswer) listing = NULL;
  g_autoptr (ChamberTestAnswer) audit = NULL;
  g_autofree char *path = write_pdf (w, "draft.pdf", 3, "Tờ trình dự thảo");
  gboolean was_draft = TRUE;

  draft = chamber_client_upload_document (w->secretariat, w->item, path, "Tờ trình",
                                          CHAMBER_DOCUMENT_SUBMISSION, NULL, TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (draft->draft);
  g_assert_null (draft->published_at);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (ChamberTestAnswer) seen = manifest (w, reader_token (w, i));
      const char *token = reader_token (w, i);
      g_autoptr (ChamberTestAnswer) record = chamber_test_callf (w->server, token, "GET", NULL,
                                                                 "/api/v1/documents/%lld",
                                                                 (long long) draft->id);
      g_autoptr (ChamberTestAnswer) documents = chamber_test_callf (
          w->server, token, "GET", NULL, "/api/v1/sessions/%lld/documents",
          (long long) w->session);

      g_assert_null (strstr (seen->text, draft->sha256));
      g_assert_null (strstr (seen->text, "Tờ trình\""));
      g_assert_nonnull (strstr (seen->text, w->published->sha256));
      g_assert_cmpuint (blob_status (w, reader_token (w, i), draft->sha256), ==,
                        SOUP_STATUS_NOT_FOUND);
      g_assert_cmpuint (blob_status (w, reader_token (w, i), w->published->sha256), ==,
                        SOUP_STATUS_OK);
      chamber_test_expect (record, SOUP_STATUS_NOT_FOUND, NULL);
      chamber_test_expect (documents, SOUP_STATUS_OK, NULL);
      g_assert_null (strstr (documents->text, draft->sha256));
    }

  /* The secretariat reads it, marked as a draft, in the listing; a manifest is what is
   * published, for the secretariat too. */
  listing = chamber_test_callf (w->server, w->secretariat_token, "GET", NULL,
                                "/api/v1/sessions/%lld/documents", (long long) w->session);
  chamber_test_expect (listing, SOUP_STATUS_OK, NULL);
  g_assert_nonnull (strstr (listing->text, draft->sha256));
  g_assert_nonnull (strstr (listing->text, "\"draft\":true"));
  g_assert_cmpuint (blob_status (w, w->secretariat_token, draft->sha256), ==, SOUP_STATUS_OK);
  {
    g_autoptr (ChamberTestAnswer) own = manifest (w, w->secretariat_token);

    g_assert_null (strstr (own->text, draft->sha256));
  }

  /* Delivery counts only what is published. */
  {
    g_autoptr (ChamberTestAnswer) delivery = chamber_test_callf (w->server, w->secretariat_token,
                                                                 "GET", NULL,
                                                                 "/api/v1/sessions/%lld/delivery",
                                                                 (long long) w->session);
    g_autofree char *needle = g_strdup_printf ("\"document_id\":%lld", (long long) draft->id);

    chamber_test_expect (delivery, SOUP_STATUS_OK, NULL);
    g_assert_null (strstr (delivery->text, needle));
    g_clear_pointer (&needle, g_free);
    needle = g_strdup_printf ("\"document_id\":%lld", (long long) w->published->id);
    g_assert_nonnull (strstr (delivery->text, needle));
  }

  before = manifest (w, w->delegate_token);
  now = chamber_client_publish_document (w->secretariat, draft->id, &was_draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (was_draft);
  g_assert_false (now->draft);
  g_assert_nonnull (now->published_at);
  after = manifest (w, w->delegate_token);
  g_assert_cmpint (manifest_revision (after), >, manifest_revision (before));
  g_assert_cmpstr (after->etag, !=, before->etag);
  g_assert_nonnull (strstr (after->text, draft->sha256));
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (blob_status (w, reader_token (w, i), draft->sha256), ==, SOUP_STATUS_OK);

  /* Incrementally: the laptop that held revision @before gets the document in one round. */
  {
    g_autoptr (ChamberTestAnswer) since = chamber_test_callf (w->server, w->delegate_token, "GET",
                                                              NULL,
                                      "/api/v1/sessions/%lld/manifest?since=%lld",
                                                              (long long) w->session,
                                      (long long) manifest_revision (before));

    chamber_test_expect (since, SOUP_STATUS_OK, NULL);
    g_assert_nonnull (strstr (since->text, draft->sha256));
  }

  /* Publishing again changes nothing: 200, nothing published, the same revision. */
  was_draft = TRUE;
  again = chamber_client_publish_document (w->secretariat, draft->id, &was_draft, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (was_draft);
  g_assert_cmpstr (again->published_at, ==, now->published_at);
  {
    g_autoptr (ChamberTestAnswer) same = manifest (w, w->delegate_token);

    g_assert_cmpint (manifest_revision (same), ==, manifest_revision (after));
    g_assert_cmpstr (same->etag, ==, after->etag);
  }

  /* One "publish" event for the upload (a draft) and one for the publication. */
  audit = chamber_test_call (w->server, w->server->admin_token, "GET", "/api/v1/audit", NULL);
  chamber_test_expect (audit, SOUP_STATUS_OK, NULL);
  g_assert_nonnull (strstr (audit->text, "draft; all"));
  g_assert_nonnull (strstr (audit->text, "draft published; all"));
}

/* A new version uploaded as a draft leaves v1 in every manifest until it is published. */
static void
test_draft_version (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberDocument) v2 = NULL;
  g_autoptr (ChamberDocument) now = NULL;
  g_autoptr (ChamberTestAnswer) before = NULL;
  g_autoptr (ChamberTestAnswer) during = NULL;
  g_autoptr (ChamberTestAnswer) after = NULL;
  g_autoptr (ChamberTestAnswer) refused = NULL;
  g_autofree char *path = write_pdf (w, "v2.pdf", 4, "Báo cáo bản 2");

  before = manifest (w, w->delegate_token);
  v2 = chamber_client_replace_document_full (w->secretariat, w->published->id, path, -1, NULL,
                                             TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (v2->draft);
  g_assert_cmpint (v2->version, ==, 2);
  g_assert_cmpint (v2->replaces_id, ==, w->published->id);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (ChamberTestAnswer) seen = manifest (w, reader_token (w, i));

      g_assert_true (lists_document (seen, w->published->id));
      g_assert_false (lists_document (seen, v2->id));
      g_assert_nonnull (strstr (seen->text, w->published->sha256));
      g_assert_null (strstr (seen->text, v2->sha256));
      g_assert_cmpuint (blob_status (w, reader_token (w, i), v2->sha256), ==,
                        SOUP_STATUS_NOT_FOUND);
    }

  /* Publishing the whole item brings v2 in place of v1, in one revision. */
  during = manifest (w, w->delegate_token);
  {
    g_autoptr (GArray) ids = chamber_client_publish_drafts (w->secretariat, 0, w->item, NULL,
                                                            &error);

    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, v2->id);
  }
  after = manifest (w, w->delegate_token);
  g_assert_cmpint (manifest_revision (after), ==, manifest_revision (during) + 1);
  g_assert_cmpstr (after->etag, !=, during->etag);
  g_assert_nonnull (strstr (after->text, v2->sha256));
  g_assert_true (lists_document (after, v2->id));
  g_assert_false (lists_document (after, w->published->id));

  /* Publishing a published document is harmless; an unknown one is 404. */
  now = chamber_client_publish_document (w->secretariat, v2->id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (now->draft);
  refused = chamber_test_call (w->server, w->secretariat_token, "POST",
                               "/api/v1/documents/999999/publish",
                               "{}");
  chamber_test_expect (refused, SOUP_STATUS_NOT_FOUND, NULL);
  g_assert_cmpint (manifest_revision (before), <, manifest_revision (after));
}

/* Publishing a session's drafts: several items at once, one revision; none left is harmless. */
static void
test_publish_session (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GArray) none = NULL;
  g_autoptr (ChamberTestAnswer) before = NULL;
  g_autoptr (ChamberTestAnswer) after = NULL;
  ChamberDocument *drafts[3] = { NULL, NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    {
      g_autofree char *name = g_strdup_printf ("pack-%u.pdf", i);
      g_autofree char *text = g_strdup_printf ("Tài liệu số %u", i);
      g_autofree char *path = write_pdf (w, name, 1, text);

      drafts[i] = chamber_client_upload_document (w->secretariat,
                                                  i == 0 ? w->item : w->other_item, path, text,
                                                  CHAMBER_DOCUMENT_OTHER, NULL, TRUE, NULL,
                                                  &error);
      g_assert_no_error (error);
    }

  before = manifest (w, w->delegate_token);
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    g_assert_null (strstr (before->text, drafts[i]->sha256));

  ids = chamber_client_publish_drafts (w->secretariat, w->session, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  after = manifest (w, w->delegate_token);
  g_assert_cmpint (manifest_revision (after), ==, manifest_revision (before) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    g_assert_nonnull (strstr (after->text, drafts[i]->sha256));

  none = chamber_client_publish_drafts (w->secretariat, w->session, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  {
    g_autoptr (ChamberTestAnswer) same = manifest (w, w->delegate_token);

    g_assert_cmpint (manifest_revision (same), ==, manifest_revision (after));
  }

  for (guint i = 0; i < G_N_ELEMENTS (drafts); i++)
    chamber_document_free (drafts[i]);
}

/* Only the secretariat and admin publish; unknown and hostile ids are refused; a bad "draft"
 * flag on an upload is refused before anything is stored. */
static void
test_roles_and_hostile (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberDocument) draft = NULL;
  g_autofree char *path = write_pdf (w, "roles.pdf", 1, "Dự thảo");
  static const char *const hostile[] = {
    "/api/v1/documents/0/publish",
    "/api/v1/documents/-1/publish",
    "/api/v1/documents/abc/publish",
    "/api/v1/documents/99999999999999999999999/publish",
    "/api/v1/documents/1%2F..%2F..%2Fetc/publish",
    "/api/v1/documents/%2e%2e/publish",
    "/api/v1/documents/1;rm%20-rf/publish",
    "/api/v1/sessions/0/publish",
    "/api/v1/sessions/999999/publish",
    "/api/v1/items/999999/publish",
    "/api/v1/items/1e3/publish",
  };

  draft = chamber_client_upload_document (w->secretariat, w->item, path, "Dự thảo",
                                          CHAMBER_DOCUMENT_DRAFT_RESOLUTION, NULL, TRUE, NULL,
                                          &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      const char *token = reader_token (w, i);
      g_autoptr (ChamberTestAnswer) one = chamber_test_callf (w->server, token, "POST", "{}",
                                      "/api/v1/documents/%lld/publish", (long long) draft->id);
      g_autoptr (ChamberTestAnswer) item = chamber_test_callf (w->server, token, "POST", "{}",
                                       "/api/v1/items/%lld/publish", (long long) w->item);
      g_autoptr (ChamberTestAnswer) session = chamber_test_callf (w->server, token, "POST", "{}",
                                                                  "/api/v1/sessions/%lld/publish",
                                                                  (long long) w->session);

      chamber_test_expect (one, SOUP_STATUS_FORBIDDEN, NULL);
      chamber_test_expect (item, SOUP_STATUS_FORBIDDEN, NULL);
      chamber_test_expect (session, SOUP_STATUS_FORBIDDEN, NULL);
      g_assert_cmpuint (blob_status (w, token, draft->sha256), ==, SOUP_STATUS_NOT_FOUND);
    }
  {
    g_autoptr (ChamberTestAnswer) anonymous = chamber_test_callf (w->server, NULL, "POST", "{}",
                                                                  "/api/v1/documents/%lld/publish",
                                                                  (long long) draft->id);
    g_autoptr (ChamberTestAnswer) wrong = chamber_test_callf (w->server, "chm_wrong", "POST", "{}",
                                      "/api/v1/documents/%lld/publish", (long long) draft->id);

    chamber_test_expect (anonymous, SOUP_STATUS_UNAUTHORIZED, NULL);
    chamber_test_expect (wrong, SOUP_STATUS_UNAUTHORIZED, NULL);
  }

  for (guint i = 0; i < G_N_ELEMENTS (hostile); i++)
    {
      g_autoptr (ChamberTestAnswer) answer = chamber_test_call (w->server, w->secretariat_token,
                                                                "POST", hostile[i],
                                                                "{}");

      if (answer->status != SOUP_STATUS_NOT_FOUND && answer->status != SOUP_STATUS_BAD_REQUEST)
        g_error ("%s: expected 404 or 400, got %u: %s", hostile[i], answer->status,
                 answer->text);
    }
  /* A hostile body is ignored, not obeyed. */
  {
    g_autoptr (ChamberTestAnswer) odd = chamber_test_call (w->server, w->secretariat_token, "POST",
                                                           "/api/v1/sessions/999999/publish",
                                                           "{\"session_id\": \"../../etc/passwd\"");

    g_assert_cmpuint (odd->status, !=, SOUP_STATUS_OK);
  }

  /* Nothing above published it. */
  {
    g_autoptr (ChamberTestAnswer) seen = manifest (w, w->delegate_token);

    g_assert_null (strstr (seen->text, draft->sha256));
  }

  /* "draft" must be true or false; a refused upload stores nothing. */
  {
    g_autofree char *pdf = NULL;
    gsize length = 0;
    g_autoptr (GBytes) body = NULL;
    g_autofree char *path_yes = g_strdup_printf ("/api/v1/items/%lld/documents?draft=yes",
                                                 (long long) w->item);
    g_autoptr (ChamberTestAnswer) reply = NULL;
    g_autoptr (ChamberTestAnswer) listing = NULL;

    g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
    body = g_bytes_new_take (g_steal_pointer (&pdf), length);
    reply = chamber_test_call_bytes (w->server, w->secretariat_token, "POST", path_yes,
                                     "application/pdf", body);
    chamber_test_expect (reply, SOUP_STATUS_BAD_REQUEST, NULL);
    g_assert_nonnull (strstr (reply->text, "draft"));
    listing = chamber_test_callf (w->server, w->secretariat_token, "GET", NULL,
                                  "/api/v1/sessions/%lld/documents", (long long) w->session);
    chamber_test_expect (listing, SOUP_STATUS_OK, NULL);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (listing->object,
                                                                             "documents")),
                      ==, 2);
  }

  /* The admin may publish too. */
  {
    g_autoptr (ChamberDocument) now = chamber_client_publish_document (w->admin, draft->id, NULL,
                                                                       NULL, &error);

    g_assert_no_error (error);
    g_assert_false (now->draft);
    g_assert_cmpuint (blob_status (w, w->official_token, draft->sha256), ==, SOUP_STATUS_OK);
  }
}

/* Uploads without the flag are published at once, as before drafts existed. */
static void
test_no_flag_publishes (void)
{
  g_autoptr (World) w = world_new ();
  g_autoptr (ChamberTestAnswer) seen = manifest (w, w->delegate_token);

  g_assert_nonnull (strstr (seen->text, w->published->sha256));
  g_assert_cmpuint (blob_status (w, w->delegate_token, w->published->sha256), ==,
                    SOUP_STATUS_OK);
  g_assert_null (strstr (seen->text, "\"draft\""));
}

/* chamberctl: `publish --draft`, `document publish ID`, `session publish ID`. */
static void
test_cli (void)
{
  g_autoptr (World) w = world_new ();
  g_autofree char *path = write_pdf (w, "cli.pdf", 2, "Qua dòng lệnh");
  g_autofree char *item = g_strdup_printf ("%lld", (long long) w->item);
  g_autofree char *session = g_strdup_printf ("%lld", (long long) w->session);
  g_autofree char *out = NULL;
  g_autofree char *first = NULL;
  g_autofree char *err = NULL;
  g_autofree char *id = NULL;
  g_auto (GStrv) lines = NULL;
  g_autofree char *published = NULL;
  g_autofree char *second = NULL;
  g_autofree char *pack = NULL;
  g_autoptr (ChamberTestAnswer) seen = NULL;
  g_autoptr (ChamberTestAnswer) after = NULL;

  /* It prints the id, as without --draft. */
  id = chamber_test_ctl_ok (w->server, w->secretariat_token, "publish", "--title",
                            "Qua dòng lệnh", "--draft", item, path, NULL);
  g_assert_cmpint (g_ascii_strtoll (id, NULL, 10), >, 0);
  seen = manifest (w, w->delegate_token);
  g_assert_null (strstr (seen->text, "Qua dòng lệnh"));

  /* A delegate may not publish. */
  g_assert_cmpint (chamber_test_ctl (w->server, w->delegate_token, NULL, &err, "document",
                                     "publish", id, NULL), !=, 0);
  g_assert_nonnull (err);
  g_assert_cmpstr (err, !=, "");

  published = chamber_test_ctl_ok (w->server, w->secretariat_token, "document", "publish", id,
                                   NULL);
  g_assert_nonnull (strstr (published, id));
  after = manifest (w, w->delegate_token);
  g_assert_nonnull (strstr (after->text, "Qua dòng lệnh"));

  /* Again: nothing to do, said so, and success. */
  second = chamber_test_ctl_ok (w->server, w->secretariat_token, "document", "publish", id,
                                NULL);
  g_assert_nonnull (strstr (second, "already"));

  /* A pack of drafts, published by session. */
  g_clear_pointer (&out, g_free);
  first = chamber_test_ctl_ok (w->server, w->secretariat_token, "publish", "--title", "Gói 1",
                               "--draft", item, path, NULL);
  out = chamber_test_ctl_ok (w->server, w->secretariat_token, "publish", "--title", "Gói 2",
                             "--draft", item, path, NULL);
  pack = chamber_test_ctl_ok (w->server, w->secretariat_token, "session", "publish", session,
                              NULL);
  lines = g_strsplit (pack, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[0], ==, first);
  g_assert_cmpstr (lines[1], ==, out);
  {
    g_autoptr (ChamberTestAnswer) all = manifest (w, w->delegate_token);

    g_assert_nonnull (strstr (all->text, "Gói 1"));
    g_assert_nonnull (strstr (all->text, "Gói 2"));
  }

  /* An unknown session is an error with a message. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (chamber_test_ctl (w->server, w->secretariat_token, NULL, &err, "session",
                                     "publish", "999999", NULL), !=, 0);
  g_assert_nonnull (strstr (err, "999999"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/draft/document", test_draft_document);
  g_test_add_func ("/draft/version", test_draft_version);
  g_test_add_func ("/draft/publish-session", test_publish_session);
  g_test_add_func ("/draft/roles-and-hostile", test_roles_and_hostile);
  g_test_add_func ("/draft/no-flag", test_no_flag_publishes);
  g_test_add_func ("/draft/cli", test_cli);

  status = g_test_run ();
  return status;
}
