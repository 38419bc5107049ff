/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Liaison's namespace for name-based (RFC 4122 version 5) identifiers. */
#define LIAISON_UUID_NAMESPACE "6f1c2a52-3b0e-5e4a-9a3d-4c1aa5e0c0de"

char       *liaison_uuid_new (void);
char       *liaison_uuid_new_for_name (const char *name);
gboolean    liaison_uuid_is_valid (const char *text);
const char *liaison_uuid_short (const char *id);

G_END_DECLS
