/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-about.h"
#include "liaison-gui-format.h"
#include "liaison-preferences-window.h"
#include "test-ui.h"

/* Preferences, through its widgets: the choices land in the settings, and
 * a new interface language says when it applies. */

/* The calendar and address book rows: Liaison's own first and chosen by
 * default; a collection chosen before is offered and selected before the
 * server is asked (here there is none); choosing Liaison's own again
 * empties the setting. */
static void
test_sync_collections (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (GSettings) settings = g_settings_new ("org.chinaaseanenv.Liaison");
  AdwComboRow *calendar;
  AdwComboRow *address_book;
  GtkWidget   *prefs;

  g_settings_set_string (settings, "calendar-url", "https://dav.example.org/secretariat/office/");
  prefs = liaison_preferences_window_new (ui->context);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (ui->window));
  gtk_window_present (GTK_WINDOW (prefs));
  test_ui_wait_mapped (prefs);

  calendar = ADW_COMBO_ROW (test_ui_get_id (prefs, "calendar_row"));
  address_book = ADW_COMBO_ROW (test_ui_get_id (prefs, "address_book_row"));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (calendar)), ==, 2);
  g_assert_cmpuint (adw_combo_row_get_selected (calendar), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (address_book)), ==, 1);
  g_assert_cmpuint (adw_combo_row_get_selected (address_book), ==, 0);

  adw_combo_row_set_selected (calendar, 0);
  g_assert_cmpstr (g_settings_get_string (settings, "calendar-url"), ==, "");
  adw_combo_row_set_selected (calendar, 1);
  g_assert_cmpstr (g_settings_get_string (settings, "calendar-url"), ==, "https://dav.example.org/secretariat/office/");

  g_settings_reset (settings, "calendar-url");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_preferences (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (GSettings) settings = g_settings_new ("org.chinaaseanenv.Liaison");
  GtkWidget       *prefs;
  AdwComboRow     *zone;
  GListModel      *zones;
  guint            yangon = GTK_INVALID_LIST_POSITION;
  g_autofree char *database = NULL;

  prefs = liaison_preferences_window_new (ui->context);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (ui->window));
  gtk_window_present (GTK_WINDOW (prefs));
  test_ui_wait_mapped (prefs);

  /* The template built (a property newer than libadwaita 1.2 would leave
   * it empty): every row is there, the database's path shown. */
  zone = ADW_COMBO_ROW (test_ui_get_id (prefs, "zone_row"));
  g_assert_nonnull (test_ui_get_id (prefs, "weekday_row"));
  g_assert_nonnull (test_ui_get_id (prefs, "language_row"));
  database = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (test_ui_get_id (prefs, "database_row"))));
  g_assert_cmpstr (database, ==, liaison_store_get_path (ui->store));

  /* Zones: the system's first, then the member countries' (Yangon among
   * them, before any zone of a country outside the region). */
  zones = adw_combo_row_get_model (zone);
  g_assert_cmpuint (g_list_model_get_n_items (zones), >, 100);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (zones, i);

      if (g_str_equal (gtk_string_object_get_string (item), "Asia/Yangon"))
        yangon = i;
    }
  g_assert_cmpuint (yangon, <, 20);
  adw_combo_row_set_selected (zone, yangon);
  g_assert_cmpstr (g_settings_get_string (settings, "time-zone"), ==, "Asia/Yangon");
  {
    g_autoptr (GTimeZone) chosen = liaison_context_dup_time_zone (ui->context);
    g_assert_cmpstr (g_time_zone_get_identifier (chosen), ==, "Asia/Yangon");
  }

  /* First day of the week. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_ui_get_id (prefs, "weekday_row")), 2);
  g_assert_cmpstr (g_settings_get_string (settings, "first-day-of-week"), ==, "sunday");
  g_assert_cmpint (liaison_context_get_first_weekday (ui->context), ==, G_DATE_SUNDAY);

  /* A new language is stored and said to apply at the next start, with
   * Restart Now to apply it at once (tests/test-restart.py restarts). */
  g_assert_false (gtk_widget_get_visible (test_ui_get_id (prefs, "language_note")));
  g_assert_false (gtk_widget_get_visible (test_ui_get_id (prefs, "restart_button")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_ui_get_id (prefs, "language_row")), 1);
  g_assert_cmpstr (g_settings_get_string (settings, "interface-language"), ==, "zh_CN");
  g_assert_true (gtk_widget_get_visible (test_ui_get_id (prefs, "language_note")));
  g_assert_true (gtk_widget_get_visible (test_ui_get_id (prefs, "restart_button")));
  test_ui_wait_mapped (test_ui_get_id (prefs, "language_note"));
  test_ui_screenshot_widget (prefs, g_str_has_prefix (g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "", "zh")
                                        ? "preferences-zh_CN.png"
                                        : "preferences-en.png");

  g_settings_reset (settings, "interface-language");
  g_settings_reset (settings, "time-zone");
  g_settings_reset (settings, "first-day-of-week");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* The heading of the month calendar's first column. */
