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

  return g_test_run ();
}
