/* chamber-desk-page.h — the pieces every page of the secretariat's desk is built from, so that
 * each page holds only what is its own: the banner line that shows an error or a message above
 * the page, the toast that reports a refused action, the confirmation dialog with Cancel and one
 * action, a fresh GCancellable for a reload, the list a server's answer holds, and the row a
 * reload selects again. */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A hidden, wrapping, left-aligned label appended to @box, with @css_class ("error" or NULL);
 * @margin at its start and end (0 for none). */
GtkLabel   *chamber_desk_banner_new (GtkBox *box, const char *css_class, int margin);
/* Shows @message in @banner (NULL hides it) and keeps a copy in *@copy (for the tests' getters). */
void        chamber_desk_banner_set (GtkLabel *banner, char **copy, const char *message);

/* Reports @message as a toast over @page for 8 seconds and keeps a copy in *@copy. */
void        chamber_desk_page_report (GtkWidget *page, char **copy, const char *message);

/* A message dialog over @page's window asking to confirm @heading / @body: "cancel" (the default
 * and what Escape does) and @response labelled @label with @appearance. @id is kept on the dialog
 * for chamber_desk_confirm_get_id(); @response_cb is connected to "response" for @page's lifetime.
 * The dialog is presented. */
AdwMessageDialog *chamber_desk_confirm (GtkWidget *page, const char *heading, const char *body,
                                        const char *response, const char *label,
                                        AdwResponseAppearance appearance, gint64 id,
                                        GCallback response_cb);
gint64      chamber_desk_confirm_get_id (AdwMessageDialog *dialog);

/* Cancels the requests *@cancellable covers and puts a new one there for the next ones. */
void        chamber_desk_cancellable_renew (GCancellable **cancellable);

/* The array @member of the object @answer, or NULL with a CHAMBER_CLIENT_ERROR_PROTOCOL error
 * saying @unreadable when @answer holds none. */
JsonArray  *chamber_desk_answer_get_array (JsonNode *answer, const char *member,
                                           const char *unreadable, GError **error);

/* Reads one object of a list (like chamber_person_from_json()); NULL when it cannot. */
typedef gpointer (*ChamberDeskParseFunc) (JsonObject *object, GError **error);

/* Replaces what @into holds with the objects of the array @member of @answer, each read with
 * @parse (an object it cannot read is left out). FALSE, with a CHAMBER_CLIENT_ERROR_PROTOCOL
 * error saying @unreadable and @into unchanged, when @answer holds no such array. */
gboolean    chamber_desk_answer_fill (JsonNode *answer, const char *member,
                                      ChamberDeskParseFunc parse, GPtrArray *into,
                                      const char *unreadable, GError **error);

/* Selects the row of @list whose data @key (set with chamber_desk_row_set_id()) is @id, after
 * unselecting all; returns the row or NULL when none has it. */
GtkListBoxRow *chamber_desk_list_select_id (GtkListBox *list, const char *key, gint64 id);
void           chamber_desk_row_set_id (GtkWidget *row, const char *key, gint64 id);
gint64         chamber_desk_row_get_id (GtkWidget *row, const char *key);

G_END_DECLS