static const char *
first_column (GtkWidget *events)
{
  GtkWidget *heading = gtk_grid_get_child_at (GTK_GRID (test_ui_get_id (events, "month_grid")), 0, 0);

  g_assert_true (GTK_IS_LABEL (heading));
  return gtk_label_get_text (GTK_LABEL (heading));
}

typedef struct
{
  GtkWidget  *events;
  const char *heading;
} FirstColumn;

static gboolean
first_column_is (gpointer data)
{
  FirstColumn *f = data;
  GtkWidget   *heading = gtk_grid_get_child_at (GTK_GRID (test_ui_get_id (f->events, "month_grid")), 0, 0);

  return GTK_IS_LABEL (heading) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (heading)), f->heading) == 0;
}

/* Waits for the calendar's first column to be the weekday's. */
static void
wait_first_column (GtkWidget *events, GDateWeekday weekday)
{
  FirstColumn f = { events, liaison_gui_weekday_abbreviation (weekday) };

  test_ui_wait_for (first_column_is, &f, 10);
}

/* The month calendar follows the first day of the week as it is changed,
 * without reopening; "as the language has it" is the C library's locale
 * data (GtkCalendar's source), not a fixed Monday. */
static void
test_first_weekday (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (GSettings) settings = g_settings_new ("org.chinaaseanenv.Liaison");
  GtkWidget  *events = test_ui_page (ui, "events");
  const char *time_locale = setlocale (LC_TIME, NULL);

  g_settings_set_string (settings, "first-day-of-week", "monday");
  test_ui_show_page (ui, "events");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (test_ui_get_id (events, "view_stack")), "month");
  test_ui_wait_loaded (events);
  wait_first_column (events, G_DATE_MONDAY);
  g_assert_cmpstr (first_column (events), ==, liaison_gui_weekday_abbreviation (G_DATE_MONDAY));

  g_settings_set_string (settings, "first-day-of-week", "sunday");
  wait_first_column (events, G_DATE_SUNDAY);
  g_assert_cmpstr (first_column (events), ==, liaison_gui_weekday_abbreviation (G_DATE_SUNDAY));
  g_settings_set_string (settings, "first-day-of-week", "saturday");
  wait_first_column (events, G_DATE_SATURDAY);
  g_assert_cmpstr (first_column (events), ==, liaison_gui_weekday_abbreviation (G_DATE_SATURDAY));

  /* Changed while another view is shown: right when the calendar is back. */
  test_ui_show_page (ui, "overview");
  g_settings_set_string (settings, "first-day-of-week", "monday");
  test_ui_show_page (ui, "events");
  test_ui_wait_loaded (events);
  wait_first_column (events, G_DATE_MONDAY);
  g_assert_cmpstr (first_column (events), ==, liaison_gui_weekday_abbreviation (G_DATE_MONDAY));

  /* The suite runs in the C locale, whose weeks start on Sunday. */
  g_settings_set_string (settings, "first-day-of-week", "locale");
  if (g_strcmp0 (time_locale, "C") == 0 || g_str_has_prefix (time_locale, "C.") ||
      g_strcmp0 (time_locale, "POSIX") == 0)
    {
      wait_first_column (events, G_DATE_SUNDAY);
      g_assert_cmpint (liaison_context_get_first_weekday (ui->context), ==, G_DATE_SUNDAY);
      g_assert_cmpstr (first_column (events), ==, liaison_gui_weekday_abbreviation (G_DATE_SUNDAY));
    }
  else
    g_test_message ("LC_TIME is %s: the locale's first weekday is not checked", time_locale);

  g_settings_reset (settings, "first-day-of-week");
}

