/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures the store on the 100,000-person dataset and prints one JSON
 * object per line. Usage: bench-store [--database FILE] [--participants N]
 * A missing FILE is generated first (and timed). */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>

#include "bench-dataset.h"
#include "liaison-plan-report.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *samples,
            double  p)
{
  guint i;

  g_array_sort (samples, compare_double);
  i = (guint) (p * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, i);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The naive way: the same folded text the index holds, scanned with LIKE,
 * returning what the indexed path returns (rowids of up to 50 people). */
static guint
naive_search (sqlite3    *db,
              const char *query)
{
  static sqlite3_stmt *stmt;
  g_autofree char     *pattern = g_strdup_printf ("%%%s%%", query);
  guint                n = 0;

  if (stmt == NULL)
    sqlite3_prepare_v2 (db,
                        "SELECT p.rowid FROM search_docs d JOIN participants p ON p.id = d.entity_id"
                        " WHERE d.entity = 'participant' AND d.keys LIKE ? LIMIT 50",
                        -1, &stmt, NULL);
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    n++;
  return n;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char   *database = NULL;
  int                participants = 100000, events = 5000, registrations = 300000, queries_n = 1000;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "Dataset file (generated when missing)", "FILE" },
    { "participants", 0, 0, G_OPTION_ARG_INT, &participants, "Participants to generate", "N" },
    { "events", 0, 0, G_OPTION_ARG_INT, &events, "Events to generate", "N" },
    { "registrations", 0, 0, G_OPTION_ARG_INT, &registrations, "Registrations to generate", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &queries_n, "Search queries to time", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GPtrArray) queries = NULL;
  g_autoptr (GArray) indexed = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) naive = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) records = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) plans = g_array_new (FALSE, FALSE, sizeof (double));
  GStatBuf st;
  sqlite3 *db;
  double   t0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (database == NULL)
    database = g_build_filename (g_get_tmp_dir (), "liaison-bench.db", NULL);

  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      BenchDatasetSize  size = { participants, events, registrations, 20211 };
      BenchDatasetTimes times = {
        0,
      };
      double open_s;

      t0 = now_ms ();
      store = liaison_store_open (database, &error);
      open_s = (now_ms () - t0) / 1000.0;
      if (store == NULL || !bench_dataset_generate (store, &size, &times, &error))
        {
          g_printerr ("generating %s failed: %s\n", database, error->message);
          return 2;
        }
      /* seconds: from creating the file to the committed dataset. */
      printf ("{\"benchmark\": \"generate\", \"participants\": %d, \"events\": %d, \"registrations\": %d, "
              "\"seconds\": %.2f, \"create_s\": %.2f, \"participants_s\": %.2f, \"events_s\": %.2f, "
              "\"registrations_s\": %.2f, \"commit_s\": %.2f}\n",
              participants, events, registrations, (now_ms () - t0) / 1000.0, open_s, times.participants,
              times.events, times.registrations, times.commit);
      fflush (stdout);
      g_clear_object (&store);
    }

  for (guint i = 0; i < 7; i++)
    {
      double t = now_ms ();
      store = liaison_store_open (database, &error);
      g_array_append_val (opens, (double){ now_ms () - t });
      if (store == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      if (i < 6)
        g_clear_object (&store);
    }
  g_stat (database, &st);
  printf ("{\"benchmark\": \"open\", \"participants\": %u, \"events\": %u, \"median_ms\": %.2f, \"max_ms\": %.2f, "
          "\"database_bytes\": %lld}\n",
          liaison_store_count_participants (store), liaison_store_count_events (store),
          percentile (opens, 0.5), percentile (opens, 1.0), (long long) st.st_size);
  fflush (stdout);

  queries = bench_dataset_queries (store, queries_n, 7);
  g_assert_cmpint (sqlite3_open_v2 (database, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  /* Warm both paths the same way before timing. */
  for (guint i = 0; i < MIN (queries->len, 50); i++)
    {
      g_autoptr (GArray) r = liaison_store_list_participant_rowids (store, g_ptr_array_index (queries, i), 50, NULL);
      naive_search (db, g_ptr_array_index (queries, i));
    }

  {
    guint hits = 0;

    for (guint i = 0; i < queries->len; i++)
      {
        const char *q = g_ptr_array_index (queries, i);
        g_autoptr (GArray) r = NULL;
        g_autoptr (GPtrArray) people = NULL;
        double t = now_ms ();

        r = liaison_store_list_participant_rowids (store, q, 50, NULL);
        g_array_append_val (indexed, (double){ now_ms () - t });
        hits += r != NULL && r->len > 0;

        t = now_ms ();
        naive_search (db, q);
        g_array_append_val (naive, (double){ now_ms () - t });

        /* What the search box costs: the match and the 50 records shown. */
        t = now_ms ();
        people = liaison_store_search_participants (store, q, 50, NULL);
        g_array_append_val (records, (double){ now_ms () - t });
      }

    {
      double ip50 = percentile (indexed, 0.5), ip95 = percentile (indexed, 0.95);
      double np50 = percentile (naive, 0.5), np95 = percentile (naive, 0.95);

      printf ("{\"benchmark\": \"search\", \"participants\": %u, \"queries\": %u, \"queries_with_hits\": %u, "
              "\"p50_ms\": %.3f, \"p95_ms\": %.3f, \"max_ms\": %.3f, "
              "\"naive_like_p50_ms\": %.3f, \"naive_like_p95_ms\": %.3f, \"speedup_p50\": %.1f, \"speedup_p95\": %.1f}\n",
              liaison_store_count_participants (store), queries->len, hits, ip50, ip95, percentile (indexed, 1.0),
              np50, np95, np50 / ip50, np95 / ip95);
      printf ("{\"benchmark\": \"search-with-records\", \"participants\": %u, \"queries\": %u, \"records\": 50, "
              "\"p50_ms\": %.3f, \"p95_ms\": %.3f, \"max_ms\": %.3f}\n",
              liaison_store_count_participants (store), queries->len, percentile (records, 0.5),
              percentile (records, 0.95), percentile (records, 1.0));
    }
  }
  sqlite3_close (db);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (GPtrArray) rows = NULL;
      double t = now_ms ();

      rows = liaison_plan_report_build (store, 0, 2026, NULL);
      g_array_append_val (plans, (double){ now_ms () - t });
    }
  printf ("{\"benchmark\": \"plan-progress\", \"events\": %u, \"median_ms\": %.2f}\n",
          liaison_store_count_events (store), percentile (plans, 0.5));

  return 0;
}
