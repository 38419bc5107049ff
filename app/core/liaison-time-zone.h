/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIAISON_FIRST_YEAR 1900
#define LIAISON_LAST_YEAR 2999

GTimeZone *liaison_time_zone_new (const char *name);
gboolean   liaison_time_zone_check (const char *name,
                                    GError    **error);
char      *liaison_time_zone_own (const char *chosen);
gboolean   liaison_time_zone_check_local (const char *zone,
                                          const char *local,
                                          GError    **error);

G_END_DECLS
