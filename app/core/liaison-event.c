/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "liaison-core-error.h"
#include "liaison-event.h"
#include "liaison-labels.h"
#include "liaison-programme.h"
#include "liaison-text.h"
#include "liaison-time-zone.h"
#include "liaison-uuid.h"

struct _LiaisonEvent
{
  GObject parent_instance;

  char              *id;
  LiaisonEventKind   kind;
  LiaisonEventStatus status;
  LiaisonEventMode   mode;
  LiaisonBilingual  *title;
  LiaisonBilingual  *theme;
  LiaisonBilingual  *description;
  LiaisonBilingual  *city;

  /* Local wall-clock time in the event's zone: a future event must follow
   * that zone's rules even if they change after it was planned. */
  char                *start;
  char                *end;
  char                *time_zone;
  LiaisonDatePrecision precision;

  char                *venue;
  char                *country;
  char                *online_url;
  char                *organisers;
  char                *partners;
  guint                capacity;
  char                *registration_deadline;
  double               budget;
  char                *currency;
  LiaisonFundingSource funding;
  char                *track;
  char                *recurrence;
  char               **activities;
  char               **areas;
};

G_DEFINE_FINAL_TYPE (LiaisonEvent, liaison_event, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_STATUS,
  PROP_MODE,
  PROP_TITLE,
  PROP_START,
  PROP_END,
  PROP_TIME_ZONE,
  PROP_VENUE,
  PROP_COUNTRY,
  PROP_CAPACITY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
set_string (LiaisonEvent *self,
            char        **field,
            const char   *value,
            guint         prop_id)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  if (prop_id != PROP_0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  return TRUE;
}

static void
liaison_event_finalize (GObject *object)
{
  LiaisonEvent *self = (LiaisonEvent *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_object (&self->title);
  g_clear_object (&self->theme);
  g_clear_object (&self->description);
  g_clear_object (&self->city);
  g_clear_pointer (&self->start, g_free);
  g_clear_pointer (&self->end, g_free);
  g_clear_pointer (&self->time_zone, g_free);
  g_clear_pointer (&self->venue, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->online_url, g_free);
  g_clear_pointer (&self->organisers, g_free);
  g_clear_pointer (&self->partners, g_free);
  g_clear_pointer (&self->registration_deadline, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->track, g_free);
  g_clear_pointer (&self->recurrence, g_free);
  g_clear_pointer (&self->activities, g_strfreev);
  g_clear_pointer (&self->areas, g_strfreev);

  G_OBJECT_CLASS (liaison_event_parent_class)->finalize (object);
}

static void
liaison_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LiaisonEvent *self = LIAISON_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;
    case PROP_TITLE:
      g_value_set_object (value, self->title);
      break;
    case PROP_START:
      g_value_set_string (value, self->start);
      break;
    case PROP_END:
      g_value_set_string (value, self->end);
      break;
    case PROP_TIME_ZONE:
      g_value_set_string (value, self->time_zone);
      break;
    case PROP_VENUE:
      g_value_set_string (value, self->venue);
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_CAPACITY:
      g_value_set_uint (value, self->capacity);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_event_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LiaisonEvent *self = LIAISON_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_KIND:
      liaison_event_set_kind (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      liaison_event_set_status (self, g_value_get_enum (value));
      break;
    case PROP_MODE:
      liaison_event_set_mode (self, g_value_get_enum (value));
      break;
    case PROP_VENUE:
      liaison_event_set_venue (self, g_value_get_string (value));
      break;
    case PROP_COUNTRY:
      liaison_event_set_country (self, g_value_get_string (value));
      break;
    case PROP_CAPACITY:
      liaison_event_set_capacity (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_event_class_init (LiaisonEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = liaison_event_finalize;
  object_class->get_property = liaison_event_get_property;
  object_class->set_property = liaison_event_set_property;

  properties[PROP_ID] =
      g_param_spec_string ("id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
      g_param_spec_enum ("kind", NULL, NULL, LIAISON_TYPE_EVENT_KIND, LIAISON_EVENT_KIND_OTHER, rw);
  properties[PROP_STATUS] =
      g_param_spec_enum ("status", NULL, NULL, LIAISON_TYPE_EVENT_STATUS, LIAISON_EVENT_STATUS_PLANNED, rw);
  properties[PROP_MODE] =
      g_param_spec_enum ("mode", NULL, NULL, LIAISON_TYPE_EVENT_MODE, LIAISON_EVENT_MODE_IN_PERSON, rw);
  properties[PROP_TITLE] =
      g_param_spec_object ("title", NULL, NULL, LIAISON_TYPE_BILINGUAL, ro);
  properties[PROP_START] = g_param_spec_string ("start", NULL, NULL, NULL, ro);
  properties[PROP_END] = g_param_spec_string ("end", NULL, NULL, NULL, ro);
  properties[PROP_TIME_ZONE] = g_param_spec_string ("time-zone", NULL, NULL, NULL, ro);
  properties[PROP_VENUE] = g_param_spec_string ("venue", NULL, NULL, NULL, rw);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, rw);
  properties[PROP_CAPACITY] = g_param_spec_uint ("capacity", NULL, NULL, 0, G_MAXUINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_event_init (LiaisonEvent *self)
{
  self->kind = LIAISON_EVENT_KIND_OTHER;
  self->precision = LIAISON_DATE_PRECISION_DAY;
  self->title = liaison_bilingual_new (LIAISON_LANGUAGE_ZH);
  self->theme = liaison_bilingual_new (LIAISON_LANGUAGE_ZH);
  self->description = liaison_bilingual_new (LIAISON_LANGUAGE_ZH);
  self->city = liaison_bilingual_new (LIAISON_LANGUAGE_ZH);
}

LiaisonEvent *
liaison_event_new (const char *id)
{
  g_autofree char *random_id = NULL;

  if (id == NULL)
    id = random_id = liaison_uuid_new ();
  return g_object_new (LIAISON_TYPE_EVENT, "id", id, NULL);
}

const char *
liaison_event_get_id (LiaisonEvent *self)
{
  g_return_val_if_fail (LIAISON_IS_EVENT (self), NULL);
  return self->id;
}

LiaisonEventKind
liaison_event_get_kind (LiaisonEvent *self)
{
  g_return_val_if_fail (LIAISON_IS_EVENT (self), 0);
  return self->kind;
}

void
liaison_event_set_kind (LiaisonEvent    *self,
                        LiaisonEventKind kind)
{
  g_return_if_fail (LIAISON_IS_EVENT (self));
  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

LiaisonEventStatus
liaison_event_get_status (LiaisonEvent *self)
{
  g_return_val_if_fail (LIAISON_IS_EVENT (self), 0);
  return self->status;
}

void
liaison_event_set_status (LiaisonEvent      *self,
                          LiaisonEventStatus status)
{
  g_return_if_fail (LIAISON_IS_EVENT (self));
  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

LiaisonEventMode
liaison_event_get_mode (LiaisonEvent *self)
{
  g_return_val_if_fail (LIAISON_IS_EVENT (self), 0);
  return self->mode;
}

void
liaison_event_set_mode (LiaisonEvent    *self,
                        LiaisonEventMode mode)
{
  g_return_if_fail (LIAISON_IS_EVENT (self));
  if (self->mode == mode)
    return;
  self->mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

LiaisonBilingual *
liaison_event_get_title (LiaisonEvent *self)
{
  return self->title;
}

LiaisonBilingual *
liaison_event_get_theme (LiaisonEvent *self)
{
  return self->theme;
}

LiaisonBilingual *
liaison_event_get_description (LiaisonEvent *self)
{
  return self->description;
}

LiaisonBilingual *
liaison_event_get_city (LiaisonEvent *self)
{
  return self->city;
}

const char *
liaison_event_get_start (LiaisonEvent *self)
{
  return self->start;
}

const char *
liaison_event_get_end (LiaisonEvent *self)
{
  return self->end;
}

const char *
liaison_event_get_time_zone (LiaisonEvent *self)
{
  return self->time_zone;
}

LiaisonDatePrecision
liaison_event_get_precision (LiaisonEvent *self)
{
  return self->precision;
}

gboolean
liaison_parse_local_time (const char           *text,
                          LiaisonDatePrecision *precision,
                          int                  *year,
                          int                  *month,
                          int                  *day,
                          int                  *hour,
                          int                  *minute)
{
  int                  y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0, n = 0;
  LiaisonDatePrecision p;
  gsize                len;

  if (text == NULL)
    return FALSE;
  len = strlen (text);

  if (len == 4 && sscanf (text, "%4d%n", &y, &n) == 1 && n == 4)
    p = LIAISON_DATE_PRECISION_YEAR;
  else if (len == 7 && sscanf (text, "%4d-%2d%n", &y, &mo, &n) == 2 && n == 7)
    p = LIAISON_DATE_PRECISION_MONTH;
  else if (len == 10 && sscanf (text, "%4d-%2d-%2d%n", &y, &mo, &d, &n) == 3 && n == 10)
    p = LIAISON_DATE_PRECISION_DAY;
  else if ((len == 16 && sscanf (text, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) == 5 && n == 16) || (len == 19 && sscanf (text, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &n) == 6 && n == 19))
    p = LIAISON_DATE_PRECISION_TIME;
  else
    return FALSE;

  if (y < LIAISON_FIRST_YEAR || y > LIAISON_LAST_YEAR || mo < 1 || mo > 12 || h > 23 || mi > 59 || s > 59)
    return FALSE;
  if (d < 1 || d > g_date_get_days_in_month (mo, y))
    return FALSE;

  if (precision)
    *precision = p;
  if (year)
    *year = y;
  if (month)
    *month = mo;
  if (day)
    *day = d;
  if (hour)
    *hour = h;
  if (minute)
    *minute = mi;
  return TRUE;
}

/* A date of the right form in a year Liaison does not keep
 * ("9999-12-31T23:59"), to say so rather than "not a date". */
static gboolean
year_out_of_range (const char *text)
{
  g_autofree char *in_range = NULL;

  if (text == NULL || strlen (text) < 4 || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]))
    return FALSE;
  in_range = g_strconcat ("2000", text + 4, NULL);
  return liaison_parse_local_time (in_range, NULL, NULL, NULL, NULL, NULL, NULL);
}

/* Dates compare as text once cut to the shorter precision. */
static int
compare_local (const char *a,
               const char *b)
{
  gsize n = MIN (strlen (a), strlen (b));
  return strncmp (a, b, n);
}

gboolean
liaison_event_set_when (LiaisonEvent *self,
                        const char   *start,
                        const char   *end,
                        const char   *time_zone,
                        GError      **error)
{
  LiaisonDatePrecision precision, end_precision;

  g_return_val_if_fail (LIAISON_IS_EVENT (self), FALSE);

  if (!liaison_parse_local_time (start, &precision, NULL, NULL, NULL, NULL, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (start ? start : "", -1);

      if (year_out_of_range (start))
        g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                     /* Translators: %1$s is what the person typed as a start date, %2$d and %3$d years */
                     _ ("Start “%1$s” is outside the years Liaison keeps (%2$d to %3$d)"), shown,
                     LIAISON_FIRST_YEAR, LIAISON_LAST_YEAR);
      else
        g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                     /* Translators: %s is what the person typed as a start date */
                     _ ("Start “%s” is not a date or time (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)"), shown);
      return FALSE;
    }
  if (end != NULL && *end != '\0')
    {
      if (!liaison_parse_local_time (end, &end_precision, NULL, NULL, NULL, NULL, NULL))
        {
          g_autofree char *shown = g_utf8_make_valid (end, -1);

          if (year_out_of_range (end))
            g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                         /* Translators: %1$s is what the person typed as an end date, %2$d and %3$d years */
                         _ ("End “%1$s” is outside the years Liaison keeps (%2$d to %3$d)"), shown,
                         LIAISON_FIRST_YEAR, LIAISON_LAST_YEAR);
          else
            g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                         _ ("End “%s” is not a date or time (use YYYY-MM-DD or YYYY-MM-DDTHH:MM)"), shown);
          return FALSE;
        }
      if (compare_local (end, start) < 0)
        {
          g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                       _ ("The event ends (%1$s) before it starts (%2$s)"), end, start);
          return FALSE;
        }
    }
  else
    end = NULL;

  if (time_zone != NULL && *time_zone == '\0')
    time_zone = NULL;
  if (time_zone != NULL)
    {
      g_autoptr (GTimeZone) tz = liaison_time_zone_new (time_zone);

      if (tz == NULL)
        {
          g_autofree char *shown = g_utf8_make_valid (time_zone, -1);

          g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                       _ ("“%s” is not a time zone (use an IANA name such as Asia/Yangon)"), shown);
          return FALSE;
        }
    }
  else if (precision == LIAISON_DATE_PRECISION_TIME)
    {
      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                   _ ("A start time needs a time zone"));
      return FALSE;
    }

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->start, start, PROP_START);
  set_string (self, &self->end, end, PROP_END);
  set_string (self, &self->time_zone, time_zone, PROP_TIME_ZONE);
  self->precision = precision;
  g_object_thaw_notify (G_OBJECT (self));

  return TRUE;
}

