/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "liaison-store-match.h"
#include "liaison-store.h"
#include "test-util.h"

/* Is this the same person? People as offices of the eleven countries type
 * them, matched against a database that has them typed another way. */

typedef struct
{
  char         *dir;
  LiaisonStore *store;
} Fixture;

static LiaisonParticipant *
person (const char      *family_native,
        const char      *given_native,
        const char      *family_latin,
        const char      *given_latin,
        LiaisonNameOrder order,
        const char      *country,
        const char      *email)
{
  LiaisonParticipant *p = liaison_participant_new (NULL);
  const char         *emails[] = { email, NULL };

  liaison_participant_set_native_name (p, family_native, given_native);
  liaison_participant_set_latin_name (p, family_latin, given_latin);
  liaison_participant_set_name_order (p, order);
  liaison_participant_set_country (p, country);
  if (email != NULL)
    liaison_participant_set_emails (p, emails);
  return p;
}

static char *
save (Fixture *f, LiaisonParticipant *p)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (liaison_store_save_participant (f->store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_strdup (liaison_participant_get_id (p));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = test_make_dir ();
  path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = liaison_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

/* The database's people; returns their ids in this order. */
static GPtrArray *
populate (Fixture *f)
{
  GPtrArray          *ids = g_ptr_array_new_with_free_func (g_free);
  LiaisonParticipant *people[] = {
    person ("李", "霞", "Li", "Xia", LIAISON_NAME_ORDER_FAMILY_FIRST, "CN", "li.xia@example.cn"),
    person ("王", "芳", NULL, NULL, LIAISON_NAME_ORDER_FAMILY_FIRST, "CN", NULL),
    person (NULL, NULL, "Nguyễn", "Thị Minh Khai", LIAISON_NAME_ORDER_FAMILY_FIRST, "VN", NULL),
    person ("ใจดี", "สมชาย", "Jaidee", "Somchai", LIAISON_NAME_ORDER_GIVEN_FIRST, "TH", "somchai@example.th"),
    person ("曾", "国藩", NULL, NULL, LIAISON_NAME_ORDER_FAMILY_FIRST, "CN", NULL),
    person (NULL, "အောင်ဆန်း", NULL, "Aung San", LIAISON_NAME_ORDER_MONONYM, "MM", NULL),
    person (NULL, NULL, NULL, "Sukarno", LIAISON_NAME_ORDER_MONONYM, "ID", NULL),
    person ("ហ៊ុន", "សុខា", "Hun", "Sokha", LIAISON_NAME_ORDER_FAMILY_FIRST, "KH", NULL),
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_ptr_array_add (ids, save (f, people[i]));
      g_object_unref (people[i]);
    }
  return ids;
}

typedef struct
{
  const char         *what;
  LiaisonParticipant *candidate;
  int                 expected; /* index into the database's people, -1: none */
  LiaisonMatchReasons must;
  guint               min_score;
} Case;

static void
check_cases (Fixture *f, GPtrArray *ids, Case *cases, guint n_cases)
{
  g_autoptr (LiaisonPersonMatcher) matcher = liaison_person_matcher_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (liaison_person_matcher_load (matcher, f->store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_person_matcher_get_size (matcher), ==, ids->len);

  for (guint i = 0; i < n_cases; i++)
    {
      Case *c = &cases[i];
      g_autoptr (GPtrArray) in_memory = liaison_person_matcher_match (matcher, c->candidate, 5);
      g_autoptr (GPtrArray) indexed = liaison_store_match_person (f->store, c->candidate, 5, &error);

      g_test_message ("%s", c->what);
      g_assert_no_error (error);
      /* The one-off (through the search index) and the matcher agree. */
      g_assert_cmpuint (indexed->len, ==, in_memory->len);
      if (c->expected < 0)
        {
          g_assert_cmpuint (in_memory->len, ==, 0);
          continue;
        }
      g_assert_cmpuint (in_memory->len, >=, 1);
      {
        LiaisonPersonMatch *m = g_ptr_array_index (in_memory, 0);
        LiaisonPersonMatch *m2 = g_ptr_array_index (indexed, 0);

        g_assert_cmpstr (m->participant_id, ==, g_ptr_array_index (ids, c->expected));
        g_assert_cmpstr (m2->participant_id, ==, m->participant_id);
        /* The name to show, as the rest of Liaison shows it. */
        {
          g_autoptr (LiaisonParticipant) here = liaison_store_get_participant (f->store, m->participant_id, NULL);
          g_autofree char *shown = liaison_participant_dup_display_name (here);

          g_assert_cmpstr (m->name, ==, shown);
          g_assert_cmpstr (m2->name, ==, shown);
        }
        g_assert_cmpuint (m2->score, ==, m->score);
        g_assert_cmpuint (m->reasons & c->must, ==, c->must);
        g_assert_cmpuint (m->score, >=, c->min_score);
      }
    }
}

static void
test_across_scripts (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) ids = populate (f);
  Case cases[] = {
    { "the same e-mail, typed in capitals", person (NULL, NULL, "Li", "X.", LIAISON_NAME_ORDER_GIVEN_FIRST, NULL, "LI.XIA@Example.CN"), 0,
      LIAISON_MATCH_SAME_EMAIL, LIAISON_MATCH_CERTAIN },
    { "given name first, family name in capitals", person (NULL, NULL, "LI", "Xia", LIAISON_NAME_ORDER_GIVEN_FIRST, "CN", NULL), 0,
      LIAISON_MATCH_SAME_LATIN_NAME | LIAISON_MATCH_SAME_COUNTRY, 70 },
    { "pinyin run together", person (NULL, NULL, NULL, "Lixia", LIAISON_NAME_ORDER_MONONYM, NULL, NULL), 0,
      LIAISON_MATCH_SAME_LATIN_NAME, 60 },
    { "王芳 in Latin letters, given name first", person (NULL, NULL, "Wang", "Fang", LIAISON_NAME_ORDER_GIVEN_FIRST, "CN", NULL), 1,
      LIAISON_MATCH_NAME_ACROSS_SCRIPTS | LIAISON_MATCH_SAME_COUNTRY, 60 },
    { "王芳 as one name", person (NULL, "王芳", NULL, NULL, LIAISON_NAME_ORDER_MONONYM, "CN", NULL), 1,
      LIAISON_MATCH_SAME_NATIVE_NAME, 80 },
    { "Vietnamese without diacritics, in capitals", person (NULL, NULL, NULL, "NGUYEN THI MINH KHAI", LIAISON_NAME_ORDER_MONONYM, "VN", NULL), 2,
      LIAISON_MATCH_SAME_LATIN_NAME, 70 },
    { "a Thai name in Thai script, given name first", person (NULL, "สมชาย ใจดี", NULL, NULL, LIAISON_NAME_ORDER_MONONYM, "TH", NULL), 3,
      LIAISON_MATCH_SAME_NATIVE_NAME, 80 },
    { "a Thai name as the person writes it in Latin", person (NULL, NULL, "Jaidee", "Somchai", LIAISON_NAME_ORDER_GIVEN_FIRST, NULL, NULL), 3,
      LIAISON_MATCH_SAME_LATIN_NAME, 60 },
    { "曾 read as a surname (Zeng, not Ceng)", person (NULL, NULL, "Zeng", "Guofan", LIAISON_NAME_ORDER_FAMILY_FIRST, "CN", NULL), 4,
      LIAISON_MATCH_NAME_ACROSS_SCRIPTS, 60 },
    { "a Myanmar mononym", person (NULL, NULL, NULL, "AUNG SAN", LIAISON_NAME_ORDER_MONONYM, "MM", NULL), 5,
      LIAISON_MATCH_SAME_LATIN_NAME, 70 },
    { "an Indonesian mononym", person (NULL, NULL, NULL, "sukarno", LIAISON_NAME_ORDER_MONONYM, NULL, NULL), 6,
      LIAISON_MATCH_SAME_LATIN_NAME, 60 },
    { "a Khmer name in Khmer script", person ("ហ៊ុន", "សុខា", NULL, NULL, LIAISON_NAME_ORDER_FAMILY_FIRST, "KH", NULL), 7,
      LIAISON_MATCH_SAME_NATIVE_NAME, 80 },
    { "李夏 reads like 李霞 and is someone else", person ("李", "夏", NULL, NULL, LIAISON_NAME_ORDER_FAMILY_FIRST, "CN", NULL), -1, 0, 0 },
    { "nobody", person (NULL, NULL, "Santos", "María José", LIAISON_NAME_ORDER_GIVEN_FIRST, "PH", NULL), -1, 0, 0 },
  };

  check_cases (f, ids, cases, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_object_unref (cases[i].candidate);
}

/* What speaks against: another country, other e-mails. */
static void
test_against (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonParticipant) here = person ("王", "芳", NULL, NULL, LIAISON_NAME_ORDER_FAMILY_FIRST, "CN", "wang@example.cn");
  g_autoptr (LiaisonParticipant) singapore = person ("王", "芳", NULL, NULL, LIAISON_NAME_ORDER_FAMILY_FIRST, "SG", NULL);
  g_autoptr (LiaisonParticipant) other_mail = person ("王", "芳", NULL, NULL, LIAISON_NAME_ORDER_FAMILY_FIRST, "CN", "fang@example.org");
  g_autoptr (LiaisonParticipant) both = person ("王", "芳", NULL, NULL, LIAISON_NAME_ORDER_FAMILY_FIRST, "SG", "fang@example.org");
  LiaisonMatchReasons reasons;
  g_autofree char    *described = NULL;

  g_assert_cmpuint (liaison_person_match_score (here, singapore, &reasons), ==, 40);
  g_assert_true (reasons & LIAISON_MATCH_OTHER_COUNTRY);
  g_assert_cmpuint (liaison_person_match_score (here, other_mail, &reasons), ==, 60);
  g_assert_true (reasons & LIAISON_MATCH_OTHER_EMAILS);
  g_assert_cmpuint (liaison_person_match_score (here, both, &reasons), <, LIAISON_MATCH_MIN_SCORE);
  described = liaison_match_reasons_describe (reasons);
  g_assert_cmpstr (described, ==, "same name, another country, other e-mail addresses");
}

/* The matcher knows a candidate's own record, and rows added to it. */
static void
test_self_and_added (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) ids = populate (f);
  g_autoptr (LiaisonPersonMatcher) matcher = liaison_person_matcher_new ();
  g_autoptr (LiaisonParticipant) li = liaison_store_get_participant (f->store, g_ptr_array_index (ids, 0), NULL);
  g_autoptr (LiaisonParticipant) row = person (NULL, NULL, "Santos", "María José", LIAISON_NAME_ORDER_GIVEN_FIRST, "PH", "mj@example.ph");
  g_autoptr (LiaisonParticipant) again = person (NULL, NULL, "SANTOS", "Maria Jose", LIAISON_NAME_ORDER_GIVEN_FIRST, "PH", NULL);
  g_autoptr (GPtrArray) matches = NULL;

  g_assert_true (liaison_person_matcher_load (matcher, f->store, NULL, NULL, NULL, NULL));
  matches = liaison_person_matcher_match (matcher, li, 0);
  g_assert_cmpuint (matches->len, ==, 0);
  g_clear_pointer (&matches, g_ptr_array_unref);

  liaison_person_matcher_add (matcher, row);
  matches = liaison_person_matcher_match (matcher, again, 0);
  g_assert_cmpuint (matches->len, ==, 1);
  g_assert_cmpstr (((LiaisonPersonMatch *) g_ptr_array_index (matches, 0))->participant_id, ==,
                   liaison_participant_get_id (row));
}

static void
on_progress (double fraction, gpointer data)
{
  g_cancellable_cancel (data);
}

static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonPersonMatcher) matcher = liaison_person_matcher_new ();
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (liaison_store_begin_bulk (f->store, NULL));
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *given = g_strdup_printf ("Person %u", i);
      g_autoptr (LiaisonParticipant) p = person (NULL, NULL, "Tan", given, LIAISON_NAME_ORDER_GIVEN_FIRST, "SG", NULL);
      g_free (save (f, p));
    }
  g_assert_true (liaison_store_end_bulk (f->store, TRUE, NULL));
  g_assert_false (liaison_person_matcher_load (matcher, f->store, on_progress, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/liaison/store-match/across-scripts", Fixture, NULL, fixture_set_up, test_across_scripts, fixture_tear_down);
  g_test_add ("/liaison/store-match/against", Fixture, NULL, fixture_set_up, test_against, fixture_tear_down);
  g_test_add ("/liaison/store-match/self-and-added", Fixture, NULL, fixture_set_up, test_self_and_added, fixture_tear_down);
  g_test_add ("/liaison/store-match/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);

  return g_test_run ();
}
