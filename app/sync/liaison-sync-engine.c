/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-sync"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-dav-client.h"
#include "liaison-dav-href.h"
#include "liaison-secret.h"
#include "liaison-sync-engine.h"
#include "liaison-sync-private.h"
#include "liaison-time-zone.h"

/* How a sync goes (HACKING.md, "The sync engine", says why):
 *
 *  1. feed the outbox from the journal (one transaction with its cursor);
 *  2. find the collections the first time (well-known URIs, principal,
 *     home sets; created when missing): liaison-sync-discovery.c;
 *  3. pull the address book, then the calendar: sync-collection with the
 *     stored token, or without one and a mark-and-sweep by ETag when the
 *     token is refused; changes fetched with multiget in batches
 *     (liaison-sync-pull.c), merged three ways with what is here
 *     (liaison-sync-merge.c), applied with origin "remote"
 *     (liaison-sync-apply.c);
 *  4. push the outbox: If-None-Match: * or If-Match; a 412 fetches the
 *     server's version, merges, and tries again (liaison-sync-push.c).
 *
 * Each step commits as it goes and is safe to repeat, so a process killed
 * anywhere resumes at the next sync without losing or doubling anything. */

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
  guint64          answer_limit;
  guint            request_timeout;

  LiaisonSyncKeyring keyring;
  gboolean           ask_password;
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
  PROP_ANSWER_LIMIT,
  PROP_REQUEST_TIMEOUT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static guint       password_changed_signal;

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
  g_free (job->own_zone);
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

gboolean
liaison_sync_is_member (const char *collection_url,
                        const char *href)
{
  g_autofree char *collection = liaison_sync_collection_path (collection_url);
  g_autofree char *path = liaison_sync_href_path (href);

  return liaison_dav_href_is_member (collection, path);
}

