/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <string.h>

#include "liaison-event.h"
#include "liaison-format.h"

/* Dates, times and numbers written in a language chosen by the caller: the
 * interface language for what the person reads on screen, or a document's
 * own language, so an English report can come out of a Chinese interface.
 * That is why the month names below are data and not gettext messages: the
 * interface's translation must not leak into an English document. The
 * forms are those of CLDR for zh and en ("2024年9月10日", "10 September
 * 2024"), written out with GLib alone. */

static const char *english_months[] = {
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
};

/* Between two dates, and between two times. */
#define ZH_THROUGH "至"
#define EN_THROUGH " – "
#define TIME_DASH "–"

static const char *
month_name (int month)
{
  return month >= 1 && month <= 12 ? english_months[month - 1] : "?";
}

static char *
date_parts (int             year,
            int             month,
            int             day,
            LiaisonLanguage language)
{
  if (language == LIAISON_LANGUAGE_ZH)
    return g_strdup_printf ("%d年%d月%d日", year, month, day);
  return g_strdup_printf ("%d %s %d", day, month_name (month), year);
}

char *
liaison_format_date (GDateTime      *date,
                     LiaisonLanguage language)
{
  g_return_val_if_fail (date != NULL, NULL);

  return date_parts (g_date_time_get_year (date), g_date_time_get_month (date),
                     g_date_time_get_day_of_month (date), language);
}

char *
liaison_format_month (int             year,
                      int             month,
                      LiaisonLanguage language)
{
  if (language == LIAISON_LANGUAGE_ZH)
    return g_strdup_printf ("%d年%d月", year, month);
  return g_strdup_printf ("%s %d", month_name (month), year);
}

char *
liaison_format_year (int             year,
                     LiaisonLanguage language)
{
  if (language == LIAISON_LANGUAGE_ZH)
    return g_strdup_printf ("%d年", year);
  return g_strdup_printf ("%d", year);
}

/* "10–12 September 2024", "30 September – 2 October 2024"; in Chinese
 * the shared year and month are not repeated: "2024年9月10日至12日". */
static char *
day_range (int             y1,
           int             m1,
           int             d1,
           int             y2,
           int             m2,
           int             d2,
           LiaisonLanguage language)
{
  if (y1 == y2 && m1 == m2 && d1 == d2)
    return date_parts (y1, m1, d1, language);

  if (language == LIAISON_LANGUAGE_ZH)
    {
      if (y1 == y2 && m1 == m2)
        return g_strdup_printf ("%d年%d月%d日" ZH_THROUGH "%d日", y1, m1, d1, d2);
      if (y1 == y2)
        return g_strdup_printf ("%d年%d月%d日" ZH_THROUGH "%d月%d日", y1, m1, d1, m2, d2);
      return g_strdup_printf ("%d年%d月%d日" ZH_THROUGH "%d年%d月%d日", y1, m1, d1, y2, m2, d2);
    }

  if (y1 == y2 && m1 == m2)
    return g_strdup_printf ("%d" TIME_DASH "%d %s %d", d1, d2, month_name (m1), y1);
  if (y1 == y2)
    return g_strdup_printf ("%d %s" EN_THROUGH "%d %s %d", d1, month_name (m1), d2, month_name (m2), y1);
  return g_strdup_printf ("%d %s %d" EN_THROUGH "%d %s %d", d1, month_name (m1), y1, d2, month_name (m2), y2);
}

char *
liaison_format_date_range (GDateTime      *start,
                           GDateTime      *end,
                           LiaisonLanguage language)
{
  g_return_val_if_fail (start != NULL, NULL);

  if (end == NULL)
    return liaison_format_date (start, language);
  return day_range (g_date_time_get_year (start), g_date_time_get_month (start),
                    g_date_time_get_day_of_month (start), g_date_time_get_year (end),
                    g_date_time_get_month (end), g_date_time_get_day_of_month (end), language);
}

/* 24-hour clock in both languages, as CLDR gives for zh and en-GB. */
char *
liaison_format_time (GDateTime      *time,
                     LiaisonLanguage language)
{
  g_return_val_if_fail (time != NULL, NULL);

  return g_strdup_printf ("%02d:%02d", g_date_time_get_hour (time), g_date_time_get_minute (time));
}

