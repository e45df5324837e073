/* chamber-window.c — the main window.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-activity-window.h"
#include "chamber-demo.h"
#include "chamber-desk-request.h"
#include "chamber-desk-window.h"
#include "chamber-live-window.h"
#include "chamber-supervision-window.h"
#include "chamber-window.h"

struct _ChamberWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  ChamberConnectPage  *connect_page;
  AdwStatusPage       *loading_status;
  GtkSpinner          *loading_spinner;
  GtkWidget           *retry_button;
  GtkWidget           *back_button;
  AdwWindowTitle      *window_title;
  GtkWidget           *role_box;
  GtkDropDown         *role_dropdown;
  GtkWidget           *search_button;
  GtkWidget           *desk_button;
  ChamberSessionView  *session_view;

  ChamberConnection   *connection;    /* what the main page shows, or NULL */
  GCancellable        *cancellable;   /* the demo start or the remembered connection's load */
  ChamberRole          demo_role;
  gboolean             remember_demo;
  gboolean             demo_reset;
  gulong               syncing_handler;
  char                *loading_description;
  gboolean             demo_failed;
  GCancellable        *role_cancellable; /* asking the server who the connection's person is */
  gboolean             desk_allowed;     /* that person is of the secretariat or an admin */
  gboolean             role_known;       /* the server answered (or could not be asked) */
  gboolean             activity_allowed; /* a delegate or the chair: "My Activity" */
  GCancellable        *samples_cancellable; /* asking for the samples assigned to them */
  gboolean             supervision_allowed; /* some are: "Supervision" */
  gboolean             supervision_known;
};

G_DEFINE_FINAL_TYPE (ChamberWindow, chamber_window, ADW_TYPE_APPLICATION_WINDOW)

/* The roles the demo can be viewed as, in the order of the “View as” menu. */
static const ChamberRole demo_roles[] = {
  CHAMBER_ROLE_DELEGATE,
  CHAMBER_ROLE_CHAIR,
  CHAMBER_ROLE_SECRETARIAT,
};

static void start_demo_now (ChamberWindow *self);

static ChamberDemo *
get_demo (ChamberWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  return chamber_application_get_demo (CHAMBER_APPLICATION (application));
}

void
chamber_window_add_toast (ChamberWindow *self, const char *message)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (CHAMBER_IS_WINDOW (self));

  escaped = g_markup_escape_text (message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_actions (ChamberWindow *self)
{
  gboolean connected = self->connection != NULL;
  gboolean demo = connected && self->connection->kind == CHAMBER_CONNECTION_DEMO;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.disconnect", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reset-demo", demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.desk", connected && self->desk_allowed);
  gtk_widget_set_visible (self->desk_button, connected && self->desk_allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.activity",
                                 connected && self->activity_allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.supervision",
                                 connected && self->supervision_allowed);
}

static void
cancel_pending (ChamberWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_signal_handler (&self->syncing_handler, self->session_view);
}

static void
close_connection (ChamberWindow *self)
{
  cancel_pending (self);
  chamber_connect_page_cancel (self->connect_page);
  chamber_session_view_set_connection (self->session_view, NULL);
  chamber_live_window_close_for (GTK_WINDOW (self));
  chamber_desk_window_close_for (GTK_WINDOW (self));
  if (self->role_cancellable != NULL)
    g_cancellable_cancel (self->role_cancellable);
  g_clear_object (&self->role_cancellable);
  self->desk_allowed = FALSE;
  chamber_activity_window_close_for (GTK_WINDOW (self));
  chamber_supervision_window_close_for (GTK_WINDOW (self));
  if (self->samples_cancellable != NULL)
    g_cancellable_cancel (self->samples_cancellable);
  g_clear_object (&self->samples_cancellable);
  self->activity_allowed = FALSE;
  self->supervision_allowed = FALSE;
  self->supervision_known = FALSE;
  g_clear_pointer (&self->connection, chamber_connection_free);
  gtk_widget_set_visible (self->role_box, FALSE);
  update_actions (self);
}

static void
show_page (ChamberWindow *self, const char *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (name, "loading"));
  if (!g_str_equal (name, "loading"))
    self->demo_failed = FALSE;
}

