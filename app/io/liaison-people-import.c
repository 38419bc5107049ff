/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-people-import.h"
#include "liaison-search-key.h"

/* An import of people from a table (see liaison-people-import.h). */

#define HEADER_SEARCH_ROWS 10
#define REPORT_EVERY 256

struct _LiaisonPeopleImport
{
  GObject parent_instance;

  LiaisonTable       *table;
  guint               header_row;
  guint               n_columns;
  LiaisonImportField *fields;

  char                     *event_id;
  LiaisonRole               role;
  LiaisonRegistrationStatus status;

  GPtrArray *rows; /* LiaisonImportRow, after prepare */
};

G_DEFINE_FINAL_TYPE (LiaisonPeopleImport, liaison_people_import, G_TYPE_OBJECT)

static void
problem_free (LiaisonImportProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
row_free (LiaisonImportRow *row)
{
  g_clear_object (&row->person);
  g_free (row->match_id);
  g_free (row->match_name);
  g_ptr_array_unref (row->problems);
  g_free (row->delegation);
  g_free (row->notes);
  g_free (row);
}

static void
liaison_people_import_finalize (GObject *object)
{
  LiaisonPeopleImport *self = (LiaisonPeopleImport *) object;

  g_clear_pointer (&self->table, liaison_table_unref);
  g_clear_pointer (&self->fields, g_free);
  g_clear_pointer (&self->event_id, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_people_import_parent_class)->finalize (object);
}

static void
liaison_people_import_class_init (LiaisonPeopleImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_people_import_finalize;
}

static void
liaison_people_import_init (LiaisonPeopleImport *self)
{
  self->role = LIAISON_ROLE_DELEGATE;
  self->status = LIAISON_REGISTRATION_REGISTERED;
}

/* ------------------------------------------------------------------------ */
/* Columns                                                                   */

/* The header is the first of the first rows with the most known headers
 * (two at least): rosters often have a title row above it. */
static guint
find_header_row (LiaisonTable *table)
{
  guint best = 0, best_known = 1;

  for (guint r = 0; r < MIN (HEADER_SEARCH_ROWS, liaison_table_get_n_rows (table)); r++)
    {
      guint known = 0;

      for (guint c = 0; c < table->n_columns; c++)
        if (liaison_import_field_for_header (liaison_table_get_cell (table, r, c)) != LIAISON_IMPORT_FIELD_IGNORE)
          known++;
      if (known > best_known)
        best = r, best_known = known;
    }
  return best;
}

static void
map_known_headers (LiaisonPeopleImport *self)
{
  for (guint c = 0; c < self->n_columns; c++)
    {
      LiaisonImportField field = liaison_import_field_for_header (liaison_table_get_cell (self->table, self->header_row, c));
      gboolean           taken = FALSE;

      /* A field that takes one value is mapped once; a second column of
       * names (姓名 and Name) is fine: each value goes by its script. */
      if (!liaison_import_field_takes_several (field) && field != LIAISON_IMPORT_FIELD_NAME)
        for (guint d = 0; d < c; d++)
          if (self->fields[d] == field)
            taken = TRUE;
      self->fields[c] = taken ? LIAISON_IMPORT_FIELD_IGNORE : field;
    }
}

LiaisonPeopleImport *
liaison_people_import_new (LiaisonTable *table)
{
  LiaisonPeopleImport *self = g_object_new (LIAISON_TYPE_PEOPLE_IMPORT, NULL);

  self->table = liaison_table_ref (table);
  self->header_row = find_header_row (table);
  self->n_columns = table->n_columns;
  self->fields = g_new0 (LiaisonImportField, MAX (self->n_columns, 1));
  map_known_headers (self);
  return self;
}

LiaisonTable *
liaison_people_import_get_table (LiaisonPeopleImport *self)
{
  return self->table;
}

guint
liaison_people_import_get_header_row (LiaisonPeopleImport *self)
{
  return self->header_row;
}

guint
liaison_people_import_get_n_columns (LiaisonPeopleImport *self)
{
  return self->n_columns;
}

const char *
liaison_people_import_get_header (LiaisonPeopleImport *self,
                                  guint                column)
{
  const char *header = liaison_table_get_cell (self->table, self->header_row, column);

  return header != NULL ? header : "";
}

LiaisonImportField
liaison_people_import_get_field (LiaisonPeopleImport *self,
                                 guint                column)
{
  g_return_val_if_fail (column < self->n_columns, LIAISON_IMPORT_FIELD_IGNORE);
  return self->fields[column];
}

void
liaison_people_import_set_field (LiaisonPeopleImport *self,
                                 guint                column,
                                 LiaisonImportField   field)
{
  g_return_if_fail (column < self->n_columns && field < LIAISON_IMPORT_N_FIELDS);
  self->fields[column] = field;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
}

/* The headers, folded, as the key a mapping is remembered under: the same
 * form filled in again next year maps the same way. */
char *
liaison_people_import_dup_header_key (LiaisonPeopleImport *self)
{
  g_autoptr (GString) key = g_string_new (NULL);

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_autofree char *lower = g_utf8_strdown (liaison_people_import_get_header (self, c), -1);

      g_string_append_printf (key, "%s%s", c > 0 ? "\x1f" : "", g_strstrip (lower));
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* "name,email,ignore,…": a field nick per column. */
char *
liaison_people_import_dup_mapping (LiaisonPeopleImport *self)
{
  g_autoptr (GString) mapping = g_string_new (NULL);

  for (guint c = 0; c < self->n_columns; c++)
    g_string_append_printf (mapping, "%s%s", c > 0 ? "," : "", liaison_import_field_nick (self->fields[c]));
  return g_string_free (g_steal_pointer (&mapping), FALSE);
}

gboolean
liaison_people_import_set_mapping (LiaisonPeopleImport *self,
                                   const char          *mapping,
                                   GError             **error)
{
  g_auto (GStrv) nicks = g_strsplit (mapping, ",", -1);
  g_autofree LiaisonImportField *fields = g_new0 (LiaisonImportField, MAX (self->n_columns, 1));

  if (g_strv_length (nicks) != self->n_columns)
    {
      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_MALFORMED,
                   _ ("The mapping names %1$u columns; the file has %2$u"), g_strv_length (nicks), self->n_columns);
      return FALSE;
    }
  for (guint c = 0; c < self->n_columns; c++)
    if (!liaison_import_field_from_nick (g_strstrip (nicks[c]), &fields[c]))
      {
        g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_MALFORMED, _ ("“%s” is not a field Liaison imports"),
                     nicks[c]);
        return FALSE;
      }
  memcpy (self->fields, fields, self->n_columns * sizeof (LiaisonImportField));
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  return TRUE;
}

