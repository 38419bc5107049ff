/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-table.h"
#include "liaison-xlsx-reader.h"
#include "test-util.h"

/* Workbooks Liaison did not write: tests/make-xlsx.py makes them with
 * openpyxl, and rewrites one as Excel stores it (shared strings, rich
 * text with a phonetic guide, cached formula values, an error value). */

static char *fixtures;

static gboolean
make_fixtures (void)
{
  g_autofree char *script = g_build_filename (TEST_SOURCE_DIR, "make-xlsx.py", NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  int              status = 0;
  const char      *argv[] = { "/usr/bin/python3", script, NULL, NULL };

  fixtures = test_make_dir ();
  argv[2] = fixtures;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("make-xlsx.py failed: %s", error != NULL ? error->message : err);
      return FALSE;
    }
  return TRUE;
}

static LiaisonTable *
read_fixture (const char *name, GError **error)
{
  g_autofree char *path = g_build_filename (fixtures, name, NULL);

  return liaison_table_read_file (path, NULL, NULL, NULL, NULL, error);
}

static gboolean
has_note (LiaisonTable *table, const char *part)
{
  for (guint i = 0; i < table->notes->len; i++)
    if (strstr (g_ptr_array_index (table->notes, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static void
check_people (LiaisonTable *table)
{
  /* Row 1 is the title above the header; the header is row 2. */
  g_assert_cmpuint (liaison_table_get_line (table, 0), ==, 1);
  g_assert_cmpstr (liaison_table_get_cell (table, 1, 0), ==, "姓名");
  g_assert_cmpuint (liaison_table_get_line (table, 1), ==, 2);
  g_assert_cmpstr (liaison_table_get_cell (table, 2, 0), ==, "李霞");
  g_assert_cmpstr (liaison_table_get_cell (table, 2, 4), ==, "中国—东盟环境保护合作中心");
  g_assert_cmpstr (liaison_table_get_cell (table, 3, 0), ==, "Nguyễn Thị Minh Khai");
  g_assert_cmpstr (liaison_table_get_cell (table, 4, 0), ==, "สมชาย ใจดี");
  g_assert_cmpstr (liaison_table_get_cell (table, 5, 0), ==, "ហ៊ុន សុខា");
  g_assert_cmpstr (liaison_table_get_cell (table, 6, 0), ==, "ສົມພອນ ພົມມະວົງ");
  g_assert_cmpstr (liaison_table_get_cell (table, 7, 0), ==, "အောင်ဆန်း");
  /* An empty first cell: the row starts at column B. */
  g_assert_cmpstr (liaison_table_get_cell (table, 8, 0), ==, "");
  g_assert_cmpstr (liaison_table_get_cell (table, 8, 1), ==, "Sukarno");
  /* Dates as dates, in the format they were shown in or not. */
  g_assert_cmpstr (liaison_table_get_cell (table, 2, 5), ==, "2025-03-14");
  g_assert_cmpstr (liaison_table_get_cell (table, 8, 5), ==, "2025-03-20");
  /* A phone number stored as a number stays whole; booleans read as Excel shows them. */
  g_assert_cmpstr (liaison_table_get_cell (table, 2, 7), ==, "8613800138000");
  g_assert_cmpstr (liaison_table_get_cell (table, 2, 8), ==, "TRUE");
  g_assert_cmpstr (liaison_table_get_cell (table, 3, 8), ==, "FALSE");
  /* The blank row 10 is left out; Wang Fang is on row 11, with a time. */
  g_assert_cmpuint (liaison_table_get_n_rows (table), ==, 10);
  g_assert_cmpstr (liaison_table_get_cell (table, 9, 0), ==, "王芳");
  g_assert_cmpuint (liaison_table_get_line (table, 9), ==, 11);
  g_assert_cmpstr (liaison_table_get_cell (table, 9, 5), ==, "2024-12-31 09:30");
  g_assert_cmpstr (table->sheet, ==, "Participants");
  g_assert_true (has_note (table, "only the first, “Participants”"));
}

static void
test_inline_strings (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = read_fixture ("roster.xlsx", &error);

  g_assert_no_error (error);
  g_assert_cmpint (table->format, ==, LIAISON_TABLE_XLSX);
  check_people (table);
  /* openpyxl saves formulas without computing them: each is said, by cell. */
  g_assert_cmpstr (liaison_table_get_cell (table, 2, 6), ==, "");
  g_assert_true (has_note (table, "7 cells hold a formula with no saved value (G3, G4, G5, G6, G7, G8, G9)"));
}

static void
test_shared_strings (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = read_fixture ("shared.xlsx", &error);

  g_assert_no_error (error);
  check_people (table);
  /* The cached value of a formula is what Excel showed. */
  g_assert_cmpstr (liaison_table_get_cell (table, 2, 6), ==, "cached G3");
  g_assert_false (has_note (table, "no saved value"));
  /* #N/A in H4 is named, and read as empty. */
  g_assert_cmpstr (liaison_table_get_cell (table, 3, 7), ==, "");
  g_assert_true (has_note (table, "1 cell holds an error value (H4 (#N/A))"));
}

static void
test_epoch_1904 (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = read_fixture ("epoch1904.xlsx", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (liaison_table_get_cell (table, 1, 1), ==, "2025-03-14");
}

static void
test_hidden_first (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = read_fixture ("hidden-first.xlsx", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (table->sheet, ==, "名单");
  g_assert_cmpstr (liaison_table_get_cell (table, 1, 0), ==, "王芳");
}

static void
test_serial_dates (void)
{
  struct
  {
    double      serial;
    gboolean    date1904;
    const char *text;
  } cases[] = {
    { 1, FALSE, "1900-01-01" },
    { 59, FALSE, "1900-02-28" },
    { 61, FALSE, "1900-03-01" },
    { 45730, FALSE, "2025-03-14" },
    { 45730.5, FALSE, "2025-03-14 12:00" },
    { 0, TRUE, "1904-01-01" },
    { 44268, TRUE, "2025-03-14" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = liaison_xlsx_date_text (cases[i].serial, cases[i].date1904);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* A zip that is not a workbook, and a workbook cut short. */
static void
test_broken (void)
{
  g_autofree char *path = g_build_filename (fixtures, "roster.xlsx", NULL);
  g_autofree char *data = NULL;
  gsize            length;
  g_autoptr (GBytes) cut = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = NULL;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  cut = g_bytes_new (data, length / 2);
  table = liaison_table_read_bytes (cut, "cut.xlsx", NULL, NULL, NULL, NULL, &error);
  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "cut.xlsx is not a workbook Liaison can read"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/xlsx/serial-dates", test_serial_dates);
  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) || !make_fixtures ())
    {
      g_test_skip ("needs Debian's python3 with python3-openpyxl (tools/setup test installs it)");
      return g_test_run ();
    }
  g_test_add_func ("/liaison/xlsx/inline-strings", test_inline_strings);
  g_test_add_func ("/liaison/xlsx/shared-strings", test_shared_strings);
  g_test_add_func ("/liaison/xlsx/epoch-1904", test_epoch_1904);
  g_test_add_func ("/liaison/xlsx/hidden-first", test_hidden_first);
  g_test_add_func ("/liaison/xlsx/broken", test_broken);

  {
    int status = g_test_run ();

    test_remove_tree (fixtures);
    return status;
  }
}
