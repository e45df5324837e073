/* chamber-session-view.c — sessions, agenda, documents and the viewer of one connection.
 *
 * It syncs at start, every sync-interval seconds while it runs (CHAMBER_SYNC_INTERVAL in the
 * environment sets the default, for tests) and on “Sync now”, never blocking the UI. A document
 * whose new version arrived shows “Updated” until the person opens it (chamber-updates.h).
 * Offline, it keeps showing what is synced with a discreet status line, and a background sync
 * that fails the same way again adds no toast. *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-agenda-item.h"
#include "chamber-application.h"
#include "chamber-client.h"
#include "chamber-notes-view.h"
#include "chamber-search-view.h"
#include "chamber-session-view.h"
#include "chamber-sync.h"
#include "chamber-toast.h"
#include "chamber-token.h"
#include "chamber-updates.h"

/* Seconds between background syncs unless CHAMBER_SYNC_INTERVAL or the property says otherwise. */
#define DEFAULT_SYNC_INTERVAL 120

/* The setting of the local store that keeps whose token it is, so that the notes are the same
 * person's offline: "person-id:" and the token's hash. */
#define PERSON_SETTING_PREFIX "person-id:"

struct _ChamberSessionView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkDropDown       *session_dropdown;
  GtkStack          *agenda_stack;
  AdwStatusPage     *agenda_empty;
  GtkListView       *agenda_view;
  GtkListBox        *documents_list;
  GtkLabel          *documents_hint;
  GtkLabel          *sync_label;
  GtkProgressBar    *sync_progress;
  GtkLabel          *sync_detail;
  GtkStack          *sidebar_stack;
  ChamberNotesView  *notes_view;
  ChamberSearchView *search_view;
  ChamberPageView   *page_view;
  GtkWidget         *certificate_warning;
  GtkLabel          *trusted_fingerprint_label;
  GtkLabel          *presented_fingerprint_label;

  ChamberConnection *connection;
  ChamberSync       *sync;
  GCancellable      *open_cancellable;
  GCancellable      *sync_cancellable;
  GCancellable      *person_cancellable;
  GCancellable      *certificate_cancellable;
  guint              active_syncs;
  guint              syncs_completed;
  int                last_documents_done;

  GtkStringList     *session_names;
  GArray            *session_ids;       /* gint64, parallel to session_names */
  gint64             session_id;
  GtkSingleSelection *agenda_selection;
  gint64             item_id;
  gint64             open_document_id;
  gint64             person_id;        /* whose notes show; 0 until known */
  char              *sidebar;          /* "browse", "notes" or "search" */
  char              *sidebar_before_search;

  char              *title;
  char              *subtitle;
  char              *person_label;
  char              *sync_error;       /* the last sync's failure, or NULL */
  char              *agenda_key;       /* what the agenda shows, rebuilt only on change */

  GListStore        *agenda_roots;     /* the top-level ChamberAgendaItem shown */
  GHashTable        *updated_ids;      /* gint64 ids of documents shown as updated */
  guint              sync_interval;    /* seconds between background syncs; 0: none */
  guint              sync_timer_id;
  gboolean           background_sync;  /* the running sync was started by the timer */
  gboolean           offline;          /* the last sync could not reach the server */
  char              *last_toast;       /* for the UI tests */
  guint              n_toasts;
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_SYNCING,
  PROP_SIDEBAR,
  PROP_SEARCH_MODE,
  PROP_SYNC_INTERVAL,
  PROP_OFFLINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ChamberSessionView, chamber_session_view, GTK_TYPE_WIDGET)

/* One run of the sync engine, so that a late answer for a previous connection is ignored. */
typedef struct {
  ChamberSessionView *self;
  ChamberSync        *sync;
} SyncRun;

static void
sync_run_free (SyncRun *run)
{
  g_clear_object (&run->self);
  g_clear_object (&run->sync);
  g_free (run);
}

static void
add_toast (ChamberSessionView *self, const char *message)
{
  g_free (self->last_toast);
  self->last_toast = g_strdup (message);
  self->n_toasts++;
  chamber_toast_show_above (GTK_WIDGET (self), message, 6);
}

static void
set_sync_status (ChamberSessionView *self, const char *message, gboolean is_error)
{
  gtk_label_set_text (self->sync_label, message ? message : "");
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->sync_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->sync_label), "error");
}

static void
hide_progress (ChamberSessionView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->sync_progress), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->sync_detail), FALSE);
}

static void
set_titles (ChamberSessionView *self, const char *title, const char *subtitle)
{
  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  if (g_strcmp0 (self->subtitle, subtitle) != 0)
    {
      g_free (self->subtitle);
      self->subtitle = g_strdup (subtitle);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTITLE]);
    }
}

static void
update_titles (ChamberSessionView *self, const ChamberSession *session)
{
  g_autoptr (GString) subtitle = g_string_new (NULL);

  if (session != NULL)
    {
      /* TRANSLATORS: the session's number, like “Session 10” (Kỳ họp thứ 10) */
      g_string_append_printf (subtitle, _("Session %d"), session->number);
      if (session->place != NULL && *session->place != '\0')
        g_string_append_printf (subtitle, " · %s", session->place);
      if (session->starts_on != NULL)
        {
          g_autofree char *starts = chamber_date_format (session->starts_on);
          g_autofree char *ends = chamber_date_format (session->ends_on);

          g_string_append_printf (subtitle, " · %s", starts ? starts : session->starts_on);
          if (ends != NULL && g_strcmp0 (session->ends_on, session->starts_on) != 0)
            g_string_append_printf (subtitle, " – %s", ends);
        }
    }
  if (self->person_label != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", self->person_label);

  set_titles (self, session != NULL ? session->title : _("Chamber"), subtitle->str);
}

static void
clear_document_rows (ChamberSessionView *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->documents_list, 0)) != NULL)
    gtk_list_box_remove (self->documents_list, GTK_WIDGET (row));
}

static void
set_row_pending (GtkWidget *row, gboolean pending)
{
  GtkWidget *suffix = g_object_get_data (G_OBJECT (row), "pending-label");

  gtk_widget_set_visible (suffix, pending);
  if (pending)
    gtk_widget_add_css_class (row, "pending");
  else
    gtk_widget_remove_css_class (row, "pending");
  g_object_set_data (G_OBJECT (row), "pending", GINT_TO_POINTER (pending));
}

