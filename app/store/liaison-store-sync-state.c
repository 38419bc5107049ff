/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include "liaison-store-private.h"
#include "liaison-store-sync.h"

/* What sync keeps between runs: the account, its collections and their
 * tokens, the server's resources as of the last sync, the outbox and the
 * writes sent but not yet confirmed, and the resources skipped. */

void
liaison_sync_resource_free (LiaisonSyncResource *resource)
{
  g_free (resource->entity);
  g_free (resource->entity_id);
  g_free (resource->href);
  g_free (resource->etag);
  g_free (resource->base);
  g_free (resource);
}

/* ------------------------------------------------------------------------ */
/* Account, collections, resources                                           */

static char *
state_get (LiaisonStore *self,
           const char   *key)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT value FROM sync_state WHERE key = ?", NULL);
  char         *value = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gboolean
state_set (LiaisonStore *self,
           const char   *key,
           const char   *value,
           GError      **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, key);
  bind_text (stmt, 2, value);
  return liaison_store_step_done (self, stmt, error);
}

/* Another server or user: what this database knew of the old one means
 * nothing there, and every record goes to the new one. */
gboolean
liaison_store_sync_set_account (LiaisonStore *self,
                                const char   *account,
                                GError      **error)
{
  g_autofree char *old = state_get (self, "account");
  g_autofree char *cursor = NULL;

  if (g_strcmp0 (old, account) == 0)
    return TRUE;
  if (!liaison_store_begin (self, error))
    return FALSE;
  if (old != NULL)
    {
      g_autofree char *now = liaison_store_now ();
      sqlite3_stmt    *stmt;

      cursor = g_strdup_printf ("%" G_GINT64_FORMAT, liaison_store_get_last_seq (self));
      if (!liaison_store_exec (self, "DELETE FROM sync_collections; DELETE FROM sync_resources; DELETE FROM sync_skipped", error) || !state_set (self, "journal-cursor", cursor, error) || !state_set (self, "last-sync", NULL, error))
        goto fail;
      stmt = liaison_store_stmt (self, "INSERT OR IGNORE INTO sync_outbox (entity, entity_id, queued)"
                                       " SELECT 'event', id, ?1 FROM events"
                                       " UNION ALL SELECT 'participant', id, ?1 FROM participants",
                                 error);
      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, now);
      if (!liaison_store_step_done (self, stmt, error))
        goto fail;
    }
  if (!state_set (self, "account", account, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

static const char *
service_name (LiaisonSyncService service)
{
  return service == LIAISON_SYNC_SERVICE_CALDAV ? "caldav" : "carddav";
}

char *
liaison_store_sync_get_collection (LiaisonStore      *self,
                                   LiaisonSyncService service,
                                   char             **sync_token)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT url, sync_token FROM sync_collections WHERE service = ?", NULL);
  char         *url = NULL;

  if (sync_token != NULL)
    *sync_token = NULL;
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, service_name (service));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      url = column_dup (stmt, 0);
      if (sync_token != NULL)
        *sync_token = column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  return url;
}

gboolean
liaison_store_sync_set_collection (LiaisonStore      *self,
                                   LiaisonSyncService service,
                                   const char        *url,
                                   GError           **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "INSERT INTO sync_collections (service, url) VALUES (?, ?)"
                                           " ON CONFLICT (service) DO UPDATE SET url = excluded.url,"
                                           " sync_token = CASE WHEN url = excluded.url THEN sync_token END",
                                           error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, service_name (service));
  bind_text (stmt, 2, url);
  return liaison_store_step_done (self, stmt, error);
}

/* Another collection for a service that had one: what this office knew of
 * the old one (versions, merge bases, writes without an answer) is
 * forgotten, and every record of the service is queued, so the first sync
 * with the new one merges what both hold and sends the rest; nothing here
 * is taken for deleted because the new collection lacks it. */
