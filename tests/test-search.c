/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

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

/* People added one by one on a store of their own, for the cases below. */
typedef struct
{
  char         *dir;
  LiaisonStore *store;
} Bare;

static void
bare_setup (Bare         *b,
            gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  b->dir = test_make_dir ();
  path = g_build_filename (b->dir, "liaison.db", NULL);
  b->store = liaison_store_open (path, &error);
  g_assert_no_error (error);
}

static void
bare_teardown (Bare         *b,
               gconstpointer data)
{
  g_assert_finalize_object (b->store);
  test_remove_tree (b->dir);
  g_free (b->dir);
}

/* Adds a person by the parts of their name (NULL for none) and returns
 * their id. */
static char *
add_person (LiaisonStore *store,
            const char   *family_native,
            const char   *given_native,
            const char   *family_latin,
            const char   *given_latin,
            const char   *organisation)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_participant_set_native_name (p, family_native, given_native);
  liaison_participant_set_latin_name (p, family_latin, given_latin);
  if (organisation != NULL)
    liaison_bilingual_set_text (liaison_participant_get_organisation (p),
                                g_utf8_get_char (organisation) > 0x2000 ? LIAISON_LANGUAGE_ZH : LIAISON_LANGUAGE_EN,
                                organisation);
  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_strdup (liaison_participant_get_id (p));
}

/* The ids a query finds, in the order given, at the window's limit. */
static GPtrArray *
found_ids (LiaisonStore *store,
           const char   *query)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) found = liaison_store_search_participants (store, query, 500, &error);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < found->len; i++)
    g_ptr_array_add (ids, g_strdup (liaison_participant_get_id (g_ptr_array_index (found, i))));
  return ids;
}

static void
assert_found (LiaisonStore *store,
              const char   *query,
              const char   *id)
{
  g_autoptr (GPtrArray) ids = found_ids (store, query);

  if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
    g_error ("“%s” did not find %s (%u found)", query, id, ids->len);
}

/* Standard pinyin as people write a name stored only in Chinese. */
static void
test_native_pinyin (Bare         *b,
                    gconstpointer data)
{
  g_autofree char *zeng = add_person (b->store, "曾", "繁仁", NULL, NULL, NULL);
  g_autofree char *wang = add_person (b->store, "王", "秀英", NULL, NULL, NULL);
  g_autofree char *ouyang = add_person (b->store, "欧阳", "秀英", NULL, NULL, NULL);
  const char      *zeng_forms[] = {
         "zeng fanren", /* family, given: the standard form */
         "Zeng Fanren",
         "ZENG FANREN",
         "zengfanren",   /* all joined */
         "zeng fan ren", /* all separate */
         "fanren zeng",  /* given first, as forms in English ask */
         "Fanren Zeng",
         "fan ren zeng",
         "fanrenzeng",
         "Zēng Fánrén", /* with tone marks */
         "zēng fánrén",
         "zeng1 fan2ren2", /* with tone numbers */
         "Zeng1 Fan2 Ren2",
         "fanren",
         "zeng fan",
  };
  const char *wang_forms[] = { "wang xiuying", "xiuying wang", "wang xiu ying", "wangxiuying", "Wáng Xiùyīng", "wang2 xiu4ying1" };
  const char *ouyang_forms[] = { "ouyang xiuying", "xiuying ouyang", "ou yang xiu ying", "ouyangxiuying", "Ōuyáng Xiùyīng" };

  for (guint i = 0; i < G_N_ELEMENTS (zeng_forms); i++)
    assert_found (b->store, zeng_forms[i], zeng);
  for (guint i = 0; i < G_N_ELEMENTS (wang_forms); i++)
    assert_found (b->store, wang_forms[i], wang);
  for (guint i = 0; i < G_N_ELEMENTS (ouyang_forms); i++)
    assert_found (b->store, ouyang_forms[i], ouyang);
}

/* Surnames read otherwise than the character's usual reading, by the
 * surname table; in a given name the usual reading stands. */
