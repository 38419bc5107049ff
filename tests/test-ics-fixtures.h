/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* .ics files as Thunderbird, Outlook (Exchange) and Google Calendar write
 * them, full of what Liaison does not model: X-MOZ-*, X-MICROSOFT-*,
 * X-GOOGLE-*, alarms, attachments, categories, colours, HTML descriptions
 * with escaped commas and semicolons, parameters of every kind. Each comes
 * with the lines (unfolded) that must go out again on a push or an export.
 * Shared by tests/test-ics-import.c and tests/test-sync.c. */

static const char foreign_thunderbird[] =
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
    "UID:7d2c9a4e-1b3f-4e5a-9c8d-6f0a1b2c3d4e\r\n"
    "SUMMARY:สัมมนาการจัดการขยะทะเล\r\n"
    "ORGANIZER;CN=Somchai Jaidee:mailto:somchai@example.th\r\n"
    "X-MOZ-GENERATION:3\r\n"
    "X-MOZ-LASTACK:20250801T020500Z\r\n"
    "X-MOZ-RECEIVED-SEQUENCE:0\r\n"
    "X-MOZ-RECEIVED-DTSTAMP:20250801T020000Z\r\n"
    "X-MOZ-SEND-INVITATIONS:TRUE\r\n"
    "X-MOZ-SEND-INVITATIONS-UNDISCLOSED:FALSE\r\n"
    "CATEGORIES:Forum,ASEAN\r\n"
    "COLOR:turquoise\r\n"
    "ATTACH;FILENAME=agenda.pdf;FMTTYPE=application/pdf:https://example.org/agenda.pdf\r\n"
    "DTSTART;TZID=Asia/Bangkok:20251201T090000\r\n"
    "DTEND;TZID=Asia/Bangkok:20251201T120000\r\n"
    "BEGIN:VALARM\r\n"
    "ACTION:DISPLAY\r\n"
    "TRIGGER;VALUE=DURATION:-PT15M\r\n"
    "DESCRIPTION:Default Mozilla Description\r\n"
    "X-MOZ-LASTACK:20251201T014600Z\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static const char *const foreign_thunderbird_lines[] = {
  "ORGANIZER;CN=Somchai Jaidee:mailto:somchai@example.th",
  "X-MOZ-GENERATION:3",
  "X-MOZ-LASTACK:20250801T020500Z",
  "X-MOZ-RECEIVED-SEQUENCE:0",
  "X-MOZ-RECEIVED-DTSTAMP:20250801T020000Z",
  "X-MOZ-SEND-INVITATIONS:TRUE",
  "X-MOZ-SEND-INVITATIONS-UNDISCLOSED:FALSE",
  "CATEGORIES:Forum,ASEAN",
  "COLOR:turquoise",
  "ATTACH;FILENAME=agenda.pdf;FMTTYPE=application/pdf:https://example.org/agenda.pdf",
  "BEGIN:VALARM",
  "TRIGGER;VALUE=DURATION:-PT15M",
  "DESCRIPTION:Default Mozilla Description",
  "X-MOZ-LASTACK:20251201T014600Z",
  NULL
};

