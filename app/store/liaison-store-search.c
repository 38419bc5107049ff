/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-search-key.h"
#include "liaison-store-private.h"

/* Finding records: the search documents of events and participants (one
 * per record, in search_docs, search_fts, search_short and search_others;
 * their names and organisations in search_names and search_forms), and
 * identifiers from a part of them. */

/* A search document's keys: each name form between U+E000 and U+E001,
 * each organisation or city between U+E002 and U+E001, each other text
 * (e-mails, venues) between U+E003 and U+E001, a space inside the marks. A
 * query never holds the marks (liaison_search_query_variants takes them
 * out), so no match in the trigram index spans two texts, and "\uE000 q"
 * is a name that starts with q. Names and organisations are also rows of
 * search_names, for "is" and "starts with" in a B-tree. */
#define NAME_START "\xee\x80\x80 "
#define TEXT_START "\xee\x80\x82 "
#define OTHER_START "\xee\x80\x83 "
#define TEXT_END " \xee\x80\x81"
/* U+E003 alone: a query never holds it, nor any text (they are cleaned of
 * the marks), so its first place in keys is where the other texts start. */
#define OTHER_MARK "\xee\x80\x83"

/* The kinds of search_names rows. */
enum
{
  KIND_NAME,
  KIND_TEXT,
};

static void
append_keys (GString *keys, GPtrArray *texts, const char *start)
{
  for (guint i = 0; i < texts->len; i++)
    {
      g_string_append (keys, start);
      g_string_append (keys, g_ptr_array_index (texts, i));
      g_string_append (keys, TEXT_END);
    }
}