static void
test_polyphonic_surnames (Bare         *b,
                          gconstpointer data)
{
  g_autofree char *shan = add_person (b->store, "单", "雄信", NULL, NULL, NULL);
  g_autofree char *xie = add_person (b->store, "解", "缙", NULL, NULL, NULL);
  g_autofree char *ou = add_person (b->store, "区", "志强", NULL, NULL, NULL);
  g_autofree char *qiu = add_person (b->store, "仇", "英", NULL, NULL, NULL);
  g_autofree char *zeng = add_person (b->store, "曾", "国藩", NULL, NULL, NULL);
  g_autofree char *dan = add_person (b->store, "王", "单", NULL, NULL, NULL);

  assert_found (b->store, "shan xiongxin", shan);
  assert_found (b->store, "xiongxin shan", shan);
  assert_found (b->store, "xie jin", xie);
  assert_found (b->store, "jin xie", xie);
  assert_found (b->store, "ou zhiqiang", ou);
  assert_found (b->store, "zhiqiang ou", ou);
  assert_found (b->store, "qiu ying", qiu);
  assert_found (b->store, "ying qiu", qiu);
  assert_found (b->store, "zeng guofan", zeng);
  assert_found (b->store, "wang dan", dan);
}

/* Organisations are found at every length a name is, in either language. */
static void
test_organisations (Bare         *b,
                    gconstpointer data)
{
  g_autofree char *nju = add_person (b->store, "李", "明", NULL, NULL, "南京大学");
  g_autofree char *green = add_person (b->store, NULL, NULL, "Santos", "Maria", "Green Youth Network");
  g_autoptr (GPtrArray) none = NULL;

  assert_found (b->store, "南京", nju);
  assert_found (b->store, "南", nju);
  assert_found (b->store, "大学", nju);
  assert_found (b->store, "南京大学", nju);
  assert_found (b->store, "Nanjing", nju);
  assert_found (b->store, "nanjingdaxue", nju);
  assert_found (b->store, "nan jing", nju);
  assert_found (b->store, "gr", green);
  assert_found (b->store, "g", green);
  assert_found (b->store, "yo", green);
  assert_found (b->store, "network", green);
  none = found_ids (b->store, "北京");
  g_assert_cmpuint (none->len, ==, 0);
}

static void
assert_order (LiaisonStore      *store,
              const char        *query,
              const char *const *expected)
{
  g_autoptr (GPtrArray) ids = found_ids (store, query);
  guint n = g_strv_length ((char **) expected);

  for (guint i = 0; i < ids->len; i++)
    g_test_message ("“%s” %u: %s", query, i, (char *) g_ptr_array_index (ids, i));
  g_assert_cmpuint (ids->len, ==, n);
  for (guint i = 0; i < n; i++)
    if (!g_str_equal (g_ptr_array_index (ids, i), expected[i]))
      g_error ("“%s”: result %u is %s, not %s", query, i, (char *) g_ptr_array_index (ids, i), expected[i]);
}

/* The exact name first (any script, any written form), then names that
 * start with the query, then the rest; the most recent activity first
 * within each. */
static void
test_ranking (Bare         *b,
              gconstpointer data)
{
  g_autofree char *li_xia = add_person (b->store, "李", "霞", NULL, NULL, NULL);
  g_autofree char *li_xiaodong = add_person (b->store, "李", "晓东", NULL, NULL, NULL);
  g_autofree char *chen_lixian = add_person (b->store, "陈", "李仙", NULL, NULL, NULL);
  g_autofree char *latin_li_xia = add_person (b->store, NULL, NULL, "Li", "Xia", NULL);
  g_autofree char *li_xiafei = add_person (b->store, "李", "霞飞", NULL, NULL, NULL);
  g_autofree char *foundation = add_person (b->store, "王", "芳", NULL, NULL, "李霞基金会");
  const char      *latin_order[] = { latin_li_xia, li_xia, li_xiafei, chen_lixian, li_xiaodong, foundation, NULL };
  const char      *han_order[] = { latin_li_xia, li_xia, li_xiafei, foundation, NULL };

  /* “li xian chen” (given name first) starts with “li xia” too. */
  assert_order (b->store, "li xia", latin_order);
  assert_order (b->store, "Li Xia", latin_order);
  assert_order (b->store, "李霞", han_order);
}

/* Among people who match alike, the one with the latest activity (added,
 * edited, registered) comes first. */
