/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/participant-list/paging", test_paging);

  g_test_add_func ("/liaison/participant-list/async-query", test_async_query);

  return g_test_run ();
}
