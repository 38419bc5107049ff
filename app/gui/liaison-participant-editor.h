/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_PARTICIPANT_EDITOR (liaison_participant_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonParticipantEditor, liaison_participant_editor, LIAISON, PARTICIPANT_EDITOR, AdwWindow)

LiaisonParticipantEditor *liaison_participant_editor_new (LiaisonContext *context, LiaisonParticipant *participant);
gboolean                  liaison_participant_editor_is_valid (LiaisonParticipantEditor *self);

G_END_DECLS
