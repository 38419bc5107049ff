/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-dav-client.h"
#include "liaison-dav-href.h"
#include "liaison-ical.h"
#include "liaison-io-error.h"
#include "liaison-secret.h"
#include "liaison-sync-engine.h"
#include "liaison-sync-private.h"
#include "liaison-vcard.h"

/* How a sync goes (HACKING.md, "The sync engine", says why):
 *
 *  1. feed the outbox from the journal (one transaction with its cursor);
 *  2. find the collections the first time (well-known URIs, principal,
 *     home sets; created when missing);
 *  3. pull the address book, then the calendar: sync-collection with the
 *     stored token, or without one and a mark-and-sweep by ETag when the
 *     token is refused; changes fetched with multiget in batches, merged
 *     three ways with what is here, applied with origin "remote";
 *  4. push the outbox: If-None-Match: * or If-Match; a 412 fetches the
 *     server's version, merges, and tries again.
 *
 * Each step commits as it goes and is safe to repeat, so a process killed
 * anywhere resumes at the next sync without losing or doubling anything. */

#define EVENT_BATCH 50
#define CARD_BATCH 250
#define MAX_WRITE_ATTEMPTS 3

G_DEFINE_BOXED_TYPE (LiaisonSyncSummary, liaison_sync_summary, liaison_sync_summary_copy, liaison_sync_summary_free)

GType
liaison_sync_state_get_type (void)
{
  static gsize            type;
  static const GEnumValue values[] = {
    { LIAISON_SYNC_STATE_IDLE, "LIAISON_SYNC_STATE_IDLE", "idle" },
    { LIAISON_SYNC_STATE_SYNCING, "LIAISON_SYNC_STATE_SYNCING", "syncing" },
    { LIAISON_SYNC_STATE_OFFLINE, "LIAISON_SYNC_STATE_OFFLINE", "offline" },
    { LIAISON_SYNC_STATE_ERROR, "LIAISON_SYNC_STATE_ERROR", "error" },
    { 0, NULL, NULL },
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("LiaisonSyncState", values));
  return type;
}

static LiaisonSyncSummary *
summary_new (void)
{
  LiaisonSyncSummary *s = g_new0 (LiaisonSyncSummary, 1);

  s->errors = g_ptr_array_new_with_free_func (g_free);
  return s;
}

LiaisonSyncSummary *
liaison_sync_summary_copy (const LiaisonSyncSummary *summary)
{
  LiaisonSyncSummary *copy = summary_new ();

  copy->pulled = summary->pulled;
  copy->pushed = summary->pushed;
  copy->merged = summary->merged;
  copy->conflicts = summary->conflicts;
  copy->requests = summary->requests;
  for (guint i = 0; i < summary->errors->len; i++)
    g_ptr_array_add (copy->errors, g_strdup (g_ptr_array_index (summary->errors, i)));
  return copy;
}

void
liaison_sync_summary_free (LiaisonSyncSummary *summary)
{
  g_ptr_array_unref (summary->errors);
  g_free (summary);
}

struct _LiaisonSyncEngine
{
  GObject parent_instance;

  LiaisonStore *store;
  GSettings    *settings;
  GMainContext *context;
  char         *server_url;
  char         *username;
  char         *password;
  char         *chosen[2]; /* calendar-url, address-book-url overrides */

  LiaisonSyncState state;
  GDateTime       *last_sync;
  double           progress;
  char            *last_error;
  int              last_error_code;
  GListStore      *conflicts;
  gboolean         syncing;
  gboolean         automatic;
  guint            timer;
};

G_DEFINE_FINAL_TYPE (LiaisonSyncEngine, liaison_sync_engine, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_STATE,
  PROP_LAST_SYNC,
  PROP_PROGRESS,
  PROP_LAST_ERROR,
  PROP_LAST_ERROR_CODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* The job, run in the worker thread                                         */

static void
job_free (LiaisonSyncJob *job)
{
  g_clear_object (&job->engine);
  g_free (job->db_path);
  g_free (job->url);
  g_free (job->user);
  g_free (job->password);
  g_clear_object (&job->store);
  g_clear_object (&job->client);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->summary, liaison_sync_summary_free);
  g_free (job->collections[0]);
  g_free (job->collections[1]);
  g_free (job->chosen[0]);
  g_free (job->chosen[1]);
  g_clear_pointer (&job->finished, g_date_time_unref);
  g_free (job);
}

