/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_SYNC_BANNER (liaison_sync_banner_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonSyncBanner, liaison_sync_banner, LIAISON, SYNC_BANNER, AdwBin)

void        liaison_sync_banner_set_context (LiaisonSyncBanner *self,
                                             LiaisonContext    *context);
gboolean    liaison_sync_banner_get_revealed (LiaisonSyncBanner *self);
const char *liaison_sync_banner_get_title (LiaisonSyncBanner *self);
GtkButton  *liaison_sync_banner_get_button (LiaisonSyncBanner *self);
void        liaison_sync_banner_set_reviewing (LiaisonSyncBanner *self,
                                               gboolean           reviewing);

G_END_DECLS
