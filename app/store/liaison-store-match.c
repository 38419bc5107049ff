/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-search-key.h"
#include "liaison-store-match.h"
#include "liaison-store-private.h"

/* Matching people (see liaison-store-match.h for the rules). Each person
 * is reduced to keys once: e-mails, phone numbers, a key of the name in
 * its own script, and Latin keys (their Latin name, and the reading of a
 * Han name). Keys that are equal mean the same name; the score weighs
 * what agrees and what does not. */

typedef struct
{
  char  *id;
  char  *name; /* display name */
  char   country[3];
  char **emails;  /* lower case */
  char **phones;  /* the last 8 digits */
  char  *native;  /* own-script name key, or NULL */
  char **latin;   /* Latin-name keys */
  char **reading; /* keys of the Latin reading of a Han name */
} Person;

struct _LiaisonPersonMatcher
{
  GPtrArray  *people;
  GHashTable *by_email; /* key → GPtrArray of Person, not owned */
  GHashTable *by_phone;
  GHashTable *by_name; /* native, Latin and reading keys alike */
};

void
liaison_person_match_free (LiaisonPersonMatch *match)
{
  if (match == NULL)
    return;
  g_free (match->participant_id);
  g_free (match->name);
  g_free (match);
}

static void
person_free (Person *p)
{
  g_free (p->id);
  g_free (p->name);
  g_strfreev (p->emails);
  g_strfreev (p->phones);
  g_free (p->native);
  g_strfreev (p->latin);
  g_strfreev (p->reading);
  g_free (p);
}

/* ------------------------------------------------------------------------ */
/* Keys                                                                      */

