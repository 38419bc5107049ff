/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-event-editor.h"
#include "liaison-event-page.h"
#include "liaison-gui-util.h"
#include "liaison-store-translations.h"
#include "test-ui.h"

/* The event editor as a coordinator meets it: nothing typed is dropped
 * unasked, a bad number or an endless title is refused under its field in
 * the field's terms, Save goes to what is to correct, a calendar beside
 * each date, the activities said when folded, and the yearly meeting. */

static GtkWidget *
new_event (TestUi *ui)
{
  test_ui_activate (ui, "win.new-event", NULL);
  return GTK_WIDGET (test_ui_dialog (ui, LIAISON_TYPE_EVENT_EDITOR));
}

static LiaisonEvent *
add_event (LiaisonStore *store, guint capacity)
{
  LiaisonEvent *e = liaison_event_new (NULL);

  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, "Workshop on river basins");
  g_assert_true (liaison_event_set_when (e, "2027-05-12T09:00", "2027-05-12T17:00", "Asia/Bangkok", NULL));
  liaison_event_set_kind (e, LIAISON_EVENT_KIND_WORKSHOP);
  liaison_event_set_capacity (e, capacity);
  g_assert_true (liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, NULL));
  return e;
}

static GtkWidget *
edit_event (TestUi *ui, LiaisonEvent *e)
{
  GtkWidget *page;

  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (e)));
  page = test_ui_find (test_ui_page (ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
  test_ui_wait_loaded (page);
  test_ui_wait_shown (page, "Workshop on river basins");
  g_assert_true (gtk_widget_activate_action (page, "event.edit", NULL));
  return GTK_WIDGET (test_ui_dialog (ui, LIAISON_TYPE_EVENT_EDITOR));
}

/* The message shown under a field (its row's next row), or NULL. */
static const char *
message_under (GtkWidget *editor, const char *id)
{
  GtkWidget *row = test_ui_get_id (editor, id);
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  if (next == NULL || !gtk_widget_get_visible (next) || !GTK_IS_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next))))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next))));
}

typedef struct
{
  GtkWidget  *editor;
  const char *id;
  const char *text;
} Under;

static gboolean
says_under (gpointer data)
{
  Under      *u = data;
  const char *shown = message_under (u->editor, u->id);

  return shown != NULL && (u->text == NULL || strstr (shown, u->text) != NULL);
}

/* Waits for a message under a field (containing text, if given). */
static void
wait_under (GtkWidget *editor, const char *id, const char *text)
{
  Under u = { editor, id, text };

  if (!test_ui_wait_for (says_under, &u, 10))
    g_error ("Under %s: “%s”, not “%s”", id, message_under (editor, id), text != NULL ? text : "a message");
  g_assert_true (gtk_widget_has_css_class (test_ui_get_id (editor, id), "error") || g_str_equal (id, "capacity"));
}

/* Save with something to correct: the editor stays, the first field to
 * correct has the cursor. */
static void
save_refused (GtkWidget *editor, const char *first)
{
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_ui_wait_focus_in (test_ui_get_id (editor, first));
  g_assert_true (test_ui_find_dialog (LIAISON_TYPE_EVENT_EDITOR) == GTK_WINDOW (editor));
}

