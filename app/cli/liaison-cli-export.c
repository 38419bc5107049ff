/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "liaison-cli-common.h"
#include "liaison-cli-export.h"
#include "liaison-cli.h"
#include "liaison-csv-writer.h"
#include "liaison-export-template.h"
#include "liaison-ics-export.h"
#include "liaison-itip.h"
#include "liaison-print-document.h"
#include "liaison-xlsx-writer.h"

/* liaison export participants|registrations|events|calendar|invitations
 * and liaison print signin|badges|certificates: what the event page's
 * Export and Print menu does, headless. */

/* As in liaison-cli.c: data as UTF-8 on stdout whatever the locale. */
static void
outln (const char *format,
       ...) G_GNUC_PRINTF (1, 2);

static void
outln (const char *format,
       ...)
{
  va_list          args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  fputs (text, stdout);
  fputs ("\n", stdout);
}

static int
fail (int         status,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static int
fail (int         status,
      const char *format,
      ...)
{
  va_list          args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("liaison: %s\n", text);
  return status;
}

static GOptionContext *
new_context (const char *parameter,
             const char *summary)
{
  GOptionContext *context = g_option_context_new (parameter);

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  return context;
}

static int
parse (GOptionContext *context,
       int            *argc,
       char         ***argv)
{
  g_autoptr (GError) error = NULL;

  if (!g_option_context_parse (context, argc, argv, &error))
    return fail (LIAISON_EXIT_USAGE, "%s", error->message);
  return LIAISON_EXIT_OK;
}

static char *
display_name (const char *path)
{
  return g_filename_display_name (path);
}

/* ------------------------------------------------------------------------ */
/* Tables                                                                    */

typedef enum
{
  FORMAT_CSV,
  FORMAT_XLSX,
} Format;

static gboolean
format_of (const char *path,
           const char *given,
           Format     *format,
           int        *rc)
{
  if (given != NULL)
    {
      if (g_ascii_strcasecmp (given, "csv") == 0)
        *format = FORMAT_CSV;
      else if (g_ascii_strcasecmp (given, "xlsx") == 0)
        *format = FORMAT_XLSX;
      else
        {
          *rc = fail (LIAISON_EXIT_USAGE, _ ("Unknown format “%s” (choose csv or xlsx)"), given);
          return FALSE;
        }
      return TRUE;
    }
  if (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX"))
    *format = FORMAT_XLSX;
  else
    *format = FORMAT_CSV;
  return TRUE;
}

static void
list_columns (LiaisonExportKind kind)
{
  guint                      n;
  const LiaisonExportColumn *columns = liaison_export_columns (kind, &n);

  for (guint i = 0; i < n; i++)
    outln ("%-22s %s%s · %s", columns[i].id, columns[i].by_default ? "* " : "  ", columns[i].header_zh,
           columns[i].header_en);
}

static int
export_table (LiaisonStore     *store,
              LiaisonExportKind kind,
              int               argc,
              char            **argv)
{
  char              *output = NULL, *format_text = NULL, *columns_text = NULL, *headers_text = NULL;
  char              *template_name = NULL, *save_name = NULL, *event = NULL, *search = NULL;
  int                year = 0;
  gboolean           show_columns = FALSE, show_templates = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write to this file: .csv or .xlsx"), N_ ("FILE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_ ("csv or xlsx (from the file name if not given)"), N_ ("FORMAT") },
    { "columns", 0, 0, G_OPTION_ARG_STRING, &columns_text, N_ ("The columns, in order, separated by commas (see --list-columns)"), N_ ("LIST") },
    { "headers", 0, 0, G_OPTION_ARG_STRING, &headers_text, N_ ("Language of the header row and the values: zh, en, or both for headers in both languages"), N_ ("LANGUAGE") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_name, N_ ("Use the columns and languages of a saved template"), N_ ("NAME") },
    { "save-template", 0, 0, G_OPTION_ARG_STRING, &save_name, N_ ("Save the columns and languages as a template of this name"), N_ ("NAME") },
    { "event", 0, 0, G_OPTION_ARG_STRING, &event, N_ ("Registrations: only this event's; events: only this event"), N_ ("EVENT") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_ ("Participants: only those this search finds; events: only those whose title, city or venue matches"), N_ ("TEXT") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_ ("Events and registrations: only events of this year"), N_ ("YEAR") },
    { "list-columns", 0, 0, G_OPTION_ARG_NONE, &show_columns, N_ ("List the columns (* marks those exported when none are given)"), NULL },
    { "list-templates", 0, 0, G_OPTION_ARG_NONE, &show_templates, N_ ("List the saved templates"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = new_context (NULL, _ ("Write participants, registrations or events to a CSV file (UTF-8, as Excel opens it) or an Excel workbook."));
  g_autoptr (GSettings) settings = liaison_cli_open_settings ();
  g_autoptr (LiaisonExportTemplate) chosen = NULL;
  g_autoptr (LiaisonExportTable) table = NULL;
  g_autoptr (LiaisonEvent) found_event = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) columns = NULL;
  LiaisonEventFilter   filter = LIAISON_EVENT_FILTER_INIT;
  LiaisonExportScope   scope = { NULL, NULL, NULL };
  LiaisonExportHeaders headers;
  LiaisonLanguage      language = liaison_language_for_locale ();
  Format               format;
  int                  rc;

  headers = language == LIAISON_LANGUAGE_ZH ? LIAISON_EXPORT_HEADERS_ZH : LIAISON_EXPORT_HEADERS_EN;
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((rc = parse (context, &argc, &argv)) != 0)
    goto out;
  rc = LIAISON_EXIT_USAGE;
  if (argc > 1)
    {
      rc = fail (rc, _ ("Unexpected argument “%s”"), argv[1]);
      goto out;
    }
  if (show_columns)
    {
      list_columns (kind);
      rc = LIAISON_EXIT_OK;
      goto out;
    }
  if (show_templates)
    {
      g_autoptr (GPtrArray) list = settings ? liaison_export_templates_list (settings, kind) : g_ptr_array_new ();

      for (guint i = 0; i < list->len; i++)
        {
          LiaisonExportTemplate *t = g_ptr_array_index (list, i);
          g_autofree char       *joined = g_strjoinv (",", t->columns);

          outln ("%s\t%s\t%s\t%s", t->name, t->language == LIAISON_LANGUAGE_ZH ? "zh" : "en",
                 liaison_export_headers_to_string (t->headers), joined);
        }
      rc = LIAISON_EXIT_OK;
      goto out;
    }
  if (template_name != NULL)
    {
      if (settings == NULL || (chosen = liaison_export_templates_find (settings, kind, template_name)) == NULL)
        {
          rc = fail (rc, _ ("There is no %1$s template called “%2$s” (liaison export %1$s --list-templates lists them)"),
                     liaison_export_kind_to_string (kind), template_name);
          goto out;
        }
      columns = g_strdupv (chosen->columns);
      language = chosen->language;
      headers = chosen->headers;
    }
  if (columns_text != NULL)
    {
      g_clear_pointer (&columns, g_strfreev);
      columns = g_strsplit (columns_text, ",", -1);
      for (guint i = 0; columns[i] != NULL; i++)
        g_strstrip (columns[i]);
    }
  if (columns == NULL)
    columns = liaison_export_default_columns (kind);
  if (headers_text != NULL)
    {
      if (!liaison_export_headers_from_string (headers_text, &headers))
        {
          rc = fail (rc, _ ("Unknown header language “%s” (choose zh, en or both)"), headers_text);
          goto out;
        }
      if (headers != LIAISON_EXPORT_HEADERS_BOTH)
        language = headers == LIAISON_EXPORT_HEADERS_ZH ? LIAISON_LANGUAGE_ZH : LIAISON_LANGUAGE_EN;
    }
  if (!liaison_export_check_columns (kind, (const char *const *) columns, &error))
    {
      rc = fail (rc, "%s", error->message);
      goto out;
    }
  if (save_name != NULL)
    {
      g_autoptr (LiaisonExportTemplate) t = liaison_export_template_new (save_name, kind, language, headers, (const char *const *) columns);

      if (settings == NULL)
        {
          rc = fail (LIAISON_EXIT_DATA, _ ("Templates cannot be saved: Liaison's settings schema is not installed"));
          goto out;
        }
      if (!liaison_export_templates_save (settings, t, &error))
        {
          rc = fail (rc, "%s", error->message);
          goto out;
        }
      g_settings_sync ();
    }
  if (output == NULL)
    {
      if (save_name != NULL)
        rc = LIAISON_EXIT_OK;
      else
        rc = fail (rc, _ ("Give the file to write with -o FILE"));
      goto out;
    }
  if (!format_of (output, format_text, &format, &rc))
    goto out;

  rc = LIAISON_EXIT_DATA;
  if (event != NULL)
    {
      found_event = liaison_store_find_event (store, event, &error);
      if (found_event == NULL)
        {
          rc = fail (rc, "%s", error->message);
          goto out;
        }
      scope.event_id = liaison_event_get_id (found_event);
    }
  filter.year = year;
  filter.text = kind == LIAISON_EXPORT_EVENTS ? search : NULL;
  scope.filter = &filter;
  scope.query = kind == LIAISON_EXPORT_PARTICIPANTS ? search : NULL;
  table = liaison_export_table_build (store, kind, (const char *const *) columns, language, &scope, NULL, &error);
  if (table == NULL || !(format == FORMAT_XLSX ? liaison_xlsx_write_file (table, headers, output, &error)
                                               : liaison_csv_write_file (table, headers, output, &error)))
    {
      rc = fail (rc, "%s", error->message);
      goto out;
    }
  {
    g_autofree char *name = display_name (output);
    guint            n = liaison_export_table_get_n_rows (table);

    /* Translators: %1$u is a number of rows, %2$s a file name */
    outln (g_dngettext (NULL, "Wrote %1$u row to %2$s", "Wrote %1$u rows to %2$s", n), n, name);
  }
  rc = LIAISON_EXIT_OK;

out:
  g_free (output);
  g_free (format_text);
  g_free (columns_text);
  g_free (headers_text);
  g_free (template_name);
  g_free (save_name);
  g_free (event);
  g_free (search);
  return rc;
}

/* ------------------------------------------------------------------------ */
/* iCalendar                                                                 */

/* Registrations by their id or its start or end (4 characters or more),
 * as check-in reads them; ids gets them, NULL-terminated. */
static gboolean
resolve_registrations (LiaisonStore *store,
                       const char   *event_id,
                       char        **given,
                       GPtrArray    *ids,
                       GError      **error)
{
  g_autoptr (GPtrArray) all = liaison_store_list_registrations (store, event_id, error);

  if (all == NULL)
    return FALSE;
  for (guint i = 0; given[i] != NULL; i++)
    {
      g_autofree char *want = g_ascii_strdown (g_strstrip (given[i]), -1);
      const char      *match = NULL;
      guint            n = 0;

      for (guint j = 0; j < all->len; j++)
        {
          const char *id = liaison_registration_get_id (g_ptr_array_index (all, j));

          if (g_str_equal (id, want) || (strlen (want) >= 4 && (g_str_has_prefix (id, want) || g_str_has_suffix (id, want))))
            match = id, n++;
        }
      if (n != 1)
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                       n == 0 ? _ ("The registration “%s” is not one of this event's")
                              : _ ("Several of this event's registrations start or end with “%s”: give more of it"),
                       given[i]);
          return FALSE;
        }
      g_ptr_array_add (ids, g_strdup (match));
    }
  g_ptr_array_add (ids, NULL);
  return TRUE;
}

