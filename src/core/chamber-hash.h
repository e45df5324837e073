/* chamber-hash.h — SHA-256 with nettle (uses the CPU's SHA instructions; GChecksum is ~5× slower). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _ChamberSha256 ChamberSha256;

ChamberSha256 *chamber_sha256_new (void);
void           chamber_sha256_update (ChamberSha256 *self, const void *data, gsize len);
/* Writes 64 lowercase hex digits and a NUL into @out_hex; the hasher may be reused after. */
void           chamber_sha256_finish (ChamberSha256 *self, char out_hex[65]);
void           chamber_sha256_free (ChamberSha256 *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberSha256, chamber_sha256_free)

char    *chamber_sha256_hex (const void *data, gsize len);
/* Hashes a whole file; @out_bytes may be NULL. */
gboolean chamber_sha256_file (const char *path, char out_hex[65], gint64 *out_bytes,
                              GCancellable *cancellable, GError **error);
/* 64 lowercase hex digits and nothing else. Anything else never reaches a file path. */
gboolean chamber_sha256_is_valid (const char *hex);

G_END_DECLS
