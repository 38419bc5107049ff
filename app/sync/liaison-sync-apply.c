/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-dav-client.h"
#include "liaison-dav-href.h"
#include "liaison-ical.h"
#include "liaison-io-error.h"
#include "liaison-uuid.h"
#include "liaison-sync-private.h"
#include "liaison-vcard.h"

/* Applying the server's changes: one pulled resource (or the server's
 * deletion of one) merged with what is here (liaison-sync-merge.c) and
 * saved with origin "remote", in one transaction with its sync_resources
 * row; what Liaison cannot read is skipped and named. */

/* Who an attendee's e-mail address is here: a participant made from it
 * before (its name-based identifier), else the one whose card has the
 * address (any of theirs, in any case; of two, the smaller identifier, so
 * every office picks the same). The addresses are indexed once a sync, on
 * the sync's own store, after the address book was pulled. */
static char *
find_person (const char *email,
             gpointer    user_data)
{
  LiaisonSyncJob  *job = user_data;
  GHashTable      *index = g_object_get_data (G_OBJECT (job->store), "liaison-sync-emails");
  g_autofree char *name = g_strconcat ("liaison:attendee:", email, NULL);
  g_autofree char *named = liaison_uuid_new_for_name (name);

  if (liaison_store_sync_has_participant (job->store, named))
    return g_steal_pointer (&named);
  if (index == NULL)
    {
      index = liaison_store_sync_list_emails (job->store);
      g_object_set_data_full (G_OBJECT (job->store), "liaison-sync-emails", index, (GDestroyNotify) g_hash_table_unref);
    }
  return g_strdup (g_hash_table_lookup (index, email));
}

void
liaison_sync_job_ical_context (LiaisonSyncJob     *job,
                               LiaisonIcalContext *context)
{
  memset (context, 0, sizeof *context);
  context->find_person = find_person;
  context->user_data = job;
  context->local_zone = job->own_zone;
}

/* A resource's text as a field map. twins (events only): how many events
 * the resource has with its UID. */
GHashTable *
liaison_sync_read_text (LiaisonSyncJob *job,
                        const char     *entity,
                        const char     *text,
                        char          **uid,
                        GHashTable    **people,
                        guint          *twins,
                        GError        **error)
{
  if (people != NULL)
    *people = NULL;
  if (twins != NULL)
    *twins = 0;
  if (g_str_equal (entity, "event"))
    {
      LiaisonIcalContext context;
      GHashTable        *fields;

      liaison_sync_job_ical_context (job, &context);
      fields = liaison_ical_read_with (text, &context, uid, people, error);
      if (twins != NULL)
        *twins = context.twins;
      return fields;
    }
  return liaison_vcard_read (text, uid, error);
}

/* An attendee whose participant is not here: their card if the address
 * book has it, or a participant made from the attendee's name and address
 * (another client's invitation), saved as a local change (the push that
 * follows in this sync sends it). Unless the line is Liaison's own (it
 * carries the registration's id, which Liaison writes only for a person
 * whose card is on the server) and the card is gone: then the person was
 * deleted on the server, and their registration goes with them rather
 * than the card coming back (*dropped; the event is then written without
 * them). */
