/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-dav-client.h"
#include "liaison-dav-href.h"
#include "liaison-sync-private.h"

/* Discovery: the calendar and the address book a sync uses, found from the
 * server address (the address itself, its principal, the well-known URIs,
 * the home sets) and made when missing; and what the homes hold, for
 * Preferences to offer. */

#define CALDAV_NAME "liaison-events"
#define CARDDAV_NAME "liaison-participants"

static const char propfind_discovery[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    "<D:propfind xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\" xmlns:A=\"urn:ietf:params:xml:ns:carddav\">"
    "<D:prop><D:resourcetype/><D:current-user-principal/><C:calendar-home-set/><A:addressbook-home-set/></D:prop>"
    "</D:propfind>";

static const char propfind_collections[] =
    "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
    "<D:propfind xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
    "<D:prop><D:resourcetype/><D:displayname/><C:supported-calendar-component-set/></D:prop>"
    "</D:propfind>";

/* A PROPFIND that follows redirects itself (a well-known URI is one):
 * libsoup would resend it without its body. status: the last answer's, 0
 * when none came. */
static LiaisonDavMultistatus *
propfind_following (LiaisonSyncJob *job,
                    const char     *url,
                    const char     *depth,
                    const char     *body,
                    char          **final_url,
                    guint          *status,
                    GError        **error)
{
  g_autofree char *current = g_strdup (url);

  *status = 0;
  for (guint hop = 0; hop < 5; hop++)
    {
      g_autoptr (GBytes) reply = NULL;
      g_autofree char *location = NULL;

      if (!liaison_dav_client_send (job->client, "PROPFIND", current, depth, NULL, NULL,
                                    "application/xml; charset=utf-8", body, status, &reply, NULL, &location,
                                    job->cancellable, error))
        return NULL;
      if (*status >= 300 && *status < 400 && location != NULL)
        {
          char *next = liaison_dav_client_resolve (current, location);

          g_free (current);
          current = next;
          continue;
        }
      if (*status != 207)
        {
          liaison_dav_status_error (error, "PROPFIND", current, *status);
          return NULL;
        }
      if (final_url != NULL)
        *final_url = g_strdup (current);
      return liaison_dav_parse_multistatus (reply, current, error);
    }
  g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_SERVER,
               _ ("The server at %s redirects in circles; check the server address."), url);
  return NULL;
}

/* A failure that says nothing about the next address to try: no answer at
 * all, or a refused password. */
static gboolean
stops_discovery (const GError *error, guint status)
{
  return status == 0 || status == 401 || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static LiaisonDavResponse *
first_response (LiaisonDavMultistatus *ms)
{
  return ms != NULL && ms->responses->len > 0 ? g_ptr_array_index (ms->responses, 0) : NULL;
}

static gboolean
make_collection (LiaisonSyncJob    *job,
                 LiaisonSyncService service,
                 const char        *url,
                 GError           **error)
{
  static const char mkcalendar[] =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      "<C:mkcalendar xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><D:set><D:prop>"
      "<D:displayname>Liaison events</D:displayname>"
      "<C:supported-calendar-component-set><C:comp name=\"VEVENT\"/></C:supported-calendar-component-set>"
      "</D:prop></D:set></C:mkcalendar>";
  static const char mkcol[] =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      "<D:mkcol xmlns:D=\"DAV:\" xmlns:A=\"urn:ietf:params:xml:ns:carddav\"><D:set><D:prop>"
      "<D:resourcetype><D:collection/><A:addressbook/></D:resourcetype>"
      "<D:displayname>Liaison participants</D:displayname>"
      "</D:prop></D:set></D:mkcol>";
  gboolean    calendar = service == LIAISON_SYNC_SERVICE_CALDAV;
  const char *method = calendar ? "MKCALENDAR" : "MKCOL";
  guint       status = 0;

  if (!liaison_dav_client_send (job->client, method, url, NULL, NULL, NULL, "application/xml; charset=utf-8",
                                calendar ? mkcalendar : mkcol, &status, NULL, NULL, NULL, job->cancellable, error))
    return FALSE;
  /* 405: it exists already (made by the other office a moment ago). */
  if (status == 201 || status == 405)
    return TRUE;
  if (status == 401)
    liaison_dav_status_error (error, method, url, status);
  else
    g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_FOUND,
                 calendar ? _ ("The server has no calendar for Liaison at %s and refused to make one (%u). "
                               "Make a calendar there, or give its address as the server address.")
                          : _ ("The server has no address book for Liaison at %s and refused to make one (%u). "
                               "Make an address book there, or give its address as the server address."),
                 url, status);
  return FALSE;
}

/* The collection a service syncs with from now on; another one than the
 * database synced with before is a switch (liaison_store_sync_switch_collection). */
