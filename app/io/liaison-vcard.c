/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-content-line.h"
#include "liaison-io-error.h"
#include "liaison-store-sync.h"
#include "liaison-vcard.h"

/* vCard is read with Liaison's own content-line reader, not libical:
 * libical 3.0 reads only vCard 2.1 (libicalvcal), without ALTID, LANGUAGE
 * or any of RFC 6350, and a card needs nothing beyond content lines and
 * structured values, which liaison-content-line already parses for the
 * splicing. */

#define PRODID "-//China-ASEAN Environmental Cooperation Center//Liaison//EN"

/* Liaison's own text properties: property → field. */
static const char *x_text[][2] = {
  { "X-LIAISON-NAME-ORDER", "name_order" },
  { "X-LIAISON-HONORIFIC", "honorific" },
  { "X-LIAISON-SECTOR", "sector" },
  { "X-LIAISON-COUNTRY", "country" },
  { "X-LIAISON-CONSENT", "consent" },
  { "X-LIAISON-CONSENT-DATE", "consent_date" },
  /* The ids of the records merged into this person (one a line): a merge
   * is the survivor updated and the others deleted, and this says so. */
  { "X-LIAISON-MERGED", "merged" },
};

static const char *owned[] = {
  "FN",
  "N",
  "GENDER",
  "ORG",
  "TITLE",
  "EMAIL",
  "TEL",
  "LANG",
  "REV",
};

/* The Latin name of a person whose N is in their own script: one TEXT
 * property per part, so a conforming re-serialisation (Radicale writes
 * every ";" of an X- value as "\;") changes nothing that is read back,
 * and a family name may hold a ";" of its own. Older versions wrote
 * X-LIAISON-N-LATIN:FAMILY;GIVEN, which is still read, and replaced with
 * these when Liaison writes the card. All three are one group. */
#define LATIN_GROUP "X-LIAISON-N-LATIN"
#define FAMILY_LATIN "X-LIAISON-FAMILY-LATIN"
#define GIVEN_LATIN "X-LIAISON-GIVEN-LATIN"

/* What vCard 3.0 (RFC 2426) has no property for travels in Liaison's own
 * X- properties there; 3.0 has no ALTID either (LANGUAGE it has). */
#define GENDER_3 "X-LIAISON-GENDER"
#define LANG_3 "X-LIAISON-LANG"

/* How a card is written: in the version of the card it goes into (4.0
 * for a new one), and keeping the organisation units another client put
 * on its ORG lines (Liaison has no field for them). */
typedef struct
{
  gboolean v3;
  char    *units[2]; /* zh, en: the escaped parts after ORG's first, or NULL */
} Style;

static void
style_clear (Style *style)
{
  g_free (style->units[0]);
  g_free (style->units[1]);
}

static const char *
get (GHashTable *f,
     const char *name)
{
  return g_hash_table_lookup (f, name);
}

static void
put (GHashTable *f,
     const char *name,
     const char *value)
{
  if (value == NULL || *value == '\0')
    g_hash_table_remove (f, name);
  else
    g_hash_table_insert (f, g_strdup (name), g_strdup (value));
}

static gboolean
is_latin (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script != G_UNICODE_SCRIPT_LATIN && script != G_UNICODE_SCRIPT_COMMON && script != G_UNICODE_SCRIPT_INHERITED)
        return FALSE;
    }
  return TRUE;
}

/* The language tag of a name in its own script, from the script itself. */
static const char *
native_language (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    switch (g_unichar_get_script (g_utf8_get_char (p)))
      {
      case G_UNICODE_SCRIPT_HAN:
        return "zh";
      case G_UNICODE_SCRIPT_THAI:
        return "th";
      case G_UNICODE_SCRIPT_KHMER:
        return "km";
      case G_UNICODE_SCRIPT_LAO:
        return "lo";
      case G_UNICODE_SCRIPT_MYANMAR:
        return "my";
      default:
        break;
      }
  return "und";
}

