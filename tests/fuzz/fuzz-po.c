/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "fuzz-store.h"
#include "fuzz.h"
#include "liaison-content-po.h"

/* The PO reader on any file a translator's tool might write: imported into
 * a small database (the shipped history, whose texts the seed corpus
 * translates), or refused with a reason. */

static LiaisonStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  store = fuzz_store_open ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonPoImport) result =
      liaison_content_po_import_data (store, (const char *) data, size, "fuzz.po", LIAISON_ORIGIN_LOCAL, &error);

  fuzz_check ((result == NULL) == (error != NULL));
  return 0;
}
