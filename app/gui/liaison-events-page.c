/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-event-editor.h"
#include "liaison-event-item.h"
#include "liaison-event-page.h"
#include "liaison-events-page.h"
#include "liaison-gui-format.h"
#include "liaison-gui-wrap.h"
#include "liaison-ical.h"

/* The Events view: every event, filtered, as a list by month, a month
 * calendar and a timeline of years; and the page of one event. */

#define MONTH_CHIPS 3

struct _LiaisonEventsPage
{
  AdwBin parent_instance;

  LiaisonContext *context;
  gboolean        folded;

  GCancellable  *cancellable;
  guint          reload_source;
  gboolean       stale;  /* hidden when it should have read: read when shown */
  GPtrArray     *events; /* the filtered events, by start */
  GListStore    *items;  /* LiaisonEventItem: headings and events */
  GtkStringList *years_model;
  GPtrArray     *activity_codes;
  GPtrArray     *country_codes;
  GPtrArray     *track_ids;
  int            month_year;
  int            month;

  GtkStack         *stack;
  AdwViewStack     *view_stack;
  GtkSearchEntry   *search_entry;
  GtkDropDown      *year_filter;
  GtkDropDown      *kind_filter;
  GtkDropDown      *status_filter;
  GtkDropDown      *country_filter;
  GtkDropDown      *activity_filter;
  GtkDropDown      *track_filter;
  GtkSpinner       *spinner;
  GtkStack         *list_stack;
  GtkListView      *list_view;
  GtkLabel         *month_label;
  GtkGrid          *month_grid;
  GtkWidget        *undated_row;
  GtkFlowBox       *undated_box;
  GtkGrid          *timeline_grid;
  LiaisonEventPage *event_page;
};

G_DEFINE_FINAL_TYPE (LiaisonEventsPage, liaison_events_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Filters                                                                   */

typedef struct
{
  LiaisonEventFilter filter;
  char              *country;
  char              *activity;
  char              *track;
  char              *text;
} Query;

static void
query_free (gpointer data)
{
  Query *q = data;

  g_free (q->country);
  g_free (q->activity);
  g_free (q->track);
  g_free (q->text);
  g_free (q);
}

static Query *
read_filters (LiaisonEventsPage *self)
{
  Query      *q = g_new0 (Query, 1);
  guint       year = gtk_drop_down_get_selected (self->year_filter);
  guint       kind = gtk_drop_down_get_selected (self->kind_filter);
  guint       status = gtk_drop_down_get_selected (self->status_filter);
  guint       country = gtk_drop_down_get_selected (self->country_filter);
  guint       activity = gtk_drop_down_get_selected (self->activity_filter);
  guint       track = gtk_drop_down_get_selected (self->track_filter);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  q->filter = (LiaisonEventFilter) LIAISON_EVENT_FILTER_INIT;
  if (year != GTK_INVALID_LIST_POSITION && year > 0)
    q->filter.year = atoi (gtk_string_list_get_string (self->years_model, year));
  if (kind != GTK_INVALID_LIST_POSITION && kind > 0)
    q->filter.kind = (int) kind - 1;
  if (status != GTK_INVALID_LIST_POSITION && status > 0)
    q->filter.status = (int) status - 1;
  if (country != GTK_INVALID_LIST_POSITION && country > 0)
    q->filter.country = q->country = g_strdup (g_ptr_array_index (self->country_codes, country - 1));
  if (activity != GTK_INVALID_LIST_POSITION && activity > 0)
    q->filter.activity = q->activity = g_strdup (g_ptr_array_index (self->activity_codes, activity - 1));
  if (track != GTK_INVALID_LIST_POSITION && track > 0)
    q->filter.track = q->track = g_strdup (g_ptr_array_index (self->track_ids, track - 1));
  if (text != NULL && *text != '\0')
    q->filter.text = q->text = g_strdup (text);
  return q;
}

static gpointer
list_events_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  Query *q = data;

  return liaison_store_list_events (reader, &q->filter, error);
}

/* ------------------------------------------------------------------------ */
/* List                                                                      */

static int
compare_newest_first (gconstpointer a, gconstpointer b)
{
  LiaisonEvent *x = *(LiaisonEvent **) a, *y = *(LiaisonEvent **) b;

  return -g_strcmp0 (liaison_event_get_start (x), liaison_event_get_start (y));
}

