/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include "liaison-duplicates-item.h"

/* One likely duplicate pair as the list of duplicates shows it. */
struct _LiaisonDuplicatesItem
{
  GObject parent_instance;

  LiaisonDuplicatePair *pair;
};

G_DEFINE_FINAL_TYPE (LiaisonDuplicatesItem, liaison_duplicates_item, G_TYPE_OBJECT)

static void
liaison_duplicates_item_finalize (GObject *object)
{
  LiaisonDuplicatesItem *self = (LiaisonDuplicatesItem *) object;

  g_clear_pointer (&self->pair, liaison_duplicate_pair_free);

  G_OBJECT_CLASS (liaison_duplicates_item_parent_class)->finalize (object);
}

static void
liaison_duplicates_item_class_init (LiaisonDuplicatesItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_duplicates_item_finalize;
}

static void
liaison_duplicates_item_init (LiaisonDuplicatesItem *self)
{
}

/* Takes the pair. */
LiaisonDuplicatesItem *
liaison_duplicates_item_new (LiaisonDuplicatePair *pair)
{
  LiaisonDuplicatesItem *self = g_object_new (LIAISON_TYPE_DUPLICATES_ITEM, NULL);

  self->pair = pair;
  return self;
}

const LiaisonDuplicatePair *
liaison_duplicates_item_get_pair (LiaisonDuplicatesItem *self)
{
  g_return_val_if_fail (LIAISON_IS_DUPLICATES_ITEM (self), NULL);

  return self->pair;
}

gboolean
liaison_duplicates_item_involves (LiaisonDuplicatesItem *self, const char *participant_id)
{
  g_return_val_if_fail (LIAISON_IS_DUPLICATES_ITEM (self), FALSE);

  return g_strcmp0 (self->pair->id_a, participant_id) == 0 || g_strcmp0 (self->pair->id_b, participant_id) == 0;
}
