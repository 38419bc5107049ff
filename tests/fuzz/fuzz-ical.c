/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz.h"
#include "liaison-event.h"
#include "liaison-ical.h"
#include "liaison-store-sync.h"

/* The iCalendar mapping on anything a server might hold; what it reads,
 * written back into the same text (a pull, then a push), reads the same. */

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
  g_autofree char *text = fuzz_text (data, size);
  g_autofree char *uid = NULL;
  g_autofree char *again_uid = NULL;
  g_autofree char *written = NULL;
  g_autoptr (GHashTable) people = NULL;
  g_autoptr (GHashTable) again_people = NULL;
  g_autoptr (GHashTable) fields = liaison_ical_read (text, &uid, &people, NULL);
  g_autoptr (GHashTable) again = NULL;
  g_autoptr (GError) error = NULL;

  if (fields == NULL)
    return 0;
  /* The store refuses a start Liaison cannot keep (before 1900, after
   * 2999), so such an event is skipped before it could be written. */
  if (!liaison_parse_local_time (g_hash_table_lookup (fields, "start"), NULL, NULL, NULL, NULL, NULL, NULL))
    return 0;
  fuzz_check (uid != NULL);
  written = liaison_ical_write (uid, fields, people, text, NULL);
  if (written == NULL)
    return 0;
  again = liaison_ical_read (written, &again_uid, &again_people, &error);
  if (again == NULL)
    g_printerr ("%s\n---\n%s\n", error->message, written);
  fuzz_check (again != NULL);
  fuzz_check (g_strcmp0 (uid, again_uid) == 0);
  fuzz_check (liaison_sync_fields_equal (fields, again));
  return 0;
}
