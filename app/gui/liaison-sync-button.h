/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SYNC_BUTTON (liaison_sync_button_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonSyncButton, liaison_sync_button, LIAISON, SYNC_BUTTON, AdwBin)

void        liaison_sync_button_set_context (LiaisonSyncButton *self,
                                             LiaisonContext    *context);
const char *liaison_sync_button_get_status (LiaisonSyncButton *self);

G_END_DECLS