static gboolean
has_latin_letter (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_han_only (const char *text)
{
  gboolean any = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00b7 || c == 0x30fb)
        continue;
      if (g_unichar_get_script (c) != G_UNICODE_SCRIPT_HAN)
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* Lower case, Latin diacritics gone, punctuation a person may or may not
 * type (Jean-Pierre, Dato' Sri, Nguyen Van A.) gone or a space. Text with
 * no Latin letter skips ICU: NFKC and lower case are all it needs. */
static char *
fold (const char *text)
{
  g_autofree char *folded = NULL;
  GString         *out;
  gboolean         space = FALSE;

  if (text == NULL || *text == '\0')
    return NULL;
  if (has_latin_letter (text))
    folded = liaison_search_fold (text);
  else
    {
      g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
      folded = nfkc != NULL ? g_utf8_strdown (nfkc, -1) : NULL;
    }
  if (folded == NULL)
    return NULL;
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '.' || c == '\'' || c == 0x2019 || c == ',')
        continue;
      if (g_unichar_isspace (c) || c == '-' || c == 0x00b7 || c == 0x30fb)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static char *
sorted_words (const char *folded)
{
  g_auto (GStrv) words = g_strsplit (folded, " ", -1);

  qsort (words, g_strv_length (words), sizeof (char *), compare_strings);
  return g_strjoinv (" ", words);
}

static char *
without_spaces (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static void
add_key (GPtrArray *keys,
         char      *key)
{
  if (key == NULL || *key == '\0')
    {
      g_free (key);
      return;
    }
  for (guint i = 0; i < keys->len; i++)
    if (g_str_equal (g_ptr_array_index (keys, i), key))
      {
        g_free (key);
        return;
      }
  g_ptr_array_add (keys, key);
}

/* The keys of a Latin name in two parts (either may be missing, already
 * folded): its words in any order, and both parts run together either way
 * round (Lixia, Xiali for Li Xia; people join pinyin syllables). */
static char **
name_keys (const char *family,
           const char *given)
{
  GPtrArray       *keys = g_ptr_array_new ();
  g_autofree char *full = NULL;

  if (family == NULL && given == NULL)
    {
      g_ptr_array_add (keys, NULL);
      return (char **) g_ptr_array_free (keys, FALSE);
    }
  full = family != NULL && given != NULL ? g_strconcat (family, " ", given, NULL) : g_strdup (family != NULL ? family : given);
  add_key (keys, sorted_words (full));
  if (family != NULL && given != NULL)
    {
      g_autofree char *f = without_spaces (family);
      g_autofree char *g = without_spaces (given);

      add_key (keys, g_strconcat (f, g, NULL));
      add_key (keys, g_strconcat (g, f, NULL));
    }
  else
    add_key (keys, without_spaces (full));
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_free (keys, FALSE);
}

static char *
reading_of (const char *text,
            gboolean    is_family)
{
  g_autofree char *latin = NULL;

  if (text == NULL || !is_han_only (text))
    return NULL;
  latin = liaison_search_transliterate (text, is_family);
  return latin != NULL ? fold (latin) : NULL;
}

static char **
list_keys (const char *const *list,
           gboolean           phones)
{
  GPtrArray *keys = g_ptr_array_new ();

  for (guint i = 0; list != NULL && list[i] != NULL; i++)
    {
      if (phones)
        {
          GString *digits = g_string_new (NULL);

          for (const char *c = list[i]; *c != '\0'; c++)
            if (g_ascii_isdigit (*c))
              g_string_append_c (digits, *c);
          /* The last 8 digits: with or without +86, 0086 or a leading 0. */
          if (digits->len >= 8)
            add_key (keys, g_strdup (digits->str + digits->len - 8));
          g_string_free (digits, TRUE);
        }
      else
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (list[i]));
          add_key (keys, g_ascii_strdown (trimmed, -1));
        }
    }
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_free (keys, FALSE);
}

static Person *
person_new (const char        *id,
            const char        *family_native,
            const char        *given_native,
            const char        *family_latin,
            const char        *given_latin,
            const char        *country,
            const char *const *emails,
            const char *const *phones)
{
  Person          *p = g_new0 (Person, 1);
  g_autofree char *fn = fold (family_native);
  g_autofree char *gn = fold (given_native);
  g_autofree char *fl = fold (family_latin);
  g_autofree char *gl = fold (given_latin);
  g_autofree char *fr = NULL;
  g_autofree char *gr = NULL;

  p->id = g_strdup (id);
  if (country != NULL && strlen (country) == 2)
    {
      p->country[0] = g_ascii_toupper (country[0]);
      p->country[1] = g_ascii_toupper (country[1]);
    }
  p->emails = list_keys (emails, FALSE);
  p->phones = list_keys (phones, TRUE);

  if (fn != NULL || gn != NULL)
    {
      g_autofree char *full = fn != NULL && gn != NULL ? g_strconcat (fn, " ", gn, NULL) : g_strdup (fn != NULL ? fn : gn);

      /* Han names are written family first without a space: the
       * characters in order; other scripts' words in any order. */
      p->native = is_han_only (full) ? without_spaces (full) : sorted_words (full);
      if (fn != NULL && gn != NULL)
        {
          fr = reading_of (family_native, TRUE);
          gr = reading_of (given_native, FALSE);
        }
      else
        fr = reading_of (family_native != NULL ? family_native : given_native, TRUE);
    }
  p->latin = name_keys (fl, gl);
  p->reading = name_keys (fr, gr);
  return p;
}

static Person *
person_from_participant (LiaisonParticipant *participant)
{
  Person *p = person_new (liaison_participant_get_id (participant), liaison_participant_get_family_native (participant),
                          liaison_participant_get_given_native (participant), liaison_participant_get_family_latin (participant),
                          liaison_participant_get_given_latin (participant), liaison_participant_get_country (participant),
                          liaison_participant_get_emails (participant), liaison_participant_get_phones (participant));

  p->name = liaison_participant_dup_display_name (participant);
  return p;
}

/* ------------------------------------------------------------------------ */
/* Scores                                                                    */

static gboolean
share_any (char **a,
           char **b)
{
  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    for (guint j = 0; b != NULL && b[j] != NULL; j++)
      if (g_str_equal (a[i], b[j]))
        return TRUE;
  return FALSE;
}

static guint
score (Person              *a,
       Person              *b,
       LiaisonMatchReasons *out)
{
  LiaisonMatchReasons r = 0;
  int                 s = 0;

  if (share_any (a->emails, b->emails))
    r |= LIAISON_MATCH_SAME_EMAIL;
  else if (a->emails[0] != NULL && b->emails[0] != NULL)
    r |= LIAISON_MATCH_OTHER_EMAILS;
  if (share_any (a->phones, b->phones))
    r |= LIAISON_MATCH_SAME_PHONE;
  if (a->native != NULL && b->native != NULL && g_str_equal (a->native, b->native))
    r |= LIAISON_MATCH_SAME_NATIVE_NAME;
  /* Two names in their own script that differ are two people, however
   * alike they read (李霞 and 李夏 are both Li Xia); readings are matched
   * against Latin names only, for the same reason. */
  if (a->native == NULL || b->native == NULL || (r & LIAISON_MATCH_SAME_NATIVE_NAME))
    {
      if (share_any (a->latin, b->latin))
        r |= LIAISON_MATCH_SAME_LATIN_NAME;
      if (share_any (a->latin, b->reading) || share_any (a->reading, b->latin))
        r |= LIAISON_MATCH_NAME_ACROSS_SCRIPTS;
    }
  if (a->country[0] != '\0' && b->country[0] != '\0')
    r |= strcmp (a->country, b->country) == 0 ? LIAISON_MATCH_SAME_COUNTRY : LIAISON_MATCH_OTHER_COUNTRY;

  if (r & LIAISON_MATCH_SAME_EMAIL)
    s = LIAISON_MATCH_CERTAIN;
  else
    {
      if (r & LIAISON_MATCH_SAME_NATIVE_NAME)
        s = 70;
      else if (r & LIAISON_MATCH_SAME_LATIN_NAME)
        s = 60;
      else if (r & LIAISON_MATCH_NAME_ACROSS_SCRIPTS)
        s = 50;
      else if (r & LIAISON_MATCH_SAME_PHONE)
        s = 40;
      if (s > 0)
        {
          /* Both scripts agree. */
          if ((r & LIAISON_MATCH_SAME_NATIVE_NAME) && (r & (LIAISON_MATCH_SAME_LATIN_NAME | LIAISON_MATCH_NAME_ACROSS_SCRIPTS)))
            s += 10;
          if ((r & LIAISON_MATCH_SAME_PHONE) && s != 40)
            s += 10;
          if (r & LIAISON_MATCH_SAME_COUNTRY)
            s += 10;
          if (r & LIAISON_MATCH_OTHER_COUNTRY)
            s -= 30;
          if (r & LIAISON_MATCH_OTHER_EMAILS)
            s -= 20;
        }
      s = CLAMP (s, 0, LIAISON_MATCH_CERTAIN - 1);
    }
  if (out != NULL)
    *out = r;
  return (guint) s;
}

guint
liaison_person_match_score (LiaisonParticipant  *a,
                            LiaisonParticipant  *b,
                            LiaisonMatchReasons *reasons)
{
  Person *pa = person_from_participant (a);
  Person *pb = person_from_participant (b);
  guint   s = score (pa, pb, reasons);

  person_free (pa);
  person_free (pb);
  return s;
}

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
    { LIAISON_MATCH_OTHER_COUNTRY, N_ ("another country") },
    { LIAISON_MATCH_OTHER_EMAILS, N_ ("other e-mail addresses") },
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
/* The matcher                                                               */

static void
index_keys (GHashTable *index,
            char      **keys,
            Person     *p)
{
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      GPtrArray *list = g_hash_table_lookup (index, keys[i]);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (index, keys[i], list);
        }
      if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != p)
        g_ptr_array_add (list, p);
    }
}

