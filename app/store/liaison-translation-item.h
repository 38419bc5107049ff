/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "liaison-core.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_TRANSLATION_ITEM (liaison_translation_item_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonTranslationItem, liaison_translation_item, LIAISON, TRANSLATION_ITEM, GObject)

LiaisonTranslationItem *liaison_translation_item_new (const char       *entity,
                                                      const char       *entity_id,
                                                      const char       *field,
                                                      LiaisonBilingual *text,
                                                      const char       *owner_zh,
                                                      const char       *owner_en);
const char             *liaison_translation_item_get_entity (LiaisonTranslationItem *self);
const char             *liaison_translation_item_get_entity_id (LiaisonTranslationItem *self);
const char             *liaison_translation_item_get_field (LiaisonTranslationItem *self);
const char             *liaison_translation_item_get_key (LiaisonTranslationItem *self);
LiaisonLanguage         liaison_translation_item_get_language (LiaisonTranslationItem *self);
LiaisonLanguage         liaison_translation_item_get_source_language (LiaisonTranslationItem *self);
const char             *liaison_translation_item_get_source_text (LiaisonTranslationItem *self);
const char             *liaison_translation_item_get_text (LiaisonTranslationItem *self);
LiaisonTranslationState liaison_translation_item_get_state (LiaisonTranslationItem *self);
LiaisonTranslationState liaison_translation_item_get_saved_state (LiaisonTranslationItem *self);
const char             *liaison_translation_item_get_owner (LiaisonTranslationItem *self,
                                                            LiaisonLanguage         preferred);
gboolean                liaison_translation_item_equal (LiaisonTranslationItem *a,
                                                        LiaisonTranslationItem *b);

G_END_DECLS
