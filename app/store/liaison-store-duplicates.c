/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-store-match-private.h"
#include "liaison-store-merge.h"
#include "liaison-store-private.h"

/* Finding duplicates: every person against every other (the scan, on a
 * matcher loaded with everyone), one person against the database (through
 * the search index), and the reasons said to people. The rules themselves
 * are liaison-store-match.c's. */

char *
liaison_match_reasons_describe (LiaisonMatchReasons reasons)
{
  static const struct
  {
    LiaisonMatchReasons reason;
    const char         *text;
  } words[] = {
    { LIAISON_MATCH_SAME_EMAIL, N_ ("same e-mail") },
    { LIAISON_MATCH_SAME_NATIVE_NAME, N_ ("same name") },
    { LIAISON_MATCH_SAME_LATIN_NAME, N_ ("same name in Latin script") },
    { LIAISON_MATCH_NAME_ACROSS_SCRIPTS, N_ ("same name in another script") },
    { LIAISON_MATCH_SAME_PHONE, N_ ("same telephone number") },
    { LIAISON_MATCH_SAME_COUNTRY, N_ ("same country") },
    { LIAISON_MATCH_SAME_ORGANISATION, N_ ("same organisation") },
    { LIAISON_MATCH_OTHER_COUNTRY, N_ ("another country") },
    { LIAISON_MATCH_OTHER_EMAILS, N_ ("other e-mail addresses") },
    { LIAISON_MATCH_OTHER_GENDER, N_ ("another gender") },
    { LIAISON_MATCH_COMMON_NAME, N_ ("a name many people here share") },
  };
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (reasons & words[i].reason)
      {
        if (s->len > 0)
          g_string_append (s, C_ ("list", ", "));
        g_string_append (s, g_dgettext (GETTEXT_PACKAGE, words[i].text));
      }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ------------------------------------------------------------------------ */
/* Every person against every other                                          */

typedef struct
{
  LiaisonPersonMatcher *self;
  guint                 min_score;
  guint                 from, to; /* the people this part looks at */
  GCancellable         *cancellable;
  GArray               *pairs; /* LiaisonMatchPair */
  gint                 *done;  /* people looked at, all parts together */
} ScanPart;

static gpointer
scan_part (gpointer data)
{
  ScanPart *part = data;
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) found = g_ptr_array_new ();

  for (guint i = part->from; i < part->to; i++)
    {
      if (((i - part->from) & 255) == 0)
        {
          if (g_cancellable_is_cancelled (part->cancellable))
            break;
          g_atomic_int_add (part->done, 256);
        }
      liaison_person_matcher_pairs_of (part->self, i, part->min_score, seen, found, part->pairs);
    }
  return NULL;
}

static int
compare_pairs (gconstpointer a,
               gconstpointer b)
{
  const LiaisonMatchPair *pa = a;
  const LiaisonMatchPair *pb = b;

  if (pa->a != pb->a)
    return pa->a < pb->a ? -1 : 1;
  if (pa->b != pb->b)
    return pa->b < pb->b ? -1 : 1;
  return 0;
}

/* Each person is matched as a candidate against all (in two threads when
 * there are many: the matcher is only read), and a pair found from both
 * sides is kept once. */
GArray *
liaison_person_matcher_scan (LiaisonPersonMatcher    *self,
                             guint                    min_score,
                             LiaisonMatchProgressFunc progress,
                             gpointer                 progress_data,
                             GCancellable            *cancellable,
                             GError                 **error)
{
  guint    n = liaison_person_matcher_get_size (self);
  guint    n_parts = n >= 4096 ? MIN (g_get_num_processors (), 2) : 1;
  ScanPart parts[2] = { 0 };
  GThread *other = NULL;
  gint     done = 0;
  GArray  *all;

  if (min_score == 0)
    min_score = LIAISON_MATCH_MIN_SCORE;
  for (guint k = 0; k < n_parts; k++)
    {
      parts[k].self = self;
      parts[k].min_score = min_score;
      parts[k].from = n * k / n_parts;
      parts[k].to = n * (k + 1) / n_parts;
      parts[k].cancellable = cancellable;
      parts[k].pairs = g_array_new (FALSE, FALSE, sizeof (LiaisonMatchPair));
      parts[k].done = &done;
    }
  if (n_parts > 1)
    other = g_thread_new ("liaison-duplicates", scan_part, &parts[1]);
  /* This thread's part, in slices, so progress is reported from here. */
  {
    guint end = parts[0].to;

    for (guint from = parts[0].from; from < end; from += 4096)
      {
        parts[0].from = from;
        parts[0].to = MIN (end, from + 4096);
        scan_part (&parts[0]);
        if (progress != NULL && n > 0)
          progress (MIN (1.0, (double) g_atomic_int_get (&done) / n), progress_data);
        if (g_cancellable_is_cancelled (cancellable))
          break;
      }
  }
  if (other != NULL)
    g_thread_join (other);
  for (guint k = 1; k < n_parts; k++)
    {
      g_array_append_vals (parts[0].pairs, parts[k].pairs->data, parts[k].pairs->len);
      g_array_unref (parts[k].pairs);
    }
  all = parts[0].pairs;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_array_unref (all);
      return NULL;
    }
  g_array_sort (all, compare_pairs);
  /* Found from both sides: once. */
  {
    guint kept = 0;

    for (guint i = 0; i < all->len; i++)
      {
        LiaisonMatchPair *p = &g_array_index (all, LiaisonMatchPair, i);

        if (kept > 0 && compare_pairs (p, &g_array_index (all, LiaisonMatchPair, kept - 1)) == 0)
          continue;
        g_array_index (all, LiaisonMatchPair, kept++) = *p;
      }
    g_array_set_size (all, kept);
  }
  if (progress != NULL)
    progress (1.0, progress_data);
  return all;
}

