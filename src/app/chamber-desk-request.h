/* chamber-desk-request.h — how the secretariat's desk talks to chamberd without blocking the
 * UI thread: a call runs on a worker thread with a ChamberClient of its own (one client per
 * thread, chamber-client.h) made from the desk's connection, and its result comes back to the
 * main thread. A JSON request is the common case; any client call can run the same way. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "chamber-client.h"
#include "chamber-connection.h"

G_BEGIN_DECLS

/* Runs on the worker: returns the result (freed with the @result_free given to
 * chamber_desk_call_async() when nobody takes it) or NULL with @error. */
typedef gpointer (*ChamberDeskCall) (ChamberClient *client, gpointer data,
                                     GCancellable *cancellable, GError **error);

/* Runs @call with @data (freed with @data_free afterwards) on a worker thread, through a new
 * client of @connection (its certificate pin too). @source_object is the task's source. */
void      chamber_desk_call_async (gpointer source_object, const ChamberConnection *connection,
                                   ChamberDeskCall call, gpointer data,
                                   GDestroyNotify data_free, GDestroyNotify result_free,
                                   GCancellable *cancellable, GAsyncReadyCallback callback,
                                   gpointer user_data);
gpointer  chamber_desk_call_finish (GAsyncResult *result, GError **error);

/* @method @path ("/api/v1/…") with the JSON @body (taken; NULL for none). The answer's JSON
 * (a JsonNode, never NULL on success: an empty answer is an empty object) comes back through
 * chamber_desk_request_finish(); a refusal is a CHAMBER_CLIENT_ERROR with the server's
 * message. */
void      chamber_desk_request_async (gpointer source_object, const ChamberConnection *connection,
                                      const char *method, const char *path, JsonNode *body,
                                      GCancellable *cancellable, GAsyncReadyCallback callback,
                                      gpointer user_data);
JsonNode *chamber_desk_request_finish (GAsyncResult *result, GError **error);

/* A new JSON object node to fill as a request body. */
JsonNode *chamber_desk_body_new (JsonObject **out_object);

G_END_DECLS
