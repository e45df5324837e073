/* chamber-search-view.c — search across every document on this laptop (see
 * chamber-search-view.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-search-view.h"
#include "chamber-search.h"

/* The most results shown for one query. */
#define MAX_RESULTS 200

/* The worker's side: one connection to the store's file, opened by the first query and used by
 * one query at a time (a ChamberStore belongs to one thread at a time). Shared by reference
 * between the view and the queries in flight, so that it outlives both. */
typedef struct {
  GMutex        lock;
  char         *path;
  ChamberStore *store;
} Backend;

static void
backend_clear (Backend *backend)
{
  g_mutex_clear (&backend->lock);
  g_free (backend->path);
  g_clear_object (&backend->store);
}

static Backend *
backend_new (const char *path)
{
  Backend *backend = g_atomic_rc_box_new0 (Backend);

  g_mutex_init (&backend->lock);
  backend->path = g_strdup (path);
  return backend;
}

static void
backend_unref (Backend *backend)
{
  g_atomic_rc_box_release_full (backend, (GDestroyNotify) backend_clear);
}

/* One result, as the worker prepares it. */
typedef struct {
  gint64  document_id;
  int     page;
  char   *title;
  char   *session;  /* the session's title, or NULL when it is not in the store */
  char   *markup;   /* the snippet, escaped, with the matched words in <b> */
  char   *find;     /* what the viewer finds on the page to show the match */
} Result;

static void
result_free (Result *result)
{
  g_free (result->title);
  g_free (result->session);
  g_free (result->markup);
  g_free (result->find);
  g_free (result);
}

/* A query handed to the worker: copies only. */
typedef struct {
  Backend *backend;
  char    *text;
  gint64   session_id;
} Query;

static void
query_free (Query *query)
{
  g_clear_pointer (&query->backend, backend_unref);
  g_free (query->text);
  g_free (query);
}

struct _ChamberSearchView
{
  GtkWidget       parent_instance;

  /* Template widgets */
  GtkSearchEntry *search_entry;
  GtkWidget      *session_button;
  GtkStack       *stack;
  AdwStatusPage  *no_results_page;
  AdwStatusPage  *error_page;
  GtkListBox     *results_list;

  Backend        *backend;
  gint64          session_id;
  char           *scope;           /* "all" or "session" */
  GCancellable   *cancellable;     /* the query in flight */
  guint           generation;      /* of the newest query; older answers are dropped */
  char           *searched;        /* the text and scope of the newest query */
  char           *results_query;   /* what the results shown answer */
  GPtrArray      *results;         /* Result, parallel to the rows */
};

enum {
  PROP_0,
  PROP_SCOPE,
  PROP_CURRENT_SESSION_ONLY,
  N_PROPS
};

enum {
  RESULT_ACTIVATED,
  STOP_SEARCH,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberSearchView, chamber_search_view, GTK_TYPE_WIDGET)

GtkWidget *
chamber_search_view_new (void)
{
  return g_object_new (CHAMBER_TYPE_SEARCH_VIEW, NULL);
}

/* ---- the worker ------------------------------------------------------------------------- */

/* @snippet with the byte spans @matches in bold, everything escaped. */
static char *
snippet_markup (const char *snippet, GArray *matches)
{
  GString *markup = g_string_new (NULL);
  gsize length = strlen (snippet);
  gsize done = 0;

  for (guint i = 0; matches != NULL && i < matches->len; i++)
    {
      const ChamberSearchSpan *span = &g_array_index (matches, ChamberSearchSpan, i);
      g_autofree char *before = NULL;
      g_autofree char *word = NULL;

      if (span->start < done || span->end > length || span->start >= span->end)
        continue;
      before = g_markup_escape_text (snippet + done, span->start - done);
      word = g_markup_escape_text (snippet + span->start, span->end - span->start);
      g_string_append_printf (markup, "%s<b>%s</b>", before, word);
      done = span->end;
    }
  {
    g_autofree char *rest = g_markup_escape_text (snippet + done, length - done);

    g_string_append (markup, rest);
  }
  return g_string_free (markup, FALSE);
}

static guint
count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean letter = g_unichar_isalnum (g_utf8_get_char (p));

      if (letter && !in_word)
        n++;
      in_word = letter;
    }
  return n;
}

