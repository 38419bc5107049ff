/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-search-key.h"
#include "liaison-store-match-private.h"
#include "liaison-store-match.h"
#include "liaison-store-private.h"

/* Matching people (see liaison-store-match.h for the rules). Each person
 * is reduced to keys once: e-mails, phone numbers, a key of the name in
 * its own script, and Latin keys (their Latin name, and the reading of a
 * Han name). Keys that are equal mean the same name; the score weighs
 * what agrees and what does not. */

typedef struct
{
  char    *id;
  char    *name; /* display name */
  char     country[3];
  char   **emails;       /* lower case */
  char   **phones;       /* the last 8 digits */
  char    *native;       /* own-script name key, or NULL */
  char   **latin;        /* Latin-name keys */
  char   **reading;      /* keys of the Latin reading of a Han name */
  char    *org[2];       /* the organisation in Chinese and English, folded, or NULL */
  guint8   gender;       /* LiaisonGender */
  guint    pos;          /* its place in the matcher's people */
  gboolean latin_native; /* its own script is Latin (Vietnamese) */
  gboolean marked;       /* … and written with its marks, kept in native */
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
  g_free (p->org[0]);
  g_free (p->org[1]);
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
fold_marks (const char *text,
            gboolean    keep_marks)
{
  g_autofree char *folded = NULL;
  GString         *out;
  gboolean         space = FALSE;

  if (text == NULL || *text == '\0')
    return NULL;
  if (has_latin_letter (text) && !keep_marks)
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

static char *
fold (const char *text)
{
  return fold_marks (text, FALSE);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
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

/* Words a person may or may not write as part of a name: titles in front of
 * it (Dr, Dato', Haji; U and Daw before a Myanmar name), the Malay
 * patronymic's bin and binti (Ahmad bin Ismail = Ahmad Ismail), and the
 * placeholders forms and passports put where a mononym has no other part
 * (FNU, LNU). Folded, so without dots and apostrophes. */
static const char *const noise_words[] = {
  "dr",
  "prof",
  "mr",
  "mrs",
  "ms",
  "miss",
  "dato",
  "datuk",
  "datin",
  "haji",
  "hj",
  "hajah",
  "hjh",
  "hajjah",
  "bin",
  "binti",
  "bte",
  "binte",
  "bt",
  "a/l",
  "a/p",
  "s/o",
  "d/o",
  "fnu",
  "lnu",
  "nfn",
};

/* The words of a folded name part without those above (U and Daw only in
 * front, where they are titles); NULL when nothing else is left. */
static char *
clean_part (const char *folded)
{
  g_auto (GStrv) words = NULL;
  GString *out;

  if (folded == NULL)
    return NULL;
  words = g_strsplit (folded, " ", -1);
  out = g_string_sized_new (strlen (folded));
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean noise = FALSE;

      if (*words[i] == '\0')
        continue;
      for (guint n = 0; n < G_N_ELEMENTS (noise_words) && !noise; n++)
        noise = g_str_equal (words[i], noise_words[n]);
      if (!noise && out->len == 0 && words[i + 1] != NULL && (g_str_equal (words[i], "u") || g_str_equal (words[i], "daw")))
        noise = TRUE;
      if (noise)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* A Malay patronymic says the person's sex: bin (son of) or binti (daughter
 * of), and their short forms. Folded words. */
static LiaisonGender
patronymic_gender (const char *folded)
{
  static const char *const male[] = { "bin", "b", "a/l", "s/o" };
  static const char *const female[] = { "binti", "bte", "binte", "bt", "a/p", "d/o" };
  g_auto (GStrv) words = folded != NULL ? g_strsplit (folded, " ", -1) : NULL;

  for (guint i = 1; words != NULL && words[i] != NULL; i++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (male); k++)
        if (g_str_equal (words[i], male[k]))
          return LIAISON_GENDER_MALE;
      for (guint k = 0; k < G_N_ELEMENTS (female); k++)
        if (g_str_equal (words[i], female[k]))
          return LIAISON_GENDER_FEMALE;
    }
  return LIAISON_GENDER_UNSPECIFIED;
}

/* The keys of a name in two parts (either may be missing, already folded
 * and cleaned): its words in any order, and both parts run together either
 * way round (Lixia, Xiali for Li Xia; people join pinyin syllables, and
 * split compound surnames: Ou Yang Xiu = Ouyang Xiu). The same word in
 * both parts is a mononym written twice, as passports do (Sukarno
 * Sukarno). */
static void
add_name_keys (GPtrArray  *keys,
               const char *family,
               const char *given)
{
  g_autofree char *full = NULL;

  if (family != NULL && given != NULL && g_str_equal (family, given))
    given = NULL;
  if (family == NULL && given == NULL)
    return;
  full = family != NULL && given != NULL ? g_strconcat (family, " ", given, NULL) : g_strdup (family != NULL ? family : given);
  /* The words of each part keep their order: Nurul Azman is not Azman
   * Nurul (Malay given names), though the parts go either way round. */
  add_key (keys, g_strdup (full));
  if (family != NULL && given != NULL)
    {
      g_autofree char *f = without_spaces (family);
      g_autofree char *g = without_spaces (given);

      add_key (keys, g_strconcat (given, " ", family, NULL));
      add_key (keys, g_strconcat (f, g, NULL));
      add_key (keys, g_strconcat (g, f, NULL));
    }
  else
    add_key (keys, without_spaces (full));
}

static char **
end_keys (GPtrArray *keys)
{
  g_ptr_array_add (keys, NULL);
  return (char **) g_ptr_array_free (keys, FALSE);
}

static char **
name_keys (const char *family,
           const char *given)
{
  GPtrArray       *keys = g_ptr_array_new ();
  g_autofree char *f = clean_part (family);
  g_autofree char *g = clean_part (given);

  add_name_keys (keys, f, g);
  return end_keys (keys);
}

/* Chinese compound surnames, which a name written in one piece starts
 * with, and which people write in Latin letters as one word (Ouyang) or
 * two (Ou Yang). */
static const char *const compound_surnames[] = {
  "欧阳",
  "司马",
  "上官",
  "诸葛",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "令狐",
  "司徒",
  "司空",
  "夏侯",
  "轩辕",
  "端木",
  "长孙",
  "宇文",
  "澹台",
  "万俟",
  "闻人",
  "独孤",
  "南宫",
  "西门",
  "申屠",
  "太史",
  "呼延",
  "钟离",
  "赫连",
  "第五",
  "拓跋",
  "百里",
  "东郭",
  "淳于",
  "单于",
  "鲜于",
  "闾丘",
  "公羊",
  "濮阳",
  "左丘",
  "梁丘",
  "宗政",
  "乐正",
};

/* A Han name's family and given name: as written when both are there
 * (joined again when a compound surname was cut in two: 欧 + 阳修), else
 * the compound surname or first character of a name written in one. */
static void
split_han_name (const char *family,
                const char *given,
                char      **family_out,
                char      **given_out)
{
  g_autofree char *full = g_strconcat (family != NULL ? family : "", given != NULL ? given : "", NULL);
  gsize            cut = 0;

  *family_out = *given_out = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (compound_surnames) && cut == 0; i++)
    if (g_str_has_prefix (full, compound_surnames[i]) && strlen (full) > strlen (compound_surnames[i]) &&
        (family == NULL || given == NULL || g_str_has_prefix (compound_surnames[i], family)))
      cut = strlen (compound_surnames[i]);
  if (cut == 0 && family != NULL && given != NULL)
    {
      *family_out = g_strdup (family);
      *given_out = g_strdup (given);
      return;
    }
  if (cut == 0 && g_utf8_strlen (full, -1) >= 2)
    cut = g_utf8_next_char (full) - full;
  if (cut == 0)
    {
      *family_out = g_strdup (full);
      return;
    }
  *family_out = g_strndup (full, cut);
  *given_out = g_strdup (full + cut);
}

/* The reading of a Han name part, character by character (曾 as a surname
 * is Zeng), folded: "ou yang". */
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

/* The Latin keys of a name in Han characters: each part's syllables run
 * together (Ouyang Xiu, Wang Xiaoming, as pinyin is written), and every
 * syllable on its own (Xiao Ming Wang). */
static char **
reading_keys (const char *family_native,
              const char *given_native)
{
  GPtrArray       *keys = g_ptr_array_new ();
  g_autofree char *family = NULL;
  g_autofree char *given = NULL;
  g_autofree char *fr = NULL;
  g_autofree char *gr = NULL;

  split_han_name (family_native, given_native, &family, &given);
  fr = reading_of (family, TRUE);
  gr = reading_of (given, FALSE);
  if (fr != NULL || gr != NULL)
    {
      g_autofree char *fj = fr != NULL ? without_spaces (fr) : NULL;
      g_autofree char *gj = gr != NULL ? without_spaces (gr) : NULL;
      add_name_keys (keys, fj, gj);
      /* Every syllable apart, either part first. */
      if (fr != NULL && gr != NULL)
        {
          add_key (keys, g_strconcat (fr, " ", gr, NULL));
          add_key (keys, g_strconcat (gr, " ", fr, NULL));
        }
    }
  return end_keys (keys);
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
  return end_keys (keys);
}

/* An organisation as people write it: case, diacritics, punctuation and
 * spaces aside (Ministry of Ecology & Environment, 生态环境部). */
static char *
org_key (const char *text)
{
  g_autofree char *folded = fold (text);
  GString         *s;

  if (folded == NULL)
    return NULL;
  s = g_string_sized_new (strlen (folded));
  for (const char *c = folded; *c != '\0'; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_isalnum (u))
        g_string_append_unichar (s, u);
    }
  if (s->len == 0)
    {
      g_string_free (s, TRUE);
      return NULL;
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  const char        *id;
  const char        *family_native;
  const char        *given_native;
  const char        *family_latin;
  const char        *given_latin;
  const char        *country;
  const char *const *emails;
  const char *const *phones;
  const char        *organisation[2]; /* zh, en */
  LiaisonGender      gender;
} PersonFields;

static Person *
person_new (const PersonFields *in)
{
  Person          *p = g_new0 (Person, 1);
  g_autofree char *fn = fold (in->family_native);
  g_autofree char *gn = fold (in->given_native);
  g_autofree char *fl = fold (in->family_latin);
  g_autofree char *gl = fold (in->given_latin);

  p->id = g_strdup (in->id);
  if (in->country != NULL && strlen (in->country) == 2)
    {
      p->country[0] = g_ascii_toupper (in->country[0]);
      p->country[1] = g_ascii_toupper (in->country[1]);
    }
  p->emails = list_keys (in->emails, FALSE);
  p->phones = list_keys (in->phones, TRUE);
  p->org[0] = org_key (in->organisation[0]);
  p->org[1] = org_key (in->organisation[1]);
  p->gender = in->gender;
  if (p->gender != LIAISON_GENDER_FEMALE && p->gender != LIAISON_GENDER_MALE)
    p->gender = patronymic_gender (gl);

  if (fn != NULL || gn != NULL)
    {
      g_autofree char *full = fn != NULL && gn != NULL ? g_strconcat (fn, " ", gn, NULL) : g_strdup (fn != NULL ? fn : gn);

      /* Han names are written family first without a space: the
       * characters in order; other scripts' words in any order. */
      if (is_han_only (full))
        {
          p->native = without_spaces (full);
          p->reading = reading_keys (in->family_native, in->given_native);
        }
      else
        {
          p->latin_native = has_latin_letter (full);
          /* Vietnamese marks tell names apart (Ánh is not Anh) when both
           * are written with them. */
          g_autofree char *marked = g_strconcat (in->family_native != NULL ? in->family_native : "", " ",
                                                 in->given_native != NULL ? in->given_native : "", NULL);

          if (p->latin_native && !is_ascii (marked))
            {
              g_autofree char *kept = fold_marks (marked, TRUE);

              p->native = sorted_words (kept);
              p->marked = TRUE;
            }
          else
            p->native = sorted_words (full);
        }
    }
  if (p->reading == NULL)
    p->reading = end_keys (g_ptr_array_new ());
  /* A name in its own script that is Latin (Vietnamese: Nguyễn Thị Lan)
   * is also the Latin name others write without its marks. */
  if (p->latin_native)
    {
      GPtrArray       *keys = g_ptr_array_new ();
      g_autofree char *f = clean_part (fl);
      g_autofree char *g = clean_part (gl);
      g_autofree char *nf = clean_part (fn);
      g_autofree char *ng = clean_part (gn);

      add_name_keys (keys, f, g);
      add_name_keys (keys, nf, ng);
      p->latin = end_keys (keys);
    }
  else
    p->latin = name_keys (fl, gl);
  return p;
}

static Person *
person_from_participant (LiaisonParticipant *participant)
{
  LiaisonBilingual *org = liaison_participant_get_organisation (participant);
  PersonFields      in = {
         liaison_participant_get_id (participant),
         liaison_participant_get_family_native (participant),
         liaison_participant_get_given_native (participant),
         liaison_participant_get_family_latin (participant),
         liaison_participant_get_given_latin (participant),
         liaison_participant_get_country (participant),
         liaison_participant_get_emails (participant),
         liaison_participant_get_phones (participant),
         { liaison_bilingual_get_text (org, LIAISON_LANGUAGE_ZH), liaison_bilingual_get_text (org, LIAISON_LANGUAGE_EN) },
         liaison_participant_get_gender (participant),
  };
  Person *p = person_new (&in);

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

static gboolean
same_organisation (Person *a,
                   Person *b)
{
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      if (a->org[i] != NULL && b->org[j] != NULL && g_str_equal (a->org[i], b->org[j]))
        return TRUE;
  return FALSE;
}

/* common: the name the two share is shared by many people here (see
 * COMMON_NAME), which makes it weaker evidence. */
static guint
score (Person              *a,
       Person              *b,
       gboolean             common,
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
  if (a->native == NULL || b->native == NULL || (r & LIAISON_MATCH_SAME_NATIVE_NAME) ||
      /* A Latin own-script name typed without its marks is no other name. */
      (a->latin_native && !a->marked) || (b->latin_native && !b->marked))
    {
      if (share_any (a->latin, b->latin))
        r |= LIAISON_MATCH_SAME_LATIN_NAME;
      if (share_any (a->latin, b->reading) || share_any (a->reading, b->latin))
        r |= LIAISON_MATCH_NAME_ACROSS_SCRIPTS;
    }
  if (a->country[0] != '\0' && b->country[0] != '\0')
    r |= strcmp (a->country, b->country) == 0 ? LIAISON_MATCH_SAME_COUNTRY : LIAISON_MATCH_OTHER_COUNTRY;
  if (same_organisation (a, b))
    r |= LIAISON_MATCH_SAME_ORGANISATION;
  if ((a->gender == LIAISON_GENDER_FEMALE || a->gender == LIAISON_GENDER_MALE) &&
      (b->gender == LIAISON_GENDER_FEMALE || b->gender == LIAISON_GENDER_MALE) && a->gender != b->gender)
    r |= LIAISON_MATCH_OTHER_GENDER;
  if (common && (r & (LIAISON_MATCH_SAME_NATIVE_NAME | LIAISON_MATCH_SAME_LATIN_NAME | LIAISON_MATCH_NAME_ACROSS_SCRIPTS)))
    r |= LIAISON_MATCH_COMMON_NAME;

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
          /* Both scripts agreeing is no more evidence: the Latin name
           * is mostly the reading of the other. */
          if ((r & LIAISON_MATCH_SAME_PHONE) && s != 40)
            s += 10;
          if (r & LIAISON_MATCH_SAME_COUNTRY)
            s += 10;
          if (r & LIAISON_MATCH_SAME_ORGANISATION)
            s += 10;
          if (r & LIAISON_MATCH_OTHER_COUNTRY)
            s -= 30;
          if (r & LIAISON_MATCH_OTHER_EMAILS)
            s -= 20;
          if (r & LIAISON_MATCH_OTHER_GENDER)
            s -= 50;
          if (r & LIAISON_MATCH_COMMON_NAME)
            s -= 10;
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
  guint   s = score (pa, pb, FALSE, reasons);

  person_free (pa);
  person_free (pb);
  return s;
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

  p->pos = self->people->len;
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
                             "SELECT id, family_native, given_native, family_latin, given_latin, country, emails, phones, name_order,"
                             " organisation_zh, organisation_en, gender FROM participants",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *emails = (const char *) sqlite3_column_text (stmt, 6);
      const char *phones = (const char *) sqlite3_column_text (stmt, 7);
      g_auto (GStrv) email_list = emails != NULL && *emails != '\0' ? g_strsplit (emails, "\n", -1) : NULL;
      g_auto (GStrv) phone_list = phones != NULL && *phones != '\0' ? g_strsplit (phones, "\n", -1) : NULL;

      const char  *id = (const char *) sqlite3_column_text (stmt, 0);
      const char  *names[4];
      PersonFields in = { 0 };
      Person      *p;

      for (guint i = 0; i < 4; i++)
        names[i] = (const char *) sqlite3_column_text (stmt, 1 + i);
      in.id = id;
      in.family_native = names[0];
      in.given_native = names[1];
      in.family_latin = names[2];
      in.given_latin = names[3];
      in.country = (const char *) sqlite3_column_text (stmt, 5);
      in.emails = (const char *const *) email_list;
      in.phones = (const char *const *) phone_list;
      in.organisation[0] = (const char *) sqlite3_column_text (stmt, 9);
      in.organisation[1] = (const char *) sqlite3_column_text (stmt, 10);
      in.gender = nick_value (LIAISON_TYPE_GENDER, (const char *) sqlite3_column_text (stmt, 11), LIAISON_GENDER_UNSPECIFIED);
      p = person_new (&in);
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

/* A name is common here when at least this many records carry it (their
 * own-script name, Latin name or reading): 王伟 among 100,000 people, or an
 * Indonesian mononym. Two of them share a name by chance, so it speaks less
 * for their being one person. */
#define COMMON_NAME 8

static guint
key_count (LiaisonPersonMatcher *self,
           const char           *key)
{
  GPtrArray *list = g_hash_table_lookup (self->by_name, key);

  return list != NULL ? list->len : 0;
}

static gboolean
has_key (char      **keys,
         const char *key)
{
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    if (g_str_equal (keys[i], key))
      return TRUE;
  return FALSE;
}

/* Whether the rarest name c and p share is a common one. */
static gboolean
name_is_common (LiaisonPersonMatcher *self,
                Person               *c,
                Person               *p)
{
  guint least = G_MAXUINT;

  if (c->native != NULL && p->native != NULL && g_str_equal (c->native, p->native))
    least = MIN (least, key_count (self, c->native));
  for (guint i = 0; c->latin[i] != NULL; i++)
    if (has_key (p->latin, c->latin[i]) || has_key (p->reading, c->latin[i]))
      least = MIN (least, key_count (self, c->latin[i]));
  for (guint i = 0; c->reading[i] != NULL; i++)
    if (has_key (p->latin, c->reading[i]))
      least = MIN (least, key_count (self, c->reading[i]));
  return least != G_MAXUINT && least >= COMMON_NAME;
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
      s = score (c, p, name_is_common (self, c, p), &reasons);
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
/* Every person against every other: the duplicate scan                     */

/* The pairs of the person at pos with every person their keys lead to
 * (liaison-store-duplicates.c runs it for everyone, in threads: it only
 * reads the matcher). seen and found are the caller's, reused. */
void
liaison_person_matcher_pairs_of (LiaisonPersonMatcher *self,
                                 guint                 pos,
                                 guint                 min_score,
                                 GHashTable           *seen,
                                 GPtrArray            *found,
                                 GArray               *pairs)
{
  Person *c = g_ptr_array_index (self->people, pos);
  char   *native[] = { c->native, NULL };

  g_hash_table_remove_all (seen);
  g_ptr_array_set_size (found, 0);
  collect (self->by_email, c->emails, seen, found);
  collect (self->by_phone, c->phones, seen, found);
  collect (self->by_name, native, seen, found);
  collect (self->by_name, c->latin, seen, found);
  collect (self->by_name, c->reading, seen, found);
  for (guint j = 0; j < found->len; j++)
    {
      Person             *p = g_ptr_array_index (found, j);
      LiaisonMatchReasons reasons;
      LiaisonMatchPair    pair;
      guint               s;

      if (p == c)
        continue;
      s = score (c, p, name_is_common (self, c, p), &reasons);
      if (s < min_score)
        continue;
      pair.a = MIN (c->pos, p->pos);
      pair.b = MAX (c->pos, p->pos);
      pair.score = s;
      pair.reasons = reasons;
      g_array_append_val (pairs, pair);
    }
}

const char *
liaison_person_matcher_get_id (LiaisonPersonMatcher *self,
                               guint                 pos)
{
  return ((Person *) g_ptr_array_index (self->people, pos))->id;
}

const char *
liaison_person_matcher_get_name (LiaisonPersonMatcher *self,
                                 guint                 pos)
{
  return ((Person *) g_ptr_array_index (self->people, pos))->name;
}

/* ------------------------------------------------------------------------ */
/* One person against the database: what to look them up by                */

static void
add_query (GPtrArray  *queries,
           const char *query)
{
  if (query != NULL && *query != '\0')
    g_ptr_array_add (queries, g_strdup (query));
}

/* The texts to search the index for to find the people who may be
 * candidate (liaison_store_match_person, liaison-store-duplicates.c). */
GPtrArray *
liaison_person_match_queries (LiaisonParticipant *candidate)
{
  GPtrArray         *queries = g_ptr_array_new_with_free_func (g_free);
  g_autofree char   *native = liaison_participant_dup_native_name (candidate);
  g_autofree char   *latin = liaison_participant_dup_latin_name (candidate);
  const char *const *emails = liaison_participant_get_emails (candidate);

  for (guint i = 0; emails != NULL && emails[i] != NULL; i++)
    add_query (queries, emails[i]);
  add_query (queries, native);
  /* Latin names are indexed in both orders, and Han names by their
   * reading, which a query in Han script is also read as. */
  add_query (queries, latin);
  /* A Han name's reading is also indexed run together (zengguofan), which
   * finds "Zeng Guofan" and "Guofan Zeng" typed with their syllables
   * grouped otherwise. */
  if (liaison_participant_get_family_latin (candidate) != NULL && liaison_participant_get_given_latin (candidate) != NULL)
    {
      const char      *family = liaison_participant_get_family_latin (candidate);
      const char      *given = liaison_participant_get_given_latin (candidate);
      g_autofree char *family_first = g_strconcat (family, given, NULL);
      g_autofree char *given_first = g_strconcat (given, family, NULL);

      g_ptr_array_add (queries, without_spaces (family_first));
      g_ptr_array_add (queries, without_spaces (given_first));
    }
  /* The name as the matcher reads it: without titles, bin and binti,
   * placeholders (U Kyaw Kyaw, Dato' Ahmad bin Ismail, FNU Sukarno), in
   * either order. */
  {
    Person *c = person_from_participant (candidate);

    for (guint i = 0; c->latin[i] != NULL && i < 4; i++)
      add_query (queries, c->latin[i]);
    person_free (c);
  }
  /* Each part alone, the patronymic cut off: a name written with its
   * parts in another order or with words the index reads as part of it is
   * still found by its rarest part. */
  {
    const char *parts[] = { liaison_participant_get_family_latin (candidate), liaison_participant_get_given_latin (candidate) };

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        g_autofree char *folded = fold (parts[i]);
        g_autofree char *clean = clean_part (folded);
        g_auto (GStrv) words = clean != NULL ? g_strsplit (clean, " ", -1) : NULL;

        if (words == NULL || g_utf8_strlen (clean, -1) < 4)
          continue;
        /* Ahmad Faizal bin Ismail: Ahmad Faizal. */
        if (g_strv_length (words) > 2)
          g_ptr_array_add (queries, g_strconcat (words[0], " ", words[1], NULL));
        else
          add_query (queries, clean);
      }
  }
  return queries;
}
