/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_DUPLICATES_WARNING (liaison_duplicates_warning_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonDuplicatesWarning, liaison_duplicates_warning, LIAISON, DUPLICATES_WARNING, AdwBin)

void  liaison_duplicates_warning_check (LiaisonDuplicatesWarning *self,
                                        LiaisonContext           *context,
                                        LiaisonParticipant       *person);
guint liaison_duplicates_warning_get_n_matches (LiaisonDuplicatesWarning *self);

G_END_DECLS
