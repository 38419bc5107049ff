/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  LIAISON_DAV_SERVICE_CALDAV,
  LIAISON_DAV_SERVICE_CARDDAV,
} LiaisonDavService;

char    *liaison_dav_well_known_uri (const char       *server_url,
                                     LiaisonDavService service,
                                     GError          **error);
gboolean liaison_dav_href_is_member (const char *collection,
                                     const char *href);
char    *liaison_dav_resource_href (const char       *collection,
                                    const char       *uid,
                                    LiaisonDavService service);

G_END_DECLS
