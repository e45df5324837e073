/* chamber-desk-access.c — the desk's Access page (see chamber-desk-access.h). The people and
 * each one's tokens (GET /api/v1/people, then /people/ID/tokens) are read in one call on a
 * worker (chamber-desk-request.h). A new token comes back once: the dialog that shows it is the
 * only place it lives in the app, besides the handover sheet the person may save from there;
 * the page forgets it when the dialog closes. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-client.h"
#include "chamber-desk-access.h"
#include "chamber-desk-page.h"
#include "chamber-desk-request.h"
#include "chamber-handover.h"
#include "chamber-list-box.h"
#include "chamber-protocol.h"
#include "chamber-search.h"

typedef struct {
  gint64    id;
  char     *created_at;
  char     *expires_at;
  char     *revoked_at;
  gboolean  revoked;
  char     *last_used_at;
} Token;

typedef struct {
  ChamberPerson *person;
  GPtrArray     *tokens;         /* Token, newest first; NULL when the server would not say */
  char          *tokens_error;   /* why not */
} PersonTokens;

struct _ChamberDeskAccess
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *error_label;
  GtkSearchEntry    *search_entry;
  GtkListBox        *list;
  GtkWidget         *token_dialog;   /* the dialog showing a new token, or NULL */

  ChamberConnection *connection;
  GCancellable      *cancellable;
  gint64             session_id;
  GPtrArray         *people;         /* PersonTokens */
  guint              loads_completed;
  guint              issues_completed;
  guint              revokes_completed;
  char              *error;
  char              *token;          /* the new token while its dialog shows */
  gint64             token_id;
  char              *token_person;
  gint64             token_person_id;
  char              *token_expires;  /* ISO 8601 UTC, or NULL */
  guint              handovers_completed;
  char              *last_handover;
  char              *filter;         /* the search folded, or NULL */
};

G_DEFINE_FINAL_TYPE (ChamberDeskAccess, chamber_desk_access, GTK_TYPE_WIDGET)

static void
token_free (Token *token)
{
  g_free (token->created_at);
  g_free (token->expires_at);
  g_free (token->revoked_at);
  g_free (token->last_used_at);
  g_free (token);
}

static void
person_tokens_free (PersonTokens *entry)
{
  g_clear_pointer (&entry->person, chamber_person_free);
  g_clear_pointer (&entry->tokens, g_ptr_array_unref);
  g_free (entry->tokens_error);
  g_free (entry);
}

/* Forgets the token shown, overwriting its text first. */
static void
forget_token (ChamberDeskAccess *self)
{
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_clear_pointer (&self->token, g_free);
  g_clear_pointer (&self->token_person, g_free);
  g_clear_pointer (&self->token_expires, g_free);
}

/* ---- Reading people and tokens ------------------------------------------------------------ */

static GPtrArray *
tokens_from_json (JsonNode *answer)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) token_free);
  JsonArray *array = NULL;

  if (JSON_NODE_HOLDS_OBJECT (answer))
    array = chamber_json_peek_array (json_node_get_object (answer), "tokens");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      Token *token;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      token = g_new0 (Token, 1);
      token->id = json_object_get_int_member_with_default (object, "id", 0);
      token->created_at = g_strdup (chamber_json_peek_string (object, "created_at"));
      token->expires_at = g_strdup (chamber_json_peek_string (object, "expires_at"));
      token->revoked_at = g_strdup (chamber_json_peek_string (object, "revoked_at"));
      token->last_used_at = g_strdup (chamber_json_peek_string (object, "last_used_at"));
      token->revoked = json_object_get_boolean_member_with_default (object, "revoked",
                                                                    token->revoked_at != NULL);
      g_ptr_array_add (tokens, token);
    }
  return tokens;
}

