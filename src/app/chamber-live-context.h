/* chamber-live-context.h — what every live screen of one session shares: the live client that
 * follows the sitting (chamber-live-client.h), who is looking (person and role, from
 * GET /api/v1/me) and the people directory (GET /api/v1/people) for the respondent and owner
 * lists, the titles of the documents the person reads (for the anchors of questions), and
 * sending a command with its refusal shown as a toast.
 *
 * Signals: "changed" when the live state or the directory changed (redraw), "ready" once the
 * person is known. The live client's "connection-state" is forwarded as this object's
 * "connection-state" property. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-connection.h"
#include "chamber-live-client.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_LIVE_CONTEXT (chamber_live_context_get_type ())
G_DECLARE_FINAL_TYPE (ChamberLiveContext, chamber_live_context, CHAMBER, LIVE_CONTEXT, GObject)

/* Follows session @session_id through @connection; NULL with @error for a bad address. The
 * live channel starts at once; the person and the directory load in a worker thread. */
ChamberLiveContext   *chamber_live_context_new (const ChamberConnection *connection,
                                                gint64 session_id, GError **error);
/* Stops following (the window closed). */
void                  chamber_live_context_stop (ChamberLiveContext *self);

ChamberLiveClient    *chamber_live_context_get_client (ChamberLiveContext *self);
ChamberLiveState     *chamber_live_context_get_state (ChamberLiveContext *self);
gint64                chamber_live_context_now_ms (ChamberLiveContext *self);
ChamberLiveConnection chamber_live_context_get_connection_state (ChamberLiveContext *self);
gint64                chamber_live_context_get_session_id (ChamberLiveContext *self);
const ChamberConnection *chamber_live_context_get_connection (ChamberLiveContext *self);

/* TRUE once the person is known; then their id and role. */
gboolean              chamber_live_context_is_ready (ChamberLiveContext *self);
gint64                chamber_live_context_get_person_id (ChamberLiveContext *self);
ChamberRole           chamber_live_context_get_role (ChamberLiveContext *self);
/* Why the person could not be loaded, or NULL. */
const char           *chamber_live_context_get_load_error (ChamberLiveContext *self);
/* ChamberPerson of the directory (active people), never NULL (empty until loaded). */
GPtrArray            *chamber_live_context_get_people (ChamberLiveContext *self);
/* The person with @person_id from the directory or the live state, or NULL. */
const ChamberPerson  *chamber_live_context_lookup_person (ChamberLiveContext *self,
                                                          gint64 person_id);
/* "Name" or "Name (Title)", or "Person N" when unknown. */
char                 *chamber_live_context_describe_person (ChamberLiveContext *self,
                                                            gint64 person_id,
                                                            gboolean with_title);

/* The title of document @document_id when the person may read it (from the session's
 * manifest, loaded with the directory), or NULL. */
const char           *chamber_live_context_get_document_title (ChamberLiveContext *self,
                                                               gint64 document_id);
/* Where a request or turn points, in one line: “Title, p. 12: “the passage shortened to
 * @max_quote_chars…”” (a document the person does not read is named by number); NULL when
 * @anchor names no document. */
char                 *chamber_live_describe_anchor (ChamberLiveContext *context,
                                                    const ChamberLiveAnchor *anchor,
                                                    guint max_quote_chars);

typedef void (*ChamberLiveSent) (GtkWidget *origin, JsonObject *event, const GError *error,
                                 gpointer user_data);

/* Sends @command (consumed). A refusal is shown as a toast in @origin's window (and kept for
 * chamber_live_context_get_last_error()); @done, when not NULL, is called with the event or
 * the error while @origin is alive. With @expect_seq the command carries "expected_seq", so it
 * is refused when the sitting moved on since the state shown. */
void                  chamber_live_context_send (ChamberLiveContext *self, JsonObject *command,
                                                 gboolean expect_seq, GtkWidget *origin,
                                                 ChamberLiveSent done, gpointer user_data);
/* A new command object of @type. */
JsonObject           *chamber_live_command_new (const char *type);
/* The last refusal's message, or NULL; commands sent and answered so far. */
const char           *chamber_live_context_get_last_error (ChamberLiveContext *self);
guint                 chamber_live_context_get_n_answered (ChamberLiveContext *self);

/* The text shown for the connection state, or NULL when online. */
const char           *chamber_live_connection_describe (ChamberLiveConnection state);

G_END_DECLS
