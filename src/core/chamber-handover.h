/* chamber-handover.h — the handover sheet: one A4 page, in the user's language, that the
 * secretariat prints and hands to a delegate with their laptop. It holds the council's name,
 * the person's name and role, the server's address, the fingerprint of its certificate (when
 * it speaks https), the access token in large monospace type with its expiry, and short
 * instructions for connecting the laptop. Written with cairo and pango, like the minutes. */
#pragma once

#include <gio/gio.h>

#include "chamber-model.h"

G_BEGIN_DECLS

typedef struct {
  const char *council_name;  /* may be NULL */
  const char *person_name;
  ChamberRole role;
  const char *group_name;    /* may be NULL */
  const char *server_url;
  const char *fingerprint;   /* 64 hex digits, or NULL for a server without TLS */
  const char *token;
  const char *expires_at;    /* ISO 8601, or NULL for a token that does not expire */
} ChamberHandover;

/* The sheet as PDF bytes; fails with G_IO_ERROR when cairo cannot write it, or
 * G_IO_ERROR_INVALID_ARGUMENT when the person's name, the address or the token is missing. */
GBytes  *chamber_handover_to_pdf (const ChamberHandover *sheet, GError **error);
/* The same, written to the file at @path (replaced whole, or left as it was on failure). */
gboolean chamber_handover_write (const ChamberHandover *sheet, const char *path,
                                 GError **error);

G_END_DECLS
