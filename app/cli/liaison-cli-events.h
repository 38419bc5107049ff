/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

int liaison_cli_events_add (LiaisonStore *store,
                            int           argc,
                            char        **argv);
int liaison_cli_events_edit (LiaisonStore *store,
                             int           argc,
                             char        **argv);
int liaison_cli_events_delete (LiaisonStore *store,
                               int           argc,
                               char        **argv);

G_END_DECLS
