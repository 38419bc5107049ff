/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-plan-report.h"
#include "test-util.h"

static LiaisonStore *
open_fresh (char **dir)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  LiaisonStore *store;

  *dir = test_make_dir ();
  path = g_build_filename (*dir, "liaison.db", NULL);
  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
test_counts (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (LiaisonStore) store = open_fresh (&dir);
  g_autoptr (GPtrArray) plan = liaison_store_list_plan (store, NULL);
  g_autoptr (GPtrArray) areas = liaison_store_list_areas (store, NULL);
  guint counts[3] = { 0, 0, 0 };

  for (guint i = 0; i < plan->len; i++)
    {
      LiaisonPlanItem  *item = g_ptr_array_index (plan, i);
      LiaisonBilingual *title = liaison_plan_item_get_title (item);

      counts[liaison_plan_item_get_level (item)]++;
      g_assert_nonnull (liaison_bilingual_get_text (title, LIAISON_LANGUAGE_ZH));
      g_assert_nonnull (liaison_bilingual_get_text (title, LIAISON_LANGUAGE_EN));
      if (liaison_plan_item_get_level (item) == LIAISON_PLAN_LEVEL_ACTIVITY)
        g_assert_nonnull (liaison_plan_item_get_schedule (item));
    }
  g_assert_cmpuint (counts[LIAISON_PLAN_LEVEL_DIRECTION], ==, 4);
  g_assert_cmpuint (counts[LIAISON_PLAN_LEVEL_ACTION], ==, 9);
  g_assert_cmpuint (counts[LIAISON_PLAN_LEVEL_ACTIVITY], ==, 21);
  g_assert_cmpuint (liaison_store_count_events (store), ==, 62);
  g_assert_cmpuint (areas->len, ==, 8);

  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

static void
test_seed_text (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (LiaisonStore) store = open_fresh (&dir);
  g_autoptr (LiaisonPlanItem) meeting = liaison_store_get_plan_item (store, "1.1.1", NULL);
  g_autoptr (LiaisonPlanItem) inverted = liaison_store_get_plan_item (store, "2.1.1", NULL);
  g_autoptr (LiaisonPlanItem) biodiversity = liaison_store_get_plan_item (store, "4.1.1", NULL);
  LiaisonSchedule *s;

  g_assert_cmpstr (liaison_bilingual_get_text (liaison_plan_item_get_title (meeting), LIAISON_LANGUAGE_ZH), ==,
                   "中国-东盟环境合作联络员会议");
  s = liaison_plan_item_get_schedule (meeting);
  g_assert_cmpstr (liaison_schedule_get_text (s), ==, "每年一次");
  g_assert_true (liaison_schedule_get_every_year (s));

  s = liaison_plan_item_get_schedule (inverted);
  g_assert_cmpstr (liaison_schedule_get_text (s), ==, "2020-2015, 2020 年启动 (计划)");
  g_assert_cmpint (liaison_schedule_get_anomaly (s), ==, LIAISON_SCHEDULE_INVERTED_RANGE);
  g_assert_cmpint (liaison_schedule_get_start_year (s), ==, 2020);

  g_assert_cmpstr (liaison_plan_item_get_label (biodiversity), ==, "1");

  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

static void
test_history (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (LiaisonStore) store = open_fresh (&dir);
  LiaisonEventFilter filter = LIAISON_EVENT_FILTER_INIT;
  g_autoptr (GPtrArray) y2019 = NULL;
  g_autoptr (GPtrArray) all = liaison_store_list_events (store, NULL, NULL);
  guint two_areas = 0, first_year = 9999, last_year = 0;

  for (guint i = 0; i < all->len; i++)
    {
      LiaisonEvent      *e = g_ptr_array_index (all, i);
      const char *const *areas = liaison_event_get_areas (e);

      g_assert_cmpint (liaison_event_get_status (e), ==, LIAISON_EVENT_STATUS_HELD);
      g_assert_nonnull (liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH));
      g_assert_nonnull (liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN));
      g_assert_false (liaison_bilingual_is_stale (liaison_event_get_title (e), LIAISON_LANGUAGE_EN));
      g_assert_nonnull (areas);
      if (g_strv_length ((char **) areas) == 2)
        two_areas++;
      first_year = MIN (first_year, (guint) liaison_event_get_year (e));
      last_year = MAX (last_year, (guint) liaison_event_get_year (e));
    }
  /* 2019-03 Beijing platform working group, 2017-08 Shiyan water seminar. */
  g_assert_cmpuint (two_areas, ==, 2);
  g_assert_cmpuint (first_year, ==, 2010);
  g_assert_cmpuint (last_year, ==, 2019);

  filter.year = 2019;
  filter.country = "TH";
  y2019 = liaison_store_list_events (store, &filter, NULL);
  g_assert_cmpuint (y2019->len, ==, 1);
  g_assert_cmpstr (liaison_event_get_start (g_ptr_array_index (y2019, 0)), ==, "2019-10");

  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

/* Two installs must agree on every identifier, or syncing them would
 * duplicate the shared history. */
static void
test_stable_ids (void)
{
  g_autofree char *dir_a = NULL, *dir_b = NULL;
  g_autoptr (LiaisonStore) a = open_fresh (&dir_a);
  g_autoptr (LiaisonStore) b = open_fresh (&dir_b);
  g_autoptr (GPtrArray) ea = liaison_store_list_events (a, NULL, NULL);
  g_autoptr (GPtrArray) eb = liaison_store_list_events (b, NULL, NULL);
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (ea->len, ==, eb->len);
  for (guint i = 0; i < ea->len; i++)
    {
      const char *id = liaison_event_get_id (g_ptr_array_index (ea, i));

      g_assert_cmpstr (id, ==, liaison_event_get_id (g_ptr_array_index (eb, i)));
      g_assert_true (liaison_uuid_is_valid (id));
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (gpointer) id);
    }

  g_clear_pointer (&ea, g_ptr_array_unref);
  g_clear_pointer (&eb, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
  test_remove_tree (dir_a);
  test_remove_tree (dir_b);
}

static void
test_plan_report (void)
{
  g_autofree char *dir = NULL;
  g_autoptr (LiaisonStore) store = open_fresh (&dir);
  g_autoptr (GPtrArray) rows = NULL;
  const char *meeting[] = { "1.1.1", NULL };
  const char *forum[] = { "1.1.2", NULL };
  const char *when[] = { "2021-11-03", "2023-10-10", "2023-09-15" };
  g_autoptr (JsonNode) json = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (LiaisonEvent) e = liaison_event_new (NULL);

      liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, "Event");
      liaison_event_set_when (e, when[i], NULL, NULL, NULL);
      liaison_event_set_activities (e, i < 2 ? meeting : forum);
      if (i == 0)
        liaison_event_set_status (e, LIAISON_EVENT_STATUS_HELD);
      g_assert_true (liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, NULL));
    }

  rows = liaison_plan_report_build (store, 0, 2026, NULL);
  g_assert_cmpuint (rows->len, ==, 21);
  {
    LiaisonPlanRow  *row = g_ptr_array_index (rows, 0);
    LiaisonPlanRow  *row2 = g_ptr_array_index (rows, 1);
    LiaisonPlanYear *y;

    g_assert_cmpstr (liaison_plan_item_get_code (row->activity), ==, "1.1.1");
    g_assert_cmpuint (row->years->len, ==, 5);
    y = &g_array_index (row->years, LiaisonPlanYear, 0);
    g_assert_cmpint (y->year, ==, 2021);
    g_assert_cmpuint (y->events, ==, 1);
    g_assert_cmpuint (y->held, ==, 1);
    /* 2022, 2024 and 2025 passed with no meeting. */
    g_assert_cmpuint (liaison_plan_row_count_missed (row, 2026), ==, 3);

    /* The forum is planned for 2022 and 2024; a 2023 event shows as unplanned. */
    g_assert_cmpstr (liaison_plan_item_get_code (row2->activity), ==, "1.1.2");
    g_assert_cmpuint (row2->years->len, ==, 3);
    y = &g_array_index (row2->years, LiaisonPlanYear, 1);
    g_assert_cmpint (y->year, ==, 2023);
    g_assert_false (y->planned);
    g_assert_cmpuint (y->events, ==, 1);
  }

  json = liaison_plan_report_to_json (rows, 2026);
  text = json_to_string (json, FALSE);
  g_assert_nonnull (strstr (text, "\"anomaly\":true"));
  g_assert_nonnull (strstr (text, "\"2023\":1"));

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = liaison_plan_report_build (store, 2023, 2026, NULL);
  g_assert_cmpuint (((LiaisonPlanRow *) g_ptr_array_index (rows, 0))->years->len, ==, 1);

  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/first-run/counts", test_counts);
  g_test_add_func ("/liaison/first-run/seed-text", test_seed_text);
  g_test_add_func ("/liaison/first-run/history", test_history);
  g_test_add_func ("/liaison/first-run/stable-ids", test_stable_ids);
  g_test_add_func ("/liaison/first-run/plan-report", test_plan_report);

  return g_test_run ();
}