static gboolean
use_collection (LiaisonSyncJob    *job,
                LiaisonSyncService service,
                const char        *url,
                GError           **error)
{
  g_autofree char *stored = liaison_store_sync_get_collection (job->store, service, NULL);

  g_free (job->collections[service]);
  job->collections[service] = g_strdup (url);
  if (stored != NULL && g_strcmp0 (stored, url) != 0)
    return liaison_store_sync_switch_collection (job->store, service, url, error);
  return liaison_store_sync_set_collection (job->store, service, url, error);
}

/* A collection the account picked: used if it is one of its kind. */
static gboolean
check_chosen (LiaisonSyncJob    *job,
              LiaisonSyncService service,
              const char        *url,
              GError           **error)
{
  g_autoptr (LiaisonDavMultistatus) ms = NULL;
  LiaisonDavResponse *r;
  guint               status = 0;
  gboolean            calendar = service == LIAISON_SYNC_SERVICE_CALDAV;

  ms = liaison_dav_client_multistatus (job->client, "PROPFIND", url, "0", propfind_collections, &status,
                                       job->cancellable, error);
  if (ms == NULL)
    return FALSE;
  r = first_response (ms);
  if (r == NULL || !(calendar ? r->is_calendar : r->is_addressbook))
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_FOUND,
                   calendar ? _ ("%s, chosen as the calendar to sync events with, is not a calendar. Choose another "
                                 "in Preferences (or give --calendar to “liaison sync”).")
                            : _ ("%s, chosen as the address book to sync participants with, is not an address book. "
                                 "Choose another in Preferences (or give --address-book to “liaison sync”)."),
                   url);
      return FALSE;
    }
  return use_collection (job, service, url, error);
}

static gboolean
find_collection (LiaisonSyncJob    *job,
                 LiaisonSyncService service,
                 const char        *home,
                 GError           **error)
{
  g_autoptr (LiaisonDavMultistatus) ms = NULL;
  const char      *name = service == LIAISON_SYNC_SERVICE_CALDAV ? CALDAV_NAME : CARDDAV_NAME;
  g_autofree char *wanted = NULL;
  g_autofree char *home_path = liaison_sync_collection_path (home);
  g_autofree char *url = NULL;
  guint            status;

  wanted = g_strconcat (home_path, g_str_has_suffix (home_path, "/") ? "" : "/", name, "/", NULL);
  ms = liaison_dav_client_multistatus (job->client, "PROPFIND", home, "1", propfind_collections, &status,
                                       job->cancellable, error);
  if (ms == NULL)
    return FALSE;
  for (guint i = 0; i < ms->responses->len; i++)
    {
      LiaisonDavResponse *r = g_ptr_array_index (ms->responses, i);
      g_autofree char    *path = liaison_sync_href_path (r->href);

      if (g_strcmp0 (path, wanted) == 0 && (service == LIAISON_SYNC_SERVICE_CALDAV ? r->is_calendar : r->is_addressbook))
        {
          url = liaison_dav_client_resolve (home, r->href);
          break;
        }
    }
  if (url == NULL)
    {
      url = liaison_dav_client_resolve (home, wanted);
      if (!make_collection (job, service, url, error))
        return FALSE;
    }
  return use_collection (job, service, url, error);
}

/* The principal a well-known URI (RFC 6764) leads to, or NULL without an
 * error when the server has nothing there. */