static int
export_calendar (LiaisonStore *store,
                 int           argc,
                 char        **argv)
{
  char              *output = NULL, *search = NULL;
  int                year = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write to this .ics file"), N_ ("FILE") },
    { "year", 0, 0, G_OPTION_ARG_INT, &year, N_ ("Only events of this year"), N_ ("YEAR") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_ ("Only events whose title, city or venue matches"), N_ ("TEXT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = new_context (_ ("[EVENT…]"), _ ("Write events to an iCalendar file that other calendars import: the events given, or those the filters let through, or all."));
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *text = NULL;
  LiaisonEventFilter filter = LIAISON_EVENT_FILTER_INIT;
  int                rc;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((rc = parse (context, &argc, &argv)) != 0)
    goto out;
  if (output == NULL)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Give the file to write with -o FILE"));
      goto out;
    }
  rc = LIAISON_EXIT_DATA;
  if (argc > 1)
    {
      events = g_ptr_array_new_with_free_func (g_object_unref);
      for (int i = 1; i < argc; i++)
        {
          LiaisonEvent *e = liaison_store_find_event (store, argv[i], &error);

          if (e == NULL)
            {
              rc = fail (rc, "%s", error->message);
              goto out;
            }
          g_ptr_array_add (events, e);
        }
    }
  else
    {
      filter.year = year;
      filter.text = search;
      events = liaison_store_list_events (store, &filter, &error);
    }
  if (events == NULL || (text = liaison_ics_export_events (store, events, &error)) == NULL || !g_file_set_contents (output, text, -1, &error))
    {
      rc = fail (rc, "%s", error->message);
      goto out;
    }
  {
    g_autofree char *name = display_name (output);

    /* Translators: %1$u is a number of events, %2$s a file name */
    outln (g_dngettext (NULL, "Wrote %1$u event to %2$s", "Wrote %1$u events to %2$s", events->len), events->len, name);
  }
  rc = LIAISON_EXIT_OK;

out:
  g_free (output);
  g_free (search);
  return rc;
}

static int
export_invitations (LiaisonStore *store,
                    int           argc,
                    char        **argv)
{
  char              *output = NULL, *organizer = NULL, *organizer_name = NULL;
  char             **registrations = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write the invitations into this folder, one .ics file each"), N_ ("FOLDER") },
    { "organizer", 0, 0, G_OPTION_ARG_STRING, &organizer, N_ ("The organiser's e-mail address, where the replies go"), N_ ("ADDRESS") },
    { "organizer-name", 0, 0, G_OPTION_ARG_STRING, &organizer_name, N_ ("The organiser's name, as calendars show it"), N_ ("NAME") },
    { "registration", 0, 0, G_OPTION_ARG_STRING_ARRAY, &registrations, N_ ("Invite the person of this registration (repeatable; everyone still invited if not given)"), N_ ("ID") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = new_context (_ ("EVENT"), _ ("Write an invitation (iCalendar METHOD:REQUEST) for each person, in their language, that their calendar answers with a reply for “liaison import reply”."));
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (GPtrArray) invitations = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  guint saved = 0;
  int   rc;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((rc = parse (context, &argc, &argv)) != 0)
    goto out;
  rc = LIAISON_EXIT_USAGE;
  if (argc != 2)
    {
      rc = fail (rc, _ ("Give one event"));
      goto out;
    }
  if (output == NULL)
    {
      rc = fail (rc, _ ("Give the folder to write with -o FOLDER"));
      goto out;
    }
  if (organizer == NULL)
    {
      rc = fail (rc, _ ("Give the organiser's e-mail address with --organizer: calendars send their replies there"));
      goto out;
    }
  if (!liaison_itip_check_address (organizer, &error))
    {
      rc = fail (rc, "%s", error->message);
      goto out;
    }
  rc = LIAISON_EXIT_DATA;
  if ((event = liaison_store_find_event (store, argv[1], &error)) == NULL)
    {
      rc = fail (rc, "%s", error->message);
      goto out;
    }
  if (registrations != NULL && !resolve_registrations (store, liaison_event_get_id (event), registrations, ids, &error))
    {
      rc = fail (rc, "%s", error->message);
      goto out;
    }
  invitations = liaison_itip_build_invitations (store, liaison_event_get_id (event),
                                                registrations != NULL ? (const char *const *) ids->pdata : NULL,
                                                organizer, organizer_name, &error);
  if (invitations == NULL || !liaison_itip_save_invitations (invitations, output, &saved, &error))
    {
      rc = fail (rc, "%s", error->message);
      goto out;
    }
  for (guint i = 0; i < invitations->len; i++)
    {
      LiaisonInvitation *inv = g_ptr_array_index (invitations, i);

      if (inv->text == NULL)
        /* Translators: %s is a person's name */
        fail (0, _ ("%s has no e-mail address: no invitation written"), inv->name);
    }
  {
    g_autofree char *name = display_name (output);

    /* Translators: %1$u is a number of invitations, %2$s a folder */
    outln (g_dngettext (NULL, "Wrote %1$u invitation to %2$s", "Wrote %1$u invitations to %2$s", saved), saved, name);
  }
  rc = saved == invitations->len ? LIAISON_EXIT_OK : LIAISON_EXIT_DATA;

out:
  g_free (output);
  g_free (organizer);
  g_free (organizer_name);
  g_strfreev (registrations);
  return rc;
}

int
liaison_cli_export (LiaisonStore *store,
                    int           argc,
                    char        **argv)
{
  LiaisonExportKind kind;

  if (argc >= 2 && liaison_export_kind_from_string (argv[1], &kind))
    return export_table (store, kind, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "calendar"))
    return export_calendar (store, argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "invitations"))
    return export_invitations (store, argc - 1, argv + 1);
  return fail (LIAISON_EXIT_USAGE, _ ("“export” needs participants, registrations, events, calendar or invitations"));
}

