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

G_END_DECLS