gboolean
liaison_people_import_has_name_column (LiaisonPeopleImport *self)
{
  for (guint c = 0; c < self->n_columns; c++)
    if (self->fields[c] >= LIAISON_IMPORT_FIELD_NAME && self->fields[c] <= LIAISON_IMPORT_FIELD_LATIN_GIVEN_NAME)
      return TRUE;
  return FALSE;
}

void
liaison_people_import_set_event (LiaisonPeopleImport      *self,
                                 const char               *event_id,
                                 LiaisonRole               role,
                                 LiaisonRegistrationStatus status)
{
  g_free (self->event_id);
  self->event_id = g_strdup (event_id);
  self->role = role;
  self->status = status;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
}

const char *
liaison_people_import_get_event (LiaisonPeopleImport *self)
{
  return self->event_id;
}

guint
liaison_people_import_get_n_data_rows (LiaisonPeopleImport *self)
{
  guint n = liaison_table_get_n_rows (self->table);

  return n > self->header_row ? n - self->header_row - 1 : 0;
}

/* ------------------------------------------------------------------------ */
/* Reading a row                                                             */

typedef struct
{
  char                     *native, *latin;
  char                     *native_family, *native_given, *latin_family, *latin_given;
  gboolean                  has_order;
  LiaisonNameOrder          order;
  gboolean                  latin_columns; /* parts in Latin script have their own columns */
  char                     *honorific;
  LiaisonGender             gender;
  char                     *org[2], *pos[2];
  LiaisonSector             sector;
  const char               *country;
  GPtrArray                *emails, *phones, *languages;
  gboolean                  consent;
  char                     *consent_date;
  LiaisonRole               role;
  LiaisonRegistrationStatus status;
  char                     *delegation;
  GString                  *notes;
  guint32                   provided; /* 1 << LiaisonImportField */
} Values;

G_STATIC_ASSERT (LIAISON_IMPORT_N_FIELDS <= 32);

static void
values_clear (Values *v)
{
  g_free (v->native);
  g_free (v->latin);
  g_free (v->native_family);
  g_free (v->native_given);
  g_free (v->latin_family);
  g_free (v->latin_given);
  g_free (v->honorific);
  for (guint i = 0; i < 2; i++)
    {
      g_free (v->org[i]);
      g_free (v->pos[i]);
    }
  g_ptr_array_unref (v->emails);
  g_ptr_array_unref (v->phones);
  g_ptr_array_unref (v->languages);
  g_free (v->consent_date);
  g_free (v->delegation);
  g_string_free (v->notes, TRUE);
}