/* What a date typed here must also be (liaison_event_set_when reads any
 * stored or pulled date): its zone an IANA name, its times ones the zone's
 * clocks show. */
gboolean
liaison_event_check_when (LiaisonEvent *self,
                          GError      **error)
{
  g_return_val_if_fail (LIAISON_IS_EVENT (self), FALSE);

  if (self->time_zone == NULL)
    return TRUE;
  return liaison_time_zone_check (self->time_zone, error) &&
         liaison_time_zone_check_local (self->time_zone, self->start, error) &&
         (self->end == NULL || liaison_time_zone_check_local (self->time_zone, self->end, error));
}

typedef struct
{
  const char     *text;
  LiaisonTextKind kind;
  const char     *label;
} TextField;

#define N_TEXT_FIELDS 15

static void
text_fields (LiaisonEvent *self,
             TextField     fields[N_TEXT_FIELDS])
{
  guint i = 0;

  fields[i++] = (TextField){ liaison_bilingual_get_text (self->title, LIAISON_LANGUAGE_ZH), LIAISON_TEXT_TITLE, _ ("Chinese title") };
  fields[i++] = (TextField){ liaison_bilingual_get_text (self->title, LIAISON_LANGUAGE_EN), LIAISON_TEXT_TITLE, _ ("English title") };
  fields[i++] = (TextField){ liaison_bilingual_get_text (self->theme, LIAISON_LANGUAGE_ZH), LIAISON_TEXT_THEME, _ ("Chinese theme") };
  fields[i++] = (TextField){ liaison_bilingual_get_text (self->theme, LIAISON_LANGUAGE_EN), LIAISON_TEXT_THEME, _ ("English theme") };
  fields[i++] = (TextField){ liaison_bilingual_get_text (self->description, LIAISON_LANGUAGE_ZH), LIAISON_TEXT_DESCRIPTION, _ ("Chinese description") };
  fields[i++] = (TextField){ liaison_bilingual_get_text (self->description, LIAISON_LANGUAGE_EN), LIAISON_TEXT_DESCRIPTION, _ ("English description") };
  fields[i++] = (TextField){ liaison_bilingual_get_text (self->city, LIAISON_LANGUAGE_ZH), LIAISON_TEXT_CITY, _ ("city (Chinese)") };
  fields[i++] = (TextField){ liaison_bilingual_get_text (self->city, LIAISON_LANGUAGE_EN), LIAISON_TEXT_CITY, _ ("city (English)") };
  fields[i++] = (TextField){ self->venue, LIAISON_TEXT_VENUE, _ ("venue") };
  fields[i++] = (TextField){ self->online_url, LIAISON_TEXT_URL, _ ("online link") };
  fields[i++] = (TextField){ self->organisers, LIAISON_TEXT_VENUE, _ ("organisers") };
  fields[i++] = (TextField){ self->partners, LIAISON_TEXT_VENUE, _ ("partners") };
  fields[i++] = (TextField){ self->currency, LIAISON_TEXT_SHORT, _ ("currency") };
  fields[i++] = (TextField){ self->track, LIAISON_TEXT_SHORT, _ ("programme track") };
  fields[i++] = (TextField){ self->recurrence, LIAISON_TEXT_VENUE, _ ("recurrence") };
  g_assert (i == N_TEXT_FIELDS);
}

