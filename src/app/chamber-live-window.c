/* chamber-live-window.c — the live sitting's window (see chamber-live-window.h). It creates the
 * ChamberLiveContext of the session, waits until it knows who is looking, and then shows the
 * panel of that person's role; the server, not this window, decides what each role may do. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-live-chair.h"
#include "chamber-live-delegate.h"
#include "chamber-live-secretariat.h"
#include "chamber-live-window.h"
#include "chamber-window.h"

#define PARENT_KEY "chamber-live-window"

struct _ChamberLiveWindow
{
  AdwWindow           parent_instance;

  AdwToastOverlay    *toast_overlay;
  AdwWindowTitle     *window_title;
  GtkWidget          *connection_box;
  GtkImage           *connection_icon;
  GtkLabel           *connection_label;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_status;

  ChamberLiveContext *context;
  ChamberSessionView *view;      /* weak: where the person reads, for a question's page */
  GtkWidget          *panel;
  ChamberLiveHall    *hall;      /* weak */
};

G_DEFINE_FINAL_TYPE (ChamberLiveWindow, chamber_live_window, ADW_TYPE_WINDOW)

static gboolean
reading_cb (gpointer user_data, gint64 *out_document_id, int *out_page, char **out_quote,
            int *out_quote_page)
{
  ChamberLiveWindow *self = user_data;
  ChamberPageView *page_view;
  gint64 document_id;

  if (self->view == NULL)
    return FALSE;
  document_id = chamber_session_view_get_open_document_id (self->view);
  page_view = chamber_session_view_get_page_view (self->view);
  if (document_id <= 0 || g_strcmp0 (chamber_page_view_get_state (page_view), "page") != 0
      || chamber_page_view_get_page (page_view) < 1)
    return FALSE;
  *out_document_id = document_id;
  *out_page = chamber_page_view_get_page (page_view);
  if (out_quote != NULL)
    {
      int quote_page = 0;

      *out_quote = chamber_document_view_dup_selected_text (
        chamber_page_view_get_document_view (page_view), &quote_page);
      if (out_quote_page != NULL)
        *out_quote_page = quote_page + 1;
    }
  return TRUE;
}

/* Back from the reader, where the person may have selected a passage: the form looks again. */
static void
active_changed_cb (GObject *object, GParamSpec *pspec, gpointer user_data)
{
  ChamberLiveWindow *self = CHAMBER_LIVE_WINDOW (object);

  if (gtk_window_is_active (GTK_WINDOW (self)) && CHAMBER_IS_LIVE_DELEGATE (self->panel))
    chamber_live_delegate_update_reading (CHAMBER_LIVE_DELEGATE (self->panel));
}

static void
ready_cb (ChamberLiveWindow *self)
{
  const char *error = chamber_live_context_get_load_error (self->context);

  gtk_spinner_set_spinning (self->spinner, FALSE);
  if (error != NULL)
    {
      adw_status_page_set_description (self->error_status, error);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  switch (chamber_live_context_get_role (self->context))
    {
    case CHAMBER_ROLE_CHAIR:
    case CHAMBER_ROLE_ADMIN:
      self->panel = chamber_live_chair_new (self->context);
      break;
    case CHAMBER_ROLE_SECRETARIAT:
      self->panel = chamber_live_secretariat_new (self->context);
      break;
    case CHAMBER_ROLE_DELEGATE:
    case CHAMBER_ROLE_OFFICIAL:
    default:
      self->panel = chamber_live_delegate_new (self->context);
      chamber_live_delegate_set_reading_func (CHAMBER_LIVE_DELEGATE (self->panel), reading_cb,
                                              self);
      break;
    }
  gtk_stack_add_named (self->stack, self->panel, "panel");
  gtk_stack_set_visible_child_name (self->stack, "panel");
}

static void
connection_changed_cb (ChamberLiveWindow *self)
{
  ChamberLiveConnection state = chamber_live_context_get_connection_state (self->context);
  const char *text = chamber_live_connection_describe (state);
  const GError *error = chamber_live_client_get_error (
    chamber_live_context_get_client (self->context));

  gtk_widget_set_visible (self->connection_box, text != NULL);
  gtk_label_set_text (self->connection_label, text != NULL ? text : "");
  gtk_image_set_from_icon_name (self->connection_icon,
                                state == CHAMBER_LIVE_CONNECTION_OFFLINE
                                  ? "network-offline-symbolic" : "emblem-synchronizing-symbolic");
  if (state == CHAMBER_LIVE_CONNECTION_OFFLINE)
    {
      g_autofree char *tooltip = NULL;

      /* The tooltip of the offline notice, then why, when known. */
      tooltip = g_strdup_printf ("%s%s%s", _("The last known state of the sitting is shown."),
                                 error != NULL ? "\n" : "", error != NULL ? error->message : "");
      gtk_widget_set_tooltip_text (self->connection_box, tooltip);
    }
  else
    gtk_widget_set_tooltip_text (self->connection_box, NULL);
}

static void
hall_display_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberLiveWindow *self = CHAMBER_LIVE_WINDOW (widget);

  if (self->hall == NULL)
    {
      self->hall = chamber_live_hall_new (self->context);
      g_object_add_weak_pointer (G_OBJECT (self->hall), (gpointer *) &self->hall);
      gtk_window_set_application (GTK_WINDOW (self->hall),
                                  gtk_window_get_application (GTK_WINDOW (self)));
      gtk_window_fullscreen (GTK_WINDOW (self->hall));
    }
  gtk_window_present (GTK_WINDOW (self->hall));
}

