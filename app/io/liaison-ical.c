/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <stdio.h>
#include <string.h>

#include "liaison-content-line.h"
#include "liaison-ical.h"
#include "liaison-io-error.h"
#include "liaison-store-sync.h"

/* Read with libical (it knows time zones, value types and parameters);
 * written with liaison-content-line, patched into the server's copy. */

#define PRODID "-//China-ASEAN Environmental Cooperation Center//Liaison//EN"
#define LIBICAL_TZID_PREFIX "/freeassociation.sourceforge.net/"

/* Liaison's own properties that are plain text: property → field. */
static const char *x_text[][2] = {
  { "X-LIAISON-KIND", "kind" },
  { "X-LIAISON-STATUS", "status" },
  { "X-LIAISON-MODE", "mode" },
  { "X-LIAISON-TITLE-ZH", "title_zh" },
  { "X-LIAISON-TITLE-EN", "title_en" },
  { "X-LIAISON-THEME-ZH", "theme_zh" },
  { "X-LIAISON-THEME-EN", "theme_en" },
  { "X-LIAISON-DESCRIPTION-ZH", "description_zh" },
  { "X-LIAISON-DESCRIPTION-EN", "description_en" },
  { "X-LIAISON-CITY-ZH", "city_zh" },
  { "X-LIAISON-CITY-EN", "city_en" },
  { "X-LIAISON-I18N-TITLE", "i18n_title" },
  { "X-LIAISON-I18N-THEME", "i18n_theme" },
  { "X-LIAISON-I18N-DESCRIPTION", "i18n_description" },
  { "X-LIAISON-START", "start" },
  { "X-LIAISON-END", "end" },
  { "X-LIAISON-TZ", "time_zone" },
  { "X-LIAISON-COUNTRY", "country" },
  { "X-LIAISON-ORGANISERS", "organisers" },
  { "X-LIAISON-PARTNERS", "partners" },
  { "X-LIAISON-CAPACITY", "capacity" },
  { "X-LIAISON-DEADLINE", "registration_deadline" },
  { "X-LIAISON-BUDGET", "budget" },
  { "X-LIAISON-CURRENCY", "currency" },
  { "X-LIAISON-FUNDING", "funding" },
  { "X-LIAISON-TRACK", "track" },
  { "X-LIAISON-ACTIVITIES", "activities" },
  { "X-LIAISON-AREAS", "areas" },
};

/* Standard properties Liaison writes: each is one group of lines. */
static const char *standard[] = {
  "SUMMARY",
  "DESCRIPTION",
  "LOCATION",
  "URL",
  "DTSTART",
  "DTEND",
  "STATUS",
  "RRULE",
  "EXDATE",
};

/* Parameters of an attendee line that stay as another client wrote them
 * when Liaison rewrites the line, and that Liaison does not add to a line
 * it did not write (docs/sync.md, "Writing into another client's
 * resource"). */
static const char *theirs_params[] = { "RSVP", "SCHEDULE-AGENT", "CUTYPE", NULL };

/* Bounds on what one resource may cost to read (issue 12, 7): past this
 * many events, only the first (and the time zones) is given to libical. */
#define MAX_EVENTS 1000

#define EXDATE_PART ";EXDATE="

static const char *
get (GHashTable *f,
     const char *name)
{
  return g_hash_table_lookup (f, name);
}

/* A text as it reads back once written: without carriage returns and the
 * control characters content lines may not hold, and without spaces or
 * tabs at its end. libical keeps a bare CR inside SUMMARY, decodes the
 * escapes "\r", "\b" and "\f" into those characters and an unknown escape
 * ("\0") into a space, but the writer drops a CR
 * (liaison_content_escape_text), a resource with the others is refused
 * (liaison_content_check_text) and libical strips the spaces that end a
 * line; so a value read with any of them would not read the same once
 * written back (fuzz-ical). Tabs and line breaks inside stay. */
static gboolean
is_dropped (guchar c)
{
  return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f;
}

