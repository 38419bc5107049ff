/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

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

/* What every stored text is, wherever it came from: the sync reader's
 * rule, no length limit, line breaks kept. */
static void
test_kept (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) long_title = g_string_new (NULL);

  for (guint i = 0; i < 10 * liaison_text_max_chars (LIAISON_TEXT_TITLE); i++)
    g_string_append (long_title, "环");
  g_assert_true (liaison_text_check_kept (long_title->str, &error));
  g_assert_true (liaison_text_check_kept ("Two\r\nlines\tand a tab", &error));
  g_assert_true (liaison_text_check_kept ("   ", &error));
  g_assert_true (liaison_text_check_kept (NULL, &error));
  g_assert_no_error (error);

  g_assert_false (liaison_text_check_kept ("A\001B", &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (liaison_text_check_kept ("A\x7f", &error));
  g_clear_error (&error);
  g_assert_false (liaison_text_check_kept ("A\xff\xfe"
                                           "B",
                                           &error));
  g_clear_error (&error);
}

static void
test_field (void)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (liaison_text_check_field ("A\033[31m", LIAISON_TEXT_TITLE, "English title", TRUE, &error));
  g_assert_cmpstr (error->message, ==, "English title: The text holds the control character U+001B");
  g_clear_error (&error);
  g_assert_false (liaison_text_check_field ("A\033[31m", LIAISON_TEXT_TITLE, "English title", FALSE, &error));
  g_clear_error (&error);
  g_assert_true (liaison_text_check_field ("Line\nbreak", LIAISON_TEXT_TITLE, "English title", FALSE, &error));
  g_assert_false (liaison_text_check_field ("Line\nbreak", LIAISON_TEXT_TITLE, "English title", TRUE, &error));
  g_clear_error (&error);

  g_assert_cmpint (liaison_text_kind_of_content ("event", "title"), ==, LIAISON_TEXT_TITLE);
  g_assert_cmpint (liaison_text_kind_of_content ("event", "description"), ==, LIAISON_TEXT_DESCRIPTION);
  g_assert_cmpint (liaison_text_kind_of_content ("event", "city"), ==, LIAISON_TEXT_CITY);
  g_assert_cmpint (liaison_text_kind_of_content ("participant", "organisation"), ==, LIAISON_TEXT_ORGANISATION);
  g_assert_cmpint (liaison_text_kind_of_content ("track", "title"), ==, LIAISON_TEXT_TITLE);
  /* The framework's own titles run to 512 characters. */
  g_assert_cmpint (liaison_text_kind_of_content ("plan", "title"), ==, LIAISON_TEXT_PLAN_TITLE);
  g_assert_cmpuint (liaison_text_max_chars (LIAISON_TEXT_PLAN_TITLE), >=, 512);
}

/* A change made here is judged on what it changes: a title pulled from a
 * server, longer than the limit, stays when the city is edited; a new one
 * that long is refused. */
static void
test_event_changes (void)
{
  g_autoptr (LiaisonEvent) pulled = liaison_event_new ("khal-Style-UID-1");
  g_autoptr (LiaisonEvent) edited = liaison_event_new ("khal-Style-UID-1");
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) long_title = g_string_new (NULL);

  for (guint i = 0; i <= liaison_text_max_chars (LIAISON_TEXT_TITLE); i++)
    g_string_append_c (long_title, 'x');
  for (LiaisonEvent **e = (LiaisonEvent *[]){ pulled, edited, NULL }; *e != NULL; e++)
    {
      liaison_bilingual_set_text (liaison_event_get_title (*e), LIAISON_LANGUAGE_EN, long_title->str);
      g_assert_true (liaison_event_set_when (*e, "2026-05-12", NULL, NULL, &error));
    }
  g_assert_true (liaison_event_check_kept (pulled, &error));
  g_assert_no_error (error);
  g_assert_false (liaison_event_check_changes (pulled, NULL, &error));
  g_assert_nonnull (strstr (error->message, "English title"));
  g_clear_error (&error);

  liaison_bilingual_set_text (liaison_event_get_city (edited), LIAISON_LANGUAGE_EN, "Hanoi");
  g_assert_true (liaison_event_check_changes (edited, pulled, &error));
  g_assert_no_error (error);
  liaison_bilingual_set_text (liaison_event_get_city (edited), LIAISON_LANGUAGE_EN, "Ha\nnoi");
  g_assert_false (liaison_event_check_changes (edited, pulled, &error));
  g_assert_nonnull (strstr (error->message, "city (English)"));
  g_clear_error (&error);
  liaison_bilingual_set_text (liaison_event_get_city (edited), LIAISON_LANGUAGE_EN, "Hanoi");
  liaison_event_set_track (edited, "nonexistent");
  g_assert_false (liaison_event_check_changes (edited, pulled, &error));
  g_assert_nonnull (strstr (error->message, "climate-youth"));
  g_clear_error (&error);
  liaison_event_set_track (edited, "climate-youth");
  liaison_event_set_capacity (edited, LIAISON_EVENT_MAX_CAPACITY + 1);
  g_assert_false (liaison_event_check_changes (edited, pulled, &error));
  g_clear_error (&error);
}

static void
test_participant_changes (void)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (LiaisonParticipant) before = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;

  /* Spaces alone are no name. */
  liaison_participant_set_native_name (p, "   ", "\t");
  g_assert_null (liaison_participant_get_family_native (p));
  g_assert_null (liaison_participant_get_given_native (p));
  g_assert_false (liaison_participant_validate (p, &error));
  g_clear_error (&error);

  liaison_participant_set_native_name (p, "李", "霞");
  g_assert_true (liaison_participant_validate (p, &error));
  g_assert_true (liaison_participant_check_changes (p, NULL, &error));
  g_assert_no_error (error);

  /* An address with a line break in it is two lines, not an address. */
  liaison_participant_set_emails (p, (const char *[]){ "li.xia@example.cn\nBcc: all@example.org", NULL });
  g_assert_false (liaison_participant_validate (p, &error));
  g_clear_error (&error);
  liaison_participant_set_emails (p, (const char *[]){ "li.xia@example.cn", NULL });

  liaison_participant_set_honorific (p, "H.E.\033[2J");
  g_assert_false (liaison_participant_check_changes (p, NULL, &error));
  g_assert_nonnull (strstr (error->message, "honorific"));
  g_clear_error (&error);
  liaison_participant_set_honorific (p, "H.E.");

  /* A long organisation pulled from the server stays when the position changes. */
  {
    g_autoptr (GString) org = g_string_new (NULL);

    for (guint i = 0; i <= liaison_text_max_chars (LIAISON_TEXT_ORGANISATION); i++)
      g_string_append (org, "部");
    liaison_bilingual_set_text (liaison_participant_get_organisation (before), LIAISON_LANGUAGE_ZH, org->str);
    liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_ZH, org->str);
  }
  liaison_bilingual_set_text (liaison_participant_get_position (p), LIAISON_LANGUAGE_EN, "Director");
  g_assert_true (liaison_participant_check_changes (p, before, &error));
  g_assert_no_error (error);
  g_assert_false (liaison_participant_check_changes (p, NULL, &error));
  g_clear_error (&error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/text/check", test_check);
  g_test_add_func ("/liaison/text/limits", test_limits);
  g_test_add_func ("/liaison/text/shorten", test_shorten);
  g_test_add_func ("/liaison/text/kept", test_kept);
  g_test_add_func ("/liaison/text/field", test_field);
  g_test_add_func ("/liaison/text/event-changes", test_event_changes);
  g_test_add_func ("/liaison/text/participant-changes", test_participant_changes);

  return g_test_run ();
}
