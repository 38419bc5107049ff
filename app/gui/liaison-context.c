/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include "liaison-context.h"

#if HAVE__NL_TIME_FIRST_WEEKDAY
#include <langinfo.h>
#endif

/* What every window and page needs, handed to them as a construct property
 * rather than fetched from a global, so a test can build a window on a
 * temporary database. */
struct _LiaisonContext
{
  GObject parent_instance;

  LiaisonStore      *store;
  GSettings         *settings;
  LiaisonSyncEngine *sync_engine;
};

G_DEFINE_FINAL_TYPE (LiaisonContext, liaison_context, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
liaison_context_dispose (GObject *object)
{
  LiaisonContext *self = (LiaisonContext *) object;

  g_clear_object (&self->sync_engine);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (liaison_context_parent_class)->dispose (object);
}

static void
liaison_context_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonContext *self = LIAISON_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_context_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonContext *self = LIAISON_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The one sync engine of this store (DESIGN.md: the context owns it), and
 * the store's watch on other writers. */
static void
liaison_context_constructed (GObject *object)
{
  LiaisonContext *self = (LiaisonContext *) object;

  G_OBJECT_CLASS (liaison_context_parent_class)->constructed (object);
  if (self->store != NULL)
    {
      self->sync_engine = liaison_sync_engine_new (self->store, self->settings);
      /* Every view follows the file, whoever writes it: the CLI, a script,
       * a second window. */
      liaison_store_watch_others (self->store, 400);
    }
}

static void
liaison_context_class_init (LiaisonContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = liaison_context_constructed;
  object_class->dispose = liaison_context_dispose;
  object_class->get_property = liaison_context_get_property;
  object_class->set_property = liaison_context_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, LIAISON_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] = g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                                                   G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_context_init (LiaisonContext *self)
{
}

LiaisonContext *
liaison_context_new (LiaisonStore *store, GSettings *settings)
{
  return g_object_new (LIAISON_TYPE_CONTEXT, "store", store, "settings", settings, NULL);
}

LiaisonStore *
liaison_context_get_store (LiaisonContext *self)
{
  return self->store;
}

GSettings *
liaison_context_get_settings (LiaisonContext *self)
{
  return self->settings;
}

LiaisonSyncEngine *
liaison_context_get_sync_engine (LiaisonContext *self)
{
  return self->sync_engine;
}

/* The person's own zone: the one chosen in Preferences, else the system's. */
GTimeZone *
liaison_context_dup_time_zone (LiaisonContext *self)
{
  g_autofree char *id = self->settings != NULL ? g_settings_get_string (self->settings, "time-zone") : NULL;

  if (id != NULL && *id != '\0')
    {
      GTimeZone *zone = g_time_zone_new_identifier (id);

      if (zone != NULL)
        return zone;
    }
  return g_time_zone_new_local ();
}

/* As LC_TIME has it, the way GtkCalendar reads it: glibc gives the first
 * weekday counted from a week origin (a Sunday or a Monday). Monday where
 * the C library does not say (most of the region starts weeks on it). */
static GDateWeekday
locale_first_weekday (void)
{
#if HAVE__NL_TIME_FIRST_WEEKDAY
  union
  {
    unsigned int word;
    char        *string;
  } langinfo;
  int origin, first, day;

  langinfo.string = nl_langinfo (_NL_TIME_FIRST_WEEKDAY);
  first = langinfo.string[0];
  langinfo.string = nl_langinfo (_NL_TIME_WEEK_1STDAY);
  if (langinfo.word == 19971130) /* a Sunday */
    origin = 0;
  else if (langinfo.word == 19971201) /* a Monday */
    origin = 1;
  else
    return G_DATE_MONDAY;
  if (first < 1 || first > 7)
    return G_DATE_MONDAY;
  day = (origin + first - 1) % 7; /* 0 is Sunday */
  return day == 0 ? G_DATE_SUNDAY : (GDateWeekday) day;
#else
  return G_DATE_MONDAY;
#endif
}

GDateWeekday
liaison_context_get_first_weekday (LiaisonContext *self)
{
  g_autofree char *day = self->settings != NULL ? g_settings_get_string (self->settings, "first-day-of-week") : NULL;

  if (g_strcmp0 (day, "sunday") == 0)
    return G_DATE_SUNDAY;
  if (g_strcmp0 (day, "saturday") == 0)
    return G_DATE_SATURDAY;
  if (g_strcmp0 (day, "monday") == 0)
    return G_DATE_MONDAY;
  return locale_first_weekday ();
}
