/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "liaison-store-translations.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_TRANSLATION_LIST (liaison_translation_list_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonTranslationList, liaison_translation_list, LIAISON, TRANSLATION_LIST, GObject)

LiaisonTranslationList         *liaison_translation_list_new (LiaisonStore *store);
const LiaisonTranslationFilter *liaison_translation_list_get_filter (LiaisonTranslationList *self);
gboolean                        liaison_translation_list_set_filter (LiaisonTranslationList         *self,
                                                                     const LiaisonTranslationFilter *filter,
                                                                     GError                        **error);
gboolean                        liaison_translation_list_reload (LiaisonTranslationList *self,
                                                                 GError                **error);
guint                           liaison_translation_list_find (LiaisonTranslationList *self,
                                                               const char             *key,
                                                               LiaisonLanguage         language);

G_END_DECLS
