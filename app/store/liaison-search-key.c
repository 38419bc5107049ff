/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <string.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>

#include "liaison-search-key.h"

/* Search keys: text folded so "nguyen" finds "Nguyễn", and names in other
 * scripts transliterated to the Latin letters people type. ICU is the only
 * dependency; its transliterators are not thread-safe, so one lock guards
 * them and a cache keeps the per-character Han readings. */

typedef struct
{
  const char *han;
  const char *latin;
} Surname;

/* Surnames whose reading differs from the character's usual one. */
static const Surname surnames[] = {
  { "尉迟", "yuchi" },
  { "万俟", "moqi" },
  { "长孙", "zhangsun" },
  { "曾", "zeng" },
  { "单", "shan" },
  { "解", "xie" },
  { "区", "ou" },
  { "仇", "qiu" },
  { "朴", "piao" },
  { "查", "zha" },
  { "盖", "ge" },
  { "乐", "yue" },
  { "员", "yun" },
  { "覃", "qin" },
  { "缪", "miao" },
  { "翟", "zhai" },
  { "秘", "bi" },
  { "召", "shao" },
  { "繁", "po" },
  { "种", "chong" },
  { "重", "chong" },
  { "薄", "bo" },
  { "黑", "he" },
};

static GMutex           lock;
static UTransliterator *fold_trans;
static UTransliterator *han_trans;
static UTransliterator *any_trans;
static GHashTable      *han_cache;

