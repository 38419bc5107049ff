/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-content-line.h"
#include "liaison-io-error.h"

/* libical re-serialises a whole resource and writes X- values without
 * escaping "," and ";" (DESIGN.md, "What the real parts do"), so Liaison
 * writes its own lines here and splices them into the server's text. */

void
liaison_content_line_free (LiaisonContentLine *line)
{
  g_free (line->raw);
  g_free (line->name);
  g_free (line->group);
  g_clear_pointer (&line->params, g_ptr_array_unref);
  g_free (line->value);
  g_free (line);
}

static gboolean
parse_unfolded (LiaisonContentLine *line,
                const char         *text)
{
  const char      *p = text;
  const char      *start = p;
  g_autofree char *name = NULL;

  while (*p != '\0' && *p != ';' && *p != ':')
    p++;
  if (*p == '\0' || p == start)
    return FALSE;
  name = g_ascii_strup (start, p - start);
  {
    char *dot = strrchr (name, '.');

    if (dot != NULL)
      {
        line->group = g_strndup (name, dot - name);
        line->name = g_strdup (dot + 1);
      }
    else
      line->name = g_steal_pointer (&name);
  }

  line->params = g_ptr_array_new_with_free_func (g_free);
  while (*p == ';')
    {
      const char *pname = ++p;
      g_autoptr (GString) value = g_string_new (NULL);

      while (*p != '\0' && *p != '=' && *p != ';' && *p != ':')
        p++;
      g_ptr_array_add (line->params, g_ascii_strup (pname, p - pname));
      if (*p == '=')
        {
          p++;
          for (;;)
            {
              if (*p == '"')
                {
                  const char *close = strchr (p + 1, '"');

                  if (close == NULL)
                    return FALSE;
                  g_string_append_len (value, p + 1, close - p - 1);
                  p = close + 1;
                }
              else
                {
                  const char *v = p;

                  while (*p != '\0' && *p != ';' && *p != ':' && *p != ',')
                    p++;
                  g_string_append_len (value, v, p - v);
                }
              if (*p != ',')
                break;
              g_string_append_c (value, ',');
              p++;
            }
        }
      g_ptr_array_add (line->params, g_string_free (g_steal_pointer (&value), FALSE));
    }
  if (*p != ':')
    return FALSE;
  line->value = g_strdup (p + 1);
  return TRUE;
}

/* UTF-8 without control characters other than tab and line ends: RFC
 * 5545 and RFC 6350 allow no others, and one in a resource also makes the
 * server's XML listing of it unreadable. */
gboolean
liaison_content_check_text (const char *text, GError **error)
{
  guint line = 1;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED, _ ("The text is not UTF-8"));
      return FALSE;
    }
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if (*p == '\n')
        line++;
      else if ((*p < 0x20 && *p != '\t' && *p != '\r') || *p == 0x7f)
        {
          /* Translators: %1$u is a line number, %2$04X a character's code */
          g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED,
                       _ ("Line %1$u holds the control character U+%2$04X, which neither iCalendar nor vCard "
                          "allows"),
                       line, (guint) *p);
          return FALSE;
        }
    }
  return TRUE;
}

/* Lines keep their own bytes (folds, LF or CRLF) in raw. */
GPtrArray *
liaison_content_parse (const char *text,
                       GError    **error)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_content_line_free);
  g_autoptr (GString) raw = NULL;
  g_autoptr (GString) unfolded = NULL;
  const char *p = text;
  guint       number = 0, first = 0;

  if (!liaison_content_check_text (text, error))
    return NULL;

  while (*p != '\0')
    {
      const char *nl = strchr (p, '\n');
      const char *end = nl != NULL ? nl + 1 : p + strlen (p);
      gsize       content = (nl != NULL ? nl : end) - p;

      number++;
      if (content > 0 && p[content - 1] == '\r')
        content--;
      /* A fold after an empty line (or at the start) continues nothing:
       * written back without that empty line it would continue the line
       * before it (fuzz-vcard). */
      if ((*p == ' ' || *p == '\t') && raw == NULL)
        {
          g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED, _ ("Line %u is not a content line"), number);
          return NULL;
        }
      if (*p == ' ' || *p == '\t')
        {
          g_string_append_len (raw, p, end - p);
          g_string_append_len (unfolded, p + 1, content > 0 ? content - 1 : 0);
        }
      else
        {
          if (raw != NULL)
            {
              LiaisonContentLine *line = g_new0 (LiaisonContentLine, 1);

              line->raw = g_string_free (g_steal_pointer (&raw), FALSE);
              if (!parse_unfolded (line, unfolded->str))
                {
                  liaison_content_line_free (line);
                  g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED,
                               _ ("Line %u is not a content line"), first);
                  return NULL;
                }
              g_ptr_array_add (lines, line);
              g_string_free (g_steal_pointer (&unfolded), TRUE);
            }
          if (content > 0)
            {
              raw = g_string_new_len (p, end - p);
              unfolded = g_string_new_len (p, content);
              first = number;
            }
        }
      p = end;
    }
  if (raw != NULL)
    {
      LiaisonContentLine *line = g_new0 (LiaisonContentLine, 1);

      line->raw = g_string_free (g_steal_pointer (&raw), FALSE);
      if (!parse_unfolded (line, unfolded->str))
        {
          liaison_content_line_free (line);
          g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_MALFORMED,
                       _ ("Line %u is not a content line"), first);
          return NULL;
        }
      g_ptr_array_add (lines, line);
    }
  return g_steal_pointer (&lines);
}