static char *
well_known_principal (LiaisonSyncJob   *job,
                      LiaisonDavService service,
                      GError          **error)
{
  g_autoptr (LiaisonDavMultistatus) ms = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autofree char    *well_known = liaison_dav_well_known_uri (job->url, service, error);
  g_autofree char    *final_url = NULL;
  LiaisonDavResponse *r;
  guint               status = 0;

  if (well_known == NULL)
    return NULL;
  ms = propfind_following (job, well_known, "0", propfind_discovery, &final_url, &status, &local_error);
  if (ms == NULL)
    {
      if (stops_discovery (local_error, status))
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  r = first_response (ms);
  if (r == NULL || r->hrefs->len == 0)
    return NULL;
  return liaison_dav_client_resolve (final_url, g_ptr_array_index (r->hrefs, 0));
}

/* The principal's calendar-home-set and addressbook-home-set, each read
 * as its own property; NULL where the principal has none. */
static gboolean
read_homes (LiaisonSyncJob *job,
            const char     *principal,
            char          **homes,
            GError        **error)
{
  static const char body[] = "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                             "<D:propfind xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\" "
                             "xmlns:A=\"urn:ietf:params:xml:ns:carddav\">"
                             "<D:prop><C:calendar-home-set/><A:addressbook-home-set/></D:prop></D:propfind>";
  g_autoptr (LiaisonDavMultistatus) ms = NULL;
  g_autoptr (GError) local_error = NULL;
  LiaisonDavResponse *r;
  guint               status = 0;

  ms = liaison_dav_client_multistatus (job->client, "PROPFIND", principal, "0", body, &status, job->cancellable,
                                       &local_error);
  if (ms == NULL)
    {
      if (!stops_discovery (local_error, status))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  r = first_response (ms);
  if (r != NULL && r->calendar_home != NULL && homes[LIAISON_SYNC_SERVICE_CALDAV] == NULL)
    homes[LIAISON_SYNC_SERVICE_CALDAV] = liaison_dav_client_resolve (principal, r->calendar_home);
  if (r != NULL && r->addressbook_home != NULL && homes[LIAISON_SYNC_SERVICE_CARDDAV] == NULL)
    homes[LIAISON_SYNC_SERVICE_CARDDAV] = liaison_dav_client_resolve (principal, r->addressbook_home);
  return TRUE;
}

/* The calendar and the address book, found or made. A service the server
 * has no home for, or where it refuses a collection, is reported and the
 * other still syncs; FALSE when neither can. */
gboolean
liaison_sync_job_discover (LiaisonSyncJob *job,
                           GError        **error)
{
  g_autoptr (LiaisonDavMultistatus) start = NULL;
  g_autoptr (GError) start_error = NULL;
  g_autofree char    *start_url = NULL;
  char               *principals[2] = { NULL, NULL };
  char               *homes[2] = { NULL, NULL };
  LiaisonDavResponse *r = NULL;
  gboolean            skip[2] = { FALSE, FALSE };
  gboolean            ok = FALSE;
  guint               status = 0;

  for (LiaisonSyncService s = 0; s < 2; s++)
    job->collections[s] = liaison_store_sync_get_collection (job->store, s, NULL);
  /* A collection the account picked, if it is not the one in use. */
  for (LiaisonSyncService s = 0; s < 2; s++)
    if (job->chosen[s] != NULL && g_strcmp0 (job->chosen[s], job->collections[s]) != 0)
      {
        g_autoptr (GError) local_error = NULL;

        g_clear_pointer (&job->collections[s], g_free);
        if (check_chosen (job, s, job->chosen[s], &local_error))
          continue;
        if (liaison_sync_is_fatal (local_error))
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            return FALSE;
          }
        /* Reported; the other service still syncs. */
        liaison_sync_job_add_error (job, local_error->message);
        skip[s] = TRUE;
      }
  if (skip[0] && skip[1])
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_FOUND, "%s",
                   (const char *) g_ptr_array_index (job->summary->errors, 0));
      return FALSE;
    }
  if ((job->collections[0] != NULL || skip[0]) && (job->collections[1] != NULL || skip[1]))
    return TRUE;

  /* The address given may be a collection, a principal, or just a host
   * (whose root may not speak WebDAV at all). */
  start = propfind_following (job, job->url, "0", propfind_discovery, &start_url, &status, &start_error);
  if (start == NULL && stops_discovery (start_error, status))
    {
      g_propagate_error (error, g_steal_pointer (&start_error));
      return FALSE;
    }
  r = first_response (start);
  for (LiaisonSyncService s = 0; s < 2 && r != NULL; s++)
    if (job->collections[s] == NULL && !skip[s] && (s == LIAISON_SYNC_SERVICE_CALDAV ? r->is_calendar : r->is_addressbook) && !use_collection (job, s, start_url, error))
      return FALSE;
  if ((job->collections[0] != NULL || skip[0]) && (job->collections[1] != NULL || skip[1]))
    return TRUE;

  /* One principal for both from the address itself; else each service's
   * own well-known URI, the other's principal standing in for one that
   * leads nowhere. */
  if (r != NULL && r->hrefs->len > 0)
    {
      principals[0] = liaison_dav_client_resolve (start_url, g_ptr_array_index (r->hrefs, 0));
      principals[1] = g_strdup (principals[0]);
    }
  else
    {
      g_autoptr (GError) wk_error = NULL;

      principals[0] = well_known_principal (job, LIAISON_DAV_SERVICE_CALDAV, &wk_error);
      if (wk_error == NULL)
        principals[1] = well_known_principal (job, LIAISON_DAV_SERVICE_CARDDAV, &wk_error);
      if (wk_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&wk_error));
          goto out;
        }
      if (principals[0] == NULL)
        principals[0] = g_strdup (principals[1]);
      if (principals[1] == NULL)
        principals[1] = g_strdup (principals[0]);
    }
  if (principals[0] == NULL)
    {
      if (start_error != NULL)
        /* Translators: %1$s is the server address, %2$s what its answer was */
        g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_FOUND,
                     _ ("The server at %1$s does not say where your calendars are (%2$s), and has nothing at "
                        "/.well-known/caldav or /.well-known/carddav. Give the address of a calendar or of your "
                        "principal instead."),
                     job->url, start_error->message);
      else
        g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_FOUND,
                     _ ("The server at %s does not say where your calendars are (no current-user-principal). "
                        "Give the address of a calendar or of your principal instead."),
                     job->url);
      goto out;
    }

  if (!read_homes (job, principals[0], homes, error) ||
      (g_strcmp0 (principals[0], principals[1]) != 0 && !read_homes (job, principals[1], homes, error)))
    goto out;

  {
    g_autoptr (GError) first_error = NULL;

    for (LiaisonSyncService s = 0; s < 2; s++)
      {
        g_autoptr (GError) local_error = NULL;
        /* No home set: collections go under the principal, never in the
         * other service's home. */
        const char *home = homes[s] != NULL ? homes[s] : principals[s];

        if (job->collections[s] != NULL || skip[s] || find_collection (job, s, home, &local_error))
          continue;
        if (liaison_sync_is_fatal (local_error))
          {
            g_propagate_error (error, g_steal_pointer (&local_error));
            goto out;
          }
        liaison_sync_job_add_error (job, local_error->message);
        if (first_error == NULL)
          first_error = g_steal_pointer (&local_error);
      }
    if (job->collections[0] == NULL && job->collections[1] == NULL)
      {
        if (first_error != NULL)
          g_propagate_error (error, g_steal_pointer (&first_error));
        else
          g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_FOUND, "%s",
                       (const char *) g_ptr_array_index (job->summary->errors, 0));
        goto out;
      }
  }
  ok = TRUE;

