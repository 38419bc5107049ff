/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "liaison-content-po.h"

/* Content to translate as a gettext PO file, so translators keep using
 * Poedit or any PO editor: one file per language translated into, one
 * entry per text. msgctxt names the text ("event/<uuid>/title"), msgid is
 * its source text as exported, msgstr the translation; drafts and stale
 * translations are fuzzy. Importing applies each entry whose source text
 * is still what was exported and refuses the others one by one; a file
 * that cannot be read as PO is refused whole. The files pass
 * msgfmt --check. */

/* The quark's name is stringified: keep its dashes. */
/* clang-format off */
G_DEFINE_QUARK (liaison-content-po-error-quark, liaison_content_po_error)
/* clang-format on */

void
liaison_po_import_free (LiaisonPoImport *result)
{
  if (result == NULL)
    return;
  g_clear_pointer (&result->refused, g_ptr_array_unref);
  g_free (result);
}

static void
refusal_free (LiaisonPoRefusal *refusal)
{
  g_free (refusal->context);
  g_free (refusal->message);
  g_free (refusal);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

static void
append_escaped (GString    *out,
                const char *text,
                gssize      length)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);

  for (const char *p = text; p < end; p++)
    switch (*p)
      {
      case '"':
        g_string_append (out, "\\\"");
        break;
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case '\n':
        g_string_append (out, "\\n");
        break;
      case '\t':
        g_string_append (out, "\\t");
        break;
      case '\r':
        g_string_append (out, "\\r");
        break;
      default:
        if ((guchar) *p < 0x20)
          g_string_append_printf (out, "\\%03o", (guchar) *p);
        else
          g_string_append_c (out, *p);
      }
}

/* A text with line breaks inside is written a line per string, as
 * gettext's own tools do, so a translator reads it as it is. */
static void
append_keyword (GString    *out,
                const char *keyword,
                const char *text)
{
  const char *newline = strchr (text, '\n');

  g_string_append (out, keyword);
  if (newline == NULL || newline[1] == '\0')
    {
      g_string_append (out, " \"");
      append_escaped (out, text, -1);
      g_string_append (out, "\"\n");
      return;
    }

  g_string_append (out, " \"\"\n");
  while (*text != '\0')
    {
      const char *next = strchr (text, '\n');
      gssize      length = next != NULL ? next - text + 1 : (gssize) strlen (text);

      g_string_append_c (out, '"');
      append_escaped (out, text, length);
      g_string_append (out, "\"\n");
      text += length;
    }
}

static void
append_comment (GString    *out,
                const char *prefix,
                const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, "%s %s\n", prefix, lines[i]);
}

static const char *
po_language (LiaisonLanguage language)
{
  return language == LIAISON_LANGUAGE_ZH ? "zh_CN" : "en";
}

/* Only the whitespace at the edges: msgfmt --check wants a msgstr to begin
 * and end with a line break exactly when its msgid does. */
static char *
match_edges (const char *source,
             const char *translation)
{
  gsize    len = strlen (translation);
  gsize    start = 0, end = len;
  gboolean lead = source[0] == '\n';
  gboolean trail = *source != '\0' && source[strlen (source) - 1] == '\n';

  while (start < end && translation[start] == '\n')
    start++;
  while (end > start && translation[end - 1] == '\n')
    end--;
  return g_strdup_printf ("%s%.*s%s", lead ? "\n" : "", (int) (end - start), translation + start, trail ? "\n" : "");
}

