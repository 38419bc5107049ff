/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include "liaison-store-private.h"

/* The store's "changed" fires when this process commits. Another process
 * (the CLI, a second window, a sync run from a script) commits to the same
 * file without a word; SQLite's data_version, read on this store's own
 * connection, changes exactly when some other connection has committed
 * since the last read. A timer reads it: one cheap statement, no I/O when
 * nothing changed. */

#define WATCH_KEY "liaison-store-watch"

typedef struct
{
  GWeakRef store;
  gint64   version;
} Watch;

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  g_weak_ref_clear (&watch->store);
  g_free (watch);
}

static gint64
read_data_version (LiaisonStore *store)
{
  sqlite3_stmt *stmt = liaison_store_stmt (store, "PRAGMA data_version", NULL);
  gint64        version = -1;

  if (stmt == NULL)
    return -1;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return version;
}

static gboolean
on_tick (gpointer data)
{
  Watch *watch = data;
  g_autoptr (LiaisonStore) store = g_weak_ref_get (&watch->store);
  gint64 version;

  if (store == NULL)
    return G_SOURCE_REMOVE;
  version = read_data_version (store);
  if (version != -1 && version != watch->version)
    {
      watch->version = version;
      g_signal_emit_by_name (store, "changed");
    }
  return G_SOURCE_CONTINUE;
}

static void
source_destroy (gpointer source)
{
  g_source_destroy (source);
  g_source_unref (source);
}

/* Emits "changed", on the calling thread's main context, within about
 * interval_ms of another connection's commit (another process's, or this
 * process's sync worker's). Calling it again changes the interval. */
void
liaison_store_watch_others (LiaisonStore *self,
                            guint         interval_ms)
{
  Watch   *watch;
  GSource *source;

  g_return_if_fail (LIAISON_IS_STORE (self));
  g_return_if_fail (interval_ms > 0);

  watch = g_new0 (Watch, 1);
  g_weak_ref_init (&watch->store, self);
  watch->version = read_data_version (self);
  source = g_timeout_source_new (interval_ms);
  g_source_set_static_name (source, "[liaison] store watch");
  g_source_set_callback (source, on_tick, watch, watch_free);
  g_source_attach (source, g_main_context_get_thread_default ());
  /* Gone with the store (or replaced by the next call). */
  g_object_set_data_full (G_OBJECT (self), WATCH_KEY, source, source_destroy);
}