static void
index_person (LiaisonPersonMatcher *self,
              Person               *p)
{
  char *native[] = { p->native, NULL };

  g_ptr_array_add (self->people, p);
  index_keys (self->by_email, p->emails, p);
  index_keys (self->by_phone, p->phones, p);
  index_keys (self->by_name, native, p);
  index_keys (self->by_name, p->latin, p);
  index_keys (self->by_name, p->reading, p);
}

LiaisonPersonMatcher *
liaison_person_matcher_new (void)
{
  LiaisonPersonMatcher *self = g_new0 (LiaisonPersonMatcher, 1);

  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) person_free);
  /* Keys belong to the people; the lists to the tables. */
  self->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->by_phone = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
liaison_person_matcher_free (LiaisonPersonMatcher *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_email);
  g_hash_table_unref (self->by_phone);
  g_hash_table_unref (self->by_name);
  g_ptr_array_unref (self->people);
  g_free (self);
}

guint
liaison_person_matcher_get_size (LiaisonPersonMatcher *self)
{
  return self->people->len;
}

/* A person to match against that is not (yet) in the database: an earlier
 * row of the same import. */
void
liaison_person_matcher_add (LiaisonPersonMatcher *self,
                            LiaisonParticipant   *person)
{
  index_person (self, person_from_participant (person));
}