static gboolean
has_dropped (const char *text)
{
  size_t n = text != NULL ? strlen (text) : 0;

  if (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t'))
    return TRUE;
  for (const guchar *p = (const guchar *) text; p != NULL && *p != '\0'; p++)
    if (is_dropped (*p))
      return TRUE;
  return FALSE;
}

static char *
as_read_back (const char *text)
{
  GString *s;

  if (!has_dropped (text))
    return g_strdup (text);
  s = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    if (!is_dropped ((guchar) *p))
      g_string_append_c (s, *p);
  while (s->len > 0 && (s->str[s->len - 1] == ' ' || s->str[s->len - 1] == '\t'))
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

static void
put (GHashTable *f,
     const char *name,
     const char *value)
{
  char *kept = as_read_back (value);

  if (kept == NULL || *kept == '\0')
    {
      g_free (kept);
      g_hash_table_remove (f, name);
    }
  else
    g_hash_table_insert (f, g_strdup (name), kept);
}

/* ------------------------------------------------------------------------ */
/* Mappings between Liaison's words and iCalendar's                          */

static const char *
status_to_ical (const char *status)
{
  if (g_strcmp0 (status, "confirmed") == 0 || g_strcmp0 (status, "held") == 0)
    return "CONFIRMED";
  if (g_strcmp0 (status, "cancelled") == 0)
    return "CANCELLED";
  return "TENTATIVE";
}

static const char *
status_from_ical (const char *status)
{
  if (g_ascii_strcasecmp (status, "CONFIRMED") == 0)
    return "confirmed";
  if (g_ascii_strcasecmp (status, "CANCELLED") == 0)
    return "cancelled";
  return "planned";
}

static const char *
role_to_ical (const char *role)
{
  if (g_strcmp0 (role, "moderator") == 0)
    return "CHAIR";
  if (g_strcmp0 (role, "observer") == 0)
    return "OPT-PARTICIPANT";
  if (g_strcmp0 (role, "organiser") == 0 || g_strcmp0 (role, "interpreter") == 0 || g_strcmp0 (role, "staff") == 0)
    return "NON-PARTICIPANT";
  return "REQ-PARTICIPANT";
}

static const char *
role_from_ical (const char *role)
{
  if (role == NULL)
    return "delegate";
  if (g_ascii_strcasecmp (role, "CHAIR") == 0)
    return "moderator";
  if (g_ascii_strcasecmp (role, "OPT-PARTICIPANT") == 0)
    return "observer";
  if (g_ascii_strcasecmp (role, "NON-PARTICIPANT") == 0)
    return "staff";
  return "delegate";
}

/* iCalendar has no word for waitlisted, attended, no-show or nominated:
 * those travel in X-LIAISON-STATUS, PARTSTAT says the nearest thing for
 * other clients (a nomination awaits the centre's answer, as an invitation
 * awaits the person's). */
static const char *
partstat_of (const char *status)
{
  if (g_strcmp0 (status, "invited") == 0 || g_strcmp0 (status, "nominated") == 0)
    return "NEEDS-ACTION";
  if (g_strcmp0 (status, "waitlisted") == 0)
    return "TENTATIVE";
  if (g_strcmp0 (status, "declined") == 0 || g_strcmp0 (status, "cancelled") == 0)
    return "DECLINED";
  return "ACCEPTED";
}

/* Another client's answer: "tentative" is a person's "maybe", not a
 * place on the waitlist: still invited, a firm answer not yet given.
 * (Liaison's own waitlisted travels as TENTATIVE with X-LIAISON-STATUS,
 * which says so.) */
static const char *
status_from_partstat (const char *partstat)
{
  if (partstat == NULL || g_ascii_strcasecmp (partstat, "NEEDS-ACTION") == 0 ||
      g_ascii_strcasecmp (partstat, "TENTATIVE") == 0)
    return "invited";
  if (g_ascii_strcasecmp (partstat, "DECLINED") == 0 || g_ascii_strcasecmp (partstat, "DELEGATED") == 0)
    return "declined";
  return "registered";
}

/* Who an ATTENDEE line stands for: Liaison's own parameter (any
 * participant's identifier: a card's UID need not be a UUID), a urn:uuid:
 * address, the participant here who has the e-mail address, or a
 * name-based identifier from the address, the same in every install. */
static char *
attendee_key (const char         *address,
              const char         *participant_param,
              LiaisonIcalContext *context)
{
  if (participant_param != NULL && liaison_uuid_is_valid (participant_param))
    return g_ascii_strdown (participant_param, -1);
  if (participant_param != NULL && *participant_param != '\0' && strlen (participant_param) <= 255)
    return g_strdup (participant_param);
  if (address != NULL && g_ascii_strncasecmp (address, "urn:uuid:", 9) == 0 && liaison_uuid_is_valid (address + 9))
    return g_ascii_strdown (address + 9, -1);
  if (address != NULL)
    {
      const char      *email = g_ascii_strncasecmp (address, "mailto:", 7) == 0 ? address + 7 : address;
      g_autofree char *lower = g_utf8_strdown (email, -1);
      g_autofree char *name = g_strconcat ("liaison:attendee:", lower, NULL);
      char            *found = NULL;

      if (context != NULL && context->find_person != NULL)
        found = context->find_person (g_strstrip (lower), context->user_data);
      return found != NULL ? found : liaison_uuid_new_for_name (name);
    }
  return NULL;
}

char *
liaison_ical_attendee_key (const char *address,
                           const char *participant_param)
{
  return attendee_key (address, participant_param, NULL);
}

/* ------------------------------------------------------------------------ */
/* Dates                                                                     */

/* SUMMARY and DESCRIPTION speak English to other clients when there is an
 * English text: the secretariat's tools show them as they are. */
static const char *
display_text (GHashTable *f,
              const char *name)
{
  g_autofree char *en = g_strconcat (name, "_en", NULL);
  g_autofree char *zh = g_strconcat (name, "_zh", NULL);

  return get (f, en) != NULL ? get (f, en) : get (f, zh);
}

static GDate *
last_day (const char *text)
{
  LiaisonDatePrecision precision;
  int                  y, m, d;
  GDate               *date;

  if (!liaison_parse_local_time (text, &precision, &y, &m, &d, NULL, NULL))
    return NULL;
  if (precision == LIAISON_DATE_PRECISION_YEAR)
    m = 12, d = 31;
  else if (precision == LIAISON_DATE_PRECISION_MONTH)
    d = g_date_get_days_in_month (m, y);
  date = g_date_new_dmy (d, m, y);
  return date;
}

static char *
date_value (GDate *date)
{
  return g_strdup_printf ("%04d%02d%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

/* DTSTART and DTEND as Liaison writes them: a time in the event's zone, or
 * all-day dates with an exclusive end; a month or a year covers it all. */
static void
render_dates (GHashTable *f,
              char      **dtstart,
              char      **dtend)
{
  const char          *start = get (f, "start");
  const char          *end = get (f, "end");
  const char          *zone = get (f, "time_zone");
  LiaisonDatePrecision precision, end_precision;
  int                  y, m, d, h, mi;

  *dtstart = *dtend = NULL;
  if (!liaison_parse_local_time (start, &precision, &y, &m, &d, &h, &mi))
    return;

  if (precision == LIAISON_DATE_PRECISION_TIME)
    {
      const char      *params[] = { "TZID", zone, NULL };
      g_autofree char *value = g_strdup_printf ("%04d%02d%02dT%02d%02d00", y, m, d, h, mi);

      *dtstart = liaison_content_render ("DTSTART", params, value);
      if (end != NULL && liaison_parse_local_time (end, &end_precision, &y, &m, &d, &h, &mi))
        {
          g_autofree char *end_value = NULL;

          if (end_precision != LIAISON_DATE_PRECISION_TIME)
            {
              g_autoptr (GDate) last = last_day (end);

              g_date_add_days (last, 1);
              end_value = g_strdup_printf ("%04d%02d%02dT000000", g_date_get_year (last), g_date_get_month (last),
                                           g_date_get_day (last));
            }
          else
            end_value = g_strdup_printf ("%04d%02d%02dT%02d%02d00", y, m, d, h, mi);
          *dtend = liaison_content_render ("DTEND", params, end_value);
        }
      return;
    }

  {
    const char *params[] = { "VALUE", "DATE", NULL };
    g_autoptr (GDate) first = g_date_new_dmy (d, m, y);
    g_autoptr (GDate) last = last_day (end != NULL ? end : start);
    g_autofree char *first_value = date_value (first);
    g_autofree char *last_value = NULL;

    if (last == NULL || g_date_compare (last, first) < 0)
      last = g_date_copy (first);
    g_date_add_days (last, 1);
    last_value = date_value (last);
    *dtstart = liaison_content_render ("DTSTART", params, first_value);
    *dtend = liaison_content_render ("DTEND", params, last_value);
  }
}

static char *
zone_id (const char *tzid)
{
  if (tzid == NULL)
    return NULL;
  if (g_str_has_prefix (tzid, LIBICAL_TZID_PREFIX))
    tzid += strlen (LIBICAL_TZID_PREFIX);
  {
    g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (tzid);

    return tz != NULL ? g_strdup (tzid) : NULL;
  }
}

/* A local time in zone from an iCalendar time: converted when it is UTC. */
static char *
local_text (struct icaltimetype t,
            const char         *zone)
{
  if (t.is_date)
    return g_strdup_printf ("%04d-%02d-%02d", t.year, t.month, t.day);
  if (icaltime_is_utc (t) && zone != NULL && g_strcmp0 (zone, "UTC") != 0)
    {
      g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
      g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (zone);
      g_autoptr (GDateTime) at = g_date_time_new (utc, t.year, t.month, t.day, t.hour, t.minute, 0);
      g_autoptr (GDateTime) local = at && tz ? g_date_time_to_timezone (at, tz) : NULL;

      if (local != NULL)
        return g_date_time_format (local, "%Y-%m-%dT%H:%M");
    }
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
}

/* The zone of a floating time (no TZID, no Z: "the same wall-clock time
 * wherever one is"): the event's own zone when Liaison knows it, else its
 * country's, else the person's own zone (Preferences, else the system's),
 * else UTC. */
static char *
floating_zone (GHashTable         *f,
               LiaisonIcalContext *context)
{
  const LiaisonCountry *country = get (f, "country") ? liaison_country_lookup (get (f, "country")) : NULL;
  const char           *place = country != NULL ? liaison_country_get_default_zone (country) : NULL;

  if (get (f, "time_zone") != NULL)
    return g_strdup (get (f, "time_zone"));
  if (place != NULL)
    return g_strdup (place);
  if (context != NULL && context->local_zone != NULL)
    return g_strdup (context->local_zone);
  return g_strdup ("UTC");
}

/* Another client moved the event: its DTSTART/DTEND are the truth. */
static void
dates_from_ical (GHashTable         *f,
                 icalcomponent      *event,
                 LiaisonIcalContext *context)
{
  icalproperty       *start_prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  struct icaltimetype end = icalcomponent_get_dtend (event);
  g_autofree char    *zone = zone_id (icalproperty_get_parameter_as_string (start_prop, "TZID"));
  g_autofree char    *start_text = NULL;

  if (zone == NULL && !start.is_date && icaltime_is_utc (start))
    zone = g_strdup (get (f, "time_zone") ? get (f, "time_zone") : "UTC");
  else if (zone == NULL && !start.is_date)
    zone = floating_zone (f, context);
  start_text = local_text (start, zone);
  put (f, "start", start_text);
  g_hash_table_remove (f, "end");
  if (!icaltime_is_null_time (end))
    {
      if (start.is_date && end.is_date)
        {
          icaltime_adjust (&end, -1, 0, 0, 0);
          if (icaltime_compare_date_only (end, start) > 0)
            {
              g_autofree char *end_text = local_text (end, zone);
              put (f, "end", end_text);
            }
        }
      else if (!start.is_date)
        {
          g_autofree char *end_text = local_text (end, zone);

          if (g_strcmp0 (end_text, start_text) > 0)
            put (f, "end", end_text);
        }
    }
  if (!start.is_date)
    put (f, "time_zone", zone);
}

/* ------------------------------------------------------------------------ */
/* Rendering the groups                                                      */

static LiaisonContentGroup *
text_group (const char *name,
            const char *text,
            gboolean    escape)
{
  LiaisonContentGroup *g = liaison_content_group_new (name);

  if (text != NULL)
    {
      g_autofree char *escaped = escape ? liaison_content_escape_text (text) : g_strdup (text);
      liaison_content_group_add (g, liaison_content_render (name, NULL, escaped));
    }
  return g;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const LiaisonContentGroup *ga = *(LiaisonContentGroup *const *) a;
  const LiaisonContentGroup *gb = *(LiaisonContentGroup *const *) b;

  return strcmp (ga->key, gb->key);
}

static char *
attendee_line (const char *pid,
               const char *value,
               const char *registration,
               const char *waitlist_order,
               GHashTable *people)
{
  g_auto (GStrv) parts = g_strsplit (value, "|", 4);
  const char *const *person = people != NULL ? g_hash_table_lookup (people, pid) : NULL;
  const char        *name = person != NULL ? person[0] : NULL;
  const char        *email = person != NULL ? person[1] : NULL;
  g_autofree char   *address = email != NULL ? g_strconcat ("mailto:", email, NULL) : g_strconcat ("urn:uuid:", pid, NULL);
  const char        *role, *status;

  if (g_strv_length (parts) != 4)
    return NULL;
  role = parts[0];
  status = parts[1];
  {
    const char *params[] = {
      "CN", name, "CUTYPE", "INDIVIDUAL", "ROLE", role_to_ical (role), "PARTSTAT", partstat_of (status),
      "RSVP", "FALSE", "SCHEDULE-AGENT", "CLIENT", "X-LIAISON-PARTICIPANT", pid,
      "X-LIAISON-ROLE", role, "X-LIAISON-STATUS", status, "X-LIAISON-DELEGATION", parts[2],
      "X-LIAISON-SINCE", parts[3], "X-LIAISON-REGISTRATION", registration, "X-LIAISON-WAITLIST", waitlist_order, NULL
    };
    return liaison_content_render ("ATTENDEE", params, address);
  }
}

/* The dates an event leaves out, as one EXDATE line in its own zone (or
 * as dates, for an event of whole days). */
static char *
exdate_line (GHashTable *f,
             const char *dates)
{
  const char      *zone = get (f, "time_zone");
  const char      *start = get (f, "start");
  gboolean         timed = start != NULL && strchr (start, 'T') != NULL;
  gboolean         utc = timed && g_strcmp0 (zone, "UTC") == 0;
  const char      *params[] = { timed ? "TZID" : "VALUE", timed ? (utc ? NULL : zone) : "DATE", NULL };
  g_autofree char *value = NULL;

  if (utc)
    {
      g_auto (GStrv) list = g_strsplit (dates, ",", -1);
      g_autoptr (GString) s = g_string_new (NULL);

      for (guint i = 0; list[i] != NULL; i++)
        g_string_append_printf (s, "%s%sZ", i > 0 ? "," : "", list[i]);
      value = g_strdup (s->str);
    }
  else
    value = g_strdup (dates);
  return liaison_content_render ("EXDATE", params, value);
}

static GPtrArray *
render_groups (GHashTable *f,
               GHashTable *people)
{
  GPtrArray       *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_content_group_free);
  g_autofree char *dtstart = NULL;
  g_autofree char *dtend = NULL;
  g_autoptr (GPtrArray) attendees = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_content_group_free);
  GHashTableIter       iter;
  gpointer             key, value;
  LiaisonContentGroup *g;

  g_ptr_array_add (groups, text_group ("SUMMARY", display_text (f, "title"), TRUE));
  g_ptr_array_add (groups, text_group ("DESCRIPTION", display_text (f, "description"), TRUE));
  g_ptr_array_add (groups, text_group ("LOCATION", get (f, "venue"), TRUE));
  g_ptr_array_add (groups, text_group ("URL", get (f, "online_url"), FALSE));
  render_dates (f, &dtstart, &dtend);
  g = liaison_content_group_new ("DTSTART");
  if (dtstart != NULL)
    liaison_content_group_add (g, g_steal_pointer (&dtstart));
  g_ptr_array_add (groups, g);
  g = liaison_content_group_new ("DTEND");
  if (dtend != NULL)
    liaison_content_group_add (g, g_steal_pointer (&dtend));
  g_ptr_array_add (groups, g);
  g_ptr_array_add (groups, text_group ("STATUS", status_to_ical (get (f, "status")), FALSE));
  {
    const char      *recurrence = get (f, "recurrence");
    const char      *exdates = recurrence != NULL ? strstr (recurrence, EXDATE_PART) : NULL;
    g_autofree char *rule = exdates != NULL ? g_strndup (recurrence, exdates - recurrence) : g_strdup (recurrence);

    g_ptr_array_add (groups, text_group ("RRULE", rule, FALSE));
    g = liaison_content_group_new ("EXDATE");
    if (exdates != NULL)
      liaison_content_group_add (g, exdate_line (f, exdates + strlen (EXDATE_PART)));
    g_ptr_array_add (groups, g);
  }
  /* Standard properties another client's event lacks are added only when
   * they change here: no STATUS, DTEND or such made up for it. */
  for (guint i = 0; i < groups->len; i++)
    ((LiaisonContentGroup *) g_ptr_array_index (groups, i))->when_changed = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (x_text); i++)
    {
      const char *v = get (f, x_text[i][1]);

      /* Written even when default, so another client's STATUS or DTSTART
       * edit can be told from Liaison's own words. */
      if (v == NULL && g_str_equal (x_text[i][1], "status"))
        v = "planned";
      if (v == NULL && g_str_equal (x_text[i][1], "kind"))
        v = "other";
      g_ptr_array_add (groups, text_group (x_text[i][0], v, TRUE));
    }

  g_hash_table_iter_init (&iter, f);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char      *pid;
      g_autofree char *registration = NULL;
      g_autofree char *waitlist = NULL;
      char            *line;

      if (!g_str_has_prefix (key, LIAISON_SYNC_ATTENDEE_PREFIX))
        continue;
      pid = (const char *) key + strlen (LIAISON_SYNC_ATTENDEE_PREFIX);
      registration = g_strconcat (LIAISON_SYNC_REGISTRATION_PREFIX, pid, NULL);
      waitlist = g_strconcat (LIAISON_SYNC_WAITLIST_PREFIX, pid, NULL);
      line = attendee_line (pid, value, get (f, registration), get (f, waitlist), people);
      if (line == NULL)
        continue;
      g = liaison_content_group_new (key);
      liaison_content_group_add (g, line);
      g_ptr_array_add (attendees, g);
    }
  /* Attendees in a stable order, so the same list renders the same text. */
  g_ptr_array_sort (attendees, compare_groups);
  for (guint i = 0; i < attendees->len; i++)
    g_ptr_array_add (groups, g_ptr_array_steal_index (attendees, i--));
  return groups;
}

