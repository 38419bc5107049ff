/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PARTICIPANTS_PAGE (liaison_participants_page_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonParticipantsPage, liaison_participants_page, LIAISON, PARTICIPANTS_PAGE, AdwBin)

GtkWidget *liaison_participants_page_new (LiaisonContext *context);
void       liaison_participants_page_show_participant (LiaisonParticipantsPage *self,
                                                       const char              *id);

G_END_DECLS
