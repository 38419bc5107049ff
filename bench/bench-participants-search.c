/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The real window on the 100,000-person dataset: types queries into the
 * Participants search one character at a time and measures each
 * keystroke's latency, from setting the entry's text to the first frame
 * painted after the list changed (the frame clock's after-paint); then a
 * backspace, and clearing the box (Escape, or backspace to empty), timed
 * the same way. For each, the main thread's work on the new list (the
 * list's items-changed, through the view's and the page's handlers) and
 * the main thread's CPU time from the edit to the painted frame, split into
 * the painting frame's own (before-paint to after-paint: update, layout,
 * paint) and the rest, the keystroke's work (the entry, the search sent,
 * the new list taken). Timeouts are counted and
 * printed. Then pages through the whole list, one page per frame. Prints
 * one JSON object per line. Needs a display: run it under xvfb-run or
 * tests/run-under-xvfb.sh.
 *
 * Usage: bench-participants-search [--database FILE] [--keystrokes N] [--interval MS] */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <time.h>

#include "bench-dataset.h"
#include "liaison-gui-resources.h"
#include "liaison-slot-list.h"
#include "liaison-window.h"

typedef struct
{
  GListModel *model;
  GtkWidget  *view;
  gboolean    waiting;
  gboolean    changed;
  gboolean    need_change;
  gint64      start;
  gint64      changed_at;
  gint64      applied_at;
  gint64      frame_began_at;
  gint64      painted_at;
  double      cpu_start;
  double      cpu_frame_began;
  double      cpu_painted;
} Probe;

/* One kind of edit's figures: latency to the painted list, to the changed
 * list, the painting frame's own work (before-paint to after-paint), the
 * main thread's work on the new list, and its CPU time up to the frame. */
typedef struct
{
  GArray *latency;
  GArray *to_list;
  GArray *frame;
  GArray *apply;
  GArray *main_cpu;
  GArray *main_work;
  GArray *frame_cpu;
  guint   queries;
  guint   timeouts;
} Stats;

static Stats *
stats_new (void)
{
  Stats *stats = g_new0 (Stats, 1);

  stats->latency = g_array_new (FALSE, FALSE, sizeof (double));
  stats->to_list = g_array_new (FALSE, FALSE, sizeof (double));
  stats->frame = g_array_new (FALSE, FALSE, sizeof (double));
  stats->apply = g_array_new (FALSE, FALSE, sizeof (double));
  stats->main_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  stats->main_work = g_array_new (FALSE, FALSE, sizeof (double));
  stats->frame_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  return stats;
}

static void
stats_free (Stats *stats)
{
  g_array_unref (stats->latency);
  g_array_unref (stats->to_list);
  g_array_unref (stats->frame);
  g_array_unref (stats->apply);
  g_array_unref (stats->main_cpu);
  g_array_unref (stats->main_work);
  g_array_unref (stats->frame_cpu);
  g_free (stats);
}

static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
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

/* The list's items-changed begins: before any handler of it (the slot
 * list's, which the view's and the page's follow). */
static gboolean
on_emission (GSignalInvocationHint *hint, guint n_values, const GValue *values, gpointer data)
{
  Probe *probe = data;

  if (g_value_get_object (&values[0]) == (gpointer) probe->model && probe->waiting && !probe->changed)
    {
      probe->changed = TRUE;
      probe->changed_at = g_get_monotonic_time ();
    }
  return TRUE;
}

/* The list's last handler: the view and the page have taken the change.
 * A search that gives the same people again changes no pixel, and GTK
 * paints nothing: the probe asks for a frame, so every edit is timed to
 * one (a frame the window itself may not need). */
static void
on_items_changed (Probe *probe)
{
  if (probe->waiting && probe->changed && probe->applied_at == 0)
    {
      probe->applied_at = g_get_monotonic_time ();
      gtk_widget_queue_draw (probe->view);
    }
}

static void
on_before_paint (GdkFrameClock *clock, Probe *probe)
{
  probe->frame_began_at = g_get_monotonic_time ();
  probe->cpu_frame_began = thread_cpu_ms ();
}

