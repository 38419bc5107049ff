/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-event-page.h"
#include "liaison-export-dialog.h"
#include "liaison-gui-format.h"
#include "liaison-journal-format.h"
#include "liaison-registration-item.h"
#include "liaison-store-overview.h"
#include "test-ui.h"

/* The organiser's hand on the waitlist (each person's place, moves up and
 * down, a place given by hand over the capacity when they agree, a freed
 * place going to the first in their order), "Mark as Held" for a past
 * event still planned, and how an event's place and zone read. */

static gboolean chinese;

static LiaisonParticipant *
add_person (LiaisonStore *store, const char *family, const char *given, const char *family_latin, const char *given_latin, const char *country)
{
  LiaisonParticipant *p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;
  LiaisonNameOrder order;

  liaison_participant_set_native_name (p, family, given);
  liaison_participant_set_latin_name (p, family_latin, given_latin);
  liaison_participant_set_country (p, country);
  /* The name order the editor and the CLI give a person of that country. */
  if (liaison_country_get_name_order (liaison_country_lookup (country), &order))
    liaison_participant_set_name_order (p, order);
  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return p;
}

static LiaisonEvent *
add_event (LiaisonStore *store, const char *title_en, const char *title_zh, const char *start, const char *end, guint capacity)
{
  LiaisonEvent *e = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, title_en);
  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH, title_zh);
  liaison_bilingual_set_text (liaison_event_get_city (e), LIAISON_LANGUAGE_EN, "Yangon");
  liaison_bilingual_set_text (liaison_event_get_city (e), LIAISON_LANGUAGE_ZH, "仰光");
  liaison_event_set_venue (e, "Sedona Hotel Yangon");
  g_assert_true (liaison_event_set_when (e, start, end, "Asia/Yangon", NULL));
  liaison_event_set_kind (e, LIAISON_EVENT_KIND_WORKSHOP);
  liaison_event_set_country (e, "MM");
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
  return liaison_event_page_get_event (data) != NULL;
}

static GtkWidget *
open_event (TestUi *ui, LiaisonEvent *event)
{
  GtkWidget *page;

  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (event)));
  page = event_page (ui);
  g_assert_true (test_ui_wait_for (event_loaded, page, 10));
  return page;
}

static LiaisonRegistrationStatus
status_of (LiaisonStore *store, const char *id)
{
  g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (store, id, NULL);

  g_assert_nonnull (r);
  return liaison_registration_get_status (r);
}

static guint
place_of (LiaisonStore *store, const char *id)
{
  g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (store, id, NULL);
  g_autoptr (GPtrArray) all = liaison_store_list_registrations (store, liaison_registration_get_event_id (r), NULL);

  return liaison_registration_waitlist_place (all, r);
}

/* The page's row of a registration, as the table shows it. */
static LiaisonRegistrationItem *
row_of (GtkWidget *page, const char *id)
{
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (test_ui_get_id (page, "registrations_view"))));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr (LiaisonRegistrationItem) item = g_list_model_get_item (rows, i);

      if (g_str_equal (liaison_registration_get_id (liaison_registration_item_get_registration (item)), id))
        return item;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *page;
  const char *id;
  guint       place;
} RowPlace;

static gboolean
row_has_place (gpointer data)
{
  RowPlace                *w = data;
  LiaisonRegistrationItem *item = row_of (w->page, w->id);

  return item != NULL && liaison_registration_item_get_waitlist_place (item) == w->place;
}

/* Waits for the table to show a person at a place, and checks the words:
 * “Waitlisted · 2nd”, “候补 · 第2位”. */
static void
wait_row_place (GtkWidget *page, const char *id, guint place)
{
  RowPlace         w = { page, id, place };
  g_autofree char *ordinal = liaison_gui_format_waitlist_place (place);
  g_autofree char *label = g_strdup_printf ("%s%s%s", liaison_registration_status_label (LIAISON_REGISTRATION_WAITLISTED),
                                            C_ ("list", " · "), ordinal);

  if (!test_ui_wait_for (row_has_place, &w, 10))
    g_error ("The table never showed %s at place %u", id, place);
  g_assert_cmpstr (liaison_registration_item_get_status_label (row_of (page, id)), ==, label);
  g_assert_nonnull (strstr (label, chinese ? "第" : place == 1 ? "1st"
                                                : place == 2   ? "2nd"
                                                : place == 3   ? "3rd"
                                                               : "th"));
  /* The status button of the row says it, to the eye and to a screen reader. */
  test_ui_wait_shown (page, label);
}

