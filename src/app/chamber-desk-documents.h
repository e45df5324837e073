/* chamber-desk-documents.h — the desk's Documents page (secretariat and admin): a session's
 * agenda items with their documents (title, kind, version, pages, who may read it). PDF files
 * dropped on an item from the file manager, or chosen with "Add documents…", are uploaded one
 * by one with their progress and the server's check result per file (pages, or why it was
 * refused); the kind and access are chosen before the upload, and whether it is saved as a
 * draft (the default: the Office reviews before publishing) or published at once. A draft shows
 * a "Draft" tag and a Publish button; Publish All Drafts… publishes the session's drafts after a
 * confirmation. A document can be replaced by a new version and its access changed later.
 * Server errors show in the page. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-connection.h"
#include "chamber-model.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_DESK_DOCUMENTS (chamber_desk_documents_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDeskDocuments, chamber_desk_documents, CHAMBER, DESK_DOCUMENTS,
                      GtkWidget)

/* @connection is copied: the server and the secretariat's token the page talks with. */
GtkWidget *chamber_desk_documents_new (const ChamberConnection *connection);
/* Shows session @session_id's agenda and documents (0: none). */
void       chamber_desk_documents_set_session (ChamberDeskDocuments *self, gint64 session_id);
/* Asks the server again. */
void       chamber_desk_documents_reload (ChamberDeskDocuments *self);

/* What the drop of @files on agenda item @item_id does (and "Add Documents…" after the file
 * chooser): each file gets a row and is uploaded in turn with the kind and access set in the
 * page; a file that is not local or is a folder is refused at once. */
void       chamber_desk_documents_drop_files (ChamberDeskDocuments *self, gint64 item_id,
                                              GdkFileList *files);
/* Uploads @file as a new version of document @document_id (its kind and access kept). */
void       chamber_desk_documents_replace (ChamberDeskDocuments *self, gint64 document_id,
                                           GFile *file);
/* What the Access dialog's Apply does: @mode 0 all delegates, 1 the groups, 2 the people
 * (by name or number) named in @names, separated by commas. FALSE, with the reason shown in
 * the page, when @names does not name anyone known. */
gboolean   chamber_desk_documents_set_access (ChamberDeskDocuments *self, gint64 document_id,
                                              guint mode, const char *names);
/* Sets the kind and access new uploads get, as a person would in the page's bar. */
void       chamber_desk_documents_set_upload_options (ChamberDeskDocuments *self,
                                                      ChamberDocumentKind kind, guint access_mode,
                                                      const char *names);

/* Whether uploads from now on are published at once (TRUE) or saved as drafts (FALSE), as a
 * person would choose in the page. */
void       chamber_desk_documents_set_publish_now (ChamberDeskDocuments *self,
                                                   gboolean publish_now);
/* What a draft's Publish button does. */
void       chamber_desk_documents_publish (ChamberDeskDocuments *self, gint64 document_id);
/* What Publish All Drafts… does once confirmed: every draft of the session. */
void       chamber_desk_documents_publish_all (ChamberDeskDocuments *self);

typedef enum {
  CHAMBER_DESK_UPLOAD_WAITING,
  CHAMBER_DESK_UPLOAD_SENDING,
  CHAMBER_DESK_UPLOAD_ACCEPTED,  /* the server checked it: pages */
  CHAMBER_DESK_UPLOAD_REFUSED,   /* with the server's (or the page's) reason */
} ChamberDeskUploadState;

/* For the UI tests. Loads and access changes ended (well or not); the error shown (NULL:
 * none); TRUE while uploads wait or run; the uploads in the order they were added. */
guint       chamber_desk_documents_get_loads_completed (ChamberDeskDocuments *self);
guint       chamber_desk_documents_get_access_changes_completed (ChamberDeskDocuments *self);
const char *chamber_desk_documents_get_error (ChamberDeskDocuments *self);
gboolean    chamber_desk_documents_get_busy (ChamberDeskDocuments *self);
guint       chamber_desk_documents_get_n_uploads (ChamberDeskDocuments *self);
ChamberDeskUploadState chamber_desk_documents_get_upload (ChamberDeskDocuments *self,
                                                          guint index, const char **out_name,
                                                          int *out_pages,
                                                          const char **out_message,
                                                          goffset *out_sent);
/* The newest version shown of the document titled @title (0: none) and its version. */
gint64      chamber_desk_documents_find_document (ChamberDeskDocuments *self, const char *title,
                                                  int *out_version);
/* The same, and whether it is a draft. */
gint64      chamber_desk_documents_find_document_full (ChamberDeskDocuments *self,
                                                       const char *title, int *out_version,
                                                       gboolean *out_draft);
/* Publish requests ended (well or not); the drafts shown; the Publish button of draft
 * @document_id's row (NULL: none shown); the Publish All Drafts… button. */
guint       chamber_desk_documents_get_publishes_completed (ChamberDeskDocuments *self);
guint       chamber_desk_documents_get_n_drafts (ChamberDeskDocuments *self);
GtkWidget  *chamber_desk_documents_get_publish_button (ChamberDeskDocuments *self,
                                                       gint64 document_id);
GtkWidget  *chamber_desk_documents_get_publish_all_button (ChamberDeskDocuments *self);

G_END_DECLS