static char *
join_name (const char *family,
           const char *given,
           const char *order)
{
  if (family == NULL || given == NULL)
    return g_strdup (family != NULL ? family : given);
  if (g_strcmp0 (order, "given-first") == 0)
    return g_strconcat (given, " ", family, NULL);
  if (!is_latin (family) && !is_latin (given))
    return g_strconcat (family, given, NULL);
  return g_strconcat (family, " ", given, NULL);
}

static char *
structured (const char *const *parts,
            guint              n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *escaped = liaison_content_escape_text (parts[i] ? parts[i] : "");

      if (i > 0)
        g_string_append_c (s, ';');
      g_string_append (s, escaped);
    }
  return g_string_free (s, FALSE);
}

static LiaisonContentGroup *
group_with (const char *key)
{
  return liaison_content_group_new (key);
}

static void
add_line (LiaisonContentGroup *g,
          const char          *name,
          const char *const   *params,
          const char          *value)
{
  liaison_content_group_add (g, liaison_content_render (name, params, value));
}

static void
add_text_line (LiaisonContentGroup *g,
               const char          *name,
               const char *const   *params,
               const char          *text)
{
  g_autofree char *escaped = liaison_content_escape_text (text);

  add_line (g, name, params, escaped);
}

/* A bilingual field as two lines of one ALTID (4.0), or one line; units
 * (ORG's, already escaped) follow the text of their language. */
static LiaisonContentGroup *
bilingual_group (GHashTable  *f,
                 const char  *property,
                 const char  *field,
                 const char  *altid,
                 const Style *style,
                 char *const *units)
{
  LiaisonContentGroup *g = group_with (property);
  g_autofree char     *zh_key = g_strconcat (field, "_zh", NULL);
  g_autofree char     *en_key = g_strconcat (field, "_en", NULL);
  const char          *texts[] = { get (f, zh_key), get (f, en_key) };
  const char          *languages[] = { "zh", "en" };
  gboolean             both = texts[0] != NULL && texts[1] != NULL;

  for (guint i = 0; i < 2; i++)
    {
      const char      *params[] = { "ALTID", both && !style->v3 ? altid : NULL, "LANGUAGE", languages[i], NULL };
      g_autofree char *escaped = NULL;
      g_autofree char *value = NULL;

      if (texts[i] == NULL)
        continue;
      escaped = liaison_content_escape_text (texts[i]);
      value = units != NULL && units[i] != NULL ? g_strconcat (escaped, ";", units[i], NULL) : g_strdup (escaped);
      add_line (g, property, params, value);
    }
  return g;
}

/* A list, in order of preference: PREF in 4.0; in 3.0 the order says it. */
static LiaisonContentGroup *
list_group (GHashTable  *f,
            const char  *key,
            const char  *property,
            const char  *field,
            const Style *style)
{
  LiaisonContentGroup *g = group_with (key);
  g_auto (GStrv) items = get (f, field) ? g_strsplit (get (f, field), "\n", -1) : NULL;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *pref = items[1] != NULL && !style->v3 ? g_strdup_printf ("%u", i + 1) : NULL;
      const char      *params[] = { "PREF", pref, NULL };

      add_text_line (g, property, params, items[i]);
    }
  return g;
}

