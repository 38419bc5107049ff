/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DUPLICATES_MERGE (liaison_duplicates_merge_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonDuplicatesMerge, liaison_duplicates_merge, LIAISON, DUPLICATES_MERGE, AdwWindow)

LiaisonDuplicatesMerge *liaison_duplicates_merge_new (LiaisonContext    *context,
                                                      const char *const *ids);
const char             *liaison_duplicates_merge_get_survivor (LiaisonDuplicatesMerge *self);

G_END_DECLS