gboolean
liaison_person_matcher_load (LiaisonPersonMatcher    *self,
                             LiaisonStore            *store,
                             LiaisonMatchProgressFunc progress,
                             gpointer                 progress_data,
                             GCancellable            *cancellable,
                             GError                 **error)
{
  guint         total = liaison_store_count_participants (store);
  guint         n = 0;
  sqlite3_stmt *stmt;
  int           rc;

  stmt = liaison_store_stmt (store,
                             "SELECT id, family_native, given_native, family_latin, given_latin, country, emails, phones, name_order"
                             " FROM participants",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *emails = (const char *) sqlite3_column_text (stmt, 6);
      const char *phones = (const char *) sqlite3_column_text (stmt, 7);
      g_auto (GStrv) email_list = emails != NULL && *emails != '\0' ? g_strsplit (emails, "\n", -1) : NULL;
      g_auto (GStrv) phone_list = phones != NULL && *phones != '\0' ? g_strsplit (phones, "\n", -1) : NULL;

      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *names[4];
      Person     *p;

      for (guint i = 0; i < 4; i++)
        names[i] = (const char *) sqlite3_column_text (stmt, 1 + i);
      p = person_new (id, names[0], names[1], names[2], names[3], (const char *) sqlite3_column_text (stmt, 5),
                      (const char *const *) email_list, (const char *const *) phone_list);
      /* The name as the rest of Liaison shows it. */
      {
        g_autoptr (LiaisonParticipant) shown = liaison_participant_new (id);
        int order = LIAISON_NAME_ORDER_FAMILY_FIRST;

        liaison_enum_from_nick (LIAISON_TYPE_NAME_ORDER, (const char *) sqlite3_column_text (stmt, 8), &order);
        liaison_participant_set_native_name (shown, names[0], names[1]);
        liaison_participant_set_latin_name (shown, names[2], names[3]);
        liaison_participant_set_name_order (shown, order);
        p->name = liaison_participant_dup_display_name (shown);
      }
      index_person (self, p);
      if ((++n & 1023) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              sqlite3_reset (stmt);
              return FALSE;
            }
          if (progress != NULL && total > 0)
            progress ((double) n / total, progress_data);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      liaison_store_set_error (store, error, rc);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/* A name shared by hundreds of people here (a common Chinese name, an
 * Indonesian mononym) is weighed against the first of them only: enough to
 * say "possible duplicate", and 100,000 rows stay a matter of seconds.
 * E-mails and phones come first, so the person who has the same address
 * is always among them. */
#define MAX_WEIGHED 64

static void
collect (GHashTable *index,
         char      **keys,
         GHashTable *seen,
         GPtrArray  *found)
{
  for (guint i = 0; keys != NULL && keys[i] != NULL && found->len < MAX_WEIGHED; i++)
    {
      GPtrArray *list = g_hash_table_lookup (index, keys[i]);

      for (guint j = 0; list != NULL && j < list->len && found->len < MAX_WEIGHED; j++)
        if (g_hash_table_add (seen, g_ptr_array_index (list, j)))
          g_ptr_array_add (found, g_ptr_array_index (list, j));
    }
}

static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const LiaisonPersonMatch *ma = *(LiaisonPersonMatch *const *) a;
  const LiaisonPersonMatch *mb = *(LiaisonPersonMatch *const *) b;

  if (ma->score != mb->score)
    return ma->score > mb->score ? -1 : 1;
  return strcmp (ma->participant_id, mb->participant_id);
}

static GPtrArray *
match_person (LiaisonPersonMatcher *self,
              Person               *c,
              guint                 limit)
{
  GPtrArray *matches = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_person_match_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) found = g_ptr_array_new ();
  char *native[] = { c->native, NULL };

  collect (self->by_email, c->emails, seen, found);
  collect (self->by_phone, c->phones, seen, found);
  collect (self->by_name, native, seen, found);
  collect (self->by_name, c->latin, seen, found);
  collect (self->by_name, c->reading, seen, found);

  for (guint i = 0; i < found->len; i++)
    {
      Person             *p = g_ptr_array_index (found, i);
      LiaisonMatchReasons reasons;
      guint               s;

      if (c->id != NULL && g_strcmp0 (p->id, c->id) == 0)
        continue;
      s = score (c, p, &reasons);
      if (s >= LIAISON_MATCH_MIN_SCORE)
        {
          LiaisonPersonMatch *m = g_new0 (LiaisonPersonMatch, 1);

          m->participant_id = g_strdup (p->id);
          m->name = g_strdup (p->name);
          m->score = s;
          m->reasons = reasons;
          g_ptr_array_add (matches, m);
        }
    }
  g_ptr_array_sort (matches, compare_matches);
  if (limit > 0 && matches->len > limit)
    g_ptr_array_set_size (matches, limit);
  return matches;
}