static gboolean
same_connection (const ChamberConnection *a, const ChamberConnection *b)
{
  return a != NULL && b != NULL && g_strcmp0 (a->server_url, b->server_url) == 0
         && g_strcmp0 (a->token, b->token) == 0;
}

static void
show_toast (GtkWindow *parent, const char *message)
{
  if (CHAMBER_IS_WINDOW (parent))
    chamber_window_add_toast (CHAMBER_WINDOW (parent), message);
  else
    g_message ("%s", message);
}

ChamberLiveWindow *
chamber_live_window_present_for (GtkWindow *parent, ChamberSessionView *view)
{
  const ChamberConnection *connection;
  ChamberLiveWindow *self = chamber_live_window_get_for (parent);
  gint64 session_id;
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberLiveContext) context = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CHAMBER_IS_SESSION_VIEW (view), NULL);

  connection = chamber_session_view_get_connection (view);
  session_id = chamber_session_view_get_session_id (view);
  if (connection == NULL || connection->server_url == NULL || session_id <= 0)
    {
      show_toast (parent, _("Choose a session first: its live sitting opens here."));
      return NULL;
    }
  if (self != NULL)
    {
      if (chamber_live_context_get_session_id (self->context) == session_id
          && same_connection (chamber_live_context_get_connection (self->context), connection))
        {
          gtk_window_present (GTK_WINDOW (self));
          return self;
        }
      chamber_live_window_close_for (parent);
    }

  context = chamber_live_context_new (connection, session_id, &error);
  if (context == NULL)
    {
      show_toast (parent, error->message);
      return NULL;
    }
  self = g_object_new (CHAMBER_TYPE_LIVE_WINDOW,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->context = g_steal_pointer (&context);
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &self->view);
  adw_window_title_set_subtitle (self->window_title, chamber_session_view_get_title (view));
  g_signal_connect_object (self->context, "ready", G_CALLBACK (ready_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::connection-state",
                           G_CALLBACK (connection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::is-active", G_CALLBACK (active_changed_cb), NULL);
  connection_changed_cb (self);
  g_object_set_data (G_OBJECT (parent), PARENT_KEY, self);
  g_object_set_data (G_OBJECT (self), "chamber-live-parent", parent);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

ChamberLiveWindow *
chamber_live_window_get_for (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  return g_object_get_data (G_OBJECT (parent), PARENT_KEY);
}

void
chamber_live_window_close_for (GtkWindow *parent)
{
  ChamberLiveWindow *self;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  self = chamber_live_window_get_for (parent);
  if (self != NULL)
    gtk_window_destroy (GTK_WINDOW (self));
}

ChamberLiveContext *
chamber_live_window_get_context (ChamberLiveWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_WINDOW (self), NULL);
  return self->context;
}

GtkWidget *
chamber_live_window_get_panel (ChamberLiveWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_WINDOW (self), NULL);
  return self->panel;
}

ChamberLiveHall *
chamber_live_window_get_hall (ChamberLiveWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_WINDOW (self), NULL);
  return self->hall;
}

const char *
chamber_live_window_get_connection_text (ChamberLiveWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_WINDOW (self), NULL);
  return gtk_label_get_text (self->connection_label);
}

static void
chamber_live_window_dispose (GObject *object)
{
  ChamberLiveWindow *self = CHAMBER_LIVE_WINDOW (object);
  GtkWindow *parent = g_object_get_data (object, "chamber-live-parent");

  if (parent != NULL && g_object_get_data (G_OBJECT (parent), PARENT_KEY) == self)
    g_object_set_data (G_OBJECT (parent), PARENT_KEY, NULL);
  g_object_set_data (object, "chamber-live-parent", NULL);
  if (self->hall != NULL)
    gtk_window_destroy (GTK_WINDOW (self->hall));
  if (self->view != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *) &self->view);
  self->view = NULL;
  if (self->context != NULL)
    chamber_live_context_stop (self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_LIVE_WINDOW);
  self->panel = NULL;
  g_clear_object (&self->context);
  G_OBJECT_CLASS (chamber_live_window_parent_class)->dispose (object);
}

static void
chamber_live_window_class_init (ChamberLiveWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_live_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-live-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveWindow, connection_box);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveWindow, connection_icon);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveWindow, connection_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveWindow, error_status);

  gtk_widget_class_install_action (widget_class, "win.hall-display", NULL,
                                   hall_display_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.hall-display", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
chamber_live_window_init (ChamberLiveWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
