/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "liaison-ical.h"
#include "liaison-ics-import.h"
#include "liaison-person-data.h"
#include "liaison-store-merge.h"
#include "liaison-store-people.h"
#include "liaison-store-sync.h"
#include "liaison-vcard.h"
#include "liaison-work-plan-doc.h"
#include "test-util.h"

/* People across the years: the Green Envoys record derived from a fixture
 * history, delegations and their quotas, the officers' work plan, and a
 * person's data exported and anonymised. */

typedef struct
{
  char         *dir;
  char         *path;
  LiaisonStore *store;
  GHashTable   *people; /* fixture key → participant id */
  JsonObject   *expect;
  JsonParser   *parser;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = liaison_store_open (f->path, &error);
  g_assert_no_error (error);
  f->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  g_clear_pointer (&f->people, g_hash_table_unref);
  g_clear_object (&f->parser);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static guint db_count (const char *path, const char *sql);

static char *
unfold (const char *text)
{
  g_auto (GStrv) parts = g_strsplit (text, "\r\n ", -1);

  return g_strjoinv ("", parts);
}

static LiaisonEvent *
find_event_by_title (LiaisonStore *store, const char *title_en)
{
  LiaisonEventFilter filter = LIAISON_EVENT_FILTER_INIT;
  g_autoptr (GPtrArray) all = liaison_store_list_events (store, &filter, NULL);

  for (guint i = 0; i < all->len; i++)
    {
      LiaisonEvent *e = g_ptr_array_index (all, i);

      if (g_strcmp0 (liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN), title_en) == 0)
        return g_object_ref (e);
    }
  g_error ("no built-in event “%s”", title_en);
  return NULL;
}

static char *
add_person (LiaisonStore *store, JsonObject *o)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;
  int value;

  liaison_participant_set_native_name (p, json_object_get_string_member_with_default (o, "family_native", NULL),
                                       json_object_get_string_member_with_default (o, "given_native", NULL));
  liaison_participant_set_latin_name (p, json_object_get_string_member_with_default (o, "family_latin", NULL),
                                      json_object_get_string_member_with_default (o, "given_latin", NULL));
  g_assert_true (liaison_enum_from_nick (LIAISON_TYPE_NAME_ORDER, json_object_get_string_member (o, "order"), &value));
  liaison_participant_set_name_order (p, value);
  g_assert_true (liaison_enum_from_nick (LIAISON_TYPE_SECTOR, json_object_get_string_member (o, "sector"), &value));
  liaison_participant_set_sector (p, value);
  g_assert_true (liaison_enum_from_nick (LIAISON_TYPE_GENDER, json_object_get_string_member (o, "gender"), &value));
  liaison_participant_set_gender (p, value);
  liaison_participant_set_country (p, json_object_get_string_member (o, "country"));
  if (json_object_has_member (o, "consent"))
    liaison_participant_set_consent (p, TRUE, "2019-01-15");
  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  /* An empty scope: consent recorded before scopes were (events only). */
  if (json_object_has_member (o, "consent") && *json_object_get_string_member (o, "consent") != '\0')
    {
      guint scopes = 0;

      g_assert_true (liaison_consent_scopes_parse (json_object_get_string_member (o, "consent"), &scopes, NULL));
      g_assert_true (liaison_store_set_consent (store, liaison_participant_get_id (p), TRUE, "2019-01-15", scopes,
                                                LIAISON_ORIGIN_LOCAL, &error));
      g_assert_no_error (error);
    }
  return g_strdup (liaison_participant_get_id (p));
}

static void
register_as (LiaisonStore *store, const char *event_id, const char *person, const char *role_nick, const char *status_nick)
{
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GError) error = NULL;
  int role, status;

  g_assert_true (liaison_enum_from_nick (LIAISON_TYPE_ROLE, role_nick, &role));
  g_assert_true (liaison_enum_from_nick (LIAISON_TYPE_REGISTRATION_STATUS, status_nick, &status));
  r = liaison_store_register (store, event_id, person, role,
                              status == LIAISON_REGISTRATION_INVITED ? LIAISON_REGISTRATION_INVITED : LIAISON_REGISTRATION_REGISTERED,
                              LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  if (status == LIAISON_REGISTRATION_ATTENDED)
    {
      g_autoptr (LiaisonRegistration) in = liaison_store_check_in (store, liaison_registration_get_id (r), LIAISON_ORIGIN_LOCAL, &error);

      g_assert_no_error (error);
    }
  else if (status == LIAISON_REGISTRATION_NO_SHOW)
    {
      g_assert_true (liaison_store_set_registration_status (store, liaison_registration_get_id (r), LIAISON_REGISTRATION_CONFIRMED,
                                                            LIAISON_ORIGIN_LOCAL, NULL, &error));
      g_assert_true (liaison_store_set_registration_status (store, liaison_registration_get_id (r), LIAISON_REGISTRATION_NO_SHOW,
                                                            LIAISON_ORIGIN_LOCAL, NULL, &error));
      g_assert_no_error (error);
    }
}

/* The fixture history on the built-in 2011–2020 events. */
static void
load_history (Fixture *f)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "programme-history.json", NULL);
  g_autoptr (GError) error = NULL;
  JsonObject *root, *tracks;
  JsonArray  *people, *registrations;
  g_autoptr (GList) titles = NULL;

  f->parser = json_parser_new ();
  g_assert_true (json_parser_load_from_file (f->parser, path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (f->parser));
  f->expect = json_object_get_object_member (root, "expect");

  tracks = json_object_get_object_member (root, "tracks");
  titles = json_object_get_members (tracks);
  for (GList *l = titles; l != NULL; l = l->next)
    {
      g_autoptr (LiaisonEvent) e = find_event_by_title (f->store, l->data);

      liaison_event_set_track (e, json_object_get_string_member (tracks, l->data));
      g_assert_true (liaison_store_save_event (f->store, e, LIAISON_ORIGIN_LOCAL, &error));
      g_assert_no_error (error);
    }

  people = json_object_get_array_member (root, "people");
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *o = json_array_get_object_element (people, i);

      g_hash_table_insert (f->people, g_strdup (json_object_get_string_member (o, "key")), add_person (f->store, o));
    }

  registrations = json_object_get_array_member (root, "registrations");
  for (guint i = 0; i < json_array_get_length (registrations); i++)
    {
      JsonObject *o = json_array_get_object_element (registrations, i);
      g_autoptr (LiaisonEvent) e = find_event_by_title (f->store, json_object_get_string_member (o, "event"));

      register_as (f->store, liaison_event_get_id (e), g_hash_table_lookup (f->people, json_object_get_string_member (o, "person")),
                   json_object_get_string_member (o, "role"), json_object_get_string_member (o, "status"));
    }
}

static char *
progression_nicks (const LiaisonProgrammeRecord *record)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; i < record->milestones->len; i++)
    {
      const LiaisonProgrammeMilestone *m = &g_array_index (record->milestones, LiaisonProgrammeMilestone, i);

      g_string_append_printf (text, "%s%d %s", i > 0 ? ", " : "", m->year, liaison_programme_stage_nick (m->stage));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_stage_of_role (void)
{
  g_assert_cmpint (liaison_programme_stage_of_role (LIAISON_ROLE_DELEGATE), ==, LIAISON_PROGRAMME_STAGE_PARTICIPANT);
  g_assert_cmpint (liaison_programme_stage_of_role (LIAISON_ROLE_VIP), ==, LIAISON_PROGRAMME_STAGE_PARTICIPANT);
  g_assert_cmpint (liaison_programme_stage_of_role (LIAISON_ROLE_MODERATOR), ==, LIAISON_PROGRAMME_STAGE_SPEAKER);
  g_assert_cmpint (liaison_programme_stage_of_role (LIAISON_ROLE_MENTOR), ==, LIAISON_PROGRAMME_STAGE_MENTOR);
  g_assert_cmpint (liaison_programme_stage_of_role (LIAISON_ROLE_STAFF), ==, LIAISON_PROGRAMME_STAGE_NONE);
  g_assert_cmpstr (liaison_enum_to_nick (LIAISON_TYPE_ROLE, LIAISON_ROLE_MENTOR), ==, "mentor");
  g_assert_cmpstr (liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, LIAISON_REGISTRATION_NOMINATED), ==, "nominated");
}