static char *
group_of_line (LiaisonContentLine *line,
               gpointer            user_data)
{
  if (g_str_equal (line->name, "ATTENDEE"))
    {
      g_autofree char *pid = attendee_key (line->value, liaison_content_line_param (line, "X-LIAISON-PARTICIPANT"), user_data);

      return pid != NULL ? g_strconcat (LIAISON_SYNC_ATTENDEE_PREFIX, pid, NULL) : NULL;
    }
  if (g_str_equal (line->name, "DURATION"))
    return g_strdup ("DTEND");
  if (g_str_equal (line->name, "DTSTAMP") || g_str_equal (line->name, "LAST-MODIFIED"))
    return g_strdup (line->name);
  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    if (g_str_equal (line->name, standard[i]))
      return g_strdup (line->name);
  for (guint i = 0; i < G_N_ELEMENTS (x_text); i++)
    if (g_str_equal (line->name, x_text[i][0]))
      return g_strdup (line->name);
  return NULL;
}

static char *
vtimezone_text (const char *zone)
{
  icaltimezone    *builtin;
  icalcomponent   *copy;
  icalproperty    *tzid;
  g_autofree char *text = NULL;

  if (zone == NULL || g_str_equal (zone, "UTC"))
    return NULL;
  builtin = icaltimezone_get_builtin_timezone (zone);
  if (builtin == NULL)
    return NULL;
  copy = icalcomponent_new_clone (icaltimezone_get_component (builtin));
  tzid = icalcomponent_get_first_property (copy, ICAL_TZID_PROPERTY);
  if (tzid != NULL)
    icalproperty_set_tzid (tzid, zone);
  text = icalcomponent_as_ical_string_r (copy);
  icalcomponent_free (copy);
  return g_steal_pointer (&text);
}

