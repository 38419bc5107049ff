/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-content-line.h"
#include "liaison-ical.h"
#include "liaison-io-error.h"
#include "liaison-store-sync.h"

#define PARTICIPANT "0190d3a2-7c1e-7a00-8b00-000000000001"

static GHashTable *
sample_fields (void)
{
  GHashTable *f = liaison_sync_fields_new ();

  g_hash_table_insert (f, g_strdup ("kind"), g_strdup ("forum"));
  g_hash_table_insert (f, g_strdup ("status"), g_strdup ("confirmed"));
  g_hash_table_insert (f, g_strdup ("title_zh"), g_strdup ("中国—东盟环境合作论坛, 南宁; 2019 \\ 第二行\n下一行"));
  g_hash_table_insert (f, g_strdup ("title_en"), g_strdup ("Forum, Nanning; 2019 \\ and a very long English title that needs folding across lines"));
  g_hash_table_insert (f, g_strdup ("start"), g_strdup ("2025-11-04T09:30"));
  g_hash_table_insert (f, g_strdup ("end"), g_strdup ("2025-11-05T17:00"));
  g_hash_table_insert (f, g_strdup ("time_zone"), g_strdup ("Asia/Yangon"));
  g_hash_table_insert (f, g_strdup ("venue"), g_strdup ("Sedona Hotel, Room 2"));
  g_hash_table_insert (f, g_strdup ("activities"), g_strdup ("1.1.1,1.2.1"));
  g_hash_table_insert (f, g_strdup ("capacity"), g_strdup ("40"));
  g_hash_table_insert (f, g_strdup ("attendee:" PARTICIPANT), g_strdup ("speaker|attended|CN|2025-11-04T02:00:00.000000Z"));
  liaison_sync_fields_normalize ("event", f);
  return f;
}

