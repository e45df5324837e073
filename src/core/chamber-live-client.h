/* chamber-live-client.h — follows one session's live sitting from chamberd for the app's
 * screens (chair console, delegate and secretariat panels, hall display) and `chamberctl live
 * watch`: a WebSocket to the live channel (docs/protocol.md, “Live channel”) that keeps the
 * session's ChamberLiveState up to date, reconnects with backoff after a drop and catches up on
 * everything after the last event it saw, and sends commands over HTTP.
 *
 * Everything is asynchronous on the thread-default main context of the thread that called
 * chamber_live_client_new() (the GTK main loop in the app); signals are emitted there. It uses
 * the SoupSession, address, token and pinned certificate of the ChamberClient it is given, so
 * https with a pinned certificate works as for every other request.
 *
 * Signals:
 *   "event" (JsonObject *event): an event was applied (also while catching up); the object is
 *           the event as the server sent it.
 *   "changed": the state changed (after one or more events, or after a reset). Redraw.
 * Property "connection-state" (ChamberLiveConnection; notify::connection-state): offline,
 * catching up, or online; it is also notified after every failed connection attempt, when
 * chamber_live_client_get_error() says why. While offline the last known state stays
 * readable. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "chamber-client.h"
#include "chamber-live-state.h"

G_BEGIN_DECLS

typedef enum {
  CHAMBER_LIVE_CONNECTION_OFFLINE,     /* not connected (yet, or the connection dropped) */
  CHAMBER_LIVE_CONNECTION_CATCHING_UP, /* connected, receiving what happened meanwhile */
  CHAMBER_LIVE_CONNECTION_ONLINE,      /* up to date; events arrive as they happen */
} ChamberLiveConnection;

#define CHAMBER_TYPE_LIVE_CLIENT (chamber_live_client_get_type ())
G_DECLARE_FINAL_TYPE (ChamberLiveClient, chamber_live_client, CHAMBER, LIVE_CLIENT, GObject)

/* Follows session @session_id through @client (a reference is kept). Nothing happens until
 * chamber_live_client_start(). */
ChamberLiveClient    *chamber_live_client_new (ChamberClient *client, gint64 session_id);
/* Connects, and keeps reconnecting after every drop (250 ms, doubling up to 10 s) until
 * chamber_live_client_stop(). */
void                  chamber_live_client_start (ChamberLiveClient *self);
/* Closes the connection and stops reconnecting; the state is kept. */
void                  chamber_live_client_stop (ChamberLiveClient *self);

gint64                chamber_live_client_get_session_id (ChamberLiveClient *self);
ChamberLiveConnection chamber_live_client_get_connection_state (ChamberLiveClient *self);
/* The state as far as it is known (owned by the client; never NULL). It is replaced by a new
 * one when the server's events no longer follow it (the server's data was restored from an
 * older backup): take it again after each "changed". */
ChamberLiveState     *chamber_live_client_get_state (ChamberLiveClient *self);
/* The number of the last event applied (0 before any). */
gint64                chamber_live_client_get_last_seq (ChamberLiveClient *self);
/* The server's time now, in ms, estimated from the clock it sent at the last (re)connection:
 * pass it to chamber_live_turn_remaining_s() so every screen shows the server's countdown. */
gint64                chamber_live_client_now_ms (ChamberLiveClient *self);
/* The last connection error (NULL when none or connected), e.g. a refused token. */
const GError         *chamber_live_client_get_error (ChamberLiveClient *self);

/* Sends @command (see “Live channel” in docs/protocol.md) to the server. The answer is the
 * event it became; a refusal is a CHAMBER_CLIENT_ERROR with the server's message: FORBIDDEN,
 * NOT_FOUND, or REJECTED (400, or 409 for a command the state does not allow now or a stale
 * "expected_seq"). The event also arrives on the WebSocket like every other. */
void        chamber_live_client_send_async (ChamberLiveClient *self, JsonObject *command,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback, gpointer user_data);
JsonObject *chamber_live_client_send_finish (ChamberLiveClient *self, GAsyncResult *result,
                                             GError **error);

G_END_DECLS