/* Shows or hides a row's “Updated” badge, and says it to assistive technologies too. */
static void
set_row_updated (GtkWidget *row, gboolean updated)
{
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "updated-label");
  const ChamberDocument *document = g_object_get_data (G_OBJECT (row), "document");

  gtk_widget_set_visible (badge, updated);
  g_object_set_data (G_OBJECT (row), "updated", GINT_TO_POINTER (updated));
  if (updated)
    {
      g_autofree char *description = NULL;

      /* TRANSLATORS: read by a screen reader for a document whose new version arrived */
      description = g_strdup_printf (_("Updated: version %d arrived since you last opened it"),
                                     document->version);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      description, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static GtkWidget *
create_document_row (ChamberSessionView *self, const ChamberDocument *document)
{
  ChamberBlobStore *blobs = chamber_sync_get_blobs (self->sync);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("x-office-document-symbolic");
  GtkWidget *pending = gtk_label_new (_("Not downloaded yet"));
  /* TRANSLATORS: a badge on a document whose new version the delegate has not opened yet */
  GtkWidget *updated = gtk_label_new (_("Updated"));
  g_autofree char *pages = NULL;
  g_autofree char *subtitle = NULL;

  /* Titles come from the server and may hold “&” or “<”: they are shown as they are. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), document->title);

  pages = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d page", "%d pages", document->pages),
                           document->pages);
  /* TRANSLATORS: kind of document · number of pages · its version, like
   * “Report · 12 pages · version 2” */
  subtitle = g_strdup_printf (_("%s · %s · version %d"),
                              chamber_document_kind_get_label (document->kind), pages,
                              document->version);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  gtk_widget_add_css_class (pending, "caption");
  gtk_widget_add_css_class (pending, "dim-label");
  gtk_label_set_wrap (GTK_LABEL (pending), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (pending), 10);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pending);
  g_object_set_data (G_OBJECT (row), "pending-label", pending);

  gtk_widget_add_css_class (updated, "caption-heading");
  gtk_widget_add_css_class (updated, "accent");
  gtk_widget_set_valign (updated, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), updated);
  g_object_set_data (G_OBJECT (row), "updated-label", updated);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "document", chamber_document_copy (document),
                          (GDestroyNotify) chamber_document_free);
  set_row_pending (row, !chamber_blob_store_has (blobs, document->sha256));
  set_row_updated (row, self->updated_ids != NULL
                          && g_hash_table_contains (self->updated_ids, &document->id));
  return row;
}

static void
show_documents (ChamberSessionView *self)
{
  g_autoptr (GPtrArray) documents = NULL;
  g_autoptr (GError) error = NULL;

  clear_document_rows (self);
  if (self->sync == NULL || self->item_id == 0)
    {
      gtk_label_set_text (self->documents_hint,
                          _("Choose an agenda item to see its documents."));
      return;
    }

  documents = chamber_store_list_item_documents (chamber_sync_get_store (self->sync),
                                                 self->item_id, &error);
  if (documents == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The documents cannot be listed: %s"),
                                                  error->message);
      gtk_label_set_text (self->documents_hint, message);
      return;
    }
  gtk_label_set_text (self->documents_hint, _("This item has no documents."));

  for (guint i = 0; i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);
      GtkWidget *row = create_document_row (self, document);

      gtk_list_box_append (self->documents_list, row);
      if (document->id == self->open_document_id)
        gtk_list_box_select_row (self->documents_list, GTK_LIST_BOX_ROW (row));
    }
}

static void
refresh_pending_rows (ChamberSessionView *self)
{
  ChamberBlobStore *blobs;
  GtkListBoxRow *row;

  if (self->sync == NULL)
    return;
  blobs = chamber_sync_get_blobs (self->sync);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->documents_list, i)) != NULL; i++)
    {
      const ChamberDocument *document = g_object_get_data (G_OBJECT (row), "document");

      if (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "pending"))
          && chamber_blob_store_has (blobs, document->sha256))
        set_row_pending (GTK_WIDGET (row), FALSE);
    }
}

/* Reads which documents of the session shown came as a new version the person has not opened
 * (a small query on the mirror). */
static void
load_updates (ChamberSessionView *self)
{
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->updated_ids, g_hash_table_unref);
  if (self->sync == NULL || self->session_id == 0)
    return;
  self->updated_ids = chamber_updates_list_session (chamber_sync_get_store (self->sync),
                                                    self->person_id, self->session_id, &error);
  if (self->updated_ids == NULL)
    g_message ("Which documents were updated cannot be read: %s", error->message);
}

static void
set_item_updates (GListModel *items, GHashTable *per_item)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (ChamberAgendaItem) item = g_list_model_get_item (items, i);
      gint64 id = chamber_agenda_item_get_id (item);

      chamber_agenda_item_set_updates (item,
                                       GPOINTER_TO_UINT (g_hash_table_lookup (per_item, &id)));
      set_item_updates (G_LIST_MODEL (chamber_agenda_item_get_children (item)), per_item);
    }
}

/* Shows on each agenda item how many of its documents are updated. */
static void
show_agenda_updates (ChamberSessionView *self)
{
  g_autoptr (GHashTable) per_item = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           NULL);
  g_autoptr (GPtrArray) documents = NULL;

  if (self->agenda_roots == NULL)
    return;
  if (self->updated_ids != NULL && g_hash_table_size (self->updated_ids) > 0)
    documents = chamber_store_list_documents (chamber_sync_get_store (self->sync),
                                              self->session_id, NULL);
  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (documents, i);
      guint count;

      if (!g_hash_table_contains (self->updated_ids, &document->id))
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (per_item, &document->item_id));
      g_hash_table_insert (per_item, g_memdup2 (&document->item_id, sizeof (gint64)),
                           GUINT_TO_POINTER (count + 1));
    }
  set_item_updates (G_LIST_MODEL (self->agenda_roots), per_item);
}

static ChamberAgendaItem *
selected_agenda_item (ChamberSessionView *self)
{
  GtkTreeListRow *row;

  if (self->agenda_selection == NULL)
    return NULL;
  row = gtk_single_selection_get_selected_item (self->agenda_selection);
  if (row == NULL)
    return NULL;
  return CHAMBER_AGENDA_ITEM (gtk_tree_list_row_get_item (row));
}

