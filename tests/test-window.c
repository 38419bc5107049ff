/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "liaison-gui-resources.h"
#include "liaison-window.h"
#include "test-util.h"

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  /* A few more frames so the first paint has happened. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Screenshots for the docs: LIAISON_SCREENSHOT_DIR=docs/screenshots. */
static void
maybe_screenshot (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("LIAISON_SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (GTK_NATIVE (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
test_window_opens (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonStore) store = liaison_store_open (path, &error);
  g_autoptr(GSettings) settings = g_settings_new ("org.chinaaseanenv.Liaison");
  g_autoptr(LiaisonContext) context = NULL;
  g_autoptr(AdwApplication) app = NULL;
  LiaisonWindow *window;
  GtkWidget *status;
  const char *description;
  const char *lang = g_getenv ("LANGUAGE");
  g_autofree char *shot = NULL;

  g_assert_no_error (error);
  context = liaison_context_new (store, settings);
  app = adw_application_new ("org.chinaaseanenv.Liaison.Test", G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  window = liaison_window_new (app, context);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  g_assert_true (liaison_window_get_context (window) == context);
  status = gtk_widget_get_last_child (gtk_widget_get_first_child (GTK_WIDGET (window)));
  while (status != NULL && !ADW_IS_STATUS_PAGE (status))
    status = gtk_widget_get_last_child (status);
  g_assert_nonnull (status);
  description = adw_status_page_get_description (ADW_STATUS_PAGE (status));
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, path));
  g_assert_nonnull (strstr (description, "62"));
  if (lang != NULL && g_str_has_prefix (lang, "zh"))
    g_assert_nonnull (strstr (description, "个活动"));
  else
    g_assert_nonnull (strstr (description, "62 events"));

  shot = g_strdup_printf ("window-%s.png", lang != NULL && g_str_has_prefix (lang, "zh") ? "zh_CN" : "en");
  maybe_screenshot (GTK_WIDGET (window), shot);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  g_clear_object (&app);
  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("LIAISON_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* No G_TEST_OPTION_ISOLATE_DIRS: run-under-xvfb.sh gives private user dirs
     and keeps the system data dirs GTK needs. */
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under tests/run-under-xvfb.sh");
      return g_test_run ();
    }
  adw_init ();
  liaison_gui_register_resource ();

  g_test_add_func ("/liaison/window/opens", test_window_opens);

  return g_test_run ();
}