/* The first run of @n spans of @spans that stand together, or -1: with @text, only blanks of
 * @text between them; without, at most one character. */
static int
find_run (GArray *spans, guint n, const char *text)
{
  if (spans == NULL || n == 0 || spans->len < n)
    return -1;
  for (guint i = 0; i + n <= spans->len; i++)
    {
      gboolean together = TRUE;

      for (guint j = i + 1; j < i + n && together; j++)
        {
          const ChamberSearchSpan *a = &g_array_index (spans, ChamberSearchSpan, j - 1);
          const ChamberSearchSpan *b = &g_array_index (spans, ChamberSearchSpan, j);

          together = b->start > a->end;
          if (text == NULL)
            together = together && b->start - a->end <= 1;
          for (guint k = a->end; k < b->start && together && text != NULL; k++)
            together = g_ascii_isspace (text[k]);
        }
      if (together)
        return (int) i;
    }
  return -1;
}

/* What the viewer finds on the page to show the match: the words of the query as the snippet
 * writes them (“ngân sách” for “ngan sach”) when they stand together there; else the query as
 * typed when its words stand together somewhere on the page (find ignores diacritics too);
 * else the first matched word, which is on the page for sure. */
static char *
find_text (const ChamberSearchHit *hit, const char *query, guint n_words)
{
  const ChamberSearchSpan *first, *last;
  int run;

  if (hit->matches == NULL || hit->matches->len == 0)
    return NULL;
  run = find_run (hit->matches, n_words, hit->snippet);
  if (run >= 0)
    {
      first = &g_array_index (hit->matches, ChamberSearchSpan, run);
      last = &g_array_index (hit->matches, ChamberSearchSpan, run + n_words - 1);
      return g_strndup (hit->snippet + first->start, last->end - first->start);
    }
  if (n_words > 1 && find_run (hit->page_matches, n_words, NULL) >= 0)
    return g_strstrip (g_strdup (query));
  first = &g_array_index (hit->matches, ChamberSearchSpan, 0);
  return g_strndup (hit->snippet + first->start, first->end - first->start);
}

static void
search_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Query *query = task_data;
  Backend *backend = query->backend;
  g_autoptr (GPtrArray) hits = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GHashTable) sessions = NULL;
  g_autoptr (GMutexLocker) locker = NULL;
  GError *error = NULL;

  /* A query replaced while it waited for its turn is not run at all. */
  locker = g_mutex_locker_new (&backend->lock);
  if (g_task_return_error_if_cancelled (task))
    return;

  if (backend->store == NULL)
    {
      backend->store = chamber_store_open (backend->path, &error);
      if (backend->store == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  hits = chamber_search_query (backend->store, query->text, query->session_id, MAX_RESULTS,
                               &error);
  if (hits == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) result_free);
  sessions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < hits->len; i++)
    {
      const ChamberSearchHit *hit = g_ptr_array_index (hits, i);
      Result *result = g_new0 (Result, 1);
      gint64 session_id = hit->document->session_id;
      const char *session_title;

      if (!g_hash_table_lookup_extended (sessions, &session_id, NULL, (gpointer *) &session_title))
        {
          g_autoptr (ChamberSession) session = chamber_store_get_session (backend->store,
                                                                          session_id, NULL);

          session_title = session != NULL ? g_strdup (session->title) : NULL;
          g_hash_table_insert (sessions, g_memdup2 (&session_id, sizeof session_id),
                               (gpointer) session_title);
        }

      result->document_id = hit->document->id;
      result->page = hit->page;
      result->title = g_strdup (hit->document->title);
      result->session = g_strdup (session_title);
      result->markup = snippet_markup (hit->snippet, hit->matches);
      result->find = find_text (hit, query->text, count_words (query->text));
      g_ptr_array_add (results, result);
    }
  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

/* ---- the results ------------------------------------------------------------------------ */

static void
clear_rows (ChamberSearchView *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->results_list, 0)) != NULL)
    gtk_list_box_remove (self->results_list, GTK_WIDGET (row));
  g_clear_pointer (&self->results, g_ptr_array_unref);
}

