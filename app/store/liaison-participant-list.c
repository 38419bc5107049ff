/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include "liaison-participant-list.h"

/* A list of every participant (or of a search's results) that holds only
 * rowids and loads a person when a view asks for that position, so 100,000
 * people cost 800 KB, not 100,000 objects. */

#define CACHE_LIMIT 2048
#define SEARCH_LIMIT 500

struct _LiaisonParticipantList
{
  GObject parent_instance;

  LiaisonStore *store;
  char         *query;
  GArray       *rowids;
  GHashTable   *cache;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaisonParticipantList, liaison_participant_list, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return LIAISON_TYPE_PARTICIPANT;
}

static guint
get_n_items (GListModel *model)
{
  LiaisonParticipantList *self = LIAISON_PARTICIPANT_LIST (model);

  return self->rowids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LiaisonParticipantList *self = LIAISON_PARTICIPANT_LIST (model);
  gint64                  rowid;
  LiaisonParticipant     *p;

  if (position >= self->rowids->len)
    return NULL;

  rowid = g_array_index (self->rowids, gint64, position);
  p = g_hash_table_lookup (self->cache, &rowid);
  if (p != NULL)
    return g_object_ref (p);

  p = liaison_store_get_participant_by_rowid (self->store, rowid);
  if (p == NULL)
    return NULL;

  /* Scrolling touches a window of rows at a time: dropping the whole cache
   * now and then is simpler than an LRU and costs one re-read per row. */
  if (g_hash_table_size (self->cache) >= CACHE_LIMIT)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&rowid, sizeof rowid), g_object_ref (p));
  return p;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
liaison_participant_list_finalize (GObject *object)
{
  LiaisonParticipantList *self = (LiaisonParticipantList *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->rowids, g_array_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);

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
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

LiaisonParticipantList *
liaison_participant_list_new (LiaisonStore *store)
{
  LiaisonParticipantList *self = g_object_new (LIAISON_TYPE_PARTICIPANT_LIST, NULL);

  self->store = g_object_ref (store);
  liaison_participant_list_set_query (self, NULL, NULL);
  return self;
}

const char *
liaison_participant_list_get_query (LiaisonParticipantList *self)
{
  return self->query;
}

static void
apply_rowids (LiaisonParticipantList *self,
              const char             *query,
              GArray                 *rowids)
{
  guint removed = self->rowids->len;

  g_free (self->query);
  self->query = g_strdup (query);
  g_array_unref (self->rowids);
  self->rowids = g_array_ref (rowids);
  g_hash_table_remove_all (self->cache);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rowids->len);
}

static gpointer
find_rowids (LiaisonStore *reader,
             gpointer      data,
             GCancellable *cancellable,
             GError      **error)
{
  const char *query = data;

  return liaison_store_list_participant_rowids (reader, query,
                                                query != NULL && *query != '\0' ? SEARCH_LIMIT : 0, error);
}

static void
on_rowids (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  LiaisonParticipantList *self = g_task_get_source_object (task);
  GError                 *error = NULL;
  g_autoptr (GArray) rowids = liaison_store_query_finish (self->store, result, &error);

  if (rowids == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  apply_rowids (self, g_task_get_task_data (task), rowids);
  g_task_return_boolean (task, TRUE);
}

/* Searches on the store's worker thread; the list changes when the result
 * is in (a newer call cancels an older one through its cancellable). */
void
liaison_participant_list_set_query_async (LiaisonParticipantList *self,
                                          const char             *query,
                                          GCancellable           *cancellable,
                                          GAsyncReadyCallback     callback,
                                          gpointer                user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, liaison_participant_list_set_query_async);
  g_task_set_task_data (task, g_strdup (query), g_free);
  liaison_store_query_async (self->store, find_rowids, g_strdup (query), g_free, (GDestroyNotify) g_array_unref,
                             cancellable, on_rowids, task);
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
  g_autoptr (GArray) rowids = NULL;

  g_return_val_if_fail (LIAISON_IS_PARTICIPANT_LIST (self), FALSE);

  rowids = liaison_store_list_participant_rowids (self->store, query,
                                                  query != NULL && *query != '\0' ? SEARCH_LIMIT : 0,
                                                  error);
  if (rowids == NULL)
    return FALSE;
  apply_rowids (self, query, rowids);
  return TRUE;
}

void
liaison_participant_list_invalidate (LiaisonParticipantList *self)
{
  g_return_if_fail (LIAISON_IS_PARTICIPANT_LIST (self));

  g_hash_table_remove_all (self->cache);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, self->rowids->len, self->rowids->len);
}
