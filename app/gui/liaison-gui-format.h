/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "liaison-core.h"

G_BEGIN_DECLS

char       *liaison_gui_format_date (GDateTime *date_time);
char       *liaison_gui_format_month (int year,
                                      int month);
char       *liaison_gui_format_time (GDateTime *date_time);
char       *liaison_gui_format_event_date (LiaisonEvent *event);
char       *liaison_gui_format_event_when (LiaisonEvent *event,
                                           GTimeZone    *user_zone);
char       *liaison_gui_format_zone_name (const char *zone_id);
char       *liaison_gui_format_relative (const char *utc_iso8601);
const char *liaison_gui_month_name (int month);
char       *liaison_gui_format_place (const char *city,
                                      const char *country);
char       *liaison_gui_format_venue_place (const char *venue,
                                            const char *place);
char       *liaison_gui_format_waitlist_place (guint place);
void        liaison_gui_append_part (GString    *text,
                                     const char *part);
const char *liaison_gui_weekday_abbreviation (GDateWeekday weekday);

G_END_DECLS