static GtkWidget *
create_row (const Result *result)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (result->title);
  GtkWidget *page;
  GtkWidget *snippet = gtk_label_new (NULL);
  g_autofree char *page_text = NULL;

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_tooltip_text (title, result->title);
  gtk_box_append (GTK_BOX (top), title);

  /* TRANSLATORS: the page of a search result, like “p. 3” */
  page_text = g_strdup_printf (_("p. %d"), result->page);
  page = gtk_label_new (page_text);
  gtk_widget_add_css_class (page, "caption");
  gtk_widget_add_css_class (page, "dim-label");
  gtk_widget_set_valign (page, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (top), page);
  gtk_box_append (GTK_BOX (box), top);

  gtk_label_set_markup (GTK_LABEL (snippet), result->markup);
  gtk_label_set_xalign (GTK_LABEL (snippet), 0);
  gtk_label_set_wrap (GTK_LABEL (snippet), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (snippet), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (snippet), 3);
  gtk_label_set_ellipsize (GTK_LABEL (snippet), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (snippet), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (snippet), 60);
  gtk_widget_add_css_class (snippet, "chamber-snippet");
  gtk_box_append (GTK_BOX (box), snippet);

  if (result->session != NULL)
    {
      GtkWidget *session = gtk_label_new (result->session);

      gtk_label_set_xalign (GTK_LABEL (session), 0);
      gtk_label_set_ellipsize (GTK_LABEL (session), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (session, "caption");
      gtk_widget_add_css_class (session, "dim-label");
      gtk_box_append (GTK_BOX (box), session);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
show_results (ChamberSearchView *self, const char *text, GPtrArray *results)
{
  clear_rows (self);
  g_free (self->results_query);
  self->results_query = g_strdup (text);
  self->results = g_ptr_array_ref (results);

  for (guint i = 0; i < results->len; i++)
    gtk_list_box_append (self->results_list, create_row (g_ptr_array_index (results, i)));

  if (results->len > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "results");
      return;
    }

  if (g_str_equal (self->scope, "session") && self->session_id != 0)
    adw_status_page_set_description (self->no_results_page,
                                     _("No page of this session holds all of these words. Check "
                                       "the spelling, or search every session."));
  else
    adw_status_page_set_description (self->no_results_page,
                                     _("No page of any document holds all of these words. Check "
                                       "the spelling, or use fewer words."));
  gtk_stack_set_visible_child_name (self->stack, "no-results");
}

static void
show_error (ChamberSearchView *self, const char *text, const GError *error)
{
  g_autofree char *escaped = g_markup_escape_text (error->message, -1);

  clear_rows (self);
  g_free (self->results_query);
  self->results_query = g_strdup (text);
  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

typedef struct {
  ChamberSearchView *self;
  guint              generation;
  char              *text;
} Pending;

static void
pending_free (Pending *pending)
{
  g_clear_object (&pending->self);
  g_free (pending->text);
  g_free (pending);
}

static void
searched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Pending *pending = user_data;
  ChamberSearchView *self = pending->self;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;

  results = g_task_propagate_pointer (G_TASK (result), &error);
  /* Answers to a query replaced meanwhile are dropped. */
  if (pending->generation == self->generation
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_object (&self->cancellable);
      if (results != NULL)
        show_results (self, pending->text, results);
      else
        show_error (self, pending->text, error);
    }
  pending_free (pending);
}

static gboolean
has_words (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Searches what the entry holds, unless that very query is answered or on its way (@again
 * searches anyway). */
static void
start_search (ChamberSearchView *self, gboolean again)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gint64 session_id = g_str_equal (self->scope, "session") ? self->session_id : 0;
  g_autofree char *searched = NULL;
  g_autoptr (GTask) task = NULL;
  Pending *pending;
  Query *query;

  searched = g_strdup_printf ("%" G_GINT64_FORMAT " %s %s", session_id,
                              self->backend != NULL ? self->backend->path : "", text);
  if (!again && g_strcmp0 (searched, self->searched) == 0)
    return;
  g_free (self->searched);
  self->searched = g_steal_pointer (&searched);

  self->generation++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (!has_words (text) || self->backend == NULL)
    {
      clear_rows (self);
      g_clear_pointer (&self->results_query, g_free);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  self->cancellable = g_cancellable_new ();
  query = g_new0 (Query, 1);
  query->backend = g_atomic_rc_box_acquire (self->backend);
  query->text = g_strdup (text);
  query->session_id = session_id;

  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->generation = self->generation;
  pending->text = g_strdup (text);

  task = g_task_new (NULL, self->cancellable, searched_cb, pending);
  g_task_set_source_tag (task, start_search);
  g_task_set_task_data (task, query, (GDestroyNotify) query_free);
  g_task_run_in_thread (task, search_thread);
}

/* ---- callbacks -------------------------------------------------------------------------- */

static void
search_changed_cb (ChamberSearchView *self)
{
  start_search (self, FALSE);
}

static void
stop_search_cb (ChamberSearchView *self)
{
  g_signal_emit (self, signals[STOP_SEARCH], 0);
}

static void
activate_result (ChamberSearchView *self, guint index)
{
  const Result *result;

  if (self->results == NULL || index >= self->results->len)
    return;
  result = g_ptr_array_index (self->results, index);
  g_signal_emit (self, signals[RESULT_ACTIVATED], 0, result->document_id, result->page,
                 result->find);
}

static void
search_activated_cb (ChamberSearchView *self)
{
  /* Enter opens the best result, once the results answer what is typed. */
  if (g_strcmp0 (self->results_query,
                 gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) == 0)
    activate_result (self, 0);
}

/* Down in the search field moves to the results, as in GNOME's search lists. */
static gboolean
entry_key_pressed_cb (ChamberSearchView     *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  GtkListBoxRow *first;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (first == NULL || !gtk_widget_get_mapped (GTK_WIDGET (first)))
    return GDK_EVENT_PROPAGATE;
  gtk_list_box_select_row (self->results_list, first);
  gtk_widget_grab_focus (GTK_WIDGET (first));
  return GDK_EVENT_STOP;
}

static void
row_activated_cb (ChamberSearchView *self, GtkListBoxRow *row)
{
  activate_result (self, gtk_list_box_row_get_index (row));
}

/* ---- public ----------------------------------------------------------------------------- */

void
chamber_search_view_set_store (ChamberSearchView *self, ChamberStore *store)
{
  const char *path;

  g_return_if_fail (CHAMBER_IS_SEARCH_VIEW (self));
  g_return_if_fail (store == NULL || CHAMBER_IS_STORE (store));

  path = store != NULL ? chamber_store_get_path (store) : NULL;
  if (self->backend != NULL && g_strcmp0 (self->backend->path, path) == 0)
    return;
  g_clear_pointer (&self->backend, backend_unref);
  if (path != NULL)
    self->backend = backend_new (path);
  start_search (self, FALSE);
}

static void
update_session_button (ChamberSearchView *self)
{
  gtk_widget_set_sensitive (self->session_button, self->session_id != 0);
}

void
chamber_search_view_set_session (ChamberSearchView *self, gint64 session_id)
{
  g_return_if_fail (CHAMBER_IS_SEARCH_VIEW (self));

  if (self->session_id == session_id)
    return;
  self->session_id = session_id;
  update_session_button (self);
  if (g_str_equal (self->scope, "session"))
    start_search (self, FALSE);
}

static void
set_scope (ChamberSearchView *self, const char *scope)
{
  if (g_strcmp0 (scope, "session") != 0)
    scope = "all";
  if (g_strcmp0 (self->scope, scope) == 0)
    return;
  g_free (self->scope);
  self->scope = g_strdup (scope);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCOPE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_SESSION_ONLY]);
  start_search (self, FALSE);
}

