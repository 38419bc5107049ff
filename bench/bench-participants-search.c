/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window on the 100,000-person dataset: types queries into the
 * Participants search one character at a time and measures each
 * keystroke's latency, from setting the entry's text to the first frame
 * painted after the list changed (the frame clock's after-paint). Then
 * pages through the whole list, one page per frame. Prints one JSON
 * object per line. Needs a display: run it under xvfb-run or
 * tests/run-under-xvfb.sh.
 *
 * Usage: bench-participants-search [--database FILE] [--keystrokes N] [--interval MS] */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>

#include "bench-dataset.h"
#include "liaison-gui-resources.h"
#include "liaison-slot-list.h"
#include "liaison-window.h"

typedef struct
{
  GListModel *model;
  gboolean    waiting;
  gboolean    changed;
  gboolean    need_change;
  gint64      start;
  gint64      changed_at;
  gint64      frame_began_at;
  gint64      painted_at;
} Probe;

/* One script's keystrokes: latency to the painted list, to the changed
 * list, and the painting frame's own work (before-paint to after-paint). */
typedef struct
{
  GArray *latency;
  GArray *to_list;
  GArray *frame;
  guint   queries;
} Stats;

static Stats *
stats_new (void)
{
  Stats *stats = g_new0 (Stats, 1);

  stats->latency = g_array_new (FALSE, FALSE, sizeof (double));
  stats->to_list = g_array_new (FALSE, FALSE, sizeof (double));
  stats->frame = g_array_new (FALSE, FALSE, sizeof (double));
  return stats;
}

static void
stats_free (Stats *stats)
{
  g_array_unref (stats->latency);
  g_array_unref (stats->to_list);
  g_array_unref (stats->frame);
  g_free (stats);
}

static int
compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *samples, double p)
{
  guint i;

  if (samples->len == 0)
    return 0;
  g_array_sort (samples, compare_double);
  i = (guint) (p * (samples->len - 1) + 0.5);
  return g_array_index (samples, double, i);
}

static void
on_items_changed (Probe *probe)
{
  if (probe->waiting && !probe->changed)
    {
      probe->changed = TRUE;
      probe->changed_at = g_get_monotonic_time ();
    }
}

