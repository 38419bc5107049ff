/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-add-people-dialog.h"
#include "liaison-event-editor.h"
#include "liaison-event-page.h"
#include "liaison-events-page.h"
#include "liaison-gui-format.h"
#include "liaison-registration-item.h"
#include "test-ui.h"

/* The Events view as an organiser uses it: an event created in the
 * editor, people added up to capacity and one more, a cancellation that
 * moves the waitlist, check-in at the door, a deletion undone. */

static gboolean chinese;

static LiaisonParticipant *
add_person (LiaisonStore *store,
            const char   *family,
            const char   *given,
            const char   *family_latin,
            const char   *given_latin,
            const char   *country)
{
  LiaisonParticipant *p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_participant_set_native_name (p, family, given);
  liaison_participant_set_latin_name (p, family_latin, given_latin);
  liaison_participant_set_country (p, country);
  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return p;
}

static LiaisonEvent *
add_event (LiaisonStore *store, const char *title, guint capacity)
{
  LiaisonEvent *e = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, title);
  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH, "中国—东盟研修班");
  g_assert_true (liaison_event_set_when (e, "2026-05-12T09:00", "2026-05-14T17:00", "Asia/Bangkok", NULL));
  liaison_event_set_kind (e, LIAISON_EVENT_KIND_TRAINING_COURSE);
  liaison_event_set_country (e, "TH");
  liaison_event_set_capacity (e, capacity);
  g_assert_true (liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return e;
}

static GtkWidget *
event_page (TestUi *ui)
{
  return test_ui_find (test_ui_page (ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
}

static gboolean
event_loaded (gpointer data)
{
  LiaisonEventPage *page = data;

  return liaison_event_page_get_event (page) != NULL;
}

static LiaisonRegistrationStatus
status_of (LiaisonStore *store, LiaisonRegistration *r)
{
  g_autoptr (LiaisonRegistration) now = liaison_store_get_registration (store, liaison_registration_get_id (r), NULL);

  g_assert_nonnull (now);
  return liaison_registration_get_status (now);
}

typedef struct
{
  GtkWidget                *page;
  LiaisonRegistration      *registration;
  LiaisonRegistrationStatus status;
} PageStatus;

static gboolean
page_shows_status (gpointer data)
{
  PageStatus *w = data;
  GListModel *rows =
      G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (test_ui_get_id (w->page, "registrations_view"))));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (LiaisonRegistrationItem) item = g_list_model_get_item (rows, i);
      LiaisonRegistration *r = liaison_registration_item_get_registration (item);

      if (g_str_equal (liaison_registration_get_id (r), liaison_registration_get_id (w->registration)))
        return liaison_registration_get_status (r) == w->status;
    }
  return FALSE;
}

/* The event page reads the store again a moment after a change: waits for
 * its row of a registration to show a status. */
static void
wait_page_status (GtkWidget *page, LiaisonRegistration *r, LiaisonRegistrationStatus status)
{
  PageStatus w = { page, r, status };

  if (!test_ui_wait_for (page_shows_status, &w, 10))
    g_error ("The page never showed %s as %s", liaison_registration_get_id (r),
             liaison_registration_status_label (status));
}

/* ------------------------------------------------------------------------ */

static void
select_country (GtkWidget *editor, const char *code)
{
  AdwComboRow *row = ADW_COMBO_ROW (test_ui_get_id (editor, "country_row"));
  GListModel  *model = adw_combo_row_get_model (row);
  const char  *name = liaison_country_get_name (liaison_country_lookup (code), liaison_language_for_locale ());

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), name) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("No country %s in the editor", code);
}

typedef struct
{
  LiaisonZoneStrip *strip;
  const char       *zone;
  const char       *expected;
} Strip;

static gboolean
strip_says (gpointer data)
{
  Strip           *s = data;
  g_autofree char *text = liaison_zone_strip_describe (s->strip, s->zone);

  return text != NULL && strstr (text, s->expected) != NULL;
}

/* What the strip says for a zone, once the form's last change reached it. */
static void
assert_strip (LiaisonZoneStrip *strip, const char *zone, const char *expected)
{
  Strip            wait = { strip, zone, expected };
  g_autofree char *text = NULL;

  test_ui_wait_for (strip_says, &wait, 10);
  text = liaison_zone_strip_describe (strip, zone);

  g_test_message ("%s: %s", zone, text);
  g_assert_nonnull (text);
  if (strstr (text, expected) == NULL)
    g_error ("%s shows “%s”, not “%s”", zone, text, expected);
}

