/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_EVENT_PAGE (liaison_event_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonEventPage, liaison_event_page, LIAISON, EVENT_PAGE, AdwBin)

GtkWidget    *liaison_event_page_new (LiaisonContext *context);
void          liaison_event_page_set_event_id (LiaisonEventPage *self,
                                               const char       *id);
const char   *liaison_event_page_get_event_id (LiaisonEventPage *self);
LiaisonEvent *liaison_event_page_get_event (LiaisonEventPage *self);

G_END_DECLS
