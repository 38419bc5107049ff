/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-gui-format.h"
#include "liaison-registration-item.h"

struct _LiaisonRegistrationItem
{
  GObject parent_instance;

  LiaisonRegistration *registration;
  LiaisonParticipant  *participant;
  char                *name;
  char                *delegation;
  char                *checked_in;
  guint                waitlist_place;
  guint                waitlist_length;
  char                *status_label;
};

G_DEFINE_FINAL_TYPE (LiaisonRegistrationItem, liaison_registration_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_NAME,
  PROP_DELEGATION,
  PROP_STATUS_LABEL,
  PROP_CHECKED_IN,
  PROP_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
liaison_registration_item_finalize (GObject *object)
{
  LiaisonRegistrationItem *self = (LiaisonRegistrationItem *) object;

  g_clear_object (&self->registration);
  g_clear_object (&self->participant);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->delegation, g_free);
  g_clear_pointer (&self->checked_in, g_free);
  g_clear_pointer (&self->status_label, g_free);

  G_OBJECT_CLASS (liaison_registration_item_parent_class)->finalize (object);
}

static void
liaison_registration_item_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  LiaisonRegistrationItem *self = (LiaisonRegistrationItem *) object;

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_DELEGATION:
      g_value_set_string (value, self->delegation);
      break;
    case PROP_STATUS_LABEL:
      g_value_set_string (value, liaison_registration_item_get_status_label (self));
      break;
    case PROP_CHECKED_IN:
      g_value_set_string (value, self->checked_in);
      break;
    case PROP_CODE:
      g_value_set_string (value, liaison_registration_item_get_code (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_registration_item_class_init (LiaisonRegistrationItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = liaison_registration_item_finalize;
  object_class->get_property = liaison_registration_item_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELEGATION] =
      g_param_spec_string ("delegation", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_LABEL] =
      g_param_spec_string ("status-label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHECKED_IN] =
      g_param_spec_string ("checked-in", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_registration_item_init (LiaisonRegistrationItem *self)
{
}

LiaisonRegistrationItem *
liaison_registration_item_new (LiaisonRegistration *registration,
                               LiaisonParticipant  *participant)
{
  LiaisonRegistrationItem *self = g_object_new (LIAISON_TYPE_REGISTRATION_ITEM, NULL);
  const LiaisonCountry    *country = liaison_country_lookup (liaison_registration_get_delegation (registration));
  const char              *attended = liaison_registration_get_status_time (registration, LIAISON_REGISTRATION_ATTENDED);

  self->registration = g_object_ref (registration);
  self->participant = participant != NULL ? g_object_ref (participant) : NULL;
  self->name = participant != NULL ? liaison_participant_dup_display_name (participant)
                                   : g_strdup (liaison_registration_get_participant_id (registration));
  self->delegation = g_strdup (country != NULL ? liaison_country_get_name (country, liaison_language_for_locale ())
                                               : "");
  if (attended != NULL && liaison_registration_get_status (registration) == LIAISON_REGISTRATION_ATTENDED)
    {
      g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (attended, NULL);
      g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

      self->checked_in = local != NULL ? liaison_gui_format_time (local) : g_strdup ("");
    }
  else
    self->checked_in = g_strdup ("");
  return self;
}

LiaisonRegistration *
liaison_registration_item_get_registration (LiaisonRegistrationItem *self)
{
  return self->registration;
}

LiaisonParticipant *
liaison_registration_item_get_participant (LiaisonRegistrationItem *self)
{
  return self->participant;
}

const char *
liaison_registration_item_get_name (LiaisonRegistrationItem *self)
{
  return self->name;
}

const char *
liaison_registration_item_get_delegation (LiaisonRegistrationItem *self)
{
  return self->delegation;
}

/* “Waitlisted · 2nd” for a person on the waitlist, else the status. */
const char *
liaison_registration_item_get_status_label (LiaisonRegistrationItem *self)
{
  if (self->status_label != NULL)
    return self->status_label;
  return liaison_registration_status_label (liaison_registration_get_status (self->registration));
}

/* 1 for the first on the waitlist, 0 for a person not on it. */
guint
liaison_registration_item_get_waitlist_place (LiaisonRegistrationItem *self)
{
  return self->waitlist_place;
}

/* How many are on the waitlist this person is on. */
guint
liaison_registration_item_get_waitlist_length (LiaisonRegistrationItem *self)
{
  return self->waitlist_length;
}

void
liaison_registration_item_set_waitlist_place (LiaisonRegistrationItem *self,
                                              guint                    place,
                                              guint                    length)
{
  g_autoptr (GString) label = NULL;
  g_autofree char *ordinal = NULL;

  self->waitlist_place = place;
  self->waitlist_length = length;
  g_clear_pointer (&self->status_label, g_free);
  if (place == 0)
    return;
  label = g_string_new (liaison_registration_status_label (liaison_registration_get_status (self->registration)));
  ordinal = liaison_gui_format_waitlist_place (place);
  liaison_gui_append_part (label, ordinal);
  self->status_label = g_string_free (g_steal_pointer (&label), FALSE);
}

const char *
liaison_registration_item_get_checked_in (LiaisonRegistrationItem *self)
{
  return self->checked_in;
}

/* The code a badge prints and a scanner reads (the id's random end). */
const char *
liaison_registration_item_get_code (LiaisonRegistrationItem *self)
{
  return liaison_uuid_short (liaison_registration_get_id (self->registration));
}
