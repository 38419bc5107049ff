/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

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

int
main (int    argc,
      char **argv)
{
  g_autoptr (LiaisonApplication) app = NULL;
  g_autofree char *database = NULL;
  g_autofree char *language = NULL;
  const char      *localedir = g_getenv ("LIAISON_LOCALEDIR");

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
  return g_application_run (G_APPLICATION (app), argc, argv);
}
