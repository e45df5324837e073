/* chamber-connect-page.h — the server address and access token form.
 *
 * Checks the pair by asking the server who the token belongs to (GET /api/v1/me, off the UI
 * thread), remembers it, then emits ::connected. Errors stay on the page. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CHAMBER_TYPE_CONNECT_PAGE (chamber_connect_page_get_type ())
G_DECLARE_FINAL_TYPE (ChamberConnectPage, chamber_connect_page, CHAMBER, CONNECT_PAGE, GtkWidget)

/* Fills the form (the test and a remembered connection that the server refused use it). */
void        chamber_connect_page_set_values (ChamberConnectPage *self, const char *server_url,
                                             const char *token);
/* Shows @message under the form; NULL hides it. */
void        chamber_connect_page_set_error (ChamberConnectPage *self, const char *message);
const char *chamber_connect_page_get_error (ChamberConnectPage *self);
/* Cancels a check in progress. */
void        chamber_connect_page_cancel (ChamberConnectPage *self);

G_END_DECLS
