/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-format.h"
#include "liaison-gui-format.h"

#include <string.h>

/* Dates as the interface language writes them: 2024年9月10日 in Chinese,
 * 10 September 2024 in English. Month names come from gettext, not from
 * LC_TIME, so a Chinese system with an English interface (or the reverse)
 * never mixes the two. */

const char *
liaison_gui_month_name (int month)
{
  static const char *names[] = {
    NC_ ("month", "January"),
    NC_ ("month", "February"),
    NC_ ("month", "March"),
    NC_ ("month", "April"),
    NC_ ("month", "May"),
    NC_ ("month", "June"),
    NC_ ("month", "July"),
    NC_ ("month", "August"),
    NC_ ("month", "September"),
    NC_ ("month", "October"),
    NC_ ("month", "November"),
    NC_ ("month", "December"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (NULL, "month", names[month - 1]);
}

/* Dates in the interface language, as the core writes them for documents
 * (app/core/liaison-format.c): one way to write a date in the whole app. */
char *
liaison_gui_format_month (int year,
                          int month)
{
  return liaison_format_month (year, month, liaison_language_for_locale ());
}

char *
liaison_gui_format_date (GDateTime *date_time)
{
  return liaison_format_date (date_time, liaison_language_for_locale ());
}

char *
liaison_gui_format_time (GDateTime *date_time)
{
  return liaison_format_time (date_time, liaison_language_for_locale ());
}

/* The date (or dates) of an event as written in the event's own zone. */
char *
liaison_gui_format_event_date (LiaisonEvent *event)
{
  LiaisonLanguage lang = liaison_language_for_locale ();
  g_autoptr (GDateTime) start = liaison_event_dup_start_date_time (event);
  g_autoptr (GDateTime) end = liaison_event_dup_end_date_time (event);

  switch (liaison_event_get_precision (event))
    {
    case LIAISON_DATE_PRECISION_YEAR:
      return liaison_format_year (liaison_event_get_year (event), lang);
    case LIAISON_DATE_PRECISION_MONTH:
      return liaison_format_month (liaison_event_get_year (event), liaison_event_get_month (event), lang);
    case LIAISON_DATE_PRECISION_DAY:
    case LIAISON_DATE_PRECISION_TIME:
    default:
      break;
    }
  if (start == NULL)
    return g_strdup (liaison_event_get_start (event));
  return liaison_format_date_range (start, end != NULL ? end : start, lang);
}

/* The cities that name the zones of China, the ASEAN members and the
 * partners met most, in the interface language; other zones are named by
 * their tz database city as it is. */
static const struct
{
  const char *zone;
  const char *city;
} zone_cities[] = {
  { "Asia/Shanghai", NC_ ("time zone city", "Shanghai") },
  { "Asia/Urumqi", NC_ ("time zone city", "Urumqi") },
  { "Asia/Hong_Kong", NC_ ("time zone city", "Hong Kong") },
  { "Asia/Macau", NC_ ("time zone city", "Macau") },
  { "Asia/Brunei", NC_ ("time zone city", "Brunei") },
  { "Asia/Jakarta", NC_ ("time zone city", "Jakarta") },
  { "Asia/Pontianak", NC_ ("time zone city", "Pontianak") },
  { "Asia/Makassar", NC_ ("time zone city", "Makassar") },
  { "Asia/Jayapura", NC_ ("time zone city", "Jayapura") },
  { "Asia/Phnom_Penh", NC_ ("time zone city", "Phnom Penh") },
  { "Asia/Vientiane", NC_ ("time zone city", "Vientiane") },
  { "Asia/Yangon", NC_ ("time zone city", "Yangon") },
  { "Asia/Kuala_Lumpur", NC_ ("time zone city", "Kuala Lumpur") },
  { "Asia/Kuching", NC_ ("time zone city", "Kuching") },
  { "Asia/Manila", NC_ ("time zone city", "Manila") },
  { "Asia/Singapore", NC_ ("time zone city", "Singapore") },
  { "Asia/Bangkok", NC_ ("time zone city", "Bangkok") },
  { "Asia/Ho_Chi_Minh", NC_ ("time zone city", "Ho Chi Minh City") },
  { "Asia/Dili", NC_ ("time zone city", "Dili") },
  { "Asia/Dhaka", NC_ ("time zone city", "Dhaka") },
  { "Asia/Kolkata", NC_ ("time zone city", "Kolkata") },
  { "Asia/Tokyo", NC_ ("time zone city", "Tokyo") },
  { "Asia/Seoul", NC_ ("time zone city", "Seoul") },
  { "Australia/Sydney", NC_ ("time zone city", "Sydney") },
  { "Europe/London", NC_ ("time zone city", "London") },
  { "Europe/Paris", NC_ ("time zone city", "Paris") },
  { "Europe/Berlin", NC_ ("time zone city", "Berlin") },
  { "America/New_York", NC_ ("time zone city", "New York") },
  { "UTC", NC_ ("time zone city", "UTC") },
};

char *
liaison_gui_format_zone_name (const char *zone_id)
{
  const char      *slash;
  g_autofree char *city = NULL;

  if (zone_id == NULL)
    return g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (zone_cities); i++)
    if (g_str_equal (zone_cities[i].zone, zone_id))
      return g_strdup (g_dpgettext2 (NULL, "time zone city", zone_cities[i].city));
  slash = strrchr (zone_id, '/');
  city = g_strdup (slash != NULL ? slash + 1 : zone_id);
  g_strdelimit (city, "_", ' ');
  return g_steal_pointer (&city);
}

/* When an event happens: its date and time in its own zone and, when that
 * differs, the same moment in the person's zone. */
char *
liaison_gui_format_event_when (LiaisonEvent *event,
                               GTimeZone    *user_zone)
{
  g_autofree char *date = liaison_gui_format_event_date (event);
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) mine = NULL;
  g_autofree char *time = NULL;
  g_autofree char *zone = NULL;

  if (liaison_event_get_precision (event) != LIAISON_DATE_PRECISION_TIME)
    return g_steal_pointer (&date);

  start = liaison_event_dup_start_date_time (event);
  if (start == NULL)
    return g_steal_pointer (&date);
  time = liaison_gui_format_time (start);
  zone = liaison_gui_format_zone_name (liaison_event_get_time_zone (event));
  mine = user_zone != NULL ? g_date_time_to_timezone (start, user_zone) : NULL;
  if (mine == NULL || g_date_time_get_utc_offset (mine) == g_date_time_get_utc_offset (start))
    /* Translators: “10 September 2025, 09:00 Yangon time” */
    return g_strdup_printf (_ ("%1$s, %2$s %3$s time"), date, time, zone);
  {
    g_autofree char *my_time = liaison_gui_format_time (mine);
    g_autofree char *my_date = liaison_gui_format_date (mine);

    if (g_date_time_get_day_of_year (mine) != g_date_time_get_day_of_year (start))
      /* Translators: “10 September 2025, 23:30 Yangon time (11 September 2025, 01:00 yours)” */
      return g_strdup_printf (_ ("%1$s, %2$s %3$s time (%4$s, %5$s yours)"), date, time, zone, my_date, my_time);
    /* Translators: “10 September 2025, 09:00 Yangon time (10:30 yours)” */
    return g_strdup_printf (_ ("%1$s, %2$s %3$s time (%4$s yours)"), date, time, zone, my_time);
  }
}

