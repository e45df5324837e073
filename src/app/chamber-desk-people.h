/* chamber-desk-people.h — the desk's People page: the server's people (delegates with their
 * group, officials with title and agency, the chair, the secretariat) filtered by role, group,
 * active or not, and a name typed; adding and editing a person; deactivating one (they keep
 * their record and history but their tokens stop working) and reactivating them — there is no
 * delete. "Import from CSV…" sends the chosen file to the server for a dry run first and shows
 * its preview as a table, each row with its problems highlighted; Import then saves only the
 * valid rows, and says how many. */
#pragma once

#include <adwaita.h>

#include "chamber-connection.h"
#include "chamber-desk-form.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_DESK_PEOPLE (chamber_desk_people_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDeskPeople, chamber_desk_people, CHAMBER, DESK_PEOPLE, GtkWidget)

/* @connection is copied. The list loads at once. */
GtkWidget        *chamber_desk_people_new (const ChamberConnection *connection);
void              chamber_desk_people_reload (ChamberDeskPeople *self);
/* Every person as the server last listed them (ChamberPerson), and how many the filter shows. */
GPtrArray        *chamber_desk_people_get_people (ChamberDeskPeople *self);
guint             chamber_desk_people_get_n_shown (ChamberDeskPeople *self);
/* The filter: @role -1 for every role; @group NULL for every group; @active -1 for everyone,
 * 1 active, 0 deactivated; @text a part of the name, NULL for any. */
void              chamber_desk_people_set_filter (ChamberDeskPeople *self, int role,
                                                  const char *group, int active,
                                                  const char *text);

/* What the buttons open: the form for a new person or for editing @person_id; the
 * confirmation of deactivating @person_id (reactivating needs none: NULL, sent at once). */
ChamberDeskForm  *chamber_desk_people_add (ChamberDeskPeople *self);
ChamberDeskForm  *chamber_desk_people_edit (ChamberDeskPeople *self, gint64 person_id);
AdwMessageDialog *chamber_desk_people_set_active (ChamberDeskPeople *self, gint64 person_id,
                                                  gboolean active);

/* Sends @file for the server's dry run and shows the preview (what "Import from CSV…" does
 * after the file is chosen). */
void              chamber_desk_people_import_file (ChamberDeskPeople *self, GFile *file);
/* The preview window (NULL when none shows), its rows and their problems, how many rows are
 * valid, and its Import button's action. */
GtkWindow        *chamber_desk_people_get_preview (ChamberDeskPeople *self);
guint             chamber_desk_people_get_preview_rows (ChamberDeskPeople *self,
                                                        guint *out_valid);
/* The problems of row @index of the preview ("" for a valid row), NULL past the end. */
const char       *chamber_desk_people_get_preview_problems (ChamberDeskPeople *self,
                                                            guint index);
gboolean          chamber_desk_people_get_import_enabled (ChamberDeskPeople *self);
void              chamber_desk_people_import_confirm (ChamberDeskPeople *self);
/* What the last import saved (-1: none yet). */
int               chamber_desk_people_get_imported (ChamberDeskPeople *self);

/* For the tests: loads done, requests running, the last refusal shown. */
guint             chamber_desk_people_get_loads (ChamberDeskPeople *self);
guint             chamber_desk_people_get_pending (ChamberDeskPeople *self);
const char       *chamber_desk_people_get_last_error (ChamberDeskPeople *self);

G_END_DECLS
