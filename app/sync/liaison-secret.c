/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-secret.h"

const SecretSchema *
liaison_secret_get_schema (void)
{
  static const SecretSchema schema = {
    APPLICATION_ID ".Sync", SECRET_SCHEMA_NONE, {
                                                    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
                                                    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
                                                    { NULL, 0 },
                                                }
  };
  return &schema;
}

void
liaison_secret_lookup_async (const char         *server,
                             const char         *user,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  secret_password_lookup (liaison_secret_get_schema (), cancellable, callback, user_data,
                          "server", server, "user", user, NULL);
}

/* NULL without an error when the keyring has no password for the account. */
char *
liaison_secret_lookup_finish (GAsyncResult *result,
                              GError      **error)
{
  return secret_password_lookup_finish (result, error);
}

void
liaison_secret_store_async (const char         *server,
                            const char         *user,
                            const char         *password,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autofree char *label = g_strdup_printf (_ ("Liaison sync password for %1$s at %2$s"), user, server);

  secret_password_store (liaison_secret_get_schema (), SECRET_COLLECTION_DEFAULT, label, password, cancellable,
                         callback, user_data, "server", server, "user", user, NULL);
}

gboolean
liaison_secret_store_finish (GAsyncResult *result,
                             GError      **error)
{
  return secret_password_store_finish (result, error);
}
