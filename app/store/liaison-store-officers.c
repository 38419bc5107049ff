/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-people-private.h"

/* The national liaison officers (framework, section 5.1) and the annual
 * work plan they give feedback on: numbered versions of a year's events,
 * each kept as it was issued. Local to this office: neither goes to the
 * secretariat's server (the sync knows events and people only). */

/* ------------------------------------------------------------------------ */
/* Officers                                                                  */

char *
liaison_store_find_officer_id (LiaisonStore *self, const char *id_or_part, GError **error)
{
  return liaison_store_resolve_prefix (self, "liaison_officers", id_or_part != NULL ? id_or_part : "", error);
}

static char *
officer_value (const char        *participant_id,
               const char        *country,
               LiaisonOfficerBody body,
               LiaisonOfficerRole role,
               const char        *start,
               const char        *end)
{
  return liaison_store_person_json ("participant", participant_id, "country", country, "body",
                                    liaison_officer_body_nick (body), "role", liaison_officer_role_nick (role),
                                    "term_start", start, "term_end", end, NULL);
}

static const char *
empty_to_null (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

char *
liaison_store_add_officer (LiaisonStore      *self,
                           const char        *participant_id,
                           const char        *country,
                           LiaisonOfficerBody body,
                           LiaisonOfficerRole role,
                           const char        *term_start,
                           const char        *term_end,
                           LiaisonOrigin      origin,
                           GError           **error)
{
  const LiaisonCountry *c = liaison_country_lookup (country);
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autofree char *id = liaison_uuid_new ();
  g_autofree char *now = liaison_store_now ();
  g_autofree char *value = NULL;
  sqlite3_stmt    *stmt;

  term_start = empty_to_null (term_start);
  term_end = empty_to_null (term_end);
  if (c == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("“%s” is not an ISO 3166 country code"),
                   country != NULL ? country : "");
      return NULL;
    }
  if (!liaison_officer_check_term (term_start, term_end, error))
    return NULL;

  if (!liaison_store_begin (self, error))
    return NULL;
  p = liaison_store_get_participant (self, participant_id, error);
  if (p == NULL)
    goto fail;
  stmt = liaison_store_stmt (self,
                             "INSERT INTO liaison_officers (id, participant_id, country, body, role, term_start,"
                             " term_end, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, participant_id);
  bind_text (stmt, 3, liaison_country_get_code (c));
  bind_text (stmt, 4, liaison_officer_body_nick (body));
  bind_text (stmt, 5, liaison_officer_role_nick (role));
  bind_text (stmt, 6, term_start);
  bind_text (stmt, 7, term_end);
  bind_text (stmt, 8, now);
  value = officer_value (participant_id, liaison_country_get_code (c), body, role, term_start, term_end);
  if (!liaison_store_step_done (self, stmt, error) ||
      !liaison_store_journal (self, origin, "create", "officer", id, NULL, NULL, value, error))
    goto fail;
  if (!liaison_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&id);

fail:
  liaison_store_rollback (self);
  return NULL;
}

#define OFFICER_SELECT                                                                             \
  "SELECT o.id, o.participant_id, o.country, o.body, o.role, o.term_start, o.term_end, p.consent," \
  " pp.consent_scope FROM liaison_officers o JOIN participants p ON p.id = o.participant_id"       \
  " LEFT JOIN participant_privacy pp ON pp.participant_id = o.participant_id"

static LiaisonOfficer *
officer_from_row (sqlite3_stmt *stmt)
{
  LiaisonOfficer *o = g_new0 (LiaisonOfficer, 1);

  o->id = column_dup (stmt, 0);
  o->participant_id = column_dup (stmt, 1);
  o->country = column_dup (stmt, 2);
  liaison_officer_body_from_nick ((const char *) sqlite3_column_text (stmt, 3), &o->body);
  liaison_officer_role_from_nick ((const char *) sqlite3_column_text (stmt, 4), &o->role);
  o->term_start = column_dup (stmt, 5);
  o->term_end = column_dup (stmt, 6);
  o->consent = liaison_consent_effective (sqlite3_column_int (stmt, 7) != 0, (const char *) sqlite3_column_text (stmt, 8)) != 0;
  return o;
}

static LiaisonOfficer *
get_officer (LiaisonStore *self, const char *id, GError **error)
{
  sqlite3_stmt   *stmt = liaison_store_stmt (self, OFFICER_SELECT " WHERE o.id = ?", error);
  LiaisonOfficer *o = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    o = officer_from_row (stmt);
  sqlite3_reset (stmt);
  if (o == NULL)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _ ("There is no liaison officer with the identifier %s"), id);
  return o;
}

