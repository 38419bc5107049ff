/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* Events as one iCalendar file (METHOD:PUBLISH) for another calendar: each
 * VEVENT as the sync writes it (liaison_ical_write, so the same UID, dates
 * in the event's own zone with its VTIMEZONE, both languages in Liaison's
 * own properties), without the attendees, whose addresses stay here. */

char *liaison_ics_export_events (LiaisonStore *store,
                                 GPtrArray    *events,
                                 GError      **error);

/* The blocks of one component (BEGIN:NAME … END:NAME, lines as written) in
 * an iCalendar text, for the writers that build on liaison_ical_write. */
GPtrArray *liaison_ics_components (const char *text,
                                   const char *name);

G_END_DECLS
