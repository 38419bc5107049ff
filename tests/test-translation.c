/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-store-translations.h"
#include "liaison-translation-list.h"
#include "liaison-translation-page.h"
#include "test-ui.h"

/* The translator's day: an event written in Chinese appears as missing
 * its English title; the translation is typed beside the source, saved as
 * translated, then reviewed, and leaves the list; a later change of the
 * Chinese title brings it back as stale. */

static gboolean chinese;

static GtkListView *
list_view (TestUi *ui)
{
  return GTK_LIST_VIEW (test_ui_get_id (test_ui_page (ui, "translation"), "list_view"));
}

static guint
position_of (TestUi         *ui,
             const char     *key,
             LiaisonLanguage language)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view (ui)));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (LiaisonTranslationItem) item = g_list_model_get_item (model, i);

      if (g_str_equal (liaison_translation_item_get_key (item), key) && liaison_translation_item_get_language (item) == language)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Selects a text and waits for the page to show its source beside it. */
static void
select_position (TestUi *ui,
                 guint   position)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view (ui)));
  g_autoptr (LiaisonTranslationItem) item = NULL;

  gtk_single_selection_set_selected (selection, position);
  item = g_list_model_get_item (G_LIST_MODEL (selection), position);
  g_assert_nonnull (item);
  test_ui_wait_label (test_ui_get_id (test_ui_page (ui, "translation"), "source_text"),
                      liaison_translation_item_get_source_text (item));
}

static void
type_translation (TestUi     *ui,
                  const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (test_ui_get_id (test_ui_page (ui, "translation"), "target_view"));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
save_as (TestUi     *ui,
         const char *state)
{
  g_assert_true (gtk_widget_activate_action (test_ui_page (ui, "translation"), "translation.save", "s", state));
}

typedef struct
{
  TestUi     *ui;
  const char *key;
} Listed;

static gboolean
listed_into_english (gpointer data)
{
  Listed *l = data;

  return position_of (l->ui, l->key, LIAISON_LANGUAGE_EN) != GTK_INVALID_LIST_POSITION;
}

static void
test_translate_review_stale (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *page;
  g_autoptr (LiaisonEvent) e = liaison_event_new (NULL);
  g_autoptr (LiaisonBilingual) title = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *key = NULL;
  guint            position;

  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH, "红树林保护研修班");
  g_assert_true (liaison_event_set_when (e, "2026-04-20", "2026-04-24", NULL, NULL));
  liaison_event_set_kind (e, LIAISON_EVENT_KIND_TRAINING_COURSE);
  g_assert_true (liaison_store_save_event (ui->store, e, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  key = g_strdup_printf ("event/%s/title", liaison_event_get_id (e));

  /* The Overview counts it among the texts to translate into English,
   * once it has read the store after the change. */
  test_ui_wait_reload (test_ui_page (ui, "overview"));
  test_ui_show_page (ui, "overview");
  {
    const char *counts = gtk_label_get_text (GTK_LABEL (test_ui_get_id (test_ui_page (ui, "overview"),
                                                                        "translation_counts")));

    g_test_message ("overview: %s", counts);
    if (!chinese)
      g_assert_nonnull (strstr (counts, "Into English: 1 to translate"));
  }

  test_ui_show_page (ui, "translation");
  page = test_ui_page (ui, "translation");
  g_assert_cmpstr (liaison_window_get_visible_page (ui->window), ==, "translation");

  /* Missing, into English, with its Chinese source beside it. */
  position = position_of (ui, key, LIAISON_LANGUAGE_EN);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  select_position (ui, position);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (test_ui_get_id (page, "source_text"))), ==, "红树林保护研修班");
  test_ui_screenshot (ui, chinese ? "translation-zh_CN.png" : "translation-en.png");

  /* An empty translation is refused, and said so. */
  type_translation (ui, "  ");
  save_as (ui, "translated");
  test_ui_wait_visible (test_ui_get_id (page, "error_label"));
  g_assert_true (gtk_widget_get_visible (test_ui_get_id (page, "error_label")));

  type_translation (ui, "Training course on mangrove conservation");
  save_as (ui, "translated");
  title = liaison_store_get_content_text (ui->store, "event", liaison_event_get_id (e), "title", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_bilingual_get_text (title, LIAISON_LANGUAGE_EN), ==, "Training course on mangrove conservation");
  g_assert_cmpint (liaison_bilingual_get_state (title, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_TRANSLATED);
  g_clear_object (&title);

  /* Translated still needs a review: it is listed; reviewed, it is not. */
  position = position_of (ui, key, LIAISON_LANGUAGE_EN);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  select_position (ui, position);
  save_as (ui, "reviewed");
  g_assert_cmpuint (position_of (ui, key, LIAISON_LANGUAGE_EN), ==, GTK_INVALID_LIST_POSITION);
  title = liaison_store_get_content_text (ui->store, "event", liaison_event_get_id (e), "title", &error);
  g_assert_cmpint (liaison_bilingual_get_state (title, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_REVIEWED);
  g_clear_object (&title);

  /* The Chinese title changes: the English one is stale, and listed again. */
  g_assert_true (liaison_store_set_translation (ui->store, "event", liaison_event_get_id (e), "title",
                                                LIAISON_LANGUAGE_ZH, "红树林生态系统保护研修班",
                                                LIAISON_TRANSLATION_REVIEWED, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  {
    Listed listed = { ui, key };

    test_ui_wait_for (listed_into_english, &listed, 10);
  }
  position = position_of (ui, key, LIAISON_LANGUAGE_EN);
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  select_position (ui, position);
  g_assert_true (test_ui_shows_text (page, liaison_translation_state_label (LIAISON_TRANSLATION_STALE)));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (test_ui_get_id (page, "source_text"))), ==, "红树林生态系统保护研修班");

  /* The keyboard flow: Alt+Down moves to the next text. */
  g_assert_true (gtk_widget_activate_action (page, "translation.next", NULL));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_view (ui)))),
                    ==, MIN (position + 1, g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_view (ui)))) - 1));
}

int
main (int    argc,
      char **argv)
{
  const char *lang = g_getenv ("LANGUAGE");

  chinese = lang != NULL && g_str_has_prefix (lang, "zh");
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/translation/translate-review-stale", test_translate_review_stale);

  return g_test_run ();
}
