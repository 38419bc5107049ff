/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-reports"

#include "config.h"

#include "liaison-plan-report.h"

static void
plan_row_free (LiaisonPlanRow *row)
{
  g_clear_object (&row->activity);
  g_clear_pointer (&row->years, g_array_unref);
  g_free (row);
}

static LiaisonPlanYear *
year_slot (LiaisonPlanRow *row,
           int             year)
{
  LiaisonPlanYear slot = { year, FALSE, 0, 0 };
  guint           i;

  for (i = 0; i < row->years->len; i++)
    {
      LiaisonPlanYear *y = &g_array_index (row->years, LiaisonPlanYear, i);
      if (y->year == year)
        return y;
      if (y->year > year)
        break;
    }
  g_array_insert_val (row->years, i, slot);
  return &g_array_index (row->years, LiaisonPlanYear, i);
}

/* Plan against actual per activity: each planned year, and each year that
 * had events even if it was not planned. only_year = 0 keeps every year. */
GPtrArray *
liaison_plan_report_build (LiaisonStore *store,
                           int           only_year,
                           int           this_year,
                           GError      **error)
{
  g_autoptr (GPtrArray) plan = liaison_store_list_plan (store, error);
  g_autoptr (GArray) progress = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) by_code = NULL;

  if (plan == NULL)
    return NULL;
  progress = liaison_store_plan_progress (store, error);
  if (progress == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_row_free);
  by_code = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < plan->len; i++)
    {
      LiaisonPlanItem *item = g_ptr_array_index (plan, i);
      LiaisonSchedule *schedule = liaison_plan_item_get_schedule (item);
      LiaisonPlanRow  *row;
      const int       *years;
      guint            n_years;

      if (liaison_plan_item_get_level (item) != LIAISON_PLAN_LEVEL_ACTIVITY)
        continue;

      row = g_new0 (LiaisonPlanRow, 1);
      row->activity = g_object_ref (item);
      row->years = g_array_new (FALSE, TRUE, sizeof (LiaisonPlanYear));
      years = schedule ? liaison_schedule_get_years (schedule, &n_years) : NULL;
      for (guint y = 0; years != NULL && y < n_years; y++)
        if (only_year == 0 || years[y] == only_year)
          year_slot (row, years[y])->planned = TRUE;

      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_code, (gpointer) liaison_plan_item_get_code (item), row);
    }

  for (guint i = 0; i < progress->len; i++)
    {
      LiaisonPlanProgress *p = &g_array_index (progress, LiaisonPlanProgress, i);
      LiaisonPlanRow      *row = g_hash_table_lookup (by_code, p->activity_code);
      LiaisonPlanYear     *slot;

      if (row == NULL || (only_year != 0 && p->year != only_year))
        continue;
      slot = year_slot (row, p->year);
      slot->events += p->events;
      slot->held += p->held;
    }

  (void) this_year;
  return g_steal_pointer (&rows);
}

/* A planned year that has passed with no event at all. */
guint
liaison_plan_row_count_missed (LiaisonPlanRow *row,
                               int             this_year)
{
  guint missed = 0;

  for (guint i = 0; i < row->years->len; i++)
    {
      LiaisonPlanYear *y = &g_array_index (row->years, LiaisonPlanYear, i);
      if (y->planned && y->events == 0 && y->year < this_year)
        missed++;
    }
  return missed;
}

JsonNode *
liaison_plan_report_to_json (GPtrArray *rows,
                             int        this_year)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      LiaisonPlanRow   *row = g_ptr_array_index (rows, i);
      LiaisonPlanItem  *item = row->activity;
      LiaisonSchedule  *schedule = liaison_plan_item_get_schedule (item);
      LiaisonBilingual *title = liaison_plan_item_get_title (item);
      g_autofree char  *anomaly = schedule ? liaison_schedule_describe_anomaly (schedule) : NULL;
      const int        *years;
      guint             n_years = 0;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, liaison_plan_item_get_code (item));
      json_builder_set_member_name (b, "title_zh");
      json_builder_add_string_value (b, liaison_bilingual_get_text (title, LIAISON_LANGUAGE_ZH));
      json_builder_set_member_name (b, "title_en");
      json_builder_add_string_value (b, liaison_bilingual_get_text (title, LIAISON_LANGUAGE_EN));
      json_builder_set_member_name (b, "schedule");
      json_builder_add_string_value (b, schedule ? liaison_schedule_get_text (schedule) : "");
      json_builder_set_member_name (b, "planned_years");
      json_builder_begin_array (b);
      years = schedule ? liaison_schedule_get_years (schedule, &n_years) : NULL;
      for (guint y = 0; y < n_years; y++)
        json_builder_add_int_value (b, years[y]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "start_year");
      if (schedule && liaison_schedule_get_start_year (schedule) > 0)
        json_builder_add_int_value (b, liaison_schedule_get_start_year (schedule));
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "anomaly");
      json_builder_add_boolean_value (b, anomaly != NULL);
      if (anomaly != NULL)
        {
          json_builder_set_member_name (b, "anomaly_message");
          json_builder_add_string_value (b, anomaly);
        }
      json_builder_set_member_name (b, "events_per_year");
      json_builder_begin_object (b);
      for (guint y = 0; y < row->years->len; y++)
        {
          LiaisonPlanYear *slot = &g_array_index (row->years, LiaisonPlanYear, y);
          g_autofree char *key = g_strdup_printf ("%d", slot->year);

          json_builder_set_member_name (b, key);
          json_builder_add_int_value (b, slot->events);
        }
      json_builder_end_object (b);
      json_builder_set_member_name (b, "missed_years");
      json_builder_add_int_value (b, liaison_plan_row_count_missed (row, this_year));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  return json_builder_get_root (b);
}