static gpointer
load_call (ChamberClient *client, gpointer data, GCancellable *cancellable, GError **error)
{
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (GPtrArray) people = NULL;
  JsonArray *array = NULL;

  answer = chamber_client_request_json (client, "GET", "/api/v1/people", NULL, NULL,
                                        cancellable, error);
  if (answer == NULL)
    return NULL;
  array = chamber_desk_answer_get_array (answer, "people",
                                         _("The server's list of people cannot be read."),
                                         error);
  if (array == NULL)
    return NULL;
  people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_tokens_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr (JsonNode) tokens = NULL;
      g_autoptr (GError) local_error = NULL;
      g_autofree char *path = NULL;
      PersonTokens *entry;
      ChamberPerson *person;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      person = chamber_person_from_json (json_node_get_object (node), NULL);
      if (person == NULL)
        continue;
      entry = g_new0 (PersonTokens, 1);
      entry->person = person;
      g_ptr_array_add (people, entry);
      path = g_strdup_printf ("/api/v1/people/%lld/tokens", (long long) person->id);
      tokens = chamber_client_request_json (client, "GET", path, NULL, NULL, cancellable,
                                            &local_error);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (tokens != NULL)
        entry->tokens = tokens_from_json (tokens);
      else
        entry->tokens_error = g_strdup (local_error != NULL ? local_error->message : "");
    }
  return g_steal_pointer (&people);
}

/* ---- Showing them ------------------------------------------------------------------------- */

static void confirm_revoke (ChamberDeskAccess *self, gint64 token_id, const char *name);
static void ask_issue (ChamberDeskAccess *self, const ChamberPerson *person);

static void
revoke_clicked_cb (GtkButton *button, ChamberDeskAccess *self)
{
  confirm_revoke (self, chamber_desk_row_get_id (GTK_WIDGET (button), "token-id"),
                  g_object_get_data (G_OBJECT (button), "name"));
}

static void
issue_clicked_cb (GtkButton *button, ChamberDeskAccess *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));

  if (self->people != NULL && index < self->people->len)
    ask_issue (self, ((PersonTokens *) g_ptr_array_index (self->people, index))->person);
}

