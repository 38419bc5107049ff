/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-plan-activity-row.h"
#include "liaison-plan-page.h"
#include "test-ui-actions.h"

/* The Action plan on a temporary database: 4 directions, 9 actions, 21
 * activities; year chips that follow events added anywhere; 2.1.1's
 * inverted range; the filter; the way to the events. */

static gboolean
not_loading (gpointer page)
{
  gboolean loading;

  g_object_get (page, "loading", &loading, NULL);
  return !loading;
}

static GtkWidget *
plan_page (TestUi *ui, int year)
{
  GtkWidget *page = test_ui_page (ui, "plan");

  g_assert_true (LIAISON_IS_PLAN_PAGE (page));
  g_object_set (page, "year", year, NULL);
  test_ui_show_page (ui, "plan");
  g_assert_true (test_ui_wait_for (not_loading, page, 10));
  return page;
}

static void
collect_rows (GtkWidget *root, GPtrArray *rows)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (LIAISON_IS_PLAN_ACTIVITY_ROW (child))
        g_ptr_array_add (rows, child);
      else
        collect_rows (child, rows);
    }
}

static GtkWidget *
activity_row (GtkWidget *page, const char *code)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  collect_rows (page, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (rows, i)), code) == 0)
      return g_ptr_array_index (rows, i);
  return NULL;
}

/* The codes of the rows a person sees now. */
static char *
shown_codes (GtkWidget *page)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  g_autoptr (GString) codes = g_string_new (NULL);

  collect_rows (page, rows);
  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (rows, i)))
      g_string_append_printf (codes, "%s%s", codes->len > 0 ? " " : "",
                              gtk_widget_get_name (g_ptr_array_index (rows, i)));
  return g_string_free (g_steal_pointer (&codes), FALSE);
}

typedef struct
{
  GtkWidget  *page;
  const char *has;     /* a code that must show, or NULL */
  const char *lacks;   /* a code that must not, or NULL */
  const char *exactly; /* all the codes that show, or NULL */
} Codes;

static gboolean
codes_shown (gpointer data)
{
  Codes           *c = data;
  g_autofree char *codes = shown_codes (c->page);
  g_autofree char *padded = g_strdup_printf (" %s ", codes);
  g_autofree char *has = g_strdup_printf (" %s ", c->has != NULL ? c->has : "");
  g_autofree char *lacks = g_strdup_printf (" %s ", c->lacks != NULL ? c->lacks : "");

  return (c->exactly == NULL || g_str_equal (codes, c->exactly)) && (c->has == NULL || strstr (padded, has) != NULL) &&
         (c->lacks == NULL || strstr (padded, lacks) == NULL);
}

/* Waits for the rows on screen to be what the filter should leave: the
 * rows come and go as the list boxes refilter and the outline and the
 * “nothing matches” page swap (a transition), each on its own turn of the
 * main loop, so the test looks again until they have. */
static void
wait_codes (GtkWidget *page, const char *exactly, const char *has, const char *lacks)
{
  Codes c = { page, has, lacks, exactly };

  if (!test_ui_wait_for (codes_shown, &c, 10))
    {
      g_autofree char *codes = shown_codes (page);

      g_error ("The plan shows “%s”, not %s%s%s%s%s%s", codes, exactly != NULL ? "exactly " : "",
               exactly != NULL ? exactly : "", has != NULL ? " with " : "", has != NULL ? has : "",
               lacks != NULL ? " without " : "", lacks != NULL ? lacks : "");
    }
}

typedef struct
{
  const char *text;
  gboolean    searched;
} Search;

static void
on_search_changed (GtkEditable *entry, Search *search)
{
  /* Setting a text first empties the entry, which searches at once. */
  if (g_str_equal (gtk_editable_get_text (entry), search->text))
    search->searched = TRUE;
}

/* Types into the filter and waits for the page to have filtered (the
 * entry tells it a moment after typing stops) and switched to the rows
 * or the “nothing matches” page. */
