/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include "liaison-history-item.h"

/* One of a person's registrations as the history list shows it: the store
 * hands out plain structs, a GListModel needs objects. */
struct _LiaisonHistoryItem
{
  GObject parent_instance;

  LiaisonHistoryEntry entry;
};

G_DEFINE_FINAL_TYPE (LiaisonHistoryItem, liaison_history_item, G_TYPE_OBJECT)

static void
liaison_history_item_finalize (GObject *object)
{
  LiaisonHistoryItem *self = (LiaisonHistoryItem *) object;

  liaison_history_entry_clear (&self->entry);

  G_OBJECT_CLASS (liaison_history_item_parent_class)->finalize (object);
}

static void
liaison_history_item_class_init (LiaisonHistoryItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_history_item_finalize;
}

static void
liaison_history_item_init (LiaisonHistoryItem *self)
{
}

LiaisonHistoryItem *
liaison_history_item_new (const LiaisonHistoryEntry *entry)
{
  LiaisonHistoryItem *self = g_object_new (LIAISON_TYPE_HISTORY_ITEM, NULL);

  self->entry = *entry;
  self->entry.event_id = g_strdup (entry->event_id);
  self->entry.title_zh = g_strdup (entry->title_zh);
  self->entry.title_en = g_strdup (entry->title_en);
  self->entry.track = g_strdup (entry->track);
  return self;
}

const LiaisonHistoryEntry *
liaison_history_item_get_entry (LiaisonHistoryItem *self)
{
  g_return_val_if_fail (LIAISON_IS_HISTORY_ITEM (self), NULL);

  return &self->entry;
}

/* The title in language, or in the other one when it has none yet. */
const char *
liaison_history_item_get_title (LiaisonHistoryItem *self, LiaisonLanguage language)
{
  const char *zh = self->entry.title_zh, *en = self->entry.title_en;
  const char *wanted = language == LIAISON_LANGUAGE_ZH ? zh : en;
  const char *other = language == LIAISON_LANGUAGE_ZH ? en : zh;

  if (wanted != NULL && *wanted != '\0')
    return wanted;
  return other != NULL ? other : "";
}
