/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-duplicates-item.h"
#include "liaison-duplicates-merge.h"
#include "liaison-duplicates-merges.h"
#include "liaison-duplicates-warning.h"
#include "liaison-duplicates-window.h"
#include "liaison-participant-editor.h"
#include "liaison-store-merge.h"
#include "test-ui.h"

/* One person recorded twice, as a coordinator meets it in the window: the
 * scan finds 王伟 and WANG Wei (the same e-mail), the two records side by
 * side, one field taken from the second, merged with the registrations
 * moved, undone from the toast, merged again and separated later from the
 * person's page; and a third Wang Wei typed in the editor is warned about. */

static gboolean chinese;

#define EMAIL "wang.wei@example.cn"

static char *
add_wang (LiaisonStore *store, gboolean native, const char *email)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;

  if (native)
    {
      liaison_participant_set_native_name (p, "王", "伟");
      liaison_participant_set_name_order (p, LIAISON_NAME_ORDER_FAMILY_FIRST);
      liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_ZH, "生态环境部");
      liaison_participant_set_country (p, "CN");
    }
  else
    {
      liaison_participant_set_latin_name (p, "WANG", "Wei");
      liaison_participant_set_name_order (p, LIAISON_NAME_ORDER_FAMILY_FIRST);
      liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN,
                                  "Ministry of Ecology and Environment");
      liaison_bilingual_set_text (liaison_participant_get_position (p), LIAISON_LANGUAGE_EN, "Deputy Director");
      liaison_participant_set_phones (p, (const char *[]){ "+86 10 6555 0100", NULL });
    }
  if (email != NULL)
    liaison_participant_set_emails (p, (const char *[]){ email, NULL });
  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_strdup (liaison_participant_get_id (p));
}

static char *
add_event (LiaisonStore *store, const char *title_en, const char *title_zh, const char *start)
{
  g_autoptr (LiaisonEvent) e = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, title_en);
  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH, title_zh);
  g_assert_true (liaison_event_set_when (e, start, NULL, "Asia/Bangkok", NULL));
  liaison_event_set_country (e, "TH");
  g_assert_true (liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_strdup (liaison_event_get_id (e));
}

static void
register_for (LiaisonStore *store, const char *event, const char *person)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonRegistration) r = liaison_store_register (store, event, person, LIAISON_ROLE_DELEGATE,
                                                              LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
}

static int
compare_ids (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The events a person is registered for, sorted, joined by spaces. */
static char *
events_of (LiaisonStore *store, const char *person)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) history = liaison_store_list_history (store, person, &error);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    g_ptr_array_add (ids, ((LiaisonHistoryEntry *) g_ptr_array_index (history, i))->event_id);
  g_ptr_array_sort (ids, compare_ids);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (" ", (char **) ids->pdata);
}

static char *
joined (const char *a, const char *b)
{
  return g_strcmp0 (a, b) < 0 ? g_strjoin (" ", a, b, NULL) : g_strjoin (" ", b, a, NULL);
}

static gboolean
exists (LiaisonStore *store, const char *id)
{
  g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (store, id, NULL);

  return p != NULL;
}

static gboolean
scan_done (gpointer window)
{
  return !liaison_duplicates_window_is_scanning (window);
}

static LiaisonDuplicatesWindow *
find_duplicates (TestUi *ui)
{
  LiaisonDuplicatesWindow *window;

  test_ui_show_page (ui, "participants");
  g_assert_true (gtk_widget_activate_action (test_ui_page (ui, "participants"), "page.find-duplicates", NULL));
  window = LIAISON_DUPLICATES_WINDOW (test_ui_dialog (ui, LIAISON_TYPE_DUPLICATES_WINDOW));
  g_assert_true (test_ui_wait_for (scan_done, window, 30));
  return window;
}

static void
check_pair (LiaisonDuplicatesWindow *window, const char *a, const char *b)
{
  GListModel *pairs = liaison_duplicates_window_get_pairs (window);
  g_autoptr (LiaisonDuplicatesItem) item = NULL;
  const LiaisonDuplicatePair *pair;
  g_autofree char            *want = joined (a, b);
  g_autofree char            *got = NULL;

  test_ui_wait_n_items (pairs, 1);
  item = g_list_model_get_item (pairs, 0);
  pair = liaison_duplicates_item_get_pair (item);
  got = joined (pair->id_a, pair->id_b);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpuint (pair->score, ==, LIAISON_MATCH_CERTAIN);
  g_assert_true (pair->reasons & LIAISON_MATCH_SAME_EMAIL);
}

