/* chamber-desk-access.h — the desk's Access page (secretariat and admin): the people of the
 * server with their tokens (created, expiry, revoked, last activity); "Issue token…" with an
 * optional expiry, shown once in a dialog with a copy button and "Save handover sheet…" (a
 * one-page PDF holding the server address, the pinned certificate fingerprint and the token);
 * revoking a token after a confirmation. Everything it asks of the server runs on a worker;
 * server errors show in the page. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-connection.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_DESK_ACCESS (chamber_desk_access_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDeskAccess, chamber_desk_access, CHAMBER, DESK_ACCESS, GtkWidget)

/* @connection is copied: the server and the secretariat's token the page talks with. */
GtkWidget *chamber_desk_access_new (const ChamberConnection *connection);
/* The session whose delegates come first (0: none); the page lists everyone either way. */
void       chamber_desk_access_set_session (ChamberDeskAccess *self, gint64 session_id);
/* Asks the server again. */
void       chamber_desk_access_reload (ChamberDeskAccess *self);

/* What the "Issue token" dialog's Issue does: a token for @person_id valid until the end of
 * day @expires_on ("YYYY-MM-DD" here, NULL or "" for no expiry), then the dialog that shows it
 * once. FALSE, with the reason shown in the page, for a day that is not one. */
gboolean   chamber_desk_access_issue_token (ChamberDeskAccess *self, gint64 person_id,
                                            const char *expires_on);
/* What the revoke confirmation's Revoke does. */
void       chamber_desk_access_revoke (ChamberDeskAccess *self, gint64 token_id);
/* Shows only the people whose name or group holds @text (without regard to case or
 * diacritics), as typing in the page's search does; NULL or "" shows everyone. */
void       chamber_desk_access_set_search (ChamberDeskAccess *self, const char *text);
/* Saves the handover sheet of the token shown to @path (NULL: asks where first), on a
 * worker. */
void       chamber_desk_access_save_handover (ChamberDeskAccess *self, const char *path);

/* For the UI tests. Loads, issues and revokes ended (well or not); the error shown (NULL:
 * none); the token shown by the token dialog (NULL once it closed) and its id; that dialog;
 * handover sheets written (well or not) and the last one written; and token @token_id of
 * @person_id as the page shows it: 1 revoked, 0 not revoked, -1 not listed. */
guint       chamber_desk_access_get_loads_completed (ChamberDeskAccess *self);
guint       chamber_desk_access_get_issues_completed (ChamberDeskAccess *self);
guint       chamber_desk_access_get_revokes_completed (ChamberDeskAccess *self);
const char *chamber_desk_access_get_error (ChamberDeskAccess *self);
const char *chamber_desk_access_get_shown_token (ChamberDeskAccess *self, gint64 *out_token_id);
GtkWindow  *chamber_desk_access_get_token_dialog (ChamberDeskAccess *self);
guint       chamber_desk_access_get_handovers_completed (ChamberDeskAccess *self);
const char *chamber_desk_access_get_last_handover (ChamberDeskAccess *self);
guint       chamber_desk_access_get_n_shown (ChamberDeskAccess *self);
int         chamber_desk_access_get_token_state (ChamberDeskAccess *self, gint64 person_id,
                                                 gint64 token_id);

G_END_DECLS