const char *
liaison_content_line_param (LiaisonContentLine *line,
                            const char         *name)
{
  for (guint i = 0; i + 1 < line->params->len; i += 2)
    if (g_ascii_strcasecmp (g_ptr_array_index (line->params, i), name) == 0)
      return g_ptr_array_index (line->params, i + 1);
  return NULL;
}

char *
liaison_content_escape_text (const char *text)
{
  GString *s = g_string_sized_new (strlen (text) + 8);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (s, "\\\\");
        break;
      case ';':
        g_string_append (s, "\\;");
        break;
      case ',':
        g_string_append (s, "\\,");
        break;
      case '\n':
        g_string_append (s, "\\n");
        break;
      case '\r':
        break;
      default:
        g_string_append_c (s, *p);
      }
  return g_string_free (s, FALSE);
}

char *
liaison_content_unescape_text (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      /* A carriage return is never text here (line breaks come as \n):
       * dropped, as the writer drops it, so what is read writes back the
       * same. */
      if (*p == '\r')
        continue;
      if (*p != '\\' || p[1] == '\0')
        {
          g_string_append_c (s, *p);
          continue;
        }
      p++;
      g_string_append_c (s, (*p == 'n' || *p == 'N') ? '\n' : *p);
    }
  return g_string_free (s, FALSE);
}

/* Splits a structured value (N, ORG, a list) at separators that are not
 * escaped, and unescapes each part. */
char **
liaison_content_split_value (const char *value,
                             char        separator)
{
  GPtrArray  *parts = g_ptr_array_new ();
  const char *start = value;

  for (const char *p = value;; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          p++;
          continue;
        }
      if (*p == separator || *p == '\0')
        {
          g_autofree char *piece = g_strndup (start, p - start);

          g_ptr_array_add (parts, liaison_content_unescape_text (piece));
          if (*p == '\0')
            break;
          start = p + 1;
        }
    }
  g_ptr_array_add (parts, NULL);
  return (char **) g_ptr_array_free (parts, FALSE);
}

/* Folds at 75 octets without cutting a UTF-8 sequence (RFC 5545 3.1). */
static void
append_folded (GString    *out,
               const char *line)
{
  gsize len = strlen (line);
  gsize pos = 0, limit = 75;

  while (len - pos > limit)
    {
      gsize cut = pos + limit;

      while (cut > pos && ((guchar) line[cut] & 0xc0) == 0x80)
        cut--;
      g_string_append_len (out, line + pos, cut - pos);
      g_string_append (out, "\r\n ");
      pos = cut;
      limit = 74;
    }
  g_string_append (out, line + pos);
  g_string_append (out, "\r\n");
}

static void
append_param_value (GString    *s,
                    const char *value)
{
  gboolean quote = strpbrk (value, ":;,") != NULL;

  if (quote)
    g_string_append_c (s, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      /* A parameter value cannot hold a quote or a line break. */
      if (*p == '"')
        g_string_append_c (s, '\'');
      else if (*p == '\n' || *p == '\r')
        g_string_append_c (s, ' ');
      else
        g_string_append_c (s, *p);
    }
  if (quote)
    g_string_append_c (s, '"');
}

/* params: name, value, name, value…, NULL; a NULL or empty value leaves the
 * parameter out. value must already be escaped for its type. */
char *
liaison_content_render (const char        *name,
                        const char *const *params,
                        const char        *value)
{
  g_autoptr (GString) line = g_string_new (name);
  GString *out = g_string_new (NULL);

  for (guint i = 0; params != NULL && params[i] != NULL; i += 2)
    {
      if (params[i + 1] == NULL || *params[i + 1] == '\0')
        continue;
      g_string_append_printf (line, ";%s=", params[i]);
      append_param_value (line, params[i + 1]);
    }
  g_string_append_c (line, ':');
  g_string_append (line, value);
  append_folded (out, line->str);
  return g_string_free (out, FALSE);
}

