/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PLAN_PAGE (liaison_plan_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonPlanPage, liaison_plan_page, LIAISON, PLAN_PAGE, AdwBin)

GtkWidget *liaison_plan_page_new (LiaisonContext *context);

G_END_DECLS
