/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-core.h"

static void
test_names (void)
{
  g_autoptr (LiaisonParticipant) li = liaison_participant_new (NULL);
  g_autoptr (LiaisonParticipant) thai = liaison_participant_new (NULL);
  g_autoptr (LiaisonParticipant) mono = liaison_participant_new (NULL);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;

  liaison_participant_set_native_name (li, "李", "霞");
  liaison_participant_set_latin_name (li, "Li", "Xia");
  a = liaison_participant_dup_native_name (li);
  b = liaison_participant_dup_display_name (li);
  g_assert_cmpstr (a, ==, "李霞");
  g_assert_cmpstr (b, ==, "李霞 (Li Xia)");

  liaison_participant_set_native_name (thai, "ใจดี", "สมชาย");
  liaison_participant_set_latin_name (thai, "Jaidee", "Somchai");
  liaison_participant_set_name_order (thai, LIAISON_NAME_ORDER_GIVEN_FIRST);
  c = liaison_participant_dup_native_name (thai);
  d = liaison_participant_dup_latin_name (thai);
  g_assert_cmpstr (c, ==, "สมชาย ใจดี");
  g_assert_cmpstr (d, ==, "Somchai Jaidee");

  liaison_participant_set_latin_name (mono, NULL, "Sukarno");
  liaison_participant_set_name_order (mono, LIAISON_NAME_ORDER_MONONYM);
  e = liaison_participant_dup_display_name (mono);
  g_assert_cmpstr (e, ==, "Sukarno");
}

static void
test_validate (void)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *good[] = { "li.xia@example.org", NULL };
  const char *bad[] = { "li.xia at example", NULL };

  g_assert_false (liaison_participant_validate (p, &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID);
  g_clear_error (&error);

  liaison_participant_set_native_name (p, "王", "芳");
  liaison_participant_set_emails (p, good);
  liaison_participant_set_country (p, "CN");
  g_assert_true (liaison_participant_validate (p, &error));
  g_assert_no_error (error);

  liaison_participant_set_emails (p, bad);
  g_assert_false (liaison_participant_validate (p, &error));
  g_assert_nonnull (strstr (error->message, "li.xia at example"));
  g_clear_error (&error);

  liaison_participant_set_emails (p, good);
  liaison_participant_set_country (p, "ZZ");
  g_assert_false (liaison_participant_validate (p, &error));
  g_assert_nonnull (strstr (error->message, "ZZ"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/participant/names", test_names);
  g_test_add_func ("/liaison/participant/validate", test_validate);

  return g_test_run ();
}