static GPtrArray *
render_groups (GHashTable  *f,
               const Style *style)
{
  GPtrArray           *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_content_group_free);
  const char          *order = get (f, "name_order");
  g_autofree char     *native = join_name (get (f, "family_native"), get (f, "given_native"), order);
  g_autofree char     *latin = join_name (get (f, "family_latin"), get (f, "given_latin"), order);
  const char          *native_lang = native != NULL ? native_language (native) : NULL;
  gboolean             both = native != NULL && latin != NULL;
  LiaisonContentGroup *g;

  g = group_with ("FN");
  if (native != NULL)
    {
      const char *params[] = { "ALTID", both && !style->v3 ? "1" : NULL, "LANGUAGE", native_lang, NULL };
      add_text_line (g, "FN", params, native);
    }
  /* vCard 3.0 has one FN: the name in the script of N. */
  if (latin != NULL && (native == NULL || !style->v3))
    {
      const char *params[] = { "ALTID", both ? "1" : NULL, "LANGUAGE", both ? "und-Latn" : NULL, NULL };
      add_text_line (g, "FN", params, latin);
    }
  g_ptr_array_add (groups, g);

  /* One N only (servers refuse two): the person's own script when there is
   * one, the Latin name then in X-LIAISON-FAMILY-LATIN and -GIVEN-LATIN. */
  g = group_with ("N");
  {
    gboolean    use_native = get (f, "family_native") || get (f, "given_native");
    const char *parts[] = {
      get (f, use_native ? "family_native" : "family_latin"),
      get (f, use_native ? "given_native" : "given_latin"),
      NULL,
      get (f, "honorific"),
      NULL,
    };
    g_autofree char *value = structured (parts, G_N_ELEMENTS (parts));
    const char      *params[] = {
           "ALTID", both && !style->v3 ? "1" : NULL, "LANGUAGE", use_native ? native_lang : NULL,
           "X-LIAISON-SCRIPT", use_native ? "native" : "latin", NULL
    };

    if (native != NULL || latin != NULL)
      add_line (g, "N", params, value);
    g_ptr_array_add (groups, g);
    g = group_with (LATIN_GROUP);
    if (use_native && get (f, "family_latin") != NULL)
      add_text_line (g, FAMILY_LATIN, NULL, get (f, "family_latin"));
    if (use_native && get (f, "given_latin") != NULL)
      add_text_line (g, GIVEN_LATIN, NULL, get (f, "given_latin"));
    g_ptr_array_add (groups, g);
  }

  g = group_with ("GENDER");
  {
    const char *gender = get (f, "gender");
    const char *code = g_strcmp0 (gender, "female") == 0 ? "F" : g_strcmp0 (gender, "male") == 0 ? "M"
                                                             : g_strcmp0 (gender, "other") == 0  ? "O"
                                                                                                 : NULL;
    if (code != NULL)
      add_line (g, style->v3 ? GENDER_3 : "GENDER", NULL, code);
  }
  g_ptr_array_add (groups, g);

  g_ptr_array_add (groups, bilingual_group (f, "ORG", "organisation", "2", style, style->units));
  g_ptr_array_add (groups, bilingual_group (f, "TITLE", "position", "3", style, NULL));
  g_ptr_array_add (groups, list_group (f, "EMAIL", "EMAIL", "emails", style));
  g_ptr_array_add (groups, list_group (f, "TEL", "TEL", "phones", style));
  g_ptr_array_add (groups, list_group (f, "LANG", style->v3 ? LANG_3 : "LANG", "languages", style));

  for (guint i = 0; i < G_N_ELEMENTS (x_text); i++)
    {
      g = group_with (x_text[i][0]);
      if (get (f, x_text[i][1]) != NULL)
        add_text_line (g, x_text[i][0], NULL, get (f, x_text[i][1]));
      g_ptr_array_add (groups, g);
    }
  return groups;
}

static char *
group_of_line (LiaisonContentLine *line,
               gpointer            user_data)
{
  if (g_str_equal (line->name, LATIN_GROUP) || g_str_equal (line->name, FAMILY_LATIN) ||
      g_str_equal (line->name, GIVEN_LATIN))
    return g_strdup (LATIN_GROUP);
  if (g_str_equal (line->name, GENDER_3))
    return g_strdup ("GENDER");
  if (g_str_equal (line->name, LANG_3))
    return g_strdup ("LANG");
  for (guint i = 0; i < G_N_ELEMENTS (owned); i++)
    if (g_str_equal (line->name, owned[i]))
      return g_strdup (line->name);
  for (guint i = 0; i < G_N_ELEMENTS (x_text); i++)
    if (g_str_equal (line->name, x_text[i][0]))
      return g_strdup (line->name);
  return NULL;
}