static void
set_loading (ChamberWindow *self, const char *title, const char *description, gboolean failed)
{
  g_autofree char *escaped = g_markup_escape_text (description ? description : "", -1);

  g_free (self->loading_description);
  self->loading_description = g_strdup (description);
  self->demo_failed = failed;
  adw_status_page_set_title (self->loading_status, title);
  adw_status_page_set_description (self->loading_status, escaped);
  adw_status_page_set_icon_name (self->loading_status, failed ? "dialog-error-symbolic" : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), !failed);
  gtk_widget_set_visible (self->retry_button, failed);
  gtk_widget_set_visible (self->back_button, failed);
  show_page (self, "loading");
  gtk_spinner_set_spinning (self->loading_spinner, !failed);
}

static void
select_role (ChamberWindow *self, ChamberRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_roles); i++)
    if (demo_roles[i] == role)
      gtk_drop_down_set_selected (self->role_dropdown, i);
}

/* "Supervision" is offered to a delegate whose group or committee has been assigned a
 * sampled petition: the server answers them only those (chamber-supervision-window.h). */
static void
samples_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberWindow) self = user_data;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *object;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->samples_cancellable);
  object = answer != NULL && JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer)
                                                             : NULL;
  self->supervision_allowed = object != NULL && json_object_has_member (object, "samples")
                              && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "samples"))
                              && json_array_get_length (
                                   json_object_get_array_member (object, "samples")) > 0;
  self->supervision_known = TRUE;
  if (!self->supervision_allowed)
    chamber_supervision_window_close_for (GTK_WINDOW (self));
  update_actions (self);
}

static void
check_samples (ChamberWindow *self)
{
  if (self->samples_cancellable != NULL)
    g_cancellable_cancel (self->samples_cancellable);
  g_clear_object (&self->samples_cancellable);
  self->supervision_known = FALSE;
  if (self->connection == NULL || self->connection->server_url == NULL)
    return;
  self->samples_cancellable = g_cancellable_new ();
  chamber_desk_request_async (NULL, self->connection, "GET", "/api/v1/supervision/samples", NULL,
                              self->samples_cancellable, samples_checked_cb,
                              g_object_ref (self));
}

/* The desk is offered to the secretariat and admins only (the server refuses others anyway). */
static void
role_checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberWindow) self = user_data;
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (GError) error = NULL;

  person = chamber_connection_check_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->role_cancellable);
  self->role_known = TRUE;
  /* Offline or refused: the session view says so; the desk needs the server anyway. */
  self->desk_allowed = person != NULL && person->active
                       && (person->role == CHAMBER_ROLE_SECRETARIAT
                           || person->role == CHAMBER_ROLE_ADMIN);
  if (!self->desk_allowed)
    chamber_desk_window_close_for (GTK_WINDOW (self));
  self->activity_allowed = person != NULL && person->active
                           && (person->role == CHAMBER_ROLE_DELEGATE
                               || person->role == CHAMBER_ROLE_CHAIR);
  if (self->activity_allowed)
    check_samples (self);
  else
    self->supervision_known = TRUE;
  update_actions (self);
}

static void
check_role (ChamberWindow *self)
{
  if (self->role_cancellable != NULL)
    g_cancellable_cancel (self->role_cancellable);
  g_clear_object (&self->role_cancellable);
  self->desk_allowed = FALSE;
  self->role_known = FALSE;
  self->activity_allowed = FALSE;
  self->supervision_allowed = FALSE;
  self->supervision_known = FALSE;
  if (self->connection == NULL || self->connection->server_url == NULL)
    return;
  self->role_cancellable = g_cancellable_new ();
  chamber_connection_check_async (self->connection->server_url, self->connection->token,
                                  self->connection->pin, FALSE, self->role_cancellable,
                                  role_checked_cb, g_object_ref (self));
}

void
chamber_window_open_connection (ChamberWindow *self, const ChamberConnection *connection)
{
  gboolean demo;

  g_return_if_fail (CHAMBER_IS_WINDOW (self));
  g_return_if_fail (connection != NULL);

  cancel_pending (self);
  g_clear_pointer (&self->connection, chamber_connection_free);
  self->connection = chamber_connection_copy (connection);
  demo = connection->kind == CHAMBER_CONNECTION_DEMO;
  chamber_desk_window_close_for (GTK_WINDOW (self));
  check_role (self);

  gtk_widget_set_visible (self->role_box, demo);
  if (demo)
    {
      self->demo_role = connection->role;
      select_role (self, connection->role);
    }
  update_actions (self);
  show_page (self, "main");
  chamber_session_view_set_connection (self->session_view, connection);
}

static void
remembered_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!chamber_connection_write_finish (result, &error))
    chamber_window_add_toast (self, error->message);
}

