/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "liaison-store-sync.h"
#include "liaison-sync-error.h"

G_BEGIN_DECLS

/* The sync with the secretariat, for the window and the command line.
 *
 * One engine per store, owned by the application's context:
 *
 *   engine = liaison_sync_engine_new (store, settings);
 *   liaison_sync_engine_sync_async (engine, cancellable, done, self);
 *
 * It reads the server address and user name from the settings keys
 * "server-url" and "username" (or liaison_sync_engine_set_account), the
 * password from the keyring (or liaison_sync_engine_set_password). A sync
 * runs in a worker thread with its own connection to the database; the main
 * loop only sees property notifications, all emitted on the thread that
 * made the engine:
 *
 *   "state"     LiaisonSyncState: idle, syncing, offline (the server could
 *               not be reached), error (the last sync failed: "last-error"
 *               says what to do)
 *   "progress"  0..1 during a sync, for a long first sync
 *   "last-sync" GDateTime (UTC) of the last sync that completed
 *   "last-error" the message of the last failure, or NULL
 *   "last-error-code" its LiaisonSyncErrorCode, -1 after a sync that worked
 *
 * The store emits "changed" on the engine's thread after a sync that
 * changed records, so list models reload. Conflicts that sync could not
 * merge are in liaison_sync_engine_get_conflicts (a GListModel of
 * LiaisonConflict), resolved with liaison_sync_engine_resolve_conflict; the
 * next sync sends the choice. liaison_sync_engine_set_automatic syncs now
 * and then every "sync-interval-minutes" while "sync-automatically" is on.
 *
 * Without a password store (no Secret Service on the session bus):
 * liaison_sync_engine_save_password_async keeps the password in memory and
 * fails with LIAISON_SYNC_ERROR_NO_KEYRING; "keyring" is then MISSING. With
 * liaison_sync_engine_set_ask_password the engine forgets the password at
 * the end of each sync (it is asked for again at the next one) and
 * automatic syncs wait for one started by a person. "password-changed" is
 * emitted when the password kept, the keyring's state or the choice
 * change. No message of the engine carries the keyring's D-Bus error. */

typedef enum
{
  LIAISON_SYNC_STATE_IDLE,
  LIAISON_SYNC_STATE_SYNCING,
  LIAISON_SYNC_STATE_OFFLINE,
  LIAISON_SYNC_STATE_ERROR,
} LiaisonSyncState;

/* Whether the desktop has a password store (a Secret Service), as far as
 * the engine has seen: unknown until it looked a password up or saved one. */
typedef enum
{
  LIAISON_SYNC_KEYRING_UNKNOWN,
  LIAISON_SYNC_KEYRING_AVAILABLE,
  LIAISON_SYNC_KEYRING_MISSING,
} LiaisonSyncKeyring;

#define LIAISON_TYPE_SYNC_STATE (liaison_sync_state_get_type ())
GType liaison_sync_state_get_type (void);

/* What one sync did. errors: messages about collections or resources that
 * could not be synced (each names the href and the problem); the rest was
 * synced. */
typedef struct
{
  guint      pulled;    /* records changed here by the server's changes */
  guint      pushed;    /* writes and deletes the server accepted */
  guint      merged;    /* records where both sides' changes were combined */
  guint      conflicts; /* new entries in the conflict queue */
  guint      requests;  /* HTTP requests sent */
  GPtrArray *errors;
} LiaisonSyncSummary;

#define LIAISON_TYPE_SYNC_SUMMARY (liaison_sync_summary_get_type ())
GType               liaison_sync_summary_get_type (void);
LiaisonSyncSummary *liaison_sync_summary_copy (const LiaisonSyncSummary *summary);
void                liaison_sync_summary_free (LiaisonSyncSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonSyncSummary, liaison_sync_summary_free)

/* A calendar or address book on the server, as found in the homes. */
typedef struct
{
  LiaisonSyncService service;
  char              *url;
  char              *name; /* its display name, else its href */
} LiaisonSyncCollection;

void liaison_sync_collection_free (LiaisonSyncCollection *collection);

#define LIAISON_TYPE_SYNC_ENGINE (liaison_sync_engine_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonSyncEngine, liaison_sync_engine, LIAISON, SYNC_ENGINE, GObject)

LiaisonSyncEngine  *liaison_sync_engine_new (LiaisonStore *store,
                                             GSettings    *settings);
void                liaison_sync_engine_set_account (LiaisonSyncEngine *self,
                                                     const char        *server_url,
                                                     const char        *username);
void                liaison_sync_engine_set_collections (LiaisonSyncEngine *self,
                                                         const char        *calendar_url,
                                                         const char        *address_book_url);
void                liaison_sync_engine_set_password (LiaisonSyncEngine *self,
                                                      const char        *password);
gboolean            liaison_sync_engine_has_password (LiaisonSyncEngine *self);
void                liaison_sync_engine_set_ask_password (LiaisonSyncEngine *self,
                                                          gboolean           ask);
gboolean            liaison_sync_engine_get_ask_password (LiaisonSyncEngine *self);
gboolean            liaison_sync_engine_needs_password (LiaisonSyncEngine *self);
LiaisonSyncKeyring  liaison_sync_engine_get_keyring (LiaisonSyncEngine *self);
void                liaison_sync_engine_save_password_async (LiaisonSyncEngine  *self,
                                                             const char         *password,
                                                             GCancellable       *cancellable,
                                                             GAsyncReadyCallback callback,
                                                             gpointer            user_data);
gboolean            liaison_sync_engine_save_password_finish (LiaisonSyncEngine *self,
                                                              GAsyncResult      *result,
                                                              GError           **error);
void                liaison_sync_engine_sync_async (LiaisonSyncEngine  *self,
                                                    GCancellable       *cancellable,
                                                    GAsyncReadyCallback callback,
                                                    gpointer            user_data);
LiaisonSyncSummary *liaison_sync_engine_sync_finish (LiaisonSyncEngine *self,
                                                     GAsyncResult      *result,
                                                     GError           **error);
void                liaison_sync_engine_find_collections_async (LiaisonSyncEngine  *self,
                                                                GCancellable       *cancellable,
                                                                GAsyncReadyCallback callback,
                                                                gpointer            user_data);
GPtrArray          *liaison_sync_engine_find_collections_finish (LiaisonSyncEngine *self,
                                                                 GAsyncResult      *result,
                                                                 GError           **error);
gboolean            liaison_sync_engine_is_syncing (LiaisonSyncEngine *self);
LiaisonSyncState    liaison_sync_engine_get_state (LiaisonSyncEngine *self);
GDateTime          *liaison_sync_engine_get_last_sync (LiaisonSyncEngine *self);
double              liaison_sync_engine_get_progress (LiaisonSyncEngine *self);
const char         *liaison_sync_engine_get_last_error (LiaisonSyncEngine *self);
int                 liaison_sync_engine_get_last_error_code (LiaisonSyncEngine *self);
GListModel         *liaison_sync_engine_get_conflicts (LiaisonSyncEngine *self);
gboolean            liaison_sync_engine_resolve_conflict (LiaisonSyncEngine    *self,
                                                          LiaisonConflict      *conflict,
                                                          LiaisonConflictChoice keep,
                                                          GError              **error);
void                liaison_sync_engine_set_automatic (LiaisonSyncEngine *self,
                                                       gboolean           automatic);

G_END_DECLS