typedef struct
{
  LiaisonSyncEngine *engine;
  double             progress;
} ProgressUpdate;

static gboolean
apply_progress (gpointer data)
{
  ProgressUpdate *u = data;

  if (u->engine->syncing && u->progress > u->engine->progress + 0.001)
    {
      u->engine->progress = u->progress;
      g_object_notify_by_pspec (G_OBJECT (u->engine), properties[PROP_PROGRESS]);
    }
  return G_SOURCE_REMOVE;
}

static void
free_progress (gpointer data)
{
  ProgressUpdate *u = data;

  g_object_unref (u->engine);
  g_free (u);
}

/* fraction of the current phase */
void
liaison_sync_job_report_progress (LiaisonSyncJob *job,
                                  double          fraction)
{
  ProgressUpdate *u = g_new0 (ProgressUpdate, 1);

  u->engine = g_object_ref (job->engine);
  u->progress = job->progress_from + job->progress_span * CLAMP (fraction, 0.0, 1.0);
  g_main_context_invoke_full (job->engine->context, G_PRIORITY_DEFAULT, apply_progress, u, free_progress);
}

static void
phase (LiaisonSyncJob *job,
       double          from,
       double          span)
{
  job->progress_from = from;
  job->progress_span = span;
  liaison_sync_job_report_progress (job, 0);
}

/* Where the time goes: G_MESSAGES_DEBUG=liaison-sync shows each step. */
void
liaison_sync_job_trace (LiaisonSyncJob *job,
                        const char     *step)
{
  gint64 now = g_get_monotonic_time ();

  g_debug ("%s: %.1f ms", step, (now - job->traced) / 1000.0);
  job->traced = now;
}

gboolean
liaison_sync_is_fatal (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || g_error_matches (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_AUTH) || g_error_matches (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_CERTIFICATE) || g_error_matches (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_UNREACHABLE) || (error->domain == LIAISON_STORE_ERROR && error->code != LIAISON_STORE_ERROR_INVALID && error->code != LIAISON_STORE_ERROR_NOT_FOUND);
}

void
liaison_sync_job_add_error (LiaisonSyncJob *job,
                            const char     *message)
{
  if (!g_ptr_array_find_with_equal_func (job->summary->errors, message, g_str_equal, NULL))
    g_ptr_array_add (job->summary->errors, g_strdup (message));
}

const char *
liaison_sync_entity_of (LiaisonSyncService service)
{
  return service == LIAISON_SYNC_SERVICE_CALDAV ? "event" : "participant";
}

char *
liaison_sync_collection_path (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);

  return g_strdup (uri != NULL ? g_uri_get_path (uri) : url);
}

char *
liaison_sync_href_path (const char *href)
{
  if (g_str_has_prefix (href, "http://") || g_str_has_prefix (href, "https://"))
    return liaison_sync_collection_path (href);
  return g_strdup (href);
}

/* ------------------------------------------------------------------------ */
/* Pull                                                                      */

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

