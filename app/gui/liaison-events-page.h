/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_EVENTS_PAGE (liaison_events_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonEventsPage, liaison_events_page, LIAISON, EVENTS_PAGE, AdwBin)

GtkWidget  *liaison_events_page_new (LiaisonContext *context);
void        liaison_events_page_show_event (LiaisonEventsPage *self,
                                            const char        *id);
void        liaison_events_page_new_event (LiaisonEventsPage *self,
                                           const char        *activity);
const char *liaison_events_page_get_shown_event (LiaisonEventsPage *self);
void        liaison_events_page_filter_activity (LiaisonEventsPage *self,
                                                 const char        *activity);

G_END_DECLS