static void
agenda_selection_changed_cb (ChamberSessionView *self)
{
  g_autoptr (ChamberAgendaItem) item = selected_agenda_item (self);

  self->item_id = item != NULL ? chamber_agenda_item_get_id (item) : 0;
  show_documents (self);
}

static GListModel *
create_children_cb (gpointer item, gpointer user_data)
{
  GListStore *children = chamber_agenda_item_get_children (CHAMBER_AGENDA_ITEM (item));

  if (g_list_model_get_n_items (G_LIST_MODEL (children)) == 0)
    return NULL;
  return G_LIST_MODEL (g_object_ref (children));
}

static void
set_agenda_model (ChamberSessionView *self, GListStore *roots)
{
  GtkTreeListModel *tree;

  if (self->agenda_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->agenda_selection, self);
  g_clear_object (&self->agenda_selection);
  g_set_object (&self->agenda_roots, roots);

  if (roots == NULL)
    {
      gtk_list_view_set_model (self->agenda_view, NULL);
      return;
    }
  tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (roots)), FALSE, TRUE,
                                  create_children_cb, NULL, NULL);
  self->agenda_selection = gtk_single_selection_new (G_LIST_MODEL (tree));
  gtk_single_selection_set_autoselect (self->agenda_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->agenda_selection, TRUE);
  gtk_single_selection_set_selected (self->agenda_selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->agenda_view, GTK_SELECTION_MODEL (self->agenda_selection));
  g_signal_connect_object (self->agenda_selection, "notify::selected",
                           G_CALLBACK (agenda_selection_changed_cb), self, G_CONNECT_SWAPPED);
}

static char *
agenda_key (gint64 session_id, GPtrArray *items)
{
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%" G_GINT64_FORMAT, session_id);
  for (guint i = 0; i < items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (key, "\n%" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %d %d %s",
                              item->id, item->parent_id, item->position, item->planned_minutes,
                              item->title);
    }
  return g_string_free (key, FALSE);
}

static void
load_session (ChamberSessionView *self)
{
  ChamberStore *store = chamber_sync_get_store (self->sync);
  g_autoptr (ChamberSession) session = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GListStore) roots = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *key = NULL;
  guint n_rows, select = GTK_INVALID_LIST_POSITION;

  if (self->session_id == 0)
    {
      g_clear_pointer (&self->agenda_key, g_free);
      set_agenda_model (self, NULL);
      gtk_stack_set_visible_child_name (self->agenda_stack, "empty");
      self->item_id = 0;
      show_documents (self);
      update_titles (self, NULL);
      return;
    }

  session = chamber_store_get_session (store, self->session_id, NULL);
  update_titles (self, session);
  load_updates (self);
  items = chamber_store_list_items (store, self->session_id, &error);
  if (items == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The agenda cannot be read: %s"),
                                                  error->message);
      add_toast (self, message);
      items = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_item_free);
    }

  /* After a sync that changed no item, the list (its scrolling, what is expanded) stays. */
  key = agenda_key (self->session_id, items);
  if (self->agenda_selection != NULL && g_strcmp0 (key, self->agenda_key) == 0)
    {
      show_agenda_updates (self);
      show_documents (self);
      return;
    }
  g_free (self->agenda_key);
  self->agenda_key = g_steal_pointer (&key);

  roots = chamber_agenda_item_build_tree (items);
  set_agenda_model (self, roots);
  show_agenda_updates (self);
  if (items->len == 0)
    {
      adw_status_page_set_title (self->agenda_empty, _("No Agenda Yet"));
      adw_status_page_set_description (self->agenda_empty,
                                       _("The secretariat has not published this session’s "
                                         "agenda yet."));
      gtk_stack_set_visible_child_name (self->agenda_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->agenda_stack, "list");

  /* Keep the item that was selected; else start at the top of the agenda. */
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->agenda_selection));
  for (guint i = 0; i < n_rows && self->item_id != 0; i++)
    {
      g_autoptr (GtkTreeListRow) row = NULL;
      g_autoptr (ChamberAgendaItem) item = NULL;

      row = g_list_model_get_item (G_LIST_MODEL (self->agenda_selection), i);
      item = CHAMBER_AGENDA_ITEM (gtk_tree_list_row_get_item (row));

      if (chamber_agenda_item_get_id (item) == self->item_id)
        {
          select = i;
          break;
        }
    }
  if (select == GTK_INVALID_LIST_POSITION && n_rows > 0)
    select = 0;

  self->item_id = 0;
  if (select != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->agenda_selection, select);
  else
    show_documents (self);
}

/* ---- notes and search ------------------------------------------------------------------ */

/* Gives the notes and the search the mirror, the person and the session shown. */
static void
update_notes_context (ChamberSessionView *self)
{
  ChamberStore *store = self->sync != NULL ? chamber_sync_get_store (self->sync) : NULL;
  ChamberBlobStore *blobs = self->sync != NULL ? chamber_sync_get_blobs (self->sync) : NULL;

  chamber_notes_view_set_context (self->notes_view, store, blobs, self->person_id,
                                  self->session_id);
  chamber_search_view_set_store (self->search_view, store);
  chamber_search_view_set_session (self->search_view, self->session_id);
}

static char *
person_setting_key (ChamberSessionView *self)
{
  g_autofree char *hash = NULL;

  if (self->connection == NULL || self->connection->token == NULL)
    return NULL;
  hash = chamber_token_hash (self->connection->token);
  return g_strconcat (PERSON_SETTING_PREFIX, hash, NULL);
}

/* The person whose token this is: remembered in the mirror, so that their notes show offline. */
static void
remember_person (ChamberSessionView *self)
{
  ChamberStore *store = self->sync != NULL ? chamber_sync_get_store (self->sync) : NULL;
  g_autofree char *key = person_setting_key (self);
  g_autofree char *value = NULL;
  g_autofree char *stored = NULL;
  g_autoptr (GError) error = NULL;

  if (store == NULL || key == NULL)
    return;
  stored = chamber_store_get_setting (store, key);
  if (self->person_id <= 0)
    {
      if (stored != NULL)
        self->person_id = g_ascii_strtoll (stored, NULL, 10);
      return;
    }
  value = g_strdup_printf ("%" G_GINT64_FORMAT, self->person_id);
  if (g_strcmp0 (stored, value) != 0 && !chamber_store_set_setting (store, key, value, &error))
    g_message ("The person of this connection could not be remembered: %s", error->message);
}

