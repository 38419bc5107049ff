/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  LIAISON_CONFLICT_KEEP_LOCAL,
  LIAISON_CONFLICT_KEEP_REMOTE,
} LiaisonConflictChoice;

#define LIAISON_TYPE_CONFLICT (liaison_conflict_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonConflict, liaison_conflict, LIAISON, CONFLICT, GObject)

/* One change that sync could not merge: the value of one field of one
 * record as this database has it (local) and as the server has it (remote),
 * with the value both started from (base). A NULL field means one side
 * deleted the whole record while the other edited it; a NULL value means
 * "absent" (an empty field, a removed attendee, a deleted record). */
LiaisonConflict *liaison_conflict_new (gint64      id,
                                       const char *entity,
                                       const char *entity_id,
                                       const char *field,
                                       const char *base_value,
                                       const char *local_value,
                                       const char *remote_value,
                                       const char *created,
                                       const char *resolved,
                                       const char *resolution);
gint64           liaison_conflict_get_id (LiaisonConflict *self);
const char      *liaison_conflict_get_entity (LiaisonConflict *self);
const char      *liaison_conflict_get_entity_id (LiaisonConflict *self);
const char      *liaison_conflict_get_field (LiaisonConflict *self);
const char      *liaison_conflict_get_base_value (LiaisonConflict *self);
const char      *liaison_conflict_get_local_value (LiaisonConflict *self);
const char      *liaison_conflict_get_remote_value (LiaisonConflict *self);
const char      *liaison_conflict_get_created (LiaisonConflict *self);
const char      *liaison_conflict_get_resolved (LiaisonConflict *self);
const char      *liaison_conflict_get_resolution (LiaisonConflict *self);

G_END_DECLS
