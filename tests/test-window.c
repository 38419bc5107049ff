/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

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

      test_ui_activate (ui, "win.show-page", g_variant_new_string (views[i]));
      g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, views[i]);
      shot = g_strdup_printf ("window-%s-%s.png", views[i], test_ui_chinese () ? "zh_CN" : "en");
      /* In Chinese, this also fails on anything of the view left in English. */
      test_ui_screenshot (ui, shot);
    }
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/window/views", test_views);

  return g_test_run ();
}
