/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-core.h"

static void
test_when (void)
{
  g_autoptr (LiaisonEvent) e = liaison_event_new (NULL);
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (liaison_uuid_is_valid (liaison_event_get_id (e)));
  g_assert_true (liaison_event_set_when (e, "2025-03-10T09:00", "2025-03-12T17:00", "Asia/Yangon", &error));
  g_assert_no_error (error);
  g_assert_cmpint (liaison_event_get_precision (e), ==, LIAISON_DATE_PRECISION_TIME);
  g_assert_cmpint (liaison_event_get_year (e), ==, 2025);
  g_assert_cmpint (liaison_event_get_month (e), ==, 3);

  /* 09:00 in Yangon (UTC+6:30) is 02:30 UTC and 10:30 in Beijing. */
  start = liaison_event_dup_start_date_time (e);
  utc = g_date_time_to_utc (start);
  g_assert_cmpint (g_date_time_get_hour (utc), ==, 2);
  g_assert_cmpint (g_date_time_get_minute (utc), ==, 30);
}

static void
test_precision (void)
{
  g_autoptr (LiaisonEvent) e = liaison_event_new (NULL);

  g_assert_true (liaison_event_set_when (e, "2019-09", NULL, NULL, NULL));
  g_assert_cmpint (liaison_event_get_precision (e), ==, LIAISON_DATE_PRECISION_MONTH);
  g_assert_cmpint (liaison_event_get_month (e), ==, 9);
  g_assert_true (liaison_event_set_when (e, "2015", "2016", NULL, NULL));
  g_assert_cmpint (liaison_event_get_precision (e), ==, LIAISON_DATE_PRECISION_YEAR);
  g_assert_cmpint (liaison_event_get_month (e), ==, 0);
  g_assert_true (liaison_event_set_when (e, "2024-09-10", "2024-09-12", NULL, NULL));
  g_assert_cmpint (liaison_event_get_precision (e), ==, LIAISON_DATE_PRECISION_DAY);
}

static void
test_bad_when (void)
{
  g_autoptr (LiaisonEvent) e = liaison_event_new (NULL);
  const struct
  {
    const char *start, *end, *tz;
  } bad[] = {
    { "2025-02-30", NULL, NULL },
    { "next tuesday", NULL, NULL },
    { "2025-03-10T09:00", NULL, NULL }, /* a time needs a zone */
    { "2025-03-10T09:00", NULL, "Mars/Olympus" },
    { "2025-03-10", "2025-03-09", NULL }, /* ends before it starts */
    { "2025-03-10T25:00", NULL, "Asia/Bangkok" },
  };

  g_assert_true (liaison_event_set_when (e, "2024-01-01", NULL, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (liaison_event_set_when (e, bad[i].start, bad[i].end, bad[i].tz, &error));
      g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      /* Nothing changed. */
      g_assert_cmpstr (liaison_event_get_start (e), ==, "2024-01-01");
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify (void)
{
  g_autoptr (LiaisonEvent) e = liaison_event_new (NULL);
  guint count = 0;

  g_signal_connect (e, "notify::kind", G_CALLBACK (count_notify), &count);
  liaison_event_set_kind (e, LIAISON_EVENT_KIND_FORUM);
  liaison_event_set_kind (e, LIAISON_EVENT_KIND_FORUM);
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (liaison_event_kind_label (LIAISON_EVENT_KIND_FORUM), ==, "Forum");
  g_assert_cmpstr (liaison_enum_to_nick (LIAISON_TYPE_EVENT_KIND, LIAISON_EVENT_KIND_TRAINING_COURSE), ==, "training-course");
  g_assert_finalize_object (g_steal_pointer (&e));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/event/when", test_when);
  g_test_add_func ("/liaison/event/precision", test_precision);
  g_test_add_func ("/liaison/event/bad-when", test_bad_when);
  g_test_add_func ("/liaison/event/notify", test_notify);

  return g_test_run ();
}
