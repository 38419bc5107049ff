/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include "liaison-link-item.h"

/* One line of a list that leads somewhere: what it says, and the window
 * action (with its string parameter) that opens what it names: the items
 * of the Overview's lists and search results. */
struct _LiaisonLinkItem
{
  GObject parent_instance;

  char *title;
  char *subtitle;
  char *action_name;
  char *target;
};

G_DEFINE_FINAL_TYPE (LiaisonLinkItem, liaison_link_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_ACTION_NAME,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
liaison_link_item_finalize (GObject *object)
{
  LiaisonLinkItem *self = (LiaisonLinkItem *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->action_name, g_free);
  g_clear_pointer (&self->target, g_free);

  G_OBJECT_CLASS (liaison_link_item_parent_class)->finalize (object);
}

static void
liaison_link_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaisonLinkItem *self = LIAISON_LINK_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_ACTION_NAME:
      g_value_set_string (value, self->action_name);
      break;
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_link_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaisonLinkItem *self = LIAISON_LINK_ITEM (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    case PROP_SUBTITLE:
      self->subtitle = g_value_dup_string (value);
      break;
    case PROP_ACTION_NAME:
      self->action_name = g_value_dup_string (value);
      break;
    case PROP_TARGET:
      self->target = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_link_item_class_init (LiaisonLinkItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = liaison_link_item_finalize;
  object_class->get_property = liaison_link_item_get_property;
  object_class->set_property = liaison_link_item_set_property;

  properties[PROP_TITLE] =
      g_param_spec_string ("title", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
      g_param_spec_string ("subtitle", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_NAME] =
      g_param_spec_string ("action-name", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
      g_param_spec_string ("target", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_link_item_init (LiaisonLinkItem *self)
{
}

LiaisonLinkItem *
liaison_link_item_new (const char *title,
                       const char *subtitle,
                       const char *action_name,
                       const char *target)
{
  return g_object_new (LIAISON_TYPE_LINK_ITEM,
                       "title", title,
                       "subtitle", subtitle,
                       "action-name", action_name,
                       "target", target,
                       NULL);
}

const char *
liaison_link_item_get_title (LiaisonLinkItem *self)
{
  return self->title;
}

const char *
liaison_link_item_get_subtitle (LiaisonLinkItem *self)
{
  return self->subtitle;
}

const char *
liaison_link_item_get_action_name (LiaisonLinkItem *self)
{
  return self->action_name;
}

const char *
liaison_link_item_get_target (LiaisonLinkItem *self)
{
  return self->target;
}

/* The action's parameter as a floating GVariant, NULL without one. */
GVariant *
liaison_link_item_get_action_target (LiaisonLinkItem *self)
{
  return self->target != NULL ? g_variant_new_string (self->target) : NULL;
}
