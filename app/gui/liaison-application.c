/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "liaison-about.h"
#include "liaison-application.h"
#include "liaison-gui-resources.h"
#include "liaison-preferences-window.h"
#include "liaison-window.h"

struct _LiaisonApplication
{
  AdwApplication parent_instance;

  char           *database_path;
  LiaisonContext *context;
  GError         *open_error;
  gboolean        restart;
  char           *restart_page;
};

G_DEFINE_FINAL_TYPE (LiaisonApplication, liaison_application, ADW_TYPE_APPLICATION)

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  LiaisonApplication *self = user_data;
  GtkWindow          *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char         *developers[] = { "China-ASEAN Environmental Cooperation Center", NULL };
  g_autoptr (GError) error = NULL;
  GtkWidget *about;

  /* Name, summary, website, licence and release notes from the metainfo. */
  about = liaison_about_window_new ("/org/chinaaseanenv/Liaison/about.metainfo.xml", &error);
  if (about == NULL)
    {
      g_critical ("The metainfo in the resources is unreadable: %s", error->message);
      return;
    }
  gtk_window_set_transient_for (GTK_WINDOW (about), window);
  g_object_set (about,
                "application-icon", "org.chinaaseanenv.Liaison",
                "version", PACKAGE_VERSION,
                "developers", developers,
                /* Translators: put your names here, one per line */
                "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  LiaisonApplication *self = user_data;
  GtkWindow          *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow          *preferences;

  if (self->context == NULL)
    return;
  preferences = GTK_WINDOW (liaison_preferences_window_new (self->context));
  gtk_window_set_transient_for (preferences, window);
  gtk_window_present (preferences);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

/* "Restart Now" after the interface language changed: quit, and main ()
 * starts Liaison again on the same database and view (it asks
 * liaison_application_get_restart once the application has returned). */
static void
restart_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  LiaisonApplication *self = user_data;
  GtkWindow          *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GList              *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* The main window, even when Preferences is the active one. */
  for (GList *l = windows; l != NULL && !LIAISON_IS_WINDOW (window); l = l->next)
    window = l->data;
  g_clear_pointer (&self->restart_page, g_free);
  if (LIAISON_IS_WINDOW (window))
    self->restart_page = g_strdup (liaison_window_get_visible_page (LIAISON_WINDOW (window)));
  self->restart = TRUE;
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
  { "restart", restart_action },
};

static void
on_error_response (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
show_open_error (LiaisonApplication *self)
{
  AdwMessageDialog *dialog;

  /* A window of its own: the database could not be opened, so there is no main window. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _ ("The database cannot be opened"),
                                                       self->open_error->message));
  adw_message_dialog_add_response (dialog, "quit", _ ("_Quit"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_error_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Sync with the secretariat: at start, then every sync-interval-minutes
 * (the engine's timer), while sync-automatically is on and a server is set
 * up. */
static void
update_automatic_sync (LiaisonApplication *self)
{
  GSettings       *settings = liaison_context_get_settings (self->context);
  g_autofree char *url = g_settings_get_string (settings, "server-url");
  g_autofree char *user = g_settings_get_string (settings, "username");
  gboolean         on = g_settings_get_boolean (settings, "sync-automatically") && *url != '\0' && *user != '\0';

  liaison_sync_engine_set_automatic (liaison_context_get_sync_engine (self->context), on);
}

static void
liaison_application_startup (GApplication *app)
{
  LiaisonApplication *self = LIAISON_APPLICATION (app);
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GSettings) settings = NULL;
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };
  const char *help_accels[] = { "<Control>question", NULL };

  liaison_gui_register_resource ();

  G_APPLICATION_CLASS (liaison_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", help_accels);

  store = liaison_store_open (self->database_path, &self->open_error);
  if (store == NULL)
    return;

  settings = g_settings_new ("org.chinaaseanenv.Liaison");
  self->context = liaison_context_new (store, settings);

  g_signal_connect_object (settings, "changed::sync-automatically", G_CALLBACK (update_automatic_sync), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::server-url", G_CALLBACK (update_automatic_sync), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::username", G_CALLBACK (update_automatic_sync), self,
                           G_CONNECT_SWAPPED);
  update_automatic_sync (self);
}

/* bench/bench-startup.py: the time of the first painted frame, on the
 * clock the benchmark reads before exec, then quit. */
static void
on_first_paint (GdkFrameClock *clock,
                GApplication  *app)
{
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_first_paint, app);
  g_application_quit (app);
}

static void
on_window_realized (GtkWidget    *window,
                    GApplication *app)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (on_first_paint), app, 0);
}

static void
liaison_application_activate (GApplication *app)
{
  LiaisonApplication *self = LIAISON_APPLICATION (app);
  GtkWindow          *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->open_error != NULL)
    {
      show_open_error (self);
      return;
    }

  if (window == NULL)
    {
      const char *page = g_getenv ("LIAISON_RESTART_PAGE");

      window = GTK_WINDOW (liaison_window_new (ADW_APPLICATION (self), self->context));
      if (g_getenv ("LIAISON_EXIT_AFTER_FIRST_FRAME") != NULL)
        g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realized), self, 0);
      /* Restarted in another language: back on the view it was showing. */
      if (page != NULL)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", page);
          g_unsetenv ("LIAISON_RESTART_PAGE");
        }
    }
  gtk_window_present (window);
}

static void
liaison_application_finalize (GObject *object)
{
  LiaisonApplication *self = (LiaisonApplication *) object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->database_path, g_free);
  g_clear_pointer (&self->restart_page, g_free);
  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (liaison_application_parent_class)->finalize (object);
}

static void
liaison_application_class_init (LiaisonApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = liaison_application_finalize;
  app_class->startup = liaison_application_startup;
  app_class->activate = liaison_application_activate;
}

static void
liaison_application_init (LiaisonApplication *self)
{
}

LiaisonApplication *
liaison_application_new (const char *database_path)
{
  LiaisonApplication *self;

  self = g_object_new (LIAISON_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/chinaaseanenv/Liaison",
                       NULL);
  self->database_path = g_strdup (database_path);
  return self;
}

/* Whether "Restart Now" ended the run: main () then starts Liaison again. */
gboolean
liaison_application_get_restart (LiaisonApplication *self)
{
  return self->restart;
}

/* The view the window showed when "Restart Now" was chosen, or NULL. */
const char *
liaison_application_get_restart_page (LiaisonApplication *self)
{
  return self->restart_page;
}

/* The database open now (the one given, else the default). */
char *
liaison_application_dup_database_path (LiaisonApplication *self)
{
  if (self->context != NULL)
    return g_strdup (liaison_store_get_path (liaison_context_get_store (self->context)));
  return g_strdup (self->database_path);
}