static gboolean
ensure_participants (LiaisonSyncJob *job,
                     GHashTable     *fields,
                     GHashTable     *people,
                     gboolean       *dropped,
                     GError        **error)
{
  g_autoptr (GPtrArray) gone = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer       key;

  *dropped = FALSE;
  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char      *pid;
      g_autofree char *card_url = NULL;
      g_autoptr (GBytes) reply = NULL;
      g_autofree char *etag = NULL;
      guint            status = 0;
      char           **person;

      if (!g_str_has_prefix (key, LIAISON_SYNC_ATTENDEE_PREFIX))
        continue;
      pid = (const char *) key + strlen (LIAISON_SYNC_ATTENDEE_PREFIX);
      if (liaison_store_sync_has_participant (job->store, pid))
        continue;

      if (job->collections[LIAISON_SYNC_SERVICE_CARDDAV] != NULL)
        {
          card_url = liaison_dav_resource_href (job->collections[LIAISON_SYNC_SERVICE_CARDDAV], pid,
                                                LIAISON_DAV_SERVICE_CARDDAV);
          if (!liaison_dav_client_send (job->client, "GET", card_url, NULL, NULL, NULL, NULL, NULL, &status, &reply,
                                        &etag, NULL, job->cancellable, error))
            return FALSE;
          if (status != 200 && status != 404 && status != 410)
            {
              liaison_dav_status_error (error, "GET", card_url, status);
              return FALSE;
            }
          if (status == 200 && reply != NULL)
            {
              g_autofree char *text = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
              g_autofree char *path = liaison_sync_href_path (card_url);
              g_autoptr (GError) local_error = NULL;

              if (!liaison_sync_job_apply_remote (job, LIAISON_SYNC_SERVICE_CARDDAV, path, etag, text, TRUE, &local_error))
                {
                  g_propagate_error (error, g_steal_pointer (&local_error));
                  return FALSE;
                }
              if (liaison_store_sync_has_participant (job->store, pid))
                continue;
            }
          else if ((person = people != NULL ? g_hash_table_lookup (people, pid) : NULL) != NULL && person[2] != NULL)
            {
              g_ptr_array_add (gone, g_strdup (pid));
              continue;
            }
        }

      person = people != NULL ? g_hash_table_lookup (people, pid) : NULL;
      {
        const char *name = person != NULL && person[0] != NULL ? person[0] : (person != NULL ? person[1] : NULL);
        g_autoptr (LiaisonParticipant) made = liaison_participant_new (pid);
        const char *emails[] = { person != NULL ? person[1] : NULL, NULL };
        gboolean    latin = TRUE;

        if (name == NULL)
          {
            g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED,
                         _ ("an attendee (%s) has neither a name nor an address, and no card in the address book"), pid);
            return FALSE;
          }
        for (const char *c = name; *c != '\0'; c = g_utf8_next_char (c))
          if (g_unichar_get_script (g_utf8_get_char (c)) > G_UNICODE_SCRIPT_INHERITED && g_unichar_get_script (g_utf8_get_char (c)) != G_UNICODE_SCRIPT_LATIN)
            latin = FALSE;
        if (latin)
          liaison_participant_set_latin_name (made, NULL, name);
        else
          liaison_participant_set_native_name (made, NULL, name);
        liaison_participant_set_name_order (made, LIAISON_NAME_ORDER_MONONYM);
        if (emails[0] != NULL && strchr (emails[0], '@') != NULL)
          liaison_participant_set_emails (made, emails);
        if (!liaison_store_save_participant (job->store, made, LIAISON_ORIGIN_LOCAL, error))
          return FALSE;
      }
    }

  for (guint i = 0; i < gone->len; i++)
    {
      liaison_sync_fields_remove_attendee (fields, g_ptr_array_index (gone, i));
      *dropped = TRUE;
    }
  return TRUE;
}

static gboolean
record_clashes (LiaisonSyncJob *job,
                const char     *entity,
                const char     *id,
                GPtrArray      *clashes,
                GError        **error)
{
  for (guint i = 0; i < clashes->len; i++)
    {
      LiaisonSyncClash *c = g_ptr_array_index (clashes, i);

      if (liaison_store_add_conflict (job->store, entity, id, c->field, c->base, c->local, c->remote, error) == 0)
        return FALSE;
      job->summary->conflicts++;
    }
  return TRUE;
}

/* This office's writes whose answers were lost (sync_sent) may be on the
 * server, under edits the other office made since: the base then follows
 * from what was sent (liaison_sync_merge_base_with_sent). (Comparing whole
 * records missed every lost write that the other office had edited on top
 * of.) NULL when no sent text is readable. */
static GHashTable *
own_writes_base (LiaisonSyncJob *job,
                 const char     *entity,
                 GHashTable     *base,
                 GHashTable     *remote,
                 GPtrArray      *texts)
{
  g_autoptr (GPtrArray) sent = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (guint i = 0; i < texts->len; i++)
    {
      GHashTable *fields = liaison_sync_read_text (job, entity, g_ptr_array_index (texts, i), NULL, NULL, NULL, NULL);

      if (fields != NULL)
        g_ptr_array_add (sent, fields);
    }
  if (sent->len == 0)
    return NULL;
  return liaison_sync_merge_base_with_sent (base, remote, sent);
}

