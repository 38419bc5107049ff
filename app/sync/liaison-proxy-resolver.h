/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_PROXY_RESOLVER (liaison_proxy_resolver_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonProxyResolver, liaison_proxy_resolver, LIAISON, PROXY_RESOLVER, GObject)

void liaison_proxy_resolver_register (void);

G_END_DECLS
