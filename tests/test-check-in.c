/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-add-people-dialog.h"
#include "liaison-event-page.h"
#include "liaison-journal-format.h"
#include "liaison-registration-item.h"
#include "liaison-store-overview.h"
#include "test-ui.h"

/* The door, as a door-keeper meets it: Ctrl+Z takes back the last
 * check-in (not the typing), the line under the box says what is true, a
 * wrong check-in is put right after its Undo has gone, one letter checks
 * nobody in, a scanner's burst of check-ins, and the box of another
 * event's door starts empty. */

static LiaisonParticipant *
add_person (LiaisonStore *store,
            const char   *family,
            const char   *given,
            const char   *family_latin,
            const char   *given_latin,
            const char   *country,
            const char   *organisation)
{
  LiaisonParticipant *p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_participant_set_native_name (p, family, given);
  liaison_participant_set_latin_name (p, family_latin, given_latin);
  liaison_participant_set_country (p, country);
  if (organisation != NULL)
    liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN, organisation);
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
  g_assert_true (liaison_event_set_when (e, "2026-05-12T09:00", "2026-05-14T17:00", "Asia/Bangkok", NULL));
  liaison_event_set_kind (e, LIAISON_EVENT_KIND_WORKSHOP);
  liaison_event_set_capacity (e, capacity);
  g_assert_true (liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return e;
}

static LiaisonRegistration *
register_person (LiaisonStore *store, LiaisonEvent *e, LiaisonParticipant *p, LiaisonRegistrationStatus status)
{
  g_autoptr (GError) error = NULL;
  LiaisonRegistration *r = liaison_store_register (store, liaison_event_get_id (e), liaison_participant_get_id (p),
                                                   LIAISON_ROLE_DELEGATE, status, LIAISON_ORIGIN_LOCAL, &error);

  g_assert_no_error (error);
  return r;
}

static LiaisonRegistrationStatus
status_of (LiaisonStore *store, LiaisonRegistration *r)
{
  g_autoptr (LiaisonRegistration) now = liaison_store_get_registration (store, liaison_registration_get_id (r), NULL);

  g_assert_nonnull (now);
  return liaison_registration_get_status (now);
}

static gboolean
event_loaded (gpointer data)
{
  LiaisonEvent *e = liaison_event_page_get_event (data);

  return e != NULL;
}

