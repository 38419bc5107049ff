/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "liaison-document-text.h"
#include "liaison-export-table.h"
#include "liaison-io-error.h"

/* The columns of each kind, in the order an export writes them. Headers
 * are data in both languages (the person picks the document's), not
 * messages of the interface. */

#define T LIAISON_EXPORT_CELL_TEXT
#define N LIAISON_EXPORT_CELL_NUMBER
#define D LIAISON_EXPORT_CELL_DATE
#define DT LIAISON_EXPORT_CELL_DATE_TIME

static const LiaisonExportColumn participant_columns[] = {
  { "id", "ID", "编号", T, 38, TRUE },
  { "honorific", "Honorific", "尊称", T, 10, TRUE },
  { "family_name", "Family name", "姓", T, 14, TRUE },
  { "given_name", "Given name", "名", T, 16, TRUE },
  { "family_name_latin", "Family name (Latin)", "姓（拉丁字母）", T, 16, TRUE },
  { "given_name_latin", "Given name (Latin)", "名（拉丁字母）", T, 18, TRUE },
  { "name", "Name", "姓名", T, 20, FALSE },
  { "name_latin", "Name (Latin)", "姓名（拉丁字母）", T, 24, FALSE },
  { "name_order", "Name order", "姓名顺序", T, 16, TRUE },
  { "gender", "Gender", "性别", T, 10, TRUE },
  { "organisation_zh", "Organisation (Chinese)", "所在机构（中文）", T, 30, TRUE },
  { "organisation_en", "Organisation (English)", "所在机构（英文）", T, 30, TRUE },
  { "position_zh", "Position (Chinese)", "职务（中文）", T, 20, TRUE },
  { "position_en", "Position (English)", "职务（英文）", T, 20, TRUE },
  { "sector", "Sector", "领域", T, 16, TRUE },
  { "country", "Country code", "国家代码", T, 8, TRUE },
  { "country_name", "Country", "国家", T, 14, FALSE },
  { "email", "E-mail", "电子邮箱", T, 28, TRUE },
  { "phone", "Phone", "电话号码", T, 18, TRUE },
  { "languages", "Languages", "语言", T, 10, FALSE },
  { "consent", "Consent to data processing", "同意数据处理", T, 10, TRUE },
  { "consent_date", "Consent date", "同意日期", D, 12, TRUE },
};

static const LiaisonExportColumn registration_columns[] = {
  { "event_id", "Event ID", "活动编号", T, 38, FALSE },
  { "event_title_zh", "Event (Chinese)", "活动（中文）", T, 30, TRUE },
  { "event_title_en", "Event (English)", "活动（英文）", T, 30, TRUE },
  { "event_start", "Event start", "活动开始", DT, 17, TRUE },
  { "registration_id", "Registration ID", "报名编号", T, 38, FALSE },
  { "code", "Registration code", "报名码", T, 10, TRUE },
  { "participant_id", "Participant ID", "参会人员编号", T, 38, TRUE },
  { "honorific", "Honorific", "尊称", T, 10, FALSE },
  { "family_name", "Family name", "姓", T, 14, FALSE },
  { "given_name", "Given name", "名", T, 16, FALSE },
  { "family_name_latin", "Family name (Latin)", "姓（拉丁字母）", T, 16, FALSE },
  { "given_name_latin", "Given name (Latin)", "名（拉丁字母）", T, 18, FALSE },
  { "name", "Name", "姓名", T, 20, TRUE },
  { "name_latin", "Name (Latin)", "姓名（拉丁字母）", T, 24, TRUE },
  { "organisation_zh", "Organisation (Chinese)", "所在机构（中文）", T, 30, FALSE },
  { "organisation_en", "Organisation (English)", "所在机构（英文）", T, 30, TRUE },
  { "country", "Country code", "国家代码", T, 8, FALSE },
  { "country_name", "Country", "国家", T, 14, TRUE },
  { "delegation", "Delegation", "代表团", T, 14, TRUE },
  { "email", "E-mail", "电子邮箱", T, 28, TRUE },
  { "role", "Role", "角色", T, 12, TRUE },
  { "status", "Status", "状态", T, 12, TRUE },
  { "status_since", "Status since", "状态时间", DT, 17, FALSE },
  { "checked_in", "Checked in", "签到时间", DT, 17, TRUE },
  { "notes", "Notes", "备注", T, 30, FALSE },
};

