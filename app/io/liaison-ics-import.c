/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "liaison-content-line.h"
#include "liaison-ical.h"
#include "liaison-ics-import.h"
#include "liaison-import-fields.h"
#include "liaison-store-match.h"
#include "liaison-store-sync.h"
#include "liaison-table.h"

/* A .ics file is cut into its events (a master VEVENT and the occurrences
 * it changed share a UID), each with the VTIMEZONEs it uses, zones renamed
 * to IANA ids; each is then read by liaison_ical_read, the sync's reader,
 * as if a server had sent it. */

void
liaison_ics_event_free (LiaisonIcsEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->uid);
  g_free (event->title);
  g_clear_pointer (&event->fields, g_hash_table_unref);
  g_clear_pointer (&event->people, g_hash_table_unref);
  g_free (event->text);
  g_free (event->kept);
  g_free (event->note);
  g_free (event->problem);
  g_free (event);
}

void
liaison_reply_outcome_free (LiaisonReplyOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->event_id);
  g_free (outcome->registration_id);
  g_free (outcome->message);
  g_free (outcome);
}

/* ------------------------------------------------------------------------ */
/* Zones                                                                     */

/* Windows' zone names (what Outlook and Exchange write as TZID), from
 * CLDR's windowsZones.xml for the region and the places delegations fly
 * from. */
static const char *const windows_zones[][2] = {
  { "China Standard Time", "Asia/Shanghai" },
  { "Singapore Standard Time", "Asia/Singapore" },
  { "Malay Peninsula Standard Time", "Asia/Kuala_Lumpur" },
  { "SE Asia Standard Time", "Asia/Bangkok" },
  { "Myanmar Standard Time", "Asia/Yangon" },
  { "Taipei Standard Time", "Asia/Taipei" },
  { "Tokyo Standard Time", "Asia/Tokyo" },
  { "Korea Standard Time", "Asia/Seoul" },
  { "North Asia East Standard Time", "Asia/Irkutsk" },
  { "North Asia Standard Time", "Asia/Krasnoyarsk" },
  { "W. Australia Standard Time", "Australia/Perth" },
  { "AUS Eastern Standard Time", "Australia/Sydney" },
  { "New Zealand Standard Time", "Pacific/Auckland" },
  { "India Standard Time", "Asia/Kolkata" },
  { "Sri Lanka Standard Time", "Asia/Colombo" },
  { "Nepal Standard Time", "Asia/Kathmandu" },
  { "Bangladesh Standard Time", "Asia/Dhaka" },
  { "Pakistan Standard Time", "Asia/Karachi" },
  { "Arabian Standard Time", "Asia/Dubai" },
  { "Russian Standard Time", "Europe/Moscow" },
  { "GMT Standard Time", "Europe/London" },
  { "Greenwich Standard Time", "Atlantic/Reykjavik" },
  { "W. Europe Standard Time", "Europe/Berlin" },
  { "Romance Standard Time", "Europe/Paris" },
  { "Central Europe Standard Time", "Europe/Budapest" },
  { "Central European Standard Time", "Europe/Warsaw" },
  { "E. Africa Standard Time", "Africa/Nairobi" },
  { "South Africa Standard Time", "Africa/Johannesburg" },
  { "Eastern Standard Time", "America/New_York" },
  { "Central Standard Time", "America/Chicago" },
  { "Mountain Standard Time", "America/Denver" },
  { "Pacific Standard Time", "America/Los_Angeles" },
  { "Hawaiian Standard Time", "Pacific/Honolulu" },
  { "UTC", "UTC" },
  { "Coordinated Universal Time", "UTC" },
};

/* Cities that are not the last part of their zone's id, and the names
 * Outlook shows for a zone: "(UTC+08:00) Beijing, Chongqing, Hong Kong,
 * Urumqi". */
static const char *const cities[][2] = {
  { "Beijing", "Asia/Shanghai" },
  { "Chongqing", "Asia/Shanghai" },
  { "Nanning", "Asia/Shanghai" },
  { "Kunming", "Asia/Shanghai" },
  { "Guangzhou", "Asia/Shanghai" },
  { "Hanoi", "Asia/Ho_Chi_Minh" },
  { "Ha Noi", "Asia/Ho_Chi_Minh" },
  { "Saigon", "Asia/Ho_Chi_Minh" },
  { "Ho Chi Minh City", "Asia/Ho_Chi_Minh" },
  { "Rangoon", "Asia/Yangon" },
  { "Naypyidaw", "Asia/Yangon" },
  { "Nay Pyi Taw", "Asia/Yangon" },
  { "Bandar Seri Begawan", "Asia/Brunei" },
  { "Brunei", "Asia/Brunei" },
  { "Kuala Lumpur", "Asia/Kuala_Lumpur" },
  { "Putrajaya", "Asia/Kuala_Lumpur" },
  { "Phnom Penh", "Asia/Phnom_Penh" },
  { "Siem Reap", "Asia/Phnom_Penh" },
  { "Bali", "Asia/Makassar" },
  { "Denpasar", "Asia/Makassar" },
  { "Bangkok", "Asia/Bangkok" },
  { "Jakarta", "Asia/Jakarta" },
  { "Manila", "Asia/Manila" },
  { "Vientiane", "Asia/Vientiane" },
  { "Singapore", "Asia/Singapore" },
  { "Hong Kong", "Asia/Hong_Kong" },
};

static gboolean
is_iana (const char *id)
{
  g_autoptr (GTimeZone) tz = NULL;

  if (id == NULL || *id == '\0')
    return FALSE;
  tz = g_time_zone_new_identifier (id);
  return tz != NULL;
}