/* The event's page with its registrations read, check-in open. */
static GtkWidget *
open_door (TestUi *ui, LiaisonEvent *event)
{
  GtkWidget *page;

  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (event)));
  page = test_ui_find (test_ui_page (ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
  g_assert_true (test_ui_wait_for (event_loaded, page, 10));
  test_ui_wait_loaded (page);
  g_assert_true (gtk_widget_activate_action (page, "event.check-in", NULL));
  test_ui_wait_revealed (test_ui_get_id (page, "check_in_revealer"));
  test_ui_wait_focus_in (test_ui_get_id (page, "check_in_entry"));
  return page;
}

/* Types into the box and presses Enter, as a person or a scanner does. */
static void
type_and_enter (GtkWidget *page, const char *text)
{
  GtkWidget *entry = test_ui_get_id (page, "check_in_entry");

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
}

typedef struct
{
  TestUi                   *ui;
  LiaisonRegistration      *registration;
  LiaisonRegistrationStatus status;
} Status;

static gboolean
has_status (gpointer data)
{
  Status *s = data;

  return status_of (s->ui->store, s->registration) == s->status;
}

static void
wait_status (TestUi *ui, LiaisonRegistration *r, LiaisonRegistrationStatus status)
{
  Status s = { ui, r, status };

  if (!test_ui_wait_for (has_status, &s, 10))
    g_error ("%s is %s, not %s", liaison_registration_get_id (r),
             liaison_registration_status_label (status_of (ui->store, r)), liaison_registration_status_label (status));
}

/* ------------------------------------------------------------------------ */

/* “somchai”, Enter, Ctrl+Z: the check-in is taken back, the typing is not
 * brought back, and the line under the box says so. Twice: the one before
 * goes back too. */
static void
test_ctrl_z (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) event = add_event (store, "Workshop on mangrove restoration", 0);
  g_autoptr (LiaisonParticipant) somchai = add_person (store, "ใจดี", "สมชาย", "Jaidee", "Somchai", "TH", NULL);
  g_autoptr (LiaisonParticipant) li = add_person (store, "李", "霞", "Li", "Xia", "CN", NULL);
  g_autoptr (LiaisonRegistration) r_somchai = register_person (store, event, somchai, LIAISON_REGISTRATION_CONFIRMED);
  g_autoptr (LiaisonRegistration) r_li = register_person (store, event, li, LIAISON_REGISTRATION_REGISTERED);
  g_autofree char *somchai_name = liaison_participant_dup_display_name (somchai);
  g_autofree char *no_longer = g_strdup_printf (_ ("%s is no longer checked in"), somchai_name);
  g_autoptr (AdwToast) before = NULL;
  GtkWidget *page = open_door (ui, event);
  GtkWidget *entry = test_ui_get_id (page, "check_in_entry");
  GtkWidget *message = test_ui_get_id (page, "check_in_message");

  before = test_ui_last_toast (ui);
  type_and_enter (page, "somchai");
  test_ui_wait_toast (ui, before);
  g_assert_cmpint (status_of (store, r_somchai), ==, LIAISON_REGISTRATION_ATTENDED);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  test_ui_wait_focus_in (entry);

  /* Ctrl+Z where the door-keeper is: in the box. */
  g_set_object (&before, liaison_window_get_last_toast (ui->window));
  g_assert_true (test_ui_press_key (GTK_WIDGET (ui->window), GDK_KEY_z, GDK_CONTROL_MASK));
  test_ui_wait_toast (ui, before);
  g_assert_cmpint (status_of (store, r_somchai), ==, LIAISON_REGISTRATION_CONFIRMED);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  test_ui_wait_label (message, no_longer);
  g_assert_false (gtk_widget_has_css_class (message, "success"));
  test_ui_screenshot (ui, test_ui_chinese () ? "check-in-undone-zh_CN.png" : "check-in-undone-en.png");

  /* Two in a row, two Ctrl+Z: both back, the last first. */
  type_and_enter (page, "somchai");
  wait_status (ui, r_somchai, LIAISON_REGISTRATION_ATTENDED);
  type_and_enter (page, "li xia");
  wait_status (ui, r_li, LIAISON_REGISTRATION_ATTENDED);
  test_ui_wait_focus_in (entry);
  g_assert_true (test_ui_press_key (GTK_WIDGET (ui->window), GDK_KEY_z, GDK_CONTROL_MASK));
  wait_status (ui, r_li, LIAISON_REGISTRATION_REGISTERED);
  g_assert_cmpint (status_of (store, r_somchai), ==, LIAISON_REGISTRATION_ATTENDED);
  g_assert_true (test_ui_press_key (GTK_WIDGET (ui->window), GDK_KEY_z, GDK_CONTROL_MASK));
  wait_status (ui, r_somchai, LIAISON_REGISTRATION_CONFIRMED);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

/* The wrong person checked in, the toast long gone: the status menu puts
 * it right, and Recent changes says it was a correction. */
static void
test_correction (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) event = add_event (store, "Seminar on clean air", 0);
  g_autoptr (LiaisonParticipant) li = add_person (store, "李", "霞", "Li", "Xia", "CN", NULL);
  g_autoptr (LiaisonRegistration) r = register_person (store, event, li, LIAISON_REGISTRATION_CONFIRMED);
  g_autoptr (LiaisonRegistration) checked = liaison_store_check_in (store, liaison_registration_get_id (r),
                                                                    LIAISON_ORIGIN_LOCAL, NULL);
  const char *name = "李霞"; /* as Recent changes names people */
  g_autoptr (AdwToast) before = NULL;
  g_autoptr (GPtrArray) journal = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  GtkWidget *page;

  g_assert_nonnull (checked);
  g_assert_true (liaison_registration_status_can_transition (LIAISON_REGISTRATION_ATTENDED,
                                                             LIAISON_REGISTRATION_CONFIRMED));
  g_assert_true (liaison_registration_status_can_transition (LIAISON_REGISTRATION_ATTENDED,
                                                             LIAISON_REGISTRATION_REGISTERED));
  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (event)));
  page = test_ui_find (test_ui_page (ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
  g_assert_true (test_ui_wait_for (event_loaded, page, 10));
  test_ui_wait_loaded (page);

  /* The menu of an attended person offers the way back. */
  test_ui_wait_shown (page, liaison_registration_status_label (LIAISON_REGISTRATION_ATTENDED));
  {
    GtkWidget  *button = test_ui_find (test_ui_get_id (page, "registrations_view"), GTK_TYPE_MENU_BUTTON, NULL);
    GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    GMenuModel *moves = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    gboolean    offers_confirmed = FALSE;

    for (int i = 0; i < g_menu_model_get_n_items (moves); i++)
      {
        g_autofree char *label = NULL;

        g_menu_model_get_item_attribute (moves, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
        offers_confirmed |= g_strcmp0 (label, liaison_registration_status_label (LIAISON_REGISTRATION_CONFIRMED)) == 0;
      }
    g_object_unref (moves);
    g_assert_true (offers_confirmed);
  }

  before = test_ui_last_toast (ui);
  g_assert_true (gtk_widget_activate_action (page, "event.set-status", "(ss)", liaison_registration_get_id (r),
                                             "confirmed"));
  test_ui_wait_toast (ui, before);
  g_assert_cmpint (status_of (store, r), ==, LIAISON_REGISTRATION_CONFIRMED);

  /* Recent changes: the check-in, one line; its correction, named so. */
  journal = liaison_store_list_recent_journal (store, 10, NULL);
  changes = liaison_journal_summarise (store, journal, 10);
  {
    g_autofree char *corrected =
        g_strdup_printf (_ ("Check-in of %1$s at “%2$s” corrected: %3$s"), name, "Seminar on clean air",
                         liaison_registration_status_label (LIAISON_REGISTRATION_CONFIRMED));
    g_autofree char *checked_in = g_strdup_printf (_ ("%1$s checked in at “%2$s”"), name, "Seminar on clean air");

    g_assert_cmpstr (((LiaisonChange *) g_ptr_array_index (changes, 0))->sentence, ==, corrected);
    g_assert_cmpstr (((LiaisonChange *) g_ptr_array_index (changes, 1))->sentence, ==, checked_in);
    /* And before it, the registration itself: no status changes between. */
    g_assert_null (strstr (((LiaisonChange *) g_ptr_array_index (changes, 2))->sentence, "→"));
  }
}

/* One letter and Enter checks nobody in; the code on the badge, whole, or
 * a whole name does. The list of those who match says who is who. */
static void
test_exact (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) event = add_event (store, "Forum on green development", 0);
  g_autoptr (LiaisonParticipant) somchai =
      add_person (store, "ใจดี", "สมชาย", "Jaidee", "Somchai", "TH", "Pollution Control Department");
  g_autoptr (LiaisonParticipant) sok = add_person (store, NULL, NULL, "Sok", "Sambath", "KH", "Ministry of Environment");
  g_autoptr (LiaisonRegistration) r_somchai = register_person (store, event, somchai, LIAISON_REGISTRATION_CONFIRMED);
  g_autoptr (LiaisonRegistration) r_sok = register_person (store, event, sok, LIAISON_REGISTRATION_CONFIRMED);
  GtkWidget       *page = open_door (ui, event);
  GtkWidget       *choices = test_ui_get_id (page, "check_in_choices");
  g_autofree char *code = g_ascii_strup (liaison_uuid_short (liaison_registration_get_id (r_sok)), -1);
  g_autofree char *start = g_strndup (code, 5);

  /* One letter: only Somchai has a name that starts with it (Jaidee), but
   * a letter is no name. */
  type_and_enter (page, "j");
  test_ui_wait_visible (choices);
  g_assert_cmpint (status_of (store, r_somchai), ==, LIAISON_REGISTRATION_CONFIRMED);
  /* The choice says who: country and organisation. */
  g_assert_true (test_ui_shows_text (choices, "Pollution Control Department"));
  g_assert_true (test_ui_shows_text (
      choices, liaison_country_get_name (liaison_country_lookup ("TH"), liaison_language_for_locale ())));
  test_ui_wait_focus_in (choices);
  test_ui_screenshot (ui, test_ui_chinese () ? "check-in-choose-zh_CN.png" : "check-in-choose-en.png");

  /* The start of a code is not the code. */
  type_and_enter (page, start);
  g_assert_cmpint (status_of (store, r_sok), ==, LIAISON_REGISTRATION_CONFIRMED);

  /* The whole code is. */
  type_and_enter (page, code);
  wait_status (ui, r_sok, LIAISON_REGISTRATION_ATTENDED);

  /* So is a whole name, in any case or script. */
  type_and_enter (page, "SOMCHAI");
  wait_status (ui, r_somchai, LIAISON_REGISTRATION_ATTENDED);
}

/* A scanner at a busy door: ten check-ins as fast as they come. (The toast
 * of each used to hide the one sliding in, and libadwaita 1.2 crashed.) */
static void
test_burst (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) event = add_event (store, "Youth forum on marine plastics", 0);
  g_autoptr (GPtrArray) regs = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *page;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *given = g_strdup_printf ("Delegate%u", i);
      g_autoptr (LiaisonParticipant) p = add_person (store, NULL, NULL, "Tran", given, "VN", NULL);

      g_ptr_array_add (regs, register_person (store, event, p, LIAISON_REGISTRATION_CONFIRMED));
    }
  page = open_door (ui, event);
  for (guint i = 0; i < regs->len; i++)
    {
      g_autofree char *code = g_ascii_strup (liaison_uuid_short (liaison_registration_get_id (g_ptr_array_index (regs, i))), -1);

      type_and_enter (page, code);
      /* A frame between two scans: each toast starts to slide in. */
      test_ui_wait_painted (page);
    }
  for (guint i = 0; i < regs->len; i++)
    g_assert_cmpint (status_of (store, g_ptr_array_index (regs, i)), ==, LIAISON_REGISTRATION_ATTENDED);
  test_ui_wait_toast_still (ui);
  g_assert_cmpuint (liaison_window_get_n_undo (ui->window), ==, 10);
}

