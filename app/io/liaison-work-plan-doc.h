/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* A version of the annual work plan as it is sent to the liaison officers:
 * one bilingual PDF (Chinese and English side by side, whatever the
 * interface's language) and one iCalendar file of its events. events are
 * LiaisonWorkPlanEvent; feedback (LiaisonWorkPlanFeedback) may be NULL. */
gboolean liaison_work_plan_write_pdf (const LiaisonWorkPlan *plan,
                                      GPtrArray             *events,
                                      GPtrArray             *feedback,
                                      const char            *path,
                                      GError               **error);
char    *liaison_work_plan_to_ics (const LiaisonWorkPlan *plan,
                                   GPtrArray             *events);

G_END_DECLS
