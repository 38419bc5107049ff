/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-context.h"

G_BEGIN_DECLS

/* How the sync with the secretariat stands, in sentences for the sync
 * button's tooltip and popover and for Preferences. */

gboolean liaison_sync_status_is_configured (LiaisonContext *context);
char    *liaison_sync_status_title (LiaisonContext *context);
char    *liaison_sync_status_detail (LiaisonContext *context);
char    *liaison_sync_status_last_sync (GDateTime *last_sync);
char    *liaison_sync_status_error (LiaisonContext *context);
char    *liaison_sync_status_password (LiaisonContext *context);

G_END_DECLS