LiaisonContentGroup *
liaison_content_group_new (const char *key)
{
  LiaisonContentGroup *group = g_new0 (LiaisonContentGroup, 1);

  group->key = g_strdup (key);
  group->lines = g_ptr_array_new_with_free_func (g_free);
  return group;
}

void
liaison_content_group_free (LiaisonContentGroup *group)
{
  g_free (group->key);
  g_ptr_array_unref (group->lines);
  g_free (group);
}

void
liaison_content_group_add (LiaisonContentGroup *group,
                           char                *line)
{
  g_ptr_array_add (group->lines, line);
}

static LiaisonContentGroup *
find_group (GPtrArray  *groups,
            const char *key)
{
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      LiaisonContentGroup *g = g_ptr_array_index (groups, i);

      if (g_str_equal (g->key, key))
        return g;
    }
  return NULL;
}

static gboolean
same_lines (LiaisonContentGroup *a,
            LiaisonContentGroup *b)
{
  if (a == NULL || b == NULL || a->lines->len != b->lines->len)
    return FALSE;
  for (guint i = 0; i < a->lines->len; i++)
    if (!g_str_equal (g_ptr_array_index (a->lines, i), g_ptr_array_index (b->lines, i)))
      return FALSE;
  return TRUE;
}

static gboolean
is_begin (LiaisonContentLine *line,
          const char         *component)
{
  return g_str_equal (line->name, "BEGIN") && (component == NULL || g_ascii_strcasecmp (line->value, component) == 0);
}

static gboolean
is_end (LiaisonContentLine *line)
{
  return g_str_equal (line->name, "END");
}

/* Finds the component with this UID (the master, not an override), and
 * returns the index of its BEGIN and END lines. */
static gboolean
find_component (GPtrArray  *lines,
                const char *component,
                const char *uid,
                guint      *begin,
                guint      *end)
{
  for (guint i = 0; i < lines->len; i++)
    {
      gboolean uid_ok = uid == NULL, is_override = FALSE;
      int      depth = 0;
      guint    j;

      if (!is_begin (g_ptr_array_index (lines, i), component))
        continue;
      for (j = i + 1; j < lines->len; j++)
        {
          LiaisonContentLine *l = g_ptr_array_index (lines, j);

          if (is_begin (l, NULL))
            depth++;
          else if (is_end (l))
            {
              if (depth == 0)
                break;
              depth--;
            }
          else if (depth == 0 && g_str_equal (l->name, "UID") && uid != NULL)
            {
              g_autofree char *value = liaison_content_unescape_text (l->value);
              uid_ok = g_str_equal (value, uid);
            }
          else if (depth == 0 && g_str_equal (l->name, "RECURRENCE-ID"))
            is_override = TRUE;
        }
      if (j < lines->len && uid_ok && !is_override)
        {
          *begin = i;
          *end = j;
          return TRUE;
        }
    }
  return FALSE;
}

static void
emit_group (GString             *out,
            LiaisonContentGroup *group)
{
  for (guint i = 0; group != NULL && i < group->lines->len; i++)
    g_string_append (out, g_ptr_array_index (group->lines, i));
}

static void
add_param_names (GHashTable *names,
                 const char *text)
{
  g_autoptr (GPtrArray) lines = text != NULL ? liaison_content_parse (text, NULL) : NULL;

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      LiaisonContentLine *l = g_ptr_array_index (lines, i);

      for (guint j = 0; j < l->params->len; j += 2)
        g_hash_table_add (names, g_strdup (g_ptr_array_index (l->params, j)));
    }
}

