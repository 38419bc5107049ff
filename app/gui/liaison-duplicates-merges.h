/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DUPLICATES_MERGES (liaison_duplicates_merges_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonDuplicatesMerges, liaison_duplicates_merges, LIAISON, DUPLICATES_MERGES, AdwBin)

void  liaison_duplicates_merges_show (LiaisonDuplicatesMerges *self,
                                      LiaisonContext          *context,
                                      const char              *participant_id);
guint liaison_duplicates_merges_get_n_merges (LiaisonDuplicatesMerges *self);

G_END_DECLS