static void
test_create_in_yangon (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (GSettings) settings = g_settings_new ("org.chinaaseanenv.Liaison");
  LiaisonStore     *store = ui->store;
  GtkWidget        *editor;
  LiaisonZoneStrip *strip;
  LiaisonEventPage *page;
  LiaisonEvent     *saved;
  guint             before = liaison_store_count_events (store);

  g_settings_set_string (settings, "time-zone", "Asia/Shanghai");
  test_ui_activate (ui, "win.new-event", NULL);
  editor = GTK_WIDGET (test_ui_dialog (ui, LIAISON_TYPE_EVENT_EDITOR));

  test_ui_set_text (editor, "title_zh", "海洋塑料垃圾治理研讨会");
  test_ui_set_text (editor, "title_en", "Workshop on marine plastic litter");
  test_ui_set_text (editor, "city_en", "Yangon");
  test_ui_set_text (editor, "venue", "Sule Shangri-La");
  select_country (editor, "MM");
  test_ui_set_text (editor, "start_date", "2026-03-10");
  test_ui_set_text (editor, "start_time", "09:00");
  test_ui_set_text (editor, "end_date", "2026-03-10");
  test_ui_set_text (editor, "end_time", "17:00");
  test_ui_set_text (editor, "capacity", "30");

  /* Myanmar brought its zone; the strip shows the slot in every member
   * country: Yangon is UTC+6:30, the rest of the region ahead of it. */
  strip = liaison_event_editor_get_zone_strip (LIAISON_EVENT_EDITOR (editor));
  assert_strip (strip, "Asia/Yangon", "09:00–17:00");
  assert_strip (strip, "Asia/Bangkok", "09:30–17:30");
  assert_strip (strip, "Asia/Shanghai", "10:30–18:30");
  assert_strip (strip, "Asia/Jayapura", "11:30–19:30");
  assert_strip (strip, "Asia/Jayapura", _ ("outside office hours"));
  test_ui_screenshot_widget (editor, chinese ? "event-editor-zh_CN.png" : "event-editor-en.png");

  /* Late at night in Yangon is the next day in the east. */
  test_ui_set_text (editor, "start_time", "23:00");
  test_ui_set_text (editor, "end_time", "23:30");
  assert_strip (strip, "Asia/Manila", _ ("next day"));
  assert_strip (strip, "Asia/Yangon", _ ("outside office hours"));

  /* A wrong date is named under its field, and saving waits for it. */
  test_ui_set_text (editor, "start_date", "2026-02-30");
  test_ui_wait_shown (editor, "2026-02-30”");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_ui_wait_focus_in (test_ui_get_id (editor, "start_date"));
  g_assert_true (test_ui_find_dialog (LIAISON_TYPE_EVENT_EDITOR) != NULL);

  test_ui_set_text (editor, "start_date", "2026-03-10");
  test_ui_set_text (editor, "start_time", "09:00");
  test_ui_set_text (editor, "end_time", "17:00");
  test_ui_wait_hidden (editor, "2026-02-30”");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  /* Saved, the editor closes. */
  test_ui_wait_closed (LIAISON_TYPE_EVENT_EDITOR);

  /* Saved, shown, and undoable. */
  g_assert_cmpuint (liaison_store_count_events (store), ==, before + 1);
  page = LIAISON_EVENT_PAGE (event_page (ui));
  g_assert_true (test_ui_wait_for (event_loaded, page, 5));
  saved = liaison_event_page_get_event (page);
  g_assert_cmpstr (liaison_event_get_time_zone (saved), ==, "Asia/Yangon");
  g_assert_cmpstr (liaison_event_get_start (saved), ==, "2026-03-10T09:00");
  g_assert_cmpstr (liaison_event_get_country (saved), ==, "MM");
  g_assert_cmpuint (liaison_event_get_capacity (saved), ==, 30);
  /* The page gives the time at the venue and the reader's own. */
  g_assert_true (test_ui_shows_text (GTK_WIDGET (page), "10:30"));
  test_ui_screenshot (ui, chinese ? "event-zh_CN.png" : "event-en.png");
}

/* ------------------------------------------------------------------------ */

static gboolean
found_one (gpointer data)
{
  return liaison_add_people_dialog_get_n_found (data) == 1;
}

/* Adds someone found by query, and waits for the dialog to close and the
 * toast that says who was added. */
static void
add_through_dialog (TestUi *ui, GtkWidget *page, const char *query)
{
  LiaisonAddPeopleDialog *dialog;
  g_autoptr (AdwToast) before = test_ui_last_toast (ui);

  g_assert_true (gtk_widget_activate_action (page, "event.add-people", NULL));
  dialog = LIAISON_ADD_PEOPLE_DIALOG (test_ui_dialog (ui, LIAISON_TYPE_ADD_PEOPLE_DIALOG));
  liaison_add_people_dialog_search (dialog, query);
  g_assert_true (test_ui_wait_for (found_one, dialog, 5));
  liaison_add_people_dialog_choose (dialog, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "people.add", NULL));
  test_ui_wait_closed (LIAISON_TYPE_ADD_PEOPLE_DIALOG);
  test_ui_wait_toast (ui, before);
}