static gboolean
same_strv (const char *const *a,
           const char *const *b)
{
  guint na = a != NULL ? g_strv_length ((char **) a) : 0;
  guint nb = b != NULL ? g_strv_length ((char **) b) : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    if (g_strcmp0 (a[i], b[i]) != 0)
      return FALSE;
  return TRUE;
}

/* What every stored event's texts are, wherever they came from (a text
 * pulled from a server is kept whole, however long). */
gboolean
liaison_event_check_kept (LiaisonEvent *self,
                          GError      **error)
{
  TextField fields[N_TEXT_FIELDS];

  g_return_val_if_fail (LIAISON_IS_EVENT (self), FALSE);

  text_fields (self, fields);
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (!liaison_text_check_field (fields[i].text, fields[i].kind, fields[i].label, FALSE, error))
      return FALSE;
  for (guint i = 0; self->activities != NULL && self->activities[i] != NULL; i++)
    if (!liaison_text_check_field (self->activities[i], LIAISON_TEXT_SHORT, _ ("plan activities"), FALSE, error))
      return FALSE;
  return TRUE;
}

/* The rules of a change made here (the window, the command line, an
 * import) to an event as it was before (NULL: a new one), applied to what
 * the change gives: each changed text by the rule of liaison-text.h; a
 * changed date in an IANA zone, at a time its clocks show; a changed track
 * one of the programme's; a changed capacity one the window can show.
 * What did not change stays as it was, even a longer title pulled from the
 * server. */
