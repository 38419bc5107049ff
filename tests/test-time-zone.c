/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-core.h"

static void
assert_not_a_zone (const char *name)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (liaison_time_zone_check (name, &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* What a person may give: an IANA name, nothing that is another zone (or
 * no zone) on another machine. The suite runs with fatal criticals, so a
 * name that made GLib read a file that is not a zone would abort here. */
static void
test_check (void)
{
  g_autoptr (GError) error = NULL;
  const char *zones[] = { "Asia/Yangon", "Asia/Shanghai", "America/Argentina/Buenos_Aires", "America/Port-au-Prince", "Etc/GMT+8", "UTC" };
  const char *not_zones[] = {
    "../../../etc/passwd",
    "../../etc/passwd",
    "/etc/localtime",
    "/etc/passwd",
    "+05:30",
    "UTC5",
    "EST5EDT,M3.2.0,M11.1.0",
    "Mars/Base",
    "posix/Asia/Yangon",
    "right/Asia/Yangon",
    "zone.tab",
    "tzdata.zi",
    "localtime",
    "",
    "Asia//Yangon",
    "Asia/../Asia/Yangon",
    ":Asia/Yangon",
    "asia/yangon\n",
    "Asia/Yangon ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_assert_true (liaison_time_zone_check (zones[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (not_zones); i++)
    assert_not_a_zone (not_zones[i]);
  assert_not_a_zone (NULL);
  assert_not_a_zone ("A\xff\xfe/B");
}

/* Reading what is stored never prints a critical either; what older
 * versions stored that is a zone still reads. */
static void
test_new (void)
{
  const char *never[] = { "../../../etc/passwd", "/etc/passwd", ":/etc/passwd", "zone.tab", "Asia/../../../etc/passwd", "", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (never); i++)
    g_assert_null (liaison_time_zone_new (never[i]));
  {
    g_autoptr (GTimeZone) tz = liaison_time_zone_new ("Asia/Yangon");
    g_assert_nonnull (tz);
  }
  {
    g_autoptr (GTimeZone) tz = liaison_time_zone_new ("+05:30");
    g_assert_nonnull (tz);
    g_assert_cmpint (g_time_zone_get_offset (tz, 0), ==, 5 * 3600 + 1800);
  }
}

static void
assert_skipped (const char *zone,
                const char *local,
                const char *from,
                const char *to)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *jump = g_strdup_printf ("from %s straight to %s", from, to);

  g_assert_false (liaison_time_zone_check_local (zone, local, &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, zone));
  g_assert_nonnull (strstr (error->message, jump));
}

static void
test_local (void)
{
  g_autoptr (GError) error = NULL;

  assert_skipped ("America/New_York", "2025-03-09T02:30", "02:00", "03:00");
  assert_skipped ("America/New_York", "2025-03-09T02:00", "02:00", "03:00");
  assert_skipped ("Europe/Berlin", "2025-03-30T02:59", "02:00", "03:00");
  /* Half an hour, on Lord Howe Island. */
  assert_skipped ("Australia/Lord_Howe", "2024-10-06T02:10", "02:00", "02:30");

  /* Around the gap, the hour that comes twice, dates, zones without DST. */
  g_assert_true (liaison_time_zone_check_local ("America/New_York", "2025-03-09T01:59", &error));
  g_assert_true (liaison_time_zone_check_local ("America/New_York", "2025-03-09T03:00", &error));
  g_assert_true (liaison_time_zone_check_local ("America/New_York", "2025-11-02T01:30", &error));
  g_assert_true (liaison_time_zone_check_local ("America/New_York", "2025-03-09", &error));
  g_assert_true (liaison_time_zone_check_local ("Asia/Yangon", "2025-03-09T02:30", &error));
  g_assert_true (liaison_time_zone_check_local ("Asia/Yangon", "not a time", &error));
  g_assert_no_error (error);
}

/* The years an event may have, and a message that says which when a date
 * of the right form falls outside them. */
static void
test_years (void)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  g_assert_true (liaison_event_set_when (event, "2999-12-31T23:59", NULL, "Asia/Yangon", &error));
  g_assert_true (liaison_event_set_when (event, "1900-01-01", NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (liaison_event_set_when (event, "9999-12-31T23:59", NULL, "Asia/Yangon", &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1900 to 2999"));
  g_clear_error (&error);
  g_assert_false (liaison_event_set_when (event, "2025-01-01", "3000-01-01", NULL, &error));
  g_assert_nonnull (strstr (error->message, "1900 to 2999"));
  g_clear_error (&error);
  /* Not a date at all: said so. */
  g_assert_false (liaison_event_set_when (event, "2025-02-30", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "not a date"));
  g_clear_error (&error);
  g_assert_false (liaison_event_set_when (event, "10000-01-01", NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "not a date"));
}

/* A date typed here follows the rules; one pulled from a server and left
 * as it was stays, whatever else changes. */
static void
test_event_when (void)
{
  g_autoptr (LiaisonEvent) pulled = liaison_event_new ("khal-Style-UID-1");
  g_autoptr (LiaisonEvent) edited = liaison_event_new ("khal-Style-UID-1");
  g_autoptr (GError) error = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (pulled), LIAISON_LANGUAGE_EN, "Meeting");
  g_assert_true (liaison_event_set_when (pulled, "2025-03-09T02:30", NULL, "America/New_York", &error));
  g_assert_false (liaison_event_check_when (pulled, &error));
  g_clear_error (&error);
  g_assert_false (liaison_event_check_changes (pulled, NULL, &error));
  g_clear_error (&error);

  liaison_bilingual_set_text (liaison_event_get_title (edited), LIAISON_LANGUAGE_EN, "Meeting");
  liaison_bilingual_set_text (liaison_event_get_title (edited), LIAISON_LANGUAGE_ZH, "会议");
  g_assert_true (liaison_event_set_when (edited, "2025-03-09T02:30", NULL, "America/New_York", &error));
  g_assert_true (liaison_event_check_changes (edited, pulled, &error));
  g_assert_no_error (error);

  g_assert_true (liaison_event_set_when (edited, "2025-03-09T02:45", NULL, "America/New_York", &error));
  g_assert_false (liaison_event_check_changes (edited, pulled, &error));
  g_clear_error (&error);
  g_assert_true (liaison_event_set_when (edited, "2025-03-09T02:30", NULL, "+05:30", &error));
  g_assert_false (liaison_event_check_changes (edited, pulled, &error));
  g_assert_nonnull (strstr (error->message, "IANA"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/time-zone/check", test_check);
  g_test_add_func ("/liaison/time-zone/new", test_new);
  g_test_add_func ("/liaison/time-zone/local", test_local);
  g_test_add_func ("/liaison/time-zone/years", test_years);
  g_test_add_func ("/liaison/time-zone/event-when", test_event_when);

  return g_test_run ();
}
