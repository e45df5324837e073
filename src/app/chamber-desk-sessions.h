/* chamber-desk-sessions.h — the desk's Sessions page (secretariat and admin): every session of
 * the server with its number, title, dates, place and state; "New Session…" (with the agenda of
 * an earlier session copied as a start), "Edit…", and moving the state on from preparing to
 * open to closed (or reopening a closed one) after a confirmation. The session selected is the
 * one the desk's other pages show ("session-id" property); "agenda-copied" (gint64 session id)
 * says an agenda was copied into a new session. Every change goes to the server and the list
 * shows the server's answer; a refusal shows in the form or as a toast. */
#pragma once

#include <adwaita.h>

#include "chamber-connection.h"
#include "chamber-desk-form.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_DESK_SESSIONS (chamber_desk_sessions_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDeskSessions, chamber_desk_sessions, CHAMBER, DESK_SESSIONS,
                      GtkWidget)

/* @connection is copied. The list loads at once. */
GtkWidget  *chamber_desk_sessions_new (const ChamberConnection *connection);
/* Asks the server again. */
void        chamber_desk_sessions_reload (ChamberDeskSessions *self);
/* The sessions as the server last listed them (ChamberSession, newest first). */
GPtrArray  *chamber_desk_sessions_get_sessions (ChamberDeskSessions *self);
/* The session selected (0: none), and selecting one. */
gint64      chamber_desk_sessions_get_session_id (ChamberDeskSessions *self);
void        chamber_desk_sessions_select (ChamberDeskSessions *self, gint64 session_id);
/* "Number N — Title", for the desk's header; NULL for an unknown id. */
char       *chamber_desk_sessions_describe (ChamberDeskSessions *self, gint64 session_id);

/* What the buttons open, for the keyboard and the tests: the form for a new session, the form
 * editing @session_id, and the confirmation of moving @session_id's state on (preparing →
 * open → closed; a closed one may be reopened). */
ChamberDeskForm *chamber_desk_sessions_new_session (ChamberDeskSessions *self);
ChamberDeskForm *chamber_desk_sessions_edit (ChamberDeskSessions *self, gint64 session_id);
AdwMessageDialog *chamber_desk_sessions_change_state (ChamberDeskSessions *self,
                                                      gint64 session_id);

/* For the tests: lists loaded so far, requests still running, the last refusal shown. */
guint       chamber_desk_sessions_get_loads (ChamberDeskSessions *self);
guint       chamber_desk_sessions_get_pending (ChamberDeskSessions *self);
const char *chamber_desk_sessions_get_last_error (ChamberDeskSessions *self);

G_END_DECLS
