/* chamber-page-view.c — the document viewer (see chamber-page-view.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "chamber-page-notes.h"
#include "chamber-page-view.h"
#include "chamber-pdf.h"
#include "chamber-render-worker.h"

#define PASSWORD_SETTING_PREFIX "pdf-password:"

struct _ChamberPageView
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *toolbar;
  GtkWidget           *toolbar_separator;
  GtkWidget           *sidebar_button;
  GtkLabel            *title_label;
  GtkWidget           *page_box;
  GtkMenuButton       *page_button;
  GtkLabel            *page_label;
  GtkPopover          *page_popover;
  GtkEntry            *page_entry;
  GtkWidget           *zoom_box;
  GtkLabel            *zoom_label;
  GtkWidget           *find_button;
  GtkWidget           *bookmark_button;
  GtkWidget           *view_menu_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *find_entry;
  GtkLabel            *find_label;
  GtkStack            *stack;
  GtkSpinner          *spinner;
  AdwStatusPage       *error_page;
  GtkPasswordEntry    *password_entry;
  GtkLabel            *password_error;
  GtkCheckButton      *remember_check;
  GtkRevealer         *sidebar_revealer;
  ChamberPageSidebar  *sidebar;
  AdwToastOverlay     *toast_overlay;
  GtkScrolledWindow   *scroller;
  ChamberDocumentView *document_view;
  ChamberPageNotes    *notes;

  ChamberRenderWorker *worker;
  char                *path;
  char                *title;
  char                *password;
  char                *error_message;
  int                  n_pages;
  gboolean             has_page_labels; /* some page's label is not its number */
  gboolean             page_rendered;   /* some page of this document rendered */

  ChamberStore        *store;           /* where passwords are remembered, or NULL */
  char                *sha256;
  ChamberPreviewLoader *previews;       /* the sync-time previews being decoded, or NULL */
  gboolean             password_remembered;  /* self->password came from the store */
  gboolean             remember_password;    /* store self->password once it opens */

  gboolean             show_title;
  gboolean             continuous;
  gboolean             invert_colors;
  gboolean             show_sidebar;
  gboolean             find_mode;

  int                  reveal_page;     /* to show once open (from 1), or 0 */
  double               reveal_top;
  char                *reveal_find;
};

