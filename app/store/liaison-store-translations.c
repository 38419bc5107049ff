/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-store-private.h"
#include "liaison-store-translations.h"

/* Every bilingual text Liaison keeps, as one list a translator works
 * through: which texts exist, what state their translation is in, and
 * writing one translation. The texts live in their entity's table (column
 * <field>_zh and <field>_en), their states in translation_states; the rule
 * that makes a translation stale is LiaisonBilingual's, applied here to
 * rows instead of objects. */

typedef struct
{
  const char         *entity;
  const char         *field;
  LiaisonContentKinds kind;
  const char         *table;
  const char         *key_column;
  /* Narrows the table to the entity's rows, or NULL. */
  const char *scope;
  /* Orders the entity's rows in a list. */
  const char *sort;
  /* The source when no state says otherwise, as the domain objects have it. */
  LiaisonLanguage default_source;
  /* Five columns that name what the text belongs to (see owner_names). */
  const char *owner;
} ContentField;

#define TITLE_OWNER "title_zh, title_en, NULL, NULL, NULL"
#define CODE_OWNER "code, code, NULL, NULL, NULL"
#define NO_OWNER "NULL, NULL, NULL, NULL, NULL"
#define PERSON_OWNER "family_native, given_native, family_latin, given_latin, name_order"
#define BY_POSITION "printf ('%08d', position)"

static const ContentField content_fields[] = {
  { "event", "title", LIAISON_CONTENT_EVENTS, "events", "id", NULL, "start_local", LIAISON_LANGUAGE_ZH, TITLE_OWNER },
  { "event", "theme", LIAISON_CONTENT_EVENTS, "events", "id", NULL, "start_local", LIAISON_LANGUAGE_ZH, TITLE_OWNER },
  { "event", "description", LIAISON_CONTENT_EVENTS, "events", "id", NULL, "start_local", LIAISON_LANGUAGE_ZH, TITLE_OWNER },
  { "event", "city", LIAISON_CONTENT_EVENTS, "events", "id", NULL, "start_local", LIAISON_LANGUAGE_ZH, TITLE_OWNER },
  { "plan", "title", LIAISON_CONTENT_PLAN, "plan_items", "code", NULL, BY_POSITION, LIAISON_LANGUAGE_ZH, CODE_OWNER },
  { "programme", "title", LIAISON_CONTENT_PROGRAMME, "programmes", "id", "parent_id IS NULL", BY_POSITION,
    LIAISON_LANGUAGE_ZH, NO_OWNER },
  { "track", "title", LIAISON_CONTENT_PROGRAMME, "programmes", "id", "parent_id IS NOT NULL", BY_POSITION,
    LIAISON_LANGUAGE_ZH, NO_OWNER },
  { "participant", "organisation", LIAISON_CONTENT_PARTICIPANTS, "participants", "id", NULL, "sort_key",
    LIAISON_LANGUAGE_EN, PERSON_OWNER },
  { "participant", "position", LIAISON_CONTENT_PARTICIPANTS, "participants", "id", NULL, "sort_key",
    LIAISON_LANGUAGE_EN, PERSON_OWNER },
};

typedef struct
{
  gboolean    present;
  int         state;
  const char *based_on;
  gboolean    is_source;
} StateRow;

static const ContentField *
find_field (const char *entity,
            const char *field)
{
  for (guint i = 0; entity != NULL && field != NULL && i < G_N_ELEMENTS (content_fields); i++)
    if (g_str_equal (content_fields[i].entity, entity) && g_str_equal (content_fields[i].field, field))
      return &content_fields[i];
  return NULL;
}

gboolean
liaison_content_field_is_known (const char *entity,
                                const char *field)
{
  return find_field (entity, field) != NULL;
}

/* "event/<uuid>/title" into its three parts. Identifiers never hold a
 * slash (UUIDs, plan codes such as 1.1.2, programme ids). */
gboolean
liaison_content_key_parse (const char *key,
                           char      **entity,
                           char      **entity_id,
                           char      **field)
{
  g_auto (GStrv) parts = NULL;

  if (key == NULL)
    return FALSE;
  parts = g_strsplit (key, "/", 0);
  if (g_strv_length (parts) != 3 || *parts[1] == '\0' || find_field (parts[0], parts[2]) == NULL)
    return FALSE;
  if (entity != NULL)
    *entity = g_strdup (parts[0]);
  if (entity_id != NULL)
    *entity_id = g_strdup (parts[1]);
  if (field != NULL)
    *field = g_strdup (parts[2]);
  return TRUE;
}

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