/* “5 minutes ago”, “yesterday”, or the date, for the journal's UTC times. */
char *
liaison_gui_format_relative (const char *utc_iso8601)
{
  g_autoptr (GDateTime) then = g_date_time_new_from_iso8601 (utc_iso8601, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GDateTime) local = NULL;
  GTimeSpan span;
  int       minutes;

  if (then == NULL)
    return g_strdup (utc_iso8601 != NULL ? utc_iso8601 : "");
  span = g_date_time_difference (now, then);
  minutes = (int) (span / G_TIME_SPAN_MINUTE);
  if (minutes < 1)
    return g_strdup (_ ("just now"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (NULL, "%d minute ago", "%d minutes ago", minutes), minutes);
  if (minutes < 24 * 60)
    return g_strdup_printf (g_dngettext (NULL, "%d hour ago", "%d hours ago", minutes / 60), minutes / 60);
  local = g_date_time_to_local (then);
  return liaison_gui_format_date (local);
}

/* A place and the larger place it is in (a city and its country, a venue
 * and its city), either of them possibly empty. */
char *
liaison_gui_format_place (const char *city,
                          const char *country)
{
  gboolean has_city = city != NULL && *city != '\0';
  gboolean has_country = country != NULL && *country != '\0';

  if (has_city && has_country)
    /* Translators: a place in a larger one, “Nanning, China”, “Guangxi
     * International Expo Centre, Nanning”; Chinese writes the larger first:
     * “%2$s%1$s” */
    return g_strdup_printf (C_ ("place", "%1$s, %2$s"), city, country);
  return g_strdup (has_city ? city : has_country ? country
                                                 : "");
}

/* A venue in its city, “Sedona Hotel Yangon, Yangon, Myanmar”; Chinese
 * writes the city first and sets the venue off with a separator, “缅甸仰光 ·
 * Sedona Hotel Yangon” (a Latin name run into Chinese reads as one word). */
char *
liaison_gui_format_venue_place (const char *venue,
                                const char *place)
{
  gboolean has_venue = venue != NULL && *venue != '\0';
  gboolean has_place = place != NULL && *place != '\0';

  if (has_venue && has_place)
    /* Translators: a venue in its city, “Sedona Hotel Yangon, Yangon,
     * Myanmar”; Chinese writes the city first, with a separator:
     * “%2$s · %1$s” */
    return g_strdup_printf (C_ ("venue in place", "%1$s, %2$s"), venue, place);
  return g_strdup (has_venue ? venue : has_place ? place
                                                 : "");
}

/* A place on the waitlist, “1st”, “2nd” (第1位). */
char *
liaison_gui_format_waitlist_place (guint place)
{
  guint tens = place % 100, units = place % 10;

  if (tens >= 11 && tens <= 13)
    units = 0;
  switch (units)
    {
    case 1:
      /* Translators: a place on the waitlist, “1st”, “21st”; Chinese “第%u位” */
      return g_strdup_printf (C_ ("waitlist place", "%ust"), place);
    case 2:
      /* Translators: a place on the waitlist, “2nd”, “22nd”; Chinese “第%u位” */
      return g_strdup_printf (C_ ("waitlist place", "%und"), place);
    case 3:
      /* Translators: a place on the waitlist, “3rd”, “23rd”; Chinese “第%u位” */
      return g_strdup_printf (C_ ("waitlist place", "%urd"), place);
    default:
      /* Translators: a place on the waitlist, “4th”, “11th”; Chinese “第%u位” */
      return g_strdup_printf (C_ ("waitlist place", "%uth"), place);
    }
}

/* Appends one part of a line of facts, “Workshop · 10 September · Nanning”. */
void
liaison_gui_append_part (GString    *text,
                         const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    /* Translators: between the parts of a line of facts, “Workshop · Nanning · Confirmed” */
    g_string_append (text, C_ ("list", " · "));
  g_string_append (text, part);
}

/* The heading of a column of the month view, in the interface language
 * rather than LC_TIME's (the two can differ: a Chinese interface on an
 * English system). */
const char *
liaison_gui_weekday_abbreviation (GDateWeekday weekday)
{
  static const char *names[] = {
    /* Translators: abbreviated weekdays, the headings of the month view */
    NC_ ("weekday", "Mon"),
    NC_ ("weekday", "Tue"),
    NC_ ("weekday", "Wed"),
    NC_ ("weekday", "Thu"),
    NC_ ("weekday", "Fri"),
    NC_ ("weekday", "Sat"),
    NC_ ("weekday", "Sun"),
  };

  g_return_val_if_fail (weekday >= G_DATE_MONDAY && weekday <= G_DATE_SUNDAY, "");
  return g_dpgettext2 (NULL, "weekday", names[weekday - 1]);
}
