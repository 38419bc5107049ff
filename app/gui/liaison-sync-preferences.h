/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SYNC_PREFERENCES (liaison_sync_preferences_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonSyncPreferences, liaison_sync_preferences, LIAISON, SYNC_PREFERENCES, AdwPreferencesGroup)

void liaison_sync_preferences_set_context (LiaisonSyncPreferences *self,
                                           LiaisonContext         *context);
void liaison_sync_preferences_focus_password (LiaisonSyncPreferences *self);

G_END_DECLS
