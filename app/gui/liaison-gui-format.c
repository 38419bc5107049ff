/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

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
    NC_ ("month", "January"), NC_ ("month", "February"), NC_ ("month", "March"),
    NC_ ("month", "April"), NC_ ("month", "May"), NC_ ("month", "June"),
    NC_ ("month", "July"), NC_ ("month", "August"), NC_ ("month", "September"),
    NC_ ("month", "October"), NC_ ("month", "November"), NC_ ("month", "December"),
  };

  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return g_dpgettext2 (NULL, "month", names[month - 1]);
}

/* Fills a translated pattern: {day}, {month} (the name), {month-number},
 * {year}. A pattern, not printf: Chinese needs the month's number, which
 * the English form does not use, and msgfmt refuses a translation that uses
 * an argument its original lacks. */
static char *
fill_pattern (const char *pattern,
              int         year,
              int         month,
              int         day)
{
  g_autoptr(GString) out = g_string_new (pattern);
  g_autofree char *y = g_strdup_printf ("%d", year);
  g_autofree char *m = g_strdup_printf ("%d", month);
  g_autofree char *d = g_strdup_printf ("%d", day);

  g_string_replace (out, "{year}", y, 0);
  g_string_replace (out, "{month-number}", m, 0);
  g_string_replace (out, "{month}", month >= 1 && month <= 12 ? liaison_gui_month_name (month) : "", 0);
  g_string_replace (out, "{day}", d, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
format_ymd (int year,
            int month,
            int day)
{
  /* Translators: how a date is written. Keep the words in braces:
   * {day}, {month} (its name), {month-number}, {year}; e.g. “{year}年{month-number}月{day}日” */
  return fill_pattern (_("{day} {month} {year}"), year, month, day);
}

char *
liaison_gui_format_month (int year,
                          int month)
{
  /* Translators: a month of a year. Keep the words in braces: {month} (its
   * name), {month-number}, {year}; e.g. “{year}年{month-number}月” */
  return fill_pattern (_("{month} {year}"), year, month, 1);
}

char *
liaison_gui_format_date (GDateTime *date_time)
{
  return format_ymd (g_date_time_get_year (date_time), g_date_time_get_month (date_time),
                     g_date_time_get_day_of_month (date_time));
}

char *
liaison_gui_format_time (GDateTime *date_time)
{
  return g_date_time_format (date_time, "%H:%M");
}

/* The date (or dates) of an event as written in the event's own zone. */
char *
liaison_gui_format_event_date (LiaisonEvent *event)
{
  g_autoptr(GDateTime) start = liaison_event_dup_start_date_time (event);
  g_autoptr(GDateTime) end = liaison_event_dup_end_date_time (event);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  switch (liaison_event_get_precision (event))
    {
    case LIAISON_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%d", liaison_event_get_year (event));
    case LIAISON_DATE_PRECISION_MONTH:
      return liaison_gui_format_month (liaison_event_get_year (event), liaison_event_get_month (event));
    case LIAISON_DATE_PRECISION_DAY:
    case LIAISON_DATE_PRECISION_TIME:
    default:
      break;
    }
  if (start == NULL)
    return g_strdup (liaison_event_get_start (event));
  first = liaison_gui_format_date (start);
  if (end == NULL || (g_date_time_get_year (end) == g_date_time_get_year (start)
                      && g_date_time_get_day_of_year (end) == g_date_time_get_day_of_year (start)))
    return g_steal_pointer (&first);
  last = liaison_gui_format_date (end);
  /* Translators: a range of dates, “10 September 2025 – 12 September 2025” */
  return g_strdup_printf (_("%1$s – %2$s"), first, last);
}

char *
liaison_gui_format_zone_name (const char *zone_id)
{
  const char *slash;
  g_autofree char *city = NULL;

  if (zone_id == NULL)
    return g_strdup ("");
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
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) mine = NULL;
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
    return g_strdup_printf (_("%1$s, %2$s %3$s time"), date, time, zone);
  {
    g_autofree char *my_time = liaison_gui_format_time (mine);
    g_autofree char *my_date = liaison_gui_format_date (mine);

    if (g_date_time_get_day_of_year (mine) != g_date_time_get_day_of_year (start))
      /* Translators: “10 September 2025, 23:30 Yangon time (11 September 2025, 01:00 yours)” */
      return g_strdup_printf (_("%1$s, %2$s %3$s time (%4$s, %5$s yours)"), date, time, zone, my_date, my_time);
    /* Translators: “10 September 2025, 09:00 Yangon time (10:30 yours)” */
    return g_strdup_printf (_("%1$s, %2$s %3$s time (%4$s yours)"), date, time, zone, my_time);
  }
}

/* “5 minutes ago”, “yesterday”, or the date, for the journal's UTC times. */
char *
liaison_gui_format_relative (const char *utc_iso8601)
{
  g_autoptr(GDateTime) then = g_date_time_new_from_iso8601 (utc_iso8601, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) local = NULL;
  GTimeSpan span;
  int minutes;

  if (then == NULL)
    return g_strdup (utc_iso8601 != NULL ? utc_iso8601 : "");
  span = g_date_time_difference (now, then);
  minutes = (int) (span / G_TIME_SPAN_MINUTE);
  if (minutes < 1)
    return g_strdup (_("just now"));
  if (minutes < 60)
    return g_strdup_printf (g_dngettext (NULL, "%d minute ago", "%d minutes ago", minutes), minutes);
  if (minutes < 24 * 60)
    return g_strdup_printf (g_dngettext (NULL, "%d hour ago", "%d hours ago", minutes / 60), minutes / 60);
  local = g_date_time_to_local (then);
  return liaison_gui_format_date (local);
}
