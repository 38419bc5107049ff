/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "liaison-store-people-private.h"
#include "liaison-store-private.h"

/* Registrations: a person's place at an event, its status and the
 * waitlist that moves with it, clashes with other events, and check-in. */

static const char *status_columns[LIAISON_N_REGISTRATION_STATUSES] = {
  "invited_at",
  "registered_at",
  "waitlisted_at",
  "confirmed_at",
  "attended_at",
  "no_show_at",
  "declined_at",
  "cancelled_at",
  "nominated_at",
};

const char *const liaison_store_registration_columns[] = {
  "event_id",
  "participant_id",
  "role",
  "status",
  "delegation",
  "invited_at",
  "registered_at",
  "waitlisted_at",
  "confirmed_at",
  "attended_at",
  "no_show_at",
  "declined_at",
  "cancelled_at",
  "notes",
  "created",
  "nominated_at",
  "waitlist_order",
};
G_STATIC_ASSERT (G_N_ELEMENTS (liaison_store_registration_columns) == LIAISON_STORE_N_REGISTRATION_COLUMNS);

/* The fields of a registration a person edits directly (not its status). */
const char *const liaison_store_registration_edit_fields[] = { "role", "delegation", "notes" };
G_STATIC_ASSERT (G_N_ELEMENTS (liaison_store_registration_edit_fields) == LIAISON_STORE_N_REGISTRATION_EDIT_FIELDS);

#define REGISTRATION_SELECT                                                                   \
  "SELECT id, event_id, participant_id, role, status, delegation, invited_at, registered_at," \
  " waitlisted_at, confirmed_at, attended_at, no_show_at, declined_at, cancelled_at,"         \
  " nominated_at, notes, waitlist_order FROM registrations"

static LiaisonRegistration *
registration_from_row (sqlite3_stmt *stmt)
{
  LiaisonRegistration *r = liaison_registration_new ((const char *) sqlite3_column_text (stmt, 0),
                                                     (const char *) sqlite3_column_text (stmt, 1),
                                                     (const char *) sqlite3_column_text (stmt, 2));

  liaison_registration_set_role (r, nick_value (LIAISON_TYPE_ROLE, (const char *) sqlite3_column_text (stmt, 3), 0));
  liaison_registration_restore_status (
      r, nick_value (LIAISON_TYPE_REGISTRATION_STATUS, (const char *) sqlite3_column_text (stmt, 4), 0));
  liaison_registration_set_delegation (r, (const char *) sqlite3_column_text (stmt, 5));
  for (guint i = 0; i < LIAISON_N_REGISTRATION_STATUSES; i++)
    liaison_registration_restore_status_time (r, i, (const char *) sqlite3_column_text (stmt, 6 + i));
  liaison_registration_set_notes (r, (const char *) sqlite3_column_text (stmt, 6 + LIAISON_N_REGISTRATION_STATUSES));
  liaison_registration_set_waitlist_order (r, sqlite3_column_type (stmt, 7 + LIAISON_N_REGISTRATION_STATUSES) != SQLITE_NULL,
                                           sqlite3_column_double (stmt, 7 + LIAISON_N_REGISTRATION_STATUSES));
  return r;
}

LiaisonRegistration *
liaison_store_get_registration (LiaisonStore *self, const char *id, GError **error)
{
  sqlite3_stmt        *stmt = liaison_store_stmt (self, REGISTRATION_SELECT " WHERE id = ?", error);
  LiaisonRegistration *r = NULL;
  int                  rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    r = registration_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _ ("There is no registration with the identifier %s"), id);
  else
    liaison_store_set_error (self, error, rc);
  sqlite3_reset (stmt);
  return r;
}

/* A registration from its whole identifier or a unique start or end of
 * it (the code a badge prints is its end). */
LiaisonRegistration *
liaison_store_find_registration (LiaisonStore *self, const char *id_or_part, GError **error)
{
  g_autofree char *id = liaison_store_resolve_prefix (self, "registrations", id_or_part != NULL ? id_or_part : "", error);

  return id != NULL ? liaison_store_get_registration (self, id, error) : NULL;
}

