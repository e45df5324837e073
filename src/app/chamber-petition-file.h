/* chamber-petition-file.h — opening a file that belongs to a petition or a supervision finding
 * (an answer PDF, a finding's evidence as PDF or photo) from the server: it is downloaded on a
 * worker thread through chamber_client_download_checked() into the app's cache folder, named by
 * its SHA-256 and checked against it, then shown — a PDF in Chamber's own viewer window, a photo
 * in a picture window. */
#pragma once

#include <adwaita.h>

#include "chamber-connection.h"

G_BEGIN_DECLS

/* Called on the main thread with the window that shows the file, or with @error. */
typedef void (*ChamberPetitionFileOpened) (GtkWindow *window, const GError *error,
                                           gpointer user_data);

/* Fetches @path ("/api/v1/petitions/ID/answer", "/api/v1/supervision/findings/ID/evidence"),
 * whose content the server described as @sha256 of @content_type ("application/pdf",
 * "image/png", "image/jpeg"), and shows it next to @from's window. */
void  chamber_petition_file_open (GtkWidget *from, const ChamberConnection *connection,
                                  const char *path, const char *sha256,
                                  const char *content_type, GCancellable *cancellable,
                                  ChamberPetitionFileOpened callback, gpointer user_data);

/* Where those files are kept: the user's cache folder, chamber/files. */
char *chamber_petition_file_dir (void);

G_END_DECLS
