/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store-match.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* Duplicates and merges: one record per person.
 *
 * 1. Finding duplicates. The same rules as matching an import
 *    (liaison-store-match.h: e-mail, telephone, the name in its own
 *    script, in Latin letters in either order, across scripts through ICU,
 *    Chinese compound surnames, Vietnamese diacritics, titles and mononyms,
 *    the organisation), over every person of the database: a pair is
 *    reported once, with its score and reasons (liaison_match_reasons_describe
 *    says them to a person).
 *
 * 2. Merging. Two or more records become one: the survivor keeps its id
 *    and takes, field by field, the value of the record the caller chose
 *    (by default its own, or the first other record's where its own is
 *    empty; e-mails and telephones are the union of all). The other
 *    records' registrations, programme notes, liaison-officer terms and
 *    consent scope move to the survivor (a registration for an event the
 *    survivor is already registered for is removed, and comes back on
 *    unmerge). The others are deleted. Everything is written through the
 *    journal in one transaction, so liaison_store_undo (self, mark) with a
 *    mark taken just before takes the whole merge back as one step.
 *
 *    The merge is also recorded (table `merges`, migration 0008) with the
 *    merged-away records, their registrations and the survivor as it was
 *    before and after, so it can be undone LATER, after other changes:
 *    liaison_store_unmerge brings the merged-away records and their
 *    registrations back byte for byte, and puts back the survivor's fields
 *    the merge changed, except those edited since the merge (the edit is
 *    kept).
 *
 * 3. Sync: the survivor's card carries the merged-away ids
 *    (X-LIAISON-MERGED, one per line of the sync field "merged"), and the
 *    others are deleted from the server; an unmerge sends them back.
 *
 * Errors: LIAISON_STORE_ERROR_NOT_FOUND for an id (or unique prefix) that
 * names no person or merge; LIAISON_STORE_ERROR_INVALID for a record merged
 * with itself, a record with a sync conflict waiting to be resolved, a
 * field name not in liaison_store_merge_fields, a choice naming a record
 * not in the merge, a merge already undone, and an unmerge whose records
 * came back some other way; LIAISON_STORE_ERROR_SQL and the others of
 * liaison-store.h as for any write. Messages are sentences for people. */

/* ------------------------------------------------------------------------ */
/* Duplicates                                                                */

typedef struct
{
  char               *id_a; /* the two people, id_a < id_b */
  char               *id_b;
  char               *name_a; /* display names */
  char               *name_b;
  guint               score; /* LIAISON_MATCH_MIN_SCORE … LIAISON_MATCH_CERTAIN */
  LiaisonMatchReasons reasons;
} LiaisonDuplicatePair;

void liaison_duplicate_pair_free (LiaisonDuplicatePair *pair);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonDuplicatePair, liaison_duplicate_pair_free)

/* Every likely duplicate pair among all people with a score of at least
 * min_score (0: LIAISON_MATCH_MIN_SCORE), best first (then by ids), as
 * LiaisonDuplicatePair. progress (may be NULL) is called from the calling
 * thread with 0–1 every few thousand people; cancellable stops it
 * (G_IO_ERROR_CANCELLED). Reads only: run it on a reader connection (e.g. in
 * liaison_store_query_async) for the window. 100,000 people: a few seconds. */
GPtrArray *liaison_store_find_duplicates (LiaisonStore            *self,
                                          guint                    min_score,
                                          LiaisonMatchProgressFunc progress,
                                          gpointer                 progress_data,
                                          GCancellable            *cancellable,
                                          GError                 **error);

/* The incremental check, for a person being added or imported (not yet
 * saved, or just saved: their own id is never returned): the people who
 * may be them, best first, at most limit (0: all), as LiaisonPersonMatch.
 * Goes through the search index and the e-mail and phone columns, so it
 * costs milliseconds whatever the size of the database. */
GPtrArray *liaison_store_find_duplicates_of (LiaisonStore       *self,
                                             LiaisonParticipant *person,
                                             guint               limit,
                                             GError            **error);

/* ------------------------------------------------------------------------ */
/* Merging                                                                   */

/* The fields a merge chooses one value for, as the CLI's --keep FIELD=ID
 * and a side-by-side view name them: "native-name" (family and given name
 * in the person's own script), "latin-name" (family and given name in
 * Latin letters, and the name order), "honorific", "gender",
 * "organisation" (both languages), "position" (both languages), "sector",
 * "country", "emails", "phones", "languages", "consent" (consent and its
 * date). NULL-terminated, static. */
const char *const *liaison_store_merge_fields (void);
/* The field's label for people ("Name in Latin script"), translated;
 * NULL for a name not in the list. */
const char *liaison_store_merge_field_label (const char *field);

/* What the survivor would become: survivor_id and other_ids as for
 * liaison_store_merge_participants, choices a table of field → the id of
 * the record whose value it takes (may be NULL: the defaults above).
 * Nothing is written. Errors as for the merge. */
LiaisonParticipant *liaison_store_merge_preview (LiaisonStore      *self,
                                                 const char        *survivor_id,
                                                 const char *const *other_ids,
                                                 GHashTable        *choices,
                                                 GError           **error);

/* Merge other_ids (NULL-terminated, at least one) into survivor_id, all
 * full ids (see liaison_store_find_participant for prefixes). choices as
 * above. Returns the id of the recorded merge (for
 * liaison_store_unmerge), or NULL with error. Origin local, journalled, one
 * transaction. */
char *liaison_store_merge_participants (LiaisonStore      *self,
                                        const char        *survivor_id,
                                        const char *const *other_ids,
                                        GHashTable        *choices,
                                        GError           **error);

/* Undo the merge merge_id (full id or unique prefix) at any later time:
 * the merged-away records and their registrations, notes, terms and
 * consent come back as they were; the survivor's fields go back to what
 * they were before the merge, except those edited since (kept). The merge
 * stays listed, marked undone. Journalled, one transaction. Errors: unknown
 * merge (NOT_FOUND), already undone, a merged-away id that exists again
 * (INVALID). */
gboolean liaison_store_unmerge (LiaisonStore *self,
                                const char   *merge_id,
                                GError      **error);

typedef struct
{
  char  *id;
  char  *time;          /* when merged, UTC ISO 8601 */
  char  *undone;        /* when undone, or NULL */
  char  *survivor_id;   /* the record that stayed */
  char  *survivor_name; /* its display name then */
  char **merged_ids;    /* the records merged into it */
  char **merged_names;  /* their display names then */
} LiaisonMergeRecord;

void liaison_merge_record_free (LiaisonMergeRecord *record);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonMergeRecord, liaison_merge_record_free)

/* The merges recorded, newest first, as LiaisonMergeRecord; undone ones too
 * when include_undone. participant_id (may be NULL) keeps those that
 * involve that person (survivor or merged). */
GPtrArray *liaison_store_list_merges (LiaisonStore *self,
                                      const char   *participant_id,
                                      gboolean      include_undone,
                                      GError      **error);
/* One merge by id or unique prefix; NOT_FOUND when none. */
LiaisonMergeRecord *liaison_store_get_merge (LiaisonStore *self,
                                             const char   *id_or_prefix,
                                             GError      **error);

G_END_DECLS