/* The actions the status menu of a row offers, as “action target” lines. */
static gboolean
menu_offers_in (GtkWidget *root, const char *name, const char *action, GVariant *wanted)
{
  const char *tip_start = name;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_MENU_BUTTON (child) && gtk_widget_get_tooltip_text (child) != NULL &&
          strstr (gtk_widget_get_tooltip_text (child), tip_start) != NULL)
        {
          GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (child));

          for (int s = 0; menu != NULL && s < g_menu_model_get_n_items (menu); s++)
            {
              g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

              for (int i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
                {
                  g_autofree char *a = NULL;
                  g_autoptr (GVariant) t = g_menu_model_get_item_attribute_value (section, i, G_MENU_ATTRIBUTE_TARGET, NULL);
                  g_autofree char *label = NULL;

                  g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &a);
                  g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
                  if (g_strcmp0 (a, action) == 0 && t != NULL && g_variant_equal (t, wanted))
                    {
                      /* Every item has a name a screen reader says. */
                      g_assert_nonnull (label);
                      g_assert_cmpstr (label, !=, "");
                      return TRUE;
                    }
                }
            }
        }
      if (menu_offers_in (child, name, action, wanted))
        return TRUE;
    }
  return FALSE;
}

static gboolean
menu_offers (GtkWidget *root, const char *name, const char *action, GVariant *target)
{
  g_autoptr (GVariant) wanted = g_variant_ref_sink (target);

  return menu_offers_in (root, name, action, wanted);
}

static void
do_on_page (TestUi *ui, GtkWidget *page, const char *action, GVariant *target)
{
  g_autoptr (AdwToast) before = test_ui_last_toast (ui);

  test_ui_wait_toast_still (ui);
  g_assert_true (gtk_widget_activate_action_variant (page, action, target));
  test_ui_wait_toast (ui, before);
}

/* Whether Recent changes has a sentence of a form (filled with \x01 for the
 * person) about a person whose name holds who. */