static LiaisonTextKind
text_kind (LiaisonImportField field)
{
  switch (field)
    {
    case LIAISON_IMPORT_FIELD_NAME:
    case LIAISON_IMPORT_FIELD_FAMILY_NAME:
    case LIAISON_IMPORT_FIELD_GIVEN_NAME:
    case LIAISON_IMPORT_FIELD_NATIVE_NAME:
    case LIAISON_IMPORT_FIELD_LATIN_NAME:
    case LIAISON_IMPORT_FIELD_LATIN_FAMILY_NAME:
    case LIAISON_IMPORT_FIELD_LATIN_GIVEN_NAME:
      return LIAISON_TEXT_NAME;
    case LIAISON_IMPORT_FIELD_ORGANISATION:
    case LIAISON_IMPORT_FIELD_ORGANISATION_ZH:
    case LIAISON_IMPORT_FIELD_ORGANISATION_EN:
      return LIAISON_TEXT_ORGANISATION;
    case LIAISON_IMPORT_FIELD_POSITION:
    case LIAISON_IMPORT_FIELD_POSITION_ZH:
    case LIAISON_IMPORT_FIELD_POSITION_EN:
      return LIAISON_TEXT_POSITION;
    case LIAISON_IMPORT_FIELD_NOTES:
      return LIAISON_TEXT_NOTE;
    case LIAISON_IMPORT_FIELD_EMAIL:
    case LIAISON_IMPORT_FIELD_PHONE:
      /* Checked item by item once split. */
      return LIAISON_TEXT_NOTE;
    default:
      return LIAISON_TEXT_SHORT;
    }
}

static void
add_problem (GPtrArray           *problems,
             LiaisonPeopleImport *self,
             guint                line,
             guint                column,
             const char          *message)
{
  LiaisonImportProblem *p = g_new0 (LiaisonImportProblem, 1);

  p->line = line;
  p->column = column;
  if (column == G_MAXUINT)
    /* Translators: %1$u is a line number of the file, %2$s what is wrong */
    p->message = g_strdup_printf (_ ("Line %1$u: %2$s"), line, message);
  else
    {
      g_autofree char *name = liaison_table_column_name (column);
      const char      *header = liaison_people_import_get_header (self, column);

      if (*header != '\0')
        /* Translators: %1$u is a line number, %2$s a column (“C”), %3$s its header (“E-mail”), %4$s what is wrong */
        p->message = g_strdup_printf (_ ("Line %1$u, column %2$s (%3$s): %4$s"), line, name, header, message);
      else
        p->message = g_strdup_printf (_ ("Line %1$u, column %2$s: %3$s"), line, name, message);
    }
  g_ptr_array_add (problems, p);
}

static gboolean
is_han (const char *text)
{
  return g_unichar_get_script (g_utf8_get_char (text)) == G_UNICODE_SCRIPT_HAN;
}

/* Sets *slot once: a second, different value in another column is a
 * problem, not silently dropped. */
static gboolean
set_once (char      **slot,
          const char *value)
{
  if (*slot != NULL)
    return g_str_equal (*slot, value);
  *slot = g_strdup (value);
  return TRUE;
}

static gboolean
has_non_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return TRUE;
  return FALSE;
}

/* A name given twice (姓名 and Name both in Latin letters) is one name if
 * only case and diacritics differ: the one with diacritics is kept
 * ("Nguyễn Thị Minh Khai" over "NGUYEN THI MINH KHAI"). */
static gboolean
set_name_once (char      **slot,
               const char *value)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (*slot == NULL || g_str_equal (*slot, value))
    return set_once (slot, value);
  a = liaison_search_fold (*slot);
  b = liaison_search_fold (value);
  if (g_strcmp0 (a, b) != 0)
    return FALSE;
  if (has_non_ascii (value) && !has_non_ascii (*slot))
    {
      g_free (*slot);
      *slot = g_strdup (value);
    }
  return TRUE;
}

static void
add_unique (GPtrArray  *list,
            const char *value)
{
  for (guint i = 0; i < list->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (list, i), value) == 0)
      return;
  g_ptr_array_add (list, g_strdup (value));
}

