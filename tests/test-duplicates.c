/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "liaison-store-merge.h"
#include "liaison-store-people.h"
#include "liaison-store-sync.h"
#include "test-util.h"

/* One record per person: duplicates found across the eleven countries'
 * name forms (precision and recall on a generated set with known
 * duplicates), merges undone byte for byte, and the merges refused. */

typedef struct
{
  char         *dir;
  char         *path;
  LiaisonStore *store;
  LiaisonEvent *events[3];
} Fixture;

static LiaisonEvent *
make_event (LiaisonStore *store,
            const char   *title,
            const char   *start)
{
  g_autoptr (GError) error = NULL;
  LiaisonEvent *event = liaison_event_new (NULL);

  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, title);
  g_assert_true (liaison_event_set_when (event, start, NULL, "Asia/Shanghai", NULL));
  liaison_event_set_kind (event, LIAISON_EVENT_KIND_WORKSHOP);
  g_assert_true (liaison_store_save_event (store, event, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return event;
}

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = liaison_store_open (f->path, &error);
  g_assert_no_error (error);
  f->events[0] = make_event (f->store, "Marine plastics youth camp", "2023-07-10T09:00");
  f->events[1] = make_event (f->store, "Climate change youth forum", "2024-08-12T09:00");
  f->events[2] = make_event (f->store, "Officials' capacity building", "2025-04-02T09:00");
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (f->events); i++)
    g_object_unref (f->events[i]);
  g_assert_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static LiaisonParticipant *
person (const char      *family_native,
        const char      *given_native,
        const char      *family_latin,
        const char      *given_latin,
        LiaisonNameOrder order,
        const char      *country,
        const char      *email,
        const char      *phone)
{
  LiaisonParticipant *p = liaison_participant_new (NULL);
  const char         *emails[] = { email, NULL };
  const char         *phones[] = { phone, NULL };

  liaison_participant_set_native_name (p, family_native, given_native);
  liaison_participant_set_latin_name (p, family_latin, given_latin);
  liaison_participant_set_name_order (p, order);
  liaison_participant_set_country (p, country);
  if (email != NULL)
    liaison_participant_set_emails (p, emails);
  if (phone != NULL)
    liaison_participant_set_phones (p, phones);
  return p;
}

static char *
save (LiaisonStore       *store,
      LiaisonParticipant *p)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_strdup (liaison_participant_get_id (p));
}

static char *
save_person (LiaisonStore *store,
             const char   *family_native,
             const char   *given_native,
             const char   *family_latin,
             const char   *given_latin,
             const char   *country,
             const char   *email)
{
  g_autoptr (LiaisonParticipant) p =
      person (family_native, given_native, family_latin, given_latin, LIAISON_NAME_ORDER_FAMILY_FIRST, country, email, NULL);

  return save (store, p);
}

static void
register_for (Fixture    *f,
              guint       event,
              const char *participant_id,
              LiaisonRole role)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonRegistration) r = liaison_store_register (f->store, liaison_event_get_id (f->events[event]), participant_id, role,
                                                              LIAISON_REGISTRATION_CONFIRMED, LIAISON_ORIGIN_LOCAL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
}

/* Rows as sqlite gives them, through a connection of the test's own: every
 * column's type and bytes. */
