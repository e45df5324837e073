/* chamber-connect-page.c — the server address and access token form.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-client.h"
#include "chamber-connect-page.h"
#include "chamber-connection.h"

struct _ChamberConnectPage
{
  GtkWidget     parent_instance;

  AdwEntryRow      *url_row;
  AdwEntryRow      *token_row;
  GtkLabel         *error_label;
  GtkSpinner       *spinner;

  GCancellable     *cancellable;
  /* The fingerprint the person trusted for the check in progress, or NULL. */
  char             *pin;
  /* The question about an unknown certificate while it is open. */
  AdwMessageDialog *certificate_dialog;
};

enum {
  CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberConnectPage, chamber_connect_page, GTK_TYPE_WIDGET)

static void
update_actions (ChamberConnectPage *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect-page.connect",
                                 self->cancellable == NULL && *url != '\0' && *token != '\0');
}

static void
set_busy (ChamberConnectPage *self, gboolean busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  /* Not insensitive: the focused entry would lose its focus without being told. */
  gtk_editable_set_editable (GTK_EDITABLE (self->url_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->token_row), !busy);
  update_actions (self);
}

void
chamber_connect_page_set_error (ChamberConnectPage *self, const char *message)
{
  g_return_if_fail (CHAMBER_IS_CONNECT_PAGE (self));

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

const char *
chamber_connect_page_get_error (ChamberConnectPage *self)
{
  g_return_val_if_fail (CHAMBER_IS_CONNECT_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

void
chamber_connect_page_set_values (ChamberConnectPage *self, const char *server_url,
                                 const char *token)
{
  g_return_if_fail (CHAMBER_IS_CONNECT_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), server_url ? server_url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), token ? token : "");
  update_actions (self);
}

void
chamber_connect_page_cancel (ChamberConnectPage *self)
{
  g_return_if_fail (CHAMBER_IS_CONNECT_PAGE (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->certificate_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->certificate_dialog));
  g_clear_pointer (&self->pin, g_free);
  set_busy (self, FALSE);
}

static void start_check (ChamberConnectPage *self);

static void
certificate_response_cb (ChamberConnectPage *self, const char *response, AdwMessageDialog *dialog)
{
  const char *fingerprint = g_object_get_data (G_OBJECT (dialog), "fingerprint");

  if (g_strcmp0 (response, "trust") == 0 && self->cancellable != NULL)
    {
      /* The check again, accepting this certificate only; the connection is remembered with
       * the pin once the server answered through it. */
      g_free (self->pin);
      self->pin = g_strdup (fingerprint);
      start_check (self);
      return;
    }
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pin, g_free);
  set_busy (self, FALSE);
}

static void
certificate_dialog_destroyed_cb (ChamberConnectPage *self)
{
  self->certificate_dialog = NULL;
}

static void
ask_about_certificate (ChamberConnectPage *self, const char *fingerprint)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *grouped = chamber_connection_format_fingerprint (fingerprint, 8);
  AdwMessageDialog *dialog;
  GtkWidget *label;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                            : NULL,
                                                       _("Unknown Server Certificate"),
                                                       _("This server’s certificate is not "
                                                         "known to this computer. Compare its "
                                                         "fingerprint with the one on the "
                                                         "handover sheet from the "
                                                         "secretariat:")));
  label = gtk_label_new (grouped);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("SHA-256 fingerprint"), -1);
  adw_message_dialog_set_extra_child (dialog, label);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "trust", _("_Trust This Server"), NULL);
  /* Trusting is what the person came to do once the digits match, so it is the suggested
   * response; not destructive, as nothing is lost. But never by a stray Enter or Escape: both
   * mean Cancel. */
  adw_message_dialog_set_response_appearance (dialog, "trust", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "fingerprint", g_strdup (fingerprint), g_free);

  g_signal_connect_object (dialog, "response", G_CALLBACK (certificate_response_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (certificate_dialog_destroyed_cb),
                           self, G_CONNECT_SWAPPED);
  self->certificate_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
fingerprint_fetched_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberConnectPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *fingerprint = NULL;

  fingerprint = chamber_connection_fetch_fingerprint_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (fingerprint == NULL)
    {
      g_clear_object (&self->cancellable);
      set_busy (self, FALSE);
      chamber_connect_page_set_error (self, error->message);
      return;
    }
  ask_about_certificate (self, fingerprint);
}