static gboolean
has_change (GPtrArray *changes, const char *filled, const char *who)
{
  g_auto (GStrv) ends = g_strsplit (filled, "\x01", 2);

  for (guint i = 0; i < changes->len; i++)
    {
      const char *sentence = ((LiaisonChange *) g_ptr_array_index (changes, i))->sentence;

      g_test_message ("Recent changes: %s", sentence);
      if (g_str_has_prefix (sentence, ends[0]) && g_str_has_suffix (sentence, ends[1]) && strstr (sentence, who) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
test_reorder_and_promote (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) event = add_event (store, "Workshop on environmental information", "中国-东盟环境信息研讨会",
                                              "2031-09-08T09:00", "2031-09-09T17:00", 1);
  g_autoptr (LiaisonParticipant) held = add_person (store, "李", "霞", "Li", "Xia", "CN");
  g_autoptr (LiaisonParticipant) a = add_person (store, "Nguyễn", "Văn An", "Nguyen", "Van An", "VN");
  g_autoptr (LiaisonParticipant) b = add_person (store, NULL, NULL, "Santos", "Ana", "PH");
  g_autoptr (LiaisonParticipant) c = add_person (store, "ใจดี", "สมชาย", "Jaidee", "Somchai", "TH");
  const char *ids[] = { liaison_participant_get_id (held), liaison_participant_get_id (a), liaison_participant_get_id (b),
                        liaison_participant_get_id (c), NULL };
  g_autoptr (GPtrArray) regs = liaison_store_register_many (store, liaison_event_get_id (event), ids,
                                                            LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_REGISTERED,
                                                            LIAISON_ORIGIN_LOCAL, NULL, NULL);
  const char      *rh = liaison_registration_get_id (g_ptr_array_index (regs, 0));
  const char      *ra = liaison_registration_get_id (g_ptr_array_index (regs, 1));
  const char      *rb = liaison_registration_get_id (g_ptr_array_index (regs, 2));
  const char      *rc = liaison_registration_get_id (g_ptr_array_index (regs, 3));
  g_autofree char *name_b = liaison_participant_dup_display_name (b);
  g_autofree char *name_c = liaison_participant_dup_display_name (c);
  g_autoptr (GPtrArray) journal = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  const char       *title;
  GtkWidget        *page;
  AdwMessageDialog *dialog;

  page = open_event (ui, event);
  title = liaison_bilingual_get_display (liaison_event_get_title (event), liaison_language_for_locale ());

  /* Each waitlisted person shows their place. */
  wait_row_place (page, ra, 1);
  wait_row_place (page, rb, 2);
  wait_row_place (page, rc, 3);
  g_assert_cmpuint (liaison_registration_item_get_waitlist_place (row_of (page, rh)), ==, 0);

  /* The third can move up, not down; the first down, not up. */
  g_assert_true (menu_offers (page, name_c, "event.waitlist-move", g_variant_new ("(si)", rc, 2)));
  g_assert_false (menu_offers (page, name_c, "event.waitlist-move", g_variant_new ("(si)", rc, 4)));
  g_assert_true (menu_offers (page, name_c, "event.promote", g_variant_new_string (rc)));

  /* Moved up twice, the way the menu does it: first now. */
  do_on_page (ui, page, "event.waitlist-move", g_variant_new ("(si)", rc, 2));
  g_assert_cmpuint (place_of (store, rc), ==, 2);
  wait_row_place (page, rc, 2);
  do_on_page (ui, page, "event.waitlist-move", g_variant_new ("(si)", rc, 1));
  g_assert_cmpuint (place_of (store, rc), ==, 1);
  g_assert_nonnull (strstr (adw_toast_get_title (liaison_window_get_last_toast (ui->window)), name_c));
  wait_row_place (page, rc, 1);
  wait_row_place (page, ra, 2);
  wait_row_place (page, rb, 3);
  {
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (test_ui_get_id (page, "scroller")));

    /* The table, in view. */
    test_ui_wait_toast_still (ui);
    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v));
    test_ui_wait_painted (page);
  }
  test_ui_screenshot (ui, chinese ? "waitlist-zh_CN.png" : "waitlist-en.png");

  /* The one with the place cancels: the first in the organiser's order
   * (สมชาย) moves up, not the first added (Nguyễn). */
  do_on_page (ui, page, "event.set-status", g_variant_new ("(ss)", rh, "cancelled"));
  g_assert_cmpint (status_of (store, rc), ==, LIAISON_REGISTRATION_REGISTERED);
  g_assert_cmpint (status_of (store, ra), ==, LIAISON_REGISTRATION_WAITLISTED);
  wait_row_place (page, ra, 1);
  wait_row_place (page, rb, 2);

  /* A place by hand for Santos, the second: the event is full, so the
   * organiser is asked first; keeping them on the waitlist changes nothing. */
  test_ui_wait_toast_still (ui);
  g_assert_true (gtk_widget_activate_action (page, "event.promote", "s", rb));
  dialog = ADW_MESSAGE_DIALOG (test_ui_dialog (ui, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), name_b));
  /* As its button does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  test_ui_wait_closed (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpint (status_of (store, rb), ==, LIAISON_REGISTRATION_WAITLISTED);
  {
    g_autoptr (AdwToast) before = test_ui_last_toast (ui);

    g_assert_true (gtk_widget_activate_action (page, "event.promote", "s", rb));
    dialog = ADW_MESSAGE_DIALOG (test_ui_dialog (ui, ADW_TYPE_MESSAGE_DIALOG));
    adw_message_dialog_response (dialog, "over");
    gtk_window_close (GTK_WINDOW (dialog));
    test_ui_wait_toast (ui, before);
  }
  g_assert_cmpint (status_of (store, rb), ==, LIAISON_REGISTRATION_REGISTERED);
  wait_row_place (page, ra, 1);

  /* Recent changes say it in plain words. */
  journal = liaison_store_list_recent_journal (store, 50, NULL);
  changes = liaison_journal_summarise (store, journal, 20);
  {
    g_autofree char *moved = g_strdup_printf (_ ("%1$s moved on the waitlist of “%2$s”"), "\x01", title);
    g_autofree char *up = g_strdup_printf (_ ("%1$s moved up from the waitlist of “%2$s”"), "\x01", title);

    g_assert_true (has_change (changes, moved, "สมชาย"));
    g_assert_true (has_change (changes, up, "Santos"));
    g_assert_false (has_change (changes, moved, "Santos"));
  }

  /* Undone from its toast, Santos is back at their place. */
  test_ui_press_toast_button (ui);
  g_assert_cmpint (status_of (store, rb), ==, LIAISON_REGISTRATION_WAITLISTED);
  wait_row_place (page, rb, 2);
}

