/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "liaison-store-merge.h"
#include "liaison-store-people.h"
#include "liaison-store-sync.h"
#include "liaison-store-translations.h"
#include "liaison-programme.h"
#include "test-util.h"

/* Builds a database at an older level from the migration files themselves
 * (they never change once released) and a fixture of user data. */
static void
make_old_database (const char *path, const char **schema_files, const char *data_file)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; schema_files[i] != NULL; i++)
    {
      g_autofree char *file =
          g_test_build_filename (G_TEST_DIST, "..", "resources", "migrations", schema_files[i], NULL);
      g_autofree char *sql = NULL;
      char            *message = NULL;

      g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
      if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s: %s", schema_files[i], message);
    }
  {
    g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", data_file, NULL);
    g_autofree char *sql = NULL;
    char            *message = NULL;

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
  const char      *schema[] = { "0001-initial.sql", NULL };
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (LiaisonRegistration) reg = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) found_zh = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) journal = NULL;
  g_autoptr (GPtrArray) plan = NULL;

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

static gboolean
event_has_id (gconstpointer event, gconstpointer id)
{
  return g_str_equal (liaison_event_get_id ((LiaisonEvent *) event), id);
}

static guint
count_found (LiaisonStore *store, const char *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = liaison_store_search_participants (store, query, 10, &error);

  g_assert_no_error (error);
  return found->len;
}

