/* chamber-test-util.h — shared by every test: real chamberd processes on ephemeral loopback
 * ports, temporary folders, generated PDFs and a bounded main-loop pump. No mocks. */
#pragma once

#include <gio/gio.h>

#include "chamber-client.h"

G_BEGIN_DECLS

typedef struct {
  char        *data_dir;     /* chamberd --data; removed by chamber_test_server_free() */
  char        *admin_token;  /* printed by `chamberd --data DIR init` */
  char        *url;          /* "http://127.0.0.1:PORT" from the first line chamberd prints */
  GSubprocess *process;
  char       **serve_args;   /* more options for serving, kept across restarts */
} ChamberTestServer;

/* Paths from the environment meson sets for tests (abort with a clear message when unset). */
const char *chamber_test_chamberd_path (void);
const char *chamber_test_chamberctl_path (void);
/* ../shared/corpus/pdf beside the project, or NULL when that folder is not there. */
const char *chamber_test_corpus_dir (void);
/* tests/data in the source tree. */
const char *chamber_test_data_dir (void);

/* A new empty folder under the system temp dir; chamber_test_rm_rf() removes it. */
char *chamber_test_make_temp_dir (const char *name_template);
void  chamber_test_rm_rf (const char *path);

/* `chamberd --data DIR init`, then `chamberd --data DIR --listen 127.0.0.1:0`, waiting for its
 * "listening on http://HOST:PORT" line. Aborts the test on failure. */
ChamberTestServer *chamber_test_server_start (void);
/* The same, serving with more options (@serve_args NULL-terminated, like "--auth-failures"). */
ChamberTestServer *chamber_test_server_start_with_args (const char *const *serve_args);
/* Starts chamberd again on the same data folder (after stop or kill); the port changes. */
void               chamber_test_server_restart (ChamberTestServer *server);
/* SIGTERM and wait. */
void               chamber_test_server_stop (ChamberTestServer *server);
/* SIGKILL and wait. */
void               chamber_test_server_kill (ChamberTestServer *server);
/* Stops it when running and deletes its data folder. */
void               chamber_test_server_free (ChamberTestServer *server);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberTestServer, chamber_test_server_free)

/* A small filesystem for the full-disk tests: mounts a tmpfs of @size ("2m") on @dir; FALSE
 * (and the test skipped, saying why) when this process may not mount. Resize gives it @size;
 * unmount detaches it. */
gboolean chamber_test_mount_small_disk (const char *dir, const char *size);
void     chamber_test_resize_small_disk (const char *dir, const char *size);
void     chamber_test_unmount_small_disk (const char *dir);

/* Writes a real PDF of @pages A4 pages with cairo; page N shows "@text — N" in large type and
 * some lines of Vietnamese. */
void chamber_test_write_pdf (const char *path, int pages, const char *text);
/* Writes a real one-page PDF of at least @min_bytes: an image of noise (from @seed), which no
 * compression shrinks, drawn @side_points wide (595 fills the width of the A4 page; a few
 * points make a document that is big but cheap to render). For tests and benchmarks that need
 * big documents. */
void chamber_test_write_noise_pdf (const char *path, gint64 min_bytes, guint32 seed,
                                   double side_points);

/* Runs a program to completion, capturing stdout and stderr; returns the exit status
 * (or 128 + signal). @envp_extra: NULL-terminated "KEY=VALUE" strings to add, or NULL. */
int  chamber_test_run (const char *const *argv, const char *const *envp_extra, char **out_stdout,
                       char **out_stderr);

/* Iterates the default main context until @done returns TRUE or @timeout_ms pass; returns the
 * last value of @done. */
gboolean chamber_test_pump_until (gboolean (*done) (gpointer data), gpointer data,
                                  guint timeout_ms);

/* Adds an agenda item titled @title at the end of session @session through @admin's client;
 * returns its id (asserting success). */
gint64      chamber_test_add_item (ChamberClient *admin, gint64 session, const char *title);
/* POSTs the live command @json (an object, asserted) to session @session's
 * /api/v1/sessions/ID/live/commands; returns the "event" of the answer, or NULL with @error. */
JsonObject *chamber_test_post_live_command (ChamberClient *client, gint64 session,
                                            const char *json, GError **error);
