/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* The matching rules of participant search, done the slow way: every
 * person's texts (liaison_search_texts_for_participant) held in memory and
 * scanned for each query with strstr and string compares. What the index
 * answers must be the same, in the same order. */
typedef struct _BenchReference BenchReference;

BenchReference *bench_reference_new (LiaisonStore *store,
                                     const char   *database,
                                     GError      **error);
guint           bench_reference_size (BenchReference *ref);
/* The docids of the people found, best first (as
 * liaison_store_search_participant_docids gives them). */
GArray *bench_reference_search (BenchReference *ref,
                                const char     *query,
                                guint           limit);
void    bench_reference_free (BenchReference *ref);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchReference, bench_reference_free)

G_END_DECLS
