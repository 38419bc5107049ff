/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-gui-format.h"
#include "test-ui.h"

/* The window on a temporary database: its views, the keyboard between
 * them, and the same in Chinese (LANGUAGE=zh_CN). */

static void
test_views (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  static const char *views[] = { "overview", "events", "participants", "plan", "translation" };

  /* Each view, through the action the sidebar and Alt+1…5 use (the keys
   * themselves are pressed in test-a11y.py, over AT-SPI). */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *shot = NULL;

      test_ui_show_page (ui, views[i]);
      g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, views[i]);
      shot = g_strdup_printf ("window-%s-%s.png", views[i], test_ui_chinese () ? "zh_CN" : "en");
      /* Once the view has read the store; in Chinese, this also fails on
       * anything of the view left in English. */
      test_ui_screenshot (ui, shot);
    }
}

static LiaisonParticipant *
add_person (TestUi *ui, const char *name)
{
  LiaisonParticipant *p = liaison_participant_new (NULL);
  gint64              mark = liaison_store_get_last_seq (ui->store);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;

  liaison_participant_set_latin_name (p, NULL, name);
  g_assert_true (liaison_store_save_participant (ui->store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  message = g_strdup_printf ("Added %s", name);
  liaison_window_show_undo_toast (ui->window, message, mark);
  return p;
}

static gboolean
exists (TestUi *ui, LiaisonParticipant *p)
{
  g_autoptr (LiaisonParticipant) now = liaison_store_get_participant (ui->store, liaison_participant_get_id (p), NULL);

  return now != NULL;
}

static guint
n_toast_widgets (GtkWidget *root)
{
  GType type = g_type_from_name ("AdwToastWidget");
  guint n = type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (root, type);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += n_toast_widgets (child);
  return n;
}

/* Toasts as fast as a scanner makes changes: libadwaita 1.2 crashed when a
 * toast was hidden while it slid in (three within half a second). The
 * window says each in the one toast on screen. */
static void
test_toast_burst (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      g_ptr_array_add (people, add_person (ui, name));
      if (i % 3 == 1)
        liaison_window_show_toast (ui->window, "Synced: 1 change sent");
      /* A frame between: each toast starts to slide in. */
      test_ui_wait_painted (GTK_WIDGET (ui->window));
    }
  /* Long past every slide and every hiding. */
  test_ui_wait_toast_still (ui);
  g_assert_cmpuint (n_toast_widgets (GTK_WIDGET (ui->window)), ==, 1);
  g_assert_cmpstr (adw_toast_get_title (liaison_window_get_last_toast (ui->window)), ==, "Added Person 9");
  g_assert_true (test_ui_shows_text (GTK_WIDGET (ui->window), "Added Person 9"));
  g_assert_cmpuint (liaison_window_get_n_undo (ui->window), ==, 10);

  /* Its Undo takes back the last change only. */
  test_ui_press_toast_button (ui);
  g_assert_false (exists (ui, g_ptr_array_index (people, 9)));
  g_assert_true (exists (ui, g_ptr_array_index (people, 8)));
  g_assert_true (test_ui_shows_text (GTK_WIDGET (ui->window), _ ("Undone")));
}

/* Ctrl+Z undoes the last change, then the one before it, until there is
 * nothing left; it never takes back what another program wrote since. */
static void
test_undo_stack (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (LiaisonParticipant) a = add_person (ui, "Anan");
  g_autoptr (LiaisonParticipant) b = add_person (ui, "Budi");
  g_autoptr (LiaisonParticipant) c = add_person (ui, "Chea");
  g_autoptr (LiaisonParticipant) d = NULL;
  g_autoptr (AdwToast) before = NULL;

  for (guint i = 0; i < 3; i++)
    {
      LiaisonParticipant *gone = i == 0 ? c : i == 1 ? b
                                                     : a;

      g_set_object (&before, liaison_window_get_last_toast (ui->window));
      test_ui_activate (ui, "win.undo-last", NULL);
      test_ui_wait_toast (ui, before);
      g_assert_cmpstr (adw_toast_get_title (liaison_window_get_last_toast (ui->window)), ==, _ ("Undone"));
      g_assert_false (exists (ui, gone));
    }
  g_set_object (&before, liaison_window_get_last_toast (ui->window));
  test_ui_activate (ui, "win.undo-last", NULL);
  test_ui_wait_toast (ui, before);
  g_assert_cmpstr (adw_toast_get_title (liaison_window_get_last_toast (ui->window)), ==, _ ("Nothing to undo"));

  /* Another program (here: a second connection, as the CLI has) adds
   * someone after this window's change: Ctrl+Z refuses rather than take
   * their change back with it. */
  d = add_person (ui, "Dara");
  {
    g_autoptr (LiaisonStore) other = liaison_store_open (liaison_store_get_path (ui->store), NULL);
    g_autoptr (LiaisonParticipant) e = liaison_participant_new (NULL);

    liaison_participant_set_latin_name (e, NULL, "Ei Ei");
    g_assert_true (liaison_store_save_participant (other, e, LIAISON_ORIGIN_LOCAL, NULL));
  }
  g_set_object (&before, liaison_window_get_last_toast (ui->window));
  test_ui_activate (ui, "win.undo-last", NULL);
  test_ui_wait_toast (ui, before);
  g_assert_true (exists (ui, d));
  g_assert_cmpstr (adw_toast_get_title (liaison_window_get_last_toast (ui->window)), ==,
                   _ ("This can no longer be undone: another program has changed the data since"));
}

/* The zones of the member countries are named in the interface language
 * (仰光时间, not Yangon 时间); others by their tz database city. */
static void
test_zone_names (void)
{
  g_autofree char *yangon = liaison_gui_format_zone_name ("Asia/Yangon");
  g_autofree char *hcm = liaison_gui_format_zone_name ("Asia/Ho_Chi_Minh");
  g_autofree char *other = liaison_gui_format_zone_name ("America/Argentina/Buenos_Aires");

  g_assert_cmpstr (yangon, ==, test_ui_chinese () ? "仰光" : "Yangon");
  g_assert_cmpstr (hcm, ==, test_ui_chinese () ? "胡志明市" : "Ho Chi Minh City");
  g_assert_cmpstr (other, ==, "Buenos Aires");
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/window/views", test_views);
  g_test_add_func ("/liaison/window/toast-burst", test_toast_burst);
  g_test_add_func ("/liaison/window/undo-stack", test_undo_stack);
  g_test_add_func ("/liaison/window/zone-names", test_zone_names);

  return g_test_run ();
}
