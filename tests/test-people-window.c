/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-bar-chart.h"
#include "liaison-delegation-board.h"
#include "liaison-event-editor.h"
#include "liaison-event-page.h"
#include "liaison-officers-page.h"
#include "liaison-participant-view.h"
#include "liaison-person-picker.h"
#include "liaison-person-privacy.h"
#include "liaison-person-programme.h"
#include "liaison-store-people.h"
#include "test-ui.h"

/* People across the years in the window, as a coordinator uses them: the
 * Green Envoys view and a click through to an alumnus, an event's
 * delegations (a quota, a nomination with its letter, approval refused
 * past the quota), the liaison officers and the work plan they review, and
 * a person's consent, data and anonymisation. */

static gboolean chinese;

static char *
add_person (LiaisonStore *store, const char *family, const char *given, const char *family_latin, const char *given_latin, const char *country, gboolean consent)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_participant_set_native_name (p, family, given);
  liaison_participant_set_latin_name (p, family_latin, given_latin);
  liaison_participant_set_name_order (p, family != NULL ? LIAISON_NAME_ORDER_FAMILY_FIRST : LIAISON_NAME_ORDER_GIVEN_FIRST);
  liaison_participant_set_country (p, country);
  liaison_participant_set_emails (p, (const char *[]){ "someone@example.org", NULL });
  liaison_participant_set_sector (p, LIAISON_SECTOR_YOUTH);
  if (consent)
    liaison_participant_set_consent (p, TRUE, "2019-06-01");
  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_strdup (liaison_participant_get_id (p));
}

static char *
add_event (LiaisonStore *store, const char *title_en, const char *title_zh, const char *start, LiaisonEventKind kind, const char *track)
{
  g_autoptr (LiaisonEvent) e = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, title_en);
  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH, title_zh);
  g_assert_true (liaison_event_set_when (e, start, NULL, "Asia/Bangkok", NULL));
  liaison_event_set_kind (e, kind);
  liaison_event_set_country (e, "TH");
  liaison_event_set_track (e, track);
  g_assert_true (liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_strdup (liaison_event_get_id (e));
}

static void
attend (LiaisonStore *store, const char *event, const char *person, LiaisonRole role)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonRegistration) r = liaison_store_register (store, event, person, role, LIAISON_REGISTRATION_REGISTERED,
                                                              LIAISON_ORIGIN_LOCAL, &error);
  g_autoptr (LiaisonRegistration) in = NULL;

  g_assert_no_error (error);
  in = liaison_store_check_in (store, liaison_registration_get_id (r), LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
}

static const char *
toast_title (TestUi *ui)
{
  return adw_toast_get_title (liaison_window_get_last_toast (ui->window));
}

static AdwMessageDialog *
open_dialog (TestUi *ui, GtkWidget *widget, const char *action, GVariant *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (widget, action, parameter));
  return ADW_MESSAGE_DIALOG (test_ui_dialog (ui, ADW_TYPE_MESSAGE_DIALOG));
}

/* Answers a dialog and waits for it to close and for the toast it leads to. */
static void
answer (TestUi *ui, AdwMessageDialog *dialog, const char *response)
{
  g_autoptr (AdwToast) before = test_ui_last_toast (ui);

  test_ui_wait_transitions (GTK_WIDGET (dialog));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  test_ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
  test_ui_wait_toast (ui, before);
}

static void
set_row_text (AdwMessageDialog *dialog, const char *name, const char *text)
{
  GtkWidget *row = test_ui_find (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, name);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
choose_row (AdwMessageDialog *dialog, const char *name, guint position)
{
  GtkWidget *row = test_ui_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, name);

  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
}

static GtkWidget *
toast_widget (TestUi *ui)
{
  GType type = g_type_from_name ("AdwToastWidget");

  return type != 0 ? test_ui_find (GTK_WIDGET (ui->window), type, NULL) : NULL;
}

