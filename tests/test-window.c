/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "test-ui.h"

/* The window on a temporary database: its views, the keyboard between
 * them, and the same in Chinese (LANGUAGE=zh_CN). */

static void
test_views (void)
{
  g_autoptr(TestUi) ui = test_ui_new (NULL);
  static const char *views[] = { "overview", "events", "participants", "plan", "translation" };
  const char *lang = g_getenv ("LANGUAGE");
  gboolean chinese = lang != NULL && g_str_has_prefix (lang, "zh");

  /* Each view, through the action the sidebar and Alt+1…5 use (the keys
   * themselves are pressed in test-a11y.py, over AT-SPI). */
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *shot = NULL;

      test_ui_activate (ui, "win.show-page", g_variant_new_string (views[i]));
      g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, views[i]);
      shot = g_strdup_printf ("%s-%s.png", views[i], chinese ? "zh_CN" : "en");
      test_ui_screenshot (ui, shot);
      /* In Chinese, no label of the view is left in English. */
      if (chinese)
        test_ui_assert_translated (GTK_WIDGET (ui->window));
    }
}

int
main (int    argc,
      char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/window/views", test_views);

  return g_test_run ();
}