static const LiaisonExportColumn event_columns[] = {
  { "id", "ID", "编号", T, 38, TRUE },
  { "title_zh", "Title (Chinese)", "标题（中文）", T, 36, TRUE },
  { "title_en", "Title (English)", "标题（英文）", T, 36, TRUE },
  { "kind", "Kind", "类型", T, 16, TRUE },
  { "status", "Status", "状态", T, 10, TRUE },
  { "start", "Start", "开始", DT, 17, TRUE },
  { "end", "End", "结束", DT, 17, TRUE },
  { "time_zone", "Time zone", "时区", T, 16, TRUE },
  { "city_zh", "City (Chinese)", "城市（中文）", T, 12, TRUE },
  { "city_en", "City (English)", "城市（英文）", T, 14, TRUE },
  { "country", "Country code", "国家代码", T, 8, TRUE },
  { "country_name", "Country", "国家", T, 14, FALSE },
  { "venue", "Venue", "地点", T, 24, TRUE },
  { "mode", "Mode", "举办形式", T, 10, FALSE },
  { "online_url", "Online link", "线上链接", T, 24, FALSE },
  { "organisers", "Organisers", "组织方", T, 24, FALSE },
  { "partners", "Partners", "合作方", T, 24, FALSE },
  { "capacity", "Capacity", "名额", N, 8, TRUE },
  { "registration_deadline", "Registration deadline", "报名截止日期", D, 12, FALSE },
  { "budget", "Budget", "预算", N, 12, FALSE },
  { "currency", "Currency", "币种", T, 8, FALSE },
  { "funding", "Funding source", "资金来源", T, 24, FALSE },
  { "track", "Programme track", "分项计划", T, 16, FALSE },
  { "activities", "Activities of the plan", "框架活动", T, 14, TRUE },
};

#undef T
#undef N
#undef D
#undef DT

static const char *kind_names[LIAISON_N_EXPORT_KINDS] = { "participants", "registrations", "events" };

struct _LiaisonExportTable
{
  LiaisonExportKind           kind;
  LiaisonLanguage             language;
  GPtrArray                  *columns; /* const LiaisonExportColumn * */
  GPtrArray                  *rows;    /* char ** of columns->len cells, NULL for empty */
  GTimeZone                  *local;
  const LiaisonExportColumn **by_index;
};

const char *
liaison_export_kind_to_string (LiaisonExportKind kind)
{
  g_return_val_if_fail (kind < LIAISON_N_EXPORT_KINDS, NULL);
  return kind_names[kind];
}

