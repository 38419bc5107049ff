/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include "liaison-json.h"

/* The JSON the command line prints: documented field by field in the README,
 * so scripts can rely on it. Absent values are left out, not null. */

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

static void
add_strv (JsonBuilder       *b,
          const char        *name,
          const char *const *values)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    json_builder_add_string_value (b, values[i]);
  json_builder_end_array (b);
}

static void
add_bilingual (JsonBuilder      *b,
               const char       *name,
               LiaisonBilingual *text)
{
  g_autofree char *zh = g_strconcat (name, "_zh", NULL);
  g_autofree char *en = g_strconcat (name, "_en", NULL);

  add_string (b, zh, liaison_bilingual_get_text (text, LIAISON_LANGUAGE_ZH));
  add_string (b, en, liaison_bilingual_get_text (text, LIAISON_LANGUAGE_EN));
}

JsonNode *
liaison_json_from_event (LiaisonEvent *event)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_string (b, "id", liaison_event_get_id (event));
  add_string (b, "kind", liaison_enum_to_nick (LIAISON_TYPE_EVENT_KIND, liaison_event_get_kind (event)));
  add_string (b, "status", liaison_enum_to_nick (LIAISON_TYPE_EVENT_STATUS, liaison_event_get_status (event)));
  add_string (b, "mode", liaison_enum_to_nick (LIAISON_TYPE_EVENT_MODE, liaison_event_get_mode (event)));
  add_bilingual (b, "title", liaison_event_get_title (event));
  add_bilingual (b, "theme", liaison_event_get_theme (event));
  add_string (b, "start", liaison_event_get_start (event));
  add_string (b, "end", liaison_event_get_end (event));
  add_string (b, "time_zone", liaison_event_get_time_zone (event));
  json_builder_set_member_name (b, "year");
  json_builder_add_int_value (b, liaison_event_get_year (event));
  add_bilingual (b, "city", liaison_event_get_city (event));
  add_string (b, "country", liaison_event_get_country (event));
  add_string (b, "venue", liaison_event_get_venue (event));
  if (liaison_event_get_capacity (event) > 0)
    {
      json_builder_set_member_name (b, "capacity");
      json_builder_add_int_value (b, liaison_event_get_capacity (event));
    }
  add_string (b, "track", liaison_event_get_track (event));
  add_strv (b, "activities", liaison_event_get_activities (event));
  add_strv (b, "areas", liaison_event_get_areas (event));
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

JsonNode *
liaison_json_from_participant (LiaisonParticipant *p)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *native = liaison_participant_dup_native_name (p);
  g_autofree char *latin = liaison_participant_dup_latin_name (p);

  json_builder_begin_object (b);
  add_string (b, "id", liaison_participant_get_id (p));
  add_string (b, "name", native);
  add_string (b, "name_latin", latin);
  add_string (b, "family_name", liaison_participant_get_family_native (p));
  add_string (b, "given_name", liaison_participant_get_given_native (p));
  add_string (b, "family_name_latin", liaison_participant_get_family_latin (p));
  add_string (b, "given_name_latin", liaison_participant_get_given_latin (p));
  add_string (b, "name_order", liaison_enum_to_nick (LIAISON_TYPE_NAME_ORDER, liaison_participant_get_name_order (p)));
  add_string (b, "honorific", liaison_participant_get_honorific (p));
  add_string (b, "gender", liaison_enum_to_nick (LIAISON_TYPE_GENDER, liaison_participant_get_gender (p)));
  add_bilingual (b, "organisation", liaison_participant_get_organisation (p));
  add_bilingual (b, "position", liaison_participant_get_position (p));
  add_string (b, "sector", liaison_enum_to_nick (LIAISON_TYPE_SECTOR, liaison_participant_get_sector (p)));
  add_string (b, "country", liaison_participant_get_country (p));
  add_strv (b, "emails", liaison_participant_get_emails (p));
  add_strv (b, "phones", liaison_participant_get_phones (p));
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

JsonNode *
liaison_json_from_registration (LiaisonRegistration *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  LiaisonRegistrationStatus status = liaison_registration_get_status (r);

  json_builder_begin_object (b);
  add_string (b, "id", liaison_registration_get_id (r));
  add_string (b, "event", liaison_registration_get_event_id (r));
  add_string (b, "participant", liaison_registration_get_participant_id (r));
  add_string (b, "role", liaison_enum_to_nick (LIAISON_TYPE_ROLE, liaison_registration_get_role (r)));
  add_string (b, "status", liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, status));
  add_string (b, "status_time", liaison_registration_get_status_time (r, status));
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

char *
liaison_json_to_string (JsonNode *node)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();

  json_generator_set_root (gen, node);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  return json_generator_to_data (gen, NULL);
}
