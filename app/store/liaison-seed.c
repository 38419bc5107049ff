/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <json-glib/json-glib.h>

#include "liaison-seed.h"

/* First-run content: the 2021–2025 action plan (section 6 of the framework)
 * and the 2011–2020 history of its annex, both shipped in the GResource.
 * See docs/data-sources.md for where each record comes from. */

#define DATA_PATH "/org/chinaaseanenv/Liaison/data/"

static JsonNode *
load_json (GResource  *resource,
           const char *name,
           GError    **error)
{
  g_autofree char *path = g_strconcat (DATA_PATH, name, NULL);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();

  bytes = g_resource_lookup_data (resource, path, 0, error);
  if (bytes == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    {
      g_prefix_error (error, "%s: ", name);
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return json_node_get_string (node);
}

static gboolean
insert_plan_item (LiaisonStore    *self,
                  LiaisonPlanLevel level,
                  const char      *code,
                  const char      *label,
                  JsonObject      *object,
                  int              position,
                  GError         **error)
{
  g_autoptr (LiaisonPlanItem) item =
      liaison_plan_item_new (level, code, label, member_string (object, "title_zh"), member_string (object, "title_en"));

  liaison_bilingual_set_state (liaison_plan_item_get_title (item), LIAISON_LANGUAGE_EN, LIAISON_TRANSLATION_TRANSLATED);
  return liaison_store_add_plan_item (self, item, member_string (object, "schedule"), position, error);
}

gboolean
liaison_seed_load_plan (LiaisonStore *self,
                        GResource    *resource,
                        GError      **error)
{
  g_autoptr (JsonNode) root = load_json (resource, "action-plan.json", error);
  JsonArray *directions;
  int        position = 0;

  if (root == NULL)
    return FALSE;

  directions = json_object_get_array_member (json_node_get_object (root), "directions");
  for (guint d = 0; d < json_array_get_length (directions); d++)
    {
      JsonObject      *direction = json_array_get_object_element (directions, d);
      g_autofree char *dcode = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (direction, "number"));
      JsonArray       *actions = json_object_get_array_member (direction, "actions");

      if (!insert_plan_item (self, LIAISON_PLAN_LEVEL_DIRECTION, dcode, dcode, direction, position++, error))
        return FALSE;

      for (guint a = 0; a < json_array_get_length (actions); a++)
        {
          JsonObject      *action = json_array_get_object_element (actions, a);
          g_autofree char *alabel = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (action, "number"));
          g_autofree char *acode = g_strconcat (dcode, ".", alabel, NULL);
          JsonArray       *activities = json_object_get_array_member (action, "activities");

          if (!insert_plan_item (self, LIAISON_PLAN_LEVEL_ACTION, acode, alabel, action, position++, error))
            return FALSE;

          for (guint i = 0; i < json_array_get_length (activities); i++)
            {
              JsonObject *activity = json_array_get_object_element (activities, i);

              if (!insert_plan_item (self, LIAISON_PLAN_LEVEL_ACTIVITY, member_string (activity, "code"),
                                     member_string (activity, "label"), activity, position++, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static char *
join_places (JsonArray  *places,
             const char *member,
             const char *separator)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (places); i++)
    {
      const char *city = member_string (json_array_get_object_element (places, i), member);

      if (city == NULL)
        continue;
      if (s->len > 0)
        g_string_append (s, separator);
      g_string_append (s, city);
    }
  return s->len > 0 ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}

static void
set_translated (LiaisonBilingual *text,
                const char       *zh,
                const char       *en)
{
  liaison_bilingual_set_text (text, LIAISON_LANGUAGE_ZH, zh);
  liaison_bilingual_set_text (text, LIAISON_LANGUAGE_EN, en);
  liaison_bilingual_set_state (text, LIAISON_LANGUAGE_EN, LIAISON_TRANSLATION_TRANSLATED);
}

gboolean
liaison_seed_load_history (LiaisonStore *self,
                           GResource    *resource,
                           GError      **error)
{
  g_autoptr (JsonNode) root = load_json (resource, "history-2011-2020.json", error);
  JsonObject *top;
  JsonArray  *areas, *events;

  if (root == NULL)
    return FALSE;
  top = json_node_get_object (root);

  areas = json_object_get_array_member (top, "areas");
  for (guint i = 0; i < json_array_get_length (areas); i++)
    {
      JsonObject *area = json_array_get_object_element (areas, i);

      if (!liaison_store_add_area (self, member_string (area, "id"), member_string (area, "title_zh"),
                                   member_string (area, "title_en"), i, error))
        return FALSE;
    }

  events = json_object_get_array_member (top, "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject      *e = json_array_get_object_element (events, i);
      int              year = json_object_get_int_member (e, "year");
      JsonNode        *month_node = json_object_get_member (e, "month");
      JsonNode        *end_node = json_object_get_member (e, "end_year");
      int              month = month_node && !JSON_NODE_HOLDS_NULL (month_node) ? json_node_get_int (month_node) : 0;
      int              end_year = end_node && !JSON_NODE_HOLDS_NULL (end_node) ? json_node_get_int (end_node) : 0;
      JsonArray       *places = json_object_get_array_member (e, "places");
      JsonArray       *area_ids = json_object_get_array_member (e, "areas");
      const char      *title_zh = member_string (e, "title_zh");
      g_autofree char *start = month > 0 ? g_strdup_printf ("%04d-%02d", year, month) : g_strdup_printf ("%04d", year);
      g_autofree char *end = end_year > 0 ? g_strdup_printf ("%04d", end_year) : NULL;
      /* Derived from the record itself, so every install gives the same
       * identifier and two offices never duplicate the shared history. */
      g_autofree char *name = g_strdup_printf ("liaison:history:%s:%s", start, title_zh);
      g_autofree char *id = liaison_uuid_new_for_name (name);
      g_autoptr (LiaisonEvent) event = liaison_event_new (id);
      g_autofree char *city_zh = join_places (places, "city_zh", "、");
      g_autofree char *city_en = join_places (places, "city_en", ", ");
      g_autoptr (GPtrArray) area_list = g_ptr_array_new ();
      int kind = LIAISON_EVENT_KIND_OTHER;

      liaison_enum_from_nick (LIAISON_TYPE_EVENT_KIND, member_string (e, "kind"), &kind);
      liaison_event_set_kind (event, kind);
      liaison_event_set_status (event, LIAISON_EVENT_STATUS_HELD);
      if (!liaison_event_set_when (event, start, end, NULL, error))
        return FALSE;
      set_translated (liaison_event_get_title (event), title_zh, member_string (e, "title_en"));
      set_translated (liaison_event_get_theme (event), member_string (e, "theme_zh"), member_string (e, "theme_en"));
      set_translated (liaison_event_get_description (event), member_string (e, "description_zh"),
                      member_string (e, "description_en"));
      set_translated (liaison_event_get_city (event), city_zh, city_en);
      if (json_array_get_length (places) > 0)
        liaison_event_set_country (event, member_string (json_array_get_object_element (places, 0), "country"));

      for (guint a = 0; a < json_array_get_length (area_ids); a++)
        g_ptr_array_add (area_list, (gpointer) json_array_get_string_element (area_ids, a));
      g_ptr_array_add (area_list, NULL);
      liaison_event_set_areas (event, (const char *const *) area_list->pdata);

      if (!liaison_store_save_event (self, event, LIAISON_ORIGIN_BUILT_IN, error))
        {
          g_prefix_error (error, "history event %u: ", i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* The Green Envoys Programme and its tracks, as core has them built in;
 * from here on translators edit the database's copy. */
gboolean
liaison_seed_load_programmes (LiaisonStore *self,
                              GError      **error)
{
  guint                        n_tracks;
  const LiaisonProgrammeTrack *tracks = liaison_programme_get_tracks (&n_tracks);

  for (guint i = 0; i <= n_tracks; i++)
    {
      const char *id = i == 0 ? LIAISON_PROGRAMME_GREEN_ENVOYS : tracks[i - 1].id;
      const char *zh = i == 0 ? liaison_programme_get_title (LIAISON_LANGUAGE_ZH) : tracks[i - 1].title_zh;
      const char *en = i == 0 ? liaison_programme_get_title (LIAISON_LANGUAGE_EN) : tracks[i - 1].title_en;
      g_autoptr (LiaisonBilingual) title = liaison_bilingual_new_with_text (LIAISON_LANGUAGE_ZH, zh, en);

      liaison_bilingual_set_state (title, LIAISON_LANGUAGE_EN, LIAISON_TRANSLATION_TRANSLATED);
      if (!liaison_store_add_programme (self, id, i == 0 ? NULL : LIAISON_PROGRAMME_GREEN_ENVOYS, title, i, error))
        return FALSE;
    }
  return TRUE;
}
