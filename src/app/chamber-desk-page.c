/* chamber-desk-page.c — the pieces every page of the secretariat's desk is built from (see
 * chamber-desk-page.h): the error or message banner, the toast for a refused action, the
 * confirmation dialog, a fresh GCancellable for a reload, reading the list out of a server's
 * answer, and the ids on rows by which a reload selects the same row again. The pages keep
 * only their own content. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-client.h"
#include "chamber-desk-page.h"
#include "chamber-toast.h"

GtkLabel *
chamber_desk_banner_new (GtkBox     *box,
                         const char *css_class,
                         int         margin)
{
  GtkLabel *banner = GTK_LABEL (gtk_label_new (NULL));

  g_return_val_if_fail (GTK_IS_BOX (box), NULL);

  gtk_label_set_wrap (banner, TRUE);
  gtk_label_set_xalign (banner, 0);
  if (margin > 0)
    {
      gtk_widget_set_margin_start (GTK_WIDGET (banner), margin);
      gtk_widget_set_margin_end (GTK_WIDGET (banner), margin);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (banner), css_class);
  gtk_widget_set_visible (GTK_WIDGET (banner), FALSE);
  gtk_box_append (box, GTK_WIDGET (banner));
  return banner;
}

void
chamber_desk_banner_set (GtkLabel   *banner,
                         char      **copy,
                         const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (banner));

  if (copy != NULL && *copy != message)
    {
      g_free (*copy);
      *copy = g_strdup (message);
    }
  gtk_label_set_text (banner, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (banner), message != NULL);
}

void
chamber_desk_page_report (GtkWidget  *page,
                          char      **copy,
                          const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (page));

  if (copy != NULL && *copy != message)
    {
      g_free (*copy);
      *copy = g_strdup (message);
    }
  chamber_toast_show_above (page, message, 8);
}

AdwMessageDialog *
chamber_desk_confirm (GtkWidget             *page,
                      const char            *heading,
                      const char            *body,
                      const char            *response,
                      const char            *label,
                      AdwResponseAppearance  appearance,
                      gint64                 id,
                      GCallback              response_cb)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);
  g_return_val_if_fail (response != NULL && label != NULL, NULL);

  root = gtk_widget_get_root (page);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    response, label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "chamber-desk-id", g_memdup2 (&id, sizeof id),
                          g_free);
  if (response_cb != NULL)
    g_signal_connect_object (dialog, "response", response_cb, page, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

gint64
chamber_desk_confirm_get_id (AdwMessageDialog *dialog)
{
  gint64 *id;

  g_return_val_if_fail (ADW_IS_MESSAGE_DIALOG (dialog), 0);

  id = g_object_get_data (G_OBJECT (dialog), "chamber-desk-id");
  return id != NULL ? *id : 0;
}

void
chamber_desk_cancellable_renew (GCancellable **cancellable)
{
  g_return_if_fail (cancellable != NULL);

  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
}

JsonArray *
chamber_desk_answer_get_array (JsonNode   *answer,
                               const char *member,
                               const char *unreadable,
                               GError    **error)
{
  JsonNode *node = NULL;

  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    node = json_object_get_member (json_node_get_object (answer), member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                           unreadable);
      return NULL;
    }
  return json_node_get_array (node);
}

gboolean
chamber_desk_answer_fill (JsonNode            *answer,
                          const char          *member,
                          ChamberDeskParseFunc parse,
                          GPtrArray           *into,
                          const char          *unreadable,
                          GError             **error)
{
  JsonArray *array;

  g_return_val_if_fail (parse != NULL && into != NULL, FALSE);

  array = chamber_desk_answer_get_array (answer, member, unreadable, error);
  if (array == NULL)
    return FALSE;
  g_ptr_array_set_size (into, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      gpointer object;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = parse (json_node_get_object (node), NULL);
      if (object != NULL)
        g_ptr_array_add (into, object);
    }
  return TRUE;
}

void
chamber_desk_row_set_id (GtkWidget  *row,
                         const char *key,
                         gint64      id)
{
  g_return_if_fail (G_IS_OBJECT (row));
  g_object_set_data_full (G_OBJECT (row), key, g_memdup2 (&id, sizeof id), g_free);
}

gint64
chamber_desk_row_get_id (GtkWidget  *row,
                         const char *key)
{
  gint64 *id;

  g_return_val_if_fail (G_IS_OBJECT (row), 0);
  id = g_object_get_data (G_OBJECT (row), key);
  return id != NULL ? *id : 0;
}

GtkListBoxRow *
chamber_desk_list_select_id (GtkListBox *list,
                             const char *key,
                             gint64      id)
{
  GtkListBoxRow *row;
  GtkListBoxRow *found = NULL;

  g_return_val_if_fail (GTK_IS_LIST_BOX (list), NULL);

  gtk_list_box_unselect_all (list);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (found == NULL && chamber_desk_row_get_id (GTK_WIDGET (row), key) == id)
      {
        found = row;
        gtk_list_box_select_row (list, row);
      }
  return found;
}