static gboolean
has_vtimezone (const char *text,
               const char *zone)
{
  g_autofree char *crlf = g_strconcat ("\nTZID:", zone, "\r\n", NULL);
  g_autofree char *lf = g_strconcat ("\nTZID:", zone, "\n", NULL);

  return strstr (text, crlf) != NULL || strstr (text, lf) != NULL;
}

static void
add_stamps (GPtrArray *groups)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");

  g_ptr_array_add (groups, text_group ("DTSTAMP", stamp, FALSE));
  g_ptr_array_add (groups, text_group ("LAST-MODIFIED", stamp, FALSE));
}

static gboolean
same_group (GPtrArray  *a,
            GPtrArray  *b,
            const char *key)
{
  LiaisonContentGroup *ga = NULL, *gb = NULL;

  for (guint i = 0; i < a->len; i++)
    if (g_str_equal (((LiaisonContentGroup *) g_ptr_array_index (a, i))->key, key))
      ga = g_ptr_array_index (a, i);
  for (guint i = 0; i < b->len; i++)
    if (g_str_equal (((LiaisonContentGroup *) g_ptr_array_index (b, i))->key, key))
      gb = g_ptr_array_index (b, i);
  if (ga == NULL || gb == NULL || ga->lines->len != gb->lines->len)
    return ga == gb;
  for (guint i = 0; i < ga->lines->len; i++)
    if (!g_str_equal (g_ptr_array_index (ga->lines, i), g_ptr_array_index (gb->lines, i)))
      return FALSE;
  return TRUE;
}

/* An attendee line is Liaison's to rewrite only when what it says changed
 * here (role, status, delegation, status time, place on the waitlist): a
 * registration id alone, or a name or address the card has otherwise,
 * leaves another client's line as it was. Such groups take the old
 * rendering, so the server's bytes stay. */
static void
keep_unchanged_attendees (GPtrArray  *old_groups,
                          GPtrArray  *groups,
                          GHashTable *base_fields,
                          GHashTable *fields)
{
  for (guint i = 0; i < groups->len; i++)
    {
      LiaisonContentGroup *g = g_ptr_array_index (groups, i);
      g_autofree char     *waitlist = NULL;

      if (!g_str_has_prefix (g->key, LIAISON_SYNC_ATTENDEE_PREFIX) ||
          g_strcmp0 (get (base_fields, g->key), get (fields, g->key)) != 0)
        continue;
      waitlist = g_strconcat (LIAISON_SYNC_WAITLIST_PREFIX, g->key + strlen (LIAISON_SYNC_ATTENDEE_PREFIX), NULL);
      if (g_strcmp0 (get (base_fields, waitlist), get (fields, waitlist)) != 0)
        continue;
      for (guint j = 0; j < old_groups->len; j++)
        {
          LiaisonContentGroup *old = g_ptr_array_index (old_groups, j);

          if (!g_str_equal (old->key, g->key))
            continue;
          g_ptr_array_set_size (g->lines, 0);
          for (guint k = 0; k < old->lines->len; k++)
            liaison_content_group_add (g, g_strdup (g_ptr_array_index (old->lines, k)));
          break;
        }
    }
}

/* The event's text: base patched when there is one (the server's copy of
 * the last sync), a new calendar otherwise. */
