/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-people-import.h"
#include "liaison-store.h"
#include "test-util.h"

/* Importing people from rosters as offices send them, into a database
 * that already has some of them. Every fixture is made here. */

typedef struct
{
  char         *dir;
  char         *path;
  LiaisonStore *store;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = test_make_dir ();
  f->path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = liaison_store_open (f->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static LiaisonTable *
table_from (const char *utf8, const char *encoding)
{
  g_autoptr (GError) error = NULL;
  gsize            written = 0;
  g_autofree char *data = g_convert (utf8, -1, encoding, "UTF-8", NULL, &written, &error);
  g_autoptr (GBytes) bytes = NULL;
  LiaisonTable *table;

  g_assert_no_error (error);
  bytes = g_bytes_new (data, written);
  table = liaison_table_read_bytes (bytes, "roster.csv", NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return table;
}

static LiaisonPeopleImport *
prepared (Fixture *f, const char *utf8, const char *encoding)
{
  g_autoptr (LiaisonTable) table = table_from (utf8, encoding);
  LiaisonPeopleImport *import = liaison_people_import_new (table);
  g_autoptr (GError) error = NULL;

  g_assert_true (liaison_people_import_prepare (import, f->store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return import;
}

static LiaisonImportRow *
row_at (LiaisonPeopleImport *import, guint i)
{
  return g_ptr_array_index (liaison_people_import_get_rows (import), i);
}

static char *
save (Fixture *f, const char *family_native, const char *given_native, const char *family_latin, const char *given_latin, const char *country, const char *email)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  const char *emails[] = { email, NULL };

  liaison_participant_set_native_name (p, family_native, given_native);
  liaison_participant_set_latin_name (p, family_latin, given_latin);
  liaison_participant_set_country (p, country);
  if (email != NULL)
    liaison_participant_set_emails (p, emails);
  g_assert_true (liaison_store_save_participant (f->store, p, LIAISON_ORIGIN_LOCAL, NULL));
  return g_strdup (liaison_participant_get_id (p));
}

/* A Chinese office's roster, saved by Chinese Excel as GB18030, with the
 * names of all eleven countries as people typed them. */
static const char roster[] =
    "2025 年中国—东盟环境合作论坛 参会人员名单,,,,,\r\n"
    "姓名,英文姓名,国家,单位,电子邮件,性别\r\n"
    "李霞,LI Xia,中国,中国—东盟环境保护合作中心,li.xia@example.cn,女\r\n"                                /* 3: update (e-mail) */
    "欧阳明,Ouyang Ming,中国,生态环境部,ouyang@example.cn,男\r\n"                                        /* 4: new, compound surname */
    ",Nguyễn Thị Minh Khai,Viet Nam,Ministry of Natural Resources and Environment,khai@example.vn,F\r\n" /* 5 */
    "สมชาย ใจดี,Somchai Jaidee,Thailand,Pollution Control Department,somchai@example.th,Male\r\n"         /* 6 */
    "ហ៊ុន សុខា,Hun Sokha,Cambodia,Ministry of Environment,sokha@example.kh,男\r\n"                          /* 7 */
    "ສົມພອນ ພົມມະວົງ,Somphone Phommavong,Lao PDR,MONRE,somphone@example.la,\r\n"                            /* 8 */
    "အောင်ဆန်း,Aung San,Myanmar,ECD,,\r\n"                                                                 /* 9 */
    ",Ahmad bin Ismail,Malaysia,NRES,ahmad@example.my,M\r\n"                                             /* 10 */
    "陈伟明,TAN Wei Ming,Singapore,NEA,weiming@example.sg,男\r\n"                                        /* 11 */
    ",Sukarno,Indonesia,KLHK,,\r\n"                                                                      /* 12 */
    ",María José Santos,Philippines,DENR,mjsantos@example.ph,女\r\n"                                     /* 13 */
    ",Nur Aisyah binti Abdullah,Brunei Darussalam,JASTRE,aisyah@example.bn,F\r\n"                        /* 14 */
    "王芳,,中国,广西壮族自治区生态环境厅,,女\r\n"                                                        /* 15: possible duplicate */
    "欧阳明,Ouyang Ming,中国,生态环境部,OUYANG@example.cn,男\r\n";                                       /* 16: repeats line 4 */

static void
test_roster (Fixture *f, gconstpointer data)
{
  g_autofree char *li = save (f, "李", "霞", NULL, NULL, "CN", "li.xia@example.cn");
  g_autofree char *wang = save (f, "王", "芳", "Wang", "Fang", "CN", "wang.fang@example.cn");
  g_autoptr (LiaisonPeopleImport) import = prepared (f, roster, "GB18030");
  LiaisonImportRow *r;

  /* The title above the header was seen for what it is. */
  g_assert_cmpuint (liaison_people_import_get_header_row (import), ==, 1);
  g_assert_cmpint (liaison_people_import_get_field (import, 0), ==, LIAISON_IMPORT_FIELD_NAME);
  g_assert_cmpint (liaison_people_import_get_field (import, 1), ==, LIAISON_IMPORT_FIELD_LATIN_NAME);
  g_assert_cmpint (liaison_people_import_get_field (import, 2), ==, LIAISON_IMPORT_FIELD_COUNTRY);
  g_assert_cmpint (liaison_people_import_get_field (import, 3), ==, LIAISON_IMPORT_FIELD_ORGANISATION);
  g_assert_cmpint (liaison_people_import_get_field (import, 4), ==, LIAISON_IMPORT_FIELD_EMAIL);
  g_assert_cmpint (liaison_people_import_get_field (import, 5), ==, LIAISON_IMPORT_FIELD_GENDER);
  g_assert_cmpuint (liaison_people_import_get_rows (import)->len, ==, 14);

  r = row_at (import, 0);
  g_assert_cmpuint (r->line, ==, 3);
  g_assert_cmpint (r->kind, ==, LIAISON_IMPORT_ROW_UPDATE);
  g_assert_cmpint (r->decision, ==, LIAISON_IMPORT_UPDATE);
  g_assert_cmpstr (r->match_id, ==, li);
  g_assert_cmpstr (r->match_name, ==, "李霞");

  r = row_at (import, 1);
  g_assert_cmpint (r->kind, ==, LIAISON_IMPORT_ROW_NEW);
  g_assert_cmpstr (liaison_participant_get_family_native (r->person), ==, "欧阳");
  g_assert_cmpstr (liaison_participant_get_given_native (r->person), ==, "明");
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_participant_get_organisation (r->person), LIAISON_LANGUAGE_ZH), ==, "生态环境部");
  g_assert_cmpint (liaison_participant_get_gender (r->person), ==, LIAISON_GENDER_MALE);

  r = row_at (import, 2);
  g_assert_cmpstr (liaison_participant_get_family_latin (r->person), ==, "Nguyễn");
  g_assert_cmpstr (liaison_participant_get_given_latin (r->person), ==, "Thị Minh Khai");
  g_assert_cmpint (liaison_participant_get_name_order (r->person), ==, LIAISON_NAME_ORDER_FAMILY_FIRST);
  g_assert_cmpstr (liaison_participant_get_country (r->person), ==, "VN");
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_participant_get_organisation (r->person), LIAISON_LANGUAGE_EN), ==,
                   "Ministry of Natural Resources and Environment");

  r = row_at (import, 3);
  g_assert_cmpstr (liaison_participant_get_given_native (r->person), ==, "สมชาย");
  g_assert_cmpstr (liaison_participant_get_family_native (r->person), ==, "ใจดี");
  g_assert_cmpstr (liaison_participant_get_given_latin (r->person), ==, "Somchai");
  g_assert_cmpint (liaison_participant_get_name_order (r->person), ==, LIAISON_NAME_ORDER_GIVEN_FIRST);

  r = row_at (import, 4);
  g_assert_cmpstr (liaison_participant_get_family_native (r->person), ==, "ហ៊ុន");
  g_assert_cmpint (liaison_participant_get_name_order (r->person), ==, LIAISON_NAME_ORDER_FAMILY_FIRST);

  r = row_at (import, 5);
  g_assert_cmpstr (liaison_participant_get_country (r->person), ==, "LA");
  g_assert_cmpstr (liaison_participant_get_given_native (r->person), ==, "ສົມພອນ");

  r = row_at (import, 6);
  g_assert_cmpint (liaison_participant_get_name_order (r->person), ==, LIAISON_NAME_ORDER_MONONYM);
  g_assert_null (liaison_participant_get_family_native (r->person));
  g_assert_cmpstr (liaison_participant_get_given_native (r->person), ==, "အောင်ဆန်း");
  g_assert_cmpstr (liaison_participant_get_given_latin (r->person), ==, "Aung San");

  r = row_at (import, 7);
  g_assert_cmpint (liaison_participant_get_name_order (r->person), ==, LIAISON_NAME_ORDER_MONONYM);
  g_assert_cmpstr (liaison_participant_get_given_latin (r->person), ==, "Ahmad bin Ismail");

  r = row_at (import, 8);
  /* The family name in capitals decides, whatever Singapore's usual order. */
  g_assert_cmpstr (liaison_participant_get_family_latin (r->person), ==, "TAN");
  g_assert_cmpstr (liaison_participant_get_given_latin (r->person), ==, "Wei Ming");
  g_assert_cmpstr (liaison_participant_get_family_native (r->person), ==, "陈");

  r = row_at (import, 9);
  g_assert_cmpint (liaison_participant_get_name_order (r->person), ==, LIAISON_NAME_ORDER_MONONYM);
  g_assert_cmpstr (liaison_participant_get_country (r->person), ==, "ID");

  r = row_at (import, 10);
  g_assert_cmpstr (liaison_participant_get_family_latin (r->person), ==, "Santos");
  g_assert_cmpstr (liaison_participant_get_given_latin (r->person), ==, "María José");

  r = row_at (import, 11);
  g_assert_cmpstr (liaison_participant_get_country (r->person), ==, "BN");
  g_assert_cmpint (liaison_participant_get_name_order (r->person), ==, LIAISON_NAME_ORDER_MONONYM);

  /* 王芳 is someone here, perhaps: a person decides. */
  r = row_at (import, 12);
  g_assert_cmpint (r->kind, ==, LIAISON_IMPORT_ROW_DUPLICATE);
  g_assert_cmpint (r->decision, ==, LIAISON_IMPORT_LEAVE_OUT);
  g_assert_cmpstr (r->match_id, ==, wang);
  g_assert_true (r->reasons & LIAISON_MATCH_SAME_NATIVE_NAME);

  /* The same person twice in the file, the second e-mail in capitals. */
  r = row_at (import, 13);
  g_assert_cmpint (r->kind, ==, LIAISON_IMPORT_ROW_DUPLICATE);
  g_assert_cmpuint (r->match_line, ==, 4);
  g_assert_null (r->match_id);

  g_assert_cmpuint (liaison_people_import_count (import, LIAISON_IMPORT_ROW_NEW), ==, 11);
  g_assert_cmpuint (liaison_people_import_count (import, LIAISON_IMPORT_ROW_UPDATE), ==, 1);
  g_assert_cmpuint (liaison_people_import_count (import, LIAISON_IMPORT_ROW_DUPLICATE), ==, 2);
}