static char *
describe (LiaisonTranslationItem *item)
{
  const char *entity = liaison_translation_item_get_entity (item);
  const char *field = liaison_translation_item_get_field (item);
  const char *owner = liaison_translation_item_get_owner (item, liaison_translation_item_get_source_language (item));

  if (g_str_equal (entity, "event"))
    {
      if (g_str_equal (field, "title"))
        return g_strdup (_ ("The title of an event."));
      if (g_str_equal (field, "theme"))
        return g_strdup_printf (_ ("The theme of the event “%s”."), owner);
      if (g_str_equal (field, "description"))
        return g_strdup_printf (_ ("The description of the event “%s”."), owner);
      return g_strdup_printf (_ ("The city where the event “%s” takes place."), owner);
    }
  if (g_str_equal (entity, "plan"))
    /* Translators: %s is a code such as 1.1.2 */
    return g_strdup_printf (_ ("The title of item %s of the 2021–2025 action plan."), owner);
  if (g_str_equal (entity, "programme"))
    return g_strdup (_ ("The name of the programme."));
  if (g_str_equal (entity, "track"))
    return g_strdup (_ ("The name of a track of the Green Envoys Programme."));
  if (g_str_equal (field, "organisation"))
    /* Translators: %s is a person's name */
    return g_strdup_printf (_ ("The organisation %s works for."), owner);
  /* Translators: %s is a person's name */
  return g_strdup_printf (_ ("The position %s holds."), owner);
}

static const char *
state_note (LiaisonTranslationState state)
{
  switch (state)
    {
    case LIAISON_TRANSLATION_DRAFT:
      return _ ("Draft: finish the translation, then clear the fuzzy mark.");
    case LIAISON_TRANSLATION_TRANSLATED:
      return _ ("Translated, not reviewed yet.");
    case LIAISON_TRANSLATION_REVIEWED:
      return _ ("Reviewed.");
    case LIAISON_TRANSLATION_STALE:
      return _ ("Stale: the source text changed after this was translated. Check the translation, then clear the fuzzy mark.");
    case LIAISON_TRANSLATION_MISSING:
    default:
      return NULL;
    }
}

static gboolean
is_fuzzy_state (LiaisonTranslationState state)
{
  return state == LIAISON_TRANSLATION_DRAFT || state == LIAISON_TRANSLATION_STALE;
}

static void
append_header (GString        *out,
               LiaisonLanguage language,
               LiaisonLanguage source,
               gboolean        one_source,
               const char     *store_name)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d %H:%M%z");
  g_autofree char *intro = NULL;

  if (language == LIAISON_LANGUAGE_ZH)
    intro = g_strdup_printf (_ ("Liaison content to translate into Chinese, exported from %s."), store_name);
  else
    intro = g_strdup_printf (_ ("Liaison content to translate into English, exported from %s."), store_name);
  append_comment (out, "#", intro);
  append_comment (out, "#", _ ("Each msgctxt names a text (kind/identifier/field): leave it as it is."));
  append_comment (out, "#", _ ("Fuzzy entries are drafts or stale translations: clear the mark when the translation is right."));
  append_comment (out, "#", _ ("Import the file with “liaison translations import FILE”."));
  g_string_append (out, "#\n");
  g_string_append (out, "msgid \"\"\nmsgstr \"\"\n");
  g_string_append (out, "\"Project-Id-Version: Liaison content\\n\"\n");
  g_string_append (out, "\"Report-Msgid-Bugs-To: \\n\"\n");
  g_string_append_printf (out, "\"POT-Creation-Date: %s\\n\"\n", stamp);
  g_string_append_printf (out, "\"PO-Revision-Date: %s\\n\"\n", stamp);
  g_string_append (out, "\"Last-Translator: \\n\"\n");
  g_string_append (out, "\"Language-Team: \\n\"\n");
  g_string_append_printf (out, "\"Language: %s\\n\"\n", po_language (language));
  g_string_append (out, "\"MIME-Version: 1.0\\n\"\n");
  g_string_append (out, "\"Content-Type: text/plain; charset=UTF-8\\n\"\n");
  g_string_append (out, "\"Content-Transfer-Encoding: 8bit\\n\"\n");
  g_string_append_printf (out, "\"Plural-Forms: %s\\n\"\n",
                          language == LIAISON_LANGUAGE_ZH ? "nplurals=1; plural=0;" : "nplurals=2; plural=(n != 1);");
  g_string_append_printf (out, "\"X-Generator: Liaison %s\\n\"\n", PACKAGE_VERSION);
  /* Poedit's name for the language of the msgids. */
  if (one_source)
    g_string_append_printf (out, "\"X-Source-Language: %s\\n\"\n", po_language (source));
  g_string_append (out, "\n");
}

