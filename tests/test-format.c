/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-core.h"

#define ZH LIAISON_LANGUAGE_ZH
#define EN LIAISON_LANGUAGE_EN

static void
assert_format (char       *text,
               const char *expected)
{
  g_assert_cmpstr (text, ==, expected);
  g_free (text);
}

static GDateTime *
local (const char *zone,
       int         y,
       int         mo,
       int         d,
       int         h,
       int         mi)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (zone);

  g_assert_nonnull (tz);
  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

static void
test_dates (void)
{
  g_autoptr (GDateTime) day = local ("Asia/Shanghai", 2024, 9, 10, 9, 30);

  assert_format (liaison_format_date (day, ZH), "2024年9月10日");
  assert_format (liaison_format_date (day, EN), "10 September 2024");
  assert_format (liaison_format_month (2019, 9, ZH), "2019年9月");
  assert_format (liaison_format_month (2019, 9, EN), "September 2019");
  assert_format (liaison_format_year (2015, ZH), "2015年");
  assert_format (liaison_format_year (2015, EN), "2015");
}

static void
test_ranges (void)
{
  g_autoptr (GDateTime) a = local ("Asia/Shanghai", 2024, 9, 10, 0, 0);
  g_autoptr (GDateTime) b = local ("Asia/Shanghai", 2024, 9, 12, 0, 0);
  g_autoptr (GDateTime) c = local ("Asia/Shanghai", 2024, 10, 2, 0, 0);
  g_autoptr (GDateTime) d = local ("Asia/Shanghai", 2025, 1, 2, 0, 0);

  assert_format (liaison_format_date_range (a, b, ZH), "2024年9月10日至12日");
  assert_format (liaison_format_date_range (a, b, EN), "10–12 September 2024");
  assert_format (liaison_format_date_range (a, c, ZH), "2024年9月10日至10月2日");
  assert_format (liaison_format_date_range (a, c, EN), "10 September – 2 October 2024");
  assert_format (liaison_format_date_range (a, d, ZH), "2024年9月10日至2025年1月2日");
  assert_format (liaison_format_date_range (a, d, EN), "10 September 2024 – 2 January 2025");
  assert_format (liaison_format_date_range (a, a, EN), "10 September 2024");
  assert_format (liaison_format_date_range (a, NULL, ZH), "2024年9月10日");
}

static void
test_times (void)
{
  g_autoptr (GDateTime) yangon = local ("Asia/Yangon", 2025, 11, 4, 9, 30);
  g_autoptr (GDateTime) jakarta = local ("Asia/Jakarta", 2025, 11, 4, 17, 5);

  assert_format (liaison_format_time (yangon, ZH), "09:30");
  assert_format (liaison_format_time (jakarta, EN), "17:05");
  assert_format (liaison_format_time_with_zone (yangon, "Asia/Yangon", EN), "09:30 (Asia/Yangon, UTC+06:30)");
  assert_format (liaison_format_time_with_zone (yangon, "Asia/Yangon", ZH), "09:30（Asia/Yangon，UTC+06:30）");
  assert_format (liaison_format_time_zone (jakarta, NULL, EN), "UTC+07:00");
}

static void
test_numbers (void)
{
  assert_format (liaison_format_integer (0, EN), "0");
  assert_format (liaison_format_integer (999, ZH), "999");
  assert_format (liaison_format_integer (1000, EN), "1,000");
  assert_format (liaison_format_integer (1234567, ZH), "1,234,567");
  assert_format (liaison_format_integer (-100000, EN), "-100,000");
  assert_format (liaison_format_integer (G_MININT64, EN), "-9,223,372,036,854,775,808");
  assert_format (liaison_format_decimal (3500000, 0, ZH), "3,500,000");
  assert_format (liaison_format_decimal (1234.5, 2, EN), "1,234.50");
  assert_format (liaison_format_decimal (-1234.56, 1, EN), "-1,234.6");
}

static void
assert_event (const char *start,
              const char *end,
              const char *zone,
              const char *zh,
              const char *en)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (liaison_event_set_when (event, start, end, zone, &error));
  g_assert_no_error (error);
  assert_format (liaison_format_event_when (event, ZH), zh);
  assert_format (liaison_format_event_when (event, EN), en);
}

static void
test_event_when (void)
{
  assert_event ("2019-09", NULL, NULL, "2019年9月", "September 2019");
  assert_event ("2015", "2016", NULL, "2015年至2016年", "2015–2016");
  assert_event ("2024-09-10", "2024-09-12", NULL, "2024年9月10日至12日", "10–12 September 2024");
  assert_event ("2025-11-04T09:30", "2025-11-04T17:00", "Asia/Yangon",
                "2025年11月4日 09:30–17:00（Asia/Yangon，UTC+06:30）",
                "4 November 2025, 09:30–17:00 (Asia/Yangon, UTC+06:30)");
  assert_event ("2025-11-04T09:30", "2025-11-05T17:00", "Asia/Yangon",
                "2025年11月4日 09:30至2025年11月5日 17:00（Asia/Yangon，UTC+06:30）",
                "4 November 2025, 09:30 – 5 November 2025, 17:00 (Asia/Yangon, UTC+06:30)");
  assert_event ("2025-11-04T09:30", NULL, "Asia/Jakarta",
                "2025年11月4日 09:30（Asia/Jakarta，UTC+07:00）",
                "4 November 2025, 09:30 (Asia/Jakarta, UTC+07:00)");
}

/* The document language is independent of the interface: an English
 * date from a Chinese interface stays English. */
static void
test_independent_of_interface (void)
{
  g_autoptr (GDateTime) day = local ("Asia/Shanghai", 2024, 9, 10, 0, 0);
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  assert_format (liaison_format_date (day, EN), "10 September 2024");
  g_setenv ("LANGUAGE", "en", TRUE);
  assert_format (liaison_format_date (day, ZH), "2024年9月10日");
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/format/dates", test_dates);
  g_test_add_func ("/liaison/format/ranges", test_ranges);
  g_test_add_func ("/liaison/format/times", test_times);
  g_test_add_func ("/liaison/format/numbers", test_numbers);
  g_test_add_func ("/liaison/format/event-when", test_event_when);
  g_test_add_func ("/liaison/format/independent-of-interface", test_independent_of_interface);

  return g_test_run ();
}