out:
  for (guint i = 0; i < 2; i++)
    {
      g_free (principals[i]);
      g_free (homes[i]);
    }
  return ok;
}

/* What the account's homes hold, for Preferences to offer: calendars that
 * take events and address books, each as a LiaisonSyncCollection. */
GPtrArray *
liaison_sync_job_list_collections (LiaisonSyncJob *job,
                                   GError        **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_sync_collection_free);
  g_autoptr (LiaisonDavMultistatus) start = NULL;
  g_autoptr (GError) start_error = NULL;
  g_autofree char    *start_url = NULL;
  g_autofree char    *principal = NULL;
  char               *homes[2] = { NULL, NULL };
  LiaisonDavResponse *r;
  guint               status = 0;
  gboolean            ok = FALSE;

  start = propfind_following (job, job->url, "0", propfind_discovery, &start_url, &status, &start_error);
  if (start == NULL && stops_discovery (start_error, status))
    {
      g_propagate_error (error, g_steal_pointer (&start_error));
      return NULL;
    }
  r = first_response (start);
  if (r != NULL && r->hrefs->len > 0)
    principal = liaison_dav_client_resolve (start_url, g_ptr_array_index (r->hrefs, 0));
  else
    {
      g_autoptr (GError) wk_error = NULL;

      principal = well_known_principal (job, LIAISON_DAV_SERVICE_CALDAV, &wk_error);
      if (principal == NULL && wk_error == NULL)
        principal = well_known_principal (job, LIAISON_DAV_SERVICE_CARDDAV, &wk_error);
      if (wk_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&wk_error));
          return NULL;
        }
    }
  if (principal == NULL)
    return g_steal_pointer (&found);
  if (!read_homes (job, principal, homes, error))
    goto out;
  for (LiaisonSyncService s = 0; s < 2; s++)
    {
      g_autoptr (LiaisonDavMultistatus) ms = NULL;
      g_autoptr (GError) local_error = NULL;
      const char *home = homes[s] != NULL ? homes[s] : principal;

      if (s == 1 && g_strcmp0 (home, homes[0] != NULL ? homes[0] : principal) == 0)
        continue;
      ms = liaison_dav_client_multistatus (job->client, "PROPFIND", home, "1", propfind_collections, &status,
                                           job->cancellable, &local_error);
      if (ms == NULL)
        {
          if (stops_discovery (local_error, status))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto out;
            }
          continue;
        }
      for (guint i = 0; i < ms->responses->len; i++)
        {
          LiaisonDavResponse    *c = g_ptr_array_index (ms->responses, i);
          LiaisonSyncCollection *col;

          if (!(c->is_calendar && c->supports_events) && !c->is_addressbook)
            continue;
          col = g_new0 (LiaisonSyncCollection, 1);
          col->service = c->is_calendar ? LIAISON_SYNC_SERVICE_CALDAV : LIAISON_SYNC_SERVICE_CARDDAV;
          col->url = liaison_dav_client_resolve (home, c->href);
          col->name = g_strdup (c->displayname != NULL && *c->displayname != '\0' ? c->displayname : c->href);
          g_ptr_array_add (found, col);
        }
    }
  ok = TRUE;

out:
  g_free (homes[0]);
  g_free (homes[1]);
  return ok ? g_steal_pointer (&found) : NULL;
}
