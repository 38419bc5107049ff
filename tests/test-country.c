/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-core.h"

static void
test_members (void)
{
  g_autoptr (GPtrArray) members = liaison_country_list_members ();
  static const char *codes[] = { "CN", "BN", "KH", "ID", "LA", "MY", "MM", "PH", "SG", "TH", "VN" };

  g_assert_cmpuint (members->len, ==, 11);
  for (guint i = 0; i < members->len; i++)
    {
      const LiaisonCountry *c = g_ptr_array_index (members, i);

      g_assert_nonnull (c);
      g_assert_cmpstr (liaison_country_get_code (c), ==, codes[i]);
      g_assert_true (liaison_country_is_member (c));
      g_assert_nonnull (liaison_country_get_default_zone (c));
    }
}

static void
test_names (void)
{
  const LiaisonCountry *mm = liaison_country_lookup ("mm");
  const LiaisonCountry *bd = liaison_country_lookup ("BD");

  g_assert_cmpstr (liaison_country_get_name (mm, LIAISON_LANGUAGE_EN), ==, "Myanmar");
  g_assert_cmpstr (liaison_country_get_name (mm, LIAISON_LANGUAGE_ZH), ==, "缅甸");
  g_assert_cmpstr (liaison_country_get_name (liaison_country_lookup ("LA"), LIAISON_LANGUAGE_ZH), ==, "老挝");
  g_assert_nonnull (bd);
  g_assert_false (liaison_country_is_member (bd));
  g_assert_true (liaison_country_find ("Viet Nam") == NULL || liaison_country_find ("Viet Nam") == liaison_country_lookup ("VN"));
  g_assert_true (liaison_country_find ("vietnam") == liaison_country_lookup ("VN"));
  g_assert_true (liaison_country_find ("柬埔寨") == liaison_country_lookup ("KH"));
  g_assert_null (liaison_country_lookup ("XX"));
  g_assert_null (liaison_country_find ("Atlantis"));

  {
    g_autoptr (GPtrArray) all = liaison_country_list_all ();
    g_assert_cmpuint (all->len, >, 240);
  }
}

static gint32
offset_now (GTimeZone *tz)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  return g_time_zone_get_offset (tz, g_time_zone_find_interval (tz, G_TIME_TYPE_STANDARD, now));
}

static void
test_zones (void)
{
  const char *const *id = liaison_country_get_zones (liaison_country_lookup ("ID"));
  const char *const *mm = liaison_country_get_zones (liaison_country_lookup ("MM"));
  g_autoptr (GHashTable) offsets = g_hash_table_new (NULL, NULL);

  g_assert_cmpstr (id[0], ==, "Asia/Jakarta");
  /* Indonesia spans three offsets (WIB, WITA, WIT). */
  for (guint i = 0; id[i] != NULL; i++)
    {
      g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (id[i]);
      g_assert_nonnull (tz);
      g_hash_table_add (offsets, GINT_TO_POINTER (offset_now (tz)));
    }
  g_assert_cmpuint (g_hash_table_size (offsets), ==, 3);

  /* Myanmar is UTC+6:30. */
  {
    g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (mm[0]);
    g_assert_cmpint (offset_now (tz), ==, 6 * 3600 + 30 * 60);
  }
  g_assert_cmpstr (liaison_country_get_default_zone (liaison_country_lookup ("CN")), ==, "Asia/Shanghai");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/country/members", test_members);
  g_test_add_func ("/liaison/country/names", test_names);
  g_test_add_func ("/liaison/country/zones", test_zones);

  return g_test_run ();
}
