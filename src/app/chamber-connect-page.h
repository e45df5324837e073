/* chamber-connect-page.h — the server address and access token form.
 *
 * Checks the pair by asking the server who the token belongs to (GET /api/v1/me, off the UI
 * thread), remembers it, then emits ::connected. Errors stay on the page. An https:// server
 * whose certificate this computer does not trust is asked about: its fingerprint is shown to
 * compare with the handover sheet, and the connection pins it once the person trusts it. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHAMBER_TYPE_CONNECT_PAGE (chamber_connect_page_get_type ())
G_DECLARE_FINAL_TYPE (ChamberConnectPage, chamber_connect_page, CHAMBER, CONNECT_PAGE, GtkWidget)

/* Fills the form (the test and a remembered connection that the server refused use it). */
void        chamber_connect_page_set_values (ChamberConnectPage *self, const char *server_url,
                                             const char *token);
/* Shows @message under the form; NULL hides it. */
void        chamber_connect_page_set_error (ChamberConnectPage *self, const char *message);
const char *chamber_connect_page_get_error (ChamberConnectPage *self);
/* The question about an unknown certificate while it is open, else NULL (for the tests). */
AdwMessageDialog *chamber_connect_page_get_certificate_dialog (ChamberConnectPage *self);
/* Cancels a check in progress (and closes the question about a certificate). */
void        chamber_connect_page_cancel (ChamberConnectPage *self);

G_END_DECLS
