/* chamber-live-now.c — the turn that has the floor and its countdown (see chamber-live-now.h).
 * The countdown is recomputed every 200 ms while the widget is mapped and a turn runs, from
 * the live client's estimate of the server's clock, so every screen shows the same time. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-live-now.h"

#define TICK_MS 200

struct _ChamberLiveNow
{
  GtkWidget           parent_instance;

  GtkStack           *stack;
  GtkLabel           *idle_label;
  GtkLabel           *last_label;
  GtkLabel           *kind_label;
  GtkLabel           *speaker_label;
  GtkLabel           *speaker_title_label;
  GtkLabel           *respondent_label;
  GtkLabel           *topic_label;
  GtkLabel           *anchor_label;
  GtkLabel           *timer_label;
  GtkLabel           *timer_caption;

  ChamberLiveContext *context;
  guint               tick_id;
  int                 phase;
};

G_DEFINE_FINAL_TYPE (ChamberLiveNow, chamber_live_now, GTK_TYPE_WIDGET)

void
chamber_live_set_phase_classes (GtkWidget *widget, int phase, gboolean paused)
{
  static const char *const classes[] = { NULL, "chamber-live-ending", "chamber-live-overtime" };

  for (guint i = 1; i < G_N_ELEMENTS (classes); i++)
    if ((int) i == phase)
      gtk_widget_add_css_class (widget, classes[i]);
    else
      gtk_widget_remove_css_class (widget, classes[i]);
  if (paused)
    gtk_widget_add_css_class (widget, "chamber-live-paused");
  else
    gtk_widget_remove_css_class (widget, "chamber-live-paused");
}

char *
chamber_live_describe_request (ChamberLiveContext *context, const ChamberLiveRequest *request)
{
  GString *text = g_string_new (chamber_live_kind_get_label (request->kind));

  if (request->respondent_id > 0)
    {
      g_autofree char *to = chamber_live_context_describe_person (context,
                                                                  request->respondent_id, TRUE);

      g_string_truncate (text, 0);
      /* TRANSLATORS: a question and whom it is addressed to, like “Question to Lê Văn Dũng
       * (Giám đốc Sở Tài chính)” */
      g_string_append_printf (text, _("%s to %s"), chamber_live_kind_get_label (request->kind),
                              to);
    }
  if (request->topic != NULL && *request->topic != '\0')
    {
      g_autofree char *head = g_string_free (text, FALSE);

      text = g_string_new (NULL);
      /* TRANSLATORS: what a request is, and its topic */
      g_string_append_printf (text, _("%s: %s"), head, request->topic);
    }
  return g_string_free (text, FALSE);
}

static void
set_text (GtkLabel *label, const char *text)
{
  if (g_strcmp0 (gtk_label_get_text (label), text != NULL ? text : "") != 0)
    gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static gboolean
tick_cb (gpointer user_data)
{
  chamber_live_now_update (user_data);
  return G_SOURCE_CONTINUE;
}

static void
show_idle (ChamberLiveNow *self, ChamberLiveState *state)
{
  GPtrArray *turns = state != NULL ? chamber_live_state_get_turns (state) : NULL;
  const ChamberLiveItem *item = state != NULL ? chamber_live_state_get_current_item (state)
                                              : NULL;
  g_autofree char *last = NULL;

  self->phase = -1;
  gtk_stack_set_visible_child_name (self->stack, "idle");
  if (item != NULL && turns != NULL && turns->len > 0)
    {
      const ChamberLiveTurn *turn = g_ptr_array_index (turns, turns->len - 1);

      if (turn->item_id == item->id)
        {
          g_autofree char *who = chamber_live_context_describe_person (self->context,
                                                                       turn->speaker_id,
                                                                       FALSE);
          g_autofree char *used = chamber_live_format_seconds (
            chamber_live_turn_used_ms (turn, turn->ended_at) / 1000);

          /* TRANSLATORS: the turn that ended last: kind, speaker, minutes:seconds spoken */
          last = g_strdup_printf (_("Last: %s, %s (%s)"),
                                  chamber_live_kind_get_label (turn->kind), who, used);
        }
    }
  set_text (self->last_label, last);
  set_text (self->timer_label, "");
  if (self->tick_id != 0)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

void
chamber_live_now_update (ChamberLiveNow *self)
{
  ChamberLiveState *state;
  const ChamberLiveTurn *turn;
  const ChamberPerson *speaker;
  g_autofree char *speaker_name = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *respondent = NULL;
  g_autofree char *time = NULL;
  g_autofree char *caption = NULL;
  g_autofree char *allotted = NULL;
  gint64 remaining;
  gboolean paused;

  g_return_if_fail (CHAMBER_IS_LIVE_NOW (self));

  state = self->context != NULL ? chamber_live_context_get_state (self->context) : NULL;
  turn = state != NULL ? chamber_live_state_get_current_turn (state) : NULL;
  if (turn == NULL)
    {
      show_idle (self, state);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "turn");
  speaker = chamber_live_context_lookup_person (self->context, turn->speaker_id);
  speaker_name = chamber_live_context_describe_person (self->context, turn->speaker_id, FALSE);
  set_text (self->speaker_label, speaker_name);
  if (speaker != NULL && speaker->title != NULL && *speaker->title != '\0')
    set_text (self->speaker_title_label, speaker->title);
  else if (speaker != NULL && speaker->group_name != NULL)
    set_text (self->speaker_title_label, speaker->group_name);
  else
    set_text (self->speaker_title_label, NULL);

  kind = g_utf8_strup (chamber_live_kind_get_label (turn->kind), -1);
  set_text (self->kind_label, kind);
  if (turn->respondent_id > 0)
    {
      g_autofree char *name = chamber_live_context_describe_person (self->context,
                                                                    turn->respondent_id, TRUE);

      /* TRANSLATORS: whom a question is addressed to */
      respondent = g_strdup_printf (_("To %s"), name);
    }
  else if (turn->kind == CHAMBER_LIVE_ANSWER && turn->responds_to != NULL
           && turn->responds_to->len > 0)
    {
      guint n = turn->responds_to->len;

      respondent = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Answering %u question",
                                                 "Answering %u questions", n), n);
    }
  set_text (self->respondent_label, respondent);
  set_text (self->topic_label, turn->topic);
  {
    g_autofree char *anchor = chamber_live_describe_anchor (self->context, &turn->anchor, 160);

    set_text (self->anchor_label, anchor);
  }

  remaining = chamber_live_turn_remaining_s (turn, chamber_live_context_now_ms (self->context));
  paused = chamber_live_turn_is_paused (turn);
  self->phase = chamber_live_clock_phase (remaining, turn->allotted_s);
  if (self->phase == CHAMBER_LIVE_CLOCK_OVERTIME)
    {
      g_autofree char *over = chamber_live_format_seconds (-remaining);

      /* TRANSLATORS: overtime, counting up: “+0:12” */
      time = g_strdup_printf (_("+%s"), over);
    }
  else
    time = chamber_live_format_seconds (remaining);
  set_text (self->timer_label, time);
  allotted = chamber_live_format_seconds (turn->allotted_s);
  if (paused)
    /* TRANSLATORS: the clock of a turn is stopped; then the time allotted */
    caption = g_strdup_printf (_("Paused · of %s"), allotted);
  else if (self->phase == CHAMBER_LIVE_CLOCK_OVERTIME)
    /* TRANSLATORS: the speaker spoke longer than allotted; then the time allotted */
    caption = g_strdup_printf (_("Overtime · of %s"), allotted);
  else
    /* TRANSLATORS: under the countdown; then the time allotted */
    caption = g_strdup_printf (_("Time left · of %s"), allotted);
  set_text (self->timer_caption, caption);
  chamber_live_set_phase_classes (GTK_WIDGET (self->timer_label), self->phase, paused);
  chamber_live_set_phase_classes (GTK_WIDGET (self->timer_caption), self->phase, paused);

  if (self->tick_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)) && !paused)
    self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
  else if (self->tick_id != 0 && paused)
    g_clear_handle_id (&self->tick_id, g_source_remove);
}

