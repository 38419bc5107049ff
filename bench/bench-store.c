/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures the store on the 100,000-person dataset and prints one JSON
 * object per line. Usage: bench-store [--database FILE] [--participants N]
 * [--limit N] [--long-text]. A missing FILE is generated first (and timed).
 * Every search answer is checked against a slow reference of the same
 * matching rules (bench-search-reference.c): a different answer makes the
 * run fail (exit 3), whatever its speed. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

#include "bench-dataset.h"
#include "bench-search-reference.h"
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

/* Thread CPU time in ms: the figure a shared machine disturbs least. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* What a query is, for the figures by kind. */
static const char *
kind_of (const char *query)
{
  gboolean han = FALSE, other = FALSE, digits = FALSE;

  for (const char *p = query; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar       c = g_utf8_get_char (p);
      GUnicodeScript script = g_unichar_get_script (c);

      if (g_unichar_isdigit (c) || c == '@')
        digits = TRUE;
      else if (script == G_UNICODE_SCRIPT_HAN)
        han = TRUE;
      else if (script != G_UNICODE_SCRIPT_LATIN && script != G_UNICODE_SCRIPT_COMMON &&
               script != G_UNICODE_SCRIPT_INHERITED)
        other = TRUE;
    }
  if (digits)
    return "e-mail-digits";
  if (han)
    return "han";
  if (other)
    return "thai-khmer-lao-myanmar";
  return "latin";
}

typedef struct
{
  GArray *wall;
  GArray *cpu;
  guint   queries;
  guint   hits;
  guint   full;
} Timings;

static Timings *
timings_new (void)
{
  Timings *t = g_new0 (Timings, 1);

  t->wall = g_array_new (FALSE, FALSE, sizeof (double));
  t->cpu = g_array_new (FALSE, FALSE, sizeof (double));
  return t;
}

static void
timings_free (Timings *t)
{
  g_array_unref (t->wall);
  g_array_unref (t->cpu);
  g_free (t);
}

static void
print_search (const char *kind, guint participants, guint limit, Timings *t)
{
  printf ("{\"benchmark\": \"search\", \"participants\": %u, \"kind\": \"%s\", \"limit\": %u, \"queries\": %u, "
          "\"queries_with_hits\": %u, \"queries_at_limit\": %u, \"p50_ms\": %.3f, \"p95_ms\": %.3f, \"max_ms\": %.3f, "
          "\"cpu_p50_ms\": %.3f, \"cpu_p95_ms\": %.3f, \"cpu_max_ms\": %.3f}\n",
          participants, kind, limit, t->queries, t->hits, t->full, percentile (t->wall, 0.5), percentile (t->wall, 0.95),
          percentile (t->wall, 1.0), percentile (t->cpu, 0.5), percentile (t->cpu, 0.95), percentile (t->cpu, 1.0));
  fflush (stdout);
}

/* One query's time, for --slowest. */
typedef struct
{
  const char *query;
  double      wall;
  double      cpu;
  guint       found;
} Sample;

static int
compare_samples_desc (gconstpointer a, gconstpointer b)
{
  const Sample *x = a, *y = b;

  return x->wall < y->wall ? 1 : x->wall > y->wall ? -1
                                                   : 0;
}

/* A query as JSON string content: UTF-8 kept, quotes and controls
 * escaped. */