static void
read_cell (LiaisonPeopleImport *self,
           Values              *v,
           LiaisonImportField   field,
           const char          *value,
           guint                line,
           guint                column,
           GPtrArray           *problems)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean         latin = liaison_import_is_latin (value);

  if (!liaison_text_check (value, text_kind (field), &error))
    {
      add_problem (problems, self, line, column, error->message);
      return;
    }
  v->provided |= 1u << field;
  switch (field)
    {
    case LIAISON_IMPORT_FIELD_IGNORE:
    case LIAISON_IMPORT_N_FIELDS:
      break;
    case LIAISON_IMPORT_FIELD_NAME:
      if (!set_name_once (latin ? &v->latin : &v->native, value))
        message = g_strdup (_ ("a second, different name in the same script"));
      break;
    case LIAISON_IMPORT_FIELD_NATIVE_NAME:
      if (!set_name_once (&v->native, value))
        message = g_strdup (_ ("a second, different name in the same script"));
      break;
    case LIAISON_IMPORT_FIELD_LATIN_NAME:
      if (!latin)
        message = g_strdup_printf (_ ("“%s” is not in Latin script"), value);
      else if (!set_name_once (&v->latin, value))
        message = g_strdup (_ ("a second, different name in the same script"));
      break;
    case LIAISON_IMPORT_FIELD_FAMILY_NAME:
      set_once (latin && !v->latin_columns ? &v->latin_family : &v->native_family, value);
      break;
    case LIAISON_IMPORT_FIELD_GIVEN_NAME:
      set_once (latin && !v->latin_columns ? &v->latin_given : &v->native_given, value);
      break;
    case LIAISON_IMPORT_FIELD_LATIN_FAMILY_NAME:
    case LIAISON_IMPORT_FIELD_LATIN_GIVEN_NAME:
      if (!latin)
        message = g_strdup_printf (_ ("“%s” is not in Latin script"), value);
      else
        set_once (field == LIAISON_IMPORT_FIELD_LATIN_FAMILY_NAME ? &v->latin_family : &v->latin_given, value);
      break;
    case LIAISON_IMPORT_FIELD_NAME_ORDER:
      if (!(v->has_order = liaison_import_parse_name_order (value, &v->order)))
        message = g_strdup_printf (_ ("“%s” is not a name order (family-first, given-first or mononym)"), value);
      break;
    case LIAISON_IMPORT_FIELD_HONORIFIC:
      set_once (&v->honorific, value);
      break;
    case LIAISON_IMPORT_FIELD_GENDER:
      if (!liaison_import_parse_gender (value, &v->gender))
        message = g_strdup_printf (_ ("“%s” is not a gender Liaison knows (female, male, other)"), value);
      break;
    case LIAISON_IMPORT_FIELD_ORGANISATION:
      set_once (&v->org[is_han (value) ? LIAISON_LANGUAGE_ZH : LIAISON_LANGUAGE_EN], value);
      break;
    case LIAISON_IMPORT_FIELD_ORGANISATION_ZH:
      set_once (&v->org[LIAISON_LANGUAGE_ZH], value);
      break;
    case LIAISON_IMPORT_FIELD_ORGANISATION_EN:
      set_once (&v->org[LIAISON_LANGUAGE_EN], value);
      break;
    case LIAISON_IMPORT_FIELD_POSITION:
      set_once (&v->pos[is_han (value) ? LIAISON_LANGUAGE_ZH : LIAISON_LANGUAGE_EN], value);
      break;
    case LIAISON_IMPORT_FIELD_POSITION_ZH:
      set_once (&v->pos[LIAISON_LANGUAGE_ZH], value);
      break;
    case LIAISON_IMPORT_FIELD_POSITION_EN:
      set_once (&v->pos[LIAISON_LANGUAGE_EN], value);
      break;
    case LIAISON_IMPORT_FIELD_SECTOR:
      if (!liaison_import_parse_sector (value, &v->sector))
        message = g_strdup_printf (_ ("“%s” is not a sector Liaison knows (government, academia, youth, NGO, …)"), value);
      break;
    case LIAISON_IMPORT_FIELD_COUNTRY:
      if ((v->country = liaison_import_parse_country (value)) == NULL)
        message = g_strdup_printf (_ ("“%s” is not a country Liaison knows (use an ISO code such as MM)"), value);
      break;
    case LIAISON_IMPORT_FIELD_DELEGATION:
      if ((v->delegation = g_strdup (liaison_import_parse_country (value))) == NULL)
        message = g_strdup_printf (_ ("“%s” is not a country Liaison knows (use an ISO code such as MM)"), value);
      break;
    case LIAISON_IMPORT_FIELD_EMAIL:
    case LIAISON_IMPORT_FIELD_PHONE:
    case LIAISON_IMPORT_FIELD_LANGUAGES:
      {
        gboolean phone = field == LIAISON_IMPORT_FIELD_PHONE;
        g_auto (GStrv) items = liaison_import_split_list (value, phone);

        for (guint i = 0; items[i] != NULL && message == NULL; i++)
          {
            g_autoptr (GError) item_error = NULL;

            if (!liaison_text_check (items[i], phone ? LIAISON_TEXT_PHONE : field == LIAISON_IMPORT_FIELD_EMAIL ? LIAISON_TEXT_EMAIL
                                                                                                                : LIAISON_TEXT_SHORT,
                                     &item_error))
              message = g_strdup (item_error->message);
            else if (field == LIAISON_IMPORT_FIELD_EMAIL && !liaison_import_looks_like_email (items[i]))
              message = g_strdup_printf (_ ("“%s” is not an e-mail address"), items[i]);
            else
              add_unique (phone ? v->phones : field == LIAISON_IMPORT_FIELD_EMAIL ? v->emails
                                                                                  : v->languages,
                          items[i]);
          }
      }
      break;
    case LIAISON_IMPORT_FIELD_CONSENT:
      {
        /* One column, or "Consent" (yes/no) beside "Consent date". */
        gboolean         consent;
        g_autofree char *date = NULL;

        if (!liaison_import_parse_consent (value, &consent, &date))
          message = g_strdup_printf (_ ("“%s” is neither yes, no nor a date such as 2025-03-14"), value);
        else if (date != NULL)
          {
            v->consent = TRUE;
            g_free (v->consent_date);
            v->consent_date = g_steal_pointer (&date);
          }
        else if (!(v->consent = consent))
          g_clear_pointer (&v->consent_date, g_free);
      }
      break;
    case LIAISON_IMPORT_FIELD_ROLE:
      if (!liaison_import_parse_role (value, &v->role))
        message = g_strdup_printf (_ ("“%s” is not a role Liaison knows (delegate, speaker, moderator, …)"), value);
      break;
    case LIAISON_IMPORT_FIELD_STATUS:
      if (!liaison_import_parse_status (value, &v->status))
        message = g_strdup_printf (_ ("“%s” is not a registration status Liaison knows (invited, registered, confirmed, …)"), value);
      break;
    case LIAISON_IMPORT_FIELD_NOTES:
      g_string_append_printf (v->notes, "%s%s", v->notes->len > 0 ? "\n" : "", value);
      break;
    }
  if (message != NULL)
    {
      v->provided &= ~(1u << field);
      add_problem (problems, self, line, column, message);
    }
}

