/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "liaison-types.h"

G_BEGIN_DECLS

/* The annual work plan (framework, section 5.1): the events of a year,
 * drafted by the centre with the secretariat, issued as numbered versions,
 * sent to the liaison officers, who give feedback per country and per
 * event; one version is approved and kept as it was sent. */
typedef enum
{
  LIAISON_WORK_PLAN_DRAFT,
  LIAISON_WORK_PLAN_SENT,
  LIAISON_WORK_PLAN_APPROVED,
  LIAISON_WORK_PLAN_SUPERSEDED,
} LiaisonWorkPlanStatus;

typedef struct
{
  char                 *id;
  int                   year;
  guint                 version;
  LiaisonWorkPlanStatus status;
  char                 *created;
  char                 *sent;
  char                 *approved;
  char                 *review_event_id; /* the liaison officers' meeting that reviewed it */
  guint                 n_events;
  guint                 n_feedback;
} LiaisonWorkPlan;

/* An event as the version issued it: later edits of the event do not
 * change what was sent. */
typedef struct
{
  char            *event_id;
  LiaisonEventKind kind;
  char            *title_zh;
  char            *title_en;
  char            *start; /* local wall-clock time, as events store it */
  char            *end;
  char            *time_zone;
  char            *precision; /* time, day, month or year */
  char            *city_zh;
  char            *city_en;
  char            *country;
  char           **activities;
} LiaisonWorkPlanEvent;

typedef struct
{
  char *id;
  char *plan_id;
  char *country;
  char *event_id; /* NULL: on the plan as a whole */
  char *text;
  char *received; /* YYYY-MM-DD */
} LiaisonWorkPlanFeedback;

const char *liaison_work_plan_status_nick (LiaisonWorkPlanStatus status);
const char *liaison_work_plan_status_label (LiaisonWorkPlanStatus status);
gboolean    liaison_work_plan_status_from_nick (const char *nick, LiaisonWorkPlanStatus *status);
gboolean    liaison_work_plan_check_approve (const LiaisonWorkPlan *plan, GError **error);
gboolean    liaison_work_plan_check_feedback (const LiaisonWorkPlan *plan, GError **error);
char       *liaison_work_plan_dup_title (const LiaisonWorkPlan *plan, LiaisonLanguage language);
void        liaison_work_plan_free (LiaisonWorkPlan *plan);
void        liaison_work_plan_event_free (LiaisonWorkPlanEvent *event);
void        liaison_work_plan_feedback_free (LiaisonWorkPlanFeedback *feedback);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonWorkPlan, liaison_work_plan_free)

G_END_DECLS