static char *
json_string (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (s, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (s, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* What the reference's scan of every person does to the processor's
 * caches between two queries: reads far more memory than they hold. */
static guint64
evict_caches (void)
{
  static guint8 *buffer;
  const gsize    size = 256 * 1024 * 1024;
  guint64        sum = 0;

  if (buffer == NULL)
    buffer = g_malloc0 (size);
  for (gsize i = 0; i < size; i += 64)
    sum += buffer[i]++;
  return sum;
}

static gboolean
same_docids (GArray *a, GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, gint64, i) != g_array_index (b, gint64, i))
      return FALSE;
  return TRUE;
}

/* A 130,000-character name and a 10 MB title from a server, in a store of
 * their own: what 1,000- and 10,000-character queries cost there (issue
 * 12: seconds and gigabytes before the bounds). */
static gboolean
bench_long_text (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "long-text.db", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (LiaisonEvent) e = liaison_event_new (NULL);
  g_autoptr (GString) name = g_string_new (NULL);
  g_autoptr (GString) title = g_string_new (NULL);
  guint lengths[] = { 100, 1000, 10000 };

  store = liaison_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  while (g_utf8_strlen (name->str, -1) < 130000)
    g_string_append (name, "Nguyễn Thị Minh Khai 李霞 ");
  g_string_truncate (name, g_utf8_offset_to_pointer (name->str, 130000) - name->str);
  while (title->len < 10 * 1024 * 1024)
    g_string_append (title, "China-ASEAN Forum on Environmental Cooperation 中国-东盟环境合作论坛 ");
  liaison_participant_set_latin_name (p, NULL, name->str);
  liaison_participant_set_name_order (p, LIAISON_NAME_ORDER_MONONYM);
  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, title->str);
  liaison_event_set_when (e, "2026-05-01T09:00", NULL, "Asia/Shanghai", NULL);
  if (!liaison_store_save_participant (store, p, LIAISON_ORIGIN_REMOTE, &error) ||
      !liaison_store_save_event (store, e, LIAISON_ORIGIN_REMOTE, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    for (guint what = 0; what < 2; what++)
      {
        g_autoptr (GString) query = g_string_new (NULL);
        g_autoptr (GPtrArray) found = NULL;
        const char   *source = what == 0 ? name->str : title->str;
        struct rusage before, after;
        double        t, c;
        sqlite3_int64 sqlite_peak;

        g_string_append_len (query, source, g_utf8_offset_to_pointer (source, lengths[i]) - source);
        sqlite3_memory_highwater (1);
        getrusage (RUSAGE_SELF, &before);
        t = now_ms ();
        c = cpu_ms ();
        if (what == 0)
          found = liaison_store_search_participants (store, query->str, 500, &error);
        else
          found = liaison_store_search_events (store, query->str, 500, &error);
        c = cpu_ms () - c;
        t = now_ms () - t;
        getrusage (RUSAGE_SELF, &after);
        sqlite_peak = sqlite3_memory_highwater (0);
        printf ("{\"benchmark\": \"search-long-text\", \"stored\": \"%s\", \"query_chars\": %u, \"found\": %u, "
                "\"ms\": %.2f, \"cpu_ms\": %.2f, \"sqlite_peak_mb\": %.2f, \"rss_growth_mb\": %.1f, \"rss_mb\": %.1f}\n",
                what == 0 ? "130,000-character name" : "10 MB title (origin remote)", lengths[i],
                found != NULL ? found->len : 0, t, c, sqlite_peak / 1048576.0, (after.ru_maxrss - before.ru_maxrss) / 1024.0,
                after.ru_maxrss / 1024.0);
        fflush (stdout);
      }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char   *database = NULL;
  int                participants = 100000, events = 5000, registrations = 300000, queries_n = 1000, limit = 500;
  gboolean           long_text = FALSE, failed = FALSE, unchecked = FALSE, cold = FALSE;
  int                slowest = 0;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "Dataset file (generated when missing)", "FILE" },
    { "participants", 0, 0, G_OPTION_ARG_INT, &participants, "Participants to generate", "N" },
    { "events", 0, 0, G_OPTION_ARG_INT, &events, "Events to generate", "N" },
    { "registrations", 0, 0, G_OPTION_ARG_INT, &registrations, "Registrations to generate", "N" },
    { "queries", 0, 0, G_OPTION_ARG_INT, &queries_n, "Search queries to time", "N" },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, "People a search asks for (the window's 500 if not given)", "N" },
    { "long-text", 0, 0, G_OPTION_ARG_NONE, &long_text, "Also time searches against a 130,000-character name and a 10 MB title", NULL },
    { "unchecked", 0, 0, G_OPTION_ARG_NONE, &unchecked, "Skip the reference (for profiling: the figures are then no result)", NULL },
    { "cold", 0, 0, G_OPTION_ARG_NONE, &cold, "With --unchecked: read 256 MB between queries, as the reference's scan does, so caches are as cold as in a checked run", NULL },
    { "slowest", 0, 0, G_OPTION_ARG_INT, &slowest, "Print the N slowest queries", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GPtrArray) queries = NULL;
  g_autoptr (BenchReference) ref = NULL;
  g_autoptr (GArray) records = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) plans = g_array_new (FALSE, FALSE, sizeof (double));
  GStatBuf st;
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

  queries = bench_dataset_search_queries (store, queries_n, 7);

  /* The slow reference every answer is checked against. */
  t0 = now_ms ();
  if (!unchecked)
    ref = bench_reference_new (store, database, &error);
  if (!unchecked && ref == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (ref != NULL)
    printf ("{\"benchmark\": \"reference\", \"participants\": %u, \"load_s\": %.1f}\n", bench_reference_size (ref),
            (now_ms () - t0) / 1000.0);
  fflush (stdout);

  /* Warm the index the same way before timing. */
  for (guint i = 0; i < MIN (queries->len, 50); i++)
    {
      g_autoptr (GArray) r = liaison_store_search_participant_docids (store, g_ptr_array_index (queries, i), limit, NULL);
    }

  {
    g_autoptr (GHashTable) by_kind = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) timings_free);
    Timings *all = timings_new ();
    guint    wrong = 0;
    guint64  evicted = 0;
    g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (Sample));

    for (guint i = 0; i < queries->len; i++)
      {
        const char *q = g_ptr_array_index (queries, i);
        const char *kind = kind_of (q);
        Timings    *t = g_hash_table_lookup (by_kind, kind);
        g_autoptr (GArray) found = NULL;
        g_autoptr (GArray) expected = NULL;
        g_autoptr (GPtrArray) people = NULL;
        double wall, cpu;

        if (t == NULL)
          g_hash_table_insert (by_kind, (gpointer) kind, t = timings_new ());
        if (cold && ref == NULL)
          evicted += evict_caches ();
        wall = now_ms ();
        cpu = cpu_ms ();
        found = liaison_store_search_participant_docids (store, q, limit, NULL);
        cpu = cpu_ms () - cpu;
        wall = now_ms () - wall;
        for (guint k = 0; k < 2; k++)
          {
            Timings *into = k == 0 ? t : all;

            g_array_append_val (into->wall, wall);
            g_array_append_val (into->cpu, cpu);
            into->queries++;
            into->hits += found != NULL && found->len > 0;
            into->full += found != NULL && found->len == (guint) limit;
          }

        g_array_append_val (samples, ((Sample){ q, wall, cpu, found != NULL ? found->len : 0 }));
        if (g_getenv ("BENCH_PRINT_QUERIES") != NULL)
          fprintf (stderr, "%8.3f %4u %s\n", wall, found != NULL ? found->len : 0, q);
        expected = ref != NULL ? bench_reference_search (ref, q, limit) : NULL;
        if (found == NULL || (expected != NULL && !same_docids (found, expected)))
          {
            if (wrong++ < 20)
              g_printerr ("“%s”: the index found %u people, the reference %u%s\n", q, found ? found->len : 0,
                          expected ? expected->len : 0,
                          found != NULL && expected != NULL && found->len == expected->len ? " (another order)" : "");
          }

        /* What the window reads besides: the first 50 people shown. */
        t0 = now_ms ();
        people = g_ptr_array_new_with_free_func (g_object_unref);
        for (guint k = 0; found != NULL && k < MIN (found->len, 50); k++)
          g_ptr_array_add (people, liaison_store_get_participant_by_docid (store, g_array_index (found, gint64, k)));
        g_array_append_val (records, (double){ wall + now_ms () - t0 });
      }

    {
      GHashTableIter iter;
      gpointer       key, value;

      g_hash_table_iter_init (&iter, by_kind);
      while (g_hash_table_iter_next (&iter, &key, &value))
        print_search (key, liaison_store_count_participants (store), limit, value);
      print_search ("all", liaison_store_count_participants (store), limit, all);
      printf ("{\"benchmark\": \"search-with-records\", \"participants\": %u, \"queries\": %u, \"limit\": %u, "
              "\"records\": 50, \"p50_ms\": %.3f, \"p95_ms\": %.3f, \"max_ms\": %.3f}\n",
              liaison_store_count_participants (store), queries->len, limit, percentile (records, 0.5),
              percentile (records, 0.95), percentile (records, 1.0));
      g_array_sort (samples, compare_samples_desc);
      for (guint i = 0; i < MIN ((guint) MAX (slowest, 0), samples->len); i++)
        {
          Sample          *sample = &g_array_index (samples, Sample, i);
          g_autofree char *quoted = json_string (sample->query);

          printf ("{\"benchmark\": \"search-slowest\", \"participants\": %u, \"query\": \"%s\", \"kind\": \"%s\", "
                  "\"found\": %u, \"ms\": %.3f, \"cpu_ms\": %.3f}\n",
                  liaison_store_count_participants (store), quoted, kind_of (sample->query), sample->found, sample->wall,
                  sample->cpu);
        }
      printf ("{\"benchmark\": \"search-checked\", \"participants\": %u, \"queries\": %u, \"limit\": %u, "
              "\"same_as_reference\": %u, \"different\": %u}\n",
              liaison_store_count_participants (store), queries->len, limit, unchecked ? 0 : queries->len - wrong, wrong);
      fflush (stdout);
      timings_free (all);
      if (cold)
        g_debug ("read %" G_GUINT64_FORMAT " between queries", evicted);
      if (wrong > 0 || unchecked)
        failed = TRUE;
    }
  }
  g_clear_pointer (&ref, bench_reference_free);

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr (GPtrArray) rows = NULL;
      double t = now_ms ();

      rows = liaison_plan_report_build (store, 0, 2026, NULL);
      g_array_append_val (plans, (double){ now_ms () - t });
    }
  printf ("{\"benchmark\": \"plan-progress\", \"events\": %u, \"median_ms\": %.2f}\n",
          liaison_store_count_events (store), percentile (plans, 0.5));
  fflush (stdout);

  if (long_text)
    {
      g_autofree char *dir = g_dir_make_tmp ("liaison-bench-XXXXXX", NULL);

      if (dir == NULL || !bench_long_text (dir))
        failed = TRUE;
      if (dir != NULL)
        {
          g_autofree char *db_path = g_build_filename (dir, "long-text.db", NULL);
          const char      *suffixes[] = { "", "-wal", "-shm" };

          for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
            {
              g_autofree char *file = g_strconcat (db_path, suffixes[i], NULL);
              g_unlink (file);
            }
          g_rmdir (dir);
        }
    }

  if (failed)
    g_printerr ("The index and the reference disagree, or a step failed: these figures are no result.\n");
  return failed ? 3 : 0;
}
