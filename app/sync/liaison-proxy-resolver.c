/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include "liaison-proxy-resolver.h"

/* GIO's proxy resolver for GNOME (glib-networking) reads the settings
 * schema org.gnome.system.proxy and aborts the whole process when it is not
 * installed: on a minimal system, in a test whose data dirs are isolated,
 * or with GSETTINGS_SCHEMA_DIR pointing at Liaison's schema alone. GLib
 * 2.74 asks for the default resolver whenever a connection starts (even
 * when the socket client has one of its own), so choosing another resolver
 * for libsoup is not enough. This one is offered to GIO as a candidate
 * for the default, ahead of GNOME's, and takes the job only when that
 * schema is missing; then the proxy variables of the environment decide
 * (http_proxy, https_proxy, all_proxy, no_proxy), as they do for curl, and
 * the loopback never goes through a proxy. GIO_USE_PROXY_RESOLVER still
 * picks any resolver by name. */

struct _LiaisonProxyResolver
{
  GObject parent_instance;

  GProxyResolver *inner;
};

static void liaison_proxy_resolver_iface_init (GProxyResolverInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LiaisonProxyResolver, liaison_proxy_resolver, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_PROXY_RESOLVER, liaison_proxy_resolver_iface_init))

static const char *
getenv_either (const char *lower)
{
  g_autofree char *upper = g_ascii_strup (lower, -1);
  const char      *value = g_getenv (lower);

  if (value == NULL)
    value = g_getenv (upper);
  return value != NULL && *value != '\0' ? value : NULL;
}

static GProxyResolver *
resolver_from_environment (void)
{
  g_autoptr (GPtrArray) ignore = g_ptr_array_new ();
  g_auto (GStrv) hosts = NULL;
  const char     *no_proxy = getenv_either ("no_proxy");
  const char     *schemes[] = { "http", "https" };
  GProxyResolver *resolver;

  g_ptr_array_add (ignore, (char *) "localhost");
  g_ptr_array_add (ignore, (char *) "127.0.0.0/8");
  g_ptr_array_add (ignore, (char *) "::1");
  if (no_proxy != NULL)
    {
      hosts = g_strsplit (no_proxy, ",", -1);
      for (guint i = 0; hosts[i] != NULL; i++)
        if (*g_strstrip (hosts[i]) != '\0')
          g_ptr_array_add (ignore, hosts[i]);
    }
  g_ptr_array_add (ignore, NULL);

  resolver = g_simple_proxy_resolver_new (getenv_either ("all_proxy"), (char **) ignore->pdata);
  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *name = g_strconcat (schemes[i], "_proxy", NULL);
      const char      *proxy = getenv_either (name);

      if (proxy != NULL)
        g_simple_proxy_resolver_set_uri_proxy (G_SIMPLE_PROXY_RESOLVER (resolver), schemes[i], proxy);
    }
  return resolver;
}

static gboolean
liaison_proxy_resolver_is_supported (GProxyResolver *resolver)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "org.gnome.system.proxy", TRUE);
  return schema == NULL;
}

static char **
liaison_proxy_resolver_lookup (GProxyResolver *resolver,
                               const char     *uri,
                               GCancellable   *cancellable,
                               GError        **error)
{
  LiaisonProxyResolver *self = LIAISON_PROXY_RESOLVER (resolver);

  return g_proxy_resolver_lookup (self->inner, uri, cancellable, error);
}

static void
liaison_proxy_resolver_lookup_async (GProxyResolver     *resolver,
                                     const char         *uri,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  LiaisonProxyResolver *self = LIAISON_PROXY_RESOLVER (resolver);
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;
  char  **proxies;

  g_task_set_source_tag (task, liaison_proxy_resolver_lookup_async);
  /* The simple resolver only matches strings: no need for a thread. */
  proxies = g_proxy_resolver_lookup (self->inner, uri, cancellable, &error);
  if (proxies == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, proxies, (GDestroyNotify) g_strfreev);
}

static char **
liaison_proxy_resolver_lookup_finish (GProxyResolver *resolver,
                                      GAsyncResult   *result,
                                      GError        **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
liaison_proxy_resolver_iface_init (GProxyResolverInterface *iface)
{
  iface->is_supported = liaison_proxy_resolver_is_supported;
  iface->lookup = liaison_proxy_resolver_lookup;
  iface->lookup_async = liaison_proxy_resolver_lookup_async;
  iface->lookup_finish = liaison_proxy_resolver_lookup_finish;
}

static void
liaison_proxy_resolver_finalize (GObject *object)
{
  LiaisonProxyResolver *self = (LiaisonProxyResolver *) object;

  g_clear_object (&self->inner);

  G_OBJECT_CLASS (liaison_proxy_resolver_parent_class)->finalize (object);
}

static void
liaison_proxy_resolver_class_init (LiaisonProxyResolverClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_proxy_resolver_finalize;
}

static void
liaison_proxy_resolver_init (LiaisonProxyResolver *self)
{
  self->inner = resolver_from_environment ();
}

/* Before the first connection of the process; safe to call again. */
void
liaison_proxy_resolver_register (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      /* Registering the point is idempotent: GIO finds it there later. */
      g_io_extension_point_register (G_PROXY_RESOLVER_EXTENSION_POINT_NAME);
      g_io_extension_point_implement (G_PROXY_RESOLVER_EXTENSION_POINT_NAME, LIAISON_TYPE_PROXY_RESOLVER,
                                      "liaison-environment", 1000);
      g_once_init_leave (&done, 1);
    }
}
