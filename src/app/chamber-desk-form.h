/* chamber-desk-form.h — the desk's small modal forms (a new session, a person…): rows of
 * entries, numbers and choices in an AdwPreferencesGroup, Cancel and a default button in the
 * header, and a line for the server's refusal. "Save" emits "save"; the form stays open, with
 * what was typed, until the page calls chamber_desk_form_done() after the server accepted it,
 * or shows the refusal with chamber_desk_form_set_error(). */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CHAMBER_TYPE_DESK_FORM (chamber_desk_form_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDeskForm, chamber_desk_form, CHAMBER, DESK_FORM, AdwWindow)

/* A form over @parent's window; @save_label like "_Create". */
ChamberDeskForm *chamber_desk_form_new (GtkWidget *parent, const char *title,
                                        const char *save_label);
/* Rows, in order; each returns the editable widget. */
GtkWidget *chamber_desk_form_add_entry (ChamberDeskForm *self, const char *label,
                                        const char *text);
GtkWidget *chamber_desk_form_add_spin (ChamberDeskForm *self, const char *label, double min,
                                       double max, double value);
/* An AdwComboRow of @labels (NULL-terminated). */
GtkWidget *chamber_desk_form_add_choice (ChamberDeskForm *self, const char *label,
                                         const char *const *labels, guint selected);
/* A line of help under the rows. */
void       chamber_desk_form_set_note (ChamberDeskForm *self, const char *note);

/* The entry's text, stripped; NULL when empty. */
char      *chamber_desk_form_get_text (GtkWidget *entry_row);

/* The refusal shown (NULL hides it); the form becomes editable again. */
void        chamber_desk_form_set_error (ChamberDeskForm *self, const char *message);
const char *chamber_desk_form_get_error (ChamberDeskForm *self);
/* While the server works: Save is insensitive. */
void        chamber_desk_form_set_busy (ChamberDeskForm *self, gboolean busy);
/* The server accepted: the form closes. */
void        chamber_desk_form_done (ChamberDeskForm *self);
/* What "Save" does, also for the tests. */
void        chamber_desk_form_save (ChamberDeskForm *self);

G_END_DECLS