gboolean
liaison_export_kind_from_string (const char        *text,
                                 LiaisonExportKind *kind)
{
  for (guint i = 0; i < LIAISON_N_EXPORT_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const LiaisonExportColumn *
liaison_export_columns (LiaisonExportKind kind,
                        guint            *n_columns)
{
  switch (kind)
    {
    case LIAISON_EXPORT_PARTICIPANTS:
      *n_columns = G_N_ELEMENTS (participant_columns);
      return participant_columns;
    case LIAISON_EXPORT_REGISTRATIONS:
      *n_columns = G_N_ELEMENTS (registration_columns);
      return registration_columns;
    case LIAISON_EXPORT_EVENTS:
    default:
      *n_columns = G_N_ELEMENTS (event_columns);
      return event_columns;
    }
}

const LiaisonExportColumn *
liaison_export_find_column (LiaisonExportKind kind,
                            const char       *id)
{
  guint                      n;
  const LiaisonExportColumn *columns = liaison_export_columns (kind, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (columns[i].id, id) == 0)
      return &columns[i];
  return NULL;
}

char **
liaison_export_default_columns (LiaisonExportKind kind)
{
  guint                      n;
  const LiaisonExportColumn *columns = liaison_export_columns (kind, &n);
  GStrvBuilder              *builder = g_strv_builder_new ();
  char                     **result;

  for (guint i = 0; i < n; i++)
    if (columns[i].by_default)
      g_strv_builder_add (builder, columns[i].id);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}

gboolean
liaison_export_check_columns (LiaisonExportKind  kind,
                              const char *const *columns,
                              GError           **error)
{
  if (columns == NULL || columns[0] == NULL)
    {
      g_set_error_literal (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_UNSUPPORTED, _ ("Choose at least one column"));
      return FALSE;
    }
  for (guint i = 0; columns[i] != NULL; i++)
    {
      if (liaison_export_find_column (kind, columns[i]) == NULL)
        {
          g_autoptr (GString) known = g_string_new (NULL);
          guint                      n;
          const LiaisonExportColumn *all = liaison_export_columns (kind, &n);

          for (guint j = 0; j < n; j++)
            g_string_append_printf (known, "%s%s", j > 0 ? ", " : "", all[j].id);
          g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_UNSUPPORTED,
                       /* Translators: %1$s is a column name as typed, %2$s the columns to choose from */
                       _ ("Unknown column “%1$s” (choose from: %2$s)"), columns[i], known->str);
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (g_str_equal (columns[i], columns[j]))
          {
            g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_UNSUPPORTED, _ ("The column “%s” is chosen twice"),
                         columns[i]);
            return FALSE;
          }
    }
  return TRUE;
}

char *
liaison_export_column_header (const LiaisonExportColumn *column,
                              LiaisonExportHeaders       headers)
{
  switch (headers)
    {
    case LIAISON_EXPORT_HEADERS_ZH:
      return g_strdup (column->header_zh);
    case LIAISON_EXPORT_HEADERS_EN:
      return g_strdup (column->header_en);
    case LIAISON_EXPORT_HEADERS_BOTH:
    default:
      return g_strdup_printf ("%s %s", column->header_zh, column->header_en);
    }
}

/* ------------------------------------------------------------------------ */
/* Cells                                                                     */

typedef struct
{
  LiaisonExportTable *table;
  char              **cells;
} Row;

static void
set (Row        *row,
     const char *id,
     char       *value)
{
  for (guint i = 0; i < row->table->columns->len; i++)
    if (g_str_equal (row->table->by_index[i]->id, id))
      {
        if (value != NULL && *value == '\0')
          g_clear_pointer (&value, g_free);
        g_free (row->cells[i]);
        row->cells[i] = value;
        return;
      }
  g_free (value);
}

static void
set_const (Row        *row,
           const char *id,
           const char *value)
{
  set (row, id, g_strdup (value));
}

static void
set_enum (Row        *row,
          const char *id,
          GType       type,
          int         value)
{
  set_const (row, id, liaison_document_enum_label (type, value, row->table->language));
}

static char *
join (const char *const *values)
{
  return values != NULL ? g_strjoinv ("; ", (char **) values) : NULL;
}

/* An instant of the store (UTC, "…Z") as local wall-clock time. */
static char *
local_instant (LiaisonExportTable *table,
               const char         *instant)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (instant == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (instant, NULL);
  if (utc == NULL)
    return g_strdup (instant);
  local = g_date_time_to_timezone (utc, table->local);
  return g_date_time_format (local, "%Y-%m-%dT%H:%M");
}

static void
set_country (Row        *row,
             const char *code)
{
  const LiaisonCountry *country = liaison_country_lookup (code);

  set_const (row, "country", code);
  set_const (row, "country_name", country != NULL ? liaison_country_get_name (country, row->table->language) : code);
}

static void
fill_person (Row                *row,
             LiaisonParticipant *p)
{
  set_const (row, "honorific", liaison_participant_get_honorific (p));
  set_const (row, "family_name", liaison_participant_get_family_native (p));
  set_const (row, "given_name", liaison_participant_get_given_native (p));
  set_const (row, "family_name_latin", liaison_participant_get_family_latin (p));
  set_const (row, "given_name_latin", liaison_participant_get_given_latin (p));
  set (row, "name", liaison_participant_dup_native_name (p));
  set (row, "name_latin", liaison_participant_dup_latin_name (p));
  set_const (row, "organisation_zh", liaison_bilingual_get_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_ZH));
  set_const (row, "organisation_en", liaison_bilingual_get_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN));
  set_country (row, liaison_participant_get_country (p));
  set (row, "email", join (liaison_participant_get_emails (p)));
}