/* An IANA id for a zone name as another program wrote it, or NULL. */
char *
liaison_ics_zone_for_name (const char *name)
{
  static const char *const regions[] = { "Asia", "Australia", "Europe", "America", "Africa", "Pacific" };
  g_autofree char         *trimmed = NULL;
  const char              *tail;

  if (name == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (name));
  /* libical's own prefix, and Lotus Notes' and Thunderbird's older ones. */
  tail = strrchr (trimmed, '/');
  if (g_str_has_prefix (trimmed, "/") && tail != NULL)
    {
      /* "/freeassociation.sourceforge.net/Tzfile/Asia/Shanghai" */
      const char *p = trimmed;
      while ((p = strchr (p + 1, '/')) != NULL)
        if (is_iana (p + 1))
          return g_strdup (p + 1);
    }
  if (is_iana (trimmed) && strchr (trimmed, '/') != NULL)
    return g_strdup (trimmed);
  for (guint i = 0; i < G_N_ELEMENTS (windows_zones); i++)
    if (g_ascii_strcasecmp (trimmed, windows_zones[i][0]) == 0)
      return g_strdup (windows_zones[i][1]);
  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    if (g_ascii_strcasecmp (trimmed, cities[i][0]) == 0)
      return g_strdup (cities[i][1]);
  /* A bare city that is the end of a zone's id ("Yangon", "Makassar"). */
  {
    g_autoptr (GString) city = g_string_new (trimmed);

    g_string_replace (city, " ", "_", 0);
    for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
      {
        g_autofree char *id = g_strconcat (regions[i], "/", city->str, NULL);

        if (city->len > 2 && is_iana (id))
          return g_steal_pointer (&id);
      }
  }
  /* Outlook's display names: the first city it lists that we know. */
  if (trimmed[0] == '(')
    for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
      if (strstr (trimmed, cities[i][0]) != NULL)
        return g_strdup (cities[i][1]);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Cutting a calendar into events                                            */

static icalcomponent *
parse (const char *text,
       GError    **error)
{
  icalcomponent *root;

  icalerror_set_errors_are_fatal (0);
  root = text != NULL ? icalparser_parse_string (text) : NULL;
  if (root == NULL || (icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT && icalcomponent_isa (root) != ICAL_XROOT_COMPONENT))
    {
      if (root != NULL)
        icalcomponent_free (root);
      g_set_error_literal (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_MALFORMED,
                           _ ("The file is not an iCalendar file (BEGIN:VCALENDAR … END:VCALENDAR)"));
      return NULL;
    }
  return root;
}

/* The calendars of a file: one, or several written one after another. */
static GPtrArray *
calendars_of (icalcomponent *root)
{
  GPtrArray *list = g_ptr_array_new ();

  if (icalcomponent_isa (root) == ICAL_VCALENDAR_COMPONENT)
    g_ptr_array_add (list, root);
  else
    for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT); c != NULL;
         c = icalcomponent_get_next_component (root, ICAL_VCALENDAR_COMPONENT))
      g_ptr_array_add (list, c);
  return list;
}

char *
liaison_ics_method (const char *text)
{
  icalcomponent *root = parse (text, NULL);
  g_autoptr (GPtrArray) calendars = NULL;
  char *method = NULL;

  if (root == NULL)
    return NULL;
  calendars = calendars_of (root);
  for (guint i = 0; i < calendars->len && method == NULL; i++)
    {
      icalproperty *p = icalcomponent_get_first_property (g_ptr_array_index (calendars, i), ICAL_METHOD_PROPERTY);

      if (p != NULL)
        method = g_strdup (icalproperty_get_value_as_string (p));
    }
  icalcomponent_free (root);
  return method;
}

static icalcomponent *
find_vtimezone (icalcomponent *calendar,
                const char    *tzid)
{
  for (icalcomponent *z = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT); z != NULL;
       z = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    {
      icalproperty *p = icalcomponent_get_first_property (z, ICAL_TZID_PROPERTY);

      if (p != NULL && g_strcmp0 (icalproperty_get_tzid (p), tzid) == 0)
        return z;
    }
  return NULL;
}

static char *
format_offset (int seconds)
{
  int minutes = ABS (seconds) / 60;

  if (minutes % 60 == 0)
    return g_strdup_printf ("UTC%s%02d:00", seconds < 0 ? "−" : "+", minutes / 60);
  return g_strdup_printf ("UTC%s%02d:%02d", seconds < 0 ? "−" : "+", minutes / 60, minutes % 60);
}

/* The file's own definition of a zone against the zone it claims to be,
 * at the event's start: a sender whose zone data is wrong, or a VTIMEZONE
 * pasted from another zone, moves every time of the event. */