GPtrArray *
liaison_store_list_registrations (LiaisonStore *self, const char *event_id, GError **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = liaison_store_stmt (self, REGISTRATION_SELECT " WHERE event_id = ? ORDER BY rowid", error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, registration_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The registration takes the number after the last on its event's waitlist. */
static gboolean
set_waitlist_end (LiaisonStore *self, const char *event_id, const char *id, GError **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "UPDATE registrations SET waitlist_order = (SELECT coalesce (max (waitlist_order), 0) + 1"
                                           " FROM registrations WHERE event_id = ?1 AND status = 'waitlisted' AND id != ?2)"
                                           " WHERE id = ?2",
                                           error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, event_id);
  bind_text (stmt, 2, id);
  return liaison_store_step_done (self, stmt, error);
}

static gboolean
write_status (LiaisonStore             *self,
              LiaisonRegistration      *r,
              LiaisonRegistrationStatus old_status,
              LiaisonOrigin             origin,
              GError                  **error)
{
  g_autofree char          *sql = NULL;
  LiaisonRegistrationStatus status = liaison_registration_get_status (r);
  sqlite3_stmt             *stmt;

  sql = g_strdup_printf ("UPDATE registrations SET status = ?, %s = ? WHERE id = ?", status_columns[status]);
  stmt = liaison_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, status));
  bind_text (stmt, 2, liaison_registration_get_status_time (r, status));
  bind_text (stmt, 3, liaison_registration_get_id (r));
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;
  /* Joining the waitlist is joining its end: the number goes with the
   * status (undoing the status leaves it, and only a waitlisted person's
   * number counts), so it has no journal line of its own. A person put
   * back on the waitlist by an undo keeps the number they had. */
  if (status == LIAISON_REGISTRATION_WAITLISTED && !set_waitlist_end (self, liaison_registration_get_event_id (r), liaison_registration_get_id (r), error))
    return FALSE;

  return liaison_store_journal (self, origin, "update", "registration", liaison_registration_get_id (r), "status",
                                liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, old_status),
                                liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, status), error);
}

static guint
places_taken (GPtrArray *registrations)
{
  guint n = 0;

  for (guint i = 0; i < registrations->len; i++)
    if (liaison_registration_status_holds_place (
            liaison_registration_get_status (g_ptr_array_index (registrations, i))))
      n++;
  return n;
}

/* Registering is the hot path of an import, of a bulk invitation and of a
 * check-in desk: the event is read once, each person with one statement. */
static gboolean
lookup_event_places (LiaisonStore *self, const char *event_id, guint *capacity, guint *taken, GError **error)
{
  sqlite3_stmt *stmt =
      liaison_store_stmt (self,
                          /* Three counts, not an IN or OR: sqlite would build
                           * a temporary table for the list on every call. */
                          "SELECT capacity,"
                          " (SELECT count(*) FROM registrations WHERE event_id = ?1 AND status = 'registered')"
                          " + (SELECT count(*) FROM registrations WHERE event_id = ?1 AND status = 'confirmed')"
                          " + (SELECT count(*) FROM registrations WHERE event_id = ?1 AND status = 'attended')"
                          " FROM events WHERE id = ?1",
                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *capacity = sqlite3_column_int (stmt, 0);
      *taken = sqlite3_column_int (stmt, 1);
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _ ("There is no event with the identifier %s"), event_id);
  else
    liaison_store_set_error (self, error, rc);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

/* The person's country (their delegation by default), and whether they
 * are already registered; FALSE with an error for an unknown person. */
static gboolean
lookup_person_for_event (LiaisonStore *self,
                         const char   *event_id,
                         const char   *participant_id,
                         char        **country,
                         gboolean     *already,
                         GError      **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT country, EXISTS (SELECT 1 FROM registrations"
                                           " WHERE event_id = ?1 AND participant_id = ?2)"
                                           " FROM participants WHERE id = ?2",
                                           error);
  int           rc;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, event_id);
  bind_text (stmt, 2, participant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *country = column_dup (stmt, 0);
      *already = sqlite3_column_int (stmt, 1) != 0;
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _ ("There is no participant with the identifier %s"), participant_id);
  else
    liaison_store_set_error (self, error, rc);
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW;
}

static char *
dup_participant_name (LiaisonStore *self, const char *participant_id)
{
  g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (self, participant_id, NULL);

  return p != NULL ? liaison_participant_dup_display_name (p) : g_strdup (participant_id);
}

