/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store-merge.h"

G_BEGIN_DECLS

/* A crowd with known duplicates: people of the eleven countries written as
 * their offices write them, some of them entered again in another form (王伟
 * and Wang Wei and WEI Wang; Nguyễn Thị Lan and NGUYEN Thi Lan; U Kyaw Kyaw;
 * Ahmad bin Ismail and Dato' Ahmad Ismail; 欧阳修 and Ou Yang Xiu …), often
 * with a new e-mail address, and namesakes who are other people. Used by
 * tests/test-duplicates.c and bench/bench-duplicates.c. */

#define DUPLICATES_N_COUNTRIES 11
extern const char *const duplicates_countries[DUPLICATES_N_COUNTRIES];

typedef struct
{
  char *id_a; /* the first record of the person */
  char *id_b; /* the same person entered again */
  guint country;
} DuplicatesPlanted;

typedef struct
{
  guint       people;  /* distinct persons */
  guint       records; /* records written */
  guint       namesakes;
  GPtrArray  *planted; /* DuplicatesPlanted: every pair of records of one person */
  GHashTable *truth;   /* "id_a\nid_b" (ordered) → GUINT_TO_POINTER (country + 1) */
  GHashTable *country; /* record id → GUINT_TO_POINTER (country + 1) */
} DuplicatesDataset;

typedef struct
{
  double precision;
  double recall;
  guint  found;   /* pairs reported */
  guint  right;   /* of them, planted */
  guint  planted; /* pairs planted */
} DuplicatesScore;

DuplicatesDataset *duplicates_dataset_generate (LiaisonStore *store,
                                                guint         people,
                                                guint32       seed,
                                                GError      **error);
void               duplicates_dataset_free (DuplicatesDataset *set);
/* pairs: LiaisonDuplicatePair; those with a score of at least min_score. */
DuplicatesScore duplicates_dataset_score (DuplicatesDataset *set,
                                          GPtrArray         *pairs,
                                          guint              min_score);
/* The same, for the pairs whose first record is of one country. */
DuplicatesScore duplicates_dataset_score_country (DuplicatesDataset *set,
                                                  GPtrArray         *pairs,
                                                  guint              min_score,
                                                  guint              country);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DuplicatesDataset, duplicates_dataset_free)

G_END_DECLS
