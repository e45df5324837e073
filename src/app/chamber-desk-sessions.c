/* chamber-desk-sessions.c — the desk's Sessions page (see chamber-desk-sessions.h): the list
 * of the server's sessions, the forms that create and edit one, and the confirmed change of its
 * state, each sent to chamberd from a worker thread (chamber-desk-request.h).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-desk-page.h"
#include "chamber-desk-request.h"
#include "chamber-desk-sessions.h"
#include "chamber-list-box.h"
#include "chamber-protocol.h"

struct _ChamberDeskSessions
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *error_label;
  GtkListBox        *list;
  GtkWidget         *stack;
  AdwStatusPage     *empty_status;

  ChamberConnection *connection;
  GCancellable      *cancellable;
  GPtrArray         *sessions;     /* ChamberSession */
  gint64             session_id;
  guint              loads;
  guint              pending;
  char              *last_error;
  gboolean           selecting;
};

enum {
  PROP_0,
  PROP_SESSION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_AGENDA_COPIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (ChamberDeskSessions, chamber_desk_sessions, GTK_TYPE_WIDGET)

static const ChamberSession *
find_session (ChamberDeskSessions *self, gint64 session_id)
{
  for (guint i = 0; i < self->sessions->len; i++)
    {
      const ChamberSession *session = g_ptr_array_index (self->sessions, i);

      if (session->id == session_id)
        return session;
    }
  return NULL;
}

static const char *
state_label (ChamberSessionState state)
{
  switch (state)
    {
    case CHAMBER_SESSION_STATE_OPEN:
      return C_("session state", "Open");
    case CHAMBER_SESSION_STATE_CLOSED:
      return C_("session state", "Closed");
    case CHAMBER_SESSION_STATE_PREPARING:
    default:
      return C_("session state", "Preparing");
    }
}

char *
chamber_desk_sessions_describe (ChamberDeskSessions *self, gint64 session_id)
{
  const ChamberSession *session;

  g_return_val_if_fail (CHAMBER_IS_DESK_SESSIONS (self), NULL);

  session = find_session (self, session_id);
  if (session == NULL)
    return NULL;
  /* TRANSLATORS: a session's number and title, like “Session 10 — Regular session” */
  return g_strdup_printf (_("Session %d — %s"), session->number, session->title);
}

/* “8 Dec 2026 – 10 Dec 2026 · Hall A · Regular” */
static char *
describe_details (const ChamberSession *session)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *starts = session->starts_on ? chamber_date_format (session->starts_on) : NULL;
  g_autofree char *ends = session->ends_on ? chamber_date_format (session->ends_on) : NULL;

  if (starts != NULL && ends != NULL && g_strcmp0 (session->starts_on, session->ends_on) != 0)
    /* TRANSLATORS: a session's first and last day */
    g_string_append_printf (out, _("%s – %s"), starts, ends);
  else if (starts != NULL)
    g_string_append (out, starts);
  else if (ends != NULL)
    g_string_append (out, ends);
  else
    g_string_append (out, _("No dates yet"));
  if (session->place != NULL)
    g_string_append_printf (out, " · %s", session->place);
  g_string_append_printf (out, " · %s", chamber_session_kind_get_label (session->kind));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void edit_clicked_cb (GtkButton *button, ChamberDeskSessions *self);
static void state_clicked_cb (GtkButton *button, ChamberDeskSessions *self);

static GtkWidget *
make_row (ChamberDeskSessions *self, const ChamberSession *session)
{
  g_autofree char *title = NULL;
  g_autofree char *details = describe_details (session);
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_details = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = gtk_label_new (state_label (session->state));
  GtkWidget *edit;

  /* TRANSLATORS: a session's number and title in the list, like “10. Regular session” */
  title = g_strdup_printf (_("%d. %s"), session->number, session->title);
  escaped_title = g_markup_escape_text (title, -1);
  escaped_details = g_markup_escape_text (details, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_details);
  chamber_desk_row_set_id (row, "session-id", session->id);

  gtk_widget_add_css_class (state, "caption-heading");
  gtk_widget_add_css_class (state, session->state == CHAMBER_SESSION_STATE_OPEN ? "success"
                                   : session->state == CHAMBER_SESSION_STATE_CLOSED ? "dim-label"
                                   : "accent");
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (state, 6);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);

