/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-private.h"

/* Events: their rows, activities and areas, and the lists and searches
 * of them. */

/* The columns an event maps onto, in one place: the INSERT, the SELECT and
 * the journal's diff are all built from them. */
const char *const liaison_store_event_fields[] = {
  "kind",
  "status",
  "mode",
  "title_zh",
  "title_en",
  "theme_zh",
  "theme_en",
  "description_zh",
  "description_en",
  "start_local",
  "end_local",
  "time_zone",
  "precision",
  "year",
  "venue",
  "city_zh",
  "city_en",
  "country",
  "online_url",
  "organisers",
  "partners",
  "capacity",
  "registration_deadline",
  "budget",
  "currency",
  "funding",
  "track",
  "recurrence",
  "activities",
  "areas",
};
G_STATIC_ASSERT (G_N_ELEMENTS (liaison_store_event_fields) == LIAISON_STORE_N_EVENT_FIELDS);

/* The last two are tables of their own. */
#define N_EVENT_COLUMNS (G_N_ELEMENTS (liaison_store_event_fields) - 2)

char **
liaison_store_event_to_values (LiaisonEvent *event)
{
  char            **v = liaison_store_values_new (G_N_ELEMENTS (liaison_store_event_fields));
  LiaisonBilingual *title = liaison_event_get_title (event);
  LiaisonBilingual *theme = liaison_event_get_theme (event);
  LiaisonBilingual *description = liaison_event_get_description (event);
  LiaisonBilingual *city = liaison_event_get_city (event);
  guint             i = 0;

  v[i++] = g_strdup (liaison_enum_to_nick (LIAISON_TYPE_EVENT_KIND, liaison_event_get_kind (event)));
  v[i++] = g_strdup (liaison_enum_to_nick (LIAISON_TYPE_EVENT_STATUS, liaison_event_get_status (event)));
  v[i++] = g_strdup (liaison_enum_to_nick (LIAISON_TYPE_EVENT_MODE, liaison_event_get_mode (event)));
  v[i++] = g_strdup (liaison_bilingual_get_text (title, LIAISON_LANGUAGE_ZH));
  v[i++] = g_strdup (liaison_bilingual_get_text (title, LIAISON_LANGUAGE_EN));
  v[i++] = g_strdup (liaison_bilingual_get_text (theme, LIAISON_LANGUAGE_ZH));
  v[i++] = g_strdup (liaison_bilingual_get_text (theme, LIAISON_LANGUAGE_EN));
  v[i++] = g_strdup (liaison_bilingual_get_text (description, LIAISON_LANGUAGE_ZH));
  v[i++] = g_strdup (liaison_bilingual_get_text (description, LIAISON_LANGUAGE_EN));
  v[i++] = g_strdup (liaison_event_get_start (event));
  v[i++] = g_strdup (liaison_event_get_end (event));
  v[i++] = g_strdup (liaison_event_get_time_zone (event));
  v[i++] = g_strdup (liaison_enum_to_nick (LIAISON_TYPE_DATE_PRECISION, liaison_event_get_precision (event)));
  v[i++] = g_strdup_printf ("%d", liaison_event_get_year (event));
  v[i++] = g_strdup (liaison_event_get_venue (event));
  v[i++] = g_strdup (liaison_bilingual_get_text (city, LIAISON_LANGUAGE_ZH));
  v[i++] = g_strdup (liaison_bilingual_get_text (city, LIAISON_LANGUAGE_EN));
  v[i++] = g_strdup (liaison_event_get_country (event));
  v[i++] = g_strdup (liaison_event_get_online_url (event));
  v[i++] = g_strdup (liaison_event_get_organisers (event));
  v[i++] = g_strdup (liaison_event_get_partners (event));
  v[i++] = g_strdup_printf ("%u", liaison_event_get_capacity (event));
  v[i++] = g_strdup (liaison_event_get_registration_deadline (event));
  {
    char buf[G_ASCII_DTOSTR_BUF_SIZE];
    v[i++] = g_strdup (g_ascii_dtostr (buf, sizeof buf, liaison_event_get_budget (event)));
  }
  v[i++] = g_strdup (liaison_event_get_currency (event));
  v[i++] = g_strdup (liaison_enum_to_nick (LIAISON_TYPE_FUNDING_SOURCE, liaison_event_get_funding (event)));
  v[i++] = g_strdup (liaison_event_get_track (event));
  v[i++] = g_strdup (liaison_event_get_recurrence (event));
  v[i++] = join_strv (liaison_event_get_activities (event), ",");
  v[i++] = join_strv (liaison_event_get_areas (event), ",");
  g_assert (i == G_N_ELEMENTS (liaison_store_event_fields));

  return v;
}

