/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-event-page.h"
#include "liaison-participant-editor.h"
#include "test-ui.h"

/* Long texts: a field says how long it may be and refuses more; a text
 * longer than that which came another way (the sync keeps what the server
 * has) is kept whole and shown shortened, in lists, cards and pages. */

static char *
repeat (const char *piece, guint n)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (out, piece);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The message under a field (its row's next row), or NULL. */
static const char *
message_under (GtkWidget *row)
{
  GtkWidget *next = gtk_widget_get_next_sibling (row);

  if (next == NULL || !GTK_IS_LIST_BOX_ROW (next) || !gtk_widget_get_visible (next) ||
      !GTK_IS_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next))))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (next))));
}

static gboolean
has_message (gpointer row)
{
  return message_under (row) != NULL;
}

static gboolean
has_no_message (gpointer row)
{
  return message_under (row) == NULL;
}

static gboolean
editor_valid (gpointer editor)
{
  return liaison_participant_editor_is_valid (editor);
}

static gboolean
editor_invalid (gpointer editor)
{
  return !liaison_participant_editor_is_valid (editor);
}

/* A name, an organisation: counted near the limit, refused past it. */
static void
test_participant_editor (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autofree char *long_name = repeat ("Ananda", 25); /* 150 characters */
  g_autofree char *count = g_strdup_printf ("150/%u", liaison_text_max_chars (LIAISON_TEXT_NAME));
  g_autofree char *at_limit = repeat ("Mya", 33);
  GtkWidget       *editor, *given;

  test_ui_show_page (ui, "participants");
  g_assert_true (gtk_widget_activate_action (test_ui_page (ui, "participants"), "page.new-participant", NULL));
  editor = GTK_WIDGET (test_ui_dialog (ui, LIAISON_TYPE_PARTICIPANT_EDITOR));
  given = test_ui_get_id (editor, "given_latin_row");

  gtk_editable_set_text (GTK_EDITABLE (given), long_name);
  test_ui_wait_shown (given, count);
  g_assert_true (test_ui_wait_for (has_message, given, 10));
  g_assert_nonnull (strstr (message_under (given), "150"));
  g_assert_true (test_ui_wait_for (editor_invalid, editor, 10));
  test_ui_screenshot_widget (editor, test_ui_chinese () ? "participant-editor-long-zh_CN.png"
                                                        : "participant-editor-long-en.png");

  /* 99 characters: within the limit, counted, saved. */
  gtk_editable_set_text (GTK_EDITABLE (given), at_limit);
  g_assert_true (test_ui_wait_for (editor_valid, editor, 10));
  g_assert_true (test_ui_wait_for (has_no_message, given, 10));
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  test_ui_wait_closed (LIAISON_TYPE_PARTICIPANT_EDITOR);
}

/* The visible label under root whose text starts so. */
static GtkWidget *
label_starting (GtkWidget *root, const char *start)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), start))
        return child;
      found = label_starting (child, start);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* At most two lines of the label's font, whatever its text. */
static void
assert_two_lines (GtkWidget *root, const char *start)
{
  GtkWidget        *label = label_starting (root, start);
  PangoFontMetrics *metrics;
  int               line;

  g_assert_nonnull (label);
  metrics = pango_context_get_metrics (gtk_widget_get_pango_context (label), NULL, NULL);
  line = PANGO_PIXELS (pango_font_metrics_get_height (metrics));
  pango_font_metrics_unref (metrics);
  g_assert_cmpint (gtk_widget_get_height (label), <=, 2 * line + 4);
}

static gboolean
event_loaded (gpointer page)
{
  return liaison_event_page_get_event (page) != NULL;
}

/* A 5,000-character title another office wrote: whole in the store, two
 * lines in the list and the Overview, the editor's limit on the page. */
static void
test_long_title_shown_short (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autofree char *title = repeat ("Very long title of a forum ", 185); /* 4,995 characters */
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (LiaisonEvent) stored = NULL;
  GtkWidget *page, *label;

  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, title);
  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_ZH, title);
  g_assert_true (liaison_event_set_when (event, "2027-06-01T09:00", "2027-06-01T17:00", "Asia/Shanghai", NULL));
  liaison_event_set_kind (event, LIAISON_EVENT_KIND_FORUM);
  /* As the sync applies what the server has. */
  g_assert_true (liaison_store_save_event (ui->store, event, LIAISON_ORIGIN_REMOTE, NULL));
  stored = liaison_store_get_event (ui->store, liaison_event_get_id (event), NULL);
  g_assert_cmpuint (strlen (liaison_bilingual_get_text (liaison_event_get_title (stored), LIAISON_LANGUAGE_EN)), ==,
                    strlen (title));

  /* The Overview's next events: a card of two lines. */
  test_ui_show_page (ui, "overview");
  test_ui_wait_loaded (test_ui_page (ui, "overview"));
  test_ui_wait_shown (test_ui_page (ui, "overview"), "Very long title of a forum");
  test_ui_wait_painted (GTK_WIDGET (ui->window));
  test_ui_screenshot (ui, test_ui_chinese () ? "long-title-overview-zh_CN.png" : "long-title-overview-en.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (ui->window)), <=, 1100);
  assert_two_lines (test_ui_page (ui, "overview"), "Very long title of a forum");

  /* The list: two lines. */
  test_ui_show_page (ui, "events");
  test_ui_wait_loaded (test_ui_page (ui, "events"));
  test_ui_wait_shown (test_ui_page (ui, "events"), "Very long title of a forum");
  test_ui_wait_painted (GTK_WIDGET (ui->window));
  test_ui_screenshot (ui, test_ui_chinese () ? "long-title-events-zh_CN.png" : "long-title-events-en.png");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (ui->window)), <=, 1100);
  assert_two_lines (test_ui_page (ui, "events"), "Very long title of a forum");

  /* The page: as long as the editor takes a title, then “…”. */
  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (event)));
  page = test_ui_find (test_ui_page (ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
  g_assert_true (test_ui_wait_for (event_loaded, page, 10));
  label = test_ui_get_id (page, "title_label");
  test_ui_wait_mapped (label);
  g_assert_cmpint (g_utf8_strlen (gtk_label_get_text (GTK_LABEL (label)), -1), <=,
                   liaison_text_max_chars (LIAISON_TEXT_TITLE));
  g_assert_true (g_str_has_suffix (gtk_label_get_text (GTK_LABEL (label)), "…"));
  test_ui_wait_painted (GTK_WIDGET (ui->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (ui->window)), <=, 1100);
  test_ui_screenshot (ui, test_ui_chinese () ? "long-title-event-zh_CN.png" : "long-title-event-en.png");
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/lengths/participant-editor", test_participant_editor);
  g_test_add_func ("/liaison/lengths/long-title-shown-short", test_long_title_shown_short);

  return g_test_run ();
}