static void
demo_started_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDemo *demo = CHAMBER_DEMO (source);
  g_autoptr (ChamberWindow) self = user_data;
  g_autoptr (ChamberConnection) connection = NULL;
  g_autoptr (GError) error = NULL;
  ChamberRole role = self->demo_role;
  const char *token;

  if (!chamber_demo_start_finish (demo, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->cancellable);
      set_loading (self, _("The Demo Could Not Start"), error->message, TRUE);
      return;
    }
  g_clear_object (&self->cancellable);

  token = chamber_demo_get_token (demo, role);
  if (token == NULL)
    {
      role = CHAMBER_ROLE_DELEGATE;
      token = chamber_demo_get_token (demo, role);
    }
  connection = chamber_connection_new_demo (chamber_demo_get_url (demo), token, role);
  if (self->remember_demo)
    chamber_connection_remember_async (connection, NULL, remembered_written_cb,
                                       g_object_ref (self));
  chamber_window_open_connection (self, connection);
}

static void
start_demo_now (ChamberWindow *self)
{
  g_clear_signal_handler (&self->syncing_handler, self->session_view);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  chamber_demo_start_async (get_demo (self), self->demo_reset, self->cancellable,
                            demo_started_cb, g_object_ref (self));
}

static void
syncing_changed_cb (ChamberWindow *self)
{
  /* The last sync of the old mirror stopped: its folder may go now. */
  if (!chamber_session_view_get_syncing (self->session_view))
    start_demo_now (self);
}

void
chamber_window_start_demo (ChamberWindow *self, gboolean reset, gboolean remember)
{
  g_return_if_fail (CHAMBER_IS_WINDOW (self));

  close_connection (self);
  self->remember_demo = remember;
  self->demo_reset = reset;
  if (reset)
    set_loading (self, _("Resetting the Demo…"),
                 _("The demo’s data is deleted and the sample session is prepared again. This "
                   "takes a few seconds."),
                 FALSE);
  else
    set_loading (self, _("Starting the Demo Server…"),
                 _("The first start prepares a sample session with its documents. This takes a "
                   "few seconds."),
                 FALSE);

  if (reset && chamber_session_view_get_syncing (self->session_view))
    self->syncing_handler = g_signal_connect_swapped (self->session_view, "notify::syncing",
                                                      G_CALLBACK (syncing_changed_cb), self);
  else
    start_demo_now (self);
}

static void
remembered_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberWindow) self = user_data;
  g_autoptr (ChamberConnection) connection = NULL;
  g_autoptr (GError) error = NULL;

  connection = chamber_connection_load_remembered_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);

  if (connection == NULL)
    {
      show_page (self, "welcome");
      if (error != NULL)
        chamber_window_add_toast (self, error->message);
      return;
    }
  if (connection->kind == CHAMBER_CONNECTION_DEMO)
    {
      self->demo_role = connection->role;
      chamber_window_start_demo (self, FALSE, TRUE);
    }
  else
    chamber_window_open_connection (self, connection);
}

void
chamber_window_open_remembered (ChamberWindow *self)
{
  g_return_if_fail (CHAMBER_IS_WINDOW (self));

  close_connection (self);
  set_loading (self, _("Opening…"), NULL, FALSE);
  self->cancellable = g_cancellable_new ();
  chamber_connection_load_remembered_async (self->cancellable, remembered_loaded_cb,
                                            g_object_ref (self));
}

static void
connected_cb (ChamberWindow *self, ChamberConnection *connection, const char *person_label)
{
  chamber_window_open_connection (self, connection);
}

static void
role_selected_cb (ChamberWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->role_dropdown);
  ChamberDemo *demo;
  g_autoptr (ChamberConnection) connection = NULL;
  const char *token;
  ChamberRole role;

  if (selected >= G_N_ELEMENTS (demo_roles) || self->connection == NULL
      || self->connection->kind != CHAMBER_CONNECTION_DEMO)
    return;
  role = demo_roles[selected];
  if (role == self->connection->role)
    return;

  demo = get_demo (self);
  token = chamber_demo_get_token (demo, role);
  if (token == NULL || !chamber_demo_is_running (demo))
    {
      g_autofree char *message = g_strdup_printf (_("The demo has no account for the role "
                                                    "“%s”. Reset the demo data to create it."),
                                                  chamber_role_get_label (role));
      chamber_window_add_toast (self, message);
      select_role (self, self->connection->role);
      return;
    }

  connection = chamber_connection_new_demo (chamber_demo_get_url (demo), token, role);
  if (self->remember_demo)
    chamber_connection_remember_async (connection, NULL, remembered_written_cb,
                                       g_object_ref (self));
  chamber_window_open_connection (self, connection);
}

