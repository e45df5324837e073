/* chamber-live-hall.c — the hall display (see chamber-live-hall.h). Its look is in style.css
 * (.chamber-live-hall): fixed colours, whatever the desktop's style, sized for a projector. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-live-hall.h"

#define N_NEXT 3

struct _ChamberLiveHall
{
  AdwWindow           parent_instance;

  GtkLabel           *item_label;
  ChamberLiveNow     *now;
  GtkWidget          *next_box;
  GtkLabel           *next_label;
  GtkLabel           *connection_label;

  ChamberLiveContext *context;
};

G_DEFINE_FINAL_TYPE (ChamberLiveHall, chamber_live_hall, ADW_TYPE_WINDOW)

static void
show_all (ChamberLiveHall *self)
{
  ChamberLiveState *state = chamber_live_context_get_state (self->context);
  const ChamberLiveItem *item = chamber_live_state_get_current_item (state);
  g_autoptr (GString) next = g_string_new (NULL);

  gtk_label_set_text (self->item_label,
                      item != NULL && item->title != NULL ? item->title : "");
  for (guint i = 0; item != NULL && i < item->queue->len && i < N_NEXT; i++)
    {
      const ChamberLiveRequest *request =
        chamber_live_state_get_request (state, g_array_index (item->queue, gint64, i));
      g_autofree char *name = NULL;

      if (request == NULL)
        continue;
      name = chamber_live_context_describe_person (self->context, request->person_id, FALSE);
      g_autofree char *entry = NULL;
      g_auto (GStrv) words = NULL;

      /* TRANSLATORS: one of the next speakers on the hall display: place, name, kind */
      entry = g_strdup_printf (_("%u. %s — %s"), i + 1, name,
                               chamber_live_kind_get_label (request->kind));
      /* Lines break between speakers, not inside one. */
      words = g_strsplit (entry, " ", -1);
      g_free (entry);
      entry = g_strjoinv ("\u00a0", words);
      if (next->len > 0)
        g_string_append (next, "     ");
      g_string_append (next, entry);
    }
  gtk_label_set_text (self->next_label, next->str);
  gtk_widget_set_visible (self->next_box, next->len > 0);
}

static void
connection_changed_cb (ChamberLiveHall *self)
{
  const char *text = chamber_live_connection_describe (
    chamber_live_context_get_connection_state (self->context));

  gtk_label_set_text (self->connection_label, text != NULL ? text : "");
}

ChamberLiveNow *
chamber_live_hall_get_now (ChamberLiveHall *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_HALL (self), NULL);
  return self->now;
}

const char *
chamber_live_hall_get_next_text (ChamberLiveHall *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_HALL (self), NULL);
  return gtk_label_get_text (self->next_label);
}

const char *
chamber_live_hall_get_connection_text (ChamberLiveHall *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_HALL (self), NULL);
  return gtk_label_get_text (self->connection_label);
}

static void
toggle_fullscreen_activated (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

ChamberLiveHall *
chamber_live_hall_new (ChamberLiveContext *context)
{
  ChamberLiveHall *self = g_object_new (CHAMBER_TYPE_LIVE_HALL, NULL);

  self->context = g_object_ref (context);
  chamber_live_now_set_context (self->now, context);
  g_signal_connect_object (context, "changed", G_CALLBACK (show_all), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "notify::connection-state",
                           G_CALLBACK (connection_changed_cb), self, G_CONNECT_SWAPPED);
  show_all (self);
  connection_changed_cb (self);
  return self;
}

static void
chamber_live_hall_dispose (GObject *object)
{
  ChamberLiveHall *self = CHAMBER_LIVE_HALL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_LIVE_HALL);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (chamber_live_hall_parent_class)->dispose (object);
}

static void
chamber_live_hall_class_init (ChamberLiveHallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_live_hall_dispose;

  g_type_ensure (CHAMBER_TYPE_LIVE_NOW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-live-hall.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveHall, item_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveHall, now);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveHall, next_box);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveHall, next_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveHall, connection_label);

  gtk_widget_class_install_action (widget_class, "hall.toggle-fullscreen", NULL,
                                   toggle_fullscreen_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "hall.toggle-fullscreen",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
chamber_live_hall_init (ChamberLiveHall *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