GPtrArray *
liaison_store_register_many (LiaisonStore             *self,
                             const char               *event_id,
                             const char *const        *participant_ids,
                             LiaisonRole               role,
                             LiaisonRegistrationStatus status,
                             LiaisonOrigin             origin,
                             GPtrArray               **already_registered,
                             GError                  **error)
{
  g_autoptr (GPtrArray) created = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = liaison_store_now ();
  guint            capacity = 0, taken = 0;

  if (already_registered != NULL)
    *already_registered = NULL;

  if (status != LIAISON_REGISTRATION_INVITED && status != LIAISON_REGISTRATION_REGISTERED &&
      status != LIAISON_REGISTRATION_CONFIRMED && status != LIAISON_REGISTRATION_WAITLISTED &&
      status != LIAISON_REGISTRATION_NOMINATED)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("A new registration starts as invited, registered, waitlisted, confirmed or nominated, not “%s”"),
                   liaison_registration_status_label (status));
      return NULL;
    }

  if (!liaison_store_begin (self, error))
    return NULL;

  if (!lookup_event_places (self, event_id, &capacity, &taken, error))
    goto fail;

  for (guint i = 0; participant_ids != NULL && participant_ids[i] != NULL; i++)
    {
      const char *participant_id = participant_ids[i];
      g_autoptr (LiaisonRegistration) r = NULL;
      g_autofree char          *country = NULL;
      g_autofree char          *sql = NULL;
      LiaisonRegistrationStatus arrival;
      gboolean                  already = FALSE;
      sqlite3_stmt             *stmt;

      if (!lookup_person_for_event (self, event_id, participant_id, &country, &already, error))
        goto fail;
      if (already)
        {
          g_ptr_array_add (skipped, g_strdup (participant_id));
          continue;
        }

      arrival = liaison_registration_status_on_arrival (status, taken, capacity);
      if (liaison_delegation_counts (role, arrival) && !liaison_store_check_quota_room (self, event_id, country, error))
        goto fail;
      if (liaison_registration_status_holds_place (arrival))
        taken++;
      r = liaison_registration_new (NULL, event_id, participant_id);
      liaison_registration_set_role (r, role);
      liaison_registration_restore_status (r, arrival);
      liaison_registration_restore_status_time (r, arrival, now);
      liaison_registration_set_delegation (r, country);

      sql = g_strdup_printf ("INSERT INTO registrations (id, event_id, participant_id, role, status,"
                             " delegation, created, %s) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             status_columns[arrival]);
      stmt = liaison_store_stmt (self, sql, error);
      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, liaison_registration_get_id (r));
      bind_text (stmt, 2, event_id);
      bind_text (stmt, 3, participant_id);
      bind_text (stmt, 4, liaison_enum_to_nick (LIAISON_TYPE_ROLE, role));
      bind_text (stmt, 5, liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, arrival));
      bind_text (stmt, 6, country);
      bind_text (stmt, 7, now);
      bind_text (stmt, 8, now);
      if (!liaison_store_step_done (self, stmt, error) ||
          (arrival == LIAISON_REGISTRATION_WAITLISTED &&
           !set_waitlist_end (self, event_id, liaison_registration_get_id (r), error)) ||
          !liaison_store_journal (self, origin, "create", "registration", liaison_registration_get_id (r), NULL, NULL,
                                  NULL, error) ||
          !liaison_store_note_activity (self, "participant", participant_id, error))
        goto fail;
      g_ptr_array_add (created, g_steal_pointer (&r));
    }

  if (!liaison_store_commit (self, error))
    return NULL;
  if (already_registered != NULL)
    *already_registered = g_steal_pointer (&skipped);
  return g_steal_pointer (&created);

fail:
  liaison_store_rollback (self);
  return NULL;
}

LiaisonRegistration *
liaison_store_register (LiaisonStore             *self,
                        const char               *event_id,
                        const char               *participant_id,
                        LiaisonRole               role,
                        LiaisonRegistrationStatus status,
                        LiaisonOrigin             origin,
                        GError                  **error)
{
  const char *ids[] = { participant_id, NULL };
  g_autoptr (GPtrArray) created = NULL;
  g_autoptr (GPtrArray) already = NULL;

  created = liaison_store_register_many (self, event_id, ids, role, status, origin, &already, error);
  if (created == NULL)
    return NULL;
  if (already->len > 0)
    {
      g_autofree char *name = dup_participant_name (self, participant_id);

      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("%s is already registered for this event"), name);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (created, 0));
}

static gboolean
change_status (LiaisonStore             *self,
               const char               *registration_id,
               LiaisonRegistrationStatus status,
               gboolean                  over_capacity,
               LiaisonOrigin             origin,
               char                    **promoted_id,
               GError                  **error)
{
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char          *now = liaison_store_now ();
  LiaisonRegistrationStatus old_status;
  LiaisonRegistration      *next;

  if (promoted_id != NULL)
    *promoted_id = NULL;

  if (!liaison_store_begin (self, error))
    return FALSE;

  r = liaison_store_get_registration (self, registration_id, error);
  if (r == NULL)
    goto fail;
  old_status = liaison_registration_get_status (r);
  if (old_status == status)
    return liaison_store_commit (self, error);

  event = liaison_store_get_event (self, liaison_registration_get_event_id (r), error);
  if (event == NULL)
    goto fail;
  all = liaison_store_list_registrations (self, liaison_registration_get_event_id (r), error);
  if (all == NULL)
    goto fail;

  /* Taking a place when the event is full is refused, not silently
   * waitlisted, unless the organiser said to go over it. */
  if (!over_capacity && !liaison_registration_status_holds_place (old_status) && liaison_registration_status_holds_place (status) &&
      liaison_event_get_capacity (event) > 0 && places_taken (all) >= liaison_event_get_capacity (event))
    {
      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_CAPACITY,
                   _ ("The event is full (%u places); free a place first or keep the person on the waitlist"),
                   liaison_event_get_capacity (event));
      goto fail;
    }

  /* A country's delegation keeps to its quota. */
  if (!liaison_delegation_counts (liaison_registration_get_role (r), old_status) &&
      liaison_delegation_counts (liaison_registration_get_role (r), status) &&
      !liaison_store_check_quota_room (self, liaison_registration_get_event_id (r),
                                       liaison_registration_get_delegation (r), error))
    goto fail;

  if (!liaison_registration_transition (r, status, now, error) || !write_status (self, r, old_status, origin, error))
    goto fail;

  /* A place freed: the first on the waitlist moves up, in the same transaction. */
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (liaison_registration_get_id (g_ptr_array_index (all, i)), registration_id))
      {
        liaison_registration_restore_status (g_ptr_array_index (all, i), status);
        /* Who just joined the waitlist is at its end (write_status). */
        if (status == LIAISON_REGISTRATION_WAITLISTED)
          liaison_registration_set_waitlist_order (g_ptr_array_index (all, i), TRUE, G_MAXDOUBLE);
      }

  next = liaison_registration_pick_promotion (all, liaison_event_get_capacity (event));
  if (next != NULL && liaison_registration_status_holds_place (old_status) &&
      !liaison_registration_status_holds_place (status))
    {
      if (!liaison_registration_transition (next, LIAISON_REGISTRATION_REGISTERED, now, error) ||
          !write_status (self, next, LIAISON_REGISTRATION_WAITLISTED, origin, error))
        goto fail;
      if (promoted_id != NULL)
        *promoted_id = g_strdup (liaison_registration_get_id (next));
    }

  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