/* About reads the release notes from the metainfo, where each paragraph
 * and item is followed by its translations: each is shown in the
 * interface language where it has one, as written where it has not, and
 * the markup stays whole (libadwaita would refuse it otherwise). */
static const char notes_metainfo[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<component type=\"desktop-application\">\n"
    "  <name>Liaison</name>\n"
    "  <name xml:lang=\"zh_CN\">联络</name>\n"
    "  <summary>Plan cooperation events</summary>\n"
    "  <description><p>The app.</p><p xml:lang=\"zh_CN\">应用。</p></description>\n"
    "  <releases>\n"
    "    <release version=\"0.2.0\">\n"
    "      <description>\n"
    "        <p>New: <em>check-in</em> &amp; badges.</p>\n"
    "        <p xml:lang=\"zh_CN\">新增：<em>签到</em>和胸牌。</p>\n"
    "        <p xml:lang=\"fr\">Nouveau : l’accueil.</p>\n"
    "        <ul>\n"
    "          <li>Faster search</li>\n"
    "          <li xml:lang=\"zh_CN\">搜索更快</li>\n"
    "          <li>Fewer clicks</li>\n"
    "        </ul>\n"
    "        <p>Thanks to the secretariat.</p>\n"
    "      </description>\n"
    "    </release>\n"
    "    <release version=\"0.1.0\"><description><p>Older.</p></description></release>\n"
    "  </releases>\n"
    "</component>\n";

static char *
release_notes_in (const char *language)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static (notes_metainfo, strlen (notes_metainfo));
  g_autoptr (GError) error = NULL;
  const char *languages[] = { language, "C", NULL };
  GtkWidget  *about;
  char       *notes = NULL;
  char       *version = NULL;

  about = liaison_about_window_new_from_bytes (bytes, languages, &error);
  g_assert_no_error (error);
  g_assert_nonnull (about);
  g_object_get (about, "release-notes", &notes, "release-notes-version", &version, NULL);
  g_assert_cmpstr (version, ==, "0.2.0");
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==,
                   g_str_equal (language, "zh_CN") ? "联络" : "Liaison");
  g_free (version);
  gtk_window_destroy (GTK_WINDOW (about));
  return notes;
}

static void
test_about_release_notes (void)
{
  g_autofree char *english = release_notes_in ("en");
  g_autofree char *chinese = release_notes_in ("zh_CN");
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (english, ==,
                   "<p>New: <em>check-in</em> &amp; badges.</p>"
                   "<ul><li>Faster search</li><li>Fewer clicks</li></ul>"
                   "<p>Thanks to the secretariat.</p>");
  g_assert_cmpstr (chinese, ==,
                   "<p>新增：<em>签到</em>和胸牌。</p>"
                   "<ul><li>搜索更快</li><li>Fewer clicks</li></ul>"
                   "<p>Thanks to the secretariat.</p>");

  /* Well-formed markup, element for element. */
  {
    g_autofree char           *wrapped = g_strdup_printf ("<notes>%s</notes>", chinese);
    static const GMarkupParser nothing = {
      0,
    };
    g_autoptr (GMarkupParseContext) context = g_markup_parse_context_new (&nothing, 0, NULL, NULL);

    g_assert_true (g_markup_parse_context_parse (context, wrapped, -1, &error));
    g_assert_true (g_markup_parse_context_end_parse (context, &error));
    g_assert_no_error (error);
  }
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/preferences/choices", test_preferences);
  g_test_add_func ("/liaison/preferences/first-weekday", test_first_weekday);
  g_test_add_func ("/liaison/preferences/sync-collections", test_sync_collections);
  g_test_add_func ("/liaison/about/release-notes", test_about_release_notes);

  return g_test_run ();
}
