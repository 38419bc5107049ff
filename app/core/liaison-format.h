/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "liaison-types.h"

G_BEGIN_DECLS

char *liaison_format_date (GDateTime      *date,
                           LiaisonLanguage language);
char *liaison_format_month (int             year,
                            int             month,
                            LiaisonLanguage language);
char *liaison_format_year (int             year,
                           LiaisonLanguage language);
char *liaison_format_date_range (GDateTime      *start,
                                 GDateTime      *end,
                                 LiaisonLanguage language);
char *liaison_format_time (GDateTime      *time,
                           LiaisonLanguage language);
char *liaison_format_time_zone (GDateTime      *time,
                                const char     *zone_id,
                                LiaisonLanguage language);
char *liaison_format_time_with_zone (GDateTime      *time,
                                     const char     *zone_id,
                                     LiaisonLanguage language);
char *liaison_format_integer (gint64          value,
                              LiaisonLanguage language);
char *liaison_format_decimal (double          value,
                              guint           decimals,
                              LiaisonLanguage language);
char *liaison_format_event_when (LiaisonEvent   *event,
                                 LiaisonLanguage language);
char *liaison_format_place (const char     *venue,
                            const char     *city,
                            const char     *country,
                            LiaisonLanguage language);

G_END_DECLS
