/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "liaison-types.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_BILINGUAL (liaison_bilingual_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonBilingual, liaison_bilingual, LIAISON, BILINGUAL, GObject)

LiaisonBilingual       *liaison_bilingual_new (LiaisonLanguage source);
LiaisonBilingual       *liaison_bilingual_new_with_text (LiaisonLanguage source,
                                                         const char     *zh,
                                                         const char     *en);
LiaisonLanguage         liaison_bilingual_get_source (LiaisonBilingual *self);
void                    liaison_bilingual_set_source (LiaisonBilingual *self,
                                                      LiaisonLanguage   source);
const char             *liaison_bilingual_get_text (LiaisonBilingual *self,
                                                    LiaisonLanguage   language);
void                    liaison_bilingual_set_text (LiaisonBilingual *self,
                                                    LiaisonLanguage   language,
                                                    const char       *text);
void                    liaison_bilingual_set_typed (LiaisonBilingual *self,
                                                     const char       *zh,
                                                     const char       *en);
const char             *liaison_bilingual_get_display (LiaisonBilingual *self,
                                                       LiaisonLanguage   preferred);
LiaisonTranslationState liaison_bilingual_get_state (LiaisonBilingual *self,
                                                     LiaisonLanguage   language);
LiaisonTranslationState liaison_bilingual_get_effective_state (LiaisonBilingual *self,
                                                               LiaisonLanguage   language);
void                    liaison_bilingual_set_state (LiaisonBilingual       *self,
                                                     LiaisonLanguage         language,
                                                     LiaisonTranslationState state);
const char             *liaison_bilingual_get_based_on (LiaisonBilingual *self,
                                                        LiaisonLanguage   language);
void                    liaison_bilingual_restore (LiaisonBilingual       *self,
                                                   LiaisonLanguage         language,
                                                   const char             *text,
                                                   LiaisonTranslationState state,
                                                   const char             *based_on);
gboolean                liaison_bilingual_is_stale (LiaisonBilingual *self,
                                                    LiaisonLanguage   language);
void                    liaison_bilingual_settle_source (LiaisonBilingual *self);
char                   *liaison_bilingual_digest (const char *text);

const char     *liaison_language_code (LiaisonLanguage language);
gboolean        liaison_language_from_code (const char      *code,
                                            LiaisonLanguage *language);
LiaisonLanguage liaison_language_other (LiaisonLanguage language);
LiaisonLanguage liaison_language_for_locale (void);

G_END_DECLS