gboolean
liaison_store_set_registration_status (LiaisonStore             *self,
                                       const char               *registration_id,
                                       LiaisonRegistrationStatus status,
                                       LiaisonOrigin             origin,
                                       char                    **promoted_id,
                                       GError                  **error)
{
  return change_status (self, registration_id, status, FALSE, origin, promoted_id, error);
}

/* A waitlisted person given a place by hand, whatever their place on the
 * waitlist; a full event is refused (LIAISON_CORE_ERROR_CAPACITY) unless
 * over_capacity says the organiser agreed to go over it. */
gboolean
liaison_store_promote_registration (
    LiaisonStore *self, const char *registration_id, gboolean over_capacity, LiaisonOrigin origin, GError **error)
{
  g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (self, registration_id, error);

  if (r == NULL)
    return FALSE;
  if (liaison_registration_get_status (r) != LIAISON_REGISTRATION_WAITLISTED)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("Only a person on the waitlist can be promoted; this registration is “%s”"),
                   liaison_registration_status_label (liaison_registration_get_status (r)));
      return FALSE;
    }
  return change_status (self, registration_id, LIAISON_REGISTRATION_REGISTERED, over_capacity, origin, NULL, error);
}

static gboolean
write_waitlist_order (LiaisonStore *self, LiaisonRegistration *r, double order, LiaisonOrigin origin, GError **error)
{
  char          old_text[G_ASCII_DTOSTR_BUF_SIZE] = "";
  char          new_text[G_ASCII_DTOSTR_BUF_SIZE];
  double        old_order;
  gboolean      had = liaison_registration_get_waitlist_order (r, &old_order);
  sqlite3_stmt *stmt;

  if (had)
    g_ascii_dtostr (old_text, sizeof old_text, old_order);
  g_ascii_dtostr (new_text, sizeof new_text, order);
  stmt = liaison_store_stmt (self, "UPDATE registrations SET waitlist_order = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_double (stmt, 1, order);
  bind_text (stmt, 2, liaison_registration_get_id (r));
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;
  liaison_registration_set_waitlist_order (r, TRUE, order);
  return liaison_store_journal (self, origin, "update", "registration", liaison_registration_get_id (r),
                                "waitlist_order", had ? old_text : NULL, new_text, error);
}

/* Moves a waitlisted person to a place (1 is the first; a place past the
 * end is the end). One number changes, the moved person's, between its
 * new neighbours'; the whole list is numbered again only when a person
 * without a number (brought by the sync) is on it or the numbers between
 * two neighbours have run out. */
gboolean
liaison_store_move_waitlisted (
    LiaisonStore *self, const char *registration_id, guint place, LiaisonOrigin origin, GError **error)
{
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) waitlist = NULL;
  LiaisonRegistration *moved = NULL;
  gboolean             numbered = TRUE;
  double               before = 0, after = 0, order;
  gboolean             has_before, has_after;
  guint                from = 0, to;

  if (!liaison_store_begin (self, error))
    return FALSE;
  r = liaison_store_get_registration (self, registration_id, error);
  if (r == NULL)
    goto fail;
  if (liaison_registration_get_status (r) != LIAISON_REGISTRATION_WAITLISTED)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("Only a person on the waitlist has a place on it; this registration is “%s”"),
                   liaison_registration_status_label (liaison_registration_get_status (r)));
      goto fail;
    }
  if (place == 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("Places on the waitlist start at 1"));
      goto fail;
    }
  all = liaison_store_list_registrations (self, liaison_registration_get_event_id (r), error);
  if (all == NULL)
    goto fail;
  waitlist = liaison_registration_sort_waitlist (all);
  for (guint i = 0; i < waitlist->len; i++)
    {
      LiaisonRegistration *w = g_ptr_array_index (waitlist, i);

      if (g_str_equal (liaison_registration_get_id (w), registration_id))
        from = i, moved = w;
      numbered = numbered && liaison_registration_get_waitlist_order (w, NULL);
    }
  g_assert (moved != NULL);
  to = MIN (place, waitlist->len) - 1;
  if (to == from && numbered)
    return liaison_store_commit (self, error);
  g_ptr_array_remove_index (waitlist, from);
  g_ptr_array_insert (waitlist, to, moved);

  has_before = to > 0 && liaison_registration_get_waitlist_order (g_ptr_array_index (waitlist, to - 1), &before);
  has_after = to + 1 < waitlist->len &&
              liaison_registration_get_waitlist_order (g_ptr_array_index (waitlist, to + 1), &after);
  if (numbered && liaison_registration_order_between (has_before, before, has_after, after, &order))
    {
      if (!write_waitlist_order (self, moved, order, origin, error))
        goto fail;
    }
  else
    for (guint i = 0; i < waitlist->len; i++)
      {
        LiaisonRegistration *w = g_ptr_array_index (waitlist, i);
        double               current;

        if ((!liaison_registration_get_waitlist_order (w, &current) || current != i + 1) &&
            !write_waitlist_order (self, w, i + 1, origin, error))
          goto fail;
      }
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

