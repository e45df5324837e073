/* chamber-session-view.h — sessions, agenda, documents and the viewer of one connection.
 *
 * Shows the local mirror of a connection (it works offline) and keeps it current with the sync
 * engine: on connection, every sync-interval seconds in the background, and on
 * chamber_session_view_refresh(). Progress shows in the sidebar; arrivals (“3 new documents”,
 * “1 document updated”) and errors as toasts; a document whose new version arrived is marked
 * “Updated” until opened. A server whose certificate is no longer the pinned one gets a
 * warning above everything, naming both fingerprints and offering to disconnect. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-connection.h"
#include "chamber-notes-view.h"
#include "chamber-page-view.h"
#include "chamber-search-view.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_SESSION_VIEW (chamber_session_view_get_type ())
G_DECLARE_FINAL_TYPE (ChamberSessionView, chamber_session_view, CHAMBER, SESSION_VIEW, GtkWidget)

/* Shows @connection's mirror and syncs it; NULL closes everything (cancelling a sync). */
void        chamber_session_view_set_connection (ChamberSessionView *self,
                                                 const ChamberConnection *connection);
const ChamberConnection *chamber_session_view_get_connection (ChamberSessionView *self);
/* Syncs now, unless a sync is running. */
void        chamber_session_view_refresh (ChamberSessionView *self);
/* Seconds between background syncs while a connection is shown (the "sync-interval" property;
 * 120 unless CHAMBER_SYNC_INTERVAL says otherwise; 0 turns them off). */
void        chamber_session_view_set_sync_interval (ChamberSessionView *self, guint seconds);
guint       chamber_session_view_get_sync_interval (ChamberSessionView *self);
/* TRUE while the last sync could not reach the server (the "offline" property): what is
 * synced stays readable and the status line says so. */
gboolean    chamber_session_view_get_offline (ChamberSessionView *self);

/* The selected session's title, and a line about it and the reader (bound to the window). */
const char *chamber_session_view_get_title (ChamberSessionView *self);
const char *chamber_session_view_get_subtitle (ChamberSessionView *self);
/* Search across every document in the sidebar, its entry focused (the "search-mode" property);
 * FALSE goes back to what the sidebar showed before. */
void        chamber_session_view_set_search_mode (ChamberSessionView *self, gboolean search_mode);
gboolean    chamber_session_view_get_search_mode (ChamberSessionView *self);
/* TRUE while a sync runs, including one cancelled that has not yet stopped. */
gboolean    chamber_session_view_get_syncing (ChamberSessionView *self);

/* For the UI tests: the parts a person looks at. Syncs of the current connection that ended
 * (well or not): */
guint            chamber_session_view_get_syncs_completed (ChamberSessionView *self);
const char      *chamber_session_view_get_sync_status (ChamberSessionView *self);
/* The last toast this view showed and (@out_n_toasts, may be NULL) how many it showed. */
const char      *chamber_session_view_get_last_toast (ChamberSessionView *self,
                                                      guint *out_n_toasts);
/* Why the last sync failed, or NULL when it succeeded. */
const char      *chamber_session_view_get_sync_error (ChamberSessionView *self);
/* TRUE while the warning that the server's certificate changed shows, with the pinned and the
 * presented fingerprints as shown (groups of four digits). */
gboolean         chamber_session_view_get_certificate_warning (ChamberSessionView *self,
                                                               const char **out_trusted,
                                                               const char **out_presented);
/* A GtkSingleSelection of GtkTreeListRow holding ChamberAgendaItem. */
GListModel      *chamber_session_view_get_agenda_model (ChamberSessionView *self);
GtkListBox      *chamber_session_view_get_document_list (ChamberSessionView *self);
ChamberPageView *chamber_session_view_get_page_view (ChamberSessionView *self);
ChamberSearchView *chamber_session_view_get_search_view (ChamberSessionView *self);
ChamberNotesView *chamber_session_view_get_notes_view (ChamberSessionView *self);
/* The person whose notes show (from the server, or remembered from an earlier connection),
 * 0 until known. */
gint64           chamber_session_view_get_person_id (ChamberSessionView *self);
/* The session selected (0 for none), and the document open in the reader (0 for none): for
 * the live sitting's screens (chamber-live-window.h). */
gint64           chamber_session_view_get_session_id (ChamberSessionView *self);
gint64           chamber_session_view_get_open_document_id (ChamberSessionView *self);

G_END_DECLS