/* The same steps as loading an object: texts first, then the stored
 * states and source, then the source settled on a language that has text. */
static LiaisonBilingual *
build_text (const ContentField *cf,
            const char         *zh,
            const char         *en,
            const StateRow     *rows)
{
  const char       *texts[LIAISON_N_LANGUAGES] = { nonempty (zh), nonempty (en) };
  LiaisonLanguage   source = cf->default_source;
  LiaisonBilingual *text;

  for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
    if (rows[l].present && rows[l].is_source)
      source = l;

  text = liaison_bilingual_new (source);
  liaison_bilingual_set_text (text, source, texts[source]);
  liaison_bilingual_set_text (text, liaison_language_other (source), texts[liaison_language_other (source)]);
  for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
    if (rows[l].present)
      liaison_bilingual_restore (text, l, texts[l], rows[l].state, rows[l].based_on);
  liaison_bilingual_settle_source (text);
  return text;
}

static void
read_state_row (sqlite3_stmt *stmt,
                int           column,
                StateRow     *row)
{
  const char *state = (const char *) sqlite3_column_text (stmt, column);

  row->present = state != NULL;
  row->state = LIAISON_TRANSLATION_MISSING;
  if (state != NULL)
    liaison_enum_from_nick (LIAISON_TYPE_TRANSLATION_STATE, state, &row->state);
  row->based_on = (const char *) sqlite3_column_text (stmt, column + 1);
  row->is_source = sqlite3_column_int (stmt, column + 2) != 0;
}

/* One statement over every kind of content: a branch per field, each
 * switched off by the kinds mask in ?1. Built from the constant table
 * above, never from what a person typed. Counting needs no order: without
 * it sqlite does not sort every text of the database (the Overview counts
 * at startup). */
static const char *
list_sql (gboolean ordered)
{
  static char *sqls[2] = { NULL, NULL };
  char       **sql = &sqls[ordered ? 1 : 0];

  if (g_once_init_enter (sql))
    {
      GString *s = g_string_new ("SELECT f.entity, f.entity_id, f.field, f.zh, f.en, f.fpos,"
                                 " f.o1, f.o2, f.o3, f.o4, f.o5,"
                                 " z.state, z.based_on, z.is_source, n.state, n.based_on, n.is_source"
                                 " FROM (");

      for (guint i = 0; i < G_N_ELEMENTS (content_fields); i++)
        {
          const ContentField *cf = &content_fields[i];
          g_auto (GStrv) owner = g_strsplit (cf->owner, ", ", 5);

          g_assert (g_strv_length (owner) == 5);
          if (i > 0)
            g_string_append (s, " UNION ALL ");
          g_string_append_printf (s,
                                  "SELECT %u AS kind, '%s' AS entity, %s AS entity_id, '%s' AS field,"
                                  " %s_zh AS zh, %s_en AS en, %s AS sort, %u AS fpos,"
                                  " %s AS o1, %s AS o2, %s AS o3, %s AS o4, %s AS o5"
                                  " FROM %s WHERE (?1 & %u) != 0%s%s",
                                  cf->kind, cf->entity, cf->key_column, cf->field, cf->field, cf->field,
                                  cf->sort, i, owner[0], owner[1], owner[2], owner[3], owner[4],
                                  cf->table, cf->kind, cf->scope ? " AND " : "", cf->scope ? cf->scope : "");
        }
      g_string_append (s, ") AS f"
                          " LEFT JOIN translation_states z ON z.entity = f.entity AND z.entity_id = f.entity_id"
                          " AND z.field = f.field AND z.lang = 'zh'"
                          " LEFT JOIN translation_states n ON n.entity = f.entity AND n.entity_id = f.entity_id"
                          " AND n.field = f.field AND n.lang = 'en'"
                          " WHERE (f.zh IS NOT NULL AND f.zh != '') OR (f.en IS NOT NULL AND f.en != '')");
      if (ordered)
        g_string_append (s, " ORDER BY f.kind, f.sort, f.entity_id, f.fpos");
      g_once_init_leave (sql, g_string_free (s, FALSE));
    }
  return *sql;
}