static UTransliterator *
open_transliterator (const char *id)
{
  UChar            uid[128];
  UErrorCode       status = U_ZERO_ERROR;
  UTransliterator *t;

  u_uastrcpy (uid, id);
  t = utrans_openU (uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
  if (U_FAILURE (status))
    g_error ("ICU has no transliterator “%s”: %s", id, u_errorName (status));
  return t;
}

static void
ensure_transliterators (void)
{
  if (fold_trans != NULL)
    return;
  fold_trans = open_transliterator ("NFKC; [[:Latin:][:Inherited:]] Latin-ASCII; Lower; NFC");
  han_trans = open_transliterator ("Han-Latin; Latin-ASCII; Lower");
  any_trans = open_transliterator ("Any-Latin; Latin-ASCII; Lower");
  han_cache = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/* Runs a transliterator over UTF-8 text; call with the lock held. */
static char *
run_locked (UTransliterator *t,
            const char      *text,
            gssize           len)
{
  UErrorCode        status = U_ZERO_ERROR;
  int32_t           ulen = 0, capacity, limit;
  g_autofree UChar *buf = NULL;
  char             *out;
  int32_t           out_len = 0;

  u_strFromUTF8 (NULL, 0, &ulen, text, len, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (status))
    return g_strndup (text, len < 0 ? strlen (text) : (gsize) len);
  status = U_ZERO_ERROR;
  capacity = ulen * 4 + 16;
  buf = g_new0 (UChar, capacity);
  u_strFromUTF8 (buf, capacity, NULL, text, len, &status);
  limit = ulen;
  utrans_transUChars (t, buf, &ulen, capacity, 0, &limit, &status);
  if (U_FAILURE (status))
    return g_strndup (text, len < 0 ? strlen (text) : (gsize) len);

  status = U_ZERO_ERROR;
  u_strToUTF8 (NULL, 0, &out_len, buf, ulen, &status);
  status = U_ZERO_ERROR;
  out = g_malloc (out_len + 1);
  u_strToUTF8 (out, out_len + 1, NULL, buf, ulen, &status);
  out[out_len] = '\0';
  return out;
}

static gboolean
is_latin_script (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);

  return script == G_UNICODE_SCRIPT_LATIN || script == G_UNICODE_SCRIPT_COMMON || script == G_UNICODE_SCRIPT_INHERITED || script == G_UNICODE_SCRIPT_UNKNOWN;
}

static char *
collapse_spaces (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

static gboolean
is_ascii (const char *text,
          gssize      len)
{
  for (gssize i = 0; len < 0 ? text[i] != '\0' : i < len; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* NFKC, Latin-ASCII and Lower leave ASCII as ASCII lower case: most keys
 * (e-mails, Latin names, English names of organisations) skip ICU, which
 * costs a hundred times more. */
static char *
fold_locked (const char *text,
             gssize      len)
{
  if (is_ascii (text, len))
    {
      char *folded = g_strndup (text, len < 0 ? strlen (text) : (gsize) len);

      for (char *c = folded; *c != '\0'; c++)
        *c = g_ascii_tolower (*c);
      return folded;
    }
  ensure_transliterators ();
  return run_locked (fold_trans, text, len);
}

char *
liaison_search_fold (const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  g_mutex_lock (&lock);
  folded = fold_locked (text, -1);
  g_mutex_unlock (&lock);

  return collapse_spaces (folded);
}

gboolean
liaison_search_has_non_latin (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_latin_script (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* Han is read one character at a time: ICU reads a whole string as words
 * and joins syllables ("cengguo fan"), which nobody types. */
static const char *
han_reading_locked (gunichar c)
{
  const char *cached = g_hash_table_lookup (han_cache, GUINT_TO_POINTER (c));
  char        utf8[8];
  int         n;
  char       *reading;

  if (cached != NULL)
    return cached;
  n = g_unichar_to_utf8 (c, utf8);
  reading = run_locked (han_trans, utf8, n);
  g_strstrip (reading);
  g_hash_table_insert (han_cache, GUINT_TO_POINTER (c), reading);
  return reading;
}

static void
append_word (GString    *out,
             const char *word)
{
  if (word == NULL || *word == '\0')
    return;
  if (out->len > 0 && out->str[out->len - 1] != ' ')
    g_string_append_c (out, ' ');
  g_string_append (out, word);
}

char *
liaison_search_transliterate (const char *text,
                              gboolean    is_person_name)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *result = NULL;
  const char      *p;
  gboolean         any_letter = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL) || !liaison_search_has_non_latin (text))
    return NULL;

  g_mutex_lock (&lock);
  ensure_transliterators ();

  p = text;
  if (is_person_name)
    {
      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      for (guint i = 0; i < G_N_ELEMENTS (surnames); i++)
        if (g_str_has_prefix (p, surnames[i].han))
          {
            append_word (out, surnames[i].latin);
            p += strlen (surnames[i].han);
            break;
          }
    }

  while (*p != '\0')
    {
      gunichar       c = g_utf8_get_char (p);
      GUnicodeScript script = g_unichar_get_script (c);

      if (script == G_UNICODE_SCRIPT_HAN)
        {
          append_word (out, han_reading_locked (c));
          p = g_utf8_next_char (p);
        }
      else if (!is_latin_script (c))
        {
          /* A run of one other script, marks included, read as a word. */
          const char      *start = p;
          g_autofree char *latin = NULL;

          while (*p != '\0')
            {
              gunichar       d = g_utf8_get_char (p);
              GUnicodeScript s = g_unichar_get_script (d);

              if (s == G_UNICODE_SCRIPT_HAN || (is_latin_script (d) && s != G_UNICODE_SCRIPT_INHERITED))
                break;
              p = g_utf8_next_char (p);
            }
          latin = run_locked (any_trans, start, p - start);
          append_word (out, latin);
        }
      else
        {
          const char      *start = p;
          g_autofree char *folded = NULL;

          while (*p != '\0' && is_latin_script (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          folded = fold_locked (start, p - start);
          append_word (out, folded);
        }
    }
  g_mutex_unlock (&lock);

  /* Keep only what a person can type: letters, digits, spaces, and the
   * punctuation of e-mail addresses. */
  for (gsize i = 0; i < out->len; i++)
    {
      char ch = out->str[i];

      if (g_ascii_isalpha (ch))
        any_letter = TRUE;
      else if (!g_ascii_isdigit (ch) && ch != '.' && ch != '@' && ch != '-' && ch != '_')
        out->str[i] = ' ';
    }
  if (!any_letter)
    return NULL;

  result = collapse_spaces (out->str);
  return g_steal_pointer (&result);
}

static void
add_gram (GPtrArray  *grams,
          GHashTable *seen,
          const char *start,
          const char *end)
{
  char *gram = g_strndup (start, end - start);

  if (g_hash_table_contains (seen, gram))
    {
      g_free (gram);
      return;
    }
  g_hash_table_add (seen, gram);
  g_ptr_array_add (grams, gram);
}

char **
liaison_search_short_grams (const char *folded_text)
{
  g_autoptr (GPtrArray) grams = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *p = folded_text;

  while (p != NULL && *p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_latin_script (c))
        {
          /* Every 1- and 2-character piece of a run in another script. */
          const char *start = p;

          while (*p != '\0')
            {
              gunichar d = g_utf8_get_char (p);
              if (is_latin_script (d) && g_unichar_get_script (d) != G_UNICODE_SCRIPT_INHERITED)
                break;
              p = g_utf8_next_char (p);
            }
          for (const char *a = start; a < p; a = g_utf8_next_char (a))
            {
              const char *b = g_utf8_next_char (a);

              add_gram (grams, seen, a, b);
              if (b < p)
                add_gram (grams, seen, a, g_utf8_next_char (b));
            }
        }
      else if (g_unichar_isalnum (c))
        {
          /* The first one and two characters of each Latin word. */
          const char *start = p;
          const char *second = g_utf8_next_char (p);

          add_gram (grams, seen, start, second);
          if (*second != '\0' && g_unichar_isalnum (g_utf8_get_char (second)) && is_latin_script (g_utf8_get_char (second)))
            add_gram (grams, seen, start, g_utf8_next_char (second));
          while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)) && is_latin_script (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
        }
      else
        p = g_utf8_next_char (p);
    }

  g_ptr_array_add (grams, NULL);
  {
    char **strv = g_new (char *, grams->len);
    memcpy (strv, grams->pdata, grams->len * sizeof (char *));
    g_hash_table_steal_all (seen);
    return strv;
  }
}

guint
liaison_search_query_length (const char *folded_query)
{
  guint n = 0;

  for (const char *p = folded_query; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      n++;
  return n;
}
