/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-core-error.h"
#include "liaison-country.h"
#include "liaison-participant.h"
#include "liaison-text.h"
#include "liaison-uuid.h"

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

  /* Spaces alone are no name, no honorific: nothing. */
  if (copy != NULL && *copy == '\0')
    g_clear_pointer (&copy, g_free);

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

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  /* No space, line break or control character: "a@b.cn\nBcc: …" is two
   * lines, not an address. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) || g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;
  return at != NULL && at != text && strchr (at + 1, '.') != NULL && strchr (at + 1, '@') == NULL;
}

typedef struct
{
  const char     *text;
  LiaisonTextKind kind;
  const char     *label;
} TextField;

#define N_TEXT_FIELDS 9

static void
text_fields (LiaisonParticipant *self,
             TextField           fields[N_TEXT_FIELDS])
{
  guint i = 0;

  fields[i++] = (TextField){ self->family_native, LIAISON_TEXT_NAME, _ ("family name") };
  fields[i++] = (TextField){ self->given_native, LIAISON_TEXT_NAME, _ ("given name") };
  fields[i++] = (TextField){ self->family_latin, LIAISON_TEXT_NAME, _ ("family name in Latin script") };
  fields[i++] = (TextField){ self->given_latin, LIAISON_TEXT_NAME, _ ("given name in Latin script") };
  fields[i++] = (TextField){ self->honorific, LIAISON_TEXT_SHORT, _ ("honorific") };
  fields[i++] = (TextField){ liaison_bilingual_get_text (self->organisation, LIAISON_LANGUAGE_ZH), LIAISON_TEXT_ORGANISATION, _ ("organisation (Chinese)") };
  fields[i++] = (TextField){ liaison_bilingual_get_text (self->organisation, LIAISON_LANGUAGE_EN), LIAISON_TEXT_ORGANISATION, _ ("organisation (English)") };
  fields[i++] = (TextField){ liaison_bilingual_get_text (self->position, LIAISON_LANGUAGE_ZH), LIAISON_TEXT_POSITION, _ ("position (Chinese)") };
  fields[i++] = (TextField){ liaison_bilingual_get_text (self->position, LIAISON_LANGUAGE_EN), LIAISON_TEXT_POSITION, _ ("position (English)") };
  g_assert (i == N_TEXT_FIELDS);
}

static gboolean
check_list (char          **items,
            char          **old_items,
            gboolean        compare,
            LiaisonTextKind kind,
            const char     *label,
            GError        **error)
{
  gboolean changed = !compare;

  if (compare)
    {
      guint n = items != NULL ? g_strv_length (items) : 0;

      changed = n != (old_items != NULL ? g_strv_length (old_items) : 0);
      for (guint i = 0; !changed && i < n; i++)
        changed = g_strcmp0 (items[i], old_items[i]) != 0;
    }
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (!liaison_text_check_field (items[i], kind, label, changed, error))
      return FALSE;
  return TRUE;
}

/* What every stored person's texts are, wherever they came from (a name
 * pulled from a server is kept whole, however long). */
gboolean
liaison_participant_check_kept (LiaisonParticipant *self,
                                GError            **error)
{
  TextField fields[N_TEXT_FIELDS];

  g_return_val_if_fail (LIAISON_IS_PARTICIPANT (self), FALSE);

  text_fields (self, fields);
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (!liaison_text_check_field (fields[i].text, fields[i].kind, fields[i].label, FALSE, error))
      return FALSE;
  return check_list (self->emails, NULL, FALSE, LIAISON_TEXT_EMAIL, _ ("e-mail addresses"), error) &&
         check_list (self->phones, NULL, FALSE, LIAISON_TEXT_PHONE, _ ("phone numbers"), error) &&
         check_list (self->languages, NULL, FALSE, LIAISON_TEXT_SHORT, _ ("languages"), error);
}

/* The rule of liaison-text.h for each text a change made here gives a
 * person as they were before (NULL: someone new); what did not change
 * stays as it was. */
gboolean
liaison_participant_check_changes (LiaisonParticipant *self,
                                   LiaisonParticipant *before,
                                   GError            **error)
{
  TextField fields[N_TEXT_FIELDS], old_fields[N_TEXT_FIELDS];
  gboolean  compare = before != NULL;

  g_return_val_if_fail (LIAISON_IS_PARTICIPANT (self), FALSE);
  g_return_val_if_fail (before == NULL || LIAISON_IS_PARTICIPANT (before), FALSE);

  text_fields (self, fields);
  if (compare)
    text_fields (before, old_fields);
  for (guint i = 0; i < N_TEXT_FIELDS; i++)
    if (!liaison_text_check_field (fields[i].text, fields[i].kind, fields[i].label,
                                   !compare || g_strcmp0 (fields[i].text, old_fields[i].text) != 0, error))
      return FALSE;
  return check_list (self->emails, compare ? before->emails : NULL, compare, LIAISON_TEXT_EMAIL, _ ("e-mail addresses"), error) &&
         check_list (self->phones, compare ? before->phones : NULL, compare, LIAISON_TEXT_PHONE, _ ("phone numbers"), error) &&
         check_list (self->languages, compare ? before->languages : NULL, compare, LIAISON_TEXT_SHORT, _ ("languages"), error);
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
        g_autofree char *shown = g_utf8_make_valid (self->emails[i], -1);

        g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                     _ ("“%s” is not an e-mail address"), shown);
        return FALSE;
      }

  return TRUE;
}