static void
test_from_level_2 (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  const char      *schema[] = { "0001-initial.sql", "0002-search.sql", NULL };
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonParticipant) wang = NULL;
  g_autoptr (LiaisonRegistration) reg = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) journal = NULL;
  g_autoptr (GPtrArray) created = NULL;
  LiaisonJournalEntry *last;

  make_old_database (path, schema, "v2-data.sql");

  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_version (store), ==, liaison_store_latest_version ());

  /* Every row is there. */
  wang = liaison_store_get_participant (store, "7e2f4a6b-8c0d-4e1f-9a3b-5c7d9e1f3a5b", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_participant_get_given_native (wang), ==, "芳");
  reg = liaison_store_get_registration (store, "4b6d8f0a-2c4e-4a6b-9d0f-3b5d7f9a1c3e", &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_registration_get_status (reg), ==, LIAISON_REGISTRATION_REGISTERED);

  /* Level 3 moved the short grams to another table, level 6 wrote every
   * document again: both search paths find the old rows. */
  g_assert_cmpuint (count_found (store, "wang fang"), ==, 1);
  g_assert_cmpuint (count_found (store, "王"), ==, 1);
  g_assert_cmpuint (count_found (store, "王芳"), ==, 1);
  g_assert_cmpuint (count_found (store, "nguyen"), ==, 1);
  g_assert_cmpuint (count_found (store, "va"), ==, 1);
  /* Since level 6 organisations too are found from one character on:
   * “an” is also the start of “and” in Wang Fang's ministry. */
  g_assert_cmpuint (count_found (store, "an"), ==, 2);
  events = liaison_store_search_events (store, "环境管理研修", 100, &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (events, "3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f", event_has_id, NULL));

  /* The journal keeps its rows and its sequence goes on after them. */
  journal = liaison_store_list_journal (store, 0, 100, NULL);
  g_assert_cmpuint (journal->len, >=, 4);
  g_assert_cmpint (((LiaisonJournalEntry *) g_ptr_array_index (journal, 3))->seq, ==, 4);
  g_assert_cmpint (((LiaisonJournalEntry *) g_ptr_array_index (journal, 3))->origin, ==, LIAISON_ORIGIN_REMOTE);

  /* A migrated row can be changed: its old keys leave both indexes. */
  liaison_participant_set_native_name (wang, "黄", "芳");
  liaison_participant_set_latin_name (wang, "Huang", "Fang");
  {
    /* Or "王" would still find her, read as "wang" in her old address. */
    const char *emails[] = { "huang.fang@example.cn", NULL };
    liaison_participant_set_emails (wang, emails);
  }
  g_assert_true (liaison_store_save_participant (store, wang, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (store, "wang fang"), ==, 0);
  g_assert_cmpuint (count_found (store, "王"), ==, 0);
  g_assert_cmpuint (count_found (store, "huang fang"), ==, 1);
  g_assert_cmpuint (count_found (store, "黄"), ==, 1);
  g_clear_pointer (&journal, g_ptr_array_unref);
  journal = liaison_store_list_journal (store, 4, 100, NULL);
  g_assert_cmpuint (journal->len, >, 0);
  last = g_ptr_array_index (journal, journal->len - 1);
  g_assert_cmpint (last->seq, >, 4);

  /* The new index serves the capacity count: a 2-place event with one
   * registration takes one more, then waitlists. */
  {
    const char *ids[] = { "2a4c6e8f-0b1d-4f3a-8c5e-7f9b1d3f5a7c", NULL };
    g_autoptr (LiaisonParticipant) third = liaison_participant_new (NULL);
    const char *more[] = { NULL, NULL };

    created = liaison_store_register_many (store, "3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f", ids, LIAISON_ROLE_DELEGATE,
                                           LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (liaison_registration_get_status (g_ptr_array_index (created, 0)), ==,
                     LIAISON_REGISTRATION_REGISTERED);
    g_clear_pointer (&created, g_ptr_array_unref);

    liaison_participant_set_latin_name (third, "Tan", "Mei Ling");
    g_assert_true (liaison_store_save_participant (store, third, LIAISON_ORIGIN_LOCAL, &error));
    more[0] = liaison_participant_get_id (third);
    created = liaison_store_register_many (store, "3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f", more, LIAISON_ROLE_DELEGATE,
                                           LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (liaison_registration_get_status (g_ptr_array_index (created, 0)), ==,
                     LIAISON_REGISTRATION_WAITLISTED);
  }

  g_clear_pointer (&events, g_ptr_array_unref);
  g_clear_pointer (&created, g_ptr_array_unref);
  g_clear_object (&wang);
  g_clear_object (&reg);
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

static void
test_from_level_3 (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  const char      *schema[] = { "0001-initial.sql", "0002-search.sql", "0003-faster-writes.sql", NULL };
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonRegistration) reg = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;

  make_old_database (path, schema, "v3-data.sql");

  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_version (store), ==, liaison_store_latest_version ());

  reg = liaison_store_get_registration (store, "4b6d8f0a-2c4e-4a6b-9d0f-3b5d7f9a1c3e", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (store, "王芳"), ==, 1);
  g_assert_cmpuint (count_found (store, "nguyen"), ==, 1);

  /* Level 4 is sync: nothing synced yet, and the old journal feeds the
   * outbox; a remote change is never sent back. */
  g_assert_null (liaison_store_sync_get_collection (store, LIAISON_SYNC_SERVICE_CALDAV, NULL));
  g_assert_true (liaison_store_sync_feed_outbox (store, &error));
  g_assert_no_error (error);
  events = liaison_store_sync_list_outbox (store, "event");
  people = liaison_store_sync_list_outbox (store, "participant");
  g_assert_true (g_ptr_array_find_with_equal_func (events, "3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f", g_str_equal, NULL));
  g_assert_cmpuint (people->len, ==, 2);
  conflicts = liaison_store_list_conflicts (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_assert_cmpuint (liaison_store_count_events (store), ==, 62 + 1);

  g_clear_object (&reg);
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

/* Level 4 held a sync in progress: level 5 adds translation states and the
 * programme table, and every sync row comes through, so the next sync goes
 * on from its tokens instead of starting again. */
static void
test_from_level_4 (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  const char      *schema[] = { "0001-initial.sql", "0002-search.sql", "0003-faster-writes.sql", "0004-sync.sql", NULL };
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonSyncResource) resource = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) skipped = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (LiaisonBilingual) city = NULL;
  g_autoptr (LiaisonBilingual) programme = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  g_autofree char *last_sync = NULL;
  LiaisonConflict *conflict;

  make_old_database (path, schema, "v4-data.sql");

  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_version (store), ==, liaison_store_latest_version ());
  g_assert_cmpuint (liaison_store_count_events (store), ==, 62 + 1);
  g_assert_cmpuint (count_found (store, "王芳"), ==, 1);

  /* The collections and where each pull stopped. */
  url = liaison_store_sync_get_collection (store, LIAISON_SYNC_SERVICE_CALDAV, &token);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:5232/beijing/liaison-events/");
  g_assert_cmpstr (token, ==, "http://radicale.org/ns/sync/6a1f0c2d");
  g_clear_pointer (&url, g_free);
  g_clear_pointer (&token, g_free);
  url = liaison_store_sync_get_collection (store, LIAISON_SYNC_SERVICE_CARDDAV, &token);
  g_assert_cmpstr (url, ==, "http://127.0.0.1:5232/beijing/liaison-participants/");
  g_assert_cmpstr (token, ==, "http://radicale.org/ns/sync/9b3e5d7f");

  /* The server's copy of the event: ETag and merge base. */
  resource = liaison_store_sync_get_resource (store, "event", "3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f");
  g_assert_nonnull (resource);
  g_assert_cmpstr (resource->etag, ==, "\"e-1\"");
  g_assert_nonnull (strstr (resource->base, "SUMMARY:China-ASEAN Training Course on Environmental Management\r\n"));

  /* The same account is no new account: nothing is sent again. */
  g_assert_true (liaison_store_sync_set_account (store, "http://127.0.0.1:5232/\nbeijing", &error));
  g_assert_no_error (error);
  g_assert_nonnull (liaison_store_sync_get_etag (store, resource->href));

  /* What was waiting still waits, and the upgrade queued nothing else:
   * filling translation states is not a change to send. (The fixture
   * leaves the built-in history out, so the store loads it now and queues
   * those 62 events: they are new to this file.) */
  g_assert_true (liaison_store_sync_feed_outbox (store, &error));
  g_assert_no_error (error);
  people = liaison_store_sync_list_outbox (store, "participant");
  events = liaison_store_sync_list_outbox (store, "event");
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (people, 0), ==, "2a4c6e8f-0b1d-4f3a-8c5e-7f9b1d3f5a7c");
  g_assert_cmpuint (events->len, ==, 62);
  g_assert_false (g_ptr_array_find_with_equal_func (events, "3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f", g_str_equal, NULL));

  skipped = liaison_store_sync_list_skipped (store, "/beijing/liaison-events/");
  g_assert_cmpuint (skipped->len, ==, 1);

  conflicts = liaison_store_list_conflicts (store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (liaison_conflict_get_field (conflict), ==, "capacity");
  g_assert_cmpstr (liaison_conflict_get_local_value (conflict), ==, "3");
  g_assert_cmpstr (liaison_conflict_get_remote_value (conflict), ==, "4");

  last_sync = liaison_store_sync_get_last_sync (store);
  g_assert_cmpstr (last_sync, ==, "2025-02-03T00:00:00.000000Z");

  /* Level 5 itself: the event's city has states, the programme is a row. */
  city = liaison_store_get_content_text (store, "event", "3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f", "city", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_bilingual_get_text (city, LIAISON_LANGUAGE_ZH), ==, "南宁");
  g_assert_cmpint (liaison_bilingual_get_effective_state (city, LIAISON_LANGUAGE_EN), !=, LIAISON_TRANSLATION_MISSING);
  programme = liaison_store_get_content_text (store, "programme", LIAISON_PROGRAMME_GREEN_ENVOYS, "title", &error);
  g_assert_no_error (error);
  g_assert_nonnull (programme);

  g_clear_pointer (&resource, liaison_sync_resource_free);
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

static GPtrArray *
found_ids (LiaisonStore *store, const char *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = liaison_store_search_participants (store, query, 10, &error);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (ids, g_strdup (liaison_participant_get_id (g_ptr_array_index (found, i))));
  return ids;
}

static guint
count_rows (const char *path, const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint         n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* Level 6 changed what search documents hold: every one is written again,
 * in the order of its record's last activity, and every row survives. */
static void
test_search_from_level_5 (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  const char      *schema[] = { "0001-initial.sql", "0002-search.sql", "0003-faster-writes.sql", "0004-sync.sql",
                                "0005-translations.sql", NULL };
  const char      *li_xia[] = { "2c3d4e5f-6a7b-4c8d-8e9f-1a2b3c4d5e6f", /* registered on 2025-04-01 */
                                "1b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e", /* edited on 2025-03-01 */
                                "3d4e5f6a-7b8c-4d9e-9f0a-2b3c4d5e6f7a" /* added on 2025-02-01 */ };
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonRegistration) reg = NULL;
  g_autoptr (GPtrArray) ids = NULL;
  g_autoptr (GPtrArray) journal = NULL;
  g_autoptr (GPtrArray) events = NULL;

  make_old_database (path, schema, "v5-data.sql");

  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_version (store), ==, liaison_store_latest_version ());

  /* Every row is there. */
  g_assert_cmpuint (liaison_store_count_participants (store), ==, 4);
  g_assert_cmpuint (liaison_store_count_events (store), ==, 62 + 1);
  reg = liaison_store_get_registration (store, "4b6d8f0a-2c4e-4a6b-9d0f-3b5d7f9a1c3e", &error);
  g_assert_no_error (error);
  journal = liaison_store_list_journal (store, 0, 100, NULL);
  g_assert_cmpint (((LiaisonJournalEntry *) g_ptr_array_index (journal, 6))->seq, ==, 7);

  /* One document per record, none of the old ones. */
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM search_docs"), ==, 4 + 62 + 1);
  g_assert_cmpuint (count_rows (path, "SELECT count(*) FROM search_docs WHERE keys LIKE '%/%'"), ==, 0);
  g_assert_cmpuint (count_found (store, "obsolete"), ==, 0);

  /* What level 6 finds: the standard pinyin forms, organisations by two
   * characters and by their reading, the best match first. */
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = found_ids (store, "zeng fanren");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
  g_assert_cmpuint (count_found (store, "fanren zeng"), ==, 1);
  g_assert_cmpuint (count_found (store, "南京"), ==, 1);
  g_assert_cmpuint (count_found (store, "nanjing"), ==, 1);

  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = found_ids (store, "李霞");
  g_assert_cmpuint (ids->len, ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (li_xia); i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), ==, li_xia[i]);

  /* Events are found as before. */
  events = liaison_store_search_events (store, "环境管理研修", 100, &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (events, "3c1d5e7f-9a2b-4c4d-8e6f-1a3b5c7d9e0f", event_has_id, NULL));

  /* Opening again writes nothing again. */
  g_assert_finalize_object (g_steal_pointer (&store));
  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_rows (path, "SELECT max (docid) FROM search_docs WHERE entity = 'participant'"), ==, 4);

  g_clear_object (&reg);
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