char *
liaison_ical_write (const char *uid,
                    GHashTable *fields,
                    GHashTable *people,
                    const char *base,
                    GError    **error)
{
  return liaison_ical_write_with (uid, fields, people, base, NULL, error);
}

/* context: how base is read (who its attendees are), as it was when the
 * fields were read from it. */
char *
liaison_ical_write_with (const char         *uid,
                         GHashTable         *fields,
                         GHashTable         *people,
                         const char         *base,
                         LiaisonIcalContext *context,
                         GError            **error)
{
  g_autoptr (GPtrArray) groups = render_groups (fields, people);
  const char      *zone = get (fields, "time_zone");
  const char      *start = get (fields, "start");
  g_autofree char *vtimezone = NULL;
  gboolean         timed = start != NULL && strchr (start, 'T') != NULL;

  add_stamps (groups);
  if (base != NULL)
    {
      g_autoptr (GHashTable) base_fields = NULL;
      g_autoptr (GHashTable) base_people = NULL;
      g_autoptr (GPtrArray) old_groups = NULL;
      char *text;

      base_fields = liaison_ical_read_with (base, context, NULL, &base_people, NULL);
      if (base_fields != NULL)
        {
          old_groups = render_groups (base_fields, base_people);
          keep_unchanged_attendees (old_groups, groups, base_fields, fields);
        }
      /* A VTIMEZONE only for a time Liaison writes anew (another client's
       * floating DTSTART, kept as it was, needs none). */
      if (timed && zone != NULL && !has_vtimezone (base, zone) &&
          (old_groups == NULL || !same_group (old_groups, groups, "DTSTART") ||
           !same_group (old_groups, groups, "DTEND") || !same_group (old_groups, groups, "EXDATE")))
        vtimezone = vtimezone_text (zone);
      text = liaison_content_splice (base, "VEVENT", uid, old_groups, groups, group_of_line, context, theirs_params,
                                     "VEVENT", vtimezone);
      if (text != NULL)
        return text;
    }

  {
    GString         *out = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
    g_autofree char *escaped_uid = liaison_content_escape_text (uid);
    g_autofree char *uid_line = liaison_content_render ("UID", NULL, escaped_uid);

    g_string_append (out, "PRODID:" PRODID "\r\nCALSCALE:GREGORIAN\r\n");
    /* The base's splice may have made one already. */
    g_clear_pointer (&vtimezone, g_free);
    if (timed && zone != NULL)
      vtimezone = vtimezone_text (zone);
    if (vtimezone != NULL)
      g_string_append (out, vtimezone);
    g_string_append (out, "BEGIN:VEVENT\r\n");
    g_string_append (out, uid_line);
    for (guint i = 0; i < groups->len; i++)
      {
        LiaisonContentGroup *g = g_ptr_array_index (groups, i);

        for (guint j = 0; j < g->lines->len; j++)
          g_string_append (out, g_ptr_array_index (g->lines, j));
      }
    g_string_append (out, "END:VEVENT\r\nEND:VCALENDAR\r\n");
    (void) error;
    return g_string_free (out, FALSE);
  }
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

static int
compare_text (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static gboolean
x_is_liaison (const char *name)
{
  return g_str_has_prefix (name, "X-LIAISON-");
}

/* { CN, e-mail or NULL, "own" or NULL, NULL } */
static void
free_person (gpointer data)
{
  char **person = data;

  for (guint i = 0; i < 3; i++)
    g_free (person[i]);
  g_free (person);
}

static char *
first_error (icalcomponent *c)
{
  for (icalproperty *p = icalcomponent_get_first_property (c, ICAL_XLICERROR_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (c, ICAL_XLICERROR_PROPERTY))
    return g_strdup (icalproperty_get_xlicerror (p));
  return NULL;
}

static gboolean
same_line (const char    *rendered,
           const char    *name,
           icalcomponent *event)
{
  /* Compared as parsed values: the server may fold or order parameters
   * differently from Liaison. */
  g_autoptr (GPtrArray) mine = rendered ? liaison_content_parse (rendered, NULL) : NULL;
  icalproperty_kind   kind = icalproperty_string_to_kind (name);
  icalproperty       *p = icalcomponent_get_first_property (event, kind);
  LiaisonContentLine *l;

  if (mine == NULL || mine->len == 0)
    return p == NULL;
  if (p == NULL)
    return FALSE;
  l = g_ptr_array_index (mine, 0);
  {
    g_autofree char *theirs = icalproperty_get_value_as_string_r (p);
    const char      *tzid = icalproperty_get_parameter_as_string (p, "TZID");
    g_autofree char *their_zone = zone_id (tzid);

    if (g_strcmp0 (theirs, l->value) != 0)
      return FALSE;
    return g_strcmp0 (their_zone, liaison_content_line_param (l, "TZID")) == 0;
  }
}

static gboolean
has_han (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;
  return FALSE;
}

/* Every field, and what the attendee lines gave (identifiers, names,
 * addresses), as they read back once written (as_read_back). */
static void
as_read_back_fields (GHashTable **f,
                     GHashTable  *people)
{
  GHashTableIter iter;
  gpointer       key, value;
  GHashTable    *clean = NULL;

  g_hash_table_iter_init (&iter, *f);
  while (g_hash_table_iter_next (&iter, &key, &value) && clean == NULL)
    if (has_dropped (key) || has_dropped (value))
      clean = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (clean != NULL)
    {
      g_hash_table_iter_init (&iter, *f);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (clean, as_read_back (key), as_read_back (value));
      g_hash_table_unref (*f);
      *f = clean;
    }
  if (people == NULL)
    return;
  g_hash_table_iter_init (&iter, people);
  while (g_hash_table_iter_next (&iter, &key, &value))
    for (guint i = 0; i < 3; i++)
      {
        char **person = value;

        if (has_dropped (person[i]))
          {
            char *kept = as_read_back (person[i]);

            g_free (person[i]);
            person[i] = kept;
          }
      }
  /* Keys of people: the same participant ids as the fields'. */
  {
    GList *keys = g_hash_table_get_keys (people);

    for (GList *k = keys; k != NULL; k = k->next)
      if (has_dropped (k->data))
        {
          gpointer old_key, person;

          g_hash_table_steal_extended (people, k->data, &old_key, &person);
          g_hash_table_insert (people, as_read_back (old_key), person);
          g_free (old_key);
        }
    g_list_free (keys);
  }
}

/* A standard text property that another client changed (or wrote without
 * Liaison's own properties) sets the text in its language. */
static void
take_standard_text (GHashTable *f,
                    const char *name,
                    const char *raw,
                    gboolean    had_own)
{
  const char      *mine = display_text (f, name);
  g_autofree char *text = as_read_back (raw);
  g_autofree char *key = NULL;

  if (g_strcmp0 (mine, text) == 0)
    return;
  if (text == NULL && had_own)
    {
      g_autofree char *en = g_strconcat (name, "_en", NULL);

      /* Removed by another client: the text it showed goes. */
      key = g_strconcat (name, get (f, en) != NULL ? "_en" : "_zh", NULL);
    }
  else
    key = g_strconcat (name, text != NULL && has_han (text) ? "_zh" : "_en", NULL);
  put (f, key, text);
}

/* One line of text: its bytes up to the line break (no CR), and where the
 * next one starts. The search is bounded by END (the text's NUL, measured
 * once), not by the NUL: AddressSanitizer's strict_string_checks measures
 * the whole rest of the string at each strchr, which over 100,000 events
 * made the twins test quadratic (over 120 s, killed). */
static gboolean
next_line (const char **p,
           const char  *end,
           const char **line,
           gsize       *len)
{
  const char *nl;

  if (*p >= end)
    return FALSE;
  *line = *p;
  nl = memchr (*p, '\n', end - *p);
  *p = nl != NULL ? nl + 1 : end;
  *len = (nl != NULL ? nl : *p) - *line;
  if (*len > 0 && (*line)[*len - 1] == '\r')
    (*len)--;
  return TRUE;
}

static gboolean
line_is (const char *line,
         gsize       len,
         const char *what)
{
  gsize n = strlen (what);

  return len == n && g_ascii_strncasecmp (line, what, n) == 0;
}

static gboolean
line_names (const char *line,
            gsize       len,
            const char *name)
{
  gsize n = strlen (name);

  return len > n && g_ascii_strncasecmp (line, name, n) == 0 && (line[n] == ':' || line[n] == ';');
}

/* Counts the events of a resource that have the UID of the first one
 * (twins: an error of another client, or of a hostile server) in one pass
 * over the text, without libical. When the resource has more than
 * MAX_EVENTS components, returns a text with the first event and the
 * time zones alone, which is all Liaison reads: libical's tree of 100,000
 * events would cost seconds and hundreds of megabytes. NULL otherwise. */
static char *
reduce_events (const char *text,
               guint      *twins)
{
  const char *p = text, *end = text + strlen (text), *line, *begin = NULL;
  gsize       len;
  int         depth = 0;
  guint       components = 0, zones = 0;
  gboolean    in_event = FALSE, in_uid = FALSE, is_override = FALSE;
  g_autoptr (GString) uid = g_string_new (NULL);
  g_autoptr (GString) first_uid = NULL;
  g_autoptr (GString) kept = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  gboolean first_kept = FALSE;

  *twins = 0;
  while (next_line (&p, end, &line, &len))
    {
      if (in_uid && len > 0 && (line[0] == ' ' || line[0] == '\t'))
        {
          g_string_append_len (uid, line + 1, len - 1);
          continue;
        }
      in_uid = FALSE;
      if (len > 6 && g_ascii_strncasecmp (line, "BEGIN:", 6) == 0)
        {
          if (depth == 1)
            {
              components++;
              begin = line;
              in_event = line_is (line, len, "BEGIN:VEVENT");
              is_override = FALSE;
              g_string_truncate (uid, 0);
            }
          depth++;
          continue;
        }
      if (len > 4 && g_ascii_strncasecmp (line, "END:", 4) == 0)
        {
          depth--;
          if (depth == 1 && begin != NULL)
            {
              gboolean master = in_event && !is_override;

              if (master && first_uid == NULL)
                first_uid = g_string_new (uid->str);
              if (master && g_string_equal (uid, first_uid))
                ++*twins;
              /* What a reduced text keeps: the first event, and the time
               * zones (up to a hundred). */
              if ((master && !first_kept) || (line_is (begin, 15, "BEGIN:VTIMEZONE") && zones++ < 100))
                {
                  g_string_append_len (kept, begin, p - begin);
                  if (kept->str[kept->len - 1] != '\n')
                    g_string_append (kept, "\r\n");
                  first_kept = first_kept || master;
                }
              begin = NULL;
              in_event = FALSE;
            }
          continue;
        }
      if (depth == 2 && in_event && line_names (line, len, "UID"))
        {
          const char *colon = memchr (line, ':', len);

          if (colon != NULL)
            g_string_append_len (uid, colon + 1, line + len - colon - 1);
          in_uid = TRUE;
        }
      else if (depth == 2 && in_event && line_names (line, len, "RECURRENCE-ID"))
        is_override = TRUE;
    }
  if (components <= MAX_EVENTS)
    return NULL;
  g_string_append (kept, "END:VCALENDAR\r\n");
  return g_string_free (g_steal_pointer (&kept), FALSE);
}

/* EXDATE's dates in the event's own wall-clock time, for the recurrence
 * field: NULL when there are none. */
static char *
read_exdates (GHashTable    *f,
              icalcomponent *event)
{
  g_autoptr (GPtrArray) dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GTimeZone) event_zone = get (f, "time_zone") ? g_time_zone_new_identifier (get (f, "time_zone")) : NULL;
  GString *joined;

  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_EXDATE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_EXDATE_PROPERTY))
    {
      struct icaltimetype t = icalproperty_get_exdate (p);
      g_autofree char    *zone = zone_id (icalproperty_get_parameter_as_string (p, "TZID"));

      if (icaltime_is_null_time (t))
        continue;
      if (t.is_date)
        {
          const char *start = get (f, "start");
          const char *time = start != NULL ? strchr (start, 'T') : NULL;
          int         hour = 0, minute = 0;

          /* A day left out of a timed series (VALUE=DATE): that day's
           * occurrence, at the series' time, as the writer can write it. */
          if (time != NULL && sscanf (time, "T%d:%d", &hour, &minute) == 2)
            g_ptr_array_add (dates, g_strdup_printf ("%04d%02d%02dT%02d%02d00", t.year, t.month, t.day, hour, minute));
          else
            g_ptr_array_add (dates, g_strdup_printf ("%04d%02d%02d", t.year, t.month, t.day));
          continue;
        }
      if ((icaltime_is_utc (t) || (zone != NULL && g_strcmp0 (zone, get (f, "time_zone")) != 0)) && event_zone != NULL)
        {
          g_autoptr (GTimeZone) from = icaltime_is_utc (t) ? g_time_zone_new_utc () : g_time_zone_new_identifier (zone);
          g_autoptr (GDateTime) at = from ? g_date_time_new (from, t.year, t.month, t.day, t.hour, t.minute, t.second) : NULL;
          g_autoptr (GDateTime) local = at ? g_date_time_to_timezone (at, event_zone) : NULL;

          /* Four digits whatever the year (%Y writes the year 25 as "25"). */
          if (local != NULL)
            {
              g_ptr_array_add (dates, g_strdup_printf ("%04d%02d%02dT%02d%02d%02d", g_date_time_get_year (local),
                                                       g_date_time_get_month (local), g_date_time_get_day_of_month (local),
                                                       g_date_time_get_hour (local), g_date_time_get_minute (local),
                                                       g_date_time_get_second (local)));
              continue;
            }
        }
      g_ptr_array_add (dates, g_strdup_printf ("%04d%02d%02dT%02d%02d%02d", t.year, t.month, t.day, t.hour,
                                               t.minute, t.second));
    }
  if (dates->len == 0)
    return NULL;
  g_ptr_array_sort (dates, compare_text);
  joined = g_string_new (NULL);
  for (guint i = 0; i < dates->len; i++)
    if (i == 0 || !g_str_equal (g_ptr_array_index (dates, i), g_ptr_array_index (dates, i - 1)))
      g_string_append_printf (joined, "%s%s", joined->len > 0 ? "," : "", (char *) g_ptr_array_index (dates, i));
  return g_string_free (joined, FALSE);
}