/* One resource from the server, merged with what is here. Inside one
 * transaction; a resource Liaison cannot read is skipped and reported.
 * from_get: the text is the body of a plain GET, which a broken connection
 * can cut short without libsoup noticing (HTTP/1.0 headers cut before their
 * end): unreadable there means "try again", never "skip". */
gboolean
liaison_sync_job_apply_remote (LiaisonSyncJob    *job,
                               LiaisonSyncService service,
                               const char        *href,
                               const char        *etag,
                               const char        *text,
                               gboolean           from_get,
                               GError           **error)
{
  const char *entity = liaison_sync_entity_of (service);
  g_autoptr (GHashTable) remote = NULL;
  g_autoptr (GHashTable) people = NULL;
  g_autoptr (GHashTable) base = NULL;
  g_autoptr (GHashTable) local = NULL;
  g_autoptr (LiaisonSyncResource) res = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (LiaisonSyncMerge) merge = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *skipped = liaison_store_sync_get_skipped_etag (job->store, href);
  gboolean         dropped = FALSE;
  guint            twins = 0;

  if (skipped != NULL && etag != NULL && g_str_equal (skipped, etag))
    return TRUE;
  /* An empty body (g_bytes_get_data gives NULL then) reads as nothing. */
  if (text == NULL)
    text = "";

  remote = liaison_sync_read_text (job, entity, text, &uid, &people, &twins, &local_error);
  if (remote == NULL && from_get)
    {
      g_set_error (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_MALFORMED,
                   _ ("The server's copy of %s could not be read (%s); Liaison tries again at the next sync."),
                   href, local_error->message);
      return FALSE;
    }
  if (remote == NULL)
    goto skip;

  res = liaison_store_sync_get_resource (job->store, entity, uid);
  if (res != NULL && !g_str_equal (res->href, href))
    {
      g_clear_error (&local_error);
      g_set_error (&local_error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED,
                   _ ("its UID %s is already used by %s"), uid, res->href);
      goto skip;
    }
  if (res != NULL && etag != NULL && g_strcmp0 (res->etag, etag) == 0)
    return TRUE;

  if (twins > 1)
    {
      /* Named once: the resource is kept with its ETag, and read again
       * only when it changes. */
      g_autofree char *message = g_strdup_printf (_ ("%1$s holds %2$u events with the UID %3$s; Liaison reads the first "
                                                     "and leaves the others as they are."),
                                                  href, twins, uid);
      liaison_sync_job_add_error (job, message);
    }

  if (!liaison_store_sync_begin (job->store, error))
    return FALSE;
  if (service == LIAISON_SYNC_SERVICE_CALDAV && !ensure_participants (job, remote, people, &dropped, &local_error))
    {
      liaison_store_sync_rollback (job->store);
      if (local_error->domain != LIAISON_IO_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      goto skip;
    }

  base = res != NULL ? liaison_sync_read_text (job, entity, res->base, NULL, NULL, NULL, NULL) : NULL;
  local = liaison_store_sync_get_fields (job->store, entity, uid, NULL);
  {
    g_autoptr (GPtrArray) texts = liaison_store_sync_list_sent (job->store, entity, uid);
    GHashTable *own = own_writes_base (job, entity, base, remote, texts);

    if (own != NULL)
      {
        g_clear_pointer (&base, g_hash_table_unref);
        base = own;
      }
  }

  merge = liaison_sync_merge (base, local, remote, FALSE);
  if (local == NULL && base != NULL)
    {
      /* Deleted here since the last sync. */
      if (merge->fields == NULL)
        {
          if (!liaison_store_sync_queue (job->store, entity, uid, error))
            goto fail;
        }
      else
        {
          /* Edit beats delete: the record comes back with the server's
           * edit, and the queue remembers it was deleted here. */
          if (!liaison_store_sync_apply_fields (job->store, entity, uid, merge->fields, LIAISON_ORIGIN_REMOTE, &local_error))
            goto invalid;
          if (!record_clashes (job, entity, uid, merge->clashes, error) || !liaison_store_sync_dequeue (job->store, entity, uid, error))
            goto fail;
          job->summary->pulled++;
          job->changed = TRUE;
        }
    }
  else if (local == NULL)
    {
      if (!liaison_store_sync_apply_fields (job->store, entity, uid, merge->fields, LIAISON_ORIGIN_REMOTE, &local_error))
        goto invalid;
      job->summary->pulled++;
      job->changed = TRUE;
    }
  else
    {
      GHashTable *merged = merge->fields;

      if (!liaison_sync_fields_equal (merged, local))
        {
          if (!liaison_store_sync_apply_fields (job->store, entity, uid, merged, LIAISON_ORIGIN_REMOTE, &local_error))
            goto invalid;
          job->summary->pulled++;
          job->changed = TRUE;
        }
      if (!liaison_sync_fields_equal (merged, remote))
        {
          if (!liaison_sync_fields_equal (local, base ? base : local) || base == NULL)
            job->summary->merged++;
          if (!liaison_store_sync_queue (job->store, entity, uid, error))
            goto fail;
        }
      if (!record_clashes (job, entity, uid, merge->clashes, error))
        goto fail;
    }
  /* Attendees of a person deleted on the server left the event here: the
   * server's copy goes without them too. */
  if (dropped && merge->fields != NULL && !liaison_store_sync_queue (job->store, entity, uid, error))
    goto fail;

  if (!liaison_store_sync_put_resource (job->store, entity, uid, href, etag, text, error) || !liaison_store_sync_unskip (job->store, href, error))
    goto fail;
  return liaison_store_sync_commit (job->store, error);

invalid:
  liaison_store_sync_rollback (job->store);
  if (local_error->domain != LIAISON_STORE_ERROR && local_error->domain != LIAISON_CORE_ERROR)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Fall through: the server holds something Liaison's rules refuse. */
skip:
  {
    g_autofree char *message = g_strdup_printf (_ ("%s was skipped: %s"), href, local_error->message);

    liaison_sync_job_add_error (job, message);
    return liaison_store_sync_skip (job->store, href, etag, message, error);
  }

fail:
  liaison_store_sync_rollback (job->store);
  return FALSE;
}

/* The server no longer has a record. */
gboolean
liaison_sync_job_apply_remote_delete (LiaisonSyncJob *job,
                                      const char     *href,
                                      GError        **error)
{
  g_autoptr (LiaisonSyncResource) res = liaison_store_sync_get_resource_by_href (job->store, href);
  g_autoptr (GHashTable) base = NULL;
  g_autoptr (GHashTable) local = NULL;
  g_autoptr (LiaisonSyncMerge) merge = NULL;

  if (!liaison_store_sync_unskip (job->store, href, error))
    return FALSE;
  if (res == NULL)
    return TRUE;
  if (!liaison_store_sync_begin (job->store, error))
    return FALSE;
  base = liaison_sync_read_text (job, res->entity, res->base, NULL, NULL, NULL, NULL);
  local = liaison_store_sync_get_fields (job->store, res->entity, res->entity_id, NULL);
  merge = liaison_sync_merge (base, local, NULL, local != NULL && liaison_store_sync_is_queued (job->store, res->entity, res->entity_id));
  if (local != NULL && merge->fields != NULL)
    {
      /* Edit beats delete: kept here, written again, and the queue
       * remembers the server had deleted it. */
      if (!record_clashes (job, res->entity, res->entity_id, merge->clashes, error) || !liaison_store_sync_queue (job->store, res->entity, res->entity_id, error))
        goto fail;
    }
  else if (local != NULL)
    {
      if (!liaison_store_sync_delete_entity (job->store, res->entity, res->entity_id, LIAISON_ORIGIN_REMOTE, error))
        goto fail;
      job->summary->pulled++;
      job->changed = TRUE;
    }
  if (local == NULL && !liaison_store_sync_dequeue (job->store, res->entity, res->entity_id, error))
    goto fail;
  if (!liaison_store_sync_remove_resource (job->store, res->entity, res->entity_id, error))
    goto fail;
  return liaison_store_sync_commit (job->store, error);

fail:
  liaison_store_sync_rollback (job->store);
  return FALSE;
}
