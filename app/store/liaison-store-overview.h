/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

GPtrArray *liaison_store_list_upcoming_events (LiaisonStore *self,
                                               GDateTime    *now,
                                               guint         limit,
                                               GError      **error);
GPtrArray *liaison_store_list_recent_journal (LiaisonStore *self,
                                              guint         limit,
                                              GError      **error);

G_END_DECLS