  {
      GtkWidget *change = gtk_button_new_with_label (session->state
                                                       == CHAMBER_SESSION_STATE_PREPARING
                                                     ? _("Open…")
                                                     : session->state
                                                         == CHAMBER_SESSION_STATE_OPEN
                                                       ? _("Close…") : _("Reopen…"));

      gtk_widget_set_valign (change, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (change, session->state == CHAMBER_SESSION_STATE_OPEN
                                           ? _("Close the session: its sitting is over")
                                           : _("Open the session: it is then sitting"));
      chamber_desk_row_set_id (change, "session-id", session->id);
      g_signal_connect (change, "clicked", G_CALLBACK (state_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), change);
    }
  edit = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_tooltip_text (edit, _("Edit the session"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Edit the session"), -1);
  chamber_desk_row_set_id (edit, "session-id", session->id);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
  return row;
}

static void
select_row_of (ChamberDeskSessions *self, gint64 session_id)
{
  self->selecting = TRUE;
  chamber_desk_list_select_id (self->list, "session-id", session_id);
  self->selecting = FALSE;
}

static void
set_session_id (ChamberDeskSessions *self, gint64 session_id)
{
  if (self->session_id == session_id)
    return;
  self->session_id = session_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_ID]);
}

static void
show_sessions (ChamberDeskSessions *self)
{
  self->selecting = TRUE;
  chamber_list_box_remove_all (self->list);
  self->selecting = FALSE;
  for (guint i = 0; i < self->sessions->len; i++)
    gtk_list_box_append (self->list, make_row (self, g_ptr_array_index (self->sessions, i)));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->sessions->len > 0 ? "list" : "empty");

  /* The session selected stays; the newest one when it is gone or none was. */
  if (find_session (self, self->session_id) == NULL)
    set_session_id (self, self->sessions->len > 0
                            ? ((ChamberSession *) g_ptr_array_index (self->sessions, 0))->id
                            : 0);
  select_row_of (self, self->session_id);
}

/* Replaces or adds @session as the server answered it. */
static void
take_session (ChamberDeskSessions *self, ChamberSession *session)
{
  for (guint i = 0; i < self->sessions->len; i++)
    {
      ChamberSession *old = g_ptr_array_index (self->sessions, i);

      if (old->id == session->id)
        {
          chamber_session_free (old);
          self->sessions->pdata[i] = session;
          show_sessions (self);
          return;
        }
    }
  /* Newest first, as the server lists them. */
  g_ptr_array_insert (self->sessions, 0, session);
  show_sessions (self);
}

static void
sessions_loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskSessions *self = CHAMBER_DESK_SESSIONS (source);
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  self->loads++;
  if (answer != NULL)
    chamber_desk_answer_fill (answer, "sessions",
                              (ChamberDeskParseFunc) chamber_session_from_json, self->sessions,
                              _("The server’s list of sessions cannot be read."), &error);
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The sessions cannot be loaded: %s"),
                                                  error->message);

      chamber_desk_banner_set (self->error_label, &self->last_error, message);
      return;
    }
  chamber_desk_banner_set (self->error_label, NULL, NULL);
  show_sessions (self);
}

void
chamber_desk_sessions_reload (ChamberDeskSessions *self)
{
  g_return_if_fail (CHAMBER_IS_DESK_SESSIONS (self));

  self->pending++;
  chamber_desk_request_async (self, self->connection, "GET", "/api/v1/sessions", NULL,
                              self->cancellable, sessions_loaded_cb, NULL);
}

/* ---- the form of a session ------------------------------------------------------------- */

typedef struct {
  ChamberDeskSessions *self;
  gint64               session_id;  /* 0: a new one */
  GtkWidget           *number;
  GtkWidget           *title;
  GtkWidget           *kind;
  GtkWidget           *place;
  GtkWidget           *starts_on;
  GtkWidget           *ends_on;
  GtkWidget           *copy_from;   /* NULL when editing */
  GArray              *copy_ids;    /* gint64: the sessions copy_from offers, after "none" */
} SessionForm;

static void
session_form_free (SessionForm *form)
{
  g_clear_pointer (&form->copy_ids, g_array_unref);
  g_free (form);
}

typedef struct {
  ChamberDeskForm *form;      /* owned */
  gint64           copy_from;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->form);
  g_free (data);
}