static void
fill_participant (Row                *row,
                  LiaisonParticipant *p)
{
  LiaisonLanguage lang = row->table->language;

  fill_person (row, p);
  set_const (row, "id", liaison_participant_get_id (p));
  set_enum (row, "name_order", LIAISON_TYPE_NAME_ORDER, liaison_participant_get_name_order (p));
  set_enum (row, "gender", LIAISON_TYPE_GENDER, liaison_participant_get_gender (p));
  set_const (row, "position_zh", liaison_bilingual_get_text (liaison_participant_get_position (p), LIAISON_LANGUAGE_ZH));
  set_const (row, "position_en", liaison_bilingual_get_text (liaison_participant_get_position (p), LIAISON_LANGUAGE_EN));
  set_enum (row, "sector", LIAISON_TYPE_SECTOR, liaison_participant_get_sector (p));
  set (row, "phone", join (liaison_participant_get_phones (p)));
  set (row, "languages", join (liaison_participant_get_languages (p)));
  set_const (row, "consent",
             liaison_participant_get_consent (p) ? (lang == LIAISON_LANGUAGE_ZH ? "已同意" : "Yes")
                                                 : (lang == LIAISON_LANGUAGE_ZH ? "未同意" : "No"));
  set_const (row, "consent_date", liaison_participant_get_consent_date (p));
}

static void
fill_event (Row          *row,
            LiaisonEvent *e,
            const char   *prefix)
{
  g_autofree char *id = g_strconcat (prefix, "id", NULL);
  g_autofree char *title_zh = g_strconcat (prefix, "title_zh", NULL);
  g_autofree char *title_en = g_strconcat (prefix, "title_en", NULL);
  g_autofree char *start = g_strconcat (prefix, "start", NULL);

  set_const (row, id, liaison_event_get_id (e));
  set_const (row, title_zh, liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH));
  set_const (row, title_en, liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN));
  set_const (row, start, liaison_event_get_start (e));
}

static void
fill_event_row (Row          *row,
                LiaisonEvent *e)
{
  const LiaisonProgrammeTrack *track = liaison_programme_lookup_track (liaison_event_get_track (e));

  fill_event (row, e, "");
  set_enum (row, "kind", LIAISON_TYPE_EVENT_KIND, liaison_event_get_kind (e));
  set_enum (row, "status", LIAISON_TYPE_EVENT_STATUS, liaison_event_get_status (e));
  set_const (row, "end", liaison_event_get_end (e));
  if (liaison_event_get_precision (e) == LIAISON_DATE_PRECISION_TIME)
    set_const (row, "time_zone", liaison_event_get_time_zone (e));
  set_const (row, "city_zh", liaison_bilingual_get_text (liaison_event_get_city (e), LIAISON_LANGUAGE_ZH));
  set_const (row, "city_en", liaison_bilingual_get_text (liaison_event_get_city (e), LIAISON_LANGUAGE_EN));
  set_country (row, liaison_event_get_country (e));
  set_const (row, "venue", liaison_event_get_venue (e));
  set_enum (row, "mode", LIAISON_TYPE_EVENT_MODE, liaison_event_get_mode (e));
  set_const (row, "online_url", liaison_event_get_online_url (e));
  set_const (row, "organisers", liaison_event_get_organisers (e));
  set_const (row, "partners", liaison_event_get_partners (e));
  if (liaison_event_get_capacity (e) > 0)
    set (row, "capacity", g_strdup_printf ("%u", liaison_event_get_capacity (e)));
  set_const (row, "registration_deadline", liaison_event_get_registration_deadline (e));
  if (liaison_event_get_budget (e) > 0)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      set_const (row, "budget", g_ascii_dtostr (buffer, sizeof buffer, liaison_event_get_budget (e)));
      set_const (row, "currency", liaison_event_get_currency (e));
      set_enum (row, "funding", LIAISON_TYPE_FUNDING_SOURCE, liaison_event_get_funding (e));
    }
  if (track != NULL)
    set_const (row, "track", row->table->language == LIAISON_LANGUAGE_ZH ? track->title_zh : track->title_en);
  set (row, "activities", join (liaison_event_get_activities (e)));
}

