/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-core.h"

typedef struct
{
  const char            *text;
  const char            *years;
  int                    start_year;
  gboolean               every_year;
  gboolean               tentative;
  LiaisonScheduleAnomaly anomaly;
} Case;

/* Every schedule string of the seed's section 6, as written there. */
static const Case seed_cases[] = {
  { "每年一次", "2021, 2022, 2023, 2024, 2025", 0, TRUE, FALSE, LIAISON_SCHEDULE_OK },
  { "2022, 2024", "2022, 2024", 0, FALSE, FALSE, LIAISON_SCHEDULE_OK },
  { "2021, 2023, 2025", "2021, 2023, 2025", 0, FALSE, FALSE, LIAISON_SCHEDULE_OK },
  { "2021-2025", "2021, 2022, 2023, 2024, 2025", 0, FALSE, FALSE, LIAISON_SCHEDULE_OK },
  { "2020-2015, 2020 年启动 (计划)", "", 2020, FALSE, TRUE, LIAISON_SCHEDULE_INVERTED_RANGE },
  { "2020-2025, 2020 年启动", "2020, 2021, 2022, 2023, 2024, 2025", 2020, FALSE, FALSE, LIAISON_SCHEDULE_OK },
  { "2021-2025, 2020 年启动", "2021, 2022, 2023, 2024, 2025", 2020, FALSE, FALSE, LIAISON_SCHEDULE_OK },
  { "2021-2023", "2021, 2022, 2023", 0, FALSE, FALSE, LIAISON_SCHEDULE_OK },
  { "2023-2025", "2023, 2024, 2025", 0, FALSE, FALSE, LIAISON_SCHEDULE_OK },
  { "2021-2022, 2020 年启动", "2021, 2022", 2020, FALSE, FALSE, LIAISON_SCHEDULE_OK },
};

/* Variants a person may type. */
static const Case typed_cases[] = {
  { "2021–2025", "2021, 2022, 2023, 2024, 2025", 0, FALSE, FALSE, LIAISON_SCHEDULE_OK },
  { "2022，2024", "2022, 2024", 0, FALSE, FALSE, LIAISON_SCHEDULE_OK },
  { "2022、2024", "2022, 2024", 0, FALSE, FALSE, LIAISON_SCHEDULE_OK },
  { "2021年启动", "", 2021, FALSE, FALSE, LIAISON_SCHEDULE_OK },
  { "2024年", "2024", 0, FALSE, FALSE, LIAISON_SCHEDULE_OK },
  { "sometime", "", 0, FALSE, FALSE, LIAISON_SCHEDULE_UNRECOGNISED },
  { "", "", 0, FALSE, FALSE, LIAISON_SCHEDULE_UNRECOGNISED },
  { "2021-20x5", "", 0, FALSE, FALSE, LIAISON_SCHEDULE_UNRECOGNISED },
  { "2022, abc", "2022", 0, FALSE, FALSE, LIAISON_SCHEDULE_UNRECOGNISED },
};

static void
check_case (const Case *c)
{
  g_autoptr (LiaisonSchedule) s = liaison_schedule_parse (c->text, LIAISON_PLAN_FIRST_YEAR, LIAISON_PLAN_LAST_YEAR);
  g_autofree char *years = liaison_schedule_format_years (s);

  g_test_message ("schedule “%s” → [%s]", c->text, years);
  g_assert_cmpstr (liaison_schedule_get_text (s), ==, c->text);
  g_assert_cmpstr (years, ==, c->years);
  g_assert_cmpint (liaison_schedule_get_start_year (s), ==, c->start_year);
  g_assert_cmpint (liaison_schedule_get_every_year (s), ==, c->every_year);
  g_assert_cmpint (liaison_schedule_get_tentative (s), ==, c->tentative);
  g_assert_cmpint (liaison_schedule_get_anomaly (s), ==, c->anomaly);
  if (c->anomaly != LIAISON_SCHEDULE_OK)
    {
      g_autofree char *message = liaison_schedule_describe_anomaly (s);
      g_assert_nonnull (message);
    }
}

static void
test_seed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_cases); i++)
    check_case (&seed_cases[i]);
}

static void
test_typed (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (typed_cases); i++)
    check_case (&typed_cases[i]);
}

static void
test_inverted_message (void)
{
  g_autoptr (LiaisonSchedule) s = liaison_schedule_parse ("2020-2015, 2020 年启动 (计划)", 2021, 2025);
  g_autofree char *message = liaison_schedule_describe_anomaly (s);

  g_assert_nonnull (strstr (message, "2020-2015"));
  g_assert_false (liaison_schedule_has_year (s, 2015));
  g_assert_false (liaison_schedule_has_year (s, 2020));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/schedule/seed", test_seed);
  g_test_add_func ("/liaison/schedule/typed", test_typed);
  g_test_add_func ("/liaison/schedule/inverted-message", test_inverted_message);

  return g_test_run ();
}