void
chamber_window_set_demo_role (ChamberWindow *self, ChamberRole role)
{
  g_return_if_fail (CHAMBER_IS_WINDOW (self));
  select_role (self, role);
}

static void
demo_exited_cb (ChamberWindow *self)
{
  if (self->connection == NULL || self->connection->kind != CHAMBER_CONNECTION_DEMO)
    return;
  chamber_window_add_toast (self, _("The demo server stopped. The documents already here stay "
                                    "readable; reset the demo or restart Chamber to sync "
                                    "again."));
}

static void
show_connect_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberWindow *self = CHAMBER_WINDOW (widget);

  chamber_connect_page_set_error (self->connect_page, NULL);
  show_page (self, "connect");
  gtk_widget_child_focus (GTK_WIDGET (self->connect_page), GTK_DIR_TAB_FORWARD);
}

static void
show_welcome_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberWindow *self = CHAMBER_WINDOW (widget);

  close_connection (self);
  show_page (self, "welcome");
}

static void
try_demo_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberWindow *self = CHAMBER_WINDOW (widget);

  /* “Try Again” after a failure repeats what failed; from the welcome page, the demo becomes
   * the connection the next start opens. */
  if (self->demo_failed)
    chamber_window_start_demo (self, self->demo_reset, self->remember_demo);
  else
    chamber_window_start_demo (self, FALSE, TRUE);
}

static void
refresh_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberWindow *self = CHAMBER_WINDOW (widget);

  chamber_session_view_refresh (self->session_view);
}

static void
forgotten_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (!chamber_connection_write_finish (result, &error))
    chamber_window_add_toast (self, error->message);
}

static void
disconnect_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberWindow *self = CHAMBER_WINDOW (widget);
  gboolean demo = self->connection != NULL && self->connection->kind == CHAMBER_CONNECTION_DEMO;

  close_connection (self);
  if (demo)
    chamber_demo_stop (get_demo (self));
  self->remember_demo = FALSE;
  chamber_connection_forget_async (NULL, forgotten_cb, g_object_ref (self));
  show_page (self, "welcome");
}

static void
search_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberWindow *self = CHAMBER_WINDOW (widget);

  if (self->connection != NULL)
    chamber_session_view_set_search_mode (self->session_view, TRUE);
}

/* The live sitting of the session shown, in a window of its own (chamber-live-window.h). */
static void
live_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberWindow *self = CHAMBER_WINDOW (widget);

  if (self->connection != NULL)
    chamber_live_window_present_for (GTK_WINDOW (self), self->session_view);
}

/* The secretariat's desk for this connection, in a window of its own (chamber-desk-window.h). */
static void
desk_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberWindow *self = CHAMBER_WINDOW (widget);

  if (self->connection != NULL && self->desk_allowed)
    chamber_desk_window_present_for (GTK_WINDOW (self), self->connection);
}

/* "My Activity" (chamber-activity-window.h), for a delegate or the chair. */
static void
activity_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberWindow *self = CHAMBER_WINDOW (widget);

  if (self->connection != NULL && self->activity_allowed)
    chamber_activity_window_present_for (GTK_WINDOW (self), self->connection);
}

/* "Supervision": the samples assigned to the person's group or committee. */
static void
supervision_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberWindow *self = CHAMBER_WINDOW (widget);

  if (self->connection != NULL && self->supervision_allowed)
    chamber_supervision_window_present_for (GTK_WINDOW (self), self->connection);
}

gboolean
chamber_window_get_activity_allowed (ChamberWindow *self, gboolean *out_known)
{
  g_return_val_if_fail (CHAMBER_IS_WINDOW (self), FALSE);

  if (out_known != NULL)
    *out_known = self->role_known;
  return self->activity_allowed;
}

gboolean
chamber_window_get_supervision_allowed (ChamberWindow *self, gboolean *out_known)
{
  g_return_val_if_fail (CHAMBER_IS_WINDOW (self), FALSE);

  if (out_known != NULL)
    *out_known = self->role_known && self->supervision_known;
  return self->supervision_allowed;
}

gboolean
chamber_window_get_desk_allowed (ChamberWindow *self, gboolean *out_known)
{
  g_return_val_if_fail (CHAMBER_IS_WINDOW (self), FALSE);

  if (out_known != NULL)
    *out_known = self->role_known;
  return self->desk_allowed;
}

