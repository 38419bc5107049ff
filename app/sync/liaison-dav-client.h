/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A small WebDAV/CalDAV/CardDAV client over libsoup 3. Each call sends one
 * request with libsoup's asynchronous API and waits for it on the calling
 * thread's default main context: the sync engine calls it from its worker
 * thread, so the window's main loop never waits on the network. */

typedef struct
{
  char      *href;   /* as the server wrote it */
  guint      status; /* the response's own status (404, 507), or 0 */
  char      *etag;
  char      *data; /* calendar-data or address-data */
  gboolean   is_calendar;
  gboolean   is_addressbook;
  gboolean   is_collection;
  gboolean   supports_events;
  char      *displayname;
  GPtrArray *hrefs;            /* current-user-principal hrefs */
  char      *calendar_home;    /* the first href of calendar-home-set */
  char      *addressbook_home; /* the first href of addressbook-home-set */
} LiaisonDavResponse;

typedef struct
{
  GPtrArray *responses;
  char      *sync_token;
} LiaisonDavMultistatus;

void liaison_dav_multistatus_free (LiaisonDavMultistatus *ms);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonDavMultistatus, liaison_dav_multistatus_free)

/* Generous for real collections: a listing of 300,000 items, a multiget
 * batch of 250 cards with photos. */
#define LIAISON_DAV_DEFAULT_ANSWER_LIMIT (G_GUINT64_CONSTANT (64) * 1000 * 1000)
/* From sending a request to its answer's last byte: a server that trickles
 * (a byte every few seconds never trips the 60-second idle timeout) cannot
 * keep a sync for longer. */
#define LIAISON_DAV_DEFAULT_TIMEOUT 300

#define LIAISON_TYPE_DAV_CLIENT (liaison_dav_client_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonDavClient, liaison_dav_client, LIAISON, DAV_CLIENT, GObject)

LiaisonDavClient      *liaison_dav_client_new (const char *username,
                                               const char *password);
guint                  liaison_dav_client_get_requests (LiaisonDavClient *self);
void                   liaison_dav_client_set_limits (LiaisonDavClient *self,
                                                      guint64           answer_limit,
                                                      guint             timeout);
char                  *liaison_dav_client_resolve (const char *base,
                                                   const char *href);
gboolean               liaison_dav_client_send (LiaisonDavClient *self,
                                                const char       *method,
                                                const char       *url,
                                                const char       *depth,
                                                const char       *if_match,
                                                const char       *if_none_match,
                                                const char       *content_type,
                                                const char       *body,
                                                guint            *status,
                                                GBytes          **reply,
                                                char            **etag,
                                                char            **location,
                                                GCancellable     *cancellable,
                                                GError          **error);
LiaisonDavMultistatus *liaison_dav_client_multistatus (LiaisonDavClient *self,
                                                       const char       *method,
                                                       const char       *url,
                                                       const char       *depth,
                                                       const char       *body,
                                                       guint            *status,
                                                       GCancellable     *cancellable,
                                                       GError          **error);
LiaisonDavMultistatus *liaison_dav_parse_multistatus (GBytes     *reply,
                                                      const char *url,
                                                      GError    **error);
void                   liaison_dav_status_error (GError    **error,
                                                 const char *method,
                                                 const char *url,
                                                 guint       status);

G_END_DECLS