static void
agenda_copied_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskSessions *self = CHAMBER_DESK_SESSIONS (source);
  g_autofree gint64 *session_id = user_data;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->pending--;
  if (error != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("The session was created, but its agenda "
                                                    "could not be copied: %s"),
                                                  error->message);
      chamber_desk_page_report (GTK_WIDGET (self), &self->last_error, message);
      return;
    }
  /* The session's revision moved on with its new items. */
  chamber_desk_sessions_reload (self);
  g_signal_emit (self, signals[SIGNAL_AGENDA_COPIED], 0, *session_id);
}

static void
copy_agenda (ChamberDeskSessions *self, gint64 session_id, gint64 from_session_id)
{
  g_autofree char *path = g_strdup_printf ("/api/v1/sessions/%lld/copy-agenda",
                                           (long long) session_id);
  JsonObject *object;
  JsonNode *body = chamber_desk_body_new (&object);

  json_object_set_int_member (object, "from", from_session_id);
  self->pending++;
  chamber_desk_request_async (self, self->connection, "POST", path, body, self->cancellable,
                              agenda_copied_cb, g_memdup2 (&session_id, sizeof session_id));
}

static void
session_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskSessions *self = CHAMBER_DESK_SESSIONS (source);
  SaveData *data = user_data;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GError) error = NULL;
  ChamberSession *session = NULL;

  answer = chamber_desk_request_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      save_data_free (data);
      return;
    }
  self->pending--;
  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    {
      JsonObject *object = json_node_get_object (answer);

      if (json_object_has_member (object, "session")
          && JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "session")))
        session = chamber_session_from_json (json_object_get_object_member (object, "session"),
                                             error == NULL ? &error : NULL);
    }
  if (error == NULL && session == NULL)
    g_set_error_literal (&error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                         _("The server’s answer cannot be read."));
  if (error != NULL)
    {
      g_free (self->last_error);
      self->last_error = g_strdup (error->message);
      if (data->form != NULL)
        chamber_desk_form_set_error (data->form, error->message);
      else
        chamber_desk_page_report (GTK_WIDGET (self), &self->last_error, error->message);
      save_data_free (data);
      return;
    }

  if (data->form != NULL)
    chamber_desk_form_done (data->form);
  if (data->copy_from > 0)
    copy_agenda (self, session->id, data->copy_from);
  set_session_id (self, session->id);
  take_session (self, session);
  save_data_free (data);
}

static void
form_save_cb (ChamberDeskForm *form, SessionForm *fields)
{
  ChamberDeskSessions *self = fields->self;
  g_autofree char *title = chamber_desk_form_get_text (fields->title);
  g_autofree char *place = chamber_desk_form_get_text (fields->place);
  g_autofree char *starts_on = chamber_desk_form_get_text (fields->starts_on);
  g_autofree char *ends_on = chamber_desk_form_get_text (fields->ends_on);
  g_autofree char *path = NULL;
  guint kind = adw_combo_row_get_selected (ADW_COMBO_ROW (fields->kind));
  JsonObject *object;
  JsonNode *body;
  SaveData *data;

  if (title == NULL)
    {
      chamber_desk_form_set_error (form, _("Give the session a title."));
      return;
    }
  if ((starts_on != NULL && !chamber_date_is_valid (starts_on))
      || (ends_on != NULL && !chamber_date_is_valid (ends_on)))
    {
      chamber_desk_form_set_error (form, _("Write the dates as year-month-day, like "
                                           "2026-12-08."));
      return;
    }

  body = chamber_desk_body_new (&object);
  json_object_set_int_member (object, "number",
                              gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (fields->number)));
  json_object_set_string_member (object, "title", title);
  if (kind < CHAMBER_N_SESSION_KINDS)
    json_object_set_string_member (object, "kind", chamber_session_kind_to_string (kind));
  if (fields->session_id > 0)
    {
      /* Editing: an emptied member is cleared on the server. */
      if (place != NULL)
        json_object_set_string_member (object, "place", place);
      else
        json_object_set_null_member (object, "place");
      if (starts_on != NULL)
        json_object_set_string_member (object, "starts_on", starts_on);
      else
        json_object_set_null_member (object, "starts_on");
      if (ends_on != NULL)
        json_object_set_string_member (object, "ends_on", ends_on);
      else
        json_object_set_null_member (object, "ends_on");
    }
  else
    {
      chamber_json_object_set_optional_string (object, "place", place);
      chamber_json_object_set_optional_string (object, "starts_on", starts_on);
      chamber_json_object_set_optional_string (object, "ends_on", ends_on);
    }

  data = g_new0 (SaveData, 1);
  data->form = g_object_ref (form);
  if (fields->copy_from != NULL)
    {
      guint copy = adw_combo_row_get_selected (ADW_COMBO_ROW (fields->copy_from));

      if (copy > 0 && copy <= fields->copy_ids->len)
        data->copy_from = g_array_index (fields->copy_ids, gint64, copy - 1);
    }
  if (fields->session_id > 0)
    path = g_strdup_printf ("/api/v1/sessions/%lld", (long long) fields->session_id);
  chamber_desk_form_set_error (form, NULL);
  chamber_desk_form_set_busy (form, TRUE);
  self->pending++;
  chamber_desk_request_async (self, self->connection, fields->session_id > 0 ? "PUT" : "POST",
                              path != NULL ? path : "/api/v1/sessions", body, self->cancellable,
                              session_saved_cb, data);
}

