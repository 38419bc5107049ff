/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-search-key.h"

static void
test_fold (void)
{
  g_autofree char *a = liaison_search_fold ("Nguyễn Thị Minh Khai");
  g_autofree char *b = liaison_search_fold ("  ĐẶNG  Văn ");
  g_autofree char *c = liaison_search_fold ("李霞");
  g_autofree char *d = liaison_search_fold ("สมชาย");
  g_autofree char *e = liaison_search_fold ("ＡＢＣ Straße");

  g_assert_cmpstr (a, ==, "nguyen thi minh khai");
  g_assert_cmpstr (b, ==, "dang van");
  g_assert_cmpstr (c, ==, "李霞");
  /* Thai vowel and tone marks are letters of the name, not diacritics. */
  g_assert_cmpstr (d, ==, "สมชาย");
  g_assert_cmpstr (e, ==, "abc strasse");
}

static void
test_han (void)
{
  g_autofree char *a = liaison_search_transliterate ("李霞", TRUE);
  g_autofree char *b = liaison_search_transliterate ("王芳", TRUE);
  g_autofree char *c = liaison_search_transliterate ("中国-东盟环境保护合作中心", FALSE);
  g_autofree char *d = liaison_search_transliterate ("Nguyen", TRUE);

  g_assert_cmpstr (a, ==, "li xia");
  g_assert_cmpstr (b, ==, "wang fang");
  g_assert_true (g_str_has_prefix (c, "zhong guo"));
  g_assert_null (d);
}

static void
test_surnames (void)
{
  g_autofree char *a = liaison_search_transliterate ("曾国藩", TRUE);
  g_autofree char *b = liaison_search_transliterate ("单雄信", TRUE);
  g_autofree char *c = liaison_search_transliterate ("解缙", TRUE);
  g_autofree char *d = liaison_search_transliterate ("欧阳修", TRUE);
  g_autofree char *e = liaison_search_transliterate ("曾经", FALSE);

  g_assert_cmpstr (a, ==, "zeng guo fan");
  g_assert_true (g_str_has_prefix (b, "shan "));
  g_assert_cmpstr (c, ==, "xie jin");
  g_assert_cmpstr (d, ==, "ou yang xiu");
  /* Not a name: the table does not apply. */
  g_assert_true (g_str_has_prefix (e, "ceng"));
}

static void
test_other_scripts (void)
{
  const char *names[] = { "สมชาย", "សុខា", "ສົມພອນ", "အောင်ဆန်းစုကြည်", "김민준" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *latin = liaison_search_transliterate (names[i], TRUE);

      /* A fallback key only: people's own Latin names are what Latin search
       * matches for these scripts (DESIGN.md, Storage). */
      g_test_message ("%s → %s", names[i], latin ? latin : "(none)");
      if (latin != NULL)
        for (const char *p = latin; *p; p++)
          g_assert_true (g_ascii_isprint (*p));
    }
  {
    g_autofree char *thai = liaison_search_transliterate ("สมชาย", TRUE);
    g_assert_nonnull (thai);
  }
}

static void
test_grams (void)
{
  g_autofree char *folded = liaison_search_fold ("李霞 Li Xia");
  g_auto (GStrv) grams = liaison_search_short_grams (folded);
  const char *want[] = { "李", "霞", "李霞", "l", "li", "x", "xi" };
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    g_assert_true (g_strv_contains ((const char *const *) grams, want[i]));
  for (guint i = 0; grams[i] != NULL; i++)
    {
      g_assert_false (g_hash_table_contains (seen, grams[i]));
      g_hash_table_add (seen, grams[i]);
    }
  g_assert_false (g_strv_contains ((const char *const *) grams, "霞 "));
  g_assert_false (g_strv_contains ((const char *const *) grams, "xia"));
}

static void
test_length (void)
{
  g_assert_cmpuint (liaison_search_query_length ("李霞"), ==, 2);
  g_assert_cmpuint (liaison_search_query_length ("li xia"), ==, 5);
  g_assert_cmpuint (liaison_search_query_length (""), ==, 0);
}

static gpointer
transliterate_many (gpointer data)
{
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *s = liaison_search_transliterate (i % 2 ? "李霞" : "สมชาย", TRUE);
      g_assert_nonnull (s);
    }
  return NULL;
}

static void
test_threads (void)
{
  GThread *a = g_thread_new ("a", transliterate_many, NULL);
  GThread *b = g_thread_new ("b", transliterate_many, NULL);

  g_thread_join (a);
  g_thread_join (b);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/search-key/fold", test_fold);
  g_test_add_func ("/liaison/search-key/han", test_han);
  g_test_add_func ("/liaison/search-key/surnames", test_surnames);
  g_test_add_func ("/liaison/search-key/other-scripts", test_other_scripts);
  g_test_add_func ("/liaison/search-key/grams", test_grams);
  g_test_add_func ("/liaison/search-key/length", test_length);
  g_test_add_func ("/liaison/search-key/threads", test_threads);

  return g_test_run ();
}