static void
type_filter (GtkWidget *page, GtkWidget *entry, const char *text)
{
  Search search = { text, FALSE };
  gulong handler = g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed), &search);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (test_ui_wait_for (test_ui_is_true, &search.searched, 10));
  g_signal_handler_disconnect (entry, handler);
  test_ui_wait_transitions (page);
}

static GtkWidget *
chip (GtkWidget *row, const char *year)
{
  return test_ui_find (row, GTK_TYPE_WIDGET, year);
}

typedef struct
{
  GtkWidget  *page;
  const char *code;
  const char *year;
  const char *css_class;
} ChipState;

static gboolean
chip_has_class (gpointer data)
{
  ChipState *s = data;
  GtkWidget *row = activity_row (s->page, s->code);
  GtkWidget *c = row != NULL ? chip (row, s->year) : NULL;

  return c != NULL && gtk_widget_has_css_class (c, s->css_class);
}

static void
wait_chip (GtkWidget *page, const char *code, const char *year, const char *css_class)
{
  ChipState s = { page, code, year, css_class };

  if (!test_ui_wait_for (chip_has_class, &s, 10))
    {
      GtkWidget *c = chip (activity_row (page, code), year);
      g_error ("%s %s is not “%s” (tooltip: %s)", code, year, css_class,
               c != NULL ? gtk_widget_get_tooltip_text (c) : "no chip");
    }
}

static void
save_event (TestUi *ui, const char *start, const char *activity, LiaisonEventStatus status)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *codes[] = { activity, NULL };

  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_ZH, "海洋塑料研讨会");
  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, "Marine plastics seminar");
  g_assert_true (liaison_event_set_when (event, start, NULL, NULL, &error));
  liaison_event_set_kind (event, LIAISON_EVENT_KIND_SEMINAR);
  liaison_event_set_status (event, status);
  liaison_event_set_activities (event, codes);
  g_assert_true (liaison_store_save_event (ui->store, event, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
}

/* A year chip's tooltip with events, as the catalogue words it. */
static const char *
chip_tooltip (gboolean planned, int year, guint events, guint held)
{
  g_autofree char *counts =
      g_strdup_printf (g_dngettext (NULL, "%1$u event, %2$u held", "%1$u events, %2$u held", events), events, held);
  g_autofree char *text = planned ? g_strdup_printf (_ ("%1$d: planned; %2$s"), year, counts)
                                  : g_strdup_printf (_ ("%1$d: not planned; %2$s"), year, counts);

  return g_intern_string (text);
}

static const char *
missed_years (guint n)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u missed year", "%u missed years", n), n);

  return g_intern_string (text);
}

/* A title of the plan in one language, as the store has it. */
static const char *
plan_title (TestUi *ui, const char *code, LiaisonLanguage language)
{
  g_autoptr (LiaisonPlanItem) item = liaison_store_get_plan_item (ui->store, code, NULL);

  g_assert_nonnull (item);
  /* The store's plan items live as long as the store: keep the text. */
  return g_intern_string (liaison_bilingual_get_text (liaison_plan_item_get_title (item), language));
}

/* Directions → actions → activities, in both languages, and 2.1.1's
 * schedule flagged with what it means. */
