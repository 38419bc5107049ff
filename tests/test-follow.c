/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-plan-activity-row.h"
#include "test-ui.h"

/* Every view follows the database, whoever writes it: here the command
 * line, run as a child process against the window's own file, as a script
 * or a colleague at a terminal would. */

static void
run_cli (TestUi *ui, const char *const *args)
{
  g_autofree char *liaison = g_test_build_filename (G_TEST_BUILT, "..", "app", "liaison", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, liaison);
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, (gpointer) liaison_store_get_path (ui->store));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("liaison %s failed: %s", args[0], err);
}

typedef struct
{
  GtkWidget  *label;
  const char *text;
} Says;

static gboolean
label_says (gpointer data)
{
  Says *s = data;

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (s->label)), s->text) == 0;
}

static GtkWidget *
chip (GtkWidget *root, const char *year)
{
  return test_ui_find (root, GTK_TYPE_WIDGET, year);
}

static GtkWidget *
activity_row (GtkWidget *root, const char *code)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (LIAISON_IS_PLAN_ACTIVITY_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), code) == 0)
        return child;
      found = activity_row (child, code);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
chip_is_held (GtkWidget *page, const char *year)
{
  GtkWidget *row = activity_row (page, "1.1.3");
  GtkWidget *c = row != NULL ? chip (row, year) : NULL;

  return c != NULL && gtk_widget_has_css_class (c, "held");
}

static gboolean
chip_held (gpointer page)
{
  return chip_is_held (page, "2023");
}

static gboolean
chip_2022_held (gpointer page)
{
  return chip_is_held (page, "2022");
}

/* Each view is on screen when the other program writes: nothing but the
 * write makes it read the store again. */
static void
test_follow_cli (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget       *participants = test_ui_page (ui, "participants");
  GtkWidget       *events = test_ui_page (ui, "events");
  GtkWidget       *plan = test_ui_page (ui, "plan");
  g_autofree char *one = g_strdup_printf (ngettext ("%'u participant", "%'u participants", 1), 1);
  g_autofree char *two = g_strdup_printf (ngettext ("%'u participant", "%'u participants", 2), 2);
  Says             count = { test_ui_get_id (participants, "count_label"), one };

  /* Participants: the count and the person. */
  test_ui_show_page (ui, "participants");
  test_ui_wait_loaded (participants);
  run_cli (ui, (const char *[]){ "participants", "add", "--given-name-latin", "Thida", "--name-order", "mononym",
                                 "--country", "MM", NULL });
  if (!test_ui_wait_for (label_says, &count, 10))
    g_error ("Participants says “%s”, not “%s”", gtk_label_get_text (GTK_LABEL (count.label)), one);
  run_cli (ui, (const char *[]){ "participants", "add", "--family-name", "王", "--given-name", "芳", "--country", "CN",
                                 NULL });
  count.text = two;
  if (!test_ui_wait_for (label_says, &count, 10))
    g_error ("Participants says “%s”, not “%s”", gtk_label_get_text (GTK_LABEL (count.label)), two);

  /* Events: the list, with the new event's title. */
  test_ui_show_page (ui, "events");
  test_ui_wait_loaded (events);
  run_cli (ui, (const char *[]){ "events", "add", "--title-en", "Roundtable on coastal wetlands", "--title-zh",
                                 "滨海湿地圆桌对话", "--start", "2023-06-14", "--kind", "roundtable", "--status", "held",
                                 "--activity", "1.1.3", NULL });
  test_ui_wait_shown (events, test_ui_chinese () ? "滨海湿地圆桌对话" : "Roundtable on coastal wetlands");

  /* The Action Plan: the activity's chip of 2023, missed until now. */
  test_ui_show_page (ui, "plan");
  test_ui_wait_loaded (plan);
  g_assert_true (test_ui_wait_for (chip_held, plan, 10));
  g_assert_true (gtk_widget_has_css_class (chip (activity_row (plan, "1.1.3"), "2022"), "none"));
  run_cli (ui, (const char *[]){ "events", "add", "--title-en", "Seminar on coastal cities", "--start", "2022-03-01",
                                 "--kind", "seminar", "--status", "held", "--activity", "1.1.3", NULL });
  g_assert_true (test_ui_wait_for (chip_2022_held, plan, 10));
  test_ui_screenshot (ui, test_ui_chinese () ? "follow-plan-zh_CN.png" : "follow-plan-en.png");
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/follow/cli", test_follow_cli);

  return g_test_run ();
}
