/* chamber-petition-entry.h — the window in which the Office enters one voter petition by hand
 * (from a voters' meeting): its content, the meeting (date, place, delegate group, level), field,
 * responsible agency and status. Before it is saved the server is asked, without saving, which
 * earlier petitions it raises again (POST /api/v1/petitions?dry_run=1); they are listed with
 * their similarity and the person chooses one to link it to, or none. */
#pragma once

#include <adwaita.h>

#include "chamber-connection.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_PETITION_ENTRY (chamber_petition_entry_get_type ())
G_DECLARE_FINAL_TYPE (ChamberPetitionEntry, chamber_petition_entry, CHAMBER, PETITION_ENTRY,
                      AdwWindow)

/* Emits "saved" (gint64 id) once the petition is stored, then closes. */
ChamberPetitionEntry *chamber_petition_entry_new (GtkWindow               *parent,
                                                  const ChamberConnection *connection);

/* What the form's controls hold, also for the tests: NULL leaves a control as it is; @level and
 * @status are keys ("district", "in-progress"). */
void        chamber_petition_entry_fill (ChamberPetitionEntry *self, const char *content,
                                         const char *date, const char *place, const char *group,
                                         const char *level, const char *field,
                                         const char *agency, const char *status);
/* The Check button: asks the server for the earlier petitions this one raises again. */
void        chamber_petition_entry_check (ChamberPetitionEntry *self);
/* The Save button: checks first when the content changed since the last check, and saves only
 * once the similar petitions found (if any) were shown. */
void        chamber_petition_entry_save (ChamberPetitionEntry *self);
/* Chooses the earlier petition to link to (0: none, a new request). */
gboolean    chamber_petition_entry_choose (ChamberPetitionEntry *self, gint64 id);

/* For the tests. */
guint       chamber_petition_entry_get_pending (ChamberPetitionEntry *self);
guint       chamber_petition_entry_get_checks (ChamberPetitionEntry *self);
const char *chamber_petition_entry_get_error (ChamberPetitionEntry *self);
/* The similar earlier petitions shown: their number, and each one's id and similarity. */
guint       chamber_petition_entry_get_n_similar (ChamberPetitionEntry *self);
gint64      chamber_petition_entry_get_similar_id (ChamberPetitionEntry *self, guint index,
                                                   double *out_similarity);
gint64      chamber_petition_entry_get_chosen (ChamberPetitionEntry *self);
/* The id the server gave the petition saved, or 0. */
gint64      chamber_petition_entry_get_saved_id (ChamberPetitionEntry *self);

G_END_DECLS