/* Newest first, under a heading for each month; the list opens at the
 * month nearest today, so what is coming and what just happened show. */
static void
fill_list (LiaisonEventsPage *self)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) sorted = g_ptr_array_copy (self->events, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int      last_year = 0, last_month = -1;
  guint    scroll_to = 0;
  gboolean found_today = FALSE;

  g_ptr_array_set_free_func (sorted, g_object_unref);
  g_ptr_array_sort (sorted, compare_newest_first);
  for (guint i = 0; i < sorted->len; i++)
    {
      LiaisonEvent *e = g_ptr_array_index (sorted, i);
      int           year = liaison_event_get_year (e);
      int           month = liaison_event_get_precision (e) == LIAISON_DATE_PRECISION_YEAR ? 0 : liaison_event_get_month (e);

      if (year != last_year || month != last_month)
        {
          g_autofree char *heading = month > 0 ? liaison_gui_format_month (year, month) : g_strdup_printf ("%d", year);

          if (!found_today && (year * 100 + month) <= (g_date_time_get_year (now) * 100 + g_date_time_get_month (now)))
            {
              scroll_to = items->len;
              found_today = TRUE;
            }
          g_ptr_array_add (items, liaison_event_item_new_heading (heading));
          last_year = year;
          last_month = month;
        }
      g_ptr_array_add (items, liaison_event_item_new_event (e));
    }

  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->list_stack, items->len > 0 ? "list" : "empty");
  if (items->len > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", scroll_to);
}

/* Rows are a heading or an event (a title over a line of details). */
static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  /* However long a title another office wrote: two lines, then “…”. */
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap (GTK_LABEL (details), TRUE);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  LiaisonEventItem *item = gtk_list_item_get_item (list_item);
  GtkWidget        *box = gtk_list_item_get_child (list_item);
  GtkWidget        *title = gtk_widget_get_first_child (box);
  GtkWidget        *details = gtk_widget_get_next_sibling (title);
  gboolean          heading = liaison_event_item_is_heading (item);

  gtk_label_set_label (GTK_LABEL (title), liaison_event_item_get_title (item));
  gtk_label_set_label (GTK_LABEL (details), heading ? "" : liaison_event_item_get_details (item));
  gtk_widget_set_visible (details, !heading);
  gtk_widget_set_margin_top (box, heading ? 14 : 4);
  if (heading)
    gtk_widget_add_css_class (title, "heading");
  else
    gtk_widget_remove_css_class (title, "heading");
  gtk_list_item_set_activatable (list_item, !heading);
  gtk_list_item_set_selectable (list_item, !heading);
}

static void
on_list_activate (LiaisonEventsPage *self, guint position)
{
  GtkSelectionModel *model = gtk_list_view_get_model (self->list_view);
  g_autoptr (LiaisonEventItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

  if (item != NULL && !liaison_event_item_is_heading (item))
    liaison_events_page_show_event (self, liaison_event_get_id (liaison_event_item_get_event (item)));
}

/* ------------------------------------------------------------------------ */
/* Month                                                                     */

static void
on_chip_clicked (GtkButton *button, LiaisonEventsPage *self)
{
  liaison_events_page_show_event (self, g_object_get_data (G_OBJECT (button), "event-id"));
}

static GtkWidget *
event_chip (LiaisonEventsPage *self, LiaisonEvent *event)
{
  LiaisonLanguage  lang = liaison_language_for_locale ();
  const char      *title = liaison_bilingual_get_display (liaison_event_get_title (event), lang);
  g_autofree char *when = liaison_gui_format_event_date (event);
  g_autofree char *description = g_strdup_printf ("%s — %s", title, when);
  g_autofree char *status_class =
      g_strdup_printf ("status-%s", liaison_enum_to_nick (LIAISON_TYPE_EVENT_STATUS, liaison_event_get_status (event)));
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *button = gtk_button_new ();

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_add_css_class (button, "event-chip");
  gtk_widget_add_css_class (button, status_class);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data_full (G_OBJECT (button), "event-id", g_strdup (liaison_event_get_id (event)), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_chip_clicked), self, 0);
  return button;
}

