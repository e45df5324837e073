/* chamber-token.h — bearer tokens: random, shown once, stored as their SHA-256. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "chm_" followed by 43 base64url characters of 32 random bytes (from /dev/urandom). */
char    *chamber_token_generate (void);
/* SHA-256 hex of the token; what the server stores and looks up. */
char    *chamber_token_hash (const char *token);
/* Compares two NUL-terminated strings in time independent of where they differ. */
gboolean chamber_token_equal (const char *a, const char *b);

G_END_DECLS