/* Level 5 had no people tables: the record derives from the same rows, the
 * consent given before purposes existed covers organising events, and a
 * registration of then can still be moved on (its nominated time empty). */
static void
test_people_from_level_5 (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  const char      *schema[] = { "0001-initial.sql", "0002-search.sql", "0003-faster-writes.sql", "0004-sync.sql",
                                "0005-translations.sql", NULL };
  const char      *ha = "0c2e4a6b-8d0f-4b2d-9e4a-6c8e0a2c4e6d";
  const char      *vannak = "1d3f5b7c-9e1a-4c3e-8f5b-7d9f1b3d5f7e";
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) steps = NULL;
  g_autoptr (LiaisonProgrammeRecord) record = NULL;
  g_autoptr (LiaisonProgrammeSummary) summary = NULL;
  g_autoptr (LiaisonRegistration) talk = NULL;
  g_autoptr (LiaisonRegistration) waiting = NULL;
  g_autoptr (GHashTable) quotas = NULL;
  g_autoptr (GPtrArray) tracks = NULL;

  make_old_database (path, schema, "v5-people.sql");

  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_version (store), ==, liaison_store_latest_version ());

  steps = liaison_store_list_programme_steps (store, ha, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 2);
  record = liaison_programme_record_derive (steps);
  g_assert_cmpint (record->cohort, ==, 2022);
  g_assert_cmpstr (record->cohort_track, ==, "marine-plastics-youth");
  g_assert_cmpint (record->highest, ==, LIAISON_PROGRAMME_STAGE_SPEAKER);
  summary = liaison_store_programme_summary (store, &error);
  g_assert_cmpuint (summary->alumni, ==, 1);
  g_assert_cmpuint (summary->returned, ==, 1);
  tracks = liaison_store_list_tracks (store, &error);
  g_assert_cmpuint (tracks->len, ==, 3);

  g_assert_cmpuint (liaison_store_get_consent_scopes (store, ha), ==, LIAISON_CONSENT_EVENTS);
  g_assert_cmpuint (liaison_store_get_consent_scopes (store, vannak), ==, 0);

  talk = liaison_store_get_registration (store, "3f5b7d9e-1a3c-4e5a-8b7d-9f1b3d5f7b9a", &error);
  g_assert_cmpint (liaison_registration_get_status (talk), ==, LIAISON_REGISTRATION_ATTENDED);
  g_assert_cmpstr (liaison_registration_get_notes (talk), ==, "Talk on beach surveys, day 2");
  g_assert_cmpstr (liaison_registration_get_status_time (talk, LIAISON_REGISTRATION_ATTENDED), ==, "2024-05-20T02:00:00.000000Z");
  g_assert_null (liaison_registration_get_status_time (talk, LIAISON_REGISTRATION_NOMINATED));
  g_assert_true (liaison_store_set_registration_status (store, "4a6c8e0f-2b4d-4f6b-9c8e-0a2c4e6a8c0b",
                                                        LIAISON_REGISTRATION_CANCELLED, LIAISON_ORIGIN_LOCAL, NULL, &error));
  g_assert_true (liaison_store_set_registration_status (store, "4a6c8e0f-2b4d-4f6b-9c8e-0a2c4e6a8c0b",
                                                        LIAISON_REGISTRATION_NOMINATED, LIAISON_ORIGIN_LOCAL, NULL, &error));
  g_assert_no_error (error);
  waiting = liaison_store_get_registration (store, "4a6c8e0f-2b4d-4f6b-9c8e-0a2c4e6a8c0b", &error);
  g_assert_nonnull (liaison_registration_get_status_time (waiting, LIAISON_REGISTRATION_NOMINATED));
  quotas = liaison_store_get_quotas (store, "6e8a0c2e-4a6b-4d8f-8b2c-4e6a8b0d2f4b", &error);
  g_assert_cmpuint (g_hash_table_size (quotas), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

/* Level 8 adds the merges: a level-7 file with one person entered twice
 * opens, the two are found, merged into one and separated again with
 * every row as it was. */
static void
test_merges_from_level_7 (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  const char      *schema[] = { "0001-initial.sql", "0002-search.sql", "0003-faster-writes.sql", "0004-sync.sql",
                                "0005-translations.sql", "0006-search-forms.sql", "0007-people.sql", NULL };
  const char      *lan = "9b1d3f5a-7c9e-4b1d-8f5a-7c9e1b3d5f7a";
  const char      *again = "0c2e4a6b-8d0f-4c2e-9a6b-8d0f2c4e6a8b";
  const char      *others[] = { again, NULL };
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) pairs = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (GPtrArray) merges = NULL;
  g_autoptr (LiaisonParticipant) back = NULL;
  g_autofree char *merge = NULL;

  make_old_database (path, schema, "v7-people.sql");
  store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_store_get_version (store), ==, liaison_store_latest_version ());
  merges = liaison_store_list_merges (store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merges->len, ==, 0);

  pairs = liaison_store_find_duplicates (store, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 1);
  g_assert_cmpuint (((LiaisonDuplicatePair *) g_ptr_array_index (pairs, 0))->score, ==, LIAISON_MATCH_CERTAIN);

  merge = liaison_store_merge_participants (store, lan, others, NULL, &error);
  g_assert_no_error (error);
  history = liaison_store_list_history (store, lan, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpuint (liaison_store_get_consent_scopes (store, lan), ==, LIAISON_CONSENT_EVENTS | LIAISON_CONSENT_PROGRAMME);

  g_assert_true (liaison_store_unmerge (store, merge, &error));
  g_assert_no_error (error);
  back = liaison_store_get_participant (store, again, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_participant_get_family_latin (back), ==, "NGUYEN");
  g_clear_pointer (&history, g_ptr_array_unref);
  history = liaison_store_list_history (store, again, &error);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpuint (liaison_store_get_consent_scopes (store, again), ==, LIAISON_CONSENT_EVENTS | LIAISON_CONSENT_PROGRAMME);

  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/migrations/from-level-1", test_from_level_1);
  g_test_add_func ("/liaison/migrations/from-level-2", test_from_level_2);
  g_test_add_func ("/liaison/migrations/from-level-3", test_from_level_3);
  g_test_add_func ("/liaison/migrations/from-level-4", test_from_level_4);
  g_test_add_func ("/liaison/migrations/search-from-level-5", test_search_from_level_5);
  g_test_add_func ("/liaison/migrations/people-from-level-5", test_people_from_level_5);
  g_test_add_func ("/liaison/migrations/merges-from-level-7", test_merges_from_level_7);

  return g_test_run ();
}