static const char *
toast_title (TestUi *ui)
{
  return adw_toast_get_title (liaison_window_get_last_toast (ui->window));
}

static void
test_capacity_waitlist_check_in (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) event = add_event (store, "Training course on environmental management", 2);
  g_autoptr (LiaisonParticipant) li = add_person (store, "李", "霞", "Li", "Xia", "CN");
  g_autoptr (LiaisonParticipant) nguyen = add_person (store, "Nguyễn", "Văn An", "Nguyen", "Van An", "VN");
  g_autoptr (LiaisonParticipant) somchai = add_person (store, "สมชาย", "ใจดี", "Jaidee", "Somchai", "TH");
  g_autoptr (LiaisonParticipant) outsider = add_person (store, NULL, NULL, NULL, "Sukarno", "ID");
  g_autoptr (GPtrArray) regs = NULL;
  LiaisonRegistration *r_li, *r_nguyen, *r_somchai;
  GtkWidget           *page;
  GtkWidget           *entry;
  GtkLabel            *message;
  g_autofree char     *code = NULL;
  g_autoptr (AdwToast) before = NULL;

  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (event)));
  page = event_page (ui);
  g_assert_true (test_ui_wait_for (event_loaded, page, 5));
  g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "events");

  /* Found across scripts, added one by one: two places, then the waitlist. */
  add_through_dialog (ui, page, "li xia");
  add_through_dialog (ui, page, "nguyen");
  add_through_dialog (ui, page, "somchai");
  {
    g_autofree char *waitlisted = g_strdup_printf (
        g_dngettext (NULL, "%u on the waitlist (the event is full)", "%u on the waitlist (the event is full)", 1), 1);

    g_assert_nonnull (strstr (toast_title (ui), waitlisted));
  }
  regs = liaison_store_list_registrations (store, liaison_event_get_id (event), NULL);
  g_assert_cmpuint (regs->len, ==, 3);
  r_li = g_ptr_array_index (regs, 0);
  r_nguyen = g_ptr_array_index (regs, 1);
  r_somchai = g_ptr_array_index (regs, 2);
  g_assert_cmpstr (liaison_registration_get_participant_id (r_somchai), ==, liaison_participant_get_id (somchai));
  g_assert_cmpint (status_of (store, r_li), ==, LIAISON_REGISTRATION_REGISTERED);
  g_assert_cmpint (status_of (store, r_somchai), ==, LIAISON_REGISTRATION_WAITLISTED);
  wait_page_status (page, r_somchai, LIAISON_REGISTRATION_WAITLISTED);
  test_ui_wait_shown (page, liaison_registration_status_label (LIAISON_REGISTRATION_WAITLISTED));
  g_assert_true (test_ui_shows_text (page, liaison_registration_status_label (LIAISON_REGISTRATION_WAITLISTED)));
  test_ui_screenshot (ui, chinese ? "registrations-zh_CN.png" : "registrations-en.png");

  /* Cancelling 李霞 frees a place: สมชาย moves up, and the toast says so. */
  g_set_object (&before, liaison_window_get_last_toast (ui->window));
  g_assert_true (
      gtk_widget_activate_action (page, "event.set-status", "(ss)", liaison_registration_get_id (r_li), "cancelled"));
  test_ui_wait_toast (ui, before);
  g_assert_cmpint (status_of (store, r_li), ==, LIAISON_REGISTRATION_CANCELLED);
  g_assert_cmpint (status_of (store, r_somchai), ==, LIAISON_REGISTRATION_REGISTERED);
  g_assert_nonnull (strstr (toast_title (ui), "สมชาย"));

  /* Undo from the toast puts both back. */
  test_ui_press_toast_button (ui);
  g_assert_cmpint (status_of (store, r_li), ==, LIAISON_REGISTRATION_REGISTERED);
  g_assert_cmpint (status_of (store, r_somchai), ==, LIAISON_REGISTRATION_WAITLISTED);

  /* Check-in at the door, by the code on the badge, as a scanner types it. */
  g_assert_true (gtk_widget_activate_action (page, "event.check-in", NULL));
  test_ui_wait_revealed (test_ui_get_id (page, "check_in_revealer"));
  entry = test_ui_get_id (page, "check_in_entry");
  message = GTK_LABEL (test_ui_get_id (page, "check_in_message"));
  g_assert_true (gtk_widget_get_child_visible (test_ui_get_id (page, "check_in_revealer")));
  code = g_ascii_strup (liaison_uuid_short (liaison_registration_get_id (r_nguyen)), -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), code);
  g_signal_emit_by_name (entry, "activate");
  /* The check-in reaches the page when it reads the store again. */
  wait_page_status (page, r_nguyen, LIAISON_REGISTRATION_ATTENDED);
  g_assert_cmpint (status_of (store, r_nguyen), ==, LIAISON_REGISTRATION_ATTENDED);
  g_assert_nonnull (strstr (gtk_label_get_text (message), "Nguyễn"));
  /* The entry is ready for the next person. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_true (test_ui_shows_text (page, "1"));

  /* Twice: said, not done twice. */
  gtk_editable_set_text (GTK_EDITABLE (entry), code);
  g_signal_emit_by_name (entry, "activate");
  {
    g_autofree char *name = liaison_participant_dup_display_name (nguyen);
    g_autofree char *twice = g_strdup_printf (_ ("%s is already checked in"), name);

    g_assert_cmpstr (gtk_label_get_text (message), ==, twice);
  }

  /* An unknown code, and someone who is not registered: clear messages. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "ZZZZ9999");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (strstr (gtk_label_get_text (message), "ZZZZ9999"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "Sukarno");
  g_signal_emit_by_name (entry, "activate");
  {
    g_autofree char *name = liaison_participant_dup_display_name (outsider);
    g_autofree char *not_registered = g_strdup_printf (_ ("%s is not registered for this event"), name);

    g_assert_cmpstr (gtk_label_get_text (message), ==, not_registered);
  }

  /* Bulk: confirm everyone selected at once. 李霞 is confirmed; the two the
   * rules do not allow (Nguyễn checked in already, สมชาย waiting for a
   * place in a full event) are counted, not silently skipped. */
  {
    GtkColumnView     *view = GTK_COLUMN_VIEW (test_ui_get_id (page, "registrations_view"));
    GtkSelectionModel *selection = gtk_column_view_get_model (view);

    gtk_selection_model_select_all (selection);
    /* The page reloads after the check-ins above: the selection stays. */
    wait_page_status (page, r_nguyen, LIAISON_REGISTRATION_ATTENDED);
    test_ui_wait_revealed (test_ui_get_id (page, "bulk_revealer"));
    g_assert_true (gtk_widget_get_child_visible (test_ui_get_id (page, "bulk_revealer")));
    g_set_object (&before, liaison_window_get_last_toast (ui->window));
    g_assert_true (gtk_widget_activate_action (page, "event.bulk-status", "s", "confirmed"));
    test_ui_wait_toast (ui, before);
    g_assert_cmpint (status_of (store, r_li), ==, LIAISON_REGISTRATION_CONFIRMED);
    g_assert_cmpint (status_of (store, r_nguyen), ==, LIAISON_REGISTRATION_ATTENDED);
    g_assert_cmpint (status_of (store, r_somchai), ==, LIAISON_REGISTRATION_WAITLISTED);
    {
      g_autofree char *counted =
          g_strdup_printf (g_dngettext (NULL, "%1$u now %2$s; %3$u could not be (their status does not allow it)",
                                        "%1$u now %2$s; %3$u could not be (their status does not allow it)", 2),
                           1, liaison_registration_status_label (LIAISON_REGISTRATION_CONFIRMED), 2);

      g_assert_cmpstr (toast_title (ui), ==, counted);
    }
    test_ui_press_toast_button (ui);
    g_assert_cmpint (status_of (store, r_li), ==, LIAISON_REGISTRATION_REGISTERED);
  }

  /* By name in Latin letters for a Han name. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "li xia");
  g_signal_emit_by_name (entry, "activate");
  wait_page_status (page, r_li, LIAISON_REGISTRATION_ATTENDED);
  g_assert_cmpint (status_of (store, r_li), ==, LIAISON_REGISTRATION_ATTENDED);
  test_ui_screenshot (ui, chinese ? "check-in-zh_CN.png" : "check-in-en.png");
}

/* A check-in is undone from its notification, like any change of status. */
static void
test_check_in_undo (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) event = add_event (store, "Seminar on mangrove restoration", 0);
  g_autoptr (LiaisonParticipant) li = add_person (store, "李", "霞", "Li", "Xia", "CN");
  g_autoptr (LiaisonRegistration) r =
      liaison_store_register (store, liaison_event_get_id (event), liaison_participant_get_id (li),
                              LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_CONFIRMED, LIAISON_ORIGIN_LOCAL, NULL);
  g_autofree char *name = liaison_participant_dup_display_name (li);
  g_autofree char *checked = g_strdup_printf (_ ("✓ %s is checked in"), name);
  GtkWidget       *page;
  GtkWidget       *entry;
  g_autoptr (AdwToast) before = NULL;

  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (event)));
  page = event_page (ui);
  g_assert_true (test_ui_wait_for (event_loaded, page, 5));
  g_assert_true (gtk_widget_activate_action (page, "event.check-in", NULL));
  test_ui_wait_revealed (test_ui_get_id (page, "check_in_revealer"));
  entry = test_ui_get_id (page, "check_in_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "li xia");
  before = test_ui_last_toast (ui);
  g_signal_emit_by_name (entry, "activate");
  test_ui_wait_toast (ui, before);
  g_assert_cmpint (status_of (store, r), ==, LIAISON_REGISTRATION_ATTENDED);

  g_assert_cmpstr (toast_title (ui), ==, checked);
  test_ui_press_toast_button (ui);
  g_assert_cmpint (status_of (store, r), ==, LIAISON_REGISTRATION_CONFIRMED);

  /* And Ctrl+Z does the same for the next one. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "li xia");
  g_set_object (&before, liaison_window_get_last_toast (ui->window));
  g_signal_emit_by_name (entry, "activate");
  test_ui_wait_toast (ui, before);
  g_assert_cmpint (status_of (store, r), ==, LIAISON_REGISTRATION_ATTENDED);
  g_set_object (&before, liaison_window_get_last_toast (ui->window));
  test_ui_activate (ui, "win.undo-last", NULL);
  test_ui_wait_toast (ui, before);
  g_assert_cmpint (status_of (store, r), ==, LIAISON_REGISTRATION_CONFIRMED);
}

/* ------------------------------------------------------------------------ */

typedef struct
{
  GtkWidget  *root;
  const char *text;
} Shows;

static gboolean
shows (gpointer data)
{
  Shows *s = data;

  return test_ui_shows_text (s->root, s->text);
}

static gboolean
hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

/* Booking someone into two events at once is said, not refused: in the
 * person's row, under the people chosen, in the notification, and in the
 * editor of either event. */
static void
test_overlap_warnings (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) course = add_event (store, "Training course on environmental management", 0);
  g_autoptr (LiaisonEvent) forum = liaison_event_new (NULL);
  g_autoptr (LiaisonParticipant) li = add_person (store, "李", "霞", "Li", "Xia", "CN");
  g_autoptr (LiaisonParticipant) nguyen = add_person (store, "Nguyễn", "Văn An", "Nguyen", "Van An", "VN");
  g_autoptr (LiaisonRegistration) at_forum = NULL;
  g_autoptr (GPtrArray) regs = NULL;
  g_autofree char        *li_name = liaison_participant_dup_display_name (li);
  g_autofree char        *row_text = NULL;
  g_autofree char        *line = NULL;
  g_autofree char        *told = NULL;
  LiaisonAddPeopleDialog *dialog;
  GtkWidget              *page;
  GtkWidget              *editor;
  Shows                   wait;
  g_autoptr (AdwToast) before = NULL;

  /* The forum overlaps the course's second day (Bangkok 2026-05-12..14). */
  liaison_bilingual_set_text (liaison_event_get_title (forum), LIAISON_LANGUAGE_EN, "Forum on green development");
  liaison_bilingual_set_text (liaison_event_get_title (forum), LIAISON_LANGUAGE_ZH, "绿色发展论坛");
  g_assert_true (liaison_event_set_when (forum, "2026-05-13T10:00", "2026-05-13T12:00", "Asia/Shanghai", NULL));
  liaison_event_set_kind (forum, LIAISON_EVENT_KIND_FORUM);
  g_assert_true (liaison_store_save_event (store, forum, LIAISON_ORIGIN_LOCAL, NULL));
  at_forum = liaison_store_register (store, liaison_event_get_id (forum), liaison_participant_get_id (li),
                                     LIAISON_ROLE_SPEAKER, LIAISON_REGISTRATION_CONFIRMED, LIAISON_ORIGIN_LOCAL, NULL);
  g_assert_nonnull (at_forum);

  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (course)));
  page = event_page (ui);
  g_assert_true (test_ui_wait_for (event_loaded, page, 5));

  /* The row of the person found says where else they are then. */
  g_assert_true (gtk_widget_activate_action (page, "event.add-people", NULL));
  dialog = LIAISON_ADD_PEOPLE_DIALOG (test_ui_dialog (ui, LIAISON_TYPE_ADD_PEOPLE_DIALOG));
  liaison_add_people_dialog_search (dialog, "li xia");
  g_assert_true (test_ui_wait_for (found_one, dialog, 5));
  row_text = g_strdup_printf (_ ("also at “%s” then"), liaison_bilingual_get_display (liaison_event_get_title (forum),
                                                                                      liaison_language_for_locale ()));
  wait = (Shows){ GTK_WIDGET (dialog), row_text };
  g_assert_true (test_ui_wait_for (shows, &wait, 5));

  /* Chosen: the warning names them and the other event. */
  liaison_add_people_dialog_choose (dialog, 0);
  line =
      g_strdup_printf (_ ("%1$s is also at “%2$s” then"), li_name,
                       liaison_bilingual_get_display (liaison_event_get_title (forum), liaison_language_for_locale ()));
  g_assert_true (gtk_widget_get_visible (test_ui_get_id (GTK_WIDGET (dialog), "warning_label")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (test_ui_get_id (GTK_WIDGET (dialog), "warning_label"))), ==, line);
  test_ui_screenshot_widget (GTK_WIDGET (dialog),
                             chinese ? "add-people-overlap-zh_CN.png" : "add-people-overlap-en.png");

  /* Someone free then is added without a word. */
  liaison_add_people_dialog_search (dialog, "nguyen");
  wait = (Shows){ GTK_WIDGET (dialog), "Nguyễn" };
  g_assert_true (test_ui_wait_for (shows, &wait, 5));
  g_assert_true (test_ui_wait_for (found_one, dialog, 5));
  liaison_add_people_dialog_choose (dialog, 0);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (test_ui_get_id (GTK_WIDGET (dialog), "warning_label"))), ==, line);

  /* Added all the same, and the notification says who is elsewhere. */
  before = test_ui_last_toast (ui);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "people.add", NULL));
  test_ui_wait_closed (LIAISON_TYPE_ADD_PEOPLE_DIALOG);
  test_ui_wait_toast (ui, before);
  regs = liaison_store_list_registrations (store, liaison_event_get_id (course), NULL);
  g_assert_cmpuint (regs->len, ==, 2);
  {
    g_autofree char *who = g_strdup_printf (
        _ ("%1$s (“%2$s”)"), li_name,
        liaison_bilingual_get_display (liaison_event_get_title (forum), liaison_language_for_locale ()));

    told = g_strdup_printf (
        g_dngettext (NULL, "%1$u is also at another event then: %2$s", "%1$u are also at other events then: %2$s", 1),
        1, who);
  }
  g_assert_nonnull (strstr (toast_title (ui), told));
  g_assert_null (strstr (toast_title (ui), "Nguy"));

  /* The editor of the course says it too, found off the main thread. */
  g_assert_true (gtk_widget_activate_action (page, "event.edit", NULL));
  editor = GTK_WIDGET (test_ui_dialog (ui, LIAISON_TYPE_EVENT_EDITOR));
  wait = (Shows){ editor, line };
  g_assert_true (test_ui_wait_for (shows, &wait, 5));
  g_assert_true (gtk_widget_get_visible (test_ui_get_id (editor, "warnings_box")));

  /* Moved a week on, the clash is gone. */
  test_ui_set_text (editor, "start_date", "2026-05-19");
  test_ui_set_text (editor, "end_date", "2026-05-21");
  g_assert_true (test_ui_wait_for (hidden, test_ui_get_id (editor, "warnings_box"), 5));
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* ------------------------------------------------------------------------ */

