/* chamber-desk-window.h — the secretariat's desk, in a window of its own beside the documents,
 * for a person signed in with the secretariat or admin role: a sidebar of pages (Sessions,
 * Agenda, People, Access, Documents, Delivery) over one connection. The session selected on
 * the Sessions page is the one the Agenda, Documents, Access and Delivery pages show (the
 * header names it). One desk per main window: opening it again shows the same one, and it
 * closes with the connection. Everything it changes goes to chamberd, which enforces the roles
 * itself; the main window offers the desk only to the secretariat and admins. */
#pragma once

#include <adwaita.h>

#include "chamber-connection.h"
#include "chamber-desk-agenda.h"
#include "chamber-desk-delivery.h"
#include "chamber-desk-people.h"
#include "chamber-desk-sessions.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_DESK_WINDOW (chamber_desk_window_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDeskWindow, chamber_desk_window, CHAMBER, DESK_WINDOW, AdwWindow)

/* Shows the desk of @connection for @parent, creating it (or replacing one of another
 * connection). */
ChamberDeskWindow   *chamber_desk_window_present_for (GtkWindow *parent,
                                                      const ChamberConnection *connection);
/* The desk of @parent, or NULL. */
ChamberDeskWindow   *chamber_desk_window_get_for (GtkWindow *parent);
/* Closes the desk of @parent, if any: its connection closed. */
void                 chamber_desk_window_close_for (GtkWindow *parent);

/* Shows the page @name: "sessions", "agenda", "people", "access", "documents", "delivery",
 * "commitments", "petitions", "supervision" (Alt+1…9). */
void                 chamber_desk_window_show_page (ChamberDeskWindow *self, const char *name);
const char          *chamber_desk_window_get_page_name (ChamberDeskWindow *self);
ChamberDeskSessions *chamber_desk_window_get_sessions (ChamberDeskWindow *self);
ChamberDeskAgenda   *chamber_desk_window_get_agenda (ChamberDeskWindow *self);
ChamberDeskPeople   *chamber_desk_window_get_people (ChamberDeskWindow *self);
ChamberDeskDelivery *chamber_desk_window_get_delivery (ChamberDeskWindow *self);

G_END_DECLS