static void
context_changed_cb (ChamberLiveNow *self)
{
  chamber_live_now_update (self);
}

void
chamber_live_now_set_context (ChamberLiveNow *self, ChamberLiveContext *context)
{
  g_return_if_fail (CHAMBER_IS_LIVE_NOW (self));

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_set_object (&self->context, context);
  if (context != NULL)
    g_signal_connect_object (context, "changed", G_CALLBACK (context_changed_cb), self,
                             G_CONNECT_SWAPPED);
  chamber_live_now_update (self);
}

const char *
chamber_live_now_get_anchor_text (ChamberLiveNow *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_NOW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->anchor_label))
           ? gtk_label_get_text (self->anchor_label) : "";
}

const char *
chamber_live_now_get_timer_text (ChamberLiveNow *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_NOW (self), NULL);
  return self->phase < 0 ? "" : gtk_label_get_text (self->timer_label);
}

int
chamber_live_now_get_phase (ChamberLiveNow *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_NOW (self), -1);
  return self->phase;
}

const char *
chamber_live_now_get_speaker_text (ChamberLiveNow *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_NOW (self), NULL);
  return self->phase < 0 ? "" : gtk_label_get_text (self->speaker_label);
}

GtkWidget *
chamber_live_now_get_timer_label (ChamberLiveNow *self)
{
  g_return_val_if_fail (CHAMBER_IS_LIVE_NOW (self), NULL);
  return GTK_WIDGET (self->timer_label);
}

GtkWidget *
chamber_live_now_new (void)
{
  return g_object_new (CHAMBER_TYPE_LIVE_NOW, NULL);
}

static void
chamber_live_now_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (chamber_live_now_parent_class)->map (widget);
  chamber_live_now_update (CHAMBER_LIVE_NOW (widget));
}

static void
chamber_live_now_unmap (GtkWidget *widget)
{
  ChamberLiveNow *self = CHAMBER_LIVE_NOW (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  GTK_WIDGET_CLASS (chamber_live_now_parent_class)->unmap (widget);
}

static void
chamber_live_now_dispose (GObject *object)
{
  ChamberLiveNow *self = CHAMBER_LIVE_NOW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (self->context, self);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), CHAMBER_TYPE_LIVE_NOW);
  /* The template's root box is not bound: it goes too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (chamber_live_now_parent_class)->dispose (object);
}

static void
chamber_live_now_class_init (ChamberLiveNowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_live_now_dispose;
  widget_class->map = chamber_live_now_map;
  widget_class->unmap = chamber_live_now_unmap;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chamber/Chamber/chamber-live-now.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveNow, stack);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveNow, idle_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveNow, last_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveNow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveNow, speaker_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveNow, speaker_title_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveNow, respondent_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveNow, topic_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveNow, anchor_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveNow, timer_label);
  gtk_widget_class_bind_template_child (widget_class, ChamberLiveNow, timer_caption);
}

static void
chamber_live_now_init (ChamberLiveNow *self)
{
  self->phase = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}
