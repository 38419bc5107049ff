/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <string.h>

#include "liaison-csv-writer.h"

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

char *
liaison_csv_neutralise (const char *cell)
{
  if (cell == NULL)
    return NULL;
  if (is_formula_start (cell[0]))
    return g_strconcat ("'", cell, NULL);
  return g_strdup (cell);
}

static void
append_cell (GString    *out,
             const char *cell)
{
  g_autofree char *safe = liaison_csv_neutralise (cell);
  gboolean         quote;

  if (safe == NULL)
    return;
  quote = strpbrk (safe, ",\"\r\n") != NULL || g_ascii_isspace (safe[0]) || (*safe != '\0' && g_ascii_isspace (safe[strlen (safe) - 1]));
  if (!quote)
    {
      g_string_append (out, safe);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = safe; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Excel reads "2025-11-04 09:30" in a CSV as a date and time; the T of
 * ISO 8601 would make it text. */
static char *
cell_text (const LiaisonExportColumn *column,
           const char                *value)
{
  int      y, m, d, h, mi;
  gboolean has_time;

  if (value != NULL && (column->type == LIAISON_EXPORT_CELL_DATE || column->type == LIAISON_EXPORT_CELL_DATE_TIME) && liaison_export_parse_date (value, &y, &m, &d, &h, &mi, &has_time))
    return has_time ? g_strdup_printf ("%04d-%02d-%02d %02d:%02d", y, m, d, h, mi)
                    : g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return g_strdup (value);
}

char *
liaison_csv_write_table (LiaisonExportTable  *table,
                         LiaisonExportHeaders headers,
                         gsize               *length)
{
  guint    n_columns = liaison_export_table_get_n_columns (table);
  guint    n_rows = liaison_export_table_get_n_rows (table);
  GString *out = g_string_sized_new (256 + (gsize) n_rows * n_columns * 16);

  g_string_append (out, "\xEF\xBB\xBF");
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree char *header = liaison_export_column_header (liaison_export_table_get_column (table, c), headers);

      if (c > 0)
        g_string_append_c (out, ',');
      append_cell (out, header);
    }
  g_string_append (out, "\r\n");
  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *text = cell_text (liaison_export_table_get_column (table, c), liaison_export_table_get_cell (table, r, c));

          if (c > 0)
            g_string_append_c (out, ',');
          append_cell (out, text);
        }
      g_string_append (out, "\r\n");
    }
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

gboolean
liaison_csv_write_file (LiaisonExportTable  *table,
                        LiaisonExportHeaders headers,
                        const char          *path,
                        GError             **error)
{
  gsize            length;
  g_autofree char *text = liaison_csv_write_table (table, headers, &length);

  return g_file_set_contents (path, text, length, error);
}
