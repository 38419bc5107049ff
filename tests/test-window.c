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

static void
on_dismissed (AdwToast *toast, gboolean *dismissed)
{
  *dismissed = TRUE;
}

/* A new Undo replaces the one before it: undoing from the older mark would
 * take the newer change back too, so it never comes back after it. */
static void
test_one_undo (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  gboolean  first_dismissed = FALSE;
  AdwToast *first;

  liaison_window_show_undo_toast (ui->window, "First change", 1);
  first = liaison_window_get_last_toast (ui->window);
  g_signal_connect (first, "dismissed", G_CALLBACK (on_dismissed), &first_dismissed);
  liaison_window_show_toast (ui->window, "Not a change");
  /* On screen as the overlay shows it: drawn, the first Undo still there. */
  test_ui_wait_painted (GTK_WIDGET (ui->window));
  g_assert_false (first_dismissed);
  liaison_window_show_undo_toast (ui->window, "Second change", 2);
  test_ui_wait_for (test_ui_is_true, &first_dismissed, 10);
  g_assert_true (first_dismissed);
  g_signal_handlers_disconnect_by_func (first, on_dismissed, &first_dismissed);
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
  g_test_add_func ("/liaison/window/one-undo", test_one_undo);
  g_test_add_func ("/liaison/window/zone-names", test_zone_names);

  return g_test_run ();
}
