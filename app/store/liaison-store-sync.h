/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-conflict.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* What sync keeps in the database (tables of migration 0004), and records
 * seen as flat field maps for the three-way merge.
 *
 * A field map is a GHashTable of field name → text, with default and empty
 * values left out, so two maps are equal exactly when the records are. An
 * event's map has the columns of the events table (start, end and time_zone
 * as local wall-clock text), "i18n_title", "i18n_theme" and
 * "i18n_description" (source language and translation states), and one
 * "attendee:PARTICIPANT-ID" key per registration with
 * "role|status|delegation|status-time", and one
 * "registration:PARTICIPANT-ID" key with the registration's own id, which
 * both offices share (it is the check-in code on a badge; for another
 * client's attendee line, which has none, one made from the event and the
 * person), and for a person on the waitlist who has a place on it a
 * "waitlist:PARTICIPANT-ID" key with the registration's waitlist order (a
 * number; the smallest is first). "recurrence" is the RRULE's value, with ";EXDATE=" and the
 * dates left out when there are (liaison-ical.h). A participant's map has
 * the columns of the participants table, lists joined with newlines. */

#define LIAISON_SYNC_ATTENDEE_PREFIX "attendee:"
#define LIAISON_SYNC_REGISTRATION_PREFIX "registration:"
#define LIAISON_SYNC_WAITLIST_PREFIX "waitlist:"

typedef enum
{
  LIAISON_SYNC_SERVICE_CALDAV,
  LIAISON_SYNC_SERVICE_CARDDAV,
} LiaisonSyncService;

typedef struct
{
  char *entity;
  char *entity_id;
  char *href;
  char *etag;
  char *base;
} LiaisonSyncResource;

void liaison_sync_resource_free (LiaisonSyncResource *resource);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonSyncResource, liaison_sync_resource_free)

/* Sync applies one server resource, or one batch of them, as a unit. */
gboolean liaison_store_sync_begin (LiaisonStore *self,
                                   GError      **error);
gboolean liaison_store_sync_commit (LiaisonStore *self,
                                    GError      **error);
void     liaison_store_sync_rollback (LiaisonStore *self);

GHashTable *liaison_sync_fields_new (void);
void        liaison_sync_fields_normalize (const char *entity,
                                           GHashTable *fields);
gboolean    liaison_sync_fields_equal (GHashTable *a,
                                       GHashTable *b);
char       *liaison_sync_fields_to_json (GHashTable *fields);
gboolean    liaison_sync_key_is_attendee_part (const char *key);
void        liaison_sync_fields_drop_attendees (GHashTable *fields);
void        liaison_sync_fields_remove_attendee (GHashTable *fields,
                                                 const char *participant_id);
void        liaison_sync_fields_move_attendee (GHashTable *fields,
                                               const char *from_id,
                                               const char *to_id);
gboolean    liaison_sync_parse_waitlist_order (const char *text,
                                               double     *order);

gboolean    liaison_store_sync_has_participant (LiaisonStore *self,
                                                const char   *id);
GHashTable *liaison_store_sync_get_fields (LiaisonStore *self,
                                           const char   *entity,
                                           const char   *id,
                                           GError      **error);
gboolean    liaison_store_sync_apply_fields (LiaisonStore *self,
                                             const char   *entity,
                                             const char   *id,
                                             GHashTable   *fields,
                                             LiaisonOrigin origin,
                                             GError      **error);
gboolean    liaison_store_sync_delete_entity (LiaisonStore *self,
                                              const char   *entity,
                                              const char   *id,
                                              LiaisonOrigin origin,
                                              GError      **error);
GHashTable *liaison_store_sync_list_emails (LiaisonStore *self);

gboolean liaison_store_sync_set_account (LiaisonStore *self,
                                         const char   *account,
                                         GError      **error);
char    *liaison_store_sync_get_collection (LiaisonStore      *self,
                                            LiaisonSyncService service,
                                            char             **sync_token);
gboolean liaison_store_sync_set_collection (LiaisonStore      *self,
                                            LiaisonSyncService service,
                                            const char        *url,
                                            GError           **error);
