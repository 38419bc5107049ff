/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-dav-client.h"
#include "liaison-sync-private.h"

/* Pull: what changed in a collection (sync-collection from the stored
 * token; without one, or when it is refused, everything, reconciled by
 * ETag; PROPFIND where the server has no sync-collection), fetched with
 * multiget by a thread of its own and applied batch by batch
 * (liaison-sync-apply.c). */

#define EVENT_BATCH 50
#define CARD_BATCH 250

static char *
sync_collection_body (const char *token)
{
  g_autofree char *escaped = token != NULL ? g_markup_escape_text (token, -1) : NULL;

  /* Never DAV:limit: some servers answer it wrongly. */
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                          "<D:sync-collection xmlns:D=\"DAV:\"><D:sync-token>%s</D:sync-token>"
                          "<D:sync-level>1</D:sync-level><D:prop><D:getetag/></D:prop></D:sync-collection>",
                          escaped != NULL ? escaped : "");
}

typedef struct
{
  GHashTable *changed; /* href → etag */
  GHashTable *deleted; /* href set */
  GHashTable *listed;  /* href set, for a full listing */
  char       *token;
} Listing;

static void
listing_clear (Listing *l)
{
  g_clear_pointer (&l->changed, g_hash_table_unref);
  g_clear_pointer (&l->deleted, g_hash_table_unref);
  g_clear_pointer (&l->listed, g_hash_table_unref);
  g_clear_pointer (&l->token, g_free);
}

/* Whether the resource at path is known here with this ETag. known: every
 * href → ETag of the collection, or NULL to look each up (a sync from a
 * token names few hrefs; loading them all cost more than the request). */
static gboolean
same_etag (LiaisonSyncJob *job,
           GHashTable     *known,
           const char     *path,
           const char     *etag)
{
  g_autofree char *here = NULL;

  if (known != NULL)
    return g_strcmp0 (g_hash_table_lookup (known, path), etag) == 0;
  here = liaison_store_sync_get_etag (job->store, path);
  return g_strcmp0 (here, etag) == 0;
}

/* sync-collection from token (NULL: everything). FALSE with status when the
 * server refused it, so the caller can start over without a token. */
static gboolean
list_changes (LiaisonSyncJob *job,
              const char     *url,
              const char     *token,
              GHashTable     *known,
              Listing        *out,
              guint          *status,
              GError        **error)
{
  g_autofree char *current = g_strdup (token);

  for (guint round = 0; round < 1000; round++)
    {
      g_autofree char *body = sync_collection_body (current);
      g_autoptr (LiaisonDavMultistatus) ms = NULL;
      gboolean truncated = FALSE;

      ms = liaison_dav_client_multistatus (job->client, "REPORT", url, "1", body, status, job->cancellable, error);
      if (ms == NULL)
        return FALSE;
      for (guint i = 0; i < ms->responses->len; i++)
        {
          LiaisonDavResponse *r = g_ptr_array_index (ms->responses, i);
          g_autofree char    *path = liaison_sync_href_path (r->href);

          if (r->status == 507)
            {
              truncated = TRUE;
              continue;
            }
          if (!liaison_sync_is_member (url, path))
            continue;
          if (r->status == 404)
            {
              g_hash_table_add (out->deleted, g_strdup (path));
              g_hash_table_remove (out->changed, path);
              continue;
            }
          g_hash_table_add (out->listed, g_strdup (path));
          g_hash_table_remove (out->deleted, path);
          if (r->etag == NULL || !same_etag (job, known, path, r->etag))
            g_hash_table_insert (out->changed, g_strdup (path), g_strdup (r->etag));
        }
      g_free (current);
      current = g_strdup (ms->sync_token);
      /* 507: the server sent part of the changes; ask again from its token. */
      if (!truncated || current == NULL)
        break;
    }
  out->token = g_steal_pointer (&current);
  return TRUE;
}