static void
test_outline (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *page = plan_page (ui, 2025);
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();
  GtkWidget       *anomalous, *regular;
  LiaisonLanguage  shown = liaison_language_for_locale ();
  LiaisonLanguage  other = liaison_language_other (shown);
  g_autofree char *text = NULL;
  /* “Schedule anomaly: ” as the interface writes it. */
  g_autofree char *anomaly_start =
      g_strndup (_ ("Schedule anomaly: %s. So no year of this activity counts as planned or "
                    "missed; its events still show under the years they took place."),
                 strcspn (_ ("Schedule anomaly: %s. So no year of this activity counts as "
                             "planned or missed; its events still show under the years "
                             "they took place."),
                          "%"));

  collect_rows (page, rows);
  g_assert_cmpuint (rows->len, ==, 21);
  /* Titles in the interface language, the other language under each. */
  g_free (text);
  text = g_strdup_printf (_ ("Strategic direction %1$s: %2$s"), "1", plan_title (ui, "1", shown));
  g_assert_true (test_ui_shows_text (page, text));
  g_free (text);
  text = g_strdup_printf (_ ("Strategic direction %1$s: %2$s"), "4", "");
  g_assert_true (test_ui_shows_text (page, text));
  g_assert_true (test_ui_shows_text (page, plan_title (ui, "1", other)));
  g_free (text);
  text = g_strdup_printf ("2.1 %s", plan_title (ui, "2.1", shown));
  g_assert_true (test_ui_shows_text (page, text));

  regular = activity_row (page, "1.1.1");
  g_assert_true (test_ui_shows_text (regular, "China-ASEAN Environmental Cooperation Liaison Officers' Meeting"));
  g_assert_true (test_ui_shows_text (regular, "中国-东盟环境合作联络员会议"));
  g_free (text);
  text = g_strdup_printf (_ ("Schedule as written: “%1$s”. Planned for %2$s."), "每年一次", "2021–2025");
  g_assert_true (test_ui_shows_text (regular, text));
  g_assert_false (test_ui_shows_text (regular, anomaly_start));

  anomalous = activity_row (page, "2.1.1");
  g_assert_nonnull (anomalous);
  {
    g_autofree char *what =
        g_strdup_printf (_ ("The year range “%s” ends before it starts; no years were taken from it"), "2020-2015");
    g_autoptr (LiaisonPlanItem) item = liaison_store_get_plan_item (ui->store, "2.1.1", NULL);

    g_free (text);
    text = g_strdup_printf (_ ("Schedule anomaly: %s. So no year of this activity counts as planned or missed; "
                               "its events still show under the years they took place."),
                            what);
    g_assert_true (test_ui_shows_text (anomalous, text));
    g_free (text);
    text = g_strdup_printf (_ ("Schedule as written: “%1$s”. Started in %2$d; no planned years could be read."),
                            liaison_schedule_get_text (liaison_plan_item_get_schedule (item)), 2020);
    g_assert_true (test_ui_shows_text (anomalous, text));
  }
  /* No planned year, so none missed. */
  g_assert_cmpuint (liaison_plan_activity_row_get_missed (LIAISON_PLAN_ACTIVITY_ROW (anomalous)), ==, 0);
  g_assert_true (gtk_widget_has_css_class (chip (anomalous, "2023"), "none"));
}

/* Chips follow events added through the store, after the “changed”
 * refresh: planned and to come, an event, held, an unplanned year. */
