/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-ics-export.h"
#include "liaison-ics-import.h"
#include "liaison-store.h"
#include "test-ics-fixtures.h"
#include "test-util.h"

/* .ics files as Outlook (Windows zone names), Google Calendar (UTC times,
 * the calendar's zone beside them, recurring events) and Thunderbird
 * (X-MOZ properties, libical's VTIMEZONEs) write them, and replies to
 * Liaison's invitations. Each is checked by the instant it means. */

typedef struct
{
  char         *dir;
  LiaisonStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = test_make_dir ();
  path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = liaison_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static const char outlook[] =
    "BEGIN:VCALENDAR\r\n"
    "METHOD:REQUEST\r\n"
    "PRODID:Microsoft Exchange Server 2010\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:China Standard Time\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16010101T000000\r\n"
    "TZOFFSETFROM:+0800\r\n"
    "TZOFFSETTO:+0800\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:16010101T000000\r\n"
    "TZOFFSETFROM:+0800\r\n"
    "TZOFFSETTO:+0800\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Myanmar Standard Time\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16010101T000000\r\n"
    "TZOFFSETFROM:+0630\r\n"
    "TZOFFSETTO:+0630\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "ORGANIZER;CN=Wang Fang:mailto:wang.fang@example.cn\r\n"
    "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Nguyen Van An:mailto:an@example.vn\r\n"
    "ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=李霞:mailto:LI.XIA@example.cn\r\n"
    "DESCRIPTION;LANGUAGE=en-US:Agenda attached.\\n\r\n"
    "UID:040000008200E00074C5B7101A82E00800000000D0A1C5F1C2F5DB0100000000000000001000000012A7\r\n"
    "SUMMARY;LANGUAGE=en-US:China–ASEAN Environmental Cooperation Forum 2025\r\n"
    "DTSTART;TZID=China Standard Time:20250910T090000\r\n"
    "DTEND;TZID=China Standard Time:20250910T173000\r\n"
    "CLASS:PUBLIC\r\n"
    "DTSTAMP:20250801T020000Z\r\n"
    "STATUS:CONFIRMED\r\n"
    "LOCATION;LANGUAGE=en-US:Nanning International Convention and Exhibition Center\r\n"
    "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE\r\n"
    "X-MICROSOFT-DISALLOW-COUNTER:FALSE\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:040000008200E00074C5B7101A82E00800000000D0A1C5F1C2F5DB0100000000000000001000000099B2\r\n"
    "SUMMARY:Workshop on marine plastics\r\n"
    "DTSTART;TZID=Myanmar Standard Time:20251104T093000\r\n"
    "DTEND;TZID=Myanmar Standard Time:20251104T170000\r\n"
    "DTSTAMP:20250801T020000Z\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static const char google[] =
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Google Inc//Google Calendar 70.9054//EN\r\n"
    "VERSION:2.0\r\n"
    "CALSCALE:GREGORIAN\r\n"
    "METHOD:PUBLISH\r\n"
    "X-WR-CALNAME:Secretariat\r\n"
    "X-WR-TIMEZONE:Asia/Singapore\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART:20251104T013000Z\r\n"
    "DTEND:20251104T090000Z\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=11\r\n"
    "DTSTAMP:20250801T020000Z\r\n"
    "UID:5q8v3k2m1n0b9c8x7z6a5s4d3f@google.com\r\n"
    "CREATED:20240101T000000Z\r\n"
    "SUMMARY:Annual liaison officers' meeting\r\n"
    "LOCATION:Marina Bay Sands\\, Singapore\r\n"
    "SEQUENCE:0\r\n"
    "TRANSP:OPAQUE\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART:20261105T013000Z\r\n"
    "DTEND:20261105T090000Z\r\n"
    "RECURRENCE-ID:20261104T013000Z\r\n"
    "UID:5q8v3k2m1n0b9c8x7z6a5s4d3f@google.com\r\n"
    "SUMMARY:Annual liaison officers' meeting (moved)\r\n"
    "DTSTAMP:20250801T020000Z\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static const char thunderbird[] =
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Asia/Bangkok\r\n"
    "X-LIC-LOCATION:Asia/Bangkok\r\n"
    "BEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0700\r\n"
    "TZOFFSETTO:+0700\r\n"
    "TZNAME:+07\r\n"
    "DTSTART:19700101T000000\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "CREATED:20250801T020000Z\r\n"
    "LAST-MODIFIED:20250801T020000Z\r\n"
    "DTSTAMP:20250801T020000Z\r\n"
    "UID:9b1f3c8e-5a6d-4f2e-8c1b-0d2e3f4a5b6c\r\n"
    "SUMMARY:สัมมนาการจัดการขยะทะเล\r\n"
    "X-MOZ-GENERATION:3\r\n"
    "X-MOZ-LASTACK:20250801T020500Z\r\n"
    "DTSTART;TZID=Asia/Bangkok:20251201T090000\r\n"
    "DTEND;TZID=Asia/Bangkok:20251201T120000\r\n"
    "BEGIN:VALARM\r\n"
    "ACTION:DISPLAY\r\n"
    "TRIGGER;VALUE=DURATION:-PT15M\r\n"
    "DESCRIPTION:Default Mozilla Description\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static GPtrArray *
read_events (Fixture *f, const char *text)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *events = liaison_ics_read_events (f->store, text, NULL, &error);

  g_assert_no_error (error);
  return events;
}

