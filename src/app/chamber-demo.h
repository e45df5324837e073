/* chamber-demo.h — the embedded demo: a chamberd on loopback with a seeded sample session.
 *
 * The demo server keeps its data in chamber_connection_get_demo_dir()/server. The first start
 * runs `chamberd --data DIR demo` (which seeds the sample session and writes DIR/demo-tokens.json,
 * one token per role); every start then runs `chamberd --data DIR --listen 127.0.0.1:0` as a
 * child process that lives until chamber_demo_stop() or the end of the app. */
#pragma once

#include <gio/gio.h>

#include "chamber-model.h"

G_BEGIN_DECLS

#define CHAMBER_DEMO_ERROR (chamber_demo_error_quark ())

/**
 * ChamberDemoError:
 * @CHAMBER_DEMO_ERROR_NO_SERVER: the chamberd program was not found.
 * @CHAMBER_DEMO_ERROR_SEED: seeding the sample session failed.
 * @CHAMBER_DEMO_ERROR_TOKENS: demo-tokens.json is missing or malformed.
 * @CHAMBER_DEMO_ERROR_START: the server did not start or did not say where it listens.
 * @CHAMBER_DEMO_ERROR_IO: the demo folder cannot be created or deleted.
 */
typedef enum {
  CHAMBER_DEMO_ERROR_NO_SERVER,
  CHAMBER_DEMO_ERROR_SEED,
  CHAMBER_DEMO_ERROR_TOKENS,
  CHAMBER_DEMO_ERROR_START,
  CHAMBER_DEMO_ERROR_IO,
} ChamberDemoError;

GQuark chamber_demo_error_quark (void);

#define CHAMBER_TYPE_DEMO (chamber_demo_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDemo, chamber_demo, CHAMBER, DEMO, GObject)

ChamberDemo *chamber_demo_new (void);

/* Where chamberd is: $CHAMBERD, else ../server/chamberd beside this program (a build tree),
 * else BINDIR/chamberd, else the PATH. NULL when none exists. */
char *chamber_demo_find_chamberd (void);

/* Seeds (the first time, or after @reset deleted every demo folder) and starts the server.
 * Completes once the server printed its address. Starting a running demo without @reset
 * completes at once; with @reset the running server is stopped first. */
void     chamber_demo_start_async (ChamberDemo *self, gboolean reset, GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data);
gboolean chamber_demo_start_finish (ChamberDemo *self, GAsyncResult *result, GError **error);

gboolean    chamber_demo_is_running (ChamberDemo *self);
/* "http://127.0.0.1:PORT" while running, else NULL. */
const char *chamber_demo_get_url (ChamberDemo *self);
/* The demo token of @role, or NULL when the demo has none for it. */
const char *chamber_demo_get_token (ChamberDemo *self, ChamberRole role);

/* Ends the server (SIGTERM, then waits for it). */
void chamber_demo_stop (ChamberDemo *self);

G_END_DECLS
