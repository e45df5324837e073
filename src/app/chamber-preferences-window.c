/* chamber-preferences-window.c — the Preferences window.
 *
 * Three settings, each bound to its key of org.chamber.Chamber: the language (the system's,
 * Vietnamese or English, applied when the app next starts since every string is translated
 * once), the style (the application follows the "color-scheme" key, see
 * chamber-application.c) and dark pages in the dark style (the "invert-pages" key, bound to
 * every document view).
 *
 * Copyright 2024 The Chamber authors
 * SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "chamber-preferences-window.h"
#include "chamber-settings.h"

struct _ChamberPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwComboRow *language_row;
  AdwComboRow *style_row;
  GtkSwitch   *invert_switch;

  GSettings   *settings;
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
}

static void
chamber_preferences_window_init (ChamberPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