/* Whether an event takes place on a day (in its own zone's dates): on
 * one of its occurrences (the days they start on, from
 * liaison_ical_occurrence_days), each as long as the first. */
static gboolean
event_on_day (LiaisonEvent *event, GArray *starts, GDate *day)
{
  int                  y, m, d, y2, m2, d2;
  LiaisonDatePrecision precision;
  GDate                first, last;
  int                  length = 0;

  if (!liaison_parse_local_time (liaison_event_get_start (event), &precision, &y, &m, &d, NULL, NULL) ||
      precision == LIAISON_DATE_PRECISION_MONTH || precision == LIAISON_DATE_PRECISION_YEAR)
    return FALSE;
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, d, m, y);
  last = first;
  if (liaison_event_get_end (event) != NULL &&
      liaison_parse_local_time (liaison_event_get_end (event), &precision, &y2, &m2, &d2, NULL, NULL) &&
      g_date_valid_dmy (d2, m2, y2))
    g_date_set_dmy (&last, d2, m2, y2);
  length = MAX (0, g_date_days_between (&first, &last));
  for (guint i = 0; starts != NULL && i < starts->len; i++)
    {
      GDate *start = &g_array_index (starts, GDate, i);
      int    after = g_date_days_between (start, day);

      if (after >= 0 && after <= length)
        return TRUE;
    }
  return starts == NULL && g_date_compare (day, &first) >= 0 && g_date_compare (day, &last) <= 0;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
fill_month (LiaisonEventsPage *self)
{
  GDateWeekday     first_weekday = liaison_context_get_first_weekday (self->context);
  g_autofree char *title = liaison_gui_format_month (self->month_year, self->month);
  g_autoptr (GDateTime) today = g_date_time_new_now_local ();
  g_autoptr (GHashTable) occurrences = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  GDate day;
  guint offset;

  gtk_label_set_label (self->month_label, title);
  clear_grid (self->month_grid);

  /* The history knows many events only by their month. */
  {
    GtkWidget *child;
    guint      undated = 0;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->undated_box))) != NULL)
      gtk_flow_box_remove (self->undated_box, child);
    for (guint i = 0; i < self->events->len; i++)
      {
        LiaisonEvent *e = g_ptr_array_index (self->events, i);

        if (liaison_event_get_precision (e) == LIAISON_DATE_PRECISION_MONTH &&
            liaison_event_get_year (e) == self->month_year && liaison_event_get_month (e) == self->month)
          {
            gtk_flow_box_append (self->undated_box, event_chip (self, e));
            undated++;
          }
      }
    gtk_widget_set_visible (self->undated_row, undated > 0);
  }

  for (guint col = 0; col < 7; col++)
    {
      GDateWeekday weekday = (first_weekday - G_DATE_MONDAY + col) % 7 + G_DATE_MONDAY;
      GtkWidget   *label = gtk_label_new (liaison_gui_weekday_abbreviation (weekday));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (self->month_grid, label, col, 0, 1, 1);
    }

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, self->month, self->month_year);
  offset = (g_date_get_weekday (&day) - first_weekday + 7) % 7;
  g_date_subtract_days (&day, offset);

  /* A recurring event shows on each day it takes place in the grid's six
   * weeks: the occurrences that start in them, or that began in the week
   * before and still last. */
  {
    GDate from = day, to = day;

    g_date_subtract_days (&from, 7);
    g_date_add_days (&to, 41);
    for (guint i = 0; i < self->events->len; i++)
      {
        LiaisonEvent *e = g_ptr_array_index (self->events, i);

        if (liaison_event_get_recurrence (e) != NULL)
          g_hash_table_insert (occurrences, e,
                               liaison_ical_occurrence_days (liaison_event_get_recurrence (e),
                                                             liaison_event_get_start (e), &from, &to));
      }
  }

  for (guint cell = 0; cell < 42; cell++, g_date_add_days (&day, 1))
    {
      GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      g_autofree char *number = g_strdup_printf ("%d", g_date_get_day (&day));
      GtkWidget       *label = gtk_label_new (number);
      guint            shown = 0, more = 0;

      gtk_widget_set_size_request (box, -1, 96);
      gtk_widget_add_css_class (box, "month-day");
      if (g_date_get_month (&day) != (GDateMonth) self->month)
        gtk_widget_add_css_class (box, "other-month");
      if (g_date_get_year (&day) == g_date_time_get_year (today) &&
          g_date_get_month (&day) == (GDateMonth) g_date_time_get_month (today) &&
          g_date_get_day (&day) == g_date_time_get_day_of_month (today))
        gtk_widget_add_css_class (box, "today");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (box), label);

      for (guint i = 0; i < self->events->len; i++)
        {
          LiaisonEvent *e = g_ptr_array_index (self->events, i);

          if (!event_on_day (e, g_hash_table_lookup (occurrences, e), &day))
            continue;
          if (shown < MONTH_CHIPS)
            {
              gtk_box_append (GTK_BOX (box), event_chip (self, e));
              shown++;
            }
          else
            more++;
        }
      if (more > 0)
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u more", "%u more", more), more);
          GtkWidget       *more_label = gtk_label_new (text);

          gtk_widget_add_css_class (more_label, "caption");
          gtk_box_append (GTK_BOX (box), more_label);
        }
      gtk_grid_attach (self->month_grid, box, cell % 7, 1 + cell / 7, 1, 1);
    }
}

