/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "liaison-bilingual.h"
#include "liaison-schedule.h"
#include "liaison-types.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PLAN_ITEM (liaison_plan_item_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonPlanItem, liaison_plan_item, LIAISON, PLAN_ITEM, GObject)

LiaisonPlanItem  *liaison_plan_item_new (LiaisonPlanLevel level,
                                         const char      *code,
                                         const char      *label,
                                         const char      *title_zh,
                                         const char      *title_en);
LiaisonPlanLevel  liaison_plan_item_get_level (LiaisonPlanItem *self);
const char       *liaison_plan_item_get_code (LiaisonPlanItem *self);
const char       *liaison_plan_item_get_label (LiaisonPlanItem *self);
char             *liaison_plan_item_dup_parent_code (LiaisonPlanItem *self);
LiaisonBilingual *liaison_plan_item_get_title (LiaisonPlanItem *self);
LiaisonSchedule  *liaison_plan_item_get_schedule (LiaisonPlanItem *self);
void              liaison_plan_item_set_schedule (LiaisonPlanItem *self,
                                                  LiaisonSchedule *schedule);
int               liaison_plan_code_compare (const char *a,
                                             const char *b);

G_END_DECLS