enum {
  PROP_0,
  PROP_CONTINUOUS,
  PROP_INVERT_COLORS,
  PROP_SHOW_SIDEBAR,
  PROP_FIND_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (ChamberPageView, chamber_page_view, GTK_TYPE_WIDGET)

GtkWidget *
chamber_page_view_new (void)
{
  return g_object_new (CHAMBER_TYPE_PAGE_VIEW, NULL);
}

static void
add_toast (ChamberPageView *self, AdwToast *toast)
{
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static int
current_page (ChamberPageView *self)
{
  return chamber_document_view_get_page (self->document_view);
}

static void
update_page_label (ChamberPageView *self)
{
  int page = current_page (self);
  g_autofree char *label = NULL;

  if (self->n_pages == 0)
    label = g_strdup ("");
  else if (self->has_page_labels)
    /* TRANSLATORS: a page label, the page number and the number of pages: “iv (4 / 120)” */
    label = g_strdup_printf (_("%s (%d / %d)"),
                             chamber_render_worker_get_page_label (self->worker, page),
                             page + 1, self->n_pages);
  else
    /* TRANSLATORS: the page shown and the number of pages, like “Page 2 of 12” */
    label = g_strdup_printf (_("Page %d of %d"), page + 1, self->n_pages);
  gtk_label_set_text (self->page_label, label);
}

static void
update_zoom_label (ChamberPageView *self)
{
  g_autofree char *label = NULL;

  if (self->n_pages > 0)
    {
      double zoom = chamber_document_view_get_zoom (self->document_view);

      label = g_strdup_printf ("%d%%", (int) round (zoom / CHAMBER_ZOOM_ACTUAL_SIZE * 100));
    }
  gtk_label_set_text (self->zoom_label, label != NULL ? label : "");
}

static void
update_controls (ChamberPageView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_pages = self->n_pages > 0;
  int page = current_page (self);
  ChamberZoomMode mode = chamber_document_view_get_zoom_mode (self->document_view);
  gboolean matches = chamber_document_view_get_n_matches (self->document_view) > 0;

  update_page_label (self);
  update_zoom_label (self);

  gtk_widget_action_set_enabled (widget, "viewer.previous-page", has_pages && page > 0);
  gtk_widget_action_set_enabled (widget, "viewer.first-page", has_pages && page > 0);
  gtk_widget_action_set_enabled (widget, "viewer.next-page",
                                 has_pages && page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (widget, "viewer.last-page",
                                 has_pages && page + 1 < self->n_pages);
  gtk_widget_action_set_enabled (widget, "viewer.go-to-page", has_pages);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-in",
                                 chamber_document_view_can_zoom (self->document_view, TRUE));
  gtk_widget_action_set_enabled (widget, "viewer.zoom-out",
                                 chamber_document_view_can_zoom (self->document_view, FALSE));
  gtk_widget_action_set_enabled (widget, "viewer.zoom-fit",
                                 has_pages && mode != CHAMBER_ZOOM_FIT_WIDTH);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-fit-page",
                                 has_pages && mode != CHAMBER_ZOOM_FIT_PAGE);
  gtk_widget_action_set_enabled (widget, "viewer.zoom-set", has_pages);
  gtk_widget_action_set_enabled (widget, "viewer.rotate-left", has_pages);
  gtk_widget_action_set_enabled (widget, "viewer.rotate-right", has_pages);
  gtk_widget_action_set_enabled (widget, "viewer.find", has_pages);
  gtk_widget_action_set_enabled (widget, "viewer.find-mode", has_pages);
  gtk_widget_action_set_enabled (widget, "viewer.find-next", has_pages && matches);
  gtk_widget_action_set_enabled (widget, "viewer.find-previous", has_pages && matches);
  gtk_widget_action_set_enabled (widget, "viewer.show-sidebar", has_pages);
  gtk_widget_action_set_enabled (widget, "viewer.copy",
                                 chamber_document_view_get_has_selection (self->document_view));
  gtk_widget_action_set_enabled (widget, "viewer.unlock", self->path != NULL);
  /* Without a document, nothing to go through or zoom. */
  gtk_widget_set_visible (self->sidebar_button, has_pages);
  gtk_widget_set_visible (self->page_box, has_pages);
  gtk_widget_set_visible (self->zoom_box, has_pages);
  gtk_widget_set_visible (self->find_button, has_pages);
  gtk_widget_set_visible (self->view_menu_button, has_pages);
  /* Nor a toolbar at all when it would be empty. */
  gtk_widget_set_visible (self->toolbar, has_pages || self->show_title);
  gtk_widget_set_visible (self->toolbar_separator, has_pages || self->show_title);
}

static void
show_error (ChamberPageView *self, const char *message)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

/* ---- the worker -------------------------------------------------------------------------- */

static char *
password_key (ChamberPageView *self)
{
  return g_strconcat (PASSWORD_SETTING_PREFIX, self->sha256, NULL);
}

static void
remember_password (ChamberPageView *self, const char *password)
{
  g_autofree char *key = NULL;
  g_autoptr (GError) error = NULL;

  if (self->store == NULL || self->sha256 == NULL)
    return;
  key = password_key (self);
  if (!chamber_store_set_setting (self->store, key, password, &error))
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      add_toast (self, adw_toast_new_format (_("The password could not be remembered: %s"),
                                             escaped));
    }
}

static void
opened_cb (ChamberPageView *self, int n_pages, ChamberRenderWorker *worker)
{
  gtk_spinner_set_spinning (self->spinner, FALSE);
  self->n_pages = n_pages;
  self->has_page_labels = FALSE;
  for (int i = 0; i < n_pages && !self->has_page_labels; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i + 1);

      self->has_page_labels = g_strcmp0 (chamber_render_worker_get_page_label (worker, i),
                                         number) != 0;
    }
  if (self->remember_password && self->password != NULL)
    remember_password (self, self->password);
  self->remember_password = FALSE;

  chamber_document_view_set_worker (self->document_view, worker);
  chamber_document_view_set_previews (self->document_view, self->previews);
  chamber_page_sidebar_set_worker (self->sidebar, worker);
  chamber_page_sidebar_set_previews (self->sidebar, self->previews);
  chamber_page_notes_set_open_file (self->notes, self->path, self->password);
  gtk_stack_set_visible_child_name (self->stack, "page");
  /* The keys read the document at once, unless the reader is busy elsewhere in the window. */
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

    if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
      gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
  }
  if (self->reveal_page > 0)
    {
      g_autofree char *find = g_steal_pointer (&self->reveal_find);

      chamber_page_view_reveal (self, self->reveal_page, self->reveal_top, find);
      self->reveal_page = 0;
    }
  else if (self->find_mode)
    chamber_document_view_find (self->document_view,
                                gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
  update_controls (self);
}

