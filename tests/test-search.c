/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-store.h"
#include "test-util.h"

typedef struct
{
  const char      *family_native, *given_native, *family_latin, *given_latin;
  LiaisonNameOrder order;
  const char      *country;
  const char      *email;
  const char      *organisation;
} Person;

static const Person people[] = {
  { "李", "霞", "Li", "Xia", LIAISON_NAME_ORDER_FAMILY_FIRST, "CN", "li.xia@fecomee.org.cn", "中国-东盟环境保护合作中心" },
  { "王", "芳", NULL, NULL, LIAISON_NAME_ORDER_FAMILY_FIRST, "CN", NULL, NULL },
  { "曾", "国藩", NULL, NULL, LIAISON_NAME_ORDER_FAMILY_FIRST, "CN", NULL, NULL },
  { NULL, NULL, "Chen", "Wei", LIAISON_NAME_ORDER_FAMILY_FIRST, "SG", "chen.wei@nea.gov.sg", "National Environment Agency" },
  { "Nguyễn", "Thị Minh Khai", NULL, NULL, LIAISON_NAME_ORDER_FAMILY_FIRST, "VN", NULL, NULL },
  { "ใจดี", "สมชาย", "Jaidee", "Somchai", LIAISON_NAME_ORDER_GIVEN_FIRST, "TH", NULL, "Ministry of Natural Resources and Environment" },
  { "ចាន់", "សុខា", "Chan", "Sokha", LIAISON_NAME_ORDER_FAMILY_FIRST, "KH", NULL, NULL },
  { NULL, "ສົມພອນ", NULL, "Somphone", LIAISON_NAME_ORDER_MONONYM, "LA", NULL, NULL },
  { NULL, "အောင်ဆန်းစုကြည်", NULL, "Aung San Suu Kyi", LIAISON_NAME_ORDER_MONONYM, "MM", NULL, NULL },
  { NULL, "Sukarno", NULL, NULL, LIAISON_NAME_ORDER_MONONYM, "ID", NULL, NULL },
  { "李", "明", "Li", "Ming", LIAISON_NAME_ORDER_FAMILY_FIRST, "CN", NULL, NULL },
};

typedef struct
{
  char         *dir;
  LiaisonStore *store;
  char         *ids[G_N_ELEMENTS (people)];
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  f->dir = test_make_dir ();
  path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = liaison_store_open (path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
      const char *emails[] = { people[i].email, NULL };

      liaison_participant_set_native_name (p, people[i].family_native, people[i].given_native);
      liaison_participant_set_latin_name (p, people[i].family_latin, people[i].given_latin);
      liaison_participant_set_name_order (p, people[i].order);
      liaison_participant_set_country (p, people[i].country);
      liaison_participant_set_emails (p, emails);
      liaison_bilingual_set_text (liaison_participant_get_organisation (p),
                                  g_utf8_get_char (people[i].organisation ? people[i].organisation : "x") > 0x2000
                                      ? LIAISON_LANGUAGE_ZH
                                      : LIAISON_LANGUAGE_EN,
                                  people[i].organisation);
      g_assert_true (liaison_store_save_participant (f->store, p, LIAISON_ORIGIN_LOCAL, &error));
      g_assert_no_error (error);
      f->ids[i] = g_strdup (liaison_participant_get_id (p));
    }
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_free (f->ids[i]);
  g_assert_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

/* Asserts that query finds person number `expected` (and says what it found). */
static void
assert_finds (Fixture    *f,
              const char *query,
              guint       expected)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = liaison_store_search_participants (f->store, query, 50, &error);
  gboolean hit = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *name = liaison_participant_dup_display_name (g_ptr_array_index (found, i));
      g_test_message ("“%s” → %s", query, name);
      if (g_str_equal (liaison_participant_get_id (g_ptr_array_index (found, i)), f->ids[expected]))
        hit = TRUE;
    }
  if (!hit)
    g_error ("“%s” did not find person %u (%u results)", query, expected, found->len);
}

static void
assert_misses (Fixture    *f,
               const char *query,
               guint       person)
{
  g_autoptr (GPtrArray) found = liaison_store_search_participants (f->store, query, 50, NULL);

  for (guint i = 0; i < found->len; i++)
    g_assert_cmpstr (liaison_participant_get_id (g_ptr_array_index (found, i)), !=, f->ids[person]);
}

static void
test_short_chinese (Fixture      *f,
                    gconstpointer data)
{
  assert_finds (f, "李", 0); /* one character */
  assert_finds (f, "李", 10);
  assert_finds (f, "霞", 0);
  assert_finds (f, "李霞", 0); /* two characters */
  assert_misses (f, "李霞", 10);
  assert_finds (f, "王芳", 1);
  assert_finds (f, "芳", 1);
  assert_finds (f, "曾国藩", 2); /* three: the trigram path */
  assert_misses (f, "芳", 0);
}