gboolean
liaison_event_check_changes (LiaisonEvent *self,
                             LiaisonEvent *before,
                             GError      **error)
{
  TextField fields[N_TEXT_FIELDS], old_fields[N_TEXT_FIELDS];

  g_return_val_if_fail (LIAISON_IS_EVENT (self), FALSE);
  g_return_val_if_fail (before == NULL || LIAISON_IS_EVENT (before), FALSE);

  text_fields (self, fields);
  if (before != NULL)
    text_fields (before, old_fields);
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (!liaison_text_check_field (fields[i].text, fields[i].kind, fields[i].label, before == NULL || g_strcmp0 (fields[i].text, old_fields[i].text) != 0, error))
      return FALSE;
  if (before == NULL || !same_strv ((const char *const *) self->activities, (const char *const *) before->activities))
    for (guint i = 0; self->activities != NULL && self->activities[i] != NULL; i++)
      if (!liaison_text_check_field (self->activities[i], LIAISON_TEXT_SHORT, _ ("plan activities"), TRUE, error))
        return FALSE;

  if ((before == NULL || g_strcmp0 (self->start, before->start) != 0 || g_strcmp0 (self->end, before->end) != 0 || g_strcmp0 (self->time_zone, before->time_zone) != 0) && !liaison_event_check_when (self, error))
    return FALSE;

  if (self->track != NULL && (before == NULL || g_strcmp0 (self->track, before->track) != 0) && liaison_programme_lookup_track (self->track) == NULL)
    {
      g_autofree char *tracks = liaison_programme_dup_track_ids ();

      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                   /* Translators: %1$s is what was given, %2$s the tracks to choose from */
                   _ ("Unknown programme track “%1$s” (choose from: %2$s)"), self->track, tracks);
      return FALSE;
    }
  if (self->capacity > LIAISON_EVENT_MAX_CAPACITY && (before == NULL || self->capacity != before->capacity))
    {
      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                   /* Translators: %1$u is the capacity given, %2$u the largest allowed */
                   _ ("A capacity of %1$u is more than Liaison takes (at most %2$u; 0 for no limit)"),
                   self->capacity, (guint) LIAISON_EVENT_MAX_CAPACITY);
      return FALSE;
    }
  return TRUE;
}

