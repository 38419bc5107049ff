/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* First-run content, written through the store's public API only:
 * liaison_store_open calls these, in transactions of its own, when the file
 * lacks the content. The plan and the history are read from data/ in the
 * store's resource, the programmes from core. */
gboolean liaison_seed_load_plan (LiaisonStore *store,
                                 GResource    *resource,
                                 GError      **error);
gboolean liaison_seed_load_history (LiaisonStore *store,
                                    GResource    *resource,
                                    GError      **error);
gboolean liaison_seed_load_programmes (LiaisonStore *store,
                                       GError      **error);

G_END_DECLS
