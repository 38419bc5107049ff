/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* participants duplicates, merge, unmerge (liaison-cli-duplicates.c) */
int liaison_cli_participants_duplicates (LiaisonStore *store,
                                         int           argc,
                                         char        **argv);
int liaison_cli_participants_merge (LiaisonStore *store,
                                    int           argc,
                                    char        **argv);
int liaison_cli_participants_unmerge (LiaisonStore *store,
                                      int           argc,
                                      char        **argv);

G_END_DECLS
