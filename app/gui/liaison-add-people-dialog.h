/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_ADD_PEOPLE_DIALOG (liaison_add_people_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonAddPeopleDialog, liaison_add_people_dialog, LIAISON, ADD_PEOPLE_DIALOG, AdwWindow)

GtkWidget *liaison_add_people_dialog_new (LiaisonContext *context,
                                          const char     *event_id);
/* For tests: search as if typed, then choose the n-th person found. */
void  liaison_add_people_dialog_search (LiaisonAddPeopleDialog *self,
                                        const char             *text);
guint liaison_add_people_dialog_get_n_found (LiaisonAddPeopleDialog *self);
void  liaison_add_people_dialog_choose (LiaisonAddPeopleDialog *self,
                                        guint                   position);

G_END_DECLS
