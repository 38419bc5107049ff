/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "liaison-store.h"
#include "test-util.h"

static char *
file_digest (const char *path)
{
  g_autofree char *data = NULL;
  gsize            len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static char *
make_database (const char *dir)
{
  char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr (LiaisonStore) store = liaison_store_open (path, NULL);

  g_assert_nonnull (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  return path;
}

static void
assert_refused (const char *path,
                int         code,
                const char *mention)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = liaison_store_open (path, &error);

  g_assert_null (store);
  g_assert_error (error, LIAISON_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, mention));
}

static void
test_newer (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = make_database (dir);
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", liaison_store_latest_version () + 1);
  sqlite3         *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  before = file_digest (path);
  assert_refused (path, LIAISON_STORE_ERROR_NEWER, "newer Liaison");
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);

  test_remove_tree (dir);
}

static void
test_corrupt (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (GString) junk = g_string_new (NULL);

  for (guint i = 0; i < 2000; i++)
    g_string_append (junk, "not a database; ");
  g_assert_true (g_file_set_contents (path, junk->str, junk->len, NULL));

  before = file_digest (path);
  assert_refused (path, LIAISON_STORE_ERROR_CORRUPT, path);
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);

  test_remove_tree (dir);
}

static void
test_damaged_header (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = make_database (dir);
  g_autofree char *data = NULL;
  g_autofree char *before = NULL, *after = NULL;
  gsize            len;

  /* A database whose first page was overwritten, as after a bad copy. */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  memset (data, 0x5a, 100);
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  before = file_digest (path);
  assert_refused (path, LIAISON_STORE_ERROR_CORRUPT, "damaged");
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);

  test_remove_tree (dir);
}

static void
test_read_only_dir (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *path = g_build_filename (locked, "liaison.db", NULL);

  g_assert_cmpint (g_mkdir (locked, 0700), ==, 0);
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);

  assert_refused (path, LIAISON_STORE_ERROR_READ_ONLY, locked);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  test_remove_tree (dir);
}

static void
test_read_only_existing (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = make_database (dir);
  g_autofree char *before = file_digest (path);
  g_autofree char *after = NULL;

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  assert_refused (path, LIAISON_STORE_ERROR_READ_ONLY, dir);
  g_assert_cmpint (g_chmod (dir, 0700), ==, 0);

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  assert_refused (path, LIAISON_STORE_ERROR_READ_ONLY, "read-only");
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);

  test_remove_tree (dir);
}

static void
test_not_a_file (void)
{
  g_autofree char *dir = test_make_dir ();

  assert_refused (dir, LIAISON_STORE_ERROR_OPEN, dir);
  test_remove_tree (dir);
}

/* Runs SQL on a file the way another program would, leaving it in
 * rollback-journal mode (no -wal file beside it). */
static void
run_sql (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
assert_refused_as_is (const char *path,
                      int         code,
                      const char *mention)
{
  g_autofree char *before = file_digest (path);
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  assert_refused (path, code, mention);
  after = file_digest (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* Another application's SQLite file (Firefox's history) is not converted
 * into a Liaison database: level 0 with tables in it is not new. */
static void
test_other_application (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "places.sqlite", NULL);

  run_sql (path, "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT, title TEXT);"
                 "INSERT INTO moz_places (url, title) VALUES ('https://www.fecomee.org.cn/', 'FECO');");
  assert_refused_as_is (path, LIAISON_STORE_ERROR_CORRUPT, "moz_places");
  test_remove_tree (dir);
}

static void
test_negative_level (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = make_database (dir);

  run_sql (path, "PRAGMA user_version = -1");
  assert_refused_as_is (path, LIAISON_STORE_ERROR_CORRUPT, "-1");
  test_remove_tree (dir);
}

/* A table or a column of the level gone is named at open, not found later
 * by a raw "no such table". */
static void
test_table_dropped (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = make_database (dir);

  run_sql (path, "DROP TABLE registrations");
  assert_refused_as_is (path, LIAISON_STORE_ERROR_CORRUPT, "registrations");
  test_remove_tree (dir);
}

static void
test_column_dropped (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = make_database (dir);

  run_sql (path, "ALTER TABLE events DROP COLUMN funding");
  assert_refused_as_is (path, LIAISON_STORE_ERROR_CORRUPT, "funding");
  test_remove_tree (dir);
}

/* A damaged page of an index is noticed when the file is opened, before
 * a write fails on it. */
static void
test_damaged_index (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = make_database (dir);
  g_autofree char *data = NULL;
  sqlite3         *db = NULL;
  sqlite3_stmt    *stmt = NULL;
  int              page, page_size;
  gsize            len;

  /* Enough people for the index to have pages of its own. */
  {
    g_autoptr (LiaisonStore) store = liaison_store_open (path, NULL);

    g_assert_true (liaison_store_begin_bulk (store, NULL));
    for (guint i = 0; i < 2000; i++)
      {
        g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
        g_autofree char *family = g_strdup_printf ("Family%04u", i);

        liaison_participant_set_latin_name (p, family, "Given");
        g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, NULL));
      }
    g_assert_true (liaison_store_end_bulk (store, TRUE, NULL));
    g_assert_finalize_object (g_steal_pointer (&store));
  }
  run_sql (path, "PRAGMA wal_checkpoint (TRUNCATE)");

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema"
                                           " WHERE name = 'participants_sort'",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  page = sqlite3_column_int (stmt, 0);
  page_size = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* The index's root page, overwritten past its header, as after a bad
   * sector. */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >=, (gsize) page * page_size);
  memset (data + (gsize) (page - 1) * page_size + 12, 0x5a, page_size - 12);
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  assert_refused_as_is (path, LIAISON_STORE_ERROR_CORRUPT, "damaged");
  test_remove_tree (dir);
}

/* An empty file (as a program that creates it first leaves it) is new. */
static void
test_empty_file (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_version (store), ==, liaison_store_latest_version ());
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/bad-store/newer", test_newer);
  g_test_add_func ("/liaison/bad-store/corrupt", test_corrupt);
  g_test_add_func ("/liaison/bad-store/damaged-header", test_damaged_header);
  g_test_add_func ("/liaison/bad-store/read-only-dir", test_read_only_dir);
  g_test_add_func ("/liaison/bad-store/read-only-existing", test_read_only_existing);
  g_test_add_func ("/liaison/bad-store/not-a-file", test_not_a_file);
  g_test_add_func ("/liaison/bad-store/other-application", test_other_application);
  g_test_add_func ("/liaison/bad-store/negative-level", test_negative_level);
  g_test_add_func ("/liaison/bad-store/table-dropped", test_table_dropped);
  g_test_add_func ("/liaison/bad-store/column-dropped", test_column_dropped);
  g_test_add_func ("/liaison/bad-store/damaged-index", test_damaged_index);
  g_test_add_func ("/liaison/bad-store/empty-file", test_empty_file);

  return g_test_run ();
}
