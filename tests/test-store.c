/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-store-private.h"
#include "test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  LiaisonStore *store;
} Fixture;

static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = liaison_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_assert_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static LiaisonEvent *
make_event (const char *title,
            const char *start,
            guint       capacity)
{
  LiaisonEvent *e = liaison_event_new (NULL);

  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, title);
  liaison_bilingual_set_source (liaison_event_get_title (e), LIAISON_LANGUAGE_EN);
  g_assert_true (liaison_event_set_when (e, start, NULL, "Asia/Yangon", NULL));
  liaison_event_set_kind (e, LIAISON_EVENT_KIND_WORKSHOP);
  liaison_event_set_country (e, "MM");
  liaison_event_set_capacity (e, capacity);
  return e;
}

static LiaisonParticipant *
make_person (LiaisonStore *store,
             const char   *family,
             const char   *given)
{
  LiaisonParticipant *p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_participant_set_latin_name (p, family, given);
  liaison_participant_set_country (p, "TH");
  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return p;
}

static void
test_open (Fixture      *f,
           gconstpointer data)
{
  g_assert_cmpint (liaison_store_get_version (f->store), ==, liaison_store_latest_version ());
  g_assert_cmpint (liaison_store_latest_version (), >=, 2);
  g_assert_cmpstr (liaison_store_get_path (f->store), ==, f->path);
}

static void
test_default_path (void)
{
  g_autofree char *path = NULL;

  g_setenv ("LIAISON_DATABASE", "/tmp/elsewhere.db", TRUE);
  path = liaison_store_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/elsewhere.db");
  g_unsetenv ("LIAISON_DATABASE");
  g_free (path);
  path = liaison_store_default_path ();
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
}

static void
test_event_round_trip (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr (LiaisonEvent) e = make_event ("Marine plastics workshop, Yangon; 2025", "2025-03-10T09:00", 40);
  g_autoptr (LiaisonEvent) back = NULL;
  g_autoptr (GError) error = NULL;
  const char *codes[] = { "2.1.2", "2.3.2", NULL };

  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH, "海洋减塑研讨会");
  liaison_event_set_activities (e, codes);
  liaison_event_set_budget (e, 12500.5, "USD", LIAISON_FUNDING_COOPERATION_FUND);
  liaison_event_set_track (e, "marine-plastics-youth");
  g_assert_true (liaison_store_save_event (f->store, e, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  back = liaison_store_get_event (f->store, liaison_event_get_id (e), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_event_get_title (back), LIAISON_LANGUAGE_EN), ==,
                   "Marine plastics workshop, Yangon; 2025");
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_event_get_title (back), LIAISON_LANGUAGE_ZH), ==, "海洋减塑研讨会");
  g_assert_cmpstr (liaison_event_get_start (back), ==, "2025-03-10T09:00");
  g_assert_cmpstr (liaison_event_get_time_zone (back), ==, "Asia/Yangon");
  g_assert_cmpuint (liaison_event_get_capacity (back), ==, 40);
  g_assert_cmpfloat (liaison_event_get_budget (back), ==, 12500.5);
  g_assert_cmpstr (liaison_event_get_currency (back), ==, "USD");
  g_assert_cmpstr (liaison_event_get_track (back), ==, "marine-plastics-youth");
  g_assert_cmpstrv (liaison_event_get_activities (back), codes);
  /* The English title was the source; Chinese was typed in later as a draft. */
  g_assert_cmpint (liaison_bilingual_get_source (liaison_event_get_title (back)), ==, LIAISON_LANGUAGE_EN);
  g_assert_cmpint (liaison_bilingual_get_state (liaison_event_get_title (back), LIAISON_LANGUAGE_ZH), ==,
                   LIAISON_TRANSLATION_DRAFT);
}

static void
test_event_invalid (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr (LiaisonEvent) e = make_event ("Roundtable", "2025-04-01T10:00", 0);
  g_autoptr (GError) error = NULL;
  const char *bad_codes[] = { "9.9.9", NULL };
  guint       before = liaison_store_count_events (f->store);
  gint64      seq = liaison_store_get_last_seq (f->store);

  liaison_event_set_activities (e, bad_codes);
  g_assert_false (liaison_store_save_event (f->store, e, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "9.9.9"));
  /* Nothing half-written: no event, no journal entry. */
  g_assert_cmpuint (liaison_store_count_events (f->store), ==, before);
  g_assert_cmpint (liaison_store_get_last_seq (f->store), ==, seq);
}

