/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "liaison-application.h"
#include "liaison-cli.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(LiaisonApplication) app = NULL;
  g_autofree char *database = NULL;
  const char *localedir = g_getenv ("LIAISON_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  database = liaison_cli_take_database_option (&argc, &argv);
  if (database != NULL)
    g_setenv ("LIAISON_DATABASE", database, TRUE);

  if (liaison_cli_wants (argc, argv))
    return liaison_cli_run (argc, argv);

  app = liaison_application_new (database);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
