/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include "liaison-conflict.h"

struct _LiaisonConflict
{
  GObject parent_instance;

  gint64 id;
  char  *entity;
  char  *entity_id;
  char  *field;
  char  *base_value;
  char  *local_value;
  char  *remote_value;
  char  *created;
  char  *resolved;
  char  *resolution;
};

G_DEFINE_FINAL_TYPE (LiaisonConflict, liaison_conflict, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_ENTITY,
  PROP_ENTITY_ID,
  PROP_FIELD,
  PROP_LOCAL_VALUE,
  PROP_REMOTE_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
liaison_conflict_finalize (GObject *object)
{
  LiaisonConflict *self = (LiaisonConflict *) object;

  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->entity_id, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->base_value, g_free);
  g_clear_pointer (&self->local_value, g_free);
  g_clear_pointer (&self->remote_value, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->resolved, g_free);
  g_clear_pointer (&self->resolution, g_free);

  G_OBJECT_CLASS (liaison_conflict_parent_class)->finalize (object);
}

static void
liaison_conflict_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LiaisonConflict *self = LIAISON_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ENTITY:
      g_value_set_string (value, self->entity);
      break;
    case PROP_ENTITY_ID:
      g_value_set_string (value, self->entity_id);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_LOCAL_VALUE:
      g_value_set_string (value, self->local_value);
      break;
    case PROP_REMOTE_VALUE:
      g_value_set_string (value, self->remote_value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_conflict_class_init (LiaisonConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = liaison_conflict_finalize;
  object_class->get_property = liaison_conflict_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_ENTITY] = g_param_spec_string ("entity", NULL, NULL, NULL, ro);
  properties[PROP_ENTITY_ID] = g_param_spec_string ("entity-id", NULL, NULL, NULL, ro);
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, ro);
  properties[PROP_LOCAL_VALUE] = g_param_spec_string ("local-value", NULL, NULL, NULL, ro);
  properties[PROP_REMOTE_VALUE] = g_param_spec_string ("remote-value", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_conflict_init (LiaisonConflict *self)
{
}

LiaisonConflict *
liaison_conflict_new (gint64      id,
                      const char *entity,
                      const char *entity_id,
                      const char *field,
                      const char *base_value,
                      const char *local_value,
                      const char *remote_value,
                      const char *created,
                      const char *resolved,
                      const char *resolution)
{
  LiaisonConflict *self = g_object_new (LIAISON_TYPE_CONFLICT, NULL);

  self->id = id;
  self->entity = g_strdup (entity);
  self->entity_id = g_strdup (entity_id);
  self->field = g_strdup (field);
  self->base_value = g_strdup (base_value);
  self->local_value = g_strdup (local_value);
  self->remote_value = g_strdup (remote_value);
  self->created = g_strdup (created);
  self->resolved = g_strdup (resolved);
  self->resolution = g_strdup (resolution);
  return self;
}

gint64
liaison_conflict_get_id (LiaisonConflict *self)
{
  return self->id;
}

const char *
liaison_conflict_get_entity (LiaisonConflict *self)
{
  return self->entity;
}

const char *
liaison_conflict_get_entity_id (LiaisonConflict *self)
{
  return self->entity_id;
}

const char *
liaison_conflict_get_field (LiaisonConflict *self)
{
  return self->field;
}

const char *
liaison_conflict_get_base_value (LiaisonConflict *self)
{
  return self->base_value;
}

const char *
liaison_conflict_get_local_value (LiaisonConflict *self)
{
  return self->local_value;
}

const char *
liaison_conflict_get_remote_value (LiaisonConflict *self)
{
  return self->remote_value;
}

const char *
liaison_conflict_get_created (LiaisonConflict *self)
{
  return self->created;
}

const char *
liaison_conflict_get_resolved (LiaisonConflict *self)
{
  return self->resolved;
}

const char *
liaison_conflict_get_resolution (LiaisonConflict *self)
{
  return self->resolution;
}
