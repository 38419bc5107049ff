/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

GPtrArray *liaison_store_list_upcoming_events (LiaisonStore *self,
                                               GDateTime    *now,
                                               guint         limit,
                                               GError      **error);
GPtrArray *liaison_store_list_unheld_events (LiaisonStore *self,
                                             GDateTime    *now,
                                             guint         limit,
                                             GError      **error);
gboolean   liaison_store_event_is_over (LiaisonEvent *event,
                                        GDateTime    *now);
gboolean   liaison_store_mark_event_held (LiaisonStore *self,
                                          const char   *event_id,
                                          LiaisonOrigin origin,
                                          GError      **error);
GPtrArray *liaison_store_list_recent_journal (LiaisonStore *self,
                                              guint         limit,
                                              GError      **error);

G_END_DECLS