static guint
count_journal (LiaisonStore *store, gint64 after)
{
  g_autoptr (GPtrArray) entries = liaison_store_list_journal (store, after, 1000000, NULL);

  return entries->len;
}

/* Nothing is written until apply; apply is one step, undone as one. */
static void
test_apply_and_undo (Fixture *f, gconstpointer data)
{
  g_autofree char *li = save (f, "李", "霞", NULL, NULL, "CN", "li.xia@example.cn");
  g_autofree char *wang = save (f, "王", "芳", "Wang", "Fang", "CN", "wang.fang@example.cn");
  guint            before = liaison_store_count_participants (f->store);
  gint64           mark = liaison_store_get_last_seq (f->store);
  g_autoptr (LiaisonPeopleImport) import = prepared (f, roster, "GB18030");
  LiaisonImportSummary summary;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonParticipant) updated = NULL;
  g_autoptr (LiaisonParticipant) still = NULL;

  g_assert_cmpuint (liaison_store_count_participants (f->store), ==, before);
  g_assert_cmpint (liaison_store_get_last_seq (f->store), ==, mark);

  /* The person says 王芳 is the same; 欧阳明's repeat stays out. */
  liaison_people_import_decide (import, 12, LIAISON_IMPORT_UPDATE);
  g_assert_true (liaison_people_import_apply (import, f->store, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 11);
  g_assert_cmpuint (summary.updated, ==, 2);
  g_assert_cmpuint (summary.left_out, ==, 1);
  g_assert_cmpint (summary.mark, ==, mark);
  g_assert_cmpuint (liaison_store_count_participants (f->store), ==, before + 11);

  /* An update fills in; the name a person has stays. */
  updated = liaison_store_get_participant (f->store, li, NULL);
  g_assert_cmpstr (liaison_participant_get_family_native (updated), ==, "李");
  g_assert_cmpstr (liaison_participant_get_family_latin (updated), ==, "LI");
  g_assert_cmpint (liaison_participant_get_gender (updated), ==, LIAISON_GENDER_FEMALE);
  still = liaison_store_get_participant (f->store, wang, NULL);
  g_assert_cmpstr (liaison_bilingual_get_text (liaison_participant_get_organisation (still), LIAISON_LANGUAGE_ZH), ==,
                   "广西壮族自治区生态环境厅");
  g_assert_cmpstr (liaison_participant_get_emails (still)[0], ==, "wang.fang@example.cn");

  /* Through the journal (so it syncs), and undone as one step. */
  g_assert_cmpuint (count_journal (f->store, mark), >=, 13);
  g_assert_true (liaison_store_undo (f->store, mark, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (liaison_store_count_participants (f->store), ==, before);
  g_clear_object (&updated);
  updated = liaison_store_get_participant (f->store, li, NULL);
  g_assert_null (liaison_participant_get_family_latin (updated));
  g_assert_cmpint (liaison_participant_get_gender (updated), ==, LIAISON_GENDER_UNSPECIFIED);
}

/* 10,000 rows, 3 of them bad: each named by line, column and reason; the
 * other 9,997 go in. */
static void
test_ten_thousand_three_bad (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new ("Family name,Given name,Country,E-mail,Organisation\n");
  g_autoptr (LiaisonPeopleImport) import = NULL;
  g_autoptr (GPtrArray) bad = g_ptr_array_new ();
  LiaisonImportSummary summary;
  g_autoptr (GError) error = NULL;
  g_autofree char *long_org = NULL;

  {
    GString *s = g_string_new (NULL);
    for (guint i = 0; i < 201; i++)
      g_string_append (s, "环");
    long_org = g_string_free (s, FALSE);
  }
  for (guint i = 0; i < 10000; i++)
    {
      if (i == 1234)
        g_string_append (csv, "Tran,Van An,Viet Nam,an@,MONRE\n");
      else if (i == 5000)
        g_string_append_printf (csv, "陈,伟,China,chen.wei@example.cn,%s\n", long_org);
      else if (i == 9998)
        g_string_append (csv, "Tan,Mei\x1bLing,Atlantis,mei@example.sg,NEA\n");
      else
        g_string_append_printf (csv, "Person%u,Given%u,Thailand,p%u@example.th,\"Department %u, Bangkok\"\n", i, i, i, i);
    }
  import = prepared (f, csv->str, "UTF-8");
  g_assert_cmpuint (liaison_people_import_get_rows (import)->len, ==, 10000);
  g_assert_cmpuint (liaison_people_import_count (import, LIAISON_IMPORT_ROW_BAD), ==, 3);
  for (guint i = 0; i < 10000; i++)
    if (row_at (import, i)->kind == LIAISON_IMPORT_ROW_BAD)
      g_ptr_array_add (bad, row_at (import, i));
  g_assert_cmpuint (bad->len, ==, 3);

  {
    LiaisonImportRow     *r = g_ptr_array_index (bad, 0);
    LiaisonImportProblem *p = g_ptr_array_index (r->problems, 0);

    g_assert_cmpuint (r->line, ==, 1236);
    g_assert_cmpstr (p->message, ==, "Line 1236, column D (E-mail): “an@” is not an e-mail address");
  }
  {
    LiaisonImportRow     *r = g_ptr_array_index (bad, 1);
    LiaisonImportProblem *p = g_ptr_array_index (r->problems, 0);

    g_assert_cmpuint (p->column, ==, 4);
    g_assert_cmpstr (p->message, ==, "Line 5002, column E (Organisation): The text is 201 characters long; at most 200 are allowed");
  }
  {
    LiaisonImportRow *r = g_ptr_array_index (bad, 2);

    /* Every problem of the row, not only the first. */
    g_assert_cmpuint (r->problems->len, ==, 2);
    g_assert_cmpstr (((LiaisonImportProblem *) g_ptr_array_index (r->problems, 0))->message, ==,
                     "Line 10000, column C (Country): “Atlantis” is not a country Liaison knows (use an ISO code such as MM)");
    g_assert_cmpstr (((LiaisonImportProblem *) g_ptr_array_index (r->problems, 1))->message, ==,
                     "Line 10000, column B (Given name): The text holds the control character U+001B");
  }

  g_assert_true (liaison_people_import_apply (import, f->store, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 9997);
  g_assert_cmpuint (summary.left_out, ==, 3);
  g_assert_cmpuint (liaison_store_count_participants (f->store), ==, 9997);
}

static void
test_header_only (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonTable) table = table_from ("姓名,Name,Country,E-mail,Organisation\r\n", "UTF-8");
  g_autoptr (LiaisonPeopleImport) import = liaison_people_import_new (table);
  g_autoptr (GError) error = NULL;

  g_assert_false (liaison_people_import_prepare (import, f->store, NULL, NULL, NULL, &error));
  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==,
                   "The file has a header row (line 1: 姓名, Name, Country, E-mail, …) but no rows of people under it");
}

static void
test_no_name_column (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonTable) table = table_from ("Who,E-mail\nLi Xia,li@example.cn\n", "UTF-8");
  g_autoptr (LiaisonPeopleImport) import = liaison_people_import_new (table);
  g_autoptr (GError) error = NULL;

  g_assert_cmpint (liaison_people_import_get_field (import, 0), ==, LIAISON_IMPORT_FIELD_IGNORE);
  g_assert_false (liaison_people_import_prepare (import, f->store, NULL, NULL, NULL, &error));
  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_MALFORMED);
  g_clear_error (&error);

  /* Mapped by hand (the CLI's --map, the window's drop-downs). */
  g_assert_true (liaison_people_import_set_mapping (import, "name,email", &error));
  g_assert_true (liaison_people_import_prepare (import, f->store, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (liaison_participant_get_family_latin (row_at (import, 0)->person), ==, "Xia");
  g_assert_false (liaison_people_import_set_mapping (import, "name", &error));
  g_assert_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_false (liaison_people_import_set_mapping (import, "name,shoe-size", &error));
  g_assert_nonnull (strstr (error->message, "shoe-size"));
}

/* With an event: registrations, roles and statuses from the file. */
static void
test_registrations (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autofree char *li = save (f, "李", "霞", NULL, NULL, "CN", "li.xia@example.cn");
  const char      *csv = "Name,E-mail,Role,Status,Delegation,Notes\n"
                         "李霞,li.xia@example.cn,发言人,已确认,CN,vegetarian\n"
                         "Somchai Jaidee,somchai@example.th,Moderator,invited,TH,\n"
                         "Hun Sokha,sokha@example.kh,,,,\n";
  g_autoptr (LiaisonTable) table = table_from (csv, "UTF-8");
  g_autoptr (LiaisonPeopleImport) import = liaison_people_import_new (table);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) registrations = NULL;
  LiaisonImportSummary summary;

  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, "Forum");
  g_assert_true (liaison_event_set_when (event, "2025-09-10", NULL, NULL, NULL));
  g_assert_true (liaison_store_save_event (f->store, event, LIAISON_ORIGIN_LOCAL, NULL));
  liaison_people_import_set_event (import, liaison_event_get_id (event), LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_REGISTERED);
  g_assert_true (liaison_people_import_prepare (import, f->store, NULL, NULL, NULL, &error));
  g_assert_true (liaison_people_import_apply (import, f->store, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.registered, ==, 3);

  registrations = liaison_store_list_registrations (f->store, liaison_event_get_id (event), NULL);
  g_assert_cmpuint (registrations->len, ==, 3);
  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);

      if (g_str_equal (liaison_registration_get_participant_id (r), li))
        {
          g_assert_cmpint (liaison_registration_get_role (r), ==, LIAISON_ROLE_SPEAKER);
          g_assert_cmpint (liaison_registration_get_status (r), ==, LIAISON_REGISTRATION_CONFIRMED);
          g_assert_cmpstr (liaison_registration_get_delegation (r), ==, "CN");
          g_assert_cmpstr (liaison_registration_get_notes (r), ==, "vegetarian");
        }
      else if (liaison_registration_get_role (r) == LIAISON_ROLE_MODERATOR)
        g_assert_cmpint (liaison_registration_get_status (r), ==, LIAISON_REGISTRATION_INVITED);
      else
        g_assert_cmpint (liaison_registration_get_status (r), ==, LIAISON_REGISTRATION_REGISTERED);
    }

  /* Again: nobody is registered twice. */
  g_assert_true (liaison_people_import_prepare (import, f->store, NULL, NULL, NULL, &error));
  g_assert_cmpuint (liaison_people_import_count (import, LIAISON_IMPORT_ROW_UPDATE), ==, 3);
  g_assert_true (liaison_people_import_apply (import, f->store, NULL, NULL, NULL, &summary, &error));
  g_assert_cmpuint (summary.already_registered, ==, 3);
  g_assert_cmpuint (summary.registered, ==, 0);
}

