/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-overview-page.h"
#include "test-ui-actions.h"

/* The Overview on a temporary database (the plan and the 62 history
 * events): this year's plan, the next events in their zone and the
 * person's, recent changes, and the search over events and people. */

static gboolean
not_loading (gpointer page)
{
  gboolean loading;

  g_object_get (page, "loading", &loading, NULL);
  return !loading;
}

static GtkListBox *
list_named (GtkWidget *page, const char *name)
{
  GtkWidget *list = test_ui_find (page, GTK_TYPE_LIST_BOX, name);

  g_assert_nonnull (list);
  return GTK_LIST_BOX (list);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The row of list whose labels show text. */
static GtkWidget *
row_showing (GtkListBox *list, const char *text)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (test_ui_shows_text (GTK_WIDGET (row), text))
      return GTK_WIDGET (row);
  return NULL;
}

static char *
row_texts (GtkWidget *row)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      g_autofree char *inner = row_texts (w);

      if (GTK_IS_LABEL (w) && gtk_widget_get_visible (w))
        g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (w)));
      g_string_append (out, inner);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static LiaisonEvent *
save_event (TestUi            *ui,
            const char        *title_zh,
            const char        *title_en,
            const char        *start,
            const char        *zone,
            const char        *activity,
            LiaisonEventStatus status)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *codes[] = { activity, NULL };

  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_ZH, title_zh);
  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, title_en);
  g_assert_true (liaison_event_set_when (event, start, NULL, zone, &error));
  g_assert_no_error (error);
  liaison_event_set_kind (event, LIAISON_EVENT_KIND_WORKSHOP);
  liaison_event_set_status (event, status);
  liaison_event_set_country (event, "MM");
  liaison_bilingual_set_text (liaison_event_get_city (event), LIAISON_LANGUAGE_EN, "Yangon");
  liaison_bilingual_set_text (liaison_event_get_city (event), LIAISON_LANGUAGE_ZH, "仰光");
  liaison_event_set_capacity (event, 40);
  if (activity != NULL)
    liaison_event_set_activities (event, codes);
  g_assert_true (liaison_store_save_event (ui->store, event, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&event);
}

static LiaisonParticipant *
save_li_xia (TestUi *ui)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_participant_set_native_name (p, "李", "霞");
  liaison_participant_set_latin_name (p, "Li", "Xia");
  liaison_participant_set_country (p, "CN");
  g_assert_true (liaison_store_save_participant (ui->store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&p);
}

static GtkWidget *
overview (TestUi *ui, int year)
{
  GtkWidget *page = test_ui_page (ui, "overview");
  GSettings *settings = liaison_context_get_settings (ui->context);

  g_assert_true (LIAISON_IS_OVERVIEW_PAGE (page));
  g_settings_set_string (settings, "time-zone", "Asia/Shanghai");
  g_object_set (page, "year", year, NULL);
  test_ui_show_page (ui, "overview");
  g_assert_true (test_ui_wait_for (not_loading, page, 10));
  return page;
}

/* The summary of this year's plan, as the catalogue words it. */
static const char *
activities_without_event (guint open, guint planned)
{
  g_autofree char *text =
      g_strdup_printf (g_dngettext (NULL, "%1$u of %2$u activities planned for %3$d has no event yet.",
                                    "%1$u of %2$u activities planned for %3$d have no event yet.", open),
                       open, planned, 2025);

  return g_intern_string (text);
}

/* Activities planned for the year with no event yet; an event added
 * anywhere for one of them takes it off the list. */