/* Derivation alone: the order of the rows does not matter, a later lower
 * role is no step back. */
static void
test_record_pure (void)
{
  g_autoptr (GPtrArray) steps = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_programme_step_free);
  g_autoptr (LiaisonProgrammeRecord) record = NULL;
  g_autofree char *text = NULL;

  g_ptr_array_add (steps, liaison_programme_step_new ("e3", 2020, "2020-05-01", "climate-youth", LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_ATTENDED));
  g_ptr_array_add (steps, liaison_programme_step_new ("e2", 2018, "2018-05-01", "climate-youth", LIAISON_ROLE_SPEAKER, LIAISON_REGISTRATION_ATTENDED));
  g_ptr_array_add (steps, liaison_programme_step_new ("e1", 2015, "2015-05-01", "officials-capacity", LIAISON_ROLE_OBSERVER, LIAISON_REGISTRATION_ATTENDED));
  g_ptr_array_add (steps, liaison_programme_step_new ("e0", 2013, "2013-05-01", "climate-youth", LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_CANCELLED));
  g_ptr_array_add (steps, liaison_programme_step_new ("e4", 2021, "2021-05-01", NULL, LIAISON_ROLE_MENTOR, LIAISON_REGISTRATION_ATTENDED));
  record = liaison_programme_record_derive (steps);
  g_assert_cmpint (record->cohort, ==, 2015);
  g_assert_cmpstr (record->cohort_track, ==, "officials-capacity");
  g_assert_cmpuint (record->attended, ==, 3);
  g_assert_cmpuint (record->years, ==, 3);
  g_assert_cmpint (record->highest, ==, LIAISON_PROGRAMME_STAGE_SPEAKER);
  text = progression_nicks (record);
  g_assert_cmpstr (text, ==, "2015 participant, 2018 speaker");
  g_assert_true (liaison_programme_record_came_back (record));
}

static void
test_record_fixture (Fixture *f, gconstpointer data)
{
  JsonObject *records;
  g_autoptr (GList) keys = NULL;
  g_autoptr (LiaisonProgrammeSummary) summary = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray  *cohorts, *order;
  JsonObject *countries, *sectors, *genders, *reached;

  load_history (f);
  records = json_object_get_object_member (f->expect, "records");
  keys = json_object_get_members (records);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      JsonObject *want = json_object_get_object_member (records, l->data);
      g_autoptr (GPtrArray) steps = liaison_store_list_programme_steps (f->store, g_hash_table_lookup (f->people, l->data), &error);
      g_autoptr (LiaisonProgrammeRecord) record = NULL;
      g_autofree char *progression = NULL;

      g_assert_no_error (error);
      record = liaison_programme_record_derive (steps);
      progression = progression_nicks (record);
      g_test_message ("%s: cohort %d, %u events, %u years, %s", (char *) l->data, record->cohort, record->attended,
                      record->years, progression);
      g_assert_cmpint (record->cohort, ==, json_object_get_int_member (want, "cohort"));
      g_assert_cmpstr (record->cohort_track, ==, json_object_get_string_member_with_default (want, "cohort_track", NULL));
      g_assert_cmpuint (record->attended, ==, json_object_get_int_member (want, "attended"));
      g_assert_cmpuint (record->years, ==, json_object_get_int_member (want, "years"));
      g_assert_cmpstr (progression, ==, json_object_get_string_member (want, "progression"));
    }

  summary = liaison_store_programme_summary (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (summary->alumni, ==, json_object_get_int_member (f->expect, "alumni"));
  g_assert_cmpuint (summary->returned, ==, json_object_get_int_member (f->expect, "returned"));

  reached = json_object_get_object_member (f->expect, "reached");
  for (LiaisonProgrammeStage s = LIAISON_PROGRAMME_STAGE_PARTICIPANT; s < LIAISON_N_PROGRAMME_STAGES; s++)
    g_assert_cmpuint (summary->reached[s], ==, json_object_get_int_member (reached, liaison_programme_stage_nick (s)));

  cohorts = json_object_get_array_member (f->expect, "cohorts");
  g_assert_cmpuint (summary->cohorts->len, ==, json_array_get_length (cohorts));
  for (guint i = 0; i < summary->cohorts->len; i++)
    {
      const LiaisonCohortCount *c = &g_array_index (summary->cohorts, LiaisonCohortCount, i);
      JsonArray                *want = json_array_get_array_element (cohorts, i);

      g_assert_cmpint (c->year, ==, json_array_get_int_element (want, 0));
      g_assert_cmpstr (c->track, ==, json_array_get_string_element (want, 1));
      g_assert_cmpuint (c->people, ==, json_array_get_int_element (want, 2));
    }
  g_assert_cmpuint (liaison_programme_summary_cohort_size (summary, 2012, NULL), ==, 3);

  order = json_object_get_array_member (f->expect, "returning_order");
  g_assert_cmpuint (summary->returning->len, ==, json_array_get_length (order));
  for (guint i = 0; i < summary->returning->len; i++)
    {
      LiaisonAlumnus *a = g_ptr_array_index (summary->returning, i);
      const char     *key = json_array_get_string_element (order, i);

      g_assert_cmpstr (a->participant_id, ==, g_hash_table_lookup (f->people, key));
      g_assert_nonnull (a->name);
      /* Wang consented to his programme record being used; Khai only to
       * events (consent from before scopes), Thida to nothing. */
      g_assert_cmpint (a->consent, ==, g_str_equal (key, "wang"));
    }

  countries = json_object_get_object_member (f->expect, "countries");
  g_assert_cmpuint (summary->countries->len, ==, json_object_get_size (countries));
  for (guint i = 0; i < summary->countries->len; i++)
    {
      LiaisonProgrammeCount *c = g_ptr_array_index (summary->countries, i);

      g_assert_cmpuint (c->people, ==, json_object_get_int_member (countries, c->key));
    }
  sectors = json_object_get_object_member (f->expect, "sectors");
  for (LiaisonSector s = 0; s <= LIAISON_SECTOR_OTHER; s++)
    g_assert_cmpuint (summary->sectors[s], ==,
                      json_object_get_int_member_with_default (sectors, liaison_enum_to_nick (LIAISON_TYPE_SECTOR, s), 0));
  genders = json_object_get_object_member (f->expect, "genders");
  for (LiaisonGender g = 0; g <= LIAISON_GENDER_OTHER; g++)
    g_assert_cmpuint (summary->genders[g], ==,
                      json_object_get_int_member_with_default (genders, liaison_enum_to_nick (LIAISON_TYPE_GENDER, g), 0));
}

/* ------------------------------------------------------------------------ */
/* Tracks and notes                                                          */