static char *
utc_of (LiaisonEvent *event)
{
  g_autoptr (GDateTime) start = liaison_event_dup_start_date_time (event);
  g_autoptr (GDateTime) utc = g_date_time_to_utc (start);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
import_all (Fixture *f, GPtrArray *events, guint expected_added, guint expected_updated)
{
  g_autoptr (GError) error = NULL;
  guint added = 0, updated = 0;

  g_assert_true (liaison_ics_import_events (f->store, events, &added, &updated, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (added, ==, expected_added);
  g_assert_cmpuint (updated, ==, expected_updated);
}

static void
test_zones (void)
{
  const char *cases[][2] = {
    { "China Standard Time", "Asia/Shanghai" },
    { "SE Asia Standard Time", "Asia/Bangkok" },
    { "Singapore", "Asia/Singapore" },
    { "Singapore Standard Time", "Asia/Singapore" },
    { "Myanmar Standard Time", "Asia/Yangon" },
    { "Yangon", "Asia/Yangon" },
    { "Phnom Penh", "Asia/Phnom_Penh" },
    { "Hanoi", "Asia/Ho_Chi_Minh" },
    { "(UTC+08:00) Beijing, Chongqing, Hong Kong, Urumqi", "Asia/Shanghai" },
    { "/freeassociation.sourceforge.net/Tzfile/Asia/Jakarta", "Asia/Jakarta" },
    { "Asia/Manila", "Asia/Manila" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *zone = liaison_ics_zone_for_name (cases[i][0]);
      g_assert_cmpstr (zone, ==, cases[i][1]);
    }
  g_assert_null (liaison_ics_zone_for_name ("Customized Time Zone"));
}

static void
test_outlook (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) events = read_events (f, outlook);
  LiaisonIcsEvent *forum, *workshop;
  g_autoptr (LiaisonEvent) saved = NULL;
  g_autoptr (GPtrArray) registrations = NULL;
  g_autofree char *utc = NULL;
  g_autofree char *forum_uid = NULL;
  g_autoptr (LiaisonParticipant) li = liaison_participant_new (NULL);
  const char *emails[] = { "li.xia@example.cn", NULL };
  gint64      mark;

  /* 李霞 is here already, under her own e-mail. */
  liaison_participant_set_native_name (li, "李", "霞");
  liaison_participant_set_emails (li, emails);
  g_assert_true (liaison_store_save_participant (f->store, li, LIAISON_ORIGIN_LOCAL, NULL));
  mark = liaison_store_get_last_seq (f->store);

  g_assert_cmpuint (events->len, ==, 2);
  forum = g_ptr_array_index (events, 0);
  workshop = g_ptr_array_index (events, 1);
  forum_uid = g_strdup (forum->uid);
  g_assert_null (forum->problem);
  g_assert_cmpstr (forum->note, ==, "Times in “China Standard Time” are read as Asia/Shanghai.");
  g_assert_nonnull (strstr (forum->text, "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE"));
  import_all (f, events, 2, 0);

  saved = liaison_store_get_event (f->store, forum->uid, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (liaison_event_get_time_zone (saved), ==, "Asia/Shanghai");
  g_assert_cmpstr (liaison_event_get_start (saved), ==, "2025-09-10T09:00");
  utc = utc_of (saved);
  g_assert_cmpstr (utc, ==, "2025-09-10T01:00:00Z");
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_event_get_title (saved), LIAISON_LANGUAGE_EN), ==,
                   "China–ASEAN Environmental Cooperation Forum 2025");
  g_assert_cmpstr (liaison_event_get_venue (saved), ==, "Nanning International Convention and Exhibition Center");

  /* Two attendees: a new person, and 李霞 found by her e-mail (in capitals). */
  registrations = liaison_store_list_registrations (f->store, forum->uid, NULL);
  g_assert_cmpuint (registrations->len, ==, 2);
  g_assert_cmpuint (liaison_store_count_participants (f->store), ==, 2);

  g_clear_object (&saved);
  g_clear_pointer (&utc, g_free);
  saved = liaison_store_get_event (f->store, workshop->uid, NULL);
  g_assert_cmpstr (liaison_event_get_time_zone (saved), ==, "Asia/Yangon");
  utc = utc_of (saved);
  g_assert_cmpstr (utc, ==, "2025-11-04T03:00:00Z");

  /* The same file again updates, and keeps the registrations. */
  g_clear_pointer (&events, g_ptr_array_unref);
  events = read_events (f, outlook);
  g_assert_true (((LiaisonIcsEvent *) g_ptr_array_index (events, 0))->exists);
  import_all (f, events, 0, 2);
  g_clear_pointer (&registrations, g_ptr_array_unref);
  registrations = liaison_store_list_registrations (f->store, forum_uid, NULL);
  g_assert_cmpuint (registrations->len, ==, 2);

  /* One step to undo. */
  g_assert_true (liaison_store_undo (f->store, mark, NULL));
  g_clear_object (&saved);
  saved = liaison_store_get_event (f->store, forum_uid, NULL);
  g_assert_null (saved);
  g_assert_cmpuint (liaison_store_count_participants (f->store), ==, 1);
}

static void
test_google (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) events = read_events (f, google);
  LiaisonIcsEvent *meeting;
  g_autoptr (LiaisonEvent) saved = NULL;
  g_autofree char *utc = NULL;

  /* The master and its moved occurrence are one event. */
  g_assert_cmpuint (events->len, ==, 1);
  meeting = g_ptr_array_index (events, 0);
  g_assert_null (meeting->problem);
  g_assert_nonnull (strstr (meeting->note, "1 changed occurrence"));
  g_assert_nonnull (strstr (meeting->text, "RECURRENCE-ID"));
  import_all (f, events, 1, 0);
  saved = liaison_store_get_event (f->store, "5q8v3k2m1n0b9c8x7z6a5s4d3f@google.com", NULL);
  g_assert_nonnull (saved);
  /* UTC times shown in the calendar's zone, the same instant. */
  g_assert_cmpstr (liaison_event_get_time_zone (saved), ==, "Asia/Singapore");
  g_assert_cmpstr (liaison_event_get_start (saved), ==, "2025-11-04T09:30");
  utc = utc_of (saved);
  g_assert_cmpstr (utc, ==, "2025-11-04T01:30:00Z");
  g_assert_cmpstr (liaison_event_get_recurrence (saved), ==, "FREQ=YEARLY;BYMONTH=11");
  g_assert_cmpstr (liaison_event_get_venue (saved), ==, "Marina Bay Sands, Singapore");
}

static void
test_thunderbird (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) events = read_events (f, thunderbird);
  LiaisonIcsEvent *seminar = g_ptr_array_index (events, 0);
  g_autoptr (LiaisonEvent) saved = NULL;
  g_autofree char *utc = NULL;

  g_assert_null (seminar->problem);
  g_assert_null (seminar->note);
  /* What Liaison does not read stays in the event's own text. */
  g_assert_nonnull (strstr (seminar->text, "X-MOZ-GENERATION:3"));
  g_assert_nonnull (strstr (seminar->text, "BEGIN:VALARM"));
  import_all (f, events, 1, 0);
  saved = liaison_store_get_event (f->store, seminar->uid, NULL);
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_event_get_title (saved), LIAISON_LANGUAGE_EN), ==, "สัมมนาการจัดการขยะทะเล");
  utc = utc_of (saved);
  g_assert_cmpstr (utc, ==, "2025-12-01T02:00:00Z");
}