/* ------------------------------------------------------------------------ */
/* One person against the database, through the search index               */

static void
add_found (LiaisonStore         *self,
           LiaisonPersonMatcher *matcher,
           GHashTable           *seen,
           const char           *query)
{
  g_autoptr (GPtrArray) ids = NULL;

  if (query == NULL || *query == '\0')
    return;
  ids = liaison_store_search_ids (self, "participant", query, 50, NULL);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr (LiaisonParticipant) p = NULL;

      if (g_hash_table_contains (seen, id))
        continue;
      g_hash_table_add (seen, g_strdup (id));
      p = liaison_store_get_participant (self, id, NULL);
      if (p != NULL)
        liaison_person_matcher_add (matcher, p);
    }
}

/* The people the index finds by every query the candidate makes
 * (liaison_person_match_queries), matched as an import matches. */
GPtrArray *
liaison_store_match_person (LiaisonStore       *self,
                            LiaisonParticipant *candidate,
                            guint               limit,
                            GError            **error)
{
  g_autoptr (LiaisonPersonMatcher) matcher = liaison_person_matcher_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) queries = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  queries = liaison_person_match_queries (candidate);
  for (guint i = 0; i < queries->len; i++)
    add_found (self, matcher, seen, g_ptr_array_index (queries, i));
  (void) error;
  return liaison_person_matcher_match (matcher, candidate, limit);
}

/* ------------------------------------------------------------------------ */
/* Duplicates                                                                */

void
liaison_duplicate_pair_free (LiaisonDuplicatePair *pair)
{
  if (pair == NULL)
    return;
  g_free (pair->id_a);
  g_free (pair->id_b);
  g_free (pair->name_a);
  g_free (pair->name_b);
  g_free (pair);
}

static int
compare_duplicates (gconstpointer a,
                    gconstpointer b)
{
  const LiaisonDuplicatePair *pa = *(LiaisonDuplicatePair *const *) a;
  const LiaisonDuplicatePair *pb = *(LiaisonDuplicatePair *const *) b;
  int                         c;

  if (pa->score != pb->score)
    return pa->score > pb->score ? -1 : 1;
  c = strcmp (pa->id_a, pb->id_a);
  return c != 0 ? c : strcmp (pa->id_b, pb->id_b);
}

typedef struct
{
  LiaisonMatchProgressFunc progress;
  gpointer                 data;
  double                   from, span;
} Stage;

static void
stage_progress (double   fraction,
                gpointer data)
{
  Stage *stage = data;

  if (stage->progress != NULL)
    stage->progress (stage->from + fraction * stage->span, stage->data);
}

GPtrArray *
liaison_store_find_duplicates (LiaisonStore            *self,
                               guint                    min_score,
                               LiaisonMatchProgressFunc progress,
                               gpointer                 progress_data,
                               GCancellable            *cancellable,
                               GError                 **error)
{
  g_autoptr (LiaisonPersonMatcher) matcher = liaison_person_matcher_new ();
  g_autoptr (GArray) pairs = NULL;
  GPtrArray *result;
  /* Reading and reducing every person to keys is most of the work. */
  Stage load = { progress, progress_data, 0.0, 0.6 };
  Stage scan = { progress, progress_data, 0.6, 0.4 };

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  if (!liaison_person_matcher_load (matcher, self, stage_progress, &load, cancellable, error))
    return NULL;
  pairs = liaison_person_matcher_scan (matcher, min_score, stage_progress, &scan, cancellable, error);
  if (pairs == NULL)
    return NULL;
  result = g_ptr_array_new_full (pairs->len, (GDestroyNotify) liaison_duplicate_pair_free);
  for (guint i = 0; i < pairs->len; i++)
    {
      LiaisonMatchPair     *m = &g_array_index (pairs, LiaisonMatchPair, i);
      LiaisonDuplicatePair *d = g_new0 (LiaisonDuplicatePair, 1);
      const char           *a = liaison_person_matcher_get_id (matcher, m->a);
      const char           *b = liaison_person_matcher_get_id (matcher, m->b);
      gboolean              swap = strcmp (a, b) > 0;

      d->id_a = g_strdup (swap ? b : a);
      d->id_b = g_strdup (swap ? a : b);
      d->name_a = g_strdup (liaison_person_matcher_get_name (matcher, swap ? m->b : m->a));
      d->name_b = g_strdup (liaison_person_matcher_get_name (matcher, swap ? m->a : m->b));
      d->score = m->score;
      d->reasons = m->reasons;
      g_ptr_array_add (result, d);
    }
  g_ptr_array_sort (result, compare_duplicates);
  return result;
}

GPtrArray *
liaison_store_find_duplicates_of (LiaisonStore       *self,
                                  LiaisonParticipant *person,
                                  guint               limit,
                                  GError            **error)
{
  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);
  g_return_val_if_fail (LIAISON_IS_PARTICIPANT (person), NULL);

  return liaison_store_match_person (self, person, limit, error);
}
