/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The three-way merge of one record (docs/sync.md, "Push and conflicts"),
 * pure: no store, no network, no job. Records are field maps
 * (liaison-store-sync.h: field → text, defaults left out, one
 * "attendee:PARTICIPANT" and one "registration:PARTICIPANT" key per
 * registration, so attendees merge one by one).
 *
 *   base    the server's copy of the last sync; NULL when unknown
 *   local   the record here; NULL when it is not here (deleted here, if
 *           there is a base)
 *   remote  the server's copy now; NULL when the server deleted it
 *   local_pending  the record waits in the outbox, so it counts as edited
 *           here even where local equals base (against a server's deletion)
 *
 * A side that did not change a field takes the other side's value; a
 * field both changed differently keeps the server's value and clashes. A
 * registration's id is not an edit: the server's wins, without a clash.
 * Edit against delete: the edit wins, and the clash is the whole record. */

/* A field both sides changed differently, with each side's value (NULL:
 * none). field NULL: the whole record, edited on one side and deleted on
 * the other; the edited side's value is then the record as JSON. */
typedef struct
{
  char *field;
  char *base;
  char *local;
  char *remote;
} LiaisonSyncClash;

void liaison_sync_clash_free (LiaisonSyncClash *clash);

typedef struct
{
  GHashTable *fields;  /* the record both sides should have; NULL: deleted */
  GPtrArray  *clashes; /* of LiaisonSyncClash, for the conflict queue */
} LiaisonSyncMerge;

LiaisonSyncMerge *liaison_sync_merge (GHashTable *base,
                                      GHashTable *local,
                                      GHashTable *remote,
                                      gboolean    local_pending);
void              liaison_sync_merge_free (LiaisonSyncMerge *merge);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonSyncMerge, liaison_sync_merge_free)

/* The base for a record this office wrote without hearing the answer:
 * sent holds the field maps of what it sent (non-empty). A field whose
 * value on the server is one this office sent was not changed there by
 * anyone else, so that value is its base. A new map. */
GHashTable *liaison_sync_merge_base_with_sent (GHashTable *base,
                                               GHashTable *remote,
                                               GPtrArray  *sent);

G_END_DECLS
