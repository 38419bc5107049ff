/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-dav-client.h"
#include "liaison-dav-href.h"
#include "liaison-ical.h"
#include "liaison-sync-private.h"
#include "liaison-vcard.h"

/* Push: each record of the outbox written to the server (a PUT with
 * If-None-Match: * or If-Match, a DELETE with If-Match), what is sent kept
 * in sync_sent first; a 412 fetches the server's copy, merges it in like a
 * pulled change, and tries again. */

#define MAX_WRITE_ATTEMPTS 3

static GHashTable *
people_of (LiaisonSyncJob *job,
           GHashTable     *fields)
{
  GHashTable    *people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  GHashTableIter iter;
  gpointer       key;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *pid;
      g_autoptr (LiaisonParticipant) p = NULL;
      char **person;

      if (!g_str_has_prefix (key, LIAISON_SYNC_ATTENDEE_PREFIX))
        continue;
      pid = (const char *) key + strlen (LIAISON_SYNC_ATTENDEE_PREFIX);
      p = liaison_store_get_participant (job->store, pid, NULL);
      if (p == NULL)
        continue;
      person = g_new0 (char *, 3);
      person[0] = liaison_participant_dup_display_name (p);
      if (liaison_participant_get_emails (p) != NULL && liaison_participant_get_emails (p)[0] != NULL)
        person[1] = g_strdup (liaison_participant_get_emails (p)[0]);
      g_hash_table_insert (people, g_strdup (pid), person);
    }
  return people;
}

/* The event's fields as they go to the server: the registration id is
 * left out of the attendee line of a person whose card is not on the
 * server (its push failed in this sync). A line with a registration id
 * says the card was there when it was written, so an office that finds
 * no card for it knows the person was deleted (liaison-sync-apply.c,
 * ensure_participants). */
static GHashTable *
without_unsent_ids (LiaisonSyncJob *job,
                    GHashTable     *fields)
{
  GHashTable    *shown = liaison_sync_fields_new ();
  GHashTableIter iter;
  gpointer       key, value;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_str_has_prefix (key, LIAISON_SYNC_REGISTRATION_PREFIX) && job->collections[LIAISON_SYNC_SERVICE_CARDDAV] != NULL)
        {
          g_autoptr (LiaisonSyncResource) card = liaison_store_sync_get_resource (job->store, "participant",
                                                                                  (const char *) key + strlen (LIAISON_SYNC_REGISTRATION_PREFIX));

          if (card == NULL)
            continue;
        }
      g_hash_table_insert (shown, g_strdup (key), g_strdup (value));
    }
  return shown;
}

/* The server's current copy after a 412, merged in like a pulled change. */
static gboolean
refetch (LiaisonSyncJob    *job,
         LiaisonSyncService service,
         const char        *url,
         const char        *href,
         gboolean          *gone,
         GError           **error)
{
  g_autoptr (GBytes) reply = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *text = NULL;
  guint            status = 0;

  *gone = FALSE;
  if (!liaison_dav_client_send (job->client, "GET", url, NULL, NULL, NULL, NULL, NULL, &status, &reply, &etag,
                                NULL, job->cancellable, error))
    return FALSE;
  if (status == 404 || status == 410)
    {
      *gone = TRUE;
      return TRUE;
    }
  if (status != 200 || reply == NULL)
    {
      liaison_dav_status_error (error, "GET", url, status);
      return FALSE;
    }
  text = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
  return liaison_sync_job_apply_remote (job, service, href, etag, text, TRUE, error);
}

