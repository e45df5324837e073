/* chamber-preferences-window.c — the Preferences window.
 *
 * Four settings, each bound to its key of org.chamber.Chamber: the language (the system's,
 * Vietnamese or English, applied when the app next starts since every string is translated
 * once), the style (the application follows the "color-scheme" key, see
 * chamber-application.c), dark pages in the dark style (the "invert-pages" key, bound to
 * every document view) and the space for the instant-open previews (the "preview-budget" key,
 * in MiB). A new budget is applied to the previews folders of every mirror on this computer
 * shortly after it changes (so that holding a spin button's arrow does not evict at each step),
 * on a worker thread, and the row shows the space they take then.
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chamber-connection.h"
#include "chamber-preferences-window.h"
#include "chamber-preview.h"
#include "chamber-settings.h"

#define BUDGET_DELAY_MS 800   /* a budget applied once it stayed this long */

struct _ChamberPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwComboRow *language_row;
  AdwComboRow *style_row;
  GtkSwitch   *invert_switch;
  AdwActionRow *budget_row;
  GtkSpinButton *budget_spin;

  GSettings   *settings;
  guint        budget_source;     /* the budget waiting to be applied, or 0 */
  GCancellable *budget_cancellable;
  guint        n_measured;   /* for the tests */
};

G_DEFINE_FINAL_TYPE (ChamberPreferencesWindow, chamber_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The "language" key ↔ the row's position in chamber_settings_languages. */
static gboolean
language_to_position (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *language = g_variant_get_string (variant, NULL);

  for (guint i = 0; chamber_settings_languages[i] != NULL; i++)
    if (g_str_equal (language, chamber_settings_languages[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_language (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) chamber_settings_languages))
    return NULL;
  return g_variant_new_string (chamber_settings_languages[position]);
}

/* The "color-scheme" key's nicks, in the order of the style row. */
static const char *const styles[] = { "default", "light", "dark", NULL };

static gboolean
style_to_position (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *style = g_variant_get_string (variant, NULL);

  for (guint i = 0; styles[i] != NULL; i++)
    if (g_str_equal (style, styles[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_style (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint position = g_value_get_uint (value);

  if (position >= G_N_ELEMENTS (styles) - 1)
    return NULL;
  return g_variant_new_string (styles[position]);
}

/* ---- the previews' budget ---------------------------------------------------------------- */

/* What a worker thread applies: a copy of the folders, and the budget in bytes. */
typedef struct {
  GPtrArray *dirs;
  guint64    budget;
  gboolean   apply;    /* FALSE: only measure */
} Budget;

static void
budget_free (Budget *budget)
{
  g_ptr_array_unref (budget->dirs);
  g_free (budget);
}

/* On a worker thread: evicts beyond the budget in each folder, and returns the bytes they take
 * then (a folder whose previews cannot all be removed keeps what is left, and is counted). */
static void
budget_thread (GTask *task, gpointer source_object, gpointer task_data,
               GCancellable *cancellable)
{
  Budget *budget = task_data;
  guint64 size = 0;

  for (guint i = 0; i < budget->dirs->len; i++)
    {
      const char *dir = g_ptr_array_index (budget->dirs, i);
      g_autoptr (GError) error = NULL;
      guint evicted = 0;

      if (budget->apply
          && !chamber_preview_enforce_budget (dir, budget->budget, NULL, &evicted, &error))
        g_warning ("The previews in %s are over their budget: %s", dir, error->message);
      size += chamber_preview_get_size (dir);
    }
  g_task_return_pointer (task, g_memdup2 (&size, sizeof size), g_free);
}

static void
show_previews_size (ChamberPreferencesWindow *self, guint64 size)
{
  g_autofree char *shown = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);
  /* TRANSLATORS: the space the instant-open previews take now, like “48.2 MiB in use now” */
  g_autofree char *subtitle = g_strdup_printf (_("%s in use now"), shown);

  adw_action_row_set_subtitle (self->budget_row, subtitle);
}

static void
budget_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GError) error = NULL;
  g_autofree guint64 *size = g_task_propagate_pointer (G_TASK (result), &error);
  ChamberPreferencesWindow *self = user_data;

  /* Cancelled: the window is gone (a budget it applied as it closed ran all the same). */
  if (size == NULL)
    return;
  show_previews_size (self, *size);
  self->n_measured++;
}

/* Applies the "preview-budget" key (@apply) or only measures the previews, on a worker thread;
 * the row shows their size when it is done. */
static void
run_budget (ChamberPreferencesWindow *self, gboolean apply)
{
  g_autoptr (GTask) task = NULL;
  Budget *budget = g_new0 (Budget, 1);

  budget->dirs = chamber_connection_list_preview_dirs ();
  budget->budget = (guint64) MAX (g_settings_get_int (self->settings, "preview-budget"), 0)
                   * 1024 * 1024;
  budget->apply = apply;
  task = g_task_new (NULL, self->budget_cancellable, budget_done_cb, self);
  g_task_set_source_tag (task, run_budget);
  g_task_set_task_data (task, budget, (GDestroyNotify) budget_free);
  g_task_set_check_cancellable (task, TRUE);
  g_task_run_in_thread (task, budget_thread);
}

static gboolean
apply_budget_cb (gpointer user_data)
{
  ChamberPreferencesWindow *self = user_data;

  self->budget_source = 0;
  run_budget (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
budget_changed_cb (ChamberPreferencesWindow *self)
{
  g_clear_handle_id (&self->budget_source, g_source_remove);
  self->budget_source = g_timeout_add (BUDGET_DELAY_MS, apply_budget_cb, self);
}

static void
chamber_preferences_window_constructed (GObject *object)
{
  ChamberPreferencesWindow *self = CHAMBER_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (chamber_preferences_window_parent_class)->constructed (object);

  g_settings_bind_with_mapping (self->settings, "language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_position,
                                position_to_language, NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_to_position, position_to_style,
                                NULL, NULL);
  g_settings_bind (self->settings, "invert-pages", self->invert_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "preview-budget",
                   gtk_spin_button_get_adjustment (self->budget_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::preview-budget",
                           G_CALLBACK (budget_changed_cb), self, G_CONNECT_SWAPPED);
  run_budget (self, FALSE);
}

static void
chamber_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  ChamberPreferencesWindow *self = CHAMBER_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
chamber_preferences_window_dispose (GObject *object)
{
  ChamberPreferencesWindow *self = CHAMBER_PREFERENCES_WINDOW (object);

  /* What runs ahead reports to no one now; a budget changed just before the window closed is
   * applied all the same. */
  if (self->budget_cancellable != NULL)
    g_cancellable_cancel (self->budget_cancellable);
  if (self->budget_source != 0 && self->settings != NULL)
    {
      g_clear_handle_id (&self->budget_source, g_source_remove);
      run_budget (self, TRUE);
    }
  g_clear_object (&self->budget_cancellable);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (chamber_preferences_window_parent_class)->dispose (object);
}

static void
chamber_preferences_window_class_init (ChamberPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = chamber_preferences_window_constructed;
  object_class->set_property = chamber_preferences_window_set_property;
  object_class->dispose = chamber_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/chamber/Chamber/chamber-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ChamberPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, ChamberPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, ChamberPreferencesWindow, invert_switch);
  gtk_widget_class_bind_template_child (widget_class, ChamberPreferencesWindow, budget_row);
  gtk_widget_class_bind_template_child (widget_class, ChamberPreferencesWindow, budget_spin);
}

static void
chamber_preferences_window_init (ChamberPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->budget_cancellable = g_cancellable_new ();
}

ChamberPreferencesWindow *
chamber_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (CHAMBER_TYPE_PREFERENCES_WINDOW, "settings", settings, NULL);
}

AdwComboRow *
chamber_preferences_window_get_language_row (ChamberPreferencesWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_PREFERENCES_WINDOW (self), NULL);

  return self->language_row;
}

AdwComboRow *
chamber_preferences_window_get_style_row (ChamberPreferencesWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_PREFERENCES_WINDOW (self), NULL);

  return self->style_row;
}

GtkSwitch *
chamber_preferences_window_get_invert_switch (ChamberPreferencesWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_PREFERENCES_WINDOW (self), NULL);

  return self->invert_switch;
}

GtkSpinButton *
chamber_preferences_window_get_budget_spin (ChamberPreferencesWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_PREFERENCES_WINDOW (self), NULL);

  return self->budget_spin;
}

AdwActionRow *
chamber_preferences_window_get_budget_row (ChamberPreferencesWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_PREFERENCES_WINDOW (self), NULL);

  return self->budget_row;
}

guint
chamber_preferences_window_get_n_measured (ChamberPreferencesWindow *self)
{
  g_return_val_if_fail (CHAMBER_IS_PREFERENCES_WINDOW (self), 0);

  return self->n_measured;
}