/* A cell as a person meant it: no spaces around it, composed characters
 * (Vietnamese from Windows-1258 arrives decomposed). */
static char *
clean_cell (const char *cell)
{
  g_autofree char *trimmed = NULL;

  if (cell == NULL)
    return NULL;
  /* A spreadsheet's text mark before what would be a formula, as
   * Liaison's own export writes it ('=…, '+84 …): the value is what
   * follows. */
  if (cell[0] == '\'' && strchr ("=+-@\t\r", cell[1]) != NULL && cell[1] != '\0')
    cell++;
  trimmed = g_strstrip (g_strdup (cell));
  if (*trimmed == '\0')
    return NULL;
  for (const char *p = trimmed; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);
  return g_steal_pointer (&trimmed);
}

/* Names: whole names split, parts used as they are; the order from a
 * column, else from how the name was split, else the country's. */
static void
settle_names (Values *v)
{
  LiaisonNameOrder split_order = LIAISON_NAME_ORDER_GIVEN_FIRST;
  gboolean         split = FALSE;

  if (v->native != NULL && v->native_family == NULL && v->native_given == NULL)
    {
      liaison_import_split_name (v->native, v->country, &v->native_family, &v->native_given, &split_order);
      split = TRUE;
    }
  if (v->latin != NULL && v->latin_family == NULL && v->latin_given == NULL)
    {
      LiaisonNameOrder latin_order;

      liaison_import_split_name (v->latin, v->country, &v->latin_family, &v->latin_given, &latin_order);
      if (!split)
        split_order = latin_order;
      split = TRUE;
    }
  if (!v->has_order)
    {
      if (split)
        v->order = split_order;
      else
        v->order = liaison_import_usual_order (v->country, v->native_family != NULL ? v->native_family : v->native_given);
    }
  /* A mononym has only a given name. */
  if (v->order == LIAISON_NAME_ORDER_MONONYM)
    {
      if (v->native_family != NULL && v->native_given == NULL)
        v->native_given = g_steal_pointer (&v->native_family);
      if (v->latin_family != NULL && v->latin_given == NULL)
        v->latin_given = g_steal_pointer (&v->latin_family);
    }
}

static LiaisonParticipant *
read_row (LiaisonPeopleImport *self,
          guint                data_row,
          LiaisonImportRow    *row,
          GPtrArray           *problems)
{
  guint               table_row = self->header_row + 1 + data_row;
  guint               line = liaison_table_get_line (self->table, table_row);
  Values              v = { 0 };
  LiaisonParticipant *p;
  g_autoptr (GError) error = NULL;

  v.sector = LIAISON_SECTOR_OTHER;
  v.role = self->role;
  v.status = self->status;
  v.emails = g_ptr_array_new_with_free_func (g_free);
  v.phones = g_ptr_array_new_with_free_func (g_free);
  v.languages = g_ptr_array_new_with_free_func (g_free);
  v.notes = g_string_new (NULL);
  for (guint c = 0; c < self->n_columns; c++)
    if (self->fields[c] == LIAISON_IMPORT_FIELD_LATIN_FAMILY_NAME || self->fields[c] == LIAISON_IMPORT_FIELD_LATIN_GIVEN_NAME)
      v.latin_columns = TRUE;

  /* The country first: names are split by its rules. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint c = 0; c < self->n_columns; c++)
      {
        LiaisonImportField field = self->fields[c];
        g_autofree char   *value = NULL;

        if (field == LIAISON_IMPORT_FIELD_IGNORE || (pass == 0) != (field == LIAISON_IMPORT_FIELD_COUNTRY))
          continue;
        if (liaison_import_field_is_registration (field) && self->event_id == NULL)
          continue;
        value = clean_cell (liaison_table_get_cell (self->table, table_row, c));
        if (value != NULL)
          read_cell (self, &v, field, value, line, c, problems);
      }
  settle_names (&v);

  p = liaison_participant_new (NULL);
  liaison_participant_set_native_name (p, v.native_family, v.native_given);
  liaison_participant_set_latin_name (p, v.latin_family, v.latin_given);
  liaison_participant_set_name_order (p, v.order);
  liaison_participant_set_honorific (p, v.honorific);
  liaison_participant_set_gender (p, v.gender);
  liaison_participant_set_sector (p, v.sector);
  liaison_participant_set_country (p, v.country);
  for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
    {
      liaison_bilingual_set_text (liaison_participant_get_organisation (p), l, v.org[l]);
      liaison_bilingual_set_text (liaison_participant_get_position (p), l, v.pos[l]);
    }
  g_ptr_array_add (v.emails, NULL);
  g_ptr_array_add (v.phones, NULL);
  g_ptr_array_add (v.languages, NULL);
  liaison_participant_set_emails (p, (const char *const *) v.emails->pdata);
  liaison_participant_set_phones (p, (const char *const *) v.phones->pdata);
  liaison_participant_set_languages (p, (const char *const *) v.languages->pdata);
  liaison_participant_set_consent (p, v.consent, v.consent_date);

  if (problems->len == 0 && !liaison_participant_validate (p, &error))
    add_problem (problems, self, line, G_MAXUINT, error->message);
  if (row != NULL)
    {
      row->line = line;
      row->role = v.role;
      row->status = v.status;
      row->delegation = g_steal_pointer (&v.delegation);
      row->notes = v.notes->len > 0 ? g_strdup (v.notes->str) : NULL;
      row->provided = v.provided;
    }
  values_clear (&v);
  return p;
}

/* A row as it will be read, with what is wrong with it: the preview. */
LiaisonParticipant *
liaison_people_import_read_row (LiaisonPeopleImport *self,
                                guint                data_row,
                                GPtrArray          **problems)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  LiaisonParticipant *p;

  g_return_val_if_fail (data_row < liaison_people_import_get_n_data_rows (self), NULL);
  p = read_row (self, data_row, NULL, found);
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return p;
}