/* ------------------------------------------------------------------------ */
/* Printing                                                                  */

int
liaison_cli_print (LiaisonStore *store,
                   int           argc,
                   char        **argv)
{
  char              *output = NULL;
  char             **registrations = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write to this PDF file"), N_ ("FILE") },
    { "registration", 0, 0, G_OPTION_ARG_STRING_ARRAY, &registrations, N_ ("Only the person of this registration (repeatable)"), N_ ("ID") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = new_context (_ ("signin|badges|certificates EVENT"), _ ("Write an event's sign-in sheet, name badges (A4 sheets of 99.1 × 67.7 mm labels, Avery L7165) or certificates of participation to a PDF file."));
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (LiaisonPrintDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  LiaisonPrintKind   kind;
  const char *const *missing;
  int                rc;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if ((rc = parse (context, &argc, &argv)) != 0)
    goto out;
  rc = LIAISON_EXIT_USAGE;
  if (argc != 3 || !liaison_print_kind_from_string (argv[1], &kind))
    {
      rc = fail (rc, _ ("Give what to print (signin, badges or certificates) and an event"));
      goto out;
    }
  if (output == NULL)
    {
      rc = fail (rc, _ ("Give the file to write with -o FILE"));
      goto out;
    }
  rc = LIAISON_EXIT_DATA;
  if ((event = liaison_store_find_event (store, argv[2], &error)) == NULL || (registrations != NULL && !resolve_registrations (store, liaison_event_get_id (event), registrations, ids, &error)) || (document = liaison_print_document_new (store, kind, liaison_event_get_id (event), registrations != NULL ? (const char *const *) ids->pdata : NULL, &error)) == NULL)
    {
      rc = fail (rc, "%s", error->message);
      goto out;
    }
  missing = liaison_print_document_get_missing_glyphs (document);
  for (guint i = 0; missing[i] != NULL; i++)
    {
      /* Translators: %s is a name or title; the fonts lack one of its characters */
      g_autofree char *warning = g_strdup_printf (_ ("No installed font has every character of “%s”: they print as boxes"), missing[i]);
      g_printerr ("liaison: %s\n", warning);
    }
  if (liaison_print_document_get_n_people (document) == 0)
    {
      rc = fail (rc, kind == LIAISON_PRINT_CERTIFICATES ? _ ("No one has attended this event yet: there is no certificate to print")
                                                        : _ ("No one is registered for this event yet: there is nothing to print"));
      goto out;
    }
  if (!liaison_print_document_write_pdf (document, output, &error))
    {
      rc = fail (rc, "%s", error->message);
      goto out;
    }
  {
    g_autofree char *name = display_name (output);
    guint            pages = liaison_print_document_get_n_pages (document);

    /* Translators: %1$s is a file name, %2$u its number of pages */
    outln (g_dngettext (NULL, "Wrote %1$s: %2$u page", "Wrote %1$s: %2$u pages", pages), name, pages);
  }
  rc = LIAISON_EXIT_OK;

out:
  g_free (output);
  g_strfreev (registrations);
  return rc;
}