static GtkWidget *
token_row_new (ChamberDeskAccess *self, const PersonTokens *entry, const Token *token)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *created = chamber_timestamp_format (token->created_at);
  g_autofree char *expires = chamber_timestamp_format (token->expires_at);
  g_autofree char *used = chamber_timestamp_format (token->last_used_at);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *expiry = NULL;
  g_autofree char *activity = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) expires_utc = token->expires_at != NULL
                                        ? g_date_time_new_from_iso8601 (token->expires_at, NULL)
                                        : NULL;

  /* TRANSLATORS: a token's number and when it was issued. */
  title = g_strdup_printf (_("Token %lld, issued %s"), (long long) token->id,
                           created != NULL ? created : "?");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (expires == NULL)
    expiry = g_strdup (_("no expiry"));
  else if (expires_utc != NULL && g_date_time_compare (expires_utc, now) <= 0)
    expiry = g_strdup_printf (_("expired %s"), expires);
  else
    expiry = g_strdup_printf (_("expires %s"), expires);
  if (used != NULL)
    activity = g_strdup_printf (_("last used %s"), used);
  else
    activity = g_strdup (_("never used"));
  subtitle = g_strdup_printf ("%s · %s", expiry, activity);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  if (token->revoked)
    {
      g_autofree char *revoked = chamber_timestamp_format (token->revoked_at);
      g_autofree char *text = revoked != NULL ? g_strdup_printf (_("Revoked %s"), revoked)
                                              : g_strdup (_("Revoked"));
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  else
    {
      GtkWidget *revoke = gtk_button_new_with_label (_("Revoke…"));

      gtk_widget_set_valign (revoke, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (revoke, "destructive-action");
      chamber_desk_row_set_id (revoke, "token-id", token->id);
      g_object_set_data_full (G_OBJECT (revoke), "name", g_strdup (entry->person->name), g_free);
      g_signal_connect_object (revoke, "clicked", G_CALLBACK (revoke_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), revoke);
    }
  return row;
}

static void
show_people (ChamberDeskAccess *self)
{
  chamber_list_box_remove_all (self->list);
  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    {
      PersonTokens *entry = g_ptr_array_index (self->people, i);
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *issue;
      g_autofree char *name = g_markup_escape_text (entry->person->name, -1);
      g_autoptr (GString) subtitle = g_string_new (chamber_role_get_label (entry->person->role));
      g_autofree char *escaped = NULL;
      guint n_valid = 0;
      const char *last_used = NULL;

      if (!entry->person->active)
        continue;
      if (entry->person->group_name != NULL)
        g_string_append_printf (subtitle, " · %s", entry->person->group_name);
      for (guint j = 0; entry->tokens != NULL && j < entry->tokens->len; j++)
        {
          Token *token = g_ptr_array_index (entry->tokens, j);

          if (!token->revoked)
            n_valid++;
          if (token->last_used_at != NULL
              && (last_used == NULL || g_strcmp0 (token->last_used_at, last_used) > 0))
            last_used = token->last_used_at;
        }
      if (entry->tokens == NULL)
        g_string_append (subtitle, " · ");
      else if (entry->tokens->len == 0)
        g_string_append_printf (subtitle, " · %s", _("no token"));
      else
        {
          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, ngettext ("%u token not revoked",
                                                      "%u tokens not revoked", n_valid),
                                  n_valid);
        }
      if (entry->tokens == NULL)
        g_string_append (subtitle, entry->tokens_error);
      if (last_used != NULL)
        {
          g_autofree char *when = chamber_timestamp_format (last_used);

          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, _("last activity %s"), when);
        }
      escaped = g_markup_escape_text (subtitle->str, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), escaped);

      issue = gtk_button_new_with_label (_("Issue Token…"));
      gtk_widget_set_valign (issue, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (issue), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (issue, "clicked", G_CALLBACK (issue_clicked_cb), self, 0);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), issue);
      /* Whose tokens the server will not list, it will not issue either. */
      gtk_widget_set_visible (issue, entry->tokens != NULL);
      {
        g_autofree char *text = g_strdup_printf ("%s %s", entry->person->name,
                                                 entry->person->group_name != NULL
                                                   ? entry->person->group_name : "");

        g_object_set_data_full (G_OBJECT (expander), "key", chamber_search_fold (text, -1),
                                g_free);
      }

      for (guint j = 0; entry->tokens != NULL && j < entry->tokens->len; j++)
        {
          Token *token = g_ptr_array_index (entry->tokens, j);

          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    token_row_new (self, entry, token));
        }
      gtk_list_box_append (self->list, expander);
    }
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskAccess *self = CHAMBER_DESK_ACCESS (source);
  g_autoptr (GError) error = NULL;
  GPtrArray *people;

  people = chamber_desk_call_finish (result, &error);
  if (self->box == NULL)
    {
      /* The page is gone. */
      g_clear_pointer (&people, g_ptr_array_unref);
      return;
    }
  if (people == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loads_completed++;
      chamber_desk_banner_set (self->error_label, &self->error,
                               error != NULL ? error->message : _("The server sent nothing."));
      return;
    }
  self->loads_completed++;
  g_clear_pointer (&self->people, g_ptr_array_unref);
  self->people = people;
  show_people (self);
}

void
chamber_desk_access_reload (ChamberDeskAccess *self)
{
  g_return_if_fail (CHAMBER_IS_DESK_ACCESS (self));

  if (self->box == NULL)
    return;
  chamber_desk_cancellable_renew (&self->cancellable);
  chamber_desk_call_async (self, self->connection, load_call, NULL, NULL,
                           (GDestroyNotify) g_ptr_array_unref, self->cancellable, loaded_cb,
                           NULL);
}

/* ---- Revoking ----------------------------------------------------------------------------- */

