/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-event-page.h"
#include "liaison-event-registrations.h"
#include "liaison-gui-util.h"
#include "liaison-participant-view.h"
#include "liaison-store-people.h"
#include "test-ui.h"

/* Delete confirmations name what is deleted and say what goes with it
 * (an event and its registrations, a person and theirs, an officer's
 * entry in the directory), and the toast after it shows its whole
 * sentence, however long the name. */

#define LONG_TITLE                                                                                               \
  "Regional workshop on the monitoring of marine plastic litter in estuaries and coastal waters of the Mekong, " \
  "Chao Phraya and Red River deltas"
#define LONG_TITLE_ZH "湄公河、湄南河和红河三角洲河口及沿海水域海洋塑料垃圾监测区域研讨会暨技术交流与能力建设培训班"

static LiaisonEvent *
add_event (LiaisonStore *store, const char *title_en, const char *title_zh)
{
  LiaisonEvent *e = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, title_en);
  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH, title_zh);
  g_assert_true (liaison_event_set_when (e, "2026-05-12T09:00", "2026-05-14T17:00", "Asia/Ho_Chi_Minh", NULL));
  liaison_event_set_kind (e, LIAISON_EVENT_KIND_TRAINING_COURSE);
  liaison_event_set_country (e, "VN");
  liaison_bilingual_set_text (liaison_event_get_city (e), LIAISON_LANGUAGE_EN, "Hanoi");
  liaison_bilingual_set_text (liaison_event_get_city (e), LIAISON_LANGUAGE_ZH, "河内");
  g_assert_true (liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return e;
}

static LiaisonParticipant *
add_person (LiaisonStore *store, const char *family, const char *given, const char *family_latin, const char *given_latin, const char *country)
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

static void
register_person (LiaisonStore *store, LiaisonEvent *e, LiaisonParticipant *p)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonRegistration) r =
      liaison_store_register (store, liaison_event_get_id (e), liaison_participant_get_id (p), LIAISON_ROLE_DELEGATE,
                              LIAISON_REGISTRATION_CONFIRMED, LIAISON_ORIGIN_LOCAL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
}

static const char *
shown_title (LiaisonEvent *e)
{
  return liaison_bilingual_get_display (liaison_event_get_title (e), liaison_language_for_locale ());
}

typedef struct
{
  TestUi *ui;
  guint   n;
} Loaded;

static GtkWidget *
event_page (TestUi *ui)
{
  return test_ui_find (test_ui_page (ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
}

static gboolean
event_shown_with (gpointer data)
{
  Loaded    *l = data;
  GtkWidget *page = event_page (l->ui);
  GtkWidget *registrations = page != NULL ? test_ui_find (page, LIAISON_TYPE_EVENT_REGISTRATIONS, NULL) : NULL;

  return page != NULL && liaison_event_page_get_event (LIAISON_EVENT_PAGE (page)) != NULL && registrations != NULL &&
         liaison_event_registrations_get_n_items (LIAISON_EVENT_REGISTRATIONS (registrations)) == l->n;
}

static GtkWidget *
find_labelled_button (GtkWidget *root, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_labelled_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The dialog's button pressed, as a click does: it answers and closes. */
static void
press (TestUi *ui, AdwMessageDialog *dialog, const char *label)
{
  GtkWidget *button = find_labelled_button (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  gtk_widget_activate (button);
  test_ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
}

/* The visible label under root that reads text exactly. */
static GtkLabel *
find_label (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_get_mapped (child) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (child)), text) == 0)
        return GTK_LABEL (child);
      found = find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The toast's sentence is whole on screen: one line, not ellipsized. */
static void
assert_toast_whole (TestUi *ui, const char *text)
{
  GtkLabel *label;

  test_ui_wait_toast_still (ui);
  test_ui_wait_painted (GTK_WIDGET (ui->window));
  label = find_label (GTK_WIDGET (ui->window), text);
  g_assert_nonnull (label);
  g_test_message ("toast: %s", text);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (label)));
  /* One line: a toast is a pill, and a second line is cut by its ends. */
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (label)), ==, 1);
}

