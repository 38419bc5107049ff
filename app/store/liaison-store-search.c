/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-search-key.h"
#include "liaison-store-private.h"

/* Finding records: the search documents of events and participants (one
 * per record, in search_docs, search_fts and search_short), and
 * identifiers from a part of them. */

static void
append_key (GString *keys, const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL || *text == '\0')
    return;
  folded = liaison_search_fold (text);
  if (folded == NULL || *folded == '\0')
    return;
  if (keys->len > 0)
    g_string_append (keys, " / ");
  g_string_append (keys, folded);
}

/* A transliterated name is indexed spaced ("li xia") and joined ("lixia"):
 * people type pinyin both ways. */
static void
append_transliteration (GString *keys, GString *names, const char *text, gboolean is_person)
{
  g_autofree char *latin = NULL;
  g_autofree char *joined = NULL;

  if (text == NULL || !liaison_search_has_non_latin (text))
    return;
  latin = liaison_search_transliterate (text, is_person);
  if (latin == NULL || *latin == '\0')
    return;

  append_key (keys, latin);
  if (names != NULL)
    append_key (names, latin);
  if (strchr (latin, ' ') != NULL)
    {
      GString *s = g_string_new (latin);
      g_string_replace (s, " ", "", 0);
      joined = g_string_free (s, FALSE);
      append_key (keys, joined);
    }
}

/* Takes a document out of the trigram and short-gram indexes (not out of
 * search_docs) and says which docid it had, or 0. */