/* The texts the filter selects that are translated into language, as the
 * text of a PO file. */
char *
liaison_content_po_export_to_data (LiaisonStore                   *store,
                                   const LiaisonTranslationFilter *filter,
                                   LiaisonLanguage                 language,
                                   guint                          *n_entries,
                                   GError                        **error)
{
  LiaisonTranslationFilter wanted = LIAISON_TRANSLATION_FILTER_INIT;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *store_name = g_path_get_basename (liaison_store_get_path (store));
  LiaisonLanguage  source = liaison_language_other (language);

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  if (filter != NULL)
    wanted = *filter;
  wanted.language = language;
  items = liaison_store_list_translations (store, &wanted, 0, 0, error);
  if (items == NULL)
    return NULL;

  append_header (out, language, source, TRUE, store_name);

  for (guint i = 0; i < items->len; i++)
    {
      LiaisonTranslationItem *item = g_ptr_array_index (items, i);
      LiaisonTranslationState state = liaison_translation_item_get_state (item);
      const char             *msgid = liaison_translation_item_get_source_text (item);
      const char             *text = liaison_translation_item_get_text (item);
      g_autofree char        *description = describe (item);
      g_autofree char        *msgstr = text != NULL ? match_edges (msgid, text) : g_strdup ("");

      append_comment (out, "#.", description);
      if (state_note (state) != NULL)
        append_comment (out, "#.", state_note (state));
      if (is_fuzzy_state (state) && text != NULL)
        g_string_append (out, "#, fuzzy\n");
      append_keyword (out, "msgctxt", liaison_translation_item_get_key (item));
      append_keyword (out, "msgid", msgid);
      append_keyword (out, "msgstr", msgstr);
      g_string_append_c (out, '\n');
    }

  if (n_entries != NULL)
    *n_entries = items->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
write_failed (const char *path,
              int         saved_errno,
              GError    **error)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               /* Translators: %1$s is a file name, %2$s why writing failed (“No space left on device”) */
               _ ("Could not write %1$s: %2$s"), shown, g_strerror (saved_errno));
  return FALSE;
}

/* A file is replaced whole (a new file renamed over it, so a reader never
 * sees half of it); anything else that is already there (a device such as
 * /dev/stdout, a pipe) is written in place: replacing /dev/full with a
 * file would hide that nothing was written. Every write is checked. */