gboolean
liaison_sync_is_member (const char *collection_url,
                        const char *href)
{
  g_autofree char *collection = liaison_sync_collection_path (collection_url);
  g_autofree char *path = liaison_sync_href_path (href);

  return liaison_dav_href_is_member (collection, path);
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
      text = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
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
                       _("The collection %s is suddenly empty on the server, though %u records of it are here. "
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

/* ------------------------------------------------------------------------ */
/* Push                                                                      */

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
          base = liaison_sync_read_text (entity, res->base, NULL, NULL, NULL);
          if (base != NULL && liaison_sync_fields_equal (local, base))
            return liaison_store_sync_dequeue (job->store, entity, id, error);
        }

      if (service == LIAISON_SYNC_SERVICE_CALDAV)
        {
          people = people_of (job, local);
          text = liaison_ical_write (id, local, people, res ? res->base : NULL, error);
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
                       _("Refusing to write %s: it is not inside the collection %s."), href, collection);
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
                  g_autoptr (GHashTable) readable = copy ? liaison_sync_read_text (entity, copy, NULL, NULL, NULL) : NULL;

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
    g_autofree char *message = g_strdup_printf (_("The server kept changing %s while Liaison wrote it; "
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
  g_autoptr (GPtrArray) ids = liaison_store_sync_list_outbox (job->store, liaison_sync_entity_of (service));

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

static gboolean
run_job (LiaisonSyncJob *job,
         GError        **error)
{
  g_autofree char *account = NULL;
  gboolean         pulled[2] = { FALSE, FALSE };

  job->traced = g_get_monotonic_time ();
  job->store = liaison_store_open (job->db_path, error);
  if (job->store == NULL)
    return FALSE;
  liaison_sync_job_trace (job, "open the database");
  job->client = liaison_dav_client_new (job->user, job->password);
  account = g_strconcat (job->url, "\n", job->user, NULL);

  if (!liaison_store_sync_set_account (job->store, account, error) || !liaison_store_sync_feed_outbox (job->store, error))
    return FALSE;
  liaison_sync_job_trace (job, "feed the outbox");

  phase (job, 0, 0.05);
  if (!liaison_sync_job_discover (job, error))
    return FALSE;
  liaison_sync_job_trace (job, "discovery");

  /* The address book first: events name their attendees' cards. A
   * service discovery found no collection for was reported there. */
  phase (job, 0.05, 0.2);
  if (job->collections[LIAISON_SYNC_SERVICE_CARDDAV] == NULL)
    pulled[1] = TRUE;
  else if (!liaison_sync_job_pull (job, LIAISON_SYNC_SERVICE_CARDDAV, &pulled[1], error))
    return FALSE;
  liaison_sync_job_trace (job, "pull the address book");
  phase (job, 0.25, 0.4);
  if (job->collections[LIAISON_SYNC_SERVICE_CALDAV] == NULL)
    ;
  else if (pulled[1])
    {
      if (!liaison_sync_job_pull (job, LIAISON_SYNC_SERVICE_CALDAV, &pulled[0], error))
        return FALSE;
    }
  else
    liaison_sync_job_add_error (job, _("The calendar was not synced because the address book could not be read; "
                      "it will be at the next sync."));
  liaison_sync_job_trace (job, "pull the calendar");

  phase (job, 0.65, 0.15);
  if (job->collections[LIAISON_SYNC_SERVICE_CARDDAV] != NULL && !liaison_sync_job_push (job, LIAISON_SYNC_SERVICE_CARDDAV, error))
    return FALSE;
  phase (job, 0.8, 0.2);
  if (job->collections[LIAISON_SYNC_SERVICE_CALDAV] != NULL && !liaison_sync_job_push (job, LIAISON_SYNC_SERVICE_CALDAV, error))
    return FALSE;
  liaison_sync_job_trace (job, "push");

  for (LiaisonSyncService s = 0; s < 2; s++)
    {
      g_autofree char *path = job->collections[s] ? liaison_sync_collection_path (job->collections[s]) : NULL;
      g_autoptr (GPtrArray) skipped = path ? liaison_store_sync_list_skipped (job->store, path) : NULL;

      if (skipped == NULL)
        continue;

      for (guint i = 0; i < skipped->len; i++)
        liaison_sync_job_add_error (job, g_ptr_array_index (skipped, i));
    }
  liaison_sync_job_report_progress (job, 1);
  job->finished = g_date_time_new_now_utc ();
  {
    g_autofree char *when = g_date_time_format_iso8601 (job->finished);

    if (!liaison_store_sync_set_last_sync (job->store, when, error))
      return FALSE;
  }
  return TRUE;
}

static void
sync_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  LiaisonSyncJob *job = data;
  GMainContext   *context = g_main_context_new ();
  g_autoptr (GError) error = NULL;
  gboolean ok;

  g_main_context_push_thread_default (context);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  ok = run_job (job, &error);
  if (job->client != NULL)
    job->summary->requests = liaison_dav_client_get_requests (job->client) + job->extra_requests;
  /* The connection and the session belong to this thread: closed here. */
  g_clear_object (&job->client);
  if (job->store != NULL)
    liaison_store_close (job->store);
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);

  if (ok)
    g_task_return_pointer (task, liaison_sync_summary_copy (job->summary), (GDestroyNotify) liaison_sync_summary_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
find_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  LiaisonSyncJob *job = data;
  GMainContext   *context = g_main_context_new ();
  g_autoptr (GError) error = NULL;
  GPtrArray *found;

  g_main_context_push_thread_default (context);
  job->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  job->client = liaison_dav_client_new (job->user, job->password);
  found = liaison_sync_job_list_collections (job, &error);
  g_clear_object (&job->client);
  g_main_context_pop_thread_default (context);
  g_main_context_unref (context);
  if (found != NULL)
    g_task_return_pointer (task, found, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* ------------------------------------------------------------------------ */
/* The engine                                                                */

static void
set_state (LiaisonSyncEngine *self,
           LiaisonSyncState   state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* code: a LiaisonSyncErrorCode when the sync failed, -1 when it worked
 * (message is then the first thing it could not sync, or NULL). */
static void
set_last_error (LiaisonSyncEngine *self,
                const char        *message,
                int                code)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (self->last_error_code != code)
    {
      self->last_error_code = code;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR_CODE]);
    }
  if (g_strcmp0 (self->last_error, message) != 0)
    {
      g_free (self->last_error);
      self->last_error = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static int
error_code (const GError *error)
{
  return error->domain == LIAISON_SYNC_ERROR ? error->code : LIAISON_SYNC_ERROR_SERVER;
}

static void
refresh_conflicts (LiaisonSyncEngine *self)
{
  g_autoptr (GPtrArray) list = liaison_store_list_conflicts (self->store, FALSE, NULL);

  if (list == NULL)
    return;
  g_list_store_splice (self->conflicts, 0, g_list_model_get_n_items (G_LIST_MODEL (self->conflicts)),
                       list->pdata, list->len);
}

static char *
setting (LiaisonSyncEngine *self,
         const char        *key,
         const char        *override)
{
  if (override != NULL)
    return g_strdup (override);
  if (self->settings == NULL)
    return NULL;
  return g_settings_get_string (self->settings, key);
}

static void
on_sync_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (source);
  GTask             *outer = user_data;
  LiaisonSyncJob    *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  LiaisonSyncSummary *summary = g_task_propagate_pointer (G_TASK (result), &error);

  self->syncing = FALSE;
  self->progress = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
  refresh_conflicts (self);
  if (job->changed || (summary != NULL && summary->pulled > 0))
    g_signal_emit_by_name (self->store, "changed");

  if (summary == NULL)
    {
      set_last_error (self, error->message, error_code (error));
      set_state (self, g_error_matches (error, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_UNREACHABLE)
                           ? LIAISON_SYNC_STATE_OFFLINE
                           : LIAISON_SYNC_STATE_ERROR);
      g_task_return_error (outer, g_steal_pointer (&error));
    }
  else
    {
      g_clear_pointer (&self->last_sync, g_date_time_unref);
      self->last_sync = job->finished != NULL ? g_date_time_ref (job->finished) : g_date_time_new_now_utc ();
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SYNC]);
      set_last_error (self, summary->errors->len > 0 ? g_ptr_array_index (summary->errors, 0) : NULL, -1);
      set_state (self, LIAISON_SYNC_STATE_IDLE);
      g_task_return_pointer (outer, summary, (GDestroyNotify) liaison_sync_summary_free);
    }
  g_object_unref (outer);
}

static void
start_job (LiaisonSyncEngine *self,
           GTask             *outer,
           char              *password)
{
  g_autoptr (GTask) task = NULL;
  LiaisonSyncJob *job = g_new0 (LiaisonSyncJob, 1);

  job->engine = g_object_ref (self);
  job->db_path = g_strdup (liaison_store_get_path (self->store));
  job->url = setting (self, "server-url", self->server_url);
  job->user = setting (self, "username", self->username);
  job->password = password;
  for (guint s = 0; s < 2; s++)
    {
      job->chosen[s] = setting (self, s == LIAISON_SYNC_SERVICE_CALDAV ? "calendar-url" : "address-book-url",
                                self->chosen[s]);
      if (job->chosen[s] != NULL && *job->chosen[s] == '\0')
        g_clear_pointer (&job->chosen[s], g_free);
    }
  job->summary = summary_new ();

  task = g_task_new (self, g_task_get_cancellable (outer), on_sync_done, outer);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, sync_thread);
}