static void
test_journal (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (LiaisonEvent) e = make_event ("Liaison officers' meeting", "2025-11-04T09:30", 0);
  g_autoptr (GPtrArray) entries = NULL;
  gint64               seq = liaison_store_get_last_seq (f->store);
  LiaisonJournalEntry *entry;

  g_assert_true (liaison_store_save_event (f->store, e, LIAISON_ORIGIN_LOCAL, NULL));
  liaison_event_set_status (e, LIAISON_EVENT_STATUS_CONFIRMED);
  liaison_event_set_venue (e, "Sule Shangri-La");
  g_assert_true (liaison_store_save_event (f->store, e, LIAISON_ORIGIN_REMOTE, NULL));
  g_assert_true (liaison_store_delete_event (f->store, liaison_event_get_id (e), LIAISON_ORIGIN_LOCAL, NULL));

  entries = liaison_store_list_journal (f->store, seq, 0, NULL);
  g_assert_cmpuint (entries->len, ==, 4);

  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_cmpint (entry->origin, ==, LIAISON_ORIGIN_LOCAL);

  entry = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->field, ==, "status");
  g_assert_cmpstr (entry->old_value, ==, "planned");
  g_assert_cmpstr (entry->new_value, ==, "confirmed");
  g_assert_cmpint (entry->origin, ==, LIAISON_ORIGIN_REMOTE);

  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (entry->field, ==, "venue");
  g_assert_null (entry->old_value);
  g_assert_cmpstr (entry->new_value, ==, "Sule Shangri-La");

  entry = g_ptr_array_index (entries, 3);
  g_assert_cmpstr (entry->action, ==, "delete");
  g_assert_nonnull (strstr (entry->old_value, "Sule Shangri-La"));
  g_assert_null (liaison_store_get_event (f->store, liaison_event_get_id (e), NULL));
}

