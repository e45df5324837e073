/* chamber-tls.h — certificate fingerprints: what the secretariat writes on the handover sheet
 * and what a client pins (the SHA-256 of the certificate's DER, 64 lowercase hex digits). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The SHA-256 of @certificate's DER encoding, 64 lowercase hex digits. */
char    *chamber_tls_certificate_fingerprint (GTlsCertificate *certificate);

/* A fingerprint as a person types or pastes it — upper or lower case, with or without colons
 * or spaces between the bytes (as `openssl x509 -fingerprint -sha256` prints it) — as 64
 * lowercase hex digits; NULL when @text is not a SHA-256 fingerprint. */
char    *chamber_tls_normalise_fingerprint (const char *text);

/* Connects to the https:// server @url, completes the TLS handshake whatever the certificate
 * (nothing is sent over the connection) and returns the fingerprint of the certificate it
 * presents in *@out_sha256_hex. Fails with CHAMBER_CLIENT_ERROR_INVALID_URL for an address that
 * is not https://, NETWORK when the server cannot be reached or speaks no TLS. */
gboolean chamber_tls_fetch_fingerprint (const char *url, char **out_sha256_hex,
                                        GCancellable *cancellable, GError **error);

/* Checks that @certificate's private key is the one that belongs to it (loaded from @cert_file
 * and @key_file, named in the message), by a TLS handshake of the certificate with itself over
 * a socket pair. Fails with G_TLS_ERROR_BAD_CERTIFICATE when the key does not match, so a
 * server refuses to start rather than fail every client's handshake. */
gboolean chamber_tls_check_key_pair (GTlsCertificate *certificate, const char *cert_file,
                                     const char *key_file, GError **error);

G_END_DECLS