static void
test_this_year (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *page = overview (ui, 2025);
  g_autoptr (TestActions) actions = test_actions_new (ui, page);
  g_autoptr (GPtrArray) plan = liaison_store_list_plan (ui->store, NULL);
  g_autoptr (LiaisonEvent) event = NULL;
  g_autofree char *fired = NULL;
  GtkListBox      *list = list_named (page, "this-year");
  GtkWidget       *row, *button;
  guint            planned = 0;

  for (guint i = 0; i < plan->len; i++)
    {
      LiaisonPlanItem *item = g_ptr_array_index (plan, i);
      LiaisonSchedule *schedule = liaison_plan_item_get_schedule (item);

      if (liaison_plan_item_get_level (item) == LIAISON_PLAN_LEVEL_ACTIVITY && schedule != NULL &&
          liaison_schedule_has_year (schedule, 2025))
        planned++;
    }
  g_assert_cmpuint (planned, ==, 17);
  g_assert_cmpuint (count_rows (list), ==, planned);
  {
    g_autofree char *heading = g_strdup_printf (_ ("Planned for %d"), 2025);

    g_assert_true (test_ui_shows_text (page, heading));
    g_assert_true (test_ui_shows_text (page, activities_without_event (17, 17)));
  }
  g_assert_nonnull (row_showing (list, "1.1.3 "));
  /* 1.1.2 (2022, 2024) is not planned for 2025. */
  g_assert_null (row_showing (list, "1.1.2 "));

  event = save_event (ui, "2025 年海洋塑料研讨会", "Marine plastics seminar 2025", "2025-09-10", NULL, "1.1.3",
                      LIAISON_EVENT_STATUS_CONFIRMED);
  test_ui_wait_shown (page, activities_without_event (16, 17));
  g_assert_null (row_showing (list, "1.1.3 "));
  g_assert_cmpuint (count_rows (list), ==, 16);

  /* A picture for the docs, with an event ahead. */
  if (g_getenv ("LIAISON_SCREENSHOT_DIR") != NULL)
    {
      g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *start = g_strdup_printf ("%d-03-10T09:00", g_date_time_get_year (now) + 1);
      g_autoptr (LiaisonEvent) ahead =
          save_event (ui, "中国—东盟海洋塑料青年论坛", "China-ASEAN youth forum on marine plastics", start,
                      "Asia/Yangon", "2.3.2", LIAISON_EVENT_STATUS_CONFIRMED);
      const char      *lang = g_getenv ("LANGUAGE");
      g_autofree char *shot =
          g_strdup_printf ("overview-dashboard-%s.png", lang != NULL && g_str_has_prefix (lang, "zh") ? "zh_CN" : "en");

      test_ui_wait_shown (page,
                          liaison_bilingual_get_display (liaison_event_get_title (ahead), liaison_language_for_locale ()));
      test_ui_screenshot (ui, shot);
    }

  /* “New Event” on a row opens the editor for that activity. */
  row = row_showing (list, "1.1.4 ");
  g_assert_nonnull (row);
  button = test_ui_find (row, GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  fired = test_actions_wait (actions);
  g_assert_cmpstr (fired, ==, "new-event-for-activity('1.1.4')");
  g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "events");
}

/* After 2025 the framework plans nothing: the section says so and leads
 * to the Action plan. */
static void
test_plan_ended (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *page = overview (ui, 2026);

  g_assert_cmpuint (count_rows (list_named (page, "this-year")), ==, 0);
  {
    g_autofree char *ended = g_strdup_printf (_ ("The %1$d–%2$d Plan Has Ended"), 2021, 2025);

    g_assert_true (test_ui_shows_text (page, ended));
    g_assert_true (test_ui_shows_text (page, _ ("Open the Action Plan")));
  }
}

/* An event in Yangon shows at 09:00 Yangon time and 10:30 in Shanghai,
 * the person's zone; past and cancelled events do not show. */