static void
on_progress (double fraction, gpointer data)
{
  if (fraction > 0.5)
    g_cancellable_cancel (data);
}

/* Cancelled halfway: nothing was written. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr (GString) csv = g_string_new ("Name,E-mail\n");
  g_autoptr (LiaisonPeopleImport) import = NULL;
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GError) error = NULL;
  gint64 mark = liaison_store_get_last_seq (f->store);

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "Person %u,p%u@example.org\n", i, i);
  import = prepared (f, csv->str, "UTF-8");
  g_assert_false (liaison_people_import_apply (import, f->store, on_progress, cancellable, cancellable, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (liaison_store_count_participants (f->store), ==, 0);
  g_assert_cmpint (liaison_store_get_last_seq (f->store), ==, mark);
}

/* The same headers map the same way: the key and mapping a window keeps. */
static void
test_mapping_key (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonTable) a = table_from ("姓名, E-mail ,Shoe size\nx,y,z\n", "UTF-8");
  g_autoptr (LiaisonTable) b = table_from ("姓名,e-mail,SHOE SIZE\nq,r,s\n", "UTF-8");
  g_autoptr (LiaisonPeopleImport) ia = liaison_people_import_new (a);
  g_autoptr (LiaisonPeopleImport) ib = liaison_people_import_new (b);
  g_autofree char *ka = liaison_people_import_dup_header_key (ia);
  g_autofree char *kb = liaison_people_import_dup_header_key (ib);
  g_autofree char *mapping = NULL;

  g_assert_cmpstr (ka, ==, kb);
  liaison_people_import_set_field (ia, 2, LIAISON_IMPORT_FIELD_NOTES);
  mapping = liaison_people_import_dup_mapping (ia);
  g_assert_cmpstr (mapping, ==, "name,email,notes");
  g_assert_true (liaison_people_import_set_mapping (ib, mapping, NULL));
  g_assert_cmpint (liaison_people_import_get_field (ib, 2), ==, LIAISON_IMPORT_FIELD_NOTES);
}