/* "Asia/Yangon, UTC+06:30": the IANA name people configure and the offset
 * they compare; either alone is ambiguous (offsets change, names are not
 * known to everyone). */
char *
liaison_format_time_zone (GDateTime      *time,
                          const char     *zone_id,
                          LiaisonLanguage language)
{
  g_autofree char *offset = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  offset = g_date_time_format (time, "UTC%:z");
  if (zone_id == NULL || *zone_id == '\0')
    return g_steal_pointer (&offset);
  if (language == LIAISON_LANGUAGE_ZH)
    return g_strdup_printf ("%s，%s", zone_id, offset);
  return g_strdup_printf ("%s, %s", zone_id, offset);
}

static char *
wrap_zone (const char     *text,
           GDateTime      *time,
           const char     *zone_id,
           LiaisonLanguage language)
{
  g_autofree char *zone = liaison_format_time_zone (time, zone_id, language);

  if (language == LIAISON_LANGUAGE_ZH)
    return g_strdup_printf ("%s（%s）", text, zone);
  return g_strdup_printf ("%s (%s)", text, zone);
}

char *
liaison_format_time_with_zone (GDateTime      *time,
                               const char     *zone_id,
                               LiaisonLanguage language)
{
  g_autofree char *clock = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  clock = liaison_format_time (time, language);
  return wrap_zone (clock, time, zone_id, language);
}

