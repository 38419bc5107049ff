/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-search-key.h"
#include "liaison-store-private.h"

/* Participants: people, their search documents, and the events each has
 * been registered for. */

/* The columns a participant maps onto, in one place: the INSERT, the
 * SELECT and the journal's diff are all built from them. */
const char *const liaison_store_participant_fields[] = {
  "family_native",
  "given_native",
  "family_latin",
  "given_latin",
  "name_order",
  "honorific",
  "gender",
  "organisation_zh",
  "organisation_en",
  "position_zh",
  "position_en",
  "sector",
  "country",
  "emails",
  "phones",
  "languages",
  "consent",
  "consent_date",
  "sort_key",
};
G_STATIC_ASSERT (G_N_ELEMENTS (liaison_store_participant_fields) == LIAISON_STORE_N_PARTICIPANT_FIELDS);

void
liaison_history_entry_clear (LiaisonHistoryEntry *entry)
{
  g_clear_pointer (&entry->event_id, g_free);
  g_clear_pointer (&entry->title_zh, g_free);
  g_clear_pointer (&entry->title_en, g_free);
  g_clear_pointer (&entry->track, g_free);
}

char **
liaison_store_participant_to_values (LiaisonParticipant *p)
{
  char            **v = liaison_store_values_new (G_N_ELEMENTS (liaison_store_participant_fields));
  LiaisonBilingual *org = liaison_participant_get_organisation (p);
  LiaisonBilingual *pos = liaison_participant_get_position (p);
  g_autofree char  *latin = liaison_participant_dup_latin_name (p);
  g_autofree char  *native = liaison_participant_dup_native_name (p);
  guint             i = 0;

  v[i++] = g_strdup (liaison_participant_get_family_native (p));
  v[i++] = g_strdup (liaison_participant_get_given_native (p));
  v[i++] = g_strdup (liaison_participant_get_family_latin (p));
  v[i++] = g_strdup (liaison_participant_get_given_latin (p));
  v[i++] = g_strdup (liaison_enum_to_nick (LIAISON_TYPE_NAME_ORDER, liaison_participant_get_name_order (p)));
  v[i++] = g_strdup (liaison_participant_get_honorific (p));
  v[i++] = g_strdup (liaison_enum_to_nick (LIAISON_TYPE_GENDER, liaison_participant_get_gender (p)));
  v[i++] = g_strdup (liaison_bilingual_get_text (org, LIAISON_LANGUAGE_ZH));
  v[i++] = g_strdup (liaison_bilingual_get_text (org, LIAISON_LANGUAGE_EN));
  v[i++] = g_strdup (liaison_bilingual_get_text (pos, LIAISON_LANGUAGE_ZH));
  v[i++] = g_strdup (liaison_bilingual_get_text (pos, LIAISON_LANGUAGE_EN));
  v[i++] = g_strdup (liaison_enum_to_nick (LIAISON_TYPE_SECTOR, liaison_participant_get_sector (p)));
  v[i++] = g_strdup (liaison_participant_get_country (p));
  v[i++] = join_strv (liaison_participant_get_emails (p), "\n");
  v[i++] = join_strv (liaison_participant_get_phones (p), "\n");
  v[i++] = join_strv (liaison_participant_get_languages (p), "\n");
  v[i++] = g_strdup (liaison_participant_get_consent (p) ? "1" : "0");
  v[i++] = g_strdup (liaison_participant_get_consent_date (p));
  /* Sorted by the Latin form so a list mixes scripts predictably. */
  {
    g_autofree char *key = NULL;

    if (latin != NULL)
      key = liaison_search_fold (latin);
    else if (native != NULL)
      {
        key = liaison_search_transliterate (native, TRUE);
        if (key == NULL)
          key = liaison_search_fold (native);
      }
    v[i++] = key != NULL ? g_steal_pointer (&key) : g_strdup ("");
  }
  g_assert (i == G_N_ELEMENTS (liaison_store_participant_fields));

  return v;
}

#define PARTICIPANT_SELECT                                                                            \
  "SELECT id, family_native, given_native, family_latin, given_latin, name_order, honorific, gender," \
  " organisation_zh, organisation_en, position_zh, position_en, sector, country, emails, phones,"     \
  " languages, consent, consent_date, sort_key FROM participants"

/* The inverse of liaison_store_participant_to_values: col is indexed like
 * liaison_store_participant_fields. */
