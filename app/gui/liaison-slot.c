/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include "liaison-slot.h"

/* One position of a LiaisonSlotList: the same object whatever the list
 * holds there, reading its item from the source when first asked. */
struct _LiaisonSlot
{
  GObject parent_instance;

  GListModel *source;
  guint       position;
  GObject    *item;
};

G_DEFINE_FINAL_TYPE (LiaisonSlot, liaison_slot, G_TYPE_OBJECT)

static void
liaison_slot_finalize (GObject *object)
{
  LiaisonSlot *self = (LiaisonSlot *) object;

  g_clear_object (&self->item);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (liaison_slot_parent_class)->finalize (object);
}

static void
liaison_slot_class_init (LiaisonSlotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_slot_finalize;
}

static void
liaison_slot_init (LiaisonSlot *self)
{
}

LiaisonSlot *
liaison_slot_new (GListModel *source, guint position)
{
  LiaisonSlot *self = g_object_new (LIAISON_TYPE_SLOT, NULL);

  self->source = g_object_ref (source);
  self->position = position;
  return self;
}

guint
liaison_slot_get_position (LiaisonSlot *self)
{
  g_return_val_if_fail (LIAISON_IS_SLOT (self), 0);

  return self->position;
}

/* The source's item at this position now (borrowed), or NULL when the
 * source has become shorter. */
gpointer
liaison_slot_get_item (LiaisonSlot *self)
{
  g_return_val_if_fail (LIAISON_IS_SLOT (self), NULL);

  if (self->item == NULL)
    self->item = g_list_model_get_item (self->source, self->position);
  return self->item;
}

/* The source changed at this position: read it again when next asked. */
void
liaison_slot_forget (LiaisonSlot *self)
{
  g_return_if_fail (LIAISON_IS_SLOT (self));

  g_clear_object (&self->item);
}