/* The id of a name or organisation in search_forms, 0 if it has none. */
static gboolean
form_id (LiaisonStore *self, int kind, const char *form, gsize len, gint64 *id, GError **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT id FROM search_forms WHERE kind = ? AND form = ?", error);
  int           rc;

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_text (stmt, 2, form, len, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* A name or organisation into search_forms (and its trigram index) if no
 * document had it yet. Most have it: a look first (an INSERT that does
 * nothing, or one with RETURNING, costs ten times as much: bulk loads
 * took twice as long with them). */
static gboolean
add_form (LiaisonStore *self, int kind, const char *form, gsize len, GError **error)
{
  sqlite3_stmt *stmt;
  gint64        id;

  if (!form_id (self, kind, form, len, &id, error))
    return FALSE;
  if (id != 0)
    return TRUE;
  stmt = liaison_store_stmt (self, "INSERT INTO search_forms (kind, form) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_text (stmt, 2, form, len, SQLITE_TRANSIENT);
  if (!liaison_store_step_done (self, stmt, error) || !form_id (self, kind, form, len, &id, error))
    return FALSE;
  stmt = liaison_store_stmt (self, "INSERT INTO search_forms_fts (rowid, form) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, form, len, SQLITE_TRANSIENT);
  return liaison_store_step_done (self, stmt, error);
}

/* A name or organisation out of search_forms once no search_names row has
 * it: a name removed (anonymised) is not kept there. */
static gboolean
drop_form (LiaisonStore *self, int kind, const char *form, gsize len, GError **error)
{
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT 1 FROM search_names WHERE kind = ? AND form = ? LIMIT 1", error);
  gboolean      used;
  gint64        id = 0;
  int           rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, kind);
  sqlite3_bind_text (stmt, 2, form, len, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  used = rc == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  if (used)
    return TRUE;

  if (!form_id (self, kind, form, len, &id, error))
    return FALSE;
  if (id == 0)
    return TRUE;

  /* An external-content FTS5 table forgets a row given its old text. */
  stmt = liaison_store_stmt (self, "INSERT INTO search_forms_fts (search_forms_fts, rowid, form) VALUES ('delete', ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, form, len, SQLITE_TRANSIENT);
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;
  stmt = liaison_store_stmt (self, "DELETE FROM search_forms WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return liaison_store_step_done (self, stmt, error);
}

/* Writes (insert) or removes the search_names rows of a document's names
 * and organisations, read from its keys, and adds the search_forms rows
 * they need; on removal with drop_forms, removes the forms no other
 * document has (a move, which writes the same names again at once,
 * keeps them). */
static gboolean
write_names (LiaisonStore *self, const char *keys, gint64 docid, gboolean insert, gboolean drop_forms, GError **error)
{
  const char *p = keys;

  while ((p = strchr (p, '\xee')) != NULL)
    {
      int           kind = g_str_has_prefix (p, NAME_START) ? KIND_NAME : g_str_has_prefix (p, TEXT_START) ? KIND_TEXT
                                                                                                           : -1;
      const char   *start = p + strlen (NAME_START);
      const char   *end;
      sqlite3_stmt *stmt;

      if (kind < 0 || (end = strstr (start, TEXT_END)) == NULL)
        {
          p++;
          continue;
        }
      p = end + strlen (TEXT_END);
      stmt = liaison_store_stmt (self,
                                 insert ? "INSERT OR IGNORE INTO search_names (form, kind, docid) VALUES (?, ?, ?)"
                                        : "DELETE FROM search_names WHERE form = ? AND kind = ? AND docid = ?",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, start, end - start, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, kind);
      sqlite3_bind_int64 (stmt, 3, docid);
      if (!liaison_store_step_done (self, stmt, error))
        return FALSE;
      if (insert ? !add_form (self, kind, start, end - start, error)
                 : drop_forms && !drop_form (self, kind, start, end - start, error))
        return FALSE;
    }
  return TRUE;
}

/* The other texts of a document's keys (e-mail addresses, venues): all
 * from the first OTHER_START on (append_keys writes them last), as
 * search_others holds them; NULL when there are none. */
static const char *
other_keys (const char *keys)
{
  return keys != NULL ? strstr (keys, OTHER_MARK) : NULL;
}

/* Adds (insert) or removes a document's row of search_others. */
static gboolean
write_others (LiaisonStore *self, const char *keys, gint64 docid, gboolean insert, GError **error)
{
  const char   *others = other_keys (keys);
  sqlite3_stmt *stmt;

  if (others == NULL)
    return TRUE;
  /* A contentless FTS5 table forgets a row given its old text. */
  stmt = liaison_store_stmt (self,
                             insert ? "INSERT INTO search_others (rowid, others) VALUES (?, ?)"
                                    : "INSERT INTO search_others (search_others, rowid, others) VALUES ('delete', ?, ?)",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docid);
  bind_text (stmt, 2, others);
  return liaison_store_step_done (self, stmt, error);
}

static void
append_grams (GString *grams, GPtrArray *texts)
{
  for (guint i = 0; i < texts->len; i++)
    {
      g_auto (GStrv) pieces = liaison_search_short_grams (g_ptr_array_index (texts, i));

      for (guint j = 0; pieces[j] != NULL; j++)
        {
          if (grams->len > 0)
            g_string_append_c (grams, ' ');
          g_string_append (grams, pieces[j]);
        }
    }
}

/* Takes a document out of the trigram and short-gram indexes and out of
 * search_docs, and says which docid, keys and grams it had (0 and NULL
 * when there was none). */
static gboolean
remove_search_doc (LiaisonStore *self,
                   const char   *entity,
                   const char   *entity_id,
                   gint64       *docid,
                   char        **keys,
                   char        **grams,
                   GError      **error)
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

  if (grams != NULL)
    {
      stmt = liaison_store_stmt (self, "SELECT grams FROM search_short WHERE rowid = ?", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *docid);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        *grams = column_dup (stmt, 0);
      sqlite3_reset (stmt);
    }

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
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;

  stmt = liaison_store_stmt (self, "DELETE FROM search_docs WHERE docid = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, *docid);
  if (!liaison_store_step_done (self, stmt, error) || !write_names (self, old_keys, *docid, FALSE, keys == NULL, error) ||
      !write_others (self, old_keys, *docid, FALSE, error))
    return FALSE;

  if (keys != NULL)
    *keys = g_steal_pointer (&old_keys);
  return TRUE;
}

/* Events' documents are numbered from here, participants' from 1: a search
 * of one kind asks the index for its range, with no join. */
#define EVENT_DOCIDS (G_GINT64_CONSTANT (1) << 62)

/* The docid of the latest document of an entity, 0 when there is none. */
gint64
liaison_store_last_docid (LiaisonStore *self, const char *entity)
{
  /* Not max (): with the WHERE it reads every row. */
  sqlite3_stmt *stmt = liaison_store_stmt (self, "SELECT docid FROM search_docs WHERE docid >= ? AND docid < ? ORDER BY docid DESC LIMIT 1", NULL);
  gboolean      events = g_str_equal (entity, "event");
  gint64        last = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, events ? EVENT_DOCIDS : 1);
  sqlite3_bind_int64 (stmt, 2, events ? G_MAXINT64 : EVENT_DOCIDS);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return last;
}

/* Each write of a document gives it the next docid of its kind, so the
 * order of docids is the order of activity (a record written, a person
 * registered) and the index gives the most recent first, stopping at the
 * limit, with no sort. Always upwards: FTS5 writes out what it holds in
 * memory whenever a rowid is lower than the last one. */
static gint64
next_docid (LiaisonStore *self, const char *entity)
{
  gint64 last = liaison_store_last_docid (self, entity);

  if (last == 0)
    return g_str_equal (entity, "event") ? EVENT_DOCIDS : 1;
  return last + 1;
}

/* search_docs, search_fts, search_short, search_others, search_names and
 * search_forms are kept in step here, one row per statement (see migration 0003 for why not with triggers). */
static gboolean
insert_search_doc (LiaisonStore *self,
                   const char   *entity,
                   const char   *entity_id,
                   const char   *keys,
                   const char   *grams,
                   GError      **error)
{
  sqlite3_stmt *stmt;
  gint64        docid = next_docid (self, entity);

  stmt = liaison_store_stmt (self, "INSERT INTO search_docs (docid, entity, entity_id, keys) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docid);
  bind_text (stmt, 2, entity);
  bind_text (stmt, 3, entity_id);
  bind_text (stmt, 4, keys);
  if (!liaison_store_step_done (self, stmt, error))
    return FALSE;

  stmt = liaison_store_stmt (self, "INSERT INTO search_fts (rowid, keys) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docid);
  bind_text (stmt, 2, keys);
  if (!liaison_store_step_done (self, stmt, error) || !write_names (self, keys, docid, TRUE, FALSE, error) ||
      !write_others (self, keys, docid, TRUE, error))
    return FALSE;

  if (grams == NULL || *grams == '\0')
    return TRUE;
  stmt = liaison_store_stmt (self, "INSERT INTO search_short (rowid, grams) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, docid);
  bind_text (stmt, 2, grams);
  return liaison_store_step_done (self, stmt, error);
}

static gboolean
write_search_doc (LiaisonStore *self, const char *entity, const char *entity_id, LiaisonSearchTexts *texts, GError **error)
{
  g_autoptr (GString) keys = g_string_new (NULL);
  g_autoptr (GString) grams = g_string_new (NULL);
  gint64 docid;

  append_keys (keys, texts->names, NAME_START);
  append_keys (keys, texts->texts, TEXT_START);
  append_keys (keys, texts->others, OTHER_START);
  append_grams (grams, texts->names);
  append_grams (grams, texts->texts);

  return remove_search_doc (self, entity, entity_id, &docid, NULL, NULL, error) &&
         insert_search_doc (self, entity, entity_id, keys->str, grams->str, error);
}

gboolean
liaison_store_delete_search_doc (LiaisonStore *self, const char *entity, const char *entity_id, GError **error)
{
  gint64 docid;

  return remove_search_doc (self, entity, entity_id, &docid, NULL, NULL, error);
}

static gboolean
move_search_doc (LiaisonStore *self, const char *entity, const char *entity_id, GError **error)
{
  g_autofree char *keys = NULL;
  g_autofree char *grams = NULL;
  gint64           docid;

  if (!remove_search_doc (self, entity, entity_id, &docid, &keys, &grams, error))
    return FALSE;
  if (docid == 0)
    return TRUE;
  return insert_search_doc (self, entity, entity_id, keys, grams, error);
}

/* A person registered moves to the front of their ties: the document is
 * the same, its docid the next. In a bulk load (an import, a sync), at its
 * end, once. */
gboolean
liaison_store_note_activity (LiaisonStore *self, const char *entity, const char *entity_id, GError **error)
{
  if (g_str_equal (entity, "participant") && liaison_store_defer_activity (self, entity_id))
    return TRUE;
  return move_search_doc (self, entity, entity_id, error);
}

/* The end of a bulk load: the people registered in it, in the order of
 * their last registration, except those the load wrote itself (docids
 * after written_after), which are at the front already. */
gboolean
liaison_store_move_search_docs (LiaisonStore *self, GPtrArray *participant_ids, gint64 written_after, GError **error)
{
  g_autoptr (GHashTable) last = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *stmt;

  for (guint i = 0; i < participant_ids->len; i++)
    g_hash_table_insert (last, g_ptr_array_index (participant_ids, i), GUINT_TO_POINTER (i));
  for (guint i = 0; i < participant_ids->len; i++)
    {
      const char *id = g_ptr_array_index (participant_ids, i);
      gint64      docid = 0;

      if (GPOINTER_TO_UINT (g_hash_table_lookup (last, id)) != i)
        continue;
      stmt = liaison_store_stmt (self, "SELECT docid FROM search_docs WHERE entity = 'participant' AND entity_id = ?", error);
      if (stmt == NULL)
        return FALSE;
      bind_text (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        docid = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (docid > written_after || docid == 0)
        continue;
      if (!move_search_doc (self, "participant", id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
liaison_store_index_event (LiaisonStore *self, LiaisonEvent *event, GError **error)
{
  g_autoptr (LiaisonSearchTexts) texts = liaison_search_texts_for_event (event);

  return write_search_doc (self, "event", liaison_event_get_id (event), texts, error);
}

gboolean
liaison_store_index_participant (LiaisonStore *self, LiaisonParticipant *p, GError **error)
{
  g_autoptr (LiaisonSearchTexts) texts = liaison_search_texts_for_participant (p);

  return write_search_doc (self, "participant", liaison_participant_get_id (p), texts, error);
}

/* ------------------------------------------------------------------------ */
/* Searching                                                                 */

/* A search gives, best first: the records with a name that is the query,
 * then those with a name that starts with it, then those with any text
 * that holds it; within each, the most recent activity first (the docids'
 * order). A query is read several ways (liaison_search_query_variants):
 *
 * - as typed: is a name, starts a name (search_names), holds it anywhere
 *   (the trigram index; 1–2 characters: a piece of another script or the
 *   start of a Latin word in a name or organisation, search_short);
 * - read in Latin letters (syllables): is a name, is or starts a name as
 *   whole words, is or starts an organisation as whole words.
 *
 * "Is" and "starts with" are ranges of the B-tree search_names, read whole
 * and sorted; a range of more than DENSE rows asks the trigram index for
 * the same (it stops at the limit: many match). */

#define DENSE 2000

/* Docids read whole from search_names, and MATCH expressions for the
 * trigram and short-piece indexes, which stop at the limit. */
typedef struct
{
  GHashTable *exact;
  GString    *fts;
  GString    *grams;
  GPtrArray  *substrings;
} Tier;

static void
append_phrase (GString *expression, const char *before, const char *text, const char *after)
{
  if (expression->len > 0)
    g_string_append (expression, " OR ");
  g_string_append_c (expression, '"');
  g_string_append (expression, before);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (expression, '"');
      g_string_append_c (expression, *p);
    }
  g_string_append (expression, after);
  g_string_append_c (expression, '"');
}

/* A piece of one or two characters that search_short holds: all of a
 * Latin word's or all of another script's characters. */
static gboolean
is_gram (const char *text)
{
  gboolean latin = liaison_search_is_gram_char (g_utf8_get_char (text), TRUE);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!liaison_search_is_gram_char (g_utf8_get_char (p), latin))
      return FALSE;
  return TRUE;
}

/* The docids of an entity with a search_names row of kind in [low, high):
 * into tier->exact, unless there are more than DENSE (then *dense). */
static gboolean
names_range (LiaisonStore *self, gboolean events, int kind, const char *low, const char *high, Tier *tier, gboolean *dense, GError **error)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int           rc;

  stmt = liaison_store_stmt (self,
                             "SELECT docid FROM search_names WHERE form >= ? AND form < ? AND kind = ?"
                             " AND docid >= ? AND docid < ? LIMIT ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, low);
  bind_text (stmt, 2, high);
  sqlite3_bind_int (stmt, 3, kind);
  sqlite3_bind_int64 (stmt, 4, events ? EVENT_DOCIDS : 1);
  sqlite3_bind_int64 (stmt, 5, events ? G_MAXINT64 : EVENT_DOCIDS);
  sqlite3_bind_int (stmt, 6, DENSE + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 docid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (found, docid);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  *dense = found->len > DENSE;
  if (!*dense)
    for (guint i = 0; i < found->len; i++)
      g_hash_table_add (tier->exact, g_memdup2 (&g_array_index (found, gint64, i), sizeof (gint64)));
  return TRUE;
}

/* The upper end of the range of texts that start with text. */
static char *
after_prefix (const char *text)
{
  /* No UTF-8 character is above these two bytes. */
  return g_strconcat (text, "\xf4\x90", NULL);
}

static gboolean
names_equal (LiaisonStore *self, gboolean events, int kind, const char *text, Tier *tier, GError **error)
{
  g_autofree char *high = g_strconcat (text, "\x01", NULL);
  gboolean         dense;

  /* Only text itself lies in [text, text + U+0001). */
  return names_range (self, events, kind, text, high, tier, &dense, error);
}

/* Names that start with text, and with " " after it for whole words. */
static gboolean
names_starting (LiaisonStore *self, gboolean events, int kind, const char *text, gboolean words, Tier *tier, gboolean *dense, GError **error)
{
  g_autofree char *low = words ? g_strconcat (text, " ", NULL) : g_strdup (text);
  g_autofree char *high = words ? g_strconcat (text, "!", NULL) : after_prefix (text);

  return names_range (self, events, kind, low, high, tier, dense, error);
}

static gboolean
build_tier (LiaisonStore *self, gboolean events, GPtrArray *variants, int n, Tier *tier, GError **error)
{
  for (guint i = 0; i < variants->len; i++)
    {
      LiaisonSearchVariant *v = g_ptr_array_index (variants, i);
      gboolean              dense = FALSE;

      switch (n)
        {
        case 0:
          if (v->whole && !names_equal (self, events, KIND_NAME, v->text, tier, error))
            return FALSE;
          break;
        case 1:
          if (v->syllables && !names_equal (self, events, KIND_NAME, v->text, tier, error))
            return FALSE;
          if (!names_starting (self, events, KIND_NAME, v->text, v->syllables, tier, &dense, error))
            return FALSE;
          if (dense)
            append_phrase (tier->fts, NAME_START, v->text, v->syllables ? " " : "");
          break;
        default:
          if (v->syllables)
            {
              if (!names_equal (self, events, KIND_TEXT, v->text, tier, error) ||
                  !names_starting (self, events, KIND_TEXT, v->text, TRUE, tier, &dense, error))
                return FALSE;
              if (dense)
                append_phrase (tier->fts, TEXT_START, v->text, " ");
            }
          else if (g_utf8_strlen (v->text, -1) > 3)
            g_ptr_array_add (tier->substrings, v->text);
          else if (g_utf8_strlen (v->text, -1) == 3)
            append_phrase (tier->fts, "", v->text, "");
          else if (is_gram (v->text))
            append_phrase (tier->grams, "", v->text, "");
        }
    }
  return TRUE;
}

/* Up to limit docids of one entity for a MATCH expression on an FTS5
 * table, most recent activity first. */
static gboolean
match_docids (LiaisonStore *self, gboolean events, const char *table, const char *expression, guint limit, GArray *docids, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ? AND rowid >= ? AND rowid < ?"
                                          " ORDER BY rowid DESC LIMIT ?",
                                          table, table);
  sqlite3_stmt    *stmt;
  int              rc;

  if (*expression == '\0')
    return TRUE;
  stmt = liaison_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, expression);
  sqlite3_bind_int64 (stmt, 2, events ? EVENT_DOCIDS : 1);
  sqlite3_bind_int64 (stmt, 3, events ? G_MAXINT64 : EVENT_DOCIDS);
  sqlite3_bind_int64 (stmt, 4, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 docid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (docids, docid);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

static int
compare_desc (gconstpointer a, gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? 1 : x > y ? -1
                           : 0;
}

/* More than this many documents to check one by one, and the trigram
 * index checks them instead. */
#define VERIFY_MAX 1000
/* This many found (or as many estimated) upwards, and the search goes
 * downwards to its limit. */
#define MANY 2000

/* Up to limit docids matching expression whose keys hold text, most
 * recent first. */
static gboolean
verified_docids (LiaisonStore *self, gboolean events, const char *table, const char *expression, const char *text, guint limit, GArray *docids, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ? AND rowid >= ? AND rowid < ?"
                                          " ORDER BY rowid DESC",
                                          table, table);
  sqlite3_stmt    *stmt, *keys;
  int              rc = SQLITE_DONE;

  stmt = liaison_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, expression);
  sqlite3_bind_int64 (stmt, 2, events ? EVENT_DOCIDS : 1);
  sqlite3_bind_int64 (stmt, 3, events ? G_MAXINT64 : EVENT_DOCIDS);
  keys = liaison_store_stmt (self, "SELECT keys FROM search_docs WHERE docid = ?", error);
  if (keys == NULL)
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  while (docids->len < limit && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 docid = sqlite3_column_int64 (stmt, 0);

      sqlite3_bind_int64 (keys, 1, docid);
      if (sqlite3_step (keys) == SQLITE_ROW && strstr ((const char *) sqlite3_column_text (keys, 0), text) != NULL)
        g_array_append_val (docids, docid);
      sqlite3_reset (keys);
    }
  sqlite3_reset (stmt);
  if (docids->len < limit && rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* All the docids for a MATCH expression, upwards (where the index skips
 * through long doclists), into docids; FALSE in *all if there are many
 * (as the 64th found shows, or MANY found), and then docids is partial. */
static gboolean
match_all_docids (LiaisonStore *self, gboolean events, const char *table, const char *expression, gint64 last, GArray *docids, gboolean *all, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ? AND rowid >= ? AND rowid < ?"
                                          " ORDER BY rowid",
                                          table, table);
  sqlite3_stmt    *stmt;
  gint64           low = events ? EVENT_DOCIDS : 1;
  int              rc;

  *all = TRUE;
  stmt = liaison_store_stmt (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, expression);
  sqlite3_bind_int64 (stmt, 2, low);
  sqlite3_bind_int64 (stmt, 3, events ? G_MAXINT64 : EVENT_DOCIDS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 docid = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (docids, docid);
      if (docids->len >= MANY || (docids->len == 64 && 64.0 * (last - low + 1) / (docid - low + 1) > MANY))
        {
          *all = FALSE;
          break;
        }
    }
  sqlite3_reset (stmt);
  if (*all && rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* How many documents of an entity match a MATCH expression, roughly: from
 * where its 64th is among the docids (a few microseconds when many match),
 * or fewer than 64. */
static double
estimate_docs (LiaisonStore *self, gboolean events, const char *table, const char *expression, gint64 last, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT rowid FROM %s WHERE %s MATCH ? AND rowid >= ? AND rowid < ?"
                                          " ORDER BY rowid LIMIT 1 OFFSET 63",
                                          table, table);
  sqlite3_stmt    *stmt;
  gint64           low = events ? EVENT_DOCIDS : 1;
  double           docs = 32;

  stmt = liaison_store_stmt (self, sql, error);
  if (stmt == NULL)
    return -1;
  bind_text (stmt, 1, expression);
  sqlite3_bind_int64 (stmt, 2, low);
  sqlite3_bind_int64 (stmt, 3, events ? G_MAXINT64 : EVENT_DOCIDS);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    docs = 64.0 * (last - low + 1) / (sqlite3_column_int64 (stmt, 0) - low + 1);
  sqlite3_reset (stmt);
  return docs;
}

typedef struct
{
  const char *start;
  gsize       len;
  double      docs;
} Trigram;

static int
compare_trigrams (gconstpointer a, gconstpointer b)
{
  const Trigram *x = a, *y = b;

  return x->docs < y->docs ? -1 : x->docs > y->docs;
}

/* Up to limit docids of a trigram index (search_fts: whole documents;
 * search_others: their other texts) that hold text (four characters or
 * more), most recent first; a document found is one whose keys hold it.
 * The trigram index checks every trigram of it, and
 * a text of common ones that few documents hold ("7903@example" among a
 * million addresses at example.org) costs it 20 ms at a million people,
 * most of it going downwards through long doclists. So: when few documents
 * hold its three rarest trigrams (each estimated by estimate_docs), those
 * are read and each one's keys searched for the whole text; else the
 * index checks it, upwards (where it skips through long doclists) and, if
 * many match, downwards to the limit. */
static gboolean
fts_substring_docids (LiaisonStore *self, gboolean events, const char *table, const char *text, guint limit, GArray *docids, GError **error)
{
  g_autoptr (GArray) trigrams = g_array_new (FALSE, FALSE, sizeof (Trigram));
  g_autoptr (GString) expression = g_string_new (NULL);
  gint64 last = liaison_store_last_docid (self, events ? "event" : "participant");

  for (const char *a = text; *a != '\0'; a = g_utf8_next_char (a))
    {
      const char *b = g_utf8_next_char (a);
      const char *c = *b != '\0' ? g_utf8_next_char (b) : b;
      const char *end = *c != '\0' ? g_utf8_next_char (c) : c;
      Trigram     t = { a, end - a, 0 };
      gboolean    again = FALSE;

      if (*c == '\0')
        break;
      for (guint i = 0; i < trigrams->len && !again; i++)
        again = g_array_index (trigrams, Trigram, i).len == t.len &&
                strncmp (g_array_index (trigrams, Trigram, i).start, t.start, t.len) == 0;
      if (again)
        continue;
      {
        g_autofree char *one = g_strndup (t.start, t.len);
        g_autoptr (GString) phrase = g_string_new (NULL);

        append_phrase (phrase, "", one, "");
        t.docs = estimate_docs (self, events, table, phrase->str, last, error);
      }
      if (t.docs < 0)
        return FALSE;
      g_array_append_val (trigrams, t);
    }
  g_array_sort (trigrams, compare_trigrams);
  for (guint i = 0; i < MIN (trigrams->len, 3); i++)
    {
      Trigram         *t = &g_array_index (trigrams, Trigram, i);
      g_autofree char *one = g_strndup (t->start, t->len);

      g_autoptr (GString) phrase = g_string_new (NULL);

      append_phrase (phrase, "", one, "");
      if (expression->len > 0)
        g_string_append (expression, " AND ");
      g_string_append (expression, phrase->str);
    }

  /* Few documents hold the rarest trigrams: read them and check each. */
  if (estimate_docs (self, events, table, expression->str, last, error) <= VERIFY_MAX)
    return verified_docids (self, events, table, expression->str, text, limit, docids, error);
  /* Else the index checks the whole text: upwards first, and if many
   * match, downwards to the limit. */
  {
    g_autoptr (GString) phrase = g_string_new (NULL);
    g_autoptr (GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));

    gboolean complete;

    append_phrase (phrase, "", text, "");
    if (!match_all_docids (self, events, table, phrase->str, last, all, &complete, error))
      return FALSE;
    if (!complete)
      return match_docids (self, events, table, phrase->str, limit, docids, error);
    g_array_sort (all, compare_desc);
    g_array_append_vals (docids, all->data, MIN (all->len, limit));
    return TRUE;
  }
}

/* More forms than this hold a text, and many documents do: the trigram
 * index of whole documents, which stops at the limit, answers it. */
#define FORMS_MAX 256
/* More search_names rows than this read through the forms, likewise. */
#define FORM_ROWS 4000

/* Up to limit docids of one entity with a name or organisation that holds
 * text, most recent first, through search_forms (the distinct names and
 * organisations) and search_names; *answered FALSE when so many forms or
 * documents hold it that the trigram index of documents, stopping at the
 * limit, is the quicker way (docids is then untouched). */
static gboolean
form_docids (LiaisonStore *self, gboolean events, const char *text, guint limit, GArray *docids, gboolean *answered, GError **error)
{
  g_autoptr (GString) phrase = g_string_new (NULL);
  g_autoptr (GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) kinds = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64        low = events ? EVENT_DOCIDS : 1;
  gint64        floor = low;
  guint         matched = 0, rows = 0;
  sqlite3_stmt *stmt;
  int           rc;

  *answered = FALSE;
  append_phrase (phrase, "", text, "");
  stmt = liaison_store_stmt (self,
                             "SELECT kind, form FROM search_forms WHERE id IN"
                             " (SELECT rowid FROM search_forms_fts WHERE search_forms_fts MATCH ?) LIMIT ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, phrase->str);
  sqlite3_bind_int (stmt, 2, FORMS_MAX + 1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *form = (const char *) sqlite3_column_text (stmt, 1);
      int         kind = sqlite3_column_int (stmt, 0);

      matched++;
      /* What the trigrams say, checked as the reference does. */
      if (form == NULL || strstr (form, text) == NULL)
        continue;
      g_ptr_array_add (forms, g_strdup (form));
      g_array_append_val (kinds, kind);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (self, error, rc);
      return FALSE;
    }
  if (matched > FORMS_MAX)
    return TRUE;

  /* Each form's most recent documents, only those above the limit-th
   * found so far. */
  stmt = liaison_store_stmt (self,
                             "SELECT docid FROM search_names WHERE kind = ? AND form = ? AND docid >= ? AND docid < ?"
                             " ORDER BY docid DESC LIMIT ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < forms->len; i++)
    {
      sqlite3_bind_int (stmt, 1, g_array_index (kinds, int, i));
      bind_text (stmt, 2, g_ptr_array_index (forms, i));
      sqlite3_bind_int64 (stmt, 3, floor);
      sqlite3_bind_int64 (stmt, 4, events ? G_MAXINT64 : EVENT_DOCIDS);
      sqlite3_bind_int64 (stmt, 5, limit);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 docid = sqlite3_column_int64 (stmt, 0);

          if (++rows > FORM_ROWS)
            {
              sqlite3_reset (stmt);
              return TRUE;
            }
          if (g_hash_table_contains (seen, &docid))
            continue;
          g_hash_table_add (seen, g_memdup2 (&docid, sizeof docid));
          g_array_append_val (found, docid);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          liaison_store_set_error (self, error, rc);
          return FALSE;
        }
      if (found->len >= limit)
        {
          g_array_sort (found, compare_desc);
          g_array_set_size (found, limit);
          floor = g_array_index (found, gint64, limit - 1) + 1;
        }
    }
  g_array_sort (found, compare_desc);
  g_array_append_vals (docids, found->data, MIN (found->len, limit));
  *answered = TRUE;
  return TRUE;
}

/* Up to limit docids whose keys hold text (four characters or more),
 * most recent first. Few documents hold most such texts, but many hold
 * all their trigrams ("qinghua daxue": every person of 清华大学, as
 * "qing hua da xue"), and the trigram index of whole documents walks the
 * doclists of all of them: 10-35 ms at a million people. So the names and
 * organisations that hold it are found among the distinct ones
 * (search_forms, 26,000 at a million people), their documents in
 * search_names, and the other texts (e-mail addresses, venues) in an index
 * of their own (search_others), which has no name's trigrams. When many
 * forms or documents hold it, the index of whole documents, which stops
 * at the limit, answers instead. */
static gboolean
substring_docids (LiaisonStore *self, gboolean events, const char *text, guint limit, GArray *docids, GError **error)
{
  g_autoptr (GArray) named = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) others = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean answered;
  guint    i = 0, j = 0;

  if (!form_docids (self, events, text, limit, named, &answered, error))
    return FALSE;
  if (!answered)
    return fts_substring_docids (self, events, "search_fts", text, limit, docids, error);
  if (!fts_substring_docids (self, events, "search_others", text, limit, others, error))
    return FALSE;

  /* Both most recent first: merged, each docid once. */
  while (docids->len < limit && (i < named->len || j < others->len))
    {
      gint64 a = i < named->len ? g_array_index (named, gint64, i) : G_MININT64;
      gint64 b = j < others->len ? g_array_index (others, gint64, j) : G_MININT64;
      gint64 next = MAX (a, b);

      i += a == next;
      j += b == next;
      g_array_append_val (docids, next);
    }
  return TRUE;
}

/* The docids of up to limit records of one entity ("participant" or
 * "event") for a query in any script, best first. */
GArray *
liaison_store_search_docids (LiaisonStore *self, const char *entity, const char *query, guint limit, GError **error)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GPtrArray) variants = liaison_search_query_variants (query);
  gboolean events = g_str_equal (entity, "event");

  if (variants->len == 0 || limit == 0)
    return g_steal_pointer (&found);

  for (int n = 0; n < 3 && found->len < limit; n++)
    {
      g_autoptr (GHashTable) exact = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_autoptr (GString) fts = g_string_new (NULL);
      g_autoptr (GString) grams = g_string_new (NULL);
      g_autoptr (GPtrArray) substrings = g_ptr_array_new ();
      Tier tier = { exact, fts, grams, substrings };
      g_autoptr (GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
      g_autoptr (GArray) at = g_array_new (FALSE, TRUE, sizeof (guint));

      if (!build_tier (self, events, variants, n, &tier, error))
        return NULL;
      for (guint k = 0; k < 3 + substrings->len; k++)
        g_ptr_array_add (lists, g_array_new (FALSE, FALSE, sizeof (gint64)));
      g_array_set_size (at, lists->len);
      {
        GHashTableIter iter;
        gpointer       key;

        g_hash_table_iter_init (&iter, exact);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          g_array_append_val (g_ptr_array_index (lists, 0), *(gint64 *) key);
        g_array_sort (g_ptr_array_index (lists, 0), compare_desc);
      }
      /* Those found in an earlier tier come again: ask for the limit. */
      if (!match_docids (self, events, "search_fts", fts->str, limit, g_ptr_array_index (lists, 1), error) ||
          !match_docids (self, events, "search_short", grams->str, limit, g_ptr_array_index (lists, 2), error))
        return NULL;
      for (guint k = 0; k < substrings->len; k++)
        if (!substring_docids (self, events, g_ptr_array_index (substrings, k), limit, g_ptr_array_index (lists, 3 + k),
                               error))
          return NULL;

      /* All in order of activity: merged, each docid once. */
      while (found->len < limit)
        {
          int    best = -1;
          gint64 next;

          for (guint k = 0; k < lists->len; k++)
            {
              GArray *list = g_ptr_array_index (lists, k);
              guint   i = g_array_index (at, guint, k);

              if (i < list->len &&
                  (best < 0 || g_array_index (list, gint64, i) >
                                   g_array_index ((GArray *) g_ptr_array_index (lists, best), gint64, g_array_index (at, guint, best))))
                best = k;
            }
          if (best < 0)
            break;
          next = g_array_index ((GArray *) g_ptr_array_index (lists, best), gint64, g_array_index (at, guint, best)++);
          if (g_hash_table_contains (seen, &next))
            continue;
          g_array_append_val (found, next);
          g_hash_table_add (seen, g_memdup2 (&next, sizeof next));
        }
    }

  return g_steal_pointer (&found);
}

/* The entity ids of up to limit records for a query, best first. */
GPtrArray *
liaison_store_search_ids (LiaisonStore *self, const char *entity, const char *query, guint limit, GError **error)
{
  g_autoptr (GArray) docids = liaison_store_search_docids (self, entity, query, limit, error);
  g_autoptr (GPtrArray) ids = NULL;
  sqlite3_stmt *stmt;

  if (docids == NULL)
    return NULL;
  ids = g_ptr_array_new_full (docids->len, g_free);
  stmt = liaison_store_stmt (self, "SELECT entity_id FROM search_docs WHERE docid = ?", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < docids->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (docids, gint64, i));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (ids, column_dup (stmt, 0));
    }
  sqlite3_reset (stmt);
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

GArray *
liaison_store_search_participant_docids (LiaisonStore *self, const char *query, guint limit, GError **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  return liaison_store_search_docids (self, "participant", query, limit, error);
}

LiaisonParticipant *
liaison_store_get_participant_by_docid (LiaisonStore *self, gint64 docid)
{
  sqlite3_stmt    *stmt = liaison_store_stmt (self, "SELECT entity_id FROM search_docs WHERE docid = ? AND entity = 'participant'", NULL);
  g_autofree char *id = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, docid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return id != NULL ? liaison_store_get_participant (self, id, NULL) : NULL;
}