static void
show_document_notes (ChamberSessionView *self, const ChamberDocument *document, const char *path)
{
  ChamberPageNotes *notes = chamber_page_view_get_notes (self->page_view);

  chamber_page_notes_set_document (notes, self->sync != NULL ? chamber_sync_get_store (self->sync)
                                                             : NULL,
                                   self->person_id, document, path);
}

/* Shows the person's notes on the document open, after the person became known. */
static void
refresh_document_notes (ChamberSessionView *self)
{
  g_autoptr (ChamberDocument) document = NULL;
  g_autofree char *path = NULL;

  if (self->sync == NULL || self->open_document_id == 0)
    return;
  document = chamber_store_get_document (chamber_sync_get_store (self->sync),
                                         self->open_document_id, NULL);
  if (document == NULL)
    return;
  path = chamber_blob_store_path (chamber_sync_get_blobs (self->sync), document->sha256);
  show_document_notes (self, document, path);
}

/* The person opened @document: an update they had not seen is seen now. Its notes from the
 * version before are carried to it (the sync carried them already when it could; this repeats
 * it for a person who became known since) and any that cannot be placed are listed as such in
 * the notes. */
static void
mark_opened (ChamberSessionView *self, const ChamberDocument *document)
{
  g_autoptr (GError) error = NULL;
  GtkListBoxRow *row;

  if (self->updated_ids == NULL || !g_hash_table_contains (self->updated_ids, &document->id))
    return;
  if (self->person_id > 0
      && !chamber_updates_mark_opened (chamber_sync_get_store (self->sync), self->person_id,
                                       document, &error))
    g_message ("That “%s” was opened cannot be recorded: %s", document->title, error->message);
  g_hash_table_remove (self->updated_ids, &document->id);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->documents_list, i)) != NULL; i++)
    {
      const ChamberDocument *shown = g_object_get_data (G_OBJECT (row), "document");

      if (shown != NULL && shown->id == document->id)
        set_row_updated (GTK_WIDGET (row), FALSE);
    }
  show_agenda_updates (self);
  chamber_notes_view_carry_forward (self->notes_view);
}

/* Opens @document, at @page (from 1; 0 leaves it where it opens) with @top at the top (points,
 * or -1) and @find found there when not NULL. */
static void
open_document (ChamberSessionView    *self,
               const ChamberDocument *document,
               int                    page,
               double                 top,
               const char            *find)
{
  ChamberBlobStore *blobs;
  g_autofree char *path = NULL;

  if (self->sync == NULL)
    return;
  blobs = chamber_sync_get_blobs (self->sync);
  if (!chamber_blob_store_has (blobs, document->sha256))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not on this computer yet. It opens "
                                                    "once the sync has downloaded it."),
                                                  document->title);
      add_toast (self, message);
      return;
    }
  path = chamber_blob_store_path (blobs, document->sha256);
  if (g_strcmp0 (path, chamber_page_view_get_path (self->page_view)) != 0
      || g_strcmp0 (chamber_page_view_get_state (self->page_view), "error") == 0)
    {
      self->open_document_id = document->id;
      chamber_page_view_open_document (self->page_view, path, document->title,
                                       chamber_sync_get_store (self->sync), document->sha256);
      show_document_notes (self, document, path);
    }
  mark_opened (self, document);
  if (page > 0)
    chamber_page_view_reveal (self->page_view, page, top, find);
}

static void
open_document_by_id (ChamberSessionView *self, gint64 document_id, int page, double top,
                     const char *find)
{
  g_autoptr (ChamberDocument) document = NULL;
  g_autoptr (GError) error = NULL;

  if (self->sync == NULL)
    return;
  document = chamber_store_get_document (chamber_sync_get_store (self->sync), document_id, &error);
  if (document == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The document cannot be opened: %s"),
                                                  error->message);
      add_toast (self, message);
      return;
    }
  open_document (self, document, page, top, find);
}

static void
search_result_activated_cb (ChamberSessionView *self, gint64 document_id, int page,
                            const char *find)
{
  open_document_by_id (self, document_id, page, -1, find);
}

static void
note_activated_cb (ChamberSessionView *self, gint64 note_id, gint64 document_id, int page,
                   double top)
{
  /* A little above the passage, so that it shows with what leads to it. */
  open_document_by_id (self, document_id, page, top >= 0 ? MAX (0, top - 36) : -1, NULL);
}

static void
notes_moved_cb (ChamberSessionView *self)
{
  chamber_page_notes_reload (chamber_page_view_get_notes (self->page_view));
}

static void
page_notes_changed_cb (ChamberSessionView *self)
{
  chamber_notes_view_reload (self->notes_view);
}

static void
export_requested_cb (ChamberSessionView *self, gint64 document_id)
{
  chamber_notes_view_export (self->notes_view, document_id);
}

static void
set_sidebar (ChamberSessionView *self, const char *sidebar)
{
  gboolean was_search = g_strcmp0 (self->sidebar, "search") == 0;

  if (g_strcmp0 (sidebar, "notes") != 0 && g_strcmp0 (sidebar, "search") != 0)
    sidebar = "browse";
  if (g_strcmp0 (self->sidebar, sidebar) == 0)
    return;
  if (g_str_equal (sidebar, "search"))
    {
      g_free (self->sidebar_before_search);
      self->sidebar_before_search = g_strdup (self->sidebar);
    }
  g_free (self->sidebar);
  self->sidebar = g_strdup (sidebar);
  gtk_stack_set_visible_child_name (self->sidebar_stack, sidebar);
  if (g_str_equal (sidebar, "search"))
    chamber_search_view_focus (self->search_view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDEBAR]);
  if (was_search != g_str_equal (sidebar, "search"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

void
chamber_session_view_set_search_mode (ChamberSessionView *self, gboolean search_mode)
{
  g_return_if_fail (CHAMBER_IS_SESSION_VIEW (self));

  if (search_mode)
    {
      set_sidebar (self, "search");
      chamber_search_view_focus (self->search_view);
    }
  else if (g_strcmp0 (self->sidebar, "search") == 0)
    set_sidebar (self, self->sidebar_before_search);
}

gboolean
chamber_session_view_get_search_mode (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), FALSE);
  return g_strcmp0 (self->sidebar, "search") == 0;
}