static void
test_event (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) workshop = add_event (store, "Workshop on marine plastics, Hanoi", "海洋塑料研讨会（河内）");
  g_autoptr (LiaisonEvent) long_one = add_event (store, LONG_TITLE, LONG_TITLE_ZH);
  g_autoptr (LiaisonParticipant) li = add_person (store, "李", "霞", "Li", "Xia", "CN");
  g_autoptr (LiaisonParticipant) lan = add_person (store, "Nguyễn", "Thị Lan", "Nguyen", "Thi Lan", "VN");
  g_autoptr (AdwToast) before = NULL;
  g_autofree char  *heading = NULL;
  g_autofree char  *body = NULL;
  g_autofree char  *deleted = NULL;
  g_autofree char  *shortened = NULL;
  AdwMessageDialog *dialog;
  Loaded            loaded = { ui, 2 };

  register_person (store, workshop, li);
  register_person (store, workshop, lan);

  /* Named, with its registrations. */
  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (workshop)));
  g_assert_true (test_ui_wait_for (event_shown_with, &loaded, 10));
  g_assert_true (gtk_widget_activate_action (event_page (ui), "event.delete", NULL));
  dialog = ADW_MESSAGE_DIALOG (test_ui_dialog (ui, ADW_TYPE_MESSAGE_DIALOG));
  heading = g_strdup_printf (_ ("Delete “%s”?"), shown_title (workshop));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_nonnull (strstr (heading, test_ui_chinese () ? "海洋塑料研讨会（河内）" : "Workshop on marine plastics, Hanoi"));
  body = g_strdup_printf (ngettext ("Its %u registration is deleted with it; the person stays in Participants. You "
                                    "can undo this from the notification that follows.",
                                    "Its %u registrations are deleted with it; the people stay in Participants. You "
                                    "can undo this from the notification that follows.",
                                    2),
                          2);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  test_ui_screenshot_widget (GTK_WIDGET (dialog),
                             test_ui_chinese () ? "delete-event-zh_CN.png" : "delete-event-en.png");
  press (ui, dialog, _ ("_Cancel"));
  g_assert_nonnull (liaison_store_get_event (store, liaison_event_get_id (workshop), NULL));

  /* A long title: the whole heading, and a toast whose sentence shows. */
  loaded.n = 0;
  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (long_one)));
  g_assert_true (test_ui_wait_for (event_shown_with, &loaded, 10));
  g_assert_true (gtk_widget_activate_action (event_page (ui), "event.delete", NULL));
  dialog = ADW_MESSAGE_DIALOG (test_ui_dialog (ui, ADW_TYPE_MESSAGE_DIALOG));
  g_free (heading);
  heading = g_strdup_printf (_ ("Delete “%s”?"), shown_title (long_one));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   _ ("Nobody is registered for it. You can undo this from the notification that follows."));
  before = test_ui_last_toast (ui);
  press (ui, dialog, _ ("_Delete"));
  test_ui_wait_toast (ui, before);
  g_assert_null (liaison_store_get_event (store, liaison_event_get_id (long_one), NULL));
  shortened = liaison_gui_toast_name (shown_title (long_one));
  g_assert_cmpuint (g_utf8_strlen (shortened, -1), <, g_utf8_strlen (shown_title (long_one), -1));
  deleted = g_strdup_printf (_ ("“%s” deleted"), shortened);
  g_assert_cmpstr (adw_toast_get_title (liaison_window_get_last_toast (ui->window)), ==, deleted);
  assert_toast_whole (ui, deleted);
  test_ui_screenshot (ui, test_ui_chinese () ? "delete-event-toast-zh_CN.png" : "delete-event-toast-en.png");
}

static gboolean
history_read (gpointer data)
{
  GtkWidget *view = test_ui_find (test_ui_page (data, "participants"), LIAISON_TYPE_PARTICIPANT_VIEW, NULL);

  return view != NULL && liaison_participant_view_get_participant (LIAISON_PARTICIPANT_VIEW (view)) != NULL &&
         g_list_model_get_n_items (liaison_participant_view_get_history (LIAISON_PARTICIPANT_VIEW (view))) == 2;
}

