/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-dav-href.h"

/* Discovery starts from the server's well-known URI (RFC 6764). */
char *
liaison_dav_well_known_uri (const char       *server_url,
                            LiaisonDavService service,
                            GError          **error)
{
  g_autoptr (GUri) uri = NULL;
  g_autoptr (GUri) well_known = NULL;
  const char *scheme;

  uri = g_uri_parse (server_url, G_URI_FLAGS_NONE, error);
  if (uri == NULL)
    return NULL;

  scheme = g_uri_get_scheme (uri);
  if (g_strcmp0 (scheme, "https") != 0 && g_strcmp0 (scheme, "http") != 0)
    {
      g_set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_SCHEME,
                   _ ("“%s” is not an http or https address"), server_url);
      return NULL;
    }

  well_known = g_uri_build (G_URI_FLAGS_NONE, scheme, NULL, g_uri_get_host (uri), g_uri_get_port (uri),
                            service == LIAISON_DAV_SERVICE_CALDAV ? "/.well-known/caldav" : "/.well-known/carddav",
                            NULL, NULL);
  return g_uri_to_string (well_known);
}

/* The path's segments, each unescaped on its own so an escaped "/" inside a
 * name stays inside that name. */
static char **
segments_of (const char *href)
{
  g_autoptr (GUri) uri = g_uri_parse (href, G_URI_FLAGS_ENCODED, NULL);
  const char *path = uri != NULL ? g_uri_get_path (uri) : href;
  g_auto (GStrv) raw = g_strsplit (path, "/", -1);
  GPtrArray *segments = g_ptr_array_new ();

  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *segment = g_uri_unescape_string (raw[i], NULL);

      g_ptr_array_add (segments, segment != NULL ? segment : g_strdup (raw[i]));
    }
  g_ptr_array_add (segments, NULL);
  return (char **) g_ptr_array_free (segments, FALSE);
}

/* A write goes to a strict child of the collection: a PUT to the collection's
 * own URL replaces the whole collection on some servers. */
gboolean
liaison_dav_href_is_member (const char *collection,
                            const char *href)
{
  g_auto (GStrv) parent = NULL;
  g_auto (GStrv) child = NULL;
  guint       n_parent, n_child;
  const char *name;

  if (!g_str_has_suffix (collection, "/"))
    return FALSE;
  parent = segments_of (collection);
  child = segments_of (href);
  n_parent = g_strv_length (parent);
  n_child = g_strv_length (child);

  /* "/a/b/" splits to "", "a", "b", "": the child replaces the last, empty one. */
  if (n_child != n_parent)
    return FALSE;
  for (guint i = 0; i + 1 < n_parent; i++)
    if (g_strcmp0 (parent[i], child[i]) != 0)
      return FALSE;

  name = child[n_child - 1];
  return *name != '\0' && strcmp (name, ".") != 0 && strcmp (name, "..") != 0;
}

char *
liaison_dav_resource_href (const char       *collection,
                           const char       *uid,
                           LiaisonDavService service)
{
  g_autofree char *escaped = g_uri_escape_string (uid, NULL, FALSE);
  const char      *ext = service == LIAISON_DAV_SERVICE_CALDAV ? ".ics" : ".vcf";

  if (g_str_has_suffix (collection, "/"))
    return g_strconcat (collection, escaped, ext, NULL);
  return g_strconcat (collection, "/", escaped, ext, NULL);
}