static gboolean
in_list (const char *const *names,
         const char        *name)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_ascii_strcasecmp (names[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* A changed one-line group (an attendee, a SUMMARY) replaces the server's
 * line, changing only what Liaison writes: the server's line keeps its
 * parameters in their order, each that Liaison writes now takes Liaison's
 * value, one that Liaison wrote before and no longer writes goes, and the
 * others (another client's: X-OTHER-PARAM, LANGUAGE) stay; Liaison's new
 * ones follow. theirs_params (RSVP, SCHEDULE-AGENT) keep the server's
 * value, and Liaison does not add them to a line it did not write. */
static void
emit_changed_group (GString             *out,
                    LiaisonContentGroup *now,
                    LiaisonContentGroup *before,
                    LiaisonContentLine  *theirs,
                    const char *const   *theirs_params)
{
  g_autoptr (GHashTable) old_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) parsed = NULL;
  g_autoptr (GPtrArray) params = NULL;
  LiaisonContentLine *line;

  if (now == NULL || now->lines->len != 1 || theirs == NULL || theirs->params->len == 0)
    {
      emit_group (out, now);
      return;
    }
  parsed = liaison_content_parse (g_ptr_array_index (now->lines, 0), NULL);
  if (parsed == NULL || parsed->len != 1)
    {
      emit_group (out, now);
      return;
    }
  line = g_ptr_array_index (parsed, 0);
  for (guint i = 0; before != NULL && i < before->lines->len; i++)
    add_param_names (old_names, g_ptr_array_index (before->lines, i));

  params = g_ptr_array_new ();
  for (guint j = 0; j + 1 < theirs->params->len; j += 2)
    {
      const char *name = g_ptr_array_index (theirs->params, j);
      const char *mine = liaison_content_line_param (line, name);

      g_ptr_array_add (params, (gpointer) name);
      if (mine != NULL && !in_list (theirs_params, name))
        g_ptr_array_add (params, (gpointer) mine);
      else if (mine != NULL || in_list (theirs_params, name) || !g_hash_table_contains (old_names, name))
        g_ptr_array_add (params, g_ptr_array_index (theirs->params, j + 1));
      else
        g_ptr_array_remove_index (params, params->len - 1);
    }
  for (guint j = 0; j + 1 < line->params->len; j += 2)
    {
      const char *name = g_ptr_array_index (line->params, j);

      if (liaison_content_line_param (theirs, name) != NULL || in_list (theirs_params, name))
        continue;
      g_ptr_array_add (params, (gpointer) name);
      g_ptr_array_add (params, g_ptr_array_index (line->params, j + 1));
    }
  g_ptr_array_add (params, NULL);
  {
    g_autofree char *text = liaison_content_render (line->name, (const char *const *) params->pdata, line->value);

    g_string_append (out, text);
  }
}

/* Patches Liaison's property groups into another client's text: a group
 * whose rendering did not change keeps the server's bytes, a changed one
 * replaces the lines of that group where the first of them was, a new one
 * goes before the component's END. Every other line, parameter and
 * component stays byte for byte (see emit_changed_group for theirs_params).
 * prepend (a VTIMEZONE) goes before the first insert_before_component when
 * given. NULL if the component is not there. */
char *
liaison_content_splice (const char             *base,
                        const char             *component,
                        const char             *uid,
                        GPtrArray              *old_groups,
                        GPtrArray              *new_groups,
                        LiaisonContentGroupFunc group_of,
                        gpointer                user_data,
                        const char *const      *theirs_params,
                        const char             *insert_before_component,
                        const char             *prepend)
{
  g_autoptr (GPtrArray) lines = liaison_content_parse (base, NULL);
  g_autoptr (GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) emitted = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out;
  guint    begin, end;
  int      depth = 0;

  if (lines == NULL || !find_component (lines, component, uid, &begin, &end))
    return NULL;

  out = g_string_sized_new (strlen (base) + 256);
  for (guint i = 0; i < lines->len; i++)
    {
      LiaisonContentLine *l = g_ptr_array_index (lines, i);

      if (prepend != NULL && is_begin (l, insert_before_component))
        {
          g_string_append (out, prepend);
          prepend = NULL;
        }

      if (i <= begin || i > end)
        {
          g_string_append (out, l->raw);
          continue;
        }

      if (i == end)
        {
          for (guint g = 0; new_groups != NULL && g < new_groups->len; g++)
            {
              LiaisonContentGroup *group = g_ptr_array_index (new_groups, g);

              if (g_hash_table_contains (present, group->key))
                continue;
              if (group->when_changed && same_lines (find_group (old_groups, group->key), group))
                continue;
              emit_group (out, group);
            }
          g_string_append (out, l->raw);
          continue;
        }

      if (is_begin (l, NULL))
        depth++;
      else if (is_end (l))
        depth--;
      else if (depth == 0)
        {
          g_autofree char *key = group_of (l, user_data);

          if (key != NULL)
            {
              LiaisonContentGroup *now = find_group (new_groups, key);

              if (!g_hash_table_contains (present, key))
                g_hash_table_add (present, g_strdup (key));
              if (same_lines (find_group (old_groups, key), now))
                g_string_append (out, l->raw);
              else if (!g_hash_table_contains (emitted, key))
                {
                  emit_changed_group (out, now, find_group (old_groups, key), l, theirs_params);
                  /* present owns the key: a set stores it as its value. */
                  g_hash_table_add (emitted, g_hash_table_lookup (present, key));
                }
              continue;
            }
        }
      g_string_append (out, l->raw);
    }
  return g_string_free (out, FALSE);
}
