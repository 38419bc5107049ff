/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "liaison-cli.h"
#include "liaison-cli-common.h"
#include "liaison-json.h"

/* Text from the database, a file or the command line on its way to a
 * terminal: valid UTF-8 (a byte that is not becomes U+FFFD), and every
 * control character shown as <U+001B> instead of sent raw, so a stored
 * escape sequence cannot recolour, move or clear the terminal. Tabs stay;
 * line breaks stay only where asked (a list's own lines). */
char *
liaison_cli_printable (const char *text,
                       gboolean    keep_line_breaks)
{
  g_autofree char *valid = NULL;
  GString         *s;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  s = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || (c == '\n' && keep_line_breaks))
        g_string_append_c (s, (char) c);
      else if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (s, "<U+%04X>", (guint) c);
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* Data goes to stdout as UTF-8 whatever the locale: g_print would convert
 * Chinese to '?' under LANG=C. */
void
liaison_cli_out (const char *text)
{
  g_autofree char *shown = liaison_cli_printable (text, TRUE);

  fputs (shown, stdout);
}

void
liaison_cli_outf (const char *format,
                  ...)
{
  va_list          args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  liaison_cli_out (text);
}

/* A whole line, so translatable messages carry no line break. */
void
liaison_cli_outln (const char *format,
                   ...)
{
  va_list          args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  liaison_cli_out (text);
  liaison_cli_out ("\n");
}

int
liaison_cli_vfail (int         status,
                   const char *format,
                   va_list     args)
{
  g_autofree char *text = g_strdup_vprintf (format, args);
  g_autofree char *shown = liaison_cli_printable (text, FALSE);

  g_printerr ("liaison: %s\n", shown);
  return status;
}

/* A message on standard error, one line; returns status for the caller's
 * return. */
int
liaison_cli_fail (int         status,
                  const char *format,
                  ...)
{
  va_list args;
  int     rc;

  va_start (args, format);
  rc = liaison_cli_vfail (status, format, args);
  va_end (args);
  return rc;
}

/* What the store refused or could not do: a data error (README, "Exit
 * status"). */
int
liaison_cli_fail_error (const GError *error)
{
  return liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);
}

/* JSON that any program decodes: json-glib escapes C0 controls but writes
 * other bytes as they are, so invalid UTF-8 becomes U+FFFD and DEL, C1
 * controls and the Unicode line separators are escaped too. They can only
 * stand inside strings, where \uXXXX means the same character. */
char *
liaison_cli_json_text (JsonNode *node)
{
  g_autofree char *text = liaison_json_to_string (node);
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString         *s = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (s, "\\u%04X", (guint) c);
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

void
liaison_cli_print_json (JsonNode *node)
{
  g_autofree char *text = liaison_cli_json_text (node);

  fputs (text, stdout);
  fputs ("\n", stdout);
}

GOptionContext *
liaison_cli_new_context (const char *parameter,
                         const char *summary)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

gboolean
liaison_cli_parse (GOptionContext *context,
                   int            *argc,
                   char         ***argv,
                   int            *status)
{
  g_autoptr (GError) error = NULL;

  if (g_option_context_parse (context, argc, argv, &error))
    return TRUE;
  *status = liaison_cli_fail (LIAISON_EXIT_USAGE, "%s", error->message);
  return FALSE;
}

/* A whole sentence for each kind of value, so each reads right once
 * translated. */
gboolean
liaison_cli_parse_enum (GType       type,
                        const char *text,
                        int        *value,
                        int        *status)
{
  g_autofree char *nicks = NULL;

  if (text == NULL || liaison_enum_from_nick (type, text, value))
    return TRUE;
  nicks = liaison_enum_nicks (type);
  if (type == LIAISON_TYPE_EVENT_KIND)
    /* Translators: %1$s is what was given, %2$s the kinds to choose from */
    *status = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown kind of event “%1$s” (choose from: %2$s)"), text, nicks);
  else if (type == LIAISON_TYPE_EVENT_STATUS)
    /* Translators: %1$s is what was given, %2$s the statuses to choose from */
    *status = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown event status “%1$s” (choose from: %2$s)"), text, nicks);
  else if (type == LIAISON_TYPE_ROLE)
    /* Translators: %1$s is what was given, %2$s the roles to choose from */
    *status = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown role “%1$s” (choose from: %2$s)"), text, nicks);
  else if (type == LIAISON_TYPE_REGISTRATION_STATUS)
    /* Translators: %1$s is what was given, %2$s the statuses to choose from */
    *status = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown registration status “%1$s” (choose from: %2$s)"), text, nicks);
  else if (type == LIAISON_TYPE_NAME_ORDER)
    /* Translators: %1$s is what was given, %2$s the name orders to choose from */
    *status = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown name order “%1$s” (choose from: %2$s)"), text, nicks);
  else if (type == LIAISON_TYPE_GENDER)
    /* Translators: %1$s is what was given, %2$s the values to choose from */
    *status = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown gender “%1$s” (choose from: %2$s)"), text, nicks);
  else
    /* Translators: %1$s is what was given, %2$s the sectors to choose from */
    *status = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown sector “%1$s” (choose from: %2$s)"), text, nicks);
  return FALSE;
}

/* A country by ISO code or name; an empty text is "none". */
gboolean
liaison_cli_parse_country (const char            *text,
                           const LiaisonCountry **country,
                           int                   *status)
{
  *country = NULL;
  if (text == NULL || *text == '\0' || (*country = liaison_country_find (text)) != NULL)
    return TRUE;
  *status = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("“%s” is not a country Liaison knows (use an ISO code such as MM)"), text);
  return FALSE;
}