/* A person's name in their own script and in Latin script, as their
 * record writes it (the same rule as everywhere else, from core). */
static void
owner_names (const ContentField *cf,
             sqlite3_stmt       *stmt,
             char              **zh,
             char              **en)
{
  const char *o[5];

  for (guint i = 0; i < 5; i++)
    o[i] = (const char *) sqlite3_column_text (stmt, 6 + i);

  if (cf->kind == LIAISON_CONTENT_PARTICIPANTS)
    {
      g_autoptr (LiaisonParticipant) p = liaison_participant_new ((const char *) sqlite3_column_text (stmt, 1));
      int              order = LIAISON_NAME_ORDER_FAMILY_FIRST;
      g_autofree char *native = NULL;
      g_autofree char *latin = NULL;

      liaison_enum_from_nick (LIAISON_TYPE_NAME_ORDER, o[4], &order);
      liaison_participant_set_name_order (p, order);
      liaison_participant_set_native_name (p, o[0], o[1]);
      liaison_participant_set_latin_name (p, o[2], o[3]);
      native = liaison_participant_dup_native_name (p);
      latin = liaison_participant_dup_latin_name (p);
      *zh = g_strdup (native != NULL ? native : latin);
      *en = g_strdup (latin != NULL ? latin : native);
      return;
    }
  *zh = g_strdup (o[0]);
  *en = g_strdup (o[1]);
}

typedef gboolean (*RowFunc) (const ContentField *cf,
                             sqlite3_stmt       *stmt,
                             LiaisonBilingual   *text,
                             const StateRow     *rows,
                             gpointer            data,
                             GError            **error);

/* Calls func for every text of the given kinds that has text in at least
 * one language, in the list's order when ordered; func returns FALSE to
 * stop (with an error, or without one when it has seen enough). */
static gboolean
foreach_text (LiaisonStore *self,
              guint         kinds,
              gboolean      ordered,
              RowFunc       func,
              gpointer      data,
              GError      **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, list_sql (ordered), error);
  GError       *local_error = NULL;
  int           rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, kinds);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const ContentField *cf = &content_fields[sqlite3_column_int (stmt, 5)];
      StateRow            rows[LIAISON_N_LANGUAGES];
      g_autoptr (LiaisonBilingual) text = NULL;

      read_state_row (stmt, 11, &rows[LIAISON_LANGUAGE_ZH]);
      read_state_row (stmt, 14, &rows[LIAISON_LANGUAGE_EN]);
      text = build_text (cf, (const char *) sqlite3_column_text (stmt, 3),
                         (const char *) sqlite3_column_text (stmt, 4), rows);
      if (!func (cf, stmt, text, rows, data, &local_error))
        break;
    }
  sqlite3_reset (stmt);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const LiaisonTranslationFilter *filter;
  guint                           states;
  guint                           kinds;
  guint                           offset;
  guint                           limit;
  guint                           seen;
  GPtrArray                      *items;
} ListData;

static gboolean
add_item (const ContentField *cf,
          sqlite3_stmt       *stmt,
          LiaisonBilingual   *text,
          const StateRow     *rows,
          gpointer            user_data,
          GError            **error)
{
  ListData               *data = user_data;
  LiaisonLanguage         source = liaison_bilingual_get_source (text);
  LiaisonLanguage         target = liaison_language_other (source);
  LiaisonTranslationState state;
  g_autofree char        *owner_zh = NULL;
  g_autofree char        *owner_en = NULL;

  if (liaison_bilingual_get_text (text, source) == NULL)
    return TRUE;
  if (data->filter->language >= 0 && (LiaisonLanguage) data->filter->language != target)
    return TRUE;
  state = liaison_bilingual_get_effective_state (text, target);
  if ((data->states & LIAISON_TRANSLATION_STATE_MASK (state)) == 0)
    return TRUE;

  if (data->seen++ < data->offset)
    return TRUE;
  if (data->limit > 0 && data->items->len >= data->limit)
    return FALSE;

  owner_names (cf, stmt, &owner_zh, &owner_en);
  g_ptr_array_add (data->items,
                   liaison_translation_item_new (cf->entity, (const char *) sqlite3_column_text (stmt, 1),
                                                 cf->field, text, owner_zh, owner_en));
  return TRUE;
}

