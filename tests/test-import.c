/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-event-page.h"
#include "liaison-import-dialog.h"
#include "test-ui.h"

/* Importing a roster from the window, as an organiser does: a GB18030 file
 * from Chinese Excel, read first with the wrong encoding, then the right
 * one; the preview, the review of who is here already, Import, Undo. */

static const char roster[] =
    "姓名,英文姓名,国家,单位,电子邮件\r\n"
    "李霞,LI Xia,中国,中国—东盟环境保护合作中心,li.xia@example.cn\r\n"
    "สมชาย ใจดี,Somchai Jaidee,Thailand,Pollution Control Department,somchai@example.th\r\n"
    "ហ៊ុន សុខា,Hun Sokha,Cambodia,Ministry of Environment,sokha@example.kh\r\n"
    "Nguyễn Thị Minh Khai,,Viet Nam,MONRE,khai@\r\n"
    "王芳,Wang Fang,中国,生态环境部,wang.fang@example.cn\r\n";

typedef struct
{
  GtkWidget  *dialog;
  const char *page;
} PageWait;

static gboolean
on_page (gpointer data)
{
  PageWait *w = data;
  GtkStack *stack = GTK_STACK (test_ui_get_id (w->dialog, "stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), w->page) == 0 && !liaison_import_dialog_is_busy (LIAISON_IMPORT_DIALOG (w->dialog)) &&
         test_ui_transitions_done (w->dialog);
}

static void
wait_page (GtkWidget *dialog, const char *page)
{
  PageWait w = { dialog, page };

  if (!test_ui_wait_for (on_page, &w, 30))
    g_error ("The import never showed its %s page (it shows %s)", page,
             gtk_stack_get_visible_child_name (GTK_STACK (test_ui_get_id (dialog, "stack"))));
}

static void
choose_item (GtkWidget *dialog, const char *id, const char *encoding)
{
  AdwComboRow *row = ADW_COMBO_ROW (test_ui_get_id (dialog, id));
  GListModel  *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), encoding))
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("No item %s to choose", encoding);
}