static void
fail_outer (LiaisonSyncEngine *self,
            GTask             *outer,
            GError            *error)
{
  self->syncing = FALSE;
  set_last_error (self, error->message, error_code (error));
  set_state (self, LIAISON_SYNC_STATE_ERROR);
  g_task_return_error (outer, error);
  g_object_unref (outer);
}

void
liaison_sync_collection_free (LiaisonSyncCollection *collection)
{
  g_free (collection->url);
  g_free (collection->name);
  g_free (collection);
}

static void
start_find (LiaisonSyncEngine *self,
            GTask             *task,
            char              *password)
{
  LiaisonSyncJob *job = g_new0 (LiaisonSyncJob, 1);

  job->engine = g_object_ref (self);
  job->url = setting (self, "server-url", self->server_url);
  job->user = setting (self, "username", self->username);
  job->password = password;
  job->summary = summary_new ();
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, find_thread);
  g_object_unref (task);
}

static void
on_find_password (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr (GError) error = NULL;
  char *password = liaison_secret_lookup_finish (result, &error);

  if (password == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NO_PASSWORD,
                                     _("There is no sync password in the keyring yet."));
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  start_find (g_task_get_source_object (task), task, password);
}

static GError *
not_configured_error (void)
{
  return g_error_new_literal (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_CONFIGURED,
                              _("No sync server is set up. Enter the server address and "
                                "user name in Preferences (or give --url and --username "
                                "to “liaison sync”)."));
}