/* Opens the pair as a click on its row does. */
static LiaisonDuplicatesMerge *
open_pair (TestUi *ui, LiaisonDuplicatesWindow *window)
{
  GtkWidget *list = test_ui_find (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, "duplicates-list");

  g_assert_nonnull (list);
  test_ui_wait_mapped (list);
  g_signal_emit_by_name (list, "activate", 0);
  return LIAISON_DUPLICATES_MERGE (test_ui_dialog (ui, LIAISON_TYPE_DUPLICATES_MERGE));
}

static guint
column_of (LiaisonDuplicatesMerge *dialog, const char *id)
{
  g_auto (GStrv) ids = NULL;

  g_object_get (dialog, "ids", &ids, NULL);
  for (guint i = 0; ids[i] != NULL; i++)
    if (g_str_equal (ids[i], id))
      return i;
  g_error ("%s is not in the merge", id);
}

static void
press_check (GtkWidget *root, const char *name)
{
  GtkWidget *button = test_ui_find (root, GTK_TYPE_CHECK_BUTTON, name);

  if (button == NULL)
    g_error ("No choice %s", name);
  gtk_widget_activate (button);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (button)));
}

static const char *
preview (LiaisonDuplicatesMerge *dialog, const char *field)
{
  GtkWidget *label = test_ui_find (GTK_WIDGET (dialog), GTK_TYPE_LABEL, field);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

/* 王伟 stays; the second record's organisation is chosen. */
static void
choose (LiaisonDuplicatesMerge *dialog, const char *wang, const char *latin)
{
  g_autofree char *survivor = g_strdup_printf ("survivor-%u", column_of (dialog, wang));
  g_autofree char *organisation = g_strdup_printf ("choice-organisation-%u", column_of (dialog, latin));

  press_check (GTK_WIDGET (dialog), survivor);
  g_assert_cmpstr (liaison_duplicates_merge_get_survivor (dialog), ==, wang);
  /* Before the choice the record that stays keeps its own. */
  g_assert_cmpstr (preview (dialog, "organisation"), ==, "生态环境部");
  press_check (GTK_WIDGET (dialog), organisation);
  g_assert_cmpstr (preview (dialog, "organisation"), ==, "Ministry of Ecology and Environment");
  /* Empty in the record that stays: the other's. */
  g_assert_cmpstr (preview (dialog, "latin-name"), ==, "WANG Wei");
}

static void
merge (TestUi *ui, LiaisonDuplicatesMerge *dialog)
{
  g_autoptr (AdwToast) before = test_ui_last_toast (ui);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.merge", NULL));
  test_ui_wait_closed (LIAISON_TYPE_DUPLICATES_MERGE);
  test_ui_wait_toast (ui, before);
}

static void
check_merged (LiaisonStore *store, const char *wang, const char *latin, const char *camp, const char *forum)
{
  g_autoptr (LiaisonParticipant) kept = liaison_store_get_participant (store, wang, NULL);
  g_autofree char *events = events_of (store, wang);
  g_autofree char *both = joined (camp, forum);

  g_assert_nonnull (kept);
  g_assert_false (exists (store, latin));
  g_assert_cmpuint (liaison_store_count_participants (store), ==, 1);
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_participant_get_organisation (kept), LIAISON_LANGUAGE_EN), ==,
                   "Ministry of Ecology and Environment");
  g_assert_cmpstr (liaison_participant_get_family_latin (kept), ==, "WANG");
  g_assert_cmpstr (liaison_participant_get_family_native (kept), ==, "王");
  g_assert_cmpstr (liaison_participant_get_emails (kept)[0], ==, EMAIL);
  g_assert_cmpstr (liaison_participant_get_phones (kept)[0], ==, "+86 10 6555 0100");
  /* The registrations moved to the record that stays. */
  g_assert_cmpstr (events, ==, both);
}

