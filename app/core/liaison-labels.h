/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "liaison-types.h"

G_BEGIN_DECLS

const char *liaison_event_kind_label (LiaisonEventKind kind);
const char *liaison_event_status_label (LiaisonEventStatus status);
const char *liaison_event_mode_label (LiaisonEventMode mode);
const char *liaison_funding_source_label (LiaisonFundingSource source);
const char *liaison_role_label (LiaisonRole role);
const char *liaison_registration_status_label (LiaisonRegistrationStatus status);
const char *liaison_sector_label (LiaisonSector sector);
const char *liaison_gender_label (LiaisonGender gender);
const char *liaison_translation_state_label (LiaisonTranslationState state);

G_END_DECLS
