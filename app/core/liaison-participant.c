/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-core-error.h"
#include "liaison-country.h"
#include "liaison-uuid.h"
#include "liaison-participant.h"

struct _LiaisonParticipant
{
  GObject parent_instance;

  char *id;
  /* The name in the person's own script and the Latin form they use
   * themselves (passport, e-mail signature): transliteration is only a
   * fallback for search. */
  char             *family_native;
  char             *given_native;
  char             *family_latin;
  char             *given_latin;
  LiaisonNameOrder  name_order;
  char             *honorific;
  LiaisonGender     gender;
  LiaisonBilingual *organisation;
  LiaisonBilingual *position;
  LiaisonSector     sector;
  char             *country;
  char            **emails;
  char            **phones;
  char            **languages;
  gboolean          consent;
  char             *consent_date;
};

G_DEFINE_FINAL_TYPE (LiaisonParticipant, liaison_participant, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_COUNTRY,
  PROP_SECTOR,
  PROP_GENDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
replace (char      **field,
         const char *value)
{
  char *copy = (value != NULL && *value != '\0') ? g_strstrip (g_strdup (value)) : NULL;

  g_free (*field);
  *field = copy;
}

static gboolean
is_wide (const char *text)
{
  gunichar       c = g_utf8_get_char (text);
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_HAN || script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA;
}

/* Han names are written without a space between family and given name. */
static char *
join_name (const char      *family,
           const char      *given,
           LiaisonNameOrder order)
{
  const char *first, *second;

  if (family == NULL || order == LIAISON_NAME_ORDER_MONONYM)
    return g_strdup (given);
  if (given == NULL)
    return g_strdup (family);

  first = order == LIAISON_NAME_ORDER_FAMILY_FIRST ? family : given;
  second = order == LIAISON_NAME_ORDER_FAMILY_FIRST ? given : family;
  if (is_wide (first) && is_wide (second))
    return g_strconcat (first, second, NULL);
  return g_strconcat (first, " ", second, NULL);
}

static void
liaison_participant_finalize (GObject *object)
{
  LiaisonParticipant *self = (LiaisonParticipant *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->family_native, g_free);
  g_clear_pointer (&self->given_native, g_free);
  g_clear_pointer (&self->family_latin, g_free);
  g_clear_pointer (&self->given_latin, g_free);
  g_clear_pointer (&self->honorific, g_free);
  g_clear_object (&self->organisation);
  g_clear_object (&self->position);
  g_clear_pointer (&self->country, g_free);
  g_clear_pointer (&self->emails, g_strfreev);
  g_clear_pointer (&self->phones, g_strfreev);
  g_clear_pointer (&self->languages, g_strfreev);
  g_clear_pointer (&self->consent_date, g_free);

  G_OBJECT_CLASS (liaison_participant_parent_class)->finalize (object);
}

static void
liaison_participant_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaisonParticipant *self = LIAISON_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_take_string (value, liaison_participant_dup_display_name (self));
      break;
    case PROP_COUNTRY:
      g_value_set_string (value, self->country);
      break;
    case PROP_SECTOR:
      g_value_set_enum (value, self->sector);
      break;
    case PROP_GENDER:
      g_value_set_enum (value, self->gender);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_participant_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LiaisonParticipant *self = LIAISON_PARTICIPANT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_COUNTRY:
      liaison_participant_set_country (self, g_value_get_string (value));
      break;
    case PROP_SECTOR:
      liaison_participant_set_sector (self, g_value_get_enum (value));
      break;
    case PROP_GENDER:
      liaison_participant_set_gender (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_participant_class_init (LiaisonParticipantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = liaison_participant_finalize;
  object_class->get_property = liaison_participant_get_property;
  object_class->set_property = liaison_participant_set_property;

  properties[PROP_ID] =
      g_param_spec_string ("id", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
      g_param_spec_string ("display-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, rw);
  properties[PROP_SECTOR] =
      g_param_spec_enum ("sector", NULL, NULL, LIAISON_TYPE_SECTOR, LIAISON_SECTOR_OTHER, rw);
  properties[PROP_GENDER] =
      g_param_spec_enum ("gender", NULL, NULL, LIAISON_TYPE_GENDER, LIAISON_GENDER_UNSPECIFIED, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_participant_init (LiaisonParticipant *self)
{
  self->sector = LIAISON_SECTOR_OTHER;
  self->organisation = liaison_bilingual_new (LIAISON_LANGUAGE_EN);
  self->position = liaison_bilingual_new (LIAISON_LANGUAGE_EN);
}

LiaisonParticipant *
liaison_participant_new (const char *id)
{
  g_autofree char *random_id = NULL;

  if (id == NULL)
    id = random_id = liaison_uuid_new ();
  return g_object_new (LIAISON_TYPE_PARTICIPANT, "id", id, NULL);
}

const char *
liaison_participant_get_id (LiaisonParticipant *self)
{
  g_return_val_if_fail (LIAISON_IS_PARTICIPANT (self), NULL);
  return self->id;
}

void
liaison_participant_set_native_name (LiaisonParticipant *self,
                                     const char         *family,
                                     const char         *given)
{
  replace (&self->family_native, family);
  replace (&self->given_native, given);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

void
liaison_participant_set_latin_name (LiaisonParticipant *self,
                                    const char         *family,
                                    const char         *given)
{
  replace (&self->family_latin, family);
  replace (&self->given_latin, given);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
liaison_participant_get_family_native (LiaisonParticipant *self)
{
  return self->family_native;
}

const char *
liaison_participant_get_given_native (LiaisonParticipant *self)
{
  return self->given_native;
}

const char *
liaison_participant_get_family_latin (LiaisonParticipant *self)
{
  return self->family_latin;
}

const char *
liaison_participant_get_given_latin (LiaisonParticipant *self)
{
  return self->given_latin;
}

LiaisonNameOrder
liaison_participant_get_name_order (LiaisonParticipant *self)
{
  return self->name_order;
}

void
liaison_participant_set_name_order (LiaisonParticipant *self,
                                    LiaisonNameOrder    order)
{
  self->name_order = order;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

char *
liaison_participant_dup_native_name (LiaisonParticipant *self)
{
  return join_name (self->family_native, self->given_native, self->name_order);
}

char *
liaison_participant_dup_latin_name (LiaisonParticipant *self)
{
  return join_name (self->family_latin, self->given_latin, self->name_order);
}

char *
liaison_participant_dup_display_name (LiaisonParticipant *self)
{
  g_autofree char *native = liaison_participant_dup_native_name (self);
  g_autofree char *latin = liaison_participant_dup_latin_name (self);

  if (native != NULL && latin != NULL && g_strcmp0 (native, latin) != 0)
    return g_strdup_printf ("%s (%s)", native, latin);
  if (native != NULL)
    return g_steal_pointer (&native);
  if (latin != NULL)
    return g_steal_pointer (&latin);
  return g_strdup ("");
}

const char *
liaison_participant_get_honorific (LiaisonParticipant *self)
{
  return self->honorific;
}

void
liaison_participant_set_honorific (LiaisonParticipant *self,
                                   const char         *honorific)
{
  replace (&self->honorific, honorific);
}

LiaisonGender
liaison_participant_get_gender (LiaisonParticipant *self)
{
  return self->gender;
}

void
liaison_participant_set_gender (LiaisonParticipant *self,
                                LiaisonGender       gender)
{
  if (self->gender == gender)
    return;
  self->gender = gender;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENDER]);
}

LiaisonBilingual *
liaison_participant_get_organisation (LiaisonParticipant *self)
{
  return self->organisation;
}

LiaisonBilingual *
liaison_participant_get_position (LiaisonParticipant *self)
{
  return self->position;
}

LiaisonSector
liaison_participant_get_sector (LiaisonParticipant *self)
{
  return self->sector;
}

void
liaison_participant_set_sector (LiaisonParticipant *self,
                                LiaisonSector       sector)
{
  if (self->sector == sector)
    return;
  self->sector = sector;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTOR]);
}

const char *
liaison_participant_get_country (LiaisonParticipant *self)
{
  return self->country;
}

void
liaison_participant_set_country (LiaisonParticipant *self,
                                 const char         *country)
{
  if (g_strcmp0 (self->country, country) == 0)
    return;
  replace (&self->country, country);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTRY]);
}

static void
replace_strv (char            ***field,
              const char *const *values)
{
  GPtrArray *kept = g_ptr_array_new ();

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (*values[i] != '\0')
      g_ptr_array_add (kept, g_strstrip (g_strdup (values[i])));
  g_ptr_array_add (kept, NULL);

  g_strfreev (*field);
  *field = (char **) g_ptr_array_free (kept, FALSE);
}

const char *const *
liaison_participant_get_emails (LiaisonParticipant *self)
{
  return (const char *const *) self->emails;
}

void
liaison_participant_set_emails (LiaisonParticipant *self,
                                const char *const  *emails)
{
  replace_strv (&self->emails, emails);
}

const char *const *
liaison_participant_get_phones (LiaisonParticipant *self)
{
  return (const char *const *) self->phones;
}

void
liaison_participant_set_phones (LiaisonParticipant *self,
                                const char *const  *phones)
{
  replace_strv (&self->phones, phones);
}

const char *const *
liaison_participant_get_languages (LiaisonParticipant *self)
{
  return (const char *const *) self->languages;
}

void
liaison_participant_set_languages (LiaisonParticipant *self,
                                   const char *const  *languages)
{
  replace_strv (&self->languages, languages);
}

gboolean
liaison_participant_get_consent (LiaisonParticipant *self)
{
  return self->consent;
}

const char *
liaison_participant_get_consent_date (LiaisonParticipant *self)
{
  return self->consent_date;
}

void
liaison_participant_set_consent (LiaisonParticipant *self,
                                 gboolean            consent,
                                 const char         *date)
{
  self->consent = consent;
  replace (&self->consent_date, consent ? date : NULL);
}

static gboolean
looks_like_email (const char *text)
{
  const char *at = strchr (text, '@');

  return at != NULL && at != text && strchr (at + 1, '.') != NULL && strchr (text, ' ') == NULL && strchr (at + 1, '@') == NULL;
}

gboolean
liaison_participant_validate (LiaisonParticipant *self,
                              GError            **error)
{
  if (self->given_native == NULL && self->family_native == NULL && self->given_latin == NULL && self->family_latin == NULL)
    {
      g_set_error_literal (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                           _ ("A participant needs a name in at least one script"));
      return FALSE;
    }

  if (self->country != NULL && liaison_country_lookup (self->country) == NULL)
    {
      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                   /* Translators: %s is what was given as a country code */
                   _ ("“%s” is not an ISO 3166 country code"), self->country);
      return FALSE;
    }

  for (guint i = 0; self->emails != NULL && self->emails[i] != NULL; i++)
    if (!looks_like_email (self->emails[i]))
      {
        g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                     _ ("“%s” is not an e-mail address"), self->emails[i]);
        return FALSE;
      }

  return TRUE;
}