int
liaison_event_get_year (LiaisonEvent *self)
{
  int year = 0;

  liaison_parse_local_time (self->start, NULL, &year, NULL, NULL, NULL, NULL);
  return year;
}

int
liaison_event_get_month (LiaisonEvent *self)
{
  int month = 0;

  if (self->precision == LIAISON_DATE_PRECISION_YEAR)
    return 0;
  liaison_parse_local_time (self->start, NULL, NULL, &month, NULL, NULL, NULL);
  return month;
}

static GDateTime *
to_date_time (const char *text,
              const char *time_zone)
{
  g_autoptr (GTimeZone) tz = NULL;
  int y, mo, d, h, mi;

  if (!liaison_parse_local_time (text, NULL, &y, &mo, &d, &h, &mi))
    return NULL;
  tz = liaison_time_zone_new (time_zone);
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

GDateTime *
liaison_event_dup_start_date_time (LiaisonEvent *self)
{
  return to_date_time (self->start, self->time_zone);
}

GDateTime *
liaison_event_dup_end_date_time (LiaisonEvent *self)
{
  return to_date_time (self->end ? self->end : self->start, self->time_zone);
}

const char *
liaison_event_get_venue (LiaisonEvent *self)
{
  return self->venue;
}

void
liaison_event_set_venue (LiaisonEvent *self,
                         const char   *venue)
{
  set_string (self, &self->venue, venue, PROP_VENUE);
}

const char *
liaison_event_get_country (LiaisonEvent *self)
{
  return self->country;
}

void
liaison_event_set_country (LiaisonEvent *self,
                           const char   *country)
{
  set_string (self, &self->country, country, PROP_COUNTRY);
}

const char *
liaison_event_get_online_url (LiaisonEvent *self)
{
  return self->online_url;
}

void
liaison_event_set_online_url (LiaisonEvent *self,
                              const char   *url)
{
  set_string (self, &self->online_url, url, PROP_0);
}

const char *
liaison_event_get_organisers (LiaisonEvent *self)
{
  return self->organisers;
}

void
liaison_event_set_organisers (LiaisonEvent *self,
                              const char   *organisers)
{
  set_string (self, &self->organisers, organisers, PROP_0);
}

const char *
liaison_event_get_partners (LiaisonEvent *self)
{
  return self->partners;
}

void
liaison_event_set_partners (LiaisonEvent *self,
                            const char   *partners)
{
  set_string (self, &self->partners, partners, PROP_0);
}

guint
liaison_event_get_capacity (LiaisonEvent *self)
{
  return self->capacity;
}

void
liaison_event_set_capacity (LiaisonEvent *self,
                            guint         capacity)
{
  if (self->capacity == capacity)
    return;
  self->capacity = capacity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPACITY]);
}