static gpointer
revoke_call (ChamberClient *client, gpointer data, GCancellable *cancellable, GError **error)
{
  if (!chamber_client_revoke_token (client, *(gint64 *) data, cancellable, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
revoked_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskAccess *self = CHAMBER_DESK_ACCESS (source);
  g_autoptr (GError) error = NULL;

  self->revokes_completed++;
  if (chamber_desk_call_finish (result, &error) == NULL && self->box != NULL)
    {
      chamber_desk_banner_set (self->error_label, &self->error,
                               error != NULL ? error->message : _("The server did not answer."));
      return;
    }
  if (self->box == NULL)
    return;
  chamber_desk_banner_set (self->error_label, &self->error, NULL);
  chamber_desk_access_reload (self);
}

void
chamber_desk_access_revoke (ChamberDeskAccess *self, gint64 token_id)
{
  g_return_if_fail (CHAMBER_IS_DESK_ACCESS (self));

  chamber_desk_call_async (self, self->connection, revoke_call,
                           g_memdup2 (&token_id, sizeof token_id), g_free, NULL, NULL,
                           revoked_cb, NULL);
}

static void
revoke_response_cb (AdwMessageDialog *dialog, const char *response, ChamberDeskAccess *self)
{
  if (g_strcmp0 (response, "revoke") == 0)
    chamber_desk_access_revoke (self, chamber_desk_confirm_get_id (dialog));
}

static void
confirm_revoke (ChamberDeskAccess *self, gint64 token_id, const char *name)
{
  g_autofree char *heading = g_strdup_printf (_("Revoke Token %lld?"), (long long) token_id);
  g_autofree char *body =
    g_strdup_printf (_("%s's app stops reaching the server with this token at once. "
                       "Documents already on the laptop stay there."),
                     name);

  chamber_desk_confirm (GTK_WIDGET (self), heading, body, "revoke", _("_Revoke"),
                        ADW_RESPONSE_DESTRUCTIVE, token_id, G_CALLBACK (revoke_response_cb));
}

/* ---- Issuing ------------------------------------------------------------------------------ */

typedef struct {
  gint64  person_id;
  char   *expires_at;
  char   *token;
  gint64  token_id;
} Issue;

static void
issue_free (Issue *issue)
{
  g_free (issue->expires_at);
  if (issue->token != NULL)
    memset (issue->token, 0, strlen (issue->token));
  g_free (issue->token);
  g_free (issue);
}

static gpointer
issue_call (ChamberClient *client, gpointer data, GCancellable *cancellable, GError **error)
{
  Issue *issue = data;
  Issue *result;
  char *token;
  gint64 token_id = 0;

  token = chamber_client_issue_token_full (client, issue->person_id, issue->expires_at,
                                           &token_id, cancellable, error);
  if (token == NULL)
    return NULL;
  result = g_new0 (Issue, 1);
  result->person_id = issue->person_id;
  result->token = token;
  result->token_id = token_id;
  result->expires_at = g_strdup (issue->expires_at);
  return result;
}

static void
copy_clicked_cb (ChamberDeskAccess *self)
{
  if (self->token != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), self->token);
  if (self->token_dialog != NULL)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self->token_dialog),
                                 _("Copied. It will not be shown again once this window closes."));
}

static void
handover_clicked_cb (ChamberDeskAccess *self)
{
  chamber_desk_access_save_handover (self, NULL);
}

static void
token_dialog_destroyed_cb (ChamberDeskAccess *self)
{
  self->token_dialog = NULL;
  forget_token (self);
}

static const char *
person_name (ChamberDeskAccess *self, gint64 person_id)
{
  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    {
      PersonTokens *entry = g_ptr_array_index (self->people, i);

      if (entry->person->id == person_id)
        return entry->person->name;
    }
  return "";
}

static void
show_token (ChamberDeskAccess *self, Issue *issue)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = NULL;
  GtkWidget *box, *label, *buttons, *copy, *save;

  forget_token (self);
  self->token = g_strdup (issue->token);
  self->token_id = issue->token_id;
  self->token_person = g_strdup (person_name (self, issue->person_id));
  self->token_person_id = issue->person_id;
  self->token_expires = g_strdup (issue->expires_at);
  if (self->token_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->token_dialog));
  if (!GTK_IS_WINDOW (root))
    return;

  heading = g_strdup_printf (_("Token for %s"), self->token_person);
  self->token_dialog = adw_message_dialog_new (GTK_WINDOW (root), heading,
                                               _("Copy it or save the handover sheet now: it "
                                                 "will not be shown again."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  label = gtk_label_new (self->token);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
  gtk_widget_add_css_class (label, "monospace");
  gtk_widget_add_css_class (label, "title-4");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The new token"), -1);
  gtk_box_append (GTK_BOX (box), label);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  copy = gtk_button_new_with_mnemonic (_("_Copy"));
  g_signal_connect_object (copy, "clicked", G_CALLBACK (copy_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  save = gtk_button_new_with_mnemonic (_("_Save Handover Sheet…"));
  g_signal_connect_object (save, "clicked", G_CALLBACK (handover_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), copy);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (box), buttons);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self->token_dialog), box);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (self->token_dialog), "close",
                                   _("_Done"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self->token_dialog), "close");
  g_signal_connect_object (self->token_dialog, "destroy",
                           G_CALLBACK (token_dialog_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->token_dialog));
}

