/* chamber-desk-agenda.h — the desk's Agenda page: the agenda of one session as a tree the
 * secretariat edits. Items are added at the top level or under the item selected, renamed in
 * place, given planned minutes and a questioning mark (the items where delegates question
 * officials), moved by dragging a row onto another (it goes before that one, among its
 * siblings) or with the keyboard (Alt+Up/Down move among the siblings, Alt+Right nests under
 * the item above, Alt+Left un-nests), and an item without sub-items or documents is deleted
 * after a confirmation. An empty agenda can start as a copy of an earlier session's. Every
 * change goes to the server, and the tree shows the server's answer. */
#pragma once

#include <adwaita.h>

#include "chamber-connection.h"
#include "chamber-model.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_DESK_AGENDA (chamber_desk_agenda_get_type ())
G_DECLARE_FINAL_TYPE (ChamberDeskAgenda, chamber_desk_agenda, CHAMBER, DESK_AGENDA, GtkWidget)

/* @connection is copied. */
GtkWidget  *chamber_desk_agenda_new (const ChamberConnection *connection);
/* Shows session @session_id's agenda (0: none). */
void        chamber_desk_agenda_set_session (ChamberDeskAgenda *self, gint64 session_id);
/* Asks the server again. */
void        chamber_desk_agenda_reload (ChamberDeskAgenda *self);

/* The items as the server last listed them, in tree order (ChamberItem); whether item @id is
 * marked for questioning. */
GPtrArray  *chamber_desk_agenda_get_items (ChamberDeskAgenda *self);
gboolean    chamber_desk_agenda_get_questioning (ChamberDeskAgenda *self, gint64 item_id);
/* The item selected (0: none), and selecting one. */
gint64      chamber_desk_agenda_get_selected (ChamberDeskAgenda *self);
void        chamber_desk_agenda_select (ChamberDeskAgenda *self, gint64 item_id);

/* What the page's buttons and keys do, for the tests too. Adding takes the title typed in the
 * page's entry, or @title when not NULL. */
void        chamber_desk_agenda_add (ChamberDeskAgenda *self, const char *title,
                                     gboolean as_sub_item);
void        chamber_desk_agenda_rename (ChamberDeskAgenda *self, gint64 item_id,
                                        const char *title);
void        chamber_desk_agenda_set_minutes (ChamberDeskAgenda *self, gint64 item_id,
                                             int minutes);
void        chamber_desk_agenda_set_questioning (ChamberDeskAgenda *self, gint64 item_id,
                                                 gboolean questioning);
/* Moves @item_id before @before_id, among @before_id's siblings (what a drop does). */
void        chamber_desk_agenda_move_before (ChamberDeskAgenda *self, gint64 item_id,
                                             gint64 before_id);
/* The confirmation of deleting the item selected (NULL when none is). */
AdwMessageDialog *chamber_desk_agenda_delete_selected (ChamberDeskAgenda *self);

/* For the tests: loads done, requests running, the last refusal shown. */
guint       chamber_desk_agenda_get_loads (ChamberDeskAgenda *self);
guint       chamber_desk_agenda_get_pending (ChamberDeskAgenda *self);
const char *chamber_desk_agenda_get_last_error (ChamberDeskAgenda *self);

G_END_DECLS