/* Moves the first waitlisted person of an event up if a place is free. */
static gboolean
promote_from_waitlist (
    LiaisonStore *self, const char *event_id, LiaisonOrigin origin, char **promoted_id, GError **error)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autofree char     *now = liaison_store_now ();
  guint                capacity = 0, taken = 0;
  LiaisonRegistration *next;

  if (!lookup_event_places (self, event_id, &capacity, &taken, error))
    return FALSE;
  all = liaison_store_list_registrations (self, event_id, error);
  if (all == NULL)
    return FALSE;
  next = liaison_registration_pick_promotion (all, capacity);
  if (next == NULL)
    return TRUE;
  if (!liaison_registration_transition (next, LIAISON_REGISTRATION_REGISTERED, now, error) ||
      !write_status (self, next, LIAISON_REGISTRATION_WAITLISTED, origin, error))
    return FALSE;
  if (promoted_id != NULL)
    *promoted_id = g_strdup (liaison_registration_get_id (next));
  return TRUE;
}

gboolean
liaison_store_delete_registration_row (
    LiaisonStore *self, const char *id, LiaisonOrigin origin, gboolean promote, char **promoted_id, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char          *snapshot = NULL;
  g_autofree char          *event_id = NULL;
  LiaisonRegistrationStatus status = LIAISON_REGISTRATION_INVITED;
  sqlite3_stmt             *stmt;
  int                       rc;

  for (guint i = 0; i < G_N_ELEMENTS (liaison_store_registration_columns); i++)
    g_string_append_printf (sql, "%s%s", i > 0 ? ", " : "", liaison_store_registration_columns[i]);
  g_string_append (sql, " FROM registrations WHERE id = ?");

  if (!liaison_store_begin (self, error))
    return FALSE;

  stmt = liaison_store_stmt (self, sql->str, error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      json_builder_begin_object (builder);
      for (guint i = 0; i < G_N_ELEMENTS (liaison_store_registration_columns); i++)
        if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
          {
            json_builder_set_member_name (builder, liaison_store_registration_columns[i]);
            json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, i));
          }
      json_builder_end_object (builder);
      event_id = column_dup (stmt, 0);
      status = nick_value (LIAISON_TYPE_REGISTRATION_STATUS, (const char *) sqlite3_column_text (stmt, 3), 0);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                     _ ("There is no registration with the identifier %s"), id);
      else
        liaison_store_set_error (self, error, rc);
      goto fail;
    }
  root = json_builder_get_root (builder);
  snapshot = json_to_string (root, FALSE);

  stmt = liaison_store_stmt (self, "DELETE FROM registrations WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  if (!liaison_store_step_done (self, stmt, error) ||
      !liaison_store_journal (self, origin, "delete", "registration", id, NULL, snapshot, NULL, error))
    goto fail;

  if (promote && liaison_registration_status_holds_place (status) &&
      !promote_from_waitlist (self, event_id, origin, promoted_id, error))
    goto fail;

  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

/* Each registration leaves with a journal entry of its own, so undoing the
 * deletion of an event or a person brings their registrations back. */
