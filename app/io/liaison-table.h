/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a spreadsheet-like file holds, as text: the rows of a CSV or TSV
 * file (liaison-csv.c) or of the first sheet of an XLSX workbook
 * (liaison-xlsx-reader.c), each with the line (or sheet row) it came from,
 * so a message can say where a bad cell is. Blank rows are left out; the
 * lines keep counting them. */

#define LIAISON_TABLE_ERROR (liaison_table_error_quark ())

typedef enum
{
  LIAISON_TABLE_ERROR_EMPTY,       /* nothing in it, or only blank lines */
  LIAISON_TABLE_ERROR_TOO_LARGE,   /* past a limit below */
  LIAISON_TABLE_ERROR_ENCODING,    /* not text in the encoding given or found */
  LIAISON_TABLE_ERROR_MALFORMED,   /* an unclosed quote, a broken workbook */
  LIAISON_TABLE_ERROR_UNSUPPORTED, /* .xls, .ods, a picture… */
} LiaisonTableError;

GQuark liaison_table_error_quark (void);

typedef enum
{
  LIAISON_TABLE_TEXT,
  LIAISON_TABLE_XLSX,
} LiaisonTableFormat;

typedef struct
{
  gatomicrefcount    ref;
  LiaisonTableFormat format;
  char              *encoding;  /* of a text file: "UTF-8", "GB18030", "UTF-16LE"… */
  gboolean           had_bom;   /* a text file began with a byte order mark */
  char               delimiter; /* of a text file: ',', ';', '\t' or '|' */
  char              *sheet;     /* of a workbook: the sheet read */
  guint              n_sheets;  /* of a workbook: how many it has */
  guint              n_columns; /* the widest row */
  GPtrArray         *rows;      /* GStrv, UTF-8 */
  GArray            *lines;     /* guint, 1-based, one per row */
  GPtrArray         *notes;     /* sentences: what was not read, and where */
} LiaisonTable;

/* Limits that keep a hostile or mistaken file from taking all memory. */
#define LIAISON_TABLE_MAX_BYTES (64 * 1024 * 1024)
#define LIAISON_TABLE_MAX_ROWS 1000000
#define LIAISON_TABLE_MAX_COLUMNS 512

typedef struct
{
  const char *encoding;  /* NULL: detect */
  char        delimiter; /* 0: detect */
  gsize       max_bytes; /* 0: LIAISON_TABLE_MAX_BYTES */
} LiaisonTableOptions;

/* Reading reports how far it is, from 0 to 1, on the thread that reads. */
typedef void (*LiaisonProgressFunc) (double   fraction,
                                     gpointer user_data);

LiaisonTable *liaison_table_new (LiaisonTableFormat format);
LiaisonTable *liaison_table_ref (LiaisonTable *table);
void          liaison_table_unref (LiaisonTable *table);
void          liaison_table_add_row (LiaisonTable *table,
                                     char        **cells,
                                     guint         line);
guint         liaison_table_get_n_rows (LiaisonTable *table);
const char   *liaison_table_get_cell (LiaisonTable *table,
                                      guint         row,
                                      guint         column);
guint         liaison_table_get_line (LiaisonTable *table,
                                      guint         row);
char         *liaison_table_column_name (guint column);

LiaisonTable *liaison_table_read_file (const char                *path,
                                       const LiaisonTableOptions *options,
                                       LiaisonProgressFunc        progress,
                                       gpointer                   progress_data,
                                       GCancellable              *cancellable,
                                       GError                   **error);
LiaisonTable *liaison_table_read_bytes (GBytes                    *bytes,
                                        const char                *name,
                                        const LiaisonTableOptions *options,
                                        LiaisonProgressFunc        progress,
                                        gpointer                   progress_data,
                                        GCancellable              *cancellable,
                                        GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonTable, liaison_table_unref)

G_END_DECLS
