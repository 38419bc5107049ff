/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-core-error.h"
#include "liaison-work-plan.h"

static const char *status_nicks[] = { "draft", "sent", "approved", "superseded" };

const char *
liaison_work_plan_status_nick (LiaisonWorkPlanStatus status)
{
  return (guint) status < G_N_ELEMENTS (status_nicks) ? status_nicks[status] : "draft";
}

const char *
liaison_work_plan_status_label (LiaisonWorkPlanStatus status)
{
  switch (status)
    {
    case LIAISON_WORK_PLAN_SENT:
      return C_ ("work plan status", "Sent to the liaison officers");
    case LIAISON_WORK_PLAN_APPROVED:
      return C_ ("work plan status", "Approved");
    case LIAISON_WORK_PLAN_SUPERSEDED:
      return C_ ("work plan status", "Superseded");
    case LIAISON_WORK_PLAN_DRAFT:
    default:
      return C_ ("work plan status", "Draft");
    }
}

gboolean
liaison_work_plan_status_from_nick (const char *nick, LiaisonWorkPlanStatus *status)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (status_nicks); i++)
    if (g_str_equal (nick, status_nicks[i]))
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/* The officers give feedback on what they were sent: a draft is approved
 * only after it went to them. */
gboolean
liaison_work_plan_check_approve (const LiaisonWorkPlan *plan, GError **error)
{
  switch (plan->status)
    {
    case LIAISON_WORK_PLAN_SENT:
      return TRUE;
    case LIAISON_WORK_PLAN_DRAFT:
      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                   _ ("Version %1$u of the %2$d work plan has not been sent to the liaison officers yet: send it first"),
                   plan->version, plan->year);
      return FALSE;
    case LIAISON_WORK_PLAN_APPROVED:
      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                   _ ("Version %1$u of the %2$d work plan is approved already"), plan->version, plan->year);
      return FALSE;
    case LIAISON_WORK_PLAN_SUPERSEDED:
    default:
      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                   _ ("Version %1$u of the %2$d work plan was superseded by a later version"), plan->version, plan->year);
      return FALSE;
    }
}

gboolean
liaison_work_plan_check_feedback (const LiaisonWorkPlan *plan, GError **error)
{
  if (plan->status != LIAISON_WORK_PLAN_DRAFT)
    return TRUE;
  g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
               _ ("Version %1$u of the %2$d work plan has not been sent to the liaison officers yet: there is no "
                  "feedback to record"),
               plan->version, plan->year);
  return FALSE;
}

/* Document text in the document's language, the same in every interface
 * language: “2026 年度工作计划（第 2 版）”, “Work Plan 2026 (version 2)”. */
char *
liaison_work_plan_dup_title (const LiaisonWorkPlan *plan, LiaisonLanguage language)
{
  if (language == LIAISON_LANGUAGE_ZH)
    return g_strdup_printf ("%d年度工作计划（第 %u 版）", plan->year, plan->version);
  return g_strdup_printf ("Work Plan %d (version %u)", plan->year, plan->version);
}

void
liaison_work_plan_free (LiaisonWorkPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->id);
  g_free (plan->created);
  g_free (plan->sent);
  g_free (plan->approved);
  g_free (plan->review_event_id);
  g_free (plan);
}

void
liaison_work_plan_event_free (LiaisonWorkPlanEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->event_id);
  g_free (event->title_zh);
  g_free (event->title_en);
  g_free (event->start);
  g_free (event->end);
  g_free (event->time_zone);
  g_free (event->precision);
  g_free (event->city_zh);
  g_free (event->city_en);
  g_free (event->country);
  g_strfreev (event->activities);
  g_free (event);
}

void
liaison_work_plan_feedback_free (LiaisonWorkPlanFeedback *feedback)
{
  if (feedback == NULL)
    return;
  g_free (feedback->id);
  g_free (feedback->plan_id);
  g_free (feedback->country);
  g_free (feedback->event_id);
  g_free (feedback->text);
  g_free (feedback->received);
  g_free (feedback);
}
