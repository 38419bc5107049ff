/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Time zones to choose from: the member countries' first (China, then the
 * ASEAN states, Indonesia's three included), then every other country's. */
GPtrArray  *liaison_zones_list (guint *n_member_zones);
char       *liaison_zones_describe (const char *zone_id);
char       *liaison_zones_format_offset (int seconds);
GListModel *liaison_zones_model_new (guint *n_member_zones);

G_END_DECLS
