/* chamber-petition-file.c — opening an answer PDF or a finding's evidence from the server (see
 * chamber-petition-file.h): the download runs through chamber_desk_call_async() on a worker
 * thread, into the cache folder under a name made from the SHA-256 the server described, and the
 * file is shown in a ChamberViewerWindow (PDF) or a window with a GtkPicture (PNG, JPEG).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-application.h"
#include "chamber-desk-request.h"
#include "chamber-petition-file.h"
#include "chamber-viewer-window.h"

/* An answer PDF is at most 64 MiB on the server, evidence 16 MiB. */
#define MAX_FILE_BYTES (64 * 1024 * 1024)

typedef struct {
  char *path;
  char *sha256;
  char *suffix;
  char *dir;
} Download;

typedef struct {
  GtkWidget                 *from;
  char                      *content_type;
  ChamberPetitionFileOpened  callback;
  gpointer                   user_data;
} Opening;

static void
download_free (gpointer data)
{
  Download *download = data;

  g_free (download->path);
  g_free (download->sha256);
  g_free (download->suffix);
  g_free (download->dir);
  g_free (download);
}

static void
opening_free (Opening *opening)
{
  g_clear_object (&opening->from);
  g_free (opening->content_type);
  g_free (opening);
}

char *
chamber_petition_file_dir (void)
{
  return g_build_filename (g_get_user_cache_dir (), "chamber", "files", NULL);
}

static gpointer
download_call (ChamberClient *client, gpointer data, GCancellable *cancellable, GError **error)
{
  Download *download = data;

  return chamber_client_download_checked (client, download->path, download->sha256,
                                          download->suffix, download->dir, MAX_FILE_BYTES,
                                          cancellable, error);
}

static GtkWindow *
show_picture (GtkWindow *parent, GFile *file)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *picture = gtk_picture_new_for_file (file);

  gtk_window_set_title (GTK_WINDOW (window), _("Evidence"));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (picture, TRUE);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Evidence"), -1);
  gtk_box_append (GTK_BOX (box), picture);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  return GTK_WINDOW (window);
}

static void
downloaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Opening *opening = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *local = chamber_desk_call_finish (result, &error);
  g_autoptr (GFile) file = NULL;
  GtkRoot *root;
  GtkWindow *window = NULL;

  if (local == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        opening->callback (NULL, error, opening->user_data);
      opening_free (opening);
      return;
    }
  file = g_file_new_for_path (local);
  root = gtk_widget_get_root (opening->from);
  if (g_str_equal (opening->content_type, "application/pdf"))
    {
      GApplication *application = g_application_get_default ();
      GtkApplication *owner = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root))
                                                   : NULL;

      if (owner != NULL && CHAMBER_IS_APPLICATION (owner))
        application = G_APPLICATION (owner);
      if (application == NULL || !CHAMBER_IS_APPLICATION (application))
        {
          g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The document cannot be shown: Chamber's viewer is not "
                                 "running."));
          opening->callback (NULL, error, opening->user_data);
          opening_free (opening);
          return;
        }
      window = GTK_WINDOW (chamber_viewer_window_new (CHAMBER_APPLICATION (application)));
      chamber_viewer_window_open (CHAMBER_VIEWER_WINDOW (window), file);
      gtk_window_present (window);
    }
  else
    window = show_picture (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, file);
  opening->callback (window, NULL, opening->user_data);
  opening_free (opening);
}

void
chamber_petition_file_open (GtkWidget *from, const ChamberConnection *connection,
                            const char *path, const char *sha256, const char *content_type,
                            GCancellable *cancellable, ChamberPetitionFileOpened callback,
                            gpointer user_data)
{
  Download *download = g_new0 (Download, 1);
  Opening *opening = g_new0 (Opening, 1);

  g_return_if_fail (GTK_IS_WIDGET (from));
  g_return_if_fail (path != NULL && content_type != NULL && callback != NULL);

  download->path = g_strdup (path);
  download->sha256 = g_strdup (sha256);
  download->suffix = g_strdup (g_str_equal (content_type, "application/pdf") ? ".pdf"
                               : g_str_equal (content_type, "image/png")     ? ".png"
                               : g_str_equal (content_type, "image/jpeg")    ? ".jpg"
                                                                             : "");
  download->dir = chamber_petition_file_dir ();
  opening->from = g_object_ref (from);
  opening->content_type = g_strdup (content_type);
  opening->callback = callback;
  opening->user_data = user_data;
  chamber_desk_call_async (from, connection, download_call, download, download_free, g_free,
                           cancellable, downloaded_cb, opening);
}
