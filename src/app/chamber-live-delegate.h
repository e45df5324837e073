/* chamber-live-delegate.h — a delegate's panel of a live sitting: who has the floor with the
 * countdown and who speaks next; the delegate's own requests with their place in the queue
 * (withdraw); and asking to speak: a question to an official chosen from the directory, a
 * debate, a discussion turn or a point of order, with a topic and, optionally, the page of the
 * document open in the reader. An official sees the same without registering, and the
 * questions addressed to them instead of their own requests. Actions: "delegate.*". */
#pragma once

#include <gtk/gtk.h>

#include "chamber-live-context.h"
#include "chamber-live-now.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_LIVE_DELEGATE (chamber_live_delegate_get_type ())
G_DECLARE_FINAL_TYPE (ChamberLiveDelegate, chamber_live_delegate, CHAMBER, LIVE_DELEGATE,
                      GtkWidget)

/* Where the person is reading: the document and page open in the reader, FALSE when none. */
typedef gboolean (*ChamberLiveReadingFunc) (gpointer user_data, gint64 *out_document_id,
                                            int *out_page);

GtkWidget      *chamber_live_delegate_new (ChamberLiveContext *context);
void            chamber_live_delegate_set_reading_func (ChamberLiveDelegate *self,
                                                        ChamberLiveReadingFunc func,
                                                        gpointer user_data);

/* For the tests: fills the form as a person would (@respondent_id 0: none chosen). */
void            chamber_live_delegate_fill (ChamberLiveDelegate *self, ChamberLiveKind kind,
                                            gint64 respondent_id, const char *topic);
ChamberLiveNow *chamber_live_delegate_get_now (ChamberLiveDelegate *self);
/* The place shown for the delegate's first waiting request ("" when none). */
const char     *chamber_live_delegate_get_position_text (ChamberLiveDelegate *self);

G_END_DECLS