static void
search_stopped_cb (ChamberSessionView *self)
{
  chamber_session_view_set_search_mode (self, FALSE);
}

static void
session_selected_cb (ChamberSessionView *self)
{
  guint selected = gtk_drop_down_get_selected (self->session_dropdown);

  if (self->session_ids == NULL || selected >= self->session_ids->len)
    return;
  if (g_array_index (self->session_ids, gint64, selected) == self->session_id)
    return;
  self->session_id = g_array_index (self->session_ids, gint64, selected);
  self->item_id = 0;
  load_session (self);
  update_notes_context (self);
}

static void
reload_from_mirror (ChamberSessionView *self)
{
  g_autoptr (GPtrArray) sessions = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  guint selected = 0;
  gint64 wanted = self->session_id;

  if (self->sync == NULL)
    return;
  sessions = chamber_store_list_sessions (chamber_sync_get_store (self->sync), &error);
  if (sessions == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The sessions on this computer cannot be "
                                                    "read: %s"), error->message);
      add_toast (self, message);
      return;
    }

  g_array_set_size (self->session_ids, 0);
  for (guint i = 0; i < sessions->len; i++)
    {
      const ChamberSession *session = g_ptr_array_index (sessions, i);

      g_array_append_val (self->session_ids, session->id);
      g_ptr_array_add (names, session->title);
      if (session->id == wanted)
        selected = i;
    }
  g_ptr_array_add (names, NULL);

  g_signal_handlers_block_by_func (self->session_dropdown, session_selected_cb, self);
  gtk_string_list_splice (self->session_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->session_names)),
                          (const char *const *) names->pdata);
  gtk_drop_down_set_selected (self->session_dropdown,
                              sessions->len > 0 ? selected : GTK_INVALID_LIST_POSITION);
  g_signal_handlers_unblock_by_func (self->session_dropdown, session_selected_cb, self);

  self->session_id = sessions->len > 0 ? g_array_index (self->session_ids, gint64, selected) : 0;
  if (self->session_id != wanted)
    self->item_id = 0;
  load_session (self);
  update_notes_context (self);
}

static void
sync_progress_cb (const ChamberSyncProgress *progress, gpointer user_data)
{
  SyncRun *run = user_data;
  ChamberSessionView *self = run->self;

  if (run->sync != self->sync)
    return;

  if (progress->documents_total > 0)
    {
      int current = MIN (progress->documents_done + (progress->document_title ? 1 : 0),
                         progress->documents_total);
      g_autofree char *label = NULL;
      g_autofree char *done = g_format_size (progress->bytes_done);
      g_autofree char *total = g_format_size (progress->bytes_total);
      g_autofree char *detail = NULL;
      double fraction;

      label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Downloading %d of %d document…",
                                            "Downloading %d of %d documents…",
                                            progress->documents_total),
                               current, progress->documents_total);
      /* TRANSLATORS: bytes received and bytes to receive, like “1.2 MB of 8.4 MB” */
      detail = g_strdup_printf (_("%s of %s"), done, total);
      if (progress->bytes_total > 0)
        fraction = (double) progress->bytes_done / progress->bytes_total;
      else
        fraction = (double) progress->documents_done / progress->documents_total;

      set_sync_status (self, label, FALSE);
      gtk_progress_bar_set_fraction (self->sync_progress, CLAMP (fraction, 0.0, 1.0));
      gtk_widget_set_visible (GTK_WIDGET (self->sync_progress), TRUE);
      gtk_label_set_text (self->sync_detail, detail);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_detail), progress->document_title);
      gtk_widget_set_visible (GTK_WIDGET (self->sync_detail), TRUE);
    }
  else if (progress->session_title != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Checking “%s”…"), progress->session_title);

      set_sync_status (self, label, FALSE);
    }

  if (progress->documents_done != self->last_documents_done)
    {
      self->last_documents_done = progress->documents_done;
      refresh_pending_rows (self);
    }
}

static char *
describe_sync_error (const GError *error)
{
  if (g_error_matches (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK))
    return g_strdup_printf (_("The server cannot be reached, so the documents already on this "
                              "computer are shown. (%s)"),
                            error->message);
  if (g_error_matches (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_UNAUTHORIZED))
    return g_strdup_printf (_("The server no longer accepts this access token. Disconnect and "
                              "connect with a new token from the secretariat. (%s)"),
                            error->message);
  /* It names the fingerprints and what to do. */
  if (g_error_matches (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_CERTIFICATE))
    return g_strdup (error->message);
  return g_strdup_printf (_("The sync did not finish: %s"), error->message);
}

static void
hide_certificate_warning (ChamberSessionView *self)
{
  if (self->certificate_cancellable != NULL)
    g_cancellable_cancel (self->certificate_cancellable);
  g_clear_object (&self->certificate_cancellable);
  gtk_widget_set_visible (self->certificate_warning, FALSE);
  gtk_label_set_text (self->trusted_fingerprint_label, "");
  gtk_label_set_text (self->presented_fingerprint_label, "");
}

static void
show_certificate_warning (ChamberSessionView *self, const char *presented)
{
  /* Eight groups a line, as the connect page showed the fingerprint when it was trusted. */
  g_autofree char *trusted = chamber_connection_format_fingerprint (self->connection->pin, 8);
  g_autofree char *now = chamber_connection_format_fingerprint (presented, 8);

  gtk_label_set_text (self->trusted_fingerprint_label, trusted);
  gtk_label_set_text (self->presented_fingerprint_label, now);
  gtk_widget_set_visible (self->certificate_warning, TRUE);
}

static void
presented_fingerprint_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberSessionView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *fingerprint = NULL;

  fingerprint = chamber_connection_fetch_fingerprint_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->certificate_cancellable);
  if (self->connection == NULL || self->connection->pin == NULL)
    return;
  /* The server went away since the sync: the sync's own message names both. */
  if (fingerprint == NULL)
    {
      if (self->sync_error != NULL)
        set_sync_status (self, self->sync_error, TRUE);
      return;
    }
  show_certificate_warning (self, fingerprint);
}

/* The sync was refused because the server's certificate is not the pinned one: asks the server
 * for the certificate it presents, for the warning that names both. */
