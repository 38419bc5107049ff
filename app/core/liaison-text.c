/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-core-error.h"
#include "liaison-text.h"

/* Generous for what people write (the longest title of the 2011–2020
 * history is 61 characters), small enough that a list, a card or a badge
 * can show it and a search can afford it. */
static const guint max_chars[LIAISON_N_TEXT_KINDS] = {
  [LIAISON_TEXT_TITLE] = 200,
  [LIAISON_TEXT_THEME] = 300,
  [LIAISON_TEXT_DESCRIPTION] = 10000,
  [LIAISON_TEXT_CITY] = 100,
  [LIAISON_TEXT_VENUE] = 200,
  [LIAISON_TEXT_NAME] = 100,
  [LIAISON_TEXT_ORGANISATION] = 200,
  [LIAISON_TEXT_POSITION] = 200,
  [LIAISON_TEXT_EMAIL] = 254, /* RFC 5321's path limit */
  [LIAISON_TEXT_PHONE] = 50,
  [LIAISON_TEXT_URL] = 2048,
  [LIAISON_TEXT_NOTE] = 2000,
  [LIAISON_TEXT_SHORT] = 50,
  [LIAISON_TEXT_PLAN_TITLE] = 1000, /* the framework's longest is 512 */
};

guint
liaison_text_max_chars (LiaisonTextKind kind)
{
  g_return_val_if_fail (kind < LIAISON_N_TEXT_KINDS, 0);

  return max_chars[kind];
}

gboolean
liaison_text_is_multiline (LiaisonTextKind kind)
{
  return kind == LIAISON_TEXT_DESCRIPTION || kind == LIAISON_TEXT_NOTE;
}

/* Valid UTF-8, no control characters (a line break or tab only where the
 * field spans lines), not only blanks, and within the field's limit. What
 * iCalendar and vCard carry and a terminal prints as it is. An empty text
 * (or NULL) passes: whether a field may be empty is its object's rule. */
gboolean
liaison_text_check (const char     *text,
                    LiaisonTextKind kind,
                    GError        **error)
{
  gboolean multiline = liaison_text_is_multiline (kind);
  gboolean blank = TRUE;
  glong    length;

  g_return_val_if_fail (kind < LIAISON_N_TEXT_KINDS, FALSE);

  if (text == NULL || *text == '\0')
    return TRUE;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                           _ ("The text is not valid UTF-8"));
      return FALSE;
    }

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c == '\n' || c == '\t' || c == '\r') && multiline)
        continue;
      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        {
          if (c == '\n' || c == '\r')
            g_set_error_literal (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                                 _ ("The text holds a line break, which this field does not take"));
          else
            /* Translators: %04X is a character's code, as in U+001B */
            g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                         _ ("The text holds the control character U+%04X"), (guint) c);
          return FALSE;
        }
      if (!g_unichar_isspace (c) && c != 0x200b && c != 0xfeff)
        blank = FALSE;
    }

  if (blank)
    {
      g_set_error_literal (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                           _ ("The text holds only spaces"));
      return FALSE;
    }

  length = g_utf8_strlen (text, -1);
  if ((gulong) length > max_chars[kind])
    {
      g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE, "The text is %1$ld characters long; at most %2$u is allowed",
                                "The text is %1$ld characters long; at most %2$u are allowed", max_chars[kind]),
                   length, max_chars[kind]);
      return FALSE;
    }

  return TRUE;
}

/* What every stored text is, wherever it came from: a text pulled from a
 * server is kept whole (no length limit, line breaks wherever the other
 * client put them), but it is UTF-8 and holds no control character other
 * than a tab or a line break: the rule of the sync's reader
 * (liaison_content_check_text), so nothing it accepted is refused here. */
gboolean
liaison_text_check_kept (const char *text,
                         GError    **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                           _ ("The text is not valid UTF-8"));
      return FALSE;
    }
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f)
      {
        g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
                     _ ("The text holds the control character U+%04X"), (guint) *p);
        return FALSE;
      }
  return TRUE;
}

/* One field of a record: with local, the rule of an entrance here
 * (liaison_text_check); without, what a text kept whole is. The message
 * starts with the field's name (label, as a person says it). */
gboolean
liaison_text_check_field (const char     *text,
                          LiaisonTextKind kind,
                          const char     *label,
                          gboolean        local,
                          GError        **error)
{
  g_autoptr (GError) problem = NULL;

  if (local ? liaison_text_check (text, kind, &problem) : liaison_text_check_kept (text, &problem))
    return TRUE;
  g_set_error (error, LIAISON_CORE_ERROR, LIAISON_CORE_ERROR_INVALID,
               /* Translators: %1$s is a field (“English title”), %2$s what is wrong with its text */
               _ ("%1$s: %2$s"), label, problem->message);
  return FALSE;
}

/* The kind of a translated text, by the key's entity and field
 * (liaison_content_key_parse): what PO import and "translations set"
 * check a translation against. */
LiaisonTextKind
liaison_text_kind_of_content (const char *entity,
                              const char *field)
{
  static const struct
  {
    const char     *entity; /* NULL: any */
    const char     *field;
    LiaisonTextKind kind;
  } kinds[] = {
    { "plan", "title", LIAISON_TEXT_PLAN_TITLE },
    { NULL, "title", LIAISON_TEXT_TITLE },
    { NULL, "theme", LIAISON_TEXT_THEME },
    { NULL, "description", LIAISON_TEXT_DESCRIPTION },
    { NULL, "city", LIAISON_TEXT_CITY },
    { NULL, "organisation", LIAISON_TEXT_ORGANISATION },
    { NULL, "position", LIAISON_TEXT_POSITION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if ((kinds[i].entity == NULL || g_strcmp0 (kinds[i].entity, entity) == 0) && g_strcmp0 (kinds[i].field, field) == 0)
      return kinds[i].kind;
  /* An unknown field: the strictest single-line limit that still holds a title. */
  return LIAISON_TEXT_TITLE;
}

/* For showing a text kept whole (one pulled from a server may be longer
 * than the limit): at most max_chars characters, the last an ellipsis. */
char *
liaison_text_shorten (const char *text,
                      guint       max_chars_shown)
{
  g_autofree char *head = NULL;

  if (text == NULL)
    return NULL;
  if (max_chars_shown == 0 || (gulong) g_utf8_strlen (text, -1) <= max_chars_shown)
    return g_strdup (text);

  head = g_utf8_substring (text, 0, max_chars_shown - 1);
  return g_strconcat (g_strchomp (head), "…", NULL);
}