static char *
check_vtimezone (icalcomponent      *vtimezone,
                 const char         *tzid,
                 const char         *iana,
                 struct icaltimetype at,
                 const char         *title)
{
  icaltimezone *zone = icaltimezone_new ();
  int           theirs, is_daylight = 0, ours;
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier (iana);
  g_autoptr (GDateTime) local = NULL;
  char *problem = NULL;

  at.zone = NULL;
  at.is_date = 0;
  icaltimezone_set_component (zone, icalcomponent_new_clone (vtimezone));
  theirs = icaltimezone_get_utc_offset (zone, &at, &is_daylight);
  icaltimezone_free (zone, 1);
  local = tz != NULL ? g_date_time_new (tz, at.year, at.month, at.day, at.hour, at.minute, 0) : NULL;
  if (local == NULL)
    return NULL;
  ours = (int) (g_date_time_get_utc_offset (local) / G_USEC_PER_SEC);
  if (theirs != ours)
    {
      g_autofree char *theirs_text = format_offset (theirs);
      g_autofree char *ours_text = format_offset (ours);

      problem = g_strdup_printf (
          /* Translators: %1$s an event's title, %2$s the zone it names (“China Standard Time”), %3$s and %5$s offsets (“UTC+08:00”), %4$s an IANA zone */
          _ ("“%1$s” gives its times in “%2$s”, but the file defines that zone as %3$s where %4$s is %5$s at the event's start: its times cannot be trusted. Ask the sender for a corrected invitation."),
          title, tzid, theirs_text, iana, ours_text);
    }
  return problem;
}

typedef struct
{
  icalcomponent *calendar;
  GHashTable    *renamed; /* file's TZID → IANA id, or "" for "convert to UTC" */
  GString       *notes;
  char          *problem;
  const char    *title;
} ZoneWork;

/* Gives the properties of an event IANA zone ids, or UTC times where the
 * file's zone is unknown. */
static void
settle_zones (ZoneWork      *w,
              icalcomponent *event)
{
  for (icalproperty *p = icalcomponent_get_first_property (event, ICAL_ANY_PROPERTY); p != NULL && w->problem == NULL;
       p = icalcomponent_get_next_property (event, ICAL_ANY_PROPERTY))
    {
      icalparameter   *param = icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER);
      g_autofree char *tzid = param != NULL ? g_strdup (icalparameter_get_tzid (param)) : NULL;
      icalcomponent   *vtimezone;
      g_autofree char *iana = NULL;

      if (tzid == NULL)
        continue;
      vtimezone = find_vtimezone (w->calendar, tzid);
      iana = liaison_ics_zone_for_name (tzid);
      if (iana == NULL && vtimezone != NULL)
        {
          icalproperty *location = icalcomponent_get_first_property (vtimezone, ICAL_X_PROPERTY);

          /* Thunderbird and libical name the real zone in X-LIC-LOCATION. */
          for (; location != NULL; location = icalcomponent_get_next_property (vtimezone, ICAL_X_PROPERTY))
            if (g_strcmp0 (icalproperty_get_x_name (location), "X-LIC-LOCATION") == 0)
              iana = liaison_ics_zone_for_name (icalproperty_get_x (location));
        }

      if (iana != NULL)
        {
          struct icaltimetype t = icalvalue_get_datetime (icalproperty_get_value (p));

          if (vtimezone != NULL && icalproperty_isa (p) == ICAL_DTSTART_PROPERTY && !icaltime_is_null_time (t))
            w->problem = check_vtimezone (vtimezone, tzid, iana, t, w->title);
          if (!g_str_equal (tzid, iana) && !g_hash_table_contains (w->renamed, tzid))
            {
              /* Translators: %1$s a zone as another program names it, %2$s an IANA zone */
              g_autofree char *note = g_strdup_printf (_ ("Times in “%1$s” are read as %2$s."), tzid, iana);

              g_string_append_printf (w->notes, "%s%s", w->notes->len > 0 ? " " : "", note);
            }
          g_hash_table_insert (w->renamed, g_strdup (tzid), g_strdup (iana));
          icalparameter_set_tzid (param, iana);
        }
      else if (vtimezone != NULL)
        {
          /* A zone nobody knows, defined in the file: the same instants,
           * in UTC. */
          icaltimezone       *zone = icaltimezone_new ();
          struct icaltimetype t = icalvalue_get_datetime (icalproperty_get_value (p));

          icaltimezone_set_component (zone, icalcomponent_new_clone (vtimezone));
          t.zone = zone;
          t = icaltime_convert_to_zone (t, icaltimezone_get_utc_timezone ());
          icalproperty_remove_parameter_by_kind (p, ICAL_TZID_PARAMETER);
          icalproperty_set_value (p, icalvalue_new_datetime (t));
          icaltimezone_free (zone, 1);
          if (!g_hash_table_contains (w->renamed, tzid))
            {
              g_autofree char *note = g_strdup_printf (_ ("The zone “%s” is not one Liaison knows: its times are kept in UTC."), tzid);
              g_string_append_printf (w->notes, "%s%s", w->notes->len > 0 ? " " : "", note);
            }
          g_hash_table_insert (w->renamed, g_strdup (tzid), g_strdup (""));
        }
      else
        w->problem = g_strdup_printf (_ ("“%1$s” gives its times in the zone “%2$s”, which the file does not define and Liaison does not know"),
                                      w->title, tzid);
    }
}

static char *
event_title (icalcomponent *event)
{
  const char *summary = icalcomponent_get_summary (event);

  return g_strdup (summary != NULL && *summary != '\0' ? summary : icalcomponent_get_uid (event));
}

/* ------------------------------------------------------------------------ */
/* The file's own bytes                                                      */

/* libical writes back another program's properties changed: `\,` and `\;`
 * unescaped in X- values (Outlook's X-ALT-DESC), CATEGORIES cut into one
 * line per value. What an event keeps for its first push and for export
 * is therefore cut from the file's content lines, byte for byte, only the
 * zone names renamed as reading renamed them. */
typedef struct
{
  int         prodid; /* line index, or -1 */
  GHashTable *events; /* UID → GArray of guint pairs: BEGIN and END lines */
  GHashTable *zones;  /* TZID → GArray of one pair */
} RawCalendar;

