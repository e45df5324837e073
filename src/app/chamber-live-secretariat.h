/* chamber-live-secretariat.h — the secretariat's panel of a live sitting: the summary of the
 * current turn typed as it happens and saved to the server (a second after typing stops, when
 * the text loses the focus, or at once with Ctrl+Enter), with a visible saved state; and the
 * commitments made in a turn (what, who from the directory, by when). The turns of the open
 * item are listed to go back to one. Actions: "secretariat.*". */
#pragma once

#include <gtk/gtk.h>

#include "chamber-live-context.h"
#include "chamber-live-now.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_LIVE_SECRETARIAT (chamber_live_secretariat_get_type ())
G_DECLARE_FINAL_TYPE (ChamberLiveSecretariat, chamber_live_secretariat, CHAMBER,
                      LIVE_SECRETARIAT, GtkWidget)

typedef enum {
  CHAMBER_LIVE_SAVE_SAVED,     /* what shows is what the server has */
  CHAMBER_LIVE_SAVE_EDITED,    /* typed, not sent yet */
  CHAMBER_LIVE_SAVE_SAVING,    /* sent, no answer yet */
  CHAMBER_LIVE_SAVE_FAILED,    /* the server refused it or could not be reached */
} ChamberLiveSaveState;

GtkWidget           *chamber_live_secretariat_new (ChamberLiveContext *context);

/* For the tests. The turn whose summary shows (0: none). */
gint64               chamber_live_secretariat_get_turn_id (ChamberLiveSecretariat *self);
GtkTextView         *chamber_live_secretariat_get_summary_view (ChamberLiveSecretariat *self);
ChamberLiveSaveState chamber_live_secretariat_get_save_state (ChamberLiveSecretariat *self);
ChamberLiveNow      *chamber_live_secretariat_get_now (ChamberLiveSecretariat *self);
/* Fills the commitment form as a person would. */
void                 chamber_live_secretariat_fill_commitment (ChamberLiveSecretariat *self,
                                                               const char *what,
                                                               gint64 owner_id,
                                                               const char *due);

G_END_DECLS
