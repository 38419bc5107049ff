/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-core.h"

static void
test_states (void)
{
  g_autoptr(LiaisonBilingual) t = liaison_bilingual_new (LIAISON_LANGUAGE_ZH);

  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_ZH), ==, LIAISON_TRANSLATION_MISSING);
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_MISSING);

  liaison_bilingual_set_text (t, LIAISON_LANGUAGE_ZH, "中国-东盟环境合作论坛");
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_ZH), ==, LIAISON_TRANSLATION_REVIEWED);

  liaison_bilingual_set_text (t, LIAISON_LANGUAGE_EN, "China-ASEAN Environmental Cooperation Forum");
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_DRAFT);
  g_assert_false (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_EN));

  liaison_bilingual_set_state (t, LIAISON_LANGUAGE_EN, LIAISON_TRANSLATION_REVIEWED);
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_REVIEWED);
  g_assert_false (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_EN));

  liaison_bilingual_set_text (t, LIAISON_LANGUAGE_EN, NULL);
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_MISSING);
  liaison_bilingual_set_state (t, LIAISON_LANGUAGE_EN, LIAISON_TRANSLATION_REVIEWED);
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_MISSING);
}

static void
test_stale (void)
{
  g_autoptr(LiaisonBilingual) t = liaison_bilingual_new_with_text (LIAISON_LANGUAGE_ZH, "研讨会", "Seminar");

  liaison_bilingual_set_state (t, LIAISON_LANGUAGE_EN, LIAISON_TRANSLATION_TRANSLATED);
  g_assert_false (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_EN));

  /* The source changes after translation: the translation is stale... */
  liaison_bilingual_set_text (t, LIAISON_LANGUAGE_ZH, "研修班");
  g_assert_true (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_EN));
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_TRANSLATED);
  g_assert_false (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_ZH));

  /* ...changing it back makes it current again... */
  liaison_bilingual_set_text (t, LIAISON_LANGUAGE_ZH, "研讨会");
  g_assert_false (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_EN));

  /* ...and re-translating clears it. */
  liaison_bilingual_set_text (t, LIAISON_LANGUAGE_ZH, "研修班");
  liaison_bilingual_set_text (t, LIAISON_LANGUAGE_EN, "Training course");
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_DRAFT);
  g_assert_false (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_EN));
  liaison_bilingual_set_state (t, LIAISON_LANGUAGE_EN, LIAISON_TRANSLATION_REVIEWED);
  g_assert_false (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_EN));
}

static void
test_english_source (void)
{
  g_autoptr(LiaisonBilingual) t = liaison_bilingual_new_with_text (LIAISON_LANGUAGE_EN, "培训", "Training");

  liaison_bilingual_set_state (t, LIAISON_LANGUAGE_ZH, LIAISON_TRANSLATION_TRANSLATED);
  liaison_bilingual_set_text (t, LIAISON_LANGUAGE_EN, "Training course");
  g_assert_true (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_ZH));
  g_assert_false (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_EN));
}

static void
test_display (void)
{
  g_autoptr(LiaisonBilingual) t = liaison_bilingual_new_with_text (LIAISON_LANGUAGE_ZH, "论坛", NULL);

  g_assert_cmpstr (liaison_bilingual_get_display (t, LIAISON_LANGUAGE_EN), ==, "论坛");
  g_assert_cmpstr (liaison_bilingual_get_display (t, LIAISON_LANGUAGE_ZH), ==, "论坛");
  liaison_bilingual_set_text (t, LIAISON_LANGUAGE_EN, "Forum");
  g_assert_cmpstr (liaison_bilingual_get_display (t, LIAISON_LANGUAGE_EN), ==, "Forum");
}

static void
test_restore (void)
{
  g_autoptr(LiaisonBilingual) t = liaison_bilingual_new_with_text (LIAISON_LANGUAGE_ZH, "论坛", "Forum");
  g_autofree char *digest = liaison_bilingual_digest ("旧的");

  liaison_bilingual_restore (t, LIAISON_LANGUAGE_EN, "Forum", LIAISON_TRANSLATION_REVIEWED, digest);
  g_assert_true (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_EN));
  g_assert_cmpstr (liaison_bilingual_get_based_on (t, LIAISON_LANGUAGE_EN), ==, digest);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/bilingual/states", test_states);
  g_test_add_func ("/liaison/bilingual/stale", test_stale);
  g_test_add_func ("/liaison/bilingual/english-source", test_english_source);
  g_test_add_func ("/liaison/bilingual/display", test_display);
  g_test_add_func ("/liaison/bilingual/restore", test_restore);

  return g_test_run ();
}
