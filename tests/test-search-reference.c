/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The index against the slow reference (bench/bench-search-reference.c) on
 * a generated crowd of all eleven countries' names: for every query, the
 * same people in the same order. */
#include "config.h"

#include "bench-dataset.h"
#include "bench-search-reference.h"
#include "test-util.h"

static void
assert_same (LiaisonStore   *store,
             BenchReference *ref,
             const char     *query,
             guint           limit)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) index = liaison_store_search_participant_docids (store, query, limit, &error);
  g_autoptr (GArray) slow = bench_reference_search (ref, query, limit);

  g_assert_no_error (error);
  if (index->len != slow->len)
    g_error ("“%s” (limit %u): the index found %u people, the reference %u", query, limit, index->len, slow->len);
  for (guint i = 0; i < index->len; i++)
    if (g_array_index (index, gint64, i) != g_array_index (slow, gint64, i))
      g_error ("“%s” (limit %u): result %u is document %" G_GINT64_FORMAT " in the index, %" G_GINT64_FORMAT
               " in the reference",
               query, limit, i, g_array_index (index, gint64, i), g_array_index (slow, gint64, i));
}

static void
test_agree (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = liaison_store_open (path, &error);
  g_autoptr (BenchReference) ref = NULL;
  g_autoptr (GPtrArray) queries = NULL;
  /* Registrations move people in the order of activity: some of each. */
  BenchDatasetSize  size = { 3000, 40, 2000, 20261206 };
  BenchDatasetTimes times;
  const char       *more[] = { "李", "l", "li", "li xia", "wang xiuying", "ou yang", "zeng", "shan", "南京", "nanjing",
                               "example", "@", ".", "a b", "\"", "1", "12", "ng", "ส", "ສົ", "ng1", "Zēng", "zeng1 wei4",
                               "李 霞", "Nguyễn Thị", "bin", "dela cruz", "ministry", "环境", "中国-东盟" };
  guint             hits = 0;

  g_assert_no_error (error);
  g_assert_true (bench_dataset_generate (store, &size, &times, &error));
  g_assert_no_error (error);
  /* People active since, one by one and in a bulk load. */
  {
    g_autoptr (GPtrArray) events = liaison_store_list_events (store, NULL, &error);
    g_autoptr (GArray) rowids = liaison_store_list_participant_rowids (store, NULL, 0, &error);
    g_autoptr (GRand) rand = g_rand_new_with_seed (11);

    for (guint round = 0; round < 2; round++)
      {
        if (round == 1)
          g_assert_true (liaison_store_begin_bulk (store, &error));
        for (guint i = 0; i < 60; i++)
          {
            g_autoptr (LiaisonParticipant) p =
                liaison_store_get_participant_by_rowid (store, g_array_index (rowids, gint64, g_rand_int_range (rand, 0, rowids->len)));
            LiaisonEvent *event = g_ptr_array_index (events, g_rand_int_range (rand, 0, events->len));
            g_autoptr (LiaisonRegistration) r = NULL;

            /* Already registered there: refused, nothing written. */
            r = liaison_store_register (store, liaison_event_get_id (event), liaison_participant_get_id (p),
                                        LIAISON_ROLE_OBSERVER, LIAISON_REGISTRATION_INVITED, LIAISON_ORIGIN_LOCAL, NULL);
          }
        if (round == 1)
          g_assert_true (liaison_store_end_bulk (store, TRUE, &error));
        g_assert_no_error (error);
      }
  }
  ref = bench_reference_new (store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bench_reference_size (ref), ==, size.participants);

  queries = bench_dataset_search_queries (store, 600, 7);
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    g_ptr_array_add (queries, g_strdup (more[i]));
  for (guint i = 0; i < queries->len; i++)
    {
      const char *q = g_ptr_array_index (queries, i);
      g_autoptr (GArray) found = bench_reference_search (ref, q, 500);

      hits += found->len > 0;
      assert_same (store, ref, q, 500);
      assert_same (store, ref, q, 20);
    }
  g_test_message ("%u queries, %u with people found", queries->len, hits);
  /* A test of the misses alone would prove little. */
  g_assert_cmpuint (hits, >, queries->len / 2);

  g_clear_pointer (&ref, bench_reference_free);
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/search-reference/agree", test_agree);

  return g_test_run ();
}