static void
test_chips (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *page = plan_page (ui, 2025);
  GtkWidget *row = activity_row (page, "1.1.3"); /* 2021, 2023, 2025 */
  GtkWidget *c;

  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (chip (row, "2021"), "missed"));
  g_assert_true (gtk_widget_has_css_class (chip (row, "2022"), "none"));
  g_assert_true (gtk_widget_has_css_class (chip (row, "2023"), "missed"));
  g_assert_true (gtk_widget_has_css_class (chip (row, "2025"), "to-come"));
  g_assert_true (gtk_widget_has_css_class (chip (row, "2025"), "this-year"));
  g_assert_cmpuint (liaison_plan_activity_row_get_missed (LIAISON_PLAN_ACTIVITY_ROW (row)), ==, 2);
  g_assert_true (test_ui_shows_text (row, missed_years (2)));
  {
    g_autofree char *missed = g_strdup_printf (_ ("%d: planned, no event: missed"), 2021);

    g_assert_cmpstr (gtk_widget_get_tooltip_text (chip (row, "2021")), ==, missed);
  }

  save_event (ui, "2025-09-10", "1.1.3", LIAISON_EVENT_STATUS_CONFIRMED);
  wait_chip (page, "1.1.3", "2025", "event");
  c = chip (activity_row (page, "1.1.3"), "2025");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (c), ==, chip_tooltip (TRUE, 2025, 1, 0));

  save_event (ui, "2023-04", "1.1.3", LIAISON_EVENT_STATUS_HELD);
  wait_chip (page, "1.1.3", "2023", "held");
  row = activity_row (page, "1.1.3");
  g_assert_cmpuint (liaison_plan_activity_row_get_missed (LIAISON_PLAN_ACTIVITY_ROW (row)), ==, 1);
  g_assert_true (test_ui_shows_text (row, missed_years (1)));

  /* A year the plan never foresaw shows once it has an event. */
  g_assert_null (chip (row, "2027"));
  save_event (ui, "2027", "1.1.3", LIAISON_EVENT_STATUS_PLANNED);
  wait_chip (page, "1.1.3", "2027", "unplanned");
  c = chip (activity_row (page, "1.1.3"), "2027");
  g_assert_true (gtk_widget_has_css_class (c, "event"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (c), ==, chip_tooltip (FALSE, 2027, 1, 0));
  {
    const char      *lang = g_getenv ("LANGUAGE");
    g_autofree char *shot =
        g_strdup_printf ("plan-chips-%s.png", lang != NULL && g_str_has_prefix (lang, "zh") ? "zh_CN" : "en");
    test_ui_screenshot (ui, shot);
  }

  /* Once the year is over, a planned year with no event is missed. */
  row = activity_row (page, "3.2.3"); /* 2023–2025 */
  g_assert_true (gtk_widget_has_css_class (chip (row, "2025"), "to-come"));
  g_assert_cmpuint (liaison_plan_activity_row_get_missed (LIAISON_PLAN_ACTIVITY_ROW (row)), ==, 2);
  g_object_set (page, "year", 2026, NULL);
  wait_chip (page, "3.2.3", "2025", "missed");
  row = activity_row (page, "3.2.3");
  g_assert_cmpuint (liaison_plan_activity_row_get_missed (LIAISON_PLAN_ACTIVITY_ROW (row)), ==, 3);
  g_assert_true (gtk_widget_has_css_class (chip (activity_row (page, "1.1.3"), "2025"), "event"));
}

/* The filter finds activities by code or by title in either language;
 * “Missed years only” hides those with none. */
static void
test_filter (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *page = plan_page (ui, 2025);
  GtkWidget *entry = test_ui_find (page, GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkWidget *focus;

  /* Ctrl+F in the Action plan filters it (win.search → page.search). */
  test_ui_activate (ui, "win.search", NULL);
  g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "plan");
  test_ui_wait_focus_in (entry);
  focus = gtk_root_get_focus (GTK_ROOT (ui->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, entry));

  type_filter (page, entry, "mangrove");
  wait_codes (page, "3.2.2", NULL, NULL);
  {
    g_autofree char *first = g_strdup_printf (_ ("Strategic direction %1$s: %2$s"), "1", "");
    g_autofree char *third = g_strdup_printf (_ ("Strategic direction %1$s: %2$s"), "3", "");

    g_assert_false (test_ui_shows_text (page, first));
    g_assert_true (test_ui_shows_text (page, third));
  }

  type_filter (page, entry, "红树林");
  wait_codes (page, "3.2.2", NULL, NULL);

  type_filter (page, entry, "2.1");
  wait_codes (page, "2.1.1 2.1.2 2.1.3", NULL, NULL);

  type_filter (page, entry, "zqxjw");
  wait_codes (page, "", NULL, NULL);
  {
    g_autofree char *none = g_strdup_printf (_ ("No activity has “%s” in its code or title. Try a code such as 2.1, "
                                                "or a word in Chinese or English."),
                                             "zqxjw");

    test_ui_wait_shown (page, none);
  }

  type_filter (page, entry, "");
  wait_codes (page, NULL, "2.1.1", NULL);
  g_assert_true (gtk_widget_activate_action (page, "page.missed-only", NULL));
  test_ui_wait_transitions (page);
  wait_codes (page, NULL, "1.1.1", "2.1.1");
  g_assert_true (gtk_widget_activate_action (page, "page.missed-only", NULL));
  test_ui_wait_transitions (page);
  wait_codes (page, NULL, "2.1.1", NULL);
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *widget;
} Focus;