static ChamberDeskForm *
open_form (ChamberDeskSessions *self, const ChamberSession *session)
{
  const char *kinds[CHAMBER_N_SESSION_KINDS + 1] = { NULL };
  ChamberDeskForm *form;
  SessionForm *fields = g_new0 (SessionForm, 1);
  int number = 1;

  for (int i = 0; i < CHAMBER_N_SESSION_KINDS; i++)
    kinds[i] = chamber_session_kind_get_label (i);
  for (guint i = 0; i < self->sessions->len; i++)
    number = MAX (number, ((ChamberSession *) g_ptr_array_index (self->sessions, i))->number + 1);

  form = chamber_desk_form_new (GTK_WIDGET (self),
                                session != NULL ? _("Edit Session") : _("New Session"),
                                session != NULL ? _("_Save") : _("C_reate"));
  fields->self = self;
  fields->session_id = session != NULL ? session->id : 0;
  fields->number = chamber_desk_form_add_spin (form, _("_Number"), 1, 9999,
                                               session != NULL ? session->number
                                                               : MIN (number, 9999));
  fields->title = chamber_desk_form_add_entry (form, _("_Title"),
                                               session != NULL ? session->title : NULL);
  fields->kind = chamber_desk_form_add_choice (form, _("_Kind"), kinds,
                                               session != NULL ? session->kind : 0);
  fields->place = chamber_desk_form_add_entry (form, _("_Place"),
                                               session != NULL ? session->place : NULL);
  fields->starts_on = chamber_desk_form_add_entry (form, _("_Starts on (YYYY-MM-DD)"),
                                                   session != NULL ? session->starts_on : NULL);
  fields->ends_on = chamber_desk_form_add_entry (form, _("_Ends on (YYYY-MM-DD)"),
                                                 session != NULL ? session->ends_on : NULL);
  if (session == NULL)
    {
      g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

      fields->copy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_ptr_array_add (labels, g_strdup (_("Start with an empty agenda")));
      for (guint i = 0; i < self->sessions->len; i++)
        {
          const ChamberSession *earlier = g_ptr_array_index (self->sessions, i);

          g_array_append_val (fields->copy_ids, earlier->id);
          g_ptr_array_add (labels, chamber_desk_sessions_describe (self, earlier->id));
        }
      g_ptr_array_add (labels, NULL);
      fields->copy_from = chamber_desk_form_add_choice (form, _("_Agenda"),
                                                        (const char *const *) labels->pdata, 0);
      chamber_desk_form_set_note (form, _("The agenda of an earlier session can be copied as a "
                                          "start: its items, sub-items, planned minutes and "
                                          "questioning marks, without documents."));
    }
  g_object_set_data_full (G_OBJECT (form), "chamber-session-form", fields,
                          (GDestroyNotify) session_form_free);
  g_signal_connect (form, "save", G_CALLBACK (form_save_cb), fields);
  gtk_window_present (GTK_WINDOW (form));
  gtk_widget_grab_focus (fields->title);
  return form;
}

ChamberDeskForm *
chamber_desk_sessions_new_session (ChamberDeskSessions *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_SESSIONS (self), NULL);
  return open_form (self, NULL);
}