/* The texts to translate, in a stable order (events by date, the plan and
 * the programme in their own order, people by name), filtered by state
 * and language; offset and limit page through the filtered list. An array
 * of LiaisonTranslationItem. */
GPtrArray *
liaison_store_list_translations (LiaisonStore                   *self,
                                 const LiaisonTranslationFilter *filter,
                                 guint                           offset,
                                 guint                           limit,
                                 GError                        **error)
{
  static const LiaisonTranslationFilter any = LIAISON_TRANSLATION_FILTER_INIT;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  ListData data = { 0 };

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  if (filter == NULL)
    filter = &any;
  data.filter = filter;
  data.states = filter->states != 0 ? filter->states : LIAISON_TRANSLATION_NEEDS_WORK;
  data.kinds = filter->kinds != 0 ? filter->kinds : LIAISON_CONTENT_DEFAULT;
  data.offset = offset;
  data.limit = limit;
  data.items = items;

  if (!foreach_text (self, data.kinds, TRUE, add_item, &data, error))
    return NULL;
  return g_steal_pointer (&items);
}

static gboolean
count_item (const ContentField *cf,
            sqlite3_stmt       *stmt,
            LiaisonBilingual   *text,
            const StateRow     *rows,
            gpointer            user_data,
            GError            **error)
{
  LiaisonTranslationCounts *counts = user_data;
  LiaisonLanguage           source = liaison_bilingual_get_source (text);
  LiaisonLanguage           target = liaison_language_other (source);

  if (liaison_bilingual_get_text (text, source) != NULL)
    counts->n[target][liaison_bilingual_get_effective_state (text, target)]++;
  return TRUE;
}

/* How many texts are in each state, per language translated into: what
 * the Overview shows. Stale texts count as stale only. */
gboolean
liaison_store_count_translations (LiaisonStore             *self,
                                  guint                     kinds,
                                  LiaisonTranslationCounts *counts,
                                  GError                  **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  return foreach_text (self, kinds != 0 ? kinds : LIAISON_CONTENT_DEFAULT, FALSE, count_item, counts, error);
}

static char *
text_column (const ContentField *cf,
             LiaisonLanguage     language)
{
  return g_strdup_printf ("%s_%s", cf->field, liaison_language_code (language));
}

static void
set_not_found (GError            **error,
               const ContentField *cf,
               const char         *entity_id)
{
  switch (cf->kind)
    {
    case LIAISON_CONTENT_EVENTS:
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _ ("There is no event with the identifier %s"), entity_id);
      break;
    case LIAISON_CONTENT_PLAN:
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _ ("“%s” is not an activity of the action plan (codes look like 1.1.2)"), entity_id);
      break;
    case LIAISON_CONTENT_PARTICIPANTS:
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _ ("There is no participant with the identifier %s"), entity_id);
      break;
    case LIAISON_CONTENT_PROGRAMME:
    default:
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _ ("There is no programme or programme track with the identifier %s"), entity_id);
      break;
    }
}

static void
set_unknown_field (GError    **error,
                   const char *entity,
                   const char *field)
{
  g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
               /* Translators: %1$s is a kind of record (event, plan, …), %2$s a field of it (title, …) */
               _ ("“%1$s/%2$s” is not a text Liaison translates"), entity ? entity : "", field ? field : "");
}

/* The based_on of each language, kept past the row they were read from
 * (g_autofree on an array would free only its first). */
typedef struct
{
  char *text[LIAISON_N_LANGUAGES];
} BasedOn;

