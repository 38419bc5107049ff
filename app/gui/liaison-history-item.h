/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "liaison-store.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_HISTORY_ITEM (liaison_history_item_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonHistoryItem, liaison_history_item, LIAISON, HISTORY_ITEM, GObject)

LiaisonHistoryItem        *liaison_history_item_new (const LiaisonHistoryEntry *entry);
const LiaisonHistoryEntry *liaison_history_item_get_entry (LiaisonHistoryItem *self);
const char                *liaison_history_item_get_title (LiaisonHistoryItem *self, LiaisonLanguage language);

G_END_DECLS
