/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-preferences-window.h"
#include "liaison-sync-preferences.h"
#include "liaison-zones.h"

struct _LiaisonPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  LiaisonContext       *context;
  GListModel           *zones;
  GtkFileChooserNative *chooser;

  AdwComboRow            *zone_row;
  AdwComboRow            *weekday_row;
  AdwComboRow            *language_row;
  GtkLabel               *language_note;
  GtkButton              *restart_button;
  AdwActionRow           *database_row;
  GtkLabel               *database_note;
  AdwPreferencesPage     *sync_page;
  LiaisonSyncPreferences *sync_group;
};

G_DEFINE_FINAL_TYPE (LiaisonPreferencesWindow, liaison_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *weekdays[] = { "locale", "monday", "sunday", "saturday" };
static const char *languages[] = { "", "zh_CN", "en" };

static guint
index_of (const char *const *values,
          guint              n,
          const char        *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return 0;
}

static char *
zone_title (GtkStringObject *item)
{
  const char *id = gtk_string_object_get_string (item);

  if (*id == '\0')
    {
      g_autoptr (GTimeZone) local = g_time_zone_new_local ();
      g_autofree char *name = liaison_zones_describe (g_time_zone_get_identifier (local));

      /* Translators: %s is the system's time zone, e.g. “Shanghai, China (UTC+8)” */
      return g_strdup_printf (_ ("The System’s (%s)"), name);
    }
  return liaison_zones_describe (id);
}

static void
on_zone_selected (LiaisonPreferencesWindow *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->zone_row);

  if (item != NULL)
    g_settings_set_string (liaison_context_get_settings (self->context), "time-zone",
                           gtk_string_object_get_string (item));
}

static void
on_weekday_selected (LiaisonPreferencesWindow *self)
{
  g_settings_set_string (liaison_context_get_settings (self->context), "first-day-of-week",
                         weekdays[adw_combo_row_get_selected (self->weekday_row)]);
}

static void
on_language_selected (LiaisonPreferencesWindow *self)
{
  g_settings_set_string (liaison_context_get_settings (self->context), "interface-language",
                         languages[adw_combo_row_get_selected (self->language_row)]);
  gtk_widget_set_visible (GTK_WIDGET (self->language_note), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->restart_button), TRUE);
}

/* The application restarts itself (app.restart): this window is not the
 * application's, so its actions are not in reach of a plain action name. */
static void
on_restart_clicked (LiaisonPreferencesWindow *self)
{
  GApplication *app = g_application_get_default ();

  if (app != NULL && g_action_group_has_action (G_ACTION_GROUP (app), "restart"))
    g_action_group_activate_action (G_ACTION_GROUP (app), "restart", NULL);
}

static void
on_open_folder (LiaisonPreferencesWindow *self)
{
  const char      *path = liaison_store_get_path (liaison_context_get_store (self->context));
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GFile) file = g_file_new_for_path (dir);
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

static void
on_chooser_response (LiaisonPreferencesWindow *self,
                     int                       response)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *note = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
      path = g_file_get_path (file);
    }
  g_clear_object (&self->chooser);
  if (path == NULL)
    return;

  g_settings_set_string (liaison_context_get_settings (self->context), "database", path);
  /* Translators: %s is a file name */
  note = g_strdup_printf (_ ("Liaison opens %s the next time it starts (a new file gets the action plan and the "
                             "2011–2020 history)."),
                          path);
  gtk_label_set_label (self->database_note, note);
  gtk_widget_set_visible (GTK_WIDGET (self->database_note), TRUE);
}

static void
on_choose_database (LiaisonPreferencesWindow *self)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Liaison databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  /* Save mode: a new name makes a new database, an existing one opens. */
  self->chooser = gtk_file_chooser_native_new (_ ("Choose a Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Choose"), _ ("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "liaison.db");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
liaison_preferences_window_constructed (GObject *object)
{
  LiaisonPreferencesWindow *self = (LiaisonPreferencesWindow *) object;
  GSettings                *settings = liaison_context_get_settings (self->context);
  g_autofree char          *zone = g_settings_get_string (settings, "time-zone");
  g_autofree char          *weekday = g_settings_get_string (settings, "first-day-of-week");
  g_autofree char          *language = g_settings_get_string (settings, "interface-language");
  g_autoptr (GtkExpression) expression = NULL;
  GtkStringList *zones;
  guint          selected = 0;

  G_OBJECT_CLASS (liaison_preferences_window_parent_class)->constructed (object);

  /* The system's zone, then the member countries', then the rest. */
  zones = gtk_string_list_new ((const char *[]){ "", NULL });
  {
    g_autoptr (GListModel) all = liaison_zones_model_new (NULL);

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr (GtkStringObject) item = g_list_model_get_item (all, i);

        gtk_string_list_append (zones, gtk_string_object_get_string (item));
        if (g_strcmp0 (zone, gtk_string_object_get_string (item)) == 0)
          selected = i + 1;
      }
  }
  self->zones = G_LIST_MODEL (zones);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (zone_title), NULL, NULL);
  adw_combo_row_set_expression (self->zone_row, expression);
  adw_combo_row_set_model (self->zone_row, self->zones);
  adw_combo_row_set_selected (self->zone_row, selected);
  adw_combo_row_set_selected (self->weekday_row, index_of (weekdays, G_N_ELEMENTS (weekdays), weekday));
  adw_combo_row_set_selected (self->language_row, index_of (languages, G_N_ELEMENTS (languages), language));
  adw_action_row_set_subtitle (self->database_row, liaison_store_get_path (liaison_context_get_store (self->context)));

  g_signal_connect_object (self->zone_row, "notify::selected", G_CALLBACK (on_zone_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->weekday_row, "notify::selected", G_CALLBACK (on_weekday_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_row, "notify::selected", G_CALLBACK (on_language_selected), self,
                           G_CONNECT_SWAPPED);
  liaison_sync_preferences_set_context (self->sync_group, self->context);
}

static void
liaison_preferences_window_dispose (GObject *object)
{
  LiaisonPreferencesWindow *self = (LiaisonPreferencesWindow *) object;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->zones);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_preferences_window_parent_class)->dispose (object);
}

static void
liaison_preferences_window_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  LiaisonPreferencesWindow *self = (LiaisonPreferencesWindow *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_preferences_window_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  LiaisonPreferencesWindow *self = (LiaisonPreferencesWindow *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_preferences_window_class_init (LiaisonPreferencesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_preferences_window_constructed;
  object_class->dispose = liaison_preferences_window_dispose;
  object_class->get_property = liaison_preferences_window_get_property;
  object_class->set_property = liaison_preferences_window_set_property;

  properties[PROP_CONTEXT] =
      g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIAISON_TYPE_SYNC_PREFERENCES);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chinaaseanenv/Liaison/ui/liaison-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesWindow, zone_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesWindow, weekday_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesWindow, language_note);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesWindow, restart_button);
  gtk_widget_class_bind_template_callback (widget_class, on_restart_clicked);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesWindow, database_note);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesWindow, sync_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPreferencesWindow, sync_group);
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_database);
}

static void
liaison_preferences_window_init (LiaisonPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
liaison_preferences_window_new (LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_PREFERENCES_WINDOW, "context", context, NULL);
}

/* Shows the sync page with the field to fill in focused (the banner's
 * "Enter the Password Again"); before the window is presented. */
void
liaison_preferences_window_show_sync (LiaisonPreferencesWindow *self)
{
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), self->sync_page);
  liaison_sync_preferences_focus_password (self->sync_group);
}
