/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

int liaison_cli_export (LiaisonStore *store,
                        int           argc,
                        char        **argv);
int liaison_cli_print (LiaisonStore *store,
                       int           argc,
                       char        **argv);

G_END_DECLS