/* PROPFIND Depth 1 with ETags, for servers without sync-collection. */
static gboolean
list_by_propfind (LiaisonSyncJob *job,
                  const char     *url,
                  GHashTable     *known,
                  Listing        *out,
                  GError        **error)
{
  static const char body[] =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
      "<D:propfind xmlns:D=\"DAV:\"><D:prop><D:getetag/><D:resourcetype/></D:prop></D:propfind>";
  g_autoptr (LiaisonDavMultistatus) ms = NULL;
  guint status;

  ms = liaison_dav_client_multistatus (job->client, "PROPFIND", url, "1", body, &status, job->cancellable, error);
  if (ms == NULL)
    return FALSE;
  for (guint i = 0; i < ms->responses->len; i++)
    {
      LiaisonDavResponse *r = g_ptr_array_index (ms->responses, i);
      g_autofree char    *path = liaison_sync_href_path (r->href);

      if (r->is_collection || !liaison_sync_is_member (url, path) || r->status == 404)
        continue;
      g_hash_table_add (out->listed, g_strdup (path));
      if (r->etag == NULL || g_strcmp0 (g_hash_table_lookup (known, path), r->etag) != 0)
        g_hash_table_insert (out->changed, g_strdup (path), g_strdup (r->etag));
    }
  return TRUE;
}

static char *
multiget_body (LiaisonSyncService service,
               GPtrArray         *hrefs,
               guint              from,
               guint              n)
{
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"utf-8\"?>");

  if (service == LIAISON_SYNC_SERVICE_CALDAV)
    g_string_append (s, "<C:calendar-multiget xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
                        "<D:prop><D:getetag/><C:calendar-data/></D:prop>");
  else
    g_string_append (s, "<C:addressbook-multiget xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:carddav\">"
                        "<D:prop><D:getetag/><C:address-data/></D:prop>");
  for (guint i = from; i < from + n && i < hrefs->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (hrefs, i), -1);
      g_string_append_printf (s, "<D:href>%s</D:href>", escaped);
    }
  g_string_append (s, service == LIAISON_SYNC_SERVICE_CALDAV ? "</C:calendar-multiget>" : "</C:addressbook-multiget>");
  return g_string_free (s, FALSE);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The multigets of a pull run in a thread of their own, with their own
 * connection, at most PREFETCH batches ahead: while this thread applies one
 * batch to the database, the server is already answering the next. */
#define PREFETCH 2

typedef struct
{
  LiaisonDavMultistatus *ms;
  GError                *error;
} Fetched;

typedef struct
{
  LiaisonSyncService service;
  char              *url;
  char              *user;
  char              *password;
  guint64            answer_limit;
  guint              timeout;
  GPtrArray         *hrefs;
  guint              batch;
  GCancellable      *cancellable;
  GAsyncQueue       *results; /* Fetched, in batch order */
  GAsyncQueue       *tokens;  /* one per batch the fetcher may run ahead */
  gint               stop;
  guint              requests;
} Prefetch;

static void
fetched_free (Fetched *f)
{
  g_clear_pointer (&f->ms, liaison_dav_multistatus_free);
  g_clear_error (&f->error);
  g_free (f);
}

static gpointer
prefetch_thread (gpointer data)
{
  Prefetch         *p = data;
  GMainContext     *context = g_main_context_new ();
  LiaisonDavClient *client;

  g_main_context_push_thread_default (context);
  client = liaison_dav_client_new (p->user, p->password);
  liaison_dav_client_set_limits (client, p->answer_limit, p->timeout);
  for (guint from = 0; from < p->hrefs->len; from += p->batch)
    {
      Fetched         *f = g_new0 (Fetched, 1);
      g_autofree char *body = NULL;
      guint            status;

      g_async_queue_pop (p->tokens);
      if (g_atomic_int_get (&p->stop))
        {
          g_free (f);
          break;
        }
      body = multiget_body (p->service, p->hrefs, from, p->batch);
      f->ms = liaison_dav_client_multistatus (client, "REPORT", p->url, "1", body, &status, p->cancellable, &f->error);
      /* An answer that is not XML is fetched item by item (fetch_and_apply);
       * the batches after it are still wanted. */
      if (f->ms == NULL && !g_error_matches (f->error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_MALFORMED))
        {
          g_async_queue_push (p->results, f);
          break;
        }
      g_async_queue_push (p->results, f);
    }
  p->requests = liaison_dav_client_get_requests (client);
  g_object_unref (client);
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);
  return NULL;
}