GHashTable *
liaison_ical_read (const char  *text,
                   char       **uid_out,
                   GHashTable **people_out,
                   GError     **error)
{
  return liaison_ical_read_with (text, NULL, uid_out, people_out, error);
}

GHashTable *
liaison_ical_read_with (const char         *text,
                        LiaisonIcalContext *context,
                        char              **uid_out,
                        GHashTable        **people_out,
                        GError            **error)
{
  g_autoptr (GHashTable) f = liaison_sync_fields_new ();
  g_autofree char *reduced = NULL;
  guint            twins = 0;
  g_autoptr (GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_person);
  icalcomponent   *root, *event = NULL;
  g_autofree char *problem = NULL;
  g_autoptr (GError) check_error = NULL;
  g_autofree char *dtstart = NULL;
  g_autofree char *dtend = NULL;
  gboolean         own_title = FALSE, own_description = FALSE;
  const char      *uid;

  if (uid_out != NULL)
    *uid_out = NULL;
  if (people_out != NULL)
    *people_out = NULL;

  /* libical reads control characters that iCalendar does not allow. */
  if (!liaison_content_check_text (text, &check_error))
    {
      /* Translators: %s says what is wrong with the text */
      g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED, _ ("it is not valid iCalendar (%s)"), check_error->message);
      return NULL;
    }
  reduced = reduce_events (text, &twins);
  if (context != NULL)
    context->twins = twins;
  icalerror_set_errors_are_fatal (0);
  root = icalparser_parse_string (reduced != NULL ? reduced : text);
  if (root == NULL || icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT)
    {
      if (root != NULL)
        icalcomponent_free (root);
      g_set_error_literal (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED,
                           _ ("it is not an iCalendar object (BEGIN:VCALENDAR … END:VCALENDAR)"));
      return NULL;
    }

  for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT))
    if (icalcomponent_get_first_property (c, ICAL_RECURRENCEID_PROPERTY) == NULL)
      {
        event = c;
        break;
      }
  if (event == NULL)
    {
      problem = g_strdup (_ ("it holds no event (VEVENT)"));
      goto malformed;
    }
  uid = icalcomponent_get_uid (event);
  if (uid == NULL || *uid == '\0')
    {
      problem = g_strdup (_ ("its event has no UID"));
      goto malformed;
    }
  if ((problem = first_error (event)) != NULL)
    {
      g_autofree char *detail = g_steal_pointer (&problem);
      problem = g_strdup_printf (_ ("its event has an unreadable property (%s)"), detail);
      goto malformed;
    }
  if (icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY) == NULL || icaltime_is_null_time (icalcomponent_get_dtstart (event)))
    {
      problem = g_strdup (_ ("its event has no start (DTSTART)"));
      goto malformed;
    }

  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_X_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_X_PROPERTY))
    {
      const char *name = icalproperty_get_x_name (p);

      if (name == NULL || !x_is_liaison (name))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (x_text); i++)
        if (g_ascii_strcasecmp (name, x_text[i][0]) == 0)
          {
            put (f, x_text[i][1], icalproperty_get_x (p));
            if (g_str_has_prefix (x_text[i][1], "title_"))
              own_title = TRUE;
            if (g_str_has_prefix (x_text[i][1], "description_"))
              own_description = TRUE;
          }
    }

  take_standard_text (f, "title", icalcomponent_get_summary (event), own_title);
  if (icalcomponent_get_first_property (event, ICAL_DESCRIPTION_PROPERTY) != NULL || own_description)
    take_standard_text (f, "description", icalcomponent_get_description (event), own_description);
  put (f, "venue", icalcomponent_get_location (event));
  {
    icalproperty *p = icalcomponent_get_first_property (event, ICAL_URL_PROPERTY);
    put (f, "online_url", p ? icalproperty_get_url (p) : NULL);
    g_hash_table_remove (f, "recurrence");
    p = icalcomponent_get_first_property (event, ICAL_STATUS_PROPERTY);
    if (p != NULL)
      {
        const char *theirs = icalproperty_get_value_as_string (p);

        if (g_ascii_strcasecmp (theirs, status_to_ical (get (f, "status"))) != 0)
          put (f, "status", status_from_ical (theirs));
      }
  }

  render_dates (f, &dtstart, &dtend);
  if (get (f, "start") == NULL || !same_line (dtstart, "DTSTART", event) || !same_line (dtend, "DTEND", event))
    dates_from_ical (f, event, context);

  /* The recurrence with the dates it leaves out, in the event's zone. */
  {
    icalproperty *p = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);

    if (p != NULL)
      {
        g_autofree char *rule = icalproperty_get_value_as_string_r (p);
        g_autofree char *exdates = read_exdates (f, event);
        g_autofree char *value = exdates != NULL ? g_strconcat (rule, EXDATE_PART, exdates, NULL) : g_strdup (rule);

        put (f, "recurrence", value);
      }
  }

  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY))
    {
      const char      *address = icalproperty_get_attendee (p);
      g_autofree char *pid = attendee_key (address, icalproperty_get_parameter_as_string (p, "X-LIAISON-PARTICIPANT"), context);
      const char      *xrole = icalproperty_get_parameter_as_string (p, "X-LIAISON-ROLE");
      const char      *xstatus = icalproperty_get_parameter_as_string (p, "X-LIAISON-STATUS");
      const char      *role = icalproperty_get_parameter_as_string (p, "ROLE");
      const char      *partstat = icalproperty_get_parameter_as_string (p, "PARTSTAT");
      const char      *delegation = icalproperty_get_parameter_as_string (p, "X-LIAISON-DELEGATION");
      const char      *since = icalproperty_get_parameter_as_string (p, "X-LIAISON-SINCE");
      const char      *registration = icalproperty_get_parameter_as_string (p, "X-LIAISON-REGISTRATION");
      const char      *waitlist = icalproperty_get_parameter_as_string (p, "X-LIAISON-WAITLIST");
      double           order;
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;
      char           **person;

      if (pid == NULL)
        continue;
      key = g_strconcat (LIAISON_SYNC_ATTENDEE_PREFIX, pid, NULL);
      if (g_hash_table_contains (f, key))
        continue;
      if (xrole == NULL || g_ascii_strcasecmp (role_to_ical (xrole), role ? role : "REQ-PARTICIPANT") != 0)
        xrole = role_from_ical (role);
      if (xstatus == NULL || g_ascii_strcasecmp (partstat_of (xstatus), partstat ? partstat : "NEEDS-ACTION") != 0)
        xstatus = status_from_partstat (partstat);
      value = g_strdup_printf ("%s|%s|%s|%s", xrole, xstatus, delegation ? delegation : "", since ? since : "");
      g_hash_table_insert (f, g_steal_pointer (&key), g_steal_pointer (&value));
      /* A place on the waitlist, for one still on it: a number (written as
       * Liaison writes it, so "1.50" is no change from "1.5"), else none. */
      if (g_strcmp0 (xstatus, "waitlisted") == 0 && liaison_sync_parse_waitlist_order (waitlist, &order))
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];

          g_hash_table_insert (f, g_strconcat (LIAISON_SYNC_WAITLIST_PREFIX, pid, NULL),
                               g_strdup (g_ascii_dtostr (buf, sizeof buf, order)));
        }
      /* Another client's attendee has no registration id: one made from
       * the event and the person, the same in every office, so all print
       * the same check-in code without writing into the line. */
      if (registration != NULL && *registration != '\0')
        g_hash_table_insert (f, g_strconcat (LIAISON_SYNC_REGISTRATION_PREFIX, pid, NULL), g_strdup (registration));
      else
        {
          g_autofree char *name = g_strconcat ("liaison:registration:", uid, ":", pid, NULL);

          g_hash_table_insert (f, g_strconcat (LIAISON_SYNC_REGISTRATION_PREFIX, pid, NULL),
                               liaison_uuid_new_for_name (name));
        }

      person = g_new0 (char *, 4);
      person[0] = g_strdup (icalproperty_get_parameter_as_string (p, "CN"));
      if (address != NULL && g_ascii_strncasecmp (address, "mailto:", 7) == 0)
        person[1] = g_strdup (address + 7);
      if (registration != NULL && *registration != '\0')
        person[2] = g_strdup ("own");
      g_hash_table_insert (people, g_strdup (pid), person);
    }

  as_read_back_fields (&f, people);
  liaison_sync_fields_normalize ("event", f);
  if (uid_out != NULL)
    *uid_out = as_read_back (uid);
  if (people_out != NULL)
    *people_out = g_steal_pointer (&people);
  icalcomponent_free (root);
  return g_steal_pointer (&f);

