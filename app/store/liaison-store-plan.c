/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-private.h"

/* The action plan (directions, actions, activities), the priority areas
 * and the programmes: built-in content, and how far events have carried
 * each activity. */

void
liaison_area_free (LiaisonArea *area)
{
  g_free (area->id);
  g_free (area->title_zh);
  g_free (area->title_en);
  g_free (area);
}

void
liaison_plan_progress_clear (LiaisonPlanProgress *progress)
{
  g_clear_pointer (&progress->activity_code, g_free);
}

static LiaisonPlanItem *
plan_item_from_row (LiaisonStore *self, sqlite3_stmt *stmt)
{
  const char      *level_text = (const char *) sqlite3_column_text (stmt, 1);
  LiaisonPlanLevel level = LIAISON_PLAN_LEVEL_ACTIVITY;
  LiaisonPlanItem *item;
  const char      *schedule = (const char *) sqlite3_column_text (stmt, 5);

  if (g_strcmp0 (level_text, "direction") == 0)
    level = LIAISON_PLAN_LEVEL_DIRECTION;
  else if (g_strcmp0 (level_text, "action") == 0)
    level = LIAISON_PLAN_LEVEL_ACTION;

  item = liaison_plan_item_new (
      level, (const char *) sqlite3_column_text (stmt, 0), (const char *) sqlite3_column_text (stmt, 2),
      (const char *) sqlite3_column_text (stmt, 3), (const char *) sqlite3_column_text (stmt, 4));
  if (schedule != NULL)
    {
      g_autoptr (LiaisonSchedule) parsed =
          liaison_schedule_parse (schedule, LIAISON_PLAN_FIRST_YEAR, LIAISON_PLAN_LAST_YEAR);
      liaison_plan_item_set_schedule (item, parsed);
    }
  {
    LiaisonBilingualSlot slot = { "title", liaison_plan_item_get_title (item) };
    liaison_store_load_bilingual (self, "plan", liaison_plan_item_get_code (item), &slot, 1);
  }
  return item;
}

GPtrArray *
liaison_store_list_plan (LiaisonStore *self, GError **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT code, level, label, title_zh, title_en, schedule"
                                           " FROM plan_items ORDER BY position",
                                           error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, plan_item_from_row (self, stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&items);
}

LiaisonPlanItem *
liaison_store_get_plan_item (LiaisonStore *self, const char *code, GError **error)
{
  sqlite3_stmt    *stmt = liaison_store_stmt (self,
                                              "SELECT code, level, label, title_zh, title_en, schedule"
                                                 " FROM plan_items WHERE code = ?",
                                              error);
  LiaisonPlanItem *item = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, code);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    item = plan_item_from_row (self, stmt);
  else
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _ ("“%s” is not an activity of the action plan (codes look like 1.1.2)"), code);
  sqlite3_reset (stmt);
  return item;
}

GArray *
liaison_store_plan_progress (LiaisonStore *self, GError **error)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, TRUE, sizeof (LiaisonPlanProgress));
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT ea.activity_code, e.year, count(*),"
                                           " sum (e.status = 'held')"
                                           " FROM event_activities ea JOIN events e ON e.id = ea.event_id"
                                           " WHERE e.status != 'cancelled'"
                                           " GROUP BY ea.activity_code, e.year",
                                           error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  g_array_set_clear_func (rows, (GDestroyNotify) liaison_plan_progress_clear);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LiaisonPlanProgress p = {
        column_dup (stmt, 0),
        sqlite3_column_int (stmt, 1),
        sqlite3_column_int (stmt, 2),
        sqlite3_column_int (stmt, 3),
      };
      g_array_append_val (rows, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

GPtrArray *
liaison_store_list_areas (LiaisonStore *self, GError **error)
{
  g_autoptr (GPtrArray) areas = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_area_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT id, title_zh, title_en FROM areas ORDER BY position", error);

  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      LiaisonArea *area = g_new0 (LiaisonArea, 1);

      area->id = column_dup (stmt, 0);
      area->title_zh = column_dup (stmt, 1);
      area->title_en = column_dup (stmt, 2);
      g_ptr_array_add (areas, area);
    }
  sqlite3_reset (stmt);
  return g_steal_pointer (&areas);
}

gboolean
liaison_store_add_plan_item (LiaisonStore    *self,
                             LiaisonPlanItem *item,
                             const char      *schedule,
                             guint            position,
                             GError         **error)
{
  const char       *code = liaison_plan_item_get_code (item);
  LiaisonBilingual *title = liaison_plan_item_get_title (item);
  g_autofree char  *parent = liaison_plan_item_dup_parent_code (item);
  sqlite3_stmt     *stmt;

  stmt = liaison_store_stmt (self,
                             "INSERT INTO plan_items (code, level, parent_code, label, title_zh, title_en, schedule, position)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, code);
  bind_text (stmt, 2, liaison_enum_to_nick (LIAISON_TYPE_PLAN_LEVEL, liaison_plan_item_get_level (item)));
  bind_text (stmt, 3, parent);
  bind_text (stmt, 4, liaison_plan_item_get_label (item));
  bind_text (stmt, 5, liaison_bilingual_get_text (title, LIAISON_LANGUAGE_ZH));
  bind_text (stmt, 6, liaison_bilingual_get_text (title, LIAISON_LANGUAGE_EN));
  bind_text (stmt, 7, schedule);
  sqlite3_bind_int (stmt, 8, position);
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;

  return liaison_store_save_bilingual (self, "plan", code, "title", title, error);
}

gboolean
liaison_store_add_area (LiaisonStore *self,
                        const char   *id,
                        const char   *title_zh,
                        const char   *title_en,
                        guint         position,
                        GError      **error)
{
  sqlite3_stmt *stmt =
      liaison_store_stmt (self, "INSERT INTO areas (id, title_zh, title_en, position) VALUES (?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, title_zh);
  bind_text (stmt, 3, title_en);
  sqlite3_bind_int (stmt, 4, position);
  return liaison_store_step_done (self, stmt, error);
}

gboolean
liaison_store_add_programme (LiaisonStore     *self,
                             const char       *id,
                             const char       *parent_id,
                             LiaisonBilingual *title,
                             guint             position,
                             GError          **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "INSERT INTO programmes (id, parent_id, title_zh, title_en, position)"
                                           " VALUES (?, ?, ?, ?, ?)",
                                           error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, parent_id);
  bind_text (stmt, 3, liaison_bilingual_get_text (title, LIAISON_LANGUAGE_ZH));
  bind_text (stmt, 4, liaison_bilingual_get_text (title, LIAISON_LANGUAGE_EN));
  sqlite3_bind_int (stmt, 5, position);
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;

  return liaison_store_save_bilingual (self, parent_id == NULL ? "programme" : "track", id, "title", title, error);
}