/* The calendars (that take events) and address books in the account's
 * homes, for a person to choose from: a GPtrArray of
 * LiaisonSyncCollection. Nothing is made or synced. */
void
liaison_sync_engine_find_collections_async (LiaisonSyncEngine  *self,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data)
{
  GTask           *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *url = setting (self, "server-url", self->server_url);
  g_autofree char *user = setting (self, "username", self->username);

  g_task_set_source_tag (task, liaison_sync_engine_find_collections_async);
  if (url == NULL || *url == '\0' || user == NULL || *user == '\0')
    {
      g_task_return_error (task, not_configured_error ());
      g_object_unref (task);
      return;
    }
  if (self->password != NULL)
    start_find (self, task, g_strdup (self->password));
  else
    liaison_secret_lookup_async (url, user, cancellable, on_find_password, task);
}

GPtrArray *
liaison_sync_engine_find_collections_finish (LiaisonSyncEngine *self,
                                             GAsyncResult      *result,
                                             GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_password (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask             *outer = user_data;
  LiaisonSyncEngine *self = g_task_get_source_object (outer);
  g_autoptr (GError) error = NULL;
  char *password = liaison_secret_lookup_finish (result, &error);

  if (password == NULL)
    {
      g_autofree char *user = setting (self, "username", self->username);

      if (error != NULL)
        /* Translators: %1$s is the user name, %2$s why the keyring could not be read */
        fail_outer (self, outer, g_error_new (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NO_PASSWORD, _("There is no sync password for %1$s in the keyring (%2$s). Enter it "
                                                "in Preferences, or give it to “liaison sync” with LIAISON_PASSWORD "
                                                "or --password-file."),
                                                                                                     user, error->message));
      else
        fail_outer (self, outer, g_error_new (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NO_PASSWORD, _("There is no sync password for %s in the keyring. Enter it in "
                                                "Preferences, or give it to “liaison sync” with LIAISON_PASSWORD "
                                                "or --password-file."),
                                                                                                     user));
      return;
    }
  start_job (self, outer, password);
}

void
liaison_sync_engine_sync_async (LiaisonSyncEngine  *self,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  GTask           *outer;
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;

  g_return_if_fail (LIAISON_IS_SYNC_ENGINE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, liaison_sync_engine_sync_async);
  if (self->syncing)
    {
      g_task_return_new_error (outer, LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_BUSY,
                               _("A sync is already running; wait for it to finish."));
      g_object_unref (outer);
      return;
    }

  url = setting (self, "server-url", self->server_url);
  user = setting (self, "username", self->username);
  self->syncing = TRUE;
  self->progress = 0;
  set_state (self, LIAISON_SYNC_STATE_SYNCING);

  if (url == NULL || *url == '\0' || user == NULL || *user == '\0')
    {
      fail_outer (self, outer, not_configured_error ());
      return;
    }
  if (self->password != NULL)
    start_job (self, outer, g_strdup (self->password));
  else
    liaison_secret_lookup_async (url, user, cancellable, on_password, outer);
}

LiaisonSyncSummary *
liaison_sync_engine_sync_finish (LiaisonSyncEngine *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
on_automatic_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (LiaisonSyncSummary) summary = liaison_sync_engine_sync_finish (LIAISON_SYNC_ENGINE (source), result, NULL);

  /* The outcome is in the engine's state and last-error. */
}

static gboolean
on_timer (gpointer user_data)
{
  LiaisonSyncEngine *self = user_data;

  g_autofree char *url = setting (self, "server-url", self->server_url);
  g_autofree char *user = setting (self, "username", self->username);

  /* Nothing to say "not set up" about: the window says it already. */
  if (url == NULL || *url == '\0' || user == NULL || *user == '\0')
    return G_SOURCE_CONTINUE;
  if (!self->syncing && (self->settings == NULL || g_settings_get_boolean (self->settings, "sync-automatically")))
    liaison_sync_engine_sync_async (self, NULL, on_automatic_done, NULL);
  return G_SOURCE_CONTINUE;
}

static void
reschedule (LiaisonSyncEngine *self)
{
  guint minutes = self->settings != NULL ? g_settings_get_uint (self->settings, "sync-interval-minutes") : 15;

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->automatic && minutes > 0)
    self->timer = g_timeout_add_seconds (MAX (minutes, 1) * 60, on_timer, self);
}

