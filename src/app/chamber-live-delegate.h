/* chamber-live-delegate.h — a delegate's panel of a live sitting: who has the floor with the
 * countdown and who speaks next; the delegate's own requests with their place in the queue
 * (withdraw); and asking to speak: a question to an official chosen from the directory, a
 * debate, a discussion turn or a point of order, with a topic and, optionally, the page of the
 * document open in the reader or the passage selected there. An official sees the same without
 * registering, and instead of their own requests every question addressed to them in the
 * sitting (waiting, being asked, asked, answered; the one of the moment highlighted). Actions:
 * "delegate.*". */
#pragma once

#include <gtk/gtk.h>

#include "chamber-live-context.h"
#include "chamber-live-now.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_LIVE_DELEGATE (chamber_live_delegate_get_type ())
G_DECLARE_FINAL_TYPE (ChamberLiveDelegate, chamber_live_delegate, CHAMBER, LIVE_DELEGATE,
                      GtkWidget)

/* Where the person is reading: the document and page open in the reader, FALSE when none;
 * with text selected there, also that text (@out_quote, newly allocated, else NULL) and the
 * page where it starts (@out_quote_page, from 1). */
typedef gboolean (*ChamberLiveReadingFunc) (gpointer user_data, gint64 *out_document_id,
                                            int *out_page, char **out_quote,
                                            int *out_quote_page);

GtkWidget      *chamber_live_delegate_new (ChamberLiveContext *context);
void            chamber_live_delegate_set_reading_func (ChamberLiveDelegate *self,
                                                        ChamberLiveReadingFunc func,
                                                        gpointer user_data);

/* For the tests: fills the form as a person would (@respondent_id 0: none chosen). */
void            chamber_live_delegate_fill (ChamberLiveDelegate *self, ChamberLiveKind kind,
                                            gint64 respondent_id, const char *topic);
/* Looks again at what the person reads (the window calls it when it becomes active). */
void            chamber_live_delegate_update_reading (ChamberLiveDelegate *self);
/* For the tests: turns on the anchor to the selected passage; FALSE when none is offered. */
gboolean        chamber_live_delegate_use_passage (ChamberLiveDelegate *self);
/* The passage offered as shown ("" when none). */
const char     *chamber_live_delegate_get_passage_text (ChamberLiveDelegate *self);
/* For the tests, an official's list: the rows as "asker\nsubtitle" (NULL-terminated), and the
 * request of the question of the moment (being asked or answered), 0 when none. */
char          **chamber_live_delegate_dup_question_texts (ChamberLiveDelegate *self);
gint64          chamber_live_delegate_get_current_question (ChamberLiveDelegate *self);
ChamberLiveNow *chamber_live_delegate_get_now (ChamberLiveDelegate *self);
/* The place shown for the delegate's first waiting request ("" when none). */
const char     *chamber_live_delegate_get_position_text (ChamberLiveDelegate *self);

G_END_DECLS