static void
test_round_trip (void)
{
  g_autoptr (GHashTable) f = sample_fields ();
  g_autoptr (GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  g_autoptr (GHashTable) back = NULL;
  g_autoptr (GHashTable) back_people = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;

  g_hash_table_insert (people, g_strdup (PARTICIPANT), g_strsplit ("Li, Xia (李霞)|li.xia@example.cn", "|", -1));
  text = liaison_ical_write ("uid-1", f, people, NULL, &error);
  g_assert_no_error (error);

  /* Escaped TEXT, folded at 75 octets, never inside a UTF-8 sequence. */
  g_assert_nonnull (strstr (text, "X-LIAISON-TITLE-EN:Forum\\, Nanning\\; 2019 \\\\ and"));
  g_assert_nonnull (strstr (text, "SCHEDULE-AGENT=CLIENT"));
  g_assert_nonnull (strstr (text, "BEGIN:VTIMEZONE\r\nTZID:Asia/Yangon"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Asia/Yangon:20251104T093000"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }

  back = liaison_ical_read (text, &uid, &back_people, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uid, ==, "uid-1");
  g_assert_true (liaison_sync_fields_equal (f, back));
  g_assert_cmpstr (((char **) g_hash_table_lookup (back_people, PARTICIPANT))[0], ==, "Li, Xia (李霞)");
  g_assert_cmpstr (((char **) g_hash_table_lookup (back_people, PARTICIPANT))[1], ==, "li.xia@example.cn");
}

static void
test_month_precision (void)
{
  g_autoptr (GHashTable) f = liaison_sync_fields_new ();
  g_autoptr (GHashTable) back = NULL;
  g_autofree char *text = NULL;

  g_hash_table_insert (f, g_strdup ("title_zh"), g_strdup ("第三届中国—东盟环境合作论坛"));
  g_hash_table_insert (f, g_strdup ("start"), g_strdup ("2019-09"));
  g_hash_table_insert (f, g_strdup ("end"), g_strdup ("2020"));
  g_hash_table_insert (f, g_strdup ("status"), g_strdup ("held"));
  text = liaison_ical_write ("uid-2", f, NULL, NULL, NULL);
  g_assert_nonnull (strstr (text, "DTSTART;VALUE=DATE:20190901"));
  g_assert_nonnull (strstr (text, "DTEND;VALUE=DATE:20210101"));
  back = liaison_ical_read (text, NULL, NULL, NULL);
  g_assert_true (liaison_sync_fields_equal (f, back));
}

/* Another client's calendar: what Liaison does not model survives an edit
 * byte for byte, and its edits to standard properties are read. */
static const char foreign[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\n"
    "X-WR-CALNAME:Secretariat\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:foreign-1\r\n"
    "DTSTAMP:20250101T000000Z\r\n"
    "DTSTART;VALUE=DATE:20251201\r\n"
    "DTEND;VALUE=DATE:20251203\r\n"
    "SUMMARY:Mangrove workshop\r\n"
    "X-MOZ-GENERATION:3\r\n"
    "CATEGORIES:x\\,y,z\r\n"
    "ATTENDEE;CN=Somchai Jaidee;PARTSTAT=ACCEPTED;X-OTHER-PARAM=keep;EMAIL=s@ex.th:mailto:s@ex.th\r\n"
    "BEGIN:VALARM\r\n"
    "ACTION:DISPLAY\r\n"
    "DESCRIPTION:Reminder\\, soon\r\n"
    "TRIGGER:-PT15M\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static void
test_foreign_splice (void)
{
  g_autoptr (GHashTable) f = NULL;
  g_autoptr (GHashTable) people = NULL;
  g_autoptr (GHashTable) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *somchai = liaison_ical_attendee_key ("mailto:S@ex.th", NULL);
  g_autofree char *key = g_strconcat ("attendee:", somchai, NULL);

  f = liaison_ical_read (foreign, NULL, &people, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (f, "title_en"), ==, "Mangrove workshop");
  g_assert_cmpstr (g_hash_table_lookup (f, "start"), ==, "2025-12-01");
  g_assert_cmpstr (g_hash_table_lookup (f, "end"), ==, "2025-12-02");
  g_assert_cmpstr (g_hash_table_lookup (f, key), ==, "delegate|registered||");

  g_hash_table_insert (f, g_strdup ("title_zh"), g_strdup ("红树林研讨会, 曼谷; 第二天"));
  g_hash_table_insert (f, g_strdup ("venue"), g_strdup ("Bangkok"));
  text = liaison_ical_write ("foreign-1", f, people, foreign, &error);
  g_assert_no_error (error);

  g_assert_nonnull (strstr (text, "X-WR-CALNAME:Secretariat\r\n"));
  g_assert_nonnull (strstr (text, "X-MOZ-GENERATION:3\r\n"));
  g_assert_nonnull (strstr (text, "CATEGORIES:x\\,y,z\r\n"));
  g_assert_nonnull (strstr (text, "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Reminder\\, soon\r\nTRIGGER:-PT15M\r\nEND:VALARM\r\n"));
  /* Unchanged attendee: its line as the other client wrote it. */
  g_assert_nonnull (strstr (text, "ATTENDEE;CN=Somchai Jaidee;PARTSTAT=ACCEPTED;X-OTHER-PARAM=keep;EMAIL=s@ex.th:mailto:s@ex.th\r\n"));
  g_assert_nonnull (strstr (text, "SUMMARY:Mangrove workshop\r\n"));
  g_assert_nonnull (strstr (text, "X-LIAISON-TITLE-ZH:红树林研讨会\\, 曼谷\\; 第二天\r\n"));

  back = liaison_ical_read (text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_sync_fields_equal (f, back));
}

static void
test_malformed (void)
{
  const char *bad[] = {
    "not a calendar",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VTODO\r\nUID:t\r\nEND:VTODO\r\nEND:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:20250101T000000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:no start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    /* What libical reads though iCalendar does not allow it. */
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20250101T000000Z\r\n"
    "SUMMARY:Bell\a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20250101T000000Z\r\n"
    "GEO:somewhere\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GHashTable) f = liaison_ical_read (bad[i], NULL, NULL, &error);

      g_assert_null (f);
      g_assert_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED);
    }
}

static void
test_escape (void)
{
  g_autofree char *escaped = liaison_content_escape_text ("a, b; c \\ d\ne");
  g_autofree char *back = liaison_content_unescape_text (escaped);
  g_auto (GStrv) parts = liaison_content_split_value ("Li\\;Wang;Xia\\, Jr;;H.E.", ';');

  g_assert_cmpstr (escaped, ==, "a\\, b\\; c \\\\ d\\ne");
  g_assert_cmpstr (back, ==, "a, b; c \\ d\ne");
  g_assert_cmpuint (g_strv_length (parts), ==, 4);
  g_assert_cmpstr (parts[0], ==, "Li;Wang");
  g_assert_cmpstr (parts[1], ==, "Xia, Jr");
  g_assert_cmpstr (parts[3], ==, "H.E.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/ical/escape", test_escape);
  g_test_add_func ("/liaison/ical/round-trip", test_round_trip);
  g_test_add_func ("/liaison/ical/month-precision", test_month_precision);
  g_test_add_func ("/liaison/ical/foreign-splice", test_foreign_splice);
  g_test_add_func ("/liaison/ical/malformed", test_malformed);

  return g_test_run ();
}
