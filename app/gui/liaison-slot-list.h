/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "liaison-slot.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SLOT_LIST (liaison_slot_list_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonSlotList, liaison_slot_list, LIAISON, SLOT_LIST, GObject)

LiaisonSlotList *liaison_slot_list_new (GListModel *source);
GListModel      *liaison_slot_list_get_source (LiaisonSlotList *self);

G_END_DECLS
