/* chamber-server.h — chamberd's HTTP server: the /api/v1 of docs/protocol.md over a data folder
 * (DIR/chamber.db and DIR/blobs).
 *
 * A ChamberServer runs on the thread-default main context of the thread that created it; PDF
 * checks of uploads run in worker threads with their own store connection. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define CHAMBER_SERVER_ERROR (chamber_server_error_quark ())

typedef enum {
  CHAMBER_SERVER_ERROR_ADDRESS,  /* a --listen value that is not HOST:PORT */
  CHAMBER_SERVER_ERROR_LISTEN,   /* the address cannot be bound (in use, not local, no permission) */
  CHAMBER_SERVER_ERROR_DATA,     /* the data folder is missing, not initialised or unusable */
  CHAMBER_SERVER_ERROR_NOT_FOUND, /* export: no session with that id */
  CHAMBER_SERVER_ERROR_EXPORT,   /* export: the export folder cannot be written */
  CHAMBER_SERVER_ERROR_TLS,      /* --tls-cert/--tls-key: a file missing, unreadable or not PEM */
} ChamberServerError;

GQuark chamber_server_error_quark (void);

/* The default limit of one PDF upload, in MiB (`chamberd --max-upload-mb N`). */
#define CHAMBER_SERVER_DEFAULT_MAX_UPLOAD_MB 256
#define CHAMBER_SERVER_DEFAULT_PORT          8080
/* Failed authentications one address may make within the window before it is answered 429
 * (`chamberd --auth-failures N --auth-window SECONDS`). */
#define CHAMBER_SERVER_DEFAULT_AUTH_FAILURES  10
#define CHAMBER_SERVER_DEFAULT_AUTH_WINDOW_S  60
/* A kept-alive connection idle this long is closed (`chamberd --idle-timeout SECONDS`); beyond
 * this many idle connections the oldest are closed at once. */
#define CHAMBER_SERVER_DEFAULT_IDLE_TIMEOUT   15
#define CHAMBER_SERVER_DEFAULT_MAX_IDLE       64

#define CHAMBER_TYPE_SERVER (chamber_server_get_type ())
G_DECLARE_FINAL_TYPE (ChamberServer, chamber_server, CHAMBER, SERVER, GObject)

/* Opens @data_dir, which `chamberd init` prepared (DATA when it did not). */
ChamberServer *chamber_server_new (const char *data_dir, GError **error);
const char    *chamber_server_get_data_dir (ChamberServer *self);
/* Bytes allowed in one upload; 0 or less restores the default. */
void           chamber_server_set_max_upload_bytes (ChamberServer *self, gint64 max_bytes);
gint64         chamber_server_get_max_upload_bytes (ChamberServer *self);
/* After @failures requests with a wrong token from one address within @window_seconds of the
 * first of them, every request from that address is answered 429 until the window passes.
 * 0 for either restores its default. */
void           chamber_server_set_auth_limit (ChamberServer *self, guint failures,
                                              guint window_seconds);
/* Seconds a kept-alive connection may stay idle before chamberd closes it; 0 restores the
 * default. */
void           chamber_server_set_idle_timeout (ChamberServer *self, guint seconds);

/* `chamberd --tls-cert FILE --tls-key FILE`: the certificate (PEM, the server's own first, then
 * any intermediates) and its private key (PEM, unencrypted). Fails with TLS, naming the file,
 * when a file is missing or unreadable, or holds no certificate or no private key. A key that
 * belongs to another certificate is not detected here (GIO cannot compare them): clients then
 * fail the handshake. */
GTlsCertificate *chamber_server_load_certificate (const char *cert_file, const char *key_file,
                                                  GError **error);
/* Serves HTTPS only, with @certificate; call before chamber_server_listen(). */
void           chamber_server_set_tls_certificate (ChamberServer *self,
                                                   GTlsCertificate *certificate);

/* Listens on @address ("HOST:PORT", HOST an IPv4 literal, an IPv6 literal in brackets or
 * "localhost"; port 0 picks a free one). Returns the URL clients use, "http://HOST:PORT" (or
 * "https://HOST:PORT" with a TLS certificate) with the port actually bound. */
char          *chamber_server_listen (ChamberServer *self, const char *address, GError **error);
/* Stops accepting requests and waits for uploads being checked to finish. */
void           chamber_server_shutdown (ChamberServer *self);

/* Parses "HOST:PORT" as chamber_server_listen() does. */
GSocketAddress *chamber_server_parse_address (const char *address, GError **error);

/* `chamberd --data DIR init`: creates @data_dir, its database and blob store when missing, an
 * "Administrator" person when there is no active admin, and returns a new admin token (the
 * only copy: the database keeps its hash). Existing data is kept. */
char          *chamber_server_init_data_dir (const char *data_dir, GError **error);

/* `chamberd --data DIR export --session ID --out OUT`: writes session @session_id as static
 * files under @out_dir that mirror the API's paths — OUT/api/v1/sessions/index.html (the list
 * with this session), OUT/api/v1/sessions/ID/manifest and OUT/api/v1/blobs/SHA256 — holding only
 * the documents open to everyone (access "all"), as chamberd's manifest shows them to a reader
 * in no group. Blobs are hard links to the data folder's when both are on one filesystem,
 * copies otherwise; every file is renamed into place complete. A blob an earlier export left in
 * OUT that is no longer open to everyone is removed. @out_documents and @out_bytes (may be NULL)
 * receive the number of documents and the bytes of their files. */
gboolean       chamber_server_export_session (ChamberServer *self, gint64 session_id,
                                              const char *out_dir, guint *out_documents,
                                              gint64 *out_bytes, GError **error);

G_END_DECLS