static void
warn_about_certificate (ChamberSessionView *self)
{
  if (self->certificate_cancellable != NULL)
    g_cancellable_cancel (self->certificate_cancellable);
  g_clear_object (&self->certificate_cancellable);
  self->certificate_cancellable = g_cancellable_new ();
  chamber_connection_fetch_fingerprint_async (self->connection->server_url,
                                              self->certificate_cancellable,
                                              presented_fingerprint_cb, g_object_ref (self));
}

static void
set_offline (ChamberSessionView *self, gboolean offline)
{
  if (self->offline == offline)
    return;
  self->offline = offline;
  if (offline)
    gtk_widget_add_css_class (GTK_WIDGET (self->sync_label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->sync_label), "dim-label");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

/* A toast when documents arrived: “3 new documents”, “1 document updated”, or both. */
static void
announce_arrivals (ChamberSessionView *self, const ChamberSyncReport *report)
{
  g_autofree char *added = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *message = NULL;

  if (report->documents_added > 0)
    added = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d new document",
                                          "%d new documents", report->documents_added),
                             report->documents_added);
  if (report->documents_updated > 0)
    updated = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d document updated",
                                            "%d documents updated", report->documents_updated),
                               report->documents_updated);
  if (added != NULL && updated != NULL)
    /* TRANSLATORS: both halves of the arrivals toast, like “3 new documents, 1 document
     * updated” */
    message = g_strdup_printf (_("%s, %s"), added, updated);
  else
    message = g_strdup (added != NULL ? added : updated);
  if (message != NULL)
    add_toast (self, message);
}

static void
sync_finished_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  SyncRun *run = user_data;
  ChamberSessionView *self = run->self;
  g_autoptr (ChamberSyncReport) report = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  ok = chamber_sync_run_finish (CHAMBER_SYNC (source), result, &report, &error);
  self->active_syncs--;
  if (self->active_syncs == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);

  if (run->sync != self->sync || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      sync_run_free (run);
      return;
    }

  g_clear_object (&self->sync_cancellable);
  hide_progress (self);
  self->syncs_completed++;
  reload_from_mirror (self);
  /* New versions may have arrived: the notes follow them, and search sees new pages. */
  chamber_notes_view_carry_forward (self->notes_view);
  chamber_search_view_refresh (self->search_view);

  if (!ok)
    {
      g_autofree char *message = describe_sync_error (error);
      /* A sync the timer started that fails as the one before did says nothing new: no toast
       * every two minutes while the laptop is away from the hall's network. */
      gboolean repeated = self->background_sync && g_strcmp0 (message, self->sync_error) == 0;

      g_free (self->sync_error);
      self->sync_error = g_strdup (message);
      if (g_error_matches (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_NETWORK))
        {
          gboolean was_offline = self->offline;

          set_offline (self, TRUE);
          /* TRANSLATORS: the discreet status line while the server cannot be reached */
          set_sync_status (self, _("Offline — the documents on this computer are shown"),
                           FALSE);
          gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_label), message);
          if (!was_offline && !self->background_sync)
            add_toast (self, message);
        }
      else if (g_error_matches (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_CERTIFICATE)
          && self->connection != NULL && self->connection->pin != NULL)
        {
          /* The warning above everything names the fingerprints; not a toast, that goes. */
          set_sync_status (self, _("Nothing was synced: the server’s certificate has changed. "
                                   "Read the warning above."),
                           TRUE);
          warn_about_certificate (self);
        }
      else
        {
          set_offline (self, FALSE);
          set_sync_status (self, message, TRUE);
          if (!repeated)
            add_toast (self, message);
        }
    }
  else
    {
      g_clear_pointer (&self->sync_error, g_free);
      set_offline (self, FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->sync_label), NULL);
      hide_certificate_warning (self);
      g_autoptr (GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *time = g_date_time_format (now, "%H:%M");
      g_autofree char *status = NULL;

      /* TRANSLATORS: the time of the last sync, like “Up to date at 14:05” */
      status = g_strdup_printf (_("Up to date at %s"), time);
      set_sync_status (self, status, FALSE);
      if (report != NULL)
        announce_arrivals (self, report);
    }
  sync_run_free (run);
}

/* Starts a sync unless one runs; @background when the timer starts it. */
static void
start_sync (ChamberSessionView *self, gboolean background)
{
  SyncRun *run;

  if (self->sync == NULL || self->sync_cancellable != NULL)
    return;

  self->background_sync = background;
  self->sync_cancellable = g_cancellable_new ();
  self->last_documents_done = 0;
  run = g_new0 (SyncRun, 1);
  run->self = g_object_ref (self);
  run->sync = g_object_ref (self->sync);

  /* The previews' budget as the settings say now (the key preview-budget, in MiB). */
  {
    GApplication *app = g_application_get_default ();
    GSettings *settings = CHAMBER_IS_APPLICATION (app)
                            ? chamber_application_get_settings (CHAMBER_APPLICATION (app))
                            : NULL;

    if (settings != NULL)
      chamber_sync_set_preview_budget (self->sync,
                                       (guint64) g_settings_get_int (settings, "preview-budget")
                                         * 1024 * 1024);
  }

  set_sync_status (self, _("Checking for new documents…"), FALSE);
  self->active_syncs++;
  if (self->active_syncs == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNCING]);
  chamber_sync_run_async (self->sync, 0, sync_progress_cb, run, self->sync_cancellable,
                          sync_finished_cb, run);
}

void
chamber_session_view_refresh (ChamberSessionView *self)
{
  g_return_if_fail (CHAMBER_IS_SESSION_VIEW (self));

  start_sync (self, FALSE);
}

static gboolean
sync_timer_cb (gpointer user_data)
{
  start_sync (CHAMBER_SESSION_VIEW (user_data), TRUE);
  return G_SOURCE_CONTINUE;
}

/* (Re)starts the background syncs of the connection shown, every sync_interval seconds. */
static void
restart_sync_timer (ChamberSessionView *self)
{
  g_clear_handle_id (&self->sync_timer_id, g_source_remove);
  if (self->sync == NULL || self->sync_interval == 0)
    return;
  self->sync_timer_id = g_timeout_add_seconds (self->sync_interval, sync_timer_cb, self);
  g_source_set_name_by_id (self->sync_timer_id, "[chamber] background sync");
}