static void
test_ranking_activity (Bare         *b,
                       gconstpointer data)
{
  g_autofree char *first = add_person (b->store, "李", "霞", NULL, NULL, NULL);
  g_autofree char *second = add_person (b->store, "李", "霞", NULL, NULL, "生态环境部");
  const char      *newest_first[] = { second, first, NULL };
  const char      *edited_first[] = { first, second, NULL };
  g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (b->store, first, NULL);
  g_autoptr (GPtrArray) events = liaison_store_list_events (b->store, NULL, NULL);
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GError) error = NULL;

  assert_order (b->store, "李霞", newest_first);
  assert_order (b->store, "li xia", newest_first);

  liaison_participant_set_honorific (p, "Dr");
  g_assert_true (liaison_store_save_participant (b->store, p, LIAISON_ORIGIN_LOCAL, NULL));
  assert_order (b->store, "李霞", edited_first);

  g_assert_cmpuint (events->len, >, 0);
  r = liaison_store_register (b->store, liaison_event_get_id (g_ptr_array_index (events, 0)), second,
                              LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  assert_order (b->store, "李霞", newest_first);

  /* In a bulk load (an import, a sync) too, once it is committed. */
  g_clear_object (&r);
  g_assert_true (liaison_store_begin_bulk (b->store, NULL));
  r = liaison_store_register (b->store, liaison_event_get_id (g_ptr_array_index (events, 1)), first,
                              LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_REMOTE, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_end_bulk (b->store, TRUE, &error));
  g_assert_no_error (error);
  assert_order (b->store, "李霞", edited_first);
}

/* At the window's limit, the exact person comes first however many others
 * start with the same characters and were active since. */
static void
test_ranking_many (Bare         *b,
                   gconstpointer data)
{
  static const char *given[] = { "霞飞", "霞光", "霞云", "霞明", "霞红", "霞丽" };
  g_autofree char   *li_xia = NULL;
  g_autoptr (GPtrArray) ids = NULL;

  /* Others before and after: neither the order they were added in nor
   * their activity puts the exact person first. */
  g_assert_true (liaison_store_begin_bulk (b->store, NULL));
  for (guint i = 0; i < 600; i++)
    {
      if (i == 300)
        li_xia = add_person (b->store, "李", "霞", NULL, NULL, NULL);
      g_free (add_person (b->store, "李", given[i % G_N_ELEMENTS (given)], NULL, NULL, NULL));
    }
  g_assert_true (liaison_store_end_bulk (b->store, TRUE, NULL));

  ids = found_ids (b->store, "李霞");
  g_assert_cmpuint (ids->len, ==, 500);
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, li_xia);
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = found_ids (b->store, "li xia");
  g_assert_cmpstr (g_ptr_array_index (ids, 0), ==, li_xia);
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = found_ids (b->store, "李");
  g_assert_cmpuint (ids->len, ==, 500);
}

