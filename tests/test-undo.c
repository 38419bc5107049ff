/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-store.h"
#include "test-util.h"

/* Undo is the change journal read backwards: everything after a mark is
 * reverted, newest first, and the reversal is itself journalled (so the
 * sync pushes it like any other change). */

typedef struct
{
  char                *dir;
  LiaisonStore        *store;
  LiaisonEvent        *event;
  LiaisonParticipant  *people[3];
  LiaisonRegistration *regs[3];
} Fixture;

static LiaisonParticipant *
add_person (LiaisonStore *store,
            const char   *family,
            const char   *given)
{
  LiaisonParticipant *p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_participant_set_native_name (p, family, given);
  liaison_participant_set_country (p, "CN");
  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return p;
}

/* An event with two places, two people registered and one waitlisted. */
static void
fixture_setup (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char  *path = NULL;
  LiaisonBilingual *title;

  f->dir = test_make_dir ();
  path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = liaison_store_open (path, &error);
  g_assert_no_error (error);

  f->event = liaison_event_new (NULL);
  title = liaison_event_get_title (f->event);
  liaison_bilingual_set_text (title, LIAISON_LANGUAGE_ZH, "海洋塑料研讨会");
  liaison_bilingual_set_text (title, LIAISON_LANGUAGE_EN, "Marine plastics workshop");
  liaison_bilingual_set_state (title, LIAISON_LANGUAGE_EN, LIAISON_TRANSLATION_REVIEWED);
  g_assert_true (liaison_event_set_when (f->event, "2025-09-10T09:00", "2025-09-12T17:00", "Asia/Yangon", NULL));
  liaison_event_set_kind (f->event, LIAISON_EVENT_KIND_WORKSHOP);
  liaison_event_set_capacity (f->event, 2);
  {
    const char *codes[] = { "2.1.2", NULL };
    liaison_event_set_activities (f->event, codes);
  }
  g_assert_true (liaison_store_save_event (f->store, f->event, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  f->people[0] = add_person (f->store, "李", "霞");
  f->people[1] = add_person (f->store, "王", "芳");
  f->people[2] = add_person (f->store, "陈", "明");
  for (guint i = 0; i < 3; i++)
    {
      f->regs[i] = liaison_store_register (f->store, liaison_event_get_id (f->event),
                                           liaison_participant_get_id (f->people[i]), LIAISON_ROLE_DELEGATE,
                                           LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (liaison_registration_get_status (f->regs[2]), ==, LIAISON_REGISTRATION_WAITLISTED);
}

static void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  for (guint i = 0; i < 3; i++)
    {
      g_clear_object (&f->people[i]);
      g_clear_object (&f->regs[i]);
    }
  g_clear_object (&f->event);
  g_assert_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
}

static LiaisonRegistrationStatus
status_of (Fixture *f,
           guint    i)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (f->store, liaison_registration_get_id (f->regs[i]),
                                                                      &error);

  g_assert_no_error (error);
  return liaison_registration_get_status (r);
}

static void
test_delete_event (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonEvent) back = NULL;
  g_autoptr (GPtrArray) regs = NULL;
  g_autoptr (GPtrArray) found = NULL;
  gint64            mark = liaison_store_get_last_seq (f->store);
  const char       *id = liaison_event_get_id (f->event);
  LiaisonBilingual *title;

  g_assert_true (liaison_store_delete_event (f->store, id, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  g_assert_null (liaison_store_get_event (f->store, id, NULL));
  g_assert_null (liaison_store_get_registration (f->store, liaison_registration_get_id (f->regs[0]), NULL));

  g_assert_true (liaison_store_undo (f->store, mark, &error));
  g_assert_no_error (error);

  /* The event, every field, its translation states, its links. */
  back = liaison_store_get_event (f->store, id, &error);
  g_assert_no_error (error);
  title = liaison_event_get_title (back);
  g_assert_cmpstr (liaison_bilingual_get_text (title, LIAISON_LANGUAGE_EN), ==, "Marine plastics workshop");
  g_assert_cmpint (liaison_bilingual_get_state (title, LIAISON_LANGUAGE_EN), ==, LIAISON_TRANSLATION_REVIEWED);
  g_assert_cmpstr (liaison_event_get_time_zone (back), ==, "Asia/Yangon");
  g_assert_cmpstr (liaison_event_get_end (back), ==, "2025-09-12T17:00");
  g_assert_cmpuint (liaison_event_get_capacity (back), ==, 2);
  g_assert_cmpstr (liaison_event_get_activities (back)[0], ==, "2.1.2");

  /* Its registrations, same ids, same statuses (the waitlist stays one). */
  regs = liaison_store_list_registrations (f->store, id, &error);
  g_assert_cmpuint (regs->len, ==, 3);
  g_assert_cmpint (status_of (f, 0), ==, LIAISON_REGISTRATION_REGISTERED);
  g_assert_cmpint (status_of (f, 2), ==, LIAISON_REGISTRATION_WAITLISTED);

  /* Searchable again. */
  found = liaison_store_search_events (f->store, "海洋塑料", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);

  /* The reversal is in the journal, as local changes. */
  g_assert_cmpint (liaison_store_get_last_seq (f->store), >, mark + 4);
}

static void
test_status_with_promotion (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *promoted = NULL;
  gint64           mark = liaison_store_get_last_seq (f->store);

  /* Cancelling frees a place: the waitlisted person moves up. */
  g_assert_true (liaison_store_set_registration_status (f->store, liaison_registration_get_id (f->regs[0]),
                                                        LIAISON_REGISTRATION_CANCELLED, LIAISON_ORIGIN_LOCAL,
                                                        &promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (promoted, ==, liaison_registration_get_id (f->regs[2]));
  g_assert_cmpint (status_of (f, 2), ==, LIAISON_REGISTRATION_REGISTERED);

  /* Undo puts both back. */
  g_assert_true (liaison_store_undo (f->store, mark, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f, 0), ==, LIAISON_REGISTRATION_REGISTERED);
  g_assert_cmpint (status_of (f, 2), ==, LIAISON_REGISTRATION_WAITLISTED);

  /* Even steps the status machine forbids going back: attended → registered. */
  mark = liaison_store_get_last_seq (f->store);
  g_assert_true (liaison_store_set_registration_status (f->store, liaison_registration_get_id (f->regs[1]),
                                                        LIAISON_REGISTRATION_CONFIRMED, LIAISON_ORIGIN_LOCAL, NULL,
                                                        &error));
  g_assert_true (liaison_store_set_registration_status (f->store, liaison_registration_get_id (f->regs[1]),
                                                        LIAISON_REGISTRATION_ATTENDED, LIAISON_ORIGIN_LOCAL, NULL,
                                                        &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_undo (f->store, mark, &error));
  g_assert_cmpint (status_of (f, 1), ==, LIAISON_REGISTRATION_REGISTERED);
}

static void
test_delete_participant (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonParticipant) back = NULL;
  gint64      mark = liaison_store_get_last_seq (f->store);
  const char *id = liaison_participant_get_id (f->people[0]);

  /* Deleting a person frees their place; the waitlist moves. */
  g_assert_true (liaison_store_delete_participant (f->store, id, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f, 2), ==, LIAISON_REGISTRATION_REGISTERED);

  g_assert_true (liaison_store_undo (f->store, mark, &error));
  g_assert_no_error (error);
  back = liaison_store_get_participant (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_participant_get_family_native (back), ==, "李");
  g_assert_cmpint (status_of (f, 0), ==, LIAISON_REGISTRATION_REGISTERED);
  g_assert_cmpint (status_of (f, 2), ==, LIAISON_REGISTRATION_WAITLISTED);
  {
    g_autoptr (GPtrArray) found = liaison_store_search_participants (f->store, "li xia", 10, &error);
    g_assert_cmpuint (found->len, ==, 1);
  }
}

static void
test_edit_and_add (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonEvent) back = NULL;
  g_autoptr (LiaisonRegistration) extra = NULL;
  g_autoptr (LiaisonParticipant) newcomer = NULL;
  gint64 mark = liaison_store_get_last_seq (f->store);

  /* Two edits of one event, a new person and a registration, in one go. */
  liaison_bilingual_set_text (liaison_event_get_title (f->event), LIAISON_LANGUAGE_EN, "Plastics, renamed");
  liaison_event_set_capacity (f->event, 30);
  g_assert_true (liaison_store_save_event (f->store, f->event, LIAISON_ORIGIN_LOCAL, &error));
  newcomer = add_person (f->store, "周", "洁");
  extra = liaison_store_register (f->store, liaison_event_get_id (f->event), liaison_participant_get_id (newcomer),
                                  LIAISON_ROLE_SPEAKER, LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);

  g_assert_true (liaison_store_undo (f->store, mark, &error));
  g_assert_no_error (error);
  back = liaison_store_get_event (f->store, liaison_event_get_id (f->event), &error);
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_event_get_title (back), LIAISON_LANGUAGE_EN), ==,
                   "Marine plastics workshop");
  g_assert_cmpuint (liaison_event_get_capacity (back), ==, 2);
  g_assert_null (liaison_store_get_participant (f->store, liaison_participant_get_id (newcomer), NULL));
  g_assert_null (liaison_store_get_registration (f->store, liaison_registration_get_id (extra), NULL));
}

static void
test_delete_registration (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *promoted = NULL;
  gint64           mark = liaison_store_get_last_seq (f->store);

  g_assert_true (liaison_store_delete_registration (f->store, liaison_registration_get_id (f->regs[1]),
                                                    LIAISON_ORIGIN_LOCAL, &promoted, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (promoted, ==, liaison_registration_get_id (f->regs[2]));
  g_assert_true (liaison_store_undo (f->store, mark, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f, 1), ==, LIAISON_REGISTRATION_REGISTERED);
  g_assert_cmpint (status_of (f, 2), ==, LIAISON_REGISTRATION_WAITLISTED);
}

static void
test_remote_change_blocks_undo (Fixture      *f,
                                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 mark = liaison_store_get_last_seq (f->store);

  liaison_event_set_capacity (f->event, 10);
  g_assert_true (liaison_store_save_event (f->store, f->event, LIAISON_ORIGIN_LOCAL, &error));
  /* Then the other office edits the same event. */
  liaison_event_set_venue (f->event, "Sule Shangri-La");
  g_assert_true (liaison_store_save_event (f->store, f->event, LIAISON_ORIGIN_REMOTE, &error));

  g_assert_false (liaison_store_undo (f->store, mark, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr (LiaisonEvent) back = liaison_store_get_event (f->store, liaison_event_get_id (f->event), &error);
    g_assert_cmpuint (liaison_event_get_capacity (back), ==, 10);
    g_assert_cmpstr (liaison_event_get_venue (back), ==, "Sule Shangri-La");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/liaison/undo/delete-event", test_delete_event);
  ADD ("/liaison/undo/status-with-promotion", test_status_with_promotion);
  ADD ("/liaison/undo/delete-participant", test_delete_participant);
  ADD ("/liaison/undo/edit-and-add", test_edit_and_add);
  ADD ("/liaison/undo/delete-registration", test_delete_registration);
  ADD ("/liaison/undo/remote-change-blocks-undo", test_remote_change_blocks_undo);
#undef ADD

  return g_test_run ();
}
