/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* What an export holds before it is written: the columns chosen of one
 * kind of record, and a row of text cells per record, read from the store.
 * The CSV and XLSX writers take it as it is. */

typedef enum
{
  LIAISON_EXPORT_PARTICIPANTS,
  LIAISON_EXPORT_REGISTRATIONS,
  LIAISON_EXPORT_EVENTS,
} LiaisonExportKind;

#define LIAISON_N_EXPORT_KINDS 3

typedef enum
{
  LIAISON_EXPORT_CELL_TEXT,
  LIAISON_EXPORT_CELL_NUMBER,
  LIAISON_EXPORT_CELL_DATE,      /* YYYY-MM-DD (a month or a year stays text) */
  LIAISON_EXPORT_CELL_DATE_TIME, /* YYYY-MM-DDTHH:MM, local time */
} LiaisonExportCellType;

typedef enum
{
  LIAISON_EXPORT_HEADERS_ZH,
  LIAISON_EXPORT_HEADERS_EN,
  LIAISON_EXPORT_HEADERS_BOTH, /* “姓 Family name” */
} LiaisonExportHeaders;

typedef struct
{
  const char           *id; /* stable: templates and --columns name it */
  const char           *header_en;
  const char           *header_zh;
  LiaisonExportCellType type;
  guint                 width; /* in characters, for a spreadsheet */
  gboolean              by_default;
} LiaisonExportColumn;

const char                *liaison_export_kind_to_string (LiaisonExportKind kind);
gboolean                   liaison_export_kind_from_string (const char        *text,
                                                            LiaisonExportKind *kind);
const LiaisonExportColumn *liaison_export_columns (LiaisonExportKind kind,
                                                   guint            *n_columns);
const LiaisonExportColumn *liaison_export_find_column (LiaisonExportKind kind,
                                                       const char       *id);
char                     **liaison_export_default_columns (LiaisonExportKind kind);
gboolean                   liaison_export_check_columns (LiaisonExportKind  kind,
                                                         const char *const *columns,
                                                         GError           **error);
char                      *liaison_export_column_header (const LiaisonExportColumn *column,
                                                         LiaisonExportHeaders       headers);

typedef struct _LiaisonExportTable LiaisonExportTable;

/* Which records: a registrations export of one event (event_id) or of
 * every event (NULL); a participants export of those a search finds
 * (query) or everyone; an events export of those the filter lets through. */
typedef struct
{
  const char               *event_id;
  const char               *query;
  const LiaisonEventFilter *filter;
} LiaisonExportScope;

LiaisonExportTable        *liaison_export_table_build (LiaisonStore             *store,
                                                       LiaisonExportKind         kind,
                                                       const char *const        *columns,
                                                       LiaisonLanguage           language,
                                                       const LiaisonExportScope *scope,
                                                       GCancellable             *cancellable,
                                                       GError                  **error);
void                       liaison_export_table_free (LiaisonExportTable *table);
LiaisonExportKind          liaison_export_table_get_kind (LiaisonExportTable *table);
LiaisonLanguage            liaison_export_table_get_language (LiaisonExportTable *table);
guint                      liaison_export_table_get_n_columns (LiaisonExportTable *table);
const LiaisonExportColumn *liaison_export_table_get_column (LiaisonExportTable *table,
                                                            guint               column);
guint                      liaison_export_table_get_n_rows (LiaisonExportTable *table);
const char                *liaison_export_table_get_cell (LiaisonExportTable *table,
                                                          guint               row,
                                                          guint               column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonExportTable, liaison_export_table_free)

/* A date cell's parts: FALSE for text that is not a whole date. */
gboolean liaison_export_parse_date (const char *text,
                                    int        *year,
                                    int        *month,
                                    int        *day,
                                    int        *hour,
                                    int        *minute,
                                    gboolean   *has_time);

G_END_DECLS