#define EVENT_SELECT                                                                                       \
  "SELECT id, kind, status, mode, title_zh, title_en, theme_zh, theme_en, description_zh, description_en," \
  " start_local, end_local, time_zone, precision, year, venue, city_zh, city_en, country, online_url,"     \
  " organisers, partners, capacity, registration_deadline, budget, currency, funding, track, recurrence,"  \
  " (SELECT group_concat (activity_code, ',') FROM event_activities WHERE event_id = events.id),"          \
  " (SELECT group_concat (area_id, ',') FROM event_areas WHERE event_id = events.id)"                      \
  " FROM events"

void
liaison_store_event_bilingual_slots (LiaisonEvent *event, LiaisonBilingualSlot slots[LIAISON_STORE_N_EVENT_SLOTS])
{
  slots[0] = (LiaisonBilingualSlot){ "title", liaison_event_get_title (event) };
  slots[1] = (LiaisonBilingualSlot){ "theme", liaison_event_get_theme (event) };
  slots[2] = (LiaisonBilingualSlot){ "description", liaison_event_get_description (event) };
  slots[3] = (LiaisonBilingualSlot){ "city", liaison_event_get_city (event) };
}

/* The inverse of liaison_store_event_to_values: col is indexed like
 * liaison_store_event_fields. */
LiaisonEvent *
liaison_store_event_from_values (const char *id, const char *const *col)
{
  LiaisonEvent *event = liaison_event_new (id);

  liaison_event_set_kind (event, nick_value (LIAISON_TYPE_EVENT_KIND, col[0], LIAISON_EVENT_KIND_OTHER));
  liaison_event_set_status (event, nick_value (LIAISON_TYPE_EVENT_STATUS, col[1], 0));
  liaison_event_set_mode (event, nick_value (LIAISON_TYPE_EVENT_MODE, col[2], 0));
  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_ZH, col[3]);
  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, col[4]);
  liaison_bilingual_set_text (liaison_event_get_theme (event), LIAISON_LANGUAGE_ZH, col[5]);
  liaison_bilingual_set_text (liaison_event_get_theme (event), LIAISON_LANGUAGE_EN, col[6]);
  liaison_bilingual_set_text (liaison_event_get_description (event), LIAISON_LANGUAGE_ZH, col[7]);
  liaison_bilingual_set_text (liaison_event_get_description (event), LIAISON_LANGUAGE_EN, col[8]);
  if (!liaison_event_set_when (event, col[9], col[10], col[11], NULL))
    g_warning ("Event %s has an unreadable date %s", liaison_event_get_id (event), col[9]);
  liaison_event_set_venue (event, col[14]);
  liaison_bilingual_set_text (liaison_event_get_city (event), LIAISON_LANGUAGE_ZH, col[15]);
  liaison_bilingual_set_text (liaison_event_get_city (event), LIAISON_LANGUAGE_EN, col[16]);
  liaison_event_set_country (event, col[17]);
  liaison_event_set_online_url (event, col[18]);
  liaison_event_set_organisers (event, col[19]);
  liaison_event_set_partners (event, col[20]);
  liaison_event_set_capacity (event, col[21] != NULL ? (guint) g_ascii_strtoull (col[21], NULL, 10) : 0);
  liaison_event_set_registration_deadline (event, col[22]);
  liaison_event_set_budget (event, col[23] != NULL ? g_ascii_strtod (col[23], NULL) : 0, col[24],
                            nick_value (LIAISON_TYPE_FUNDING_SOURCE, col[25], 0));
  liaison_event_set_track (event, col[26]);
  liaison_event_set_recurrence (event, col[27]);
  if (col[28] != NULL && *col[28] != '\0')
    {
      g_auto (GStrv) codes = g_strsplit (col[28], ",", -1);
      liaison_event_set_activities (event, (const char *const *) codes);
    }
  if (col[29] != NULL && *col[29] != '\0')
    {
      g_auto (GStrv) areas = g_strsplit (col[29], ",", -1);
      liaison_event_set_areas (event, (const char *const *) areas);
    }
  return event;
}

