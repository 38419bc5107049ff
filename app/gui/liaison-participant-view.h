/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PARTICIPANT_VIEW (liaison_participant_view_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonParticipantView, liaison_participant_view, LIAISON, PARTICIPANT_VIEW, AdwBin)

void                liaison_participant_view_set_context (LiaisonParticipantView *self, LiaisonContext *context);
void                liaison_participant_view_show (LiaisonParticipantView *self, const char *id);
void                liaison_participant_view_reload (LiaisonParticipantView *self);
const char         *liaison_participant_view_get_id (LiaisonParticipantView *self);
LiaisonParticipant *liaison_participant_view_get_participant (LiaisonParticipantView *self);
GListModel         *liaison_participant_view_get_history (LiaisonParticipantView *self);

G_END_DECLS