static LiaisonContentGroup *
rev_group (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char     *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  LiaisonContentGroup *g = group_with ("REV");

  add_line (g, "REV", NULL, stamp);
  return g;
}

/* The card's version and the units of its ORG lines, from the server's
 * copy. */
static void
style_of (const char *base,
          Style      *style)
{
  g_autoptr (GPtrArray) lines = base != NULL ? liaison_content_parse (base, NULL) : NULL;
  int depth = 0;

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      LiaisonContentLine *l = g_ptr_array_index (lines, i);

      if (g_str_equal (l->name, "BEGIN"))
        depth++;
      else if (g_str_equal (l->name, "END"))
        depth--;
      else if (depth != 1)
        continue;
      else if (g_str_equal (l->name, "VERSION"))
        style->v3 = g_str_equal (l->value, "3.0");
      else if (g_str_equal (l->name, "ORG"))
        {
          const char *language = liaison_content_line_param (l, "LANGUAGE");
          g_auto (GStrv) parts = liaison_content_split_value (l->value, ';');
          const char *units = NULL;
          guint       lang;

          /* The raw text after the first unescaped ";": units as they were. */
          for (const char *p = l->value; *p != '\0'; p++)
            if (*p == '\\' && p[1] != '\0')
              p++;
            else if (*p == ';')
              {
                units = p + 1;
                break;
              }
          if (units == NULL || parts[0] == NULL)
            continue;
          if (language != NULL)
            lang = g_ascii_strncasecmp (language, "zh", 2) == 0 ? 0 : 1;
          else
            lang = is_latin (parts[0]) ? 1 : 0;
          /* Trailing empty units (";;") are no units. */
          if (style->units[lang] == NULL && strspn (units, ";") != strlen (units))
            style->units[lang] = g_strdup (units);
        }
    }
}

/* Whether the card still has the Latin name in the form older versions
 * wrote (X-LIAISON-N-LATIN): Liaison then writes the group anew. */
static gboolean
has_legacy_latin (const char *base)
{
  g_autoptr (GPtrArray) lines = liaison_content_parse (base, NULL);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    if (g_str_equal (((LiaisonContentLine *) g_ptr_array_index (lines, i))->name, LATIN_GROUP))
      return TRUE;
  return FALSE;
}

char *
liaison_vcard_write (const char *uid,
                     GHashTable *fields,
                     const char *base,
                     GError    **error)
{
  Style style = { FALSE, { NULL, NULL } };
  g_autoptr (GPtrArray) groups = NULL;

  style_of (base, &style);
  groups = render_groups (fields, &style);
  g_ptr_array_add (groups, rev_group ());
  if (base != NULL)
    {
      g_autoptr (GHashTable) base_fields = liaison_vcard_read (base, NULL, NULL);
      g_autoptr (GPtrArray) old_groups = base_fields ? render_groups (base_fields, &style) : NULL;
      char *text;

      if (old_groups != NULL && has_legacy_latin (base))
        for (guint i = 0; i < old_groups->len; i++)
          {
            LiaisonContentGroup *g = g_ptr_array_index (old_groups, i);

            /* Never the same as what is written now. */
            if (g_str_equal (g->key, LATIN_GROUP))
              liaison_content_group_add (g, g_strdup ("X-LIAISON-N-LATIN (the older form)"));
          }
      text = liaison_content_splice (base, "VCARD", NULL, old_groups, groups, group_of_line, NULL, NULL, NULL, NULL);
      if (text != NULL)
        {
          style_clear (&style);
          return text;
        }
    }
  style_clear (&style);

  {
    GString         *out = g_string_new ("BEGIN:VCARD\r\nVERSION:4.0\r\nPRODID:" PRODID "\r\n");
    g_autofree char *escaped = liaison_content_escape_text (uid);
    g_autofree char *uid_line = liaison_content_render ("UID", NULL, escaped);

    g_string_append (out, uid_line);
    for (guint i = 0; i < groups->len; i++)
      {
        LiaisonContentGroup *g = g_ptr_array_index (groups, i);

        for (guint j = 0; j < g->lines->len; j++)
          g_string_append (out, g_ptr_array_index (g->lines, j));
      }
    g_string_append (out, "END:VCARD\r\n");
    (void) error;
    return g_string_free (out, FALSE);
  }
}