static void
test_filters (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (LiaisonEvent) a = make_event ("Workshop A", "2023-05-01T09:00", 0);
  g_autoptr (LiaisonEvent) b = make_event ("Forum B", "2024-09-10T09:00", 0);
  g_autoptr (GPtrArray) list = NULL;
  LiaisonEventFilter filter = LIAISON_EVENT_FILTER_INIT;
  const char        *codes[] = { "1.1.2", NULL };
  guint              forums;

  liaison_event_set_kind (b, LIAISON_EVENT_KIND_FORUM);
  liaison_event_set_country (b, "CN");
  liaison_event_set_activities (b, codes);
  liaison_event_set_track (a, "climate-youth");
  filter.kind = LIAISON_EVENT_KIND_FORUM;
  list = liaison_store_list_events (f->store, &filter, NULL);
  forums = list->len;
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (liaison_store_save_event (f->store, a, LIAISON_ORIGIN_LOCAL, NULL));
  g_assert_true (liaison_store_save_event (f->store, b, LIAISON_ORIGIN_LOCAL, NULL));

  filter.year = 2024;
  list = liaison_store_list_events (f->store, &filter, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter = (LiaisonEventFilter) LIAISON_EVENT_FILTER_INIT;
  filter.kind = LIAISON_EVENT_KIND_FORUM;
  list = liaison_store_list_events (f->store, &filter, NULL);
  /* Forum B and the forums of the 2011–2019 history. */
  g_assert_cmpuint (forums, >=, 9);
  g_assert_cmpuint (list->len, ==, forums + 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  filter = (LiaisonEventFilter) LIAISON_EVENT_FILTER_INIT;
  filter.activity = "1.1.2";
  list = liaison_store_list_events (f->store, &filter, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (liaison_event_get_id (g_ptr_array_index (list, 0)), ==, liaison_event_get_id (b));
  g_clear_pointer (&list, g_ptr_array_unref);

  filter = (LiaisonEventFilter) LIAISON_EVENT_FILTER_INIT;
  filter.country = "MM";
  filter.track = "climate-youth";
  list = liaison_store_list_events (f->store, &filter, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (liaison_event_get_id (g_ptr_array_index (list, 0)), ==, liaison_event_get_id (a));
  g_clear_pointer (&list, g_ptr_array_unref);

  filter = (LiaisonEventFilter) LIAISON_EVENT_FILTER_INIT;
  filter.status = LIAISON_EVENT_STATUS_CANCELLED;
  list = liaison_store_list_events (f->store, &filter, NULL);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_waitlist (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (LiaisonEvent) e = make_event ("Training course", "2025-06-02T09:00", 2);
  g_autoptr (LiaisonParticipant) p1 = make_person (f->store, "Jaidee", "Somchai");
  g_autoptr (LiaisonParticipant) p2 = make_person (f->store, "Chan", "Sokha");
  g_autoptr (LiaisonParticipant) p3 = make_person (f->store, "Vong", "Somphone");
  g_autoptr (LiaisonParticipant) p4 = make_person (f->store, "Tan", "Mei Ling");
  g_autoptr (LiaisonRegistration) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL, after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *promoted = NULL;
  const char      *eid;

  g_assert_true (liaison_store_save_event (f->store, e, LIAISON_ORIGIN_LOCAL, NULL));
  eid = liaison_event_get_id (e);

  r1 = liaison_store_register (f->store, eid, liaison_participant_get_id (p1), LIAISON_ROLE_SPEAKER,
                               LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  r2 = liaison_store_register (f->store, eid, liaison_participant_get_id (p2), LIAISON_ROLE_DELEGATE,
                               LIAISON_REGISTRATION_CONFIRMED, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  r3 = liaison_store_register (f->store, eid, liaison_participant_get_id (p3), LIAISON_ROLE_DELEGATE,
                               LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  r4 = liaison_store_register (f->store, eid, liaison_participant_get_id (p4), LIAISON_ROLE_DELEGATE,
                               LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (liaison_registration_get_status (r1), ==, LIAISON_REGISTRATION_REGISTERED);
  g_assert_cmpint (liaison_registration_get_status (r2), ==, LIAISON_REGISTRATION_CONFIRMED);
  g_assert_cmpint (liaison_registration_get_status (r3), ==, LIAISON_REGISTRATION_WAITLISTED);
  g_assert_cmpint (liaison_registration_get_status (r4), ==, LIAISON_REGISTRATION_WAITLISTED);

  /* The same person twice is refused. */
  g_assert_null (liaison_store_register (f->store, eid, liaison_participant_get_id (p1), LIAISON_ROLE_DELEGATE,
                                         LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* A waitlisted person cannot jump the queue into a full event. */
  g_assert_false (liaison_store_set_registration_status (f->store, liaison_registration_get_id (r4),
                                                         LIAISON_REGISTRATION_CONFIRMED, LIAISON_ORIGIN_LOCAL,
                                                         NULL, &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_CAPACITY);
  g_clear_error (&error);

  /* An illegal transition is refused and changes nothing. */
  g_assert_false (liaison_store_set_registration_status (f->store, liaison_registration_get_id (r1),
                                                         LIAISON_REGISTRATION_ATTENDED, LIAISON_ORIGIN_LOCAL,
                                                         NULL, &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_TRANSITION);
  g_clear_error (&error);

  /* A place frees: the first waitlisted moves up. */
  g_assert_true (liaison_store_set_registration_status (f->store, liaison_registration_get_id (r2),
                                                        LIAISON_REGISTRATION_CANCELLED, LIAISON_ORIGIN_LOCAL,
                                                        &promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (promoted, ==, liaison_registration_get_id (r3));
  after = liaison_store_get_registration (f->store, liaison_registration_get_id (r3), NULL);
  g_assert_cmpint (liaison_registration_get_status (after), ==, LIAISON_REGISTRATION_REGISTERED);
  g_assert_nonnull (liaison_registration_get_status_time (after, LIAISON_REGISTRATION_REGISTERED));
  g_clear_object (&after);
  after = liaison_store_get_registration (f->store, liaison_registration_get_id (r4), NULL);
  g_assert_cmpint (liaison_registration_get_status (after), ==, LIAISON_REGISTRATION_WAITLISTED);
  g_clear_object (&after);

  /* Check-in: confirmed → attended records the time. */
  g_assert_true (liaison_store_set_registration_status (f->store, liaison_registration_get_id (r1),
                                                        LIAISON_REGISTRATION_CONFIRMED, LIAISON_ORIGIN_LOCAL, NULL, NULL));
  g_assert_true (liaison_store_set_registration_status (f->store, liaison_registration_get_id (r1),
                                                        LIAISON_REGISTRATION_ATTENDED, LIAISON_ORIGIN_LOCAL, NULL, NULL));
  after = liaison_store_get_registration (f->store, liaison_registration_get_id (r1), NULL);
  g_assert_nonnull (liaison_registration_get_checkin_time (after));

  {
    g_autoptr (GPtrArray) history = liaison_store_list_history (f->store, liaison_participant_get_id (p1), NULL);
    LiaisonHistoryEntry *h = g_ptr_array_index (history, 0);

    g_assert_cmpuint (history->len, ==, 1);
    g_assert_cmpint (h->role, ==, LIAISON_ROLE_SPEAKER);
    g_assert_cmpint (h->status, ==, LIAISON_REGISTRATION_ATTENDED);
    g_assert_cmpint (h->year, ==, 2025);
  }
}

static void
test_reopen (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (LiaisonParticipant) p = make_person (f->store, "Nguyễn", "Thị Minh Khai");
  g_autoptr (LiaisonStore) again = NULL;
  g_autoptr (LiaisonParticipant) back = NULL;
  g_autoptr (GError) error = NULL;
  guint events = liaison_store_count_events (f->store);

  again = liaison_store_open (f->path, &error);
  g_assert_no_error (error);
  back = liaison_store_get_participant (again, liaison_participant_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_participant_get_family_latin (back), ==, "Nguyễn");
  /* Opening again does not load the history twice. */
  g_assert_cmpuint (liaison_store_count_events (again), ==, events);
}

static void
test_prefix (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (LiaisonParticipant) p = make_person (f->store, "Tan", "Wei");
  g_autoptr (LiaisonParticipant) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prefix = g_strndup (liaison_participant_get_id (p), 8);

  found = liaison_store_find_participant (f->store, prefix, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_participant_get_id (found), ==, liaison_participant_get_id (p));
  g_assert_null (liaison_store_find_participant (f->store, "zzzzzzzz", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
}

static void
test_short_id (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (LiaisonParticipant) a = make_person (f->store, "Tan", "Wei");
  g_autoptr (LiaisonParticipant) b = make_person (f->store, "Lim", "Mei");
  g_autoptr (LiaisonParticipant) found = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *start = g_strndup (liaison_participant_get_id (a), 4);

  /* The end the lists show finds each one. */
  found = liaison_store_find_participant (f->store, liaison_uuid_short (liaison_participant_get_id (b)), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_participant_get_id (found), ==, liaison_participant_get_id (b));

  /* Ids made together share their start (a time): ambiguous, and said so. */
  g_assert_null (liaison_store_find_participant (f->store, start, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "more than one"));
  g_clear_error (&error);

  /* Not an id at all: no LIKE pattern gets through. */
  g_assert_null (liaison_store_find_participant (f->store, "%%%%", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
}

static void
test_register_many (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr (LiaisonEvent) e = make_event ("Roundtable", "2025-05-05T09:00", 3);
  g_autoptr (GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) created = NULL;
  g_autoptr (GPtrArray) already = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GError) error = NULL;
  const char *ids[6];
  const char *with_unknown[3];
  guint64     seq_before;

  g_assert_true (liaison_store_save_event (f->store, e, LIAISON_ORIGIN_LOCAL, &error));
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *given = g_strdup_printf ("Person %u", i);

      g_ptr_array_add (people, make_person (f->store, "Chan", given));
      ids[i] = liaison_participant_get_id (g_ptr_array_index (people, i));
    }
  ids[5] = NULL;

  /* Three places: three registered, then the waitlist, in the order given. */
  created = liaison_store_register_many (f->store, liaison_event_get_id (e), ids, LIAISON_ROLE_OBSERVER,
                                         LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &already, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (created->len, ==, 5);
  g_assert_cmpuint (already->len, ==, 0);
  for (guint i = 0; i < 5; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (created, i);

      g_assert_cmpstr (liaison_registration_get_participant_id (r), ==, ids[i]);
      g_assert_cmpint (liaison_registration_get_role (r), ==, LIAISON_ROLE_OBSERVER);
      g_assert_cmpstr (liaison_registration_get_delegation (r), ==, "TH");
      g_assert_cmpint (liaison_registration_get_status (r), ==,
                       i < 3 ? LIAISON_REGISTRATION_REGISTERED : LIAISON_REGISTRATION_WAITLISTED);
    }
  g_clear_pointer (&created, g_ptr_array_unref);
  g_clear_pointer (&already, g_ptr_array_unref);

  /* Asked again: nobody twice, each one named as already there. */
  created = liaison_store_register_many (f->store, liaison_event_get_id (e), ids, LIAISON_ROLE_OBSERVER,
                                         LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &already, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (created->len, ==, 0);
  g_assert_cmpuint (already->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (already, 2), ==, ids[2]);
  list = liaison_store_list_registrations (f->store, liaison_event_get_id (e), &error);
  g_assert_cmpuint (list->len, ==, 5);
  g_clear_pointer (&created, g_ptr_array_unref);

  /* An unknown person refuses the whole batch, naming the identifier. */
  {
    g_autoptr (LiaisonEvent) other = make_event ("Other", "2025-06-06T09:00", 0);

    g_assert_true (liaison_store_save_event (f->store, other, LIAISON_ORIGIN_LOCAL, &error));
    with_unknown[0] = ids[0];
    with_unknown[1] = "00000000-0000-4000-8000-000000000000";
    with_unknown[2] = NULL;
    seq_before = liaison_store_get_last_seq (f->store);
    created = liaison_store_register_many (f->store, liaison_event_get_id (other), with_unknown, LIAISON_ROLE_DELEGATE,
                                           LIAISON_REGISTRATION_INVITED, LIAISON_ORIGIN_LOCAL, NULL, &error);
    g_assert_null (created);
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, with_unknown[1]));
    g_clear_error (&error);
    g_clear_pointer (&list, g_ptr_array_unref);
    list = liaison_store_list_registrations (f->store, liaison_event_get_id (other), &error);
    g_assert_cmpuint (list->len, ==, 0);
    g_assert_cmpint (liaison_store_get_last_seq (f->store), ==, seq_before);
  }
}

static void
test_bulk (Fixture      *f,
           gconstpointer data)
{
  g_autoptr (LiaisonEvent) e = make_event ("Bulk", "2025-07-07T09:00", 0);
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (LiaisonParticipant) q = NULL;
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GError) error = NULL;
  guint people = liaison_store_count_participants (f->store);

  /* A change refused before it wrote anything does not spoil a bulk load. */
  g_assert_true (liaison_store_begin_bulk (f->store, &error));
  g_assert_true (liaison_store_save_event (f->store, e, LIAISON_ORIGIN_LOCAL, &error));
  p = make_person (f->store, "Bulk", "One");
  g_assert_null (liaison_store_register (f->store, liaison_event_get_id (e), "00000000-0000-4000-8000-000000000000",
                                         LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_REGISTERED,
                                         LIAISON_ORIGIN_LOCAL, &error));
  g_clear_error (&error);
  r = liaison_store_register (f->store, liaison_event_get_id (e), liaison_participant_get_id (p),
                              LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_end_bulk (f->store, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_store_count_participants (f->store), ==, people + 1);

  /* A change that fails after writing spoils the load: nothing of it stays. */
  g_assert_true (liaison_store_begin_bulk (f->store, &error));
  q = make_person (f->store, "Bulk", "Two");
  g_assert_true (liaison_store_begin (f->store, &error));
  g_assert_true (liaison_store_exec (f->store, "INSERT INTO areas (id, position) VALUES ('half-done', 99)", &error));
  liaison_store_rollback (f->store);
  g_assert_false (liaison_store_end_bulk (f->store, TRUE, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, f->path));
  g_clear_error (&error);
  g_assert_cmpuint (liaison_store_count_participants (f->store), ==, people + 1);
  g_clear_object (&q);
  q = liaison_store_get_participant (f->store, liaison_participant_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_null (liaison_store_get_participant (f->store, "never-saved", NULL));
}

static void
test_check_in (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (LiaisonEvent) e = make_event ("Check-in", "2025-08-08T09:00", 2);
  g_autoptr (LiaisonParticipant) a = make_person (f->store, "Sukarno", NULL);
  g_autoptr (LiaisonParticipant) b = make_person (f->store, "Tan", "Wei Ling");
  g_autoptr (LiaisonParticipant) c = make_person (f->store, "Lim", "Boon Keng");
  g_autoptr (LiaisonParticipant) d = make_person (f->store, "Ong", "Hui Min");
  g_autoptr (LiaisonParticipant) outsider = make_person (f->store, "Siti", "Nurhaliza");
  g_autoptr (LiaisonRegistration) ra = NULL;
  g_autoptr (LiaisonRegistration) rb = NULL;
  g_autoptr (LiaisonRegistration) rc = NULL;
  g_autoptr (LiaisonRegistration) rd = NULL;
  g_autoptr (LiaisonRegistration) done = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GError) error = NULL;
  const char *event_id;

  /* Two places: a and c registered, b only invited, d on the waitlist. */
  g_assert_true (liaison_store_save_event (f->store, e, LIAISON_ORIGIN_LOCAL, &error));
  event_id = liaison_event_get_id (e);
  ra = liaison_store_register (f->store, event_id, liaison_participant_get_id (a), LIAISON_ROLE_DELEGATE,
                               LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
  rb = liaison_store_register (f->store, event_id, liaison_participant_get_id (b), LIAISON_ROLE_DELEGATE,
                               LIAISON_REGISTRATION_INVITED, LIAISON_ORIGIN_LOCAL, &error);
  rc = liaison_store_register (f->store, event_id, liaison_participant_get_id (c), LIAISON_ROLE_DELEGATE,
                               LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
  rd = liaison_store_register (f->store, event_id, liaison_participant_get_id (d), LIAISON_ROLE_DELEGATE,
                               LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_registration_get_status (rd), ==, LIAISON_REGISTRATION_WAITLISTED);

  /* By the code a badge prints (the id's end), upper case as a scanner sends it. */
  {
    g_autofree char *code = g_ascii_strup (liaison_uuid_short (liaison_registration_get_id (ra)), -1);

    found = liaison_store_find_registrations (f->store, event_id, code, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (liaison_registration_get_id (g_ptr_array_index (found, 0)), ==, liaison_registration_get_id (ra));
    g_clear_pointer (&found, g_ptr_array_unref);
  }

  /* Registered → confirmed → attended, both steps journalled. */
  done = liaison_store_check_in (f->store, liaison_registration_get_id (ra), LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_registration_get_status (done), ==, LIAISON_REGISTRATION_ATTENDED);
  g_assert_nonnull (liaison_registration_get_status_time (done, LIAISON_REGISTRATION_CONFIRMED));
  g_clear_object (&done);

  /* Twice: said so, nothing changes. */
  g_assert_null (liaison_store_check_in (f->store, liaison_registration_get_id (ra), LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Sukarno"));
  g_clear_error (&error);

  /* By name, either order. */
  found = liaison_store_find_registrations (f->store, event_id, "boon keng lim", &error);
  g_assert_cmpuint (found->len, ==, 1);
  done = liaison_store_check_in (f->store, liaison_registration_get_id (g_ptr_array_index (found, 0)),
                                 LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (liaison_registration_get_status (done), ==, LIAISON_REGISTRATION_ATTENDED);
  g_clear_object (&done);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* An invited walk-in needs a place; the event is full: refused, unchanged. */
  g_assert_null (liaison_store_check_in (f->store, liaison_registration_get_id (rb), LIAISON_ORIGIN_LOCAL, &error));
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);
  {
    g_autoptr (LiaisonRegistration) still = liaison_store_get_registration (f->store, liaison_registration_get_id (rb),
                                                                            &error);
    g_assert_cmpint (liaison_registration_get_status (still), ==, LIAISON_REGISTRATION_INVITED);
  }

  /* Someone who is not registered, and a code nobody has: nothing found. */
  found = liaison_store_find_registrations (f->store, event_id, "Nurhaliza", &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = liaison_store_find_registrations (f->store, event_id, "ffff0000", &error);
  g_assert_cmpuint (found->len, ==, 0);

  /* The waitlisted one is refused with the reason. */
  g_assert_null (liaison_store_check_in (f->store, liaison_registration_get_id (rd), LIAISON_ORIGIN_LOCAL, &error));
  g_assert_nonnull (strstr (error->message, "waitlist"));
}

static LiaisonStore *query_store;

static gpointer
count_in_worker (LiaisonStore *reader,
                 gpointer      data,
                 GCancellable *cancellable,
                 GError      **error)
{
  g_assert_false (g_main_context_is_owner (g_main_context_default ()));
  return GUINT_TO_POINTER (liaison_store_count_events (reader) + 1);
}

static void
on_counted (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GError *error = NULL;
  guint  *out = user_data;

  g_assert_null (source);
  *out = GPOINTER_TO_UINT (liaison_store_query_finish (query_store, result, &error));
  if (error != NULL)
    {
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      *out = G_MAXUINT;
      g_error_free (error);
    }
}

static void
test_query_async (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (LiaisonEvent) e = make_event ("Seen by the worker", "2025-09-09T09:00", 0);
  g_autoptr (GCancellable) cancelled = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  guint before = liaison_store_count_events (f->store);
  guint first = 0, second = 0;

  /* What the main thread committed, the worker's connection sees. */
  g_assert_true (liaison_store_save_event (f->store, e, LIAISON_ORIGIN_LOCAL, &error));
  query_store = f->store;
  g_cancellable_cancel (cancelled);
  liaison_store_query_async (f->store, count_in_worker, NULL, NULL, NULL, cancelled, on_counted, &second);
  liaison_store_query_async (f->store, count_in_worker, NULL, NULL, NULL, NULL, on_counted, &first);
  while (first == 0 || second == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (first, ==, before + 1 + 1);
  g_assert_cmpuint (second, ==, G_MAXUINT);

  /* A reader refuses writes. */
  {
    g_autoptr (LiaisonStore) reader = liaison_store_open_reader (f->path, &error);
    g_autoptr (LiaisonEvent) other = make_event ("Not written", "2025-09-10T09:00", 0);

    g_assert_no_error (error);
    g_assert_false (liaison_store_save_event (reader, other, LIAISON_ORIGIN_LOCAL, &error));
    g_assert_nonnull (error);
  }
}

static void
test_clashes (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (LiaisonEvent) a = make_event ("Forum", "2026-06-02T09:00", 0);
  g_autoptr (LiaisonEvent) b = make_event ("Side event", "2026-06-02T14:00", 0);
  g_autoptr (LiaisonEvent) c = make_event ("Next week", "2026-06-09T09:00", 0);
  g_autoptr (LiaisonParticipant) p = make_person (f->store, "Tan", "Wei");
  g_autoptr (LiaisonRegistration) r1 = NULL;
  g_autoptr (LiaisonRegistration) r2 = NULL;
  g_autoptr (GPtrArray) venues = NULL;
  g_autoptr (GPtrArray) people = NULL;
  g_autoptr (GError) error = NULL;

  /* a: 2 June 09:00–17:00 at the Sule; b: 14:00–16:00 same venue (Yangon
   * time both); c: a week later, same venue. */
  g_assert_true (liaison_event_set_when (a, "2026-06-02T09:00", "2026-06-02T17:00", "Asia/Yangon", NULL));
  g_assert_true (liaison_event_set_when (b, "2026-06-02T14:00", "2026-06-02T16:00", "Asia/Yangon", NULL));
  g_assert_true (liaison_event_set_when (c, "2026-06-09T09:00", "2026-06-09T17:00", "Asia/Yangon", NULL));
  liaison_event_set_venue (a, "Sule Shangri-La");
  liaison_event_set_venue (b, "  sule shangri-la ");
  liaison_event_set_venue (c, "Sule Shangri-La");
  for (LiaisonEvent **e = (LiaisonEvent *[]){ a, b, c, NULL }; *e != NULL; e++)
    g_assert_true (liaison_store_save_event (f->store, *e, LIAISON_ORIGIN_LOCAL, &error));

  /* The same venue, overlapping: a warning naming the other event. */
  g_assert_true (liaison_store_find_clashes (f->store, a, &venues, &people, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (venues->len, ==, 1);
  g_assert_cmpstr (liaison_event_get_id (g_ptr_array_index (venues, 0)), ==, liaison_event_get_id (b));
  g_assert_cmpuint (people->len, ==, 0);
  g_clear_pointer (&venues, g_ptr_array_unref);
  g_clear_pointer (&people, g_ptr_array_unref);

  /* A person registered for both: named, with the other event. */
  r1 = liaison_store_register (f->store, liaison_event_get_id (a), liaison_participant_get_id (p), LIAISON_ROLE_SPEAKER,
                               LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
  r2 = liaison_store_register (f->store, liaison_event_get_id (b), liaison_participant_get_id (p), LIAISON_ROLE_DELEGATE,
                               LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_true (liaison_store_find_clashes (f->store, a, &venues, &people, &error));
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (people, 0), "Side event"));
  g_clear_pointer (&venues, g_ptr_array_unref);
  g_clear_pointer (&people, g_ptr_array_unref);

  /* Moved a week later it meets c instead; a cancelled event never clashes. */
  g_assert_true (liaison_event_set_when (b, "2026-06-09T14:00", "2026-06-09T16:00", "Asia/Yangon", NULL));
  g_assert_true (liaison_store_find_clashes (f->store, b, &venues, &people, &error));
  g_assert_cmpuint (venues->len, ==, 1); /* c */
  g_clear_pointer (&venues, g_ptr_array_unref);
  g_clear_pointer (&people, g_ptr_array_unref);
  liaison_event_set_status (c, LIAISON_EVENT_STATUS_CANCELLED);
  g_assert_true (liaison_store_save_event (f->store, c, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_true (liaison_store_find_clashes (f->store, b, &venues, &people, &error));
  g_assert_cmpuint (venues->len, ==, 0);
  g_assert_cmpuint (people->len, ==, 0);
}

static guint
place_of (LiaisonStore *store, const char *id)
{
  g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (store, id, NULL);
  g_autoptr (GPtrArray) all = liaison_store_list_registrations (store, liaison_registration_get_event_id (r), NULL);

  return liaison_registration_waitlist_place (all, r);
}

static LiaisonRegistrationStatus
status_of (LiaisonStore *store, const char *id)
{
  g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (store, id, NULL);

  return liaison_registration_get_status (r);
}

/* The organiser's order: places shown, moves up and down, a promotion by
 * hand (asked before going over capacity), a freed place going to the
 * first in that order, and undo putting each step back. */
static void
test_waitlist_order (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonEvent) e = make_event ("Workshop", "2025-06-02T09:00", 1);
  g_autoptr (LiaisonParticipant) held = make_person (f->store, "Jaidee", "Somchai");
  g_autoptr (LiaisonParticipant) a = make_person (f->store, "Chan", "Sokha");
  g_autoptr (LiaisonParticipant) b = make_person (f->store, "Vong", "Somphone");
  g_autoptr (LiaisonParticipant) c = make_person (f->store, "Tan", "Mei Ling");
  const char *ids[] = { liaison_participant_get_id (held), liaison_participant_get_id (a),
                        liaison_participant_get_id (b), liaison_participant_get_id (c), NULL };
  g_autoptr (GPtrArray) regs = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *promoted = NULL;
  const char      *rh, *ra, *rb, *rc;
  gint64           mark;

  g_assert_true (liaison_store_save_event (f->store, e, LIAISON_ORIGIN_LOCAL, NULL));
  /* Added together: one place, then the waitlist in the order clicked. */
  regs = liaison_store_register_many (f->store, liaison_event_get_id (e), ids, LIAISON_ROLE_DELEGATE,
                                      LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, NULL, &error);
  g_assert_no_error (error);
  rh = liaison_registration_get_id (g_ptr_array_index (regs, 0));
  ra = liaison_registration_get_id (g_ptr_array_index (regs, 1));
  rb = liaison_registration_get_id (g_ptr_array_index (regs, 2));
  rc = liaison_registration_get_id (g_ptr_array_index (regs, 3));
  g_assert_cmpuint (place_of (f->store, rh), ==, 0);
  g_assert_cmpuint (place_of (f->store, ra), ==, 1);
  g_assert_cmpuint (place_of (f->store, rb), ==, 2);
  g_assert_cmpuint (place_of (f->store, rc), ==, 3);

  /* c to the top, then a down one: c, b, a. */
  mark = liaison_store_get_last_seq (f->store);
  g_assert_true (liaison_store_move_waitlisted (f->store, rc, 1, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (place_of (f->store, rc), ==, 1);
  g_assert_cmpuint (place_of (f->store, ra), ==, 2);
  g_assert_cmpuint (place_of (f->store, rb), ==, 3);
  /* One move is one journal line: only the moved person's number changes. */
  g_assert_cmpint (liaison_store_get_last_seq (f->store), ==, mark + 1);
  g_assert_true (liaison_store_move_waitlisted (f->store, ra, 3, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_cmpuint (place_of (f->store, rb), ==, 2);
  g_assert_cmpuint (place_of (f->store, ra), ==, 3);
  /* A place past the end is the end; a place of nobody on the waitlist is refused. */
  g_assert_true (liaison_store_move_waitlisted (f->store, rc, 99, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_cmpuint (place_of (f->store, rc), ==, 3);
  g_assert_true (liaison_store_move_waitlisted (f->store, rc, 1, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_false (liaison_store_move_waitlisted (f->store, rh, 1, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Many moves into the same gap never run out of numbers. */
  for (guint i = 0; i < 80; i++)
    {
      g_assert_true (liaison_store_move_waitlisted (f->store, i % 2 == 0 ? rb : ra, 2, LIAISON_ORIGIN_LOCAL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (place_of (f->store, i % 2 == 0 ? rb : ra), ==, 2);
      g_assert_cmpuint (place_of (f->store, rc), ==, 1);
    }
  g_assert_true (liaison_store_move_waitlisted (f->store, rb, 2, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_cmpuint (place_of (f->store, ra), ==, 3);

  /* Undo puts the order back: c, b, a → as before the last move. */
  mark = liaison_store_get_last_seq (f->store);
  g_assert_true (liaison_store_move_waitlisted (f->store, ra, 1, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_cmpuint (place_of (f->store, ra), ==, 1);
  g_assert_true (liaison_store_undo (f->store, mark, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (place_of (f->store, rc), ==, 1);
  g_assert_cmpuint (place_of (f->store, rb), ==, 2);
  g_assert_cmpuint (place_of (f->store, ra), ==, 3);

  /* The event is full: a promotion by hand is refused until the organiser
   * agrees to go over capacity. */
  g_assert_false (liaison_store_promote_registration (f->store, ra, FALSE, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_CAPACITY);
  g_clear_error (&error);
  mark = liaison_store_get_last_seq (f->store);
  g_assert_true (liaison_store_promote_registration (f->store, ra, TRUE, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f->store, ra), ==, LIAISON_REGISTRATION_REGISTERED);
  g_assert_cmpuint (place_of (f->store, rb), ==, 2);
  g_assert_false (liaison_store_promote_registration (f->store, ra, TRUE, LIAISON_ORIGIN_LOCAL, &error));
  g_clear_error (&error);
  /* Undone, a is back on the waitlist at its place. */
  g_assert_true (liaison_store_undo (f->store, mark, &error));
  g_assert_cmpint (status_of (f->store, ra), ==, LIAISON_REGISTRATION_WAITLISTED);
  g_assert_cmpuint (place_of (f->store, ra), ==, 3);

  /* A place frees: the first in the organiser's order (c) moves up, not
   * the first added (a). */
  g_assert_true (liaison_store_set_registration_status (f->store, rh, LIAISON_REGISTRATION_CANCELLED,
                                                        LIAISON_ORIGIN_LOCAL, &promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (promoted, ==, rc);
  g_assert_cmpuint (place_of (f->store, rb), ==, 1);
  g_assert_cmpuint (place_of (f->store, ra), ==, 2);

  /* Someone who leaves a place for the waitlist joins its end, and the
   * place goes to the first on it. */
  g_clear_pointer (&promoted, g_free);
  g_assert_true (liaison_store_set_registration_status (f->store, rc, LIAISON_REGISTRATION_WAITLISTED,
                                                        LIAISON_ORIGIN_LOCAL, &promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (promoted, ==, rb);
  g_assert_cmpuint (place_of (f->store, ra), ==, 1);
  g_assert_cmpuint (place_of (f->store, rc), ==, 2);

  /* A registration deleted and brought back by undo keeps its place. */
  mark = liaison_store_get_last_seq (f->store);
  g_assert_true (liaison_store_delete_registration (f->store, ra, LIAISON_ORIGIN_LOCAL, NULL, &error));
  g_assert_cmpuint (place_of (f->store, rc), ==, 1);
  g_assert_true (liaison_store_undo (f->store, mark, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (place_of (f->store, ra), ==, 1);
  g_assert_cmpuint (place_of (f->store, rc), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/liaison/store/open", test_open);
  ADD ("/liaison/store/event-round-trip", test_event_round_trip);
  ADD ("/liaison/store/event-invalid", test_event_invalid);
  ADD ("/liaison/store/journal", test_journal);
  ADD ("/liaison/store/filters", test_filters);
  ADD ("/liaison/store/waitlist", test_waitlist);
  ADD ("/liaison/store/waitlist-order", test_waitlist_order);
  ADD ("/liaison/store/reopen", test_reopen);
  ADD ("/liaison/store/prefix", test_prefix);
  ADD ("/liaison/store/short-id", test_short_id);
  ADD ("/liaison/store/register-many", test_register_many);
  ADD ("/liaison/store/bulk", test_bulk);
  ADD ("/liaison/store/check-in", test_check_in);
  ADD ("/liaison/store/query-async", test_query_async);
  ADD ("/liaison/store/clashes", test_clashes);
#undef ADD
  g_test_add_func ("/liaison/store/default-path", test_default_path);

  return g_test_run ();
}