static char *
dump_rows (const char *path,
           const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString      *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          int type = sqlite3_column_type (stmt, c);

          g_string_append_printf (out, "%s=%d:", sqlite3_column_name (stmt, c), type);
          if (type != SQLITE_NULL)
            g_string_append_len (out, sqlite3_column_blob (stmt, c), sqlite3_column_bytes (stmt, c));
          g_string_append_c (out, '|');
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static guint
db_count (const char *path,
          const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint         n = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

#define PEOPLE_ROWS "SELECT * FROM participants ORDER BY id"
#define REGISTRATION_ROWS "SELECT * FROM registrations ORDER BY id"
#define SIDE_ROWS                                                                                         \
  "SELECT 'note', id, participant_id FROM programme_notes UNION ALL SELECT 'officer', id, participant_id" \
  " FROM liaison_officers UNION ALL SELECT 'privacy', participant_id, consent_scope FROM participant_privacy ORDER BY 1, 2"

/* Three records of one person (王伟, Wang Wei, WEI Wang) with a
 * registration each, two for the same event, a note, a term and consent. */
typedef struct
{
  char *ids[3];
} Three;

static void
make_three (Fixture *f,
            Three   *t)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *officer = NULL;

  t->ids[0] = save_person (f->store, "王", "伟", NULL, NULL, "CN", NULL);
  t->ids[1] = save_person (f->store, NULL, NULL, "Wang", "Wei", "CN", "wang.wei@mee.gov.cn");
  {
    g_autoptr (LiaisonParticipant) p = person (NULL, NULL, "WEI", "Wang", LIAISON_NAME_ORDER_GIVEN_FIRST, "CN", "wangwei@example.org", "+86 138 0013 8000");
    liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN, "Ministry of Ecology and Environment");
    t->ids[2] = save (f->store, p);
  }
  register_for (f, 0, t->ids[0], LIAISON_ROLE_DELEGATE);
  register_for (f, 1, t->ids[1], LIAISON_ROLE_SPEAKER);
  register_for (f, 1, t->ids[0], LIAISON_ROLE_DELEGATE); /* the same event as ids[1] */
  register_for (f, 2, t->ids[2], LIAISON_ROLE_MENTOR);
  note = liaison_store_add_programme_note (f->store, t->ids[1], "2025-01-15", "Now leads the plastics team", LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  officer = liaison_store_add_officer (f->store, t->ids[2], "CN", LIAISON_OFFICER_BODY_MEE, LIAISON_OFFICER_ROLE_DEPUTY,
                                       "2024-01-01", NULL, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_set_consent (f->store, t->ids[1], TRUE, "2024-03-01", LIAISON_CONSENT_EVENTS, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
}

static void
clear_three (Three *t)
{
  for (guint i = 0; i < 3; i++)
    g_free (t->ids[i]);
}

static void
test_merge_unmerge (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) choices = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (LiaisonParticipant) survivor = NULL;
  g_autoptr (GPtrArray) merges = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autofree char *people_before = NULL;
  g_autofree char *regs_before = NULL;
  g_autofree char *side_before = NULL;
  g_autofree char *people_after = NULL;
  g_autofree char *regs_after = NULL;
  g_autofree char *side_after = NULL;
  g_autofree char *merge = NULL;
  g_autofree char *merged_field = NULL;
  const char      *others[3];
  Three            t;

  make_three (f, &t);
  people_before = dump_rows (f->path, PEOPLE_ROWS);
  regs_before = dump_rows (f->path, REGISTRATION_ROWS);
  side_before = dump_rows (f->path, SIDE_ROWS);

  /* Keep the first; its Latin name from the third, its e-mails from all. */
  others[0] = t.ids[1];
  others[1] = t.ids[2];
  others[2] = NULL;
  g_hash_table_insert (choices, "latin-name", t.ids[1]);
  g_hash_table_insert (choices, "organisation", t.ids[2]);
  merge = liaison_store_merge_participants (f->store, t.ids[0], others, choices, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merge);

  g_assert_cmpuint (liaison_store_count_participants (f->store), ==, 1);
  survivor = liaison_store_get_participant (f->store, t.ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_participant_get_family_native (survivor), ==, "王");
  g_assert_cmpstr (liaison_participant_get_family_latin (survivor), ==, "Wang");
  g_assert_cmpstr (liaison_participant_get_given_latin (survivor), ==, "Wei");
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_participant_get_organisation (survivor), LIAISON_LANGUAGE_EN), ==,
                   "Ministry of Ecology and Environment");
  g_assert_cmpuint (g_strv_length ((char **) liaison_participant_get_emails (survivor)), ==, 2);
  g_assert_cmpstr (liaison_participant_get_phones (survivor)[0], ==, "+86 138 0013 8000");
  /* Three events, the same one twice became once. */
  history = liaison_store_list_history (f->store, t.ids[0], &error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpuint (db_count (f->path, "SELECT count(*) FROM registrations"), ==, 3);
  g_assert_cmpuint (db_count (f->path, "SELECT count(*) FROM programme_notes WHERE participant_id IN (SELECT id FROM participants)"), ==, 1);
  g_assert_cmpuint (db_count (f->path, "SELECT count(*) FROM liaison_officers WHERE participant_id IN (SELECT id FROM participants)"), ==, 1);
  g_assert_cmpuint (liaison_store_get_consent_scopes (f->store, t.ids[0]), ==, LIAISON_CONSENT_EVENTS);
  merges = liaison_store_list_merges (f->store, t.ids[2], FALSE, &error);
  g_assert_cmpuint (merges->len, ==, 1);
  g_assert_cmpstr (((LiaisonMergeRecord *) g_ptr_array_index (merges, 0))->survivor_id, ==, t.ids[0]);
  g_assert_cmpuint (g_strv_length (((LiaisonMergeRecord *) g_ptr_array_index (merges, 0))->merged_ids), ==, 2);
  {
    g_autoptr (GHashTable) fields = liaison_store_sync_get_fields (f->store, "participant", t.ids[0], &error);

    g_assert_no_error (error);
    merged_field = g_strdup (g_hash_table_lookup (fields, "merged"));
    g_assert_nonnull (strstr (merged_field, t.ids[1]));
    g_assert_nonnull (strstr (merged_field, t.ids[2]));
  }

  g_assert_true (liaison_store_unmerge (f->store, merge, &error));
  g_assert_no_error (error);
  people_after = dump_rows (f->path, PEOPLE_ROWS);
  regs_after = dump_rows (f->path, REGISTRATION_ROWS);
  side_after = dump_rows (f->path, SIDE_ROWS);
  g_assert_cmpstr (people_after, ==, people_before);
  g_assert_cmpstr (regs_after, ==, regs_before);
  g_assert_cmpstr (side_after, ==, side_before);

  /* Twice: refused, nothing changed. */
  g_assert_false (liaison_store_unmerge (f->store, merge, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already undone"));
  g_clear_error (&error);
  g_clear_pointer (&people_after, g_free);
  people_after = dump_rows (f->path, PEOPLE_ROWS);
  g_assert_cmpstr (people_after, ==, people_before);
  g_clear_pointer (&merges, g_ptr_array_unref);
  merges = liaison_store_list_merges (f->store, NULL, TRUE, &error);
  g_assert_cmpuint (merges->len, ==, 1);
  g_assert_nonnull (((LiaisonMergeRecord *) g_ptr_array_index (merges, 0))->undone);
  clear_three (&t);
}

/* Undoing a merge after the survivor was edited: the edit is kept, the
 * rest comes back. */
static void
test_unmerge_keeps_edit (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonParticipant) survivor = NULL;
  g_autoptr (LiaisonParticipant) back = NULL;
  g_autofree char *regs_before = NULL;
  g_autofree char *regs_after = NULL;
  g_autofree char *merge = NULL;
  g_autofree char *other_before = NULL;
  g_autofree char *other_after = NULL;
  g_autofree char *sql = NULL;
  const char      *others[2];
  Three            t;

  make_three (f, &t);
  sql = g_strdup_printf ("SELECT * FROM participants WHERE id = '%s'", t.ids[1]);
  regs_before = dump_rows (f->path, REGISTRATION_ROWS);
  other_before = dump_rows (f->path, sql);
  others[0] = t.ids[1];
  others[1] = NULL;
  merge = liaison_store_merge_participants (f->store, t.ids[0], others, NULL, &error);
  g_assert_no_error (error);

  survivor = liaison_store_get_participant (f->store, t.ids[0], &error);
  liaison_participant_set_sector (survivor, LIAISON_SECTOR_ACADEMIA);
  g_assert_true (liaison_store_save_participant (f->store, survivor, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  g_assert_true (liaison_store_unmerge (f->store, merge, &error));
  g_assert_no_error (error);
  back = liaison_store_get_participant (f->store, t.ids[0], &error);
  g_assert_cmpint (liaison_participant_get_sector (back), ==, LIAISON_SECTOR_ACADEMIA);
  /* What the merge gave it goes: the Latin name and e-mail of the other. */
  g_assert_null (liaison_participant_get_family_latin (back));
  g_assert_true (liaison_participant_get_emails (back) == NULL || liaison_participant_get_emails (back)[0] == NULL);
  other_after = dump_rows (f->path, sql);
  g_assert_cmpstr (other_after, ==, other_before);
  regs_after = dump_rows (f->path, REGISTRATION_ROWS);
  g_assert_cmpstr (regs_after, ==, regs_before);
  clear_three (&t);
}

/* The window's Ctrl+Z: the whole merge is one undo step. */
static void
test_merge_undo_step (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *people_before = NULL;
  g_autofree char *regs_before = NULL;
  g_autofree char *side_before = NULL;
  g_autofree char *people_after = NULL;
  g_autofree char *regs_after = NULL;
  g_autofree char *side_after = NULL;
  g_autofree char *merge = NULL;
  const char      *others[3];
  gint64           mark;
  Three            t;

  make_three (f, &t);
  people_before = dump_rows (f->path, "SELECT id, family_native, given_native, family_latin, given_latin, emails, phones, created FROM participants ORDER BY id");
  regs_before = dump_rows (f->path, REGISTRATION_ROWS);
  side_before = dump_rows (f->path, SIDE_ROWS);
  mark = liaison_store_get_last_seq (f->store);
  others[0] = t.ids[2];
  others[1] = t.ids[1];
  others[2] = NULL;
  merge = liaison_store_merge_participants (f->store, t.ids[0], others, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_undo (f->store, mark, &error));
  g_assert_no_error (error);
  people_after = dump_rows (f->path, "SELECT id, family_native, given_native, family_latin, given_latin, emails, phones, created FROM participants ORDER BY id");
  regs_after = dump_rows (f->path, REGISTRATION_ROWS);
  side_after = dump_rows (f->path, SIDE_ROWS);
  g_assert_cmpstr (people_after, ==, people_before);
  g_assert_cmpstr (regs_after, ==, regs_before);
  g_assert_cmpstr (side_after, ==, side_before);
  g_assert_cmpuint (db_count (f->path, "SELECT count(*) FROM merges"), ==, 0);
  clear_three (&t);
}

static void
test_bad_input (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) choices = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *people_before = NULL;
  g_autofree char *people_after = NULL;
  const char      *self_merge[] = { NULL, NULL };
  const char      *unknown[] = { "0190a0b0-0000-7000-8000-000000000000", NULL };
  const char      *others[] = { NULL, NULL };
  Three            t;

  make_three (f, &t);
  people_before = dump_rows (f->path, PEOPLE_ROWS);

  self_merge[0] = t.ids[0];
  g_assert_null (liaison_store_merge_participants (f->store, t.ids[0], self_merge, NULL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "itself"));
  g_clear_error (&error);

  g_assert_null (liaison_store_merge_participants (f->store, t.ids[0], unknown, NULL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  others[0] = t.ids[1];
  g_hash_table_insert (choices, "shoe-size", t.ids[1]);
  g_assert_null (liaison_store_merge_participants (f->store, t.ids[0], others, choices, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_hash_table_remove_all (choices);
  g_hash_table_insert (choices, "country", t.ids[2]); /* not in this merge */
  g_assert_null (liaison_store_merge_participants (f->store, t.ids[0], others, choices, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (liaison_store_unmerge (f->store, "no-such-merge", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A change from the secretariat waiting for a decision. */
  {
    sqlite3         *db = NULL;
    g_autofree char *sql = g_strdup_printf ("INSERT INTO sync_conflicts (entity, entity_id, field, local_value, remote_value, created)"
                                            " VALUES ('participant', '%s', 'emails', 'a@example.org', 'b@example.org', '2026-01-01T00:00:00Z')",
                                            t.ids[1]);

    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_null (liaison_store_merge_participants (f->store, t.ids[0], others, NULL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Changes to Review"));
  g_clear_error (&error);

  people_after = dump_rows (f->path, PEOPLE_ROWS);
  g_assert_cmpstr (people_after, ==, people_before);
  g_assert_cmpuint (db_count (f->path, "SELECT count(*) FROM merges"), ==, 0);
  clear_three (&t);
}

/* ------------------------------------------------------------------------ */
/* The generated set                                                         */

#include "bench-duplicates-dataset.h"

static void
on_progress (double   fraction,
             gpointer data)
{
  double *last = data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
test_precision_recall (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DuplicatesDataset) set = duplicates_dataset_generate (f->store, 1500, 20260416, &error);
  g_autoptr (GPtrArray) pairs = NULL;
  double   last = 0.0;
  gboolean met = FALSE;

  g_assert_no_error (error);
  pairs = liaison_store_find_duplicates (f->store, 0, on_progress, &last, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);

  /* Precision and recall at each score a person could take as the line. */
  for (guint line = LIAISON_MATCH_MIN_SCORE; line <= LIAISON_MATCH_CERTAIN; line += 10)
    {
      DuplicatesScore s = duplicates_dataset_score (set, pairs, line);

      g_test_message ("score ≥ %u: precision %.3f, recall %.3f (%u found, %u right, %u planted)", line, s.precision, s.recall,
                      s.found, s.right, s.planted);
      if (line == LIAISON_MATCH_MIN_SCORE)
        printf ("# duplicates: %u planted in %u people, %u pairs reported, precision %.3f, recall %.3f\n", s.planted,
                set->people, s.found, s.precision, s.recall);
      if (s.recall >= 0.9 && s.precision >= 0.95)
        met = TRUE;
    }
  /* How the scores fall, right and wrong, for whoever changes the rules. */
  {
    g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < pairs->len; i++)
      {
        LiaisonDuplicatePair *p = g_ptr_array_index (pairs, i);
        g_autofree char      *key = g_strconcat (p->id_a, "\n", p->id_b, NULL);
        g_autofree char      *reasons = liaison_match_reasons_describe (p->reasons);
        char                 *kind = g_strdup_printf ("%s %u: %s", g_hash_table_contains (set->truth, key) ? "right" : "wrong", p->score, reasons);

        g_hash_table_insert (seen, kind, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (seen, kind)) + 1));
      }
    {
      GHashTableIter iter;
      gpointer       k, v;

      g_hash_table_iter_init (&iter, seen);
      while (g_hash_table_iter_next (&iter, &k, &v))
        g_test_message ("%4u × %s", GPOINTER_TO_UINT (v), (const char *) k);
    }
  }
  /* What was wrong, for whoever changes the rules. */
  for (guint i = 0, shown = 0; i < pairs->len && shown < 40; i++)
    {
      LiaisonDuplicatePair *p = g_ptr_array_index (pairs, i);
      g_autofree char      *key = g_strconcat (p->id_a, "\n", p->id_b, NULL);
      g_autofree char      *reasons = liaison_match_reasons_describe (p->reasons);

      if (!g_hash_table_contains (set->truth, key))
        {
          g_test_message ("not the same person: %s / %s (%u: %s)", p->name_a, p->name_b, p->score, reasons);
          shown++;
        }
    }
  /* Every country's forms are among the planted pairs, and found. */
  for (guint c = 0; c < DUPLICATES_N_COUNTRIES; c++)
    {
      DuplicatesScore s = duplicates_dataset_score_country (set, pairs, LIAISON_MATCH_MIN_SCORE, c);

      g_test_message ("%s: precision %.3f, recall %.3f (%u found, %u right, %u planted)", duplicates_countries[c], s.precision, s.recall, s.found, s.right, s.planted);
      g_assert_cmpuint (s.planted, >, 0);
    }
  for (guint c = 0; c < DUPLICATES_N_COUNTRIES; c++)
    g_assert_cmpfloat (duplicates_dataset_score_country (set, pairs, LIAISON_MATCH_MIN_SCORE, c).recall, >=, 0.75);
  /* What the scan reports by default is what a person reviews. */
  {
    DuplicatesScore s = duplicates_dataset_score (set, pairs, LIAISON_MATCH_MIN_SCORE);

    g_assert_cmpfloat (s.recall, >=, 0.9);
    g_assert_cmpfloat (s.precision, >=, 0.95);
  }
  g_assert_true (met);
}

/* The check when one person is added: the planted duplicates of a sample,
 * through the search index. */
static void
test_incremental (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DuplicatesDataset) set = duplicates_dataset_generate (f->store, 600, 7, &error);
  guint found = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < set->planted->len; i++)
    {
      DuplicatesPlanted *d = g_ptr_array_index (set->planted, i);
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (f->store, d->id_b, &error);
      g_autoptr (GPtrArray) matches = liaison_store_find_duplicates_of (f->store, p, 10, &error);

      g_assert_no_error (error);
      for (guint m = 0; m < matches->len; m++)
        {
          LiaisonPersonMatch *match = g_ptr_array_index (matches, m);

          g_assert_cmpstr (match->participant_id, !=, d->id_b);
          if (g_str_equal (match->participant_id, d->id_a))
            {
              found++;
              break;
            }
        }
    }
  g_test_message ("incremental: %u of %u planted duplicates found", found, set->planted->len);
  g_assert_cmpfloat ((double) found / set->planted->len, >=, 0.85);
}

static void
cancel_at_half (double   fraction,
                gpointer data)
{
  if (fraction >= 0.5)
    g_cancellable_cancel (data);
}

static void
test_cancel (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (DuplicatesDataset) set = duplicates_dataset_generate (f->store, 6000, 3, &error);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GPtrArray) pairs = NULL;

  g_assert_no_error (error);
  pairs = liaison_store_find_duplicates (f->store, 0, cancel_at_half, cancellable, cancellable, &error);
  g_assert_null (pairs);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/liaison/duplicates/merge-unmerge", Fixture, NULL, fixture_setup, test_merge_unmerge, fixture_teardown);
  g_test_add ("/liaison/duplicates/unmerge-keeps-edit", Fixture, NULL, fixture_setup, test_unmerge_keeps_edit, fixture_teardown);
  g_test_add ("/liaison/duplicates/merge-undo-step", Fixture, NULL, fixture_setup, test_merge_undo_step, fixture_teardown);
  g_test_add ("/liaison/duplicates/bad-input", Fixture, NULL, fixture_setup, test_bad_input, fixture_teardown);
  g_test_add ("/liaison/duplicates/precision-recall", Fixture, NULL, fixture_setup, test_precision_recall, fixture_teardown);
  g_test_add ("/liaison/duplicates/incremental", Fixture, NULL, fixture_setup, test_incremental, fixture_teardown);
  g_test_add ("/liaison/duplicates/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  return g_test_run ();
}