static void
move_month (LiaisonEventsPage *self, int delta)
{
  int index = self->month_year * 12 + (self->month - 1) + delta;

  self->month_year = index / 12;
  self->month = index % 12 + 1;
  fill_month (self);
}

static void
previous_month_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move_month (LIAISON_EVENTS_PAGE (widget), -1);
}

static void
next_month_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move_month (LIAISON_EVENTS_PAGE (widget), 1);
}

static void
today_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventsPage *self = LIAISON_EVENTS_PAGE (widget);
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  self->month_year = g_date_time_get_year (now);
  self->month = g_date_time_get_month (now);
  fill_month (self);
  /* Ctrl+T from the list or the timeline too. */
  gtk_stack_set_visible_child_name (self->stack, "browse");
  adw_view_stack_set_visible_child_name (self->view_stack, "month");
}

/* ------------------------------------------------------------------------ */
/* Timeline                                                                  */

static void
on_timeline_clicked (GtkButton *button, LiaisonEventsPage *self)
{
  self->month_year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "year"));
  self->month = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "month"));
  fill_month (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "month");
}

/* Years down, months across, the number of events in each month. */
static void
fill_timeline (LiaisonEventsPage *self)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  int   first = g_date_time_get_year (now), last = first;
  guint counts[200][13] = { { 0 } };

  for (guint i = 0; i < self->events->len; i++)
    {
      int year = liaison_event_get_year (g_ptr_array_index (self->events, i));

      first = MIN (first, year);
      last = MAX (last, year);
    }
  last = MIN (last, first + 199);
  for (guint i = 0; i < self->events->len; i++)
    {
      LiaisonEvent *e = g_ptr_array_index (self->events, i);
      int           year = liaison_event_get_year (e);

      if (year >= first && year <= last)
        counts[year - first]
              [liaison_event_get_precision (e) == LIAISON_DATE_PRECISION_YEAR ? 0 : liaison_event_get_month (e)]++;
    }

  clear_grid (self->timeline_grid);
  for (int m = 1; m <= 12; m++)
    {
      /* The whole name: its column widens for it ("February", "September"). */
      GtkWidget *label = gtk_label_new (liaison_gui_month_name (m));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (self->timeline_grid, label, m, 0, 1, 1);
    }
  for (int year = last; year >= first; year--)
    {
      g_autofree char *year_text = g_strdup_printf ("%d", year);
      GtkWidget       *year_label = gtk_label_new (year_text);
      int              row = last - year + 1;

      gtk_widget_set_margin_end (year_label, 8);
      if (year == g_date_time_get_year (now))
        gtk_widget_add_css_class (year_label, "heading");
      gtk_grid_attach (self->timeline_grid, year_label, 0, row, 1, 1);
      for (int m = 1; m <= 12; m++)
        {
          guint            n = counts[year - first][m] + (m == 1 ? counts[year - first][0] : 0);
          g_autofree char *month = liaison_gui_format_month (year, m);
          g_autofree char *description =
              g_strdup_printf (g_dngettext (NULL, "%1$s: %2$u event", "%1$s: %2$u events", n), month, n);
          g_autofree char *count = n > 0 ? g_strdup_printf ("%u", n) : g_strdup ("");
          GtkWidget       *cell = gtk_button_new_with_label (count);

          gtk_widget_set_size_request (cell, 44, 28);
          gtk_widget_add_css_class (cell, "timeline-cell");
          gtk_widget_add_css_class (cell, n == 0  ? "timeline-0"
                                          : n < 3 ? "timeline-1"
                                          : n < 6 ? "timeline-2"
                                                  : "timeline-3");
          gtk_widget_set_tooltip_text (cell, description);
          gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
          g_object_set_data (G_OBJECT (cell), "year", GINT_TO_POINTER (year));
          g_object_set_data (G_OBJECT (cell), "month", GINT_TO_POINTER (m));
          g_signal_connect_object (cell, "clicked", G_CALLBACK (on_timeline_clicked), self, 0);
          gtk_grid_attach (self->timeline_grid, cell, m, row, 1, 1);
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

static void
on_events_listed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonEventsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  GPtrArray *events = liaison_store_query_finish (liaison_context_get_store (self->context), result, &error);

  if (events == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }
  gtk_spinner_stop (self->spinner);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  self->events = events;
  fill_list (self);
  fill_month (self);
  fill_timeline (self);
}

/* A hidden view reads when it is shown: at start (the window opens on the
 * Overview) and after changes made while it was hidden. */
static void
reload (LiaisonEventsPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), TRUE);
  gtk_spinner_start (self->spinner);
  liaison_store_query_async (liaison_context_get_store (self->context), list_events_in_worker, read_filters (self),
                             query_free, (GDestroyNotify) g_ptr_array_unref, self->cancellable, on_events_listed,
                             g_object_ref (self));
}