static void
test_roster (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autofree char *path = g_build_filename (ui->dir, "名单.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonParticipant) wang = liaison_participant_new (NULL);
  const char      *emails[] = { "wang.fang@example.cn", NULL };
  gsize            length = 0;
  g_autofree char *gb = g_convert (roster, -1, "GB18030", "UTF-8", NULL, &length, &error);
  GtkWidget       *dialog;
  g_autofree char *summary = NULL;
  g_autofree char *imported = NULL;
  g_autoptr (AdwToast) before = NULL;
  guint people;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, gb, length, NULL));
  liaison_participant_set_native_name (wang, "王", "芳");
  liaison_participant_set_emails (wang, emails);
  g_assert_true (liaison_store_save_participant (ui->store, wang, LIAISON_ORIGIN_LOCAL, NULL));
  people = liaison_store_count_participants (ui->store);

  dialog = liaison_import_dialog_new (ui->context, file);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (ui->window));
  gtk_window_present (GTK_WINDOW (dialog));
  test_ui_wait_mapped (dialog);
  wait_page (dialog, "columns");
  /* The preview shows the rows as they will be read. */
  test_ui_wait_shown (dialog, "李霞 (LI Xia)");
  test_ui_wait_shown (dialog, "สมชาย ใจดี (Somchai Jaidee)");
  test_ui_screenshot_widget (dialog, test_ui_chinese () ? "import-preview-zh_CN.png" : "import-preview-en.png");

  /* A wrong encoding is said, with the line, and the right one picked
   * there reads the file again. */
  choose_item (dialog, "encoding_row", "UTF-8");
  wait_page (dialog, "error");
  {
    g_autofree char *message = g_strdup_printf (_ ("Line %1$u is not %2$s text (byte 0x%3$02X): the file is in another encoding. Choose the right one."),
                                                1, "UTF-8", 0xD0);
    g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (test_ui_get_id (dialog, "error_page"))), ==, message);
  }
  test_ui_screenshot_widget (dialog, test_ui_chinese () ? "import-encoding-zh_CN.png" : "import-encoding-en.png");
  choose_item (dialog, "error_encoding_row", "GB18030");
  wait_page (dialog, "columns");
  test_ui_wait_shown (dialog, "李霞 (LI Xia)");
  g_assert_cmpuint (liaison_store_count_participants (ui->store), ==, people);

  gtk_widget_activate_action (dialog, "import.next", NULL);
  wait_page (dialog, "review");
  summary = g_strdup_printf (_ ("%1$u new, %2$u to update, %3$u possible duplicates, %4$u that cannot be imported"), 3, 1, 0, 1);
  test_ui_wait_label (test_ui_get_id (dialog, "summary_label"), summary);
  test_ui_wait_shown (dialog, "khai@");
  test_ui_screenshot_widget (dialog, test_ui_chinese () ? "import-review-zh_CN.png" : "import-review-en.png");
  /* Nothing is written before Import. */
  g_assert_cmpuint (liaison_store_count_participants (ui->store), ==, people);

  before = test_ui_last_toast (ui);
  gtk_widget_activate_action (dialog, "import.next", NULL);
  test_ui_wait_closed (LIAISON_TYPE_IMPORT_DIALOG);
  test_ui_wait_toast (ui, before);
  imported = g_strdup_printf (g_dngettext (NULL, "Imported %1$u person (%2$u updated)", "Imported %1$u people (%2$u updated)", 4), 4, 1);
  g_assert_cmpstr (adw_toast_get_title (liaison_window_get_last_toast (ui->window)), ==, imported);
  g_assert_cmpuint (liaison_store_count_participants (ui->store), ==, people + 3);
  test_ui_screenshot (ui, test_ui_chinese () ? "import-done-zh_CN.png" : "import-done-en.png");

  /* One Undo takes the whole import back. */
  test_ui_press_toast_button (ui);
  g_assert_cmpuint (liaison_store_count_participants (ui->store), ==, people);
  {
    g_autoptr (LiaisonParticipant) again = liaison_store_get_participant (ui->store, liaison_participant_get_id (wang), NULL);
    g_assert_null (liaison_participant_get_family_latin (again));
  }
}

/* A file that is no table says so, and offers another. */
static void
test_not_a_table (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autofree char *path = g_build_filename (ui->dir, "header.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  dialog = liaison_import_dialog_new (ui->context, file);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (ui->window));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_page (dialog, "error");
  {
    g_autofree char *message = g_strdup_printf (_ ("%s is empty"), "header.csv");
    g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (test_ui_get_id (dialog, "error_page"))), ==, message);
  }
  test_ui_screenshot_widget (dialog, test_ui_chinese () ? "import-error-zh_CN.png" : "import-error-en.png");
  gtk_widget_activate_action (dialog, "import.cancel", NULL);
  test_ui_wait_closed (LIAISON_TYPE_IMPORT_DIALOG);
}

/* A calendar as khal writes it: a time with no zone. It is read in the
 * zone chosen in Preferences (the test's computer is in Asia/Shanghai), and
 * the review says so before anything is written. */
static const char khal[] =
    "BEGIN:VCALENDAR\r\n"
    "VERSION:2.0\r\n"
    "PRODID:-//PIMUTILS.ORG//NONSGML khal / icalendar //EN\r\n"
    "BEGIN:VEVENT\r\n"
    "SUMMARY:Coffee with the embassy\r\n"
    "DTSTART:20251112T093000\r\n"
    "DTEND:20251112T103000\r\n"
    "DTSTAMP:20250101T000000Z\r\n"
    "UID:khal-floating-window\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