/* The live command printf (@format, …) that must be accepted (the test stops, naming the
 * command and the reason, when it is refused); returns the "event" of the answer. */
JsonObject *chamber_test_live_ok (ChamberClient *client, gint64 session, const char *format,
                                  ...) G_GNUC_PRINTF (3, 4);
JsonObject *chamber_test_live_ok_v (ChamberClient *client, gint64 session, const char *format,
                                    va_list args) G_GNUC_PRINTF (3, 0);

/* @method @path on @server with "Authorization: Bearer @token" and @body (NULL: none) of
 * @content_type, on a new SoupSession; returns the answer's body, its status in *@out_status
 * (asserting that the exchange itself worked). */
GBytes     *chamber_test_http (ChamberTestServer *server, const char *token, const char *method,
                               const char *path, GBytes *body, const char *content_type,
                               guint *out_status);
/* @bytes as a JSON object of at most 64 MiB (asserting it is one). */
JsonObject *chamber_test_parse_object (GBytes *bytes);

/* An API answer as the endpoint tests read it: status, body text, the body as a JSON object
 * when it is one (else NULL) and the ETag header. */
typedef struct {
  guint       status;
  JsonObject *object;
  char       *text;
  char       *etag;
} ChamberTestAnswer;

void chamber_test_answer_free (ChamberTestAnswer *answer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberTestAnswer, chamber_test_answer_free)

/* @method @path on @server with "Authorization: Bearer @token" (@token may be NULL) and @body
 * (NULL: none) of @content_type, on one SoupSession kept for the test program. A path libsoup
 * cannot parse never reaches chamberd and is answered 400 here. */
ChamberTestAnswer *chamber_test_call_bytes (ChamberTestServer *server, const char *token,
                                            const char *method, const char *path,
                                            const char *content_type, GBytes *body);
/* The same with a JSON text @json (may be NULL) as the body. */
ChamberTestAnswer *chamber_test_call (ChamberTestServer *server, const char *token,
                                      const char *method, const char *path, const char *json);
ChamberTestAnswer *chamber_test_callf (ChamberTestServer *server, const char *token,
                                       const char *method, const char *json,
                                       const char *path_format, ...) G_GNUC_PRINTF (5, 6);
/* Fails the test unless @answer has @status and, when @code is not NULL, an error body with
 * that code and a message. */
void chamber_test_expect (ChamberTestAnswer *answer, guint status, const char *code);

/* The world most tests build, through @admin (a client of @server with its admin token); each
 * asserts success. */
/* Adds a person @name in @role (@group and @title may be NULL) and returns their id. With
 * @out_client, also issues them a token and connects a client to @server with it (the token
 * in *@out_token unless that is NULL). */
gint64 chamber_test_add_person (ChamberTestServer *server, ChamberClient *admin,
                                const char *name, ChamberRole role, const char *group,
                                const char *title, ChamberClient **out_client,
                                char **out_token);
/* Creates session number @number titled @title (NULL: "Kỳ họp thứ @number"), starting on
 * @starts_on and held at @place (either may be NULL); returns its id. */
gint64 chamber_test_add_session (ChamberClient *admin, int number, const char *title,
                                 const char *starts_on, const char *place);

/* Runs chamberctl against @server with @token (CHAMBER_SERVER, CHAMBER_TOKEN, LANGUAGE=C) and
 * the arguments after @err up to a NULL; returns its exit status, its output in *@out and
 * *@err (either may be NULL). */
int   chamber_test_ctl (ChamberTestServer *server, const char *token, char **out, char **err,
                        ...) G_GNUC_NULL_TERMINATED;
int   chamber_test_ctl_v (ChamberTestServer *server, const char *token, char **out, char **err,
                          va_list args);
/* The same for a command that must succeed (the test stops with its error otherwise); returns
 * its output, stripped. */
char *chamber_test_ctl_ok (ChamberTestServer *server, const char *token,
                           ...) G_GNUC_NULL_TERMINATED;
/* `chamberctl person add --name @name --role @role --group @group` as the admin, then
 * `chamberctl token issue` for them into *@out_token; returns the person's id as printed. */
char *chamber_test_ctl_add_person (ChamberTestServer *server, const char *name, const char *role,
                                   const char *group, char **out_token);

G_END_DECLS
