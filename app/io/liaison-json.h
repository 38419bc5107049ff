/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-store.h"

G_BEGIN_DECLS

JsonNode *liaison_json_from_event (LiaisonEvent *event);
JsonNode *liaison_json_from_participant (LiaisonParticipant *participant);
JsonNode *liaison_json_from_registration (LiaisonRegistration *registration);
char     *liaison_json_to_string (JsonNode *node);

G_END_DECLS