static void
append_item (GHashTable *f,
             const char *field,
             const char *item)
{
  const char      *old = get (f, field);
  g_autofree char *joined = NULL;

  if (item == NULL || *item == '\0')
    return;
  joined = old != NULL ? g_strconcat (old, "\n", item, NULL) : g_strdup (item);
  put (f, field, joined);
}

static void
read_bilingual (GHashTable         *f,
                const char         *field,
                LiaisonContentLine *line)
{
  const char *language = liaison_content_line_param (line, "LANGUAGE");
  g_auto (GStrv) parts = liaison_content_split_value (line->value, ';');
  g_autofree char *key = NULL;
  gboolean         zh;

  if (parts[0] == NULL || *parts[0] == '\0')
    return;
  zh = language != NULL ? g_ascii_strncasecmp (language, "zh", 2) == 0 : !is_latin (parts[0]);
  key = g_strconcat (field, zh ? "_zh" : "_en", NULL);
  if (get (f, key) == NULL)
    put (f, key, parts[0]);
}

/* X-LIAISON-N-LATIN as older versions wrote it: FAMILY;GIVEN, each part
 * escaped. After a re-serialisation (Radicale's) every ";" is escaped and
 * the value is one part: it then splits at its last ";", since given
 * names hold a ";" even more rarely than family names. */
static void
read_legacy_latin (GHashTable *f,
                   const char *value)
{
  g_auto (GStrv) parts = liaison_content_split_value (value, ';');
  guint n = g_strv_length (parts);

  if (n == 1 && strchr (parts[0], ';') != NULL)
    {
      char *last = strrchr (parts[0], ';');

      *last = '\0';
      put (f, "family_latin", parts[0]);
      put (f, "given_latin", last + 1);
      return;
    }
  put (f, "family_latin", n > 0 ? parts[0] : NULL);
  put (f, "given_latin", n > 1 ? parts[1] : NULL);
}

