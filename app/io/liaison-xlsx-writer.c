/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <xlsxwriter.h>

#include "liaison-io-error.h"
#include "liaison-xlsx-writer.h"

/* Excel's limit for the text of one cell. */
#define MAX_CELL_CHARS 32767

static const char *sheet_names[LIAISON_N_EXPORT_KINDS][LIAISON_N_LANGUAGES] = {
  [LIAISON_EXPORT_PARTICIPANTS] = { "参会人员", "Participants" },
  [LIAISON_EXPORT_REGISTRATIONS] = { "报名记录", "Registrations" },
  [LIAISON_EXPORT_EVENTS] = { "活动", "Events" },
};

static char *
cut (const char *text)
{
  if (g_utf8_strlen (text, -1) <= MAX_CELL_CHARS)
    return g_strdup (text);
  return g_utf8_substring (text, 0, MAX_CELL_CHARS);
}

/* Columns of the text's width in a spreadsheet: Han and other wide
 * characters take two. */
static double
text_width (const char *text)
{
  double width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return width;
}

static lxw_error
write_cell (lxw_worksheet             *sheet,
            lxw_row_t                  row,
            lxw_col_t                  col,
            const LiaisonExportColumn *column,
            const char                *value,
            lxw_format                *date_format,
            lxw_format                *date_time_format)
{
  int      y, m, d, h, mi;
  gboolean has_time;

  if (value == NULL)
    return LXW_NO_ERROR;
  if ((column->type == LIAISON_EXPORT_CELL_DATE || column->type == LIAISON_EXPORT_CELL_DATE_TIME) && liaison_export_parse_date (value, &y, &m, &d, &h, &mi, &has_time))
    {
      lxw_datetime when = { y, m, d, h, mi, 0 };

      return worksheet_write_datetime (sheet, row, col, &when, has_time ? date_time_format : date_format);
    }
  if (column->type == LIAISON_EXPORT_CELL_NUMBER)
    {
      char  *end = NULL;
      double number = g_ascii_strtod (value, &end);

      if (end != NULL && *end == '\0')
        return worksheet_write_number (sheet, row, col, number, NULL);
    }
  {
    g_autofree char *text = cut (value);

    return worksheet_write_string (sheet, row, col, text, NULL);
  }
}

static gboolean
failed (lxw_error   status,
        const char *path,
        GError    **error)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: %1$s is a file name, %2$s what the Excel library said */
  g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_UNSUPPORTED, _ ("Could not write the workbook “%1$s”: %2$s"),
               name, lxw_strerror (status));
  return FALSE;
}

static gboolean write_book (LiaisonExportTable  *table,
                            LiaisonExportHeaders headers,
                            const char          *path,
                            GError             **error);

/* Debian's libxlsxwriter writes numbers (and dates, which are numbers)
 * with printf's %G, in the locale's decimal mark: a Vietnamese or
 * Indonesian desktop would write 45965,5 and a workbook Excel refuses.
 * The C locale's numbers, for this thread only, while it writes. */
gboolean
liaison_xlsx_write_file (LiaisonExportTable  *table,
                         LiaisonExportHeaders headers,
                         const char          *path,
                         GError             **error)
{
  locale_t c_numbers = newlocale (LC_NUMERIC_MASK, "C", (locale_t) 0);
  locale_t previous = c_numbers != (locale_t) 0 ? uselocale (c_numbers) : (locale_t) 0;
  gboolean ok = write_book (table, headers, path, error);

  if (c_numbers != (locale_t) 0)
    {
      uselocale (previous);
      freelocale (c_numbers);
    }
  return ok;
}

static gboolean
write_book (LiaisonExportTable  *table,
            LiaisonExportHeaders headers,
            const char          *path,
            GError             **error)
{
  guint                n_columns = liaison_export_table_get_n_columns (table);
  guint                n_rows = liaison_export_table_get_n_rows (table);
  g_autofree char     *part = g_strconcat (path, ".part", NULL);
  g_autofree char     *tmpdir = g_path_get_dirname (path);
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = tmpdir, .use_zip64 = LXW_FALSE };
  LiaisonLanguage      lang = headers == LIAISON_EXPORT_HEADERS_ZH ? LIAISON_LANGUAGE_ZH : LIAISON_LANGUAGE_EN;
  lxw_workbook        *book;
  lxw_worksheet       *sheet;
  lxw_format          *bold, *date_format, *date_time_format;
  lxw_error            status = LXW_NO_ERROR;

  /* Excel holds 1,048,576 rows; one is the header. */
  if (n_rows >= 1048576)
    {
      g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_UNSUPPORTED,
                   _ ("An Excel sheet holds at most 1,048,575 rows: export to CSV instead"));
      return FALSE;
    }

  book = workbook_new_opt (part, &options);
  if (book == NULL)
    return failed (LXW_ERROR_CREATING_XLSX_FILE, path, error);
  sheet = workbook_add_worksheet (book, sheet_names[liaison_export_table_get_kind (table)][lang]);
  bold = workbook_add_format (book);
  format_set_bold (bold);
  format_set_bottom (bold, LXW_BORDER_THIN);
  date_format = workbook_add_format (book);
  format_set_num_format (date_format, "yyyy-mm-dd");
  date_time_format = workbook_add_format (book);
  format_set_num_format (date_time_format, "yyyy-mm-dd hh:mm");

  for (guint c = 0; c < n_columns; c++)
    {
      const LiaisonExportColumn *column = liaison_export_table_get_column (table, c);
      g_autofree char           *header = liaison_export_column_header (column, headers);
      double                     width = MAX (column->width, text_width (header) + 3);

      worksheet_set_column (sheet, c, c, MIN (width, 60), NULL);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  if (n_columns > 0)
    worksheet_autofilter (sheet, 0, 0, n_rows, n_columns - 1);

  for (guint c = 0; c < n_columns && status == LXW_NO_ERROR; c++)
    {
      g_autofree char *header = liaison_export_column_header (liaison_export_table_get_column (table, c), headers);

      status = worksheet_write_string (sheet, 0, c, header, bold);
    }
  for (guint r = 0; r < n_rows && status == LXW_NO_ERROR; r++)
    for (guint c = 0; c < n_columns && status == LXW_NO_ERROR; c++)
      status = write_cell (sheet, r + 1, c, liaison_export_table_get_column (table, c),
                           liaison_export_table_get_cell (table, r, c), date_format, date_time_format);

  {
    lxw_error closed = workbook_close (book);

    if (status == LXW_NO_ERROR)
      status = closed;
  }
  if (status != LXW_NO_ERROR)
    {
      g_unlink (part);
      return failed (status, path, error);
    }
  if (g_rename (part, path) != 0)
    {
      int              saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_unlink (part);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _ ("Could not write “%1$s”: %2$s"), name,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
