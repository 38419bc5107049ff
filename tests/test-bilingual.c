/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-core.h"

static void
test_states (void)
{
  g_autoptr (LiaisonBilingual) t = liaison_bilingual_new (LIAISON_LANGUAGE_ZH);

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

/* Texts a person typed: the translation is translated, made from the
 * source as typed, whichever language is the source; what did not change
 * keeps its state; the only text typed becomes the source. */
static void
test_typed (void)
{
  g_autoptr (LiaisonBilingual) t = liaison_bilingual_new (LIAISON_LANGUAGE_EN);
  g_autoptr (LiaisonBilingual) only = liaison_bilingual_new (LIAISON_LANGUAGE_ZH);

  liaison_bilingual_set_typed (t, "河流流域研讨会", "River basins workshop");
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_REVIEWED);
  g_assert_cmpint (liaison_bilingual_get_effective_state (t, LIAISON_LANGUAGE_ZH), ==, LIAISON_TRANSLATION_TRANSLATED);

  liaison_bilingual_set_state (t, LIAISON_LANGUAGE_ZH, LIAISON_TRANSLATION_REVIEWED);
  liaison_bilingual_set_typed (t, "河流流域研讨会", "River basins workshop");
  g_assert_cmpint (liaison_bilingual_get_effective_state (t, LIAISON_LANGUAGE_ZH), ==, LIAISON_TRANSLATION_REVIEWED);

  /* The source edited, the translation not: stale, as after any edit. */
  liaison_bilingual_set_typed (t, "河流流域研讨会", "Workshop on river basins");
  g_assert_cmpint (liaison_bilingual_get_effective_state (t, LIAISON_LANGUAGE_ZH), ==, LIAISON_TRANSLATION_STALE);

  liaison_bilingual_set_typed (t, NULL, "Workshop on river basins");
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_ZH), ==, LIAISON_TRANSLATION_MISSING);

  /* Both emptied: both empty, whichever was the source. */
  liaison_bilingual_set_typed (t, "河流流域研讨会", "Workshop on river basins");
  liaison_bilingual_set_typed (t, NULL, NULL);
  g_assert_null (liaison_bilingual_get_text (t, LIAISON_LANGUAGE_ZH));
  g_assert_null (liaison_bilingual_get_text (t, LIAISON_LANGUAGE_EN));

  liaison_bilingual_set_typed (only, NULL, "Bangkok");
  g_assert_cmpint (liaison_bilingual_get_source (only), ==, LIAISON_LANGUAGE_EN);
  g_assert_cmpint (liaison_bilingual_get_state (only, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_REVIEWED);
}

static void
test_stale (void)
{
  g_autoptr (LiaisonBilingual) t = liaison_bilingual_new_with_text (LIAISON_LANGUAGE_ZH, "研讨会", "Seminar");

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
  g_autoptr (LiaisonBilingual) t = liaison_bilingual_new_with_text (LIAISON_LANGUAGE_EN, "培训", "Training");

  liaison_bilingual_set_state (t, LIAISON_LANGUAGE_ZH, LIAISON_TRANSLATION_TRANSLATED);
  liaison_bilingual_set_text (t, LIAISON_LANGUAGE_EN, "Training course");
  g_assert_true (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_ZH));
  g_assert_false (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_EN));
}

/* The rule both ways round: whichever language is the source, editing it
 * after translation makes the other stale, and translating again (or
 * confirming the old translation) makes it current. */
static void
test_stale_both_languages (void)
{
  for (LiaisonLanguage source = 0; source < LIAISON_N_LANGUAGES; source++)
    {
      LiaisonLanguage target = liaison_language_other (source);
      const char     *texts[LIAISON_N_LANGUAGES][2] = {
            { "中国-东盟环境合作论坛", "中国-东盟环境合作论坛 2019" },
            { "China-ASEAN Environmental Cooperation Forum", "China-ASEAN Environmental Cooperation Forum 2019" },
      };
      g_autoptr (LiaisonBilingual) t = liaison_bilingual_new (source);

      liaison_bilingual_set_text (t, source, texts[source][0]);
      liaison_bilingual_set_text (t, target, texts[target][0]);
      g_assert_cmpint (liaison_bilingual_get_effective_state (t, target), ==, LIAISON_TRANSLATION_DRAFT);
      liaison_bilingual_set_state (t, target, LIAISON_TRANSLATION_TRANSLATED);
      g_assert_cmpint (liaison_bilingual_get_effective_state (t, target), ==, LIAISON_TRANSLATION_TRANSLATED);

      /* Editing the translation itself never makes anything stale. */
      liaison_bilingual_set_state (t, target, LIAISON_TRANSLATION_REVIEWED);
      g_assert_false (liaison_bilingual_is_stale (t, source));

      liaison_bilingual_set_text (t, source, texts[source][1]);
      g_assert_true (liaison_bilingual_is_stale (t, target));
      g_assert_cmpint (liaison_bilingual_get_state (t, target), ==, LIAISON_TRANSLATION_REVIEWED);
      g_assert_cmpint (liaison_bilingual_get_effective_state (t, target), ==, LIAISON_TRANSLATION_STALE);
      g_assert_cmpint (liaison_bilingual_get_effective_state (t, source), ==, LIAISON_TRANSLATION_REVIEWED);

      /* Confirming the old text against the new source clears it... */
      liaison_bilingual_set_state (t, target, LIAISON_TRANSLATION_TRANSLATED);
      g_assert_false (liaison_bilingual_is_stale (t, target));

      /* ...and so does a new translation, once it is marked. */
      liaison_bilingual_set_text (t, source, texts[source][0]);
      g_assert_true (liaison_bilingual_is_stale (t, target));
      liaison_bilingual_set_text (t, target, texts[target][1]);
      g_assert_cmpint (liaison_bilingual_get_effective_state (t, target), ==, LIAISON_TRANSLATION_DRAFT);
      liaison_bilingual_set_state (t, target, LIAISON_TRANSLATION_REVIEWED);
      g_assert_cmpint (liaison_bilingual_get_effective_state (t, target), ==, LIAISON_TRANSLATION_REVIEWED);
    }
}