GHashTable *
liaison_vcard_read (const char *text,
                    char      **uid_out,
                    GError    **error)
{
  g_autoptr (GHashTable) f = liaison_sync_fields_new ();
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) parse_error = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *fn = NULL;
  gboolean         in_card = FALSE, seen_card = FALSE, has_n = FALSE, latin_parts = FALSE;
  int              depth = 0;

  if (uid_out != NULL)
    *uid_out = NULL;
  lines = liaison_content_parse (text, &parse_error);
  if (lines == NULL)
    {
      g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED,
                   _ ("it is not a vCard (%s)"), parse_error->message);
      return NULL;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      LiaisonContentLine *l = g_ptr_array_index (lines, i);
      g_autofree char    *value = NULL;

      if (g_str_equal (l->name, "BEGIN"))
        {
          if (g_ascii_strcasecmp (l->value, "VCARD") == 0 && depth == 0)
            {
              if (seen_card)
                break;
              in_card = seen_card = TRUE;
            }
          depth++;
          continue;
        }
      if (g_str_equal (l->name, "END"))
        {
          depth--;
          if (depth == 0)
            in_card = FALSE;
          continue;
        }
      if (!in_card || depth != 1)
        continue;

      if (g_str_equal (l->name, "VERSION"))
        {
          if (!g_str_equal (l->value, "4.0") && !g_str_equal (l->value, "3.0"))
            {
              g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_UNSUPPORTED,
                           _ ("it is a vCard of version %s (Liaison reads 3.0 and 4.0)"), l->value);
              return NULL;
            }
        }
      else if (g_str_equal (l->name, "UID"))
        {
          value = liaison_content_unescape_text (l->value);
          g_free (uid);
          uid = g_strdup (g_ascii_strncasecmp (value, "urn:uuid:", 9) == 0 ? value + 9 : value);
        }
      else if (g_str_equal (l->name, "FN"))
        {
          if (fn == NULL)
            fn = liaison_content_unescape_text (l->value);
        }
      else if (g_str_equal (l->name, "N") && !has_n)
        {
          g_auto (GStrv) parts = liaison_content_split_value (l->value, ';');
          const char *script = liaison_content_line_param (l, "X-LIAISON-SCRIPT");
          gboolean    native;
          guint       n = g_strv_length (parts);

          has_n = TRUE;
          if (script != NULL)
            native = g_ascii_strcasecmp (script, "native") == 0;
          else
            native = !is_latin (l->value);
          put (f, native ? "family_native" : "family_latin", n > 0 ? parts[0] : NULL);
          put (f, native ? "given_native" : "given_latin", n > 1 ? parts[1] : NULL);
          if (n > 3 && *parts[3] != '\0')
            put (f, "honorific", parts[3]);
        }
      else if (g_str_equal (l->name, FAMILY_LATIN) || g_str_equal (l->name, GIVEN_LATIN))
        {
          value = liaison_content_unescape_text (l->value);
          /* These win over the older form, wherever that stands. */
          if (!latin_parts)
            {
              g_hash_table_remove (f, "family_latin");
              g_hash_table_remove (f, "given_latin");
            }
          put (f, g_str_equal (l->name, FAMILY_LATIN) ? "family_latin" : "given_latin", value);
          latin_parts = TRUE;
        }
      else if (g_str_equal (l->name, LATIN_GROUP) && !latin_parts)
        read_legacy_latin (f, l->value);
      else if (g_str_equal (l->name, "GENDER") || g_str_equal (l->name, GENDER_3))
        {
          char code = g_ascii_toupper (l->value[0]);

          put (f, "gender", code == 'F' ? "female" : code == 'M' ? "male"
                                                 : code == 'O'   ? "other"
                                                                 : NULL);
        }
      else if (g_str_equal (l->name, "ORG"))
        read_bilingual (f, "organisation", l);
      else if (g_str_equal (l->name, "TITLE"))
        read_bilingual (f, "position", l);
      else if (g_str_equal (l->name, "EMAIL") || g_str_equal (l->name, "TEL") || g_str_equal (l->name, "LANG") ||
               g_str_equal (l->name, LANG_3))
        {
          value = liaison_content_unescape_text (l->value);
          append_item (f, g_str_equal (l->name, "EMAIL") ? "emails" : g_str_equal (l->name, "TEL") ? "phones"
                                                                                                   : "languages",
                       g_strstrip (value));
        }
      else
        for (guint x = 0; x < G_N_ELEMENTS (x_text); x++)
          if (g_str_equal (l->name, x_text[x][0]))
            {
              value = liaison_content_unescape_text (l->value);
              put (f, x_text[x][1], value);
            }
    }

  if (!seen_card)
    {
      g_set_error_literal (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED,
                           _ ("it holds no vCard (BEGIN:VCARD … END:VCARD)"));
      return NULL;
    }
  if (uid == NULL || *uid == '\0')
    {
      g_set_error_literal (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED, _ ("its vCard has no UID"));
      return NULL;
    }
  if (!has_n)
    {
      if (fn == NULL || *fn == '\0')
        {
          g_set_error_literal (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED,
                               _ ("its vCard has no name (FN or N)"));
          return NULL;
        }
      put (f, is_latin (fn) ? "given_latin" : "given_native", fn);
    }

  liaison_sync_fields_normalize ("participant", f);
  if (uid_out != NULL)
    *uid_out = g_steal_pointer (&uid);
  return g_steal_pointer (&f);
}