static void
issued_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskAccess *self = CHAMBER_DESK_ACCESS (source);
  g_autoptr (GError) error = NULL;
  Issue *issue;

  issue = chamber_desk_call_finish (result, &error);
  if (self->box == NULL)
    {
      g_clear_pointer (&issue, issue_free);
      return;
    }
  self->issues_completed++;
  if (issue == NULL)
    {
      chamber_desk_banner_set (self->error_label, &self->error,
                               error != NULL ? error->message : _("The server did not answer."));
      return;
    }
  chamber_desk_banner_set (self->error_label, &self->error, NULL);
  show_token (self, issue);
  issue_free (issue);
  chamber_desk_access_reload (self);
}

gboolean
chamber_desk_access_issue_token (ChamberDeskAccess *self, gint64 person_id,
                                 const char *expires_on)
{
  Issue *issue;

  g_return_val_if_fail (CHAMBER_IS_DESK_ACCESS (self), FALSE);

  issue = g_new0 (Issue, 1);
  issue->person_id = person_id;
  if (expires_on != NULL && *expires_on != '\0')
    {
      g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
      g_autoptr (GDateTime) end = NULL;
      g_autoptr (GDateTime) utc = NULL;
      int year, month, day;

      if (!chamber_date_is_valid (expires_on)
          || sscanf (expires_on, "%d-%d-%d", &year, &month, &day) != 3)
        {
          chamber_desk_banner_set (self->error_label, &self->error,
                                   _("Write the expiry day as YYYY-MM-DD, for example "
                                     "2026-12-31."));
          g_free (issue);
          return FALSE;
        }
      /* The token works until the end of that day, here. */
      end = g_date_time_new (zone, year, month, day, 23, 59, 59);
      utc = g_date_time_to_utc (end);
      issue->expires_at = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }
  chamber_desk_call_async (self, self->connection, issue_call, issue,
                           (GDestroyNotify) issue_free, (GDestroyNotify) issue_free, NULL,
                           issued_cb, NULL);
  return TRUE;
}

static void
issue_response_cb (AdwMessageDialog *dialog, const char *response, ChamberDeskAccess *self)
{
  GtkEditable *expiry = g_object_get_data (G_OBJECT (dialog), "expiry");
  gint64 *person_id = g_object_get_data (G_OBJECT (dialog), "person-id");
  g_autofree char *day = NULL;

  if (g_strcmp0 (response, "issue") != 0)
    return;
  day = g_strstrip (g_strdup (gtk_editable_get_text (expiry)));
  chamber_desk_access_issue_token (self, *person_id, day);
}

