/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"
#include "liaison-zone-strip.h"

G_BEGIN_DECLS

#define LIAISON_TYPE_EVENT_EDITOR (liaison_event_editor_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonEventEditor, liaison_event_editor, LIAISON, EVENT_EDITOR, AdwWindow)

/* event_id NULL: a new event. */
GtkWidget        *liaison_event_editor_new (LiaisonContext *context,
                                            const char     *event_id);
void              liaison_event_editor_prefill_activity (LiaisonEventEditor *self,
                                                         const char         *activity);
LiaisonZoneStrip *liaison_event_editor_get_zone_strip (LiaisonEventEditor *self);

G_END_DECLS
