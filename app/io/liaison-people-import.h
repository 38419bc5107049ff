/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-import-fields.h"
#include "liaison-store-match.h"
#include "liaison-table.h"

G_BEGIN_DECLS

/* Importing people (and their registrations for one event) from a table:
 *
 *   1. the header row is found and each column mapped to a field (known
 *      headers in both languages, or a mapping remembered for the same
 *      headers, or one a person chose);
 *   2. prepare: every row read into a participant with its problems (line,
 *      column, reason; the text rule of liaison-text.h on every field),
 *      then matched against the people of the database and the rows above
 *      it: new, update (the same e-mail), possible duplicate, or bad;
 *   3. a person decides what happens to each row (possible duplicates are
 *      left out until they say otherwise);
 *   4. apply: everything in one bulk transaction, journalled as local
 *      changes, so it syncs, and undoes as one step from the mark taken
 *      before it. Cancelled or failed, nothing was written.
 *
 * prepare and apply run on a worker thread with a store of their own
 * (prepare only reads); nothing else may touch the import meanwhile. */

typedef enum
{
  LIAISON_IMPORT_ROW_NEW,
  LIAISON_IMPORT_ROW_UPDATE,    /* someone here has the same e-mail */
  LIAISON_IMPORT_ROW_DUPLICATE, /* possibly someone here, or an earlier row */
  LIAISON_IMPORT_ROW_BAD,       /* cannot be imported: see its problems */
} LiaisonImportRowKind;

typedef enum
{
  LIAISON_IMPORT_LEAVE_OUT,
  LIAISON_IMPORT_ADD,    /* a new person */
  LIAISON_IMPORT_UPDATE, /* into the matched person */
} LiaisonImportDecision;

typedef struct
{
  guint line;
  guint column;  /* 0-based; G_MAXUINT: the row as a whole */
  char *message; /* "Line 12, column C (E-mail): “x@” is not an e-mail address" */
} LiaisonImportProblem;

typedef struct
{
  guint                     line;
  LiaisonParticipant       *person;
  LiaisonImportRowKind      kind;
  LiaisonImportDecision     decision;
  char                     *match_id;   /* who here it matches, or NULL */
  char                     *match_name; /* their name, for showing */
  guint                     match_line; /* an earlier row it repeats, or 0 */
  guint                     score;
  LiaisonMatchReasons       reasons;
  GPtrArray                *problems; /* LiaisonImportProblem */
  LiaisonRole               role;
  LiaisonRegistrationStatus status;
  char                     *delegation;
  char                     *notes;
  guint32                   provided; /* 1 << LiaisonImportField: what the row had a value for */
} LiaisonImportRow;

typedef struct
{
  guint  added;
  guint  updated;
  guint  registered;
  guint  already_registered;
  guint  left_out;
  gint64 mark; /* the journal before the import: liaison_store_undo (store, mark) */
} LiaisonImportSummary;

#define LIAISON_TYPE_PEOPLE_IMPORT (liaison_people_import_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonPeopleImport, liaison_people_import, LIAISON, PEOPLE_IMPORT, GObject)

LiaisonPeopleImport *liaison_people_import_new (LiaisonTable *table);
LiaisonTable        *liaison_people_import_get_table (LiaisonPeopleImport *self);
guint                liaison_people_import_get_header_row (LiaisonPeopleImport *self);
guint                liaison_people_import_get_n_columns (LiaisonPeopleImport *self);
const char          *liaison_people_import_get_header (LiaisonPeopleImport *self,
                                                       guint                column);
LiaisonImportField   liaison_people_import_get_field (LiaisonPeopleImport *self,
                                                      guint                column);
void                 liaison_people_import_set_field (LiaisonPeopleImport *self,
                                                      guint                column,
                                                      LiaisonImportField   field);
char                *liaison_people_import_dup_header_key (LiaisonPeopleImport *self);
char                *liaison_people_import_dup_mapping (LiaisonPeopleImport *self);
gboolean             liaison_people_import_set_mapping (LiaisonPeopleImport *self,
                                                        const char          *mapping,
                                                        GError             **error);
gboolean             liaison_people_import_has_name_column (LiaisonPeopleImport *self);

void        liaison_people_import_set_event (LiaisonPeopleImport      *self,
                                             const char               *event_id,
                                             LiaisonRole               role,
                                             LiaisonRegistrationStatus status);
const char *liaison_people_import_get_event (LiaisonPeopleImport *self);

guint               liaison_people_import_get_n_data_rows (LiaisonPeopleImport *self);
LiaisonParticipant *liaison_people_import_read_row (LiaisonPeopleImport *self,
                                                    guint                data_row,
                                                    GPtrArray          **problems);

gboolean   liaison_people_import_prepare (LiaisonPeopleImport *self,
                                          LiaisonStore        *store,
                                          LiaisonProgressFunc  progress,
                                          gpointer             progress_data,
                                          GCancellable        *cancellable,
                                          GError             **error);
GPtrArray *liaison_people_import_get_rows (LiaisonPeopleImport *self);
guint      liaison_people_import_count (LiaisonPeopleImport *self,
                                        LiaisonImportRowKind kind);
guint      liaison_people_import_count_decided (LiaisonPeopleImport  *self,
                                                LiaisonImportDecision decision);
void       liaison_people_import_decide (LiaisonPeopleImport  *self,
                                         guint                 row,
                                         LiaisonImportDecision decision);
void       liaison_people_import_decide_kind (LiaisonPeopleImport  *self,
                                              LiaisonImportRowKind  kind,
                                              LiaisonImportDecision decision);

gboolean liaison_people_import_apply (LiaisonPeopleImport  *self,
                                      LiaisonStore         *store,
                                      LiaisonProgressFunc   progress,
                                      gpointer              progress_data,
                                      GCancellable         *cancellable,
                                      LiaisonImportSummary *summary,
                                      GError              **error);

G_END_DECLS
