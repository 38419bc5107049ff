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
  /* The store's maps have each registration's id. */
  g_hash_table_insert (f, g_strdup ("registration:" PARTICIPANT), g_strdup ("0190d3a2-7c1e-7a00-8b00-0000000000aa"));
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

static char *
unfolded (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, "\r\n ", -1);

  return g_strjoinv ("", parts);
}

static char *
replaced (const char *text, const char *from, const char *to)
{
  g_auto (GStrv) parts = g_strsplit (text, from, -1);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  return g_strjoinv (to, parts);
}

/* A place on the waitlist travels as X-LIAISON-WAITLIST on the person's
 * ATTENDEE line. A move alone rewrites the line; another client's way of
 * writing the same number is no change; what is not a number, or the place
 * of one no longer waitlisted, reads as none. */
static void
test_waitlist (void)
{
  g_autoptr (GHashTable) f = liaison_sync_fields_new ();
  g_autoptr (GHashTable) back = NULL;
  g_autoptr (GHashTable) moved_back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *moved_flat = NULL;

  g_hash_table_insert (f, g_strdup ("title_en"), g_strdup ("Workshop on marine plastics"));
  g_hash_table_insert (f, g_strdup ("start"), g_strdup ("2025-11-04"));
  g_hash_table_insert (f, g_strdup ("attendee:" PARTICIPANT), g_strdup ("delegate|waitlisted||2025-03-02T02:00:00.000000Z"));
  g_hash_table_insert (f, g_strdup ("registration:" PARTICIPANT), g_strdup ("0190d3a2-7c1e-7a00-8b00-0000000000aa"));
  g_hash_table_insert (f, g_strdup ("waitlist:" PARTICIPANT), g_strdup ("0.5"));
  liaison_sync_fields_normalize ("event", f);
  text = liaison_ical_write ("waitlist-1", f, NULL, NULL, &error);
  g_assert_no_error (error);
  flat = unfolded (text);
  g_assert_nonnull (strstr (flat, ";X-LIAISON-WAITLIST=0.5"));
  back = liaison_ical_read (text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_sync_fields_equal (f, back));

  /* Moved: the line is Liaison's to rewrite, with the new place. */
  g_hash_table_insert (f, g_strdup ("waitlist:" PARTICIPANT), g_strdup ("3"));
  moved = liaison_ical_write ("waitlist-1", f, NULL, text, &error);
  g_assert_no_error (error);
  moved_flat = unfolded (moved);
  g_assert_nonnull (strstr (moved_flat, ";X-LIAISON-WAITLIST=3"));
  g_assert_null (strstr (moved_flat, "X-LIAISON-WAITLIST=0.5"));
  moved_back = liaison_ical_read (moved, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (moved_back, "waitlist:" PARTICIPANT), ==, "3");

  {
    g_autofree char *other = replaced (flat, "X-LIAISON-WAITLIST=0.5", "X-LIAISON-WAITLIST=0.50");
    g_autofree char *word = replaced (flat, "X-LIAISON-WAITLIST=0.5", "X-LIAISON-WAITLIST=soon");
    g_autofree char *endless = replaced (flat, "X-LIAISON-WAITLIST=0.5", "X-LIAISON-WAITLIST=inf");
    g_autofree char *registered = replaced (flat, "X-LIAISON-STATUS=waitlisted", "X-LIAISON-STATUS=registered");
    g_autofree char *promoted = NULL;
    g_autoptr (GHashTable) other_back = liaison_ical_read (other, NULL, NULL, NULL);
    g_autoptr (GHashTable) word_back = liaison_ical_read (word, NULL, NULL, NULL);
    g_autoptr (GHashTable) endless_back = liaison_ical_read (endless, NULL, NULL, NULL);
    g_autoptr (GHashTable) promoted_back = NULL;

    g_assert_cmpstr (g_hash_table_lookup (other_back, "waitlist:" PARTICIPANT), ==, "0.5");
    g_assert_null (g_hash_table_lookup (word_back, "waitlist:" PARTICIPANT));
    g_assert_null (g_hash_table_lookup (endless_back, "waitlist:" PARTICIPANT));
    /* PARTSTAT says TENTATIVE for both waitlisted and a "maybe": the one
     * that says registered must say ACCEPTED as well to be believed. */
    promoted = replaced (registered, "PARTSTAT=TENTATIVE", "PARTSTAT=ACCEPTED");
    promoted_back = liaison_ical_read (promoted, NULL, NULL, NULL);
    g_assert_cmpstr (g_hash_table_lookup (promoted_back, "attendee:" PARTICIPANT), ==,
                     "delegate|registered||2025-03-02T02:00:00.000000Z");
    g_assert_null (g_hash_table_lookup (promoted_back, "waitlist:" PARTICIPANT));
  }
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

/* Issue 11, 5: another client's attendee lines stay as they were when
 * what they say did not change here; a line Liaison rewrites keeps the
 * other client's RSVP and gets no SCHEDULE-AGENT; no STATUS or DTEND is
 * made up; a partner's "tentative" is no waitlist place. */
static const char invitation[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//python-caldav//EN\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:invitation-1\r\n"
    "DTSTAMP:20250101T000000Z\r\n"
    "DTSTART;VALUE=DATE:20251203\r\n"
    "SUMMARY:Marine litter working group\r\n"
    "ATTENDEE;CN=Li Xia;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:li.xia@example.cn\r\n"
    "ATTENDEE;CN=Somchai;PARTSTAT=TENTATIVE;RSVP=TRUE;LANGUAGE=th:mailto:somchai@example.th\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static char *
find_li_xia (const char *email,
             gpointer    user_data)
{
  return g_str_equal (email, "li.xia@example.cn") ? g_strdup (PARTICIPANT) : NULL;
}

static void
test_foreign_attendees (void)
{
  LiaisonIcalContext context = { find_li_xia, NULL, NULL, 0 };
  g_autoptr (GHashTable) f = NULL;
  g_autoptr (GHashTable) people = NULL;
  g_autoptr (GHashTable) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *confirmed = NULL;
  g_autofree char *somchai = liaison_ical_attendee_key ("mailto:somchai@example.th", NULL);
  g_autofree char *somchai_key = g_strconcat ("attendee:", somchai, NULL);
  g_autofree char *somchai_id = g_strconcat ("registration:", somchai, NULL);

  f = liaison_ical_read_with (invitation, &context, NULL, &people, &error);
  g_assert_no_error (error);
  /* The address book's Li Xia; the tentative partner still invited. */
  g_assert_cmpstr (g_hash_table_lookup (f, "attendee:" PARTICIPANT), ==, "delegate|invited||");
  g_assert_cmpstr (g_hash_table_lookup (f, somchai_key), ==, "delegate|invited||");
  /* A registration id the same in every office, from event and person. */
  g_assert_nonnull (g_hash_table_lookup (f, somchai_id));
  again = liaison_ical_read_with (invitation, &context, NULL, NULL, &error);
  g_assert_cmpstr (g_hash_table_lookup (again, somchai_id), ==, g_hash_table_lookup (f, somchai_id));

  g_hash_table_insert (f, g_strdup ("title_zh"), g_strdup ("海洋垃圾工作组"));
  text = liaison_ical_write_with ("invitation-1", f, people, invitation, &context, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "ATTENDEE;CN=Li Xia;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:li.xia@example.cn\r\n"));
  g_assert_nonnull (strstr (text, "ATTENDEE;CN=Somchai;PARTSTAT=TENTATIVE;RSVP=TRUE;LANGUAGE=th:mailto:somchai@example.th\r\n"));
  g_assert_null (strstr (text, "\r\nSTATUS:"));
  g_assert_null (strstr (text, "\r\nDTEND"));
  g_assert_nonnull (strstr (text, "X-LIAISON-TITLE-ZH:海洋垃圾工作组\r\n"));

  /* Li Xia confirmed here: her line changes, in its order, with RSVP as
   * it was; Liaison's own parameters follow. */
  g_hash_table_insert (f, g_strdup ("attendee:" PARTICIPANT), g_strdup ("delegate|confirmed||2025-11-01T02:00:00.000000Z"));
  confirmed = liaison_ical_write_with ("invitation-1", f, people, invitation, &context, &error);
  g_assert_no_error (error);
  g_test_message ("%s", confirmed);
  g_assert_nonnull (strstr (confirmed, "ATTENDEE;CN=Li Xia;PARTSTAT=ACCEPTED;RSVP=TRUE;ROLE=REQ-PARTICIPANT;"));
  g_assert_null (strstr (confirmed, "SCHEDULE-AGENT"));
  g_assert_null (strstr (confirmed, "CUTYPE"));
  g_assert_nonnull (strstr (confirmed, "ATTENDEE;CN=Somchai;PARTSTAT=TENTATIVE;RSVP=TRUE;LANGUAGE=th:mailto:somchai@example.th\r\n"));
  g_clear_pointer (&again, g_hash_table_unref);
  again = liaison_ical_read_with (confirmed, &context, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_sync_fields_equal (f, again));
}

/* Issue 11, also seen: floating times are the event's own zone, its
 * country's, or the person's; UTC only when nothing says otherwise. */
static void
test_floating (void)
{
  const char *head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:f-1\r\n"
                     "DTSTART:20251112T093000\r\nDTEND:20251112T103000\r\nSUMMARY:Coffee\r\n";
  const char *tail = "END:VEVENT\r\nEND:VCALENDAR\r\n";
  const char *cases[][3] = {
    { "", NULL, "UTC" },
    { "", "Asia/Shanghai", "Asia/Shanghai" },
    { "X-LIAISON-COUNTRY:TH\r\n", "Asia/Shanghai", "Asia/Bangkok" },
    { "X-LIAISON-TZ:Asia/Jakarta\r\nX-LIAISON-COUNTRY:TH\r\n", "Asia/Shanghai", "Asia/Jakarta" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      LiaisonIcalContext context = { NULL, NULL, cases[i][1], 0 };
      g_autofree char   *text = g_strconcat (head, cases[i][0], tail, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (GHashTable) f = liaison_ical_read_with (text, &context, NULL, NULL, &error);
      g_autofree char *written = NULL;

      g_assert_no_error (error);
      g_assert_cmpstr (g_hash_table_lookup (f, "start"), ==, "2025-11-12T09:30");
      g_assert_cmpstr (g_hash_table_lookup (f, "end"), ==, "2025-11-12T10:30");
      g_assert_cmpstr (g_hash_table_lookup (f, "time_zone"), ==, cases[i][2]);
      /* Written back unchanged: the floating lines stay, no VTIMEZONE. */
      g_hash_table_insert (f, g_strdup ("venue"), g_strdup ("Lobby"));
      written = liaison_ical_write_with ("f-1", f, NULL, text, &context, &error);
      g_assert_nonnull (strstr (written, "\r\nDTSTART:20251112T093000\r\n"));
      g_assert_null (strstr (written, "VTIMEZONE"));
    }
}

/* Issue 11, also seen: a weekly event with dates left out, as khal writes
 * it: the recurrence says so, its days are known, its lines go back as
 * they came. */
static const char weekly[] =
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//PIMUTILS.ORG//NONSGML khal / icalendar //EN\r\n"
    "BEGIN:VEVENT\r\nSUMMARY:Weekly call\r\nDTSTART;TZID=Asia/Bangkok:20251104T090000\r\n"
    "DTEND;TZID=Asia/Bangkok:20251104T100000\r\nDTSTAMP:20250101T000000Z\r\nUID:weekly-1\r\n"
    "RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=TU\r\nEXDATE;TZID=Asia/Bangkok:20251118T090000\r\n"
    "EXDATE:20251202T020000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

static void
test_recurrence (void)
{
  g_autoptr (GHashTable) f = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) days = NULL;
  g_autofree char *text = NULL;
  g_autofree char *changed = NULL;
  LiaisonRepeats   repeats;
  guint            interval, left_out;
  GDate            first, last;
  const guint      expected[][2] = { { 11, 4 }, { 11, 11 }, { 11, 25 }, { 12, 9 } };

  f = liaison_ical_read (weekly, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_hash_table_lookup (f, "recurrence"), ==,
                   "FREQ=WEEKLY;COUNT=6;BYDAY=TU;EXDATE=20251118T090000,20251202T090000");
  g_assert_true (liaison_ical_recurrence_info (g_hash_table_lookup (f, "recurrence"), &repeats, &interval, &left_out));
  g_assert_cmpint (repeats, ==, LIAISON_REPEATS_WEEKLY);
  g_assert_cmpuint (interval, ==, 1);
  g_assert_cmpuint (left_out, ==, 2);
  g_assert_true (liaison_ical_recurrence_info ("FREQ=YEARLY;INTERVAL=2", &repeats, &interval, &left_out));
  g_assert_cmpint (repeats, ==, LIAISON_REPEATS_YEARLY);
  g_assert_cmpuint (interval, ==, 2);
  g_assert_false (liaison_ical_recurrence_info ("not a rule", &repeats, &interval, &left_out));

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&first, 1, 11, 2025);
  g_date_set_dmy (&last, 31, 12, 2026);
  days = liaison_ical_occurrence_days (g_hash_table_lookup (f, "recurrence"), g_hash_table_lookup (f, "start"), &first, &last);
  g_assert_cmpuint (days->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < days->len; i++)
    {
      g_assert_cmpuint (g_date_get_month (&g_array_index (days, GDate, i)), ==, expected[i][0]);
      g_assert_cmpuint (g_date_get_day (&g_array_index (days, GDate, i)), ==, expected[i][1]);
    }
  g_clear_pointer (&days, g_array_unref);
  /* No recurrence: the day it starts on, when in the range. */
  days = liaison_ical_occurrence_days (NULL, "2025-11-04T09:00", &first, &last);
  g_assert_cmpuint (days->len, ==, 1);

  g_hash_table_insert (f, g_strdup ("venue"), g_strdup ("Online"));
  text = liaison_ical_write ("weekly-1", f, NULL, weekly, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "\r\nRRULE:FREQ=WEEKLY;COUNT=6;BYDAY=TU\r\n"));
  g_assert_nonnull (strstr (text, "\r\nEXDATE;TZID=Asia/Bangkok:20251118T090000\r\nEXDATE:20251202T020000Z\r\n"));

  /* Changed here (another date left out): the dates written anew. */
  g_hash_table_insert (f, g_strdup ("recurrence"),
                       g_strdup ("FREQ=WEEKLY;COUNT=6;BYDAY=TU;EXDATE=20251111T090000,20251118T090000,20251202T090000"));
  changed = liaison_ical_write ("weekly-1", f, NULL, weekly, &error);
  g_assert_nonnull (strstr (changed, "\r\nEXDATE;TZID=Asia/Bangkok:20251111T090000,20251118T090000,20251202T090000\r\n"));
  g_assert_null (strstr (changed, "20251202T020000Z"));
  {
    g_autoptr (GHashTable) back = liaison_ical_read (changed, NULL, NULL, &error);
    g_assert_true (liaison_sync_fields_equal (f, back));
  }
}