/* 姓名 and Name both in Latin letters: the same name with and without
 * diacritics is one name; two different names are a problem. */
static void
test_two_latin_names (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonPeopleImport) import = prepared (f,
                                                     "姓名,Name,Country\n"
                                                     "Nguyễn Thị Minh Khai,NGUYEN THI MINH KHAI,VN\n"
                                                     "Ahmad bin Ismail,Ahmad Ismail,MY\n",
                                                     "UTF-8");
  LiaisonImportRow *r = row_at (import, 0);

  g_assert_cmpint (r->kind, ==, LIAISON_IMPORT_ROW_NEW);
  g_assert_cmpstr (liaison_participant_get_family_latin (r->person), ==, "Nguyễn");
  r = row_at (import, 1);
  g_assert_cmpint (r->kind, ==, LIAISON_IMPORT_ROW_BAD);
  g_assert_cmpstr (((LiaisonImportProblem *) g_ptr_array_index (r->problems, 0))->message, ==,
                   "Line 3, column B (Name): a second, different name in the same script");
}

/* Liaison's own export, in Chinese headers: the parts in Latin script in
 * columns of their own (so 姓 is the own script's even when it is Latin,
 * as Vietnamese is), the name order in the view's words, consent beside
 * its date, and the text mark before a value that looks like a formula. */
