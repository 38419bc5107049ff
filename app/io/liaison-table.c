/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-csv.h"
#include "liaison-table.h"
#include "liaison-xlsx-reader.h"

/* A table read from a file, whatever its format: the file's first bytes
 * say which reader reads it, not its name (rosters arrive as "list.xls"
 * that are CSV, and as CSV that Excel saved as "Unicode text"). */

/* The quark's name is stringified: keep its dashes. */
/* clang-format off */
G_DEFINE_QUARK (liaison-table-error-quark, liaison_table_error)
/* clang-format on */

LiaisonTable *
liaison_table_new (LiaisonTableFormat format)
{
  LiaisonTable *table = g_new0 (LiaisonTable, 1);

  g_atomic_ref_count_init (&table->ref);
  table->format = format;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  table->notes = g_ptr_array_new_with_free_func (g_free);
  return table;
}

LiaisonTable *
liaison_table_ref (LiaisonTable *table)
{
  g_atomic_ref_count_inc (&table->ref);
  return table;
}

void
liaison_table_unref (LiaisonTable *table)
{
  if (table == NULL || !g_atomic_ref_count_dec (&table->ref))
    return;
  g_free (table->encoding);
  g_free (table->sheet);
  g_ptr_array_unref (table->rows);
  g_array_unref (table->lines);
  g_ptr_array_unref (table->notes);
  g_free (table);
}

/* Takes cells (a GStrv); a row of blank cells is dropped. */
void
liaison_table_add_row (LiaisonTable *table,
                       char        **cells,
                       guint         line)
{
  gboolean blank = TRUE;
  guint    n = g_strv_length (cells);

  for (guint i = 0; i < n && blank; i++)
    for (const char *c = cells[i]; *c != '\0'; c++)
      if (!g_ascii_isspace (*c))
        {
          blank = FALSE;
          break;
        }
  if (blank)
    {
      g_strfreev (cells);
      return;
    }
  table->n_columns = MAX (table->n_columns, n);
  g_ptr_array_add (table->rows, cells);
  g_array_append_val (table->lines, line);
}

guint
liaison_table_get_n_rows (LiaisonTable *table)
{
  return table->rows->len;
}

/* NULL past the end of a short row. */
const char *
liaison_table_get_cell (LiaisonTable *table,
                        guint         row,
                        guint         column)
{
  char **cells;

  if (row >= table->rows->len)
    return NULL;
  cells = g_ptr_array_index (table->rows, row);
  for (guint i = 0; i <= column; i++)
    if (cells[i] == NULL)
      return NULL;
  return cells[column];
}

guint
liaison_table_get_line (LiaisonTable *table,
                        guint         row)
{
  return row < table->lines->len ? g_array_index (table->lines, guint, row) : 0;
}

/* Columns are named as a spreadsheet names them, A … Z, AA …, whatever the
 * format: a CSV file is opened in Excel or LibreOffice to be fixed. */
char *
liaison_table_column_name (guint column)
{
  char  name[8];
  guint i = G_N_ELEMENTS (name) - 1;

  name[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      name[--i] = 'A' + (column - 1) % 26;
      column = (column - 1) / 26;
    }
  return g_strdup (name + i);
}

static gboolean
starts_with (GBytes     *bytes,
             const char *magic,
             gsize       len)
{
  gsize       size;
  const char *data = g_bytes_get_data (bytes, &size);

  return size >= len && memcmp (data, magic, len) == 0;
}

/* An OpenDocument file names its kind in its first entry, stored. */
static gboolean
is_opendocument (GBytes *bytes)
{
  static const char kind[] = "application/vnd.oasis.opendocument";
  gsize             size;
  const char       *data = g_bytes_get_data (bytes, &size);

  for (gsize i = 0; i + sizeof kind - 1 <= MIN (size, 200); i++)
    if (memcmp (data + i, kind, sizeof kind - 1) == 0)
      return TRUE;
  return FALSE;
}

LiaisonTable *
liaison_table_read_bytes (GBytes                    *bytes,
                          const char                *name,
                          const LiaisonTableOptions *options,
                          LiaisonProgressFunc        progress,
                          gpointer                   progress_data,
                          GCancellable              *cancellable,
                          GError                   **error)
{
  LiaisonTableOptions defaults = { NULL, 0, 0 };
  gsize               size = g_bytes_get_size (bytes);
  gsize               max_bytes;

  if (options == NULL)
    options = &defaults;
  max_bytes = options->max_bytes > 0 ? options->max_bytes : LIAISON_TABLE_MAX_BYTES;

  if (size == 0)
    {
      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_EMPTY, _ ("%s is empty"), name);
      return NULL;
    }
  if (size > max_bytes)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *limit = g_format_size (max_bytes);

      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_TOO_LARGE,
                   /* Translators: %1$s is a file name, %2$s and %3$s sizes such as “80.1 MB” */
                   _ ("%1$s is %2$s; Liaison reads files of up to %3$s. Split it into smaller files."), name, have,
                   limit);
      return NULL;
    }
  if (starts_with (bytes, "\xd0\xcf\x11\xe0", 4))
    {
      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_UNSUPPORTED,
                   _ ("%s is an Excel 97–2003 workbook (.xls), which Liaison does not read. Open it in Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as CSV."),
                   name);
      return NULL;
    }
  if (starts_with (bytes, "PK\x03\x04", 4))
    {
      if (is_opendocument (bytes))
        {
          g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_UNSUPPORTED,
                       _ ("%s is an OpenDocument spreadsheet (.ods), which Liaison does not read. Save it as an Excel workbook (.xlsx) or as CSV."),
                       name);
          return NULL;
        }
      return liaison_xlsx_read (bytes, name, progress, progress_data, cancellable, error);
    }
  if (starts_with (bytes, "%PDF", 4) || starts_with (bytes, "\x89PNG", 4) || starts_with (bytes, "\xff\xd8\xff", 3))
    {
      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_UNSUPPORTED,
                   _ ("%s is a PDF or a picture, not a table. Liaison reads CSV and tab-separated text and Excel workbooks (.xlsx)."),
                   name);
      return NULL;
    }
  return liaison_csv_read (bytes, name, options, progress, progress_data, cancellable, error);
}

LiaisonTable *
liaison_table_read_file (const char                *path,
                         const LiaisonTableOptions *options,
                         LiaisonProgressFunc        progress,
                         gpointer                   progress_data,
                         GCancellable              *cancellable,
                         GError                   **error)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *name = g_file_get_basename (file);
  gsize            max_bytes = options != NULL && options->max_bytes > 0 ? options->max_bytes : LIAISON_TABLE_MAX_BYTES;
  char            *data = NULL;
  gsize            length = 0;

  /* The size first: a 2 GB file is refused before it is read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_UNSUPPORTED, _ ("%s is a folder, not a file"), name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > max_bytes)
    {
      g_autofree char *have = g_format_size (g_file_info_get_size (info));
      g_autofree char *limit = g_format_size (max_bytes);

      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_TOO_LARGE,
                   _ ("%1$s is %2$s; Liaison reads files of up to %3$s. Split it into smaller files."), name, have,
                   limit);
      return NULL;
    }
  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;
  bytes = g_bytes_new_take (data, length);
  return liaison_table_read_bytes (bytes, name, options, progress, progress_data, cancellable, error);
}
