/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIAISON_EXIT_OK = 0,
  LIAISON_EXIT_USAGE = 1,
  LIAISON_EXIT_DATA = 2,
} LiaisonExitStatus;

gboolean liaison_cli_wants (int    argc,
                            char **argv);
int      liaison_cli_run (int    argc,
                          char **argv);
char    *liaison_cli_take_database_option (int    *argc,
                                           char ***argv);
char    *liaison_cli_take_global_option (int        *argc,
                                         char     ***argv,
                                         const char *name);

G_END_DECLS