/* As khal writes them: times with no zone at all ("floating"), one event
 * with Liaison's country property, one all-day. */
static const char khal[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//PIMUTILS.ORG//NONSGML khal / icalendar //EN\r\n"
    "BEGIN:VEVENT\r\n"
    "SUMMARY:Coffee with the embassy\r\n"
    "DTSTART:20251112T093000\r\n"
    "DTEND:20251112T103000\r\n"
    "DTSTAMP:20250101T000000Z\r\n"
    "UID:khal-floating-1\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "SUMMARY:Site visit\r\n"
    "DTSTART:20251113T140000\r\n"
    "DTEND:20251113T170000\r\n"
    "DTSTAMP:20250101T000000Z\r\n"
    "UID:khal-floating-2\r\n"
    "X-LIAISON-COUNTRY:VN\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "SUMMARY:Day of the forum\r\n"
    "DTSTART;VALUE=DATE:20251114\r\n"
    "DTSTAMP:20250101T000000Z\r\n"
    "UID:khal-day\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

/* A floating time is the same wall-clock time wherever one is: read in the
 * event's country's zone when Liaison knows it, else in the zone of the
 * person importing (Preferences, else the computer's), never in UTC behind
 * their back; the preview says which. */
static void
test_floating (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = liaison_ics_read_events (f->store, khal, "Asia/Bangkok", &error);
  g_autoptr (GPtrArray) unzoned = NULL;
  LiaisonIcsEvent *coffee, *visit, *day;
  g_autoptr (LiaisonEvent) saved = NULL;
  g_autofree char *utc = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  coffee = g_ptr_array_index (events, 0);
  visit = g_ptr_array_index (events, 1);
  day = g_ptr_array_index (events, 2);
  g_assert_null (coffee->problem);
  g_assert_cmpstr (g_hash_table_lookup (coffee->fields, "start"), ==, "2025-11-12T09:30");
  g_assert_cmpstr (g_hash_table_lookup (coffee->fields, "time_zone"), ==, "Asia/Bangkok");
  g_assert_cmpstr (coffee->note, ==, "Its times name no zone: read as Asia/Bangkok.");
  /* Its own bytes are still what a push and an export patch. */
  g_assert_nonnull (coffee->kept);
  g_assert_cmpstr (g_hash_table_lookup (visit->fields, "time_zone"), ==, "Asia/Ho_Chi_Minh");
  g_assert_cmpstr (visit->note, ==, "Its times name no zone: read as Asia/Ho_Chi_Minh.");
  g_assert_cmpstr (g_hash_table_lookup (day->fields, "start"), ==, "2025-11-14");
  g_assert_null (day->note);

  import_all (f, events, 3, 0);
  saved = liaison_store_get_event (f->store, "khal-floating-1", NULL);
  g_assert_cmpstr (liaison_event_get_time_zone (saved), ==, "Asia/Bangkok");
  utc = utc_of (saved);
  g_assert_cmpstr (utc, ==, "2025-11-12T02:30:00Z");

  /* Nobody's zone known (no Preferences zone, no IANA name for the
   * computer's): UTC, and the note says so. */
  unzoned = liaison_ics_read_events (f->store, khal, NULL, &error);
  g_assert_no_error (error);
  coffee = g_ptr_array_index (unzoned, 0);
  g_assert_cmpstr (g_hash_table_lookup (coffee->fields, "time_zone"), ==, "UTC");
  g_assert_cmpstr (coffee->note, ==, "Its times name no zone: read as UTC.");
  g_assert_true (coffee->exists);
}

static guint
count_of (const char *text, const char *what)
{
  guint n = 0;

  for (const char *p = strstr (text, what); p != NULL; p = strstr (p + 1, what))
    n++;
  return n;
}

static gboolean
has_line (char **lines, const char *line)
{
  return g_strv_contains ((const char *const *) lines, line);
}

/* Imported from three programs' files, exported again: every property and
 * parameter Liaison does not model goes out as the program wrote it, the
 * attendees' addresses stay here, and the export reads back to the same
 * instants. */
static void
test_foreign_kept (Fixture *f, gconstpointer data)
{
  const char *const        files[] = { foreign_thunderbird, foreign_outlook, foreign_google };
  const char *const *const expected[] = { foreign_thunderbird_lines, foreign_outlook_lines, foreign_google_lines };
  g_autoptr (GPtrArray) saved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *unfolded = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) again = NULL;
  g_autofree char *other_dir = test_make_dir ();
  g_autofree char *other_path = g_build_filename (other_dir, "other.db", NULL);
  LiaisonStore    *other;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (GPtrArray) events = read_events (f, files[i]);
      LiaisonIcsEvent *e = g_ptr_array_index (events, 0);

      g_assert_cmpuint (events->len, ==, 1);
      g_assert_null (e->problem);
      g_assert_nonnull (e->kept);
      import_all (f, events, 1, 0);
      g_ptr_array_add (saved, liaison_store_get_event (f->store, e->uid, NULL));
      g_assert_nonnull (g_ptr_array_index (saved, i));
    }

  exported = liaison_ics_export_events (f->store, saved, &error);
  g_assert_no_error (error);
  {
    g_auto (GStrv) folds = g_strsplit (exported, "\r\n ", -1);
    unfolded = g_strjoinv ("", folds);
  }
  lines = g_strsplit (unfolded, "\r\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    for (guint j = 0; expected[i][j] != NULL; j++)
      {
        if (!has_line (lines, expected[i][j]))
          g_printerr ("missing from the export: %s\n%s", expected[i][j], exported);
        g_assert_true (has_line (lines, expected[i][j]));
      }
  /* Each alarm once, each zone once, Windows' zone under its IANA id. */
  g_assert_cmpuint (count_of (unfolded, "BEGIN:VALARM"), ==, 3);
  g_assert_true (has_line (lines, "DTSTART;TZID=Asia/Bangkok:20251020T083000"));
  g_assert_cmpuint (count_of (unfolded, "\nTZID:Asia/Bangkok"), ==, 1);
  g_assert_null (strstr (unfolded, "SE Asia Standard Time"));
  g_assert_null (strstr (unfolded, "an@example.vn"));
  g_assert_null (strstr (unfolded, "siti@example.my"));

  /* Read back elsewhere: the same instants. */
  other = liaison_store_open (other_path, &error);
  g_assert_no_error (error);
  again = liaison_ics_read_events (other, exported, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, saved->len);
  g_assert_true (liaison_ics_import_events (other, again, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < saved->len; i++)
    {
      LiaisonEvent *mine = g_ptr_array_index (saved, i);
      g_autoptr (LiaisonEvent) theirs = liaison_store_get_event (other, liaison_event_get_id (mine), NULL);
      g_autofree char *a = utc_of (mine);
      g_autofree char *b = NULL;

      g_assert_nonnull (theirs);
      b = utc_of (theirs);
      g_assert_cmpstr (a, ==, b);
    }
  g_assert_finalize_object (other);
  test_remove_tree (other_dir);
}

static char *
replace (const char *text, const char *from, const char *to)
{
  g_autoptr (GString) s = g_string_new (text);

  g_string_replace (s, from, to, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A VTIMEZONE that contradicts its TZID: the event is refused and says
 * why; the others in the file are imported. */
static void
test_contradiction (Fixture *f, gconstpointer data)
{
  g_autofree char *text = replace (outlook, "TZOFFSETTO:+0800\r\nEND:STANDARD", "TZOFFSETTO:-0500\r\nEND:STANDARD");
  g_autoptr (GPtrArray) events = NULL;
  LiaisonIcsEvent *forum;

  {
    g_autofree char *step = g_steal_pointer (&text);
    text = replace (step, "TZOFFSETTO:+0800\r\nEND:DAYLIGHT", "TZOFFSETTO:-0500\r\nEND:DAYLIGHT");
  }
  events = read_events (f, text);
  forum = g_ptr_array_index (events, 0);
  g_assert_cmpstr (forum->problem, ==,
                   "“China–ASEAN Environmental Cooperation Forum 2025” gives its times in “China Standard Time”, but the file defines that zone as UTC−05:00 where Asia/Shanghai is UTC+08:00 at the event's start: its times cannot be trusted. Ask the sender for a corrected invitation.");
  g_assert_null (forum->fields);
  import_all (f, events, 1, 0);
  g_assert_null (liaison_store_get_event (f->store, forum->uid, NULL));
}

/* A zone nobody knows: the instants kept, in UTC; one not even defined:
 * refused. */
static void
test_unknown_zones (Fixture *f, gconstpointer data)
{
  g_autofree char *custom = replace (outlook, "China Standard Time", "Customized Time Zone");
  g_autofree char *undefined = replace (thunderbird, "TZID:Asia/Bangkok\r\nX-LIC-LOCATION:Asia/Bangkok\r\n", "TZID:Somewhere\r\n");
  g_autoptr (GPtrArray) events = read_events (f, custom);
  LiaisonIcsEvent *forum = g_ptr_array_index (events, 0);
  g_autoptr (LiaisonEvent) saved = NULL;
  g_autofree char *utc = NULL;

  g_assert_cmpstr (forum->note, ==, "The zone “Customized Time Zone” is not one Liaison knows: its times are kept in UTC.");
  import_all (f, events, 2, 0);
  saved = liaison_store_get_event (f->store, forum->uid, NULL);
  g_assert_cmpstr (liaison_event_get_time_zone (saved), ==, "UTC");
  utc = utc_of (saved);
  g_assert_cmpstr (utc, ==, "2025-09-10T01:00:00Z");

  g_clear_pointer (&events, g_ptr_array_unref);
  {
    g_autofree char *step = replace (undefined, "TZID=Asia/Bangkok", "TZID=Middle Earth Time");
    events = read_events (f, step);
  }
  g_assert_cmpstr (((LiaisonIcsEvent *) g_ptr_array_index (events, 0))->problem, ==,
                   "“สัมมนาการจัดการขยะทะเล” gives its times in the zone “Middle Earth Time”, which the file does not define and Liaison does not know");
}

static void
test_not_calendar (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = liaison_ics_read_events (f->store, "Name,E-mail\nLi,li@example.cn\n", NULL, &error);

  g_assert_null (events);
  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_MALFORMED);
  g_clear_error (&error);
  events = liaison_ics_read_events (f->store, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", NULL, &error);
  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_EMPTY);
}

/* REQUEST → REPLY: the attendee's answer moves their registration. */
static const char reply_template[] =
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
    "VERSION:2.0\r\n"
    "METHOD:REPLY\r\n"
    "BEGIN:VEVENT\r\n"
    "ATTENDEE;PARTSTAT=%s:mailto:%s\r\n"
    "DTSTAMP:20250805T020000Z\r\n"
    "UID:%s\r\n"
    "SUMMARY;LANGUAGE=en-US:Accepted: Forum\r\n"
    "DTSTART:20250910T010000Z\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static GPtrArray *
reply (Fixture *f, const char *partstat, const char *address, const char *uid)
{
  g_autofree char *text = g_strdup_printf (reply_template, partstat, address, uid);
  g_autoptr (GError) error = NULL;
  GPtrArray *outcomes = liaison_ics_apply_replies (f->store, text, FALSE, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (outcomes->len, ==, 1);
  return outcomes;
}

static void
test_replies (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (LiaisonParticipant) an = liaison_participant_new (NULL);
  g_autoptr (LiaisonParticipant) khai = liaison_participant_new (NULL);
  g_autoptr (LiaisonParticipant) outsider = liaison_participant_new (NULL);
  g_autoptr (LiaisonRegistration) ra = NULL;
  g_autoptr (LiaisonRegistration) rk = NULL;
  g_autoptr (LiaisonRegistration) now = NULL;
  g_autoptr (GPtrArray) outcomes = NULL;
  const char          *an_emails[] = { "an@example.vn", NULL };
  const char          *khai_emails[] = { "khai@example.vn", NULL };
  const char          *outsider_emails[] = { "outsider@example.org", NULL };
  const char          *id;
  LiaisonReplyOutcome *o;

  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, "Forum");
  g_assert_true (liaison_event_set_when (event, "2025-09-10T09:00", NULL, "Asia/Shanghai", NULL));
  g_assert_true (liaison_store_save_event (f->store, event, LIAISON_ORIGIN_LOCAL, NULL));
  id = liaison_event_get_id (event);
  liaison_participant_set_latin_name (an, "Nguyen", "Van An");
  liaison_participant_set_emails (an, an_emails);
  liaison_participant_set_latin_name (khai, "Nguyen", "Thi Minh Khai");
  liaison_participant_set_emails (khai, khai_emails);
  liaison_participant_set_latin_name (outsider, NULL, "Outsider");
  liaison_participant_set_emails (outsider, outsider_emails);
  g_assert_true (liaison_store_save_participant (f->store, an, LIAISON_ORIGIN_LOCAL, NULL));
  g_assert_true (liaison_store_save_participant (f->store, khai, LIAISON_ORIGIN_LOCAL, NULL));
  g_assert_true (liaison_store_save_participant (f->store, outsider, LIAISON_ORIGIN_LOCAL, NULL));
  ra = liaison_store_register (f->store, id, liaison_participant_get_id (an), LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_INVITED, LIAISON_ORIGIN_LOCAL, NULL);
  rk = liaison_store_register (f->store, id, liaison_participant_get_id (khai), LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_INVITED, LIAISON_ORIGIN_LOCAL, NULL);

  outcomes = reply (f, "ACCEPTED", "AN@example.vn", id);
  o = g_ptr_array_index (outcomes, 0);
  g_assert_true (o->changed);
  g_assert_cmpstr (o->message, ==, "Nguyen Van An accepted “Forum”: Invited → Confirmed");
  now = liaison_store_get_registration (f->store, liaison_registration_get_id (ra), NULL);
  g_assert_cmpint (liaison_registration_get_status (now), ==, LIAISON_REGISTRATION_CONFIRMED);
  g_clear_pointer (&outcomes, g_ptr_array_unref);
  g_clear_object (&now);

  outcomes = reply (f, "DECLINED", "khai@example.vn", id);
  o = g_ptr_array_index (outcomes, 0);
  g_assert_cmpstr (o->message, ==, "Nguyen Thi Minh Khai declined “Forum”: Invited → Declined");
  now = liaison_store_get_registration (f->store, liaison_registration_get_id (rk), NULL);
  g_assert_cmpint (liaison_registration_get_status (now), ==, LIAISON_REGISTRATION_DECLINED);
  g_clear_pointer (&outcomes, g_ptr_array_unref);
  g_clear_object (&now);

  /* Changed her mind: declined → registered → confirmed, the allowed way. */
  outcomes = reply (f, "ACCEPTED", "khai@example.vn", id);
  o = g_ptr_array_index (outcomes, 0);
  g_assert_cmpstr (o->message, ==, "Nguyen Thi Minh Khai accepted “Forum”: Declined → Confirmed");
  now = liaison_store_get_registration (f->store, liaison_registration_get_id (rk), NULL);
  g_assert_cmpint (liaison_registration_get_status (now), ==, LIAISON_REGISTRATION_CONFIRMED);
  g_clear_pointer (&outcomes, g_ptr_array_unref);

  outcomes = reply (f, "TENTATIVE", "an@example.vn", id);
  o = g_ptr_array_index (outcomes, 0);
  g_assert_false (o->changed);
  g_assert_cmpstr (o->message, ==, "Nguyen Van An answered “maybe” for “Forum”: the registration stays as it is");
  g_clear_pointer (&outcomes, g_ptr_array_unref);

  /* Someone who was never invited; an event Liaison does not have. */
  outcomes = reply (f, "ACCEPTED", "outsider@example.org", id);
  o = g_ptr_array_index (outcomes, 0);
  g_assert_false (o->changed);
  g_assert_cmpstr (o->message, ==, "outsider@example.org answered, but is not invited to “Forum”: nothing was changed");
  g_clear_pointer (&outcomes, g_ptr_array_unref);

  outcomes = reply (f, "ACCEPTED", "an@example.vn", "no-such-event@example.org");
  o = g_ptr_array_index (outcomes, 0);
  g_assert_false (o->changed);
  g_assert_cmpstr (o->message, ==,
                   "The reply is for “Accepted: Forum” (UID no-such-event@example.org), an event Liaison does not have: nothing was changed");
}

static void
test_not_a_reply (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) outcomes = liaison_ics_apply_replies (f->store, thunderbird, FALSE, &error);
  g_autofree char *method = liaison_ics_method (outlook);

  g_assert_null (outcomes);
  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_UNSUPPORTED);
  g_assert_cmpstr (method, ==, "REQUEST");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/ics-import/zones", test_zones);
  g_test_add ("/liaison/ics-import/outlook", Fixture, NULL, fixture_set_up, test_outlook, fixture_tear_down);
  g_test_add ("/liaison/ics-import/google", Fixture, NULL, fixture_set_up, test_google, fixture_tear_down);
  g_test_add ("/liaison/ics-import/thunderbird", Fixture, NULL, fixture_set_up, test_thunderbird, fixture_tear_down);
  g_test_add ("/liaison/ics-import/floating", Fixture, NULL, fixture_set_up, test_floating, fixture_tear_down);
  g_test_add ("/liaison/ics-import/foreign-kept", Fixture, NULL, fixture_set_up, test_foreign_kept, fixture_tear_down);
  g_test_add ("/liaison/ics-import/contradiction", Fixture, NULL, fixture_set_up, test_contradiction, fixture_tear_down);
  g_test_add ("/liaison/ics-import/unknown-zones", Fixture, NULL, fixture_set_up, test_unknown_zones, fixture_tear_down);
  g_test_add ("/liaison/ics-import/not-calendar", Fixture, NULL, fixture_set_up, test_not_calendar, fixture_tear_down);
  g_test_add ("/liaison/ics-import/replies", Fixture, NULL, fixture_set_up, test_replies, fixture_tear_down);
  g_test_add ("/liaison/ics-import/not-a-reply", Fixture, NULL, fixture_set_up, test_not_a_reply, fixture_tear_down);

  return g_test_run ();
}
