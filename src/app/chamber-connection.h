/* chamber-connection.h — where the app reads from and where it keeps its copy.
 *
 * A connection is a server address and a bearer token (a real chamberd, or the embedded demo
 * server as one role). Each connection has its own local mirror folder, and a real-server
 * connection can be remembered in g_get_user_config_dir()/chamber/connection.ini (mode 0600),
 * with the fingerprint of the certificate the person trusted for an https:// server (pin=). */
#pragma once

#include <gio/gio.h>

#include "chamber-model.h"

G_BEGIN_DECLS

#define CHAMBER_CONNECTION_ERROR (chamber_connection_error_quark ())

/**
 * ChamberConnectionError:
 * @CHAMBER_CONNECTION_ERROR_INVALID: the server address or token is empty or malformed.
 * @CHAMBER_CONNECTION_ERROR_CORRUPT: the remembered connection file cannot be understood.
 */
typedef enum {
  CHAMBER_CONNECTION_ERROR_INVALID,
  CHAMBER_CONNECTION_ERROR_CORRUPT,
} ChamberConnectionError;

GQuark chamber_connection_error_quark (void);

typedef enum {
  CHAMBER_CONNECTION_SERVER,
  CHAMBER_CONNECTION_DEMO,
} ChamberConnectionKind;

typedef struct {
  ChamberConnectionKind kind;
  char                 *server_url;  /* NULL for a remembered demo until the demo runs */
  char                 *token;       /* idem */
  ChamberRole           role;        /* the demo role; CHAMBER_ROLE_DELEGATE for a server */
  char                 *local_dir;   /* the mirror folder; NULL until the URL is known */
  char                 *pin;         /* the trusted certificate's SHA-256 fingerprint (64
                                      * lowercase hex digits) of an https:// server whose
                                      * certificate this computer does not trust by itself, or
                                      * NULL; every client of this connection pins it */
} ChamberConnection;

#define CHAMBER_TYPE_CONNECTION (chamber_connection_get_type ())
GType chamber_connection_get_type (void) G_GNUC_CONST;

ChamberConnection *chamber_connection_new_server (const char *server_url, const char *token,
                                                  GError **error);
ChamberConnection *chamber_connection_new_demo (const char *server_url, const char *token,
                                                ChamberRole role);
ChamberConnection *chamber_connection_copy (const ChamberConnection *self);
void               chamber_connection_free (ChamberConnection *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberConnection, chamber_connection_free)

/* g_get_user_data_dir()/chamber/demo: the demo server's data and the demo client mirrors. */
char *chamber_connection_get_demo_dir (void);
/* g_get_user_data_dir()/chamber/servers/HOST_PORT, the name reduced to [A-Za-z0-9._-]. */
char *chamber_connection_get_server_mirror_dir (const char *server_url, GError **error);
/* g_get_user_config_dir()/chamber/connection.ini */
char *chamber_connection_get_config_path (void);
/* The previews folders of every mirror on this computer (each server's, the demo's clients'),
 * those that exist: paths, sorted. */
GPtrArray *chamber_connection_list_preview_dirs (void);

/* The remembered connection, or NULL without an error when there is none. A remembered demo
 * comes back with kind DEMO, its role, and no URL or token. */
ChamberConnection *chamber_connection_load_remembered (GError **error);
/* Writes @self to connection.ini with mode 0600 (a demo is remembered by its role only). */
gboolean           chamber_connection_remember (const ChamberConnection *self, GError **error);
/* Deletes connection.ini; no error when it is absent. */
gboolean           chamber_connection_forget (GError **error);

/* The same three in a worker thread, for the UI thread, which never waits on the disk.
 * remember_async takes a copy of @self. */
void               chamber_connection_load_remembered_async (GCancellable *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer user_data);
ChamberConnection *chamber_connection_load_remembered_finish (GAsyncResult *result,
                                                              GError **error);
void               chamber_connection_remember_async (const ChamberConnection *self,
                                                      GCancellable *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer user_data);
void               chamber_connection_forget_async (GCancellable *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer user_data);
/* Finishes remember_async and forget_async. */
gboolean           chamber_connection_write_finish (GAsyncResult *result, GError **error);

/* In a worker thread: asks the server who owns @token (GET /api/v1/me), accepting only the
 * certificate @pin when it is not NULL (see chamber_client_set_pinned_certificate()) and, when
 * it answers and @remember is set, remembers the connection with its pin. A certificate
 * refused fails with CHAMBER_CLIENT_ERROR_CERTIFICATE. */
void           chamber_connection_check_async (const char *server_url, const char *token,
                                               const char *pin, gboolean remember,
                                               GCancellable *cancellable,
                                               GAsyncReadyCallback callback, gpointer user_data);
ChamberPerson *chamber_connection_check_finish (GAsyncResult *result, GError **error);

/* In a worker thread: the SHA-256 fingerprint of the certificate the https:// server
 * @server_url presents now (see chamber_tls_fetch_fingerprint()). */
void           chamber_connection_fetch_fingerprint_async (const char *server_url,
                                                           GCancellable *cancellable,
                                                           GAsyncReadyCallback callback,
                                                           gpointer user_data);
char          *chamber_connection_fetch_fingerprint_finish (GAsyncResult *result,
                                                            GError **error);

/* @fingerprint (64 hex digits) as a person compares it with the handover sheet: groups of four
 * digits separated by spaces, @groups_per_line groups on a line (0: one line). */
char          *chamber_connection_format_fingerprint (const char *fingerprint,
                                                      guint groups_per_line);

G_END_DECLS
