/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* One change as a person reads it: several journal rows written together
 * (the fields of one edit) make one sentence. */
typedef struct
{
  char         *sentence;
  LiaisonOrigin origin;
  char         *time;        /* UTC, ISO 8601, of the newest row */
  char         *action_name; /* what opens the record; NULL once it is deleted */
  char         *target;      /* the action's string parameter */
} LiaisonChange;

void        liaison_change_free (LiaisonChange *change);
GPtrArray  *liaison_journal_summarise (LiaisonStore *store,
                                       GPtrArray    *entries,
                                       guint         max_changes);
const char *liaison_journal_origin_label (LiaisonOrigin origin);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonChange, liaison_change_free)

G_END_DECLS