static void
reset_response_cb (ChamberWindow *self, const char *response)
{
  if (g_strcmp0 (response, "reset") == 0)
    chamber_window_start_demo (self, TRUE, self->remember_demo);
}

static void
reset_demo_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberWindow *self = CHAMBER_WINDOW (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Reset the Demo?"),
                                   _("The demo’s sessions, documents and accounts on this "
                                     "computer are deleted, and the sample session is prepared "
                                     "again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reset_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

const char *
chamber_window_get_page_name (ChamberWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
chamber_window_get_loading_title (ChamberWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_WINDOW (self), NULL);
  return adw_status_page_get_title (self->loading_status);
}

const char *
chamber_window_get_loading_description (ChamberWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_WINDOW (self), NULL);
  return self->loading_description;
}

const char *
chamber_window_get_demo_error (ChamberWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_WINDOW (self), NULL);
  return self->demo_failed ? self->loading_description : NULL;
}

ChamberSessionView *
chamber_window_get_session_view (ChamberWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_WINDOW (self), NULL);
  return self->session_view;
}

ChamberConnectPage *
chamber_window_get_connect_page (ChamberWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_WINDOW (self), NULL);
  return self->connect_page;
}

static void
chamber_window_dispose (GObject *object)
{
  ChamberWindow *self = CHAMBER_WINDOW (object);

  if (self->session_view != NULL)
    close_connection (self);

  G_OBJECT_CLASS (chamber_window_parent_class)->dispose (object);
}

static void
chamber_window_finalize (GObject *object)
{
  ChamberWindow *self = CHAMBER_WINDOW (object);

  g_clear_pointer (&self->connection, chamber_connection_free);
  g_free (self->loading_description);

  G_OBJECT_CLASS (chamber_window_parent_class)->finalize (object);
}

static void
chamber_window_class_init (ChamberWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_window_dispose;
  object_class->finalize = chamber_window_finalize;

  g_type_ensure (CHAMBER_TYPE_CONNECT_PAGE);
  g_type_ensure (CHAMBER_TYPE_SESSION_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, connect_page);
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, loading_status);
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, role_box);
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, desk_button);
  gtk_widget_class_bind_template_child (widget_class, ChamberWindow, session_view);

  gtk_widget_class_install_action (widget_class, "win.show-connect", NULL,
                                   show_connect_activated);
  gtk_widget_class_install_action (widget_class, "win.show-welcome", NULL,
                                   show_welcome_activated);
  gtk_widget_class_install_action (widget_class, "win.try-demo", NULL, try_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_activated);
  gtk_widget_class_install_action (widget_class, "win.disconnect", NULL, disconnect_activated);
  gtk_widget_class_install_action (widget_class, "win.reset-demo", NULL, reset_demo_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.live", NULL, live_activated);
  gtk_widget_class_install_action (widget_class, "win.desk", NULL, desk_activated);
  gtk_widget_class_install_action (widget_class, "win.activity", NULL, activity_activated);
  gtk_widget_class_install_action (widget_class, "win.supervision", NULL,
                                   supervision_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.desk", NULL);
}

static void
chamber_window_init (ChamberWindow *self)
{
  g_autoptr (GtkStringList) roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (demo_roles); i++)
    gtk_string_list_append (roles, chamber_role_get_label (demo_roles[i]));
  gtk_drop_down_set_model (self->role_dropdown, G_LIST_MODEL (roles));
  self->demo_role = CHAMBER_ROLE_DELEGATE;
  g_signal_connect_object (self->role_dropdown, "notify::selected",
                           G_CALLBACK (role_selected_cb), self, G_CONNECT_SWAPPED);

  g_object_bind_property (self->session_view, "title", self->window_title, "title",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->session_view, "subtitle", self->window_title, "subtitle",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->session_view, "search-mode", self->search_button, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_signal_connect_object (self->connect_page, "connected", G_CALLBACK (connected_cb), self,
                           G_CONNECT_SWAPPED);

  update_actions (self);
  show_page (self, "welcome");
}

ChamberWindow *
chamber_window_new (ChamberApplication *application)
{
  ChamberWindow *self = g_object_new (CHAMBER_TYPE_WINDOW, "application", application, NULL);

  g_signal_connect_object (chamber_application_get_demo (application), "exited",
                           G_CALLBACK (demo_exited_cb), self, G_CONNECT_SWAPPED);
  return self;
}
