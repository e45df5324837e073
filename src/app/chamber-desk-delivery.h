/* chamber-desk-delivery.h — the desk's Delivery page (secretariat and admin): per delegate and
 * per document of a session, which version has reached each laptop (from the server's delivery
 * report, and its audit log for older versions); missing and outdated documents stand out, the
 * list can show only the people missing something, and each person's group and last activity
 * are there so the Office can phone them. Server errors show in the page. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-connection.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_DESK_DELIVERY (chamber_desk_delivery_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDeskDelivery, chamber_desk_delivery, CHAMBER, DESK_DELIVERY,
                      GtkWidget)

/* @connection is copied: the server and the secretariat's token the page talks with. */
GtkWidget *chamber_desk_delivery_new (const ChamberConnection *connection);
/* Shows session @session_id's delivery (0: none). */
void       chamber_desk_delivery_set_session (ChamberDeskDelivery *self, gint64 session_id);
/* Asks the server again. */
void       chamber_desk_delivery_reload (ChamberDeskDelivery *self);
/* Shows only the people missing a document or holding an old version of one. */
void       chamber_desk_delivery_set_only_missing (ChamberDeskDelivery *self,
                                                   gboolean only_missing);

/* For the UI tests. Reports read (well or not), the last error shown (NULL: none), and the
 * rows shown, in order: each one's person and how many documents they miss or hold old. */
guint       chamber_desk_delivery_get_loads_completed (ChamberDeskDelivery *self);
const char *chamber_desk_delivery_get_error (ChamberDeskDelivery *self);
guint       chamber_desk_delivery_get_n_rows (ChamberDeskDelivery *self);
gint64      chamber_desk_delivery_get_row_person (ChamberDeskDelivery *self, guint index);
guint       chamber_desk_delivery_get_row_missing (ChamberDeskDelivery *self, guint index);
/* Of those, how many they hold in an older version. */
guint       chamber_desk_delivery_get_row_outdated (ChamberDeskDelivery *self, guint index);

G_END_DECLS
