/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include "liaison-slot-list.h"

/* A list model whose items are positions (LiaisonSlot), not the source's
 * items: the same object stays at the same position when the source is
 * replaced by a search. GTK 4.8's list views keep up to 200 rows built
 * and, when a model replaces its items, destroy every row whose item is
 * gone and build new ones (13 widgets a row in a six-column view, with
 * their styles): 40–70 ms a keystroke. Over slots they keep their rows.
 *
 * The view is told only what changes for it: the number of positions, at
 * the end (items-changed). That the positions before hold something else
 * is the "contents-changed" signal, after which the view's owner refills
 * the cells it has bound. Telling GTK 4.8 that positions it shows were
 * removed and added again makes it read every added item, looking for
 * the row it follows (a tracked item): 100,000 slots made and dropped, 45
 * ms, when a search is cleared.
 *
 * A source with fewer items than before keeps the positions of the rows
 * the view built (up to LIAISON_SLOT_LIST_KEPT), empty: the view hides
 * their rows (liaison_slot_list_is_kept), and the next search with more
 * results shows them again instead of building new ones. GTK 4.8 destroys
 * the row of every position removed and builds one for every position
 * added; 200 rows of six cells were 40 ms a backspace or a clear. */
struct _LiaisonSlotList
{
  GObject parent_instance;

  GListModel *source;
  guint       n_items;
  /* The source's own number of items: positions past it are kept empty. */
  guint n_source;
  /* position → slot, not owned: a slot leaves when the view drops it. */
  GHashTable *slots;
};

enum
{
  CONTENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaisonSlotList,
                               liaison_slot_list,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Called as the slot goes, while it can still say where it was. */
static void
slot_finalized (gpointer data, GObject *where_the_slot_was)
{
  LiaisonSlotList *self = data;
  gpointer         position = GUINT_TO_POINTER (liaison_slot_get_position ((LiaisonSlot *) where_the_slot_was));

  /* Its position may have a newer slot already. */
  if (g_hash_table_lookup (self->slots, position) == (gpointer) where_the_slot_was)
    g_hash_table_remove (self->slots, position);
}

static GType
get_item_type (GListModel *model)
{
  return LIAISON_TYPE_SLOT;
}

static guint
get_n_items (GListModel *model)
{
  LiaisonSlotList *self = LIAISON_SLOT_LIST (model);

  return self->n_items;
}

static gpointer
get_item (GListModel *model, guint position)
{
  LiaisonSlotList *self = LIAISON_SLOT_LIST (model);
  LiaisonSlot     *slot;

  if (position >= self->n_items)
    return NULL;

  slot = g_hash_table_lookup (self->slots, GUINT_TO_POINTER (position));
  if (slot != NULL)
    return g_object_ref (slot);

  slot = liaison_slot_new (self->source, position);
  g_object_weak_ref (G_OBJECT (slot), slot_finalized, self);
  g_hash_table_insert (self->slots, GUINT_TO_POINTER (position), slot);
  return slot;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
on_source_items_changed (LiaisonSlotList *self, guint position, guint removed, guint added)
{
  guint          n_source = g_list_model_get_n_items (self->source);
  guint          shown = self->n_items;
  guint          n_items;
  GHashTableIter iter;
  gpointer       key, slot;

  /* Fewer results keep the positions of the rows the view built, empty:
   * the view hides their rows (liaison_slot_list_is_kept). */
  n_items = MAX (n_source, MIN (shown, LIAISON_SLOT_LIST_KEPT));
  if (self->n_source < shown)
    position = MIN (position, self->n_source);
  self->n_source = n_source;

  /* Every position from the change on shows something else (or nothing). */
  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &key, &slot))
    if (GPOINTER_TO_UINT (key) >= position)
      {
        liaison_slot_forget (slot);
        if (GPOINTER_TO_UINT (key) >= n_items)
          {
            g_object_weak_unref (slot, slot_finalized, self);
            g_hash_table_iter_remove (&iter);
          }
      }

  self->n_items = n_items;
  if (n_items > shown)
    g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, n_items - shown);
  else if (n_items < shown)
    g_list_model_items_changed (G_LIST_MODEL (self), n_items, shown - n_items, 0);
  if (position < MIN (shown, n_items))
    g_signal_emit (self, signals[CONTENTS_CHANGED], 0, position, MIN (shown, n_items) - position);
}

static void
liaison_slot_list_dispose (GObject *object)
{
  LiaisonSlotList *self = (LiaisonSlotList *) object;
  GHashTableIter   iter;
  gpointer         slot;

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_data (self->source, self);
  g_clear_object (&self->source);
  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, NULL, &slot))
    g_object_weak_unref (slot, slot_finalized, self);
  g_hash_table_remove_all (self->slots);

  G_OBJECT_CLASS (liaison_slot_list_parent_class)->dispose (object);
}

static void
liaison_slot_list_finalize (GObject *object)
{
  LiaisonSlotList *self = (LiaisonSlotList *) object;

  g_clear_pointer (&self->slots, g_hash_table_unref);

  G_OBJECT_CLASS (liaison_slot_list_parent_class)->finalize (object);
}

static void
liaison_slot_list_class_init (LiaisonSlotListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = liaison_slot_list_dispose;
  object_class->finalize = liaison_slot_list_finalize;

  /* (position, n): these positions hold other items of the source now,
   * after any change of their number. */
  signals[CONTENTS_CHANGED] = g_signal_new ("contents-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                            NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
liaison_slot_list_init (LiaisonSlotList *self)
{
  self->slots = g_hash_table_new (g_direct_hash, g_direct_equal);
}

LiaisonSlotList *
liaison_slot_list_new (GListModel *source)
{
  LiaisonSlotList *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  self = g_object_new (LIAISON_TYPE_SLOT_LIST, NULL);
  self->source = g_object_ref (source);
  self->n_items = self->n_source = g_list_model_get_n_items (source);
  g_signal_connect_object (source, "items-changed", G_CALLBACK (on_source_items_changed), self, G_CONNECT_SWAPPED);
  return self;
}

GListModel *
liaison_slot_list_get_source (LiaisonSlotList *self)
{
  g_return_val_if_fail (LIAISON_IS_SLOT_LIST (self), NULL);

  return self->source;
}

/* Whether a position is one kept for a row of the view, past the source's
 * items: its row shows nothing and takes no room. */
gboolean
liaison_slot_list_is_kept (LiaisonSlotList *self,
                           guint            position)
{
  g_return_val_if_fail (LIAISON_IS_SLOT_LIST (self), FALSE);

  return position >= self->n_source && position < self->n_items;
}