static void
test_source_state (void)
{
  g_autoptr (LiaisonBilingual) t = liaison_bilingual_new_with_text (LIAISON_LANGUAGE_ZH, "研讨会", "Seminar");

  /* The source's state follows its text: marking it changes nothing. */
  liaison_bilingual_set_state (t, LIAISON_LANGUAGE_ZH, LIAISON_TRANSLATION_DRAFT);
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_ZH), ==, LIAISON_TRANSLATION_REVIEWED);

  /* A text cannot be missing and present at once. */
  liaison_bilingual_set_state (t, LIAISON_LANGUAGE_EN, LIAISON_TRANSLATION_MISSING);
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_DRAFT);

  /* Switching the source: the new one is the original, the old one a
   * translation nobody checked against it. */
  liaison_bilingual_set_state (t, LIAISON_LANGUAGE_EN, LIAISON_TRANSLATION_TRANSLATED);
  liaison_bilingual_set_source (t, LIAISON_LANGUAGE_EN);
  g_assert_cmpint (liaison_bilingual_get_state (t, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_REVIEWED);
  g_assert_null (liaison_bilingual_get_based_on (t, LIAISON_LANGUAGE_EN));
  g_assert_false (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_EN));
  g_assert_true (liaison_bilingual_is_stale (t, LIAISON_LANGUAGE_ZH));
}

static void
test_settle_source (void)
{
  g_autoptr (LiaisonBilingual) city = liaison_bilingual_new (LIAISON_LANGUAGE_ZH);
  g_autoptr (LiaisonBilingual) both = liaison_bilingual_new (LIAISON_LANGUAGE_EN);

  /* Only the English was given: English is what the text was written in. */
  liaison_bilingual_set_text (city, LIAISON_LANGUAGE_ZH, NULL);
  liaison_bilingual_set_text (city, LIAISON_LANGUAGE_EN, "Yangon");
  g_assert_cmpint (liaison_bilingual_get_state (city, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_DRAFT);
  liaison_bilingual_settle_source (city);
  g_assert_cmpint (liaison_bilingual_get_source (city), ==, LIAISON_LANGUAGE_EN);
  g_assert_cmpint (liaison_bilingual_get_state (city, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_REVIEWED);
  g_assert_cmpint (liaison_bilingual_get_state (city, LIAISON_LANGUAGE_ZH), ==, LIAISON_TRANSLATION_MISSING);

  /* Both given, in either order: the source stays. */
  liaison_bilingual_set_text (both, LIAISON_LANGUAGE_ZH, "生态环境部");
  liaison_bilingual_set_text (both, LIAISON_LANGUAGE_EN, "Ministry of Ecology and Environment");
  liaison_bilingual_settle_source (both);
  g_assert_cmpint (liaison_bilingual_get_source (both), ==, LIAISON_LANGUAGE_EN);
  g_assert_cmpint (liaison_bilingual_get_state (both, LIAISON_LANGUAGE_ZH), ==, LIAISON_TRANSLATION_DRAFT);
}

static void
test_display (void)
{
  g_autoptr (LiaisonBilingual) t = liaison_bilingual_new_with_text (LIAISON_LANGUAGE_ZH, "论坛", NULL);

  g_assert_cmpstr (liaison_bilingual_get_display (t, LIAISON_LANGUAGE_EN), ==, "论坛");
  g_assert_cmpstr (liaison_bilingual_get_display (t, LIAISON_LANGUAGE_ZH), ==, "论坛");
  liaison_bilingual_set_text (t, LIAISON_LANGUAGE_EN, "Forum");
  g_assert_cmpstr (liaison_bilingual_get_display (t, LIAISON_LANGUAGE_EN), ==, "Forum");
}

static void
test_restore (void)
{
  g_autoptr (LiaisonBilingual) t = liaison_bilingual_new_with_text (LIAISON_LANGUAGE_ZH, "论坛", "Forum");
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
  g_test_add_func ("/liaison/bilingual/typed", test_typed);
  g_test_add_func ("/liaison/bilingual/english-source", test_english_source);
  g_test_add_func ("/liaison/bilingual/stale-both-languages", test_stale_both_languages);
  g_test_add_func ("/liaison/bilingual/source-state", test_source_state);
  g_test_add_func ("/liaison/bilingual/settle-source", test_settle_source);
  g_test_add_func ("/liaison/bilingual/display", test_display);
  g_test_add_func ("/liaison/bilingual/restore", test_restore);

  return g_test_run ();
}