static gboolean
unindex_search_doc (LiaisonStore *self, const char *entity, const char *entity_id, gint64 *docid, GError **error)
{
  sqlite3_stmt    *stmt;
  g_autofree char *old_keys = NULL;
  int              rc;

  *docid = 0;
  stmt = liaison_store_stmt (self, "SELECT docid, keys FROM search_docs WHERE entity = ? AND entity_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, entity_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *docid = sqlite3_column_int64 (stmt, 0);
      old_keys = column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  if (*docid == 0)
    return TRUE;

  /* An external-content FTS5 table forgets a row given its old text. */
  stmt = liaison_store_stmt (self, "INSERT INTO search_fts (search_fts, rowid, keys) VALUES ('delete', ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *docid);
  bind_text (stmt, 2, old_keys);
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;

  stmt = liaison_store_stmt (self, "DELETE FROM search_short WHERE rowid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *docid);
  return liaison_store_step_done (self, stmt, error);
}

/* search_docs, search_fts and search_short are kept in step here, one row
 * per statement (see migration 0003 for why not with triggers). */
static gboolean
write_search_doc (LiaisonStore *self,
                  const char   *entity,
                  const char   *entity_id,
                  const char   *keys,
                  const char   *gram_source,
                  GError      **error)
{
  sqlite3_stmt *stmt;
  gint64        docid;
  g_auto (GStrv) grams = NULL;
  g_autofree char *joined = NULL;

  if (!unindex_search_doc (self, entity, entity_id, &docid, error))
    return FALSE;

  if (docid != 0)
    {
      stmt = liaison_store_stmt (self, "UPDATE search_docs SET keys = ? WHERE docid = ?", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, keys);
      sqlite3_bind_int64 (stmt, 2, docid);
      if (!liaison_store_step_done (self, stmt, error))
        return FALSE;
    }
  else
    {
      stmt = liaison_store_stmt (self, "INSERT INTO search_docs (entity, entity_id, keys) VALUES (?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, entity);
      bind_text (stmt, 2, entity_id);
      bind_text (stmt, 3, keys);
      if (!liaison_store_step_done (self, stmt, error))
        return FALSE;
      docid = sqlite3_last_insert_rowid (sqlite3_db_handle (stmt));
    }

  stmt = liaison_store_stmt (self, "INSERT INTO search_fts (rowid, keys) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docid);
  bind_text (stmt, 2, keys);
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;

  grams = liaison_search_short_grams (gram_source);
  if (grams[0] == NULL)
    return TRUE;
  joined = g_strjoinv (" ", grams);
  stmt = liaison_store_stmt (self, "INSERT INTO search_short (rowid, grams) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docid);
  bind_text (stmt, 2, joined);
  return liaison_store_step_done (self, stmt, error);
}

gboolean
liaison_store_delete_search_doc (LiaisonStore *self, const char *entity, const char *entity_id, GError **error)
{
  sqlite3_stmt *stmt;
  gint64        docid;

  if (!unindex_search_doc (self, entity, entity_id, &docid, error))
    return FALSE;
  if (docid == 0)
    return TRUE;
  stmt = liaison_store_stmt (self, "DELETE FROM search_docs WHERE docid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docid);
  return liaison_store_step_done (self, stmt, error);
}

gboolean
liaison_store_index_event (LiaisonStore *self, LiaisonEvent *event, GError **error)
{
  g_autoptr (GString) keys = g_string_new (NULL);
  g_autoptr (GString) grams = g_string_new (NULL);
  LiaisonBilingual *title = liaison_event_get_title (event);
  LiaisonBilingual *city = liaison_event_get_city (event);

  append_key (keys, liaison_bilingual_get_text (title, LIAISON_LANGUAGE_ZH));
  append_key (keys, liaison_bilingual_get_text (title, LIAISON_LANGUAGE_EN));
  append_key (keys, liaison_bilingual_get_text (city, LIAISON_LANGUAGE_ZH));
  append_key (keys, liaison_bilingual_get_text (city, LIAISON_LANGUAGE_EN));
  append_key (keys, liaison_event_get_venue (event));
  append_key (grams, liaison_bilingual_get_text (title, LIAISON_LANGUAGE_ZH));
  append_key (grams, liaison_bilingual_get_text (city, LIAISON_LANGUAGE_ZH));

  return write_search_doc (self, "event", liaison_event_get_id (event), keys->str, grams->str, error);
}

gboolean
liaison_store_index_participant (LiaisonStore *self, LiaisonParticipant *p, GError **error)
{
  g_autoptr (GString) keys = g_string_new (NULL);
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char   *native = liaison_participant_dup_native_name (p);
  g_autofree char   *latin = liaison_participant_dup_latin_name (p);
  const char *const *emails = liaison_participant_get_emails (p);
  const char        *family = liaison_participant_get_family_latin (p);
  const char        *given = liaison_participant_get_given_latin (p);

  append_key (keys, native);
  append_key (names, native);
  append_key (keys, latin);
  append_key (names, latin);
  /* Either order, since forms and e-mails write Latin names both ways. */
  if (family != NULL && given != NULL)
    {
      g_autofree char *other = NULL;

      if (liaison_participant_get_name_order (p) == LIAISON_NAME_ORDER_FAMILY_FIRST)
        other = g_strconcat (given, " ", family, NULL);
      else
        other = g_strconcat (family, " ", given, NULL);
      append_key (keys, other);
    }
  append_transliteration (keys, names, native, TRUE);
  /* "fang wang" as well as "wang fang": the order forms in English ask for. */
  if (liaison_participant_get_family_native (p) != NULL && liaison_participant_get_given_native (p) != NULL &&
      liaison_search_has_non_latin (native))
    {
      g_autofree char *family_latin = liaison_search_transliterate (liaison_participant_get_family_native (p), TRUE);
      g_autofree char *given_latin = liaison_search_transliterate (liaison_participant_get_given_native (p), FALSE);

      if (family_latin != NULL && given_latin != NULL)
        {
          g_autofree char *reversed = g_strconcat (given_latin, " ", family_latin, NULL);
          append_key (keys, reversed);
        }
    }
  append_key (keys, liaison_bilingual_get_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_ZH));
  append_key (keys, liaison_bilingual_get_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN));
  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    append_key (keys, emails[i]);

  return write_search_doc (self, "participant", liaison_participant_get_id (p), keys->str, names->str, error);
}

/* Finds up to limit entity ids of one kind for a query in any script.
 * CROSS JOIN keeps the index as the outer loop: left to itself, the planner
 * walks every search document of the entity and probes the index for each
 * (half a second per query on 100,000 people). */
GPtrArray *
liaison_store_search_ids (LiaisonStore *self, const char *entity, const char *query, guint limit, GError **error)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *folded = liaison_search_fold (query);
  g_autofree char *latin = NULL;
  const char      *variants[2] = { folded, NULL };

  if (folded == NULL || *folded == '\0')
    return g_steal_pointer (&ids);

  if (liaison_search_has_non_latin (folded))
    variants[1] = latin = liaison_search_transliterate (folded, FALSE);

  for (guint v = 0; v < G_N_ELEMENTS (variants) && ids->len < limit; v++)
    {
      const char   *text = variants[v];
      sqlite3_stmt *stmt;
      int           rc;

      if (text == NULL || *text == '\0')
        continue;

      if (liaison_search_query_length (text) < 3)
        {
          g_autoptr (GString) gram = g_string_new (text);
          char *space = strchr (gram->str, ' ');

          if (space != NULL)
            g_string_truncate (gram, space - gram->str);
          g_string_replace (gram, "\"", "\"\"", 0);
          g_string_prepend_c (gram, '"');
          g_string_append_c (gram, '"');
          stmt = liaison_store_stmt (self,
                                     "SELECT d.entity_id FROM search_short s"
                                     " CROSS JOIN search_docs d ON d.docid = s.rowid"
                                     " WHERE search_short MATCH ? AND d.entity = ? LIMIT ?",
                                     error);
          if (stmt == NULL)
            return NULL;
          bind_text (stmt, 1, gram->str);
        }
      else
        {
          g_autoptr (GString) phrase = g_string_new (text);

          g_string_replace (phrase, "\"", "\"\"", 0);
          g_string_prepend_c (phrase, '"');
          g_string_append_c (phrase, '"');
          stmt = liaison_store_stmt (self,
                                     "SELECT d.entity_id FROM search_fts f"
                                     " CROSS JOIN search_docs d ON d.docid = f.rowid"
                                     " WHERE search_fts MATCH ? AND d.entity = ? LIMIT ?",
                                     error);
          if (stmt == NULL)
            return NULL;
          bind_text (stmt, 1, phrase->str);
        }
      bind_text (stmt, 2, entity);
      sqlite3_bind_int (stmt, 3, limit);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && ids->len < limit)
        {
          const char *id = (const char *) sqlite3_column_text (stmt, 0);

          if (!g_hash_table_contains (seen, id))
            {
              char *copy = g_strdup (id);
              g_ptr_array_add (ids, copy);
              g_hash_table_add (seen, copy);
            }
        }
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          liaison_store_set_error (self, error, rc);
          sqlite3_reset (stmt);
          return NULL;
        }
      sqlite3_reset (stmt);
    }

  return g_steal_pointer (&ids);
}

/* Lets a person type the first characters of an identifier, as with git. */
gboolean
liaison_store_looks_like_id_part (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p) && *p != '-')
      return FALSE;
  return *text != '\0';
}