gboolean
chamber_search_view_get_current_session_only (ChamberSearchView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SEARCH_VIEW (self), FALSE);
  return g_str_equal (self->scope, "session");
}

void
chamber_search_view_set_current_session_only (ChamberSearchView *self, gboolean only)
{
  g_return_if_fail (CHAMBER_IS_SEARCH_VIEW (self));
  set_scope (self, only ? "session" : "all");
}

const char *
chamber_search_view_get_text (ChamberSearchView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SEARCH_VIEW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

void
chamber_search_view_set_text (ChamberSearchView *self, const char *text)
{
  g_return_if_fail (CHAMBER_IS_SEARCH_VIEW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  /* As if typing had paused: the entry's delay is not waited for. */
  start_search (self, FALSE);
}

void
chamber_search_view_focus (ChamberSearchView *self)
{
  g_return_if_fail (CHAMBER_IS_SEARCH_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
chamber_search_view_refresh (ChamberSearchView *self)
{
  g_return_if_fail (CHAMBER_IS_SEARCH_VIEW (self));
  start_search (self, TRUE);
}

const char *
chamber_search_view_get_state (ChamberSearchView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SEARCH_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
chamber_search_view_get_busy (ChamberSearchView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SEARCH_VIEW (self), FALSE);
  return self->cancellable != NULL;
}

const char *
chamber_search_view_get_results_query (ChamberSearchView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SEARCH_VIEW (self), NULL);
  return self->results_query;
}

guint
chamber_search_view_get_n_results (ChamberSearchView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SEARCH_VIEW (self), 0);
  return self->results != NULL ? self->results->len : 0;
}

gboolean
chamber_search_view_get_result (ChamberSearchView *self,
                                guint              index,
                                gint64            *out_document_id,
                                int               *out_page,
                                const char       **out_title,
                                const char       **out_session)
{
  const Result *result;

  g_return_val_if_fail (CHAMBER_IS_SEARCH_VIEW (self), FALSE);

  if (self->results == NULL || index >= self->results->len)
    return FALSE;
  result = g_ptr_array_index (self->results, index);
  if (out_document_id != NULL)
    *out_document_id = result->document_id;
  if (out_page != NULL)
    *out_page = result->page;
  if (out_title != NULL)
    *out_title = result->title;
  if (out_session != NULL)
    *out_session = result->session;
  return TRUE;
}

GtkListBox *
chamber_search_view_get_results_list (ChamberSearchView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SEARCH_VIEW (self), NULL);
  return self->results_list;
}

/* ---- GObject ---------------------------------------------------------------------------- */

static void
chamber_search_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  ChamberSearchView *self = CHAMBER_SEARCH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      g_value_set_string (value, self->scope);
      break;
    case PROP_CURRENT_SESSION_ONLY:
      g_value_set_boolean (value, g_str_equal (self->scope, "session"));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_search_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  ChamberSearchView *self = CHAMBER_SEARCH_VIEW (object);

  switch (prop_id)
    {
    case PROP_SCOPE:
      set_scope (self, g_value_get_string (value));
      break;
    case PROP_CURRENT_SESSION_ONLY:
      set_scope (self, g_value_get_boolean (value) ? "session" : "all");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_search_view_dispose (GObject *object)
{
  ChamberSearchView *self = CHAMBER_SEARCH_VIEW (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_SEARCH_VIEW);
  /* The template's top box is not bound to a member: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (chamber_search_view_parent_class)->dispose (object);
}

static void
chamber_search_view_finalize (GObject *object)
{
  ChamberSearchView *self = CHAMBER_SEARCH_VIEW (object);

  g_clear_pointer (&self->backend, backend_unref);
  g_free (self->scope);
  g_free (self->results_query);
  g_free (self->searched);

  G_OBJECT_CLASS (chamber_search_view_parent_class)->finalize (object);
}

static gboolean
chamber_search_view_grab_focus (GtkWidget *widget)
{
  ChamberSearchView *self = CHAMBER_SEARCH_VIEW (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
chamber_search_view_class_init (ChamberSearchViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_search_view_dispose;
  object_class->finalize = chamber_search_view_finalize;
  object_class->get_property = chamber_search_view_get_property;
  object_class->set_property = chamber_search_view_set_property;
  widget_class->grab_focus = chamber_search_view_grab_focus;

  /* "all" or "session": what the scope buttons choose. */
  properties[PROP_SCOPE] =
    g_param_spec_string ("scope", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CURRENT_SESSION_ONLY] =
    g_param_spec_boolean ("current-session-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[RESULT_ACTIVATED] =
    g_signal_new ("result-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT, G_TYPE_STRING);
  signals[STOP_SEARCH] =
    g_signal_new ("stop-search", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-search-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberSearchView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, ChamberSearchView, session_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberSearchView, stack);
  gtk_widget_class_bind_template_child (widget_class, ChamberSearchView, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, ChamberSearchView, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChamberSearchView, results_list);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "search.scope", "scope");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chamber_search_view_init (ChamberSearchView *self)
{
  GtkEventController *keys;

  self->scope = g_strdup ("all");
  gtk_widget_init_template (GTK_WIDGET (self));
  update_session_button (self);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}
