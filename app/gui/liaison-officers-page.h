/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_OFFICERS_PAGE (liaison_officers_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonOfficersPage, liaison_officers_page, LIAISON, OFFICERS_PAGE, AdwBin)

GtkWidget *liaison_officers_page_new (LiaisonContext *context);
void       liaison_officers_page_set_year (LiaisonOfficersPage *self,
                                           int                  year);
void       liaison_officers_page_send_plan_async (LiaisonOfficersPage *self,
                                                  const char          *plan_id,
                                                  GFile               *pdf,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean   liaison_officers_page_send_plan_finish (LiaisonOfficersPage *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
