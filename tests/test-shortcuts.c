/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-add-people-dialog.h"
#include "liaison-application.h"
#include "liaison-event-editor.h"
#include "liaison-event-page.h"
#include "liaison-participant-editor.h"
#include "test-ui.h"

/* Every key the application, the window, its views, editors and dialogs
 * bind to one of Liaison's actions is listed in the shortcuts window
 * (ui/help-overlay.ui): a key added without its entry fails here. */

/* Actions of Liaison's own groups; GTK's and libadwaita's own bindings
 * (focus moves, the inspector) are not the shortcuts window's. */
static const char *const own_groups[] = {
  "app.",
  "win.",
  "event.",
  "events.",
  "page.",
  "person.",
  "editor.",
  "people.",
  "translation.",
  "window.close",
};

static gboolean
is_own_action (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (own_groups); i++)
    if (g_str_has_prefix (name, own_groups[i]))
      return TRUE;
  return FALSE;
}

static char *
accel_key (guint keyval, GdkModifierType mods)
{
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), mods & gtk_accelerator_get_default_mod_mask ());
}

/* accelerator (as gtk_accelerator_name writes it) → where it was bound */
static void
add_bound (GHashTable *bound, guint keyval, GdkModifierType mods, const char *where)
{
  char *key = accel_key (keyval, mods);

  if (!g_hash_table_contains (bound, key))
    g_hash_table_insert (bound, key, g_strdup (where));
  else
    g_free (key);
}

static void
collect_widget_shortcuts (GtkWidget *widget, GHashTable *bound, GHashTable *types_seen)
{
  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Liaison") &&
      !g_hash_table_contains (types_seen, G_OBJECT_TYPE_NAME (widget)))
    {
      g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

      g_hash_table_add (types_seen, (gpointer) G_OBJECT_TYPE_NAME (widget));
      for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
        {
          g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

          if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
            continue;
          for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
            {
              g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
              GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
              GtkShortcutAction  *action = gtk_shortcut_get_action (shortcut);
              g_autofree char    *where = NULL;

              if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action) ||
                  !is_own_action (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action))))
                continue;
              where = g_strdup_printf ("%s (%s)", gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)),
                                       G_OBJECT_TYPE_NAME (widget));
              add_bound (bound, gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                         gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)), where);
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widget_shortcuts (child, bound, types_seen);
}

static void
collect_listed (GtkWidget *widget, GHashTable *listed)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto (GStrv) accels = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      accels = g_strsplit (accelerator != NULL ? accelerator : "", " ", -1);
      for (guint i = 0; accels[i] != NULL; i++)
        {
          guint           keyval;
          GdkModifierType mods;

          if (*accels[i] == '\0')
            continue;
          g_assert_true (gtk_accelerator_parse (accels[i], &keyval, &mods));
          g_hash_table_add (listed, accel_key (keyval, mods));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_listed (child, listed);
}

static gboolean
event_loaded (gpointer data)
{
  return liaison_event_page_get_event (data) != NULL;
}

static void
test_all_listed (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (GHashTable) bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) types_seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GtkBuilder) builder = gtk_builder_new_from_resource ("/org/chinaaseanenv/Liaison/gtk/help-overlay.ui");
  g_autoptr (GString) missing = g_string_new (NULL);
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autofree char *database = g_build_filename (ui->dir, "app.db", NULL);
  g_autoptr (LiaisonApplication) app = liaison_application_new (database);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget  *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  GtkWidget  *event_page;
  g_auto (GStrv) actions = NULL;
  GHashTableIter iter;
  gpointer       key, where;

  /* The application's accelerators, as its startup sets them. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_assert_nonnull (actions[0]);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        {
          guint           keyval;
          GdkModifierType mods;

          g_assert_true (gtk_accelerator_parse (accels[j], &keyval, &mods));
          add_bound (bound, keyval, mods, actions[i]);
        }
    }

  /* The window with each view, the event page, and each editor and dialog
   * open: their classes' bindings live on their instances. */
  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, "Roundtable on shortcuts");
  g_assert_true (liaison_event_set_when (event, "2026-05-12", "2026-05-12", NULL, NULL));
  g_assert_true (liaison_store_save_event (ui->store, event, LIAISON_ORIGIN_LOCAL, NULL));
  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (event)));
  event_page = test_ui_find (test_ui_page (ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
  g_assert_true (test_ui_wait_for (event_loaded, event_page, 5));
  g_assert_true (gtk_widget_activate_action (event_page, "event.add-people", NULL));
  g_assert_true (gtk_widget_activate_action (event_page, "event.edit", NULL));
  test_ui_show_page (ui, "participants");
  g_assert_true (gtk_widget_activate_action (test_ui_page (ui, "participants"), "page.new-participant", NULL));
  test_ui_dialog (ui, LIAISON_TYPE_ADD_PEOPLE_DIALOG);
  test_ui_dialog (ui, LIAISON_TYPE_EVENT_EDITOR);
  test_ui_dialog (ui, LIAISON_TYPE_PARTICIPANT_EDITOR);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      collect_widget_shortcuts (window, bound, types_seen);
    }
  for (const char *const *type =
           (const char *const[]){ "LiaisonWindow", "LiaisonEventsPage", "LiaisonEventPage", "LiaisonParticipantsPage",
                                  "LiaisonParticipantView", "LiaisonPlanPage", "LiaisonTranslationPage",
                                  "LiaisonEventEditor", "LiaisonParticipantEditor", "LiaisonAddPeopleDialog", NULL };
       *type != NULL; type++)
    if (!g_hash_table_contains (types_seen, *type))
      g_error ("%s was not open: its keys were not read", *type);

  collect_listed (overlay, listed);
  g_assert_cmpuint (g_hash_table_size (listed), >, 20);

  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, &key, &where))
    {
      g_test_message ("%s: %s", (const char *) key, (const char *) where);
      if (!g_hash_table_contains (listed, key))
        g_string_append_printf (missing, " %s (%s)", (const char *) key, (const char *) where);
    }
  if (missing->len > 0)
    g_error ("Bound but not in the shortcuts window:%s", missing->str);

  gtk_window_destroy (GTK_WINDOW (overlay));
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != GTK_WINDOW (ui->window))
        gtk_window_destroy (window);
    }
  test_ui_wait_closed (LIAISON_TYPE_ADD_PEOPLE_DIALOG);
  test_ui_wait_closed (LIAISON_TYPE_EVENT_EDITOR);
  test_ui_wait_closed (LIAISON_TYPE_PARTICIPANT_EDITOR);
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/shortcuts/all-listed", test_all_listed);

  return g_test_run ();
}