/* Another event's door opens with an empty box and nothing said. */
static void
test_other_event (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) first = add_event (store, "Workshop on waste", 0);
  g_autoptr (LiaisonEvent) second = add_event (store, "Workshop on water", 0);
  GtkWidget *page = open_door (ui, first);

  type_and_enter (page, "nobody here");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (test_ui_get_id (page, "check_in_message"))), !=, "");
  gtk_editable_set_text (GTK_EDITABLE (test_ui_get_id (page, "check_in_entry")), "half-typed");
  page = open_door (ui, second);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_ui_get_id (page, "check_in_entry"))), ==, "");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (test_ui_get_id (page, "check_in_message"))), ==, "");
}

/* ------------------------------------------------------------------------ */

static gboolean
found_n (gpointer data)
{
  gpointer *args = data;

  return liaison_add_people_dialog_get_n_found (args[0]) == GPOINTER_TO_UINT (args[1]);
}

/* The row a name is shown in, in a list. */
static GtkWidget *
row_of (GtkWidget *root, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), name) == 0)
        return child;
      found = row_of (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *name;
} Row;

static gboolean
row_shown (gpointer data)
{
  Row       *r = data;
  GtkWidget *label = row_of (r->root, r->name);

  return label != NULL && gtk_widget_get_mapped (label);
}