/* A track of the Green Envoys Programme; an empty text is "none". */
gboolean
liaison_cli_parse_track (const char *text,
                         int        *status)
{
  g_autofree char *tracks = NULL;

  if (text == NULL || *text == '\0' || liaison_programme_lookup_track (text) != NULL)
    return TRUE;
  tracks = liaison_programme_dup_track_ids ();
  /* Translators: %1$s is what was given, %2$s the tracks to choose from */
  *status = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown programme track “%1$s” (choose from: %2$s)"), text, tracks);
  return FALSE;
}

gboolean
liaison_cli_parse_year (int  year,
                        int *status)
{
  if (year == LIAISON_CLI_UNSET || (year >= LIAISON_FIRST_YEAR && year <= LIAISON_LAST_YEAR))
    return TRUE;
  /* Translators: %1$d is what was given, %2$d and %3$d the first and last year */
  *status = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("--year %1$d is not a year Liaison keeps (%2$d to %3$d)"), year,
                              LIAISON_FIRST_YEAR, LIAISON_LAST_YEAR);
  return FALSE;
}

/* Terminal columns: a Chinese character takes two, a combining mark none. */
guint
liaison_cli_width (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  guint            width = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_iszerowidth (c))
        width += g_unichar_iswide (c) ? 2 : 1;
    }
  return width;
}

char *
liaison_cli_pad (const char *text,
                 guint       columns)
{
  GString *s = g_string_new (text);

  for (guint width = liaison_cli_width (text); width < columns; width++)
    g_string_append_c (s, ' ');
  return g_string_free (s, FALSE);
}

/* The application's settings (sync account, export templates, the
 * person's time zone) when the schema is installed; NULL otherwise: the
 * command line also works from a build tree without it. */
GSettings *
liaison_cli_open_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE) : NULL;

  if (schema == NULL)
    schema = source ? g_settings_schema_source_lookup (source, "org.chinaaseanenv.Liaison", TRUE) : NULL;
  if (schema == NULL)
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

/* The person's zone for times a file leaves floating: --tz when
 * given (it must be an IANA zone), else the one chosen in Preferences, else
 * this computer's; NULL (UTC) when none has an IANA name. */
char *
liaison_cli_own_zone (const char *chosen,
                      int        *status)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autofree char *preferred = NULL;

  *status = LIAISON_EXIT_OK;
  if (chosen != NULL)
    {
      if (!liaison_time_zone_check (chosen, &error))
        {
          *status = liaison_cli_fail (LIAISON_EXIT_USAGE, "--tz: %s", error->message);
          return NULL;
        }
      return g_strdup (chosen);
    }
  settings = liaison_cli_open_settings ();
  preferred = settings != NULL ? g_settings_get_string (settings, "time-zone") : NULL;
  return liaison_time_zone_own (preferred);
}
