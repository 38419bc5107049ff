/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Participants as vCard resources, through field maps (see
 * liaison-store-sync.h): 4.0 (RFC 6350) when Liaison makes the card, and
 * into another client's 3.0 card (RFC 2426) what 3.0 allows. */

GHashTable *liaison_vcard_read (const char *text,
                                char      **uid,
                                GError    **error);
char       *liaison_vcard_write (const char *uid,
                                 GHashTable *fields,
                                 const char *base,
                                 GError    **error);

G_END_DECLS
