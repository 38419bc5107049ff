/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "liaison-slot.h"

G_BEGIN_DECLS

/* Positions kept for rows a view built: GTK 4.8's list views build up to
 * 200 rows around the top one shown (GTK_LIST_VIEW_MAX_LIST_ITEMS), two
 * more on each side, and two on each side of the focused row. */
#define LIAISON_SLOT_LIST_KEPT 210

#define LIAISON_TYPE_SLOT_LIST (liaison_slot_list_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonSlotList, liaison_slot_list, LIAISON, SLOT_LIST, GObject)

LiaisonSlotList *liaison_slot_list_new (GListModel *source);
GListModel      *liaison_slot_list_get_source (LiaisonSlotList *self);
gboolean         liaison_slot_list_is_kept (LiaisonSlotList *self,
                                            guint            position);

G_END_DECLS
