/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-store-private.h"
#include "liaison-store-sync.h"

/* The conflict queue: fields both sides changed differently, and records
 * edited on one side and deleted on the other, until a person decides. */

gint64
liaison_store_add_conflict (LiaisonStore *self,
                            const char   *entity,
                            const char   *entity_id,
                            const char   *field,
                            const char   *base_value,
                            const char   *local_value,
                            const char   *remote_value,
                            GError      **error)
{
  g_autofree char *now = liaison_store_now ();
  sqlite3_stmt    *stmt = liaison_store_stmt (self,
                                              "INSERT INTO sync_conflicts (entity, entity_id, field, base_value,"
                                                 " local_value, remote_value, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
                                              error);

  if (stmt == NULL)
    return 0;
  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, entity_id);
  bind_text (stmt, 3, field);
  bind_text (stmt, 4, base_value);
  bind_text (stmt, 5, local_value);
  bind_text (stmt, 6, remote_value);
  bind_text (stmt, 7, now);
  if (!liaison_store_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
}

#define CONFLICT_SELECT                                                                                       \
  "SELECT id, entity, entity_id, field, base_value, local_value, remote_value, created, resolved, resolution" \
  " FROM sync_conflicts"

static LiaisonConflict *
conflict_from_row (sqlite3_stmt *stmt)
{
  return liaison_conflict_new (sqlite3_column_int64 (stmt, 0),
                               (const char *) sqlite3_column_text (stmt, 1),
                               (const char *) sqlite3_column_text (stmt, 2),
                               (const char *) sqlite3_column_text (stmt, 3),
                               (const char *) sqlite3_column_text (stmt, 4),
                               (const char *) sqlite3_column_text (stmt, 5),
                               (const char *) sqlite3_column_text (stmt, 6),
                               (const char *) sqlite3_column_text (stmt, 7),
                               (const char *) sqlite3_column_text (stmt, 8),
                               (const char *) sqlite3_column_text (stmt, 9));
}

/* Oldest first; resolved ones too when asked, for an audit. */
GPtrArray *
liaison_store_list_conflicts (LiaisonStore *self,
                              gboolean      include_resolved,
                              GError      **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = liaison_store_stmt (self, CONFLICT_SELECT " WHERE ?1 OR resolved IS NULL ORDER BY id", error);
  int           rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_resolved);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, conflict_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&list);
}

guint
liaison_store_count_conflicts (LiaisonStore *self)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT count(*) FROM sync_conflicts WHERE resolved IS NULL", NULL);
  guint         n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* The record already holds the server's side of a conflict (see HACKING.md,
 * "Conflicts"), so keeping the remote side only closes the entry; keeping
 * the local side writes it back as a local change, which the next sync
 * sends. Where a whole record was deleted on one side, the side chosen
 * decides whether it stays. */
gboolean
liaison_store_resolve_conflict (LiaisonStore         *self,
                                gint64                id,
                                LiaisonConflictChoice keep,
                                GError              **error)
{
  g_autoptr (LiaisonConflict) c = NULL;
  g_autofree char *now = liaison_store_now ();
  sqlite3_stmt    *stmt;
  const char      *entity, *entity_id, *field, *chosen;
  gboolean         exists;

  if (!liaison_store_begin (self, error))
    return FALSE;

  stmt = liaison_store_stmt (self, CONFLICT_SELECT " WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    c = conflict_from_row (stmt);
  sqlite3_reset (stmt);
  if (c == NULL || liaison_conflict_get_resolved (c) != NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND, _ ("There is no open conflict number %s"), number);
      goto fail;
    }

  entity = liaison_conflict_get_entity (c);
  entity_id = liaison_conflict_get_entity_id (c);
  field = liaison_conflict_get_field (c);
  chosen = keep == LIAISON_CONFLICT_KEEP_LOCAL ? liaison_conflict_get_local_value (c)
                                               : liaison_conflict_get_remote_value (c);
  {
    g_autoptr (GHashTable) current = liaison_store_sync_get_fields (self, entity, entity_id, NULL);

    exists = current != NULL;
    if (field == NULL)
      {
        if (chosen == NULL && exists && !liaison_store_sync_delete_entity (self, entity, entity_id, LIAISON_ORIGIN_LOCAL, error))
          goto fail;
      }
    else if (keep == LIAISON_CONFLICT_KEEP_LOCAL && exists)
      {
        liaison_sync_fields_put (current, field, chosen);
        if (!liaison_store_sync_apply_fields (self, entity, entity_id, current, LIAISON_ORIGIN_LOCAL, error))
          goto fail;
      }
  }

  stmt = liaison_store_stmt (self, "UPDATE sync_conflicts SET resolved = ?, resolution = ? WHERE id = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, now);
  bind_text (stmt, 2, keep == LIAISON_CONFLICT_KEEP_LOCAL ? "local" : "remote");
  sqlite3_bind_int64 (stmt, 3, id);
  if (!liaison_store_step_done (self, stmt, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}