/* Issue 12, 7: one resource with 100,000 events of one UID: the first is
 * read, without handing the rest to libical, and the count is told. An
 * event's overrides (RECURRENCE-ID) are no twins. */
static void
test_twins (void)
{
  GString           *text = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n");
  LiaisonIcalContext context = { NULL, NULL, NULL, 0 };
  g_autoptr (GHashTable) f = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *uid = NULL;
  gint64           before;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (text, "BEGIN:VEVENT\r\nUID:twin\r\n DEF\r\nDTSTART;VALUE=DATE:20251201\r\n"
                                  "SUMMARY:Copy %u\r\nEND:VEVENT\r\n",
                            i);
  g_string_append (text, "END:VCALENDAR\r\n");
  before = g_get_monotonic_time ();
  f = liaison_ical_read_with (text->str, &context, &uid, NULL, &error);
  g_test_message ("read in %.0f ms", (g_get_monotonic_time () - before) / 1000.0);
  g_assert_no_error (error);
  g_assert_cmpstr (uid, ==, "twinDEF");
  g_assert_cmpstr (g_hash_table_lookup (f, "title_en"), ==, "Copy 0");
  g_assert_cmpuint (context.twins, ==, 100000);
  g_string_free (text, TRUE);

  {
    const char *overrides = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
                            "BEGIN:VEVENT\r\nUID:w\r\nDTSTART:20251104T090000Z\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:W\r\nEND:VEVENT\r\n"
                            "BEGIN:VEVENT\r\nUID:w\r\nRECURRENCE-ID:20251111T090000Z\r\nDTSTART:20251111T100000Z\r\n"
                            "SUMMARY:W later\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    g_autoptr (GHashTable) w = liaison_ical_read_with (overrides, &context, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (context.twins, ==, 1);
  }
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
  g_test_add_func ("/liaison/ical/foreign-attendees", test_foreign_attendees);
  g_test_add_func ("/liaison/ical/floating", test_floating);
  g_test_add_func ("/liaison/ical/recurrence", test_recurrence);
  g_test_add_func ("/liaison/ical/twins", test_twins);
  g_test_add_func ("/liaison/ical/waitlist", test_waitlist);

  return g_test_run ();
}