static void
raw_calendar_free (RawCalendar *c)
{
  g_hash_table_unref (c->events);
  g_hash_table_unref (c->zones);
  g_free (c);
}

static void
add_block (GHashTable *table,
           const char *key,
           guint       begin,
           guint       end)
{
  GArray *blocks = g_hash_table_lookup (table, key);

  if (blocks == NULL)
    {
      blocks = g_array_new (FALSE, FALSE, sizeof (guint));
      g_hash_table_insert (table, g_strdup (key), blocks);
    }
  g_array_append_val (blocks, begin);
  g_array_append_val (blocks, end);
}

/* The calendars of the file in order, each with where its events and
 * zones are: one pass, whatever the number of events. */
static GPtrArray *
raw_calendars (GPtrArray *lines)
{
  GPtrArray   *calendars = g_ptr_array_new_with_free_func ((GDestroyNotify) raw_calendar_free);
  RawCalendar *c = NULL;
  int          depth = 0;
  guint        begin = 0;
  char        *key = NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      LiaisonContentLine *l = g_ptr_array_index (lines, i);
      gboolean            begins = g_str_equal (l->name, "BEGIN"), ends = g_str_equal (l->name, "END");

      if (depth == 0 && begins && g_ascii_strcasecmp (l->value, "VCALENDAR") == 0)
        {
          c = g_new0 (RawCalendar, 1);
          c->prodid = -1;
          c->events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
          c->zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
          g_ptr_array_add (calendars, c);
        }
      else if (c != NULL && depth == 1 && begins)
        {
          begin = i;
          g_clear_pointer (&key, g_free);
        }
      else if (c != NULL && depth == 1 && g_str_equal (l->name, "PRODID"))
        c->prodid = i;
      else if (c != NULL && depth == 2 && (g_str_equal (l->name, "UID") || g_str_equal (l->name, "TZID")) && key == NULL)
        key = liaison_content_unescape_text (l->value);
      else if (c != NULL && depth == 2 && ends && key != NULL)
        {
          LiaisonContentLine *first = g_ptr_array_index (lines, begin);

          if (g_ascii_strcasecmp (first->value, "VEVENT") == 0)
            add_block (c->events, key, begin, i);
          else if (g_ascii_strcasecmp (first->value, "VTIMEZONE") == 0 && !g_hash_table_contains (c->zones, key))
            add_block (c->zones, key, begin, i);
        }
      if (begins)
        depth++;
      else if (ends && depth > 0)
        depth--;
    }
  g_free (key);
  return calendars;
}

static void
append_raw (GString    *out,
            const char *raw)
{
  g_string_append (out, raw);
  if (!g_str_has_suffix (raw, "\n"))
    g_string_append (out, "\r\n");
}

/* A line with its TZID parameter renamed, or as it was. */
static void
append_renamed (GString            *out,
                LiaisonContentLine *l,
                GHashTable         *renamed)
{
  const char *tzid = liaison_content_line_param (l, "TZID");
  const char *iana = tzid != NULL ? g_hash_table_lookup (renamed, tzid) : NULL;
  g_autoptr (GPtrArray) params = NULL;
  g_autofree char *line = NULL;

  if (iana == NULL || g_str_equal (iana, tzid))
    {
      append_raw (out, l->raw);
      return;
    }
  params = g_ptr_array_new ();
  for (guint i = 0; i + 1 < l->params->len; i += 2)
    {
      const char *name = g_ptr_array_index (l->params, i);

      g_ptr_array_add (params, (gpointer) name);
      g_ptr_array_add (params, g_str_equal (name, "TZID") ? (gpointer) iana : g_ptr_array_index (l->params, i + 1));
    }
  g_ptr_array_add (params, NULL);
  line = liaison_content_render (l->name, (const char *const *) params->pdata, l->value);
  g_string_append (out, line);
}

/* The event's calendar cut from the file, or NULL when reading changed
 * more than a zone's name (times of an unknown zone moved to UTC). */
static char *
kept_text (GPtrArray   *lines,
           RawCalendar *c,
           const char  *uid,
           GHashTable  *renamed)
{
  GArray        *blocks = c != NULL ? g_hash_table_lookup (c->events, uid) : NULL;
  GString       *out;
  GHashTableIter iter;
  gpointer       key, value;

  if (blocks == NULL)
    return NULL;
  g_hash_table_iter_init (&iter, renamed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (*(const char *) value == '\0')
      return NULL;

  out = g_string_new ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  if (c->prodid >= 0)
    append_raw (out, ((LiaisonContentLine *) g_ptr_array_index (lines, c->prodid))->raw);
  else
    g_string_append (out, "PRODID:-//unknown//EN\r\n");
  g_hash_table_iter_init (&iter, renamed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *zone = g_hash_table_lookup (c->zones, key);

      if (zone == NULL)
        continue;
      for (guint i = g_array_index (zone, guint, 0); i <= g_array_index (zone, guint, 1); i++)
        {
          LiaisonContentLine *l = g_ptr_array_index (lines, i);

          if (g_str_equal (l->name, "TZID"))
            {
              g_autofree char *escaped = liaison_content_escape_text (value);
              g_autofree char *line = liaison_content_render ("TZID", NULL, escaped);

              g_string_append (out, line);
            }
          else
            append_raw (out, l->raw);
        }
    }
  for (guint b = 0; b + 1 < blocks->len; b += 2)
    for (guint i = g_array_index (blocks, guint, b); i <= g_array_index (blocks, guint, b + 1); i++)
      append_renamed (out, g_ptr_array_index (lines, i), renamed);
  g_string_append (out, "END:VCALENDAR\r\n");
  return g_string_free (out, FALSE);
}

/* A start with a time but no zone (no TZID, no Z): khal and python-caldav
 * write them, "the same wall-clock time wherever one is". */
static gboolean
is_floating (icalcomponent *event)
{
  icalproperty       *p = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  struct icaltimetype start;

  if (p == NULL || icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER) != NULL)
    return FALSE;
  start = icalproperty_get_dtstart (p);
  return !icaltime_is_null_time (start) && !start.is_date && !icaltime_is_utc (start);
}