static void
fill_registration (Row                 *row,
                   LiaisonRegistration *r,
                   LiaisonParticipant  *p,
                   LiaisonEvent        *e)
{
  LiaisonRegistrationStatus status = liaison_registration_get_status (r);

  fill_event (row, e, "event_");
  if (p != NULL)
    fill_person (row, p);
  set_const (row, "registration_id", liaison_registration_get_id (r));
  set_const (row, "code", liaison_uuid_short (liaison_registration_get_id (r)));
  set_const (row, "participant_id", liaison_registration_get_participant_id (r));
  set_const (row, "delegation", liaison_registration_get_delegation (r));
  set_enum (row, "role", LIAISON_TYPE_ROLE, liaison_registration_get_role (r));
  set_enum (row, "status", LIAISON_TYPE_REGISTRATION_STATUS, status);
  set (row, "status_since", local_instant (row->table, liaison_registration_get_status_time (r, status)));
  set (row, "checked_in", local_instant (row->table, liaison_registration_get_checkin_time (r)));
  set_const (row, "notes", liaison_registration_get_notes (r));
}

/* ------------------------------------------------------------------------ */
/* Building                                                                  */

static Row
new_row (LiaisonExportTable *table)
{
  Row row = { table, g_new0 (char *, table->columns->len + 1) };

  return row;
}

static void
add_row (LiaisonExportTable *table,
         Row                *row)
{
  /* A NULL cell is empty, so the row is freed cell by cell. */
  g_ptr_array_add (table->rows, row->cells);
}

static gboolean
cancelled (GCancellable *cancellable,
           GError      **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
build_participants (LiaisonExportTable       *table,
                    LiaisonStore             *store,
                    const LiaisonExportScope *scope,
                    GCancellable             *cancellable,
                    GError                  **error)
{
  const char *query = scope != NULL ? scope->query : NULL;
  g_autoptr (GArray) rowids = liaison_store_list_participant_rowids (store, query, query != NULL && *query != '\0' ? G_MAXUINT : 0, error);

  if (rowids == NULL)
    return FALSE;
  for (guint i = 0; i < rowids->len; i++)
    {
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant_by_rowid (store, g_array_index (rowids, gint64, i));
      Row row;

      if (i % 256 == 0 && cancelled (cancellable, error))
        return FALSE;
      if (p == NULL)
        continue;
      row = new_row (table);
      fill_participant (&row, p);
      add_row (table, &row);
    }
  return TRUE;
}

static gboolean
add_event_registrations (LiaisonExportTable *table,
                         LiaisonStore       *store,
                         LiaisonEvent       *e,
                         GHashTable         *people,
                         GCancellable       *cancellable,
                         GError            **error)
{
  g_autoptr (GPtrArray) registrations = liaison_store_list_registrations (store, liaison_event_get_id (e), error);

  if (registrations == NULL)
    return FALSE;
  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);
      const char          *pid = liaison_registration_get_participant_id (r);
      LiaisonParticipant  *p = g_hash_table_lookup (people, pid);
      Row                  row;

      if (i % 256 == 0 && cancelled (cancellable, error))
        return FALSE;
      if (p == NULL)
        {
          p = liaison_store_get_participant (store, pid, NULL);
          if (p != NULL)
            g_hash_table_insert (people, g_strdup (pid), p);
        }
      row = new_row (table);
      fill_registration (&row, r, p, e);
      add_row (table, &row);
    }
  return TRUE;
}