/* Ends a term (or corrects it): an officer replaced keeps their entry. */
gboolean
liaison_store_set_officer_term (LiaisonStore *self,
                                const char   *id,
                                const char   *term_start,
                                const char   *term_end,
                                LiaisonOrigin origin,
                                GError      **error)
{
  g_autoptr (LiaisonOfficer) o = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  sqlite3_stmt    *stmt;

  term_start = empty_to_null (term_start);
  term_end = empty_to_null (term_end);
  if (!liaison_officer_check_term (term_start, term_end, error))
    return FALSE;
  if (!liaison_store_begin (self, error))
    return FALSE;
  o = get_officer (self, id, error);
  if (o == NULL)
    goto fail;
  stmt = liaison_store_stmt (self, "UPDATE liaison_officers SET term_start = ?, term_end = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, term_start);
  bind_text (stmt, 2, term_end);
  bind_text (stmt, 3, id);
  old_value = officer_value (o->participant_id, o->country, o->body, o->role, o->term_start, o->term_end);
  new_value = officer_value (o->participant_id, o->country, o->body, o->role, term_start, term_end);
  if (!liaison_store_step_done (self, stmt, error) ||
      !liaison_store_journal (self, origin, "update", "officer", id, "term", old_value, new_value, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

gboolean
liaison_store_remove_officer (LiaisonStore *self, const char *id, LiaisonOrigin origin, GError **error)
{
  g_autoptr (LiaisonOfficer) o = NULL;
  g_autofree char *value = NULL;
  sqlite3_stmt    *stmt;

  if (!liaison_store_begin (self, error))
    return FALSE;
  o = get_officer (self, id, error);
  if (o == NULL)
    goto fail;
  stmt = liaison_store_stmt (self, "DELETE FROM liaison_officers WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  value = officer_value (o->participant_id, o->country, o->body, o->role, o->term_start, o->term_end);
  if (!liaison_store_step_done (self, stmt, error) ||
      !liaison_store_journal (self, origin, "delete", "officer", id, NULL, value, NULL, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

/* Every officer (or one person's roles), China and the ASEAN members in
 * order, each country's officer before its deputy, the latest term first. */
GPtrArray *
liaison_store_list_officers (LiaisonStore *self, const char *participant_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_officer_free);
  g_autoptr (GPtrArray) members = liaison_country_list_members ();
  sqlite3_stmt *stmt;
  int           rc;

  stmt = liaison_store_stmt (self,
                             participant_id != NULL
                                 ? OFFICER_SELECT " WHERE o.participant_id = ?1 ORDER BY o.country, o.role DESC,"
                                                  " o.term_start DESC, o.created"
                                 : OFFICER_SELECT " ORDER BY o.country, o.role DESC, o.term_start DESC, o.created",
                             error);
  if (stmt == NULL)
    return NULL;
  if (participant_id != NULL)
    bind_text (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, officer_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }

  for (guint i = 0; i < list->len; i++)
    {
      LiaisonOfficer *o = g_ptr_array_index (list, i);
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (self, o->participant_id, NULL);

      o->name = p != NULL ? liaison_participant_dup_display_name (p) : g_strdup (o->participant_id);
    }

  /* Member order (China, then ASEAN's), then the others by code; the SQL
   * order within a country stays (a stable sort). */
  {
    g_autoptr (GPtrArray) sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_officer_free);

    for (guint m = 0; m <= members->len; m++)
      for (guint i = 0; i < list->len; i++)
        {
          LiaisonOfficer *o = g_ptr_array_index (list, i);
          gboolean        is_member = FALSE;

          if (o == NULL)
            continue;
          for (guint k = 0; k < members->len; k++)
            if (g_str_equal (o->country, liaison_country_get_code (g_ptr_array_index (members, k))))
              is_member = TRUE;
          if (m < members->len ? g_str_equal (o->country, liaison_country_get_code (g_ptr_array_index (members, m)))
                               : !is_member)
            {
              g_ptr_array_add (sorted, o);
              list->pdata[i] = NULL;
            }
        }
    return g_steal_pointer (&sorted);
  }
}

/* ------------------------------------------------------------------------ */
/* The work plan                                                             */

#define PLAN_SELECT                                                                             \
  "SELECT w.id, w.year, w.version, w.status, w.created, w.sent, w.approved, w.review_event_id," \
  " (SELECT count(*) FROM work_plan_events WHERE plan_id = w.id),"                              \
  " (SELECT count(*) FROM work_plan_feedback WHERE plan_id = w.id) FROM work_plans w"

static LiaisonWorkPlan *
plan_from_row (sqlite3_stmt *stmt)
{
  LiaisonWorkPlan *w = g_new0 (LiaisonWorkPlan, 1);

  w->id = column_dup (stmt, 0);
  w->year = sqlite3_column_int (stmt, 1);
  w->version = sqlite3_column_int (stmt, 2);
  liaison_work_plan_status_from_nick ((const char *) sqlite3_column_text (stmt, 3), &w->status);
  w->created = column_dup (stmt, 4);
  w->sent = column_dup (stmt, 5);
  w->approved = column_dup (stmt, 6);
  w->review_event_id = column_dup (stmt, 7);
  w->n_events = sqlite3_column_int (stmt, 8);
  w->n_feedback = sqlite3_column_int (stmt, 9);
  return w;
}

static LiaisonWorkPlan *
plan_by_id (LiaisonStore *self, const char *id, GError **error)
{
  sqlite3_stmt    *stmt = liaison_store_stmt (self, PLAN_SELECT " WHERE w.id = ?", error);
  LiaisonWorkPlan *w = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    w = plan_from_row (stmt);
  sqlite3_reset (stmt);
  if (w == NULL)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND, _ ("There is no work plan with the identifier %s"),
                 id);
  return w;
}

/* year 0: every year, newest first; versions newest first. */
GPtrArray *
liaison_store_list_work_plans (LiaisonStore *self, int year, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_work_plan_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           year > 0 ? PLAN_SELECT " WHERE w.year = ?1 ORDER BY w.year DESC, w.version DESC"
                                                    : PLAN_SELECT " ORDER BY w.year DESC, w.version DESC",
                                           error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  if (year > 0)
    sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, plan_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* version 0: the latest. */
LiaisonWorkPlan *
liaison_store_get_work_plan (LiaisonStore *self, int year, guint version, GError **error)
{
  sqlite3_stmt    *stmt = liaison_store_stmt (self,
                                           version > 0 ? PLAN_SELECT " WHERE w.year = ?1 AND w.version = ?2"
                                                          : PLAN_SELECT " WHERE w.year = ?1 ORDER BY w.version DESC LIMIT 1",
                                              error);
  LiaisonWorkPlan *w = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  if (version > 0)
    sqlite3_bind_int (stmt, 2, version);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    w = plan_from_row (stmt);
  sqlite3_reset (stmt);
  if (w == NULL && version > 0)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _ ("The %1$d work plan has no version %2$u"), year, version);
  else if (w == NULL)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _ ("No work plan has been issued for %d yet"), year);
  return w;
}

/* The plan a liaison officers' meeting reviewed, or NULL (no error). */
LiaisonWorkPlan *
liaison_store_find_reviewed_work_plan (LiaisonStore *self, const char *event_id, GError **error)
{
  sqlite3_stmt    *stmt = liaison_store_stmt (self, PLAN_SELECT " WHERE w.review_event_id = ? ORDER BY w.year DESC, w.version DESC LIMIT 1", error);
  LiaisonWorkPlan *w = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, event_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    w = plan_from_row (stmt);
  sqlite3_reset (stmt);
  return w;
}

static char *
snapshot_event (LiaisonEvent *e)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  const char *const *activities = liaison_event_get_activities (e);
  struct
  {
    const char *name;
    const char *value;
  } members[] = {
    { "kind", liaison_enum_to_nick (LIAISON_TYPE_EVENT_KIND, liaison_event_get_kind (e)) },
    { "title_zh", liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH) },
    { "title_en", liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN) },
    { "start", liaison_event_get_start (e) },
    { "end", liaison_event_get_end (e) },
    { "time_zone", liaison_event_get_time_zone (e) },
    { "precision", liaison_enum_to_nick (LIAISON_TYPE_DATE_PRECISION, liaison_event_get_precision (e)) },
    { "city_zh", liaison_bilingual_get_text (liaison_event_get_city (e), LIAISON_LANGUAGE_ZH) },
    { "city_en", liaison_bilingual_get_text (liaison_event_get_city (e), LIAISON_LANGUAGE_EN) },
    { "country", liaison_event_get_country (e) },
  };

  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (members[i].value != NULL)
      {
        json_builder_set_member_name (b, members[i].name);
        json_builder_add_string_value (b, members[i].value);
      }
  json_builder_set_member_name (b, "activities");
  json_builder_begin_array (b);
  for (guint i = 0; activities != NULL && activities[i] != NULL; i++)
    json_builder_add_string_value (b, activities[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

/* A new numbered version of the year's plan: every event of the year that
 * is not cancelled, as it is now. Earlier drafts nobody was sent are
 * superseded by it. */
LiaisonWorkPlan *
liaison_store_issue_work_plan (LiaisonStore *self, int year, LiaisonOrigin origin, GError **error)
{
  LiaisonEventFilter filter = LIAISON_EVENT_FILTER_INIT;
  g_autoptr (GPtrArray) events = NULL;
  g_autofree char *id = liaison_uuid_new ();
  g_autofree char *now = liaison_store_now ();
  g_autofree char *value = NULL;
  sqlite3_stmt    *stmt;
  guint            version = 1, n = 0;

  if (year < 2000 || year > 2200)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("%d is not a year for a work plan"), year);
      return NULL;
    }
  if (!liaison_store_begin (self, error))
    return NULL;
  filter.year = year;
  events = liaison_store_list_events (self, &filter, error);
  if (events == NULL)
    goto fail;

  stmt = liaison_store_stmt (self, "SELECT coalesce (max (version), 0) + 1 FROM work_plans WHERE year = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  stmt = liaison_store_stmt (self, "INSERT INTO work_plans (id, year, version, status, created) VALUES (?, ?, ?, 'draft', ?)", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int (stmt, 3, version);
  bind_text (stmt, 4, now);
  if (!liaison_store_step_done (self, stmt, error))
    goto fail;

  for (guint i = 0; i < events->len; i++)
    {
      LiaisonEvent    *e = g_ptr_array_index (events, i);
      g_autofree char *snapshot = NULL;

      if (liaison_event_get_status (e) == LIAISON_EVENT_STATUS_CANCELLED)
        continue;
      snapshot = snapshot_event (e);
      stmt = liaison_store_stmt (self, "INSERT INTO work_plan_events (plan_id, event_id, position, snapshot) VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, id);
      bind_text (stmt, 2, liaison_event_get_id (e));
      sqlite3_bind_int (stmt, 3, n++);
      bind_text (stmt, 4, snapshot);
      if (!liaison_store_step_done (self, stmt, error))
        goto fail;
    }
  if (n == 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("There are no events in %d to put in a work plan: add the year's events first"), year);
      goto fail;
    }

  stmt = liaison_store_stmt (self, "UPDATE work_plans SET status = 'superseded' WHERE year = ? AND status = 'draft' AND id != ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int (stmt, 1, year);
  bind_text (stmt, 2, id);
  value = g_strdup_printf ("%d v%u", year, version);
  if (!liaison_store_step_done (self, stmt, error) ||
      !liaison_store_journal (self, origin, "create", "work-plan", id, NULL, NULL, value, error))
    goto fail;
  if (!liaison_store_commit (self, error))
    return NULL;
  return plan_by_id (self, id, error);

fail:
  liaison_store_rollback (self);
  return NULL;
}

static LiaisonWorkPlanEvent *
plan_event_from_json (const char *event_id, const char *snapshot)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  LiaisonWorkPlanEvent *e = g_new0 (LiaisonWorkPlanEvent, 1);
  JsonObject           *o;

  e->event_id = g_strdup (event_id);
  if (!json_parser_load_from_data (parser, snapshot, -1, NULL) || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return e;
  o = json_node_get_object (json_parser_get_root (parser));
  e->kind = nick_value (LIAISON_TYPE_EVENT_KIND, json_object_get_string_member_with_default (o, "kind", NULL),
                        LIAISON_EVENT_KIND_OTHER);
  e->title_zh = g_strdup (json_object_get_string_member_with_default (o, "title_zh", NULL));
  e->title_en = g_strdup (json_object_get_string_member_with_default (o, "title_en", NULL));
  e->start = g_strdup (json_object_get_string_member_with_default (o, "start", NULL));
  e->end = g_strdup (json_object_get_string_member_with_default (o, "end", NULL));
  e->time_zone = g_strdup (json_object_get_string_member_with_default (o, "time_zone", NULL));
  e->precision = g_strdup (json_object_get_string_member_with_default (o, "precision", NULL));
  e->city_zh = g_strdup (json_object_get_string_member_with_default (o, "city_zh", NULL));
  e->city_en = g_strdup (json_object_get_string_member_with_default (o, "city_en", NULL));
  e->country = g_strdup (json_object_get_string_member_with_default (o, "country", NULL));
  if (json_object_has_member (o, "activities") && JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "activities")))
    {
      JsonArray *a = json_object_get_array_member (o, "activities");
      guint      n = json_array_get_length (a);

      e->activities = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        e->activities[i] = g_strdup (json_array_get_string_element (a, i));
    }
  return e;
}

GPtrArray *
liaison_store_list_work_plan_events (LiaisonStore *self, const char *plan_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_work_plan_event_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT event_id, snapshot FROM work_plan_events WHERE plan_id = ? ORDER BY position", error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, plan_event_from_json ((const char *) sqlite3_column_text (stmt, 0),
                                                 (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
set_plan_status (LiaisonStore *self, LiaisonWorkPlan *w, LiaisonWorkPlanStatus status, const char *time_column, LiaisonOrigin origin, GError **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *now = liaison_store_now ();
  sqlite3_stmt    *stmt;

  sql = time_column != NULL ? g_strdup_printf ("UPDATE work_plans SET status = ?1, %s = ?3 WHERE id = ?2", time_column)
                            : g_strdup ("UPDATE work_plans SET status = ?1 WHERE id = ?2");
  stmt = liaison_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, liaison_work_plan_status_nick (status));
  bind_text (stmt, 2, w->id);
  if (time_column != NULL)
    bind_text (stmt, 3, now);
  return liaison_store_step_done (self, stmt, error) &&
         liaison_store_journal (self, origin, "update", "work-plan", w->id, "status",
                                liaison_work_plan_status_nick (w->status), liaison_work_plan_status_nick (status), error);
}

/* Sent (the PDF and .ics made for the officers); sending again later, to a
 * new officer, keeps the first date. */
gboolean
liaison_store_mark_work_plan_sent (LiaisonStore *self, const char *plan_id, LiaisonOrigin origin, GError **error)
{
  g_autoptr (LiaisonWorkPlan) w = NULL;

  if (!liaison_store_begin (self, error))
    return FALSE;
  w = plan_by_id (self, plan_id, error);
  if (w == NULL)
    goto fail;
  if (w->status == LIAISON_WORK_PLAN_DRAFT && !set_plan_status (self, w, LIAISON_WORK_PLAN_SENT, "sent", origin, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

/* The approved version is kept as it was issued; every other version of
 * the year is superseded. */
gboolean
liaison_store_approve_work_plan (LiaisonStore *self, const char *plan_id, LiaisonOrigin origin, GError **error)
{
  g_autoptr (LiaisonWorkPlan) w = NULL;
  g_autoptr (GPtrArray) others = NULL;

  if (!liaison_store_begin (self, error))
    return FALSE;
  w = plan_by_id (self, plan_id, error);
  if (w == NULL || !liaison_work_plan_check_approve (w, error))
    goto fail;
  others = liaison_store_list_work_plans (self, w->year, error);
  if (others == NULL)
    goto fail;
  for (guint i = 0; i < others->len; i++)
    {
      LiaisonWorkPlan *o = g_ptr_array_index (others, i);

      if (!g_str_equal (o->id, w->id) && o->status != LIAISON_WORK_PLAN_SUPERSEDED &&
          !set_plan_status (self, o, LIAISON_WORK_PLAN_SUPERSEDED, NULL, origin, error))
        goto fail;
    }
  if (!set_plan_status (self, w, LIAISON_WORK_PLAN_APPROVED, "approved", origin, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

/* Feedback from a country's officer, on the plan (event_id NULL) or on one
 * of its events. */
char *
liaison_store_add_work_plan_feedback (LiaisonStore *self,
                                      const char   *plan_id,
                                      const char   *country,
                                      const char   *event_id,
                                      const char   *text,
                                      const char   *received,
                                      LiaisonOrigin origin,
                                      GError      **error)
{
  const LiaisonCountry *c = liaison_country_lookup (country);
  g_autoptr (LiaisonWorkPlan) w = NULL;
  g_autofree char *id = liaison_uuid_new ();
  g_autofree char *now = liaison_store_now ();
  g_autofree char *trimmed = text != NULL ? g_strstrip (g_strdup (text)) : g_strdup ("");
  g_autofree char *value = NULL;
  sqlite3_stmt    *stmt;

  event_id = empty_to_null (event_id);
  if (c == NULL)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("“%s” is not an ISO 3166 country code"),
                   country != NULL ? country : "");
      return NULL;
    }
  if (*trimmed == '\0')
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID, _ ("The feedback is empty"));
      return NULL;
    }
  if (!liaison_text_check (trimmed, LIAISON_TEXT_NOTE, error) || !liaison_store_check_date (received, error))
    return NULL;

  if (!liaison_store_begin (self, error))
    return NULL;
  w = plan_by_id (self, plan_id, error);
  if (w == NULL || !liaison_work_plan_check_feedback (w, error))
    goto fail;
  if (event_id != NULL)
    {
      gboolean in_plan;

      stmt = liaison_store_stmt (self, "SELECT 1 FROM work_plan_events WHERE plan_id = ? AND event_id = ?", error);
      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, plan_id);
      bind_text (stmt, 2, event_id);
      in_plan = sqlite3_step (stmt) == SQLITE_ROW;
      sqlite3_reset (stmt);
      if (!in_plan)
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       _ ("That event is not in version %1$u of the %2$d work plan"), w->version, w->year);
          goto fail;
        }
    }
  stmt = liaison_store_stmt (self,
                             "INSERT INTO work_plan_feedback (id, plan_id, country, event_id, text, received, created)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, plan_id);
  bind_text (stmt, 3, liaison_country_get_code (c));
  bind_text (stmt, 4, event_id);
  bind_text (stmt, 5, trimmed);
  bind_text (stmt, 6, received);
  bind_text (stmt, 7, now);
  value = liaison_store_person_json ("plan", plan_id, "country", liaison_country_get_code (c), "event", event_id, NULL);
  if (!liaison_store_step_done (self, stmt, error) ||
      !liaison_store_journal (self, origin, "create", "work-plan-feedback", id, NULL, NULL, value, error))
    goto fail;
  if (!liaison_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&id);

fail:
  liaison_store_rollback (self);
  return NULL;
}

/* By country as the members are ordered, then as received. */
GPtrArray *
liaison_store_list_work_plan_feedback (LiaisonStore *self, const char *plan_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_work_plan_feedback_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT id, plan_id, country, event_id, text, received FROM work_plan_feedback"
                                           " WHERE plan_id = ? ORDER BY country, received, created",
                                           error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LiaisonWorkPlanFeedback *f = g_new0 (LiaisonWorkPlanFeedback, 1);

      f->id = column_dup (stmt, 0);
      f->plan_id = column_dup (stmt, 1);
      f->country = column_dup (stmt, 2);
      f->event_id = column_dup (stmt, 3);
      f->text = column_dup (stmt, 4);
      f->received = column_dup (stmt, 5);
      g_ptr_array_add (list, f);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The liaison officers' meeting that reviewed this version (event_id NULL
 * removes the link). Only a liaison officers' meeting reviews a plan. */
gboolean
liaison_store_set_work_plan_review (LiaisonStore *self,
                                    const char   *plan_id,
                                    const char   *event_id,
                                    LiaisonOrigin origin,
                                    GError      **error)
{
  g_autoptr (LiaisonWorkPlan) w = NULL;
  sqlite3_stmt *stmt;

  event_id = empty_to_null (event_id);
  if (!liaison_store_begin (self, error))
    return FALSE;
  w = plan_by_id (self, plan_id, error);
  if (w == NULL)
    goto fail;
  if (event_id != NULL)
    {
      g_autoptr (LiaisonEvent) e = liaison_store_get_event (self, event_id, error);

      if (e == NULL)
        goto fail;
      if (liaison_event_get_kind (e) != LIAISON_EVENT_KIND_LIAISON_MEETING)
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                       _ ("Only a liaison officers' meeting reviews a work plan; “%s” is not one"),
                       liaison_bilingual_get_display (liaison_event_get_title (e), liaison_language_for_locale ()));
          goto fail;
        }
    }
  stmt = liaison_store_stmt (self, "UPDATE work_plans SET review_event_id = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, event_id);
  bind_text (stmt, 2, plan_id);
  if (!liaison_store_step_done (self, stmt, error) ||
      !liaison_store_journal (self, origin, "update", "work-plan", plan_id, "review_event_id", w->review_event_id,
                              event_id, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}