static void
test_tracks_and_notes (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) tracks = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autofree char *id = NULL;
  g_autofree char *again = NULL;
  g_autofree char *note = NULL;
  g_autofree char *bad = NULL;

  id = liaison_store_add_track (f->store, "生物多样性青年领导力计划", "Biodiversity Youth Leadership", LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "biodiversity-youth-leadership");
  again = liaison_store_add_track (f->store, NULL, "biodiversity youth leadership", LIAISON_ORIGIN_LOCAL, &error);
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_null (again);
  g_clear_error (&error);
  tracks = liaison_store_list_tracks (f->store, &error);
  g_assert_cmpuint (tracks->len, ==, 4);
  g_assert_true (((LiaisonTrackInfo *) g_ptr_array_index (tracks, 0))->built_in);
  g_assert_false (((LiaisonTrackInfo *) g_ptr_array_index (tracks, 3))->built_in);
  g_assert_cmpstr (liaison_track_info_find (tracks, id)->title_zh, ==, "生物多样性青年领导力计划");

  liaison_participant_set_latin_name (p, "Tan", "Ah Kow");
  g_assert_true (liaison_store_save_participant (f->store, p, LIAISON_ORIGIN_LOCAL, &error));
  note = liaison_store_add_programme_note (f->store, liaison_participant_get_id (p), "2024-03-01",
                                           "Now heads the plastics unit of the ministry", LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  bad = liaison_store_add_programme_note (f->store, liaison_participant_get_id (p), "2024-02-30", "x", LIAISON_ORIGIN_LOCAL, &error);
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_assert_null (bad);
  g_clear_error (&error);
  notes = liaison_store_list_programme_notes (f->store, liaison_participant_get_id (p), &error);
  g_assert_cmpuint (notes->len, ==, 1);
  g_assert_true (liaison_store_delete_programme_note (f->store, note, LIAISON_ORIGIN_LOCAL, &error));
  g_clear_pointer (&notes, g_ptr_array_unref);
  notes = liaison_store_list_programme_notes (f->store, liaison_participant_get_id (p), &error);
  g_assert_cmpuint (notes->len, ==, 0);
}

/* ------------------------------------------------------------------------ */
/* Delegations                                                               */

static char *
new_person (LiaisonStore *store, const char *family, const char *given, const char *country)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_participant_set_latin_name (p, family, given);
  liaison_participant_set_name_order (p, LIAISON_NAME_ORDER_GIVEN_FIRST);
  liaison_participant_set_country (p, country);
  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_strdup (liaison_participant_get_id (p));
}

static char *
new_event (LiaisonStore *store, LiaisonEventKind kind, const char *start, guint capacity)
{
  g_autoptr (LiaisonEvent) e = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH, "中国-东盟海洋减塑青年论坛");
  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, "Youth Forum on Marine Plastics, Bangkok; 2026");
  liaison_bilingual_set_source (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH);
  g_assert_true (liaison_event_set_when (e, start, NULL, "Asia/Bangkok", NULL));
  liaison_event_set_kind (e, kind);
  liaison_event_set_country (e, "TH");
  liaison_event_set_capacity (e, capacity);
  liaison_event_set_activities (e, (const char *[]){ "2.3.2", NULL });
  g_assert_true (liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_strdup (liaison_event_get_id (e));
}

static const LiaisonDelegationRow *
board_row (GPtrArray *board, const char *country)
{
  for (guint i = 0; i < board->len; i++)
    if (g_str_equal (((LiaisonDelegationRow *) g_ptr_array_index (board, i))->country, country))
      return g_ptr_array_index (board, i);
  g_error ("the board has no row for %s", country);
}