static void
open_failed_cb (ChamberPageView *self, GError *error, ChamberRenderWorker *worker)
{
  gboolean typed = self->password != NULL && !self->password_remembered;

  gtk_spinner_set_spinning (self->spinner, FALSE);
  self->n_pages = 0;
  self->remember_password = FALSE;

  if (g_error_matches (error, CHAMBER_PDF_ERROR, CHAMBER_PDF_ERROR_ENCRYPTED))
    {
      /* A remembered password that no longer opens the document is forgotten. */
      if (self->password_remembered)
        remember_password (self, NULL);
      self->password_remembered = FALSE;
      gtk_label_set_text (self->password_error,
                          typed ? _("That password is not right. Try again, or ask the "
                                    "secretariat.")
                                : "");
      gtk_widget_set_visible (GTK_WIDGET (self->password_error), typed);
      gtk_widget_set_visible (GTK_WIDGET (self->remember_check),
                              self->store != NULL && self->sha256 != NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->password_entry), "");
      gtk_stack_set_visible_child_name (self->stack, "password");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
    }
  else
    show_error (self, error->message);
  update_controls (self);
}

static void
clear_worker (ChamberPageView *self)
{
  if (self->worker != NULL)
    g_signal_handlers_disconnect_by_data (self->worker, self);
  if (self->document_view != NULL)
    chamber_document_view_set_worker (self->document_view, NULL);
  if (self->sidebar != NULL)
    chamber_page_sidebar_set_worker (self->sidebar, NULL);
  if (self->notes != NULL)
    chamber_page_notes_set_open_file (self->notes, NULL, NULL);
  g_clear_object (&self->worker);
  self->n_pages = 0;
  self->page_rendered = FALSE;
}

static void
start_worker (ChamberPageView *self)
{
  clear_worker (self);
  g_clear_pointer (&self->error_message, g_free);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  gtk_spinner_set_spinning (self->spinner, TRUE);

  self->worker = chamber_render_worker_new (self->path, self->password);
  g_signal_connect_object (self->worker, "opened", G_CALLBACK (opened_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->worker, "open-failed", G_CALLBACK (open_failed_cb), self,
                           G_CONNECT_SWAPPED);
  update_controls (self);
}

void
chamber_page_view_open_document (ChamberPageView *self, const char *path, const char *title,
                                 ChamberStore *store, const char *sha256)
{
  g_return_if_fail (CHAMBER_IS_PAGE_VIEW (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (store == NULL || CHAMBER_IS_STORE (store));

  g_free (self->path);
  self->path = g_strdup (path);
  g_free (self->title);
  self->title = g_strdup (title != NULL ? title : "");
  g_set_object (&self->store, store);
  g_free (self->sha256);
  self->sha256 = g_strdup (sha256);
  g_clear_pointer (&self->password, g_free);
  self->password_remembered = FALSE;
  self->remember_password = FALSE;
  gtk_check_button_set_active (self->remember_check, FALSE);

  /* A password remembered on this laptop opens the document without asking. */
  if (self->store != NULL && self->sha256 != NULL)
    {
      g_autofree char *key = password_key (self);

      self->password = chamber_store_get_setting (self->store, key);
      self->password_remembered = self->password != NULL;
    }

  /* A synced document's previews start decoding now, while the worker opens it. */
  g_clear_object (&self->previews);
  if (self->store != NULL && self->sha256 != NULL)
    {
      g_autofree char *previews_dir = chamber_preview_loader_dir_for_store (self->store);

      self->previews = chamber_preview_loader_new (previews_dir, self->sha256);
    }

  self->reveal_page = 0;
  g_clear_pointer (&self->reveal_find, g_free);
  gtk_label_set_text (self->title_label, self->title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), self->title);
  chamber_document_view_set_rotation (self->document_view, 0);
  chamber_document_view_set_zoom_mode (self->document_view, CHAMBER_ZOOM_FIT_WIDTH);
  start_worker (self);
}

void
chamber_page_view_open (ChamberPageView *self, const char *path, const char *title)
{
  chamber_page_view_open_document (self, path, title, NULL, NULL);
}

void
chamber_page_view_close (ChamberPageView *self)
{
  g_return_if_fail (CHAMBER_IS_PAGE_VIEW (self));

  clear_worker (self);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->previews);
  gtk_label_set_text (self->title_label, "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), NULL);
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_controls (self);
}

void
chamber_page_view_show_error (ChamberPageView *self, const char *message)
{
  g_return_if_fail (CHAMBER_IS_PAGE_VIEW (self));
  g_return_if_fail (message != NULL);

  chamber_page_view_close (self);
  show_error (self, message);
}

const char *
chamber_page_view_get_path (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);
  return self->path;
}

void
chamber_page_view_set_show_title (ChamberPageView *self, gboolean show_title)
{
  g_return_if_fail (CHAMBER_IS_PAGE_VIEW (self));

  self->show_title = !!show_title;
  /* The label keeps its place: it pushes the page controls to the end. */
  gtk_widget_set_opacity (GTK_WIDGET (self->title_label), show_title ? 1 : 0);
  gtk_widget_set_can_target (GTK_WIDGET (self->title_label), show_title);
  update_controls (self);
}

int
chamber_page_view_get_page (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), 0);
  return self->n_pages > 0 ? current_page (self) + 1 : 0;
}