static void
check_separate (LiaisonStore *store, const char *wang, const char *latin, const char *camp, const char *forum)
{
  g_autoptr (LiaisonParticipant) kept = liaison_store_get_participant (store, wang, NULL);
  g_autoptr (LiaisonParticipant) back = liaison_store_get_participant (store, latin, NULL);
  g_autofree char *wang_events = events_of (store, wang);
  g_autofree char *latin_events = events_of (store, latin);

  g_assert_nonnull (kept);
  g_assert_nonnull (back);
  g_assert_cmpuint (liaison_store_count_participants (store), ==, 2);
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_participant_get_organisation (kept), LIAISON_LANGUAGE_ZH), ==,
                   "生态环境部");
  g_assert_null (liaison_participant_get_family_latin (kept));
  g_assert_cmpstr (liaison_participant_get_family_latin (back), ==, "WANG");
  g_assert_cmpstr (wang_events, ==, camp);
  g_assert_cmpstr (latin_events, ==, forum);
}

static gboolean
merges_shown (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && liaison_duplicates_merges_get_n_merges (widget) == 1;
}

static gboolean
merges_gone (gpointer widget)
{
  return liaison_duplicates_merges_get_n_merges (widget) == 0;
}

static void
test_merge (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore            *store = ui->store;
  g_autofree char         *wang = add_wang (store, TRUE, EMAIL);
  g_autofree char         *latin = add_wang (store, FALSE, EMAIL);
  g_autofree char         *camp = add_event (store, "Marine plastics youth camp", "海洋减塑青年营", "2024-07-10");
  g_autofree char         *forum = add_event (store, "Climate change youth forum", "气候变化青年论坛", "2025-05-12");
  LiaisonDuplicatesWindow *window;
  LiaisonDuplicatesMerge  *dialog;
  GtkWidget               *merges, *unmerge;

  register_for (store, camp, wang);
  register_for (store, forum, latin);

  /* Found: one pair, certain (the same e-mail), the reasons in words. */
  window = find_duplicates (ui);
  check_pair (window, wang, latin);
  test_ui_screenshot_widget (GTK_WIDGET (window), chinese ? "duplicates-zh_CN.png" : "duplicates-en.png");

  /* Stop ends a scan (here before it could finish); Scan Again runs it anew. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "duplicates.scan", NULL));
  g_assert_true (liaison_duplicates_window_is_scanning (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "duplicates.stop", NULL));
  g_assert_true (test_ui_wait_for (scan_done, window, 30));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (test_ui_get_id (GTK_WIDGET (window), "stack"))), ==,
                   "stopped");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "duplicates.scan", NULL));
  g_assert_true (test_ui_wait_for (scan_done, window, 30));
  check_pair (window, wang, latin);

  /* Side by side; 王伟 stays with the organisation of WANG Wei. */
  dialog = open_pair (ui, window);
  choose (dialog, wang, latin);
  {
    /* The registration that moves is listed. */
    g_autofree char *moves = g_strdup_printf (ngettext ("%u registration moves to %s", "%u registrations move to %s", 1),
                                              1, "王伟");

    g_assert_true (test_ui_shows_text (GTK_WIDGET (dialog), moves));
  }
  test_ui_screenshot_widget (GTK_WIDGET (dialog), chinese ? "duplicates-merge-zh_CN.png" : "duplicates-merge-en.png");
  merge (ui, dialog);
  check_merged (store, wang, latin, camp, forum);
  /* The pair is gone from the list. */
  test_ui_wait_n_items (liaison_duplicates_window_get_pairs (window), 0);

  /* The toast's Undo takes the whole merge back. */
  test_ui_press_toast_button (ui);
  check_separate (store, wang, latin, camp, forum);

  /* The list says it is out of date; found again, merged again. */
  test_ui_wait_visible (test_ui_get_id (GTK_WIDGET (window), "stale_label"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "duplicates.scan", NULL));
  g_assert_true (test_ui_wait_for (scan_done, window, 30));
  check_pair (window, wang, latin);
  g_assert_false (gtk_widget_get_visible (test_ui_get_id (GTK_WIDGET (window), "stale_label")));
  dialog = open_pair (ui, window);
  choose (dialog, wang, latin);
  merge (ui, dialog);
  check_merged (store, wang, latin, camp, forum);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Later, from 王伟's page: Undo Merge separates them again. */
  test_ui_activate (ui, "win.show-participant", g_variant_new_string (wang));
  merges = test_ui_get_id (test_ui_page (ui, "participants"), "person_merges");
  g_assert_true (test_ui_wait_for (merges_shown, merges, 10));
  unmerge = test_ui_find (merges, GTK_TYPE_BUTTON, "unmerge");
  g_assert_nonnull (unmerge);
  {
    g_autoptr (AdwToast) before = test_ui_last_toast (ui);

    gtk_widget_activate (unmerge);
    test_ui_wait_toast (ui, before);
  }
  check_separate (store, wang, latin, camp, forum);
  g_assert_true (test_ui_wait_for (merges_gone, merges, 10));
  {
    g_autoptr (GPtrArray) all = liaison_store_list_merges (store, NULL, TRUE, NULL);

    /* The merge the toast took back is not recorded; this one is, undone. */
    g_assert_cmpuint (all->len, ==, 1);
    g_assert_nonnull (((LiaisonMergeRecord *) g_ptr_array_index (all, 0))->undone);
  }
}