gboolean
liaison_store_delete_registrations_of (
    LiaisonStore *self, const char *column, const char *id, LiaisonOrigin origin, gboolean promote, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM registrations WHERE %s = ? ORDER BY rowid", column);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, column_dup (stmt, 0));
  sqlite3_reset (stmt);

  for (guint i = 0; i < ids->len; i++)
    if (!liaison_store_delete_registration_row (self, g_ptr_array_index (ids, i), origin, promote, NULL, error))
      return FALSE;
  return TRUE;
}

gboolean
liaison_store_delete_registration (
    LiaisonStore *self, const char *id, LiaisonOrigin origin, char **promoted_id, GError **error)
{
  if (promoted_id != NULL)
    *promoted_id = NULL;
  /* Moving the waitlist up is this office's decision; a removal pulled
   * from the secretariat arrives with the secretariat's own moves. */
  return liaison_store_delete_registration_row (self, id, origin, origin == LIAISON_ORIGIN_LOCAL, promoted_id, error);
}

static char **
registration_edit_values (LiaisonRegistration *r)
{
  char **v = liaison_store_values_new (LIAISON_STORE_N_REGISTRATION_EDIT_FIELDS);

  v[0] = g_strdup (liaison_enum_to_nick (LIAISON_TYPE_ROLE, liaison_registration_get_role (r)));
  v[1] = g_strdup (liaison_registration_get_delegation (r));
  v[2] = g_strdup (liaison_registration_get_notes (r));
  return v;
}

/* A registration's own texts: notes typed here follow the rule of an
 * entrance (liaison_text_check); any other, what every stored text is. */
static gboolean
validate_registration (LiaisonRegistration *r, LiaisonRegistration *old, LiaisonOrigin origin, GError **error)
{
  const char *notes = liaison_registration_get_notes (r);
  gboolean    typed = origin == LIAISON_ORIGIN_LOCAL && g_strcmp0 (notes, liaison_registration_get_notes (old)) != 0;

  return liaison_text_check_field (notes, LIAISON_TEXT_NOTE, _ ("notes"), typed, error) &&
         liaison_text_check_field (liaison_registration_get_delegation (r), LIAISON_TEXT_SHORT, _ ("delegation"), FALSE, error);
}