int
chamber_page_view_get_n_pages (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), 0);
  return self->n_pages;
}

void
chamber_page_view_set_page (ChamberPageView *self, int page)
{
  g_return_if_fail (CHAMBER_IS_PAGE_VIEW (self));

  if (self->n_pages == 0)
    return;
  chamber_document_view_set_page (self->document_view, CLAMP (page, 1, self->n_pages) - 1);
}

void
chamber_page_view_reveal (ChamberPageView *self, int page, double top, const char *find)
{
  g_return_if_fail (CHAMBER_IS_PAGE_VIEW (self));

  if (self->n_pages == 0)
    {
      self->reveal_page = MAX (page, 1);
      self->reveal_top = top;
      g_free (self->reveal_find);
      self->reveal_find = g_strdup (find);
      return;
    }
  page = CLAMP (page, 1, self->n_pages) - 1;
  chamber_document_view_go_to (self->document_view, page, top);
  if (find != NULL && *find != '\0')
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), find);
      chamber_document_view_find (self->document_view, find);
    }
}

gboolean
chamber_page_view_go_to_label (ChamberPageView *self, const char *text)
{
  int page;

  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->n_pages == 0)
    return FALSE;
  {
    g_autofree char *wanted = g_strstrip (g_strdup (text));

    page = chamber_render_worker_find_page (self->worker, wanted);
  }
  if (page < 0)
    return FALSE;
  chamber_document_view_set_page (self->document_view, page);
  gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
  return TRUE;
}

const char *
chamber_page_view_get_state (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
chamber_page_view_get_error_message (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);
  return self->error_message;
}

const char *
chamber_page_view_get_page_label (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);
  return gtk_label_get_text (self->page_label);
}

GdkTexture *
chamber_page_view_get_texture (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);

  if (self->n_pages == 0)
    return NULL;
  return chamber_document_view_get_page_texture (self->document_view, current_page (self));
}

void
chamber_page_view_find (ChamberPageView *self, const char *query)
{
  g_return_if_fail (CHAMBER_IS_PAGE_VIEW (self));
  g_return_if_fail (query != NULL);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), query);
  /* At once, not after the entry's typing delay. */
  chamber_document_view_find (self->document_view, query);
}

const char *
chamber_page_view_get_find_status (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);
  return gtk_label_get_text (self->find_label);
}

void
chamber_page_view_unlock (ChamberPageView *self, const char *password, gboolean remember)
{
  g_return_if_fail (CHAMBER_IS_PAGE_VIEW (self));
  g_return_if_fail (password != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->password_entry), password);
  gtk_check_button_set_active (self->remember_check, remember);
  gtk_widget_activate_action (GTK_WIDGET (self), "viewer.unlock", NULL);
}

const char *
chamber_page_view_get_password_error (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->password_error)))
    return NULL;
  return gtk_label_get_text (self->password_error);
}

ChamberDocumentView *
chamber_page_view_get_document_view (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);
  return self->document_view;
}

ChamberPageNotes *
chamber_page_view_get_notes (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);
  return self->notes;
}

ChamberPageSidebar *
chamber_page_view_get_sidebar (ChamberPageView *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_VIEW (self), NULL);
  return self->sidebar;
}

/* ---- signal handlers --------------------------------------------------------------------- */

static void
page_changed_cb (ChamberPageView *self)
{
  chamber_page_sidebar_set_page (self->sidebar, current_page (self));
  update_controls (self);
}

static void
zoom_changed_cb (ChamberPageView *self)
{
  update_controls (self);
}