static gboolean
write_file (const char *path,
            const char *data,
            GError    **error)
{
  GStatBuf    st;
  gsize       length = strlen (data);
  const char *p = data;
  int         fd;

  if (g_stat (path, &st) != 0 || S_ISREG (st.st_mode))
    {
      g_autofree char *target = NULL;

      /* A link to a file: replace the file, keep the link. */
      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        target = realpath (path, NULL);
      return g_file_set_contents (target != NULL ? target : path, data, length, error);
    }
  if (S_ISDIR (st.st_mode))
    return write_failed (path, EISDIR, error);

  fd = g_open (path, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
  if (fd < 0)
    return write_failed (path, errno, error);
  while (length > 0)
    {
      gssize written = write (fd, p, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        {
          int saved = written < 0 ? errno : ENOSPC;

          close (fd);
          return write_failed (path, saved, error);
        }
      p += written;
      length -= (gsize) written;
    }
  if (close (fd) != 0)
    return write_failed (path, errno, error);
  return TRUE;
}

gboolean
liaison_content_po_export (LiaisonStore                   *store,
                           const LiaisonTranslationFilter *filter,
                           LiaisonLanguage                 language,
                           const char                     *path,
                           guint                          *n_entries,
                           GError                        **error)
{
  g_autofree char *data = liaison_content_po_export_to_data (store, filter, language, n_entries, error);

  if (data == NULL)
    return FALSE;
  return write_file (path, data, error);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

typedef struct
{
  guint    line;
  char    *msgctxt;
  char    *msgid;
  char    *msgstr;
  gboolean fuzzy;
} PoEntry;

static void
po_entry_free (PoEntry *entry)
{
  g_free (entry->msgctxt);
  g_free (entry->msgid);
  g_free (entry->msgstr);
  g_free (entry);
}

typedef struct
{
  const char *file_name;
  guint       line;
  GPtrArray  *entries;
  PoEntry    *current;
  gboolean    pending_fuzzy;
  /* The string the next continuation line belongs to. */
  GString *target;
  GString *msgctxt;
  GString *msgid;
  GString *msgstr;
} Parser;

static gboolean
malformed (Parser     *parser,
           GError    **error,
           const char *message)
{
  g_set_error (error, LIAISON_CONTENT_PO_ERROR, LIAISON_CONTENT_PO_ERROR_MALFORMED,
               "%s:%u: %s", parser->file_name, parser->line, message);
  return FALSE;
}

/* A quoted string with C escapes, the rest of the line only spaces. */
static gboolean
parse_string (Parser     *parser,
              const char *p,
              GString    *out,
              GError    **error)
{
  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '"')
    return malformed (parser, error, _ ("a quoted string was expected here"));
  p++;

  for (;;)
    {
      if (*p == '\0')
        return malformed (parser, error, _ ("this string has no closing quote"));
      if (*p == '"')
        break;
      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      p++;
      switch (*p)
        {
        case 'n':
          g_string_append_c (out, '\n');
          p++;
          break;
        case 't':
          g_string_append_c (out, '\t');
          p++;
          break;
        case 'r':
          g_string_append_c (out, '\r');
          p++;
          break;
        case 'a':
          g_string_append_c (out, '\a');
          p++;
          break;
        case 'b':
          g_string_append_c (out, '\b');
          p++;
          break;
        case 'f':
          g_string_append_c (out, '\f');
          p++;
          break;
        case 'v':
          g_string_append_c (out, '\v');
          p++;
          break;
        case '\\':
          g_string_append_c (out, '\\');
          p++;
          break;
        case '"':
          g_string_append_c (out, '"');
          p++;
          break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
          {
            guint value = 0;

            for (guint n = 0; n < 3 && *p >= '0' && *p <= '7'; n++)
              value = value * 8 + (guint) (*p++ - '0');
            if (value == 0 || value > 0xff)
              return malformed (parser, error, _ ("this string holds an escape that is not a character"));
            g_string_append_c (out, (char) value);
          }
          break;
        case 'x':
          {
            guint value = 0, n = 0;

            p++;
            for (; g_ascii_isxdigit (*p) && n < 2; n++)
              value = value * 16 + (guint) g_ascii_xdigit_value (*p++);
            if (n == 0 || value == 0)
              return malformed (parser, error, _ ("this string holds an escape that is not a character"));
            g_string_append_c (out, (char) value);
          }
          break;
        default:
          return malformed (parser, error, _ ("this string holds an unknown escape sequence"));
        }
    }

  for (p++; *p != '\0'; p++)
    if (*p != ' ' && *p != '\t' && *p != '\r')
      return malformed (parser, error, _ ("there is text after the closing quote"));
  return TRUE;
}

static gboolean
finish_entry (Parser  *parser,
              GError **error)
{
  PoEntry *entry = parser->current;

  if (entry == NULL)
    return TRUE;
  if (parser->msgid == NULL)
    {
      parser->line = entry->line;
      return malformed (parser, error, _ ("this entry has no msgid"));
    }
  if (parser->msgstr == NULL)
    {
      parser->line = entry->line;
      return malformed (parser, error, _ ("this entry has no msgstr"));
    }

  /* Escapes (\377, \xff) can spell bytes that are no UTF-8 at all. */
  if ((parser->msgctxt != NULL && !g_utf8_validate_len (parser->msgctxt->str, parser->msgctxt->len, NULL)) ||
      !g_utf8_validate_len (parser->msgid->str, parser->msgid->len, NULL) ||
      !g_utf8_validate_len (parser->msgstr->str, parser->msgstr->len, NULL))
    {
      parser->line = entry->line;
      return malformed (parser, error, _ ("this entry's escapes make text that is not valid UTF-8"));
    }

  entry->msgctxt = parser->msgctxt ? g_string_free (parser->msgctxt, FALSE) : NULL;
  entry->msgid = g_string_free (parser->msgid, FALSE);
  entry->msgstr = g_string_free (parser->msgstr, FALSE);
  parser->msgctxt = parser->msgid = parser->msgstr = NULL;
  parser->target = NULL;
  g_ptr_array_add (parser->entries, entry);
  parser->current = NULL;
  return TRUE;
}

static void
parser_clear (Parser *parser)
{
  if (parser->msgctxt)
    g_string_free (parser->msgctxt, TRUE);
  if (parser->msgid)
    g_string_free (parser->msgid, TRUE);
  if (parser->msgstr)
    g_string_free (parser->msgstr, TRUE);
  g_clear_pointer (&parser->current, po_entry_free);
  g_clear_pointer (&parser->entries, g_ptr_array_unref);
}

static gboolean
begin_entry_if_needed (Parser  *parser,
                       GError **error)
{
  /* A comment or msgctxt after a msgstr starts the next entry, blank line
   * or not. */
  if (parser->current != NULL && parser->msgstr != NULL && !finish_entry (parser, error))
    return FALSE;
  if (parser->current == NULL)
    {
      parser->current = g_new0 (PoEntry, 1);
      parser->current->line = parser->line;
      parser->current->fuzzy = parser->pending_fuzzy;
      parser->pending_fuzzy = FALSE;
    }
  return TRUE;
}

static gboolean
parse_keyword (Parser     *parser,
               const char *line,
               GError    **error)
{
  static const char *keywords[] = { "msgctxt", "msgid_plural", "msgid", "msgstr[", "msgstr" };
  const char        *keyword = NULL;
  GString          **slot = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (keywords) && keyword == NULL; i++)
    if (g_str_has_prefix (line, keywords[i]))
      keyword = keywords[i];
  if (keyword == NULL)
    return malformed (parser, error, _ ("this line is not a PO keyword, comment or string"));
  if (g_str_equal (keyword, "msgid_plural") || g_str_equal (keyword, "msgstr["))
    return malformed (parser, error, _ ("plural forms are not used in Liaison's content files"));

  if (g_str_equal (keyword, "msgctxt"))
    {
      if (parser->current != NULL && parser->msgstr != NULL && !finish_entry (parser, error))
        return FALSE;
      if (!begin_entry_if_needed (parser, error))
        return FALSE;
      if (parser->msgctxt != NULL || parser->msgid != NULL)
        return malformed (parser, error, _ ("msgctxt must come once, before msgid"));
      slot = &parser->msgctxt;
    }
  else if (g_str_equal (keyword, "msgid"))
    {
      if (parser->current != NULL && parser->msgstr != NULL && !finish_entry (parser, error))
        return FALSE;
      if (!begin_entry_if_needed (parser, error))
        return FALSE;
      if (parser->msgid != NULL)
        return malformed (parser, error, _ ("this entry has two msgids"));
      /* The entry is where its msgctxt is, or its msgid without one. */
      if (parser->msgctxt == NULL)
        parser->current->line = parser->line;
      slot = &parser->msgid;
    }
  else
    {
      if (parser->current == NULL || parser->msgid == NULL)
        return malformed (parser, error, _ ("msgstr without a msgid before it"));
      if (parser->msgstr != NULL)
        return malformed (parser, error, _ ("this entry has two msgstrs"));
      slot = &parser->msgstr;
    }

  *slot = g_string_new (NULL);
  parser->target = *slot;
  return parse_string (parser, line + strlen (keyword), *slot, error);
}

static gboolean
parse_line (Parser     *parser,
            const char *line,
            GError    **error)
{
  const char *p = line;

  while (*p == ' ' || *p == '\t')
    p++;

  if (*p == '\0' || *p == '\r')
    {
      parser->target = NULL;
      return finish_entry (parser, error);
    }

  if (*p == '#')
    {
      parser->target = NULL;
      /* Obsolete entries are ignored whole; previous strings (#|) and
       * comments are for people. */
      if (p[1] == '~')
        return TRUE;
      if (parser->current != NULL && parser->msgstr != NULL && !finish_entry (parser, error))
        return FALSE;
      if (p[1] == ',')
        {
          g_auto (GStrv) flags = g_strsplit (p + 2, ",", -1);

          for (guint i = 0; flags[i] != NULL; i++)
            if (g_str_equal (g_strstrip (flags[i]), "fuzzy"))
              {
                if (parser->current != NULL)
                  parser->current->fuzzy = TRUE;
                else
                  parser->pending_fuzzy = TRUE;
              }
        }
      return TRUE;
    }

  if (*p == '"')
    {
      if (parser->target == NULL)
        return malformed (parser, error, _ ("a string continues nothing here"));
      return parse_string (parser, p, parser->target, error);
    }

  return parse_keyword (parser, p, error);
}

static GPtrArray *
parse_po (const char *data,
          gsize       length,
          const char *file_name,
          GError    **error)
{
  Parser      parser = { file_name, 0, NULL };
  const char *end = data + length;
  const char *invalid = NULL;

  if (!g_utf8_validate (data, length, &invalid))
    {
      parser.line = 1;
      for (const char *p = data; p < invalid; p++)
        parser.line += *p == '\n';
      /* g_utf8_validate stops at a NUL too, which is no encoding problem. */
      if (invalid < end && *invalid == '\0')
        malformed (&parser, error, _ ("this line holds a NUL character"));
      else
        malformed (&parser, error, _ ("this line is not valid UTF-8; save the file as UTF-8"));
      return NULL;
    }
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    data += 3;

  parser.entries = g_ptr_array_new_with_free_func ((GDestroyNotify) po_entry_free);
  for (const char *p = data; p < end;)
    {
      const char      *newline = memchr (p, '\n', end - p);
      g_autofree char *line = g_strndup (p, (newline ? newline : end) - p);

      parser.line++;
      if (memchr (p, '\0', (newline ? newline : end) - p) != NULL)
        {
          malformed (&parser, error, _ ("this line holds a NUL character"));
          parser_clear (&parser);
          return NULL;
        }
      if (!parse_line (&parser, line, error))
        {
          parser_clear (&parser);
          return NULL;
        }
      p = newline ? newline + 1 : end;
    }
  if (!finish_entry (&parser, error))
    {
      parser_clear (&parser);
      return NULL;
    }
  return g_steal_pointer (&parser.entries);
}

/* "Language: zh_CN" from the header entry, and a check that the file is
 * UTF-8 as Liaison wrote it. */
static gboolean
read_header (GPtrArray       *entries,
             const char      *file_name,
             LiaisonLanguage *language,
             GError         **error)
{
  PoEntry *header = NULL;
  g_auto (GStrv) lines = NULL;
  const char *code = NULL;

  for (guint i = 0; i < entries->len && header == NULL; i++)
    {
      PoEntry *entry = g_ptr_array_index (entries, i);

      if (entry->msgctxt == NULL && *entry->msgid == '\0')
        header = entry;
    }
  if (header == NULL)
    {
      g_set_error (error, LIAISON_CONTENT_PO_ERROR, LIAISON_CONTENT_PO_ERROR_LANGUAGE,
                   _ ("%s has no header entry, so Liaison cannot tell which language it is in"), file_name);
      return FALSE;
    }

  lines = g_strsplit (header->msgstr, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (g_str_has_prefix (line, "Language:"))
        code = g_strstrip (line + strlen ("Language:"));
      else if (g_ascii_strncasecmp (line, "Content-Type:", strlen ("Content-Type:")) == 0)
        {
          const char *charset = strstr (line, "charset=");

          if (charset != NULL && g_ascii_strcasecmp (charset + strlen ("charset="), "UTF-8") != 0)
            {
              g_set_error (error, LIAISON_CONTENT_PO_ERROR, LIAISON_CONTENT_PO_ERROR_MALFORMED,
                           _ ("%1$s:%2$u: the file says it is in %3$s; Liaison reads UTF-8 (save it as UTF-8)"),
                           file_name, header->line, charset + strlen ("charset="));
              return FALSE;
            }
        }
    }

  if (code == NULL || *code == '\0' || !liaison_language_from_code (code, language))
    {
      g_set_error (error, LIAISON_CONTENT_PO_ERROR, LIAISON_CONTENT_PO_ERROR_LANGUAGE,
                   _ ("%1$s:%2$u: the header's Language is “%3$s”; Liaison translates into zh or en"),
                   file_name, header->line, code ? code : "");
      return FALSE;
    }
  return TRUE;
}

/* msgfmt refuses a file with the same text twice; so does Liaison, before
 * applying anything. */
static gboolean
check_duplicates (GPtrArray  *entries,
                  const char *file_name,
                  GError    **error)
{
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      PoEntry *entry = g_ptr_array_index (entries, i);
      char    *key = g_strconcat (entry->msgctxt ? entry->msgctxt : "", "\004", entry->msgid, NULL);

      if (g_hash_table_contains (seen, key))
        {
          g_set_error (error, LIAISON_CONTENT_PO_ERROR, LIAISON_CONTENT_PO_ERROR_MALFORMED,
                       _ ("%1$s:%2$u: “%3$s” appears twice in the file"), file_name, entry->line,
                       entry->msgctxt ? entry->msgctxt : entry->msgid);
          g_free (key);
          return FALSE;
        }
      g_hash_table_add (seen, key);
    }
  return TRUE;
}