gboolean
liaison_store_sync_switch_collection (LiaisonStore      *self,
                                      LiaisonSyncService service,
                                      const char        *url,
                                      GError           **error)
{
  const char      *entity = service == LIAISON_SYNC_SERVICE_CALDAV ? "event" : "participant";
  const char      *queue_all = service == LIAISON_SYNC_SERVICE_CALDAV
                                   ? "INSERT OR IGNORE INTO sync_outbox (entity, entity_id, queued)"
                                     " SELECT 'event', id, ? FROM events"
                                   : "INSERT OR IGNORE INTO sync_outbox (entity, entity_id, queued)"
                                     " SELECT 'participant', id, ? FROM participants";
  g_autofree char *now = liaison_store_now ();
  sqlite3_stmt    *stmt;

  if (!liaison_store_sync_begin (self, error))
    return FALSE;
  if (!liaison_store_sync_set_collection (self, service, url, error))
    goto fail;
  stmt = liaison_store_stmt (self, "DELETE FROM sync_resources WHERE entity = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, entity);
  if (!liaison_store_step_done (self, stmt, error))
    goto fail;
  stmt = liaison_store_stmt (self, "DELETE FROM sync_sent WHERE entity = ?", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, entity);
  if (!liaison_store_step_done (self, stmt, error))
    goto fail;
  stmt = liaison_store_stmt (self, queue_all, error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, now);
  if (!liaison_store_step_done (self, stmt, error))
    goto fail;
  return liaison_store_sync_commit (self, error);

fail:
  liaison_store_sync_rollback (self);
  return FALSE;
}

gboolean
liaison_store_sync_set_token (LiaisonStore      *self,
                              LiaisonSyncService service,
                              const char        *token,
                              GError           **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "UPDATE sync_collections SET sync_token = ? WHERE service = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, token);
  bind_text (stmt, 2, service_name (service));
  return liaison_store_step_done (self, stmt, error);
}

static LiaisonSyncResource *
resource_from_row (sqlite3_stmt *stmt)
{
  LiaisonSyncResource *r = g_new0 (LiaisonSyncResource, 1);

  r->entity = column_dup (stmt, 0);
  r->entity_id = column_dup (stmt, 1);
  r->href = column_dup (stmt, 2);
  r->etag = column_dup (stmt, 3);
  r->base = column_dup (stmt, 4);
  return r;
}

LiaisonSyncResource *
liaison_store_sync_get_resource (LiaisonStore *self,
                                 const char   *entity,
                                 const char   *id)
{
  sqlite3_stmt        *stmt = liaison_store_stmt (self, "SELECT entity, entity_id, href, etag, base FROM sync_resources"
                                                               " WHERE entity = ? AND entity_id = ?",
                                                  NULL);
  LiaisonSyncResource *r = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    r = resource_from_row (stmt);
  sqlite3_reset (stmt);
  return r;
}

LiaisonSyncResource *
liaison_store_sync_get_resource_by_href (LiaisonStore *self,
                                         const char   *href)
{
  sqlite3_stmt        *stmt = liaison_store_stmt (self, "SELECT entity, entity_id, href, etag, base FROM sync_resources"
                                                               " WHERE href = ?",
                                                  NULL);
  LiaisonSyncResource *r = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, href);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    r = resource_from_row (stmt);
  sqlite3_reset (stmt);
  return r;
}

/* href → etag of every record of one kind known to be on the server. */
GHashTable *
liaison_store_sync_list_resources (LiaisonStore *self,
                                   const char   *entity)
{
  GHashTable   *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT href, etag FROM sync_resources WHERE entity = ?", NULL);

  if (stmt == NULL)
    return map;
  bind_text (stmt, 1, entity);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_insert (map, column_dup (stmt, 0), column_dup (stmt, 1));
  sqlite3_reset (stmt);
  return map;
}

/* The ETag of the resource at href known here, or NULL. */
char *
liaison_store_sync_get_etag (LiaisonStore *self,
                             const char   *href)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT etag FROM sync_resources WHERE href = ?", NULL);
  char         *etag = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, href);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    etag = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return etag;
}