static void
rotation_changed_cb (ChamberPageView *self)
{
  chamber_page_sidebar_set_rotation (self->sidebar,
                                     chamber_document_view_get_rotation (self->document_view));
}

static void
selection_changed_cb (ChamberPageView *self)
{
  update_controls (self);
}

static void
update_find_status (ChamberPageView *self)
{
  guint n_matches = chamber_document_view_get_n_matches (self->document_view);
  guint current = chamber_document_view_get_current_match (self->document_view);
  gboolean finding = chamber_document_view_get_finding (self->document_view);
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));
  g_autofree char *status = NULL;

  if (*query == '\0' || self->n_pages == 0)
    status = g_strdup ("");
  else if (n_matches == 0 && finding)
    status = g_strdup (_("Searching…"));
  else if (n_matches == 0)
    status = g_strdup (_("No matches"));
  else
    /* TRANSLATORS: the current match and the number of matches found: “3 of 17” */
    status = g_strdup_printf (_("%u of %u"), current, n_matches);
  gtk_label_set_text (self->find_label, status);

  if (*query != '\0' && n_matches == 0 && !finding)
    gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
}

static void
find_results_changed_cb (ChamberPageView *self)
{
  update_find_status (self);
  update_controls (self);
}

static void
find_changed_cb (ChamberPageView *self)
{
  chamber_document_view_find (self->document_view,
                              gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
}

static void
find_activated_cb (ChamberPageView *self)
{
  chamber_document_view_find_next (self->document_view, TRUE);
}

static void
find_next_cb (ChamberPageView *self)
{
  chamber_document_view_find_next (self->document_view, TRUE);
}

static void
find_previous_cb (ChamberPageView *self)
{
  chamber_document_view_find_next (self->document_view, FALSE);
}

static void
find_stopped_cb (ChamberPageView *self)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
page_rendered_cb (ChamberPageView *self, int page)
{
  self->page_rendered = TRUE;
}

static void
page_failed_cb (ChamberPageView *self, int page, const char *message)
{
  g_autofree char *text = NULL;

  /* A document none of whose pages can be drawn is shown as damaged; one bad page among good
   * ones says so in its place. */
  if (self->page_rendered)
    return;
  /* TRANSLATORS: the page number and why it cannot be drawn */
  text = g_strdup_printf (_("Page %d cannot be shown: %s"), page + 1, message);
  show_error (self, text);
}

/* TRUE for the addresses a click may hand to the browser or mail program: http, https,
 * mailto. Anything else in a document (file:, javascript:, a program to launch) is only
 * shown. */
static gboolean
is_safe_uri (const char *uri)
{
  g_autofree char *scheme = NULL;

  if (uri == NULL || !g_uri_is_valid (uri, G_URI_FLAGS_NONE, NULL))
    return FALSE;
  scheme = g_uri_parse_scheme (uri);
  return scheme != NULL
         && (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0
             || g_ascii_strcasecmp (scheme, "mailto") == 0);
}

static void
external_link_cb (ChamberPageView *self, const char *uri)
{
  g_autofree char *escaped = g_markup_escape_text (uri, -1);
  AdwToast *toast;

  /* A toast's title is markup here. */
  if (is_safe_uri (uri))
    {
      /* A link in a document opens only when asked: a toast says where it leads. */
      toast = adw_toast_new_format (_("Open “%s”?"), escaped);
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "viewer.open-uri");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  else
    toast = adw_toast_new_format (_("This link leads to “%s”, which Chamber does not open."),
                                  escaped);
  add_toast (self, toast);
}

static void
sidebar_page_activated_cb (ChamberPageView *self, int page, double top)
{
  chamber_document_view_go_to (self->document_view, page, top);
}

static void
page_popover_shown_cb (ChamberPageView *self)
{
  if (self->n_pages > 0)
    gtk_editable_set_text (GTK_EDITABLE (self->page_entry),
                           chamber_render_worker_get_page_label (self->worker,
                                                                 current_page (self)));
  gtk_widget_remove_css_class (GTK_WIDGET (self->page_entry), "error");
  gtk_widget_grab_focus (GTK_WIDGET (self->page_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->page_entry), 0, -1);
}

static void
page_entry_activated_cb (ChamberPageView *self)
{
  if (chamber_page_view_go_to_label (self, gtk_editable_get_text (GTK_EDITABLE (self->page_entry))))
    gtk_popover_popdown (self->page_popover);
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->page_entry), "error");
}

static void
page_entry_changed_cb (ChamberPageView *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->page_entry), "error");
}

static void
password_activated_cb (ChamberPageView *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "viewer.unlock", NULL);
}