/* One event: its components (the master first), with the VTIMEZONEs they
 * use, as a calendar of its own. own_zone: the person's zone, for floating
 * times of an event whose country Liaison does not know. */
static LiaisonIcsEvent *
cut_event (LiaisonStore  *store,
           icalcomponent *calendar,
           GPtrArray     *parts,
           GPtrArray     *lines,
           RawCalendar   *raw,
           const char    *own_zone)
{
  LiaisonIcsEvent *e = g_new0 (LiaisonIcsEvent, 1);
  icalcomponent   *own = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent   *master = g_ptr_array_index (parts, 0);
  g_autoptr (GHashTable) renamed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GString) notes = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  icalproperty      *wr_zone = icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY);
  g_autofree char   *default_zone = NULL;
  ZoneWork           w = { calendar, renamed, notes, NULL, NULL };
  LiaisonIcalContext context = { .local_zone = own_zone };
  GHashTableIter     iter;
  gpointer           key, value;
  guint              overrides = 0;

  e->uid = g_strdup (icalcomponent_get_uid (master));
  e->title = event_title (master);
  w.title = e->title;
  if (store != NULL)
    {
      g_autoptr (LiaisonEvent) existing = liaison_store_get_event (store, e->uid, NULL);

      e->exists = existing != NULL;
    }

  /* Google writes UTC times and names the calendar's zone here. */
  for (; wr_zone != NULL; wr_zone = icalcomponent_get_next_property (calendar, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (wr_zone), "X-WR-TIMEZONE") == 0)
      default_zone = liaison_ics_zone_for_name (icalproperty_get_x (wr_zone));

  icalcomponent_add_property (own, icalproperty_new_version ("2.0"));
  {
    icalproperty *prodid = icalcomponent_get_first_property (calendar, ICAL_PRODID_PROPERTY);
    icalcomponent_add_property (own, prodid != NULL ? icalproperty_new_clone (prodid) : icalproperty_new_prodid ("-//unknown//EN"));
  }
  for (guint i = 0; i < parts->len; i++)
    {
      icalcomponent *copy = icalcomponent_new_clone (g_ptr_array_index (parts, i));

      settle_zones (&w, copy);
      if (i > 0)
        overrides++;
      icalcomponent_add_component (own, copy);
    }
  g_hash_table_iter_init (&iter, renamed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      icalcomponent *vtimezone = find_vtimezone (calendar, key);

      if (vtimezone != NULL && *(const char *) value != '\0')
        {
          icalcomponent *copy = icalcomponent_new_clone (vtimezone);
          icalproperty  *tzid = icalcomponent_get_first_property (copy, ICAL_TZID_PROPERTY);

          icalproperty_set_tzid (tzid, value);
          icalcomponent_add_component (own, copy);
        }
    }
  e->text = icalcomponent_as_ical_string_r (own);

  if (w.problem != NULL)
    e->problem = w.problem;
  else
    {
      /* Read as the sync reads a server's copy; a calendar zone for UTC
       * times, as Liaison's own property, only in the copy read. */
      g_autofree char *reading = NULL;

      if (default_zone != NULL)
        {
          icalcomponent *first = icalcomponent_get_first_component (own, ICAL_VEVENT_COMPONENT);
          icalproperty  *tz = icalproperty_new_x (default_zone);

          icalproperty_set_x_name (tz, "X-LIAISON-TZ");
          icalcomponent_add_property (first, tz);
          reading = icalcomponent_as_ical_string_r (own);
        }
      e->fields = liaison_ical_read_with (reading != NULL ? reading : e->text, &context, NULL, &e->people, &error);
      if (e->fields == NULL)
        /* Translators: %1$s an event's title, %2$s what is wrong with it */
        e->problem = g_strdup_printf (_ ("“%1$s” cannot be read: %2$s"), e->title, error->message);
      else if (lines != NULL)
        {
          /* Kept only when the sync's reader reads it as it read the rest. */
          g_autofree char *kept = kept_text (lines, raw, e->uid, renamed);
          g_autoptr (GHashTable) check = kept != NULL ? liaison_ical_read_with (kept, &context, NULL, NULL, NULL) : NULL;
          g_autoptr (GHashTable) plain = check != NULL && reading != NULL ? liaison_ical_read_with (e->text, &context, NULL, NULL, NULL) : NULL;

          if (check != NULL && liaison_sync_fields_equal (check, plain != NULL ? plain : e->fields))
            e->kept = g_steal_pointer (&kept);
        }
    }
  if (e->fields != NULL && default_zone == NULL && is_floating (master))
    {
      /* Translators: %s a time zone's IANA name, such as Asia/Bangkok */
      g_autofree char *note = g_strdup_printf (_ ("Its times name no zone: read as %s."),
                                               (const char *) g_hash_table_lookup (e->fields, "time_zone"));
      g_string_append_printf (notes, "%s%s", notes->len > 0 ? " " : "", note);
    }
  if (overrides > 0)
    {
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u changed occurrence of the series is kept with the event, not shown on its own.",
                                                            "%u changed occurrences of the series are kept with the event, not shown on their own.",
                                                            overrides),
                                               overrides);
      g_string_append_printf (notes, "%s%s", notes->len > 0 ? " " : "", note);
    }
  e->note = notes->len > 0 ? g_strdup (notes->str) : NULL;
  icalcomponent_free (own);
  return e;
}