AdwMessageDialog *
chamber_connect_page_get_certificate_dialog (ChamberConnectPage *self)
{
  g_return_val_if_fail (CHAMBER_IS_CONNECT_PAGE (self), NULL);
  return self->certificate_dialog;
}

static void
checked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (ChamberConnectPage) self = user_data;
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (ChamberConnection) connection = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *person_label = NULL;

  person = chamber_connection_check_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* A certificate this computer does not trust, and no pin yet: the person decides, after
   * comparing the fingerprint with the handover sheet. Still busy meanwhile. */
  if (self->pin == NULL
      && g_error_matches (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_CERTIFICATE))
    {
      url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
      chamber_connection_fetch_fingerprint_async (url, self->cancellable,
                                                  fingerprint_fetched_cb, g_object_ref (self));
      return;
    }

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (person == NULL)
    {
      g_clear_pointer (&self->pin, g_free);
      chamber_connect_page_set_error (self, error->message);
      return;
    }

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));
  connection = chamber_connection_new_server (url, token, &error);
  if (connection == NULL)
    {
      chamber_connect_page_set_error (self, error->message);
      return;
    }
  connection->pin = g_steal_pointer (&self->pin);
  chamber_connect_page_set_error (self, NULL);
  /* TRANSLATORS: a person's name and role, like “Nguyễn Văn An · Delegate” */
  person_label = g_strdup_printf (_("%s · %s"), person->name,
                                  chamber_role_get_label (person->role));
  g_signal_emit (self, signals[CONNECTED], 0, connection, person_label);
}

/* Checks the form's values with self->pin, remembering them when the server answers. */
static void
start_check (ChamberConnectPage *self)
{
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));
  chamber_connection_check_async (url, token, self->pin, TRUE, self->cancellable, checked_cb,
                                  g_object_ref (self));
}

static void
connect_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberConnectPage *self = CHAMBER_CONNECT_PAGE (widget);
  g_autoptr (ChamberConnection) connection = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;

  if (self->cancellable != NULL)
    return;

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  token = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->token_row))));
  /* The form is checked here, so that a typo is reported before any network request. */
  connection = chamber_connection_new_server (url, token, &error);
  if (connection == NULL)
    {
      chamber_connect_page_set_error (self, error->message);
      return;
    }

  chamber_connect_page_set_error (self, NULL);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->pin, g_free);
  set_busy (self, TRUE);
  start_check (self);
}

static void
entry_activated_cb (ChamberConnectPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "connect-page.connect", NULL);
}

static void
entry_changed_cb (ChamberConnectPage *self)
{
  update_actions (self);
}

static void
chamber_connect_page_dispose (GObject *object)
{
  ChamberConnectPage *self = CHAMBER_CONNECT_PAGE (object);
  GtkWidget *child;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->certificate_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->certificate_dialog));
  g_clear_pointer (&self->pin, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_CONNECT_PAGE);
  /* The template's top box is not bound to a member: unparent it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (chamber_connect_page_parent_class)->dispose (object);
}

static void
chamber_connect_page_class_init (ChamberConnectPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_connect_page_dispose;

  /**
   * ChamberConnectPage::connected:
   * @connection: the checked and remembered ChamberConnection
   * @person_label: who the token belongs to, for the window's subtitle
   */
  signals[CONNECTED] = g_signal_new ("connected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                     CHAMBER_TYPE_CONNECTION, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-connect-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberConnectPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, ChamberConnectPage, token_row);
  gtk_widget_class_bind_template_child (widget_class, ChamberConnectPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberConnectPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);

  gtk_widget_class_install_action (widget_class, "connect-page.connect", NULL, connect_activated);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chamber_connect_page_init (ChamberConnectPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}
