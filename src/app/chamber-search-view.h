/* chamber-search-view.h — search across every document on this laptop.
 *
 * A search entry, a choice between every session and the current one, and the pages that hold
 * every word typed: the document, the page, a snippet with the matched words in bold, and the
 * session. Typing is debounced by the entry's search delay; each query runs on a worker thread
 * with its own connection to the store's file (the UI thread never waits on SQLite), and the
 * answer to a query that was replaced meanwhile is dropped. Activating a result emits
 * ::result-activated; Escape in the entry emits ::stop-search. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_TYPE_SEARCH_VIEW (chamber_search_view_get_type ())
G_DECLARE_FINAL_TYPE (ChamberSearchView, chamber_search_view, CHAMBER, SEARCH_VIEW, GtkWidget)

/* Signals:
 *
 * ::result-activated (ChamberSearchView *view, gint64 document_id, int page, const char *find)
 *   — open document @document_id at @page (from 1) and find @find there: the matched words as
 *   the page writes them (“ngân sách” for the query “ngan sach”), or NULL.
 * ::stop-search (ChamberSearchView *view) — Escape was pressed in the entry. */

GtkWidget  *chamber_search_view_new (void);

/* The local store whose documents are searched, or NULL; only its file is used, by the worker. */
void        chamber_search_view_set_store (ChamberSearchView *self, ChamberStore *store);
/* The session that “This Session” means, and its title; 0 (or NULL) when there is none, and
 * then every session is searched. */
void        chamber_search_view_set_session (ChamberSearchView *self, gint64 session_id);
/* TRUE when only the current session is searched (the "current-session-only" property). */
gboolean    chamber_search_view_get_current_session_only (ChamberSearchView *self);
void        chamber_search_view_set_current_session_only (ChamberSearchView *self,
                                                          gboolean only);

/* The text of the entry; setting it searches as typing it does. */
const char *chamber_search_view_get_text (ChamberSearchView *self);
void        chamber_search_view_set_text (ChamberSearchView *self, const char *text);
/* Focuses the entry with its text selected. */
void        chamber_search_view_focus (ChamberSearchView *self);
/* Runs the query again now (after a sync brought or indexed new documents). */
void        chamber_search_view_refresh (ChamberSearchView *self);

/* TRUE while a query runs whose answer will be shown. */
gboolean    chamber_search_view_get_busy (ChamberSearchView *self);
/* What the view shows: "empty" (nothing typed), "no-results", "error" or "results". */
const char *chamber_search_view_get_state (ChamberSearchView *self);
/* The text the results shown answer (NULL before the first answer). */
const char *chamber_search_view_get_results_query (ChamberSearchView *self);
/* The results shown, best first: what result @index points at (@out_title and @out_session
 * may be NULL; the strings belong to the view). FALSE when there is no such result. */
guint       chamber_search_view_get_n_results (ChamberSearchView *self);
gboolean    chamber_search_view_get_result (ChamberSearchView *self, guint index,
                                            gint64 *out_document_id, int *out_page,
                                            const char **out_title, const char **out_session);
/* For the UI tests: the list whose rows are the results. */
GtkListBox *chamber_search_view_get_results_list (ChamberSearchView *self);

G_END_DECLS