static void
test_floating_calendar (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autofree char *path = g_build_filename (ui->dir, "khal.ics", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (LiaisonEvent) saved = NULL;
  g_autofree char *note = g_strdup_printf (_ ("Its times name no zone: read as %s."), "Asia/Jakarta");
  GSettings       *settings = liaison_context_get_settings (ui->context);
  GtkWidget       *dialog;

  g_assert_true (g_file_set_contents (path, khal, -1, NULL));
  g_settings_set_string (settings, "time-zone", "Asia/Jakarta");
  dialog = liaison_import_dialog_new (ui->context, file);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (ui->window));
  gtk_window_present (GTK_WINDOW (dialog));
  wait_page (dialog, "review");
  test_ui_wait_shown (dialog, note);
  test_ui_screenshot_widget (dialog, test_ui_chinese () ? "import-floating-zh_CN.png" : "import-floating-en.png");
  g_assert_null (liaison_store_get_event (ui->store, "khal-floating-window", NULL));

  gtk_widget_activate_action (dialog, "import.next", NULL);
  test_ui_wait_closed (LIAISON_TYPE_IMPORT_DIALOG);
  g_settings_reset (settings, "time-zone");
  saved = liaison_store_get_event (ui->store, "khal-floating-window", NULL);
  g_assert_nonnull (saved);
  g_assert_cmpstr (liaison_event_get_start (saved), ==, "2025-11-12T09:30");
  g_assert_cmpstr (liaison_event_get_time_zone (saved), ==, "Asia/Jakarta");
}

static gboolean
file_chosen (gpointer chooser)
{
  g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return file != NULL;
}

/* From the main menu's Import… (Ctrl+I): the file chooser (the portal's,
 * or GTK's own without one), then the import shows the file. */