gboolean
liaison_store_update_registration (LiaisonStore        *self,
                                   LiaisonRegistration *registration,
                                   LiaisonOrigin        origin,
                                   GError             **error)
{
  g_autoptr (LiaisonRegistration) old = NULL;
  g_auto (LiaisonStoreValues) old_values = NULL;
  g_auto (LiaisonStoreValues) values = NULL;
  sqlite3_stmt *stmt;
  const char   *id = liaison_registration_get_id (registration);

  if (!liaison_store_begin (self, error))
    return FALSE;
  old = liaison_store_get_registration (self, id, error);
  if (old == NULL || !validate_registration (registration, old, origin, error))
    goto fail;
  old_values = registration_edit_values (old);
  values = registration_edit_values (registration);

  stmt = liaison_store_stmt (self, "UPDATE registrations SET role = ?, delegation = ?, notes = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  for (guint i = 0; i < G_N_ELEMENTS (liaison_store_registration_edit_fields); i++)
    bind_text (stmt, i + 1, values[i]);
  bind_text (stmt, 4, id);
  if (!liaison_store_step_done (self, stmt, error) ||
      !liaison_store_journal_diff (self, origin, "registration", id, liaison_store_registration_edit_fields,
                                   G_N_ELEMENTS (liaison_store_registration_edit_fields), old_values, values, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Clashes                                                                   */

/* The instants an event covers: to the minute with a time, whole days in
 * its zone with dates only; FALSE for an event known only by month. */
static gboolean
event_span (LiaisonEvent *event, gint64 *from, gint64 *to)
{
  g_autoptr (GDateTime) start = NULL;
  g_autoptr (GDateTime) end = NULL;
  LiaisonDatePrecision precision = liaison_event_get_precision (event);

  if (precision != LIAISON_DATE_PRECISION_TIME && precision != LIAISON_DATE_PRECISION_DAY)
    return FALSE;
  start = liaison_event_dup_start_date_time (event);
  end = liaison_event_dup_end_date_time (event);
  if (start == NULL || end == NULL)
    return FALSE;
  *from = g_date_time_to_unix (start);
  *to = g_date_time_to_unix (end);
  if (precision == LIAISON_DATE_PRECISION_DAY)
    *to += 24 * 3600 - 1;
  else if (*to <= *from)
    *to = *from + 3600;
  return TRUE;
}

static gboolean
spans_overlap (LiaisonEvent *a, LiaisonEvent *b)
{
  gint64 a0, a1, b0, b1;

  return event_span (a, &a0, &a1) && event_span (b, &b0, &b1) && a0 <= b1 && b0 <= a1;
}

static char *
fold_venue (const char *venue)
{
  g_autofree char *trimmed = venue != NULL ? g_strstrip (g_strdup (venue)) : NULL;

  return trimmed != NULL && *trimmed != '\0' ? g_utf8_casefold (trimmed, -1) : NULL;
}

/* The other events, not cancelled, whose time overlaps the event's; an
 * event is never more than a year from its neighbours' years. */
static GPtrArray *
list_overlapping_events (LiaisonStore *self, LiaisonEvent *event, GError **error)
{
  g_autoptr (GPtrArray) overlapping = g_ptr_array_new_with_free_func (g_object_unref);

  for (int year = liaison_event_get_year (event) - 1; year <= liaison_event_get_year (event) + 1; year++)
    {
      LiaisonEventFilter filter = LIAISON_EVENT_FILTER_INIT;
      g_autoptr (GPtrArray) candidates = NULL;

      filter.year = year;
      candidates = liaison_store_list_events (self, &filter, error);
      if (candidates == NULL)
        return NULL;
      for (guint i = 0; i < candidates->len; i++)
        {
          LiaisonEvent *other = g_ptr_array_index (candidates, i);

          if (!g_str_equal (liaison_event_get_id (other), liaison_event_get_id (event)) &&
              liaison_event_get_status (other) != LIAISON_EVENT_STATUS_CANCELLED && spans_overlap (event, other))
            g_ptr_array_add (overlapping, g_object_ref (other));
        }
    }
  return g_steal_pointer (&overlapping);
}

/* Other events at the same venue at an overlapping time, and people of
 * this event booked into another event that overlaps it: warnings for the
 * editor, never refusals (a venue may host two rooms). */
gboolean
liaison_store_find_clashes (
    LiaisonStore *self, LiaisonEvent *event, GPtrArray **venue_clashes, GPtrArray **people_clashes, GError **error)
{
  g_autoptr (GPtrArray) venues = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *venue = fold_venue (liaison_event_get_venue (event));
  gint64           from, to;

  if (event_span (event, &from, &to))
    {
      g_autoptr (GPtrArray) overlapping = list_overlapping_events (self, event, error);

      if (overlapping == NULL)
        return FALSE;
      for (guint i = 0; i < overlapping->len; i++)
        {
          LiaisonEvent    *other = g_ptr_array_index (overlapping, i);
          g_autofree char *other_venue = fold_venue (liaison_event_get_venue (other));

          if (venue != NULL && g_strcmp0 (venue, other_venue) == 0)
            g_ptr_array_add (venues, g_object_ref (other));
        }

      {
        sqlite3_stmt *stmt = liaison_store_stmt (self,
                                                 "SELECT r.participant_id, other.event_id FROM registrations r"
                                                 " JOIN registrations other ON other.participant_id = r.participant_id"
                                                 "  AND other.event_id != r.event_id"
                                                 " WHERE r.event_id = ?"
                                                 "  AND r.status != 'declined' AND r.status != 'cancelled'"
                                                 "  AND other.status != 'declined' AND other.status != 'cancelled'",
                                                 error);
        g_autoptr (GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);

        if (stmt == NULL)
          return FALSE;
        bind_text (stmt, 1, liaison_event_get_id (event));
        while (sqlite3_step (stmt) == SQLITE_ROW)
          {
            g_ptr_array_add (pairs, column_dup (stmt, 0));
            g_ptr_array_add (pairs, column_dup (stmt, 1));
          }
        sqlite3_reset (stmt);

        for (guint i = 0; i + 1 < pairs->len; i += 2)
          {
            g_autoptr (LiaisonEvent) other = liaison_store_get_event (self, g_ptr_array_index (pairs, i + 1), NULL);

            if (other != NULL && liaison_event_get_status (other) != LIAISON_EVENT_STATUS_CANCELLED &&
                spans_overlap (event, other))
              {
                g_autofree char *name = dup_participant_name (self, g_ptr_array_index (pairs, i));
                LiaisonLanguage  lang = liaison_language_for_locale ();

                /* Translators: a clash, “李霞 — also at “Forum 2025” then” */
                g_ptr_array_add (
                    people, g_strdup_printf (_ ("%1$s is also at “%2$s” then"), name,
                                             liaison_bilingual_get_display (liaison_event_get_title (other), lang)));
              }
          }
      }
    }

  if (venue_clashes != NULL)
    *venue_clashes = g_steal_pointer (&venues);
  if (people_clashes != NULL)
    *people_clashes = g_steal_pointer (&people);
  return TRUE;
}

/* Everyone booked (not declined or cancelled) into another event whose
 * time overlaps the event's: participant id → that event (the first by
 * start when there are several). For warnings when people are added to
 * the event; empty for an event known only by its month or year. */
GHashTable *
liaison_store_find_overlapping_bookings (LiaisonStore *self, LiaisonEvent *event, GError **error)
{
  g_autoptr (GHashTable) busy = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr (GPtrArray) overlapping = NULL;
  sqlite3_stmt *stmt;
  gint64        from, to;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (LIAISON_IS_EVENT (event), NULL);

  if (!event_span (event, &from, &to))
    return g_steal_pointer (&busy);
  overlapping = list_overlapping_events (self, event, error);
  if (overlapping == NULL)
    return NULL;
  stmt = liaison_store_stmt (self,
                             "SELECT participant_id FROM registrations WHERE event_id = ?"
                             " AND status != 'declined' AND status != 'cancelled'",
                             error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < overlapping->len; i++)
    {
      LiaisonEvent *other = g_ptr_array_index (overlapping, i);
      int           rc;

      bind_text (stmt, 1, liaison_event_get_id (other));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        if (!g_hash_table_contains (busy, sqlite3_column_text (stmt, 0)))
          g_hash_table_insert (busy, column_dup (stmt, 0), g_object_ref (other));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          liaison_store_set_error (self, error, rc);
          return NULL;
        }
    }
  return g_steal_pointer (&busy);
}

/* ------------------------------------------------------------------------ */
/* Check-in                                                                  */

GPtrArray *
liaison_store_find_registrations (LiaisonStore *self, const char *event_id, const char *text, GError **error)
{
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *code = g_strstrip (g_ascii_strdown (text != NULL ? text : "", -1));

  all = liaison_store_list_registrations (self, event_id, error);
  if (all == NULL)
    return NULL;
  if (*code == '\0')
    return g_steal_pointer (&found);

  /* A code: the whole identifier or, as badges print it, its end. */
  if (strlen (code) >= 4 && liaison_store_looks_like_id_part (code))
    for (guint i = 0; i < all->len; i++)
      {
        LiaisonRegistration *r = g_ptr_array_index (all, i);
        const char          *id = liaison_registration_get_id (r);

        if (g_str_equal (id, code) || g_str_has_suffix (id, code) || g_str_has_prefix (id, code))
          g_ptr_array_add (found, g_object_ref (r));
      }
  if (found->len > 0)
    return g_steal_pointer (&found);

  /* A name, in any script. */
  {
    g_autoptr (GPtrArray) ids = liaison_store_search_ids (self, "participant", text, 200, error);

    if (ids == NULL)
      return NULL;
    for (guint i = 0; i < all->len; i++)
      {
        LiaisonRegistration *r = g_ptr_array_index (all, i);

        if (g_ptr_array_find_with_equal_func (ids, liaison_registration_get_participant_id (r), g_str_equal, NULL))
          g_ptr_array_add (found, g_object_ref (r));
      }
  }
  return g_steal_pointer (&found);
}

LiaisonRegistration *
liaison_store_check_in (LiaisonStore *self, const char *registration_id, LiaisonOrigin origin, GError **error)
{
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autofree char          *name = NULL;
  LiaisonRegistrationStatus steps[3];
  guint                     n_steps = 0;

  if (!liaison_store_begin (self, error))
    return NULL;
  r = liaison_store_get_registration (self, registration_id, error);
  if (r == NULL)
    goto fail;
  name = dup_participant_name (self, liaison_registration_get_participant_id (r));

  /* The legal steps from where the person is to "attended". */
  switch (liaison_registration_get_status (r))
    {
    case LIAISON_REGISTRATION_INVITED:
      steps[n_steps++] = LIAISON_REGISTRATION_REGISTERED;
      G_GNUC_FALLTHROUGH;
    case LIAISON_REGISTRATION_REGISTERED:
      steps[n_steps++] = LIAISON_REGISTRATION_CONFIRMED;
      G_GNUC_FALLTHROUGH;
    case LIAISON_REGISTRATION_CONFIRMED:
    case LIAISON_REGISTRATION_NO_SHOW:
      steps[n_steps++] = LIAISON_REGISTRATION_ATTENDED;
      break;
    case LIAISON_REGISTRATION_ATTENDED:
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   /* Translators: %s is a person's name */
                   _ ("%s is already checked in"), name);
      goto fail;
    case LIAISON_REGISTRATION_WAITLISTED:
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _ ("%s is on the waitlist: give them a place first"), name);
      goto fail;
    case LIAISON_REGISTRATION_DECLINED:
    case LIAISON_REGISTRATION_CANCELLED:
    default:
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   /* Translators: %1$s is a person's name, %2$s a registration status */
                   _ ("%1$s cannot be checked in: their registration is “%2$s”"), name,
                   liaison_registration_status_label (liaison_registration_get_status (r)));
      goto fail;
    }

  for (guint i = 0; i < n_steps; i++)
    if (!liaison_store_set_registration_status (self, registration_id, steps[i], origin, NULL, error))
      goto fail;
  g_clear_object (&r);
  r = liaison_store_get_registration (self, registration_id, error);
  if (r == NULL || !liaison_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&r);

fail:
  liaison_store_rollback (self);
  return NULL;
}