static gboolean
warned (gpointer warning)
{
  return gtk_widget_get_visible (warning) && liaison_duplicates_warning_get_n_matches (warning) > 0;
}

static LiaisonParticipantEditor *
new_wang_wei (TestUi *ui)
{
  LiaisonParticipantEditor *editor;

  test_ui_show_page (ui, "participants");
  g_assert_true (gtk_widget_activate_action (test_ui_page (ui, "participants"), "page.new-participant", NULL));
  editor = LIAISON_PARTICIPANT_EDITOR (test_ui_dialog (ui, LIAISON_TYPE_PARTICIPANT_EDITOR));
  test_ui_set_text (GTK_WIDGET (editor), "family_latin_row", "Wang");
  test_ui_set_text (GTK_WIDGET (editor), "given_latin_row", "Wei");
  return editor;
}

static void
test_editor (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore             *store = ui->store;
  g_autofree char          *wang = add_wang (store, TRUE, EMAIL);
  g_autofree char          *latin = add_wang (store, FALSE, "w.wang@example.org");
  LiaisonParticipantEditor *editor;
  GtkWidget                *warning;
  LiaisonDuplicatesMerge   *dialog;

  /* A third Wang Wei typed in: the warning names who may be them... */
  editor = new_wang_wei (ui);
  warning = test_ui_get_id (GTK_WIDGET (editor), "duplicates_warning");
  g_assert_true (test_ui_wait_for (warned, warning, 10));
  {
    g_auto (GStrv) heading = g_strsplit (_ ("This may be the same person as %s"), "%s", 2);

    g_assert_true (test_ui_shows_text (warning, heading[0]));
  }
  test_ui_screenshot_widget (GTK_WIDGET (editor), chinese ? "duplicates-editor-zh_CN.png" : "duplicates-editor-en.png");
  /* ... and does not stop the saving. */
  g_assert_true (liaison_participant_editor_is_valid (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  test_ui_wait_closed (LIAISON_TYPE_PARTICIPANT_EDITOR);
  g_assert_cmpuint (liaison_store_count_participants (store), ==, 3);

  /* A fourth: saved and merged into the one already here, from the warning. */
  editor = new_wang_wei (ui);
  warning = test_ui_get_id (GTK_WIDGET (editor), "duplicates_warning");
  g_assert_true (test_ui_wait_for (warned, warning, 10));
  {
    GtkListBoxRow   *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (test_ui_find (warning, GTK_TYPE_LIST_BOX, NULL)), 0);
    g_autofree char *match = g_strdup (gtk_widget_get_name (GTK_WIDGET (row)));

    g_assert_true (exists (store, match));
    g_assert_true (gtk_widget_activate_action (warning, "duplicates-warning.merge", "s", match));
    test_ui_wait_closed (LIAISON_TYPE_PARTICIPANT_EDITOR);
    g_assert_cmpuint (liaison_store_count_participants (store), ==, 4);
    dialog = LIAISON_DUPLICATES_MERGE (test_ui_dialog (ui, LIAISON_TYPE_DUPLICATES_MERGE));
    g_assert_cmpuint (column_of (dialog, match), ==, 0);
  }
  merge (ui, dialog);
  g_assert_cmpuint (liaison_store_count_participants (store), ==, 3);
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

  g_test_add_data_func ("/liaison/duplicates-window/merge", (gconstpointer) test_merge, run_alone);
  g_test_add_data_func ("/liaison/duplicates-window/editor", (gconstpointer) test_editor, run_alone);

  return g_test_run ();
}