static void
test_vietnamese (Fixture      *f,
                 gconstpointer data)
{
  assert_finds (f, "nguyen", 4);
  assert_finds (f, "Nguyen Thi", 4);
  assert_finds (f, "minh khai", 4);
  assert_finds (f, "Nguyễn", 4);
  assert_finds (f, "ng", 4);
}

static void
test_latin_to_han (Fixture      *f,
                   gconstpointer data)
{
  assert_finds (f, "li xia", 0);
  assert_finds (f, "Li Xia", 0);
  assert_finds (f, "lixia", 0);
  assert_finds (f, "wang fang", 1);
  assert_finds (f, "fang wang", 1);
  assert_finds (f, "zeng guo", 2); /* the surname table: 曾 is Zeng */
  assert_misses (f, "wang fang", 0);
}

static void
test_han_to_latin (Fixture      *f,
                   gconstpointer data)
{
  /* Chen Wei gave only a Latin name. */
  assert_finds (f, "陈伟", 3);
  assert_finds (f, "chen wei", 3);
  assert_finds (f, "wei chen", 3);
}

static void
test_other_scripts (Fixture      *f,
                    gconstpointer data)
{
  assert_finds (f, "somchai", 5);
  assert_finds (f, "สมชาย", 5);
  assert_finds (f, "jaidee", 5);
  assert_finds (f, "sokha", 6);
  assert_finds (f, "សុខា", 6);
  assert_finds (f, "somphone", 7);
  assert_finds (f, "ສົມພອນ", 7);
  assert_finds (f, "aung san", 8);
  assert_finds (f, "suu kyi", 8);
  assert_finds (f, "sukarno", 9);
}

static void
test_other_fields (Fixture      *f,
                   gconstpointer data)
{
  assert_finds (f, "fecomee", 0);
  assert_finds (f, "chen.wei@nea", 3);
  assert_finds (f, "natural resources", 5);
  assert_finds (f, "环境保护", 0);
}

static void
test_nothing (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (GPtrArray) found = liaison_store_search_participants (f->store, "xyzzy", 50, NULL);
  g_autoptr (GPtrArray) empty = liaison_store_search_participants (f->store, "   ", 50, NULL);
  g_autoptr (GPtrArray) quote = liaison_store_search_participants (f->store, "\"li\" OR *", 50, NULL);

  g_assert_cmpuint (found->len, ==, 0);
  g_assert_cmpuint (empty->len, ==, 0);
  /* FTS syntax in a query is text, not an operator. */
  g_assert_nonnull (quote);
  g_assert_cmpuint (quote->len, ==, 0);
}

static void
test_update_and_delete (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (f->store, f->ids[1], NULL);
  g_autoptr (GPtrArray) found = NULL;

  liaison_participant_set_native_name (p, "王", "静");
  g_assert_true (liaison_store_save_participant (f->store, p, LIAISON_ORIGIN_LOCAL, NULL));
  assert_misses (f, "王芳", 1);
  assert_misses (f, "wang fang", 1);
  assert_finds (f, "王静", 1);
  assert_finds (f, "wang jing", 1);

  g_assert_true (liaison_store_delete_participant (f->store, f->ids[1], LIAISON_ORIGIN_LOCAL, NULL));
  found = liaison_store_search_participants (f->store, "王", 50, NULL);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_events (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (GPtrArray) forums = liaison_store_search_events (f->store, "论坛", 100, NULL);
  g_autoptr (GPtrArray) nanning = liaison_store_search_events (f->store, "Nanning", 100, NULL);
  g_autoptr (GPtrArray) nanning_zh = liaison_store_search_events (f->store, "南宁", 100, NULL);
  g_autoptr (GPtrArray) peat = liaison_store_search_events (f->store, "peatland", 100, NULL);

  g_assert_cmpuint (forums->len, >=, 9);
  g_assert_cmpuint (nanning->len, >=, 8);
  g_assert_cmpuint (nanning_zh->len, ==, nanning->len);
  g_assert_cmpuint (peat->len, >=, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/liaison/search/short-chinese", test_short_chinese);
  ADD ("/liaison/search/vietnamese", test_vietnamese);
  ADD ("/liaison/search/latin-to-han", test_latin_to_han);
  ADD ("/liaison/search/han-to-latin", test_han_to_latin);
  ADD ("/liaison/search/other-scripts", test_other_scripts);
  ADD ("/liaison/search/other-fields", test_other_fields);
  ADD ("/liaison/search/nothing", test_nothing);
  ADD ("/liaison/search/update-and-delete", test_update_and_delete);
  ADD ("/liaison/search/events", test_events);
#undef ADD

  return g_test_run ();
}