static gboolean
apply_batch_once (LiaisonSyncJob        *job,
                  LiaisonSyncService     service,
                  LiaisonDavMultistatus *ms,
                  GHashTable            *changed,
                  gboolean               initial,
                  gboolean               bulk,
                  GError               **error);

/* One batch in one transaction. First as a bulk load (no savepoint for
 * each record: most of the cost of a first pull); if a record fails after
 * writing, which spoils a bulk load, the batch is applied again with a
 * savepoint for each record, so the others still go in. */
static gboolean
apply_batch (LiaisonSyncJob        *job,
             LiaisonSyncService     service,
             LiaisonDavMultistatus *ms,
             GHashTable            *changed,
             gboolean               initial,
             GError               **error)
{
  LiaisonSyncSummary before = *job->summary;
  guint              n_errors = job->summary->errors->len;
  gboolean           changed_before = job->changed;
  g_autoptr (GError) local_error = NULL;

  if (apply_batch_once (job, service, ms, changed, initial, TRUE, &local_error))
    return TRUE;
  if (!g_error_matches (local_error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_debug ("a batch is applied again with a savepoint for each record: %s", local_error->message);
  job->summary->pulled = before.pulled;
  job->summary->merged = before.merged;
  job->summary->conflicts = before.conflicts;
  g_ptr_array_set_size (job->summary->errors, n_errors);
  job->changed = changed_before;
  return apply_batch_once (job, service, ms, changed, initial, FALSE, error);
}

static gboolean
apply_batch_once (LiaisonSyncJob        *job,
                  LiaisonSyncService     service,
                  LiaisonDavMultistatus *ms,
                  GHashTable            *changed,
                  gboolean               initial,
                  gboolean               bulk,
                  GError               **error)
{
  if (bulk ? !liaison_store_begin_bulk (job->store, error) : !liaison_store_sync_begin (job->store, error))
    return FALSE;
  for (guint i = 0; i < ms->responses->len; i++)
    {
      LiaisonDavResponse *r = g_ptr_array_index (ms->responses, i);
      g_autofree char    *path = liaison_sync_href_path (r->href);

      if (!g_hash_table_contains (changed, path))
        continue;
      if (r->status == 404 || r->data == NULL)
        {
          /* Gone between the listing and now; on a first sync a 404
           * row means nothing. */
          if (!initial && r->status == 404 && !liaison_sync_job_apply_remote_delete (job, path, error))
            goto fail;
          continue;
        }
      if (!liaison_sync_job_apply_remote (job, service, path, r->etag, r->data, FALSE, error))
        goto fail;
    }
  if (bulk)
    return liaison_store_end_bulk (job->store, TRUE, error);
  return liaison_store_sync_commit (job->store, error);

fail:
  if (bulk)
    liaison_store_end_bulk (job->store, FALSE, NULL);
  else
    liaison_store_sync_rollback (job->store);
  return FALSE;
}

/* Whether a GET's body is a whole resource: a connection cut short can
 * end it anywhere, and only a whole one may be skipped as unreadable. */
static gboolean
is_whole (const char *text, gsize size)
{
  gsize end = size;

  while (end > 0 && (text[end - 1] == '\r' || text[end - 1] == '\n'))
    end--;
  return end >= 13 && (g_ascii_strncasecmp (text + end - 13, "END:VCALENDAR", 13) == 0 ||
                       g_ascii_strncasecmp (text + end - 9, "END:VCARD", 9) == 0);
}

/* A multiget whose answer is not XML (one item with a control character
 * is enough on Radicale, which writes it into the XML as it is): each item
 * of the batch with a GET of its own, so only the unreadable one is
 * skipped, by name. */
static gboolean
fetch_one_by_one (LiaisonSyncJob    *job,
                  LiaisonSyncService service,
                  const char        *url,
                  GPtrArray         *hrefs,
                  guint              from,
                  guint              n,
                  gboolean           initial,
                  GError           **error)
{
  for (guint i = from; i < from + n && i < hrefs->len; i++)
    {
      const char      *href = g_ptr_array_index (hrefs, i);
      g_autofree char *item_url = liaison_dav_client_resolve (url, href);
      g_autoptr (GBytes) reply = NULL;
      g_autofree char *etag = NULL;
      g_autofree char *text = NULL;
      const char      *data;
      gsize            size = 0;
      guint            status = 0;

      if (!liaison_dav_client_send (job->client, "GET", item_url, NULL, NULL, NULL, NULL, NULL, &status, &reply, &etag,
                                    NULL, job->cancellable, error))
        return FALSE;
      if (status == 404 || status == 410)
        {
          if (!initial && !liaison_sync_job_apply_remote_delete (job, href, error))
            return FALSE;
          continue;
        }
      if (status != 200 || reply == NULL)
        {
          liaison_dav_status_error (error, "GET", item_url, status);
          return FALSE;
        }
      /* An answer cut inside its headers comes as 200 with an empty body
       * (no data at all): read as a cut resource, tried again next time. */
      data = g_bytes_get_data (reply, &size);
      text = g_strndup (data != NULL ? data : "", size);
      if (!liaison_sync_job_apply_remote (job, service, href, etag, text, !is_whole (text, strlen (text)), error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
fetch_and_apply (LiaisonSyncJob    *job,
                 LiaisonSyncService service,
                 const char        *url,
                 GHashTable        *changed,
                 gboolean           initial,
                 GError           **error)
{
  g_autoptr (GPtrArray) hrefs = g_ptr_array_new_with_free_func (g_free);
  guint          batch = service == LIAISON_SYNC_SERVICE_CALDAV ? EVENT_BATCH : CARD_BATCH;
  GHashTableIter iter;
  gpointer       key;
  Prefetch       p = { 0 };
  GThread       *thread;
  gboolean       ok = TRUE;
  guint          done = 0;
  gint64         waited = 0;

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (hrefs, g_strdup (key));
  g_ptr_array_sort (hrefs, compare_paths);
  if (hrefs->len == 0)
    return TRUE;

  p.service = service;
  p.url = (char *) url;
  p.user = job->user;
  p.password = job->password;
  p.answer_limit = job->answer_limit;
  p.timeout = job->request_timeout;
  p.hrefs = hrefs;
  p.batch = batch;
  p.cancellable = job->cancellable;
  p.results = g_async_queue_new_full ((GDestroyNotify) fetched_free);
  p.tokens = g_async_queue_new ();
  for (guint i = 0; i < PREFETCH; i++)
    g_async_queue_push (p.tokens, GINT_TO_POINTER (1));
  thread = g_thread_new ("liaison-multiget", prefetch_thread, &p);

  for (guint from = 0; from < hrefs->len; from += batch)
    {
      gint64   start = g_get_monotonic_time ();
      Fetched *f = g_async_queue_pop (p.results);

      waited += g_get_monotonic_time () - start;

      if (f->ms == NULL && !g_error_matches (f->error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_MALFORMED))
        {
          g_propagate_error (error, g_steal_pointer (&f->error));
          fetched_free (f);
          ok = FALSE;
          break;
        }
      /* Let the fetcher ask for the next batch before this one is applied. */
      g_async_queue_push (p.tokens, GINT_TO_POINTER (1));
      if (f->ms == NULL)
        {
          g_debug ("a multiget is fetched item by item: %s", f->error->message);
          ok = fetch_one_by_one (job, service, url, hrefs, from, batch, initial, error);
        }
      else
        ok = apply_batch (job, service, f->ms, changed, initial, error);
      fetched_free (f);
      if (!ok)
        break;
      done = MIN (from + batch, hrefs->len);
      liaison_sync_job_report_progress (job, (double) done / hrefs->len);
    }

  /* How much of the pull waited for the server rather than the database. */
  g_debug ("waiting for multigets: %.1f ms of the next step", waited / 1000.0);
  /* Stop the fetcher wherever it is, then wait for it. */
  g_atomic_int_set (&p.stop, TRUE);
  g_async_queue_push (p.tokens, GINT_TO_POINTER (1));
  g_thread_join (thread);
  job->extra_requests += p.requests;
  g_async_queue_unref (p.results);
  g_async_queue_unref (p.tokens);
  return ok;
}

gboolean
liaison_sync_job_pull (LiaisonSyncJob    *job,
                       LiaisonSyncService service,
                       gboolean          *complete,
                       GError           **error)
{
  const char      *entity = liaison_sync_entity_of (service);
  const char      *url = job->collections[service];
  g_autofree char *token = NULL;
  g_autofree char *stored_url = liaison_store_sync_get_collection (job->store, service, &token);
  g_autoptr (GHashTable) known = NULL;
  g_autoptr (GError) local_error = NULL;
  Listing  listing = { 0 };
  gboolean full = token == NULL;
  gboolean token_refused = FALSE;
  gboolean ok = FALSE;
  guint    status = 0;

  listing.changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  listing.deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  listing.listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* From a token, each href is looked up as it comes; without one, the
   * sweep needs them all. */
  if (token == NULL)
    known = liaison_store_sync_list_resources (job->store, entity);
  liaison_sync_job_trace (job, "known resources");

  if (!list_changes (job, url, token, known, &listing, &status, &local_error))
    {
      /* No answer, or a refused password: nothing else would do better. */
      if (status == 0 || status == 401)
        goto out;
      /* Without a token, a failing server (Radicale with a file it cannot
       * read answers 500) is reported and nothing changes here. */
      if (token == NULL && status >= 500 && status != 501)
        goto out;
      g_clear_error (&local_error);
      listing_clear (&listing);
      listing.changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      listing.deleted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      listing.listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      full = TRUE;
      if (known == NULL)
        known = liaison_store_sync_list_resources (job->store, entity);
      /* Any error for a token (Radicale: 403 valid-sync-token; others 412,
       * 400, 409 or even 500): everything again, reconciled by ETag. An
       * error without one (403, 405, 501): a server without
       * sync-collection, listed with PROPFIND. */
      if (token != NULL && !list_changes (job, url, NULL, known, &listing, &status, &local_error))
        {
          if (status == 0 || status == 401 || (status >= 500 && status != 501))
            goto out;
          g_clear_error (&local_error);
          token_refused = TRUE;
        }
      if ((token == NULL || token_refused) && !list_by_propfind (job, url, known, &listing, &local_error))
        goto out;
    }

  if (full)
    {
      GHashTableIter iter;
      gpointer       href;

      /* Mark and sweep: what is known here and not listed is gone. A
       * collection that suddenly lists nothing is not believed. */
      if (g_hash_table_size (listing.listed) == 0 && g_hash_table_size (known) > 0)
        {
          g_set_error (&local_error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_SERVER,
                       _ ("The collection %s is suddenly empty on the server, though %u records of it are here. "
                          "Nothing was deleted here; if the server was emptied on purpose, delete them here too."),
                       url, g_hash_table_size (known));
          goto out;
        }
      g_hash_table_iter_init (&iter, known);
      while (g_hash_table_iter_next (&iter, &href, NULL))
        if (!g_hash_table_contains (listing.listed, href))
          g_hash_table_add (listing.deleted, g_strdup (href));
    }

  liaison_sync_job_trace (job, "list changes");
  if (!fetch_and_apply (job, service, url, listing.changed, full && g_hash_table_size (known) == 0, &local_error))
    goto out;
  liaison_sync_job_trace (job, "fetch and apply");
  {
    GHashTableIter iter;
    gpointer       href;

    g_hash_table_iter_init (&iter, listing.deleted);
    while (g_hash_table_iter_next (&iter, &href, NULL))
      if (!liaison_sync_job_apply_remote_delete (job, href, &local_error))
        goto out;
  }
  ok = liaison_store_sync_set_token (job->store, service, listing.token, &local_error);

out:
  listing_clear (&listing);
  *complete = ok;
  if (!ok)
    {
      if (liaison_sync_is_fatal (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      liaison_sync_job_add_error (job, local_error->message);
    }
  return TRUE;
}
