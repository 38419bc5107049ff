/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

/* The sync password lives in the desktop keyring, keyed by server address
 * and user name; never in the database or the settings. */

const SecretSchema *liaison_secret_get_schema (void);
void                liaison_secret_lookup_async (const char         *server,
                                                 const char         *user,
                                                 GCancellable       *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer            user_data);
char               *liaison_secret_lookup_finish (GAsyncResult *result,
                                                  GError      **error);
void                liaison_secret_store_async (const char         *server,
                                                const char         *user,
                                                const char         *password,
                                                GCancellable       *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer            user_data);
gboolean            liaison_secret_store_finish (GAsyncResult *result,
                                                 GError      **error);

G_END_DECLS