GPtrArray *
liaison_person_matcher_match (LiaisonPersonMatcher *self,
                              LiaisonParticipant   *candidate,
                              guint                 limit)
{
  Person    *c = person_from_participant (candidate);
  GPtrArray *matches = match_person (self, c, limit);

  person_free (c);
  return matches;
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

GPtrArray *
liaison_store_match_person (LiaisonStore       *self,
                            LiaisonParticipant *candidate,
                            guint               limit,
                            GError            **error)
{
  g_autoptr (LiaisonPersonMatcher) matcher = liaison_person_matcher_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char   *native = liaison_participant_dup_native_name (candidate);
  g_autofree char   *latin = liaison_participant_dup_latin_name (candidate);
  const char *const *emails = liaison_participant_get_emails (candidate);

  g_return_val_if_fail (LIAISON_IS_STORE (self), NULL);

  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    add_found (self, matcher, seen, emails[i]);
  add_found (self, matcher, seen, native);
  /* Latin names are indexed in both orders, and Han names by their
   * reading, which a query in Han script is also read as. */
  add_found (self, matcher, seen, latin);
  /* A Han name's reading is also indexed run together (zengguofan), which
   * finds "Zeng Guofan" and "Guofan Zeng" typed with their syllables
   * grouped otherwise. */
  if (liaison_participant_get_family_latin (candidate) != NULL && liaison_participant_get_given_latin (candidate) != NULL)
    {
      const char      *family = liaison_participant_get_family_latin (candidate);
      const char      *given = liaison_participant_get_given_latin (candidate);
      g_autofree char *family_first = g_strconcat (family, given, NULL);
      g_autofree char *given_first = g_strconcat (given, family, NULL);
      g_autofree char *joined_family_first = without_spaces (family_first);
      g_autofree char *joined_given_first = without_spaces (given_first);

      add_found (self, matcher, seen, joined_family_first);
      add_found (self, matcher, seen, joined_given_first);
    }
  (void) error;
  return liaison_person_matcher_match (matcher, candidate, limit);
}
