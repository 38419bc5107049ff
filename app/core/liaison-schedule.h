/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "liaison-types.h"

G_BEGIN_DECLS

#define LIAISON_PLAN_FIRST_YEAR 2021
#define LIAISON_PLAN_LAST_YEAR 2025

#define LIAISON_TYPE_SCHEDULE (liaison_schedule_get_type ())

typedef enum
{
  LIAISON_SCHEDULE_OK,
  LIAISON_SCHEDULE_INVERTED_RANGE,
  LIAISON_SCHEDULE_UNRECOGNISED,
} LiaisonScheduleAnomaly;

GType            liaison_schedule_get_type (void) G_GNUC_CONST;
LiaisonSchedule *liaison_schedule_parse (const char *text,
                                         int         plan_first_year,
                                         int         plan_last_year);
LiaisonSchedule *liaison_schedule_ref (LiaisonSchedule *self);
void             liaison_schedule_unref (LiaisonSchedule *self);
const char      *liaison_schedule_get_text (const LiaisonSchedule *self);
const int       *liaison_schedule_get_years (const LiaisonSchedule *self,
                                             guint                 *n_years);
gboolean         liaison_schedule_has_year (const LiaisonSchedule *self,
                                            int                    year);
int              liaison_schedule_get_start_year (const LiaisonSchedule *self);
gboolean         liaison_schedule_get_every_year (const LiaisonSchedule *self);
gboolean         liaison_schedule_get_tentative (const LiaisonSchedule *self);
LiaisonScheduleAnomaly
      liaison_schedule_get_anomaly (const LiaisonSchedule *self);
char *liaison_schedule_describe_anomaly (const LiaisonSchedule *self);
char *liaison_schedule_format_years (const LiaisonSchedule *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonSchedule, liaison_schedule_unref)

G_END_DECLS
