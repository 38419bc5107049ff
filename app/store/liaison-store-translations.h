/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"
#include "liaison-translation-item.h"

G_BEGIN_DECLS

/* What kinds of content a query covers. */
typedef enum
{
  LIAISON_CONTENT_EVENTS = 1 << 0,
  LIAISON_CONTENT_PLAN = 1 << 1,
  LIAISON_CONTENT_PROGRAMME = 1 << 2,
  LIAISON_CONTENT_PARTICIPANTS = 1 << 3,
} LiaisonContentKinds;

/* What translators work on: people's organisations and positions have
 * states too, but are asked for explicitly. */
#define LIAISON_CONTENT_DEFAULT (LIAISON_CONTENT_EVENTS | LIAISON_CONTENT_PLAN | LIAISON_CONTENT_PROGRAMME)
#define LIAISON_CONTENT_ALL (LIAISON_CONTENT_DEFAULT | LIAISON_CONTENT_PARTICIPANTS)

#define LIAISON_TRANSLATION_STATE_MASK(state) (1u << (state))
/* Everything but reviewed: missing, draft, translated (to review), stale. */
#define LIAISON_TRANSLATION_NEEDS_WORK \
  (LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_MISSING) | LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_DRAFT) | LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_TRANSLATED) | LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_STALE))
#define LIAISON_TRANSLATION_ANY_STATE ((1u << LIAISON_N_TRANSLATION_STATES) - 1)

typedef struct
{
  guint states;   /* LIAISON_TRANSLATION_STATE_MASK bits of effective states; 0: needs work */
  int   language; /* the language translated into; -1: both */
  guint kinds;    /* LiaisonContentKinds; 0: LIAISON_CONTENT_DEFAULT */
} LiaisonTranslationFilter;

#define LIAISON_TRANSLATION_FILTER_INIT \
  {                                     \
    0, -1, 0                            \
  }

/* Texts per language translated into and effective state (stale apart
 * from translated and reviewed). */
typedef struct
{
  guint n[LIAISON_N_LANGUAGES][LIAISON_N_TRANSLATION_STATES];
} LiaisonTranslationCounts;

GPtrArray        *liaison_store_list_translations (LiaisonStore                   *self,
                                                   const LiaisonTranslationFilter *filter,
                                                   guint                           offset,
                                                   guint                           limit,
                                                   GError                        **error);
gboolean          liaison_store_count_translations (LiaisonStore             *self,
                                                    guint                     kinds,
                                                    LiaisonTranslationCounts *counts,
                                                    GError                  **error);
LiaisonBilingual *liaison_store_get_content_text (LiaisonStore *self,
                                                  const char   *entity,
                                                  const char   *entity_id,
                                                  const char   *field,
                                                  GError      **error);
gboolean          liaison_store_set_translation (LiaisonStore           *self,
                                                 const char             *entity,
                                                 const char             *entity_id,
                                                 const char             *field,
                                                 LiaisonLanguage         language,
                                                 const char             *text,
                                                 LiaisonTranslationState state,
                                                 LiaisonOrigin           origin,
                                                 GError                **error);

gboolean liaison_content_field_is_known (const char *entity,
                                         const char *field);
gboolean liaison_content_key_parse (const char *key,
                                    char      **entity,
                                    char      **entity_id,
                                    char      **field);

G_END_DECLS
