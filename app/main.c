/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "liaison-application.h"
#include "liaison-cli.h"

/* The window's interface language and database file, as chosen in
 * Preferences. The command line keeps to its environment: scripts must not
 * change behaviour with someone's preferences. */
static void
apply_preferences (char **database)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *language = NULL;
  g_autofree char *file = NULL;

  schema = source != NULL ? g_settings_schema_source_lookup (source, "org.chinaaseanenv.Liaison", TRUE) : NULL;
  if (schema == NULL)
    return;
  settings = g_settings_new ("org.chinaaseanenv.Liaison");
  language = g_settings_get_string (settings, "interface-language");
  if (*language != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
  file = g_settings_get_string (settings, "database");
  if (*database == NULL && g_getenv ("LIAISON_DATABASE") == NULL && *file != '\0')
    *database = g_steal_pointer (&file);
}

/* "Restart Now" (Preferences, after the interface language changed):
 * the same program again, on the same database and view, in the language
 * now chosen. This process lets go of its D-Bus name first: a new process
 * that found it still owned would hand its activation to this one, which
 * is exiting, and no window would come. */
static void
restart (LiaisonApplication *app,
         const char         *start_language)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *database = liaison_application_dup_database_path (app);
  const char      *page = liaison_application_get_restart_page (app);
  /* The application unregistered when it returned (GLib releases its name
   * without waiting for the answer): ask again, and wait, on the same
   * connection, so the bus has let go of the name before the next run. */
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  const char *args[] = { exe, "--database", database, NULL };
  g_autoptr (GVariant) released = NULL;

  if (exe == NULL || database == NULL)
    return;
  /* The language this run was started with (not one it set itself, nor a
   * --language given for this run): Preferences' choice applies on top. */
  if (start_language != NULL)
    g_setenv ("LANGUAGE", start_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  if (page != NULL)
    g_setenv ("LIAISON_RESTART_PAGE", page, TRUE);
  /* The choice is on disk before the next run reads it. */
  g_settings_sync ();
  if (bus != NULL)
    {
      released = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                              "org.freedesktop.DBus", "ReleaseName",
                                              g_variant_new ("(s)", g_application_get_application_id (G_APPLICATION (app))),
                                              G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
      g_dbus_connection_flush_sync (bus, NULL, NULL);
    }
  /* The database closed (its last writes checkpointed) before the next run
   * opens it. */
  g_object_unref (app);
  execv (exe, (char **) args);
  {
    /* Translators: %s says why Liaison could not be started again */
    g_autofree char *message = g_strdup_printf (_ ("Liaison could not restart: %s. Start it again yourself."),
                                                g_strerror (errno));

    g_printerr ("%s\n", message);
    exit (1);
  }
}

int
main (int    argc,
      char **argv)
{
  LiaisonApplication *app = NULL;
  g_autofree char    *database = NULL;
  g_autofree char    *language = NULL;
  g_autofree char    *start_language = g_strdup (g_getenv ("LANGUAGE"));
  const char         *localedir = g_getenv ("LIAISON_LOCALEDIR");
  int                 status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  database = liaison_cli_take_database_option (&argc, &argv);
  /* The language of what Liaison writes, chosen apart from the interface's:
   * an English report from a Chinese desktop, and the reverse. Before any
   * message is translated. */
  language = liaison_cli_take_global_option (&argc, &argv, "--language");
  if (language != NULL)
    {
      if (g_str_has_prefix (language, "zh"))
        g_setenv ("LANGUAGE", "zh_CN", TRUE);
      else if (g_str_has_prefix (language, "en"))
        g_setenv ("LANGUAGE", "en", TRUE);
      else
        {
          g_autofree char *message = NULL;

          /* Translators: %s is what was given after --language */
          message = g_strdup_printf (_ ("Unknown language “%s”: give zh or en."), language);
          g_printerr ("%s\n", message);
          return 1;
        }
    }
  if (liaison_cli_wants (argc, argv))
    {
      if (database != NULL)
        g_setenv ("LIAISON_DATABASE", database, TRUE);
      return liaison_cli_run (argc, argv);
    }

  if (language == NULL)
    apply_preferences (&database);
  app = liaison_application_new (database);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  if (liaison_application_get_restart (app))
    restart (app, start_language); /* returns only when there is nothing to start */
  g_object_unref (app);
  return status;
}
