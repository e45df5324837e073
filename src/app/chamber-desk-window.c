/* chamber-desk-window.c — the secretariat's desk window (see chamber-desk-window.h): the
 * sidebar and stack of its pages, the session they follow, and its place beside the main
 * window.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-desk-access.h"
#include "chamber-desk-commitments.h"
#include "chamber-desk-delivery.h"
#include "chamber-desk-documents.h"
#include "chamber-desk-petitions.h"
#include "chamber-desk-supervision.h"
#include "chamber-desk-window.h"
#include "chamber-tab-stop.h"

#define PARENT_KEY "chamber-desk-window"

struct _ChamberDeskWindow
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkStack            *stack;

  ChamberConnection   *connection;
  ChamberDeskSessions *sessions;
  ChamberDeskAgenda   *agenda;
  ChamberDeskPeople   *people;
  ChamberDeskAccess   *access;
  ChamberDeskDocuments *documents;
  ChamberDeskDelivery *delivery;
  ChamberDeskCommitments *commitments;
  ChamberDeskPetitions *petitions;
  ChamberDeskSupervision *supervision;
};

G_DEFINE_FINAL_TYPE (ChamberDeskWindow, chamber_desk_window, ADW_TYPE_WINDOW)

static void
session_changed_cb (ChamberDeskWindow *self)
{
  gint64 session_id = chamber_desk_sessions_get_session_id (self->sessions);
  g_autofree char *name = chamber_desk_sessions_describe (self->sessions, session_id);

  adw_window_title_set_subtitle (self->window_title, name != NULL ? name : "");
  chamber_desk_agenda_set_session (self->agenda, session_id);
  chamber_desk_access_set_session (self->access, session_id);
  chamber_desk_documents_set_session (self->documents, session_id);
  chamber_desk_delivery_set_session (self->delivery, session_id);
  chamber_desk_commitments_set_session (self->commitments, session_id);
}

static void
agenda_copied_cb (ChamberDeskWindow *self, gint64 session_id)
{
  if (session_id == chamber_desk_sessions_get_session_id (self->sessions))
    {
      chamber_desk_agenda_reload (self->agenda);
      chamber_desk_documents_reload (self->documents);
    }
}

static void
add_page (ChamberDeskWindow *self, GtkWidget *page, const char *name, const char *title,
          const char *icon_name)
{
  GtkStackPage *stack_page = gtk_stack_add_titled (self->stack, page, name, title);

  gtk_stack_page_set_icon_name (stack_page, icon_name);
}

static void
reload_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  ChamberDeskWindow *self = CHAMBER_DESK_WINDOW (widget);

  chamber_desk_sessions_reload (self->sessions);
  chamber_desk_agenda_reload (self->agenda);
  chamber_desk_people_reload (self->people);
  chamber_desk_access_reload (self->access);
  chamber_desk_documents_reload (self->documents);
  chamber_desk_delivery_reload (self->delivery);
  chamber_desk_commitments_reload (self->commitments);
  chamber_desk_petitions_reload (self->petitions);
  chamber_desk_supervision_reload (self->supervision);
}

static void
page_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  chamber_desk_window_show_page (CHAMBER_DESK_WINDOW (widget),
                                 g_variant_get_string (parameter, NULL));
}

void
chamber_desk_window_show_page (ChamberDeskWindow *self, const char *name)
{
  g_return_if_fail (CHAMBER_IS_DESK_WINDOW (self));

  if (gtk_stack_get_child_by_name (self->stack, name) != NULL)
    gtk_stack_set_visible_child_name (self->stack, name);
}

const char *
chamber_desk_window_get_page_name (ChamberDeskWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

ChamberDeskSessions *
chamber_desk_window_get_sessions (ChamberDeskWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_WINDOW (self), NULL);
  return self->sessions;
}

ChamberDeskAgenda *
chamber_desk_window_get_agenda (ChamberDeskWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_WINDOW (self), NULL);
  return self->agenda;
}

ChamberDeskPeople *
chamber_desk_window_get_people (ChamberDeskWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_WINDOW (self), NULL);
  return self->people;
}

ChamberDeskDelivery *
chamber_desk_window_get_delivery (ChamberDeskWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_WINDOW (self), NULL);
  return self->delivery;
}

static gboolean
same_connection (const ChamberConnection *a, const ChamberConnection *b)
{
  return a != NULL && b != NULL && g_strcmp0 (a->server_url, b->server_url) == 0
         && g_strcmp0 (a->token, b->token) == 0;
}

static void
build_pages (ChamberDeskWindow *self)
{
  self->sessions = CHAMBER_DESK_SESSIONS (chamber_desk_sessions_new (self->connection));
  add_page (self, GTK_WIDGET (self->sessions), "sessions", _("Sessions"),
            "x-office-calendar-symbolic");
  self->agenda = CHAMBER_DESK_AGENDA (chamber_desk_agenda_new (self->connection));
  add_page (self, GTK_WIDGET (self->agenda), "agenda", _("Agenda"), "view-list-symbolic");
  self->people = CHAMBER_DESK_PEOPLE (chamber_desk_people_new (self->connection));
  add_page (self, GTK_WIDGET (self->people), "people", _("People"), "system-users-symbolic");
  self->access = CHAMBER_DESK_ACCESS (chamber_desk_access_new (self->connection));
  add_page (self, GTK_WIDGET (self->access), "access", _("Access"),
            "dialog-password-symbolic");
  self->documents = CHAMBER_DESK_DOCUMENTS (chamber_desk_documents_new (self->connection));
  add_page (self, GTK_WIDGET (self->documents), "documents", _("Documents"),
            "folder-documents-symbolic");
  self->delivery = CHAMBER_DESK_DELIVERY (chamber_desk_delivery_new (self->connection));
  add_page (self, GTK_WIDGET (self->delivery), "delivery", _("Delivery"),
            "emblem-synchronizing-symbolic");
  self->commitments = CHAMBER_DESK_COMMITMENTS (chamber_desk_commitments_new (self->connection));
  add_page (self, GTK_WIDGET (self->commitments), "commitments", _("Commitments"),
            "task-due-symbolic");
  self->petitions = CHAMBER_DESK_PETITIONS (chamber_desk_petitions_new (self->connection));
  add_page (self, GTK_WIDGET (self->petitions), "petitions", _("Petitions"),
            "mail-unread-symbolic");
  self->supervision = CHAMBER_DESK_SUPERVISION (chamber_desk_supervision_new (self->connection));
  add_page (self, GTK_WIDGET (self->supervision), "supervision", _("Supervision"),
            "edit-find-symbolic");

  g_signal_connect_object (self->sessions, "notify::session-id",
                           G_CALLBACK (session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sessions, "agenda-copied", G_CALLBACK (agenda_copied_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_stack_set_visible_child_name (self->stack, "sessions");
}

ChamberDeskWindow *
chamber_desk_window_present_for (GtkWindow *parent, const ChamberConnection *connection)
{
  ChamberDeskWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (connection != NULL, NULL);

  self = chamber_desk_window_get_for (parent);
  if (self != NULL)
    {
      if (same_connection (self->connection, connection))
        {
          gtk_window_present (GTK_WINDOW (self));
          return self;
        }
      chamber_desk_window_close_for (parent);
    }

  self = g_object_new (CHAMBER_TYPE_DESK_WINDOW,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->connection = chamber_connection_copy (connection);
  build_pages (self);
  g_object_set_data (G_OBJECT (parent), PARENT_KEY, self);
  g_object_set_data (G_OBJECT (self), "chamber-desk-parent", parent);
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

ChamberDeskWindow *
chamber_desk_window_get_for (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  return g_object_get_data (G_OBJECT (parent), PARENT_KEY);
}

void
chamber_desk_window_close_for (GtkWindow *parent)
{
  ChamberDeskWindow *self;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  self = chamber_desk_window_get_for (parent);
  if (self != NULL)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
chamber_desk_window_dispose (GObject *object)
{
  ChamberDeskWindow *self = CHAMBER_DESK_WINDOW (object);
  GtkWindow *parent = g_object_get_data (object, "chamber-desk-parent");

  if (parent != NULL && g_object_get_data (G_OBJECT (parent), PARENT_KEY) == self)
    g_object_set_data (G_OBJECT (parent), PARENT_KEY, NULL);
  g_object_set_data (object, "chamber-desk-parent", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_DESK_WINDOW);
  self->sessions = NULL;
  self->agenda = NULL;
  self->people = NULL;
  self->access = NULL;
  self->documents = NULL;
  self->delivery = NULL;
  self->commitments = NULL;
  self->petitions = NULL;
  self->supervision = NULL;
  G_OBJECT_CLASS (chamber_desk_window_parent_class)->dispose (object);
}

static void
chamber_desk_window_finalize (GObject *object)
{
  ChamberDeskWindow *self = CHAMBER_DESK_WINDOW (object);

  g_clear_pointer (&self->connection, chamber_connection_free);
  G_OBJECT_CLASS (chamber_desk_window_parent_class)->finalize (object);
}

static void
chamber_desk_window_class_init (ChamberDeskWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CHAMBER_TYPE_TAB_STOP);

  object_class->dispose = chamber_desk_window_dispose;
  object_class->finalize = chamber_desk_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-desk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberDeskWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ChamberDeskWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ChamberDeskWindow, stack);

  gtk_widget_class_install_action (widget_class, "desk.reload", NULL, reload_activated);
  gtk_widget_class_install_action (widget_class, "desk.page", "s", page_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "desk.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "desk.page",
                                       "s", "sessions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "desk.page",
                                       "s", "agenda");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "desk.page",
                                       "s", "people");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "desk.page",
                                       "s", "access");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "desk.page",
                                       "s", "documents");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "desk.page",
                                       "s", "delivery");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK, "desk.page",
                                       "s", "commitments");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_8, GDK_ALT_MASK, "desk.page",
                                       "s", "petitions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_ALT_MASK, "desk.page",
                                       "s", "supervision");
}

static void
chamber_desk_window_init (ChamberDeskWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
