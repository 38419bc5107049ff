/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "liaison-content-line.h"

/* The content-line writer: any text the read path accepts, escaped,
 * rendered (folded at 75 octets) with a parameter, and parsed again, gives
 * the value back (a carriage return is dropped by the writer on purpose)
 * and the parameter as the writer promises (a quote becomes an apostrophe,
 * a line break a space). Then the input itself as a resource, parsed. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  return 0;
}

static char *
without (const char *text,
         const char *drop,
         const char *with)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      const char *hit = strchr (drop, *p);

      if (hit == NULL)
        g_string_append_c (s, *p);
      else if (with != NULL && with[hit - drop] != '\0')
        g_string_append_c (s, with[hit - drop]);
    }
  return g_string_free (s, FALSE);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_text (data, size);
  g_autoptr (GPtrArray) parsed = NULL;

  if (liaison_content_check_text (text, NULL))
    {
      /* The first line of the input is the parameter, the rest the value. */
      const char      *newline = strchr (text, '\n');
      g_autofree char *param = newline != NULL ? g_strndup (text, newline - text) : g_strdup ("");
      const char      *value = newline != NULL ? newline + 1 : text;
      const char      *params[] = { "X-PARAM", param, NULL };
      g_autofree char *escaped = liaison_content_escape_text (value);
      g_autofree char *line = liaison_content_render ("X-LIAISON-FUZZ", params, escaped);
      g_autoptr (GPtrArray) lines = liaison_content_parse (line, NULL);
      g_autofree char    *expected_value = without (value, "\r", NULL);
      g_autofree char    *expected_param = without (param, "\"\r\n", "'  ");
      g_autofree char    *back = NULL;
      LiaisonContentLine *l;

      fuzz_check (lines != NULL);
      fuzz_check (lines->len == 1);
      l = g_ptr_array_index (lines, 0);
      fuzz_check (g_strcmp0 (l->name, "X-LIAISON-FUZZ") == 0);
      back = liaison_content_unescape_text (l->value);
      fuzz_check (g_strcmp0 (back, expected_value) == 0);
      if (*param != '\0')
        fuzz_check (g_strcmp0 (liaison_content_line_param (l, "X-PARAM"), expected_param) == 0);
    }

  parsed = liaison_content_parse (text, NULL);
  for (guint i = 0; parsed != NULL && i < parsed->len; i++)
    {
      LiaisonContentLine *l = g_ptr_array_index (parsed, i);
      g_autofree char    *unescaped = liaison_content_unescape_text (l->value);
      g_auto (GStrv) parts = liaison_content_split_value (l->value, ';');

      fuzz_check (l->raw != NULL && l->name != NULL);
    }
  return 0;
}