/* Every id of table that starts or ends with part (at most two: one is
 * the answer, two say "give more of it"). Compared byte for byte, so an
 * identifier from another client (a khal UID, "khal-Style-UID-1") is
 * matched as it is written; part is a bound value, never a pattern. */
static gboolean
find_by_part (LiaisonStore *self, const char *table, const char *part, GPtrArray *found, GError **error)
{
  g_autofree char *by_start = g_strdup_printf ("SELECT id FROM %s WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 2", table);
  g_autofree char *by_end = g_strdup_printf ("SELECT id FROM %s WHERE length (id) > length (?1)"
                                             " AND substr (id, -length (?1)) = ?1 LIMIT 2",
                                             table);
  /* No UTF-8 byte is 0xff: every id that starts with part sorts below this. */
  g_autofree char *upper = g_strconcat (part, "\xff", NULL);
  sqlite3_stmt    *stmt;

  stmt = liaison_store_stmt (self, by_start, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, part);
  bind_text (stmt, 2, upper);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (found, column_dup (stmt, 0));
  sqlite3_reset (stmt);

  stmt = liaison_store_stmt (self, by_end, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, part);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *id = column_dup (stmt, 0);

      if (!g_ptr_array_find_with_equal_func (found, id, g_str_equal, NULL))
        g_ptr_array_add (found, g_steal_pointer (&id));
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* An identifier from the whole of it, or from a unique start or end of 4+
 * characters: the CLI shows the end (liaison_uuid_short), people also copy
 * the start. Any identifier works, not only a UUID: other clients name
 * their records as they like (khal's "JNICD0MXMQ9VQ3P57ISRKE8X2OFA119ISI4J"),
 * so the whole identifier is tried first, as written; a UUID's part may
 * also be typed in capitals. */
char *
liaison_store_resolve_prefix (LiaisonStore *self, const char *table, const char *part, GError **error)
{
  g_autofree char *exact_sql = g_strdup_printf ("SELECT id FROM %s WHERE id = ?", table);
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *shown = NULL;
  sqlite3_stmt    *stmt;

  if (part == NULL || *part == '\0' || !g_utf8_validate (part, -1, NULL))
    goto not_found;

  stmt = liaison_store_stmt (self, exact_sql, error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, part);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (found, column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (found->len == 1)
    return g_strdup (g_ptr_array_index (found, 0));

  if (g_utf8_strlen (part, -1) < 4)
    goto not_found;
  if (!find_by_part (self, table, part, found, error))
    return NULL;
  if (found->len == 0 && liaison_store_looks_like_id_part (part))
    {
      g_autofree char *lower = g_ascii_strdown (part, -1);

      if (!g_str_equal (lower, part) && !find_by_part (self, table, lower, found, error))
        return NULL;
    }

  if (found->len == 1)
    return g_strdup (g_ptr_array_index (found, 0));
  if (found->len > 1)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                   _ ("“%s” is part of more than one identifier; give more of it"), part);
      return NULL;
    }

not_found:
  shown = g_utf8_make_valid (part != NULL ? part : "", -1);
  g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND, _ ("Nothing has the identifier “%s”"), shown);
  return NULL;
}
