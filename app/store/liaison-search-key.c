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

/* What search_short's tokenizer keeps in a token: letters, numbers,
 * marks and private-use characters (migration 0003). */
static gboolean
is_token_char (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_LOWERCASE_LETTER:
    case G_UNICODE_UPPERCASE_LETTER:
    case G_UNICODE_TITLECASE_LETTER:
    case G_UNICODE_MODIFIER_LETTER:
    case G_UNICODE_OTHER_LETTER:
    case G_UNICODE_DECIMAL_NUMBER:
    case G_UNICODE_LETTER_NUMBER:
    case G_UNICODE_OTHER_NUMBER:
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
    case G_UNICODE_PRIVATE_USE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* latin: a character of a Latin word (letters and digits of the Latin
 * and common scripts), found by the word's first one or two characters;
 * else a character of a run of another script, found in any piece of
 * one or two characters. */
gboolean
liaison_search_is_gram_char (gunichar c,
                             gboolean latin)
{
  if (latin)
    return is_latin_script (c) && g_unichar_isalnum (c);
  return is_token_char (c) && (!is_latin_script (c) || g_unichar_get_script (c) == G_UNICODE_SCRIPT_INHERITED);
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

      if (liaison_search_is_gram_char (c, FALSE))
        {
          /* Every 1- and 2-character piece of a run in another script. */
          const char *start = p;

          while (*p != '\0' && liaison_search_is_gram_char (g_utf8_get_char (p), FALSE))
            p = g_utf8_next_char (p);
          for (const char *a = start; a < p; a = g_utf8_next_char (a))
            {
              const char *b = g_utf8_next_char (a);

              add_gram (grams, seen, a, b);
              if (b < p)
                add_gram (grams, seen, a, g_utf8_next_char (b));
            }
        }
      else if (liaison_search_is_gram_char (c, TRUE))
        {
          /* The first one and two characters of each Latin word. */
          const char *start = p;
          const char *second = g_utf8_next_char (p);

          add_gram (grams, seen, start, second);
          if (*second != '\0' && liaison_search_is_gram_char (g_utf8_get_char (second), TRUE))
            add_gram (grams, seen, start, g_utf8_next_char (second));
          while (*p != '\0' && liaison_search_is_gram_char (g_utf8_get_char (p), TRUE))
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

/* ------------------------------------------------------------------------ */
/* What a record is found by                                                 */

/* The store's search documents mark where each text begins and ends with
 * these (liaison-store-search.c); they never come from a person. */
static gboolean
is_marker (gunichar c)
{
  return c >= 0xE000 && c <= 0xE003;
}

/* The first max characters of text. */
static char *
head (const char *text,
      guint       max)
{
  const char *end = text;

  for (guint n = 0; n < max && *end != '\0'; n++)
    end = g_utf8_next_char (end);
  return g_strndup (text, end - text);
}

/* Folded, without markers, at most max characters: the form of a text in
 * the index and of a query. */
static char *
fold_bounded (const char *text,
              guint       max,
              gboolean   *cut)
{
  g_autofree char *start = NULL;
  g_autofree char *folded = NULL;
  g_autoptr (GString) clean = NULL;
  g_autofree char *collapsed = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  /* Folding a 10 MB text costs seconds: only the start is looked at. */
  start = head (text, max * 2);
  if (cut != NULL)
    *cut = strlen (start) < strlen (text);
  folded = liaison_search_fold (start);
  clean = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (clean, is_marker (c) ? ' ' : c);
    }
  collapsed = collapse_spaces (clean->str);
  if (g_utf8_strlen (collapsed, -1) > (glong) max)
    {
      char *shorter = head (collapsed, max);

      g_strchomp (shorter);
      g_free (collapsed);
      collapsed = shorter;
      if (cut != NULL)
        *cut = TRUE;
    }
  if (*collapsed == '\0')
    return NULL;
  return g_steal_pointer (&collapsed);
}

static char *
without_spaces (const char *text)
{
  GString *s = g_string_new (text);

  g_string_replace (s, " ", "", 0);
  return g_string_free (s, FALSE);
}

/* Adds text to list, folded and bounded, unless it is empty or there. */
static void
add_text (GPtrArray  *list,
          const char *text)
{
  char *folded = fold_bounded (text, LIAISON_SEARCH_MAX_TEXT, NULL);

  if (folded == NULL)
    return;
  if (g_ptr_array_find_with_equal_func (list, folded, g_str_equal, NULL))
    {
      g_free (folded);
      return;
    }
  g_ptr_array_add (list, folded);
}

static void
add_joined (GPtrArray  *list,
            const char *first,
            const char *separator,
            const char *second)
{
  g_autofree char *joined = g_strconcat (first, separator, second, NULL);

  add_text (list, joined);
}

/* A name part in Latin letters, syllables apart ("xiu ying"). */
static char *
read_part (const char *part,
           gboolean    is_person_name)
{
  char *latin;

  if (part == NULL)
    return NULL;
  latin = liaison_search_transliterate (part, is_person_name);
  return latin != NULL ? latin : liaison_search_fold (part);
}

/* The forms people write a name read from another script in: family and
 * given name each joined ("zeng fanren"), every syllable apart ("zeng fan
 * ren"), all joined ("zengfanren"), and the given name first in each. */
static void
add_read_forms (GPtrArray  *names,
                const char *family,
                const char *given)
{
  g_autofree char *f = read_part (family, TRUE);
  g_autofree char *g = read_part (given, FALSE);
  g_autofree char *fj = NULL;
  g_autofree char *gj = NULL;

  if (f == NULL || g == NULL)
    return;
  fj = without_spaces (f);
  gj = without_spaces (g);
  add_joined (names, fj, " ", gj);
  add_joined (names, f, " ", g);
  add_joined (names, fj, "", gj);
  add_joined (names, gj, " ", fj);
  add_joined (names, g, " ", f);
  add_joined (names, gj, "", fj);
}

/* A whole name read from another script, its first syllable taken as
 * the family name where people write it apart ("zeng fanren"). */
static void
add_read_name (GPtrArray  *names,
               const char *native)
{
  g_autofree char *latin = liaison_search_transliterate (native, TRUE);
  g_autofree char *joined = NULL;
  const char      *space;

  if (latin == NULL)
    return;
  add_text (names, latin);
  joined = without_spaces (latin);
  add_text (names, joined);
  space = strchr (latin, ' ');
  if (space != NULL)
    {
      g_autofree char *first = g_strndup (latin, space - latin);
      g_autofree char *rest = without_spaces (space + 1);

      add_joined (names, first, " ", rest);
    }
}

static LiaisonSearchTexts *
texts_new (void)
{
  LiaisonSearchTexts *texts = g_new0 (LiaisonSearchTexts, 1);

  texts->names = g_ptr_array_new_with_free_func (g_free);
  texts->texts = g_ptr_array_new_with_free_func (g_free);
  texts->others = g_ptr_array_new_with_free_func (g_free);
  return texts;
}

void
liaison_search_texts_free (LiaisonSearchTexts *texts)
{
  if (texts == NULL)
    return;
  g_ptr_array_unref (texts->names);
  g_ptr_array_unref (texts->texts);
  g_ptr_array_unref (texts->others);
  g_free (texts);
}

/* An organisation's name in Chinese is also found by its reading
 * ("nanjing" finds 南京大学), syllables apart and joined. */
static void
add_with_reading (GPtrArray  *list,
                  const char *text)
{
  g_autofree char *start = NULL;
  g_autofree char *latin = NULL;
  g_autofree char *joined = NULL;

  add_text (list, text);
  if (text == NULL || !liaison_search_has_non_latin (text))
    return;
  start = head (text, LIAISON_SEARCH_MAX_TEXT);
  latin = liaison_search_transliterate (start, FALSE);
  if (latin == NULL)
    return;
  add_text (list, latin);
  joined = without_spaces (latin);
  add_text (list, joined);
}

LiaisonSearchTexts *
liaison_search_texts_for_participant (LiaisonParticipant *p)
{
  LiaisonSearchTexts *texts = texts_new ();
  g_autofree char    *native = liaison_participant_dup_native_name (p);
  g_autofree char    *latin = liaison_participant_dup_latin_name (p);
  LiaisonNameOrder    order = liaison_participant_get_name_order (p);
  const char         *fn = liaison_participant_get_family_native (p);
  const char         *gn = liaison_participant_get_given_native (p);
  const char         *fl = liaison_participant_get_family_latin (p);
  const char         *gl = liaison_participant_get_given_latin (p);
  gboolean            two_native = order != LIAISON_NAME_ORDER_MONONYM && fn != NULL && gn != NULL;
  gboolean            two_latin = order != LIAISON_NAME_ORDER_MONONYM && fl != NULL && gl != NULL;
  LiaisonBilingual   *org = liaison_participant_get_organisation (p);
  const char *const  *emails = liaison_participant_get_emails (p);

  /* Long names are bounded before any work is done on them. */
  g_autofree char *fn_head = fn != NULL ? head (fn, LIAISON_SEARCH_MAX_TEXT) : NULL;
  g_autofree char *gn_head = gn != NULL ? head (gn, LIAISON_SEARCH_MAX_TEXT) : NULL;
  g_autofree char *native_head = native != NULL ? head (native, LIAISON_SEARCH_MAX_TEXT) : NULL;

  add_text (texts->names, native);
  add_text (texts->names, latin);
  /* Latin names in either order, apart and joined: forms and e-mail
   * signatures write them every way. */
  if (two_latin)
    {
      add_joined (texts->names, fl, " ", gl);
      add_joined (texts->names, gl, " ", fl);
      {
        g_autofree char *a = g_strconcat (fl, gl, NULL);
        g_autofree char *b = g_strconcat (gl, fl, NULL);
        g_autofree char *aj = without_spaces (a);
        g_autofree char *bj = without_spaces (b);

        add_text (texts->names, aj);
        add_text (texts->names, bj);
      }
    }
  else if (latin != NULL)
    {
      g_autofree char *lh = head (latin, LIAISON_SEARCH_MAX_TEXT);
      g_autofree char *joined = without_spaces (lh);

      add_text (texts->names, joined);
    }
  /* A name written with spaces (Thai, Vietnamese) in the other order too. */
  if (two_native && strchr (native, ' ') != NULL)
    {
      if (order == LIAISON_NAME_ORDER_FAMILY_FIRST)
        add_joined (texts->names, gn_head, " ", fn_head);
      else
        add_joined (texts->names, fn_head, " ", gn_head);
    }
  /* Read in Latin letters: the standard pinyin forms of a Chinese name,
   * a fallback key for the other scripts (DESIGN.md, Storage). */
  if (native_head != NULL && liaison_search_has_non_latin (native_head))
    {
      if (two_native)
        add_read_forms (texts->names, fn_head, gn_head);
      else
        add_read_name (texts->names, native_head);
    }

  add_with_reading (texts->texts, liaison_bilingual_get_text (org, LIAISON_LANGUAGE_ZH));
  add_with_reading (texts->texts, liaison_bilingual_get_text (org, LIAISON_LANGUAGE_EN));
  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    add_text (texts->others, emails[i]);
  return texts;
}

LiaisonSearchTexts *
liaison_search_texts_for_event (LiaisonEvent *event)
{
  LiaisonSearchTexts *texts = texts_new ();
  LiaisonBilingual   *title = liaison_event_get_title (event);
  LiaisonBilingual   *city = liaison_event_get_city (event);

  add_text (texts->names, liaison_bilingual_get_text (title, LIAISON_LANGUAGE_ZH));
  add_text (texts->names, liaison_bilingual_get_text (title, LIAISON_LANGUAGE_EN));
  add_text (texts->texts, liaison_bilingual_get_text (city, LIAISON_LANGUAGE_ZH));
  add_text (texts->texts, liaison_bilingual_get_text (city, LIAISON_LANGUAGE_EN));
  add_text (texts->others, liaison_event_get_venue (event));
  return texts;
}

/* ------------------------------------------------------------------------ */
/* Reading a query                                                           */

static void
variant_free (gpointer data)
{
  LiaisonSearchVariant *v = data;

  g_free (v->text);
  g_free (v);
}

static void
add_variant (GPtrArray *variants,
             char      *text,
             gboolean   syllables,
             gboolean   whole)
{
  LiaisonSearchVariant *v;

  if (text == NULL || *text == '\0' || g_utf8_strlen (text, -1) > LIAISON_SEARCH_MAX_QUERY * 2)
    {
      g_free (text);
      return;
    }
  for (guint i = 0; i < variants->len; i++)
    {
      LiaisonSearchVariant *other = g_ptr_array_index (variants, i);

      if (other->syllables == syllables && g_str_equal (other->text, text))
        {
          g_free (text);
          return;
        }
    }
  v = g_new0 (LiaisonSearchVariant, 1);
  v->text = text;
  v->syllables = syllables;
  v->whole = whole;
  g_ptr_array_add (variants, v);
}

/* Pinyin with tone numbers ("zeng1 fan2ren2"): letters, spaces, and digits
 * 1–5 each right after a letter and not before another digit. The same
 * without them, or NULL. */
static char *
drop_tone_numbers (const char *text)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean any = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p >= '1' && *p <= '5' && p > text && g_ascii_isalpha (p[-1]) && !g_ascii_isdigit (p[1]))
        {
          any = TRUE;
          continue;
        }
      if (!g_ascii_isalpha (*p) && *p != ' ' && *p != '\'')
        return NULL;
      g_string_append_c (out, *p);
    }
  return any ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

