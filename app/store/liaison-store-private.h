/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* What the files of the store share and nothing outside it may use. The
 * LiaisonStore struct stays in liaison-store.c. */

/* liaison-store.c: the connection, transactions and the journal */
GResource    *liaison_store_resource (void);
sqlite3_stmt *liaison_store_stmt (LiaisonStore *self,
                                  const char   *sql,
                                  GError      **error);
gboolean      liaison_store_exec (LiaisonStore *self,
                                  const char   *sql,
                                  GError      **error);
gboolean      liaison_store_step_done (LiaisonStore *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error);
guint         liaison_store_count_rows (LiaisonStore *self,
                                        const char   *sql);
gboolean      liaison_store_begin (LiaisonStore *self,
                                   GError      **error);
gboolean      liaison_store_commit (LiaisonStore *self,
                                    GError      **error);
void          liaison_store_rollback (LiaisonStore *self);
gboolean      liaison_store_begin_read (LiaisonStore *self);
void          liaison_store_end_read (LiaisonStore *self,
                                      gboolean      begun);
void          liaison_store_set_error (LiaisonStore *self,
                                       GError      **error,
                                       int           rc);
char         *liaison_store_now (void);
gboolean      liaison_store_journal (LiaisonStore *self,
                                     LiaisonOrigin origin,
                                     const char   *action,
                                     const char   *entity,
                                     const char   *entity_id,
                                     const char   *field,
                                     const char   *old_value,
                                     const char   *new_value,
                                     GError      **error);
/* A "create" entry when there were no old values, else an "update" entry
 * for each field whose value changed. */
gboolean liaison_store_journal_diff (LiaisonStore      *self,
                                     LiaisonOrigin      origin,
                                     const char        *entity,
                                     const char        *id,
                                     const char *const *fields,
                                     guint              n_fields,
                                     char             **old_values,
                                     char             **new_values,
                                     GError           **error);

gboolean liaison_store_defer_activity (LiaisonStore *self,
                                       const char   *participant_id);

/* A record's values, one for each of its fields, NULL for an SQL NULL: not
 * a GStrv, which g_strfreev would free only up to its first NULL. A mark
 * after the last says where they end. */
typedef char **LiaisonStoreValues;

extern char liaison_store_values_end[];

char **liaison_store_values_new (guint n_fields);
void   liaison_store_values_free (char **values);

G_DEFINE_AUTO_CLEANUP_FREE_FUNC (LiaisonStoreValues, liaison_store_values_free, NULL)

/* liaison-store-translations.c */
gboolean liaison_store_fill_translation_states (LiaisonStore *self,
                                                GError      **error);

/* A bilingual text of an object and the field its states are kept under. */
typedef struct
{
  const char       *field;
  LiaisonBilingual *text;
} LiaisonBilingualSlot;

gboolean liaison_store_save_bilingual (LiaisonStore     *self,
                                       const char       *entity,
                                       const char       *entity_id,
                                       const char       *field,
                                       LiaisonBilingual *text,
                                       GError          **error);
void     liaison_store_load_bilingual (LiaisonStore         *self,
                                       const char           *entity,
                                       const char           *entity_id,
                                       LiaisonBilingualSlot *slots,
                                       guint                 n_slots);

/* liaison-store-registrations.c */
/* The columns a deleted registration's snapshot keeps, and those a person
 * edits directly (not its status). */
#define LIAISON_STORE_N_REGISTRATION_COLUMNS 17
#define LIAISON_STORE_N_REGISTRATION_EDIT_FIELDS 3
extern const char *const liaison_store_registration_columns[];
extern const char *const liaison_store_registration_edit_fields[];

gboolean liaison_store_delete_registration_row (LiaisonStore *self,
                                                const char   *id,
                                                LiaisonOrigin origin,
                                                gboolean      promote,
                                                char        **promoted_id,
                                                GError      **error);
gboolean liaison_store_delete_registrations_of (LiaisonStore *self,
                                                const char   *column,
                                                const char   *id,
                                                LiaisonOrigin origin,
                                                gboolean      promote,
                                                GError      **error);

/* liaison-store-undo.c: deleting an event or a person keeps them in the
 * journal, for undo. */