static void
test_delete_and_undo (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) event = add_event (store, "Roundtable to be deleted", 0);
  g_autoptr (LiaisonParticipant) li = add_person (store, "李", "霞", "Li", "Xia", "CN");
  g_autoptr (LiaisonRegistration) r =
      liaison_store_register (store, liaison_event_get_id (event), liaison_participant_get_id (li),
                              LIAISON_ROLE_SPEAKER, LIAISON_REGISTRATION_CONFIRMED, LIAISON_ORIGIN_LOCAL, NULL);
  GtkWidget        *page;
  AdwMessageDialog *dialog;
  g_autoptr (LiaisonEvent) back = NULL;
  g_autoptr (AdwToast) before = NULL;

  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (event)));
  page = event_page (ui);
  g_assert_true (test_ui_wait_for (event_loaded, page, 5));

  /* Asked first, with what goes along. */
  g_assert_true (gtk_widget_activate_action (page, "event.delete", NULL));
  dialog = ADW_MESSAGE_DIALOG (test_ui_dialog (ui, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1"));
  before = test_ui_last_toast (ui);
  adw_message_dialog_response (dialog, "delete");
  /* Deleted: the toast that offers to undo it. */
  test_ui_wait_toast (ui, before);
  g_assert_null (liaison_store_get_event (store, liaison_event_get_id (event), NULL));
  g_assert_null (liaison_events_page_get_shown_event (LIAISON_EVENTS_PAGE (test_ui_page (ui, "events"))));

  test_ui_press_toast_button (ui);
  back = liaison_store_get_event (store, liaison_event_get_id (event), NULL);
  g_assert_nonnull (back);
  g_assert_cmpint (status_of (store, r), ==, LIAISON_REGISTRATION_CONFIRMED);
}

/* ------------------------------------------------------------------------ */

static gboolean
shows_other_event (gpointer data)
{
  gpointer     *args = data;
  LiaisonEvent *shown = liaison_event_page_get_event (args[0]);

  return shown != NULL && g_strcmp0 (liaison_event_get_id (shown), args[1]) != 0;
}

/* The yearly liaison officers' meeting: “Create Next Year's Event” makes
 * next year's from this one, the year in its titles moved on, and opens it. */
static void
test_next_year (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) meeting = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *codes[] = { "1.1.1", NULL };
  gpointer    args[2];
  GtkWidget  *page;
  g_autoptr (LiaisonEvent) next = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (meeting), LIAISON_LANGUAGE_ZH, "2025 年联络员会议");
  liaison_bilingual_set_text (liaison_event_get_title (meeting), LIAISON_LANGUAGE_EN, "Liaison officers' meeting 2025");
  g_assert_true (liaison_event_set_when (meeting, "2025-11-04T09:30", "2025-11-05T17:00", "Asia/Yangon", &error));
  liaison_event_set_kind (meeting, LIAISON_EVENT_KIND_LIAISON_MEETING);
  liaison_event_set_status (meeting, LIAISON_EVENT_STATUS_HELD);
  liaison_event_set_country (meeting, "MM");
  liaison_event_set_activities (meeting, codes);
  liaison_event_set_recurrence (meeting, "FREQ=YEARLY");
  g_assert_true (liaison_store_save_event (store, meeting, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (meeting)));
  page = event_page (ui);
  g_assert_true (test_ui_wait_for (event_loaded, page, 5));
  g_assert_true (gtk_widget_activate_action (page, "event.next-occurrence", NULL));
  args[0] = page;
  args[1] = (gpointer) liaison_event_get_id (meeting);
  g_assert_true (test_ui_wait_for (shows_other_event, args, 5));

  /* The page may read it again meanwhile: keep this copy. */
  next = g_object_ref (liaison_event_page_get_event (LIAISON_EVENT_PAGE (page)));
  g_assert_cmpstr (liaison_event_get_start (next), ==, "2026-11-04T09:30");
  g_assert_cmpstr (liaison_event_get_end (next), ==, "2026-11-05T17:00");
  g_assert_cmpstr (liaison_event_get_time_zone (next), ==, "Asia/Yangon");
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_event_get_title (next), LIAISON_LANGUAGE_ZH), ==,
                   "2026 年联络员会议");
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_event_get_title (next), LIAISON_LANGUAGE_EN), ==,
                   "Liaison officers' meeting 2026");
  g_assert_cmpint (liaison_event_get_status (next), ==, LIAISON_EVENT_STATUS_PLANNED);
  g_assert_cmpstr (liaison_event_get_activities (next)[0], ==, "1.1.1");
  g_assert_cmpstr (liaison_event_get_recurrence (next), ==, "FREQ=YEARLY");
  g_assert_cmpstr (adw_toast_get_title (liaison_window_get_last_toast (ui->window)), ==,
                   _ ("Next year’s event created"));
  test_ui_screenshot (ui, test_ui_chinese () ? "next-year-zh_CN.png" : "next-year-en.png");

  /* Undo takes it back. */
  {
    g_autofree char *id = g_strdup (liaison_event_get_id (next));

    test_ui_press_toast_button (ui);
    g_assert_null (liaison_store_get_event (store, id, NULL));
  }
}