static void
on_after_paint (GdkFrameClock *clock, Probe *probe)
{
  if (probe->waiting && (probe->changed || !probe->need_change))
    {
      probe->painted_at = g_get_monotonic_time ();
      probe->cpu_painted = thread_cpu_ms ();
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
print_search (const char *benchmark, const char *script, guint participants, Stats *stats, double interval, const char *renderer)
{
  printf ("{\"benchmark\": \"%s\", \"participants\": %u, \"script\": \"%s\", "
          "\"queries\": %u, \"edits\": %u, \"timeouts\": %u, \"interval_ms\": %.0f, \"renderer\": \"%s\", "
          "\"p50_ms\": %.2f, \"p95_ms\": %.2f, \"max_ms\": %.2f, "
          "\"to_list_p50_ms\": %.2f, \"to_list_p95_ms\": %.2f, \"frame_p50_ms\": %.2f, \"frame_p95_ms\": %.2f, "
          "\"main_apply_p50_ms\": %.2f, \"main_apply_p95_ms\": %.2f, \"main_apply_max_ms\": %.2f, "
          "\"main_cpu_p50_ms\": %.2f, \"main_cpu_p95_ms\": %.2f, "
          "\"main_work_p50_ms\": %.2f, \"main_work_p95_ms\": %.2f, \"main_work_max_ms\": %.2f, "
          "\"frame_cpu_p50_ms\": %.2f, \"frame_cpu_p95_ms\": %.2f}\n",
          benchmark, participants, script, stats->queries, stats->latency->len, stats->timeouts, interval, renderer,
          percentile (stats->latency, 0.5), percentile (stats->latency, 0.95), percentile (stats->latency, 1.0),
          percentile (stats->to_list, 0.5), percentile (stats->to_list, 0.95), percentile (stats->frame, 0.5),
          percentile (stats->frame, 0.95), percentile (stats->apply, 0.5), percentile (stats->apply, 0.95),
          percentile (stats->apply, 1.0), percentile (stats->main_cpu, 0.5), percentile (stats->main_cpu, 0.95),
          percentile (stats->main_work, 0.5), percentile (stats->main_work, 0.95), percentile (stats->main_work, 1.0),
          percentile (stats->frame_cpu, 0.5), percentile (stats->frame_cpu, 0.95));
  fflush (stdout);
}

static void
probe_start (Probe *probe)
{
  probe->changed = FALSE;
  probe->need_change = TRUE;
  probe->waiting = TRUE;
  probe->applied_at = 0;
  probe->start = g_get_monotonic_time ();
  probe->cpu_start = thread_cpu_ms ();
}

/* Waits for the edit's painted frame and adds its figures to each of
 * stats (NULL-terminated). */
static void
probe_record (Probe *probe, Stats **stats)
{
  gboolean painted = wait_for_paint (probe);

  for (guint i = 0; stats[i] != NULL; i++)
    {
      double latency = (probe->painted_at - probe->start) / 1000.0;
      double model = (probe->changed_at - probe->start) / 1000.0;
      double frame = (probe->painted_at - probe->frame_began_at) / 1000.0;
      double apply = (probe->applied_at - probe->changed_at) / 1000.0;
      double cpu = probe->cpu_painted - probe->cpu_start;
      double frame_cpu = probe->cpu_painted - probe->cpu_frame_began;
      double work = cpu - frame_cpu;

      if (!painted)
        {
          stats[i]->timeouts++;
          continue;
        }
      g_array_append_val (stats[i]->latency, latency);
      g_array_append_val (stats[i]->to_list, model);
      g_array_append_val (stats[i]->frame, frame);
      g_array_append_val (stats[i]->apply, apply);
      g_array_append_val (stats[i]->main_cpu, cpu);
      g_array_append_val (stats[i]->main_work, work);
      g_array_append_val (stats[i]->frame_cpu, frame_cpu);
    }
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
  Stats *backspace = stats_new ();
  Stats *cleared = stats_new ();
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
  guint  participants, typed = 0, scroll_timeouts = 0;
  gulong emission_hook;
  double rows_covered = 0;
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
  probe.view = list;
  probe.model = gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (list))));
  if (LIAISON_IS_SLOT_LIST (probe.model))
    probe.model = liaison_slot_list_get_source (LIAISON_SLOT_LIST (probe.model));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), &probe);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &probe);
  g_signal_connect_swapped (probe.model, "items-changed", G_CALLBACK (on_items_changed), &probe);
  emission_hook = g_signal_add_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), 0, on_emission, &probe,
                                              NULL);
  probe.start = t0;
  probe.waiting = TRUE;
  probe.need_change = FALSE;
  wait_for_paint (&probe);
  printf ("{\"benchmark\": \"participants-open-view\", \"participants\": %u, \"rows\": %u, \"first_frame_ms\": %.1f}\n",
          participants, g_list_model_get_n_items (probe.model), (probe.painted_at - t0) / 1000.0);
  fflush (stdout);
  renderer = G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window)));
  idle_for (300);

  /* Typing: each query one character at a time; then a backspace; then
   * cleared, by Escape or by backspacing to empty in turn. */
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
          Stats           *into[] = { stats, all, NULL };

          idle_for (interval);
          probe_start (&probe);
          /* A keystroke inserts; set_text would replace (empty, then fill). */
          gtk_editable_insert_text (GTK_EDITABLE (entry), character, -1, &position);
          probe_record (&probe, into);
          typed++;
        }

      if (length > 1)
        {
          Stats *into[] = { backspace, NULL };
          int    end = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

          idle_for (interval);
          probe_start (&probe);
          gtk_editable_delete_text (GTK_EDITABLE (entry), end - 1, end);
          probe_record (&probe, into);
          backspace->queries++;
        }

      if (q % 2 == 0)
        {
          /* Escape: the page's stop-search empties the box. */
          Stats *into[] = { cleared, NULL };

          idle_for (interval);
          probe_start (&probe);
          g_signal_emit_by_name (entry, "stop-search");
          probe_record (&probe, into);
          cleared->queries++;
        }
      else
        while (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
          {
            int    end = (int) g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
            Stats *to_empty[] = { cleared, NULL };
            Stats *shorter[] = { backspace, NULL };

            idle_for (interval);
            probe_start (&probe);
            gtk_editable_delete_text (GTK_EDITABLE (entry), end - 1, end);
            if (end == 1)
              {
                probe_record (&probe, to_empty);
                cleared->queries++;
              }
            else
              probe_record (&probe, shorter);
          }
    }

  {
    GHashTableIter iter;
    gpointer       key, value;

    g_hash_table_iter_init (&iter, by_script);
    while (g_hash_table_iter_next (&iter, &key, &value))
      print_search ("participants-search-window", key, participants, value, interval, renderer);
    print_search ("participants-search-window", "all", participants, all, interval, renderer);
    print_search ("participants-backspace-window", "all", participants, backspace, interval, renderer);
    print_search ("participants-clear-window", "all", participants, cleared, interval, renderer);
    stats_free (all);
    stats_free (backspace);
    stats_free (cleared);
  }

  /* Paging through: every frame shows rows it has not shown before. */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  for (int i = 0; i < frames; i++)
    {
      double before = gtk_adjustment_get_value (adjustment);
      double value = before + gtk_adjustment_get_page_size (adjustment);
      double ms;

      if (value > gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment))
        value = 0;
      probe.need_change = FALSE;
      probe.waiting = TRUE;
      probe.start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, value);
      if (!wait_for_paint (&probe))
        {
          scroll_timeouts++;
          continue;
        }
      ms = (probe.painted_at - probe.start) / 1000.0;
      g_array_append_val (scrolls, ms);
      /* What the frame really moved, in rows (the list may clamp). */
      rows_covered += ABS (gtk_adjustment_get_value (adjustment) - before) * g_list_model_get_n_items (probe.model) /
                      MAX (gtk_adjustment_get_upper (adjustment), 1);
    }
  printf ("{\"benchmark\": \"participants-scroll-window\", \"participants\": %u, \"frames\": %u, \"timeouts\": %u, "
          "\"rows_per_page\": %.0f, \"rows_covered\": %.0f, \"renderer\": \"%s\", \"p50_ms\": %.2f, \"p95_ms\": %.2f, "
          "\"max_ms\": %.2f}\n",
          participants, scrolls->len, scroll_timeouts,
          gtk_adjustment_get_page_size (adjustment) * g_list_model_get_n_items (probe.model) /
              MAX (gtk_adjustment_get_upper (adjustment), 1),
          rows_covered, renderer, percentile (scrolls, 0.5), percentile (scrolls, 0.95), percentile (scrolls, 1.0));
  fflush (stdout);

  g_signal_handlers_disconnect_by_data (clock, &probe);
  g_signal_handlers_disconnect_by_data (probe.model, &probe);
  g_signal_remove_emission_hook (g_signal_lookup ("items-changed", G_TYPE_LIST_MODEL), emission_hook);
  gtk_window_destroy (GTK_WINDOW (window));
  idle_for (100);
  return 0;
}
