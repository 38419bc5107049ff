/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "bench-search-reference.h"
#include "liaison-search-key.h"

/* One person: their texts folded, one a line, and their place in the order
 * of activity (the docid of their search document). */
typedef struct
{
  gint64 docid;
  char  *names;
  char  *texts;
  char  *others;
} Person;

struct _BenchReference
{
  GArray *people;
};

static char *
lines (GPtrArray *texts)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < texts->len; i++)
    {
      g_string_append (s, g_ptr_array_index (texts, i));
      g_string_append_c (s, '\n');
    }
  return g_string_free (s, FALSE);
}

static void
person_clear (gpointer data)
{
  Person *p = data;

  g_free (p->names);
  g_free (p->texts);
  g_free (p->others);
}

BenchReference *
bench_reference_new (LiaisonStore *store,
                     const char   *database,
                     GError      **error)
{
  g_autoptr (GArray) rowids = liaison_store_list_participant_rowids (store, NULL, 0, error);
  g_autoptr (GHashTable) docids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  BenchReference *ref;
  sqlite3        *db = NULL;
  sqlite3_stmt   *stmt = NULL;

  if (rowids == NULL)
    return NULL;
  /* The order of activity is recorded state, read as it is. */
  if (sqlite3_open_v2 (database, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT entity_id, docid FROM search_docs WHERE entity = 'participant'", -1, &stmt,
                          NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", database, sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 docid = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (docids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_memdup2 (&docid, sizeof docid));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  ref = g_new0 (BenchReference, 1);
  ref->people = g_array_sized_new (FALSE, FALSE, sizeof (Person), rowids->len);
  g_array_set_clear_func (ref->people, person_clear);
  for (guint i = 0; i < rowids->len; i++)
    {
      g_autoptr (LiaisonParticipant) p = liaison_store_get_participant_by_rowid (store, g_array_index (rowids, gint64, i));
      g_autoptr (LiaisonSearchTexts) texts = NULL;
      gint64 *docid;
      Person  person;

      if (p == NULL)
        continue;
      docid = g_hash_table_lookup (docids, liaison_participant_get_id (p));
      if (docid == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s has no search document",
                       liaison_participant_get_id (p));
          bench_reference_free (ref);
          return NULL;
        }
      texts = liaison_search_texts_for_participant (p);
      person.docid = *docid;
      person.names = lines (texts->names);
      person.texts = lines (texts->texts);
      person.others = lines (texts->others);
      g_array_append_val (ref->people, person);
    }
  return ref;
}

guint
bench_reference_size (BenchReference *ref)
{
  return ref->people->len;
}

void
bench_reference_free (BenchReference *ref)
{
  if (ref == NULL)
    return;
  g_array_unref (ref->people);
  g_free (ref);
}

/* Calls func on each line of texts until it says TRUE. */
static gboolean
any_line (const char *texts,
          gboolean (*func) (const char *line, gsize len, const char *q),
          const char *q)
{
  const char *line = texts;

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');

      if (func (line, end - line, q))
        return TRUE;
      line = end + 1;
    }
  return FALSE;
}

static gboolean
line_is (const char *line, gsize len, const char *q)
{
  return strlen (q) == len && strncmp (line, q, len) == 0;
}

static gboolean
line_starts (const char *line, gsize len, const char *q)
{
  gsize n = strlen (q);

  return n <= len && strncmp (line, q, n) == 0;
}

static gboolean
line_contains (const char *line, gsize len, const char *q)
{
  g_autofree char *copy = g_strndup (line, len);

  return strstr (copy, q) != NULL;
}

/* A Latin word of the line (a run of Latin letters and digits) starts
 * with q. */
static gboolean
line_word_starts (const char *line, gsize len, const char *q)
{
  const char *end = line + len;
  gboolean    in_word = FALSE;
  gsize       n = strlen (q);

  for (const char *p = line; p < end; p = g_utf8_next_char (p))
    {
      gboolean word = liaison_search_is_gram_char (g_utf8_get_char (p), TRUE);

      if (word && !in_word && (gsize) (end - p) >= n && strncmp (p, q, n) == 0)
        return TRUE;
      in_word = word;
    }
  return FALSE;
}

static gboolean
all_chars (const char *q, gboolean latin)
{
  for (const char *p = q; *p != '\0'; p = g_utf8_next_char (p))
    if (!liaison_search_is_gram_char (g_utf8_get_char (p), latin))
      return FALSE;
  return TRUE;
}

/* The best tier of a person for one reading of the query: 0 the name is
 * the query, 1 a name starts with it, 2 any text holds it, 3 none. */
static int
tier_of (Person *person, LiaisonSearchVariant *v)
{
  /* A reading in Latin letters: whole words at the start of a name, or of
   * an organisation. */
  if (v->syllables)
    {
      g_autofree char *word_start = g_strconcat (v->text, " ", NULL);

      if (v->whole && any_line (person->names, line_is, v->text))
        return 0;
      if (any_line (person->names, line_is, v->text) || any_line (person->names, line_starts, word_start))
        return 1;
      if (any_line (person->texts, line_is, v->text) || any_line (person->texts, line_starts, word_start))
        return 2;
      return 3;
    }

  if (v->whole && any_line (person->names, line_is, v->text))
    return 0;
  if (any_line (person->names, line_starts, v->text))
    return 1;
  if (g_utf8_strlen (v->text, -1) >= 3)
    {
      if (any_line (person->names, line_contains, v->text) || any_line (person->texts, line_contains, v->text) ||
          any_line (person->others, line_contains, v->text))
        return 2;
      return 3;
    }
  /* One or two characters: a piece of another script's run, or the start
   * of a Latin word, in a name or an organisation (not an e-mail). */
  if (all_chars (v->text, FALSE))
    return any_line (person->names, line_contains, v->text) || any_line (person->texts, line_contains, v->text) ? 2 : 3;
  if (all_chars (v->text, TRUE))
    return any_line (person->names, line_word_starts, v->text) || any_line (person->texts, line_word_starts, v->text)
               ? 2
               : 3;
  return 3;
}

typedef struct
{
  int    tier;
  gint64 docid;
} Hit;

static int
compare_hits (gconstpointer a, gconstpointer b)
{
  const Hit *x = a, *y = b;

  if (x->tier != y->tier)
    return x->tier - y->tier;
  return x->docid < y->docid ? 1 : x->docid > y->docid ? -1
                                                       : 0;
}

GArray *
bench_reference_search (BenchReference *ref,
                        const char     *query,
                        guint           limit)
{
  g_autoptr (GPtrArray) variants = liaison_search_query_variants (query);
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  GArray *docids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < ref->people->len && variants->len > 0; i++)
    {
      Person *person = &g_array_index (ref->people, Person, i);
      int     best = 3;

      for (guint v = 0; v < variants->len && best > 0; v++)
        best = MIN (best, tier_of (person, g_ptr_array_index (variants, v)));
      if (best < 3)
        g_array_append_val (hits, ((Hit){ best, person->docid }));
    }
  g_array_sort (hits, compare_hits);
  for (guint i = 0; i < hits->len && i < limit; i++)
    g_array_append_val (docids, g_array_index (hits, Hit, i).docid);
  return docids;
}