/* ------------------------------------------------------------------------ */

static guint
n_event_rows (GtkWidget *events_page)
{
  GtkListView *list = GTK_LIST_VIEW (test_ui_get_id (events_page, "list_view"));
  GListModel  *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  guint        n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      gboolean heading;

      g_object_get (item, "is-heading", &heading, NULL);
      n += !heading;
    }
  return n;
}

static gboolean
shows_n_events (gpointer data)
{
  gpointer *args = data;

  return n_event_rows (args[0]) == GPOINTER_TO_UINT (args[1]);
}

static void
select_string (GtkDropDown *dropdown, const char *text)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (item), text))
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  g_error ("No “%s” to choose", text);
}

static guint
count_chips (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += gtk_widget_has_css_class (c, "event-chip") + count_chips (c);
  return n;
}

typedef struct
{
  GtkWidget  *timeline;
  const char *tooltip;
} Cell;

static GtkWidget *
timeline_cell (GtkWidget *timeline, const char *tooltip)
{
  for (GtkWidget *c = gtk_widget_get_first_child (timeline); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_widget_get_tooltip_text (c), tooltip) == 0)
      return c;
  return NULL;
}

static gboolean
cell_mapped (gpointer data)
{
  Cell      *c = data;
  GtkWidget *cell = timeline_cell (c->timeline, c->tooltip);

  return cell != NULL && gtk_widget_get_mapped (cell);
}