static gboolean
build_registrations (LiaisonExportTable       *table,
                     LiaisonStore             *store,
                     const LiaisonExportScope *scope,
                     GCancellable             *cancellable,
                     GError                  **error)
{
  g_autoptr (GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr (GPtrArray) events = NULL;

  if (scope != NULL && scope->event_id != NULL)
    {
      g_autoptr (LiaisonEvent) e = liaison_store_get_event (store, scope->event_id, error);

      return e != NULL && add_event_registrations (table, store, e, people, cancellable, error);
    }
  events = liaison_store_list_events (store, scope != NULL ? scope->filter : NULL, error);
  if (events == NULL)
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    if (!add_event_registrations (table, store, g_ptr_array_index (events, i), people, cancellable, error))
      return FALSE;
  return TRUE;
}

static gboolean
build_events (LiaisonExportTable       *table,
              LiaisonStore             *store,
              const LiaisonExportScope *scope,
              GCancellable             *cancellable,
              GError                  **error)
{
  g_autoptr (GPtrArray) events = NULL;

  if (scope != NULL && scope->event_id != NULL)
    {
      LiaisonEvent *e = liaison_store_get_event (store, scope->event_id, error);

      if (e == NULL)
        return FALSE;
      events = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (events, e);
    }
  else
    events = liaison_store_list_events (store, scope != NULL ? scope->filter : NULL, error);
  if (events == NULL)
    return FALSE;
  for (guint i = 0; i < events->len; i++)
    {
      Row row = new_row (table);

      fill_event_row (&row, g_ptr_array_index (events, i));
      add_row (table, &row);
    }
  return !cancelled (cancellable, error);
}

LiaisonExportTable *
liaison_export_table_build (LiaisonStore             *store,
                            LiaisonExportKind         kind,
                            const char *const        *columns,
                            LiaisonLanguage           language,
                            const LiaisonExportScope *scope,
                            GCancellable             *cancellable,
                            GError                  **error)
{
  g_autoptr (LiaisonExportTable) table = NULL;
  g_auto (GStrv) defaults = NULL;
  gboolean ok;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < LIAISON_N_EXPORT_KINDS, NULL);

  if (columns == NULL)
    columns = (const char *const *) (defaults = liaison_export_default_columns (kind));
  if (!liaison_export_check_columns (kind, columns, error))
    return NULL;

  table = g_new0 (LiaisonExportTable, 1);
  table->kind = kind;
  table->language = language;
  table->local = g_time_zone_new_local ();
  table->columns = g_ptr_array_new ();
  table->rows = g_ptr_array_new ();
  for (guint i = 0; columns[i] != NULL; i++)
    g_ptr_array_add (table->columns, (gpointer) liaison_export_find_column (kind, columns[i]));
  table->by_index = (const LiaisonExportColumn **) table->columns->pdata;

  switch (kind)
    {
    case LIAISON_EXPORT_PARTICIPANTS:
      ok = build_participants (table, store, scope, cancellable, error);
      break;
    case LIAISON_EXPORT_REGISTRATIONS:
      ok = build_registrations (table, store, scope, cancellable, error);
      break;
    case LIAISON_EXPORT_EVENTS:
    default:
      ok = build_events (table, store, scope, cancellable, error);
      break;
    }
  return ok ? g_steal_pointer (&table) : NULL;
}

void
liaison_export_table_free (LiaisonExportTable *table)
{
  if (table == NULL)
    return;
  for (guint i = 0; i < table->rows->len; i++)
    {
      char **cells = g_ptr_array_index (table->rows, i);

      for (guint j = 0; j < table->columns->len; j++)
        g_free (cells[j]);
      g_free (cells);
    }
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->columns);
  g_time_zone_unref (table->local);
  g_free (table);
}

LiaisonExportKind
liaison_export_table_get_kind (LiaisonExportTable *table)
{
  return table->kind;
}

LiaisonLanguage
liaison_export_table_get_language (LiaisonExportTable *table)
{
  return table->language;
}

guint
liaison_export_table_get_n_columns (LiaisonExportTable *table)
{
  return table->columns->len;
}

const LiaisonExportColumn *
liaison_export_table_get_column (LiaisonExportTable *table,
                                 guint               column)
{
  g_return_val_if_fail (column < table->columns->len, NULL);
  return table->by_index[column];
}

guint
liaison_export_table_get_n_rows (LiaisonExportTable *table)
{
  return table->rows->len;
}

const char *
liaison_export_table_get_cell (LiaisonExportTable *table,
                               guint               row,
                               guint               column)
{
  char **cells;

  g_return_val_if_fail (row < table->rows->len && column < table->columns->len, NULL);
  cells = g_ptr_array_index (table->rows, row);
  return cells[column];
}

gboolean
liaison_export_parse_date (const char *text,
                           int        *year,
                           int        *month,
                           int        *day,
                           int        *hour,
                           int        *minute,
                           gboolean   *has_time)
{
  int  y, mo, d, h = 0, mi = 0, n = 0;
  char sep;

  if (text == NULL)
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
    return FALSE;
  *has_time = FALSE;
  if (text[10] != '\0')
    {
      int m = 0;

      sep = text[10];
      if ((sep != 'T' && sep != ' ') || sscanf (text + 11, "%2d:%2d%n", &h, &mi, &m) != 2 || m != 5 || (text[16] != '\0' && text[16] != ':'))
        return FALSE;
      *has_time = TRUE;
    }
  if (!g_date_valid_dmy (d, mo, y) || h > 23 || mi > 59)
    return FALSE;
  *year = y, *month = mo, *day = d, *hour = h, *minute = mi;
  return TRUE;
}