static gboolean
has_focus (gpointer data)
{
  Focus *f = data;

  return gtk_root_get_focus (GTK_ROOT (f->window)) == f->widget;
}

/* Waits for the keyboard focus to be on widget. */
static void
wait_focus (TestUi *ui, GtkWidget *widget)
{
  Focus f = { GTK_WIDGET (ui->window), widget };

  test_ui_wait_for (has_focus, &f, 10);
}

/* Up and Down walk the activities from one action to the next. */
static void
test_keyboard (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *page = plan_page (ui, 2025);
  GtkWidget *last_of_1_1 = activity_row (page, "1.1.4");
  GtkWidget *first_of_1_2 = activity_row (page, "1.2.1");
  GtkWidget *list = gtk_widget_get_parent (last_of_1_1);

  g_assert_true (gtk_widget_grab_focus (last_of_1_1));
  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  wait_focus (ui, first_of_1_2);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (ui->window)) == first_of_1_2);

  g_signal_emit_by_name (gtk_widget_get_parent (first_of_1_2), "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, -1, FALSE,
                         FALSE);
  wait_focus (ui, last_of_1_1);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (ui->window)) == last_of_1_1);
}

static GtkWidget *
button_labelled (GtkWidget *root, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = button_labelled (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A year chip and “Show Events” open the activity's events; “New Event”
 * opens the editor for it. */
static void
test_actions (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *page = plan_page (ui, 2025);
  g_autoptr (TestActions) actions = test_actions_new (ui, page);
  GtkWidget *row = activity_row (page, "1.1.3");
  GtkWidget *button;
  char      *fired;

  g_signal_emit_by_name (chip (row, "2021"), "clicked");
  fired = test_actions_wait (actions);
  g_assert_cmpstr (fired, ==, "show-activity-events('1.1.3')");
  g_free (fired);
  g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "events");

  test_ui_show_page (ui, "plan");
  g_signal_emit_by_name (button_labelled (row, C_ ("plan activity", "Show Events")), "clicked");
  fired = test_actions_wait (actions);
  g_assert_cmpstr (fired, ==, "show-activity-events('1.1.3')");
  g_free (fired);

  test_ui_show_page (ui, "plan");
  button = button_labelled (row, C_ ("plan activity", "New Event"));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  fired = test_actions_wait (actions);
  g_assert_cmpstr (fired, ==, "new-event-for-activity('1.1.3')");
  g_free (fired);
  g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "events");

  /* Enter on the row itself shows the events too. */
  test_ui_show_page (ui, "plan");
  gtk_widget_activate (activity_row (page, "2.1.1"));
  fired = test_actions_wait (actions);
  g_assert_cmpstr (fired, ==, "show-activity-events('2.1.1')");
  g_free (fired);
}

/* test-ui.h builds one window per process (the application it registers
 * outlives the test), so each test runs in a process of its own. */
static void
run_alone (gconstpointer data)
{
  void (*test) (void) = (void (*) (void)) data;

  if (g_test_subprocess ())
    {
      test ();
      return;
    }
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  /* These tests read the widgets themselves; without an AT-SPI bus of
   * their own, UI tests running side by side do not share one. */
  g_setenv ("GTK_A11Y", "none", TRUE);
  test_ui_init (&argc, &argv);

  g_test_add_data_func ("/liaison/plan/outline", (gconstpointer) test_outline, run_alone);
  g_test_add_data_func ("/liaison/plan/chips", (gconstpointer) test_chips, run_alone);
  g_test_add_data_func ("/liaison/plan/filter", (gconstpointer) test_filter, run_alone);
  g_test_add_data_func ("/liaison/plan/actions", (gconstpointer) test_actions, run_alone);
  g_test_add_data_func ("/liaison/plan/keyboard", (gconstpointer) test_keyboard, run_alone);

  return g_test_run ();
}
