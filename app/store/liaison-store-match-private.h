/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store-match.h"

G_BEGIN_DECLS

/* What liaison-store-match.c shares with liaison-store-duplicates.c and
 * nothing else uses. */

/* The pairs of the person at pos (see liaison_person_matcher_scan),
 * appended to pairs as LiaisonMatchPair; seen (a pointer set) and found
 * are scratch space the caller reuses. Only reads the matcher. */
void liaison_person_matcher_pairs_of (LiaisonPersonMatcher *self,
                                      guint                 pos,
                                      guint                 min_score,
                                      GHashTable           *seen,
                                      GPtrArray            *found,
                                      GArray               *pairs);
/* The texts to search the index for, to find who candidate may be. */
GPtrArray *liaison_person_match_queries (LiaisonParticipant *candidate);

G_END_DECLS