static LiaisonEvent *
event_from_row (LiaisonStore *self, sqlite3_stmt *stmt)
{
  const char          *col[G_N_ELEMENTS (liaison_store_event_fields)];
  LiaisonBilingualSlot slots[LIAISON_STORE_N_EVENT_SLOTS];
  LiaisonEvent        *event;

  for (guint i = 0; i < G_N_ELEMENTS (liaison_store_event_fields); i++)
    col[i] = (const char *) sqlite3_column_text (stmt, i + 1);
  event = liaison_store_event_from_values ((const char *) sqlite3_column_text (stmt, 0), col);

  liaison_store_event_bilingual_slots (event, slots);
  liaison_store_load_bilingual (self, "event", liaison_event_get_id (event), slots, G_N_ELEMENTS (slots));

  return event;
}

/* Any event: a start, a title, a known country, texts as every stored
 * text is. A change made here (origin local) also follows the rules of an
 * entrance for what it changes (liaison_event_check_changes: the text
 * limits, an IANA zone, a time that exists); what it leaves as it was
 * (old), such as a longer title pulled from the server, stays. */
static gboolean
validate_event (LiaisonEvent *event, LiaisonEvent *old, LiaisonOrigin origin, GError **error)
{
  LiaisonBilingual *title = liaison_event_get_title (event);

  if (liaison_event_get_start (event) == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("The event has no start date"));
      return FALSE;
    }
  if (liaison_bilingual_get_text (title, LIAISON_LANGUAGE_ZH) == NULL &&
      liaison_bilingual_get_text (title, LIAISON_LANGUAGE_EN) == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("The event needs a title in Chinese or English"));
      return FALSE;
    }
  if (liaison_event_get_country (event) != NULL && liaison_country_lookup (liaison_event_get_country (event)) == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("“%s” is not an ISO 3166 country code"), liaison_event_get_country (event));
      return FALSE;
    }
  if (origin == LIAISON_ORIGIN_LOCAL)
    return liaison_event_check_changes (event, old, error);
  return liaison_event_check_kept (event, error);
}

