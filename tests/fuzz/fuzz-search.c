/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>

#include "fuzz-store.h"
#include "fuzz.h"

/* Any query, through the public search of a small database (people in
 * several scripts): a list, or a refusal. The search's insides are being
 * rewritten; this goes through liaison_store_search_participants only. */

static LiaisonStore *store;

static void
add_person (const char *family_native,
            const char *given_native,
            const char *family,
            const char *given,
            const char *email,
            const char *organisation)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *emails[] = { email, NULL };

  liaison_participant_set_native_name (p, family_native, given_native);
  liaison_participant_set_latin_name (p, family, given);
  liaison_participant_set_emails (p, emails);
  liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN, organisation);
  if (!liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error))
    g_error ("%s", error->message);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  store = fuzz_store_open ();
  add_person ("李", "霞", "Li", "Xia", "li.xia@example.cn", "Foreign Environmental Cooperation Center");
  add_person ("曾", "国藩", "Zeng", "Guofan", "zeng@example.cn", "Ministry of Ecology and Environment");
  add_person ("Nguyễn", "Thị Minh Khai", "Nguyen", "Thi Minh Khai", "khai@example.vn", "VEA");
  add_person ("สมชาย", NULL, NULL, "Somchai", "somchai@example.th", "ONEP");
  add_person (NULL, NULL, "Aung", "San Suu Kyi", "aung@example.mm", "Ministry of Natural Resources");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *query = fuzz_text (data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = liaison_store_search_participants (store, query, 20, &error);

  fuzz_check ((found == NULL) == (error != NULL));
  if (found != NULL)
    fuzz_check (found->len <= 20);
  return 0;
}
