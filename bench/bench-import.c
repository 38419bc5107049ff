/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Times an import of 100,000 participants from CSV (UTF-8 and GB18030)
 * with duplicate matching against a 100,000-person database, and how long
 * Cancel takes to leave it unchanged; one JSON object per line.
 *
 *   bench-import [--database FILE] [--rows N]
 *
 * FILE (the people of bench-store's dataset; generated when missing) is
 * copied for each run, so every run imports into the same database. Half
 * the rows are people of the database with their e-mail (updates), half
 * new people who share a name with someone there (possible duplicates, as
 * real rosters do): the matcher's slowest case. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-dataset.h"
#include "liaison-people-import.h"

static double
now_s (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

static void
csv_cell (GString    *s,
          const char *text,
          gboolean    last)
{
  if (text != NULL)
    {
      g_string_append_c (s, '"');
      for (const char *p = text; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (s, '"');
          g_string_append_c (s, *p);
        }
      g_string_append_c (s, '"');
    }
  g_string_append (s, last ? "\r\n" : ",");
}

/* The roster, from the database's people. */
static char *
make_roster (LiaisonStore *store,
             guint         rows)
{
  g_autoptr (GArray) rowids = liaison_store_list_participant_rowids (store, NULL, 0, NULL);
  GString *s = g_string_new ("姓名,Name,Country,E-mail,Organisation,Phone\r\n");
  GRand   *rand = g_rand_new_with_seed (20251206);

  for (guint i = 0; i < rows; i++)
    {
      gint64 rowid = g_array_index (rowids, gint64, g_rand_int_range (rand, 0, rowids->len));
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant_by_rowid (store, rowid);
      g_autofree char   *native = liaison_participant_dup_native_name (p);
      g_autofree char   *latin = liaison_participant_dup_latin_name (p);
      g_autofree char   *phone = g_strdup_printf ("+65 6%07u", i);
      g_autofree char   *fresh = g_strdup_printf ("new%u@example.org", i);
      const char *const *emails = liaison_participant_get_emails (p);
      const char        *email = (i % 2 == 0 && emails != NULL) ? emails[0] : fresh;

      csv_cell (s, native, FALSE);
      csv_cell (s, latin, FALSE);
      csv_cell (s, liaison_participant_get_country (p), FALSE);
      csv_cell (s, email, FALSE);
      csv_cell (s, liaison_bilingual_get_display (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN), FALSE);
      csv_cell (s, phone, TRUE);
    }
  g_rand_free (rand);
  return g_string_free (s, FALSE);
}

static gboolean
copy_file (const char *from,
           const char *to)
{
  g_autoptr (GFile) a = g_file_new_for_path (from);
  g_autoptr (GFile) b = g_file_new_for_path (to);
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);

  g_unlink (wal);
  return g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
}

typedef struct
{
  GCancellable *cancellable;
  gint64        cancelled_at;
} Canceller;

static void
cancel_halfway (double   fraction,
                gpointer data)
{
  Canceller *c = data;

  if (fraction >= 0.5 && c->cancelled_at == 0)
    {
      c->cancelled_at = g_get_monotonic_time ();
      g_cancellable_cancel (c->cancellable);
    }
}

static void
run (const char *template_path,
     const char *work_path,
     const char *csv_path,
     const char *encoding,
     guint       rows)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (LiaisonTable) table = NULL;
  g_autoptr (LiaisonPeopleImport) import = NULL;
  LiaisonImportSummary summary;
  double               t0, t1, t2, t3;
  guint                before;

  if (!copy_file (template_path, work_path) || (store = liaison_store_open (work_path, &error)) == NULL)
    g_error ("cannot copy the dataset: %s", error ? error->message : "copy failed");
  before = liaison_store_count_participants (store);

  t0 = now_s ();
  table = liaison_table_read_file (csv_path, NULL, NULL, NULL, NULL, &error);
  if (table == NULL)
    g_error ("%s", error->message);
  import = liaison_people_import_new (table);
  t1 = now_s ();
  if (!liaison_people_import_prepare (import, store, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  t2 = now_s ();
  if (!liaison_people_import_apply (import, store, NULL, NULL, NULL, &summary, &error))
    g_error ("%s", error->message);
  t3 = now_s ();

  printf ("{\"benchmark\": \"import\", \"encoding\": \"%s\", \"detected\": \"%s\", \"rows\": %u, \"database_people\": %u,"
          " \"read_s\": %.2f, \"match_s\": %.2f, \"apply_s\": %.2f, \"total_s\": %.2f,"
          " \"new\": %u, \"update\": %u, \"possible_duplicate\": %u, \"bad\": %u, \"added\": %u, \"updated\": %u}\n",
          encoding, table->encoding, rows, before, t1 - t0, t2 - t1, t3 - t2, t3 - t0,
          liaison_people_import_count (import, LIAISON_IMPORT_ROW_NEW), liaison_people_import_count (import, LIAISON_IMPORT_ROW_UPDATE),
          liaison_people_import_count (import, LIAISON_IMPORT_ROW_DUPLICATE), liaison_people_import_count (import, LIAISON_IMPORT_ROW_BAD),
          summary.added, summary.updated);
  fflush (stdout);

  /* Again from the same copy, everyone added, cancelled halfway through
   * the writing: how soon it stops, and that nothing stayed. */
  g_clear_object (&store);
  if (!copy_file (template_path, work_path) || (store = liaison_store_open (work_path, &error)) == NULL)
    g_error ("cannot copy the dataset");
  if (!liaison_people_import_prepare (import, store, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  liaison_people_import_decide_kind (import, LIAISON_IMPORT_ROW_DUPLICATE, LIAISON_IMPORT_ADD);
  {
    Canceller c = { g_cancellable_new (), 0 };
    gint64    last = liaison_store_get_last_seq (store);
    gboolean  ok = liaison_people_import_apply (import, store, cancel_halfway, &c, c.cancellable, NULL, &error);
    double    stop_ms = (g_get_monotonic_time () - c.cancelled_at) / 1000.0;

    printf ("{\"benchmark\": \"import-cancel\", \"encoding\": \"%s\", \"rows\": %u, \"cancelled\": %s, \"stop_ms\": %.0f,"
            " \"unchanged\": %s}\n",
            encoding, rows, !ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ? "true" : "false", stop_ms,
            liaison_store_count_participants (store) == before && liaison_store_get_last_seq (store) == last ? "true" : "false");
    fflush (stdout);
    g_object_unref (c.cancellable);
  }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char   *database = NULL;
  int                rows = 100000;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "The 100,000 people to match against (generated when missing)", "FILE" },
    { "rows", 0, 0, G_OPTION_ARG_INT, &rows, "Rows of the imported file", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *work = NULL;
  g_autofree char *utf8_path = NULL;
  g_autofree char *gb_path = NULL;
  g_autofree char *roster = NULL;
  g_autofree char *gb = NULL;
  gsize            gb_length = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (database == NULL)
    database = g_build_filename (g_get_tmp_dir (), "liaison-bench-import.db", NULL);

  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_autoptr (LiaisonStore) store = liaison_store_open (database, &error);
      BenchDatasetSize  size = { 100000, 100, 0, 20251125 };
      BenchDatasetTimes times;

      if (store == NULL || !bench_dataset_generate (store, &size, &times, &error))
        g_error ("cannot generate the dataset: %s", error->message);
    }
  dir = g_dir_make_tmp ("liaison-bench-import-XXXXXX", &error);
  work = g_build_filename (dir, "work.db", NULL);
  utf8_path = g_build_filename (dir, "roster-utf8.csv", NULL);
  gb_path = g_build_filename (dir, "roster-gb18030.csv", NULL);
  {
    g_autoptr (LiaisonStore) store = liaison_store_open (database, &error);

    if (store == NULL)
      g_error ("%s", error->message);
    roster = make_roster (store, rows);
  }
  gb = g_convert (roster, -1, "GB18030", "UTF-8", NULL, &gb_length, &error);
  if (gb == NULL || !g_file_set_contents (utf8_path, roster, -1, &error) || !g_file_set_contents (gb_path, gb, gb_length, &error))
    g_error ("%s", error->message);

  run (database, work, utf8_path, "UTF-8", rows);
  run (database, work, gb_path, "GB18030", rows);

  g_unlink (utf8_path);
  g_unlink (gb_path);
  {
    g_autofree char *wal = g_strconcat (work, "-wal", NULL);
    g_autofree char *shm = g_strconcat (work, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_unlink (work);
  g_rmdir (dir);
  return 0;
}