/* Presses a dialog's button, as a person does (it answers and closes). */
static void
press (AdwMessageDialog *dialog, const char *label)
{
  GtkWidget *button = NULL;

  {
    g_autoptr (GPtrArray) stack = g_ptr_array_new ();

    g_ptr_array_add (stack, dialog);
    while (stack->len > 0 && button == NULL)
      {
        GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0)
          button = w;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
  }
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* ------------------------------------------------------------------------ */

/* Ctrl+N, both titles and a city, then Cancel or Escape: asked first. */
static void
test_discard (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  guint             before = liaison_store_count_events (ui->store);
  GtkWidget        *editor = new_event (ui);
  AdwMessageDialog *dialog;

  test_ui_set_text (editor, "title_zh", "湄公河流域研讨会");
  test_ui_set_text (editor, "title_en", "Workshop on the Mekong basin");
  test_ui_set_text (editor, "city_en", "Vientiane");

  /* Escape, where the cursor is: kept. */
  gtk_widget_grab_focus (test_ui_get_id (editor, "city_en"));
  g_assert_true (test_ui_press_key (editor, GDK_KEY_Escape, 0));
  dialog = ADW_MESSAGE_DIALOG (test_ui_dialog (ui, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _ ("Discard the Changes?"));
  test_ui_screenshot_widget (GTK_WIDGET (dialog), test_ui_chinese () ? "event-discard-zh_CN.png" : "event-discard-en.png");
  press (dialog, _ ("_Keep Editing"));
  test_ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_true (test_ui_find_dialog (LIAISON_TYPE_EVENT_EDITOR) == GTK_WINDOW (editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_ui_get_id (editor, "title_en"))), ==,
                   "Workshop on the Mekong basin");

  /* Cancel: asked again; Discard drops it. */
  g_assert_true (gtk_widget_activate_action (editor, "window.close", NULL));
  dialog = ADW_MESSAGE_DIALOG (test_ui_dialog (ui, ADW_TYPE_MESSAGE_DIALOG));
  press (dialog, _ ("_Discard"));
  test_ui_wait_closed (LIAISON_TYPE_EVENT_EDITOR);
  g_assert_cmpuint (liaison_store_count_events (ui->store), ==, before);

  /* Nothing typed: Escape closes at once. */
  editor = new_event (ui);
  g_assert_true (test_ui_press_key (editor, GDK_KEY_Escape, 0));
  test_ui_wait_closed (LIAISON_TYPE_EVENT_EDITOR);
  g_assert_null (test_ui_find_dialog (ADW_TYPE_MESSAGE_DIALOG));
}

/* Bad numbers are refused under the field, not turned into something
 * else; fewer places than people booked is said before saving. */
static void
test_capacity (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (LiaisonEvent) event = add_event (ui->store, 5);
  g_autoptr (LiaisonEvent) saved = NULL;
  GtkWidget *editor;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
      g_autofree char *name = g_strdup_printf ("Delegate %u", i);
      g_autoptr (LiaisonRegistration) r = NULL;

      liaison_participant_set_latin_name (p, NULL, name);
      g_assert_true (liaison_store_save_participant (ui->store, p, LIAISON_ORIGIN_LOCAL, NULL));
      r = liaison_store_register (ui->store, liaison_event_get_id (event), liaison_participant_get_id (p),
                                  LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, NULL);
      g_assert_nonnull (r);
    }
  editor = edit_event (ui, event);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_ui_get_id (editor, "capacity"))), ==, "5");

  /* “abc” over an earlier 5, “-1”, a number too large: each said, none saved. */
  test_ui_set_text (editor, "capacity", "abc");
  wait_under (editor, "capacity", "abc");
  save_refused (editor, "capacity");
  test_ui_screenshot_widget (editor, test_ui_chinese () ? "event-editor-capacity-zh_CN.png" : "event-editor-capacity-en.png");
  test_ui_set_text (editor, "capacity", "-1");
  wait_under (editor, "capacity", "-1");
  save_refused (editor, "capacity");
  test_ui_set_text (editor, "capacity", "99999999999");
  wait_under (editor, "capacity", "100000");
  save_refused (editor, "capacity");
  saved = liaison_store_get_event (ui->store, liaison_event_get_id (event), NULL);
  g_assert_cmpuint (liaison_event_get_capacity (saved), ==, 5);

  /* Below the people booked: said before saving, then saved as asked. */
  test_ui_set_text (editor, "capacity", "1");
  {
    g_autofree char *note = g_strdup_printf (
        g_dngettext (NULL,
                     "%1$u booked, capacity %2$u: the people booked keep their places; nobody new gets one until "
                     "enough are freed",
                     "%1$u booked, capacity %2$u: the people booked keep their places; nobody new gets one until "
                     "enough are freed",
                     3),
        3, 1);

    test_ui_wait_shown (editor, note);
  }
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_ui_wait_closed (LIAISON_TYPE_EVENT_EDITOR);
  g_clear_object (&saved);
  saved = liaison_store_get_event (ui->store, liaison_event_get_id (event), NULL);
  g_assert_cmpuint (liaison_event_get_capacity (saved), ==, 1);
}

/* An event another calendar repeats weekly, with a week left out, edited
 * here: its rule and exception come back as they were, not yearly. */
static void
test_other_rule_kept (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (LiaisonEvent) event = add_event (ui->store, 0);
  g_autoptr (LiaisonEvent) saved = NULL;
  const char *rule = "FREQ=WEEKLY;BYDAY=WE;COUNT=6;EXDATE=20270526T090000";
  GtkWidget  *editor;

  liaison_event_set_recurrence (event, rule);
  g_assert_true (liaison_store_save_event (ui->store, event, LIAISON_ORIGIN_LOCAL, NULL));
  editor = edit_event (ui, event);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (test_ui_get_id (editor, "yearly"))));
  test_ui_set_text (editor, "city_en", "Bangkok");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_ui_wait_closed (LIAISON_TYPE_EVENT_EDITOR);
  saved = liaison_store_get_event (ui->store, liaison_event_get_id (event), NULL);
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_event_get_city (saved), LIAISON_LANGUAGE_EN), ==, "Bangkok");
  g_assert_cmpstr (liaison_event_get_recurrence (saved), ==, rule);
}