LiaisonParticipant *
liaison_store_participant_from_values (const char *id, const char *const *col)
{
  LiaisonParticipant *p = liaison_participant_new (id);

  liaison_participant_set_native_name (p, col[0], col[1]);
  liaison_participant_set_latin_name (p, col[2], col[3]);
  liaison_participant_set_name_order (p, nick_value (LIAISON_TYPE_NAME_ORDER, col[4], 0));
  liaison_participant_set_honorific (p, col[5]);
  liaison_participant_set_gender (p, nick_value (LIAISON_TYPE_GENDER, col[6], 0));
  liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_ZH, col[7]);
  liaison_bilingual_set_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN, col[8]);
  liaison_bilingual_set_text (liaison_participant_get_position (p), LIAISON_LANGUAGE_ZH, col[9]);
  liaison_bilingual_set_text (liaison_participant_get_position (p), LIAISON_LANGUAGE_EN, col[10]);
  liaison_participant_set_sector (p, nick_value (LIAISON_TYPE_SECTOR, col[11], LIAISON_SECTOR_OTHER));
  liaison_participant_set_country (p, col[12]);
  for (guint f = 13; f <= 15; f++)
    {
      g_auto (GStrv) list = col[f] != NULL && *col[f] != '\0' ? g_strsplit (col[f], "\n", -1) : NULL;

      if (f == 13)
        liaison_participant_set_emails (p, (const char *const *) list);
      else if (f == 14)
        liaison_participant_set_phones (p, (const char *const *) list);
      else
        liaison_participant_set_languages (p, (const char *const *) list);
    }
  liaison_participant_set_consent (p, g_strcmp0 (col[16], "1") == 0, col[17]);

  return p;
}

static void
participant_bilingual_slots (LiaisonParticipant *p, LiaisonBilingualSlot slots[2])
{
  slots[0] = (LiaisonBilingualSlot){ "organisation", liaison_participant_get_organisation (p) };
  slots[1] = (LiaisonBilingualSlot){ "position", liaison_participant_get_position (p) };
}

static LiaisonParticipant *
participant_from_row (LiaisonStore *self, sqlite3_stmt *stmt)
{
  const char          *col[G_N_ELEMENTS (liaison_store_participant_fields)];
  LiaisonBilingualSlot slots[2];
  LiaisonParticipant  *p;

  for (guint i = 0; i < G_N_ELEMENTS (liaison_store_participant_fields); i++)
    col[i] = (const char *) sqlite3_column_text (stmt, i + 1);
  p = liaison_store_participant_from_values ((const char *) sqlite3_column_text (stmt, 0), col);
  participant_bilingual_slots (p, slots);
  liaison_store_load_bilingual (self, "participant", liaison_participant_get_id (p), slots, G_N_ELEMENTS (slots));
  return p;
}

/* Only texts that exist get states: most people have no position, and a
 * bulk load of 100,000 people should not write 400,000 rows for nothing. */
static gboolean
save_participant_bilingual (LiaisonStore *self, LiaisonParticipant *p, GError **error)
{
  LiaisonBilingualSlot slots[2];

  participant_bilingual_slots (p, slots);
  for (guint i = 0; i < G_N_ELEMENTS (slots); i++)
    if ((liaison_bilingual_get_text (slots[i].text, LIAISON_LANGUAGE_ZH) != NULL ||
         liaison_bilingual_get_text (slots[i].text, LIAISON_LANGUAGE_EN) != NULL) &&
        !liaison_store_save_bilingual (self, "participant", liaison_participant_get_id (p), slots[i].field,
                                       slots[i].text, error))
      return FALSE;
  return TRUE;
}

/* Any person: a name, a known country, e-mail addresses, texts as every
 * stored text is. A change made here (origin local) also follows the
 * rules of an entrance for what it changes (liaison_text_check: limits,
 * one line, not blank); what it leaves as it was (old) stays. */
static gboolean
validate_participant (LiaisonParticipant *p, LiaisonParticipant *old, LiaisonOrigin origin, GError **error)
{
  if (!liaison_participant_validate (p, error))
    return FALSE;
  if (origin == LIAISON_ORIGIN_LOCAL)
    return liaison_participant_check_changes (p, old, error);
  return liaison_participant_check_kept (p, error);
}

