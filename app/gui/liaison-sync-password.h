/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "liaison-context.h"

G_BEGIN_DECLS

void liaison_sync_password_sync (GtkWidget          *widget,
                                 LiaisonContext     *context,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data,
                                 GDestroyNotify      cancelled);

G_END_DECLS
