/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_SLOT (liaison_slot_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonSlot, liaison_slot, LIAISON, SLOT, GObject)

LiaisonSlot *liaison_slot_new (GListModel *source, guint position);
guint        liaison_slot_get_position (LiaisonSlot *self);
gpointer     liaison_slot_get_item (LiaisonSlot *self);
void         liaison_slot_forget (LiaisonSlot *self);

G_END_DECLS