static void
refuse (LiaisonPoImport *result,
        PoEntry         *entry,
        char            *message)
{
  LiaisonPoRefusal *refusal = g_new0 (LiaisonPoRefusal, 1);

  refusal->line = entry->line;
  refusal->context = g_strdup (entry->msgctxt ? entry->msgctxt : "");
  refusal->message = message;
  g_ptr_array_add (result->refused, refusal);
}

static char *
strip_edges (const char *text)
{
  gsize start = 0, end = strlen (text);

  while (start < end && text[start] == '\n')
    start++;
  while (end > start && text[end - 1] == '\n')
    end--;
  return g_strndup (text + start, end - start);
}

/* One entry: TRUE when it was applied, left alone or refused; FALSE only
 * when the store failed, which undoes the whole import. */
static gboolean
apply_entry (LiaisonStore    *store,
             LiaisonPoImport *result,
             PoEntry         *entry,
             LiaisonOrigin    origin,
             GError         **error)
{
  g_autofree char *entity = NULL, *entity_id = NULL, *field = NULL;
  g_autoptr (LiaisonBilingual) text = NULL;
  g_autoptr (GError) local_error = NULL;
  LiaisonLanguage         language = result->language;
  LiaisonTranslationState state, new_state;
  const char             *current;
  const char             *new_text;
  gboolean                same_text, exported_fuzzy;

  if (entry->msgctxt == NULL && *entry->msgid == '\0')
    return TRUE;

  if (!liaison_content_key_parse (entry->msgctxt, &entity, &entity_id, &field))
    {
      refuse (result, entry, g_strdup (_ ("This entry does not name a text Liaison translates; leave each msgctxt as it was exported.")));
      return TRUE;
    }

  text = liaison_store_get_content_text (store, entity, entity_id, field, &local_error);
  if (text == NULL)
    {
      if (!g_error_matches (local_error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      refuse (result, entry, g_strdup (local_error->message));
      return TRUE;
    }

  if (liaison_bilingual_get_source (text) == language || g_strcmp0 (liaison_bilingual_get_text (text, liaison_bilingual_get_source (text)), entry->msgid) != 0)
    {
      refuse (result, entry, g_strdup (_ ("The source text changed after the export, so this translation may no longer fit. "
                                          "Export again and translate the new text.")));
      return TRUE;
    }

  if (*entry->msgstr == '\0')
    {
      result->untranslated++;
      return TRUE;
    }

  current = liaison_bilingual_get_text (text, language);
  state = liaison_bilingual_get_effective_state (text, language);
  exported_fuzzy = is_fuzzy_state (state);
  same_text = FALSE;
  if (current != NULL)
    {
      g_autofree char *a = strip_edges (current);
      g_autofree char *b = strip_edges (entry->msgstr);

      same_text = g_str_equal (a, b);
    }

  if (same_text && entry->fuzzy == exported_fuzzy)
    {
      result->unchanged++;
      return TRUE;
    }

  new_text = same_text ? current : entry->msgstr;
  /* The rule of every entrance: what the window or the command line would
   * refuse in this field is refused here, entry by entry. */
  if (!same_text && !liaison_text_check (new_text, liaison_text_kind_of_content (entity, field), &local_error))
    {
      refuse (result, entry, g_strdup (local_error->message));
      return TRUE;
    }
  new_state = entry->fuzzy ? LIAISON_TRANSLATION_DRAFT : LIAISON_TRANSLATION_TRANSLATED;
  if (!liaison_store_set_translation (store, entity, entity_id, field, language, new_text, new_state, origin, error))
    return FALSE;
  result->applied++;
  return TRUE;
}

/* Applies a PO file's translations, all in one transaction: a store
 * failure undoes every entry; an entry whose text is gone or whose source
 * changed since the export is refused (result->refused) and the others
 * applied. A file that is not valid PO, or does not say its language, is
 * refused whole with the file and line in the error. */
LiaisonPoImport *
liaison_content_po_import_data (LiaisonStore *store,
                                const char   *data,
                                gsize         length,
                                const char   *file_name,
                                LiaisonOrigin origin,
                                GError      **error)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (LiaisonPoImport) result = g_new0 (LiaisonPoImport, 1);

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);

  result->refused = g_ptr_array_new_with_free_func ((GDestroyNotify) refusal_free);

  entries = parse_po (data, length, file_name, error);
  if (entries == NULL || !read_header (entries, file_name, &result->language, error) || !check_duplicates (entries, file_name, error))
    return NULL;

  /* One transaction: entries are checked before they write, so a failure
   * inside one is the store's, and undoes them all. */
  if (!liaison_store_begin_bulk (store, error))
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    if (!apply_entry (store, result, g_ptr_array_index (entries, i), origin, error))
      {
        liaison_store_end_bulk (store, FALSE, NULL);
        return NULL;
      }
  if (!liaison_store_end_bulk (store, TRUE, error))
    return NULL;

  return g_steal_pointer (&result);
}

LiaisonPoImport *
liaison_content_po_import (LiaisonStore *store,
                           const char   *path,
                           LiaisonOrigin origin,
                           GError      **error)
{
  g_autofree char *data = NULL;
  gsize            length;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return liaison_content_po_import_data (store, data, length, path, origin, error);
}