static void
test_own_export (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonPeopleImport) import = prepared (f,
                                                     "编号,姓,名,姓（拉丁字母）,名（拉丁字母）,姓名顺序,国家代码,电话号码,同意数据处理,同意日期\n"
                                                     "x,Nguyễn,Thị Minh Khai,Nguyen,Thi Minh Khai,Family name first,VN,'+84 24 3795 6868,Yes,2025-03-14\n"
                                                     "y,,အောင်ကျော်မိုး,,Aung Kyaw Moe,One name only,MM,,No,\n",
                                                     "UTF-8");
  LiaisonImportRow *r = row_at (import, 0);

  g_assert_cmpint (liaison_people_import_get_field (import, 3), ==, LIAISON_IMPORT_FIELD_LATIN_FAMILY_NAME);
  g_assert_cmpint (liaison_people_import_get_field (import, 9), ==, LIAISON_IMPORT_FIELD_CONSENT);
  g_assert_cmpint (r->kind, ==, LIAISON_IMPORT_ROW_NEW);
  g_assert_cmpstr (liaison_participant_get_family_native (r->person), ==, "Nguyễn");
  g_assert_cmpstr (liaison_participant_get_given_native (r->person), ==, "Thị Minh Khai");
  g_assert_cmpstr (liaison_participant_get_family_latin (r->person), ==, "Nguyen");
  g_assert_cmpstr (liaison_participant_get_given_latin (r->person), ==, "Thi Minh Khai");
  g_assert_cmpint (liaison_participant_get_name_order (r->person), ==, LIAISON_NAME_ORDER_FAMILY_FIRST);
  g_assert_cmpstr (liaison_participant_get_phones (r->person)[0], ==, "+84 24 3795 6868");
  g_assert_true (liaison_participant_get_consent (r->person));
  g_assert_cmpstr (liaison_participant_get_consent_date (r->person), ==, "2025-03-14");
  r = row_at (import, 1);
  g_assert_cmpint (r->kind, ==, LIAISON_IMPORT_ROW_NEW);
  g_assert_cmpint (liaison_participant_get_name_order (r->person), ==, LIAISON_NAME_ORDER_MONONYM);
  g_assert_cmpstr (liaison_participant_get_given_latin (r->person), ==, "Aung Kyaw Moe");
  g_assert_false (liaison_participant_get_consent (r->person));
}