static void
ask_issue (ChamberDeskAccess *self, const ChamberPerson *person)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *heading = g_strdup_printf (_("Issue a Token for %s"), person->name);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The token lets this person's app reach the server. "
                                     "Leave the day empty for a token without expiry."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Expires on (YYYY-MM-DD, optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Expires on"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "issue", _("_Issue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "issue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "issue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "expiry", entry);
  g_object_set_data_full (G_OBJECT (dialog), "person-id",
                          g_memdup2 (&person->id, sizeof person->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (issue_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The handover sheet ------------------------------------------------------------------- */

typedef struct {
  char  *path;
  char  *person_name;
  char  *group_name;
  ChamberRole role;
  char  *server_url;
  char  *fingerprint;
  char  *token;
  char  *expires_at;
} Handover;

static void
handover_free (Handover *handover)
{
  g_free (handover->path);
  g_free (handover->person_name);
  g_free (handover->group_name);
  g_free (handover->server_url);
  g_free (handover->fingerprint);
  if (handover->token != NULL)
    memset (handover->token, 0, strlen (handover->token));
  g_free (handover->token);
  g_free (handover->expires_at);
  g_free (handover);
}

static void
handover_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Handover *handover = task_data;
  ChamberHandover sheet = {
    .council_name = NULL,
    .person_name = handover->person_name,
    .role = handover->role,
    .group_name = handover->group_name,
    .server_url = handover->server_url,
    .fingerprint = handover->fingerprint,
    .token = handover->token,
    .expires_at = handover->expires_at,
  };
  GError *error = NULL;

  if (!chamber_handover_write (&sheet, handover->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
handover_written_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskAccess *self = CHAMBER_DESK_ACCESS (source);
  Handover *handover = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  self->handovers_completed++;
  if (self->box == NULL)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      chamber_desk_banner_set (self->error_label, &self->error, error->message);
      return;
    }
  chamber_desk_banner_set (self->error_label, &self->error, NULL);
  g_free (self->last_handover);
  self->last_handover = g_strdup (handover->path);
  if (self->token_dialog != NULL)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self->token_dialog),
                                 _("The handover sheet is saved. The token will not be shown "
                                   "again once this window closes."));
}

/* Writes the sheet on a worker: pango and the disk stay off the UI thread. */
static void
save_handover_to (ChamberDeskAccess *self, const char *path)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, handover_written_cb, NULL);
  Handover *handover = g_new0 (Handover, 1);

  handover->path = g_strdup (path);
  handover->person_name = g_strdup (self->token_person);
  handover->role = CHAMBER_ROLE_DELEGATE;
  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    {
      PersonTokens *entry = g_ptr_array_index (self->people, i);

      if (entry->person->id == self->token_person_id)
        {
          handover->role = entry->person->role;
          handover->group_name = g_strdup (entry->person->group_name);
        }
    }
  handover->server_url = g_strdup (self->connection->server_url);
  handover->fingerprint = g_strdup (self->connection->pin);
  handover->token = g_strdup (self->token);
  handover->expires_at = g_strdup (self->token_expires);
  g_task_set_task_data (task, handover, (GDestroyNotify) handover_free);
  g_task_run_in_thread (task, handover_thread);
}

static void
handover_chosen_cb (GtkNativeDialog *dialog, int response, ChamberDeskAccess *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL && self->token != NULL)
        save_handover_to (self, path);
    }
  g_object_unref (dialog);
  g_object_unref (self);
}

void
chamber_desk_access_save_handover (ChamberDeskAccess *self, const char *path)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  g_return_if_fail (CHAMBER_IS_DESK_ACCESS (self));

  if (self->token == NULL)
    return;
  if (path != NULL)
    {
      save_handover_to (self, path);
      return;
    }
  dialog = gtk_file_chooser_native_new (_("Save Handover Sheet"),
                                        self->token_dialog != NULL
                                          ? GTK_WINDOW (self->token_dialog) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  /* TRANSLATORS: the file name of a handover sheet; %s is the person's name. */
  name = g_strdup_printf (_("Handover %s.pdf"), self->token_person);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (handover_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- The widget --------------------------------------------------------------------------- */

static gboolean
filter_row (GtkListBoxRow *row, gpointer user_data)
{
  ChamberDeskAccess *self = user_data;
  const char *key = g_object_get_data (G_OBJECT (row), "key");

  return self->filter == NULL || (key != NULL && strstr (key, self->filter) != NULL);
}

static void
search_changed_cb (ChamberDeskAccess *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->filter, g_free);
  if (text != NULL && *text != '\0')
    self->filter = chamber_search_fold (text, -1);
  gtk_list_box_invalidate_filter (self->list);
}

static void
refresh_clicked_cb (ChamberDeskAccess *self)
{
  chamber_desk_access_reload (self);
}

static void
chamber_desk_access_dispose (GObject *object)
{
  ChamberDeskAccess *self = CHAMBER_DESK_ACCESS (object);

  g_cancellable_cancel (self->cancellable);
  if (self->token_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->token_dialog));
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (chamber_desk_access_parent_class)->dispose (object);
}

static void
chamber_desk_access_finalize (GObject *object)
{
  ChamberDeskAccess *self = CHAMBER_DESK_ACCESS (object);

  forget_token (self);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_free (self->error);
  g_free (self->last_handover);
  g_free (self->filter);
  G_OBJECT_CLASS (chamber_desk_access_parent_class)->finalize (object);
}

static void
chamber_desk_access_class_init (ChamberDeskAccessClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_desk_access_dispose;
  object_class->finalize = chamber_desk_access_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chamber-desk-access");
}

