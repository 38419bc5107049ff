/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Participants as vCard 4.0 resources (RFC 6350), through field maps (see
 * liaison-store-sync.h). */

GHashTable *liaison_vcard_read (const char *text,
                                char      **uid,
                                GError    **error);
char       *liaison_vcard_write (const char *uid,
                                 GHashTable *fields,
                                 const char *base,
                                 GError    **error);

G_END_DECLS