static void
on_before_paint (GdkFrameClock *clock, Probe *probe)
{
  probe->frame_began_at = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock, Probe *probe)
{
  if (probe->waiting && (probe->changed || !probe->need_change))
    {
      probe->painted_at = g_get_monotonic_time ();
      probe->waiting = FALSE;
    }
}

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the probe saw its frame; FALSE on a timeout. */
static gboolean
wait_for_paint (Probe *probe)
{
  gint64 deadline = probe->start + 5 * G_USEC_PER_SEC;
  guint  ticker = g_timeout_add (50, wake, NULL);

  while (probe->waiting && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (ticker);
  return !probe->waiting;
}

static void
idle_for (double ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) (ms * 1000);
  guint  ticker = g_timeout_add (5, wake, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (ticker);
}

static GtkWidget *
find_widget (GtkWidget *root, GType type, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (name == NULL || g_strcmp0 (gtk_widget_get_name (child), name) == 0))
        return child;
      found = find_widget (child, type, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
script_of (const char *query)
{
  GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (query));

  if (script == G_UNICODE_SCRIPT_HAN)
    return "han";
  if (script == G_UNICODE_SCRIPT_LATIN || script == G_UNICODE_SCRIPT_COMMON)
    return "latin";
  return "thai-khmer-lao-myanmar";
}

static void
print_search (
    const char *script, guint participants, Stats *stats, double interval, const char *renderer, guint timeouts)
{
  printf ("{\"benchmark\": \"participants-search-window\", \"participants\": %u, \"script\": \"%s\", "
          "\"queries\": %u, \"keystrokes\": %u, \"interval_ms\": %.0f, \"renderer\": \"%s\", "
          "\"p50_ms\": %.2f, \"p95_ms\": %.2f, \"max_ms\": %.2f, "
          "\"to_list_p50_ms\": %.2f, \"to_list_p95_ms\": %.2f, \"frame_p50_ms\": %.2f, \"frame_p95_ms\": %.2f, "
          "\"timeouts\": %u}\n",
          participants, script, stats->queries, stats->latency->len, interval, renderer,
          percentile (stats->latency, 0.5), percentile (stats->latency, 0.95), percentile (stats->latency, 1.0),
          percentile (stats->to_list, 0.5), percentile (stats->to_list, 0.95), percentile (stats->frame, 0.5),
          percentile (stats->frame, 0.95), timeouts);
  fflush (stdout);
}

int
main (int argc, char **argv)
{
  g_autofree char   *database = NULL;
  int                keystrokes = 400, frames = 300;
  double             interval = 80;
  const GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "Dataset file (generated when missing)", "FILE" },
    { "keystrokes", 0, 0, G_OPTION_ARG_INT, &keystrokes, "Keystrokes to time (at least)", "N" },
    { "interval", 0, 0, G_OPTION_ARG_DOUBLE, &interval, "Pause between keystrokes, as a typist's", "MS" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Pages to scroll, one per frame", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) options = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (LiaisonContext) context = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (AdwApplication) app = NULL;
  g_autoptr (GPtrArray) queries = NULL;
  g_autoptr (GHashTable) by_script = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) stats_free);
  Stats *all = stats_new ();
  g_autoptr (GArray) scrolls = g_array_new (FALSE, FALSE, sizeof (double));
  GSettingsSchemaSource *schemas;
  g_autoptr (GSettingsSchema) schema = NULL;
  LiaisonWindow *window;
  GtkWidget     *page, *entry, *list;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  const char    *renderer;
  Probe          probe = {
             NULL,
  };
  guint  participants, typed = 0, timeouts = 0;
  gint64 t0;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (database == NULL)
    database = g_build_filename (g_get_tmp_dir (), "liaison-bench.db", NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("No display: run under xvfb-run or tests/run-under-xvfb.sh\n");
      return 77;
    }
  adw_init ();
  liaison_gui_register_resource ();

  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      BenchDatasetSize  size = { 100000, 5000, 300000, 20211 };
      BenchDatasetTimes times = {
        0,
      };
      g_autoptr (LiaisonStore) fresh = liaison_store_open (database, &error);

      g_printerr ("Generating %s (100,000 people, once)…\n", database);
      if (fresh == NULL || !bench_dataset_generate (fresh, &size, &times, &error))
        {
          g_printerr ("generating %s failed: %s\n", database, error->message);
          return 2;
        }
    }
  store = liaison_store_open (database, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  participants = liaison_store_count_participants (store);

  /* The window's size and place are kept in GSettings when the schema is there. */
  schemas = g_settings_schema_source_get_default ();
  if (schemas != NULL)
    schema = g_settings_schema_source_lookup (schemas, "org.chinaaseanenv.Liaison", TRUE);
  if (schema != NULL)
    settings = g_settings_new ("org.chinaaseanenv.Liaison");
  context = liaison_context_new (store, settings);
  app = adw_application_new ("org.chinaaseanenv.Liaison.Bench", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), "/org/chinaaseanenv/Liaison");
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  window = liaison_window_new (app, context);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  idle_for (300);

  /* Opening the view reads every rowid once (the list's own load). */
  t0 = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "participants");
  page = liaison_window_get_page (window, "participants");
  entry = find_widget (page, GTK_TYPE_SEARCH_ENTRY, NULL);
  list = find_widget (page, GTK_TYPE_COLUMN_VIEW, "participants-list");
  /* The list the search replaces: under the view's selection and slots. */
  probe.model = gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (list))));
  if (LIAISON_IS_SLOT_LIST (probe.model))
    probe.model = liaison_slot_list_get_source (LIAISON_SLOT_LIST (probe.model));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &probe);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &probe);
  g_signal_connect_swapped (probe.model, "items-changed", G_CALLBACK (on_items_changed), &probe);
  probe.start = t0;
  probe.waiting = TRUE;
  probe.need_change = FALSE;
  wait_for_paint (&probe);
  printf ("{\"benchmark\": \"participants-open-view\", \"participants\": %u, \"rows\": %u, \"first_frame_ms\": %.1f}\n",
          participants, g_list_model_get_n_items (probe.model), (probe.painted_at - t0) / 1000.0);
  fflush (stdout);
  renderer = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  idle_for (300);

  /* Typing: each query one character at a time, then cleared. */
  queries = bench_dataset_queries (store, 10 * keystrokes, 20251125);
  for (guint q = 0; q < queries->len && (int) typed < keystrokes; q++)
    {
      const char *query = g_ptr_array_index (queries, q);
      const char *script = script_of (query);
      Stats      *stats = g_hash_table_lookup (by_script, script);
      glong       length = g_utf8_strlen (query, -1);

      if (stats == NULL)
        {
          stats = stats_new ();
          g_hash_table_insert (by_script, (gpointer) script, stats);
        }
      stats->queries++;
      all->queries++;

      for (glong k = 1; k <= length; k++)
        {
          g_autofree char *character = g_utf8_substring (query, k - 1, k);
          int              position = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
          double           latency, model, frame;

          idle_for (interval);
          probe.changed = FALSE;
          probe.need_change = TRUE;
          probe.waiting = TRUE;
          probe.start = g_get_monotonic_time ();
          /* A keystroke inserts; set_text would replace (empty, then fill). */
          gtk_editable_insert_text (GTK_EDITABLE (entry), character, -1, &position);
          if (!wait_for_paint (&probe))
            {
              timeouts++;
              continue;
            }
          latency = (probe.painted_at - probe.start) / 1000.0;
          model = (probe.changed_at - probe.start) / 1000.0;
          frame = (probe.painted_at - probe.frame_began_at) / 1000.0;
          g_array_append_val (stats->latency, latency);
          g_array_append_val (stats->to_list, model);
          g_array_append_val (stats->frame, frame);
          g_array_append_val (all->latency, latency);
          g_array_append_val (all->to_list, model);
          g_array_append_val (all->frame, frame);
          typed++;
        }

      /* Cleared at once, as with Escape: back to all 100,000 (not timed as typing). */
      idle_for (interval);
      probe.changed = FALSE;
      probe.need_change = TRUE;
      probe.waiting = TRUE;
      probe.start = g_get_monotonic_time ();
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
      wait_for_paint (&probe);
    }

  {
    GHashTableIter iter;
    gpointer       key, value;

    g_hash_table_iter_init (&iter, by_script);
    while (g_hash_table_iter_next (&iter, &key, &value))
      print_search (key, participants, value, interval, renderer, 0);
    print_search ("all", participants, all, interval, renderer, timeouts);
    stats_free (all);
  }

  /* Paging through: every frame shows rows it has not shown before. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  for (int i = 0; i < frames; i++)
    {
      double value = gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);
      double ms;

      if (value > gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
        value = 0;
      probe.need_change = FALSE;
      probe.waiting = TRUE;
      probe.start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, value);
      if (!wait_for_paint (&probe))
        continue;
      ms = (probe.painted_at - probe.start) / 1000.0;
      g_array_append_val (scrolls, ms);
    }
  printf ("{\"benchmark\": \"participants-scroll-window\", \"participants\": %u, \"frames\": %u, "
          "\"rows_per_page\": %.0f, \"renderer\": \"%s\", \"p50_ms\": %.2f, \"p95_ms\": %.2f, \"max_ms\": %.2f}\n",
          participants, scrolls->len,
          gtk_adjustment_get_page_size (adjustment) * g_list_model_get_n_items (probe.model) /
              MAX (gtk_adjustment_get_upper (adjustment), 1),
          renderer, percentile (scrolls, 0.5), percentile (scrolls, 0.95), percentile (scrolls, 1.0));
  fflush (stdout);

  g_signal_handlers_disconnect_by_data (clock, &probe);
  g_signal_handlers_disconnect_by_data (probe.model, &probe);
  gtk_window_destroy (GTK_WINDOW (window));
  idle_for (100);
  return 0;
}
