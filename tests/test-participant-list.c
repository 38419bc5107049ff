/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "liaison-participant-list.h"
#include "test-util.h"

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *calls)
{
  (*calls)++;
}

static void
test_paging (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = liaison_store_open (path, &error);
  g_autoptr (LiaisonParticipantList) list = NULL;
  g_autoptr (LiaisonParticipant) first = NULL;
  g_autoptr (LiaisonParticipant) again = NULL;
  guint       calls = 0;
  const guint n = 3000;

  g_assert_no_error (error);
  g_assert_true (liaison_store_begin_bulk (store, NULL));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
      g_autofree char *family = g_strdup_printf ("Family%04u", n - i);

      liaison_participant_set_latin_name (p, family, "Given");
      g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, NULL));
    }
  g_assert_true (liaison_store_end_bulk (store, TRUE, NULL));

  list = liaison_participant_list_new (store);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &calls);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == LIAISON_TYPE_PARTICIPANT);

  /* Sorted by Latin name, loaded on demand, past the cache size. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (liaison_participant_get_family_latin (first), ==, "Family0001");
  for (guint i = 0; i < n; i += 7)
    {
      g_autoptr (LiaisonParticipant) p = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_nonnull (p);
    }
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (liaison_participant_get_id (again), ==, liaison_participant_get_id (first));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));

  g_assert_true (liaison_participant_list_set_query (list, "family0042", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (calls, ==, 1);

  g_assert_true (liaison_participant_list_set_query (list, NULL, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  g_assert_finalize_object (g_steal_pointer (&list));
  g_clear_object (&first);
  g_clear_object (&again);
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

static void
on_query_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError *error = NULL;
  int    *state = user_data;

  if (liaison_participant_list_set_query_finish (LIAISON_PARTICIPANT_LIST (source), result, &error))
    *state = 1;
  else
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_error_free (error);
      *state = 2;
    }
}

static void
test_async_query (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = liaison_store_open (path, &error);
  g_autoptr (LiaisonParticipantList) list = NULL;
  g_autoptr (GCancellable) stale = g_cancellable_new ();
  g_autoptr (LiaisonParticipant) first = NULL;
  const char *names[][2] = { { "李", "霞" }, { "王", "芳" }, { "黎", "明" } };
  int         old_state = 0, new_state = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);

      liaison_participant_set_native_name (p, names[i][0], names[i][1]);
      g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
    }
  list = liaison_participant_list_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  /* Typing "l", then "li": the first search is cancelled, the second wins. */
  liaison_participant_list_set_query_async (list, "l", stale, on_query_done, &old_state);
  g_cancellable_cancel (stale);
  liaison_participant_list_set_query_async (list, "li xia", NULL, on_query_done, &new_state);
  /* Nothing changes before the answer comes back. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  while (old_state == 0 || new_state == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (old_state, ==, 2);
  g_assert_cmpint (new_state, ==, 1);
  g_assert_cmpstr (liaison_participant_list_get_query (list), ==, "li xia");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (liaison_participant_get_given_native (first), ==, "霞");

  g_clear_object (&list);
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  gboolean *done = user_data;

  g_assert_true (liaison_participant_list_set_query_finish (LIAISON_PARTICIPANT_LIST (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
search_and_wait (LiaisonParticipantList *list,
                 const char             *query)
{
  gboolean done = FALSE;

  liaison_participant_list_set_query_async (list, query, NULL, on_done, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static char *
add_person (LiaisonStore *store,
            const char   *family,
            const char   *given)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);

  liaison_participant_set_native_name (p, family, given);
  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, NULL));
  return g_strdup (liaison_participant_get_id (p));
}

/* The window's list and the CLI's search give the same people in the same
 * order, best match first. */
static void
test_same_order (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr (LiaisonStore) store = liaison_store_open (path, NULL);
  g_autoptr (LiaisonParticipantList) list = NULL;
  const char *names[][2] = { { "李", "霞" }, { "李", "晓东" }, { "陈", "李仙" }, { "李", "霞" }, { "王", "芳" }, { "李", "霞飞" } };
  const char *queries[] = { "李霞", "li xia", "李", "l", "xia", "wang" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (add_person (store, names[i][0], names[i][1]));
  list = liaison_participant_list_new (store);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      g_autoptr (GPtrArray) found = liaison_store_search_participants (store, queries[q], 500, NULL);

      search_and_wait (list, queries[q]);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, found->len);
      g_assert_cmpuint (found->len, >, 0);
      for (guint i = 0; i < found->len; i++)
        {
          g_autoptr (LiaisonParticipant) p = g_list_model_get_item (G_LIST_MODEL (list), i);

          g_assert_cmpstr (liaison_participant_get_id (p), ==, liaison_participant_get_id (g_ptr_array_index (found, i)));
        }
    }

  g_assert_finalize_object (g_steal_pointer (&list));
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

/* A search reads the people a view shows first with its results, off the
 * main thread; clearing it shows the whole list read before at once, until
 * the store changes. */
static void
test_read_ahead (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr (LiaisonStore) store = liaison_store_open (path, NULL);
  g_autoptr (LiaisonParticipantList) list = NULL;
  g_autofree char *newcomer = NULL;
  guint            n = 300;
  sqlite3         *db = NULL;

  g_assert_true (liaison_store_begin_bulk (store, NULL));
  for (guint i = 0; i < n; i++)
    g_free (add_person (store, "李", i % 2 ? "霞" : "明"));
  g_assert_true (liaison_store_end_bulk (store, TRUE, NULL));
  list = liaison_participant_list_new (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);

  search_and_wait (list, "李霞");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n / 2);

  /* Another program empties the table behind the store's back: the people
   * a view shows first were read with the search. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF; BEGIN; CREATE TEMP TABLE kept AS SELECT * FROM participants;"
                                     " DELETE FROM participants; COMMIT",
                                 NULL, NULL, NULL),
                   ==, SQLITE_OK);
  for (guint i = 0; i < n / 2; i++)
    {
      g_autoptr (LiaisonParticipant) p = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_nonnull (p);
    }
  /* Clearing the search shows the whole list again without reading it,
   * before any main loop runs. */
  liaison_participant_list_set_query_async (list, "", NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  {
    g_autoptr (LiaisonParticipant) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_nonnull (first);
  }
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO participants SELECT * FROM kept", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  /* After a change, the whole list is read again. */
  newcomer = add_person (store, "王", "芳");
  search_and_wait (list, "李霞");
  search_and_wait (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n + 1);

  g_assert_finalize_object (g_steal_pointer (&list));
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/participant-list/paging", test_paging);

  g_test_add_func ("/liaison/participant-list/async-query", test_async_query);
  g_test_add_func ("/liaison/participant-list/same-order", test_same_order);
  g_test_add_func ("/liaison/participant-list/read-ahead", test_read_ahead);

  return g_test_run ();
}