static void
test_participant (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) workshop = add_event (store, "Workshop on marine plastics, Hanoi", "海洋塑料研讨会（河内）");
  g_autoptr (LiaisonEvent) forum = add_event (store, "Youth forum, Manila", "青年论坛（马尼拉）");
  g_autoptr (LiaisonParticipant) li = add_person (store, "李", "霞", "Li", "Xia", "CN");
  g_autofree char *name = liaison_participant_dup_display_name (li);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *deleted = NULL;
  g_autoptr (AdwToast) before = NULL;
  GtkWidget        *view;
  AdwMessageDialog *dialog;

  register_person (store, workshop, li);
  register_person (store, forum, li);
  test_ui_activate (ui, "win.show-participant", g_variant_new_string (liaison_participant_get_id (li)));
  g_assert_true (test_ui_wait_for (history_read, ui, 10));
  view = test_ui_find (test_ui_page (ui, "participants"), LIAISON_TYPE_PARTICIPANT_VIEW, NULL);
  g_assert_true (gtk_widget_activate_action (view, "person.delete", NULL));
  dialog = ADW_MESSAGE_DIALOG (test_ui_dialog (ui, ADW_TYPE_MESSAGE_DIALOG));
  heading = g_strdup_printf (_ ("Delete %s?"), name);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  g_assert_nonnull (strstr (heading, test_ui_chinese () ? "李霞" : "Li Xia"));
  body = g_strdup_printf (ngettext ("Their registration for %u event is deleted with them. You can undo the "
                                    "deletion from the notification that follows.",
                                    "Their registrations for %u events are deleted with them. You can undo the "
                                    "deletion from the notification that follows.",
                                    2),
                          2);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, body);
  test_ui_screenshot_widget (GTK_WIDGET (dialog),
                             test_ui_chinese () ? "delete-participant-zh_CN.png" : "delete-participant-en.png");
  before = test_ui_last_toast (ui);
  press (ui, dialog, _ ("_Delete"));
  test_ui_wait_toast (ui, before);
  deleted = g_strdup_printf (_ ("Deleted %s"), name);
  g_assert_cmpstr (adw_toast_get_title (liaison_window_get_last_toast (ui->window)), ==, deleted);
  assert_toast_whole (ui, deleted);
}

static void
test_officer (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonParticipant) somchai = add_person (store, NULL, NULL, "Srisuk", "Somchai", "TH");
  g_autofree char *name = liaison_participant_dup_display_name (somchai);
  g_autoptr (GError) error = NULL;
  g_autofree char *id =
      liaison_store_add_officer (store, liaison_participant_get_id (somchai), "TH", LIAISON_OFFICER_BODY_ASOEN,
                                 LIAISON_OFFICER_ROLE_OFFICER, "2024-01-01", NULL, LIAISON_ORIGIN_LOCAL, &error);
  g_autofree char *heading = NULL;
  g_autofree char *removed = NULL;
  g_autoptr (GPtrArray) left = NULL;
  GtkWidget        *page;
  AdwMessageDialog *dialog;

  g_assert_no_error (error);
  test_ui_show_page (ui, "officers");
  page = test_ui_page (ui, "officers");
  test_ui_wait_loaded (page);
  g_assert_true (gtk_widget_activate_action (page, "officers.remove", "s", id));
  dialog = ADW_MESSAGE_DIALOG (test_ui_dialog (ui, ADW_TYPE_MESSAGE_DIALOG));
  heading = g_strdup_printf (_ ("Remove %s from the Directory?"), name);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, heading);
  /* What goes: the role, for the country, in its term; the person stays. */
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), liaison_officer_role_label (LIAISON_OFFICER_ROLE_OFFICER)));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), test_ui_chinese () ? "泰国" : "Thailand"));
  press (ui, dialog, _ ("_Remove"));
  test_ui_wait_loaded (page);
  left = liaison_store_list_officers (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (left->len, ==, 0);
  removed = g_strdup_printf (_ ("%s removed from the directory"), name);
  test_ui_wait_shown (GTK_WIDGET (ui->window), removed);
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/confirmations/event", test_event);
  g_test_add_func ("/liaison/confirmations/participant", test_participant);
  g_test_add_func ("/liaison/confirmations/officer", test_officer);

  return g_test_run ();
}