/* One number from the store's file, read beside the store. */
static gint64
count_in (const char *dir, const char *sql)
{
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  sqlite3         *db = NULL;
  sqlite3_stmt    *stmt = NULL;
  gint64           n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
exec_in (const char *dir, const char *sql)
{
  g_autofree char *path = g_build_filename (dir, "liaison.db", NULL);
  sqlite3         *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* How many documents of search_others hold a trigram, from its index. */
static gint64
others_with (const char *dir, const char *trigram)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM search_others WHERE search_others MATCH '\"%s\"'", trigram);

  return count_in (dir, sql);
}

/* A file from before search_forms and search_others (level 10): the
 * migration fills them from the documents, and the store keeps them in
 * step after: a changed e-mail address leaves nothing of the old one in
 * search_others (a contentless index forgets a row only given exactly the
 * text it was given), a changed or deleted name nothing in search_forms. */
static void
test_from_level_10 (Bare         *b,
                    gconstpointer data)
{
  g_autofree char *path = g_build_filename (b->dir, "liaison.db", NULL);
  g_autofree char *guo = NULL;
  g_autofree char *other = NULL;
  g_autofree char *level = g_strdup_printf ("PRAGMA user_version = %d", liaison_store_latest_version () - 1);
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (GError) error = NULL;
  const char *emails[] = { "jing.guo@qxwz.example", NULL };

  guo = add_person (b->store, "郭", "靖", "Guo", "Jing", "清华大学");
  other = add_person (b->store, "黄", "蓉", "Huang", "Rong", "Tsinghua University");
  p = liaison_store_get_participant (b->store, guo, NULL);
  liaison_participant_set_emails (p, emails);
  g_assert_true (liaison_store_save_participant (b->store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  g_clear_object (&p);
  g_assert_finalize_object (g_steal_pointer (&b->store));

  exec_in (b->dir, "DROP TABLE search_forms_fts; DROP TABLE search_forms; DROP TABLE search_others;");
  exec_in (b->dir, level);
  b->store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_in (b->dir, "PRAGMA user_version"), ==, liaison_store_latest_version ());

  assert_found (b->store, "jing guo", guo);
  assert_found (b->store, "guo@qxwz", guo);
  assert_found (b->store, "qinghuadaxue", guo);
  assert_found (b->store, "ng rong", other);
  g_assert_cmpint (others_with (b->dir, "qxw"), ==, 1);
  g_assert_cmpint (count_in (b->dir, "SELECT count(*) FROM search_forms WHERE form = 'guo jing'"), ==, 1);

  p = liaison_store_get_participant (b->store, guo, NULL);
  emails[0] = "yang.kang@example.org";
  liaison_participant_set_emails (p, emails);
  liaison_participant_set_latin_name (p, "Yang", "Kang");
  liaison_participant_set_native_name (p, "杨", "康");
  g_assert_true (liaison_store_save_participant (b->store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (others_with (b->dir, "qxw"), ==, 0);
  g_assert_cmpint (others_with (b->dir, "kan"), ==, 1);
  g_assert_cmpint (count_in (b->dir, "SELECT count(*) FROM search_forms WHERE form LIKE '%guo%'"), ==, 0);
  assert_found (b->store, "kang@exam", guo);
  assert_found (b->store, "yang kang", guo);
  assert_found (b->store, "qinghua", guo);

  g_assert_true (liaison_store_delete_participant (b->store, other, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_in (b->dir, "SELECT count(*) FROM search_forms WHERE form LIKE '%rong%' OR form LIKE '%tsinghua%'"), ==, 0);
  /* What the trigram index of forms holds is what search_forms does. */
  exec_in (b->dir, "INSERT INTO search_forms_fts (search_forms_fts, rank) VALUES ('integrity-check', 1)");
}

/* A text that many names hold is answered by the index of whole
 * documents, one that few do through the forms: the same people either
 * way, the most recent first. */
static void
test_contains_many_forms (Bare         *b,
                          gconstpointer data)
{
  g_autoptr (GPtrArray) added = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) ids = NULL;
  guint tens = 0;

  g_assert_true (liaison_store_begin_bulk (b->store, NULL));
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *given = g_strdup_printf ("Qxzv%c%c", 'a' + i / 26, 'a' + i % 26);

      g_ptr_array_add (added, add_person (b->store, NULL, NULL, "Tan", given, NULL));
    }
  g_assert_true (liaison_store_end_bulk (b->store, TRUE, NULL));

  /* 400 people, 1,600 forms: more than search_forms answers. */
  ids = found_ids (b->store, "qxzv");
  g_assert_cmpuint (ids->len, ==, 400);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpstr (g_ptr_array_index (ids, i), ==, g_ptr_array_index (added, 399 - i));
  g_clear_pointer (&ids, g_ptr_array_unref);

  /* 26 people (qxzvba to qxzvbz): through the forms. */
  ids = found_ids (b->store, "qxzvb");
  g_assert_cmpuint (ids->len, ==, 26);
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = found_ids (b->store, "tan qxzvb");
  g_assert_cmpuint (ids->len, ==, 26);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);

      if (i > 0)
        {
          guint here = 0, before = 0;

          g_ptr_array_find_with_equal_func (added, id, g_str_equal, &here);
          g_ptr_array_find_with_equal_func (added, g_ptr_array_index (ids, i - 1), g_str_equal, &before);
          g_assert_cmpuint (here, <, before);
        }
      tens++;
    }
  g_assert_cmpuint (tens, ==, 26);
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
#define BARE(path, func) g_test_add (path, Bare, NULL, bare_setup, func, bare_teardown)
  BARE ("/liaison/search/native-pinyin", test_native_pinyin);
  BARE ("/liaison/search/polyphonic-surnames", test_polyphonic_surnames);
  BARE ("/liaison/search/organisations", test_organisations);
  BARE ("/liaison/search/ranking", test_ranking);
  BARE ("/liaison/search/ranking-activity", test_ranking_activity);
  BARE ("/liaison/search/ranking-many", test_ranking_many);
  BARE ("/liaison/search/from-level-10", test_from_level_10);
  BARE ("/liaison/search/contains-many-forms", test_contains_many_forms);
#undef BARE

  return g_test_run ();
}
