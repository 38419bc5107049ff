/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "liaison-core.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_EVENT_ITEM (liaison_event_item_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonEventItem, liaison_event_item, LIAISON, EVENT_ITEM, GObject)

/* One row of the events list: a month's heading, or an event. */
LiaisonEventItem *liaison_event_item_new_heading (const char *heading);
LiaisonEventItem *liaison_event_item_new_event (LiaisonEvent *event);
gboolean          liaison_event_item_is_heading (LiaisonEventItem *self);
LiaisonEvent     *liaison_event_item_get_event (LiaisonEventItem *self);
const char       *liaison_event_item_get_title (LiaisonEventItem *self);
const char       *liaison_event_item_get_details (LiaisonEventItem *self);

G_END_DECLS
