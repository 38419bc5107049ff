/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz.h"
#include "liaison-dav-client.h"

/* The DAV multistatus parser on any reply: a list, or a clear refusal. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonDavMultistatus) ms = liaison_dav_parse_multistatus (bytes, "http://fuzz.invalid/", &error);

  fuzz_check ((ms == NULL) == (error != NULL));
  for (guint i = 0; ms != NULL && i < ms->responses->len; i++)
    {
      LiaisonDavResponse *r = g_ptr_array_index (ms->responses, i);

      fuzz_check (r->href != NULL);
      fuzz_check (r->hrefs != NULL);
    }
  return 0;
}