/* ---- actions ----------------------------------------------------------------------------- */

static void
go_page_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);
  int page = current_page (self);

  if (g_str_equal (action_name, "viewer.next-page"))
    page++;
  else if (g_str_equal (action_name, "viewer.previous-page"))
    page--;
  else if (g_str_equal (action_name, "viewer.first-page"))
    page = 0;
  else if (g_str_equal (action_name, "viewer.last-page"))
    page = self->n_pages - 1;
  if (self->n_pages > 0)
    chamber_document_view_set_page (self->document_view, CLAMP (page, 0, self->n_pages - 1));
}

static void
zoom_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);

  if (g_str_equal (action_name, "viewer.zoom-fit"))
    chamber_document_view_set_zoom_mode (self->document_view, CHAMBER_ZOOM_FIT_WIDTH);
  else if (g_str_equal (action_name, "viewer.zoom-fit-page"))
    chamber_document_view_set_zoom_mode (self->document_view, CHAMBER_ZOOM_FIT_PAGE);
  else if (g_str_equal (action_name, "viewer.zoom-set"))
    chamber_document_view_set_zoom (self->document_view,
                                    g_variant_get_double (parameter) / 100
                                      * CHAMBER_ZOOM_ACTUAL_SIZE);
  else
    chamber_document_view_zoom_step (self->document_view,
                                     g_str_equal (action_name, "viewer.zoom-in"));
}

static void
rotate_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);
  int rotation = chamber_document_view_get_rotation (self->document_view);

  rotation += g_str_equal (action_name, "viewer.rotate-right") ? 90 : 270;
  chamber_document_view_set_rotation (self->document_view, rotation % 360);
}

static void
find_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);

  if (g_str_equal (action_name, "viewer.find"))
    {
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
    }
  else
    chamber_document_view_find_next (self->document_view,
                                     g_str_equal (action_name, "viewer.find-next"));
}

static void
go_to_page_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);

  gtk_menu_button_popup (self->page_button);
}

static void
copy_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);

  chamber_document_view_copy (self->document_view);
}

static void
open_uri_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  const char *uri = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (!is_safe_uri (uri))
    return;
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
unlock_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_entry));

  if (self->path == NULL)
    return;
  g_free (self->password);
  self->password = g_strdup (password);
  self->password_remembered = FALSE;
  self->remember_password = gtk_check_button_get_active (self->remember_check);
  start_worker (self);
}

/* ---- shortcuts --------------------------------------------------------------------------- */

static gboolean
focus_is_editable (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && GTK_IS_EDITABLE (focus);
}

static gboolean
arrow_activated (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);
  int page = current_page (self) + GPOINTER_TO_INT (user_data);

  /* Not handled: the key goes on to the focused widget. */
  if (focus_is_editable (widget) || self->n_pages == 0 || page < 0 || page >= self->n_pages)
    return FALSE;
  chamber_document_view_set_page (self->document_view, page);
  return TRUE;
}

static gboolean
rotate_key_activated (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);

  /* Ctrl+arrows move by words in a text field. */
  if (focus_is_editable (widget) || self->n_pages == 0)
    return FALSE;
  return gtk_widget_activate_action (widget, user_data, NULL);
}

static gboolean
ctrl_g_activated (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (widget);
  gboolean backward = GPOINTER_TO_INT (user_data);

  if (self->n_pages == 0)
    return FALSE;
  /* In find mode Ctrl+G goes through the matches; otherwise it asks for a page. */
  if (self->find_mode)
    chamber_document_view_find_next (self->document_view, !backward);
  else if (!backward)
    gtk_menu_button_popup (self->page_button);
  else
    return FALSE;
  return TRUE;
}

static void
add_shortcut (GtkShortcutController *controller, guint keyval, GdkModifierType modifiers,
              const char *action_name)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval,
                                                                                  modifiers),
                                                          gtk_named_action_new (action_name)));
}

static void
add_callback_shortcut (GtkShortcutController *controller, guint keyval,
                       GdkModifierType modifiers, GtkShortcutFunc func, gpointer data)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval,
                                                                                  modifiers),
                                                          gtk_callback_action_new (func, data,
                                                                                   NULL)));
}

/* ---- GObject ----------------------------------------------------------------------------- */

