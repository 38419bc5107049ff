/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "liaison-plan-item.h"

/* One node of the action plan: a strategic direction ("2"), an action
 * ("2.3") or an activity ("2.3.1"). */
struct _LiaisonPlanItem
{
  GObject parent_instance;

  LiaisonPlanLevel  level;
  char             *code;
  char             *label;
  LiaisonBilingual *title;
  LiaisonSchedule  *schedule;
};

G_DEFINE_FINAL_TYPE (LiaisonPlanItem, liaison_plan_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
liaison_plan_item_finalize (GObject *object)
{
  LiaisonPlanItem *self = (LiaisonPlanItem *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_object (&self->title);
  g_clear_pointer (&self->schedule, liaison_schedule_unref);

  G_OBJECT_CLASS (liaison_plan_item_parent_class)->finalize (object);
}

static void
liaison_plan_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaisonPlanItem *self = LIAISON_PLAN_ITEM (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_TITLE:
      g_value_set_object (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_plan_item_class_init (LiaisonPlanItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = liaison_plan_item_finalize;
  object_class->get_property = liaison_plan_item_get_property;

  properties[PROP_CODE] =
      g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
      g_param_spec_object ("title", NULL, NULL, LIAISON_TYPE_BILINGUAL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_plan_item_init (LiaisonPlanItem *self)
{
}

LiaisonPlanItem *
liaison_plan_item_new (LiaisonPlanLevel level,
                       const char      *code,
                       const char      *label,
                       const char      *title_zh,
                       const char      *title_en)
{
  LiaisonPlanItem *self = g_object_new (LIAISON_TYPE_PLAN_ITEM, NULL);

  self->level = level;
  self->code = g_strdup (code);
  self->label = g_strdup (label);
  self->title = liaison_bilingual_new_with_text (LIAISON_LANGUAGE_ZH, title_zh, title_en);
  return self;
}

LiaisonPlanLevel
liaison_plan_item_get_level (LiaisonPlanItem *self)
{
  return self->level;
}

const char *
liaison_plan_item_get_code (LiaisonPlanItem *self)
{
  return self->code;
}

const char *
liaison_plan_item_get_label (LiaisonPlanItem *self)
{
  return self->label;
}

char *
liaison_plan_item_dup_parent_code (LiaisonPlanItem *self)
{
  const char *dot = strrchr (self->code, '.');

  return dot != NULL ? g_strndup (self->code, dot - self->code) : NULL;
}

LiaisonBilingual *
liaison_plan_item_get_title (LiaisonPlanItem *self)
{
  return self->title;
}

LiaisonSchedule *
liaison_plan_item_get_schedule (LiaisonPlanItem *self)
{
  return self->schedule;
}

void
liaison_plan_item_set_schedule (LiaisonPlanItem *self,
                                LiaisonSchedule *schedule)
{
  g_clear_pointer (&self->schedule, liaison_schedule_unref);
  if (schedule != NULL)
    self->schedule = liaison_schedule_ref (schedule);
}

/* "1.2.10" after "1.2.9": compare dotted codes number by number. */
int
liaison_plan_code_compare (const char *a,
                           const char *b)
{
  for (;;)
    {
      char *end_a, *end_b;
      long  na = strtol (a, &end_a, 10);
      long  nb = strtol (b, &end_b, 10);

      if (end_a == a || end_b == b)
        return strcmp (a, b);
      if (na != nb)
        return na < nb ? -1 : 1;
      if (*end_a != '.' || *end_b != '.')
        return (*end_a == '.') - (*end_b == '.');
      a = end_a + 1;
      b = end_b + 1;
    }
}
