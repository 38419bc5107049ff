/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "liaison-store-merge.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DUPLICATES_ITEM (liaison_duplicates_item_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonDuplicatesItem, liaison_duplicates_item, LIAISON, DUPLICATES_ITEM, GObject)

LiaisonDuplicatesItem      *liaison_duplicates_item_new (LiaisonDuplicatePair *pair);
const LiaisonDuplicatePair *liaison_duplicates_item_get_pair (LiaisonDuplicatesItem *self);
gboolean                    liaison_duplicates_item_involves (LiaisonDuplicatesItem *self,
                                                              const char            *participant_id);

G_END_DECLS