static void
test_next_events (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *page = overview (ui, 0);
  g_autoptr (TestActions) actions = test_actions_new (ui, page);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  int              next_year = g_date_time_get_year (now) + 1;
  g_autofree char *start = g_strdup_printf ("%d-03-10T09:00", next_year);
  g_autofree char *later = g_strdup_printf ("%d-05", next_year);
  g_autofree char *expected = NULL;
  g_autofree char *fired = NULL;
  g_autofree char *texts = NULL;
  g_autoptr (LiaisonEvent) yangon = NULL;
  g_autoptr (LiaisonEvent) may = NULL;
  g_autoptr (LiaisonEvent) cancelled = NULL;
  g_autoptr (LiaisonEvent) past = NULL;
  GtkListBox *list = list_named (page, "next-events");
  GtkWidget  *row;

  /* The history is all held: nothing is ahead yet. */
  g_assert_true (test_ui_shows_text (page, _ ("No Upcoming Events")));

  may = save_event (ui, "五月论坛", "May forum", later, NULL, NULL, LIAISON_EVENT_STATUS_PLANNED);
  yangon =
      save_event (ui, "仰光研讨会", "Yangon workshop", start, "Asia/Yangon", "1.1.1", LIAISON_EVENT_STATUS_CONFIRMED);
  cancelled =
      save_event (ui, "取消的会议", "Cancelled meeting", start, "Asia/Yangon", NULL, LIAISON_EVENT_STATUS_CANCELLED);
  past = save_event (ui, "过去的会议", "Past meeting", "2020-03-10T09:00", "Asia/Yangon", NULL,
                     LIAISON_EVENT_STATUS_PLANNED);
  test_ui_wait_shown (GTK_WIDGET (list), "Yangon workshop");

  g_assert_cmpuint (count_rows (list), ==, 2);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  texts = row_texts (row);
  g_test_message ("first next event: %s", texts);
  g_assert_true (test_ui_shows_text (row, "Yangon workshop"));
  g_assert_true (test_ui_shows_text (row, "09:00 Yangon time (10:30 yours)"));
  expected = g_strdup_printf ("10 March %d", next_year);
  g_assert_true (test_ui_shows_text (row, expected));
  g_assert_true (test_ui_shows_text (row, "Workshop · Yangon, Myanmar · Confirmed"));
  g_assert_true (test_ui_shows_text (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)), "May forum"));
  g_assert_null (row_showing (list, "Cancelled meeting"));
  g_assert_null (row_showing (list, "Past meeting"));

  /* In the person's zone: Yangon's 09:00 is 11:30 in Tokyo. */
  g_settings_set_string (liaison_context_get_settings (ui->context), "time-zone", "Asia/Tokyo");
  test_ui_wait_shown (GTK_WIDGET (list), "09:00 Yangon time (11:30 yours)");

  gtk_widget_activate (row_showing (list, "Yangon workshop"));
  fired = test_actions_wait (actions);
  g_free (expected);
  expected = g_strdup_printf ("show-event('%s')", liaison_event_get_id (yangon));
  g_assert_cmpstr (fired, ==, expected);
  g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "events");
}

/* The journal as sentences, newest first, with who made each change. */
static void
test_recent_changes (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *page = overview (ui, 0);
  g_autoptr (TestActions) actions = test_actions_new (ui, page);
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (LiaisonParticipant) li = NULL;
  g_autoptr (LiaisonRegistration) registration = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fired = NULL;
  g_autofree char *expected = NULL;
  GtkListBox      *list = list_named (page, "recent-changes");
  GtkWidget       *row;

  /* The first-run content is no one's change. */
  g_assert_true (test_ui_shows_text (page, _ ("No Changes Yet")));

  event = save_event (ui, "仰光研讨会", "Yangon workshop", "2030-03-10T09:00", "Asia/Yangon", "1.1.1",
                      LIAISON_EVENT_STATUS_PLANNED);
  test_ui_wait_shown (GTK_WIDGET (list), "New event “Yangon workshop”");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (test_ui_shows_text (row, "This office · just now"));

  liaison_event_set_capacity (event, 50);
  g_assert_true (liaison_store_save_event (ui->store, event, LIAISON_ORIGIN_REMOTE, &error));
  g_assert_no_error (error);
  test_ui_wait_shown (GTK_WIDGET (list), "Event “Yangon workshop” changed: capacity 40 → 50");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (test_ui_shows_text (row, "The secretariat"));

  li = save_li_xia (ui);
  registration =
      liaison_store_register (ui->store, liaison_event_get_id (event), liaison_participant_get_id (li),
                              LIAISON_ROLE_SPEAKER, LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_set_registration_status (ui->store, liaison_registration_get_id (registration),
                                                        LIAISON_REGISTRATION_CONFIRMED, LIAISON_ORIGIN_LOCAL, NULL,
                                                        &error));
  g_assert_no_error (error);
  test_ui_wait_shown (GTK_WIDGET (list), "Registration of 李霞 to “Yangon workshop”: Confirmed");
  g_assert_nonnull (row_showing (list, "李霞 registered for “Yangon workshop”"));
  g_assert_nonnull (row_showing (list, "New participant 李霞"));
  g_assert_true (count_rows (list) >= 5);

  gtk_widget_activate (row_showing (list, "New participant 李霞"));
  fired = test_actions_wait (actions);
  expected = g_strdup_printf ("show-participant('%s')", liaison_participant_get_id (li));
  g_assert_cmpstr (fired, ==, expected);
  g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "participants");

  /* A deleted event keeps its sentence but no longer opens. */
  g_assert_true (liaison_store_delete_event (ui->store, liaison_event_get_id (event), LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  test_ui_wait_shown (GTK_WIDGET (list), "Event “Yangon workshop” deleted, with its 1 registration");
  row = row_showing (list, "Event “Yangon workshop” deleted");
  g_assert_null (row_showing (list, "removed"));
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
}

static gboolean
first_row_mapped (gpointer list)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  return row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row));
}