void
chamber_session_view_set_sync_interval (ChamberSessionView *self, guint seconds)
{
  g_return_if_fail (CHAMBER_IS_SESSION_VIEW (self));

  if (self->sync_interval == seconds)
    return;
  self->sync_interval = seconds;
  restart_sync_timer (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SYNC_INTERVAL]);
}

guint
chamber_session_view_get_sync_interval (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), 0);
  return self->sync_interval;
}

gboolean
chamber_session_view_get_offline (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), FALSE);
  return self->offline;
}

const char *
chamber_session_view_get_last_toast (ChamberSessionView *self, guint *out_n_toasts)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), NULL);

  if (out_n_toasts != NULL)
    *out_n_toasts = self->n_toasts;
  return self->last_toast;
}

static void
person_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberSessionView) self = user_data;
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberSession) session = NULL;

  person = chamber_connection_check_finish (result, &error);
  /* Offline, or a refused token: the sync reports those. */
  if (person == NULL)
    return;

  if (person->id != self->person_id)
    {
      self->person_id = person->id;
      remember_person (self);
      update_notes_context (self);
      refresh_document_notes (self);
      chamber_notes_view_carry_forward (self->notes_view);
      /* What is “Updated” is what this person has not opened. */
      load_updates (self);
      show_agenda_updates (self);
      show_documents (self);
    }

  g_free (self->person_label);
  /* TRANSLATORS: a person's name and role, like “Nguyễn Văn An (Delegate)” */
  self->person_label = g_strdup_printf (_("%s (%s)"), person->name,
                                        chamber_role_get_label (person->role));
  if (self->sync != NULL && self->session_id != 0)
    session = chamber_store_get_session (chamber_sync_get_store (self->sync), self->session_id,
                                         NULL);
  update_titles (self, session);
}

static void
sync_open_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  const ChamberConnection *connection = task_data;
  GError *error = NULL;
  ChamberSync *sync;

  sync = chamber_sync_new (connection->server_url, connection->token, connection->local_dir,
                           &error);
  if (sync == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  chamber_sync_set_pinned_certificate (sync, connection->pin);
  g_task_return_pointer (task, sync, g_object_unref);
}

static void
sync_opened_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberSessionView *self = CHAMBER_SESSION_VIEW (source);
  g_autoptr (ChamberSync) sync = NULL;
  g_autoptr (GError) error = NULL;

  sync = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->open_cancellable);
  if (sync == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The documents on this computer cannot be "
                                                    "opened: %s"), error->message);
      set_sync_status (self, message, TRUE);
      add_toast (self, message);
      return;
    }

  self->sync = g_steal_pointer (&sync);
  remember_person (self);
  reload_from_mirror (self);
  chamber_session_view_refresh (self);
  restart_sync_timer (self);
}

void
chamber_session_view_set_connection (ChamberSessionView      *self,
                                     const ChamberConnection *connection)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (CHAMBER_IS_SESSION_VIEW (self));

  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);
  g_clear_object (&self->sync_cancellable);
  if (self->person_cancellable != NULL)
    g_cancellable_cancel (self->person_cancellable);
  g_clear_object (&self->person_cancellable);
  hide_certificate_warning (self);

  g_clear_object (&self->sync);
  g_clear_handle_id (&self->sync_timer_id, g_source_remove);
  g_clear_pointer (&self->updated_ids, g_hash_table_unref);
  set_offline (self, FALSE);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->person_label, g_free);
  g_clear_pointer (&self->sync_error, g_free);
  self->syncs_completed = 0;
  self->session_id = 0;
  self->item_id = 0;
  self->open_document_id = 0;
  self->person_id = 0;
  g_array_set_size (self->session_ids, 0);
  gtk_string_list_splice (self->session_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->session_names)), NULL);
  g_clear_pointer (&self->agenda_key, g_free);
  set_agenda_model (self, NULL);
  gtk_stack_set_visible_child_name (self->agenda_stack, "empty");
  adw_status_page_set_title (self->agenda_empty, _("No Sessions Yet"));
  adw_status_page_set_description (self->agenda_empty,
                                   _("The sessions you may read appear here after the first "
                                     "sync."));
  show_documents (self);
  chamber_page_view_close (self->page_view);
  show_document_notes (self, NULL, NULL);
  update_notes_context (self);
  hide_progress (self);
  set_sync_status (self, NULL, FALSE);
  update_titles (self, NULL);

  if (connection == NULL)
    return;

  self->connection = chamber_connection_copy (connection);
  self->open_cancellable = g_cancellable_new ();
  set_sync_status (self, _("Opening the documents on this computer…"), FALSE);

  task = g_task_new (self, self->open_cancellable, sync_opened_cb, NULL);
  g_task_set_source_tag (task, chamber_session_view_set_connection);
  g_task_set_task_data (task, chamber_connection_copy (connection),
                        (GDestroyNotify) chamber_connection_free);
  g_task_run_in_thread (task, sync_open_thread);

  self->person_cancellable = g_cancellable_new ();
  chamber_connection_check_async (connection->server_url, connection->token, connection->pin,
                                  FALSE, self->person_cancellable, person_checked_cb,
                                  g_object_ref (self));
}

const ChamberConnection *
chamber_session_view_get_connection (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), NULL);
  return self->connection;
}

static void
document_activated_cb (ChamberSessionView *self, GtkListBoxRow *row)
{
  const ChamberDocument *document = g_object_get_data (G_OBJECT (row), "document");

  if (document != NULL)
    open_document (self, document, 0, -1, NULL);
}

const char *
chamber_session_view_get_title (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), NULL);
  return self->title;
}

const char *
chamber_session_view_get_subtitle (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), NULL);
  return self->subtitle;
}

gboolean
chamber_session_view_get_syncing (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), FALSE);
  return self->active_syncs > 0;
}

guint
chamber_session_view_get_syncs_completed (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), 0);
  return self->syncs_completed;
}

gboolean
chamber_session_view_get_certificate_warning (ChamberSessionView *self,
                                              const char        **out_trusted,
                                              const char        **out_presented)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), FALSE);

  if (!gtk_widget_get_visible (self->certificate_warning))
    return FALSE;
  if (out_trusted != NULL)
    *out_trusted = gtk_label_get_text (self->trusted_fingerprint_label);
  if (out_presented != NULL)
    *out_presented = gtk_label_get_text (self->presented_fingerprint_label);
  return TRUE;
}