void
liaison_sync_engine_set_automatic (LiaisonSyncEngine *self,
                                   gboolean           automatic)
{
  g_return_if_fail (LIAISON_IS_SYNC_ENGINE (self));

  self->automatic = automatic;
  reschedule (self);
  if (automatic)
    on_timer (self);
}

static void
on_settings_changed (GSettings  *settings,
                     const char *key,
                     gpointer    user_data)
{
  reschedule (user_data);
}

static void
liaison_sync_engine_dispose (GObject *object)
{
  LiaisonSyncEngine *self = (LiaisonSyncEngine *) object;

  g_clear_handle_id (&self->timer, g_source_remove);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->conflicts);

  G_OBJECT_CLASS (liaison_sync_engine_parent_class)->dispose (object);
}

static void
liaison_sync_engine_finalize (GObject *object)
{
  LiaisonSyncEngine *self = (LiaisonSyncEngine *) object;

  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->server_url, g_free);
  g_clear_pointer (&self->username, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->chosen[0], g_free);
  g_clear_pointer (&self->chosen[1], g_free);
  g_clear_pointer (&self->last_sync, g_date_time_unref);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (liaison_sync_engine_parent_class)->finalize (object);
}

static void
liaison_sync_engine_constructed (GObject *object)
{
  LiaisonSyncEngine *self = (LiaisonSyncEngine *) object;

  G_OBJECT_CLASS (liaison_sync_engine_parent_class)->constructed (object);
  if (self->settings != NULL)
    g_signal_connect (self->settings, "changed::sync-interval-minutes", G_CALLBACK (on_settings_changed), self);
  refresh_conflicts (self);
  {
    g_autofree char *when = liaison_store_sync_get_last_sync (self->store);

    if (when != NULL)
      self->last_sync = g_date_time_new_from_iso8601 (when, NULL);
  }
}

