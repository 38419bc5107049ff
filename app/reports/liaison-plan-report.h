/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-store.h"

G_BEGIN_DECLS

typedef struct
{
  LiaisonPlanItem *activity;
  /* Events linked to the activity, per year of the plan period and beyond. */
  GArray *years; /* of LiaisonPlanYear, sorted by year */
} LiaisonPlanRow;

typedef struct
{
  int      year;
  gboolean planned;
  guint    events;
  guint    held;
} LiaisonPlanYear;

GPtrArray *liaison_plan_report_build (LiaisonStore *store,
                                      int           only_year,
                                      int           this_year,
                                      GError      **error);
guint      liaison_plan_row_count_missed (LiaisonPlanRow *row,
                                          int             this_year);
JsonNode  *liaison_plan_report_to_json (GPtrArray *rows,
                                        int        this_year);

G_END_DECLS