static const char foreign_outlook[] =
    "BEGIN:VCALENDAR\r\n"
    "METHOD:REQUEST\r\n"
    "PRODID:Microsoft Exchange Server 2010\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VTIMEZONE\r\n"
    "TZID:SE Asia Standard Time\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:16010101T000000\r\n"
    "TZOFFSETFROM:+0700\r\n"
    "TZOFFSETTO:+0700\r\n"
    "END:STANDARD\r\n"
    "BEGIN:DAYLIGHT\r\n"
    "DTSTART:16010101T000000\r\n"
    "TZOFFSETFROM:+0700\r\n"
    "TZOFFSETTO:+0700\r\n"
    "END:DAYLIGHT\r\n"
    "END:VTIMEZONE\r\n"
    "BEGIN:VEVENT\r\n"
    "ORGANIZER;CN=Wang Fang:mailto:wang.fang@example.cn\r\n"
    "ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE;CN=Nguyen Van An:mailto:an@example.vn\r\n"
    "DESCRIPTION;LANGUAGE=en-US:Agenda\\, venue and dress code attached.\\n\r\n"
    "UID:040000008200E00074C5B7101A82E00800000000E1B2C3D4F5A6DB01000000000000000010000000AB12\r\n"
    "SUMMARY;LANGUAGE=en-US:Mekong water dialogue\r\n"
    "DTSTART;TZID=SE Asia Standard Time:20251020T083000\r\n"
    "DTEND;TZID=SE Asia Standard Time:20251020T170000\r\n"
    "CLASS:PUBLIC\r\n"
    "PRIORITY:5\r\n"
    "DTSTAMP:20250801T020000Z\r\n"
    "TRANSP:OPAQUE\r\n"
    "STATUS:CONFIRMED\r\n"
    "SEQUENCE:0\r\n"
    "LOCATION;LANGUAGE=en-US:Vientiane\\, Lao PDR\r\n"
    "X-MICROSOFT-CDO-APPT-SEQUENCE:0\r\n"
    "X-MICROSOFT-CDO-OWNERAPPTID:-1209472543\r\n"
    "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE\r\n"
    "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY\r\n"
    "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE\r\n"
    "X-MICROSOFT-CDO-IMPORTANCE:1\r\n"
    "X-MICROSOFT-CDO-INSTTYPE:0\r\n"
    "X-MICROSOFT-DONOTFORWARDMEETING:FALSE\r\n"
    "X-MICROSOFT-DISALLOW-COUNTER:FALSE\r\n"
    "X-ALT-DESC;FMTTYPE=text/html:<html><body><p>Agenda\\, venue and dress code\r\n"
    "  attached\\; see you in Vientiane.</p></body></html>\r\n"
    "BEGIN:VALARM\r\n"
    "DESCRIPTION:REMINDER\r\n"
    "TRIGGER;RELATED=START:-PT15M\r\n"
    "ACTION:DISPLAY\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static const char *const foreign_outlook_lines[] = {
  "ORGANIZER;CN=Wang Fang:mailto:wang.fang@example.cn",
  "CLASS:PUBLIC",
  "PRIORITY:5",
  "TRANSP:OPAQUE",
  "SEQUENCE:0",
  "X-MICROSOFT-CDO-APPT-SEQUENCE:0",
  "X-MICROSOFT-CDO-OWNERAPPTID:-1209472543",
  "X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE",
  "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
  "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
  "X-MICROSOFT-CDO-IMPORTANCE:1",
  "X-MICROSOFT-CDO-INSTTYPE:0",
  "X-MICROSOFT-DONOTFORWARDMEETING:FALSE",
  "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
  "X-ALT-DESC;FMTTYPE=text/html:<html><body><p>Agenda\\, venue and dress code attached\\; see you in Vientiane.</p></body></html>",
  "DESCRIPTION:REMINDER",
  "TRIGGER;RELATED=START:-PT15M",
  NULL
};

static const char foreign_google[] =
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
    "ORGANIZER;CN=Secretariat:mailto:secretariat@example.org\r\n"
    "UID:7h2k9m4n6p8q0r2s4t6v8w0x2y@google.com\r\n"
    "ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=Siti Am\r\n"
    " inah;X-NUM-GUESTS=0:mailto:siti@example.my\r\n"
    "X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij\r\n"
    "CREATED:20240101T000000Z\r\n"
    "DESCRIPTION:Join with Google Meet: https://meet.google.com/abc-defg-hij\\n\\nL\r\n"
    " earn more about Meet at: https://support.google.com/a/users/answer/9282720\r\n"
    "LAST-MODIFIED:20250801T020000Z\r\n"
    "LOCATION:Marina Bay Sands\\, Singapore\r\n"
    "SEQUENCE:0\r\n"
    "STATUS:CONFIRMED\r\n"
    "SUMMARY:Annual liaison officers' meeting\r\n"
    "TRANSP:OPAQUE\r\n"
    "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC\r\n"
    "BEGIN:VALARM\r\n"
    "ACTION:EMAIL\r\n"
    "DESCRIPTION:This is an event reminder\r\n"
    "SUMMARY:Alarm notification\r\n"
    "ATTENDEE:mailto:secretariat@example.org\r\n"
    "TRIGGER:-P0DT0H30M0S\r\n"
    "END:VALARM\r\n"
    "END:VEVENT\r\n"
    "BEGIN:VEVENT\r\n"
    "DTSTART:20261105T013000Z\r\n"
    "DTEND:20261105T090000Z\r\n"
    "DTSTAMP:20250801T020000Z\r\n"
    "UID:7h2k9m4n6p8q0r2s4t6v8w0x2y@google.com\r\n"
    "RECURRENCE-ID:20261104T013000Z\r\n"
    "SUMMARY:Annual liaison officers' meeting (moved)\r\n"
    "X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static const char *const foreign_google_lines[] = {
  "ORGANIZER;CN=Secretariat:mailto:secretariat@example.org",
  "X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij",
  "CREATED:20240101T000000Z",
  "SEQUENCE:0",
  "TRANSP:OPAQUE",
  "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
  "ACTION:EMAIL",
  "DESCRIPTION:This is an event reminder",
  "SUMMARY:Alarm notification",
  "ATTENDEE:mailto:secretariat@example.org",
  "TRIGGER:-P0DT0H30M0S",
  "RECURRENCE-ID:20261104T013000Z",
  "SUMMARY:Annual liaison officers' meeting (moved)",
  NULL
};