malformed:
  g_set_error_literal (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED, problem);
  icalcomponent_free (root);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Recurrence                                                                */

static gboolean
parse_rule (const char                *recurrence,
            struct icalrecurrencetype *rule,
            char                    ***exdates)
{
  const char      *part = recurrence != NULL ? strstr (recurrence, EXDATE_PART) : NULL;
  g_autofree char *text = part != NULL ? g_strndup (recurrence, part - recurrence) : g_strdup (recurrence);

  if (text == NULL)
    return FALSE;
  icalerror_set_errors_are_fatal (0);
  *rule = icalrecurrencetype_from_string (text);
  icalerror_clear_errno ();
  if (rule->freq == ICAL_NO_RECURRENCE)
    return FALSE;
  if (exdates != NULL)
    *exdates = part != NULL ? g_strsplit (part + strlen (EXDATE_PART), ",", -1) : g_new0 (char *, 1);
  return TRUE;
}

/* What the event page says of a recurrence: how often, every how many,
 * and how many dates it leaves out. FALSE when it is no recurrence Liaison
 * can read. */
gboolean
liaison_ical_recurrence_info (const char     *recurrence,
                              LiaisonRepeats *repeats,
                              guint          *interval,
                              guint          *left_out)
{
  struct icalrecurrencetype rule;
  g_auto (GStrv) exdates = NULL;

  if (!parse_rule (recurrence, &rule, &exdates))
    return FALSE;
  switch (rule.freq)
    {
    case ICAL_DAILY_RECURRENCE:
      *repeats = LIAISON_REPEATS_DAILY;
      break;
    case ICAL_WEEKLY_RECURRENCE:
      *repeats = LIAISON_REPEATS_WEEKLY;
      break;
    case ICAL_MONTHLY_RECURRENCE:
      *repeats = LIAISON_REPEATS_MONTHLY;
      break;
    case ICAL_YEARLY_RECURRENCE:
      *repeats = LIAISON_REPEATS_YEARLY;
      break;
    default:
      *repeats = LIAISON_REPEATS_OTHER;
    }
  *interval = rule.interval > 1 ? (guint) rule.interval : 1;
  *left_out = g_strv_length (exdates);
  return TRUE;
}