/* Closes the toasts on screen and those queued behind them, as a person
 * would with their close buttons. */
typedef struct
{
  TestUi    *ui;
  GtkWidget *gone;
} TestToastGone;

static gboolean
toast_gone (gpointer data)
{
  TestToastGone *t = data;
  GType          type = g_type_from_name ("AdwToastWidget");

  for (GtkWidget *w = test_ui_find (GTK_WIDGET (t->ui->window), ADW_TYPE_TOAST_OVERLAY, NULL) != NULL
                          ? gtk_widget_get_first_child (test_ui_find (GTK_WIDGET (t->ui->window), ADW_TYPE_TOAST_OVERLAY, NULL))
                          : NULL;
       w != NULL; w = gtk_widget_get_next_sibling (w))
    if (w == t->gone && G_TYPE_CHECK_INSTANCE_TYPE (w, type))
      return FALSE;
  return TRUE;
}

static void
dismiss_toasts (TestUi *ui)
{
  for (guint i = 0; i < 20; i++)
    {
      TestToastGone t = { ui, NULL };
      GtkWidget    *close;

      test_ui_wait_toast_still (ui);
      t.gone = toast_widget (ui);
      if (t.gone == NULL)
        break;
      close = test_ui_find (t.gone, GTK_TYPE_BUTTON, NULL);
      g_assert_nonnull (close);
      gtk_widget_activate (close);
      g_assert_true (test_ui_wait_for (toast_gone, &t, 10));
    }
  test_ui_wait_toast_still (ui);
}

/* Brings widget into view in its scrolled window, the toast gone: what a
 * screenshot of it should show. */
static void
show_in_view (TestUi *ui, GtkWidget *widget)
{
  GtkWidget       *scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment   *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  graphene_point_t at;

  dismiss_toasts (ui);
  test_ui_wait_painted (widget);
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                           &GRAPHENE_POINT_INIT (0, 0), &at));
  gtk_adjustment_set_value (adjustment, at.y - 12);
  test_ui_wait_painted (scroller);
}

static guint
member_index (const char *code)
{
  g_autoptr (GPtrArray) members = liaison_country_list_members ();

  for (guint i = 0; i < members->len; i++)
    if (g_str_equal (liaison_country_get_code (g_ptr_array_index (members, i)), code))
      return i;
  g_error ("%s is not a member", code);
}

static const char *
country (const char *code)
{
  return liaison_country_get_name (liaison_country_lookup (code), chinese ? LIAISON_LANGUAGE_ZH : LIAISON_LANGUAGE_EN);
}

static gboolean
picked (gpointer picker)
{
  return liaison_person_picker_get_selected (picker) != NULL;
}

static void
pick (AdwMessageDialog *dialog, const char *query)
{
  GtkWidget *picker = test_ui_find (GTK_WIDGET (dialog), LIAISON_TYPE_PERSON_PICKER, NULL);

  g_assert_nonnull (picker);
  liaison_person_picker_search (LIAISON_PERSON_PICKER (picker), query);
  g_assert_true (test_ui_wait_for (picked, picker, 10));
}

typedef struct
{
  GtkWidget  *root;
  GType       type;
  const char *name;
} Finding;

static gboolean
finds (gpointer data)
{
  Finding *f = data;

  return test_ui_find (f->root, f->type, f->name) != NULL;
}

static GtkWidget *
wait_row (GtkWidget *root, GType type, const char *name)
{
  Finding f = { root, type, name };

  if (!test_ui_wait_for (finds, &f, 10))
    g_error ("No %s named %s", g_type_name (type), name);
  return test_ui_find (root, type, name);
}

/* ------------------------------------------------------------------------ */
/* The Green Envoys view                                                     */

