/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-event-item.h"
#include "liaison-gui-format.h"

struct _LiaisonEventItem
{
  GObject parent_instance;

  LiaisonEvent *event;
  char         *title;
  char         *details;
};

G_DEFINE_FINAL_TYPE (LiaisonEventItem, liaison_event_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_IS_HEADING,
  PROP_IS_EVENT,
  PROP_EVENT,
  PROP_TITLE,
  PROP_DETAILS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
liaison_event_item_finalize (GObject *object)
{
  LiaisonEventItem *self = (LiaisonEventItem *) object;

  g_clear_object (&self->event);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->details, g_free);

  G_OBJECT_CLASS (liaison_event_item_parent_class)->finalize (object);
}

static void
liaison_event_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LiaisonEventItem *self = (LiaisonEventItem *) object;

  switch (prop_id)
    {
    case PROP_IS_HEADING:
      g_value_set_boolean (value, self->event == NULL);
      break;
    case PROP_IS_EVENT:
      g_value_set_boolean (value, self->event != NULL);
      break;
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DETAILS:
      g_value_set_string (value, self->details);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_event_item_class_init (LiaisonEventItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = liaison_event_item_finalize;
  object_class->get_property = liaison_event_item_get_property;

  properties[PROP_IS_HEADING] =
      g_param_spec_boolean ("is-heading", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_EVENT] =
      g_param_spec_boolean ("is-event", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT] =
      g_param_spec_object ("event", NULL, NULL, LIAISON_TYPE_EVENT, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAILS] =
      g_param_spec_string ("details", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_event_item_init (LiaisonEventItem *self)
{
}

LiaisonEventItem *
liaison_event_item_new_heading (const char *heading)
{
  LiaisonEventItem *self = g_object_new (LIAISON_TYPE_EVENT_ITEM, NULL);

  self->title = g_strdup (heading);
  return self;
}

/* The title in the interface language (the other one when it has none),
 * and a line of kind · date · place · status. */
LiaisonEventItem *
liaison_event_item_new_event (LiaisonEvent *event)
{
  LiaisonEventItem     *self = g_object_new (LIAISON_TYPE_EVENT_ITEM, NULL);
  LiaisonLanguage       lang = liaison_language_for_locale ();
  const char           *city = liaison_bilingual_get_display (liaison_event_get_city (event), lang);
  const LiaisonCountry *country = liaison_country_lookup (liaison_event_get_country (event));
  g_autofree char      *date = liaison_gui_format_event_date (event);
  g_autoptr (GString) details = g_string_new (liaison_event_kind_label (liaison_event_get_kind (event)));
  g_autofree char *place = liaison_gui_format_place (city, country != NULL ? liaison_country_get_name (country, lang)
                                                                           : NULL);

  self->event = g_object_ref (event);
  self->title = g_strdup (liaison_bilingual_get_display (liaison_event_get_title (event), lang));
  liaison_gui_append_part (details, date);
  liaison_gui_append_part (details, place);
  liaison_gui_append_part (details, liaison_event_status_label (liaison_event_get_status (event)));
  self->details = g_string_free (g_steal_pointer (&details), FALSE);
  return self;
}

gboolean
liaison_event_item_is_heading (LiaisonEventItem *self)
{
  return self->event == NULL;
}

LiaisonEvent *
liaison_event_item_get_event (LiaisonEventItem *self)
{
  return self->event;
}

const char *
liaison_event_item_get_title (LiaisonEventItem *self)
{
  return self->title;
}

const char *
liaison_event_item_get_details (LiaisonEventItem *self)
{
  return self->details;
}
