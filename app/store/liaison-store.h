/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "liaison-core.h"

G_BEGIN_DECLS

#define LIAISON_STORE_ERROR (liaison_store_error_quark ())

typedef enum
{
  LIAISON_STORE_ERROR_OPEN,
  LIAISON_STORE_ERROR_NEWER,
  LIAISON_STORE_ERROR_CORRUPT,
  LIAISON_STORE_ERROR_READ_ONLY,
  LIAISON_STORE_ERROR_SQL,
  LIAISON_STORE_ERROR_NOT_FOUND,
  LIAISON_STORE_ERROR_INVALID,
  LIAISON_STORE_ERROR_FULL,
} LiaisonStoreError;

GQuark liaison_store_error_quark (void);

typedef struct
{
  int         year;   /* 0: any */
  int         kind;   /* -1: any */
  int         status; /* -1: any */
  const char *country;
  const char *activity;
  const char *track;
  const char *text;
} LiaisonEventFilter;

#define LIAISON_EVENT_FILTER_INIT     \
  {                                   \
    0, -1, -1, NULL, NULL, NULL, NULL \
  }

typedef struct
{
  gint64        seq;
  char         *time;
  LiaisonOrigin origin;
  char         *action;
  char         *entity;
  char         *entity_id;
  char         *field;
  char         *old_value;
  char         *new_value;
} LiaisonJournalEntry;

void liaison_journal_entry_free (LiaisonJournalEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonJournalEntry, liaison_journal_entry_free)

typedef struct
{
  char *activity_code;
  int   year;
  guint events;
  guint held;
} LiaisonPlanProgress;

typedef struct
{
  char                     *event_id;
  int                       year;
  LiaisonEventKind          kind;
  char                     *title_zh;
  char                     *title_en;
  LiaisonRole               role;
  LiaisonRegistrationStatus status;
  char                     *track;
} LiaisonHistoryEntry;

typedef struct
{
  char *id;
  char *title_zh;
  char *title_en;
} LiaisonArea;

void liaison_area_free (LiaisonArea *area);

#define LIAISON_TYPE_STORE (liaison_store_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonStore, liaison_store, LIAISON, STORE, GObject)

/* Runs on the store's worker thread with a read-only connection. */
typedef gpointer (*LiaisonStoreQueryFunc) (LiaisonStore *reader,
                                           gpointer      data,
                                           GCancellable *cancellable,
                                           GError      **error);

