/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint   participants;
  guint   events;
  guint   registrations;
  guint32 seed;
} BenchDatasetSize;

/* Seconds spent in each phase of a generation. */
typedef struct
{
  double participants;
  double events;
  double registrations;
  double commit;
} BenchDatasetTimes;

gboolean   bench_dataset_generate (LiaisonStore           *store,
                                   const BenchDatasetSize *size,
                                   BenchDatasetTimes      *times,
                                   GError                **error);
GPtrArray *bench_dataset_queries (LiaisonStore *store,
                                  guint         n,
                                  guint32       seed);

GPtrArray *bench_dataset_search_queries (LiaisonStore *store,
                                         guint         n,
                                         guint32       seed);

G_END_DECLS
