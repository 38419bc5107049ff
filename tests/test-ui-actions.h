/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Records which window action a page fires, and with what, then lets the
 * window run it: a “win” action group put on the page answers first, notes
 * “show-event('…')” and forwards to the window's own action. */

#include "test-ui.h"

typedef struct
{
  LiaisonWindow *window;
  GString       *log;
} TestActions;

static inline void
test_actions_forward (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       data)
{
  TestActions     *recorder = data;
  g_autofree char *name = g_strconcat ("win.", g_action_get_name (G_ACTION (action)), NULL);

  g_string_truncate (recorder->log, 0);
  g_string_append (recorder->log, g_action_get_name (G_ACTION (action)));
  if (parameter != NULL)
    {
      g_autofree char *text = g_variant_print (parameter, FALSE);
      g_string_append_printf (recorder->log, "(%s)", text);
    }
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (recorder->window), name, parameter));
}

static inline TestActions *
test_actions_new (TestUi    *ui,
                  GtkWidget *page)
{
  static const GActionEntry entries[] = {
    { "show-page", test_actions_forward, "s", NULL, NULL, { 0 } },
    { "show-event", test_actions_forward, "s", NULL, NULL, { 0 } },
    { "show-participant", test_actions_forward, "s", NULL, NULL, { 0 } },
    { "show-activity-events", test_actions_forward, "s", NULL, NULL, { 0 } },
    { "new-event-for-activity", test_actions_forward, "s", NULL, NULL, { 0 } },
    { "new-event", test_actions_forward, NULL, NULL, NULL, { 0 } },
    { "show-sidebar", test_actions_forward, NULL, NULL, NULL, { 0 } },
  };
  TestActions *recorder = g_new0 (TestActions, 1);
  g_autoptr (GSimpleActionGroup) group = g_simple_action_group_new ();

  recorder->window = ui->window;
  recorder->log = g_string_new (NULL);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), recorder);
  gtk_widget_insert_action_group (page, "win", G_ACTION_GROUP (group));
  return recorder;
}

static inline void
test_actions_free (TestActions *recorder)
{
  g_string_free (recorder->log, TRUE);
  g_free (recorder);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestActions, test_actions_free)

/* The last action fired, as “name('parameter')”, and forgets it. */
static inline char *
test_actions_take (TestActions *recorder)
{
  char *last = g_strdup (recorder->log->str);

  g_string_truncate (recorder->log, 0);
  return last;
}

static inline gboolean
test_actions_fired (gpointer recorder)
{
  return ((TestActions *) recorder)->log->len > 0;
}

/* Waits for the page to fire a window action, then takes it as
 * test_actions_take does ("" if none came). */
static inline char *
test_actions_wait (TestActions *recorder)
{
  test_ui_wait_for (test_actions_fired, recorder, 10);
  return test_actions_take (recorder);
}