static gboolean
save_event_rows (LiaisonStore *self, LiaisonEvent *event, char **values, GError **error)
{
  static char     *upsert_sql = NULL;
  const char      *id = liaison_event_get_id (event);
  g_autofree char *now = liaison_store_now ();
  sqlite3_stmt    *stmt;

  if (g_once_init_enter (&upsert_sql))
    {
      GString *sql = g_string_new ("INSERT INTO events (id, created, modified");
      GString *update = g_string_new (" ON CONFLICT (id) DO UPDATE SET modified = excluded.modified");

      for (guint i = 0; i < N_EVENT_COLUMNS; i++)
        {
          g_string_append_printf (sql, ", %s", liaison_store_event_fields[i]);
          g_string_append_printf (update, ", %s = excluded.%s", liaison_store_event_fields[i], liaison_store_event_fields[i]);
        }
      g_string_append (sql, ") VALUES (?, ?, ?");
      for (guint i = 0; i < N_EVENT_COLUMNS; i++)
        g_string_append (sql, ", ?");
      g_string_append (sql, ")");
      g_string_append (sql, update->str);
      g_string_free (update, TRUE);
      g_once_init_leave (&upsert_sql, g_string_free (sql, FALSE));
    }

  stmt = liaison_store_stmt (self, upsert_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, now);
  bind_text (stmt, 3, now);
  for (guint i = 0; i < N_EVENT_COLUMNS; i++)
    bind_text (stmt, i + 4, values[i]);
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;

  stmt = liaison_store_stmt (self, "DELETE FROM event_activities WHERE event_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;
  stmt = liaison_store_stmt (self, "DELETE FROM event_areas WHERE event_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;

  for (const char *const *c = liaison_event_get_activities (event); c != NULL && *c != NULL; c++)
    {
      stmt = liaison_store_stmt (self, "INSERT INTO event_activities (event_id, activity_code) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, id);
      bind_text (stmt, 2, *c);
      if (!liaison_store_step_done (self, stmt, NULL))
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       _ ("“%s” is not an activity of the action plan (codes look like 1.1.2)"), *c);
          return FALSE;
        }
    }
  for (const char *const *a = liaison_event_get_areas (event); a != NULL && *a != NULL; a++)
    {
      stmt = liaison_store_stmt (self, "INSERT INTO event_areas (event_id, area_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, id);
      bind_text (stmt, 2, *a);
      if (!liaison_store_step_done (self, stmt, NULL))
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("“%s” is not a priority area"), *a);
          return FALSE;
        }
    }

  return liaison_store_save_bilingual (self, "event", id, "title", liaison_event_get_title (event), error) &&
         liaison_store_save_bilingual (self, "event", id, "theme", liaison_event_get_theme (event), error) &&
         liaison_store_save_bilingual (self, "event", id, "description", liaison_event_get_description (event),
                                       error) &&
         liaison_store_save_bilingual (self, "event", id, "city", liaison_event_get_city (event), error) &&
         liaison_store_index_event (self, event, error);
}

gboolean
liaison_store_save_event (LiaisonStore *self, LiaisonEvent *event, LiaisonOrigin origin, GError **error)
{
  g_auto (LiaisonStoreValues) values = NULL;
  g_auto (LiaisonStoreValues) old_values = NULL;
  g_autoptr (LiaisonEvent) old = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (LIAISON_IS_EVENT (event), FALSE);

  if (!liaison_store_begin (self, error))
    return FALSE;

  old = liaison_store_get_event (self, liaison_event_get_id (event), NULL);
  if (!validate_event (event, old, origin, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }
  if (old != NULL)
    old_values = liaison_store_event_to_values (old);
  values = liaison_store_event_to_values (event);

  if (!save_event_rows (self, event, values, error) ||
      !liaison_store_journal_diff (self, origin, "event", liaison_event_get_id (event), liaison_store_event_fields, G_N_ELEMENTS (liaison_store_event_fields),
                                   old_values, values, error))
    {
      liaison_store_rollback (self);
      return FALSE;
    }

  return liaison_store_commit (self, error);
}

LiaisonEvent *
liaison_store_get_event (LiaisonStore *self, const char *id, GError **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, EVENT_SELECT " WHERE id = ?", error);
  LiaisonEvent *event = NULL;
  int           rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    event = event_from_row (self, stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _ ("There is no event with the identifier %s"), id);
  else
    liaison_store_set_error (self, error, rc);
  sqlite3_reset (stmt);
  return event;
}

LiaisonEvent *
liaison_store_find_event (LiaisonStore *self, const char *id_or_prefix, GError **error)
{
  g_autofree char *id = liaison_store_resolve_prefix (self, "events", id_or_prefix, error);

  return id != NULL ? liaison_store_get_event (self, id, error) : NULL;
}