/* ------------------------------------------------------------------------ */
/* The steps in order, in the worker thread                                  */

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
  liaison_dav_client_set_limits (job->client, job->answer_limit, job->request_timeout);
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
    liaison_sync_job_add_error (job, _ ("The calendar was not synced because the address book could not be read; "
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
  liaison_dav_client_set_limits (job->client, job->answer_limit, job->request_timeout);
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

static void set_keyring (LiaisonSyncEngine *self, LiaisonSyncKeyring keyring);

/* Asked for at each sync: given for the one that just ended. */
static void
forget_asked_password (LiaisonSyncEngine *self)
{
  if (!self->ask_password || self->password == NULL)
    return;
  g_clear_pointer (&self->password, g_free);
  g_signal_emit (self, password_changed_signal, 0);
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
  forget_asked_password (self);
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
  job->answer_limit = self->answer_limit;
  job->request_timeout = self->request_timeout;
  {
    /* Preferences' zone, else this computer's (docs/sync.md, floating times). */
    g_autofree char *chosen = setting (self, "time-zone", NULL);

    job->own_zone = liaison_time_zone_own (chosen);
  }
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
  forget_asked_password (self);
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
  job->answer_limit = self->answer_limit;
  job->request_timeout = self->request_timeout;
  job->summary = summary_new ();
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, find_thread);
  g_object_unref (task);
}

/* Why there is no password, in words: the keyring's own error (a D-Bus
 * message such as "org.freedesktop.DBus.Error.ServiceUnknown") goes to the
 * debug log only. lookup_error NULL: the keyring answered, without one. */
static GError *
no_password_error (LiaisonSyncEngine *self,
                   const char        *user,
                   const GError      *lookup_error)
{
  if (lookup_error == NULL && self->ask_password)
    /* Translators: %s is the user name on the sync server */
    return g_error_new (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NO_PASSWORD,
                        _ ("The sync password for %s is asked for at each sync, and none was given."), user);
  if (lookup_error == NULL)
    /* Translators: %s is the user name on the sync server */
    return g_error_new (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NO_PASSWORD,
                        _ ("There is no sync password for %s in the keyring."), user);
  if (g_error_matches (lookup_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (lookup_error);
  g_debug ("The keyring cannot be read: %s", lookup_error->message);
  set_keyring (self, LIAISON_SYNC_KEYRING_MISSING);
  /* Translators: %s is the user name on the sync server */
  return g_error_new (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NO_KEYRING,
                      _ ("This desktop has no password store, so the sync password for %s is not saved."), user);
}

static void
on_find_password (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask             *task = user_data;
  LiaisonSyncEngine *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;
  char *password = liaison_secret_lookup_finish (result, &error);

  if (password == NULL)
    {
      g_autofree char *user = setting (self, "username", self->username);

      if (error == NULL)
        set_keyring (self, LIAISON_SYNC_KEYRING_AVAILABLE);
      g_task_return_error (task, no_password_error (self, user, error));
      g_object_unref (task);
      return;
    }
  set_keyring (self, LIAISON_SYNC_KEYRING_AVAILABLE);
  start_find (self, task, password);
}

static GError *
not_configured_error (void)
{
  return g_error_new_literal (LIAISON_SYNC_ERROR, LIAISON_SYNC_ERROR_NOT_CONFIGURED,
                              _ ("No sync server is set up. Enter the server address and "
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
  else if (self->ask_password)
    {
      g_task_return_error (task, no_password_error (self, user, NULL));
      g_object_unref (task);
    }
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

      if (error == NULL)
        set_keyring (self, LIAISON_SYNC_KEYRING_AVAILABLE);
      fail_outer (self, outer, no_password_error (self, user, error));
      return;
    }
  set_keyring (self, LIAISON_SYNC_KEYRING_AVAILABLE);
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
                               _ ("A sync is already running; wait for it to finish."));
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
  else if (self->ask_password)
    /* Asked for at each sync, and not given for this one. */
    fail_outer (self, outer, no_password_error (self, user, NULL));
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
  /* A password asked for at each sync is asked for by a person's sync. */
  if (self->ask_password && self->password == NULL)
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
    case PROP_ANSWER_LIMIT:
      g_value_set_uint64 (value, self->answer_limit);
      break;
    case PROP_REQUEST_TIMEOUT:
      g_value_set_uint (value, self->request_timeout);
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
    case PROP_ANSWER_LIMIT:
      if (self->answer_limit != g_value_get_uint64 (value))
        {
          self->answer_limit = g_value_get_uint64 (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_REQUEST_TIMEOUT:
      if (self->request_timeout != g_value_get_uint (value))
        {
          self->request_timeout = g_value_get_uint (value);
          g_object_notify_by_pspec (object, pspec);
        }
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
  /* The most bytes one answer of the server may have (decoded), and the
   * most seconds one request may take, from sending it to the answer's last
   * byte; a sync already running keeps the values it started with. */
  properties[PROP_ANSWER_LIMIT] =
      g_param_spec_uint64 ("answer-limit", NULL, NULL, 1024, G_MAXUINT64, LIAISON_DAV_DEFAULT_ANSWER_LIMIT,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUEST_TIMEOUT] =
      g_param_spec_uint ("request-timeout", NULL, NULL, 1, 24 * 60 * 60, LIAISON_DAV_DEFAULT_TIMEOUT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The password kept, "keyring" or the ask-at-each-sync choice changed. */
  password_changed_signal = g_signal_new ("password-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 0);
}

static void
liaison_sync_engine_init (LiaisonSyncEngine *self)
{
  self->context = g_main_context_ref_thread_default ();
  self->conflicts = g_list_store_new (LIAISON_TYPE_CONFLICT);
  self->last_error_code = -1;
  self->answer_limit = LIAISON_DAV_DEFAULT_ANSWER_LIMIT;
  self->request_timeout = LIAISON_DAV_DEFAULT_TIMEOUT;
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

/* Kept in memory only (for this run, or for the next sync when it is
 * asked for at each); NULL forgets it. */
void
liaison_sync_engine_set_password (LiaisonSyncEngine *self,
                                  const char        *password)
{
  gboolean changed = (self->password == NULL) != (password == NULL);

  g_free (self->password);
  self->password = g_strdup (password);
  if (changed)
    g_signal_emit (self, password_changed_signal, 0);
}

gboolean
liaison_sync_engine_has_password (LiaisonSyncEngine *self)
{
  return self->password != NULL;
}

/* TRUE: the password is given for one sync at a time (forgotten when it
 * ends) and never looked up in the keyring. */
void
liaison_sync_engine_set_ask_password (LiaisonSyncEngine *self,
                                      gboolean           ask)
{
  if (self->ask_password == !!ask)
    return;
  self->ask_password = !!ask;
  g_signal_emit (self, password_changed_signal, 0);
}

gboolean
liaison_sync_engine_get_ask_password (LiaisonSyncEngine *self)
{
  return self->ask_password;
}

/* A sync now would have no password to send without asking a person: it
 * is asked for at each sync, or the desktop has no password store, and
 * none is kept. */
gboolean
liaison_sync_engine_needs_password (LiaisonSyncEngine *self)
{
  return self->password == NULL && (self->ask_password || self->keyring == LIAISON_SYNC_KEYRING_MISSING);
}

LiaisonSyncKeyring
liaison_sync_engine_get_keyring (LiaisonSyncEngine *self)
{
  return self->keyring;
}

static void
set_keyring (LiaisonSyncEngine *self,
             LiaisonSyncKeyring keyring)
{
  if (self->keyring == keyring)
    return;
  self->keyring = keyring;
  g_signal_emit (self, password_changed_signal, 0);
}

static void
on_password_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  LiaisonSyncEngine *self = g_task_get_source_object (task);
  g_autoptr (GError) error = NULL;

  if (liaison_secret_store_finish (result, &error))
    {
      set_keyring (self, LIAISON_SYNC_KEYRING_AVAILABLE);
      liaison_sync_engine_set_ask_password (self, FALSE);
      g_task_return_boolean (task, TRUE);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      g_autofree char *user = setting (self, "username", self->username);

      g_task_return_error (task, no_password_error (self, user, error));
    }
}

/* For this run at once (in memory), and into the keyring for the next
 * ones; without a password store it stays in memory only and the task
 * fails with LIAISON_SYNC_ERROR_NO_KEYRING. */
void
liaison_sync_engine_save_password_async (LiaisonSyncEngine  *self,
                                         const char         *password,
                                         GCancellable       *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer            user_data)
{
  GTask           *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *url = setting (self, "server-url", self->server_url);
  g_autofree char *user = setting (self, "username", self->username);

  g_task_set_source_tag (task, liaison_sync_engine_save_password_async);
  liaison_sync_engine_set_password (self, password);
  if (url == NULL || *url == '\0' || user == NULL || *user == '\0')
    {
      g_task_return_error (task, not_configured_error ());
      g_object_unref (task);
      return;
    }
  liaison_secret_store_async (url, user, password, cancellable, on_password_saved, task);
}

gboolean
liaison_sync_engine_save_password_finish (LiaisonSyncEngine *self,
                                          GAsyncResult      *result,
                                          GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
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