GPtrArray *
liaison_ics_read_events (LiaisonStore *store,
                         const char   *text,
                         const char   *own_zone,
                         GError      **error)
{
  icalcomponent *root = parse (text, error);
  g_autoptr (GPtrArray) calendars = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GPtrArray) raw = NULL;
  GPtrArray *events;

  if (root == NULL)
    return NULL;
  events = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_ics_event_free);
  calendars = calendars_of (root);
  lines = liaison_content_parse (text, NULL);
  raw = lines != NULL ? raw_calendars (lines) : NULL;
  for (guint c = 0; c < calendars->len; c++)
    {
      icalcomponent *calendar = g_ptr_array_index (calendars, c);
      g_autoptr (GHashTable) by_uid = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
      g_autoptr (GPtrArray) order = g_ptr_array_new ();

      for (icalcomponent *v = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); v != NULL;
           v = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
        {
          const char *uid = icalcomponent_get_uid (v);
          GPtrArray  *parts;

          if (uid == NULL || *uid == '\0')
            {
              LiaisonIcsEvent *e = g_new0 (LiaisonIcsEvent, 1);

              e->title = event_title (v);
              e->problem = g_strdup_printf (_ ("“%s” has no UID, so a second import could not find it again"),
                                            e->title != NULL ? e->title : "?");
              g_ptr_array_add (events, e);
              continue;
            }
          parts = g_hash_table_lookup (by_uid, uid);
          if (parts == NULL)
            {
              parts = g_ptr_array_new ();
              g_hash_table_insert (by_uid, (gpointer) uid, parts);
              g_ptr_array_add (order, (gpointer) uid);
            }
          /* The master first, its changed occurrences after it. */
          if (icalcomponent_get_first_property (v, ICAL_RECURRENCEID_PROPERTY) == NULL)
            g_ptr_array_insert (parts, 0, v);
          else
            g_ptr_array_add (parts, v);
        }
      for (guint i = 0; i < order->len; i++)
        g_ptr_array_add (events, cut_event (store, calendar, g_hash_table_lookup (by_uid, g_ptr_array_index (order, i)), lines,
                                            raw != NULL && c < raw->len ? g_ptr_array_index (raw, c) : NULL, own_zone));
    }
  icalcomponent_free (root);
  if (events->len == 0)
    {
      g_ptr_array_unref (events);
      g_set_error_literal (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_EMPTY, _ ("The file holds no events (VEVENT)"));
      return NULL;
    }
  return events;
}

/* ------------------------------------------------------------------------ */
/* Importing events                                                          */

/* An attendee is someone here with the same e-mail, or a new person made
 * from the name and address the invitation gives. */
static gboolean
resolve_attendees (LiaisonStore    *store,
                   LiaisonIcsEvent *e,
                   GError         **error)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer       key;

  g_hash_table_iter_init (&iter, e->fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_str_has_prefix (key, LIAISON_SYNC_ATTENDEE_PREFIX))
      g_ptr_array_add (keys, g_strdup (key));

  for (guint i = 0; i < keys->len; i++)
    {
      const char        *pid = (const char *) g_ptr_array_index (keys, i) + strlen (LIAISON_SYNC_ATTENDEE_PREFIX);
      const char *const *person = e->people != NULL ? g_hash_table_lookup (e->people, pid) : NULL;
      const char        *name = person != NULL ? person[0] : NULL;
      const char        *email = person != NULL ? person[1] : NULL;
      g_autoptr (LiaisonParticipant) made = NULL;
      g_autoptr (LiaisonParticipant) here = liaison_store_get_participant (store, pid, NULL);

      if (here != NULL)
        continue;
      made = liaison_participant_new (pid);
      if (email != NULL && liaison_import_looks_like_email (email))
        {
          const char *emails[] = { email, NULL };
          g_autoptr (GPtrArray) matches = NULL;

          liaison_participant_set_emails (made, emails);
          liaison_participant_set_latin_name (made, NULL, email);
          matches = liaison_store_match_person (store, made, 1, NULL);
          if (matches != NULL && matches->len > 0 && ((LiaisonPersonMatch *) g_ptr_array_index (matches, 0))->score >= LIAISON_MATCH_CERTAIN)
            {
              const char *id = ((LiaisonPersonMatch *) g_ptr_array_index (matches, 0))->participant_id;

              liaison_sync_fields_move_attendee (e->fields, pid, id);
              continue;
            }
        }
      if (name != NULL && *name != '\0')
        {
          g_autofree char *family = NULL;
          g_autofree char *given = NULL;
          LiaisonNameOrder order;

          liaison_import_split_name (name, NULL, &family, &given, &order);
          liaison_participant_set_latin_name (made, NULL, NULL);
          if (liaison_import_is_latin (name))
            liaison_participant_set_latin_name (made, family, given);
          else
            liaison_participant_set_native_name (made, family, given);
          liaison_participant_set_name_order (made, order);
        }
      else if (email == NULL)
        {
          g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_MALFORMED,
                       _ ("an attendee of “%s” has neither a name nor an e-mail address"), e->title);
          return FALSE;
        }
      if (!liaison_store_save_participant (store, made, LIAISON_ORIGIN_LOCAL, error))
        return FALSE;
    }
  return TRUE;
}

