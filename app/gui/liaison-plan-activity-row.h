/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-plan-report.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PLAN_ACTIVITY_ROW (liaison_plan_activity_row_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonPlanActivityRow, liaison_plan_activity_row, LIAISON, PLAN_ACTIVITY_ROW, GtkListBoxRow)

GtkWidget       *liaison_plan_activity_row_new (LiaisonPlanItem *activity);
LiaisonPlanItem *liaison_plan_activity_row_get_activity (LiaisonPlanActivityRow *self);
void             liaison_plan_activity_row_update (LiaisonPlanActivityRow *self,
                                                   LiaisonPlanRow         *report,
                                                   int                     this_year);
guint            liaison_plan_activity_row_get_missed (LiaisonPlanActivityRow *self);
gboolean         liaison_plan_activity_row_matches (LiaisonPlanActivityRow *self,
                                                    const char             *folded_text);

G_END_DECLS