/* A translation typed in the editor is a person's: translated, waiting
 * for review, not a draft; the Translation view's counts and its empty
 * state say the same thing in the filter's own words. */
static void
test_typed_translation (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (LiaisonEvent) event = add_event (ui->store, 0);
  g_autoptr (LiaisonEvent) saved = NULL;
  GtkWidget *editor = edit_event (ui, event);
  GtkWidget *page;

  test_ui_set_text (editor, "title_zh", "河流流域研讨会");
  test_ui_set_text (editor, "city_zh", "曼谷");
  test_ui_set_text (editor, "city_en", "Bangkok");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_ui_wait_closed (LIAISON_TYPE_EVENT_EDITOR);
  saved = liaison_store_get_event (ui->store, liaison_event_get_id (event), NULL);
  g_assert_cmpint (liaison_bilingual_get_source (liaison_event_get_title (saved)), ==, LIAISON_LANGUAGE_EN);
  g_assert_cmpint (liaison_bilingual_get_effective_state (liaison_event_get_title (saved), LIAISON_LANGUAGE_ZH), ==,
                   LIAISON_TRANSLATION_TRANSLATED);
  g_assert_cmpint (liaison_bilingual_get_effective_state (liaison_event_get_city (saved),
                                                          liaison_language_other (liaison_bilingual_get_source (liaison_event_get_city (saved)))),
                   ==, LIAISON_TRANSLATION_TRANSLATED);

  /* The Missing filter: nothing, and the page says it is about that state. */
  test_ui_show_page (ui, "translation");
  page = test_ui_page (ui, "translation");
  {
    LiaisonTranslationCounts counts = { { { 0 } } };
    guint                    n[LIAISON_N_TRANSLATION_STATES] = { 0 };
    g_autofree char         *expected = NULL;

    g_assert_true (liaison_store_count_translations (ui->store, LIAISON_CONTENT_DEFAULT, &counts, NULL));
    for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
      for (guint st = 0; st < LIAISON_N_TRANSLATION_STATES; st++)
        n[st] += counts.n[l][st];
    g_assert_cmpuint (n[LIAISON_TRANSLATION_MISSING], ==, 0);
    g_assert_cmpuint (n[LIAISON_TRANSLATION_DRAFT], ==, 0);
    expected = g_strdup_printf (_ ("Missing: %1$u · drafts: %2$u · stale: %3$u · to review: %4$u"), 0, 0,
                                n[LIAISON_TRANSLATION_STALE], n[LIAISON_TRANSLATION_TRANSLATED]);
    test_ui_wait_label (test_ui_get_id (page, "counts_label"), expected);
  }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_ui_get_id (page, "state_filter")), 1);
  {
    g_autofree char *said = g_strdup_printf (_ ("No text these filters cover is in the state “%s”. The counts above include every state: choose another state to see those texts."),
                                             liaison_translation_state_label (LIAISON_TRANSLATION_MISSING));

    test_ui_wait_shown (page, said);
  }
  test_ui_screenshot (ui, test_ui_chinese () ? "translation-missing-zh_CN.png" : "translation-missing-en.png");
}

/* A 5,000-character title is refused under the field, which counts. */
static void
test_lengths (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *editor = new_event (ui);
  g_autoptr (GString) huge = g_string_new (NULL);
  g_autofree char *count = NULL;
  guint            max = liaison_text_max_chars (LIAISON_TEXT_TITLE);
  guint            before = liaison_store_count_events (ui->store);

  for (guint i = 0; i < 5000; i++)
    g_string_append_unichar (huge, i % 2 ? 0x6D77 /* 海 */ : 'a');
  test_ui_set_text (editor, "title_en", huge->str);
  test_ui_set_text (editor, "start_date", "2027-03-01");
  /* The field says its limit… */
  count = g_strdup_printf ("5000/%u", max);
  test_ui_wait_shown (test_ui_get_id (editor, "title_en"), count);
  /* …and what is wrong, under it. */
  wait_under (editor, "title_en", "5000");
  save_refused (editor, "title_en");
  g_assert_cmpuint (liaison_store_count_events (ui->store), ==, before);
  test_ui_screenshot_widget (editor, test_ui_chinese () ? "event-editor-long-zh_CN.png" : "event-editor-long-en.png");

  /* At the limit, saved. */
  g_string_truncate (huge, 0);
  for (guint i = 0; i < max; i++)
    g_string_append_c (huge, 'b');
  test_ui_set_text (editor, "title_en", huge->str);
  test_ui_wait_hidden (editor, "5000");
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_ui_wait_closed (LIAISON_TYPE_EVENT_EDITOR);
  g_assert_cmpuint (liaison_store_count_events (ui->store), ==, before + 1);
}

static gboolean
scrolled_down (gpointer adjustment)
{
  return gtk_adjustment_get_value (adjustment) > 0;
}