static void
test_programme (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore    *store = ui->store;
  g_autofree char *camp = add_event (store, "Marine plastics youth camp 2019", "2019年海洋减塑青年营", "2019-07-10",
                                     LIAISON_EVENT_KIND_YOUTH_FORUM, "marine-plastics-youth");
  g_autofree char *forum = add_event (store, "Climate youth forum 2021", "2021年应对气候变化青年论坛", "2021-05-10",
                                      LIAISON_EVENT_KIND_YOUTH_FORUM, "climate-youth");
  g_autofree char *camp2 = add_event (store, "Marine plastics youth camp 2024", "2024年海洋减塑青年营", "2024-07-10",
                                      LIAISON_EVENT_KIND_YOUTH_FORUM, "marine-plastics-youth");
  g_autofree char *li = add_person (store, "李", "霞", "Li", "Xia", "CN", TRUE);
  g_autofree char *khai = add_person (store, "Nguyễn", "Thị Minh Khai", NULL, NULL, "VN", TRUE);
  g_autofree char *somchai = add_person (store, NULL, NULL, "Srisuk", "Somchai", "TH", FALSE);
  g_autofree char *summary = NULL;
  g_autofree char *cohort = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget       *page, *chart, *row;
  g_autofree char *description = NULL;

  attend (store, camp, li, LIAISON_ROLE_DELEGATE);
  attend (store, forum, li, LIAISON_ROLE_SPEAKER);
  attend (store, camp2, li, LIAISON_ROLE_MENTOR);
  attend (store, camp, khai, LIAISON_ROLE_DELEGATE);
  attend (store, camp2, khai, LIAISON_ROLE_SPEAKER);
  attend (store, forum, somchai, LIAISON_ROLE_DELEGATE);
  attend (store, camp2, somchai, LIAISON_ROLE_DELEGATE);
  g_assert_true (liaison_store_set_consent (store, li, TRUE, "2019-06-01", LIAISON_CONSENT_EVENTS | LIAISON_CONSENT_PROGRAMME,
                                            LIAISON_ORIGIN_LOCAL, &error));

  test_ui_show_page (ui, "programme");
  page = test_ui_page (ui, "programme");
  summary = g_strdup_printf (g_dngettext (NULL, "%u person has attended the programme's events.",
                                          "%u people have attended the programme's events.", 3),
                             3);
  test_ui_wait_shown (page, summary);

  /* The chart and the table under it say the same. */
  chart = test_ui_get_id (page, "cohorts_chart");
  g_assert_cmpuint (liaison_bar_chart_get_total (LIAISON_BAR_CHART (chart)), ==, 3);
  description = liaison_bar_chart_describe (LIAISON_BAR_CHART (chart));
  g_assert_nonnull (strstr (description, "2019"));
  g_assert_nonnull (strstr (description, "2021"));
  cohort = g_strdup_printf (g_dngettext (NULL, "Cohort of %1$d: %2$u person", "Cohort of %1$d: %2$u people", 2), 2019, 2);
  g_assert_true (test_ui_shows_text (page, cohort));
  g_assert_cmpuint (liaison_bar_chart_get_total (LIAISON_BAR_CHART (test_ui_get_id (page, "countries_chart"))), ==, 3);

  /* All three came back; the one without consent is marked, not hidden. */
  g_assert_nonnull (test_ui_find (page, ADW_TYPE_ACTION_ROW, li));
  g_assert_nonnull (test_ui_find (page, ADW_TYPE_ACTION_ROW, khai));
  row = test_ui_find (page, ADW_TYPE_ACTION_ROW, somchai);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "no-consent"));
  g_assert_false (gtk_widget_has_css_class (test_ui_find (page, ADW_TYPE_ACTION_ROW, li), "no-consent"));
  test_ui_screenshot (ui, chinese ? "programme-zh_CN.png" : "programme-en.png");

  /* A click goes to the person, whose page has the record. */
  gtk_widget_activate (test_ui_find (page, ADW_TYPE_ACTION_ROW, li));
  {
    g_autofree char *cohort_of = g_strdup_printf (_ ("Cohort of %d"), 2019);
    GtkWidget       *participants = test_ui_page (ui, "participants");

    test_ui_wait_shown (participants, cohort_of);
    g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "participants");
    g_assert_cmpint (liaison_person_programme_get_cohort (LIAISON_PERSON_PROGRAMME (test_ui_find (participants, LIAISON_TYPE_PERSON_PROGRAMME, NULL))),
                     ==, 2019);
  }

  /* A track added by hand. */
  test_ui_show_page (ui, "programme");
  {
    AdwMessageDialog *dialog = open_dialog (ui, page, "programme.add-track", NULL);

    set_row_text (dialog, "title-zh", "生物多样性青年领导力计划");
    set_row_text (dialog, "title-en", "Biodiversity Youth Leadership");
    answer (ui, dialog, "add");
    g_assert_nonnull (strstr (toast_title (ui), "biodiversity-youth-leadership"));
    test_ui_wait_shown (page, chinese ? "生物多样性青年领导力计划" : "Biodiversity Youth Leadership");
  }

  /* An event can belong to it: the editor offers it after the others. */
  test_ui_activate (ui, "win.new-event", NULL);
  {
    GtkWidget  *editor = GTK_WIDGET (test_ui_dialog (ui, LIAISON_TYPE_EVENT_EDITOR));
    GListModel *tracks = adw_combo_row_get_model (ADW_COMBO_ROW (test_ui_get_id (editor, "track_row")));
    g_autoptr (GtkStringObject) last = g_list_model_get_item (tracks, g_list_model_get_n_items (tracks) - 1);

    g_assert_cmpuint (g_list_model_get_n_items (tracks), ==, 5);
    g_assert_cmpstr (gtk_string_object_get_string (last), ==, chinese ? "生物多样性青年领导力计划" : "Biodiversity Youth Leadership");
    gtk_window_destroy (GTK_WINDOW (editor));
    test_ui_wait_closed (LIAISON_TYPE_EVENT_EDITOR);
  }
}

