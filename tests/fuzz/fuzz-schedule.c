/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz.h"
#include "liaison-schedule.h"

/* The schedule-string parser ("每年一次", "2021-2025, 2020 年启动") on any
 * text an action plan might hold: a schedule, its years in order within
 * reach, and its sentences. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autoptr (LiaisonSchedule) schedule = NULL;
  g_autofree char *anomaly = NULL;
  g_autofree char *years_text = NULL;
  const int       *years;
  guint            n_years = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return 0;
  schedule = liaison_schedule_parse (text, 2021, 2025);
  fuzz_check (schedule != NULL);
  years = liaison_schedule_get_years (schedule, &n_years);
  for (guint i = 1; i < n_years; i++)
    fuzz_check (years[i - 1] < years[i]);
  fuzz_check (g_strcmp0 (liaison_schedule_get_text (schedule), text) == 0);
  liaison_schedule_has_year (schedule, 2023);
  liaison_schedule_get_start_year (schedule);
  anomaly = liaison_schedule_describe_anomaly (schedule);
  years_text = liaison_schedule_format_years (schedule);
  return 0;
}
