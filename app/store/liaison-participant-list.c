/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include "liaison-participant-list.h"
#include "liaison-store-private.h"

/* A list of every participant (or of a search's results) that holds only
 * keys and loads a person when a view asks for that position, so 100,000
 * people cost 800 KB, not 100,000 objects. The whole list's keys are
 * rowids in name order; a search's are the docids of the search index
 * that found them, best first (liaison_store_search_participant_docids).
 *
 * A search reads on the store's worker thread, and reads there too the
 * first PREFETCH people, those a view shows at once: a keystroke costs the
 * main thread no sqlite. Clearing the search reuses the whole list read
 * before (and its first people) until the store changes. */

#define CACHE_LIMIT 2048
#define SEARCH_LIMIT 500
/* The rows GTK 4.8's list views build: 200 around the top one, two more
 * on each side, two on each side of the focused row (LIAISON_SLOT_LIST_KEPT
 * in app/gui/liaison-slot-list.h); those past the first read are read by
 * the main thread as their cells fill. */
#define PREFETCH 210

struct _LiaisonParticipantList
{
  GObject parent_instance;

  LiaisonStore *store;
  char         *query;
  GArray       *keys;
  gboolean      by_docid;
  GHashTable   *cache;

  /* The whole list as last read, its first people, and the store's
   * generation then (changed bumps it, from any thread). */
  GArray     *all_rowids;
  GHashTable *all_people;
  guint       all_generation;
  gint        generation;
  gulong      changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaisonParticipantList, liaison_participant_list, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* A person as the list shows them: the row without its translation states
 * (the person's own view reads them whole). */
static LiaisonParticipant *
read_person (LiaisonStore *store, gint64 key, gboolean by_docid)
{
  static char        *sql[2];
  sqlite3_stmt       *stmt;
  LiaisonParticipant *p = NULL;

  if (g_once_init_enter (&sql[by_docid]))
    {
      GString *s = g_string_new ("SELECT p.id");

      for (guint i = 0; i < LIAISON_STORE_N_PARTICIPANT_FIELDS; i++)
        g_string_append_printf (s, ", p.%s", liaison_store_participant_fields[i]);
      if (by_docid)
        g_string_append (s, " FROM search_docs d CROSS JOIN participants p ON p.id = d.entity_id WHERE d.docid = ?");
      else
        g_string_append (s, " FROM participants p WHERE p.rowid = ?");
      g_once_init_leave (&sql[by_docid], g_string_free (s, FALSE));
    }

  stmt = liaison_store_stmt (store, sql[by_docid], NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *col[LIAISON_STORE_N_PARTICIPANT_FIELDS];

      for (guint i = 0; i < LIAISON_STORE_N_PARTICIPANT_FIELDS; i++)
        col[i] = (const char *) sqlite3_column_text (stmt, i + 1);
      p = liaison_store_participant_from_values ((const char *) sqlite3_column_text (stmt, 0), col);
    }
  sqlite3_reset (stmt);
  return p;
}

static GHashTable *
people_table_new (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

static GType
get_item_type (GListModel *model)
{
  return LIAISON_TYPE_PARTICIPANT;
}

static guint
get_n_items (GListModel *model)
{
  LiaisonParticipantList *self = LIAISON_PARTICIPANT_LIST (model);

  return self->keys->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LiaisonParticipantList *self = LIAISON_PARTICIPANT_LIST (model);
  gint64                  key;
  LiaisonParticipant     *p;

  if (position >= self->keys->len)
    return NULL;

  key = g_array_index (self->keys, gint64, position);
  p = g_hash_table_lookup (self->cache, &key);
  if (p != NULL)
    return g_object_ref (p);

  p = read_person (self->store, key, self->by_docid);
  if (p == NULL)
    return NULL;

  /* Scrolling touches a window of rows at a time: dropping the whole cache
   * now and then is simpler than an LRU and costs one re-read per row. */
  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&key, sizeof key), g_object_ref (p));
  return p;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* From whichever thread committed. */
static void
on_store_changed (LiaisonParticipantList *self)
{
  g_atomic_int_inc (&self->generation);
}

static void
liaison_participant_list_finalize (GObject *object)
{
  LiaisonParticipantList *self = (LiaisonParticipantList *) object;

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->keys, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->all_rowids, g_array_unref);
  g_clear_pointer (&self->all_people, g_hash_table_unref);

  G_OBJECT_CLASS (liaison_participant_list_parent_class)->finalize (object);
}

static void
liaison_participant_list_class_init (LiaisonParticipantListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_participant_list_finalize;
}

static void
liaison_participant_list_init (LiaisonParticipantList *self)
{
  self->keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = people_table_new ();
}

/* What a read gives: the keys, and the first people read with them. */
typedef struct
{
  char       *query;
  GArray     *keys;
  gboolean    by_docid;
  GHashTable *people;
  guint       generation;
} Found;

static void
found_free (Found *found)
{
  g_free (found->query);
  g_clear_pointer (&found->keys, g_array_unref);
  g_clear_pointer (&found->people, g_hash_table_unref);
  g_free (found);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Found, found_free)

static gboolean
is_search (const char *query)
{
  return query != NULL && *query != '\0';
}

/* Reads on store (the worker's connection, or the list's own), the search
 * and its first people in one read. */
static Found *
find (LiaisonStore *store, const char *query, guint generation, GError **error)
{
  g_autoptr (Found) found = g_new0 (Found, 1);
  gboolean begun = liaison_store_begin_read (store);

  found->query = g_strdup (query);
  found->generation = generation;
  found->by_docid = is_search (query);
  found->keys = found->by_docid ? liaison_store_search_participant_docids (store, query, SEARCH_LIMIT, error)
                                : liaison_store_list_participant_rowids (store, NULL, 0, error);
  if (found->keys == NULL)
    {
      liaison_store_end_read (store, begun);
      return NULL;
    }
  found->people = people_table_new ();
  for (guint i = 0; i < MIN (found->keys->len, PREFETCH); i++)
    {
      gint64              key = g_array_index (found->keys, gint64, i);
      LiaisonParticipant *p = read_person (store, key, found->by_docid);

      if (p != NULL)
        g_hash_table_insert (found->people, g_memdup2 (&key, sizeof key), p);
    }
  liaison_store_end_read (store, begun);
  return g_steal_pointer (&found);
}

static void
copy_people (GHashTable *into, GHashTable *from)
{
  GHashTableIter iter;
  gpointer       key, p;

  g_hash_table_iter_init (&iter, from);
  while (g_hash_table_iter_next (&iter, &key, &p))
    g_hash_table_insert (into, g_memdup2 (key, sizeof (gint64)), g_object_ref (p));
}

static void
apply (LiaisonParticipantList *self,
       Found                  *found)
{
  guint removed = self->keys->len;

  g_free (self->query);
  self->query = g_strdup (found->query);
  g_array_unref (self->keys);
  self->keys = g_array_ref (found->keys);
  self->by_docid = found->by_docid;
  g_hash_table_remove_all (self->cache);
  copy_people (self->cache, found->people);
  if (!found->by_docid)
    {
      g_clear_pointer (&self->all_rowids, g_array_unref);
      g_clear_pointer (&self->all_people, g_hash_table_unref);
      self->all_rowids = g_array_ref (found->keys);
      self->all_people = g_hash_table_ref (found->people);
      self->all_generation = found->generation;
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->keys->len);
}

/* The whole list as read before, if nothing changed since. */
static Found *
reuse_all (LiaisonParticipantList *self)
{
  Found *found;

  if (self->all_rowids == NULL || self->all_generation != (guint) g_atomic_int_get (&self->generation))
    return NULL;
  found = g_new0 (Found, 1);
  found->keys = g_array_ref (self->all_rowids);
  found->people = self->all_people != NULL ? g_hash_table_ref (self->all_people) : people_table_new ();
  found->generation = self->all_generation;
  return found;
}

LiaisonParticipantList *
liaison_participant_list_new (LiaisonStore *store)
{
  LiaisonParticipantList *self = g_object_new (LIAISON_TYPE_PARTICIPANT_LIST, NULL);

  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect_swapped (store, "changed", G_CALLBACK (on_store_changed), self);
  liaison_participant_list_set_query (self, NULL, NULL);
  return self;
}

const char *
liaison_participant_list_get_query (LiaisonParticipantList *self)
{
  return self->query;
}

typedef struct
{
  char *query;
  guint generation;
} Request;

static void
request_free (Request *request)
{
  g_free (request->query);
  g_free (request);
}

static gpointer
find_on_worker (LiaisonStore *reader,
                gpointer      data,
                GCancellable *cancellable,
                GError      **error)
{
  Request *request = data;

  return find (reader, request->query, request->generation, error);
}

static void
on_found (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  LiaisonParticipantList *self = g_task_get_source_object (task);
  GError                 *error = NULL;
  g_autoptr (Found) found = liaison_store_query_finish (self->store, result, &error);

  if (found == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  apply (self, found);
  g_task_return_boolean (task, TRUE);
}

/* Searches on the store's worker thread; the list changes when the result
 * is in (a newer call cancels an older one through its cancellable). An
 * empty query shows the whole list read before at once, when the store
 * did not change since. */
void
liaison_participant_list_set_query_async (LiaisonParticipantList *self,
                                          const char             *query,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data)
{
  GTask   *task = g_task_new (self, cancellable, callback, user_data);
  Request *request;

  g_task_set_source_tag (task, liaison_participant_list_set_query_async);
  if (!is_search (query))
    {
      g_autoptr (Found) found = reuse_all (self);

      if (found != NULL)
        {
          apply (self, found);
          g_task_return_boolean (task, TRUE);
          g_object_unref (task);
          return;
        }
    }
  request = g_new0 (Request, 1);
  request->query = g_strdup (query);
  request->generation = g_atomic_int_get (&self->generation);
  liaison_store_query_async (self->store, find_on_worker, request, (GDestroyNotify) request_free,
                             (GDestroyNotify) found_free, cancellable, on_found, task);
}

gboolean
liaison_participant_list_set_query_finish (LiaisonParticipantList *self,
                                           GAsyncResult           *result,
                                           GError                **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
liaison_participant_list_set_query (LiaisonParticipantList *self,
                                    const char             *query,
                                    GError                **error)
{
  g_autoptr (Found) found = NULL;

  g_return_val_if_fail (LIAISON_IS_PARTICIPANT_LIST (self), FALSE);

  if (!is_search (query))
    found = reuse_all (self);
  if (found == NULL)
    found = find (self->store, query, g_atomic_int_get (&self->generation), error);
  if (found == NULL)
    return FALSE;
  apply (self, found);
  return TRUE;
}

void
liaison_participant_list_invalidate (LiaisonParticipantList *self)
{
  g_return_if_fail (LIAISON_IS_PARTICIPANT_LIST (self));

  g_hash_table_remove_all (self->cache);
  g_clear_pointer (&self->all_people, g_hash_table_unref);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->keys->len, self->keys->len);
}