/* Waits for the first row of a list of results to be on screen: Enter in
 * the search opens the first result a person sees, and none before. */
static void
wait_first_row (GtkListBox *list)
{
  if (!test_ui_wait_for (first_row_mapped, list, 10))
    g_error ("The first result of %s never showed", gtk_widget_get_name (GTK_WIDGET (list)));
}

/* Ctrl+F on the Overview searches events and people across scripts;
 * Enter or a click opens a result. */
static void
test_search (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *page = overview (ui, 0);
  g_autoptr (TestActions) actions = test_actions_new (ui, page);
  g_autoptr (LiaisonParticipant) li = save_li_xia (ui);
  g_autofree char *fired = NULL;
  g_autofree char *expected = NULL;
  GtkWidget       *entry = test_ui_find (page, GTK_TYPE_SEARCH_ENTRY, NULL);
  GtkListBox      *people = list_named (page, "people-results");
  GtkListBox      *events;

  /* From a view without a search of its own, Ctrl+F (win.search) lands in
   * the Overview's search. */
  test_ui_show_page (ui, "translation");
  test_ui_activate (ui, "win.search", NULL);
  g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "overview");
  test_ui_wait_focus_in (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), "li xia");
  test_ui_wait_shown (GTK_WIDGET (people), "李霞 (Li Xia)");
  wait_first_row (people);
  g_assert_cmpuint (count_rows (people), ==, 1);

  /* Enter opens the first result. */
  g_signal_emit_by_name (entry, "activate");
  fired = test_actions_wait (actions);
  expected = g_strdup_printf ("show-participant('%s')", liaison_participant_get_id (li));
  g_assert_cmpstr (fired, ==, expected);
  g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "participants");

  /* Two Chinese characters find the forums of the history. */
  test_ui_show_page (ui, "overview");
  gtk_editable_set_text (GTK_EDITABLE (entry), "论坛");
  events = list_named (page, "event-results");
  test_ui_wait_shown (GTK_WIDGET (events),
                      test_ui_chinese () ? "中国-东盟环境合作论坛" : "China-ASEAN Environmental Cooperation Forum");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (people)) && count_rows (people) > 0);
  g_clear_pointer (&fired, g_free);
  g_clear_pointer (&expected, g_free);
  wait_first_row (events);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (events, 0)));
  fired = test_actions_wait (actions);
  g_assert_true (g_str_has_prefix (fired, "show-event('"));
  g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "events");

  /* Nothing found says what can be searched. */
  test_ui_show_page (ui, "overview");
  gtk_editable_set_text (GTK_EDITABLE (entry), "zqxjw");
  {
    g_autofree char *nothing =
        g_strdup_printf (_ ("Nothing matches “%s”. People are found by their name in any script "
                            "(李霞 or li xia), their organisation or e-mail address; events by their "
                            "title, from two characters in Chinese."),
                         "zqxjw");

    test_ui_wait_shown (page, nothing);
  }

  /* Emptying the search brings the dashboard back. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  test_ui_wait_shown (page, _ ("Recent Changes"));
  test_ui_wait_hidden (page, "zqxjw");
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

  g_test_add_data_func ("/liaison/overview/this-year", (gconstpointer) test_this_year, run_alone);
  g_test_add_data_func ("/liaison/overview/plan-ended", (gconstpointer) test_plan_ended, run_alone);
  g_test_add_data_func ("/liaison/overview/next-events", (gconstpointer) test_next_events, run_alone);
  g_test_add_data_func ("/liaison/overview/recent-changes", (gconstpointer) test_recent_changes, run_alone);
  g_test_add_data_func ("/liaison/overview/search", (gconstpointer) test_search, run_alone);

  return g_test_run ();
}