static void
test_choose (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autofree char *path = g_build_filename (ui->dir, "roster.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GtkWindow *chooser;
  GtkWidget *dialog;

  g_assert_true (g_file_set_contents (path, "Name,E-mail\nLi Xia,li.xia@example.cn\n", -1, NULL));
  test_ui_activate (ui, "win.import", NULL);
  chooser = test_ui_dialog (ui, GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  /* The chooser selects the file once it has read the folder. */
  if (!test_ui_wait_for (file_chosen, chooser, 10))
    g_error ("The file chooser never selected %s", path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  dialog = GTK_WIDGET (test_ui_dialog (ui, LIAISON_TYPE_IMPORT_DIALOG));
  wait_page (dialog, "columns");
  test_ui_wait_shown (dialog, "Li Xia");
  gtk_widget_activate_action (dialog, "import.cancel", NULL);
  test_ui_wait_closed (LIAISON_TYPE_IMPORT_DIALOG);
}

static gboolean
event_loaded (gpointer page)
{
  return liaison_event_page_get_event (page) != NULL;
}

static gboolean
sensitive_row (gpointer row)
{
  return gtk_widget_is_sensitive (row);
}

/* From an event's page: the roster's people are registered for that event
 * (chosen already, though it is two years old), as speakers, confirmed,
 * and its page says so. */
static void
test_for_event (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autofree char *path = g_build_filename (ui->dir, "speakers.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) registrations = NULL;
  g_autoptr (AdwToast) before = NULL;
  g_autofree char *confirmed = NULL;
  GtkWidget       *page, *dialog;
  GtkWindow       *chooser;
  AdwComboRow     *role_row, *status_row;

  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, "Mangrove Restoration Workshop");
  g_assert_true (liaison_event_set_when (event, "2024-05-12T09:00", "2024-05-14T17:00", "Asia/Bangkok", NULL));
  g_assert_true (liaison_store_save_event (ui->store, event, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path,
                                      "Name,Organisation,E-mail\n"
                                      "Siti Aminah,Universiti Malaya,siti@example.my\n"
                                      "Somchai Jaidee,Kasetsart University,somchai@example.th\n",
                                      -1, NULL));

  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (event)));
  page = test_ui_find (test_ui_page (ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
  g_assert_true (test_ui_wait_for (event_loaded, page, 10));
  test_ui_wait_loaded (page);
  g_assert_true (gtk_widget_activate_action (page, "event.import", NULL));
  chooser = test_ui_dialog (ui, GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
  if (!test_ui_wait_for (file_chosen, chooser, 10))
    g_error ("The file chooser never selected %s", path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  dialog = GTK_WIDGET (test_ui_dialog (ui, LIAISON_TYPE_IMPORT_DIALOG));
  wait_page (dialog, "columns");
  test_ui_wait_shown (dialog, "Siti Aminah");

  /* The event is chosen; role and status start as the CLI's defaults. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (test_ui_get_id (dialog, "event_row"))), >, 0);
  test_ui_wait_shown (dialog, "Mangrove Restoration Workshop");
  role_row = ADW_COMBO_ROW (test_ui_get_id (dialog, "role_row"));
  status_row = ADW_COMBO_ROW (test_ui_get_id (dialog, "status_row"));
  g_assert_true (test_ui_wait_for (sensitive_row, role_row, 10));
  g_assert_cmpuint (adw_combo_row_get_selected (role_row), ==, LIAISON_ROLE_DELEGATE);
  {
    g_autoptr (GtkStringObject) status = g_list_model_get_item (adw_combo_row_get_model (status_row), adw_combo_row_get_selected (status_row));

    g_assert_cmpstr (gtk_string_object_get_string (status), ==, liaison_registration_status_label (LIAISON_REGISTRATION_REGISTERED));
  }
  choose_item (dialog, "role_row", liaison_role_label (LIAISON_ROLE_SPEAKER));
  choose_item (dialog, "status_row", liaison_registration_status_label (LIAISON_REGISTRATION_CONFIRMED));
  {
    /* The screenshot shows the rows at the end of the page (the page's
     * viewport scrolls to the focus). */
    GtkWidget     *scroller = gtk_widget_get_ancestor (GTK_WIDGET (status_row), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));

    gtk_widget_grab_focus (GTK_WIDGET (status_row));
    test_ui_wait_focus_in (GTK_WIDGET (status_row));
    test_ui_wait_painted (dialog);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
    test_ui_wait_painted (dialog);
  }
  test_ui_screenshot_widget (dialog, test_ui_chinese () ? "import-for-event-zh_CN.png" : "import-for-event-en.png");

  gtk_widget_activate_action (dialog, "import.next", NULL);
  wait_page (dialog, "review");
  before = test_ui_last_toast (ui);
  gtk_widget_activate_action (dialog, "import.next", NULL);
  test_ui_wait_closed (LIAISON_TYPE_IMPORT_DIALOG);
  test_ui_wait_toast (ui, before);

  registrations = liaison_store_list_registrations (ui->store, liaison_event_get_id (event), NULL);
  g_assert_cmpuint (registrations->len, ==, 2);
  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);

      g_assert_cmpint (liaison_registration_get_role (r), ==, LIAISON_ROLE_SPEAKER);
      g_assert_cmpint (liaison_registration_get_status (r), ==, LIAISON_REGISTRATION_CONFIRMED);
    }
  /* The page shows them so: two confirmed, each a speaker. */
  confirmed = g_strdup_printf (C_ ("registrations", "%1$u %2$s"), 2, liaison_registration_status_label (LIAISON_REGISTRATION_CONFIRMED));
  test_ui_wait_shown (page, "Somchai Jaidee");
  test_ui_wait_shown (page, confirmed);
  test_ui_wait_shown (page, liaison_role_label (LIAISON_ROLE_SPEAKER));
  test_ui_screenshot (ui, test_ui_chinese () ? "import-for-event-done-zh_CN.png" : "import-for-event-done-en.png");
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/import/roster", test_roster);
  g_test_add_func ("/liaison/import/not-a-table", test_not_a_table);
  g_test_add_func ("/liaison/import/floating-calendar", test_floating_calendar);
  g_test_add_func ("/liaison/import/choose", test_choose);
  g_test_add_func ("/liaison/import/for-event", test_for_event);

  return g_test_run ();
}