static gboolean
reload_later_cb (gpointer data)
{
  LiaisonEventsPage *self = data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (an import, a sync): read once after the last. */
static void
reload_later (LiaisonEventsPage *self)
{
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (250, reload_later_cb, self);
}

static void
on_filters_changed (LiaisonEventsPage *self)
{
  reload (self);
}

static void
on_stop_search (LiaisonEventsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* ------------------------------------------------------------------------ */
/* The filter menus                                                          */

static void
fill_filter_models (LiaisonEventsPage *self)
{
  LiaisonStore   *store = liaison_context_get_store (self->context);
  LiaisonLanguage lang = liaison_language_for_locale ();
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GPtrArray) plan = liaison_store_list_plan (store, NULL);
  g_autoptr (GPtrArray) members = liaison_country_list_members ();
  g_autoptr (GPtrArray) all = liaison_country_list_all ();
  GtkStringList               *kinds = gtk_string_list_new ((const char *[]){ _ ("All Kinds"), NULL });
  GtkStringList               *statuses = gtk_string_list_new ((const char *[]){ _ ("All Statuses"), NULL });
  GtkStringList               *countries = gtk_string_list_new ((const char *[]){ _ ("All Countries"), NULL });
  GtkStringList               *activities = gtk_string_list_new ((const char *[]){ _ ("All Activities"), NULL });
  GtkStringList               *tracks = gtk_string_list_new ((const char *[]){ _ ("All Tracks"), NULL });
  const LiaisonProgrammeTrack *programme;
  guint                        n_tracks = 0;

  self->years_model = gtk_string_list_new ((const char *[]){ _ ("All Years"), NULL });
  for (int year = g_date_time_get_year (now) + 5; year >= 2010; year--)
    {
      g_autofree char *text = g_strdup_printf ("%d", year);
      gtk_string_list_append (self->years_model, text);
    }

  for (int k = LIAISON_EVENT_KIND_LIAISON_MEETING; k <= LIAISON_EVENT_KIND_OTHER; k++)
    gtk_string_list_append (kinds, liaison_event_kind_label (k));
  for (int s = LIAISON_EVENT_STATUS_PLANNED; s <= LIAISON_EVENT_STATUS_CANCELLED; s++)
    gtk_string_list_append (statuses, liaison_event_status_label (s));

  /* The member countries first, then the others that appear in the history. */
  self->country_codes = g_ptr_array_new ();
  for (guint i = 0; i < members->len; i++)
    {
      g_ptr_array_add (self->country_codes, (gpointer) liaison_country_get_code (g_ptr_array_index (members, i)));
      gtk_string_list_append (countries, liaison_country_get_name (g_ptr_array_index (members, i), lang));
    }
  for (guint i = 0; i < all->len; i++)
    if (!liaison_country_is_member (g_ptr_array_index (all, i)))
      {
        g_ptr_array_add (self->country_codes, (gpointer) liaison_country_get_code (g_ptr_array_index (all, i)));
        gtk_string_list_append (countries, liaison_country_get_name (g_ptr_array_index (all, i), lang));
      }

  self->activity_codes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; plan != NULL && i < plan->len; i++)
    {
      LiaisonPlanItem *item = g_ptr_array_index (plan, i);
      g_autofree char *label = NULL;

      if (liaison_plan_item_get_level (item) != LIAISON_PLAN_LEVEL_ACTIVITY)
        continue;
      label = g_strdup_printf ("%s %s", liaison_plan_item_get_code (item),
                               liaison_bilingual_get_display (liaison_plan_item_get_title (item), lang));
      g_ptr_array_add (self->activity_codes, g_strdup (liaison_plan_item_get_code (item)));
      gtk_string_list_append (activities, label);
    }

  self->track_ids = g_ptr_array_new ();
  programme = liaison_programme_get_tracks (&n_tracks);
  for (guint i = 0; i < n_tracks; i++)
    {
      g_ptr_array_add (self->track_ids, (gpointer) programme[i].id);
      gtk_string_list_append (tracks, lang == LIAISON_LANGUAGE_ZH ? programme[i].title_zh : programme[i].title_en);
    }

  gtk_drop_down_set_model (self->year_filter, G_LIST_MODEL (self->years_model));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->country_filter, G_LIST_MODEL (countries));
  gtk_drop_down_set_model (self->activity_filter, G_LIST_MODEL (activities));
  gtk_drop_down_set_model (self->track_filter, G_LIST_MODEL (tracks));
  /* The activities' titles are long: their menu wraps them. */
  liaison_gui_wrap_drop_down (self->activity_filter);
  liaison_gui_wrap_drop_down (self->track_filter);
  g_object_unref (kinds);
  g_object_unref (statuses);
  g_object_unref (countries);
  g_object_unref (activities);
  g_object_unref (tracks);

  /* Searching a long menu by typing works when the items are strings. */
  {
    g_autoptr (GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
    gtk_drop_down_set_expression (self->country_filter, expression);
  }

  g_signal_connect_object (self->year_filter, "notify::selected", G_CALLBACK (on_filters_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_filter, "notify::selected", G_CALLBACK (on_filters_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_filter, "notify::selected", G_CALLBACK (on_filters_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_filter, "notify::selected", G_CALLBACK (on_filters_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->activity_filter, "notify::selected", G_CALLBACK (on_filters_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->track_filter, "notify::selected", G_CALLBACK (on_filters_changed), self,
                           G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------------ */
/* Actions                                                                   */

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventsPage *self = LIAISON_EVENTS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "browse");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonEventsPage *self = LIAISON_EVENTS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "browse");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
on_store_changed (LiaisonEventsPage *self)
{
  reload_later (self);
}

/* Preferences' first day of the week: the calendar's columns follow it. */
static void
on_first_weekday_changed (LiaisonEventsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fill_month (self);
  else
    self->stale = TRUE;
}

static void
liaison_events_page_map (GtkWidget *widget)
{
  LiaisonEventsPage *self = LIAISON_EVENTS_PAGE (widget);

  GTK_WIDGET_CLASS (liaison_events_page_parent_class)->map (widget);
  if (self->stale)
    reload (self);
}

static void
liaison_events_page_constructed (GObject *object)
{
  LiaisonEventsPage *self = (LiaisonEventsPage *) object;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  GtkSingleSelection *selection;

  G_OBJECT_CLASS (liaison_events_page_parent_class)->constructed (object);

  self->month_year = g_date_time_get_year (now);
  self->month = g_date_time_get_month (now);
  self->events = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_list_store_new (LIAISON_TYPE_EVENT_ITEM);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
    gtk_list_view_set_factory (self->list_view, factory);
    g_object_unref (factory);
  }

  self->event_page = LIAISON_EVENT_PAGE (liaison_event_page_new (self->context));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->event_page), "event");
  g_object_bind_property (self, "folded", self->event_page, "folded", G_BINDING_SYNC_CREATE);

  fill_filter_models (self);
  g_signal_connect_object (liaison_context_get_store (self->context), "changed", G_CALLBACK (on_store_changed), self,
                           G_CONNECT_SWAPPED);
  if (liaison_context_get_settings (self->context) != NULL)
    g_signal_connect_object (liaison_context_get_settings (self->context), "changed::first-day-of-week",
                             G_CALLBACK (on_first_weekday_changed), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
liaison_events_page_dispose (GObject *object)
{
  LiaisonEventsPage *self = (LiaisonEventsPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  /* The template's root (stack) is a bound child: let AdwBin drop it first,
   * or it would unparent it again after dispose_template has. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_EVENTS_PAGE);
  g_clear_pointer (&self->events, g_ptr_array_unref);
  g_clear_object (&self->items);
  g_clear_object (&self->years_model);
  g_clear_pointer (&self->activity_codes, g_ptr_array_unref);
  g_clear_pointer (&self->country_codes, g_ptr_array_unref);
  g_clear_pointer (&self->track_ids, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_events_page_parent_class)->dispose (object);
}

static void
liaison_events_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonEventsPage *self = (LiaisonEventsPage *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_events_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonEventsPage *self = (LiaisonEventsPage *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_events_page_class_init (LiaisonEventsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_events_page_constructed;
  object_class->dispose = liaison_events_page_dispose;
  object_class->get_property = liaison_events_page_get_property;
  object_class->set_property = liaison_events_page_set_property;
  widget_class->map = liaison_events_page_map;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The window is folded to one column: the header shows a back button. */
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-events-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, year_filter);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, status_filter);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, country_filter);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, activity_filter);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, track_filter);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, month_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, month_grid);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, undated_row);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, undated_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonEventsPage, timeline_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "events.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "events.previous-month", NULL, previous_month_action);
  gtk_widget_class_install_action (widget_class, "events.next-month", NULL, next_month_action);
  gtk_widget_class_install_action (widget_class, "events.today", NULL, today_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "events.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "events.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "events.next-month", NULL);
  /* As GNOME Calendar. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "events.today", NULL);
}

static void
liaison_events_page_init (LiaisonEventsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
liaison_events_page_new (LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_EVENTS_PAGE, "context", context, NULL);
}

void
liaison_events_page_show_event (LiaisonEventsPage *self, const char *id)
{
  g_return_if_fail (LIAISON_IS_EVENTS_PAGE (self));

  liaison_event_page_set_event_id (self->event_page, id);
  gtk_stack_set_visible_child_name (self->stack, "event");
}

const char *
liaison_events_page_get_shown_event (LiaisonEventsPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "event") != 0)
    return NULL;
  return liaison_event_page_get_event_id (self->event_page);
}

static void
on_editor_saved (LiaisonEventEditor *editor, const char *id, LiaisonEventsPage *self)
{
  liaison_events_page_show_event (self, id);
}

void
liaison_events_page_new_event (LiaisonEventsPage *self, const char *activity)
{
  GtkWidget *editor;

  g_return_if_fail (LIAISON_IS_EVENTS_PAGE (self));

  editor = liaison_event_editor_new (self->context, NULL);
  if (activity != NULL)
    liaison_event_editor_prefill_activity (LIAISON_EVENT_EDITOR (editor), activity);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (editor, "saved", G_CALLBACK (on_editor_saved), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

/* Only the events of one activity (from the Action plan), in the list. */
void
liaison_events_page_filter_activity (LiaisonEventsPage *self, const char *activity)
{
  guint position = 0;

  g_return_if_fail (LIAISON_IS_EVENTS_PAGE (self));

  for (guint i = 0; i < self->activity_codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->activity_codes, i), activity) == 0)
      position = i + 1;
  gtk_stack_set_visible_child_name (self->stack, "browse");
  adw_view_stack_set_visible_child_name (self->view_stack, "list");
  gtk_drop_down_set_selected (self->year_filter, 0);
  gtk_drop_down_set_selected (self->activity_filter, position);
}
