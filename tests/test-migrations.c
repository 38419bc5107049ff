/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "liaison-store.h"
#include "test-util.h"

/* Builds a database at an older level from the migration files themselves
 * (they never change once released) and a fixture of user data. */
static void
make_old_database (const char  *path,
                   const char **schema_files,
                   const char  *data_file)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; schema_files[i] != NULL; i++)
    {
      g_autofree char *file = g_test_build_filename (G_TEST_DIST, "..", "resources", "migrations", schema_files[i], NULL);
      g_autofree char *sql = NULL;
      char *message = NULL;

      g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
      if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s: %s", schema_files[i], message);
    }
  {
    g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", data_file, NULL);
    g_autofree char *sql = NULL;
    char *message = NULL;

    g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
    if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
      g_error ("%s: %s", data_file, message);
  }
  sqlite3_close (db);
}

static void
test_from_level_1 (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  const char *schema[] = { "0001-initial.sql", NULL };
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonEvent) event = NULL;
  g_autoptr(LiaisonRegistration) reg = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) found_zh = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) journal = NULL;
  g_autoptr(GPtrArray) plan = NULL;

  make_old_database (path, schema, "v1-data.sql");

  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_version (store), ==, liaison_store_latest_version ());

  event = liaison_store_get_event (store, "0b6f4c1e-8f3a-4e55-9d0a-2f1e7c6b5a41", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_event_get_time_zone (event), ==, "Asia/Yangon");
  g_assert_cmpuint (liaison_event_get_capacity (event), ==, 40);
  g_assert_cmpint (liaison_event_get_status (event), ==, LIAISON_EVENT_STATUS_CONFIRMED);

  reg = liaison_store_get_registration (store, "9a8b7c6d-5e4f-4a3b-9c1d-0e2f4a6b8c0d", &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_registration_get_role (reg), ==, LIAISON_ROLE_SPEAKER);
  g_assert_cmpstr (liaison_registration_get_status_time (reg, LIAISON_REGISTRATION_CONFIRMED), ==,
                   "2025-01-04T00:00:00.000000Z");

  /* Level 2 added search: the old rows were indexed on the way. */
  found = liaison_store_search_participants (store, "li xia", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  found_zh = liaison_store_search_participants (store, "李霞", 10, &error);
  g_assert_cmpuint (found_zh->len, ==, 1);
  events = liaison_store_search_events (store, "Yangon", 10, &error);
  g_assert_cmpuint (events->len, ==, 1);

  journal = liaison_store_list_journal (store, 0, 1, NULL);
  g_assert_cmpstr (((LiaisonJournalEntry *) g_ptr_array_index (journal, 0))->time, ==, "2025-01-02T03:04:05.000000Z");

  /* The plan tables were empty at level 1 in this fixture: the first-run
   * content is loaded on open, as after a process killed mid-setup. */
  plan = liaison_store_list_plan (store, NULL);
  g_assert_cmpuint (plan->len, ==, 4 + 9 + 21);
  g_assert_cmpuint (liaison_store_count_events (store), ==, 62 + 1);

  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_pointer (&found_zh, g_ptr_array_unref);
  g_clear_pointer (&events, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Opening again migrates nothing and loads nothing twice. */
  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_store_count_events (store), ==, 62 + 1);
  g_assert_finalize_object (g_steal_pointer (&store));

  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/migrations/from-level-1", test_from_level_1);

  return g_test_run ();
}