gboolean liaison_store_sync_switch_collection (LiaisonStore      *self,
                                               LiaisonSyncService service,
                                               const char        *url,
                                               GError           **error);
gboolean liaison_store_sync_set_token (LiaisonStore      *self,
                                       LiaisonSyncService service,
                                       const char        *token,
                                       GError           **error);

LiaisonSyncResource *liaison_store_sync_get_resource (LiaisonStore *self,
                                                      const char   *entity,
                                                      const char   *id);
LiaisonSyncResource *liaison_store_sync_get_resource_by_href (LiaisonStore *self,
                                                              const char   *href);
GHashTable          *liaison_store_sync_list_resources (LiaisonStore *self,
                                                        const char   *entity);
char                *liaison_store_sync_get_etag (LiaisonStore *self,
                                                  const char   *href);
gboolean             liaison_store_sync_put_resource (LiaisonStore *self,
                                                      const char   *entity,
                                                      const char   *id,
                                                      const char   *href,
                                                      const char   *etag,
                                                      const char   *base,
                                                      GError      **error);
gboolean             liaison_store_sync_remove_resource (LiaisonStore *self,
                                                         const char   *entity,
                                                         const char   *id,
                                                         GError      **error);

/* An event's own calendar as the .ics file it was imported from gave it
 * (migration 0009): what another program wrote there that Liaison does not
 * model. The first push and an .ics export patch the event into it while
 * the event has no copy on the server (liaison-sync-push.c). */
char    *liaison_store_sync_get_imported_text (LiaisonStore *self,
                                               const char   *event_id);
gboolean liaison_store_sync_set_imported_text (LiaisonStore *self,
                                               const char   *event_id,
                                               const char   *text,
                                               GError      **error);

gboolean   liaison_store_sync_feed_outbox (LiaisonStore *self,
                                           GError      **error);
GPtrArray *liaison_store_sync_list_outbox (LiaisonStore *self,
                                           const char   *entity);
gboolean   liaison_store_sync_is_queued (LiaisonStore *self,
                                         const char   *entity,
                                         const char   *id);
gboolean   liaison_store_sync_queue (LiaisonStore *self,
                                     const char   *entity,
                                     const char   *id,
                                     GError      **error);
gboolean   liaison_store_sync_dequeue (LiaisonStore *self,
                                       const char   *entity,
                                       const char   *id,
                                       GError      **error);
guint      liaison_store_sync_count_outbox (LiaisonStore *self);
guint      liaison_store_sync_count_pending (LiaisonStore *self);
char      *liaison_store_sync_get_last_sync (LiaisonStore *self);
gboolean   liaison_store_sync_set_last_sync (LiaisonStore *self,
                                             const char   *time,
                                             GError      **error);
gboolean   liaison_store_sync_add_sent (LiaisonStore *self,
                                        const char   *entity,
                                        const char   *id,
                                        const char   *text,
                                        GError      **error);
GPtrArray *liaison_store_sync_list_sent (LiaisonStore *self,
                                         const char   *entity,
                                         const char   *id);

char      *liaison_store_sync_get_skipped_etag (LiaisonStore *self,
                                                const char   *href);
gboolean   liaison_store_sync_skip (LiaisonStore *self,
                                    const char   *href,
                                    const char   *etag,
                                    const char   *message,
                                    GError      **error);
gboolean   liaison_store_sync_unskip (LiaisonStore *self,
                                      const char   *href,
                                      GError      **error);
GPtrArray *liaison_store_sync_list_skipped (LiaisonStore *self,
                                            const char   *href_prefix);

gint64     liaison_store_add_conflict (LiaisonStore *self,
                                       const char   *entity,
                                       const char   *entity_id,
                                       const char   *field,
                                       const char   *base_value,
                                       const char   *local_value,
                                       const char   *remote_value,
                                       GError      **error);
GPtrArray *liaison_store_list_conflicts (LiaisonStore *self,
                                         gboolean      include_resolved,
                                         GError      **error);
guint      liaison_store_count_conflicts (LiaisonStore *self);
gboolean   liaison_store_resolve_conflict (LiaisonStore         *self,
                                           gint64                id,
                                           LiaisonConflictChoice keep,
                                           GError              **error);

G_END_DECLS
