/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-resource.h"

/* Our resources are compiled with --manual-register: a constructor in a
 * static library is dropped by the linker when nothing else in its object
 * file is used. Registering only puts the resource on GLib's lazy list; the
 * first lookup anywhere in the process turns that list into GResources.
 *
 * When another thread is doing that work at the moment we ask (GTK loads its
 * icon theme on a worker thread), g_static_resource_get_resource() finds the
 * lazy list already taken and answers NULL until that thread is done (GLib
 * 2.74). A global lookup waits for it: it takes the lock that thread holds
 * while it registers, so the resource is there once the lookup returns. */
GResource *
liaison_resource_get (LiaisonResourceGetter get)
{
  GResource *resource = get ();

  if (resource == NULL)
    {
      g_resources_get_info ("/", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
      resource = get ();
    }
  if (resource == NULL)
    g_error ("A built-in resource could not be loaded; the program is damaged");
  return resource;
}
