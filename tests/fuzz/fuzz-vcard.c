/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz.h"
#include "liaison-store-sync.h"
#include "liaison-vcard.h"

/* The vCard reader on anything a server might hold; what it reads, written
 * back into the same text (as a pull then a push does) reads the same. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  return 0;
}

static gboolean
has_name (GHashTable *fields)
{
  return g_hash_table_contains (fields, "family_native") || g_hash_table_contains (fields, "given_native") ||
         g_hash_table_contains (fields, "family_latin") || g_hash_table_contains (fields, "given_latin");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autofree char *uid = NULL;
  g_autofree char *again_uid = NULL;
  g_autofree char *written = NULL;
  g_autoptr (GHashTable) fields = liaison_vcard_read (text, &uid, NULL);
  g_autoptr (GHashTable) again = NULL;
  g_autoptr (GError) error = NULL;

  if (fields == NULL)
    return 0;
  fuzz_check (uid != NULL);
  written = liaison_vcard_write (uid, fields, text, NULL);
  if (written == NULL)
    return 0;
  again = liaison_vcard_read (written, &again_uid, &error);
  /* A card with an empty name reads (the store refuses it later, by name);
   * written, it has none, which the reader refuses. */
  if (again == NULL && !has_name (fields))
    return 0;
  if (again == NULL)
    g_printerr ("%s\n---\n%s\n", error->message, written);
  fuzz_check (again != NULL);
  if (g_strcmp0 (uid, again_uid) != 0)
    g_printerr ("UID %s, then %s\n---\n%s\n", uid, again_uid, written);
  fuzz_check (g_strcmp0 (uid, again_uid) == 0);
  fuzz_check (liaison_sync_fields_equal (fields, again));
  return 0;
}