char         *liaison_store_default_path (void);
int           liaison_store_latest_version (void);
LiaisonStore *liaison_store_open (const char *path, GError **error);
LiaisonStore *liaison_store_open_reader (const char *path, GError **error);
void          liaison_store_query_async (LiaisonStore         *self,
                                         LiaisonStoreQueryFunc func,
                                         gpointer              data,
                                         GDestroyNotify        data_free,
                                         GDestroyNotify        result_free,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
gpointer      liaison_store_query_finish (LiaisonStore *self, GAsyncResult *result, GError **error);
const char   *liaison_store_get_path (LiaisonStore *self);
int           liaison_store_get_version (LiaisonStore *self);
void          liaison_store_close (LiaisonStore *self);

/* liaison-store-watch.c: "changed" also for what other processes commit */
void liaison_store_watch_others (LiaisonStore *self, guint interval_ms);

gboolean      liaison_store_save_event (LiaisonStore *self, LiaisonEvent *event, LiaisonOrigin origin, GError **error);
LiaisonEvent *liaison_store_get_event (LiaisonStore *self, const char *id, GError **error);
LiaisonEvent *liaison_store_find_event (LiaisonStore *self, const char *id_or_prefix, GError **error);
gboolean      liaison_store_delete_event (LiaisonStore *self, const char *id, LiaisonOrigin origin, GError **error);
GPtrArray    *liaison_store_list_events (LiaisonStore *self, const LiaisonEventFilter *filter, GError **error);
guint         liaison_store_count_events (LiaisonStore *self);

gboolean            liaison_store_save_participant (LiaisonStore       *self,
                                                    LiaisonParticipant *participant,
                                                    LiaisonOrigin       origin,
                                                    GError            **error);
LiaisonParticipant *liaison_store_get_participant (LiaisonStore *self, const char *id, GError **error);
LiaisonParticipant *liaison_store_find_participant (LiaisonStore *self, const char *id_or_prefix, GError **error);
LiaisonParticipant *liaison_store_get_participant_by_rowid (LiaisonStore *self, gint64 rowid);
gboolean            liaison_store_delete_participant (LiaisonStore *self, const char *id, LiaisonOrigin origin, GError **error);
guint               liaison_store_count_participants (LiaisonStore *self);
GArray             *liaison_store_list_participant_rowids (LiaisonStore *self, const char *query, guint limit, GError **error);
GPtrArray          *liaison_store_search_participants (LiaisonStore *self, const char *query, guint limit, GError **error);
/* A search's people as the documents of the search index that found them,
 * best first; read each with liaison_store_get_participant_by_docid. */
GArray             *liaison_store_search_participant_docids (LiaisonStore *self, const char *query, guint limit, GError **error);
LiaisonParticipant *liaison_store_get_participant_by_docid (LiaisonStore *self, gint64 docid);
GPtrArray          *liaison_store_search_events (LiaisonStore *self, const char *query, guint limit, GError **error);
GPtrArray          *liaison_store_list_history (LiaisonStore *self, const char *participant_id, GError **error);

LiaisonRegistration *liaison_store_register (LiaisonStore             *self,
                                             const char               *event_id,
                                             const char               *participant_id,
                                             LiaisonRole               role,
                                             LiaisonRegistrationStatus status,
                                             LiaisonOrigin             origin,
                                             GError                  **error);
gboolean             liaison_store_find_clashes (
                LiaisonStore *self, LiaisonEvent *event, GPtrArray **venue_clashes, GPtrArray **people_clashes, GError **error);
GHashTable *liaison_store_find_overlapping_bookings (LiaisonStore *self, LiaisonEvent *event, GError **error);
GPtrArray *
liaison_store_find_registrations (LiaisonStore *self, const char *event_id, const char *text, GError **error);
LiaisonRegistration          *
liaison_store_check_in (LiaisonStore *self, const char *registration_id, LiaisonOrigin origin, GError **error);
gboolean liaison_store_delete_registration (
    LiaisonStore *self, const char *id, LiaisonOrigin origin, char **promoted_id, GError **error);
gboolean             liaison_store_update_registration (LiaisonStore        *self,
                                                        LiaisonRegistration *registration,
                                                        LiaisonOrigin        origin,
                                                        GError             **error);
GPtrArray           *liaison_store_register_many (LiaisonStore             *self,
                                                  const char               *event_id,
                                                  const char *const        *participant_ids,
                                                  LiaisonRole               role,
                                                  LiaisonRegistrationStatus status,
                                                  LiaisonOrigin             origin,
                                                  GPtrArray               **already_registered,
                                                  GError                  **error);
gboolean             liaison_store_set_registration_status (LiaisonStore             *self,
                                                            const char               *registration_id,
                                                            LiaisonRegistrationStatus status,
                                                            LiaisonOrigin             origin,
                                                            char                    **promoted_id,
                                                            GError                  **error);
gboolean             liaison_store_promote_registration (LiaisonStore *self,
                                                         const char   *registration_id,
                                                         gboolean      over_capacity,
                                                         LiaisonOrigin origin,
                                                         GError      **error);
gboolean             liaison_store_move_waitlisted (LiaisonStore *self,
                                                    const char   *registration_id,
                                                    guint         place,
                                                    LiaisonOrigin origin,
                                                    GError      **error);
LiaisonRegistration *liaison_store_get_registration (LiaisonStore *self, const char *id, GError **error);
LiaisonRegistration *liaison_store_find_registration (LiaisonStore *self, const char *id_or_part, GError **error);
GPtrArray           *liaison_store_list_registrations (LiaisonStore *self, const char *event_id, GError **error);

GPtrArray       *liaison_store_list_plan (LiaisonStore *self, GError **error);
LiaisonPlanItem *liaison_store_get_plan_item (LiaisonStore *self, const char *code, GError **error);
GArray          *liaison_store_plan_progress (LiaisonStore *self, GError **error);
void             liaison_plan_progress_clear (LiaisonPlanProgress *progress);
void             liaison_history_entry_clear (LiaisonHistoryEntry *entry);
GPtrArray       *liaison_store_list_areas (LiaisonStore *self, GError **error);

/* Built-in content, written once when a file is first opened (by the
 * first-run loader, liaison-seed.c): the same rows in every install, listed
 * by position, not journalled. A plan item's schedule is stored as written
 * (liaison_schedule_parse reads it); its parent is the code before its last
 * dot. A programme with a parent is one of its tracks. */
gboolean liaison_store_add_plan_item (LiaisonStore    *self,
                                      LiaisonPlanItem *item,
                                      const char      *schedule,
                                      guint            position,
                                      GError         **error);
gboolean liaison_store_add_area (LiaisonStore *self,
                                 const char   *id,
                                 const char   *title_zh,
                                 const char   *title_en,
                                 guint         position,
                                 GError      **error);
gboolean liaison_store_add_programme (LiaisonStore     *self,
                                      const char       *id,
                                      const char       *parent_id,
                                      LiaisonBilingual *title,
                                      guint             position,
                                      GError          **error);

GPtrArray *liaison_store_list_journal (LiaisonStore *self, gint64 after_seq, guint limit, GError **error);
gint64     liaison_store_get_last_seq (LiaisonStore *self);
gboolean   liaison_store_undo (LiaisonStore *self, gint64 after_seq, GError **error);

gboolean liaison_store_reindex (LiaisonStore *self, GError **error);
gboolean liaison_store_begin_bulk (LiaisonStore *self, GError **error);
gboolean liaison_store_end_bulk (LiaisonStore *self, gboolean commit, GError **error);

G_END_DECLS