static void
set_show_sidebar (ChamberPageView *self, gboolean show)
{
  show = !!show;
  if (self->show_sidebar == show)
    return;
  self->show_sidebar = show;
  gtk_revealer_set_reveal_child (self->sidebar_revealer, show);
  if (show)
    chamber_page_sidebar_set_page (self->sidebar, current_page (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
set_find_mode (ChamberPageView *self, gboolean find_mode)
{
  find_mode = !!find_mode;
  if (self->find_mode == find_mode)
    return;
  self->find_mode = find_mode;
  gtk_search_bar_set_search_mode (self->search_bar, find_mode);
  if (find_mode)
    gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  else
    {
      chamber_document_view_find (self->document_view, NULL);
      if (self->n_pages > 0)
        gtk_widget_grab_focus (GTK_WIDGET (self->document_view));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIND_MODE]);
}

static void
search_mode_changed_cb (ChamberPageView *self)
{
  set_find_mode (self, gtk_search_bar_get_search_mode (self->search_bar));
}

static void
update_sidebar_colors (ChamberPageView *self)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  chamber_page_sidebar_set_inverted (self->sidebar,
                                     self->invert_colors && adw_style_manager_get_dark (style));
}

static void
chamber_page_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTINUOUS:
      g_value_set_boolean (value, self->continuous);
      break;
    case PROP_INVERT_COLORS:
      g_value_set_boolean (value, self->invert_colors);
      break;
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;
    case PROP_FIND_MODE:
      g_value_set_boolean (value, self->find_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_page_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONTINUOUS:
      if (g_value_get_boolean (value) != self->continuous)
        {
          self->continuous = g_value_get_boolean (value);
          chamber_document_view_set_continuous (self->document_view, self->continuous);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_INVERT_COLORS:
      if (g_value_get_boolean (value) != self->invert_colors)
        {
          self->invert_colors = g_value_get_boolean (value);
          chamber_document_view_set_invert_colors (self->document_view, self->invert_colors);
          update_sidebar_colors (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SHOW_SIDEBAR:
      set_show_sidebar (self, g_value_get_boolean (value));
      break;
    case PROP_FIND_MODE:
      set_find_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_page_view_dispose (GObject *object)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (object);
  GtkWidget *child;

  clear_worker (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_PAGE_VIEW);
  /* The template's top box is not bound to a member: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->previews);

  G_OBJECT_CLASS (chamber_page_view_parent_class)->dispose (object);
}

static void
chamber_page_view_finalize (GObject *object)
{
  ChamberPageView *self = CHAMBER_PAGE_VIEW (object);

  g_free (self->path);
  g_free (self->title);
  g_free (self->password);
  g_free (self->error_message);
  g_free (self->sha256);
  g_free (self->reveal_find);

  G_OBJECT_CLASS (chamber_page_view_parent_class)->finalize (object);
}

static void
chamber_page_view_class_init (ChamberPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_page_view_dispose;
  object_class->finalize = chamber_page_view_finalize;
  object_class->get_property = chamber_page_view_get_property;
  object_class->set_property = chamber_page_view_set_property;

  properties[PROP_CONTINUOUS] =
    g_param_spec_boolean ("continuous", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_INVERT_COLORS] =
    g_param_spec_boolean ("invert-colors", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FIND_MODE] =
    g_param_spec_boolean ("find-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CHAMBER_TYPE_DOCUMENT_VIEW);
  g_type_ensure (CHAMBER_TYPE_PAGE_SIDEBAR);
  g_type_ensure (CHAMBER_TYPE_PAGE_NOTES);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-page-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, toolbar_separator);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, page_box);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, page_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, page_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, page_popover);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, page_entry);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, find_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, view_menu_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, find_entry);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, find_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, stack);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, spinner);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, error_page);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, password_entry);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, password_error);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, remember_check);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, sidebar_revealer);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, scroller);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, document_view);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, notes);
  gtk_widget_class_bind_template_child (widget_class, ChamberPageView, bookmark_button);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, zoom_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, rotation_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_results_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_previous_cb);
  gtk_widget_class_bind_template_callback (widget_class, find_stopped_cb);
  gtk_widget_class_bind_template_callback (widget_class, external_link_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_rendered_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_failed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_page_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_popover_shown_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "viewer.previous-page", NULL, go_page_activated);
  gtk_widget_class_install_action (widget_class, "viewer.next-page", NULL, go_page_activated);
  gtk_widget_class_install_action (widget_class, "viewer.first-page", NULL, go_page_activated);
  gtk_widget_class_install_action (widget_class, "viewer.last-page", NULL, go_page_activated);
  gtk_widget_class_install_action (widget_class, "viewer.go-to-page", NULL,
                                   go_to_page_activated);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-fit", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-fit-page", NULL, zoom_activated);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-set", "d", zoom_activated);
  gtk_widget_class_install_action (widget_class, "viewer.rotate-left", NULL, rotate_activated);
  gtk_widget_class_install_action (widget_class, "viewer.rotate-right", NULL, rotate_activated);
  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "viewer.find-next", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "viewer.find-previous", NULL, find_activated);
  gtk_widget_class_install_action (widget_class, "viewer.copy", NULL, copy_activated);
  gtk_widget_class_install_action (widget_class, "viewer.open-uri", "s", open_uri_activated);
  gtk_widget_class_install_action (widget_class, "viewer.unlock", NULL, unlock_activated);
  gtk_widget_class_install_property_action (widget_class, "viewer.continuous", "continuous");
  gtk_widget_class_install_property_action (widget_class, "viewer.invert-colors",
                                            "invert-colors");
  gtk_widget_class_install_property_action (widget_class, "viewer.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "viewer.find-mode", "find-mode");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chamber-page-view");
}

static void
chamber_page_view_init (ChamberPageView *self)
{
  GtkEventController *shortcuts;
  GtkShortcutController *controller;

  self->continuous = TRUE;
  self->show_title = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* The toolbar's bookmark button, for the notes of a session's document. */
  gtk_widget_insert_action_group (GTK_WIDGET (self), "notes",
                                  chamber_page_notes_get_actions (self->notes));
  g_object_bind_property (self->notes, "active", self->bookmark_button, "visible",
                          G_BINDING_SYNC_CREATE);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->find_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_sidebar_colors), self, G_CONNECT_SWAPPED);

  /* Shift+Enter in the find entry goes back. */
  shortcuts = gtk_shortcut_controller_new ();
  controller = GTK_SHORTCUT_CONTROLLER (shortcuts);
  add_shortcut (controller, GDK_KEY_Return, GDK_SHIFT_MASK, "viewer.find-previous");
  add_shortcut (controller, GDK_KEY_KP_Enter, GDK_SHIFT_MASK, "viewer.find-previous");
  gtk_widget_add_controller (GTK_WIDGET (self->find_entry), shortcuts);

  /* Page Up/Down, the zoom keys and the others work wherever the focus is in the window,
   * even in the lists that would use them to move their selection. */
  shortcuts = gtk_shortcut_controller_new ();
  controller = GTK_SHORTCUT_CONTROLLER (shortcuts);
  gtk_shortcut_controller_set_scope (controller, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (controller, GDK_KEY_Page_Down, 0, "viewer.next-page");
  add_shortcut (controller, GDK_KEY_Page_Up, 0, "viewer.previous-page");
  add_shortcut (controller, GDK_KEY_Home, GDK_CONTROL_MASK, "viewer.first-page");
  add_shortcut (controller, GDK_KEY_End, GDK_CONTROL_MASK, "viewer.last-page");
  add_shortcut (controller, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in");
  add_shortcut (controller, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in");
  add_shortcut (controller, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in");
  add_shortcut (controller, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out");
  add_shortcut (controller, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out");
  add_shortcut (controller, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.zoom-fit");
  add_shortcut (controller, GDK_KEY_f, GDK_CONTROL_MASK, "viewer.find");
  add_shortcut (controller, GDK_KEY_F3, 0, "viewer.find-next");
  add_shortcut (controller, GDK_KEY_F3, GDK_SHIFT_MASK, "viewer.find-previous");
  add_shortcut (controller, GDK_KEY_F9, 0, "viewer.show-sidebar");
  add_callback_shortcut (controller, GDK_KEY_g, GDK_CONTROL_MASK, ctrl_g_activated,
                         GINT_TO_POINTER (FALSE));
  add_callback_shortcut (controller, GDK_KEY_G, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                         ctrl_g_activated, GINT_TO_POINTER (TRUE));
  add_callback_shortcut (controller, GDK_KEY_Left, GDK_CONTROL_MASK, rotate_key_activated,
                         "viewer.rotate-left");
  add_callback_shortcut (controller, GDK_KEY_Right, GDK_CONTROL_MASK, rotate_key_activated,
                         "viewer.rotate-right");
  /* The arrows too, except in a text field, where they move the cursor. */
  add_callback_shortcut (controller, GDK_KEY_Right, 0, arrow_activated, GINT_TO_POINTER (1));
  add_callback_shortcut (controller, GDK_KEY_Left, 0, arrow_activated, GINT_TO_POINTER (-1));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  update_controls (self);
}