char    *liaison_store_snapshot_record (const char *const    *fields,
                                        guint                 n_fields,
                                        char                **values,
                                        const char           *created,
                                        const char           *modified,
                                        LiaisonBilingualSlot *slots,
                                        guint                 n_slots);
gboolean liaison_store_read_timestamps (LiaisonStore *self,
                                        const char   *table,
                                        const char   *id,
                                        char        **created,
                                        char        **modified,
                                        GError      **error);
gboolean liaison_store_delete_record (LiaisonStore *self,
                                      const char   *table,
                                      const char   *entity,
                                      const char   *id,
                                      LiaisonOrigin origin,
                                      const char   *snapshot,
                                      GError      **error);

/* liaison-store-events.c */
#define LIAISON_STORE_N_EVENT_FIELDS 30
#define LIAISON_STORE_N_EVENT_SLOTS 4
extern const char *const liaison_store_event_fields[];

char        **liaison_store_event_to_values (LiaisonEvent *event);
LiaisonEvent *liaison_store_event_from_values (const char        *id,
                                               const char *const *col);
void          liaison_store_event_bilingual_slots (LiaisonEvent        *event,
                                                   LiaisonBilingualSlot slots[LIAISON_STORE_N_EVENT_SLOTS]);

/* liaison-store-participants.c */
#define LIAISON_STORE_N_PARTICIPANT_FIELDS 19
extern const char *const liaison_store_participant_fields[];

char              **liaison_store_participant_to_values (LiaisonParticipant *p);
LiaisonParticipant *liaison_store_participant_from_values (const char        *id,
                                                           const char *const *col);

/* liaison-store-merge.c: the ids merged into a survivor (the sync field
 * "merged", one a line, or NULL), and undoing a merge's own journal
 * entries (entity "merge"). */
char    *liaison_store_merged_into (LiaisonStore *self,
                                    const char   *survivor_id);
gboolean liaison_store_undo_merge_entry (LiaisonStore *self,
                                         const char   *action,
                                         const char   *merge_id,
                                         GError      **error);

/* liaison-store-sync.c: sets a field of a map, or removes it when empty. */
void liaison_sync_fields_put (GHashTable *fields,
                              const char *name,
                              const char *value);

/* liaison-store-search.c */
gboolean   liaison_store_index_event (LiaisonStore *self,
                                      LiaisonEvent *event,
                                      GError      **error);
gboolean   liaison_store_index_participant (LiaisonStore       *self,
                                            LiaisonParticipant *p,
                                            GError            **error);
gboolean   liaison_store_delete_search_doc (LiaisonStore *self,
                                            const char   *entity,
                                            const char   *entity_id,
                                            GError      **error);
gboolean   liaison_store_note_activity (LiaisonStore *self,
                                        const char   *entity,
                                        const char   *entity_id,
                                        GError      **error);
gint64     liaison_store_last_docid (LiaisonStore *self,
                                     const char   *entity);
gboolean   liaison_store_move_search_docs (LiaisonStore *self,
                                           GPtrArray    *participant_ids,
                                           gint64        written_after,
                                           GError      **error);
GArray    *liaison_store_search_docids (LiaisonStore *self,
                                        const char   *entity,
                                        const char   *query,
                                        guint         limit,
                                        GError      **error);
GPtrArray *liaison_store_search_ids (LiaisonStore *self,
                                     const char   *entity,
                                     const char   *query,
                                     guint         limit,
                                     GError      **error);
gboolean   liaison_store_looks_like_id_part (const char *text);
char      *liaison_store_resolve_prefix (LiaisonStore *self,
                                         const char   *table,
                                         const char   *part,
                                         GError      **error);

/* Small helpers every part of the store uses. */
static inline void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static inline char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

static inline char *
join_strv (const char *const *strv,
           const char        *separator)
{
  if (strv == NULL || strv[0] == NULL)
    return NULL;
  return g_strjoinv (separator, (char **) strv);
}

/* An enum's value from its nick in a column, or the fallback. */
static inline int
nick_value (GType       type,
            const char *nick,
            int         fallback)
{
  int value = fallback;

  if (nick != NULL)
    liaison_enum_from_nick (type, nick, &value);
  return value;
}

G_END_DECLS