const char *
chamber_session_view_get_sync_error (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), NULL);
  return self->sync_error;
}

const char *
chamber_session_view_get_sync_status (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), NULL);
  return gtk_label_get_text (self->sync_label);
}

GListModel *
chamber_session_view_get_agenda_model (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), NULL);
  return G_LIST_MODEL (self->agenda_selection);
}

GtkListBox *
chamber_session_view_get_document_list (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), NULL);
  return self->documents_list;
}

ChamberSearchView *
chamber_session_view_get_search_view (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), NULL);
  return self->search_view;
}

ChamberNotesView *
chamber_session_view_get_notes_view (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), NULL);
  return self->notes_view;
}

gint64
chamber_session_view_get_person_id (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), 0);
  return self->person_id;
}

gint64
chamber_session_view_get_session_id (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), 0);
  return self->session_id;
}

gint64
chamber_session_view_get_open_document_id (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), 0);
  return self->open_document_id;
}

ChamberPageView *
chamber_session_view_get_page_view (ChamberSessionView *self)
{
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (self), NULL);
  return self->page_view;
}

static void
chamber_session_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ChamberSessionView *self = CHAMBER_SESSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_SYNCING:
      g_value_set_boolean (value, self->active_syncs > 0);
      break;
    case PROP_SIDEBAR:
      g_value_set_string (value, self->sidebar);
      break;
    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, g_strcmp0 (self->sidebar, "search") == 0);
      break;
    case PROP_SYNC_INTERVAL:
      g_value_set_uint (value, self->sync_interval);
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_session_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  ChamberSessionView *self = CHAMBER_SESSION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SIDEBAR:
      set_sidebar (self, g_value_get_string (value));
      break;
    case PROP_SEARCH_MODE:
      chamber_session_view_set_search_mode (self, g_value_get_boolean (value));
      break;
    case PROP_SYNC_INTERVAL:
      chamber_session_view_set_sync_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_session_view_dispose (GObject *object)
{
  ChamberSessionView *self = CHAMBER_SESSION_VIEW (object);
  GtkWidget *child;

  if (self->open_cancellable != NULL)
    g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);
  g_clear_object (&self->sync_cancellable);
  if (self->person_cancellable != NULL)
    g_cancellable_cancel (self->person_cancellable);
  g_clear_object (&self->person_cancellable);
  if (self->certificate_cancellable != NULL)
    g_cancellable_cancel (self->certificate_cancellable);
  g_clear_object (&self->certificate_cancellable);
  if (self->agenda_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->agenda_selection, self);
  g_clear_object (&self->agenda_selection);
  g_clear_object (&self->agenda_roots);
  g_clear_handle_id (&self->sync_timer_id, g_source_remove);
  g_clear_object (&self->sync);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_SESSION_VIEW);
  /* The template's top box is not bound to a member: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (chamber_session_view_parent_class)->dispose (object);
}

static void
chamber_session_view_finalize (GObject *object)
{
  ChamberSessionView *self = CHAMBER_SESSION_VIEW (object);

  g_clear_object (&self->session_names);
  g_clear_pointer (&self->session_ids, g_array_unref);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->person_label);
  g_free (self->sync_error);
  g_free (self->agenda_key);
  g_free (self->last_toast);
  g_clear_pointer (&self->updated_ids, g_hash_table_unref);
  g_free (self->sidebar);
  g_free (self->sidebar_before_search);

  G_OBJECT_CLASS (chamber_session_view_parent_class)->finalize (object);
}

static void
chamber_session_view_class_init (ChamberSessionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_session_view_dispose;
  object_class->finalize = chamber_session_view_finalize;
  object_class->get_property = chamber_session_view_get_property;
  object_class->set_property = chamber_session_view_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SYNCING] =
    g_param_spec_boolean ("syncing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* What the sidebar shows: "browse" (agenda and documents), "notes" or "search". */
  properties[PROP_SIDEBAR] =
    g_param_spec_string ("sidebar", NULL, NULL, "browse",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Seconds between background syncs while a connection is shown; 0 turns them off. */
  properties[PROP_SYNC_INTERVAL] =
    g_param_spec_uint ("sync-interval", NULL, NULL, 0, 7 * 24 * 3600, DEFAULT_SYNC_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* TRUE while the last sync could not reach the server. */
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CHAMBER_TYPE_AGENDA_ITEM);
  g_type_ensure (CHAMBER_TYPE_PAGE_VIEW);
  g_type_ensure (CHAMBER_TYPE_NOTES_VIEW);
  g_type_ensure (CHAMBER_TYPE_SEARCH_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-session-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, session_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, agenda_stack);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, agenda_empty);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, agenda_view);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, documents_list);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, documents_hint);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, sync_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, sync_progress);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, sync_detail);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, notes_view);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, search_view);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, page_view);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView, certificate_warning);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView,
                                        trusted_fingerprint_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberSessionView,
                                        presented_fingerprint_label);
  gtk_widget_class_bind_template_callback (widget_class, session_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, document_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_moved_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped_cb);

  gtk_widget_class_install_property_action (widget_class, "session.sidebar", "sidebar");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chamber_session_view_init (ChamberSessionView *self)
{
  self->session_names = gtk_string_list_new (NULL);
  self->session_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->title = g_strdup (_("Chamber"));
  self->subtitle = g_strdup ("");

  self->sidebar = g_strdup ("browse");
  self->sidebar_before_search = g_strdup ("browse");
  self->sync_interval = DEFAULT_SYNC_INTERVAL;
  {
    const char *interval = g_getenv ("CHAMBER_SYNC_INTERVAL");
    guint64 seconds;

    if (interval != NULL
        && g_ascii_string_to_unsigned (interval, 10, 0, 7 * 24 * 3600, &seconds, NULL))
      self->sync_interval = (guint) seconds;
  }

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->session_dropdown, G_LIST_MODEL (self->session_names));
  g_signal_connect_object (chamber_page_view_get_notes (self->page_view), "notes-changed",
                           G_CALLBACK (page_notes_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (chamber_page_view_get_notes (self->page_view), "export-requested",
                           G_CALLBACK (export_requested_cb), self, G_CONNECT_SWAPPED);
}