ChamberDeskForm *
chamber_desk_sessions_edit (ChamberDeskSessions *self, gint64 session_id)
{
  const ChamberSession *session;

  g_return_val_if_fail (CHAMBER_IS_DESK_SESSIONS (self), NULL);

  session = find_session (self, session_id);
  if (session == NULL)
    return NULL;
  return open_form (self, session);
}

static void
edit_clicked_cb (GtkButton *button, ChamberDeskSessions *self)
{
  gint64 id = chamber_desk_row_get_id (GTK_WIDGET (button), "session-id");

  chamber_desk_sessions_edit (self, id);
}

/* ---- its state ------------------------------------------------------------------------- */

static void
state_response_cb (AdwMessageDialog *dialog, const char *response, ChamberDeskSessions *self)
{
  gint64 session_id = chamber_desk_confirm_get_id (dialog);
  ChamberSessionState state = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "state"));
  g_autofree char *path = NULL;
  JsonObject *object;
  JsonNode *body;

  if (g_strcmp0 (response, "change") != 0)
    return;
  path = g_strdup_printf ("/api/v1/sessions/%lld", (long long) session_id);
  body = chamber_desk_body_new (&object);
  json_object_set_string_member (object, "state", chamber_session_state_to_string (state));
  self->pending++;
  chamber_desk_request_async (self, self->connection, "PUT", path, body, self->cancellable,
                              session_saved_cb, g_new0 (SaveData, 1));
}

AdwMessageDialog *
chamber_desk_sessions_change_state (ChamberDeskSessions *self, gint64 session_id)
{
  const ChamberSession *session;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  ChamberSessionState next;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (CHAMBER_IS_DESK_SESSIONS (self), NULL);

  session = find_session (self, session_id);
  if (session == NULL)
    return NULL;
  name = chamber_desk_sessions_describe (self, session_id);
  next = session->state == CHAMBER_SESSION_STATE_OPEN ? CHAMBER_SESSION_STATE_CLOSED
                                                      : CHAMBER_SESSION_STATE_OPEN;
  if (session->state == CHAMBER_SESSION_STATE_CLOSED)
    body = g_strdup_printf (_("%s sits again: the chair can open its items once more."), name);
  else if (next == CHAMBER_SESSION_STATE_OPEN)
    body = g_strdup_printf (_("%s begins sitting: the chair can open its items. It cannot be "
                              "prepared again afterwards."), name);
  else
    body = g_strdup_printf (_("%s ends: its sitting is over. It can be reopened later if it "
                              "must sit again."),
                            name);
  dialog = chamber_desk_confirm (GTK_WIDGET (self),
                                 next == CHAMBER_SESSION_STATE_OPEN ? _("Open the Session?")
                                                                    : _("Close the Session?"),
                                 body, "change",
                                 next == CHAMBER_SESSION_STATE_OPEN ? _("_Open") : _("C_lose"),
                                 next == CHAMBER_SESSION_STATE_OPEN ? ADW_RESPONSE_SUGGESTED
                                                                    : ADW_RESPONSE_DESTRUCTIVE,
                                 session_id, G_CALLBACK (state_response_cb));
  g_object_set_data (G_OBJECT (dialog), "state", GINT_TO_POINTER (next));
  return dialog;
}

static void
state_clicked_cb (GtkButton *button, ChamberDeskSessions *self)
{
  gint64 id = chamber_desk_row_get_id (GTK_WIDGET (button), "session-id");

  chamber_desk_sessions_change_state (self, id);
}

/* ---- the page -------------------------------------------------------------------------- */

static void
row_selected_cb (GtkListBox *list, GtkListBoxRow *row, ChamberDeskSessions *self)
{
  if (self->selecting || row == NULL)
    return;
  set_session_id (self, chamber_desk_row_get_id (GTK_WIDGET (row), "session-id"));
}

static void
new_session_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  chamber_desk_sessions_new_session (CHAMBER_DESK_SESSIONS (widget));
}

GPtrArray *
chamber_desk_sessions_get_sessions (ChamberDeskSessions *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_SESSIONS (self), NULL);
  return self->sessions;
}

gint64
chamber_desk_sessions_get_session_id (ChamberDeskSessions *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_SESSIONS (self), 0);
  return self->session_id;
}

