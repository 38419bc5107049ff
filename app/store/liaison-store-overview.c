/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include "liaison-store-overview.h"
#include "liaison-store-private.h"

/* Queries for the window's Overview: what comes next, what changed last. */

typedef struct
{
  LiaisonEvent *event;
  gint64        start; /* unix seconds */
} Upcoming;

/* When an event's dates stop being ahead: a timed event once it starts; a
 * day, month or year without a time once that day, month or year is over
 * where the event takes place. */
static GDateTime *
dup_over_at (LiaisonEvent *event)
{
  g_autoptr (GDateTime) start = liaison_event_dup_start_date_time (event);
  g_autoptr (GDateTime) end = liaison_event_dup_end_date_time (event);

  if (start == NULL || end == NULL)
    return NULL;
  switch (liaison_event_get_precision (event))
    {
    case LIAISON_DATE_PRECISION_TIME:
      return g_steal_pointer (&start);
    case LIAISON_DATE_PRECISION_DAY:
      return g_date_time_add_days (end, 1);
    case LIAISON_DATE_PRECISION_MONTH:
      return g_date_time_add_months (end, 1);
    case LIAISON_DATE_PRECISION_YEAR:
    default:
      return g_date_time_add_years (end, 1);
    }
}

static void
clear_upcoming (gpointer data)
{
  Upcoming *u = data;

  g_clear_object (&u->event);
}

static int
compare_upcoming (gconstpointer a, gconstpointer b)
{
  const Upcoming *x = a;
  const Upcoming *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return g_strcmp0 (liaison_event_get_id (x->event), liaison_event_get_id (y->event));
}

/* When an event's dates are behind: a timed event once it ends; a day,
 * month or year without a time once that day, month or year is over
 * where the event takes place. */
static GDateTime *
dup_ended_at (LiaisonEvent *event)
{
  g_autoptr (GDateTime) end = liaison_event_dup_end_date_time (event);

  if (end == NULL)
    return NULL;
  switch (liaison_event_get_precision (event))
    {
    case LIAISON_DATE_PRECISION_TIME:
      return g_steal_pointer (&end);
    case LIAISON_DATE_PRECISION_DAY:
      return g_date_time_add_days (end, 1);
    case LIAISON_DATE_PRECISION_MONTH:
      return g_date_time_add_months (end, 1);
    case LIAISON_DATE_PRECISION_YEAR:
    default:
      return g_date_time_add_years (end, 1);
    }
}

/* Whether an event is over by now (its dates behind, whatever its status). */
gboolean
liaison_store_event_is_over (LiaisonEvent *event, GDateTime *now)
{
  g_autoptr (GDateTime) ended_at = dup_ended_at (event);

  return ended_at != NULL && g_date_time_compare (ended_at, now) <= 0;
}

/* Marks an event held through the store's own save (its checks, the
 * journal): what a past event still planned is offered. */
gboolean
liaison_store_mark_event_held (LiaisonStore *self, const char *event_id, LiaisonOrigin origin, GError **error)
{
  g_autoptr (LiaisonEvent) event = liaison_store_get_event (self, event_id, error);

  if (event == NULL)
    return FALSE;
  if (liaison_event_get_status (event) == LIAISON_EVENT_STATUS_HELD)
    return TRUE;
  liaison_event_set_status (event, LIAISON_EVENT_STATUS_HELD);
  return liaison_store_save_event (self, event, origin, error);
}
/* A local time read as if it were UTC, in seconds from 1970; 0 when
 * unreadable (then the row is read whole). */
static gint64
local_seconds (const char *text)
{
  int    y, mo, d, h, mi;
  gint64 era_y, days;

  if (!liaison_parse_local_time (text, NULL, &y, &mo, &d, &h, &mi))
    return 0;
  /* Days from 1970-01-01 (proleptic Gregorian; any year from 1 on). */
  era_y = mo <= 2 ? y - 1 : y;
  days = 365 * era_y + era_y / 4 - era_y / 100 + era_y / 400 + (153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5 + d - 1 - 719468;
  return days * 86400 + h * 3600 + mi * 60;
}

/* Keeps the limit soonest of found; returns the latest start among them. */
static gint64
keep_soonest (GArray *found,
              guint   limit)
{
  g_array_sort (found, compare_upcoming);
  if (found->len > limit)
    g_array_set_size (found, limit);
  return g_array_index (found, Upcoming, found->len - 1).start;
}

/* No zone is two days off its local clock (UTC-12 to UTC+14). */
#define MAX_ZONE_OFFSET (2 * 24 * 3600)

/* Planned and confirmed events whose dates are still ahead of now, soonest
 * first; limit 0 for all of them. */
GPtrArray *
liaison_store_list_upcoming_events (LiaisonStore *self, GDateTime *now, guint limit, GError **error)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Upcoming));
  gint64        horizon = G_MAXINT64;
  GPtrArray    *events;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (now != NULL, NULL);

  g_array_set_clear_func (found, clear_upcoming);
  /* A year is written in the event's zone: anything still ahead is at
   * most one year behind now's year in UTC. Only the dates are read for
   * every candidate; the whole event only for those shown (a large
   * database has thousands of planned events ahead). The candidates come
   * in the order of their local start (a shorter date sorts before the
   * times in it, where it starts), which is the order of their start to
   * within a zone's offset: a row whose local start is later than the
   * limit-th soonest start found by more than any offset cannot be among
   * the soonest, and is passed over without reading its zone (soon every
   * row after it is). */
  stmt = liaison_store_stmt (self,
                             "SELECT id, start_local, end_local, time_zone FROM events"
                             " WHERE status IN ('planned', 'confirmed') AND year >= ? ORDER BY start_local",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, g_date_time_get_year (now) - 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *start_local = (const char *) sqlite3_column_text (stmt, 1);
      g_autoptr (LiaisonEvent) when = NULL;
      g_autoptr (GDateTime) over_at = NULL;
      g_autoptr (GDateTime) start = NULL;
      Upcoming u;

      if (horizon != G_MAXINT64 && local_seconds (start_local) > horizon)
        continue;
      when = liaison_event_new ((const char *) sqlite3_column_text (stmt, 0));
      if (!liaison_event_set_when (when, start_local, (const char *) sqlite3_column_text (stmt, 2),
                                   (const char *) sqlite3_column_text (stmt, 3), NULL))
        continue;
      over_at = dup_over_at (when);
      start = liaison_event_dup_start_date_time (when);
      if (over_at == NULL || g_date_time_compare (over_at, now) <= 0)
        continue;
      u.start = g_date_time_to_unix (start);
      u.event = g_steal_pointer (&when);
      g_array_append_val (found, u);
      /* Sorted and cut again only when twice the limit: the horizon of a
       * larger set is later, never wrongly early. */
      if (limit > 0 && (found->len == limit || found->len == 2 * limit))
        horizon = keep_soonest (found, limit) + MAX_ZONE_OFFSET;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  g_array_sort (found, compare_upcoming);

  events = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < found->len && (limit == 0 || events->len < limit); i++)
    {
      Upcoming     *u = &g_array_index (found, Upcoming, i);
      LiaisonEvent *event = liaison_store_get_event (self, liaison_event_get_id (u->event), NULL);

      if (event != NULL)
        g_ptr_array_add (events, event);
    }
  return events;
}

