/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* The organiser's hand on an event's waitlist: a person moved to another
 * place on it, or given a place (asked first when the event is full). The
 * view asks its window for the toasts. */
void liaison_event_waitlist_move (GtkWidget    *view,
                                  LiaisonStore *store,
                                  const char   *registration_id,
                                  guint         place);
void liaison_event_waitlist_promote (GtkWidget    *view,
                                     LiaisonStore *store,
                                     const char   *registration_id);

/* A past event still planned marked held (through the store's save and
 * its journal), with a toast that undoes it. */
void liaison_event_mark_held (GtkWidget    *view,
                              LiaisonStore *store,
                              const char   *event_id);

G_END_DECLS