gboolean
liaison_store_sync_put_resource (LiaisonStore *self,
                                 const char   *entity,
                                 const char   *id,
                                 const char   *href,
                                 const char   *etag,
                                 const char   *base,
                                 GError      **error)
{
  sqlite3_stmt *stmt;

  if (!liaison_store_begin (self, error))
    return FALSE;
  /* An href moves to the record that now holds it. */
  stmt = liaison_store_stmt (self, "DELETE FROM sync_resources WHERE href = ? AND NOT (entity = ? AND entity_id = ?)", error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, href);
  bind_text (stmt, 2, entity);
  bind_text (stmt, 3, id);
  if (!liaison_store_step_done (self, stmt, error))
    goto fail;
  stmt = liaison_store_stmt (self, "INSERT OR REPLACE INTO sync_resources (entity, entity_id, href, etag, base)"
                                   " VALUES (?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, id);
  bind_text (stmt, 3, href);
  bind_text (stmt, 4, etag);
  bind_text (stmt, 5, base);
  if (!liaison_store_step_done (self, stmt, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

gboolean
liaison_store_sync_remove_resource (LiaisonStore *self,
                                    const char   *entity,
                                    const char   *id,
                                    GError      **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "DELETE FROM sync_resources WHERE entity = ? AND entity_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, id);
  return liaison_store_step_done (self, stmt, error);
}

/* ------------------------------------------------------------------------ */
/* Imported text                                                             */

char *
liaison_store_sync_get_imported_text (LiaisonStore *self,
                                      const char   *event_id)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT text FROM imported_texts WHERE event_id = ?", NULL);
  char         *text = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, event_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return text;
}

/* text NULL forgets it. */
gboolean
liaison_store_sync_set_imported_text (LiaisonStore *self,
                                      const char   *event_id,
                                      const char   *text,
                                      GError      **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, text != NULL ? "INSERT OR REPLACE INTO imported_texts (event_id, text) VALUES (?, ?)" : "DELETE FROM imported_texts WHERE event_id = ?",
                                           error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, event_id);
  if (text != NULL)
    bind_text (stmt, 2, text);
  return liaison_store_step_done (self, stmt, error);
}

/* ------------------------------------------------------------------------ */
/* Outbox                                                                    */

/* Moves what the journal recorded since the last feed into the outbox, in
 * one transaction with the cursor, so a crash neither loses nor repeats a
 * change. Registrations travel inside their event; a deleted participant
 * leaves the attendee lists of the events that had them. */
gboolean
liaison_store_sync_feed_outbox (LiaisonStore *self,
                                GError      **error)
{
  g_autofree char *cursor_text = NULL;
  g_autofree char *now = liaison_store_now ();
  g_autofree char *last_text = NULL;
  g_autoptr (GPtrArray) deleted = g_ptr_array_new_with_free_func (g_free);
  gint64        cursor, last;
  sqlite3_stmt *stmt;

  if (!liaison_store_begin (self, error))
    return FALSE;
  cursor_text = state_get (self, "journal-cursor");
  cursor = cursor_text ? g_ascii_strtoll (cursor_text, NULL, 10) : 0;
  last = liaison_store_get_last_seq (self);
  if (last <= cursor)
    return liaison_store_commit (self, error);

  stmt = liaison_store_stmt (self,
                             "INSERT OR IGNORE INTO sync_outbox (entity, entity_id, queued)"
                             " SELECT DISTINCT entity, entity_id, ?3 FROM journal"
                             " WHERE seq > ?1 AND seq <= ?2 AND origin != 'remote'"
                             " AND (entity = 'event' OR entity = 'participant')",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cursor);
  sqlite3_bind_int64 (stmt, 2, last);
  bind_text (stmt, 3, now);
  if (!liaison_store_step_done (self, stmt, error))
    goto fail;

  stmt = liaison_store_stmt (self,
                             "INSERT OR IGNORE INTO sync_outbox (entity, entity_id, queued)"
                             " SELECT DISTINCT 'event', r.event_id, ?3 FROM journal j"
                             " JOIN registrations r ON r.id = j.entity_id"
                             " WHERE j.seq > ?1 AND j.seq <= ?2 AND j.origin != 'remote' AND j.entity = 'registration'",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cursor);
  sqlite3_bind_int64 (stmt, 2, last);
  bind_text (stmt, 3, now);
  if (!liaison_store_step_done (self, stmt, error))
    goto fail;

  /* A registration removed here is gone from its table: its event is in
   * the journal's copy of it (see delete_registration_row). */
  stmt = liaison_store_stmt (self,
                             "INSERT OR IGNORE INTO sync_outbox (entity, entity_id, queued)"
                             " SELECT DISTINCT 'event', json_extract (old_value, '$.event_id'), ?3 FROM journal"
                             " WHERE seq > ?1 AND seq <= ?2 AND origin != 'remote' AND entity = 'registration'"
                             " AND action = 'delete' AND json_valid (old_value)"
                             " AND json_extract (old_value, '$.event_id') IS NOT NULL",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cursor);
  sqlite3_bind_int64 (stmt, 2, last);
  bind_text (stmt, 3, now);
  if (!liaison_store_step_done (self, stmt, error))
    goto fail;

  stmt = liaison_store_stmt (self,
                             "SELECT entity_id FROM journal WHERE seq > ?1 AND seq <= ?2 AND origin != 'remote'"
                             " AND entity = 'participant' AND action = 'delete'",
                             error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, cursor);
  sqlite3_bind_int64 (stmt, 2, last);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (deleted, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  for (guint i = 0; i < deleted->len; i++)
    {
      stmt = liaison_store_stmt (self,
                                 "INSERT OR IGNORE INTO sync_outbox (entity, entity_id, queued)"
                                 " SELECT 'event', entity_id, ?2 FROM sync_resources"
                                 " WHERE entity = 'event' AND instr (base, ?1) > 0",
                                 error);
      if (stmt == NULL)
        goto fail;
      bind_text (stmt, 1, g_ptr_array_index (deleted, i));
      bind_text (stmt, 2, now);
      if (!liaison_store_step_done (self, stmt, error))
        goto fail;
    }

  last_text = g_strdup_printf ("%" G_GINT64_FORMAT, last);
  if (!state_set (self, "journal-cursor", last_text, error))
    goto fail;
  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

GPtrArray *
liaison_store_sync_list_outbox (LiaisonStore *self,
                                const char   *entity)
{
  GPtrArray    *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT entity_id FROM sync_outbox WHERE entity = ? ORDER BY queued, entity_id", NULL);

  if (stmt == NULL)
    return ids;
  bind_text (stmt, 1, entity);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  return ids;
}

gboolean
liaison_store_sync_is_queued (LiaisonStore *self,
                              const char   *entity,
                              const char   *id)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT 1 FROM sync_outbox WHERE entity = ? AND entity_id = ?", NULL);
  gboolean      queued;

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, id);
  queued = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return queued;
}

gboolean
liaison_store_sync_queue (LiaisonStore *self,
                          const char   *entity,
                          const char   *id,
                          GError      **error)
{
  g_autofree char *now = liaison_store_now ();
  sqlite3_stmt    *stmt = liaison_store_stmt (self, "INSERT OR IGNORE INTO sync_outbox (entity, entity_id, queued)"
                                                       " VALUES (?, ?, ?)",
                                              error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, id);
  bind_text (stmt, 3, now);
  return liaison_store_step_done (self, stmt, error);
}

gboolean
liaison_store_sync_dequeue (LiaisonStore *self,
                            const char   *entity,
                            const char   *id,
                            GError      **error)
{
  const char *sql[] = {
    "DELETE FROM sync_outbox WHERE entity = ? AND entity_id = ?",
    "DELETE FROM sync_sent WHERE entity = ? AND entity_id = ?",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sql); i++)
    {
      sqlite3_stmt *stmt = liaison_store_stmt (self, sql[i], error);

      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, entity);
      bind_text (stmt, 2, id);
      if (!liaison_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Written before a write leaves, kept until the server confirms a write. */
gboolean
liaison_store_sync_add_sent (LiaisonStore *self,
                             const char   *entity,
                             const char   *id,
                             const char   *text,
                             GError      **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "INSERT INTO sync_sent (entity, entity_id, text) VALUES (?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, id);
  bind_text (stmt, 3, text);
  return liaison_store_step_done (self, stmt, error);
}

GPtrArray *
liaison_store_sync_list_sent (LiaisonStore *self,
                              const char   *entity,
                              const char   *id)
{
  GPtrArray    *texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT text FROM sync_sent WHERE entity = ? AND entity_id = ?"
                                                 " ORDER BY rowid DESC",
                                           NULL);

  if (stmt == NULL)
    return texts;
  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (texts, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  return texts;
}

guint
liaison_store_sync_count_outbox (LiaisonStore *self)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT count(*) FROM sync_outbox", NULL);
  guint         n = 0;

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Records changed here that the server has not confirmed yet: the outbox
 * and what the journal recorded since it was last fed (the same rules as
 * liaison_store_sync_feed_outbox, without moving anything), each record
 * once. What "N changes waiting" counts. */
guint
liaison_store_sync_count_pending (LiaisonStore *self)
{
  g_autofree char *cursor_text = state_get (self, "journal-cursor");
  sqlite3_stmt    *stmt;
  guint            n = 0;

  stmt = liaison_store_stmt (self,
                             "SELECT count(*) FROM ("
                             " SELECT entity, entity_id FROM sync_outbox"
                             " UNION SELECT entity, entity_id FROM journal WHERE seq > ?1 AND origin != 'remote'"
                             "  AND (entity = 'event' OR entity = 'participant')"
                             " UNION SELECT 'event', r.event_id FROM journal j JOIN registrations r ON r.id = j.entity_id"
                             "  WHERE j.seq > ?1 AND j.origin != 'remote' AND j.entity = 'registration'"
                             " UNION SELECT 'event', json_extract (old_value, '$.event_id') FROM journal"
                             "  WHERE seq > ?1 AND origin != 'remote' AND entity = 'registration' AND action = 'delete'"
                             "  AND json_valid (old_value) AND json_extract (old_value, '$.event_id') IS NOT NULL)",
                             NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, cursor_text != NULL ? g_ascii_strtoll (cursor_text, NULL, 10) : 0);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* When the last sync completed (ISO 8601, UTC), or NULL: kept across
 * restarts so the window can say "Synced 5 minutes ago". */
char *
liaison_store_sync_get_last_sync (LiaisonStore *self)
{
  return state_get (self, "last-sync");
}

gboolean
liaison_store_sync_set_last_sync (LiaisonStore *self,
                                  const char   *time,
                                  GError      **error)
{
  return state_set (self, "last-sync", time, error);
}

/* ------------------------------------------------------------------------ */
/* Skipped resources                                                         */

char *
liaison_store_sync_get_skipped_etag (LiaisonStore *self,
                                     const char   *href)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT coalesce (etag, '') FROM sync_skipped WHERE href = ?", NULL);
  char         *etag = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, href);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    etag = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return etag;
}

gboolean
liaison_store_sync_skip (LiaisonStore *self,
                         const char   *href,
                         const char   *etag,
                         const char   *message,
                         GError      **error)
{
  g_autofree char *now = liaison_store_now ();
  sqlite3_stmt    *stmt = liaison_store_stmt (self, "INSERT OR REPLACE INTO sync_skipped (href, etag, message, seen)"
                                                       " VALUES (?, ?, ?, ?)",
                                              error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, href);
  bind_text (stmt, 2, etag);
  bind_text (stmt, 3, message);
  bind_text (stmt, 4, now);
  return liaison_store_step_done (self, stmt, error);
}

gboolean
liaison_store_sync_unskip (LiaisonStore *self,
                           const char   *href,
                           GError      **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "DELETE FROM sync_skipped WHERE href = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, href);
  return liaison_store_step_done (self, stmt, error);
}

/* The messages about resources skipped under one collection. */
GPtrArray *
liaison_store_sync_list_skipped (LiaisonStore *self,
                                 const char   *href_prefix)
{
  GPtrArray    *messages = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT message FROM sync_skipped"
                                                 " WHERE substr (href, 1, length (?1)) = ?1 ORDER BY href",
                                           NULL);

  if (stmt == NULL)
    return messages;
  bind_text (stmt, 1, href_prefix);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (messages, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  return messages;
}