static void
test_quota (Fixture *f, gconstpointer data)
{
  g_autofree char *event = new_event (f->store, LIAISON_EVENT_KIND_YOUTH_FORUM, "2026-03-10T09:00", 0);
  g_autoptr (GBytes) letter = g_bytes_new_static ("%PDF-1.4 note verbale", 21);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) nominees = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) board = NULL;
  g_autoptr (GPtrArray) attachments = NULL;
  g_autoptr (GHashTable) quotas = NULL;
  g_autoptr (LiaisonRegistration) direct = NULL;
  g_autoptr (LiaisonRegistration) speaker = NULL;
  g_autofree char *fourth = new_person (f->store, "Chaiyaporn", "Niran", "TH");
  g_autofree char *fifth = new_person (f->store, "Boonmee", "Ploy", "TH");
  gint64           mark;
  const char      *names[] = { "Somchai", "Kanya", "Arthit" };

  g_assert_true (liaison_store_set_quota (f->store, event, "th", 2, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  quotas = liaison_store_get_quotas (f->store, event, &error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (quotas, "TH")), ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char     *person = new_person (f->store, "Srisuk", names[i], "TH");
      LiaisonRegistration *r = liaison_store_nominate (f->store, event, person, "TH", LIAISON_ROLE_DELEGATE,
                                                       "note-verbale-2026-017.pdf", letter, LIAISON_ORIGIN_LOCAL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (liaison_registration_get_status (r), ==, LIAISON_REGISTRATION_NOMINATED);
      g_assert_nonnull (liaison_registration_get_status_time (r, LIAISON_REGISTRATION_NOMINATED));
      g_ptr_array_add (nominees, r);
    }
  /* One letter named three people: its bytes are kept once. */
  attachments = liaison_store_list_event_attachments (f->store, event, &error);
  g_assert_cmpuint (attachments->len, ==, 3);
  /* Its type as the system's MIME database sees it (none in the test's
   * isolated data dirs: the content's own guess then). */
  g_assert_nonnull (((LiaisonAttachment *) g_ptr_array_index (attachments, 0))->media_type);
  g_assert_cmpstr (((LiaisonAttachment *) g_ptr_array_index (attachments, 0))->file_name, ==, "note-verbale-2026-017.pdf");
  g_assert_cmpint (((LiaisonAttachment *) g_ptr_array_index (attachments, 0))->size, ==, 21);
  g_assert_cmpuint (db_count (f->path, "SELECT count(*) FROM attachment_blobs"), ==, 1);

  board = liaison_store_delegation_board (f->store, event, &error);
  g_assert_cmpuint (board_row (board, "TH")->nominated, ==, 3);
  g_assert_cmpuint (board_row (board, "TH")->approved, ==, 0);
  g_clear_pointer (&board, g_ptr_array_unref);

  for (guint i = 0; i < 2; i++)
    {
      LiaisonRegistrationStatus now;

      g_assert_true (liaison_store_approve_nomination (f->store, liaison_registration_get_id (g_ptr_array_index (nominees, i)),
                                                       LIAISON_ORIGIN_LOCAL, &now, &error));
      g_assert_no_error (error);
      g_assert_cmpint (now, ==, LIAISON_REGISTRATION_REGISTERED);
    }

  /* The third: the delegation is full, said so, and nothing changes. */
  mark = liaison_store_get_last_seq (f->store);
  g_assert_false (liaison_store_approve_nomination (f->store, liaison_registration_get_id (g_ptr_array_index (nominees, 2)),
                                                    LIAISON_ORIGIN_LOCAL, NULL, &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_QUOTA);
  g_assert_nonnull (strstr (error->message, "Thailand"));
  g_assert_nonnull (strstr (error->message, "2"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (liaison_store_get_last_seq (f->store), ==, mark);

  /* Nor may anyone join the delegation another way: added directly, or a
   * declined person invited again. A speaker is not in the quota. */
  direct = liaison_store_register (f->store, event, fourth, LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_REGISTERED,
                                   LIAISON_ORIGIN_LOCAL, &error);
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_QUOTA);
  g_assert_null (direct);
  g_clear_error (&error);
  speaker = liaison_store_register (f->store, event, fifth, LIAISON_ROLE_SPEAKER, LIAISON_REGISTRATION_REGISTERED,
                                    LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);

  /* A quota lowered below the people accepted: refused, kept. */
  g_assert_false (liaison_store_set_quota (f->store, event, "TH", 1, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_QUOTA);
  g_assert_nonnull (strstr (error->message, "Thailand"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_clear_pointer (&quotas, g_hash_table_unref);
  quotas = liaison_store_get_quotas (f->store, event, &error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (quotas, "TH")), ==, 2);

  /* Raised: the third is approved, confirmed and attends. */
  g_assert_true (liaison_store_set_quota (f->store, event, "TH", 3, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_true (liaison_store_approve_nomination (f->store, liaison_registration_get_id (g_ptr_array_index (nominees, 2)),
                                                   LIAISON_ORIGIN_LOCAL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (liaison_store_set_registration_status (f->store, liaison_registration_get_id (g_ptr_array_index (nominees, 0)),
                                                        LIAISON_REGISTRATION_CONFIRMED, LIAISON_ORIGIN_LOCAL, NULL, &error));
  {
    g_autoptr (LiaisonRegistration) in = liaison_store_check_in (f->store, liaison_registration_get_id (g_ptr_array_index (nominees, 1)),
                                                                 LIAISON_ORIGIN_LOCAL, &error);
    g_assert_no_error (error);
  }
  board = liaison_store_delegation_board (f->store, event, &error);
  g_assert_cmpint (board_row (board, "TH")->quota, ==, 3);
  g_assert_cmpuint (board_row (board, "TH")->nominated, ==, 0);
  g_assert_cmpuint (board_row (board, "TH")->approved, ==, 3);
  g_assert_cmpuint (board_row (board, "TH")->confirmed, ==, 2);
  g_assert_cmpuint (board_row (board, "TH")->attended, ==, 1);
  g_assert_false (liaison_delegation_row_over_quota (board_row (board, "TH")));

  /* Declining one frees the place: the quota may go down to 2 now. */
  g_assert_true (liaison_store_set_registration_status (f->store, liaison_registration_get_id (g_ptr_array_index (nominees, 2)),
                                                        LIAISON_REGISTRATION_DECLINED, LIAISON_ORIGIN_LOCAL, NULL, &error));
  g_assert_true (liaison_store_set_quota (f->store, event, "TH", 2, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
}

static void
test_nomination_undo_and_full_event (Fixture *f, gconstpointer data)
{
  g_autofree char *event = new_event (f->store, LIAISON_EVENT_KIND_WORKSHOP, "2026-05-10", 1);
  g_autofree char *first = new_person (f->store, "Santos", "Maria", "PH");
  g_autofree char *second = new_person (f->store, "Reyes", "Jose", "PH");
  g_autoptr (LiaisonRegistration) a = NULL;
  g_autoptr (LiaisonRegistration) b = NULL;
  g_autoptr (LiaisonRegistration) back = NULL;
  g_autoptr (GError) error = NULL;
  LiaisonRegistrationStatus now;
  gint64                    mark;

  a = liaison_store_nominate (f->store, event, first, NULL, LIAISON_ROLE_DELEGATE, NULL, NULL, LIAISON_ORIGIN_LOCAL, &error);
  b = liaison_store_nominate (f->store, event, second, "PH", LIAISON_ROLE_DELEGATE, NULL, NULL, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_registration_get_delegation (a), ==, "PH");

  mark = liaison_store_get_last_seq (f->store);
  g_assert_true (liaison_store_approve_nomination (f->store, liaison_registration_get_id (a), LIAISON_ORIGIN_LOCAL, &now, &error));
  g_assert_cmpint (now, ==, LIAISON_REGISTRATION_REGISTERED);
  /* The one place is taken: the second approved goes on the waitlist. */
  g_assert_true (liaison_store_approve_nomination (f->store, liaison_registration_get_id (b), LIAISON_ORIGIN_LOCAL, &now, &error));
  g_assert_cmpint (now, ==, LIAISON_REGISTRATION_WAITLISTED);

  /* Approving again is refused: it is no longer a nomination. */
  g_assert_false (liaison_store_approve_nomination (f->store, liaison_registration_get_id (a), LIAISON_ORIGIN_LOCAL, NULL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Undo brings both back to nominated. */
  g_assert_true (liaison_store_undo (f->store, mark, &error));
  g_assert_no_error (error);
  back = liaison_store_get_registration (f->store, liaison_registration_get_id (a), &error);
  g_assert_cmpint (liaison_registration_get_status (back), ==, LIAISON_REGISTRATION_NOMINATED);
  g_clear_object (&back);
  back = liaison_store_get_registration (f->store, liaison_registration_get_id (b), &error);
  g_assert_cmpint (liaison_registration_get_status (back), ==, LIAISON_REGISTRATION_NOMINATED);
}

/* Letters that are not a file the system can read: a clear message, and no
 * nomination left half-made. */
static void
test_bad_letters (Fixture *f, gconstpointer data)
{
  g_autofree char *event = new_event (f->store, LIAISON_EVENT_KIND_WORKSHOP, "2026-05-10", 0);
  g_autofree char *person = new_person (f->store, "Phommachanh", "Bounmy", "LA");
  g_autofree char *empty = g_build_filename (f->dir, "empty.pdf", NULL);
  g_autofree char *big = g_build_filename (f->dir, "scan.pdf", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.pdf", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked.pdf", NULL);
  struct
  {
    const char *path;
    const char *says;
  } cases[] = {
    { f->dir, "not a file" },
    { empty, "empty" },
    { big, "at most" },
    { missing, "no such file" },
    { locked, "not allowed" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) registrations = NULL;
  g_autoptr (LiaisonRegistration) r = NULL;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  g_assert_true (g_file_set_contents (locked, "%PDF-1.4", -1, NULL));
  g_assert_cmpint (g_chmod (locked, 0), ==, 0);
  {
    FILE *out = fopen (big, "w");

    /* Sparse: 17 MiB that take no disk. */
    g_assert_nonnull (out);
    g_assert_cmpint (fseek (out, LIAISON_ATTACHMENT_MAX_SIZE + 1024 * 1024 - 1, SEEK_SET), ==, 0);
    fputc ('x', out);
    fclose (out);
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr (GBytes) bytes = NULL;

      /* root reads a file whatever its mode. */
      if (g_str_equal (cases[i].path, locked) && access (locked, R_OK) == 0)
        continue;
      bytes = liaison_attachment_read_file (file, NULL, NULL, &error);
      g_assert_null (bytes);
      g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
      g_clear_error (&error);
    }

  /* Bytes that cannot be kept refuse the whole nomination. */
  {
    g_autoptr (GBytes) nothing = g_bytes_new_static ("", 0);

    r = liaison_store_nominate (f->store, event, person, "LA", LIAISON_ROLE_DELEGATE, "letter.pdf", nothing,
                                LIAISON_ORIGIN_LOCAL, &error);
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
    g_assert_null (r);
    g_clear_error (&error);
  }
  registrations = liaison_store_list_registrations (f->store, event, &error);
  g_assert_cmpuint (registrations->len, ==, 0);
  g_chmod (locked, 0600);
}

/* The nominated state travels to the secretariat and back as it is. */
static void
test_nominated_sync (Fixture *f, gconstpointer data)
{
  g_autofree char *event = new_event (f->store, LIAISON_EVENT_KIND_WORKSHOP, "2026-05-10T09:00", 0);
  g_autofree char *person = new_person (f->store, "Sok", "Dara", "KH");
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GHashTable) fields = NULL;
  g_autoptr (GHashTable) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  const char      *value;

  r = liaison_store_nominate (f->store, event, person, "KH", LIAISON_ROLE_DELEGATE, NULL, NULL, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  fields = liaison_store_sync_get_fields (f->store, "event", event, &error);
  g_assert_no_error (error);
  text = liaison_ical_write (event, fields, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "X-LIAISON-STATUS=nominated"));
  g_assert_nonnull (strstr (text, "PARTSTAT=NEEDS-ACTION"));
  back = liaison_ical_read (text, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_sync_fields_equal (fields, back));
  {
    g_autofree char *key = g_strconcat (LIAISON_SYNC_ATTENDEE_PREFIX, person, NULL);

    value = g_hash_table_lookup (back, key);
  }
  g_assert_nonnull (value);
  g_assert_true (g_str_has_prefix (value, "delegate|nominated|KH|"));
}

/* ------------------------------------------------------------------------ */
/* Officers and the work plan                                                */

static void
test_work_plan (Fixture *f, gconstpointer data)
{
  g_autofree char *meeting = new_event (f->store, LIAISON_EVENT_KIND_LIAISON_MEETING, "2025-11-04T09:30", 0);
  g_autofree char *forum = new_event (f->store, LIAISON_EVENT_KIND_FORUM, "2026-09-15", 0);
  g_autofree char *course = new_event (f->store, LIAISON_EVENT_KIND_TRAINING_COURSE, "2026-06-01T09:00", 0);
  g_autofree char *officer = new_person (f->store, "Tan", "Wei Ming", "SG");
  g_autofree char *deputy = new_person (f->store, "Lee", "Hui Min", "SG");
  g_autofree char *officer_id = NULL;
  g_autofree char *deputy_id = NULL;
  g_autofree char *feedback = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autofree char *pdf_bytes = NULL;
  g_autoptr (LiaisonWorkPlan) v1 = NULL;
  g_autoptr (LiaisonWorkPlan) v2 = NULL;
  g_autoptr (LiaisonWorkPlan) got = NULL;
  g_autoptr (LiaisonWorkPlan) reviewed = NULL;
  g_autoptr (GPtrArray) officers = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GPtrArray) notes = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonEvent) forum_event = NULL;
  gsize length;

  officer_id = liaison_store_add_officer (f->store, officer, "SG", liaison_officer_body_for_country ("SG"),
                                          LIAISON_OFFICER_ROLE_OFFICER, "2024-01-01", NULL, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  deputy_id = liaison_store_add_officer (f->store, deputy, "SG", LIAISON_OFFICER_BODY_ASOEN, LIAISON_OFFICER_ROLE_DEPUTY,
                                         "2024-01-01", "2025-12-31", LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_null (liaison_store_add_officer (f->store, deputy, "SG", LIAISON_OFFICER_BODY_ASOEN, LIAISON_OFFICER_ROLE_DEPUTY,
                                            "2026-01-01", "2025-12-31", LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID);
  g_clear_error (&error);
  officers = liaison_store_list_officers (f->store, NULL, &error);
  g_assert_cmpuint (officers->len, ==, 2);
  g_assert_cmpint (((LiaisonOfficer *) g_ptr_array_index (officers, 0))->role, ==, LIAISON_OFFICER_ROLE_OFFICER);
  g_assert_cmpint (((LiaisonOfficer *) g_ptr_array_index (officers, 0))->body, ==, LIAISON_OFFICER_BODY_ASOEN);
  g_assert_cmpstr (((LiaisonOfficer *) g_ptr_array_index (officers, 0))->name, ==, "Wei Ming Tan");
  g_assert_true (liaison_officer_in_term (g_ptr_array_index (officers, 0), "2030-01-01"));
  g_assert_false (liaison_officer_in_term (g_ptr_array_index (officers, 1), "2026-01-01"));
  g_assert_cmpint (liaison_officer_body_for_country ("CN"), ==, LIAISON_OFFICER_BODY_MEE);

  v1 = liaison_store_issue_work_plan (f->store, 2026, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (v1->version, ==, 1);
  g_assert_cmpuint (v1->n_events, ==, 2);
  g_assert_null (liaison_store_issue_work_plan (f->store, 2031, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Feedback needs the version sent, and approval too. */
  g_assert_null (liaison_store_add_work_plan_feedback (f->store, v1->id, "SG", NULL, "Fine", "2025-10-01", LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (liaison_store_approve_work_plan (f->store, v1->id, LIAISON_ORIGIN_LOCAL, &error));
  g_clear_error (&error);
  g_assert_true (liaison_store_mark_work_plan_sent (f->store, v1->id, LIAISON_ORIGIN_LOCAL, &error));
  feedback = liaison_store_add_work_plan_feedback (f->store, v1->id, "SG", course, "Singapore proposes to host the course in June",
                                                   "2025-10-02", LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  bad = liaison_store_add_work_plan_feedback (f->store, v1->id, "SG", meeting, "Not in the plan", "2025-10-02",
                                              LIAISON_ORIGIN_LOCAL, &error);
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  notes = liaison_store_list_work_plan_feedback (f->store, v1->id, &error);
  g_assert_cmpuint (notes->len, ==, 1);

  /* The event changes after the version went out; v1 keeps what it said. */
  forum_event = liaison_store_get_event (f->store, forum, &error);
  liaison_bilingual_set_text (liaison_event_get_title (forum_event), LIAISON_LANGUAGE_EN, "Renamed forum");
  g_assert_true (liaison_store_save_event (f->store, forum_event, LIAISON_ORIGIN_LOCAL, &error));
  v2 = liaison_store_issue_work_plan (f->store, 2026, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_cmpuint (v2->version, ==, 2);
  g_assert_true (liaison_store_mark_work_plan_sent (f->store, v2->id, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_true (liaison_store_approve_work_plan (f->store, v2->id, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  got = liaison_store_get_work_plan (f->store, 2026, 1, &error);
  g_assert_cmpint (got->status, ==, LIAISON_WORK_PLAN_SUPERSEDED);
  events = liaison_store_list_work_plan_events (f->store, v1->id, &error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (((LiaisonWorkPlanEvent *) g_ptr_array_index (events, 0))->event_id, ==, course);
  g_assert_cmpstr (((LiaisonWorkPlanEvent *) g_ptr_array_index (events, 1))->title_en, ==, "Youth Forum on Marine Plastics, Bangkok; 2026");
  g_clear_pointer (&got, liaison_work_plan_free);
  got = liaison_store_get_work_plan (f->store, 2026, 0, &error);
  g_assert_cmpuint (got->version, ==, 2);
  g_assert_cmpint (got->status, ==, LIAISON_WORK_PLAN_APPROVED);

  /* The meeting that reviewed it; a forum reviews nothing. */
  g_assert_false (liaison_store_set_work_plan_review (f->store, v2->id, forum, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (liaison_store_set_work_plan_review (f->store, v2->id, meeting, LIAISON_ORIGIN_LOCAL, &error));
  reviewed = liaison_store_find_reviewed_work_plan (f->store, meeting, &error);
  g_assert_nonnull (reviewed);
  g_assert_cmpuint (reviewed->version, ==, 2);

  /* Sent as a bilingual PDF and a calendar. */
  ics = liaison_work_plan_to_ics (v1, events);
  unfolded = unfold (ics);
  g_assert_nonnull (strstr (ics, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (unfolded, "SUMMARY:中国-东盟海洋减塑青年论坛 / Youth Forum on Marine Plastics\\, Bangkok\\; 2026"));
  g_assert_nonnull (strstr (ics, "DTSTART;TZID=Asia/Bangkok:20260601T090000"));
  g_assert_nonnull (strstr (ics, "DTSTART;VALUE=DATE:20260915"));
  g_assert_nonnull (strstr (ics, "BEGIN:VTIMEZONE"));
  {
    /* Another calendar reads it. */
    icalcomponent *cal = icalparser_parse_string (ics);

    g_assert_nonnull (cal);
    g_assert_cmpint (icalcomponent_count_components (cal, ICAL_VEVENT_COMPONENT), ==, 2);
    icalcomponent_free (cal);
  }
  g_assert_true (liaison_work_plan_write_pdf (v1, events, notes, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &pdf_bytes, &length, NULL));
  g_assert_true (g_str_has_prefix (pdf_bytes, "%PDF-"));
  g_assert_cmpuint (length, >, 1000);
}

/* ------------------------------------------------------------------------ */
/* Privacy                                                                   */

static guint
db_count (const char *path, const char *sql)
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

static guint
journal_mentions (const char *path, const char *text)
{
  sqlite3         *db = NULL;
  sqlite3_stmt    *stmt = NULL;
  g_autofree char *like = g_strdup_printf ("%%%s%%", text);
  guint            n = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*) FROM journal WHERE old_value LIKE ?1 OR new_value LIKE ?1",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, like, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static JsonObject *
parse_object (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static void
test_export_and_anonymise (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonProgrammeSummary) before = NULL;
  g_autoptr (LiaisonProgrammeSummary) after = NULL;
  g_autoptr (JsonNode) exported = NULL;
  g_autoptr (JsonNode) again = NULL;
  g_autoptr (LiaisonParticipant) wang = NULL;
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GPtrArray) history = NULL;
  g_autoptr (LiaisonRegistration) nominated = NULL;
  g_autoptr (GBytes) letter = g_bytes_new_static ("%PDF-1.4 Wang Wei nominated", 27);
  g_autofree char *wang_id = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "wang.pdf", NULL);
  g_autofree char *json = g_build_filename (f->dir, "wang.json", NULL);
  g_autofree char *officer = NULL;
  g_autofree char *note = NULL;
  g_autofree char *meeting = new_event (f->store, LIAISON_EVENT_KIND_LIAISON_MEETING, "2026-11-04", 0);
  g_autofree char *json_text = NULL;
  JsonObject      *root, *person, *consent, *programme;
  JsonArray       *registrations;
  gint64           mark;

  load_history (f);
  wang_id = g_strdup (g_hash_table_lookup (f->people, "wang"));
  wang = liaison_store_get_participant (f->store, wang_id, &error);
  liaison_bilingual_set_text (liaison_participant_get_organisation (wang), LIAISON_LANGUAGE_ZH, "生态环境部对外合作与交流中心");
  liaison_participant_set_emails (wang, (const char *[]){ "wang.wei@example.cn", NULL });
  liaison_participant_set_phones (wang, (const char *[]){ "+86 10 8220 0000", NULL });
  liaison_participant_set_honorific (wang, "Dr");
  g_assert_true (liaison_store_save_participant (f->store, wang, LIAISON_ORIGIN_LOCAL, &error));
  note = liaison_store_add_programme_note (f->store, wang_id, "2024-05-01", "Director-General, Wang Wei's own department",
                                           LIAISON_ORIGIN_LOCAL, &error);
  officer = liaison_store_add_officer (f->store, wang_id, "CN", LIAISON_OFFICER_BODY_MEE, LIAISON_OFFICER_ROLE_OFFICER,
                                       "2021-01-01", NULL, LIAISON_ORIGIN_LOCAL, &error);
  nominated = liaison_store_nominate (f->store, meeting, wang_id, "CN", LIAISON_ROLE_DELEGATE, "wang-wei-nv.pdf", letter,
                                      LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_participant_has_consent (f->store, wang_id, LIAISON_CONSENT_PROGRAMME));
  g_assert_false (liaison_store_participant_has_consent (f->store, wang_id, LIAISON_CONSENT_PUBLICATION));
  g_assert_false (liaison_store_participant_has_consent (f->store, g_hash_table_lookup (f->people, "thida"), LIAISON_CONSENT_EVENTS));
  g_assert_true (liaison_store_participant_has_consent (f->store, g_hash_table_lookup (f->people, "khai"), LIAISON_CONSENT_EVENTS));
  g_assert_false (liaison_store_participant_has_consent (f->store, g_hash_table_lookup (f->people, "khai"), LIAISON_CONSENT_PROGRAMME));

  /* The export: everything, in one file. */
  exported = liaison_store_person_data (f->store, wang_id, &error);
  g_assert_no_error (error);
  root = parse_object (exported);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "liaison-person-data");
  person = json_object_get_object_member (root, "participant");
  g_assert_cmpstr (json_object_get_string_member (person, "family_name"), ==, "王");
  g_assert_cmpstr (json_object_get_string_member (person, "honorific"), ==, "Dr");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (person, "emails"), 0), ==, "wang.wei@example.cn");
  consent = json_object_get_object_member (root, "consent");
  g_assert_true (json_object_get_boolean_member (consent, "given"));
  g_assert_cmpstr (json_object_get_string_member (consent, "date"), ==, "2019-01-15");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (consent, "scope")), ==, 2);
  registrations = json_object_get_array_member (root, "registrations");
  g_assert_cmpuint (json_array_get_length (registrations), ==, 6);
  {
    JsonObject *last = json_array_get_object_element (registrations, 5);

    g_assert_cmpstr (json_object_get_string_member (last, "status"), ==, "nominated");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (last, "attachments"), 0), "file_name"),
                     ==, "wang-wei-nv.pdf");
  }
  programme = json_object_get_object_member (root, "programme");
  g_assert_cmpint (json_object_get_int_member (programme, "cohort"), ==, 2011);
  g_assert_cmpstr (json_object_get_string_member (programme, "highest_stage"), ==, "mentor");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (programme, "notes")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "liaison_officer")), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "changes")), >, 0);
  g_assert_true (liaison_person_data_write_json (exported, json, &error));
  g_assert_true (g_file_get_contents (json, &json_text, NULL, NULL));
  g_assert_nonnull (strstr (json_text, "\"王\""));
  g_assert_true (liaison_person_data_write_pdf (exported, pdf, &error));
  g_assert_no_error (error);

  /* Anonymised: the figures stay, who he was goes, everywhere. */
  before = liaison_store_programme_summary (f->store, &error);
  g_assert_cmpuint (journal_mentions (f->path, "wang.wei@example.cn"), >, 0);
  mark = liaison_store_get_last_seq (f->store);
  g_assert_true (liaison_store_anonymise_participant (f->store, wang_id, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  p = liaison_store_get_participant (f->store, wang_id, &error);
  g_assert_null (liaison_participant_get_family_native (p));
  g_assert_null (liaison_participant_get_family_latin (p));
  g_assert_null (liaison_participant_get_honorific (p));
  g_assert_true (liaison_participant_get_emails (p) == NULL || liaison_participant_get_emails (p)[0] == NULL);
  g_assert_true (liaison_participant_get_phones (p) == NULL || liaison_participant_get_phones (p)[0] == NULL);
  g_assert_null (liaison_bilingual_get_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_ZH));
  g_assert_false (liaison_participant_get_consent (p));
  g_assert_cmpint (liaison_participant_get_gender (p), ==, LIAISON_GENDER_MALE);
  g_assert_cmpint (liaison_participant_get_sector (p), ==, LIAISON_SECTOR_GOVERNMENT);
  g_assert_cmpstr (liaison_participant_get_country (p), ==, "CN");
  {
    g_autofree char *anonymised = liaison_store_get_anonymised (f->store, wang_id);

    g_assert_nonnull (anonymised);
  }

  history = liaison_store_list_history (f->store, wang_id, &error);
  g_assert_cmpuint (history->len, ==, 6);
  after = liaison_store_programme_summary (f->store, &error);
  g_assert_cmpuint (after->alumni, ==, before->alumni);
  g_assert_cmpuint (after->returned, ==, before->returned);
  g_assert_cmpuint (after->cohorts->len, ==, before->cohorts->len);
  g_assert_cmpuint (after->sectors[LIAISON_SECTOR_GOVERNMENT], ==, before->sectors[LIAISON_SECTOR_GOVERNMENT]);
  g_assert_cmpuint (after->genders[LIAISON_GENDER_MALE], ==, before->genders[LIAISON_GENDER_MALE]);

  for (guint i = 0; i < 6; i++)
    {
      const char *traces[] = { "wang.wei@example.cn", "8220", "生态环境部对外合作", "Wang Wei's own", "wang-wei-nv.pdf", "\"王\"" };

      g_assert_cmpuint (journal_mentions (f->path, traces[i]), ==, 0);
    }
  {
    g_autoptr (GPtrArray) letters = liaison_store_list_attachments (f->store, liaison_registration_get_id (nominated), &error);
    g_autoptr (GPtrArray) notes = liaison_store_list_programme_notes (f->store, wang_id, &error);

    g_assert_cmpuint (letters->len, ==, 0);
    g_assert_cmpuint (notes->len, ==, 0);
    g_assert_cmpuint (db_count (f->path, "SELECT count(*) FROM attachment_blobs"), ==, 0);
  }
  found = liaison_store_search_participants (f->store, "wang wei", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);

  /* Recorded, and not undone: undo stops with a message, he stays anonymous. */
  g_assert_false (liaison_store_undo (f->store, mark, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_object (&p);
  p = liaison_store_get_participant (f->store, wang_id, &error);
  g_assert_null (liaison_participant_get_family_native (p));

  /* Twice, or consent after: refused. */
  g_assert_false (liaison_store_anonymise_participant (f->store, wang_id, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (liaison_store_set_consent (f->store, wang_id, TRUE, NULL, LIAISON_CONSENT_EVENTS, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);

  again = liaison_store_person_data (f->store, wang_id, &error);
  root = parse_object (again);
  g_assert_nonnull (json_object_get_string_member_with_default (root, "anonymised", NULL));
  g_assert_false (json_object_has_member (json_object_get_object_member (root, "participant"), "family_name"));
}

/* An event as Thunderbird writes it: two attendees, one of them folded in
 * the middle of her e-mail address, which is in another case than the
 * one her record will keep. */
static const char scrub_ics[] =
    "BEGIN:VCALENDAR\r\n"
    "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\n"
    "VERSION:2.0\r\n"
    "BEGIN:VEVENT\r\n"
    "UID:5b0d2a52-7f1e-4c1e-9d33-scrub-test\r\n"
    "DTSTAMP:20260301T020000Z\r\n"
    "DTSTART:20260415T010000Z\r\n"
    "DTEND:20260415T090000Z\r\n"
    "SUMMARY:Marine plastics roundtable\r\n"
    "ORGANIZER;CN=Secretariat:mailto:secretariat@example.org\r\n"
    "ATTENDEE;CN=\"Nguyễn Thị Lan\";PARTSTAT=ACCEPTED;ROLE=REQ-PARTICIPANT;CUTYPE=IN\r\n"
    " DIVIDUAL:mailto:Lan.Ngu\r\n"
    " yen@Example.VN\r\n"
    "ATTENDEE;CN=Somchai Prasert;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT:mail\r\n"
    " to:somchai.p@example.th\r\n"
    "X-MOZ-GENERATION:3\r\n"
    "END:VEVENT\r\n"
    "END:VCALENDAR\r\n";

/* Rows of any table whose text, unfolded, holds needle (ASCII case
 * ignored): every TEXT value of every column of every table. */
static guint
db_mentions (const char *path, const char *needle)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *tables = NULL;
  guint         n = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table'", -1, &tables, NULL), ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *table = g_strdup ((const char *) sqlite3_column_text (tables, 0));
      g_autofree char *info_sql = g_strdup_printf ("PRAGMA table_info (\"%s\")", table);
      sqlite3_stmt    *info = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, info_sql, -1, &info, NULL), ==, SQLITE_OK);
      while (sqlite3_step (info) == SQLITE_ROW)
        {
          const char      *column = (const char *) sqlite3_column_text (info, 1);
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE typeof (\"%s\") = 'text' AND"
                                                  " instr (lower (replace (replace (replace (\"%s\", char (13, 10, 32), ''),"
                                                  " char (10, 32), ''), char (13, 10, 9), '')), lower (?1)) > 0",
                                                  table, column, column);
          sqlite3_stmt    *count = NULL;

          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &count, NULL), ==, SQLITE_OK);
          sqlite3_bind_text (count, 1, needle, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (count) == SQLITE_ROW && sqlite3_column_int (count, 0) > 0)
            {
              g_test_message ("%s.%s mentions %s", table, column, needle);
              n += sqlite3_column_int (count, 0);
            }
          sqlite3_finalize (count);
        }
      sqlite3_finalize (info);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return n;
}

static char *
attendee_with (GHashTable *fields, LiaisonStore *store, const char *email)
{
  GHashTableIter iter;
  gpointer       key;

  g_hash_table_iter_init (&iter, fields);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *pid = (const char *) key + strlen (LIAISON_SYNC_ATTENDEE_PREFIX);
      g_autoptr (LiaisonParticipant) p = NULL;
      const char *const *emails;

      if (!g_str_has_prefix (key, LIAISON_SYNC_ATTENDEE_PREFIX))
        continue;
      p = liaison_store_get_participant (store, pid, NULL);
      emails = p != NULL ? liaison_participant_get_emails (p) : NULL;
      if (emails != NULL && emails[0] != NULL && g_ascii_strcasecmp (emails[0], email) == 0)
        return g_strdup (pid);
    }
  return NULL;
}

/* Anonymising a person takes them out of every calendar text the database
 * keeps (the imported event's own text, the server's copies of the event
 * and of their card, writes sent without an answer), whole lines with
 * their folds; the other attendee stays, and the next push writes both. */
static void
test_anonymise_calendar_texts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GHashTable) fields = NULL;
  g_autoptr (GHashTable) card_fields = NULL;
  g_autoptr (GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  g_autoptr (LiaisonSyncResource) res = NULL;
  g_autofree char *event_id = NULL;
  g_autofree char *lan = NULL;
  g_autofree char *somchai = NULL;
  g_autofree char *server_copy = NULL;
  g_autofree char *card = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *pushed = NULL;
  g_autofree char *unfolded = NULL;
  const char      *traces[] = { "Nguyễn Thị Lan", "Nguyễn", "lan.nguyen@example.vn", "Lan.Nguyen@Example.VN" };
  g_autoptr (LiaisonParticipant) lan_record = NULL;

  events = liaison_ics_read_events (f->store, scrub_ics, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_true (liaison_ics_import_events (f->store, events, NULL, NULL, &error));
  g_assert_no_error (error);
  event_id = g_strdup (((LiaisonIcsEvent *) g_ptr_array_index (events, 0))->uid);
  imported = liaison_store_sync_get_imported_text (f->store, event_id);
  g_assert_nonnull (imported);

  fields = liaison_store_sync_get_fields (f->store, "event", event_id, &error);
  g_assert_no_error (error);
  lan = attendee_with (fields, f->store, "lan.nguyen@example.vn");
  somchai = attendee_with (fields, f->store, "somchai.p@example.th");
  g_assert_nonnull (lan);
  g_assert_nonnull (somchai);
  /* Her record keeps another case of the address than the file. */
  lan_record = liaison_store_get_participant (f->store, lan, &error);
  liaison_participant_set_emails (lan_record, (const char *[]){ "lan.nguyen@example.vn", "lan@example.org", NULL });
  g_assert_true (liaison_store_save_participant (f->store, lan_record, LIAISON_ORIGIN_LOCAL, &error));

  /* The server's copies as a sync would have stored them: the event as
   * Liaison writes it (its own attendee parameters), her card, and a
   * write that never had an answer. */
  g_hash_table_insert (people, g_strdup (lan), g_strdupv ((char *[]){ "Nguyễn Thị Lan", "Lan.Nguyen@Example.VN", NULL }));
  g_hash_table_insert (people, g_strdup (somchai), g_strdupv ((char *[]){ "Somchai Prasert", "somchai.p@example.th", NULL }));
  server_copy = liaison_ical_write (event_id, fields, people, imported, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_sync_put_resource (f->store, "event", event_id, "/cal/scrub.ics", "\"1\"", server_copy, &error));
  g_assert_true (liaison_store_sync_add_sent (f->store, "event", event_id, server_copy, &error));
  card_fields = liaison_store_sync_get_fields (f->store, "participant", lan, &error);
  card = liaison_vcard_write (lan, card_fields, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_store_sync_put_resource (f->store, "participant", lan, "/card/lan.vcf", "\"1\"", card, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (traces); i++)
    g_assert_cmpuint (db_mentions (f->path, traces[i]), >, 0);
  g_assert_cmpuint (db_mentions (f->path, "lan@example.org"), >, 0);

  g_assert_true (liaison_store_anonymise_participant (f->store, lan, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (traces); i++)
    g_assert_cmpuint (db_mentions (f->path, traces[i]), ==, 0);
  g_assert_cmpuint (db_mentions (f->path, "lan@example.org"), ==, 0);
  /* The other attendee and what the other program wrote stay. */
  g_clear_pointer (&imported, g_free);
  imported = liaison_store_sync_get_imported_text (f->store, event_id);
  g_assert_nonnull (strstr (imported, "somchai.p@example.th"));
  g_assert_nonnull (strstr (imported, "X-MOZ-GENERATION:3\r\n"));
  g_assert_nonnull (strstr (imported, "ORGANIZER;CN=Secretariat:mailto:secretariat@example.org\r\n"));
  res = liaison_store_sync_get_resource (f->store, "event", event_id);
  unfolded = unfold (res->base);
  g_assert_nonnull (strstr (unfolded, "mailto:somchai.p@example.th"));
  g_assert_nonnull (strstr (unfolded, "CN=Somchai Prasert"));
  g_assert_null (strstr (unfolded, lan));
  /* Queued, so the server's copy loses her too. */
  g_assert_true (liaison_store_sync_is_queued (f->store, "event", event_id));

  /* The next push, as liaison-sync-push.c writes it from the scrubbed
   * copy: her line anew from the registration, anonymous; his as it was. */
  {
    g_autoptr (GHashTable) now = liaison_store_sync_get_fields (f->store, "event", event_id, &error);
    g_autoptr (GHashTable) now_people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
    g_autoptr (GHashTable) read_back = NULL;
    g_autofree char *pushed_unfolded = NULL;
    g_autofree char *lan_key = g_strconcat (LIAISON_SYNC_ATTENDEE_PREFIX, lan, NULL);
    g_autofree char *somchai_key = g_strconcat (LIAISON_SYNC_ATTENDEE_PREFIX, somchai, NULL);

    g_assert_nonnull (g_hash_table_lookup (now, lan_key));
    g_hash_table_insert (now_people, g_strdup (lan), g_strdupv ((char *[]){ "Anonymised", NULL }));
    g_hash_table_insert (now_people, g_strdup (somchai), g_strdupv ((char *[]){ "Somchai Prasert", "somchai.p@example.th", NULL }));
    pushed = liaison_ical_write (event_id, now, now_people, res->base, &error);
    g_assert_no_error (error);
    pushed_unfolded = unfold (pushed);
    g_assert_null (strstr (pushed_unfolded, "Nguyễn"));
    g_assert_null (strstr (pushed_unfolded, "example.vn"));
    g_assert_nonnull (strstr (pushed_unfolded, "mailto:somchai.p@example.th"));
    read_back = liaison_ical_read (pushed, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (g_hash_table_lookup (read_back, lan_key), ==, g_hash_table_lookup (now, lan_key));
    g_assert_cmpstr (g_hash_table_lookup (read_back, somchai_key), ==, g_hash_table_lookup (now, somchai_key));
  }
  {
    g_autoptr (LiaisonSyncResource) card_res = liaison_store_sync_get_resource (f->store, "participant", lan);
    g_autoptr (GHashTable) anonymous = liaison_store_sync_get_fields (f->store, "participant", lan, &error);
    g_autofree char *card_pushed = NULL;

    g_assert_nonnull (card_res);
    g_assert_nonnull (strstr (card_res->base, "BEGIN:VCARD"));
    card_pushed = liaison_vcard_write (lan, anonymous, card_res->base, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (card_pushed, "Anonymised"));
    g_assert_null (strstr (card_pushed, "example.vn"));
  }
}

/* A person merged into another and then anonymised: the merge's record
 * keeps the merged-away row as it was (names, e-mails), and the journal
 * its values. Anonymising the survivor removes both; the merge can no
 * longer be undone, since what it would bring back is who they were. */
static void
test_anonymise_after_merge (Fixture *f, gconstpointer data)
{
  g_autofree char *kept = new_person (f->store, "Prasertsak", "Kanokwan", "TH");
  g_autofree char *twin = new_person (f->store, "PRASERTSAK", "Kanokwan Old", "TH");
  g_autoptr (LiaisonParticipant) record = liaison_store_get_participant (f->store, twin, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) merges = NULL;
  g_autofree char *merge = NULL;
  const char      *others[] = { twin, NULL };

  liaison_participant_set_emails (record, (const char *[]){ "kanokwan.old@example.th", NULL });
  g_assert_true (liaison_store_save_participant (f->store, record, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  merge = liaison_store_merge_participants (f->store, kept, others, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merge);
  g_assert_cmpuint (db_mentions (f->path, "kanokwan.old@example.th"), >, 0);
  g_assert_cmpuint (db_mentions (f->path, "Kanokwan Old"), >, 0);

  g_assert_true (liaison_store_anonymise_participant (f->store, kept, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (db_mentions (f->path, "kanokwan.old@example.th"), ==, 0);
  g_assert_cmpuint (db_mentions (f->path, "Kanokwan"), ==, 0);
  g_assert_cmpuint (db_mentions (f->path, "Prasertsak"), ==, 0);
  merges = liaison_store_list_merges (f->store, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (merges->len, ==, 0);
  g_assert_false (liaison_store_unmerge (f->store, merge, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
}

static void
test_consent_rules (Fixture *f, gconstpointer data)
{
  g_autofree char *person = new_person (f->store, "Yusof", "Aminah", "MY");
  g_autoptr (GError) error = NULL;
  guint scopes = 0;

  g_assert_cmpuint (liaison_store_get_consent_scopes (f->store, person), ==, 0);
  g_assert_false (liaison_store_set_consent (f->store, person, TRUE, "2025-02-01", 0, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (liaison_store_set_consent (f->store, person, TRUE, "1 Feb 2025", LIAISON_CONSENT_EVENTS, LIAISON_ORIGIN_LOCAL, &error));
  g_clear_error (&error);
  g_assert_true (liaison_consent_scopes_parse ("events, contact", &scopes, &error));
  g_assert_true (liaison_store_set_consent (f->store, person, TRUE, "2025-02-01", scopes, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_cmpuint (liaison_store_get_consent_scopes (f->store, person), ==, LIAISON_CONSENT_EVENTS | LIAISON_CONSENT_CONTACT);
  g_assert_true (liaison_store_set_consent (f->store, person, FALSE, NULL, LIAISON_CONSENT_ALL, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_cmpuint (liaison_store_get_consent_scopes (f->store, person), ==, 0);
  g_assert_false (liaison_consent_scopes_parse ("events photos", &scopes, &error));
  g_assert_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "photos"));
  g_clear_error (&error);
  g_assert_true (liaison_consent_scopes_parse ("all", &scopes, &error));
  g_assert_cmpuint (scopes, ==, LIAISON_CONSENT_ALL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/people/stage-of-role", test_stage_of_role);
  g_test_add_func ("/liaison/people/record", test_record_pure);
  g_test_add ("/liaison/people/record-fixture", Fixture, NULL, fixture_setup, test_record_fixture, fixture_teardown);
  g_test_add ("/liaison/people/tracks-and-notes", Fixture, NULL, fixture_setup, test_tracks_and_notes, fixture_teardown);
  g_test_add ("/liaison/people/quota", Fixture, NULL, fixture_setup, test_quota, fixture_teardown);
  g_test_add ("/liaison/people/nomination-undo", Fixture, NULL, fixture_setup, test_nomination_undo_and_full_event, fixture_teardown);
  g_test_add ("/liaison/people/bad-letters", Fixture, NULL, fixture_setup, test_bad_letters, fixture_teardown);
  g_test_add ("/liaison/people/nominated-sync", Fixture, NULL, fixture_setup, test_nominated_sync, fixture_teardown);
  g_test_add ("/liaison/people/work-plan", Fixture, NULL, fixture_setup, test_work_plan, fixture_teardown);
  g_test_add ("/liaison/people/export-and-anonymise", Fixture, NULL, fixture_setup, test_export_and_anonymise, fixture_teardown);
  g_test_add ("/liaison/people/anonymise-calendar-texts", Fixture, NULL, fixture_setup, test_anonymise_calendar_texts, fixture_teardown);
  g_test_add ("/liaison/people/anonymise-after-merge", Fixture, NULL, fixture_setup, test_anonymise_after_merge, fixture_teardown);
  g_test_add ("/liaison/people/consent", Fixture, NULL, fixture_setup, test_consent_rules, fixture_teardown);
  return g_test_run ();
}
