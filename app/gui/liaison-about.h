/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *liaison_about_window_new (const char *metainfo_resource,
                                     GError    **error);
GtkWidget *liaison_about_window_new_from_bytes (GBytes            *metainfo,
                                                const char *const *languages,
                                                GError           **error);

G_END_DECLS