/* Adds the readings in Latin letters of a query in another script, as
 * whole syllables: apart ("li xia"), joined ("lixia"), and the first apart
 * from the rest ("zeng fanren"). */
static void
add_readings (GPtrArray  *variants,
              const char *folded,
              gboolean    is_person_name)
{
  g_autofree char *latin = liaison_search_transliterate (folded, is_person_name);
  const char      *space;

  if (latin == NULL)
    return;
  add_variant (variants, without_spaces (latin), TRUE, TRUE);
  space = strchr (latin, ' ');
  if (space != NULL && strchr (space + 1, ' ') != NULL)
    {
      g_autofree char *first = g_strndup (latin, space - latin);
      g_autofree char *rest = without_spaces (space + 1);

      add_variant (variants, g_strconcat (first, " ", rest, NULL), TRUE, TRUE);
    }
  add_variant (variants, g_steal_pointer (&latin), TRUE, TRUE);
}

/* The ways a query is read, the text as typed first; empty for a query
 * with nothing to look for. A query is bounded before any work is done on
 * it: its first LIAISON_SEARCH_MAX_QUERY characters are searched for. */
GPtrArray *
liaison_search_query_variants (const char *query)
{
  GPtrArray       *variants = g_ptr_array_new_with_free_func (variant_free);
  gboolean         cut = FALSE;
  g_autofree char *folded = fold_bounded (query, LIAISON_SEARCH_MAX_QUERY, &cut);

  if (folded == NULL)
    return variants;
  add_variant (variants, g_strdup (folded), FALSE, !cut);
  if (liaison_search_has_non_latin (folded) && g_utf8_strlen (folded, -1) <= LIAISON_SEARCH_MAX_READ_QUERY)
    {
      /* A surname's reading (单 shan) and the character's usual one (dan). */
      add_readings (variants, folded, TRUE);
      add_readings (variants, folded, FALSE);
    }
  add_variant (variants, drop_tone_numbers (folded), FALSE, !cut);
  return variants;
}