gboolean
liaison_store_delete_event (LiaisonStore *self, const char *id, LiaisonOrigin origin, GError **error)
{
  g_autoptr (LiaisonEvent) old = NULL;
  g_auto (LiaisonStoreValues) values = NULL;
  g_autofree char     *snapshot = NULL;
  g_autofree char     *created = NULL;
  g_autofree char     *modified = NULL;
  LiaisonBilingualSlot slots[LIAISON_STORE_N_EVENT_SLOTS];

  if (!liaison_store_begin (self, error))
    return FALSE;

  old = liaison_store_get_event (self, id, error);
  if (old == NULL)
    goto fail;
  values = liaison_store_event_to_values (old);
  liaison_store_event_bilingual_slots (old, slots);
  if (!liaison_store_read_timestamps (self, "events", id, &created, &modified, error))
    goto fail;
  /* What is deleted is kept in the journal, so it can be undone. */
  snapshot = liaison_store_snapshot_record (liaison_store_event_fields, G_N_ELEMENTS (liaison_store_event_fields), values, created, modified, slots,
                                            G_N_ELEMENTS (slots));
  if (!liaison_store_delete_registrations_of (self, "event_id", id, origin, FALSE, error))
    goto fail;

  if (!liaison_store_delete_record (self, "events", "event", id, origin, snapshot, error))
    goto fail;

  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

GPtrArray *
liaison_store_list_events (LiaisonStore *self, const LiaisonEventFilter *filter, GError **error)
{
  static const LiaisonEventFilter any = LIAISON_EVENT_FILTER_INIT;
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) matching = NULL;
  g_autoptr (GHashTable) allowed = NULL;
  sqlite3_stmt *stmt;
  int           rc;

  if (filter == NULL)
    filter = &any;

  if (filter->text != NULL && *filter->text != '\0')
    {
      matching = liaison_store_search_ids (self, "event", filter->text, G_MAXINT, error);
      if (matching == NULL)
        return NULL;
      allowed = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < matching->len; i++)
        g_hash_table_add (allowed, g_ptr_array_index (matching, i));
    }

  /* One fixed statement; a NULL parameter means "any". */
  stmt = liaison_store_stmt (
      self,
      EVENT_SELECT " WHERE (?1 IS NULL OR year = ?1)"
                   " AND (?2 IS NULL OR kind = ?2)"
                   " AND (?3 IS NULL OR status = ?3)"
                   " AND (?4 IS NULL OR country = ?4)"
                   " AND (?5 IS NULL OR id IN (SELECT event_id FROM event_activities WHERE activity_code = ?5))"
                   " AND (?6 IS NULL OR track = ?6)"
                   " ORDER BY start_local, id",
      error);
  if (stmt == NULL)
    return NULL;

  if (filter->year > 0)
    sqlite3_bind_int (stmt, 1, filter->year);
  if (filter->kind >= 0)
    bind_text (stmt, 2, liaison_enum_to_nick (LIAISON_TYPE_EVENT_KIND, filter->kind));
  if (filter->status >= 0)
    bind_text (stmt, 3, liaison_enum_to_nick (LIAISON_TYPE_EVENT_STATUS, filter->status));
  bind_text (stmt, 4, filter->country);
  bind_text (stmt, 5, filter->activity);
  bind_text (stmt, 6, filter->track);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (allowed != NULL && !g_hash_table_contains (allowed, sqlite3_column_text (stmt, 0)))
        continue;
      g_ptr_array_add (events, event_from_row (self, stmt));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }

  return g_steal_pointer (&events);
}

guint
liaison_store_count_events (LiaisonStore *self)
{
  return liaison_store_count_rows (self, "SELECT count(*) FROM events");
}

GPtrArray *
liaison_store_search_events (LiaisonStore *self, const char *query, guint limit, GError **error)
{
  g_autoptr (GPtrArray) ids = liaison_store_search_ids (self, "event", query, limit, error);
  g_autoptr (GPtrArray) events = NULL;

  if (ids == NULL)
    return NULL;
  events = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      LiaisonEvent *event = liaison_store_get_event (self, g_ptr_array_index (ids, i), NULL);
      if (event != NULL)
        g_ptr_array_add (events, event);
    }
  return g_steal_pointer (&events);
}