static void
chamber_desk_access_init (ChamberDeskAccess *self)
{
  GtkWidget *bar, *heading, *refresh, *scrolled, *clamp;

  self->cancellable = g_cancellable_new ();
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_box_append (GTK_BOX (self->box), bar);
  heading = gtk_label_new (_("Each person reaches the server with a token of their own. Issue "
                             "one for a new laptop; revoke one that is lost."));
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "dim-label");
  gtk_box_append (GTK_BOX (bar), heading);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search_entry, "placeholder-text", _("Find a person or group"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Find a person or group"), -1);
  gtk_widget_set_valign (GTK_WIDGET (self->search_entry), GTK_ALIGN_CENTER);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search_entry));
  refresh = gtk_button_new_with_mnemonic (_("_Refresh"));
  gtk_widget_set_valign (refresh, GTK_ALIGN_CENTER);
  g_signal_connect_object (refresh, "clicked", G_CALLBACK (refresh_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), refresh);

  self->error_label = chamber_desk_banner_new (GTK_BOX (self->box), "error", 12);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_list_box_set_placeholder (self->list, gtk_label_new (_("No one to show.")));
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People and their tokens"), -1);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
}

GtkWidget *
chamber_desk_access_new (const ChamberConnection *connection)
{
  ChamberDeskAccess *self;

  g_return_val_if_fail (connection != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_DESK_ACCESS, NULL);
  self->connection = chamber_connection_copy (connection);
  chamber_desk_access_reload (self);
  return GTK_WIDGET (self);
}

void
chamber_desk_access_set_session (ChamberDeskAccess *self, gint64 session_id)
{
  g_return_if_fail (CHAMBER_IS_DESK_ACCESS (self));

  if (self->session_id == session_id)
    return;
  self->session_id = session_id;
  chamber_desk_access_reload (self);
}

guint
chamber_desk_access_get_loads_completed (ChamberDeskAccess *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_ACCESS (self), 0);
  return self->loads_completed;
}

guint
chamber_desk_access_get_issues_completed (ChamberDeskAccess *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_ACCESS (self), 0);
  return self->issues_completed;
}

guint
chamber_desk_access_get_revokes_completed (ChamberDeskAccess *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_ACCESS (self), 0);
  return self->revokes_completed;
}

const char *
chamber_desk_access_get_error (ChamberDeskAccess *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_ACCESS (self), NULL);
  return self->error;
}

const char *
chamber_desk_access_get_shown_token (ChamberDeskAccess *self, gint64 *out_token_id)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_ACCESS (self), NULL);
  if (out_token_id != NULL)
    *out_token_id = self->token_id;
  return self->token;
}

GtkWindow *
chamber_desk_access_get_token_dialog (ChamberDeskAccess *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_ACCESS (self), NULL);
  return self->token_dialog != NULL ? GTK_WINDOW (self->token_dialog) : NULL;
}

guint
chamber_desk_access_get_handovers_completed (ChamberDeskAccess *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_ACCESS (self), 0);
  return self->handovers_completed;
}

const char *
chamber_desk_access_get_last_handover (ChamberDeskAccess *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_ACCESS (self), NULL);
  return self->last_handover;
}

void
chamber_desk_access_set_search (ChamberDeskAccess *self, const char *text)
{
  g_return_if_fail (CHAMBER_IS_DESK_ACCESS (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  search_changed_cb (self);
}

guint
chamber_desk_access_get_n_shown (ChamberDeskAccess *self)
{
  guint n = 0;

  g_return_val_if_fail (CHAMBER_IS_DESK_ACCESS (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_child_visible (child))
      n++;
  return n;
}

int
chamber_desk_access_get_token_state (ChamberDeskAccess *self, gint64 person_id, gint64 token_id)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_ACCESS (self), -1);

  for (guint i = 0; self->people != NULL && i < self->people->len; i++)
    {
      PersonTokens *entry = g_ptr_array_index (self->people, i);

      if (entry->person->id != person_id || entry->tokens == NULL)
        continue;
      for (guint j = 0; j < entry->tokens->len; j++)
        {
          Token *token = g_ptr_array_index (entry->tokens, j);

          if (token->id == token_id)
            return token->revoked ? 1 : 0;
        }
    }
  return -1;
}