/* An event here already keeps what the file does not say (its kind, its
 * registrations): the file's fields are laid over it. */
static GHashTable *
merged_fields (LiaisonStore    *store,
               LiaisonIcsEvent *e)
{
  GHashTable    *current = liaison_store_sync_get_fields (store, "event", e->uid, NULL);
  GHashTableIter iter;
  gpointer       key, value;

  if (current == NULL)
    return g_hash_table_ref (e->fields);
  g_hash_table_iter_init (&iter, e->fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_str_has_prefix (key, LIAISON_SYNC_ATTENDEE_PREFIX) || !g_hash_table_contains (current, key))
      g_hash_table_insert (current, g_strdup (key), g_strdup (value));
  return current;
}

gboolean
liaison_ics_import_events (LiaisonStore *store,
                           GPtrArray    *events,
                           guint        *added,
                           guint        *updated,
                           GError      **error)
{
  g_autoptr (GError) local_error = NULL;
  guint n_added = 0, n_updated = 0;

  if (!liaison_store_begin_bulk (store, error))
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    {
      LiaisonIcsEvent *e = g_ptr_array_index (events, i);
      g_autoptr (GHashTable) fields = NULL;

      if (e->fields == NULL)
        continue;
      if (!resolve_attendees (store, e, &local_error))
        break;
      fields = merged_fields (store, e);
      if (!liaison_store_sync_apply_fields (store, "event", e->uid, fields, LIAISON_ORIGIN_LOCAL, &local_error))
        {
          g_prefix_error (&local_error, "“%s”: ", e->title);
          break;
        }
      /* What Liaison does not model goes out again with the event. */
      if (!liaison_store_sync_set_imported_text (store, e->uid, e->kept != NULL ? e->kept : e->text, &local_error))
        break;
      if (e->exists)
        n_updated++;
      else
        n_added++;
    }
  if (local_error != NULL)
    {
      liaison_store_end_bulk (store, FALSE, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!liaison_store_end_bulk (store, TRUE, error))
    return FALSE;
  if (added != NULL)
    *added = n_added;
  if (updated != NULL)
    *updated = n_updated;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Replies                                                                   */

static gboolean
has_email (LiaisonParticipant *p,
           const char         *address)
{
  const char *const *emails = liaison_participant_get_emails (p);

  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    if (g_ascii_strcasecmp (emails[i], address) == 0)
      return TRUE;
  return FALSE;
}

static LiaisonReplyOutcome *
outcome_new (const char *event_id,
             char       *message)
{
  LiaisonReplyOutcome *o = g_new0 (LiaisonReplyOutcome, 1);

  o->event_id = g_strdup (event_id);
  o->message = message;
  return o;
}

/* The legal steps from a status to confirmed or declined, or none. */
static guint
steps_to (LiaisonRegistrationStatus  from,
          LiaisonRegistrationStatus  to,
          LiaisonRegistrationStatus *steps)
{
  if (liaison_registration_status_can_transition (from, to))
    {
      steps[0] = to;
      return 1;
    }
  if (to == LIAISON_REGISTRATION_CONFIRMED && liaison_registration_status_can_transition (from, LIAISON_REGISTRATION_REGISTERED))
    {
      steps[0] = LIAISON_REGISTRATION_REGISTERED;
      steps[1] = to;
      return 2;
    }
  return 0;
}

static LiaisonReplyOutcome *
apply_attendee (LiaisonStore *store,
                LiaisonEvent *event,
                icalproperty *attendee,
                gboolean      dry_run)
{
  const char *event_id = liaison_event_get_id (event);
  const char *title = liaison_bilingual_get_display (liaison_event_get_title (event), liaison_language_for_locale ());
  const char *value = icalproperty_get_attendee (attendee);
  const char *address = value != NULL && g_ascii_strncasecmp (value, "mailto:", 7) == 0 ? value + 7 : value;
  const char *partstat = icalproperty_get_parameter_as_string (attendee, "PARTSTAT");
  const char *reg_param = icalproperty_get_parameter_as_string (attendee, "X-LIAISON-REGISTRATION");
  const char *pid_param = icalproperty_get_parameter_as_string (attendee, "X-LIAISON-PARTICIPANT");
  g_autoptr (GPtrArray) registrations = liaison_store_list_registrations (store, event_id, NULL);
  LiaisonRegistration *found = NULL;
  g_autoptr (LiaisonParticipant) person = NULL;
  g_autofree char          *name = NULL;
  LiaisonRegistrationStatus target, steps[2];
  guint                     n_steps;
  LiaisonReplyOutcome      *o;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; registrations != NULL && i < registrations->len && found == NULL; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (store, liaison_registration_get_participant_id (r), NULL);

      if ((reg_param != NULL && g_str_equal (reg_param, liaison_registration_get_id (r))) ||
          (pid_param != NULL && g_str_equal (pid_param, liaison_registration_get_participant_id (r))) ||
          (p != NULL && address != NULL && has_email (p, address)))
        {
          found = r;
          person = g_steal_pointer (&p);
        }
    }
  if (found == NULL)
    /* Translators: %1$s an e-mail address, %2$s an event's title */
    return outcome_new (event_id, g_strdup_printf (_ ("%1$s answered, but is not invited to “%2$s”: nothing was changed"),
                                                   address != NULL ? address : "?", title));

  name = liaison_participant_dup_display_name (person);
  if (partstat == NULL || g_ascii_strcasecmp (partstat, "NEEDS-ACTION") == 0 || g_ascii_strcasecmp (partstat, "TENTATIVE") == 0)
    {
      o = outcome_new (event_id, g_strdup_printf (partstat != NULL && g_ascii_strcasecmp (partstat, "TENTATIVE") == 0
                                                      ? _ ("%1$s answered “maybe” for “%2$s”: the registration stays as it is")
                                                      : _ ("%1$s has not answered for “%2$s” yet: nothing was changed"),
                                                  name, title));
      o->registration_id = g_strdup (liaison_registration_get_id (found));
      o->from = o->to = liaison_registration_get_status (found);
      return o;
    }
  target = g_ascii_strcasecmp (partstat, "ACCEPTED") == 0 ? LIAISON_REGISTRATION_CONFIRMED : LIAISON_REGISTRATION_DECLINED;
  o = outcome_new (event_id, NULL);
  o->registration_id = g_strdup (liaison_registration_get_id (found));
  o->from = liaison_registration_get_status (found);
  o->to = target;
  if (o->from == target)
    {
      o->message = g_strdup_printf (_ ("%1$s's registration for “%2$s” is already “%3$s”"), name, title,
                                    liaison_registration_status_label (target));
      return o;
    }
  n_steps = steps_to (o->from, target, steps);
  if (n_steps == 0)
    {
      o->to = o->from;
      /* Translators: %1$s a name, %2$s an event, %3$s the status asked for, %4$s the registration's status */
      o->message = g_strdup_printf (_ ("%1$s answered “%3$s” for “%2$s”, but the registration is “%4$s”, which cannot become that: nothing was changed"),
                                    name, title, liaison_registration_status_label (target),
                                    liaison_registration_status_label (o->from));
      return o;
    }
  for (guint i = 0; i < n_steps && !dry_run; i++)
    if (!liaison_store_set_registration_status (store, o->registration_id, steps[i], LIAISON_ORIGIN_LOCAL, NULL, &error))
      {
        o->to = o->from;
        o->message = g_strdup_printf (_ ("%1$s answered for “%2$s”, but the registration could not change: %3$s"), name, title,
                                      error->message);
        return o;
      }
  o->changed = TRUE;
  /* Translators: %1$s a name, %2$s an event's title, %3$s and %4$s registration statuses */
  o->message = g_strdup_printf (target == LIAISON_REGISTRATION_CONFIRMED ? _ ("%1$s accepted “%2$s”: %3$s → %4$s")
                                                                         : _ ("%1$s declined “%2$s”: %3$s → %4$s"),
                                name, title, liaison_registration_status_label (o->from),
                                liaison_registration_status_label (target));
  return o;
}

GPtrArray *
liaison_ics_apply_replies (LiaisonStore *store,
                           const char   *text,
                           gboolean      dry_run,
                           GError      **error)
{
  icalcomponent *root = parse (text, error);
  g_autoptr (GPtrArray) calendars = NULL;
  GPtrArray *outcomes;
  gboolean   any_reply = FALSE;

  if (root == NULL)
    return NULL;
  outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_reply_outcome_free);
  calendars = calendars_of (root);
  for (guint c = 0; c < calendars->len; c++)
    {
      icalcomponent *calendar = g_ptr_array_index (calendars, c);
      icalproperty  *method = icalcomponent_get_first_property (calendar, ICAL_METHOD_PROPERTY);

      if (method == NULL || icalproperty_get_method (method) != ICAL_METHOD_REPLY)
        continue;
      any_reply = TRUE;
      for (icalcomponent *v = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); v != NULL;
           v = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
        {
          const char *uid = icalcomponent_get_uid (v);
          g_autoptr (LiaisonEvent) event = uid != NULL ? liaison_store_get_event (store, uid, NULL) : NULL;
          g_autofree char *title = event_title (v);
          icalproperty    *attendee = icalcomponent_get_first_property (v, ICAL_ATTENDEE_PROPERTY);

          if (uid == NULL || *uid == '\0')
            {
              g_ptr_array_add (outcomes, outcome_new (NULL, g_strdup (_ ("A reply has no UID, so it cannot be matched to an event: nothing was changed"))));
              continue;
            }
          if (event == NULL)
            {
              /* Translators: %1$s an event's title as the reply gives it, %2$s its UID */
              g_ptr_array_add (outcomes, outcome_new (uid, g_strdup_printf (_ ("The reply is for “%1$s” (UID %2$s), an event Liaison does not have: nothing was changed"),
                                                                            title != NULL ? title : "?", uid)));
              continue;
            }
          if (attendee == NULL)
            {
              g_ptr_array_add (outcomes, outcome_new (uid, g_strdup_printf (_ ("The reply for “%s” names no attendee: nothing was changed"), title)));
              continue;
            }
          for (; attendee != NULL; attendee = icalcomponent_get_next_property (v, ICAL_ATTENDEE_PROPERTY))
            g_ptr_array_add (outcomes, apply_attendee (store, event, attendee, dry_run));
        }
    }
  icalcomponent_free (root);
  if (!any_reply)
    {
      g_ptr_array_unref (outcomes);
      g_set_error_literal (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_UNSUPPORTED,
                           _ ("The file is not a reply to an invitation (it has no METHOD:REPLY)"));
      return NULL;
    }
  return outcomes;
}