static gboolean
push_one (LiaisonSyncJob    *job,
          LiaisonSyncService service,
          const char        *id,
          GError           **error)
{
  const char *entity = liaison_sync_entity_of (service);
  const char *collection = job->collections[service];

  for (guint attempt = 0; attempt < MAX_WRITE_ATTEMPTS; attempt++)
    {
      g_autoptr (LiaisonSyncResource) res = liaison_store_sync_get_resource (job->store, entity, id);
      g_autoptr (GHashTable) local = liaison_store_sync_get_fields (job->store, entity, id, NULL);
      g_autoptr (GHashTable) base = NULL;
      g_autoptr (GHashTable) people = NULL;
      g_autofree char *href = NULL;
      g_autofree char *url = NULL;
      g_autofree char *text = NULL;
      g_autofree char *etag = NULL;
      g_autoptr (GBytes) reply = NULL;
      guint    status = 0;
      gboolean gone;

      if (local == NULL)
        {
          if (res == NULL)
            return liaison_store_sync_dequeue (job->store, entity, id, error);
          url = liaison_dav_client_resolve (collection, res->href);
          if (!liaison_dav_client_send (job->client, "DELETE", url, NULL, res->etag, NULL, NULL, NULL, &status,
                                        NULL, NULL, NULL, job->cancellable, error))
            return FALSE;
          if ((status >= 200 && status < 300) || status == 404 || status == 410)
            {
              if (!liaison_store_sync_begin (job->store, error))
                return FALSE;
              if (!liaison_store_sync_remove_resource (job->store, entity, id, error) || !liaison_store_sync_dequeue (job->store, entity, id, error))
                {
                  liaison_store_sync_rollback (job->store);
                  return FALSE;
                }
              job->summary->pushed++;
              return liaison_store_sync_commit (job->store, error);
            }
          if (status != 412)
            {
              liaison_dav_status_error (error, "DELETE", url, status);
              return FALSE;
            }
          if (!refetch (job, service, url, res->href, &gone, error))
            return FALSE;
          if (gone && !liaison_store_sync_remove_resource (job->store, entity, id, error))
            return FALSE;
          continue;
        }

      if (res != NULL)
        {
          base = liaison_sync_read_text (job, entity, res->base, NULL, NULL, NULL, NULL);
          if (base != NULL && liaison_sync_fields_equal (local, base))
            return liaison_store_sync_dequeue (job->store, entity, id, error);
        }

      if (service == LIAISON_SYNC_SERVICE_CALDAV)
        {
          g_autoptr (GHashTable) shown = without_unsent_ids (job, local);
          LiaisonIcalContext context;

          /* An event imported from a file goes out the first time with
           * what the other program wrote in it. */
          g_autofree char *imported = res == NULL ? liaison_store_sync_get_imported_text (job->store, id) : NULL;

          liaison_sync_job_ical_context (job, &context);
          people = people_of (job, local);
          text = liaison_ical_write_with (id, shown, people, res ? res->base : imported, &context, error);
        }
      else
        text = liaison_vcard_write (id, local, res ? res->base : NULL, error);
      if (text == NULL)
        return FALSE;

      if (res != NULL)
        href = g_strdup (res->href);
      else
        {
          g_autofree char *path = liaison_sync_collection_path (collection);
          href = liaison_dav_resource_href (path, id, service == LIAISON_SYNC_SERVICE_CALDAV ? LIAISON_DAV_SERVICE_CALDAV : LIAISON_DAV_SERVICE_CARDDAV);
        }
      /* Only ever a strict member: a PUT to the collection's own URL
       * replaces the whole collection on some servers. */
      if (!liaison_sync_is_member (collection, href))
        {
          g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_SERVER,
                       _ ("Refusing to write %s: it is not inside the collection %s."), href, collection);
          return FALSE;
        }
      url = liaison_dav_client_resolve (collection, href);
      if (!liaison_store_sync_add_sent (job->store, entity, id, text, error))
        return FALSE;
      if (!liaison_dav_client_send (job->client, "PUT", url, NULL, res ? res->etag : NULL, res ? NULL : "*",
                                    service == LIAISON_SYNC_SERVICE_CALDAV ? "text/calendar; charset=utf-8"
                                                                           : "text/vcard; charset=utf-8",
                                    text, &status, NULL, &etag, NULL, job->cancellable, error))
        return FALSE;

      if (status >= 200 && status < 300)
        {
          g_autofree char *stored = g_steal_pointer (&text);

          /* No ETag: the server changed what it stored; read it back. If
           * that fails, what was sent is the base and the next pull brings
           * the server's copy (an unknown ETag). */
          if (etag == NULL)
            {
              guint got = 0;

              if (liaison_dav_client_send (job->client, "GET", url, NULL, NULL, NULL, NULL, NULL, &got, &reply,
                                           &etag, NULL, NULL, NULL) &&
                  got == 200 && reply != NULL && etag != NULL)
                {
                  g_autofree char *copy = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
                  g_autoptr (GHashTable) readable = copy ? liaison_sync_read_text (job, entity, copy, NULL, NULL, NULL, NULL) : NULL;

                  if (readable != NULL)
                    {
                      g_free (stored);
                      stored = g_steal_pointer (&copy);
                    }
                  else
                    g_clear_pointer (&etag, g_free);
                }
              else
                g_clear_pointer (&etag, g_free);
            }
          if (!liaison_store_sync_begin (job->store, error))
            return FALSE;
          if (!liaison_store_sync_put_resource (job->store, entity, id, href, etag, stored, error) || !liaison_store_sync_dequeue (job->store, entity, id, error))
            {
              liaison_store_sync_rollback (job->store);
              return FALSE;
            }
          job->summary->pushed++;
          return liaison_store_sync_commit (job->store, error);
        }
      if (status == 400 || status == 403 || status == 413 || status == 415)
        {
          g_autoptr (GError) refused = NULL;
          g_autofree char *message = NULL;

          /* The server will not take this text (a 400 for what it cannot
           * store, 403 for what this user may not write): asking again
           * would fail again, every sync. Named once; the record stays
           * here and goes again when it changes (the journal feeds it to
           * the outbox then). */
          liaison_dav_status_error (&refused, "PUT", url, status);
          /* Translators: %s is the server's refusal, a sentence */
          message = g_strdup_printf (_ ("%s Liaison keeps the record here and sends it again when it changes."),
                                     refused->message);
          liaison_sync_job_add_error (job, message);
          return liaison_store_sync_dequeue (job->store, entity, id, error);
        }
      if (status != 412)
        {
          g_autoptr (GError) refused = NULL;

          liaison_dav_status_error (&refused, "PUT", url, status);
          if (liaison_sync_is_fatal (refused) || status >= 500)
            {
              g_propagate_error (error, g_steal_pointer (&refused));
              return FALSE;
            }
          /* Refused for this record only (409: its UID is taken): the
           * change stays in the outbox and is reported. */
          liaison_sync_job_add_error (job, refused->message);
          return TRUE;
        }
      /* 412: someone else wrote first. */
      if (!refetch (job, service, url, href, &gone, error))
        return FALSE;
      if (gone && res != NULL && !liaison_store_sync_remove_resource (job->store, entity, id, error))
        return FALSE;
    }
  {
    g_autofree char *message = g_strdup_printf (_ ("The server kept changing %s while Liaison wrote it; "
                                                   "it goes again at the next sync."),
                                                id);
    liaison_sync_job_add_error (job, message);
  }
  return TRUE;
}

gboolean
liaison_sync_job_push (LiaisonSyncJob    *job,
                       LiaisonSyncService service,
                       GError           **error)
{
  g_autoptr (GPtrArray) ids = NULL;

  /* What the pull saved as local changes (participants made from another
   * client's attendees) goes in this sync, not the next. */
  if (!liaison_store_sync_feed_outbox (job->store, error))
    return FALSE;
  ids = liaison_store_sync_list_outbox (job->store, liaison_sync_entity_of (service));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr (GError) local_error = NULL;

      if (!push_one (job, service, g_ptr_array_index (ids, i), &local_error))
        {
          if (liaison_sync_is_fatal (local_error) || g_error_matches (local_error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_SERVER))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          liaison_sync_job_add_error (job, local_error->message);
        }
      liaison_sync_job_report_progress (job, (double) (i + 1) / ids->len);
    }
  return TRUE;
}