static void
test_split_names (void)
{
  struct
  {
    const char      *name, *country, *family, *given;
    LiaisonNameOrder order;
  } cases[] = {
    { "李霞", NULL, "李", "霞", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "司马相如", "CN", "司马", "相如", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "Nguyen Van An", "VN", "Nguyen", "Van An", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "NGUYEN, Van An", NULL, "NGUYEN", "Van An", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "Xia LI", "CN", "LI", "Xia", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "Somchai Jaidee", "TH", "Jaidee", "Somchai", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "Hun Sokha", "KH", "Hun", "Sokha", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "Aung San Suu Kyi", "MM", NULL, "Aung San Suu Kyi", LIAISON_NAME_ORDER_MONONYM },
    { "Sukarno", "ID", NULL, "Sukarno", LIAISON_NAME_ORDER_MONONYM },
    { "Siti Nurbaya Bakar", "ID", "Bakar", "Siti Nurbaya", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "Dato' Sri Ahmad bin Abdullah", "MY", NULL, "Dato' Sri Ahmad bin Abdullah", LIAISON_NAME_ORDER_MONONYM },
    { "Juan  dela Cruz", "PH", "Cruz", "Juan dela", LIAISON_NAME_ORDER_GIVEN_FIRST },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *family = NULL;
      g_autofree char *given = NULL;
      LiaisonNameOrder order;

      liaison_import_split_name (cases[i].name, cases[i].country, &family, &given, &order);
      g_test_message ("%s", cases[i].name);
      g_assert_cmpstr (family, ==, cases[i].family);
      g_assert_cmpstr (given, ==, cases[i].given);
      if (g_strcmp0 (cases[i].name, "NGUYEN, Van An") != 0)
        g_assert_cmpint (order, ==, cases[i].order);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/people-import/split-names", test_split_names);
  g_test_add ("/liaison/people-import/roster", Fixture, NULL, fixture_set_up, test_roster, fixture_tear_down);
  g_test_add ("/liaison/people-import/apply-and-undo", Fixture, NULL, fixture_set_up, test_apply_and_undo, fixture_tear_down);
  g_test_add ("/liaison/people-import/ten-thousand-three-bad", Fixture, NULL, fixture_set_up, test_ten_thousand_three_bad, fixture_tear_down);
  g_test_add ("/liaison/people-import/header-only", Fixture, NULL, fixture_set_up, test_header_only, fixture_tear_down);
  g_test_add ("/liaison/people-import/no-name-column", Fixture, NULL, fixture_set_up, test_no_name_column, fixture_tear_down);
  g_test_add ("/liaison/people-import/registrations", Fixture, NULL, fixture_set_up, test_registrations, fixture_tear_down);
  g_test_add ("/liaison/people-import/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/liaison/people-import/two-latin-names", Fixture, NULL, fixture_set_up, test_two_latin_names, fixture_tear_down);
  g_test_add ("/liaison/people-import/own-export", Fixture, NULL, fixture_set_up, test_own_export, fixture_tear_down);
  g_test_add ("/liaison/people-import/mapping-key", Fixture, NULL, fixture_set_up, test_mapping_key, fixture_tear_down);

  return g_test_run ();
}