static void
based_on_clear (BasedOn *based_on)
{
  for (guint l = 0; l < LIAISON_N_LANGUAGES; l++)
    g_clear_pointer (&based_on->text[l], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BasedOn, based_on_clear)

/* One text with its states, as the translation editor shows it: both
 * languages, the source, and whether the translation is stale. */
LiaisonBilingual *
liaison_store_get_content_text (LiaisonStore *self,
                                const char   *entity,
                                const char   *entity_id,
                                const char   *field,
                                GError      **error)
{
  const ContentField *cf = find_field (entity, field);
  g_autofree char    *sql = NULL;
  g_autofree char    *zh = NULL;
  g_autofree char    *en = NULL;
  StateRow            rows[LIAISON_N_LANGUAGES] = { { 0 } };
  g_auto (BasedOn) based_on = { { NULL } };
  sqlite3_stmt *stmt;
  int           rc;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  if (cf == NULL)
    {
      set_unknown_field (error, entity, field);
      return NULL;
    }

  sql = g_strdup_printf ("SELECT %s_zh, %s_en FROM %s WHERE %s = ?%s%s", cf->field, cf->field, cf->table,
                         cf->key_column, cf->scope ? " AND " : "", cf->scope ? cf->scope : "");
  stmt = liaison_store_stmt (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      zh = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      en = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      set_not_found (error, cf, entity_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }

  stmt = liaison_store_stmt (self,
                             "SELECT lang, state, based_on, is_source FROM translation_states"
                             " WHERE entity = ? AND entity_id = ? AND field = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entity_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, field, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LiaisonLanguage lang;

      if (!liaison_language_from_code ((const char *) sqlite3_column_text (stmt, 0), &lang))
        continue;
      read_state_row (stmt, 1, &rows[lang]);
      /* The row's text goes away with the next step. */
      g_free (based_on.text[lang]);
      based_on.text[lang] = g_strdup (rows[lang].based_on);
      rows[lang].based_on = based_on.text[lang];
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }

  return build_text (cf, zh, en, rows);
}

static LiaisonBilingual *
event_text (LiaisonEvent *event,
            const char   *field)
{
  if (g_str_equal (field, "title"))
    return liaison_event_get_title (event);
  if (g_str_equal (field, "theme"))
    return liaison_event_get_theme (event);
  if (g_str_equal (field, "description"))
    return liaison_event_get_description (event);
  return liaison_event_get_city (event);
}

static LiaisonBilingual *
participant_text (LiaisonParticipant *p,
                  const char         *field)
{
  if (g_str_equal (field, "organisation"))
    return liaison_participant_get_organisation (p);
  return liaison_participant_get_position (p);
}

static char *
state_value (LiaisonBilingual *text,
             LiaisonLanguage   language)
{
  const char *state = liaison_enum_to_nick (LIAISON_TYPE_TRANSLATION_STATE, liaison_bilingual_get_state (text, language));
  const char *based_on = liaison_bilingual_get_based_on (text, language);

  /* Enough for undo and for the other office to restore exactly this. */
  if (based_on == NULL)
    return g_strdup_printf ("{\"state\":\"%s\"}", state);
  return g_strdup_printf ("{\"state\":\"%s\",\"based_on\":\"%s\"}", state, based_on);
}

/* Plan items and the programme have no domain object that saves itself:
 * their column, their states and the journal are written here. */
static gboolean
save_plain_text (LiaisonStore       *self,
                 const ContentField *cf,
                 const char         *entity_id,
                 LiaisonBilingual   *before,
                 LiaisonBilingual   *after,
                 LiaisonOrigin       origin,
                 GError            **error)
{
  for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
    {
      const char      *old_text = liaison_bilingual_get_text (before, l);
      const char      *new_text = liaison_bilingual_get_text (after, l);
      g_autofree char *column = NULL;
      g_autofree char *sql = NULL;
      sqlite3_stmt    *stmt;

      if (g_strcmp0 (old_text, new_text) == 0)
        continue;
      column = text_column (cf, l);
      sql = g_strdup_printf ("UPDATE %s SET %s = ? WHERE %s = ?", cf->table, column, cf->key_column);
      stmt = liaison_store_stmt (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      if (new_text != NULL)
        sqlite3_bind_text (stmt, 1, new_text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, entity_id, -1, SQLITE_TRANSIENT);
      if (!liaison_store_step_done (self, stmt, error) || !liaison_store_journal (self, origin, "update", cf->entity, entity_id, column, old_text, new_text, error))
        return FALSE;
    }
  return liaison_store_save_bilingual (self, cf->entity, entity_id, cf->field, after, error);
}

static void
apply_translation (LiaisonBilingual       *text,
                   LiaisonLanguage         language,
                   const char             *new_text,
                   LiaisonTranslationState state)
{
  liaison_bilingual_set_text (text, language, new_text);
  liaison_bilingual_settle_source (text);
  if (language != liaison_bilingual_get_source (text))
    liaison_bilingual_set_state (text, language, state);
}

/* Writes one language of one text and its state, in one transaction, with
 * the journal entries that undo and sync read: the text change under its
 * column ("title_en") like any edit, the state under "<column>.state" as
 * {"state": …, "based_on": …}. Writing the source language's text makes a
 * translated other language stale (the state argument is then ignored: a
 * source's state follows its text). For a translation, state says where it
 * stands: draft, translated or reviewed; an empty text is missing. */
gboolean
liaison_store_set_translation (LiaisonStore           *self,
                               const char             *entity,
                               const char             *entity_id,
                               const char             *field,
                               LiaisonLanguage         language,
                               const char             *text,
                               LiaisonTranslationState state,
                               LiaisonOrigin           origin,
                               GError                **error)
{
  const ContentField *cf = find_field (entity, field);
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (LiaisonParticipant) person = NULL;
  g_autoptr (LiaisonBilingual) before = NULL;
  g_autoptr (LiaisonBilingual) plain = NULL;
  LiaisonBilingual *after;
  g_autofree char  *old_state = NULL;
  g_autofree char  *new_state = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), FALSE);
  g_return_val_if_fail (language < LIAISON_N_LANGUAGES, FALSE);
  g_return_val_if_fail (state < LIAISON_TRANSLATION_STALE, FALSE);

  if (cf == NULL)
    {
      set_unknown_field (error, entity, field);
      return FALSE;
    }

  if (!liaison_store_begin (self, error))
    return FALSE;

  before = liaison_store_get_content_text (self, entity, entity_id, field, error);
  if (before == NULL)
    goto fail;

  switch (cf->kind)
    {
    case LIAISON_CONTENT_EVENTS:
      event = liaison_store_get_event (self, entity_id, error);
      if (event == NULL)
        goto fail;
      after = event_text (event, field);
      break;
    case LIAISON_CONTENT_PARTICIPANTS:
      person = liaison_store_get_participant (self, entity_id, error);
      if (person == NULL)
        goto fail;
      after = participant_text (person, field);
      break;
    default:
      plain = liaison_store_get_content_text (self, entity, entity_id, field, error);
      if (plain == NULL)
        goto fail;
      after = plain;
      break;
    }

  /* Events and people check their own texts when they are saved. */
  if (plain != NULL && origin == LIAISON_ORIGIN_LOCAL &&
      g_strcmp0 (nonempty (text), liaison_bilingual_get_text (plain, language)) != 0 &&
      !liaison_text_check (text, liaison_text_kind_of_content (entity, field), error))
    goto fail;

  old_state = state_value (before, language);
  apply_translation (after, language, nonempty (text), state);
  new_state = state_value (after, language);

  if (event != NULL && !liaison_store_save_event (self, event, origin, error))
    goto fail;
  if (person != NULL && !liaison_store_save_participant (self, person, origin, error))
    goto fail;
  if (plain != NULL && !save_plain_text (self, cf, entity_id, before, plain, origin, error))
    goto fail;

  if (!g_str_equal (old_state, new_state))
    {
      g_autofree char *column = text_column (cf, language);
      g_autofree char *state_field = g_strconcat (column, ".state", NULL);

      if (!liaison_store_journal (self, origin, "update", cf->entity, entity_id, state_field, old_state, new_state,
                                  error))
        goto fail;
    }

  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

typedef struct
{
  char               *entity;
  char               *entity_id;
  const ContentField *cf;
  LiaisonBilingual   *text;
} Pending;

static void
pending_free (Pending *p)
{
  g_free (p->entity);
  g_free (p->entity_id);
  g_clear_object (&p->text);
  g_free (p);
}

static gboolean
collect_stateless (const ContentField *cf,
                   sqlite3_stmt       *stmt,
                   LiaisonBilingual   *text,
                   const StateRow     *rows,
                   gpointer            user_data,
                   GError            **error)
{
  GPtrArray *pending = user_data;
  Pending   *p;

  if (rows[LIAISON_LANGUAGE_ZH].present || rows[LIAISON_LANGUAGE_EN].present)
    return TRUE;
  p = g_new0 (Pending, 1);
  p->cf = cf;
  p->entity = g_strdup (cf->entity);
  p->entity_id = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  p->text = g_object_ref (text);
  g_ptr_array_add (pending, p);
  return TRUE;
}

static gboolean
is_built_in (LiaisonStore *self,
             const char   *entity,
             const char   *entity_id)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT 1 FROM journal WHERE entity = ? AND entity_id = ?"
                                           " AND action = 'create' AND origin = 'built-in'",
                                           NULL);
  gboolean      found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, entity_id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* Texts saved before they had states (event cities, organisations and
 * positions, before the level that added the programme) get them once:
 * the language with text (or the domain's default) is the source, the
 * other a draft — except for the built-in history, whose English was
 * translated for Liaison (docs/data-sources.md). */
gboolean
liaison_store_fill_translation_states (LiaisonStore *self,
                                       GError      **error)
{
  g_autoptr (GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);

  /* Collected first: the rows are written into a table the query reads. */
  if (!foreach_text (self, LIAISON_CONTENT_ALL, TRUE, collect_stateless, pending, error))
    return FALSE;

  for (guint i = 0; i < pending->len; i++)
    {
      Pending        *p = g_ptr_array_index (pending, i);
      LiaisonLanguage target = liaison_language_other (liaison_bilingual_get_source (p->text));

      if (p->cf->kind == LIAISON_CONTENT_EVENTS && liaison_bilingual_get_text (p->text, target) != NULL && is_built_in (self, p->entity, p->entity_id))
        liaison_bilingual_set_state (p->text, target, LIAISON_TRANSLATION_TRANSLATED);
      if (!liaison_store_save_bilingual (self, p->entity, p->entity_id, p->cf->field, p->text, error))
        return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* The states of an object's texts, saved and loaded with the object      */

gboolean
liaison_store_save_bilingual (LiaisonStore     *self,
                              const char       *entity,
                              const char       *entity_id,
                              const char       *field,
                              LiaisonBilingual *text,
                              GError          **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "INSERT OR REPLACE INTO translation_states"
                                           " (entity, entity_id, field, lang, state, based_on, is_source)"
                                           " VALUES (?, ?, ?, ?, ?, ?, ?)",
                                           error);
  if (stmt == NULL)
    return FALSE;

  liaison_bilingual_settle_source (text);
  for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
    {
      sqlite3_reset (stmt);
      bind_text (stmt, 1, entity);
      bind_text (stmt, 2, entity_id);
      bind_text (stmt, 3, field);
      bind_text (stmt, 4, liaison_language_code (l));
      bind_text (stmt, 5, liaison_enum_to_nick (LIAISON_TYPE_TRANSLATION_STATE, liaison_bilingual_get_state (text, l)));
      bind_text (stmt, 6, liaison_bilingual_get_based_on (text, l));
      sqlite3_bind_int (stmt, 7, liaison_bilingual_get_source (text) == l);
      if (!liaison_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

void
liaison_store_load_bilingual (LiaisonStore *self, const char *entity, const char *entity_id, LiaisonBilingualSlot *slots, guint n_slots)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self,
                                           "SELECT field, lang, state, based_on, is_source FROM translation_states"
                                           " WHERE entity = ? AND entity_id = ?",
                                           NULL);
  if (stmt == NULL)
    return;

  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, entity_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char     *field = (const char *) sqlite3_column_text (stmt, 0);
      LiaisonLanguage lang;
      int             state = LIAISON_TRANSLATION_MISSING;

      if (!liaison_language_from_code ((const char *) sqlite3_column_text (stmt, 1), &lang))
        continue;
      liaison_enum_from_nick (LIAISON_TYPE_TRANSLATION_STATE, (const char *) sqlite3_column_text (stmt, 2), &state);

      for (guint i = 0; i < n_slots; i++)
        if (g_strcmp0 (slots[i].field, field) == 0 && sqlite3_column_int (stmt, 4))
          liaison_bilingual_set_source (slots[i].text, lang);
      for (guint i = 0; i < n_slots; i++)
        if (g_strcmp0 (slots[i].field, field) == 0)
          liaison_bilingual_restore (slots[i].text, lang, liaison_bilingual_get_text (slots[i].text, lang), state,
                                     (const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < n_slots; i++)
    liaison_bilingual_settle_source (slots[i].text);
}
