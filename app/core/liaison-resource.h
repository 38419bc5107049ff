/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef GResource *(*LiaisonResourceGetter) (void);

GResource *liaison_resource_get (LiaisonResourceGetter get);

G_END_DECLS