/* ------------------------------------------------------------------------ */
/* Delegations                                                               */

static void
test_delegations (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore    *store = ui->store;
  g_autofree char *event = add_event (store, "Marine Plastics Youth Forum 2027", "2027年海洋减塑青年论坛", "2027-03-10",
                                      LIAISON_EVENT_KIND_YOUTH_FORUM, "marine-plastics-youth");
  g_autofree char *somchai = add_person (store, NULL, NULL, "Srisuk", "Somchai", "TH", FALSE);
  g_autofree char *kanya = add_person (store, NULL, NULL, "Srisuk", "Kanya", "TH", TRUE);
  g_autofree char *niran = add_person (store, NULL, NULL, "Boonmee", "Niran", "TH", TRUE);
  g_autofree char *letter = g_build_filename (ui->dir, "nv-2027-017.pdf", NULL);
  g_autoptr (LiaisonRegistration) kanya_r = NULL;
  g_autoptr (GPtrArray) regs = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget        *page, *board;
  AdwMessageDialog *dialog;
  const char       *somchai_r;

  g_assert_true (g_file_set_contents (letter, "%PDF-1.4 note verbale", -1, NULL));
  test_ui_activate (ui, "win.show-event", g_variant_new_string (event));
  page = test_ui_find (test_ui_page (ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
  board = wait_row (page, LIAISON_TYPE_DELEGATION_BOARD, NULL);
  test_ui_wait_shown (board, _ ("No quota and no delegation yet"));

  /* Thailand may send one. */
  dialog = open_dialog (ui, board, "board.set-quota", NULL);
  choose_row (dialog, "country", member_index ("TH"));
  set_row_text (dialog, "quota", "1");
  answer (ui, dialog, "set");
  {
    g_autofree char *quota = g_strdup_printf (_ ("Quota %d"), 1);

    wait_row (board, ADW_TYPE_ACTION_ROW, "TH");
    test_ui_wait_shown (board, quota);
  }

  /* Somchai nominated with the note verbale; Kanya by the other office. */
  dialog = open_dialog (ui, board, "board.nominate", NULL);
  pick (dialog, "somchai");
  set_row_text (dialog, "letter", letter);
  answer (ui, dialog, "nominate");
  kanya_r = liaison_store_nominate (store, event, kanya, "TH", LIAISON_ROLE_DELEGATE, NULL, NULL, LIAISON_ORIGIN_REMOTE, &error);
  g_assert_no_error (error);
  regs = liaison_store_list_registrations (store, event, &error);
  g_assert_cmpuint (regs->len, ==, 2);
  somchai_r = liaison_registration_get_id (g_ptr_array_index (regs, 0));
  g_assert_cmpint (liaison_registration_get_status (g_ptr_array_index (regs, 0)), ==, LIAISON_REGISTRATION_NOMINATED);
  wait_row (board, ADW_TYPE_ACTION_ROW, liaison_registration_get_id (kanya_r));
  {
    g_autofree char *letter_text = g_strdup_printf (_ ("Letter: %s"), "nv-2027-017.pdf");

    test_ui_wait_shown (board, letter_text);
    test_ui_wait_shown (board, _ ("No letter yet"));
  }
  show_in_view (ui, board);
  test_ui_screenshot (ui, chinese ? "delegations-zh_CN.png" : "delegations-en.png");

  /* Approved within the quota; the next one is refused, and says why. */
  {
    g_autoptr (AdwToast) before = test_ui_last_toast (ui);
    g_autofree char *full = NULL;

    g_assert_true (gtk_widget_activate_action (board, "board.approve", "s", somchai_r));
    test_ui_wait_toast (ui, before);
    g_set_object (&before, liaison_window_get_last_toast (ui->window));
    g_assert_true (gtk_widget_activate_action (board, "board.approve", "s", liaison_registration_get_id (kanya_r)));
    test_ui_wait_toast (ui, before);
    full = g_strdup_printf (g_dngettext (NULL,
                                         "The delegation of %1$s is full: its quota is %2$u person, already accepted. "
                                         "Raise the quota or decline someone first",
                                         "The delegation of %1$s is full: its quota is %2$u people, all accepted already. "
                                         "Raise the quota or decline someone first",
                                         1),
                            country ("TH"), 1);
    g_assert_cmpstr (toast_title (ui), ==, full);
  }
  {
    g_autoptr (LiaisonRegistration) still = liaison_store_get_registration (store, liaison_registration_get_id (kanya_r), &error);

    g_assert_cmpint (liaison_registration_get_status (still), ==, LIAISON_REGISTRATION_NOMINATED);
  }

  /* A quota lowered below the approved: refused, with what to do. */
  dialog = open_dialog (ui, board, "board.set-quota", NULL);
  choose_row (dialog, "country", member_index ("TH"));
  set_row_text (dialog, "quota", "0");
  answer (ui, dialog, "set");
  {
    g_autofree char *refused = g_strdup_printf (g_dngettext (NULL,
                                                             "%1$u member of the delegation of %2$s is accepted already: "
                                                             "decline or cancel one before lowering the quota to %3$u",
                                                             "%1$u members of the delegation of %2$s are accepted "
                                                             "already: decline or cancel some before lowering the quota "
                                                             "to %3$u",
                                                             1),
                                                1, country ("TH"), 0);

    g_assert_cmpstr (toast_title (ui), ==, refused);
  }

  /* A letter that is not a file: said so, nobody nominated. */
  dialog = open_dialog (ui, board, "board.nominate", NULL);
  pick (dialog, "niran");
  set_row_text (dialog, "letter", ui->dir);
  answer (ui, dialog, "nominate");
  {
    g_autofree char *not_file = g_strdup_printf (_ ("Cannot attach “%s”: it is not a file (a folder or a device?)"), ui->dir);
    g_autoptr (GPtrArray) now = liaison_store_list_registrations (store, event, &error);

    g_assert_cmpstr (toast_title (ui), ==, not_file);
    g_assert_cmpuint (now->len, ==, 2);
  }
}

/* ------------------------------------------------------------------------ */
/* Liaison officers and the work plan                                        */

static void
on_sent (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (liaison_officers_page_send_plan_finish (LIAISON_OFFICERS_PAGE (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static void
test_officers (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore    *store = ui->store;
  g_autofree char *wang = add_person (store, "王", "伟", "Wang", "Wei", "CN", TRUE);
  g_autofree char *somchai = add_person (store, NULL, NULL, "Srisuk", "Somchai", "TH", FALSE);
  g_autofree char *meeting = add_event (store, "Liaison Officers' Meeting 2026", "2026年中国-东盟环境合作联络员会议",
                                        "2026-11-04", LIAISON_EVENT_KIND_LIAISON_MEETING, NULL);
  g_autofree char *forum = add_event (store, "Marine Plastics Youth Forum 2027", "2027年海洋减塑青年论坛", "2027-03-10",
                                      LIAISON_EVENT_KIND_YOUTH_FORUM, "marine-plastics-youth");
  g_autofree char *course = add_event (store, "Training course for officials 2027", "2027年环境官员研修班", "2027-06-01",
                                       LIAISON_EVENT_KIND_TRAINING_COURSE, "officials-capacity");
  g_autofree char *pdf = g_build_filename (ui->dir, "work-plan-2027-v1.pdf", NULL);
  g_autofree char *ics = g_build_filename (ui->dir, "work-plan-2027-v1.ics", NULL);
  g_autofree char *ics_text = NULL;
  g_autofree char *old = NULL;
  g_autoptr (GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr (LiaisonWorkPlan) plan = NULL;
  g_autoptr (GPtrArray) feedback = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget        *page, *row;
  AdwMessageDialog *dialog;
  gboolean          sent = FALSE;

  old = liaison_store_add_officer (store, somchai, "TH", LIAISON_OFFICER_BODY_ASOEN, LIAISON_OFFICER_ROLE_OFFICER,
                                   "2020-01-01", "2023-12-31", LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  test_ui_show_page (ui, "officers");
  page = test_ui_page (ui, "officers");
  wait_row (page, ADW_TYPE_ACTION_ROW, somchai);
  test_ui_wait_shown (page, C_ ("officer", "Former"));

  /* China's officer, nominated by the ministry as the country says. */
  dialog = open_dialog (ui, page, "officers.add", NULL);
  pick (dialog, "wang wei");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (test_ui_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "country"))),
                    ==, member_index ("CN"));
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (test_ui_find (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "body"))), ==, 1);
  set_row_text (dialog, "from", "2024-01-01");
  answer (ui, dialog, "add");
  wait_row (page, ADW_TYPE_ACTION_ROW, wang);
  test_ui_wait_shown (page, liaison_officer_body_label (LIAISON_OFFICER_BODY_MEE));
  g_assert_nonnull (test_ui_find (page, ADW_TYPE_ACTION_ROW, "missing"));

  /* The 2027 plan: issued, sent, answered, approved, linked to the meeting. */
  liaison_officers_page_set_year (LIAISON_OFFICERS_PAGE (page), 2027);
  {
    g_autoptr (AdwToast) before = test_ui_last_toast (ui);

    g_assert_true (gtk_widget_activate_action (page, "officers.issue-plan", NULL));
    test_ui_wait_toast (ui, before);
  }
  plan = liaison_store_get_work_plan (store, 2027, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_events, ==, 2);
  row = wait_row (page, ADW_TYPE_EXPANDER_ROW, plan->id);

  liaison_officers_page_send_plan_async (LIAISON_OFFICERS_PAGE (page), plan->id, pdf_file, on_sent, &sent);
  g_assert_true (test_ui_wait_for (test_ui_is_true, &sent, 20));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_get_contents (ics, &ics_text, NULL, NULL));
  g_assert_nonnull (strstr (ics_text, forum));
  g_assert_nonnull (strstr (ics_text, course));

  dialog = open_dialog (ui, page, "officers.feedback", g_variant_new_string (plan->id));
  choose_row (dialog, "country", member_index ("VN"));
  choose_row (dialog, "event", 1);
  set_row_text (dialog, "text", "Viet Nam proposes a side event on beach surveys");
  set_row_text (dialog, "received", "2026-10-01");
  answer (ui, dialog, "record");
  feedback = liaison_store_list_work_plan_feedback (store, plan->id, &error);
  g_assert_cmpuint (feedback->len, ==, 1);
  g_assert_cmpstr (((LiaisonWorkPlanFeedback *) g_ptr_array_index (feedback, 0))->event_id, ==, forum);
  g_assert_cmpstr (((LiaisonWorkPlanFeedback *) g_ptr_array_index (feedback, 0))->country, ==, "VN");

  {
    g_autoptr (AdwToast) before = test_ui_last_toast (ui);

    g_assert_true (gtk_widget_activate_action (page, "officers.approve-plan", "s", plan->id));
    test_ui_wait_toast (ui, before);
  }
  dialog = open_dialog (ui, page, "officers.review-plan", g_variant_new_string (plan->id));
  choose_row (dialog, "meeting", 0);
  answer (ui, dialog, "link");
  {
    g_autoptr (LiaisonWorkPlan) done = liaison_store_get_work_plan (store, 2027, 1, &error);
    g_autofree char *version = g_strdup_printf (_ ("Version %1$u — %2$s"), 1, liaison_work_plan_status_label (LIAISON_WORK_PLAN_APPROVED));

    g_assert_cmpint (done->status, ==, LIAISON_WORK_PLAN_APPROVED);
    g_assert_cmpstr (done->review_event_id, ==, meeting);
    test_ui_wait_shown (page, version);
  }
  row = wait_row (page, ADW_TYPE_EXPANDER_ROW, plan->id);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  test_ui_wait_shown (page, "Viet Nam proposes a side event on beach surveys");
  show_in_view (ui, test_ui_get_id (page, "officers_list"));
  test_ui_screenshot (ui, chinese ? "officers-zh_CN.png" : "officers-en.png");

  /* The meeting's page says which plan it reviewed. */
  test_ui_activate (ui, "win.show-event", g_variant_new_string (meeting));
  {
    GtkWidget       *event_page = test_ui_find (test_ui_page (ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
    g_autofree char *title = liaison_work_plan_dup_title (plan, chinese ? LIAISON_LANGUAGE_ZH : LIAISON_LANGUAGE_EN);
    g_autofree char *reviewed = g_strdup_printf (_ ("Reviewed the %s"), title);

    test_ui_wait_shown (event_page, reviewed);
  }
}

/* ------------------------------------------------------------------------ */
/* Privacy                                                                   */

static void
on_exported (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (liaison_person_privacy_export_finish (LIAISON_PERSON_PRIVACY (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

static void
test_privacy (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore    *store = ui->store;
  g_autofree char *camp = add_event (store, "Marine plastics youth camp 2019", "2019年海洋减塑青年营", "2019-07-10",
                                     LIAISON_EVENT_KIND_YOUTH_FORUM, "marine-plastics-youth");
  g_autofree char *li = add_person (store, "李", "霞", "Li", "Xia", "CN", TRUE);
  g_autofree char *json = g_build_filename (ui->dir, "li-xia.json", NULL);
  g_autofree char *pdf = g_build_filename (ui->dir, "li-xia.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GFile) json_file = g_file_new_for_path (json);
  g_autoptr (GError) error = NULL;
  GtkWidget        *participants, *privacy, *programme;
  AdwMessageDialog *dialog;
  gboolean          exported = FALSE;

  attend (store, camp, li, LIAISON_ROLE_DELEGATE);
  test_ui_activate (ui, "win.show-participant", g_variant_new_string (li));
  participants = test_ui_page (ui, "participants");
  privacy = wait_row (participants, LIAISON_TYPE_PERSON_PRIVACY, NULL);
  programme = wait_row (participants, LIAISON_TYPE_PERSON_PROGRAMME, NULL);
  {
    g_autofree char *covers = g_strdup_printf (_ ("Consent covers: %s"), liaison_consent_scope_label (LIAISON_CONSENT_EVENTS));

    test_ui_wait_shown (privacy, covers);
  }

  /* Consent widened to the programme's follow-up and invitations. */
  dialog = open_dialog (ui, privacy, "privacy.consent", NULL);
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (test_ui_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "programme")), "check"), TRUE);
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (test_ui_find (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, "contact")), "check"), TRUE);
  set_row_text (dialog, "date", "2025-02-01");
  answer (ui, dialog, "save");
  g_assert_cmpuint (liaison_store_get_consent_scopes (store, li), ==,
                    LIAISON_CONSENT_EVENTS | LIAISON_CONSENT_PROGRAMME | LIAISON_CONSENT_CONTACT);
  test_ui_wait_shown (privacy, liaison_consent_scope_label (LIAISON_CONSENT_CONTACT));

  /* Where she is now. */
  dialog = open_dialog (ui, programme, "record.add-note", NULL);
  set_row_text (dialog, "text", "Leads the youth network of the ministry");
  set_row_text (dialog, "date", "2025-03-01");
  answer (ui, dialog, "add");
  test_ui_wait_shown (programme, "Leads the youth network of the ministry");
  show_in_view (ui, programme);
  test_ui_screenshot (ui, chinese ? "participant-privacy-zh_CN.png" : "participant-privacy-en.png");

  /* Her data, as she asked for it. */
  liaison_person_privacy_export_async (LIAISON_PERSON_PRIVACY (privacy), json_file, NULL, on_exported, &exported);
  g_assert_true (test_ui_wait_for (test_ui_is_true, &exported, 20));
  g_assert_true (g_file_get_contents (json, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"李\""));
  g_assert_nonnull (strstr (text, "Leads the youth network"));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* Anonymised, asked first: gone from the page, the record stays. */
  dialog = open_dialog (ui, privacy, "privacy.anonymise", NULL);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "李霞"));
  answer (ui, dialog, "anonymise");
  test_ui_wait_shown (participants, "已匿名");
  {
    g_autofree char *cohort_of = g_strdup_printf (_ ("Cohort of %d"), 2019);

    test_ui_wait_hidden (programme, "Leads the youth network of the ministry");
    g_assert_true (test_ui_shows_text (programme, cohort_of));
  }
  {
    /* The row that says so comes first now; asking again is not offered. */
    g_auto (GStrv) parts = g_strsplit (_ ("Anonymised on %s"), "%s", 2);
    GtkWidget *first = test_ui_find (privacy, ADW_TYPE_ACTION_ROW, NULL);

    g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), parts[0]));
  }
  {
    g_autofree char *anonymised = liaison_store_get_anonymised (store, li);

    g_assert_nonnull (anonymised);
  }
}

/* One window per process (the application outlives the test). */
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
  g_setenv ("GTK_A11Y", "none", TRUE);
  test_ui_init (&argc, &argv);
  chinese = test_ui_chinese ();

  g_test_add_data_func ("/liaison/people-window/programme", (gconstpointer) test_programme, run_alone);
  g_test_add_data_func ("/liaison/people-window/delegations", (gconstpointer) test_delegations, run_alone);
  g_test_add_data_func ("/liaison/people-window/officers", (gconstpointer) test_officers, run_alone);
  g_test_add_data_func ("/liaison/people-window/privacy", (gconstpointer) test_privacy, run_alone);

  return g_test_run ();
}