gboolean
liaison_store_save_participant (LiaisonStore       *self,
                                LiaisonParticipant *participant,
                                LiaisonOrigin       origin,
                                GError            **error)
{
  static char *upsert_sql = NULL;
  g_auto (LiaisonStoreValues) values = NULL;
  g_auto (LiaisonStoreValues) old_values = NULL;
  g_autoptr (LiaisonParticipant) old = NULL;
  g_autofree char *now = liaison_store_now ();
  const char      *id;
  sqlite3_stmt    *stmt;

  g_return_val_if_fail (LIAISON_IS_PARTICIPANT (participant), FALSE);

  if (g_once_init_enter (&upsert_sql))
    {
      GString *sql = g_string_new ("INSERT INTO participants (id, created, modified");
      GString *update = g_string_new (" ON CONFLICT (id) DO UPDATE SET modified = excluded.modified");

      for (guint i = 0; i < G_N_ELEMENTS (liaison_store_participant_fields); i++)
        {
          g_string_append_printf (sql, ", %s", liaison_store_participant_fields[i]);
          g_string_append_printf (update, ", %s = excluded.%s", liaison_store_participant_fields[i], liaison_store_participant_fields[i]);
        }
      g_string_append (sql, ") VALUES (?, ?, ?");
      for (guint i = 0; i < G_N_ELEMENTS (liaison_store_participant_fields); i++)
        g_string_append (sql, ", ?");
      g_string_append (sql, ")");
      g_string_append (sql, update->str);
      g_string_free (update, TRUE);
      g_once_init_leave (&upsert_sql, g_string_free (sql, FALSE));
    }

  id = liaison_participant_get_id (participant);
  if (!liaison_store_begin (self, error))
    return FALSE;

  old = liaison_store_get_participant (self, id, NULL);
  if (!validate_participant (participant, old, origin, error))
    goto fail;
  if (old != NULL)
    old_values = liaison_store_participant_to_values (old);
  values = liaison_store_participant_to_values (participant);

  stmt = liaison_store_stmt (self, upsert_sql, error);
  if (stmt == NULL)
    goto fail;
  bind_text (stmt, 1, id);
  bind_text (stmt, 2, now);
  bind_text (stmt, 3, now);
  for (guint i = 0; i < G_N_ELEMENTS (liaison_store_participant_fields); i++)
    bind_text (stmt, i + 4, values[i]);
  if (!liaison_store_step_done (self, stmt, error) || !save_participant_bilingual (self, participant, error) ||
      !liaison_store_index_participant (self, participant, error)
      /* The sort key is derived, not a change a person made. */
      || !liaison_store_journal_diff (self, origin, "participant", id, liaison_store_participant_fields, G_N_ELEMENTS (liaison_store_participant_fields) - 1,
                                      old_values, values, error))
    goto fail;

  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

LiaisonParticipant *
liaison_store_get_participant (LiaisonStore *self, const char *id, GError **error)
{
  sqlite3_stmt       *stmt = liaison_store_stmt (self, PARTICIPANT_SELECT " WHERE id = ?", error);
  LiaisonParticipant *p = NULL;
  int                 rc;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    p = participant_from_row (self, stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                 _ ("There is no participant with the identifier %s"), id);
  else
    liaison_store_set_error (self, error, rc);
  sqlite3_reset (stmt);
  return p;
}

LiaisonParticipant *
liaison_store_find_participant (LiaisonStore *self, const char *id_or_prefix, GError **error)
{
  g_autofree char *id = liaison_store_resolve_prefix (self, "participants", id_or_prefix, error);

  return id != NULL ? liaison_store_get_participant (self, id, error) : NULL;
}

LiaisonParticipant *
liaison_store_get_participant_by_rowid (LiaisonStore *self, gint64 rowid)
{
  sqlite3_stmt       *stmt = liaison_store_stmt (self, PARTICIPANT_SELECT " WHERE rowid = ?", NULL);
  LiaisonParticipant *p = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rowid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    p = participant_from_row (self, stmt);
  sqlite3_reset (stmt);
  return p;
}

gboolean
liaison_store_delete_participant (LiaisonStore *self, const char *id, LiaisonOrigin origin, GError **error)
{
  g_autoptr (LiaisonParticipant) old = NULL;
  g_auto (LiaisonStoreValues) values = NULL;
  g_autofree char *snapshot = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;

  if (!liaison_store_begin (self, error))
    return FALSE;

  old = liaison_store_get_participant (self, id, error);
  if (old == NULL)
    goto fail;
  values = liaison_store_participant_to_values (old);
  if (!liaison_store_read_timestamps (self, "participants", id, &created, &modified, error))
    goto fail;
  snapshot =
      liaison_store_snapshot_record (liaison_store_participant_fields, G_N_ELEMENTS (liaison_store_participant_fields), values, created, modified, NULL, 0);
  /* Places they held free up: the waitlists move, as for a cancellation. */
  if (!liaison_store_delete_registrations_of (self, "participant_id", id, origin, origin == LIAISON_ORIGIN_LOCAL, error))
    goto fail;

  if (!liaison_store_delete_record (self, "participants", "participant", id, origin, snapshot, error))
    goto fail;

  return liaison_store_commit (self, error);

fail:
  liaison_store_rollback (self);
  return FALSE;
}

guint
liaison_store_count_participants (LiaisonStore *self)
{
  return liaison_store_count_rows (self, "SELECT count(*) FROM participants");
}

/* The paged list model keeps only rowids and loads rows as they scroll in. */
GArray *
liaison_store_list_participant_rowids (LiaisonStore *self, const char *query, guint limit, GError **error)
{
  g_autoptr (GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int           rc;

  if (query != NULL && *query != '\0')
    {
      g_autoptr (GPtrArray) ids = liaison_store_search_ids (self, "participant", query, limit, error);

      if (ids == NULL)
        return NULL;
      stmt = liaison_store_stmt (self, "SELECT rowid FROM participants WHERE id = ?", error);
      if (stmt == NULL)
        return NULL;
      for (guint i = 0; i < ids->len; i++)
        {
          sqlite3_reset (stmt);
          bind_text (stmt, 1, g_ptr_array_index (ids, i));
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              gint64 rowid = sqlite3_column_int64 (stmt, 0);
              g_array_append_val (rowids, rowid);
            }
        }
      sqlite3_reset (stmt);
      return g_steal_pointer (&rowids);
    }

  stmt = liaison_store_stmt (self, "SELECT rowid FROM participants ORDER BY sort_key, rowid LIMIT ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit == 0 ? G_MAXINT64 : (gint64) limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rowids, rowid);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&rowids);
}

GPtrArray *
liaison_store_search_participants (LiaisonStore *self, const char *query, guint limit, GError **error)
{
  g_autoptr (GPtrArray) ids = liaison_store_search_ids (self, "participant", query, limit, error);
  g_autoptr (GPtrArray) people = NULL;

  if (ids == NULL)
    return NULL;
  people = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < ids->len; i++)
    {
      LiaisonParticipant *p = liaison_store_get_participant (self, g_ptr_array_index (ids, i), NULL);
      if (p != NULL)
        g_ptr_array_add (people, p);
    }
  return g_steal_pointer (&people);
}

static void
history_entry_free (LiaisonHistoryEntry *entry)
{
  liaison_history_entry_clear (entry);
  g_free (entry);
}

GPtrArray *
liaison_store_list_history (LiaisonStore *self, const char *participant_id, GError **error)
{
  g_autoptr (GPtrArray) history = g_ptr_array_new_with_free_func ((GDestroyNotify) history_entry_free);
  sqlite3_stmt *stmt;
  int           rc;

  stmt = liaison_store_stmt (self,
                             "SELECT e.id, e.year, e.kind, e.title_zh, e.title_en, r.role, r.status, e.track"
                             " FROM registrations r JOIN events e ON e.id = r.event_id"
                             " WHERE r.participant_id = ? ORDER BY e.start_local",
                             error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, participant_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LiaisonHistoryEntry *entry = g_new0 (LiaisonHistoryEntry, 1);

      entry->event_id = column_dup (stmt, 0);
      entry->year = sqlite3_column_int (stmt, 1);
      entry->kind = nick_value (LIAISON_TYPE_EVENT_KIND, (const char *) sqlite3_column_text (stmt, 2), 0);
      entry->title_zh = column_dup (stmt, 3);
      entry->title_en = column_dup (stmt, 4);
      entry->role = nick_value (LIAISON_TYPE_ROLE, (const char *) sqlite3_column_text (stmt, 5), 0);
      entry->status = nick_value (LIAISON_TYPE_REGISTRATION_STATUS, (const char *) sqlite3_column_text (stmt, 6), 0);
      entry->track = column_dup (stmt, 7);
      g_ptr_array_add (history, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return NULL;
    }
  return g_steal_pointer (&history);
}