static void
liaison_sync_engine_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_LAST_SYNC:
      g_value_set_boxed (value, self->last_sync);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    case PROP_LAST_ERROR_CODE:
      g_value_set_int (value, self->last_error_code);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_sync_engine_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  LiaisonSyncEngine *self = LIAISON_SYNC_ENGINE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_sync_engine_class_init (LiaisonSyncEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = liaison_sync_engine_constructed;
  object_class->dispose = liaison_sync_engine_dispose;
  object_class->finalize = liaison_sync_engine_finalize;
  object_class->get_property = liaison_sync_engine_get_property;
  object_class->set_property = liaison_sync_engine_set_property;

  properties[PROP_STORE] =
      g_param_spec_object ("store", NULL, NULL, LIAISON_TYPE_STORE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
      g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
      g_param_spec_enum ("state", NULL, NULL, LIAISON_TYPE_SYNC_STATE, LIAISON_SYNC_STATE_IDLE, ro);
  properties[PROP_LAST_SYNC] = g_param_spec_boxed ("last-sync", NULL, NULL, G_TYPE_DATE_TIME, ro);
  properties[PROP_PROGRESS] = g_param_spec_double ("progress", NULL, NULL, 0, 1, 0, ro);
  properties[PROP_LAST_ERROR] = g_param_spec_string ("last-error", NULL, NULL, NULL, ro);
  /* The LiaisonSyncErrorCode of the last failure, -1 when the last sync
   * worked: what the window's banner offers to do. */
  properties[PROP_LAST_ERROR_CODE] = g_param_spec_int ("last-error-code", NULL, NULL, -1, G_MAXINT, -1, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_sync_engine_init (LiaisonSyncEngine *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->conflicts = g_list_store_new (LIAISON_TYPE_CONFLICT);
  self->last_error_code = -1;
}

/* settings may be NULL when the account is always given with
 * liaison_sync_engine_set_account (tests, scripts). */
LiaisonSyncEngine *
liaison_sync_engine_new (LiaisonStore *store,
                         GSettings    *settings)
{
  return g_object_new (LIAISON_TYPE_SYNC_ENGINE, "store", store, "settings", settings, NULL);
}

void
liaison_sync_engine_set_account (LiaisonSyncEngine *self,
                                 const char        *server_url,
                                 const char        *username)
{
  g_free (self->server_url);
  self->server_url = g_strdup (server_url);
  g_free (self->username);
  self->username = g_strdup (username);
}

/* Existing collections to sync with instead of the settings' calendar-url
 * and address-book-url; NULL: the settings'; "": the one in use, else
 * Liaison's own, made when missing. */
void
liaison_sync_engine_set_collections (LiaisonSyncEngine *self,
                                     const char        *calendar_url,
                                     const char        *address_book_url)
{
  g_free (self->chosen[0]);
  self->chosen[0] = g_strdup (calendar_url);
  g_free (self->chosen[1]);
  self->chosen[1] = g_strdup (address_book_url);
}

void
liaison_sync_engine_set_password (LiaisonSyncEngine *self,
                                  const char        *password)
{
  g_free (self->password);
  self->password = g_strdup (password);
}

gboolean
liaison_sync_engine_is_syncing (LiaisonSyncEngine *self)
{
  return self->syncing;
}

LiaisonSyncState
liaison_sync_engine_get_state (LiaisonSyncEngine *self)
{
  return self->state;
}

GDateTime *
liaison_sync_engine_get_last_sync (LiaisonSyncEngine *self)
{
  return self->last_sync;
}

double
liaison_sync_engine_get_progress (LiaisonSyncEngine *self)
{
  return self->progress;
}

const char *
liaison_sync_engine_get_last_error (LiaisonSyncEngine *self)
{
  return self->last_error;
}

int
liaison_sync_engine_get_last_error_code (LiaisonSyncEngine *self)
{
  return self->last_error_code;
}

GListModel *
liaison_sync_engine_get_conflicts (LiaisonSyncEngine *self)
{
  return G_LIST_MODEL (self->conflicts);
}

gboolean
liaison_sync_engine_resolve_conflict (LiaisonSyncEngine    *self,
                                      LiaisonConflict      *conflict,
                                      LiaisonConflictChoice keep,
                                      GError              **error)
{
  gboolean ok = liaison_store_resolve_conflict (self->store, liaison_conflict_get_id (conflict), keep, error);

  refresh_conflicts (self);
  return ok;
}
