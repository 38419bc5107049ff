/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-dav-client.h"
#include "liaison-ical.h"
#include "liaison-sync-engine.h"
#include "liaison-sync-merge.h"

G_BEGIN_DECLS

/* What the parts of the sync engine share: one sync (or one search for
 * collections) is a LiaisonSyncJob, run in a worker thread by
 * liaison-sync-engine.c; its steps are in liaison-sync-discovery.c,
 * -pull.c, -apply.c and -push.c. */

typedef struct
{
  LiaisonSyncEngine *engine;
  char              *db_path;
  char              *url;
  char              *user;
  char              *password;
  guint64            answer_limit;    /* the most bytes of one answer */
  guint              request_timeout; /* the most seconds of one request */
  char              *own_zone;        /* the person's zone, for other clients' floating times, or NULL */

  LiaisonStore       *store;
  LiaisonDavClient   *client;
  GCancellable       *cancellable;
  LiaisonSyncSummary *summary;
  char               *collections[2];
  char               *chosen[2]; /* an existing collection the account picked, or NULL */
  gboolean            changed;
  guint               extra_requests; /* sent by the multiget thread */
  gint64              traced;
  GDateTime          *finished;
  double              progress_from;
  double              progress_span;
} LiaisonSyncJob;

/* The job (liaison-sync-engine.c) */
void        liaison_sync_job_report_progress (LiaisonSyncJob *job,
                                              double          fraction);
void        liaison_sync_job_trace (LiaisonSyncJob *job,
                                    const char     *step);
void        liaison_sync_job_add_error (LiaisonSyncJob *job,
                                        const char     *message);
gboolean    liaison_sync_is_fatal (const GError *error);
const char *liaison_sync_entity_of (LiaisonSyncService service);
char       *liaison_sync_collection_path (const char *url);
char       *liaison_sync_href_path (const char *href);
gboolean    liaison_sync_is_member (const char *collection_url,
                                    const char *href);

/* Discovery (liaison-sync-discovery.c) */
gboolean   liaison_sync_job_discover (LiaisonSyncJob *job,
                                      GError        **error);
GPtrArray *liaison_sync_job_list_collections (LiaisonSyncJob *job,
                                              GError        **error);

/* Applying the server's changes (liaison-sync-apply.c) */
void        liaison_sync_job_ical_context (LiaisonSyncJob     *job,
                                           LiaisonIcalContext *context);
GHashTable *liaison_sync_read_text (LiaisonSyncJob *job,
                                    const char     *entity,
                                    const char     *text,
                                    char          **uid,
                                    GHashTable    **people,
                                    guint          *twins,
                                    GError        **error);
gboolean    liaison_sync_job_apply_remote (LiaisonSyncJob    *job,
                                           LiaisonSyncService service,
                                           const char        *href,
                                           const char        *etag,
                                           const char        *text,
                                           gboolean           from_get,
                                           GError           **error);
gboolean    liaison_sync_job_apply_remote_delete (LiaisonSyncJob *job,
                                                  const char     *href,
                                                  GError        **error);

/* Pull (liaison-sync-pull.c) */
gboolean liaison_sync_job_pull (LiaisonSyncJob    *job,
                                LiaisonSyncService service,
                                gboolean          *complete,
                                GError           **error);

/* Push (liaison-sync-push.c) */
gboolean liaison_sync_job_push (LiaisonSyncJob    *job,
                                LiaisonSyncService service,
                                GError           **error);

G_END_DECLS
