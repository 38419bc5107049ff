/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-core.h"

static void
assert_refused (const char *text, LiaisonTextKind kind)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (liaison_text_check (text, kind, &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_check (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) long_title = g_string_new (NULL);

  /* What people write, in every script of the eleven countries. */
  g_assert_true (liaison_text_check ("中国—东盟环境合作论坛 2019", LIAISON_TEXT_TITLE, &error));
  g_assert_true (liaison_text_check ("Nguyễn Thị Minh Khai", LIAISON_TEXT_NAME, &error));
  g_assert_true (liaison_text_check ("สมชาย", LIAISON_TEXT_NAME, &error));
  g_assert_true (liaison_text_check ("ဒေါ်အောင်ဆန်းစုကြည်", LIAISON_TEXT_NAME, &error));
  g_assert_true (liaison_text_check ("Kyaw; Jr.", LIAISON_TEXT_NAME, &error));
  g_assert_true (liaison_text_check ("First paragraph\nSecond\twith a tab", LIAISON_TEXT_DESCRIPTION, &error));
  g_assert_true (liaison_text_check ("", LIAISON_TEXT_TITLE, &error));
  g_assert_true (liaison_text_check (NULL, LIAISON_TEXT_TITLE, &error));
  g_assert_no_error (error);

  assert_refused ("A\001B\033[31m", LIAISON_TEXT_TITLE);
  assert_refused ("li.xia@example.cn\nBcc: x@example.org", LIAISON_TEXT_EMAIL);
  assert_refused ("Line\nbreak", LIAISON_TEXT_TITLE);
  assert_refused ("   ", LIAISON_TEXT_NAME);
  assert_refused ("\u3000\u3000", LIAISON_TEXT_NAME); /* ideographic spaces */
  assert_refused ("A\xff\xfe"
                  "B",
                  LIAISON_TEXT_TITLE);
  assert_refused ("A\xc2\x85"
                  "B",
                  LIAISON_TEXT_TITLE); /* NEL, a C1 control */
  assert_refused ("A\u2028B", LIAISON_TEXT_DESCRIPTION);

  for (guint i = 0; i < liaison_text_max_chars (LIAISON_TEXT_TITLE); i++)
    g_string_append (long_title, "环");
  g_assert_true (liaison_text_check (long_title->str, LIAISON_TEXT_TITLE, &error));
  g_assert_no_error (error);
  g_string_append (long_title, "境");
  assert_refused (long_title->str, LIAISON_TEXT_TITLE);
}

static void
test_limits (void)
{
  for (guint k = 0; k < LIAISON_N_TEXT_KINDS; k++)
    g_assert_cmpuint (liaison_text_max_chars (k), >, 0);
  g_assert_cmpuint (liaison_text_max_chars (LIAISON_TEXT_EMAIL), ==, 254);
  g_assert_true (liaison_text_is_multiline (LIAISON_TEXT_DESCRIPTION));
  g_assert_false (liaison_text_is_multiline (LIAISON_TEXT_TITLE));
}

static void
test_shorten (void)
{
  g_autofree char *same = liaison_text_shorten ("李霞", 5);
  g_autofree char *cut = liaison_text_shorten ("中国—东盟环境合作论坛", 5);
  g_autofree char *spaced = liaison_text_shorten ("Forum on Green Development", 7);

  g_assert_cmpstr (same, ==, "李霞");
  g_assert_cmpstr (cut, ==, "中国—东…");
  g_assert_cmpuint (g_utf8_strlen (cut, -1), ==, 5);
  /* No space before the ellipsis. */
  g_assert_cmpstr (spaced, ==, "Forum…");
  g_assert_null (liaison_text_shorten (NULL, 5));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/text/check", test_check);
  g_test_add_func ("/liaison/text/limits", test_limits);
  g_test_add_func ("/liaison/text/shorten", test_shorten);

  return g_test_run ();
}