/* ------------------------------------------------------------------------ */

static gboolean
is_hidden (gpointer widget)
{
  return !gtk_widget_get_visible (widget);
}

static LiaisonEventStatus
event_status (LiaisonStore *store, LiaisonEvent *e)
{
  g_autoptr (LiaisonEvent) now = liaison_store_get_event (store, liaison_event_get_id (e), NULL);

  return liaison_event_get_status (now);
}

static GtkWidget *
find_button (GtkWidget *root, const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), label) == 0)
        return child;
      if ((found = find_button (child, label)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_mark_held (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  LiaisonStore *store = ui->store;
  g_autoptr (LiaisonEvent) past = add_event (store, "Seminar on mangrove restoration", "红树林修复研讨会",
                                             "2024-03-05T09:00", "2024-03-06T17:00", 0);
  g_autoptr (LiaisonEvent) other = add_event (store, "Roundtable on clean air", "清洁空气圆桌会议", "2024-06-05T09:00",
                                              "2024-06-05T17:00", 0);
  g_autoptr (LiaisonEvent) ahead = add_event (store, "Forum ahead", "未来论坛", "2031-06-05T09:00", NULL, 0);
  GtkWidget       *overview = test_ui_page (ui, "overview");
  GtkWidget       *box = test_ui_get_id (overview, "unheld_box");
  GtkWidget       *page, *bar, *button;
  g_autofree char *tip = NULL;
  const char      *title;

  /* The Overview lists the two past events still planned, not the one ahead. */
  test_ui_wait_visible (box);
  title = liaison_bilingual_get_display (liaison_event_get_title (past), liaison_language_for_locale ());
  test_ui_wait_shown (box, title);
  g_assert_false (test_ui_shows_text (box, liaison_bilingual_get_display (liaison_event_get_title (ahead),
                                                                          liaison_language_for_locale ())));
  test_ui_screenshot (ui, chinese ? "mark-held-zh_CN.png" : "mark-held-en.png");
  tip = g_strdup_printf (_ ("Mark “%s” as held"), title);
  button = find_button (box, tip);
  g_assert_nonnull (button);
  {
    g_autoptr (AdwToast) before = test_ui_last_toast (ui);

    gtk_widget_activate (button);
    test_ui_wait_toast (ui, before);
  }
  g_assert_cmpint (event_status (store, past), ==, LIAISON_EVENT_STATUS_HELD);
  test_ui_wait_hidden (box, title);
  g_assert_cmpint (event_status (store, ahead), ==, LIAISON_EVENT_STATUS_PLANNED);

  /* The event page of the other offers it too, above everything. */
  page = open_event (ui, other);
  bar = test_ui_get_id (page, "held_bar");
  test_ui_wait_visible (bar);
  g_assert_true (test_ui_shows_text (bar, _ ("Mark as Held")));
  {
    g_autoptr (AdwToast) before = test_ui_last_toast (ui);

    test_ui_wait_toast_still (ui);
    gtk_widget_activate (test_ui_get_id (page, "held_button"));
    test_ui_wait_toast (ui, before);
  }
  g_assert_cmpint (event_status (store, other), ==, LIAISON_EVENT_STATUS_HELD);
  g_assert_true (test_ui_wait_for (is_hidden, bar, 10));
  /* Undo puts it back to planned, and the offer back. */
  test_ui_press_toast_button (ui);
  g_assert_cmpint (event_status (store, other), ==, LIAISON_EVENT_STATUS_PLANNED);
  test_ui_wait_visible (bar);

  /* An event ahead is offered nothing. */
  page = open_event (ui, ahead);
  g_assert_true (test_ui_wait_for (is_hidden, bar, 10));
  g_assert_false (gtk_widget_activate_action (page, "event.mark-held", NULL) &&
                  event_status (store, ahead) == LIAISON_EVENT_STATUS_HELD);
}

/* ------------------------------------------------------------------------ */

/* Labels that show a zone's IANA id (“Asia/Yangon”), or a heading that
 * shows a mnemonic hint (“(T)”, “(_T)”). */
static void
collect_bad_labels (GtkWidget *root, GString *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        {
          const char *text = gtk_label_get_text (GTK_LABEL (child));
          gboolean    heading = gtk_widget_has_css_class (child, "heading") || gtk_widget_has_css_class (child, "title") ||
                             gtk_widget_has_css_class (child, "title-1") || gtk_widget_has_css_class (child, "title-2") ||
                             gtk_widget_has_css_class (child, "title-3") || gtk_widget_has_css_class (child, "title-4");

          if (g_regex_match_simple ("\\b(Asia|Etc|UTC|Pacific|Europe|America)/[A-Za-z_]+", text, 0, 0))
            g_string_append_printf (found, "a zone's id: “%s”; ", text);
          if (heading && g_regex_match_simple ("\\(_?[A-Z0-9]\\)", text, 0, 0))
            g_string_append_printf (found, "a mnemonic hint in a heading: “%s”; ", text);
        }
      collect_bad_labels (child, found);
    }
}

static void
test_place_and_zone (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (LiaisonEvent) event = add_event (ui->store, "Workshop on environmental information", "中国-东盟环境信息研讨会",
                                              "2031-09-08T09:00", "2031-09-09T17:00", 30);
  g_autoptr (GString) found = g_string_new (NULL);
  g_autofree char *zone = liaison_gui_format_zone_name ("Asia/Yangon");
  GtkWidget       *page = open_event (ui, event);
  const char      *where = chinese ? "缅甸仰光 · Sedona Hotel Yangon" : "Sedona Hotel Yangon, Yangon, Myanmar";

  /* The venue set off from its city in the interface's language. */
  test_ui_wait_shown (page, where);
  /* The zone named as the interface names it. */
  g_assert_cmpstr (zone, ==, chinese ? "仰光" : "Yangon");
  test_ui_wait_shown (page, _ ("Time zone"));
  collect_bad_labels (GTK_WIDGET (ui->window), found);
  /* The export dialog's rows, each headed by its field's name. */
  {
    GtkWidget *dialog;

    g_assert_true (gtk_widget_activate_action (page, "event.export", NULL));
    dialog = GTK_WIDGET (test_ui_dialog (ui, LIAISON_TYPE_EXPORT_DIALOG));
    test_ui_wait_mapped (dialog);
    collect_bad_labels (dialog, found);
    gtk_window_destroy (GTK_WINDOW (dialog));
    test_ui_wait_closed (LIAISON_TYPE_EXPORT_DIALOG);
  }
  test_ui_show_page (ui, "overview");
  test_ui_wait_loaded (GTK_WIDGET (ui->window));
  collect_bad_labels (GTK_WIDGET (ui->window), found);
  if (found->len > 0)
    g_error ("%s", found->str);
  test_ui_screenshot (ui, chinese ? "event-place-zh_CN.png" : "event-place-en.png");
}

int
main (int argc, char **argv)
{
  const char *lang = g_getenv ("LANGUAGE");

  chinese = lang != NULL && g_str_has_prefix (lang, "zh");
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/waitlist/reorder-and-promote", test_reorder_and_promote);
  g_test_add_func ("/liaison/waitlist/mark-held", test_mark_held);
  g_test_add_func ("/liaison/waitlist/place-and-zone", test_place_and_zone);

  return g_test_run ();
}