/* Digits grouped by three with a comma: CLDR's pattern for both zh and en. */
static char *
group_digits (const char *digits)
{
  GString *s = g_string_new (NULL);
  gsize    len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

char *
liaison_format_integer (gint64          value,
                        LiaisonLanguage language)
{
  g_autofree char *digits = NULL;
  g_autofree char *grouped = NULL;
  guint64          magnitude = value < 0 ? (guint64) - (value + 1) + 1 : (guint64) value;

  digits = g_strdup_printf ("%" G_GUINT64_FORMAT, magnitude);
  grouped = group_digits (digits);
  return value < 0 ? g_strconcat ("-", grouped, NULL) : g_steal_pointer (&grouped);
}

char *
liaison_format_decimal (double          value,
                        guint           decimals,
                        LiaisonLanguage language)
{
  char             buf[G_ASCII_DTOSTR_BUF_SIZE + 64];
  g_autofree char *format = g_strdup_printf ("%%.%uf", MIN (decimals, 12));
  g_autofree char *grouped = NULL;
  const char      *digits;
  const char      *point;
  gboolean         negative;

  g_ascii_formatd (buf, sizeof buf, format, value);
  negative = buf[0] == '-';
  digits = negative ? buf + 1 : buf;
  point = strchr (digits, '.');
  {
    g_autofree char *whole = point ? g_strndup (digits, point - digits) : g_strdup (digits);
    grouped = group_digits (whole);
  }
  return g_strconcat (negative ? "-" : "", grouped, point ? point : "", NULL);
}

static char *
format_local (const char     *text,
              LiaisonLanguage language)
{
  LiaisonDatePrecision precision;
  int                  y, mo, d, h, mi;

  if (!liaison_parse_local_time (text, &precision, &y, &mo, &d, &h, &mi))
    return g_strdup (text != NULL ? text : "");
  switch (precision)
    {
    case LIAISON_DATE_PRECISION_YEAR:
      return liaison_format_year (y, language);
    case LIAISON_DATE_PRECISION_MONTH:
      return liaison_format_month (y, mo, language);
    case LIAISON_DATE_PRECISION_DAY:
      return date_parts (y, mo, d, language);
    case LIAISON_DATE_PRECISION_TIME:
    default:
      {
        g_autofree char *date = date_parts (y, mo, d, language);
        return g_strdup_printf (language == LIAISON_LANGUAGE_ZH ? "%s %02d:%02d" : "%s, %02d:%02d", date, h, mi);
      }
    }
}

static char *
join_range (const char     *start,
            const char     *end,
            LiaisonLanguage language)
{
  return g_strconcat (start, language == LIAISON_LANGUAGE_ZH ? ZH_THROUGH : EN_THROUGH, end, NULL);
}

/* When an event takes place, at the precision it is known to: "2019年9月",
 * "10–12 September 2024", "10 September 2024, 09:30–17:00 (Asia/Yangon,
 * UTC+06:30)". Times are the event's own wall-clock time in its zone. */
char *
liaison_format_event_when (LiaisonEvent   *event,
                           LiaisonLanguage language)
{
  const char          *start = liaison_event_get_start (event);
  const char          *end = liaison_event_get_end (event);
  LiaisonDatePrecision ps, pe;
  int                  y1, m1, d1, h1, mi1, y2, m2, d2, h2, mi2;
  g_autoptr (GDateTime) start_time = NULL;
  g_autofree char *text = NULL;

  if (!liaison_parse_local_time (start, &ps, &y1, &m1, &d1, &h1, &mi1))
    return g_strdup (start != NULL ? start : "");
  if (end == NULL || !liaison_parse_local_time (end, &pe, &y2, &m2, &d2, &h2, &mi2))
    text = format_local (start, language);
  else if (ps != pe)
    {
      g_autofree char *a = format_local (start, language);
      g_autofree char *b = format_local (end, language);
      text = join_range (a, b, language);
    }
  else
    switch (ps)
      {
      case LIAISON_DATE_PRECISION_YEAR:
        if (y1 == y2)
          text = liaison_format_year (y1, language);
        else if (language == LIAISON_LANGUAGE_ZH)
          text = g_strdup_printf ("%d年" ZH_THROUGH "%d年", y1, y2);
        else
          text = g_strdup_printf ("%d" TIME_DASH "%d", y1, y2);
        break;

      case LIAISON_DATE_PRECISION_MONTH:
        if (y1 == y2 && m1 == m2)
          text = liaison_format_month (y1, m1, language);
        else if (language == LIAISON_LANGUAGE_ZH)
          text = y1 == y2 ? g_strdup_printf ("%d年%d月" ZH_THROUGH "%d月", y1, m1, m2)
                          : g_strdup_printf ("%d年%d月" ZH_THROUGH "%d年%d月", y1, m1, y2, m2);
        else
          text = y1 == y2 ? g_strdup_printf ("%s" TIME_DASH "%s %d", month_name (m1), month_name (m2), y1)
                          : g_strdup_printf ("%s %d" EN_THROUGH "%s %d", month_name (m1), y1, month_name (m2), y2);
        break;

      case LIAISON_DATE_PRECISION_DAY:
        text = day_range (y1, m1, d1, y2, m2, d2, language);
        break;

      case LIAISON_DATE_PRECISION_TIME:
      default:
        if (y1 == y2 && m1 == m2 && d1 == d2)
          {
            g_autofree char *date = date_parts (y1, m1, d1, language);

            if (h1 == h2 && mi1 == mi2)
              text = format_local (start, language);
            else
              text = g_strdup_printf (language == LIAISON_LANGUAGE_ZH ? "%s %02d:%02d" TIME_DASH "%02d:%02d"
                                                                      : "%s, %02d:%02d" TIME_DASH "%02d:%02d",
                                      date, h1, mi1, h2, mi2);
          }
        else
          {
            g_autofree char *a = format_local (start, language);
            g_autofree char *b = format_local (end, language);
            text = join_range (a, b, language);
          }
        break;
      }

  if (ps != LIAISON_DATE_PRECISION_TIME || liaison_event_get_time_zone (event) == NULL)
    return g_steal_pointer (&text);

  start_time = liaison_event_dup_start_date_time (event);
  if (start_time == NULL)
    return g_steal_pointer (&text);
  return wrap_zone (text, start_time, liaison_event_get_time_zone (event), language);
}

/* Where an event is, in a document of one language: “Sedona Hotel Yangon,
 * Yangon, Myanmar”; Chinese goes from the larger to the smaller and sets
 * the venue off with a separator, “缅甸仰光 · Sedona Hotel Yangon”. Any
 * part may be missing. */
char *
liaison_format_place (const char     *venue,
                      const char     *city,
                      const char     *country,
                      LiaisonLanguage language)
{
  const char *parts[] = { venue, city, country };
  g_autoptr (GString) out = g_string_new (NULL);

  if (language == LIAISON_LANGUAGE_ZH)
    {
      if (country != NULL)
        g_string_append (out, country);
      if (city != NULL && g_strcmp0 (city, country) != 0)
        g_string_append (out, city);
      if (venue != NULL && *venue != '\0')
        g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", venue);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && *parts[i] != '\0')
      g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", parts[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
