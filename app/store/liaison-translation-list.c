/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include "liaison-translation-list.h"

/* The Translation view's list: the texts a filter selects, kept current
 * as the store changes. Content is small (hundreds to a few thousand
 * texts), so the list is read whole; a reload reports only the stretch
 * that changed, so the row a translator is on keeps its position when they
 * save it and move to the next. */

struct _LiaisonTranslationList
{
  GObject parent_instance;

  LiaisonStore            *store;
  GMainContext            *context;
  LiaisonTranslationFilter filter;
  GPtrArray               *items;
  gulong                   changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaisonTranslationList, liaison_translation_list, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return LIAISON_TYPE_TRANSLATION_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return LIAISON_TRANSLATION_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  LiaisonTranslationList *self = LIAISON_TRANSLATION_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
replace_items (LiaisonTranslationList *self,
               GPtrArray              *items)
{
  guint old_len = self->items->len;
  guint new_len = items->len;
  guint prefix = 0, suffix = 0;

  while (prefix < old_len && prefix < new_len && liaison_translation_item_equal (g_ptr_array_index (self->items, prefix), g_ptr_array_index (items, prefix)))
    prefix++;
  while (suffix < old_len - prefix && suffix < new_len - prefix && liaison_translation_item_equal (g_ptr_array_index (self->items, old_len - 1 - suffix), g_ptr_array_index (items, new_len - 1 - suffix)))
    suffix++;

  g_ptr_array_unref (self->items);
  self->items = g_ptr_array_ref (items);
  if (prefix + suffix < MAX (old_len, new_len))
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_len - prefix - suffix, new_len - prefix - suffix);
}

static gboolean
reload_in_context (gpointer data)
{
  LiaisonTranslationList *self = data;
  g_autoptr (GError) error = NULL;

  if (!liaison_translation_list_reload (self, &error))
    g_warning ("Could not reload the texts to translate: %s", error->message);
  return G_SOURCE_REMOVE;
}

/* The store says so on the thread that wrote; the list answers on the
 * thread it was made on, where its views are. */
static void
on_store_changed (LiaisonStore           *store,
                  LiaisonTranslationList *self)
{
  g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, reload_in_context,
                              g_object_ref (self), g_object_unref);
}

static void
liaison_translation_list_dispose (GObject *object)
{
  LiaisonTranslationList *self = (LiaisonTranslationList *) object;

  g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (liaison_translation_list_parent_class)->dispose (object);
}

static void
liaison_translation_list_finalize (GObject *object)
{
  LiaisonTranslationList *self = (LiaisonTranslationList *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);

  G_OBJECT_CLASS (liaison_translation_list_parent_class)->finalize (object);
}

static void
liaison_translation_list_class_init (LiaisonTranslationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = liaison_translation_list_dispose;
  object_class->finalize = liaison_translation_list_finalize;
}

static void
liaison_translation_list_init (LiaisonTranslationList *self)
{
  static const LiaisonTranslationFilter initial = LIAISON_TRANSLATION_FILTER_INIT;

  self->filter = initial;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->context = g_main_context_ref_thread_default ();
}

/* Starts with the texts that need work, in both languages. */
LiaisonTranslationList *
liaison_translation_list_new (LiaisonStore *store)
{
  LiaisonTranslationList *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  self = g_object_new (LIAISON_TYPE_TRANSLATION_LIST, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (on_store_changed), self);
  if (!liaison_translation_list_reload (self, &error))
    g_warning ("Could not list the texts to translate: %s", error->message);
  return self;
}

const LiaisonTranslationFilter *
liaison_translation_list_get_filter (LiaisonTranslationList *self)
{
  g_return_val_if_fail (LIAISON_IS_TRANSLATION_LIST (self), NULL);
  return &self->filter;
}

gboolean
liaison_translation_list_set_filter (LiaisonTranslationList         *self,
                                     const LiaisonTranslationFilter *filter,
                                     GError                        **error)
{
  static const LiaisonTranslationFilter initial = LIAISON_TRANSLATION_FILTER_INIT;

  g_return_val_if_fail (LIAISON_IS_TRANSLATION_LIST (self), FALSE);

  self->filter = filter != NULL ? *filter : initial;
  return liaison_translation_list_reload (self, error);
}

gboolean
liaison_translation_list_reload (LiaisonTranslationList *self,
                                 GError                **error)
{
  g_autoptr (GPtrArray) items = NULL;

  g_return_val_if_fail (LIAISON_IS_TRANSLATION_LIST (self), FALSE);

  if (self->store == NULL)
    return TRUE;
  items = liaison_store_list_translations (self->store, &self->filter, 0, 0, error);
  if (items == NULL)
    return FALSE;
  replace_items (self, items);
  return TRUE;
}

/* The position of a text in the list, or G_MAXUINT: for keeping the
 * selection on the same text across filters. */
guint
liaison_translation_list_find (LiaisonTranslationList *self,
                               const char             *key,
                               LiaisonLanguage         language)
{
  g_return_val_if_fail (LIAISON_IS_TRANSLATION_LIST (self), G_MAXUINT);

  for (guint i = 0; i < self->items->len; i++)
    {
      LiaisonTranslationItem *item = g_ptr_array_index (self->items, i);

      if (g_str_equal (liaison_translation_item_get_key (item), key) && liaison_translation_item_get_language (item) == language)
        return i;
    }
  return G_MAXUINT;
}