/* A click on a person's row as GTK makes it: the row takes the focus, then
 * activates. */
static void
click_person (GtkWidget *dialog, const char *name)
{
  Row        wait = { dialog, name };
  GtkWidget *item;

  if (!test_ui_wait_for (row_shown, &wait, 10))
    g_error ("%s is not listed", name);
  item = gtk_widget_get_ancestor (row_of (dialog, name), g_type_from_name ("GtkListItemWidget"));
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_grab_focus (item));
  g_signal_emit_by_name (item, "activate-keybinding");
}

/* People ticked in Add People by click and keyboard (a critical from GTK
 * fails any ui test), and the waitlist follows the order they were
 * clicked. */
static void
test_add_people_order (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) event = add_event (store, "Training course with one place", 1);
  const char *names[] = { "Zaw", "Anong", "Mya", "Bopha" };
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) regs = NULL;
  g_autoptr (AdwToast) before = NULL;
  gpointer   args[2];
  GtkWidget *page, *dialog;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_ptr_array_add (people, add_person (store, NULL, NULL, NULL, names[i], "MM", NULL));
  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (event)));
  page = test_ui_find (test_ui_page (ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
  g_assert_true (test_ui_wait_for (event_loaded, page, 10));
  g_assert_true (gtk_widget_activate_action (page, "event.add-people", NULL));
  dialog = GTK_WIDGET (test_ui_dialog (ui, LIAISON_TYPE_ADD_PEOPLE_DIALOG));
  liaison_add_people_dialog_search (LIAISON_ADD_PEOPLE_DIALOG (dialog), "");
  args[0] = dialog;
  args[1] = GUINT_TO_POINTER (4);
  g_assert_true (test_ui_wait_for (found_n, args, 10));

  /* Clicked in an order of neither name nor age: Mya, Zaw, Bopha, Anong. */
  click_person (dialog, "Mya");
  click_person (dialog, "Zaw");
  click_person (dialog, "Bopha");
  click_person (dialog, "Anong");
  /* The arrows over the list, as a keyboard user moves. */
  g_assert_true (gtk_widget_child_focus (test_ui_get_id (dialog, "list_view"), GTK_DIR_DOWN) ||
                 gtk_widget_child_focus (test_ui_get_id (dialog, "list_view"), GTK_DIR_UP));
  test_ui_screenshot_widget (dialog, test_ui_chinese () ? "add-people-zh_CN.png" : "add-people-en.png");

  before = test_ui_last_toast (ui);
  g_assert_true (gtk_widget_activate_action (dialog, "people.add", NULL));
  test_ui_wait_closed (LIAISON_TYPE_ADD_PEOPLE_DIALOG);
  test_ui_wait_toast (ui, before);
  regs = liaison_store_list_registrations (store, liaison_event_get_id (event), NULL);
  g_assert_cmpuint (regs->len, ==, 4);
  {
    const guint order[] = { 2, 0, 3, 1 }; /* Mya, Zaw, Bopha, Anong */

    for (guint i = 0; i < regs->len; i++)
      {
        LiaisonRegistration *r = g_ptr_array_index (regs, i);

        g_assert_cmpstr (liaison_registration_get_participant_id (r), ==,
                         liaison_participant_get_id (g_ptr_array_index (people, order[i])));
        g_assert_cmpint (liaison_registration_get_status (r), ==,
                         i == 0 ? LIAISON_REGISTRATION_REGISTERED : LIAISON_REGISTRATION_WAITLISTED);
      }
  }
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/check-in/ctrl-z", test_ctrl_z);
  g_test_add_func ("/liaison/check-in/correction", test_correction);
  g_test_add_func ("/liaison/check-in/exact", test_exact);
  g_test_add_func ("/liaison/check-in/burst", test_burst);
  g_test_add_func ("/liaison/check-in/other-event", test_other_event);
  g_test_add_func ("/liaison/check-in/add-people-order", test_add_people_order);

  return g_test_run ();
}