void
chamber_desk_sessions_select (ChamberDeskSessions *self, gint64 session_id)
{
  g_return_if_fail (CHAMBER_IS_DESK_SESSIONS (self));

  if (find_session (self, session_id) == NULL)
    return;
  set_session_id (self, session_id);
  select_row_of (self, session_id);
}

guint
chamber_desk_sessions_get_loads (ChamberDeskSessions *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_SESSIONS (self), 0);
  return self->loads;
}

guint
chamber_desk_sessions_get_pending (ChamberDeskSessions *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_SESSIONS (self), 0);
  return self->pending;
}

const char *
chamber_desk_sessions_get_last_error (ChamberDeskSessions *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_SESSIONS (self), NULL);
  return self->last_error;
}

static void
chamber_desk_sessions_get_property (GObject *object, guint prop_id, GValue *value,
                                    GParamSpec *pspec)
{
  ChamberDeskSessions *self = CHAMBER_DESK_SESSIONS (object);

  switch (prop_id)
    {
    case PROP_SESSION_ID:
      g_value_set_int64 (value, self->session_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_desk_sessions_dispose (GObject *object)
{
  ChamberDeskSessions *self = CHAMBER_DESK_SESSIONS (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (chamber_desk_sessions_parent_class)->dispose (object);
}

static void
chamber_desk_sessions_finalize (GObject *object)
{
  ChamberDeskSessions *self = CHAMBER_DESK_SESSIONS (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_free (self->last_error);
  G_OBJECT_CLASS (chamber_desk_sessions_parent_class)->finalize (object);
}

static void
chamber_desk_sessions_class_init (ChamberDeskSessionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = chamber_desk_sessions_get_property;
  object_class->dispose = chamber_desk_sessions_dispose;
  object_class->finalize = chamber_desk_sessions_finalize;

  properties[PROP_SESSION_ID] =
    g_param_spec_int64 ("session-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted when the agenda of an earlier session was copied into the session (a gint64 id)
   * the server just created: whoever shows that agenda loads it again. */
  signals[SIGNAL_AGENDA_COPIED] = g_signal_new ("agenda-copied", G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "sessions.new", NULL, new_session_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "sessions.new", NULL);
}

static void
chamber_desk_sessions_init (ChamberDeskSessions *self)
{
  GtkWidget *toolbar;
  GtkWidget *heading;
  GtkWidget *button;
  GtkWidget *scrolled;
  GtkWidget *clamp;
  GtkWidget *inner;

  self->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_session_free);
  self->cancellable = g_cancellable_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (inner, 18);
  gtk_widget_set_margin_bottom (inner, 18);
  gtk_widget_set_margin_start (inner, 18);
  gtk_widget_set_margin_end (inner, 18);

  toolbar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  heading = gtk_label_new (_("Sessions"));
  gtk_widget_add_css_class (heading, "title-2");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_box_append (GTK_BOX (toolbar), heading);
  button = gtk_button_new_with_mnemonic (_("_New Session…"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_tooltip_text (button, _("Create a session (Ctrl+N)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "sessions.new");
  gtk_box_append (GTK_BOX (toolbar), button);
  gtk_box_append (GTK_BOX (inner), toolbar);

  self->error_label = chamber_desk_banner_new (GTK_BOX (inner), "error", 0);

  self->stack = gtk_stack_new ();
  gtk_stack_set_vhomogeneous (GTK_STACK (self->stack), FALSE);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_SINGLE);
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sessions"), -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (row_selected_cb), self);
  gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (self->list), "list");
  self->empty_status = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_status, "x-office-calendar-symbolic");
  adw_status_page_set_title (self->empty_status, _("No Sessions Yet"));
  adw_status_page_set_description (self->empty_status,
                                   _("Create the first session with “New Session…”."));
  gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (self->empty_status), "empty");
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
  gtk_box_append (GTK_BOX (inner), self->stack);

  adw_clamp_set_child (ADW_CLAMP (clamp), inner);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_box_append (GTK_BOX (self->box), scrolled);
}

GtkWidget *
chamber_desk_sessions_new (const ChamberConnection *connection)
{
  ChamberDeskSessions *self;

  g_return_val_if_fail (connection != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_DESK_SESSIONS, NULL);
  self->connection = chamber_connection_copy (connection);
  chamber_desk_sessions_reload (self);
  return GTK_WIDGET (self);
}