/* Events still planned whose dates are behind now: held, most likely, and
 * not yet marked so. The most recent first; limit 0 for all. A large
 * database has hundreds of planned events this year and next, most of
 * them ahead: the candidates come latest local start first, and only the
 * dates are read, of those that may be over and among the latest (as for
 * the next events above); the whole event only for those shown. */
GPtrArray *
liaison_store_list_unheld_events (LiaisonStore *self, GDateTime *now, guint limit, GError **error)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Upcoming));
  gint64        horizon = G_MAXINT64;
  gint64        not_over_after;
  GPtrArray    *events;
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (now != NULL, NULL);

  /* An event is over once its end (a day, month or year: once that is
   * over) is behind now where it takes place, so one that ends later on
   * its local clock than now by more than any zone's offset is not. */
  not_over_after = g_date_time_to_unix (now) + MAX_ZONE_OFFSET;
  g_array_set_clear_func (found, clear_upcoming);
  stmt = liaison_store_stmt (self,
                             "SELECT id, start_local, end_local, time_zone FROM events"
                             " WHERE status = 'planned' AND year <= ? ORDER BY start_local DESC",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, g_date_time_get_year (now) + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *start_local = (const char *) sqlite3_column_text (stmt, 1);
      const char *end_local = (const char *) sqlite3_column_text (stmt, 2);
      gint64      local_start = local_seconds (start_local);
      gint64      local_end = end_local != NULL ? local_seconds (end_local) : local_start;
      g_autoptr (LiaisonEvent) when = NULL;
      g_autoptr (GDateTime) start = NULL;
      Upcoming u;

      /* Unreadable dates (0) are read whole. */
      if (local_end != 0 && local_end > not_over_after)
        continue;
      if (horizon != G_MAXINT64 && local_start != 0 && -local_start > horizon)
        continue;
      when = liaison_event_new ((const char *) sqlite3_column_text (stmt, 0));
      if (!liaison_event_set_when (when, start_local, end_local, (const char *) sqlite3_column_text (stmt, 3), NULL) ||
          !liaison_store_event_is_over (when, now))
        continue;
      start = liaison_event_dup_start_date_time (when);
      /* Most recent first: the sort below is by start, ascending. */
      u.start = -g_date_time_to_unix (start);
      u.event = g_steal_pointer (&when);
      g_array_append_val (found, u);
      /* The limit-th latest start found so far: a row that starts earlier
       * than it by more than any zone's offset is not among the latest. */
      if (limit > 0 && (found->len == limit || found->len == 2 * limit))
        horizon = keep_soonest (found, limit) + MAX_ZONE_OFFSET;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  g_array_sort (found, compare_upcoming);

  events = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < found->len && (limit == 0 || events->len < limit); i++)
    {
      Upcoming     *u = &g_array_index (found, Upcoming, i);
      LiaisonEvent *event = liaison_store_get_event (self, liaison_event_get_id (u->event), NULL);

      if (event != NULL)
        g_ptr_array_add (events, event);
    }
  return events;
}

/* The journal's newest entries first, without the built-in first-run
 * content: what people (here or at the secretariat) changed. */
GPtrArray *
liaison_store_list_recent_journal (LiaisonStore *self, guint limit, GError **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_journal_entry_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT seq, time, origin, action, entity, entity_id, field,"
                                           " old_value, new_value FROM journal WHERE origin != 'built-in'"
                                           " ORDER BY seq DESC LIMIT ?",
                                           error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit == 0 ? G_MAXINT64 : (gint64) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LiaisonJournalEntry *e = g_new0 (LiaisonJournalEntry, 1);
      const char          *origin = (const char *) sqlite3_column_text (stmt, 2);
      int                  value = LIAISON_ORIGIN_LOCAL;

      liaison_enum_from_nick (LIAISON_TYPE_ORIGIN, origin, &value);
      e->seq = sqlite3_column_int64 (stmt, 0);
      e->time = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      e->origin = value;
      e->action = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      e->entity = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      e->entity_id = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      e->field = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      e->old_value = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      e->new_value = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      g_ptr_array_add (entries, e);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
