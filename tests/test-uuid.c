/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-core.h"

static void
test_name_based (void)
{
  g_autofree char *a = liaison_uuid_new_for_name ("liaison:history:2019-09:中国-东盟环境合作论坛 2019");
  g_autofree char *b = liaison_uuid_new_for_name ("liaison:history:2019-09:中国-东盟环境合作论坛 2019");
  g_autofree char *c = liaison_uuid_new_for_name ("liaison:history:2018-09:中国-东盟环境合作论坛 2018");

  g_assert_true (liaison_uuid_is_valid (a));
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  /* Version 5, RFC 4122 variant. */
  g_assert_cmpint (a[14], ==, '5');
  g_assert_true (strchr ("89ab", a[19]) != NULL);
}

static void
test_known_value (void)
{
  /* Pinned (Python: uuid.uuid5 (namespace, "liaison")): changing the namespace or the algorithm would duplicate the
   * shared history on every server that already has it. */
  g_autofree char *id = liaison_uuid_new_for_name ("liaison");

  g_assert_cmpstr (id, ==, "29acc496-3cb6-534f-ad32-cd2e1e9b5ead");
}

static void
test_time_ordered (void)
{
  g_autofree char *a = liaison_uuid_new ();
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (liaison_uuid_is_valid (a));
  /* Version 7, RFC 4122 variant. */
  g_assert_cmpint (a[14], ==, '7');
  g_assert_true (strchr ("89ab", a[19]) != NULL);
  g_assert_false (liaison_uuid_is_valid ("not-a-uuid"));

  /* Ids made one after another sort in the order they were made, within
   * one millisecond too (a burst of 10,000 spans only a few), and differ. */
  b = liaison_uuid_new ();
  g_assert_cmpstr (a, <, b);
  for (guint i = 0; i < 10000; i++)
    {
      g_free (c);
      c = liaison_uuid_new ();
      g_assert_true (liaison_uuid_is_valid (c));
      g_assert_cmpstr (b, <, c);
      g_assert_true (g_hash_table_add (seen, g_strdup (c)));
      g_free (b);
      b = g_strdup (c);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/uuid/name-based", test_name_based);
  g_test_add_func ("/liaison/uuid/known-value", test_known_value);
  g_test_add_func ("/liaison/uuid/time-ordered", test_time_ordered);

  return g_test_run ();
}