const char *
liaison_event_get_registration_deadline (LiaisonEvent *self)
{
  return self->registration_deadline;
}

void
liaison_event_set_registration_deadline (LiaisonEvent *self,
                                         const char   *date)
{
  set_string (self, &self->registration_deadline, date, PROP_0);
}

double
liaison_event_get_budget (LiaisonEvent *self)
{
  return self->budget;
}

const char *
liaison_event_get_currency (LiaisonEvent *self)
{
  return self->currency;
}

LiaisonFundingSource
liaison_event_get_funding (LiaisonEvent *self)
{
  return self->funding;
}

void
liaison_event_set_budget (LiaisonEvent        *self,
                          double               amount,
                          const char          *currency,
                          LiaisonFundingSource funding)
{
  self->budget = amount;
  set_string (self, &self->currency, currency, PROP_0);
  self->funding = funding;
}

const char *
liaison_event_get_track (LiaisonEvent *self)
{
  return self->track;
}

void
liaison_event_set_track (LiaisonEvent *self,
                         const char   *track)
{
  set_string (self, &self->track, track, PROP_0);
}

const char *
liaison_event_get_recurrence (LiaisonEvent *self)
{
  return self->recurrence;
}

void
liaison_event_set_recurrence (LiaisonEvent *self,
                              const char   *rrule)
{
  set_string (self, &self->recurrence, rrule, PROP_0);
}

const char *const *
liaison_event_get_activities (LiaisonEvent *self)
{
  return (const char *const *) self->activities;
}

void
liaison_event_set_activities (LiaisonEvent      *self,
                              const char *const *codes)
{
  g_strfreev (self->activities);
  self->activities = g_strdupv ((char **) codes);
}

const char *const *
liaison_event_get_areas (LiaisonEvent *self)
{
  return (const char *const *) self->areas;
}

void
liaison_event_set_areas (LiaisonEvent      *self,
                         const char *const *areas)
{
  g_strfreev (self->areas);
  self->areas = g_strdupv ((char **) areas);
}
