/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Events as iCalendar VEVENT resources (RFC 5545), through field maps (see
 * liaison-store-sync.h). people maps a participant id to a NULL-terminated
 * array { display name, e-mail or NULL }: the CN and address of its
 * ATTENDEE line. */

GHashTable *liaison_ical_read (const char  *text,
                               char       **uid,
                               GHashTable **people,
                               GError     **error);
char       *liaison_ical_write (const char *uid,
                                GHashTable *fields,
                                GHashTable *people,
                                const char *base,
                                GError    **error);
char       *liaison_ical_attendee_key (const char *address,
                                       const char *participant_param);

G_END_DECLS