/* Occurrences looked at, at most, for one event and one range: a daily
 * event over thirty years. */
#define MAX_OCCURRENCES 11000

/* The days on which the occurrences of an event start, between first and
 * last (both included), in the event's own dates, without those it leaves
 * out; the start's day alone when it does not repeat. A GArray of GDate. */
GArray *
liaison_ical_occurrence_days (const char  *recurrence,
                              const char  *start,
                              const GDate *first,
                              const GDate *last)
{
  GArray                   *days = g_array_new (FALSE, FALSE, sizeof (GDate));
  struct icalrecurrencetype rule;
  struct icaltimetype       dtstart = icaltime_null_time ();
  icalrecur_iterator       *it;
  g_auto (GStrv) exdates = NULL;
  LiaisonDatePrecision precision;
  int                  y, m, d, h = 0, mi = 0;

  if (!liaison_parse_local_time (start, &precision, &y, &m, &d, &h, &mi) || precision == LIAISON_DATE_PRECISION_MONTH ||
      precision == LIAISON_DATE_PRECISION_YEAR)
    return days;
  if (!parse_rule (recurrence, &rule, &exdates))
    {
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_dmy (&day, d, m, y);
      if (g_date_compare (&day, first) >= 0 && g_date_compare (&day, last) <= 0)
        g_array_append_val (days, day);
      return days;
    }
  dtstart.year = y;
  dtstart.month = m;
  dtstart.day = d;
  dtstart.is_date = precision != LIAISON_DATE_PRECISION_TIME;
  if (!dtstart.is_date)
    {
      dtstart.hour = h;
      dtstart.minute = mi;
    }
  it = icalrecur_iterator_new (rule, dtstart);
  if (it == NULL)
    return days;
  for (guint n = 0; n < MAX_OCCURRENCES; n++)
    {
      struct icaltimetype next = icalrecur_iterator_next (it);
      g_autofree char    *key = NULL;
      GDate               day;

      if (icaltime_is_null_time (next))
        break;
      g_date_clear (&day, 1);
      g_date_set_dmy (&day, next.day, next.month, next.year);
      if (g_date_compare (&day, last) > 0)
        break;
      if (g_date_compare (&day, first) < 0)
        continue;
      key = dtstart.is_date ? g_strdup_printf ("%04d%02d%02d", next.year, next.month, next.day)
                            : g_strdup_printf ("%04d%02d%02dT%02d%02d%02d", next.year, next.month, next.day, next.hour,
                                               next.minute, next.second);
      if (g_strv_contains ((const char *const *) exdates, key))
        continue;
      /* A date (without a time) left out of a timed event: that day. */
      key[8] = '\0';
      if (!dtstart.is_date && g_strv_contains ((const char *const *) exdates, key))
        continue;
      g_array_append_val (days, day);
    }
  icalrecur_iterator_free (it);
  return days;
}
