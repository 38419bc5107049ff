/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "liaison-store-translations.h"
#include "liaison-translation-list.h"
#include "test-util.h"

#define ZH LIAISON_LANGUAGE_ZH
#define EN LIAISON_LANGUAGE_EN

typedef struct
{
  char         *dir;
  LiaisonStore *store;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  f->dir = test_make_dir ();
  path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = liaison_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_assert_finalize_object (g_steal_pointer (&f->store));
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static char *
add_event (LiaisonStore *store,
           const char   *title_zh,
           const char   *title_en,
           const char   *city_zh,
           const char   *city_en)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (event), ZH, title_zh);
  liaison_bilingual_set_text (liaison_event_get_title (event), EN, title_en);
  liaison_bilingual_set_text (liaison_event_get_city (event), ZH, city_zh);
  liaison_bilingual_set_text (liaison_event_get_city (event), EN, city_en);
  g_assert_true (liaison_event_set_when (event, "2025-11-04", "2025-11-05", NULL, &error));
  liaison_event_set_kind (event, LIAISON_EVENT_KIND_LIAISON_MEETING);
  g_assert_true (liaison_store_save_event (store, event, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_strdup (liaison_event_get_id (event));
}

static LiaisonBilingual *
get_text (LiaisonStore *store,
          const char   *entity,
          const char   *id,
          const char   *field)
{
  g_autoptr (GError) error = NULL;
  LiaisonBilingual *text = liaison_store_get_content_text (store, entity, id, field, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static void
set_translation (LiaisonStore           *store,
                 const char             *entity,
                 const char             *id,
                 const char             *field,
                 LiaisonLanguage         language,
                 const char             *text,
                 LiaisonTranslationState state)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (liaison_store_set_translation (store, entity, id, field, language, text, state,
                                                LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
}

static LiaisonTranslationItem *
find_item (GPtrArray  *items,
           const char *key)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (liaison_translation_item_get_key (g_ptr_array_index (items, i)), key))
      return g_ptr_array_index (items, i);
  return NULL;
}

static GPtrArray *
list (LiaisonStore *store,
      guint         states,
      int           language,
      guint         kinds)
{
  LiaisonTranslationFilter filter = { states, language, kinds };
  g_autoptr (GError) error = NULL;
  GPtrArray *items = liaison_store_list_translations (store, &filter, 0, 0, &error);

  g_assert_no_error (error);
  return items;
}

/* A new database: the built-in plan, history and programme are all in
 * English translated from the seed's Chinese, nothing is missing. */
static void
test_first_run (Fixture      *f,
                gconstpointer data)
{
  LiaisonTranslationCounts counts;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (LiaisonBilingual) programme = NULL;
  g_autoptr (LiaisonBilingual) track = NULL;
  g_autoptr (GPtrArray) plan = NULL;
  guint total = 0;

  g_assert_true (liaison_store_count_translations (f->store, 0, &counts, &error));
  g_assert_no_error (error);
  for (guint s = 0; s < LIAISON_N_TRANSLATION_STATES; s++)
    {
      g_assert_cmpuint (counts.n[ZH][s], ==, 0);
      if (s != LIAISON_TRANSLATION_TRANSLATED)
        g_assert_cmpuint (counts.n[EN][s], ==, 0);
    }
  /* 62 event titles, 34 plan titles, the programme and 3 tracks at least;
   * themes, descriptions and cities on top. */
  g_assert_cmpuint (counts.n[EN][LIAISON_TRANSLATION_TRANSLATED], >, 62 + 34 + 4);

  /* Translated texts wait for review: the default list is all of them. */
  items = list (f->store, 0, -1, 0);
  g_assert_cmpuint (items->len, ==, counts.n[EN][LIAISON_TRANSLATION_TRANSLATED]);
  for (guint i = 0; i < items->len; i++)
    total += liaison_translation_item_get_language (g_ptr_array_index (items, i)) == EN;
  g_assert_cmpuint (total, ==, items->len);

  programme = get_text (f->store, "programme", LIAISON_PROGRAMME_GREEN_ENVOYS, "title");
  g_assert_cmpstr (liaison_bilingual_get_text (programme, ZH), ==, "中国-东盟绿色使者计划");
  g_assert_cmpint (liaison_bilingual_get_effective_state (programme, EN), ==, LIAISON_TRANSLATION_TRANSLATED);
  track = get_text (f->store, "track", "climate-youth", "title");
  g_assert_cmpstr (liaison_bilingual_get_text (track, EN), ==, "China-ASEAN Climate Change Youth Leadership Programme");
  g_assert_nonnull (find_item (items, "track/marine-plastics-youth/title"));
  g_assert_nonnull (find_item (items, "plan/2.1.1/title"));

  /* The plan's objects carry the stored states, not a constant. */
  plan = liaison_store_list_plan (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_bilingual_get_effective_state (liaison_plan_item_get_title (g_ptr_array_index (plan, 0)), EN),
                   ==, LIAISON_TRANSLATION_TRANSLATED);
}

/* The stale rule through the store, both ways round: an event written in
 * Chinese with an English title, and a city written in English. */
static void
test_stale (Fixture      *f,
            gconstpointer data)
{
  g_autofree char *id = add_event (f->store, "2025年联络员会议", "Liaison officers' meeting 2025", NULL, "Yangon");
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (LiaisonBilingual) title = NULL;
  g_autoptr (LiaisonBilingual) city = NULL;
  g_autoptr (GError) error = NULL;

  /* Typed in both languages at once: the English is a draft, the city's
   * English is its source. */
  title = get_text (f->store, "event", id, "title");
  g_assert_cmpint (liaison_bilingual_get_source (title), ==, ZH);
  g_assert_cmpint (liaison_bilingual_get_effective_state (title, EN), ==, LIAISON_TRANSLATION_DRAFT);
  city = get_text (f->store, "event", id, "city");
  g_assert_cmpint (liaison_bilingual_get_source (city), ==, EN);
  g_assert_cmpint (liaison_bilingual_get_effective_state (city, ZH), ==, LIAISON_TRANSLATION_MISSING);
  g_clear_object (&title);
  g_clear_object (&city);

  set_translation (f->store, "event", id, "title", EN, "Liaison Officers' Meeting 2025", LIAISON_TRANSLATION_TRANSLATED);
  set_translation (f->store, "event", id, "city", ZH, "仰光", LIAISON_TRANSLATION_REVIEWED);

  /* The event as the window loads it agrees. */
  event = liaison_store_get_event (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_event_get_title (event), EN), ==, "Liaison Officers' Meeting 2025");
  g_assert_cmpint (liaison_bilingual_get_state (liaison_event_get_title (event), EN), ==, LIAISON_TRANSLATION_TRANSLATED);
  g_assert_cmpint (liaison_bilingual_get_state (liaison_event_get_city (event), ZH), ==, LIAISON_TRANSLATION_REVIEWED);

  /* Someone edits both sources and saves the event. */
  liaison_bilingual_set_text (liaison_event_get_title (event), ZH, "2025年中国-东盟环境合作联络员会议");
  liaison_bilingual_set_text (liaison_event_get_city (event), EN, "Nay Pyi Taw");
  g_assert_true (liaison_store_save_event (f->store, event, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  title = get_text (f->store, "event", id, "title");
  city = get_text (f->store, "event", id, "city");
  g_assert_cmpint (liaison_bilingual_get_effective_state (title, EN), ==, LIAISON_TRANSLATION_STALE);
  g_assert_cmpint (liaison_bilingual_get_effective_state (city, ZH), ==, LIAISON_TRANSLATION_STALE);
  g_assert_cmpint (liaison_bilingual_get_effective_state (title, ZH), ==, LIAISON_TRANSLATION_REVIEWED);
  g_clear_object (&title);
  g_clear_object (&city);
  {
    g_autoptr (GPtrArray) stale = list (f->store, LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_STALE), -1, 0);
    g_autofree char *title_key = g_strdup_printf ("event/%s/title", id);
    g_autofree char *city_key = g_strdup_printf ("event/%s/city", id);

    g_assert_cmpuint (stale->len, ==, 2);
    g_assert_nonnull (find_item (stale, title_key));
    g_assert_cmpint (liaison_translation_item_get_saved_state (find_item (stale, city_key)), ==,
                     LIAISON_TRANSLATION_REVIEWED);
    g_assert_cmpstr (liaison_translation_item_get_source_text (find_item (stale, city_key)), ==, "Nay Pyi Taw");
  }

  /* Translating again makes each current. */
  set_translation (f->store, "event", id, "title", EN, "China-ASEAN Environmental Cooperation Liaison Officers' Meeting 2025",
                   LIAISON_TRANSLATION_TRANSLATED);
  set_translation (f->store, "event", id, "city", ZH, "内比都", LIAISON_TRANSLATION_TRANSLATED);
  title = get_text (f->store, "event", id, "title");
  city = get_text (f->store, "event", id, "city");
  g_assert_cmpint (liaison_bilingual_get_effective_state (title, EN), ==, LIAISON_TRANSLATION_TRANSLATED);
  g_assert_cmpint (liaison_bilingual_get_effective_state (city, ZH), ==, LIAISON_TRANSLATION_TRANSLATED);
  g_clear_object (&city);

  /* Editing the source through the translation call works the same way. */
  set_translation (f->store, "event", id, "city", EN, "Naypyidaw", LIAISON_TRANSLATION_DRAFT);
  city = get_text (f->store, "event", id, "city");
  g_assert_cmpint (liaison_bilingual_get_effective_state (city, ZH), ==, LIAISON_TRANSLATION_STALE);
  g_assert_cmpint (liaison_bilingual_get_state (city, EN), ==, LIAISON_TRANSLATION_REVIEWED);
}

static void
test_every_kind (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (LiaisonParticipant) again = NULL;
  g_autoptr (LiaisonBilingual) org = NULL;
  g_autoptr (LiaisonBilingual) track = NULL;
  g_autoptr (LiaisonPlanItem) item = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *key = NULL;

  liaison_participant_set_native_name (p, "李", "霞");
  liaison_participant_set_latin_name (p, "Li", "Xia");
  liaison_bilingual_set_text (liaison_participant_get_organisation (p), ZH, "中国-东盟环境保护合作中心");
  liaison_bilingual_set_text (liaison_participant_get_organisation (p), EN, "China-ASEAN Environmental Cooperation Center");
  liaison_bilingual_set_text (liaison_participant_get_position (p), EN, "Programme officer");
  g_assert_true (liaison_store_save_participant (f->store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  /* People's texts are asked for explicitly. */
  key = g_strdup_printf ("participant/%s/organisation", liaison_participant_get_id (p));
  {
    g_autoptr (GPtrArray) content = list (f->store, LIAISON_TRANSLATION_ANY_STATE, -1, 0);
    g_assert_null (find_item (content, key));
  }
  people = list (f->store, 0, ZH, LIAISON_CONTENT_PARTICIPANTS);
  g_assert_cmpuint (people->len, ==, 2);
  g_assert_cmpstr (liaison_translation_item_get_owner (find_item (people, key), ZH), ==, "李霞");
  g_assert_cmpstr (liaison_translation_item_get_owner (find_item (people, key), EN), ==, "Li Xia");
  g_assert_cmpint (liaison_translation_item_get_state (find_item (people, key)), ==, LIAISON_TRANSLATION_DRAFT);

  set_translation (f->store, "participant", liaison_participant_get_id (p), "position", ZH, "项目官员",
                   LIAISON_TRANSLATION_REVIEWED);
  again = liaison_store_get_participant (f->store, liaison_participant_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_participant_get_position (again), ZH), ==, "项目官员");
  g_assert_cmpint (liaison_bilingual_get_state (liaison_participant_get_position (again), ZH), ==,
                   LIAISON_TRANSLATION_REVIEWED);
  g_assert_cmpint (liaison_bilingual_get_source (liaison_participant_get_organisation (again)), ==, EN);

  /* The English source of the organisation changes: its Chinese, saved
   * with the person, goes stale once marked. */
  set_translation (f->store, "participant", liaison_participant_get_id (p), "organisation", ZH,
                   "中国-东盟环境保护合作中心", LIAISON_TRANSLATION_TRANSLATED);
  g_clear_object (&again);
  again = liaison_store_get_participant (f->store, liaison_participant_get_id (p), &error);
  liaison_bilingual_set_text (liaison_participant_get_organisation (again), EN, "China-ASEAN Environmental Cooperation Centre");
  g_assert_true (liaison_store_save_participant (f->store, again, LIAISON_ORIGIN_LOCAL, &error));
  org = get_text (f->store, "participant", liaison_participant_get_id (p), "organisation");
  g_assert_cmpint (liaison_bilingual_get_effective_state (org, ZH), ==, LIAISON_TRANSLATION_STALE);

  /* The plan and the programme have no object that saves itself. */
  set_translation (f->store, "plan", "1.1.2", "title", EN, "China-ASEAN Environmental Cooperation Forum (with the Ministerial Dialogue)",
                   LIAISON_TRANSLATION_REVIEWED);
  item = liaison_store_get_plan_item (f->store, "1.1.2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_plan_item_get_title (item), EN), ==,
                   "China-ASEAN Environmental Cooperation Forum (with the Ministerial Dialogue)");
  g_assert_cmpint (liaison_bilingual_get_state (liaison_plan_item_get_title (item), EN), ==, LIAISON_TRANSLATION_REVIEWED);

  set_translation (f->store, "track", "officials-capacity", "title", ZH, "环境官员能力建设项目", LIAISON_TRANSLATION_DRAFT);
  track = get_text (f->store, "track", "officials-capacity", "title");
  g_assert_cmpstr (liaison_bilingual_get_text (track, ZH), ==, "环境官员能力建设项目");
  g_assert_cmpint (liaison_bilingual_get_effective_state (track, EN), ==, LIAISON_TRANSLATION_STALE);
}

static void
test_filter_and_counts (Fixture      *f,
                        gconstpointer data)
{
  g_autofree char         *a = add_event (f->store, "研讨会甲", NULL, "南宁", "Nanning");
  g_autofree char         *b = add_event (f->store, NULL, "Workshop B", NULL, NULL);
  LiaisonTranslationCounts counts;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) missing = NULL;
  g_autoptr (GPtrArray) missing_zh = NULL;
  g_autoptr (GPtrArray) drafts = NULL;
  g_autoptr (GPtrArray) all = NULL;
  guint sum = 0;

  missing = list (f->store, LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_MISSING), -1, 0);
  g_assert_cmpuint (missing->len, ==, 2);
  missing_zh = list (f->store, LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_MISSING), ZH, 0);
  g_assert_cmpuint (missing_zh->len, ==, 1);
  g_assert_cmpstr (liaison_translation_item_get_entity_id (g_ptr_array_index (missing_zh, 0)), ==, b);
  g_assert_cmpstr (liaison_translation_item_get_source_text (g_ptr_array_index (missing_zh, 0)), ==, "Workshop B");
  drafts = list (f->store, LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_DRAFT), EN, LIAISON_CONTENT_EVENTS);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (liaison_translation_item_get_text (g_ptr_array_index (drafts, 0)), ==, "Nanning");
  g_assert_cmpstr (liaison_translation_item_get_owner (g_ptr_array_index (drafts, 0), EN), ==, "研讨会甲");

  /* Every text counted once, under one state and one language. */
  g_assert_true (liaison_store_count_translations (f->store, 0, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n[ZH][LIAISON_TRANSLATION_MISSING], ==, 1);
  g_assert_cmpuint (counts.n[EN][LIAISON_TRANSLATION_MISSING], ==, 1);
  g_assert_cmpuint (counts.n[EN][LIAISON_TRANSLATION_DRAFT], ==, 1);
  all = list (f->store, LIAISON_TRANSLATION_ANY_STATE, -1, 0);
  for (guint l = 0; l < LIAISON_N_LANGUAGES; l++)
    for (guint s = 0; s < LIAISON_N_TRANSLATION_STATES; s++)
      sum += counts.n[l][s];
  g_assert_cmpuint (sum, ==, all->len);

  /* Pages of the same list. */
  {
    g_autoptr (GPtrArray) page = NULL;
    LiaisonTranslationFilter filter = { LIAISON_TRANSLATION_ANY_STATE, -1, 0 };

    page = liaison_store_list_translations (f->store, &filter, 10, 5, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (page->len, ==, 5);
    for (guint i = 0; i < page->len; i++)
      g_assert_cmpstr (liaison_translation_item_get_key (g_ptr_array_index (page, i)), ==,
                       liaison_translation_item_get_key (g_ptr_array_index (all, 10 + i)));
  }

  set_translation (f->store, "event", a, "title", EN, "Seminar A", LIAISON_TRANSLATION_REVIEWED);
  g_assert_true (liaison_store_count_translations (f->store, LIAISON_CONTENT_EVENTS, &counts, &error));
  g_assert_cmpuint (counts.n[EN][LIAISON_TRANSLATION_MISSING], ==, 0);
  g_assert_cmpuint (counts.n[EN][LIAISON_TRANSLATION_REVIEWED], ==, 1);
}

static void
test_journal_and_errors (Fixture      *f,
                         gconstpointer data)
{
  g_autofree char *id = add_event (f->store, "圆桌会议", NULL, NULL, NULL);
  gint64           before = liaison_store_get_last_seq (f->store);
  g_autoptr (GPtrArray) journal = NULL;
  g_autoptr (GError) error = NULL;
  gboolean saw_text = FALSE, saw_state = FALSE;

  set_translation (f->store, "event", id, "title", EN, "Roundtable", LIAISON_TRANSLATION_TRANSLATED);
  journal = liaison_store_list_journal (f->store, before, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < journal->len; i++)
    {
      LiaisonJournalEntry *e = g_ptr_array_index (journal, i);

      g_assert_cmpint (e->origin, ==, LIAISON_ORIGIN_LOCAL);
      g_assert_cmpstr (e->entity_id, ==, id);
      if (g_strcmp0 (e->field, "title_en") == 0)
        {
          saw_text = TRUE;
          g_assert_null (e->old_value);
          g_assert_cmpstr (e->new_value, ==, "Roundtable");
        }
      if (g_strcmp0 (e->field, "title_en.state") == 0)
        {
          saw_state = TRUE;
          g_assert_cmpstr (e->old_value, ==, "{\"state\":\"missing\"}");
          g_assert_true (g_str_has_prefix (e->new_value, "{\"state\":\"translated\",\"based_on\":\""));
        }
    }
  g_assert_true (saw_text);
  g_assert_true (saw_state);

  /* Plan titles are journalled under their column too. */
  before = liaison_store_get_last_seq (f->store);
  set_translation (f->store, "plan", "4", "title", EN, "Biodiversity protection and ecosystem management",
                   LIAISON_TRANSLATION_REVIEWED);
  g_clear_pointer (&journal, g_ptr_array_unref);
  journal = liaison_store_list_journal (f->store, before, 0, NULL);
  g_assert_cmpuint (journal->len, ==, 2);
  g_assert_cmpstr (((LiaisonJournalEntry *) g_ptr_array_index (journal, 0))->field, ==, "title_en");
  g_assert_cmpstr (((LiaisonJournalEntry *) g_ptr_array_index (journal, 0))->entity, ==, "plan");
  g_assert_cmpstr (((LiaisonJournalEntry *) g_ptr_array_index (journal, 1))->field, ==, "title_en.state");

  /* Refused: nothing written. */
  before = liaison_store_get_last_seq (f->store);
  g_assert_false (liaison_store_set_translation (f->store, "event", id, "venue", EN, "x",
                                                 LIAISON_TRANSLATION_DRAFT, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (liaison_store_set_translation (f->store, "event", "00000000-0000-4000-8000-000000000000", "title", EN,
                                                 "x", LIAISON_TRANSLATION_DRAFT, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (liaison_store_set_translation (f->store, "track", "green-envoys", "title", EN, "x",
                                                 LIAISON_TRANSLATION_DRAFT, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (liaison_store_get_last_seq (f->store), ==, before);
}

static void
test_keys (void)
{
  g_autofree char *entity = NULL, *id = NULL, *field = NULL;

  g_assert_true (liaison_content_key_parse ("plan/1.1.2/title", &entity, &id, &field));
  g_assert_cmpstr (entity, ==, "plan");
  g_assert_cmpstr (id, ==, "1.1.2");
  g_assert_cmpstr (field, ==, "title");
  g_assert_false (liaison_content_key_parse ("plan/1.1.2", NULL, NULL, NULL));
  g_assert_false (liaison_content_key_parse ("event//title", NULL, NULL, NULL));
  g_assert_false (liaison_content_key_parse ("event/x/venue", NULL, NULL, NULL));
  g_assert_false (liaison_content_key_parse ("event/a/b/title", NULL, NULL, NULL));
  g_assert_false (liaison_content_key_parse (NULL, NULL, NULL, NULL));
}

typedef struct
{
  guint position, removed, added, calls;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->calls++;
}

static void
test_list_model (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (LiaisonTranslationList) model = liaison_translation_list_new (f->store);
  LiaisonTranslationFilter drafts = { LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_DRAFT), -1, 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr (LiaisonTranslationItem) item = NULL;
  Change change = { 0 };
  guint  n;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == LIAISON_TYPE_TRANSLATION_ITEM);
  n = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n, >, 100);

  g_assert_true (liaison_translation_list_set_filter (model, &drafts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &change);
  first = add_event (f->store, "研修班甲", "Training course A", NULL, NULL);
  second = add_event (f->store, "研修班乙", "Training course B", NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_cmpuint (change.calls, ==, 2);

  /* Marking the first translated takes it out of the drafts, and only it. */
  change = (Change){ 0 };
  set_translation (f->store, "event", first, "title", EN, "Training Course A", LIAISON_TRANSLATION_TRANSLATED);
  g_assert_cmpuint (change.calls, ==, 1);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  item = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (liaison_translation_item_get_entity_id (item), ==, second);
  g_assert_cmpuint (liaison_translation_list_find (model, liaison_translation_item_get_key (item), EN), ==, 0);
  g_assert_cmpuint (liaison_translation_list_find (model, liaison_translation_item_get_key (item), ZH), ==, G_MAXUINT);

  /* A change elsewhere does not disturb the list. */
  change = (Change){ 0 };
  set_translation (f->store, "plan", "3", "title", EN, "Climate change and air quality improvement", LIAISON_TRANSLATION_REVIEWED);
  g_assert_cmpuint (change.calls, ==, 0);

  g_clear_object (&item);
  g_assert_finalize_object (g_steal_pointer (&model));
}

/* A database from before every text had a state: cities, organisations
 * and positions get states on open, the programme becomes a table, and
 * the states that were there stay as they were. */
static void
test_upgrade (void)
{
  g_autofree char *dir = test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  const char      *schema[] = { "0001-initial.sql", "0002-search.sql", "0003-faster-writes.sql", "v3-translations.sql", NULL };
  g_autoptr (LiaisonStore) store = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3          *db = NULL;
  LiaisonBilingual *text;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint i = 0; schema[i] != NULL; i++)
    {
      g_autofree char *file = i < 3 ? g_test_build_filename (G_TEST_DIST, "..", "resources", "migrations", schema[i], NULL)
                                    : g_test_build_filename (G_TEST_DIST, "data", schema[i], NULL);
      g_autofree char *sql = NULL;
      char            *message = NULL;

      g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
      if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
        g_error ("%s: %s", schema[i], message);
    }
  sqlite3_close (db);

  store = liaison_store_open (path, &error);
  g_assert_no_error (error);

  /* States that existed are kept, the stale one included. */
  text = get_text (store, "event", "5d2e8a41-7c3b-4f6a-9e1d-2b4c6d8e0f13", "title");
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, EN), ==, LIAISON_TRANSLATION_TRANSLATED);
  g_object_unref (text);
  text = get_text (store, "event", "5d2e8a41-7c3b-4f6a-9e1d-2b4c6d8e0f13", "theme");
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, EN), ==, LIAISON_TRANSLATION_STALE);
  g_object_unref (text);

  /* A coordinator's city: nobody said the English is a translation. */
  text = get_text (store, "event", "5d2e8a41-7c3b-4f6a-9e1d-2b4c6d8e0f13", "city");
  g_assert_cmpint (liaison_bilingual_get_source (text), ==, ZH);
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, EN), ==, LIAISON_TRANSLATION_DRAFT);
  g_object_unref (text);

  /* The shipped history's city was translated for Liaison. */
  text = get_text (store, "event", "a7f3c9e2-1b5d-5e8f-8a2c-4d6e8f0a2b4c", "city");
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, EN), ==, LIAISON_TRANSLATION_TRANSLATED);
  g_object_unref (text);

  /* People: written in English unless only Chinese is there. */
  text = get_text (store, "participant", "6c8e0a2b-4d6f-4a1c-8e3b-5d7f9b1c3e5a", "organisation");
  g_assert_cmpint (liaison_bilingual_get_source (text), ==, EN);
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, ZH), ==, LIAISON_TRANSLATION_DRAFT);
  g_object_unref (text);
  text = get_text (store, "participant", "1e3a5c7e-9b0d-4f2a-8c4e-6a8c0e2a4c6e", "position");
  g_assert_cmpint (liaison_bilingual_get_source (text), ==, EN);
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, ZH), ==, LIAISON_TRANSLATION_MISSING);
  g_object_unref (text);

  text = get_text (store, "programme", LIAISON_PROGRAMME_GREEN_ENVOYS, "title");
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, EN), ==, LIAISON_TRANSLATION_TRANSLATED);
  g_object_unref (text);

  /* Opening again fills nothing twice and changes nothing. */
  {
    gint64 seq = liaison_store_get_last_seq (store);

    g_assert_finalize_object (g_steal_pointer (&store));
    store = liaison_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (liaison_store_get_last_seq (store), ==, seq);
    text = get_text (store, "event", "5d2e8a41-7c3b-4f6a-9e1d-2b4c6d8e0f13", "city");
    g_assert_cmpint (liaison_bilingual_get_effective_state (text, EN), ==, LIAISON_TRANSLATION_DRAFT);
    g_object_unref (text);
  }

  g_assert_finalize_object (g_steal_pointer (&store));
  test_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/liaison/store-translations/first-run", test_first_run);
  ADD ("/liaison/store-translations/stale", test_stale);
  ADD ("/liaison/store-translations/every-kind", test_every_kind);
  ADD ("/liaison/store-translations/filter-and-counts", test_filter_and_counts);
  ADD ("/liaison/store-translations/journal-and-errors", test_journal_and_errors);
  ADD ("/liaison/store-translations/list-model", test_list_model);
#undef ADD
  g_test_add_func ("/liaison/store-translations/keys", test_keys);
  g_test_add_func ("/liaison/store-translations/upgrade", test_upgrade);

  return g_test_run ();
}