/* Dates and times said as the fields take them; Save goes down the long
 * form to the first thing to correct. */
static void
test_messages_in_place (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget     *editor = new_event (ui);
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (test_ui_get_id (editor, "scroller")));

  gtk_window_set_default_size (GTK_WINDOW (editor), 800, 600);
  /* Nothing said of fields not yet touched. */
  test_ui_wait_painted (editor);
  g_assert_null (message_under (editor, "title_en"));
  g_assert_null (message_under (editor, "start_date"));
  test_ui_set_text (editor, "title_en", "Seminar on air quality");
  test_ui_set_text (editor, "start_date", "2026-12-10");
  test_ui_set_text (editor, "start_time", "10:00");
  test_ui_set_text (editor, "end_date", "2026-12-10");
  test_ui_set_text (editor, "end_time", "09:00");
  wait_under (editor, "end_date", "2026-12-10 09:00");
  g_assert_null (strstr (message_under (editor, "end_date"), "T10:00"));
  g_assert_null (strstr (message_under (editor, "end_date"), "T09:00"));
  test_ui_set_text (editor, "start_time", "9.30");
  wait_under (editor, "start_time", "HH:MM");

  /* Far down: the deadline. Fields not yet touched say nothing. */
  test_ui_set_text (editor, "end_time", "17:00");
  test_ui_set_text (editor, "start_time", "10:00");
  test_ui_set_text (editor, "deadline", "next week");
  test_ui_wait_painted (editor);
  gtk_adjustment_set_value (scroll, 0);
  test_ui_wait_painted (editor);
  save_refused (editor, "deadline");
  wait_under (editor, "deadline", "next week");
  g_assert_true (test_ui_wait_for (scrolled_down, scroll, 10));
  gtk_window_destroy (GTK_WINDOW (editor));
}

static gboolean
inside_window (gpointer widget)
{
  GtkWidget      *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t b;

  return gtk_widget_compute_bounds (widget, window, &b) && b.origin.y >= 0 &&
         b.origin.y + b.size.height <= gtk_widget_get_height (window);
}

/* A calendar beside the date; the activities ticked, said when folded; a
 * liaison officers' meeting repeats every year. */
static void
test_pickers (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget   *editor = new_event (ui);
  GtkWidget   *start = test_ui_get_id (editor, "start_date");
  GtkWidget   *button = test_ui_find (start, GTK_TYPE_MENU_BUTTON, NULL);
  GtkWidget   *calendar;
  AdwComboRow *kind = ADW_COMBO_ROW (test_ui_get_id (editor, "kind_row"));

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, _ ("Choose a Date"));
  test_ui_set_text (editor, "start_date", "2027-04-20");
  /* Where a person clicks it: on screen (GDK places a popover by the
   * monitor its anchor is on). */
  liaison_gui_scroll_into_view (button);
  g_assert_true (test_ui_wait_for (inside_window, button, 10));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  calendar = gtk_popover_get_child (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  test_ui_wait_mapped (calendar);
  {
    g_autoptr (GDateTime) shown = gtk_calendar_get_date (GTK_CALENDAR (calendar));

    g_assert_cmpint (g_date_time_get_month (shown), ==, 4);
    g_assert_cmpint (g_date_time_get_year (shown), ==, 2027);
  }
  {
    g_autoptr (GDateTime) day = g_date_time_new_local (2027, 4, 23, 12, 0, 0);

    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (start)), ==, "2027-04-23");

  /* The activities row, folded, says what is ticked. */
  liaison_event_editor_prefill_activity (LIAISON_EVENT_EDITOR (editor), "1.1.3");
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (test_ui_get_id (editor, "activities_row")), FALSE);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (test_ui_get_id (editor, "activities_row"))), ==,
                   "1.1.3");

  /* The liaison officers' meeting comes back every year. */
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (test_ui_get_id (editor, "yearly"))));
  adw_combo_row_set_selected (kind, LIAISON_EVENT_KIND_LIAISON_MEETING);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (test_ui_get_id (editor, "yearly"))));
  adw_combo_row_set_selected (kind, LIAISON_EVENT_KIND_FORUM);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (test_ui_get_id (editor, "yearly"))));
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/event-editor/discard", test_discard);
  g_test_add_func ("/liaison/event-editor/capacity", test_capacity);
  g_test_add_func ("/liaison/event-editor/lengths", test_lengths);
  g_test_add_func ("/liaison/event-editor/other-rule-kept", test_other_rule_kept);
  g_test_add_func ("/liaison/event-editor/typed-translation", test_typed_translation);
  g_test_add_func ("/liaison/event-editor/messages-in-place", test_messages_in_place);
  g_test_add_func ("/liaison/event-editor/pickers", test_pickers);

  return g_test_run ();
}