static void
test_views_and_filters (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget       *page = test_ui_page (ui, "events");
  AdwViewStack    *views = ADW_VIEW_STACK (test_ui_get_id (page, "view_stack"));
  GtkWidget       *timeline = test_ui_get_id (page, "timeline_grid");
  gpointer         args[2] = { page, GUINT_TO_POINTER (62) };
  g_autofree char *march = NULL;
  g_autofree char *march_title = liaison_gui_format_month (2019, 3);
  g_autofree char *april_title = liaison_gui_format_month (2019, 4);
  GtkWidget       *cell = NULL;

  /* The built-in history: 62 events of 2011–2020 (2010-12 for the first). */
  test_ui_show_page (ui, "events");
  g_assert_true (test_ui_wait_for (shows_n_events, args, 5));
  test_ui_screenshot (ui, chinese ? "events-zh_CN.png" : "events-en.png");

  /* Year 2019, then only seminars. */
  select_string (GTK_DROP_DOWN (test_ui_get_id (page, "year_filter")), "2019");
  args[1] = GUINT_TO_POINTER (8);
  g_assert_true (test_ui_wait_for (shows_n_events, args, 5));
  select_string (GTK_DROP_DOWN (test_ui_get_id (page, "kind_filter")),
                 liaison_event_kind_label (LIAISON_EVENT_KIND_SEMINAR));
  test_ui_wait_loaded (page);
  g_assert_cmpuint (n_event_rows (page), <, 8);
  g_assert_cmpuint (n_event_rows (page), >, 0);

  /* From the action plan: only one activity's events, whatever the year. */
  {
    g_autoptr (LiaisonEvent) e = add_event (ui->store, "Event of 1.1.1", 0);
    const char *codes[] = { "1.1.1", NULL };

    liaison_event_set_activities (e, codes);
    g_assert_true (liaison_store_save_event (ui->store, e, LIAISON_ORIGIN_LOCAL, NULL));
  }
  /* The page reads the store again a moment after a change; once it has,
   * nothing rebuilds the timeline under the click below. */
  test_ui_wait_reload (page);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_ui_get_id (page, "kind_filter")), 0);
  test_ui_activate (ui, "win.show-activity-events", g_variant_new_string ("1.1.1"));
  args[1] = GUINT_TO_POINTER (1);
  g_assert_true (test_ui_wait_for (shows_n_events, args, 5));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_ui_get_id (page, "activity_filter")), 0);
  args[1] = GUINT_TO_POINTER (63);
  g_assert_true (test_ui_wait_for (shows_n_events, args, 5));

  /* The timeline: a cell per month, saying how many events it had. */
  adw_view_stack_set_visible_child_name (views, "timeline");
  march = g_strdup_printf (g_dngettext (NULL, "%1$s: %2$u event", "%1$s: %2$u events", 2), march_title, 2);
  {
    Cell wait = { timeline, march };

    test_ui_wait_for (cell_mapped, &wait, 10);
  }
  cell = timeline_cell (timeline, march);
  g_assert_nonnull (cell);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (cell)), ==, "2");
  test_ui_screenshot (ui, chinese ? "timeline-zh_CN.png" : "timeline-en.png");

  /* Clicking it opens that month in the calendar. */
  g_signal_emit_by_name (cell, "clicked");
  test_ui_wait_label (test_ui_get_id (page, "month_label"), march_title);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (views), ==, "month");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (test_ui_get_id (page, "month_label"))), ==, march_title);
  /* The two events of March 2019, known to the month, are above the days. */
  g_assert_cmpuint (count_chips (test_ui_get_id (page, "undated_box")), ==, 2);
  g_assert_true (gtk_widget_get_visible (test_ui_get_id (page, "undated_row")));
  test_ui_screenshot (ui, chinese ? "month-zh_CN.png" : "month-en.png");
  g_assert_true (gtk_widget_activate_action (page, "events.next-month", NULL));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (test_ui_get_id (page, "month_label"))), ==, april_title);
}

int
main (int argc, char **argv)
{
  const char *lang = g_getenv ("LANGUAGE");

  chinese = lang != NULL && g_str_has_prefix (lang, "zh");
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/events/create-in-yangon", test_create_in_yangon);
  g_test_add_func ("/liaison/events/capacity-waitlist-check-in", test_capacity_waitlist_check_in);
  g_test_add_func ("/liaison/events/check-in-undo", test_check_in_undo);
  g_test_add_func ("/liaison/events/overlap-warnings", test_overlap_warnings);
  g_test_add_func ("/liaison/events/delete-and-undo", test_delete_and_undo);
  g_test_add_func ("/liaison/events/next-year", test_next_year);
  g_test_add_func ("/liaison/events/views-and-filters", test_views_and_filters);

  return g_test_run ();
}
