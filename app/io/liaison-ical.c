/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
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
};

static const char *
get (GHashTable *f,
     const char *name)
{
  return g_hash_table_lookup (f, name);
}

static void
put (GHashTable *f,
     const char *name,
     const char *value)
{
  if (value == NULL || *value == '\0')
    g_hash_table_remove (f, name);
  else
    g_hash_table_insert (f, g_strdup (name), g_strdup (value));
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

/* iCalendar has no word for waitlisted, attended or no-show: those travel
 * in X-LIAISON-STATUS, PARTSTAT says the nearest thing for other clients. */
static const char *
partstat_of (const char *status)
{
  if (g_strcmp0 (status, "invited") == 0)
    return "NEEDS-ACTION";
  if (g_strcmp0 (status, "waitlisted") == 0)
    return "TENTATIVE";
  if (g_strcmp0 (status, "declined") == 0 || g_strcmp0 (status, "cancelled") == 0)
    return "DECLINED";
  return "ACCEPTED";
}

static const char *
status_from_partstat (const char *partstat)
{
  if (partstat == NULL || g_ascii_strcasecmp (partstat, "NEEDS-ACTION") == 0)
    return "invited";
  if (g_ascii_strcasecmp (partstat, "TENTATIVE") == 0)
    return "waitlisted";
  if (g_ascii_strcasecmp (partstat, "DECLINED") == 0 || g_ascii_strcasecmp (partstat, "DELEGATED") == 0)
    return "declined";
  return "registered";
}

/* Who an ATTENDEE line stands for: Liaison's own parameter, a urn:uuid:
 * address, or a name-based identifier from the e-mail address, the same in
 * every install. */
char *
liaison_ical_attendee_key (const char *address,
                           const char *participant_param)
{
  if (participant_param != NULL && liaison_uuid_is_valid (participant_param))
    return g_ascii_strdown (participant_param, -1);
  if (address != NULL && g_ascii_strncasecmp (address, "urn:uuid:", 9) == 0 && liaison_uuid_is_valid (address + 9))
    return g_ascii_strdown (address + 9, -1);
  if (address != NULL)
    {
      const char      *email = g_ascii_strncasecmp (address, "mailto:", 7) == 0 ? address + 7 : address;
      g_autofree char *lower = g_utf8_strdown (email, -1);
      g_autofree char *name = g_strconcat ("liaison:attendee:", lower, NULL);

      return liaison_uuid_new_for_name (name);
    }
  return NULL;
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

/* Another client moved the event: its DTSTART/DTEND are the truth. */
static void
dates_from_ical (GHashTable    *f,
                 icalcomponent *event)
{
  icalproperty       *start_prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  struct icaltimetype start = icalcomponent_get_dtstart (event);
  struct icaltimetype end = icalcomponent_get_dtend (event);
  g_autofree char    *zone = zone_id (icalproperty_get_parameter_as_string (start_prop, "TZID"));
  g_autofree char    *start_text = NULL;

  if (zone == NULL && !start.is_date)
    zone = g_strdup (get (f, "time_zone") ? get (f, "time_zone") : "UTC");
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
      "X-LIAISON-SINCE", parts[3], "X-LIAISON-REGISTRATION", registration, NULL
    };
    return liaison_content_render ("ATTENDEE", params, address);
  }
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
  g_ptr_array_add (groups, text_group ("RRULE", get (f, "recurrence"), FALSE));

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
      char            *line;

      if (!g_str_has_prefix (key, LIAISON_SYNC_ATTENDEE_PREFIX))
        continue;
      pid = (const char *) key + strlen (LIAISON_SYNC_ATTENDEE_PREFIX);
      registration = g_strconcat (LIAISON_SYNC_REGISTRATION_PREFIX, pid, NULL);
      line = attendee_line (pid, value, get (f, registration), people);
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
      g_autofree char *pid = liaison_ical_attendee_key (line->value, liaison_content_line_param (line, "X-LIAISON-PARTICIPANT"));

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

/* The event's text: base patched when there is one (the server's copy of
 * the last sync), a new calendar otherwise. */
char *
liaison_ical_write (const char *uid,
                    GHashTable *fields,
                    GHashTable *people,
                    const char *base,
                    GError    **error)
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

      base_fields = liaison_ical_read (base, NULL, &base_people, NULL);
      if (base_fields != NULL)
        old_groups = render_groups (base_fields, base_people);
      if (timed && zone != NULL && !has_vtimezone (base, zone))
        vtimezone = vtimezone_text (zone);
      text = liaison_content_splice (base, "VEVENT", uid, old_groups, groups, group_of_line, NULL,
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

static gboolean
x_is_liaison (const char *name)
{
  return g_str_has_prefix (name, "X-LIAISON-");
}

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

/* A standard text property that another client changed (or wrote without
 * Liaison's own properties) sets the text in its language. */
static void
take_standard_text (GHashTable *f,
                    const char *name,
                    const char *text,
                    gboolean    had_own)
{
  const char      *mine = display_text (f, name);
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

GHashTable *
liaison_ical_read (const char  *text,
                   char       **uid_out,
                   GHashTable **people_out,
                   GError     **error)
{
  g_autoptr (GHashTable) f = liaison_sync_fields_new ();
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
  icalerror_set_errors_are_fatal (0);
  root = icalparser_parse_string (text);
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
    p = icalcomponent_get_first_property (event, ICAL_RRULE_PROPERTY);
    if (p != NULL)
      {
        g_autofree char *rule = icalproperty_get_value_as_string_r (p);
        put (f, "recurrence", rule);
      }
    else
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
    dates_from_ical (f, event);

  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY))
    {
      const char      *address = icalproperty_get_attendee (p);
      g_autofree char *pid = liaison_ical_attendee_key (address, icalproperty_get_parameter_as_string (p, "X-LIAISON-PARTICIPANT"));
      const char      *xrole = icalproperty_get_parameter_as_string (p, "X-LIAISON-ROLE");
      const char      *xstatus = icalproperty_get_parameter_as_string (p, "X-LIAISON-STATUS");
      const char      *role = icalproperty_get_parameter_as_string (p, "ROLE");
      const char      *partstat = icalproperty_get_parameter_as_string (p, "PARTSTAT");
      const char      *delegation = icalproperty_get_parameter_as_string (p, "X-LIAISON-DELEGATION");
      const char      *since = icalproperty_get_parameter_as_string (p, "X-LIAISON-SINCE");
      const char      *registration = icalproperty_get_parameter_as_string (p, "X-LIAISON-REGISTRATION");
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
      if (registration != NULL && *registration != '\0')
        g_hash_table_insert (f, g_strconcat (LIAISON_SYNC_REGISTRATION_PREFIX, pid, NULL), g_strdup (registration));

      person = g_new0 (char *, 3);
      person[0] = g_strdup (icalproperty_get_parameter_as_string (p, "CN"));
      if (address != NULL && g_ascii_strncasecmp (address, "mailto:", 7) == 0)
        person[1] = g_strdup (address + 7);
      g_hash_table_insert (people, g_strdup (pid), person);
    }

  liaison_sync_fields_normalize ("event", f);
  if (uid_out != NULL)
    *uid_out = g_strdup (uid);
  if (people_out != NULL)
    *people_out = g_steal_pointer (&people);
  icalcomponent_free (root);
  return g_steal_pointer (&f);

malformed:
  g_set_error_literal (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED, problem);
  icalcomponent_free (root);
  return NULL;
}
