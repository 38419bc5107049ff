/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include "liaison-context.h"

/* What every window and page needs, handed to them as a construct property
 * rather than fetched from a global, so a test can build a window on a
 * temporary database. */
struct _LiaisonContext
{
  GObject parent_instance;

  LiaisonStore *store;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (LiaisonContext, liaison_context, G_TYPE_OBJECT)

enum {
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

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (liaison_context_parent_class)->dispose (object);
}

static void
liaison_context_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
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
liaison_context_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
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

static void
liaison_context_class_init (LiaisonContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = liaison_context_dispose;
  object_class->get_property = liaison_context_get_property;
  object_class->set_property = liaison_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, LIAISON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_context_init (LiaisonContext *self)
{
}

LiaisonContext *
liaison_context_new (LiaisonStore *store,
                     GSettings    *settings)
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