/* ------------------------------------------------------------------------ */
/* Prepare: read and match every row                                         */

typedef struct
{
  LiaisonProgressFunc func;
  gpointer            data;
  double              from, span;
} Stage;

static void
stage_progress (double   fraction,
                gpointer data)
{
  Stage *s = data;

  if (s->func != NULL)
    s->func (s->from + s->span * fraction, s->data);
}

gboolean
liaison_people_import_prepare (LiaisonPeopleImport *self,
                               LiaisonStore        *store,
                               LiaisonProgressFunc  progress,
                               gpointer             progress_data,
                               GCancellable        *cancellable,
                               GError             **error)
{
  g_autoptr (LiaisonPersonMatcher) matcher = liaison_person_matcher_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  g_autoptr (GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = liaison_people_import_get_n_data_rows (self);
  Stage load = { progress, progress_data, 0.0, 0.3 };

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  if (n == 0)
    {
      g_autoptr (GString) header = g_string_new (NULL);

      for (guint c = 0; c < MIN (self->n_columns, 4); c++)
        g_string_append_printf (header, "%s%s", c > 0 ? C_ ("list", ", ") : "", liaison_people_import_get_header (self, c));
      if (self->n_columns > 4)
        g_string_append (header, C_ ("list", ", …"));
      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_EMPTY,
                   /* Translators: %1$u is a line number, %2$s the headers found there (“姓名, Name, Country”) */
                   _ ("The file has a header row (line %1$u: %2$s) but no rows of people under it"),
                   liaison_table_get_line (self->table, self->header_row), header->str);
      return FALSE;
    }
  if (!liaison_people_import_has_name_column (self))
    {
      g_set_error_literal (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_MALFORMED,
                           _ ("No column is read as names: choose the column (or columns) that hold the names"));
      return FALSE;
    }
  if (!liaison_person_matcher_load (matcher, store, stage_progress, &load, cancellable, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      LiaisonImportRow *row = g_new0 (LiaisonImportRow, 1);
      g_autoptr (GPtrArray) matches = NULL;

      row->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
      row->person = read_row (self, i, row, row->problems);
      g_ptr_array_add (rows, row);
      if ((i % REPORT_EVERY) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL)
            progress (0.3 + 0.7 * i / MAX (n, 1), progress_data);
        }
      if (row->problems->len > 0)
        {
          row->kind = LIAISON_IMPORT_ROW_BAD;
          row->decision = LIAISON_IMPORT_LEAVE_OUT;
          continue;
        }

      matches = liaison_person_matcher_match (matcher, row->person, 1);
      if (matches->len == 0)
        {
          row->kind = LIAISON_IMPORT_ROW_NEW;
          row->decision = LIAISON_IMPORT_ADD;
        }
      else
        {
          LiaisonPersonMatch *best = g_ptr_array_index (matches, 0);
          guint               earlier = GPOINTER_TO_UINT (g_hash_table_lookup (lines, best->participant_id));

          row->score = best->score;
          row->reasons = best->reasons;
          if (earlier > 0)
            {
              /* The same person twice in the file. */
              row->match_line = earlier;
              row->kind = LIAISON_IMPORT_ROW_DUPLICATE;
              row->decision = LIAISON_IMPORT_LEAVE_OUT;
            }
          else
            {
              row->match_id = g_strdup (best->participant_id);
              row->match_name = g_strdup (best->name);
              row->kind = best->score >= LIAISON_MATCH_CERTAIN ? LIAISON_IMPORT_ROW_UPDATE : LIAISON_IMPORT_ROW_DUPLICATE;
              row->decision = row->kind == LIAISON_IMPORT_ROW_UPDATE ? LIAISON_IMPORT_UPDATE : LIAISON_IMPORT_LEAVE_OUT;
            }
        }
      liaison_person_matcher_add (matcher, row->person);
      g_hash_table_insert (lines, g_strdup (liaison_participant_get_id (row->person)), GUINT_TO_POINTER (row->line));
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  self->rows = g_steal_pointer (&rows);
  return TRUE;
}

GPtrArray *
liaison_people_import_get_rows (LiaisonPeopleImport *self)
{
  return self->rows;
}

guint
liaison_people_import_count (LiaisonPeopleImport *self,
                             LiaisonImportRowKind kind)
{
  guint n = 0;

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    n += ((LiaisonImportRow *) g_ptr_array_index (self->rows, i))->kind == kind;
  return n;
}

guint
liaison_people_import_count_decided (LiaisonPeopleImport  *self,
                                     LiaisonImportDecision decision)
{
  guint n = 0;

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    n += ((LiaisonImportRow *) g_ptr_array_index (self->rows, i))->decision == decision;
  return n;
}

/* A bad row stays out; only a matched row can update. */
void
liaison_people_import_decide (LiaisonPeopleImport  *self,
                              guint                 row_index,
                              LiaisonImportDecision decision)
{
  LiaisonImportRow *row;

  g_return_if_fail (self->rows != NULL && row_index < self->rows->len);
  row = g_ptr_array_index (self->rows, row_index);
  if (row->kind == LIAISON_IMPORT_ROW_BAD)
    return;
  if (decision == LIAISON_IMPORT_UPDATE && row->match_id == NULL)
    return;
  row->decision = decision;
}

void
liaison_people_import_decide_kind (LiaisonPeopleImport  *self,
                                   LiaisonImportRowKind  kind,
                                   LiaisonImportDecision decision)
{
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    if (((LiaisonImportRow *) g_ptr_array_index (self->rows, i))->kind == kind)
      liaison_people_import_decide (self, i, decision);
}

/* ------------------------------------------------------------------------ */
/* Apply                                                                     */

static void
add_missing (LiaisonParticipant *p,
             const char *const  *incoming,
             const char *const *(*get) (LiaisonParticipant *),
             void (*set) (LiaisonParticipant *, const char *const *))
{
  g_autoptr (GPtrArray) merged = g_ptr_array_new ();
  const char *const *existing = get (p);

  for (guint i = 0; existing != NULL && existing[i] != NULL; i++)
    g_ptr_array_add (merged, (gpointer) existing[i]);
  for (guint i = 0; incoming != NULL && incoming[i] != NULL; i++)
    {
      gboolean have = FALSE;

      for (guint j = 0; j < merged->len && !have; j++)
        have = g_ascii_strcasecmp (g_ptr_array_index (merged, j), incoming[i]) == 0;
      if (!have)
        g_ptr_array_add (merged, (gpointer) incoming[i]);
    }
  g_ptr_array_add (merged, NULL);
  {
    /* set copies before the old list is freed. */
    g_auto (GStrv) copy = g_strdupv ((char **) merged->pdata);
    set (p, (const char *const *) copy);
  }
}

/* An update fills in what the record lacks and takes the file's
 * organisation, position, country, gender, sector, honorific and consent;
 * the names a person already has stay (a roster writes "Nguyen" for
 * "Nguyễn"); e-mails, phones and languages are added. */
static void
merge_into (LiaisonParticipant *existing,
            LiaisonImportRow   *row)
{
  LiaisonParticipant *in = row->person;
  guint32             has = row->provided;

  if (liaison_participant_get_family_native (existing) == NULL && liaison_participant_get_given_native (existing) == NULL)
    liaison_participant_set_native_name (existing, liaison_participant_get_family_native (in), liaison_participant_get_given_native (in));
  if (liaison_participant_get_family_latin (existing) == NULL && liaison_participant_get_given_latin (existing) == NULL)
    liaison_participant_set_latin_name (existing, liaison_participant_get_family_latin (in), liaison_participant_get_given_latin (in));
  if (has & (1u << LIAISON_IMPORT_FIELD_NAME_ORDER))
    liaison_participant_set_name_order (existing, liaison_participant_get_name_order (in));
  if (has & (1u << LIAISON_IMPORT_FIELD_HONORIFIC))
    liaison_participant_set_honorific (existing, liaison_participant_get_honorific (in));
  if (has & (1u << LIAISON_IMPORT_FIELD_GENDER))
    liaison_participant_set_gender (existing, liaison_participant_get_gender (in));
  if (has & (1u << LIAISON_IMPORT_FIELD_SECTOR))
    liaison_participant_set_sector (existing, liaison_participant_get_sector (in));
  if (has & (1u << LIAISON_IMPORT_FIELD_COUNTRY))
    liaison_participant_set_country (existing, liaison_participant_get_country (in));
  if (has & (1u << LIAISON_IMPORT_FIELD_CONSENT))
    liaison_participant_set_consent (existing, liaison_participant_get_consent (in), liaison_participant_get_consent_date (in));
  for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
    {
      const char *org = liaison_bilingual_get_text (liaison_participant_get_organisation (in), l);
      const char *pos = liaison_bilingual_get_text (liaison_participant_get_position (in), l);

      if (org != NULL)
        liaison_bilingual_set_text (liaison_participant_get_organisation (existing), l, org);
      if (pos != NULL)
        liaison_bilingual_set_text (liaison_participant_get_position (existing), l, pos);
    }
  add_missing (existing, liaison_participant_get_emails (in), liaison_participant_get_emails, liaison_participant_set_emails);
  add_missing (existing, liaison_participant_get_phones (in), liaison_participant_get_phones, liaison_participant_set_phones);
  add_missing (existing, liaison_participant_get_languages (in), liaison_participant_get_languages,
               liaison_participant_set_languages);
}

static gboolean
line_error (GError **error,
            guint    line,
            GError  *cause)
{
  g_set_error (error, cause->domain, cause->code, _ ("Line %1$u: %2$s"), line, cause->message);
  return FALSE;
}

static gboolean
apply_row (LiaisonPeopleImport  *self,
           LiaisonStore         *store,
           LiaisonImportRow     *row,
           GHashTable           *registered,
           LiaisonImportSummary *summary,
           GError              **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (LiaisonParticipant) existing = NULL;
  g_autoptr (LiaisonRegistration) registration = NULL;
  const char *pid;

  switch (row->decision)
    {
    case LIAISON_IMPORT_LEAVE_OUT:
      summary->left_out++;
      return TRUE;
    case LIAISON_IMPORT_ADD:
      if (!liaison_store_save_participant (store, row->person, LIAISON_ORIGIN_LOCAL, &local_error))
        return line_error (error, row->line, local_error);
      pid = liaison_participant_get_id (row->person);
      summary->added++;
      break;
    case LIAISON_IMPORT_UPDATE:
    default:
      existing = liaison_store_get_participant (store, row->match_id, &local_error);
      if (existing == NULL)
        return line_error (error, row->line, local_error);
      merge_into (existing, row);
      if (!liaison_store_save_participant (store, existing, LIAISON_ORIGIN_LOCAL, &local_error))
        return line_error (error, row->line, local_error);
      pid = row->match_id;
      summary->updated++;
      break;
    }

  if (self->event_id == NULL)
    return TRUE;
  if (g_hash_table_contains (registered, pid))
    {
      summary->already_registered++;
      return TRUE;
    }
  registration = liaison_store_register (store, self->event_id, pid, row->role, row->status, LIAISON_ORIGIN_LOCAL, &local_error);
  if (registration == NULL)
    return line_error (error, row->line, local_error);
  g_hash_table_add (registered, g_strdup (pid));
  if (row->delegation != NULL || row->notes != NULL)
    {
      liaison_registration_set_delegation (registration, row->delegation);
      liaison_registration_set_notes (registration, row->notes);
      if (!liaison_store_update_registration (store, registration, LIAISON_ORIGIN_LOCAL, &local_error))
        return line_error (error, row->line, local_error);
    }
  summary->registered++;
  return TRUE;
}

gboolean
liaison_people_import_apply (LiaisonPeopleImport  *self,
                             LiaisonStore         *store,
                             LiaisonProgressFunc   progress,
                             gpointer              progress_data,
                             GCancellable         *cancellable,
                             LiaisonImportSummary *summary,
                             GError              **error)
{
  g_autoptr (GHashTable) registered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  LiaisonImportSummary result = { 0 };
  g_autoptr (GError) local_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (self->rows != NULL, FALSE);

  result.mark = liaison_store_get_last_seq (store);
  if (self->event_id != NULL)
    {
      g_autoptr (GPtrArray) existing = liaison_store_list_registrations (store, self->event_id, error);

      if (existing == NULL)
        return FALSE;
      for (guint i = 0; i < existing->len; i++)
        g_hash_table_add (registered, g_strdup (liaison_registration_get_participant_id (g_ptr_array_index (existing, i))));
    }

  if (!liaison_store_begin_bulk (store, error))
    return FALSE;
  for (guint i = 0; i < self->rows->len && ok; i++)
    {
      if ((i % REPORT_EVERY) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, &local_error))
            {
              ok = FALSE;
              break;
            }
          if (progress != NULL)
            progress ((double) i / self->rows->len, progress_data);
        }
      ok = apply_row (self, store, g_ptr_array_index (self->rows, i), registered, &result, &local_error);
    }
  if (!ok)
    {
      /* All or nothing. */
      liaison_store_end_bulk (store, FALSE, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!liaison_store_end_bulk (store, TRUE, error))
    return FALSE;
  if (progress != NULL)
    progress (1.0, progress_data);
  if (summary != NULL)
    *summary = result;
  return TRUE;
}
